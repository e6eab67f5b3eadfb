//! Statements that someone took up or left an office on a date: "Shehbaz Sharif was sworn
//! in as prime minister on 11 April 2022", "Liz Truss resigned as prime minister on 20
//! October". The phrases are data (`term_starts`, `term_ends` in the grammar lexicon); the
//! person is the last one named before the phrase in its sentence, the office the title
//! right after it, and the date the nearest one in the same clause.

use std::ops::Range;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use super::date::DateMention;
use super::words::GRAMMAR;
use crate::kb::surface::{CountryForm, Hit, Surface};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Start,
    End,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermChange {
    /// From the phrase to the end of the title.
    pub span: Range<usize>,
    pub change: Change,
    #[serde(skip)]
    pub person: usize,
    pub person_span: Range<usize>,
    /// What the title can mean: roles (`Surface::RoleTitle`) and offices
    /// (`Surface::OfficeTitle`).
    #[serde(skip)]
    pub title: Vec<Surface>,
    pub title_span: Range<usize>,
    /// The country written with the title ("Pakistan's prime minister"), if any.
    #[serde(skip)]
    pub country: Option<usize>,
    /// Index into the extraction's dates: the day or month of the change, if the clause
    /// gives one ("Peters, who becomes foreign minister for the third time" gives none).
    pub date: Option<usize>,
    /// Which day of taking office the phrase names.
    pub step: Step,
    /// The clause names whom the person succeeds ("succeeding President X"): a change of
    /// holder, not a new term of the same one.
    pub succeeds: bool,
    /// The person taken over from, named right after the phrase ("took over from Haruhiko
    /// Kuroda"): the office is one they held.
    #[serde(skip)]
    pub predecessor: Option<usize>,
}

/// Taking office can be two days: named (appointed) on one, sworn in on the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// "was appointed", "was named": the day of taking office, or up to a week before it.
    Appointed,
    /// "sworn in", "took the oath": that day, or up to three days after it.
    Sworn,
    /// "inaugurated", "took up his post": the day, or a public ceremony days after the
    /// oath (Botswana's president was sworn in on 1 November 2024 and inaugurated on 8
    /// November; ASEAN's secretary-general took office on 1 January 2023 and took up his
    /// post at a ceremony on the 9th).
    Inaugurated,
    /// "took office", "became", and every end: that day, give or take one.
    Either,
}

impl Step {
    fn of(phrase: &str) -> Step {
        let phrase = phrase.to_ascii_lowercase();
        if phrase.contains("appointed") || phrase.contains("named") {
            Step::Appointed
        } else if phrase.contains("inaugurat") || phrase.starts_with("took up") {
            Step::Inaugurated
        } else if phrase.contains("sworn") || phrase.contains("swearing") || phrase.contains("oath") {
            Step::Sworn
        } else {
            Step::Either
        }
    }
}

/// What may stand between the phrase and the title: articles, "new", an ordinal ("24th",
/// "first"), a country's name or demonym (taken from the hits).
fn filler(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    matches!(
        word.as_str(),
        "as" | "the"
            | "a"
            | "new"
            | "country's"
            | "nation's"
            | "its"
            | "their"
            | "his"
            | "her"
            | "acting"
            | "interim"
            | "youngest"
            | "oldest"
    ) || super::ordinal::is_ordinal(&word)
}

/// Whether a sentence's words before a term phrase are a subject that refers back to a
/// person: "he" or "she", or "the" and a description of a person ("The former tax
/// inspector … was sworn in"), with no name of its own.
fn refers_back(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if matches!(*first, "He" | "She") {
        return true;
    }
    let described = || {
        let lower = subject.to_lowercase();
        words
            .iter()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).ends_with("year-old"))
            || GRAMMAR.person_descriptions.iter().any(|d| {
                lower
                    .match_indices(d.as_str())
                    .any(|(i, _)| crate::text::is_word(&lower, &(i..i + d.len())))
            })
    };
    // A name of the calendar ("won the 24 March election") is not a name of its own.
    let named = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(char::is_uppercase) && !crate::calendar::is_month(w) && crate::calendar::weekday_word(w).is_none()
    };
    *first == "The" && words.len() <= 30 && !words.iter().skip(1).any(named) && described()
}

