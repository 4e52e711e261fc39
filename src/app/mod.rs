//! The eframe app: one open document, the commands the UI emits, and the file
//! actions. Every edit passes through [`YearplanApp::apply_all`].

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::dialogs::{FileDialogs, FilePurpose};
use crate::io;
use crate::model::Plan;
use crate::model::command::Command;
use crate::model::derived::Derived;
pub use crate::ui::top_bar::Notice;
use crate::ui::top_bar::{FileAction, ThemeChoice};
use crate::ui::{self, PlanView, Tab};

mod files;
mod history;
mod next_year;
mod picture;
mod questions;
mod sync;
mod timer;

pub use files::Reading;
use files::{DiskWatch, LoadFor, Loading, Recovery, Saving};
use history::History;
pub use questions::PendingAction;

/// The plan being edited and where it lives on disk.
#[derive(Clone, Debug)]
pub struct Document {
    pub plan: Plan,
    /// `None` until the plan is first saved.
    pub path: Option<PathBuf>,
    /// Whether the plan has changes that are not on disk.
    pub dirty: bool,
}

/// Where "today" and "now" come from; tests fix them so figures do not
/// depend on the day they run.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    /// A fixed day, at noon.
    Fixed(NaiveDate),
    /// A fixed local date and time.
    At(NaiveDateTime),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        self.now().date()
    }

    /// The local date and time.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Clock::System => chrono::Local::now().naive_local(),
            Clock::Fixed(date) => {
                date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            }
            Clock::At(at) => at,
        }
    }
}

/// egui's fonts, with Hack (already there for monospace text) behind the
/// proportional font, which lacks signs the window uses: the timer's ●.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(proportional) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        proportional.push("Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// What the app remembers between runs, apart from the plan (which is the
/// person's file): kept by eframe in the app's data folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Most recent first, at most [`Preferences::RECENT`].
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub last_tab: Tab,
}

impl Preferences {
    pub const RECENT: usize = 10;
    /// The key eframe stores them under.
    pub const KEY: &'static str = "yearplan";

    fn remember(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(Self::RECENT);
    }
}

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const TIMER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::T);
const TAB_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];

pub struct YearplanApp {
    document: Document,
    /// Aggregates of the plan, recomputed only when the plan changes.
    derived: Derived,
    tab: Tab,
    swimlanes: ui::swimlanes::SwimlanesTab,
    time: ui::time::TimeTab,
    budget: ui::budget::BudgetTab,
    overview: ui::overview::OverviewTab,
    metrics: ui::metrics::MetricsTab,
    dialogs: FileDialogs,
    notice: Option<Notice>,
    /// A failure the person must see: shown in a dialog until dismissed.
    error: Option<String>,
    clock: Clock,
    prefs: Preferences,
    /// Where a plan with no file yet is saved; the user's documents folder.
    untitled_folder: Option<PathBuf>,
    /// The window title last sent, so it is only sent when it changes.
    shown_title: String,
    /// Something that would replace or close the plan while it has unsaved
    /// changes: the question "save first?" is showing.
    pending: Option<PendingAction>,
    /// The person answered that question for closing; the next close goes through.
    close_confirmed: bool,
    /// The "New plan" dialog, with the start date being chosen.
    new_plan_dialog: Option<questions::NewPlanDialog>,
    /// Set by an answered question: close the window this frame.
    close_requested_by_app: bool,
    /// Set by an answered question: open a file dialog this frame.
    open_dialog_wanted: Option<FilePurpose>,
    history: History,
    /// Which state of the plan is showing: each change makes a new one, and
    /// undo and redo go back to earlier ones.
    revision: u64,
    /// The state that is on disk; `None` when none is.
    saved_revision: Option<u64>,
    loading: Option<Loading>,
    saving: Option<Saving>,
    /// What waits for the save under way: the answer "Save" to "save first?".
    after_save: Option<PendingAction>,
    disk: DiskWatch,
    recovery: Recovery,
    /// The plan as its file held it when last opened or saved here: what
    /// both sides started from when the file changes under unsaved edits.
    base: Option<Plan>,
    /// The merge being looked at before it is applied.
    merging: Option<sync::MergeView>,
    /// Copies of the plan a sync tool left beside its file after a conflict.
    conflict_copies: Vec<PathBuf>,
    /// The conflict copy just merged: its banner offers the trash.
    merged_copy: Option<PathBuf>,
    /// The timer's category and note for the next start, wherever it shows.
    timer_form: ui::timer::TimerForm,
    /// The plan was just put in the window: look once whether its timer
    /// was left running.
    check_forgotten_timer: bool,
    /// The question "was the timer left running?", while it shows.
    forgotten_timer: Option<ui::timer::ForgottenTimer>,
    /// A picture of the window being taken and written.
    picture: Option<picture::Picture>,
    /// Where the next picture goes: its file was just chosen.
    picture_wanted: Option<PathBuf>,
}

