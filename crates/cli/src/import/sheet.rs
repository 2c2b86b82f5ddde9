//! Reading one CSV file as a spreadsheet shows it: a header row naming the
//! columns, then one row per item, numbered from 1 for the header.
//!
//! Every cell keeps where it came from, so that a problem found later (by
//! `sealift_format::check`) can still point at the file, row and column.

use std::ops::Range;
use std::rc::Rc;

use crate::render::{Place, Problem};
use sealift_format::sheets::{Column, Table, closest};

/// A CSV file, read.
pub struct Sheet {
    pub table: &'static Table,
    /// The file's name as shown to the author.
    pub name: String,
    text: Rc<str>,
    /// The layout column of each header cell (`None`: an `x-` column or a
    /// nameless one, ignored).
    header: Vec<Option<&'static Column>>,
    /// Which header cells are blank: a value below one is a mistake.
    nameless: Vec<bool>,
    /// Byte offset of the header row.
    header_offset: usize,
    pub rows: Vec<Row>,
}

/// One row that holds something (blank rows are skipped).
pub struct Row {
    /// As a spreadsheet numbers it: the header is row 1.
    pub number: usize,
    /// Byte offset of the row in the file.
    offset: usize,
    cells: Vec<String>,
}

impl Sheet {
    /// Reads `text` as `table`'s file; problems with the header (unknown,
    /// repeated or missing columns) and the rows are added to `problems`.
    pub fn parse(
        table: &'static Table,
        name: String,
        text: Rc<str>,
        problems: &mut Vec<Problem>,
    ) -> Sheet {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut sheet = Sheet {
            table,
            name,
            text: Rc::clone(&text),
            header: Vec::new(),
            nameless: Vec::new(),
            header_offset: bom,
            rows: Vec::new(),
        };
        let body = text.get(bom..).unwrap_or_default();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        // Newlines inside quoted cells: a spreadsheet row may span several
        // lines of the file, so rows are counted, not lines.
        let mut records = reader.records();
        match records.next() {
            Some(Ok(header)) => {
                sheet.header_offset = bom + header.position().map_or(0, |p| p.byte() as usize);
                sheet.read_header(&header, problems);
            }
            Some(Err(err)) => {
                problems.push(sheet.csv_error(&err, bom));
                return sheet;
            }
            None => return sheet,
        }
        let mut extra_lines = 0;
        for record in records {
            let record = match record {
                Ok(record) => record,
                Err(err) => {
                    problems.push(sheet.csv_error(&err, bom));
                    break;
                }
            };
            let position = record.position();
            let line = position.map_or(0, |p| p.line() as usize);
            let offset = bom + position.map_or(0, |p| p.byte() as usize);
            let row = Row {
                number: line.saturating_sub(extra_lines),
                offset,
                cells: record.iter().map(str::to_string).collect(),
            };
            extra_lines += row
                .cells
                .iter()
                .map(|c| c.matches('\n').count())
                .sum::<usize>();
            if row.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let unnamed = |(i, c): &(usize, &String)| {
                !c.trim().is_empty() && sheet.nameless.get(*i).copied().unwrap_or(true)
            };
            if let Some((index, _)) = row.cells.iter().enumerate().find(unnamed) {
                problems.push(
                    Problem::error(
                        format!(
                            "row {} has a value in column {}, which has no name in the header",
                            row.number,
                            index + 1,
                        ),
                        sheet.place_of(&row, Some(index), format!("row {}", row.number)),
                    )
                    .with_help("give the column a name in the header row, or clear the cell"),
                );
            }
            sheet.rows.push(row);
        }
        if !sheet.rows.is_empty() {
            sheet.require_columns(problems);
        }
        sheet
    }

    fn read_header(&mut self, header: &csv::StringRecord, problems: &mut Vec<Problem>) {
        let table = self.table;
        let names: Vec<String> = header.iter().map(|n| n.trim().to_string()).collect();
        for (index, name) in names.iter().enumerate() {
            let known = table.column(name);
            self.nameless.push(name.is_empty());
            self.header.push(known);
            if name.is_empty() {
                continue; // checked row by row: only a value below it is a mistake
            }
            let place =
                || self.place_at(self.header_offset, Some(index), "row 1 (the header)".into());
            if known.is_none() && !name.starts_with("x-") {
                let message = format!("{} has an unknown column `{name}`", self.name);
                let help = match closest(name, table.columns.iter().map(|c| c.name)) {
                    Some(near) => format!("did you mean `{near}`?"),
                    _ => format!(
                        "the columns of {} are {}; columns whose name starts with `x-` are ignored",
                        table.file,
                        column_list(table)
                    ),
                };
                problems.push(Problem::error(message, place()).with_help(help));
            } else if names[..index].contains(name) {
                problems.push(Problem::error(
                    format!("{} has two columns named `{name}`", self.name),
                    place(),
                ));
            }
        }
    }

