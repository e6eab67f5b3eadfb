//! Byte offsets (what factlint's spans are) to LSP positions and back, in the position
//! encoding negotiated at initialization: UTF-8 (byte) or UTF-16 (code unit) columns.
//!
//! LSP counts `\n`, `\r\n` and a lone `\r` as line ends. Positions past the end of a line
//! or of the text are clamped (the protocol says a character past the line's end means the
//! end of the line), and a column inside a multi-byte character or a surrogate pair is
//! moved back to the start of that character, so every offset returned is on a char
//! boundary and can be used to cut the text.

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind};

use crate::text::LineIndex;

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: the LSP default.
    #[default]
    Utf16,
}

impl Encoding {
    /// The encoding to use given what the client offers (`general.positionEncodings`):
    /// UTF-8 when offered, since factlint's spans are bytes; else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Conversions in both directions over the one index of lines, `text::LineIndex` (an
/// inherent `impl` of it kept here, beside the encodings it needs).
impl LineIndex {
    /// The byte offset of `pos` in `text`, clamped to the text and to the line's end, and
    /// moved back to a char boundary.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.count() {
            return text.len();
        }
        let content = self.line_range(text, line);
        let wanted = pos.character as usize;
        let mut units = 0;
        for (i, c) in crate::text::get(text, content.clone()).char_indices() {
            let w = enc.width(c);
            if units + w > wanted {
                // `wanted` is at or inside this char: its start.
                return content.start + i;
            }
            units += w;
        }
        content.end
    }

    /// The LSP position of byte `offset` (clamped to the text, moved back to a char
    /// boundary).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let offset = crate::text::floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_index(offset);
        let content = self.line_range(text, line);
        // An offset inside a `\r\n` counts as the end of the line.
        let end = offset.min(content.end).max(content.start);
        let character: usize = crate::text::get(text, content.start..end)
            .chars()
            .map(|c| enc.width(c))
            .sum();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    pub fn range(&self, text: &str, span: &Range<usize>, enc: Encoding) -> lsp_types::Range {
        let start = self.position(text, span.start, enc);
        let end = self.position(text, span.end.max(span.start), enc);
        lsp_types::Range { start, end }
    }

    /// The byte span of an LSP range; a reversed range is read as empty at its start.
    pub fn span(&self, text: &str, range: lsp_types::Range, enc: Encoding) -> Range<usize> {
        let start = self.offset(text, range.start, enc);
        let end = self.offset(text, range.end, enc);
        start..end.max(start)
    }
}

/// Apply one content change to `text`: a range edit (clamped) or, without a range, the
/// whole new text.
pub fn apply_change(text: &mut String, change: &lsp_types::TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => text.clone_from(&change.text),
        Some(range) => {
            let index = LineIndex::new(text);
            let span = index.span(text, range, enc);
            if text.is_char_boundary(span.start) && text.is_char_boundary(span.end) && span.end <= text.len() {
                text.replace_range(span, &change.text);
            }
        }
    }
}

