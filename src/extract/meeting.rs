//! Meetings named by who met: "talks between Lavrov and Wang Yi", "Putin met Xi in
//! Moscow", "Blinken's meeting with Wang Yi", "the Russia–China talks". The people or
//! countries named are matched against the participants of recorded meetings, then the
//! place the text gives, then its date.
//!
//! The same people meet again and again, and the record holds only some of their meetings:
//! a mention is matched to a recorded meeting only when the place it gives fits one in the
//! year of the date it gives, or the day it gives falls within one. A mention with no date,
//! or whose place and date fit none, is some other meeting and stays unmatched.

use std::ops::Range;

use super::event::{Context, EventMention, attached_date, attached_place_after, finish};
use super::tense::{self, Tense};
use crate::kb::Kb;
use crate::kb::surface::{CountryForm, Hit, Surface};

/// Who a mention names as taking part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Party {
    /// A person's id.
    Person(String),
    /// A country's id: any participant of that country, or the country itself.
    Country(String),
}

/// Hits that read as one noun phrase: "President Vladimir Putin of Russia", "Russian
/// Foreign Minister Sergey Lavrov".
struct Group {
    span: Range<usize>,
    /// Index of the group's last hit.
    last: usize,
    party: Option<Party>,
}

fn party_of(kb: &Kb, hits: &[Hit], demonyms: bool) -> Option<Party> {
    let person = hits.iter().flat_map(|h| &h.surfaces).find_map(|s| match *s {
        Surface::Person { person, .. } => kb.people.get(person).map(|p| Party::Person(p.id.get_ref().to_string())),
        _ => None,
    });
    person.or_else(|| {
        // A title with a country and no name ("the Chinese foreign minister") is a person
        // the text does not name: only a country standing alone is a party.
        let titled = hits.iter().flat_map(|h| &h.surfaces).any(|s| {
            matches!(
                s,
                Surface::RoleTitle(_) | Surface::OfficeTitle(_) | Surface::Informal(_)
            )
        });
        if titled {
            return None;
        }
        hits.iter().flat_map(|h| &h.surfaces).find_map(|s| match *s {
            Surface::Country { country, form } if form != CountryForm::Demonym || demonyms => kb
                .countries
                .get(country)
                .map(|c| Party::Country(c.id.get_ref().to_string())),
            _ => None,
        })
    })
}

fn groups(kb: &Kb, prose: &str, hits: &[Hit]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut start = 0;
    for i in 0..hits.len() {
        let joined = hits.get(i + 1).is_some_and(|next| {
            let gap = crate::text::get(prose, hits[i].span.end..next.span.start);
            matches!(gap, " " | " of " | " of the ")
        });
        if !joined {
            let members = &hits[start..=i];
            out.push(Group {
                span: hits[start].span.start..hits[i].span.end,
                last: i,
                party: party_of(kb, members, false),
            });
            start = i + 1;
        }
    }
    out
}

crate::scanner!(static BETWEEN = r"(?i)(?-u:\b)(?:talks|meeting|meetings|negotiations|consultations|summit)\s+between\s+(?:the\s+)?$");
crate::regex!(static LIST = r"^(?:,\s+|,?\s+and\s+)(?:the\s+)?$");
// Between the two parties of "A met B", "A held talks with B".
crate::regex!(static MET = r"^,?\s+(?:(?:has|have|had|will|is|was|to|also|then|again|later|first|last|briefly|separately)\s+)*(?:met|meets|meet|meeting|received|receives|receive|hosted|hosts|host|(?:held|holds|hold|holding|had|has|have)\s+(?:bilateral\s+)?(?:talks|a\s+meeting))(?:\s+with)?\s+(?:the\s+)?$");
// After "A and B" in "A and B met", "A and B held talks".
crate::regex!(static AND_MET = r"^,?\s+(?:(?:have|had|will|also|then|again|later|first|last|briefly)\s+)*(?:met|meet|(?:held|hold)\s+(?:bilateral\s+)?talks)(?-u:\b)");
// "A's meeting with B", "A's talks with B".
crate::regex!(static POSSESSIVE = r"^['’]s\s+(?:(?:first|second|third|latest|recent|last|bilateral|upcoming|planned|previous|face-to-face|in-person)\s+)*(?:meeting|meetings|talks|summit)\s+with\s+(?:the\s+)?$");
// "the Putin–Xi talks", "the Russia-China summit": names joined by a dash before a noun.
// Names are in Latin script, as English copy writes them.
crate::scanner!(static COMPOUND = r"(?-u:\b)[\p{Lu}&&\p{Latin}][A-Za-zÀ-ÖØ-öø-ɏ'’.]*(?: [\p{Lu}&&\p{Latin}][A-Za-zÀ-ÖØ-öø-ɏ'’.]*)*(?:[-–—][\p{Lu}&&\p{Latin}][A-Za-zÀ-ÖØ-öø-ɏ'’.]*(?: [\p{Lu}&&\p{Latin}][A-Za-zÀ-ÖØ-öø-ɏ'’.]*)*)+\s+(?:(?:bilateral|high-level|leaders['’]?|ministerial)\s+)?(?:talks|meeting|summit|negotiations|consultations)(?-u:\b)");

