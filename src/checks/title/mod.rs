//! Checks of titles against the record of who held which office when. The verdict on a
//! title mention is computed once, here, and each check reports one kind of verdict.

pub mod inconsistent_title;
pub mod not_a_member;
mod unknown_holder;
pub mod wrong_holder;
pub mod wrong_office;

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

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
    /// Every term the record holds for the person in the office ended, on a known day,
    /// before the date; no successor need be recorded. `end` is the last term's end.
    TermEnded {
        office: usize,
        date: NaiveDate,
        end: NaiveDate,
    },
    /// Every term the record holds for the person in the office began, on a known day, well
    /// after the date, and the record holds no one else then. `start` is the first term's.
    NotYet {
        office: usize,
        date: NaiveDate,
        start: NaiveDate,
    },
}

/// The date a title is judged at: the date the sentence names, else the as-of date.
/// A month named by the sentence ("in February") gives a range: the title holds if the
/// person held the office at any time in it.
pub fn relevant_date(cx: &Context<'_>, i: usize) -> (NaiveDate, bool) {
    let (start, _, from_sentence) = relevant_range(cx, i);
    (start, from_sentence)
}

pub fn relevant_range(cx: &Context<'_>, i: usize) -> (NaiveDate, NaiveDate, bool) {
    let r = relevant(cx, i);
    (r.start, r.end, r.from_sentence)
}

/// The dates a title is judged at, and where they come from.
struct Relevant {
    start: NaiveDate,
    end: NaiveDate,
    /// A date the sentence names (or an event it names), not the as-of date.
    from_sentence: bool,
    /// The sentence's date was written without a year ("in February"): read as the
    /// nearest, it may be the other year.
    year_less: bool,
}

fn relevant(cx: &Context<'_>, i: usize) -> Relevant {
    let sentence = cx.ex.title_sentence.get(i).copied();
    let title = cx.ex.titles.get(i).map_or(0..0, |t| t.span.clone());
    let prose = cx.doc.prose.as_str();
    let as_of = &cx.ex.as_of;
    let then = cx.ex.titles.get(i).is_some_and(|t| t.modifier == Modifier::Then);
    let span = sentence.and_then(|s| cx.ex.sentences.get(s)).cloned().unwrap_or(0..0);
    // The date nearest the title in its clause: the dateline's date dates the sentence it
    // opens; a year inferred from an assumed as-of date is no date at all; a year alone
    // that lies ahead is a plan ("would take the chair in 2026"), not the sentence's time.
    let distance = |x: &Range<usize>| {
        if x.start >= title.end {
            x.start - title.end
        } else {
            title.start.saturating_sub(x.end)
        }
    };
    let named = cx
        .ex
        .dates_starting_in(span.clone())
        .iter()
        .filter(|d| d.span.start >= span.start && d.span.end <= span.end && d.start.is_some())
        .filter(|d| {
            // "8 August 2025 - …, three days after an uprising drove Prime Minister X from
            // power": a shift of time between the dateline and the title moves away from it.
            let dateline = as_of.span.as_ref() == Some(&d.span)
                && !(d.span.end <= title.start && SHIFT.is_match(crate::text::get(prose, d.span.end..title.start)));
            dateline || same_clause(prose, &title, &d.span)
        })
        // "Two days after Labor won the 21 May 2022 election, …": the date is what the time
        // is counted from, not the time.
        .filter(|d| !counted_from(crate::text::get(prose, span.start..d.span.start.max(span.start))))
        .filter(|d| d.year_written || !as_of.guessed_year)
        .filter(|d| d.grain < crate::extract::date::Grain::Year || d.start.is_some_and(|x| x <= as_of.date))
        // "at the site of the March 2011 disaster": a date labelling a noun that belongs to
        // another noun names that thing, not the clause's time ("hosted the 2019 summit"
        // still dates the host).
        .filter(|d| !(crate::text::attributive(prose, &d.span) && of_the_before(prose, &d.span)))
        // "limits until 5 February 2026": a bound of something else, not the clause's time.
        .filter(|d| !bounds_something(prose, &d.span))
        // "Then-Secretary of State X said …": "then" is some time before the story's date,
        // never the date its dateline gives.
        .filter(|d| !(then && as_of.span.as_ref() == Some(&d.span)))
        // The dateline opens the first sentence but dates the story, not the clause: a past
        // date the clause gives ("was elected on Monday") comes first; a date ahead ("will be
        // sworn in on Tuesday") does not make a title true before it.
        .min_by_key(|d| {
            let rank = if as_of.span.as_ref() == Some(&d.span) {
                1
            } else if d.start.is_some_and(|x| x > as_of.date) {
                2
            } else {
                0
            };
            (rank, crate::text::attributive(prose, &d.span), distance(&d.span))
        });
    // A weekday that fits the day pins its year ("on Monday, 26 September" is 2016, not
    // 2017): such a date is not year-less.
    let weekday_fits = |d: &crate::extract::date::DateMention| {
        d.weekday.as_ref().is_some_and(|(name, _)| {
            d.start
                .is_some_and(|x| crate::calendar::weekday_name(x.weekday()).eq_ignore_ascii_case(name))
        })
    };
    // "will be sworn in on 20 May, succeeding President Tsai": a predecessor holds the office
    // until a change that lies ahead, so the title is the draft's own time.
    let named = named.filter(|d| !(d.start.is_some_and(|x| x > as_of.date) && follows_succession(prose, &title)));
    // "Prime Minister X's government imposed tariffs, with more to follow in 21 days", "met
    // President X to discuss the summit to be held in April": a date or meeting ahead dates
    // something the past clause of the title only leads to.
    let leads_to = |at: &Range<usize>, day: Option<NaiveDate>| {
        day.is_some_and(|x| x > as_of.date)
            && at.start >= title.end
            && past_clause(
                crate::text::get(prose, span.start..title.start),
                crate::text::get(prose, title.end..at.start),
            )
    };
    let named = named.filter(|d| !leads_to(&d.span, d.start));
    // "Milei's foreign minister, Gerardo Werthein, took the post last month": a date after
    // the title that dates the person's taking of the office is the term-date check's to
    // judge; the title is who they are now.
    let person_end = cx
        .ex
        .titles
        .get(i)
        .map_or(title.end, |t| t.person_span.end.max(t.span.end));
    let named = named.filter(|d| !(d.span.start >= person_end && takes_office_after(prose, person_end, &span)));
    // "… President Donald Trump allowed the project to move forward after taking office":
    // the person's own time in office, unless the clause names a date of its own.
    let from_dateline = named.is_some_and(|d| as_of.span.as_ref() == Some(&d.span));
    if (named.is_none() || from_dateline)
        && let Some((a, b)) = own_term_after(cx, i, &span)
    {
        return Relevant {
            start: a,
            end: b,
            from_sentence: true,
            year_less: false,
        };
    }
    if let Some((a, b, year_less)) =
        named.and_then(|d| Some((d.start?, d.end?, !d.year_written && !d.relative && !weekday_fits(d))))
    {
        return Relevant {
            start: a,
            end: b,
            from_sentence: true,
            year_less,
        };
    }
    // A known event the sentence names dates it: "Obama at the Hangzhou summit" — unless
    // only an ordinal picked it, which may be the very error. An election does not: the
    // winner is named by the office it gave them ("Prime Minister Starmer, who won the
    // 2024 general election").
    let event = cx.ex.events_starting_in(span.clone()).iter().find_map(|m| {
        let e = cx.kb.events.get(m.event?)?;
        (!e.is_election()
            && !leads_to(&m.span, Some(e.start))
            && m.span.start >= span.start
            && m.span.end <= span.end
            && m.pins_time()
            && e.precision == crate::kb::model::Precision::Day
            && same_clause(prose, &title, &m.span))
        .then(|| (e.start, e.end.unwrap_or(e.start)))
    });
    if let Some((a, b)) = event {
        return Relevant {
            start: a,
            end: b,
            from_sentence: true,
            year_less: false,
        };
    }
    // "On Tuesday, 11 December 2023, the court upheld …. Pakistan rejected the judgment.
    // Then foreign minister X called it …": "then" is the time the story has set, in a
    // sentence just before that opens with its date.
    // A date earlier in the title's own sentence, outside its clause ("29 February 2020
    // (then-President Trump)"), leaves the time open.
    let dated_here = || {
        cx.ex
            .dates_starting_in(span.start..title.start)
            .iter()
            .any(|d| d.span.start >= span.start && d.span.end <= title.start && d.year_written)
    };
    if then
        && !dated_here()
        && let Some(s) = sentence
    {
        let from = cx.ex.sentences.get(s.saturating_sub(THEN_REACH)).map_or(0, |x| x.start);
        let scene = cx
            .ex
            .dates_starting_in(from..span.start)
            .iter()
            .rev()
            .filter(|d| d.span.start >= from && d.span.end <= span.start)
            .find(|d| {
                d.year_written
                    && !d.relative
                    && d.grain <= crate::extract::date::Grain::Month
                    && as_of.span.as_ref() != Some(&d.span)
                    && crate::extract::sentence::opens_sentence(prose, d.span.start)
            });
        if let Some((a, b)) = scene.and_then(|d| Some((d.start?, d.end?))) {
            return Relevant {
                start: a,
                end: b,
                from_sentence: true,
                year_less: false,
            };
        }
    }
    // "During Biden's presidency, the leaders invited have included Prime Minister X": the
    // time another person held office, up to the draft's date.
    if let Some((a, b)) = during_someones_period(cx, &span, &title) {
        return Relevant {
            start: a,
            end: b,
            from_sentence: true,
            year_less: false,
        };
    }
    Relevant {
        start: as_of.date,
        end: as_of.date,
        from_sentence: false,
        year_less: false,
    }
}

