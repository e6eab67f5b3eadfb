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

/// The text up to `end`.
pub fn upto(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or("")
}

/// 1-based line and column (in characters) of byte `offset`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = upto(text, floor_char_boundary(text, offset));
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = from(before, line_start).chars().count() + 1;
    (line, col)
}

/// Line starts of a text, for turning many offsets into lines and columns quickly.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`, as `line_col` gives.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        (line, get(self.text, start..offset).chars().count() + 1)
    }
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char just before `offset`, if any.
pub fn char_before(text: &str, offset: usize) -> Option<char> {
    upto(text, offset).chars().next_back()
}

/// The char at `offset`, if any.
pub fn char_at(text: &str, offset: usize) -> Option<char> {
    from(text, offset).chars().next()
}

/// True when `span` starts and ends at word boundaries: the neighbours are not letters or
/// digits. An apostrophe followed by `s` (a possessive) counts as a boundary.
pub fn is_word(text: &str, span: &Range<usize>) -> bool {
    let before_ok = char_before(text, span.start).is_none_or(|c| !c.is_alphanumeric());
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
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçd ef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // `ç` is two bytes: `d` is at byte 5 and column 2.
        assert_eq!(line_col(text, 5), (2, 2));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\nçd ef\n\nlast “line”";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_col(offset), line_col(text, offset), "offset {offset}");
        }
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
