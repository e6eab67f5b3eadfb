//! Meetings named by their series: `the 15th BRICS summit`, `the Johannesburg summit`,
//! `the summit` read from the context, `the bloc's summit`.

use super::*;

/// "the 15th summit of the BRICS group", "the 37th ordinary session of the African Union":
/// a numbered meeting of an organisation named after it, read as a meeting of the
/// organisation's series.
pub(super) fn numbered_session_of(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    hits: &[Hit],
    i: usize,
) -> Option<EventMention> {
    let hit = hits.get(i)?;
    let series = cx.series_of(hit)?;
    // "the 23rd meeting of the Shanghai Cooperation Organisation's Council of Heads of
    // Government": a body of the organisation, with meetings numbered of its own.
    if crate::text::possessive_len(cx.prose, &hit.span) > 0 {
        return None;
    }
    let prev_end = i
        .checked_sub(1)
        .and_then(|p| hits.get(p))
        .map_or(sentence.start, |p| p.span.end.max(sentence.start));
    ordinal_before(cx.prose, prev_end, hit.span.start)?;
    let before = crate::text::get(cx.prose, prev_end..hit.span.start);
    session_of(before.strip_suffix("the ").unwrap_or(before))?;
    Some(in_series(cx, sentence, hits, i, series))
}

/// "The Hangzhou summit": a known city followed by "summit" (or "meeting", "conference")
/// names the event held there nearest the date the text gives, or the draft's date.
/// Whether copy calls the event a summit: its name or its series' does not make it a forum,
/// a dialogue or a conference ("the New Delhi summit" is no Raisina Dialogue).
pub(super) fn called_summit(kb: &Kb, e: &crate::kb::model::Event) -> bool {
    let mut other = false;
    for n in event_and_series_names(kb, e) {
        let n = n.to_ascii_lowercase();
        if n.contains("summit") {
            return true;
        }
        other |= ["forum", "dialogue", "conference"].iter().any(|w| n.contains(w));
    }
    !other
}

/// Whether copy calls the event a conference: its name or its series' says so ("the Bonn
/// conference" is no summit held in Bonn, "the Brussels conference" no EU summit).
fn called_conference(kb: &Kb, e: &crate::kb::model::Event) -> bool {
    event_and_series_names(kb, e).any(|n| n.to_ascii_lowercase().contains("conference"))
}

/// The event's name and its series' names.
fn event_and_series_names<'k>(kb: &'k Kb, e: &'k crate::kb::model::Event) -> impl Iterator<Item = &'k str> {
    let series = e.series.as_deref().and_then(|id| kb.series.get(kb.series_index(id)?));
    std::iter::once(&e.name)
        .chain(series.into_iter().flat_map(|s| s.names.iter()))
        .map(|n| n.as_ref())
}

/// What a city's event is called in copy: "the Hangzhou summit", "the Bonn conference", or
/// "meeting" and "talks", which fit any gathering.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CalledBy {
    Summit,
    Conference,
    Any,
}

impl CalledBy {
    fn of(head: &str) -> CalledBy {
        match head.to_ascii_lowercase().as_str() {
            "summit" => CalledBy::Summit,
            "conference" => CalledBy::Conference,
            _ => CalledBy::Any,
        }
    }
}

/// Whether `e` is a gathering held in `city` that copy would call as `noun` says. Meetings
/// are told apart by who met (see `meeting`), not by the city alone; "the Chequers talks"
/// are no agreement signed there, nor an election.
fn held_in(kb: &Kb, e: &crate::kb::model::Event, city: &str, noun: CalledBy) -> bool {
    e.kind.as_deref() != Some("visit")
        && !e.is_meeting()
        && !e.is_agreement()
        && !e.is_election()
        && e.place.as_deref().is_some_and(|p| same_city(p, city))
        && match noun {
            CalledBy::Summit => called_summit(kb, e),
            CalledBy::Conference => called_conference(kb, e),
            CalledBy::Any => true,
        }
}

