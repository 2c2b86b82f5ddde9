//! The vessels: one card each, with names, identifiers, owner, sanctions and
//! what the report records of its voyages. Selecting a card highlights the
//! vessel in every view.

use leptos::prelude::*;
use sealift_format::Vessel;

use crate::components::citations::{CitationMarks, Cited};
use crate::components::palette::vessel_series;
use crate::components::show_more::{Portion, ShowMore};
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;
use crate::embed::{Embeddable, in_embed};
use crate::i18n::{fill, tr};
use crate::state::{VesselChoice, use_reader_state};
use crate::text::{count_text, date_text, number_text, span_text};
use crate::visible::chronological;

/// Cards shown at first, and per press of "Show the next 48 vessels" (a
/// row of two, three or four cards is always full).
const CARDS_AT_A_TIME: usize = 48;

/// A card per vessel, in report order.
#[component]
pub fn VesselCards(report: SharedReport) -> impl IntoView {
    let choice = VesselChoice::new(use_reader_state());
    let cited: Cited = report
        .vessels
        .iter()
        .flat_map(|v| {
            v.sources
                .iter()
                .chain(v.sanctions.iter().flat_map(|s| s.sources.iter()))
        })
        .collect();
    let sanctioned = report
        .vessels
        .iter()
        .filter(|v| !v.sanctions.is_empty())
        .count();
    let vessels = count_text(report.vessels.len(), "vessel", "vessels");
    let mut caption = if report.vessels.is_empty() {
        String::new()
    } else if sanctioned > 0 {
        fill(
            tr("{vessels}; {sanctioned} of them under sanctions."),
            &[
                ("vessels", &vessels),
                ("sanctioned", &number_text(sanctioned as f64)),
            ],
        )
    } else {
        vessels + "."
    };
    // An embed shows the cards alone: there is no other view to follow.
    if !caption.is_empty() && !in_embed() {
        caption.push(' ');
        caption.push_str(tr("Select one to follow it through every view."));
    }
    let body = if report.vessels.is_empty() {
        view! { <EmptyState message=tr("No vessels in this report") /> }.into_any()
    } else {
        let portion = Portion::new(CARDS_AT_A_TIME);
        let count = report.vessels.len();
        let cards = {
            let report = report.clone();
            move || {
                report
                    .vessels
                    .iter()
                    .take(portion.limit())
                    .map(|vessel| view! { <VesselCard report=report.clone() vessel=vessel.clone() choice /> })
                    .collect_view()
            }
        };
        view! {
            <ul class="vessel-cards">{cards}</ul>
            <ShowMore portion count=Memo::new(move |_| count) noun="vessel" nouns="vessels" />
        }
        .into_any()
    };
    view! {
        <ViewFrame report id="vessels" heading=Embeddable::Vessels.heading() caption=Memo::new(move |_| caption.clone()) cited>
            {body}
        </ViewFrame>
    }
}

/// One vessel's card.
#[component]
fn VesselCard(report: SharedReport, vessel: Vessel, choice: VesselChoice) -> impl IntoView {
    let state = use_reader_state();
    let id = vessel.id.clone();
    let selected = {
        let id = id.clone();
        move || choice.is_chosen(Some(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| state.update(|s| s.toggle_vessel(&id))
    };
    let record = voyage_record(&report, &vessel.id);
    let facts = [
        (
            tr("Also known as"),
            (!vessel.aliases.is_empty()).then(|| vessel.aliases.join(", ")),
        ),
        ("IMO", vessel.imo.clone()),
        (tr("Flag"), vessel.flag.clone()),
        (tr("Type"), vessel.vessel_type.clone()),
        (tr("Owner"), vessel.owner.clone()),
    ];
    let sanctions = (!vessel.sanctions.is_empty()).then(|| {
        let report = report.clone();
        view! {
            <div class="vessel-card__sanctions">
                <h4>{tr("Sanctions")}</h4>
                <ul>
                    {vessel
                        .sanctions
                        .iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <strong>{s.by.clone()}</strong> ", " {date_text(&s.date)}
                                    {s.note.clone().map(|n| view! { <span class="vessel-card__sanction-note">": " {n}</span> })}
                                    <CitationMarks report=report.clone() cites=s.sources.clone() />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let series = vessel_series(&report, &vessel.id);
    let selected_class = selected.clone();
    let pressed = selected.clone();
    view! {
        <li class=format!("vessel-card {series}") class:vessel-card--selected=selected_class data-vessel=id>
            <h3 class="vessel-card__name">
                <span class="vessel-card__swatch" aria-hidden="true"></span>
                {vessel.name.clone()}
                <CitationMarks report=report.clone() cites=vessel.sources.clone() />
            </h3>
            <dl class="vessel-card__facts">
                {facts
                    .into_iter()
                    .filter_map(|(label, value)| value.map(|v| view! { <dt>{label}</dt> <dd>{v}</dd> }))
                    .collect_view()}
                <dt>{tr("Recorded")}</dt>
                <dd>{record}</dd>
            </dl>
            {sanctions}
            {vessel.note.clone().map(|n| view! { <p class="vessel-card__note">{n}</p> })}
            <button type="button" class="vessel-card__select" aria-pressed=move || pressed().to_string() on:click=toggle>
                {move || if selected() { tr("Following this vessel · show all") } else { tr("Follow this vessel") }.to_owned()}
            </button>
        </li>
    }
}

/// "9 trips and 4 events, Aug 2023 – 14 Apr 2024", or "No trips or events recorded".
fn voyage_record(report: &SharedReport, vessel_id: &str) -> String {
    let trips: Vec<_> = report
        .trips
        .iter()
        .filter(|t| t.vessel == vessel_id)
        .collect();
    let events: Vec<_> = report
        .events
        .iter()
        .filter(|e| e.vessel.as_deref() == Some(vessel_id))
        .collect();
    if trips.is_empty() && events.is_empty() {
        return tr("No trips or events recorded").to_owned();
    }
    let dates: Vec<&sealift_format::Date> = trips
        .iter()
        .flat_map(|t| [t.depart.as_ref(), t.arrive.as_ref()])
        .chain(events.iter().flat_map(|e| match &e.when {
            sealift_format::When::Date(d) => [Some(d), None],
            sealift_format::When::Period(p) => [p.start.as_ref(), p.end.as_ref()],
        }))
        .flatten()
        .collect();
    let first = dates.iter().min_by(|a, b| chronological(a, b)).copied();
    let last = dates.iter().max_by(|a, b| chronological(a, b)).copied();
    fill(
        tr("{trips} and {events}, {span}"),
        &[
            ("trips", &count_text(trips.len(), "trip", "trips")),
            ("events", &count_text(events.len(), "event", "events")),
            ("span", &span_text(first, last)),
        ],
    )
}
