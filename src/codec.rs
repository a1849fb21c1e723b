//! The compact binary form of a validated [`Dataset`], which the wasm embeds and reads.
//!
//! `build.rs` validates every `data/*.toml` when the crate is built and packs it with
//! [`pack`]; the widget only [`unpack`]s, so it ships neither a TOML or JSON reader nor the
//! validator, and does no checking twice. An editor-hosted file is validated in the browser
//! by the separate loader module, which packs it the same way.
//!
//! The format: a magic tag and version, then each record's fields in declaration order.
//! Integers are LEB128 varints (signed ones zigzag-encoded), text is a length and UTF-8 bytes,
//! dates are their canonical text, decimals their whole part, places and number of places,
//! enums are their position in a fixed list, and an optional value is a presence byte. It is an internal format between one build and
//! its own wasm, so it has no compatibility promises beyond the version check.
//!
//! Reading keeps its first error in the reader instead of returning early from every field:
//! a `?` after each of a record's fields makes the compiler write out, for each field, code that
//! drops the fields read before it, which was about half of the widget's 12.8 KB decoder. A damaged
//! field reads as a placeholder, everything after it reads as empty, and [`unpack`] refuses the
//! whole with that first error: where it was found, a byte offset. Why is not said: the bytes
//! were packed by this build and validated, so damage is a file cut short or changed on its way,
//! whatever field it shows in, and each reason's words would weigh on every reader's module
//! (0.2 KB gzipped).

use crate::date::Date;
use crate::model::*;
use crate::money::{int, Decimal};
use crate::text::cat;

const MAGIC: &[u8; 4] = b"CTD3";

/// Why bytes could not be read as a dataset or as its deferred texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// They do not begin with this format's tag and version: not packed, or by another version.
    NoHeader,
    /// They are damaged: reading found it at this byte offset.
    Damaged(usize),
    /// Texts packed for another dataset than the one they are put into (see [`restore_texts`]).
    OtherData,
    /// Texts that are not as many as the dataset has.
    Miscounted,
}

impl CodecError {
    /// What is wrong, in a few words: "it is damaged at byte 120".
    pub fn reason(&self) -> String {
        match *self {
            CodecError::NoHeader => "it has no CTD3 header".into(),
            CodecError::Damaged(at) => cat(&["it is damaged at byte ", &int(at as i64)]),
            CodecError::OtherData => "they were made for other data".into(),
            CodecError::Miscounted => "they are not as many as the dataset has".into(),
        }
    }

