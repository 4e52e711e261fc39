//! Three-way merge of one record, field by field, and the records a plan is
//! merged as.
//!
//! Fields that only make sense together are merged as one: a task's tick and
//! the day it was ticked, a phase's status and its dates, a category's
//! weekly range, a block's quarters. So a merge can never give a task a done
//! date without its tick, or a range whose minimum is above its maximum.

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;
use std::rc::Rc;

use chrono::NaiveDate;

use super::{Choices, Conflict, ConflictKey};
use crate::model::format::format_cents;
use crate::model::{
    BlockId, BudgetKind, BudgetLine, CategoryId, Expense, LaneId, LineId, MetricMeasure, Phase,
    PhaseNumber, PhaseStatus, Plan, Quarter, Review, ReviewCadence, SuccessMetric, Task,
    TimeCategory, TimeEntry,
};

/// A record of a list that is merged by key.
pub(super) trait Record: Clone + PartialEq {
    type Key: Clone + Eq + Hash + Ord + Display;
    /// What a conflict calls a record of this kind, e.g. `task`.
    const KIND: &'static str;
    fn key(&self) -> Self::Key;
    /// How a person recognises the record, e.g. the task's title.
    fn label(&self) -> String;
    /// The record with each field merged by [`One::field`]; called only when
    /// both sides changed the record.
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self;
}

/// The choices made so far and the conflicts found.
pub(super) struct Fields<'c> {
    choices: &'c Choices,
    names: Rc<Names>,
    pub conflicts: Vec<Conflict>,
}

/// What the ids a record points at are called, so a conflict says
/// "Core, Q2" rather than "block 7"; mine's names first.
#[derive(Default)]
pub(super) struct Names {
    blocks: HashMap<BlockId, String>,
    lanes: HashMap<LaneId, String>,
    categories: HashMap<CategoryId, String>,
    lines: HashMap<LineId, String>,
}

impl Names {
    pub fn of(base: &Plan, mine: &Plan, theirs: &Plan) -> Names {
        let mut names = Names::default();
        // Later plans overwrite earlier ones: mine is written last.
        for plan in [base, theirs, mine] {
            for lane in &plan.swimlanes {
                names.lanes.insert(lane.id, format!("{:?}", lane.name));
                for block in &lane.blocks {
                    let quarters = span(&(block.first_quarter, block.last_quarter));
                    names
                        .blocks
                        .insert(block.id, format!("{:?}, {quarters}", lane.name));
                }
            }
            for category in &plan.time_categories {
                names
                    .categories
                    .insert(category.id, format!("{:?}", category.name));
            }
            for line in &plan.budget_lines {
                names.lines.insert(line.id, format!("{:?}", line.name));
            }
        }
        names
    }
}

fn named<Id: Hash + Eq + Display>(names: &HashMap<Id, String>, kind: &str, id: &Id) -> String {
    names
        .get(id)
        .cloned()
        .unwrap_or_else(|| format!("{kind} {id}"))
}

impl<'c> Fields<'c> {
    pub fn new(choices: &'c Choices, names: Names) -> Fields<'c> {
        Fields {
            choices,
            names: Rc::new(names),
            conflicts: Vec::new(),
        }
    }

    /// A record both sides hold, merged.
    pub fn record<R: Record>(&mut self, base: Option<&R>, mine: &R, theirs: &R) -> R {
        if mine == theirs || base == Some(theirs) {
            return mine.clone();
        }
        if base == Some(mine) {
            return theirs.clone();
        }
        let mut one = One {
            fields: self,
            kind: R::KIND,
            id: mine.key().to_string(),
            label: mine.label(),
        };
        R::merge(&mut one, base, mine, theirs)
    }

    /// A record one side deleted and the other changed: a conflict, with
    /// mine kept until the person chooses.
    pub fn deleted<R: Record>(
        &mut self,
        base: &R,
        mine: Option<&R>,
        theirs: Option<&R>,
    ) -> Option<R> {
        let key = ConflictKey {
            kind: R::KIND,
            id: base.key().to_string(),
            field: WHOLE_RECORD,
        };
        let take_theirs = self.choices.contains(&key);
        let state = |side: Option<&R>| match side {
            None => "deleted".to_owned(),
            Some(record) if record.label() == base.label() => "changed".to_owned(),
            Some(record) => format!("changed to {}", record.label()),
        };
        self.conflicts.push(Conflict {
            record: place(R::KIND, &key.id, &base.label()),
            mine: state(mine),
            theirs: state(theirs),
            key,
        });
        if take_theirs { theirs } else { mine }.cloned()
    }
}

/// `task 17 "Write the runbook"`; the plan itself has no id to show.
fn place(kind: &str, id: &str, label: &str) -> String {
    if id.is_empty() {
        format!("{kind} {label}")
    } else {
        format!("{kind} {id} {label}")
    }
}

/// What a conflict over a record kept on one side and deleted on the other
/// names as its field.
pub const WHOLE_RECORD: &str = "the whole record";

/// The record being merged field by field.
pub(super) struct One<'f, 'c> {
    fields: &'f mut Fields<'c>,
    kind: &'static str,
    id: String,
    label: String,
}

impl One<'_, '_> {
    /// What ids are called, for a field's text.
    pub fn names(&self) -> Rc<Names> {
        Rc::clone(&self.fields.names)
    }

