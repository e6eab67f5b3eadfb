//! What factlint read in a draft and what became of it, beside the findings: the claims it
//! checked against the record and found consistent (with the record and its source), and
//! the claims it read but could not check because the record does not know enough (a
//! title at a date with no recorded holder, an event or a person it has never heard of, a
//! stance with no documented position). An editor then knows what is left to verify by
//! hand. Claims that contradict the record are findings, and are not repeated here.
//!
//! Shown in the page of `factlint serve` and given by `factlint check --claims` in the JSON
//! format.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use crate::calendar::long_date;
use crate::checks::Context;
use crate::checks::title::{Verdict, relevant_date, verdict};
use crate::diagnostic::{Diagnostic, Record};
use crate::error::Origin;
use crate::extract::title::Modifier;
use crate::kb::{Kb, Within, within};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Checked against the record and found to agree with it.
    Consistent,
    /// Read, but the record cannot tell: left for the editor.
    Unchecked,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// `title`, `event`, `stance`, `weekday` or `person`.
    pub kind: &'static str,
    pub status: Status,
    /// The span of the draft the claim is read from.
    pub span: Range<usize>,
    /// The draft's words.
    pub text: String,
    /// The claim in plain words: "Sergey Lavrov, foreign minister of Russia on 14 April 2023".
    pub statement: String,
    /// Why an unchecked claim could not be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The knowledge-base entry a consistent claim agrees with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
    /// The record's source (a URL or a document's title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn record(at: &Origin) -> Option<Record> {
    Some(Record {
        path: at.path.to_string(),
        line: at.line(),
    })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// The claims of a checked draft. `findings` are the run's findings (after suppression):
