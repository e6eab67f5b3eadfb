//! What the human format shows of a draft: only the lines a diagnostic points at (and a
//! single line between two of them, as codespan-reporting shows it), a long line cut to a
//! window around its spans, and control characters from the draft shown escaped rather
//! than sent to the terminal. Line and column numbers stay those of the file, with LF,
//! CRLF and a lone CR each ending a line.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::text::{LineIndex, ceil_char_boundary, floor_char_boundary};

/// A line longer than this (in bytes) is cut to a window around its spans.
pub const LONG_LINE: usize = 1000;
/// How much of a long line is shown either side of its spans, in bytes.
pub const CONTEXT: usize = 200;
/// The widest window shown of one long line, in bytes.
pub const MAX_WINDOW: usize = 2000;
/// The most lines of one multi-line span that are shown.
const MAX_SPAN_LINES: usize = 50;

/// A character from a draft as it may be shown on a terminal: control characters become
/// their Unicode control pictures (␛ for ESC), bidirectional overrides and C1 controls
/// their code point.
pub fn escape_char(c: char, out: &mut String) {
    match c {
        '\t' | '\n' => out.push(c),
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7f}' => out.push('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
    }
}

/// `s` with its control characters escaped as [`escape_char`] does; borrowed when there
/// are none.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| {
        c != '\t' && c != '\n' && (c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    };
    if !s.chars().any(needs) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        escape_char(c, &mut out);
    }
    std::borrow::Cow::Owned(out)
}

/// The lines of a file a diagnostic shows, as codespan-reporting's `Files`.
pub struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
    source: String,
    /// The file's line index of each excerpt line, in order.
    line_indices: Vec<usize>,
    /// Where each excerpt line starts in `source`, and one past the last.
    starts: Vec<usize>,
    /// (offset in `source`, offset in the file) at each character shown, in order.
    map: Vec<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `text` that shows `spans` (the first is the primary one). Returns
    /// the spans as offsets into the excerpt, in the same order.
    pub fn new(
        name: &'a str,
        text: &'a str,
        lines: &'a LineIndex,
        spans: &[Range<usize>],
    ) -> (Self, Vec<Range<usize>>) {
        let clamp = |s: &Range<usize>| {
            let start = floor_char_boundary(text, s.start.min(text.len()));
            let end = floor_char_boundary(text, s.end.min(text.len())).max(start);
            start..end
        };
        let spans: Vec<Range<usize>> = spans.iter().map(clamp).collect();
        // The lines to show: every line a span touches, and one line between two shown.
        let mut shown: Vec<usize> = Vec::new();
        for s in &spans {
            let first = lines.line_index(s.start);
            let last = lines.line_index(s.end).min(first + MAX_SPAN_LINES);
            shown.extend(first..=last);
        }
        shown.sort_unstable();
        shown.dedup();
        let mut with_gaps = Vec::with_capacity(shown.len());
        for (k, &l) in shown.iter().enumerate() {
            if k > 0 && shown[k - 1] + 2 == l {
                with_gaps.push(l - 1);
            }
            with_gaps.push(l);
        }
        let mut excerpt = Excerpt {
            name,
            text,
            lines,
            source: String::new(),
            line_indices: Vec::with_capacity(with_gaps.len()),
            starts: Vec::with_capacity(with_gaps.len() + 1),
            map: Vec::new(),
        };
        let primary = spans.first().cloned().unwrap_or(0..0);
        for l in with_gaps {
            let line = lines.line_range(text, l);
            let window = window(text, &line, &spans, &primary);
            excerpt.push_line(l, &line, window);
        }
        excerpt.starts.push(excerpt.source.len());
        let mapped = spans
            .iter()
            .map(|s| excerpt.to_excerpt(s.start)..excerpt.to_excerpt(s.end))
            .collect();
        (excerpt, mapped)
    }

    fn push_line(&mut self, index: usize, line: &Range<usize>, window: Range<usize>) {
        self.line_indices.push(index);
        self.starts.push(self.source.len());
        if window.start > line.start {
            self.source.push('…');
        }
        let shown = crate::text::get(self.text, window.clone());
        for (i, c) in shown.char_indices() {
            self.map.push((self.source.len(), window.start + i));
            escape_char(c, &mut self.source);
        }
        self.map.push((self.source.len(), window.end));
        if window.end < line.end {
            self.source.push('…');
        }
        self.source.push('\n');
    }

    /// The excerpt offset showing file offset `at` (the nearest shown one).
    fn to_excerpt(&self, at: usize) -> usize {
        let k = self.map.partition_point(|&(_, file)| file <= at);
        match (k.checked_sub(1).and_then(|k| self.map.get(k)), self.map.get(k)) {
            (Some(&(ex, file)), _) if file == at => ex,
            (_, Some(&(ex, _))) if k == 0 => ex,
            (Some(&(ex, _)), _) => ex,
            _ => 0,
        }
    }

    /// The file offset an excerpt offset shows.
    fn to_file(&self, at: usize) -> usize {
        let k = self.map.partition_point(|&(ex, _)| ex <= at);
        k.checked_sub(1)
            .and_then(|k| self.map.get(k))
            .map_or(0, |&(_, file)| file)
    }

    /// The position in the excerpt of the file's line `index`.
    fn position(&self, line_index: usize) -> Result<usize, Error> {
        self.line_indices
            .binary_search(&line_index)
            .map_err(|_| Error::LineTooLarge {
                given: line_index,
                max: self.line_indices.last().copied().unwrap_or(0),
            })
    }
}