pub(super) fn at_place(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize) -> Option<EventMention> {
    crate::regex!(static NOUN = r"^\s+(?:summit|meeting|conference|talks)(?-u:\b)");
    let hit = &hits[i];
    let noun = NOUN.find(crate::text::from(cx.prose, hit.span.end))?;
    let called = CalledBy::of(noun.as_str().trim_start());
    let span = hit.span.start..hit.span.end + noun.end();
    let Some(Place::City(city)) = place_of(cx.kb, hit) else {
        return None;
    };
    let date = attached_date(cx.prose, &span, sentence, cx.dates);
    let when = date
        .and_then(|d| cx.dates.get(d))
        .and_then(|d| d.start)
        .unwrap_or(cx.as_of);
    // "the 2023 Johannesburg summit": the year written before the city is the meeting's.
    let prev_end = i
        .checked_sub(1)
        .map_or(sentence.start, |p| hits[p].span.end.max(sentence.start));
    let year = YEAR_BEFORE
        .captures(crate::text::get(cx.prose, prev_end..hit.span.start))
        .and_then(|c| c.get(1)?.as_str().parse::<i32>().ok());
    let in_year = |e: &crate::kb::model::Event| year.is_none_or(|y| e.start.year() == y);
    // "Commonwealth leaders … since the Kigali summit": the one meeting of the series the
    // story is about held in that city, whenever it was; else the meeting held there
    // within a year of the date given.
    let in_context = cx
        .series_here
        .iter()
        .map(|&(_, series)| series)
        .chain(cx.recent_series)
        .find_map(|series| {
            let mut there = cx
                .kb
                .series_events(series)
                .filter(|(_, e)| e.place.as_deref().is_some_and(|p| same_city(p, &city)) && in_year(e));
            match (there.next(), there.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        });
    let nearest = || {
        let lo = cx.dates.partition_point(|d| d.span.start < sentence.start);
        let hi = cx.dates.partition_point(|d| d.span.start < sentence.end).max(lo);
        let days_in_sentence: Vec<NaiveDate> = cx.dates[lo..hi]
            .iter()
            .filter(|d| d.is_day())
            .filter_map(|d| d.start)
            .collect();
        cx.kb
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| held_in(cx.kb, e, &city, called) && in_year(e))
            // "adopted on 9 September 2023, on the first day of the New Delhi summit": a
            // meeting there on a day the sentence gives is the one meant.
            .map(|(i, e)| {
                (
                    i,
                    distance(e, when),
                    !days_in_sentence.iter().any(|&d| distance(e, d) == 0),
                )
            })
            .filter(|&(_, d, elsewhere)| d <= 366 || year.is_some() || !elsewhere)
            .min_by_key(|&(_, d, elsewhere)| (elsewhere, d))
            .map(|(i, _, _)| i)
    };
    let event = in_context.or_else(nearest)?;
    let series = cx
        .kb
        .events
        .get(event)
        .and_then(|e| e.series.as_ref())
        .and_then(|s| cx.kb.series_index(s));
    let m = EventMention {
        span,
        event: Some(event),
        event_id: None,
        series,
        ordinal: None,
        place: None,
        date,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: false,
    };
    Some(finish(cx, sentence, m))
}

/// "The summit" refers back: to the last known event named just before, or to the meeting
/// of the last organisation named nearest the date the text gives or the draft's date.
/// "… 37th ordinary session of ": the text before "of" when a session of a body's regular
/// series stands between an ordinal and the body's name. Extraordinary sessions are numbered
/// apart and are not read.
pub(super) fn session_of(before: &str) -> Option<&str> {
    let rest = before.trim_end().strip_suffix(" of")?.trim_end();
    let (rest, noun) = rest.rsplit_once(char::is_whitespace)?;
    if !matches!(
        noun.to_ascii_lowercase().as_str(),
        "session" | "summit" | "meeting" | "edition" | "conference"
    ) {
        return None;
    }
    let rest = rest.trim_end();
    let rest = ["ordinary", "regular", "annual"]
        .iter()
        .find_map(|a| {
            let (r, w) = rest.rsplit_once(char::is_whitespace)?;
            w.eq_ignore_ascii_case(a).then_some(r)
        })
        .unwrap_or(rest);
    // The ordinal patterns read a space after the ordinal.
    let space = crate::text::from(before, rest.len()).chars().next()?;
    before.get(..rest.len() + space.len_utf8())
}

