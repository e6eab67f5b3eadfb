//! Dates in the forms news copy uses: `14 April 2023`, `April 14, 2023`, `2023-04-14`,
//! `14/04/2023` (with a configured order), ranges within and across months (`20-21 March`,
//! `30 March–2 April 2023`), a leading weekday, month-level dates (`March 2023`,
//! `mid-March`, `in May`) and relative dates (`yesterday`, `last Tuesday`, `on Friday`).
//!
//! Extraction is two steps: `find` reads what the text says, with the year left open where
//! the text leaves it open; `resolve` fixes years and relative dates against the as-of date.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{Captures, Regex};
use serde::Serialize;

use super::tense::Tense;

/// Day-month or month-day order for numeric dates such as `04/05/2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumericOrder {
    /// Read a numeric date only where one reading is impossible.
    #[default]
    Unknown,
    DayMonth,
    MonthDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    /// Part of a month: `early March`, `mid-March`, `late March`.
    PartOfMonth,
    Month,
    /// A year alone: `in 2004`.
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    DayFirst,
    MonthFirst,
    Iso,
    Numeric,
    Relative,
}

/// How the draft wrote a date, so that a correction can be written the same way.
#[derive(Debug, Clone, Serialize)]
pub struct Style {
    pub order: Order,
    /// The month as written for the first month (`March`, `Mar.`).
    pub month_abbrev: bool,
    pub month_dot: bool,
    /// The range separator as written (`-`, `–`, ` to `).
    pub separator: String,
    pub year_written: bool,
}

/// What the text says, before years and relative dates are resolved.
#[derive(Debug, Clone)]
struct Raw {
    span: Range<usize>,
    start: (Option<i32>, u32, u32),
    end: Option<(Option<i32>, u32, u32)>,
    precision: Precision,
    part: Option<Part>,
    weekday: Option<(Weekday, Range<usize>)>,
    style: Style,
    relative: Option<Relative>,
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy)]
enum Relative {
    Offset(i64),
    Last(Weekday),
    Next(Weekday),
    This(Weekday),
    /// "on Friday": the nearest such day in the direction the sentence's tense points.
    Bare(Weekday),
    /// "four years ago": the year that many years before the as-of date.
    YearsAgo(i32),
}

/// A date found in a draft, resolved.
#[derive(Debug, Clone, Serialize)]
pub struct DateMention {
    pub span: Range<usize>,
    pub text: String,
    /// First and last day meant (inclusive). `None` when the date does not exist.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Precision,
    pub is_range: bool,
    pub year_written: bool,
    pub relative: bool,
    /// A weekday written with the date, and its span.
    pub weekday: Option<(String, Range<usize>)>,
    /// Why the date does not exist (`April has 30 days`).
    pub impossible: Option<String>,
    #[serde(skip)]
    pub style: Style,
}

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAYS: &str =
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun";
const SEP: &str = r"(?P<sep>\s*[-–—]\s*|\s+(?:to|and|until|till|through)\s+)";

fn m(n: u8) -> String {
    format!(r"(?P<m{n}>{MONTHS})(?-u:\b)(?P<dot{n}>\.)?")
}
fn d(n: u8) -> String {
    format!(r"(?P<d{n}>[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b)")
}
fn y(n: u8) -> String {
    format!(r"(?P<y{n}>(?:1[89]|20)\d\d)(?-u:\b)")
}
fn wd() -> String {
    format!(r"(?:(?P<wd>{WEEKDAYS})(?-u:\b)\.?,?\s+(?:the\s+)?)?")
}

enum Shape {
    DayFirst,
    MonthFirst,
    Iso,
    Numeric,
    MonthYear,
    MonthAlone,
    YearAlone,
    YearsAgo,
    Relative,
}

