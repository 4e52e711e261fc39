//! The timer in the window: starting and stopping it, its clock in the top
//! bar and the title, and the question about a timer left running.
//!
//! A timer lives in the plan file, so that `yearplan timer PLAN stop` in a
//! terminal, a restart or the other machine sees it. Starting or stopping it
//! therefore reaches the file at once: the whole plan when nothing else is
//! unsaved, else the file's own version with only the timer's change, so
//! unsaved edits are never written behind the person's back.

use chrono::NaiveDateTime;

use super::{Notice, YearplanApp};
use crate::model::command::{Command, TimeCommand};
use crate::model::timer;
use crate::ui::fresh_id_candidate;
use crate::ui::timer::{ForgottenAnswer, ForgottenTimer, TimerRequest};

impl YearplanApp {
    /// Carries out what the person asked of the timer, says what it
    /// recorded, and writes it to the plan's file.
    pub(super) fn timer_request(&mut self, request: TimerRequest) {
        let now = self.clock.now();
        let seed = fresh_id_candidate();
        let plan = &self.document.plan;
        let name = |id| {
            plan.category(id)
                .map_or_else(|| "?".to_owned(), |category| category.name.clone())
        };
        let (command, said) = match request {
            TimerRequest::Start { category, note } => {
                let stopped = timer::stop(plan, now, seed)
                    .map(|stopped| format!("{} ", stopped.describe(plan)))
                    .unwrap_or_default();
                self.timer_form.started(category);
                (
                    TimeCommand::StartTimer {
                        category,
                        note,
                        at: now,
                        seed,
                    },
                    format!(
                        "{stopped}Started the timer on {} at {}.",
                        name(category),
                        now.format("%H:%M")
                    ),
                )
            }
            TimerRequest::Stop | TimerRequest::StopAt(_) => {
                let at = match request {
                    TimerRequest::StopAt(at) => at,
                    _ => now,
                };
                let Some(stopped) = timer::stop(plan, at, seed) else {
                    return;
                };
                (TimeCommand::StopTimer { at, seed }, stopped.describe(plan))
            }
            TimerRequest::Discard => {
                let Some(running) = &plan.timer else {
                    return;
                };
                let said = format!(
                    "Discarded the timer on {}: its {} were not recorded.",
                    name(running.category),
                    crate::model::format::format_minutes(running.elapsed_minutes(now))
                );
                (TimeCommand::DiscardTimer, said)
            }
        };
        let command = Command::Time(command);
        let was_clean = !self.document.dirty;
        let revision = self.revision;
        self.apply(&command);
        if self.revision == revision {
            // Refused (the status line says why) or nothing to do.
            return;
        }
        self.notice = Some(Notice::Info(said));
        self.keep_timer_on_disk(&command, was_clean);
    }

    /// Ctrl+T: stops the running timer, or starts it on the category last used.
    pub(super) fn start_or_stop_timer(&mut self) {
        if self.document.plan.timer.is_some() {
            self.timer_request(TimerRequest::Stop);
        } else if let Some(category) = self.timer_form.category(&self.document.plan) {
            self.timer_request(TimerRequest::Start {
                category,
                note: String::new(),
            });
        } else {
            self.notice = Some(Notice::Error(
                "Add a time category on the Time tab to start the timer.".to_owned(),
            ));
        }
    }

    /// Writes the timer's change to the plan's file, if it has one and the
    /// file still holds what was last read or written (otherwise the
    /// banner about the changed file comes first, and Save after it).
    fn keep_timer_on_disk(&mut self, command: &Command, was_clean: bool) {
        let Some(path) = self.document.path.clone() else {
            return;
        };
        // A save under way holds the plan from before this change.
        self.wait_for_save();
        if self.disk.changed_outside() || self.disk.kept_ours || self.disk.differs() {
            return;
        }
        if was_clean {
            self.save_keeping_notice(&path);
            return;
        }
        let Some(mut on_disk) = self.base.clone() else {
            return;
        };
        if on_disk.apply(command) == Ok(true) {
            self.save_beside_unsaved(&path, on_disk);
        }
    }

    /// Redraws when the running timer's minute turns, not every frame; and
    /// asks, once per plan put in the window, about a timer left running.
    pub(super) fn tick_timer(&mut self, ctx: &egui::Context, now: NaiveDateTime) {
        let Some(running) = &self.document.plan.timer else {
            return;
        };
        let into_minute = running.elapsed_secs(now) % 60;
        #[allow(clippy::cast_sign_loss)] // 0..60
        let wait = (60 - into_minute) as u64;
        ctx.request_repaint_after(std::time::Duration::from_secs(wait));
        if self.check_forgotten_timer && self.loading.is_none() {
            self.check_forgotten_timer = false;
            if running.is_forgotten(now) {
                self.forgotten_timer = Some(ForgottenTimer::new(running));
            }
        }
    }

    /// Whether the question about a timer left running is showing.
    pub fn is_asking_about_forgotten_timer(&self) -> bool {
        self.forgotten_timer.is_some()
    }

    pub(super) fn forgotten_timer_ui(&mut self, ctx: &egui::Context, now: NaiveDateTime) {
        let Some(timer) = self.document.plan.timer.clone() else {
            self.forgotten_timer = None;
            return;
        };
        let Some(dialog) = &mut self.forgotten_timer else {
            return;
        };
        let view = crate::ui::PlanView {
            plan: &self.document.plan,
            derived: &self.derived,
            today: now.date(),
            now,
            running: Some(timer.running(now)),
            revision: self.revision,
        };
        let Some(answer) = dialog.ui(ctx, &view, &timer) else {
            return;
        };
        self.forgotten_timer = None;
        match answer {
            ForgottenAnswer::UntilNow => self.timer_request(TimerRequest::Stop),
            ForgottenAnswer::Until(at) => self.timer_request(TimerRequest::StopAt(at)),
            ForgottenAnswer::Nothing => self.timer_request(TimerRequest::Discard),
            ForgottenAnswer::KeepRunning => {}
        }
    }
}
