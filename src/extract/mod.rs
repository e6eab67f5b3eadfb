//! Everything factlint reads out of a draft, with byte spans into the original file:
//! the as-of date, sentences, dates, people, titles, events and stance statements.
//! `factlint extract` prints this, so an editor can see why a check fired.

pub mod actors;
pub mod asof;
pub mod clause;
pub mod date;
pub mod event;
pub mod meeting;
pub mod membership;
pub mod ordinal;
pub mod proper_names;
pub mod sentence;
pub mod stance;
pub mod tense;
pub mod term_change;
pub mod title;
pub mod view;
pub mod words;

use std::ops::Range;

use serde::Serialize;

use crate::kb::Kb;
use crate::kb::surface::{Hit, NameForm, Surface};
use crate::source::Document;
use asof::{AsOf, AsOfOptions};
use date::{DateMention, NumericOrder};
use event::EventMention;
use proper_names::NameMention;
use stance::StanceMention;
use title::TitleMention;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub as_of: AsOfOptions,
    pub numeric_order: NumericOrder,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonMention {
    pub span: Range<usize>,
    pub text: String,
    pub person_id: String,
    #[serde(skip)]
    pub person: usize,
    pub sentence: usize,
    /// The name matched one of the person's other transliterations, not the preferred one.
    pub variant: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorMention {
    pub span: Range<usize>,
    pub text: String,
    pub actor: String,
}

#[derive(Debug, Serialize)]
pub struct Extraction {
    pub as_of: AsOf,
    pub sentences: Vec<Range<usize>>,
    pub dates: Vec<DateMention>,
    pub people: Vec<PersonMention>,
    /// Personal names as written, known to the knowledge base or not.
    pub names: Vec<NameMention>,
    pub actors: Vec<ActorMention>,
    pub titles: Vec<TitleMention>,
    /// "Defence Minister Naledi Pandor", where the record holds no such office for the country.
    pub role_titles: Vec<title::RoleMention>,
    /// "German Foreign Minister Karl Lauterbach": a country's title before a name the
    /// record does not know, with the sentence it is in.
    pub unknown_holders: Vec<(title::UnknownHolder, usize)>,
    /// "NATO member Sweden", "Britain, a member of the EU"
    pub memberships: Vec<membership::MembershipClaim>,
    /// "Finland joined NATO on 4 April 2023"
    pub joinings: Vec<membership::JoiningClaim>,
    /// "was sworn in as prime minister on …"
    pub term_changes: Vec<term_change::TermChange>,
    pub events: Vec<EventMention>,
    pub stances: Vec<StanceMention>,
    /// For each title, event and stance: the sentence it is in.
    #[serde(skip)]
    pub title_sentence: Vec<usize>,
    #[serde(skip)]
    pub stance_sentence: Vec<usize>,
}

impl Extraction {
    /// The index of the sentence containing `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= offset).checked_sub(1)?;
        let s = self.sentences.get(i)?;
        (offset < s.end.max(s.start + 1)).then_some(i)
    }

    /// The dates inside sentence `i`, in order.
    fn dates_in(&self, i: usize) -> impl Iterator<Item = &DateMention> {
        let s = self.sentences.get(i).cloned().unwrap_or(0..0);
        let first = self.dates.partition_point(|d| d.span.start < s.start);
        let end = s.end;
        self.dates
            .iter()
            .skip(first)
            .take_while(move |d| d.span.start < end)
            .filter(move |d| d.span.end <= end)
    }

    /// The dates starting in `range`, in order (dates are sorted by their start).
    pub fn dates_starting_in(&self, range: Range<usize>) -> &[DateMention] {
        let first = self.dates.partition_point(|d| d.span.start < range.start);
        let end = first + self.dates[first..].partition_point(|d| d.span.start < range.end);
        &self.dates[first..end]
    }

    /// The events starting in `range`, a run of whole sentences. Events come sentence by
    /// sentence, each inside its sentence, so those of a run of sentences are contiguous.
    pub fn events_starting_in(&self, range: Range<usize>) -> &[EventMention] {
        let first = self.events.partition_point(|e| e.span.start < range.start);
        let end = first + self.events[first..].partition_point(|e| e.span.start < range.end);
        &self.events[first..end]
    }

    /// The first resolved, exact date in sentence `i`: the date the sentence speaks of.
    pub fn sentence_date(&self, i: usize) -> Option<&DateMention> {
        self.dates_in(i).find(|d| d.start.is_some() && d.is_day())
    }
}

