//! The short format: one line per finding, `path:line:col: severity[rule] message`; in a
//! Word document, `path:¶paragraph:character`.

use std::io::{self, Write};

use super::FileReport;

pub fn render(w: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    let index = crate::text::LineIndex::new(report.text);
    let para = if crate::source::Format::by_paragraph(report.path) {
        "¶"
    } else {
        ""
    };
    for d in report.diagnostics {
        let (line, col) = index.line_col(d.span.start);
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