/// The part of `line` shown: all of it when short, else a window around the spans on it.
fn window(text: &str, line: &Range<usize>, spans: &[Range<usize>], primary: &Range<usize>) -> Range<usize> {
    if line.len() <= LONG_LINE {
        return line.clone();
    }
    let on_line: Vec<&Range<usize>> = spans
        .iter()
        .filter(|s| s.start <= line.end && s.end >= line.start)
        .collect();
    let around = |from: usize, to: usize| {
        let start = from.saturating_sub(CONTEXT).max(line.start);
        let end = to.saturating_add(CONTEXT).min(line.end).min(start + MAX_WINDOW);
        floor_char_boundary(text, start)..ceil_char_boundary(text, end).min(line.end).max(start)
    };
    let from = on_line.iter().map(|s| s.start.max(line.start)).min();
    let to = on_line.iter().map(|s| s.end.min(line.end)).max();
    match (from, to) {
        (Some(a), Some(b)) if b - a + 2 * CONTEXT <= MAX_WINDOW => around(a, b),
        _ if primary.start <= line.end && primary.end >= line.start => {
            around(primary.start.max(line.start), primary.end.min(line.end))
        }
        (Some(a), _) => around(a, a),
        _ => around(line.start, line.start),
    }
}

impl<'e> Files<'e> for Excerpt<'_> {
    type FileId = ();
    type Name = &'e str;
    type Source = &'e str;

    fn name(&'e self, (): ()) -> Result<&'e str, Error> {
        Ok(self.name)
    }

    fn source(&'e self, (): ()) -> Result<&'e str, Error> {
        Ok(&self.source)
    }

    fn line_index(&'e self, (): (), byte_index: usize) -> Result<usize, Error> {
        let k = self.starts.partition_point(|&s| s <= byte_index).saturating_sub(1);
        let k = k.min(self.line_indices.len().saturating_sub(1));
        self.line_indices.get(k).copied().ok_or(Error::FileMissing)
    }

    fn line_range(&'e self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let k = self.position(line_index)?;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => Ok(a..b),
            _ => Err(Error::FileMissing),
        }
    }

    fn column_number(&'e self, (): (), _line_index: usize, byte_index: usize) -> Result<usize, Error> {
        Ok(self.lines.line_col(self.text, self.to_file(byte_index)).1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "one\ntwo has it\nthree\n";
        let lines = LineIndex::new(text);
        let at = text.find("has").unwrap_or(0);
        let (ex, spans) = Excerpt::new("a", text, &lines, std::slice::from_ref(&(at..at + 3)));
        assert_eq!(ex.source, "two has it\n");
        assert_eq!(&ex.source[spans[0].clone()], "has");
        assert_eq!(ex.line_index((), spans[0].start).ok(), Some(1));
        assert_eq!(ex.column_number((), 1, spans[0].start).ok(), Some(5));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = "x".repeat(100_000) + " target " + &"y".repeat(100_000);
        let lines = LineIndex::new(&text);
        let at = text.find("target").unwrap_or(0);
        let (ex, spans) = Excerpt::new("a", &text, &lines, std::slice::from_ref(&(at..at + 6)));
        assert!(ex.source.len() < 2 * CONTEXT + 20, "{}", ex.source.len());
        assert!(ex.source.starts_with('…') && ex.source.ends_with("…\n"));
        assert_eq!(&ex.source[spans[0].clone()], "target");
        assert_eq!(ex.column_number((), 0, spans[0].start).ok(), Some(100_002));
    }

    #[test]
    fn control_characters_are_escaped_and_spans_follow() {
        let text = "a\u{1b}[31mred\u{7} bell";
        let lines = LineIndex::new(text);
        let at = text.find("bell").unwrap_or(0);
        let (ex, spans) = Excerpt::new("a", text, &lines, std::slice::from_ref(&(at..at + 4)));
        assert_eq!(ex.source, "a␛[31mred␇ bell\n");
        assert_eq!(&ex.source[spans[0].clone()], "bell");
        assert_eq!(escape("ok\u{202e}"), "ok<U+202E>");
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let text = "one\rtwo\rthree";
        let lines = LineIndex::new(text);
        let (ex, _) = Excerpt::new("a", text, &lines, std::slice::from_ref(&(4..7)));
        assert_eq!(ex.source, "two\n");
        assert_eq!(ex.line_index((), 0).ok(), Some(1));
    }
}
