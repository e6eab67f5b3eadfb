//! Sentence boundaries in the prose copy of a draft. Unicode's sentence rules split after
//! "Dr." and "U.S."; news copy is full of those, so this splitter knows the usual
//! abbreviations and never crosses a block break (paragraph, heading, list item).

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "pres", "st", "jr",
    "sr", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "u.s", "u.k", "u.n",
    "e.u", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "min", "max", "fig", "vol", "cf", "al",
];

/// Sentence spans of `prose`, trimmed of surrounding white space.
pub fn split(prose: &str, breaks: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = prose.as_bytes();
    let mut start = 0;
    let mut breaks = breaks.iter().copied().peekable();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut = None;
        while breaks.peek().is_some_and(|&x| x <= i) {
            if let Some(x) = breaks.next() {
                cut = Some(x);
            }
        }
        if cut.is_none() && b == b'\n' {
            // A blank line ends a paragraph in plain text too.
            let rest = &bytes[i + 1..];
            let next_nonspace = rest.iter().position(|c| !matches!(c, b' ' | b'\t' | b'\r'));
            if next_nonspace.is_some_and(|p| rest[p] == b'\n') {
                cut = Some(i);
            }
        }
        if cut.is_none() && matches!(b, b'.' | b'!' | b'?') && ends_sentence(prose, i) {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            // Curly closing quotes are three bytes.
            let rest = crate::text::from(prose, end);
            let end = end + rest.len() - rest.trim_start_matches(['”', '’']).len();
            cut = Some(end);
        }
        if let Some(c) = cut {
            push_trimmed(prose, start..c.max(start), &mut out);
            start = c.max(start);
            i = start.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(prose, start..prose.len(), &mut out);
    out
}

/// The longest sentence read as one, in bytes. Text that runs on longer without a full
/// stop (a list, a table, a draft with no punctuation) is cut into pieces this long at
/// most, so that work done within a sentence stays proportional to the draft.
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(prose: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut span = span;
    while span.end - span.start > MAX_SENTENCE {
        let cut = long_cut(prose, span.start);
        push_one(prose, span.start..cut, out);
        span.start = cut;
    }
    push_one(prose, span, out);
}

/// Where to cut a run-on sentence starting at `start`: after the last line break, else
/// the last `;` or `,`, else the last space, within `MAX_SENTENCE` bytes.
fn long_cut(prose: &str, start: usize) -> usize {
    let end = crate::text::floor_char_boundary(prose, start + MAX_SENTENCE);
    let window = crate::text::get(prose, start..end);
    let at = [&['\n'][..], &[';', ','], &[' ', '\t']]
        .iter()
        .find_map(|set| window.rfind(*set).filter(|&i| i > 0))
        .map_or(window.len(), |i| i + 1);
    (start + at).max(start + 1).min(end.max(start + 1))
}

fn push_one(prose: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = crate::text::get(prose, span.clone());
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push(span.start + lead..span.end - trail);
}

/// A `.`, `!` or `?` at `i` ends a sentence when white space and then a capital, digit or
/// quote follow, and the word before is not an abbreviation or an initial.
pub(super) fn ends_sentence(prose: &str, i: usize) -> bool {
    let after = crate::text::from(prose, i + 1);
    let after = after.trim_start_matches(['"', '\'', ')', '”', '’']);
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() && !after.is_empty() {
        return false; // no white space: "3.5", "e.g.x"
    }
    let next = trimmed.chars().next();
    if !next
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '-' | '—'))
    {
        return false;
    }
    if prose.as_bytes().get(i) != Some(&b'.') {
        return true;
    }
    let before = crate::text::upto(prose, i);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false; // an initial: "J. Smith"
    }
    !ABBREVIATIONS.contains(&word.as_str())
}

