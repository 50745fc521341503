//! Revisions: what each copy of a record has seen, so that a merge among any number of copies
//! can tell an update from a conflict without trusting anyone's clock.
//!
//! As in CouchDB, every change of a record makes a new revision `N-hash`: the generation `N`
//! (one more than the revision it was made from) and a short hash of the parent revision and
//! the new content. A record carries its revision and a bounded list of ancestor revisions,
//! newest first. Copy A descends from copy B when B's revision is among A's ancestors; two
//! copies neither of which descends from the other are concurrent: a conflict.
//!
//! **The bound.** A record keeps its [`ANCESTORS_KEPT`] most recent ancestors. Past it, a copy
//! that missed more than that many successive changes of one record no longer finds its own
//! revision in the newer copy's list: the two are then treated as concurrent, a conflict kept
//! for review. A false conflict, never a lost edit. Thirty-two changes of one record between
//! two exchanges is far beyond how a neighbourhood edits a helper or a need, and keeps an
//! often-edited record's history under about 450 characters of storage.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// How many ancestor revisions a record keeps.
pub const ANCESTORS_KEPT: usize = 32;

/// One revision of a record. Orders by generation, then hash: the order ancestor lists are
/// kept in (newest first), the same on every copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    pub generation: u32,
    pub hash: u32,
}

impl Rev {
    /// The revision of a record that has not been stored yet.
    pub const NONE: Rev = Rev {
        generation: 0,
        hash: 0,
    };

    /// The revision made from `parent` with `content` (the record's JSON without its
    /// revision fields).
    pub fn child(parent: Rev, content: &str) -> Rev {
        let mut hash = Fnv::new();
        hash.write(parent.to_string().as_bytes());
        hash.write(b"|");
        hash.write(content.as_bytes());
        Rev {
            generation: parent.generation.saturating_add(1),
            hash: hash.finish(),
        }
    }

    /// The revision a schema-1 record's stamp stands for. Schema 1 knew each version only by
    /// its `updated_at`, so two copies with the same id and stamp get the same revision
    /// (always of generation 1: the same version may have been one edit or three away from
    /// its first on different phones, and schema 1 did not say).
    pub fn legacy(id: Uuid, stamp: DateTime<Utc>) -> Rev {
        let mut hash = Fnv::new();
        hash.write(id.as_bytes());
        hash.write(&stamp.timestamp_millis().to_le_bytes());
        Rev {
            generation: 1,
            hash: hash.finish(),
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:08x}", self.generation, self.hash)
    }
}

impl std::str::FromStr for Rev {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wrong =
            || format!("not a revision: {text:?} (expected a number, '-' and 8 hex digits)");
        let (generation, hash) = text.split_once('-').ok_or_else(wrong)?;
        let generation: u32 = generation.parse().map_err(|_| wrong())?;
        if hash.len() != 8 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(wrong());
        }
        let hash = u32::from_str_radix(hash, 16).map_err(|_| wrong())?;
        Ok(Rev { generation, hash })
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Puts `more` into the ancestor list `into`: newest first, each once, at most
/// [`ANCESTORS_KEPT`]. The same whichever order lists are joined in.
pub fn join_ancestors(into: &mut Vec<Rev>, more: impl IntoIterator<Item = Rev>) {
    into.extend(more);
    into.sort_unstable_by(|a, b| b.cmp(a));
    into.dedup();
    into.truncate(ANCESTORS_KEPT);
}

/// FNV-1a, 32 bits: small, the same on every platform, and enough to tell one record's
/// revisions of the same generation apart.
struct Fnv(u32);

impl Fnv {
    fn new() -> Self {
        Fnv(0x811c_9dc5)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u32::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }

    fn finish(self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_reads_back_from_its_text_and_rejects_anything_else() {
        let rev = Rev::child(Rev::NONE, "{\"text\":\"soup\"}");
        assert_eq!(rev.generation, 1);
        assert_eq!(rev.to_string().parse::<Rev>(), Ok(rev));
        for wrong in ["", "1", "1-123", "x-12345678", "1-1234567g", "-1-12345678"] {
            assert!(wrong.parse::<Rev>().is_err(), "{wrong:?}");
        }
    }

    #[test]
    fn the_same_change_of_the_same_parent_is_the_same_revision_and_any_other_is_not() {
        let parent = Rev::child(Rev::NONE, "a");
        assert_eq!(Rev::child(parent, "b"), Rev::child(parent, "b"));
        assert_ne!(Rev::child(parent, "b"), Rev::child(parent, "c"));
        assert_ne!(
            Rev::child(parent, "b"),
            Rev::child(Rev::child(parent, "x"), "b")
        );
    }

    #[test]
    fn ancestor_lists_join_in_any_order_to_the_same_bounded_list() {
        let revs: Vec<Rev> = (1..=40)
            .map(|n| Rev {
                generation: n,
                hash: n * 7,
            })
            .collect();
        let mut a = revs[..25].to_vec();
        join_ancestors(&mut a, revs[10..].iter().copied());
        let mut b = revs[10..].to_vec();
        join_ancestors(&mut b, revs[..25].iter().copied());
        assert_eq!(a, b);
        assert_eq!(a.len(), ANCESTORS_KEPT);
        assert_eq!(a[0].generation, 40, "newest first");
        assert_eq!(a.last().unwrap().generation, 9, "the oldest fall off");
    }
}