    /// One field merged: the side that changed it wins; changed on both
    /// sides to different values, a conflict, with mine kept until the
    /// person chooses theirs.
    pub fn field<T: PartialEq + Clone>(
        &mut self,
        field: &'static str,
        base: Option<&T>,
        mine: &T,
        theirs: &T,
        show: impl Fn(&T) -> String,
    ) -> T {
        if mine == theirs || base == Some(theirs) {
            return mine.clone();
        }
        if base == Some(mine) {
            return theirs.clone();
        }
        let key = ConflictKey {
            kind: self.kind,
            id: self.id.clone(),
            field,
        };
        let take_theirs = self.fields.choices.contains(&key);
        self.fields.conflicts.push(Conflict {
            record: place(self.kind, &self.id, &self.label),
            mine: show(mine),
            theirs: show(theirs),
            key,
        });
        if take_theirs { theirs } else { mine }.clone()
    }
}

/// `one.field("name", …)` for the field `name` of all three versions.
macro_rules! field {
    ($one:ident, $base:ident, $mine:ident, $theirs:ident, $name:ident, $label:expr, $show:expr) => {
        $one.field(
            $label,
            $base.map(|b| &b.$name),
            &$mine.$name,
            &$theirs.$name,
            $show,
        )
    };
}

fn quoted(text: &String) -> String {
    if text.is_empty() {
        "(empty)".to_owned()
    } else {
        format!("{text:?}")
    }
}

fn day(date: &Option<NaiveDate>) -> String {
    date.map_or_else(|| "none".to_owned(), |date| date.to_string())
}

fn date(date: &NaiveDate) -> String {
    date.to_string()
}

fn hours(hours: &f64) -> String {
    format!("{hours} h")
}

fn cents(cents: &i64) -> String {
    format_cents(*cents, "")
}

fn shown<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?}")
}

/// A task with the block it sits in, so a move is a change of one field.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlacedTask {
    pub block: BlockId,
    pub task: Task,
}

impl Record for PlacedTask {
    type Key = crate::model::TaskId;
    const KIND: &'static str = "task";
    fn key(&self) -> Self::Key {
        self.task.id
    }
    fn label(&self) -> String {
        format!("{:?}", self.task.title)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let base_task = base.map(|b| &b.task);
        let (m, t) = (&mine.task, &theirs.task);
        let done = one.field(
            "done",
            base_task.map(|b| (b.done, b.done_on)).as_ref(),
            &(m.done, m.done_on),
            &(t.done, t.done_on),
            |(done, on)| match (done, on) {
                (false, _) => "not done".to_owned(),
                (true, None) => "done".to_owned(),
                (true, Some(on)) => format!("done on {on}"),
            },
        );
        let names = one.names();
        PlacedTask {
            block: field!(one, base, mine, theirs, block, "block", |block| named(
                &names.blocks,
                "block",
                block
            )),
            task: Task {
                id: m.id,
                title: field!(one, base_task, m, t, title, "title", quoted),
                done: done.0,
                done_on: done.1,
                due: field!(one, base_task, m, t, due, "due date", day),
                notes: field!(one, base_task, m, t, notes, "notes", quoted),
                phase: field!(one, base_task, m, t, phase, "phase", |phase| phase
                    .map_or_else(|| "none".to_owned(), |number| format!("phase {number}"))),
            },
        }
    }
}