/// Compile the extraction's patterns ahead of use: called on another thread while the
/// knowledge base loads, it takes pattern compilation off a short run's critical path.
pub fn warm_up() {
    let text = "SAMARKAND, Monday, 14 April 2023 (TDI): They opposed it on 20-21 March 2023, \
                Aug. 5, 2023, 2023-04-14, 14/04/2023, in mid-March, in 2004, yesterday and on Friday. \
                Both countries said the two ministers would not support critics.";
    let doc = Document::new("warm-up.txt", text.to_string(), crate::source::Format::Text);
    let _ = extract(&doc, &Kb::default(), &Options::default());
}

/// How many sentences back "he" or "the former tax inspector" may find the person it
/// refers to.
const PERSON_REACH: usize = 2;

/// Whom "he" or "the former tax inspector" opening sentence `si` refers to: the one person
/// the nearest sentence before it names, within `PERSON_REACH`. A sentence naming two
/// people ("Medvedev said he would step aside for Putin") leaves it open.
fn referent(people: &[PersonMention], si: usize) -> Option<(Range<usize>, usize)> {
    let last = people.iter().rev().find(|p| p.sentence < si)?;
    if last.sentence + PERSON_REACH < si {
        return None;
    }
    // People come in text order: that sentence's are the run ending at `last`.
    let mut same = people
        .iter()
        .rev()
        .skip_while(|p| p.sentence >= si)
        .take_while(|p| p.sentence == last.sentence);
    same.all(|p| p.person == last.person)
        .then(|| (last.span.clone(), last.person))
}

