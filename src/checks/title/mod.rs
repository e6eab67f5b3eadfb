//! Checks of titles against the record of who held which office when. The verdict on a
//! title mention is computed once, here, and each check reports one kind of verdict.

pub mod inconsistent_title;
pub mod wrong_holder;
pub mod wrong_office;

use chrono::NaiveDate;

use super::Context;
use crate::extract::title::{Modifier, TitleMention};
use crate::kb::model::Term;
use crate::kb::{Kb, Within, within};

#[derive(Debug, Clone)]
pub enum Verdict {
    /// The record confirms the title at the date.
    Holds,
    /// The record cannot tell.
    Unknown,
    /// Someone else held the office at the date; the person did not.
    WrongHolder {
        office: usize,
        date: NaiveDate,
        holders: Vec<(usize, usize)>,
    },
    /// The person never held that office and serves another country.
    WrongOffice { office: usize },
}

/// The date a title is judged at: the date the sentence names, else the as-of date.
pub fn relevant_date(cx: &Context<'_>, i: usize) -> (NaiveDate, bool) {
    let sentence = cx.ex.title_sentence.get(i).copied();
    match sentence.and_then(|s| cx.ex.sentence_date(s)).and_then(|d| d.start) {
        Some(d) => (d, true),
        None => (cx.ex.as_of.date, false),
    }
}

pub fn verdict(cx: &Context<'_>, i: usize) -> Verdict {
    let Some(t) = cx.ex.titles.get(i) else {
        return Verdict::Unknown;
    };
    let kb = cx.kb;
    let (date, from_sentence) = relevant_date(cx, i);
    let person_terms: Vec<(usize, &Term)> = kb.terms_of(t.person).filter(|(o, _)| t.offices.contains(o)).collect();
    // A person serving one country given an office of another.
    let home = kb.person_country(t.person);
    for &o in &t.offices {
        let actor = kb.office_actor(o);
        let foreign = home.is_some_and(|h| Some(h) != actor) && actor.is_some_and(|a| kb.country(a).is_some());
        if foreign && person_terms.is_empty() && t.actor.is_some() {
            return Verdict::WrongOffice { office: o };
        }
    }
    match t.modifier {
        Modifier::Current => {}
        Modifier::Then if from_sentence => {}
        _ => return Verdict::Unknown,
    }
    let mut unsure = false;
    for (_, term) in &person_terms {
        match within(term, date) {
            Within::Yes => return Verdict::Holds,
            Within::Unsure => unsure = true,
            Within::No => {}
        }
    }
    if unsure {
        return Verdict::Unknown;
    }
    // Someone else is recorded in the office on that date.
    for &o in &t.offices {
        let Some(office) = kb.offices.get(o) else { continue };
        let holders: Vec<(usize, usize)> = office
            .term
            .iter()
            .enumerate()
            .filter(|(_, term)| within(term, date) == Within::Yes)
            .map(|(ti, _)| (o, ti))
            .collect();
        if !holders.is_empty() && office.term.iter().all(|term| within(term, date) != Within::Unsure) {
            return Verdict::WrongHolder {
                office: o,
                date,
                holders,
            };
        }
    }
    Verdict::Unknown
}

/// "foreign minister of China from 30 December 2022 to 25 July 2023"
pub fn term_text(kb: &Kb, office: usize, term: &Term) -> String {
    use crate::extract::asof::long_date;
    let label = kb.office_label(office);
    let acting = if term.acting { "acting " } else { "" };
    match term.end {
        Some(end) => format!("{acting}{label} from {} to {}", long_date(term.start), long_date(end)),
        None => format!("{acting}{label} since {}", long_date(term.start)),
    }
}

pub fn person_name(kb: &Kb, t: &TitleMention) -> String {
    kb.people.get(t.person).map(|p| p.name.clone()).unwrap_or_default()
}
