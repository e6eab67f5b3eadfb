//! The check `date/tense-mismatch`; its `RULE.doc` below is its documentation.

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::tense::{self, Tense};
use crate::extract::term_change::Change;
use crate::kb::model::Precision;

pub const RULE: Rule = Rule {
    id: "date/tense-mismatch",
    severity: Severity::Error,
    summary: "an event reported in the past that had not happened by the draft's date (or the converse)",
    doc: "Flags a known event, or an explicit date, reported in the past tense (`held`, `met`, `visited`)
when it lies after the draft's as-of date, and one reported as coming (`will`, `next`) when it lies
before it.

## Why it matters
A story dated before the event cannot report its outcome; a preview published after the event is
stale. Both usually mean a wrong date somewhere.

## Example
```text
SAMARKAND, 1 August 2023 (TDI): Leaders met at the 15th BRICS summit in Johannesburg.
```
The summit ran 22-24 August 2023, after the dateline. Scheduling verbs (`was scheduled to`), modals
(`would`, `could`), conditionals and reported plans (`said … will`) are not read as tense, and a
date without a written year is never judged: an anniversary story dated 26 February may well tell
of 27 February a year before, unless the record confirms it (`was sworn in on 12 September`, when
the record has that person taking office on 12 September of the draft's year). An undated taking
of office told in the past (`Ruto, who was sworn in as president`) is flagged when the person's
first term in that office on record starts within three months after the draft's date.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let as_of = cx.ex.as_of.date;
    // An assumed date, or one read from the lead (which may be the event's own day), is not
    // precise enough to say what had happened by then.
    if cx.ex.as_of.guessed_year || cx.ex.as_of.source == crate::extract::asof::AsOfSource::Lead {
        return;
    }
    let mut attached = Vec::new();
    for m in &cx.ex.events {
        if let Some(d) = m.date {
            attached.push(d);
        }
        let Some(e) = m.event.and_then(|i| cx.kb.events.get(i)).filter(|_| !m.anaphoric) else {
            continue;
        };
        let end = e.end.unwrap_or(e.start);
        let wrong = match m.tense {
            Tense::Past => e.start > as_of,
            Tense::Future => end < as_of,
            Tense::Unknown => false,
        };
        // When the ordinal names another meeting than the text describes, the ordinal is what
        // is wrong (date/wrong-ordinal), not the tense.
        if !wrong || e.precision != crate::kb::model::Precision::Day || super::ordinal_points_elsewhere(cx, m).is_some()
        {
            continue;
        }
        // "Baku will host the UN climate conference in November", written in February: a
        // month or day without its year was read as the nearest, but the series meets in
        // that month a year later too, as the tense says.
        if other_year_fits(cx, m) || dated_otherwise(cx, m, e) {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                m.span.clone(),
                message(m.tense, &e.name, &super::event_dates(e), as_of),
            )
            .label(label(m.tense))
            .note(super::event_note(e))
            .with_record(&e.at.path, e.at.line())
            .note(cx.as_of_note()),
        );
    }
    term_changes(cx, severity, &mut attached, out);
    for (i, d) in cx.ex.dates.iter().enumerate() {
        if attached.contains(&i) || !d.year_written || d.relative || crate::text::attributive(&cx.doc.prose, &d.span) {
            continue;
        }
        let (Some(start), Some(end)) = (d.start, d.end) else {
            continue;
        };
        let Some(s) = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
            continue;
        };
        let before = crate::text::get(&cx.doc.prose, s.start..d.span.start);
        let after = crate::text::get(&cx.doc.prose, d.span.end..s.end);
        let t = tense::around(before, after);
        // The mention's own interval, read generously when it is vague ("held in late
        // 2024" is not wrong in the last days of August).
        let slack = chrono::Duration::days(d.slack_days());
        let wrong = match t {
            Tense::Past => start - slack > as_of,
            Tense::Future => end + slack < as_of,
            Tense::Unknown => false,
        };
        if wrong {
            out.push(
                Diagnostic::new(RULE.id, severity, d.span.clone(), date_message(t, &d.text, as_of))
                    .label(label(t))
                    .note(cx.as_of_note()),
            );
        }
    }
}