pub(super) fn the_summit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], out: &mut Vec<EventMention>) {
    // "the summit", "the bloc's 23rd summit", "the Economic Leaders' Meeting": a meeting of
    // the organisation named last, identified by the ordinal, date or place given with it.
    crate::scanner!(static THE_SUMMIT = r"(?-u:\b)(?:[Tt]he\s+|(?P<when>(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:year|week|month|weekend)|(?:[Ll]ast\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|[Yy]esterday|[Tt]oday|[Tt]omorrow)['’]s\s+))(?P<owner>(?:bloc|group|grouping|alliance|organisation|organization)['’]s\s+)?(?P<word>[0-9A-Za-z-]+\s+)?(?:(?:(?:one|two|three|four|five|\d)-day|annual|recent|latest|landmark|high-level|extraordinary|emergency|virtual)\s+)?(?P<head>summit|[Ll]eaders['’]\s+(?:[Ss]ummit|[Mm]eeting)|Economic\s+Leaders['’]\s+Meeting)(?-u:\b)");
    let text = crate::text::get(cx.prose, sentence.clone());
    for c in THE_SUMMIT.captures_iter(text) {
        let (Some(m), Some(head)) = (c.get(0), c.name("head")) else {
            continue;
        };
        // "last year's summit": the mention starts after the date, which is attached to it.
        let from = c.name("when").map_or(m.start(), |w| w.end());
        let span = sentence.start + from..sentence.start + m.end();
        if hits
            .iter()
            .any(|h| h.span.start < span.end + 2 && span.start < h.span.end + 2)
        {
            continue; // part of a named event ("the summit of BRICS leaders")
        }
        let head_start = sentence.start + head.start();
        let date = attached_date(cx.prose, &span, sentence, cx.dates);
        let first_after = hits.partition_point(|h| h.span.start < span.end);
        let place = attached_place_after(cx, hits, first_after, span.end, sentence);
        // "the first summit held in Africa" describes; a small ordinal in words numbers
        // nothing unless a place pins it.
        let ordinal = ordinal_before(cx.prose, span.start, head_start).filter(|(n, r)| {
            place.is_some() || *n > 3 || crate::text::get(cx.prose, r.clone()).starts_with(|c: char| c.is_ascii_digit())
        });
        // A word before the head other than an ordinal ("the next summit", "the Bali
        // summit") names some other meeting.
        let describes = c.name("word").is_some_and(|w| {
            let w = w.as_str().trim_end().to_ascii_lowercase();
            !(w.ends_with("-day")
                || [
                    "annual",
                    "recent",
                    "latest",
                    "landmark",
                    "high-level",
                    "extraordinary",
                    "emergency",
                    "virtual",
                    "economic",
                ]
                .contains(&w.as_str()))
        });
        // "the 2018 summit in Johannesburg": a year names the meeting of that year.
        let year = c
            .name("word")
            .and_then(|w| w.as_str().trim_end().parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y));
        let named_before = cx
            .series_here
            .iter()
            .rev()
            .find(|(at, _)| *at < span.start)
            .map(|&(_, series)| series);
        let Some(series) = named_before.or(cx.recent_series) else {
            // "The peace summit held at the Bürgenstock resort on 15-16 June": no organisation
            // named, the one meeting the record holds at that place about then. A word of
            // kind ("peace", "climate") may stand before the head, not one of sequence.
            let sequence = c.name("word").is_some_and(|w| {
                let w = w.as_str().trim_end();
                w.starts_with(char::is_uppercase) || SEQUENCE_WORDS.contains(&w.to_ascii_lowercase().as_str())
            });
            if !sequence
                && ordinal.is_none()
                && year.is_none()
                && let Some(m) = held_there(cx, sentence, span, date, place.clone(), head.as_str())
            {
                out.push(m);
            }
            continue;
        };
        if describes && ordinal.is_none() && year.is_none() {
            continue;
        }
        let owned = named_before.is_some() || c.name("owner").is_some();
        let given = Given {
            date,
            year,
            ordinal: ordinal.as_ref(),
            place: place.as_ref(),
            owned,
        };
        let event = pick_in_series(cx, sentence, &span, series, given);
        let Some(event) = event else { continue };
        // "the bloc's summit in Buenos Aires", the bloc named in the sentence: the place
        // pins the meeting as its name would.
        let pinned = owned && place.as_ref().is_some_and(|(p, _)| place_matches(cx.kb, event, p));
        let mention = EventMention {
            span,
            event: Some(event),
            event_id: None,
            series: Some(series),
            ordinal,
            place,
            date,
            lead_date: None,
            tense: Tense::Unknown,
            anaphoric: !pinned,
        };
        out.push(finish(cx, sentence, mention));
    }
}

