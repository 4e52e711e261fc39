//! The timer, wherever it shows: in the top bar, on the Overview and on the
//! Time tab, and the question about a timer left running. Written once; the
//! app carries out what the person asked for ([`TimerRequest`]), since
//! starting and stopping need the clock and reach the plan's file.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use egui::{RichText, Ui};

use super::PlanView;
use super::ledger::bucket_combo_ui;
use super::widgets::{date_picker, set_accessible_name};
use crate::model::format::format_minutes;
use crate::model::timer::{Timer, format_date_time};
use crate::model::{CategoryId, Plan};

/// What the person asked of the timer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimerRequest {
    Start {
        category: CategoryId,
        note: String,
    },
    /// Stop and record what it ran, until now.
    Stop,
    /// Stop and record what it ran until `at` (a timer left running).
    StopAt(NaiveDateTime),
    /// Stop and record nothing.
    Discard,
}

/// The category and note chosen for the next start, shared by every place
/// the timer shows, and what was asked this frame.
#[derive(Default)]
pub struct TimerForm {
    category: Option<CategoryId>,
    note: String,
    request: Option<TimerRequest>,
}

impl TimerForm {
    /// The category a start goes to: the one last chosen or started, else
    /// the one hours were last logged to, else the first.
    pub fn category(&self, plan: &Plan) -> Option<CategoryId> {
        self.category
            .filter(|id| plan.category(*id).is_some())
            .or_else(|| {
                plan.time_entries
                    .last()
                    .map(|entry| entry.category)
                    .filter(|id| plan.category(*id).is_some())
            })
            .or_else(|| plan.time_categories.first().map(|category| category.id))
    }

    /// Remembers a started category as the one last used, and clears the note.
    pub fn started(&mut self, category: CategoryId) {
        self.category = Some(category);
        self.note.clear();
    }

    pub fn ask(&mut self, request: TimerRequest) {
        self.request = Some(request);
    }

    pub fn take_request(&mut self) -> Option<TimerRequest> {
        self.request.take()
    }

    fn start_with_note(&mut self, category: CategoryId) {
        self.request = Some(TimerRequest::Start {
            category,
            note: self.note.trim().to_owned(),
        });
    }
}

/// "12.3 h", or "12.3 h ●" when the running timer counts in it.
pub fn with_running_mark(hours: f64, running: bool) -> String {
    let text = crate::model::format::format_hours(hours);
    if running { format!("{text} ●") } else { text }
}

/// "● Learning 0:42".
pub fn running_text(plan: &Plan, timer: &Timer, now: NaiveDateTime) -> String {
    let name = plan
        .category(timer.category)
        .map_or("?", |category| category.name.as_str());
    format!("● {name} {}", format_minutes(timer.elapsed_minutes(now)))
}

fn started_text(timer: &Timer) -> String {
    let mut text = format!("Since {}", format_date_time(timer.started));
    if !timer.note.is_empty() {
        text.push_str(" · ");
        text.push_str(&timer.note);
    }
    text
}

/// The top bar's timer: the running one with Stop, or Start with a choice
/// of category. Drawn right to left, at the bar's right end.
pub fn bar_ui(ui: &mut Ui, view: &PlanView<'_>, form: &mut TimerForm) {
    match &view.plan.timer {
        Some(timer) => {
            // Filled as buttons outside the menu bar are: it must read as one.
            let fill = ui
                .ctx()
                .global_style()
                .visuals
                .widgets
                .inactive
                .weak_bg_fill;
            let stop = ui
                .add(egui::Button::new("Stop").fill(fill))
                .on_hover_text("Stop and record the time (Ctrl+T)");
            set_accessible_name(&stop, egui::Role::Button, "Stop the timer");
            if stop.clicked() {
                form.ask(TimerRequest::Stop);
            }
            let text = running_text(view.plan, timer, view.now);
            ui.label(
                RichText::new(&text)
                    .strong()
                    .color(ui.visuals().hyperlink_color),
            )
            .on_hover_text(started_text(timer));
        }
        None => {
            if view.plan.time_categories.is_empty() {
                return;
            }
            let hover = form
                .category(view.plan)
                .and_then(|id| view.plan.category(id))
                .map(|category| format!("Ctrl+T starts it on {}", category.name));
            let response = ui.menu_button("Start timer…", |ui| {
                let note = ui.add(
                    egui::TextEdit::singleline(&mut form.note)
                        .hint_text("what it is for (optional)")
                        .desired_width(200.0),
                );
                set_accessible_name(&note, egui::Role::TextInput, "Timer note");
                for category in &view.plan.time_categories {
                    let start = ui.button(format!("Start on {}", category.name));
                    if start.clicked() {
                        form.start_with_note(category.id);
                        ui.close();
                    }
                }
            });
            if let Some(hover) = hover {
                response.response.on_hover_text(hover);
            }
        }
    }
}