    /// What is wrong with a packed dataset, for a reader: "the packed dataset cannot be read: …".
    pub fn message(&self) -> String {
        cat(&["the packed dataset cannot be read: ", &self.reason()])
    }
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

type Read<T> = Result<T, CodecError>;

/// Packs a validated dataset.
pub fn pack(ds: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    ds.put(&mut w);
    w.0
}

/// Reads a packed dataset. Damaged or foreign bytes give an error, never a panic.
pub fn unpack(bytes: &[u8]) -> Read<Dataset> {
    if !bytes.starts_with(MAGIC) {
        return Err(CodecError::NoHeader);
    }
    let mut r = Reader { bytes, at: MAGIC.len(), damage: None };
    let ds = Dataset::get(&mut r);
    r.finish().map(|()| ds)
}

/// Visits, in a fixed order, every text that only a reader's interaction shows (the details
/// panel and the table view) or that the widget never shows: notes, descriptions, purposes,
/// scopes, and what conflicting sources say. A required text is visited as an `Option` too, and
/// is left empty where the visit takes it.
fn deferred_texts(ds: &mut Dataset, mut f: impl FnMut(&mut Option<String>)) {
    let f = &mut f;
    f(&mut ds.coalition.description);
    ds.sources.iter_mut().for_each(|s| f(&mut s.note));
    ds.roles.iter_mut().for_each(|r| f(&mut r.note));
    ds.events.iter_mut().for_each(|e| f(&mut e.note));
    for x in &mut ds.contributions {
        f(&mut x.description);
        f(&mut x.purpose);
        f(&mut x.note);
    }
    ds.reported_totals.iter_mut().for_each(|t| f(&mut t.scope));
    for c in &mut ds.conflicts {
        required(&mut c.topic, f);
        c.claims.iter_mut().for_each(|claim| required(&mut claim.says, f));
        f(&mut c.resolution);
    }
}

/// Visits a required text as an `Option`: empty if the visit takes it.
fn required(text: &mut String, f: &mut impl FnMut(&mut Option<String>)) {
    let mut slot = Some(std::mem::take(text));
    f(&mut slot);
    *text = slot.unwrap_or_default();
}

/// Clears in `ds` what a widget module in `lang` never reads: the seed files' names; the ids of
/// conflicts, of reported totals and of contributions other than pooled pledges (a pooled
/// pledge's id is a key a host selects it by; the others only name records to editors); the
/// names in languages other than `lang`; and the dataset's own `name` of a record that has one
/// in `lang` (`Locale` calls it by that one).
fn leave_unread(ds: &mut Dataset, lang: &str) {
    ds.sources.iter_mut().for_each(|s| s.file = None);
    ds.conflicts.iter_mut().for_each(|c| c.id.clear());
    ds.reported_totals.iter_mut().for_each(|t| t.id.clear());
    ds.contributions.iter_mut().filter(|c| !c.pooled).for_each(|c| c.id.clear());
    let named = std::iter::once((&mut ds.coalition.name, &mut ds.coalition.names));
    for (name, names) in named.chain(ds.parties.iter_mut().map(|p| (&mut p.name, &mut p.names))) {
        names.retain(|(code, _)| code == lang);
        if !names.is_empty() {
            name.clear();
        }
    }
}

/// Packs a validated dataset in two parts for the widget module in `lang` (such a module has
/// one language): without the texts only a reader's interaction shows (see `deferred_texts`)
/// and without what the module never reads (see `leave_unread`), for the module every reader
/// loads first, and those texts, for its split-off part, which brings them when the reader
/// first interacts ([`restore_texts`] puts them back). The texts begin with a [`fingerprint`]
/// of the first part, so that they are never put into another dataset, nor into the module of
/// another language.
pub fn split_texts(ds: &Dataset, lang: &str) -> (Vec<u8>, Vec<u8>) {
    let mut lean = ds.clone();
    leave_unread(&mut lean, lang);
    let mut texts = Vec::new();
    deferred_texts(&mut lean, |t| texts.push(t.take()));
    let lean = pack(&lean);
    let mut w = Writer(Vec::new());
    w.uint(fingerprint(&lean));
    texts.put(&mut w);
    (lean, w.0)
}

/// Puts back into `ds`, read from the first part of [`split_texts`] (`lean`), the texts of its
/// second part (`texts`). Damaged texts, or texts made for other bytes, give an error and leave
/// `ds` as it was; texts that turn out not to be as many as the dataset has give an error after
/// some were put in.
pub fn restore_texts(ds: &mut Dataset, lean: &[u8], texts: &[u8]) -> Read<()> {
    let mut r = Reader { bytes: texts, at: 0, damage: None };
    let made_for = r.uint();
    let texts = Vec::<Option<String>>::get(&mut r);
    r.finish()?;
    if made_for != fingerprint(lean) {
        return Err(CodecError::OtherData);
    }
    let (mut texts, mut short) = (texts.into_iter(), false);
    deferred_texts(ds, |t| match texts.next() {
        Some(text) => *t = text,
        None => short = true,
    });
    if short || texts.len() > 0 {
        return Err(CodecError::Miscounted);
    }
    Ok(())
}

/// FNV-1a (64 bits) of `bytes`: no resistance to chosen collisions, which bytes made by one
/// build cannot exploit.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash = Fnv::default();
    std::hash::Hasher::write(&mut hash, bytes);
    hash.0
}

/// The FNV-1a hasher, 64 bits: small, where std's SipHash would add 0.6 KB to a wasm module.
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Where the first damage was found; once set, the reader is at its end and reads only
    /// placeholders.
    damage: Option<usize>,
}

impl Reader<'_> {
    /// Records damage where the reader is (the first is kept) and skips to the end, so that
    /// every read after it is empty and no count read later can make a loop run long.
    fn damaged(&mut self) {
        self.damage.get_or_insert(self.at);
        self.at = self.bytes.len();
    }

    /// The first damage, if any, or bytes left unread (damage where they begin).
    fn finish(mut self) -> Read<()> {
        if self.at != self.bytes.len() {
            self.damaged();
        }
        self.damage.map_or(Ok(()), |at| Err(CodecError::Damaged(at)))
    }

    /// The next byte, or 0 past the end (recorded as damage).
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => {
                self.damaged();
                0
            }
        }
    }

    fn uint(&mut self) -> u64 {
        let mut v = 0_u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.damaged();
        0
    }

    /// A count of items that are each at least one byte: larger than what is left is damage,
    /// caught before anything is allocated for it.
    fn count(&mut self) -> usize {
        let n = self.uint();
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.at => n,
            _ => {
                self.damaged();
                0
            }
        }
    }

    /// `v`, or `fallback` with damage recorded.
    fn or<T>(&mut self, v: Option<T>, fallback: T) -> T {
        v.unwrap_or_else(|| {
            self.damaged();
            fallback
        })
    }
}

/// A value with a packed form. `get` never fails: damage is recorded in the reader (see the
/// module's documentation) and a placeholder returned.
trait Packed: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Self;
}

impl Packed for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self);
    }
    fn get(r: &mut Reader) -> Self {
        r.uint()
    }
}

impl Packed for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader) -> Self {
        let v = usize::try_from(r.uint()).ok();
        r.or(v, 0)
    }
}

impl Packed for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        let v = u32::try_from(r.uint()).ok();
        r.or(v, 0)
    }
}

impl Packed for i64 {
    fn put(&self, w: &mut Writer) {
        w.uint(((*self << 1) ^ (*self >> 63)) as u64);
    }
    fn get(r: &mut Reader) -> Self {
        let z = r.uint();
        (z >> 1) as i64 ^ -((z & 1) as i64)
    }
}

