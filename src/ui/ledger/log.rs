//! The log at the bottom of the Time and Budget tabs: the filter, CSV in and
//! out, and the table of records, edited and deleted in place. Only the
//! visible rows are laid out, so a log of 20,000 records stays smooth.

use std::rc::Rc;

use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{BucketId, CsvRequest, EditError, Ledger, LedgerBucket, LedgerRow, bucket_combo_ui};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::ui::PlanView;
use crate::ui::widgets::{count, date_picker, set_accessible_name};

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Filter<Id, Period> {
    bucket: Option<Id>,
    period: Period,
    oldest_first: bool,
}

impl<Id, Period: Default> Default for Filter<Id, Period> {
    fn default() -> Self {
        Filter {
            bucket: None,
            period: Period::default(),
            oldest_first: false,
        }
    }
}

/// A record being edited in its row.
pub(super) struct RecordEdit<Id> {
    index: usize,
    date: NaiveDate,
    bucket: Id,
    quantity: String,
    note: String,
    error: Option<String>,
}

impl<R: LedgerRow> Ledger<R> {
    pub fn log_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> Option<CsvRequest> {
        let labels = &R::LABELS;
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(labels.log_title).heading());
            ui.separator();
            let label = ui.label(format!("Filter by {}", labels.bucket.1));
            let mut bucket = self.filter.bucket;
            egui::ComboBox::from_id_salt(format!("filter_{}", labels.bucket.1))
                .selected_text(
                    bucket
                        .and_then(|id| super::find_bucket::<R>(view.plan, id))
                        .map_or("All", LedgerBucket::name),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut bucket, None, "All");
                    for candidate in R::buckets(view.plan) {
                        ui.selectable_value(&mut bucket, Some(candidate.id()), candidate.name());
                    }
                })
                .response
                .labelled_by(label.id);
            self.filter.bucket = bucket;
            R::period_filter_ui(ui, view, &mut self.filter.period);
            ui.separator();
            if ui.button("Export CSV…").clicked() {
                request = Some(CsvRequest::ExportCsv);
            }
            if ui.button("Import…").clicked() {
                request = Some(CsvRequest::ImportCsv);
            }
        });

        let shown = self.rows(view);
        let rows = Rc::clone(&shown.rows);
        let (one, many) = labels.record;
        ui.label(format!(
            "{} shown · {} in total",
            count(rows.len(), one, many),
            shown.total
        ));
        if R::records(view.plan).is_empty() {
            ui.label(RichText::new(labels.nothing_yet).weak());
            return request;
        }
        self.table_ui(ui, view, &rows, commands);
        request
    }

    /// The records that pass the filter, in display order, and their
    /// total; cached per revision of the plan and filter, so a frame never
    /// sorts or adds up 20,000 records.
    fn rows(&mut self, view: &PlanView<'_>) -> &Shown<R> {
        let fresh = self
            .rows
            .as_ref()
            .is_some_and(|shown| shown.revision == view.revision && shown.filter == self.filter);
        if !fresh {
            self.rows = None;
        }
        self.rows
            .get_or_insert_with(|| Shown::of(view, self.filter.clone()))
    }

    fn table_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        rows: &[usize],
        commands: &mut Vec<Command>,
    ) {
        let labels = &R::LABELS;
        let row_height = ui.spacing().interact_size.y + 4.0;
        let records = R::records(view.plan);
        let (quantity_initial, quantity_least) = R::QUANTITY_COLUMN;
        let mut sort_clicked = false;
        TableBuilder::new(ui)
            .id_salt(labels.table_id)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(150.0).at_least(120.0))
            .column(Column::initial(150.0).at_least(90.0))
            .column(Column::initial(quantity_initial).at_least(quantity_least))
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
                    ui.strong(labels.bucket.0);
                });
                header.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.strong(labels.quantity.0);
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
                    let Some(record) = records.get(index) else {
                        return;
                    };
                    match self.editing.as_mut().filter(|edit| edit.index == index) {
                        Some(edit) => {
                            if edit_row_ui::<R>(&mut row, view, edit, commands) {
                                self.editing = None;
                            }
                        }
                        None => {
                            if let Some(edit) =
                                record_row_ui(&mut row, view, index, record, commands)
                            {
                                self.editing = Some(edit);
                            }
                        }
                    }
                });
            });
        if sort_clicked {
            self.filter.oldest_first = !self.filter.oldest_first;
        }
    }
}

/// A record's row as it is shown. Returns the edit its "Edit" button starts.
/// The log's rows for one revision of the plan and one filter.
pub struct Shown<R: LedgerRow> {
    revision: u64,
    filter: Filter<BucketId<R>, R::Period>,
    /// Indices of the records shown, in the order shown.
    rows: Rc<[usize]>,
    /// Their total, as shown.
    total: String,
}

