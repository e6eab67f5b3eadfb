//! The grammar of dates in news copy. The text is cut once into tokens (words, numbers,
//! single punctuation marks); a small lexicon names what each token can be (a number, an
//! ordinal in digits or words, a month, a weekday, a relative word, a period word, a
//! connector); and rules compose those parts into what the text says, with the year,
//! month or day left open where the text leaves them open. Resolution against the draft's
//! date is `resolve`'s business, not this module's.
//!
//! The rules, from the bottom up:
//!
//! - `day`: `14`, `14th`, `fourteenth`, `twenty-first`; `month`: `March`, `Mar.`, `Sept`;
//!   `year`: four digits from 1800 to 2099; `weekday`: `Tuesday`, `Tue.`.
//! - `calendar`: a day, month and year in any order news uses (`14 April 2023`, `April
//!   14, 2023`, `the 14th of April`, `2023-04-14`, `14/04/2023`), a month and year, a
//!   month, a year, a bare day; a weekday may lead.
//! - `period`: a decade (`the 1990s`, `the '90s`), a quarter (`Q3 2022`, `the first
//!   quarter of 2023`), a half (`H1`, `the second half of 2024`), a season (`spring 2023`).
//! - `vague`: `early`, `mid`, `late`, `the beginning of`, `the end of` before a period.
//! - `relative`: `yesterday`, `last week`, `next month`, `this weekend`, `three weeks
//!   ago`, `in two weeks`, `last Friday`, `Wednesday next week`, `Friday after next`,
//!   `earlier this month`, `the day after tomorrow`, `two days later`, `the following
//!   week`.
//! - `range`: two of the above joined by a connector (`-`, `to`, `until`, `through`, `and`
//!   after `between`), each side lending the other what it leaves out (`20-21 March`,
//!   `between March and May 2023`, `from the 13th to the 15th of July`, `2019-2021`).
//!
//! A form the grammar cannot read with confidence gives nothing: a wrong date is worse
//! than none.

use std::ops::Range;

use chrono::Weekday;

use super::{NumericOrder, Order, Style};
use crate::calendar::{month_word, weekday_word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace stands before the token.
    pub space: bool,
}

/// Cut `prose` into words (runs of letters and digits), numbers (runs of digits) and
/// single punctuation marks.
pub(super) fn tokens(prose: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(prose.len() / 5);
    let mut space = false;
    let mut it = prose.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let mut end = i + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut digits = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                digits &= d.is_ascii_digit();
                end = j + d.len_utf8();
                it.next();
            }
            if digits { Kind::Num } else { Kind::Word }
        } else {
            Kind::Punct
        };
        out.push(Tok {
            start: i,
            end,
            kind,
            space,
        });
        space = false;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// Which of several like days or periods: `last Friday`, `next May`, `this summer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    Last,
    Next,
    This,
    /// "on Friday": the tense of the clause decides.
    Bare,
    /// "Friday after next".
    AfterNext,
    /// "Friday before last".
    BeforeLast,
    /// "said Tuesday": the day something was said, so not after the draft's date.
    Said,
}

/// The year a period is in: written, relative to the draft's date, or left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearOf {
    Written(i32),
    Rel(i64),
    Open,
    /// The year that puts this month nearest the draft's date.
    Near(u32),
}

/// What the text says, before anything is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Point {
    /// A calendar date or part of one: `14 April 2023`, `April`, `2004`, `the 15th`.
    Cal {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
    },
    Decade(i32),
    Quarter(YearOf, u32),
    Half(YearOf, u32),
    Season(YearOf, Season),
    /// "the winter of 2022-23": the winter that starts in December of the year.
    WinterFrom(i32),
    RelSeason(Which, Season),
    RelMonth(Which, u32),
    /// "the first Tuesday of October" (`n` = -1 for the last).
    NthWeekday {
        n: i32,
        w: Weekday,
        m: u32,
        y: Option<i32>,
    },
    /// "the last Friday of the month", "the first Monday of next month": `k` months from
    /// the draft's date's.
    NthWeekdayOf {
        n: i32,
        w: Weekday,
        k: i64,
    },
    /// A fixed holiday: "Christmas Day", "New Year's Eve".
    Holiday(Which, u32, u32, Option<i32>),
    /// "at the weekend": the last or next, as the tense points.
    Weekend,
    /// "this coming weekend" (true): the first to start after the draft's date; "this past
    /// weekend" (false): the last to end before it.
    NearWeekend(bool),
    /// Days from the draft's date: "yesterday", "the day after tomorrow".
    Days(i64),
    /// The day a count of units from the draft's date: "three weeks ago", "in two weeks".
    Shift(Unit, i64),
    /// That day to the day, from the draft's date or the day before it: "ten years ago
    /// today" (`Anniversary(Year, -10, 0)`), "a year ago yesterday" (`(Year, -1, -1)`).
    Anniversary(Unit, i64, i64),
    /// A whole unit relative to the draft's date's: "last week", "this month".
    Unit(Unit, i64),
    Weekday(Which, Weekday),
    /// "Wednesday next week".
    WeekdayOfWeek(Weekday, i64),
    /// "earlier this month" (true), "later this month" (false).
    SoFar(Unit, bool),
    /// Relative to another date in the text: "two days later", "the following week".
    /// `whole`: the unit itself ("the following week"), else the day counted.
    Anchored {
        unit: Unit,
        n: i64,
        whole: bool,
    },
    /// A vague part of a period: "early 2023", "the end of April".
    Part(Part, Box<Point>),
    /// A year-less date in a year relative to the draft's: "Nov. 14 last year", "in March
    /// next year".
    InYear(i64, Box<Point>),
    /// A year-less date in a year relative to the date before it: "in November that year",
    /// "in March the following year".
    InStoryYear(i64, Box<Point>),
}

impl Point {
    fn cal(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Self {
        Point::Cal { y, m, d }
    }

    pub(super) fn year_written(&self) -> bool {
        match self {
            Point::Cal { y, .. } | Point::NthWeekday { y, .. } | Point::Holiday(_, _, _, y) => y.is_some(),
            Point::Decade(_) | Point::WinterFrom(_) => true,
            Point::Quarter(y, _) | Point::Half(y, _) | Point::Season(y, _) => matches!(y, YearOf::Written(_)),
            Point::Part(_, p) => p.year_written(),
            _ => false,
        }
    }

    /// Day, month and year written, nothing relative or vague.
    pub(super) fn full_day(&self) -> Option<(Option<i32>, u32, u32)> {
        match self {
            Point::Cal {
                y,
                m: Some(m),
                d: Some(d),
            } => Some((*y, *m, *d)),
            _ => None,
        }
    }
}

/// A date mention as the text writes it.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub span: Range<usize>,
    pub start: Point,
    pub end: Option<Point>,
    pub weekday: Option<(Weekday, Range<usize>)>,
    pub style: Style,
    /// Why the text's date cannot exist, when the reason is in the writing itself (a
    /// month 13, a day 32).
    pub impossible: Option<String>,
    /// "yesterday", "on Friday", "next week": relative to the draft's date.
    pub relative: bool,
    /// "two days later": relative to another date in the text.
    pub anchored: bool,
}

/// Words that make a clause speak of a record or a first: "the first summit held in France
/// in 33 years", "the lowest turnout in two decades".
const RECORD_WORDS: &[&str] = &[
    "first",
    "last",
    "only",
    "ever",
    "highest",
    "lowest",
    "biggest",
    "largest",
    "longest",
    "worst",
    "best",
    "fewest",
    "most",
    "least",
    "strongest",
    "weakest",
    "deadliest",
    "warmest",
];

const CONNECTORS: &[&str] = &["to", "until", "till", "through", "thru"];

struct P<'a> {
    prose: &'a str,
    t: &'a [Tok],
    order: NumericOrder,
}

/// What a `calendar` rule read, with how it was written.
#[derive(Debug, Clone)]
struct Cal {
    point: Point,
    end: usize,
    first: usize,
    weekday: Option<(Weekday, Range<usize>)>,
    order: Order,
    month_abbrev: bool,
    month_dot: bool,
    impossible: Option<String>,
}

