//! The check `stance/contradicts-record`; its `RULE.doc` below is its documentation.

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule, cite};
use crate::diagnostic::{Diagnostic, Severity};

use super::{incompatible, names};

pub const RULE: Rule = Rule {
    id: "stance/contradicts-record",
    severity: Severity::Error,
    summary: "a stance that contradicts the actor's documented position",
    doc: "Flags a statement that an actor supports or opposes a topic (`They opposed the democratization of
international relations`) when the knowledge base documents the opposite position for that actor,
stated in a joint statement or official readout. The subject is resolved through pronouns and
plural phrases (`They`, `Both countries`, `the two ministers`) and from a minister to the country
they speak for.

## Why it matters
Reversing a well-known position is among the most damaging errors a story can carry.

## Example
```text
Both countries asserted that they share identical perspectives.
They opposed the democratization of international relations.
```
China and Russia have supported the democratization of international relations on record (for
example in their joint statement of 4 February 2022). `did not oppose` agrees with that record;
statements others make about the actor (`critics say China opposes …`), modals and conditionals
are not read as the actor's stance. Positions dated after the statement are not applied.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    for (i, st) in cx.ex.stances.iter().enumerate() {
        let date = cx
            .ex
            .stance_sentence
            .get(i)
            .and_then(|&s| cx.ex.sentence_date(s))
            .and_then(|d| d.start)
            .unwrap_or(cx.ex.as_of.date);
        let mut against = Vec::new();
        let mut notes = Vec::new();
        let mut records = Vec::new();
        for actor in &st.actors {
            for record in kb.stances_on(actor, &st.topic_id) {
                let in_force = record.since.is_none_or(|s| s <= date) && record.until.is_none_or(|u| date <= u);
                if !in_force || !incompatible(st.claim(), (record.position, false)) {
                    continue;
                }
                against.push((actor.clone(), record.position));
                let since = record
                    .since
                    .map(|s| format!(" since {}", long_date(s)))
                    .unwrap_or_default();
                notes.push(format!(
                    "{} has {} {} on record{since}: {}",
                    kb.actor_name(actor),
                    match record.position {
                        crate::kb::model::Position::Support => "supported",
                        crate::kb::model::Position::Oppose => "opposed",
                    },
                    topic_name(cx, &st.topic_id),
                    cite(&record.at, record.source.as_deref())
                ));
                records.push((record.at.path.to_string(), record.at.line()));
            }
        }
        let Some((_, position)) = against.first() else { continue };
        let actors: Vec<String> = against.iter().map(|(a, _)| a.clone()).collect();
        let who = names(kb, &actors);
        let verb = if actors.len() > 1 {
            position.verb().to_string()
        } else {
            format!("{}s", position.verb())
        };
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            st.span.clone(),
            format!(
                "this contradicts the record: {who} {verb} {}",
                topic_name(cx, &st.topic_id)
            ),
        )
        .label(format!("{who} {verb} this on record"));
        let subject = cx.doc.text.get(st.subject_span.clone()).unwrap_or_default();
        let resolved = names(kb, &st.actors);
        diag = match &st.antecedent {
            Some(a) => {
                let (line, _) = cx.doc.line_col(a.start);
                let ante = cx.doc.text.get(a.clone()).unwrap_or_default();
                diag.with_label(st.subject_span.clone(), format!("`{subject}` is {resolved}"))
                    .with_label(a.clone(), format!("`{ante}` (line {line}) is {resolved}"))
            }
            None => diag.with_label(st.subject_span.clone(), format!("`{subject}` is {resolved}")),
        };
        for n in notes {
            diag = diag.note(n);
        }
        for (path, line) in &records {
            diag = diag.with_record(path, *line);
        }
        out.push(diag);
    }
}

fn topic_name(cx: &Context<'_>, id: &str) -> String {
    cx.kb
        .topic(id)
        .and_then(|t| {
            let with_article = t.names.iter().find(|n| n.starts_with("a ") || n.starts_with("the "));
            with_article.or(t.names.first()).cloned()
        })
        .map_or_else(
            || id.to_string(),
            |n| {
                // "the democratization of international relations", "the one-China principle";
                // "unilateral sanctions", "a multipolar world" stand alone.
                let lower = n.to_lowercase();
                let has_article = ["a ", "an ", "the "].iter().any(|a| lower.starts_with(a));
                if !has_article && (lower.contains(" of ") || lower.ends_with(" principle")) {
                    format!("the {n}")
                } else {
                    n.to_string()
                }
            },
        )
}
