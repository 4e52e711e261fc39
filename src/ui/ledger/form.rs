//! The quick-entry form at the top of the Time and Budget tabs: date,
//! bucket, quantity and note, added with the button or Enter.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::{Ledger, LedgerBucket, LedgerRow, bucket_combo_ui};
use crate::model::command::Command;
use crate::ui::widgets::date_picker;
use crate::ui::{PlanView, fresh_id_candidate};

pub(super) struct EntryForm<Id> {
    /// `None` until first shown, then the day the person picked (today at first).
    date: Option<NaiveDate>,
    bucket: Option<Id>,
    quantity: String,
    note: String,
    error: Option<String>,
}

impl<Id> Default for EntryForm<Id> {
    fn default() -> Self {
        EntryForm {
            date: None,
            bucket: None,
            quantity: String::new(),
            note: String::new(),
            error: None,
        }
    }
}

impl<R: LedgerRow> Ledger<R> {
    pub fn form_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        let labels = &R::LABELS;
        let (record, _) = labels.record;
        let form = &mut self.form;
        let buckets = R::buckets(view.plan);
        if form
            .bucket
            .is_none_or(|id| !buckets.iter().any(|bucket| bucket.id() == id))
        {
            form.bucket = buckets.first().map(LedgerBucket::id);
        }
        let date = form.date.get_or_insert(view.today);
        let mut submit = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(labels.form_title).strong());
            let label = ui.label("Date");
            date_picker(ui, &format!("{record}_date"), date).labelled_by(label.id);
            let label = ui.label(labels.bucket.0);
            let id_salt = format!("{record}_{}", labels.bucket.1);
            bucket_combo_ui(ui, &id_salt, buckets, &mut form.bucket).labelled_by(label.id);
            let label = ui.label(labels.quantity.0);
            let quantity = ui
                .add(
                    egui::TextEdit::singleline(&mut form.quantity)
                        .hint_text(R::quantity_hint(view))
                        .desired_width(R::QUANTITY_WIDTH),
                )
                .labelled_by(label.id);
            let label = ui.label("Note");
            let note = ui
                .add(
                    egui::TextEdit::singleline(&mut form.note)
                        .hint_text(labels.note_hint)
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            let enter = ui.input(|input| input.key_pressed(egui::Key::Enter));
            if (quantity.lost_focus() || note.lost_focus()) && enter {
                submit = true;
                quantity.request_focus();
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
        let Some(bucket) = form.bucket else {
            form.error = Some(labels.no_bucket.to_owned());
            return;
        };
        match R::parse_quantity(view, &form.quantity) {
            Ok(quantity) => {
                let record = R::new(
                    fresh_id_candidate(),
                    *date,
                    bucket,
                    quantity,
                    form.note.trim().to_owned(),
                );
                commands.push(record.add_command());
                form.quantity.clear();
                form.note.clear();
                form.error = None;
            }
            Err(error) => form.error = Some(error),
        }
    }
}