impl<'a> P<'a> {
    fn text(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .map_or("", |t| crate::text::get(self.prose, t.start..t.end))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.text(i).eq_ignore_ascii_case(word)
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        self.kind(i) == Some(Kind::Word) && words.iter().any(|w| self.text(i).eq_ignore_ascii_case(w))
    }

    fn punct(&self, i: usize, marks: &[char]) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).chars().next().is_some_and(|c| marks.contains(&c))
    }

    /// Whether the clause before token `i` speaks of a record ("the first held in France",
    /// "its highest level"), so that "in 33 years" after it is a span looked back over, not
    /// a day ahead.
    fn record_before(&self, i: usize) -> bool {
        (i.saturating_sub(8)..i)
            .rev()
            .take_while(|&k| self.kind(k) == Some(Kind::Word))
            .any(|k| {
                // "the first", "its highest": a noun phrase, not "was first proposed".
                self.any(k, RECORD_WORDS)
                    && k.checked_sub(1)
                        .is_some_and(|b| self.any(b, &["the", "its", "their", "his", "her", "this", "that"]))
            })
    }

    /// No whitespace between token `i - 1` and `i`.
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    fn start(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.prose.len(), |t| t.start)
    }

    fn end_of(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.prose.len(), |t| t.end)
    }

    fn span(&self, first: usize, next: usize) -> Range<usize> {
        self.start(first)..self.end_of(next.saturating_sub(1).max(first))
    }

    /// Token `i` is a number of its own, not part of `1,000`, `32.9`, `10:30`, `5%`.
    fn plain_num(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(Kind::Num) || self.text(i).len() > 4 {
            return None;
        }
        let joined = |k: usize, marks: &[char]| self.punct(k, marks) && self.tight(k);
        let before = i.checked_sub(1).is_some_and(|b| {
            (joined(b, &['.', ',', ':'])
                && self.tight(i)
                && b.checked_sub(1).is_some_and(|a| self.kind(a) == Some(Kind::Num)))
                || (self.tight(i) && self.punct(b, &['$', '£', '€', '#', '/']))
                || (self.tight(i) && self.kind(b) == Some(Kind::Word))
        });
        let after = (joined(i + 1, &['.', ',', ':']) && self.kind(i + 2) == Some(Kind::Num) && self.tight(i + 2))
            || joined(i + 1, &['%'])
            || (self.tight(i + 1) && self.kind(i + 1) == Some(Kind::Word));
        if before || after {
            return None;
        }
        self.text(i).parse().ok()
    }

    fn year(&self, i: usize) -> Option<i32> {
        let n = self.plain_num(i)?;
        // "the 1980 s" (a decade cut in two), "the 1980's" (the decade, or the year's?).
        if self.is(i + 1, "s") || (n % 10 == 0 && self.punct(i + 1, &['\'', '’']) && self.is(i + 2, "s")) {
            return None;
        }
        (self.text(i).len() == 4 && (1800..=2099).contains(&n)).then_some(n as i32)
    }

    /// A day of the month: `14`, `14th`, `fourteenth`, `twenty-first`. Returns the day and
    /// the next token. Days up to 39 are read, so that `32 March` can be reported.
    fn day(&self, i: usize, words: bool) -> Option<(u32, usize)> {
        if let Some(n) = self.plain_num(i) {
            return (self.text(i).len() <= 2 && n <= 39).then_some((n, i + 1));
        }
        if let Some(n) = ordinal_digits(self.text(i)) {
            return (n <= 39).then_some((n, i + 1));
        }
        if words {
            return self.ordinal_word(i).filter(|(n, _)| *n <= 31);
        }
        None
    }

    /// `first` … `thirty-first`.
    fn ordinal_word(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let w = self.text(i).to_ascii_lowercase();
        if let Some(tens) = match w.as_str() {
            "twenty" => Some(20),
            "thirty" => Some(30),
            _ => None,
        } && self.punct(i + 1, &['-'])
            && self.tight(i + 1)
            && self.tight(i + 2)
            && let Some(n) = ordinal_unit(&self.text(i + 2).to_ascii_lowercase())
            && n < 10
        {
            return Some((tens + n, i + 3));
        }
        ordinal_unit(&w).map(|n| (n, i + 1))
    }

    /// `March`, `Mar.`, `Sept`: the month, whether abbreviated, whether a dot follows, next.
    fn month(&self, i: usize) -> Option<(u32, bool, bool, usize)> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let (m, abbrev) = month_word(self.text(i))?;
        // "MAY", "MARCH" in capitals are words as often as months: only with a day or a
        // year beside them ("9 MAY:", "MARCH 2019:").
        if matches!(self.text(i), "MAY" | "MARCH")
            && self.plain_num(i + 1).is_none()
            && i.checked_sub(1).is_none_or(|b| self.plain_num(b).is_none())
        {
            return None;
        }
        // "Theresa May", "the Long March": a capitalised word just before makes a name,
        // unless a day or year follows.
        if matches!(m, 3 | 5)
            && !abbrev
            && i.checked_sub(1).is_some_and(|b| {
                let w = self.text(b);
                self.kind(b) == Some(Kind::Word)
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && !self.sentence_start(b)
                    && !self.any(b, LEADS)
                    && weekday_word(w).is_none()
            })
            && self.plain_num(i + 1).is_none()
        {
            return None;
        }
        if abbrev && self.punct(i + 1, &['.']) && self.tight(i + 1) {
            return Some((m, true, true, i + 2));
        }
        Some((m, abbrev, false, i + 1))
    }

    /// Token `i` opens a sentence.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.punct(i - 1, &['.', '!', '?', '"', '“', ':', '(', '—', '-', '–']) || {
            let between = crate::text::get(self.prose, self.end_of(i - 1)..self.start(i));
            between.contains('\n')
        }
    }

    /// A weekday name, with an optional dot after an abbreviation.
    fn weekday(&self, i: usize, abbrev_ok: bool) -> Option<(Weekday, usize)> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let (w, abbrev) = weekday_word(self.text(i))?;
        if abbrev && !abbrev_ok {
            return None;
        }
        if abbrev && self.punct(i + 1, &['.']) && self.tight(i + 1) {
            return Some((w, i + 2));
        }
        Some((w, i + 1))
    }

    /// An optional comma.
    fn comma(&self, i: usize) -> usize {
        if self.punct(i, &[',']) { i + 1 } else { i }
    }

    /// A year after a date: `, 2023`, ` 2023`.
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = self.comma(i);
        let y = self.year(j)?;
        // "April 14, 2023-24": not a year of its own.
        if self.punct(j + 1, &['-', '–', '/']) && self.tight(j + 1) && self.kind(j + 2) == Some(Kind::Num) {
            return None;
        }
        Some((y, j + 1))
    }

    // ---- calendar dates ----

    /// A calendar date at token `i`, possibly partial. A leading weekday is read too.
    fn calendar(&self, i: usize) -> Vec<Cal> {
        let mut out = Vec::new();
        // A weekday before the date: "Friday, 14 April", "Tue. Sept. 5", "Tuesday the 19th".
        if let Some((w, j)) = self.weekday(i, true) {
            let k = self.comma(j);
            let k = if self.is(k, "the") { k + 1 } else { k };
            let wd = Some((w, self.start(i)..self.end_of(j - 1)));
            for mut c in self.plain_calendar(k) {
                if matches!(c.point, Point::Cal { d: Some(_), .. }) {
                    c.weekday = wd.clone();
                    c.first = i;
                    out.push(c);
                }
            }
            return out;
        }
        self.plain_calendar(i)
    }

    fn plain_calendar(&self, i: usize) -> Vec<Cal> {
        let mut out = Vec::new();
        let cal = |point, end, order| Cal {
            point,
            end,
            first: i,
            weekday: None,
            order,
            month_abbrev: false,
            month_dot: false,
            impossible: None,
        };
        // Numeric forms first: 2023-04-14, 14/04/2023, 2014-10.
        if let Some(c) = self.numeric(i) {
            out.push(c);
            return out;
        }
        // "the 14th of April", "14 April 2023", "14th April".
        let (lead_the, k) = if self.is(i, "the") { (true, i + 1) } else { (false, i) };
        if let Some((d, j)) = self.day(k, true) {
            let word = self.kind(k) == Some(Kind::Word) && ordinal_digits(self.text(k)).is_none();
            let of = if self.is(j, "of") { j + 1 } else { j };
            if let Some((m, abbrev, dot, after)) = self.month(of) {
                // A spelled ordinal needs "the … of": "the first of March".
                if !word || (lead_the && of > j) {
                    let (y, end) = match self.trailing_year(after) {
                        Some((y, e)) => (Some(y), e),
                        None => (None, after),
                    };
                    let mut c = cal(Point::cal(y, Some(m), Some(d)), end, Order::DayFirst);
                    c.month_abbrev = abbrev;
                    c.month_dot = dot;
                    c.first = k;
                    out.push(c);
                }
            }
            // A bare day: only in a range or with "the" ("on the 15th").
            if !word || lead_the {
                let mut c = cal(Point::cal(None, None, Some(d)), j, Order::DayFirst);
                c.first = k;
                // "the 15th" and "15" are different: only "the 15th"/"15th" stands alone.
                if lead_the || ordinal_digits(self.text(k)).is_some() {
                    c.order = Order::Relative;
                }
                // "22, 2023" as the end of "March 20-22, 2023".
                if !word && let Some((y, e)) = self.trailing_year(j) {
                    let mut c2 = c.clone();
                    c2.point = Point::cal(Some(y), None, Some(d));
                    c2.end = e;
                    c2.order = Order::MonthFirst;
                    out.push(c2);
                }
                out.push(c);
            }
        }
        // "April 14, 2023", "March third", "March 2023", "March".
        if let Some((m, abbrev, dot, j)) = self.month(i) {
            let with = |mut c: Cal| {
                c.month_abbrev = abbrev;
                c.month_dot = dot;
                c
            };
            let k = if self.is(j, "the") { j + 1 } else { j };
            if let Some((d, after)) = self.day(k, true)
                && self.year(k).is_none()
            {
                let (y, end) = match self.trailing_year(after) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, after),
                };
                out.push(with(cal(Point::cal(y, Some(m), Some(d)), end, Order::MonthFirst)));
            }
            let k = if self.is(j, "of") { j + 1 } else { self.comma(j) };
            if let Some(y) = self.year(k) {
                out.push(with(cal(Point::cal(Some(y), Some(m), None), k + 1, Order::DayFirst)));
            }
            out.push(with(cal(Point::cal(None, Some(m), None), j, Order::DayFirst)));
        }
        if let Some(y) = self.year(i) {
            out.push(cal(Point::cal(Some(y), None, None), i + 1, Order::DayFirst));
        }
        out
    }

    /// `2023-04-14`, `2023/04/14`, `14/04/2023`, `14.04.2023`, `2014-10`.
    fn numeric(&self, i: usize) -> Option<Cal> {
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        // Not inside a longer run of numbers (a URL, a reference number).
        if i.checked_sub(1)
            .is_some_and(|b| self.tight(i) && self.punct(b, &['/', '-', '.', ':']))
        {
            return None;
        }
        let sep = |k: usize| -> Option<char> {
            (self.tight(k) && self.tight(k + 1) && self.kind(k + 1) == Some(Kind::Num))
                .then(|| self.text(k).chars().next())
                .flatten()
                .filter(|c| matches!(c, '-' | '/' | '.'))
        };
        let n = |k: usize| self.text(k).parse::<u32>().ok();
        let len = |k: usize| self.text(k).len();
        let s1 = sep(i + 1)?;
        let s2 = sep(i + 3).filter(|c| *c == s1);
        let after = if s2.is_some() { i + 5 } else { i + 3 };
        // Not followed by more of the same: "1/2/2023/4", "2023-04-14-5".
        if self.tight(after) && self.punct(after, &['-', '/', '.']) && self.kind(after + 1) == Some(Kind::Num) {
            return None;
        }
        let c = |point, impossible| Cal {
            point,
            end: after,
            first: i,
            weekday: None,
            order: Order::Iso,
            month_abbrev: false,
            month_dot: false,
            impossible,
        };
        let month_ok = |m: u32| (1..=12).contains(&m);
        if len(i) == 4 && (1800..=2099).contains(&n(i)?) && s1 != '.' {
            let y = n(i)? as i32;
            if len(i + 2) != 2 {
                return None;
            }
            let m = n(i + 2)?;
            if s2.is_some() {
                if len(i + 4) != 2 {
                    return None;
                }
                let d = n(i + 4)?;
                if !month_ok(m) {
                    return (13..=31).contains(&m).then(|| {
                        c(
                            Point::cal(Some(y), None, Some(d)),
                            Some(format!("there is no month {m}")),
                        )
                    });
                }
                return Some(c(Point::cal(Some(y), Some(m), Some(d)), None));
            }
            // 2014-10 is October 2014; 2004-05 may be May 2004 or 2004-2005: nothing.
            if s1 != '-' || !month_ok(m) || m as i32 == (y + 1) % 100 {
                return None;
            }
            return Some(c(Point::cal(Some(y), Some(m), None), None));
        }
        // a/b/yyyy
        let s2 = s2?;
        let _ = s2;
        if len(i) > 2 || len(i + 2) > 2 || len(i + 4) != 4 {
            return None;
        }
        let (a, b, y) = (n(i)?, n(i + 2)?, n(i + 4)? as i32);
        if !(1800..=2099).contains(&y) || a == 0 || b == 0 {
            return None;
        }
        let (d, m) = if a == b {
            (a, b)
        } else {
            match self.order {
                NumericOrder::DayMonth => (a, b),
                NumericOrder::MonthDay => (b, a),
                NumericOrder::Unknown if a > 12 && b <= 12 => (a, b),
                NumericOrder::Unknown if b > 12 && a <= 12 => (b, a),
                NumericOrder::Unknown if a > 12 && b > 12 => (a, b),
                NumericOrder::Unknown => return None,
            }
        };
        let mut out = c(Point::cal(Some(y), Some(m), Some(d)), None);
        out.order = Order::Numeric;
        if !month_ok(m) {
            if m > 31 || d > 31 {
                return None;
            }
            out.point = Point::cal(Some(y), None, Some(d));
            out.impossible = Some(format!("there is no month {m}"));
        }
        Some(out)
    }

    // ---- periods: decades, quarters, halves, seasons ----

    /// A period at `i` (after a vague word, or on its own): returns the point and the next
    /// token.
    fn period(&self, i: usize) -> Option<(Point, usize)> {
        // "the 1990s", "the '90s", "1990s"
        let k = if self.is(i, "the") { i + 1 } else { i };
        if let Some(r) = self.decade(k) {
            return Some(r);
        }
        // Q3 2022, H1 2023
        let w = self.text(k);
        if self.kind(k) == Some(Kind::Word) && w.len() == 2 {
            let (lead, n) = (w.chars().next(), w.chars().nth(1).and_then(|c| c.to_digit(10)));
            let n = n?;
            // "Q3" or "H2" alone may be anything (a question, a district, hydrogen).
            let (of, next) = self.year_after(k + 1, false);
            let (of, next) = match self.year(k + 1) {
                Some(y) => (Some(YearOf::Written(y)), k + 2),
                None => (of, next),
            };
            // Alone, only right after a preposition ("in Q3").
            let after_prep = k
                .checked_sub(1)
                .is_some_and(|b| self.any(b, PREPOSITIONS) || self.is(b, "for"));
            let y = of.or(after_prep.then_some(YearOf::Open))?;
            match lead {
                Some('Q') if (1..=4).contains(&n) => return Some((Point::Quarter(y, n), next)),
                Some('H') if (1..=2).contains(&n) => return Some((Point::Half(y, n), next)),
                _ => {}
            }
        }
        // "the first quarter of 2023", "the second half of the year"
        if self.is(i, "the") {
            let (n, j) = match self.ordinal_word(i + 1) {
                Some(x) => x,
                None if self.any(i + 1, &["final"]) => (4, i + 2),
                None => ordinal_digits(self.text(i + 1)).map(|n| (n, i + 2))?,
            };
            let unit = self.text(j).to_ascii_lowercase();
            let is_quarter = unit == "quarter";
            let is_half = unit == "half";
            if !(is_quarter || is_half) {
                return None;
            }
            let n = if self.any(i + 1, &["final"]) && is_half { 2 } else { n };
            let (of, next) = self.year_after(j + 1, false);
            // "the second half" alone (of a match, a game): nothing.
            let of = of?;
            return match (is_quarter, n) {
                (true, 1..=4) => Some((Point::Quarter(of, n), next)),
                (false, 1..=2) => Some((Point::Half(of, n), next)),
                _ => None,
            };
        }
        // "spring 2023", "the summer of 2022", "winter 2022-23"
        if let Some(s) = season(self.text(k)) {
            let (of, next) = self.year_after(k + 1, true);
            if s == Season::Winter {
                if let Some(YearOf::Written(y)) = of
                    && self.punct(next, &['-', '/', '–'])
                    && self.tight(next + 1)
                    && self
                        .text(next + 1)
                        .parse::<i32>()
                        .is_ok_and(|e| e == (y + 1) % 100 || e == y + 1)
                {
                    return Some((Point::WinterFrom(y), next + 2));
                }
                // "winter 2023": January 2023 or December 2023? Left open.
                if matches!(of, Some(YearOf::Written(_))) {
                    return None;
                }
            }
            if let Some(y) = of.filter(|y| *y != YearOf::Open) {
                return Some((Point::Season(y, s), next));
            }
        }
        None
    }

    /// A decade: `1990s`, `'90s`. Returns the point and the next token.
    fn decade(&self, i: usize) -> Option<(Point, usize)> {
        let w = self.text(i);
        if self.kind(i) == Some(Kind::Word)
            && let Some(digits) = w.strip_suffix('s')
            && digits.len() == 4
            && digits.ends_with('0')
            && let Ok(y) = digits.parse::<i32>()
            && (1800..=2090).contains(&y)
        {
            return Some((Point::Decade(y), i + 1));
        }
        // "the seventies": with "the", and the 1900s for thirty and up.
        let the_before = |b: usize| self.is(b, "the");
        let part_before = |b: usize| {
            self.any(b, &["early", "mid", "late"])
                || (self.punct(b, &['-']) && b.checked_sub(1).is_some_and(|a| self.is(a, "mid")))
        };
        let led = i
            .checked_sub(1)
            .is_some_and(|b| the_before(b) || (part_before(b) && (b.saturating_sub(2)..b).any(the_before)));
        if led
            && let Some(tens) = self.text(i).to_ascii_lowercase().strip_suffix("ies").and_then(|w| {
                let w = format!("{w}y");
                cardinal(&w)
            })
            && (30..=90).contains(&tens)
            && tens % 10 == 0
        {
            return Some((Point::Decade(1900 + tens as i32), i + 1));
        }
        // "the '90s": the 1900s for 30 and up, else unsure.
        if self.punct(i, &['\'', '’'])
            && self.tight(i + 1)
            && let Some(digits) = self.text(i + 1).strip_suffix('s')
            && digits.len() == 2
            && digits.ends_with('0')
            && let Ok(y) = digits.parse::<i32>()
            && y >= 30
        {
            return Some((Point::Decade(1900 + y), i + 2));
        }
        None
    }

    /// The year after a period: ` 2023`, ` of 2023`, ` of the year`, ` of next year`.
    /// With `bare`, a year directly after (`spring 2023`) counts; `Open` when none.
    fn year_after(&self, i: usize, bare: bool) -> (Option<YearOf>, usize) {
        if bare && let Some(y) = self.year(i) {
            return (Some(YearOf::Written(y)), i + 1);
        }
        if self.is(i, "of") {
            let j = i + 1;
            if let Some(y) = self.year(j) {
                return (Some(YearOf::Written(y)), j + 1);
            }
            if self.is(j, "the") && self.is(j + 1, "year") {
                return (Some(YearOf::Rel(0)), j + 2);
            }
            if let Some(k) = which_unit(self, j).filter(|(_, u, _)| *u == Unit::Year) {
                return (Some(YearOf::Rel(k.0)), k.2);
            }
        }
        if self.is(i, "this") && self.is(i + 1, "year") {
            return (Some(YearOf::Rel(0)), i + 2);
        }
        if self.is(i, "next") && self.is(i + 1, "year") {
            return (Some(YearOf::Rel(1)), i + 2);
        }
        if self.is(i, "last") && self.is(i + 1, "year") {
            return (Some(YearOf::Rel(-1)), i + 2);
        }
        (if bare { Some(YearOf::Open) } else { None }, i)
    }

    // ---- vague parts ----

    /// `early`, `mid-`, `late`, `the beginning of`, `the end of`, `the middle of`.
    fn part(&self, i: usize) -> Option<(Part, usize)> {
        let k = if self.is(i, "the") { i + 1 } else { i };
        let w = self.text(k).to_ascii_lowercase();
        let of_form = match w.as_str() {
            "beginning" | "start" => Some(Part::Early),
            "middle" => Some(Part::Mid),
            "end" | "close" => Some(Part::Late),
            _ => None,
        };
        if let Some(p) = of_form {
            return (self.kind(k) == Some(Kind::Word) && self.is(k + 1, "of")).then_some((p, k + 2));
        }
        if k != i && !matches!(w.as_str(), "early" | "mid" | "late") {
            return None;
        }
        let p = match w.as_str() {
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => return None,
        };
        let next = if self.punct(k + 1, &['-', '–']) && self.tight(k + 1) {
            k + 2
        } else {
            k + 1
        };
        // "early in the year", "late last year": fine; "early on": not a date.
        let next = if self.is(next, "in") && self.is(next + 1, "the") && self.any(next + 2, &["year", "month", "week"])
        {
            next + 1
        } else {
            next
        };
        Some((p, next))
    }

    // ---- the main rule ----

    /// Whether a word can open a date: most words (and names) cannot, and are passed over
    /// without trying the rules.
    fn may_start(&self, t: &str) -> bool {
        STARTS.iter().any(|s| t.eq_ignore_ascii_case(s))
            || month_word(t).is_some()
            || weekday_word(t).is_some()
            || matches!(t, "Christmas" | "Boxing" | "Halloween" | "Valentine" | "New")
            || (t.len() == 2 && (t.starts_with('Q') || t.starts_with('H')))
            || t.starts_with(|c: char| c.is_ascii_digit())
            || cardinal(&t.to_ascii_lowercase()).is_some()
    }

    /// Every reading that starts at token `i`, each with its next token.
    fn readings(&self, i: usize) -> Vec<(Raw, usize)> {
        let mut out = Vec::new();
        let t = self.text(i);
        let first = t.chars().next();
        if first.is_none_or(|c| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            return out;
        }
        if first.is_some_and(char::is_alphabetic) && !self.may_start(t) {
            return out;
        } // Ranges and calendar dates.
        for a in self.calendar(i) {
            if let Some(r) = self.range(&a) {
                out.push(r);
            }
            if let Some(r) = self.single(&a) {
                out.push(r);
            }
        }
        // Vague parts of a period.
        if let Some((part, j)) = self.part(i) {
            for (p, next, raw) in self.partable(j) {
                let mut r = raw;
                r.start = Point::Part(part, Box::new(p));
                r.span = self.span(i, next);
                if self.is(i, "the") {
                    r.span.start = self.start(i + 1);
                }
                out.push((r, next));
            }
        }
        if let Some((p, next)) = self.period(i) {
            let first = if self.is(i, "the") { i + 1 } else { i };
            out.push((self.raw(p, first, next), next));
        }
        out.extend(self.relative(i));
        // "Nov. 14 last year", "in March this year": the year-less date takes that year.
        for (r, next) in &mut out {
            let open = |p: &Point| {
                matches!(
                    p,
                    Point::Cal {
                        y: None,
                        m: Some(_),
                        ..
                    }
                )
            };
            if open(&r.start)
                && r.end.as_ref().is_none_or(open)
                && let Some((k, Unit::Year, end)) = which_unit(self, self.comma(*next))
            {
                r.start = Point::InYear(k, Box::new(r.start.clone()));
                r.end = r.end.take().map(|e| Point::InYear(k, Box::new(e)));
                r.span.end = self.end_of(end - 1);
                r.relative = true;
                *next = end;
            } else if open(&r.start)
                && r.end.as_ref().is_none_or(open)
                && let Some((k, end)) = story_year(self, self.comma(*next))
            {
                r.start = Point::InStoryYear(k, Box::new(r.start.clone()));
                r.end = r.end.take().map(|e| Point::InStoryYear(k, Box::new(e)));
                r.span.end = self.end_of(end - 1);
                r.anchored = true;
                *next = end;
            }
        }
        out
    }

    /// What a vague word can stand before: a month (and year), a year, a decade, a season,
    /// a relative period ("next week", "the month", "this year").
    fn partable(&self, j: usize) -> Vec<(Point, usize, Raw)> {
        let mut out = Vec::new();
        for c in self.plain_calendar(j) {
            if let Point::Cal { d: None, m, y } = c.point
                && (m.is_some() || y.is_some())
            {
                let mut raw = self.raw(c.point.clone(), j, c.end);
                raw.style.month_abbrev = c.month_abbrev;
                out.push((Point::cal(y, m, None), c.end, raw));
            }
        }
        if let Some((p, next)) = self.period(j) {
            out.push((p.clone(), next, self.raw(p, j, next)));
        }
        // "the end of the month", "the end of the week", "the beginning of the year"
        if self.is(j, "the")
            && let Some(u) = unit_word(self.text(j + 1)).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))
            && !self.any(j + 2, &["of", "'", "’"])
        {
            let p = Point::Unit(u, 0);
            let mut raw = self.raw(p.clone(), j, j + 2);
            raw.relative = true;
            out.push((p, j + 2, raw));
        }
        if let Some((k, u, next)) = which_unit(self, j) {
            let p = Point::Unit(u, k);
            let mut raw = self.raw(p.clone(), j, next);
            raw.relative = true;
            out.push((p, next, raw));
        }
        out
    }

    fn raw(&self, p: Point, first: usize, next: usize) -> Raw {
        Raw {
            span: self.span(first, next),
            style: Style {
                order: Order::DayFirst,
                month_abbrev: false,
                month_dot: false,
                separator: "-".to_string(),
                year_written: p.year_written(),
            },
            relative: false,
            anchored: false,
            start: p,
            end: None,
            weekday: None,
            impossible: None,
        }
    }

    fn raw_of(&self, c: &Cal, next: usize) -> Raw {
        let mut r = self.raw(c.point.clone(), c.first, next);
        r.style.order = c.order;
        r.style.month_abbrev = c.month_abbrev;
        r.style.month_dot = c.month_dot;
        r.weekday = c.weekday.clone();
        r.impossible = c.impossible.clone();
        r
    }

    /// A calendar date standing alone, where its form allows.
    fn single(&self, c: &Cal) -> Option<(Raw, usize)> {
        let Point::Cal { y, m, d } = c.point else {
            return None;
        };
        let prev = c.first.checked_sub(1);
        let after_prep = prev.is_some_and(|b| self.any(b, PREPOSITIONS));
        match (y, m, d) {
            (_, Some(_), Some(d)) => {
                // A day past 31 is reported only where it is surely meant as a date.
                if d > 31 && y.is_none() && c.weekday.is_none() && !prev.is_some_and(|b| self.is(b, "on")) {
                    return None;
                }
                Some((self.raw_of(c, c.end), c.end))
            }
            (_, None, Some(_)) if c.impossible.is_some() => Some((self.raw_of(c, c.end), c.end)),
            (Some(_), Some(_), None) => Some((self.raw_of(c, c.end), c.end)),
            // "in May": the month alone after a preposition.
            (None, Some(_), None) => {
                if !after_prep || c.month_abbrev {
                    return None;
                }
                Some((self.raw_of(c, c.end), c.end))
            }
            // "in 2004", not "in 2004-05" or "in 2004,5".
            (Some(_), None, None) => {
                let tail = self.punct(c.end, &['-', '/', '.', ',', '–'])
                    && self.tight(c.end)
                    && self.tight(c.end + 1)
                    && self.kind(c.end + 1) == Some(Kind::Num);
                let ok = prev.is_some_and(|b| self.any(b, &["in", "during"]));
                (ok && !tail).then(|| (self.raw_of(c, c.end), c.end))
            }
            // "on the 15th", "Tuesday the 19th": a day of the month alone.
            (None, None, Some(d)) if d <= 31 && c.order == Order::Relative => {
                let the = prev.filter(|b| self.is(*b, "the"));
                let pinned = c.weekday.is_some()
                    || (the.and_then(c_prev).is_some_and(|b| {
                        self.any(b, &["on", "by", "until", "since", "from", "before", "after", "for"])
                    }) && self.ends_phrase(c.end));
                if !pinned {
                    return None;
                }
                let mut r = self.raw_of(c, c.end);
                r.relative = true;
                if let Some(w) = &c.weekday {
                    r.span.start = w.1.start;
                }
                Some((r, c.end))
            }
            _ => None,
        }
    }

    /// Nothing that could make the phrase a noun phrase follows: "on the 15th," but not
    /// "on the 15th floor".
    fn ends_phrase(&self, i: usize) -> bool {
        i >= self.t.len()
            || self.punct(i, &[',', '.', ';', ':', ')', '!', '?', '—', '–'])
            || self.any(
                i,
                &["and", "to", "at", "in", "when", "after", "before", "as", "with", "of"],
            ) && !self.is(i, "of")
    }

    /// `A CONN B`, each side lending the other what it leaves out.
    fn range(&self, a: &Cal) -> Option<(Raw, usize)> {
        let lead = c_prev(a.first).map(|b| if self.is(b, "the") { b.saturating_sub(1) } else { b });
        let between = lead.is_some_and(|b| self.is(b, "between"));
        let from = lead.is_some_and(|b| self.is(b, "from"));
        let k = a.end;
        let (sep, next) = if self.punct(k, &['-', '–', '—']) {
            (self.text(k).to_string(), k + 1)
        } else if self.any(k, CONNECTORS) || self.is(k, "and") {
            (format!(" {} ", self.text(k)), k + 1)
        } else {
            return None;
        };
        let sep = if self.punct(k, &['-', '–', '—']) {
            let before = if self.tight(k) { "" } else { " " };
            let after = if self.tight(next) { "" } else { " " };
            format!("{before}{sep}{after}")
        } else {
            sep
        };
        // "8 and 9 September", "September 8 and 9": two days next to each other, one of
        // them bare, read as the two days. Two full dates joined by "and" are two dates.
        let paired_days = self.is(k, "and") && !between;
        let next = if self.is(next, "the") { next + 1 } else { next };
        let mut best: Option<(Raw, usize)> = None;
        for b in self.calendar(next) {
            let Some((sa, sb)) = combine(&a.point, &b.point) else {
                continue;
            };
            if paired_days && !adjacent_days(&a.point, &b.point, &sb) {
                continue;
            }
            // Years joined by a dash only when both are written out ("2019-2021").
            if let (Point::Cal { m: None, d: None, .. }, Point::Cal { m: None, d: None, .. }) = (&a.point, &b.point) {
                if self.text(next).len() != 4 {
                    continue;
                }
                if !(between || from || self.punct(k, &['-', '–', '—'])) {
                    continue;
                }
            }
            // A range that runs backwards is a typo ("22-20 March") only when written tight
            // as one; "from December 1 to October 1", "6th - 4 October" are two dates.
            // So is a bare day borrowing the month after a word ("5 to 3 May 2023",
            // "between 20 and 2 March"): nothing else reads that way.
            let tight_dash = self.punct(k, &['-', '–']) && self.tight(k) && self.tight(k + 1);
            let worded = !self.punct(k, &['-', '–', '—']) && matches!(a.point, Point::Cal { m: None, .. });
            if reversed(&sa, &sb) && !((tight_dash || worded) && self.kind(a.first) == Some(Kind::Num)) {
                continue;
            }
            let mut r = self.raw_of(a, b.end);
            r.start = sa;
            r.end = Some(sb);
            r.style.separator = sep.clone();
            r.style.year_written = a.point.year_written() || b.point.year_written();
            if a.order == Order::Relative && b.order == Order::DayFirst {
                r.style.order = Order::DayFirst;
            }
            if b.order == Order::MonthFirst && a.order == Order::MonthFirst {
                r.style.order = Order::MonthFirst;
            }
            if r.weekday.is_none() {
                r.weekday = b.weekday.clone();
            }
            if !matches!(a.point, Point::Cal { m: Some(_), .. }) {
                r.style.month_abbrev = b.month_abbrev;
                r.style.month_dot = b.month_dot;
            }
            if r.impossible.is_none() {
                r.impossible = b.impossible.clone();
            }
            if best.as_ref().is_none_or(|(_, e)| b.end > *e) {
                best = Some((r, b.end));
            }
        }
        best
    }

    // ---- relative dates ----

    fn relative(&self, i: usize) -> Vec<(Raw, usize)> {
        let mut out = Vec::new();
        let rel = |p: Point, first: usize, next: usize| {
            let mut r = self.raw(p, first, next);
            r.relative = true;
            r.style.order = Order::Relative;
            (r, next)
        };
        let w = self.text(i).to_ascii_lowercase();
        let prev_is = |words: &[&str]| i.checked_sub(1).is_some_and(|b| self.any(b, words));
        match w.as_str() {
            "yesterday" | "today" | "tomorrow" | "tonight" if self.kind(i) == Some(Kind::Word) => {
                // "three years ago today", "a year ago yesterday": an anniversary, not the
                // day itself.
                if prev_is(&["ago"]) {
                    return out;
                }
                let n = match w.as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                out.push(rel(Point::Days(n), i, i + 1));
            }
            "day" if prev_is(&["the"]) => {
                // "the day before yesterday", "the day after tomorrow"
                if self.is(i + 1, "before") && self.is(i + 2, "yesterday") {
                    out.push(rel(Point::Days(-2), i, i + 3));
                } else if self.is(i + 1, "after") && self.is(i + 2, "tomorrow") {
                    out.push(rel(Point::Days(2), i, i + 3));
                }
            }
            // "a decade ago this week": the anniversary's week, not this one.
            "last" | "next" | "this" | "coming" | "past" if prev_is(&["ago"]) => {}
            "last" | "next" | "this" | "coming" | "past" if !prev_is(&["the", "over", "within", "for"]) => {
                let k = match w.as_str() {
                    "last" | "past" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
                let which = match k {
                    -1 => Which::Last,
                    1 => Which::Next,
                    _ => Which::This,
                };
                // "this coming Friday", "this past weekend"
                let (j, which) = if w == "this" && self.is(i + 1, "coming") {
                    (i + 2, Which::Next)
                } else if w == "this" && self.is(i + 1, "past") {
                    (i + 2, Which::Last)
                } else {
                    (i + 1, which)
                };
                if let Some((wd, next)) = self.weekday(j, false) {
                    out.push(rel(Point::Weekday(which, wd), i, next));
                } else if w != "past" && w != "coming" || j == i + 2 {
                    if j == i + 2
                        && let Some(u) = unit_word(self.text(j))
                        && matches!(u, Unit::Week | Unit::Weekend)
                        && !self.text(j).ends_with('s')
                    {
                        let p = match u {
                            Unit::Weekend => Point::NearWeekend(which == Which::Next),
                            _ => Point::Unit(u, if which == Which::Last { -1 } else { 1 }),
                        };
                        out.push(rel(p, i, j + 1));
                    }
                    if let Some((k, u, next)) = which_unit(self, i) {
                        out.push(rel(Point::Unit(u, k), i, next));
                    }
                    if let Some(s) = season(self.text(j)) {
                        out.push(rel(Point::RelSeason(which, s), i, j + 1));
                    }
                    if let Some((m, false, _, next)) = self.month(j)
                        && self.plain_num(next).is_none()
                    {
                        out.push(rel(Point::RelMonth(which, m), i, next));
                    }
                    if let Some((m, d, next)) = self.holiday(j) {
                        out.push(rel(Point::Holiday(which, m, d, None), i, next));
                    }
                    // "this time last year"
                    if w == "this" && self.is(i + 1, "time") && self.is(i + 2, "last") && self.is(i + 3, "year") {
                        out.push(rel(Point::Shift(Unit::Year, -1), i, i + 4));
                    }
                    // "this morning", "last night"
                    if w == "this" && self.any(j, &["morning", "afternoon", "evening"]) {
                        out.push(rel(Point::Days(0), i, j + 1));
                    }
                    if w == "last" && self.is(j, "night") {
                        out.push(rel(Point::Days(-1), i, j + 1));
                    }
                }
            }
            "earlier" | "later" if !prev_is(&["the", "a", "an"]) => {
                // "earlier this month", "later this week", "earlier today"
                if self.is(i + 1, "this")
                    && let Some(u) = unit_word(self.text(i + 2))
                    && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter)
                    && !self.text(i + 2).ends_with('s')
                {
                    out.push(rel(Point::SoFar(u, w == "earlier"), i, i + 3));
                }
                if self.is(i + 1, "today") {
                    out.push(rel(Point::Days(0), i, i + 2));
                }
            }
            "in" => {
                // "in two weeks", "in a month"
                if let Some((n, u, next)) = self.count_unit(i + 1)
                    && !self.any(next, &["of", "time", "'", "’", "to", "and"])
                    && !prev_is(&["only", "just", "within", "first", "last", "once", "twice"])
                    && !self.record_before(i)
                    && u != Unit::Decade
                {
                    out.push(rel(Point::Shift(u, n), i, next));
                }
            }
            "the" => {
                // "at the weekend", "over the weekend": the one the tense points to.
                if self.is(i + 1, "weekend") && prev_is(&["at", "over", "on", "during", "by"]) {
                    out.push(rel(Point::Weekend, i + 1, i + 2));
                }
                // "the September quarter": the quarter that ends in September.
                if let Some((m, false, _, next)) = self.month(i + 1)
                    && m % 3 == 0
                    && self.is(next, "quarter")
                {
                    let (y, end) = match self.year_after(next + 1, false) {
                        (Some(y), e) => (y, e),
                        (None, _) => (YearOf::Near(m), next + 1),
                    };
                    out.push((self.raw(Point::Quarter(y, m / 3), i + 1, end), end));
                }
                // "the next day", "the following week", "the previous month", "the same day"
                let dir = match self.text(i + 1).to_ascii_lowercase().as_str() {
                    "next" | "following" => Some(1),
                    "previous" | "preceding" => Some(-1),
                    "same" => Some(0),
                    _ => None,
                };
                if let Some(n) = dir
                    && let Some(u) = unit_word(self.text(i + 2))
                    && !self.text(i + 2).ends_with('s')
                    && matches!(u, Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year)
                    && (u != Unit::Day || self.ends_phrase(i + 3) || self.punct(i + 3, &[',']))
                    && !self.any(i + 3, &["of", "'", "’"])
                    && (n != 1 || self.is(i + 1, "following") || u == Unit::Day)
                {
                    let mut r = rel(
                        Point::Anchored {
                            unit: u,
                            n,
                            whole: u != Unit::Day,
                        },
                        i + 1,
                        i + 3,
                    );
                    r.0.relative = false;
                    r.0.anchored = true;
                    out.push(r);
                }
                // "the first Tuesday of October", "the last Monday of March"
                if let Some(r) = self.nth_weekday(i) {
                    out.push(r);
                }
            }
            _ => {}
        }
        // "three weeks ago", "two days later", "a month ago", "two weeks from now"
        if let Some((n, u, next)) = self.count_unit(i)
            && !prev_is(&[
                "the", "of", "for", "than", "in", "within", "over", "about", "some", "nearly", "almost",
            ])
        {
            let ago = self.is(next, "ago") || (self.is(next, "from") && self.any(next + 1, &["now", "today"]));
            if ago {
                let n = if self.is(next, "ago") { -n } else { n };
                let end = if self.is(next, "ago") { next + 1 } else { next + 2 };
                match self.text(end).to_ascii_lowercase().as_str() {
                    "today" if n < 0 => out.push(rel(Point::Anniversary(u, n, 0), i, end + 1)),
                    "yesterday" if n < 0 => out.push(rel(Point::Anniversary(u, n, -1), i, end + 1)),
                    _ => out.push(rel(Point::Shift(u, n), i, end)),
                }
            } else if self.any(next, &["later", "earlier"]) && !self.any(next + 1, &["than"]) {
                let n = if self.is(next, "later") { n } else { -n };
                let mut r = rel(
                    Point::Anchored {
                        unit: u,
                        n,
                        whole: false,
                    },
                    i,
                    next + 1,
                );
                r.0.relative = false;
                r.0.anchored = true;
                out.push(r);
            }
        }
        // Weekdays: "Wednesday next week", "Friday after next", "Tuesday the 19th" (read by
        // `calendar`), "on Friday", "said Tuesday".
        if let Some((wd, next)) = self.weekday(i, false) {
            if self.any(next, &["next", "last", "this"]) && self.is(next + 1, "week") {
                let k = match self.text(next).to_ascii_lowercase().as_str() {
                    "next" => 1,
                    "last" => -1,
                    _ => 0,
                };
                out.push(rel(Point::WeekdayOfWeek(wd, k), i, next + 2));
            } else if self.is(next, "after") && self.is(next + 1, "next") {
                out.push(rel(Point::Weekday(Which::AfterNext, wd), i, next + 2));
            } else if self.is(next, "before") && self.is(next + 1, "last") {
                out.push(rel(Point::Weekday(Which::BeforeLast, wd), i, next + 2));
            } else if self.bare_weekday(i, next) {
                // "said Tuesday", "said on Tuesday"
                let said = i.checked_sub(1).is_some_and(|b| {
                    self.any(b, SAID) || (self.is(b, "on") && b.checked_sub(1).is_some_and(|c| self.any(c, SAID)))
                });
                let which = if said { Which::Said } else { Which::Bare };
                out.push(rel(Point::Weekday(which, wd), i, next));
            }
        }
        if let Some((m, d, next)) = self.holiday(i) {
            let (y, end) = match self.trailing_year(next) {
                Some((y, e)) => (Some(y), e),
                None => (None, next),
            };
            let mut r = self.raw(Point::Holiday(Which::Bare, m, d, y), i, end);
            r.relative = false;
            out.push((r, end));
        }
        out
    }

    /// A weekday standing alone is a date unless it is part of a name ("Good Friday",
    /// "Super Tuesday") or a set ("every Monday").
    fn bare_weekday(&self, i: usize, next: usize) -> bool {
        let prev = i.checked_sub(1);
        if prev.is_some_and(|b| {
            self.any(
                b,
                &[
                    "every",
                    "each",
                    "a",
                    "one",
                    "that",
                    "the",
                    "same",
                    "previous",
                    "following",
                ],
            )
        }) {
            return false;
        }
        if prev.is_some_and(|b| self.any(b, NAMED_DAYS)) {
            return false;
        }
        let named_before = prev.is_some_and(|b| {
            let w = self.text(b);
            self.kind(b) == Some(Kind::Word)
                && w.chars().next().is_some_and(char::is_uppercase)
                && !self.sentence_start(b)
                && !self.any(b, LEADS)
        });
        let named_after = self.kind(next) == Some(Kind::Word)
            && self.text(next).chars().next().is_some_and(char::is_uppercase)
            && month_word(self.text(next)).is_none();
        // "on Friday" was always read; elsewhere only before a word that cannot continue a
        // name, or a mark.
        let on = prev.is_some_and(|b| self.is(b, "on"));
        if on {
            return !named_after;
        }
        !named_before && !named_after && prev.is_some_and(|b| self.kind(b) == Some(Kind::Word))
    }

    /// `three weeks`, `a month`, `2 years`, `twenty-one days`: the count, unit, next token.
    fn count_unit(&self, i: usize) -> Option<(i64, Unit, usize)> {
        let (n, j) = self.count(i)?;
        let unit = unit_word(self.text(j))?;
        if self.text(j).to_ascii_lowercase().ends_with('s') != (n != 1) && !(n == 1 && self.is(j, "weekend")) {
            return None;
        }
        Some((n, unit, j + 1))
    }

    fn count(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(n) = self.plain_num(i) {
            return (self.text(i).len() <= 3 && n > 0).then_some((i64::from(n), i + 1));
        }
        let w = self.text(i).to_ascii_lowercase();
        if matches!(w.as_str(), "a" | "an" | "one") && self.kind(i) == Some(Kind::Word) {
            return Some((1, i + 1));
        }
        let n = cardinal(&w)?;
        if (20..=90).contains(&n)
            && self.punct(i + 1, &['-'])
            && self.tight(i + 1)
            && self.tight(i + 2)
            && let Some(u) = cardinal(&self.text(i + 2).to_ascii_lowercase()).filter(|u| *u < 10)
        {
            return Some((i64::from(n + u), i + 3));
        }
        Some((i64::from(n), i + 1))
    }

    /// "the first Tuesday of October 2023", "the last Monday in March".
    fn nth_weekday(&self, i: usize) -> Option<(Raw, usize)> {
        let (n, j) = if self.is(i + 1, "last") {
            (-1, i + 2)
        } else {
            let (n, j) = self
                .ordinal_word(i + 1)
                .or_else(|| ordinal_digits(self.text(i + 1)).map(|n| (n, i + 2)))?;
            (n as i32, j)
        };
        if !(1..=5).contains(&n) && n != -1 {
            return None;
        }
        let (w, k) = self.weekday(j, false)?;
        if !self.any(k, &["of", "in"]) {
            return None;
        }
        // "of the month", "of next month"
        let rel = if self.is(k + 1, "the") && self.is(k + 2, "month") {
            Some((0, k + 3))
        } else {
            which_unit(self, k + 1)
                .filter(|(_, u, _)| *u == Unit::Month)
                .map(|(m, _, next)| (m, next))
        };
        if let Some((months, end)) = rel {
            let mut r = self.raw(Point::NthWeekdayOf { n, w, k: months }, i + 1, end);
            r.relative = true;
            return Some((r, end));
        }
        let (m, _, _, next) = self.month(k + 1)?;
        let (y, end) = match self.trailing_year(next) {
            Some((y, e)) => (Some(y), e),
            None => (None, next),
        };
        let r = self.raw(Point::NthWeekday { n, w, m, y }, i + 1, end);
        Some((r, end))
    }

    /// "Christmas Day", "New Year's Eve", "Valentine's Day", "Halloween".
    fn holiday(&self, i: usize) -> Option<(u32, u32, usize)> {
        let possessive = |k: usize| self.punct(k, &['\'', '’']) && self.is(k + 1, "s");
        match self.text(i) {
            "Christmas" if self.is(i + 1, "Day") => Some((12, 25, i + 2)),
            "Christmas" if self.is(i + 1, "Eve") => Some((12, 24, i + 2)),
            "Boxing" if self.is(i + 1, "Day") => Some((12, 26, i + 2)),
            "Halloween" => Some((10, 31, i + 1)),
            "Valentine" if possessive(i + 1) && self.is(i + 3, "Day") => Some((2, 14, i + 4)),
            "New" if self.is(i + 1, "Year") && possessive(i + 2) && self.is(i + 4, "Day") => Some((1, 1, i + 5)),
            "New" if self.is(i + 1, "Year") && possessive(i + 2) && self.is(i + 4, "Eve") => Some((12, 31, i + 5)),
            _ => None,
        }
    }
}

