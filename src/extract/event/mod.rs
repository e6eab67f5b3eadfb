//! Mentions of known events: an event's own name, a series name with what identifies the
//! meeting (an ordinal, a year, a place, an attached date), and visits ("Xi's state visit
//! to Russia", "the Chinese leader's visit to Moscow"). The date the text attaches to the
//! mention ("… on 20-21 March 2023") is recorded for the checks to compare.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::date::DateMention;
use super::tense::{self, Tense};
use crate::kb::surface::{CountryForm, Hit, Surface};
use crate::kb::{Kb, Within};

mod gathering;
mod place;
mod runoff;
mod steps;
mod summit;
mod visit;

pub(super) use place::attached_place_after;
pub use place::place_matches;
use place::*;
pub use runoff::{Round, named_round, round_day};
use steps::*;
pub(super) use summit::distance;
use summit::*;
use visit::*;
pub use visit::{holder, resolve_meeting};

#[derive(Debug, Clone, Serialize)]
pub struct EventMention {
    pub span: Range<usize>,
    /// The event this mention was identified as, if it could be.
    #[serde(skip)]
    pub event: Option<usize>,
    pub event_id: Option<String>,
    #[serde(skip)]
    pub series: Option<usize>,
    pub ordinal: Option<(u32, Range<usize>)>,
    /// A place the text gives: a country id or a city, with its span.
    pub place: Option<(Place, Range<usize>)>,
    /// Index into the draft's dates of the date attached to this mention.
    pub date: Option<usize>,
    /// A date just before the mention in its clause: it tells which meeting is meant, and
    /// an ordinal that disagrees with it, but is not compared with the meeting's days.
    #[serde(skip)]
    pub lead_date: Option<usize>,
    pub tense: Tense,
    /// "the summit": resolved from the context, good only for comparing the date given.
    #[serde(skip)]
    pub anaphoric: bool,
}

