//! Start next year in the window: this year's plan gets its year-end
//! review, written into its file, and only then does the window turn to
//! the new year's plan, so the review is never lost with the switch.
//!
//! The review is made from the plan as its file holds it, read again on the
//! saving thread: changes the person chose not to save before starting the
//! next year stay out of the file, as they asked, and a change another
//! machine synced into the file meanwhile is kept rather than overwritten.

use std::path::Path;

use chrono::NaiveDate;

use super::files::SaveKind;
use super::{Document, Notice, YearplanApp};
use crate::io::{self, FileError};
use crate::model::Plan;
use crate::model::ReviewId;
use crate::model::format::format_date;
use crate::model::next_year::Unfinished;
use crate::model::validate::check_start;
use crate::model::year_end::give_year_end_review;
use crate::ui::{Tab, fresh_id_candidate};

impl YearplanApp {
    /// Starts the year beginning on `start`, the unfinished tasks going
    /// where `unfinished` says. Writes this year's year-end review into its
    /// file first when the plan has one.
    pub(super) fn start_next_year(&mut self, start: NaiveDate, unfinished: Unfinished) {
        if let Err(error) = check_start(start) {
            self.show_error(format!("Could not make the new plan.\n\n{error}"));
            return;
        }
        let Some(path) = self.document.path.clone() else {
            return self.turn_to_next_year(start, unfinished);
        };
        let kind = SaveKind::YearEndReview {
            today: self.clock.today(),
            review: ReviewId(fresh_id_candidate()),
            start,
            unfinished,
        };
        // The plan is what the window holds; the thread writes the file's.
        let plan = self.document.plan.clone();
        self.start_saving(&path, plan, kind);
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

    /// "The plan for the year starting …: save it … 2026.ron has its
    /// year-end review." — what happened to this year's plan, in a line.
    fn next_year_notice(&self, next: &Plan) -> String {
        let mut said = format!(
            "The plan for the year starting {}: save it (Ctrl+S or Save As) to keep it. ",
            format_date(next.start_date)
        );
        match (self.document.path.as_deref()).and_then(|path| path.file_name()) {
            Some(name) => said.push_str(&format!(
                "{} has its year-end review.",
                name.to_string_lossy()
            )),
            None => said.push_str("This year's plan had no file, so it keeps no year-end review."),
        }
        said
    }
}

/// Reads the plan at `path`, gives it its year-end review made on `today`
/// unless it has one, and writes it back atomically with its `.bak`. On the
/// saving thread; on any error the file is left as it was.
pub(super) fn write_year_end_review(
    path: &Path,
    today: NaiveDate,
    review: ReviewId,
) -> Result<(), FileError> {
    let mut plan = io::load_plan(path)?;
    match give_year_end_review(&mut plan, today, review) {
        Ok(true) => io::save_plan(path, &plan),
        Ok(false) => Ok(()),
        Err(error) => Err(FileError::Write {
            path: path.to_path_buf(),
            step: "adding the year-end review".to_owned(),
            source: std::io::Error::other(error.to_string()),
        }),
    }
}
