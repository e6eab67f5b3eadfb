//! Stance statements: an actor supporting or opposing a topic. The verb or noun
//! ("opposed", "support for") governs every topic up to the end of its clause, so
//! "opposed A, B and C" is three statements. The subject is the actor phrase or anaphor
//! just before the verb, with only auxiliaries and adverbs between; negation ("did not
//! oppose", "refused to back") flips it; modals and conditionals drop it; a reporting verb
//! whose speaker is someone else ("critics say China opposes X") drops it too.

use std::ops::Range;

use serde::Serialize;

use super::actors::{Coref, Resolved, Subject};
use super::words::GRAMMAR;
use crate::kb::Kb;
use crate::kb::lexicon::StanceLexicon;
use crate::kb::model::{Position, PredicateKind};
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
    /// For an object the knowledge base does not know ("the $50 billion loan"): its
    /// content words, lowercase, by which two statements in one draft are compared.
    /// Empty for a known topic.
    pub object_words: Vec<String>,
}

impl StanceMention {
    /// What the statement says the actors do: (position, negated).
    pub fn claim(&self) -> (Position, bool) {
        (self.position, self.negated)
    }
}

// What follows the speaker of an aside: "…, he said, supports".
crate::regex!(static SPEAKER_TAIL = r"^\s+(?:said|says|added|noted|stressed|insisted|argued|told\s+reporters)\s*,\s*$");

