//! The expenses CSV importer, against the plan Yearplan starts with.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yearplan::io::csv_money::parse_expenses_csv;
use yearplan::model::command::{Command, MoneyCommand};

fuzz_target!(|text: &str| {
    let mut plan = yearplan_fuzz::default_plan();
    let import = parse_expenses_csv(text, &plan);
    // The preview promises these rows can be added; the app then applies
    // exactly this command.
    let command = Command::Money(MoneyCommand::ImportExpenses {
        expenses: import.expenses,
    });
    if let Err(error) = plan.apply(&command) {
        panic!("accepted rows are refused on import: {error}");
    }
    yearplan_fuzz::check_figures(&plan);
    yearplan_fuzz::check_saved_and_opened(&plan);
});
