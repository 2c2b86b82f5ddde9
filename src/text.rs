//! The one place that turns dates and numbers into words for readers.
//!
//! A date is shown at the precision it was written ("Feb 2024", never
//! "1 Feb 2024"), with its qualifier in words.

use chrono::{Datelike, NaiveDate};
use sealift_format::{Bound, Date, Qualifier, Quantity};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "12 Feb 2024", "Feb 2024", "2024", "about 14 Mar 2024", "Mar 2024 (uncertain)".
pub fn date_text(date: &Date) -> String {
    let month = date
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)))
        .copied();
    let plain = match (date.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", date.year),
        (None, Some(month)) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    };
    match date.qualifier {
        Qualifier::Exact => plain,
        Qualifier::Approximate => format!("about {plain}"),
        Qualifier::Uncertain => format!("{plain} (uncertain)"),
    }
}

/// A span between two dates, either of which may be unknown:
/// "7 Sep 2023 – 12 Sep 2023", "from Aug 2023", "until 12 Feb 2024".
pub fn span_text(start: Option<&Date>, end: Option<&Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => date_text(s),
        (Some(s), Some(e)) => format!("{} – {}", date_text(s), date_text(e)),
        (Some(s), None) => format!("from {}", date_text(s)),
        (None, Some(e)) => format!("until {}", date_text(e)),
        (None, None) => String::from("date unknown"),
    }
}

/// A whole number with thousands separators: 13000 → "13,000".
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return String::from("?");
    }
    let rounded = value.round();
    if (value - rounded).abs() > f64::EPSILON {
        // Fractions are rare in reports (a length, a share); keep one decimal.
        return format!("{value:.1}");
    }
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "1 vessel", "4 vessels": a count and its noun, singular or plural.
pub fn count_text(n: usize, singular: &str, plural: &str) -> String {
    let noun = if n == 1 { singular } else { plural };
    format!("{} {noun}", number_text(n as f64))
}

/// A calendar day the viewer worked out (a brushed edge, the end of a quiet
/// spell), as a date known to the day: 2024-02-12 → "12 Feb 2024".
pub fn day_text(day: NaiveDate) -> String {
    format!("{} {} {}", day.day(), month_label(day), day.year())
}

/// The month a calendar day falls in: 2024-02-12 → "Feb 2024".
pub fn month_text(day: NaiveDate) -> String {
    format!("{} {}", month_label(day), day.year())
}

/// A month's short name, for an axis tick: 2024-02-01 → "Feb".
pub fn month_label(day: NaiveDate) -> &'static str {
    MONTHS.get(day.month0() as usize).copied().unwrap_or("")
}

/// A number short enough for an axis tick or a label on a chart: "13,000",
/// "800,000", "1.5M", "2B". Below a million it is [`number_text`].
pub fn compact_number_text(value: f64) -> String {
    let size = value.abs();
    let (scaled, suffix) = if !size.is_finite() || size < 1e6 {
        return number_text(value);
    } else if size >= 1e9 {
        (value / 1e9, "B")
    } else {
        (value / 1e6, "M")
    };
    let digits = format!("{scaled:.2}");
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    format!("{digits}{suffix}")
}

/// A value as its author put it: "more than 10,000", "about 1,200", "up to 4,800,000", "2".
pub fn quantity_text(quantity: &Quantity) -> String {
    bounded(quantity.bound, number_text(quantity.value))
}

/// [`quantity_text`] with a compact number, for labels on a chart: "more than 1M".
pub fn compact_quantity_text(quantity: &Quantity) -> String {
    bounded(quantity.bound, compact_number_text(quantity.value))
}

/// A number preceded by its bound in words.
fn bounded(bound: Bound, number: String) -> String {
    let words = match bound {
        Bound::Exact => return number,
        Bound::About => "about",
        Bound::AtLeast => "at least",
        Bound::MoreThan => "more than",
        Bound::UpTo => "up to",
        Bound::AtMost => "at most",
    };
    format!("{words} {number}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a valid date")
    }

    #[test]
    fn dates_keep_their_precision_and_qualifier() {
        assert_eq!(date_text(&date("2024-02-12")), "12 Feb 2024");
        assert_eq!(date_text(&date("2024-02")), "Feb 2024");
        assert_eq!(date_text(&date("2024")), "2024");
        assert_eq!(date_text(&date("2024-03-14~")), "about 14 Mar 2024");
        assert_eq!(date_text(&date("2024-03?")), "Mar 2024 (uncertain)");
        let (a, b) = (date("2023-09-07"), date("2023-09-12"));
        assert_eq!(span_text(Some(&a), Some(&b)), "7 Sep 2023 – 12 Sep 2023");
        assert_eq!(span_text(None, Some(&b)), "until 12 Sep 2023");
        assert_eq!(span_text(Some(&a), None), "from 7 Sep 2023");
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(number_text(13000.0), "13,000");
        assert_eq!(number_text(1_500_000.0), "1,500,000");
        assert_eq!(number_text(32.0), "32");
        assert_eq!(number_text(885.0), "885");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(count_text(1, "vessel", "vessels"), "1 vessel");
        assert_eq!(count_text(4, "vessel", "vessels"), "4 vessels");
    }

    #[test]
    fn compact_numbers_shorten_millions() {
        assert_eq!(compact_number_text(13_000.0), "13,000");
        assert_eq!(compact_number_text(5_000_000.0), "5M");
        assert_eq!(compact_number_text(1_500_000.0), "1.5M");
        assert_eq!(compact_number_text(2_000_000_000.0), "2B");
        assert_eq!(compact_number_text(0.0), "0");
    }

    #[test]
    fn quantities_say_their_bound() {
        let q = |value, bound| Quantity {
            value,
            bound,
            low: None,
            high: None,
        };
        assert_eq!(
            quantity_text(&q(10_000.0, Bound::MoreThan)),
            "more than 10,000"
        );
        assert_eq!(quantity_text(&q(7_400.0, Bound::Exact)), "7,400");
        assert_eq!(
            compact_quantity_text(&q(4_800_000.0, Bound::UpTo)),
            "up to 4.8M"
        );
    }
}
