//! The words that state a stance, from the `[[predicate]]` tables of the rule packs,
//! expanded to their inflected forms and matched in one pass.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::automaton::Automaton;

use super::Entry;
use super::model::{Position, Predicate, PredicateKind};

/// Possessive pronouns, for `{their}` in a phrase: "threw their weight behind".
const POSSESSIVES: &[&str] = &["their", "its", "his", "her", "our", "my", "your"];

/// A stance word found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub span: Range<usize>,
    pub position: Position,
    pub kind: PredicateKind,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StanceLexicon {
    matcher: Option<Automaton>,
    meanings: Vec<(Position, PredicateKind)>,
}

/// Irregular verbs: base → (past, past participle), from `src/lexicon/irregular-verbs.txt`.
static IRREGULAR: LazyLock<HashMap<String, (String, String)>> = LazyLock::new(|| {
    include_str!("../lexicon/irregular-verbs.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut w = l.split_whitespace().map(str::to_string);
            Some((w.next()?, (w.next()?, w.next()?)))
        })
        .collect()
});

/// `oppose` → oppose, opposes, opposed, opposing; `decry` → decries, decried, decrying;
/// `speak` → speaks, spoke, speaking (and the participle `spoken` last, when it differs).
pub fn inflect(verb: &str) -> Vec<String> {
    let v = verb.to_ascii_lowercase();
    if let Some((past, participle)) = IRREGULAR.get(&v) {
        let ing = match v.strip_suffix('e') {
            Some(stem) if !v.ends_with("ee") => format!("{stem}ing"),
            _ => format!("{v}ing"),
        };
        let third = if ["s", "sh", "ch", "x", "z"].iter().any(|e| v.ends_with(e)) {
            format!("{v}es")
        } else {
            format!("{v}s")
        };
        let mut forms = vec![v.clone(), third, past.clone(), ing];
        if participle != past {
            forms.push(participle.clone());
        }
        return forms;
    }
    let consonant_y = v.ends_with('y') && !v.ends_with("ay") && !v.ends_with("ey") && !v.ends_with("oy");
    let mut forms = vec![v.clone()];
    if let Some(stem) = v.strip_suffix('e') {
        forms.extend([format!("{v}s"), format!("{v}d"), format!("{stem}ing")]);
    } else if consonant_y {
        let stem = v.strip_suffix('y').unwrap_or(&v);
        forms.extend([format!("{stem}ies"), format!("{stem}ied"), format!("{v}ing")]);
    } else if ["s", "sh", "ch", "x", "z"].iter().any(|e| v.ends_with(e)) {
        forms.extend([format!("{v}es"), format!("{v}ed"), format!("{v}ing")]);
    } else {
        forms.extend([format!("{v}s"), format!("{v}ed"), format!("{v}ing")]);
    }
    forms
}

/// Words that may stand between the article and the noun of a phrase such as "a supporter
/// of": "a long-standing supporter of", "a staunch opponent of". They are the grammar
/// lexicon's `noun_modifiers`, read from its file (the grammar's reader sits above this
/// layer).
static NOUN_MODIFIERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    #[derive(Deserialize)]
    struct Grammar {
        noun_modifiers: Vec<String>,
    }
    toml::from_str::<Grammar>(include_str!("../lexicon/grammar.toml"))
        .map(|g| g.noun_modifiers)
        .unwrap_or_else(|e| unreachable!("the grammar lexicon is checked by its own reader: {e}"))
});

/// "a supporter of" with a word of `NOUN_MODIFIERS` after its article.
fn modified(phrase: &str) -> Vec<String> {
    let Some(noun) = phrase.strip_prefix("a ").or_else(|| phrase.strip_prefix("an ")) else {
        return Vec::new();
    };
    NOUN_MODIFIERS
        .iter()
        .map(|m| {
            let article = if m.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {m} {noun}")
        })
        .collect()
}

/// Every written form of one phrase: the first word inflected when it is a verb, a word
/// such as "staunch" after an article ("a staunch supporter of"), and `{their}` spelled
/// out.
fn forms(phrase: &str, kind: PredicateKind) -> Vec<String> {
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let heads = match (kind, phrase.split_once(' ')) {
        (PredicateKind::Verb, Some((head, rest))) => inflect(head).into_iter().map(|h| format!("{h} {rest}")).collect(),
        (PredicateKind::Verb, None) => inflect(&phrase),
        _ => {
            let lower = phrase.to_ascii_lowercase();
            let mut all = modified(&lower);
            all.insert(0, lower);
            all
        }
    };
    heads
        .into_iter()
        .flat_map(|f| {
            if f.contains("{their}") {
                POSSESSIVES.iter().map(|p| f.replace("{their}", p)).collect()
            } else {
                vec![f]
            }
        })
        .collect()
}

impl StanceLexicon {
    pub fn build(predicates: &[Entry<Predicate>]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut meanings = Vec::new();
        for p in predicates {
            let written = p
                .phrases
                .iter()
                .flat_map(|x| forms(x, p.kind))
                .chain(p.also.iter().flat_map(|x| forms(x, PredicateKind::Noun)));
            for f in written {
                if !patterns.contains(&f) {
                    patterns.push(f);
                    meanings.push((p.position, p.kind));
                }
            }
        }
        // Case is folded (ASCII, which keeps offsets) in the patterns here and in the text
        // searched.
        let folded: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        let matcher = Automaton::build(&folded);
        StanceLexicon { matcher, meanings }
    }

    /// The stance words in `text` (whole words; a line break counts as a space), with
    /// offsets into `text`.
    pub fn find(&self, text: &str) -> Vec<Trigger> {
        let Some(m) = &self.matcher else { return Vec::new() };
        let spaced = text.replace(['\n', '\r', '\t'], " ").to_ascii_lowercase();
        let starts_word = |i| crate::text::starts_word(text, i);
        let whole = |r: &std::ops::Range<usize>| crate::text::is_word(text, r) && !crate::text::is_possessive(text, r);
        m.find_iter(&spaced, starts_word, whole)
            .filter_map(|(range, pattern)| {
                let (position, kind) = *self.meanings.get(pattern)?;
                Some(Trigger {
                    span: range,
                    position,
                    kind,
                })
            })
            .collect()
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }

    pub fn len(&self) -> usize {
        self.meanings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meanings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_inflected_and_pronouns_spelled_out() {
        assert_eq!(inflect("oppose"), ["oppose", "opposes", "opposed", "opposing"]);
        assert_eq!(inflect("decry"), ["decry", "decries", "decried", "decrying"]);
        assert_eq!(inflect("back"), ["back", "backs", "backed", "backing"]);
        assert_eq!(inflect("speak"), ["speak", "speaks", "spoke", "speaking", "spoken"]);
        assert!(forms("speak out against", PredicateKind::Verb).contains(&"speaking out against".to_string()));
        assert!(
            forms("threw {their} weight behind", PredicateKind::Noun).contains(&"threw its weight behind".to_string())
        );
    }
}
