//! Mentions of known events: an event's own name, a series name with what identifies the
//! meeting (an ordinal, a year, a place, an attached date), and visits ("Xi's state visit
//! to Russia", "the Chinese leader's visit to Moscow"). The date the text attaches to the
//! mention ("… on 20-21 March 2023") is recorded for the checks to compare.

use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Regex;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::date::DateMention;
use super::tense::{self, Tense};
use crate::kb::surface::{CountryForm, Hit, Surface};
use crate::kb::{Kb, Within};

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

static ORDINAL_DIGITS: LazyLock<crate::pattern::Scanner> =
    LazyLock::new(|| crate::pattern::scanner(r"(?-u:\b)(\d{1,3})(?:st|nd|rd|th)\s+$"));
static ORDINAL_WORDS: LazyLock<crate::pattern::Scanner> = LazyLock::new(|| {
    crate::pattern::scanner(
        r"(?i)(?-u:\b)((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)\s+$",
    )
});
static ORDINAL_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)^(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))(?-u:\b)",
    )
});
static YEAR_BEFORE: LazyLock<crate::pattern::Scanner> =
    LazyLock::new(|| crate::pattern::scanner(r"(?-u:\b)((?:19|20)\d\d)\s+$"));
static VISIT_TO: LazyLock<crate::pattern::Scanner> =
    LazyLock::new(|| crate::pattern::scanner(r"(?i)(?-u:\b)(?:(?:state|official|working)\s+)?visits?\s+to\s+$"));
static VISITOR_DESCRIPTOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^\s+(?P<role>leader|president|head\s+of\s+state|premier|prime\s+minister|chancellor)['’]s\s+(?:(?:state|official|working|first|latest|recent)\s+)*$",
    )
});
/// Between a person and "visit" when the person is the visitor: "Putin paid a state
/// visit to", "Xi will make his first visit to", "Macron began a three-day state visit to".
static VISIT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^\s+(?:(?:will|would|is|was|has|had|to|due|set|expected|also|then|on|arrived|in|for)\s+)*(?:pay|pays|paid|paying|make|makes|made|making|begin|begins|began|beginning|start|starts|started|starting|end|ends|ended|conclude|concludes|concluded|be|on|for)\s+(?:(?:a|an|his|her|the|their|its)\s+)?(?:(?:first|second|third|two-day|three-day|four-day|five-day|landmark|historic|long-awaited)\s+)*$",
    )
});

static POSSESSIVE_VISIT: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^['’]s\s+(?:(?:state|official|working|first|latest|recent)\s+)*$"));
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
/// than number: "the first G20 summit held in Africa", "the second summit in a row", "the
/// first ever".
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
        "to be held in ",
        "in ",
        "on ",
    ]
    .iter()
    .find_map(|p| a.strip_prefix(p));
    place.is_some_and(|rest| REGIONS.iter().any(|r| rest.starts_with(r)))
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
            && !super::words::GRAMMAR.describing_participles.contains(w)
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
        .is_some_and(|o| super::words::GRAMMAR.organisation_nouns.contains(o));
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
    let n = super::ordinal::from_words(c.get(1).map(|x| x.as_str()), c.get(2)?.as_str())?;
    Some((n, from + m.start()..from + m.start() + m.as_str().trim_end().len()))
}

fn place_of(kb: &Kb, hit: &Hit) -> Option<Place> {
    hit.surfaces.iter().find_map(|s| match *s {
        // A capital named as a place is the city, not the whole country.
        Surface::Country {
            country,
            form: CountryForm::Metonym,
        } => {
            let c = kb.countries.get(country)?;
            match &c.capital {
                Some(cap) if c.metonyms.iter().any(|m| m == cap) => Some(Place::City(cap.clone())),
                _ => Some(Place::Country(c.id.get_ref().clone())),
            }
        }
        Surface::Country { country, form } if form != CountryForm::Demonym => kb
            .countries
            .get(country)
            .map(|c| Place::Country(c.id.get_ref().clone())),
        Surface::Place(e) => kb.events.get(e).and_then(|e| e.place.clone()).map(Place::City),
        _ => None,
    })
}

