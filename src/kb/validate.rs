//! `factlint kb check`: what loading accepts but a reviewer should not. Duplicate ids
//! within a pack, missing sources, overlapping terms of a single-holder office, and names
//! that two entries claim so that a mention could mean either. Every problem points into
//! the TOML.

use std::collections::HashMap;

use super::surface::Surface;
use super::{Entry, Kb, within};
use crate::error::{LoadError, Origin};
use crate::kb::load::LoadedFile;
use crate::kb::model::Precision;

/// Problems in `files` (one pack set, in load order) and in the knowledge base they build.
pub fn check(files: &[LoadedFile], kb: &Kb) -> Vec<LoadError> {
    let mut errors = Vec::new();
    duplicates(files, &mut errors);
    sources(kb, &mut errors);
    overlaps(kb, &mut errors);
    runoffs(kb, &mut errors);
    changed_positions(kb, &mut errors);
    ambiguous(kb, &mut errors);
    keys(kb, &mut errors);
    errors
}

/// A topic's keys: every group has a phrase, no phrase is blank, and every phrase is
/// lowercase (a draft's words are compared lowercased).
fn keys(kb: &Kb, errors: &mut Vec<LoadError>) {
    for t in &kb.topics {
        let blank = t
            .keys
            .iter()
            .any(|g| g.is_empty() || g.iter().any(|p| p.trim().is_empty()));
        if blank {
            errors.push(t.at.error(format!(
                "topic `{}` has a key group or phrase that is empty: every group of `keys` needs at least one phrase",
                t.id.get_ref()
            )));
        }
        if let Some(p) = t.keys.iter().flatten().find(|p| p.to_lowercase() != p.as_str()) {
            errors.push(t.at.error(format!(
                "topic `{}` has a key `{p}` with capitals: write keys in lowercase",
                t.id.get_ref()
            )));
        }
    }
}

fn duplicates(files: &[LoadedFile], errors: &mut Vec<LoadError>) {
    let mut seen: HashMap<(&str, String), Origin> = HashMap::new();
    let mut note =
        |kind: &'static str, id: &crate::kb::spanned::Spanned<crate::kb::stored::Stored>, file: &LoadedFile| {
            let here = file.origin(id.span());
            if id.get_ref().trim().is_empty() {
                errors.push(here.error(format!("{kind} has an empty `id`")));
                return;
            }
            if let Some(first) = seen.get(&(kind, id.get_ref().to_string())) {
                errors.push(here.error(format!("{kind} `{}` is defined twice (first at {first})", id.get_ref())));
            } else {
                seen.insert((kind, id.get_ref().to_string()), here);
            }
        };
    for f in files {
        let p = &f.pack;
        p.country.iter().for_each(|x| note("country", &x.id, f));
        p.organization.iter().for_each(|x| note("organization", &x.id, f));
        p.person.iter().for_each(|x| note("person", &x.id, f));
        p.role.iter().for_each(|x| note("role", &x.id, f));
        p.office.iter().for_each(|x| note("office", &x.id, f));
        p.series.iter().for_each(|x| note("series", &x.id, f));
        p.event.iter().for_each(|x| note("event", &x.id, f));
        p.topic.iter().for_each(|x| note("topic", &x.id, f));
    }
}

fn missing(source: Option<&str>) -> bool {
    source.is_none_or(|s| s.trim().is_empty())
}

fn sources(kb: &Kb, errors: &mut Vec<LoadError>) {
    let mut need = |what: String, source: Option<&str>, at: &Origin| {
        if missing(source) {
            errors.push(at.error(format!("{what} has no `source`")));
        }
    };
    for c in &kb.countries {
        need(format!("country `{}`", c.id.get_ref()), c.source.as_deref(), &c.at);
    }
    for o in &kb.organizations {
        need(format!("organization `{}`", o.id.get_ref()), o.source.as_deref(), &o.at);
    }
    for p in &kb.people {
        need(format!("person `{}`", p.id.get_ref()), p.source.as_deref(), &p.at);
    }
    for o in &kb.offices {
        need(format!("office `{}`", o.id.get_ref()), o.source.as_deref(), &o.at);
        for t in &o.term {
            let at = o.at.within(t.person.span());
            need(
                format!("term of `{}` in `{}`", t.person.get_ref(), o.id.get_ref()),
                t.source.as_deref(),
                &at,
            );
        }
    }
    for e in &kb.events {
        need(format!("event `{}`", e.id.get_ref()), e.source.as_deref(), &e.at);
    }
    for s in &kb.stances {
        need(
            format!("stance of `{}` on `{}`", s.actor.get_ref(), s.topic),
            s.source.as_deref(),
            &s.at,
        );
    }
}

