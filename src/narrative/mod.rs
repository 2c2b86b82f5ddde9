//! The story in words: the report's sections, each block followed by its
//! numbered footnotes.

use leptos::prelude::*;

use crate::components::citations::CitationMarks;
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::text::paragraphs;

/// The narrative sections. Paragraphs are split on blank lines; the footnote
/// marks follow the last paragraph of their block.
#[component]
pub fn Narrative(report: SharedReport) -> impl IntoView {
    let sections = report.info.sections.clone();
    (!sections.is_empty()).then(|| {
        let blocks = sections
            .into_iter()
            .map(|section| {
                let paragraphs: Vec<String> =
                    paragraphs(&section.text).map(str::to_owned).collect();
                let last = paragraphs.len().saturating_sub(1);
                let report = report.clone();
                let cites = section.cites.clone();
                view! {
                    <div class="narrative__block">
                        {section.heading.map(|h| view! { <h2 class="narrative__heading">{h}</h2> })}
                        {paragraphs
                            .into_iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let marks = (i == last)
                                    .then(|| view! { <CitationMarks report=report.clone() cites=cites.clone() /> });
                                view! { <p>{p} {marks}</p> }
                            })
                            .collect_view()}
                    </div>
                }
            })
            .collect_view();
        view! { <article class="narrative" aria-label=tr("The story")>{blocks}</article> }
    })
}