crate::scanner!(static REPORTING = r"(?i)(?-u:\b)(?:say|says|said|claim(?:s|ed)?|alleg(?:e|es|ed)|accus(?:e|es|ed|ing)|according\s+to|argu(?:e|es|ed)|believ(?:e|es|ed)|insist(?:s|ed)?|suggest(?:s|ed)?|told|tell|tells|report(?:s|ed)?|contend(?:s|ed)?|charg(?:e|es|ed)|think|thinks|thought|fear(?:s|ed)?|warn(?:s|ed)?)(?-u:\b)");

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
    coref.start_sentence();
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
    let triggers: Vec<(Range<usize>, Position, bool)> = kb
        .lexicon
        .find(text)
        .into_iter()
        .map(|t| {
            let noun = t.kind == PredicateKind::Noun;
            (
                sentence.start + t.span.start..sentence.start + t.span.end,
                t.position,
                noun,
            )
        })
        // A stance word inside a topic's name is part of the name: "Russia's war against
        // Ukraine", "the fight against terrorism".
        .filter(|(span, _, _)| !topics.iter().any(|(t, _)| t.start <= span.start && span.end <= t.end))
        // "backed India's campaign for a permanent seat": after a possessive, a verb's form
        // is a noun in someone else's object, and the verb before it governs through it.
        .filter(|(span, _, noun)| *noun || !after_possessive(prose, span.start))
        // "scaling back X": the last word of a phrase that turns a stance around is no verb
        // of its own.
        .filter(|(span, _, _)| !ends_inverting_frame(prose, span))
        .collect();
    let triggers = through_durations(prose, triggers);
    // "rejected calls for X": "calls for" is the object of the verb before it, not a verb
    // of its own; the stance passes through it to X.
    let triggers: Vec<_> = triggers
        .iter()
        .enumerate()
        .filter(|(i, (span, _, _))| {
            let Some((before, _, _)) = i.checked_sub(1).and_then(|p| triggers.get(p)) else {
                return true;
            };
            let written = crate::text::get(prose, span.clone()).to_ascii_lowercase();
            let written: Vec<&str> = written.split_whitespace().collect();
            let framed = GRAMMAR.object_frames.iter().any(|f| f.iter().eq(written.iter()));
            let gap = crate::text::get(prose, before.end..span.start);
            !(framed
                && gap
                    .split_whitespace()
                    .all(|w| GRAMMAR.object_words.contains(w.to_ascii_lowercase().as_str())))
        })
        .map(|(_, t)| t.clone())
        .collect();
    let triggers = through_stance_nouns(prose, triggers);
    for (ti, (trigger, position, noun)) in triggers.iter().enumerate() {
        if !*noun && !hypothetical_sentence {
            let clause_start = ti.checked_sub(1).map_or(sentence.start, |p| triggers[p].0.end);
            if let Some(passive) = passive(kb, input, &resolved, &topics, clause_start, trigger, *position) {
                out.extend(passive);
                continue;
            }
        }
        // The topics this trigger governs: up to the clause end or the next trigger.
        let next_trigger = triggers.get(ti + 1).map_or(sentence.end, |t| t.0.start);
        let rest = crate::text::get(prose, trigger.end..next_trigger);
        let scope_end =
            super::clause::first_break(rest, super::clause::Reach::Verb).map_or(next_trigger, |i| trigger.end + i);
        let governed: Vec<&(Range<usize>, usize)> = topics
            .iter()
            .filter(|(span, _)| span.start >= trigger.end && span.end <= scope_end)
            .filter(|(span, _)| object_reachable(prose, trigger.end, span.start, &topics))
            .collect();
        if hypothetical_sentence {
            continue;
        }
        // No topic named after the verb: one named before its subject, as the object of a
        // relative clause ("a two-state solution, which Ireland has consistently supported").
        let before_subject;
        let governed = if governed.is_empty() {
            before_subject = object_relative(prose, &topics, input.subjects, trigger, next_trigger);
            before_subject.iter().collect()
        } else {
            governed
        };
        // No topic named: one the object paraphrases ("opposed expanding the Council's
        // permanent membership").
        let keyed;
        let governed = if governed.is_empty() {
            let ahead = crate::text::get(prose, trigger.end..scope_end);
            keyed = keyed_topic(
                kb,
                prose,
                trigger.end + (ahead.len() - ahead.trim_start().len()),
                scope_end,
            );
            keyed.iter().collect()
        } else {
            governed
        };
        let free = if governed.is_empty() {
            let ahead = crate::text::get(prose, trigger.end..scope_end);
            let lead = ahead.len() - ahead.trim_start().len();
            match free_object(kb, input.hits, prose, trigger.end + lead, scope_end) {
                Some(f) => Some(f),
                None => continue,
            }
        } else {
            None
        };
        // "Supporters of the EU-Mercosur deal, including Germany, Spain and France, argue …":
        // the holders a plural stance noun names may be listed after its object.
        let object_end = governed
            .last()
            .map(|(span, _)| span.end)
            .or_else(|| free.as_ref().map(|(span, _)| span.end));
        let listed = (*noun && holder_noun(prose, trigger))
            .then(|| object_end.and_then(|end| listed_after(prose, input.subjects, end)))
            .flatten();
        // The subject: the nearest subject before the trigger, with only filler between.
        let Some((mut si, mut subject)) = listed.or_else(|| last_subject_by(input.subjects, trigger.start)) else {
            continue;
        };
        // "Sikorski, who has condemned backing for Kyiv, called for …": a name that ends a
        // relative clause is not the subject of the verb after the clause; its antecedent is.
        if listed.is_none()
            && let Some(antecedent) = before_relative_clause(prose, &sentence, subject.span(), trigger.start)
            && let Some((i, s)) = last_subject_by(input.subjects, antecedent)
        {
            si = i;
            subject = s;
        }
        // "The Netherlands, a NATO member, backed …": a name inside an apposition is not the
        // subject of the verb after it; the name the apposition describes is.
        if listed.is_none()
            && let Some(described) = before_apposition(prose, &sentence, subject.span(), trigger.start)
            && let Some((i, s)) =
                last_subject_by(input.subjects, described).filter(|(_, s)| s.span().end + 1 >= described)
        {
            si = i;
            subject = s;
        }
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
        // "Argentina will keep its long-standing position of supporting X": a policy the
        // possessive's owner keeps is their stance; one they end or drop is not.
        let policy = possessive_subject && !*noun && policy_of(gap);
        if policy && !kept_before(prose, subject.span().start) {
            continue;
        }
        let words = if policy || listed.is_some() {
            Vec::new()
        } else if let Some(words) = (*noun && !possessive_subject && holder_noun(prose, trigger))
            .then(|| among_holders(gap))
            .flatten()
        {
            words
        } else {
            let Some(words) = filler_words(&kb.lexicon, gap, *noun && possessive_subject) else {
                continue;
            };
            words
        };
        if words.iter().any(|w| GRAMMAR.hypothetical.contains(w.as_str())) {
            continue;
        }
        // "Neither Moscow nor Beijing has opposed …"
        let neither =
            crate::text::ends_with_ignore_case(crate::text::upto(prose, subject.span().start).trim_end(), "neither");
        let frame = crate::text::get(prose, sentence.start..subject.span().start);
        let negated = neither || GRAMMAR.denied_by_frame(frame) || GRAMMAR.negates(&words);
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
            // "backed lifting the embargo" opposes the embargo.
            let lead_from = k
                .checked_sub(1)
                .and_then(|p| governed.get(p))
                .map_or(trigger.end, |(s, _)| s.end);
            let turned = inverted(crate::text::get(prose, lead_from..span.start));
            out.push(StanceMention {
                span: start.min(span.start)..span.end.max(trigger.end),
                trigger: trigger.clone(),
                topic_span: span.clone(),
                topic_id: t.id.get_ref().to_string(),
                position: if turned { position.opposite() } else { *position },
                negated,
                subject_span: subject.span(),
                actors: who.actors.clone(),
                antecedent: (who.antecedent != subject.span()).then(|| who.antecedent.clone()),
                object_words: Vec::new(),
            });
        }
        if let Some((span, words)) = free {
            out.push(StanceMention {
                span: trigger.start..span.end,
                trigger: trigger.clone(),
                topic_span: span,
                topic_id: String::new(),
                position: *position,
                negated,
                subject_span: subject.span(),
                actors: who.actors.clone(),
                antecedent: (who.antecedent != subject.span()).then(|| who.antecedent.clone()),
                object_words: words,
            });
        }
    }
    out
}

/// "a two-state solution, which Ireland has consistently supported as the only route": the
/// topic named just before ", which" or ", that" and the subject after it, when nothing the
/// verb could take as its object follows it.
fn object_relative(
    prose: &str,
    topics: &[(Range<usize>, usize)],
    subjects: &[Subject],
    trigger: &Range<usize>,
    limit: usize,
) -> Option<(Range<usize>, usize)> {
    let subject = subjects.iter().rev().find(|s| s.span().end <= trigger.start)?;
    let before = crate::text::upto(prose, subject.span().start).trim_end();
    let lower = before.to_ascii_lowercase();
    let rest = lower.strip_suffix("which").or_else(|| lower.strip_suffix("that"))?;
    let rest = rest.trim_end().strip_suffix(',')?.trim_end();
    let &(ref span, topic) = topics.iter().find(|(span, _)| span.end == rest.len())?;
    let after = crate::text::get(prose, trigger.end..limit).trim_start();
    let ends = after.is_empty()
        || after.starts_with([',', '.', ';', ')', ':'])
        || after
            .split_whitespace()
            .next()
            .is_some_and(|w| GRAMMAR.clause_continuers.contains(w.to_ascii_lowercase().as_str()));
    ends.then(|| (span.clone(), topic))
}

