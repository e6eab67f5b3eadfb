//! The knowledge base: facts merged from every pack, checked for dangling references, and
//! indexed for the lookups the checks make (who held an office on a date, which events a
//! series has, what an actor's documented position is).

pub mod automaton;
pub mod given_names;
pub mod image;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod pack;
pub mod show;
pub mod spanned;
pub mod stored;
pub mod surface;
pub mod validate;
pub mod wikidata;

use std::collections::HashMap;
use std::ops::{Deref, Range};

use chrono::{Datelike, NaiveDate};

use crate::error::{LoadError, Origin};
use load::LoadedFile;
use model::*;
use pack::PackFile;
use stored::Stored;

// In the image (`image`) an origin is its path, span and line; the text is the embedded
// file's, borrowed.
impl serde::Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&*self.path, self.span.start, self.span.end, self.line()).serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Origin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (path, start, end, line) = <(&'de str, usize, usize, usize)>::deserialize(d)?;
        let (path, text) = image::shared_text(path);
        Ok(Origin::at_line(path, text, start..end, line))
    }
}

/// A fact and where it was written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entry<T> {
    pub fact: T,
    pub at: Origin,
}

impl<T> Deref for Entry<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.fact
    }
}

/// Whether a date falls within a term, given how precisely the term's ends are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Yes,
    No,
    /// The date falls in the month or year of a coarse boundary: no conclusion.
    Unsure,
}

/// An id-keyed list that keeps file order and lets a later pack replace an entry.
struct Merged<T> {
    items: Vec<Entry<T>>,
    index: HashMap<String, usize>,
}

impl<T> Merged<T> {
    fn new() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn put(&mut self, key: String, entry: Entry<T>) {
        match self.index.get(&key) {
            Some(&i) => self.items[i] = entry,
            None => {
                self.index.insert(key, self.items.len());
                self.items.push(entry);
            }
        }
    }
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Kb {
    pub countries: Vec<Entry<Country>>,
    pub organizations: Vec<Entry<Organization>>,
    pub memberships: Vec<Entry<Membership>>,
    pub people: Vec<Entry<Person>>,
    pub roles: Vec<Entry<Role>>,
    pub offices: Vec<Entry<Office>>,
    pub series: Vec<Entry<Series>>,
    pub events: Vec<Entry<Event>>,
    pub topics: Vec<Entry<Topic>>,
    pub stances: Vec<Entry<Stance>>,
    pub predicates: Vec<Entry<Predicate>>,
    /// The stance predicates compiled into one matcher.
    pub lexicon: lexicon::StanceLexicon,
    country_index: HashMap<String, usize>,
    org_index: HashMap<String, usize>,
    person_index: HashMap<String, usize>,
    role_index: HashMap<String, usize>,
    topic_index: HashMap<String, usize>,
    /// person index → (office index, term index)
    person_terms: HashMap<usize, Vec<(usize, usize)>>,
    pub surfaces: surface::Surfaces,
    given_names: GivenNames,
}

pub use given_names::{GivenNames, NameRef};

impl Kb {
    /// The words of a spelling of a person's name.
    pub fn name_words(&self, r: NameRef) -> Vec<&str> {
        let Some(p) = self.people.get(r.person) else {
            return Vec::new();
        };
        let name = match r.spelling {
            0 => Some(&p.fact.name),
            i => p.fact.variants.get(i - 1),
        };
        name.map(|n| n.split_whitespace().collect()).unwrap_or_default()
    }

    /// Whether the person's surname is written more than one way among their spellings:
    /// their names are transliterated, and a doubled letter is another transliteration.
    pub fn transliterated(&self, person: usize) -> bool {
        self.people
            .get(person)
            .is_some_and(|p| spelled_variously(&p.fact.name, &p.fact.variants))
    }
}

/// Whether a person's surname is written more than one way among their spellings.
fn spelled_variously(name: &str, variants: &[Stored]) -> bool {
    let surname = |n: &str| n.split_whitespace().last().map(crate::spelling::fold);
    variants.iter().any(|v| surname(v) != surname(name))
}

/// The entries of one table of every file, merged: an entry whose key an earlier entry
/// has (in the same file or an earlier pack) replaces it where it stood. `key` gives an
/// entry's key and the span its `Origin` points at.
fn merge<T: Clone>(
    files: &[LoadedFile],
    table: impl Fn(&PackFile) -> &[T],
    key: impl Fn(&T) -> (String, Range<usize>),
) -> Merged<T> {
    let mut merged = Merged::new();
    for file in files {
        for fact in table(&file.pack) {
            let (key, span) = key(fact);
            merged.put(
                key,
                Entry {
                    at: file.origin(span),
                    fact: fact.clone(),
                },
            );
        }
    }
    merged
}

/// The key of an entry that has an `id`, and where the id is written.
fn by_id(id: &spanned::Spanned<Stored>) -> (String, Range<usize>) {
    (id.get_ref().to_string(), id.span())
}

impl Kb {
    /// The known full names by given name, built once for this record.
    pub fn given_names(&self) -> &GivenNames {
        &self.given_names
    }

