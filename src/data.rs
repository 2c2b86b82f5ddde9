//! Getting the report: fetch it, then check it with the same crate as the CLI.

use std::sync::Arc;

use sealift_format::{Diagnostic, Report};

/// Where the bundled report lives, relative to the page so that `dist/` works
/// from any folder of a static host.
pub const BUNDLED_REPORT_URL: &str = "data/report.json";

/// Why there is no report to show. Each case becomes an error panel.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, blocked, bad address).
    Network { url: String, detail: String },
    /// The server answered, but not with the file.
    Http { url: String, status: u16 },
    /// The file arrived but breaks the format; every problem, with its path.
    Invalid {
        url: String,
        problems: Vec<Diagnostic>,
    },
}

/// A checked report, cheap to hand to every view.
pub type SharedReport = Arc<Report>;

/// Fetches `url` and checks it. Warnings are dropped here: they are for authors
/// (`sealift check`), not readers.
pub async fn load_report(url: &str) -> Result<SharedReport, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| LoadError::Network {
            url: url.to_owned(),
            detail: err.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let bytes = response.binary().await.map_err(|err| LoadError::Network {
        url: url.to_owned(),
        detail: err.to_string(),
    })?;
    check_report(url, &bytes)
}

/// Checks the bytes of a report fetched from `url`.
pub fn check_report(url: &str, bytes: &[u8]) -> Result<SharedReport, LoadError> {
    let checked = sealift_format::check_bytes(bytes);
    match checked.report {
        Some(report)
            if checked
                .diagnostics
                .iter()
                .all(|d| d.severity != sealift_format::Severity::Error) =>
        {
            Ok(Arc::new(report))
        }
        _ => Err(LoadError::Invalid {
            url: url.to_owned(),
            problems: checked.errors().cloned().collect(),
        }),
    }
}