/// An election in two rounds needs both days: the first round's as `start`, the run-off's
/// as `end`.
fn runoffs(kb: &Kb, errors: &mut Vec<LoadError>) {
    for e in kb.events.iter().filter(|e| e.runoff) {
        if !(e.is_election() && e.end.is_some_and(|end| end > e.start)) {
            errors.push(e.at.error(format!(
                "event `{}` has `runoff = true` but is not an election with an `end` after its `start` (the first round's day, then the run-off's)",
                e.id.get_ref()
            )));
        }
    }
}

/// Two stances of one actor on one topic whose periods overlap: a position that changed
/// needs `until` on the earlier one, or a claim would contradict one of them whatever it said.
fn changed_positions(kb: &Kb, errors: &mut Vec<LoadError>) {
    let mut seen: HashMap<(&str, &str), Vec<&Entry<crate::kb::model::Stance>>> = HashMap::new();
    for s in &kb.stances {
        seen.entry((s.actor.get_ref(), s.topic.as_str())).or_default().push(s);
    }
    let mut pairs: Vec<_> = seen.into_values().filter(|v| v.len() > 1).collect();
    pairs.sort_by_key(|v| (v[0].at.path.to_string(), v[0].at.line()));
    for group in pairs {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let starts_before_end =
                    |x: &crate::kb::model::Stance, y: &crate::kb::model::Stance| match (x.since, y.until) {
                        (Some(s), Some(u)) => s <= u,
                        _ => true,
                    };
                if starts_before_end(a, b) && starts_before_end(b, a) {
                    errors.push(b.at.error(format!(
                        "stance of `{}` on `{}` overlaps the one at {}: give the earlier one `until`",
                        b.actor.get_ref(),
                        b.topic,
                        a.at
                    )));
                }
            }
        }
    }
}

/// Terms of one office that overlap by more than a hand-over day. Acting holders may
/// overlap a suspended holder; terms known only to the month or year are compared at
/// that precision.
fn overlaps(kb: &Kb, errors: &mut Vec<LoadError>) {
    for o in &kb.offices {
        let mut terms: Vec<_> = o.term.iter().collect();
        terms.sort_by_key(|t| t.start);
        for pair in terms.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.acting || b.acting {
                continue;
            }
            let Some(a_end) = a.end else {
                let at = o.at.within(a.person.span());
                errors.push(at.error(format!(
                    "`{}` is in office `{}` with no end, but `{}` starts on {}",
                    a.person.get_ref(),
                    o.id.get_ref(),
                    b.person.get_ref(),
                    b.start
                )));
                continue;
            };
            let coarse = a.end_precision != Precision::Day || b.start_precision != Precision::Day;
            if b.start < a_end && !coarse && within(a, b.start.succ_opt().unwrap_or(b.start)) == super::Within::Yes {
                let at = o.at.within(b.person.span());
                errors.push(at.error(format!(
                    "term of `{}` starts on {} but `{}` held `{}` until {a_end}",
                    b.person.get_ref(),
                    b.start,
                    a.person.get_ref(),
                    o.id.get_ref()
                )));
            }
        }
    }
}