/// Whether the words after a title, in its clause, make it a distinction ("… in three
/// decades to visit", "… to address the assembly").
fn distinction_follows(after: &str) -> bool {
    let clause = after.split([',', ';', '.']).next().unwrap_or("");
    clause.split_whitespace().take(8).any(|w| w == "to")
}

/// The start and end phrases in one automaton, with what each means.
static PHRASES: LazyLock<(AhoCorasick, Vec<Change>)> = LazyLock::new(|| {
    let alone = GRAMMAR
        .term_starts_alone
        .iter()
        .filter(|p| !GRAMMAR.term_starts.contains(p));
    let (patterns, changes): (Vec<&String>, Vec<Change>) = GRAMMAR
        .term_starts
        .iter()
        .chain(alone)
        .chain(GRAMMAR.term_starts_by_legislature.iter())
        .chain(GRAMMAR.term_starts_active.iter())
        .map(|p| (p, Change::Start))
        .chain(GRAMMAR.term_ends.iter().map(|p| (p, Change::End)))
        .unzip();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .unwrap_or_else(|e| unreachable!("term phrases: {e}"));
    (automaton, changes)
});

/// One sentence as the reader of term changes sees it.
pub struct Input<'a> {
    pub prose: &'a str,
    pub sentence: Range<usize>,
    /// The phrases found in the sentence, in order.
    pub hits: &'a [Hit],
    pub dates: &'a [DateMention],
    pub as_of_span: Option<&'a Range<usize>>,
    /// The person named last in the sentences just before: whom "he", "she" or "the former
    /// tax inspector" at the start of this one refers to.
    pub previous: Option<(Range<usize>, usize)>,
}

pub fn extract(input: &Input<'_>) -> Vec<TermChange> {
    let (prose, sentence) = (input.prose, &input.sentence);
    let text = crate::text::get(prose, sentence.clone());
    let mut out = Vec::new();
    for m in PHRASES.0.find_iter(text) {
        let Some(&change) = PHRASES.1.get(m.pattern().as_usize()) else {
            continue;
        };
        let span = sentence.start + m.start()..sentence.start + m.end();
        if !crate::text::is_word(prose, &span) {
            continue;
        }
        if let Some(t) = one(input, span, change) {
            out.push(t);
        }
    }
    out.sort_by_key(|m| m.span.start);
    out.dedup_by_key(|m| m.title_span.clone());
    out
}