/// Words before "summit" that pick one of a sequence of meetings ("the next summit").
const SEQUENCE_WORDS: &[&str] = &[
    "next",
    "last",
    "previous",
    "upcoming",
    "following",
    "coming",
    "first",
    "final",
    "inaugural",
    "second",
    "third",
    "same",
    "other",
];

/// How near the date given a meeting held at the place given must be, with no other held
/// there within a year, to be the one "the summit held in …" means.
const HELD_THERE_REACH_DAYS: i64 = 31;

/// "the summit held at Bürgenstock on 16-17 June": the one summit or conference the record
/// holds at that place within a month of the date given, none other there within a year.
fn held_there(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    span: Range<usize>,
    date: Option<usize>,
    place: Option<(Place, Range<usize>)>,
    head: &str,
) -> Option<EventMention> {
    let (Place::City(city), _) = place.as_ref()? else {
        return None;
    };
    let when = cx.dates.get(date?)?.start?;
    let called = CalledBy::of(head);
    let mut near = cx
        .kb
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| held_in(cx.kb, e, city, called) && distance(e, when) <= 366);
    let (Some((event, e)), None) = (near.next(), near.next()) else {
        return None;
    };
    if distance(e, when) > HELD_THERE_REACH_DAYS {
        return None;
    }
    let m = EventMention {
        span,
        event: Some(event),
        event_id: None,
        series: None,
        ordinal: None,
        place,
        date,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: true,
    };
    Some(finish(cx, sentence, m))
}

/// What a mention of a series' meeting gives to tell which one: the date, ordinal and
/// place written with it, and whether the series is named right there (`owned`).
struct Given<'a> {
    date: Option<usize>,
    year: Option<i32>,
    ordinal: Option<&'a (u32, Range<usize>)>,
    place: Option<&'a (Place, Range<usize>)>,
    owned: bool,
}

/// How far from a date counted from the draft's a meeting may be to be the one it dates.
const RELATIVE_REACH_DAYS: i64 = 7;