    /// Merge the facts of `files` (in order) and index them.
    pub fn build(files: &[LoadedFile]) -> Result<Self, Vec<LoadError>> {
        let countries = merge(files, |p| &p.country, |x| by_id(&x.id));
        let orgs = merge(files, |p| &p.organization, |x| by_id(&x.id));
        let people = merge(files, |p| &p.person, |x| by_id(&x.id));
        // A membership is keyed by its organisation, state and start: a state may leave
        // and join again.
        let memberships = merge(
            files,
            |p| &p.membership,
            |x| {
                let org = &x.organization;
                (
                    format!("{}\u{0}{}\u{0}{}", org.get_ref(), x.country, x.since),
                    org.span(),
                )
            },
        );
        let roles = merge(files, |p| &p.role, |x| by_id(&x.id));
        let offices = merge(files, |p| &p.office, |x| by_id(&x.id));
        let series = merge(files, |p| &p.series, |x| by_id(&x.id));
        let events = merge(files, |p| &p.event, |x| by_id(&x.id));
        let topics = merge(files, |p| &p.topic, |x| by_id(&x.id));
        let predicates = merge(files, |p| &p.predicate, |x| by_id(&x.id));
        // A stance is keyed by its actor, topic and start: a position that changed is two
        // stances, each in force over its own period.
        let stances = merge(
            files,
            |p| &p.stance,
            |x| {
                let since = x.since.map(|d| d.to_string()).unwrap_or_default();
                (
                    format!("{}\u{0}{}\u{0}{since}", x.actor.get_ref(), x.topic),
                    x.actor.span(),
                )
            },
        );
        let mut kb = Kb {
            predicates: predicates.items,
            countries: countries.items,
            organizations: orgs.items,
            memberships: memberships.items,
            people: people.items,
            roles: roles.items,
            offices: offices.items,
            series: series.items,
            events: events.items,
            topics: topics.items,
            stances: stances.items,
            country_index: countries.index,
            org_index: orgs.index,
            person_index: people.index,
            role_index: roles.index,
            topic_index: topics.index,
            ..Kb::default()
        };
        let errors = kb.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        for (oi, office) in kb.offices.iter().enumerate() {
            for (ti, term) in office.term.iter().enumerate() {
                if let Some(&pi) = kb.person_index.get(term.person.get_ref().as_str()) {
                    kb.person_terms.entry(pi).or_default().push((oi, ti));
                }
            }
        }
        kb.surfaces = surface::Surfaces::build(&kb);
        kb.lexicon = lexicon::StanceLexicon::build(&kb.predicates);
        kb.given_names = GivenNames::build(&kb.people);
        Ok(kb)
    }