/// The time a person named before a title as "during X's presidency" (a period noun: term,
/// tenure, presidency) held office: their last term begun by the draft's date, ended by it
/// at the latest.
fn during_someones_period(
    cx: &Context<'_>,
    sentence: &Range<usize>,
    title: &Range<usize>,
) -> Option<(NaiveDate, NaiveDate)> {
    let prose = cx.doc.prose.as_str();
    let as_of = cx.ex.as_of.date;
    let first = cx.ex.people.partition_point(|p| p.span.start < sentence.start);
    cx.ex
        .people
        .get(first..)?
        .iter()
        .take_while(|p| p.span.end <= title.start)
        .find_map(|p| {
            let before = crate::text::word_before(prose, p.span.start);
            let owned = crate::text::possessive_len(prose, &p.span);
            let noun = crate::text::from(prose, p.span.end + owned)
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())?
                .to_ascii_lowercase();
            if !before.eq_ignore_ascii_case("during")
                || owned == 0
                || !crate::extract::words::GRAMMAR.period_nouns.contains(noun.as_str())
            {
                return None;
            }
            let term = cx
                .kb
                .terms_of(p.person)
                .map(|(_, t)| t)
                .filter(|t| t.start <= as_of)
                .max_by_key(|t| t.start)?;
            Some((term.start, term.end.map_or(as_of, |e| e.min(as_of))))
        })
}

/// "President Donald Trump allowed the project to move forward after taking office": a
/// phrase after the title in its sentence (`own_term_phrases`) sets it in the person's own
/// time in office: their last term begun by the draft's date, ended by it at the latest.
fn own_term_after(cx: &Context<'_>, i: usize, sentence: &Range<usize>) -> Option<(NaiveDate, NaiveDate)> {
    let t = cx.ex.titles.get(i)?;
    let after = crate::text::get(&cx.doc.prose, t.span.end..sentence.end).to_ascii_lowercase();
    if !crate::extract::words::GRAMMAR
        .own_term_phrases
        .iter()
        .any(|p| after.contains(p.as_str()))
    {
        return None;
    }
    let as_of = cx.ex.as_of.date;
    let term = cx
        .kb
        .terms_of(t.person)
        .filter(|(o, _)| t.offices.contains(o))
        .map(|(_, t)| t)
        .filter(|t| t.start <= as_of)
        .max_by_key(|t| t.start)?;
    Some((term.start, term.end.map_or(as_of, |e| e.min(as_of))))
}