impl YearplanApp {
    pub fn new(document: Document) -> YearplanApp {
        let derived = Derived::of(&document.plan);
        let dirty = document.dirty;
        let disk = DiskWatch::of(document.path.as_deref());
        let base = (document.path.is_some() && !dirty).then(|| document.plan.clone());
        let conflict_copies = document
            .path
            .as_deref()
            .map(io::conflict_copies_of)
            .unwrap_or_default();
        YearplanApp {
            document,
            derived,
            tab: Tab::default(),
            swimlanes: ui::swimlanes::SwimlanesTab::default(),
            time: ui::time::TimeTab::default(),
            budget: ui::budget::BudgetTab::default(),
            overview: ui::overview::OverviewTab::default(),
            metrics: ui::metrics::MetricsTab::default(),
            dialogs: FileDialogs::default(),
            notice: None,
            error: None,
            clock: Clock::System,
            prefs: Preferences::default(),
            untitled_folder: directories::UserDirs::new().map(|dirs| {
                dirs.document_dir()
                    .unwrap_or_else(|| dirs.home_dir())
                    .to_path_buf()
            }),
            shown_title: String::new(),
            pending: None,
            close_confirmed: false,
            new_plan_dialog: None,
            close_requested_by_app: false,
            open_dialog_wanted: None,
            history: History::default(),
            revision: 0,
            saved_revision: (!dirty).then_some(0),
            loading: None,
            saving: None,
            after_save: None,
            disk,
            recovery: Recovery::default(),
            base,
            merging: None,
            conflict_copies,
            merged_copy: None,
            timer_form: ui::timer::TimerForm::default(),
            check_forgotten_timer: true,
            forgotten_timer: None,
            picture: None,
            picture_wanted: None,
        }
    }

    /// Builds the app for `eframe` on the embedded default plan, and starts
    /// reading `path` on another thread: the window is up at once, saying
    /// which plan it is opening, and shows the plan when it has been read
    /// (`wait_for_load` takes it in without a window).
    pub fn open(path: Option<&Path>, clock: Clock) -> YearplanApp {
        YearplanApp::opening(path.map(Reading::start), clock)
    }

    /// [`YearplanApp::open`] on a plan whose reading has already started.
    pub fn opening(reading: Option<Reading>, clock: Clock) -> YearplanApp {
        let document = Document {
            plan: io::default_plan(clock.today()),
            path: None,
            dirty: false,
        };
        let mut app = YearplanApp::new(document).with_clock(clock);
        app.loading = reading.map(Loading::start);
        app
    }

    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> YearplanApp {
        self.clock = clock;
        self
    }

    /// Moves the clock, as time passing does (tests).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Where plans without a file are saved (tests point it at a temporary folder).
    #[must_use]
    pub fn with_untitled_folder(mut self, folder: impl Into<PathBuf>) -> YearplanApp {
        self.untitled_folder = Some(folder.into());
        self
    }

    /// The preferences kept from the last run: recent files, theme, last tab.
    #[must_use]
    pub fn with_preferences(mut self, prefs: Preferences) -> YearplanApp {
        let opened = self.prefs.recent.first().cloned();
        self.tab = prefs.last_tab;
        self.prefs = prefs;
        if let Some(path) = opened {
            self.prefs.remember(&path);
        }
        self
    }