static PATTERNS: LazyLock<Vec<(Regex, Shape)>> = LazyLock::new(|| {
    let between = r"(?P<between>(?-u:\b)between\s+)?";
    let specs: Vec<(String, Shape)> = vec![
        // 30 March – 2 April 2023; 30 December 2022 – 2 January 2023
        (
            format!(
                r"(?-u:\b){between}{}{}\s+{}(?:,?\s+{})?{SEP}{}\s+{}(?:,?\s+{})?",
                wd(),
                d(1),
                m(1),
                y(1),
                d(2),
                m(2),
                y(2)
            ),
            Shape::DayFirst,
        ),
        // 20-21 March 2023
        (
            format!(
                r"(?-u:\b){between}{}{}{SEP}{}\s+(?:of\s+)?{}(?:,?\s+{})?",
                wd(),
                d(1),
                d(2),
                m(1),
                y(1)
            ),
            Shape::DayFirst,
        ),
        // 14 April 2023, Friday 14 April, the 14th of April
        (
            format!(r"(?-u:\b){}{}\s+(?:of\s+)?{}(?:,?\s+{})?", wd(), d(1), m(1), y(1)),
            Shape::DayFirst,
        ),
        // March 30 – April 2, 2023
        (
            format!(
                r"(?-u:\b){between}{}{}\s+{}{SEP}{}\s+{}(?:,?\s+{})?",
                wd(),
                m(1),
                d(1),
                m(2),
                d(2),
                y(2)
            ),
            Shape::MonthFirst,
        ),
        // March 20-22, 2023
        (
            format!(r"(?-u:\b){between}{}{}\s+{}{SEP}{}(?:,?\s+{})?", wd(), m(1), d(1), d(2), y(1)),
            Shape::MonthFirst,
        ),
        // April 14, 2023
        (
            format!(r"(?-u:\b){}{}\s+{}(?:,?\s+{})?", wd(), m(1), d(1), y(1)),
            Shape::MonthFirst,
        ),
        (r"(?-u:\b)(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})(?-u:\b)".to_string(), Shape::Iso),
        (
            r"(?-u:\b)(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y1>\d{4})(?-u:\b)".to_string(),
            Shape::Numeric,
        ),
        // mid-March 2023, March 2023
        (
            format!(
                r"(?-u:\b)(?:(?P<part>early|mid|late|Early|Mid|Late)[-\s]+)?{},?\s+{}",
                m(1),
                y(1)
            ),
            Shape::MonthYear,
        ),
        // mid-March; in May
        (
            r"(?-u:\b)(?:(?P<part>early|mid|late|Early|Mid|Late)[-\s]+|(?:in|since|until|by|during|through|before|after|from|In|Since|Until|By|During)\s+)(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)".to_string(),
            Shape::MonthAlone,
        ),
        // in 2004 (not "in 2004-05", "in the 1990s")
        (
            r"(?-u:\b)(?:in|during|In|During)\s+(?P<y1>(?:19|20)\d\d)(?-u:\b)(?P<tail>[-/.,]?\d|s(?-u:\b))?".to_string(),
            Shape::YearAlone,
        ),
        (
            r"(?-u:\b)(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|[1-9][0-9]?)\s+years\s+(?:ago|earlier)(?-u:\b)".to_string(),
            Shape::YearsAgo,
        ),
        (
            r"(?-u:\b)(?P<rel>yesterday|today|tomorrow|Yesterday|Today|Tomorrow|(?:last|next|this|Last|Next|This)\s+(?P<rwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on|On)\s+(?P<bwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?-u:\b)".to_string(),
            Shape::Relative,
        ),
    ];
    specs
        .into_iter()
        .filter_map(|(p, s)| Regex::new(&p).ok().map(|r| (r, s)))
        .collect()
});

/// "August", "Aug": a month's name as copy writes it.
pub fn is_month(word: &str) -> bool {
    MONTH_NAMES
        .iter()
        .any(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect();
    let n = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == key)?;
    Some(n as u32 + 1)
}

