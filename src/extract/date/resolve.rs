//! Resolution: what the text says, turned into an inclusive interval of days with its
//! grain, against the draft's date (and, for `two days later`, the date before it).

use chrono::{Datelike, NaiveDate, Weekday};

use super::grammar::{Part, Point, Raw, Season, Unit, Which, YearOf};
use super::{Anchor, DateMention, Grain, Written};
use crate::calendar::{add_days, add_months, days_in_month, month_name, month_span, week_start, weekday_name};
use crate::extract::tense::Tense;

type Interval = (NaiveDate, NaiveDate, Grain);

struct Cx<'a> {
    prose: &'a str,
    as_of: NaiveDate,
    tense: &'a dyn Fn(usize) -> Tense,
    pos: usize,
    /// The last date resolved before this one, for `two days later`.
    previous: Option<Interval>,
    /// The time the story has moved to, which a date written without its year belongs to
    /// (see `Scene`); `None` for the draft's own time.
    scene: Option<NaiveDate>,
}

impl Cx<'_> {
    /// The tense that decides which of two like days is meant: the clause's tense, or, when
    /// it gives none, the past if a verb in "-ed" stands just before in the sentence
    /// ("killed 25 people at the weekend"). Only for choosing a day; the tense check
    /// reads the clause's tense alone.
    fn lean(&self) -> Tense {
        let t = (self.tense)(self.pos);
        if t != Tense::Unknown {
            return t;
        }
        let before = crate::text::upto(self.prose, self.pos);
        // The clause's own words, nearest first: a verb of the present or future, or a
        // plan, before any "-ed" verb leaves the choice open.
        let clause = before.rsplit(['.', '!', '?', ';', ',', '\n']).next().unwrap_or("");
        const OPEN: &[&str] = &[
            "scheduled",
            "rescheduled",
            "expected",
            "planned",
            "proposed",
            "invited",
            "intended",
            "hoped",
            "postponed",
            "delayed",
            "slated",
            "needed",
            "is",
            "are",
            "will",
            "would",
            "shall",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "to",
            "be",
        ];
        let mut past = false;
        // The word after the one looked at: "followed by", "hosted by" are participles, not
        // the clause's past.
        let mut next = String::new();
        for w in clause
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(8)
        {
            let lower = w.to_ascii_lowercase();
            if OPEN.contains(&lower.as_str()) || lower.ends_with("'ll") {
                break;
            }
            if lower.len() > 4 && lower.ends_with("ed") && next != "by" {
                past = true;
                break;
            }
            next = lower;
        }
        if past {
            return Tense::Past;
        }
        // A clause with no verb of its own ("…, followed by the G20 summit on Monday") takes
        // the sentence's future: "The meeting will take place on Friday, followed by …".
        let sentence = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or("");
        let words: Vec<String> = clause
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let verbless = !words.iter().enumerate().any(|(i, w)| {
            let participle = w.len() > 4 && w.ends_with("ed") && words.get(i + 1).is_none_or(|n| n != "by");
            participle || matches!(w.as_str(), "is" | "are" | "was" | "were" | "has" | "have" | "had")
        });
        let future = sentence
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "will" | "shall") || w.ends_with("'ll"));
        if future && verbless {
            Tense::Future
        } else {
            Tense::Unknown
        }
    }
}

pub(super) fn all(
    prose: &str,
    raws: &[Raw],
    anchor: Anchor,
    tense: &dyn Fn(usize) -> Tense,
    keep: impl Fn(&Raw) -> bool,
) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut previous: Option<(usize, Interval)> = None;
    let mut scene: Option<Scene> = None;
    for raw in raws.iter().filter(|r| keep(r)) {
        // Another date anchors `two days later` only nearby, in the same paragraph.
        let near = previous.filter(|(end, _)| {
            raw.span.start.saturating_sub(*end) < 400 && !crate::text::get(prose, *end..raw.span.start).contains("\n\n")
        });
        let mut cx = Cx {
            prose,
            as_of: anchor.as_of,
            tense,
            pos: raw.span.start,
            previous: near.map(|(_, i)| i),
            scene: None,
        };
        cx.scene = scene
            .filter(|sc| {
                let same_paragraph = !crate::text::get(prose, sc.at..raw.span.start).contains('\n');
                same_paragraph || cx.lean() == Tense::Past
            })
            .map(|sc| sc.date);
        let m = mention(prose, raw, &cx);
        if let (Some(s), Some(e), false) = (m.start, m.end, m.vague) {
            previous = Some((raw.span.end, (s, e, m.grain)));
        }
        if m.written == Written::Relative {
            scene = None;
        } else if let Some(date) = m
            .start
            .filter(|_| m.year_written && !m.vague && m.grain <= Grain::Month)
            && crate::extract::sentence::opens_sentence(prose, raw.span.start)
        {
            scene = Some(Scene {
                at: raw.span.start,
                date,
            });
        }
        out.push(m);
    }
    out
}

