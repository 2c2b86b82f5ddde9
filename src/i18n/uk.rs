//! Ukrainian: the nouns that follow counts in their three plural forms, and
//! the months in the cases dates need. (The interface's phrases are in a
//! file the page fetches: see [`words`](super::words).)

use sealift_format::Qualifier;

use crate::text::Case;

/// A translation of English words in a context (see [`UK_IN_CONTEXT`]).
pub fn translate_in(context: &str, english: &str) -> Option<&'static str> {
    UK_IN_CONTEXT
        .iter()
        .find(|(c, en, _)| *c == context && *en == english)
        .map(|(_, _, uk)| *uk)
}

/// Which plural form a count takes: 0 for one (1, 21, 101), 1 for few
/// (2–4, 22–24), 2 for many (0, 5–20, 25–30, 11–14, 111).
pub fn plural_form(n: usize) -> usize {
    let (units, tens) = (n % 10, n % 100);
    if units == 1 && tens != 11 {
        0
    } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
        1
    } else {
        2
    }
}

/// The noun for `n` of the thing English calls `singular` / `plural`.
pub fn noun(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .and_then(|(_, forms)| forms.get(plural_form(n)).copied())
}

/// The noun for `n` in the genitive ("від 1 сторони", "від 5 сторін"):
/// singular after one, plural after few and many.
pub fn noun_genitive(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_GENITIVE
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .map(|(_, [one, many])| if plural_form(n) == 0 { *one } else { *many })
}

/// The noun for `n` in the accusative, where it differs from the nominative
/// ("1 подію", "21 заяву"): feminine nouns after one.
pub fn noun_accusative(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_ACCUSATIVE
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .and_then(|(_, one)| (plural_form(n) == 0).then_some(*one))
}

/// The noun for `n` in the instrumental ("між 7 місцями"): singular after one, plural after others.
pub fn noun_instrumental(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_INSTRUMENTAL
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .map(|(_, [one, many])| if plural_form(n) == 0 { *one } else { *many })
}

const MONTHS_NOMINATIVE: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];
const MONTHS_GENITIVE: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const MONTHS_INSTRUMENTAL: [&str; 12] = [
    "січнем",
    "лютим",
    "березнем",
    "квітнем",
    "травнем",
    "червнем",
    "липнем",
    "серпнем",
    "вереснем",
    "жовтнем",
    "листопадом",
    "груднем",
];
const MONTHS_LOCATIVE: [&str; 12] = [
    "січні",
    "лютому",
    "березні",
    "квітні",
    "травні",
    "червні",
    "липні",
    "серпні",
    "вересні",
    "жовтні",
    "листопаді",
    "грудні",
];

/// Months as an axis shows them.
pub const MONTHS_SHORT: [&str; 12] = [
    "січ.",
    "лют.",
    "бер.",
    "квіт.",
    "трав.",
    "черв.",
    "лип.",
    "серп.",
    "вер.",
    "жовт.",
    "лист.",
    "груд.",
];

