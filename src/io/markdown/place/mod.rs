//! Placing: each [`Line`] the reader hands over is put into the plan by the
//! section it is in — lanes, blocks and tasks; phases; hours, money, the
//! start date and the currency; metrics and cadences — and what only the
//! whole document can tell (which phases there are, which lane a metric
//! counts, the plan's currency) is settled at the end.
//!
//! This file holds the importer's state and the one place that decides,
//! from a line's kind and the section it is in, which part of the importer
//! takes it; the parts live beside it, one file each. Recognising a shape
//! of text is for `parse`; deciding where it goes in the plan is for here.

mod budget;
mod kanban;
mod lanes;
mod metrics;
mod phases;
mod tables;
mod tasks;

use std::fmt;

use chrono::NaiveDate;

use crate::model::validate::validate;
use crate::model::{Phase, PhaseNumber, Plan};

use super::lines::{Line, LineKind};
use super::parse::headings::Section;
use super::parse::quarters::{QuarterSpan, titled_quarter_span};
use super::report::Report;
use super::source::{FrontMatter, source_line};
use super::{MAX_IMPORTED_EACH, MarkdownImport};

/// Where a task stands in the plan being built: its lane, its block in the
/// lane and its place in the block.
#[derive(Clone, Copy, Debug)]
struct TaskAt {
    lane: usize,
    block: usize,
    task: usize,
}

/// What a list item was read as, so that its further lines know where to go.
#[derive(Clone, Debug)]
enum Role {
    Task {
        at: TaskAt,
        /// After a `**Notes**:` line, every further line is notes.
        in_notes: bool,
    },
    /// A plain bullet under a task, or under one of its details: its
    /// further lines and its own bullets are the task's notes too.
    Detail(TaskAt),
    Goal(usize),
    Metric {
        index: usize,
        ticked: bool,
    },
    Cadence(usize),
    /// Read as something that takes no further lines (hours, an amount).
    Done,
    /// A task whose lazy further line was a quarter (`**Q2**` right after
    /// `- [ ] task`): what follows it is no longer part of the task.
    LeftForQuarter,
    /// Not placed; its further lines are not either.
    Unplaced,
}

struct LaneCursor {
    index: usize,
    /// The heading level of the lane; deeper headings belong to it.
    level: u8,
}

/// A quarter heading that is not inside a lane of its own (`## Q1 2027`
/// under the title, `### Q2 2023` under "Roadmap"): the tasks below it go to
/// that quarter, in the lane a deeper heading names or else in the single
/// lane of such quarters.
#[derive(Clone, Copy)]
struct QuarterHeading {
    level: u8,
    /// In the plan's quarters: a year after the plan's is bent to Q4.
    span: QuarterSpan,
}

struct PendingLane {
    text: String,
    level: u8,
    number: usize,
    offset: usize,
    /// [`Importer::placed`] when the heading was read: if it has not moved
    /// when the section ends, nothing under the heading was read.
    placed_before: usize,
    /// A lane under a quarter heading (`## Q1` / `### Backend`): the lane of
    /// that name is taken up again under the next quarter.
    reuse_by_name: bool,
}

/// A phase and the line that named it.
struct NamedPhase {
    phase: Phase,
    line: usize,
    offset: usize,
    /// A phase of the Phases section that gave no quarter.
    quarter_given: bool,
}

/// An amount read with a currency symbol, checked against the plan's symbol
/// once the whole document has been read.
struct SymbolUse {
    symbol: String,
    line: usize,
    offset: usize,
}

pub(super) struct Importer<'t> {
    text: &'t str,
    plan: Plan,
    report: Report,
    title_seen: bool,
    start_seen: bool,
    section: Section,
    /// The level of the heading that opened the section; 0 before any.
    section_level: u8,
    lanes_level: Option<u8>,
    lane: Option<LaneCursor>,
    block: Option<usize>,
    pending: Option<PendingLane>,
    /// The role of the open list item at each depth.
    roles: Vec<Role>,
    named_phases: Vec<NamedPhase>,
    listed_phases: Vec<NamedPhase>,
    phases_section_seen: bool,
    /// Tasks that name their phase (`**Phase**: 4`): (task, number, line, offset).
    task_phase_links: Vec<(TaskAt, PhaseNumber, usize, usize)>,
    /// Metrics measured by a lane's tasks, by lane name: (metric, name, line, offset).
    metric_lanes: Vec<(usize, String, usize, usize)>,
    currency: Option<String>,
    symbols: Vec<SymbolUse>,
    next_task: u64,
    next_block: u64,
    quarter_heading: Option<QuarterHeading>,
    /// The lane that quarter headings outside any lane put their tasks in.
    quarter_lane: Option<usize>,
    /// A quarter heading has given a year, which set the start date.
    quarter_year_seen: bool,
    /// An Obsidian Kanban board: every heading is a column, so a lane.
    kanban: bool,
    /// The column's `**Complete**` marker has been read: its cards are done.
    column_complete: bool,
    /// Where an Obsidian comment (`%%`) that is not closed yet began.
    comment_open: Option<(usize, usize)>,
    /// The quarter columns of the table being read, if it has any.
    table: Option<tables::QuarterTable>,
    /// A document read as an outline: plain bullets under any heading are
    /// tasks, since it marks none with a checkbox or a quarter.
    outline: bool,
    /// In an outline, the last task and how far its bullet is indented: a
    /// bullet indented further is a detail of it, as its writer sees it,
    /// even when one space is too few for Markdown to nest it.
    outline_task: Option<(usize, TaskAt)>,
}

