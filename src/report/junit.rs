//! JUnit XML, for CI systems that show test reports: one test suite per draft, one failing
//! test case per finding, and one passing case for a clean draft.

use std::io;

use super::{FileReport, Reporter, RuleMeta, Streams};
use crate::error::{InputError, LoadError};

fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The suites of a run, written as one document in `finish` (the root element carries the
/// totals). A draft that could not be read, or a configuration or rule pack that could not
/// be loaded, is a test case in error; a path with nothing to check is a skipped case.
pub struct Junit<'w> {
    streams: Streams<'w>,
    suites: String,
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl<'w> Junit<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self {
            streams,
            suites: String::new(),
            tests: 0,
            failures: 0,
            errors: 0,
            skipped: 0,
        }
    }

    /// A suite of one case for a problem that is not a finding.
    fn problem(&mut self, path: &str, kind: &str, body: &str, message: &str, fatal: bool) {
        let p = xml(path);
        self.tests += 1;
        let (errors, skipped, inner) = if fatal {
            self.errors += 1;
            (
                1,
                0,
                format!(
                    r#"<error message="{}" type="{kind}">{}</error>"#,
                    xml(message),
                    xml(body)
                ),
            )
        } else {
            self.skipped += 1;
            (0, 1, format!(r#"<skipped message="{}"/>"#, xml(message)))
        };
        self.suites.push_str(&format!(
            "  <testsuite name=\"{p}\" tests=\"1\" failures=\"0\" errors=\"{errors}\" skipped=\"{skipped}\">\n    <testcase name=\"{p}\" classname=\"factlint.{kind}\" file=\"{p}\">\n      {inner}\n    </testcase>\n  </testsuite>\n"
        ));
    }
}

impl Reporter for Junit<'_> {
    fn file(&mut self, r: &FileReport<'_>) -> io::Result<()> {
        let n = r.diagnostics.len();
        self.tests += n.max(1);
        self.failures += n;
        suite(&mut self.suites, r)
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        let at = match e.line_col() {
            Some((line, col)) => format!("{}:{line}:{col}", e.path),
            None => e.path.clone(),
        };
        let body = format!("{at}: error: {}", e.message);
        self.problem(&e.path, "load-error", &body, &e.message, true);
        Ok(())
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        let body = format!("{}: {}", e.path, e.message);
        self.problem(&e.path, "input-error", &body, &e.message, e.fatal);
        Ok(())
    }

    fn finish(&mut self, _rules: &[RuleMeta]) -> io::Result<()> {
        let w = &mut *self.streams.out;
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        let extra = if self.errors + self.skipped > 0 {
            format!(r#" errors="{}" skipped="{}""#, self.errors, self.skipped)
        } else {
            String::new()
        };
        writeln!(
            w,
            r#"<testsuites name="factlint" tests="{}" failures="{}"{extra}>"#,
            self.tests, self.failures
        )?;
        w.write_all(self.suites.as_bytes())?;
        writeln!(w, "</testsuites>")?;
        w.flush()
    }
}

/// One test suite per draft: a failing case per finding, one passing case when clean.
fn suite(w: &mut String, r: &FileReport<'_>) -> io::Result<()> {
    use std::fmt::Write as _;
    let fmt = |_| io::Error::other("formatting failed");
    let path = xml(r.path);
    let n = r.diagnostics.len();
    writeln!(w, r#"  <testsuite name="{path}" tests="{}" failures="{n}">"#, n.max(1)).map_err(fmt)?;
    if n == 0 {
        writeln!(w, r#"    <testcase name="{path}" classname="factlint"/>"#).map_err(fmt)?;
    }
    let index = crate::text::LineIndex::new(r.text);
    for d in r.diagnostics {
        let (line, col) = index.line_col(r.text, d.span.start);
        writeln!(
            w,
            r#"    <testcase name="{} {path}:{line}:{col}" classname="{}" file="{path}" line="{line}">"#,
            xml(&d.rule),
            xml(&d.rule)
        )
        .map_err(fmt)?;
        // Escaped once, below, as a whole.
        let mut body = format!("{}:{line}:{col}: {}[{}] {}", r.path, d.severity, d.rule, d.message);
        for note in &d.notes {
            body.push_str(&format!("\nnote: {note}"));
        }
        writeln!(
            w,
            r#"      <failure message="{}" type="{}">{}</failure>"#,
            xml(&d.message),
            d.severity,
            xml(&body)
        )
        .map_err(fmt)?;
        writeln!(w, "    </testcase>").map_err(fmt)?;
    }
    writeln!(w, "  </testsuite>").map_err(fmt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};

    #[test]
    fn text_is_escaped_once() {
        let as_of = crate::extract::asof::AsOf {
            date: chrono::NaiveDate::default(),
            source: crate::extract::asof::AsOfSource::Flag,
            span: None,
            guessed_year: false,
        };
        let diags = [Diagnostic::new("house/x", Severity::Warning, 0..1, "use <b> & \"c\"")];
        let report = FileReport {
            path: "a&b.md",
            text: "x",
            as_of: &as_of,
            diagnostics: &diags,
            claims: None,
        };
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        crate::report::render(crate::report::Format::Junit, &mut out, &[report], &[], &[])
            .unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(out.get_ref());
        assert!(
            out.contains(">a&amp;b.md:1:1: warning[house/x] use &lt;b&gt; &amp; &quot;c&quot;</failure>"),
            "{out}"
        );
        assert!(!out.contains("&amp;amp;"), "{out}");
    }
}
