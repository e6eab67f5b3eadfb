//! GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding.
//! GitHub shows only ten of each level per step, so pair it with SARIF for large runs.

use std::io::{self, Write};

use super::{FileReport, Reporter, RuleMeta, Streams};
use crate::diagnostic::Severity;
use crate::error::{InputError, LoadError};

/// Workflow commands on standard output, errors too: a broken rule pack or an unreadable
/// draft is an `::error` annotation on that file, which GitHub shows in the run's log and
/// on the file.
pub struct Github<'w> {
    streams: Streams<'w>,
}

impl<'w> Github<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self { streams }
    }
}

impl Reporter for Github<'_> {
    fn file(&mut self, report: &FileReport<'_>) -> io::Result<()> {
        render(self.streams.out, report)
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        let file = escape_property(&e.path.replace('\\', "/"));
        let at = match e.line_col() {
            Some((line, col)) => format!(",line={line},col={col}"),
            None => String::new(),
        };
        writeln!(
            self.streams.out,
            "::error file={file}{at},title={}::{}",
            escape_property("factlint: cannot load the rules"),
            escape_data(&e.message)
        )
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        let (level, title) = if e.fatal {
            ("error", "factlint: draft not checked")
        } else {
            ("warning", "factlint")
        };
        writeln!(
            self.streams.out,
            "::{level} file={},title={}::{}",
            escape_property(&e.path.replace('\\', "/")),
            escape_property(title),
            escape_data(&e.message)
        )
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        self.streams.out.flush()
    }
}

/// Escape a message for a workflow command: `%`, CR and LF as GitHub decodes them, and
/// other control characters from a draft shown, not sent to the log.
fn escape_data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    super::excerpt::escape(&s).into_owned()
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(w: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
    // The path as it is, escaped once (a URI's own `%` escapes would be escaped again).
    let file = escape_property(&report.path.replace('\\', "/"));
    let index = crate::text::LineIndex::new(report.text);
    for d in report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (line, col) = index.line_col(report.text, d.span.start);
        let (end_line, end_col) = index.line_col(report.text, d.span.end);
        let mut message = d.message.clone();
        if let Some(s) = &d.suggestion {
            message.push_str(&format!("\nhelp: {}", s.advice(str::to_string)));
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
        assert_eq!(escape_data("bell\u{7}"), "bell␇");
    }

    #[test]
    fn a_percent_in_a_path_is_escaped_once() {
        let as_of = crate::extract::asof::AsOf {
            date: chrono::NaiveDate::default(),
            source: crate::extract::asof::AsOfSource::Flag,
            span: None,
            guessed_year: false,
        };
        let diags = [crate::diagnostic::Diagnostic::new(
            "house/x",
            Severity::Warning,
            0..1,
            "100% wrong",
        )];
        let report = FileReport {
            path: "50% off.md",
            text: "x",
            as_of: &as_of,
            diagnostics: &diags,
            claims: None,
        };
        let mut out = Vec::new();
        render(&mut out, &report).unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("::warning file=50%25 off.md,line=1"), "{out}");
        assert!(out.contains("::100%25 wrong"), "{out}");
    }
}
