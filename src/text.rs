//! Small helpers over byte offsets into UTF-8 text, shared by every module that turns an
//! offset into a line or cuts a span out of a draft. Offsets derived from input are never
//! used to index a `str` directly: `get` returns an empty string for a span that is out of
//! range or not on character boundaries instead of panicking.

use std::ops::Range;

/// The text of `span`, or `""` when the span does not lie inside `text` on char boundaries.
pub fn get(text: &str, span: Range<usize>) -> &str {
    text.get(span).unwrap_or("")
}

/// The text from `start` to the end.
pub fn from(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

/// `s` past a relative clause set off by commas that opens it (", who represents Toronto
/// Centre, has said" gives " has said"), or `s` itself. The clause ends at the next comma
/// before any `.`, `;` or `:`.
pub fn after_relative_aside(s: &str) -> &str {
    let Some(inner) = s.trim_start().strip_prefix(',') else {
        return s;
    };
    let opener = inner.split_whitespace().next().unwrap_or("");
    if !matches!(opener.to_ascii_lowercase().as_str(), "who" | "which" | "whose") {
        return s;
    }
    match inner.find([',', '.', ';', ':']) {
        Some(i) if inner.as_bytes().get(i) == Some(&b',') => inner.get(i + 1..).unwrap_or(s),
        _ => s,
    }
}

/// The text up to `end`.
pub fn upto(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or("")
}

/// 1-based line and column (in characters) of byte `offset`. LF, CRLF and a lone CR
/// each end a line. For many offsets into one text, build a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Whether `s` ends with `suffix`, ignoring ASCII case, without copying `s`.
pub fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()
            .get(s.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// How many line breaks (LF, CRLF or a lone CR) `s` holds.
pub fn line_breaks(s: &str) -> usize {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Bytes per block of the character count checkpoints.
const BLOCK: usize = 4096;

/// Where each line of a text starts (after LF, CRLF or a lone CR) and how many characters
/// come before each 4 KB block, so that any offset's line and column take a binary search
/// and at most one block's count, however long the line. It holds no reference to the
/// text: pass the same text to its methods. The one index of lines: reports, baselines, the
/// document's line numbers and the language server's positions (`lsp::convert`) use it.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters (bytes that do not continue a UTF-8 sequence) before block `i`.
    chars_before: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        let mut chars_before = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before.push(n);
            n += count_chars(block);
        }
        Self { starts, chars_before }
    }

    /// Characters in `text[..offset]`.
    fn chars_upto(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.chars_before.get(block).copied().unwrap_or(0);
        base + count_chars(text.as_bytes().get(block * BLOCK..offset).unwrap_or_default())
    }

    /// 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Where line `index` (0-based) starts.
    pub fn line_start(&self, index: usize) -> Option<usize> {
        self.starts.get(index).copied()
    }

    /// The bytes of line `index` (0-based) of `text`, without its line ending.
    pub fn line_range(&self, text: &str, index: usize) -> Range<usize> {
        let start = self.starts.get(index).copied().unwrap_or(text.len()).min(text.len());
        let mut end = self
            .starts
            .get(index + 1)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// How many lines the text has.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column (in characters) of byte `offset` of `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_index(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        // A byte-order mark at the start is not a column: editors do not show it.
        let bom = usize::from(line == 0 && offset > 0 && text.starts_with('\u{feff}'));
        (
            line + 1,
            self.chars_upto(text, offset) - self.chars_upto(text, start) + 1 - bom,
        )
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `offset`.
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char just before `offset`, if any.
pub fn char_before(text: &str, offset: usize) -> Option<char> {
    upto(text, offset).chars().next_back()
}

/// The word just before `at`, without the punctuation around it but with an apostrophe
/// (`India's`): what a reader asks when a word's role depends on the one before it.
pub fn word_before(text: &str, at: usize) -> &str {
    upto(text, at)
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
}

/// Words that open a noun phrase: articles, demonstratives and possessive pronouns.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
];

/// Words after a date that carry on its clause rather than name a thing the date labels.
const CLAUSE_WORDS: &[&str] = &[
    "and", "or", "but", "to", "when", "as", "after", "before", "until", "at", "in", "on", "of", "for", "by", "with",
    "is", "was", "were", "are", "will", "would", "had", "has", "have", "that", "which", "who",
];

/// Whether a date at `span` stands before a noun as its label ("the site of the August
/// 2020 explosion", "its 2019 election", "Russia's 2014 annexation"): it names a thing,
/// not the time of its clause.
pub fn attributive(text: &str, span: &Range<usize>) -> bool {
    let word = word_before(text, span.start).to_ascii_lowercase();
    let determiner = DETERMINERS.contains(&word.as_str()) || word.ends_with("'s") || word.ends_with("’s");
    let next = from(text, span.end)
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric() && c != '-').next())
        .unwrap_or("");
    determiner
        && next.chars().next().is_some_and(char::is_alphabetic)
        && !CLAUSE_WORDS.contains(&next.to_ascii_lowercase().as_str())
}

