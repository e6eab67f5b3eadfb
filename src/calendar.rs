//! The calendar every part of factlint shares: month and weekday names as copy writes
//! them, and the arithmetic of months and weeks. It depends on nothing else in the crate.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

pub const MONTH_NAMES: [&str; 12] = [
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

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `14 April 2023`: a date as copy writes it in full.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "August", "Aug": a month's name as copy writes it (or a prefix of it of three letters
/// or more).
pub fn is_month(word: &str) -> bool {
    MONTH_NAMES
        .iter()
        .any(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
}

/// The month a word names: a full name or a usual abbreviation (`Sept`), capitalised.
/// Returns the month and whether the word was an abbreviation.
pub fn month_word(word: &str) -> Option<(u32, bool)> {
    // A full name as written, or in capitals as in a timeline's headings ("9 AUGUST:").
    let capitals = is_capitals(word);
    if let Some(i) = MONTH_NAMES
        .iter()
        .position(|m| *m == word || (capitals && m.eq_ignore_ascii_case(word)))
    {
        return Some((i as u32 + 1, false));
    }
    const SHORT: [(&str, u32); 12] = [
        ("Jan", 1),
        ("Feb", 2),
        ("Mar", 3),
        ("Apr", 4),
        ("Jun", 6),
        ("Jul", 7),
        ("Aug", 8),
        ("Sep", 9),
        ("Sept", 9),
        ("Oct", 10),
        ("Nov", 11),
        ("Dec", 12),
    ];
    SHORT.iter().find(|(s, _)| *s == word).map(|(_, m)| (*m, true))
}

/// A word written all in capitals (`AUGUST`).
fn is_capitals(word: &str) -> bool {
    word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The month a name starts with (`Mar.`, `March`): its first three letters decide.
pub fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect();
    let n = MONTH_NAMES.iter().position(|m| m.get(..3) == Some(key.as_str()))?;
    Some(n as u32 + 1)
}

pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES.get((month as usize).wrapping_sub(1)).copied().unwrap_or("")
}

/// The weekday a word names, full (`Tuesday`) or abbreviated (`Tue`, `Tues`), capitalised.
/// Returns the weekday and whether the word was an abbreviation.
pub fn weekday_word(word: &str) -> Option<(Weekday, bool)> {
    if let Some(i) = WEEKDAY_NAMES
        .iter()
        .position(|w| *w == word || (is_capitals(word) && w.eq_ignore_ascii_case(word)))
    {
        return Some((weekday_at(i), false));
    }
    const SHORT: [(&str, usize); 11] = [
        ("Mon", 0),
        ("Tue", 1),
        ("Tues", 1),
        ("Wed", 2),
        ("Thu", 3),
        ("Thur", 3),
        ("Thurs", 3),
        ("Fri", 4),
        ("Sat", 5),
        ("Sun", 6),
        ("Weds", 2),
    ];
    SHORT
        .iter()
        .find(|(s, _)| *s == word)
        .map(|(_, i)| (weekday_at(*i), true))
}

fn weekday_at(i: usize) -> Weekday {
    match i {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The weekday a name starts with, in any case: its first three letters decide.
pub fn weekday_from(name: &str) -> Option<Weekday> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    WEEKDAY_NAMES
        .iter()
        .position(|w| w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(&key)))
        .map(weekday_at)
}

pub fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAY_NAMES[w.num_days_from_monday() as usize]
}

pub fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first and last day of a month.
pub fn month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, month, 1)?,
        NaiveDate::from_ymd_opt(year, month, days_in_month(year, month))?,
    ))
}

/// The Monday that starts the ISO week of `d`.
pub fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

/// `d` moved by `n` months, the day clamped to the end of a shorter month.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// `d` moved by `n` days.
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(chrono::Duration::try_days(n)?)
}

/// The first day of the month `n` months after the month of `d`.
pub fn month_start_after(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    add_months(d.with_day(1)?, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(month_word("Sept"), Some((9, true)));
        assert_eq!(month_word("May"), Some((5, false)));
        assert_eq!(month_word("may"), None);
        assert_eq!(month_number("Mar."), Some(3));
        assert_eq!(weekday_word("Thurs"), Some((Weekday::Thu, true)));
        assert_eq!(weekday_from("FRIDAY"), Some(Weekday::Fri));
        assert!(is_month("Augu"));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(1900, 2), 28);
    }
}
