//! The eframe app: one open document, the commands the UI emits, and the file
//! actions. Every edit passes through [`YearplanApp::apply`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::dialogs::{FileDialogs, FilePurpose};
use crate::io;
use crate::model::Plan;
use crate::model::command::Command;
use crate::ui::{self, Derived, PlanView, Tab};

/// The plan being edited and where it lives on disk.
#[derive(Clone, Debug)]
pub struct Document {
    pub plan: Plan,
    /// `None` until the plan is first saved.
    pub path: Option<PathBuf>,
    /// Whether the plan has changes that are not on disk.
    pub dirty: bool,
}

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// Where "today" comes from; tests fix it so figures do not depend on the day they run.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Fixed(date) => date,
        }
    }
}

const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const TAB_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];

pub struct YearplanApp {
    document: Document,
    /// Aggregates of the plan, recomputed only when the plan changes.
    derived: Derived,
    tab: Tab,
    swimlanes: ui::swimlanes::SwimlanesTab,
    time: ui::time::TimeTab,
    budget: ui::budget::BudgetTab,
    dialogs: FileDialogs,
    notice: Option<Notice>,
    clock: Clock,
    /// Where a plan with no file yet is saved; the user's documents folder.
    untitled_folder: Option<PathBuf>,
    /// The window title last sent, so it is only sent when it changes.
    shown_title: String,
    /// Something that would replace or close the plan while it has unsaved
    /// changes: the question "save first?" is showing.
    pending: Option<PendingAction>,
    /// The person answered that question for closing; the next close goes through.
    close_confirmed: bool,
    history: History,
    /// Which state of the plan is showing: each change makes a new one, and
    /// undo and redo go back to earlier ones.
    revision: u64,
    /// The state that is on disk; `None` when none is.
    saved_revision: Option<u64>,
}

/// Earlier and later states of the plan, for undo and redo. Whole plans
/// are kept: a plan is small next to memory, and a snapshot cannot get an
/// inverse command wrong.
#[derive(Default)]
struct History {
    undo: Vec<(Plan, u64)>,
    redo: Vec<(Plan, u64)>,
    last_revision: u64,
}

impl History {
    /// How many steps back undo reaches.
    const DEPTH: usize = 200;

    fn record(&mut self, before: Plan, revision: u64) {
        self.undo.push((before, revision));
        if self.undo.len() > Self::DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn next_revision(&mut self) -> u64 {
        self.last_revision += 1;
        self.last_revision
    }

    fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn undo(&mut self, current: Plan, revision: u64) -> Option<(Plan, u64)> {
        let previous = self.undo.pop()?;
        self.redo.push((current, revision));
        Some(previous)
    }

    fn redo(&mut self, current: Plan, revision: u64) -> Option<(Plan, u64)> {
        let next = self.redo.pop()?;
        self.undo.push((current, revision));
        Some(next)
    }
}

/// What waits for an answer to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingAction {
    Close,
    OpenExample,
}

impl YearplanApp {
    pub fn new(document: Document) -> YearplanApp {
        let derived = Derived::of(&document.plan);
        let dirty = document.dirty;
        YearplanApp {
            document,
            derived,
            tab: Tab::default(),
            swimlanes: ui::swimlanes::SwimlanesTab::default(),
            time: ui::time::TimeTab::default(),
            budget: ui::budget::BudgetTab::default(),
            dialogs: FileDialogs::default(),
            notice: None,
            clock: Clock::System,
            untitled_folder: directories::UserDirs::new().map(|dirs| {
                dirs.document_dir()
                    .unwrap_or_else(|| dirs.home_dir())
                    .to_path_buf()
            }),
            shown_title: String::new(),
            pending: None,
            close_confirmed: false,
            history: History::default(),
            revision: 0,
            saved_revision: (!dirty).then_some(0),
        }
    }

    /// Builds the app for `eframe`, opening `path` or the embedded default plan.
    pub fn open(path: Option<&Path>, clock: Clock) -> YearplanApp {
        let today = clock.today();
        let (document, notice) = match path {
            None => (
                Document {
                    plan: io::default_plan(today),
                    path: None,
                    dirty: false,
                },
                None,
            ),
            Some(path) => match io::load_plan(path) {
                Ok(plan) => (
                    Document {
                        plan,
                        path: Some(path.to_path_buf()),
                        dirty: false,
                    },
                    None,
                ),
                // The window still opens, on the default plan, and says why
                // the file could not be opened: the file itself is untouched.
                Err(error) => (
                    Document {
                        plan: io::default_plan(today),
                        path: None,
                        dirty: false,
                    },
                    Some(Notice::Error(format!("Could not open the plan: {error}"))),
                ),
            },
        };
        let mut app = YearplanApp::new(document).with_clock(clock);
        app.notice = notice;
        app
    }

    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> YearplanApp {
        self.clock = clock;
        self
    }