/// The most words of an object that a topic's keys are looked for in.
const KEYED_OBJECT_WORDS: usize = 14;

/// The topic whose keys the object starting at `from` paraphrases: every group of the
/// topic's keys has a phrase among the object's first words, up to the first comma or
/// clause break. A topic of three groups or more may take one of them from the sentences
/// just before ("… the Security Council …. Pakistan has long backed India's campaign for a
/// permanent seat"), the others being in an object that names its party with a capital. When two topics fit, the one with
/// more groups wins, then the one found whole in the object; a tie reads none.
fn keyed_topic(kb: &Kb, prose: &str, from: usize, to: usize) -> Option<(Range<usize>, usize)> {
    let rest = crate::text::get(prose, from..to);
    let rest = crate::text::upto(rest, object_end(rest));
    let mut words = object_words(rest, KEYED_OBJECT_WORDS);
    // "a plan to rebuild Gaza without displacing its people": what follows is gone without.
    if let Some(stop) = (0..words.len()).find(|&i| {
        GRAMMAR.object_stops.iter().any(|p| {
            p.split_whitespace()
                .enumerate()
                .all(|(k, w)| words.get(i + k).is_some_and(|(x, _)| x == w))
        })
    }) {
        words.truncate(stop);
    }
    if words.is_empty() {
        return None;
    }
    let context_from = crate::text::floor_char_boundary(prose, from.saturating_sub(KEYED_CONTEXT_BYTES));
    let capitalised = words
        .iter()
        .any(|(_, r)| crate::text::get(rest, r.clone()).starts_with(char::is_uppercase));
    let context = std::cell::OnceCell::new();
    // Most key phrases start with a word the object does not hold: look those up in a set
    // before walking the object's words for them.
    let present: std::collections::HashSet<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let find = |phrase: &str| {
        phrase
            .split_whitespace()
            .next()
            .is_some_and(|first| present.contains(first))
            .then(|| find_phrase(&words, phrase))
            .flatten()
    };
    // (groups, found whole, topic, from the first key found to the end of the last)
    let mut best: Option<(usize, bool, usize, Option<Range<usize>>)> = None;
    let mut tie = false;
    for (i, topic) in kb.topics.iter().enumerate().filter(|(_, t)| !t.keys.is_empty()) {
        let mut found: Option<Range<usize>> = None;
        let mut missing = 0;
        // Most objects fit no topic: stop at the first group missing unless one may be
        // borrowed from around the object.
        let may_borrow = usize::from(capitalised && topic.keys.len() >= 3);
        for group in &topic.keys {
            let here = group.iter().filter_map(|phrase| find(phrase)).min_by_key(|r| r.end);
            match here {
                Some(r) => {
                    found = Some(found.map_or(r.clone(), |f| f.start.min(r.start)..f.end.max(r.end)));
                }
                None => missing += 1,
            }
            if missing > may_borrow {
                break;
            }
        }
        let whole = missing == 0;
        // Only an object that names its party ("India's campaign for a permanent seat") is
        // specific enough to take the rest from around it.
        let named = || {
            topic
                .keys
                .iter()
                .flatten()
                .any(|p| find(p).is_some_and(|r| crate::text::get(rest, r).starts_with(char::is_uppercase)))
        };
        let fits = whole
            || (missing == 1 && may_borrow == 1 && named() && {
                let context: &Vec<(String, Range<usize>)> =
                    context.get_or_init(|| object_words(crate::text::get(prose, context_from..from), usize::MAX));
                topic.keys.iter().all(|group| {
                    group
                        .iter()
                        .any(|p| find(p).is_some() || find_phrase(context, p).is_some())
                })
            });
        if !fits {
            continue;
        }
        let rank = (topic.keys.len(), whole);
        match best {
            Some((g, w, _, _)) if (g, w) > rank => {}
            Some((g, w, _, _)) if (g, w) == rank => tie = true,
            _ => {
                best = Some((rank.0, rank.1, i, found));
                tie = false;
            }
        }
    }
    let (_, _, topic, found) = best.filter(|_| !tie)?;
    let found = found?;
    Some((from + found.start..from + found.end, topic))
}

/// Where an object ends: at the first comma, colon, bracket or quotation. A term in scare
/// quotes (`China's "nine-dash line" claim`: a closing quote within a few words, no
/// punctuation between) is part of the object, not a quotation.
fn object_end(rest: &str) -> usize {
    let mut from = 0;
    while let Some(i) = crate::text::from(rest, from)
        .find([',', ';', ':', '(', '"', '“'])
        .map(|i| from + i)
    {
        let at = crate::text::from(rest, i);
        let opening = match at.chars().next() {
            Some(q @ ('"' | '“')) => q.len_utf8(),
            _ => return i,
        };
        let inside = crate::text::from(rest, i + opening);
        let closing = inside
            .find(['"', '”'])
            .filter(|&j| j <= SCARE_QUOTE_BYTES && !crate::text::upto(inside, j).contains([',', ';', '.', ':']));
        let Some(j) = closing else {
            return i;
        };
        let closing_len = crate::text::from(inside, j).chars().next().map_or(1, char::len_utf8);
        from = i + opening + j + closing_len;
        // "championed a "free and open Indo-Pacific" and helped revive the Quad": a
        // conjunction after the term starts something else.
        let after = crate::text::from(rest, from);
        if [" and ", " or ", " but "].iter().any(|c| after.starts_with(c)) {
            return from;
        }
    }
    rest.len()
}