    /// The recovery folder in the app's data folder
    /// (`~/.local/share/yearplan/recovery` on Linux).
    pub fn default_recovery_folder() -> Option<PathBuf> {
        Recovery::default_folder()
    }

    /// Where recovery copies are kept, and whether one from a crash is
    /// waiting: then the next frame offers to restore it.
    #[must_use]
    pub fn with_recovery_folder(mut self, folder: impl Into<PathBuf>) -> YearplanApp {
        self.recovery = Recovery::in_folder(folder.into());
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

    /// The message of the error dialog, while it shows.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// `Yearplan — Annual Plan`, with a dot when there are unsaved changes,
    /// after the running timer if there is one: `● Learning 0:42 · Yearplan — …`.
    pub fn window_title(&self) -> String {
        if let Some(loading) = self.loading.as_ref().filter(|_| self.is_starting()) {
            return format!(
                "Yearplan — opening {}…",
                ui::top_bar::file_label(loading.path())
            );
        }
        let marker = if self.document.dirty { " •" } else { "" };
        let plan = &self.document.plan;
        let timer = plan.timer.as_ref().map_or_else(String::new, |timer| {
            format!(
                "{} · ",
                ui::timer::running_text(plan, timer, self.clock.now())
            )
        });
        format!("{timer}Yearplan — {}{marker}", plan.display_title())
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
                Ok(true) => {
                    changed = true;
                    if let Some(said) = imported_text(command) {
                        self.notice = Some(Notice::Info(said));
                    }
                }
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

    /// Puts `plan` in the window as one undo step (a merge, or the file's
    /// new version taken in).
    fn replace_plan_as_one_step(&mut self, plan: Plan) {
        if plan == self.document.plan {
            return;
        }
        let before = std::mem::replace(&mut self.document.plan, plan);
        self.history.record(before, self.revision);
        self.revision = self.history.next_revision();
        self.plan_changed();
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
        self.recovery.plan_changed();
    }

    /// Puts another plan in the window, with a fresh history.
    fn replace_document(&mut self, document: Document) {
        // Callers that read the plan from its file set the base after.
        self.base = None;
        self.merging = None;
        self.conflict_copies.clear();
        self.merged_copy = None;
        self.check_forgotten_timer = true;
        self.forgotten_timer = None;
        self.derived = Derived::of(&document.plan);
        self.disk = DiskWatch::of(document.path.as_deref());
        self.document = document;
        self.history = History::default();
        self.revision = 0;
        self.saved_revision = (!self.document.dirty).then_some(0);
        self.swimlanes = ui::swimlanes::SwimlanesTab::default();
        self.time = ui::time::TimeTab::default();
        self.budget = ui::budget::BudgetTab::default();
        self.overview = ui::overview::OverviewTab::default();
        self.metrics = ui::metrics::MetricsTab::default();
        if let Some(path) = self.document.path.clone() {
            self.prefs.remember(&path);
        }
    }

    fn show_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        // A screen reader names the window by its accessibility root, which
        // egui makes anew each frame without a name.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |root| {
            root.set_label(self.shown_title.as_str());
        });
    }

    fn show_error(&mut self, message: String) {
        self.notice = Some(Notice::Error(
            message.lines().next().unwrap_or_default().to_owned(),
        ));
        self.error = Some(message);
    }

    /// Draws the whole window. Separate from [`eframe::App::ui`] so that tests
    /// and the benchmark can run it without a native window.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_loading(&ctx);
        if self.is_starting() {
            self.show_title(&ctx);
            if let Some(loading) = &self.loading {
                ui::top_bar::starting_ui(ui, loading.path());
            }
            return;
        }
        self.handle_shortcuts(&ctx);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.poll_saving(&ctx);
        self.poll_picture(&ctx);
        self.watch_disk(&ctx);
        let now = self.clock.now();
        self.tick_timer(&ctx, now);

        self.show_title(&ctx);

        let mut commands = Vec::new();
        let mut action = None;
        let mut time_request = None;
        let mut budget_request = None;
        let mut go_to = None;

        let view = PlanView {
            plan: &self.document.plan,
            derived: &self.derived,
            today: now.date(),
            now,
            running: self
                .document
                .plan
                .timer
                .as_ref()
                .map(|timer| timer.running(now)),
            revision: self.revision,
        };
        egui::Panel::top("top_bar").show(ui, |ui| {
            let state = ui::top_bar::BarState {
                title: view.plan.display_title(),
                dirty: self.document.dirty,
                can_undo: self.history.can_undo(),
                can_redo: self.history.can_redo(),
                recent: &self.prefs.recent,
                theme: self.prefs.theme,
            };
            let timer_form = &mut self.timer_form;
            action = ui::top_bar::ui(ui, &state, &mut self.tab, |ui| {
                ui::timer::bar_ui(ui, &view, timer_form);
            });
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let loading = self.loading.as_ref().map(Loading::path);
            ui::top_bar::status_ui(
                ui,
                self.notice.as_ref(),
                self.document.path.as_deref(),
                loading,
            );
        });
        let mut disk_answer = None;
        if self.disk.changed_outside() && self.merging.is_none() {
            egui::Panel::top("disk_banner").show(ui, |ui| {
                disk_answer = ui::top_bar::disk_banner_ui(ui, self.document.dirty);
            });
        }
        let mut copy_answer = None;
        if let Some(copy) = self
            .merged_copy
            .clone()
            .or_else(|| self.conflict_copies.first().cloned())
            && self.merging.is_none()
        {
            let merged = self.merged_copy.is_some();
            egui::Panel::top("conflict_copy_banner").show(ui, |ui| {
                copy_answer = ui::merge::copy_banner_ui(ui, &copy, merged);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let timer = &mut self.timer_form;
            match self.tab {
                Tab::Overview => go_to = self.overview.ui(ui, &view, timer),
                Tab::Swimlanes => self.swimlanes.ui(ui, &view, &mut commands),
                Tab::Time => time_request = self.time.ui(ui, &view, &mut commands, timer),
                Tab::Budget => budget_request = self.budget.ui(ui, &view, &mut commands),
                Tab::MetricsReviews => self.metrics.ui(ui, &view, &mut commands),
            }
        });
        ui::top_bar::drop_hint_ui(&ctx);
        if let Some(answer) = disk_answer {
            self.disk_banner_answered(answer);
        }
        if let Some(answer) = copy_answer {
            self.conflict_copy_answered(answer);
        }
        if let Some(tab) = go_to {
            self.tab = tab;
        }

        self.forgotten_timer_ui(&ctx, now);
        self.questions_ui(&ctx);
        self.apply_all(&commands);
        if let Some(request) = self.timer_form.take_request() {
            self.timer_request(request);
        }
        self.recovery
            .keep(&ctx, &self.document, self.base.as_ref(), self.revision);

        match time_request {
            Some(ui::time::TimeRequest::ExportCsv) => {
                self.ask_for_file(&ctx, FilePurpose::ExportTimeCsv);
            }
            Some(ui::time::TimeRequest::ImportCsv) => {
                self.ask_for_file(&ctx, FilePurpose::ImportTimeCsv);
            }
            None => {}
        }
        match budget_request {
            Some(ui::budget::BudgetRequest::ExportCsv) => {
                self.ask_for_file(&ctx, FilePurpose::ExportExpensesCsv);
            }
            Some(ui::budget::BudgetRequest::ImportCsv) => {
                self.ask_for_file(&ctx, FilePurpose::ImportExpensesCsv);
            }
            None => {}
        }
        if let Some((purpose, path)) = self.dialogs.poll() {
            self.file_chosen(purpose, &path);
        }
        if let Some(path) = self.picture_wanted.take() {
            self.save_picture(&ctx, &path);
        }
        if self.overview.take_next_year_request() {
            action = Some(FileAction::StartNextYear);
        }
        if let Some(action) = action {
            self.file_action(&ctx, action);
        }
        self.prefs.last_tab = self.tab;
    }

    fn file_action(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::New => self.ask_first(PendingAction::New),
            FileAction::StartNextYear => self.ask_first(PendingAction::StartNextYear),
            FileAction::Open => self.ask_first(PendingAction::Open),
            FileAction::OpenRecent(path) => self.ask_first(PendingAction::OpenPath(path)),
            FileAction::RemoveRecent(path) => self.prefs.recent.retain(|known| *known != path),
            FileAction::OpenExample => self.ask_first(PendingAction::OpenExample),
            FileAction::Save => self.save(),
            FileAction::SaveAs => self.ask_for_file(ctx, FilePurpose::SavePlanAs),
            FileAction::ImportMarkdown => self.ask_first(PendingAction::ImportMarkdown),
            FileAction::ExportMarkdown => self.ask_for_file(ctx, FilePurpose::ExportMarkdown),
            FileAction::ExportTimeCsv => self.ask_for_file(ctx, FilePurpose::ExportTimeCsv),
            FileAction::ExportExpensesCsv => {
                self.ask_for_file(ctx, FilePurpose::ExportExpensesCsv);
            }
            FileAction::SavePicture => self.ask_for_file(ctx, FilePurpose::SavePicture),
            FileAction::ExportStatusPage => self.ask_for_file(ctx, FilePurpose::ExportStatusPage),
            FileAction::ExportCalendar => self.ask_for_file(ctx, FilePurpose::ExportCalendar),
            FileAction::Theme(theme) => {
                self.prefs.theme = theme;
                ctx.set_theme(theme.preference());
            }
            FileAction::Undo => self.undo(),
            FileAction::Redo => self.redo(),
            FileAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            FileAction::StartOrStopTimer => self.start_or_stop_timer(),
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // In a text field, Ctrl+Z undoes typing, not the plan.
        let typing = ctx.egui_wants_keyboard_input();
        let mut actions = Vec::new();
        let tab = ctx.input_mut(|input| {
            // Longer shortcuts first: Ctrl+Shift+S also matches Ctrl+S.
            if input.consume_shortcut(&SAVE_AS) {
                actions.push(FileAction::SaveAs);
            }
            if input.consume_shortcut(&SAVE) {
                actions.push(FileAction::Save);
            }
            if input.consume_shortcut(&NEW) {
                actions.push(FileAction::New);
            }
            if input.consume_shortcut(&OPEN) {
                actions.push(FileAction::Open);
            }
            if input.consume_shortcut(&QUIT) {
                actions.push(FileAction::Quit);
            }
            if input.consume_shortcut(&TIMER) {
                actions.push(FileAction::StartOrStopTimer);
            }
            if !typing && (input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y)) {
                actions.push(FileAction::Redo);
            }
            if !typing && input.consume_shortcut(&UNDO) {
                actions.push(FileAction::Undo);
            }
            TAB_KEYS
                .iter()
                .position(|&key| input.consume_key(Modifiers::COMMAND, key))
        });
        if let Some(tab) = tab.and_then(Tab::from_index) {
            self.tab = tab;
        }
        for action in actions {
            self.file_action(ctx, action);
        }
    }
}

impl eframe::App for YearplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Preferences::KEY, &self.prefs);
    }
}

/// What an import added, for the status line: the preview has closed, and
/// the rows it added may be in months the table does not show.
fn imported_text(command: &Command) -> Option<String> {
    use crate::model::command::{MoneyCommand, TimeCommand};
    use crate::ui::widgets::count;
    let (records, buckets, (one, many), (bucket, buckets_word)) = match command {
        Command::Time(TimeCommand::Import(batch)) => (
            batch.records.len(),
            batch.new_buckets.len(),
            ("entry", "entries"),
            ("category", "categories"),
        ),
        Command::Money(MoneyCommand::Import(batch)) => (
            batch.records.len(),
            batch.new_buckets.len(),
            ("expense", "expenses"),
            ("budget line", "budget lines"),
        ),
        _ => return None,
    };
    let mut said = format!("Imported {}", count(records, one, many));
    if buckets > 0 {
        let word = if buckets == 1 { bucket } else { buckets_word };
        said.push_str(&format!(" and {buckets} new {word}"));
    }
    said.push_str("; Undo takes the import back.");
    Some(said)
}