impl Packed for bool {
    fn put(&self, w: &mut Writer) {
        w.0.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        let v = match r.byte() {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        };
        r.or(v, false)
    }
}

impl Packed for String {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        w.0.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.count();
        let text = r.bytes.get(r.at..r.at + n).and_then(crate::text::utf8);
        r.at += n;
        r.or(text, String::new())
    }
}

/// A date travels as its text, which the widget parses again. As one number (its day and its
/// precision, or its year, month, day and precision) an editor's largest file packed and read
/// some 50 ms faster, but the widget module every reader loads grew by 0.1 to 0.2 KB gzipped:
/// it keeps the parser for a page's own dates, and the numbers compress worse than the text.
impl Packed for Date {
    fn put(&self, w: &mut Writer) {
        self.to_string().put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let v = Date::parse(&String::get(r)).ok();
        r.or(v, Date::from_day_number(0))
    }
}

/// A decimal travels as its parts: reading them needs none of the parser's checks and messages.
impl Packed for Decimal {
    fn put(&self, w: &mut Writer) {
        let (whole, fraction, scale) = self.parts();
        w.uint(whole);
        w.uint(fraction.into());
        w.uint(scale.into());
    }
    fn get(r: &mut Reader) -> Self {
        let (whole, fraction, scale) = (r.uint(), u32::get(r), u32::get(r));
        let v = Decimal::from_parts(whole, fraction, scale);
        r.or(v, Decimal::ZERO)
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, w: &mut Writer) {
        self.is_some().put(w);
        if let Some(v) = self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        bool::get(r).then(|| T::get(r))
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        // Not with_capacity(n) (damaged bytes may claim any n up to the bytes left), and no
        // more placeholders once damage is found.
        let n = r.count();
        let mut out = Vec::new();
        for _ in 0..n {
            if r.damage.is_some() {
                break;
            }
            out.push(T::get(r));
        }
        out
    }
}

/// A pair travels as its two values (a party's names: the list of pairs has the wire form a
/// map of them had).
impl Packed for (String, String) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        (String::get(r), String::get(r))
    }
}

/// Enums travel as their position in a fixed list of every value.
macro_rules! packed_enum {
    ($t:ty, $all:expr) => {
        impl Packed for $t {
            fn put(&self, w: &mut Writer) {
                w.uint($all.iter().position(|v| v == self).unwrap_or(0) as u64);
            }
            fn get(r: &mut Reader) -> Self {
                let all = $all;
                let v = usize::try_from(r.uint()).ok().and_then(|i| all.get(i).copied());
                r.or(v, all[0])
            }
        }
    };
}

packed_enum!(SourceDateBasis, [SourceDateBasis::Stated, SourceDateBasis::Content]);
packed_enum!(PartyKind, [PartyKind::State, PartyKind::Organisation]);
packed_enum!(Role, Role::ALL);
packed_enum!(Timing, [Timing::Exact, Timing::By]);
packed_enum!(Status, Status::ALL);

impl Packed for Subject {
    fn put(&self, w: &mut Writer) {
        let (kind, i) = match *self {
            Subject::Party(i) => (0, i),
            Subject::Event(i) => (1, i),
            Subject::Contribution(i) => (2, i),
            Subject::ReportedTotal(i) => (3, i),
            Subject::Source(i) => (4, i),
        };
        w.uint(kind);
        i.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let kind = r.uint();
        let i = usize::get(r);
        let v = match kind {
            0 => Some(Subject::Party(i)),
            1 => Some(Subject::Event(i)),
            2 => Some(Subject::Contribution(i)),
            3 => Some(Subject::ReportedTotal(i)),
            4 => Some(Subject::Source(i)),
            _ => None,
        };
        r.or(v, Subject::Party(0))
    }
}

/// Records travel as their fields in order.
macro_rules! packed_struct {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Packed for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader) -> Self {
                $t { $($field: Packed::get(r)),* }
            }
        }
    };
}

packed_struct!(Dataset {
    file,
    coalition,
    sources,
    parties,
    roles,
    events,
    rates,
    contributions,
    reported_totals,
    conflicts
});
packed_struct!(Coalition { id, name, description, as_of, version, names });
packed_struct!(Source { id, headline, publisher, author, date, date_basis, file, url, note });
packed_struct!(Party { code, name, kind, names });
packed_struct!(RoleSpan { party, role, since, since_timing, until, sources, note });
packed_struct!(Event { id, date, title, parties, members_reported, sources, note });
packed_struct!(RateRecord { currency, per_eur, date, basis, sources });
packed_struct!(Money { amount, currency, eur, rate });
packed_struct!(Contribution {
    id,
    donors,
    pooled,
    money,
    in_kind,
    description,
    date,
    date_timing,
    status,
    purpose,
    sources,
    note
});
packed_struct!(ReportedTotal { id, date, money, lower_bound, scope, parties, sources });
packed_struct!(Claim { says, sources });
packed_struct!(Conflict { id, topic, about, claims, resolution });
