// `paired`, the comparison `make bench` and bench/ab.js give their verdicts by
// (`make test-scripts`: node --test bench/).
import assert from 'node:assert/strict';
import test from 'node:test';
import { paired } from './first-pixels.js';

const rounds = (n, f) => Array.from({ length: n }, (_, i) => f(i));

test('the interval is the sign test\'s order statistics: the 6th and 15th of 20 differences', () => {
  const a = rounds(20, () => 100);
  const b = rounds(20, (i) => 100 + (i + 1));
  assert.deepEqual(paired(a, b), { diff: 11, low: 6, high: 15, n: 20, verdict: 'B slower' });
});

test('at 10 and 40 pairs, the 2nd and 9th, and the 14th and 27th', () => {
  for (const [n, low, high] of [[10, 2, 9], [40, 14, 27]]) {
    const r = paired(rounds(n, () => 0), rounds(n, (i) => i + 1));
    assert.deepEqual([r.low, r.high], [low, high]);
  }
});

test('B faster only when the whole interval is below 0', () => {
  const a = rounds(20, (i) => 100 + 7 * (i % 3));
  assert.equal(paired(a, a.map((x, i) => x - 5 + (i % 3))).verdict, 'B faster');
  // Half the rounds 3 ms faster and half 3 ms slower: the interval holds 0.
  const r = paired(a, a.map((x, i) => x + (i % 2 ? 3 : -3)));
  assert.deepEqual([r.low, r.high, r.verdict], [-3, 3, 'level']);
});

test('differences go round by round, not by rank: a slow spell on both pages cancels', () => {
  // Page B is 2 ms faster in every round; the rounds' own times vary by 60 ms.
  const a = rounds(20, (i) => 90 + ((i * 37) % 60));
  const r = paired(a, a.map((x) => x - 2));
  assert.deepEqual([r.diff, r.low, r.high, r.verdict], [-2, -2, -2, 'B faster']);
});

test('a round without a figure drops out, and under 6 pairs there is no interval', () => {
  const r = paired([1, 2, Number.NaN, 4, 5, 6, 7], [2, 3, 4, Number.NaN, 6, 7, 8]);
  assert.equal(r.n, 5);
  assert.ok(Number.isNaN(r.low) && Number.isNaN(r.high));
  assert.equal(r.verdict, 'level');
});