/// A block with the lane it sits in, without its tasks (merged as
/// [`PlacedTask`]s).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlacedBlock {
    pub lane: LaneId,
    pub id: BlockId,
    pub quarters: (Quarter, Quarter),
}

impl Record for PlacedBlock {
    type Key = BlockId;
    const KIND: &'static str = "block";
    fn key(&self) -> BlockId {
        self.id
    }
    fn label(&self) -> String {
        span(&self.quarters)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let names = one.names();
        PlacedBlock {
            lane: field!(one, base, mine, theirs, lane, "swimlane", |lane| named(
                &names.lanes,
                "swimlane",
                lane
            )),
            id: mine.id,
            quarters: field!(one, base, mine, theirs, quarters, "quarters", span),
        }
    }
}

fn span(quarters: &(Quarter, Quarter)) -> String {
    if quarters.0 == quarters.1 {
        quarters.0.to_string()
    } else {
        format!("{}-{}", quarters.0, quarters.1)
    }
}

/// A swimlane's own fields, without its blocks.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LaneHead {
    pub id: LaneId,
    pub name: String,
    pub subtitle: String,
}

impl Record for LaneHead {
    type Key = LaneId;
    const KIND: &'static str = "swimlane";
    fn key(&self) -> LaneId {
        self.id
    }
    fn label(&self) -> String {
        format!("{:?}", self.name)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        LaneHead {
            id: mine.id,
            name: field!(one, base, mine, theirs, name, "name", quoted),
            subtitle: field!(one, base, mine, theirs, subtitle, "subtitle", quoted),
        }
    }
}

impl Record for Phase {
    type Key = PhaseNumber;
    const KIND: &'static str = "phase";
    fn key(&self) -> PhaseNumber {
        self.number
    }
    fn label(&self) -> String {
        format!("{:?}", self.name)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let progress = |phase: &Phase| (phase.status, phase.started_on, phase.done_on);
        let (status, started_on, done_on) = one.field(
            "status",
            base.map(progress).as_ref(),
            &progress(mine),
            &progress(theirs),
            |(status, started, done): &(PhaseStatus, Option<NaiveDate>, Option<NaiveDate>)| {
                let mut text = status.label().to_owned();
                if let Some(started) = started {
                    text.push_str(&format!(", started {started}"));
                }
                if let Some(done) = done {
                    text.push_str(&format!(", done {done}"));
                }
                text
            },
        );
        Phase {
            number: mine.number,
            name: field!(one, base, mine, theirs, name, "name", quoted),
            quarter: field!(one, base, mine, theirs, quarter, "quarter", shown),
            status,
            started_on,
            done_on,
        }
    }
}

impl Record for TimeCategory {
    type Key = CategoryId;
    const KIND: &'static str = "time category";
    fn key(&self) -> CategoryId {
        self.id
    }
    fn label(&self) -> String {
        format!("{:?}", self.name)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let range = |c: &TimeCategory| (c.weekly_min_hours, c.weekly_max_hours);
        let (weekly_min_hours, weekly_max_hours) = one.field(
            "weekly target",
            base.map(range).as_ref(),
            &range(mine),
            &range(theirs),
            |(min, max)| format!("{min}-{max} h a week"),
        );
        TimeCategory {
            id: mine.id,
            name: field!(one, base, mine, theirs, name, "name", quoted),
            weekly_min_hours,
            weekly_max_hours,
        }
    }
}

impl Record for BudgetLine {
    type Key = LineId;
    const KIND: &'static str = "budget line";
    fn key(&self) -> LineId {
        self.id
    }
    fn label(&self) -> String {
        format!("{:?}", self.name)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        BudgetLine {
            id: mine.id,
            name: field!(one, base, mine, theirs, name, "name", quoted),
            kind: field!(one, base, mine, theirs, kind, "amount", |kind| match kind {
                BudgetKind::Monthly { cents } => format!("{} a month", format_cents(*cents, "")),
                BudgetKind::OneTime { cap_cents } =>
                    format!("{} once", format_cents(*cap_cents, "")),
            }),
        }
    }
}