impl EventMention {
    /// Whether the mention dates its sentence: not "the summit" read from the context, nor a
    /// meeting picked by its ordinal alone, which may be the very error.
    pub fn pins_time(&self) -> bool {
        !self.anaphoric && (self.ordinal.is_none() || self.place.is_some() || self.date.is_some())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    Country(String),
    City(String),
}

crate::scanner!(static ORDINAL_DIGITS = r"(?-u:\b)(\d{1,3})(?:st|nd|rd|th)\s+$");
crate::scanner!(static ORDINAL_WORDS = r"(?i)(?-u:\b)((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)\s+$");
crate::regex!(static ORDINAL_AT_START = r"(?i)^(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))(?-u:\b)");
crate::scanner!(static YEAR_BEFORE = r"(?-u:\b)((?:19|20)\d\d)\s+$");
crate::scanner!(static VISIT_TO = r"(?i)(?-u:\b)(?:(?:state|official|working)\s+)?visits?\s+to\s+$");
crate::regex!(static VISITOR_DESCRIPTOR = r"^\s+(?P<role>leader|president|head\s+of\s+state|premier|prime\s+minister|chancellor)['’]s\s+(?:(?:state|official|working|first|latest|recent)\s+)*$");
// Between a person and "visit" when the person is the visitor: "Putin paid a state
// visit to", "Xi will make his first visit to", "Macron began a three-day state visit to".
crate::regex!(static VISIT_VERB = r"^\s+(?:(?:will|would|is|was|has|had|to|due|set|expected|also|then|on|arrived|in|for)\s+)*(?:pay|pays|paid|paying|make|makes|made|making|begin|begins|began|beginning|start|starts|started|starting|end|ends|ended|conclude|concludes|concluded|be|on|for)\s+(?:(?:a|an|his|her|the|their|its)\s+)?(?:(?:first|second|third|two-day|three-day|four-day|five-day|landmark|historic|long-awaited)\s+)*$");

crate::regex!(static POSSESSIVE_VISIT = r"^['’]s\s+(?:(?:state|official|working|first|latest|recent)\s+)*$");
/// Words that may stand between an event mention and the date or place the text gives
/// for it: linking verbs and prepositions. Capitalised words (a venue: "Bharat Mandapam")
/// may stand there too.
#[rustfmt::skip]
const LINK_WORDS: &[&str] = &[
    "which", "that", "was", "were", "is", "are", "will", "be", "been", "had", "has", "have", "held", "took",
    "takes", "take", "place", "ran", "runs", "run", "lasted", "lasts", "convened", "convenes", "hosted", "opened",
    "opens", "open", "began", "begins", "begin", "started", "starts", "start", "closed", "closes", "ended", "ends",
    "concluded", "concludes", "kicked", "kicks", "off", "got", "underway", "scheduled", "set", "due", "planned",
    "expected", "to", "on", "from", "between", "in", "during", "for", "at", "over", "the", "of", "city", "capital",
    "resort", "venue", "centre", "center", "by", "here", "there", "this", "its", "their", "talks", "summit",
    "meeting", "conference", "negotiations", "session", "gathering", "forum", "leaders", "ministers",
];

/// True when only linking words (and names) stand in `gap`.
fn links(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '('))
        .filter(|w| !w.is_empty())
        .collect();
    let unknown = words
        .iter()
        .filter(|w| {
            !(LINK_WORDS.contains(&w.to_ascii_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        })
        .count();
    // A word or two of description may stand there too: "in this coastal State on"; a
    // coordinated "and" starts something else ("… in Tianjin and for the commemorations of").
    let coordinated = words
        .iter()
        .any(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    // A name of several words ("the Nasrec Expo Centre") counts as one.
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let length = words.len() - words.windows(2).filter(|p| capital(&p[0]) && capital(&p[1])).count();
    length <= 12 && unknown <= 2 && !coordinated
}

/// Whether the words after a meeting's name make a small ordinal before it describe rather
/// than number: "the first G20 summit held in Africa", "the first summit held in a member
/// of the OECS", "the second summit in a row", "the first ever".
fn describes(after: &str) -> bool {
    const REGIONS: &[&str] = &[
        "africa",
        "african",
        "asia",
        "asian",
        "europe",
        "european",
        "latin america",
        "south america",
        "the americas",
        "the pacific",
        "the middle east",
        "the gulf",
        "the region",
        "the global south",
        "the southern hemisphere",
        "the continent",
        "a developing country",
        "the arab world",
    ];
    // "African soil" starts with "african". Only the first words matter.
    let a: String = after
        .trim_start()
        .chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .collect();
    // "the first CELAC summit held in …": the series named, then its head noun.
    let a = ["summit ", "meeting ", "conference ", "session ", "forum "]
        .iter()
        .find_map(|h| a.strip_prefix(h))
        .map_or(a.clone(), str::to_string);
    if ["ever", "in a row", "of its kind", "since", "outside"]
        .iter()
        .any(|p| a.starts_with(p))
    {
        return true;
    }
    let place = [
        "held in ",
        "held on ",
        "hosted in ",
        "hosted on ",
        "hosted by ",
        "to be held in ",
        "in ",
        "on ",
    ]
    .iter()
    .find_map(|p| a.strip_prefix(p));
    // "the first CELAC summit held in a member of the OECS": a kind of place, not a place.
    place.is_some_and(|rest| {
        REGIONS.iter().any(|r| rest.starts_with(r)) || rest.starts_with("a ") || rest.starts_with("an ")
    })
}

/// Whether the mention at `span` sits in a relative clause that `gap` (the text after it)
/// closes: "Meloni, who had held talks at the summit in Bali, is due in Paris on
/// Thursday". A verb straight after the comma is the main clause's, and a date after it
/// is that verb's, not the mention's.
fn leaves_relative_clause(prose: &str, sentence: &Range<usize>, span: &Range<usize>, gap: &str) -> bool {
    // The last comma before the mention opens the relative clause: no comma stands between
    // the pronoun and the mention.
    let before = crate::text::get(prose, sentence.start..span.start);
    let opened = before.rfind(',').is_some_and(|at| {
        let rest = crate::text::from(before, at);
        [", who ", ", which ", ", whose "]
            .iter()
            .any(|r| rest.get(..r.len()).is_some_and(|p| p.eq_ignore_ascii_case(r)))
    });
    // After the clause's closing comma, an auxiliary or a verb of the main clause: "…, who
    // won the election, met investors on Monday". A lowercase word that is neither a linking
    // word nor a participle describing the event counts as that verb.
    let main_verb = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && !LINK_WORDS.contains(&w)
            && !crate::extract::words::GRAMMAR.describing_participles.contains(w)
            && !matches!(
                w,
                "a" | "an" | "and" | "or" | "with" | "as" | "where" | "when" | "after" | "before" | "since"
            )
    };
    opened
        && gap.split(',').skip(1).any(|part| {
            part.split_whitespace().next().is_some_and(|w| {
                main_verb(w)
                    || matches!(
                        w.to_ascii_lowercase().as_str(),
                        "is" | "are"
                            | "was"
                            | "were"
                            | "will"
                            | "has"
                            | "have"
                            | "had"
                            | "would"
                            | "could"
                            | "should"
                            | "must"
                            | "may"
                            | "might"
                            | "can"
                            | "did"
                            | "does"
                            | "do"
                    )
            })
        })
}

/// The ordinal written just before `start`, e.g. "4th " or "fourth ".
fn ordinal_before(prose: &str, from: usize, start: usize) -> Option<(u32, Range<usize>)> {
    let before = crate::text::get(prose, from..start);
    let before = before.strip_suffix("the ").map_or(before, |b| b);
    // "the 37th ordinary session of the AU Assembly" numbers the Assembly's sessions.
    let before = session_of(before).unwrap_or(before);
    // "her first G20 summit" counts her summits, not the series'; "the bloc's 23rd summit"
    // counts the organisation's.
    let owner = before
        .trim_end()
        .rsplit_once(char::is_whitespace)
        .map_or("", |(b, _)| b)
        .trim_end();
    let owner = owner
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace('’', "'");
    let organisation = owner
        .strip_suffix("'s")
        .is_some_and(|o| crate::extract::words::GRAMMAR.organisation_nouns.contains(o));
    if ["her", "his", "their", "its", "my", "our", "your"].contains(&owner.as_str())
        || (owner.ends_with("'s") && !organisation)
    {
        return None;
    }
    if let Some(c) = ORDINAL_DIGITS.captures(before) {
        let m = c.get(0)?;
        let n = c.get(1)?.as_str().parse().ok()?;
        return Some((
            n,
            from + m.start()..from + m.end() - (m.as_str().len() - m.as_str().trim_end().len()),
        ));
    }
    let c = ORDINAL_WORDS.captures(before)?;
    let m = c.get(0)?;
    let n = crate::extract::ordinal::from_words(c.get(1).map(|x| x.as_str()), c.get(2)?.as_str())?;
    Some((n, from + m.start()..from + m.start() + m.as_str().trim_end().len()))
}

/// The end of the clause an event mention at `end` sits in.
fn clause_end(prose: &str, end: usize, sentence_end: usize) -> usize {
    let rest = crate::text::get(prose, end..sentence_end);
    super::clause::first_break(rest, super::clause::Reach::Mention).map_or(sentence_end, |i| end + i)
}

/// The date the text gives for a mention: the first date after it in its clause with only
/// linking words between, or a date just before it ("the Aug. 21-23, 2023 summit").
pub(super) fn attached_date(
    prose: &str,
    span: &Range<usize>,
    sentence: &Range<usize>,
    dates: &[DateMention],
) -> Option<usize> {
    // Dates are sorted by start: look only at those starting in the sentence before it.
    let lo = dates.partition_point(|d| d.span.start < sentence.start);
    let hi = dates.partition_point(|d| d.span.start < span.start).max(lo);
    let before = dates
        .iter()
        .enumerate()
        .take(hi)
        .skip(lo)
        .rev()
        .find(|(_, d)| d.span.end <= span.start && d.span.start >= sentence.start && !d.is_month());
    if let Some((i, d)) = before {
        let gap = crate::text::get(prose, d.span.end..span.start);
        // "the Aug. 21-23, 2023 summit", "last week's summit", "on 15 February at the 37th
        // ordinary session"
        if matches!(
            gap.trim(),
            "" | "," | "'s" | "’s" | "at" | "at the" | "during" | "during the"
        ) {
            return Some(i);
        }
        // "World leaders gathered in New Delhi on 9-10 September for the G20 summit": the
        // date of the leaders' gathering.
        if gathering::leads_in(gap) && gathering::gathered_before(crate::text::get(prose, sentence.start..d.span.start))
        {
            return Some(i);
        }
    }
    // "Sullivan, announcing the summit last week, said": a date after the object of a verb
    // that speaks of the meeting is that verb's; so is one after a meeting held beside it
    // ("met on the sidelines of the G20 summit in Bali on 14 November").
    if spoken_of(prose, span.start) || beside(prose, sentence.start, span.start) {
        return None;
    }
    let limit = clause_end(prose, span.end, sentence.end);
    // The first date starting after the mention, if it starts within the clause.
    let i = dates.partition_point(|d| d.span.start < span.end);
    let d = dates.get(i).filter(|d| d.span.start <= limit)?;
    let gap = crate::text::get(prose, span.end..d.span.start);
    if leaves_relative_clause(prose, sentence, span, gap) {
        return None;
    }
    // "G20 leaders met in New Delhi on …", "Leaders of the G7 met in …": past the gathering.
    let gap = gathering::after_gathering(crate::text::get(prose, sentence.start..span.start), gap).unwrap_or(gap);
    let own = after_apposition(gap).unwrap_or(gap);
    // "…, the first hosted by Qatar since the AlUla Declaration of January 2021": the date
    // of a name in between is that name's.
    (links(gap) || after_apposition(gap).is_some_and(links))
        .then_some(i)
        .filter(|_| !(names_another_event(own) || gap.len() > 3 && crate::text::dates_a_name(prose, d.span.start)))
}

/// Whether the text before a mention at `at` puts what the sentence tells beside the event:
/// "on the sidelines of (the)", "ahead of".
fn beside(prose: &str, sentence_start: usize, at: usize) -> bool {
    let before = crate::text::get(prose, sentence_start..at).trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .filter(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        .map_or(before, str::trim_end);
    crate::extract::words::GRAMMAR
        .beside_event
        .iter()
        .any(|p| crate::text::ends_with_ignore_case(before, p))
}

/// Whether the mention at `at` is the object of a verb that speaks of a meeting rather
/// than holds it ("announced the summit", "confirming the talks").
fn spoken_of(prose: &str, at: usize) -> bool {
    const STEMS: &[&str] = &["announc", "confirm", "propos", "cancel", "preview", "discuss", "unveil"];
    let before = crate::text::upto(prose, at).trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .filter(|b| b.ends_with(char::is_whitespace))
        .unwrap_or(before);
    let word = crate::text::word_before(before, before.len()).to_ascii_lowercase();
    STEMS.iter().any(|s| word.starts_with(s)) && !word.ends_with("ment") && !word.ends_with("ion")
}

/// "COP29, scheduled for 11-22 November 2024, ran into overtime": words before a date that
/// make it the date an event was planned for, which what happened may rightly differ from.
pub fn planned(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "scheduled" | "planned" | "slated" | "originally" | "initially" | "due"
        )
    })
}