/// Which meeting of `series` a mention means ("the summit", "last year's summit", "NATO's
/// summit"): the one its ordinal numbers when the series is named right there (`owned`),
/// else the one nearest the date written with it, when no other year could be meant.
fn pick_in_series(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    span: &Range<usize>,
    series: usize,
    given: Given<'_>,
) -> Option<usize> {
    let Given {
        date,
        year,
        ordinal,
        place,
        owned,
    } = given;
    let members = || cx.kb.series_events(series);
    // "Trump met Kim at the 2018 summit in Singapore", with G7 leaders in the paragraph
    // before: a place the series never met in means another meeting, unless a day given
    // falls within one of the series' meetings.
    let foreign_place = place.is_some_and(|(p, _)| !members().any(|(i, _)| place_matches(cx.kb, i, p)));
    let written = date.and_then(|d| cx.dates.get(d));
    let when = written.and_then(|d| d.start);
    // The days the date covers ("in 2005" is the whole year), moved by `shift` years:
    // the meeting nearest them, within two months.
    let length = written
        .and_then(|d| Some((d.end? - d.start?).num_days()))
        .unwrap_or(0)
        .max(0)
        .unsigned_abs();
    let nearest = |day: NaiveDate| {
        let last = day + chrono::Days::new(length);
        members()
            .map(|(i, e)| {
                let end = e.end.unwrap_or(e.start);
                let gap = if end < day || e.start > last {
                    distance(e, day).min(distance(e, last))
                } else {
                    0
                };
                (i, gap)
            })
            .filter(|(_, d)| *d <= 60)
            .min_by_key(|(_, d)| *d)
    };
    // The ordinal numbers a meeting only of an organisation named in this sentence or
    // referred to right there ("the bloc's 23rd summit").
    if let (Some((n, _)), true) = (ordinal, owned) {
        members().find(|(_, e)| e.ordinal == Some(*n)).map(|(i, _)| i)
    } else if let Some(year) = year {
        if foreign_place {
            return None;
        }
        let mut that_year = members().filter(|(_, e)| e.start.year() == year);
        match (that_year.next(), that_year.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    } else if let Some(when) = when {
        // A date written without its year could be a year either side: a meeting of
        // the series nearer that day then makes it ambiguous.
        let (picked, gap) = nearest(when).unzip();
        // "will host the summit in November": a meeting already past is not the one meant.
        let tense = tense::around(
            crate::text::get(cx.prose, sentence.start..span.start),
            crate::text::get(cx.prose, span.end..sentence.end),
        );
        let past = |i: usize| cx.kb.events.get(i).is_some_and(|e| e.end.unwrap_or(e.start) < cx.as_of);
        // A meeting a year either side competes only if it fits what else the sentence
        // says: the place given with it, and the tense ("attended" a meeting still ahead
        // is not meant).
        let could_be = |i: usize| {
            place.is_none_or(|(p, _)| place_matches(cx.kb, i, p))
                && match tense {
                    Tense::Past => cx.kb.events.get(i).is_some_and(|e| e.start <= cx.as_of),
                    Tense::Future => !past(i),
                    _ => true,
                }
        };
        let shifted = |k: i32| {
            when.with_year(when.year() + k)
                .and_then(nearest)
                .filter(|&(i, _)| could_be(i))
                .map(|(_, d)| d)
        };
        // A month has no day to be nearer by: any meeting a year off is as likely.
        let by_day = written.is_some_and(|d| d.is_day());
        // A date counted from the draft's ("last year's summit", "at the weekend") has its
        // year, but a meeting more than a week from it may be another one the record lacks.
        let ambiguous = written.is_some_and(|d| {
            if d.relative {
                gap.is_some_and(|g| g > RELATIVE_REACH_DAYS)
            } else {
                !d.year_written
                    && [-1, 1]
                        .iter()
                        .any(|&k| shifted(k).is_some_and(|d| !by_day || gap.is_some_and(|g| d < g)))
            }
        });
        // An ordinal given that is not the meeting's own says another series is meant.
        let numbered_elsewhere = |i: usize| {
            ordinal
                .as_ref()
                .is_some_and(|(n, _)| cx.kb.events.get(i).is_some_and(|e| e.ordinal != Some(*n)))
        };
        let future = tense == Tense::Future;
        let unpinned = foreign_place && gap != Some(0);
        picked.filter(|&i| !(ambiguous || unpinned || numbered_elsewhere(i) || future && past(i)))
    } else if let Some((place, _)) = place {
        // "the summit in Vilnius": the one meeting of the series held there.
        let mut there = members().filter(|&(i, _)| place_matches(cx.kb, i, place));
        match (there.next(), there.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    } else {
        None
    }
}

/// "the Arab League's 32nd summit", "ASEAN's 46th summit": a meeting numbered by the
/// organisation named right before it, in the possessive.
pub(super) fn owned_summit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], out: &mut Vec<EventMention>) {
    crate::scanner!(static NUMBERED = r"^\s+(?P<ord>[0-9]{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?)\s+(?:(?:annual|ordinary|regular)\s+)?summit(?-u:\b)");
    for hit in hits {
        let Some(series) = cx.series_of(hit) else {
            continue;
        };
        let owned = crate::text::possessive_len(cx.prose, &hit.span);
        if owned == 0 {
            continue;
        }
        let after = hit.span.end + owned;
        let Some(c) = NUMBERED.captures(crate::text::from(cx.prose, after)) else {
            plain_owned_summit(cx, sentence, hits, series, hit.span.start, after, out);
            continue;
        };
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        let word = ord.as_str().to_ascii_lowercase();
        let n = crate::extract::ordinal::value(&word);
        // A small ordinal in words ("its first summit in Africa") describes; a word that
        // is no ordinal ("NATO's annual summit") numbers nothing.
        let Some(n) = n.filter(|&n| n > 3 || word.starts_with(|c: char| c.is_ascii_digit())) else {
            if n.is_none() {
                plain_owned_summit(cx, sentence, hits, series, hit.span.start, after, out);
            }
            continue;
        };
        let span = hit.span.start..after + m.end();
        if span.end > sentence.end {
            continue;
        }
        let ord_span = after + ord.start()..after + ord.end();
        let event = cx
            .kb
            .series_events(series)
            .find(|(_, e)| e.ordinal == Some(n))
            .map(|(i, _)| i);
        let first_after = hits.partition_point(|h| h.span.start < span.end);
        let mention = EventMention {
            place: attached_place_after(cx, hits, first_after, span.end, sentence),
            date: attached_date(cx.prose, &span, sentence, cx.dates),
            span,
            event,
            event_id: None,
            series: Some(series),
            ordinal: Some((n, ord_span)),
            lead_date: None,
            tense: Tense::Unknown,
            anaphoric: false,
        };
        out.push(finish(cx, sentence, mention));
    }
}