/// The event ids a place can stand for: its city or its country.
pub fn place_matches(kb: &Kb, event: usize, place: &Place) -> bool {
    let Some(e) = kb.events.get(event) else { return false };
    match place {
        Place::Country(c) => e.country.as_deref() == Some(c) || e.host.as_deref() == Some(c),
        Place::City(city) => e.place.as_deref().is_some_and(|p| same_city(p, city)),
    }
}

/// One city however its accents and its "Saint" are written: "Reykjavik", "Reykjavík";
/// "Saint Petersburg", "St Petersburg", "St. Petersburg".
fn same_city(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let folded = crate::spelling::fold(s);
        ["st. ", "st ", "saint "]
            .iter()
            .find_map(|p| folded.strip_prefix(p))
            .map_or(folded.clone(), |rest| format!("saint {rest}"))
    };
    a.eq_ignore_ascii_case(b) || key(a) == key(b)
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
    }
    let limit = clause_end(prose, span.end, sentence.end);
    // The first date starting after the mention, if it starts within the clause.
    let i = dates.partition_point(|d| d.span.start < span.end);
    let d = dates.get(i).filter(|d| d.span.start <= limit)?;
    let gap = crate::text::get(prose, span.end..d.span.start);
    if leaves_relative_clause(prose, sentence, span, gap) {
        return None;
    }
    let own = after_apposition(gap).unwrap_or(gap);
    // "…, the first hosted by Qatar since the AlUla Declaration of January 2021": the date
    // of a name in between is that name's.
    (links(gap) || after_apposition(gap).is_some_and(links))
        .then_some(i)
        .filter(|_| !(names_another_event(own) || gap.len() > 3 && crate::text::dates_a_name(prose, d.span.start)))
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
        super::words::GRAMMAR
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

/// The place the text gives for a mention: a city or country after it in its clause,
/// introduced by "in" or "at", with only linking words between; or one just before it
/// ("the Johannesburg summit").
fn attached_place(cx: &Context<'_>, hits: &[Hit], i: usize, sentence: &Range<usize>) -> Option<(Place, Range<usize>)> {
    let hit = &hits[i];
    if let Some(found) = attached_place_after(cx, hits, i + 1, hit.span.end, sentence) {
        return Some(found);
    }
    let prev = hits.get(i.checked_sub(1)?)?;
    let gap = crate::text::get(cx.prose, prev.span.end..hit.span.start);
    gap.trim()
        .is_empty()
        .then(|| place_of(cx.kb, prev).map(|p| (p, prev.span.clone())))
        .flatten()
}

/// The place given after a mention that ends at `end`, from hit `from` on: a city or country
/// in its clause, introduced by "in" or "at", with only linking words between.
pub(super) fn attached_place_after(
    cx: &Context<'_>,
    hits: &[Hit],
    from: usize,
    end: usize,
    sentence: &Range<usize>,
) -> Option<(Place, Range<usize>)> {
    let limit = clause_end(cx.prose, end, sentence.end);
    for next in hits
        .iter()
        .skip(from)
        .skip_while(|h| h.span.start < end)
        .take_while(|h| h.span.start < limit)
    {
        let gap = without_dates(cx, end..next.span.start);
        let lead = gap.trim_end();
        let introduced = lead.ends_with(" in")
            || lead.ends_with(" at")
            || lead == "in"
            || lead == "at"
            || lead.ends_with(" city of")
            || lead.ends_with(" town of");
        if let Some(p) = place_of(cx.kb, next).filter(|_| introduced && links(&gap)) {
            return Some((p, next.span.clone()));
        }
        if next
            .surfaces
            .iter()
            .any(|s| matches!(s, Surface::Series(_) | Surface::Event(_)))
        {
            break;
        }
    }
    named_city_after(cx, end, limit)
}

