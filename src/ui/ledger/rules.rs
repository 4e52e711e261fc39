//! The plan's import rules for one ledger, as a list to read, reorder and
//! forget. Rules are made by the import preview (each choice there is
//! kept) and by nothing else, so this list only takes them apart.

use egui::{RichText, Ui};

use super::{LedgerRow, bucket_name};
use crate::model::command::Command;
use crate::ui::PlanView;
use crate::ui::widgets::{section_heading, set_accessible_name};

/// "Import rules": each rule as "text" and where its rows go, tried in this
/// order, with buttons to move it and to forget it.
pub fn rules_ui<R: LedgerRow>(ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
    section_heading(ui, "Import rules");
    let rules = R::plan_rules(view.plan);
    if rules.is_empty() {
        ui.label(
            RichText::new(
                "None yet. Where you send a value when importing is kept here, so the next \
                 export of the same tool maps itself.",
            )
            .weak(),
        );
        return;
    }
    ui.label(
        RichText::new("Rows whose text contains the words go where the rule says; the first rule that matches wins.").weak(),
    );
    let (_, bucket_word) = R::LABELS.bucket;
    egui::Grid::new((R::LABELS.import_id, "rules"))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            let last = rules.len() - 1;
            for (index, rule) in rules.iter().enumerate() {
                let number = index + 1;
                ui.label(format!("\"{}\"", rule.contains));
                let into = match rule.into {
                    Some(id) => format!("to {}", bucket_name::<R>(view.plan, id)),
                    None => "left out".to_owned(),
                };
                ui.label(into).on_hover_text(format!(
                    "Rows whose project, {bucket_word}, payee or note contains \
                     \"{}\" (any case)",
                    rule.contains
                ));
                ui.horizontal(|ui| {
                    let up = ui.add_enabled(index > 0, egui::Button::new("Up").small());
                    set_accessible_name(&up, egui::Role::Button, &format!("Move rule {number} up"));
                    if up.clicked() {
                        commands.push(R::move_rule_command(index, index - 1));
                    }
                    let down = ui.add_enabled(index < last, egui::Button::new("Down").small());
                    let name = format!("Move rule {number} down");
                    set_accessible_name(&down, egui::Role::Button, &name);
                    if down.clicked() {
                        commands.push(R::move_rule_command(index, index + 1));
                    }
                    let remove = ui.add(egui::Button::new("Forget").small());
                    set_accessible_name(
                        &remove,
                        egui::Role::Button,
                        &format!("Forget rule {number}"),
                    );
                    if remove.clicked() {
                        commands.push(R::remove_rule_command(index));
                    }
                });
                ui.end_row();
            }
        });
}
