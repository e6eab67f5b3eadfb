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
//! stale suppressions do not pile up; so is one that is misspelled, names a rule that does
//! not exist, or is never closed with `-->`. A directive inside inline code or a code
//! block is an example, not a directive. Everything here takes time in proportion to the
//! draft and its findings, however many directives there are.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};

pub const UNUSED: &str = "suppression/unused";
pub const INVALID: &str = "suppression/invalid";

// The opening of anything that looks meant as a directive.
crate::scanner!(static OPENING = r"(?i)<!--\s*factlint(?-u:\b)");

// A well-formed directive's body (between `<!--` and `-->`).
crate::regex!(static BODY = r"(?s)^\s*factlint-(?P<kind>disable-next-line|disable|enable)(?:\s(?P<rules>.*?))?(?:--(?P<reason>.*))?$");

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
    /// The rules it names; empty for every rule.
    rules: Vec<String>,
    /// The byte range it covers.
    covers: Range<usize>,
    used: bool,
}

fn every_rule(rules: &[String]) -> bool {
    rules.is_empty() || rules.iter().any(|r| r == "all")
}

/// What a draft says about suppression: its directives, and problems with them.
struct Parsed {
    directives: Vec<Directive>,
    problems: Vec<Diagnostic>,
}

fn invalid(span: Range<usize>, message: String, label: &str) -> Diagnostic {
    Diagnostic::new(INVALID, Severity::Error, span, message).label(label)
}