/// How long a term in scare quotes may be, in bytes.
const SCARE_QUOTE_BYTES: usize = 40;

/// How far before an object the words that may complete its topic's keys are read, in bytes
/// (about a short story: the paragraphs before).
const KEYED_CONTEXT_BYTES: usize = 3000;

/// The first words of an object, lowercase, with where each stands: a possessive's `'s` is
/// dropped ("the Council's" → "council").
fn object_words(text: &str, most: usize) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = crate::text::get(text, s..i).trim_end_matches(['\'', '’']);
                let word = word
                    .strip_suffix("'s")
                    .or_else(|| word.strip_suffix("’s"))
                    .unwrap_or(word);
                out.push((word.to_lowercase(), s..s + word.len()));
                start = None;
                if out.len() == most {
                    break;
                }
            }
            _ => {}
        }
    }
    out
}

/// The topic a sentence describes by its keys without naming it ("The European Union and
/// the Mercosur bloc … concluded negotiations on a free trade agreement"): every group of
/// keys of a topic of three groups or more has a phrase in the sentence, and no other topic
/// fits so. From the first key found to the end of the last, and the topic.
pub(crate) fn described_topic(kb: &Kb, prose: &str, sentence: &Range<usize>) -> Option<(Range<usize>, usize)> {
    let text = crate::text::get(prose, sentence.clone());
    let words = object_words(text, usize::MAX);
    let present: std::collections::HashSet<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let mut found: Option<(Range<usize>, usize)> = None;
    for (i, topic) in kb.topics.iter().enumerate().filter(|(_, t)| t.keys.len() >= 3) {
        let mut span: Option<Range<usize>> = None;
        let all = topic.keys.iter().all(|group| {
            let here = group
                .iter()
                .filter(|p| p.split_whitespace().next().is_some_and(|f| present.contains(f)))
                .filter_map(|p| find_phrase(&words, p))
                .min_by_key(|r| r.end);
            if let Some(r) = &here {
                span = Some(
                    span.as_ref()
                        .map_or(r.clone(), |f| f.start.min(r.start)..f.end.max(r.end)),
                );
            }
            here.is_some()
        });
        match (all, span, &found) {
            (true, Some(_), Some(_)) => return None,
            (true, Some(r), None) => found = Some((sentence.start + r.start..sentence.start + r.end, i)),
            _ => {}
        }
    }
    found
}

/// Where a key phrase stands among the object's words, if it is there (whole words).
/// Keys are lowercase (`kb check` refuses others) and so are the object's words, so the
/// words compare as they are: this runs for every key of every topic on each object that
/// names no topic.
fn find_phrase(words: &[(String, Range<usize>)], phrase: &str) -> Option<Range<usize>> {
    let n = phrase.split_whitespace().count();
    if n == 0 {
        return None;
    }
    let w = words
        .windows(n)
        .find(|w| w.iter().zip(phrase.split_whitespace()).all(|((word, _), k)| word == k))?;
    Some(w.first()?.1.start..w.last()?.1.end)
}

/// "lobbied for years in favour of X", "campaigned for decades against X": a verb whose
/// "for" takes a span of time (`spans_of_time`) is no "lobby for"; the phrase after the span
/// ("in favour of", "against") is the stance, read as the verb's. A verb left with only the
/// span governs nothing.
fn through_durations(
    prose: &str,
    triggers: Vec<(Range<usize>, Position, bool)>,
) -> Vec<(Range<usize>, Position, bool)> {
    const STANCES: &[(&str, Position)] = &[
        ("in favour of", Position::Support),
        ("in favor of", Position::Support),
        ("against", Position::Oppose),
    ];
    /// Far enough for the longest span and stance phrase after a trigger.
    const REACH: usize = 64;
    let mut out: Vec<(Range<usize>, Position, bool)> = Vec::with_capacity(triggers.len());
    let mut skip_until = 0;
    for (span, position, noun) in triggers {
        if span.start < skip_until {
            continue;
        }
        let written = crate::text::get(prose, span.clone());
        if noun || !crate::text::ends_with_ignore_case(written, " for") {
            out.push((span, position, noun));
            continue;
        }
        let end = crate::text::floor_char_boundary(prose, span.end + REACH);
        let tail = crate::text::get(prose, span.end..end);
        let after = tail.trim_start();
        let lead = tail.len() - after.len();
        let lower = after.to_ascii_lowercase();
        let Some(rest) = GRAMMAR
            .spans_of_time
            .iter()
            .find_map(|d| lower.strip_prefix(d.as_str()).filter(|r| r.starts_with([' ', ','])))
        else {
            out.push((span, position, noun));
            continue;
        };
        let rest = rest.trim_start_matches([' ', ',']);
        if let Some((phrase, stance)) = STANCES.iter().find(|(p, _)| rest.starts_with(p)) {
            let end = span.end + lead + (lower.len() - rest.len()) + phrase.len();
            skip_until = end;
            out.push((span.start..end, *stance, false));
        }
    }
    out
}