pub fn extract(doc: &Document, kb: &Kb, opts: &Options) -> Extraction {
    let prose = doc.prose.as_str();
    // The dates are read once: the same reading gives the draft's date and the mentions.
    let reading = date::read(prose, opts.numeric_order);
    let mut as_of = asof::determine(doc, opts.as_of, &reading);
    let sentences = sentence::split(prose, &doc.breaks);
    // "on Friday" is the Friday ahead when its own clause speaks of the future ("will meet
    // on Friday"), else the one just past: news reports what happened.
    let future = |pos: usize| {
        let i = sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
            .and_then(|i| sentences.get(i))
            .map_or(tense::Tense::Unknown, |s| {
                let before = crate::text::get(prose, s.start..pos);
                let after = crate::text::get(prose, pos..s.end);
                tense::around(before, after)
            })
    };
    let mut hits = kb.surfaces.scan(&joined_lines(prose));
    add_surnames(kb, prose, &mut hits);
    add_topic_anaphors(kb, prose, &sentences, &mut hits);
    add_organisation_topics(kb, prose, &mut hits);
    add_place_topics(kb, prose, &mut hits);
    if as_of.guessed_year
        && as_of.source == asof::AsOfSource::Dateline
        && let Some(date) = dateline_year_from_events(kb, &hits, as_of.date)
        // Copy looks back on what it reports: a draft that writes of "October 2023" is not
        // of 2017, whatever meeting of 2017 its dateline's day and city fit ("BEIJING, May
        // 16 - … in Beijing for the Belt and Road Forum", whose first edition closed on 15
        // May 2017).
        && !reading.years_written().any(|y| y > chrono::Datelike::year(&date) + 1)
    {
        as_of.date = date;
        as_of.guessed_year = false;
    }
    let dates = reading.resolve(prose, date::Anchor { as_of: as_of.date }, &future);
    let mut out = Extraction {
        as_of,
        sentences: Vec::new(),
        dates,
        people: Vec::new(),
        names: proper_names::extract(prose, &hits, &sentences),
        actors: Vec::new(),
        titles: Vec::new(),
        role_titles: Vec::new(),
        unknown_holders: Vec::new(),
        memberships: Vec::new(),
        joinings: Vec::new(),
        term_changes: Vec::new(),
        events: Vec::new(),
        stances: Vec::new(),
        title_sentence: Vec::new(),
        stance_sentence: Vec::new(),
    };
    let mut coref = actors::Coref::default();
    let (mut recent_series, mut actors_seen) = (None, 0);
    // The series of a meeting named by its own name in the sentence before, if any.
    let mut named_before: Option<usize> = None;
    let mut h = 0;
    for (si, s) in sentences.iter().enumerate() {
        while h < hits.len() && hits[h].span.start < s.start {
            h += 1;
        }
        let end = hits[h..]
            .iter()
            .position(|x| x.span.start >= s.end)
            .map_or(hits.len(), |p| h + p);
        let in_sentence: &[Hit] = &hits[h..end];
        collect_names(kb, prose, in_sentence, si, &mut out);
        out.memberships.extend(membership::extract(prose, in_sentence));
        out.joinings
            .extend(membership::joinings(prose, in_sentence, &out.dates));
        let previous = referent(&out.people, si);
        out.term_changes.extend(term_change::extract(&term_change::Input {
            prose,
            sentence: s.clone(),
            hits: in_sentence,
            dates: &out.dates,
            as_of_span: out.as_of.span.as_ref(),
            previous,
        }));
        let titles = title::extract(kb, prose, s.clone(), in_sentence);
        out.role_titles.extend(titles.roles);
        out.unknown_holders.extend(titles.unknown.into_iter().map(|u| (u, si)));
        for t in titles.offices {
            out.titles.push(t);
            out.title_sentence.push(si);
        }
        // What "the summit" can mean: a meeting of the last organisation named before it.
        let series_here: Vec<(usize, usize)> = out
            .actors
            .get(actors_seen..)
            .unwrap_or_default()
            .iter()
            .filter_map(|a| Some((a.span.start, kb.org_series(&a.actor)?)))
            .collect();
        actors_seen = out.actors.len();
        let cx = event::Context {
            kb,
            prose,
            dates: &out.dates,
            as_of: out.as_of.date,
            year_guessed: out.as_of.guessed_year,
            recent_series: named_before.or(recent_series),
            series_here: &series_here,
        };
        let events = event::extract(&cx, s.clone(), in_sentence);
        // "… for the seventh AU-EU summit. The summit, scheduled for …": a meeting named
        // by its own name makes its series the one "the summit" in the next sentence means.
        let named_series = events
            .iter()
            .rev()
            .filter(|m| !m.anaphoric)
            .find_map(|m| kb.events.get(m.event?)?.series.as_deref())
            .and_then(|id| kb.series_index(id));
        out.events.extend(events);
        out.events.extend(meeting::extract(&cx, s, in_sentence));
        if let Some(&(_, series)) = series_here.last() {
            recent_series = Some(series);
        }
        named_before = named_series;
        // "the NATO summit": the organisation holding it is what "the alliance" means next.
        coref.note_orgs(meeting_orgs(kb, in_sentence));
        let subjects = actors::subjects(kb, prose, s.clone(), in_sentence);
        let input = stance::SentenceInput {
            prose,
            sentence: s.clone(),
            hits: in_sentence,
            subjects: &subjects,
        };
        for st in stance::extract(kb, &input, &mut coref) {
            out.stances.push(st);
            out.stance_sentence.push(si);
        }
        h = end;
    }
    out.sentences = sentences;
    out
}