/// "NATO's summit in The Hague", "ASEAN's latest summit": a meeting of the organisation
/// named right before it in the possessive, without an ordinal, told by the date or place
/// given with it.
fn plain_owned_summit(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    hits: &[Hit],
    series: usize,
    start: usize,
    after: usize,
    out: &mut Vec<EventMention>,
) {
    crate::regex!(static PLAIN = r"^\s+(?:(?:annual|latest|recent|next|upcoming|extraordinary|emergency|virtual)\s+)?summit(?-u:\b)");
    let Some(m) = PLAIN.find(crate::text::from(cx.prose, after)) else {
        return;
    };
    let span = start..after + m.end();
    if span.end > sentence.end {
        return;
    }
    let first_after = hits.partition_point(|h| h.span.start < span.end);
    let place = attached_place_after(cx, hits, first_after, span.end, sentence);
    let date = attached_date(cx.prose, &span, sentence, cx.dates);
    let Some(event) = pick_in_series(
        cx,
        sentence,
        &span,
        series,
        Given {
            date,
            year: None,
            ordinal: None,
            place: place.as_ref(),
            owned: true,
        },
    ) else {
        return;
    };
    // "CELAC's summit in Buenos Aires" names its meeting as fully as "the CELAC summit in
    // Buenos Aires"; without the place, it is told only by the date given.
    let pinned = place.as_ref().is_some_and(|(p, _)| place_matches(cx.kb, event, p));
    let mention = EventMention {
        place,
        date,
        span,
        event: Some(event),
        event_id: None,
        series: Some(series),
        ordinal: None,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: !pinned,
    };
    out.push(finish(cx, sentence, mention));
}

/// Days between a day and an event (0 inside it).
pub(in crate::extract) fn distance(e: &crate::kb::model::Event, day: NaiveDate) -> i64 {
    let end = e.end.unwrap_or(e.start);
    if day < e.start {
        (e.start - day).num_days()
    } else if day > end {
        (day - end).num_days()
    } else {
        0
    }
}

