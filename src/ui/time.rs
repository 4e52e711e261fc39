//! The Time tab: quick entry of hours, this week against the targets, the
//! targets themselves, weekly hours plotted against the target bands, and
//! the log of entries.

use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::PlanView;
use super::shared::{ImportPreview, Removal, import_preview_ui, removal_question_ui};
use super::widgets::{
    self, count, date_picker, hours_state_colour, hours_state_label, section_heading,
    set_accessible_name,
};
use crate::io::csv_time::TimeImport;
use crate::model::calendar::IsoWeek;
use crate::model::command::{Command, TimeCommand};
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::hours::parse_hours;
use crate::model::time::{
    EntriesFate, TargetState, hours_to_minimum, last_complete_week, plan_weeks,
    rolling_average_hours, target_state,
};
use crate::model::{CategoryId, TimeCategory, TimeEntry};

/// What the Time tab asks the app to do outside the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeRequest {
    ExportCsv,
    ImportCsv,
}

/// What the Time tab remembers between frames.
#[derive(Default)]
pub struct TimeTab {
    form: EntryForm,
    filter: EntryFilter,
    /// Entry indices that pass the filter, in the order shown, for one
    /// revision of the plan and one filter: rebuilt only when either changes.
    rows: Option<(u64, EntryFilter, Vec<usize>)>,
    editing: Option<EntryEdit>,
    targets: Option<TargetEdit>,
    new_category: Option<NewCategory>,
    removing: Option<RemoveCategory>,
    import: Option<TimeImport>,
    reset_chart: bool,
}

