//! Decodes the findings: trips, events, claims and estimates.

use super::{Decoder, Obj};
use crate::model::{Claim, Estimate, Event, EventLocation, Quantity, Trip, When};

/// The fields of an event's position and of an estimate's quantity.
pub(super) const POSITION: &[&str] = &["lat", "lon", "description"];
pub(super) const QUANTITY: &[&str] = &["value", "bound", "low", "high"];

pub(super) fn trip(d: &mut Decoder, o: Obj) -> Trip {
    Trip {
        id: d.req_text(&o, "id"),
        vessel: d.req_text(&o, "vessel"),
        from: d.req_text(&o, "from"),
        to: d.req_text(&o, "to"),
        depart: d.opt_date(&o, "depart"),
        arrive: d.opt_date(&o, "arrive"),
        cargo: d.opt_text(&o, "cargo"),
        certainty: d.req_word(&o, "certainty"),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}

pub(super) fn event(d: &mut Decoder, o: Obj) -> Event {
    Event {
        id: d.req_text(&o, "id"),
        vessel: d.opt_id(&o, "vessel"),
        location: location(d, &o),
        when: when(d, &o),
        kind: d.req_word(&o, "kind"),
        certainty: d.req_word(&o, "certainty"),
        summary: d.req_text(&o, "summary"),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}

/// Exactly one of `place` or `position`.
fn location(d: &mut Decoder, o: &Obj) -> EventLocation {
    match (o.get("place"), o.get("position")) {
        (Some(place), None) => {
            EventLocation::Place(d.text(place, o.at("place")).unwrap_or_default())
        }
        (None, Some(position)) => {
            let Some(p) = d.object(position, o.at("position"), POSITION) else {
                return EventLocation::default();
            };
            EventLocation::Position {
                lat: d.req_number(&p, "lat"),
                lon: d.req_number(&p, "lon"),
                description: d.opt_text(&p, "description"),
            }
        }
        (Some(_), Some(_)) => {
            let path = o.at("position").to_string();
            d.sink.error(
                &path,
                message!("an event has either `place` or `position`, not both"),
            );
            d.gap(&path);
            EventLocation::default()
        }
        (None, None) => {
            let path = o.at("place").to_string();
            let message =
                message!("an event needs `place` (a place id) or `position` (lat and lon)");
            d.sink.error(&path, message);
            d.gap(&path);
            EventLocation::default()
        }
    }
}

/// Exactly one of `date` or `period`.
fn when(d: &mut Decoder, o: &Obj) -> When {
    match (o.get("date"), o.get("period")) {
        (Some(date), None) => When::Date(d.date(date, o.at("date")).unwrap_or_default()),
        (None, Some(period)) => When::Period(d.period(period, o.at("period")).unwrap_or_default()),
        (Some(_), Some(_)) => {
            let path = o.at("period").to_string();
            d.sink.error(
                &path,
                message!("an event has either `date` or `period`, not both"),
            );
            d.gap(&path);
            When::default()
        }
        (None, None) => {
            let path = o.at("date").to_string();
            d.sink
                .error(&path, message!("an event needs `date` or `period`"));
            d.gap(&path);
            When::default()
        }
    }
}

pub(super) fn claim(d: &mut Decoder, o: Obj) -> Claim {
    Claim {
        id: d.req_text(&o, "id"),
        stated: d.req_date(&o, "stated"),
        actor: d.req_text(&o, "actor"),
        text: d.req_text(&o, "text"),
        vessels: d.texts(&o, "vessels"),
        places: d.texts(&o, "places"),
        certainty: d.req_word(&o, "certainty"),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}

pub(super) fn estimate(d: &mut Decoder, o: Obj) -> Estimate {
    Estimate {
        id: d.req_text(&o, "id"),
        stated: d.req_date(&o, "stated"),
        actor: d.req_text(&o, "actor"),
        measure: d.req_text(&o, "measure"),
        unit: d.req_text(&o, "unit"),
        quantity: quantity(d, &o),
        period: o.get("period").and_then(|v| d.period(v, o.at("period"))),
        method: d.opt_text(&o, "method"),
        derived_from: d.texts(&o, "derived_from"),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}

fn quantity(d: &mut Decoder, o: &Obj) -> Quantity {
    let Some(v) = o.get("quantity") else {
        d.missing(o, "quantity");
        return Quantity::default();
    };
    let Some(q) = d.object(v, o.at("quantity"), QUANTITY) else {
        return Quantity::default();
    };
    Quantity {
        value: d.req_number(&q, "value"),
        bound: d.req_word(&q, "bound"),
        low: d.opt_number(&q, "low"),
        high: d.opt_number(&q, "high"),
    }
}
