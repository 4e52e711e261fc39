//! A three-way merge of plans: two copies edited apart (mine and theirs)
//! against the copy both started from (the base).
//!
//! Records are matched by id and merged field by field: what one side
//! changed comes through, what both changed the same way is taken once, and
//! only a field changed two ways is a conflict — mine is kept until the
//! person chooses theirs, by running the merge again with that choice. A
//! record added on either side is kept; one deleted on one side goes, unless
//! the other side changed it (a conflict). A task moved on one side and
//! renamed on the other ends up moved and renamed, since its block is one of
//! its fields. A list is in the order of the side that reordered it.
//!
//! The result always validates: where one side's deletion would leave the
//! other side's records pointing at nothing (hours logged to a category the
//! other machine removed), what they point at is kept, and the merge says so.
//!
//! Pure model code: no files, no clock.

mod changes;
mod clashes;
mod fields;
mod list;

use std::collections::{HashMap, HashSet};
use std::fmt;

pub use changes::{Changes, changes};
pub use fields::WHOLE_RECORD;
use fields::{Fields, LaneHead, PlacedBlock, PlacedTask, Record, Rule, keys};
use list::{members, ordered};

use super::import_rules::{ImportRule, ImportRules};
use super::timer::{Timer, format_date_time};
use super::validate::{ValidationError, validate};
use super::{Block, BlockId, LaneId, MetricMeasure, Period, Plan, ReviewCadence, Swimlane, Task};

/// Which conflict: the kind of record, its id, and the field, as stable text
/// so a choice made in a window or on a command line can be passed back.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConflictKey {
    pub kind: &'static str,
    pub id: String,
    pub field: &'static str,
}

/// The same field of the same record changed two ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub key: ConflictKey,
    /// The record as a person recognises it: `task 17 "Write the runbook"`.
    pub record: String,
    /// The field's value on each side, as text.
    pub mine: String,
    pub theirs: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}: mine {}, theirs {}",
            self.record, self.key.field, self.mine, self.theirs
        )
    }
}

/// The conflicts resolved as theirs; every other conflict keeps mine.
pub type Choices = HashSet<ConflictKey>;

/// What a merge gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged plan; it validates.
    pub plan: Plan,
    /// Fields changed two ways, each resolved as mine unless chosen.
    pub conflicts: Vec<Conflict>,
    /// What the merge kept so that the plan holds together, in words:
    /// "time category 4 ("Reading") was removed on one side, but the other
    /// side logged to it; it is kept."
    pub kept: Vec<String>,
}