/// Where the relative clause that `name` ends begins (the comma before `who` or `which`),
/// when the clause closes with a comma just before `verb`: "Russia, which borders Ukraine,
/// opposes …".
fn before_relative_clause(prose: &str, sentence: &Range<usize>, name: Range<usize>, verb: usize) -> Option<usize> {
    let closing = crate::text::get(prose, name.end..verb).trim();
    if closing != "," {
        return None;
    }
    let before = crate::text::get(prose, sentence.start..name.start);
    let lower = before.to_ascii_lowercase();
    let opens = [", who ", ", which "].iter().filter_map(|r| lower.rfind(r)).max()?;
    // The clause runs unbroken to the name.
    if before.get(opens + 1..)?.contains([',', ';', '(', ')']) {
        return None;
    }
    Some(sentence.start + opens)
}

/// Whether a stance noun names its holders ("supporters of", "critics of"): a plural noun
/// before "of".
fn holder_noun(prose: &str, trigger: &Range<usize>) -> bool {
    let written = crate::text::get(prose, trigger.clone()).to_ascii_lowercase();
    written
        .strip_suffix(" of")
        .is_some_and(|noun| noun.ends_with('s') && !noun.ends_with("ss"))
}

// What introduces the holders listed after a stance noun's object.
crate::regex!(static HOLDER_LIST = r"(?i)^\s*,\s*(?:including|such\s+as|among\s+them|notably)\s+");

/// The subject listed right after a stance noun's object ending at `end`: "…, including
/// Germany, Spain and France".
fn listed_after<'a>(prose: &str, subjects: &'a [Subject], end: usize) -> Option<(usize, &'a Subject)> {
    let m = HOLDER_LIST.find(crate::text::from(prose, end))?;
    let at = end + m.end();
    subjects
        .iter()
        .enumerate()
        .find(|(_, s)| s.span().start == at && matches!(s, Subject::Actors(_)))
}

/// The words between a subject and a plural stance noun that count its holders among them:
/// "are among the", "was one of the fiercest", "are not among the". The negations are kept,
/// to read the statement's polarity; `None` for any other gap.
fn among_holders(gap: &str) -> Option<Vec<String>> {
    crate::regex!(static AMONG = r"(?i)^\s*(?:is|are|was|were|remains?|remained|(?:has|have|had)\s+been)\s+(?P<not>not\s+)?(?:(?:also|still|now|long)\s+)?(?:among|one\s+of)\s+(?:the\s+)?(?P<mods>(?:[a-z-]+\s+){0,2})$");
    let c = AMONG.captures(gap)?;
    let modifiers = c.name("mods").map_or("", |m| m.as_str());
    let plain = modifiers.split_whitespace().all(|w| {
        let w = w.to_ascii_lowercase();
        GRAMMAR.noun_modifiers.contains(w.as_str()) || matches!(w.as_str(), "most" | "more") || w.ends_with("est")
    });
    if !plain {
        return None;
    }
    Some(c.name("not").map(|_| vec!["not".to_string()]).unwrap_or_default())
}

/// The last subject that ends by `at`, with its index.
fn last_subject_by(subjects: &[Subject], at: usize) -> Option<(usize, &Subject)> {
    subjects.iter().enumerate().rev().find(|(_, s)| s.span().end <= at)
}

/// How many words an apposition between a subject and its verb may have.
const APPOSITION_WORDS: usize = 14;

/// Where the name an apposition describes ends (the comma that opens the apposition), when
/// `name` lies inside an apposition that opens with an article and closes with a comma just
/// before `verb`: "The Netherlands, the only NATO member to take part, backed …".
fn before_apposition(prose: &str, sentence: &Range<usize>, name: Range<usize>, verb: usize) -> Option<usize> {
    // "…, has long backed": the verb's auxiliaries and adverbs stand after the comma.
    let mut before = crate::text::get(prose, sentence.start..verb).trim_end();
    while let Some((rest, word)) = before.rsplit_once(char::is_whitespace) {
        let w = word.to_ascii_lowercase();
        if !(GRAMMAR.filler.contains(w.as_str()) || (w.ends_with("ly") && w.len() > 4)) {
            break;
        }
        before = rest.trim_end();
    }
    let inner = before.strip_suffix(',')?;
    let opens = inner.rfind(',')?;
    let apposition = inner.get(opens + 1..)?;
    let starts_with_article = ["the ", "a ", "an ", "one of "]
        .iter()
        .any(|a| apposition.trim_start().to_ascii_lowercase().starts_with(a));
    let at = sentence.start + opens;
    (starts_with_article
        && name.start > at
        && !apposition.contains([';', '(', ')'])
        && apposition.split_whitespace().count() <= APPOSITION_WORDS)
        .then_some(at)
}

/// "backs continued support for Ukraine", "condemned Western backing for Kyiv": a stance
/// noun in a verb's object passes its stance through the verb, turned by it (to oppose
/// support for X is to oppose X; to reject opposition to X is to support X). The pair reads
/// as one verb whose object follows the noun.
fn through_stance_nouns(
    prose: &str,
    triggers: Vec<(Range<usize>, Position, bool)>,
) -> Vec<(Range<usize>, Position, bool)> {
    let mut out = Vec::with_capacity(triggers.len());
    let mut triggers = triggers.into_iter().peekable();
    while let Some((span, position, noun)) = triggers.next() {
        let object_noun = triggers
            .peek()
            .filter(|(next, _, next_noun)| {
                !noun
                    && *next_noun
                    && next.start >= span.end
                    && stand_before_stance_noun(crate::text::get(prose, span.end..next.start))
            })
            .cloned();
        match object_noun {
            Some((next, inner, _)) => {
                triggers.next();
                let turned = match position {
                    Position::Support => inner,
                    Position::Oppose => inner.opposite(),
                };
                out.push((span.start..next.end, turned, false));
            }
            None => out.push((span, position, noun)),
        }
    }
    out
}

