//! Output formats. Each renders the findings of a run; none of them decides anything.

pub mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::error::{InputError, LoadError};

/// The findings for one checked file, with its text for line numbers and snippets.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub as_of: &'a crate::extract::asof::AsOf,
    pub diagnostics: &'a [Diagnostic],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    Sarif,
    Github,
    Junit,
}

/// What a format may say about a rule (SARIF puts it in the tool's driver).
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: String,
    pub severity: crate::diagnostic::Severity,
    pub summary: String,
    pub doc: String,
}

impl RuleMeta {
    /// Every rule a run can report: built-in checks, the pack's user checks, and unused
    /// suppressions.
    pub fn all(rules: &crate::rules::Rules) -> Vec<RuleMeta> {
        let mut out: Vec<RuleMeta> = crate::checks::ALL
            .iter()
            .map(|c| RuleMeta {
                id: c.id.to_string(),
                severity: rules.enabled.get(c.id).copied().unwrap_or(c.severity),
                summary: c.summary.to_string(),
                doc: c.doc.to_string(),
            })
            .collect();
        for u in &rules.user {
            out.push(RuleMeta {
                id: u.id.clone(),
                severity: u.severity,
                summary: format!("user check defined at {}", u.at),
                doc: format!("A newsroom's own check, defined at {}.", u.at),
            });
        }
        out.push(RuleMeta {
            id: crate::suppress::UNUSED.to_string(),
            severity: crate::diagnostic::Severity::Warning,
            summary: "a suppression comment that suppresses nothing".to_string(),
            doc: "Reports a `<!-- factlint-disable… -->` comment that no longer suppresses any finding, so stale suppressions do not pile up.".to_string(),
        });
        out.push(RuleMeta {
            id: crate::suppress::INVALID.to_string(),
            severity: crate::diagnostic::Severity::Error,
            summary: "a suppression comment that is misspelled, names an unknown rule or is never closed".to_string(),
            doc: INVALID_DOC.to_string(),
        });
        out
    }
}

/// What `suppression/invalid` reports.
pub const INVALID_DOC: &str = "Reports a `<!-- factlint… -->` comment that is not a suppression factlint understands: a misspelled directive (`factlint-disabel`), a rule id that does not exist, or a comment never closed with `-->` (which would otherwise hide the rest of a Markdown draft). Such a comment suppresses nothing. A directive inside inline code or a code block is an example and is not read.";

/// Render the findings of a run in `format`.
pub fn render(
    format: Format,
    w: &mut dyn WriteColor,
    reports: &[FileReport<'_>],
    errors: &[InputError],
    rules: &[RuleMeta],
) -> io::Result<()> {
    match format {
        Format::Human => reports.iter().try_for_each(|r| human::render(w, r)),
        Format::Short => reports.iter().try_for_each(|r| short::render(w, r)),
        Format::Json => json::render(w, reports, errors),
        Format::Sarif => sarif::render(w, reports, rules),
        Format::Github => reports.iter().try_for_each(|r| github::render(w, r)),
        Format::Junit => junit::render(w, reports),
    }
}

/// Render a rule-file error: with a snippet of the TOML when its span is known.
pub fn load_error(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    human::load_error(w, e)
}

/// One line: `path: error: message`.
pub fn input_error(w: &mut dyn Write, e: &InputError) -> io::Result<()> {
    let level = if e.fatal { "error" } else { "warning" };
    writeln!(w, "{level}: {}: {}", e.path, e.message)
}

pub use codespan_reporting::term::termcolor::WriteColor;
