//! The one place that turns dates and numbers into words for readers, in the
//! interface's language ([`current_lang`]).
//!
//! A date is shown at the precision it was written ("Feb 2024", never
//! "1 Feb 2024"), with its qualifier in words. Ukrainian puts a month in the
//! case its phrase needs ("12 лютого 2024", "лютий 2024", "з лютого 2024"),
//! groups digits with a no-break space and writes a decimal comma ("13 000",
//! "2,5").

use chrono::{Datelike, NaiveDate};
use sealift_format::{Bound, Date, Qualifier, Quantity};

use crate::coordinates::Decimals;
use crate::i18n::{Lang, current_lang, tr, uk};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The grammatical case a Ukrainian phrase puts a date or a count in:
/// "лютий 2024" on its own, "з лютого 2024", "у лютому 2024"; "1 заява",
/// "від 1 сторони", "зафіксовано 1 подію", "між 7 місцями". English has one form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Genitive,
    Accusative,
    Instrumental,
    Locative,
}

/// "12 Feb 2024", "Feb 2024", "2024", "about 14 Mar 2024", "Mar 2024 (uncertain)";
/// "12 лютого 2024", "лютий 2024", "близько 14 березня 2024", "березень 2024 (непевно)".
pub fn date_text(date: &Date) -> String {
    date_text_in(date, Case::Nominative)
}

/// [`date_text`] in the case a Ukrainian phrase needs ("з лютого 2024").
pub fn date_text_in(date: &Date, case: Case) -> String {
    if current_lang() == Lang::Uk {
        return uk::date_words(date.year, date.month, date.day, date.qualifier, case);
    }
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
/// "7 Sep 2023 – 12 Sep 2023", "from Aug 2023", "until 12 Feb 2024";
/// "7 вересня 2023 – 12 вересня 2023", "з серпня 2023", "до 12 лютого 2024".
pub fn span_text(start: Option<&Date>, end: Option<&Date>) -> String {
    let genitive = |d: &Date| date_text_in(d, Case::Genitive);
    match (start, end) {
        (Some(s), Some(e)) if s == e => date_text(s),
        (Some(s), Some(e)) => format!("{} – {}", date_text(s), date_text(e)),
        (Some(s), None) => format!("{} {}", tr("from"), genitive(s)),
        (None, Some(e)) => format!("{} {}", tr("until"), genitive(e)),
        (None, None) => tr("date unknown").to_owned(),
    }
}

/// A whole number with thousands separators: 13000 → "13,000" ("13 000" in Ukrainian).
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return String::from("?");
    }
    let (group, point) = separators();
    let rounded = value.round();
    if (value - rounded).abs() > f64::EPSILON && value.abs() < 1e14 {
        // Fractions are rare in reports (a length, a share); keep one decimal.
        return Decimals(value, 1).to_string().replace('.', point);
    }
    let digits = sealift_format::plain_number(rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(ch);
    }
    out
}

/// The thousands separator and the decimal point of the interface language.
fn separators() -> (char, &'static str) {
    match current_lang() {
        Lang::En => (',', "."),
        Lang::Uk => ('\u{a0}', ","),
    }
}

/// A number with `places` decimals, for coordinates: "55.750" ("55,750" in Ukrainian).
pub fn decimal_text(value: f64, places: usize) -> String {
    let mut text = Decimals(value, places as u32).to_string();
    // Every decimal written, so that a column of them lines up.
    let written = text.find('.').map_or(0, |point| text.len() - point - 1);
    if places > written {
        if written == 0 {
            text.push('.');
        }
        text.push_str(&"0".repeat(places - written));
    }
    text.replace('.', separators().1)
}

/// A position in degrees: "55.75°, 37.62°" ("55,75°; 37,62°" in Ukrainian,
/// where the comma is the decimal point).
pub fn position_text(lat: f64, lon: f64, places: usize) -> String {
    let between = match current_lang() {
        Lang::En => ", ",
        Lang::Uk => "; ",
    };
    format!(
        "{}°{between}{}°",
        decimal_text(lat, places),
        decimal_text(lon, places)
    )
}

/// "1 vessel", "4 vessels": a count and its noun, singular or plural
/// ("1 судно", "3 судна", "5 суден" in Ukrainian).
pub fn count_text(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        number_text(n as f64),
        count_noun(n, singular, plural)
    )
}

