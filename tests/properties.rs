//! Invariants of the readers and writers of outside text, checked on
//! generated plans and values: what Yearplan writes, it reads back the same.
//!
//! Generated text is awkward on purpose: quotes, backslashes, newlines,
//! `#`, `*`, brackets and letters from outside ASCII. The case counts are
//! modest so the whole file runs in seconds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use yearplan::io::csv_money::expenses_to_csv;
use yearplan::io::csv_time::time_entries_to_csv;
use yearplan::io::import::{Choices, Importable, Preview, SkipReason, preview};
use yearplan::io::markdown::{export_markdown, import_markdown};
use yearplan::io::{parse_plan, to_ron_string};
use yearplan::model::amount::{AmountError, amount_text, parse_amount_cents};
use yearplan::model::format::{format_cents, format_hours};
use yearplan::model::hours::parse_hours;
use yearplan::model::import_rules::{ImportRule, ImportRules};
use yearplan::model::ledger::LedgerRecord;
use yearplan::model::validate::{
    MAX_CENTS, MAX_HOURS_PER_ENTRY, MAX_METRIC_MONTHS, MAX_METRIC_WEEKS, MAX_WEEKLY_HOURS,
    MAX_YEAR, MIN_YEAR, validate,
};
use yearplan::model::{
    Block, BlockId, BudgetKind, BudgetLine, CadenceId, CategoryId, EntryId, Expense, ExpenseId,
    LaneId, LineId, MetricId, MetricMeasure, Period, Phase, PhaseStatus, Plan, Quarter, Review,
    ReviewCadence, ReviewId, SuccessMetric, Swimlane, Task, TaskId, TimeCategory, TimeEntry,
};

const CASES: u32 = 128;

fn config() -> ProptestConfig {
    // No regressions file beside the tests: a shrunk failing case is
    // written into the test's comment instead, where a reader sees it.
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Any text at all, newlines and control characters included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,12}",
        "[a-z \"'\\\\#*_\\[\\]<>&`~|!-]{0,12}",
        "[éß€字🙂 a-z\n\r\t]{0,8}",
    ]
}

/// Text a person types into one line of a name field: trimmed, not empty,
/// but with the characters Markdown and CSV give meaning to.
fn line_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éß€字🙂\"'\\\\#*_\\[\\]<>&`~|!:;,.() -]{1,16}"
        .prop_map(|text| text.trim().to_owned())
        .prop_filter("not blank", |text| !text.is_empty())
}

/// A note as a CSV field holds it: anything, newlines and quotes included,
/// without spaces around it (import trims every field).
fn note_text() -> impl Strategy<Value = String> {
    any_text().prop_map(|text| text.trim().to_owned())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap();
    let days = (last - first).num_days();
    (0..=days).prop_map(move |offset| first + chrono::Duration::days(offset))
}

fn quarter() -> impl Strategy<Value = Quarter> {
    prop::sample::select(Quarter::ALL.to_vec())
}

fn span() -> impl Strategy<Value = (Quarter, Quarter)> {
    (quarter(), quarter()).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

fn period() -> impl Strategy<Value = Period> {
    prop::sample::select(vec![
        Period::Weekly,
        Period::Monthly,
        Period::Quarterly,
        Period::Yearly,
    ])
}

/// Hours one entry may hold: above zero, at most a day.
fn entry_hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(MAX_HOURS_PER_ENTRY),
        (1u32..=96).prop_map(|quarters| f64::from(quarters) / 4.0),
        (1e-6f64..=MAX_HOURS_PER_ENTRY),
    ]
}

fn cents() -> impl Strategy<Value = i64> {
    prop_oneof![Just(1), Just(MAX_CENTS), 1..=MAX_CENTS, 1..=100_000i64]
}

/// Currency symbols Yearplan lets a person set.
fn symbol() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["$", "€", "£", "¥", "₹", "CHF", "kr.", "R$", "zł"])
        .prop_map(str::to_owned)
}

