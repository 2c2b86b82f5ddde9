//! EDTF dates as reports write them: a precision (year, month or day) and a qualifier, kept as written.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// How sure the author is of a date: `~` approximate, `?` uncertain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Qualifier {
    #[default]
    Exact,
    /// Written with `~`: "about 14 Mar 2024".
    Approximate,
    /// Written with `?`.
    Uncertain,
}

/// How much of a date is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date at year, month or day precision, as in `2024`, `2024-02`, `2024-02-12~`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub qualifier: Qualifier,
}

/// A span of time; either side may be open, not both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minProperties" = 1)))]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by `~` or `?`;
    /// else says why (in words with the `messages` feature only).
    pub fn parse(text: &str) -> Result<Date, String> {
        if let Some(date) = Date::whole_day(text) {
            return Ok(date);
        }
        // `..` found pairwise: a substring search sets up more than it saves on ten bytes
        let dots = text.as_bytes().windows(2).any(|w| w == b"..");
        if text.contains('/') || dots {
            return Err(message!(
                "a date cannot be an interval; use a period with `start` and `end`"
            ));
        }
        if text.contains('%') {
            return Err(message!(
                "`%` is not accepted; use `~` (approximate) or `?` (uncertain)"
            ));
        }
        let (body, qualifier) = if let Some(b) = text.strip_suffix('~') {
            (b, Qualifier::Approximate)
        } else if let Some(b) = text.strip_suffix('?') {
            (b, Qualifier::Uncertain)
        } else {
            (text, Qualifier::Exact)
        };
        let shape = "write a date as YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ or ?";
        let mut parts = body.split('-');
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        };
        let year = parts.next().and_then(|s| number(s, 4)).ok_or(shape)?;
        let month = match parts.next() {
            None => None,
            Some(s) => Some(number(s, 2).ok_or(shape)?),
        };
        let day = match parts.next() {
            None => None,
            Some(s) => Some(number(s, 2).ok_or(shape)?),
        };
        if parts.next().is_some() {
            return Err(message!("{shape}"));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(message!("there is no month {m}"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year as i32, m))
        {
            return Err(message!("there is no day {d} in {year:04}-{m:02}"));
        }
        Ok(Date {
            year: year as i32,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            qualifier,
        })
    }

    /// The common case, a valid day written in full (`2024-02-12`, maybe
    /// with `~` or `?`), read without the general path's searches; `None`
    /// for anything else, which [`Date::parse`] reads or explains.
    fn whole_day(text: &str) -> Option<Date> {
        let (body, qualifier) = match text.as_bytes() {
            [body @ .., b'~'] => (body, Qualifier::Approximate),
            [body @ .., b'?'] => (body, Qualifier::Uncertain),
            body => (body, Qualifier::Exact),
        };
        let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *body else {
            return None;
        };
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        let (year, month, day) = (
            number(&[y0, y1, y2, y3])?,
            number(&[m0, m1])?,
            number(&[d0, d1])?,
        );
        let valid =
            (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year as i32, month);
        valid.then_some(Date {
            year: year as i32,
            month: Some(month as u8),
            day: Some(day as u8),
            qualifier,
        })
    }

    /// Year, month or day.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date covers (1 Jan for a year, the 1st for a month).
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1);
        let day = if self.month.is_some() {
            self.day.unwrap_or(1)
        } else {
            1
        };
        ymd(self.year, month, day)
    }

    /// The last day the date covers (31 Dec for a year, the month's end for a month).
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => ymd(self.year, m, d),
            (Some(m), None) => ymd(self.year, m, days_in_month(self.year, u32::from(m)) as u8),
            _ => ymd(self.year, 12, 31),
        }
    }

    /// Compares at the coarser of the two precisions; qualifiers are ignored,
    /// so `2024-02` and `2024-02-10` are equal.
    pub fn cmp_coarse(&self, other: &Date) -> Ordering {
        let precision = self.precision().min(other.precision());
        let key = |d: &Date| match precision {
            Precision::Year => (d.year, 0, 0),
            Precision::Month => (d.year, d.month.unwrap_or(0), 0),
            Precision::Day => (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)),
        };
        key(self).cmp(&key(other))
    }
}

fn ymd(year: i32, month: u8, day: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day)).unwrap_or(NaiveDate::MIN)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// The EDTF text, exactly as a report writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        match self.qualifier {
            Qualifier::Exact => Ok(()),
            Qualifier::Approximate => f.write_str("~"),
            Qualifier::Uncertain => f.write_str("?"),
        }
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
