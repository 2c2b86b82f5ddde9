//! The crate's one instance of the standard sort, which the viewer shares.
//!
//! `sort_by` and `sort_by_key` are compiled anew for every comparison, about
//! 3 KB of WebAssembly each: the crate and the viewer (`src/order.rs` there)
//! sort positions through this one function and move their items after.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them; positions
/// that compare equal keep their order.
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_positions_keep_their_order() {
        let keys = [2, 1, 2, 0, 1];
        let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, vec![3, 1, 4, 0, 2]);
        assert!(stable_order(0, &|_, _| Ordering::Equal).is_empty());
    }
}