/// A swearing-in, an appointment or a departure whose date the record confirms: the record
/// settles the year a date written without one falls in, so the tense it is told in can be
/// judged ("Karki, who was sworn in on 12 September" in a story of 11 September 2025, when
/// the record has her sworn in on 12 September 2025).
fn term_changes(cx: &Context<'_>, severity: Severity, attached: &mut Vec<usize>, out: &mut Vec<Diagnostic>) {
    let as_of = cx.ex.as_of.date;
    for m in &cx.ex.term_changes {
        if m.date.is_none() {
            undated_term_start(cx, severity, m, out);
            taken_already(cx, severity, m, out);
            continue;
        }
        let Some((i, d)) = m
            .date
            .and_then(|i| Some((i, cx.ex.dates.get(i)?)))
            .filter(|(_, d)| d.is_day() && !d.relative)
        else {
            undated_term_start(cx, severity, m, out);
            taken_already(cx, severity, m, out);
            continue;
        };
        let (Some(start), Some(end)) = (d.start, d.end) else {
            continue;
        };
        let on_record = super::term_date_mismatch::terms(cx, m, start)
            .into_iter()
            .find_map(|(_, t)| {
                let day = match m.change {
                    Change::Start => Some(t.start).filter(|_| t.start_precision == Precision::Day),
                    Change::End => t.end.filter(|_| t.end_precision == Precision::Day),
                }?;
                (day >= start - chrono::Days::new(1) && day <= end + chrono::Days::new(1)).then_some(day)
            });
        let Some(day) = on_record else { continue };
        let Some(s) = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
            continue;
        };
        let t = change_tense(cx, m, s, d.span.end);
        let wrong = match t {
            Tense::Past => day > as_of,
            Tense::Future => day < as_of,
            Tense::Unknown => false,
        };
        attached.push(i);
        if !wrong {
            continue;
        }
        out.push(change_finding(cx, severity, m, d.span.clone(), t, day));
    }
}

/// The finding for a change of office told in tense `t` though the record has it on `day`,
/// on the other side of the draft's date.
fn change_finding(
    cx: &Context<'_>,
    severity: Severity,
    m: &crate::extract::term_change::TermChange,
    span: std::ops::Range<usize>,
    t: Tense,
    day: chrono::NaiveDate,
) -> Diagnostic {
    let as_of = cx.ex.as_of.date;
    let name = cx
        .kb
        .people
        .get(m.person)
        .map(|p| p.name.as_str())
        .unwrap_or("this person");
    let (done, change) = match m.change {
        Change::Start => ("taken office", "taking office"),
        Change::End => ("left office", "leaving office"),
    };
    let message = match t {
        Tense::Future => format!(
            "{name}'s {change} is reported as still to come, but the record has it on {}, before the draft's date, {}",
            long_date(day),
            long_date(as_of)
        ),
        _ => format!(
            "{name} is reported to have {done} already, but the record has it on {}, after the draft's date, {}",
            long_date(day),
            long_date(as_of)
        ),
    };
    Diagnostic::new(RULE.id, severity, span, message)
        .label(label(t))
        .note(cx.as_of_note())
}

/// The tense a term change is told in, in sentence `s`, read around its verb and from
/// `after` on. The phrase is the verb ("was sworn in", "took the oath", "will be sworn in
/// as"): what stands between it and a date ("before the National Assembly") is not.
fn change_tense(
    cx: &Context<'_>,
    m: &crate::extract::term_change::TermChange,
    s: &std::ops::Range<usize>,
    after: usize,
) -> Tense {
    let verb_end = if m.title_span == m.span {
        m.span.end
    } else {
        m.title_span.start
    };
    let before = crate::text::get(&cx.doc.prose, s.start..verb_end.max(s.start));
    tense::around(before, crate::text::get(&cx.doc.prose, after..s.end))
}

/// How soon after the draft's date a first term on record may start for an undated "was
/// sworn in as president" to be read as that term.
const UPCOMING_TERM_DAYS: i64 = 90;

/// "Oligui Nguema, who was sworn in as transitional president", in a story written days
/// before he was: an undated taking of an office told in the past, when the person's first
/// term in it on record starts soon after the draft's date.
fn undated_term_start(
    cx: &Context<'_>,
    severity: Severity,
    m: &crate::extract::term_change::TermChange,
    out: &mut Vec<Diagnostic>,
) {
    let as_of = cx.ex.as_of.date;
    if m.change != Change::Start || m.title.is_empty() {
        return;
    }
    let terms = super::term_date_mismatch::terms(cx, m, as_of);
    let Some(first) = terms.iter().map(|(_, t)| t).min_by_key(|t| t.start) else {
        return;
    };
    let ahead = (first.start - as_of).num_days();
    if first.start_precision != Precision::Day || ahead <= 0 || ahead > UPCOMING_TERM_DAYS {
        return;
    }
    let Some(s) = cx.ex.sentence_at(m.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return;
    };
    if change_tense(cx, m, s, m.span.end) == Tense::Past {
        out.push(change_finding(
            cx,
            severity,
            m,
            m.span.clone(),
            Tense::Past,
            first.start,
        ));
    }
}

/// How recently a term on record must have started for a taking of office told as still to
/// come ("Anwar's swearing-in will take place on Thursday", the day after it did) to be read
/// as that one.
const RECENT_START_DAYS: i64 = 30;