impl Merged {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Why two plans could not be merged. No merge of three valid plans should
/// fail; this is the guard that keeps a plan that would not open from
/// being written, should one ever.
#[derive(Debug, thiserror::Error)]
#[error("the merged plan does not hold together: {0}")]
pub struct MergeError(#[from] ValidationError);

/// Merges `mine` and `theirs`, two copies of `base` edited apart, keeping
/// mine in every conflict.
pub fn merge(base: &Plan, mine: &Plan, theirs: &Plan) -> Result<Merged, MergeError> {
    merge_choosing(base, mine, theirs, &Choices::new())
}

/// [`merge`], with the conflicts in `choices` resolved as theirs.
pub fn merge_choosing(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    choices: &Choices,
) -> Result<Merged, MergeError> {
    let mut kept = Vec::new();
    let renumbered = clashes::renumbered(base, mine, theirs);
    let theirs = match &renumbered {
        Some((plan, said)) => {
            kept.extend(said.iter().cloned());
            plan
        }
        None => theirs,
    };
    let mut fields = Fields::new(choices, fields::Names::of(base, mine, theirs));

    let header = fields.record(
        Some(&Header::of(base)),
        &Header::of(mine),
        &Header::of(theirs),
    );

    let mut phases = members(&mut fields, &base.phases, &mine.phases, &theirs.phases);
    let mut categories = members(
        &mut fields,
        &base.time_categories,
        &mine.time_categories,
        &theirs.time_categories,
    );
    let mut lines = members(
        &mut fields,
        &base.budget_lines,
        &mine.budget_lines,
        &theirs.budget_lines,
    );
    let metrics = members(
        &mut fields,
        &base.success_metrics,
        &mine.success_metrics,
        &theirs.success_metrics,
    );
    let mut cadences = members(
        &mut fields,
        &base.review_cadences,
        &mine.review_cadences,
        &theirs.review_cadences,
    );
    // The long lists, merged whole and in order at once.
    let entries = list::merge_list(
        &mut fields,
        &base.time_entries,
        &mine.time_entries,
        &theirs.time_entries,
    );
    let expenses = list::merge_list(
        &mut fields,
        &base.expenses,
        &mine.expenses,
        &theirs.expenses,
    );
    let reviews = list::merge_list(&mut fields, &base.reviews, &mine.reviews, &theirs.reviews);

    let board = [base, mine, theirs].map(Board::of);
    let [b, m, t] = &board;
    let mut lanes = members(&mut fields, &b.lanes, &m.lanes, &t.lanes);
    let mut blocks = members(&mut fields, &b.blocks, &m.blocks, &t.blocks);
    let tasks = members(&mut fields, &b.tasks, &m.tasks, &t.tasks);

    // What a kept record points at is kept too.
    let sides = [mine, theirs, base];
    for task in tasks.values() {
        if !blocks.contains_key(&task.block)
            && let Some(block) = board_find(&board, |board| &board.blocks, &task.block)
        {
            kept.push(format!(
                "block {} ({}) was deleted on one side, but the other side has tasks in it; \
                 it is kept",
                block.id,
                block.label()
            ));
            blocks.insert(block.id, block);
        }
        if let Some(number) = task.task.phase {
            keep(
                &mut phases,
                number,
                &sides,
                |plan| &plan.phases,
                &mut kept,
                "a task links to it",
            );
        }
    }
    let lane_wanted: Vec<LaneId> = blocks
        .values()
        .map(|block| block.lane)
        .chain(metrics.values().filter_map(|metric| match metric.measure {
            MetricMeasure::LaneTasksDone { lane } => Some(lane),
            _ => None,
        }))
        .collect();
    for lane in lane_wanted {
        if !lanes.contains_key(&lane)
            && let Some(head) = board_find(&board, |board| &board.lanes, &lane)
        {
            kept.push(format!(
                "swimlane {} ({}) was deleted on one side, but the other side still uses it; \
                 it is kept",
                head.id,
                head.label()
            ));
            lanes.insert(lane, head);
        }
    }
    for entry in &entries {
        keep(
            &mut categories,
            entry.category,
            &sides,
            |plan| &plan.time_categories,
            &mut kept,
            "the other side logged hours to it",
        );
    }
    for expense in &expenses {
        keep(
            &mut lines,
            expense.line,
            &sides,
            |plan| &plan.budget_lines,
            &mut kept,
            "the other side logged expenses to it",
        );
    }
    if let Some(timer) = &header.timer {
        keep(
            &mut categories,
            timer.category,
            &sides,
            |plan| &plan.time_categories,
            &mut kept,
            "the timer runs on it",
        );
    }
    one_cadence_per_period(&mut cadences, mine, &mut kept);

    let rules = ImportRules {
        hours: merge_rules(
            &mut fields,
            "hours",
            [
                &base.import_rules.hours,
                &mine.import_rules.hours,
                &theirs.import_rules.hours,
            ],
            |id| categories.contains_key(id),
            &mut kept,
        ),
        expenses: merge_rules(
            &mut fields,
            "expenses",
            [
                &base.import_rules.expenses,
                &mine.import_rules.expenses,
                &theirs.import_rules.expenses,
            ],
            |id| lines.contains_key(id),
            &mut kept,
        ),
    };

    let plan = Plan {
        format_version: mine.format_version,
        title: header.title,
        start_date: header.start_date,
        currency_symbol: header.currency_symbol,
        goals: merge_goals(&base.goals, &mine.goals, &theirs.goals),
        swimlanes: assemble_board(&board, lanes, &blocks, tasks),
        phases: ordered(&base.phases, &mine.phases, &theirs.phases, phases),
        time_categories: ordered(
            &base.time_categories,
            &mine.time_categories,
            &theirs.time_categories,
            categories,
        ),
        budget_lines: ordered(
            &base.budget_lines,
            &mine.budget_lines,
            &theirs.budget_lines,
            lines,
        ),
        success_metrics: ordered(
            &base.success_metrics,
            &mine.success_metrics,
            &theirs.success_metrics,
            metrics,
        ),
        review_cadences: ordered(
            &base.review_cadences,
            &mine.review_cadences,
            &theirs.review_cadences,
            cadences,
        ),
        timer: header.timer,
        time_entries: entries,
        expenses,
        reviews,
        import_rules: rules,
    };
    validate(&plan)?;
    Ok(Merged {
        plan,
        conflicts: fields.conflicts,
        kept,
    })
}

/// Of `candidates` (versions of the plan at hand, such as the one last
/// opened here and the `.bak` of the save before), the likeliest base of
/// `mine` and `theirs`: the one from which the two sides differ in the
/// fewest records. On a tie the earlier candidate wins, so list the older
/// version first: taking a version with mine's own changes as the base
/// would read those changes as the other side undoing them.
pub fn likely_base<'a>(candidates: &[&'a Plan], mine: &Plan, theirs: &Plan) -> Option<&'a Plan> {
    candidates
        .iter()
        .copied()
        .enumerate()
        .min_by_key(|(index, candidate)| {
            (
                changes::count(candidate, mine) + changes::count(candidate, theirs),
                *index,
            )
        })
        .map(|(_, candidate)| candidate)
}