/// Whether a date at `at` belongs to a name written just before it with "of": "the
/// Bahrain Declaration of 16 May 2024", "the AlUla Declaration of January 2021". Such a
/// date dates the document or agreement named, not the clause around it.
pub fn dates_a_name(text: &str, at: usize) -> bool {
    let before = upto(text, at).trim_end();
    let Some(rest) = before.strip_suffix(" of") else {
        return false;
    };
    let name = word_before(rest, rest.len());
    name.starts_with(char::is_uppercase) && name.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The char at `offset`, if any.
pub fn char_at(text: &str, offset: usize) -> Option<char> {
    from(text, offset).chars().next()
}

/// True when a word may start at `offset`: no letter or digit runs into it from before.
pub fn starts_word(text: &str, offset: usize) -> bool {
    char_before(text, offset).is_none_or(|c| !c.is_alphanumeric())
}

/// True when `span` starts and ends at word boundaries: the neighbours are not letters or
/// digits. An apostrophe followed by `s` (a possessive) counts as a boundary.
pub fn is_word(text: &str, span: &Range<usize>) -> bool {
    let before_ok = starts_word(text, span.start);
    let after = from(text, span.end);
    let mut chars = after.chars();
    let after_ok = match chars.next() {
        None => true,
        Some('\'' | '’') => match chars.next() {
            Some('s') => chars.next().is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
            None => true,
        },
        Some('-') => !matches!(chars.next(), Some(c) if c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    };
    before_ok && after_ok
}

/// True when `span` is followed by a possessive `'s` (or a bare `'` after an `s`).
pub fn is_possessive(text: &str, span: &Range<usize>) -> bool {
    let after = from(text, span.end);
    after.starts_with("'s") || after.starts_with("’s") || after.starts_with("s'") || after.starts_with("s’")
}

/// Length of a possessive ending after `span`, in bytes (0 when there is none).
pub fn possessive_len(text: &str, span: &Range<usize>) -> usize {
    let after = from(text, span.end);
    ["'s", "’s"]
        .iter()
        .find(|p| after.starts_with(*p))
        .map_or(0, |p| p.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_after_a_name_and_of_dates_the_name() {
        let t = "in the Bahrain Declaration of 16 May 2024";
        assert!(super::dates_a_name(t, t.find("16").unwrap_or(0)));
        let t = "at the summit of 16 May 2024";
        assert!(!super::dates_a_name(t, t.find("16").unwrap_or(0)));
        let t = "Resolution 2334 of 23 December 2016";
        assert!(!super::dates_a_name(t, t.find("23 D").unwrap_or(0)));
    }

    use super::*;

    #[test]
    fn a_relative_clause_between_commas_is_passed_over() {
        assert_eq!(after_relative_aside(", who represents Toronto, has said"), " has said");
        assert_eq!(after_relative_aside(" said on Monday"), " said on Monday");
        // Not a relative clause, or one that runs to the end of its sentence.
        assert_eq!(after_relative_aside(", the minister, said"), ", the minister, said");
        assert_eq!(
            after_relative_aside(", who resigned. He said"),
            ", who resigned. He said"
        );
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçd ef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // `ç` is two bytes: `d` is at byte 5 and column 2.
        assert_eq!(line_col(text, 5), (2, 2));
    }

    #[test]
    fn every_line_ending_ends_a_line() {
        let text = "a\rb\r\nc\nd";
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 5), (3, 1));
        assert_eq!(line_col(text, 7), (4, 1));
        // Between CR and LF is still the line the CR ends.
        assert_eq!(line_col(text, 4), (2, 3));
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_blocks() {
        let text = "é".repeat(5000) + "x" + &"ü".repeat(5000);
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.line_col(&text, x), (1, 5001));
        assert_eq!(index.line_col(&text, text.len()), (1, 10002));
    }

    #[test]
    fn get_never_panics_on_bad_spans() {
        assert_eq!(get("çd", 1..2), "");
        assert_eq!(get("abc", 2..10), "");
    }

    #[test]
    fn word_boundaries_accept_possessives() {
        let text = "China's view, Xi'an and Chinaware";
        assert!(is_word(text, &(0..5)));
        assert!(!is_word(text, &(14..16)));
        assert!(!is_word(text, &(24..29)));
    }
}
