//! The full names the record knows (preferred spellings and variants), by folded given
//! name (`uhuru` → `Uhuru Kenyatta`) and by folded surname (`kenyatta` → the same), and
//! every folded word of them: what `name/misspelled-name` compares an unknown name with.
//!
//! Built with the knowledge base and stored in its image as sorted lists, so that a run
//! looks names up by binary search without building a hash map of thousands of names.

use serde::{Deserialize, Serialize};

use super::Entry;
use super::model::Person;
use super::stored::Stored;
use crate::spelling::fold;

/// One spelling of a person's name: the person, and 0 for their name or `i` for their
/// `i`-th variant (from 1).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct NameRef {
    pub person: usize,
    pub spelling: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct GivenNames {
    by_given: Index,
    by_surname: Index,
    /// Sorted, without repeats.
    words: Vec<Stored>,
}

impl GivenNames {
    pub fn build(people: &[Entry<Person>]) -> Self {
        let mut given = Vec::new();
        let mut surnames = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for (person, p) in people.iter().enumerate() {
            for (spelling, name) in std::iter::once(&p.fact.name).chain(&p.fact.variants).enumerate() {
                let folded: Vec<String> = name.split_whitespace().map(fold).collect();
                if let [g, _, ..] = folded.as_slice()
                    && let Some(s) = folded.last()
                {
                    let r = NameRef { person, spelling };
                    surnames.push((s.clone(), r));
                    given.push((g.clone(), r));
                }
                words.extend(folded);
            }
        }
        words.sort_unstable();
        words.dedup();
        Self {
            by_given: Index::build(given),
            by_surname: Index::build(surnames),
            words: words.into_iter().map(Stored::from).collect(),
        }
    }

    /// The spellings whose given name, folded, is `folded`.
    pub fn by_given(&self, folded: &str) -> &[NameRef] {
        self.by_given.get(folded)
    }

    /// The spellings whose surname, folded, is `folded`.
    pub fn by_surname(&self, folded: &str) -> &[NameRef] {
        self.by_surname.get(folded)
    }

    /// Whether any known name has the folded word `folded`.
    pub fn has_word(&self, folded: &str) -> bool {
        self.words.binary_search_by(|w| w.as_str().cmp(folded)).is_ok()
    }
}

/// Keys in order, each with its spellings: key `i`'s are `refs[starts[i]..starts[i + 1]]`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    keys: Vec<Stored>,
    starts: Vec<u32>,
    refs: Vec<NameRef>,
}

impl Index {
    fn build(mut pairs: Vec<(String, NameRef)>) -> Self {
        // Stable: spellings keep the order of the record under each key.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut index = Index::default();
        for (key, r) in pairs {
            if index.keys.last().is_none_or(|k| k.as_str() != key) {
                index.starts.push(u32::try_from(index.refs.len()).unwrap_or(u32::MAX));
                index.keys.push(Stored::from(key));
            }
            index.refs.push(r);
        }
        index.starts.push(u32::try_from(index.refs.len()).unwrap_or(u32::MAX));
        index
    }

    fn get(&self, key: &str) -> &[NameRef] {
        let Ok(i) = self.keys.binary_search_by(|k| k.as_str().cmp(key)) else {
            return &[];
        };
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.refs.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_with_all_their_spellings() {
        let r = |person| NameRef { person, spelling: 0 };
        let index = Index::build(vec![("b".into(), r(1)), ("a".into(), r(0)), ("b".into(), r(2))]);
        assert_eq!(index.get("a").len(), 1);
        assert_eq!(index.get("b").iter().map(|x| x.person).collect::<Vec<_>>(), [1, 2]);
        assert!(index.get("c").is_empty());
    }
}
