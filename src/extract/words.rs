//! The closed-class words the readers rely on (negators, modals, auxiliaries, relative
//! pronouns, frames that deny what follows), loaded once from `src/lexicon/grammar.toml`.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    negations: Vec<String>,
    not_only: Vec<String>,
    object_stops: Vec<String>,
    hypothetical: Vec<String>,
    filler: Vec<String>,
    negated_frames: Vec<String>,
    passive_auxiliaries: Vec<String>,
    object_words: Vec<String>,
    object_frames: Vec<String>,
    support_kinds: Vec<String>,
    inverting_frames: Vec<String>,
    topic_heads: Vec<Vec<String>>,
    term_starts: Vec<String>,
    term_ends: Vec<String>,
    succession_links: Vec<String>,
    term_starts_by_legislature: Vec<String>,
    term_starts_active: Vec<String>,
    legislatures: Vec<String>,
    term_starts_alone: Vec<String>,
    term_start_nouns: Vec<String>,
    clause: Clause,
    period_nouns: Vec<String>,
    own_term_phrases: Vec<String>,
    event_heads: Vec<String>,
    beside_event: Vec<String>,
    retrospective_stems: Vec<String>,
    gathering_subjects: Vec<String>,
    gathering_verbs: Vec<String>,
    reporting_verbs: Vec<String>,
    country_nouns: Vec<String>,
    staff_nouns: Vec<String>,
    body_nouns: Vec<String>,
    runoff_words: Vec<String>,
    first_round_words: Vec<String>,
    voting_nouns: Vec<String>,
    organisation_nouns: Vec<String>,
    place_nouns: Vec<String>,
    noun_modifiers: Vec<String>,
    event_roles: Vec<String>,
    signing_verbs: Vec<String>,
    aftermath_words: Vec<String>,
    later_instruments: Vec<String>,
    other_holders: Vec<String>,
    present_verbs: Vec<String>,
    keeping_verbs: Vec<String>,
    policy_nouns: Vec<String>,
    spans_of_time: Vec<String>,
    member_nouns: Vec<String>,
    member_modifiers: Vec<String>,
    member_blockers: Vec<String>,
    person_descriptions: Vec<String>,
    leaving_words: Vec<String>,
    describing_participles: Vec<String>,
    scene_openers: Vec<String>,
    clause_continuers: Vec<String>,
    joining_phrases: Vec<String>,
}

/// The breaks that end a clause, by what a reader asks of it (see `clause.rs`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub verb: Vec<String>,
    pub mention: Vec<String>,
    pub time: Vec<String>,
}

