//! A multi-pattern matcher (leftmost-longest, byte-wise) that can be stored in the
//! precompiled knowledge base and loaded without being built again.

use std::ops::Range;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub struct Automaton(DoubleArrayAhoCorasick<u32>);

impl Automaton {
    /// Patterns are matched as written (fold case before, in the patterns and the text).
    /// A pattern written twice keeps its first index; empty patterns never match.
    pub fn build(patterns: &[String]) -> Option<Self> {
        let mut seen = std::collections::HashSet::new();
        let patvals: Vec<(&str, u32)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty() && seen.insert(p.as_str()))
            .filter_map(|(i, p)| Some((p.as_str(), u32::try_from(i).ok()?)))
            .collect();
        if patvals.is_empty() {
            return None;
        }
        DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patvals)
            .ok()
            .map(Self)
    }

    /// Leftmost-longest matches, without overlaps: (byte range, pattern index).
    pub fn find_iter<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.0
            .leftmost_find_iter(haystack)
            .map(|m| (m.start()..m.end(), m.value() as usize))
    }
}

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Automaton({} states)", self.0.num_states())
    }
}

impl Serialize for Automaton {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0.serialize())
    }
}

impl<'de> Deserialize<'de> for Automaton {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Borrowed from the image: the automaton copies what it keeps.
        let bytes = <&'de [u8]>::deserialize(d)?;
        // SAFETY: these bytes are only ever read from the image this binary embeds, which
        // `Automaton::serialize` wrote and whose header (the hash of the rules it was made
        // from and the image format) is checked before anything in it is read.
        let (automaton, rest) = unsafe { DoubleArrayAhoCorasick::<u32>::deserialize_unchecked(bytes) };
        if !rest.is_empty() {
            return Err(serde::de::Error::custom("trailing bytes after an automaton"));
        }
        Ok(Self(automaton))
    }
}

#[cfg(test)]
mod tests {
    use super::Automaton;

    #[test]
    fn leftmost_longest_with_first_index_for_repeats() {
        let pats: Vec<String> = ["new", "new york", "york", "new"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = Automaton::build(&pats).unwrap();
        let found: Vec<_> = a.find_iter("new york and new").collect();
        assert_eq!(found, vec![(0..8, 1), (13..16, 0)]);
        let bytes = postcard::to_allocvec(&a).unwrap();
        let b: Automaton = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(b.find_iter("new york").collect::<Vec<_>>(), vec![(0..8, 1)]);
    }
}
