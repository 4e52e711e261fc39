//! The Budget tab: the budget lines, this month's spend and the expenses.

use egui::{RichText, Ui};

use super::PlanView;
use super::widgets::{self, section_heading};
use crate::model::BudgetKind;
use crate::model::format::format_date;
use crate::model::money::spent_on_line_cents;

pub fn ui(ui: &mut Ui, view: &PlanView<'_>) {
    let month = view.this_month();
    section_heading(ui, "Money budget");
    egui::Grid::new("budget_lines")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Line").strong());
            ui.label(RichText::new("Budget").strong());
            ui.label(RichText::new(month.label()).strong());
            ui.label(RichText::new("Spent in plan").strong());
            ui.end_row();
            for line in &view.plan.budget_lines {
                let this_month = view.derived.monthly_spend.cents(month, line.id);
                let spent = spent_on_line_cents(view.plan, line.id);
                ui.label(&line.name);
                let (budget, over) = match line.kind {
                    BudgetKind::Monthly { cents } => {
                        (format!("{}/month", view.money(cents)), this_month > cents)
                    }
                    BudgetKind::OneTime { cap_cents } => {
                        (format!("{} once", view.money(cap_cents)), spent > cap_cents)
                    }
                };
                widgets::number_cell(ui, budget);
                widgets::number_cell(ui, view.money(this_month));
                let spent = RichText::new(view.money(spent));
                widgets::number_cell(
                    ui,
                    if over {
                        spent.color(widgets::OVER_BUDGET)
                    } else {
                        spent
                    },
                );
                ui.end_row();
            }
        });
    ui.label(format!(
        "Monthly run-rate: {}/month · Annual budget: {}",
        view.money(view.derived.run_rate_cents),
        view.money(view.derived.annual_budget_cents)
    ));

    section_heading(ui, "Expenses");
    let expenses = &view.plan.expenses;
    if expenses.is_empty() {
        ui.label(RichText::new("No expenses logged yet.").weak());
        return;
    }
    ui.label(format!("{} expenses, newest first", expenses.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("expenses")
        .show_rows(ui, row_height, expenses.len(), |ui, rows| {
            egui::Grid::new("expenses_grid")
                .num_columns(4)
                .striped(true)
                .min_col_width(80.0)
                .show(ui, |ui| {
                    for &index in &view.derived.expenses_newest_first[rows] {
                        let expense = &expenses[index];
                        ui.label(format_date(expense.date));
                        let line = view
                            .plan
                            .budget_line(expense.line)
                            .map_or("?", |line| line.name.as_str());
                        ui.label(line);
                        widgets::number_cell(ui, view.money(expense.cents));
                        ui.label(&expense.note);
                        ui.end_row();
                    }
                });
        });
}