fn parse(text: &str, code: &[Range<usize>], known: &dyn Fn(&str) -> bool) -> Parsed {
    let closers: Vec<usize> = text.match_indices("-->").map(|(i, _)| i).collect();
    let in_code = |at: usize| {
        let k = code.partition_point(|c| c.start <= at);
        k > 0 && code.get(k - 1).is_some_and(|c| at < c.end)
    };
    let mut directives: Vec<Directive> = Vec::new();
    let mut problems = Vec::new();
    // Open `disable` ranges by the rules they name (and those naming every rule), closed
    // by an `enable`; an index is closed at most once, so this stays linear.
    let mut open_by_rule: HashMap<String, Vec<usize>> = HashMap::new();
    let mut open_all: Vec<usize> = Vec::new();
    for m in OPENING.find_iter(text) {
        if in_code(m.start()) {
            continue;
        }
        let close = closers.get(closers.partition_point(|&c| c < m.end())).copied();
        let Some(close) = close else {
            let line_end = crate::text::from(text, m.start())
                .find('\n')
                .map_or(text.len(), |i| m.start() + i);
            problems.push(invalid(
                m.start()..line_end,
                "this suppression comment is never closed with `-->`: it suppresses nothing".to_string(),
                "close it with -->",
            ));
            continue;
        };
        let span = m.start()..close + 3;
        let body = crate::text::get(text, m.start() + 4..close);
        let Some(c) = BODY.captures(body) else {
            let word = body.split_whitespace().next().unwrap_or("");
            problems.push(invalid(
                span,
                format!(
                    "`{word}` is not a suppression: write factlint-disable-next-line, factlint-disable or factlint-enable"
                ),
                "not understood",
            ));
            continue;
        };
        let rules: Vec<String> = c
            .name("rules")
            .map(|r| {
                r.as_str()
                    .split([',', ' ', '\t', '\n', '\r'])
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        for r in rules.iter().filter(|r| r.as_str() != "all" && !known(r)) {
            problems.push(invalid(
                span.clone(),
                format!("`{r}` in this suppression is not a rule (see `factlint rules`)"),
                "unknown rule",
            ));
        }
        let kind = match c.name("kind").map(|k| k.as_str()) {
            Some("disable-next-line") => Kind::NextLine,
            Some("disable") => Kind::Disable,
            _ => Kind::Enable,
        };
        let covers = match kind {
            Kind::NextLine => next_line(text, span.end),
            _ => span.end..text.len(),
        };
        let index = directives.len();
        match kind {
            Kind::Enable => {
                let close_one = |i: usize, directives: &mut Vec<Directive>| {
                    if let Some(d) = directives.get_mut(i)
                        && d.covers.end == text.len()
                    {
                        d.covers.end = span.start;
                    }
                };
                if every_rule(&rules) {
                    for (_, list) in open_by_rule.drain() {
                        list.into_iter().for_each(|i| close_one(i, &mut directives));
                    }
                } else {
                    for r in &rules {
                        for i in open_by_rule.remove(r).unwrap_or_default() {
                            close_one(i, &mut directives);
                        }
                    }
                }
                std::mem::take(&mut open_all)
                    .into_iter()
                    .for_each(|i| close_one(i, &mut directives));
            }
            Kind::Disable if every_rule(&rules) => open_all.push(index),
            Kind::Disable => {
                for r in &rules {
                    open_by_rule.entry(r.clone()).or_default().push(index);
                }
            }
            Kind::NextLine => {}
        }
        directives.push(Directive {
            kind,
            span,
            rules,
            covers,
            used: false,
        });
    }
    Parsed { directives, problems }
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

/// Drop the findings the draft suppresses, and report suppressions that suppress nothing
/// or are not understood. `code` holds the draft's code spans and blocks, sorted; `known`
/// says whether a rule id exists.
pub fn apply(
    text: &str,
    code: &[Range<usize>],
    known: &dyn Fn(&str) -> bool,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let Parsed {
        mut directives,
        problems,
    } = parse(text, code, known);
    if directives.is_empty() && problems.is_empty() {
        return diagnostics;
    }
    // Sweep the draft in order: a directive is active over the range it covers; each
    // finding is suppressed by the first active directive (in the draft's order) that
    // names its rule or every rule.
    let mut events: Vec<(usize, bool, usize)> = Vec::new(); // (offset, starts, directive)
    for (i, x) in directives.iter().enumerate().filter(|(_, x)| x.kind != Kind::Enable) {
        // An empty range (a directive on the last line) still covers its start.
        let end = x.covers.end.max(x.covers.start + 1);
        events.push((x.covers.start, true, i));
        events.push((end, false, i));
    }
    events.sort_unstable_by_key(|&(at, starts, _)| (at, starts));
    let mut active_all: BTreeSet<usize> = BTreeSet::new();
    let mut active: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let names: Vec<Vec<String>> = directives.iter().map(|d| d.rules.clone()).collect();
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| diagnostics[i].span.start);
    let mut suppressed = vec![false; diagnostics.len()];
    let mut e = 0;
    for i in order {
        let at = diagnostics[i].span.start;
        while let Some(&(pos, starts, d)) = events.get(e) {
            if pos > at {
                break;
            }
            let rules = &names[d];
            if every_rule(rules) {
                if starts {
                    active_all.insert(d)
                } else {
                    active_all.remove(&d)
                };
            } else {
                for r in rules {
                    let set = active.entry(r.as_str()).or_default();
                    if starts {
                        set.insert(d)
                    } else {
                        set.remove(&d)
                    };
                }
            }
            e += 1;
        }
        let by_rule = active.get(diagnostics[i].rule.as_str()).and_then(|s| s.first());
        let hit = match (by_rule, active_all.first()) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        };
        if let Some(d) = hit {
            directives[d].used = true;
            suppressed[i] = true;
        }
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(suppressed)
        .filter(|(_, s)| !s)
        .map(|(d, _)| d)
        .collect();
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
    kept.extend(problems);
    kept.sort_by(|a, b| a.span.start.cmp(&b.span.start).then_with(|| a.rule.cmp(&b.rule)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &str, at: usize) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, at..at + 3, "x")
    }

    fn any(_: &str) -> bool {
        true
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
            &[],
            &any,
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
        let out = apply(text, &[], &any, Vec::new());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, UNUSED);
    }

    #[test]
    fn directives_in_code_are_examples() {
        let text = "Write `<!-- factlint-disable -->` to turn rules off.\nbad\n";
        let code_at = text.find('`').unwrap_or(0);
        let code = code_at..code_at + 27;
        let bad = text.find("bad").unwrap_or(0);
        let out = apply(text, std::slice::from_ref(&code), &any, vec![diag("date/a", bad)]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "date/a");
    }

    #[test]
    fn unterminated_misspelled_and_unknown_are_invalid() {
        let known = |r: &str| r == "date/a";
        let text = "<!-- factlint-disabel date/a -->\n<!-- factlint-disable date/nope -->\n<!-- factlint-disable-next-line date/a\nbad\n";
        let bad = text.find("bad").unwrap_or(0);
        let out = apply(text, &[], &known, vec![diag("date/a", bad)]);
        let rules: Vec<&str> = out.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, vec![INVALID, INVALID, UNUSED, INVALID, "date/a"], "{out:#?}");
        assert!(out[0].message.contains("`factlint-disabel` is not a suppression"));
        assert!(out[1].message.contains("`date/nope`"));
        assert!(out[3].message.contains("never closed"));
    }

    #[test]
    fn many_directives_take_linear_time() {
        let n = 20_000;
        let text = "<!-- factlint-disable date/a -->\nx\n<!-- factlint-enable date/a -->\n".repeat(n);
        let diags: Vec<Diagnostic> = text.match_indices("x\n").map(|(i, _)| diag("date/a", i)).collect();
        let t = std::time::Instant::now();
        let out = apply(&text, &[], &any, diags);
        assert!(out.is_empty(), "{}", out.len());
        assert!(t.elapsed() < std::time::Duration::from_secs(20));
    }
}