/// A taking of office told as still to come, when the record has the person taking it in the
/// days before the draft's date. An inauguration may follow the oath by days, so it is not
/// judged.
fn taken_already(
    cx: &Context<'_>,
    severity: Severity,
    m: &crate::extract::term_change::TermChange,
    out: &mut Vec<Diagnostic>,
) {
    use crate::extract::term_change::Step;
    let as_of = cx.ex.as_of.date;
    if m.change != Change::Start || m.step == Step::Inaugurated {
        return;
    }
    let terms = super::term_date_mismatch::terms(cx, m, as_of);
    let Some(recent) = terms
        .iter()
        .map(|(_, t)| t)
        .filter(|t| t.start_precision == Precision::Day && t.start < as_of)
        .max_by_key(|t| t.start)
    else {
        return;
    };
    if (as_of - recent.start).num_days() > RECENT_START_DAYS {
        return;
    }
    let Some(s) = cx.ex.sentence_at(m.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return;
    };
    if change_tense(cx, m, s, m.span.end) == Tense::Future {
        out.push(change_finding(
            cx,
            severity,
            m,
            m.span.clone(),
            Tense::Future,
            recent.start,
        ));
    }
}

/// How many words may stand between a meeting read from its series and place and a year
/// written beside it.
const BESIDE_WORDS: usize = 2;

/// "Talks were launched in 2012 at an ASEAN summit in Phnom Penh": a meeting read from its
/// series and place alone, with a year written beside it that the meeting on record does
/// not fall in, is another meeting than the one read, so its tense says nothing of that one.
fn dated_otherwise(cx: &Context<'_>, m: &crate::extract::event::EventMention, e: &crate::kb::model::Event) -> bool {
    if m.ordinal.is_some() || crate::text::get(&cx.doc.prose, m.span.clone()).contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(s) = cx.ex.sentence_at(m.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return false;
    };
    let prose = cx.doc.prose.as_str();
    let near = |d: &crate::extract::date::DateMention| {
        let between = if d.span.end <= m.span.start {
            crate::text::get(prose, d.span.end..m.span.start)
        } else {
            crate::text::get(prose, m.span.end..d.span.start)
        };
        !between.contains([',', ';']) && between.split_whitespace().count() <= BESIDE_WORDS
    };
    let end = e.end.unwrap_or(e.start);
    cx.ex
        .dates_starting_in(s.clone())
        .iter()
        .filter(|d| d.year_written && !d.relative && cx.ex.as_of.span.as_ref() != Some(&d.span) && near(d))
        .any(|d| match (d.start, d.end) {
            (Some(a), Some(b)) => b < e.start || a > end,
            _ => false,
        })
}

/// Whether the mention's date, written without its year, falls in another meeting of the
/// same series a year later (told in the future) or earlier (told in the past).
fn other_year_fits(cx: &Context<'_>, m: &crate::extract::event::EventMention) -> bool {
    let Some(d) = m.date.and_then(|i| cx.ex.dates.get(i)) else {
        return false;
    };
    let (Some(start), Some(end), Some(series)) = (d.start, d.end, m.series) else {
        return false;
    };
    if d.year_written || d.relative {
        return false;
    }
    let years = match m.tense {
        Tense::Future => 1,
        Tense::Past => -1,
        Tense::Unknown => return false,
    };
    let shift = |x: chrono::NaiveDate| {
        use chrono::Datelike;
        x.with_year(x.year() + years)
    };
    let (Some(a), Some(b)) = (shift(start), shift(end)) else {
        return false;
    };
    cx.kb
        .series_events(series)
        .any(|(_, e)| e.start <= b && e.end.unwrap_or(e.start) >= a)
}

fn message(t: Tense, what: &str, when: &str, as_of: chrono::NaiveDate) -> String {
    match t {
        Tense::Future => format!(
            "{what} is reported as still to come, but it took place {when}, before {}",
            long_date(as_of)
        ),
        _ => format!(
            "{what} is reported in the past tense, but it took place {when}, after {}",
            long_date(as_of)
        ),
    }
}

/// For a date with no known event: the date itself lies on the wrong side of the draft's.
fn date_message(t: Tense, text: &str, as_of: chrono::NaiveDate) -> String {
    match t {
        Tense::Future => format!(
            "`{text}` is reported as still to come, but it is before the draft's date, {}",
            long_date(as_of)
        ),
        _ => format!(
            "`{text}` is reported in the past tense, but it is after the draft's date, {}",
            long_date(as_of)
        ),
    }
}

fn label(t: Tense) -> &'static str {
    match t {
        Tense::Future => "already past at the draft's date",
        _ => "still to come at the draft's date",
    }
}