pub fn weekday_from(name: &str) -> Option<Weekday> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    Some(match key.as_str() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn parse(prose: &str, c: &Captures<'_>, shape: &Shape, order: NumericOrder) -> Option<Raw> {
    let whole = c.get(0)?;
    // "3 September." ends a sentence: the full stop is not an abbreviation's.
    let full_month_dot = ["m1", "m2"].iter().any(|m| {
        let dot = if *m == "m1" { "dot1" } else { "dot2" };
        c.name(m).is_some_and(|x| x.as_str().len() > 4) && c.name(dot).is_some_and(|d| d.end() == whole.end())
    });
    // "Feb 32.9", "March 5,000": a number that goes on is not a day.
    let mut next = crate::text::from(prose, whole.end()).chars();
    if matches!(next.next(), Some('.' | ',')) && next.next().is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    if [num(c, "d1"), num(c, "d2")].into_iter().flatten().any(|d| d > 31) {
        return None;
    }
    let mut span = whole.range();
    if full_month_dot {
        span.end -= 1;
    }
    if let Some(b) = c.name("between") {
        span.start = b.end();
    }
    let sep = c.name("sep").map(|s| s.as_str().to_string());
    if sep.as_deref().is_some_and(|s| s.trim() == "and") && c.name("between").is_none() {
        return None; // "5 and 6 May" names two days, not a range
    }
    let weekday = c.name("wd").and_then(|w| Some((weekday_from(w.as_str())?, w.range())));
    let year1 = num(c, "y1").map(|v| v as i32);
    let year2 = num(c, "y2").map(|v| v as i32);
    let m1 = c.name("m1");
    let style = |order| Style {
        order,
        month_abbrev: m1.is_some_and(|m| m.as_str().len() <= 4 && m.as_str() != "June" && m.as_str() != "July"),
        month_dot: c.name("dot1").is_some(),
        separator: sep.clone().unwrap_or_else(|| "-".to_string()),
        year_written: year1.is_some() || year2.is_some(),
    };
    let part = c.name("part").map(|p| match p.as_str().to_lowercase().as_str() {
        "early" => Part::Early,
        "mid" => Part::Mid,
        _ => Part::Late,
    });
    let raw = |start, end, precision, style| Raw {
        span: span.clone(),
        start,
        end,
        precision,
        part,
        weekday: weekday.clone(),
        style,
        relative: None,
    };
    match shape {
        Shape::DayFirst | Shape::MonthFirst => {
            let mo1 = month_number(m1?.as_str())?;
            let mo2 = c.name("m2").and_then(|m| month_number(m.as_str()));
            let d1 = num(c, "d1")?;
            let d2 = num(c, "d2");
            let order = if matches!(shape, Shape::DayFirst) {
                Order::DayFirst
            } else {
                Order::MonthFirst
            };
            let (y_start, y_end) = match (year1, year2) {
                (Some(a), Some(b)) => (Some(a), Some(b)),
                (Some(a), None) => (Some(a), Some(a)),
                (None, Some(b)) => {
                    // "30 December – 2 January 2023": the start is in the year before.
                    let back = mo2.is_some_and(|m2| m2 < mo1);
                    (Some(if back { b - 1 } else { b }), Some(b))
                }
                (None, None) => (None, None),
            };
            let end = d2.map(|d2| (y_end, mo2.unwrap_or(mo1), d2));
            Some(raw((y_start, mo1, d1), end, Precision::Day, style(order)))
        }
        Shape::Iso => {
            let (yy, mm, dd) = (year1?, num(c, "m1")?, num(c, "d1")?);
            // 2023-13-01 is a typo for a date; 1234-56-78 is not a date at all.
            let typo = (1800..=2100).contains(&yy) && mm <= 19 && (1..=31).contains(&dd);
            if !(1..=12).contains(&mm) && !typo {
                return None;
            }
            Some(raw((Some(yy), mm, dd), None, Precision::Day, style(Order::Iso)))
        }
        Shape::Numeric => {
            let (a, b) = (num(c, "a")?, num(c, "b")?);
            let (dd, mm) = match order {
                NumericOrder::DayMonth => (a, b),
                NumericOrder::MonthDay => (b, a),
                NumericOrder::Unknown if a > 12 && b <= 12 => (a, b),
                NumericOrder::Unknown if b > 12 && a <= 12 => (b, a),
                NumericOrder::Unknown => return None,
            };
            if !(1..=12).contains(&mm) {
                return None;
            }
            Some(raw((year1, mm, dd), None, Precision::Day, style(Order::Numeric)))
        }
        Shape::YearsAgo => {
            let n = c.name("n")?.as_str().to_ascii_lowercase();
            let n = n.as_str();
            const WORDS: [&str; 11] = [
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            ];
            let years = WORDS
                .iter()
                .position(|w| *w == n)
                .map_or_else(|| n.parse().ok(), |i| Some(i as i32 + 2))?;
            let mut r = raw((None, 1, 1), None, Precision::Year, style(Order::Relative));
            r.relative = Some(Relative::YearsAgo(years));
            Some(r)
        }
        Shape::YearAlone => {
            if c.name("tail").is_some() {
                return None;
            }
            let y = c.name("y1")?;
            let mut r = raw((year1, 1, 1), None, Precision::Year, style(Order::DayFirst));
            r.span = y.range();
            Some(r)
        }
        Shape::MonthYear | Shape::MonthAlone => {
            let mo = month_number(m1?.as_str())?;
            let mut r = raw(
                (year1, mo, 1),
                None,
                if part.is_some() {
                    Precision::PartOfMonth
                } else {
                    Precision::Month
                },
                style(Order::DayFirst),
            );
            if matches!(shape, Shape::MonthAlone) && part.is_none() {
                r.span = m1?.range(); // "in May": the date is the month, not the preposition
            }
            Some(r)
        }
        Shape::Relative => {
            let rel = c.name("rel")?.as_str().to_lowercase();
            let relative = if let Some(w) = c.name("rwd").and_then(|w| weekday_from(w.as_str())) {
                match rel.split_whitespace().next() {
                    Some("last") => Relative::Last(w),
                    Some("next") => Relative::Next(w),
                    _ => Relative::This(w),
                }
            } else if let Some(w) = c.name("bwd").and_then(|w| weekday_from(w.as_str())) {
                Relative::Bare(w)
            } else {
                Relative::Offset(match rel.as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                })
            };
            // "three years ago today" is an anniversary, not today.
            if rel == "today"
                && crate::text::ends_with_ignore_case(crate::text::upto(prose, whole.start()).trim_end(), "ago")
            {
                return None;
            }
            let mut r = raw((None, 1, 1), None, Precision::Day, style(Order::Relative));
            if let Some(b) = c.name("bwd") {
                r.span = b.range();
            }
            r.relative = Some(relative);
            Some(r)
        }
    }
}