/// Only words that lead into a time stand before `at` in its sentence or heading (`On
/// Monday, …`, `SOLOMON ISLANDS: On …`, `Back in …`): a date there sets the scene of what
/// follows. The words are `scene_openers` in the grammar lexicon.
pub fn opens_sentence(prose: &str, at: usize) -> bool {
    // Only a few short words can lead into a date: the look back is bounded, so that a draft
    // without punctuation stays linear.
    let from_byte = crate::text::floor_char_boundary(prose, at.saturating_sub(SCENE_LEAD_BYTES));
    let before = crate::text::get(prose, from_byte..at);
    // A full stop ends a sentence before a capital ("a.m. 4 June" goes on); a colon or a
    // dash, before a space ("6:21" goes on; a dateline ends "(Reuters) - ").
    let ends_here = |i: usize, c: char| {
        // What follows reaches past `at`: the date itself may be the capital.
        let next = crate::text::from(prose, from_byte + i + c.len_utf8());
        match c {
            '.' => next.starts_with(char::is_whitespace) && next.trim_start().starts_with(char::is_uppercase),
            ':' | '-' | '–' | '—' => next.starts_with(char::is_whitespace),
            _ => true,
        }
    };
    let start = match before
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | ':' | '\n' | ';' | '-' | '–' | '—') && ends_here(i, c))
    {
        Some((i, c)) => from_byte + i + c.len_utf8(),
        None if from_byte == 0 => 0,
        None => return false,
    };
    let openers = &super::words::GRAMMAR.scene_openers;
    crate::text::get(prose, start..at)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| openers.contains(w.to_ascii_lowercase().as_str()))
}

/// How far back `opens_sentence` looks for the start of a sentence, in bytes: more than any
/// run of words that lead into a date.
const SCENE_LEAD_BYTES: usize = 80;

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_opens_a_sentence_after_leading_words_only() {
        let t = "BEIJING, 5 September 2024 (Reuters) - On Thursday, 2 March 2023, ministers met. \
                 Lee took office at 6:21 a.m. 4 June 2025. MARCH 2019: a vote.";
        let at = |s: &str| t.find(s).unwrap_or(0);
        assert!(super::opens_sentence(t, at("Thursday")));
        assert!(!super::opens_sentence(t, at("4 June")));
        assert!(super::opens_sentence(t, at("MARCH")));
        let long = format!("{} on 5 May", "word ".repeat(40));
        assert!(!super::opens_sentence(&long, long.len() - 5));
    }

    use super::split;

    fn texts<'a>(s: &'a str, b: &[usize]) -> Vec<&'a str> {
        split(s, b).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = "Mr. Lavrov met U.S. officials on Jan. 5. They talked.";
        assert_eq!(
            texts(s, &[]),
            vec!["Mr. Lavrov met U.S. officials on Jan. 5.", "They talked."]
        );
    }

    #[test]
    fn blank_lines_and_breaks_split() {
        let s = "Heading\n\nBody one. Body two";
        assert_eq!(texts(s, &[]), vec!["Heading", "Body one.", "Body two"]);
        assert_eq!(texts("A b\nC d", &[3]), vec!["A b", "C d"]);
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let s = "word, ".repeat(2000);
        let spans = super::split(&s, &[]);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|r| r.len() <= super::MAX_SENTENCE), "{spans:?}");
        assert!(spans.iter().all(|r| s.get(r.clone()).is_some()));
        // Everything is still covered, up to the white space trimmed between pieces.
        let covered: usize = spans.iter().map(|r| r.len()).sum();
        assert!(covered + spans.len() * 2 >= s.trim().len());
        // Multi-byte text with no spaces is cut on character boundaries.
        let wide = "é".repeat(3000);
        assert!(super::split(&wide, &[]).iter().all(|r| wide.get(r.clone()).is_some()));
    }

    #[test]
    fn quotes_close_the_sentence() {
        let s = "He said “no.” Then he left.";
        assert_eq!(texts(s, &[]), vec!["He said “no.”", "Then he left."]);
    }
}