/// Whether a title names a predecessor: "succeeding President X", "to replace Pakistan's
/// prime minister".
fn follows_succession(prose: &str, title: &Range<usize>) -> bool {
    let links = &crate::extract::words::GRAMMAR.succession_links;
    let is_link = |w: &str| links.iter().any(|l| l.eq_ignore_ascii_case(w));
    let mut before = crate::text::upto(prose, title.start).trim_end();
    // A country or "the" may stand between: "succeeding Taiwan's President".
    for _ in 0..3 {
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let skip = word == "the" || (word.starts_with(char::is_uppercase) && !is_link(word));
        if !skip || word.is_empty() {
            break;
        }
        before = before.strip_suffix(word).unwrap_or_default().trim_end();
    }
    let lower = before.to_ascii_lowercase();
    links.iter().any(|l| {
        lower
            .strip_suffix(l.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
    })
}

/// Whether a date is a bound ("until 5 February 2026", "for a year after 5 February",
/// "by 2030"): the end or start of a span of time the sentence speaks of, not its time.
fn bounds_something(prose: &str, date: &Range<usize>) -> bool {
    let word = crate::text::word_before(prose, date.start);
    ["until", "till", "through", "before", "after", "by", "beyond"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether "of" and a determiner stand right before a date: "the victims of the 2004
/// tsunami".
fn of_the_before(prose: &str, date: &Range<usize>) -> bool {
    let mut words = crate::text::upto(prose, date.start).split_whitespace().rev();
    let (Some(det), Some(of)) = (words.next(), words.next()) else {
        return false;
    };
    of.eq_ignore_ascii_case("of") && crate::text::DETERMINERS.contains(&det.to_ascii_lowercase().as_str())
}

/// How many sentences back a date that opens its sentence sets the time of a "then" title.
const THEN_REACH: usize = 3;

/// How many sentences back a narrative's last named time still holds.
const NARRATIVE_REACH: usize = 5;

// Whether a date or event speaks of the same thing as a title: it is not in a relative
// clause the title is outside of ("President Xi, who took over the party in November,
// …"; "Erdogan, who hosted the 2004 summit, welcomed …") and no clause break stands
// between them ("… since 2011, when then-President Obama …").
// "two weeks after", "four years earlier", "at the time of the attacks": the time moves
// away from the date named.
crate::scanner!(static SHIFT = r"(?i)(?-u:\b)(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|earlier|later|ago)|at\s+the\s+time\s+of|in\s+the\s+days\s+of)(?-u:\b)");

/// Whether a date after `before` (its sentence up to it) is the point a shift of time is
/// counted from: "Two days after Labor won the", with no clause break since the shift.
fn counted_from(before: &str) -> bool {
    let tail = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    SHIFT.is_match(tail)
}

fn same_clause(prose: &str, title: &Range<usize>, other: &Range<usize>) -> bool {
    let (a, b) = if title.start <= other.start {
        (title.end, other.start)
    } else {
        (other.end, title.start)
    };
    let between = crate::text::get(prose, a.min(b)..b.max(a));
    // "in March 2013, when Premier Li Keqiang took office", "flew to Taipei in July 2023,
    // where he promised President Tsai …": a "when" or "where" right after the date
    // elaborates that date's occasion.
    let elaborates = other.end <= title.start
        && [", when ", ", where "]
            .iter()
            .any(|m| between.trim_start().starts_with(m));
    let breaks = crate::extract::clause::breaks(between, crate::extract::clause::Reach::Time);
    if !elaborates && breaks || SHIFT.is_match(between) {
        return false;
    }
    // "President Milei has told …, reversing the course set by his predecessor four months
    // ago": a date after another holder of the office (`other_holders`) is that holder's time.
    if title.start <= other.start
        && between.split(|c: char| !c.is_alphabetic()).any(|w| {
            crate::extract::words::GRAMMAR
                .other_holders
                .contains(w.to_ascii_lowercase().as_str())
        })
    {
        return false;
    }
    if title.start <= other.start && in_what_is_reported(between) {
        return false;
    }
    // A quotation's words belong to when they were spoken, which a date outside it does
    // not give ("'… the trust President Trump has placed in me,' Rubio said after Trump
    // picked him in November").
    if between.chars().filter(|c| matches!(c, '"' | '“' | '”')).count() % 2 == 1 {
        return false;
    }
    // A relative clause holds its own time ("Erdogan, who hosted the 2004 summit, …"): a
    // date inside one dates only a title inside the same one. A title inside one shares
    // the main clause's time ("On 20 July 2015 the council adopted it, which Foreign
    // Minister Zarif welcomed").
    let start = title.start.min(other.start);
    // Look back no further than a sentence can run.
    let window = crate::text::floor_char_boundary(prose, start.saturating_sub(crate::extract::sentence::MAX_SENTENCE));
    let line_start = crate::text::get(prose, window..start)
        .rfind(['.', '\n'])
        .map_or(window, |i| window + i + 1);
    let scope = crate::text::get(prose, line_start..title.end.max(other.end));
    let regions: Vec<Range<usize>> = [", who ", ", which ", ", whose "]
        .iter()
        .flat_map(|m| scope.match_indices(m).map(|(i, _)| i))
        .map(|i| {
            let rest = crate::text::from(scope, i + 2);
            let end = rest.find([',', ';']).map_or(scope.len(), |j| i + 2 + j);
            line_start + i..line_start + end
        })
        .collect();
    let region = |x: &Range<usize>| regions.iter().position(|r| r.start <= x.start && x.start < r.end);
    match region(other) {
        None => true,
        Some(k) => region(title) == Some(k),
    }
}

/// How many words after a title its clause's verb is looked for ("Prime Minister X's
/// government imposed").
const VERB_REACH_WORDS: usize = 6;

/// Whether the clause a title sits in is told in the past: by its verb before or after the
/// title ("met President X", "Prime Minister X's government imposed tariffs").
fn past_clause(before: &str, after: &str) -> bool {
    use crate::extract::tense::{Tense, around};
    match around(before, after) {
        Tense::Past => return true,
        Tense::Future => return false,
        Tense::Unknown => {}
    }
    for w in after.split_whitespace().take(VERB_REACH_WORDS) {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if matches!(w, "will" | "would" | "is" | "are" | "to" | "be" | "shall") {
            return false;
        }
        if w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) {
            return true;
        }
    }
    false
}

/// Whether a date after a titled speaker lies inside what they are reported to have said:
/// the text between (`between`) has a reporting verb followed by "that", by a clause's own
/// subject ("said they regretted …") or by a whole quotation ("Macron said the declaration
/// \"confirms the goal of 2 percent\" set at the Wales summit in 2014"). "Hollande said on
/// 3 May 2015" dates the saying, and with it the title.
fn in_what_is_reported(between: &str) -> bool {
    let mut words = between.split_whitespace();
    let verb = words.by_ref().find(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
        crate::extract::words::GRAMMAR.reporting_verbs.contains(w.as_str())
    });
    if verb.is_none() {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    let quotes = rest
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| matches!(c, '"' | '“' | '”'))
        .count();
    // "said that …", and "said they regretted …": a clause of its own, with its subject.
    let clause = rest.first().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "that" | "he" | "she" | "they" | "it" | "we" | "i"
        )
    });
    clause || quotes >= 2
}

