//! The check `date/term-date-mismatch`; its `RULE.doc` below is its documentation.

use chrono::{Datelike, NaiveDate};

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::term_change::{Change, Step, TermChange};
use crate::kb::model::{Precision, Term};
use crate::kb::surface::Surface;

pub const RULE: Rule = Rule {
    id: "date/term-date-mismatch",
    severity: Severity::Error,
    summary: "a date of taking up or leaving an office that disagrees with the record",
    doc: "Flags the date the text gives for a person taking up an office (`sworn in as`, `took office as`,
`became`, `was appointed`, `was elected prime minister by parliament`) or leaving it (`resigned as`, `stepped down as`) when every term the
record holds for that person in that office starts (or ends) on another day, and suggests the
recorded date.

## Why it matters
Appointment dates are easy to carry over wrongly from an announcement, a nomination or an
election, and they anchor every later title in a story.

## Example
```text
ISLAMABAD, 12 April 2022 (APP) - Shehbaz Sharif was sworn in as prime minister on 11 April 2021.
```
The record has his term starting on 11 April 2022. The head of an international organisation may
be appointed up to a year before taking office. A swearing-in may fall up to three days after the
recorded start only where the office says so (`sworn_in_within`: Iran's president takes office
when the Supreme Leader endorses him and is sworn in before parliament two days later), a public
inauguration up to ten days after it (Botswana's president took the oath on 1 November 2024 and was
inaugurated on 8 November), and an appointment the day before it, never the other way;
any other phrase is allowed a day either side; a month or a year is compared
at its own grain, and a term known only to the month or year is never judged to the day.",
    kind: Kind::Check(run),
};

/// How many days a public inauguration may follow the start of a term on record.
const INAUGURATION_LAG: u64 = 10;

/// How many days before taking office an appointment may come.
const APPOINTMENT_LAG: u64 = 7;

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for m in &cx.ex.term_changes {
        let Some(d) = m.date.and_then(|i| cx.ex.dates.get(i)) else {
            continue;
        };
        // A weekday or a year-less date read against a dateline whose year is a guess
        // dates nothing.
        if cx.ex.as_of.guessed_year && !d.year_written {
            continue;
        }
        let (Some(start), Some(end)) = (d.start, d.end) else {
            continue;
        };
        let terms = terms(cx, m, start);
        if terms.is_empty() {
            continue;
        }
        let recorded = |t: &Term| match m.change {
            Change::Start => Some((t.start, t.start_precision)),
            Change::End => t.end.map(|e| (e, t.end_precision)),
        };
        // The head of an international organisation is appointed or elected months before
        // taking office (NATO's Council appointed Mark Rutte on 26 June 2024; he took over on
        // 1 October): an appointment up to a year ahead agrees.
        let international = terms
            .iter()
            .all(|(o, _)| cx.kb.offices.get(*o).is_some_and(|x| x.organization.is_some()));
        // How long after taking office the oath may come, by the offices' own record.
        let sworn_lag = terms
            .iter()
            .filter_map(|(o, _)| cx.kb.offices.get(*o))
            .map(|o| o.sworn_in_within)
            .max()
            .unwrap_or(0);
        let agrees_at = |start: NaiveDate, end: NaiveDate, (day, precision): (NaiveDate, Precision)| match (
            precision,
            d.is_day(),
        ) {
            _ if international && m.step == Step::Appointed => {
                day >= start - chrono::Days::new(31) && day <= end + chrono::Days::new(366)
            }
            (Precision::Day, true) => {
                let (before, after) = match m.step {
                    // Named first, sworn in up to a week later (Bangladesh's chief adviser
                    // was appointed on 6 August 2024 and sworn in on the 8th).
                    Step::Appointed => (0, APPOINTMENT_LAG),
                    Step::Sworn => (u64::from(sworn_lag), 0),
                    Step::Inaugurated => (u64::from(sworn_lag).max(INAUGURATION_LAG), 0),
                    Step::Either => (1, 1),
                };
                day >= start - chrono::Days::new(before) && day <= end + chrono::Days::new(after)
            }
            // "became foreign minister last October", of a minister named on 30 October
            // and sworn in on 4 November: a month agrees with a start a few days after it.
            (Precision::Day, false)
                if m.change == Change::Start
                    && matches!(m.step, Step::Appointed | Step::Either)
                    && day > end
                    && day <= end + chrono::Days::new(APPOINTMENT_LAG) =>
            {
                true
            }
            (Precision::Day | Precision::Month, _) => {
                (day.year(), day.month()) >= (start.year(), start.month())
                    && (day.year(), day.month()) <= (end.year(), end.month())
            }
            (Precision::Year, _) => day.year() >= start.year() && day.year() <= end.year(),
        };
        let agrees = |x| agrees_at(start, end, x);
        // A date written without its year ("became prime minister in October") says
        // nothing about the year: if it fits the record a year either side, say nothing.
        if !d.year_written && !d.relative && shifted_agrees(start, end, &days_of(&terms, m.change), d.is_day()) {
            continue;
        }
        // Terms on record run unbroken through re-elections: a swearing-in a year or more
        // into a term may be a new mandate ("sworn in for a third term"), not the start.
        let inside_later = terms
            .iter()
            .any(|(_, t)| start > t.start + chrono::Days::new(365) && t.end.is_none_or(|e| start <= e));
        // A date well inside a running term may be a new term of the same holder (an
        // inauguration after re-election), unless the clause names whom they succeed.
        if m.change == Change::Start && inside_later && !m.succeeds {
            continue;
        }
        let days: Vec<(NaiveDate, Precision)> = terms.iter().filter_map(|(_, t)| recorded(t)).collect();
        // A term still open has no end to compare: say nothing.
        if days.is_empty() || days.iter().any(|&x| agrees(x)) {
            continue;
        }
        // "on Friday" alone: whether it is the last Friday or the next follows the tense it is
        // read in, which may be the very error ("Anwar's swearing-in will take place on
        // Thursday", the day after it). The same day of the week on the other side of the
        // draft's date that fits the record leaves the tense check to speak.
        let written = crate::text::get(&cx.doc.prose, d.span.clone());
        let bare_weekday = d.relative && crate::calendar::weekday_word(written.trim()).is_some();
        let week = chrono::Days::new(7);
        let as_of = cx.ex.as_of.date;
        let week_off = |x| {
            if start > as_of {
                start - week <= as_of && agrees_at(start - week, end - week, x)
            } else {
                start + week > as_of && agrees_at(start + week, end + week, x)
            }
        };
        if bare_weekday && days.iter().any(|&x| week_off(x)) {
            continue;
        }
        // A month-precision record says nothing to a day named in that month, and nothing
        // at all below the month to a day elsewhere: judge only where the record is exact.
        let Some(&(nearest, precision)) = days.iter().min_by_key(|(x, _)| (*x - start).num_days().abs()) else {
            continue;
        };
        if precision != Precision::Day && d.is_day() {
            continue;
        }
        let Some((office, _)) = terms.first() else { continue };
        let label = cx.kb.office_label(*office);
        let name = cx.kb.people.get(m.person).map(|p| p.name.clone()).unwrap_or_default();
        let verb = match m.change {
            Change::Start => "took office as",
            Change::End => "left office as",
        };
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            d.span.clone(),
            format!(
                "`{}` disagrees with the record: {name} {verb} {label} on {}",
                d.text,
                long_date(nearest)
            ),
        )
        .label(format!("the record says {}", long_date(nearest)))
        .with_label(m.span.clone(), format!("{name} {verb} {label}"));
        for (o, t) in &terms {
            diag = crate::checks::title::with_term_note(diag, cx.kb, *o, t, &name);
        }
        // A relative day ("on Monday") is replaced by the day written out in full.
        if d.is_day() && !d.is_range && d.weekday.is_none() {
            let fix = if d.relative {
                long_date(nearest)
            } else {
                d.render(nearest, nearest)
            };
            diag = diag.suggest(d.span.clone(), fix);
        }
        out.push(diag);
    }
}

