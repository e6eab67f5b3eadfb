//! Every name, alias, demonym, title, event and topic phrase of the knowledge base in one
//! Aho-Corasick automaton, so that a draft is scanned once for all of them.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::automaton::Automaton;
use super::stored::Stored;

use super::Kb;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountryForm {
    Name,
    Demonym,
    Metonym,
}

/// How a person was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameForm {
    /// A name or alias in the preferred spelling.
    Name,
    /// Another transliteration.
    Variant,
    /// A surname the draft uses for someone it named in full earlier: good enough to
    /// follow who is speaking, not to judge a title by.
    Surname,
}

/// What a matched phrase may stand for. One phrase can stand for several things
/// ("President" is a title of many offices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Surface {
    Country {
        country: usize,
        form: CountryForm,
    },
    Org(usize),
    Person {
        person: usize,
        form: NameForm,
    },
    /// A title of every office of a role ("Foreign Minister").
    RoleTitle(usize),
    /// A title particular to one office ("Secretary of State").
    OfficeTitle(usize),
    /// An informal descriptor of a role ("top diplomat").
    Informal(usize),
    Series(usize),
    Event(usize),
    /// The city an event was held in (index of one such event).
    Place(usize),
    Topic(usize),
}

impl Surface {
    /// Proper names must keep their capitals in the draft; titles and topics need not.
    fn is_proper(self) -> bool {
        matches!(
            self,
            Surface::Country { .. } | Surface::Org(_) | Surface::Person { .. } | Surface::Place(_)
        )
    }
}

/// A phrase found in a draft.
#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Range<usize>,
    pub surfaces: Vec<Surface>,
}

/// Names are matched case-sensitively (one automaton), titles, topics and event phrases
/// case-insensitively (another, of ASCII-lowercased patterns run over ASCII-lowercased
/// text, which keeps offsets).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Surfaces {
    /// Exact-case names; each automaton pattern maps to an index into `patterns`.
    names: Option<(Automaton, Vec<usize>)>,
    /// Everything else, case-insensitive.
    phrases: Option<(Automaton, Vec<usize>)>,
    /// The phrases as written (borrowed from the image when loaded from it).
    patterns: Vec<Stored>,
    /// What each phrase may stand for: pattern `i`'s meanings are
    /// `meanings[meaning_starts[i]..meaning_starts[i + 1]]`, kept in one list so that
    /// loading does not allocate one per phrase.
    meanings: Vec<Surface>,
    meaning_starts: Vec<u32>,
}