/// Whether the word after a title is a verb in the present, or the auxiliary of the present
/// perfect (`present_verbs`): "… has insisted", "… says", also past a relative clause set
/// off by commas ("…, who represents Toronto Centre, has said").
fn present_after(prose: &str, end: usize) -> bool {
    crate::text::after_relative_aside(crate::text::from(prose, end))
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::extract::words::GRAMMAR.present_verbs.contains(w))
}

/// How near the draft's date a change of office must be on record for a sentence reporting
/// it to be told at the draft's time.
const FRESH_CHANGE_DAYS: i64 = 31;

/// Whether the person held the office at a date or known event named in the few
/// sentences before the title's.
fn held_at_narrative_time(cx: &Context<'_>, i: usize, terms: &[(usize, &Term)]) -> bool {
    let Some(s) = cx.ex.title_sentence.get(i).copied() else {
        return false;
    };
    // "Secretary of State Rex Tillerson has insisted …": a title before a verb in the present
    // speaks of the draft's own time, whatever the paragraph before narrated.
    if cx
        .ex
        .titles
        .get(i)
        .is_some_and(|t| present_after(&cx.doc.prose, t.span.end))
    {
        return false;
    }
    // "Among the new cabinet members is Foreign Minister X, who will lead …": nor does one
    // after a copula in the present, or in a clause about what is to come.
    let prose = cx.doc.prose.as_str();
    let now_or_ahead = cx.ex.titles.get(i).is_some_and(|t| {
        let copula = matches!(
            crate::text::word_before(prose, t.span.start)
                .to_ascii_lowercase()
                .as_str(),
            "is" | "are" | "remains"
        );
        let sentence = cx.ex.sentences.get(s).cloned().unwrap_or(0..0);
        let before = crate::text::get(prose, sentence.start..t.span.start);
        let after = crate::text::get(prose, t.span.end..sentence.end);
        copula || crate::extract::tense::around(before, after) == crate::extract::tense::Tense::Future
    });
    if now_or_ahead {
        return false;
    }
    let (Some(here), Some(from)) = (
        cx.ex.sentences.get(s),
        cx.ex.sentences.get(s.saturating_sub(NARRATIVE_REACH)),
    ) else {
        return false;
    };
    // "Oli was sworn in by President Bhandari": a sentence reporting a change of office the
    // record dates near the draft's date is told at that time, not at the paragraph's before.
    let as_of = cx.ex.as_of.date;
    let text = crate::text::get(&cx.doc.prose, here.clone()).to_ascii_lowercase();
    let reports_change = crate::extract::words::GRAMMAR
        .term_starts_alone
        .iter()
        .any(|p| text.contains(p.as_str()));
    let fresh = |person: usize| {
        cx.kb
            .terms_of(person)
            .any(|(_, t)| (t.start - as_of).num_days().abs() <= FRESH_CHANGE_DAYS)
    };
    // People come in sentence order: only this sentence's are looked at.
    let people = cx
        .ex
        .people
        .get(cx.ex.people.partition_point(|p| p.sentence < s)..)
        .unwrap_or_default();
    if reports_change && people.iter().take_while(|p| p.sentence == s).any(|p| fresh(p.person)) {
        return false;
    }
    let dates = cx
        .ex
        .dates_starting_in(from.start..here.start)
        .iter()
        // A day written without its year that opens its sentence or heading ("9 AUGUST:
        // Kenyans voted") sets the scene too; one inside a sentence ("swore in the cabinet
        // on 3 July") may be any step of the story.
        .filter(|d| d.span.start >= from.start && d.span.end <= here.start)
        .filter(|d| {
            d.year_written
                || (d.written == crate::extract::date::Written::Absolute
                    && d.is_day()
                    && crate::extract::sentence::opens_sentence(&cx.doc.prose, d.span.start))
        })
        // "since March 2023" reaches up to the draft's date; a date ahead of the draft is a
        // plan. Neither is a time the story is told at.
        .filter(|d| !after_since(&cx.doc.prose, &d.span))
        // "Morocco was originally due to host them in 2021, but they were postponed": a
        // plan's date, not a time the story moves to.
        .filter(|d| !planned_for(&cx.doc.prose, &d.span))
        // "Mahama, who served as president from 2012 to 2017, …": an aside about someone's
        // past, not a time the story moves to.
        .filter(|d| !in_aside_about_someone(cx, &d.span))
        // "positions set out in the Bahrain Declaration of 16 May 2024": the date of a
        // document, not a time the story moves to.
        .filter(|d| !crate::text::dates_a_name(&cx.doc.prose, d.span.start))
        // "The initiative, signed in Istanbul on 22 August 2022, had been extended": the
        // date of the thing described.
        .filter(|d| {
            let start = cx
                .ex
                .sentence_at(d.span.start)
                .and_then(|s| cx.ex.sentences.get(s))
                .map_or(0, |s| s.start);
            !dates_a_described_noun(&cx.doc.prose, start, d.span.start)
        })
        .filter_map(|d| Some((d.start?, d.end?)))
        .filter(|(a, _)| *a <= cx.ex.as_of.date);
    let events = cx
        .ex
        .events_starting_in(from.start..here.start)
        .iter()
        .filter(|m| m.span.start >= from.start && m.span.end <= here.start && m.pins_time())
        .filter_map(|m| cx.kb.events.get(m.event?))
        .map(|e| (e.start, e.end.unwrap_or(e.start)));
    dates.chain(events).any(|(a, b)| {
        terms
            .iter()
            .any(|(_, t)| within(t, a) != Within::No || within(t, b) != Within::No || (t.start >= a && t.start <= b))
    })
}

