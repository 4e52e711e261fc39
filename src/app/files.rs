//! Opening, saving, importing and exporting; watching the file on disk; and
//! the recovery copy that survives a crash.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::sync::MergeWith;
use super::{Document, Notice, PendingAction, YearplanApp};
use crate::dialogs::FilePurpose;
use crate::io::{self, FileError};
use crate::model::Plan;
use crate::ui::Tab;
use crate::ui::top_bar::{DiskAnswer, file_label};

/// A plan file being read on another thread, so a large file never
/// freezes the window. The window's first plan starts being read before
/// the window exists ([`Reading::start`] in `main`), beside its making.
pub struct Reading {
    path: PathBuf,
    receiver: Receiver<Result<Plan, FileError>>,
    /// The window to wake once the plan is read, so it shows at once rather
    /// than at the next look. Set by the first frame that looks: a read
    /// started before the window exists wakes it too.
    waker: Arc<Mutex<Option<egui::Context>>>,
}

impl Reading {
    /// Starts reading the plan at `path`.
    pub fn start(path: &Path) -> Reading {
        Reading::start_with(path, io::load_plan)
    }

    /// Starts reading with `read` (a test holds the reading back with it).
    pub fn start_with(
        path: &Path,
        read: impl FnOnce(&Path) -> Result<Plan, FileError> + Send + 'static,
    ) -> Reading {
        let (sender, receiver) = channel();
        let owned = path.to_path_buf();
        let waker: Arc<Mutex<Option<egui::Context>>> = Arc::default();
        let wakes = Arc::clone(&waker);
        let spawned = std::thread::Builder::new()
            .name("open-plan".to_owned())
            .spawn(move || {
                let _ = sender.send(read(&owned));
                if let Ok(window) = wakes.lock()
                    && let Some(ctx) = window.as_ref()
                {
                    ctx.request_repaint();
                }
            });
        let receiver = match spawned {
            Ok(_) => receiver,
            // No thread to be had: read it here rather than not at all
            // (plainly: `read` went with the thread that could not start).
            Err(_) => {
                let (sender, receiver) = channel();
                let _ = sender.send(io::load_plan(path));
                receiver
            }
        };
        Reading {
            path: path.to_path_buf(),
            receiver,
            waker,
        }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The file and its plan if it has been read, or the reading itself
    /// back if not, to wake `ctx` once it has.
    #[allow(clippy::type_complexity)]
    fn poll(self, ctx: &egui::Context) -> Result<(PathBuf, Result<Plan, FileError>), Reading> {
        // Before looking, so a read that ends after the look still wakes us.
        if let Ok(mut window) = self.waker.lock()
            && window.is_none()
        {
            *window = Some(ctx.clone());
        }
        match self.receiver.try_recv() {
            Ok(result) => Ok((self.path, result)),
            Err(TryRecvError::Empty) => Err(self),
            Err(TryRecvError::Disconnected) => Ok((self.path.clone(), Err(self.stopped()))),
        }
    }

    /// Blocks until the plan has been read.
    fn wait(self) -> (PathBuf, Result<Plan, FileError>) {
        let result = self.receiver.recv().unwrap_or_else(|_| Err(self.stopped()));
        (self.path, result)
    }

    fn stopped(&self) -> FileError {
        FileError::Read {
            path: self.path.clone(),
            source: std::io::Error::other("reading it stopped unexpectedly"),
        }
    }
}

/// A plan being read, and what for.
pub(super) struct Loading {
    reading: Reading,
    purpose: LoadFor,
}

/// What a plan is read for.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum LoadFor {
    /// To open it as the window starts: the window is up while it is read.
    Start,
    /// To open it in place of the plan in the window.
    Open,
    /// The plan's own file changed and nothing here is unsaved: to take it
    /// in as one undoable step.
    Reload,
    /// To merge it into the plan in the window.
    Merge(MergeWith),
    /// To see whether the plan's file still holds the base (after a
    /// recovery copy was restored); if not, it is offered for merging.
    CompareWithBase,
}