/// The quick-entry form at the top of the tab.
#[derive(Default)]
struct EntryForm {
    /// `None` until first shown, then the day the person picked (today at first).
    date: Option<NaiveDate>,
    category: Option<CategoryId>,
    hours: String,
    note: String,
    error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct EntryFilter {
    category: Option<CategoryId>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    oldest_first: bool,
}

/// An entry being edited in its row.
struct EntryEdit {
    index: usize,
    date: NaiveDate,
    category: CategoryId,
    hours: String,
    note: String,
    error: Option<String>,
}

/// A category's name and weekly range being edited.
struct TargetEdit {
    category: CategoryId,
    name: String,
    min_hours: f64,
    max_hours: f64,
}

struct NewCategory {
    name: String,
    min_hours: f64,
    max_hours: f64,
}

/// Removing a category that has entries: where they go.
struct RemoveCategory {
    category: CategoryId,
    entries: usize,
    move_to: Option<CategoryId>,
}

impl TimeTab {
    /// Shows what a CSV file would add, for the person to confirm.
    pub fn show_import(&mut self, import: TimeImport) {
        self.import = Some(import);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<TimeRequest> {
        let mut request = None;
        self.entry_form_ui(ui, view, commands);
        ui.separator();
        egui::Panel::left("time_side")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("time_side_scroll")
                    .show(ui, |ui| {
                        this_week_ui(ui, view);
                        self.targets_ui(ui, view, commands);
                    });
            });
        egui::Panel::bottom("time_log")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                request = self.log_ui(ui, view, commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.chart_ui(ui, view);
        });
        self.remove_category_ui(ui.ctx(), view, commands);
        self.import_ui(ui.ctx(), view, commands);
        request
    }

    fn entry_form_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        let form = &mut self.form;
        let categories = &view.plan.time_categories;
        if form
            .category
            .is_none_or(|id| !categories.iter().any(|category| category.id == id))
        {
            form.category = categories.first().map(|category| category.id);
        }
        let date = form.date.get_or_insert(view.today);
        let mut submit = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Log hours").strong());
            let label = ui.label("Date");
            date_picker(ui, "entry_date", date).labelled_by(label.id);
            let label = ui.label("Category");
            category_combo(ui, "entry_category", categories, &mut form.category)
                .labelled_by(label.id);
            let label = ui.label("Hours");
            let hours = ui
                .add(
                    egui::TextEdit::singleline(&mut form.hours)
                        .hint_text("1.5, 1:30, 90m")
                        .desired_width(120.0),
                )
                .labelled_by(label.id);
            let label = ui.label("Note");
            let note = ui
                .add(
                    egui::TextEdit::singleline(&mut form.note)
                        .hint_text("what you did")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            let enter = ui.input(|input| input.key_pressed(egui::Key::Enter));
            if (hours.lost_focus() || note.lost_focus()) && enter {
                submit = true;
                hours.request_focus();
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
        let Some(category) = form.category else {
            form.error = Some("Add a time category first (on the left).".to_owned());
            return;
        };
        match parse_hours(&form.hours) {
            Ok(hours) => {
                commands.push(Command::Time(TimeCommand::AddEntry {
                    entry: TimeEntry {
                        date: *date,
                        category,
                        hours,
                        note: form.note.trim().to_owned(),
                    },
                }));
                form.hours.clear();
                form.note.clear();
                form.error = None;
            }
            Err(error) => form.error = Some(error.to_string()),
        }
    }

    fn targets_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        section_heading(ui, "Weekly targets");
        egui::Grid::new("time_targets")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for category in &view.plan.time_categories {
                    self.target_row_ui(ui, view, category, commands);
                    ui.end_row();
                }
            });
        ui.add_space(4.0);
        match &mut self.new_category {
            None => {
                if ui.button("+ Add category").clicked() {
                    self.new_category = Some(NewCategory {
                        name: String::new(),
                        min_hours: 5.0,
                        max_hours: 10.0,
                    });
                }
            }
            Some(new) => {
                let mut close = false;
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut new.name)
                            .hint_text("Name")
                            .desired_width(120.0),
                    );
                    set_accessible_name(&field, egui::Role::TextInput, "New category name");
                    hours_range_ui(ui, &mut new.min_hours, &mut new.max_hours, "New category");
                });
                ui.horizontal(|ui| {
                    if ui.button("Add category").clicked() {
                        let category = view.plan.unused_category_id(super::fresh_id_candidate());
                        commands.push(Command::Time(TimeCommand::AddCategory {
                            category,
                            name: new.name.clone(),
                            min_hours: new.min_hours,
                            max_hours: new.max_hours,
                        }));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                if close {
                    self.new_category = None;
                }
            }
        }
    }

    fn target_row_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        category: &TimeCategory,
        commands: &mut Vec<Command>,
    ) {
        let editing = self
            .targets
            .as_mut()
            .filter(|edit| edit.category == category.id);
        let Some(edit) = editing else {
            ui.label(&category.name);
            ui.label(format_hours_range(
                category.weekly_min_hours,
                category.weekly_max_hours,
            ));
            ui.horizontal(|ui| {
                let edit_button = ui.small_button("Edit");
                set_accessible_name(
                    &edit_button,
                    egui::Role::Button,
                    &format!("Edit {}", category.name),
                );
                if edit_button.clicked() {
                    self.targets = Some(TargetEdit {
                        category: category.id,
                        name: category.name.clone(),
                        min_hours: category.weekly_min_hours,
                        max_hours: category.weekly_max_hours,
                    });
                }
                let remove = ui.small_button("Remove…");
                set_accessible_name(
                    &remove,
                    egui::Role::Button,
                    &format!("Remove {}", category.name),
                );
                if remove.clicked() {
                    let entries = view
                        .plan
                        .time_entries
                        .iter()
                        .filter(|entry| entry.category == category.id)
                        .count();
                    if entries == 0 {
                        commands.push(Command::Time(TimeCommand::RemoveCategory {
                            category: category.id,
                            entries: EntriesFate::Delete,
                        }));
                    } else {
                        self.removing = Some(RemoveCategory {
                            category: category.id,
                            entries,
                            move_to: view
                                .plan
                                .time_categories
                                .iter()
                                .find(|other| other.id != category.id)
                                .map(|other| other.id),
                        });
                    }
                }
            });
            return;
        };
        let name = ui.add(egui::TextEdit::singleline(&mut edit.name).desired_width(120.0));
        set_accessible_name(&name, egui::Role::TextInput, "Category name");
        hours_range_ui(ui, &mut edit.min_hours, &mut edit.max_hours, &category.name);
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.small_button("Save").clicked() {
                if edit.name.trim() != category.name {
                    commands.push(Command::Time(TimeCommand::RenameCategory {
                        category: category.id,
                        name: edit.name.clone(),
                    }));
                }
                if edit.min_hours != category.weekly_min_hours
                    || edit.max_hours != category.weekly_max_hours
                {
                    commands.push(Command::Time(TimeCommand::SetCategoryTarget {
                        category: category.id,
                        min_hours: edit.min_hours,
                        max_hours: edit.max_hours,
                    }));
                }
                close = true;
            }
            if ui.small_button("Cancel").clicked() {
                close = true;
            }
        });
        if close {
            self.targets = None;
        }
    }

    fn remove_category_ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(removing) = self.removing.as_mut() else {
            return;
        };
        let Some(category) = view.plan.category(removing.category) else {
            self.removing = None;
            return;
        };
        let others: Vec<(CategoryId, &str)> = view
            .plan
            .time_categories
            .iter()
            .filter(|other| other.id != category.id)
            .map(|other| (other.id, other.name.as_str()))
            .collect();
        let answer = removal_question_ui(
            ctx,
            "remove_category",
            &category.name,
            (removing.entries, "entry", "entries", " logged"),
            &others,
            &mut removing.move_to,
        );
        let entries = match answer {
            None => return,
            Some(Removal::Cancel) => None,
            Some(Removal::MoveTo(target)) => Some(EntriesFate::MoveTo(target)),
            Some(Removal::Delete) => Some(EntriesFate::Delete),
        };
        if let Some(entries) = entries {
            commands.push(Command::Time(TimeCommand::RemoveCategory {
                category: category.id,
                entries,
            }));
        }
        self.removing = None;
    }

    fn chart_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Hours per week").heading());
            if ui.button("Reset zoom").clicked() {
                self.reset_chart = true;
            }
        });
        if view.derived.weekly_hours.is_empty() {
            ui.add_space(20.0);
            ui.label(
                RichText::new("No hours logged yet — add your first entry above.")
                    .weak()
                    .italics(),
            );
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Bars:").weak());
            for state in [TargetState::Under, TargetState::InRange, TargetState::Over] {
                widgets::swatch(ui, hours_state_colour(state));
                ui.label(RichText::new(hours_state_label(state)).weak());
            }
            ui.label(RichText::new("· the shaded band is the weekly target").weak());
        });
        let weeks = plan_weeks(view.plan.start_date);
        let reset = std::mem::take(&mut self.reset_chart);
        let categories = &view.plan.time_categories;
        let plots = categories.len() + 1;
        let height = ((ui.available_height() - 8.0) / plots as f32).max(110.0);
        egui::ScrollArea::vertical()
            .id_salt("time_chart_scroll")
            .show(ui, |ui| {
                for category in categories {
                    let hours: Vec<f64> = weeks
                        .iter()
                        .map(|week| view.derived.weekly_hours.hours(*week, category.id))
                        .collect();
                    week_chart_ui(
                        ui,
                        &category.name,
                        &weeks,
                        &hours,
                        (category.weekly_min_hours, category.weekly_max_hours),
                        height,
                        reset,
                    );
                }
                let totals: Vec<f64> = weeks
                    .iter()
                    .map(|week| view.derived.weekly_hours.total(*week))
                    .collect();
                week_chart_ui(
                    ui,
                    "Total",
                    &weeks,
                    &totals,
                    view.derived.weekly_target_hours,
                    height,
                    reset,
                );
            });
    }

    fn log_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<TimeRequest> {
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Logged hours").heading());
            ui.separator();
            let label = ui.label("Filter by category");
            let mut filter_category = self.filter.category;
            egui::ComboBox::from_id_salt("filter_category")
                .selected_text(
                    filter_category
                        .and_then(|id| view.plan.category(id))
                        .map_or("All", |category| category.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter_category, None, "All");
                    for category in &view.plan.time_categories {
                        ui.selectable_value(
                            &mut filter_category,
                            Some(category.id),
                            &category.name,
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            self.filter.category = filter_category;
            optional_date_ui(ui, "From", "filter_from", &mut self.filter.from, view.today);
            optional_date_ui(ui, "To", "filter_to", &mut self.filter.to, view.today);
            ui.separator();
            if ui.button("Export CSV…").clicked() {
                request = Some(TimeRequest::ExportCsv);
            }
            if ui.button("Import CSV…").clicked() {
                request = Some(TimeRequest::ImportCsv);
            }
        });

        let rows = self.rows(view);
        let shown_hours: f64 = rows
            .iter()
            .filter_map(|&index| view.plan.time_entries.get(index))
            .map(|entry| entry.hours)
            .sum();
        ui.label(format!(
            "{} shown · {} in total",
            count(rows.len(), "entry", "entries"),
            format_hours(shown_hours)
        ));
        if view.plan.time_entries.is_empty() {
            ui.label(RichText::new("No hours logged yet — add your first entry above.").weak());
            return request;
        }
        self.table_ui(ui, view, &rows, commands);
        request
    }

    /// The entries that pass the filter, in display order; cached per
    /// revision of the plan and filter, so a frame never sorts 20,000 entries.
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
            .entries_newest_first
            .iter()
            .copied()
            .filter(|&index| {
                view.plan.time_entries.get(index).is_some_and(|entry| {
                    filter
                        .category
                        .is_none_or(|category| entry.category == category)
                        && filter.from.is_none_or(|from| entry.date >= from)
                        && filter.to.is_none_or(|to| entry.date <= to)
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
        let entries = &view.plan.time_entries;
        let mut sort_clicked = false;
        TableBuilder::new(ui)
            .id_salt("time_entries")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(150.0).at_least(120.0))
            .column(Column::initial(150.0).at_least(90.0))
            .column(Column::initial(80.0).at_least(60.0))
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
                    ui.strong("Category");
                });
                header.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.strong("Hours");
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
                    let Some(entry) = entries.get(index) else {
                        return;
                    };
                    let editing = self.editing.as_mut().filter(|edit| edit.index == index);
                    match editing {
                        Some(edit) => {
                            let mut close = false;
                            row.col(|ui| {
                                date_picker(ui, "edit_entry_date", &mut edit.date);
                            });
                            row.col(|ui| {
                                let mut category = Some(edit.category);
                                let combo = category_combo(
                                    ui,
                                    "edit_entry_category",
                                    &view.plan.time_categories,
                                    &mut category,
                                );
                                set_accessible_name(&combo, egui::Role::ComboBox, "Edit category");
                                if let Some(category) = category {
                                    edit.category = category;
                                }
                            });
                            row.col(|ui| {
                                let field = ui.add(
                                    egui::TextEdit::singleline(&mut edit.hours).desired_width(70.0),
                                );
                                set_accessible_name(&field, egui::Role::TextInput, "Edit hours");
                                if let Some(error) = &edit.error {
                                    field.on_hover_text(error);
                                }
                            });
                            row.col(|ui| {
                                if ui.small_button("Save").clicked() {
                                    match parse_hours(&edit.hours) {
                                        Ok(hours) => {
                                            commands.push(Command::Time(TimeCommand::EditEntry {
                                                index,
                                                entry: TimeEntry {
                                                    date: edit.date,
                                                    category: edit.category,
                                                    hours,
                                                    note: edit.note.trim().to_owned(),
                                                },
                                            }));
                                            close = true;
                                        }
                                        Err(error) => edit.error = Some(error.to_string()),
                                    }
                                }
                                if ui.small_button("Cancel").clicked() {
                                    close = true;
                                }
                                if let Some(error) = &edit.error {
                                    ui.colored_label(ui.visuals().error_fg_color, "!")
                                        .on_hover_text(error);
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
                                ui.label(format_date(entry.date));
                            });
                            row.col(|ui| {
                                ui.label(
                                    view.plan
                                        .category(entry.category)
                                        .map_or("?", |category| category.name.as_str()),
                                );
                            });
                            row.col(|ui| {
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        ui.label(format_hours(entry.hours));
                                    },
                                );
                            });
                            row.col(|ui| {
                                let edit = ui.small_button("Edit");
                                set_accessible_name(
                                    &edit,
                                    egui::Role::Button,
                                    &format!("Edit entry {}", index + 1),
                                );
                                if edit.clicked() {
                                    self.editing = Some(EntryEdit {
                                        index,
                                        date: entry.date,
                                        category: entry.category,
                                        hours: plain_hours(entry.hours),
                                        note: entry.note.clone(),
                                        error: None,
                                    });
                                }
                                let delete = ui.small_button("Delete");
                                set_accessible_name(
                                    &delete,
                                    egui::Role::Button,
                                    &format!("Delete entry {}", index + 1),
                                );
                                if delete.clicked() {
                                    commands
                                        .push(Command::Time(TimeCommand::DeleteEntry { index }));
                                }
                            });
                            row.col(|ui| {
                                ui.label(&entry.note);
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
        let total: f64 = import.entries.iter().map(|entry| entry.hours).sum();
        let preview = ImportPreview {
            title: "Import hours from CSV",
            noun: ("entry", "entries"),
            rows: import
                .entries
                .iter()
                .map(|entry| {
                    [
                        format_date(entry.date),
                        view.plan
                            .category(entry.category)
                            .map_or_else(|| "?".to_owned(), |category| category.name.clone()),
                        format_hours(entry.hours),
                        entry.note.clone(),
                    ]
                })
                .collect(),
            total: format!("Together {}.", format_hours(total)),
            rejected: &import.rejected,
            already_in_plan: {
                let key = |entry: &TimeEntry| {
                    (
                        entry.date,
                        entry.category,
                        entry.hours.to_bits(),
                        entry.note.clone(),
                    )
                };
                let known: std::collections::HashSet<_> =
                    view.plan.time_entries.iter().map(key).collect();
                import
                    .entries
                    .iter()
                    .filter(|entry| known.contains(&key(entry)))
                    .count()
            },
        };
        match import_preview_ui(ctx, "time_import", &preview) {
            Some(true) => {
                commands.push(Command::Time(TimeCommand::ImportEntries {
                    entries: import.entries.clone(),
                }));
                self.import = None;
            }
            Some(false) => self.import = None,
            None => {}
        }
    }
}

/// This week, the last complete week and the four-week average, per category
/// and in total, each against its range.
fn this_week_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let week = IsoWeek::of(view.today);
    let last_week = last_complete_week(view.today);
    let weekly = &view.derived.weekly_hours;
    section_heading(ui, "This week");
    ui.label(
        RichText::new(format!(
            "{} – {}",
            format_date(week.monday()),
            format_date(week.sunday())
        ))
        .weak(),
    );
    if view.plan.time_categories.is_empty() {
        ui.label("Add a time category below to set weekly targets.");
        return;
    }
    egui::Grid::new("this_week")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong("This week");
            ui.label("");
            ui.strong("To go");
            ui.strong("Last week");
            ui.strong("4-week avg");
            ui.end_row();
            let row = |ui: &mut Ui, name: &str, category: Option<CategoryId>, range: (f64, f64)| {
                let (min, max) = range;
                let hours =
                    category.map_or_else(|| weekly.total(week), |id| weekly.hours(week, id));
                let last = category
                    .map_or_else(|| weekly.total(last_week), |id| weekly.hours(last_week, id));
                let average = rolling_average_hours(weekly, category, last_week, 4);
                ui.label(name)
                    .on_hover_text(format!("Target {}", format_hours_range(min, max)));
                state_cell(ui, hours, min, max);
                // The state in words too: colour is never the only sign.
                let state = target_state(hours, min, max);
                ui.label(
                    RichText::new(hours_state_label(state))
                        .small()
                        .color(hours_state_colour(state)),
                );
                widgets::number_cell(ui, format_hours(hours_to_minimum(hours, min)));
                state_cell(ui, last, min, max);
                state_cell(ui, average, min, max);
                ui.end_row();
            };
            for category in &view.plan.time_categories {
                row(
                    ui,
                    &category.name,
                    Some(category.id),
                    (category.weekly_min_hours, category.weekly_max_hours),
                );
            }
            row(ui, "Total", None, view.derived.weekly_target_hours);
        });
    let (min, max) = view.derived.weekly_target_hours;
    ui.label(
        RichText::new(format!(
            "Targets add up to {} a week.",
            format_hours_range(min, max)
        ))
        .weak(),
    );
}