/// Whether a date at `at` lies in a phrase set off by a comma after a noun and opened by
/// a participle (`describing_participles`): "The initiative, signed in Istanbul on 22 July
/// 2022, had been extended". Such a date dates the thing described. `from` is where the
/// date's sentence starts.
fn dates_a_described_noun(prose: &str, from: usize, at: usize) -> bool {
    let before = crate::text::get(prose, from.min(at)..at);
    let Some((head, phrase)) = before.rsplit_once(", ") else {
        return false;
    };
    // The phrase follows a noun ("The initiative"), not a clause with a verb of its own.
    let first = phrase.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    crate::extract::words::GRAMMAR
        .describing_participles
        .contains(first.as_str())
        && head.split_whitespace().count() <= 6
        && !head.contains(',')
}

/// Whether a span lies in a relative clause about a person set off by a comma (", who
/// served … 2017,"), read within `ASIDE_REACH` bytes before it. One about an event (",
/// which began on 26 November 2008,") dates that event, a time the story may well be told at.
fn in_aside_about_someone(cx: &Context<'_>, span: &Range<usize>) -> bool {
    let Some(sentence) = cx.ex.sentence_at(span.start).and_then(|s| cx.ex.sentences.get(s)) else {
        return false;
    };
    let from =
        crate::text::floor_char_boundary(&cx.doc.prose, span.start.saturating_sub(ASIDE_REACH)).max(sentence.start);
    let before = crate::text::get(&cx.doc.prose, from..span.start);
    before
        .rfind(", who ")
        .is_some_and(|i| !crate::text::from(before, i + 6).contains([',', ';']))
}

/// How far back an aside's ", who" is looked for: longer asides are rare, and a bound keeps
/// a long sentence linear.
const ASIDE_REACH: usize = 300;

/// Whether the draft gives the same office, as a present title, to someone else who held it
/// on `date` ("Foreign Minister Takeshi Iwaya said Tuesday …", then "Foreign Minister Yoko
/// Kamikawa has also described …"): then the draft is told at its own date, whatever
/// earlier time it mentions on the way.
fn holder_named_as_current(cx: &Context<'_>, i: usize, date: NaiveDate) -> bool {
    let Some(t) = cx.ex.titles.get(i) else {
        return false;
    };
    cx.ex.titles.iter().enumerate().any(|(j, other)| {
        j != i
            && other.person != t.person
            && other.modifier == Modifier::Current
            && other.offices.iter().any(|o| t.offices.contains(o))
            && cx
                .kb
                .terms_of(other.person)
                .any(|(o, term)| t.offices.contains(&o) && within(term, date) == Within::Yes)
    })
}

/// "served under President Khatami", "minister under the late President Raisi": the title
/// names whom someone served, at a time of its own, not the draft's.
fn under_someone(prose: &str, title: &Range<usize>) -> bool {
    let before = crate::text::upto(prose, title.start);
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    // "deputy assistant to President Barack Obama", "chief of staff to President Clinton".
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && words.get(1).is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
            crate::extract::words::GRAMMAR.staff_nouns.contains(w.as_str())
        })
    {
        return true;
    }
    for w in words {
        let w = w.to_ascii_lowercase();
        if w == "under" {
            return true;
        }
        let qualifier = w.chars().all(|c| c.is_alphabetic() || c == '-') && !w.is_empty();
        if !qualifier || matches!(w.as_str(), "and" | "with" | "by" | "as" | "to") {
            return false;
        }
    }
    false
}

/// "President Joe Biden's term", "Prime Minister Abe's second tenure": the titled name
/// names a period of its own, at which the title held.
fn names_a_period(prose: &str, title: &Range<usize>) -> bool {
    let len = crate::text::possessive_len(prose, title);
    if len == 0 {
        return false;
    }
    crate::text::from(prose, title.end + len)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| {
            crate::extract::words::GRAMMAR
                .period_nouns
                .contains(w.to_ascii_lowercase().as_str())
        })
}

/// How many words before a date, in its clause, a word of planning makes it a plan's date.
const PLAN_REACH_WORDS: usize = 10;

/// "was originally due to host them in 2021", "had been scheduled for March 2020"
fn planned_for(prose: &str, date: &Range<usize>) -> bool {
    let before = crate::text::upto(prose, date.start);
    let clause = before.rsplit([',', ';', '.', ':']).next().unwrap_or(before);
    clause
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(PLAN_REACH_WORDS)
        .any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "due" | "scheduled" | "planned" | "originally" | "expected" | "slated"
            )
        })
}

