//! The report's six views, as the page draws them.
//!
//! In the page's release build (`--cfg sealift_split`: scripts/split-page.mjs)
//! each view's code is a file of its own (beside one of code that several
//! views share), asked for once the first screen is drawn, or as soon as a
//! view in it needs it. That first screen (header, contents, story, the "as
//! of" bar) then needs less than half of the viewer's WebAssembly. Every
//! other build (the embeds', the tests', `trunk serve`'s) draws a view at
//! once.

use leptos::prelude::*;

use crate::claims::ClaimList;
use crate::data::SharedReport;
use crate::embed::Embeddable;
use crate::estimates::EstimateChart;
use crate::map::RouteMap;
use crate::sources::SourceList;
use crate::timeline::Timeline;
use crate::vessels::VesselCards;

/// What draws one view of a report.
type Drawing = fn(SharedReport) -> AnyView;

/// How `view` is drawn. Always inlined: called with a constant (in an
/// embed's build, and in each view's own file of a split build), it leaves
/// only that view's code behind.
#[inline(always)]
fn drawing(view: Embeddable) -> Drawing {
    match view {
        Embeddable::Timeline => |report| view! { <Timeline report /> }.into_any(),
        Embeddable::Estimates => |report| view! { <EstimateChart report /> }.into_any(),
        Embeddable::Map => |report| view! { <RouteMap report /> }.into_any(),
        Embeddable::Claims => |report| view! { <ClaimList report /> }.into_any(),
        Embeddable::Vessels => |report| view! { <VesselCards report /> }.into_any(),
        Embeddable::Sources => |report| view! { <SourceList report /> }.into_any(),
    }
}

/// The block that holds a view's place until it is drawn, so that links
/// to it work and the page does not jump.
pub fn place_of(view: Embeddable, host: NodeRef<leptos::html::Div>) -> AnyView {
    view! { <div node_ref=host class="view view--coming" id=view.name() aria-hidden="true"></div> }
        .into_any()
}

/// One view; in a single-view build, always its view.
#[cfg(not(sealift_split))]
pub fn view_of(view: Embeddable, report: SharedReport) -> AnyView {
    let view = match crate::embed::ONLY_VIEW {
        Some(only) => only,
        None => view,
    };
    drawing(view)(report)
}

/// Asks for every view's code (again costs nothing: each comes once). Over
/// a slow connection the views drawn one by one when the page is idle then
/// no longer wait for their files one view after another (1.8 s), and a
/// view in the first screen of a large report waits less for its own (a
/// 10,000-trip report's timeline: 0.3 s). A build without the split has
/// nothing to ask for.
pub fn ask_for_every_view() {
    #[cfg(sealift_split)]
    downloaded::ask_for_every_view();
}

/// One view, drawn once its code is in (a split build has no single-view
/// builds: the embeds have their own modules).
#[cfg(sealift_split)]
pub fn view_of(view: Embeddable, report: SharedReport) -> AnyView {
    view! { <downloaded::DownloadedView view report /> }.into_any()
}

#[cfg(sealift_split)]
mod downloaded {
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    use super::{Drawing, drawing};
    use crate::components::when_drawn::code_on_its_way;
    use crate::data::SharedReport;
    use crate::embed::Embeddable;
    use crate::i18n::tr;

    /// Where a view's code is.
    #[derive(Clone, Copy)]
    enum Code {
        OnItsWay,
        In(Drawing),
        Missing,
    }

    /// A view whose code comes in its own file: its place is held until the
    /// file is in, and if it cannot be downloaded the reader is told so, and
    /// may try again. It is drawn under this component, so it finds the
    /// page's contexts (the reader's state, the footnotes) as it would
    /// have.
    #[component]
    pub fn DownloadedView(view: Embeddable, report: SharedReport) -> impl IntoView {
        let code = RwSignal::new(Code::OnItsWay);
        let download = move || {
            code.set(Code::OnItsWay);
            // Until it is in, the page is not all drawn (`sealift:drawn`).
            let on_its_way = code_on_its_way();
            leptos::task::spawn_local(async move {
                let arrived = match code_of(view).await {
                    Ok(drawing) => Code::In(drawing),
                    Err(_) => Code::Missing,
                };
                code.try_set(arrived);
                drop(on_its_way);
            });
        };
        download();
        move || {
            match code.get() {
            // On paper (print.css) it says why the view is missing.
            Code::OnItsWay => view! {
                <div class="view view--coming" id=view.name()>
                    <div class="view__still-coming">
                        <h2 class="view__heading">{view.heading()}</h2>
                        <p>{tr("This part of the report was still downloading when the page was printed. Print again in a moment to include it.")}</p>
                    </div>
                </div>
            }
            .into_any(),
            Code::In(drawing) => drawing(report.clone()),
            Code::Missing => view! {
                <section class="view view--missing" id=view.name()>
                    <h2 class="view__heading">{view.heading()}</h2>
                    <p role="alert">
                        {tr("This part of the report could not be downloaded. Check the connection and try again.")}
                    </p>
                    <button type="button" class="error-panel__retry" on:click=move |_| download()>
                        {tr("Try again")}
                    </button>
                </section>
            }
            .into_any(),
        }
        }
    }

    /// Asks for every view's code, in the page's order.
    pub fn ask_for_every_view() {
        for view in Embeddable::ALL {
            leptos::task::spawn_local(async move {
                // (A view that finds its code missing says so itself.)
                let _ = code_of(view).await;
            });
        }
    }

    /// `view`'s code, downloaded (once: a failed download is tried afresh).
    async fn code_of(view: Embeddable) -> Result<Drawing, SplitLoaderError> {
        match view {
            Embeddable::Timeline => timeline().await,
            Embeddable::Estimates => estimates().await,
            Embeddable::Map => map().await,
            Embeddable::Claims => claims().await,
            Embeddable::Vessels => vessels().await,
            Embeddable::Sources => sources().await,
        }
    }

    // Each function below is the way into one view's file (named after it
    // by the split: `split_timeline.wasm`); what only it reaches goes there.

    #[wasm_split(timeline, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn timeline() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Timeline))
    }

    #[wasm_split(estimates, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn estimates() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Estimates))
    }

    #[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn map() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Map))
    }

    #[wasm_split(claims, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn claims() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Claims))
    }

    #[wasm_split(vessels, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn vessels() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Vessels))
    }

    #[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn sources() -> Result<Drawing, SplitLoaderError> {
        Ok(drawing(Embeddable::Sources))
    }
}
