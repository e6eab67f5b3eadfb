//! The check `date/wrong-joining-date`; its `RULE.doc` below is its documentation.

use chrono::Datelike;

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::membership::JoiningClaim;

pub const RULE: Rule = Rule {
    id: "date/wrong-joining-date",
    severity: Severity::Error,
    summary: "a year of joining an organisation that disagrees with the record",
    doc: "Flags the date a state is said to have joined an organisation (`Sweden, which joined NATO in
2023,`, `Egypt became a member of BRICS in 2023`) when the year disagrees with the day the record
gives for its joining.

## Why it matters
The year a state applied, was invited or signed is easily written for the year it joined: Finland
and Sweden applied to NATO in May 2022 and joined in April 2023 and March 2024.

## Example
```text
STOCKHOLM, 12 June 2025 - Sweden, which joined NATO in 2023, hosted the exercise.
```
Sweden joined NATO on 7 March 2024. A day is compared with the day on record (`Finland became the
31st member of NATO on Monday`, written on 5 April 2023, when it joined on Tuesday 4 April);
otherwise only the year is compared: a month may be that of the signing, the ratification or the
entry into force, which sources give differently. A founding
member, a state the record does not list, and a date written without its year are never judged;
a state that left and joined again agrees with any of its spells.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for claim in &cx.ex.joinings {
        if let Some(d) = judge(cx, claim, severity) {
            out.push(d);
        }
    }
}

fn judge(cx: &Context<'_>, claim: &JoiningClaim, severity: Severity) -> Option<Diagnostic> {
    let kb = cx.kb;
    let date = cx.ex.dates.get(claim.date)?;
    // A day counted from the draft's own date ("on Monday") is as exact as one written out.
    let counted = date.relative && !cx.ex.as_of.guessed_year;
    if !date.year_written && !counted {
        return None;
    }
    let (start, end) = (date.start?, date.end?);
    let org = kb.organizations.get(claim.member.org)?.id.get_ref();
    let country = kb.countries.get(claim.member.country)?.id.get_ref();
    // The founders' day is the organisation's, not a joining.
    let founded = kb
        .memberships
        .iter()
        .filter(|m| m.organization.get_ref() == org)
        .map(|m| m.since)
        .min()?;
    let spells: Vec<_> = kb.memberships(org, country).filter(|m| m.since > founded).collect();
    // A day is compared with a day on record: "joined" and "became the 31st member" name
    // the day of joining itself.
    let by_day = |m: &crate::kb::Entry<crate::kb::model::Membership>| {
        date.is_day() && m.since_precision == crate::kb::model::Precision::Day
    };
    let agrees = |m: &crate::kb::Entry<crate::kb::model::Membership>| {
        if by_day(m) {
            start <= m.since && m.since <= end
        } else {
            (start.year()..=end.year()).contains(&m.since.year())
        }
    };
    if spells.is_empty() || spells.iter().any(|m| agrees(m)) {
        return None;
    }
    let m = spells.iter().min_by_key(|m| (m.since - start).num_days().abs())?;
    let day = by_day(m);
    let written = crate::text::get(&cx.doc.text, date.span.clone());
    let state = kb.actor_name(country);
    let when = m.since_precision.render(m.since);
    Some(
        Diagnostic::new(
            RULE.id,
            severity,
            date.span.clone(),
            if day {
                format!(
                    "`{written}` disagrees with the record: {state} joined {} on {}",
                    kb.actor_name(org),
                    crate::calendar::long_date(m.since)
                )
            } else {
                format!(
                    "`{written}` disagrees with the record: {state} joined {} in {}",
                    kb.actor_name(org),
                    m.since.year()
                )
            },
        )
        .label(format!("the record says {when}"))
        .with_label(claim.member.org_span.clone(), "the organisation")
        .note(crate::checks::cite(&m.at, m.source.as_deref()))
        .with_record(&m.at.path, m.at.line()),
    )
}