/// "… in the port city of Incheon": a city the record does not know, named as a city.
fn named_city_after(cx: &Context<'_>, end: usize, limit: usize) -> Option<(Place, Range<usize>)> {
    static CITY_OF: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(
            r"\bin\s+the\s+(?:[a-z-]+\s+){0,2}(?:city|town)\s+of\s+([A-Z][A-Za-zÀ-ɏ'’-]+(?:\s+(?:(?:de|da|do|dos|das|del|la|le|el|al|es|of)\s+)?[A-Z][A-Za-zÀ-ɏ'’-]+){0,2})",
        )
    });
    let text = without_dates(cx, end..limit);
    let c = CITY_OF.captures(&text)?;
    let (whole, city) = (c.get(0)?, c.get(1)?);
    links(text.get(..whole.start())?).then_some(())?;
    let span = end + city.start()..end + city.end();
    Some((Place::City(city.as_str().to_string()), span))
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
    /// The series of the last organisation named ("the Group of 20" → G20 summits).
    pub recent_series: Option<usize>,
    /// The series of organisations named in this sentence: (where, series).
    pub series_here: &'a [(usize, usize)],
}

/// Event mentions in one sentence.
pub fn extract(cx: &Context<'_>, sentence: Range<usize>, hits: &[Hit]) -> Vec<EventMention> {
    let mut out = Vec::new();
    the_summit(cx, &sentence, hits, &mut out);
    owned_summit(cx, &sentence, hits, &mut out);
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
            super::words::GRAMMAR.event_roles.contains(next.as_str())
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
                Surface::Org(_) => numbered_session_of(cx, &sentence, hits, i),
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

/// "the 15th summit of the BRICS group", "the 37th ordinary session of the African Union":
/// a numbered meeting of an organisation named after it, read as a meeting of the
/// organisation's series.
fn numbered_session_of(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize) -> Option<EventMention> {
    let hit = hits.get(i)?;
    let &(_, series) = cx.series_here.iter().find(|(at, _)| *at == hit.span.start)?;
    // "the 23rd meeting of the Shanghai Cooperation Organisation's Council of Heads of
    // Government": a body of the organisation, with meetings numbered of its own.
    if crate::text::possessive_len(cx.prose, &hit.span) > 0 {
        return None;
    }
    let prev_end = i
        .checked_sub(1)
        .and_then(|p| hits.get(p))
        .map_or(sentence.start, |p| p.span.end.max(sentence.start));
    ordinal_before(cx.prose, prev_end, hit.span.start)?;
    let before = crate::text::get(cx.prose, prev_end..hit.span.start);
    session_of(before.strip_suffix("the ").unwrap_or(before))?;
    Some(in_series(cx, sentence, hits, i, series))
}

fn agreement(kb: &Kb, event: usize) -> bool {
    kb.events.get(event).is_some_and(|e| e.is_agreement())
}

fn election(kb: &Kb, event: usize) -> bool {
    kb.events.get(event).is_some_and(|e| e.is_election())
}

/// A series of elections: its events are elections.
fn election_series(kb: &Kb, series: usize) -> bool {
    kb.series_events(series).any(|(_, e)| e.is_election())
}

/// "was declared the winner of Mexico's presidential election on 8 July", "the election
/// results were announced on 6 June": a word of what came after polling day (see
/// `aftermath_words`) before the election's name in its sentence, or between the name and
/// the next comma or number. The date is then that later day's.
fn aftermath_stated(prose: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    let from = crate::text::floor_char_boundary(prose, span.start.saturating_sub(SIGNING_REACH).max(sentence.start));
    let rest = crate::text::get(prose, span.end..sentence.end);
    let to = span.end
        + rest
            .find(|c: char| c == ',' || c == ';' || c.is_ascii_digit())
            .unwrap_or(rest.len());
    has_word_of(
        crate::text::get(prose, from..span.start),
        &super::words::GRAMMAR.aftermath_words,
    ) || has_word_of(
        crate::text::get(prose, span.end..to),
        &super::words::GRAMMAR.aftermath_words,
    )
}

/// Whether `text` holds a word (letters and hyphens, compared lowercased) of `set`.
fn has_word_of(text: &str, set: &std::collections::HashSet<String>) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| !w.is_empty() && set.contains(w.to_ascii_lowercase().as_str()))
}

