//! Stance statements: an actor supporting or opposing a topic. The verb or noun
//! ("opposed", "support for") governs every topic up to the end of its clause, so
//! "opposed A, B and C" is three statements. The subject is the actor phrase or anaphor
//! just before the verb, with only auxiliaries and adverbs between; negation ("did not
//! oppose", "refused to back") flips it; modals and conditionals drop it; a reporting verb
//! whose speaker is someone else ("critics say China opposes X") drops it too.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::actors::{Coref, Resolved, Subject};
use crate::kb::Kb;
use crate::kb::model::Position;
use crate::kb::surface::{Hit, Surface};

#[derive(Debug, Clone, Serialize)]
pub struct StanceMention {
    /// From the verb to the end of the topic: `opposed the democratization of …`.
    pub span: Range<usize>,
    pub trigger: Range<usize>,
    pub topic_span: Range<usize>,
    pub topic_id: String,
    pub position: Position,
    pub negated: bool,
    pub subject_span: Range<usize>,
    pub actors: Vec<String>,
    /// Where the subject was resolved from, when it is an anaphor.
    pub antecedent: Option<Range<usize>>,
}

impl StanceMention {
    /// What the statement says the actors do: (position, negated).
    pub fn claim(&self) -> (Position, bool) {
        (self.position, self.negated)
    }
}

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?P<sn>support\s+for|backing\s+(?:for|of)|commitment\s+to|advocacy\s+of|supporters?\s+of|proponents?\s+of|champions?\s+of|endorsement\s+of)|(?P<on>opposition\s+to|opponents?\s+of|rejection\s+of|condemnation\s+of)|(?P<sv>support(?:s|ed|ing)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|favou?r(?:s|ed|ing)?|champion(?:s|ed|ing)?|advocat(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|uph(?:old|olds|eld|olding)|defend(?:s|ed|ing)?|(?:is|are|was|were|remain|remains|remained)\s+committed\s+to|call(?:s|ed)?\s+for|stand(?:s)?\s+for|stood\s+for|(?:is|are|was|were)\s+in\s+favou?r\s+of)|(?P<ov>oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|object(?:s|ed|ing)?\s+to|resist(?:s|ed|ing)?|st(?:and|ands|ood)\s+against|(?:is|are|was|were|remain|remains|remained)\s+(?:opposed\s+to|against)))(?-u:\b)",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// The end of a verb's reach: a new clause.
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|\s+(?:but|while|whereas|although|though|however|yet)(?-u:\b)|\s+—\s+|:")
        .unwrap_or_else(|_| unreachable!())
});

/// What follows the speaker of an aside: "…, he said, supports".
static SPEAKER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:said|says|added|noted|stressed|insisted|argued|told\s+reporters)\s*,\s*$")
        .unwrap_or_else(|_| unreachable!())
});

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:say|says|said|claim(?:s|ed)?|alleg(?:e|es|ed)|accus(?:e|es|ed|ing)|according\s+to|argu(?:e|es|ed)|believ(?:e|es|ed)|insist(?:s|ed)?|suggest(?:s|ed)?|told|tell|tells|report(?:s|ed)?|contend(?:s|ed)?|charg(?:e|es|ed)|think|thinks|thought|fear(?:s|ed)?|warn(?:s|ed)?)(?-u:\b)")
        .unwrap_or_else(|_| unreachable!())
});

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "refused", "refuses", "refuse", "declined", "declines", "decline", "denied", "denies",
    "deny", "failed", "fails",
];
const HYPOTHETICAL: &[&str] = &[
    "would", "could", "might", "may", "should", "must", "if", "unless", "whether",
];
const FILLER: &[&str] = &[
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "also",
    "again",
    "always",
    "both",
    "all",
    "long",
    "further",
    "still",
    "each",
    "longer",
    "to",
    "continue",
    "continues",
    "continued",
    "reaffirm",
    "reaffirms",
    "reaffirmed",
    "reiterate",
    "reiterates",
    "reiterated",
    "express",
    "expresses",
    "expressed",
    "voice",
    "voices",
    "voiced",
    "state",
    "states",
    "stated",
    "declare",
    "declares",
    "declared",
    "their",
    "its",
    "his",
    "her",
    "the",
    "is",
    "are",
    "was",
    "were",
    "been",
    "will",
    "remain",
    "remains",
    "remained",
    "firm",
    "strong",
    "full",
    "unwavering",
    "steadfast",
    "consistent",
    "clear",
    "together",
    "jointly",
    "confirmed",
    "confirm",
    "confirms",
    "underlined",
    "underlines",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "once",
    "more",
    "as",
    "well",
    "then",
    "too",
    "and",
    "in",
    "principle",
    "have",
    "re-affirmed",
    "pledged",
    "pledge",
    "pledges",
    "vowed",
    "vow",
    "vows",
    "publicly",
    "openly",
    "for",
    "years",
    "decades",
    "months",
    "many",
    "several",
    "now",
];

/// What was observed in a sentence, in order, for the coreference state.
pub struct SentenceInput<'a> {
    pub prose: &'a str,
    pub sentence: Range<usize>,
    pub hits: &'a [Hit],
    pub subjects: &'a [Subject],
}

