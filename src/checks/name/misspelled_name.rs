//! The check `name/misspelled-name`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::spelling;

pub const RULE: Rule = Rule {
    id: "name/misspelled-name",
    severity: Severity::Warning,
    summary: "a known person's name with a letter slipped",
    doc: "Flags a full name that the knowledge base does not know but that is a person it knows with
one letter slipped in the surname: the same given name, and a surname one letter added, dropped,
swapped or changed, or a doubled letter written single (`Uhuru Kenyata` for `Uhuru Kenyatta`, `Jens Stoltenburg` for `Jens
Stoltenberg`). It suggests the known spelling.

## Why it matters
A misspelled name is the error readers notice first, and a correction costs the story its
credibility.

## Example
```text
NATO Secretary-General Jens Stoltenburg said …
```
Only long surnames are compared (seven letters, or six where only a vowel differs), the given
name must match exactly, and a name the knowledge base lists in any spelling is never flagged.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let candidates: Vec<_> = cx
        .ex
        .names
        .iter()
        .filter(|m| m.people.is_empty() && m.words.len() >= 2)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let known = cx.kb.given_names();
    for m in candidates {
        let words: Vec<&str> = m
            .words
            .iter()
            .map(|r| crate::text::get(&cx.doc.prose, r.clone()))
            .collect();
        let (Some(given), Some(surname)) = (words.first(), words.last()) else {
            continue;
        };
        let Some(same_given) = known.by_given.get(&spelling::fold(given)) else {
            continue;
        };
        let Some(right) = same_given.iter().find(|k| {
            k.len() == words.len()
                && k.iter()
                    .zip(&words)
                    .rev()
                    .skip(1)
                    .all(|(a, b)| spelling::fold(a) == spelling::fold(b))
                && k.last().is_some_and(|s| near(surname, s))
        }) else {
            continue;
        };
        if spelling::is_given_name(surname) || known.words.contains(&spelling::fold(surname)) {
            continue;
        }
        let Some(span) = m.words.last().cloned() else { continue };
        let fix = right.last().cloned().unwrap_or_default();
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!("`{surname}` may be a misspelling of `{}`", right.join(" ")),
            )
            .label("one letter away from a person the record knows")
            .suggest(span, fix),
        );
    }
}

/// One letter slipped, or a doubled letter written single (`Kenyata`), in a surname long
/// enough for that to mean something. A letter doubled where the record has one is more
/// often another transliteration (`Berdymukhammedov`) than a slip, and is let pass.
fn near(written: &str, known: &str) -> bool {
    let single = |w: &str| {
        let mut out = String::new();
        for c in spelling::fold(w).chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    if single(written) == single(known) {
        return written.chars().count() >= 5 && written.len() < known.len();
    }
    spelling::slip(written, known)
}
