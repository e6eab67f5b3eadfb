//! The check `title/wrong-office`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

use super::{Verdict, person_name, term_text, verdict};
use crate::kb::surface::Surface;

pub const RULE: Rule = Rule {
    id: "title/wrong-office",
    severity: Severity::Error,
    summary: "a person given an office of another country",
    doc: "Flags a title that names a country (`Foreign Minister of Russia Qin Gang`, `Russian Foreign
Minister Qin Gang`) when the person serves another country and never held that office, at any date.

## Why it matters
Two officials named in one sentence are easily swapped; the pairing is wrong whatever the date.

## Example
```text
Foreign Minister of Russia Qin Gang and Foreign Minister of China Sergey Lavrov met in Samarkand.
```
The fix offers the person's own country, written the same way (name, demonym or possessive). Taking
up such an office is flagged the same way (`Peters, who becomes Australian foreign minister`), when
the record has the person in that role for their own country only.

A minister given another cabinet portfolio (`Defence Minister Radosław Sikorski`, in a story of
the day the record has him as Poland's foreign minister) is flagged too, when the draft gives the
person no other title and names no other time near the title.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    for (i, t) in cx.ex.titles.iter().enumerate() {
        let Verdict::WrongOffice { office } = verdict(cx, i) else {
            continue;
        };
        let name = person_name(kb, t);
        let label = kb.office_label(office);
        let home = kb.person_country(t.person).and_then(|c| kb.country(c));
        let mut diag = Diagnostic::new(RULE.id, severity, t.span.clone(), format!("{name} was never {label}"))
            .label(format!("{name} never held this office"));
        let role = kb.offices.get(office).map(|o| o.role.clone()).unwrap_or_default();
        for (o, term) in kb.terms_of(t.person) {
            if kb.offices.get(o).is_some_and(|x| x.role == role) {
                diag = diag.note(format!("{name} was {}", term_text(kb, o, term)));
            }
        }
        if let Some(p) = kb.people.get(t.person) {
            diag = diag
                .note(crate::checks::cite(&p.at, p.source.as_deref()))
                .with_record(&p.at.path, p.at.line());
        }
        if let (Some(span), Some(home)) = (&t.actor_span, home) {
            let written = cx.doc.text.get(span.clone()).unwrap_or_default();
            let replacement = if t.actor_is_demonym {
                home.demonyms.first().map(|d| d.to_string())
            } else {
                Some(home.name.to_string())
            };
            if let Some(r) = replacement.filter(|r| r != written) {
                diag = diag
                    .with_label(span.clone(), format!("{name} serves {}", home.name))
                    .suggest(span.clone(), r);
            }
        }
        out.push(diag);
    }
    taking_office(cx, severity, out);
    other_portfolio(cx, severity, out);
}

/// How many sentences back a date may set the time a portfolio title speaks of.
const PORTFOLIO_REACH: usize = 2;

/// Days from the draft's date within which a date is the story's own ("on Thursday").
const STORY_DAYS: i64 = 7;

/// "Defence Minister Radosław Sikorski" on a day the record has Sikorski as foreign
/// minister: a portfolio the record holds no office for, given to its country's foreign
/// minister of the draft's day. Only when the draft gives the person no other title (that
/// is the inconsistent-title check's) and no date near the title moves the time.
fn other_portfolio(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    let as_of = cx.ex.as_of.date;
    if cx.ex.as_of.guessed_year {
        return;
    }
    for r in &cx.ex.role_titles {
        let titled_otherwise = cx.ex.titles.iter().any(|t| t.person == r.person)
            || cx
                .ex
                .role_titles
                .iter()
                .any(|o| o.person == r.person && o.role != r.role);
        if titled_otherwise || matches!(r.role.as_str(), "head-of-state" | "head-of-government") {
            continue;
        }
        let Some(si) = cx.ex.sentence_at(r.title_span.start) else {
            continue;
        };
        let (Some(from), Some(here)) = (
            cx.ex.sentences.get(si.saturating_sub(PORTFOLIO_REACH)),
            cx.ex.sentences.get(si),
        ) else {
            continue;
        };
        let dated = cx
            .ex
            .dates_starting_in(from.start..here.end)
            .iter()
            // The story's own days ("on Thursday") keep the draft's time.
            .any(|d| {
                Some(&d.span) != cx.ex.as_of.span.as_ref()
                    && d.start.is_none_or(|s| (s - as_of).num_days().abs() > STORY_DAYS)
            });
        if dated {
            continue;
        }
        let held = kb.terms_of(r.person).find(|(o, term)| {
            kb.offices.get(*o).is_some_and(|x| x.role == "foreign-minister")
                && crate::kb::within(term, as_of) == crate::kb::Within::Yes
        });
        let Some((office, term)) = held else { continue };
        let name = kb.people.get(r.person).map(|p| p.name.to_string()).unwrap_or_default();
        let role = r.role.replace('-', " ");
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                r.title_span.clone(),
                format!(
                    "{name} is called {role} here, but on {} the record has {name} as {}",
                    crate::calendar::long_date(as_of),
                    kb.office_label(office)
                ),
            )
            .label(format!("{name} was {}", kb.office_label(office)))
            .note(format!("{name} was {}", term_text(kb, office, term)))
            .note(cx.as_of_note()),
        );
    }
}

/// "Peters, who becomes Australian foreign minister for the third time": taking up an
/// office of a country the person does not serve, and never held.
fn taking_office(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    for m in &cx.ex.term_changes {
        let (Some(country), Some(home)) = (m.country.and_then(|c| kb.countries.get(c)), kb.person_country(m.person))
        else {
            continue;
        };
        let actor = country.id.get_ref().as_str();
        if actor == home {
            continue;
        }
        let roles: Vec<&str> = m
            .title
            .iter()
            .filter_map(|s| match *s {
                Surface::RoleTitle(r) => kb.roles.get(r).map(|r| r.id.get_ref().as_str()),
                Surface::OfficeTitle(o) => kb.offices.get(o).map(|o| o.role.as_str()),
                _ => None,
            })
            .collect();
        let Some(&role) = roles.first() else { continue };
        let Some(office) = kb.offices_of(actor, role).next() else {
            continue;
        };
        // Only someone the record knows in that role at home: never held it abroad.
        let held = |o: usize| kb.offices.get(o).is_some_and(|x| x.role == role);
        let at_home = kb
            .terms_of(m.person)
            .any(|(o, _)| held(o) && kb.office_actor(o) == Some(home));
        let abroad = kb
            .terms_of(m.person)
            .any(|(o, _)| held(o) && kb.office_actor(o) == Some(actor));
        if !at_home || abroad {
            continue;
        }
        let name = kb.people.get(m.person).map(|p| p.name.clone()).unwrap_or_default();
        let label = kb.office_label(office);
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            m.title_span.clone(),
            format!("{name} was never {label}"),
        )
        .label(format!("{name} never held this office"));
        for (o, term) in kb.terms_of(m.person).filter(|(o, _)| held(*o)) {
            diag = diag.note(format!("{name} was {}", term_text(kb, o, term)));
        }
        out.push(diag);
    }
}