/// Puts the record `key` back into `members` from the first of `sides` that
/// has it, when the merge dropped it but a kept record points at it.
fn keep<R: Record>(
    members: &mut HashMap<R::Key, R>,
    key: R::Key,
    sides: &[&Plan; 3],
    list: fn(&Plan) -> &Vec<R>,
    kept: &mut Vec<String>,
    why: &str,
) {
    if members.contains_key(&key) {
        return;
    }
    if let Some(record) = sides
        .iter()
        .find_map(|plan| list(plan).iter().find(|record| record.key() == key))
    {
        kept.push(format!(
            "{} {} ({}) was removed on one side, but {why}; it is kept",
            R::KIND,
            key,
            record.label()
        ));
        members.insert(key, record.clone());
    }
}

/// A plan keeps one cadence per period. Two machines that each added a
/// weekly cadence with their own id (cadences get ids from their period,
/// but a file written by hand may not) keep mine.
fn one_cadence_per_period(
    cadences: &mut HashMap<super::CadenceId, ReviewCadence>,
    mine: &Plan,
    kept: &mut Vec<String>,
) {
    let mut by_period: HashMap<Period, Vec<super::CadenceId>> = HashMap::new();
    for cadence in cadences.values() {
        by_period
            .entry(cadence.period)
            .or_default()
            .push(cadence.id);
    }
    for (period, mut ids) in by_period {
        if ids.len() < 2 {
            continue;
        }
        let mine_has = |id: &super::CadenceId| mine.review_cadences.iter().any(|c| c.id == *id);
        ids.sort_by_key(|id| (!mine_has(id), *id));
        for dropped in &ids[1..] {
            cadences.remove(dropped);
        }
        kept.push(format!(
            "both sides added a {} review cadence; mine is kept",
            period.label().to_lowercase()
        ));
    }
}

/// The rules of one ledger, merged by their text in any case. A rule whose
/// bucket the merge removed is dropped: it could only send rows nowhere.
fn merge_rules<Id: Copy + PartialEq + fmt::Display>(
    fields: &mut Fields<'_>,
    ledger: &str,
    [base, mine, theirs]: [&Vec<ImportRule<Id>>; 3],
    bucket_kept: impl Fn(&Id) -> bool,
    kept: &mut Vec<String>,
) -> Vec<ImportRule<Id>> {
    let wrap = |rules: &Vec<ImportRule<Id>>| -> Vec<Rule<Id>> {
        let mut seen = HashSet::new();
        rules
            .iter()
            // A hand-written file may hold one text twice; the first wins
            // on import, so the first is the one merged.
            .filter(|rule| seen.insert(rule.contains.trim().to_lowercase()))
            .map(|rule| Rule {
                text: format!("{ledger}: {}", rule.contains.trim().to_lowercase()),
                rule: rule.clone(),
            })
            .collect()
    };
    let (base, mine, theirs) = (wrap(base), wrap(mine), wrap(theirs));
    let merged = list::members(fields, &base, &mine, &theirs);
    ordered(&base, &mine, &theirs, merged)
        .into_iter()
        .filter_map(|rule| match rule.rule.into {
            Some(id) if !bucket_kept(&id) => {
                kept.push(format!(
                    "the import rule {:?} of {ledger} went to a bucket that was removed; \
                     it is dropped",
                    rule.rule.contains
                ));
                None
            }
            _ => Some(rule.rule),
        })
        .collect()
}