/// The organisations whose meetings `hits` name ("the NATO summit", "the 15th BRICS
/// summit"), each with the span naming the meeting.
fn meeting_orgs(kb: &Kb, hits: &[Hit]) -> Vec<actors::Resolved> {
    hits.iter()
        .filter_map(|h| {
            let org = h.surfaces.iter().find_map(|s| match *s {
                Surface::Series(i) => kb.series_org(i),
                Surface::Event(e) => {
                    let series = kb.events.get(e)?.series.as_ref()?;
                    kb.series_org(kb.series_index(series)?)
                }
                _ => None,
            })?;
            Some(actors::Resolved {
                actors: vec![kb.organizations.get(org)?.id.get_ref().to_string()],
                antecedent: h.span.clone(),
            })
        })
        .collect()
}

fn collect_names(kb: &Kb, prose: &str, hits: &[Hit], sentence: usize, out: &mut Extraction) {
    for hit in hits {
        for s in &hit.surfaces {
            match *s {
                Surface::Person { person, form } => {
                    out.people.push(PersonMention {
                        variant: form == NameForm::Variant,
                        span: hit.span.clone(),
                        text: crate::text::get(prose, hit.span.clone()).to_string(),
                        person_id: kb
                            .people
                            .get(person)
                            .map(|p| p.id.get_ref().to_string())
                            .unwrap_or_default(),
                        person,
                        sentence,
                    });
                    break;
                }
                Surface::Country { country, .. } => {
                    if let Some(c) = kb.countries.get(country) {
                        out.actors.push(ActorMention {
                            span: hit.span.clone(),
                            text: crate::text::get(prose, hit.span.clone()).to_string(),
                            actor: c.id.get_ref().to_string(),
                        });
                    }
                    break;
                }
                Surface::Org(o) => {
                    if let Some(org) = kb.organizations.get(o) {
                        out.actors.push(ActorMention {
                            span: hit.span.clone(),
                            text: crate::text::get(prose, hit.span.clone()).to_string(),
                            actor: org.id.get_ref().to_string(),
                        });
                    }
                    break;
                }
                _ => {}
            }
        }
    }
}

/// A year-less dateline (`HIROSHIMA, May 21 (Reuters) -`) in a draft that names a known
/// event held on that day (the G7 summit in Hiroshima, 19-21 May 2023) is from that
/// event's year, when exactly one year fits. The day may fall up to two days after the
/// event, as reports of it do.
fn dateline_year_from_events(kb: &Kb, hits: &[Hit], guessed: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    // A city alone names no event ("Paris" hosts many): it counts only with its series named
    // in the draft too ("the G7 summit … in Hiroshima").
    let series: Vec<&str> = hits
        .iter()
        .flat_map(|h| h.surfaces.iter())
        .filter_map(|s| match *s {
            Surface::Series(i) => kb.series.get(i).map(|x| x.id.get_ref().as_str()),
            _ => None,
        })
        .collect();
    let mut years: Vec<i32> = Vec::new();
    for s in hits.iter().flat_map(|h| h.surfaces.iter()) {
        let e = match *s {
            Surface::Event(e) => kb.events.get(e),
            Surface::Place(e) => kb
                .events
                .get(e)
                .filter(|x| x.series.as_deref().is_some_and(|id| series.contains(&id))),
            _ => None,
        };
        let Some(e) = e else { continue };
        if e.precision != crate::kb::model::Precision::Day {
            continue;
        }
        let end = e.end.unwrap_or(e.start);
        for year in [e.start.year(), end.year()] {
            let Some(day) = guessed.with_year(year) else { continue };
            if day >= e.start && day <= end + chrono::Days::new(2) && !years.contains(&year) {
                years.push(year);
            }
        }
    }
    match years.as_slice() {
        [year] => guessed.with_year(*year),
        _ => None,
    }
}

/// How many sentences back a topic may be referred to as "the deal".
const TOPIC_REACH: usize = 8;