impl<R: LedgerRow> Shown<R> {
    fn of(view: &PlanView<'_>, filter: Filter<BucketId<R>, R::Period>) -> Shown<R> {
        let records = R::records(view.plan);
        let mut rows: Vec<usize> = R::newest_first(view.derived)
            .iter()
            .copied()
            .filter(|&index| {
                records.get(index).is_some_and(|record| {
                    filter.bucket.is_none_or(|bucket| record.bucket() == bucket)
                        && record.in_period(&filter.period)
                })
            })
            .collect();
        if filter.oldest_first {
            rows.reverse();
        }
        let total = R::total_text(view, rows.iter().filter_map(|&index| records.get(index)));
        Shown {
            revision: view.revision,
            filter,
            rows: rows.into(),
            total,
        }
    }
}

fn record_row_ui<R: LedgerRow>(
    row: &mut egui_extras::TableRow<'_, '_>,
    view: &PlanView<'_>,
    index: usize,
    record: &R,
    commands: &mut Vec<Command>,
) -> Option<RecordEdit<BucketId<R>>> {
    let (noun, _) = R::LABELS.record;
    let mut edit = None;
    row.col(|ui| {
        ui.label(format_date(record.date()));
    });
    row.col(|ui| {
        ui.label(super::bucket_name::<R>(view.plan, record.bucket()));
    });
    row.col(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(record.quantity_text(view));
        });
    });
    row.col(|ui| {
        let edit_button = ui.small_button("Edit");
        set_accessible_name(
            &edit_button,
            egui::Role::Button,
            &format!("Edit {noun} {}", index + 1),
        );
        if edit_button.clicked() {
            edit = Some(RecordEdit {
                index,
                date: record.date(),
                bucket: record.bucket(),
                quantity: record.typed_quantity(),
                note: record.note().to_owned(),
                error: None,
            });
        }
        let delete = ui.small_button("Delete");
        set_accessible_name(
            &delete,
            egui::Role::Button,
            &format!("Delete {noun} {}", index + 1),
        );
        if delete.clicked() {
            commands.push(R::delete_command(index));
        }
    });
    row.col(|ui| {
        ui.label(record.note());
    });
    edit
}

/// A record's row while it is edited. Returns whether the edit is done.
fn edit_row_ui<R: LedgerRow>(
    row: &mut egui_extras::TableRow<'_, '_>,
    view: &PlanView<'_>,
    edit: &mut RecordEdit<BucketId<R>>,
    commands: &mut Vec<Command>,
) -> bool {
    let labels = &R::LABELS;
    let (noun, _) = labels.record;
    let bucket_word = labels.bucket.1;
    let mut done = false;
    row.col(|ui| {
        date_picker(ui, &format!("edit_{noun}_date"), &mut edit.date);
    });
    row.col(|ui| {
        let mut bucket = Some(edit.bucket);
        let combo = bucket_combo_ui(
            ui,
            &format!("edit_{noun}_{bucket_word}"),
            R::buckets(view.plan),
            &mut bucket,
        );
        set_accessible_name(&combo, egui::Role::ComboBox, &format!("Edit {bucket_word}"));
        if let Some(bucket) = bucket {
            edit.bucket = bucket;
        }
    });
    row.col(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut edit.quantity).desired_width(R::EDIT_QUANTITY_WIDTH),
        );
        set_accessible_name(
            &field,
            egui::Role::TextInput,
            &format!("Edit {}", labels.quantity.1),
        );
        if R::EDIT_ERROR == EditError::OnHover
            && let Some(error) = &edit.error
        {
            field.on_hover_text(error);
        }
    });
    row.col(|ui| {
        if ui.small_button("Save").clicked() {
            match R::parse_quantity(view, &edit.quantity) {
                Ok(quantity) => {
                    // An edit keeps the record's own id; the 0 is not used.
                    let record = R::new(
                        0,
                        edit.date,
                        edit.bucket,
                        quantity,
                        edit.note.trim().to_owned(),
                    );
                    commands.push(record.edit_command(edit.index));
                    done = true;
                }
                Err(error) => edit.error = Some(error),
            }
        }
        if ui.small_button("Cancel").clicked() {
            done = true;
        }
        if let Some(error) = &edit.error {
            let colour = ui.visuals().error_fg_color;
            match R::EDIT_ERROR {
                EditError::InFull => {
                    ui.colored_label(colour, error);
                }
                EditError::OnHover => {
                    ui.colored_label(colour, "!").on_hover_text(error);
                }
            }
        }
    });
    row.col(|ui| {
        let field = egui::TextEdit::singleline(&mut edit.note).desired_width(f32::INFINITY);
        let field = ui.add(field);
        set_accessible_name(&field, egui::Role::TextInput, "Edit note");
    });
    done
}
