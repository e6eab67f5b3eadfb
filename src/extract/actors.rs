//! Who a stretch of text is about: runs of knowledge-base names joined by "and", "of" or a
//! comma become one actor phrase ("Foreign Minister of Russia Sergey Lavrov and Foreign
//! Minister of China Qin Gang" speaks for Russia and China), descriptors such as "the
//! Chinese side" stand for their country, and anaphors ("They", "Both countries", "the two
//! ministers") are resolved to the most recent phrase they can stand for.

use std::ops::Range;

use serde::Serialize;

use crate::kb::Kb;
use crate::kb::surface::{CountryForm, Hit, Surface};

/// A phrase that names one or more actors (countries or organisations), directly.
#[derive(Debug, Clone, Serialize)]
pub struct ActorPhrase {
    pub span: Range<usize>,
    pub actors: Vec<String>,
    /// People named in the phrase (knowledge-base indices).
    #[serde(skip)]
    pub people: Vec<usize>,
    /// The phrase ends in a possessive (`China's`).
    pub possessive: bool,
    /// The phrase is a place after a preposition ("the project in Pakistan"), not a party.
    #[serde(skip)]
    pub place: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnaphorKind {
    /// they, their, them
    Plural,
    /// both countries, the two nations, the two governments…
    Countries,
    /// both ministers, the two leaders…
    People,
    /// both sides, the two parties
    Sides,
    /// it, its
    It,
    /// the bloc, the alliance, the group
    Org,
    /// he, she, his, her
    Person,
}

/// Something that may be the subject of a statement, in text order.
#[derive(Debug, Clone)]
pub enum Subject {
    Actors(ActorPhrase),
    Anaphor {
        span: Range<usize>,
        kind: AnaphorKind,
        possessive: bool,
        /// "the five leaders": how many it speaks of, when it says.
        count: Option<usize>,
    },
    /// "critics", "analysts", "officials": people who are not a known actor.
    Others(Range<usize>),
}

impl Subject {
    pub fn span(&self) -> Range<usize> {
        match self {
            Subject::Actors(p) => p.span.clone(),
            Subject::Anaphor { span, .. } | Subject::Others(span) => span.clone(),
        }
    }
}

/// What an anaphor was resolved to, with the phrase it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    pub actors: Vec<String>,
    pub antecedent: Range<usize>,
}

crate::scanner!(static PLACE_BEFORE = r"(?i)(?-u:\b)(?:in|into|inside|across|throughout|near)\s+$");
crate::scanner!(static ANAPHOR = r"(?i)(?-u:\b)(?P<org>the\s+(?:bloc|group|alliance|organisation|organization|grouping))(?-u:\b)|(?-u:\b)(?:both|the\s+(?:two|three|four|five|six|seven|eight|nine|ten)|the)\s+(?:(?P<countries>countries|nations|governments|capitals|states)|(?P<people>leaders|presidents|ministers|foreign\s+ministers|top\s+diplomats|delegations|heads\s+of\s+state)|(?P<sides>sides|parties))(?-u:\b)|(?-u:\b)(?P<plural>they|their|them)(?-u:\b)|(?-u:\b)(?P<it>it|its)(?-u:\b)|(?-u:\b)(?P<person>(?:his|her)\s+(?:country|government|nation)|he|she|his|her)(?-u:\b)");

crate::scanner!(static OTHERS = r"(?i)(?-u:\b)(?:critics|analysts|observers|experts|protesters|protestors|opponents|lawmakers|activists|commentators|scholars|western\s+governments|rights\s+groups|the\s+opposition)(?-u:\b)");

// After a demonym, a noun that makes it stand for the government: "the Chinese side".
crate::regex!(static DESCRIPTOR = r"^\s+(?:side|government|authorities|leadership|delegation|leader|president|foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|state)(?-u:\b)");

// What may stand between two names of one phrase.
crate::regex!(static JOIN = r"^(?:['’]s)?(?:\s*,\s*(?:and\s+)?|\s+(?:and|nor|&|as\s+well\s+as)\s+(?:the\s+)?|\s+of\s+(?:the\s+)?|\s+)$");

pub(super) fn actor_of(kb: &Kb, s: Surface) -> Option<String> {
    match s {
        Surface::Country { country, form } if form != CountryForm::Demonym => {
            kb.countries.get(country).map(|c| c.id.get_ref().to_string())
        }
        Surface::Org(o) => kb.organizations.get(o).map(|o| o.id.get_ref().to_string()),
        _ => None,
    }
}

