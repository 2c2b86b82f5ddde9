//! Every English text the viewer translates has its Ukrainian: this reads the
//! viewer's sources, finds each `tr("…")`, `tr_in("…", "…")`, data-table
//! caption and column, and each noun pair after a count, and looks them up in
//! the Ukrainian phrase file (`public/words/uk.tsv`) and tables. A new string
//! without a translation fails here, and so does a phrase file the viewer
//! would misread.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use sealift_viewer::i18n::uk::{
    NOUNS, NOUNS_ACCUSATIVE, NOUNS_GENITIVE, NOUNS_INSTRUMENTAL, UK_IN_CONTEXT,
};
use sealift_viewer::i18n::words::phrases;

/// The Ukrainian phrase file, as the page fetches it.
fn ukrainian() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/words/uk.tsv");
    fs::read_to_string(path).expect("public/words/uk.tsv is readable")
}

/// The viewer's Rust files, but for the translations themselves.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if !path.ends_with("i18n") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literal at the start of `text` (after blanks), unescaped.
fn literal(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                '\n' => {
                    // A line continuation: the next line's indent is dropped.
                    let rest = &text[i + 2..];
                    let skipped = rest.len() - rest.trim_start().len();
                    for _ in 0..skipped {
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            _ => out.push(ch),
        }
    }
    None
}

/// The arguments of every call of `name(` in `text` that starts with string literals, up to `count` of them.
fn calls(text: &str, name: &str, count: usize) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let pattern = format!("{name}(");
    for (at, _) in text.match_indices(&pattern) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut rest = &text[at + pattern.len()..];
        let mut args = Vec::new();
        while args.len() < count {
            let Some((value, after)) = literal(rest) else {
                break;
            };
            args.push(value);
            rest = after.trim_start().strip_prefix(',').unwrap_or(after);
        }
        if args.len() == count {
            found.push(args);
        }
    }
    found
}

/// The noun pairs after counts: `count_text(n, "vessel", "vessels")`, with the case asked for.
fn noun_pairs(text: &str) -> Vec<(String, String, String)> {
    let mut pairs = Vec::new();
    for name in ["count_text", "count_text_in", "count_noun"] {
        let pattern = format!("{name}(");
        for (at, _) in text.match_indices(&pattern) {
            let rest = &text[at + pattern.len()..];
            // The count comes first and may itself hold commas and calls: find the first literal.
            let Some(quote) = rest.find('"') else {
                continue;
            };
            if rest[..quote].contains(';') || rest[..quote].contains('{') {
                continue; // Not a call with literal nouns (a definition, or a call with variables).
            }
            let Some((one, after)) = literal(&rest[quote..]) else {
                continue;
            };
            let after = after.trim_start().strip_prefix(',').unwrap_or(after);
            let Some((many, after)) = literal(after) else {
                continue;
            };
            let case = if name == "count_text_in" {
                let tail = after.trim_start().trim_start_matches(',').trim_start();
                tail.strip_prefix("Case::")
                    .map(|t| t.chars().take_while(|c| c.is_alphanumeric()).collect())
                    .unwrap_or_default()
            } else {
                String::from("Nominative")
            };
            pairs.push((one, many, case));
        }
    }
    pairs
}

/// Data-table captions and column headings: `caption="…"` and `columns=vec!["…", …]`.
fn table_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    if !text.contains("<DataTable") {
        return words;
    }
    for (at, _) in text.match_indices("caption=") {
        if let Some((caption, _)) = literal(&text[at + "caption=".len()..]) {
            words.push(caption);
        }
    }
    for (at, _) in text.match_indices("columns=vec![") {
        let mut rest = &text[at + "columns=vec![".len()..];
        while let Some((column, after)) = literal(rest) {
            words.push(column);
            rest = after.trim_start().strip_prefix(',').unwrap_or(after);
        }
    }
    words
}

