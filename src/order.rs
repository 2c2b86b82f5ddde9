//! Sorting, with one copy of the sort code for the whole viewer.
//!
//! Rust's `sort_by` is compiled anew for every comparison closure: each call
//! site cost about 3 KB of WebAssembly (22 of them cost 64 KB). These helpers
//! sort positions with a single shared comparison-by-reference (the format
//! crate's, which checks the report with it too), then move the items into
//! place. Like `sort_by`, they are stable: equal items keep their order.

use std::cmp::Ordering;

use sealift_format::order::stable_order;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by the key `key` gives each one, keeping ties in order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut words = vec![("b", 1), ("a", 2), ("b", 0), ("a", 1)];
        sort_by_key(&mut words, |w| w.0);
        assert_eq!(words, vec![("a", 2), ("a", 1), ("b", 1), ("b", 0)]);
        sort_by(&mut words, |a, b| b.1.cmp(&a.1));
        assert_eq!(words, vec![("a", 2), ("a", 1), ("b", 1), ("b", 0)]);
        let mut numbers = vec![3, 1, 2];
        sort(&mut numbers);
        assert_eq!(numbers, vec![1, 2, 3]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
