//! Start next year in the window: this year's plan gets its year-end
//! review, written into its file, and only then does the window turn to
//! the new year's plan, so the review is never lost with the switch.
//!
//! The review is written into the plan as its file holds it: when the
//! person chose not to save their last changes before starting the next
//! year, those changes stay unsaved and out of the file, as they asked.

use chrono::NaiveDate;

use super::files::SaveKind;
use super::{Document, Notice, YearplanApp};
use crate::model::command::{Command, MetricCommand};
use crate::model::format::format_date;
use crate::model::next_year::Unfinished;
use crate::model::validate::check_start;
use crate::model::year_end::{new_year_end_review, year_end_review};
use crate::model::{Plan, ReviewId};
use crate::ui::{Tab, fresh_id_candidate};

impl YearplanApp {
    /// Starts the year beginning on `start`, the unfinished tasks going
    /// where `unfinished` says. Writes this year's year-end review first
    /// when the plan has a file and no such review yet.
    pub(super) fn start_next_year(&mut self, start: NaiveDate, unfinished: Unfinished) {
        if let Err(error) = check_start(start) {
            self.show_error(format!("Could not make the new plan.\n\n{error}"));
            return;
        }
        let Some(path) = self.document.path.clone() else {
            return self.turn_to_next_year(start, unfinished);
        };
        if year_end_review(&self.document.plan).is_some() {
            return self.turn_to_next_year(start, unfinished);
        }
        let on_file = if self.document.dirty {
            self.base.clone()
        } else {
            Some(self.document.plan.clone())
        };
        let Some(mut on_file) = on_file else {
            // Unsaved changes, and no record of what the file holds: the
            // review cannot be written without writing them too.
            return self.turn_to_next_year(start, unfinished);
        };
        let review =
            new_year_end_review(&on_file, self.clock.today(), ReviewId(fresh_id_candidate()));
        match on_file.apply(&Command::Metrics(MetricCommand::AddReview { review })) {
            Ok(_) => self.start_saving(
                &path,
                on_file,
                SaveKind::YearEndReview { start, unfinished },
            ),
            Err(error) => self.show_error(format!(
                "Could not make the year-end review, so the next year was not started.\n\n{error}"
            )),
        }
    }

    /// Puts the next year's plan in the window, without a file until it is
    /// saved, and says where this year's review is.
    pub(super) fn turn_to_next_year(&mut self, start: NaiveDate, unfinished: Unfinished) {
        let next = match self.document.plan.next_year(start, unfinished) {
            Ok(next) => next,
            Err(error) => {
                self.show_error(format!("Could not make the new plan.\n\n{error}"));
                return;
            }
        };
        let said = self.next_year_notice(&next);
        self.replace_document(Document {
            plan: next,
            path: None,
            dirty: false,
        });
        self.recovery.clear();
        self.tab = Tab::Swimlanes;
        self.notice = Some(Notice::Info(said));
    }

    /// "The plan for the year starting …. Save it … 2026.ron has its
    /// year-end review." — what happened to this year's plan, in a line.
    fn next_year_notice(&self, next: &Plan) -> String {
        let mut said = format!(
            "The plan for the year starting {}: save it (Ctrl+S or Save As) to keep it. ",
            format_date(next.start_date)
        );
        let this = &self.document;
        let name = (this.path.as_deref())
            .and_then(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned());
        let on_file = self.base.as_ref().and_then(year_end_review);
        match (name, on_file) {
            (Some(name), Some(review)) => said.push_str(&format!(
                "{name} has its year-end review of {}.",
                format_date(review.date)
            )),
            (Some(name), None) => said.push_str(&format!(
                "{name} has no year-end review: its unsaved changes were not written."
            )),
            (None, _) => {
                said.push_str("This year's plan had no file, so it keeps no year-end review.");
            }
        }
        said
    }
}
