//! Dialogs the Time and Budget tabs share: removing a category or budget
//! line that still has records, and the preview of a CSV import.

use egui::RichText;

use super::widgets::{self, count};
use crate::io::csv_time::RejectedRow;

/// The answer to "what should happen to its records?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal<Id> {
    MoveTo(Id),
    Delete,
    Cancel,
}

/// Asks what happens to the `records` (e.g. `(3, "entry", "entries",
/// " logged")`) of `name` when it is removed: moved to one of `others`, or
/// deleted with it. `move_to` is the choice of target, kept by the caller
/// between frames.
pub fn removal_question_ui<Id: Copy + PartialEq>(
    ctx: &egui::Context,
    id_salt: &str,
    name: &str,
    records: (usize, &str, &str, &str),
    others: &[(Id, &str)],
    move_to: &mut Option<Id>,
) -> Option<Removal<Id>> {
    let (number, one, many, how) = records;
    let what = count(number, one, many);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(id_salt)).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(
            RichText::new(format!(
                "“{name}” has {what}{how}. What should happen to them?"
            ))
            .strong(),
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("Move them to");
            let selected = others
                .iter()
                .find(|(id, _)| Some(*id) == *move_to)
                .map_or("—", |(_, name)| *name);
            egui::ComboBox::from_id_salt((id_salt, "move_to"))
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for (id, name) in others {
                        ui.selectable_value(move_to, Some(*id), *name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if let Some(target) = *move_to
                && ui.button("Move and remove").clicked()
            {
                answer = Some(Removal::MoveTo(target));
            }
            if ui.button(format!("Delete the {what} too")).clicked() {
                answer = Some(Removal::Delete);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Removal::Cancel);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(Removal::Cancel);
    }
    answer
}

/// What a CSV import would add, shown before anything is added.
pub struct ImportPreview<'a> {
    pub title: &'a str,
    /// "entry"/"entries" or "expense"/"expenses".
    pub noun: (&'a str, &'a str),
    /// Date, name, figure and note of each row that can be added.
    pub rows: Vec<[String; 4]>,
    /// "Together 12.5 h.", for the rows that can be added.
    pub total: String,
    pub rejected: &'a [RejectedRow],
    /// How many of the rows the plan already has, exactly: importing the
    /// same file twice would count them twice.
    pub already_in_plan: usize,
}

/// How many rows the preview lists; the rest are counted.
const PREVIEW_ROWS: usize = 200;

/// Shows the preview; `Some(true)` adds the rows, `Some(false)` cancels.
pub fn import_preview_ui(
    ctx: &egui::Context,
    id_salt: &str,
    preview: &ImportPreview<'_>,
) -> Option<bool> {
    let (one, many) = preview.noun;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(id_salt)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new(preview.title).heading());
        ui.label(format!(
            "{} ready to add, {} rejected.",
            count(preview.rows.len(), one, many),
            count(preview.rejected.len(), "row", "rows")
        ));
        if preview.already_in_plan > 0 {
            ui.label(
                RichText::new(format!(
                    "{} of these {} already in the plan, exactly as here; adding them would count them twice.",
                    preview.already_in_plan,
                    if preview.already_in_plan == 1 { "is" } else { "are" }
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        if !preview.rows.is_empty() {
            ui.label(&preview.total);
            egui::ScrollArea::vertical()
                .id_salt((id_salt, "rows"))
                .max_height(180.0)
                .show(ui, |ui| {
                    egui::Grid::new((id_salt, "grid"))
                        .striped(true)
                        .num_columns(4)
                        .show(ui, |ui| {
                            for [date, name, figure, note] in preview.rows.iter().take(PREVIEW_ROWS)
                            {
                                ui.label(date);
                                ui.label(name);
                                widgets::number_cell(ui, figure.as_str());
                                ui.label(note);
                                ui.end_row();
                            }
                        });
                    if preview.rows.len() > PREVIEW_ROWS {
                        ui.label(format!("… and {} more", preview.rows.len() - PREVIEW_ROWS));
                    }
                });
        }
        if !preview.rejected.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new("Rejected rows").strong());
            egui::ScrollArea::vertical()
                .id_salt((id_salt, "rejected"))
                .max_height(140.0)
                .show(ui, |ui| {
                    for row in preview.rejected {
                        ui.label(
                            RichText::new(format!(
                                "line {}: {} — {}",
                                row.line, row.reason, row.text
                            ))
                            .color(ui.visuals().warn_fg_color),
                        );
                    }
                });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let add = format!("Add {}", count(preview.rows.len(), one, many));
            if ui
                .add_enabled(!preview.rows.is_empty(), egui::Button::new(add))
                .clicked()
            {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(false);
    }
    answer
}