fn is_name_like(s: Surface) -> bool {
    matches!(
        s,
        Surface::Country { .. }
            | Surface::Org(_)
            | Surface::Person { .. }
            | Surface::RoleTitle(_)
            | Surface::OfficeTitle(_)
            | Surface::Informal(_)
    )
}

/// The subjects of one sentence, in order: actor phrases built from `hits` (those inside
/// the sentence), anaphors, and non-actor plurals.
pub fn subjects(kb: &Kb, prose: &str, sentence: Range<usize>, hits: &[Hit]) -> Vec<Subject> {
    let mut out: Vec<Subject> = Vec::new();
    let mut phrase: Option<ActorPhrase> = None;
    let mut last_end = 0;
    // The phrase's items were joined by a bare "and": its list is closed, and a later ", and"
    // opens a clause of its own ("talks between Belgrade and Pristina, and Sánchez said …").
    let mut closed = false;
    for hit in hits.iter().filter(|h| h.surfaces.iter().copied().any(is_name_like)) {
        let gap = crate::text::get(prose, last_end..hit.span.start);
        let joined = phrase.is_some() && JOIN.is_match(gap) && !(closed && gap.contains(','));
        if !joined && let Some(p) = phrase.take() {
            out.push(Subject::Actors(p));
        }
        let bare_and = !gap.contains(',') && gap.split_whitespace().any(|w| ["and", "nor", "&"].contains(&w));
        closed = joined && (closed || bare_and);
        let p = phrase.get_or_insert_with(|| ActorPhrase {
            span: hit.span.clone(),
            actors: Vec::new(),
            people: Vec::new(),
            possessive: false,
            place: PLACE_BEFORE.is_match(crate::text::get(prose, sentence.start..hit.span.start)),
        });
        p.span.end = hit.span.end;
        last_end = hit.span.end;
        for &s in &hit.surfaces {
            if let Some(a) = actor_of(kb, s) {
                push_unique(&mut p.actors, a);
            }
            if let Surface::Person { person, .. } = s {
                if !p.people.contains(&person) {
                    p.people.push(person);
                }
                if let Some(c) = kb.person_country(person) {
                    push_unique(&mut p.actors, c.to_string());
                }
            }
            if let Surface::Country {
                country,
                form: CountryForm::Demonym,
            } = s
            {
                // "the Russian foreign minister": an office speaks for its country.
                let title_next = hits.iter().any(|h| {
                    h.span.start == hit.span.end + 1
                        && crate::text::get(prose, hit.span.end..h.span.start) == " "
                        && h.surfaces.iter().any(|s| {
                            matches!(
                                s,
                                Surface::RoleTitle(_) | Surface::OfficeTitle(_) | Surface::Informal(_)
                            )
                        })
                });
                if title_next && let Some(c) = kb.countries.get(country) {
                    push_unique(&mut p.actors, c.id.get_ref().to_string());
                }
                // "the Chinese side", "Russian President Vladimir Putin" (the person adds it too).
                if DESCRIPTOR.is_match(crate::text::from(prose, hit.span.end)) {
                    if let Some(c) = kb.countries.get(country) {
                        push_unique(&mut p.actors, c.id.get_ref().to_string());
                    }
                    if let Some(m) = DESCRIPTOR.find(crate::text::from(prose, hit.span.end)) {
                        p.span.end = hit.span.end + m.end();
                        last_end = p.span.end;
                    }
                }
            }
        }
        p.possessive = crate::text::is_possessive(prose, &hit.span);
        // "Lula's government", "Ruto's administration": the person's government acts.
        if p.possessive && hit.surfaces.iter().any(|s| matches!(s, Surface::Person { .. })) {
            let after = hit.span.end + crate::text::possessive_len(prose, &hit.span);
            if let Some(len) = government_noun(crate::text::from(prose, after)) {
                p.possessive = false;
                p.span.end = after + len;
                last_end = p.span.end;
            }
        }
    }
    if let Some(p) = phrase.take() {
        out.push(Subject::Actors(p));
    }
    out.retain(|s| !matches!(s, Subject::Actors(p) if p.actors.is_empty()));
    let text = crate::text::get(prose, sentence.clone());
    for c in ANAPHOR.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let span = sentence.start + m.start()..sentence.start + m.end();
        if out.iter().any(|s| overlaps(&s.span(), &span)) {
            continue;
        }
        let kind = if c.name("org").is_some() {
            AnaphorKind::Org
        } else if c.name("countries").is_some() {
            AnaphorKind::Countries
        } else if c.name("people").is_some() {
            AnaphorKind::People
        } else if c.name("sides").is_some() {
            AnaphorKind::Sides
        } else if c.name("plural").is_some() {
            AnaphorKind::Plural
        } else if c.name("it").is_some() {
            AnaphorKind::It
        } else {
            AnaphorKind::Person
        };
        let word = m.as_str().to_ascii_lowercase();
        let possessive = matches!(word.as_str(), "their" | "its" | "his" | "her");
        let count = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
            .iter()
            .position(|n| word.split_whitespace().any(|w| w == *n))
            .map(|i| i + 2);
        out.push(Subject::Anaphor {
            span,
            kind,
            possessive,
            count,
        });
    }
    for m in OTHERS.find_iter(text) {
        let span = sentence.start + m.start()..sentence.start + m.end();
        if !out.iter().any(|s| overlaps(&s.span(), &span)) {
            out.push(Subject::Others(span));
        }
    }
    out.sort_by_key(|s| s.span().start);
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Discourse state: the most recent actors anaphors can point back to.
#[derive(Debug, Default, Clone)]
pub struct Coref {
    /// The last phrase naming two or more actors of any kind ("the UN, SCO and BRICS").
    plural: Option<Resolved>,
    /// The last naming two or more countries ("China and Russia", "Lavrov and Qin").
    countries: Option<Resolved>,
    /// The last naming two or more people.
    people: Option<Resolved>,
    single_actor: Option<Resolved>,
    single_person: Option<Resolved>,
    /// The last actors named one at a time, most recent last: "Pakistani FM Qureshi …
    /// Chinese FM Wang Yi … The two sides" means Pakistan and China.
    singles: Vec<Resolved>,
    /// The last organisation named alone.
    org: Option<Resolved>,
    /// The last organisations whose meetings were named ("the NATO summit"): not parties to
    /// a statement, but what "the alliance" may mean.
    org_meetings: Vec<Resolved>,
    /// Groups of two or more named together, most recent last: for each size, the latest
    /// group at least that large.
    groups: Vec<Resolved>,
    /// The sentence being read has already named its person, or opened with "he" or "she":
    /// a person named later in it is an object ("He met President Putin"), not whom the
    /// next "he" means.
    person_in_sentence: bool,
}

