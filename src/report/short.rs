//! The short format: one line per finding, `path:line:col: severity[rule] message`.

use std::io::{self, Write};

use super::FileReport;

pub fn render(w: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    for d in report.diagnostics {
        let (line, col) = crate::text::line_col(report.text, d.span.start);
        writeln!(
            w,
            "{}:{line}:{col}: {}[{}] {}",
            report.path, d.severity, d.rule, d.message
        )?;
    }
    Ok(())
}