/// Hours coloured by where they stand against the range, with the state in words
/// on hover (colour is never the only sign).
fn state_cell(ui: &mut Ui, hours: f64, min: f64, max: f64) {
    let state = target_state(hours, min, max);
    widgets::number_cell(
        ui,
        RichText::new(format_hours(hours)).color(hours_state_colour(state)),
    )
    .on_hover_text(format!(
        "{} the target of {}",
        hours_state_label(state),
        format_hours_range(min, max)
    ));
}

fn week_chart_ui(
    ui: &mut Ui,
    name: &str,
    weeks: &[IsoWeek],
    hours: &[f64],
    (min, max): (f64, f64),
    height: f32,
    reset: bool,
) {
    use egui_plot::{Bar, BarChart, FilledArea, Legend, Plot};

    let xs: Vec<f64> = (0..weeks.len()).map(|index| index as f64).collect();
    let bars: Vec<Bar> = hours
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            let state = target_state(value, min, max);
            let week = weeks.get(index).copied();
            let label = week.map_or_else(String::new, |week| {
                format!(
                    "Week of {} ({week})\n{} · target {} · {}",
                    format_date(week.monday()),
                    format_hours(value),
                    format_hours_range(min, max),
                    hours_state_label(state)
                )
            });
            Bar::new(index as f64, value)
                .width(0.8)
                .fill(hours_state_colour(state).gamma_multiply(0.85))
                .name(label)
        })
        .collect();
    let band_low = vec![min; xs.len()];
    let band_high = vec![max; xs.len()];
    let weeks_for_axis = weeks.to_vec();
    let mut plot = Plot::new(("week_chart", name))
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .link_axis(egui::Id::unique("time_weeks"), [true, false])
        .link_cursor(egui::Id::unique("time_weeks"), [true, false])
        .include_y(0.0)
        .include_y(max * 1.2)
        .y_axis_label("hours")
        .x_axis_formatter(move |mark, _range| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            weeks_for_axis
                .get(index as usize)
                .map_or_else(String::new, |week| {
                    week.monday().format("%-d %b").to_string()
                })
        })
        // Bars say what they are on hover; elsewhere a coordinate means nothing.
        .label_formatter(|_| None)
        .allow_scroll(false);
    if reset {
        plot = plot.reset();
    }
    plot.show(ui, |plot_ui| {
        plot_ui.add(
            FilledArea::new(
                format!("{name} target {}", format_hours_range(min, max)),
                &xs,
                &band_low,
                &band_high,
            )
            .fill_color(widgets::IN_RANGE.gamma_multiply(0.18)),
        );
        plot_ui.bar_chart(
            BarChart::new(format!("{name} hours"), bars)
                .color(widgets::IN_RANGE)
                .element_formatter(Box::new(|bar, _chart| bar.name.clone())),
        );
    });
}

