//! Leaders who gather: "G20 leaders met in New Delhi on 9-10 September", "Leaders of the
//! G7 met on 8-9 June in La Malbaie", "world leaders gathered in Bürgenstock on 15-16 June
//! for the peace summit". The day they gathered is the meeting's own, so a date tied to the
//! gathering is the mention's to compare. The subject must be the leaders: "Xi met Biden on
//! 14 November" at a summit is a meeting of its own, often on another day.

use std::ops::Range;

use super::{Context, EventMention, in_series};
use crate::extract::tense::Tense;
use crate::extract::words::GRAMMAR;
use crate::kb::surface::Hit;

/// Words between the leaders and the verb of their gathering: "will", "are due to".
const AUXILIARIES: &[&str] = &[
    "will", "would", "are", "were", "is", "was", "have", "has", "had", "due", "set", "expected", "to", "also", "then",
    "again", "be", "all", "first", "last", "once",
];

/// Words that may follow the verb before the gathering's place and date: it is intransitive
/// ("met in Rome", not "met Biden in Rome").
const AFTER_VERB: &[&str] = &["in", "at", "on", "from", "between", "for", "over", "this", "last"];

/// Words that may stand between the gathering's verb and its date: prepositions and the
/// place's name ("in New Delhi on", "at the Fairmont Le Manoir Richelieu in La Malbaie on").
const PLACE_WORDS: &[&str] = &[
    "in", "at", "on", "from", "between", "the", "of", "city", "capital", "resort",
];

/// Words between a gathering's date and a summit named after it: "for the annual", ", the
/// first".
const LEAD_IN: &[&str] = &[
    "the",
    "their",
    "a",
    "an",
    "annual",
    "first",
    "second",
    "third",
    "latest",
    "two-day",
    "three-day",
    "its",
];

fn lowercase_word(w: &str) -> String {
    w.trim_matches(|c: char| c == ',' || c == '(' || c == ')')
        .to_ascii_lowercase()
}

/// `text` without a first word of `words` (case ignored), or None.
fn strip_phrase<'a>(text: &'a str, phrases: &[String]) -> Option<&'a str> {
    let t = text.trim_start();
    phrases.iter().find_map(|p| {
        let head = t.get(..p.len())?;
        let rest = t.get(p.len()..)?;
        (head.eq_ignore_ascii_case(p) && (rest.is_empty() || rest.starts_with(char::is_whitespace))).then_some(rest)
    })
}

