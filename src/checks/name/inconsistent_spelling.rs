//! Flags one person spelled two ways in one draft.

use std::collections::HashMap;

use crate::checks::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    id: "name/inconsistent-spelling",
    severity: Severity::Warning,
    summary: "one person's name spelled two ways in one draft",
    doc: "Flags a person the knowledge base knows whose name appears in two spellings in the same draft
(`Volodymyr Zelensky` … `Zelenskyy`), and suggests the spelling used first.

## Why it matters
Outlets choose one transliteration and keep to it; two in one story look careless and can make
readers think two people are meant.

## Example
```text
Sergey Lavrov met … Later, Sergei Lavrov said …
```
A short form in the same spelling (`Lavrov` after `Sergey Lavrov`) is not a second spelling.",
    run,
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<usize, usize> = HashMap::new();
    for (i, m) in cx.ex.people.iter().enumerate() {
        let Some(&j) = first.get(&m.person) else {
            first.insert(m.person, i);
            continue;
        };
        let Some(a) = cx.ex.people.get(j) else { continue };
        // Only the knowledge base's other transliterations are other spellings: "Lord
        // Cameron" and "David Cameron" are both the preferred spelling.
        if !(a.variant || m.variant) || compatible(&a.text, &m.text) {
            continue;
        }
        let (line, _) = cx.doc.line_col(a.span.start);
        let replacement = replacement_for(&a.text, &m.text);
        let mut diag = Diagnostic::new(
            CHECK.id,
            severity,
            m.span.clone(),
            format!("`{}` is spelled `{}` on line {line}", m.text, a.text),
        )
        .label("another spelling of the same person")
        .with_label(a.span.clone(), "first spelled here");
        if let Some(r) = replacement {
            diag = diag.suggest(m.span.clone(), r);
        }
        out.push(diag);
    }
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// Two forms of a name agree when one's words are among the other's ("Lavrov" and
/// "Sergey Lavrov"); "Kim Jong Un" and "Kim Jong-un" do not.
fn compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    // "S. Jaishankar" abbreviates "Subrahmanyam Jaishankar".
    let initial = |w: &str| {
        w.strip_suffix('.')
            .filter(|i| i.chars().count() == 1)
            .and_then(|i| i.chars().next())
    };
    let abbreviates =
        |short: &str, long: &str| initial(short).is_some_and(|c| long.chars().count() > 2 && long.starts_with(c));
    let matches = |w: &String, other: &[String]| {
        other.contains(w) || other.iter().any(|o| abbreviates(w, o) || abbreviates(o, w))
    };
    wa.iter().all(|w| matches(w, &wb)) || wb.iter().all(|w| matches(w, &wa))
}

/// The first spelling, cut to the length of the later form where the later form is a
/// surname alone: `Zelenskyy` for `Zelensky` after `Volodymyr Zelenskyy`.
fn replacement_for(first: &str, later: &str) -> Option<String> {
    let (f, l): (Vec<&str>, Vec<&str>) = (first.split_whitespace().collect(), later.split_whitespace().collect());
    if f.len() == l.len() {
        return Some(first.to_string());
    }
    if l.len() < f.len() {
        return Some(f[f.len() - l.len()..].join(" "));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::compatible;

    #[test]
    fn short_forms_are_compatible() {
        assert!(compatible("Sergey Lavrov", "Lavrov"));
        assert!(!compatible("Sergey Lavrov", "Sergei Lavrov"));
        assert!(!compatible("Kim Jong Un", "Kim Jong-un"));
        assert!(!compatible("Zelenskyy", "Volodymyr Zelensky"));
        assert!(compatible("S. Jaishankar", "Subrahmanyam Jaishankar"));
    }
}