/// Stance statements in one sentence, updating the discourse state as it goes.
pub fn extract(kb: &Kb, input: &SentenceInput<'_>, coref: &mut Coref) -> Vec<StanceMention> {
    let prose = input.prose;
    let sentence = input.sentence.clone();
    let text = crate::text::get(prose, sentence.clone());
    let mut out = Vec::new();
    let hypothetical_sentence = text
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "if" | "unless" | "should" | "would"));
    // Resolve every subject in order; remember each one's resolution.
    let mut resolved: Vec<Option<Resolved>> = Vec::new();
    for s in input.subjects {
        let r = coref.observe(kb, s);
        resolved.push(r);
    }
    let topics: Vec<(Range<usize>, usize)> = input
        .hits
        .iter()
        .filter_map(|h| {
            h.surfaces.iter().find_map(|s| match s {
                Surface::Topic(t) => Some((h.span.clone(), *t)),
                _ => None,
            })
        })
        .collect();
    let triggers: Vec<(Range<usize>, Position, bool)> = TRIGGER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let noun = c.name("sn").is_some() || c.name("on").is_some();
            let pos = if c.name("sn").is_some() || c.name("sv").is_some() {
                Position::Support
            } else {
                Position::Oppose
            };
            Some((sentence.start + m.start()..sentence.start + m.end(), pos, noun))
        })
        .collect();
    for (ti, (trigger, position, noun)) in triggers.iter().enumerate() {
        // The topics this trigger governs: up to the clause end or the next trigger.
        let next_trigger = triggers.get(ti + 1).map_or(sentence.end, |t| t.0.start);
        let rest = crate::text::get(prose, trigger.end..next_trigger);
        let scope_end = CLAUSE_END.find(rest).map_or(next_trigger, |m| trigger.end + m.start());
        let governed: Vec<&(Range<usize>, usize)> = topics
            .iter()
            .filter(|(span, _)| span.start >= trigger.end && span.end <= scope_end)
            .filter(|(span, _)| object_reachable(prose, trigger.end, span.start, &topics))
            .collect();
        if governed.is_empty() || hypothetical_sentence {
            continue;
        }
        // The subject: the nearest subject before the trigger, with only filler between.
        let Some((mut si, mut subject)) = input
            .subjects
            .iter()
            .enumerate()
            .rev()
            .find(|(_, s)| s.span().end <= trigger.start)
        else {
            continue;
        };
        // "Moscow, he said, supports …": the speaker of an aside is not the subject.
        let mut speaker = None;
        let tail = crate::text::get(prose, subject.span().end..trigger.start);
        let opens_aside = crate::text::upto(prose, subject.span().start).trim_end().ends_with(',');
        if opens_aside && SPEAKER_TAIL.is_match(tail) && si > 0 {
            speaker = Some(subject);
            si -= 1;
            subject = &input.subjects[si];
        }
        let gap = crate::text::get(prose, subject.span().end..trigger.start);
        let gap = match speaker {
            // Drop the aside itself: ", he said, ".
            Some(s) => crate::text::get(prose, s.span().end..trigger.start)
                .split_once(',')
                .map_or(gap, |(_, rest)| rest),
            None => gap,
        };
        let possessive_subject = match subject {
            Subject::Actors(p) => p.possessive,
            Subject::Anaphor { possessive, .. } => *possessive,
            Subject::Others(_) => false,
        };
        let Some(words) = filler_words(gap, *noun && possessive_subject) else {
            continue;
        };
        if words.iter().any(|w| HYPOTHETICAL.contains(&w.as_str())) {
            continue;
        }
        // "Neither Moscow nor Beijing has opposed …"
        let neither =
            crate::text::ends_with_ignore_case(crate::text::upto(prose, subject.span().start).trim_end(), "neither");
        let negated = neither
            || words
                .iter()
                .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"));
        let Some(Some(who)) = resolved.get(si).cloned() else {
            continue;
        };
        if let Some(s) = speaker {
            let agrees = coref
                .peek(kb, s)
                .is_some_and(|r| r.actors.iter().all(|a| who.actors.contains(a)));
            if !agrees {
                continue;
            }
        }
        if reported_by_other(kb, input, coref, subject, &who, trigger) {
            continue;
        }
        for (k, (span, topic)) in governed.iter().enumerate() {
            let Some(t) = kb.topics.get(*topic) else { continue };
            // The first object reads with its verb ("opposed the democratization of …");
            // a later item of a list stands alone.
            let start = if k == 0 { trigger.start } else { span.start };
            out.push(StanceMention {
                span: start..span.end,
                trigger: trigger.clone(),
                topic_span: span.clone(),
                topic_id: t.id.get_ref().clone(),
                position: *position,
                negated,
                subject_span: subject.span(),
                actors: who.actors.clone(),
                antecedent: (who.antecedent != subject.span()).then(|| who.antecedent.clone()),
            });
        }
    }
    out
}