    /// Dangling references and impossible facts, each pointing into its file.
    fn validate(&self) -> Vec<LoadError> {
        let mut errors = Vec::new();
        let series_ids: HashMap<&str, ()> = self.series.iter().map(|s| (s.id.get_ref().as_str(), ())).collect();
        for o in &self.offices {
            match (&o.country, &o.organization) {
                (Some(c), None) if !self.country_index.contains_key(c.as_str()) => {
                    errors.push(o.at.error(format!("office `{}` names unknown country `{c}`", o.id.get_ref())));
                }
                (None, Some(g)) if !self.org_index.contains_key(g.as_str()) => {
                    errors.push(o.at.error(format!("office `{}` names unknown organization `{g}`", o.id.get_ref())));
                }
                (Some(_), Some(_)) | (None, None) => errors.push(o.at.error(format!(
                    "office `{}` needs exactly one of `country` and `organization`",
                    o.id.get_ref()
                ))),
                _ => {}
            }
            if !self.role_index.contains_key(o.role.as_str()) {
                errors.push(o.at.error(format!("office `{}` names unknown role `{}`", o.id.get_ref(), o.role)));
            }
            for t in &o.term {
                // Where the term is written, worked out only for an error: counting lines
                // is the slow part of loading a large pack.
                let at = || o.at.within(t.person.span());
                if !self.person_index.contains_key(t.person.get_ref().as_str()) {
                    errors.push(at().error(format!("term names unknown person `{}`", t.person.get_ref())));
                }
                if t.end.is_some_and(|e| e < t.start) {
                    errors.push(at().error(format!("term of `{}` ends before it starts", t.person.get_ref())));
                }
            }
        }
        for p in &self.people {
            if let Some(c) = &p.country
                && !self.country_index.contains_key(c.as_str())
                && !self.org_index.contains_key(c.as_str())
            {
                errors.push(p.at.error(format!("person `{}` names unknown country `{c}`", p.id.get_ref())));
            }
        }
        for e in &self.events {
            let id = e.id.get_ref();
            if let Some(s) = &e.series
                && !series_ids.contains_key(s.as_str())
            {
                errors.push(e.at.error(format!("event `{id}` names unknown series `{s}`")));
            }
            for c in e.country.iter().chain(&e.host) {
                if !self.country_index.contains_key(c.as_str()) {
                    errors.push(e.at.error(format!("event `{id}` names unknown country `{c}`")));
                }
            }
            if let Some(v) = &e.visitor
                && !self.person_index.contains_key(v.as_str())
            {
                errors.push(e.at.error(format!("event `{id}` names unknown person `{v}`")));
            }
            for p in &e.participants {
                if !self.person_index.contains_key(p.as_str()) && !self.country_index.contains_key(p.as_str()) {
                    errors.push(e.at.error(format!(
                        "event `{id}` names unknown participant `{p}`: expected a person or country id"
                    )));
                }
            }
            if e.end.is_some_and(|end| end < e.start) {
                errors.push(e.at.error(format!("event `{id}` ends before it starts")));
            }
        }
        for o in &self.organizations {
            for s in &o.series {
                if !series_ids.contains_key(s.as_str()) {
                    errors.push(o.at.error(format!("organization `{}` names unknown series `{s}`", o.id.get_ref())));
                }
            }
        }
        for m in &self.memberships {
            let org = m.organization.get_ref();
            if !self.org_index.contains_key(org.as_str()) {
                errors.push(m.at.error(format!("membership names unknown organization `{org}`")));
            }
            if !self.country_index.contains_key(m.country.as_str()) {
                errors.push(m.at.error(format!("membership names unknown country `{}`", m.country)));
            }
            if m.until.is_some_and(|u| u <= m.since) {
                errors.push(m.at.error(format!(
                    "membership of `{}` in `{org}` ends before it starts",
                    m.country
                )));
            }
        }
        for s in &self.stances {
            if !self.is_actor(s.actor.get_ref()) {
                errors.push(s.at.error(format!("stance names unknown actor `{}`", s.actor.get_ref())));
            }
            if !self.topic_index.contains_key(s.topic.as_str()) {
                errors.push(s.at.error(format!("stance names unknown topic `{}`", s.topic)));
            }
        }
        errors
    }

    pub fn is_actor(&self, id: &str) -> bool {
        self.country_index.contains_key(id) || self.org_index.contains_key(id)
    }

    pub fn country(&self, id: &str) -> Option<&Entry<Country>> {
        self.country_index.get(id).map(|&i| &self.countries[i])
    }

    pub fn person(&self, id: &str) -> Option<&Entry<Person>> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.person_index.get(id).copied()
    }

    pub fn role(&self, id: &str) -> Option<&Entry<Role>> {
        self.role_index.get(id).map(|&i| &self.roles[i])
    }

    pub fn topic(&self, id: &str) -> Option<&Entry<Topic>> {
        self.topic_index.get(id).map(|&i| &self.topics[i])
    }

    /// The name copy uses for a country or organisation id, with "the" where English
    /// wants it ("the United Kingdom", "the Philippines").
    pub fn actor_name(&self, id: &str) -> String {
        if let Some(c) = self.country(id) {
            return with_article(&c.name);
        }
        self.org_index.get(id).map_or_else(
            || id.to_string(),
            |&i| {
                // "the EU", "the African Union"; "NATO", "BRICS"
                let o = &self.organizations[i];
                let the = format!("the {}", o.name);
                if o.name.contains(' ') || o.aliases.iter().any(|a| *a == the) {
                    the
                } else {
                    o.name.to_string()
                }
            },
        )
    }

