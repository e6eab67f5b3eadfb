//! The check `stance/self-contradiction`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

use super::{claim_text, incompatible, names};
use crate::extract::stance::StanceMention;

pub const RULE: Rule = Rule {
    id: "stance/self-contradiction",
    severity: Severity::Error,
    summary: "the same actor supporting and opposing the same topic in one draft",
    doc: "Flags a draft that says an actor supports a topic in one place and opposes it (or does not
support it) in another. Works for any topic in the knowledge base, whether or not the actor's
position is documented.

## Why it matters
Whichever statement is right, the story contradicts itself.

## Example
```text
Russia firmly supports a multipolar world. … Moscow has rejected a multipolar world.
```",
    kind: Kind::Check(run),
};

/// The same topic of the knowledge base, or the same object written out: the content words
/// of one are among the other's ("the loan", "the $50 billion loan").
fn same_object(a: &StanceMention, b: &StanceMention) -> bool {
    if a.object_words.is_empty() || b.object_words.is_empty() {
        return a.object_words.is_empty() && b.object_words.is_empty() && a.topic_id == b.topic_id;
    }
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    a.object_words.last() == b.object_words.last()
        && (within(&a.object_words, &b.object_words) || within(&b.object_words, &a.object_words))
}

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let kb = cx.kb;
    let stances = &cx.ex.stances;
    for (i, later) in stances.iter().enumerate() {
        let earlier = stances.iter().take(i).find(|e| {
            same_object(e, later)
                && e.actors.iter().any(|a| later.actors.contains(a))
                && incompatible(e.claim(), later.claim())
        });
        let Some(e) = earlier else { continue };
        let shared: Vec<String> = e.actors.iter().filter(|a| later.actors.contains(a)).cloned().collect();
        let who = names(kb, &shared);
        let (line, _) = cx.doc.line_col(e.span.start);
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                later.span.clone(),
                format!(
                    "the draft says {who} {} this here but {} it on line {line}",
                    claim_text(later.claim(), shared.len() > 1),
                    claim_text(e.claim(), shared.len() > 1)
                ),
            )
            .label(format!("{who} {}", claim_text(later.claim(), shared.len() > 1)))
            .with_label(
                e.span.clone(),
                format!("{who} {}", claim_text(e.claim(), shared.len() > 1)),
            ),
        );
    }
}
