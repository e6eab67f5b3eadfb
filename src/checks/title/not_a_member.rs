//! The check `title/not-a-member`; its `RULE.doc` below is its documentation.

use chrono::NaiveDate;

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::asof::AsOfSource;
use crate::extract::membership::MembershipClaim;
use crate::kb::Entry;
use crate::kb::model::Membership;

pub const RULE: Rule = Rule {
    id: "title/not-a-member",
    severity: Severity::Error,
    summary: "a state called a member of an organisation it had not joined, or had left",
    doc: "Flags a state called a member of an organisation (`NATO member Sweden`, `Britain, a member of
the EU,`, `BRICS members Egypt and Ethiopia`) when the record shows it had not yet joined, or had
already left, at the time the claim speaks of.

## Why it matters
Membership changes on a known day, and copy written from memory carries the old list forward:
Finland in NATO before April 2023, Britain in the EU after January 2020, Qatar in OPEC after 2018.

## Example
```text
STOCKHOLM, 12 June 2023 - NATO member Sweden hosted the exercise.
```
Sweden joined NATO on 7 March 2024. The claim is judged at the draft's date and at any date its
sentence gives, and is flagged only when the state was a member at none of them, so `In 2019,
NATO member Sweden …` written today is left alone, and a draft that gives no date of its own is
judged only by the dates its sentences give. A state the record does not list for the
organisation is never judged, nor is a claim denied or displaced by the words before it
(`former EU member Britain`, `non-NATO Sweden`, `would-be member`).",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for claim in &cx.ex.memberships {
        if let Some(d) = judge(cx, claim, severity) {
            out.push(d);
        }
    }
}

fn judge(cx: &Context<'_>, claim: &MembershipClaim, severity: Severity) -> Option<Diagnostic> {
    let kb = cx.kb;
    let org = kb.organizations.get(claim.org)?.id.get_ref();
    let country = kb.countries.get(claim.country)?.id.get_ref();
    let spells: Vec<&Entry<Membership>> = kb.memberships(org, country).collect();
    if spells.is_empty() {
        return None;
    }
    let times = times(cx, claim);
    if spells.iter().any(|m| times.iter().any(|&(a, b)| m.overlaps(a, b))) {
        return None;
    }
    // The time the claim is reported at: the sentence's own date, else the draft's.
    let &(when, until) = times.last()?;
    let state = kb.actor_name(country);
    let org_name = kb.actor_name(org);
    let ahead = spells.iter().filter(|m| m.since > when).min_by_key(|m| m.since);
    let behind = spells
        .iter()
        .filter(|m| m.until.is_some_and(|u| u <= when))
        .max_by_key(|m| m.until);
    let (label, entry) = match (ahead, behind) {
        (Some(m), _) => (
            format!("{state} joined {org_name} {}", on(m.since_precision, m.since)),
            *m,
        ),
        (None, Some(m)) => (
            format!(
                "{state} was no longer a member from {}",
                long_date(m.until.unwrap_or(when))
            ),
            *m,
        ),
        (None, None) => return None,
    };
    let written = crate::text::get(&cx.doc.text, claim.span.clone());
    Some(
        Diagnostic::new(
            RULE.id,
            severity,
            claim.span.clone(),
            format!("`{written}` was not a member of {org_name} {}", period(when, until)),
        )
        .label(label)
        .with_label(claim.org_span.clone(), "the organisation")
        .note(format!("judged {}", cx.as_of_note()))
        .note(crate::checks::cite(&entry.at, entry.source.as_deref()))
        .with_record(&entry.at.path, entry.at.line()),
    )
}

/// "on 12 June 2023", "in 2019", "in May 2022", "from 3 to 5 May 2022": a time a claim
/// speaks of.
fn period(a: NaiveDate, b: NaiveDate) -> String {
    use chrono::Datelike;
    let month_end = crate::calendar::days_in_month(b.year(), b.month());
    if a == b {
        format!("on {}", long_date(a))
    } else if (a.month(), a.day(), b.month(), b.day()) == (1, 1, 12, 31) && a.year() == b.year() {
        format!("in {}", a.year())
    } else if a.day() == 1 && b.day() == month_end && (a.year(), a.month()) == (b.year(), b.month()) {
        format!("in {}", a.format("%B %Y"))
    } else {
        format!("from {} to {}", long_date(a), long_date(b))
    }
}

/// "on 7 March 2024", "in September 1999", "in 1975"
fn on(precision: crate::kb::model::Precision, d: NaiveDate) -> String {
    let preposition = if precision == crate::kb::model::Precision::Day {
        "on"
    } else {
        "in"
    };
    format!("{preposition} {}", precision.render(d))
}

/// The times a claim may speak of: the draft's date, then each date its sentence gives. A
/// draft that gives no date of its own may be from the archive: only its sentence dates it.
fn times(cx: &Context<'_>, claim: &MembershipClaim) -> Vec<(NaiveDate, NaiveDate)> {
    let as_of = &cx.ex.as_of;
    let mut times = Vec::new();
    if as_of.source != AsOfSource::Today {
        times.push((as_of.date, as_of.date));
    }
    if let Some(s) = cx.ex.sentence_at(claim.span.start).and_then(|i| cx.ex.sentences.get(i)) {
        times.extend(
            cx.ex
                .dates_starting_in(s.clone())
                .iter()
                .filter_map(|d| Some((d.start?, d.end.or(d.start)?))),
        );
    }
    times
}
