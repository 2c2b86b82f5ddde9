//! Synthetic Sealift reports for benchmarks: any number of trips, with N/2
//! events, N/10 claims and N/5 estimates, vessels and places all over the
//! world, the same report for the same seed. Every report is valid.

use serde_json::{Value, json};

/// How big a synthetic report is.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub trips: usize,
    pub seed: u64,
}

impl Size {
    pub fn events(&self) -> usize {
        self.trips / 2
    }
    pub fn claims(&self) -> usize {
        self.trips / 10
    }
    pub fn estimates(&self) -> usize {
        self.trips / 5
    }
    pub fn vessels(&self) -> usize {
        (self.trips / 20).clamp(4, 500)
    }
    pub fn places(&self) -> usize {
        (self.trips / 10).clamp(6, 1000)
    }
    pub fn sources(&self) -> usize {
        (self.trips / 5).clamp(5, 2000)
    }
    pub fn actors(&self) -> usize {
        (self.trips / 50).clamp(3, 40)
    }
}

const PLACE_KINDS: [&str; 8] = [
    "port",
    "naval-base",
    "rail",
    "border-crossing",
    "city",
    "shipyard",
    "anchorage",
    "depot",
];
const EVENT_KINDS: [&str; 7] = [
    "port-call",
    "loading",
    "unloading",
    "anchored",
    "shipyard",
    "rail",
    "sighting",
];
const CERTAINTIES: [&str; 4] = ["confirmed", "reported", "inferred", "disputed"];
const BOUNDS: [&str; 6] = [
    "exact",
    "about",
    "at-least",
    "more-than",
    "up-to",
    "at-most",
];
const UNITS: [(&str, &str); 5] = [
    ("containers", "containers shipped"),
    ("shells", "artillery shells"),
    ("missiles", "missiles fired"),
    ("trips", "voyages counted"),
    ("tonnes", "cargo carried"),
];

/// A day between 2020-01-01 and the end of 2025, as an EDTF date at day precision.
fn day(rng: &mut fastrand::Rng) -> (i32, u32, u32) {
    (rng.i32(2020..=2025), rng.u32(1..=12), rng.u32(1..=28))
}

