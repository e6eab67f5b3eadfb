//! The draft's own date, against which tense, relative dates and titles are judged. It
//! comes, in order, from `--as-of`, the front matter's `date:`, the dateline, the
//! configuration, and today; the diagnostics say which.

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::date::Reading;
use crate::calendar::long_date;
use crate::source::Document;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AsOfSource {
    Flag,
    FrontMatter,
    /// An HTML page's `<meta property="article:published_time">` or `<time datetime>`.
    Markup,
    Dateline,
    /// The first full date of the opening paragraph, for a draft with no dateline: close
    /// to the draft's date, but not exact enough to judge tense by.
    Lead,
    Config,
    Today,
}

#[derive(Debug, Clone, Serialize)]
pub struct AsOf {
    pub date: NaiveDate,
    pub source: AsOfSource,
    /// The span of the dateline's or front matter's date, when it came from the draft.
    pub span: Option<Range<usize>>,
    /// The date is an assumption (the draft gives no date, or a dateline without any year
    /// in the draft): checks that judge facts at the as-of date stay quiet.
    pub guessed_year: bool,
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = match self.source {
            AsOfSource::Flag => "from --as-of",
            AsOfSource::FrontMatter => "from the front matter",
            AsOfSource::Markup => "from the page's published time",
            AsOfSource::Dateline if self.guessed_year => "from the dateline; the year is a guess",
            AsOfSource::Dateline => "from the dateline",
            AsOfSource::Lead => "from the first date in the opening paragraph",
            AsOfSource::Config => "from the configuration",
            AsOfSource::Today => "today's date, assumed: the draft gives none",
        };
        write!(f, "as of {} ({from})", long_date(self.date))
    }
}

/// The options that can fix the as-of date from outside the draft.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsOfOptions {
    pub flag: Option<NaiveDate>,
    pub config: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
}

/// The draft's date, from the options, the draft's front matter or the dates `reading`
/// found in it.
pub fn determine(doc: &Document, opts: AsOfOptions, reading: &Reading) -> AsOf {
    let today = opts.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let as_of = |date, source, span| AsOf {
        date,
        source,
        span,
        guessed_year: false,
    };
    if let Some(date) = opts.flag {
        return as_of(date, AsOfSource::Flag, None);
    }
    if let Some((date, span)) = &doc.front_matter_date {
        let source = match doc.format {
            crate::source::Format::Html => AsOfSource::Markup,
            _ => AsOfSource::FrontMatter,
        };
        return as_of(*date, source, Some(span.clone()));
    }
    let year_from = opts.config.unwrap_or(today);
    if let Some(d) = dateline(&doc.prose, doc.body_start, year_from, reading) {
        return AsOf {
            guessed_year: d.guessed_year,
            ..as_of(d.date, AsOfSource::Dateline, Some(d.span))
        };
    }
    if let Some(date) = opts.config {
        return as_of(date, AsOfSource::Config, None);
    }
    if let Some((date, span)) = lead_date(&doc.prose, doc.body_start, today, reading) {
        return as_of(date, AsOfSource::Lead, Some(span));
    }
    // No date anywhere: today is an assumption, not the draft's date.
    AsOf {
        guessed_year: true,
        ..as_of(today, AsOfSource::Today, None)
    }
}

/// A dateline opens the body, or one of its first lines: `SAMARKAND, 14 April 2023 (TDI):`,
/// `KYIV, Ukraine, 22 April 2014 (AP) —`, `BEIJING, March 21 (Xinhua) --`, or a date line
/// under a headline (`By the Climate Desk, 14 December 2023`). A dateline without a year
/// takes the latest year the draft writes in a full date (not after `reference`), or else
/// the nearest past occurrence before `reference`, and says that its year is a guess.
pub fn dateline(prose: &str, body_start: usize, reference: NaiveDate, reading: &Reading) -> Option<Dateline> {
    let body = crate::text::from(prose, body_start);
    let mut offset = body_start;
    for line in body.split_inclusive('\n').take(12) {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let window = crate::text::upto(line, crate::text::floor_char_boundary(line, 200));
        if let Some((span, year, month, day)) = reading
            .first_day_in(start..start + window.len())
            .map(|(s, y, m, d)| (s.start - start..s.end - start, y, m, d))
            && place_before_date(crate::text::upto(window, span.start))
            && end_after_date(crate::text::from(line, span.end))
        {
            let written = year.is_some();
            let (y, trusted) = match year {
                Some(y) => (y, true),
                None => yearless(reading, month, day.min(28), reference).map(|(d, t)| (d.year(), t))?,
            };
            // An impossible dateline (31 April) still dates the draft, roughly.
            let valid = NaiveDate::from_ymd_opt(y, month, day);
            let date = valid.or_else(|| NaiveDate::from_ymd_opt(y, month, super::date::days_in_month(y, month)))?;
            let guessed = valid.is_none() || !written && !trusted;
            return Some(Dateline {
                date,
                span: start + span.start..start + span.end,
                guessed_year: guessed,
            });
        }
        if offset - body_start > 600 {
            break;
        }
    }
    None
}