/// A date with its year that opens a sentence or a heading sets the time the story tells
/// of (`In September 2019, …`, `NOVEMBER 2018: …`), and a date after it written without a
/// year belongs to that time (`… in October`, `on Friday, 30 November`) while it is in
/// the same paragraph, or in the past tense. A date counted from the draft's own date
/// (`on Tuesday`, `last week`) brings the story back to the present.
#[derive(Clone, Copy)]
struct Scene {
    at: usize,
    date: NaiveDate,
}

fn written(raw: &Raw) -> Written {
    if raw.anchored {
        Written::Anchored
    } else if raw.relative || is_relative(&raw.start) {
        Written::Relative
    } else {
        Written::Absolute
    }
}

fn is_relative(p: &Point) -> bool {
    match p {
        Point::Days(_)
        | Point::Shift(..)
        | Point::Anniversary(..)
        | Point::Unit(..)
        | Point::Weekday(..)
        | Point::WeekdayOfWeek(..)
        | Point::SoFar(..)
        | Point::RelSeason(..)
        | Point::RelMonth(..)
        | Point::NthWeekdayOf { .. }
        | Point::Weekend
        | Point::NearWeekend(_) => true,
        Point::Holiday(w, ..) => *w != Which::Bare,
        Point::Quarter(y, _) | Point::Half(y, _) | Point::Season(y, _) => matches!(y, YearOf::Rel(_)),
        Point::Part(_, p) => is_relative(p),
        Point::InYear(..) => true,
        _ => false,
    }
}

fn is_vague(p: &Point) -> bool {
    match p {
        Point::Part(..) | Point::SoFar(..) => true,
        Point::Shift(u, _)
        | Point::Anchored {
            unit: u, whole: false, ..
        } => *u != Unit::Day,
        _ => false,
    }
}

fn mention(prose: &str, raw: &Raw, cx: &Cx<'_>) -> DateMention {
    let mut out = DateMention {
        span: raw.span.clone(),
        text: crate::text::get(prose, raw.span.clone()).to_string(),
        start: None,
        end: None,
        grain: Grain::Day,
        written: written(raw),
        vague: is_vague(&raw.start),
        is_range: raw.end.is_some(),
        year_written: raw.style.year_written,
        relative: false,
        weekday: raw
            .weekday
            .as_ref()
            .map(|(w, s)| (weekday_name(*w).to_string(), s.clone())),
        impossible: raw.impossible.clone(),
        style: raw.style.clone(),
        counted_in: match &raw.start {
            Point::Shift(u, _) => Some(unit_grain(*u)),
            _ => None,
        },
    };
    out.relative = out.written != Written::Absolute;
    out.grain = grain_of(&raw.start);
    if out.impossible.is_some() {
        return out;
    }
    if let Some(why) = impossible(&raw.start).or_else(|| raw.end.as_ref().and_then(impossible)) {
        out.impossible = Some(why);
        return out;
    }
    // "Tuesday the 19th": the nearest month whose 19th is a Tuesday.
    let pinned = match (&raw.start, &raw.weekday) {
        (
            Point::Cal {
                y: None,
                m: None,
                d: Some(d),
            },
            Some((w, _)),
        ) => Some(pinned_day(cx.as_of, *d, *w)),
        _ => None,
    };
    let Some((s, e, g)) = pinned.unwrap_or_else(|| interval(&raw.start, cx)) else {
        return out;
    };
    out.grain = g;
    match &raw.end {
        None => {
            out.start = Some(s);
            out.end = Some(e);
        }
        Some(end) => {
            let Some((s2, e2)) = range_end(&raw.start, end, s, cx) else {
                return out;
            };
            if s2 < s {
                out.impossible = Some("the range ends before it starts".to_string());
                return out;
            }
            out.start = Some(s);
            out.end = Some(e2);
        }
    }
    out
}