impl Loading {
    /// The reading of the plan the window starts with.
    pub(super) fn start(reading: Reading) -> Loading {
        Loading {
            reading,
            purpose: LoadFor::Start,
        }
    }

    pub(super) fn path(&self) -> &Path {
        self.reading.path()
    }
}

/// A plan being written on another thread.
pub(super) struct Saving {
    path: PathBuf,
    /// The state of the plan being written.
    revision: u64,
    /// The plan being written: the base of the next merge once it is on disk.
    plan: Plan,
    kind: SaveKind,
    receiver: Receiver<Result<(), FileError>>,
}

/// What a save writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SaveKind {
    /// The plan in the window. Says "Saved to …" unless something more
    /// telling is on the status line (what the timer recorded).
    Whole { keep_notice: bool },
    /// The file's own version with only the timer's change: the plan in
    /// the window keeps its other changes unsaved.
    TimerOnly,
    /// This year's plan read from its file, given its year-end review made
    /// on `today` (unless it has one) and written back; once it is, the
    /// window turns to the year starting on `start`.
    YearEndReview {
        today: NaiveDate,
        review: crate::model::ReviewId,
        start: NaiveDate,
        unfinished: crate::model::next_year::Unfinished,
    },
}

/// What a save of `kind` does to the file at `path`: writes `plan`, or for
/// the year-end review, reads the file's own plan and writes it back with
/// the review.
fn write(path: &Path, plan: &Plan, kind: SaveKind) -> Result<(), FileError> {
    match kind {
        SaveKind::Whole { .. } | SaveKind::TimerOnly => io::save_plan(path, plan),
        SaveKind::YearEndReview { today, review, .. } => {
            super::next_year::write_year_end_review(path, today, review)
        }
    }
}

/// What the file looked like when the app last read or wrote it, to notice
/// another program (an editor, `git pull`, a sync tool) changing it.
#[derive(Default)]
pub(super) struct DiskWatch {
    path: Option<PathBuf>,
    stamp: Option<Stamp>,
    /// The file changed and the person has not answered yet.
    changed: bool,
    /// The person chose to keep their version: Save must still ask.
    pub(super) kept_ours: bool,
    next_check: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
        })
    }
}

impl DiskWatch {
    /// How often the file is looked at, in seconds.
    const EVERY_SECS: f64 = 2.0;

    pub(super) fn of(path: Option<&Path>) -> DiskWatch {
        DiskWatch {
            path: path.map(Path::to_path_buf),
            stamp: path.and_then(Stamp::of),
            ..DiskWatch::default()
        }
    }

    pub(super) fn changed_outside(&self) -> bool {
        self.changed
    }

    /// The file has been looked at and its change dealt with (taken in,
    /// merged, or answered): the next change is a new one.
    pub(super) fn settled(&mut self) {
        self.changed = false;
        self.kept_ours = false;
        self.stamp = self.path.as_deref().and_then(Stamp::of);
    }

    /// The file changed (noticed some other way than by its stamp, e.g. a
    /// restored copy whose base is not what the file now holds).
    pub(super) fn mark_changed(&mut self) {
        if self.path.is_some() {
            self.changed = true;
        }
    }

    /// Whether the file is no longer what the app last read or wrote.
    pub(super) fn differs(&self) -> bool {
        match &self.path {
            Some(path) => Stamp::of(path) != self.stamp,
            None => false,
        }
    }
}

/// The copy of a plan with unsaved changes, written to the app's data folder
/// a moment after each edit, so a crash or a power cut costs nothing.
#[derive(Default)]
pub(super) struct Recovery {
    folder: Option<PathBuf>,
    /// The revision last written, so the same state is not written twice.
    written: Option<u64>,
    /// When the plan last changed (egui time), to write a moment after.
    changed_at: Option<f64>,
    /// A copy found at start, from a run that ended without saving.
    pub(super) offer: Option<RecoveredPlan>,
}