/// How far around an agreement's name a verb of signing is looked for, in bytes.
const SIGNING_REACH: usize = 60;

/// "The Pretoria agreement was signed on …", "signed the Abraham Accords on …": a verb of
/// signing (see `signing_verbs`) near the agreement's name, in its sentence. Without one,
/// a date near the name is some other day in the agreement's life ("withdrew from it in May
/// 2018"), and the name dates nothing.
fn signing_stated(prose: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    let from = crate::text::floor_char_boundary(prose, span.start.saturating_sub(SIGNING_REACH).max(sentence.start));
    let to = crate::text::floor_char_boundary(prose, (span.end + SIGNING_REACH).min(sentence.end));
    let words: Vec<String> = crate::text::get(prose, from..to)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    // "signed the protocol for Britain to join the CPTPP on Sunday": what was signed is a
    // step in the agreement's later life (see `later_instruments`), not the agreement.
    let later = &super::words::GRAMMAR.later_instruments;
    if has_word_of(crate::text::get(prose, from..span.start), later)
        || has_word_of(crate::text::get(prose, span.end..to), later)
    {
        return false;
    }
    // "agreed in principle on 30 September": a step before the agreement, not its day.
    words.iter().enumerate().any(|(k, w)| {
        super::words::GRAMMAR.signing_verbs.contains(w.as_str())
            && !(words.get(k + 1).is_some_and(|n| n == "in")
                && words
                    .get(k + 2)
                    .is_some_and(|n| matches!(n.as_str(), "principle" | "outline")))
    })
}

pub(super) fn finish(cx: &Context<'_>, sentence: &Range<usize>, mut m: EventMention) -> EventMention {
    let before = crate::text::get(cx.prose, sentence.start..m.span.start);
    let after = crate::text::get(cx.prose, m.span.end..sentence.end);
    m.tense = tense::around(before, after);
    m.event_id = m
        .event
        .and_then(|e| cx.kb.events.get(e))
        .map(|e| e.id.get_ref().clone());
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

/// "The Hangzhou summit": a known city followed by "summit" (or "meeting", "conference")
/// names the event held there nearest the date the text gives, or the draft's date.
/// Whether copy calls the event a summit: its name or its series' does not make it a forum,
/// a dialogue or a conference ("the New Delhi summit" is no Raisina Dialogue).
fn called_summit(kb: &Kb, e: &crate::kb::model::Event) -> bool {
    let series = e.series.as_deref().and_then(|id| kb.series.get(kb.series_index(id)?));
    let names = std::iter::once(&e.name).chain(series.into_iter().flat_map(|s| s.names.iter()));
    let mut other = false;
    for n in names {
        let n = n.to_ascii_lowercase();
        if n.contains("summit") {
            return true;
        }
        other |= ["forum", "dialogue", "conference"].iter().any(|w| n.contains(w));
    }
    !other
}

fn at_place(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize) -> Option<EventMention> {
    static NOUN: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::compile(r"^\s+(?:summit|meeting|conference|talks)(?-u:\b)"));
    let hit = &hits[i];
    let noun = NOUN.find(crate::text::from(cx.prose, hit.span.end))?;
    let summit = noun.as_str().trim_start().eq_ignore_ascii_case("summit");
    let span = hit.span.start..hit.span.end + noun.end();
    let Some(Place::City(city)) = place_of(cx.kb, hit) else {
        return None;
    };
    let date = attached_date(cx.prose, &span, sentence, cx.dates);
    let when = date
        .and_then(|d| cx.dates.get(d))
        .and_then(|d| d.start)
        .unwrap_or(cx.as_of);
    // "the 2023 Johannesburg summit": the year written before the city is the meeting's.
    let prev_end = i
        .checked_sub(1)
        .map_or(sentence.start, |p| hits[p].span.end.max(sentence.start));
    let year = YEAR_BEFORE
        .captures(crate::text::get(cx.prose, prev_end..hit.span.start))
        .and_then(|c| c.get(1)?.as_str().parse::<i32>().ok());
    let in_year = |e: &crate::kb::model::Event| year.is_none_or(|y| e.start.year() == y);
    // "Commonwealth leaders … since the Kigali summit": the one meeting of the series the
    // story is about held in that city, whenever it was; else the meeting held there
    // within a year of the date given.
    let in_context = cx
        .series_here
        .iter()
        .map(|&(_, series)| series)
        .chain(cx.recent_series)
        .find_map(|series| {
            let mut there = cx
                .kb
                .series_events(series)
                .filter(|(_, e)| e.place.as_deref().is_some_and(|p| same_city(p, &city)) && in_year(e));
            match (there.next(), there.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        });
    let nearest = || {
        let lo = cx.dates.partition_point(|d| d.span.start < sentence.start);
        let hi = cx.dates.partition_point(|d| d.span.start < sentence.end).max(lo);
        let days_in_sentence: Vec<NaiveDate> = cx.dates[lo..hi]
            .iter()
            .filter(|d| d.is_day())
            .filter_map(|d| d.start)
            .collect();
        cx.kb
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                // Meetings are told apart by who met (see `meeting`), not by the city alone;
                // "the Chequers talks" are no agreement signed there, nor an election.
                e.kind.as_deref() != Some("visit")
                    && !e.is_meeting()
                    && !e.is_agreement()
                    && !e.is_election()
                    && e.place.as_deref().is_some_and(|p| same_city(p, &city))
                    && in_year(e)
                    && (!summit || called_summit(cx.kb, e))
            })
            // "adopted on 9 September 2023, on the first day of the New Delhi summit": a
            // meeting there on a day the sentence gives is the one meant.
            .map(|(i, e)| {
                (
                    i,
                    distance(e, when),
                    !days_in_sentence.iter().any(|&d| distance(e, d) == 0),
                )
            })
            .filter(|&(_, d, elsewhere)| d <= 366 || year.is_some() || !elsewhere)
            .min_by_key(|&(_, d, elsewhere)| (elsewhere, d))
            .map(|(i, _, _)| i)
    };
    let event = in_context.or_else(nearest)?;
    let series = cx
        .kb
        .events
        .get(event)
        .and_then(|e| e.series.as_ref())
        .and_then(|s| cx.kb.series_index(s));
    let m = EventMention {
        span,
        event: Some(event),
        event_id: None,
        series,
        ordinal: None,
        place: None,
        date,
        lead_date: None,
        tense: Tense::Unknown,
        anaphoric: false,
    };
    Some(finish(cx, sentence, m))
}

