//! The Budget tab: quick entry of expenses, this month against the run-rate,
//! the budget lines, monthly and cumulative spend plotted against the
//! budget, and the list of expenses. The form, the log and the import
//! preview are the ledger's (`ui::ledger`); this tab keeps what is
//! particular to money.

pub(crate) mod charts;
mod expense;
mod month;

use egui::{RichText, Ui};

use super::PlanView;
use super::ledger::{BucketAction, CsvRequest, Ledger, bucket_buttons_ui};
use super::widgets::{section_heading, set_accessible_name};
use crate::model::amount::{amount_text, parse_amount_cents};
use crate::model::command::{Command, MoneyCommand};
use crate::model::{BudgetKind, BudgetLine, Expense, LineId};

/// What the Budget tab asks the app to do outside the plan.
pub type BudgetRequest = CsvRequest;

#[derive(Default)]
pub struct BudgetTab {
    ledger: Ledger<Expense>,
    line_edit: Option<LineEdit>,
    new_line: Option<LineEdit>,
    symbol: Option<String>,
    reset_charts: bool,
}

/// A budget line's name and kind being edited (or a new line being made).
struct LineEdit {
    line: Option<LineId>,
    name: String,
    monthly: bool,
    amount: String,
    error: Option<String>,
}

impl BudgetTab {
    /// Opens the import preview of a file's `bytes`, named `file_name`.
    pub fn show_import(&mut self, file_name: String, bytes: Vec<u8>) {
        self.ledger.show_import(file_name, bytes);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<BudgetRequest> {
        let mut request = None;
        self.ledger.form_ui(ui, view, commands);
        ui.separator();
        egui::Panel::left("budget_side")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("budget_side_scroll")
                    .show(ui, |ui| {
                        month::this_month_ui(ui, view);
                        self.lines_ui(ui, view, commands);
                        self.ledger.rules_ui(ui, view, commands);
                    });
            });
        egui::Panel::bottom("budget_log")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                request = self.ledger.log_ui(ui, view, commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            charts::charts_ui(ui, view, &mut self.reset_charts);
        });
        self.ledger.removal_ui(ui.ctx(), view, commands);
        self.ledger.import_ui(ui.ctx(), view, commands);
        request
    }

    fn lines_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        section_heading(ui, "Budget lines");
        for line in &view.plan.budget_lines {
            let editing = self
                .line_edit
                .as_mut()
                .filter(|edit| edit.line == Some(line.id));
            match editing {
                Some(edit) => {
                    if line_form_ui(ui, view, edit, commands) {
                        self.line_edit = None;
                    }
                }
                None => {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(&line.name).strong());
                        ui.label(kind_text(view, line.kind));
                        match bucket_buttons_ui(ui, &line.name) {
                            Some(BucketAction::Edit) => self.line_edit = Some(LineEdit::of(line)),
                            Some(BucketAction::Remove) => {
                                self.ledger.remove_bucket(view, line.id, commands);
                            }
                            None => {}
                        }
                    });
                }
            }
        }
        match &mut self.new_line {
            None => {
                if ui.button("+ Add budget line").clicked() {
                    self.new_line = Some(LineEdit {
                        line: None,
                        name: String::new(),
                        monthly: true,
                        amount: String::new(),
                        error: None,
                    });
                }
            }
            Some(edit) => {
                if line_form_ui(ui, view, edit, commands) {
                    self.new_line = None;
                }
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("Currency symbol");
            let symbol = self
                .symbol
                .get_or_insert_with(|| view.plan.currency_symbol.clone());
            let field = ui
                .add(egui::TextEdit::singleline(symbol).desired_width(40.0))
                .labelled_by(label.id);
            if field.lost_focus() {
                if *symbol != view.plan.currency_symbol {
                    commands.push(Command::Money(MoneyCommand::SetCurrencySymbol {
                        symbol: symbol.clone(),
                    }));
                }
                self.symbol = None;
            } else if !field.has_focus() {
                // Follow the plan (undo, another plan opened) while not typing.
                self.symbol = None;
            }
        });
    }
}

impl LineEdit {
    fn of(line: &BudgetLine) -> LineEdit {
        let (monthly, cents) = match line.kind {
            BudgetKind::Monthly { cents } => (true, cents),
            BudgetKind::OneTime { cap_cents } => (false, cap_cents),
        };
        LineEdit {
            line: Some(line.id),
            name: line.name.clone(),
            monthly,
            amount: amount_text(cents),
            error: None,
        }
    }
}

/// The form for a budget line, new or existing. Returns whether it is done.
fn line_form_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    edit: &mut LineEdit,
    commands: &mut Vec<Command>,
) -> bool {
    let mut done = false;
    ui.horizontal_wrapped(|ui| {
        let name = ui.add(
            egui::TextEdit::singleline(&mut edit.name)
                .hint_text("Name")
                .desired_width(120.0),
        );
        set_accessible_name(&name, egui::Role::TextInput, "Line name");
        ui.radio_value(&mut edit.monthly, true, "monthly");
        ui.radio_value(&mut edit.monthly, false, "one-time cap");
        let amount = ui.add(
            egui::TextEdit::singleline(&mut edit.amount)
                .hint_text("amount")
                .desired_width(80.0),
        );
        set_accessible_name(&amount, egui::Role::TextInput, "Line amount");
    });
    ui.horizontal(|ui| {
        if ui.small_button("Save line").clicked() {
            // A line being planned may have no amount yet: an empty field is 0.
            let cents = if edit.amount.trim().is_empty() {
                Ok(0)
            } else {
                parse_amount_cents(&edit.amount, &view.plan.currency_symbol)
            };
            match cents {
                Ok(cents) => {
                    let kind = if edit.monthly {
                        BudgetKind::Monthly { cents }
                    } else {
                        BudgetKind::OneTime { cap_cents: cents }
                    };
                    match edit.line.and_then(|id| view.plan.budget_line(id)) {
                        Some(line) => {
                            if edit.name.trim() != line.name {
                                commands.push(Command::Money(MoneyCommand::RenameLine {
                                    line: line.id,
                                    name: edit.name.clone(),
                                }));
                            }
                            if kind != line.kind {
                                commands.push(Command::Money(MoneyCommand::SetLineKind {
                                    line: line.id,
                                    kind,
                                }));
                            }
                        }
                        None => {
                            let line = view.plan.unused_line_id(super::fresh_id_candidate());
                            commands.push(Command::Money(MoneyCommand::AddLine {
                                line,
                                name: edit.name.clone(),
                                kind,
                            }));
                        }
                    }
                    done = true;
                }
                Err(error) => edit.error = Some(error.to_string()),
            }
        }
        if ui.small_button("Cancel").clicked() {
            done = true;
        }
        if let Some(error) = &edit.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    done
}

fn kind_text(view: &PlanView<'_>, kind: BudgetKind) -> String {
    match kind {
        BudgetKind::Monthly { cents } => format!("{}/month", view.money(cents)),
        BudgetKind::OneTime { cap_cents } => format!("{} once", view.money(cap_cents)),
    }
}
