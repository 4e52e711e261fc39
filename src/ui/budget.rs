//! The Budget tab: quick entry of expenses, this month against the run-rate,
//! the budget lines, monthly and cumulative spend plotted against the
//! budget, and the list of expenses.

use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::PlanView;
use super::shared::{ImportPreview, Removal, import_preview_ui, removal_question_ui};
use super::widgets::{self, count, date_picker, section_heading, set_accessible_name};
use crate::io::csv_money::ExpenseImport;
use crate::model::amount::{amount_text, parse_amount_cents};
use crate::model::calendar::YearMonth;
use crate::model::command::{Command, MoneyCommand};
use crate::model::format::format_date;
use crate::model::money::{
    ExpensesFate, cap_statuses, cumulative_budget_cents, cumulative_spend_cents, months_elapsed,
    months_over_run_rate, plan_months, projected_year_end_cents,
};
use crate::model::{BudgetKind, BudgetLine, Expense, LineId};

/// What the Budget tab asks the app to do outside the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetRequest {
    ExportCsv,
    ImportCsv,
}

#[derive(Default)]
pub struct BudgetTab {
    form: ExpenseForm,
    filter: ExpenseFilter,
    rows: Option<(u64, ExpenseFilter, Vec<usize>)>,
    editing: Option<ExpenseEdit>,
    line_edit: Option<LineEdit>,
    new_line: Option<LineEdit>,
    removing: Option<RemoveLine>,
    symbol: Option<String>,
    import: Option<ExpenseImport>,
    reset_charts: bool,
}

