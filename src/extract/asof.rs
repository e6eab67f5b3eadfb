//! The draft's own date, against which tense, relative dates and titles are judged. It
//! comes, in order, from `--as-of`, the front matter's `date:`, the dateline, the
//! configuration, and today; the diagnostics say which.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::source::Document;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AsOfSource {
    Flag,
    FrontMatter,
    Dateline,
    Config,
    Today,
}

#[derive(Debug, Clone, Serialize)]
pub struct AsOf {
    pub date: NaiveDate,
    pub source: AsOfSource,
    /// The span of the dateline's or front matter's date, when it came from the draft.
    pub span: Option<Range<usize>>,
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = match self.source {
            AsOfSource::Flag => "from --as-of",
            AsOfSource::FrontMatter => "from the front matter",
            AsOfSource::Dateline => "from the dateline",
            AsOfSource::Config => "from the configuration",
            AsOfSource::Today => "today's date: the draft gives none",
        };
        write!(f, "as of {} ({from})", long_date(self.date))
    }
}

/// `14 April 2023`.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The options that can fix the as-of date from outside the draft.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsOfOptions {
    pub flag: Option<NaiveDate>,
    pub config: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
}

pub fn determine(doc: &Document, opts: AsOfOptions) -> AsOf {
    let today = opts.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    if let Some(date) = opts.flag {
        return AsOf {
            date,
            source: AsOfSource::Flag,
            span: None,
        };
    }
    if let Some((date, span)) = &doc.front_matter_date {
        return AsOf {
            date: *date,
            source: AsOfSource::FrontMatter,
            span: Some(span.clone()),
        };
    }
    let year_from = opts.config.unwrap_or(today);
    if let Some((date, span)) = dateline(&doc.prose, doc.body_start, year_from) {
        return AsOf {
            date,
            source: AsOfSource::Dateline,
            span: Some(span),
        };
    }
    if let Some(date) = opts.config {
        return AsOf {
            date,
            source: AsOfSource::Config,
            span: None,
        };
    }
    AsOf {
        date: today,
        source: AsOfSource::Today,
        span: None,
    }
}

/// A dateline opens the body: `SAMARKAND, 14 April 2023 (TDI):`, `BEIJING, March 21
/// (Xinhua) --`. A dateline without a year takes the nearest past occurrence before `reference`.
pub fn dateline(prose: &str, body_start: usize, reference: NaiveDate) -> Option<(NaiveDate, Range<usize>)> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[\p{Lu}][\p{L}.'’ -]{1,40}(?:\s*\([^)]{1,40}\))?,\s*$").unwrap_or_else(|_| unreachable!())
    });
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:\([^)]{1,40}\))?\s*(?::|--|—|–|-|/)").unwrap_or_else(|_| unreachable!()));
    let body = crate::text::from(prose, body_start);
    let lead = body.len() - body.trim_start().len();
    let head_start = body_start + lead;
    let head = crate::text::from(prose, head_start);
    let window = crate::text::upto(head, crate::text::floor_char_boundary(head, 160));
    let (span, year, month, day) = super::date::first_date_in(window)?;
    if !PLACE.is_match(crate::text::upto(window, span.start)) || !AFTER.is_match(crate::text::from(window, span.end)) {
        return None;
    }
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
        None => {
            let this = NaiveDate::from_ymd_opt(reference.year(), month, day);
            match this {
                Some(d) if d <= reference => d,
                _ => NaiveDate::from_ymd_opt(reference.year() - 1, month, day)?,
            }
        }
    };
    Some((date, head_start + span.start..head_start + span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn datelines_in_several_shapes() {
        let r = ymd(2024, 6, 1);
        let cases = [
            (
                "Samarkand, 14 April 2023 (TDI): Foreign ministers met.",
                Some(ymd(2023, 4, 14)),
            ),
            ("BEIJING, March 21 (Xinhua) -- The talks", Some(ymd(2024, 3, 21))),
            ("NEW DELHI, Jan 5 (PTI) The minister", None),
            ("NEW DELHI, Jan. 5 (PTI) - The minister", Some(ymd(2024, 1, 5))),
            ("MOSCOW (Reuters) - No date here", None),
            ("The talks on 14 April 2023: nothing", None),
            ("WASHINGTON, Dec 20 — The", Some(ymd(2023, 12, 20))),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text, 0, r).map(|d| d.0), want, "{text}");
        }
    }
}
