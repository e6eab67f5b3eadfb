//! The check `date/relative-mismatch`; its `RULE.doc` below is its documentation.

use chrono::Datelike;

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::date::{DateMention, Written};

pub const RULE: Rule = Rule {
    id: "date/relative-mismatch",
    severity: Severity::Error,
    summary: "a relative date that contradicts the explicit date beside it",
    doc: "Flags a relative date written next to an explicit one for the same day (`yesterday, 12 April`,
`on Friday (14 April)`) when, counted from the draft's own date, the relative date falls on another
day.

## Why it matters
A story edited across midnight, or moved to the next day's edition, keeps its \"yesterday\": the
explicit date then shows which one is wrong.

## Example
```text
SAMARKAND, 14 April 2023 (TDI): The ministers met yesterday, 12 April, in Samarkand.
```
Yesterday was 13 April. A relative week, month or year is compared the same way (`last week, on
12 March` written on 14 April 2023: last week was 3-9 April 2023); vague ones (`earlier this
month`) are not. Only a relative date and an explicit date side by side (after a comma, in brackets
or with `on`) are compared, and only when the draft gives its own date. A count of several days
(`in 15 days, on 23 March`) may be counted from the day before the draft's, when the news broke, and
is allowed a day either way.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    if cx.ex.as_of.guessed_year || cx.ex.as_of.source == crate::extract::asof::AsOfSource::Lead {
        return;
    }
    let dates = &cx.ex.dates;
    for pair in dates.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (relative, explicit) = match (a.relative, b.relative) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => continue,
        };
        // A relative day, or a relative week, month or year stated exactly ("last week, on
        // 3 April"): never a vague one ("earlier this month") nor one counted from
        // another date.
        // The dateline is what a relative date counts from, not a second date for it.
        if cx.ex.as_of.span.as_ref() == Some(&explicit.span) {
            continue;
        }
        // "It would take effect a year from yesterday, on 22 January 2026": the explicit date
        // is counted from the relative one.
        if counted_from(&cx.doc.prose, relative) {
            continue;
        }
        let exact_period = relative.written == Written::Relative && !relative.vague;
        if !side_by_side(&cx.doc.prose, a, b) || !explicit.is_day() || !(relative.is_day() || exact_period) {
            continue;
        }
        let (Some(r), Some(r_end), Some(e)) = (relative.start, relative.end, explicit.start) else {
            continue;
        };
        // "Last year, on 5 May": a year-less explicit date takes its year from the relative
        // one, so any year of it that fits is no contradiction.
        let years: &[i32] = if explicit.year_written { &[0] } else { &[0, -1, 1] };
        let fits = years
            .iter()
            .filter_map(|k| e.with_year(e.year() + k))
            .any(|x| r <= x && x <= r_end);
        if explicit.is_range || fits {
            continue;
        }
        // "The duties take effect in 15 days, on March 23": a count of days is often counted
        // from the day the news happened, a day before the dateline's, so a day either way
        // is no contradiction.
        if counts_days(&relative.text) && r == r_end && (e - r).num_days().abs() <= 1 {
            continue;
        }
        let was = if r == r_end {
            long_date(r)
        } else {
            super::span_text(r, r_end)
        };
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                relative.span.clone(),
                format!("`{}` was {was}, not {}", relative.text, long_date(e)),
            )
            .label(format!("{was} by the draft's date"))
            .with_label(explicit.span.clone(), "the explicit date")
            .note(cx.as_of_note()),
        );
    }
}

/// Two dates written as one: "yesterday, 12 April", "Friday (14 April)", "on 14 April, Friday".
fn side_by_side(prose: &str, a: &DateMention, b: &DateMention) -> bool {
    let gap = crate::text::get(prose, a.span.end..b.span.start);
    // A dateline or heading and the paragraph after it are not one date.
    if gap.contains('\n') {
        return false;
    }
    let gap = gap.trim();
    matches!(gap, "," | "(" | "" | "- " | "—" | "–") || gap == "(on" || gap == ", on"
}

/// Whether a relative date counts several days ("in 15 days", "ten days ago").
fn counts_days(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_ascii_lowercase).collect();
    words.iter().any(|w| w == "days")
}

/// Whether a relative date is what a span of time is counted from: "a year from
/// yesterday", "two weeks after last Friday".
fn counted_from(prose: &str, d: &DateMention) -> bool {
    let mut words = crate::text::upto(prose, d.span.start)
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase());
    let (Some(link), Some(unit)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(link.as_str(), "from" | "after" | "before") && crate::extract::date::is_time_unit(&unit)
}