fn one(input: &Input<'_>, phrase: Range<usize>, change: Change) -> Option<TermChange> {
    let (prose, sentence, hits, dates, as_of_span) =
        (input.prose, &input.sentence, input.hits, input.dates, input.as_of_span);
    // The person: the last one named before the phrase, in full or by surname.
    // A name in the possessive ("President Joe Biden's longtime aide") is not the subject,
    // unless a pronoun right before the phrase refers back to it ("Carney's first summit
    // since he was sworn in").
    let pronoun = crate::text::get(prose, sentence.start..phrase.start)
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "he" | "she"));
    // "The Queen appointed Liz Truss", "Truss, whom the Queen appointed": the person a verb
    // in the active voice takes office by.
    let active = GRAMMAR
        .term_starts_active
        .contains(&crate::text::get(prose, phrase.clone()).to_ascii_lowercase());
    let given = if active {
        Some(appointed_person(input, &phrase)?)
    } else {
        None
    };
    let people_before = || {
        hits.iter()
            .filter(|h| h.span.end <= phrase.start && (pronoun || crate::text::possessive_len(prose, &h.span) == 0))
    };
    // A second predicate of the sentence's subject ("Hipkins was sworn in …, after Ardern
    // stepped down, and was replaced as prime minister …") speaks of the first person the
    // sentence names, not of one named in a clause on the way.
    let words_before: Vec<&str> = crate::text::get(prose, sentence.start..phrase.start)
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let coordinated = !pronoun
        && match words_before.as_slice() {
            ["and", ..] => true,
            [aux, "and"] => GRAMMAR.passive_auxiliaries.contains(&aux.to_ascii_lowercase()),
            _ => false,
        };
    // "Anwar's swearing-in", "Trump's second inauguration": a noun's person owns it.
    let noun = GRAMMAR
        .term_start_nouns
        .contains(&crate::text::get(prose, phrase.clone()).to_ascii_lowercase());
    let owner = || {
        hits.iter()
            .rev()
            .find(|h| h.span.end <= phrase.start)
            .filter(|h| {
                let owned = crate::text::possessive_len(prose, &h.span);
                owned > 0
                    && h.span.start >= sentence.start
                    && crate::text::get(prose, h.span.end + owned..phrase.start)
                        .split_whitespace()
                        .count()
                        <= NOUN_MODIFIERS
            })
            .and_then(person_of)
    };
    let named = if let Some(g) = given.clone() {
        Some(g)
    } else if noun {
        Some(owner()?)
    } else if coordinated {
        people_before()
            .filter(|h| h.span.start >= sentence.start)
            .find_map(person_of)
    } else {
        people_before().rev().find_map(person_of)
    };
    // "He was sworn in on 2 April", "The former tax inspector … was sworn in": the person
    // named just before.
    let (person_span, person) = match named {
        Some(found) => found,
        None if refers_back(crate::text::get(prose, sentence.start..phrase.start)) => input.previous.clone()?,
        None => return None,
    };
    // Nothing but a short stretch without another clause between the person and the phrase.
    // An apposition set off by commas ("Carney, a former governor of the Bank of Canada and
    // the Bank of England, was sworn in") does not count against the stretch.
    let gap = crate::text::get(prose, person_span.end.max(sentence.start)..phrase.start);
    let own = match gap.trim_start().strip_prefix(',') {
        Some(rest) => rest.rsplit_once(',').map_or(gap, |(_, after)| after),
        None => gap,
    };
    // A subject that refers back has been read whole by `refers_back`.
    let reach = match (person_span.start < sentence.start || coordinated, pronoun) {
        (true, _) => usize::MAX,
        (false, true) => 20,
        (false, false) => 12,
    };
    if gap.contains([';', ':']) || own.split_whitespace().count() > reach {
        return None;
    }
    // The title: the first role or office after the phrase, with only fillers between.
    // "was sworn in on 11 March 2022 as the country's youngest president": a date right
    // after the phrase stands between it and its office.
    // Dates come in the order of the text: the first one after the phrase, if only "on" or
    // "in" stands between.
    let right_after = Some(dates.partition_point(|d| d.span.start <= phrase.end)).filter(|&i| {
        dates.get(i).is_some_and(|d| {
            d.span.end <= sentence.end
                && matches!(crate::text::get(prose, phrase.end..d.span.start).trim(), "on" | "in")
        })
    });
    let from = given.as_ref().map_or(phrase.end, |(span, _)| span.end.max(phrase.end));
    let at = right_after.and_then(|i| dates.get(i)).map_or(from, |d| d.span.end);
    let (title, country) = office_after(prose, hits, from, at, sentence.end);
    // "was sworn in on Tuesday": some phrases name taking office with no office after them.
    let alone = change == Change::Start
        && (active
            || GRAMMAR
                .term_starts_alone
                .contains(&crate::text::get(prose, phrase.clone()).to_ascii_lowercase()));
    // "who took office in March last year and is Chile's youngest president": the office
    // is the one the same subject is then said to hold.
    let (title, country) = match title {
        None if alone => match predicate_office(prose, hits, at, sentence.end) {
            Some((t, c)) => (Some(t), c.or(country)),
            None => (None, country),
        },
        t => (t, country),
    };
    let mut country = country;
    // "Governor Kazuo Ueda, who took over from Kuroda in April 2022": with no office of
    // its own, the phrase speaks of the office the person is titled with right before the
    // name, unless the clause goes on with "as" ("took office on Sunday as the EU's High
    // Representative"). With "as" and no office after it ("took over from her as party
    // leader"), it names another post, and no office at all.
    let clause = crate::text::get(prose, phrase.end..sentence.end);
    let clause = clause.split([',', ';', '.']).next().unwrap_or("");
    let as_post = clause.find(" as ");
    let another_post = as_post.is_some_and(|i| {
        let post = phrase.end + i..phrase.end + clause.len();
        !hits
            .iter()
            .any(|h| h.span.start >= post.start && h.span.end <= post.end && !office_meanings(h).is_empty())
    });
    // Only for the subject itself, right before the phrase or its relative clause.
    let subject_itself = !coordinated
        && given.is_none()
        && !noun
        && person_span.start >= sentence.start
        && own
            .split(|c: char| !c.is_alphabetic())
            .all(|w| matches!(w, "" | "who" | "has" | "had" | "have"));
    let titled = || title_before(prose, hits, &person_span).filter(|_| subject_itself && as_post.is_none());
    let (title_span, title) = match title {
        Some(t) => t,
        // "took over from Trudeau as Liberal leader": another post than an office.
        None if alone && another_post => return None,
        None if alone => match titled() {
            // The country written after the phrase is not this office's
            // ("took over from South Africa's Nkosazana Dlamini-Zuma").
            Some(meanings) => {
                country = None;
                (phrase.start..from, meanings)
            }
            None => (phrase.start..from, Vec::new()),
        },
        None => return None,
    };
    // "was elected prime minister by the National Assembly": a popular election is not the
    // start of the term, a legislature's vote is.
    let by_legislature = GRAMMAR
        .term_starts_by_legislature
        .contains(&crate::text::get(prose, phrase.clone()).to_ascii_lowercase());
    if by_legislature && (title.is_empty() || !chosen_by_legislature(crate::text::from(prose, title_span.end))) {
        return None;
    }
    // "Deputy prime minister" is another office.
    let before_title = crate::text::get(prose, phrase.end..title_span.start).to_ascii_lowercase();
    if before_title.contains("deputy") || before_title.contains("vice") {
        return None;
    }
    // "became the first British foreign secretary in three decades to visit the islands":
    // a distinction earned in office, not the day of taking it.
    if before_title
        .split_whitespace()
        .any(|w| matches!(w, "first" | "second" | "third" | "last" | "only"))
        && distinction_follows(crate::text::from(prose, title_span.end))
    {
        return None;
    }
    // "President of Pakistan": the country after the title.
    if country.is_none() {
        let after = crate::text::from(prose, title_span.end);
        if let Some(rest) = after.strip_prefix(" of ") {
            let start = title_span.end + 4;
            let start = if rest.starts_with("the ") { start + 4 } else { start };
            country = hits.iter().find(|h| h.span.start == start).and_then(|h| {
                h.surfaces.iter().find_map(|s| match s {
                    Surface::Country { country, .. } => Some(*country),
                    _ => None,
                })
            });
        }
    }
    // The date: the nearest one after the title in its clause, or one that opens the
    // sentence just before the person ("On 11 April 2022, Shehbaz Sharif was sworn in …").
    // A year alone, or the dateline's own date, dates nothing here.
    // "took office … following his victory in Saturday's election": a word that brings in
    // another event's time, or a date in the possessive ("Saturday's"), which dates the
    // noun after it, dates no term change.
    let clause_ok = |between: &str| {
        !between.contains([';', '(', ')', '.', ','])
            && !between.contains(", when ")
            && !between.contains(", and ")
            && between.split_whitespace().count() <= 8
            && !between.split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "after" | "following" | "since" | "ahead"
                )
            })
    };
    let possessive = |d: &DateMention| {
        let rest = crate::text::from(prose, d.span.end);
        rest.starts_with("'s ") || rest.starts_with("’s ")
    };
    // The sentence's own dates (dates come in the order of the text).
    let first = dates.partition_point(|d| d.span.start < sentence.start);
    let last = first + dates[first..].partition_point(|d| d.span.start < sentence.end);
    let in_sentence = |d: &&DateMention| d.span.end <= sentence.end;
    let after = dates[first..last]
        .iter()
        .enumerate()
        .map(|(k, d)| (first + k, d))
        .filter(|(_, d)| in_sentence(d) && d.span.start >= title_span.end && !possessive(d))
        .find(|(_, d)| clause_ok(crate::text::get(prose, title_span.end..d.span.start)));
    let before = || {
        dates[first..last]
            .iter()
            .enumerate()
            .map(|(k, d)| (first + k, d))
            .rev()
            .filter(|(_, d)| in_sentence(d) && d.span.end <= person_span.start && Some(&d.span) != as_of_span)
            .find(|(_, d)| {
                crate::text::get(prose, d.span.end..person_span.start)
                    .split_whitespace()
                    .count()
                    <= 1
            })
    };
    // A year alone dates nothing here.
    let date = right_after
        .and_then(|i| Some((i, dates.get(i)?)))
        .or(after)
        .or_else(before)
        .filter(|(_, d)| d.is_day() || d.is_month())
        .map(|(i, _)| i);
    // With neither a date nor an office, only a noun owned by its person says whose taking
    // of office is meant ("Lula's swearing-in will take place at the National Congress"),
    // and only its tense can be judged.
    if date.is_none() && title.is_empty() && !noun {
        return None;
    }
    // "will be sworn in on 20 May, succeeding President Tsai Ing-wen": with no office after
    // the phrase, the office is the predecessor's.
    let from = date
        .and_then(|i| dates.get(i))
        .map_or(title_span.end, |d| d.span.end.max(title_span.end));
    let predecessor = predecessors_office(prose, hits, from, sentence.end);
    // "took over from Haruhiko Kuroda": the person taken over from, named right after.
    let taken_over_from = (!another_post
        && crate::text::get(prose, phrase.clone())
            .to_ascii_lowercase()
            .ends_with(" from"))
    .then(|| person_right_after(input, phrase.end))
    .flatten()
    .map(|(_, p)| p);
    let succeeds = predecessor.is_some() || taken_over_from.is_some();
    let (title, country) = match predecessor {
        Some((office, written)) if title.is_empty() => (office, country.or(written)),
        _ => (title, country),
    };
    Some(TermChange {
        span: phrase.start..title_span.end,
        change,
        person,
        person_span,
        title,
        title_span,
        country,
        date,
        step: if by_legislature {
            Step::Appointed
        } else if change == Change::Start {
            Step::of(crate::text::get(prose, phrase.clone()))
        } else {
            Step::Either
        },
        succeeds,
        predecessor: taken_over_from,
    })
}

