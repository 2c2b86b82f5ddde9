//! `sealift import`: a report from a folder of CSV files, and messages that
//! name the file, the row and the column.

mod common;

use std::path::{Path, PathBuf};

use common::{file, scratch, sealift, stdout};

/// A folder exported from the small fixture, to be broken by a test.
fn sheets(name: &str) -> PathBuf {
    let folder = scratch(name).join("sheets");
    let out = sealift(&[
        "export".as_ref(),
        file("tests/fixtures/small.json").as_os_str(),
        folder.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    folder
}

fn edit(folder: &Path, name: &str, from: &str, to: &str) {
    let path = folder.join(name);
    let text = std::fs::read_to_string(&path).expect("the file reads");
    assert!(text.contains(from), "{name} has no {from:?}:\n{text}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("the file writes");
}

/// Imports `folder` into `folder/report.json`; returns the exit code and output.
fn import(folder: &Path) -> (Option<i32>, String) {
    let out = sealift(&["import".as_ref(), folder.as_os_str()]);
    (out.status.code(), stdout(&out))
}

#[test]
fn the_example_imports_into_a_valid_report() {
    let out_file = scratch("import-example").join("example.json");
    let out = sealift(&[
        "import".as_ref(),
        file("examples/example-isles").as_os_str(),
        "-o".as_ref(),
        out_file.as_os_str(),
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("examples/example-isles: valid"), "{text}");
    let checked = sealift_format::check_bytes(&std::fs::read(&out_file).expect("written"));
    assert!(checked.is_valid(), "{:#?}", checked.diagnostics);
    let report = checked.report.expect("a report");
    assert!(report.info.title.starts_with("Example:"));
    assert_eq!(report.vessels[1].sanctions.len(), 1);
    assert_eq!(report.info.sections.len(), 2);
}

#[test]
fn a_wrong_reference_names_file_row_and_column_and_shows_the_row() {
    let folder = sheets("import-reference");
    edit(&folder, "trips.csv", "t2,borealis", "t2,boreallis");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("names vessel \"boreallis\""), "{text}");
    assert!(text.contains("trips.csv:3:"), "{text}");
    assert!(text.contains("row 3, column `vessel`"), "{text}");
    assert!(
        text.contains("t2,boreallis,helsinki"),
        "the row is shown: {text}"
    );
    assert!(text.contains("did you mean \"borealis\"?"), "{text}");
    assert!(text.contains("invalid, 1 error"), "{text}");
    assert!(
        !folder.join("report.json").exists(),
        "nothing is written on errors"
    );
}

#[test]
fn cells_json_cannot_hold_are_reported_once() {
    let folder = sheets("import-cells");
    edit(&folder, "places.csv", "59.3293", "\"59,3293\"");
    edit(
        &folder,
        "trips.csv",
        "src-b | p. 2",
        "src-b | p. 2 | said | src-a | extra",
    );
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("`59,3293` is not a number"), "{text}");
    assert!(text.contains("row 2, column `lat`"), "{text}");
    assert!(text.contains("no thousands separators"), "{text}");
    assert!(text.contains("at most four parts"), "{text}");
    assert!(text.contains("row 3, column `sources`"), "{text}");
    // Check's own complaint about the missing latitude would only repeat it.
    assert!(!text.contains("required field `lat`"), "{text}");
    assert!(text.contains("invalid, 2 errors"), "{text}");
}

#[test]
fn header_mistakes_are_reported_with_suggestions() {
    let folder = sheets("import-header");
    edit(&folder, "events.csv", "period_start", "perod_start");
    edit(&folder, "trips.csv", "id,vessel", "x-comment,vessel");
    std::fs::write(folder.join("vessel.csv"), "id\n").expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("unknown column `perod_start`"), "{text}");
    assert!(text.contains("did you mean `period_start`?"), "{text}");
    assert!(text.contains("row 1 (the header)"), "{text}");
    assert!(text.contains("trips.csv has no `id` column"), "{text}");
    // One message for the column, not one per row.
    assert_eq!(text.matches("has no `id` column").count(), 1, "{text}");
    assert!(!text.contains("required field `id`"), "{text}");
    assert!(text.contains("vessel.csv is not read"), "{text}");
    assert!(text.contains("did you mean vessels.csv?"), "{text}");
}

#[test]
fn report_block_mistakes_point_into_report_toml() {
    let folder = sheets("import-block");
    edit(&folder, "report.toml", "title =", "titel =");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("unknown field `titel`"), "{text}");
    assert!(text.contains("report.toml:4:"), "{text}");
    assert!(text.contains("did you mean `title`?"), "{text}");

    edit(&folder, "report.toml", "titel =", "title = \"unclosed\n#");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("is not valid TOML"), "{text}");
}

#[test]
fn sanctions_must_name_a_vessel_of_vessels_csv() {
    let folder = sheets("import-sanctions");
    std::fs::write(
        folder.join("sanctions.csv"),
        "vessel,by,date,note,sources\naurora,EU,2024-03,,src-a\naurorra,US,2024-04,,src-a\n",
    )
    .expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("names vessel \"aurorra\", which is not in vessels.csv"),
        "{text}"
    );
    assert!(text.contains("row 3, column `vessel`"), "{text}");
    assert!(text.contains("did you mean \"aurora\"?"), "{text}");
}

#[test]
fn rows_are_counted_as_a_spreadsheet_shows_them() {
    // A cell with line breaks spans several lines of the file but one row.
    let folder = sheets("import-rows");
    edit(
        &folder,
        "trips.csv",
        "confirmed,,",
        "confirmed,\"a note\non three\nlines\",",
    );
    edit(&folder, "trips.csv", "t2,borealis", "t2,nobody");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("row 3, column `vessel`"), "{text}");
    assert!(text.contains("trips.csv:5:"), "line 5 of the file: {text}");
}

#[test]
fn a_folder_without_report_toml_is_refused() {
    let folder = sheets("import-no-block");
    std::fs::remove_file(folder.join("report.toml")).expect("removes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("has no report.toml"), "{text}");
}

#[test]
fn a_missing_folder_exits_two() {
    let (code, text) = import(Path::new("/nonexistent/sealift/folder"));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("is not a folder"), "{text}");
}

#[test]
fn a_sheet_that_is_not_utf8_is_refused_with_help() {
    let folder = sheets("import-latin1");
    std::fs::write(
        folder.join("actors.csv"),
        b"id,name,kind\nport,Caf\xe9 owners,other\n",
    )
    .expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("actors.csv is not UTF-8 text"), "{text}");
    assert!(text.contains("CSV UTF-8"), "{text}");
}

#[test]
fn a_byte_order_mark_and_blank_rows_are_fine() {
    let folder = sheets("import-bom");
    let path = folder.join("actors.csv");
    let text = std::fs::read_to_string(&path).expect("reads");
    std::fs::write(&path, format!("\u{feff}{}\n,,,\n", text.trim_end())).expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn nameless_columns_are_ignored_unless_they_hold_something() {
    let folder = sheets("import-nameless");
    let path = folder.join("actors.csv");
    std::fs::write(&path, "id,name,kind,country,,\nport-authority,Example Port Authority,government,SE,,\nanalyst,Example Analysts,think-tank,,,\n")
        .expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(0), "{text}");

    std::fs::write(&path, "id,name,kind,country,\nport-authority,Example Port Authority,government,SE,oops\nanalyst,Example Analysts,think-tank,,\n")
        .expect("writes");
    let (code, text) = import(&folder);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("row 2 has a value in column 5, which has no name"),
        "{text}"
    );
}