/// True when a stretch of text names another event ("… follows the BRICS summit in Rio
/// on …"): a date after it is that event's.
fn names_another_event(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
        crate::extract::words::GRAMMAR
            .event_heads
            .contains(w.to_ascii_lowercase().as_str())
    })
}

/// "COP21, the 21st Conference of the Parties to the convention, which ran …": a noun
/// phrase set off by commas after a mention names the same thing, so what follows it is
/// still about the mention. The rest of the gap after the apposition, if there is one.
fn after_apposition(gap: &str) -> Option<&str> {
    let inner = gap.strip_prefix(',')?;
    let (phrase, rest) = inner.split_once(',')?;
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first()?.to_ascii_lowercase();
    let verb = |w: &&str| {
        let lower = w.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "said" | "says" | "say" | "is" | "are" | "was" | "were" | "will" | "has" | "have" | "had" | "and" | "or"
        ) || (lower.ends_with("ed") && !w.starts_with(char::is_uppercase))
    };
    (matches!(first.as_str(), "the" | "a" | "an") && words.len() <= 16 && !words.iter().any(verb)).then_some(rest)
}

/// The text of `range` with the dates in it blanked out (same length, same offsets), so
/// that "on Friday and Saturday" does not read as words between a mention and its place.
fn without_dates(cx: &Context<'_>, range: Range<usize>) -> String {
    let mut text = crate::text::get(cx.prose, range.clone()).to_string();
    let first = cx.dates.partition_point(|d| d.span.start < range.start);
    let inside: Vec<&Range<usize>> = cx
        .dates
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|d| d.span.start < range.end)
        .map(|d| &d.span)
        .collect();
    for (k, span) in inside.iter().enumerate() {
        // "on Friday and Saturday": the word joining two dates goes with them.
        let joined = inside.get(k + 1).filter(|next| {
            let between = crate::text::get(cx.prose, span.end..next.start).trim();
            matches!(between, "and" | "or" | "to" | "-" | "–" | "through")
        });
        let end = joined.map_or(span.end, |next| next.start);
        let (a, b) = (span.start - range.start, end.min(range.end) - range.start);
        if let Some(part) = text.get(a..b) {
            let blank = " ".repeat(part.len());
            text.replace_range(a..b, &blank);
        }
    }
    text
}