/// "The summit" refers back: to the last known event named just before, or to the meeting
/// of the last organisation named nearest the date the text gives or the draft's date.
/// "… 37th ordinary session of ": the text before "of" when a session of a body's regular
/// series stands between an ordinal and the body's name. Extraordinary sessions are numbered
/// apart and are not read.
fn session_of(before: &str) -> Option<&str> {
    let rest = before.trim_end().strip_suffix(" of")?.trim_end();
    let (rest, noun) = rest.rsplit_once(char::is_whitespace)?;
    if !matches!(
        noun.to_ascii_lowercase().as_str(),
        "session" | "summit" | "meeting" | "edition" | "conference"
    ) {
        return None;
    }
    let rest = rest.trim_end();
    let rest = ["ordinary", "regular", "annual"]
        .iter()
        .find_map(|a| {
            let (r, w) = rest.rsplit_once(char::is_whitespace)?;
            w.eq_ignore_ascii_case(a).then_some(r)
        })
        .unwrap_or(rest);
    // The ordinal patterns read a space after the ordinal.
    let space = crate::text::from(before, rest.len()).chars().next()?;
    before.get(..rest.len() + space.len_utf8())
}

fn the_summit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], out: &mut Vec<EventMention>) {
    // "the summit", "the bloc's 23rd summit", "the Economic Leaders' Meeting": a meeting of
    // the organisation named last, identified by the ordinal, date or place given with it.
    static THE_SUMMIT: LazyLock<crate::pattern::Scanner> = LazyLock::new(|| {
        crate::pattern::scanner(
            r"(?-u:\b)[Tt]he\s+(?P<owner>(?:bloc|group|grouping|alliance|organisation|organization)['’]s\s+)?(?P<word>[0-9A-Za-z-]+\s+)?(?:(?:(?:one|two|three|four|five|\d)-day|annual|recent|latest|landmark|high-level|extraordinary|emergency|virtual)\s+)?(?P<head>summit|[Ll]eaders['’]\s+(?:[Ss]ummit|[Mm]eeting)|Economic\s+Leaders['’]\s+Meeting)(?-u:\b)",
        )
    });
    let text = crate::text::get(cx.prose, sentence.clone());
    for c in THE_SUMMIT.captures_iter(text) {
        let (Some(m), Some(head)) = (c.get(0), c.name("head")) else {
            continue;
        };
        let span = sentence.start + m.start()..sentence.start + m.end();
        if hits
            .iter()
            .any(|h| h.span.start < span.end + 2 && span.start < h.span.end + 2)
        {
            continue; // part of a named event ("the summit of BRICS leaders")
        }
        let head_start = sentence.start + head.start();
        let date = attached_date(cx.prose, &span, sentence, cx.dates);
        let first_after = hits.partition_point(|h| h.span.start < span.end);
        let place = attached_place_after(cx, hits, first_after, span.end, sentence);
        // "the first summit held in Africa" describes; a small ordinal in words numbers
        // nothing unless a place pins it.
        let ordinal = ordinal_before(cx.prose, span.start, head_start).filter(|(n, r)| {
            place.is_some() || *n > 3 || crate::text::get(cx.prose, r.clone()).starts_with(|c: char| c.is_ascii_digit())
        });
        // A word before the head other than an ordinal ("the next summit", "the Bali
        // summit") names some other meeting.
        let describes = c.name("word").is_some_and(|w| {
            let w = w.as_str().trim_end().to_ascii_lowercase();
            !(w.ends_with("-day")
                || [
                    "annual",
                    "recent",
                    "latest",
                    "landmark",
                    "high-level",
                    "extraordinary",
                    "emergency",
                    "virtual",
                    "economic",
                ]
                .contains(&w.as_str()))
        });
        if describes && ordinal.is_none() {
            continue;
        }
        let named_before = cx
            .series_here
            .iter()
            .rev()
            .find(|(at, _)| *at < span.start)
            .map(|&(_, series)| series);
        let Some(series) = named_before.or(cx.recent_series) else {
            continue;
        };
        let members = || cx.kb.series_events(series);
        let written = date.and_then(|d| cx.dates.get(d));
        let when = written.and_then(|d| d.start);
        // The days the date covers ("in 2005" is the whole year), moved by `shift` years:
        // the meeting nearest them, within two months.
        let length = written
            .and_then(|d| Some((d.end? - d.start?).num_days()))
            .unwrap_or(0)
            .max(0)
            .unsigned_abs();
        let nearest = |day: NaiveDate| {
            let last = day + chrono::Days::new(length);
            members()
                .map(|(i, e)| {
                    let end = e.end.unwrap_or(e.start);
                    let gap = if end < day || e.start > last {
                        distance(e, day).min(distance(e, last))
                    } else {
                        0
                    };
                    (i, gap)
                })
                .filter(|(_, d)| *d <= 60)
                .min_by_key(|(_, d)| *d)
        };
        // The ordinal numbers a meeting only of an organisation named in this sentence or
        // referred to right there ("the bloc's 23rd summit").
        let owned = named_before.is_some() || c.name("owner").is_some();
        let event = if let (Some((n, _)), true) = (&ordinal, owned) {
            members().find(|(_, e)| e.ordinal == Some(*n)).map(|(i, _)| i)
        } else if let Some(when) = when {
            // A date written without its year could be a year either side: a meeting of
            // the series nearer that day then makes it ambiguous.
            let (picked, gap) = nearest(when).unzip();
            let shifted = |k: i32| when.with_year(when.year() + k).and_then(nearest).map(|(_, d)| d);
            // A month has no day to be nearer by: any meeting a year off is as likely.
            let by_day = written.is_some_and(|d| d.is_day());
            let ambiguous = written.is_some_and(|d| !d.year_written)
                && [-1, 1]
                    .iter()
                    .any(|&k| shifted(k).is_some_and(|d| !by_day || gap.is_some_and(|g| d < g)));
            // An ordinal given that is not the meeting's own says another series is meant.
            let numbered_elsewhere = |i: usize| {
                ordinal
                    .as_ref()
                    .is_some_and(|(n, _)| cx.kb.events.get(i).is_some_and(|e| e.ordinal != Some(*n)))
            };
            // "will host the summit in November": a meeting already past is not the one meant.
            let future = tense::around(
                crate::text::get(cx.prose, sentence.start..span.start),
                crate::text::get(cx.prose, span.end..sentence.end),
            ) == Tense::Future;
            let past = |i: usize| cx.kb.events.get(i).is_some_and(|e| e.end.unwrap_or(e.start) < cx.as_of);
            picked.filter(|&i| !(ambiguous || numbered_elsewhere(i) || future && past(i)))
        } else {
            None
        };
        let Some(event) = event else { continue };
        let mention = EventMention {
            span,
            event: Some(event),
            event_id: None,
            series: Some(series),
            ordinal,
            place,
            date,
            lead_date: None,
            tense: Tense::Unknown,
            anaphoric: true,
        };
        out.push(finish(cx, sentence, mention));
    }
}

