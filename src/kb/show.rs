//! `factlint kb stats` and `factlint kb show NAME`: what the knowledge base holds, as text
//! for people.

use std::fmt::Write;

use super::Kb;
use super::stored::Stored;
use crate::calendar::long_date;

pub fn stats(kb: &Kb) -> String {
    let terms: usize = kb.offices.iter().map(|o| o.term.len()).sum();
    let visits = kb.events.iter().filter(|e| e.kind.as_deref() == Some("visit")).count();
    let meetings = kb.events.iter().filter(|e| e.is_meeting()).count();
    let mut out = String::new();
    let rows = [
        ("countries", kb.countries.len()),
        ("organizations", kb.organizations.len()),
        ("memberships", kb.memberships.len()),
        ("people", kb.people.len()),
        ("roles", kb.roles.len()),
        ("offices", kb.offices.len()),
        ("terms of office", terms),
        ("event series", kb.series.len()),
        ("events", kb.events.len() - visits - meetings),
        ("visits", visits),
        ("meetings", meetings),
        ("topics", kb.topics.len()),
        ("stances", kb.stances.len()),
        ("names and phrases matched", kb.surfaces.len()),
    ];
    for (what, n) in rows {
        let _ = writeln!(out, "{n:>7}  {what}");
    }
    out
}

fn matches(query: &str, id: &str, names: &[&Stored]) -> bool {
    let q = query.trim().to_lowercase();
    id.to_lowercase() == q || names.iter().any(|n| n.to_lowercase() == q)
}