/// The offices a title right before a person's name can mean ("Governor Kazuo Ueda").
fn title_before(prose: &str, hits: &[Hit], person: &Range<usize>) -> Option<Vec<Surface>> {
    let h = hits.iter().rev().find(|h| h.span.end <= person.start)?;
    if !crate::text::get(prose, h.span.end..person.start).trim().is_empty() {
        return None;
    }
    let meanings = office_meanings(h);
    (!meanings.is_empty()).then_some(meanings)
}

/// What a phrase can mean as the title of an office: roles and offices.
fn office_meanings(h: &Hit) -> Vec<Surface> {
    h.surfaces
        .iter()
        .copied()
        .filter(|s| matches!(s, Surface::RoleTitle(_) | Surface::OfficeTitle(_)))
        .collect()
}

fn person_of(h: &Hit) -> Option<(Range<usize>, usize)> {
    h.surfaces.iter().find_map(|s| match s {
        Surface::Person { person, .. } => Some((h.span.clone(), *person)),
        _ => None,
    })
}

/// The person named right after `at` in the sentence, with only spaces between.
fn person_right_after(input: &Input<'_>, at: usize) -> Option<(Range<usize>, usize)> {
    let h = input
        .hits
        .iter()
        .find(|h| h.span.start >= at && h.span.end <= input.sentence.end)?;
    if !crate::text::get(input.prose, at..h.span.start).trim().is_empty() {
        return None;
    }
    person_of(h)
}

