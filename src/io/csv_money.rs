//! The expenses as CSV: `date,line,amount,note`, one expense a row.
//!
//! Export writes what a spreadsheet and Yearplan's import both read: ISO
//! dates, budget lines by name (by id where a name would not do), amounts
//! as `1234.56` (no symbol, no grouping, so the field never needs quotes),
//! notes quoted when they need to be. The import pipeline knows this file
//! as "Yearplan expenses".

use super::csv_ledger::{LedgerCsv, ledger_to_csv};
use crate::model::amount::amount_text;
use crate::model::{Expense, Plan};

/// The header row export writes.
pub const HEADER: &str = "date,line,amount,note";

impl LedgerCsv for Expense {
    const HEADER: &'static str = HEADER;

    /// `1234.56`: no symbol and no grouping, so the field never needs quotes.
    fn quantity_text(&self) -> String {
        amount_text(self.cents)
    }
}

/// The plan's expenses as CSV, oldest first (expenses of one day in the
/// plan's order), with a header row.
pub fn expenses_to_csv(plan: &Plan) -> String {
    ledger_to_csv::<Expense>(plan)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::HashSet;

    use chrono::NaiveDate;

    use super::*;
    use crate::io::import::{Choices, Preview, preview};
    use crate::model::command::{Command, MoneyCommand};
    use crate::model::money::monthly_spend;
    use crate::model::validate::MAX_CENTS;
    use crate::model::{ExpenseId, LineId};

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn expense(date: NaiveDate, line: u64, cents: i64, note: &str) -> Expense {
        Expense {
            id: Default::default(),
            date,
            line: LineId(line),
            cents,
            note: note.to_owned(),
        }
    }

    /// `expenses` with their ids cleared, to compare imported expenses with
    /// the ones exported: an import gives each expense a random id. Checks
    /// first that every expense has an id, no two the same.
    fn without_ids(expenses: &[Expense]) -> Vec<Expense> {
        let ids: HashSet<ExpenseId> = expenses.iter().map(|expense| expense.id).collect();
        assert_eq!(ids.len(), expenses.len(), "ids repeat: {expenses:?}");
        assert!(
            !ids.contains(&ExpenseId(0)),
            "an expense has no id: {expenses:?}"
        );
        expenses
            .iter()
            .map(|expense| Expense {
                id: ExpenseId(0),
                ..expense.clone()
            })
            .collect()
    }

    /// The seed's budget lines: Books (1), Infrastructure (2), Tools/Services (3).
    fn seed() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    fn imported(text: &str, plan: &Plan) -> Preview<Expense> {
        preview(text.as_bytes(), plan, &Choices::default())
    }

    #[test]
    fn export_writes_a_header_and_rows_oldest_first() {
        let mut plan = seed();
        plan.expenses = vec![
            expense(day(2026, 3, 3), 2, 10_000, "VPS, March"),
            expense(day(2026, 3, 2), 1, 4_599, "Elixir in Action"),
            expense(day(2026, 3, 2), 3, 1_000, "He said \"ship it\""),
            expense(day(2026, 3, 4), 3, 123_456, "line one\nline two"),
            expense(day(2026, 3, 5), 2, 5, ""),
        ];
        assert_eq!(
            expenses_to_csv(&plan),
            "date,line,amount,note\n\
             2026-03-02,Books,45.99,Elixir in Action\n\
             2026-03-02,Tools/Services,10.00,\"He said \"\"ship it\"\"\"\n\
             2026-03-03,Infrastructure,100.00,\"VPS, March\"\n\
             2026-03-04,Tools/Services,1234.56,\"line one\nline two\"\n\
             2026-03-05,Infrastructure,0.05,\n"
        );
        assert_eq!(
            expenses_to_csv(&Plan::empty("", day(2026, 1, 1))),
            "date,line,amount,note\n"
        );
    }

    #[test]
    fn export_then_import_gives_the_same_expenses() {
        let mut plan = seed();
        plan.currency_symbol = "€".to_owned();
        plan.budget_lines[2].name = "Tools; Services, \"SaaS\"".to_owned();
        let mut expenses = vec![
            expense(day(2026, 1, 5), 1, 4_599, "Elixir in Action, 2nd ed."),
            expense(day(2026, 1, 5), 3, 10, "quotes \"inside\" and ; semicolons"),
            expense(day(2026, 1, 4), 2, 20, "two\nlines\r\nand CRLF"),
            expense(day(2026, 1, 7), 2, MAX_CENTS, ""),
            expense(day(2026, 1, 8), 3, 1, "Ünïcode ✓ — €"),
            expense(day(1900, 1, 1), 1, 100, "date"),
            expense(day(2200, 12, 31), 3, 99_999, ","),
        ];
        plan.expenses = expenses.clone();
        let text = expenses_to_csv(&plan);
        let mut fresh = plan.clone();
        fresh.expenses.clear();
        let import = imported(&text, &fresh);
        assert_eq!(import.recognised, "Yearplan expenses");
        assert_eq!(import.skipped, []);
        expenses.sort_by_key(|expense| expense.date);
        expenses[1].note = "two lines and CRLF".to_owned();
        let records = import.batch.records.clone();
        assert_eq!(without_ids(&records), expenses);

        // Confirming the import into a plan without them gives the same spend.
        let confirmed = fresh.apply(&Command::Money(MoneyCommand::Import(import.batch)));
        assert_eq!(confirmed, Ok(true));
        // The ids the import drew are the ones the plan keeps.
        assert_eq!(fresh.expenses, records);
        assert_eq!(monthly_spend(&fresh), monthly_spend(&plan));

        // Into the plan it came from, it adds nothing.
        let again = imported(&text, &plan);
        assert_eq!(again.batch.records, []);
        assert_eq!(again.skipped.len(), 7);
    }

    #[test]
    fn lines_that_names_cannot_tell_apart_export_by_id() {
        let mut plan = seed();
        plan.budget_lines[1].name = "books".to_owned();
        plan.budget_lines[2].name = "  ".to_owned();
        plan.expenses = vec![
            expense(day(2026, 1, 5), 1, 100, ""),
            expense(day(2026, 1, 5), 2, 200, ""),
            expense(day(2026, 1, 5), 3, 300, ""),
        ];
        let text = expenses_to_csv(&plan);
        assert_eq!(
            text,
            "date,line,amount,note\n2026-01-05,1,1.00,\n2026-01-05,2,2.00,\n2026-01-05,3,3.00,\n"
        );
        let mut fresh = plan.clone();
        fresh.expenses.clear();
        assert_eq!(
            without_ids(&imported(&text, &fresh).batch.records),
            plan.expenses
        );
    }
}