/// [`count_text`] in the case a Ukrainian phrase needs: "від 1 сторони",
/// "від 14 сторін" (genitive), "зафіксовано 1 подію" (accusative). English has one form.
pub fn count_text_in(n: usize, singular: &str, plural: &str, case: Case) -> String {
    let english = if n == 1 { singular } else { plural };
    let noun = match (current_lang(), case) {
        (Lang::En, _) => english,
        (Lang::Uk, Case::Genitive) => uk::noun_genitive(n, singular, plural).unwrap_or(english),
        (Lang::Uk, Case::Instrumental) => {
            uk::noun_instrumental(n, singular, plural).unwrap_or(english)
        }
        (Lang::Uk, Case::Accusative) => uk::noun_accusative(n, singular, plural)
            .or_else(|| uk::noun(n, singular, plural))
            .unwrap_or(english),
        (Lang::Uk, _) => uk::noun(n, singular, plural).unwrap_or(english),
    };
    format!("{} {noun}", number_text(n as f64))
}

/// The noun that goes with a count: `singular` for 1, else `plural`; in
/// Ukrainian the one, few or many form from [`uk::NOUNS`].
pub fn count_noun<'a>(n: usize, singular: &'a str, plural: &'a str) -> &'a str {
    let english = if n == 1 { singular } else { plural };
    match current_lang() {
        Lang::En => english,
        Lang::Uk => uk::noun(n, singular, plural).unwrap_or(english),
    }
}

/// A calendar day the viewer worked out (a brushed edge, the end of a quiet
/// spell), as a date known to the day: 2024-02-12 → "12 Feb 2024" ("12 лютого 2024").
pub fn day_text(day: NaiveDate) -> String {
    match current_lang() {
        Lang::En => format!("{} {} {}", day.day(), month_label(day), day.year()),
        Lang::Uk => date_text(&calendar(day, true)),
    }
}

/// The month a calendar day falls in: 2024-02-12 → "Feb 2024" ("лютий 2024").
pub fn month_text(day: NaiveDate) -> String {
    month_text_in(day, Case::Nominative)
}

/// [`month_text`] in the case a Ukrainian phrase needs: "лютого 2024", "лютому 2024".
pub fn month_text_in(day: NaiveDate, case: Case) -> String {
    match current_lang() {
        Lang::En => format!("{} {}", month_label(day), day.year()),
        Lang::Uk => date_text_in(&calendar(day, false), case),
    }
}

/// A month short enough for an axis with its year: "Feb 2024" ("лют. 2024").
pub fn short_month_text(day: NaiveDate) -> String {
    format!("{} {}", month_label(day), day.year())
}

/// A month's short name, for an axis tick: 2024-02-01 → "Feb" ("лют.").
pub fn month_label(day: NaiveDate) -> &'static str {
    let month = day.month0() as usize;
    match current_lang() {
        Lang::En => MONTHS.get(month).copied().unwrap_or(""),
        Lang::Uk => uk::MONTHS_SHORT.get(month).copied().unwrap_or(""),
    }
}

/// A calendar day as an exact report date, to the day or to its month.
fn calendar(day: NaiveDate, with_day: bool) -> Date {
    Date {
        year: day.year(),
        month: u8::try_from(day.month()).ok(),
        day: with_day.then(|| u8::try_from(day.day()).ok()).flatten(),
        qualifier: Qualifier::Exact,
    }
}

/// The first letter in capitals, for a date that starts a heading ("Лютий
/// 2024") or a unit as a title ("Artillery shells"); surrounding spaces go.
pub fn capitalized(text: &str) -> String {
    let mut rest = text.trim().chars();
    match rest.next() {
        Some(first) => uppercase(first.encode_utf8(&mut [0; 4])) + rest.as_str(),
        None => String::new(),
    }
}

/// What a unit is compared by: its words, single-spaced, in ASCII lower
/// case, so that "Containers" and "containers " are one unit (one panel of
/// the estimates chart, and one set of colours in it).
pub fn unit_key(unit: &str) -> String {
    unit.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The paragraphs of a report's text: the parts between blank lines,
/// trimmed, empty ones left out. Found byte by byte, not with
/// `split("\n\n")`: a text pattern brings in the standard library's
/// string-slicing panic and its Unicode tables (4 KB gzip of each module,
/// docs/performance-history.md, "Sixteenth session").
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let now = rest?;
        let blank = now.as_bytes().windows(2).position(|pair| pair == b"\n\n");
        rest = blank.and_then(|at| now.get(at + 2..));
        Some(blank.and_then(|at| now.get(..at)).unwrap_or(now))
    })
    .map(str::trim)
    .filter(|paragraph| !paragraph.is_empty())
}

/// The text in lower case, in any script: for a word inside a sentence
/// ("confirmed", "підтверджено") and for comparing names. Beyond ASCII the
/// browser does it: Rust's own Unicode case tables would add 15 KB gzip to
/// the page (docs/performance.md).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// The text in capitals, in any script (see [`lowercase`]).
fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_uppercase()
}