/// "since March 2023", "ever since 2019"
fn after_since(prose: &str, date: &Range<usize>) -> bool {
    let before = crate::text::upto(prose, date.start).trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    word.eq_ignore_ascii_case("since")
}

/// A sentence reporting a death, or naming something after someone, gives the title held
/// at death: "Foreign Minister X was among those killed" is right the day after.
fn reports_death(cx: &Context<'_>, i: usize) -> bool {
    const WORDS: &[&str] = &[
        "killed",
        "died",
        "dies",
        "dead",
        "death",
        "funeral",
        "assassinated",
        "mourned",
        "buried",
        "memory",
        "memorial",
        "posthumous",
        "posthumously",
    ];
    // Something named after a person commemorates them: "the summit was named in honour of
    // Oman's Sultan Qaboos", who had died a year before.
    const NAMED_AFTER: &[&str] = &["named in honour of", "named in honor of", "named after", "named for"];
    let Some(s) = cx.ex.title_sentence.get(i).and_then(|&s| cx.ex.sentences.get(s)) else {
        return false;
    };
    let text = crate::text::get(&cx.doc.prose, s.clone());
    let lower = text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // "the late President Raisi", not "in late February" or "the late 1990s".
    let the_late = words.windows(3).any(|w| {
        matches!(
            w[0].to_ascii_lowercase().as_str(),
            "the" | "his" | "her" | "their" | "our"
        ) && w[1].eq_ignore_ascii_case("late")
            && w[2].starts_with(char::is_uppercase)
            && crate::calendar::month_number(w[2]).is_none()
    });
    // "before attending Trong's national funeral": a mourner's title, not the dead's. A
    // funeral or memorial someone attends, or one owned by a name, is another's.
    let person = cx
        .ex
        .titles
        .get(i)
        .map(|t| crate::text::get(&cx.doc.prose, t.person_span.clone()));
    let someone_elses = |k: usize| {
        let noun = matches!(
            words[k].to_ascii_lowercase().as_str(),
            "funeral" | "memorial" | "death" | "memory"
        );
        let attended = words[k.saturating_sub(4)..k].iter().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "attend" | "attends" | "attended" | "attending"
            )
        });
        let owned = words[k.saturating_sub(3)..k].iter().any(|w| {
            w.len() > 2
                && w.starts_with(char::is_uppercase)
                && (text.contains(&format!("{w}'s")) || text.contains(&format!("{w}’s")))
                && !person.is_some_and(|p| p.contains(*w))
        });
        noun && (attended || owned)
    };
    NAMED_AFTER.iter().any(|p| lower.contains(p))
        || the_late
        || (0..words.len()).any(|k| WORDS.contains(&words[k].to_ascii_lowercase().as_str()) && !someone_elses(k))
}

