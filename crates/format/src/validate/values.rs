//! Rule 6: dates and periods ordered, coordinates in range, IMO numbers, URLs,
//! quantities, language tags and country codes.

use std::cmp::Ordering;

use super::{Cx, named};
use crate::date::Period;
use crate::decimal::plain_number;
use crate::model::{EventLocation, Quantity, Report, When};
use crate::path::Path;
use crate::shape::{imo_problem, is_country, is_language_tag, is_web_url};

pub(super) fn check(cx: &mut Cx, r: &Report) {
    let info = &r.info;
    language(cx, Path::Text("report.language"), &info.language);
    if let Some(updated) = info.updated
        && updated.cmp_coarse(&info.published) == Ordering::Less
        && !cx.gaps.covers(Path::Text("report.published"))
    {
        let message = message!(
            "`updated` ({updated}) is before `published` ({})",
            info.published
        );
        cx.error(Path::Text("report.updated"), message, None);
    }
    let sources = Path::Text("sources");
    for (i, s) in r.sources.iter().enumerate() {
        let base = sources.item(i);
        if let Some(url) = &s.url
            && !is_web_url(url)
        {
            let message = message!(
                "the URL \"{url}\" of {} must start with http:// or https://",
                named("source", &s.id, base)
            );
            cx.error(
                base.field("url"),
                message,
                Some(message!("only web addresses are allowed")),
            );
        }
        if let Some(tag) = &s.language {
            language(cx, base.field("language"), tag);
        }
    }
    let actors = Path::Text("actors");
    for (i, a) in r.actors.iter().enumerate() {
        if let Some(c) = &a.country {
            country(cx, actors.item(i).field("country"), c);
        }
    }
    let places = Path::Text("places");
    for (i, p) in r.places.iter().enumerate() {
        let base = places.item(i);
        country(cx, base.field("country"), &p.country);
        coordinates(cx, base, p.lat, p.lon);
    }
    let vessels = Path::Text("vessels");
    for (i, v) in r.vessels.iter().enumerate() {
        let base = vessels.item(i);
        if let Some(imo) = &v.imo
            && let Some(why) = imo_problem(imo)
        {
            let message = message!(
                "\"{imo}\" is not a valid IMO number for {}",
                named("vessel", &v.id, base)
            );
            cx.error(base.field("imo"), message, Some(why));
        }
        if let Some(flag) = &v.flag {
            country(cx, base.field("flag"), flag);
        }
    }
    let trips = Path::Text("trips");
    for (i, t) in r.trips.iter().enumerate() {
        let base = trips.item(i);
        let who = named("trip", &t.id, base);
        match (t.depart, t.arrive) {
            (Some(depart), Some(arrive)) if arrive.cmp_coarse(&depart) == Ordering::Less => {
                let message = message!("{who} arrives ({arrive}) before it departs ({depart})");
                cx.error(base.field("arrive"), message, None);
            }
            (None, None)
                if !cx.gaps.touches(base.field("depart"))
                    && !cx.gaps.touches(base.field("arrive")) =>
            {
                let message =
                    message!("{who} has neither `depart` nor `arrive`: give at least one");
                cx.error(base.field("depart"), message, None);
            }
            _ => {}
        }
    }
    let events = Path::Text("events");
    for (i, e) in r.events.iter().enumerate() {
        let base = events.item(i);
        if let EventLocation::Position { lat, lon, .. } = e.location {
            coordinates(cx, base.field("position"), lat, lon);
        }
        if let When::Period(p) = &e.when {
            period(cx, base.field("period"), p);
        }
    }
    let estimates = Path::Text("estimates");
    for (i, e) in r.estimates.iter().enumerate() {
        let base = estimates.item(i);
        if let Some(p) = &e.period {
            period(cx, base.field("period"), p);
        }
        quantity(cx, base.field("quantity"), &e.quantity);
    }
}

fn language(cx: &mut Cx, path: Path, tag: &str) {
    if !is_language_tag(tag) {
        let message = message!("\"{tag}\" is not a BCP 47 language tag");
        cx.error(
            path,
            message,
            Some(message!("use a tag such as \"en\", \"uk\" or \"zh-Hant\"")),
        );
    }
}

fn country(cx: &mut Cx, path: Path, code: &str) {
    if is_country(code) {
        return;
    }
    let message = message!(
        "\"{code}\" is not a country code: use two upper-case letters (ISO 3166-1 alpha-2)"
    );
    let upper = code.trim().to_ascii_uppercase();
    let help = if is_country(&upper) {
        message!("did you mean \"{upper}\"?")
    } else {
        message!("for example \"KP\", \"RU\", \"CN\"")
    };
    cx.error(path, message, Some(help));
}

/// `lat` in -90..=90 and `lon` in -180..=180, under the object at `base`.
fn coordinates(cx: &mut Cx, base: Path, lat: f64, lon: f64) {
    let swapped = (-90.0..=90.0).contains(&lon) && (-180.0..=180.0).contains(&lat);
    let help = || swapped.then(|| message!("are `lat` and `lon` swapped?"));
    if !(-90.0..=90.0).contains(&lat) {
        let message = message!(
            "latitude {} is out of range: it must be between -90 and 90",
            plain_number(lat)
        );
        cx.error(base.field("lat"), message, help());
    }
    if !(-180.0..=180.0).contains(&lon) {
        let message = message!(
            "longitude {} is out of range: it must be between -180 and 180",
            plain_number(lon)
        );
        cx.error(base.field("lon"), message, help());
    }
}

/// A period has at least one side and does not end before it starts.
fn period(cx: &mut Cx, path: Path, p: &Period) {
    match (p.start, p.end) {
        (None, None) if !cx.gaps.touches(path) => {
            cx.error(
                path,
                message!("a period needs `start`, `end` or both"),
                None,
            );
        }
        (Some(start), Some(end)) if end.cmp_coarse(&start) == Ordering::Less => {
            let message = message!("the period ends ({end}) before it starts ({start})");
            cx.error(path.field("end"), message, None);
        }
        _ => {}
    }
}

/// No negative numbers, and `low <= value <= high`.
fn quantity(cx: &mut Cx, path: Path, q: &Quantity) {
    for (name, value) in [("value", Some(q.value)), ("low", q.low), ("high", q.high)] {
        if let Some(v) = value
            && v < 0.0
        {
            cx.error(
                path.field(name),
                message!(
                    "`{name}` is negative ({}); quantities count things",
                    plain_number(v)
                ),
                None,
            );
        }
    }
    if let Some(low) = q.low
        && low > q.value
    {
        let message = message!(
            "`low` ({}) is more than `value` ({})",
            plain_number(low),
            plain_number(q.value)
        );
        cx.error(path.field("low"), message, None);
    }
    if let Some(high) = q.high
        && high < q.value
    {
        let message = message!(
            "`high` ({}) is less than `value` ({})",
            plain_number(high),
            plain_number(q.value)
        );
        cx.error(path.field("high"), message, None);
    }
}