/// "The deal was opposed by …" after "the Iran nuclear deal": a definite noun of a topic's
/// kind refers back to the last topic of that kind named within a few sentences, unless
/// the text introduced a new one in between ("signed a deal"). Words the topic's names use
/// may stand before the noun ("the ban treaty" after "the Treaty on the Prohibition of
/// Nuclear Weapons"), and each reference carries the topic on, so that "the treaty" can be
/// followed a paragraph later. A sentence that describes a topic by all its keys
/// (`stance::described_topic`) counts as naming it.
fn add_topic_anaphors(kb: &Kb, prose: &str, sentences: &[Range<usize>], hits: &mut Vec<Hit>) {
    let sentence_of = |at: usize| sentences.partition_point(|s| s.start <= at);
    let mut added: Vec<Hit> = Vec::new();
    let lower = prose.to_ascii_lowercase();
    // The topics named or referred to so far, in text order: (start, end, topic).
    let mut told: Vec<(usize, usize, usize)> = Vec::new();
    let mut walked = 0;
    // Sentences that describe a topic by its keys without naming one ("The European Union
    // and the Mercosur bloc … concluded … a free trade agreement") tell it too.
    let named_in = |s: &Range<usize>| {
        let first = hits.partition_point(|h| h.span.start < s.start);
        hits[first..]
            .iter()
            .take_while(|h| h.span.start < s.end)
            .any(|h| h.surfaces.iter().any(|x| matches!(x, Surface::Topic(_))))
    };
    let described: Vec<(usize, usize, usize)> = sentences
        .iter()
        .filter(|s| !named_in(s))
        .filter_map(|s| stance::described_topic(kb, prose, s))
        .map(|(span, topic)| (span.start, span.end, topic))
        .collect();
    let mut described_walked = 0;
    for (at, _) in lower.match_indices("the ") {
        while let Some(h) = hits.get(walked).filter(|h| h.span.end <= at) {
            if let Some(t) = h.surfaces.iter().find_map(|s| match s {
                Surface::Topic(t) => Some(*t),
                _ => None,
            }) {
                told.push((h.span.start, h.span.end, t));
            }
            walked += 1;
        }
        while let Some(&d) = described.get(described_walked).filter(|d| d.1 <= at) {
            told.insert(told.partition_point(|t| t.0 <= d.0), d);
            described_walked += 1;
        }
        // "the treaty", "the ban treaty", "the nuclear ban treaty": up to two words before
        // the noun.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut end = at + 3;
        for _ in 0..3 {
            let (word_end, word) = word_after_the(&lower, end - 3);
            if word.is_empty() || !crate::text::from(&lower, end).starts_with(' ') {
                break;
            }
            words.push((word_end, word));
            end = word_end;
        }
        let Some(k) = words
            .iter()
            .position(|(_, w)| words::GRAMMAR.topic_head_group(w).is_some())
        else {
            continue;
        };
        let (word_end, head) = words[k];
        let modifiers: Vec<&str> = words[..k].iter().map(|(_, w)| *w).collect();
        let Some(group) = words::GRAMMAR.topic_head_group(head) else {
            continue;
        };
        let span = at..word_end;
        // "the accession of the Baltic states" names its own referent.
        let complement = crate::text::from(&lower, word_end)
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "of" | "to" | "between" | "with" | "on" | "for" | "that"));
        // Hits are sorted and do not overlap: those ending by `at` come first.
        let before = hits.partition_point(|h| h.span.end <= at);
        let overlaps = hits.get(before).is_some_and(|h| h.span.start < span.end);
        if complement || overlaps || !crate::text::is_word(prose, &span) {
            continue;
        }
        // The last topic before it, of this kind, close enough, whose names use the words
        // before the noun.
        let here = sentence_of(at);
        let Some(&(_, told_end, topic)) = told
            .iter()
            .rev()
            .take_while(|(start, _, _)| here.saturating_sub(sentence_of(*start)) <= TOPIC_REACH)
            .find(|(_, _, t)| {
                let Some(topic) = kb.topics.get(*t) else { return false };
                let name_words = || {
                    topic
                        .names
                        .iter()
                        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
                        .map(str::to_ascii_lowercase)
                };
                name_words().any(|w| group.contains(&w)) && modifiers.iter().all(|m| name_words().any(|w| w == *m))
            })
        else {
            continue;
        };
        let between = crate::text::get(&lower, told_end..at);
        let introduced = group.iter().any(|g| {
            between.contains(&format!(" a {g}"))
                || between.contains(&format!(" an {g}"))
                || between.contains(&format!(" new {g}"))
        });
        if !introduced {
            told.push((span.start, span.end, topic));
            added.push(Hit {
                span,
                surfaces: vec![Surface::Topic(topic)],
            });
        }
    }
    if !added.is_empty() {
        hits.extend(added);
        hits.sort_by_key(|h| h.span.start);
    }
}