/// A title next to words of someone's fall or departure is the one held up to it:
/// "protests forced Prime Minister Sheikh Hasina to resign", written three days later;
/// "ousted President X". It counts when a term of theirs in the office ended in the year
/// before the date judged, and the words stand within a few words of the title, in its
/// sentence ("a week after the health minister resigned" further off says nothing of it).
fn reports_leaving(cx: &Context<'_>, i: usize, terms: &[(usize, &Term)], date: NaiveDate) -> bool {
    const REACH: usize = 6;
    let ended_lately = terms
        .iter()
        .any(|(_, t)| t.end.is_some_and(|e| e <= date && (date - e).num_days() <= 366));
    let (Some(s), Some(t)) = (
        cx.ex.title_sentence.get(i).and_then(|&s| cx.ex.sentences.get(s)),
        cx.ex.titles.get(i),
    ) else {
        return false;
    };
    if !ended_lately {
        return false;
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let before = words(crate::text::get(&cx.doc.prose, s.start..t.span.start.max(s.start)));
    let rest = crate::text::get(&cx.doc.prose, t.span.end.min(s.end)..s.end);
    let after = words(rest);
    // The title's own verb after a clause set off by commas: "Prime Minister X, who had held
    // the post since 2022, resigned".
    let after_aside = rest
        .trim_start()
        .strip_prefix(',')
        .and_then(|aside| aside.split_once(','))
        .map(|(_, main)| words(main))
        .unwrap_or_default();
    let near: Vec<&String> = before
        .iter()
        .rev()
        .take(REACH)
        .chain(after.iter().take(REACH))
        .chain(after_aside.iter().take(2))
        .collect();
    // "… stepped down", "drove Prime Minister X from power", "… out of office"; not "the
    // oath of office".
    let stepped_down = after.windows(2).take(REACH).enumerate().any(|(k, w)| {
        let out_of = w[0] == "of" && k.checked_sub(1).and_then(|p| after.get(p)).is_some_and(|p| p == "out");
        (w[1] == "down" && matches!(w[0].as_str(), "stepped" | "step" | "steps"))
            || ((w[0] == "from" || out_of) && matches!(w[1].as_str(), "power" | "office"))
    });
    let leaving = &crate::extract::words::GRAMMAR.leaving_words;
    // "Chad's foreign minister, Moussa Faki Mahamat, is the new chairperson of the AU
    // Commission", written the day after the vote: the title is who they were until the
    // move, if the move was within days.
    let moved_days_ago = terms
        .iter()
        .any(|(_, t)| t.end.is_some_and(|e| e <= date && (date - e).num_days() <= MOVE_DAYS));
    let moving = near
        .iter()
        .any(|w| matches!(w.as_str(), "new" | "elected" | "appointed" | "named" | "chosen"));
    stepped_down || near.iter().any(|w| leaving.contains(w.as_str())) || moved_days_ago && moving
}

/// Whether the titled person is the subject of a taking of office right after their name
/// ("…, Gerardo Werthein, took the post last month", "President X was sworn in on
/// Thursday"); not a possessive ("President Biden's aide took office …").
fn takes_office_after(prose: &str, end: usize, sentence: &Range<usize>) -> bool {
    const LEAD: &[&str] = &[
        "who",
        "has",
        "had",
        "only",
        "just",
        "recently",
        "formally",
        "officially",
    ];
    let after = crate::text::get(prose, end..sentence.end.max(end)).to_ascii_lowercase();
    let mut rest = after.trim_start_matches([',', ' ']);
    while let Some(w) = LEAD.iter().find(|w| rest.starts_with(&format!("{w} "))) {
        rest = rest.get(w.len()..).unwrap_or("").trim_start();
    }
    crate::extract::words::GRAMMAR.term_starts_alone.iter().any(|p| {
        rest.strip_prefix(p.as_str())
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    })
}

/// How many days after leaving an office a person may still be named by it in a sentence
/// that reports their move to another.
const MOVE_DAYS: i64 = 7;

pub fn verdict(cx: &Context<'_>, i: usize) -> Verdict {
    let Some(t) = cx.ex.titles.get(i) else {
        return Verdict::Unknown;
    };
    let kb = cx.kb;
    let Relevant {
        start: date,
        end: until,
        from_sentence,
        year_less,
    } = relevant(cx, i);
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
    // "Four years after Xi flew to Islamabad … with Prime Minister Nawaz Sharif": the
    // sentence moves away from the draft's date without naming another.
    let shifted = cx
        .ex
        .title_sentence
        .get(i)
        .and_then(|&s| cx.ex.sentences.get(s))
        .is_some_and(|s| SHIFT.is_match(crate::text::get(&cx.doc.prose, s.clone())));
    if (!from_sentence && (cx.ex.as_of.guessed_year || shifted)) || reports_death(cx, i) {
        return Verdict::Unknown; // no year to judge at, or a title held until death
    }
    // A period of the person's cannot lie wholly after the draft's date: "calling on
    // President X's government" in a year before X took office is no period of X's.
    // Nor is it in a sentence about what is to come: "is expected to stall the agenda of
    // Prime Minister X's government until the next election" speaks of the government now,
    // unless it looks back ("the inquiry will examine Prime Minister X's government").
    let to_come = || {
        cx.ex
            .title_sentence
            .get(i)
            .and_then(|&s| cx.ex.sentences.get(s))
            .is_some_and(|s| {
                let before = crate::text::get(&cx.doc.prose, s.start..t.span.start);
                let after = crate::text::get(&cx.doc.prose, t.span.end..s.end);
                let sentence = crate::text::get(&cx.doc.prose, s.clone()).to_ascii_lowercase();
                let looks_back = crate::extract::words::GRAMMAR
                    .retrospective_stems
                    .iter()
                    .any(|w| sentence.contains(w.as_str()));
                !looks_back && crate::extract::tense::around(before, after) == crate::extract::tense::Tense::Future
            })
    };
    let period = names_a_period(&cx.doc.prose, &t.span)
        && person_terms.iter().any(|(_, term)| term.start <= cx.ex.as_of.date)
        && !to_come();
    if (under_someone(&cx.doc.prose, &t.span) || period) && !person_terms.is_empty() {
        return Verdict::Unknown; // "served as health minister under President Khatami"
    }
    let outgoing = t.modifier == Modifier::Transition
        && (is_outgoing(&cx.doc.prose, &t.span) || is_outgoing(&cx.doc.prose, &t.title_span));
    match t.modifier {
        Modifier::Current => {}
        Modifier::Then if from_sentence => {}
        // "outgoing President X": X holds the office until a handover close to the date.
        // Judged only when no term of X's in it comes within that reach.
        Modifier::Transition if outgoing => {
            let near = person_terms.iter().any(|(_, term)| {
                within(term, date) != Within::No
                    || term
                        .end
                        .is_none_or(|e| (e - date).num_days().abs() <= OUTGOING_REACH_DAYS)
            });
            if near {
                return Verdict::Unknown;
            }
        }
        // "the new foreign secretary, X", "Prime Minister-designate X": X takes the office
        // about now. Judged only when no term of X's in it covers the date, starts after
        // it or began within the reach before it, and the record of the office runs past
        // that reach, so that a change too recent for the record is not taken for an error.
        Modifier::Transition if is_incoming(&cx.doc.prose, t) => {
            let reach = chrono::Days::new(INCOMING_REACH_DAYS);
            let near = person_terms
                .iter()
                .any(|(_, term)| within(term, date) != Within::No || term.start + reach >= date);
            let known_past = t.offices.iter().filter_map(|&o| kb.offices.get(o)).all(|office| {
                office
                    .term
                    .iter()
                    .any(|term| term.start > date + reach || term.confirmed.is_some_and(|c| c > date + reach))
            });
            if near || !known_past {
                return Verdict::Unknown;
            }
        }
        _ => return Verdict::Unknown,
    }
    // "In February, X condemned a visit by Foreign Secretary Y", written in October: the
    // February may be the one before as well as the one after, and if Y held the office
    // then, nothing is wrong.
    // "Then-President X had tried to postpone the vote, due in February": "then" is
    // behind the draft's date, whatever year a year-less date was read in.
    if year_less && date > cx.ex.as_of.date && t.modifier == Modifier::Then {
        return Verdict::Unknown;
    }
    if year_less {
        let years = if date > cx.ex.as_of.date { -1 } else { 1 };
        let shift = |d: NaiveDate| d.with_year(d.year() + years);
        if let (Some(a), Some(b)) = (shift(date), shift(until)) {
            let held = person_terms
                .iter()
                .any(|(_, term)| within(term, a) != Within::No || within(term, b) != Within::No);
            if held {
                return Verdict::Unknown;
            }
        }
    }
    let mut unsure = false;
    for (_, term) in &person_terms {
        let overlaps = term.start >= date && term.start <= until;
        match (within(term, date), within(term, until)) {
            (Within::Yes, _) | (_, Within::Yes) => return Verdict::Holds,
            _ if overlaps => return Verdict::Holds,
            (Within::Unsure, _) | (_, Within::Unsure) => unsure = true,
            _ => {}
        }
    }
    if unsure || (!outgoing && reports_leaving(cx, i, &person_terms, date)) {
        return Verdict::Unknown;
    }
    // Judged at the draft's date, but a time named in the few sentences before fits the
    // title: the sentence may well be narrating that time. Stay quiet.
    if !from_sentence && held_at_narrative_time(cx, i, &person_terms) && !holder_named_as_current(cx, i, date) {
        return Verdict::Unknown;
    }
    // Someone else is recorded in the office on that date.
    for &o in &t.offices {
        let Some(office) = kb.offices.get(o) else { continue };
        let holders: Vec<(usize, usize)> = office
            .term
            .iter()
            .enumerate()
            .filter(|(_, term)| within(term, date) == Within::Yes && within(term, until) == Within::Yes)
            .map(|(ti, _)| (o, ti))
            .collect();
        let sure = office
            .term
            .iter()
            .all(|term| within(term, date) != Within::Unsure && within(term, until) != Within::Unsure);
        if !holders.is_empty() && sure {
            return Verdict::WrongHolder {
                office: o,
                date,
                holders,
            };
        }
    }
    term_ended(&person_terms, date)
        .or_else(|| not_yet(kb, &person_terms, date, until))
        .unwrap_or(Verdict::Unknown)
}

/// How long after the date a term must begin for a title at the date to be an error: a
/// holder chosen weeks ahead is often called by the title a little early.
const NOT_YET_REACH_DAYS: u64 = 30;

/// "President Ahmed al-Sharaa" in December 2024: every term the record holds for the person
/// in the office began, on a known day, more than a month after the date, and the record
/// shows the office empty then: its record had begun before the date, and no term of anyone
/// touches the time the sentence speaks of.
fn not_yet(kb: &Kb, person_terms: &[(usize, &Term)], date: NaiveDate, until: NaiveDate) -> Option<Verdict> {
    let mut first: Option<(usize, NaiveDate)> = None;
    for &(o, term) in person_terms {
        if term.start_precision != crate::kb::model::Precision::Day
            || term.start <= until + chrono::Days::new(NOT_YET_REACH_DAYS)
        {
            return None;
        }
        if first.is_none_or(|(_, s)| term.start < s) {
            first = Some((o, term.start));
        }
    }
    let (office, start) = first?;
    let terms = &kb.offices.get(office)?.term;
    let begun = terms.iter().any(|x| x.end.is_some_and(|e| e <= date));
    let empty = terms.iter().all(|x| x.start > until || x.end.is_some_and(|e| e < date));
    (begun && empty).then_some(Verdict::NotYet { office, date, start })
}

/// How far from the date an outgoing holder's term may end.
const OUTGOING_REACH_DAYS: i64 = 60;

/// How long before the date a holder's term may have begun for them still to be called
/// the new one.
const INCOMING_REACH_DAYS: u64 = 365;

/// Whether the title is written as one being taken up: "the new foreign secretary", "the
/// incoming president", "newly appointed", "Prime Minister-designate", "President-elect".
fn is_incoming(prose: &str, t: &TitleMention) -> bool {
    let before = [t.span.start, t.title_span.start].into_iter().any(|at| {
        matches!(
            crate::text::word_before(prose, at).to_ascii_lowercase().as_str(),
            "new" | "incoming" | "appointed"
        )
    });
    let after = crate::text::from(prose, t.title_span.end)
        .trim_start_matches(['-', ' '])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("designate") || w.eq_ignore_ascii_case("elect"));
    before || after
}