/// Every date in `prose`, not yet resolved. Where forms overlap the longest wins.
fn find(prose: &str, order: NumericOrder) -> Vec<Raw> {
    let mut found: Vec<Raw> = Vec::new();
    for (re, shape) in PATTERNS.iter() {
        for c in re.captures_iter(prose) {
            if let Some(raw) = parse(prose, &c, shape, order) {
                found.push(raw);
            }
        }
    }
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut out: Vec<Raw> = Vec::new();
    for r in found {
        if out.last().is_none_or(|l| r.span.start >= l.span.end) {
            out.push(r);
        }
    }
    out
}

/// What decides the year of a year-less date and the day of a relative one.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub as_of: NaiveDate,
}

/// Find and resolve every date in `prose`. `tense(offset)` tells the tense of the clause a
/// date sits in: a bare weekday reported in the past is the last one before the as-of
/// date, one announced is the next one after it. A year-less date takes the nearest year:
/// reading its year from the tense would hide the very errors the tense check looks for.
pub fn extract(prose: &str, order: NumericOrder, anchor: Anchor, tense: &dyn Fn(usize) -> Tense) -> Vec<DateMention> {
    find(prose, order)
        .into_iter()
        .map(|raw| resolve(prose, raw, anchor, tense))
        .collect()
}

/// The first date in `text` (used for datelines), with its year left open when unwritten.
pub fn first_date_in(text: &str) -> Option<(Range<usize>, Option<i32>, u32, u32)> {
    find(text, NumericOrder::Unknown)
        .into_iter()
        .find(|r| r.relative.is_none() && r.precision == Precision::Day)
        .map(|r| (r.span, r.start.0, r.start.1, r.start.2))
}

/// Every year written in a full date or a month-and-year in `text` (a year alone, as in
/// "since 2013", says little about when the text was written).
pub fn written_years(text: &str) -> Vec<i32> {
    written_dates(text).into_iter().map(|(d, _)| d.year()).collect()
}

/// Weekdays written with a year-less date ("Friday, Sept 27"): evidence of the year.
pub fn yearless_weekdays(text: &str) -> Vec<(Weekday, u32, u32)> {
    find(text, NumericOrder::Unknown)
        .into_iter()
        .filter(|r| r.relative.is_none() && r.precision == Precision::Day && r.start.0.is_none())
        .filter_map(|r| Some((r.weekday?.0, r.start.1, r.start.2)))
        .collect()
}

