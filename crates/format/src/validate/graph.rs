//! `derived_from` must not refer to itself or go round in a circle.

use rustc_hash::FxHashMap;

use super::Cx;
use crate::model::Report;
use crate::path::Path;

/// One `derived_from` entry: where it is written and the estimate it points to.
struct Edge {
    entry: usize,
    to: usize,
}

pub(super) fn check(cx: &mut Cx, r: &Report) {
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, e) in r.estimates.iter().enumerate() {
        first.entry(e.id.as_str()).or_insert(i);
    }
    let estimates = Path::Text("estimates");
    let mut edges: Vec<Vec<Edge>> = Vec::with_capacity(r.estimates.len());
    for (i, e) in r.estimates.iter().enumerate() {
        let mut out = Vec::new();
        for (j, target) in e.derived_from.iter().enumerate() {
            if !e.id.is_empty() && *target == e.id {
                let estimate = estimates.item(i);
                let list = estimate.field("derived_from");
                let message = message!("estimate \"{}\" is derived from itself", e.id);
                cx.error(
                    list.item(j),
                    message,
                    Some(message!("remove it from its own `derived_from`")),
                );
            } else if let Some(&to) = first.get(target.as_str()) {
                out.push(Edge { entry: j, to });
            }
        }
        edges.push(out);
    }
    for (from, entry, cycle) in cycles(&edges) {
        let estimate = estimates.item(from);
        let list = estimate.field("derived_from");
        let names: Vec<String> = cycle
            .iter()
            .filter_map(|&k| r.estimates.get(k))
            .map(|e| message!("\"{}\"", e.id))
            .collect();
        let message = message!(
            "estimates are derived from each other in a circle: {}",
            names.join(" → ")
        );
        cx.error(
            list.item(entry),
            message,
            Some(message!(
                "an estimate cannot depend on itself, even through others"
            )),
        );
    }
}

/// Every back edge found by a depth-first walk (without recursion), as
/// (estimate, entry in its `derived_from`, the circle from the start back to it).
fn cycles(edges: &[Vec<Edge>]) -> Vec<(usize, usize, Vec<usize>)> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; edges.len()];
    let mut found = Vec::new();
    for root in 0..edges.len() {
        if state.get(root) != Some(&NEW) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        if let Some(s) = state.get_mut(root) {
            *s = OPEN;
        }
        while let Some((node, next)) = stack.last().copied() {
            let Some(edge) = edges.get(node).and_then(|e| e.get(next)) else {
                if let Some(s) = state.get_mut(node) {
                    *s = DONE;
                }
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            match state.get(edge.to).copied() {
                Some(NEW) => {
                    if let Some(s) = state.get_mut(edge.to) {
                        *s = OPEN;
                    }
                    stack.push((edge.to, 0));
                }
                Some(OPEN) => {
                    let start = stack.iter().position(|&(n, _)| n == edge.to).unwrap_or(0);
                    let mut circle: Vec<usize> = stack
                        .get(start..)
                        .unwrap_or(&[])
                        .iter()
                        .map(|&(n, _)| n)
                        .collect();
                    circle.push(edge.to);
                    found.push((node, edge.entry, circle));
                }
                _ => {}
            }
        }
    }
    found
}
