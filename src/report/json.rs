//! The JSON format: one versioned document for the whole run. Its shape is documented in
//! `docs/json-format.md`; fields are only ever added within a version.

use std::io;

use serde::Serialize;

use super::{FileReport, Reporter, RuleMeta, Streams};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{InputError, LoadError};
use crate::text::LineIndex;

pub const VERSION: u32 = 2;

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
struct Label {
    message: String,
    span: Span,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Fix {
    replacement: String,
    span: Span,
}

/// One finding, owned, so that a document keeps its findings and not the drafts' texts.
#[derive(Serialize)]
struct Finding {
    path: String,
    rule: String,
    severity: Severity,
    message: String,
    span: Span,
    start: Position,
    end: Position,
    label: String,
    labels: Vec<Label>,
    notes: Vec<String>,
    /// The knowledge-base entries cited, as `{path, line}`.
    records: Vec<crate::diagnostic::Record>,
    fix: Option<Fix>,
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
struct Checked {
    path: String,
    as_of: crate::extract::asof::AsOf,
    findings: usize,
    /// With `--claims` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<crate::claims::Claim>>,
}

/// Something that kept a draft, or every draft, from being checked.
#[derive(Serialize)]
struct Error {
    /// `input`: a draft or path that could not be read; `load`: a configuration or rule
    /// pack that could not be loaded (the drafts it governs were not checked).
    kind: &'static str,
    /// `error` fails the run; `warning` does not (a directory with no drafts in it).
    severity: Severity,
    path: String,
    message: String,
    /// Where in a configuration or rule file, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl Error {
    fn input(e: &InputError) -> Self {
        Error {
            kind: "input",
            severity: if e.fatal { Severity::Error } else { Severity::Warning },
            path: e.path.clone(),
            message: e.message.clone(),
            line: None,
            column: None,
        }
    }

    fn load(e: &LoadError) -> Self {
        let at = e.line_col();
        Error {
            kind: "load",
            severity: Severity::Error,
            path: e.path.clone(),
            message: e.message.clone(),
            line: at.map(|(l, _)| l),
            column: at.map(|(_, c)| c),
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: &'static str,
    tool_version: &'static str,
    files: &'a [Checked],
    findings: &'a [Finding],
    errors: &'a [Error],
}

/// The JSON document of a run, written whole in `finish`. It keeps each finding (not the
/// drafts): `jsonl` is the format for runs too large for that.
pub struct Json<'w> {
    streams: Streams<'w>,
    files: Vec<Checked>,
    findings: Vec<Finding>,
    errors: Vec<Error>,
}

impl<'w> Json<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self {
            streams,
            files: Vec::new(),
            findings: Vec::new(),
            errors: Vec::new(),
        }
    }
}

impl Reporter for Json<'_> {
    fn file(&mut self, r: &FileReport<'_>) -> io::Result<()> {
        self.files.push(Checked {
            path: r.path.to_string(),
            as_of: r.as_of.clone(),
            findings: r.diagnostics.len(),
            claims: r.claims.map(<[_]>::to_vec),
        });
        let index = LineIndex::new(r.text);
        self.findings
            .extend(r.diagnostics.iter().map(|d| finding(r, &index, d)));
        Ok(())
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        super::load_error_line(self.streams.err, e)?;
        self.errors.push(Error::load(e));
        Ok(())
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        super::input_error(self.streams.err, e)?;
        self.errors.push(Error::input(e));
        Ok(())
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        let doc = Document {
            version: VERSION,
            tool: "factlint",
            tool_version: env!("CARGO_PKG_VERSION"),
            files: &self.files,
            findings: &self.findings,
            errors: &self.errors,
        };
        let w = &mut *self.streams.out;
        serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
        writeln!(w)?;
        w.flush()
    }
}

/// A line of `jsonl`: a record with its `type` first.
#[derive(Serialize)]
struct Tagged<'a, T> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

#[derive(Serialize)]
struct Header {
    version: u32,
    tool: &'static str,
    tool_version: &'static str,
}

/// JSON Lines, for runs of any size: a `header` line, then for each draft its `finding`
/// lines and a `file` line, written as soon as the draft is checked, and an `error` line
/// for each error, in the run's order. Nothing is kept between drafts.
pub struct Lines<'w> {
    streams: Streams<'w>,
    started: bool,
}

impl<'w> Lines<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self {
            streams,
            started: false,
        }
    }

    fn line<T: Serialize>(&mut self, kind: &'static str, record: &T) -> io::Result<()> {
        if !self.started {
            self.started = true;
            let header = Header {
                version: VERSION,
                tool: "factlint",
                tool_version: env!("CARGO_PKG_VERSION"),
            };
            self.line("header", &header)?;
        }
        let w = &mut *self.streams.out;
        serde_json::to_writer(&mut *w, &Tagged { kind, record }).map_err(io::Error::other)?;
        writeln!(w)
    }
}

impl Reporter for Lines<'_> {
    fn file(&mut self, r: &FileReport<'_>) -> io::Result<()> {
        let index = LineIndex::new(r.text);
        for d in r.diagnostics {
            self.line("finding", &finding(r, &index, d))?;
        }
        let checked = Checked {
            path: r.path.to_string(),
            as_of: r.as_of.clone(),
            findings: r.diagnostics.len(),
            claims: r.claims.map(<[_]>::to_vec),
        };
        self.line("file", &checked)?;
        self.streams.out.flush()
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        super::load_error_line(self.streams.err, e)?;
        self.line("error", &Error::load(e))
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        super::input_error(self.streams.err, e)?;
        self.line("error", &Error::input(e))
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        if !self.started {
            // A run with nothing in it still says what it is: the header alone.
            self.started = true;
            self.line(
                "header",
                &Header {
                    version: VERSION,
                    tool: "factlint",
                    tool_version: env!("CARGO_PKG_VERSION"),
                },
            )?;
        }
        self.streams.out.flush()
    }
}

fn pos(text: &str, index: &LineIndex, offset: usize) -> Position {
    let (line, column) = index.line_col(text, offset);
    Position { line, column }
}

fn finding(r: &FileReport<'_>, index: &LineIndex, d: &Diagnostic) -> Finding {
    let paragraph = crate::source::Format::by_paragraph(r.path).then(|| {
        let (line, col) = index.line_col(r.text, d.span.start);
        let (end_line, end_col) = index.line_col(r.text, d.span.end);
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
        path: r.path.to_string(),
        rule: d.rule.clone(),
        severity: d.severity,
        message: d.message.clone(),
        span: Span {
            start: d.span.start,
            end: d.span.end,
        },
        start: pos(r.text, index, d.span.start),
        end: pos(r.text, index, d.span.end),
        label: d.label.clone(),
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                message: l.message.clone(),
                span: Span {
                    start: l.span.start,
                    end: l.span.end,
                },
                start: pos(r.text, index, l.span.start),
                end: pos(r.text, index, l.span.end),
            })
            .collect(),
        notes: d.notes.clone(),
        records: d.records.clone(),
        fix: d.suggestion.as_ref().map(|s| Fix {
            replacement: s.replacement.clone(),
            span: Span {
                start: s.span.start,
                end: s.span.end,
            },
        }),
    }
}