/// a claim a finding is about is left to the finding.
pub fn collect(cx: &Context<'_>, findings: &[Diagnostic]) -> Vec<Claim> {
    let mut out = Vec::new();
    let flagged = |span: &Range<usize>, family: &str| {
        findings
            .iter()
            .any(|d| d.rule.starts_with(family) && overlaps(&d.span, span))
    };
    let text = |span: &Range<usize>| crate::text::get(&cx.doc.text, span.clone()).to_string();
    titles(cx, &flagged, &text, &mut out);
    events(cx, &flagged, &text, &mut out);
    stances(cx, &flagged, &text, &mut out);
    weekdays(cx, &flagged, &mut out);
    people(cx, &text, &mut out);
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

fn titles(
    cx: &Context<'_>,
    flagged: &dyn Fn(&Range<usize>, &str) -> bool,
    text: &dyn Fn(&Range<usize>) -> String,
    out: &mut Vec<Claim>,
) {
    let kb = cx.kb;
    let mut seen = HashSet::new();
    for (i, t) in cx.ex.titles.iter().enumerate() {
        if flagged(&t.span, "title/") {
            continue;
        }
        let name = kb.people.get(t.person).map(|p| p.name.clone()).unwrap_or_default();
        let Some(&office) = t.offices.first() else { continue };
        let label = kb.office_label(office);
        let (date, _) = relevant_date(cx, i);
        if !seen.insert((t.person, office, date)) {
            continue;
        }
        let mut claim = Claim {
            kind: "title",
            status: Status::Unchecked,
            span: t.span.clone(),
            text: text(&t.span),
            statement: format!("{name}, {label} on {}", long_date(date)),
            reason: None,
            record: None,
            source: None,
        };
        match verdict(cx, i) {
            Verdict::Holds => {
                let term = kb
                    .terms_of(t.person)
                    .filter(|(o, _)| t.offices.contains(o))
                    .find(|(_, term)| within(term, date) == Within::Yes)
                    .or_else(|| kb.terms_of(t.person).find(|(o, _)| t.offices.contains(o)));
                claim.status = Status::Consistent;
                if let Some((o, term)) = term
                    && let Some(entry) = kb.offices.get(o)
                {
                    let at = entry.at.within(term.person.span());
                    claim.record = record(&at);
                    claim.source = term.source.as_deref().or(entry.source.as_deref()).map(str::to_string);
                }
            }
            Verdict::Unknown => {
                claim.reason = Some(match t.modifier {
                    Modifier::Former => format!("`former` titles are not judged: check when {name} held it"),
                    Modifier::Transition => {
                        "acting and interim titles, and incoming ones near their term, are not judged".to_string()
                    }
                    _ if cx.ex.as_of.guessed_year => "the draft gives no date to judge the title at".to_string(),
                    _ => format!("the record cannot tell who was {label} on {}", long_date(date)),
                });
            }
            Verdict::WrongHolder { .. }
            | Verdict::WrongOffice { .. }
            | Verdict::TermEnded { .. }
            | Verdict::NotYet { .. } => continue,
        }
        out.push(claim);
    }
}

fn events(
    cx: &Context<'_>,
    flagged: &dyn Fn(&Range<usize>, &str) -> bool,
    text: &dyn Fn(&Range<usize>) -> String,
    out: &mut Vec<Claim>,
) {
    let kb = cx.kb;
    let mut seen = HashSet::new();
    for m in &cx.ex.events {
        if m.anaphoric {
            continue;
        }
        let date = m.date.and_then(|d| cx.ex.dates.get(d));
        let mut spans = vec![m.span.clone()];
        spans.extend(date.map(|d| d.span.clone()));
        spans.extend(m.place.as_ref().map(|(_, s)| s.clone()));
        spans.extend(m.ordinal.as_ref().map(|(_, s)| s.clone()));
        if spans.iter().any(|s| flagged(s, "date/")) {
            continue;
        }
        let span =
            m.span.start.min(date.map_or(usize::MAX, |d| d.span.start))..m.span.end.max(date.map_or(0, |d| d.span.end));
        match m.event.and_then(|e| kb.events.get(e)) {
            Some(e) => {
                if !seen.insert(m.event) {
                    continue;
                }
                let dates = crate::checks::date::event_dates(e);
                let place = e.place.as_ref().map(|p| format!(" in {p}")).unwrap_or_default();
                let what = match date {
                    Some(d) => format!("{}, {}: the record has {dates}{place}", e.name, d.text),
                    None => format!("{}: {dates}{place}", e.name),
                };
                out.push(Claim {
                    kind: "event",
                    status: Status::Consistent,
                    text: text(&span),
                    span,
                    statement: what,
                    reason: None,
                    record: record(&e.at),
                    source: e.source.as_deref().map(str::to_string),
                });
            }
            None => {
                if !seen.insert(None) && m.series.is_none() {
                    continue;
                }
                let series = m.series.and_then(|s| kb.series.get(s));
                out.push(Claim {
                    kind: "event",
                    status: Status::Unchecked,
                    text: text(&span),
                    span,
                    statement: text(&m.span),
                    reason: Some(match series {
                        Some(s) => format!(
                            "the record does not know this meeting of {}",
                            s.names.first().map_or(s.id.get_ref().as_str(), |n| n.as_str())
                        ),
                        None => "the record does not know this event".to_string(),
                    }),
                    record: None,
                    source: None,
                });
            }
        }
    }
}

/// "the democratization of international relations"
fn topic_name(kb: &Kb, id: &str) -> String {
    kb.topic(id)
        .and_then(|t| {
            let with_article = t.names.iter().find(|n| n.starts_with("a ") || n.starts_with("the "));
            with_article.or(t.names.first()).map(|n| n.to_string())
        })
        .unwrap_or_else(|| id.to_string())
}

fn stances(
    cx: &Context<'_>,
    flagged: &dyn Fn(&Range<usize>, &str) -> bool,
    text: &dyn Fn(&Range<usize>) -> String,
    out: &mut Vec<Claim>,
) {
    use crate::checks::stance::{claim_text, incompatible};
    let kb = cx.kb;
    for (i, st) in cx.ex.stances.iter().enumerate() {
        if flagged(&st.span, "stance/") || st.actors.is_empty() {
            continue;
        }
        let date = cx
            .ex
            .stance_sentence
            .get(i)
            .and_then(|&s| cx.ex.sentence_date(s))
            .and_then(|d| d.start)
            .unwrap_or(cx.ex.as_of.date);
        let topic = if st.topic_id.is_empty() {
            // A topic the record does not track: the draft's words for it.
            let words = text(&st.topic_span);
            if words.trim().is_empty() { text(&st.span) } else { words }
        } else {
            topic_name(kb, &st.topic_id)
        };
        for actor in &st.actors {
            let records: Vec<_> = kb
                .stances_on(actor, &st.topic_id)
                .filter(|r| r.since.is_none_or(|s| s <= date) && r.until.is_none_or(|u| date <= u))
                .collect();
            let statement = format!("{} {} {topic}", kb.actor_name(actor), claim_text(st.claim(), false));
            let agreeing = records.iter().find(|r| !incompatible(st.claim(), (r.position, false)));
            let claim = match agreeing {
                Some(r) => Claim {
                    kind: "stance",
                    status: Status::Consistent,
                    span: st.span.clone(),
                    text: text(&st.span),
                    statement,
                    reason: None,
                    record: record(&r.at),
                    source: r.source.as_deref().map(str::to_string),
                },
                None if records.is_empty() => Claim {
                    kind: "stance",
                    status: Status::Unchecked,
                    span: st.span.clone(),
                    text: text(&st.span),
                    statement,
                    reason: Some(format!(
                        "the record documents no position of {} on {topic}",
                        kb.actor_name(actor)
                    )),
                    record: None,
                    source: None,
                },
                None => continue,
            };
            out.push(claim);
        }
    }
}

fn weekdays(cx: &Context<'_>, flagged: &dyn Fn(&Range<usize>, &str) -> bool, out: &mut Vec<Claim>) {
    for d in &cx.ex.dates {
        let (Some((_, wspan)), Some(start)) = (&d.weekday, d.start) else {
            continue;
        };
        if d.impossible.is_some() || flagged(&d.span, "date/") || flagged(wspan, "date/") {
            continue;
        }
        let span = wspan.start.min(d.span.start)..wspan.end.max(d.span.end);
        out.push(Claim {
            kind: "weekday",
            status: Status::Consistent,
            text: crate::text::get(&cx.doc.text, span.clone()).to_string(),
            span,
            statement: format!("{} was a {}", long_date(start), start.format("%A")),
            reason: None,
            record: None,
            source: Some("the calendar".to_string()),
        });
    }
}

/// Full personal names the record does not know, each once.
fn people(cx: &Context<'_>, text: &dyn Fn(&Range<usize>) -> String, out: &mut Vec<Claim>) {
    let mut seen = HashSet::new();
    for n in &cx.ex.names {
        if !n.full || !n.people.is_empty() || !seen.insert(n.text.clone()) {
            continue;
        }
        out.push(Claim {
            kind: "person",
            status: Status::Unchecked,
            span: n.span.clone(),
            text: text(&n.span),
            statement: n.text.clone(),
            reason: Some("a person the record does not know: check the name and title by hand".to_string()),
            record: None,
            source: None,
        });
    }
}

/// The claims of a draft checked with `crate::check`.
pub fn of_draft(
    doc: &crate::source::Document,
    kb: &Kb,
    ex: &crate::extract::Extraction,
    findings: &[Diagnostic],
) -> Vec<Claim> {
    collect(&Context { doc, kb, ex }, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_claims() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/sample/samarkand-2023-04-14.txt"
        ))
        .unwrap_or_default();
        let rules = crate::rules::Rules::load(&crate::rules::PackSources::default()).unwrap_or_else(|_| unreachable!());
        let doc = crate::source::Document::new("s.txt", text, crate::source::Format::Text);
        let crate::Findings {
            extraction: ex,
            diagnostics: findings,
        } = crate::check(&doc, &rules, &Default::default());
        let claims = of_draft(&doc, &rules.kb, &ex, &findings);
        let shown: Vec<String> = claims
            .iter()
            .map(|c| format!("{:?} {} {}", c.status, c.kind, c.statement))
            .collect();
        assert!(
            shown
                .iter()
                .any(|s| s.contains("Sergey Lavrov, foreign minister of Russia on 14 April 2023"))
        );
        assert!(shown.iter().any(|s| s.starts_with("Consistent event")), "{shown:#?}");
        assert!(
            !shown.iter().any(|s| s.contains("democratization")),
            "a finding is not a claim"
        );
    }
}
