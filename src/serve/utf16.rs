//! Byte offsets into a draft as UTF-16 code units: what LanguageTool's API and JavaScript
//! count in. An emoji is one `char`, four bytes and two UTF-16 units.

use std::ops::Range;

/// Checkpoints every few kilobytes, so that converting an offset costs a short scan.
pub struct Utf16<'a> {
    text: &'a str,
    /// (byte offset on a char boundary, UTF-16 units before it)
    marks: Vec<(usize, usize)>,
}

const STEP: usize = 4096;

impl<'a> Utf16<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = vec![(0, 0)];
        let mut units = 0;
        let mut next = STEP;
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, units));
                next = i + STEP;
            }
            units += c.len_utf16();
        }
        Utf16 { text, marks }
    }

    /// The UTF-16 offset of byte `offset` (clamped to the text, rounded down to a char).
    pub fn at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let i = self.marks.partition_point(|m| m.0 <= offset).saturating_sub(1);
        let (from, units) = self.marks.get(i).copied().unwrap_or((0, 0));
        units
            + self
                .text
                .get(from..)
                .unwrap_or_default()
                .char_indices()
                .take_while(|(j, _)| from + j < offset)
                .map(|(_, c)| c.len_utf16())
                .sum::<usize>()
    }

    /// A byte span as (UTF-16 offset, UTF-16 length).
    pub fn span(&self, span: &Range<usize>) -> (usize, usize) {
        let start = self.at(span.start);
        (start, self.at(span.end.max(span.start)) - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_count_two() {
        let text = "a😀b é 20-21 March";
        let u = Utf16::new(text);
        let at = text.find("20").unwrap_or(0);
        assert_eq!(u.at(at), text[..at].encode_utf16().count());
        assert_eq!(u.span(&(at..at + 5)), (at - 2 - 1, 5));
        let long = "😀x".repeat(5000);
        let u = Utf16::new(&long);
        assert_eq!(u.at(long.len()), long.encode_utf16().count());
        assert_eq!(u.at(5 * 300), 3 * 300);
    }
}
