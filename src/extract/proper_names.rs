//! Personal names as written, whether or not the knowledge base knows them: runs of
//! capitalised words ("Anthony Blinken", "Kim Jong-un", "Mohammed bin Salman") and single
//! capitalised words that may be a surname used alone. Titles, countries, organisations,
//! months and other capitalised words that are not names break a run, and a run with a
//! word of an institution ("Ministry", "Council") is not a person. Name spelling is judged
//! on these, so that a person the record has never heard of is still checked.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::kb::surface::{Hit, Surface};

#[derive(Debug, Clone, Serialize)]
pub struct NameMention {
    pub span: Range<usize>,
    pub text: String,
    /// Each word of the name (initials such as `W.` left out).
    #[serde(skip)]
    pub words: Vec<Range<usize>>,
    /// Knowledge-base people named inside the span.
    #[serde(skip)]
    pub people: Vec<usize>,
    /// The mention opens its sentence (so its capital proves nothing).
    #[serde(skip)]
    pub sentence_start: bool,
    /// More than one word, initials included: `S. Jaishankar` is a full name.
    #[serde(skip)]
    pub full: bool,
}

fn set(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Capitalised words that are not parts of a personal name.
static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(include_str!("../lexicon/not-names.txt")));
/// Words that make a capitalised run an institution, place or event rather than a person.
static INSTITUTIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../lexicon/institution-words.txt")));
/// Lowercase particles inside names: "Mohammed bin Salman", "Ursula von der Leyen".
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "del", "di", "du", "le", "la", "dos", "das",
    "ben",
];

struct Word {
    span: Range<usize>,
    capital: bool,
    initial: bool,
}

fn words(prose: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes_end = prose.len();
    let mut iter = prose.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = (c == '-' || c == '\'' || c == '’')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(prose, s..i));
        }
    }
    if let Some(s) = start {
        out.push(word(prose, s..bytes_end));
    }
    out
}

fn word(prose: &str, mut span: Range<usize>) -> Word {
    let whole = crate::text::get(prose, span.clone());
    // "Macron's" is Macron.
    if let Some(stem) = whole.strip_suffix("'s").or_else(|| whole.strip_suffix("’s")) {
        span.end = span.start + stem.len();
    }
    let text = crate::text::get(prose, span.clone());
    let core = text
        .strip_prefix("al-")
        .or_else(|| text.strip_prefix("el-"))
        .unwrap_or(text);
    let capital = core.chars().next().is_some_and(char::is_uppercase);
    let initial = text.chars().count() == 1 && capital && crate::text::char_at(prose, span.end) == Some('.');
    Word { span, capital, initial }
}

/// Names in `prose`, given the knowledge base's hits (sorted) and the sentence spans.
pub fn extract(prose: &str, hits: &[Hit], sentences: &[Range<usize>]) -> Vec<NameMention> {
    let ws = words(prose);
    let person_at = |span: &Range<usize>| -> Option<Option<usize>> {
        let i = hits.partition_point(|h| h.span.end <= span.start);
        let h = hits.get(i).filter(|h| h.span.start < span.end)?;
        Some(h.surfaces.iter().find_map(|s| match s {
            Surface::Person { person, .. } => Some(*person),
            _ => None,
        }))
    };
    let opens_sentence = |at: usize| {
        let i = sentences.partition_point(|s| s.start <= at);
        i.checked_sub(1).and_then(|i| sentences.get(i)).is_some_and(|s| {
            crate::text::get(prose, s.start..at)
                .trim()
                .trim_start_matches(['"', '“', '‘', '\''])
                .is_empty()
        })
    };
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<NameMention>| {
        // Trailing particles are not part of the name.
        while run.last().is_some_and(|&k| !ws[k].capital) {
            run.pop();
        }
        if run.is_empty() {
            return;
        }
        let span = ws[run[0]].span.start..ws[run[run.len() - 1]].span.end;
        let text = crate::text::get(prose, span.clone()).to_string();
        let institution = run
            .iter()
            .any(|&k| INSTITUTIONS.contains(crate::text::get(prose, ws[k].span.clone())));
        let mut people = Vec::new();
        for &k in run.iter() {
            if let Some(Some(p)) = person_at(&ws[k].span)
                && !people.contains(&p)
            {
                people.push(p);
            }
        }
        if !institution {
            out.push(NameMention {
                sentence_start: opens_sentence(span.start),
                full: run.len() > 1,
                words: run
                    .iter()
                    .filter(|&&k| !ws[k].initial)
                    .map(|&k| ws[k].span.clone())
                    .collect(),
                span,
                text,
                people,
            });
        }
        run.clear();
    };
    for (k, w) in ws.iter().enumerate() {
        let text = crate::text::get(prose, w.span.clone());
        let gap_ok = run.last().is_some_and(|&p| {
            let gap = crate::text::get(prose, ws[p].span.end..w.span.start);
            let gap = if ws[p].initial {
                gap.strip_prefix('.').unwrap_or(gap)
            } else {
                gap
            };
            gap == " " || gap == "\n"
        });
        if !gap_ok {
            flush(&mut run, &mut out);
        }
        let known = matches!(person_at(&w.span), Some(Some(_)));
        let usable = match person_at(&w.span) {
            Some(Some(_)) | None => true,
            Some(None) => false, // a title, country, organisation, event or topic
        };
        // "Sheikh" inside a name ("Hassan Sheikh Mohamud"), not before one ("Sheikh Hasina").
        let inner = !run.is_empty()
            && INNER_HONORIFICS.contains(&text)
            && ws
                .get(k + 1)
                .is_some_and(|n| n.capital && n.span.start == w.span.end + 1);
        // Contractions ("We'll", "I'm") are not names.
        let contraction = text.contains(['\'', '’'])
            && ["ll", "re", "ve", "d", "t", "m"]
                .iter()
                .any(|e| text.ends_with(&format!("'{e}")) || text.ends_with(&format!("’{e}")));
        let particle = !w.capital && !run.is_empty() && PARTICLES.contains(&text);
        if usable
            && !contraction
            && (w.capital
                && (text.chars().count() > 1 || w.initial)
                && (known || inner || !NOT_NAMES.contains(text))
                && !is_acronym(text)
                || particle)
        {
            run.push(k);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Honorifics that also stand inside a name, between its given name and its surname.
const INNER_HONORIFICS: &[&str] = &["Sheikh", "Shaikh"];

/// `NATO`, `BRICS`, `UN`: all capitals.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && word.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let sentences = std::iter::once(0..text.len()).collect::<Vec<_>>();
        extract(text, &[], &sentences).into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn runs_of_capitalised_words_are_names() {
        assert_eq!(
            names("On Monday, Anthony Blinken met Mohammed bin Salman and George W. Bush."),
            ["Anthony Blinken", "Mohammed bin Salman", "George W. Bush"]
        );
        assert_eq!(
            names("Kim Jong-un spoke; the Foreign Ministry said Kim was ill."),
            ["Kim Jong-un", "Kim"]
        );
        assert_eq!(
            names("Sheikh Hasina met Hassan Sheikh Mohamud."),
            ["Hasina", "Hassan Sheikh Mohamud"]
        );
        assert_eq!(
            names("The United Nations Security Council met in January."),
            Vec::<String>::new()
        );
    }
}
