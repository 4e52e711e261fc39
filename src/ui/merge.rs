//! The merge dialog (what the other side changed, and each conflict side by
//! side to choose) and the banner about a sync tool's conflict copy.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::model::merge::{Choices, Conflict, ConflictKey};

/// What the dialog shows.
pub struct MergeDialog<'a> {
    /// "the plan's file", or the conflict copy's name.
    pub source: &'a str,
    pub theirs_changed: &'a str,
    pub mine_changed: &'a str,
    pub conflicts: &'a [Conflict],
    pub kept: &'a [String],
    /// The conflicts resolved as theirs.
    pub choices: &'a Choices,
    pub no_base: bool,
}

/// What the person did in the dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeAnswer {
    /// Keep theirs (`true`) or mine for one conflict.
    Choose(ConflictKey, bool),
    Merge,
    Cancel,
}

pub fn dialog_ui(ctx: &egui::Context, dialog: &MergeDialog<'_>) -> Option<MergeAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("merge_dialog")).show(ctx, |ui| {
        ui.set_max_width(720.0);
        ui.label(RichText::new(format!("Merge the changes from {}", dialog.source)).strong());
        ui.add_space(4.0);
        ui.label(format!("They changed: {}.", dialog.theirs_changed));
        ui.label(format!("You changed (not saved yet): {}.", dialog.mine_changed));
        if dialog.no_base {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Yearplan has no copy of the plan as both sides last had it, so every \
                 difference is taken as a change on both sides.",
            );
        }
        for kept in dialog.kept {
            ui.label(RichText::new(format!("{kept}.")).weak());
        }
        ui.add_space(6.0);
        if dialog.conflicts.is_empty() {
            ui.label("Nothing was changed two ways: merging keeps every change of both sides.");
        } else {
            let count = dialog.conflicts.len();
            ui.label(format!(
                "{count} {} changed two ways. Choose what to keep; mine is kept unless you choose theirs.",
                if count == 1 { "thing was" } else { "things were" }
            ));
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .auto_shrink([false, true])
                .show(ui, |ui| conflicts_ui(ui, dialog, &mut answer));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Merge").clicked() {
                answer = Some(MergeAnswer::Merge);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(MergeAnswer::Cancel);
            }
        });
        ui.label(
            RichText::new("Merging is one step Undo takes back; the plan stays unsaved until you save.")
                .weak()
                .small(),
        );
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(MergeAnswer::Cancel);
    }
    answer
}

/// One row per conflict: the record and field, then mine and theirs to pick.
fn conflicts_ui(ui: &mut Ui, dialog: &MergeDialog<'_>, answer: &mut Option<MergeAnswer>) {
    egui::Grid::new("merge_conflicts")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Record").strong());
            ui.label(RichText::new("Field").strong());
            ui.label(RichText::new("Mine").strong());
            ui.label(RichText::new("Theirs").strong());
            ui.end_row();
            for conflict in dialog.conflicts {
                let theirs = dialog.choices.contains(&conflict.key);
                // Wide enough for a task's title, wrapped at words.
                ui.allocate_ui(egui::vec2(260.0, 0.0), |ui| {
                    ui.set_min_width(260.0);
                    ui.add(egui::Label::new(&conflict.record).wrap());
                });
                ui.label(conflict.key.field);
                let place = format!("{}, {}", conflict.record, conflict.key.field);
                let mine_button = ui.radio(!theirs, format!("Mine: {}", conflict.mine));
                crate::ui::widgets::set_accessible_name(
                    &mine_button,
                    egui::Role::RadioButton,
                    &format!("Keep mine for {place}: {}", conflict.mine),
                );
                if mine_button.clicked() && theirs {
                    *answer = Some(MergeAnswer::Choose(conflict.key.clone(), false));
                }
                let theirs_button = ui.radio(theirs, format!("Theirs: {}", conflict.theirs));
                crate::ui::widgets::set_accessible_name(
                    &theirs_button,
                    egui::Role::RadioButton,
                    &format!("Keep theirs for {place}: {}", conflict.theirs),
                );
                if theirs_button.clicked() && !theirs {
                    *answer = Some(MergeAnswer::Choose(conflict.key.clone(), true));
                }
                ui.end_row();
            }
        });
}

/// What the person did with the banner about a conflict copy.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyAnswer {
    Merge(PathBuf),
    NotNow(PathBuf),
    Trash(PathBuf),
    KeepCopy(PathBuf),
}

/// "A sync tool left a conflict copy": merge it, or not now; once merged,
/// move it to the trash or keep it.
pub fn copy_banner_ui(ui: &mut Ui, copy: &Path, merged: bool) -> Option<CopyAnswer> {
    let name = copy.file_name().map_or_else(
        || copy.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        if merged {
            ui.label(format!("Merged the conflict copy {name} into the plan."));
            if ui.button("Move the copy to the trash").clicked() {
                answer = Some(CopyAnswer::Trash(copy.to_path_buf()));
            }
            if ui.button("Keep the copy").clicked() {
                answer = Some(CopyAnswer::KeepCopy(copy.to_path_buf()));
            }
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("A sync tool left a conflict copy of this plan beside it: {name}."),
            );
            if ui.button("Merge it").clicked() {
                answer = Some(CopyAnswer::Merge(copy.to_path_buf()));
            }
            if ui.button("Not now").clicked() {
                answer = Some(CopyAnswer::NotNow(copy.to_path_buf()));
            }
        }
    });
    answer
}
