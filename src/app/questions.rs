//! The questions the app asks before it could lose work, and the dialogs
//! that say what went wrong.

use std::path::PathBuf;

use egui::RichText;

use super::YearplanApp;
use crate::dialogs::FilePurpose;
use crate::io::{TEMPLATES, Template};
use crate::model::format::format_date;
use crate::model::next_year::Unfinished;
use crate::model::year_end::year_end_review;
use crate::ui::widgets::date_picker;

/// What waits for an answer to "save the changes first?" (or, for the last,
/// "overwrite the file that changed on disk?").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    Close,
    New,
    StartNextYear,
    Open,
    OpenPath(PathBuf),
    OpenExample,
    ImportMarkdown,
    ImportMarkdownPath(PathBuf),
    OverwriteChangedFile,
}

impl PendingAction {
    /// "Save the changes to … before {this}?"
    fn before(&self) -> &'static str {
        match self {
            PendingAction::Close => "closing",
            PendingAction::New => "starting a new plan",
            PendingAction::StartNextYear => "starting the next year",
            PendingAction::Open | PendingAction::OpenPath(_) => "opening another plan",
            PendingAction::OpenExample => "opening the example plan",
            PendingAction::ImportMarkdown | PendingAction::ImportMarkdownPath(_) => {
                "importing a Markdown plan"
            }
            PendingAction::OverwriteChangedFile => "saving",
        }
    }
}

#[derive(Clone, Copy)]
enum Answer {
    Save,
    DontSave,
    Cancel,
}

impl YearplanApp {
    /// Whether the "save before closing?" question is showing.
    pub fn is_asking_before_close(&self) -> bool {
        self.pending == Some(PendingAction::Close)
    }

    /// What the question showing is asked for, if one is.
    pub fn pending_action(&self) -> Option<&PendingAction> {
        self.pending.as_ref()
    }

    /// Opens the example plan in place of this one (without a file, so
    /// saving it never overwrites anything). Asks first when there are
    /// unsaved changes.
    pub fn open_example(&mut self) {
        self.ask_first(PendingAction::OpenExample);
    }

    /// Does `action` at once, or asks "save first?" when the plan has
    /// unsaved changes.
    pub(super) fn ask_first(&mut self, action: PendingAction) {
        if self.document.dirty {
            self.pending = Some(action);
        } else {
            self.go_ahead(action);
        }
    }

    /// Carries out an action once nothing stands in its way.
    pub(super) fn go_ahead(&mut self, action: PendingAction) {
        match action {
            PendingAction::Close => {
                self.close_confirmed = true;
                self.close_requested_by_app = true;
            }
            PendingAction::New => {
                let today = self.clock.today();
                self.new_plan_dialog = Some(NewPlanDialog {
                    start: crate::model::calendar::first_day_of_year(today),
                    from: NewFrom::Template(TEMPLATES[0]),
                });
            }
            PendingAction::StartNextYear => {
                self.new_plan_dialog = Some(NewPlanDialog {
                    start: self.document.plan.next_year_start(),
                    from: NewFrom::NextYear(Unfinished::KeepQuarter),
                });
            }
            PendingAction::Open => self.open_dialog_wanted = Some(FilePurpose::OpenPlan),
            PendingAction::OpenPath(path) => self.open_path(&path),
            PendingAction::OpenExample => self.open_example_now(),
            PendingAction::ImportMarkdown => {
                self.open_dialog_wanted = Some(FilePurpose::ImportMarkdown);
            }
            PendingAction::ImportMarkdownPath(path) => self.import_markdown_from(&path),
            PendingAction::OverwriteChangedFile => self.save_now(),
        }
    }

