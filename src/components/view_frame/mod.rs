//! The frame every view sits in, like a news graphic: a heading, a one-line
//! takeaway, the graphic, and a "Source:" line.

use crate::components::citations::{Cited, SourceLine};
use crate::components::downloads::PictureButtons;
use crate::components::in_sight::report_sight;
use crate::data::SharedReport;
use crate::embed::{EmbedButton, ONLY_VIEW, use_page_flags};
use crate::i18n::ui_lang;
use leptos::prelude::*;

/// A view with its heading, takeaway caption and sources. `id` is its anchor
/// and the name it is embedded by (`timeline`, `estimates`, ...). The heading
/// and caption are the viewer's words: they carry the interface's language.
#[component]
pub fn ViewFrame(
    report: SharedReport,
    #[prop(into)] id: String,
    #[prop(into)] heading: String,
    /// The takeaway in one line, written from the data.
    #[prop(into)]
    caption: Memo<String>,
    /// Every source behind what the view shows.
    cited: Cited,
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
    // The caption is the view's text alternative: read after its heading.
    let caption_id = format!("{id}-caption");
    let described_by = caption_id.clone();
    report_sight(&id);
    // Embeds show no tools (view_frame.css): a build made for embeds (see
    // `ONLY_VIEW`) leaves their code out. (A `match` on the constant, which
    // the compiler folds.)
    let tools = match ONLY_VIEW {
        Some(_) => None,
        None => Some(view! {
            <div class="view__tools">
                {picture.then(|| view! { <PictureButtons id=id.clone() title=embed_title.clone() /> })}
                <EmbedButton id title=embed_title />
            </div>
        }),
    };
    view! {
        <section class="view" id=anchor data-view=name aria-labelledby=labelled_by aria-describedby=described_by>
            <header class="view__header" lang=ui_lang()>
                <h2 class="view__heading" id=heading_id>{heading}</h2>
                <p class="view__caption" id=caption_id>{move || caption.get()}</p>
            </header>
            <div class="view__body" inert=frozen>{children()}</div>
            <footer class="view__footer" lang=ui_lang()>
                <SourceLine report cited />
                {tools}
            </footer>
        </section>
    }
}

/// What a view says when its collection is empty: "No estimates in this report".
#[component]
pub fn EmptyState(#[prop(into)] message: String) -> impl IntoView {
    view! { <p class="empty-state">{message}</p> }
}