/// A name two entities claim: a mention of it could mean either.
fn ambiguous(kb: &Kb, errors: &mut Vec<LoadError>) {
    for (phrase, meanings) in kb.surfaces.entries() {
        let mut entities: Vec<(String, Origin)> = Vec::new();
        for s in meanings {
            let entity = match *s {
                Surface::Country { country, .. } => kb
                    .countries
                    .get(country)
                    .map(|c| (format!("country `{}`", c.id.get_ref()), c.at.clone())),
                Surface::Org(i) => kb
                    .organizations
                    .get(i)
                    .map(|c| (format!("organization `{}`", c.id.get_ref()), c.at.clone())),
                Surface::Person { person, .. } => kb
                    .people
                    .get(person)
                    .map(|c| (format!("person `{}`", c.id.get_ref()), c.at.clone())),
                Surface::Topic(i) => kb
                    .topics
                    .get(i)
                    .map(|c| (format!("topic `{}`", c.id.get_ref()), c.at.clone())),
                Surface::Series(i) => kb
                    .series
                    .get(i)
                    .map(|c| (format!("series `{}`", c.id.get_ref()), c.at.clone())),
                _ => None,
            };
            if let Some(e) = entity
                && !entities.iter().any(|(n, _)| *n == e.0)
            {
                entities.push(e);
            }
        }
        if entities.len() > 1 {
            let names: Vec<&str> = entities.iter().map(|(n, _)| n.as_str()).collect();
            errors.push(entities[1].1.error(format!(
                "`{phrase}` names both {}: a mention would be ambiguous",
                names.join(" and ")
            )));
        }
    }
}

/// What a reviewer should look at but the knowledge base can live with: printed by
/// `factlint kb check` as warnings, which do not fail it.
pub fn warnings(kb: &Kb) -> Vec<LoadError> {
    let mut out = Vec::new();
    gaps(kb, &mut out);
    out
}

/// A term that ends with no one recorded in the office after it (nor the same person
/// again) within about a month: the office may have been left vacant or abolished, but
/// more often a successor or the person's next term is missing, and `title/wrong-holder`
/// would then say the person's term had ended.
fn gaps(kb: &Kb, out: &mut Vec<LoadError>) {
    for o in &kb.offices {
        for a in &o.term {
            let Some(end) = a.end else { continue };
            let slack = |p: Precision| match p {
                Precision::Day => 31,
                Precision::Month => 62,
                Precision::Year => 366,
            };
            let filled = o.term.iter().any(|b| {
                let days = slack(a.end_precision).max(slack(b.start_precision));
                !std::ptr::eq(a, b) && b.start <= end + chrono::Days::new(days) && b.end.is_none_or(|x| x > end)
            });
            if filled {
                continue;
            }
            let next_own = o
                .term
                .iter()
                .filter(|b| b.person.get_ref() == a.person.get_ref() && b.start > end)
                .map(|b| b.start)
                .min();
            let until = next_own.map_or_else(String::new, |s| format!(" until their next term on {s}"));
            let at = o.at.within(a.person.span());
            out.push(at.error(format!(
                "the term of `{}` in `{}` ends on {end}, and no holder is recorded after it{until}: a successor or a later term may be missing",
                a.person.get_ref(),
                o.id.get_ref()
            )));
        }
    }
}

/// Offices whose record may have fallen behind `date`: the last change recorded (a term
/// starting or ending, or a holder confirmed in office) is more than a year before it, and
/// no term is known to run past it. `factlint kb check --stale DATE` prints them.
pub fn stale(kb: &Kb, date: chrono::NaiveDate) -> Vec<LoadError> {
    let year_before = date.checked_sub_months(chrono::Months::new(12)).unwrap_or(date);
    let mut out = Vec::new();
    for o in &kb.offices {
        if o.term.is_empty() || o.term.iter().any(|t| t.end.is_some_and(|e| e > date)) {
            continue;
        }
        let changes = o.term.iter().flat_map(|t| {
            let who = t.person.get_ref().as_str();
            [
                Some((t.start, format!("`{who}` took office"))),
                t.end
                    .filter(|e| *e <= date)
                    .map(|e| (e, format!("`{who}` left office"))),
                t.confirmed.map(|c| (c, format!("`{who}` was confirmed in office"))),
            ]
            .into_iter()
            .flatten()
        });
        let Some((last, what)) = changes.max_by_key(|(d, _)| *d) else {
            continue;
        };
        if last < year_before {
            out.push(o.at.error(format!(
                "office `{}` last changed on {last} ({what}), more than a year before {date}, and no source confirms its holder since: check for a change, or record the day a source shows the holder still in office with `confirmed`",
                o.id.get_ref()
            )));
        }
    }
    out
}