/// Every date written with its year (full dates and months), as the day it starts on,
/// and whether it names a day.
pub fn written_dates(text: &str) -> Vec<(NaiveDate, bool)> {
    find(text, NumericOrder::Unknown)
        .into_iter()
        .filter(|r| r.relative.is_none() && r.precision != Precision::Year)
        .flat_map(|r| {
            let day = r.precision == Precision::Day;
            [Some(r.start), r.end].into_iter().flatten().map(move |x| (x, day))
        })
        .filter_map(|((y, m, d), day)| Some((NaiveDate::from_ymd_opt(y?, m, d.clamp(1, 28))?, day)))
        .collect()
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    match (first, next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    }
}

/// Why (year, month, day) is not a date, if it is not. A missing year allows 29 February.
fn impossible(year: Option<i32>, month: u32, day: u32) -> Option<String> {
    if !(1..=12).contains(&month) {
        return Some(format!("there is no month {month}"));
    }
    let max = days_in_month(year.unwrap_or(2000), month);
    let name = MONTH_NAMES.get(month as usize - 1).copied().unwrap_or("");
    if day == 0 {
        return Some(format!("{name} has no day 0"));
    }
    if day > max {
        return Some(match (month, year) {
            (2, Some(y)) if day == 29 => format!("{y} is not a leap year"),
            _ => format!("{name} has {max} days"),
        });
    }
    None
}

/// The year that puts (month, day) nearest the anchor.
fn nearest_year(anchor: NaiveDate, month: u32, day: u32, tense: Tense) -> i32 {
    let y = anchor.year();
    let candidates: Vec<(i32, NaiveDate)> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| {
            Some((
                yy,
                NaiveDate::from_ymd_opt(yy, month, day.min(days_in_month(yy, month)))?,
            ))
        })
        .collect();
    let nearest = || {
        candidates
            .iter()
            .min_by_key(|(_, dd)| (*dd - anchor).num_days().abs())
            .map_or(y, |(yy, _)| *yy)
    };
    match tense {
        Tense::Past => candidates
            .iter()
            .rev()
            .find(|(_, dd)| *dd <= anchor)
            .map_or_else(nearest, |(yy, _)| *yy),
        Tense::Future => candidates
            .iter()
            .find(|(_, dd)| *dd >= anchor)
            .map_or_else(nearest, |(yy, _)| *yy),
        Tense::Unknown => nearest(),
    }
}