/// The grain a point names before resolution (what it would have if resolved).
fn grain_of(p: &Point) -> Grain {
    match p {
        Point::Cal { d: Some(_), .. } => Grain::Day,
        Point::Cal { m: Some(_), .. } => Grain::Month,
        Point::Cal { .. } => Grain::Year,
        Point::Decade(_) => Grain::Decade,
        Point::Quarter(..) => Grain::Quarter,
        Point::Half(..) => Grain::Half,
        Point::Season(..) | Point::WinterFrom(_) | Point::RelSeason(..) => Grain::Season,
        Point::RelMonth(..) => Grain::Month,
        Point::Unit(u, _)
        | Point::SoFar(u, _)
        | Point::Anchored {
            unit: u, whole: true, ..
        } => unit_grain(*u),
        Point::Part(_, p) | Point::InYear(_, p) | Point::InStoryYear(_, p) => grain_of(p),
        Point::Weekend | Point::NearWeekend(_) => Grain::Weekend,
        _ => Grain::Day,
    }
}

fn unit_grain(u: Unit) -> Grain {
    match u {
        Unit::Day => Grain::Day,
        Unit::Week => Grain::Week,
        Unit::Weekend => Grain::Weekend,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Half => Grain::Half,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
    }
}

/// Why a written date cannot exist: `31 April`, `29 February 2023`, `32 March`.
fn impossible(p: &Point) -> Option<String> {
    let (y, m, d) = p.full_day()?;
    let max = days_in_month(y.unwrap_or(2000), m);
    let name = month_name(m);
    if d == 0 {
        return Some(format!("{name} has no day 0"));
    }
    if d > max {
        return Some(match (m, y) {
            (2, Some(y)) if d == 29 => format!("{y} is not a leap year"),
            _ => format!("{name} has {max} days"),
        });
    }
    None
}

/// The end of a range, given the start's resolved first day: a year-less end takes the
/// start's year (or the next, for `30 December – 2 January`).
fn range_end(a: &Point, b: &Point, start: NaiveDate, cx: &Cx<'_>) -> Option<(NaiveDate, NaiveDate)> {
    if let (
        Point::Cal {
            y: None, m: Some(ma), ..
        },
        Point::Cal {
            y: None,
            m: Some(mb),
            d,
        },
    ) = (a, b)
    {
        let y = if mb < ma {
            // Across the new year only from the last months into the first ones.
            if *ma >= 10 && *mb <= 3 {
                start.year() + 1
            } else {
                start.year()
            }
        } else {
            start.year()
        };
        let p = Point::Cal {
            y: Some(y),
            m: Some(*mb),
            d: *d,
        };
        let (s, e, _) = interval(&p, cx)?;
        return Some((s, e));
    }
    let (s, e, _) = interval(b, cx)?;
    Some((s, e))
}

