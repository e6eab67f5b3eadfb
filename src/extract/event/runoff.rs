//! The rounds of an election held in two: which round a date given for it speaks of ("won
//! the run-off on 1 June"), and `the 18 May runoff` with no election named, read as the
//! run-off of the one two-round election of a country the sentence names.

use super::*;
use crate::extract::words::GRAMMAR;

/// A round of an election in two rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    First,
    Runoff,
}

/// How far from the round's recorded day a date may be for the run-off (or first round)
/// of a country's election to be the one meant, when no election is named.
const ROUND_REACH_DAYS: i64 = 90;

/// The words of `words` found in `lower` (lowercase) at word boundaries, as byte ranges.
fn occurrences<'a>(lower: &'a str, words: &'a [String]) -> impl Iterator<Item = Range<usize>> + 'a {
    words.iter().flat_map(move |w| {
        lower
            .match_indices(w.as_str())
            .map(|(at, w)| at..at + w.len())
            .filter(|r| crate::text::is_word(lower, r))
    })
}

/// The one round `text` names, if it names one and not both.
pub fn named_round(text: &str) -> Option<Round> {
    let lower = text.to_ascii_lowercase();
    let runoff = occurrences(&lower, &GRAMMAR.runoff_words).next().is_some();
    let first = occurrences(&lower, &GRAMMAR.first_round_words).next().is_some();
    match (first, runoff) {
        (true, false) => Some(Round::First),
        (false, true) => Some(Round::Runoff),
        _ => None,
    }
}

/// The day a round of `e` was held, when `e` is an election in two rounds.
pub fn round_day(e: &crate::kb::model::Event, round: Round) -> Option<NaiveDate> {
    if !e.runoff {
        return None;
    }
    match round {
        Round::First => Some(e.start),
        Round::Runoff => e.end,
    }
}

/// Whether a round word at `r` in `lower` is an election's: "runoff" always is; "first
/// round" and "second round" unless another noun's rounds follow ("the first round of
/// talks"): "the second round of voting", "led the first round on 9 October".
fn of_an_election(lower: &str, r: &Range<usize>) -> bool {
    let word = crate::text::get(lower, r.clone());
    if word.starts_with("run") {
        return true;
    }
    let mut after = crate::text::from(lower, r.end)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if after.next() != Some("of") {
        return true;
    }
    // "of voting", "of the presidential election", "of the vote".
    after.take(3).any(|w| GRAMMAR.voting_nouns.contains(w))
}

/// "the 18 May runoff", "won the run-off on 1 June", "the second round of voting on 7
/// July": the round of the one two-round election the sentence names, or else of the one
/// such election of a country it names held near the date given.
pub(super) fn unnamed_round(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit]) -> Option<EventMention> {
    let text = crate::text::get(cx.prose, sentence.clone());
    let lower = text.to_ascii_lowercase();
    let (round, r) = occurrences(&lower, &GRAMMAR.runoff_words)
        .map(|r| (Round::Runoff, r))
        .chain(occurrences(&lower, &GRAMMAR.first_round_words).map(|r| (Round::First, r)))
        .filter(|(_, r)| of_an_election(&lower, r))
        .min_by_key(|(_, r)| r.start)?;
    let span = sentence.start + r.start..sentence.start + r.end;
    if hits.iter().any(|h| h.span.start < span.end && span.start < h.span.end) {
        return None;
    }
    let date = date_before(cx, sentence, &span).or_else(|| attached_date(cx.prose, &span, sentence, cx.dates))?;
    // A weekday alone ("Sunday's run-off") may be either side of the draft's date.
    let d = cx.dates.get(date).filter(|d| !d.relative)?;
    let when = d.start?;
    // A year not written may be the one either side of the year inferred.
    let years: &[i32] = if d.year_written { &[0] } else { &[-1, 0, 1] };
    // "the presidential run-off": the kind of election, when the text says it.
    let kind = crate::text::word_before(&lower, r.start);
    let kind = ["presidential", "legislative", "parliamentary", "general"]
        .into_iter()
        .find(|k| kind == *k);
    // An election named in the sentence; else the countries it names, and their people's.
    let named: Vec<usize> = hits
        .iter()
        .flat_map(|h| &h.surfaces)
        .filter_map(|s| match *s {
            Surface::Event(e) => Some(e),
            _ => None,
        })
        .filter(|&e| cx.kb.events.get(e).is_some_and(|e| e.runoff))
        .collect();
    let countries: Vec<&str> = hits
        .iter()
        .flat_map(|h| &h.surfaces)
        .filter_map(|s| match *s {
            Surface::Country { country, .. } => cx.kb.countries.get(country).map(|c| c.id.get_ref().as_ref()),
            Surface::Person { person, .. } => cx.kb.people.get(person)?.country.as_deref(),
            _ => None,
        })
        .collect();
    // The countries must be one: "the 19 October runoff" in a story of Bolivia and Chile
    // may be either's.
    let country = match countries.split_first() {
        Some((first, rest)) if rest.iter().all(|c| c == first) => Some(*first),
        _ => None,
    };
    let near = |e: &crate::kb::model::Event| {
        round_day(e, round).is_some_and(|day| {
            years.iter().any(|&k| {
                when.with_year(when.year() + k)
                    .is_some_and(|w| (day - w).num_days().abs() <= ROUND_REACH_DAYS)
            })
        })
    };
    let mut found = cx.kb.events.iter().enumerate().filter(|(i, e)| {
        near(e)
            && kind.is_none_or(|k| e.name.to_ascii_lowercase().contains(k))
            && if named.is_empty() {
                country.is_some() && e.country.as_deref() == country
            } else {
                named.contains(i)
            }
    });
    let (Some((event, _)), None) = (found.next(), found.next()) else {
        return None;
    };
    let m = EventMention {
        span,
        event: Some(event),
        event_id: None,
        series: None,
        ordinal: None,
        place: None,
        date: Some(date),
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: true,
    };
    Some(finish(cx, sentence, m))
}

/// "the 18 May runoff", "the 18 May presidential run-off": a date right before the round,
/// with at most words of voting between.
fn date_before(cx: &Context<'_>, sentence: &Range<usize>, span: &Range<usize>) -> Option<usize> {
    let i = cx.dates.partition_point(|d| d.span.end <= span.start).checked_sub(1)?;
    let d = cx
        .dates
        .get(i)
        .filter(|d| d.span.start >= sentence.start && d.is_day())?;
    let gap = crate::text::get(cx.prose, d.span.end..span.start).to_ascii_lowercase();
    gap.split_whitespace()
        .all(|w| GRAMMAR.voting_nouns.contains(w))
        .then_some(i)
}
