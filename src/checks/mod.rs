//! The checks. Each lives in its own file named after its id (`date/weekday-mismatch` is
//! `date/weekday_mismatch.rs`) and exports one `CHECK`: its id, default severity, its
//! documentation (what `factlint explain` prints) and a `run` function. Adding a check is
//! that file plus one line in `ALL` and a directory of fixtures.

pub mod date;
pub mod name;
pub mod stance;
pub mod title;
pub mod user;

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Extraction;
use crate::kb::{Kb, Origin};
use crate::source::Document;

/// What a check sees of one draft.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub kb: &'a Kb,
    pub ex: &'a Extraction,
}

impl Context<'_> {
    /// "as of 14 April 2023 (from the dateline)"
    pub fn as_of_note(&self) -> String {
        self.ex.as_of.to_string()
    }
}

pub struct Check {
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what the check flags.
    pub summary: &'static str,
    /// Markdown shown by `factlint explain`: why it matters, an example, what stays quiet.
    pub doc: &'static str,
    pub run: fn(&Context<'_>, Severity, &mut Vec<Diagnostic>),
}

/// Every built-in check, by id.
pub const ALL: &[&Check] = &[
    &date::event_date_mismatch::CHECK,
    &date::impossible_date::CHECK,
    &date::relative_mismatch::CHECK,
    &date::tense_mismatch::CHECK,
    &date::term_date_mismatch::CHECK,
    &date::weekday_mismatch::CHECK,
    &date::wrong_ordinal::CHECK,
    &date::wrong_place::CHECK,
    &name::inconsistent_spelling::CHECK,
    &name::misspelled_name::CHECK,
    &stance::contradicts_record::CHECK,
    &stance::self_contradiction::CHECK,
    &title::inconsistent_title::CHECK,
    &title::wrong_holder::CHECK,
    &title::wrong_office::CHECK,
];

/// When two built-in checks of one family flag overlapping spans, they describe one error:
/// keep the stronger finding (the higher severity, then the earlier in this list) and carry
/// the other's message as a note. Findings must be sorted by span start.
const STRENGTH: &[&str] = &[
    "title/wrong-holder",
    "title/wrong-office",
    "title/inconsistent-title",
    "stance/contradicts-record",
    "stance/self-contradiction",
    "date/impossible-date",
    "date/event-date-mismatch",
    "date/wrong-ordinal",
    "date/wrong-place",
    "date/term-date-mismatch",
    "date/relative-mismatch",
    "date/weekday-mismatch",
    "date/tense-mismatch",
];

pub fn one_per_error(findings: &mut Vec<Diagnostic>) {
    let rank = |d: &Diagnostic| {
        let place = STRENGTH.iter().position(|r| *r == d.rule).unwrap_or(STRENGTH.len());
        (std::cmp::Reverse(d.severity), place)
    };
    let family = |d: &Diagnostic| d.rule.split_once('/').map(|(f, _)| f.to_string());
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(findings.len());
    for d in findings.drain(..) {
        let built_in = find(&d.rule).is_some();
        let twin = kept.iter_mut().rev().take(8).find(|k| {
            built_in
                && find(&k.rule).is_some()
                && family(k) == family(&d)
                && k.span.start < d.span.end
                && d.span.start < k.span.end
        });
        match twin {
            Some(k) if rank(&d) < rank(k) => {
                let weaker = std::mem::replace(k, d);
                k.notes.push(format!("also {}: {}", weaker.rule, weaker.message));
            }
            Some(k) => k.notes.push(format!("also {}: {}", d.rule, d.message)),
            None => kept.push(d),
        }
    }
    *findings = kept;
}

pub fn find(id: &str) -> Option<&'static Check> {
    ALL.iter().copied().find(|c| c.id == id)
}

/// "rules/kb/events.toml:1596 (source: https://…)"
pub fn cite(at: &Origin, source: Option<&str>) -> String {
    match source {
        Some(s) => format!("{at} (source: {s})"),
        None => at.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn ids_are_unique_lowercase_family_slash_kebab() {
        let mut seen = std::collections::HashSet::new();
        for c in ALL {
            assert!(seen.insert(c.id), "duplicate id {}", c.id);
            let (family, name) = c.id.split_once('/').unwrap_or(("", ""));
            assert!(["date", "title", "stance", "name"].contains(&family), "{}", c.id);
            assert!(
                !name.is_empty() && name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{}",
                c.id
            );
            assert!(c.doc.contains("## Example"), "{} has no example", c.id);
        }
    }
}