fn interval(p: &Point, cx: &Cx<'_>) -> Option<Interval> {
    let a = cx.as_of;
    let day = |d: NaiveDate| Some((d, d, Grain::Day));
    match p {
        Point::Cal { y, m, d } => match (*y, *m, *d) {
            (y, Some(m), Some(d)) => {
                let y = y.unwrap_or_else(|| year_for(cx, m, d));
                day(NaiveDate::from_ymd_opt(y, m, d)?)
            }
            (y, Some(m), None) => {
                let y = y.unwrap_or_else(|| year_for(cx, m, 15));
                let (s, e) = month_span(y, m)?;
                Some((s, e, Grain::Month))
            }
            (Some(y), None, None) => year(y),
            (None, None, Some(d)) => day(day_of_month(a, d, cx.lean())?),
            _ => None,
        },
        Point::Decade(y) => Some((ymd(*y, 1, 1)?, ymd(y + 9, 12, 31)?, Grain::Decade)),
        Point::Quarter(yo, q) => {
            let y = year_of(*yo, a);
            let (s, _) = month_span(y, q * 3 - 2)?;
            let (_, e) = month_span(y, q * 3)?;
            Some((s, e, Grain::Quarter))
        }
        Point::Half(yo, h) => {
            let y = year_of(*yo, a);
            let (s, _) = month_span(y, h * 6 - 5)?;
            let (_, e) = month_span(y, h * 6)?;
            Some((s, e, Grain::Half))
        }
        Point::Season(yo, s) => {
            let y = year_of(*yo, a);
            if *s == Season::Winter && !matches!(yo, YearOf::Written(_)) {
                return None; // "the winter of last year": which one?
            }
            let (s, e) = season_span(y, *s)?;
            Some((s, e, Grain::Season))
        }
        Point::WinterFrom(y) => {
            let (s, e) = season_span(*y, Season::Winter)?;
            Some((s, e, Grain::Season))
        }
        Point::RelSeason(which, s) => {
            let spans: Vec<(NaiveDate, NaiveDate)> = (a.year() - 2..=a.year() + 1)
                .filter_map(|y| season_span(y, *s))
                .collect();
            let (s, e) = match which {
                Which::Last => spans.iter().rev().find(|(_, e)| *e < a).copied(),
                Which::Next => spans.iter().find(|(s, _)| *s > a).copied(),
                _ => spans.iter().find(|(s, e)| *s <= a && a <= *e).copied().or_else(|| {
                    spans
                        .iter()
                        .min_by_key(|(s, e)| (*s - a).num_days().abs().min((*e - a).num_days().abs()))
                        .copied()
                }),
            }?;
            Some((s, e, Grain::Season))
        }
        Point::RelMonth(which, m) => {
            let this = ymd(a.year(), *m, 1)?;
            let current = ymd(a.year(), a.month(), 1)?;
            let first = match which {
                Which::Last if this < current => this,
                Which::Last => ymd(a.year() - 1, *m, 1)?,
                Which::Next if this > current => this,
                Which::Next => ymd(a.year() + 1, *m, 1)?,
                _ => this,
            };
            let (s, e) = month_span(first.year(), first.month())?;
            Some((s, e, Grain::Month))
        }
        Point::NthWeekday { n, w, m, y } => {
            let y = y.unwrap_or_else(|| nearest_year(a, *m, 15));
            day(nth_weekday(y, *m, *w, *n)?)
        }
        Point::NthWeekdayOf { n, w, k } => {
            let first = crate::calendar::month_start_after(a, *k)?;
            day(nth_weekday(first.year(), first.month(), *w, *n)?)
        }
        Point::Holiday(which, m, d, y) => {
            let on = |yy: i32| ymd(yy, *m, *d);
            let date = match (which, y) {
                (_, Some(y)) => on(*y)?,
                (Which::Last, None) => on(a.year()).filter(|x| *x < a).or_else(|| on(a.year() - 1))?,
                (Which::Next, None) => on(a.year()).filter(|x| *x > a).or_else(|| on(a.year() + 1))?,
                (Which::This, None) => on(a.year())?,
                (_, None) => on(nearest_year(a, *m, *d))?,
            };
            day(date)
        }
        Point::Weekend => {
            let this = add_days(week_start(a)?, 5)?;
            let last = add_days(this, -7)?;
            let sat = match cx.lean() {
                // Reported: the last weekend begun by the draft's date.
                Tense::Past if this <= a => this,
                Tense::Past => last,
                Tense::Future => this,
                Tense::Unknown if (this - a).num_days() <= (a - add_days(last, 1)?).num_days() => this,
                Tense::Unknown => last,
            };
            Some((sat, add_days(sat, 1)?, Grain::Weekend))
        }
        Point::NearWeekend(coming) => {
            let sat = if *coming {
                step(a, Weekday::Sat, true, false)?
            } else {
                add_days(step(a, Weekday::Sun, false, false)?, -1)?
            };
            Some((sat, add_days(sat, 1)?, Grain::Weekend))
        }
        Point::Days(n) => day(add_days(a, *n)?),
        Point::Shift(u, n) => day(shift(a, *u, *n)?),
        Point::Anniversary(u, n, d) => day(add_days(shift(a, *u, *n)?, *d)?),
        Point::Unit(u, k) => unit(a, *u, *k),
        Point::Weekday(which, w) => {
            let date = match which {
                Which::Last => step(a, *w, false, false),
                Which::Next => step(a, *w, true, false),
                Which::AfterNext => step(a, *w, true, false).and_then(|d| add_days(d, 7)),
                Which::BeforeLast => step(a, *w, false, false).and_then(|d| add_days(d, -7)),
                Which::This => add_days(week_start(a)?, i64::from(w.num_days_from_monday())),
                Which::Said => step(a, *w, false, true),
                // Reported in the past: the last such day; announced: the next; present
                // tense ("the summit closes on Wednesday"): whichever is nearer.
                Which::Bare => match cx.lean() {
                    Tense::Past => step(a, *w, false, true),
                    Tense::Future => step(a, *w, true, true),
                    Tense::Unknown => {
                        let (back, ahead) = (step(a, *w, false, true), step(a, *w, true, true));
                        match (back, ahead) {
                            (Some(b), Some(f)) if (f - a).num_days() < (a - b).num_days() => Some(f),
                            (b, f) => b.or(f),
                        }
                    }
                },
            };
            day(date?)
        }
        Point::WeekdayOfWeek(w, k) => day(add_days(week_start(a)?, 7 * k + i64::from(w.num_days_from_monday()))?),
        Point::SoFar(u, earlier) => {
            let (s, e, g) = unit(a, *u, 0)?;
            let (s, e) = if *earlier {
                (s, add_days(a, -1)?)
            } else {
                (add_days(a, 1)?, e)
            };
            (s <= e).then_some((s, e, g))
        }
        Point::Anchored { unit: u, n, whole } => {
            let (ps, pe, pg) = cx.previous?;
            // Counting days from a month, or weeks from a year, is no date.
            if pg > unit_grain(*u) || (pg != Grain::Day && !whole) {
                return None;
            }
            let from = if *n >= 0 { pe } else { ps };
            if *whole {
                unit(from, *u, *n)
            } else {
                day(shift(from, *u, *n)?)
            }
        }
        Point::InYear(k, inner) => match **inner {
            Point::Cal { y: None, m, d } => interval(
                &Point::Cal {
                    y: Some(a.year() + *k as i32),
                    m,
                    d,
                },
                cx,
            ),
            _ => None,
        },
        Point::InStoryYear(k, inner) => match **inner {
            Point::Cal { y: None, m, d } => {
                let told = cx.previous.map(|(s, _, _)| s).or(cx.scene)?;
                interval(
                    &Point::Cal {
                        y: Some(told.year() + *k as i32),
                        m,
                        d,
                    },
                    cx,
                )
            }
            _ => None,
        },
        Point::Part(part, inner) => {
            let (s, e, g) = interval(inner, cx)?;
            let (s, e) = apply_part(s, e, g, *part)?;
            Some((s, e, g))
        }
    }
}