/// Whether every word between a verb and a stance noun may modify the noun: an article or
/// other object word, an adjective of stance or of kind (`noun_modifiers`, `support_kinds`),
/// or a capitalised name or its possessive ("Western", "Europe's").
fn stand_before_stance_noun(gap: &str) -> bool {
    gap.split_whitespace().all(|w| {
        let lower = w.to_lowercase();
        GRAMMAR.object_words.contains(lower.as_str())
            || GRAMMAR.noun_modifiers.contains(lower.as_str())
            || GRAMMAR.support_kinds.contains(lower.as_str())
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c)))
    })
}

/// Whether the words between a possessive and a stance verb name a policy (`policy_nouns`):
/// "(long-standing) position of", "policy of".
fn policy_of(gap: &str) -> bool {
    let words: Vec<String> = gap.split_whitespace().map(str::to_ascii_lowercase).collect();
    match words.as_slice() {
        [noun, of] | [_, noun, of] if of == "of" => {
            GRAMMAR.policy_nouns.contains(noun.as_str())
                && (words.len() == 2
                    || words
                        .first()
                        .is_some_and(|m| GRAMMAR.noun_modifiers.contains(m.as_str())))
        }
        _ => false,
    }
}

/// Whether the verb just before `at` keeps what follows (`keeping_verbs`: "will keep its",
/// "maintained their").
fn kept_before(prose: &str, at: usize) -> bool {
    let word = crate::text::word_before(prose, at).to_ascii_lowercase();
    GRAMMAR.keeping_verbs.contains(word.as_str())
}

/// Whether the word before `at` is a possessive ("India's", "its", "their").
fn after_possessive(prose: &str, at: usize) -> bool {
    let word = crate::text::word_before(prose, at).to_ascii_lowercase();
    word.ends_with("'s")
        || word.ends_with("’s")
        || matches!(word.as_str(), "its" | "their" | "his" | "her" | "our" | "my" | "your")
}

/// The object of a stance verb the knowledge base does not know: a short noun phrase up
/// to the first punctuation, preposition or conjunction ("backed the $50 billion loan").
/// Only its content words are kept; a pronoun or a clause is no object. A country or
/// organisation is kept as its id, so that "Kyiv" and "Ukraine" are one object.
fn free_object(kb: &Kb, hits: &[Hit], prose: &str, from: usize, to: usize) -> Option<(Range<usize>, Vec<String>)> {
    const STOP: &[&str] = &[
        "and", "or", "but", "which", "that", "who", "to", "in", "at", "on", "with", "by", "from", "for", "as", "of",
        "over", "after", "before", "during", "because", "since", "while", "if", "when", "amid",
    ];
    const NOT_OBJECTS: &[&str] = &[
        "it",
        "them",
        "this",
        "that",
        "these",
        "those",
        "him",
        "her",
        "us",
        "me",
        "what",
        "any",
        "such",
        "each",
        "efforts",
        "move",
        "moves",
        "idea",
        "plan",
        "proposal",
        "proposals",
        "decision",
        "step",
        "steps",
    ];
    let rest = crate::text::get(prose, from..to);
    let mut words: Vec<String> = Vec::new();
    let mut end = from;
    let mut offset = 0;
    for raw in rest.split_inclusive(char::is_whitespace) {
        let w = raw.trim();
        let bare = w.trim_end_matches([',', ';', ':', '.', '!', '?', '"', '”', ')']);
        let lower = bare.to_lowercase();
        if STOP.contains(&lower.as_str()) || bare.is_empty() {
            break;
        }
        if !lower.chars().all(|c| c.is_alphanumeric() || "$€£%-'’".contains(c)) {
            break;
        }
        let start = from + offset;
        offset += raw.len();
        end = from + offset - (raw.len() - raw.trim_end().len()) - (w.len() - bare.len());
        let actor = hits
            .iter()
            .filter(|h| h.span.start <= start && end <= h.span.end)
            .find_map(|h| h.surfaces.iter().find_map(|s| super::actors::actor_of(kb, *s)));
        match actor {
            // One id for a name of several words ("South Korea").
            Some(id) => {
                let id = format!("@{id}");
                if words.last() != Some(&id) {
                    words.push(id);
                }
            }
            None if !GRAMMAR.object_words.contains(lower.as_str()) => words.push(lower),
            None => {}
        }
        if bare.len() != w.len() || words.len() > 6 {
            break;
        }
    }
    let head = words.last()?;
    if head.starts_with('@') {
        return Some((from..end, words));
    }
    if NOT_OBJECTS.contains(&head.as_str()) || head.chars().count() < 3 || !head.chars().all(char::is_alphabetic) {
        return None;
    }
    Some((from..end, words))
}

