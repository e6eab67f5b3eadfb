//! A draft as factlint reads it: the original bytes, and a "prose" copy of the same length
//! in which everything that is not running text (front matter, code, HTML, URLs, Markdown
//! syntax) is blanked with spaces. Extraction runs on the prose copy, so every span it
//! finds is already a span of the original file.

mod docx;
mod html;
mod markdown;

use std::ops::Range;

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// A Word document: its paragraphs, one a line; never written to.
    Docx,
}

impl Format {
    /// The format a path's extension implies; anything not known is read as plain text.
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd"].iter().any(|e| lower.ends_with(e)) {
            Format::Markdown
        } else if [".html", ".htm", ".xhtml"].iter().any(|e| lower.ends_with(e)) {
            Format::Html
        } else if lower.ends_with(".docx") {
            Format::Docx
        } else {
            Format::Text
        }
    }

    /// A reader by the name the configuration's `[readers]` table uses.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The readers' names, for messages.
    pub const NAMES: &[&str] = &["text", "markdown", "html", "docx"];

    /// Whether findings in a draft at `path` are placed by paragraph (a Word document's
    /// lines are its paragraphs): `draft.docx:¶12:40`.
    pub fn by_paragraph(path: &str) -> bool {
        Format::from_path(path) == Format::Docx
    }

    /// Whether the draft's bytes are text that a fix may rewrite; a Word document is read
    /// from its XML and never written.
    pub fn writable(self) -> bool {
        self != Format::Docx
    }
}

#[derive(Debug)]
pub struct Document {
    pub path: String,
    pub text: String,
    pub prose: String,
    /// Offsets where a block ends (paragraph, heading, list item): sentences never cross them.
    pub breaks: Vec<usize>,
    /// `date:` from the front matter, with its span.
    pub front_matter_date: Option<(NaiveDate, Range<usize>)>,
    /// The span of a front matter `date:` that is not a real date (`2023-02-30`).
    pub front_matter_bad_date: Option<Range<usize>>,
    /// Where the body starts (after any front matter).
    pub body_start: usize,
    /// Inline code and code blocks (Markdown), sorted: what is in them is an example.
    pub code: Vec<Range<usize>>,
    /// Line starts, built on first use.
    pub lines: std::sync::OnceLock<crate::text::LineIndex>,
    /// The reader it was read with. For a Word document `text` is its paragraphs, one a
    /// line, so a line number is a paragraph number.
    pub format: Format,
}

const BOM: char = '\u{feff}';

crate::scanner!(static URL = r"(?:https?://|www\.)[^\s<>()\[\]]+");

impl Document {
    pub fn new(path: impl Into<String>, text: String, format: Format) -> Self {
        let path = path.into();
        // A byte-order mark stays in the text, so that every offset is an offset into the
        // file; the draft is read as if it were not there, and it is never prose.
        if let Some(rest) = text.strip_prefix(BOM) {
            let mut doc = Document::new(path, rest.to_string(), format);
            let n = BOM.len_utf8();
            doc.text.insert(0, BOM);
            doc.prose.insert_str(0, &" ".repeat(n));
            doc.breaks.iter_mut().for_each(|b| *b += n);
            doc.code.iter_mut().for_each(|c| *c = c.start + n..c.end + n);
            if let Some((_, span)) = &mut doc.front_matter_date {
                *span = span.start + n..span.end + n;
            }
            if let Some(span) = &mut doc.front_matter_bad_date {
                *span = span.start + n..span.end + n;
            }
            doc.body_start += n;
            return doc;
        }
        let mut doc = match format {
            Format::Markdown => markdown::read(path, text),
            Format::Html => html::read(path, text),
            // Text already taken out of a Word document (see `from_docx`).
            Format::Text | Format::Docx => Document {
                format,
                ..text_document(path, text)
            },
        };
        blank_urls(&mut doc.prose);
        doc
    }

    /// A Word document's paragraphs, read from its bytes (a zip holding `word/document.xml`).
    pub fn from_docx(path: impl Into<String>, bytes: &[u8]) -> Result<Self, String> {
        let (text, breaks) = docx::paragraphs(bytes)?;
        let mut doc = Document::new(path, text, Format::Docx);
        doc.breaks = breaks;
        Ok(doc)
    }

    /// 1-based line and column (in characters) of byte `offset` of the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| crate::text::LineIndex::new(&self.text))
            .line_col(&self.text, offset)
    }
}

/// A plain-text draft; a YAML front matter block at its top (`---` … `---`) is read for its
/// date and left out of the prose, as in Markdown.
fn text_document(path: String, text: String) -> Document {
    let mut prose = text.clone();
    let mut date = None;
    let mut bad_date = None;
    let mut body_start = 0;
    if let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) {
        let open = text.len() - rest.len();
        if let Some(close) = rest.find("\n---").filter(|&c| c < 4096) {
            let end_line = rest
                .get(close + 4..)
                .map_or(0, |r| r.find('\n').map_or(r.len(), |n| n + 1));
            body_start = open + close + 4 + end_line;
            match front_matter_date(crate::text::get(&text, open..open + close), open) {
                Some(Ok(d)) => date = Some(d),
                Some(Err(span)) => bad_date = Some(span),
                None => {}
            }
            let mut bytes = std::mem::take(&mut prose).into_bytes();
            blank(&mut bytes, 0..body_start.min(text.len()));
            prose = String::from_utf8(bytes).unwrap_or_default();
        }
    }
    Document {
        path,
        prose,
        text,
        breaks: Vec::new(),
        front_matter_date: date,
        front_matter_bad_date: bad_date,
        body_start,
        code: Vec::new(),
        lines: Default::default(),
        format: Format::Text,
    }
}

/// Replace URLs in the prose with spaces: they are not text to check.
fn blank_urls(prose: &mut String) {
    let spans: Vec<Range<usize>> = URL.find_iter(prose).map(|m| m.range()).collect();
    if spans.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(prose).into_bytes();
    for span in spans {
        blank(&mut bytes, span);
    }
    *prose = String::from_utf8(bytes).unwrap_or_default();
}

/// Blank a byte range with spaces, keeping newlines. Callers pass ranges on char
/// boundaries, and every byte of a multi-byte char becomes a space, so the result stays
/// valid UTF-8.
fn blank(bytes: &mut [u8], span: Range<usize>) {
    if let Some(slice) = bytes.get_mut(span) {
        for b in slice {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
}

/// Read `date:` (YAML) or `date =` (TOML) from front matter text; `offset` is where that
/// text starts in the file.
/// A front matter date and its span, or the span of one that is not a real date.
type FrontMatterDate = Result<(NaiveDate, Range<usize>), Range<usize>>;

fn front_matter_date(block: &str, offset: usize) -> Option<FrontMatterDate> {
    crate::scanner!(static DATE = r#"(?m)^\s*date\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2})"#);
    let caps = DATE.captures(block)?;
    let m = caps.get(1)?;
    let span = offset + m.start()..offset + m.end();
    // A date that does not exist (2023-02-30) is kept as a span, for the check to report.
    Some(match NaiveDate::parse_from_str(m.as_str(), "%Y-%m-%d") {
        Ok(date) => Ok((date, span)),
        Err(_) => Err(span),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_blanked_keeping_length() {
        let doc = Document::new("a.txt", "See https://example.com/x?y=1 today.".into(), Format::Text);
        assert_eq!(doc.prose.len(), doc.text.len());
        assert!(!doc.prose.contains("example"));
        assert!(doc.prose.ends_with("today."));
    }
}
