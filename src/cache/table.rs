//! The briefs index on disk (`briefs.bin`): one binary file, read with one read and
//! looked up in place by binary search, so that a warm run builds no map and copies no
//! strings but those of the entries it uses.
//!
//! Layout, all numbers little-endian:
//! - a header: [`MAGIC`], the [`FORMAT`] version (u32), the length (u32) and bytes of the
//!   program generation that wrote it, the number of records (u32);
//! - the records, [`RECORD`] bytes each, sorted by key: key (u64), the file's stamp
//!   (size u64, modified i128, changed i128, device u64, inode u64), the content hash
//!   (u64), and where its payload is (offset u32 from the start of the payloads, length
//!   u32);
//! - the payloads, one after another.
//!
//! A file of another format or generation, cut short or otherwise malformed reads as
//! empty (and is replaced at the next save); a record whose payload lies outside the
//! file is a miss. Nothing in the file is trusted to be well formed.

use std::path::Path;

use super::stamp::Stamp;

/// The first bytes of a briefs index.
pub const MAGIC: &[u8; 8] = b"LDBRIEFS";

/// The layout's version: a file of another is read as empty (2: a brief's flags byte
/// also says whether the letter asks for more time; 3: or for effectiveness).
pub const FORMAT: u32 = 3;

/// The bytes of one record.
pub const RECORD: usize = 80;

/// One entry: a key (a hash of what it is about, e.g. a letter's path), the stamp of the
/// file it was read from, the hash of that file's text, and what was learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    /// What the entry is about (see [`super::Cache`]'s keys).
    pub key: u64,
    /// The file's version the payload was read from.
    pub stamp: Stamp,
    /// xxh3 of the text read.
    pub hash: u64,
    /// What was learnt, encoded (see [`super::payload`]).
    pub payload: &'a [u8],
}

/// A briefs index as read from disk.
#[derive(Debug, Default)]
pub struct Table {
    bytes: Vec<u8>,
    /// Where the records start.
    records: usize,
    count: usize,
    /// Where the payloads start.
    payloads: usize,
}

impl Table {
    /// The index at `path` if it is of this format and `generation`, else an empty one.
    pub fn read(path: &Path, generation: &str) -> Table {
        std::fs::read(path).map_or_else(|_| Table::default(), |b| Table::parse(b, generation))
    }

    /// The index in `bytes` if it is of this format and `generation`, else an empty one.
    pub fn parse(bytes: Vec<u8>, generation: &str) -> Table {
        Table::layout(&bytes, generation).map_or_else(Table::default, |(records, count)| Table {
            records,
            count,
            payloads: records + count * RECORD,
            bytes,
        })
    }

