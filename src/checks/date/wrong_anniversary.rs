//! The check `date/wrong-anniversary`; its `RULE.doc` below is its documentation.

use chrono::{Datelike, NaiveDate};

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::date::DateMention;
use crate::extract::ordinal;

pub const RULE: Rule = Rule {
    id: "date/wrong-anniversary",
    severity: Severity::Error,
    summary: "an anniversary whose number disagrees with the date it marks",
    doc: "Flags the number of an anniversary (`the 42nd anniversary of the landing of 2 April 1982`) when
the years between the date it marks and the time the sentence speaks of give another number,
and suggests that number.

## Why it matters
Anniversary copy is written a year ahead and carried forward, and the number is the first thing
a reader checks.

## Example
```text
BUENOS AIRES, 3 April 2025 - The ceremony marked the 42nd anniversary of the landing of 2 April 1982.
```
The anniversary of 2 April 1982 nearest 3 April 2025 is the 43rd. The time is a date the sentence
gives before the anniversary, else the draft's own date; the anniversary counted is the one
nearest that time, so a preview (`will mark the 80th anniversary`) counts the coming one. A date
given to the year only allows a year either way; a draft whose year is guessed is not judged.",
    kind: Kind::Check(run),
};

/// How many words may stand between "anniversary of" and the date it marks.
const REACH_WORDS: usize = 14;

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let prose = cx.doc.prose.as_str();
    let lower = prose.to_ascii_lowercase();
    for (at, _) in lower.match_indices("anniversary of ") {
        let Some((n, span)) = ordinal_before(prose, at) else {
            continue;
        };
        let Some(sentence) = cx.ex.sentence_at(at).and_then(|s| cx.ex.sentences.get(s)) else {
            continue;
        };
        let Some(marked) = marked_date(cx, at, sentence.end) else {
            continue;
        };
        let Some((time, year_only)) = sentence_time(cx, sentence.start, span.start) else {
            continue;
        };
        let Some(right) = expected(marked, time, year_only) else {
            continue;
        };
        if right.contains(&n) {
            continue;
        }
        let Some(&best) = right.get(right.len() / 2) else {
            continue;
        };
        let written = crate::text::get(&cx.doc.text, span.clone());
        let marked_text = crate::text::get(&cx.doc.text, marked.span.clone());
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!(
                    "`{written}` disagrees with the date it marks: the anniversary of {marked_text} in {} is the {}",
                    marked
                        .start
                        .map_or(time.year(), |d| d.year() + i32::try_from(best).unwrap_or(0)),
                    ordinal::like("1st", best)
                ),
            )
            .label(format!("the {} anniversary", ordinal::like("1st", best)))
            .with_label(marked.span.clone(), "the date it marks")
            .suggest(span, ordinal::like(written, best)),
        );
    }
}

/// The ordinal just before "anniversary": `42nd`, `fortieth`, `forty-second`.
fn ordinal_before(prose: &str, at: usize) -> Option<(u32, std::ops::Range<usize>)> {
    let before = crate::text::upto(prose, at).trim_end_matches(' ');
    let word = before.rsplit(|c: char| c.is_whitespace()).next()?;
    let start = before.len() - word.len();
    let lower = word.to_ascii_lowercase();
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && ordinal::is_ordinal(&lower) {
        digits.parse().ok()?
    } else {
        match lower.split_once('-') {
            Some((tens, unit)) => ordinal::from_words(Some(tens), unit)?,
            None => ordinal::from_words(None, &lower)?,
        }
    };
    Some((n, start..before.len()))
}

/// The first date with its year written after "anniversary of", close by in its sentence.
fn marked_date<'a>(cx: &'a Context<'_>, at: usize, sentence_end: usize) -> Option<&'a DateMention> {
    let d = cx
        .ex
        .dates_starting_in(at..sentence_end)
        .iter()
        .find(|d| d.year_written && d.start.is_some())?;
    let between = crate::text::get(&cx.doc.prose, at..d.span.start).to_ascii_lowercase();
    let words = between.split_whitespace().count();
    // "the 10th anniversary of the 2015 deal, signed in 2016": the first year is the one.
    (words <= REACH_WORDS && between.matches("anniversary").count() == 1).then_some(d)
}

/// The time the sentence speaks of: a date it gives before the anniversary, else the draft's.
/// The time the sentence speaks of, and whether it is a year alone ("this year", "in
/// 2023"), in which the anniversary falls whatever its month.
fn sentence_time(cx: &Context<'_>, start: usize, before: usize) -> Option<(NaiveDate, bool)> {
    let given = cx
        .ex
        .dates_starting_in(start..before)
        .iter()
        .rev()
        .filter(|d| d.span.end <= before && Some(&d.span) != cx.ex.as_of.span.as_ref())
        .find_map(|d| {
            d.start
                .filter(|_| d.year_written || !cx.ex.as_of.guessed_year)
                .map(|s| (s, !(d.is_day() || d.is_month())))
        });
    match given {
        Some(d) => Some(d),
        None if cx.ex.as_of.guessed_year => None,
        None => Some((cx.ex.as_of.date, false)),
    }
}

/// The numbers the anniversary may rightly have: the one nearest the time for a date known
/// to the day or month, or a year either way for a year alone.
fn expected(marked: &DateMention, time: NaiveDate, year_only: bool) -> Option<Vec<u32>> {
    let d = marked.start?;
    if d >= time && !(year_only && d.year() < time.year()) {
        return None;
    }
    let years = time.year() - d.year();
    if year_only && (marked.is_day() || marked.is_month()) {
        return u32::try_from(years).ok().filter(|n| *n > 0).map(|n| vec![n]);
    }
    if !(marked.is_day() || marked.is_month()) {
        let around = (years - 1).max(1)..=years + 1;
        return Some(around.filter_map(|n| u32::try_from(n).ok()).collect());
    }
    let nearest = [time.year() - 1, time.year(), time.year() + 1]
        .into_iter()
        .filter_map(|y| Some((y, d.with_year(y).or_else(|| d.with_day(28)?.with_year(y))?)))
        .min_by_key(|(_, a)| (*a - time).num_days().abs())?;
    u32::try_from(nearest.0 - d.year())
        .ok()
        .filter(|n| *n > 0)
        .map(|n| vec![n])
}