impl<'t> Importer<'t> {
    pub(super) fn new(
        text: &'t str,
        start_date: NaiveDate,
        front: &FrontMatter,
        outline: bool,
    ) -> Self {
        Importer {
            text,
            plan: Plan::empty(front.title.as_deref().unwrap_or(""), start_date),
            report: Report::default(),
            title_seen: false,
            start_seen: false,
            section: Section::Top,
            section_level: 0,
            lanes_level: None,
            lane: None,
            block: None,
            pending: None,
            roles: Vec::new(),
            named_phases: Vec::new(),
            listed_phases: Vec::new(),
            phases_section_seen: false,
            task_phase_links: Vec::new(),
            metric_lanes: Vec::new(),
            currency: None,
            symbols: Vec::new(),
            next_task: 1,
            next_block: 1,
            quarter_heading: None,
            quarter_lane: None,
            quarter_year_seen: false,
            kanban: front.kanban,
            column_complete: false,
            comment_open: None,
            table: None,
            outline,
            outline_task: None,
        }
    }

    fn unplaced(&mut self, line: &Line, reason: fmt::Arguments<'_>) {
        self.unplaced_at(line.number, line.offset, reason);
    }

    fn unplaced_at(&mut self, number: usize, offset: usize, reason: fmt::Arguments<'_>) {
        let text = if self.report.is_full() {
            ""
        } else {
            source_line(self.text, offset)
        };
        self.report.add(number, text, reason);
    }

    /// Whether the plan, having `count` of `things`, may take one more (an
    /// import takes [`MAX_IMPORTED_EACH`] of each); reports the line if not.
    fn has_room(&mut self, line: &Line, count: usize, things: &str) -> bool {
        if count < MAX_IMPORTED_EACH {
            return true;
        }
        self.unplaced_full(line, things);
        false
    }

    fn unplaced_full(&mut self, line: &Line, things: &str) {
        self.unplaced_full_at(line.number, line.offset, things);
    }

    fn unplaced_full_at(&mut self, number: usize, offset: usize, things: &str) {
        self.unplaced_at(
            number,
            offset,
            format_args!("the plan already has {MAX_IMPORTED_EACH} {things}"),
        );
    }

    pub(super) fn take(&mut self, line: &Line) {
        if self.in_obsidian_comment(line) {
            return;
        }
        if !matches!(line.kind, LineKind::TableRow { .. }) {
            self.table = None;
        }
        match line.kind {
            LineKind::Heading { level } => self.heading(line, level),
            LineKind::Opaque => self.unplaced(
                line,
                format_args!("code, HTML or other markup, which a plan does not hold"),
            ),
            LineKind::Paragraph => self.paragraph_line(line),
            LineKind::ItemFirst { checkbox, depth } => self.item_first(line, checkbox, depth),
            LineKind::ItemMore {
                depth,
                after_blank,
                lazy,
            } => self.item_more(line, depth, after_blank, lazy),
            LineKind::TableRow { header } => self.table_row(line, header),
        }
    }

    /// Whether `line` is part of an Obsidian comment (`%% … %%`), which
    /// Obsidian does not show: Kanban keeps its settings in one.
    fn in_obsidian_comment(&mut self, line: &Line) -> bool {
        let text = line.text.trim();
        if self.comment_open.is_some() {
            if text.ends_with("%%") {
                self.comment_open = None;
            }
            return true;
        }
        if line.kind == LineKind::Paragraph && text.starts_with("%%") {
            let closed = text.len() >= 4 && text.ends_with("%%");
            if !closed {
                self.comment_open = Some((line.number, line.offset));
            }
            return true;
        }
        false
    }