/// The file-system path of a `file:` URI (percent-decoded), or `None` for other schemes.
pub fn uri_to_path(uri: &str) -> Option<std::path::PathBuf> {
    let rest = uri.strip_prefix("file://").or_else(|| uri.strip_prefix("FILE://"))?;
    // Drop an authority (`file://localhost/…`); keep the path from its first `/`.
    let path = match rest.find('/') {
        Some(i) => crate::text::from(rest, i),
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    #[cfg(windows)]
    let decoded = {
        // `/C:/x` → `C:/x`
        let b = decoded.as_bytes();
        if b.len() >= 3 && b.first() == Some(&b'/') && b.get(2) == Some(&b':') {
            crate::text::from(&decoded, 1).to_string()
        } else {
            decoded
        }
    };
    Some(std::path::PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(v) => {
                    out.push(v);
                    i += 3;
                    continue;
                }
                None => out.push(b),
            }
        } else {
            out.push(b);
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    // “Café” 😀 ok — curly quotes are 3 bytes / 1 UTF-16 unit, é 2 / 1, the emoji 4 / 2.
    const TEXT: &str = "ab\n“Café” 😀 ok\r\nlast";

    #[test]
    fn offsets_round_trip_in_both_encodings() {
        let idx = LineIndex::new(TEXT);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (off, _) in TEXT.char_indices().chain([(TEXT.len(), ' ')]) {
                let p = idx.position(TEXT, off, enc);
                let back = idx.offset(TEXT, p, enc);
                // Offsets inside "\r\n" map to the end of the line.
                let expected = if TEXT.as_bytes().get(off.wrapping_sub(1)) == Some(&b'\r') {
                    off - 1
                } else {
                    off
                };
                assert_eq!(back, expected, "{enc:?} offset {off} → {p:?}");
            }
        }
    }

    #[test]
    fn utf16_columns_count_code_units() {
        let idx = LineIndex::new(TEXT);
        let ok = TEXT.find("ok").unwrap_or_default();
        // “ C a f é ” space 😀(2) space = 10 units; in bytes 3+4+1+3+1+4+1 = 17... computed:
        assert_eq!(idx.position(TEXT, ok, Encoding::Utf16), pos(1, 10));
        assert_eq!(idx.position(TEXT, ok, Encoding::Utf8), pos(1, (ok - 3) as u32));
        let emoji = TEXT.find('😀').unwrap_or_default();
        assert_eq!(idx.position(TEXT, emoji, Encoding::Utf16), pos(1, 7));
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(idx.offset(TEXT, pos(1, 8), Encoding::Utf16), emoji);
        // Inside the é in UTF-8: back to its start.
        let e = TEXT.find('é').unwrap_or_default();
        assert_eq!(idx.offset(TEXT, pos(1, (e - 3 + 1) as u32), Encoding::Utf8), e);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let idx = LineIndex::new(TEXT);
        // Past the end of line 1: its end, before "\r\n".
        let eol = TEXT.find('\r').unwrap_or_default();
        assert_eq!(idx.offset(TEXT, pos(1, 999), Encoding::Utf16), eol);
        assert_eq!(idx.offset(TEXT, pos(99, 0), Encoding::Utf16), TEXT.len());
        assert_eq!(idx.position(TEXT, 10_000, Encoding::Utf16), pos(2, 4));
        // A byte offset inside a multi-byte char maps to the char's start.
        assert_eq!(idx.position(TEXT, 4, Encoding::Utf16), pos(1, 0));
    }

    #[test]
    fn lone_cr_is_a_line_end() {
        let text = "a\rb\n\nc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 2, Encoding::Utf16), pos(1, 0));
        assert_eq!(idx.position(text, 5, Encoding::Utf16), pos(3, 0));
        assert_eq!(idx.offset(text, pos(2, 5), Encoding::Utf16), 4);
    }

    #[test]
    fn incremental_edits_apply_and_clamp() {
        let mut text = String::from("“Café” on 20-21 March 😀\n");
        let change = |range: Option<lsp_types::Range>, t: &str| lsp_types::TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: t.to_string(),
        };
        let r = |a: Position, b: Position| Some(lsp_types::Range { start: a, end: b });
        // "20-21": UTF-16 column of "21" is 13.
        apply_change(&mut text, &change(r(pos(0, 13), pos(0, 15)), "22"), Encoding::Utf16);
        assert_eq!(text, "“Café” on 20-22 March 😀\n");
        // The same in UTF-8 columns: “ is 3 bytes, é 2, ” 3.
        apply_change(&mut text, &change(r(pos(0, 18), pos(0, 20)), "23"), Encoding::Utf8);
        assert_eq!(text, "“Café” on 20-23 March 😀\n");
        // Reversed and out-of-range ranges do not panic.
        apply_change(&mut text, &change(r(pos(0, 5), pos(0, 2)), "x"), Encoding::Utf16);
        apply_change(&mut text, &change(r(pos(7, 0), pos(9, 9)), "!"), Encoding::Utf16);
        assert!(text.ends_with("\n!"), "{text:?}");
        // Ends inside the emoji's surrogate pair: moved back to its start, an empty edit.
        let before = text.clone();
        apply_change(&mut text, &change(r(pos(0, 23), pos(0, 24)), ""), Encoding::Utf16);
        assert_eq!(text, before);
        // Starts inside it: moved back, so the whole emoji goes.
        apply_change(&mut text, &change(r(pos(0, 24), pos(0, 25)), ""), Encoding::Utf16);
        assert_eq!(text, "“Caféx” on 20-23 March \n!");
        // A full-text change replaces everything.
        apply_change(&mut text, &change(None, "new"), Encoding::Utf16);
        assert_eq!(text, "new");
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/a%20b/caf%C3%A9.md"),
            Some(std::path::PathBuf::from("/tmp/a b/café.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/x.txt"),
            Some(std::path::PathBuf::from("/x.txt"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
    }
}
