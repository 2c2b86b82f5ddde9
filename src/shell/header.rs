//! The report's masthead: title, summary, dates and credits.

use leptos::prelude::*;

use crate::data::SharedReport;
use crate::i18n::{LanguageSwitch, tr, ui_lang};
use crate::text::{date_text, paragraphs};

/// Title, summary, when it was published and how recent its information is;
/// above them, the switch of the interface's language.
#[component]
pub fn ReportHeader(report: SharedReport) -> impl IntoView {
    let info = &report.info;
    let paragraphs = paragraphs(&info.summary)
        .map(|p| view! { <p class="report-header__summary">{p.to_owned()}</p> })
        .collect_view();
    let updated = info.updated.as_ref().map(|d| {
        view! {
            <span class="report-header__date">
                {tr("Updated")} " " <time datetime=d.to_string()>{date_text(d)}</time>
            </span>
        }
    });
    let credits = (!info.credits.is_empty()).then(|| {
        view! { <p class="report-header__credits">{tr("By")} " " {info.credits.join(", ")}</p> }
    });
    view! {
        <header class="report-header">
            <div class="report-header__top">
                <p class="report-header__kicker" lang=ui_lang()>{tr("Investigation")}</p>
                <LanguageSwitch />
            </div>
            <h1 class="report-header__title">{info.title.clone()}</h1>
            {paragraphs}
            <p class="report-header__dates" lang=ui_lang()>
                <span class="report-header__date">
                    {tr("Published")} " " <time datetime=info.published.to_string()>{date_text(&info.published)}</time>
                </span>
                {updated}
                <span class="report-header__date">
                    {tr("Information as of")} " " <time datetime=info.as_of.to_string()>{date_text(&info.as_of)}</time>
                </span>
            </p>
            {credits}
        </header>
    }
}