    /// Closing the window (its close button, Quit, Ctrl+Q) with unsaved
    /// changes asks first, so a plan is never lost by a stray click.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let close_requested = ctx.input(|input| input.viewport().close_requested());
        if close_requested && self.document.dirty && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(PendingAction::Close);
        }
    }

    /// Every dialog of the app, at most one at a time.
    pub(super) fn questions_ui(&mut self, ctx: &egui::Context) {
        if let Some(pending) = self.pending.clone() {
            if pending == PendingAction::OverwriteChangedFile {
                self.overwrite_question_ui(ctx);
            } else {
                self.save_first_question_ui(ctx, pending);
            }
        } else if self.error.is_some() {
            self.error_ui(ctx);
        } else if self.recovery.offer.is_some() {
            self.recovery_offer_ui(ctx);
        } else if self.merging.is_some() {
            self.merge_ui(ctx);
        } else if self.new_plan_dialog.is_some() {
            self.new_plan_ui(ctx);
        }
        if std::mem::take(&mut self.close_requested_by_app) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(purpose) = self.open_dialog_wanted.take() {
            self.ask_for_file(ctx, purpose);
        }
    }

    fn save_first_question_ui(&mut self, ctx: &egui::Context, pending: PendingAction) {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("save_first")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.label(
                RichText::new(format!(
                    "Save the changes to “{}” before {}?",
                    self.document.plan.display_title(),
                    pending.before()
                ))
                .strong(),
            );
            ui.label("Your changes will be lost if you don't save them.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(Answer::Save);
                }
                if ui.button("Don't Save").clicked() {
                    answer = Some(Answer::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            // Escape or a click outside the question cancels, as in any dialog.
            answer = Some(Answer::Cancel);
        }
        let go = match answer {
            Some(Answer::Save) => {
                self.pending = None;
                // Once the save has landed, the action goes ahead; a failed
                // save (or a file changed on disk) stops it.
                self.after_save = Some(pending.clone());
                self.save();
                if !self.is_saving() {
                    // Nothing was written (no folder, or a question first).
                    self.after_save = None;
                }
                false
            }
            Some(Answer::DontSave) => {
                self.pending = None;
                // The person chose to drop the changes: so is their copy.
                self.recovery.clear();
                true
            }
            Some(Answer::Cancel) => {
                self.pending = None;
                false
            }
            None => false,
        };
        if go {
            self.go_ahead(pending);
        }
    }

    fn overwrite_question_ui(&mut self, ctx: &egui::Context) {
        let mut answer = None;
        let mut merge = false;
        let path = self
            .document
            .path
            .as_ref()
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        let modal = egui::Modal::new(egui::Id::unique("overwrite_question")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(RichText::new("The file changed on disk").strong());
            ui.label(format!(
                "{path} was changed by another program since Yearplan opened or saved it. \
                 Merge takes those changes in beside yours; Overwrite replaces them with \
                 yours (the old file is kept as .bak)."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Merge").clicked() {
                    merge = true;
                }
                if ui.button("Overwrite").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if merge {
            self.pending = None;
            self.start_merge(super::sync::MergeWith::File);
            return;
        }
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        match answer {
            Some(true) => {
                self.pending = None;
                self.save_now();
            }
            Some(false) => self.pending = None,
            None => {}
        }
    }

    fn error_ui(&mut self, ctx: &egui::Context) {
        let Some(message) = self.error.clone() else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("error_dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            let mut lines = message.splitn(2, "\n\n");
            ui.label(RichText::new(lines.next().unwrap_or_default()).strong());
            if let Some(details) = lines.next() {
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        ui.label(details);
                    });
            }
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                close = true;
            }
        });
        if close || modal.should_close() {
            self.error = None;
        }
    }

    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.recovery.offer else {
            return;
        };
        let when = chrono::DateTime::parse_from_rfc3339(&offer.about.written_at).map_or_else(
            |_| "an earlier session".to_owned(),
            |time| time.format("%a %-d %b %Y at %H:%M").to_string(),
        );
        let source = offer.about.source.as_ref().map_or_else(
            || "a plan that was not saved yet".to_owned(),
            |path| path.display().to_string(),
        );
        let title = offer.plan.display_title().to_owned();
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.label(RichText::new("Restore unsaved changes?").strong());
            ui.label(format!(
                "Yearplan kept a copy of “{title}” ({source}) with changes that were never \
                 saved, written on {when}."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(true);
                }
                if ui.button("Not now").clicked() {
                    answer = Some(false);
                }
            });
            ui.label(
                RichText::new("Not now keeps the copy until the plan is next saved.")
                    .weak()
                    .small(),
            );
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        match answer {
            Some(true) => {
                if let Some(offer) = self.recovery.offer.take() {
                    self.restore(offer);
                }
            }
            Some(false) => self.recovery.offer = None,
            None => {}
        }
    }

    fn restore(&mut self, offer: super::files::RecoveredPlan) {
        let path = offer.about.source.clone();
        self.replace_document(super::Document {
            plan: offer.plan,
            path: path.clone(),
            dirty: true,
        });
        self.base = offer.base;
        self.notice = Some(super::Notice::Info(
            "Restored the unsaved changes. Save to keep them.".to_owned(),
        ));
        // The file may have changed since the copy was made (a sync while
        // Yearplan was not running): then it is offered for merging. Read
        // in the background, as every plan is.
        if let Some(path) = path.filter(|_| self.base.is_some()) {
            self.read_in_background(&path, super::LoadFor::CompareWithBase);
        }
    }

    fn new_plan_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.new_plan_dialog.take() else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("new_plan")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            let title = match dialog.from {
                NewFrom::NextYear(_) => "Start next year",
                NewFrom::Template(_) | NewFrom::ThisPlansStructure => "New plan",
            };
            ui.label(RichText::new(title).strong());
            egui::Grid::new("new_plan_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label("Start from");
                    egui::ComboBox::from_id_salt("new_plan_from")
                        .selected_text(dialog.from.title())
                        .width(320.0)
                        // Every choice in view, without scrolling the list.
                        .height(400.0)
                        .show_ui(ui, |ui| {
                            for template in TEMPLATES {
                                ui.selectable_value(
                                    &mut dialog.from,
                                    NewFrom::Template(template),
                                    template.title,
                                )
                                .on_hover_text(template.about);
                            }
                            for unfinished in [Unfinished::KeepQuarter, Unfinished::IntoQ1] {
                                let choice = NewFrom::NextYear(unfinished);
                                ui.selectable_value(&mut dialog.from, choice, choice.title());
                            }
                            ui.selectable_value(
                                &mut dialog.from,
                                NewFrom::ThisPlansStructure,
                                NewFrom::ThisPlansStructure.title(),
                            )
                            .on_hover_text(
                                "Its lanes, tasks, phases, targets, budget lines, metrics and \
                             cadences, with nothing done and nothing logged",
                            );
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Starts on");
                    date_picker(ui, "new_plan_start", &mut dialog.start).labelled_by(label.id);
                    ui.end_row();
                });
            ui.label(RichText::new(format!("Holds {}.", dialog.from.about())).weak());
            if matches!(dialog.from, NewFrom::NextYear(_)) {
                if let Some(review) = year_end_review(&self.document.plan) {
                    ui.label(
                        RichText::new(format!(
                            "This year's plan already has its year-end review, of {}.",
                            format_date(review.date)
                        ))
                        .weak(),
                    );
                } else if self.document.path.is_none() {
                    ui.label(
                        RichText::new(
                            "This plan has no file, so it cannot keep a year-end review: \
                             save it first to keep one.",
                        )
                        .color(crate::ui::widgets::UNDER),
                    );
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Create").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        match answer {
            Some(true) => self.new_plan_from(dialog.from, dialog.start),
            Some(false) => {}
            None => self.new_plan_dialog = Some(dialog),
        }
    }

    /// Whether the restore question is showing: it waits for the plan the
    /// window starts with to be read.
    pub fn is_offering_recovery(&self) -> bool {
        self.recovery.offer.is_some() && !self.is_starting()
    }
}

/// The New dialog's choices while it shows.
pub(super) struct NewPlanDialog {
    start: chrono::NaiveDate,
    from: NewFrom,
}

/// What a new plan starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NewFrom {
    Template(Template),
    /// The year after the plan in the window, with what it left undone.
    NextYear(Unfinished),
    /// The plan in the window, without its year's logs and done states.
    ThisPlansStructure,
}

impl NewFrom {
    fn title(self) -> &'static str {
        match self {
            NewFrom::Template(template) => template.title,
            NewFrom::NextYear(Unfinished::KeepQuarter) => {
                "Next year, unfinished tasks kept in their quarters"
            }
            NewFrom::NextYear(Unfinished::IntoQ1) => "Next year, unfinished tasks moved into Q1",
            NewFrom::ThisPlansStructure => "This plan's structure",
        }
    }

    fn about(self) -> &'static str {
        match self {
            NewFrom::Template(template) => template.about,
            NewFrom::NextYear(_) => {
                "this plan's lanes, targets, lines, metrics and cadences, and the tasks and \
                 phases not done; this year's file keeps the rest and gets its year-end review"
            }
            NewFrom::ThisPlansStructure => {
                "this plan's lanes, tasks and targets, with nothing done and nothing logged"
            }
        }
    }
}
