//! How several values share one spreadsheet cell.
//!
//! - A list (aliases, ids) separates its values with `;`: `Maia 1; Maia-I`.
//! - Citations are separated by `;` too, and each is `source | locator | quote | via`,
//!   where only the source is required and empty parts are left out at the
//!   end: `nkpro-2023; kyodo | p. 4; reuters | | | nkpro-2023`.
//! - Spaces around values and parts are dropped.
//! - A backslash makes the next character plain text: `\;` and `\|` inside a
//!   quote, `\\` for a backslash, `\ ` for a space that must be kept at the
//!   start or end of a value. `sealift export` writes these escapes where
//!   needed, so a report survives a round trip through CSV unchanged.

/// Splits a list cell into its values; empty values (as in `a;;b` or a
/// trailing `;`) are dropped.
pub fn split_list(cell: &str) -> Vec<String> {
    split(cell, ';')
        .into_iter()
        .map(|raw| unescape_trimmed(&raw))
        .filter(|v| !v.is_empty())
        .collect()
}

/// One citation as written in a cell: up to four parts, empty ones absent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CitationCell {
    pub source: Option<String>,
    pub locator: Option<String>,
    pub quote: Option<String>,
    pub via: Option<String>,
}

/// Splits a citations cell. Fails with a message when a citation has more
/// than four parts (most likely an unescaped `|` inside a quote).
pub fn split_citations(cell: &str) -> Result<Vec<CitationCell>, String> {
    let mut citations = Vec::new();
    for raw in split(cell, ';') {
        let parts: Vec<Option<String>> = split(&raw, '|')
            .iter()
            .map(|p| Some(unescape_trimmed(p)).filter(|t| !t.is_empty()))
            .collect();
        if parts.iter().all(Option::is_none) {
            continue;
        }
        if parts.len() > 4 {
            return Err(format!(
                "a citation has at most four parts, `source | locator | quote | via`, but `{}` has {}",
                raw.trim(),
                parts.len()
            ));
        }
        let mut parts = parts.into_iter();
        let mut next = || parts.next().flatten();
        citations.push(CitationCell {
            source: next(),
            locator: next(),
            quote: next(),
            via: next(),
        });
    }
    Ok(citations)
}

/// Writes a list cell: values escaped and joined with `; `.
pub fn join_list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values
        .into_iter()
        .map(escape)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes a citations cell, the inverse of [`split_citations`].
pub fn join_citations(citations: &[CitationCell]) -> String {
    citations
        .iter()
        .map(|c| {
            let mut parts: Vec<String> = [&c.source, &c.locator, &c.quote, &c.via]
                .iter()
                .map(|p| p.as_deref().map(escape).unwrap_or_default())
                .collect();
            while parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
                parts.pop();
            }
            parts.join(" | ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Splits at every `separator` not escaped by a backslash; the pieces keep
/// their escapes, to be split again or unescaped.
fn split(text: &str, separator: char) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let current = pieces.last_mut();
        match (c, current) {
            ('\\', Some(piece)) => {
                piece.push('\\');
                if let Some(next) = chars.next() {
                    piece.push(next);
                }
            }
            (c, _) if c == separator => pieces.push(String::new()),
            (c, Some(piece)) => piece.push(c),
            (_, None) => {}
        }
    }
    pieces
}

/// Drops the backslashes of escapes and the unescaped spaces at both ends.
fn unescape_trimmed(raw: &str) -> String {
    let mut chars: Vec<(char, bool)> = Vec::with_capacity(raw.len());
    let mut it = raw.chars();
    while let Some(c) = it.next() {
        match (c, it.clone().next()) {
            ('\\', Some(next)) => {
                it.next();
                chars.push((next, true));
            }
            _ => chars.push((c, false)),
        }
    }
    let plain_space = |&(c, escaped): &(char, bool)| !escaped && c.is_whitespace();
    let start = chars
        .iter()
        .position(|c| !plain_space(c))
        .unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| !plain_space(c))
        .map_or(start, |i| i + 1);
    chars
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .map(|(c, _)| c)
        .collect()
}

/// Escapes what [`split`] and [`unescape_trimmed`] would otherwise eat: the
/// separators, backslashes, and spaces at either end.
fn escape(value: &str) -> String {
    let count = value.chars().count();
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.chars().enumerate() {
        let at_an_end = i == 0 || i + 1 == count;
        if matches!(c, '\\' | ';' | '|') || (at_an_end && c.is_whitespace()) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(parts: [&str; 4]) -> CitationCell {
        let part = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        CitationCell {
            source: part(parts[0]),
            locator: part(parts[1]),
            quote: part(parts[2]),
            via: part(parts[3]),
        }
    }

    #[test]
    fn lists_split_at_semicolons_and_drop_spaces_and_empty_values() {
        assert_eq!(split_list(" Maia 1; Maia-I ;;"), ["Maia 1", "Maia-I"]);
        assert_eq!(split_list(""), Vec::<String>::new());
        assert_eq!(split_list(r"a\;b; c"), ["a;b", "c"]);
    }

    #[test]
    fn citations_have_up_to_four_parts() {
        let cells = split_citations("a; b | p. 4; c | | | a").expect("valid");
        assert_eq!(
            cells,
            [
                cite(["a", "", "", ""]),
                cite(["b", "p. 4", "", ""]),
                cite(["c", "", "", "a"])
            ]
        );
        let err = split_citations("a | p. 4 | say | yes | no").expect_err("five parts");
        assert!(err.contains("has 5"), "{err}");
    }

    #[test]
    fn anything_survives_a_round_trip() {
        let awkward = [
            "plain",
            "semi;colon",
            "pipe|and\\backslash",
            " leading and trailing ",
            "\nnew\nlines\n",
            "",
        ];
        for value in awkward.iter().filter(|v| !v.is_empty()) {
            assert_eq!(split_list(&join_list([*value])), [*value], "{value:?}");
        }
        let citations = vec![
            cite(["a", "", "", ""]),
            cite(["b", " p. 4 ", "He said: \"yes; | no\"", ""]),
            cite(["c", "", "", "a"]),
        ];
        let cell = join_citations(&citations);
        assert_eq!(split_citations(&cell).expect("valid"), citations, "{cell}");
    }
}