impl Coref {
    /// A new sentence: its first person, named or "he", is whom the next "he" means.
    pub fn start_sentence(&mut self) {
        self.person_in_sentence = false;
    }

    /// Resolve `subject` and record it as the latest antecedent where it is one. Pronouns
    /// resolve but do not become antecedents: a later "They" still points at the phrase.
    pub fn observe(&mut self, kb: &Kb, subject: &Subject) -> Option<Resolved> {
        match subject {
            Subject::Actors(p) => {
                let r = Resolved {
                    actors: p.actors.clone(),
                    antecedent: p.span.clone(),
                };
                if p.actors.len() >= 2 {
                    // An older group no larger than this one can never be the latest
                    // group of a size again: drop it, so the list stays short.
                    self.groups.retain(|g| g.actors.len() > r.actors.len());
                    self.groups.push(r.clone());
                    self.plural = Some(r.clone());
                    if p.actors.iter().all(|a| kb.country(a).is_some()) {
                        self.countries = Some(r.clone());
                    }
                    if p.people.len() >= 2 {
                        self.people = Some(r.clone());
                    }
                } else if !p.people.is_empty() {
                    if !self.person_in_sentence {
                        self.single_person = Some(r.clone());
                    }
                    self.person_in_sentence = true;
                } else if !p.place {
                    self.single_actor = Some(r.clone());
                    if p.actors.iter().all(|a| kb.country(a).is_none()) {
                        self.org = Some(r.clone());
                    }
                }
                // Only people count: a country named alone is as often a place or an object
                // ("the situation in Ukraine") as a party.
                if p.actors.len() == 1 && !p.people.is_empty() {
                    self.singles.retain(|s| s.actors != r.actors);
                    self.singles.push(r.clone());
                    if self.singles.len() > 2 {
                        self.singles.remove(0);
                    }
                }
                Some(r)
            }
            Subject::Anaphor { span, kind, count, .. } => {
                let from = match kind {
                    AnaphorKind::Countries | AnaphorKind::People if count.is_some_and(|n| n > 2) => {
                        self.group_of(count.unwrap_or(0))
                    }
                    AnaphorKind::Countries => self.latest_pair(kb, self.countries.clone()),
                    AnaphorKind::People => self.latest_pair(kb, self.people.clone()),
                    AnaphorKind::Sides => self.latest_pair(kb, self.countries.clone().or_else(|| self.plural.clone())),
                    AnaphorKind::Plural => return self.plural.clone(),
                    AnaphorKind::It => return self.single_actor.clone(),
                    AnaphorKind::Org => return self.org_before(span.start),
                    AnaphorKind::Person => {
                        self.person_in_sentence = true;
                        return self.single_person.clone();
                    }
                }?;
                // "Both countries" becomes the antecedent of a later "They".
                let r = Resolved {
                    actors: from.actors,
                    antecedent: span.clone(),
                };
                self.plural = Some(r.clone());
                if matches!(kind, AnaphorKind::People) {
                    self.people = Some(r.clone());
                } else {
                    self.countries = Some(r.clone());
                }
                Some(r)
            }
            Subject::Others(_) => {
                // "Critics …": a later "they" may mean them; resolve it to nothing.
                self.plural = None;
                None
            }
        }
    }