/// Goals are lines of text: one added on either side is kept, one deleted
/// on either side goes. A text written twice counts as two goals.
fn merge_goals(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let numbered = |goals: &[String]| -> Vec<(String, usize)> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        goals
            .iter()
            .map(|goal| {
                let count = seen.entry(goal).or_default();
                *count += 1;
                (goal.clone(), *count)
            })
            .collect()
    };
    let (base, mine, theirs) = (numbered(base), numbered(mine), numbered(theirs));
    let in_base: HashSet<&(String, usize)> = base.iter().collect();
    let in_mine: HashSet<&(String, usize)> = mine.iter().collect();
    let in_theirs: HashSet<&(String, usize)> = theirs.iter().collect();
    let wanted: HashSet<(String, usize)> = mine
        .iter()
        .filter(|goal| in_theirs.contains(goal) || !in_base.contains(goal))
        .chain(
            theirs
                .iter()
                .filter(|goal| !in_mine.contains(goal) && !in_base.contains(goal)),
        )
        .cloned()
        .collect();
    list::order(&base, &mine, &theirs, &wanted)
        .into_iter()
        .map(|(goal, _)| goal)
        .collect()
}

/// The plan's own fields.
#[derive(Clone, Debug, PartialEq)]
struct Header {
    title: String,
    start_date: chrono::NaiveDate,
    currency_symbol: String,
    /// Started, stopped or started anew: the timer is one value.
    timer: Option<Timer>,
}

impl Header {
    fn of(plan: &Plan) -> Header {
        Header {
            title: plan.title.clone(),
            start_date: plan.start_date,
            currency_symbol: plan.currency_symbol.clone(),
            timer: plan.timer.clone(),
        }
    }
}

impl Record for Header {
    type Key = &'static str;
    const KIND: &'static str = "the plan";
    fn key(&self) -> &'static str {
        ""
    }
    fn label(&self) -> String {
        format!("{:?}", self.title)
    }
    fn merge(
        one: &mut fields::One<'_, '_>,
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> Self {
        Header {
            title: one.field(
                "title",
                base.map(|b| &b.title),
                &mine.title,
                &theirs.title,
                |t| format!("{t:?}"),
            ),
            start_date: one.field(
                "start date",
                base.map(|b| &b.start_date),
                &mine.start_date,
                &theirs.start_date,
                std::string::ToString::to_string,
            ),
            currency_symbol: one.field(
                "currency symbol",
                base.map(|b| &b.currency_symbol),
                &mine.currency_symbol,
                &theirs.currency_symbol,
                |c| format!("{c:?}"),
            ),
            timer: one.field(
                "timer",
                base.map(|b| &b.timer),
                &mine.timer,
                &theirs.timer,
                |timer| match timer {
                    Some(timer) => format!("running since {}", format_date_time(timer.started)),
                    None => "not running".to_owned(),
                },
            ),
        }
    }
}

/// A plan's board taken apart into flat lists: lanes, blocks with their
/// lane, tasks with their block.
struct Board {
    lanes: Vec<LaneHead>,
    blocks: Vec<PlacedBlock>,
    tasks: Vec<PlacedTask>,
}

