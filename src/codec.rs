//! The compact binary form of a validated [`Dataset`], which the wasm embeds and reads.
//!
//! `build.rs` validates every `data/*.toml` when the crate is built and packs it with
//! [`pack`]; the widget only [`unpack`]s, so it ships neither a TOML or JSON reader nor the
//! validator, and does no checking twice. An editor-hosted file is validated in the browser
//! by the separate loader module, which packs it the same way.
//!
//! The format: a magic tag and version, then each record's fields in declaration order.
//! Integers are LEB128 varints (signed ones zigzag-encoded), text is a length and UTF-8 bytes,
//! dates and decimals are their canonical text, enums are their position in a fixed list,
//! and an optional value is a presence byte. It is an internal format between one build and
//! its own wasm, so it has no compatibility promises beyond the version check.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::model::*;
use crate::money::Decimal;

const MAGIC: &[u8; 4] = b"CTD1";

/// Why bytes could not be read as a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError(pub String);

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the packed dataset is damaged: {}", self.0)
    }
}

type Read<T> = Result<T, CodecError>;

fn damaged<T>(what: &str) -> Read<T> {
    Err(CodecError(what.to_string()))
}

/// Packs a validated dataset.
pub fn pack(ds: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    ds.put(&mut w);
    w.0
}

/// Reads a packed dataset. Damaged or foreign bytes give an error, never a panic.
pub fn unpack(bytes: &[u8]) -> Read<Dataset> {
    let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| CodecError("it has no CTD1 header".into()))?;
    let mut r = Reader { bytes: body, at: 0 };
    let ds = Dataset::get(&mut r)?;
    if r.at != body.len() {
        return damaged("it has bytes after the dataset");
    }
    Ok(ds)
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
}

impl Reader<'_> {
    fn byte(&mut self) -> Read<u8> {
        let b = *self.bytes.get(self.at).ok_or_else(|| CodecError("it ends too early".into()))?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Read<u64> {
        let mut v = 0_u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        damaged("a number is too long")
    }

    /// A count of items that are each at least one byte: larger than what is left is damage,
    /// caught before anything is allocated for it.
    fn count(&mut self) -> Read<usize> {
        let n = self.uint()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.at => Ok(n),
            _ => damaged("a length runs past the end"),
        }
    }
}

/// A value with a packed form.
trait Packed: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Read<Self>;
}

impl Packed for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self);
    }
    fn get(r: &mut Reader) -> Read<Self> {
        r.uint()
    }
}

impl Packed for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader) -> Read<Self> {
        usize::try_from(r.uint()?).or_else(|_| damaged("an index is too large"))
    }
}

impl Packed for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader) -> Read<Self> {
        u32::try_from(r.uint()?).or_else(|_| damaged("a count is too large"))
    }
}

impl Packed for i64 {
    fn put(&self, w: &mut Writer) {
        w.uint(((*self << 1) ^ (*self >> 63)) as u64);
    }
    fn get(r: &mut Reader) -> Read<Self> {
        let z = r.uint()?;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
    }
}

impl Packed for bool {
    fn put(&self, w: &mut Writer) {
        w.0.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Read<Self> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => damaged("a flag is neither 0 nor 1"),
        }
    }
}

impl Packed for String {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        w.0.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Read<Self> {
        let n = r.count()?;
        let text = &r.bytes[r.at..r.at + n];
        r.at += n;
        String::from_utf8(text.to_vec()).or_else(|_| damaged("a text is not UTF-8"))
    }
}

impl Packed for Date {
    fn put(&self, w: &mut Writer) {
        self.to_string().put(w);
    }
    fn get(r: &mut Reader) -> Read<Self> {
        Date::parse(&String::get(r)?).map_err(CodecError)
    }
}

impl Packed for Decimal {
    fn put(&self, w: &mut Writer) {
        self.to_string().put(w);
    }
    fn get(r: &mut Reader) -> Read<Self> {
        Decimal::parse(&String::get(r)?).map_err(CodecError)
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, w: &mut Writer) {
        self.is_some().put(w);
        if let Some(v) = self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Read<Self> {
        Ok(if bool::get(r)? { Some(T::get(r)?) } else { None })
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Read<Self> {
        // A loop rather than collecting into a Result: that adapter is compiled again for every
        // element type, and the widget module unpacks a dozen.
        let n = r.count()?;
        let mut out = Vec::new(); // not with_capacity(n): damaged bytes may claim any n
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Ok(out)
    }
}

impl Packed for BTreeMap<String, String> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for (key, value) in self {
            key.put(w);
            value.put(w);
        }
    }
    fn get(r: &mut Reader) -> Read<Self> {
        // Inserted one by one: collecting into a map sorts first, which links a general sort.
        let n = r.count()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            out.insert(String::get(r)?, String::get(r)?);
        }
        Ok(out)
    }
}

/// Enums travel as their position in a fixed list of every value.
macro_rules! packed_enum {
    ($t:ty, $all:expr) => {
        impl Packed for $t {
            fn put(&self, w: &mut Writer) {
                w.uint($all.iter().position(|v| v == self).unwrap_or(0) as u64);
            }
            fn get(r: &mut Reader) -> Read<Self> {
                let i = r.uint()?;
                usize::try_from(i).ok().and_then(|i| $all.get(i).copied()).map_or_else(|| damaged("unknown kind"), Ok)
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
    fn get(r: &mut Reader) -> Read<Self> {
        let kind = r.uint()?;
        let i = usize::get(r)?;
        Ok(match kind {
            0 => Subject::Party(i),
            1 => Subject::Event(i),
            2 => Subject::Contribution(i),
            3 => Subject::ReportedTotal(i),
            4 => Subject::Source(i),
            _ => return damaged("unknown subject"),
        })
    }
}

/// Records travel as their fields in order.
macro_rules! packed_struct {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Packed for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader) -> Read<Self> {
                Ok($t { $($field: Packed::get(r)?),* })
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
packed_struct!(Coalition { id, name, description, as_of, version });
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