/// Whether `text` ends with a gathering's subject ("world leaders", "the leaders of").
fn ends_with_subject(text: &str) -> bool {
    let t = text.trim_end().to_ascii_lowercase();
    GRAMMAR.gathering_subjects.iter().any(|s| {
        t.strip_suffix(s.as_str())
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// The rest of `gap`, the text after a mention, once past a gathering its leaders hold:
/// " leaders met in New Delhi on " → " in New Delhi on ". The subject stands in the gap
/// ("G20 leaders met") or around the mention, in `before` ("Leaders of the G20 met").
pub(super) fn after_gathering<'a>(before: &str, gap: &'a str) -> Option<&'a str> {
    gathering(before, gap).map(|(rest, _)| rest)
}

/// As `after_gathering`, with the tense of the gathering's verb: "met" is past, "will meet"
/// to come, "meet" (often what is scheduled) neither.
fn gathering<'a>(before: &str, gap: &'a str) -> Option<(&'a str, Tense)> {
    let before = before.trim_end();
    let owned = ["of", "of the"].iter().any(|of| {
        crate::text::ends_with_ignore_case(before, of)
            && before.get(..before.len() - of.len()).is_some_and(ends_with_subject)
    });
    let rest = match strip_phrase(gap, &GRAMMAR.gathering_subjects) {
        Some(rest) => rest,
        None if owned => gap,
        None => return None,
    };
    let mut rest = rest.trim_start();
    let mut to_come = false;
    loop {
        let (word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let word = word.to_ascii_lowercase();
        if AUXILIARIES.contains(&word.as_str()) {
            to_come |= matches!(word.as_str(), "will" | "due" | "set" | "expected" | "to");
            rest = tail.trim_start();
            continue;
        }
        if !GRAMMAR.gathering_verbs.contains(&word) {
            return None;
        }
        let next = tail.split_whitespace().next().map(lowercase_word);
        let tense = if to_come {
            Tense::Future
        } else if word.ends_with("ed") || word == "met" {
            Tense::Past
        } else {
            Tense::Unknown
        };
        return (next.is_none() || next.is_some_and(|n| AFTER_VERB.contains(&n.as_str()))).then_some((tail, tense));
    }
}

/// "G20 leaders met in New Delhi", "Leaders of the G7 met on 8-9 June": the leaders of an
/// organisation named in the sentence gather, for a meeting of its summits.
pub(super) fn of_organisation(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    hits: &[Hit],
    i: usize,
) -> Option<EventMention> {
    let hit = hits.get(i)?;
    let series = cx.series_of(hit)?;
    let before = crate::text::get(cx.prose, sentence.start..hit.span.start);
    let after = crate::text::get(cx.prose, hit.span.end..sentence.end);
    let (_, tense) = gathering(before, after)?;
    let mut m = in_series(cx, sentence, hits, i, series);
    // The gathering's verb tells the tense, not a participle later on ("meet in
    // Johannesburg on Saturday for the first G20 summit held on African soil").
    m.tense = tense;
    Some(m)
}

/// Whether the text before a date, `before`, ends in a gathering of leaders with only its
/// place between the verb and the date: "World leaders gathered in New Delhi on", "The
/// leaders of Canada, the United States, Britain, France, Germany, Italy and Japan met on".
pub(super) fn gathered_before(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut end = words.len();
    let place_word = |w: &str| {
        let lower = lowercase_word(w);
        PLACE_WORDS.contains(&lower.as_str()) || w.starts_with(char::is_uppercase)
    };
    while end > 0 && words.get(end - 1).is_some_and(|w| place_word(w)) {
        end -= 1;
    }
    // The verb, with nothing after it but the place.
    let Some(verb) = end.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    if !GRAMMAR.gathering_verbs.contains(&lowercase_word(verb)) || verb.ends_with(',') {
        return false;
    }
    end -= 1;
    while end > 0
        && words
            .get(end - 1)
            .is_some_and(|w| AUXILIARIES.contains(&lowercase_word(w).as_str()))
    {
        end -= 1;
    }
    let subject = words.get(..end).unwrap_or_default().join(" ");
    if ends_with_subject(&subject) {
        return true;
    }
    // "the leaders of Canada, the United States … and Japan": a list of names after "of".
    while end > 0
        && words.get(end - 1).is_some_and(|w| {
            let lower = lowercase_word(w);
            w.starts_with(char::is_uppercase) || lower == "the" || lower == "and"
        })
    {
        end -= 1;
    }
    end > 0
        && words.get(end - 1).is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && ends_with_subject(&words.get(..end - 1).unwrap_or_default().join(" "))
}

/// Whether `gap`, between a gathering's date and a mention after it, leads into the mention
/// as the gathering's purpose or its apposition: " for the annual ", " in La Malbaie, the
/// first ".
pub(super) fn leads_in(gap: &str) -> bool {
    // The purpose ("for") or the apposition (",") that comes last.
    let cut = match (gap.rfind(','), gap.rfind(" for ")) {
        (Some(c), Some(f)) if f > c => Some((f, f + 5)),
        (Some(c), _) => Some((c, c + 1)),
        (None, Some(f)) => Some((f, f + 5)),
        (None, None) => None,
    };
    let Some((place, lead)) = cut.and_then(|(a, b)| Some((gap.get(..a)?, gap.get(b..)?))) else {
        return false;
    };
    let place_ok = place
        .split_whitespace()
        .all(|w| PLACE_WORDS.contains(&lowercase_word(w).as_str()) || w.starts_with(char::is_uppercase));
    place_ok
        && lead
            .split_whitespace()
            .all(|w| LEAD_IN.contains(&lowercase_word(w).as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_stands_before_the_verb_or_around_the_mention() {
        assert_eq!(
            after_gathering("", " leaders met in New Delhi on "),
            Some("in New Delhi on ")
        );
        assert_eq!(
            after_gathering("Leaders of the ", " met in Rome on "),
            Some("in Rome on ")
        );
        assert_eq!(after_gathering("", " leaders will meet in Rio on "), Some("in Rio on "));
        // Someone else met: the date is their meeting's.
        assert_eq!(after_gathering("", ", Xi met Biden on "), None);
        assert_eq!(after_gathering("At the ", " summit leaders met Biden on "), None);
        assert_eq!(after_gathering("", " met in Rome on "), None);
    }

    #[test]
    fn a_gathering_before_a_date_needs_leaders_as_its_subject() {
        assert!(gathered_before("World leaders gathered in New Delhi on "));
        assert!(gathered_before(
            "The leaders of Canada, the United States, Britain, France, Germany, Italy and Japan met on "
        ));
        assert!(gathered_before(
            "Heads of state and government will meet at the Fairmont in La Malbaie on "
        ));
        assert!(!gathered_before("Modi met Biden in New Delhi on "));
        assert!(!gathered_before("Leaders met with protesters in New Delhi on "));
    }

    #[test]
    fn the_purpose_or_an_apposition_leads_into_the_mention() {
        assert!(leads_in(" for the annual "));
        assert!(leads_in(
            " at the Fairmont Le Manoir Richelieu in La Malbaie, the first "
        ));
        assert!(!leads_in(", a week before the "));
        assert!(!leads_in(" and flew home after the "));
    }
}