/// The names of a `COMPOUND` match: all but its last word and the qualifier before it.
fn compound_names(matched: &str) -> &str {
    let rest = matched.trim_end_matches(char::is_alphabetic).trim_end();
    let qualifier = rest.rsplit(char::is_whitespace).next().unwrap_or("");
    let qualifiers = [
        "bilateral",
        "high-level",
        "leaders",
        "leaders'",
        "leaders’",
        "ministerial",
    ];
    if qualifiers.contains(&qualifier) {
        rest.strip_suffix(qualifier).unwrap_or(rest).trim_end()
    } else {
        rest
    }
}

/// A meeting read from the text: who, the span naming it, and the hit after which its
/// place may follow.
struct Found {
    parties: Vec<Party>,
    span: Range<usize>,
    last_hit: Option<usize>,
    /// The verb of "A met B" follows the first party: the tense is read from there.
    verb_after: Option<usize>,
    /// Where the place and date may follow from: the end of the mention, or of the verb
    /// after it ("Putin and Xi met| in Moscow on …").
    tail: usize,
}

/// Meeting mentions in one sentence.
pub fn extract(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit]) -> Vec<EventMention> {
    let prose = cx.prose;
    let groups = groups(cx.kb, prose, hits);
    let mut found: Vec<Found> = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let Some(first) = &g.party else { continue };
        let from = k
            .checked_sub(1)
            .map_or(sentence.start, |p| groups[p].span.end)
            .max(sentence.start);
        let before = crate::text::get(prose, from..g.span.start);
        if let Some(m) = BETWEEN.find(before) {
            // "talks between A, B and C"
            let mut parties = vec![first.clone()];
            let mut end = (g.span.end, g.last);
            for pair in groups[k..].windows(2) {
                let gap = crate::text::get(prose, pair[0].span.end..pair[1].span.start);
                match &pair[1].party {
                    Some(p) if LIST.is_match(gap) => {
                        parties.push(p.clone());
                        end = (pair[1].span.end, pair[1].last);
                    }
                    _ => break,
                }
            }
            if parties.len() >= 2 && !crate::text::is_possessive(prose, &(end.0 - 1..end.0)) {
                found.push(Found {
                    parties,
                    span: from + m.start()..end.0,
                    last_hit: Some(end.1),
                    verb_after: None,
                    tail: end.0,
                });
            }
            continue;
        }
        let Some(next) = groups.get(k + 1) else { continue };
        let Some(second) = &next.party else { continue };
        let gap = crate::text::get(prose, g.span.end..next.span.start);
        let after_second = crate::text::from(prose, next.span.end);
        let possessive = crate::text::is_possessive(prose, &next.span);
        if MET.is_match(gap) && !possessive {
            found.push(Found {
                parties: vec![first.clone(), second.clone()],
                span: g.span.start..next.span.end,
                last_hit: Some(next.last),
                verb_after: Some(g.span.end),
                tail: next.span.end,
            });
        } else if POSSESSIVE.is_match(gap) && !possessive {
            found.push(Found {
                parties: vec![first.clone(), second.clone()],
                span: g.span.start..next.span.end,
                last_hit: Some(next.last),
                verb_after: None,
                tail: next.span.end,
            });
        } else if matches!(gap, " and " | " and the ")
            && let Some(m) = AND_MET.find(after_second)
            && BETWEEN.find(before).is_none()
        {
            found.push(Found {
                parties: vec![first.clone(), second.clone()],
                span: g.span.start..next.span.end,
                last_hit: Some(next.last),
                verb_after: Some(next.span.end),
                tail: next.span.end + m.end(),
            });
        }
    }
    compounds(cx, sentence, hits, &mut found);
    found.into_iter().map(|f| mention(cx, sentence, hits, f)).collect()
}