/// A report date in words, at its precision, in the case its phrase needs:
/// "12 лютого 2024" (a day's month is always genitive), "лютий 2024",
/// "з лютого 2024", "у лютому 2024", "2024", "з 2024 року", "близько 14
/// березня 2024", "березень 2024 (непевно)".
pub fn date_words(
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    qualifier: Qualifier,
    case: Case,
) -> String {
    let index = month.map(usize::from).and_then(|m| m.checked_sub(1));
    let name = |months: &[&'static str; 12]| index.and_then(|i| months.get(i)).copied();
    // "Близько" (about) asks for the genitive itself.
    let case = if qualifier == Qualifier::Approximate {
        Case::Genitive
    } else {
        case
    };
    let plain = match (day, name(&MONTHS_GENITIVE)) {
        (Some(day), Some(month)) => format!("{day} {month} {year}"),
        (None, Some(_)) => {
            // Months are inanimate: their accusative is their nominative.
            let months = match case {
                Case::Nominative | Case::Accusative => &MONTHS_NOMINATIVE,
                Case::Genitive => &MONTHS_GENITIVE,
                Case::Instrumental => &MONTHS_INSTRUMENTAL,
                Case::Locative => &MONTHS_LOCATIVE,
            };
            format!("{} {year}", name(months).unwrap_or_default())
        }
        _ => match case {
            Case::Nominative | Case::Accusative => year.to_string(),
            Case::Genitive => format!("{year} року"),
            Case::Instrumental => format!("{year} роком"),
            Case::Locative => format!("{year} році"),
        },
    };
    match qualifier {
        Qualifier::Exact => plain,
        Qualifier::Approximate => format!("близько {plain}"),
        Qualifier::Uncertain => format!("{plain} (непевно)"),
    }
}

/// Nouns after a count: the English singular and plural, then the Ukrainian
/// forms for one, few and many ("1 судно", "3 судна", "5 суден").
pub const NOUNS: &[((&str, &str), [&str; 3])] = &[
    (("vessel", "vessels"), ["судно", "судна", "суден"]),
    (("place", "places"), ["місце", "місця", "місць"]),
    (("trip", "trips"), ["рейс", "рейси", "рейсів"]),
    (("event", "events"), ["подія", "події", "подій"]),
    (("claim", "claims"), ["заява", "заяви", "заяв"]),
    (("estimate", "estimates"), ["оцінка", "оцінки", "оцінок"]),
    (("actor", "actors"), ["сторона", "сторони", "сторін"]),
    (("source", "sources"), ["джерело", "джерела", "джерел"]),
    (("kind", "kinds"), ["тип", "типи", "типів"]),
    (
        ("more source", "more sources"),
        ["джерело", "джерела", "джерел"],
    ),
    (("more vessel", "more vessels"), ["судно", "судна", "суден"]),
    (
        ("recorded trip", "recorded trips"),
        [
            "зафіксований рейс",
            "зафіксовані рейси",
            "зафіксованих рейсів",
        ],
    ),
    (("row", "rows"), ["рядок", "рядки", "рядків"]),
    (("day", "days"), ["день", "дні", "днів"]),
    (("route", "routes"), ["маршрут", "маршрути", "маршрутів"]),
];

/// Nouns after a count in the genitive: the English singular and plural, then
/// the Ukrainian genitive singular and plural.
pub const NOUNS_GENITIVE: &[((&str, &str), [&str; 2])] = &[
    (("actor", "actors"), ["сторони", "сторін"]),
    (("kind", "kinds"), ["типу", "типів"]),
    (("day", "days"), ["дня", "днів"]),
    (("trip", "trips"), ["рейсу", "рейсів"]),
];

/// Nouns after a count in the instrumental: singular and plural.
pub const NOUNS_INSTRUMENTAL: &[((&str, &str), [&str; 2])] =
    &[(("place", "places"), ["місцем", "місцями"])];

/// Nouns whose accusative after one differs from the nominative.
pub const NOUNS_ACCUSATIVE: &[((&str, &str), &str)] = &[
    (("event", "events"), "подію"),
    (("claim", "claims"), "заяву"),
    (("estimate", "estimates"), "оцінку"),
];

/// Words Ukrainian says differently in different places: the context, the
/// English, then the Ukrainian (see [`tr_in`](super::tr_in)).
pub const UK_IN_CONTEXT: &[(&str, &str, &str)] = &[("estimate", "By", "Автор оцінки")];

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn plural_forms_follow_the_last_digits() {
        let forms: Vec<usize> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 0]
            .into_iter()
            .map(plural_form)
            .collect();
        assert_eq!(forms, [0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2, 2, 2]);
        assert_eq!(noun(3, "vessel", "vessels"), Some("судна"));
        assert_eq!(noun(3, "dog", "dogs"), None);
    }

    #[test]
    fn every_noun_has_its_forms() {
        for ((one, many), forms) in NOUNS {
            assert!(forms.iter().all(|f| !f.is_empty()), "{one} / {many}");
        }
    }
}