/// The person an active verb of appointing takes office by: named right after it ("the
/// Queen appointed Liz Truss as prime minister"), or before ", whom" when the verb ends that
/// relative clause ("Liz Truss, whom the Queen appointed at Balmoral").
fn appointed_person(input: &Input<'_>, phrase: &Range<usize>) -> Option<(Range<usize>, usize)> {
    let (prose, sentence, hits) = (input.prose, &input.sentence, input.hits);
    if let Some(found) = person_right_after(input, phrase.end) {
        return Some(found);
    }
    let before = crate::text::get(prose, sentence.start..phrase.start);
    let at = before.rfind(", whom ")?;
    if before.get(at + 1..)?.contains([',', ';', '(', ')']) {
        return None;
    }
    let end = sentence.start + at;
    hits.iter().rev().find(|h| h.span.end == end).and_then(person_of)
}

/// The office of a predecessor named right after `from` (", succeeding President Tsai
/// Ing-wen", "replacing Pakistan's prime minister"): its title's meanings, and the country
/// written with it.
fn predecessors_office(prose: &str, hits: &[Hit], from: usize, to: usize) -> Option<(Vec<Surface>, Option<usize>)> {
    let rest = crate::text::get(prose, from..to);
    let trimmed = rest.trim_start().trim_start_matches(',').trim_start();
    let lower = trimmed.to_ascii_lowercase();
    let after_to = lower.strip_prefix("to ").unwrap_or(&lower);
    let link = GRAMMAR
        .succession_links
        .iter()
        .find(|l| after_to.strip_prefix(l.as_str()).is_some_and(|r| r.starts_with(' ')))?;
    let start = from + (rest.len() - trimmed.len()) + (lower.len() - after_to.len()) + link.len();
    match office_after(prose, hits, start, start, to) {
        (Some((_, office)), country) => Some((office, country)),
        (None, _) => None,
    }
}

