//! The Sealift viewer in the browser: install the panic panel, then draw the page.

fn main() {
    sealift_viewer::components::error_panel::install_panic_panel();
    leptos::mount::mount_to_body(sealift_viewer::shell::App);
}
