//! The frame every view sits in, like a news graphic: a heading, a one-line
//! takeaway, the graphic, and a "Source:" line.

use leptos::prelude::*;
use sealift_format::Citation;

use crate::components::citations::SourceLine;
use crate::components::downloads::PictureButtons;
use crate::data::SharedReport;
use crate::embed::{EmbedButton, use_page_flags};

/// A view with its heading, takeaway caption and sources. `id` is its anchor
/// and the name it is embedded by (`timeline`, `estimates`, ...).
#[component]
pub fn ViewFrame(
    report: SharedReport,
    #[prop(into)] id: String,
    #[prop(into)] heading: String,
    /// The takeaway in one line, written from the data.
    #[prop(into)]
    caption: Signal<String>,
    /// Every citation behind what the view shows.
    cites: Vec<Citation>,
    /// Whether the view draws a graphic that can be saved as SVG and PNG.
    #[prop(optional)]
    picture: bool,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let embed_title = format!("{heading}: {}", report.info.title);
    // `static` embeds: nothing inside can be hovered, clicked or focused.
    let frozen = use_page_flags().frozen;
    let (anchor, name) = (id.clone(), id.clone());
    view! {
        <section class="view" id=anchor data-view=name aria-labelledby=labelled_by>
            <header class="view__header">
                <h2 class="view__heading" id=heading_id>{heading}</h2>
                <p class="view__caption">{move || caption.get()}</p>
            </header>
            <div class="view__body" inert=frozen>{children()}</div>
            <footer class="view__footer">
                <SourceLine report cites />
                <div class="view__tools">
                    {picture.then(|| view! { <PictureButtons id=id.clone() title=embed_title.clone() /> })}
                    <EmbedButton id title=embed_title />
                </div>
            </footer>
        </section>
    }
}

/// What a view says when its collection is empty: "No estimates in this report".
#[component]
pub fn EmptyState(#[prop(into)] message: String) -> impl IntoView {
    view! { <p class="empty-state">{message}</p> }
}