/// What may stand before a dateline's date: a place in capitals or title case with its
/// punctuation (`SAMARKAND,`, `KYIV, Ukraine,`, `HANGZHOU, China (AP) —`, `OPINION |`,
/// `By the Desk,`, `Broadcast:`, `Issue dated`): a capital letter, then 1 to 60 letters,
/// spaces and `.'’,-`, an optional agency in brackets, and a closing mark.
fn place_before_date(s: &str) -> bool {
    let s = s.trim_end();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let s = if let Some(rest) = s.strip_suffix("dated").filter(|r| !r.ends_with(word)) {
        rest
    } else if let Some(rest) = s
        .strip_suffix("--")
        .or_else(|| s.strip_suffix([',', '—', '–', '-', '|', ':']))
    {
        rest
    } else {
        return false;
    };
    match s.trim_end().strip_suffix(')') {
        // The agency in brackets may itself hold an opening bracket: try each.
        Some(inner) => {
            let from = inner.rfind(')').map_or(0, |i| i + 1);
            let tail = crate::text::from(inner, from);
            tail.match_indices('(').any(|(i, _)| {
                let open = from + i;
                let agency = crate::text::from(inner, open + 1);
                (1..=40).contains(&agency.chars().count()) && place_head(crate::text::upto(inner, open))
            })
        }
        None => place_head(s),
    }
}

/// The place itself: a capital letter, then 1 to 60 letters, spaces and `.'’,-`.
fn place_head(s: &str) -> bool {
    let head = s.trim_start();
    let mut chars = head.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest = chars.as_str();
    let run = rest.trim_end();
    let place_char = |c: char| c.is_alphabetic() || ".'’ ,-".contains(c);
    if run.is_empty() {
        return rest.starts_with(' ');
    }
    (1..=60).contains(&run.chars().count()) && run.chars().all(place_char)
}

/// What may follow a dateline's date: an agency in brackets and a mark that opens the
/// story (`(TDI):`, `(Xinhua) --`, `— The`, `. /Our correspondent/.`), or the end of the line.
fn end_after_date(s: &str) -> bool {
    let skip = |s: &str| -> usize { s.len() - s.trim_start_matches([' ', '\t']).len() };
    let mut rest = crate::text::from(s, skip(s));
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && (1..=40).contains(&crate::text::upto(inner, close).chars().count())
    {
        rest = crate::text::from(inner, close + 1);
        rest = crate::text::from(rest, skip(rest));
    }
    if rest.starts_with([':', '—', '–', '-', '/']) {
        return true;
    }
    let dot = rest.strip_prefix('.');
    if let Some(after) = dot
        && skip(after) > 0
        && crate::text::from(after, skip(after)).starts_with('/')
    {
        return true;
    }
    let tail = dot.unwrap_or(rest);
    let tail = crate::text::from(tail, skip(tail));
    tail.is_empty() || tail.starts_with('\n')
}

/// The first full date (day, month and year written) in the opening paragraph of the
/// body, if it is not after `today`.
fn lead_date(prose: &str, body_start: usize, today: NaiveDate, reading: &Reading) -> Option<(NaiveDate, Range<usize>)> {
    let body = crate::text::from(prose, body_start);
    let lead = body.len() - body.trim_start().len();
    let start = body_start + lead;
    let text = crate::text::from(prose, start);
    // The opening paragraph: up to the first blank line, at most 600 bytes.
    let end = text
        .find("\n\n")
        .unwrap_or(text.len())
        .min(crate::text::floor_char_boundary(text, 600));
    reading
        .resolve_within(prose, start..start + end, super::date::Anchor { as_of: today })
        .into_iter()
        .find(|d| d.year_written && d.is_day() && !d.is_range)
        .and_then(|d| Some((d.start?, d.span)))
        .filter(|(d, _)| *d <= today)
}

/// What a dateline gave.
#[derive(Debug, Clone)]
pub struct Dateline {
    pub date: NaiveDate,
    pub span: Range<usize>,
    /// The year was not written in the draft at all.
    pub guessed_year: bool,
}