/// A task without its id; `phase` is an index into the plan's phases.
#[derive(Clone, Debug)]
struct TaskSeed {
    title: String,
    done_on: Option<Option<NaiveDate>>,
    due: Option<NaiveDate>,
    notes: String,
    phase: Option<usize>,
}

fn task_seed(title: BoxedStrategy<String>) -> impl Strategy<Value = TaskSeed> {
    (
        title,
        prop::option::of(prop::option::of(date())),
        prop::option::of(date()),
        any_text(),
        prop::option::of(any::<usize>()),
    )
        .prop_map(|(title, done_on, due, notes, phase)| TaskSeed {
            title,
            done_on,
            due,
            notes,
            phase,
        })
}

type LaneSeed = (String, String, Vec<((Quarter, Quarter), Vec<TaskSeed>)>);

fn lane_seeds(name: BoxedStrategy<String>) -> impl Strategy<Value = Vec<LaneSeed>> {
    let block = (span(), prop::collection::vec(task_seed(name.clone()), 0..4));
    prop::collection::vec(
        (name.clone(), name, prop::collection::vec(block, 0..3)),
        0..3,
    )
}

/// Lanes, blocks and tasks with ids 1, 2, 3… of their kind, in order, and
/// phase links only to `phase_numbers`.
fn build_lanes(seeds: Vec<LaneSeed>, phase_numbers: &[u32]) -> Vec<Swimlane> {
    let (mut block_id, mut task_id) = (0, 0);
    let mut lanes = Vec::new();
    for (index, (name, subtitle, blocks)) in seeds.into_iter().enumerate() {
        let blocks = blocks
            .into_iter()
            .map(|((first_quarter, last_quarter), tasks)| {
                block_id += 1;
                let tasks = tasks
                    .into_iter()
                    .map(|seed| {
                        task_id += 1;
                        Task {
                            id: TaskId(task_id),
                            title: seed.title,
                            done: seed.done_on.is_some(),
                            done_on: seed.done_on.flatten(),
                            due: seed.due,
                            notes: seed.notes,
                            phase: seed.phase.and_then(|at| {
                                (!phase_numbers.is_empty())
                                    .then(|| phase_numbers[at % phase_numbers.len()])
                            }),
                        }
                    })
                    .collect();
                Block {
                    id: BlockId(block_id),
                    first_quarter,
                    last_quarter,
                    tasks,
                }
            })
            .collect();
        lanes.push(Swimlane {
            id: LaneId(index as u64 + 1),
            name,
            subtitle,
            blocks,
        });
    }
    lanes
}