fn resolve(prose: &str, raw: Raw, anchor: Anchor, tense: &dyn Fn(usize) -> Tense) -> DateMention {
    let text = crate::text::get(prose, raw.span.clone()).to_string();
    let mut out = DateMention {
        span: raw.span.clone(),
        text,
        start: None,
        end: None,
        precision: raw.precision,
        is_range: raw.end.is_some(),
        year_written: raw.style.year_written,
        relative: raw.relative.is_some(),
        weekday: raw
            .weekday
            .as_ref()
            .map(|(w, s)| (weekday_name(*w).to_string(), s.clone())),
        impossible: None,
        style: raw.style.clone(),
    };
    if let Some(Relative::YearsAgo(n)) = raw.relative {
        let y = anchor.as_of.year() - n;
        out.start = NaiveDate::from_ymd_opt(y, 1, 1);
        out.end = NaiveDate::from_ymd_opt(y, 12, 31);
        return out;
    }
    if let Some(rel) = raw.relative {
        let a = anchor.as_of;
        let day = match rel {
            Relative::Offset(n) => a.checked_add_signed(chrono::Duration::days(n)),
            Relative::YearsAgo(_) => None, // resolved above
            Relative::Last(w) => step(a, w, false, false),
            Relative::Next(w) => step(a, w, true, false),
            Relative::This(w) => {
                let monday = a.checked_sub_days(Days::new(u64::from(a.weekday().num_days_from_monday())));
                monday.and_then(|m| m.checked_add_days(Days::new(u64::from(w.num_days_from_monday()))))
            }
            // Reported in the past: the last such day; announced: the next; present tense
            // ("the summit closes on Wednesday"): whichever is nearer.
            Relative::Bare(w) => match tense(raw.span.start) {
                Tense::Past => step(a, w, false, true),
                Tense::Future => step(a, w, true, true),
                Tense::Unknown => {
                    let (back, ahead) = (step(a, w, false, true), step(a, w, true, true));
                    match (back, ahead) {
                        (Some(b), Some(f)) if (f - a).num_days() < (a - b).num_days() => Some(f),
                        (b, f) => b.or(f),
                    }
                }
            },
        };
        out.start = day;
        out.end = day;
        return out;
    }
    let (y1, m1, d1) = raw.start;
    if raw.precision == Precision::Year {
        let yy = y1.unwrap_or(anchor.as_of.year());
        out.start = NaiveDate::from_ymd_opt(yy, 1, 1);
        out.end = NaiveDate::from_ymd_opt(yy, 12, 31);
        return out;
    }
    if raw.precision != Precision::Day {
        let yy = y1.unwrap_or_else(|| nearest_year(anchor.as_of, m1, 15, Tense::Unknown));
        let last = days_in_month(yy, m1);
        let (a, b) = match raw.part {
            Some(Part::Early) => (1, 10),
            Some(Part::Mid) => (11, 20),
            Some(Part::Late) => (21, last),
            None => (1, last),
        };
        out.start = NaiveDate::from_ymd_opt(yy, m1, a);
        out.end = NaiveDate::from_ymd_opt(yy, m1, b);
        return out;
    }
    if let Some(why) = impossible(y1, m1, d1).or_else(|| raw.end.and_then(|(y, m, d)| impossible(y, m, d))) {
        out.impossible = Some(why);
        return out;
    }
    let yy = y1.unwrap_or_else(|| nearest_year(anchor.as_of, m1, d1, Tense::Unknown));
    out.start = NaiveDate::from_ymd_opt(yy, m1, d1);
    out.end = match raw.end {
        Some((y2, m2, d2)) => {
            let y2 = y2.unwrap_or(if m2 < m1 { yy + 1 } else { yy });
            NaiveDate::from_ymd_opt(y2, m2, d2)
        }
        None => out.start,
    };
    if out.start.is_some() && out.end.is_none() {
        out.impossible = Some("the end of the range is not a date".to_string());
        out.start = None;
    }
    // A range that ends before it starts: "31-1 March 2023", "5 to 3 May" are errors; after
    // an ordinal ("6th - 4 October 2024", a numbered item before a date) it is no range,
    // and nothing is read from it.
    if let (Some(a), Some(b)) = (out.start, out.end)
        && b < a
    {
        let digits = out.text.len() - out.text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let ordinal = out
            .text
            .get(digits..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()));
        if !ordinal {
            out.impossible = Some("the range ends before it starts".to_string());
        }
        out.start = None;
        out.end = None;
    }
    out
}

/// The nearest `w` strictly after (or before) `a`; with `inclusive`, `a` itself counts.
fn step(a: NaiveDate, w: Weekday, forward: bool, inclusive: bool) -> Option<NaiveDate> {
    let mut day = a;
    if !inclusive || day.weekday() != w {
        for _ in 0..7 {
            day = if forward { day.succ_opt()? } else { day.pred_opt()? };
            if day.weekday() == w {
                break;
            }
        }
    }
    Some(day)
}

