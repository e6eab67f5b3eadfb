//! Rendering a date the way the draft writes dates, for suggested corrections.

use chrono::{Datelike, NaiveDate};

use super::{DateMention, Order};
use crate::calendar::MONTH_NAMES;

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
