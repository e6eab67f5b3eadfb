//! The human format: compiler-style diagnostics rendered by codespan-reporting.

use std::io;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, LabelStyle, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};

use super::{FileReport, WriteColor};
use crate::diagnostic::Severity;
use crate::error::LoadError;

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
    let file = SimpleFile::new(report.path, report.text);
    let config = Config::default();
    for d in report.diagnostics {
        let mut labels = vec![CsLabel::new(LabelStyle::Primary, (), d.span.clone()).with_message(d.label.clone())];
        for l in &d.labels {
            labels.push(CsLabel::new(LabelStyle::Secondary, (), l.span.clone()).with_message(l.message.clone()));
        }
        let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
        if let Some(s) = &d.suggestion {
            notes.push(format!("help: write `{}`", s.replacement));
        }
        let diag = CsDiagnostic::new(severity(d.severity))
            .with_code(d.rule.clone())
            .with_message(d.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        term::emit_to_write_style(w, &config, &file, &diag).map_err(io_err)?;
    }
    Ok(())
}

pub fn load_error(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    let config = Config::default();
    match (&e.text, &e.span) {
        (Some(text), Some(span)) => {
            let file = SimpleFile::new(e.path.as_str(), text.as_ref());
            let diag = CsDiagnostic::error()
                .with_message(e.message.clone())
                .with_labels(vec![CsLabel::primary((), span.clone())]);
            term::emit_to_write_style(w, &config, &file, &diag).map_err(io_err)
        }
        _ => writeln!(w, "error: {}: {}", e.path, e.message),
    }
}