    /// A sheet with rows needs the columns its items cannot do without.
    fn require_columns(&self, problems: &mut Vec<Problem>) {
        let table = self.table;
        for column in table.columns.iter().filter(|c| c.required) {
            if !self.has_column(column.name) {
                problems.push(
                    Problem::error(
                        format!(
                            "{} has no `{}` column, which it needs",
                            self.name, column.name
                        ),
                        self.place_at(self.header_offset, None, "row 1 (the header)".into()),
                    )
                    .with_help(format!(
                        "the columns of {} are {}",
                        table.file,
                        column_list(table)
                    )),
                );
            }
        }
    }

    pub fn has_column(&self, name: &str) -> bool {
        self.header.iter().flatten().any(|c| c.name == name)
    }

    /// The cell of `row` in `column`; `None` when the file has no such column
    /// or the cell is blank.
    pub fn cell<'a>(&self, row: &'a Row, column: &str) -> Option<&'a str> {
        let index = self.index_of(column)?;
        row.cells
            .get(index)
            .map(String::as_str)
            .filter(|c| !c.trim().is_empty())
    }

    fn index_of(&self, column: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|c| c.is_some_and(|c| c.name == column))
    }

    /// Where `row` (and its cell in `column`, when given) is, for a message.
    pub fn place(&self, row: &Row, column: Option<&str>) -> Place {
        let label = match column {
            Some(name) => format!("row {}, column `{name}`", row.number),
            None => format!("row {}", row.number),
        };
        self.place_of(row, column.and_then(|c| self.index_of(c)), label)
    }

    fn place_of(&self, row: &Row, index: Option<usize>, label: String) -> Place {
        self.place_at(row.offset, index, label)
    }

    /// The cell `index` of the row starting at byte `offset` (or the row's
    /// first character when there is no such cell).
    fn place_at(&self, offset: usize, index: Option<usize>, label: String) -> Place {
        let span = index
            .and_then(|i| cell_span(&self.text, offset, i))
            .unwrap_or(offset..offset + 1);
        Place::Text {
            file: self.name.clone(),
            text: Rc::clone(&self.text),
            offset: span.start,
            len: span.len(),
            label,
        }
    }

    fn csv_error(&self, err: &csv::Error, bom: usize) -> Problem {
        let offset = bom + err.position().map_or(0, |p| p.byte() as usize);
        let line = err.position().map_or(0, |p| p.line());
        match err.kind() {
            csv::ErrorKind::Utf8 { .. } => Problem::error(
                format!("{} is not UTF-8 text (line {line})", self.name),
                self.place_at(offset, None, format!("line {line}")),
            )
            .with_help("save the sheet as \"CSV UTF-8\" (in most spreadsheets: File, Save as or Download, CSV UTF-8)"),
            _ => Problem::error(
                format!("{} cannot be read as CSV: {err}", self.name),
                self.place_at(offset, None, format!("line {line}")),
            ),
        }
    }
}

/// The column names of a table, for help messages: `id`, `name`, ...
pub fn column_list(table: &Table) -> String {
    table
        .columns
        .iter()
        .map(|c| format!("`{}`", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The byte range of cell `index` in the CSV row starting at byte `start`,
/// quotes included; `None` when the row has fewer cells.
fn cell_span(text: &str, start: usize, index: usize) -> Option<Range<usize>> {
    let rest = text.get(start..)?;
    let mut cell = 0;
    let mut cell_start = 0;
    let mut quoted = false;
    for (i, c) in rest.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                if cell == index {
                    return Some(start + cell_start..start + i);
                }
                cell += 1;
                cell_start = i + 1;
            }
            '\n' | '\r' if !quoted => {
                return (cell == index).then_some(start + cell_start..start + i);
            }
            _ => {}
        }
    }
    (cell == index).then_some(start + cell_start..start + rest.len())
}

#[cfg(test)]
mod tests {
    use super::cell_span;

    #[test]
    fn cells_are_found_in_their_row() {
        let text = "id,name\nt1,\"a, b\"\nt2,c";
        assert_eq!(cell_span(text, 8, 0), Some(8..10));
        assert_eq!(cell_span(text, 8, 1), Some(11..17));
        assert_eq!(cell_span(text, 18, 1), Some(21..22));
        assert_eq!(cell_span(text, 18, 2), None);
    }
}
