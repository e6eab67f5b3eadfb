//! Checks of dates: against the calendar, against the record of known events, and against
//! the draft's own date.

pub mod event_date_mismatch;
pub mod impossible_date;
pub mod relative_mismatch;
pub mod tense_mismatch;
pub mod term_date_mismatch;
pub mod weekday_mismatch;
pub mod wrong_anniversary;
pub mod wrong_joining_date;
pub mod wrong_ordinal;
pub mod wrong_place;

use chrono::NaiveDate;

use crate::kb::Entry;
use crate::kb::model::{Event, Precision};

/// The dates of an event as copy writes them: "20-22 March 2023", "13 April 2023".
pub fn event_dates(e: &Event) -> String {
    let end = e.end.unwrap_or(e.start);
    match e.precision {
        Precision::Year => e.start.format("%Y").to_string(),
        Precision::Month => e.start.format("%B %Y").to_string(),
        Precision::Day => span_text(e.start, end),
    }
}

pub fn span_text(start: NaiveDate, end: NaiveDate) -> String {
    use chrono::Datelike;
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.year() == end.year() && start.month() == end.month() {
        format!("{}-{}", start.format("%-d"), end.format("%-d %B %Y"))
    } else if start.year() == end.year() {
        format!("{} - {}", start.format("%-d %B"), end.format("%-d %B %Y"))
    } else {
        format!("{} - {}", start.format("%-d %B %Y"), end.format("%-d %B %Y"))
    }
}

/// "Xi Jinping's state visit to Russia (rules/kb/events.toml:1596)"
pub fn event_note(e: &Entry<Event>) -> String {
    format!(
        "{} took place {}{}: {}",
        e.name,
        event_dates(e),
        e.place.as_ref().map(|p| format!(" in {p}")).unwrap_or_default(),
        super::cite(&e.at, e.source.as_deref())
    )
}

/// When a mention's ordinal names one meeting of a series but its date or place names
/// another, the meeting the other details point to: then the ordinal is what is wrong.
pub fn ordinal_points_elsewhere(cx: &super::Context<'_>, m: &crate::extract::event::EventMention) -> Option<usize> {
    use crate::extract::event::place_matches;
    m.ordinal.as_ref()?;
    let named = m.event?;
    let e = cx.kb.events.get(named)?;
    let series = e.series.as_deref()?;
    let others = || {
        cx.kb
            .events
            .iter()
            .enumerate()
            .filter(move |(i, x)| *i != named && x.series.as_deref() == Some(series))
    };
    if let Some(d) = m.date.or(m.lead_date).and_then(|i| cx.ex.dates.get(i)) {
        let (Some(start), Some(end)) = (d.start, d.end) else {
            return None;
        };
        if !d.is_day() {
            return None;
        }
        let inside = |x: &Event| start >= x.start && end <= x.end.unwrap_or(x.start);
        if inside(e) {
            return None;
        }
        let hits: Vec<usize> = others().filter(|(_, x)| inside(x)).map(|(i, _)| i).collect();
        return (hits.len() == 1).then(|| hits[0]);
    }
    let Some((place, _)) = m.place.as_ref() else {
        return held_where_and_when_the_dateline_says(cx, named, &others().map(|(i, _)| i).collect::<Vec<_>>());
    };
    if place_matches(cx.kb, named, place) {
        // The place fits the ordinal's meeting but does not tell it from others held there.
        // A meeting still ahead that the text does not speak of as ahead ("the decision was
        // taken at the 29th AU summit in Addis Ababa" filed from the 28th) is the dateline's
        // meeting misnumbered; an earlier one may simply be history.
        let ahead = e.start > cx.ex.as_of.date && m.tense != crate::extract::tense::Tense::Future;
        if !ahead {
            return None;
        }
        let at_place: Vec<usize> = others()
            .filter(|(i, _)| place_matches(cx.kb, *i, place))
            .map(|(i, _)| i)
            .collect();
        return held_where_and_when_the_dateline_says(cx, named, &at_place);
    }
    let as_of = cx.ex.as_of.date;
    let distance = |x: &Event| (x.start - as_of).num_days().abs();
    let (best, x) = others()
        .filter(|(i, _)| place_matches(cx.kb, *i, place))
        .min_by_key(|(_, x)| distance(x))?;
    (distance(x) < distance(e)).then_some(best)
}

/// A dateline such as `JOHANNESBURG, Aug 24, 2023 (Reuters) -` puts the story at a meeting
/// of the series held there on that day: an ordinal naming another meeting of the series
/// then disagrees with it. The one meeting of `others` in the dateline's city whose days
/// (or the day after) hold the draft's date; none when the named meeting does.
fn held_where_and_when_the_dateline_says(cx: &super::Context<'_>, named: usize, others: &[usize]) -> Option<usize> {
    let as_of = &cx.ex.as_of;
    let span = as_of
        .span
        .as_ref()
        .filter(|_| as_of.source == crate::extract::asof::AsOfSource::Dateline)?;
    let prose = cx.doc.prose.as_str();
    let line_start = crate::text::upto(prose, span.start).rfind('\n').map_or(0, |i| i + 1);
    let dateline = crate::text::get(prose, line_start..span.start).to_lowercase();
    let covers = |e: &Event| {
        let end = e.end.unwrap_or(e.start);
        as_of.date >= e.start && as_of.date <= end + chrono::Days::new(1)
    };
    let in_city = |e: &Event| e.place.as_ref().is_some_and(|p| dateline.contains(&p.to_lowercase()));
    let e = cx.kb.events.get(named)?;
    if covers(e) {
        return None;
    }
    let hits: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| cx.kb.events.get(i).is_some_and(|x| covers(x) && in_city(x)))
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// "4th" → "2nd", "fourth" → "second": a new ordinal written like the old one.
pub fn ordinal_like(old: &str, n: u32) -> String {
    crate::extract::ordinal::like(old, n)
}
