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
    &stance::contradicts_record::CHECK,
    &stance::self_contradiction::CHECK,
    &title::inconsistent_title::CHECK,
    &title::wrong_holder::CHECK,
    &title::wrong_office::CHECK,
];

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
