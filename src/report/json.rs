//! The JSON format: one versioned document for the whole run. Its shape is documented in
//! `docs/json-format.md`; fields are only ever added within a version.

use std::io::{self, Write};

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::text::LineIndex;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Label<'a> {
    message: &'a str,
    span: Span,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Fix<'a> {
    replacement: &'a str,
    span: Span,
}

#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: Span,
    start: Position,
    end: Position,
    label: &'a str,
    labels: Vec<Label<'a>>,
    notes: &'a [String],
    /// The knowledge-base entries cited, as `{path, line}`.
    records: &'a [crate::diagnostic::Record],
    fix: Option<Fix<'a>>,
    /// In a Word document: the paragraph (0-based, in document order) and the span's
    /// character offsets within it.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<Paragraph>,
}

#[derive(Serialize)]
struct Paragraph {
    index: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Checked<'a> {
    path: &'a str,
    as_of: &'a crate::extract::asof::AsOf,
    findings: usize,
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: &'static str,
    tool_version: &'static str,
    files: Vec<Checked<'a>>,
    findings: Findings<'a>,
    errors: Vec<Error<'a>>,
}

/// The findings of a run, made one at a time as they are written.
struct Findings<'a>(&'a [FileReport<'a>]);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for r in self.0 {
            let index = LineIndex::new(r.text);
            for d in r.diagnostics {
                seq.serialize_element(&finding(r, &index, d))?;
            }
        }
        seq.end()
    }
}

fn pos(index: &LineIndex<'_>, offset: usize) -> Position {
    let (line, column) = index.line_col(offset);
    Position { line, column }
}

fn finding<'a>(r: &FileReport<'a>, index: &LineIndex<'_>, d: &'a Diagnostic) -> Finding<'a> {
    let paragraph = crate::source::Format::by_paragraph(r.path).then(|| {
        let (line, col) = index.line_col(d.span.start);
        let (end_line, end_col) = index.line_col(d.span.end);
        Paragraph {
            index: line - 1,
            start: col - 1,
            // A span never crosses a paragraph; if it did, it is cut at the paragraph's end.
            end: if end_line == line {
                end_col - 1
            } else {
                r.text
                    .get(d.span.start..)
                    .and_then(|t| t.split('\n').next())
                    .map_or(col - 1, |t| col - 1 + t.chars().count())
            },
        }
    });
    Finding {
        paragraph,
        path: r.path,
        rule: &d.rule,
        severity: d.severity,
        message: &d.message,
        span: Span {
            start: d.span.start,
            end: d.span.end,
        },
        start: pos(index, d.span.start),
        end: pos(index, d.span.end),
        label: &d.label,
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                message: &l.message,
                span: Span {
                    start: l.span.start,
                    end: l.span.end,
                },
                start: pos(index, l.span.start),
                end: pos(index, l.span.end),
            })
            .collect(),
        notes: &d.notes,
        records: &d.records,
        fix: d.suggestion.as_ref().map(|s| Fix {
            replacement: &s.replacement,
            span: Span {
                start: s.span.start,
                end: s.span.end,
            },
        }),
    }
}

pub fn render<'a>(w: &mut dyn Write, reports: &'a [FileReport<'a>], errors: &'a [InputError]) -> io::Result<()> {
    let doc = Document {
        version: VERSION,
        tool: "factlint",
        tool_version: env!("CARGO_PKG_VERSION"),
        files: reports
            .iter()
            .map(|r| Checked {
                path: r.path,
                as_of: r.as_of,
                findings: r.diagnostics.len(),
            })
            .collect(),
        findings: Findings(reports),
        errors: errors
            .iter()
            .map(|e| Error {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