#[test]
fn every_interface_text_has_its_ukrainian() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let file = ukrainian();
    let uk: Vec<(&str, &str)> = phrases(&file).collect();
    let has = |english: &str| uk.iter().any(|(en, _)| *en == english);
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in &files {
        let whole = fs::read_to_string(file).expect("a readable source file");
        // Unit tests may use words the interface never shows.
        let text = whole
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        let name = file.display();
        for args in calls(text, "tr", 1) {
            seen += 1;
            if !has(&args[0]) {
                missing.push(format!("{name}: tr({:?})", args[0]));
            }
        }
        for args in calls(text, "tr_in", 2) {
            seen += 1;
            if !UK_IN_CONTEXT
                .iter()
                .any(|(c, en, _)| *c == args[0] && *en == args[1])
            {
                missing.push(format!("{name}: tr_in({:?}, {:?})", args[0], args[1]));
            }
        }
        for words in table_words(text) {
            seen += 1;
            if !has(&words) {
                missing.push(format!("{name}: table {words:?}"));
            }
        }
        for (one, many, case) in noun_pairs(text) {
            seen += 1;
            let pair = |(a, b): &(&str, &str)| *a == one && *b == many;
            let known = NOUNS.iter().any(|(p, _)| pair(p))
                && match case.as_str() {
                    "Genitive" => NOUNS_GENITIVE.iter().any(|(p, _)| pair(p)),
                    "Instrumental" => NOUNS_INSTRUMENTAL.iter().any(|(p, _)| pair(p)),
                    // The accusative falls back to the nominative where they agree.
                    "Accusative" | "Nominative" | "Locative" => true,
                    _ => false,
                };
            if !known {
                missing.push(format!("{name}: count of {one:?} / {many:?} ({case})"));
            }
        }
    }
    assert!(seen > 250, "only {seen} texts found: is the scan broken?");
    assert!(
        missing.is_empty(),
        "no Ukrainian for:\n{}",
        missing.join("\n")
    );
    // Every accusative noun is also a known noun.
    for (pair, _) in NOUNS_ACCUSATIVE {
        assert!(NOUNS.iter().any(|(p, _)| p == pair), "{pair:?}");
    }
}

#[test]
fn words_used_without_a_literal_are_translated() {
    let file = ukrainian();
    let has = |english: &str| phrases(&file).any(|(en, _)| en == english);
    // Bounds (through `bound_text`) and the map table's kinds of place.
    for words in ["about", "at least", "more than", "up to", "at most"] {
        assert!(has(words), "{words}");
    }
    for kind in sealift_format::PlaceKind::ALL {
        let words = kind.as_str().replace('-', " ");
        assert!(has(&words), "{words}");
    }
}

#[test]
fn every_line_of_the_phrase_file_is_a_phrase_or_a_note() {
    let file = ukrainian();
    let mut seen = Vec::new();
    for (n, line) in file.lines().enumerate() {
        let n = n + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 2, "line {n}: English, one tab, Ukrainian");
        let (en, uk) = (fields[0], fields[1]);
        assert!(
            !en.trim().is_empty() && !uk.trim().is_empty(),
            "line {n}: {line:?}"
        );
        assert!(!seen.contains(&en), "line {n}: {en:?} is translated twice");
        // A single-file bundle carries the file inside a <script> element.
        assert!(!line.contains('<'), "line {n}: `<` cannot be bundled");
        seen.push(en);
    }
    assert_eq!(phrases(&file).count(), seen.len());
    assert!(seen.len() > 200, "only {} phrases", seen.len());
}

#[test]
fn the_scan_reads_literals_as_rust_does() {
    assert_eq!(
        calls(r#"x = tr("a \"b\""); y = attr("c");"#, "tr", 1),
        vec![vec![String::from("a \"b\"")]]
    );
    assert_eq!(
        calls("tr(\n    \"long\",\n)", "tr", 1),
        vec![vec![String::from("long")]]
    );
    assert_eq!(
        noun_pairs(r#"count_text_in(a.len(), "day", "days", Case::Genitive)"#),
        vec![("day".into(), "days".into(), "Genitive".into())]
    );
}
