//! Headings, lanes and blocks: which heading opens a lane, which a quarter,
//! and where the tasks that follow go. Quarter headings stand either inside
//! a lane (`### Core` / `#### Q2`) or on their own (`## Q1 2027`,
//! `### Q2 2023` under "Roadmap"); tasks under one of their own go to the
//! lane a deeper heading names, or else to one lane named after the plan.

use chrono::{Datelike, NaiveDate};

use crate::io::markdown::MAX_IMPORTED_EACH;
use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::headings::{Section, classify_heading, split_lane_heading};
use crate::io::markdown::parse::quarters::{QuarterSpan, span_label, titled_quarter_span};
use crate::model::validate::{MAX_YEAR, MIN_YEAR};
use crate::model::{Block, BlockId, LaneId, Quarter, Swimlane};

use super::{Importer, LaneCursor, PendingLane, QuarterHeading};

/// The lane tasks go to when the document has tasks but names no lane.
const DEFAULT_LANE_NAME: &str = "Tasks";

/// The lane of quarter headings that stand in no lane, in a document with
/// no title to name it after.
const QUARTER_LANE_NAME: &str = "Plan";

impl Importer<'_> {
    pub(super) fn heading(&mut self, line: &Line, level: u8) {
        self.roles.clear();
        self.outline_task = None;
        let text = line.text.trim();
        if level == 1 && !self.title_seen {
            self.title_seen = true;
            self.plan.title = text.to_owned();
            self.leave_lanes();
            self.quarter_heading = None;
            self.section = Section::Top;
            self.section_level = 0;
            return;
        }
        if self.kanban {
            self.column(line, text, level);
            return;
        }
        if self.lanes_level.is_some_and(|container| level <= container) {
            self.lanes_level = None;
        }
        // A lane whose name reads as a quarter is exported with a comment
        // that says it is a lane.
        if let Some((span, title)) = titled_quarter_span(text).filter(|_| !line.says_lane) {
            self.quarter_title(line, span, title);
            self.quarter_heading(line, level, span);
            return;
        }
        if let Some(quarter) = self.quarter_heading {
            if level > quarter.level && classify_heading(text) == Section::Other {
                self.lane_in_quarter(line, text, level);
                return;
            }
            // A heading as high as the quarter's, or one of a known section,
            // ends the quarter: what follows is not its tasks.
            self.quarter_heading = None;
        }
        if let Some(container) = self.lanes_level {
            // Right under "## Swimlanes" every heading is a lane.
            let is_lane_level = level == container.saturating_add(1);
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
        self.leave_lanes();
        self.section = classify_heading(text);
        self.section_level = level;
        match self.section {
            Section::Lanes => self.lanes_level = Some(level),
            Section::Phases => self.phases_section_seen = true,
            Section::Other => self.pending = Some(self.pending_lane(line, text, level)),
            _ => {}
        }
    }

    /// `## Q1 2027`, `### Q3`: a block of the lane whose heading is above
    /// it, or else a quarter of its own, whose tasks go to the lanes named
    /// below it or to the single lane of such quarters.
    fn quarter_heading(&mut self, line: &Line, level: u8, span: QuarterSpan) {
        if !self.section.holds_lanes() && level > self.section_level {
            self.unplaced(
                line,
                format_args!("a quarter heading outside the swimlanes; quarters belong to a lane"),
            );
            return;
        }
        let span = self.in_plan_quarters(line, span);
        let lane_above = self.lane.as_ref().is_some_and(|lane| lane.level < level)
            || self
                .pending
                .as_ref()
                .is_some_and(|pending| pending.level < level);
        if lane_above && self.section.holds_lanes() {
            self.start_block(line, span);
            return;
        }
        self.leave_lane();
        if !self.section.holds_lanes() {
            // `## Q1` after `## Notes` ends the notes.
            self.section = Section::Other;
            self.section_level = level;
        }
        if span.reversed {
            self.unplaced(
                line,
                format_args!(
                    "the quarters run backwards; read as {}",
                    span_label(span.first, span.last)
                ),
            );
        }
        self.quarter_heading = Some(QuarterHeading { level, span });
    }

    /// The span in the plan's own quarters, when the heading gives a year:
    /// the first year given sets the start date (unless the document gives
    /// one), and a quarter outside the plan's year is bent to its first or
    /// last quarter, and said so.
    pub(super) fn in_plan_quarters(&mut self, line: &Line, span: QuarterSpan) -> QuarterSpan {
        let Some(year) = span.year else {
            return span;
        };
        let first_day =
            NaiveDate::from_ymd_opt(year, 1, 1).filter(|_| (MIN_YEAR..=MAX_YEAR).contains(&year));
        let Some(first_day) = first_day else {
            self.unplaced(
                line,
                format_args!(
                    "the year {year} is outside the years {MIN_YEAR}–{MAX_YEAR}; read as {}",
                    span_label(span.first, span.last)
                ),
            );
            return QuarterSpan { year: None, ..span };
        };
        if !self.start_seen && !self.quarter_year_seen {
            self.plan.start_date = first_day;
        }
        self.quarter_year_seen = true;
        let start = self.plan.start_date;
        let months_in = |quarter: Quarter| {
            let years = i64::from(year) - i64::from(start.year());
            let quarter_month = i64::try_from(quarter.index() * 3).unwrap_or(0);
            years * 12 + quarter_month - i64::from(start.month0())
        };
        let in_plan = |quarter: Quarter| {
            let months = months_in(quarter);
            let index = usize::try_from(months.clamp(0, 11) / 3).unwrap_or(0);
            let bent = !(0..12).contains(&months);
            (Quarter::from_index(index).unwrap_or(Quarter::Q4), bent)
        };
        let (first, first_bent) = in_plan(span.first);
        let (last, last_bent) = in_plan(span.last);
        if first_bent || last_bent {
            let side = if months_in(span.first) < 0 {
                "before"
            } else {
                "after"
            };
            let written = span_label(span.first, span.last);
            let read = span_label(first, last);
            self.unplaced(
                line,
                format_args!(
                    "{written} {year} is {side} the year the plan covers (from {start}); read as \
                     {read}"
                ),
            );
        }
        QuarterSpan {
            first,
            last,
            year: None,
            ..span
        }
    }

    /// A heading under a quarter heading (`## Q1` / `### Backend`): a lane,
    /// taken up again by name under the next quarter.
    fn lane_in_quarter(&mut self, line: &Line, text: &str, level: u8) {
        self.leave_lane();
        let mut pending = self.pending_lane(line, text, level);
        pending.reuse_by_name = true;
        self.pending = Some(pending);
    }

    pub(super) fn new_lane(&mut self, line: &Line, text: &str, level: u8) {
        self.block = None;
        self.pending = Some(self.pending_lane(line, text, level));
        self.materialize_lane(line);
    }

    /// Leaves the lane, but not the "Swimlanes" section it is in.
    fn leave_lane(&mut self) {
        let container = self.lanes_level;
        self.leave_lanes();
        self.lanes_level = container;
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
            reuse_by_name: false,
        }
    }

    /// The lane tasks go to now: the current one, the heading above them
    /// turned into a lane, the lane of quarter headings, or a lane named
    /// "Tasks".
    pub(super) fn ensure_lane(&mut self, line: &Line) -> Option<usize> {
        if let Some(lane) = &self.lane {
            return Some(lane.index);
        }
        if self.pending.is_none() {
            if let Some(quarter) = self.quarter_heading {
                return self.enter_quarter_lane(line, quarter.level);
            }
            self.pending = Some(self.pending_lane(line, DEFAULT_LANE_NAME, u8::MAX));
        }
        self.materialize_lane(line)
    }

    /// The one lane of quarter headings that stand in no lane, named after
    /// the plan: made the first time a task needs it.
    pub(super) fn enter_quarter_lane(&mut self, line: &Line, level: u8) -> Option<usize> {
        let index = match self.quarter_lane {
            Some(index) if index < self.plan.swimlanes.len() => index,
            _ => {
                let title = self.plan.title.trim();
                let name = if title.is_empty() {
                    QUARTER_LANE_NAME.to_owned()
                } else {
                    title.to_owned()
                };
                let index = self.push_lane(line, name, String::new())?;
                self.quarter_lane = Some(index);
                index
            }
        };
        self.lane = Some(LaneCursor { index, level });
        self.block = None;
        Some(index)
    }

    fn materialize_lane(&mut self, line: &Line) -> Option<usize> {
        let pending = self.pending.take()?;
        let (name, subtitle) = split_lane_heading(&pending.text);
        let again = pending
            .reuse_by_name
            .then(|| {
                self.plan
                    .swimlanes
                    .iter()
                    .position(|lane| lane.name == name && lane.subtitle == subtitle)
            })
            .flatten();
        let index = match again {
            Some(index) => index,
            None => self.push_lane(line, name, subtitle)?,
        };
        self.lane = Some(LaneCursor {
            index,
            level: pending.level,
        });
        self.block = None;
        Some(index)
    }

    /// A new lane at the end of the plan, if it has room for one.
    pub(super) fn push_lane(
        &mut self,
        line: &Line,
        name: String,
        subtitle: String,
    ) -> Option<usize> {
        if !self.has_room(line, self.plan.swimlanes.len(), "swimlanes") {
            // Not into the lane before: what follows was written for this one.
            self.lane = None;
            self.block = None;
            return None;
        }
        let index = self.plan.swimlanes.len();
        self.plan.swimlanes.push(Swimlane {
            id: LaneId(index as u64 + 1),
            name,
            subtitle,
            blocks: Vec::new(),
        });
        Some(index)
    }

    /// A quarter's title ("Q1 2027: Foundations") has no place in a plan,
    /// whose blocks are only their quarters: said, so it is not lost unseen.
    pub(super) fn quarter_title(&mut self, line: &Line, span: QuarterSpan, title: Option<&str>) {
        if let Some(title) = title {
            self.unplaced(
                line,
                format_args!(
                    "the title \"{title}\" of {} has no place in a plan; its tasks are read \
                     into the quarter",
                    span_label(span.first, span.last)
                ),
            );
        }
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

    pub(super) fn push_block(
        &mut self,
        line: &Line,
        lane: usize,
        first: Quarter,
        last: Quarter,
    ) -> bool {
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

    /// The block tasks go to now: one of the quarter heading above them;
    /// tasks before any quarter cover the year.
    pub(super) fn ensure_block(&mut self, line: &Line) -> Option<(usize, usize)> {
        let lane = self.ensure_lane(line)?;
        if let Some(block) = self.block {
            return Some((lane, block));
        }
        let (first, last) = self
            .quarter_heading
            .map_or((Quarter::Q1, Quarter::Q4), |quarter| {
                (quarter.span.first, quarter.span.last)
            });
        if self.push_block(line, lane, first, last) {
            self.block.map(|block| (lane, block))
        } else {
            None
        }
    }

    /// Whether plain bullets (no checkbox) are tasks here: inside a lane
    /// that a heading or quarter has made, or under a quarter heading, not
    /// just anywhere.
    pub(super) fn in_lane(&self) -> bool {
        self.lane.is_some() || self.quarter_heading.is_some()
    }
}
