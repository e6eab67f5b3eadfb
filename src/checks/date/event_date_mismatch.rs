//! The check `date/event-date-mismatch`; its `RULE.doc` below is its documentation.

use chrono::Datelike;

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use chrono::NaiveDate;

use crate::extract::date::{DateMention, Grain, Written};
use crate::extract::event::{EventMention, Round, named_round, round_day};
use crate::kb::model::{Event, Precision};

pub const RULE: Rule = Rule {
    id: "date/event-date-mismatch",
    severity: Severity::Error,
    summary: "a date given for a known event that disagrees with the record",
    doc: "Flags the date or range the text attaches to a known event (`the state visit to Russia on
20-21 March 2023`) when the knowledge base records other dates, and suggests the recorded ones,
written the way the draft writes dates.

## Why it matters
Event dates are the most checkable facts in a story and the most often misremembered.

## Example
```text
… during the Chinese leader's state visit to Russia on 20-21 March 2023.
```
The visit ran 20-22 March 2023. A single day inside the event (`on 21 March`) is accepted, as is a
month (`in March 2023`) that overlaps it. A relative or vague mention is compared at its own grain:
`last week's summit` must overlap last week, `the summit in early 2023` must fall in roughly
January to April 2023; no day-level correction is suggested for them. Seasons (which depend on the
hemisphere) and dates counted from another date in the text (`two days later`) are not judged. A
weekday written alone after a verb in the present (`opens on Friday`) is accepted if the event
falls on it in the week before or the week after the draft's date.
An election held in two rounds is recorded from its first round to its run-off; a date given
for one round (`beat Kılıçdaroğlu in the 14 May run-off`, `topped the first round of voting on 21
April`) is compared with that round's day. `the run-off` with no election named is the run-off of
the one two-round election of the one country the sentence names, within three months of the date.
Events the knowledge base does not know stay silent.

Meetings are named by who took part (`Lavrov met Qin Gang in New Delhi on 3 March 2023`, `the
talks between Putin and Xi in Moscow on 20-22 March 2023`). The same people meet often and the
record holds only some of their meetings, so a date is compared only with a recorded meeting at
the place the text gives, in the year of the date; copy about another meeting stays silent.",
    kind: Kind::Check(run),
};