/// "the Arab League's 32nd summit", "ASEAN's 46th summit": a meeting numbered by the
/// organisation named right before it, in the possessive.
fn owned_summit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], out: &mut Vec<EventMention>) {
    static NUMBERED: LazyLock<crate::pattern::Scanner> = LazyLock::new(|| {
        crate::pattern::scanner(
            r"^\s+(?P<ord>[0-9]{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?)\s+(?:(?:annual|ordinary|regular)\s+)?summit(?-u:\b)",
        )
    });
    for hit in hits {
        let Some(&(_, series)) = cx.series_here.iter().find(|(at, _)| *at == hit.span.start) else {
            continue;
        };
        let owned = crate::text::possessive_len(cx.prose, &hit.span);
        if owned == 0 {
            continue;
        }
        let after = hit.span.end + owned;
        let Some(c) = NUMBERED.captures(crate::text::from(cx.prose, after)) else {
            continue;
        };
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        let word = ord.as_str().to_ascii_lowercase();
        let n = super::ordinal::value(&word);
        // A small ordinal in words ("its first summit in Africa") describes.
        let Some(n) = n.filter(|&n| n > 3 || word.starts_with(|c: char| c.is_ascii_digit())) else {
            continue;
        };
        let span = hit.span.start..after + m.end();
        if span.end > sentence.end {
            continue;
        }
        let ord_span = after + ord.start()..after + ord.end();
        let event = cx
            .kb
            .series_events(series)
            .find(|(_, e)| e.ordinal == Some(n))
            .map(|(i, _)| i);
        let first_after = hits.partition_point(|h| h.span.start < span.end);
        let mention = EventMention {
            place: attached_place_after(cx, hits, first_after, span.end, sentence),
            date: attached_date(cx.prose, &span, sentence, cx.dates),
            span,
            event,
            event_id: None,
            series: Some(series),
            ordinal: Some((n, ord_span)),
            lead_date: None,
            tense: Tense::Unknown,
            anaphoric: false,
        };
        out.push(finish(cx, sentence, mention));
    }
}