pub struct Context<'a> {
    pub kb: &'a Kb,
    pub prose: &'a str,
    pub dates: &'a [DateMention],
    pub as_of: NaiveDate,
    /// The as-of date's year is a guess (a dateline without one): a date the text gives
    /// without its year says nothing of the year either.
    pub year_guessed: bool,
    /// The series of the last organisation named ("the Group of 20" → G20 summits).
    pub recent_series: Option<usize>,
    /// The series of organisations named in this sentence: (where, series).
    pub series_here: &'a [(usize, usize)],
}

impl Context<'_> {
    /// The series of the organisation whose name is `hit`, when it has one.
    pub(super) fn series_of(&self, hit: &Hit) -> Option<usize> {
        self.series_here
            .iter()
            .find(|(at, _)| *at == hit.span.start)
            .map(|&(_, series)| series)
    }
}

/// Event mentions in one sentence.
pub fn extract(cx: &Context<'_>, sentence: Range<usize>, hits: &[Hit]) -> Vec<EventMention> {
    let mut out = Vec::new();
    the_summit(cx, &sentence, hits, &mut out);
    owned_summit(cx, &sentence, hits, &mut out);
    out.extend(runoff::unnamed_round(cx, &sentence, hits));
    for (i, hit) in hits.iter().enumerate() {
        // "appointed Babayev as COP29 president in January": the event names an office, and
        // the date is the appointment's. So does "COP29 president-designate", "G20
        // chair-elect".
        let names_a_role = || {
            let after = crate::text::from(
                cx.prose,
                hit.span.end + crate::text::possessive_len(cx.prose, &hit.span),
            );
            let next = after
                .split_whitespace()
                .next()
                .unwrap_or("")
                .split('-')
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase();
            crate::extract::words::GRAMMAR.event_roles.contains(next.as_str())
        };
        for s in &hit.surfaces {
            let mention = match *s {
                Surface::Event(_) | Surface::Series(_) if names_a_role() => None,
                Surface::Event(e) if agreement(cx.kb, e) && !signing_stated(cx.prose, &sentence, &hit.span) => None,
                Surface::Event(e) if election(cx.kb, e) && aftermath_stated(cx.prose, &sentence, &hit.span) => None,
                Surface::Event(e) => Some(named(cx, &sentence, hits, i, e)),
                Surface::Series(series)
                    if election_series(cx.kb, series) && aftermath_stated(cx.prose, &sentence, &hit.span) =>
                {
                    None
                }
                Surface::Series(series) => Some(in_series(cx, &sentence, hits, i, series)),
                Surface::Org(_) => numbered_session_of(cx, &sentence, hits, i)
                    .or_else(|| gathering::of_organisation(cx, &sentence, hits, i)),
                Surface::Country { form, .. } if form != CountryForm::Demonym => visit(cx, &sentence, hits, i),
                Surface::Place(_) => visit(cx, &sentence, hits, i).or_else(|| at_place(cx, &sentence, hits, i)),
                _ => None,
            };
            if let Some(m) = mention {
                out.push(m);
                break;
            }
        }
    }
    out
}