impl Surfaces {
    pub fn build(kb: &Kb) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns = Vec::new();
        let mut meanings: Vec<Vec<Surface>> = Vec::new();
        let mut add = |phrase: &str, surface: Surface| {
            let phrase = phrase.trim();
            if phrase.len() < 2 {
                return;
            }
            let mut forms = vec![phrase.to_string()];
            if phrase.contains('\'') {
                forms.push(phrase.replace('\'', "’"));
            }
            for form in forms {
                let key = form.to_lowercase();
                let i = *index.entry(key).or_insert_with(|| {
                    patterns.push(form.clone());
                    meanings.push(Vec::new());
                    patterns.len() - 1
                });
                if !meanings[i].contains(&surface) {
                    meanings[i].push(surface);
                }
            }
        };
        for (i, c) in kb.countries.iter().enumerate() {
            let name = |form| Surface::Country { country: i, form };
            for n in std::iter::once(&c.name).chain(&c.aliases).chain(&c.official) {
                add(n, name(CountryForm::Name));
            }
            for n in &c.demonyms {
                add(n, name(CountryForm::Demonym));
            }
            for n in &c.metonyms {
                add(n, name(CountryForm::Metonym));
            }
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                add(n, Surface::Org(i));
            }
        }
        let mut variant_surnames: std::collections::BTreeMap<String, Option<usize>> = std::collections::BTreeMap::new();
        for (i, p) in kb.people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(
                    n,
                    Surface::Person {
                        person: i,
                        form: NameForm::Name,
                    },
                );
            }
            for n in &p.variants {
                add(
                    n,
                    Surface::Person {
                        person: i,
                        form: NameForm::Variant,
                    },
                );
            }
            // "Shavkat Mirziyoev" is also written "Mirziyoev" alone: a variant's distinctive
            // last word, when the preferred spelling has no such word.
            let preferred: Vec<&str> = std::iter::once(&p.name)
                .chain(&p.aliases)
                .flat_map(|n| n.split_whitespace())
                .collect();
            for n in &p.variants {
                let words: Vec<&str> = n.split_whitespace().collect();
                if let [_, .., last] = words.as_slice() {
                    // "al-Sisi": the capital follows the article.
                    let core = last.rsplit('-').next().unwrap_or(last);
                    let distinctive = last.chars().count() >= 5 && core.chars().next().is_some_and(char::is_uppercase);
                    if distinctive
                        && !crate::spelling::is_given_name(last)
                        && !preferred.contains(last)
                        && preferred.iter().any(|w| similar(w, last))
                    {
                        let owner = variant_surnames.entry(last.to_string()).or_insert(Some(i));
                        if *owner != Some(i) {
                            *owner = None; // father and son: "Berdimuhamedow" is either
                        }
                    }
                }
            }
        }
        for (surname, owner) in variant_surnames {
            if let Some(person) = owner {
                add(
                    &surname,
                    Surface::Person {
                        person,
                        form: NameForm::Variant,
                    },
                );
            }
        }
        for (i, r) in kb.roles.iter().enumerate() {
            for t in &r.titles {
                add(t, Surface::RoleTitle(i));
            }
            for t in &r.informal {
                add(t, Surface::Informal(i));
            }
        }
        for (i, o) in kb.offices.iter().enumerate() {
            for t in &o.titles {
                add(t, Surface::OfficeTitle(i));
            }
        }
        for (i, s) in kb.series.iter().enumerate() {
            for n in &s.names {
                add(n, Surface::Series(i));
            }
        }
        for (i, e) in kb.events.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                add(n, Surface::Event(i));
            }
            if let Some(place) = &e.place {
                add(place, Surface::Place(i));
                // "Saint Petersburg" is also written "St Petersburg" and "St. Petersburg".
                if let Some(rest) = place.strip_prefix("Saint ") {
                    add(&format!("St {rest}"), Surface::Place(i));
                    add(&format!("St. {rest}"), Surface::Place(i));
                }
            }
        }
        for (i, t) in kb.topics.iter().enumerate() {
            for n in &t.names {
                add(n, Surface::Topic(i));
            }
        }
        let (meanings, meaning_starts) = flatten(&meanings);
        let meanings_of = |i: usize| meanings_in(&meanings, &meaning_starts, i);
        let mut names: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut phrases: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        for (i, p) in patterns.iter().enumerate() {
            if meanings_of(i).iter().all(|s| s.is_proper()) {
                names.0.push(p.clone());
                names.1.push(i);
                // "the Kremlin" opens a sentence as "The Kremlin".
                let mut chars = p.chars();
                if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
                    names.0.push(first.to_uppercase().chain(chars).collect());
                    names.1.push(i);
                }
            } else {
                // Folded here and in the text searched rather than by the automaton, which
                // builds several times slower with case folding. ASCII folding keeps offsets.
                phrases.0.push(p.to_ascii_lowercase());
                phrases.1.push(i);
            }
        }
        Surfaces {
            names: Automaton::build(&names.0).map(|a| (a, names.1)),
            phrases: Automaton::build(&phrases.0).map(|a| (a, phrases.1)),
            patterns: patterns.into_iter().map(Stored::from).collect(),
            meanings,
            meaning_starts,
        }
    }

    /// What pattern `i` may stand for.
    fn meanings(&self, i: usize) -> &[Surface] {
        meanings_in(&self.meanings, &self.meaning_starts, i)
    }

    /// Every phrase of the knowledge base in `text`, whole words only, in order.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut found: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        let folded = text.to_ascii_lowercase();
        let searches = [(&self.names, text), (&self.phrases, folded.as_str())];
        for (ac, map, haystack) in searches
            .into_iter()
            .filter_map(|(a, h)| a.as_ref().map(|(ac, map)| (ac, map, h)))
        {
            let starts_word = |i| crate::text::starts_word(text, i);
            let whole = |r: &std::ops::Range<usize>| crate::text::is_word(text, r);
            for (range, pattern) in ac.find_iter(haystack, starts_word, whole) {
                found.push((range, map[pattern]));
            }
        }
        // Where the two automata overlap, the longer phrase wins: "UN climate conference"
        // over "The UN".
        found.sort_by(|a, b| {
            (b.0.end - b.0.start)
                .cmp(&(a.0.end - a.0.start))
                .then(a.0.start.cmp(&b.0.start))
        });
        // The spans taken so far are disjoint, keyed by start: only the last one starting
        // before a span's end can overlap it.
        let mut taken: std::collections::BTreeMap<usize, (usize, usize)> = std::collections::BTreeMap::new();
        for (span, i) in found {
            let overlaps = taken
                .range(..span.end)
                .next_back()
                .is_some_and(|(_, &(end, _))| span.start < end);
            if !overlaps {
                taken.insert(span.start, (span.end, i));
            }
        }
        let taken = taken.into_iter().map(|(start, (end, i))| (start..end, i));
        let mut hits: Vec<Hit> = Vec::new();
        for (span, i) in taken {
            let text_found = crate::text::get(text, span.clone());
            let pattern = &self.patterns[i];
            let surfaces: Vec<Surface> = self
                .meanings(i)
                .iter()
                .copied()
                .filter(|s| !s.is_proper() || case_compatible(pattern, text_found))
                .collect();
            if !surfaces.is_empty() {
                hits.push(Hit { span, surfaces });
            }
        }
        hits
    }

    /// Every phrase with what it may stand for.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &[Surface])> {
        self.patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), self.meanings(i)))
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Lists of meanings as one list and where each starts (with the end of the last).
fn flatten(lists: &[Vec<Surface>]) -> (Vec<Surface>, Vec<u32>) {
    let mut flat = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut starts = Vec::with_capacity(lists.len() + 1);
    for list in lists {
        starts.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
        flat.extend_from_slice(list);
    }
    starts.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
    (flat, starts)
}

