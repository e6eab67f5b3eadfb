//! The rules: every check factlint runs and every other rule it can report, listed once in
//! `RULES`. A built-in check lives in its own file named after its id
//! (`date/weekday-mismatch` is `date/weekday_mismatch.rs`) and exports one `RULE`: its id,
//! default severity, one-line summary, its documentation (what `factlint explain` prints)
//! and its `run` function. Adding a check is that file, one line in `RULES` and a
//! directory of fixtures; `explain`, `rules`, SARIF's rule table, docs/rules.md and the
//! README's table all read `RULES`.

pub mod date;
pub mod name;
pub mod stance;
pub mod suppression;
pub mod title;
pub mod user;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Origin;
use crate::extract::Extraction;
use crate::kb::Kb;
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

/// A rule factlint can report, as `explain`, `rules` and the documentation show it.
#[derive(Debug)]
pub struct Rule {
    /// `family/kebab-name`; for a kind of user check, the table a pack declares it with
    /// (`substitution`).
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// Markdown shown by `factlint explain`: why it matters, an example, what stays quiet.
    pub doc: &'static str,
    pub kind: Kind,
}

/// What a check finds in one draft, at the severity the rules give it.
pub type Run = fn(&Context<'_>, Severity, &mut Vec<Diagnostic>);

/// Where a rule's findings come from.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A built-in check, run over every draft unless a pack turns it off.
    Check(Run),
    /// A kind of check a pack writes in TOML (`[[substitution]]`): each one a pack declares
    /// is a rule of its own, with the pack's id, documented by its kind.
    User,
    /// A rule of the suppression comments themselves (`crate::suppress`).
    Suppression,
}

/// Every rule, one line each: the built-in checks, the kinds of user check, and the rules
/// of suppression comments, in the order `factlint rules` and docs/rules.md list them.
pub const RULES: &[&Rule] = &[
    &date::event_date_mismatch::RULE,
    &date::impossible_date::RULE,
    &date::relative_mismatch::RULE,
    &date::tense_mismatch::RULE,
    &date::term_date_mismatch::RULE,
    &date::weekday_mismatch::RULE,
    &date::wrong_anniversary::RULE,
    &date::wrong_joining_date::RULE,
    &date::wrong_ordinal::RULE,
    &date::wrong_place::RULE,
    &name::inconsistent_spelling::RULE,
    &name::misspelled_name::RULE,
    &stance::contradicts_record::RULE,
    &stance::self_contradiction::RULE,
    &title::inconsistent_title::RULE,
    &title::not_a_member::RULE,
    &title::wrong_holder::RULE,
    &title::wrong_office::RULE,
    &user::existence::RULE,
    &user::substitution::RULE,
    &user::consistency::RULE,
    &suppression::UNUSED,
    &suppression::INVALID,
];

/// The built-in checks, in `RULES` order, with their `run` functions.
pub fn built_in() -> impl Iterator<Item = (&'static Rule, Run)> {
    RULES.iter().filter_map(|r| match r.kind {
        Kind::Check(run) => Some((*r, run)),
        _ => None,
    })
}

/// A built-in check by id: the rules a pack can turn off or give another severity.
pub fn find(id: &str) -> Option<&'static Rule> {
    built_in().map(|(r, _)| r).find(|r| r.id == id)
}

/// Any rule of `RULES` by id: a built-in check, a kind of user check or a suppression rule.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Whether `id` is reported under its own name whatever the packs say: a built-in check or
/// a suppression rule (a kind of user check is not; the checks a pack declares are).
pub fn is_reported(id: &str) -> bool {
    rule(id).is_some_and(|r| !matches!(r.kind, Kind::User))
}

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
    "date/wrong-anniversary",
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

/// "rules/kb/events.toml:1596 (source: https://…)"
pub fn cite(at: &Origin, source: Option<&str>) -> String {
    match source {
        Some(s) => format!("{at} (source: {s})"),
        None => at.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_lowercase_kebab() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate id {}", r.id);
            let kebab = |s: &str| !s.is_empty() && s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-');
            match r.id.split_once('/') {
                Some((family, name)) => assert!(kebab(family) && kebab(name), "{}", r.id),
                None => assert!(matches!(r.kind, Kind::User) && kebab(r.id), "{}", r.id),
            }
            assert!(r.doc.contains("## Example"), "{} has no example", r.id);
        }
    }

    /// `date/weekday-mismatch` is `src/checks/date/weekday_mismatch.rs`: one id, one place.
    #[test]
    fn every_built_in_check_lives_in_the_file_its_id_names() {
        for (r, _) in built_in() {
            let file = format!(
                "{}/src/checks/{}.rs",
                env!("CARGO_MANIFEST_DIR"),
                r.id.replace('-', "_")
            );
            assert!(std::path::Path::new(&file).is_file(), "{} is not in {file}", r.id);
        }
    }

    #[test]
    fn the_merge_ranks_only_built_in_checks() {
        for id in STRENGTH {
            assert!(find(id).is_some(), "{id} in STRENGTH is not a built-in check");
        }
    }
}