fn c_prev(i: usize) -> Option<usize> {
    i.checked_sub(1)
}

/// Verbs of saying: "said Tuesday" is the day it was said.
const SAID: &[&str] = &[
    "said",
    "told",
    "announced",
    "added",
    "wrote",
    "confirmed",
    "stated",
    "reported",
    "declared",
    "tweeted",
];

/// Words that make a weekday the name of a day: "Good Friday", "Super Tuesday".
const NAMED_DAYS: &[&str] = &[
    "Good",
    "Black",
    "Super",
    "Ash",
    "Holy",
    "Maundy",
    "Easter",
    "Cyber",
    "Bloody",
    "Fat",
    "Shrove",
    "Palm",
    "Whit",
    "Giving",
    "Mothering",
    "Low",
    "Trinity",
    "Orthodox",
    "Blue",
    "Manic",
];

/// The lower-case words a date can start with.
const STARTS: &[&str] = &[
    "the",
    "last",
    "next",
    "this",
    "coming",
    "past",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "day",
    "in",
    "a",
    "an",
    "one",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "beginning",
    "start",
    "middle",
    "end",
    "close",
];

/// Words that may stand capitalised before a month or weekday without making a name.
const LEADS: &[&str] = &[
    "In", "On", "Since", "Until", "By", "During", "From", "Before", "After", "Early", "Late", "Mid", "Last", "Next",
    "This", "Through", "Between", "And", "Or", "The", "Of", "Every", "Each", "Until", "Till", "As", "At", "For",
];

const PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "by", "during", "through", "before", "after", "from",
];

/// "last week", "next month", "this year", "this weekend" at `i`: the offset, the unit
/// and the next token.
/// "that year", "of the same year", "the following year", "the year before": a year
/// counted from the date told before; how many years on, and the token after.
fn story_year(p: &P<'_>, i: usize) -> Option<(i64, usize)> {
    let i = if p.is(i, "of") { i + 1 } else { i };
    if p.is(i, "that") && p.is(i + 1, "year") {
        return Some((0, i + 2));
    }
    if !p.is(i, "the") {
        return None;
    }
    if p.is(i + 1, "year") && p.any(i + 2, &["before", "after"]) {
        return Some((if p.is(i + 2, "before") { -1 } else { 1 }, i + 3));
    }
    let k = match p.text(i + 1).to_ascii_lowercase().as_str() {
        "same" => 0,
        "following" | "next" => 1,
        "previous" | "preceding" => -1,
        _ => return None,
    };
    p.is(i + 2, "year").then_some((k, i + 3))
}

fn which_unit(p: &P<'_>, i: usize) -> Option<(i64, Unit, usize)> {
    let k = match p.text(i).to_ascii_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        "this" => 0,
        _ => return None,
    };
    if p.kind(i) != Some(Kind::Word)
        || i.checked_sub(1)
            .is_some_and(|b| p.any(b, &["the", "over", "within", "for"]))
    {
        return None;
    }
    let w = p.text(i + 1);
    let u = unit_word(w)?;
    // "This Week", "Next Year": a title.
    if w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if w.to_ascii_lowercase().ends_with('s') || u == Unit::Day || u == Unit::Half {
        return None;
    }
    Some((k, u, i + 2))
}