/// The year of a year-less dateline: the latest year written in a full date of the draft,
/// if any (not after `reference`); otherwise the nearest past occurrence.
fn yearless(reading: &Reading, month: u32, day: u32, reference: NaiveDate) -> Option<(NaiveDate, bool)> {
    // A weekday written with a year-less date ("on Friday, Sept 27") fixes the year best.
    let weekdays = reading.yearless_weekdays();
    let fits = |y: i32| {
        weekdays
            .iter()
            .all(|(w, m, d)| NaiveDate::from_ymd_opt(y, *m, *d).is_some_and(|x| x.weekday() == *w))
    };
    // Else the year that puts the dateline nearest a full date the draft writes: a story on
    // the August 2023 summit that mentions 1 January 2024 is from 2023. Only a full date
    // within two months vouches for the year; a passing "since December 2012" does not.
    let written: Vec<NaiveDate> = reading.written_days();
    let mut years: Vec<i32> = written
        .iter()
        .map(|d| d.year())
        .filter(|&y| y <= reference.year() && fits(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    let nearest = |at: NaiveDate| {
        written
            .iter()
            .map(|d| (*d - at).num_days().abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    let best = years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|at| nearest(*at));
    if let Some(date) = best {
        return Some((date, nearest(date) <= 60 || !weekdays.is_empty()));
    }
    if !weekdays.is_empty() {
        // The most recent year, not after the reference, whose calendar fits every weekday.
        let year = (reference.year() - 30..=reference.year())
            .rev()
            .find(|&y| fits(y) && NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d <= reference));
        // Weekdays alone repeat every few years: a likely year, not a sure one.
        if let Some(date) = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day)) {
            return Some((date, false));
        }
    }
    let date = match NaiveDate::from_ymd_opt(reference.year(), month, day) {
        Some(d) if d <= reference => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() - 1, month, day),
    }?;
    Some((date, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn line(text: &str, r: NaiveDate) -> Option<Dateline> {
        dateline(
            text,
            0,
            r,
            &super::super::date::read(text, super::super::date::NumericOrder::Unknown),
        )
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
            assert_eq!(line(text, r).map(|d| d.date), want, "{text}");
        }
        let more = [
            ("KYIV, Ukraine, 22 April 2014 (AP) — The", Some(ymd(2014, 4, 22))),
            (
                "# A headline\n\nBy the Climate Desk, 14 December 2023\n\nText.",
                Some(ymd(2023, 12, 14)),
            ),
            (
                "JOHANNESBURG, Aug 24 (Reuters) - The summit ran Aug. 22-24, 2023.",
                Some(ymd(2023, 8, 24)),
            ),
            (
                "JOHANNESBURG, Aug 24 (Reuters) - The summit ran Aug. 22-24, 2023; it takes effect on Jan. 1, 2024.",
                Some(ymd(2023, 8, 24)),
            ),
        ];
        for (text, want) in more {
            assert_eq!(line(text, r).map(|d| d.date), want, "{text}");
        }
        assert!(line("BEIJING, Feb. 4 (AP) -- No year here.", r).is_some_and(|d| d.guessed_year));
        let shapes = [
            ("HANGZHOU, China (AP) — Sept. 6, 2016\n\nLeaders left.", ymd(2016, 9, 6)),
            ("OPINION | 20 November 2023\n\nText.", ymd(2023, 11, 20)),
            (
                "Broadcast: 15 November 2022\n\nPRESENTER: Good evening.",
                ymd(2022, 11, 15),
            ),
            ("Issue dated 10 June 2025\n\nText.", ymd(2025, 6, 10)),
            (
                "MOSCOW, October 28, 2024. /Our correspondent/. The Russian side",
                ymd(2024, 10, 28),
            ),
        ];
        for (text, want) in shapes {
            assert_eq!(line(text, r).map(|d| d.date), Some(want), "{text}");
        }
    }
}

#[cfg(test)]
mod dateline_shape_tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::{end_after_date, place_before_date};

    // The patterns these functions replace, kept as the definition they must agree with.
    const PLACE: &str =
        r"^\s*[\p{Lu}][\p{L}.'’ ,-]{1,60}(?:\s*\([^)]{1,40}\))?\s*(?:,|—|–|--|-|\||:|(?-u:\b)dated)\s*$";
    const AFTER: &str = r"^[ \t]*(?:\([^)]{1,40}\))?[ \t]*(?::|--|—|–|-|/|\.[ \t]+/|\.?[ \t]*(?:\n|$))";
    static PLACE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(PLACE).unwrap());
    static AFTER_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(AFTER).unwrap());

    #[test]
    fn known_shapes() {
        for yes in [
            "SAMARKAND, ",
            "KYIV, Ukraine, ",
            "HANGZHOU, China (AP) — ",
            "OPINION | ",
            "By the Desk, ",
            "Broadcast: ",
            "Issue dated ",
        ] {
            assert!(place_before_date(yes), "{yes:?}");
        }
        for no in ["The summit on ", "samarkand, ", "", "A"] {
            assert!(!place_before_date(no), "{no:?}");
        }
        for yes in [
            " (TDI): The",
            " (Xinhua) -- ",
            " — The",
            ". /Our correspondent/.",
            "\n",
            "",
            ".",
            " (AP)\n",
        ] {
            assert!(end_after_date(yes), "{yes:?}");
        }
        for no in [" the ministers met", ", said", " (AP) the", "("] {
            assert!(!end_after_date(no), "{no:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn place_agrees_with_its_pattern(s in r"[ \tA-Za-zÉé.'’,()|:—–\-\n]{0,12}(dated)?[ ,:(A-Z)]{0,4}") {
            prop_assert_eq!(place_before_date(&s), PLACE_RE.is_match(&s), "{:?}", s);
        }

        #[test]
        fn after_agrees_with_its_pattern(s in r"[ \t()A-Za-z.:/\-—–\n]{0,10}") {
            prop_assert_eq!(end_after_date(&s), AFTER_RE.is_match(&s), "{:?}", s);
        }
    }
}