/// How far after "the alliance's" a topic's name may run.
const TOPIC_TAIL: usize = 120;

/// "the alliance's expansion eastward" after "NATO": a topic named with an organisation, the
/// organisation given as "the bloc", "the alliance" (see `organisation_nouns`). Each name
/// of the organisation named last before it is put in its place, and the topic scanner
/// asked whether a topic's name starts there.
fn add_organisation_topics(kb: &Kb, prose: &str, hits: &mut Vec<Hit>) {
    let lower = prose.to_ascii_lowercase();
    let mut added = Vec::new();
    // The organisation named last before `at`: the hits are walked once, as `at` grows.
    let (mut walked, mut last_org) = (0, None);
    for (at, _) in lower.match_indices("the ") {
        while let Some(h) = hits.get(walked).filter(|h| h.span.end <= at) {
            let org = h.surfaces.iter().find_map(|s| match *s {
                Surface::Org(o) => kb.organizations.get(o),
                _ => None,
            });
            last_org = org.or(last_org);
            walked += 1;
        }
        let (noun_end, noun) = word_after_the(&lower, at);
        let after = crate::text::from(&lower, noun_end);
        let Some(apostrophe) = ["'s ", "’s "].iter().find(|a| after.starts_with(**a)) else {
            continue;
        };
        if !words::GRAMMAR.organisation_nouns.contains(noun) || !crate::text::is_word(prose, &(at..noun_end)) {
            continue;
        }
        let tail_start = noun_end + apostrophe.len();
        if hits.get(walked).is_some_and(|h| h.span.start < tail_start) {
            continue;
        }
        let Some(org) = last_org else { continue };
        let tail_end = crate::text::floor_char_boundary(prose, (tail_start + TOPIC_TAIL).min(prose.len()));
        let tail = crate::text::get(prose, tail_start..tail_end);
        let found = std::iter::once(&org.name).chain(&org.aliases).find_map(|name| {
            let written = format!("{name}'s ");
            let candidate = format!("{written}{tail}");
            kb.surfaces.scan(&candidate).into_iter().find_map(|h| {
                let topic = h.surfaces.iter().find_map(|s| match *s {
                    Surface::Topic(t) => Some(t),
                    _ => None,
                })?;
                (h.span.start == 0 && h.span.end > written.len()).then(|| (topic, h.span.end - written.len()))
            })
        });
        if let Some((topic, len)) = found {
            added.push(Hit {
                span: at..tail_start + len,
                surfaces: vec![Surface::Topic(topic)],
            });
        }
    }
    merge_hits(hits, added);
}

/// "Moroccan sovereignty over the territory" after "Western Sahara": a topic whose name ends
/// in a place, the place given as "the territory", "the islands" (see `place_nouns`) once
/// the text has named it.
fn add_place_topics(kb: &Kb, prose: &str, hits: &mut Vec<Hit>) {
    let lower = prose.to_ascii_lowercase();
    let mut added = Vec::new();
    let mut splits: Option<Vec<(usize, String, &str)>> = None;
    // Where each place is first named: looked up once a place, so the pass stays linear.
    let mut first_named: std::collections::HashMap<&str, Option<usize>> = std::collections::HashMap::new();
    for (at, _) in lower.match_indices("the ") {
        let (head_end, head) = word_after_the(&lower, at);
        if !words::GRAMMAR.place_nouns.contains(head) || !crate::text::is_word(prose, &(at..head_end)) {
            continue;
        }
        let splits = splits.get_or_insert_with(|| place_splits(kb));
        let before = crate::text::upto(&lower, at);
        let found = splits.iter().find(|(_, prefix, place)| {
            before.ends_with(prefix.as_str())
                && first_named
                    .entry(place)
                    .or_insert_with(|| prose.find(place))
                    .is_some_and(|named| named + place.len() <= at - prefix.len())
        });
        let Some((topic, prefix, _)) = found else { continue };
        let span = at - prefix.len()..head_end;
        // Hits are sorted and do not overlap: only those near the span can cross its edges.
        let from = hits.partition_point(|h| h.span.end <= span.start);
        let crosses = hits
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|h| h.span.start < span.end)
            .any(|h| h.span.start < span.start || h.span.end > span.end);
        if crosses {
            continue;
        }
        added.push(Hit {
            span,
            surfaces: vec![Surface::Topic(*topic)],
        });
    }
    merge_hits(hits, added);
}

