//! Dates in the forms news copy uses, each read to an inclusive interval with its grain
//! (day, weekend, week, month, quarter, half, season, year, decade) and a mark of how it
//! was written (absolute, relative to the draft's date, relative to another date in the
//! text, vague). `docs/dates.md` sets out the conventions.
//!
//! Reading is two steps, in three files: `grammar` reads what the text says, with the
//! year, month or day left open where the text leaves them open; `resolve` fixes them
//! against the draft's date; `render` writes a corrected date the way the draft writes
//! dates. The text is read once (`read`), and that one reading serves both the as-of
//! reader (datelines, the lead's date) and the checks.

mod grammar;
pub use grammar::is_time_unit;
mod render;
mod resolve;

use std::ops::Range;

use chrono::{NaiveDate, Weekday};
use serde::Serialize;

use super::tense::Tense;
pub use crate::calendar::{days_in_month, is_month, weekday_from, weekday_name};

/// Day-month or month-day order for numeric dates such as `04/05/2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumericOrder {
    /// Read a numeric date only where one reading is impossible (or both are the same).
    #[default]
    Unknown,
    DayMonth,
    MonthDay,
}

/// The unit a mention names: what its interval is a whole one of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
}

/// How a mention was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Written {
    /// `14 April 2023`, `March`, `the 1990s` (a missing year is taken from the draft's date).
    Absolute,
    /// Counted from the draft's date: `yesterday`, `last week`, `three weeks ago`.
    Relative,
    /// Counted from another date in the text: `two days later`, `the following week`.
    Anchored,
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

/// A date found in a draft, resolved.
#[derive(Debug, Clone, Serialize)]
pub struct DateMention {
    pub span: Range<usize>,
    pub text: String,
    /// First and last day meant (inclusive). `None` when the date does not exist or cannot
    /// be resolved.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub grain: Grain,
    pub written: Written,
    /// A vague part of a period (`early 2023`, `the end of April`, `earlier this month`) or
    /// a rounded count (`three weeks ago`): never a day-level fact.
    pub vague: bool,
    pub is_range: bool,
    pub year_written: bool,
    /// Relative to the draft's date or to another date in the text.
    pub relative: bool,
    /// A weekday written with the date, and its span.
    pub weekday: Option<(String, Range<usize>)>,
    /// Why the date does not exist (`April has 30 days`).
    pub impossible: Option<String>,
    #[serde(skip)]
    pub style: Style,
    /// The unit of a rounded count (`a year ago`: years), which sets how generously it
    /// is read.
    #[serde(skip)]
    pub counted_in: Option<Grain>,
}

impl DateMention {
    /// A day the text states exactly: the only kind of mention a day-level finding may
    /// rest on.
    pub fn is_day(&self) -> bool {
        self.grain == Grain::Day && !self.vague && self.written != Written::Anchored
    }

    /// A whole month written as such ("in March 2023"), not a part of one.
    pub fn is_month(&self) -> bool {
        self.grain == Grain::Month && !self.vague
    }

    /// How far beyond its interval a mention may still be right, in days: a vague or
    /// rounded mention is read generously.
    pub fn slack_days(&self) -> i64 {
        if !self.vague {
            return 0;
        }
        // "a year ago" is rarely the very day: a count is rounded to its unit.
        match self.counted_in {
            Some(Grain::Month) => return 10,
            Some(Grain::Quarter | Grain::Half | Grain::Season) => return 31,
            Some(Grain::Year) => return 45,
            Some(Grain::Decade) => return 366,
            _ => {}
        }
        match self.grain {
            Grain::Day => 3,
            Grain::Weekend | Grain::Week => 2,
            Grain::Month => 5,
            Grain::Quarter | Grain::Half | Grain::Season | Grain::Year => 31,
            Grain::Decade => 366,
        }
    }
}

/// What decides the year of a year-less date and the day of a relative one.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub as_of: NaiveDate,
}

/// The dates of a text, read once, before anything is resolved against the draft's date.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    raws: Vec<grammar::Raw>,
}