pub(super) fn finish(cx: &Context<'_>, sentence: &Range<usize>, mut m: EventMention) -> EventMention {
    let before = crate::text::get(cx.prose, sentence.start..m.span.start);
    let after = crate::text::get(cx.prose, m.span.end..sentence.end);
    m.tense = tense::around(before, after);
    m.event_id = m
        .event
        .and_then(|e| cx.kb.events.get(e))
        .map(|e| e.id.get_ref().to_string());
    m
}

fn named(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize, event: usize) -> EventMention {
    let hit = &hits[i];
    let date = attached_date(cx.prose, &hit.span, sentence, cx.dates);
    // One name may stand for several events ("Emmanuel Macron's state visit to China"):
    // the one nearest the date the text gives, or else the draft's date.
    let when = date
        .and_then(|d| cx.dates.get(d))
        .and_then(|d| d.start)
        .unwrap_or(cx.as_of);
    let same_name: Vec<usize> = hit
        .surfaces
        .iter()
        .filter_map(|s| match s {
            Surface::Event(e) => Some(*e),
            _ => None,
        })
        .collect();
    let place = attached_place(cx, hits, i, sentence);
    let meetings = same_name
        .iter()
        .all(|&e| cx.kb.events.get(e).is_some_and(|x| x.is_meeting()));
    let event = if meetings {
        // A meeting's name describes it ("talks between Lavrov and Wang Yi in Tunxi"), and
        // copy about another meeting of the two can use the same words: the same rule as for
        // meetings named by their participants, even when one meeting has the name.
        // "talks between Lavrov and Wang Yi in Moscow": a name may carry the place itself.
        let named_place = {
            let text = crate::text::get(cx.prose, hit.span.clone());
            let places: Vec<&str> = same_name
                .iter()
                .filter_map(|&e| cx.kb.events.get(e)?.place.as_deref())
                .collect();
            (places.len() == same_name.len() && places.windows(2).all(|w| w[0] == w[1]))
                .then(|| places.first().copied())
                .flatten()
                .filter(|p| text.contains(p))
                .map(|p| Place::City(p.to_string()))
        };
        resolve_meeting(
            cx.kb,
            &same_name,
            place.as_ref().map(|p| &p.0).or(named_place.as_ref()),
            date.and_then(|d| cx.dates.get(d)),
            false,
        )
    } else if same_name.len() > 1 {
        same_name
            .into_iter()
            .filter_map(|e| Some((e, distance(cx.kb.events.get(e)?, when))))
            .min_by_key(|(_, d)| *d)
            .filter(|(_, d)| *d <= 366)
            .map(|(e, _)| e)
    } else {
        Some(event)
    };
    // "the first CELAC summit held in a member of the OECS": a name that opens with a small
    // ordinal in words and goes on as a description ("held in a …", "in a row") names no
    // one meeting.
    let written = crate::text::get(cx.prose, hit.span.clone());
    let small_word = ORDINAL_AT_START.find(written).is_some_and(|o| {
        !o.as_str().starts_with(|c: char| c.is_ascii_digit())
            && crate::extract::ordinal::value(&o.as_str().to_ascii_lowercase()).is_some_and(|n| n <= 3)
    });
    let event = event.filter(|_| !(small_word && describes(crate::text::from(cx.prose, hit.span.end))));
    let m = EventMention {
        span: hit.span.clone(),
        event,
        event_id: None,
        series: event
            .and_then(|e| cx.kb.events.get(e))
            .and_then(|e| e.series.as_ref())
            .and_then(|s| cx.kb.series_index(s)),
        // A name that carries the ordinal ("21st meeting of the SCO …") states it.
        ordinal: event
            .and_then(|e| cx.kb.events.get(e))
            .and_then(|e| e.ordinal)
            .and_then(|n| {
                let text = crate::text::get(cx.prose, hit.span.clone());
                let len = ORDINAL_AT_START.find(text)?.end();
                Some((n, hit.span.start..hit.span.start + len))
            }),
        place,
        date,
        lead_date: if date.is_none() {
            lead_date(cx, sentence, &hit.span)
        } else {
            None
        },
        tense: Tense::Unknown,
        anaphoric: false,
    };
    finish(cx, sentence, m)
}

