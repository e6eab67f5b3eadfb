//! Applying the suggested replacements of findings: which are safe to apply together,
//! and the fixed text. Writing it is the caller's (`files::rewrite`, atomically).
//!
//! A suggestion is applied when its finding is at or above the chosen severity, its span
//! lies in the text on character boundaries, it changes something, and it overlaps no
//! suggestion applied before it (suggestions are taken in order of position; of two that
//! overlap the first is applied and the second left for the next run). The same
//! replacement suggested twice for one span is applied once. Every byte outside the
//! spans is kept as it was: line endings, a byte-order mark, the rest of the draft.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Format;

/// One replacement to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
    pub rule: String,
}

/// The replacements to make in one draft, and how many were left out for overlapping one
/// that is made.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    pub edits: Vec<Edit>,
    pub overlapping: usize,
}

/// Why a draft's fixes cannot be applied.
pub const DOCX_REFUSED: &str =
    "not fixed: factlint never writes to a Word document; make the suggested changes in Word";

/// The safe replacements of `diagnostics` in `text`, from findings at or above `min`.
/// In an HTML draft a replacement is written as HTML text (`&`, `<` and `>` escaped);
/// a Word document is refused.
pub fn plan(text: &str, diagnostics: &[Diagnostic], min: Severity, format: Format) -> Result<Plan, &'static str> {
    let mut wanted: Vec<Edit> = diagnostics
        .iter()
        .filter(|d| d.severity >= min)
        .filter_map(|d| {
            let s = d.suggestion.as_ref()?;
            let current = text.get(s.span.clone())?;
            let replacement = written(text, &s.replacement, format);
            (current != replacement).then(|| Edit {
                span: s.span.clone(),
                replacement,
                rule: d.rule.clone(),
            })
        })
        .collect();
    if wanted.is_empty() {
        return Ok(Plan::default());
    }
    if format == Format::Docx {
        return Err(DOCX_REFUSED);
    }
    wanted.sort_by(|a, b| (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement)));
    wanted.dedup_by(|b, a| a.span == b.span && a.replacement == b.replacement);
    let mut plan = Plan::default();
    for e in wanted {
        let clashes = plan.edits.last().is_some_and(|prev: &Edit| {
            e.span.start < prev.span.end
                // Two insertions at one point: which goes first is not known.
                || (e.span.start == prev.span.start && (e.span.is_empty() || prev.span.is_empty()))
        });
        if clashes {
            plan.overlapping += 1;
        } else {
            plan.edits.push(e);
        }
    }
    Ok(plan)
}

/// A replacement as it is written into the draft: with the draft's line ending, and
/// escaped in HTML.
fn written(text: &str, replacement: &str, format: Format) -> String {
    let mut r = replacement.to_string();
    if format == Format::Html {
        r = r.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    }
    if r.contains('\n') && text.contains("\r\n") {
        r = r.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    r
}

/// `text` with `edits` (sorted, not overlapping, as `plan` gives them) made.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(text.get(at..e.span.start).unwrap_or_default());
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(rule: &str, severity: Severity, span: Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic::new(rule, severity, span.clone(), "m").suggest(span, replacement)
    }

    #[test]
    fn overlapping_suggestions_apply_the_first() {
        let text = "It was Monday, 14 April 2023.";
        let diags = [
            d("a/x", Severity::Error, 7..13, "Friday"),
            d("a/y", Severity::Error, 7..28, "Friday, 14 April"),
            d("a/z", Severity::Warning, 15..17, "15"),
        ];
        let plan = plan(text, &diags, Severity::Warning, Format::Text).unwrap_or_default();
        // The second overlaps the first; the third overlaps only the second, left out.
        assert_eq!(plan.overlapping, 1);
        assert_eq!(apply(text, &plan.edits), "It was Friday, 15 April 2023.");
    }

    #[test]
    fn severity_duplicates_and_no_ops() {
        let text = "a b c";
        let diags = [
            d("a/x", Severity::Info, 0..1, "A"),
            d("a/y", Severity::Warning, 2..3, "B"),
            d("a/y2", Severity::Error, 2..3, "B"),
            d("a/z", Severity::Error, 4..5, "c"),
        ];
        let p = plan(text, &diags, Severity::Warning, Format::Text).unwrap_or_default();
        assert_eq!((p.edits.len(), p.overlapping), (1, 0));
        assert_eq!(apply(text, &p.edits), "a B c");
        let p = plan(text, &diags, Severity::Info, Format::Text).unwrap_or_default();
        assert_eq!(apply(text, &p.edits), "A B c");
        let p = plan(text, &diags, Severity::Error, Format::Text).unwrap_or_default();
        assert_eq!(apply(text, &p.edits), "a B c");
    }

    #[test]
    fn html_is_escaped_crlf_kept_docx_refused_bad_spans_skipped() {
        let p = plan(
            "<p>x</p>",
            &[d("a/x", Severity::Error, 3..4, "A & B")],
            Severity::Info,
            Format::Html,
        )
        .unwrap_or_default();
        assert_eq!(apply("<p>x</p>", &p.edits), "<p>A &amp; B</p>");
        let text = "one\r\ntwo\r\n";
        let p = plan(
            text,
            &[d("a/x", Severity::Error, 0..3, "1\n1")],
            Severity::Info,
            Format::Text,
        )
        .unwrap_or_default();
        assert_eq!(apply(text, &p.edits), "1\r\n1\r\ntwo\r\n");
        assert_eq!(
            plan(
                "x",
                &[d("a/x", Severity::Error, 0..1, "y")],
                Severity::Info,
                Format::Docx
            ),
            Err(DOCX_REFUSED)
        );
        assert_eq!(
            plan("x", &[], Severity::Info, Format::Docx),
            Ok(Plan::default()),
            "nothing to fix in a Word document is no error"
        );
        let p = plan(
            "é",
            &[
                d("a/x", Severity::Error, 1..2, "e"),
                d("a/y", Severity::Error, 5..9, "e"),
            ],
            Severity::Info,
            Format::Text,
        )
        .unwrap_or_default();
        assert!(p.edits.is_empty());
    }
}
