//! Where a clause ends: one definition, read from the `[clause]` table of the grammar
//! lexicon, for every reader that asks. A stance verb's objects, the date or place of an
//! event mention and the date that dates a title each stop at the breaks listed for them
//! there; a break is a mark (`;`, ` — `) or a word matched whole after a space (`but`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::words::GRAMMAR;

/// What the clause is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// How far a stance verb governs its objects.
    Verb,
    /// How far a date or place belongs to the event just named.
    Mention,
    /// Whether a date and a title stand in one clause.
    Time,
}

struct Breaks {
    matcher: Option<AhoCorasick>,
    /// For each pattern: it is a word, to be matched whole.
    word: Vec<bool>,
}

fn build(list: &[String]) -> Breaks {
    let mut patterns = Vec::new();
    let mut word = Vec::new();
    for b in list {
        if b.chars().all(char::is_alphabetic) {
            patterns.push(format!(" {b}"));
            word.push(true);
        } else {
            patterns.push(b.clone());
            word.push(false);
        }
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .ascii_case_insensitive(true)
        .build(&patterns)
        .ok();
    Breaks { matcher, word }
}

static VERB: LazyLock<Breaks> = LazyLock::new(|| build(&GRAMMAR.clause.verb));
static MENTION: LazyLock<Breaks> = LazyLock::new(|| build(&GRAMMAR.clause.mention));
static TIME: LazyLock<Breaks> = LazyLock::new(|| build(&GRAMMAR.clause.time));

/// The offset in `text` where the first clause break for `reach` starts, if any. Line
/// breaks count as spaces.
pub fn first_break(text: &str, reach: Reach) -> Option<usize> {
    let breaks = match reach {
        Reach::Verb => &*VERB,
        Reach::Mention => &*MENTION,
        Reach::Time => &*TIME,
    };
    let m = breaks.matcher.as_ref()?;
    let spaced;
    let text = if text.contains(['\n', '\r', '\t']) {
        spaced = text.replace(['\n', '\r', '\t'], " ");
        spaced.as_str()
    } else {
        text
    };
    m.find_iter(text)
        .find(|x| {
            let word = breaks.word.get(x.pattern().as_usize()).copied().unwrap_or(false);
            if word {
                text.get(x.end()..)
                    .is_none_or(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
            } else {
                // A full stop ends a clause only where it ends a sentence: not after "St.".
                !crate::text::from(text, x.start()).starts_with('.') || super::sentence::ends_sentence(text, x.start())
            }
        })
        .map(|x| x.start())
}

/// True when a break for `reach` stands anywhere in `text`.
pub fn breaks(text: &str, reach: Reach) -> bool {
    first_break(text, reach).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_are_found_by_what_is_asked() {
        assert_eq!(first_break("the talks, but not the summit", Reach::Verb), Some(10));
        assert_eq!(first_break("A, B and C; D", Reach::Verb), Some(10));
        assert_eq!(first_break("the butter", Reach::Verb), None);
        assert_eq!(first_break(" in Goa, after talks", Reach::Mention), Some(8));
        assert!(breaks(" 2011, when then-President", Reach::Time));
        assert!(!breaks(" in March 2013 ", Reach::Time));
        assert_eq!(first_break("A\nbut B", Reach::Verb), Some(1));
        assert_eq!(
            first_break(" in St. Petersburg in 2009. Then", Reach::Mention),
            Some(26)
        );
    }
}