/// A title's span and what it can mean (roles and offices).
type OfficeTitle = (Range<usize>, Vec<Surface>);

/// The first title of an office among the hits from `from` to `to`, with only fillers (and
/// a country, in the possessive or not) from `at` to it: its span and meanings, and the
/// country written before it.
/// How many words may stand between an owner and a noun of taking office ("Trump's second
/// inauguration").
const NOUN_MODIFIERS: usize = 2;

/// How many words may stand between a taking of office and "and is …" for the office after
/// it to be the one taken.
const PREDICATE_REACH_WORDS: usize = 6;

/// The office in "… and is <office>" or "… and was <office>" right after a taking of office
/// with none of its own.
fn predicate_office(prose: &str, hits: &[Hit], from: usize, to: usize) -> Option<(OfficeTitle, Option<usize>)> {
    let rest = crate::text::get(prose, from..to);
    let clause = rest.split([';', ',', '.']).next().unwrap_or("");
    let at = [" and is ", " and was "]
        .iter()
        .filter_map(|p| clause.find(p).map(|i| i + p.len()))
        .min()?;
    if clause.get(..at).unwrap_or("").split_whitespace().count() > PREDICATE_REACH_WORDS {
        return None;
    }
    let start = from + at;
    match office_after(prose, hits, start, start, to) {
        (Some(t), c) => Some((t, c)),
        _ => None,
    }
}

fn office_after(
    prose: &str,
    hits: &[Hit],
    from: usize,
    mut at: usize,
    to: usize,
) -> (Option<OfficeTitle>, Option<usize>) {
    let mut country = None;
    for h in hits.iter().filter(|h| h.span.start >= from && h.span.end <= to) {
        if !crate::text::get(prose, at..h.span.start).split_whitespace().all(filler) {
            break;
        }
        let meanings = office_meanings(h);
        if !meanings.is_empty() {
            return (Some((h.span.clone(), meanings)), country);
        }
        match h.surfaces.first() {
            Some(Surface::Country { country: c, form }) if *form != CountryForm::Metonym => {
                country = Some(*c);
                at = h.span.end + crate::text::possessive_len(prose, &h.span);
            }
            _ => break,
        }
    }
    (None, country)
}

/// Whether the words after an office say a legislature chose the holder: "by the National
/// Assembly", "by parliament on Monday".
fn chosen_by_legislature(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("by ") else {
        return false;
    };
    let rest = rest.to_ascii_lowercase();
    GRAMMAR.legislatures.iter().any(|l| {
        rest.strip_prefix(l.as_str())
            .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric()))
    })
}
