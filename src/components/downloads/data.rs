//! "Get the data": the exact report file, and one spreadsheet (CSV) per
//! collection in the layout that `sealift import` reads back, made here in
//! the reader's browser from the report file when a button is pressed.

use leptos::prelude::*;

use super::{download_bytes, file_stem};
use crate::data::{INLINE_REPORT_ID, ReportText, SharedReport, inline_data, report_url};
use crate::i18n::tr;
use crate::state::{ReaderState, current_query};

/// The report's own file and its collections as CSV files.
#[component]
pub fn DataDownloads(report: SharedReport) -> impl IntoView {
    let stem = file_stem(&report.info.id);
    // A bundle carries its report inside the page; otherwise it is a file of this site.
    let inline = inline_data(INLINE_REPORT_ID);
    let url = report_url(ReaderState::from_query(&current_query()).flag("report")).ok();
    let json_name = format!("{stem}.json");
    let json = match (inline, url) {
        (Some(text), _) => {
            let name = json_name.clone();
            view! {
                <button type="button" class="view-tool" on:click=move |_| {
                    download_bytes(&name, "application/json", text.as_bytes());
                }>{tr("The whole report (JSON)")}</button>
            }
            .into_any()
        }
        (None, Some(url)) => view! {
            <a class="view-tool" href=url download=json_name>{tr("The whole report (JSON)")}</a>
        }
        .into_any(),
        (None, None) => ().into_any(),
    };
    // The file the report was read from: the page's own, else the one fetched.
    let source = use_context::<ReportText>().map(|ReportText(text)| text);
    let buttons = source.map(|source| {
        sealift_format::sheets::TABLES
            .iter()
            .map(|table| {
                let (file, source) = (table.file, source.clone());
                let name = format!("{stem}-{file}");
                let download = move |_| {
                    // A report that cannot be laid out as sheets (a bug) gives no file.
                    let sheets = sealift_format::sheets::csv_files(&source).unwrap_or_default();
                    if let Some((_, text)) = sheets.iter().find(|(f, _)| *f == file) {
                        download_bytes(&name, "text/csv;charset=utf-8", text.as_bytes());
                    }
                };
                view! {
                    <button type="button" class="view-tool" data-file=file on:click=download>
                        {file}
                    </button>
                }
            })
            .collect_view()
    });
    view! {
        <section class="data-downloads" aria-labelledby="data-downloads-heading">
            <h3 id="data-downloads-heading">{tr("Get the data")}</h3>
            <p>{tr("The report as published, and one spreadsheet file (CSV) per collection, in the layout that sealift import reads.")}</p>
            <div class="data-downloads__files">{json} {buttons}</div>
        </section>
    }
}
