//! The data behind a graphic, as a plain table: for readers who cannot see the
//! chart, want exact values, or print. A button shows and hides it on screen;
//! on paper it is always printed. It follows the reader's current choices.

use leptos::prelude::*;
use sealift_format::Citation;

use crate::components::citations::CitationMarks;
use crate::components::show_more::{Portion, ShowMore};
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::state::{ReaderState, ReaderStateSignal};
use crate::text::{count_text, number_text};

/// One row: its cells as text, and the citations behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub cells: Vec<String>,
    pub cites: Vec<Citation>,
}

/// A table's rows, following the reader's choices: how many there are, for
/// the button, and the rows themselves, made only while the table is built
/// (a memo is computed when first read). Writing out 15,000 rows on every
/// change of a 10,000-trip page, for a table nobody had opened, cost 60 ms.
#[derive(Clone, Copy)]
pub struct TableRows {
    count: Memo<usize>,
    rows: Memo<Vec<DataRow>>,
}

/// Rows that do not follow the reader's choices.
impl From<Vec<DataRow>> for TableRows {
    fn from(rows: Vec<DataRow>) -> Self {
        let count = rows.len();
        TableRows {
            count: Memo::new(move |_| count),
            rows: Memo::new(move |_| rows.clone()),
        }
    }
}

/// [`TableRows`] from `count`, which must count what `build` makes, cheaply.
pub fn rows_following(
    report: &SharedReport,
    state: ReaderStateSignal,
    count: fn(&SharedReport, &ReaderState) -> usize,
    build: fn(&SharedReport, &ReaderState) -> Vec<DataRow>,
) -> TableRows {
    let counted = report.clone();
    let report = report.clone();
    TableRows {
        count: Memo::new(move |_| state.with(|s| count(&counted, s))),
        rows: Memo::new(move |_| state.with(|s| build(&report, s))),
    }
}

/// [`TableRows`] from what a view already works out for its drawing
/// (`drawn`), so that an open table does not work it out a second time at
/// every change of the reader's choices. The table has `count` rows.
pub fn rows_drawn_from<S: Send + Sync + 'static>(
    drawn: Memo<S>,
    count: usize,
    build: impl Fn(&S) -> Vec<DataRow> + Send + Sync + 'static,
) -> TableRows {
    TableRows {
        count: Memo::new(move |_| count),
        rows: Memo::new(move |_| drawn.with(&build)),
    }
}

/// Tables up to this many rows are built with the page; longer ones when the
/// reader opens them or prints. (On a 10,000-trip report the hidden tables
/// were half of the page's 350,000 elements.)
const BUILT_WITH_PAGE: usize = 300;

/// Rows an open table shows at a time; a button shows as many more. (All
/// 15,000 rows of a 10,000-trip timeline took 2.6 s to appear; on paper
/// every row is printed, and the data downloads hold them all.)
const ROWS_AT_A_TIME: usize = 500;

/// A toggled table with a caption, column headings and a "Sources" column.
/// The caption and the headings are given in English and shown in the
/// interface's language; the table's id comes from the English caption.
#[component]
pub fn DataTable(
    report: SharedReport,
    /// What the table holds: "Trips and events shown in the timeline".
    caption: &'static str,
    columns: Vec<&'static str>,
    rows: TableRows,
) -> impl IntoView {
    let (open, set_open) = signal(false);
    let table_id = format!(
        "table-{}",
        caption
            .to_ascii_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let controls = table_id.clone();
    let TableRows { count, rows } = rows;
    let portion = Portion::new(ROWS_AT_A_TIME);
    let built = move || open.get() || portion.printing() || count.get() <= BUILT_WITH_PAGE;
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
                        let n = count.get();
                        fill(
                            tr("Show the data ({n} rows)"),
                            &[("n", &number_text(n as f64)), ("rows", &count_text(n, "row", "rows"))],
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
                                return ().into_any();
                            }
                            let rows = rows.with(|rows| rows.iter().take(portion.limit()).cloned().collect::<Vec<_>>())
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
                            rows.into_any()
                        }}
                    </tbody>
                </table>
                <ShowMore portion count noun="row" nouns="rows" />
            </div>
        </div>
    }
}
