//! The top bar (file menu, plan title, unsaved marker, tabs) and the status bar.

use std::path::Path;

use egui::{RichText, Ui};

use super::Tab;
use crate::app::{Document, Notice};

/// What the file menu asked for; the app carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    OpenExample,
    Save,
    Undo,
    Redo,
    Quit,
}

/// Whether there is anything to undo or redo, for the buttons.
#[derive(Clone, Copy, Debug)]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
}

pub fn ui(
    ui: &mut Ui,
    document: &Document,
    history: HistoryState,
    tab: &mut Tab,
) -> Option<FileAction> {
    let mut action = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .button("Open example")
                .on_hover_text("The built-in plan half a year in, with hours and expenses")
                .clicked()
            {
                action = Some(FileAction::OpenExample);
            }
            ui.separator();
            let save = egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(
                &egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S),
            ));
            if ui.add(save).clicked() {
                action = Some(FileAction::Save);
            }
            ui.separator();
            let quit = egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(
                &egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Q),
            ));
            if ui.add(quit).clicked() {
                action = Some(FileAction::Quit);
            }
        });
        ui.separator();
        if ui
            .add_enabled(history.can_undo, egui::Button::new("Undo"))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            action = Some(FileAction::Undo);
        }
        if ui
            .add_enabled(history.can_redo, egui::Button::new("Redo"))
            .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
            .clicked()
        {
            action = Some(FileAction::Redo);
        }
        ui.separator();
        ui.label(RichText::new(document.plan.display_title()).strong());
        if document.dirty {
            ui.label(RichText::new("• unsaved changes").weak())
                .on_hover_text("Save with Ctrl+S");
        }
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        for (index, candidate) in Tab::ALL.into_iter().enumerate() {
            let response = ui
                .selectable_label(*tab == candidate, candidate.label())
                .on_hover_text(format!("Ctrl+{}", index + 1));
            if response.clicked() {
                *tab = candidate;
            }
        }
    });
    ui.add_space(2.0);
    action
}

pub fn status_ui(ui: &mut Ui, notice: Option<&Notice>, path: Option<&Path>) {
    ui.horizontal(|ui| match notice {
        Some(Notice::Error(message)) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        Some(Notice::Info(message)) => {
            ui.label(message);
        }
        None => {
            let where_ = path.map_or_else(
                || "Not saved yet — Ctrl+S saves it to your documents folder".to_owned(),
                |path| path.display().to_string(),
            );
            ui.label(RichText::new(where_).weak());
        }
    });
}
