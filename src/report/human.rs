//! The human format: compiler-style diagnostics rendered by codespan-reporting.

use std::io;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, LabelStyle, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config};

use super::excerpt::{Excerpt, escape};
use super::{FileReport, Reporter, RuleMeta, Streams, WriteColor};
use crate::diagnostic::Severity;
use crate::error::{InputError, LoadError};

/// Findings on standard output as compiler diagnostics; errors on standard error, a rule
/// file's with a snippet of the TOML.
pub struct Human<'w> {
    streams: Streams<'w>,
}

impl<'w> Human<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self { streams }
    }
}

impl Reporter for Human<'_> {
    fn file(&mut self, report: &FileReport<'_>) -> io::Result<()> {
        render(self.streams.out, report)
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        load_error(self.streams.err, e)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        super::input_error(self.streams.err, e)
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        self.streams.out.flush()
    }
}

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn io_err(e: codespan_reporting::files::Error) -> io::Error {
    io::Error::other(e.to_string())
}

pub fn render(w: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
    let config = Config::default();
    let lines = crate::text::LineIndex::new(report.text);
    for d in report.diagnostics {
        let spans: Vec<_> = std::iter::once(d.span.clone())
            .chain(d.labels.iter().map(|l| l.span.clone()))
            .collect();
        let (file, spans) = Excerpt::new(report.path, report.text, &lines, &spans);
        let mut spans = spans.into_iter();
        let mut labels =
            vec![CsLabel::new(LabelStyle::Primary, (), spans.next().unwrap_or(0..0)).with_message(escape(&d.label))];
        for (l, span) in d.labels.iter().zip(spans) {
            labels.push(CsLabel::new(LabelStyle::Secondary, (), span).with_message(escape(&l.message)));
        }
        let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {}", escape(n))).collect();
        if let Some(s) = &d.suggestion {
            notes.push(format!("help: {}", s.advice(|r| escape(r).into_owned())));
        }
        let diag = CsDiagnostic::new(severity(d.severity))
            .with_code(d.rule.clone())
            .with_message(escape(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        term::emit_to_write_style(w, &config, &file, &diag).map_err(io_err)?;
    }
    Ok(())
}

pub fn load_error(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    load_problem(w, e, CsDiagnostic::error(), "error")
}

/// A warning of `kb check`, rendered as load errors are.
pub fn load_warning(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    load_problem(w, e, CsDiagnostic::warning(), "warning")
}

fn load_problem(w: &mut dyn WriteColor, e: &LoadError, diag: CsDiagnostic<()>, level: &str) -> io::Result<()> {
    let config = Config::default();
    match (&e.text, &e.span) {
        (Some(text), Some(span)) => {
            let lines = crate::text::LineIndex::new(text);
            let (file, spans) = Excerpt::new(e.path.as_str(), text, &lines, std::slice::from_ref(span));
            let diag = diag
                .with_message(escape(&e.message))
                .with_labels(vec![CsLabel::primary((), spans.into_iter().next().unwrap_or(0..0))]);
            term::emit_to_write_style(w, &config, &file, &diag).map_err(io_err)
        }
        _ => writeln!(w, "{level}: {}: {}", escape(&e.path), escape(&e.message)),
    }
}