impl Board {
    fn of(plan: &Plan) -> Board {
        let mut board = Board {
            lanes: Vec::with_capacity(plan.swimlanes.len()),
            blocks: Vec::new(),
            tasks: Vec::new(),
        };
        for lane in &plan.swimlanes {
            board.lanes.push(LaneHead {
                id: lane.id,
                name: lane.name.clone(),
                subtitle: lane.subtitle.clone(),
            });
            for block in &lane.blocks {
                board.blocks.push(PlacedBlock {
                    lane: lane.id,
                    id: block.id,
                    quarters: (block.first_quarter, block.last_quarter),
                });
                board
                    .tasks
                    .extend(block.tasks.iter().map(|task| PlacedTask {
                        block: block.id,
                        task: task.clone(),
                    }));
            }
        }
        board
    }
}

/// The record `key` of the first of the boards (mine, theirs, base) that
/// has it.
fn board_find<R: Record>(
    boards: &[Board; 3],
    list: fn(&Board) -> &Vec<R>,
    key: &R::Key,
) -> Option<R> {
    // `boards` is [base, mine, theirs]; mine is looked at first.
    [&boards[1], &boards[2], &boards[0]]
        .into_iter()
        .find_map(|board| list(board).iter().find(|record| &record.key() == key))
        .cloned()
}

/// The merged board: each lane's blocks and each block's tasks in the order
/// [`list::order`] gives within that lane or block.
fn assemble_board(
    boards: &[Board; 3],
    lanes: HashMap<LaneId, LaneHead>,
    blocks: &HashMap<BlockId, PlacedBlock>,
    mut tasks: HashMap<super::TaskId, PlacedTask>,
) -> Vec<Swimlane> {
    let [b, m, t] = boards;
    let lane_order = {
        let wanted: HashSet<LaneId> = lanes.keys().copied().collect();
        list::order(&keys(&b.lanes), &keys(&m.lanes), &keys(&t.lanes), &wanted)
    };
    // Blocks of each lane in each version, tasks of each block likewise.
    let blocks_in = |board: &Board, lane: LaneId| -> Vec<BlockId> {
        board
            .blocks
            .iter()
            .filter(|block| block.lane == lane)
            .map(|block| block.id)
            .collect()
    };
    let mut tasks_by_block: [HashMap<BlockId, Vec<super::TaskId>>; 3] = Default::default();
    for (index, board) in boards.iter().enumerate() {
        for task in &board.tasks {
            tasks_by_block[index]
                .entry(task.block)
                .or_default()
                .push(task.task.id);
        }
    }
    let mut wanted_tasks: HashMap<BlockId, HashSet<super::TaskId>> = HashMap::new();
    for task in tasks.values() {
        wanted_tasks
            .entry(task.block)
            .or_default()
            .insert(task.task.id);
    }
    let mut wanted_blocks: HashMap<LaneId, HashSet<BlockId>> = HashMap::new();
    for block in blocks.values() {
        wanted_blocks
            .entry(block.lane)
            .or_default()
            .insert(block.id);
    }
    let mut lanes = lanes;
    let mut swimlanes = Vec::with_capacity(lane_order.len());
    for lane_id in lane_order {
        let Some(head) = lanes.remove(&lane_id) else {
            continue;
        };
        let wanted = wanted_blocks.remove(&lane_id).unwrap_or_default();
        let block_order = list::order(
            &blocks_in(b, lane_id),
            &blocks_in(m, lane_id),
            &blocks_in(t, lane_id),
            &wanted,
        );
        let mut lane_blocks = Vec::with_capacity(block_order.len());
        for block_id in block_order {
            let Some(block) = blocks.get(&block_id) else {
                continue;
            };
            let wanted = wanted_tasks.remove(&block_id).unwrap_or_default();
            let empty = Vec::new();
            let in_block = |index: usize| tasks_by_block[index].get(&block_id).unwrap_or(&empty);
            let task_order = list::order(in_block(0), in_block(1), in_block(2), &wanted);
            let block_tasks: Vec<Task> = task_order
                .into_iter()
                .filter_map(|id| tasks.remove(&id))
                .map(|placed| placed.task)
                .collect();
            lane_blocks.push(Block {
                id: block.id,
                first_quarter: block.quarters.0,
                last_quarter: block.quarters.1,
                tasks: block_tasks,
            });
        }
        swimlanes.push(Swimlane {
            id: head.id,
            name: head.name,
            subtitle: head.subtitle,
            blocks: lane_blocks,
        });
    }
    swimlanes
}
