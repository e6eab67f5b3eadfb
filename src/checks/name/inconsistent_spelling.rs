//! The check `name/inconsistent-spelling`; its `RULE.doc` below is its documentation.

use std::collections::HashMap;

use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::spelling;

pub const RULE: Rule = Rule {
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
    kind: Kind::Check(run),
};

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    listed_variants(cx, severity, out);
    let flagged: Vec<std::ops::Range<usize>> = out.iter().map(|d| d.span.clone()).collect();
    for (later, first) in unlisted::pairs(&cx.doc.prose, &cx.ex.names) {
        let (m, a) = (&cx.ex.names[later], &cx.ex.names[first]);
        let spans: Vec<_> = unlisted::differing(&cx.doc.prose, m, a);
        if spans
            .iter()
            .any(|(s, _)| flagged.iter().any(|f| f.start < s.end && s.start < f.end))
        {
            continue;
        }
        let (line, _) = cx.doc.line_col(a.span.start);
        for (span, fix) in spans {
            let written = crate::text::get(&cx.doc.prose, span.clone()).to_string();
            let fix = capital_as(&written, &fix);
            out.push(
                Diagnostic::new(
                    RULE.id,
                    severity,
                    span.clone(),
                    format!("`{written}` is spelled `{fix}` on line {line}"),
                )
                .label("another spelling of the same name")
                .with_label(a.span.clone(), "first spelled here")
                .suggest(span, fix),
            );
        }
    }
}

