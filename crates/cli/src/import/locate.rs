//! Pointing `sealift_format::check`'s messages back at the author's files.
//!
//! Check names a JSON path (`trips[3].vessel`, `estimates[0].quantity.low`);
//! the author wrote a row of trips.csv or a key of report.toml. The import
//! remembered which row each item came from, and the layout says which column
//! holds which field, so every message can name the file, the row and the
//! column, and show the cell.

use sealift_format::Diagnostic;

use super::assemble::Assembled;
use super::block::Block;
use super::sheet::Sheet;
use crate::render::{Place, Problem};

/// The files the report was assembled from.
pub struct Sources<'a> {
    pub block: &'a Block,
    pub sheets: &'a [Sheet],
    pub assembled: &'a Assembled,
}

impl Sources<'_> {
    /// `d` as a problem in the author's files; `None` when it only repeats a
    /// problem the import already reported.
    pub fn problem(&self, d: &Diagnostic) -> Option<Problem> {
        let place = match self.item_of(&d.path) {
            Some((s, r, rest)) => {
                let sheet = self.sheets.get(s)?;
                let row = sheet.rows.get(r)?;
                let column = sheet.table.column_for(rest).map(|c| c.name);
                let reported = &self.assembled.reported;
                if let Some(name) = column
                    && (reported.contains(&(s, Some(r), name))
                        || reported.contains(&(s, None, name)))
                {
                    return None;
                }
                sheet.place(row, column)
            }
            None => self.elsewhere(&d.path),
        };
        Some(Problem {
            severity: d.severity,
            message: d.message.clone(),
            help: d.help.clone(),
            place,
        })
    }

    /// The sheet and row of the item `path` is in (the longest item path that
    /// starts it), and the rest of the path within the item.
    fn item_of<'p>(&self, path: &'p str) -> Option<(usize, usize, &'p str)> {
        path.match_indices(']').rev().find_map(|(i, _)| {
            let (item, rest) = path.split_at(i + 1);
            let &(s, r) = self.assembled.origins.get(item)?;
            Some((s, r, rest.trim_start_matches('.')))
        })
    }

    /// A path that is not inside a row: a key of report.toml, a whole
    /// collection, or the report itself.
    fn elsewhere(&self, path: &str) -> Place {
        let top_key = path.split(['.', '[']).next().unwrap_or_default();
        if let Some(rest) = path.strip_prefix("report.") {
            let key = rest.split(['.', '[']).next().unwrap_or(rest);
            return self.block.place(key);
        }
        if matches!(top_key, "format" | "$schema") {
            return self.block.place(top_key);
        }
        match self
            .sheets
            .iter()
            .find(|s| s.table.file.strip_suffix(".csv") == Some(top_key))
        {
            Some(sheet) => Place::Note(format!("in {}", sheet.name)),
            None if path.is_empty() => Place::Note(format!("in {}", self.block.name)),
            None => Place::Note(format!("in the report, at {path}")),
        }
    }
}
