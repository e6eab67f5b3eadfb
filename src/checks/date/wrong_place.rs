//! The check `date/wrong-place`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::event::{Place, place_matches};

pub const RULE: Rule = Rule {
    id: "date/wrong-place",
    severity: Severity::Error,
    summary: "a place given for a known event that disagrees with the record",
    doc: "Flags the city or country the text gives for a known event (`the 15th BRICS summit in Durban`)
when the knowledge base records another, and suggests the recorded one.

## Why it matters
Host cities of summits are easy to mix up across years.

## Example
```text
Leaders gathered for the 15th BRICS summit in Durban.
```
The 15th BRICS summit was held in Johannesburg. A country is accepted when the recorded city is in
it (`the 4th Neighbours of Afghanistan meeting in Uzbekistan`). A venue given before the event
opened is not judged: it may have been the planned one. A meeting named by who took part
(`Blinken met Wang Yi in Berlin on 18 February 2023`) is judged when the day the text gives falls
within a recorded meeting of theirs and no recorded meeting that year was held at the place given.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for m in &cx.ex.events {
        let (Some((place, span)), Some(i)) = (&m.place, m.event) else {
            continue;
        };
        let Some(e) = cx.kb.events.get(i) else { continue };
        let recorded = match place {
            Place::City(_) => e.place.is_some(),
            Place::Country(_) => e.country.is_some(),
        };
        // Weeks before an event, the text can only give its planned venue, which may have moved
        // since (COP25 was moved from Chile to Madrid a month before it opened); in its last
        // fortnight the venue is settled.
        let planned = e.start > cx.ex.as_of.date + chrono::Days::new(14) && !cx.ex.as_of.guessed_year;
        if !recorded
            || planned
            || e.kind.as_deref() == Some("visit")
            || place_matches(cx.kb, i, place)
            || super::ordinal_points_elsewhere(cx, m).is_some()
        {
            continue;
        }
        let right = match place {
            Place::City(_) => e.place.clone(),
            Place::Country(_) => e
                .country
                .as_deref()
                .and_then(|c| cx.kb.country(c))
                .map(|c| c.name.clone()),
        };
        let Some(right) = right else { continue };
        let written = cx.doc.text.get(span.clone()).unwrap_or_default();
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!(
                    "`{written}` disagrees with the record: {} {} in {right}",
                    e.name,
                    // "talks between A and B took place in", "the 15th BRICS summit was held in"
                    if e.is_meeting() { "took place" } else { "was held" }
                ),
            )
            .label(format!("the record says {right}"))
            .with_label(m.span.clone(), e.name.to_string())
            .note(super::event_note(e))
            .with_record(&e.at.path, e.at.line())
            .suggest(span.clone(), right),
        );
    }
}
