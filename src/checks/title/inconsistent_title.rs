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
both at the dates concerned. A title the record knows only by its kind (`Defence Minister`, for a
country of which it holds no defence office) is compared with the person's other titles by kind.
Titles with `former`, `then-` or `acting` are not compared.

## Why it matters
At most one of the two is right, and the reader cannot tell which.

## Example
```text
Foreign Minister Wang Yi arrived on Monday. … Premier Wang Yi said …
```",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    offices(cx, severity, out);
    roles(cx, severity, out);
}

/// "Foreign Minister Naledi Pandor" … "Defence Minister Naledi Pandor", where the record
/// holds no defence office for South Africa: a title known only by its kind, given to a
/// person the draft also gives an office of another kind (or a title of another kind).
fn roles(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    let words = |role: &str| role.replace('-', " ");
    for (k, r) in cx.ex.role_titles.iter().enumerate() {
        let office = cx.ex.titles.iter().enumerate().find(|(i, t)| {
            t.person == r.person
                && t.modifier == Modifier::Current
                // An office title the record refutes is reported as such; the role title
                // beside it may be the right one.
                && matches!(verdict(cx, *i), Verdict::Holds | Verdict::Unknown)
                && t.offices
                    .iter()
                    .all(|&o| kb.offices.get(o).is_some_and(|x| x.role != r.role))
        });
        let other = match office {
            Some((_, t)) => Some((
                t.title_span.clone(),
                t.offices.first().map(|&o| kb.office_label(o)).unwrap_or_default(),
            )),
            None => cx
                .ex
                .role_titles
                .iter()
                .take(k)
                .find(|e| e.person == r.person && e.role != r.role)
                .map(|e| (e.title_span.clone(), words(&e.role))),
        };
        let Some((span, label)) = other else { continue };
        let name = kb.people.get(r.person).map(|p| p.name.clone()).unwrap_or_default();
        let (line, _) = cx.doc.line_col(span.start);
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                r.title_span.clone(),
                format!("{name} is called {} here but {label} on line {line}", words(&r.role)),
            )
            .label(words(&r.role))
            .with_label(span, label),
        );
    }
}

fn offices(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
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
