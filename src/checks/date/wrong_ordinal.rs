//! The check `date/wrong-ordinal`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "date/wrong-ordinal",
    severity: Severity::Error,
    summary: "an ordinal that disagrees with the record of a series of meetings",
    doc: "Flags the ordinal of a meeting in a known series (`the 4th Neighbours of Afghanistan meeting`) when
the date or place the text gives belongs to another meeting of the series, and suggests that
meeting's ordinal.

## Why it matters
Series such as the BRICS or SCO summits are numbered, and copy often carries the previous year's
number forward.

## Example
```text
… the 4th meeting of foreign ministers of Afghanistan's neighbouring countries in Tehran …
```
The meeting in Tehran was the 2nd; the 4th was held in Samarkand. When the place is nearer to the
draft's date than the ordinal is, the ordinal is taken to be wrong; otherwise `date/wrong-place`
reports the place. An ordinal the record has no meeting for (`the 35th Arab League summit`) is
flagged when the day given falls within one recorded meeting of the series that bears another.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    unrecorded(cx, severity, out);
    for m in &cx.ex.events {
        let (Some((n, span)), Some(named)) = (&m.ordinal, m.event) else {
            continue;
        };
        let Some(other_i) = super::ordinal_points_elsewhere(cx, m) else {
            continue;
        };
        let (Some(e), Some(other)) = (cx.kb.events.get(named), cx.kb.events.get(other_i)) else {
            continue;
        };
        let Some(right) = other.ordinal else { continue };
        let written = cx.doc.text.get(span.clone()).unwrap_or_default();
        let fixed = super::ordinal_like(written, right);
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!(
                    "`{written}` disagrees with the record: the meeting the text describes was the {}",
                    super::ordinal_like("1", right)
                ),
            )
            .label(format!("the record says {}", super::ordinal_like("1", right)))
            .with_label(
                m.span.clone(),
                format!("the {} was {}", super::ordinal_like("1", *n), where_when(e)),
            )
            .note(super::event_note(other))
            .note(super::event_note(e))
            .with_record(&other.at.path, other.at.line())
            .with_record(&e.at.path, e.at.line())
            .suggest(span.clone(), fixed),
        );
    }
}

/// "the 35th Arab League summit on Saturday" when no 35th is on record and the day given
/// falls in the 34th: the ordinal is what is wrong.
fn unrecorded(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for m in &cx.ex.events {
        let (Some((n, span)), None, Some(series)) = (&m.ordinal, m.event, m.series) else {
            continue;
        };
        let Some(series_id) = cx.kb.series.get(series).map(|s| s.id.get_ref().as_str()) else {
            continue;
        };
        let Some(d) = m.date.and_then(|i| cx.ex.dates.get(i)).filter(|d| d.is_day()) else {
            continue;
        };
        let (Some(start), Some(end)) = (d.start, d.end) else {
            continue;
        };
        let members = || cx.kb.events.iter().filter(|x| x.series.as_deref() == Some(series_id));
        if members().any(|x| x.ordinal == Some(*n)) {
            continue;
        }
        let inside: Vec<_> = members()
            .filter(|x| start >= x.start && end <= x.end.unwrap_or(x.start))
            .collect();
        let [other] = inside.as_slice() else { continue };
        let Some(right) = other.ordinal.filter(|r| r != n) else {
            continue;
        };
        let written = cx.doc.text.get(span.clone()).unwrap_or_default();
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!(
                    "`{written}` disagrees with the record: the meeting held {} was the {}",
                    where_when(other),
                    super::ordinal_like("1", right)
                ),
            )
            .label(format!("the record says {}", super::ordinal_like("1", right)))
            .note(super::event_note(other))
            .with_record(&other.at.path, other.at.line())
            .suggest(span.clone(), super::ordinal_like(written, right)),
        );
    }
}

fn where_when(e: &crate::kb::model::Event) -> String {
    format!(
        "{}{}",
        super::event_dates(e),
        e.place.as_ref().map(|p| format!(" in {p}")).unwrap_or_default()
    )
}
