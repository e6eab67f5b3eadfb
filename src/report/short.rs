//! The short format: one line per finding, `path:line:col: severity[rule] message`; in a
//! Word document, `path:¶paragraph:character`.

use std::io::{self, Write};

use super::{FileReport, Reporter, RuleMeta, Streams};
use crate::error::{InputError, LoadError};

/// One line per finding on standard output; errors on standard error, as in the human
/// format.
pub struct Short<'w> {
    streams: Streams<'w>,
}

impl<'w> Short<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self { streams }
    }
}

impl Reporter for Short<'_> {
    fn file(&mut self, report: &FileReport<'_>) -> io::Result<()> {
        render(self.streams.out, report)
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        super::human::load_error(self.streams.err, e)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        super::input_error(self.streams.err, e)
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        self.streams.out.flush()
    }
}

pub fn render(w: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    let index = crate::text::LineIndex::new(report.text);
    let para = if crate::source::Format::by_paragraph(report.path) {
        "¶"
    } else {
        ""
    };
    for d in report.diagnostics {
        let (line, col) = index.line_col(report.text, d.span.start);
        writeln!(
            w,
            "{}:{para}{line}:{col}: {}[{}] {}",
            super::excerpt::escape(report.path),
            d.severity,
            d.rule,
            super::excerpt::escape(&d.message)
        )?;
    }
    Ok(())
}
