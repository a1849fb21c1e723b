//! Stable sorting with one compiled body for every element type.
//!
//! The standard library's sorts are generic over the element and the comparison, so each call
//! site compiles its own copy of driftsort or quicksort: about 38 KB of the wasm came from
//! fifteen of them. Here the merge sort works on indices through a `dyn` comparison, so it is
//! compiled once; only the few lines that move the elements are generic. The cost stays
//! O(n log n) comparisons, which the native benchmarks check at up to a million contributions.

use std::cmp::Ordering;

/// The stable ascending order of `n` items under `cmp(i, j)`, as a list of indices.
pub fn indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Data files are mostly written in order already: then n - 1 comparisons suffice.
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return order;
    }
    let mut scratch = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut scratch[start..end] {
                // Take from the right run only when strictly smaller: that keeps equal items in order.
                let take_right = j < end && (i >= mid || cmp(order[j], order[i]) == Ordering::Less);
                if take_right {
                    *slot = order[j];
                    j += 1;
                } else {
                    *slot = order[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut scratch);
        width *= 2;
    }
    order
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = indices(items.len(), &|i, j| cmp(&items[i], &items[j]));
    arrange(items, order);
}

/// The stable ascending order of items by their `keys`.
fn key_order<K: Ord>(keys: &[K]) -> Vec<usize> {
    indices(keys.len(), &|i, j| keys[i].cmp(&keys[j]))
}

/// Puts `items` in `order` (a permutation of their indices).
fn arrange<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by a key, computed once per item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    arrange(items, key_order(&keys));
}

/// Sorts `items` stably by a whole-number key such as a day number. When the keys span no more
/// than a few values per item, as the dates of any dataset do, this is a counting sort: linear
/// in the number of items, where comparing sorts grow as n log n.
pub fn sort_by_day<T>(items: &mut Vec<T>, key: impl Fn(&T) -> i64) {
    let keys: Vec<i64> = items.iter().map(key).collect();
    let (Some(&min), Some(&max)) = (keys.iter().min(), keys.iter().max()) else { return };
    let span = usize::try_from(max.abs_diff(min)).unwrap_or(usize::MAX);
    if span > 4 * keys.len() + 1024 {
        return arrange(items, key_order(&keys));
    }
    let slot = |k: i64| usize::try_from(k.abs_diff(min)).unwrap_or(0);
    // starts[d]: where the first item with key min + d goes.
    let mut starts = vec![0usize; span + 2];
    for &k in &keys {
        starts[slot(k) + 1] += 1;
    }
    for d in 1..starts.len() {
        starts[d] += starts[d - 1];
    }
    let mut order = vec![0; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        order[starts[slot(k)]] = i;
        starts[slot(k)] += 1;
    }
    arrange(items, order);
}

/// Sorts indices ascending and drops repeats. Repeats side by side go first: the sources of a
/// party's contributions, gathered at every date change for each party's label, are mostly the
/// same few over and over.
pub fn sort_dedup(items: &mut Vec<usize>) {
    items.dedup();
    sort_by(items, usize::cmp);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The next number of a fixed pseudo-random sequence (Knuth's MMIX constants).
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        *seed
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        // A fixed pseudo-random sequence: keys repeat, so stability is tested too.
        let mut seed = 12_345_u64;
        for n in [0, 1, 2, 3, 7, 64, 1000, 4097] {
            let items: Vec<(u8, usize)> = (0..n).map(|i| ((lcg(&mut seed) >> 59) as u8, i)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|x| x.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }

    #[test]
    fn sort_by_day_is_stable_for_near_and_far_keys() {
        let mut seed = 99_u64;
        for spread in [3_i64, 40_000, 1 << 40] {
            for n in [0, 1, 2, 500] {
                let items: Vec<(i64, usize)> =
                    (0..n).map(|i| ((lcg(&mut seed) >> 20) as i64 % spread - spread / 2, i)).collect();
                let mut ours = items.clone();
                sort_by_day(&mut ours, |x| x.0);
                let mut std_sorted = items;
                std_sorted.sort_by_key(|x| x.0);
                assert_eq!(ours, std_sorted, "n = {n}, spread {spread}");
            }
        }
        let mut extremes = vec![i64::MAX, i64::MIN, 0];
        sort_by_day(&mut extremes, |&x| x);
        assert_eq!(extremes, [i64::MIN, 0, i64::MAX]);
    }

    #[test]
    fn sort_dedup_leaves_each_index_once_in_order() {
        let mut v = vec![4, 1, 4, 0, 1, 9];
        sort_dedup(&mut v);
        assert_eq!(v, [0, 1, 4, 9]);
        // Narrow and wide ranges, with runs of repeats and without.
        let mut seed = 7;
        for (len, range, run) in [(0, 1, 1), (1, 1, 1), (500, 20, 30), (500, 1_000, 1), (300, 1 << 40, 3)] {
            let mut v = Vec::new();
            while v.len() < len {
                let x = (lcg(&mut seed) >> 20) % range;
                v.extend(std::iter::repeat_n(x as usize, run));
            }
            let mut expected = v.clone();
            expected.sort_unstable();
            expected.dedup();
            sort_dedup(&mut v);
            assert_eq!(v, expected, "{len} in {range}");
        }
    }
}