#[derive(Debug)]
pub struct Grammar {
    pub negations: HashSet<String>,
    /// "merely", "only": after a negation, words that keep what follows standing.
    pub not_only: HashSet<String>,
    /// "without", "instead of": words that end the object a topic's keys are read in;
    /// lowercase phrases.
    pub object_stops: Vec<String>,
    pub hypothetical: HashSet<String>,
    pub filler: HashSet<String>,
    /// Lowercase phrases; matched against lowercased text.
    pub negated_frames: Vec<String>,
    pub passive_auxiliaries: HashSet<String>,
    pub object_words: HashSet<String>,
    /// "calls for": phrases that pass a stance through to its topic; lowercase words.
    pub object_frames: Vec<Vec<String>>,
    pub support_kinds: HashSet<String>,
    /// "lifting": phrases that turn a stance around on the topic after them; lowercase words.
    pub inverting_frames: Vec<Vec<String>>,
    /// Groups of nouns that refer back to a topic.
    pub topic_heads: Vec<Vec<String>>,
    /// "sworn in as": phrases that date the start of a term; lowercase.
    pub term_starts: Vec<String>,
    /// "stepped down as": phrases that date the end of a term; lowercase.
    pub term_ends: Vec<String>,
    /// "succeeding": words after which an office is a predecessor's; lowercase.
    pub succession_links: Vec<String>,
    /// "was elected": a term start only with a legislature after the office.
    pub term_starts_by_legislature: Vec<String>,
    /// "appointed": active verbs of appointing, whose person follows them; lowercase.
    pub term_starts_active: HashSet<String>,
    /// Lowercase names of the bodies that elect a holder ("the national assembly").
    pub legislatures: Vec<String>,
    /// "was sworn in": start phrases that need no office after them; lowercase.
    pub term_starts_alone: HashSet<String>,
    /// "swearing-in": start phrases that are nouns, owned by their person; lowercase.
    pub term_start_nouns: HashSet<String>,
    pub clause: Clause,
    /// "term", "tenure", "presidency": a stretch of someone's time in office.
    pub period_nouns: HashSet<String>,
    /// "after taking office", "while in office": after a title, the person's own time in it.
    pub own_term_phrases: Vec<String>,
    /// "summit", "talks": nouns that head a mention of an event.
    pub event_heads: HashSet<String>,
    /// "examin", "legacy": stems of words that look back at a period; lowercase.
    pub retrospective_stems: Vec<String>,
    /// "on the sidelines of": words before an event that put what is told beside it.
    pub beside_event: Vec<String>,
    /// "leaders", "heads of state": who gathers for a summit; lowercase, longest first.
    pub gathering_subjects: Vec<String>,
    /// "met", "gathered": the verbs of their gathering.
    pub gathering_verbs: HashSet<String>,
    /// "said", "told": verbs that report what was said or written.
    pub reporting_verbs: HashSet<String>,
    /// "country", "kingdom": nouns that refer back to a country.
    pub country_nouns: HashSet<String>,
    /// "adviser", "chief of staff": who serves an office holder ("adviser to President X").
    pub staff_nouns: HashSet<String>,
    /// "assembly", "senate": bodies with a president of their own.
    pub body_nouns: HashSet<String>,
    /// "runoff", "second round": words that name an election's second round; lowercase.
    pub runoff_words: Vec<String>,
    /// "first round": words that name its first round; lowercase.
    pub first_round_words: Vec<String>,
    /// "vote", "ballot": after "first round" or "second round", an election's.
    pub voting_nouns: HashSet<String>,
    /// "bloc", "alliance": nouns that refer back to an organisation.
    pub organisation_nouns: HashSet<String>,
    /// "territory", "peninsula": nouns that refer back to a place.
    pub place_nouns: HashSet<String>,
    /// "long-standing", "staunch": adjectives between a possessive and its stance noun.
    pub noun_modifiers: HashSet<String>,
    /// "president", "sherpa": after an event's name, an office rather than the meeting.
    pub event_roles: HashSet<String>,
    /// "signed", "concluded": verbs that state an agreement's own day.
    pub signing_verbs: HashSet<String>,
    /// "certified", "results": words that put a later day in an election's life.
    pub aftermath_words: HashSet<String>,
    /// "join", "protocol": near an agreement's name, what was signed is a later step.
    pub later_instruments: HashSet<String>,
    /// "predecessor": after a title, a date past one of these is another holder's time.
    pub other_holders: HashSet<String>,
    /// "has", "says": after a title, a verb of the draft's own time.
    pub present_verbs: HashSet<String>,
    /// "keep", "maintained": verbs before a possessive that keep the policy after it.
    pub keeping_verbs: HashSet<String>,
    /// "position", "policy": a standing policy between a possessive and a stance verb.
    pub policy_nouns: HashSet<String>,
    /// "years", "a decade": spans of time a verb's "for" may take; lowercase phrases.
    pub spans_of_time: Vec<String>,
    /// "member", "member state", "ally": a state's place in an organisation; lowercase
    /// phrases, longest first.
    pub member_nouns: Vec<String>,
    /// "fellow", "newest": between an organisation and its member noun.
    pub member_modifiers: HashSet<String>,
    /// "former", "non": before a claim of membership, words that deny or displace it.
    pub member_blockers: HashSet<String>,
    /// "former", "economist": words that make a subject a description of a person;
    /// lowercase phrases.
    pub person_descriptions: Vec<String>,
    /// "ousted", "resigned", "reinstate": words of someone's fall or departure; lowercase.
    pub leaving_words: HashSet<String>,
    /// "signed", "brokered": participles that open a phrase describing a thing; lowercase.
    pub describing_participles: HashSet<String>,
    /// "on", "back in": words that may lead into a date that sets a scene; lowercase.
    pub scene_openers: HashSet<String>,
    /// "as", "since": words after a verb that take it no object; lowercase.
    pub clause_continuers: HashSet<String>,
    /// "joined", "became a member of": a state's joining an organisation; lowercase
    /// phrases, longest first.
    pub joining_phrases: Vec<String>,
}

/// Each phrase as its lowercase words.
fn words_of(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|f| f.split_whitespace().map(str::to_lowercase).collect())
        .collect()
}

/// Phrases sorted so that a longer one is tried before its prefix.
fn longest_first(mut phrases: Vec<String>) -> Vec<String> {
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
}

