//! The check `title/inconsistent-title`; its `RULE.doc` below is its documentation.

use std::collections::HashMap;

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::title::Modifier;
use crate::kb::{Within, within};

use super::{Verdict, person_name, relevant_date, verdict};

pub const RULE: Rule = Rule {
    id: "title/inconsistent-title",
    severity: Severity::Warning,
    summary: "the same person given two different offices in one draft",
    doc: "Flags a person who is given one office in one place and another elsewhere in the same draft
(`Foreign Minister Qin Gang` … `Prime Minister Qin Gang`), unless the record shows them holding
both at the dates concerned. Titles with `former`, `then-` or `acting` are not compared.

## Why it matters
At most one of the two is right, and the reader cannot tell which.

## Example
```text
Foreign Minister Wang Yi arrived on Monday. … Premier Wang Yi said …
```",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    let mut first: HashMap<usize, usize> = HashMap::new();
    for (i, t) in cx.ex.titles.iter().enumerate() {
        if t.modifier != Modifier::Current || matches!(verdict(cx, i), Verdict::WrongOffice { .. }) {
            continue;
        }
        let Some(&j) = first.get(&t.person) else {
            first.insert(t.person, i);
            continue;
        };
        let Some(a) = cx.ex.titles.get(j) else { continue };
        if a.offices.iter().any(|o| t.offices.contains(o)) {
            continue;
        }
        let held = |k: usize, offices: &[usize]| {
            let (date, _) = relevant_date(cx, k);
            kb.terms_of(t.person)
                .any(|(o, term)| offices.contains(&o) && within(term, date) != Within::No)
        };
        if held(j, &a.offices) && held(i, &t.offices) {
            continue;
        }
        let name = person_name(kb, t);
        let describe = |offices: &[usize]| offices.first().map(|&o| kb.office_label(o)).unwrap_or_default();
        let (line, _) = cx.doc.line_col(a.span.start);
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                t.title_span.clone(),
                format!(
                    "{name} is called {} here but {} on line {line}",
                    describe(&t.offices),
                    describe(&a.offices)
                ),
            )
            .label(describe(&t.offices))
            .with_label(a.title_span.clone(), describe(&a.offices)),
        );
    }
}