/// Days between a day and an event (0 inside it).
pub(super) fn distance(e: &crate::kb::model::Event, day: NaiveDate) -> i64 {
    let end = e.end.unwrap_or(e.start);
    if day < e.start {
        (e.start - day).num_days()
    } else if day > end {
        (day - end).num_days()
    } else {
        0
    }
}

fn in_series(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize, series: usize) -> EventMention {
    let hit = &hits[i];
    let prev_end = if i > 0 {
        hits[i - 1].span.end.max(sentence.start)
    } else {
        sentence.start
    };
    let mut ordinal = ordinal_before(cx.prose, prev_end, hit.span.start);
    let place = attached_place(cx, hits, i, sentence);
    // "the first G20 summit held on African soil", "the second summit in a row": a small
    // ordinal in words describes rather than numbers, unless a place pins it.
    let small_word = ordinal.as_ref().is_some_and(|(n, r)| {
        *n <= 3 && !crate::text::get(cx.prose, r.clone()).starts_with(|c: char| c.is_ascii_digit())
    });
    if small_word && (place.is_none() || describes(crate::text::from(cx.prose, hit.span.end))) {
        ordinal = None;
    }
    let mut span = hit.span.clone();
    if let Some((_, r)) = &ordinal {
        span.start = r.start;
    }
    // A date just before the ordinal ("on 15 February at the 37th ordinary session") is the
    // mention's too.
    let date = attached_date(cx.prose, &hit.span, sentence, cx.dates).or_else(|| {
        (span.start < hit.span.start)
            .then(|| attached_date(cx.prose, &span, sentence, cx.dates))
            .flatten()
    });
    let year = YEAR_BEFORE
        .captures(crate::text::get(cx.prose, prev_end..span.start))
        .and_then(|c| c.get(1)?.as_str().parse::<i32>().ok());
    let members: Vec<usize> = cx.kb.series_events(series).map(|(i, _)| i).collect();
    // For telling which meeting is meant, any date in the clause will do, even one the
    // text does not tie to the mention closely enough to compare.
    let limit = clause_end(cx.prose, span.end, sentence.end);
    let clause_date = date.and_then(|d| cx.dates.get(d)).or_else(|| {
        cx.dates
            .iter()
            .skip(cx.dates.partition_point(|d| d.span.start < span.end))
            .take_while(|d| d.span.start <= limit)
            .find(|d| d.span.end <= limit)
            .filter(|d| {
                let gap = crate::text::get(cx.prose, span.end..d.span.start);
                // "the first G20 summit on the continent since the New Delhi summit in
                // September 2023": a date after another event's name is that event's.
                !leaves_relative_clause(cx.prose, sentence, &span, gap) && !names_another_event(gap)
            })
    });
    // "landed on Saturday, 30 August, for the SCO summit": a date just before the mention,
    // in its clause, tells which meeting is meant too, though it is not compared with it.
    let lead_date = if clause_date.is_none() {
        lead_date(cx, sentence, &span)
    } else {
        None
    };
    let clause_date = clause_date.or_else(|| lead_date.and_then(|i| cx.dates.get(i)));
    let date_year = clause_date.and_then(|d| d.start).map(|d| d.year());
    // "the next BRICS summit": the first meeting after the draft's date, whatever date or
    // place the text then gives it; not "the next summit hosted by Canada", nor "the last
    // summit …", which is as often the last of some kind.
    let step = crate::text::get(cx.prose, prev_end..span.start)
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let restricted = crate::text::from(cx.prose, span.end)
        .split_whitespace()
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("hosted"));
    let stepped = match (step.as_deref(), &ordinal, year) {
        (Some("next" | "upcoming"), None, None) if !restricted => members
            .iter()
            .copied()
            .filter(|&e| cx.kb.events.get(e).is_some_and(|x| x.start > cx.as_of))
            .min_by_key(|&e| cx.kb.events.get(e).map(|x| x.start)),
        _ => None,
    };
    let event = stepped.or_else(|| {
        identify(
            cx,
            &members,
            ordinal.as_ref().map(|o| o.0),
            year.or(date_year),
            place.as_ref().map(|p| &p.0),
            clause_date.and_then(|d| Some((d.start?, d.end?))),
        )
    });
    let m = EventMention {
        span,
        event,
        event_id: None,
        series: Some(series),
        ordinal,
        place,
        date,
        lead_date,
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

/// "<visitor>'s state visit to <country>": the visitor is a person named with a
/// possessive, or a descriptor ("the Chinese leader's") resolved to the office holder.
fn visit(cx: &Context<'_>, sentence: &Range<usize>, hits: &[Hit], i: usize) -> Option<EventMention> {
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
    let visitor_id = cx.kb.people.get(visitor)?.id.get_ref().clone();
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
