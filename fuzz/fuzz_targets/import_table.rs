//! The import pipeline for exports (time trackers, banks, budget apps), on
//! any bytes, into both ledgers of the plan Yearplan starts with. Whatever
//! the preview offers must apply as one command, leave a plan that saves and
//! opens again, and importing the same bytes a second time adds nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yearplan::io::import::{Choices, DateOrder, Importable, MapTo, preview};
use yearplan::model::command::{Command, MoneyCommand, TimeCommand};
use yearplan::model::import_rules::ImportBatch;
use yearplan::model::ledger::BucketId;
use yearplan::model::{Expense, Plan, TimeEntry};

fuzz_target!(|bytes: &[u8]| {
    let order = match bytes.first().map(|byte| byte % 3) {
        Some(1) => Some(DateOrder::DayMonth),
        Some(2) => Some(DateOrder::MonthDay),
        _ => None,
    };
    check::<TimeEntry>(bytes, order, |batch| Command::Time(TimeCommand::Import(batch)));
    check::<Expense>(bytes, order, |batch| Command::Money(MoneyCommand::Import(batch)));
});

fn check<R: Importable>(
    bytes: &[u8],
    date_order: Option<DateOrder>,
    command: impl Fn(ImportBatch<R>) -> Command,
) {
    let mut plan: Plan = yearplan_fuzz::default_plan();
    // Every value of the file goes to a new bucket of its own name, so the
    // fuzzer reaches records, new buckets and rules at once.
    let first = preview::<R>(bytes, &plan, &Choices { date_order, ..Choices::default() });
    let mapping: Vec<(String, MapTo<BucketId<R>>)> = first
        .values
        .iter()
        .filter(|value| !value.value.trim().is_empty())
        .map(|value| (value.value.clone(), MapTo::New(value.value.clone())))
        .collect();
    let choices = Choices {
        date_order,
        mapping,
        ..Choices::default()
    };
    let offered = preview::<R>(bytes, &plan, &choices);
    if let Err(error) = plan.apply(&command(offered.batch)) {
        panic!("what the preview offers is refused: {error}");
    }
    yearplan_fuzz::check_figures(&plan);
    yearplan_fuzz::check_saved_and_opened(&plan);
    let again = preview::<R>(bytes, &plan, &choices);
    assert!(
        again.batch.records.is_empty(),
        "importing the same bytes twice adds {} records",
        again.batch.records.len()
    );
}
