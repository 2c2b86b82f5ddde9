//! Shape checks for small values: ids, language tags, country codes, IMO numbers, URLs.

/// `[a-z0-9][a-z0-9-]{0,63}`.
pub(crate) fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    !b.is_empty()
        && b.len() <= 64
        && b.first().is_some_and(ok)
        && b.iter().all(|c| ok(c) || *c == b'-')
}

/// Two upper-case ASCII letters (ISO 3166-1 alpha-2 shape; not checked against the list).
pub(crate) fn is_country(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|c| c.is_ascii_uppercase())
}

/// Why an IMO number is wrong, if it is: 7 ASCII digits whose last is the check digit.
pub(crate) fn imo_problem(s: &str) -> Option<String> {
    let digits: Vec<u32> = s
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'))
        .collect();
    if digits.len() != 7 || s.len() != 7 {
        return Some(message!(
            "an IMO number is exactly 7 digits, such as \"9161003\""
        ));
    }
    let sum: u32 = digits
        .iter()
        .zip([7, 6, 5, 4, 3, 2])
        .map(|(d, w)| d * w)
        .sum();
    let expected = sum % 10;
    match digits.last() {
        Some(&last) if last == expected => None,
        _ => Some(message!(
            "its check digit (the last digit) should be {expected}: is a digit mistyped?"
        )),
    }
}

/// Whether a URL uses http or https and names something after the scheme.
pub(crate) fn is_web_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !s.chars().any(char::is_whitespace)
}

/// BCP 47 well-formedness (RFC 5646 syntax; subtags are not checked against the registry).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphabetic())
    };
    let alnum = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric())
    };
    let mut i = 0;
    let at = |i: usize| parts.get(i).copied().unwrap_or("");
    if at(0).eq_ignore_ascii_case("x") {
        return private_use(&parts, 1, &alnum);
    }
    // language: 2-3 letters (+ up to 3 extlangs), or 4-8 letters
    let language = at(0);
    if !alpha(language, 2, 8) {
        return false;
    }
    i += 1;
    if language.len() <= 3 {
        let mut extlangs = 0;
        while extlangs < 3 && alpha(at(i), 3, 3) {
            i += 1;
            extlangs += 1;
        }
    }
    if alpha(at(i), 4, 4) {
        i += 1; // script
    }
    let region = at(i);
    if alpha(region, 2, 2) || (region.len() == 3 && region.bytes().all(|c| c.is_ascii_digit())) {
        i += 1;
    }
    loop {
        let v = at(i);
        let digit_first =
            v.len() == 4 && v.as_bytes().first().is_some_and(u8::is_ascii_digit) && alnum(v, 4, 4);
        if alnum(v, 5, 8) || digit_first {
            i += 1; // variant
        } else {
            break;
        }
    }
    loop {
        let singleton = at(i);
        if singleton.len() != 1 || singleton.eq_ignore_ascii_case("x") || !alnum(singleton, 1, 1) {
            break;
        }
        i += 1;
        let first = i;
        while alnum(at(i), 2, 8) {
            i += 1;
        }
        if i == first {
            return false; // an extension needs at least one subtag
        }
    }
    if i == parts.len() {
        return true;
    }
    at(i).eq_ignore_ascii_case("x") && private_use(&parts, i + 1, &alnum)
}

fn private_use(parts: &[&str], from: usize, alnum: &dyn Fn(&str, usize, usize) -> bool) -> bool {
    let rest = parts.get(from..).unwrap_or(&[]);
    !rest.is_empty() && rest.iter().all(|p| alnum(p, 1, 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in [
            "en",
            "uk",
            "zh-Hant",
            "zh-Hant-TW",
            "en-US",
            "es-419",
            "sl-rozaj-biske",
            "de-CH-1996",
            "x-whatever",
            "en-a-bbb-x-a-ccc",
            "zh-yue-HK",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english language",
            "en_US",
            "en-",
            "-en",
            "en--US",
            "123",
            "en-a",
            "abcdefghi",
            "en-x",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn imo_numbers() {
        assert_eq!(imo_problem("9161003"), None);
        assert_eq!(imo_problem("9179842"), None);
        assert!(imo_problem("9161004").is_some());
        assert!(imo_problem("916100").is_some());
        assert!(imo_problem("IMO 9161003").is_some());
        assert!(imo_problem("９161003").is_some());
    }

    #[test]
    fn urls_and_ids() {
        assert!(is_web_url("https://example.org/x"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("https://"));
        assert!(
            is_id("maia-1")
                && is_id("0")
                && !is_id("-a")
                && !is_id("Maia")
                && !is_id(&"a".repeat(65))
        );
        assert!(is_country("KP") && !is_country("kp") && !is_country("KPX"));
    }
}
