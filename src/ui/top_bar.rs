//! The top bar (file menu, undo and redo, plan title, unsaved marker, tabs),
//! the status bar, the "changed on disk" banner and the drop hint.

use std::path::{Path, PathBuf};

use egui::{KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::Tab;

/// What the file menu (or its shortcut) asked for; the app carries it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAction {
    New,
    StartNextYear,
    Open,
    OpenRecent(PathBuf),
    RemoveRecent(PathBuf),
    OpenExample,
    Save,
    SaveAs,
    ImportMarkdown,
    ExportMarkdown,
    ExportTimeCsv,
    ExportExpensesCsv,
    /// A PNG of the window as it shows now.
    SavePicture,
    /// The overview as one HTML file with charts.
    ExportStatusPage,
    ExportCalendar,
    Theme(ThemeChoice),
    Undo,
    Redo,
    Quit,
    /// Ctrl+T: stop the running timer, or start it on the category last used.
    StartOrStopTimer,
}

/// Light, dark, or as the system is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }

    fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "As the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }
}

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// What the bar shows: the plan's title and state, and what the app can do.
/// The app fills it in, so the bar draws without knowing the app.
pub struct BarState<'a> {
    /// The plan's title as shown (never empty).
    pub title: &'a str,
    /// Whether the plan has changes that are not on disk.
    pub dirty: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub recent: &'a [PathBuf],
    pub theme: ThemeChoice,
}

/// The answer to "the file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    Merge,
    Reload,
    KeepMine,
}

fn item(ui: &mut Ui, text: &str, shortcut: Option<KeyboardShortcut>) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    ui.add(button).clicked()
}

/// Draws the bar; `right` draws what sits at the right end of its first
/// row (the timer).
pub fn ui(
    ui: &mut Ui,
    state: &BarState<'_>,
    tab: &mut Tab,
    right: impl FnOnce(&mut Ui),
) -> Option<FileAction> {
    let mut action = None;
    let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New…", command(egui::Key::N)) {
                action = Some(FileAction::New);
            }
            // The same dialog: its first choice is what to start from.
            if ui.button("New from template…").clicked() {
                action = Some(FileAction::New);
            }
            if ui.button("Start next year…").clicked() {
                action = Some(FileAction::StartNextYear);
            }
            if item(ui, "Open…", command(egui::Key::O)) {
                action = Some(FileAction::Open);
            }
            ui.menu_button("Open Recent", |ui| {
                recent_ui(ui, state.recent, &mut action);
            });
            if item(ui, "Open example", None) {
                action = Some(FileAction::OpenExample);
            }
            ui.separator();
            if item(ui, "Save", command(egui::Key::S)) {
                action = Some(FileAction::Save);
            }
            let save_as =
                KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), egui::Key::S);
            if item(ui, "Save As…", Some(save_as)) {
                action = Some(FileAction::SaveAs);
            }
            ui.separator();
            if item(ui, "Import Markdown…", None) {
                action = Some(FileAction::ImportMarkdown);
            }
            if item(ui, "Export Markdown…", None) {
                action = Some(FileAction::ExportMarkdown);
            }
            ui.menu_button("Export CSV", |ui| {
                if item(ui, "Hours…", None) {
                    action = Some(FileAction::ExportTimeCsv);
                }
                if item(ui, "Expenses…", None) {
                    action = Some(FileAction::ExportExpensesCsv);
                }
            });
            if item(ui, "Export status page…", None) {
                action = Some(FileAction::ExportStatusPage);
            }
            if item(ui, "Export calendar…", None) {
                action = Some(FileAction::ExportCalendar);
            }
            if item(ui, "Save picture of this tab…", None) {
                action = Some(FileAction::SavePicture);
            }
            ui.separator();
            ui.menu_button("Theme", |ui| {
                for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                    if ui.radio(state.theme == theme, theme.label()).clicked() {
                        action = Some(FileAction::Theme(theme));
                    }
                }
            });
            ui.separator();
            if item(ui, "Quit", command(egui::Key::Q)) {
                action = Some(FileAction::Quit);
            }
        });
        ui.separator();
        if ui
            .add_enabled(state.can_undo, egui::Button::new("Undo"))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            action = Some(FileAction::Undo);
        }
        if ui
            .add_enabled(state.can_redo, egui::Button::new("Redo"))
            .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
            .clicked()
        {
            action = Some(FileAction::Redo);
        }
        ui.separator();
        ui.label(RichText::new(state.title).strong());
        if state.dirty {
            ui.label(RichText::new("• unsaved changes").weak())
                .on_hover_text("Save with Ctrl+S");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), right);
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

/// The recent plans, a missing one shown as such with a way to remove it.
fn recent_ui(ui: &mut Ui, recent: &[PathBuf], action: &mut Option<FileAction>) {
    if recent.is_empty() {
        ui.label(RichText::new("No recent plans").weak());
        return;
    }
    for path in recent {
        let name = path.display().to_string();
        if path.exists() {
            if ui.button(&name).clicked() {
                *action = Some(FileAction::OpenRecent(path.clone()));
            }
        } else {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{name} (missing)")).weak());
                let remove = ui.small_button("Remove");
                super::widgets::set_accessible_name(
                    &remove,
                    egui::Role::Button,
                    &format!("Remove {name} from the list"),
                );
                if remove.clicked() {
                    *action = Some(FileAction::RemoveRecent(path.clone()));
                }
            });
        }
    }
}

/// The window while the plan it started with is read: which file, and
/// nothing to click yet. No spinner: its frames would slow the reading.
pub fn starting_ui(ui: &mut Ui, path: &Path) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.heading(format!("Opening {}…", file_label(path)));
            ui.label(RichText::new(path.display().to_string()).weak());
        });
    });
}

/// A file as a person names it: its name, or the whole path if it has none.
pub fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

pub fn status_ui(
    ui: &mut Ui,
    notice: Option<&Notice>,
    path: Option<&Path>,
    loading: Option<&Path>,
) {
    ui.horizontal(|ui| {
        if let Some(loading) = loading {
            ui.spinner();
            ui.label(format!("Opening {}…", loading.display()));
            return;
        }
        match notice {
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
        }
    });
}

/// "The file changed on disk": merge it with the unsaved changes here,
/// reload it, or keep the plan as it is here.
pub fn disk_banner_ui(ui: &mut Ui, dirty: bool) -> Option<DiskAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The plan's file was changed by another program.",
        );
        if ui
            .button("Merge")
            .on_hover_text("Take in what changed there, beside your unsaved changes")
            .clicked()
        {
            answer = Some(DiskAnswer::Merge);
        }
        let reload = if dirty {
            "Reload (drops your unsaved changes)"
        } else {
            "Reload"
        };
        if ui.button(reload).clicked() {
            answer = Some(DiskAnswer::Reload);
        }
        if ui.button("Keep mine").clicked() {
            answer = Some(DiskAnswer::KeepMine);
        }
    });
    answer
}

/// While a file is dragged over the window, say what dropping it does.
pub fn drop_hint_ui(ctx: &egui::Context) {
    let hovered = ctx.input(|input| {
        input
            .raw
            .hovered_files
            .first()
            .map(|file| file.path.clone())
    });
    let Some(path) = hovered else {
        return;
    };
    let text = match path {
        Some(path)
            if path
                .extension()
                .is_some_and(|extension| extension.eq_ignore_ascii_case("md")) =>
        {
            format!("Drop to import {}", path.display())
        }
        Some(path) => format!("Drop to open {}", path.display()),
        None => "Drop a plan file to open it".to_owned(),
    };
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}