/// Everything known about entries whose id or any name is `query` (case-insensitive).
pub fn show(kb: &Kb, query: &str) -> Option<String> {
    let mut out = String::new();
    let span = |start: chrono::NaiveDate, end: Option<chrono::NaiveDate>| match end {
        Some(e) => format!("{} – {}", long_date(start), long_date(e)),
        None => format!("since {}", long_date(start)),
    };
    let record = |at: &crate::error::Origin, source: &Option<crate::kb::stored::Stored>| {
        format!("  record: {at} (source: {})", source.as_deref().unwrap_or("none"))
    };
    for (pi, p) in kb.people.iter().enumerate() {
        let names: Vec<&Stored> = std::iter::once(&p.name).chain(&p.aliases).chain(&p.variants).collect();
        if !matches(query, p.id.get_ref(), &names) {
            continue;
        }
        let _ = writeln!(out, "person {} ({})", p.name, p.id.get_ref());
        if !p.aliases.is_empty() {
            let _ = writeln!(out, "  also: {}", p.aliases.join(", "));
        }
        if !p.variants.is_empty() {
            let _ = writeln!(out, "  other spellings: {}", p.variants.join(", "));
        }
        if let Some(c) = &p.country {
            let _ = writeln!(out, "  serves: {}", kb.actor_name(c));
        }
        let _ = writeln!(out, "{}", record(&p.at, &p.source));
        for (o, t) in kb.terms_of(pi) {
            let acting = if t.acting { "acting " } else { "" };
            let _ = writeln!(out, "  {acting}{}: {}", kb.office_label(o), span(t.start, t.end));
            let _ = writeln!(out, "    source: {}", t.source.as_deref().unwrap_or("none"));
        }
        out.push('\n');
    }
    for (oi, o) in kb.offices.iter().enumerate() {
        let names: Vec<&Stored> = o.titles.iter().collect();
        if !(o.id.get_ref().eq_ignore_ascii_case(query.trim()) || matches(query, "", &names) && names.len() == 1) {
            continue;
        }
        let _ = writeln!(out, "office {} ({})", kb.office_label(oi), o.id.get_ref());
        let _ = writeln!(out, "{}", record(&o.at, &o.source));
        for t in &o.term {
            let who = kb
                .person(t.person.get_ref())
                .map_or(t.person.get_ref().as_str(), |p| p.name.as_str());
            let acting = if t.acting { " (acting)" } else { "" };
            let _ = writeln!(out, "  {who}{acting}: {}", span(t.start, t.end));
        }
        out.push('\n');
    }
    for e in &kb.events {
        let names: Vec<&Stored> = std::iter::once(&e.name).chain(&e.aliases).collect();
        if !matches(query, e.id.get_ref(), &names) {
            continue;
        }
        let _ = writeln!(out, "event {} ({})", e.name, e.id.get_ref());
        let _ = writeln!(out, "  {}", span(e.start, e.end.or(Some(e.start))));
        if let Some(p) = &e.place {
            let _ = writeln!(
                out,
                "  in {p}{}",
                e.country
                    .as_deref()
                    .map(|c| format!(", {}", kb.actor_name(c)))
                    .unwrap_or_default()
            );
        }
        if let Some(n) = e.ordinal {
            let _ = writeln!(out, "  number {n} of its series");
        }
        let _ = writeln!(out, "{}\n", record(&e.at, &e.source));
    }
    for c in &kb.countries {
        let names: Vec<&Stored> = std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.demonyms)
            .chain(&c.metonyms)
            .collect();
        if !matches(query, c.id.get_ref(), &names) {
            continue;
        }
        let _ = writeln!(out, "country {} ({})", c.name, c.id.get_ref());
        let _ = writeln!(
            out,
            "  names: {}",
            std::iter::once(&c.name)
                .chain(&c.aliases)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(out, "  demonyms: {}", c.demonyms.join(", "));
        let _ = writeln!(out, "  stands for it: {}", c.metonyms.join(", "));
        for m in kb.memberships.iter().filter(|m| &m.country == c.id.get_ref()) {
            let _ = writeln!(
                out,
                "  member of {} {} ({})",
                kb.actor_name(m.organization.get_ref()),
                period(m),
                m.at
            );
        }
        for s in kb.stances.iter().filter(|s| s.actor.get_ref() == c.id.get_ref()) {
            let _ = writeln!(
                out,
                "  {}s {} (since {}; {})",
                s.position.verb(),
                s.topic,
                s.since.map(long_date).unwrap_or_default(),
                s.at
            );
        }
        out.push('\n');
    }
    for o in &kb.organizations {
        let names: Vec<&Stored> = std::iter::once(&o.name).chain(&o.aliases).collect();
        if !matches(query, o.id.get_ref(), &names) {
            continue;
        }
        let _ = writeln!(out, "organization {} ({})", o.name, o.id.get_ref());
        if !o.aliases.is_empty() {
            let _ = writeln!(out, "  also: {}", o.aliases.join(", "));
        }
        let _ = writeln!(out, "{}", record(&o.at, &o.source));
        let members: Vec<String> = kb
            .memberships
            .iter()
            .filter(|m| m.organization.get_ref() == o.id.get_ref())
            .map(|m| format!("{} {}", m.country, period(m)))
            .collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  members ({}): {}", members.len(), members.join(", "));
        }
        for s in kb.stances.iter().filter(|s| s.actor.get_ref() == o.id.get_ref()) {
            let _ = writeln!(
                out,
                "  {}s {} (since {}; {})",
                s.position.verb(),
                s.topic,
                s.since.map(long_date).unwrap_or_default(),
                s.at
            );
        }
        if let Some(series) = kb.org_series(o.id.get_ref()).and_then(|i| kb.series.get(i)) {
            let meetings: Vec<_> = kb
                .events
                .iter()
                .filter(|e| e.series.as_deref() == Some(series.id.get_ref().as_str()))
                .collect();
            let _ = writeln!(out, "  meetings ({}, {}):", series.id.get_ref(), meetings.len());
            for e in meetings {
                let _ = writeln!(
                    out,
                    "    {}: {}{}",
                    e.name,
                    span(e.start, e.end.or(Some(e.start))),
                    e.place.as_ref().map(|p| format!(", {p}")).unwrap_or_default()
                );
            }
        }
        out.push('\n');
    }
    for t in &kb.topics {
        let names: Vec<&Stored> = t.names.iter().collect();
        if !matches(query, t.id.get_ref(), &names) {
            continue;
        }
        let _ = writeln!(
            out,
            "topic {} ({})",
            t.names.first().map_or("", Stored::as_str),
            t.id.get_ref()
        );
        for s in kb.stances.iter().filter(|s| &s.topic == t.id.get_ref()) {
            let _ = writeln!(
                out,
                "  {} {}s it (since {})",
                kb.actor_name(s.actor.get_ref()),
                s.position.verb(),
                s.since.map(long_date).unwrap_or_default()
            );
            let _ = writeln!(out, "    source: {}", s.source.as_deref().unwrap_or("none"));
        }
        out.push('\n');
    }
    (!out.is_empty()).then_some(out)
}

/// "(since 4 April 2023)", "(1 January 1973 to 31 January 2020)"
fn period(m: &crate::kb::model::Membership) -> String {
    match m.until {
        Some(u) => format!("({} to {})", m.since_precision.render(m.since), long_date(u)),
        None => format!("(since {})", m.since_precision.render(m.since)),
    }
}