fn date_text((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date `days` after `(y, m, d)`, staying inside a 28-day month for simplicity.
fn later((y, m, d): (i32, u32, u32), days: u32) -> (i32, u32, u32) {
    let mut total = d + days;
    let (mut y, mut m) = (y, m);
    while total > 28 {
        total -= 28;
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    (y, m, total)
}

/// A few citations of random sources.
fn cites(rng: &mut fastrand::Rng, sources: usize) -> Value {
    let n = rng.usize(1..=3);
    Value::Array(
        (0..n)
            .map(|_| {
                let id = format!("src-{}", rng.usize(0..sources));
                if rng.u8(0..10) == 0 {
                    json!({ "source": id, "via": format!("src-{}", rng.usize(0..sources)), "locator": "p. 2" })
                } else {
                    Value::String(id)
                }
            })
            .collect(),
    )
}

/// The synthetic report for `size`, as JSON.
pub fn synthetic_report(size: Size) -> Value {
    let mut rng = fastrand::Rng::with_seed(size.seed);
    let sources: Vec<Value> = (0..size.sources())
        .map(|i| {
            json!({
                "id": format!("src-{i}"), "publisher": format!("Publisher {}", i % 37), "title": format!("Report number {i}"),
                "date": date_text(day(&mut rng)), "url": format!("https://example.org/reports/{i}"),
                "kind": (["news", "government", "think-tank", "ngo"][i % 4]),
            })
        })
        .collect();
    let actors: Vec<Value> = (0..size.actors())
        .map(|i| json!({ "id": format!("actor-{i}"), "name": format!("Actor {i}"), "kind": (["government", "intelligence", "think-tank", "media"][i % 4]), "country": (["US", "KR", "UA", "GB", "FR"][i % 5]) }))
        .collect();
    let places: Vec<Value> = (0..size.places())
        .map(|i| {
            json!({
                "id": format!("place-{i}"), "name": format!("Port {i}"), "country": (["NO", "JP", "BR", "ZA", "AU", "CA", "IN", "EG"][i % 8]),
                "kind": PLACE_KINDS[i % PLACE_KINDS.len()],
                "lat": rng.f64() * 140.0 - 70.0, "lon": rng.f64() * 360.0 - 180.0,
                "precision": "exact",
            })
        })
        .collect();
    let vessels: Vec<Value> = (0..size.vessels())
        .map(|i| json!({ "id": format!("vessel-{i}"), "name": format!("Vessel {i}"), "flag": (["PA", "LR", "MH", "RU"][i % 4]), "type": "General cargo" }))
        .collect();
    let trips: Vec<Value> = (0..size.trips)
        .map(|i| {
            let from = rng.usize(0..size.places());
            let to = (from + rng.usize(1..size.places())) % size.places();
            let depart = day(&mut rng);
            let certainty = CERTAINTIES[rng.usize(0..4)];
            let mut trip = json!({
                "id": format!("trip-{i}"), "vessel": format!("vessel-{}", rng.usize(0..size.vessels())),
                "from": format!("place-{from}"), "to": format!("place-{to}"),
                "depart": date_text(depart), "arrive": date_text(later(depart, rng.u32(1..30))),
                "certainty": certainty, "sources": cites(&mut rng, size.sources()),
            });
            if matches!(certainty, "inferred" | "disputed") {
                trip["note"] = json!("Synthetic note explaining the certainty.");
            }
            trip
        })
        .collect();
    let events: Vec<Value> = (0..size.events())
        .map(|i| {
            let mut event = json!({
                "id": format!("event-{i}"), "kind": EVENT_KINDS[i % EVENT_KINDS.len()], "certainty": "reported",
                "summary": format!("Synthetic event {i}."), "sources": cites(&mut rng, size.sources()),
            });
            if i % 3 != 0 {
                event["vessel"] = json!(format!("vessel-{}", rng.usize(0..size.vessels())));
            }
            if i % 10 == 0 {
                event["position"] = json!({ "lat": rng.f64() * 100.0 - 50.0, "lon": rng.f64() * 300.0 - 150.0 });
            } else {
                event["place"] = json!(format!("place-{}", rng.usize(0..size.places())));
            }
            let start = day(&mut rng);
            if i % 4 == 0 {
                event["period"] = json!({ "start": date_text(start), "end": date_text(later(start, rng.u32(1..40))) });
            } else {
                event["date"] = json!(date_text(start));
            }
            event
        })
        .collect();
    let claims: Vec<Value> = (0..size.claims())
        .map(|i| {
            json!({
                "id": format!("claim-{i}"), "stated": date_text(day(&mut rng)), "actor": format!("actor-{}", rng.usize(0..size.actors())),
                "text": format!("Synthetic claim {i} about shipments."), "vessels": [format!("vessel-{}", rng.usize(0..size.vessels()))],
                "places": [format!("place-{}", rng.usize(0..size.places()))], "certainty": "reported", "sources": cites(&mut rng, size.sources()),
            })
        })
        .collect();
    let estimates: Vec<Value> = (0..size.estimates())
        .map(|i| {
            let (unit, measure) = UNITS[i % UNITS.len()];
            let value = f64::from(rng.u32(1..1_000_000));
            let mut estimate = json!({
                "id": format!("estimate-{i}"), "stated": date_text(day(&mut rng)), "actor": format!("actor-{}", rng.usize(0..size.actors())),
                "measure": measure, "unit": unit, "quantity": { "value": value, "bound": BOUNDS[rng.usize(0..BOUNDS.len())] },
                "sources": cites(&mut rng, size.sources()),
            });
            if i % 7 == 0 {
                estimate["quantity"]["low"] = json!((value * 0.8).floor());
                estimate["quantity"]["high"] = json!((value * 1.2).ceil());
            }
            // Only earlier estimates, so there is never a cycle.
            if i >= UNITS.len() && i % 5 == 1 {
                estimate["derived_from"] = json!([format!("estimate-{}", i - 1)]);
            }
            estimate
        })
        .collect();
    json!({
        "format": "sealift-report/1",
        "report": {
            "id": format!("synthetic-{}-{}", size.trips, size.seed),
            "title": format!("Synthetic report: {} trips (seed {})", size.trips, size.seed),
            "summary": "A generated report for benchmarks. Nothing in it is real.",
            "language": "en", "published": "2026-01-01", "as_of": "2025-12-31",
            "credits": ["sealift-bench synth"],
            "sections": [{ "heading": "About", "text": "Generated for benchmarks.", "cites": ["src-0"] }],
        },
        "sources": sources, "actors": actors, "places": places, "vessels": vessels,
        "trips": trips, "events": events, "claims": claims, "estimates": estimates,
    })
}
