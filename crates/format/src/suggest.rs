//! "Did you mean ...?": finds the closest known name to a misspelt one.
//!
//! Names are compared ignoring ASCII case only: ids and field names are
//! ASCII, and Unicode's case tables would cost the viewer 8 KB gzip.

/// Stops suggesting after this many comparisons, so a huge broken file still checks quickly.
const BUDGET: usize = 2_000_000;

/// Longer names are not compared (ids are at most 64 characters).
const MAX_LEN: usize = 100;

/// Finds close matches among known names, within a comparison budget shared by one check.
#[derive(Debug)]
pub(crate) struct Suggester {
    left: usize,
}

impl Default for Suggester {
    fn default() -> Self {
        Suggester { left: BUDGET }
    }
}

impl Suggester {
    /// The candidate closest to `wrong`, if it is close enough to be a likely typo.
    pub fn closest<'a>(
        &mut self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'a str> {
        // A suggestion is words: none without them.
        if !crate::MESSAGES || wrong.len() > MAX_LEN {
            return None;
        }
        let wrong_lower = wrong.to_ascii_lowercase();
        let limit = (wrong.chars().count() / 3).clamp(1, 3);
        let mut best: Option<(usize, &str)> = None;
        for candidate in candidates {
            if self.left == 0 {
                break;
            }
            self.left -= 1;
            if candidate.to_ascii_lowercase() == wrong_lower {
                return Some(candidate);
            }
            if candidate.len().abs_diff(wrong.len()) > limit || candidate.len() > MAX_LEN {
                continue;
            }
            let d = distance(&wrong_lower, &candidate.to_ascii_lowercase());
            if d <= limit && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, candidate));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// Edit distance in characters, counting a swap of two neighbours as one edit
/// (optimal string alignment).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = Vec::new();
    let mut above: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let (ca, cb) = (a.get(i - 1), b.get(j - 1));
            let cost = usize::from(ca != cb);
            let at = |r: &[usize], k: usize| r.get(k).copied().unwrap_or(usize::MAX - 1);
            let mut best = (at(&above, j) + 1)
                .min(at(&row, j - 1) + 1)
                .min(at(&above, j - 1) + cost);
            let swapped = i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb;
            if swapped {
                best = best.min(at(&before, j - 2) + 1);
            }
            if let Some(cell) = row.get_mut(j) {
                *cell = best;
            }
        }
        before = std::mem::replace(&mut above, row);
    }
    above.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("maia1", "maia-1"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("depar", "depart"), 1);
        assert_eq!(distance("dunia", "dunai"), 1);
        assert_eq!(distance("ab", "ba"), 1);
    }

    #[test]
    fn closest_picks_the_nearest() {
        let mut s = Suggester::default();
        assert_eq!(
            s.closest("maia1", ["angara", "maia-1", "maia-2x"]),
            Some("maia-1")
        );
        assert_eq!(s.closest("zzz", ["angara"]), None);
        assert_eq!(s.closest("Aurora", ["aurora"]), Some("aurora"));
    }
}