    /// The spells of a state's membership of an organisation the record holds (ids).
    pub fn memberships(&self, org: &str, country: &str) -> impl Iterator<Item = &Entry<Membership>> {
        self.memberships
            .iter()
            .filter(move |m| m.organization.get_ref() == org && m.country == country)
    }

    /// The organisation whose meetings a series holds (index into `organizations`).
    pub fn series_org(&self, series: usize) -> Option<usize> {
        let id = self.series.get(series)?.id.get_ref();
        self.organizations.iter().position(|o| o.series.contains(id))
    }

    /// The index into `series` of the series with this id.
    pub fn series_index(&self, id: &str) -> Option<usize> {
        self.series.iter().position(|x| x.id.get_ref() == id)
    }

    /// The events of a series (an index into `series`), each with its index into `events`.
    pub fn series_events(&self, series: usize) -> impl Iterator<Item = (usize, &Entry<Event>)> {
        let id = self.series.get(series).map(|s| s.id.get_ref().as_str());
        self.events
            .iter()
            .enumerate()
            .filter(move |(_, e)| id.is_some() && e.series.as_deref() == id)
    }

    /// The series of an organisation's meetings: the one it names, else the one series whose
    /// id starts with its own ("brics-summit" for BRICS). Where several do ("eu-china-summit",
    /// "eu-japan-summit"), they are the organisation's meetings with others, none its own.
    pub fn org_series(&self, org: &str) -> Option<usize> {
        // Only an organisation holds summits: a country's code may prefix the series of
        // its elections ("in-general-election").
        let o = self.org_index.get(org).and_then(|&i| self.organizations.get(i))?;
        let named = o.series.first().and_then(|s| self.series_index(s));
        named.or_else(|| {
            let prefix = format!("{}-", org.to_lowercase());
            let mut own = self
                .series
                .iter()
                .enumerate()
                .filter(|(_, x)| x.id.get_ref().starts_with(&prefix));
            match (own.next(), own.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        })
    }

    /// The country (or organisation) a person serves.
    pub fn person_country(&self, person: usize) -> Option<&str> {
        self.people.get(person)?.country.as_deref()
    }

    /// Every (office, term) a person is recorded as holding.
    pub fn terms_of(&self, person: usize) -> impl Iterator<Item = (usize, &Term)> {
        self.person_terms
            .get(&person)
            .into_iter()
            .flatten()
            .filter_map(|&(o, t)| Some((o, self.offices.get(o)?.term.get(t)?)))
    }

    /// The actor an office belongs to.
    pub fn office_actor(&self, office: usize) -> Option<&str> {
        let o = self.offices.get(office)?;
        o.country.as_deref().or(o.organization.as_deref())
    }

    /// Offices of `role` for `actor`.
    pub fn offices_of(&self, actor: &str, role: &str) -> impl Iterator<Item = usize> {
        self.offices.iter().enumerate().filter_map(move |(i, o)| {
            (o.role == role && (o.country.as_deref() == Some(actor) || o.organization.as_deref() == Some(actor)))
                .then_some(i)
        })
    }

    /// The stances recorded for an actor on a topic.
    pub fn stances_on(&self, actor: &str, topic: &str) -> impl Iterator<Item = &Entry<Stance>> {
        self.stances
            .iter()
            .filter(move |s| s.actor.get_ref() == actor && s.topic == topic)
    }

    /// A short human description of an office: "foreign minister of China".
    pub fn office_label(&self, office: usize) -> String {
        let Some(o) = self.offices.get(office) else {
            return String::new();
        };
        // An international post's own full title says what it heads: "chairperson of the
        // African Union Commission".
        if let Some(own) = o
            .titles
            .first()
            .filter(|t| o.organization.is_some() && t.contains(" of "))
        {
            let (first, rest) = own.split_once(' ').unwrap_or((own, ""));
            return format!("{} {rest}", first.to_lowercase());
        }
        let title = self
            .role(&o.role)
            .and_then(|r| r.titles.first().cloned())
            .or_else(|| o.titles.first().cloned())
            .unwrap_or_else(|| o.role.clone());
        let who = self
            .office_actor(office)
            .map(|a| self.actor_name(a))
            .unwrap_or_default();
        format!("{} of {}", title.to_lowercase(), who)
    }
}

/// A country's name as it reads mid-sentence: "the United Kingdom", "Russia".
fn with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let needs = matches!(
        first,
        "United" | "Republic" | "Democratic" | "Central" | "Czech" | "Dominican" | "Holy"
    ) || name.ends_with("Islands")
        || [
            "Netherlands",
            "Philippines",
            "Bahamas",
            "Maldives",
            "Comoros",
            "Seychelles",
            "Gambia",
        ]
        .contains(&name);
    if needs { format!("the {name}") } else { name.to_string() }
}