/// "the Lavrov–Wang Yi talks": each name between the dashes must be a known person or
/// country, whole.
fn compounds(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], found: &mut Vec<Found>) {
    let text = crate::text::get(cx.prose, sentence.clone());
    for all in COMPOUND.find_iter(text) {
        let names = compound_names(all.as_str());
        let lead = if names.starts_with("The ") { 4 } else { 0 };
        let span = sentence.start + all.start() + lead..sentence.start + all.end();
        // A known event's own name ("Putin-Xi talks") is read as such.
        if hits.iter().any(|h| {
            h.span.start < span.end
                && span.start < h.span.end
                && h.surfaces
                    .iter()
                    .any(|s| matches!(s, Surface::Event(_) | Surface::Series(_)))
        }) {
            continue;
        }
        let mut parties = Vec::new();
        for (n, part) in names.split(['-', '–', '—']).enumerate() {
            let part = if n == 0 {
                part.strip_prefix("The ").unwrap_or(part)
            } else {
                part
            };
            let found_hits = cx.kb.surfaces.scan(part);
            let whole = found_hits.len() == 1 && found_hits[0].span == (0..part.len());
            match party_of(cx.kb, &found_hits, true).filter(|_| whole) {
                Some(p) => parties.push(p),
                None => {
                    parties.clear();
                    break;
                }
            }
        }
        if parties.len() >= 2 {
            let last_hit = hits.iter().rposition(|h| h.span.end <= span.end);
            found.push(Found {
                parties,
                span,
                last_hit,
                verb_after: None,
                tail: all.end() + sentence.start,
            });
        }
    }
}

fn mention(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], f: Found) -> EventMention {
    let place = f
        .last_hit
        .and_then(|i| attached_place_after(cx, hits, i + 1, f.tail, sentence));
    // Meetings crowd copy ("met Xi in Beijing, where the forum opened on 17 October"): the
    // date must follow with nothing but the place and prepositions between.
    let date = attached_date(cx.prose, &(f.span.start..f.tail), sentence, cx.dates).filter(|&d| {
        cx.dates.get(d).is_some_and(|d| {
            let gap = |a: usize, b: usize| crate::text::get(cx.prose, a..b.max(a));
            let between = match &place {
                Some((_, p)) if p.start >= f.tail && p.end <= d.span.start => {
                    format!("{} {}", gap(f.tail, p.start), gap(p.end, d.span.start))
                }
                _ => gap(f.tail, d.span.start).to_string(),
            };
            d.span.end <= f.span.start || close(&between)
        })
    });
    let candidates = with_parties(cx.kb, &f.parties);
    let strict = f.parties.iter().any(|p| matches!(p, Party::Country(_)));
    let event = super::event::resolve_meeting(
        cx.kb,
        &candidates,
        place.as_ref().map(|p| &p.0),
        date.and_then(|d| cx.dates.get(d)),
        strict,
    );
    let m = EventMention {
        span: f.span.clone(),
        event,
        event_id: None,
        series: None,
        ordinal: None,
        place,
        date,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: false,
    };
    let mut m = finish(cx, sentence, m);
    if let Some(at) = f.verb_after {
        // "Putin met Xi": the verb is inside the mention; read it as following its subject.
        let before = crate::text::get(cx.prose, sentence.start..f.span.start);
        let after = crate::text::get(cx.prose, at..sentence.end);
        m.tense = tense::around(before, after);
    }
    m
}

/// Only a place and prepositions between a meeting and its date: " in Moscow on ",
/// ", in the Chinese city of Tunxi, on ".
fn close(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "at" | "on" | "from" | "between" | "the" | "of" | "city" | "capital"
            ) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Recorded meetings in which every party named took part.
fn with_parties(kb: &Kb, parties: &[Party]) -> Vec<usize> {
    kb.events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.is_meeting()
                && parties.iter().all(|p| match p {
                    Party::Person(id) => e.participants.iter().any(|p| p == id),
                    Party::Country(c) => e
                        .participants
                        .iter()
                        .any(|x| x == c || kb.person(x).and_then(|p| p.country.as_deref()) == Some(c.as_str())),
                })
        })
        .map(|(i, _)| i)
        .collect()
}