/// Each topic name that ends in a place: (topic, the name before the place, lowercase and
/// ending in a preposition and a space; the place as written). "Russia's annexation of
/// Crimea" → ("russia's annexation of ", "Crimea").
fn place_splits(kb: &Kb) -> Vec<(usize, String, &str)> {
    let mut out = Vec::new();
    for (t, topic) in kb.topics.iter().enumerate() {
        for name in &topic.names {
            let words: Vec<(usize, &str)> = name
                .split(' ')
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.len() + 1;
                    Some((start, w))
                })
                .collect();
            let proper = words
                .iter()
                .rev()
                .take_while(|(_, w)| w.starts_with(|c: char| c.is_uppercase()))
                .count();
            if proper == 0 || proper == words.len() {
                continue;
            }
            let mut first = words.len() - proper;
            if first > 0 && words[first - 1].1 == "the" {
                first -= 1;
            }
            let Some(&(place_at, _)) = words.get(words.len() - proper) else {
                continue;
            };
            let Some(&(cut, _)) = words.get(first) else { continue };
            let prefix = crate::text::upto(name, cut).to_ascii_lowercase();
            let preposition = prefix
                .split_whitespace()
                .last()
                .is_some_and(|w| matches!(w, "of" | "over" | "in" | "on" | "for" | "to"));
            if preposition && prefix.split_whitespace().count() >= 2 {
                out.push((t, prefix, crate::text::from(name, place_at)));
            }
        }
    }
    out
}

/// The word after "the " at `at` in lowercased prose: where it ends, and the word.
fn word_after_the(lower: &str, at: usize) -> (usize, &str) {
    let start = at + 4;
    let end = crate::text::from(lower, start)
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(lower.len(), |e| start + e);
    (end, crate::text::get(lower, start..end))
}

/// Adds hits, dropping those the new ones cover, and keeps the list sorted.
fn merge_hits(hits: &mut Vec<Hit>, mut added: Vec<Hit>) {
    if added.is_empty() {
        return;
    }
    // Hits must not overlap: of two added ones that do, the first stays. What is left is
    // in text order, so the one that may cover a hit is the last starting at or before it.
    added.sort_by_key(|a| a.span.start);
    let mut end = 0;
    added.retain(|a| {
        let keep = a.span.start >= end;
        if keep {
            end = a.span.end;
        }
        keep
    });
    hits.retain(|h| {
        let i = added.partition_point(|a| a.span.start <= h.span.start);
        i.checked_sub(1)
            .and_then(|i| added.get(i))
            .is_none_or(|a| h.span.end > a.span.end)
    });
    hits.extend(added);
    hits.sort_by_key(|h| h.span.start);
}

/// The prose with a lone line break read as a space, so that names hard-wrapped across
/// lines ("G20\nsummit") are found; paragraph breaks stay. Same length, same offsets.
fn joined_lines(prose: &str) -> String {
    let bytes = prose.as_bytes();
    let joined: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let lone = b == b'\n'
                && i.checked_sub(1).and_then(|p| bytes.get(p)) != Some(&b'\n')
                && bytes.get(i + 1) != Some(&b'\n');
            if lone { b' ' } else { b }
        })
        .collect();
    String::from_utf8(joined).unwrap_or_else(|_| prose.to_string())
}

