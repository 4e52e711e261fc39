//! Expenses as records of the ledger (`ui::ledger`): what the shared form,
//! log and import preview say and do for money.

use egui::Ui;

use crate::model::amount::{amount_text, parse_amount_cents};
use crate::model::calendar::YearMonth;
use crate::model::command::{Command, MoneyCommand};
use crate::model::derived::Derived;
use crate::model::import_rules::ImportBatch;
use crate::model::money::{ExpensesFate, plan_months};
use crate::model::{Expense, LineId};
use crate::ui::PlanView;
use crate::ui::ledger::{EditError, Labels, LedgerRow, RecordsFate};

impl LedgerRow for Expense {
    /// The log is filtered by month, or not at all.
    type Period = Option<YearMonth>;

    const LABELS: Labels = Labels {
        form_title: "Log an expense",
        bucket: ("Line", "line"),
        quantity: ("Amount", "amount"),
        note_hint: "what for",
        no_bucket: "Add a budget line first (on the left).",
        record: ("expense", "expenses"),
        records_are: "",
        log_title: "Expenses",
        nothing_yet: "No expenses logged yet — add your first one above.",
        table_id: "expenses",
        import_title: "Import expenses",
        import_id: "expense_import",
    };
    const QUANTITY_WIDTH: f32 = 100.0;
    const QUANTITY_COLUMN: (f32, f32) = (100.0, 70.0);
    const EDIT_QUANTITY_WIDTH: f32 = 80.0;
    const EDIT_ERROR: EditError = EditError::InFull;

    fn newest_first(derived: &Derived) -> &[usize] {
        &derived.expenses_newest_first
    }

    fn quantity_text(&self, view: &PlanView<'_>) -> String {
        view.money(self.cents)
    }

    fn typed_quantity(&self) -> String {
        amount_text(self.cents)
    }

    fn total_text<'a>(view: &PlanView<'_>, expenses: impl Iterator<Item = &'a Self>) -> String {
        view.money(expenses.fold(0_i64, |sum, expense| sum.saturating_add(expense.cents)))
    }

    #[allow(clippy::cast_possible_truncation)] // a sum of i64 cents, held exactly
    fn total_text_of(view: &PlanView<'_>, cents: f64) -> String {
        view.money(cents.round() as i64)
    }

    fn quantity_hint(view: &PlanView<'_>) -> String {
        format!("{}12.50", view.plan.currency_symbol)
    }

    fn parse_quantity(view: &PlanView<'_>, text: &str) -> Result<i64, String> {
        parse_amount_cents(text, &view.plan.currency_symbol).map_err(|error| error.to_string())
    }

    fn in_period(&self, month: &Option<YearMonth>) -> bool {
        month.is_none_or(|month| YearMonth::of(self.date) == month)
    }

    fn period_filter_ui(ui: &mut Ui, view: &PlanView<'_>, month: &mut Option<YearMonth>) {
        let label = ui.label("month");
        egui::ComboBox::from_id_salt("filter_month")
            .selected_text(month.map_or_else(|| "All".to_owned(), YearMonth::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(month, None, "All");
                for candidate in plan_months(view.plan.start_date) {
                    ui.selectable_value(month, Some(candidate), candidate.label());
                }
            })
            .response
            .labelled_by(label.id);
    }

    fn add_command(self) -> Command {
        Command::Money(MoneyCommand::AddExpense { expense: self })
    }

    fn edit_command(self, index: usize) -> Command {
        Command::Money(MoneyCommand::EditExpense {
            index,
            expense: self,
        })
    }

    fn delete_command(index: usize) -> Command {
        Command::Money(MoneyCommand::DeleteExpense { index })
    }

    fn batch_command(batch: ImportBatch<Expense>) -> Command {
        Command::Money(MoneyCommand::Import(batch))
    }

    fn remove_rule_command(index: usize) -> Command {
        Command::Money(MoneyCommand::RemoveRule { index })
    }

    fn move_rule_command(from: usize, to: usize) -> Command {
        Command::Money(MoneyCommand::MoveRule { from, to })
    }

    fn remove_bucket_command(line: LineId, expenses: RecordsFate<LineId>) -> Command {
        let expenses = match expenses {
            RecordsFate::MoveTo(target) => ExpensesFate::MoveTo(target),
            RecordsFate::Delete => ExpensesFate::Delete,
        };
        Command::Money(MoneyCommand::RemoveLine { line, expenses })
    }
}