/// A recovery copy found on disk.
pub struct RecoveredPlan {
    pub plan: Plan,
    /// The plan as its file held it when the copy was made, if known.
    pub base: Option<Plan>,
    pub about: RecoveryAbout,
}

/// What the recovery copy was a copy of, and when it was written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryAbout {
    pub source: Option<PathBuf>,
    /// RFC 3339, local time.
    pub written_at: String,
}

impl Recovery {
    /// Seconds after the last edit before the copy is written: soon enough
    /// that little is lost, late enough not to write on every keystroke.
    const DELAY_SECS: f64 = 1.5;

    pub(super) fn in_folder(folder: PathBuf) -> Recovery {
        let offer = read_recovery(&folder);
        Recovery {
            folder: Some(folder),
            offer,
            ..Recovery::default()
        }
    }

    /// The app's own data folder, where eframe keeps its settings too.
    pub(super) fn default_folder() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "yearplan")
            .map(|dirs| dirs.data_dir().join("recovery"))
    }

    pub(super) fn plan_changed(&mut self) {
        self.changed_at = None;
    }

    /// Writes the copy once the plan has rested for a moment with unsaved
    /// changes; asks for a repaint so that moment is not missed.
    pub(super) fn keep(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        base: Option<&Plan>,
        revision: u64,
    ) {
        let Some(folder) = self.folder.clone() else {
            return;
        };
        if !document.dirty || self.written == Some(revision) {
            return;
        }
        let now = ctx.input(|input| input.time);
        let changed_at = *self.changed_at.get_or_insert(now);
        let waited = now - changed_at;
        if waited < Self::DELAY_SECS {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                Self::DELAY_SECS - waited,
            ));
            return;
        }
        let about = RecoveryAbout {
            source: document.path.clone(),
            written_at: chrono::Local::now().to_rfc3339(),
        };
        if write_recovery(&folder, &document.plan, base, &about).is_ok() {
            self.written = Some(revision);
        }
    }

    /// Forgets the copy: the plan is safely on disk, or the person chose to
    /// drop their changes.
    pub(super) fn clear(&mut self) {
        self.written = None;
        self.changed_at = None;
        if let Some(folder) = &self.folder {
            let _ = std::fs::remove_file(folder.join(RECOVERY_PLAN));
            let _ = std::fs::remove_file(folder.join(RECOVERY_ABOUT));
            let _ = std::fs::remove_file(folder.join(RECOVERY_BASE));
        }
    }
}

const RECOVERY_PLAN: &str = "unsaved.plan.ron";
const RECOVERY_ABOUT: &str = "unsaved.about.ron";
/// The plan as its file held it when last opened or saved, beside the copy:
/// the base a merge needs should the file change before the copy is saved.
const RECOVERY_BASE: &str = "unsaved.base.ron";

fn write_recovery(
    folder: &Path,
    plan: &Plan,
    base: Option<&Plan>,
    about: &RecoveryAbout,
) -> Result<(), FileError> {
    std::fs::create_dir_all(folder).map_err(|source| FileError::Write {
        path: folder.to_path_buf(),
        step: "could not create the recovery folder".to_owned(),
        source,
    })?;
    let text = io::to_ron_string(plan).map_err(|source| FileError::Serialize {
        path: folder.join(RECOVERY_PLAN),
        source,
    })?;
    io::save_export(&folder.join(RECOVERY_PLAN), &text)?;
    match base {
        Some(base) => {
            let base_text = io::to_ron_string(base).map_err(|source| FileError::Serialize {
                path: folder.join(RECOVERY_BASE),
                source,
            })?;
            io::save_export(&folder.join(RECOVERY_BASE), &base_text)?;
        }
        None => {
            let _ = std::fs::remove_file(folder.join(RECOVERY_BASE));
        }
    }
    let about_text = ron::ser::to_string_pretty(about, io::pretty_config()).map_err(|source| {
        FileError::Serialize {
            path: folder.join(RECOVERY_ABOUT),
            source,
        }
    })?;
    io::save_export(&folder.join(RECOVERY_ABOUT), &about_text)
}