/// A passive statement: "X was opposed by Moscow and Beijing". The topic stands before
/// the participle and a form of "be"; the actors follow "by".
fn passive(
    kb: &Kb,
    input: &SentenceInput<'_>,
    resolved: &[Option<Resolved>],
    topics: &[(Range<usize>, usize)],
    clause_start: usize,
    trigger: &Range<usize>,
    position: Position,
) -> Option<Vec<StanceMention>> {
    let prose = input.prose;
    // "by", then at most an article or "both" before the agent.
    let (si, agent) = input
        .subjects
        .iter()
        .enumerate()
        .find(|(_, s)| s.span().start >= trigger.end)?;
    let between: Vec<String> = crate::text::get(prose, trigger.end..agent.span().start)
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let by_agent = between.first().is_some_and(|w| w == "by")
        && between.len() <= 2
        && between
            .iter()
            .skip(1)
            .all(|w| matches!(w.as_str(), "both" | "the" | "either"));
    if !by_agent {
        return None;
    }
    // Before the participle: a form of "be", with adverbs and negations around it.
    let before = crate::text::get(prose, clause_start..trigger.start);
    let mut words: Vec<String> = Vec::new();
    let mut aux_at = None;
    let mut offset = before.len();
    for w in before.split_whitespace().rev() {
        let lower = w.to_ascii_lowercase();
        offset = crate::text::upto(before, offset).rfind(w).unwrap_or(0);
        if GRAMMAR.passive_auxiliaries.contains(lower.as_str()) {
            aux_at = Some(clause_start + offset);
            words.push(lower);
            if !matches!(words.last().map(String::as_str), Some("been")) {
                break;
            }
            continue;
        }
        // "has been", "had long been": the perfect's auxiliary completes the passive.
        if words.iter().any(|w| w == "been") && matches!(lower.as_str(), "has" | "have" | "had") {
            words.push(lower);
            break;
        }
        let ok = GRAMMAR.is_negation(&lower) || lower.ends_with("ly") || GRAMMAR.filler.contains(lower.as_str());
        if !ok || words.len() > 4 {
            return None;
        }
        words.push(lower);
    }
    let aux_at = aux_at?;
    if words.iter().any(|w| GRAMMAR.hypothetical.contains(w.as_str())) {
        return None;
    }
    let negated = GRAMMAR.negates(&words);
    // The topic: the last one before "be", with a few words at most between; else one
    // the subject paraphrases ("Ethiopia's unilateral filling of the reservoir was …").
    let named = topics
        .iter()
        .rev()
        .find(|(span, _)| span.end <= aux_at && span.start >= clause_start)
        .cloned();
    // The subject noun phrase starts after the last punctuation before "be" (a dateline's
    // dash or parenthesis included).
    let head = crate::text::get(prose, clause_start..aux_at);
    let np = head
        .rfind([',', ';', ':', '.', '(', ')', '\n', '—', '–'])
        .map(|i| i + crate::text::from(head, i).chars().next().map_or(1, char::len_utf8))
        .max(head.rfind(" - ").map(|i| i + 3))
        .unwrap_or(0);
    let tail = crate::text::from(head, np);
    let np = clause_start + np + (tail.len() - tail.trim_start().len());
    let (tspan, topic) = match named {
        Some(named) => named,
        None => keyed_topic(kb, prose, np, aux_at)?,
    };
    // "Lifting the embargo was backed by X": X opposes the embargo.
    let position = if inverted(crate::text::get(prose, np.min(tspan.start)..tspan.start)) {
        position.opposite()
    } else {
        position
    };
    let gap = crate::text::get(prose, tspan.end..aux_at);
    if gap.split_whitespace().count() > 6 || gap.contains([';', ':', '.']) {
        return None;
    }
    let who = resolved.get(si).cloned().flatten()?;
    let t = kb.topics.get(topic)?;
    Some(vec![StanceMention {
        span: trigger.start..agent.span().end,
        trigger: trigger.clone(),
        topic_span: tspan,
        topic_id: t.id.get_ref().to_string(),
        position,
        negated,
        subject_span: agent.span(),
        actors: who.actors.clone(),
        antecedent: (who.antecedent != agent.span()).then(|| who.antecedent.clone()),
        object_words: Vec::new(),
    }])
}

/// Between a verb and its object only articles, a few adjectives, adverbs and the other
/// items of a list may stand. Anything else means the topic belongs to another head:
/// "condemned the attack on X", "called for the lifting of X", "opposed efforts to
/// undermine X" are not about X itself.
fn object_reachable(prose: &str, from: usize, to: usize, topics: &[(Range<usize>, usize)]) -> bool {
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
    if in_a_list(crate::text::get(prose, from..to)) {
        return true;
    }
    let words: Vec<String> = without_frames(words.into_iter().filter(|w| !w.is_empty()).collect());
    // A name or its possessive before the topic says whose it is, not what it is:
    // "maintain Britain's military aid to Ukraine", "scaling back British military aid".
    let owner = |w: &str| {
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        bare.starts_with(|c: char| c.is_uppercase()) && bare.chars().all(char::is_alphabetic)
    };
    words.len() <= 40
        && words.iter().all(|w| {
            let lower = w.to_ascii_lowercase();
            GRAMMAR.object_words.contains(lower.as_str()) || (lower.ends_with("ly") && lower.len() > 4) || owner(w)
        })
}

/// Whether a stance word is the last word of a longer phrase that turns a stance around:
/// "back" in "scaling back aid".
fn ends_inverting_frame(prose: &str, span: &Range<usize>) -> bool {
    let before = crate::text::get(prose, span.start.saturating_sub(40)..span.start).to_ascii_lowercase();
    let written = crate::text::get(prose, span.clone()).to_ascii_lowercase();
    let before: Vec<&str> = before.split_whitespace().collect();
    GRAMMAR.inverting_frames.iter().any(|f| {
        f.len() > 1
            && f.last().is_some_and(|last| *last == written)
            && before.len() >= f.len() - 1
            && before[before.len() - (f.len() - 1)..]
                .iter()
                .zip(&f[..f.len() - 1])
                .all(|(a, b)| a == b)
    })
}

