//! The check `date/impossible-date`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "date/impossible-date",
    severity: Severity::Error,
    summary: "a date that does not exist",
    doc: "Flags a date that is not in the calendar: a day past the end of its month (`31 April 2023`, `32 March
2023`), 29 February in a year that is not a leap year, a month 13 or higher (`25/13/2023`,
`2023-13-05`), and a range written as one that ends before it starts (`22-20 March 2023`).

## Why it matters
A date that cannot exist is always a typo, and readers notice it.

## Example
```text
The talks were held on 31 April 2023.
```
April has 30 days. `29 February 2024` is fine; `29 February 2023` is not. Without a year, 29 February
is accepted. Two dates joined by `to` or a spaced dash that run backwards (`moved from December 1 to
October 1`) are read as two dates, not a reversed range. A weekday that contradicts its date is
reported by `date/weekday-mismatch`.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    if let Some(span) = &cx.doc.front_matter_bad_date {
        let written = crate::text::get(&cx.doc.text, span.clone());
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!("`{written}` in the front matter is not a date"),
            )
            .label("no such day"),
        );
    }
    for d in &cx.ex.dates {
        if let Some(why) = &d.impossible {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    severity,
                    d.span.clone(),
                    format!("`{}` is not a date: {why}", d.text),
                )
                .label("no such day"),
            );
        }
    }
}
