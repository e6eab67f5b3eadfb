//! JUnit XML, for CI systems that show test reports: one test suite per draft, one failing
//! test case per finding, and one passing case for a clean draft.

use std::io::{self, Write};

use super::FileReport;

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

pub fn render(w: &mut dyn Write, reports: &[FileReport<'_>]) -> io::Result<()> {
    let total: usize = reports.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<testsuites name="factlint" tests="{total}" failures="{failures}">"#
    )?;
    for r in reports {
        let path = xml(r.path);
        let n = r.diagnostics.len();
        writeln!(w, r#"  <testsuite name="{path}" tests="{}" failures="{n}">"#, n.max(1))?;
        if n == 0 {
            writeln!(w, r#"    <testcase name="{path}" classname="factlint"/>"#)?;
        }
        let index = crate::text::LineIndex::new(r.text);
        for d in r.diagnostics {
            let (line, col) = index.line_col(d.span.start);
            writeln!(
                w,
                r#"    <testcase name="{} {path}:{line}:{col}" classname="{}" file="{path}" line="{line}">"#,
                xml(&d.rule),
                xml(&d.rule)
            )?;
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
            )?;
            writeln!(w, "    </testcase>")?;
        }
        writeln!(w, "  </testsuite>")?;
    }
    writeln!(w, "</testsuites>")
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
        };
        let mut out = Vec::new();
        render(&mut out, &[report]).unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(&out);
        assert!(
            out.contains(">a&amp;b.md:1:1: warning[house/x] use &lt;b&gt; &amp; &quot;c&quot;</failure>"),
            "{out}"
        );
        assert!(!out.contains("&amp;amp;"), "{out}");
    }
}