/// A weekday written alone with no verb that sets its tense ("opens on Friday": a meeting
/// on the calendar) names the one before or the one after the draft's date: the event on
/// either of them is not contradicted. "closed on Wednesday" is the one before.
fn fits_the_other_week(cx: &Context<'_>, d: &crate::extract::date::DateMention, e: &crate::kb::model::Event) -> bool {
    let Some(day) = d
        .start
        .filter(|_| d.relative && d.grain == crate::extract::date::Grain::Day)
    else {
        return false;
    };
    if crate::calendar::weekday_word(d.text.trim()).is_none() {
        return false;
    }
    let Some(s) = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return false;
    };
    let before = crate::text::get(&cx.doc.prose, s.start..d.span.start);
    let after = crate::text::get(&cx.doc.prose, d.span.end..s.end);
    if crate::extract::tense::around(before, after) != crate::extract::tense::Tense::Unknown {
        return false;
    }
    // The verb just before is in the present: "opens on Friday", "meets Tuesday".
    let mut words = before.split_whitespace().rev();
    let verb = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("on") => words.next(),
        w => w,
    };
    let present = verb.is_some_and(|v| {
        v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && v.chars().all(|c| c.is_ascii_lowercase())
    });
    if !present {
        return false;
    }
    let end = e.end.unwrap_or(e.start);
    [day - chrono::Days::new(7), day + chrono::Days::new(7)]
        .iter()
        .any(|x| *x >= e.start && *x <= end)
}

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    // The meetings each date is given to, for a range given to several at once.
    let mut dated: std::collections::HashMap<Option<usize>, Vec<Option<usize>>> = std::collections::HashMap::new();
    for m in &cx.ex.events {
        dated.entry(m.date).or_default().push(m.event);
    }
    for m in &cx.ex.events {
        let (Some(e), Some(di)) = (m.event.and_then(|e| cx.kb.events.get(e)), m.date) else {
            continue;
        };
        let Some(d) = cx.ex.dates.get(di) else { continue };
        if !d.year_written && cx.ex.as_of.guessed_year {
            continue; // its year would be a guess
        }
        // A past event's planned date ("COP29, scheduled for 11-22 November 2024, ran into
        // overtime") may differ from the record of what happened; a coming one's may not.
        let between = crate::text::get(&cx.doc.prose, m.span.end.min(d.span.start)..d.span.start);
        if crate::extract::event::planned(between) && e.end.unwrap_or(e.start) < cx.ex.as_of.date {
            continue;
        }
        // "will attend the China-ASEAN summit, … and the East Asia Summit in Jakarta from 5 to
        // 8 September": a range given to several meetings at once spans them all.
        let shared = dated
            .get(&m.date)
            .is_some_and(|events| events.iter().any(|&o| o != m.event))
            || listed(&cx.doc.prose, &m.span);
        let spans_it =
            d.is_range && d.start.is_some_and(|s| s <= e.start) && d.end.is_some_and(|x| x >= e.end.unwrap_or(e.start));
        if shared && spans_it {
            continue;
        }
        // "won the run-off on 1 June": a two-round election's round is compared alone.
        let round = round_spoken_of(cx, m, d).and_then(|r| Some((r, round_day(e, r)?)));
        let recorded = round.map_or_else(|| Recorded::of(e), |(_, day)| Recorded::day(day));
        if !disagrees(d, &recorded)
            || fits_another_year(d, e, &recorded)
            || fits_the_other_week(cx, d, e)
            || super::ordinal_points_elsewhere(cx, m).is_some()
        {
            continue; // the ordinal is what is wrong: date/wrong-ordinal says so
        }
        let (what, when) = match round {
            Some((Round::Runoff, day)) => (format!("the run-off of the {}", e.name), super::span_text(day, day)),
            Some((Round::First, day)) => (format!("the first round of the {}", e.name), super::span_text(day, day)),
            None => (e.name.to_string(), super::event_dates(e)),
        };
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            d.span.clone(),
            format!(
                "`{}`{} disagrees with the record: {what} {} {when}",
                d.text,
                read_as(d),
                if e.is_agreement() { "is dated" } else { "took place" },
            ),
        )
        .label(format!("the record says {when}"))
        .with_label(m.span.clone(), e.name.to_string())
        .note(super::event_note(e))
        .with_record(&e.at.path, e.at.line());
        if e.precision == Precision::Day && d.is_day() {
            let fixed = if d.is_range || recorded.end != recorded.start {
                d.render(recorded.start, recorded.end)
            } else {
                d.render(recorded.start, recorded.start)
            };
            diag = diag.suggest(d.span.clone(), fixed);
        }
        out.push(diag);
    }
}

/// What a relative or vague mention was read as: " (11-17 September 2023)".
fn read_as(d: &DateMention) -> String {
    match (d.start, d.end) {
        (Some(a), Some(b)) if d.relative || d.vague => format!(" ({})", super::span_text(a, b)),
        _ => String::new(),
    }
}

/// A date written without its year ("in November", "on 22-24 August", "in late June that
/// year") says nothing about the year: if it fits the record in the event's own year (or
/// the year either side of the one inferred), say nothing.
fn fits_another_year(d: &DateMention, e: &Event, recorded: &Recorded) -> bool {
    if d.year_written || d.relative {
        return false;
    }
    let Some(inferred) = d.start.map(|x| x.year()) else {
        return false;
    };
    let to_event = e.start.year() - inferred;
    [-1, 1, to_event].iter().any(|&k| {
        let shift = |x: Option<chrono::NaiveDate>| x.and_then(|x| x.with_year(x.year() + k));
        let moved = DateMention {
            start: shift(d.start),
            end: shift(d.end),
            ..d.clone()
        };
        moved.start.is_some() && !disagrees(&moved, recorded)
    })
}