pub(super) fn in_series(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    hits: &[Hit],
    i: usize,
    series: usize,
) -> EventMention {
    let hit = &hits[i];
    let prev_end = if i > 0 {
        hits[i - 1].span.end.max(sentence.start)
    } else {
        sentence.start
    };
    let mut ordinal = ordinal_before(cx.prose, prev_end, hit.span.start);
    let place = attached_place(cx, hits, i, sentence);
    // "the first G20 summit held on African soil", "the second summit in a row": a small
    // ordinal in words describes rather than numbers, unless a place pins it.
    let small_word = ordinal.as_ref().is_some_and(|(n, r)| {
        *n <= 3 && !crate::text::get(cx.prose, r.clone()).starts_with(|c: char| c.is_ascii_digit())
    });
    if small_word && (place.is_none() || describes(crate::text::from(cx.prose, hit.span.end))) {
        ordinal = None;
    }
    let mut span = hit.span.clone();
    if let Some((_, r)) = &ordinal {
        span.start = r.start;
    }
    // A date just before the ordinal ("on 15 February at the 37th ordinary session") is the
    // mention's too.
    let date = attached_date(cx.prose, &hit.span, sentence, cx.dates).or_else(|| {
        (span.start < hit.span.start)
            .then(|| attached_date(cx.prose, &span, sentence, cx.dates))
            .flatten()
    });
    let year = YEAR_BEFORE
        .captures(crate::text::get(cx.prose, prev_end..span.start))
        .and_then(|c| c.get(1)?.as_str().parse::<i32>().ok());
    let members: Vec<usize> = cx.kb.series_events(series).map(|(i, _)| i).collect();
    // For telling which meeting is meant, any date in the clause will do, even one the
    // text does not tie to the mention closely enough to compare.
    let limit = clause_end(cx.prose, span.end, sentence.end);
    let clause_date = date.and_then(|d| cx.dates.get(d)).or_else(|| {
        cx.dates
            .iter()
            .skip(cx.dates.partition_point(|d| d.span.start < span.end))
            .take_while(|d| d.span.start <= limit)
            .find(|d| d.span.end <= limit)
            .filter(|d| {
                let gap = crate::text::get(cx.prose, span.end..d.span.start);
                // "the first G20 summit on the continent since the New Delhi summit in
                // September 2023": a date after another event's name is that event's.
                !leaves_relative_clause(cx.prose, sentence, &span, gap) && !names_another_event(gap)
            })
    });
    // "landed on Saturday, 30 August, for the SCO summit": a date just before the mention,
    // in its clause, tells which meeting is meant too, though it is not compared with it.
    let lead_date = if clause_date.is_none() {
        lead_date(cx, sentence, &span)
    } else {
        None
    };
    let clause_date = clause_date.or_else(|| lead_date.and_then(|i| cx.dates.get(i)));
    let date_year = clause_date
        .filter(|d| d.year_written || !cx.year_guessed)
        .and_then(|d| d.start)
        .map(|d| d.year());
    // A year the text does not write is a guess: the place given, where the series met a
    // year either side of it, says which ("leaders of the G7 met in Hiroshima on 19 and 20
    // May", in a story of the November after).
    let date_year = match (date_year, &place, clause_date) {
        (Some(y), Some((p, _)), Some(d)) if !d.year_written => {
            let mut there = members.iter().copied().filter_map(|e| {
                let x = cx.kb.events.get(e)?;
                (place_matches(cx.kb, e, p) && (x.start.year() - y).abs() <= 1).then_some(x.start.year())
            });
            match (there.next(), there.next()) {
                (Some(only), None) => Some(only),
                _ => Some(y),
            }
        }
        _ => date_year,
    };
    // "the next BRICS summit": the first meeting after the draft's date, whatever date or
    // place the text then gives it; not "the next summit hosted by Canada", nor "the last
    // summit …", which is as often the last of some kind.
    let step = crate::text::get(cx.prose, prev_end..span.start)
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let restricted = crate::text::from(cx.prose, span.end)
        .split_whitespace()
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("hosted"));
    let stepped = match (step.as_deref(), &ordinal, year) {
        (Some("next" | "upcoming"), None, None) if !restricted => members
            .iter()
            .copied()
            .filter(|&e| cx.kb.events.get(e).is_some_and(|x| x.start > cx.as_of))
            .min_by_key(|&e| cx.kb.events.get(e).map(|x| x.start)),
        _ => None,
    };
    let event = stepped.or_else(|| {
        identify(
            cx,
            &members,
            ordinal.as_ref().map(|o| o.0),
            year.or(date_year),
            place.as_ref().map(|p| &p.0),
            clause_date.and_then(|d| Some((d.start?, d.end?))),
        )
    });
    // A date counted from the draft's ("on Thursday") has its year for sure: a meeting more
    // than a week from it is not the one meant, but one the record lacks, unless the place
    // given pins it ("last week's BRICS summit in Johannesburg", a month after it).
    let far_from_relative = |e: usize| {
        let pinned = place.as_ref().is_some_and(|(p, _)| place_matches(cx.kb, e, p));
        clause_date
            .filter(|d| d.relative && ordinal.is_none() && year.is_none() && !pinned)
            .and_then(|d| Some((d.start?, cx.kb.events.get(e)?)))
            .is_some_and(|(day, x)| distance(x, day) > RELATIVE_REACH_DAYS)
    };
    let event = event.filter(|&e| !far_from_relative(e));
    let m = EventMention {
        span,
        event,
        event_id: None,
        series: Some(series),
        ordinal,
        place,
        date,
        lead_date,
        tense: Tense::Unknown,
        anaphoric: false,
    };
    finish(cx, sentence, m)
}
