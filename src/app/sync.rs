//! Two machines, one plan: the file changing under the open plan (taken in
//! by itself when nothing here is unsaved, merged when something is), and
//! the conflict copies sync tools leave beside a file.

use std::path::{Path, PathBuf};

use super::{Notice, YearplanApp};
use crate::io::{self, FileError};
use crate::model::Plan;
use crate::model::merge::{Choices, ConflictKey, Merged, changes, merge_choosing};
use crate::ui::merge::{MergeAnswer, MergeDialog};

/// What the plan in the window is merged with.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeWith {
    /// Its own file, changed by another program.
    File,
    /// A conflict copy a sync tool left beside the file.
    Copy(PathBuf),
}

/// A merge being looked at: what each side changed and the conflicts, with
/// the person's choices so far. Nothing is applied until they say Merge.
pub(super) struct MergeView {
    with: MergeWith,
    base: Plan,
    theirs: Plan,
    choices: Choices,
    merged: Merged,
    theirs_changed: String,
    mine_changed: String,
    /// No copy of the plan as it was last opened was at hand, so every
    /// difference counts as a change on both sides.
    no_base: bool,
}

impl YearplanApp {
    /// Reads what the plan is to be merged with; the dialog opens once it
    /// has been read.
    pub(super) fn start_merge(&mut self, with: MergeWith) {
        let path = match &with {
            MergeWith::File => self.document.path.clone(),
            MergeWith::Copy(path) => Some(path.clone()),
        };
        match path {
            Some(path) => self.read_in_background(&path, super::LoadFor::Merge(with)),
            None => self.show_error("This plan has no file to merge with.".to_owned()),
        }
    }

    /// The plan's own file, changed by another program while nothing here
    /// was unsaved, has been read: it comes in as one undoable step.
    pub(super) fn reloaded(&mut self, path: &Path, result: Result<Plan, FileError>) {
        let theirs = match result {
            Ok(plan) => plan,
            Err(error) => {
                // Mid-write by a sync tool, or damaged: the plan here stays,
                // and saving asks before it writes over the file.
                self.disk.mark_changed();
                self.notice = Some(Notice::Error(format!(
                    "The plan's file changed but could not be read: {}",
                    error.to_string().lines().next().unwrap_or_default()
                )));
                return;
            }
        };
        if self.document.path.as_deref() != Some(path) {
            return;
        }
        if self.document.dirty {
            // Edited while the file was being read: merge rather than replace.
            self.disk.mark_changed();
            return;
        }
        let said = changes(&self.document.plan, &theirs);
        self.disk.settled();
        if said.is_empty() {
            self.base = Some(theirs);
            return;
        }
        self.base = Some(theirs.clone());
        self.replace_plan_as_one_step(theirs);
        // The file holds exactly this state.
        self.saved_revision = Some(self.revision);
        self.document.dirty = false;
        self.notice = Some(Notice::Info(format!(
            "From another program: {said}. Undo takes it back."
        )));
    }

    /// What to merge with has been read: work out the merge and show it.
    pub(super) fn merge_read(&mut self, with: &MergeWith, result: Result<Plan, FileError>) {
        let theirs = match result {
            Ok(plan) => plan,
            Err(error) => {
                if *with == MergeWith::File {
                    self.disk.mark_changed();
                }
                self.show_error(format!("Could not read the plan to merge.\n\n{error}"));
                return;
            }
        };
        let mine = &self.document.plan;
        let (base, no_base) = match with {
            MergeWith::File => match &self.base {
                Some(base) => (base.clone(), false),
                None => (empty_like(mine), true),
            },
            MergeWith::Copy(_) => self.base_for_copy(&theirs),
        };
        let choices = Choices::new();
        let merged = match merge_choosing(&base, mine, &theirs, &choices) {
            Ok(merged) => merged,
            Err(error) => {
                self.show_error(format!("Could not merge the plans.\n\n{error}"));
                return;
            }
        };
        self.merging = Some(MergeView {
            with: with.clone(),
            theirs_changed: changes(&base, &theirs).to_string(),
            mine_changed: changes(&base, mine).to_string(),
            base,
            theirs,
            choices,
            merged,
            no_base,
        });
    }

    /// The base for a conflict copy: of the versions at hand (the plan as
    /// this machine last opened or saved it, and the `.bak` the save before
    /// kept), the one that explains both sides with the fewest changes.
    fn base_for_copy(&self, theirs: &Plan) -> (Plan, bool) {
        let backup = self
            .document
            .path
            .as_deref()
            .and_then(|path| io::load_plan(&io::backup_path(path)).ok());
        let candidates: Vec<&Plan> = backup.iter().chain(self.base.iter()).collect();
        match crate::model::merge::likely_base(&candidates, &self.document.plan, theirs) {
            Some(base) => (base.clone(), false),
            None => (empty_like(&self.document.plan), true),
        }
    }

