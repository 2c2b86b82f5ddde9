//! Structured fuzzing: start from a valid report (a committed seed), apply up to 8 random
//! edits to its JSON tree (replace, remove, insert or rename a field; remove, duplicate,
//! swap or add a list entry; nudge a number; respell a string with a date, an id from the
//! report, a vocabulary word...) or link two estimates through `derived_from`, write it
//! out compact or pretty, and check it with every invariant of `sealift_format_fuzz::verify`.
//!
//! Byte-level fuzzing rarely gets past the JSON syntax into the rules; this target lives
//! in the rules: wrong types, dangling and duplicate ids, dates out of order, negative or
//! inconsistent quantities, cycles in `derived_from`, missing citations.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

const SEEDS: &[&str] = &[
    include_str!("../seeds/check/small.json"),
    include_str!("../seeds/check/estimates-rich.json"),
    include_str!("../seeds/check/map-black-sea.json"),
    include_str!("../seeds/check/edge-valid.json"),
];

/// Every field name of the format (and a few that are not).
const FIELDS: &[&str] = &[
    "format",
    "$schema",
    "report",
    "sources",
    "actors",
    "places",
    "vessels",
    "trips",
    "events",
    "claims",
    "estimates",
    "id",
    "title",
    "summary",
    "language",
    "published",
    "updated",
    "as_of",
    "credits",
    "license",
    "sections",
    "heading",
    "text",
    "cites",
    "source",
    "locator",
    "quote",
    "via",
    "publisher",
    "date",
    "url",
    "kind",
    "note",
    "name",
    "country",
    "aliases",
    "lat",
    "lon",
    "precision",
    "imo",
    "flag",
    "type",
    "owner",
    "sanctions",
    "by",
    "vessel",
    "from",
    "to",
    "depart",
    "arrive",
    "cargo",
    "certainty",
    "place",
    "position",
    "description",
    "period",
    "start",
    "end",
    "stated",
    "actor",
    "measure",
    "unit",
    "quantity",
    "value",
    "bound",
    "low",
    "high",
    "method",
    "derived_from",
    "x-extra",
    "X-upper",
    "depar",
    "",
];

/// Strings worth trying anywhere: dates good and bad, vocabulary, shapes of small values.
const STRINGS: &[&str] = &[
    "2024",
    "2024-02",
    "2024-02-29",
    "2023-02-29",
    "2024-02-30",
    "2024-13",
    "2024-00-01",
    "2024~",
    "2024-02?",
    "2024-01-31~",
    "2025-01-01",
    "1999-12-31",
    "0000",
    "9999-12-31",
    "2024-02%",
    "2024/2025",
    "24",
    " 2024",
    "2024~?",
    "news",
    "government",
    "think-tank",
    "ngo",
    "court",
    "reference",
    "other",
    "military",
    "intelligence",
    "prosecutor",
    "media",
    "port",
    "naval-base",
    "rail",
    "border-crossing",
    "city",
    "shipyard",
    "anchorage",
    "depot",
    "exact",
    "approximate",
    "port-call",
    "loading",
    "unloading",
    "anchored",
    "sighting",
    "confirmed",
    "reported",
    "inferred",
    "disputed",
    "about",
    "at-least",
    "more-than",
    "up-to",
    "at-most",
    "at least",
    "Exact",
    "sealift-report/1",
    "sealift-report/2",
    "",
    " ",
    "\t\n",
    "KP",
    "kp",
    "K",
    "en",
    "zh-Hant",
    "x-private",
    "e",
    "9161003",
    "9161004",
    "916100",
    "https://example.org/a",
    "http://",
    "ftp://example.org",
    "javascript:alert(1)",
    "https://exa mple.org",
    "a-",
    "-a",
    "A",
    "é",
    "\u{0}",
    "\u{1F6A2}",
    "<script>alert(1)</script>",
    "line\nbreak",
];

fn seeds() -> &'static [Value] {
    static PARSED: OnceLock<Vec<Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SEEDS
            .iter()
            .map(|s| serde_json::from_str(s).expect("the seeds are JSON"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(text) = mutated(&mut u) {
        sealift_format_fuzz::check_and_verify(text.as_bytes());
    }
});

fn mutated(u: &mut Unstructured) -> Result<String> {
    let mut doc = u.choose(seeds())?.clone();
    let mut words = Vec::new();
    strings_in(&doc, &mut words);
    for _ in 0..u.int_in_range(1..=8)? {
        if u.ratio(1, 6)? {
            link_estimates(&mut doc, u)?;
        } else {
            edit(&mut doc, u, &words)?;
        }
    }
    let text = if u.arbitrary()? {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    };
    Ok(text.unwrap_or_default())
}

/// Every string in the report (ids, dates, names), to reuse as values elsewhere.
fn strings_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings_in(i, out)),
        Value::Object(m) => m.values().for_each(|i| strings_in(i, out)),
        _ => {}
    }
}

/// Adds the id of one estimate to the `derived_from` of another (or the same): random
/// edits alone almost never close a cycle.
fn link_estimates(doc: &mut Value, u: &mut Unstructured) -> Result<()> {
    let Some(list) = doc.get_mut("estimates").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    if list.is_empty() {
        return Ok(());
    }
    let (from, to) = (u.choose_index(list.len())?, u.choose_index(list.len())?);
    let id = list[to].get("id").cloned().unwrap_or(Value::Null);
    if let Some(estimate) = list[from].as_object_mut() {
        match estimate.entry("derived_from").or_insert_with(|| json!([])) {
            Value::Array(ids) => ids.push(id),
            other => *other = json!([id]),
        }
    }
    Ok(())
}