fn phases() -> impl Strategy<Value = Vec<Phase>> {
    let phase = (
        any_text(),
        quarter(),
        prop::sample::select(vec![
            PhaseStatus::NotStarted,
            PhaseStatus::InProgress,
            PhaseStatus::Done,
        ]),
        prop::option::of(date()),
        prop::option::of(date()),
    );
    (
        prop::collection::btree_set(0u32..20, 0..4),
        prop::collection::vec(phase, 4),
    )
        .prop_map(|(numbers, seeds)| {
            numbers
                .into_iter()
                .zip(seeds)
                .map(|(number, (name, quarter, status, a, b))| {
                    // A phase is not done before it started.
                    let (started_on, done_on) = match (a, b) {
                        (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                        other => other,
                    };
                    Phase {
                        number,
                        name,
                        quarter,
                        status,
                        started_on,
                        done_on,
                    }
                })
                .collect()
        })
}

fn categories(name: BoxedStrategy<String>) -> impl Strategy<Value = Vec<TimeCategory>> {
    let weekly = 0.0..=MAX_WEEKLY_HOURS;
    prop::collection::vec((name, weekly.clone(), weekly), 0..4).prop_map(|seeds| {
        seeds
            .into_iter()
            .enumerate()
            .map(|(index, (name, a, b))| TimeCategory {
                id: CategoryId(index as u64 + 1),
                name,
                weekly_min_hours: a.min(b),
                weekly_max_hours: a.max(b),
            })
            .collect()
    })
}

fn budget_lines(name: BoxedStrategy<String>) -> impl Strategy<Value = Vec<BudgetLine>> {
    let kind = prop_oneof![
        (0..=MAX_CENTS).prop_map(|cents| BudgetKind::Monthly { cents }),
        (0..=MAX_CENTS).prop_map(|cap_cents| BudgetKind::OneTime { cap_cents }),
    ];
    prop::collection::vec((name, kind), 0..4).prop_map(|seeds| {
        seeds
            .into_iter()
            .enumerate()
            .map(|(index, (name, kind))| BudgetLine {
                id: LineId(index as u64 + 1),
                name,
                kind,
            })
            .collect()
    })
}

/// Time entries against `categories` (none when there are none).
fn time_entries(
    count: usize,
    note: BoxedStrategy<String>,
) -> impl Strategy<Value = Vec<(NaiveDate, usize, f64, String)>> {
    prop::collection::vec((date(), any::<usize>(), entry_hours(), note), 0..count)
}

/// The entries `seeds` against `categories`, with the ids 1, 2, 3 and on,
/// so that a round trip compares them exactly.
fn entries_against(
    seeds: Vec<(NaiveDate, usize, f64, String)>,
    categories: &[TimeCategory],
) -> Vec<TimeEntry> {
    if categories.is_empty() {
        return Vec::new();
    }
    seeds
        .into_iter()
        .enumerate()
        .map(|(index, (date, at, hours, note))| TimeEntry {
            id: EntryId(index as u64 + 1),
            date,
            category: categories[at % categories.len()].id,
            hours,
            note,
        })
        .collect()
}

fn expense_seeds(
    count: usize,
    note: BoxedStrategy<String>,
) -> impl Strategy<Value = Vec<(NaiveDate, usize, i64, String)>> {
    prop::collection::vec((date(), any::<usize>(), cents(), note), 0..count)
}

/// The expenses `seeds` against `lines`, with the ids 1, 2, 3 and on.
fn expenses_against(
    seeds: Vec<(NaiveDate, usize, i64, String)>,
    lines: &[BudgetLine],
) -> Vec<Expense> {
    if lines.is_empty() {
        return Vec::new();
    }
    seeds
        .into_iter()
        .enumerate()
        .map(|(index, (date, at, cents, note))| Expense {
            id: ExpenseId(index as u64 + 1),
            date,
            line: lines[at % lines.len()].id,
            cents,
            note,
        })
        .collect()
}

fn metric_measures() -> impl Strategy<Value = MetricMeasure> {
    prop_oneof![
        any::<bool>().prop_map(|done| MetricMeasure::Manual { done }),
        Just(MetricMeasure::PhasesDone),
        any::<usize>().prop_map(|at| MetricMeasure::LaneTasksDone {
            // Fixed up against the plan's lanes in `plan()`.
            lane: LaneId(at as u64),
        }),
        (1..=MAX_METRIC_WEEKS).prop_map(|weeks| MetricMeasure::WeeksInRange { weeks }),
        (1..=MAX_METRIC_MONTHS).prop_map(|months| MetricMeasure::MonthsWithinRunRate { months }),
    ]
}

/// Import rules without their buckets: any text, and `None` or an index
/// into the ledger's buckets.
type RuleSeed = (String, Option<usize>);

fn rule_seeds(count: usize) -> impl Strategy<Value = Vec<RuleSeed>> {
    prop::collection::vec((any_text(), prop::option::of(any::<usize>())), 0..count)
}

/// Rules into `ids` (or nowhere when there are none), leaving out texts of
/// nothing but spaces, which a plan refuses.
fn rules_against<Id: Copy>(seeds: Vec<RuleSeed>, ids: &[Id]) -> Vec<ImportRule<Id>> {
    seeds
        .into_iter()
        .filter(|(contains, _)| !contains.trim().is_empty())
        .map(|(contains, at)| ImportRule {
            contains,
            into: at.and_then(|at| ids.get(at % ids.len().max(1)).copied()),
        })
        .collect()
}

fn import_rules_for((hours, expenses): (Vec<RuleSeed>, Vec<RuleSeed>), plan: &Plan) -> ImportRules {
    let categories: Vec<CategoryId> = plan.time_categories.iter().map(|c| c.id).collect();
    let lines: Vec<LineId> = plan.budget_lines.iter().map(|line| line.id).collect();
    ImportRules {
        hours: rules_against(hours, &categories),
        expenses: rules_against(expenses, &lines),
    }
}

/// A whole plan that passes validation, every part of it generated.
fn plan() -> impl Strategy<Value = Plan> {
    let text = any_text().boxed();
    let head = (
        text.clone(),
        date(),
        any_text(),
        prop::collection::vec(text.clone(), 0..3),
    );
    let board = (lane_seeds(text.clone()), phases());
    let ledgers = (
        categories(text.clone()),
        time_entries(6, text.clone()),
        budget_lines(text.clone()),
        expense_seeds(6, text.clone()),
    );
    let reviews = (
        prop::collection::vec((text.clone(), metric_measures()), 0..4),
        prop::collection::btree_map(period(), text.clone(), 0..3),
        prop::collection::vec((date(), period(), text.clone(), text), 0..3),
    );
    let rules = (rule_seeds(4), rule_seeds(4));
    (head, board, ledgers, reviews, rules).prop_map(
        |(
            (title, start_date, currency_symbol, goals),
            (lanes, phases),
            (time_categories, entries, budget_lines, expenses),
            (metrics, cadences, reviews),
            rules,
        )| {
            let numbers: Vec<u32> = phases.iter().map(|phase| phase.number).collect();
            let swimlanes = build_lanes(lanes, &numbers);
            let success_metrics = metrics
                .into_iter()
                .enumerate()
                .map(|(index, (name, measure))| SuccessMetric {
                    id: MetricId(index as u64 + 1),
                    name,
                    measure: match measure {
                        MetricMeasure::LaneTasksDone { lane } if !swimlanes.is_empty() => {
                            MetricMeasure::LaneTasksDone {
                                lane: swimlanes[lane.0 as usize % swimlanes.len()].id,
                            }
                        }
                        MetricMeasure::LaneTasksDone { .. } => MetricMeasure::PhasesDone,
                        other => other,
                    },
                })
                .collect();
            let mut plan = Plan {
                format_version: yearplan::model::FORMAT_VERSION,
                title,
                start_date,
                currency_symbol,
                goals,
                time_entries: entries_against(entries, &time_categories),
                expenses: expenses_against(expenses, &budget_lines),
                swimlanes,
                phases,
                time_categories,
                budget_lines,
                success_metrics,
                // One a period, each with its period's id.
                review_cadences: cadences
                    .into_iter()
                    .map(|(period, purpose)| ReviewCadence {
                        id: CadenceId::for_period(period),
                        period,
                        purpose,
                    })
                    .collect(),
                reviews: reviews
                    .into_iter()
                    .enumerate()
                    .map(|(index, (date, period, summary, notes))| Review {
                        id: ReviewId(index as u64 + 1),
                        date,
                        period,
                        summary,
                        notes,
                    })
                    .collect(),
                timer: None,
                import_rules: ImportRules::default(),
            };
            plan.import_rules = import_rules_for(rules, &plan);
            plan
        },
    )
}

/// A plan whose import rules are many, under any texts, into its buckets
/// or nowhere.
fn rules_plan() -> impl Strategy<Value = Plan> {
    (
        ledger_plan(any_text().boxed()),
        (rule_seeds(12), rule_seeds(12)),
    )
        .prop_map(|(mut plan, rules)| {
            plan.import_rules = import_rules_for(rules, &plan);
            plan
        })
}

/// A plan with time categories and budget lines under any names, and
/// entries and expenses whose notes are `note`s.
fn ledger_plan(note: BoxedStrategy<String>) -> impl Strategy<Value = Plan> {
    let name = any_text().boxed();
    (
        date(),
        symbol(),
        categories(name.clone()),
        time_entries(12, note.clone()),
        budget_lines(name),
        expense_seeds(12, note),
    )
        .prop_map(|(start, symbol, categories, entries, lines, expenses)| {
            let mut plan = Plan::empty("Ledger", start);
            plan.currency_symbol = symbol;
            plan.time_entries = entries_against(entries, &categories);
            plan.expenses = expenses_against(expenses, &lines);
            plan.time_categories = categories;
            plan.budget_lines = lines;
            plan
        })
}

/// A note as an import writes it: without the padding exports put around
/// fields (spaces, byte-order marks), each line break one space.
fn as_imported(note: &str) -> String {
    note.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
}

fn reasons<R: Importable>(import: &Preview<R>) -> Vec<SkipReason> {
    import
        .skipped
        .iter()
        .map(|row| row.reason.clone())
        .collect()
}

fn nothing_twice<R: Importable + std::fmt::Debug>(
    plan: &Plan,
    export: &str,
    records: usize,
) -> Result<(), TestCaseError> {
    let again: Preview<R> = preview(export.as_bytes(), plan, &Choices::default());
    prop_assert!(
        again.batch.records.is_empty(),
        "{:?}\n{}",
        again.batch.records,
        export
    );
    // Every row is a duplicate, or an entry of under half a second.
    let duplicates = again
        .skipped
        .iter()
        .filter(|row| row.reason == SkipReason::Duplicate)
        .count();
    let zero = again
        .skipped
        .iter()
        .filter(|row| row.reason == SkipReason::Zero)
        .count();
    prop_assert_eq!(
        duplicates + zero,
        records,
        "{:?}\n{}",
        again.skipped,
        export
    );
    Ok(())
}

/// Imported `records` with their ids cleared, to compare with the records
/// exported: an import gives each record a random id. Fails the case first
/// unless every record has an id, no two the same.
fn without_ids<R: LedgerRecord>(records: &[R]) -> Result<Vec<R>, TestCaseError> {
    let ids: HashSet<u64> = records.iter().map(LedgerRecord::record_id).collect();
    prop_assert_eq!(ids.len(), records.len(), "ids repeat: {:?}", records);
    prop_assert!(!ids.contains(&0), "a record has no id: {:?}", records);
    Ok(records
        .iter()
        .cloned()
        .map(|mut record| {
            record.set_record_id(0);
            record
        })
        .collect())
}

/// `records` oldest first, records of one day in their order: the order
/// the CSV exports write.
fn by_date<T: Clone>(records: &[T], date: impl Fn(&T) -> NaiveDate) -> Vec<T> {
    let mut sorted = records.to_vec();
    sorted.sort_by_key(|record| date(record));
    sorted
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Saving writes RON that opens as the very same plan.
    #[test]
    fn a_valid_plan_round_trips_through_the_plan_file(plan in plan()) {
        prop_assert!(validate(&plan).is_ok(), "{:?}", validate(&plan));
        let text = to_ron_string(&plan).unwrap();
        let opened = parse_plan(&text);
        prop_assert!(opened.is_ok(), "{:?}\n{}", opened, text);
        prop_assert_eq!(opened.unwrap(), plan);
    }

    /// The next year's plan, either way the unfinished tasks go, and a
    /// plan's structure are sound plans holding exactly the tasks not done.
    #[test]
    fn the_next_year_of_a_valid_plan_is_a_valid_plan(plan in plan()) {
        use yearplan::model::next_year::Unfinished;
        let start = plan.next_year_start();
        if !yearplan::model::validate::is_within_years(start) {
            // A plan of the last year a plan may have has no next year.
            prop_assert!(plan.next_year(start, Unfinished::KeepQuarter).is_err());
            prop_assert!(plan.structure(start).is_err());
            return Ok(());
        }
        let open = plan.tasks().filter(|task| !task.done).count();
        for unfinished in [Unfinished::KeepQuarter, Unfinished::IntoQ1] {
            let next = plan.next_year(start, unfinished).unwrap();
            prop_assert!(validate(&next).is_ok(), "{:?}", validate(&next));
            prop_assert_eq!(next.tasks().count(), open);
            prop_assert!(next.tasks().all(|task| !task.done));
            prop_assert_eq!(parse_plan(&to_ron_string(&next).unwrap()).unwrap(), next);
        }
        let structure = plan.structure(start).unwrap();
        prop_assert!(validate(&structure).is_ok(), "{:?}", validate(&structure));
        prop_assert_eq!(structure.tasks().count(), plan.tasks().count());
    }

    /// Import rules of any text, quotes, backslashes and newlines included,
    /// are written one a line and read back the same, in their order.
    #[test]
    fn import_rules_round_trip_through_the_plan_file(plan in rules_plan()) {
        prop_assert!(validate(&plan).is_ok(), "{:?}", validate(&plan));
        let text = to_ron_string(&plan).unwrap();
        let opened = parse_plan(&text);
        prop_assert!(opened.is_ok(), "{:?}\n{}", opened, text);
        prop_assert_eq!(opened.unwrap().import_rules, plan.import_rules.clone());
        let rules = plan.import_rules.hours.len() + plan.import_rules.expenses.len();
        let rule_lines = text.lines().filter(|line| line.trim_start().starts_with("(contains: ")).count();
        prop_assert_eq!(rule_lines, rules);
    }

    /// The time log's CSV export, imported into a plan with the same
    /// categories and no entries, gives back the same entries: every
    /// category found by its name or, where the name would not do, its id.
    #[test]
    fn time_entries_round_trip_through_csv(plan in ledger_plan(note_text().boxed())) {
        let bytes = time_entries_to_csv(&plan);
        let mut empty = plan.clone();
        empty.time_entries.clear();
        let import: Preview<TimeEntry> = preview(bytes.as_bytes(), &empty, &Choices::default());
        prop_assert_eq!(import.recognised.as_str(), "Yearplan time log", "{}", bytes);
        prop_assert_eq!(&import.batch.new_buckets, &vec![]);
        // Imports read hours to the second; less than half of one is nothing.
        let expected: Vec<TimeEntry> = by_date(&plan.time_entries, |e| e.date)
            .into_iter()
            .map(|entry| TimeEntry {
                id: EntryId(0),
                hours: (entry.hours * 3600.0).round() / 3600.0,
                note: as_imported(&entry.note),
                ..entry
            })
            .filter(|entry| entry.hours > 0.0)
            .collect();
        let zero = plan.time_entries.len() - expected.len();
        prop_assert_eq!(reasons(&import), vec![SkipReason::Zero; zero], "{}", bytes);
        prop_assert_eq!(without_ids(&import.batch.records)?, expected, "{}", bytes);
    }

    /// The expenses' CSV export, imported into a plan with the same lines
    /// and no expenses, gives back the same expenses.
    #[test]
    fn expenses_round_trip_through_csv(plan in ledger_plan(note_text().boxed())) {
        let bytes = expenses_to_csv(&plan);
        let mut empty = plan.clone();
        empty.expenses.clear();
        let import: Preview<Expense> = preview(bytes.as_bytes(), &empty, &Choices::default());
        prop_assert_eq!(import.recognised.as_str(), "Yearplan expenses", "{}", bytes);
        prop_assert_eq!(import.skipped, vec![], "{}", bytes);
        prop_assert_eq!(&import.batch.new_buckets, &vec![]);
        let expected: Vec<Expense> = by_date(&plan.expenses, |e| e.date)
            .into_iter()
            .map(|expense| Expense {
                id: ExpenseId(0),
                note: as_imported(&expense.note),
                ..expense
            })
            .collect();
        prop_assert_eq!(without_ids(&import.batch.records)?, expected, "{}", bytes);
    }

    /// Importing a plan's own export into it adds nothing: every row is a
    /// duplicate of a record it has, notes on two lines included.
    #[test]
    fn a_plan_s_own_export_adds_nothing_to_it(plan in ledger_plan(note_text().boxed())) {
        nothing_twice::<TimeEntry>(&plan, &time_entries_to_csv(&plan), plan.time_entries.len())?;
        nothing_twice::<Expense>(&plan, &expenses_to_csv(&plan), plan.expenses.len())?;
    }

    /// Hours as the CSV export writes them (Rust's shortest `f64` text)
    /// read back to the same number.
    #[test]
    fn hours_round_trip_through_their_text(hours in entry_hours()) {
        prop_assert_eq!(parse_hours(&hours.to_string()), Ok(hours));
    }

    /// Hours as the tabs show them ("7.5 h") read back as the rounded figure.
    #[test]
    fn shown_hours_read_back_as_shown(tenths in 1u32..=240) {
        let hours = f64::from(tenths) / 10.0;
        prop_assert_eq!(parse_hours(&format_hours(hours)), Ok(hours));
    }

    /// Amounts as the CSV export and the edit field write them read back.
    #[test]
    fn amounts_round_trip_through_their_text(cents in cents(), symbol in symbol()) {
        prop_assert_eq!(parse_amount_cents(&amount_text(cents), &symbol), Ok(cents));
        prop_assert_eq!(parse_amount_cents(&format_cents(cents, &symbol), &symbol), Ok(cents));
        prop_assert_eq!(
            parse_amount_cents(&format_cents(-cents, &symbol), &symbol),
            Err(AmountError::Negative)
        );
    }

    /// The Markdown export imports back into the same lanes, blocks and
    /// task titles.
    ///
    /// Fails today, shrunk to one lane named "A" with the subtitle "(": it
    /// comes back as a lane named "A (" with no subtitle (the export writes
    /// the heading `A (()`, and the import does not read `(` back as the
    /// subtitle).
    #[test]
    #[ignore = "property finding: a subtitle with a parenthesis does not survive the Markdown export"]
    fn markdown_export_imports_back_to_the_same_board(
        lanes in lane_seeds(line_text().boxed()),
    ) {
        prop_assert_eq!(board_after_markdown(lanes.clone()), board_of(lanes));
    }

    /// The same, for names without parentheses.
    #[test]
    fn markdown_export_imports_back_to_the_same_board_without_parentheses(
        lanes in lane_seeds(line_text_without_parentheses().boxed()),
    ) {
        prop_assert_eq!(board_after_markdown(lanes.clone()), board_of(lanes));
    }

    /// A quarter line right after a task, with no blank line between
    /// (which Markdown reads as a lazy line of the task), starts the next
    /// block just as it does after a blank line.
    #[test]
    fn a_quarter_line_needs_no_blank_line_before_it(
        lanes in lane_seeds(line_text_without_parentheses().boxed()),
    ) {
        let plan = board_plan(lanes);
        let spaced = export_markdown(&plan);
        let packed = spaced.replace("\n\n**Q", "\n**Q");
        prop_assert_eq!(
            import_markdown(&packed, plan.start_date).plan,
            import_markdown(&spaced, plan.start_date).plan
        );
    }
}

fn line_text_without_parentheses() -> impl Strategy<Value = String> {
    line_text()
        .prop_map(|text| text.replace(['(', ')'], "").trim().to_owned())
        .prop_filter("not blank", |text| !text.is_empty())
}

fn board_plan(lanes: Vec<LaneSeed>) -> Plan {
    let mut plan = Plan::empty("Board", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    plan.swimlanes = build_lanes(lanes, &[]);
    plan
}

fn board_of(lanes: Vec<LaneSeed>) -> Board {
    board(&board_plan(lanes))
}

fn board_after_markdown(lanes: Vec<LaneSeed>) -> Board {
    let plan = board_plan(lanes);
    board(&import_markdown(&export_markdown(&plan), plan.start_date).plan)
}

/// A plan's lanes as (name, subtitle, blocks as (span, task titles)).
type Board = Vec<(String, String, Vec<((Quarter, Quarter), Vec<String>)>)>;

fn board(plan: &Plan) -> Board {
    plan.swimlanes
        .iter()
        .map(|lane| {
            let blocks = lane
                .blocks
                .iter()
                .map(|block| {
                    let titles = block.tasks.iter().map(|task| task.title.clone()).collect();
                    ((block.first_quarter, block.last_quarter), titles)
                })
                .collect();
            (lane.name.clone(), lane.subtitle.clone(), blocks)
        })
        .collect()
}
