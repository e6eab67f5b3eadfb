//! Pattern checks a newsroom writes in TOML, in the manner of Vale: a phrase that must not
//! appear (`[[existence]]`), a phrase with its replacement (`[[substitution]]`), and two
//! spellings of which a draft must use one (`[[consistency]]`). Everything that can fail
//! (ids, regexes) fails when the pack is loaded, never while checking.

use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::checks::{Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::LoadError;
use crate::kb::Origin;

pub const EXISTENCE: Rule = Rule {
    id: "existence",
    severity: Severity::Warning,
    summary: "a phrase a pack says must not appear",
    doc: "A kind of check a pack declares with `[[existence]]`: each of its `tokens` found in the running text is reported with its `message`, in which `{}` stands for the text found. Matches are whole words; `ignorecase = true` ignores case.

## Example
```toml
[[existence]]
id = \"house/cliches\"
message = \"avoid the cliché `{}`\"
tokens = [\"at the end of the day\", \"in the wake of\"]
ignorecase = true
```
`In the wake of the summit, …` is reported at `In the wake of`.",
    kind: Kind::User,
};

pub const SUBSTITUTION: Rule = Rule {
    id: "substitution",
    severity: Severity::Warning,
    summary: "a phrase a pack replaces with another, offered as a fix",
    doc: "A kind of check a pack declares with `[[substitution]]`: each phrase on the left of `swap` found in the running text is reported, with the phrase on its right as the suggested replacement (`factlint check --fix` applies it). `message` may give the wording, `{}` standing for the replacement, then the text found; without it the message is ``write `Kyiv`, not `Kiev` ``.

## Example
```toml
[[substitution]]
id = \"house/place-names\"
swap = { \"Kiev\" = \"Kyiv\", \"Bombay\" = \"Mumbai\" }
```
`The minister flew to Kiev.` is reported at `Kiev`, with `Kyiv` to write instead.",
    kind: Kind::User,
};

pub const CONSISTENCY: Rule = Rule {
    id: "consistency",
    severity: Severity::Warning,
    summary: "two spellings of which a draft must keep to one",
    doc: "A kind of check a pack declares with `[[consistency]]`: for each pair in `either`, the spelling a draft uses first is its choice, and every use of the other is reported, with the first as the suggested replacement.

## Example
```toml
[[consistency]]
id = \"house/spelling\"
either = [[\"toward\", \"towards\"], [\"judgement\", \"judgment\"]]
```
`They worked toward a deal, and then towards a second one.` is reported at `towards`.",
    kind: Kind::User,
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExistenceSpec {
    pub id: Spanned<String>,
    /// Shown for each match; `{}` stands for the matched text.
    pub message: String,
    pub tokens: Vec<String>,
    #[serde(default)]
    pub ignorecase: bool,
    pub severity: Option<String>,
    /// Examples the pack's tests check: `[[existence.test]]`.
    #[serde(default)]
    pub test: Vec<crate::kb::model::PackTest>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubstitutionSpec {
    pub id: Spanned<String>,
    /// `{}` stands for the replacement, then the matched text.
    pub message: Option<String>,
    /// Found phrase → replacement.
    pub swap: BTreeMap<String, String>,
    #[serde(default)]
    pub ignorecase: bool,
    pub severity: Option<String>,
    /// Examples the pack's tests check: `[[substitution.test]]`.
    #[serde(default)]
    pub test: Vec<crate::kb::model::PackTest>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencySpec {
    pub id: Spanned<String>,
    /// Pairs of spellings; a draft must keep to one of each pair.
    pub either: Vec<[String; 2]>,
    #[serde(default)]
    pub ignorecase: bool,
    pub severity: Option<String>,
    /// Examples the pack's tests check: `[[consistency.test]]`.
    #[serde(default)]
    pub test: Vec<crate::kb::model::PackTest>,
}

#[derive(Debug, Clone)]
enum Matcher {
    Existence {
        message: String,
        re: Regex,
    },
    Substitution {
        message: Option<String>,
        re: Regex,
        swaps: Vec<(String, String)>,
        ignorecase: bool,
    },
    Consistency {
        pairs: Vec<(Regex, Regex, [String; 2])>,
    },
}

/// A user check, compiled.
#[derive(Debug, Clone)]
pub struct UserCheck {
    pub id: String,
    pub severity: Severity,
    pub at: Origin,
    matcher: Matcher,
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
    RegexBuilder::new(&format!("(?:{})", alternation.join("|")))
        .case_insensitive(ignorecase)
        .build()
        .map_err(|e| at.error(format!("cannot build the pattern: {e}")))
}

fn severity(s: Option<&String>, at: &Origin) -> Result<Severity, LoadError> {
    match s {
        None => Ok(Severity::Warning),
        Some(s) => {
            Severity::parse(s).ok_or_else(|| at.error(format!("unknown severity `{s}`: use error, warning or info")))
        }
    }
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

impl UserCheck {
    pub fn existence(spec: &ExistenceSpec, at: Origin) -> Result<Self, LoadError> {
        check_id(spec.id.get_ref(), &at)?;
        let tokens: Vec<&str> = spec.tokens.iter().map(String::as_str).collect();
        if tokens.is_empty() {
            return Err(at.error("`tokens` is empty"));
        }
        Ok(Self {
            id: spec.id.get_ref().clone(),
            severity: severity(spec.severity.as_ref(), &at)?,
            matcher: Matcher::Existence {
                message: spec.message.clone(),
                re: words_regex(&tokens, spec.ignorecase, &at)?,
            },
            at,
        })
    }

    pub fn substitution(spec: &SubstitutionSpec, at: Origin) -> Result<Self, LoadError> {
        check_id(spec.id.get_ref(), &at)?;
        let found: Vec<&str> = spec.swap.keys().map(String::as_str).collect();
        if found.is_empty() {
            return Err(at.error("`swap` is empty"));
        }
        Ok(Self {
            id: spec.id.get_ref().clone(),
            severity: severity(spec.severity.as_ref(), &at)?,
            matcher: Matcher::Substitution {
                message: spec.message.clone(),
                re: words_regex(&found, spec.ignorecase, &at)?,
                swaps: spec.swap.iter().map(|(a, b)| (a.clone(), b.clone())).collect(),
                ignorecase: spec.ignorecase,
            },
            at,
        })
    }

    pub fn consistency(spec: &ConsistencySpec, at: Origin) -> Result<Self, LoadError> {
        check_id(spec.id.get_ref(), &at)?;
        let mut pairs = Vec::new();
        for pair in &spec.either {
            let a = words_regex(&[pair[0].as_str()], spec.ignorecase, &at)?;
            let b = words_regex(&[pair[1].as_str()], spec.ignorecase, &at)?;
            pairs.push((a, b, pair.clone()));
        }
        Ok(Self {
            id: spec.id.get_ref().clone(),
            severity: severity(spec.severity.as_ref(), &at)?,
            matcher: Matcher::Consistency { pairs },
            at,
        })
    }

    /// The kind of check this is, as `RULES` lists it.
    pub fn kind(&self) -> &'static Rule {
        match self.matcher {
            Matcher::Existence { .. } => &EXISTENCE,
            Matcher::Substitution { .. } => &SUBSTITUTION,
            Matcher::Consistency { .. } => &CONSISTENCY,
        }
    }

    pub fn run(&self, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>) {
        let note = format!("user check defined at {}", self.at);
        match &self.matcher {
            Matcher::Existence { message, re } => {
                for m in re.find_iter(prose) {
                    out.push(
                        Diagnostic::new(&self.id, severity, m.range(), message.replace("{}", m.as_str()))
                            .label("here")
                            .note(note.clone()),
                    );
                }
            }
            Matcher::Substitution {
                message,
                re,
                swaps,
                ignorecase,
            } => {
                for m in re.find_iter(prose) {
                    let Some((_, to)) = swaps.iter().find(|(from, _)| {
                        if *ignorecase {
                            from.eq_ignore_ascii_case(m.as_str())
                        } else {
                            from == m.as_str()
                        }
                    }) else {
                        continue;
                    };
                    let text = match message {
                        Some(msg) => msg.replacen("{}", to, 1).replacen("{}", m.as_str(), 1),
                        None => format!("write `{to}`, not `{}`", m.as_str()),
                    };
                    out.push(
                        Diagnostic::new(&self.id, severity, m.range(), text)
                            .label(format!("write `{to}`"))
                            .note(note.clone())
                            .suggest(m.range(), to.clone()),
                    );
                }
            }
            Matcher::Consistency { pairs } => {
                for (a, b, words) in pairs {
                    let (Some(first_a), Some(first_b)) = (a.find(prose), b.find(prose)) else {
                        continue;
                    };
                    // The spelling used first is the draft's choice; flag the other one.
                    let (keep, keep_word, other, other_word) = if first_a.start() < first_b.start() {
                        (first_a, &words[0], b, &words[1])
                    } else {
                        (first_b, &words[1], a, &words[0])
                    };
                    for m in other.find_iter(prose) {
                        out.push(
                            Diagnostic::new(
                                &self.id,
                                severity,
                                m.range(),
                                format!("`{}` and `{keep_word}` are both used: keep to one", m.as_str()),
                            )
                            .label(format!("`{other_word}` here"))
                            .with_label(keep.range(), format!("`{keep_word}` first"))
                            .note(note.clone())
                            .suggest(m.range(), keep_word.clone()),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::new("p.toml".into(), "".into(), 0..0)
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