pub static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let lists: Lists = toml::from_str(include_str!("../lexicon/grammar.toml")).unwrap_or_else(|e| {
        // The file is part of the source tree and tested; this cannot happen in a build
        // that passed its tests.
        unreachable!("src/lexicon/grammar.toml: {e}")
    });
    let set = |v: Vec<String>| v.into_iter().collect::<HashSet<String>>();
    Grammar {
        negations: set(lists.negations),
        not_only: set(lists.not_only),
        object_stops: lists.object_stops,
        hypothetical: set(lists.hypothetical),
        filler: set(lists.filler),
        negated_frames: lists.negated_frames,
        passive_auxiliaries: set(lists.passive_auxiliaries),
        object_words: set(lists.object_words),
        object_frames: words_of(&lists.object_frames),
        support_kinds: set(lists.support_kinds),
        inverting_frames: words_of(&lists.inverting_frames),
        topic_heads: lists.topic_heads,
        term_starts: lists.term_starts,
        term_ends: lists.term_ends,
        succession_links: lists.succession_links,
        term_starts_by_legislature: lists.term_starts_by_legislature,
        term_starts_active: set(lists.term_starts_active),
        legislatures: lists.legislatures,
        term_starts_alone: set(lists.term_starts_alone),
        term_start_nouns: set(lists.term_start_nouns),
        clause: lists.clause,
        period_nouns: set(lists.period_nouns),
        own_term_phrases: lists.own_term_phrases,
        event_heads: set(lists.event_heads),
        beside_event: lists.beside_event,
        retrospective_stems: lists.retrospective_stems,
        gathering_subjects: longest_first(lists.gathering_subjects),
        gathering_verbs: set(lists.gathering_verbs),
        reporting_verbs: set(lists.reporting_verbs),
        country_nouns: set(lists.country_nouns),
        staff_nouns: set(lists.staff_nouns),
        body_nouns: set(lists.body_nouns),
        runoff_words: longest_first(lists.runoff_words),
        first_round_words: longest_first(lists.first_round_words),
        voting_nouns: set(lists.voting_nouns),
        organisation_nouns: set(lists.organisation_nouns),
        place_nouns: set(lists.place_nouns),
        noun_modifiers: set(lists.noun_modifiers),
        event_roles: set(lists.event_roles),
        signing_verbs: set(lists.signing_verbs),
        aftermath_words: set(lists.aftermath_words),
        later_instruments: set(lists.later_instruments),
        other_holders: set(lists.other_holders),
        present_verbs: set(lists.present_verbs),
        keeping_verbs: set(lists.keeping_verbs),
        policy_nouns: set(lists.policy_nouns),
        spans_of_time: lists.spans_of_time,
        member_nouns: longest_first(lists.member_nouns),
        member_modifiers: set(lists.member_modifiers),
        member_blockers: set(lists.member_blockers),
        person_descriptions: lists.person_descriptions,
        leaving_words: set(lists.leaving_words),
        describing_participles: set(lists.describing_participles),
        scene_openers: set(lists.scene_openers),
        clause_continuers: set(lists.clause_continuers),
        joining_phrases: longest_first(lists.joining_phrases),
    }
});

impl Grammar {
    /// The group of topic nouns `word` belongs to.
    pub fn topic_head_group(&self, word: &str) -> Option<&[String]> {
        let w = word.to_ascii_lowercase();
        self.topic_heads.iter().find(|g| g.contains(&w)).map(Vec::as_slice)
    }

    pub fn is_negation(&self, w: &str) -> bool {
        self.negations.contains(w) || w.ends_with("n't")
    }

    /// Whether a run of lowercase words negates what follows it: a negation counts unless
    /// the next word keeps the statement standing ("did not merely accept", "not only").
    pub fn negates(&self, words: &[String]) -> bool {
        words
            .iter()
            .enumerate()
            .any(|(i, w)| self.is_negation(w) && !words.get(i + 1).is_some_and(|n| self.not_only.contains(n.as_str())))
    }

    /// True when `before` (text leading up to a statement, in its sentence) ends in or
    /// contains a frame that denies what follows: "It is not true that …".
    pub fn denied_by_frame(&self, before: &str) -> bool {
        let lower = before.to_lowercase().replace('’', "'");
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        self.negated_frames.iter().any(|f| lower.contains(f.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::GRAMMAR;

    #[test]
    fn the_word_lists_load() {
        assert!(GRAMMAR.is_negation("not"));
        assert!(GRAMMAR.is_negation("didn't"));
        assert!(GRAMMAR.hypothetical.contains("would"));
        assert!(GRAMMAR.filler.contains("which"));
        assert!(GRAMMAR.denied_by_frame("It is not  true that"));
        let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert!(GRAMMAR.negates(&words("did not")));
        assert!(!GRAMMAR.negates(&words("did not merely")));
    }
}
