//! The check `date/weekday-mismatch`; its `RULE.doc` below is its documentation.

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::long_date;
use crate::calendar::{weekday_from, weekday_name};
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "date/weekday-mismatch",
    severity: Severity::Error,
    summary: "a weekday that does not match its date",
    doc: "Flags a weekday written with a date (`Monday, 14 April 2023`) when the date falls on another day.

## Why it matters
One of the two is wrong, and the reader cannot tell which. The fix names the right weekday and,
in case the weekday is right, the nearest date that falls on it.

## Example
```text
The ministers met on Monday, 14 April 2023.
```
14 April 2023 was a Friday. A date without a year is checked within three months of the
draft's own date, where its year is clear, and up to eleven months from it when its clause's
tense leaves only one year (`took the oath on Tuesday, 20 January`, in a story of 29 April 2025,
can only be 20 January 2025, a Monday); never against a guessed year.",
    kind: Kind::Check(run),
};

/// How far from the draft's date a year-less date may be before a weekday that fits the
/// year either side is taken to mean that year.
const OTHER_YEAR_AFTER_DAYS: i64 = 60;

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for d in &cx.ex.dates {
        let (Some((written, span)), Some(date)) = (&d.weekday, d.start) else {
            continue;
        };
        // A year-less date is judged only close to a draft date the draft itself gives:
        // "Thursday, 18 November" in a story datelined 19 November 2022.
        let near =
            !cx.ex.as_of.guessed_year && (date - cx.ex.as_of.date).num_days().abs() <= 90 && tense_fits(cx, d, date);
        // Further off, a clause in the past ("took the oath on Tuesday, 20 January", in a
        // story of 29 April) puts the date in the year before the draft's date, never after
        // it; one in the future the other way. Only the year on that side can be meant.
        let side = (!d.year_written && !near && !cx.ex.as_of.guessed_year)
            .then(|| settled_side(cx, d, date))
            .flatten();
        if !d.year_written && !near && side.is_none() {
            continue;
        }
        let Some(w) = weekday_from(written) else { continue };
        // A year-less date more than two months from the draft's date whose weekday fits the
        // year before or after may have been meant in that year. Nearer, with the tense
        // fitting, the draft's year is the one meant: "won the election on Monday, 14
        // September" in a story of 15 October 2021 is a Tuesday, whatever 2020's calendar.
        let days_off = (date - cx.ex.as_of.date).num_days().abs();
        let other_years: &[i32] = match side {
            Some(k) => &[k],
            None => &[-1, 1],
        };
        let other_year_fits = other_years
            .iter()
            .filter_map(|k| date.with_year(date.year() + k))
            .any(|x| x.weekday() == w);
        if !d.year_written && days_off > OTHER_YEAR_AFTER_DAYS && other_year_fits {
            continue;
        }
        // "on Monday and Tuesday, November 18-19": any day of a range may be the one named.
        let end = d.end.unwrap_or(date);
        if date
            .iter_days()
            .take_while(|x| *x <= end)
            .take(31)
            .any(|x| x.weekday() == w)
        {
            continue;
        }
        let as_written = cx.doc.text.get(span.clone()).unwrap_or(written);
        let actual = weekday_name(date.weekday());
        let replacement = if as_written.len() <= 5 {
            format!(
                "{}{}",
                actual.get(..3).unwrap_or(actual),
                if as_written.ends_with('.') { "." } else { "" }
            )
        } else {
            actual.to_string()
        };
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            span.clone(),
            format!("{} was a {actual}, not a {written}", long_date(date)),
        )
        .label(format!("{} was a {actual}", long_date(date)))
        .with_label(d.span.clone(), "this date")
        .suggest(span.clone(), replacement.clone());
        if let Some(near) = nearest_with_weekday(date, w) {
            diag = diag.note(format!(
                "if {written} is right, the nearest {written} is {}",
                long_date(near)
            ));
        }
        out.push(diag);
    }
}

/// A year-less date whose clause's tense contradicts the year it was given ("crossed back
/// on Friday, 1 March" in a story of 26 February) probably belongs to another year.
fn tense_fits(cx: &Context<'_>, d: &crate::extract::date::DateMention, date: NaiveDate) -> bool {
    use crate::extract::tense::{Tense, around};
    let Some(s) = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return true;
    };
    let before = crate::text::get(&cx.doc.prose, s.start..d.span.start);
    let after = crate::text::get(&cx.doc.prose, d.span.end..s.end);
    // A verb in "-ed" near ("crossed back … on Friday, 1 March", "On Tuesday, 7 September,
    // the Taliban named …") is enough here: the question is only which year the writer meant.
    let ed = |w: &str| w.len() > 4 && w.ends_with("ed");
    // After the date, the clause's own verb: not past a coordination ("… 10 November and
    // are scheduled to end"), nor a participle after "are" or "be".
    let clause: Vec<String> = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5)
        .take_while(|w| !matches!(*w, "and" | "but" | "or"))
        .map(str::to_string)
        .collect();
    // "elections on Sunday, 21 June, called by the acting prime minister": a participle
    // with its agent describes; it is not the clause's verb.
    let past_after = clause.iter().enumerate().any(|(k, w)| {
        ed(w)
            && clause.get(k + 1).is_none_or(|n| n != "by")
            && !k
                .checked_sub(1)
                .and_then(|p| clause.get(p))
                .is_some_and(|p| matches!(p.as_str(), "is" | "are" | "be" | "been" | "being" | "will"))
    });
    let past_before = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(ed);
    let past_verb = past_before || past_after;
    match around(before, after) {
        Tense::Past => date <= cx.ex.as_of.date,
        Tense::Future => date >= cx.ex.as_of.date,
        Tense::Unknown if past_verb => date <= cx.ex.as_of.date,
        Tense::Unknown => true,
    }
}

/// How far from the draft's date a year-less date in a clause of settled tense is judged.
const SETTLED_REACH_DAYS: i64 = 330;

/// For a year-less date within reach of the draft's date, on the side its clause's tense
/// puts it: the other year it could then mean (-1 for the past, 1 for the future).
fn settled_side(cx: &Context<'_>, d: &crate::extract::date::DateMention, date: NaiveDate) -> Option<i32> {
    use crate::extract::tense::{Tense, around};
    if (date - cx.ex.as_of.date).num_days().abs() > SETTLED_REACH_DAYS {
        return None;
    }
    let s = cx.ex.sentence_at(d.span.start).and_then(|s| cx.ex.sentences.get(s))?;
    // "In 2022 the conference ended on Friday, 26 August": a year the sentence writes
    // before the date, other than the dateline's, is the one meant.
    let year_in_sentence = cx
        .ex
        .dates_starting_in(s.start..d.span.start)
        .iter()
        .any(|o| o.year_written && o.span.end <= d.span.start && cx.ex.as_of.span.as_ref() != Some(&o.span));
    if year_in_sentence {
        return None;
    }
    let before = crate::text::get(&cx.doc.prose, s.start..d.span.start);
    let after = crate::text::get(&cx.doc.prose, d.span.end..s.end);
    match around(before, after) {
        Tense::Past if date <= cx.ex.as_of.date => Some(-1),
        Tense::Future if date >= cx.ex.as_of.date => Some(1),
        _ => None,
    }
}

fn nearest_with_weekday(date: NaiveDate, w: chrono::Weekday) -> Option<NaiveDate> {
    (1..=3u64)
        .flat_map(|n| [date.checked_sub_days(Days::new(n)), date.checked_add_days(Days::new(n))])
        .flatten()
        .find(|d| d.weekday() == w)
}
