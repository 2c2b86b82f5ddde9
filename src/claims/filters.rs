//! The claim filters: by actor, by vessel, by place. They write the reader's
//! state, so the URL, the other views and the back button follow.

use leptos::prelude::*;

use crate::data::SharedReport;
use crate::i18n::tr;
use crate::state::{ReaderState, use_reader_state};

/// Three drop-downs and a reset. Only actors, vessels and places that claims
/// mention are offered.
#[component]
pub fn ClaimFilters(report: SharedReport) -> impl IntoView {
    let state = use_reader_state();
    let mut actors: Vec<(String, String)> = Vec::new();
    let mut vessels: Vec<(String, String)> = Vec::new();
    let mut places: Vec<(String, String)> = Vec::new();
    for claim in &report.claims {
        if let Some(actor) = report.actor(&claim.actor) {
            push_unique(&mut actors, &actor.id, &actor.name);
        }
        for id in &claim.vessels {
            if let Some(vessel) = report.vessel(id) {
                push_unique(&mut vessels, &vessel.id, &vessel.name);
            }
        }
        for id in &claim.places {
            if let Some(place) = report.place(id) {
                push_unique(&mut places, &place.id, &place.name);
            }
        }
    }
    for list in [&mut actors, &mut vessels, &mut places] {
        crate::order::sort_by_key(list, |(_, name)| crate::text::lowercase(name));
    }
    let any = move || state.with(|s| s.actor.is_some() || s.vessel.is_some() || s.place.is_some());
    view! {
        <div class="claim-filters" role="group" aria-label=tr("Filter the claims")>
            <FilterSelect label=tr("Who") all=tr("All actors") options=actors
                get=|s| s.actor.clone() set=|s, v| s.actor = v />
            <FilterSelect label=tr("Vessel") all=tr("All vessels") options=vessels
                get=|s| s.vessel.clone() set=|s, v| s.vessel = v />
            <FilterSelect label=tr("Place") all=tr("All places") options=places
                get=|s| s.place.clone() set=|s, v| s.place = v />
            <button
                type="button"
                class="claim-filters__reset"
                prop:disabled=move || !any()
                on:click=move |_| state.update(|s| {
                    s.actor = None;
                    s.vessel = None;
                    s.place = None;
                })
            >
                {tr("Clear filters")}
            </button>
        </div>
    }
}

fn push_unique(list: &mut Vec<(String, String)>, id: &str, name: &str) {
    if !list.iter().any(|(i, _)| i == id) {
        list.push((id.to_owned(), name.to_owned()));
    }
}

/// A labelled drop-down bound to one field of the reader's state.
#[component]
fn FilterSelect(
    label: &'static str,
    all: &'static str,
    options: Vec<(String, String)>,
    get: fn(&ReaderState) -> Option<String>,
    set: fn(&mut ReaderState, Option<String>),
) -> impl IntoView {
    let state = use_reader_state();
    let disabled = options.is_empty();
    view! {
        <label class="claim-filters__field">
            <span class="claim-filters__label">{label}</span>
            <select
                prop:disabled=disabled
                prop:value=move || state.with(get).unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    state.update(|s| set(s, Some(value).filter(|v| !v.is_empty())));
                }
            >
                <option value="">{all}</option>
                {options
                    .into_iter()
                    .map(|(id, name)| {
                        // As drawn; `prop:value` above keeps the choice in step
                        // (an attribute per option made a thousand options
                        // redraw on every change of the reader's choices).
                        let selected = state.with_untracked(get).as_deref() == Some(id.as_str());
                        view! {
                            <option value=id selected=selected>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