/// The timer as a row of the Overview and the Time tab: the running one
/// with Stop and Discard, then a category, a note and Start (which, while
/// one runs, stops and records it first).
pub fn panel_ui(ui: &mut Ui, view: &PlanView<'_>, form: &mut TimerForm) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Timer").strong());
        if let Some(timer) = &view.plan.timer {
            ui.label(
                RichText::new(running_text(view.plan, timer, view.now))
                    .strong()
                    .color(ui.visuals().hyperlink_color),
            );
            ui.label(RichText::new(started_text(timer)).weak());
            if ui.button("Stop and record").clicked() {
                form.ask(TimerRequest::Stop);
            }
            if ui
                .button("Discard")
                .on_hover_text("Stop the timer and record nothing")
                .clicked()
            {
                form.ask(TimerRequest::Discard);
            }
            ui.separator();
        }
        if view.plan.time_categories.is_empty() {
            ui.label(RichText::new("Add a time category to time your hours.").weak());
            return;
        }
        let mut chosen = form.category(view.plan);
        let label = ui.label("on");
        let combo = bucket_combo_ui(
            ui,
            "timer_category",
            &view.plan.time_categories,
            &mut chosen,
        )
        .labelled_by(label.id);
        set_accessible_name(&combo, egui::Role::ComboBox, "Timer category");
        if chosen != form.category(view.plan) {
            form.category = chosen;
        }
        let note = ui.add(
            egui::TextEdit::singleline(&mut form.note)
                .hint_text("what it is for (optional)")
                .desired_width(200.0),
        );
        set_accessible_name(&note, egui::Role::TextInput, "Timer note");
        let enter = note.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        let hover = if view.plan.timer.is_some() {
            "Stops the running timer, records it, and starts this one"
        } else {
            "Ctrl+T starts and stops it"
        };
        let start = ui.button("Start timer").on_hover_text(hover);
        if (start.clicked() || enter)
            && let Some(category) = chosen
        {
            form.start_with_note(category);
        }
    });
}

/// The question about a timer found running for more than 12 hours when
/// its plan opened: what to record.
pub struct ForgottenTimer {
    date: NaiveDate,
    time: String,
    error: Option<String>,
}

/// The answer to [`ForgottenTimer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForgottenAnswer {
    UntilNow,
    Until(NaiveDateTime),
    Nothing,
    KeepRunning,
}

impl ForgottenTimer {
    pub fn new(timer: &Timer) -> ForgottenTimer {
        ForgottenTimer {
            date: timer.started.date(),
            time: String::new(),
            error: None,
        }
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        timer: &Timer,
    ) -> Option<ForgottenAnswer> {
        let mut answer = None;
        let name = view
            .plan
            .category(timer.category)
            .map_or("?", |category| category.name.as_str());
        egui::Modal::new(egui::Id::unique("forgotten_timer")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Was the timer left running?");
            let minutes = timer.elapsed_minutes(view.now);
            ui.label(format!(
                "The timer on {name} has been running since {}, for {} h {} min.",
                format_date_time(timer.started),
                minutes / 60,
                minutes % 60
            ));
            ui.label("What should it record?");
            ui.add_space(6.0);
            if ui
                .button(format!(
                    "Until now ({})",
                    format_minutes(timer.elapsed_minutes(view.now))
                ))
                .clicked()
            {
                answer = Some(ForgottenAnswer::UntilNow);
            }
            ui.horizontal(|ui| {
                let label = ui.label("Until");
                date_picker(ui, "forgotten_until_date", &mut self.date).labelled_by(label.id);
                let time = ui.add(
                    egui::TextEdit::singleline(&mut self.time)
                        .hint_text("HH:MM")
                        .desired_width(60.0),
                );
                set_accessible_name(&time, egui::Role::TextInput, "Stopped at");
                if ui.button("Record until then").clicked() {
                    match self.until(timer, view.now) {
                        Ok(at) => answer = Some(ForgottenAnswer::Until(at)),
                        Err(error) => self.error = Some(error),
                    }
                }
            });
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Record nothing").clicked() {
                    answer = Some(ForgottenAnswer::Nothing);
                }
                if ui.button("Keep it running").clicked() {
                    answer = Some(ForgottenAnswer::KeepRunning);
                }
            });
        });
        answer
    }

    fn until(&self, timer: &Timer, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let time = NaiveTime::parse_from_str(self.time.trim(), "%H:%M")
            .map_err(|_| "Write the time it stopped as HH:MM, e.g. 18:30".to_owned())?;
        let at = self.date.and_time(time);
        if at < timer.started {
            return Err(format!(
                "That is before the timer started ({}).",
                format_date_time(timer.started)
            ));
        }
        if at > now {
            return Err("That is later than now.".to_owned());
        }
        Ok(at)
    }
}
