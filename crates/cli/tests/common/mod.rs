//! Helpers shared by the CLI's tests: run the real binary, find fixtures,
//! and get a clean scratch folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file of the workspace, such as `tests/fixtures/small.json`.
pub fn file(path: &str) -> PathBuf {
    root().join(path)
}

/// Runs `sealift` with `args` (and `--color never` where a command takes it).
pub fn sealift<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sealift"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the sealift binary runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An empty folder of its own for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// The report in `path` checked, serialized back: the form two reports are
/// compared in.
pub fn canonical(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("the report reads");
    let checked = sealift_format::check_bytes(&bytes);
    let report = checked.report.expect("a report without errors");
    serde_json::to_string_pretty(&report).expect("serializes")
}