/// Whether the title is written "outgoing X".
fn is_outgoing(prose: &str, title: &Range<usize>) -> bool {
    let w = crate::text::word_before(prose, title.start);
    w.eq_ignore_ascii_case("outgoing") || w.eq_ignore_ascii_case("incumbent")
}

/// The person's terms in the offices the title may mean all ended on a day the record
/// knows, before the date: the office and day of the last to end.
fn term_ended(person_terms: &[(usize, &Term)], date: NaiveDate) -> Option<Verdict> {
    let mut last: Option<(usize, NaiveDate)> = None;
    for &(o, term) in person_terms {
        let end = term
            .end
            .filter(|_| term.end_precision == crate::kb::model::Precision::Day)?;
        if end >= date {
            return None;
        }
        if last.is_none_or(|(_, e)| end > e) {
            last = Some((o, end));
        }
    }
    let (office, end) = last?;
    Some(Verdict::TermEnded { office, date, end })
}

/// A note that `who` held a term of `office`, citing where the term is written and its
/// source, with the record attached: "Qin Gang was foreign minister of China from … : rules/kb/offices.toml:235 (source: …)".
pub fn with_term_note(
    diag: crate::diagnostic::Diagnostic,
    kb: &Kb,
    office: usize,
    term: &Term,
    who: &str,
) -> crate::diagnostic::Diagnostic {
    let Some(o) = kb.offices.get(office) else { return diag };
    let at = o.at.within(term.person.span());
    diag.note(format!(
        "{who} was {}: {}",
        term_text(kb, office, term),
        super::cite(&at, term.source.as_deref().or(o.source.as_deref()))
    ))
    .with_record(&at.path, at.line())
}

/// "foreign minister of China from 30 December 2022 to 25 July 2023"
pub fn term_text(kb: &Kb, office: usize, term: &Term) -> String {
    use crate::calendar::long_date;
    let label = kb.office_label(office);
    let acting = if term.acting { "acting " } else { "" };
    match term.end {
        Some(end) => format!("{acting}{label} from {} to {}", long_date(term.start), long_date(end)),
        None => format!("{acting}{label} since {}", long_date(term.start)),
    }
}

pub fn person_name(kb: &Kb, t: &TitleMention) -> String {
    kb.people.get(t.person).map(|p| p.name.to_string()).unwrap_or_default()
}
