//! Dialogs the Time and Budget tabs share: removing a category or budget
//! line that still has records.

use egui::RichText;

use super::widgets::{self, count};

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
            widgets::list_above_modal(
                egui::ComboBox::from_id_salt((id_salt, "move_to"))
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for (id, name) in others {
                            ui.selectable_value(move_to, Some(*id), *name);
                        }
                    })
                    .response,
            )
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