fn read_recovery(folder: &Path) -> Option<RecoveredPlan> {
    let plan = io::load_plan(&folder.join(RECOVERY_PLAN)).ok()?;
    let about = io::read_text(&folder.join(RECOVERY_ABOUT))
        .ok()
        .and_then(|text| ron::from_str::<RecoveryAbout>(&text).ok())
        .unwrap_or(RecoveryAbout {
            source: None,
            written_at: String::new(),
        });
    let base = io::load_plan(&folder.join(RECOVERY_BASE)).ok();
    Some(RecoveredPlan { plan, base, about })
}

impl YearplanApp {
    /// Saves to the plan's file, or into the documents folder under its title
    /// when it has none yet. Asks first if another program changed the file.
    pub fn save(&mut self) {
        if self.document.path.is_some() && (self.disk.kept_ours || self.disk.differs()) {
            self.pending = Some(PendingAction::OverwriteChangedFile);
            return;
        }
        self.save_now();
    }

    pub(super) fn save_now(&mut self) {
        let path = match &self.document.path {
            Some(path) => path.clone(),
            None => match self.untitled_path() {
                Some(path) => path,
                None => {
                    self.show_error(
                        "Could not save: no documents or home folder was found. \
                         Use Save As to choose where."
                            .to_owned(),
                    );
                    return;
                }
            },
        };
        self.save_to(&path);
    }

    /// Writes the plan to `path`, which becomes its file, on another
    /// thread, so a large plan never freezes the window; the app takes the
    /// result in a later frame ([`Self::wait_for_save`] waits for it).
    pub fn save_to(&mut self, path: &Path) {
        let plan = self.document.plan.clone();
        self.start_saving(path, plan, SaveKind::Whole { keep_notice: false });
    }

    /// Saves the plan to its file, leaving the status line as it is.
    pub(super) fn save_keeping_notice(&mut self, path: &Path) {
        let plan = self.document.plan.clone();
        self.start_saving(path, plan, SaveKind::Whole { keep_notice: true });
    }

    /// Writes `plan` (the file's version with the timer's change) to the
    /// plan's file, while the window's plan stays unsaved.
    pub(super) fn save_beside_unsaved(&mut self, path: &Path, plan: Plan) {
        self.start_saving(path, plan, SaveKind::TimerOnly);
    }

    pub(super) fn start_saving(&mut self, path: &Path, plan: Plan, kind: SaveKind) {
        if self.saving.is_some() {
            self.notice = Some(Notice::Info("Still saving the plan…".to_owned()));
            return;
        }
        let written = plan.clone();
        let owned = path.to_path_buf();
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new()
            .name("save-plan".to_owned())
            .spawn(move || {
                let _ = sender.send(write(&owned, &plan, kind));
            });
        let saving = Saving {
            path: path.to_path_buf(),
            revision: self.revision,
            plan: written,
            kind,
            receiver,
        };
        match spawned {
            Ok(_) => self.saving = Some(saving),
            // No thread to be had: write it here rather than not at all.
            Err(_) => {
                let result = write(path, &saving.plan, kind);
                self.saved(&saving, result);
            }
        }
    }

    /// Whether a save is under way.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Blocks until a save under way has finished and takes its result.
    pub fn wait_for_save(&mut self) {
        if let Some(saving) = self.saving.take() {
            let result = saving.receiver.recv().unwrap_or_else(|_| {
                Err(FileError::Write {
                    path: saving.path.clone(),
                    step: "saving stopped unexpectedly".to_owned(),
                    source: std::io::Error::other("the saving thread ended"),
                })
            });
            self.saved(&saving, result);
        }
    }