/// How many words may stand between a date and a meeting's name after it for the date to
/// tell which meeting is meant.
const LEAD_DATE_WORDS: usize = 6;

/// The date just before a mention, in its clause ("in Johannesburg on Thursday, 24 August,
/// at the close of the 16th BRICS summit"), as an index into the draft's dates.
fn lead_date(cx: &Context<'_>, sentence: &Range<usize>, span: &Range<usize>) -> Option<usize> {
    let i = cx.dates.partition_point(|d| d.span.end <= span.start).checked_sub(1)?;
    let d = cx.dates.get(i)?;
    let gap = crate::text::get(cx.prose, d.span.end..span.start);
    (d.span.start >= sentence.start
        && !d.relative
        && d.is_day()
        && gap.split_whitespace().count() <= LEAD_DATE_WORDS
        && !gap.contains([';', '.', '(', ')'])
        && !names_another_event(gap)
        && !leaves_relative_clause(cx.prose, sentence, &d.span, gap))
    .then_some(i)
}

/// Which meeting of a series the text means. The ordinal decides when given; else a
/// year; else the place, nearest the as-of date. Disagreements between them are left for
/// the checks, which see the ordinal and place the text gave.
fn identify(
    cx: &Context<'_>,
    members: &[usize],
    ordinal: Option<u32>,
    year: Option<i32>,
    place: Option<&Place>,
    date: Option<(NaiveDate, NaiveDate)>,
) -> Option<usize> {
    let kb = cx.kb;
    if let Some(n) = ordinal {
        return members
            .iter()
            .copied()
            .find(|&e| kb.events.get(e).is_some_and(|x| x.ordinal == Some(n)));
    }
    if let Some(y) = year {
        let in_year: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&e| kb.events.get(e).is_some_and(|x| x.start.year() == y))
            .collect();
        // "the Kigali summit in June 2021": no meeting that year, but only one ever held at
        // the place given; the year is what is wrong.
        if in_year.is_empty() {
            let placed: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&e| place.is_some_and(|p| place_matches(kb, e, p)))
                .collect();
            return match placed.as_slice() {
                [only] => Some(*only),
                _ => None,
            };
        }
        if in_year.len() == 1 {
            return in_year.first().copied();
        }
        // Two meetings in one year (an extraordinary one and the regular one): the place
        // given picks, then the date given; still several, none.
        let placed: Vec<usize> = match place {
            Some(p) => in_year.iter().copied().filter(|&e| place_matches(kb, e, p)).collect(),
            None => in_year,
        };
        if placed.len() <= 1 {
            return placed.first().copied();
        }
        let (start, end) = date?;
        let near: Vec<(usize, i64)> = placed
            .iter()
            .filter_map(|&e| {
                let x = kb.events.get(e)?;
                Some((e, distance(x, start).min(distance(x, end))))
            })
            .collect();
        let min = near.iter().map(|n| n.1).min()?;
        let nearest: Vec<usize> = near.iter().filter(|n| n.1 == min).map(|n| n.0).collect();
        return (nearest.len() == 1).then(|| nearest[0]);
    }
    let place = place?;
    members
        .iter()
        .copied()
        .filter(|&e| place_matches(kb, e, place))
        .min_by_key(|&e| {
            kb.events
                .get(e)
                .map_or(i64::MAX, |x| (x.start - cx.as_of).num_days().abs())
        })
}

#[cfg(test)]
mod tests {
    use super::{after_apposition, same_city};

    #[test]
    fn a_city_is_the_same_with_or_without_its_accents() {
        assert!(same_city("Reykjavík", "Reykjavik"));
        assert!(same_city("new delhi", "New Delhi"));
        assert!(!same_city("Reykjavík", "Riyadh"));
    }

    #[test]
    fn saint_is_the_same_however_it_is_shortened() {
        assert!(same_city("Saint Petersburg", "St Petersburg"));
        assert!(same_city("St. Petersburg", "Saint Petersburg"));
        assert!(!same_city("Saint Petersburg", "Petersburg"));
        assert!(!same_city("Stockholm", "Saint ockholm"));
    }

    #[test]
    fn skips_a_noun_phrase_set_off_by_commas() {
        assert_eq!(
            after_apposition(", the 21st Conference of the Parties, which ran in Paris from "),
            Some(" which ran in Paris from ")
        );
        // A clause between commas is not an apposition.
        assert_eq!(after_apposition(", the leaders said, on "), None);
        assert_eq!(after_apposition(", which ran in Paris from "), None);
        assert_eq!(after_apposition(" in Paris from "), None);
    }
}