/// A number short enough for an axis tick or a label on a chart: "13,000",
/// "800,000", "1.5M", "2B" ("1,5 млн", "2 млрд"). Below a million it is [`number_text`].
pub fn compact_number_text(value: f64) -> String {
    let size = value.abs();
    let (scaled, suffix) = if !size.is_finite() || size < 1e6 {
        return number_text(value);
    } else if size >= 1e9 {
        (value / 1e9, "B")
    } else {
        (value / 1e6, "M")
    };
    // Two decimals at most ("1.5M"); past a trillion of them, whole digits.
    let digits = if scaled.abs() < 1e12 {
        Decimals(scaled, 2).to_string()
    } else {
        sealift_format::plain_number(scaled.round())
    };
    match current_lang() {
        Lang::En => format!("{digits}{suffix}"),
        Lang::Uk => format!(
            "{}\u{a0}{}",
            digits.replace('.', ","),
            if suffix == "B" { "млрд" } else { "млн" }
        ),
    }
}

/// A value as its author put it: "more than 10,000", "about 1,200", "up to 4,800,000", "2".
pub fn quantity_text(quantity: &Quantity) -> String {
    bounded(quantity.bound, number_text(quantity.value))
}

/// [`quantity_text`] with a compact number, for labels on a chart: "more than 1M".
pub fn compact_quantity_text(quantity: &Quantity) -> String {
    bounded(quantity.bound, compact_number_text(quantity.value))
}

/// A bound in words: "about", "more than" ("близько", "понад"); nothing for an exact figure.
pub fn bound_text(bound: Bound) -> Option<&'static str> {
    let words = match bound {
        Bound::Exact => return None,
        Bound::About => "about",
        Bound::AtLeast => "at least",
        Bound::MoreThan => "more than",
        Bound::UpTo => "up to",
        Bound::AtMost => "at most",
    };
    Some(tr(words))
}