/// Countries whose people are named family name first in English copy.
const FAMILY_NAME_FIRST: &[&str] = &["CN", "KR", "KP", "VN", "TW", "SG"];

/// After a person is named in full, copy refers to them by surname alone ("Wang Yi" …
/// "Wang said"). Such surnames become names of that person for the rest of the draft,
/// unless the draft also uses the surname for someone else ("Wang Wenbin") or two known
/// people share it.
fn add_surnames(kb: &Kb, prose: &str, hits: &mut Vec<Hit>) {
    // For each surname, the full mentions of the people who bear it: (person, end).
    let mut candidates: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for hit in hits.iter() {
        let Some(person) = hit.surfaces.iter().find_map(|s| match s {
            Surface::Person { person, .. } => Some(*person),
            _ => None,
        }) else {
            continue;
        };
        let text = crate::text::get(prose, hit.span.clone());
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let family_first = kb
            .person_country(person)
            .is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
        let surname = if family_first { words[0] } else { words[words.len() - 1] };
        if surname.chars().count() < 3 || !surname.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        match candidates.iter_mut().find(|c| c.0 == surname) {
            Some(c) => c.1.push((person, hit.span.end)),
            None => candidates.push((surname.to_string(), vec![(person, hit.span.end)])),
        }
    }
    let mut added = Vec::new();
    for (surname, named) in candidates {
        let Some(&(first_person, first)) = named.first() else {
            continue;
        };
        // Full mentions come in text order, as the surnames alone are met: how many lie
        // before the one at hand, and whether they name more than one person.
        let (mut seen, mut shared) = (0, false);
        for (at, _) in prose.match_indices(surname.as_str()) {
            let span = at..at + surname.len();
            // Hits are sorted and disjoint: only the last one starting at or before `at`
            // can cover it.
            let before = hits.partition_point(|h| h.span.start <= at);
            let inside = before > 0 && hits.get(before - 1).is_some_and(|h| at < h.span.end);
            if !crate::text::is_word(prose, &span) || inside {
                continue;
            }
            // "Wang Wenbin": another person with the same surname.
            let next = crate::text::from(prose, span.end);
            let prev = crate::text::upto(prose, span.start);
            let joined_after = next
                .strip_prefix(' ')
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
            // A capitalised word just before, unless it is a title or name we know
            // ("Foreign Minister Wang").
            let covered = hits
                .get(hits.partition_point(|h| h.span.end + 1 < at))
                .is_some_and(|h| h.span.end + 1 == at);
            let joined_before = !covered
                && prev.strip_suffix(' ').is_some_and(|p| {
                    p.split_whitespace().next_back().is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                    })
                });
            // From a person of that surname the record does not know on, the surname alone
            // may mean either: the mentions before stay the known person's.
            if joined_after || joined_before && !starts_sentence(prev) {
                break;
            }
            // The surname alone means the one person of that surname named before it; once
            // a second is named, it may mean either ("Lee Jae-myung … Lee took office …
            // acting President Lee Ju-ho … Lee said": only the first `Lee` is read).
            while let Some(&(other, _)) = named.get(seen).filter(|(_, end)| *end <= at) {
                shared |= other != first_person;
                seen += 1;
            }
            if seen == 0 {
                continue;
            }
            if shared {
                break;
            }
            let person = first_person;
            if at > first {
                added.push(Hit {
                    span,
                    surfaces: vec![Surface::Person {
                        person,
                        form: NameForm::Surname,
                    }],
                });
            }
        }
    }
    if !added.is_empty() {
        hits.extend(added);
        hits.sort_by_key(|h| h.span.start);
    }
}

/// True when the word before the end of `prev` opens a sentence (so its capital proves
/// nothing).
fn starts_sentence(prev: &str) -> bool {
    let t = prev.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_alphabetic());
    let t = t.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '"', '\n', '“'])
}