/// The knowledge base's other transliterations of a person it knows.
fn listed_variants(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
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
            RULE.id,
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

/// Names the knowledge base does not list as variants: two mentions that are one name
/// under the transliteration key, or that share the other words and differ in one word by
/// a letter or two.
mod unlisted {
    use std::collections::HashSet;
    use std::ops::Range;

    use crate::extract::proper_names::NameMention;
    use crate::spelling;

    fn text(prose: &str, r: &Range<usize>) -> String {
        crate::text::get(prose, r.clone()).to_string()
    }

    /// The words of `m` written differently from their counterparts in `a`, with the
    /// counterpart's spelling: both names have the same number of words, or `m` is one
    /// word standing for one of `a`'s.
    pub fn differing(prose: &str, m: &NameMention, a: &NameMention) -> Vec<(Range<usize>, String)> {
        let (mw, aw): (Vec<String>, Vec<String>) = (
            m.words.iter().map(|r| text(prose, r)).collect(),
            a.words.iter().map(|r| text(prose, r)).collect(),
        );
        if mw.len() == aw.len() {
            return m
                .words
                .iter()
                .zip(&mw)
                .zip(&aw)
                .filter(|((_, x), y)| x != y)
                .map(|((r, _), y)| (r.clone(), y.clone()))
                .collect();
        }
        if let [one] = mw.as_slice() {
            // The surname it stands for: the nearest in spelling.
            let key = spelling::fold(one);
            let nearest = surnames(&aw).min_by_key(|s| strsim::levenshtein(&key, &spelling::fold(s)));
            return nearest
                .map(|y| vec![(m.words[0].clone(), y.clone())])
                .unwrap_or_default();
        }
        // Words joined or split by a hyphen ("Kim Jong-un", "Kim Jong Un"): the whole name.
        match (m.words.first(), m.words.last(), a.words.first(), a.words.last()) {
            (Some(ms), Some(me), Some(as_), Some(ae)) => vec![(ms.start..me.end, text(prose, &(as_.start..ae.end)))],
            _ => Vec::new(),
        }
    }

    /// Is `m` the name `a` spelled another way?
    fn same_name(
        m: &NameMention,
        mw: &[String],
        a: &NameMention,
        aw: &[String],
        in_full_names: &HashSet<&str>,
        person_like: bool,
        determined: bool,
    ) -> bool {
        // Two people the record holds apart stay apart: Li Keqiang and Li Qiang.
        if !m.people.is_empty() && !a.people.is_empty() && m.people.iter().all(|p| !a.people.contains(p)) {
            return false;
        }
        if mw == aw || mw.is_empty() || aw.is_empty() || !worth_comparing(mw, aw) {
            return false;
        }
        // A name alone, against another alone, is too often a common word ("Good", "God").
        if mw.len() == aw.len() && !(mw.len() == 1 && a.full && !m.full) {
            if mw.len() == 1 {
                return false;
            }
            let differ: Vec<(&String, &String)> = mw.iter().zip(aw).filter(|(x, y)| x != y).collect();
            // The surname of a person the record knows, respelled by a letter after the same
            // given names: "Abiy Ahmet" after "Abiy Ahmed".
            let known = !a.people.is_empty() && m.people.iter().all(|p| a.people.contains(p));
            let surname_only = mw.last() != aw.last() && mw.len() >= 2;
            // Or the long surname of anyone, after the same given names, with a
            // transliteration's silent `h` more or less: "Pita Limjaroenrath" after "Pita
            // Limjaroenrat".
            let long = |w: &str| w.chars().count() >= LONG_SURNAME;
            return match differ.as_slice() {
                [(x, y)] if known && surname_only && spelling::surname_slip(x, y) => true,
                [(x, y)] if surname_only && long(x) && long(y) && spelling::silent_h(x, y) => true,
                [(x, y)] => spelling::same_key(x, y) || spelling::same_word(x, y),
                // "Kim Jong-un" / "Kim Jong Un" has the same words but one hyphen fewer.
                _ => {
                    spelling::key(&mw.join(" ")) == spelling::key(&aw.join(" "))
                        && differ.iter().all(|(x, y)| spelling::same_word(x, y))
                }
            };
        }
        // The same letters in more or fewer words: "Kim Jong-un" after "Kim Jong Un".
        if mw.len() >= 2 && aw.len() >= 2 && spelling::key(&mw.concat()) == spelling::key(&aw.concat()) {
            return true;
        }
        // A middle name given once and left out once, and the given name respelled:
        // "Raphael Grossi" after "Rafael Mariano Grossi".
        if mw.len() >= 2
            && aw.len() >= 2
            && let (Some(mf), Some(ml), Some(af), Some(al)) = (mw.first(), mw.last(), aw.first(), aw.last())
            && ml == al
            && mf != af
        {
            return spelling::same_key(mf, af) || spelling::same_word(mf, af);
        }
        // A surname alone against a full name: "Jayshankar" after "Subrahmanyam Jaishankar".
        // A word alone that names no one the record knows, is no given name and is no part
        // of a full name anywhere in the draft, a letter away from the surname of someone
        // the draft has introduced, is that surname respelled, however short: "Luxton"
        // after "Christopher Luxon", "Akhram" after "Munir Akram" (someone else would have
        // been introduced by their full name).
        match (mw, aw.len()) {
            ([one], n) if (n >= 2 || a.full) && !m.full && one.chars().count() >= 5 => {
                if aw.contains(one) {
                    return false;
                }
                let unnamed = person_like
                    && m.people.is_empty()
                    && !spelling::is_given_name(one)
                    && !in_full_names.contains(one.as_str());
                surnames(aw).any(|surname| {
                    !(super::place_and_demonym(one, surname) || super::cognates(one, surname))
                        && (spelling::same_key(one, surname)
                            || spelling::slip(one, surname)
                            || unnamed && spelling::surname_slip(one, surname)
                            || unnamed && !a.people.is_empty() && spelling::short_surname_slip(one, surname)
                            // "Michels said" after "Charles Michel": the surname of someone
                            // the record knows with an s, and no article or number to make
                            // it a family ("the Clintons").
                            || unnamed && !a.people.is_empty() && !determined && spelling::plural_of(one, surname))
                })
            }
            _ => false,
        }
    }

    /// The words of a full name a surname alone may stand for: the last, and in a name of
    /// three or four words that opens with a given name the one before the last when it is
    /// no given name, as a Spanish or
    /// Portuguese name puts the father's surname before the mother's ("González" for
    /// "Edmundo González Urrutia").
    fn surnames(aw: &[String]) -> impl Iterator<Item = &String> {
        let paternal = match aw {
            [given, .., p, _]
                if (3..=4).contains(&aw.len())
                    && spelling::is_given_name(given)
                    && p.chars().count() >= 5
                    && p.starts_with(char::is_uppercase)
                    && !spelling::is_given_name(p) =>
            {
                Some(p)
            }
            _ => None,
        };
        aw.last().into_iter().chain(paternal)
    }

    /// A name that reads as the title of a thing rather than a person: after "the" ("The
    /// Ice Storm") or before "of" ("Story of Painting").
    fn titled_thing(prose: &str, n: &NameMention) -> bool {
        let (Some(first), Some(last)) = (n.words.first(), n.words.last()) else {
            return false;
        };
        crate::text::word_before(prose, first.start).eq_ignore_ascii_case("the")
            || crate::text::from(prose, last.end).starts_with(" of ")
    }

    /// A cheap test that most pairs fail before the spelling keys are worked out: names of
    /// as many words that share all but one, or hyphenation that moves their letters; a
    /// word alone against a surname with the same first letter.
    fn worth_comparing(mw: &[String], aw: &[String]) -> bool {
        // The first letter as transliterations write it: "Kassem" and "Qassem" start alike.
        let first = |w: &String| spelling::first_sound(w);
        if mw.len() == aw.len() {
            let differ = mw.iter().zip(aw).filter(|(x, y)| x != y).count();
            let letters = |w: &[String]| {
                w.iter()
                    .map(|x| x.chars().filter(|c| c.is_alphabetic()).count())
                    .sum::<usize>()
            };
            return differ == 1
                || letters(mw).abs_diff(letters(aw)) <= 2 && mw.first().map(first) == aw.first().map(first);
        }
        let joined = |w: &[String]| w.concat().to_lowercase();
        (mw.len() == 1 && surnames(aw).any(|s| mw.first().map(first) == Some(first(s))))
            || (mw.len() >= 2 && aw.len() >= 2 && joined(mw).replace('-', "") == joined(aw).replace('-', ""))
            // "Raphael Grossi" and "Rafael Mariano Grossi": one surname, a middle name once.
            || (mw.len() >= 2 && aw.len() >= 2 && mw.last() == aw.last() && mw.first().map(first) == aw.first().map(first))
    }

    /// The letters of a surname from which a silent `h` more or less is read as a
    /// respelling even of someone the record does not know.
    const LONG_SURNAME: usize = 8;

    /// How many distinct names back a later spelling is compared: a person respelled is
    /// respelled within a story, and the bound keeps an archive of stories linear.
    const REACH: usize = 400;

    /// Pairs (later mention, the first mention of the same name) whose spellings differ.
    pub fn pairs(prose: &str, names: &[NameMention]) -> Vec<(usize, usize)> {
        let words: Vec<Vec<String>> = names
            .iter()
            .map(|m| m.words.iter().map(|r| text(prose, r)).collect())
            .collect();
        let in_full_names: HashSet<&str> = words
            .iter()
            .filter(|w| w.len() >= 2)
            .flatten()
            .map(String::as_str)
            .collect();
        let person_like: Vec<bool> = names.iter().map(|n| !titled_thing(prose, n)).collect();
        let mut out = Vec::new();
        // The first spelling of each name seen so far, and every spelling and word seen.
        let mut firsts: Vec<usize> = Vec::new();
        let mut seen_names: HashSet<&[String]> = HashSet::new();
        let mut seen_words: HashSet<&str> = HashSet::new();
        for (i, m) in names.iter().enumerate() {
            let mw = &words[i];
            // Already seen in this very spelling: nothing new.
            let seen = seen_names.contains(mw.as_slice()) || (mw.len() == 1 && seen_words.contains(mw[0].as_str()));
            if seen {
                continue;
            }
            let recent = firsts.iter().rev().take(REACH);
            let determined = m.words.first().is_some_and(|w| {
                matches!(
                    crate::text::word_before(prose, w.start).to_ascii_lowercase().as_str(),
                    "the" | "both" | "two" | "all" | "three"
                )
            });
            match recent.copied().find(|&f| {
                let people = person_like[i] && person_like[f];
                same_name(m, mw, &names[f], &words[f], &in_full_names, people, determined)
            }) {
                Some(f) => out.push((i, f)),
                None => {
                    firsts.push(i);
                    seen_names.insert(mw.as_slice());
                    seen_words.extend(mw.iter().map(String::as_str));
                }
            }
        }
        out
    }
}

/// A place and the adjective made from it ("Africa" and "African", "Nepal" and "Nepali",
/// "Japan" and "Japanese"): two words, not one name spelled two ways.
fn place_and_demonym(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.strip_prefix(short) {
        Some("n" | "ns") => short.ends_with('a'),
        Some("an" | "ans" | "ian" | "ians" | "ese" | "i" | "is") => short.chars().count() >= 4,
        _ => false,
    }
}

/// A word and its Spanish or Portuguese cognate ("Revolution" and "Revolución",
/// "Constitution" and "Constituição"): a name and its translation, not a respelling.
fn cognates(a: &str, b: &str) -> bool {
    let (fa, fb) = (crate::spelling::fold(a), crate::spelling::fold(b));
    let stem = |w: &str| -> Option<String> {
        ["tion", "cion", "cao"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .map(str::to_string)
    };
    fa != fb && matches!((stem(&fa), stem(&fb)), (Some(x), Some(y)) if x == y)
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// "Sisi" is "al-Sisi" or "el-Sisi" without its Arabic article (but "el-Sisi" and "al-Sisi"
/// are two spellings).
fn without_article(short: &str, long: &str) -> bool {
    ["al-", "el-"]
        .iter()
        .any(|a| long.strip_prefix(a).is_some_and(|rest| rest == short))
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
        other.contains(w)
            || other
                .iter()
                .any(|o| abbreviates(w, o) || abbreviates(o, w) || without_article(w, o))
    };
    wa.iter().all(|w| matches(w, &wb)) || wb.iter().all(|w| matches(w, &wa))
}

/// The first spelling, cut to the length of the later form where the later form is a
/// surname alone: `Zelenskyy` for `Zelensky` after `Volodymyr Zelenskyy`.
fn replacement_for(first: &str, later: &str) -> Option<String> {
    let (f, l): (Vec<&str>, Vec<&str>) = (first.split_whitespace().collect(), later.split_whitespace().collect());
    let fix = if f.len() == l.len() || spelling::key(first) == spelling::key(later) {
        // "Yoon Suk Yeol" for "Yoon Suk-yeol": the whole name, not its last words.
        first.to_string()
    } else if let ([_], Some(surname)) = (l.as_slice(), f.last()) {
        (*surname).to_string()
    } else {
        return None;
    };
    Some(capital_as(later, &fix))
}

/// `fix` with a capital first letter where `written` has one ("Al-Sisi's" at the start of a
/// sentence stays capitalised when the first spelling was "el-Sisi").
fn capital_as(written: &str, fix: &str) -> String {
    let mut chars = fix.chars();
    match (written.chars().next(), chars.next()) {
        (Some(w), Some(f)) if w.is_uppercase() && f.is_lowercase() => f.to_uppercase().chain(chars).collect(),
        _ => fix.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{compatible, place_and_demonym};

    #[test]
    fn a_place_and_its_adjective_are_two_words() {
        assert!(place_and_demonym("Africa", "African"));
        assert!(place_and_demonym("Nepali", "Nepal"));
        assert!(place_and_demonym("Japan", "Japanese"));
        assert!(!place_and_demonym("Zelensky", "Zelenskyy"));
        assert!(!place_and_demonym("Luxon", "Luxton"));
        assert!(super::cognates("Revolution", "Revolución"));
        assert!(super::cognates("Nação", "Nation"));
        assert!(!super::cognates("Revolution", "Resolution"));
    }

    #[test]
    fn short_forms_are_compatible() {
        assert!(compatible("Abdel Fattah al-Sisi", "Sisi"));
        assert!(!compatible("Abdel Fattah el-Sisi", "Al-Sisi"));
        assert!(compatible("Sergey Lavrov", "Lavrov"));
        assert!(!compatible("Sergey Lavrov", "Sergei Lavrov"));
        assert!(!compatible("Kim Jong Un", "Kim Jong-un"));
        assert!(!compatible("Zelenskyy", "Volodymyr Zelensky"));
        assert!(compatible("S. Jaishankar", "Subrahmanyam Jaishankar"));
    }
}
