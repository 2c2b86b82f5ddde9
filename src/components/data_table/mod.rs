//! The data behind a graphic, as a plain table: for readers who cannot see the
//! chart, want exact values, or print. A button shows and hides it on screen;
//! on paper it is always printed. It follows the reader's current choices.

use leptos::prelude::*;
use sealift_format::Citation;

use crate::components::citations::CitationMarks;
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::state::{ReaderState, ReaderStateSignal};
use crate::text::count_text;

/// One row: its cells as text, and the citations behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub cells: Vec<String>,
    pub cites: Vec<Citation>,
}

/// A table's rows, rebuilt from the report whenever the reader's choices
/// change (once per change: the button's count and the table share them).
pub fn rows_following(
    report: &SharedReport,
    state: ReaderStateSignal,
    build: fn(&SharedReport, &ReaderState) -> Vec<DataRow>,
) -> Signal<Vec<DataRow>> {
    let report = report.clone();
    Memo::new(move |_| state.with(|s| build(&report, s))).into()
}

/// Tables up to this many rows are built with the page; longer ones when the
/// reader opens them or prints. (On a 10,000-trip report the hidden tables
/// were half of the page's 350,000 elements.)
const BUILT_WITH_PAGE: usize = 300;

/// A toggled table with a caption, column headings and a "Sources" column.
/// The caption and the headings are given in English and shown in the
/// interface's language; the table's id comes from the English caption.
#[component]
pub fn DataTable(
    report: SharedReport,
    /// What the table holds: "Trips and events shown in the timeline".
    caption: &'static str,
    columns: Vec<&'static str>,
    #[prop(into)] rows: Signal<Vec<DataRow>>,
) -> impl IntoView {
    let (open, set_open) = signal(false);
    let table_id = format!(
        "table-{}",
        caption
            .to_ascii_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let controls = table_id.clone();
    let count = move || rows.with(Vec::len);
    let printing = RwSignal::new(false);
    let on_print = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    on_cleanup(move || on_print.remove());
    let built = move || open.get() || printing.get() || count() <= BUILT_WITH_PAGE;
    view! {
        <div class="data-table">
            <button
                type="button"
                class="view-tool data-table__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=controls
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                {move || {
                    if open.get() {
                        tr("Hide the data").to_owned()
                    } else {
                        let n = count();
                        fill(
                            tr("Show the data ({n} rows)"),
                            &[("n", &n.to_string()), ("rows", &count_text(n, "row", "rows"))],
                        )
                    }
                }}
            </button>
            <div class="data-table__scroll" id=table_id hidden=move || !open.get()>
                <table>
                    <caption>{tr(caption)}</caption>
                    <thead>
                        <tr>
                            {columns.into_iter().map(|c| view! { <th scope="col">{tr(c)}</th> }).collect_view()}
                            <th scope="col">{tr("Sources")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            if !built() {
                                return None;
                            }
                            let rows = rows.get()
                                .into_iter()
                                .map(|row| {
                                    let report = report.clone();
                                    let mut cells = row.cells.into_iter();
                                    let first = cells.next().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{first}</th>
                                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                            <td><CitationMarks report cites=row.cites /></td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            Some(rows)
                        }}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
