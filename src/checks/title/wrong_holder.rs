//! The check `title/wrong-holder`; its `RULE.doc` below is its documentation.

use crate::calendar::long_date;
use crate::checks::{Context, Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};

use super::{Verdict, person_name, term_text, verdict, with_term_note};

pub const RULE: Rule = Rule {
    id: "title/wrong-holder",
    severity: Severity::Error,
    summary: "an office given to someone who did not hold it at the date",
    doc: "Flags a title paired with a person (`Foreign Minister of China Qin Gang`) when the record shows
someone else in that office at the relevant date: the date the sentence names, or else the draft's
as-of date.

## Why it matters
Offices change hands; copy written from memory or reused from an older story keeps the old name.

## Example
```text
BEIJING, 1 August 2023 (Xinhua) -- Foreign Minister of China Qin Gang met …
```
Wang Yi held the office again from 25 July 2023. `former`, `ex-` and `late` are read as the past and
not judged at the date, except that `former` or `ex-` before someone the record has in that office
at the draft's date, in their first term in it, for more than a week before and after the date,
is flagged (`Former President Salome
Zourabichvili` while she was president); `then-` is judged at the date the sentence names; `outgoing` holds when a
term of the person's in the office ends within 60 days of the date (`outgoing President Mauricio
Macri` at a handover in 2023 does not); `new`, `incoming`, `-designate` and `-elect` hold when a
term of the person's in the office covers the date, follows it or began within a year before it,
and are judged only where the record runs more than a year past the date (`the new foreign
secretary, Priti Patel` in July 2019); `acting` and `interim` are left alone, as are `deputy` and
`vice` offices. When the record has no holder for the date, nothing is said, unless every term it
holds for the person in that office ended, on a day it knows, before the date: then it says when
the last one ended (`David Lammy's term as foreign secretary ended on 5 September 2025`) without
naming a successor; or began, on a day it knows, more than a month after it (`Joseph Aoun took
office as president of Lebanon only on 9 January 2025`, of `President Joseph Aoun` in March 2024,
when the post stood empty). A sentence that names the time someone else held office (`During
Barack Obama's presidency, … Prime Minister Shinzo Abe`) is judged over that time, and one that
sets the title in the person's own time in office (`President Donald Trump allowed the project
after taking office`) over their last term begun by the draft's date. `factlint kb
check` warns of a term after which no holder is recorded, so that a missing later term is found
there rather than here.

A country's title before a full name the record does not know (`German Foreign Minister Karl
Lauterbach`) is flagged when the record has one sure holder of that office at the draft's date
(an open term only if confirmed after it), no word of the name is a word of the holder's, and
nothing in the sentence or opening the two before moves the time away from the draft's week.",
    kind: Kind::Check(run),
};

/// Days a holder must have held an office before and after the date for `former` to be
/// wrong: a handover around the date leaves the word to the writer.
const FORMER_MARGIN_DAYS: u64 = 7;

/// How many sentences back a date before the term may set the time `former` speaks of.
const FORMER_REACH: usize = 2;

/// "Former President Salome Zourabichvili", a month before her term ended: `former` (or
/// `ex-`) before someone the record has in the office at the draft's date, well inside a
/// term that is known to go on (an end on record, or an open term confirmed after it), and
/// their first in that office.
fn former_in_office(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    use crate::extract::title::Modifier;
    if cx.ex.as_of.guessed_year {
        return;
    }
    let margin = chrono::Days::new(FORMER_MARGIN_DAYS);
    for t in &cx.ex.titles {
        if t.modifier != Modifier::Former {
            continue;
        }
        let before = crate::text::upto(&cx.doc.prose, t.span.start.min(t.title_span.start)).trim_end();
        if !(crate::text::ends_with_ignore_case(before, "former")
            || crate::text::ends_with_ignore_case(before, "ex-")
            || crate::text::get(&cx.doc.prose, t.span.clone())
                .to_ascii_lowercase()
                .starts_with("former "))
        {
            continue;
        }
        // "former" is the writer's now, whatever time the sentence tells of ("former Prime
        // Minister Malcolm Turnbull, in 2016").
        let date = cx.ex.as_of.date;
        let kb = cx.kb;
        let held = kb.terms_of(t.person).find(|(o, term)| {
            t.offices.contains(o)
                && term.start + margin <= date
                && match term.end {
                    Some(end) => end > date + margin,
                    None => term.confirmed.is_some_and(|c| c >= date + margin),
                }
        });
        let Some((office, term)) = held else { continue };
        // An earlier term makes "former" true of the time the story may be telling ("was
        // followed by former Polish Prime Minister Donald Tusk", of 2014).
        if kb
            .terms_of(t.person)
            .any(|(o, earlier)| o == office && earlier.end.is_some_and(|e| e < term.start))
        {
            continue;
        }
        // So does a time before the term that the story names near the title (the record
        // may not hold a term before 2015).
        let told_before = cx.ex.sentence_at(t.span.start).is_some_and(|si| {
            let from = cx
                .ex
                .sentences
                .get(si.saturating_sub(FORMER_REACH))
                .map_or(0, |s| s.start);
            let to = cx.ex.sentences.get(si).map_or(0, |s| s.end);
            cx.ex
                .dates_starting_in(from..to)
                .iter()
                .any(|d| d.year_written && d.start.is_some_and(|s| s < term.start))
        });
        if told_before {
            continue;
        }
        let name = person_name(kb, t);
        let label = kb.office_label(office);
        out.push(
            Diagnostic::new(
                RULE.id,
                severity,
                t.span.clone(),
                format!(
                    "{name} is called former {label}, but held the office on {}",
                    long_date(date)
                ),
            )
            .label(format!("{name} was {label} on {}", long_date(date)))
            .note(format!("{name} was {}", term_text(kb, office, term)))
            .note(cx.as_of_note()),
        );
    }
}

fn run(cx: &Context<'_>, severity: Severity, out: &mut Vec<Diagnostic>) {
    former_in_office(cx, severity, out);
    super::unknown_holder::run(cx, severity, out);
    for (i, t) in cx.ex.titles.iter().enumerate() {
        let (office, date, holders) = match verdict(cx, i) {
            Verdict::WrongHolder { office, date, holders } => (office, date, holders),
            Verdict::TermEnded { office, date, end } => {
                out.push(not_in_office(cx, severity, i, office, date, Bound::Ended(end)));
                continue;
            }
            Verdict::NotYet { office, date, start } => {
                out.push(not_in_office(cx, severity, i, office, date, Bound::Began(start)));
                continue;
            }
            _ => continue,
        };
        let kb = cx.kb;
        let name = person_name(kb, t);
        let label = kb.office_label(office);
        let mut diag = Diagnostic::new(
            RULE.id,
            severity,
            t.span.clone(),
            format!("{name} was not {label} on {}", long_date(date)),
        );
        let mut others = Vec::new();
        for &(o, ti) in &holders {
            let Some(term) = kb.offices.get(o).and_then(|x| x.term.get(ti)) else {
                continue;
            };
            let holder = kb
                .person(term.person.get_ref())
                .map(|p| p.name.clone())
                .unwrap_or_default();
            others.push(holder.clone());
            diag = with_term_note(diag, kb, o, term, &holder);
        }
        diag = diag.label(format!(
            "{} held the office on {}",
            others.join(" and "),
            long_date(date)
        ));
        for (o, term) in kb.terms_of(t.person).filter(|(o, _)| *o == office) {
            diag = diag.note(format!("{name} was {}", term_text(kb, o, term)));
        }
        let (_, from_sentence) = super::relevant_date(cx, i);
        if !from_sentence || date == cx.ex.as_of.date {
            diag = diag.note(cx.as_of_note());
        }
        out.push(diag);
    }
}

/// Where a person's time in an office lies from the date the title is judged at.
enum Bound {
    /// Their last term ended on that day.
    Ended(chrono::NaiveDate),
    /// Their first term began on that day.
    Began(chrono::NaiveDate),
}

/// "David Lammy's term as foreign minister of the United Kingdom ended on 5 September
/// 2025", "Ahmed al-Sharaa took office as president of Syria on 29 January 2025": the record
/// holds no one else in the office at the date, but it does hold when the person's time in
/// it ended or began.
fn not_in_office(
    cx: &Context<'_>,
    severity: Severity,
    i: usize,
    office: usize,
    date: chrono::NaiveDate,
    bound: Bound,
) -> Diagnostic {
    let kb = cx.kb;
    let t = &cx.ex.titles[i];
    let name = person_name(kb, t);
    let label = kb.office_label(office);
    let message = match bound {
        Bound::Ended(end) => format!("{name}'s term as {label} ended on {}", long_date(end)),
        Bound::Began(start) => format!("{name} took office as {label} only on {}", long_date(start)),
    };
    let mut diag = Diagnostic::new(RULE.id, severity, t.span.clone(), message)
        .label(format!("not in office on {}", long_date(date)));
    let person = kb
        .people
        .get(t.person)
        .map(|p| p.id.get_ref().as_str())
        .unwrap_or_default();
    if let Some(o) = kb.offices.get(office) {
        for term in o.term.iter().filter(|x| x.person.get_ref() == person) {
            diag = with_term_note(diag, kb, office, term, &name);
        }
    }
    diag = diag.note(match bound {
        Bound::Ended(_) => {
            format!("the record holds no later term of {name} in this office and does not say who holds it now")
        }
        Bound::Began(_) => format!(
            "the record holds no earlier term of {name} in this office and no holder on {}",
            long_date(date)
        ),
    });
    let (_, from_sentence) = super::relevant_date(cx, i);
    if !from_sentence || date == cx.ex.as_of.date {
        diag = diag.note(cx.as_of_note());
    }
    diag
}