/// A number preceded by its bound in words.
fn bounded(bound: Bound, number: String) -> String {
    match bound_text(bound) {
        Some(words) => format!("{words} {number}"),
        None => number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a valid date")
    }

    #[test]
    fn paragraphs_are_the_parts_between_blank_lines() {
        let text = "  One.\n\nTwo,\nstill two.\n\n\n\nThree, Лютий.\n\n";
        let found: Vec<&str> = paragraphs(text).collect();
        assert_eq!(found, ["One.", "Two,\nstill two.", "Three, Лютий."]);
        assert_eq!(paragraphs("a\n\n\nb").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(paragraphs("").count(), 0);
        assert_eq!(paragraphs("\n\n \n\n").count(), 0);
    }

    #[test]
    fn a_capital_first_letter_in_any_script() {
        assert_eq!(capitalized(" лютий 2024 "), "Лютий 2024");
        assert_eq!(capitalized("artillery shells"), "Artillery shells");
        assert_eq!(capitalized(""), "");
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
        // Whole numbers exactly, however large.
        assert_eq!(number_text(1e20), "100,000,000,000,000,000,000");
        assert_eq!(count_text(1, "vessel", "vessels"), "1 vessel");
        assert_eq!(count_text(4, "vessel", "vessels"), "4 vessels");
    }

    #[test]
    fn compact_numbers_shorten_millions() {
        assert_eq!(compact_number_text(13_000.0), "13,000");
        assert_eq!(compact_number_text(5_000_000.0), "5M");
        assert_eq!(compact_number_text(1_500_000.0), "1.5M");
        assert_eq!(compact_number_text(2_000_000_000.0), "2B");
        assert_eq!(compact_number_text(2e21), "2000000000000B");
        assert_eq!(compact_number_text(0.0), "0");
    }

    /// Runs `check` with the interface in Ukrainian, then sets English back.
    fn in_ukrainian(check: impl FnOnce()) {
        crate::i18n::words::install_ukrainian();
        crate::i18n::set_lang(Lang::Uk);
        check();
        crate::i18n::set_lang(Lang::En);
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a calendar day")
    }

    #[test]
    fn ukrainian_dates_put_months_in_their_case() {
        in_ukrainian(|| {
            assert_eq!(date_text(&date("2024-02-12")), "12 лютого 2024");
            assert_eq!(date_text(&date("2024-02")), "лютий 2024");
            assert_eq!(date_text(&date("2024")), "2024");
            assert_eq!(date_text(&date("2024-03-14~")), "близько 14 березня 2024");
            assert_eq!(date_text(&date("2024-03~")), "близько березня 2024");
            assert_eq!(date_text(&date("2024~")), "близько 2024 року");
            assert_eq!(date_text(&date("2024-03?")), "березень 2024 (непевно)");
            let (a, b) = (date("2023-09-07"), date("2023-09-12"));
            assert_eq!(
                span_text(Some(&a), Some(&b)),
                "7 вересня 2023 – 12 вересня 2023"
            );
            assert_eq!(span_text(Some(&date("2023-08")), None), "з серпня 2023");
            assert_eq!(span_text(None, Some(&b)), "до 12 вересня 2023");
            assert_eq!(span_text(None, Some(&date("2024"))), "до 2024 року");
            assert_eq!(span_text(None, None), "дата невідома");
            assert_eq!(day_text(day("2024-02-12")), "12 лютого 2024");
            assert_eq!(month_text(day("2024-11-30")), "листопад 2024");
            assert_eq!(
                month_text_in(day("2024-04-02"), Case::Locative),
                "квітні 2024"
            );
            assert_eq!(
                month_text_in(day("2023-08-02"), Case::Genitive),
                "серпня 2023"
            );
            assert_eq!(month_label(day("2024-06-01")), "черв.");
            assert_eq!(short_month_text(day("2024-02-01")), "лют. 2024");
            assert_eq!(capitalized(&month_text(day("2024-04-01"))), "Квітень 2024");
        });
        // English again, as it was.
        assert_eq!(month_text_in(day("2024-04-02"), Case::Locative), "Apr 2024");
        assert_eq!(short_month_text(day("2024-02-01")), "Feb 2024");
    }

    #[test]
    fn ukrainian_numbers_group_with_spaces_and_use_a_decimal_comma() {
        in_ukrainian(|| {
            assert_eq!(number_text(13000.0), "13\u{a0}000");
            assert_eq!(number_text(1_500_000.0), "1\u{a0}500\u{a0}000");
            assert_eq!(number_text(885.0), "885");
            assert_eq!(number_text(-2500.0), "-2\u{a0}500");
            assert_eq!(number_text(2.5), "2,5");
            assert_eq!(compact_number_text(13_000.0), "13\u{a0}000");
            assert_eq!(compact_number_text(1_500_000.0), "1,5\u{a0}млн");
            assert_eq!(compact_number_text(2_000_000_000.0), "2\u{a0}млрд");
            assert_eq!(position_text(55.75, 37.625, 3), "55,750°; 37,625°");
            let more = Quantity {
                value: 10_000.0,
                bound: Bound::MoreThan,
                low: None,
                high: None,
            };
            assert_eq!(quantity_text(&more), "понад 10\u{a0}000");
            let upto = Quantity {
                value: 4_800_000.0,
                bound: Bound::UpTo,
                ..more
            };
            assert_eq!(compact_quantity_text(&upto), "до 4,8\u{a0}млн");
        });
        assert_eq!(position_text(55.75, 37.625, 3), "55.750°, 37.625°");
    }

    #[test]
    fn ukrainian_counts_take_one_few_or_many() {
        in_ukrainian(|| {
            let vessels = |n| count_text(n, "vessel", "vessels");
            assert_eq!(vessels(1), "1 судно");
            assert_eq!(vessels(3), "3 судна");
            assert_eq!(vessels(5), "5 суден");
            assert_eq!(vessels(11), "11 суден");
            assert_eq!(vessels(21), "21 судно");
            assert_eq!(vessels(22), "22 судна");
            assert_eq!(vessels(112), "112 суден");
            assert_eq!(count_text(1, "claim", "claims"), "1 заява");
            assert_eq!(count_text(4, "claim", "claims"), "4 заяви");
            assert_eq!(count_text(31, "claim", "claims"), "31 заява");
            assert_eq!(count_text(2_000, "event", "events"), "2\u{a0}000 подій");
            assert_eq!(count_noun(2, "source", "sources"), "джерела");
            let actors = |n| count_text_in(n, "actor", "actors", Case::Genitive);
            assert_eq!(actors(1), "1 сторони");
            assert_eq!(actors(14), "14 сторін");
            assert_eq!(
                count_text_in(21, "event", "events", Case::Accusative),
                "21 подію"
            );
            assert_eq!(
                count_text_in(3, "event", "events", Case::Accusative),
                "3 події"
            );
            assert_eq!(
                count_text_in(7, "place", "places", Case::Instrumental),
                "7 місцями"
            );
            // A noun nobody translated stays English rather than vanishing.
            assert_eq!(count_text(2, "widget", "widgets"), "2 widgets");
            // The nouns the contents list counts.
            for (one, many) in [
                ("vessel", "vessels"),
                ("place", "places"),
                ("trip", "trips"),
                ("event", "events"),
                ("claim", "claims"),
                ("estimate", "estimates"),
                ("actor", "actors"),
                ("source", "sources"),
            ] {
                assert!(crate::i18n::uk::noun(5, one, many).is_some(), "{one}");
            }
        });
        assert_eq!(count_text(21, "vessel", "vessels"), "21 vessels");
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
