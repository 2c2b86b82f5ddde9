//! The error panel: what a reader sees instead of a blank page when the report
//! cannot be shown, or when the viewer itself fails.

use leptos::prelude::*;
use sealift_format::Diagnostic;
use wasm_bindgen::JsCast;

use crate::data::LoadError;
use crate::i18n::{fill, tr};

/// Explains why the report cannot be shown, listing every problem with the
/// place in the file where it is. `retry`, when given, offers to load again
/// (but not a report the page refuses to show: it would be refused again).
#[component]
pub fn ErrorPanel(
    error: LoadError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let retry = retry.filter(|_| !matches!(error, LoadError::Refused { .. }));
    let (heading, lead, problems) = match error {
        LoadError::Network { url, detail } => (
            tr("The report could not be loaded"),
            fill(
                tr(
                    "The request for {url} failed: {detail}. Check the connection and reload the page.",
                ),
                &[("url", &url), ("detail", &detail)],
            ),
            Vec::new(),
        ),
        LoadError::Http { url, status } => (
            tr("The report could not be loaded"),
            fill(
                tr("The server answered {status} for {url}."),
                &[("status", &status.to_string()), ("url", &url)],
            ),
            Vec::new(),
        ),
        LoadError::TooLarge { url, bytes } => (
            tr("The report is too large"),
            fill(
                tr(
                    "{url} is {size} MB; a report may be at most {most} MB. Split it, or leave out what readers do not need.",
                ),
                &[
                    ("url", &url),
                    ("size", &(bytes / 1_000_000).to_string()),
                    (
                        "most",
                        &(sealift_format::MAX_REPORT_BYTES / 1_000_000).to_string(),
                    ),
                ],
            ),
            Vec::new(),
        ),
        LoadError::Unchecked { url, why } => (
            tr("The report could not be checked"),
            fill(
                tr(
                    "{url} could not be checked against the Sealift report format, so it is not shown: {why}. Check the connection and try again.",
                ),
                &[("url", &url), ("why", &why)],
            ),
            Vec::new(),
        ),
        LoadError::Refused { requested } => (
            tr("This report cannot be shown here"),
            fill(
                tr(
                    "This page only shows reports published on its own site, and \"{requested}\" is not one of them. Ask the publisher for the address of the report.",
                ),
                &[("requested", &requested)],
            ),
            Vec::new(),
        ),
        LoadError::Invalid {
            url,
            problems,
            words_missing,
        } => (
            tr("This report has errors"),
            match &words_missing {
                None => fill(
                    tr(
                        "{url} does not follow the Sealift report format. Each problem below names its place in the file; `sealift check` prints the same list.",
                    ),
                    &[("url", &url)],
                ),
                // (Problems without words would be empty lines.)
                Some(why) => fill(
                    tr(
                        "{url} does not follow the Sealift report format, and the list of its problems could not be loaded: {why}. `sealift check` prints it.",
                    ),
                    &[("url", &url), ("why", why)],
                ),
            },
            if words_missing.is_none() {
                problems
            } else {
                Vec::new()
            },
        ),
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-panel-heading">
            <h1 id="error-panel-heading">{heading}</h1>
            <p>{lead}</p>
            {(!problems.is_empty()).then(|| view! { <ProblemList problems=problems /> })}
            {retry.map(|retry| view! {
                <button type="button" class="error-panel__retry" on:click=move |_| retry.run(())>
                    {tr("Try again")}
                </button>
            })}
        </section>
    }
}

/// One line per problem: where it is, then what is wrong and how to fix it.
#[component]
fn ProblemList(problems: Vec<Diagnostic>) -> impl IntoView {
    view! {
        <ol class="error-panel__problems">
            {problems
                .into_iter()
                .map(|problem| {
                    let place = problem_place(&problem);
                    view! {
                        <li>
                            <code class="error-panel__path">{place}</code>
                            <span class="error-panel__message">{problem.message}</span>
                            {problem.help.map(|help| view! { <span class="error-panel__help">{help}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// "trips[3].vessel (line 45, column 17)", or just the line for syntax errors.
fn problem_place(problem: &Diagnostic) -> String {
    let at = problem.location.map(|l| {
        fill(
            tr("line {line}, column {column}"),
            &[
                ("line", &l.line.to_string()),
                ("column", &l.column.to_string()),
            ],
        )
    });
    match (problem.path.is_empty(), at) {
        (false, Some(at)) => format!("{} ({at})", problem.path),
        (false, None) => problem.path.clone(),
        (true, Some(at)) => at,
        (true, None) => tr("whole file").to_owned(),
    }
}

/// Replaces the page with a short error panel when the viewer panics, so a
/// reader never faces a blank page. The details go to the browser console.
pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&format!("Sealift stopped: {detail}").into());
        show_panic_panel(&detail);
    }));
}

/// Shows the panic panel in place of the page. Built with plain DOM calls:
/// after a panic the reactive system cannot be trusted.
pub fn show_panic_panel(detail: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let panel = document.create_element("section").ok()?;
    panel.set_class_name("error-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h1").ok()?;
    heading.set_text_content(Some(tr("Something went wrong while drawing this report")));
    let lead = document.create_element("p").ok()?;
    lead.set_text_content(Some(tr(
        "The viewer stopped unexpectedly. Reloading the page usually helps; if it does not, please tell the publisher.",
    )));
    let reload = document.create_element("a").ok()?;
    reload.set_text_content(Some(tr("Reload the page")));
    reload.set_attribute("href", "").ok()?;
    let details = document.create_element("details").ok()?;
    let summary = document.create_element("summary").ok()?;
    summary.set_text_content(Some(tr("Technical details")));
    let pre = document.create_element("pre").ok()?;
    pre.set_text_content(Some(detail));
    details.append_child(&summary).ok()?;
    details.append_child(&pre).ok()?;
    for child in [&heading, &lead, &reload, &details] {
        panel.append_child(child).ok()?;
    }
    // Hide (not remove) what was drawn: the stylesheet shows only the panel.
    body.class_list().add_1("has-crashed").ok()?;
    body.prepend_with_node_1(panel.unchecked_ref()).ok()?;
    Some(())
}
