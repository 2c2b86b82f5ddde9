//! The timeline of voyages: one lane per vessel. (Being built.)

use leptos::prelude::*;

use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;

/// Trips and events over time, one lane per vessel.
#[component]
pub fn Timeline(report: SharedReport) -> impl IntoView {
    view! {
        <ViewFrame report id="timeline" heading="Timeline" caption=String::new() cites=Vec::new()>
            <EmptyState message="No trips or events in this report" />
        </ViewFrame>
    }
}