    pub(super) fn merge_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = &self.merging else {
            return;
        };
        let source = match &view.with {
            MergeWith::File => "the plan's file".to_owned(),
            MergeWith::Copy(path) => file_name(path),
        };
        let dialog = MergeDialog {
            source: &source,
            theirs_changed: &view.theirs_changed,
            mine_changed: &view.mine_changed,
            conflicts: &view.merged.conflicts,
            kept: &view.merged.kept,
            choices: &view.choices,
            no_base: view.no_base,
        };
        match crate::ui::merge::dialog_ui(ctx, &dialog) {
            Some(MergeAnswer::Choose(key, theirs)) => self.choose(key, theirs),
            Some(MergeAnswer::Merge) => self.finish_merge(),
            Some(MergeAnswer::Cancel) => {
                if let Some(view) = self.merging.take()
                    && view.with == MergeWith::File
                {
                    // Still changed: the banner comes back, and Save asks.
                    self.disk.mark_changed();
                }
            }
            None => {}
        }
    }

    fn choose(&mut self, key: ConflictKey, theirs: bool) {
        let Some(view) = &mut self.merging else {
            return;
        };
        if theirs {
            view.choices.insert(key);
        } else {
            view.choices.remove(&key);
        }
        match merge_choosing(&view.base, &self.document.plan, &view.theirs, &view.choices) {
            Ok(merged) => view.merged = merged,
            Err(error) => self.notice = Some(Notice::Error(error.to_string())),
        }
    }

    /// Applies the merge as one undoable step; the plan is left unsaved.
    fn finish_merge(&mut self) {
        let Some(view) = self.merging.take() else {
            return;
        };
        let conflicts = view.merged.conflicts.len();
        let chosen = view.choices.len();
        self.replace_plan_as_one_step(view.merged.plan);
        let source = match &view.with {
            MergeWith::File => {
                // The file's version is now part of this one: it is the
                // base of the next merge, and saving over it loses nothing.
                self.base = Some(view.theirs);
                self.disk.settled();
                "the plan's file".to_owned()
            }
            MergeWith::Copy(path) => {
                self.merged_copy = Some(path.clone());
                file_name(path)
            }
        };
        let resolved = if conflicts == 0 {
            String::new()
        } else {
            format!(
                " ({conflicts} {}: {chosen} theirs, {} mine)",
                if conflicts == 1 {
                    "conflict"
                } else {
                    "conflicts"
                },
                conflicts.saturating_sub(chosen)
            )
        };
        self.notice = Some(Notice::Info(format!(
            "Merged {source}: {}{resolved}. Save to keep the merged plan; Undo takes it back.",
            view.theirs_changed
        )));
    }

    /// The copies of the plan a sync tool left beside its file.
    pub(super) fn look_for_conflict_copies(&mut self) {
        self.conflict_copies = self
            .document
            .path
            .as_deref()
            .map(io::conflict_copies_of)
            .unwrap_or_default();
    }

    /// The conflict copies not dealt with yet.
    pub fn conflict_copies(&self) -> &[PathBuf] {
        &self.conflict_copies
    }

    /// The banner about a conflict copy was answered.
    pub(super) fn conflict_copy_answered(&mut self, answer: crate::ui::merge::CopyAnswer) {
        use crate::ui::merge::CopyAnswer;
        match answer {
            CopyAnswer::Merge(path) => self.start_merge(MergeWith::Copy(path)),
            CopyAnswer::NotNow(path) => self.conflict_copies.retain(|copy| *copy != path),
            CopyAnswer::Trash(path) => {
                self.merged_copy = None;
                self.conflict_copies.retain(|copy| *copy != path);
                match trash::delete(&path) {
                    Ok(()) => {
                        self.notice = Some(Notice::Info(format!(
                            "Moved {} to the trash.",
                            file_name(&path)
                        )));
                    }
                    Err(error) => self.show_error(format!(
                        "Could not move {} to the trash.\n\n{error}",
                        path.display()
                    )),
                }
            }
            CopyAnswer::KeepCopy(path) => {
                self.merged_copy = None;
                self.conflict_copies.retain(|copy| *copy != path);
            }
        }
    }

    /// The conflict copy just merged, whose banner offers the trash.
    pub fn merged_copy(&self) -> Option<&Path> {
        self.merged_copy.as_deref()
    }

    /// Whether the merge dialog is showing.
    pub fn is_showing_merge(&self) -> bool {
        self.merging.is_some()
    }
}

/// A plan without records, like `plan` otherwise: the base when none is at
/// hand, against which everything on either side is an addition.
fn empty_like(plan: &Plan) -> Plan {
    let mut empty = Plan::empty(plan.title.clone(), plan.start_date);
    empty.currency_symbol.clone_from(&plan.currency_symbol);
    empty
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
