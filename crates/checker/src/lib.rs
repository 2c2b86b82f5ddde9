//! The checker's words for the viewer.
//!
//! The viewer checks a report with `sealift-format` built without its
//! `messages`: it learns whether a report is broken, and carries none of the
//! words that say what is wrong, where, and how to fix it (8 KB gzip of
//! every module it ships). When a report is broken it downloads this module,
//! the same checker with its words, and shows what it answers.
//!
//! The module is plain WebAssembly, with no imports, so that the viewer
//! starts it with `WebAssembly.instantiate` alone:
//! 1. `file(len)` makes room for the report's bytes and returns where to
//!    write them in the module's memory;
//! 2. `check()` checks them and returns the length of the answer, a JSON
//!    list of the errors (the format crate's `Diagnostic`, as `sealift
//!    check --format json` writes them);
//! 3. `answer()` returns where the answer is.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// The report's bytes, written by the viewer.
static FILE: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// The last answer, read by the viewer.
static ANSWER: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn held(buffer: &Mutex<Vec<u8>>) -> MutexGuard<'_, Vec<u8>> {
    buffer.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Makes room for a report of `len` bytes; returns where to write it.
#[unsafe(no_mangle)]
pub extern "C" fn file(len: usize) -> *mut u8 {
    let mut file = held(&FILE);
    file.clear();
    file.resize(len, 0);
    file.as_mut_ptr()
}

/// Checks the report written at [`file`]; returns the answer's length in bytes.
#[unsafe(no_mangle)]
pub extern "C" fn check() -> usize {
    let answer = errors_as_json(&held(&FILE));
    let len = answer.len();
    *held(&ANSWER) = answer;
    len
}

/// Where the last answer is.
#[unsafe(no_mangle)]
pub extern "C" fn answer() -> *const u8 {
    held(&ANSWER).as_ptr()
}

/// A report's errors, as a JSON list of diagnostics.
pub fn errors_as_json(bytes: &[u8]) -> Vec<u8> {
    let checked = sealift_format::check_bytes(bytes);
    let errors: Vec<_> = checked.errors().collect();
    // Diagnostics are strings, numbers and options: they always serialize.
    serde_json::to_vec(&errors).unwrap_or_else(|_| b"[]".to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_report_is_answered_with_its_errors_in_words() {
        let broken = br#"{ "format": "sealift-report/1", "report": { "id": "x" } }"#;
        let answer = String::from_utf8(errors_as_json(broken)).unwrap();
        let list: serde_json::Value = serde_json::from_str(&answer).unwrap();
        let first = &list[0];
        assert_eq!(first["severity"], "error");
        assert!(
            first["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{answer}"
        );
        assert!(first["location"]["line"].as_u64().is_some(), "{answer}");
    }

    #[test]
    fn the_viewer_reads_the_answer_back_as_the_same_diagnostics() {
        let broken = br#"{ "format": "sealift-report/1", "report": { "id": "X y" }, "trips": 5 }"#;
        let answer = String::from_utf8(errors_as_json(broken)).unwrap();
        let read = sealift_format::diagnostics_from_json(&answer).expect("a list");
        let checked = sealift_format::check_bytes(broken);
        let expected: Vec<_> = checked.errors().cloned().collect();
        assert!(expected.len() > 1 && expected.iter().any(|d| d.help.is_some()));
        assert_eq!(read, expected);
        assert_eq!(sealift_format::diagnostics_from_json("{}"), None);
        assert_eq!(
            sealift_format::diagnostics_from_json("[{\"severity\": 1}]"),
            None
        );
    }

    #[test]
    fn the_module_is_written_to_and_read_from_its_memory() {
        let broken = b"{ \"format\": ";
        let at = file(broken.len());
        assert_eq!(held(&FILE).len(), broken.len());
        assert!(!at.is_null());
        held(&FILE).copy_from_slice(broken);
        let len = check();
        let at = crate::answer();
        let answer = held(&ANSWER);
        assert_eq!((answer.as_ptr(), answer.len()), (at, len));
        let text = String::from_utf8(answer.clone()).unwrap();
        assert!(text.contains("the file ends too early"), "{text}");
    }
}