    /// How many things have been read into the plan so far.
    fn placed(&self) -> usize {
        let plan = &self.plan;
        plan.goals.len()
            + plan.swimlanes.len()
            + plan.time_categories.len()
            + plan.budget_lines.len()
            + plan.success_metrics.len()
            + plan.review_cadences.len()
            + self.named_phases.len()
            + self.listed_phases.len()
            + usize::from(self.start_seen)
            + usize::from(self.currency.is_some())
            + usize::try_from(self.next_task + self.next_block).unwrap_or(usize::MAX)
    }

    // --- paragraphs -------------------------------------------------------

    fn paragraph_line(&mut self, line: &Line) {
        match self.section.clone() {
            Section::Goals => self.unplaced(
                line,
                format_args!("prose under Goals; goals are read from list items (- goal)"),
            ),
            Section::Metrics => self.unplaced(
                line,
                format_args!(
                    "prose under Success Metrics; metrics are read from list items (- [ ] metric)"
                ),
            ),
            // Read as a list item would be; a paragraph only takes no
            // further lines.
            Section::Reviews => {
                self.cadence_item(line);
            }
            Section::Phases => {
                self.phase_item(line, None);
            }
            Section::Budget => {
                self.budget_item(line);
            }
            Section::Prose(heading) => {
                self.prose_item(line, &heading);
            }
            Section::Top | Section::Lanes | Section::Other => {
                if let Some((span, title)) = titled_quarter_span(&line.text) {
                    self.quarter_title(line, span, title);
                    self.start_block(line, span);
                } else if !self.column_marker(line) && !self.value_line(line, false) {
                    self.unplaced(
                        line,
                        format_args!(
                            "prose Yearplan does not read: not a task (- [ ] …), a quarter \
                             (**Q1**), a start date, hours or an amount"
                        ),
                    );
                }
            }
        }
    }

    // --- list items -------------------------------------------------------

    fn item_first(&mut self, line: &Line, checkbox: Option<bool>, depth: usize) {
        self.roles.truncate(depth.saturating_sub(1));
        let parent = self.roles.last().cloned();
        let role = self.item_role(line, checkbox, parent.as_ref());
        // Items nested deeper than their parent's depth + 1 cannot happen,
        // but the roles must stay indexed by depth whatever the reader says.
        while self.roles.len() + 1 < depth {
            self.roles.push(Role::Unplaced);
        }
        self.roles.push(role);
    }

    fn item_role(&mut self, line: &Line, checkbox: Option<bool>, parent: Option<&Role>) -> Role {
        match self.section.clone() {
            Section::Goals => self.goal(line),
            Section::Metrics => self.metric(line, checkbox),
            Section::Reviews => self.cadence_item(line),
            Section::Phases => self.phase_item(line, checkbox),
            Section::Budget => self.budget_item(line),
            Section::Prose(heading) => self.prose_item(line, &heading),
            Section::Top | Section::Lanes | Section::Other => {
                self.lane_item(line, checkbox, parent)
            }
        }
    }

    fn goal(&mut self, line: &Line) -> Role {
        let text = line.text.trim();
        if text.is_empty() {
            return Role::Done;
        }
        if !self.has_room(line, self.plan.goals.len(), "goals") {
            return Role::Unplaced;
        }
        self.plan.goals.push(text.to_owned());
        Role::Goal(self.plan.goals.len() - 1)
    }

    fn cadence_item(&mut self, line: &Line) -> Role {
        match self.cadence(line) {
            Some(Some(index)) => Role::Cadence(index),
            Some(None) => Role::Unplaced,
            None => {
                self.unplaced(
                    line,
                    format_args!("not a review cadence (write **Weekly**: what the review is for)"),
                );
                Role::Unplaced
            }
        }
    }

    fn phase_item(&mut self, line: &Line, checkbox: Option<bool>) -> Role {
        if self.listed_phase(line, checkbox) {
            Role::Done
        } else {
            self.unplaced(
                line,
                format_args!("not a phase (write - [ ] Phase 3: GenServer — Q1)"),
            );
            Role::Unplaced
        }
    }

    fn budget_item(&mut self, line: &Line) -> Role {
        if self.value_line(line, true) {
            Role::Done
        } else {
            self.unplaced(
                line,
                format_args!(
                    "not a weekly hours target (**Learning**: 15-20 hours/week) or a budget \
                     line (**Books**: $500, **Hosting**: $100/month)"
                ),
            );
            Role::Unplaced
        }
    }

    fn prose_item(&mut self, line: &Line, heading: &str) -> Role {
        self.unplaced(
            line,
            format_args!("under \"{heading}\", a section a plan has no place for"),
        );
        Role::Unplaced
    }

