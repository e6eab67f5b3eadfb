//! The check `name/misspelled-name`; its `RULE.doc` below is its documentation.

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::spelling;

pub const RULE: Rule = Rule {
    id: "name/misspelled-name",
    severity: Severity::Warning,
    summary: "a known person's name with a letter slipped",
    doc: "Flags a full name that the knowledge base does not know but that is a person it knows with
one letter slipped in the surname or in the given name, the rest as on record: one letter
added, dropped, swapped or changed, or a doubled letter written single (`Uhuru Kenyata` for
`Uhuru Kenyatta`, `Jens Stoltenburg` for `Jens Stoltenberg`, `Narenda Modi` for `Narendra
Modi`). It suggests the known spelling.

## Why it matters
A misspelled name is the error readers notice first, and a correction costs the story its
credibility.

## Example
```text
NATO Secretary-General Jens Stoltenburg said …
```
Only long words are compared (seven letters, or five when the other part of the name has five
or more), the other part must match exactly, a letter doubled where the record has one is
let pass for a name the record knows in several transliterations, and a name the knowledge
base lists in any spelling is never flagged.",
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let candidates: Vec<_> = cx
        .ex
        .names
        .iter()
        .filter(|m| m.words.len() >= 2 && !spelled_as_on_record(cx, m))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let known = cx.kb.given_names();
    // The people the draft names as the record spells them, at least once.
    let named_right: std::collections::HashSet<usize> = cx
        .ex
        .names
        .iter()
        .filter(|n| !n.people.is_empty() && spelled_as_on_record(cx, n))
        .flat_map(|n| n.people.iter().copied())
        .collect();
    for m in candidates {
        let words: Vec<&str> = m
            .words
            .iter()
            .map(|r| crate::text::get(&cx.doc.prose, r.clone()))
            .collect();
        let (Some(given), Some(surname)) = (words.first(), words.last()) else {
            continue;
        };
        let same = |a: &str, b: &str| spelling::fold(a) == spelling::fold(b);
        // One word after the given name slipped (the surname, or a middle name: "Recep
        // Tayip Erdogan"), the others as on record; or the given name slipped, the rest as
        // on record.
        let by_given = known.by_given(&spelling::fold(given)).iter().find_map(|&r| {
            let k = cx.kb.name_words(r);
            if k.len() != words.len() {
                return None;
            }
            let mut differing = (1..words.len()).filter(|&i| !same(k[i], words[i]));
            let (Some(at), None) = (differing.next(), differing.next()) else {
                return None;
            };
            let written = *words.get(at)?;
            // The rest of the name as on record singles out an office holder: a slip in a
            // short surname is a slip too ("Joe Bidden", "Kaja Kalas"), once the whole name
            // is long enough to be no one else's.
            let letters: usize = words.iter().map(|w| spelling::fold(w).chars().count()).sum();
            let holder = cx.kb.terms_of(r.person).next().is_some() && letters >= HOLDER_NAME_LETTERS;
            near(written, k.get(at)?, given, cx.kb.transliterated(r.person), holder)
                .then_some((k, at, written, r.person))
        });
        let by_surname = || {
            known.by_surname(&spelling::fold(surname)).iter().find_map(|&r| {
                let k = cx.kb.name_words(r);
                let rest_same = k.len() == words.len() && k.iter().zip(&words).skip(1).all(|(a, b)| same(a, b));
                let right = k.first()?;
                (rest_same && near(given, right, surname, cx.kb.transliterated(r.person), false))
                    .then_some((k, 0, *given, r.person))
            })
        };
        let Some((right, at, wrong, person)) = by_given.or_else(by_surname) else {
            continue;
        };
        // A word the record knows elsewhere is a name in its own right, not a slip: "Jill
        // Biden" is someone else. But where a holder of an office is never named as the
        // record spells them, their given name written a letter away ("Victor Orbán",
        // "Andrej Duda") is that holder misspelled; beside the right spelling ("Julia
        // Gillard … Julian Gillard, a relative") it is someone else. A vowel for a vowel
        // ("Hamed Karzai") is another transliteration, not a slip.
        let a_name = spelling::is_given_name(wrong) || known.has_word(&spelling::fold(wrong));
        let holder = at == 0
            && !named_right.contains(&person)
            && cx.kb.terms_of(person).next().is_some()
            && right.first().is_some_and(|r| !vowel_for_vowel(wrong, r));
        if a_name && !holder {
            continue;
        }
        let Some(span) = m.words.get(at).cloned() else { continue };
        let fix = right.get(at).cloned().unwrap_or_default();
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                span.clone(),
                format!("`{wrong}` may be a misspelling of `{}`", right.join(" ")),
            )
            .label("one letter away from a person the record knows")
            .suggest(span, fix),
        );
    }
}

/// Two spellings that differ only in one vowel written for another.
fn vowel_for_vowel(a: &str, b: &str) -> bool {
    let (a, b) = (spelling::fold(a), spelling::fold(b));
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .filter(|(x, y)| x != y)
            .all(|(x, y)| "aeiouy".contains(x) && "aeiouy".contains(y))
}

/// Whether a name naming a known person is written as the record spells that person.
fn spelled_as_on_record(cx: &Context<'_>, m: &crate::extract::proper_names::NameMention) -> bool {
    let written = spelling::fold(&m.text);
    m.people.iter().filter_map(|&p| cx.kb.people.get(p)).any(|p| {
        std::iter::once(&p.fact.name)
            .chain(&p.fact.variants)
            .any(|n| spelling::fold(n) == written)
    })
}

/// How many letters an office holder's full name must have for a slip in a short word of it
/// to be read as one.
const HOLDER_NAME_LETTERS: usize = 9;

/// One letter slipped (added, dropped, swapped or changed), or a doubled letter written
/// single (`Kenyata`), in a word long enough for that to mean something: seven letters, or
/// five where the other part of the name is five or more and so already singles the person
/// out, or three in the surname of an office holder whose full name is written out. A letter doubled where the record has one (`Berdymukhammedov`) is let pass for a
/// name the record knows in several transliterations, and flagged otherwise (`Albanesse`).
fn near(written: &str, known: &str, other_part: &str, transliterated: bool, holder: bool) -> bool {
    let (w, k) = (spelling::fold(written), spelling::fold(known));
    if w == k {
        return false;
    }
    let other = spelling::fold(other_part).chars().count();
    let long = |n: usize| n >= 6 || (n >= 5 && other >= 5) || (holder && n >= 3);
    let single = |s: &str| {
        let mut out = String::new();
        for c in s.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    let shorter = w.chars().count().min(k.chars().count());
    if single(&w) == single(&k) {
        return long(shorter) && (w.len() < k.len() || !transliterated);
    }
    // Two letters swapped in a short given name before a long surname: "Kier Starmer".
    let swapped = w.chars().count() == k.chars().count()
        && strsim::hamming(&w, &k) == Ok(2)
        && strsim::damerau_levenshtein(&w, &k) == 1;
    w.chars().next() == k.chars().next()
        && (long(shorter) || swapped && shorter >= 4 && other >= 6)
        && strsim::damerau_levenshtein(&w, &k) == 1
}