/// The year of a day written without one: the nearest to the time the story tells of, or
/// to the draft's date. (The tense does not choose: a past tense for a day ahead is what
/// the tense check looks for.)
fn year_for(cx: &Cx<'_>, m: u32, d: u32) -> i32 {
    nearest_year(cx.scene.unwrap_or(cx.as_of), m, d)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn year(y: i32) -> Option<Interval> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?, Grain::Year))
}

fn year_of(y: YearOf, as_of: NaiveDate) -> i32 {
    match y {
        YearOf::Written(y) => y,
        YearOf::Rel(k) => as_of.year() + k as i32,
        YearOf::Open => as_of.year(),
        YearOf::Near(m) => nearest_year(as_of, m, 15),
    }
}

/// Meteorological seasons of the northern hemisphere; winter runs from December of `year`.
fn season_span(year: i32, s: Season) -> Option<(NaiveDate, NaiveDate)> {
    let (m1, m2, y2) = match s {
        Season::Spring => (3, 5, year),
        Season::Summer => (6, 8, year),
        Season::Autumn => (9, 11, year),
        Season::Winter => (12, 2, year + 1),
    };
    Some((ymd(year, m1, 1)?, month_span(y2, m2)?.1))
}

/// `date` moved by `n` units, as a day.
fn shift(date: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
    match u {
        Unit::Day => add_days(date, n),
        Unit::Week => add_days(date, 7 * n),
        Unit::Month => add_months(date, n),
        Unit::Quarter => add_months(date, 3 * n),
        Unit::Half => add_months(date, 6 * n),
        Unit::Year => add_months(date, 12 * n),
        Unit::Weekend | Unit::Decade => None,
    }
}