    /// A plural phrase's antecedent: the last group named together, or the last two
    /// countries named one at a time when they came later.
    fn latest_pair(&self, kb: &Kb, group: Option<Resolved>) -> Option<Resolved> {
        let pair = match self.singles.as_slice() {
            [a, b] if a.actors.iter().chain(&b.actors).all(|x| kb.country(x).is_some()) => Some(Resolved {
                actors: a.actors.iter().chain(&b.actors).cloned().collect(),
                antecedent: b.antecedent.clone(),
            }),
            _ => None,
        };
        match (group, pair) {
            (Some(g), Some(p)) => Some(if p.antecedent.start > g.antecedent.start { p } else { g }),
            (g, p) => g.or(p),
        }
    }

    /// "The five leaders": the latest group at least that large, less one (a host is often
    /// named apart from the guests).
    fn group_of(&self, n: usize) -> Option<Resolved> {
        self.groups.iter().rev().find(|g| g.actors.len() + 1 >= n).cloned()
    }

    /// Record the organisations whose meetings a sentence names, before its subjects are
    /// observed; earlier ones are kept only while they are the latest.
    pub fn note_orgs(&mut self, mentions: Vec<Resolved>) {
        if mentions.is_empty() {
            return;
        }
        self.org_meetings.retain(|m| {
            self.org
                .as_ref()
                .is_none_or(|o| m.antecedent.start > o.antecedent.start)
        });
        self.org_meetings.extend(mentions);
        let keep = self.org_meetings.len().saturating_sub(4);
        self.org_meetings.drain(..keep);
    }

    /// "The bloc" at `at`: the organisation named, or whose meeting was named, last before.
    fn org_before(&self, at: usize) -> Option<Resolved> {
        self.org
            .iter()
            .chain(&self.org_meetings)
            .filter(|r| r.antecedent.end <= at)
            .max_by_key(|r| r.antecedent.start)
            .cloned()
    }

    /// Resolve without recording.
    pub fn peek(&self, kb: &Kb, subject: &Subject) -> Option<Resolved> {
        self.clone().observe(kb, subject)
    }
}

/// After a person's possessive, a noun that makes it stand for their government: the
/// length of " government" in "Lula's government".
fn government_noun(rest: &str) -> Option<usize> {
    let word = rest.trim_start();
    let skipped = rest.len() - word.len();
    ["government", "administration", "cabinet"].iter().find_map(|noun| {
        let after = word.strip_prefix(noun)?;
        (skipped > 0 && !after.starts_with(|c: char| c.is_alphanumeric())).then_some(skipped + noun.len())
    })
}

#[cfg(test)]
mod tests {
    use super::ANAPHOR;

    #[test]
    fn the_organisation_nouns_of_the_grammar_are_the_ones_read_as_the_bloc() {
        for noun in &super::super::words::GRAMMAR.organisation_nouns {
            let text = format!("the {noun}");
            let c = ANAPHOR.captures_iter(&text).next();
            assert!(
                c.is_some_and(|c| c.name("org").is_some()),
                "`{text}` is not read as an organisation"
            );
        }
    }
}
