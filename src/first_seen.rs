//! Numbering ids in the order they are first seen, for lists kept beside
//! the numbers: how often each source is cited, each route's trips.
//!
//! One map type for all of them, and the one the format crate has for its
//! ids (`String` to `usize`): Rust compiles a hash map's code anew for every
//! key and value type, and the viewer's five others (keyed by `&str`, by
//! pairs, holding lists, spots and elements) and a set had cost 3.4 KB of
//! WebAssembly (gzip).

use rustc_hash::FxHashMap;

/// Ids numbered 0, 1, 2… in the order they are first seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FirstSeen(FxHashMap<String, usize>);

impl FirstSeen {
    /// The number of `id`, and whether it is new (then it is the next number).
    pub fn number(&mut self, id: &str) -> (usize, bool) {
        if let Some(&number) = self.0.get(id) {
            return (number, false);
        }
        let number = self.0.len();
        self.0.insert(id.to_owned(), number);
        (number, true)
    }

    /// The entry of `id` in `list`, the list kept beside the numbers: made
    /// by `new` and added when `id` is new.
    pub fn entry<'a, T>(
        &mut self,
        id: &str,
        list: &'a mut Vec<T>,
        new: impl FnOnce() -> T,
    ) -> Option<&'a mut T> {
        let (number, is_new) = self.number(id);
        if is_new {
            list.push(new());
        }
        list.get_mut(number)
    }

    /// The number of `id`, if it has been seen.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn ids_are_numbered_in_the_order_first_seen() {
        let mut seen = FirstSeen::default();
        assert_eq!(seen.number("b"), (0, true));
        assert_eq!(seen.number("a"), (1, true));
        assert_eq!(seen.number("b"), (0, false));
        assert_eq!(seen.get("a"), Some(1));
        assert_eq!(seen.get("c"), None);
        let mut counts = vec![0, 0];
        *seen.entry("c", &mut counts, || 0).unwrap() += 5;
        *seen.entry("a", &mut counts, || 0).unwrap() += 1;
        assert_eq!(counts, [0, 1, 5]);
    }
}
