//! A set of phrases matched at word starts, longest first, stored as a finite-state
//! transducer (`fst`) that the precompiled knowledge base holds as plain bytes: loading it
//! from the image borrows those bytes in place, so nothing is built or copied at start-up.

use std::ops::Range;

use fst::raw::{Fst, Output};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::stored::IMAGE;

/// The transducer's bytes: built at run time (a pack given with `--rules`), or a range of
/// the image embedded in the binary.
#[derive(Clone)]
enum Bytes {
    Owned(Vec<u8>),
    Image(&'static [u8]),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Image(s) => s,
        }
    }
}

/// Phrases mapped to their index in the list they were built from.
pub struct Automaton(Fst<Bytes>);

impl Automaton {
    /// Patterns are matched as written (fold case before, in the patterns and the text).
    /// A pattern written twice keeps its first index; empty patterns never match.
    pub fn build(patterns: &[String]) -> Option<Self> {
        let mut keyed: Vec<(&[u8], u64)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(i, p)| (p.as_bytes(), i as u64))
            .collect();
        if keyed.is_empty() {
            return None;
        }
        // Sorted by phrase, then index, so that the first of equal phrases is kept.
        keyed.sort_unstable();
        keyed.dedup_by(|later, first| later.0 == first.0);
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in keyed {
            builder.insert(key, value).ok()?;
        }
        let bytes = builder.into_inner().ok()?;
        Fst::new(Bytes::Owned(bytes)).ok().map(Self)
    }

    /// Matches that start where `starts_word` allows and that `accept` keeps, without
    /// overlaps: at each start, the longest accepted phrase, and the search goes on after
    /// it. Returns (byte range, pattern index).
    pub fn find_iter<'a>(
        &'a self,
        haystack: &'a str,
        starts_word: impl Fn(usize) -> bool + 'a,
        accept: impl Fn(&Range<usize>) -> bool + 'a,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let bytes = haystack.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let start = at;
                at += 1;
                if !haystack.is_char_boundary(start) || !starts_word(start) {
                    continue;
                }
                if let Some((end, pattern)) = self.longest_at(bytes, start, &accept) {
                    at = end;
                    return Some((start..end, pattern));
                }
            }
            None
        })
    }

    /// The longest accepted phrase starting at `start`: its end and index.
    fn longest_at(
        &self,
        bytes: &[u8],
        start: usize,
        accept: &impl Fn(&Range<usize>) -> bool,
    ) -> Option<(usize, usize)> {
        let fst = &self.0;
        let mut node = fst.root();
        let mut out = Output::zero();
        let mut best = None;
        for (i, &b) in bytes.iter().enumerate().skip(start) {
            let Some(t) = node.find_input(b) else { break };
            let t = node.transition(t);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            let end = i + 1;
            if node.is_final() && accept(&(start..end)) {
                best = Some((end, out.cat(node.final_output()).value() as usize));
            }
        }
        best
    }
}

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Automaton({} phrases)", self.0.len())
    }
}

impl Serialize for Automaton {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0.as_bytes())
    }
}

impl<'de> Deserialize<'de> for Automaton {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let bytes = <&'de [u8]>::deserialize(d)?;
        let fst = Fst::new(in_image(bytes).map_or_else(|| Bytes::Owned(bytes.to_vec()), Bytes::Image))
            .map_err(serde::de::Error::custom)?;
        Ok(Self(fst))
    }
}

/// `bytes` as a slice of the embedded image, when they lie inside it.
fn in_image(bytes: &[u8]) -> Option<&'static [u8]> {
    let start = (bytes.as_ptr() as usize).checked_sub(IMAGE.as_ptr() as usize)?;
    IMAGE.get(start..start.checked_add(bytes.len())?)
}

#[cfg(test)]
mod tests {
    use super::Automaton;

    fn all(a: &Automaton, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        a.find_iter(text, |_| true, |_| true).collect()
    }

    #[test]
    fn longest_first_with_first_index_for_repeats() {
        let pats: Vec<String> = ["new", "new york", "york", "new"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = Automaton::build(&pats).unwrap();
        assert_eq!(all(&a, "new york and new"), vec![(0..8, 1), (13..16, 0)]);
        let bytes = postcard::to_allocvec(&a).unwrap();
        let b: Automaton = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(all(&b, "new york"), vec![(0..8, 1)]);
    }

    #[test]
    fn a_rejected_longer_match_leaves_the_shorter_one() {
        let pats: Vec<String> = ["new", "new york"].iter().map(|s| s.to_string()).collect();
        let a = Automaton::build(&pats).unwrap();
        let text = "new yorker";
        let found: Vec<_> = a.find_iter(text, |_| true, |r| crate::text::is_word(text, r)).collect();
        assert_eq!(found, vec![(0..3, 0)]);
    }
}