/// The recorded days of the change (start or end) in these terms.
fn days_of(terms: &[(usize, &Term)], change: Change) -> Vec<(NaiveDate, Precision)> {
    terms
        .iter()
        .filter_map(|(_, t)| match change {
            Change::Start => Some((t.start, t.start_precision)),
            Change::End => t.end.map(|e| (e, t.end_precision)),
        })
        .collect()
}

/// True when the text's interval, moved a year back or forward, holds a recorded day.
fn shifted_agrees(start: NaiveDate, end: NaiveDate, days: &[(NaiveDate, Precision)], is_day: bool) -> bool {
    [-1, 1].iter().any(|&k: &i32| {
        let shift = |x: NaiveDate| x.with_year(x.year() + k);
        let (Some(a), Some(b)) = (shift(start), shift(end)) else {
            return false;
        };
        days.iter().any(|&(day, precision)| match (precision, is_day) {
            (Precision::Day, true) => day >= a - chrono::Days::new(1) && day <= b + chrono::Days::new(1),
            _ => {
                (day.year(), day.month()) >= (a.year(), a.month()) && (day.year(), day.month()) <= (b.year(), b.month())
            }
        })
    })
}

/// How far from the date a term on record may start to be the one a phrase with no office
/// ("was sworn in on Tuesday") speaks of.
const ALONE_REACH_DAYS: i64 = 200;

/// The person's terms in the offices the title can mean, for the country written with it
/// or the person's own. With no title, those in an office the person taken over from held,
/// or else the terms that start near the date.
pub(super) fn terms<'a>(cx: &'a Context<'_>, m: &TermChange, date: NaiveDate) -> Vec<(usize, &'a Term)> {
    let kb = cx.kb;
    // "took over from Haruhiko Kuroda": an office the predecessor held too.
    if let (true, Some(p)) = (m.title.is_empty(), m.predecessor) {
        let theirs: Vec<usize> = kb.terms_of(p).map(|(o, _)| o).collect();
        let shared: Vec<(usize, &Term)> = kb.terms_of(m.person).filter(|(o, _)| theirs.contains(o)).collect();
        if !shared.is_empty() {
            return shared;
        }
    }
    if m.title.is_empty() {
        return kb
            .terms_of(m.person)
            .filter(|(_, t)| m.change == Change::Start && (t.start - date).num_days().abs() <= ALONE_REACH_DAYS)
            .collect();
    }
    let actor = m
        .country
        .and_then(|c| kb.countries.get(c))
        .map(|c| c.id.get_ref().to_string())
        .or_else(|| kb.person_country(m.person).map(str::to_string));
    let mut offices: Vec<usize> = Vec::new();
    for s in &m.title {
        match *s {
            Surface::OfficeTitle(o) => offices.push(o),
            Surface::RoleTitle(r) => {
                if let (Some(role), Some(actor)) = (kb.roles.get(r), actor.as_deref()) {
                    offices.extend(kb.offices_of(actor, role.id.get_ref()));
                }
            }
            _ => {}
        }
    }
    kb.terms_of(m.person).filter(|(o, _)| offices.contains(o)).collect()
}