/// Whether a meeting's name ends a list of meetings ("the China-ASEAN Summit, the ASEAN Plus
/// Three Summit and the 18th East Asia Summit"), known to the record or not.
fn listed(prose: &str, span: &std::ops::Range<usize>) -> bool {
    let before = crate::text::upto(prose, span.start);
    let Some(rest) = before
        .strip_suffix("and the ")
        .or_else(|| before.strip_suffix("and "))
        .or_else(|| before.strip_suffix("as well as the "))
    else {
        return false;
    };
    let from = crate::text::floor_char_boundary(rest, rest.len().saturating_sub(LIST_REACH));
    crate::text::from(rest, from)
        .rsplit(['.', ';'])
        .next()
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            crate::extract::words::GRAMMAR
                .event_heads
                .contains(w.to_ascii_lowercase().as_str())
        })
}

/// How far back a list's earlier meetings are looked for, in bytes.
const LIST_REACH: usize = 160;

/// The days the record gives what a mention names: an event's, or one round's of an
/// election in two.
struct Recorded {
    start: NaiveDate,
    end: NaiveDate,
    /// The wider programme's first day, a start copy may give too.
    opens: NaiveDate,
    precision: Precision,
}

impl Recorded {
    fn of(e: &Event) -> Recorded {
        Recorded {
            start: e.start,
            end: e.end.unwrap_or(e.start),
            opens: e.programme_start.unwrap_or(e.start).min(e.start),
            precision: e.precision,
        }
    }

    fn day(day: NaiveDate) -> Recorded {
        Recorded {
            start: day,
            end: day,
            opens: day,
            precision: Precision::Day,
        }
    }
}

/// Words either side of a mention and its date that may name the round: "the
/// presidential run-off", "the first round of voting".
const ROUND_WORDS_BEFORE: usize = 3;
const ROUND_WORDS_AFTER: usize = 3;

/// The round of an election a date given for it speaks of: named between the mention and
/// the date or in the few words around them ("won the run-off of the Polish presidential
/// election on 1 June", "the 18 May runoff").
fn round_spoken_of(cx: &Context<'_>, m: &EventMention, d: &DateMention) -> Option<Round> {
    let sentence = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s))?;
    let prose = cx.doc.prose.as_str();
    let (from, to) = (m.span.start.min(d.span.start), m.span.end.max(d.span.end));
    let before: Vec<&str> = crate::text::get(prose, sentence.start..from)
        .split_whitespace()
        .rev()
        .take(ROUND_WORDS_BEFORE)
        .collect();
    let after = crate::text::get(prose, to..sentence.end)
        .split_whitespace()
        .take(ROUND_WORDS_AFTER);
    let words: Vec<&str> = before
        .into_iter()
        .rev()
        .chain(std::iter::once(crate::text::get(prose, from..to)))
        .chain(after)
        .collect();
    named_round(&words.join(" "))
}

/// True when what the text says cannot be reconciled with the record, compared at the
/// mention's grain: a day must fall inside the event, a range must be the event's range,
/// and a coarser or vaguer mention (`in March`, `last week`, `early 2023`) must overlap
/// the event, read generously. Seasons depend on the hemisphere and dates counted from
/// another date in the text on reading which one: neither is judged.
fn disagrees(d: &DateMention, e: &Recorded) -> bool {
    let (Some(start), Some(end)) = (d.start, d.end) else {
        return false;
    };
    if d.grain == Grain::Season || d.written == Written::Anchored {
        return false;
    }
    let slack = chrono::Duration::days(d.slack_days());
    let (start, end) = (start - slack, end + slack);
    let (e_start, e_end, opens) = (e.start, e.end, e.opens);
    match e.precision {
        Precision::Year => end.year() < e_start.year() || start.year() > e_end.year(),
        Precision::Month => {
            let key = |x: chrono::NaiveDate| (x.year(), x.month());
            key(end) < key(e_start) || key(start) > key(e_end)
        }
        Precision::Day if d.is_day() && d.is_range => {
            (start, end) != (e_start, e_end) && (start, end) != (opens, e_end)
        }
        Precision::Day if d.is_day() => start < opens || start > e_end,
        Precision::Day => end < opens || start > e_end,
    }
}
