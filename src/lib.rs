//! factlint: a consistency and fact-check linter for news and editorial copy.
//!
//! Data flows one way: a draft is read (`source`), facts are extracted from it with byte
//! spans (`extract`), the checks compare them with each other and with the knowledge base
//! (`checks`, `kb`), and the findings (`diagnostic`) are rendered by a `report` format.
//! The library neither prints nor reads the command line: the binary (`src/main.rs` and
//! `src/cli/`) parses arguments, prints, and chooses the exit status.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::string_slice))]

pub mod baseline;
pub mod calendar;
pub mod checks;
pub mod claims;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod files;
pub mod fix;
pub mod input;
pub mod kb;
pub mod lsp;
pub mod packtest;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod run;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
pub mod spelling;
pub mod suppress;
pub mod text;

/// Exit statuses, as ruff and markdownlint use them: nothing found at or above the
/// failing severity; findings; a usage, configuration or rule-file error or an unreadable
/// draft.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

use diagnostic::Diagnostic;
use extract::Extraction;
use rules::Rules;
use source::Document;

/// How a draft is checked beyond its rules: what the reader of dates assumes (the as-of
/// date, the order of numeric dates) and the baseline of accepted findings, if any.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckConfig<'a> {
    pub options: extract::Options,
    pub baseline: Option<&'a baseline::Index>,
}

impl CheckConfig<'_> {
    /// With these options and no baseline.
    pub fn new(options: extract::Options) -> Self {
        Self {
            options,
            baseline: None,
        }
    }
}

/// What the check of one draft found: what was read from it, and the findings, sorted by
/// position, then rule id.
#[derive(Debug)]
pub struct Findings {
    pub extraction: Extraction,
    pub diagnostics: Vec<Diagnostic>,
}

/// The whole check of one draft, as every front end runs it (`check`, `lsp`, `serve`, the
/// fixtures, the benchmarks, a pack's tests): extraction, every enabled check (built-in and
/// user), the merge of findings that describe one error, the draft's own suppression
/// comments and, when one is given, the baseline. This is the only place these steps are
/// put together.
pub fn check(doc: &Document, rules: &Rules, config: &CheckConfig<'_>) -> Findings {
    let ex = extract::extract(doc, &rules.kb, &config.options);
    let cx = checks::Context {
        doc,
        kb: &rules.kb,
        ex: &ex,
    };
    let findings = merge(run_checks(&cx, rules));
    let known = |id: &str| checks::is_reported(id) || rules.user.iter().any(|u| u.id == id);
    let findings = suppress::apply(&doc.text, &doc.code, &known, findings);
    let findings = match config.baseline {
        Some(b) => b.filter(&doc.path, &doc.text, findings),
        None => findings,
    };
    Findings {
        extraction: ex,
        diagnostics: findings,
    }
}

/// Every enabled check, built-in then user, over one draft.
fn run_checks(cx: &checks::Context<'_>, rules: &Rules) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (check, run) in checks::built_in() {
        if let Some(&severity) = rules.enabled.get(check.id) {
            run(cx, severity, &mut out);
        }
    }
    for user in &rules.user {
        user.run(&cx.doc.prose, user.severity, &mut out);
    }
    out
}

/// Sort the findings by position, then rule id, and fold those that describe one error.
fn merge(mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    out.sort_by(|a, b| {
        (a.span.start, &a.rule, &a.message, a.span.end).cmp(&(b.span.start, &b.rule, &b.message, b.span.end))
    });
    // Two names for one event in a sentence ("COP21, the UN climate conference") give one finding.
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    checks::one_per_error(&mut out);
    out
}

/// Every rule a run with `rules` can report, as the reports describe them (SARIF's rule
/// table, `serve`'s configuration): the built-in checks at the severity the rules give
/// them, each user check the packs declare (documented by its kind), and the rules of
/// suppression comments, in the order of `checks::RULES`.
pub fn rule_table(rules: &Rules) -> Vec<report::RuleMeta> {
    let mut out = Vec::new();
    for rule in checks::RULES {
        let meta = |id: &str, severity| report::RuleMeta {
            id: id.to_string(),
            severity,
            summary: rule.summary.to_string(),
            doc: rule.doc.to_string(),
        };
        match rule.kind {
            checks::Kind::Check(_) => {
                out.push(meta(
                    rule.id,
                    rules.enabled.get(rule.id).copied().unwrap_or(rule.severity),
                ));
            }
            checks::Kind::User => {
                for u in rules.user.iter().filter(|u| u.kind().id == rule.id) {
                    out.push(report::RuleMeta {
                        summary: format!("{} check defined at {}", rule.id, u.at),
                        doc: format!("A `{}` check defined at {}.\n\n{}", rule.id, u.at, rule.doc),
                        ..meta(&u.id, u.severity)
                    });
                }
            }
            checks::Kind::Suppression => out.push(meta(rule.id, rule.severity)),
        }
    }
    out
}
