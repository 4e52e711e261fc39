//! This month per budget line against its amount, the run-rate, the
//! one-time caps and the year: the Budget tab's side panel, above the lines.

use egui::{RichText, Ui};

use crate::model::BudgetKind;
use crate::model::money::{cap_statuses, projected_year_end_cents};
use crate::ui::PlanView;
use crate::ui::widgets::{self, section_heading};

/// This month per line against its amount, the total against the run-rate,
/// the one-time caps, and the year's budget and projection.
pub(super) fn this_month_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let month = view.this_month();
    let spend = &view.derived.monthly_spend;
    section_heading(ui, "This month");
    ui.label(RichText::new(month.label()).weak());
    egui::Grid::new("this_month")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for line in &view.plan.budget_lines {
                let BudgetKind::Monthly { cents: budget } = line.kind else {
                    continue;
                };
                let spent = spend.cents(month, line.id);
                ui.label(&line.name);
                money_cell(ui, view, spent, budget);
                ui.label(RichText::new(format!("of {}", view.money(budget))).weak());
                ui.end_row();
            }
            let monthly_total =
                crate::model::money::monthly_lines_spend_cents(view.plan, spend, month);
            ui.label(RichText::new("Run-rate").strong());
            money_cell(ui, view, monthly_total, view.derived.run_rate_cents);
            ui.label(
                RichText::new(format!("of {}", view.money(view.derived.run_rate_cents))).weak(),
            );
            ui.end_row();
        });
    let caps = cap_statuses(view.plan);
    if !caps.is_empty() {
        section_heading(ui, "One-time caps");
        for cap in caps {
            let name = view
                .plan
                .budget_line(cap.line)
                .map_or("?", |line| line.name.as_str());
            let over = cap.left_cents < 0;
            let text = if over {
                format!(
                    "{name}: {} of {} — {} over",
                    view.money(cap.spent_cents),
                    view.money(cap.cap_cents),
                    view.money(-cap.left_cents)
                )
            } else {
                format!(
                    "{name}: {} of {} — {} left",
                    view.money(cap.spent_cents),
                    view.money(cap.cap_cents),
                    view.money(cap.left_cents)
                )
            };
            if over {
                ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
            } else {
                ui.label(text);
            }
            let fraction = if cap.cap_cents > 0 {
                cap.spent_cents as f32 / cap.cap_cents as f32
            } else {
                1.0
            };
            let figure = format!(
                "{} / {}",
                view.money(cap.spent_cents),
                view.money(cap.cap_cents)
            );
            let fill = if over {
                widgets::OVER_BUDGET
            } else {
                ui.visuals().selection.bg_fill
            };
            widgets::figure_bar(
                ui,
                &format!("{name} cap: {figure}"),
                fraction,
                &figure,
                fill,
                240.0,
            );
        }
    }
    section_heading(ui, "The year");
    ui.label(format!(
        "Annual budget {} ({} a month and the one-time caps)",
        view.money(view.derived.annual_budget_cents),
        view.money(view.derived.run_rate_cents)
    ));
    match projected_year_end_cents(view.plan, spend, view.today) {
        Some(projected) => {
            let text = format!("Year-end spend projected at {}", view.money(projected));
            if projected > view.derived.annual_budget_cents {
                ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
            } else {
                ui.label(text);
            }
        }
        None => {
            ui.label(RichText::new("No projection before the plan starts.").weak());
        }
    }
}

/// Spend, red when it is over what was allowed.
fn money_cell(ui: &mut Ui, view: &PlanView<'_>, spent: i64, allowed: i64) {
    let text = RichText::new(view.money(spent));
    let text = if spent > allowed {
        text.color(widgets::OVER_BUDGET)
    } else {
        text
    };
    widgets::number_cell(ui, text);
}