/// Whether `date` falls within `term`, taking coarse boundaries into account.
pub fn within(term: &Term, date: NaiveDate) -> Within {
    let start = compare(date, term.start, term.start_precision);
    let end = term.end.map(|e| compare(date, e, term.end_precision));
    match (start, end) {
        (std::cmp::Ordering::Less, _) | (_, Some(std::cmp::Ordering::Greater)) => Within::No,
        _ if coarse_hit(date, term.start, term.start_precision)
            || term.end.is_some_and(|e| coarse_hit(date, e, term.end_precision)) =>
        {
            Within::Unsure
        }
        _ => Within::Yes,
    }
}

/// Compare a day with a date known to `precision`: equal when it falls in the same period.
fn compare(day: NaiveDate, date: NaiveDate, precision: Precision) -> std::cmp::Ordering {
    match precision {
        Precision::Day => day.cmp(&date),
        Precision::Month => (day.year(), day.month()).cmp(&(date.year(), date.month())),
        Precision::Year => day.year().cmp(&date.year()),
    }
}

fn coarse_hit(day: NaiveDate, date: NaiveDate, precision: Precision) -> bool {
    precision != Precision::Day && compare(day, date, precision) == std::cmp::Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> LoadedFile {
        load::parse_file(path, text).unwrap_or_else(|e| panic!("{e}"))
    }

    /// An entry whose id an earlier pack has replaces it where it stood, in pack order;
    /// a stance is keyed by its actor, topic and start.
    #[test]
    fn a_later_entry_replaces_an_earlier_one_in_place() {
        let first = file(
            "a.toml",
            r#"
[[country]]
id = "AA"
name = "First A"
[[country]]
id = "BB"
name = "B"
[[topic]]
id = "t"
[[stance]]
actor = "AA"
topic = "t"
position = "support"
"#,
        );
        let second = file(
            "b.toml",
            r#"
[[country]]
id = "CC"
name = "C"
[[country]]
id = "AA"
name = "Second A"
[[stance]]
actor = "AA"
topic = "t"
position = "oppose"
"#,
        );
        let kb = Kb::build(&[first, second]).unwrap_or_else(|e| panic!("{e:?}"));
        let names: Vec<&str> = kb.countries.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Second A", "B", "C"]);
        assert_eq!(kb.country("AA").map(|c| c.at.to_string()), Some("b.toml:6".to_string()));
        assert_eq!(kb.stances.len(), 1);
        assert_eq!(kb.stances[0].position, Position::Oppose);
    }

    /// A position that changed is two stances, each over its own period; two periods that
    /// overlap are a validation error.
    #[test]
    fn a_changed_position_keeps_both_periods() {
        let text = |until: &str| {
            format!(
                r#"
[[country]]
id = "AA"
name = "A"
[[topic]]
id = "t"
[[stance]]
actor = "AA"
topic = "t"
position = "oppose"
since = 2017-12-02
{until}
source = "s"
[[stance]]
actor = "AA"
topic = "t"
position = "support"
since = 2022-02-16
source = "s"
"#
            )
        };
        let files = [file("a.toml", &text("until = 2021-01-19"))];
        let kb = Kb::build(&files).unwrap_or_else(|e| panic!("{e:?}"));
        let positions: Vec<Position> = kb.stances_on("AA", "t").map(|s| s.position).collect();
        assert_eq!(positions, [Position::Oppose, Position::Support]);
        assert!(
            validate::check(&files, &kb)
                .iter()
                .all(|e| !e.to_string().contains("overlaps"))
        );

        let files = [file("a.toml", &text(""))];
        let kb = Kb::build(&files).unwrap_or_else(|e| panic!("{e:?}"));
        let errors: Vec<String> = validate::check(&files, &kb).iter().map(|e| e.to_string()).collect();
        assert!(errors.iter().any(|e| e.contains("overlaps")), "{errors:?}");
    }
}
