//! A pattern that searches a sentence or a whole draft. Its automata are compiled ahead,
//! when the tree is blessed, into `scanners.image` (sparse DFAs, forward and reverse, one
//! pair per pattern written in the tree): loading one costs microseconds where compiling it
//! costs a millisecond, and start-up is what a user waits for. A pattern missing from the
//! image (written since the last bless) is compiled at run time instead, so a stale image
//! slows factlint down but never changes what it finds; `tests/patterns.rs` fails until the
//! image is fresh again (`BLESS=1 cargo test --test patterns`).
//!
//! Capture groups are read, on a match only, by `regex-lite` run from the match's start:
//! the DFAs find where a pattern matches, not its groups.
//!
//! A pattern that ends with `$` asks what stands right before a point ("the 15th " before a
//! summit's name), and is given all the text up to it. It is searched backwards from the end
//! with the reverse automaton, so it costs what its match spans, not the length of the text.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::dfa::Automaton;
use regex_automata::dfa::regex::Regex as DfaRegex;
use regex_automata::dfa::sparse::DFA;
use regex_automata::{Anchored, Input};

/// The compiled scanners, written by `tests/patterns.rs`.
static IMAGE: &[u8] = include_bytes!("scanners.image");
/// The first bytes of the image (and its format's version).
pub const MAGIC: &[u8] = b"factlint-scanners-1\n";

type Dfa = DfaRegex<DFA<&'static [u8]>>;

pub struct Scanner {
    pattern: &'static str,
    engine: Engine,
    /// Every match ends where the text ends (see `ends_at_end`).
    at_end: bool,
    groups: OnceLock<Option<regex_lite::Regex>>,
}

enum Engine {
    Ahead(Box<Dfa>),
    Compiled(regex::Regex),
}

/// Where a scanner matched.
#[derive(Clone, Copy, Debug)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        self.haystack.get(self.start..self.end).unwrap_or("")
    }
}

/// Compile a searching pattern written in the tree: from the image when it is there.
pub fn scanner(pattern: &'static str) -> Scanner {
    let engine = match ahead(pattern) {
        Some(dfa) => Engine::Ahead(Box::new(dfa)),
        None => Engine::Compiled(
            regex::Regex::new(pattern).unwrap_or_else(|e| panic!("the pattern {pattern:?} does not compile: {e}")),
        ),
    };
    Scanner {
        pattern,
        engine,
        at_end: ends_at_end(pattern),
        groups: OnceLock::new(),
    }
}

impl Scanner {
    pub fn is_match(&self, haystack: &str) -> bool {
        self.find(haystack).is_some()
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    fn find_at<'h>(&self, haystack: &'h str, at: usize) -> Option<Match<'h>> {
        let (start, end) = match &self.engine {
            Engine::Ahead(dfa) if self.at_end => {
                // Every match ends at the end, so the leftmost is the longest run of the
                // reverse automaton anchored there.
                let input = Input::new(haystack).range(at..).anchored(Anchored::Yes);
                let start = dfa.reverse().try_search_rev(&input).ok()??.offset();
                (start, haystack.len())
            }
            Engine::Ahead(dfa) => {
                let m = dfa.find(Input::new(haystack).range(at..))?;
                (m.start(), m.end())
            }
            Engine::Compiled(re) => {
                let m = re.find_at(haystack, at)?;
                (m.start(), m.end())
            }
        };
        Some(Match { haystack, start, end })
    }

    /// The matches that do not overlap, from the left.
    pub fn find_iter<'s, 'h>(&'s self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 's
    where
        'h: 's,
    {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at > haystack.len() {
                return None;
            }
            let m = self.find_at(haystack, at)?;
            // An empty match moves on by one character so the search ends.
            at = if m.end > m.start {
                m.end
            } else {
                haystack
                    .get(m.end..)
                    .and_then(|r| r.chars().next())
                    .map_or(haystack.len() + 1, |c| m.end + c.len_utf8())
            };
            Some(m)
        })
    }

    /// The groups of the first match.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<regex_lite::Captures<'h>> {
        let m = self.find(haystack)?;
        self.groups_of(haystack, &m)
    }

    /// The groups of every match, from the left.
    pub fn captures_iter<'s, 'h>(&'s self, haystack: &'h str) -> impl Iterator<Item = regex_lite::Captures<'h>> + 's
    where
        'h: 's,
    {
        self.find_iter(haystack)
            .filter_map(move |m| self.groups_of(haystack, &m))
    }

    /// The groups of a match found by the automata, read by `regex-lite` from its start.
    /// The search stops at the match's end, so reading the groups of every match costs what
    /// the matches span, never the rest of the text again.
    fn groups_of<'h>(&self, haystack: &'h str, m: &Match<'h>) -> Option<regex_lite::Captures<'h>> {
        let groups = self
            .groups
            .get_or_init(|| super::try_compile(self.pattern).ok())
            .as_ref()?;
        let c = groups.captures_at(haystack.get(..m.end)?, m.start)?;
        let all = c.get(0)?;
        (all.start() == m.start && all.end() == m.end).then_some(c)
    }
}

/// Whether every match of the pattern ends at the end of the text: it ends with `$`, outside
/// any group that could be skipped. `tests/patterns.rs` checks this reading against the
/// parsed pattern for every pattern in the tree.
pub fn ends_at_end(pattern: &str) -> bool {
    pattern.ends_with('$') && !pattern.ends_with(r"\$")
}

/// The pattern's automata from the image, if it holds them.
fn ahead(pattern: &str) -> Option<Dfa> {
    let (forward, reverse) = entries(IMAGE)
        .find(|(p, _, _)| *p == pattern.as_bytes())
        .map(|(_, f, r)| (f, r))?;
    // SAFETY: the image is written by `tests/patterns.rs` with `to_bytes_little_endian` of
    // this same crate and checked there with `DFA::from_bytes`, which validates every
    // transition; `from_bytes_unchecked` still checks the header (label, endianness,
    // format version) and the sizes, and fails rather than reading out of bounds.
    #[allow(unsafe_code)]
    let (forward, reverse) = unsafe {
        (
            DFA::from_bytes_unchecked(forward).ok()?.0,
            DFA::from_bytes_unchecked(reverse).ok()?.0,
        )
    };
    Some(DfaRegex::builder().build_from_dfas(forward, reverse))
}

/// The image's entries: each pattern with its forward and reverse DFA.
pub fn entries(image: &[u8]) -> impl Iterator<Item = (&[u8], &[u8], &[u8])> {
    let mut rest = image.strip_prefix(MAGIC).unwrap_or_default();
    std::iter::from_fn(move || {
        let mut field = || {
            let (len, tail) = rest.split_first_chunk::<4>()?;
            let len = u32::from_le_bytes(*len) as usize;
            let (bytes, tail) = (tail.get(..len)?, tail.get(len..)?);
            rest = tail;
            Some(bytes)
        };
        Some((field()?, field()?, field()?))
    })
}

/// One entry of the image, as `entries` reads it.
pub fn write_entry(out: &mut Vec<u8>, pattern: &str, forward: &[u8], reverse: &[u8]) {
    for field in [pattern.as_bytes(), forward, reverse] {
        out.extend_from_slice(&u32::try_from(field.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(field);
    }
}
