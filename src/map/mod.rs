//! The map of ports and routes. (Being built.)

use leptos::prelude::*;

use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;

/// Places, routes and events on a map drawn from a bundled basemap.
#[component]
pub fn RouteMap(report: SharedReport) -> impl IntoView {
    view! {
        <ViewFrame report id="map" heading="Map" caption=String::new() cites=Vec::new()>
            <EmptyState message="No places in this report" />
        </ViewFrame>
    }
}
