//! Visits (`Xi's state visit to Russia`) and bilateral meetings named by who took part.

use super::*;

/// "<visitor>'s state visit to <country>": the visitor is a person named with a
/// possessive, or a descriptor ("the Chinese leader's") resolved to the office holder.
pub(super) fn visit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize) -> Option<EventMention> {
    let host_hit = &hits[i];
    let host = place_of(cx.kb, host_hit)?;
    let prev_end = if i > 0 { hits[i - 1].span.end } else { sentence.start };
    let before = crate::text::get(cx.prose, prev_end.max(sentence.start)..host_hit.span.start);
    let visit_at = VISIT_TO.find(before)?;
    let visit_start = prev_end.max(sentence.start) + visit_at.start();
    let date = attached_date(cx.prose, &host_hit.span, sentence, cx.dates);
    let when = date
        .and_then(|d| cx.dates.get(d))
        .and_then(|d| d.start)
        .unwrap_or(cx.as_of);
    // The visitor: the hit before "visit".
    let v = hits.get(i.checked_sub(1)?)?;
    if v.span.end > visit_start {
        return None;
    }
    let between = crate::text::get(cx.prose, v.span.end..visit_start);
    let mut span_start = v.span.start;
    let visitor = if POSSESSIVE_VISIT.is_match(between) {
        v.surfaces.iter().find_map(|s| match s {
            Surface::Person { person, .. } => Some(*person),
            _ => None,
        })
    } else if let Some(c) = VISITOR_DESCRIPTOR.captures(between) {
        let country = v.surfaces.iter().find_map(|s| match *s {
            Surface::Country {
                country,
                form: CountryForm::Demonym,
            } => cx.kb.countries.get(country),
            _ => None,
        })?;
        let role = match c.name("role").map(|r| r.as_str().to_ascii_lowercase()) {
            Some(r) if r == "premier" || r == "prime minister" || r == "chancellor" => "head-of-government",
            _ => "head-of-state",
        };
        // "the Chinese leader's"
        let lead = crate::text::get(cx.prose, sentence.start..v.span.start);
        if lead.ends_with("the ") || lead.ends_with("The ") {
            span_start = v.span.start - 4;
        }
        holder(cx.kb, country.id.get_ref(), role, when)
    } else if VISIT_VERB.is_match(between) {
        // "Putin will pay a state visit to China": the visitor is the subject. The
        // mention is then the visit itself, from "visit".
        span_start = visit_start;
        hits[..i].iter().rev().find_map(|h| {
            (h.span.start >= sentence.start
                && crate::text::get(cx.prose, h.span.end..visit_start).len() <= between.len())
            .then(|| {
                h.surfaces.iter().find_map(|s| match s {
                    Surface::Person { person, .. } => Some(*person),
                    _ => None,
                })
            })
            .flatten()
        })
    } else {
        None
    };
    // Failing that, anyone named earlier in the sentence whom the record shows visiting
    // that country around that date ("Putin returned … after a state visit to China").
    let visitor = visitor.or_else(|| {
        hits[..i]
            .iter()
            .rev()
            .filter(|h| h.span.start >= sentence.start)
            .find_map(|h| {
                let p = h.surfaces.iter().find_map(|s| match s {
                    Surface::Person { person, .. } => Some(*person),
                    _ => None,
                })?;
                let id = cx.kb.people.get(p)?.id.get_ref();
                cx.kb
                    .events
                    .iter()
                    .enumerate()
                    .any(|(e, x)| {
                        x.visitor.as_deref() == Some(id.as_str())
                            && place_matches(cx.kb, e, &host)
                            && (x.start - when).num_days().abs() <= 31
                    })
                    .then(|| {
                        span_start = visit_start;
                        p
                    })
            })
    })?;
    let visitor_id = cx.kb.people.get(visitor)?.id.get_ref().to_string();
    let candidates = cx.kb.events.iter().enumerate().filter(|(e, x)| {
        x.kind.as_deref() == Some("visit")
            && x.visitor.as_deref() == Some(visitor_id.as_str())
            && place_matches(cx.kb, *e, &host)
    });
    // The visit nearest the date the text gives (or the as-of date), within a month.
    let event = candidates
        .map(|(e, x)| {
            let end = x.end.unwrap_or(x.start);
            let gap = if when < x.start {
                (x.start - when).num_days()
            } else if when > end {
                (when - end).num_days()
            } else {
                0
            };
            (e, gap)
        })
        .filter(|(_, gap)| *gap <= 31)
        .min_by_key(|(_, gap)| *gap)
        .map(|(e, _)| e);
    let m = EventMention {
        span: span_start..host_hit.span.end,
        event,
        event_id: None,
        series: None,
        ordinal: None,
        place: Some((host, host_hit.span.clone())),
        date,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: false,
    };
    Some(finish(cx, sentence, m))
}

/// The person who held `role` for `country` on `date`, when exactly one did.
pub fn holder(kb: &Kb, country: &str, role: &str, date: NaiveDate) -> Option<usize> {
    let mut found = None;
    for o in kb.offices_of(country, role) {
        for t in &kb.offices.get(o)?.term {
            if crate::kb::within(t, date) == Within::Yes {
                let p = kb.person_index(t.person.get_ref())?;
                if found.is_some_and(|f| f != p) {
                    return None;
                }
                found = Some(p);
            }
        }
    }
    found
}

/// Which of the recorded meetings `candidates` (all with the same participants named) the
/// text means, if any. A place that fits a meeting held in the year of the date given
/// picks it, the nearest one by date when several do; else a day (or days) falling within
/// one picks it. Without a date given, or when the place and the date point at different
/// meetings, none: the same people meet often, and the record holds only some meetings.
/// `strict` (a country named, not a person: talks at any level) needs the day, and the
/// place when one is given.
pub fn resolve_meeting(
    kb: &Kb,
    candidates: &[usize],
    place: Option<&Place>,
    date: Option<&DateMention>,
    strict: bool,
) -> Option<usize> {
    let d = date?;
    let (start, end) = (d.start?, d.end?);
    let event = |i: usize| kb.events.get(i);
    let fits: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| event(i).is_some_and(|e| d.is_day() && start <= e.end.unwrap_or(e.start) && end >= e.start))
        .collect();
    let best = |set: &[usize]| {
        set.iter()
            .copied()
            .filter_map(|i| {
                let e = event(i)?;
                Some((i, distance(e, start).min(distance(e, end)), e.participants.len()))
            })
            .min_by_key(|&(_, days, n)| (days, n))
            .map(|(i, _, _)| i)
    };
    if let Some(place) = place {
        let placed: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                place_matches(kb, i, place)
                    && event(i).is_some_and(|e| {
                        e.start.year() <= end.year() && e.end.unwrap_or(e.start).year() >= start.year()
                    })
            })
            .collect();
        let placed_fits: Vec<usize> = placed.iter().copied().filter(|i| fits.contains(i)).collect();
        if !placed_fits.is_empty() {
            return best(&placed_fits);
        }
        if !placed.is_empty() || strict {
            // The date fits a meeting elsewhere: which of the two is wrong is not known. Talks
            // between two countries may be held at any level, anywhere: only the meeting at
            // that place on that day is theirs.
            return (fits.is_empty() && !strict).then(|| best(&placed)).flatten();
        }
    }
    best(&fits)
}
