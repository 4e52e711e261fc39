//! Tables laid out as the board is, one column per quarter:
//!
//! ```markdown
//! | Goal            | Quarter - 1 | Quarter - 2      |
//! |-----------------|-------------|------------------|
//! | Read 20 books   | 4/20        | 10/20<br>[x] Dune |
//! ```
//!
//! Each row is a lane, named by its first cell that is not a quarter; each
//! cell's items (one per `<br>`) are the tasks of a block of that quarter.
//! Any other table is reported, row by row.

use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::quarters::{QuarterSpan, quarter_span};
use crate::io::markdown::parse::words;

use super::{Importer, LaneCursor};

/// The header of a table with a column per quarter.
#[derive(Clone, Debug)]
pub(super) struct QuarterTable {
    /// Each quarter column, by its place in the row.
    quarters: Vec<(usize, QuarterSpan)>,
    /// The column that names the row, if any.
    name_column: Option<usize>,
}

impl Importer<'_> {
    pub(super) fn table_row(&mut self, line: &Line, header: bool) {
        self.roles.clear();
        if header {
            self.table = self.quarter_table(line);
            if self.table.is_none() {
                self.unplaced(
                    line,
                    format_args!(
                        "a table without a column for each quarter (Q1, Quarter 1…), which a \
                         plan does not read"
                    ),
                );
            }
            return;
        }
        match self.table.clone() {
            Some(table) => self.quarter_row(line, &table),
            None => self.unplaced(
                line,
                format_args!("a row of a table without a column for each quarter"),
            ),
        }
    }

    fn quarter_table(&mut self, line: &Line) -> Option<QuarterTable> {
        if !self.section.holds_lanes() {
            return None;
        }
        let mut quarters = Vec::new();
        let mut name_column = None;
        for (column, cell) in line.cells.iter().enumerate() {
            match quarter_span(cell) {
                Some(span) => quarters.push((column, span)),
                None => {
                    name_column.get_or_insert(column);
                }
            }
        }
        if quarters.is_empty() {
            return None;
        }
        let quarters = quarters
            .into_iter()
            .map(|(column, span)| (column, self.in_plan_quarters(line, span)))
            .collect();
        Some(QuarterTable {
            quarters,
            name_column,
        })
    }

    fn quarter_row(&mut self, line: &Line, table: &QuarterTable) {
        let cell_items = |column: usize| -> Vec<&str> {
            line.cells.get(column).map_or_else(Vec::new, |cell| {
                cell.split('\n')
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .collect()
            })
        };
        if table
            .quarters
            .iter()
            .all(|(column, _)| cell_items(*column).is_empty())
        {
            return;
        }
        let name = table
            .name_column
            .and_then(|column| line.cells.get(column))
            .map_or("", |name| name.trim());
        let lane = if name.is_empty() {
            self.enter_quarter_lane(line, u8::MAX)
        } else {
            match self
                .plan
                .swimlanes
                .iter()
                .position(|lane| lane.name == name)
            {
                Some(index) => Some(index),
                None => self.push_lane(line, name.to_owned(), String::new()),
            }
        };
        let Some(lane) = lane else {
            return;
        };
        for (column, span) in &table.quarters {
            let items = cell_items(*column);
            if items.is_empty() {
                continue;
            }
            self.lane = Some(LaneCursor {
                index: lane,
                level: u8::MAX,
            });
            if !self.push_block(line, lane, span.first, span.last) {
                break;
            }
            for item in items {
                let (done, title) = table_item(item);
                self.add_task_titled(line, title, done);
            }
        }
        // What follows the table is not in its last row.
        self.lane = None;
        self.block = None;
    }
}

/// An item of a cell: `[x] Title`, `[ ] Title`, or a title alone, done
/// when it says no more than that ("Done", "✓").
fn table_item(item: &str) -> (bool, &str) {
    for (box_, done) in [("[x]", true), ("[X]", true), ("[ ]", false)] {
        if let Some(title) = item.strip_prefix(box_) {
            return (done, title.trim());
        }
    }
    let done = matches!(
        words(item).as_str(),
        "done" | "completed" | "complete" | "achieved"
    ) || matches!(item, "✓" | "✔" | "✅" | "✔️");
    (done, item)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn items_of_a_cell() {
        assert_eq!(table_item("[x] Dune"), (true, "Dune"));
        assert_eq!(table_item("[ ] Dune"), (false, "Dune"));
        assert_eq!(table_item("Done."), (true, "Done."));
        assert_eq!(table_item("✅"), (true, "✅"));
        assert_eq!(table_item("10/90"), (false, "10/90"));
        assert_eq!(table_item("Nothing yet"), (false, "Nothing yet"));
    }
}