/// Read every date mention in `prose`.
pub fn read(prose: &str, order: NumericOrder) -> Reading {
    Reading {
        raws: grammar::read(prose, order),
    }
}

impl Reading {
    /// Resolve every mention against the draft's date. `tense(offset)` tells the tense of
    /// the clause a mention sits in: a bare weekday or day reported in the past is the
    /// last one before the as-of date, one announced the next one after it. A year-less
    /// date takes the nearest year: reading its year from the tense would hide the very
    /// errors the tense check looks for.
    pub fn resolve(&self, prose: &str, anchor: Anchor, tense: &dyn Fn(usize) -> Tense) -> Vec<DateMention> {
        resolve::all(prose, &self.raws, anchor, tense, |_| true)
    }

    /// The years the text writes out, in every mention that gives one.
    pub fn years_written(&self) -> impl Iterator<Item = i32> + '_ {
        self.raws
            .iter()
            .flat_map(|r| std::iter::once(&r.start).chain(&r.end))
            .filter_map(|p| match p {
                grammar::Point::Cal { y, .. } => *y,
                _ => None,
            })
    }

    /// Resolve the mentions inside `range` only.
    pub fn resolve_within(&self, prose: &str, range: Range<usize>, anchor: Anchor) -> Vec<DateMention> {
        resolve::all(prose, &self.raws, anchor, &|_| Tense::Unknown, |r| {
            r.span.start >= range.start && r.span.end <= range.end
        })
    }

    /// The first day written in full (day and month, the year left open when unwritten)
    /// inside `range`: what a dateline gives.
    pub fn first_day_in(&self, range: Range<usize>) -> Option<(Range<usize>, Option<i32>, u32, u32)> {
        self.raws
            .iter()
            .filter(|r| r.span.start >= range.start && r.span.end <= range.end && r.impossible.is_none())
            .find_map(|r| {
                let (y, m, d) = r.start.full_day()?;
                Some((r.span.clone(), y, m, d))
            })
    }

    /// Weekdays written with a year-less date ("Friday, Sept 27"): evidence of the year.
    pub fn yearless_weekdays(&self) -> Vec<(Weekday, u32, u32)> {
        self.raws
            .iter()
            .filter_map(|r| {
                let (y, m, d) = r.start.full_day()?;
                (y.is_none()).then_some((r.weekday.as_ref()?.0, m, d))
            })
            .collect()
    }

    /// Every day written with its year, as a date.
    pub fn written_days(&self) -> Vec<NaiveDate> {
        self.raws
            .iter()
            .flat_map(|r| [Some(&r.start), r.end.as_ref()])
            .flatten()
            .filter_map(|p| {
                let (y, m, d) = p.full_day()?;
                NaiveDate::from_ymd_opt(y?, m, d.clamp(1, 28))
            })
            .collect()
    }
}

/// Find and resolve every date in `prose` (reading and resolving in one call).
pub fn extract(prose: &str, order: NumericOrder, anchor: Anchor, tense: &dyn Fn(usize) -> Tense) -> Vec<DateMention> {
    read(prose, order).resolve(prose, anchor, tense)
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
        assert_eq!(texts, vec!["2004", "1990s", "2013"]);
        assert_eq!((years[0].start, years[0].end), (ymd(2004, 1, 1), ymd(2004, 12, 31)));
        assert_eq!(found[3].start, ymd(2023, 4, 13));
        assert_eq!(found[4].start, ymd(2023, 4, 11));
        assert_eq!(found[5].start, ymd(2023, 4, 14));
    }

    #[test]
    fn false_friends_are_not_dates() {
        assert!(dates("They may 5 times. 1,000 troops, a 2-1 win, the G20, 10 to 12 people").is_empty());
        assert!(dates("Linseed prev 34.8, Feb 32.9, Mar 6.8, total 80.8").is_empty());
        assert!(dates("on 5 and 7 May").iter().all(|d| !d.is_range));
    }
}
