//! Decodes the top level, `report` and the reference collections (sources, actors, places, vessels).

use super::{Decoder, Obj};
use crate::json::{Kind, Value};
use crate::model::{Actor, Place, Report, ReportInfo, Sanction, Section, Source, Vessel};
use crate::path::Path;
use crate::{FORMAT_VERSION, READS};

/// The top-level fields. `$schema` is not part of the format: it lets editors
/// find the JSON Schema (`report.schema.json`) and is kept but never used.
const TOP: &[&str] = &[
    "$schema",
    "format",
    "report",
    "sources",
    "actors",
    "places",
    "vessels",
    "trips",
    "events",
    "claims",
    "estimates",
];

/// The fields of a section of the report and of a sanction.
const SECTION: &[&str] = &["heading", "text", "cites"];
const SANCTION: &[&str] = &["by", "date", "note", "sources"];

/// Every field name of the format, for the parser to share rather than copy.
pub(crate) fn field_names() -> impl Iterator<Item = &'static str> {
    let nested = [
        TOP,
        crate::model::REPORT_FIELDS,
        SECTION,
        SANCTION,
        super::PERIOD,
        super::CITATION,
        super::records::POSITION,
        super::records::QUANTITY,
    ];
    let collections = TOP.iter().map(|name| fields_of(name));
    nested.into_iter().chain(collections).flatten().copied()
}

/// Checks `format` first: if it is not one this build reads, that is the only error.
pub(crate) fn decode_report(d: &mut Decoder, root: &Value) -> Option<Report> {
    let reads = READS.join(", ");
    let Kind::Object(_) = root.kind else {
        let message = message!(
            "a report is one JSON object, but this file holds {}",
            root.kind.describe()
        );
        d.sink.error("", message).help(message!(
            "start the file with {{ \"format\": \"{FORMAT_VERSION}\", ... }}"
        ));
        return None;
    };
    let format = root.get("format");
    // the text only of a string: the tree leaves it to be read from the input
    let written = format.map(|v| match v.kind {
        Kind::String(_) => Ok(crate::json::string_of(d.text, v)),
        ref other => Err(other),
    });
    match written {
        Some(Ok(f)) if READS.contains(&&*f) => {}
        Some(Ok(f)) => {
            let message = message!(
                "this file is in format \"{f}\", which this build cannot read (it reads {reads})"
            );
            d.sink
                .error("format", message)
                .help(message!("use \"format\": \"{FORMAT_VERSION}\""));
            return None;
        }
        Some(Err(other)) => {
            let message = message!(
                "`format` must be a string naming the format version; this build reads {reads}, found {}",
                other.describe()
            );
            d.sink
                .error("format", message)
                .help(message!("use \"format\": \"{FORMAT_VERSION}\""));
            return None;
        }
        None => {
            let message = message!(
                "the field `format` is missing, so this is not a Sealift report this build can read (it reads {reads})"
            );
            d.sink
                .error("format", message)
                .help(message!("add \"format\": \"{FORMAT_VERSION}\" at the top"));
            return None;
        }
    }
    let top = d.object(root, Path::TOP, TOP)?;
    let info = match top.get("report") {
        Some(v) => report_info(d, v, top.at("report")),
        None => {
            d.missing(&top, "report");
            ReportInfo::default()
        }
    };
    Some(Report {
        schema: d.opt_text(&top, "$schema"),
        format: d.req_text(&top, "format"),
        info,
        sources: collection(d, &top, "sources", source),
        actors: collection(d, &top, "actors", actor),
        places: collection(d, &top, "places", place),
        vessels: collection(d, &top, "vessels", vessel),
        trips: collection(d, &top, "trips", super::records::trip),
        events: collection(d, &top, "events", super::records::event),
        claims: collection(d, &top, "claims", super::records::claim),
        estimates: collection(d, &top, "estimates", super::records::estimate),
        ..Report::default()
    })
}

/// A top-level list of objects; an item that is not an object becomes a placeholder.
fn collection<T: Default>(
    d: &mut Decoder,
    top: &Obj,
    name: &str,
    item: fn(&mut Decoder, Obj) -> T,
) -> Vec<T> {
    d.list(top, name, |d, v, at| {
        match d.object(v, at, fields_of(name)) {
            Some(o) => item(d, o),
            None => T::default(),
        }
    })
}

