//! Obsidian Kanban boards (`kanban-plugin: basic` in the front matter):
//! every `## Column` is a lane, its cards the lane's tasks, and the
//! `**Complete**` marker makes a column's cards done. The `***` rule before
//! the archive is no line at all, and the `%% kanban:settings` block is an
//! Obsidian comment, skipped with the others (see [`Importer::take`]).
//!
//! A board says nothing of quarters, so each column's cards go into one
//! block spanning the year, which the board shows across all four quarters:
//! putting them all in Q1 would say they were due by March.

use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::headings::Section;
use crate::io::markdown::parse::words;

use super::Importer;

impl Importer<'_> {
    /// A heading of a board: a column, so a lane, whatever it is called
    /// ("Done", "Notes"), and even with nothing in it, as the board shows it.
    ///
    /// `## Archive` is a lane too, its cards ticked as they were written:
    /// the plugin archives cards whether or not they were ticked, so taking
    /// them all as done would claim work that was never done, and dropping
    /// them would lose them. In a lane of their own they stay out of the
    /// other columns' progress and keep their record.
    pub(super) fn column(&mut self, line: &Line, text: &str, level: u8) {
        self.leave_lanes();
        self.quarter_heading = None;
        self.section = Section::Other;
        self.section_level = level;
        self.column_complete = false;
        self.new_lane(line, text, level);
    }

    /// The `**Complete**` line of a board's column, which marks its cards
    /// done. Returns whether `line` was it.
    pub(super) fn column_marker(&mut self, line: &Line) -> bool {
        let is_marker = self.kanban
            && self.lane.is_some()
            && line.label_end.is_some()
            && words(&line.text) == "complete";
        if is_marker {
            self.column_complete = true;
        }
        is_marker
    }
}