/// The whole unit `k` units from the one `date` is in: `last week`, `this month`.
fn unit(date: NaiveDate, u: Unit, k: i64) -> Option<Interval> {
    let g = unit_grain(u);
    let months = |len: u32| -> Option<Interval> {
        let first = (date.month() - 1) / len * len + 1;
        let start = add_months(ymd(date.year(), first, 1)?, k * i64::from(len))?;
        let end = add_days(add_months(start, i64::from(len))?, -1)?;
        Some((start, end, g))
    };
    match u {
        Unit::Day => Some((add_days(date, k)?, add_days(date, k)?, g)),
        Unit::Week => {
            let s = add_days(week_start(date)?, 7 * k)?;
            Some((s, add_days(s, 6)?, g))
        }
        Unit::Weekend => {
            let s = add_days(week_start(date)?, 7 * k + 5)?;
            Some((s, add_days(s, 1)?, g))
        }
        Unit::Month => months(1),
        Unit::Quarter => months(3),
        Unit::Half => months(6),
        Unit::Year => year(date.year() + k as i32).map(|(s, e, _)| (s, e, g)),
        Unit::Decade => {
            let y = date.year() / 10 * 10 + 10 * k as i32;
            Some((ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?, g))
        }
    }
}

/// Early, mid or late part of an interval of the given grain (`docs/dates.md`).
fn apply_part(s: NaiveDate, e: NaiveDate, g: Grain, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let third = |k: i64| -> Option<(NaiveDate, NaiveDate)> {
        // Thirds of a period counted in months.
        let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32 + 1;
        let len = i64::from(months / 3).max(1);
        let a = add_months(s, k * len)?;
        let b = if k == 2 {
            e
        } else {
            add_days(add_months(s, (k + 1) * len)?, -1)?
        };
        Some((a, b))
    };
    let k = match part {
        Part::Early => 0,
        Part::Mid => 1,
        Part::Late => 2,
    };
    match g {
        Grain::Day => None,
        Grain::Weekend => None,
        Grain::Week => {
            let (a, b) = [(0, 2), (1, 3), (3, 6)][k as usize];
            Some((add_days(s, a)?, add_days(s, b)?))
        }
        Grain::Month => {
            let (a, b) = [(1, 10), (11, 20), (21, e.day())][k as usize];
            Some((s.with_day(a)?, s.with_day(b)?))
        }
        Grain::Decade => {
            let (a, b) = [(0, 3), (4, 6), (7, 9)][k as usize];
            Some((ymd(s.year() + a, 1, 1)?, ymd(s.year() + b, 12, 31)?))
        }
        Grain::Year => {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][k as usize];
            Some((ymd(s.year(), a, 1)?, month_span(s.year(), b)?.1))
        }
        Grain::Quarter | Grain::Half | Grain::Season => third(k),
    }
}

/// The year that puts (month, day) nearest the anchor.
pub(super) fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> i32 {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| Some((yy, ymd(yy, month, day.min(days_in_month(yy, month)))?)))
        .min_by_key(|(_, d)| (*d - anchor).num_days().abs())
        .map_or(y, |(yy, _)| yy)
}

/// "on the 15th": the 15th of this month, the last or the next, as the tense points.
fn day_of_month(a: NaiveDate, d: u32, tense: Tense) -> Option<NaiveDate> {
    let candidates: Vec<NaiveDate> = (-1..=1)
        .filter_map(|k| {
            let first = add_months(a.with_day(1)?, k)?;
            ymd(first.year(), first.month(), d)
        })
        .collect();
    match tense {
        Tense::Past => candidates.iter().rev().find(|x| **x <= a).copied(),
        Tense::Future => candidates.iter().find(|x| **x >= a).copied(),
        Tense::Unknown => candidates.iter().min_by_key(|x| (**x - a).num_days().abs()).copied(),
    }
}

/// The day `d` nearest `a` (within half a year) that falls on `w`.
fn pinned_day(a: NaiveDate, d: u32, w: Weekday) -> Option<Interval> {
    let day = (-6..=6)
        .filter_map(|k| {
            let first = add_months(a.with_day(1)?, k)?;
            ymd(first.year(), first.month(), d)
        })
        .filter(|x| x.weekday() == w)
        .min_by_key(|x| (*x - a).num_days().abs())?;
    Some((day, day, Grain::Day))
}

/// The `n`th `w` of a month (`n` = -1: the last).
fn nth_weekday(y: i32, m: u32, w: Weekday, n: i32) -> Option<NaiveDate> {
    if n == -1 {
        let last = month_span(y, m)?.1;
        let back = (7 + last.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
        return add_days(last, -i64::from(back));
    }
    let first = ymd(y, m, 1)?;
    let ahead = (7 + w.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let d = add_days(first, i64::from(ahead) + 7 * i64::from(n - 1))?;
    (d.month() == m).then_some(d)
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
