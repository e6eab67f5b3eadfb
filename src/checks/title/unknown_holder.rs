//! Part of `title/wrong-holder`: a country's title before a full name the record does not
//! know ("German Foreign Minister Karl Lauterbach"), when the record holds who had that
//! office at the draft's date.

use crate::calendar::long_date;
use crate::checks::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::kb::{Within, within};

use super::with_term_note;

/// How many sentences before the title a date other than the dateline may move the story's
/// time away from the draft's date, so that the title is not judged.
const SCENE_REACH: usize = 2;

/// Days either side of the draft's date that a date may name and still be the story's own
/// time ("on Tuesday" in a story of Wednesday).
const STORY_DAYS: i64 = 7;

/// Flag each title before an unknown name whose office the record has someone else in at
/// the draft's date, in a sentence told at that date.
pub(super) fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    if cx.ex.as_of.guessed_year {
        return;
    }
    let date = cx.ex.as_of.date;
    let kb = cx.kb;
    for (u, si) in &cx.ex.unknown_holders {
        if !at_the_drafts_date(cx, *si) {
            continue;
        }
        let o = u.office;
        let Some(office) = kb.offices.get(o) else { continue };
        // Exactly one holder that day, every term sure of it, and an open term confirmed
        // after the date (else a newer holder may be missing).
        if office.term.iter().any(|t| within(t, date) == Within::Unsure) {
            continue;
        }
        let mut holding = office.term.iter().filter(|t| within(t, date) == Within::Yes);
        let (Some(term), None) = (holding.next(), holding.next()) else {
            continue;
        };
        if term.end.is_none() && term.confirmed.is_none_or(|c| c < date) {
            continue;
        }
        let Some(holder) = kb.person(term.person.get_ref()) else {
            continue;
        };
        let name = crate::text::get(&cx.doc.prose, u.name_span.clone());
        if shares_a_name(name, holder) {
            continue; // a spelling of the holder's name: the name checks' to judge
        }
        let label = kb.office_label(o);
        let mut diag = Diagnostic::new(
            super::wrong_holder::RULE.id,
            severity,
            u.span.clone(),
            format!(
                "the record has {} as {label} on {}, not {name}",
                holder.name,
                long_date(date)
            ),
        )
        .label(format!("{} held the office on {}", holder.name, long_date(date)));
        diag = with_term_note(diag, kb, o, term, &holder.name);
        diag = diag.note(format!("the record does not know {name}"));
        out.push(diag.note(cx.as_of_note()));
    }
}

/// Whether the sentence is told at the draft's date: no date in it, nor one opening the few
/// sentences before, but the dateline and days of the story's week, and no known event
/// named in it.
fn at_the_drafts_date(cx: &Context<'_>, si: usize) -> bool {
    let Some(sentence) = cx.ex.sentences.get(si) else {
        return false;
    };
    let from = cx
        .ex
        .sentences
        .get(si.saturating_sub(SCENE_REACH))
        .map_or(0, |s| s.start);
    let dated = cx
        .ex
        .dates_starting_in(from..sentence.end)
        .iter()
        .any(|d| {
            d.span.start >= from
                && d.span.start < sentence.end
                // Before the sentence, only a date that opens its own sets a scene ("In
                // 2015, …"); "who was first elected in May 2017" does not.
                && (d.span.start >= sentence.start || crate::extract::sentence::opens_sentence(&cx.doc.prose, d.span.start))
                && cx.ex.as_of.span.as_ref() != Some(&d.span)
                && !d.start.zip(d.end).is_some_and(|(a, b)| {
                    (a - cx.ex.as_of.date).num_days().abs() <= STORY_DAYS && (b - cx.ex.as_of.date).num_days().abs() <= STORY_DAYS
                })
        });
    let event = cx
        .ex
        .events_starting_in(sentence.clone())
        .iter()
        .any(|m| m.span.start >= sentence.start && m.span.start < sentence.end);
    !dated && !event
}

/// Whether a word of the name (three letters or more) is a word of the holder's name, an
/// alias or a variant: "Volodymir Zelensky" is a spelling of the holder's.
fn shares_a_name(name: &str, holder: &crate::kb::model::Person) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split([' ', '-'])
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let theirs: Vec<String> = std::iter::once(holder.name.as_ref())
        .chain(holder.aliases.iter().map(AsRef::as_ref))
        .chain(holder.variants.iter().map(AsRef::as_ref))
        .flat_map(|s: &str| words(s))
        .collect();
    words(name).iter().any(|w| theirs.contains(w))
}