    /// A list item where lanes are: a task, a detail of the task above, or
    /// hours or an amount.
    fn lane_item(&mut self, line: &Line, checkbox: Option<bool>, parent: Option<&Role>) -> Role {
        if let (Some(Role::Task { at, .. } | Role::Detail(at)), None) = (parent, checkbox) {
            // A plain bullet under a task is a detail of it.
            let detail = format!("- {}", line.text.trim());
            self.append_notes(*at, &detail, false);
            return Role::Detail(*at);
        }
        if parent.is_none()
            && checkbox.is_none()
            && !self.kanban
            && let Some((span, title)) = titled_quarter_span(&line.text)
        {
            // `- **Q1**` with the quarter's tasks nested under it.
            self.quarter_title(line, span, title);
            self.start_block(line, span);
            return Role::Done;
        }
        if let Some(done) = checkbox {
            return self.add_task(line, done || self.column_complete);
        }
        if self.outline {
            return self.outline_item(line);
        }
        if self.in_lane() {
            return self.add_task(line, self.column_complete);
        }
        if self.value_line(line, false) {
            return Role::Done;
        }
        self.unplaced(
            line,
            format_args!(
                "a list item outside any swimlane that is not a task (- [ ] …), hours or an \
                 amount"
            ),
        );
        Role::Unplaced
    }

    /// A plain bullet of an outline: a detail of the task above when it is
    /// indented further, else a task (or hours or an amount).
    fn outline_item(&mut self, line: &Line) -> Role {
        let indent = source_line(self.text, line.offset)
            .chars()
            .take_while(|c| c.is_whitespace())
            .count();
        if let Some((above, at)) = self.outline_task
            && indent > above
        {
            self.append_notes(at, &format!("- {}", line.text.trim()), false);
            return Role::Detail(at);
        }
        if line.text.trim().is_empty() {
            self.unplaced(line, format_args!("an empty list item"));
            return Role::Unplaced;
        }
        if self.value_line(line, false) {
            return Role::Done;
        }
        let role = self.add_task(line, false);
        if let Role::Task { at, .. } = role {
            self.outline_task = Some((indent, at));
        }
        role
    }

    fn item_more(&mut self, line: &Line, depth: usize, after_blank: bool, lazy: bool) {
        if lazy && self.section.holds_lanes() && titled_quarter_span(&line.text).is_some() {
            // `- [ ] task` and then `**Q2**` at the start of the next line:
            // Markdown reads the quarter as part of the task, but it starts
            // the next block, as it would after a blank line.
            for role in &mut self.roles {
                *role = Role::LeftForQuarter;
            }
            self.paragraph_line(line);
            return;
        }
        let role = self.roles.get(depth.saturating_sub(1)).cloned();
        let text = line.text.trim();
        match role {
            Some(Role::Task { at, in_notes }) => {
                let in_notes = self.task_line(line, at, in_notes, after_blank);
                if let Some(Role::Task { in_notes: slot, .. }) =
                    self.roles.get_mut(depth.saturating_sub(1))
                {
                    *slot = in_notes;
                }
            }
            Some(Role::Detail(at)) => self.append_notes(at, text, after_blank),
            Some(Role::Goal(index)) => {
                if let Some(goal) = self.plan.goals.get_mut(index) {
                    // A goal wrapped over two lines by hand is one goal.
                    goal.push(' ');
                    goal.push_str(text);
                }
            }
            Some(Role::Metric { index, ticked }) => self.metric_line(line, index, ticked),
            Some(Role::Cadence(index)) => self.cadence_line(index, text),
            Some(Role::Unplaced) => self.unplaced(
                line,
                format_args!("continues a list item that could not be placed"),
            ),
            // After the quarter, further lines read as they would after a
            // blank line: as paragraphs.
            Some(Role::LeftForQuarter) => self.paragraph_line(line),
            Some(Role::Done) | None => self.unplaced(
                line,
                format_args!("a further line of a list item, which has no place here"),
            ),
        }
    }

    // --- the end --------------------------------------------------------------

    pub(super) fn finish(mut self) -> MarkdownImport {
        self.leave_lanes();
        if let Some((number, offset)) = self.comment_open.take() {
            self.unplaced_at(
                number,
                offset,
                format_args!(
                    "an Obsidian comment (%%) that is never closed; nothing after it was read"
                ),
            );
        }
        self.settle_phases();
        self.settle_task_phases();
        self.settle_metric_lanes();
        self.settle_currency();
        let plan = self.plan;
        let mut report = self.report;
        match validate(&plan) {
            Ok(()) => MarkdownImport {
                plan,
                unplaced: report.finish(),
            },
            Err(error) => {
                // Every part is made valid as it is read, so this is a bug;
                // an empty plan and the reason beat an invalid one.
                report.add(
                    1,
                    "",
                    format_args!("the import made an invalid plan, so nothing was kept: {error}"),
                );
                MarkdownImport {
                    plan: Plan::empty(plan.title, plan.start_date),
                    unplaced: report.finish(),
                }
            }
        }
    }
}
