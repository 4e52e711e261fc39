//! Headings, lanes and blocks: which heading opens a lane, which a quarter,
//! and where the tasks that follow go.

use crate::io::markdown::MAX_IMPORTED_EACH;
use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::headings::{Section, classify_heading, split_lane_heading};
use crate::io::markdown::parse::quarters::{QuarterSpan, quarter_span, span_label};
use crate::model::{Block, BlockId, LaneId, Quarter, Swimlane};

use super::{Importer, LaneCursor, PendingLane};

/// The lane tasks go to when the document has tasks but names no lane.
const DEFAULT_LANE_NAME: &str = "Tasks";

impl Importer<'_> {
    pub(super) fn heading(&mut self, line: &Line, level: u8) {
        self.roles.clear();
        let text = line.text.trim();
        if level == 1 && !self.title_seen {
            self.title_seen = true;
            self.plan.title = text.to_owned();
            self.leave_lanes();
            self.section = Section::Top;
            return;
        }
        if self.lanes_level.is_some_and(|container| level <= container) {
            self.lanes_level = None;
        }
        let quarters = quarter_span(text);
        if let Some(container) = self.lanes_level {
            // Right under "## Swimlanes" every heading is a lane, so a lane
            // named "Q2" reads back as one; quarters as headings go deeper.
            let is_lane_level = level == container.saturating_add(1);
            if let Some(span) = quarters.filter(|_| !is_lane_level) {
                self.start_block(line, span);
                return;
            }
            match &self.lane {
                _ if is_lane_level => self.new_lane(line, text, level),
                Some(lane) if level > lane.level => {
                    let name = self.plan.swimlanes[lane.index].name.clone();
                    self.unplaced(
                        line,
                        format_args!(
                            "a heading inside the lane \"{name}\" that is not a quarter \
                             (like **Q1** or **Q1-Q2**); what follows stays in that lane"
                        ),
                    );
                }
                _ => self.new_lane(line, text, level),
            }
            return;
        }
        if let Some(span) = quarters {
            if self.section.holds_lanes() {
                self.start_block(line, span);
            } else {
                self.unplaced(
                    line,
                    format_args!(
                        "a quarter heading outside the swimlanes; quarters belong to a lane"
                    ),
                );
            }
            return;
        }
        self.leave_lanes();
        self.section = classify_heading(text);
        match self.section {
            Section::Lanes => self.lanes_level = Some(level),
            Section::Phases => self.phases_section_seen = true,
            Section::Other => self.pending = Some(self.pending_lane(line, text, level)),
            _ => {}
        }
    }

    fn new_lane(&mut self, line: &Line, text: &str, level: u8) {
        self.block = None;
        self.pending = Some(self.pending_lane(line, text, level));
        self.materialize_lane(line);
    }

    pub(super) fn leave_lanes(&mut self) {
        if let Some(pending) = self.pending.take()
            && self.placed() == pending.placed_before
        {
            self.unplaced_at(
                pending.number,
                pending.offset,
                format_args!(
                    "a heading Yearplan does not know, with nothing under it that it could read"
                ),
            );
        }
        self.lanes_level = None;
        self.lane = None;
        self.block = None;
    }

    fn pending_lane(&self, line: &Line, text: &str, level: u8) -> PendingLane {
        PendingLane {
            text: text.to_owned(),
            level,
            number: line.number,
            offset: line.offset,
            placed_before: self.placed(),
        }
    }

    /// The lane tasks go to now: the current one, the heading above them
    /// turned into a lane, or a lane named "Tasks".
    pub(super) fn ensure_lane(&mut self, line: &Line) -> Option<usize> {
        if let Some(lane) = &self.lane {
            return Some(lane.index);
        }
        if self.pending.is_none() {
            self.pending = Some(self.pending_lane(line, DEFAULT_LANE_NAME, u8::MAX));
        }
        self.materialize_lane(line)
    }

    fn materialize_lane(&mut self, line: &Line) -> Option<usize> {
        let pending = self.pending.take()?;
        if !self.has_room(line, self.plan.swimlanes.len(), "swimlanes") {
            // Not into the lane before: what follows was written for this one.
            self.lane = None;
            self.block = None;
            return None;
        }
        let (name, subtitle) = split_lane_heading(&pending.text);
        let index = self.plan.swimlanes.len();
        self.plan.swimlanes.push(Swimlane {
            id: LaneId(index as u64 + 1),
            name,
            subtitle,
            blocks: Vec::new(),
        });
        self.lane = Some(LaneCursor {
            index,
            level: pending.level,
        });
        self.block = None;
        Some(index)
    }

    pub(super) fn start_block(&mut self, line: &Line, span: QuarterSpan) {
        let Some(lane) = self.ensure_lane(line) else {
            return;
        };
        if span.reversed {
            self.unplaced(
                line,
                format_args!(
                    "the quarters run backwards; read as {}",
                    span_label(span.first, span.last)
                ),
            );
        }
        self.push_block(line, lane, span.first, span.last);
    }

    fn push_block(&mut self, line: &Line, lane: usize, first: Quarter, last: Quarter) -> bool {
        if self.next_block > MAX_IMPORTED_EACH as u64 {
            self.unplaced_full(line, "blocks");
            return false;
        }
        let blocks = &mut self.plan.swimlanes[lane].blocks;
        blocks.push(Block {
            id: BlockId(self.next_block),
            first_quarter: first,
            last_quarter: last,
            tasks: Vec::new(),
        });
        self.next_block += 1;
        self.block = Some(blocks.len() - 1);
        true
    }

    /// The block tasks go to now; tasks before any quarter cover the year.
    pub(super) fn ensure_block(&mut self, line: &Line) -> Option<(usize, usize)> {
        let lane = self.ensure_lane(line)?;
        if let Some(block) = self.block {
            return Some((lane, block));
        }
        if self.push_block(line, lane, Quarter::Q1, Quarter::Q4) {
            self.block.map(|block| (lane, block))
        } else {
            None
        }
    }

    /// Whether plain bullets (no checkbox) are tasks here: inside a lane
    /// that a heading or quarter has made, not just anywhere.
    pub(super) fn in_lane(&self) -> bool {
        self.lane.is_some()
    }
}