    /// Where the records start and how many there are, if the header is this format's.
    fn layout(bytes: &[u8], generation: &str) -> Option<(usize, usize)> {
        let mut at = MAGIC.len();
        if bytes.get(..at)? != MAGIC || u32_at(bytes, at)? != FORMAT {
            return None;
        }
        at += 4;
        let length = u32_at(bytes, at)? as usize;
        at += 4;
        if bytes.get(at..at.checked_add(length)?)? != generation.as_bytes() {
            return None;
        }
        at += length;
        let count = u32_at(bytes, at)? as usize;
        at += 4;
        let end = count.checked_mul(RECORD)?.checked_add(at)?;
        (end <= bytes.len()).then_some((at, count))
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The number of the record of `key`, if there is one. The keys are hashes, spread
    /// evenly: the first probes guess where `key` lies from the keys at the ends of the
    /// range left (two or three probes find most keys, where halving takes seventeen
    /// among 100,000), the rest halve it, so that a damaged file costs no more than a
    /// binary search.
    pub fn find(&self, key: u64) -> Option<usize> {
        let (mut low, mut high) = (0, self.count);
        // Bounds of the keys in `low..high`.
        let (mut least, mut most) = (0u64, u64::MAX);
        let mut guesses = 0;
        while low < high {
            let span = high - low;
            let mid = if guesses < 4 && span > 8 && least <= key && key <= most {
                guesses += 1;
                let share = u128::from(key - least) * span as u128 / (u128::from(most - least) + 1);
                low + (share as usize).min(span - 1)
            } else {
                low + span / 2
            };
            let at = u64_at(&self.bytes, self.records + mid * RECORD)?;
            match at.cmp(&key) {
                std::cmp::Ordering::Less => (low, least) = (mid + 1, at),
                std::cmp::Ordering::Greater => (high, most) = (mid, at),
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Record number `i`, unless its payload lies outside the file.
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        if i >= self.count {
            return None;
        }
        let b = &self.bytes;
        let at = self.records + i * RECORD;
        let offset = u32_at(b, at + 72)? as usize;
        let length = u32_at(b, at + 76)? as usize;
        let start = self.payloads.checked_add(offset)?;
        Some(Row {
            key: u64_at(b, at)?,
            stamp: Stamp {
                size: u64_at(b, at + 8)?,
                modified: i128_at(b, at + 16)?,
                changed: i128_at(b, at + 32)?,
                device: u64_at(b, at + 48)?,
                inode: u64_at(b, at + 56)?,
            },
            hash: u64_at(b, at + 64)?,
            payload: b.get(start..start.checked_add(length)?)?,
        })
    }

    /// Every well-formed record, in key order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.count).filter_map(|i| self.row(i))
    }
}

/// The bytes of an index of `rows` (one per key: the first of each is kept) written by
/// `generation`. Rows past what the offsets can address are left out.
pub fn encode(generation: &str, rows: &mut Vec<Row<'_>>) -> Vec<u8> {
    rows.sort_by_key(|r| r.key);
    rows.dedup_by_key(|r| r.key);
    let mut total = 0usize;
    let fits = rows
        .iter()
        .take_while(|r| {
            total += r.payload.len();
            total <= u32::MAX as usize
        })
        .count();
    rows.truncate(fits.min(u32::MAX as usize));
    let mut out = Vec::with_capacity(32 + generation.len() + rows.len() * RECORD + total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(generation.len() as u32).to_le_bytes());
    out.extend_from_slice(generation.as_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut offset = 0u32;
    for r in rows.iter() {
        out.extend_from_slice(&r.key.to_le_bytes());
        out.extend_from_slice(&r.stamp.size.to_le_bytes());
        out.extend_from_slice(&r.stamp.modified.to_le_bytes());
        out.extend_from_slice(&r.stamp.changed.to_le_bytes());
        out.extend_from_slice(&r.stamp.device.to_le_bytes());
        out.extend_from_slice(&r.stamp.inode.to_le_bytes());
        out.extend_from_slice(&r.hash.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(r.payload.len() as u32).to_le_bytes());
        offset += r.payload.len() as u32;
    }
    for r in rows.iter() {
        out.extend_from_slice(r.payload);
    }
    out
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

fn i128_at(b: &[u8], at: usize) -> Option<i128> {
    Some(i128::from_le_bytes(b.get(at..at + 16)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(n: u64) -> Stamp {
        Stamp {
            size: n,
            modified: -i128::from(n),
            changed: i128::from(n) << 70,
            device: 3,
            inode: n + 1,
        }
    }

    #[test]
    fn rows_are_found_by_key_in_place() {
        let payloads: Vec<Vec<u8>> = (0..100u64).map(|n| vec![n as u8; n as usize]).collect();
        let mut rows: Vec<Row> = (0..100u64)
            .rev()
            .map(|n| Row {
                key: n * 7919 % 1000,
                stamp: stamp(n),
                hash: n,
                payload: &payloads[n as usize],
            })
            .collect();
        let expected = rows.clone();
        let bytes = encode("gen-1", &mut rows);
        let table = Table::parse(bytes.clone(), "gen-1");
        assert_eq!(table.len(), 100);
        for row in &expected {
            assert_eq!(table.row(table.find(row.key).unwrap()), Some(*row));
        }
        assert_eq!(table.find(1001), None);
        let keys: Vec<u64> = table.rows().map(|r| r.key).collect();
        assert!(keys.is_sorted() && keys.len() == 100);
        assert_eq!(
            Table::parse(bytes.clone(), "gen-2").len(),
            0,
            "another build"
        );
        let mut other = bytes.clone();
        other[8] = FORMAT as u8 + 1;
        assert_eq!(Table::parse(other, "gen-1").len(), 0, "another format");
    }

    #[test]
    fn keys_spread_evenly_or_bunched_are_all_found() {
        let payload = b"p".to_vec();
        let spread = |n: u64| xxhash_rust::xxh3::xxh3_64(&n.to_le_bytes());
        let bunched = |n: u64| u64::MAX - 1000 + n * 3;
        for key_of in [&spread as &dyn Fn(u64) -> u64, &bunched] {
            for count in [0, 1, 2, 9, 300] {
                let mut rows: Vec<Row> = (0..count)
                    .map(|n| Row {
                        key: key_of(n),
                        stamp: stamp(n),
                        hash: n,
                        payload: &payload,
                    })
                    .collect();
                let table = Table::parse(encode("g", &mut rows), "g");
                for n in 0..count {
                    let i = table.find(key_of(n)).expect("a key kept is found");
                    assert_eq!(table.row(i).unwrap().key, key_of(n));
                }
                for absent in [0, 1, u64::MAX, key_of(count) ^ 1, key_of(0).wrapping_add(1)] {
                    let kept = (0..count).any(|n| key_of(n) == absent);
                    assert_eq!(table.find(absent).is_some(), kept, "{absent}");
                }
            }
        }
    }

    #[test]
    fn a_damaged_file_is_a_miss_never_a_panic() {
        let payload = b"brief".to_vec();
        let rows = (0..20u64).map(|n| Row {
            key: n,
            stamp: stamp(n),
            hash: n,
            payload: &payload,
        });
        let bytes = encode("g", &mut rows.collect());
        for cut in 0..bytes.len() {
            let table = Table::parse(bytes[..cut].to_vec(), "g");
            let found = (0..20).filter_map(|k| table.find(k)).count();
            assert!(table.rows().count() <= found, "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(3) {
            flipped[i] ^= 0xa5;
            let table = Table::parse(flipped.clone(), "g");
            for key in 0..20 {
                if let Some(i) = table.find(key) {
                    let _ = table.row(i);
                }
            }
        }
        assert_eq!(
            Table::read(Path::new("/nonexistent/briefs.bin"), "g").len(),
            0
        );
    }
}
