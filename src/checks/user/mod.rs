//! Pattern checks a newsroom writes in TOML, in the manner of Vale, one kind a file: a
//! phrase that must not appear (`existence.rs`), a phrase with its replacement
//! (`substitution.rs`), and two spellings of which a draft must use one (`consistency.rs`).
//! Everything that can fail (ids, regexes) fails when the pack is loaded, never while
//! checking. A kind is its file (its `RULE`, its constructor and its `Matcher`), one line
//! in `checks::RULES`, and its spec in the pack file's format (`kb::pack`).

pub mod consistency;
pub mod existence;
pub mod substitution;

use regex::{Regex, RegexBuilder};

use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{LoadError, Origin};
use crate::kb::pack::Common;

/// What a kind of user check finds in a draft's running text.
trait Matcher: std::fmt::Debug + Send + Sync {
    fn run(&self, check: &UserCheck, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>);
}

/// A user check, compiled.
#[derive(Debug)]
pub struct UserCheck {
    pub id: String,
    pub severity: Severity,
    pub at: Origin,
    kind: &'static Rule,
    matcher: Box<dyn Matcher>,
}

/// The most text the phrases of one check may come to, in bytes: well below what makes
/// the compiled pattern exceed the regex engine's size limit, and quick to refuse.
pub const MAX_PHRASE_BYTES: usize = 256 << 10;

/// A pattern matching any of `phrases` as whole words: a word boundary on each side of a
/// phrase that begins or ends with a word character, none on a side that is punctuation
/// (`U.S.`, `C++`, `#breaking`), which no boundary could follow.
fn words_regex(phrases: &[&str], ignorecase: bool, at: &Origin) -> Result<Regex, LoadError> {
    let total: usize = phrases.iter().map(|p| p.len()).sum();
    if total > MAX_PHRASE_BYTES {
        return Err(at.error(format!(
            "the phrases of this check come to {total} bytes; the limit is {MAX_PHRASE_BYTES}: split the check"
        )));
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let alternation: Vec<String> = phrases
        .iter()
        .map(|p| {
            let before = if word(p.chars().next()) { r"\b" } else { "" };
            let after = if word(p.chars().next_back()) { r"\b" } else { "" };
            format!("{before}{}{after}", regex::escape(p))
        })
        .collect();
    // Phrases in ASCII are matched with ASCII word boundaries and case folding, whose
    // automaton builds in a fraction of the time of Unicode's: a word character next to a
    // phrase is then an ASCII one.
    let ascii = phrases.iter().all(|p| p.is_ascii());
    RegexBuilder::new(&format!("(?:{})", alternation.join("|")))
        .case_insensitive(ignorecase)
        .unicode(!ascii)
        .build()
        .map_err(|e| at.error(format!("cannot build the pattern: {e}")))
}

fn check_id(id: &str, at: &Origin) -> Result<(), LoadError> {
    let ok = id.split_once('/').is_some_and(|(f, n)| {
        !f.is_empty()
            && !n.is_empty()
            && (f.to_string() + n)
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    if ok && !crate::checks::is_reported(id) {
        Ok(())
    } else {
        Err(at.error(format!(
            "`{id}` is not a valid id for a user check: use `family/kebab-name`, not a built-in id"
        )))
    }
}

fn severity(s: Option<&str>, at: &Origin) -> Result<Severity, LoadError> {
    match s {
        None => Ok(Severity::Warning),
        Some(s) => {
            Severity::parse(s).ok_or_else(|| at.error(format!("unknown severity `{s}`: use error, warning or info")))
        }
    }
}

impl UserCheck {
    /// A check of kind `kind` from the fields every kind has and the kind's own `matcher`.
    fn new(
        common: Common<'_>,
        kind: &'static Rule,
        at: Origin,
        matcher: impl FnOnce(&Origin) -> Result<Box<dyn Matcher>, LoadError>,
    ) -> Result<Self, LoadError> {
        check_id(common.id.get_ref(), &at)?;
        Ok(Self {
            id: common.id.get_ref().to_string(),
            severity: severity(common.severity, &at)?,
            kind,
            matcher: matcher(&at)?,
            at,
        })
    }

    /// The kind of check this is, as `checks::RULES` lists it.
    pub fn kind(&self) -> &'static Rule {
        self.kind
    }

    /// "user check defined at rules/style.toml:8", a note of each finding.
    fn note(&self) -> String {
        format!("user check defined at {}", self.at)
    }

    pub fn run(&self, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>) {
        self.matcher.run(self, prose, severity, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::new("p.toml".into(), std::sync::Arc::<str>::from(""), 0..0)
    }

    #[test]
    fn punctuation_at_an_edge_still_matches() {
        let re = words_regex(&["U.S.", "Dr.", "C++", "etc.", "#breaking", "Kiev"], false, &origin())
            .unwrap_or_else(|e| panic!("{e}"));
        let text = "The U.S. and Dr. Who wrote C++, etc. #breaking Kiev Kievan";
        let found: Vec<&str> = re.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(found, vec!["U.S.", "Dr.", "C++", "etc.", "#breaking", "Kiev"]);
    }
}