/// The words left when the phrases that pass a stance through ("calls for") are taken out.
fn without_frames(words: Vec<String>) -> Vec<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let frame = GRAMMAR
            .object_frames
            .iter()
            .chain(&GRAMMAR.inverting_frames)
            .find(|f| !f.is_empty() && lower.get(i..i + f.len()).is_some_and(|w| w == f.as_slice()));
        match frame {
            Some(f) => i += f.len(),
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Whether a phrase that turns the stance around ("lifting", "an end to") stands among
/// the words of `lead`, the text between a stance word and its topic.
fn inverted(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len()).any(|i| {
        GRAMMAR
            .inverting_frames
            .iter()
            .any(|f| !f.is_empty() && words.get(i..i + f.len()).is_some_and(|w| w == f.as_slice()))
    })
}

/// The text between a verb and a later item of its list: "opposed hegemonism, bloc
/// confrontation and " before "the democratization of …". Short items separated by
/// commas, the last joined by "and" or "or".
fn in_a_list(between: &str) -> bool {
    let t = between.trim_end();
    let Some(head) = t
        .strip_suffix(" and")
        .or_else(|| t.strip_suffix(" or"))
        .or_else(|| t.strip_suffix(" and the"))
        .map(|h| h.trim_end().trim_end_matches(','))
    else {
        return false;
    };
    let items: Vec<&str> = head.split(',').map(str::trim).collect();
    !head.trim().is_empty()
        && items.len() <= 8
        && items.iter().all(|i| {
            let n = i.split_whitespace().count();
            (1..=6).contains(&n) && !i.contains([';', ':', '.', '(', ')'])
        })
}

/// The words between a subject and its verb, if they are all auxiliaries, adverbs,
/// negations or modals; `None` when something else stands there.
fn filler_words(lexicon: &StanceLexicon, gap: &str, possessive_noun: bool) -> Option<Vec<String>> {
    if possessive_noun {
        // "China's opposition to", "South Africa's long-standing opposition to".
        let modifiers = gap.trim().trim_start_matches(['\'', '’']).trim_start_matches('s');
        let words: Vec<String> = modifiers.split_whitespace().map(str::to_ascii_lowercase).collect();
        if words.len() <= 3
            && words
                .iter()
                .all(|w| GRAMMAR.noun_modifiers.contains(w.as_str()) || (w.ends_with("ly") && w.len() > 4))
        {
            return Some(Vec::new());
        }
    }
    let gap = gap.trim_start_matches(['\'', '’']);
    // "Germany, the host, opposed": a short aside between commas, or a longer apposition
    // that opens with an article ("The Netherlands, the only NATO member to take part in
    // the negotiations, backed").
    crate::regex!(static ASIDE = r"^\s*,(?:[^,;:]{1,40}|\s*(?:the|a|an|one\s+of)\s[^,;:]{1,100}),");
    // "Both countries, which have long campaigned together …, opposed": a relative clause.
    crate::regex!(static RELATIVE_ASIDE = r"^\s*,\s*(?:which|who|whose)\s[^;:]*,");
    let gap = match gap
        .rfind(',')
        .filter(|_| !possessive_noun && RELATIVE_ASIDE.is_match(gap))
    {
        Some(i) => gap.get(i + 1..).unwrap_or(gap),
        None => gap,
    };
    let gap = match ASIDE.find(gap) {
        Some(m) if !possessive_noun && !lexicon.is_match(m.as_str()) && !REPORTING.is_match(m.as_str()) => {
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
        let ok = GRAMMAR.filler.contains(w.as_str())
            || GRAMMAR.is_negation(&w)
            || GRAMMAR.hypothetical.contains(w.as_str())
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
    // A report in a clause of its own after the statement does not govern it: "Beijing
    // opposes X, but it said …". Where the statement's clause ends is found once.
    let clause_end = super::clause::first_break(
        crate::text::get(input.prose, trigger.end..input.sentence.end),
        super::clause::Reach::Verb,
    )
    .map_or(input.sentence.end, |i| trigger.end + i);
    // "Stubb, who backs support for Ukraine, said …": a statement in a relative clause on
    // its subject is reported, after the clause, by that subject.
    let relative_on_subject = {
        let gap = crate::text::get(input.prose, subject.span().end..trigger.start).trim_start();
        gap.strip_prefix(',').is_some_and(|g| {
            let first = g.split_whitespace().next().unwrap_or("");
            ["who", "which", "that"].iter().any(|r| first.eq_ignore_ascii_case(r))
        })
    };
    REPORTING.find_iter(text).any(|m| {
        let at = input.sentence.start + m.start();
        let end = input.sentence.start + m.end();
        if at >= subject.span().start && at < trigger.start {
            return false; // the subject's own verb: "China reiterated that it opposes"
        }
        if at >= clause_end || (relative_on_subject && at >= trigger.end) {
            return false;
        }
        let according = m.as_str().to_ascii_lowercase().starts_with("according");
        // The speaker: the subject just before the verb with only filler between, or
        // (for "according to" and inverted "…, said Lavrov") the one just after it.
        let before = input.subjects.iter().rev().find(|s| s.span().end <= at).filter(|s| {
            !according && filler_words(&kb.lexicon, crate::text::get(input.prose, s.span().end..at), false).is_some()
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
        // "…, which the ministers said had produced no results": a report inside a relative
        // clause speaks of that clause's noun, not of the statement.
        let relative = crate::text::word_before(input.prose, speaker.span().start);
        if ["which", "that", "who", "whom", "whose"]
            .iter()
            .any(|r| relative.eq_ignore_ascii_case(r))
        {
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