    /// Where plans without a file are saved (tests point it at a temporary folder).
    #[must_use]
    pub fn with_untitled_folder(mut self, folder: impl Into<PathBuf>) -> YearplanApp {
        self.untitled_folder = Some(folder.into());
        self
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Whether the "save before closing?" question is showing.
    pub fn is_asking_before_close(&self) -> bool {
        self.pending == Some(PendingAction::Close)
    }

    /// What the "save first?" question is asked for, if it is showing.
    pub fn pending_action(&self) -> Option<PendingAction> {
        self.pending
    }

    /// Opens the example plan in place of this one (without a file, so
    /// saving it never overwrites anything). Asks first when there are
    /// unsaved changes.
    pub fn open_example(&mut self) {
        if self.document.dirty {
            self.pending = Some(PendingAction::OpenExample);
            return;
        }
        self.replace_with_example();
    }

    fn replace_with_example(&mut self) {
        match io::example_plan() {
            Ok(plan) => {
                self.replace_document(Document {
                    plan,
                    path: None,
                    dirty: false,
                });
                self.notice = Some(Notice::Info(
                    "Opened the example plan. Save it to keep your changes.".to_owned(),
                ));
            }
            Err(error) => {
                self.notice = Some(Notice::Error(format!(
                    "Could not open the example plan: {error}"
                )));
            }
        }
    }

    fn replace_document(&mut self, document: Document) {
        self.derived = Derived::of(&document.plan);
        self.document = document;
        self.history = History::default();
        self.revision = 0;
        self.saved_revision = (!self.document.dirty).then_some(0);
        self.swimlanes = ui::swimlanes::SwimlanesTab::default();
        self.time = ui::time::TimeTab::default();
        self.budget = ui::budget::BudgetTab::default();
    }

    /// `Yearplan — Annual Plan`, with a dot when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.document.dirty { " •" } else { "" };
        format!("Yearplan — {}{marker}", self.document.plan.display_title())
    }

    /// The one place the plan changes. The commands of one gesture (a drag,
    /// a typed title, a dialog's Save) are applied together and undone
    /// together.
    pub fn apply_all(&mut self, commands: &[Command]) {
        if commands.is_empty() {
            return;
        }
        let before = self.document.plan.clone();
        let mut changed = false;
        for command in commands {
            match self.document.plan.apply(command) {
                Ok(true) => changed = true,
                Ok(false) => {}
                Err(error) => self.notice = Some(Notice::Error(error.to_string())),
            }
        }
        if changed {
            self.history.record(before, self.revision);
            self.revision = self.history.next_revision();
            self.plan_changed();
        }
    }