impl DateMention {
    /// The text a corrected range would have, written the way the draft wrote this one.
    pub fn render(&self, start: NaiveDate, end: NaiveDate) -> String {
        let s = &self.style;
        let month = |d: NaiveDate| {
            let full = MONTH_NAMES[d.month0() as usize];
            if s.month_abbrev && full.len() > 4 {
                let short = if d.month() == 9 {
                    "Sept"
                } else {
                    full.get(..3).unwrap_or(full)
                };
                format!("{short}{}", if s.month_dot { "." } else { "" })
            } else {
                full.to_string()
            }
        };
        let sep = if self.is_range { s.separator.as_str() } else { "-" };
        let same_year = start.year() == end.year();
        let year_end = if s.year_written {
            format!(" {}", end.year())
        } else {
            String::new()
        };
        let year_start = if s.year_written && !same_year {
            format!(" {}", start.year())
        } else {
            String::new()
        };
        match s.order {
            Order::Iso | Order::Numeric | Order::Relative => {
                if start == end {
                    start.format("%Y-%m-%d").to_string()
                } else {
                    format!("{} to {}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
                }
            }
            Order::DayFirst => {
                if start == end {
                    format!("{} {}{year_end}", start.day(), month(start))
                } else if start.month() == end.month() && same_year {
                    format!("{}{sep}{} {}{year_end}", start.day(), end.day(), month(end))
                } else {
                    format!(
                        "{} {}{year_start}{sep}{} {}{year_end}",
                        start.day(),
                        month(start),
                        end.day(),
                        month(end)
                    )
                }
            }
            Order::MonthFirst => {
                let y = |yy: i32| {
                    if s.year_written {
                        format!(", {yy}")
                    } else {
                        String::new()
                    }
                };
                let ys = if same_year { String::new() } else { y(start.year()) };
                if start == end {
                    format!("{} {}{}", month(start), start.day(), y(end.year()))
                } else if start.month() == end.month() && same_year {
                    format!("{} {}{sep}{}{}", month(start), start.day(), end.day(), y(end.year()))
                } else {
                    format!(
                        "{} {}{ys}{sep}{} {}{}",
                        month(start),
                        start.day(),
                        month(end),
                        end.day(),
                        y(end.year())
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Anchor {
        Anchor {
            as_of: NaiveDate::from_ymd_opt(2023, 4, 14).unwrap_or_default(),
        }
    }

    fn dates(text: &str) -> Vec<DateMention> {
        extract(text, NumericOrder::Unknown, anchor(), &|_| Tense::Unknown)
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn day_first_range() {
        let found = dates("a state visit on 20-21 March 2023.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "20-21 March 2023");
        assert_eq!((found[0].start, found[0].end), (ymd(2023, 3, 20), ymd(2023, 3, 21)));
        assert_eq!(
            found[0].render(
                ymd(2023, 3, 20).unwrap_or_default(),
                ymd(2023, 3, 22).unwrap_or_default()
            ),
            "20-22 March 2023"
        );
    }

    #[test]
    fn cross_month_and_month_first() {
        let found = dates("from 30 March–2 April 2023 and on March 20-22, 2023 and Sept. 5");
        assert_eq!(found[0].text, "30 March–2 April 2023");
        assert_eq!((found[0].start, found[0].end), (ymd(2023, 3, 30), ymd(2023, 4, 2)));
        assert_eq!(found[1].text, "March 20-22, 2023");
        assert_eq!(found[1].end, ymd(2023, 3, 22));
        assert_eq!(found[2].start, ymd(2023, 9, 5));
    }

    #[test]
    fn weekday_iso_and_numeric() {
        let found = dates("Monday, 14 April 2023; 2023-04-14; 25/12/2022; 04/05/2023");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].weekday.as_ref().map(|w| w.0.as_str()), Some("Monday"));
        assert_eq!(found[1].start, ymd(2023, 4, 14));
        assert_eq!(found[2].start, ymd(2022, 12, 25));
    }

    #[test]
    fn impossible_dates() {
        let found = dates("on 31 April 2023 and 29 February 2023 and 29 February 2024");
        assert_eq!(found[0].impossible.as_deref(), Some("April has 30 days"));
        assert_eq!(found[1].impossible.as_deref(), Some("2023 is not a leap year"));
        assert!(found[2].impossible.is_none());
    }

    #[test]
    fn partial_and_relative() {
        let found = dates("in mid-March, in May, March 2023, yesterday, last Tuesday, on Friday");
        let texts: Vec<&str> = found.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["mid-March", "May", "March 2023", "yesterday", "last Tuesday", "Friday"]
        );
        assert_eq!(found[0].start, ymd(2023, 3, 11));
        assert_eq!(found[1].start, ymd(2023, 5, 1));
        let years = dates("met in 2004, in the 1990s, in 2004-05, net zero by 2070, during 2013.");
        let texts: Vec<&str> = years.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, vec!["2004", "2013"]);
        assert_eq!((years[0].start, years[0].end), (ymd(2004, 1, 1), ymd(2004, 12, 31)));
        assert_eq!(found[3].start, ymd(2023, 4, 13));
        assert_eq!(found[4].start, ymd(2023, 4, 11));
        assert_eq!(found[5].start, ymd(2023, 4, 14));
    }

    #[test]
    fn false_friends_are_not_dates() {
        assert!(dates("They may 5 times. 1,000 troops, a 2-1 win, the G20, 10 to 12 people").is_empty());
        assert!(dates("Linseed prev 34.8, Feb 32.9, Mar 6.8, total 80.8").is_empty());
        assert!(dates("on 5 and 6 May").iter().all(|d| !d.is_range));
    }
}