/// Whether `w` is a unit a span of time is counted in ("days", "a year").
pub fn is_time_unit(w: &str) -> bool {
    unit_word(w).is_some()
}

fn unit_word(w: &str) -> Option<Unit> {
    Some(match w.to_ascii_lowercase().as_str() {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "weekend" | "weekends" => Unit::Weekend,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "half" => Unit::Half,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

fn season(w: &str) -> Option<Season> {
    Some(match w.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// `1st`, `22nd`, `13th`: an ordinal in digits with the right suffix.
fn ordinal_digits(w: &str) -> Option<u32> {
    let split = w.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = (w.get(..split)?, w.get(split..)?.to_ascii_lowercase());
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (suffix == want).then_some(n)
}

fn ordinal_unit(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if w == "thirtieth" {
        return Some(30);
    }
    WORDS.iter().position(|x| *x == w).map(|i| i as u32 + 1)
}

fn cardinal(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as u32 + 1);
    }
    Some(match w {
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Join two sides of a range, each lending the other the year, month or day it leaves out.
fn combine(a: &Point, b: &Point) -> Option<(Point, Point)> {
    let (Point::Cal { y: ya, m: ma, d: da }, Point::Cal { y: yb, m: mb, d: db }) = (a, b) else {
        return None;
    };
    let (mut ya, mut ma, da, mut yb, mut mb, db) = (*ya, *ma, *da, *yb, *mb, *db);
    // The same shape on both sides: days, months or years.
    if da.is_some() != db.is_some() {
        return None;
    }
    if da.is_some() {
        if ma.is_none() && mb.is_none() {
            return None;
        }
        if ma.is_none() {
            // "20-21 March": the left side is a bare number; it takes the right's month.
            if ya.is_some() {
                return None;
            }
            ma = mb;
        }
        if mb.is_none() {
            mb = ma;
        }
    } else if ma.is_some() != mb.is_some() || (ma.is_none() && (ya.is_none() || yb.is_none())) {
        return None;
    }
    // Years: the right's year lends itself to the left; a left year to a year-less right.
    match (ya, yb) {
        (None, Some(y)) => {
            ya = Some(if ma.zip(mb).is_some_and(|(a, b)| b < a) {
                y - 1
            } else {
                y
            });
        }
        (Some(y), None) if ma.is_some() => {
            yb = Some(if ma.zip(mb).is_some_and(|(a, b)| b < a) {
                y + 1
            } else {
                y
            });
        }
        (Some(a), Some(b)) if ma.is_none() && (b <= a || b - a > 100) => return None,
        _ => {}
    }
    Some((Point::cal(ya, ma, da), Point::cal(yb, mb, db)))
}

/// Whether a range surely ends before it starts, by what is written.
/// Whether `a` and `b`, one a bare day ("8 and 9 September"), are days next to each other in
/// the same month (`b_full` is `b` with what it borrowed).
fn adjacent_days(a: &Point, b: &Point, b_full: &Point) -> bool {
    let (Point::Cal { m: ma, d: Some(da), .. }, Point::Cal { m: mb, d: Some(db), .. }) = (a, b) else {
        return false;
    };
    let bare = ma.is_none() != mb.is_none();
    let same_month =
        matches!((ma, mb, b_full), (Some(x), None, Point::Cal { m: Some(y), .. }) if x == y) || ma.is_none();
    bare && same_month && *db == da + 1
}

fn reversed(a: &Point, b: &Point) -> bool {
    let (Point::Cal { y: ya, m: ma, d: da }, Point::Cal { y: yb, m: mb, d: db }) = (a, b) else {
        return false;
    };
    if ya.is_some() && yb.is_some() && ya != yb {
        return ya > yb;
    }
    match (ma, mb) {
        (Some(x), Some(y)) if x != y => {
            // Year-less, December to January runs into the new year.
            y < x && !(ya.is_none() && *x >= 10 && *y <= 3)
        }
        _ => da.zip(*db).is_some_and(|(x, y)| y < x),
    }
}

/// Every date mention in `prose`, left to right; where readings overlap, the longest
/// starting first wins.
pub(super) fn read(prose: &str, order: NumericOrder) -> Vec<Raw> {
    let toks = tokens(prose);
    let p = P { prose, t: &toks, order };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let best = p
            .readings(i)
            .into_iter()
            .max_by_key(|(r, next)| (*next, r.end.is_some()));
        match best {
            Some((r, next)) if next > i => {
                out.push(r);
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}