    /// Applies one command as one undo step.
    pub fn apply(&mut self, command: &Command) {
        self.apply_all(std::slice::from_ref(command));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Takes the plan back one step. The history survives saving.
    pub fn undo(&mut self) {
        if let Some((plan, revision)) = self.history.undo(self.document.plan.clone(), self.revision)
        {
            self.document.plan = plan;
            self.revision = revision;
            self.plan_changed();
        }
    }

    pub fn redo(&mut self) {
        if let Some((plan, revision)) = self.history.redo(self.document.plan.clone(), self.revision)
        {
            self.document.plan = plan;
            self.revision = revision;
            self.plan_changed();
        }
    }

    /// After any change of the plan: the aggregates, and whether it differs
    /// from what is on disk (undoing back to the saved plan is not a change).
    fn plan_changed(&mut self) {
        self.derived = Derived::of(&self.document.plan);
        self.document.dirty = Some(self.revision) != self.saved_revision;
    }

    /// Saves to the plan's file, or into the documents folder under its title
    /// when it has none yet.
    pub fn save(&mut self) {
        let path = match &self.document.path {
            Some(path) => path.clone(),
            None => match self.untitled_path() {
                Some(path) => path,
                None => {
                    self.notice = Some(Notice::Error(
                        "Could not save: no documents or home folder was found.".to_owned(),
                    ));
                    return;
                }
            },
        };
        match io::save_plan(&path, &self.document.plan) {
            Ok(()) => {
                self.notice = Some(Notice::Info(format!("Saved to {}", path.display())));
                self.document.path = Some(path);
                self.document.dirty = false;
                self.saved_revision = Some(self.revision);
            }
            Err(error) => self.notice = Some(Notice::Error(format!("Could not save: {error}"))),
        }
    }

    /// A file in the documents folder named after the plan that does not
    /// exist yet, so saving a new plan never overwrites another file.
    fn untitled_path(&self) -> Option<PathBuf> {
        let folder = self.untitled_folder.as_ref()?;
        let stem = file_stem_for(&self.document.plan.title);
        (1..1000)
            .map(|n| {
                if n == 1 {
                    folder.join(format!("{stem}.ron"))
                } else {
                    folder.join(format!("{stem} ({n}).ron"))
                }
            })
            .find(|path| !path.exists())
    }

    /// Draws the whole window. Separate from [`eframe::App::ui`] so that tests
    /// and the benchmark can run it without a native window.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.handle_shortcuts(ui.ctx());
        self.handle_close_request(ui.ctx());

        let title = self.window_title();
        if title != self.shown_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        let mut commands = Vec::new();
        let mut action = None;
        let mut time_request = None;
        let mut budget_request = None;

        egui::Panel::top("top_bar").show(ui, |ui| {
            let history = ui::top_bar::HistoryState {
                can_undo: self.history.can_undo(),
                can_redo: self.history.can_redo(),
            };
            action = ui::top_bar::ui(ui, &self.document, history, &mut self.tab);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui::top_bar::status_ui(ui, self.notice.as_ref(), self.document.path.as_deref());
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let view = PlanView {
                plan: &self.document.plan,
                derived: &self.derived,
                today: self.clock.today(),
                revision: self.revision,
            };
            match self.tab {
                Tab::Overview => ui::overview::ui(ui, &view),
                Tab::Swimlanes => self.swimlanes.ui(ui, &view, &mut commands),
                Tab::Time => time_request = self.time.ui(ui, &view, &mut commands),
                Tab::Budget => budget_request = self.budget.ui(ui, &view, &mut commands),
                Tab::MetricsReviews => ui::metrics::ui(ui, &view),
            }
        });

        if let Some(pending) = self.pending {
            self.save_first_question_ui(ui.ctx(), pending);
        }

        self.apply_all(&commands);
        match time_request {
            Some(ui::time::TimeRequest::ExportCsv) => {
                self.ask_for_file(ui.ctx(), FilePurpose::ExportTimeCsv);
            }
            Some(ui::time::TimeRequest::ImportCsv) => {
                self.ask_for_file(ui.ctx(), FilePurpose::ImportTimeCsv);
            }
            None => {}
        }
        match budget_request {
            Some(ui::budget::BudgetRequest::ExportCsv) => {
                self.ask_for_file(ui.ctx(), FilePurpose::ExportExpensesCsv);
            }
            Some(ui::budget::BudgetRequest::ImportCsv) => {
                self.ask_for_file(ui.ctx(), FilePurpose::ImportExpensesCsv);
            }
            None => {}
        }
        if let Some((purpose, path)) = self.dialogs.poll() {
            self.file_chosen(purpose, &path);
        }
        match action {
            Some(ui::top_bar::FileAction::Save) => self.save(),
            Some(ui::top_bar::FileAction::Undo) => self.undo(),
            Some(ui::top_bar::FileAction::Redo) => self.redo(),
            Some(ui::top_bar::FileAction::OpenExample) => self.open_example(),
            Some(ui::top_bar::FileAction::Quit) => {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            None => {}
        }
    }

    /// Closing the window (its close button, Quit, Ctrl+Q) with unsaved
    /// changes asks first, so a plan is never lost by a stray click.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        let close_requested = ctx.input(|input| input.viewport().close_requested());
        if close_requested && self.document.dirty && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(PendingAction::Close);
        }
    }

    fn save_first_question_ui(&mut self, ctx: &egui::Context, pending: PendingAction) {
        let mut answer = None;
        let before = match pending {
            PendingAction::Close => "closing",
            PendingAction::OpenExample => "opening the example plan",
        };
        let modal = egui::Modal::new(egui::Id::unique("close_question")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.label(
                egui::RichText::new(format!(
                    "Save the changes to “{}” before {before}?",
                    self.document.plan.display_title()
                ))
                .strong(),
            );
            ui.label("Your changes will be lost if you don't save them.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(CloseAnswer::Save);
                }
                if ui.button("Don't Save").clicked() {
                    answer = Some(CloseAnswer::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(CloseAnswer::Cancel);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            // Escape or a click outside the question cancels, as in any dialog.
            answer = Some(CloseAnswer::Cancel);
        }
        let go_ahead = match answer {
            Some(CloseAnswer::Save) => {
                self.pending = None;
                self.save();
                // A failed save stops here: the status bar says why.
                !self.document.dirty
            }
            Some(CloseAnswer::DontSave) => {
                self.pending = None;
                true
            }
            Some(CloseAnswer::Cancel) => {
                self.pending = None;
                false
            }
            None => false,
        };
        if go_ahead {
            match pending {
                PendingAction::Close => {
                    self.close_confirmed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                PendingAction::OpenExample => self.replace_with_example(),
            }
        }
    }

    fn ask_for_file(&mut self, ctx: &egui::Context, purpose: FilePurpose) {
        let folder = self
            .document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.untitled_folder.clone());
        self.dialogs.ask(purpose, folder, ctx);
    }

    /// Carries out what a file was chosen for.
    pub fn file_chosen(&mut self, purpose: FilePurpose, path: &Path) {
        match purpose {
            FilePurpose::ExportTimeCsv => {
                let text = io::csv_time::time_entries_to_csv(&self.document.plan);
                self.export(path, &text, "hours");
            }
            FilePurpose::ImportTimeCsv => match io::read_text(path) {
                Ok(text) => {
                    let import = io::csv_time::parse_time_csv(&text, &self.document.plan);
                    self.tab = Tab::Time;
                    self.time.show_import(import);
                }
                Err(error) => {
                    self.notice = Some(Notice::Error(format!("Could not import: {error}")));
                }
            },
            FilePurpose::ExportExpensesCsv => {
                let text = io::csv_money::expenses_to_csv(&self.document.plan);
                self.export(path, &text, "expenses");
            }
            FilePurpose::ImportExpensesCsv => match io::read_text(path) {
                Ok(text) => {
                    let import = io::csv_money::parse_expenses_csv(&text, &self.document.plan);
                    self.tab = Tab::Budget;
                    self.budget.show_import(import);
                }
                Err(error) => {
                    self.notice = Some(Notice::Error(format!("Could not import: {error}")));
                }
            },
        }
    }

    fn export(&mut self, path: &Path, text: &str, what: &str) {
        self.notice = Some(match io::save_export(path, text) {
            Ok(()) => Notice::Info(format!("Exported the {what} to {}", path.display())),
            Err(error) => Notice::Error(format!("Could not export the {what}: {error}")),
        });
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // In a text field, Ctrl+Z undoes typing, not the plan.
        let typing = ctx.egui_wants_keyboard_input();
        let (save, quit, tab, undo, redo) = ctx.input_mut(|input| {
            let save = input.consume_shortcut(&SAVE);
            let quit = input.consume_shortcut(&QUIT);
            let tab = TAB_KEYS
                .iter()
                .position(|&key| input.consume_key(Modifiers::COMMAND, key));
            // Redo first: Ctrl+Shift+Z also matches Ctrl+Z's logical shortcut.
            let redo =
                !typing && (input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y));
            let undo = !typing && input.consume_shortcut(&UNDO);
            (save, quit, tab, undo, redo)
        });
        if undo {
            self.undo();
        }
        if redo {
            self.redo();
        }
        if let Some(tab) = tab.and_then(Tab::from_index) {
            self.tab = tab;
        }
        if save {
            self.save();
        }
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

#[derive(Clone, Copy)]
enum CloseAnswer {
    Save,
    DontSave,
    Cancel,
}

impl eframe::App for YearplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }
}

/// A file name from a plan title: characters that are not allowed in file
/// names on common systems become `-`.
fn file_stem_for(title: &str) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "Plan".to_owned()
    } else {
        cleaned.chars().take(100).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem_for;

    #[test]
    fn file_names_from_titles_are_safe() {
        assert_eq!(file_stem_for("Annual Plan"), "Annual Plan");
        assert_eq!(file_stem_for("Q1/Q2: plan?"), "Q1-Q2- plan-");
        assert_eq!(file_stem_for("  ..  "), "Plan");
        assert_eq!(file_stem_for("../../etc"), "-..-etc");
    }
}
