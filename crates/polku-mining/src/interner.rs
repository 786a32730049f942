//! Turns repeated strings (case ids, activity names) into dense `u32` ids.
//!
//! All text lives in one growing buffer and the table holds only ids and
//! hashes, so a million events cost no allocation per distinct key and no
//! pointer chase on a hash collision; dropping it frees two vectors.

use std::hash::Hasher;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

/// Interned strings, numbered in order of first appearance.
#[derive(Debug, Default)]
pub struct Interner {
    table: HashTable<Slot>,
    text: String,
    ends: Vec<usize>,
}

/// A table entry carries the key's place in the text, so a lookup touches
/// the table and the text only (two cache misses, not three).
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: u64,
    id: u32,
    start: usize,
    end: usize,
}

fn hash(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish()
}

impl Interner {
    /// The id of `key`, adding it when new.
    pub fn intern(&mut self, key: &str) -> u32 {
        let hash = hash(key);
        let text = &self.text;
        let found = self.table.find(hash, |slot| {
            slot.hash == hash && &text[slot.start..slot.end] == key
        });
        if let Some(slot) = found {
            return slot.id;
        }
        let id = self.ends.len() as u32;
        let start = self.text.len();
        self.text.push_str(key);
        self.ends.push(self.text.len());
        let slot = Slot {
            hash,
            id,
            start,
            end: self.text.len(),
        };
        self.table.insert_unique(hash, slot, |slot| slot.hash);
        id
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The strings in id order.
    pub fn into_strings(self) -> Vec<String> {
        (0..self.ends.len())
            .map(|id| span(&self.text, &self.ends, id).to_owned())
            .collect()
    }
}

fn span<'a>(text: &'a str, ends: &[usize], id: usize) -> &'a str {
    let start = if id == 0 { 0 } else { ends[id - 1] };
    &text[start..ends[id]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_an_id_in_order_of_first_appearance() {
        let mut interner = Interner::default();
        assert_eq!(interner.intern("b"), 0);
        assert_eq!(interner.intern("a"), 1);
        assert_eq!(interner.intern("b"), 0);
        assert_eq!(interner.intern(""), 2);
        assert_eq!(interner.intern("ab"), 3);
        assert_eq!(interner.len(), 4);
        assert_eq!(interner.into_strings(), ["b", "a", "", "ab"]);
    }
}