#[derive(Default)]
struct ExpenseForm {
    date: Option<NaiveDate>,
    line: Option<LineId>,
    amount: String,
    note: String,
    error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ExpenseFilter {
    line: Option<LineId>,
    month: Option<YearMonth>,
    oldest_first: bool,
}

struct ExpenseEdit {
    index: usize,
    date: NaiveDate,
    line: LineId,
    amount: String,
    note: String,
    error: Option<String>,
}

/// A budget line's name and kind being edited (or a new line being made).
struct LineEdit {
    line: Option<LineId>,
    name: String,
    monthly: bool,
    amount: String,
    error: Option<String>,
}

struct RemoveLine {
    line: LineId,
    expenses: usize,
    move_to: Option<LineId>,
}

impl BudgetTab {
    /// Shows what a CSV file would add, for the person to confirm.
    pub fn show_import(&mut self, import: ExpenseImport) {
        self.import = Some(import);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<BudgetRequest> {
        let mut request = None;
        self.form_ui(ui, view, commands);
        ui.separator();
        egui::Panel::left("budget_side")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("budget_side_scroll")
                    .show(ui, |ui| {
                        this_month_ui(ui, view);
                        self.lines_ui(ui, view, commands);
                    });
            });
        egui::Panel::bottom("budget_log")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                request = self.log_ui(ui, view, commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.charts_ui(ui, view);
        });
        self.remove_line_ui(ui.ctx(), view, commands);
        self.import_ui(ui.ctx(), view, commands);
        request
    }

    fn form_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        let form = &mut self.form;
        let lines = &view.plan.budget_lines;
        if form
            .line
            .is_none_or(|id| !lines.iter().any(|line| line.id == id))
        {
            form.line = lines.first().map(|line| line.id);
        }
        let date = form.date.get_or_insert(view.today);
        let mut submit = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Log an expense").strong());
            let label = ui.label("Date");
            date_picker(ui, "expense_date", date).labelled_by(label.id);
            let label = ui.label("Line");
            line_combo(ui, "expense_line", lines, &mut form.line).labelled_by(label.id);
            let label = ui.label("Amount");
            let amount = ui
                .add(
                    egui::TextEdit::singleline(&mut form.amount)
                        .hint_text(format!("{}12.50", view.plan.currency_symbol))
                        .desired_width(100.0),
                )
                .labelled_by(label.id);
            let label = ui.label("Note");
            let note = ui
                .add(
                    egui::TextEdit::singleline(&mut form.note)
                        .hint_text("what for")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            let enter = ui.input(|input| input.key_pressed(egui::Key::Enter));
            if (amount.lost_focus() || note.lost_focus()) && enter {
                submit = true;
                amount.request_focus();
            }
            if ui.button("Add").clicked() {
                submit = true;
            }
            if let Some(error) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        });
        if !submit {
            return;
        }
        let Some(line) = form.line else {
            form.error = Some("Add a budget line first (on the left).".to_owned());
            return;
        };
        match parse_amount_cents(&form.amount, &view.plan.currency_symbol) {
            Ok(cents) => {
                commands.push(Command::Money(MoneyCommand::AddExpense {
                    expense: Expense {
                        date: *date,
                        line,
                        cents,
                        note: form.note.trim().to_owned(),
                    },
                }));
                form.amount.clear();
                form.note.clear();
                form.error = None;
            }
            Err(error) => form.error = Some(error.to_string()),
        }
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
                        let edit = ui.small_button("Edit");
                        set_accessible_name(
                            &edit,
                            egui::Role::Button,
                            &format!("Edit {}", line.name),
                        );
                        if edit.clicked() {
                            self.line_edit = Some(LineEdit::of(line));
                        }
                        let remove = ui.small_button("Remove…");
                        set_accessible_name(
                            &remove,
                            egui::Role::Button,
                            &format!("Remove {}", line.name),
                        );
                        if remove.clicked() {
                            let expenses = view
                                .plan
                                .expenses
                                .iter()
                                .filter(|expense| expense.line == line.id)
                                .count();
                            if expenses == 0 {
                                commands.push(Command::Money(MoneyCommand::RemoveLine {
                                    line: line.id,
                                    expenses: ExpensesFate::Delete,
                                }));
                            } else {
                                self.removing = Some(RemoveLine {
                                    line: line.id,
                                    expenses,
                                    move_to: view
                                        .plan
                                        .budget_lines
                                        .iter()
                                        .find(|other| other.id != line.id)
                                        .map(|other| other.id),
                                });
                            }
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

    fn remove_line_ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(removing) = self.removing.as_mut() else {
            return;
        };
        let Some(line) = view.plan.budget_line(removing.line) else {
            self.removing = None;
            return;
        };
        let others: Vec<(LineId, &str)> = view
            .plan
            .budget_lines
            .iter()
            .filter(|other| other.id != line.id)
            .map(|other| (other.id, other.name.as_str()))
            .collect();
        let answer = removal_question_ui(
            ctx,
            "remove_line",
            &line.name,
            (removing.expenses, "expense", "expenses", ""),
            &others,
            &mut removing.move_to,
        );
        let expenses = match answer {
            None => return,
            Some(Removal::Cancel) => None,
            Some(Removal::MoveTo(target)) => Some(ExpensesFate::MoveTo(target)),
            Some(Removal::Delete) => Some(ExpensesFate::Delete),
        };
        if let Some(expenses) = expenses {
            commands.push(Command::Money(MoneyCommand::RemoveLine {
                line: line.id,
                expenses,
            }));
        }
        self.removing = None;
    }

    fn charts_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Spend per month").heading());
            if ui.button("Reset zoom").clicked() {
                self.reset_charts = true;
            }
        });
        if view.plan.expenses.is_empty() {
            ui.add_space(20.0);
            ui.label(
                RichText::new("No expenses logged yet — add your first one above.")
                    .weak()
                    .italics(),
            );
            return;
        }
        let reset = std::mem::take(&mut self.reset_charts);
        let height = ((ui.available_height() - 40.0) / 2.0).max(140.0);
        egui::ScrollArea::vertical()
            .id_salt("budget_charts_scroll")
            .show(ui, |ui| {
                monthly_chart_ui(ui, view, height, reset);
                ui.label(RichText::new("Cumulative spend").heading());
                cumulative_chart_ui(ui, view, height, reset);
            });
    }

    fn log_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<BudgetRequest> {
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Expenses").heading());
            ui.separator();
            let label = ui.label("Filter by line");
            let mut line = self.filter.line;
            egui::ComboBox::from_id_salt("filter_line")
                .selected_text(
                    line.and_then(|id| view.plan.budget_line(id))
                        .map_or("All", |line| line.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut line, None, "All");
                    for budget_line in &view.plan.budget_lines {
                        ui.selectable_value(&mut line, Some(budget_line.id), &budget_line.name);
                    }
                })
                .response
                .labelled_by(label.id);
            self.filter.line = line;
            let label = ui.label("month");
            let mut month = self.filter.month;
            egui::ComboBox::from_id_salt("filter_month")
                .selected_text(month.map_or_else(|| "All".to_owned(), YearMonth::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut month, None, "All");
                    for candidate in plan_months(view.plan.start_date) {
                        ui.selectable_value(&mut month, Some(candidate), candidate.label());
                    }
                })
                .response
                .labelled_by(label.id);
            self.filter.month = month;
            ui.separator();
            if ui.button("Export CSV…").clicked() {
                request = Some(BudgetRequest::ExportCsv);
            }
            if ui.button("Import CSV…").clicked() {
                request = Some(BudgetRequest::ImportCsv);
            }
        });
        let rows = self.rows(view);
        let shown_cents = rows
            .iter()
            .filter_map(|&index| view.plan.expenses.get(index))
            .fold(0_i64, |sum, expense| sum.saturating_add(expense.cents));
        ui.label(format!(
            "{} shown · {} in total",
            count(rows.len(), "expense", "expenses"),
            view.money(shown_cents)
        ));
        if view.plan.expenses.is_empty() {
            ui.label(RichText::new("No expenses logged yet — add your first one above.").weak());
            return request;
        }
        self.table_ui(ui, view, &rows, commands);
        request
    }

    /// Expenses that pass the filter in display order, rebuilt only when the
    /// plan or the filter changes.
    fn rows(&mut self, view: &PlanView<'_>) -> Vec<usize> {
        if let Some((revision, filter, rows)) = &self.rows
            && *revision == view.revision
            && *filter == self.filter
        {
            return rows.clone();
        }
        let filter = self.filter.clone();
        let mut rows: Vec<usize> = view
            .derived
            .expenses_newest_first
            .iter()
            .copied()
            .filter(|&index| {
                view.plan.expenses.get(index).is_some_and(|expense| {
                    filter.line.is_none_or(|line| expense.line == line)
                        && filter
                            .month
                            .is_none_or(|month| YearMonth::of(expense.date) == month)
                })
            })
            .collect();
        if filter.oldest_first {
            rows.reverse();
        }
        self.rows = Some((view.revision, filter, rows.clone()));
        rows
    }

    fn table_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        rows: &[usize],
        commands: &mut Vec<Command>,
    ) {
        let row_height = ui.spacing().interact_size.y + 4.0;
        let expenses = &view.plan.expenses;
        let mut sort_clicked = false;
        TableBuilder::new(ui)
            .id_salt("expenses")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(150.0).at_least(120.0))
            .column(Column::initial(150.0).at_least(90.0))
            .column(Column::initial(100.0).at_least(70.0))
            .column(Column::exact(124.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(row_height, |mut header| {
                header.col(|ui| {
                    let order = if self.filter.oldest_first {
                        "oldest first"
                    } else {
                        "newest first"
                    };
                    let button = ui.button(format!("Date, {order}"));
                    set_accessible_name(&button, egui::Role::Button, "Sort by date");
                    sort_clicked = button.clicked();
                });
                header.col(|ui| {
                    ui.strong("Line");
                });
                header.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.strong("Amount");
                    });
                });
                header.col(|_| {});
                header.col(|ui| {
                    ui.strong("Note");
                });
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let Some(&index) = rows.get(row.index()) else {
                        return;
                    };
                    let Some(expense) = expenses.get(index) else {
                        return;
                    };
                    match self.editing.as_mut().filter(|edit| edit.index == index) {
                        Some(edit) => {
                            let mut close = false;
                            row.col(|ui| {
                                date_picker(ui, "edit_expense_date", &mut edit.date);
                            });
                            row.col(|ui| {
                                let mut line = Some(edit.line);
                                let combo = line_combo(
                                    ui,
                                    "edit_expense_line",
                                    &view.plan.budget_lines,
                                    &mut line,
                                );
                                set_accessible_name(&combo, egui::Role::ComboBox, "Edit line");
                                if let Some(line) = line {
                                    edit.line = line;
                                }
                            });
                            row.col(|ui| {
                                let field = ui.add(
                                    egui::TextEdit::singleline(&mut edit.amount)
                                        .desired_width(80.0),
                                );
                                set_accessible_name(&field, egui::Role::TextInput, "Edit amount");
                            });
                            row.col(|ui| {
                                if ui.small_button("Save").clicked() {
                                    match parse_amount_cents(
                                        &edit.amount,
                                        &view.plan.currency_symbol,
                                    ) {
                                        Ok(cents) => {
                                            commands.push(Command::Money(
                                                MoneyCommand::EditExpense {
                                                    index,
                                                    expense: Expense {
                                                        date: edit.date,
                                                        line: edit.line,
                                                        cents,
                                                        note: edit.note.trim().to_owned(),
                                                    },
                                                },
                                            ));
                                            close = true;
                                        }
                                        Err(error) => edit.error = Some(error.to_string()),
                                    }
                                }
                                if ui.small_button("Cancel").clicked() {
                                    close = true;
                                }
                                if let Some(error) = &edit.error {
                                    ui.colored_label(ui.visuals().error_fg_color, error);
                                }
                            });
                            row.col(|ui| {
                                let field = ui.add(
                                    egui::TextEdit::singleline(&mut edit.note)
                                        .desired_width(f32::INFINITY),
                                );
                                set_accessible_name(&field, egui::Role::TextInput, "Edit note");
                            });
                            if close {
                                self.editing = None;
                            }
                        }
                        None => {
                            row.col(|ui| {
                                ui.label(format_date(expense.date));
                            });
                            row.col(|ui| {
                                ui.label(
                                    view.plan
                                        .budget_line(expense.line)
                                        .map_or("?", |line| line.name.as_str()),
                                );
                            });
                            row.col(|ui| {
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        ui.label(view.money(expense.cents));
                                    },
                                );
                            });
                            row.col(|ui| {
                                let edit = ui.small_button("Edit");
                                set_accessible_name(
                                    &edit,
                                    egui::Role::Button,
                                    &format!("Edit expense {}", index + 1),
                                );
                                if edit.clicked() {
                                    self.editing = Some(ExpenseEdit {
                                        index,
                                        date: expense.date,
                                        line: expense.line,
                                        amount: amount_text(expense.cents),
                                        note: expense.note.clone(),
                                        error: None,
                                    });
                                }
                                let delete = ui.small_button("Delete");
                                set_accessible_name(
                                    &delete,
                                    egui::Role::Button,
                                    &format!("Delete expense {}", index + 1),
                                );
                                if delete.clicked() {
                                    commands.push(Command::Money(MoneyCommand::DeleteExpense {
                                        index,
                                    }));
                                }
                            });
                            row.col(|ui| {
                                ui.label(&expense.note);
                            });
                        }
                    }
                });
            });
        if sort_clicked {
            self.filter.oldest_first = !self.filter.oldest_first;
        }
    }

    fn import_ui(&mut self, ctx: &egui::Context, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        let Some(import) = &self.import else {
            return;
        };
        let total = import
            .expenses
            .iter()
            .fold(0_i64, |sum, expense| sum.saturating_add(expense.cents));
        let preview = ImportPreview {
            title: "Import expenses from CSV",
            noun: ("expense", "expenses"),
            rows: import
                .expenses
                .iter()
                .map(|expense| {
                    [
                        format_date(expense.date),
                        view.plan
                            .budget_line(expense.line)
                            .map_or_else(|| "?".to_owned(), |line| line.name.clone()),
                        view.money(expense.cents),
                        expense.note.clone(),
                    ]
                })
                .collect(),
            total: format!("Together {}.", view.money(total)),
            rejected: &import.rejected,
            already_in_plan: {
                let key = |expense: &Expense| {
                    (
                        expense.date,
                        expense.line,
                        expense.cents,
                        expense.note.clone(),
                    )
                };
                let known: std::collections::HashSet<_> =
                    view.plan.expenses.iter().map(key).collect();
                import
                    .expenses
                    .iter()
                    .filter(|expense| known.contains(&key(expense)))
                    .count()
            },
        };
        match import_preview_ui(ctx, "expense_import", &preview) {
            Some(true) => {
                commands.push(Command::Money(MoneyCommand::ImportExpenses {
                    expenses: import.expenses.clone(),
                }));
                self.import = None;
            }
            Some(false) => self.import = None,
            None => {}
        }
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

/// This month per line against its amount, the total against the run-rate,
/// the one-time caps, and the year's budget and projection.
fn this_month_ui(ui: &mut Ui, view: &PlanView<'_>) {
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

fn monthly_chart_ui(ui: &mut Ui, view: &PlanView<'_>, height: f32, reset: bool) {
    use egui_plot::{Bar, BarChart, HLine, Legend, Plot};

    let months = plan_months(view.plan.start_date);
    let spend = &view.derived.monthly_spend;
    let over: Vec<YearMonth> = months_over_run_rate(view.plan, spend);
    let palette = line_palette();
    let mut charts: Vec<BarChart> = Vec::new();
    for (index, line) in view.plan.budget_lines.iter().enumerate() {
        let colour = palette[index % palette.len()];
        let bars: Vec<Bar> = months
            .iter()
            .enumerate()
            .map(|(x, month)| {
                let cents = spend.cents(*month, line.id);
                let mut label = format!(
                    "{} · {}: {}\nmonth total {}",
                    month.label(),
                    line.name,
                    view.money(cents),
                    view.money(spend.total(*month))
                );
                if over.contains(month) {
                    label.push_str(" · over the run-rate");
                }
                Bar::new(x as f64, cents as f64 / 100.0)
                    .width(0.7)
                    .name(label)
            })
            .collect();
        let chart = BarChart::new(line.name.clone(), bars)
            .color(colour)
            .element_formatter(Box::new(|bar, _| bar.name.clone()));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let month_labels: Vec<String> = months.iter().map(|month| month.label()).collect();
    let mut plot = Plot::new("monthly_spend")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .y_axis_label(format!("{} per month", view.plan.currency_symbol))
        .x_axis_formatter(month_axis(month_labels))
        .label_formatter(|_| None)
        .include_y(0.0)
        .include_y(view.derived.run_rate_cents as f64 / 100.0 * 1.3)
        .allow_scroll(false);
    if reset {
        plot = plot.reset();
    }
    let run_rate = view.derived.run_rate_cents as f64 / 100.0;
    let run_rate_name = format!("Run-rate {}", view.money(view.derived.run_rate_cents));
    let over_marks: Vec<f64> = over
        .iter()
        .filter_map(|month| months.iter().position(|candidate| candidate == month))
        .map(|x| x as f64)
        .collect();
    plot.show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
        plot_ui.hline(
            HLine::new(run_rate_name, run_rate)
                .color(widgets::OVER_BUDGET.gamma_multiply(0.8))
                .width(1.5),
        );
        if !over_marks.is_empty() {
            let points: Vec<[f64; 2]> = over_marks.iter().map(|&x| [x, run_rate * 1.2]).collect();
            plot_ui.points(
                egui_plot::Points::new("Over the run-rate", points)
                    .shape(egui_plot::MarkerShape::Down)
                    .radius(5.0)
                    .color(widgets::OVER_BUDGET),
            );
        }
    });
}

fn cumulative_chart_ui(ui: &mut Ui, view: &PlanView<'_>, height: f32, reset: bool) {
    use egui_plot::{HLine, Legend, Line, Plot};

    let months = plan_months(view.plan.start_date);
    let spend = &view.derived.monthly_spend;
    let elapsed = months_elapsed(view.plan.start_date, view.today);
    let cumulative = cumulative_spend_cents(spend, &months);
    let spent: Vec<[f64; 2]> = cumulative
        .iter()
        .take(elapsed.max(1))
        .enumerate()
        .map(|(x, &cents)| [x as f64, cents as f64 / 100.0])
        .collect();
    let budget: Vec<[f64; 2]> = (0..months.len())
        .map(|x| {
            [
                x as f64,
                cumulative_budget_cents(view.plan, x + 1) as f64 / 100.0,
            ]
        })
        .collect();
    let projection = projected_year_end_cents(view.plan, spend, view.today);
    let month_labels: Vec<String> = months.iter().map(|month| month.label()).collect();
    let mut plot = Plot::new("cumulative_spend")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .y_axis_label(format!("{} so far", view.plan.currency_symbol))
        .x_axis_formatter(month_axis(month_labels))
        .include_y(0.0)
        .allow_scroll(false);
    if reset {
        plot = plot.reset();
    }
    let annual = view.derived.annual_budget_cents as f64 / 100.0;
    let annual_name = format!(
        "Annual budget {}",
        view.money(view.derived.annual_budget_cents)
    );
    let last_spent = spent.last().copied();
    let last_x = months.len().saturating_sub(1) as f64;
    let projection_name = projection.map(|cents| format!("Projection {}", view.money(cents)));
    plot.show(ui, |plot_ui| {
        plot_ui.line(
            Line::new("Cumulative budget", budget)
                .color(widgets::IN_RANGE)
                .style(egui_plot::LineStyle::dashed_loose()),
        );
        plot_ui.line(
            Line::new("Spent", spent)
                .color(widgets::OVER_HOURS)
                .width(2.0),
        );
        if let (Some(cents), Some(name), Some([x, y])) = (projection, projection_name, last_spent) {
            plot_ui.line(
                Line::new(name, vec![[x, y], [last_x, cents as f64 / 100.0]])
                    .color(widgets::OVER_HOURS.gamma_multiply(0.6))
                    .style(egui_plot::LineStyle::dotted_dense()),
            );
        }
        plot_ui.hline(
            HLine::new(annual_name, annual)
                .color(widgets::UNDER)
                .width(1.0),
        );
    });
}

/// Labels the x axis with month names at whole numbers.
fn month_axis(
    labels: Vec<String>,
) -> impl Fn(egui_plot::GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _range| {
        let index = mark.value.round();
        if (mark.value - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        labels.get(index as usize).cloned().unwrap_or_default()
    }
}

/// Colours for budget lines in the stacked chart, distinct from the state colours.
fn line_palette() -> [egui::Color32; 6] {
    [
        egui::Color32::from_rgb(0x6c, 0x8e, 0xbf),
        egui::Color32::from_rgb(0x9b, 0x7b, 0xc4),
        egui::Color32::from_rgb(0x4f, 0xa3, 0xa5),
        egui::Color32::from_rgb(0xc4, 0x8f, 0x6a),
        egui::Color32::from_rgb(0x8a, 0x9a, 0x5b),
        egui::Color32::from_rgb(0xb5, 0x6f, 0x8f),
    ]
}

fn kind_text(view: &PlanView<'_>, kind: BudgetKind) -> String {
    match kind {
        BudgetKind::Monthly { cents } => format!("{}/month", view.money(cents)),
        BudgetKind::OneTime { cap_cents } => format!("{} once", view.money(cap_cents)),
    }
}

fn line_combo(
    ui: &mut Ui,
    id_salt: &str,
    lines: &[BudgetLine],
    selected: &mut Option<LineId>,
) -> egui::Response {
    let text = selected
        .and_then(|id| lines.iter().find(|line| line.id == id))
        .map_or("—", |line| line.name.as_str());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for line in lines {
                ui.selectable_value(selected, Some(line.id), &line.name);
            }
        })
        .response
}
