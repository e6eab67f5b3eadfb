//! Flags an office given to a person who did not hold it at the date the text speaks of.

use crate::checks::{Check, Context, cite};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::asof::long_date;

use super::{Verdict, person_name, term_text, verdict};

pub const CHECK: Check = Check {
    id: "title/wrong-holder",
    severity: Severity::Error,
    summary: "an office given to someone who did not hold it at the date",
    doc: "Flags a title paired with a person (`Foreign Minister of China Qin Gang`) when the record shows
someone else in that office at the relevant date: the date the sentence names, or else the draft's
as-of date.

## Why it matters
Offices change hands; copy written from memory or reused from an older story keeps the old name.

## Example
```text
BEIJING, 1 August 2023 (Xinhua) -- Foreign Minister of China Qin Gang met …
```
Wang Yi held the office again from 25 July 2023. `former`, `ex-` and `late` are read as the past and
not judged at the date; `then-` is judged at the date the sentence names; `acting`, `interim`,
`outgoing` and `incoming` are left alone, as are `deputy` and `vice` offices. When the record has
no holder for the date, nothing is said.",
    run,
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for (i, t) in cx.ex.titles.iter().enumerate() {
        let Verdict::WrongHolder { office, date, holders } = verdict(cx, i) else {
            continue;
        };
        let kb = cx.kb;
        let name = person_name(kb, t);
        let label = kb.office_label(office);
        let mut diag = Diagnostic::new(
            CHECK.id,
            severity,
            t.span.clone(),
            format!("{name} was not {label} on {}", long_date(date)),
        );
        let mut others = Vec::new();
        for &(o, ti) in &holders {
            let Some(term) = kb.offices.get(o).and_then(|x| x.term.get(ti)) else {
                continue;
            };
            let holder = kb
                .person(term.person.get_ref())
                .map(|p| p.name.clone())
                .unwrap_or_default();
            others.push(holder.clone());
            let at = kb.offices[o].at.within(term.person.span());
            diag = diag
                .note(format!(
                    "{holder} was {}: {}",
                    term_text(kb, o, term),
                    cite(&at, term.source.as_deref())
                ))
                .with_record(&at.path, at.line());
        }
        diag = diag.label(format!(
            "{} held the office on {}",
            others.join(" and "),
            long_date(date)
        ));
        for (o, term) in kb.terms_of(t.person).filter(|(o, _)| *o == office) {
            diag = diag.note(format!("{name} was {}", term_text(kb, o, term)));
        }
        let (_, from_sentence) = super::relevant_date(cx, i);
        if !from_sentence || date == cx.ex.as_of.date {
            diag = diag.note(cx.as_of_note());
        }
        out.push(diag);
    }
}