    pub(super) fn poll_saving(&mut self, ctx: &egui::Context) {
        let Some(saving) = &self.saving else {
            return;
        };
        match saving.receiver.try_recv() {
            Ok(result) => {
                if let Some(saving) = self.saving.take() {
                    self.saved(&saving, result);
                }
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(20));
            }
            Err(TryRecvError::Disconnected) => {
                if let Some(saving) = self.saving.take() {
                    self.after_save = None;
                    self.show_error(format!(
                        "Could not save the plan to {}: saving stopped unexpectedly.",
                        saving.path.display()
                    ));
                }
            }
        }
    }

    fn saved(&mut self, saving: &Saving, result: Result<(), FileError>) {
        match (result, saving.kind) {
            (Ok(()), SaveKind::TimerOnly) => {
                self.disk = DiskWatch::of(Some(&saving.path));
                self.base = Some(saving.plan.clone());
                // No state of the window's history is what the file holds now.
                self.saved_revision = None;
            }
            (Err(error), SaveKind::TimerOnly) => {
                self.show_error(format!(
                    "Could not write the timer to the plan's file.\n\n{error}"
                ));
            }
            (Ok(()), SaveKind::Whole { keep_notice }) => {
                let path = &saving.path;
                if !keep_notice {
                    self.notice = Some(Notice::Info(format!("Saved to {}", path.display())));
                }
                self.document.path = Some(path.clone());
                self.saved_revision = Some(saving.revision);
                // Edits made while it was being written are still unsaved.
                self.document.dirty = self.revision != saving.revision;
                self.disk = DiskWatch::of(Some(path));
                self.base = Some(saving.plan.clone());
                if !self.document.dirty {
                    self.recovery.clear();
                }
                self.prefs.remember(path);
                if let Some(action) = self.after_save.take() {
                    self.go_ahead(action);
                }
            }
            (Err(error), SaveKind::Whole { .. }) => {
                self.after_save = None;
                self.show_error(format!("Could not save the plan.\n\n{error}"));
            }
            (
                Ok(()),
                SaveKind::YearEndReview {
                    start, unfinished, ..
                },
            ) => {
                self.turn_to_next_year(start, unfinished);
            }
            (Err(error), SaveKind::YearEndReview { .. }) => {
                self.show_error(format!(
                    "Could not write the year-end review into this year's plan, so the \
                     next year was not started.\n\n{error}"
                ));
            }
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

    /// Opens the plan at `path` in place of this one, reading it on another
    /// thread. Does not ask about unsaved changes: callers do.
    pub fn open_path(&mut self, path: &Path) {
        self.read_in_background(path, LoadFor::Open);
    }

    /// Reads the plan at `path` on another thread; what it is for decides
    /// what happens once it has been read.
    pub(super) fn read_in_background(&mut self, path: &Path, purpose: LoadFor) {
        self.loading = Some(Loading {
            reading: Reading::start(path),
            purpose,
        });
    }

    /// Whether a plan is being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether the plan the window started with is still being read.
    pub fn is_starting(&self) -> bool {
        self.loading
            .as_ref()
            .is_some_and(|loading| loading.purpose == LoadFor::Start)
    }

    /// Blocks until the plan being read is read, and takes it in.
    pub fn wait_for_load(&mut self) {
        if let Some(Loading { reading, purpose }) = self.loading.take() {
            let (path, result) = reading.wait();
            self.read(&path, &purpose, result);
        }
    }

    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(Loading { reading, purpose }) = self.loading.take() else {
            return;
        };
        match reading.poll(ctx) {
            Ok((path, result)) => self.read(&path, &purpose, result),
            Err(reading) => self.loading = Some(Loading { reading, purpose }),
        }
    }

    fn read(&mut self, path: &Path, purpose: &LoadFor, result: Result<Plan, FileError>) {
        match purpose {
            LoadFor::Start => self.started(path, result),
            LoadFor::Open => self.opened(path, result),
            LoadFor::Reload => self.reloaded(path, result),
            LoadFor::Merge(with) => self.merge_read(with, result),
            LoadFor::CompareWithBase => {
                if result.is_ok_and(|on_disk| Some(&on_disk) != self.base.as_ref()) {
                    self.disk.mark_changed();
                }
            }
        }
    }

    fn opened(&mut self, path: &Path, result: Result<Plan, FileError>) {
        match result {
            Ok(plan) => {
                self.put_in_window(path, plan);
                self.recovery.clear();
                self.notice = Some(Notice::Info(format!("Opened {}", path.display())));
            }
            // The open plan stays exactly as it was.
            Err(error) => self.show_error(format!("Could not open the plan.\n\n{error}")),
        }
    }

    /// Puts the plan read from `path` in the window, as its file holds it.
    fn put_in_window(&mut self, path: &Path, plan: Plan) {
        let base = plan.clone();
        self.replace_document(Document {
            plan,
            path: Some(path.to_path_buf()),
            dirty: false,
        });
        self.base = Some(base);
        self.look_for_conflict_copies();
    }

    /// The plan the window started with is read. Unlike a later open, a
    /// recovery copy from a crash stays: it is offered now.
    fn started(&mut self, path: &Path, result: Result<Plan, FileError>) {
        match result {
            Ok(plan) => self.put_in_window(path, plan),
            // The window goes on with the built-in plan and says why the
            // file could not be opened: the file itself is untouched.
            Err(error) => self.show_error(format!("Could not open the plan.\n\n{error}")),
        }
    }

    /// A new plan from the built-in one, starting on `start`.
    pub fn new_plan(&mut self, start: NaiveDate) {
        self.new_plan_from(super::questions::NewFrom::Template(io::TEMPLATES[0]), start);
    }

    /// A new plan from a template or from this plan's structure, starting
    /// on `start`.
    pub(super) fn new_plan_from(&mut self, from: super::questions::NewFrom, start: NaiveDate) {
        let made = match from {
            super::questions::NewFrom::Template(template) => {
                template.plan(start).map_err(|error| error.to_string())
            }
            super::questions::NewFrom::NextYear(unfinished) => {
                return self.start_next_year(start, unfinished);
            }
            super::questions::NewFrom::ThisPlansStructure => {
                (self.document.plan.structure(start)).map_err(|error| error.to_string())
            }
        };
        let plan = match made {
            Ok(plan) => plan,
            Err(error) => {
                self.show_error(format!("Could not make the new plan.\n\n{error}"));
                return;
            }
        };
        self.replace_document(Document {
            plan,
            path: None,
            dirty: false,
        });
        self.recovery.clear();
        self.tab = Tab::Swimlanes;
        self.notice = Some(Notice::Info(
            "A new plan. Save it (Ctrl+S or Save As) to keep it.".to_owned(),
        ));
    }

    pub(super) fn open_example_now(&mut self) {
        match io::example_plan() {
            Ok(plan) => {
                self.replace_document(Document {
                    plan,
                    path: None,
                    dirty: false,
                });
                self.recovery.clear();
                self.notice = Some(Notice::Info(
                    "Opened the example plan. Save it to keep your changes.".to_owned(),
                ));
            }
            Err(error) => self.show_error(format!("Could not open the example plan.\n\n{error}")),
        }
    }

    /// Imports a Markdown plan in place of this one (it has no file until saved).
    pub fn import_markdown_from(&mut self, path: &Path) {
        match io::read_text(path) {
            Ok(text) => {
                let import = io::markdown::import_markdown(&text, self.clock.today());
                let unplaced = import.unplaced.len();
                self.replace_document(Document {
                    plan: import.plan,
                    path: None,
                    dirty: true,
                });
                self.recovery.clear();
                if unplaced == 0 {
                    self.notice = Some(Notice::Info(format!(
                        "Imported {}. Save it to keep it as a plan file.",
                        path.display()
                    )));
                } else {
                    let lines: Vec<String> = import
                        .unplaced
                        .iter()
                        .map(|line| format!("line {}: {} — {}", line.line, line.reason, line.text))
                        .collect();
                    self.show_error(format!(
                        "Imported {}, but {unplaced} line(s) could not be placed in the plan:\n\n{}",
                        path.display(),
                        lines.join("\n")
                    ));
                }
            }
            Err(error) => self.show_error(format!("Could not import the Markdown.\n\n{error}")),
        }
    }

    pub(super) fn ask_for_file(&mut self, ctx: &egui::Context, purpose: FilePurpose) {
        let folder = self
            .document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.untitled_folder.clone());
        let name = match purpose {
            FilePurpose::SavePlanAs => Some(format!(
                "{}.plan.ron",
                file_stem_for(&self.document.plan.title)
            )),
            FilePurpose::ExportMarkdown => {
                Some(format!("{}.md", file_stem_for(&self.document.plan.title)))
            }
            FilePurpose::ExportStatusPage => Some(format!(
                "{} - status.html",
                file_stem_for(&self.document.plan.title)
            )),
            FilePurpose::ExportCalendar => {
                Some(format!("{}.ics", file_stem_for(&self.document.plan.title)))
            }
            FilePurpose::SavePicture => Some(format!(
                "{} - {}.png",
                file_stem_for(&self.document.plan.title),
                file_stem_for(self.tab.label())
            )),
            _ => None,
        };
        self.dialogs.ask(purpose, folder, name, ctx);
    }

    /// Carries out what a file was chosen for.
    pub fn file_chosen(&mut self, purpose: FilePurpose, path: &Path) {
        match purpose {
            FilePurpose::OpenPlan => self.open_path(path),
            FilePurpose::SavePlanAs => self.save_to(path),
            FilePurpose::ImportMarkdown => self.import_markdown_from(path),
            FilePurpose::ExportMarkdown => {
                let text = io::markdown::export_markdown(&self.document.plan);
                self.export(path, &text, "plan as Markdown");
            }
            FilePurpose::ExportTimeCsv => {
                let text = io::csv_time::time_entries_to_csv(&self.document.plan);
                self.export(path, &text, "hours");
            }
            FilePurpose::ImportTimeCsv => self.import_hours_from(path),
            FilePurpose::ExportExpensesCsv => {
                let text = io::csv_money::expenses_to_csv(&self.document.plan);
                self.export(path, &text, "expenses");
            }
            FilePurpose::ImportExpensesCsv => self.import_expenses_from(path),
            FilePurpose::ExportStatusPage => {
                let page = crate::report::status_page(&self.document.plan, self.clock.today());
                self.export(path, &page, "status page");
            }
            FilePurpose::ExportCalendar => {
                let text = io::calendar::plan_calendar(
                    &self.document.plan,
                    self.clock.today(),
                    chrono::Utc::now(),
                );
                self.export(path, &text, "calendar");
            }
            // Taken in the next frame, which has the context to ask for it.
            FilePurpose::SavePicture => self.picture_wanted = Some(path.to_path_buf()),
        }
    }

    /// Opens the import preview of a time tracker's export on the Time tab.
    pub fn import_hours_from(&mut self, path: &Path) {
        match io::read_bytes(path) {
            Ok(bytes) => self.show_hours_import(path, bytes),
            Err(error) => self.show_error(format!("Could not import the hours.\n\n{error}")),
        }
    }

    fn show_hours_import(&mut self, path: &Path, bytes: Vec<u8>) {
        self.tab = Tab::Time;
        self.time.show_import(file_label(path), bytes);
    }

    /// Opens the import preview of a bank's or budget app's export on the
    /// Budget tab.
    pub fn import_expenses_from(&mut self, path: &Path) {
        match io::read_bytes(path) {
            Ok(bytes) => self.show_expenses_import(path, bytes),
            Err(error) => self.show_error(format!("Could not import the expenses.\n\n{error}")),
        }
    }

    fn show_expenses_import(&mut self, path: &Path, bytes: Vec<u8>) {
        self.tab = Tab::Budget;
        self.budget.show_import(file_label(path), bytes);
    }

    fn export(&mut self, path: &Path, text: &str, what: &str) {
        match io::save_export(path, text) {
            Ok(()) => {
                self.notice = Some(Notice::Info(format!(
                    "Exported the {what} to {}",
                    path.display()
                )));
            }
            Err(error) => self.show_error(format!("Could not export the {what}.\n\n{error}")),
        }
    }

    /// A plan file dropped on the window opens; a Markdown file imports.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .first()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.file_dropped(path);
        }
    }

    /// What dropping `path` on the window does: a Markdown plan imports as
    /// a new plan; a CSV or JSON export opens the import preview of the
    /// ledger it is for (the tab on show decides when the file cannot);
    /// anything else opens as a plan file.
    pub fn file_dropped(&mut self, path: PathBuf) {
        let extension = path
            .extension()
            .and_then(|extension| extension.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match extension.as_str() {
            "md" | "markdown" => self.ask_first(PendingAction::ImportMarkdownPath(path)),
            "csv" | "tsv" | "txt" | "json" => match io::read_bytes(&path) {
                // Read once: the bytes decide the ledger and go to its preview.
                Ok(bytes) => match io::import::ledger_of_file(&bytes) {
                    Some(io::import::Ledger::Expenses) => self.show_expenses_import(&path, bytes),
                    None if self.tab == Tab::Budget => self.show_expenses_import(&path, bytes),
                    Some(io::import::Ledger::Hours) | None => self.show_hours_import(&path, bytes),
                },
                Err(error) => {
                    self.show_error(format!("Could not import {}.\n\n{error}", path.display()));
                }
            },
            _ => self.ask_first(PendingAction::OpenPath(path)),
        }
    }

    /// Looks at the plan's file every few seconds; a change made by another
    /// program shows a banner offering to reload.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.disk.path.is_none() || self.disk.changed {
            return;
        }
        let now = ctx.input(|input| input.time);
        if now < self.disk.next_check {
            // A frame drawn for another reason (a click) clears the repaint
            // asked for at the last look, so ask again for the next one.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                self.disk.next_check - now,
            ));
            return;
        }
        self.disk.next_check = now + DiskWatch::EVERY_SECS;
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(DiskWatch::EVERY_SECS));
        self.check_disk_now();
    }

    /// Looks at the file now (tests call this instead of waiting).
    pub fn check_disk_now(&mut self) {
        if self.loading.is_some() || !self.disk.differs() || self.disk.kept_ours {
            return;
        }
        match self.document.path.clone() {
            // Nothing here to lose: take the file's version in by itself.
            Some(path) if !self.document.dirty => {
                self.disk.changed = false;
                self.disk.stamp = Stamp::of(&path);
                self.read_in_background(&path, LoadFor::Reload);
            }
            _ => self.disk.changed = true,
        }
    }

    pub(super) fn disk_banner_answered(&mut self, answer: DiskAnswer) {
        match answer {
            DiskAnswer::Reload => {
                self.disk.changed = false;
                if let Some(path) = self.document.path.clone() {
                    self.open_path(&path);
                }
            }
            DiskAnswer::Merge => {
                self.disk.changed = false;
                self.start_merge(MergeWith::File);
            }
            DiskAnswer::KeepMine => {
                self.disk.changed = false;
                self.disk.kept_ours = true;
            }
        }
    }

    /// Whether the banner "changed on disk" is showing.
    pub fn is_showing_disk_change(&self) -> bool {
        self.disk.changed
    }
}

/// A file name from a plan title: characters that are not allowed in file
/// names on common systems become `-`.
pub(super) fn file_stem_for(title: &str) -> String {
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

/// A file as the import preview names it: its name, without the folders.
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
