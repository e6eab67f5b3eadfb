//! Inline suppression in Markdown and HTML drafts:
//!
//! ```text
//! <!-- factlint-disable-next-line date/weekday-mismatch -- the source misdates it -->
//! <!-- factlint-disable stance/contradicts-record -->
//! …
//! <!-- factlint-enable stance/contradicts-record -->
//! ```
//!
//! Several rules may be listed, separated by commas or spaces; no rule means every rule.
//! A reason may follow `--`. A directive that suppresses nothing is itself reported, so
//! stale suppressions do not pile up.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};

pub const UNUSED: &str = "suppression/unused";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*factlint-(?P<kind>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)(?:--\s*(?P<reason>[^>]*?))?\s*-->")
        .unwrap_or_else(|_| unreachable!())
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    span: Range<usize>,
    rules: Vec<String>,
    /// The byte range it covers.
    covers: Range<usize>,
    used: bool,
}

fn matches_rule(rules: &[String], rule: &str) -> bool {
    rules.is_empty() || rules.iter().any(|r| r == rule || r == "all")
}

fn parse(text: &str) -> Vec<Directive> {
    let mut out: Vec<Directive> = Vec::new();
    for c in DIRECTIVE.captures_iter(text) {
        let (Some(all), Some(kind)) = (c.get(0), c.name("kind")) else {
            continue;
        };
        let rules: Vec<String> = c
            .name("rules")
            .map(|r| {
                r.as_str()
                    .split([',', ' ', '\t', '\n'])
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let kind = match kind.as_str() {
            "disable-next-line" => Kind::NextLine,
            "disable" => Kind::Disable,
            _ => Kind::Enable,
        };
        let covers = match kind {
            Kind::NextLine => next_line(text, all.end()),
            _ => all.end()..text.len(),
        };
        if kind == Kind::Enable {
            // Close the open ranges it names.
            for d in out
                .iter_mut()
                .filter(|d| d.kind == Kind::Disable && d.covers.end == text.len())
            {
                if rules.is_empty() || d.rules.iter().any(|r| rules.contains(r)) || d.rules.is_empty() {
                    d.covers.end = all.start();
                }
            }
        }
        out.push(Directive {
            kind,
            span: all.range(),
            rules,
            covers,
            used: false,
        });
    }
    out
}

/// The next line after `at` that has something on it.
fn next_line(text: &str, at: usize) -> Range<usize> {
    let rest = crate::text::from(text, at);
    let Some(nl) = rest.find('\n') else {
        return text.len()..text.len();
    };
    let mut start = at + nl + 1;
    loop {
        let line = crate::text::from(text, start);
        let end = line.find('\n').map_or(text.len(), |i| start + i);
        if !crate::text::get(text, start..end).trim().is_empty() || end >= text.len() {
            return start..end;
        }
        start = end + 1;
    }
}

/// Drop the findings the draft suppresses and report suppressions that suppress nothing.
pub fn apply(text: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut directives = parse(text);
    if directives.is_empty() {
        return diagnostics;
    }
    let mut kept = Vec::new();
    for d in diagnostics {
        let hit = directives.iter_mut().find(|x| {
            x.kind != Kind::Enable
                && x.covers.start <= d.span.start
                && d.span.start < x.covers.end.max(x.covers.start + 1)
                && matches_rule(&x.rules, &d.rule)
        });
        match hit {
            Some(x) => x.used = true,
            None => kept.push(d),
        }
    }
    for x in directives.iter().filter(|x| x.kind != Kind::Enable && !x.used) {
        let what = if x.rules.is_empty() {
            "any finding".to_string()
        } else {
            x.rules.join(", ")
        };
        kept.push(
            Diagnostic::new(
                UNUSED,
                Severity::Warning,
                x.span.clone(),
                format!("this suppression of {what} suppresses nothing"),
            )
            .label("remove it, or check the rule id")
            .suggest(x.span.clone(), ""),
        );
    }
    kept.sort_by(|a, b| a.span.start.cmp(&b.span.start).then_with(|| a.rule.cmp(&b.rule)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &str, at: usize) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, at..at + 3, "x")
    }

    #[test]
    fn next_line_and_ranges() {
        let text = "<!-- factlint-disable-next-line date/a -- known -->\n\nbad one\nbad two\n<!-- factlint-disable date/b -->\nx\n<!-- factlint-enable date/b -->\ny\n";
        let one = text.find("bad one").unwrap_or(0);
        let two = text.find("bad two").unwrap_or(0);
        let x = text.find("x\n").unwrap_or(0);
        let y = text.find("y\n").unwrap_or(0);
        let out = apply(
            text,
            vec![
                diag("date/a", one),
                diag("date/a", two),
                diag("date/b", x),
                diag("date/b", y),
            ],
        );
        let rules: Vec<(&str, usize)> = out.iter().map(|d| (d.rule.as_str(), d.span.start)).collect();
        assert_eq!(rules, vec![("date/a", two), ("date/b", y)]);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let text = "<!-- factlint-disable-next-line date/nothing-here -->\nfine\n";
        let out = apply(text, Vec::new());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, UNUSED);
    }
}
