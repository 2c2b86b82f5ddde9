//! Pieces shared by every view.

pub mod as_of;
pub mod certainty;
pub mod citations;
pub mod data_table;
pub mod details;
pub mod downloads;
pub mod error_panel;
pub mod fetched;
pub mod in_sight;
pub mod markup;
pub mod nearness;
pub mod palette;
pub mod per_mark;
pub mod scale;
pub mod show_more;
pub mod view_frame;
pub mod when_drawn;

/// The `tabindex` of a mark in a group the keyboard moves through with the
/// arrow keys: "0" for the group's one tab stop, "-1" for the others.
pub fn tab_index(is_stop: bool) -> String {
    if is_stop { "0" } else { "-1" }.to_owned()
}