/// The fields each collection's items may have.
fn fields_of(collection: &str) -> &'static [&'static str] {
    match collection {
        "sources" => &[
            "id",
            "publisher",
            "title",
            "date",
            "url",
            "kind",
            "language",
            "note",
        ],
        "actors" => &["id", "name", "kind", "country"],
        "places" => &[
            "id",
            "name",
            "aliases",
            "country",
            "kind",
            "lat",
            "lon",
            "precision",
            "sources",
        ],
        "vessels" => &[
            "id",
            "name",
            "aliases",
            "imo",
            "flag",
            "type",
            "owner",
            "sanctions",
            "note",
            "sources",
        ],
        "trips" => &[
            "id",
            "vessel",
            "from",
            "to",
            "depart",
            "arrive",
            "cargo",
            "certainty",
            "note",
            "sources",
        ],
        "events" => &[
            "id",
            "vessel",
            "place",
            "position",
            "date",
            "period",
            "kind",
            "certainty",
            "summary",
            "note",
            "sources",
        ],
        "claims" => &[
            "id",
            "stated",
            "actor",
            "text",
            "vessels",
            "places",
            "certainty",
            "note",
            "sources",
        ],
        "estimates" => &[
            "id",
            "stated",
            "actor",
            "measure",
            "unit",
            "quantity",
            "period",
            "method",
            "derived_from",
            "note",
            "sources",
        ],
        _ => &[],
    }
}

fn report_info(d: &mut Decoder, v: &Value, at: Path) -> ReportInfo {
    let Some(o) = d.object(v, at, crate::model::REPORT_FIELDS) else {
        return ReportInfo::default();
    };
    ReportInfo {
        id: d.req_text(&o, "id"),
        title: d.req_text(&o, "title"),
        summary: d.req_text(&o, "summary"),
        language: d.req_text(&o, "language"),
        published: d.req_date(&o, "published"),
        updated: d.opt_date(&o, "updated"),
        as_of: d.req_date(&o, "as_of"),
        credits: d.texts(&o, "credits"),
        license: d.opt_text(&o, "license"),
        sections: d.list(&o, "sections", section),
    }
}

fn section(d: &mut Decoder, v: &Value, at: Path) -> Section {
    let Some(o) = d.object(v, at, SECTION) else {
        return Section::default();
    };
    Section {
        heading: d.opt_text(&o, "heading"),
        text: d.req_text(&o, "text"),
        cites: d.citations(&o, "cites"),
    }
}

fn source(d: &mut Decoder, o: Obj) -> Source {
    Source {
        id: d.req_text(&o, "id"),
        publisher: d.req_text(&o, "publisher"),
        title: d.req_text(&o, "title"),
        date: d.opt_date(&o, "date"),
        url: d.opt_text(&o, "url"),
        kind: d.req_word(&o, "kind"),
        language: d.opt_text(&o, "language"),
        note: d.opt_text(&o, "note"),
    }
}

fn actor(d: &mut Decoder, o: Obj) -> Actor {
    Actor {
        id: d.req_text(&o, "id"),
        name: d.req_text(&o, "name"),
        kind: d.req_word(&o, "kind"),
        country: d.opt_text(&o, "country"),
    }
}

fn place(d: &mut Decoder, o: Obj) -> Place {
    Place {
        id: d.req_text(&o, "id"),
        name: d.req_text(&o, "name"),
        aliases: d.texts(&o, "aliases"),
        country: d.req_text(&o, "country"),
        kind: d.req_word(&o, "kind"),
        lat: d.req_number(&o, "lat"),
        lon: d.req_number(&o, "lon"),
        precision: d.req_word(&o, "precision"),
        sources: d.citations(&o, "sources"),
    }
}

fn vessel(d: &mut Decoder, o: Obj) -> Vessel {
    Vessel {
        id: d.req_text(&o, "id"),
        name: d.req_text(&o, "name"),
        aliases: d.texts(&o, "aliases"),
        imo: d.opt_text(&o, "imo"),
        flag: d.opt_text(&o, "flag"),
        vessel_type: d.opt_text(&o, "type"),
        owner: d.opt_text(&o, "owner"),
        sanctions: d.list(&o, "sanctions", sanction),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}

fn sanction(d: &mut Decoder, v: &Value, at: Path) -> Sanction {
    let Some(o) = d.object(v, at, SANCTION) else {
        return Sanction::default();
    };
    Sanction {
        by: d.req_text(&o, "by"),
        date: d.req_date(&o, "date"),
        note: d.opt_text(&o, "note"),
        sources: d.citations(&o, "sources"),
    }
}