fn meanings_in<'a>(flat: &'a [Surface], starts: &[u32], i: usize) -> &'a [Surface] {
    match (starts.get(i), starts.get(i + 1)) {
        (Some(&a), Some(&b)) => flat.get(a as usize..b as usize).unwrap_or_default(),
        _ => &[],
    }
}

/// Two spellings of one word: same first letter and most letters shared ("Mirziyoyev",
/// "Mirziyoev"), so that a variant's given name ("Sergei") is not taken for a surname.
fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    // "el-Sisi", "al-Sisi": the same name after the article.
    if let (Some((_, x)), Some((_, y))) = (a.split_once('-'), b.split_once('-')) {
        return a != b && x == y && x.chars().count() >= 3;
    }
    if a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    let shared = a.chars().filter(|c| b.contains(*c)).count();
    shared * 4 >= a.chars().count().max(b.chars().count()) * 3
}

/// A capital in the pattern must be a capital in the text ("China", not "china").
/// Other letters must match exactly ("Xi" does not match "XI"), except that the first
/// letter may be raised at the start of a sentence.
fn case_compatible(pattern: &str, found: &str) -> bool {
    pattern.chars().zip(found.chars()).enumerate().all(|(i, (p, f))| {
        if p.is_uppercase() {
            f.is_uppercase()
        } else if p.is_lowercase() {
            f.is_lowercase() || i == 0
        } else {
            true
        }
    })
}

#[cfg(test)]
mod tests {
    use super::case_compatible;

    #[test]
    fn capitals_must_be_kept() {
        assert!(case_compatible("China", "China"));
        assert!(!case_compatible("Xi", "XI"));
        assert!(!case_compatible("China", "china"));
        assert!(case_compatible("the Kremlin", "The Kremlin"));
        assert!(!case_compatible("US", "us"));
    }
}