/// Walks down from the root to a random node and changes it.
fn edit(doc: &mut Value, u: &mut Unstructured, words: &[String]) -> Result<()> {
    let mut node = doc;
    loop {
        let len = match node {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if len == 0 || !u.ratio(4, 5)? {
            break;
        }
        let i = u.choose_index(len)?;
        node = match node {
            Value::Object(m) => match m.values_mut().nth(i) {
                Some(child) => child,
                None => return Ok(()),
            },
            Value::Array(a) => match a.get_mut(i) {
                Some(child) => child,
                None => return Ok(()),
            },
            _ => return Ok(()),
        };
    }
    match node {
        Value::Object(m) if !m.is_empty() => match u.int_in_range(0..=3)? {
            0 => {
                let key = pick_key(m, u)?;
                m.remove(&key);
            }
            1 => {
                let key = field(u)?;
                m.insert(key, value(u, words, 2)?);
            }
            2 => {
                let key = pick_key(m, u)?;
                if let Some(v) = m.remove(&key) {
                    m.insert(field(u)?, v);
                }
            }
            _ => *node = value(u, words, 2)?,
        },
        Value::Array(a) if !a.is_empty() => match u.int_in_range(0..=4)? {
            0 => {
                let i = u.choose_index(a.len())?;
                a.remove(i);
            }
            1 => {
                let i = u.choose_index(a.len())?;
                let copy = a[i].clone();
                let at = u.choose_index(a.len() + 1)?;
                a.insert(at, copy);
            }
            2 => {
                let (i, j) = (u.choose_index(a.len())?, u.choose_index(a.len())?);
                a.swap(i, j);
            }
            3 => a.push(value(u, words, 2)?),
            _ => *node = value(u, words, 2)?,
        },
        Value::Number(n) if u.ratio(3, 4)? => {
            let x = n.as_f64().unwrap_or(0.0);
            *node = number_near(x, u)?;
        }
        Value::String(s) if u.ratio(3, 4)? => {
            let new = respell(s, u, words)?;
            *node = Value::String(new);
        }
        _ => *node = value(u, words, 2)?,
    }
    Ok(())
}

fn pick_key(m: &Map<String, Value>, u: &mut Unstructured) -> Result<String> {
    let i = u.choose_index(m.len())?;
    Ok(m.keys().nth(i).cloned().unwrap_or_default())
}

fn field(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(7, 8)? {
        u.choose(FIELDS)?.to_string()
    } else {
        u.arbitrary::<&str>()?.chars().take(12).collect()
    })
}

/// A new value of any type; objects and lists nest at most `depth` deep.
fn value(u: &mut Unstructured, words: &[String], depth: u8) -> Result<Value> {
    Ok(match u.int_in_range(0..=11)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 | 3 => number_near(f64::from(u.int_in_range(-10_i32..=10_000)?), u)?,
        4..=6 => Value::String(string(u, words)?),
        7 if depth > 0 => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                items.push(value(u, words, depth - 1)?);
            }
            Value::Array(items)
        }
        8 if depth > 0 => {
            let mut m = Map::new();
            for _ in 0..u.int_in_range(0..=4)? {
                m.insert(field(u)?, value(u, words, depth - 1)?);
            }
            Value::Object(m)
        }
        9 => json!({
            "value": number_near(f64::from(u.int_in_range(-1_i32..=100)?), u)?,
            "bound": string(u, words)?,
            "low": number_near(f64::from(u.int_in_range(-1_i32..=100)?), u)?,
            "high": number_near(f64::from(u.int_in_range(-1_i32..=100)?), u)?,
        }),
        10 => {
            let mut m = Map::new();
            if u.arbitrary()? {
                m.insert(
                    "start".into(),
                    Value::String(u.choose(STRINGS)?.to_string()),
                );
            }
            if u.arbitrary()? {
                m.insert("end".into(), Value::String(u.choose(STRINGS)?.to_string()));
            }
            Value::Object(m)
        }
        _ => json!({ "source": string(u, words)?, "via": string(u, words)? }),
    })
}

fn string(u: &mut Unstructured, words: &[String]) -> Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 | 1 if !words.is_empty() => u.choose(words)?.clone(),
        2 => u.arbitrary::<&str>()?.chars().take(24).collect(),
        _ => u.choose(STRINGS)?.to_string(),
    })
}

/// A small change to a string: another string, or the same with a character added,
/// dropped, doubled or changed in case.
fn respell(s: &str, u: &mut Unstructured, words: &[String]) -> Result<String> {
    Ok(match u.int_in_range(0..=6)? {
        0 => format!("{s}{}", u.choose(&["~", "?", "-", " ", "x", "1", "é"])?),
        1 => {
            let mut t = s.to_string();
            t.pop();
            t
        }
        2 => s.to_uppercase(),
        3 => format!(" {s}"),
        4 => s.repeat(2),
        _ => string(u, words)?,
    })
}

/// A number near `x`, or a special one; always finite (JSON has no others).
fn number_near(x: f64, u: &mut Unstructured) -> Result<Value> {
    let candidates = [
        x,
        -x,
        x + 1.0,
        x - 1.0,
        x * 10.0,
        x / 3.0,
        x + 0.5,
        0.0,
        -0.0,
        -1.0,
        90.0,
        -90.000_001,
        180.0,
        180.5,
        1e308,
        -1e-300,
        9_007_199_254_740_993.0,
        f64::from(u.arbitrary::<i32>()?),
        u.arbitrary::<f64>()?,
    ];
    let pick = *u.choose(&candidates)?;
    Ok(serde_json::Number::from_f64(pick).map_or(Value::Null, Value::Number))
}