impl Record for SuccessMetric {
    type Key = crate::model::MetricId;
    const KIND: &'static str = "success metric";
    fn key(&self) -> Self::Key {
        self.id
    }
    fn label(&self) -> String {
        format!("{:?}", self.name)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        SuccessMetric {
            id: mine.id,
            name: field!(one, base, mine, theirs, name, "name", quoted),
            measure: field!(one, base, mine, theirs, measure, "measure", |measure| {
                match measure {
                    MetricMeasure::Manual { done: true } => "ticked".to_owned(),
                    MetricMeasure::Manual { done: false } => "not ticked".to_owned(),
                    other => format!("{other:?}"),
                }
            }),
        }
    }
}

impl Record for ReviewCadence {
    type Key = crate::model::CadenceId;
    const KIND: &'static str = "review cadence";
    fn key(&self) -> Self::Key {
        self.id
    }
    fn label(&self) -> String {
        self.period.label().to_lowercase()
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        ReviewCadence {
            id: mine.id,
            period: field!(one, base, mine, theirs, period, "period", |p| p
                .label()
                .to_owned()),
            purpose: field!(one, base, mine, theirs, purpose, "purpose", quoted),
        }
    }
}

impl Record for TimeEntry {
    type Key = crate::model::EntryId;
    const KIND: &'static str = "time entry";
    fn key(&self) -> Self::Key {
        self.id
    }
    fn label(&self) -> String {
        format!("({}, {} h)", self.date, self.hours)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let names = one.names();
        TimeEntry {
            id: mine.id,
            date: field!(one, base, mine, theirs, date, "date", date),
            category: field!(one, base, mine, theirs, category, "category", |c| named(
                &names.categories,
                "category",
                c
            )),
            hours: field!(one, base, mine, theirs, hours, "hours", hours),
            note: field!(one, base, mine, theirs, note, "note", quoted),
        }
    }
}

impl Record for Expense {
    type Key = crate::model::ExpenseId;
    const KIND: &'static str = "expense";
    fn key(&self) -> Self::Key {
        self.id
    }
    fn label(&self) -> String {
        format!("({}, {})", self.date, format_cents(self.cents, ""))
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let names = one.names();
        Expense {
            id: mine.id,
            date: field!(one, base, mine, theirs, date, "date", date),
            line: field!(one, base, mine, theirs, line, "budget line", |l| named(
                &names.lines,
                "budget line",
                l
            )),
            cents: field!(one, base, mine, theirs, cents, "amount", cents),
            note: field!(one, base, mine, theirs, note, "note", quoted),
        }
    }
}

impl Record for Review {
    type Key = crate::model::ReviewId;
    const KIND: &'static str = "review";
    fn key(&self) -> Self::Key {
        self.id
    }
    fn label(&self) -> String {
        format!("({}, {})", self.date, self.period.label().to_lowercase())
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        Review {
            id: mine.id,
            date: field!(one, base, mine, theirs, date, "date", date),
            period: field!(one, base, mine, theirs, period, "period", |p| p
                .label()
                .to_owned()),
            summary: field!(one, base, mine, theirs, summary, "summary", quoted),
            notes: field!(one, base, mine, theirs, notes, "notes", quoted),
        }
    }
}

/// An import rule, known by its text in any case: the text is what a
/// person chose a bucket for.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Rule<Id> {
    pub text: String,
    pub rule: crate::model::import_rules::ImportRule<Id>,
}

impl<Id: Clone + PartialEq + Display> Record for Rule<Id> {
    type Key = String;
    const KIND: &'static str = "import rule";
    fn key(&self) -> String {
        self.text.clone()
    }
    fn label(&self) -> String {
        format!("{:?}", self.rule.contains)
    }
    fn merge(one: &mut One<'_, '_>, base: Option<&Self>, mine: &Self, theirs: &Self) -> Self {
        let into = one.field(
            "goes to",
            base.map(|b| &b.rule.into),
            &mine.rule.into,
            &theirs.rule.into,
            |into| {
                into.as_ref()
                    .map_or_else(|| "left out".to_owned(), |id| format!("{id}"))
            },
        );
        Rule {
            text: mine.text.clone(),
            rule: crate::model::import_rules::ImportRule {
                contains: mine.rule.contains.clone(),
                into,
            },
        }
    }
}

/// The keys of `records` in their order.
pub(super) fn keys<R: Record>(records: &[R]) -> Vec<R::Key> {
    records.iter().map(Record::key).collect()
}
