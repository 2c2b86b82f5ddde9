//! Every synthetic report is valid, and the same seed gives the same report.

use sealift_bench::{Size, synthetic_report};

#[test]
fn synthetic_reports_are_valid_and_seeded() {
    for trips in [0, 10, 1000] {
        let text = synthetic_report(Size { trips, seed: 7 }).to_string();
        let checked = sealift_format::check(&text);
        let errors: Vec<String> = checked
            .errors()
            .map(|d| format!("{}: {}", d.path, d.message))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{trips} trips: {errors:?}");
        let report = checked.report.expect("a report");
        assert_eq!(report.trips.len(), trips);
        assert_eq!(report.events.len(), trips / 2);
        assert_eq!(report.claims.len(), trips / 10);
        assert_eq!(report.estimates.len(), trips / 5);
    }
    let a = synthetic_report(Size { trips: 50, seed: 3 });
    assert_eq!(a, synthetic_report(Size { trips: 50, seed: 3 }));
    assert_ne!(a, synthetic_report(Size { trips: 50, seed: 4 }));
}
