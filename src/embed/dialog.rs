//! The "Embed" button under each view: a dialog with a copy-ready iframe
//! snippet and the tiny resizer script that Sealift serves itself.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::components::markup::escaped;
use crate::i18n::tr;

/// Opens a dialog with the snippet that embeds view `id` in another page.
#[component]
pub fn EmbedButton(#[prop(into)] id: String, #[prop(into)] title: String) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let snippet = embed_snippet(&id, &title);
    let (copied, set_copied) = signal(false);
    let open = move |_| {
        set_copied.set(false);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let copy = {
        let snippet = snippet.clone();
        move |_| {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&snippet);
            set_copied.set(true);
        }
    };
    let dialog_title = format!("embed-{id}-title");
    let labelled_by = dialog_title.clone();
    view! {
        <button type="button" class="view-tool" on:click=open>{tr("Embed")}</button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby=labelled_by>
            <h3 id=dialog_title>{tr("Embed this view")}</h3>
            <p>
                {tr("Paste this into your article. The script keeps the frame as tall as the view; it is served from this site and makes no other requests.")}
            </p>
            <textarea class="embed-dialog__code" readonly rows="6" aria-label=tr("Embed code")>{snippet}</textarea>
            <p class="embed-dialog__hint">
                {tr("Add")} " " <code>"&plain"</code> " " {tr("(no header or footer),")} " " <code>"&static"</code>
                " " {tr("(no interaction),")} " " <code>"&transparent"</code> " " {tr("or")} " " <code>"&dark=true"</code>
                " " {tr("to the address to change how it looks.")}
            </p>
            <div class="embed-dialog__actions">
                <button type="button" on:click=copy>{move || if copied.get() { tr("Copied") } else { tr("Copy code") }.to_owned()}</button>
                <button type="button" on:click=close>{tr("Close")}</button>
            </div>
        </dialog>
    }
}

/// The iframe and resizer script for view `id`, pointing at this very page.
pub fn embed_snippet(id: &str, title: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let page = format!("{origin}{path}");
    let script = format!("{origin}{folder}/embed.js");
    let title = escaped(title);
    format!(
        "<iframe src=\"{page}?embed={id}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"600\" \
         scrolling=\"no\" style=\"width:0;min-width:100%;border:none\" data-sealift-embed></iframe>\n\
         <script src=\"{script}\" async></script>"
    )
}
