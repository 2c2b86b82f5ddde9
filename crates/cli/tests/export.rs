//! `sealift export`: the CSV files an author edits in a spreadsheet.

mod common;

use common::{file, scratch, sealift, stdout};

#[test]
fn every_file_is_written_with_its_header() {
    let folder = scratch("export-files").join("sheets");
    let out = sealift(&[
        "export".as_ref(),
        file("tests/fixtures/small.json").as_os_str(),
        folder.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).expect(name);
    assert!(read("report.toml").contains("title = \"Test fixture: two ferries on the Baltic\""));
    assert!(
        read("trips.csv")
            .starts_with("id,vessel,from,to,depart,arrive,cargo,certainty,note,sources\n")
    );
    assert!(
        read("trips.csv")
            .contains("t2,borealis,helsinki,stockholm,2024-04,,,reported,,src-b | p. 2\n")
    );
    assert_eq!(
        read("sanctions.csv"),
        "vessel,by,date,note,sources\n",
        "a template when empty"
    );
    assert!(read("estimates.csv").starts_with(
        "id,stated,actor,measure,unit,value,bound,low,high,period_start,period_end,method,derived_from,note,sources\n"
    ));
}

#[test]
fn an_invalid_report_is_not_exported() {
    let folder = scratch("export-invalid").join("sheets");
    let out = sealift(&[
        "export".as_ref(),
        file("tests/fixtures/invalid.json").as_os_str(),
        folder.as_os_str(),
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("trips[0].vessel"), "{text}");
    assert!(
        text.contains("export needs a report without errors"),
        "{text}"
    );
    assert!(!folder.exists());
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let folder = scratch("export-existing");
    std::fs::write(folder.join("trips.csv"), "mine").expect("writes");
    let args = |force: bool| {
        let mut args = vec![
            "export".into(),
            file("tests/fixtures/small.json").into_os_string(),
            folder.clone().into_os_string(),
        ];
        if force {
            args.push("--force".into());
        }
        args
    };
    let out = sealift(&args(false));
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("these files exist already"));
    assert_eq!(
        std::fs::read_to_string(folder.join("trips.csv")).expect("kept"),
        "mine"
    );
    assert!(!folder.join("report.toml").exists(), "nothing is written");
    let out = sealift(&args(true));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        std::fs::read_to_string(folder.join("trips.csv"))
            .expect("written")
            .starts_with("id,")
    );
}

#[test]
fn fields_starting_with_x_are_said_to_be_left_out() {
    let dir = scratch("export-extras");
    let report = dir.join("extras.json");
    let text = std::fs::read_to_string(file("tests/fixtures/small.json")).expect("reads");
    std::fs::write(
        &report,
        text.replacen(
            "\"id\": \"stockholm\",",
            "\"id\": \"stockholm\", \"x-note\": 1,",
            1,
        ),
    )
    .expect("writes");
    let out = sealift(&[
        "export".as_ref(),
        report.as_os_str(),
        dir.join("sheets").as_os_str(),
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("1 field not exported"), "{text}");
    assert!(text.contains("places[0].x-note"), "{text}");
}