/// Between a verb and its object only articles, a few adjectives, adverbs and the other
/// items of a list may stand. Anything else means the topic belongs to another head:
/// "condemned the attack on X", "called for the lifting of X", "opposed efforts to
/// undermine X" are not about X itself.
fn object_reachable(prose: &str, from: usize, to: usize, topics: &[(Range<usize>, usize)]) -> bool {
    const ALLOWED: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "these",
        "and",
        "or",
        "as",
        "well",
        "also",
        "both",
        "further",
        "greater",
        "continued",
        "full",
        "firm",
        "strong",
        "genuine",
        "true",
        "real",
        "new",
        "more",
        "just",
        "fair",
        "equitable",
        "so-called",
        "all",
        "forms",
        "form",
        "of",
        "including",
    ];
    let mut at = from;
    let mut words = Vec::new();
    // Skip the text of earlier topics in the list: "opposed A, B and C".
    for (span, _) in topics.iter().filter(|(s, _)| s.start >= from && s.end <= to) {
        words.extend(
            crate::text::get(prose, at..span.start)
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(str::to_string),
        );
        at = span.end;
    }
    words.extend(
        crate::text::get(prose, at..to)
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(str::to_string),
    );
    let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
    words.len() <= 40
        && words.iter().all(|w| {
            let w = w.to_ascii_lowercase();
            ALLOWED.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4)
        })
}

/// The words between a subject and its verb, if they are all auxiliaries, adverbs,
/// negations or modals; `None` when something else stands there.
fn filler_words(gap: &str, possessive_noun: bool) -> Option<Vec<String>> {
    if possessive_noun
        && gap
            .trim()
            .trim_start_matches(['\'', '’'])
            .trim_start_matches('s')
            .trim()
            .is_empty()
    {
        return Some(Vec::new());
    }
    let gap = gap.trim_start_matches(['\'', '’']);
    // "Germany, the host, opposed": a short aside between commas.
    static ASIDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*,[^,;:]{1,40},").unwrap_or_else(|_| unreachable!()));
    // "Both countries, which have long campaigned together …, opposed": a relative clause.
    static RELATIVE_ASIDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*,\s*(?:which|who|whose)\s[^;:]*,").unwrap_or_else(|_| unreachable!()));
    let gap = match gap
        .rfind(',')
        .filter(|_| !possessive_noun && RELATIVE_ASIDE.is_match(gap))
    {
        Some(i) => gap.get(i + 1..).unwrap_or(gap),
        None => gap,
    };
    let gap = match ASIDE.find(gap) {
        Some(m) if !possessive_noun && !TRIGGER.is_match(m.as_str()) && !REPORTING.is_match(m.as_str()) => {
            gap.get(m.end()..).unwrap_or(gap)
        }
        _ => gap,
    };
    let gap = gap.strip_prefix('s').filter(|_| possessive_noun).unwrap_or(gap);
    let mut words = Vec::new();
    for raw in gap.split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        let w = raw.to_ascii_lowercase().replace('’', "'");
        if !w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-') {
            return None;
        }
        let ok = FILLER.contains(&w.as_str())
            || NEGATIONS.contains(&w.as_str())
            || HYPOTHETICAL.contains(&w.as_str())
            || w.ends_with("n't")
            || (w.ends_with("ly") && w.len() > 4);
        if !ok {
            return None;
        }
        words.push(w);
    }
    if words.len() > 6 {
        return None;
    }
    Some(words)
}

/// True when a reporting verb in the sentence belongs to someone other than the stance's
/// actors: "critics say China opposes X", "according to analysts", "China opposes X,
/// Western diplomats said", "Lavrov said China opposes X". A speaker the text does not
/// name as an actor or as an outsider ("a spokesperson said", "officials said") is taken
/// to speak for the subject.
fn reported_by_other(
    kb: &Kb,
    input: &SentenceInput<'_>,
    coref: &Coref,
    subject: &Subject,
    who: &Resolved,
    trigger: &Range<usize>,
) -> bool {
    let text = crate::text::get(input.prose, input.sentence.clone());
    REPORTING.find_iter(text).any(|m| {
        let at = input.sentence.start + m.start();
        let end = input.sentence.start + m.end();
        if at >= subject.span().start && at < trigger.start {
            return false; // the subject's own verb: "China reiterated that it opposes"
        }
        let according = m.as_str().to_ascii_lowercase().starts_with("according");
        // The speaker: the subject just before the verb with only filler between, or
        // (for "according to" and inverted "…, said Lavrov") the one just after it.
        let before =
            input.subjects.iter().rev().find(|s| s.span().end <= at).filter(|s| {
                !according && filler_words(crate::text::get(input.prose, s.span().end..at), false).is_some()
            });
        let after = input.subjects.iter().find(|s| s.span().start >= end).filter(|s| {
            let gap = crate::text::get(input.prose, end..s.span().start);
            gap.split_whitespace().all(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "some" | "to" | "by"
                )
            })
        });
        let Some(speaker) = before.or(after) else { return false };
        if std::ptr::eq(speaker, subject) {
            return false;
        }
        match speaker {
            Subject::Others(_) => true,
            _ => coref
                .peek(kb, speaker)
                .is_some_and(|r| !r.actors.iter().all(|a| who.actors.contains(a))),
        }
    })
}