fn hours_range_ui(ui: &mut Ui, min: &mut f64, max: &mut f64, name: &str) {
    let low = ui.add(
        egui::DragValue::new(min)
            .range(0.0..=168.0)
            .speed(0.25)
            .suffix(" h"),
    );
    set_accessible_name(
        &low,
        egui::Role::SpinButton,
        &format!("{name} weekly minimum"),
    );
    ui.label("–");
    let high = ui.add(
        egui::DragValue::new(max)
            .range(0.0..=168.0)
            .speed(0.25)
            .suffix(" h"),
    );
    set_accessible_name(
        &high,
        egui::Role::SpinButton,
        &format!("{name} weekly maximum"),
    );
    if *max < *min {
        *max = *min;
    }
}

fn category_combo(
    ui: &mut Ui,
    id_salt: &str,
    categories: &[TimeCategory],
    selected: &mut Option<CategoryId>,
) -> egui::Response {
    let text = selected
        .and_then(|id| categories.iter().find(|category| category.id == id))
        .map_or("—", |category| category.name.as_str());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for category in categories {
                ui.selectable_value(selected, Some(category.id), &category.name);
            }
        })
        .response
}

/// "From [x] [date]": a date filter that can be switched off.
fn optional_date_ui(
    ui: &mut Ui,
    label: &str,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    today: NaiveDate,
) {
    let mut on = date.is_some();
    if ui.checkbox(&mut on, label).changed() {
        *date = on.then_some(today);
    }
    if let Some(date) = date.as_mut() {
        date_picker(ui, id_salt, date);
    }
}

/// Hours as a person would type them back: `1.5`, not `1.5 h`.
fn plain_hours(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
