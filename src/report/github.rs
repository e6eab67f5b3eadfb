//! GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding.
//! GitHub shows only ten of each level per step, so pair it with SARIF for large runs.

use std::io::{self, Write};

use super::FileReport;
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(w: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    let file = escape_property(&super::sarif::uri(report.path).replace("%20", " "));
    let index = crate::text::LineIndex::new(report.text);
    for d in report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (line, col) = index.line_col(d.span.start);
        let (end_line, end_col) = index.line_col(d.span.end);
        let mut message = d.message.clone();
        if let Some(s) = &d.suggestion {
            message.push_str(&format!("\nhelp: write `{}`", s.replacement));
        }
        writeln!(
            w,
            "::{level} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            escape_property(&format!("factlint {}", d.rule)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_github_needs() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
