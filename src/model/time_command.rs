//! Edits of the time budget and the time log. What hours share with money
//! (records, categories as buckets, imports and import rules) is in
//! `ledger`; what is theirs alone is here: the hours an entry may hold and
//! the weekly target range.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::command::CommandError;
use super::hours::check_hours;
use super::import_rules::{ImportBatch, ImportRule};
use super::ledger::{LedgerBucket, LedgerRecord};
use super::time::EntriesFate;
use super::timer::{self, Timer};
use super::validate::{MAX_HOURS_PER_ENTRY, MAX_WEEKLY_HOURS, MAX_YEAR, MIN_YEAR};
use super::{CategoryId, EntryId, Plan, TimeCategory, TimeEntry};

/// An edit of the time categories or the logged hours.
///
/// Entries are named by their index in `Plan::time_entries`, the order of
/// the file. Every entry a command stores has its note trimmed, as a name
/// is: the entry is taken whole once typed, so no half-typed space is lost.
#[derive(Clone, Debug, PartialEq)]
pub enum TimeCommand {
    /// Appends an entry to the log. Its category must exist, its hours be
    /// more than 0 and at most 24, its date in the years the plan accepts.
    AddEntry {
        entry: TimeEntry,
    },
    /// Replaces the entry at `index`, checked as for `AddEntry`, in place.
    EditEntry {
        index: usize,
        entry: TimeEntry,
    },
    DeleteEntry {
        index: usize,
    },
    /// Adds a category after the others. The name is trimmed and must not
    /// be empty nor match another category's, ignoring case.
    AddCategory {
        category: CategoryId,
        name: String,
        min_hours: f64,
        max_hours: f64,
    },
    /// The name is checked as for `AddCategory`; changing only its case is
    /// allowed.
    RenameCategory {
        category: CategoryId,
        name: String,
    },
    /// Sets the weekly target range, both ends inclusive:
    /// 0 ≤ `min_hours` ≤ `max_hours` ≤ 168.
    SetCategoryTarget {
        category: CategoryId,
        min_hours: f64,
        max_hours: f64,
    },
    /// Removes a category. Its entries have to go somewhere, and the caller
    /// says where, so hours are never dropped without being asked.
    RemoveCategory {
        category: CategoryId,
        entries: EntriesFate,
    },
    /// Appends many entries as one edit, so one undo takes back an import.
    /// Every entry is checked first; if any is refused, none is added.
    ImportEntries {
        entries: Vec<TimeEntry>,
    },
    /// Adds an import's new categories, rules and entries as one edit, so
    /// one undo takes back the whole import. New categories are checked as
    /// for `AddCategory` (their weekly range as for `SetCategoryTarget`),
    /// rules need a text and an existing or new category, entries are
    /// checked as for `ImportEntries`; if any part is refused, nothing
    /// changes. A rule whose text is an existing rule's, ignoring case,
    /// replaces it in place.
    Import(ImportBatch<TimeEntry>),
    /// Forgets the hours' import rule at `index` of `Plan::import_rules.hours`.
    RemoveRule {
        index: usize,
    },
    /// Moves the hours' import rule at `from` to `to` (counted as for
    /// `Command::MoveTask`): the rules are tried in order, the first match
    /// wins.
    MoveRule {
        from: usize,
        to: usize,
    },
    /// Starts the timer on `category` at `at` (to the second), with its
    /// note trimmed. A timer already running is first stopped at `at` and
    /// recorded, as by `StopTimer`; the same category and note already
    /// running changes nothing.
    StartTimer {
        category: CategoryId,
        note: String,
        at: NaiveDateTime,
        /// Where the ids of the entries a stopped timer leaves come from.
        seed: u64,
    },
    /// Stops the timer at `at` and records what it ran, one entry per day
    /// (see [`timer::stop`]). With no timer running nothing changes.
    StopTimer {
        at: NaiveDateTime,
        seed: u64,
    },
    /// Stops the timer and records nothing.
    DiscardTimer,
}

impl LedgerBucket for TimeCategory {
    type Id = CategoryId;

    fn id(&self) -> CategoryId {
        self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn name_mut(&mut self) -> &mut String {
        &mut self.name
    }
}

impl LedgerRecord for TimeEntry {
    type Bucket = TimeCategory;
    type Quantity = f64;

    const RECORD: &'static str = "entry";
    const BUCKET: &'static str = "time category";
    const LEDGER_NAME: &'static str = "hours";
    const MOVE_TO_ITSELF: &'static str =
        "the entries of a category being removed must move to another category";

    fn records(plan: &Plan) -> &[Self] {
        &plan.time_entries
    }

    fn records_mut(plan: &mut Plan) -> &mut Vec<Self> {
        &mut plan.time_entries
    }

    fn buckets(plan: &Plan) -> &[TimeCategory] {
        &plan.time_categories
    }

    fn buckets_mut(plan: &mut Plan) -> &mut Vec<TimeCategory> {
        &mut plan.time_categories
    }

    fn rules(plan: &Plan) -> &[ImportRule<CategoryId>] {
        &plan.import_rules.hours
    }

    fn rules_mut(plan: &mut Plan) -> &mut Vec<ImportRule<CategoryId>> {
        &mut plan.import_rules.hours
    }

    fn new(id: u64, date: NaiveDate, category: CategoryId, hours: f64, note: String) -> Self {
        TimeEntry {
            id: EntryId(id),
            date,
            category,
            hours,
            note,
        }
    }

    fn record_id(&self) -> u64 {
        self.id.0
    }

    fn set_record_id(&mut self, id: u64) {
        self.id = EntryId(id);
    }

    fn date(&self) -> NaiveDate {
        self.date
    }

    fn bucket(&self) -> CategoryId {
        self.category
    }

    fn bucket_mut(&mut self) -> &mut CategoryId {
        &mut self.category
    }

    fn quantity(&self) -> f64 {
        self.hours
    }

    fn note(&self) -> &str {
        &self.note
    }

    fn note_mut(&mut self) -> &mut String {
        &mut self.note
    }

    fn no_such_record(index: usize) -> CommandError {
        CommandError::NoSuchEntry(index)
    }

    fn no_such_bucket(category: CategoryId) -> CommandError {
        CommandError::NoSuchCategory(category)
    }

    fn check_quantity(&self, _plan: &Plan) -> Result<(), CommandError> {
        if check_hours(self.hours).is_err() {
            return Err(CommandError::Invalid(format!(
                "an entry holds more than 0 and at most {MAX_HOURS_PER_ENTRY} hours, found {}",
                self.hours
            )));
        }
        Ok(())
    }

    fn checked_bucket_details(
        _plan: &Plan,
        category: &TimeCategory,
    ) -> Result<TimeCategory, CommandError> {
        let (min_hours, max_hours) =
            checked_target(category.weekly_min_hours, category.weekly_max_hours)?;
        Ok(TimeCategory {
            weekly_min_hours: min_hours,
            weekly_max_hours: max_hours,
            ..category.clone()
        })
    }
}

impl Plan {
    pub(crate) fn apply_time(&mut self, command: &TimeCommand) -> Result<bool, CommandError> {
        match command {
            TimeCommand::AddEntry { entry } => self.add_record(entry),
            TimeCommand::EditEntry { index, entry } => self.edit_record(*index, entry),
            &TimeCommand::DeleteEntry { index } => self.delete_record::<TimeEntry>(index),
            TimeCommand::AddCategory {
                category,
                name,
                min_hours,
                max_hours,
            } => self.add_category(*category, name, *min_hours, *max_hours),
            TimeCommand::RenameCategory { category, name } => {
                self.rename_bucket::<TimeEntry>(*category, name)
            }
            &TimeCommand::SetCategoryTarget {
                category,
                min_hours,
                max_hours,
            } => self.set_category_target(category, min_hours, max_hours),
            &TimeCommand::RemoveCategory { category, entries } => {
                let move_to = match entries {
                    EntriesFate::MoveTo(target) => Some(target),
                    EntriesFate::Delete => None,
                };
                let removed = self.remove_bucket::<TimeEntry>(category, move_to)?;
                // The timer goes where the category's entries go.
                if self.timer.as_ref().is_some_and(|t| t.category == category) {
                    match move_to {
                        Some(target) => {
                            if let Some(timer) = &mut self.timer {
                                timer.category = target;
                            }
                        }
                        None => self.timer = None,
                    }
                }
                Ok(removed)
            }
            TimeCommand::ImportEntries { entries } => self.import_records(entries),
            TimeCommand::Import(batch) => self.import_batch(batch),
            &TimeCommand::RemoveRule { index } => self.remove_rule::<TimeEntry>(index),
            &TimeCommand::MoveRule { from, to } => self.move_rule::<TimeEntry>(from, to),
            TimeCommand::StartTimer {
                category,
                note,
                at,
                seed,
            } => self.start_timer(*category, note, *at, *seed),
            &TimeCommand::StopTimer { at, seed } => self.stop_timer(at, seed),
            TimeCommand::DiscardTimer => Ok(self.timer.take().is_some()),
        }
    }

    fn start_timer(
        &mut self,
        category: CategoryId,
        note: &str,
        at: NaiveDateTime,
        seed: u64,
    ) -> Result<bool, CommandError> {
        if self.category(category).is_none() {
            return Err(CommandError::NoSuchCategory(category));
        }
        check_moment(at)?;
        let started = Timer {
            category,
            note: note.trim().to_owned(),
            started: timer::to_the_second(at),
        };
        if self
            .timer
            .as_ref()
            .is_some_and(|running| running.category == category && running.note == started.note)
        {
            return Ok(false);
        }
        self.stop_timer(at, seed)?;
        self.timer = Some(started);
        Ok(true)
    }

    fn stop_timer(&mut self, at: NaiveDateTime, seed: u64) -> Result<bool, CommandError> {
        check_moment(at)?;
        if let Some(running) = &self.timer
            && running.elapsed_secs(at) > timer::MAX_RUN_SECS
        {
            return Err(CommandError::Invalid(format!(
                "the timer has run since {}, more than {} days: stop it at the time it \
                 should have stopped, or discard it",
                timer::format_date_time(running.started),
                timer::MAX_RUN_SECS / 86_400
            )));
        }
        let Some(stopped) = timer::stop(self, at, seed) else {
            return Ok(false);
        };
        self.time_entries.extend(stopped.entries);
        self.timer = None;
        Ok(true)
    }

    /// A category id no category of this plan has: `candidate` itself if it
    /// is free, else the next free one after it (never 0); see
    /// [`Plan::unused_bucket_id`].
    pub fn unused_category_id(&self, candidate: u64) -> CategoryId {
        self.unused_bucket_id::<TimeEntry>(candidate)
    }

    fn add_category(
        &mut self,
        category: CategoryId,
        name: &str,
        min_hours: f64,
        max_hours: f64,
    ) -> Result<bool, CommandError> {
        let name = self.checked_new_bucket::<TimeEntry>(category, name)?;
        let (min_hours, max_hours) = checked_target(min_hours, max_hours)?;
        self.time_categories.push(TimeCategory {
            id: category,
            name: name.to_owned(),
            weekly_min_hours: min_hours,
            weekly_max_hours: max_hours,
        });
        Ok(true)
    }

    fn set_category_target(
        &mut self,
        category: CategoryId,
        min_hours: f64,
        max_hours: f64,
    ) -> Result<bool, CommandError> {
        let found = self.existing_bucket_mut::<TimeEntry>(category)?;
        let (min_hours, max_hours) = checked_target(min_hours, max_hours)?;
        if found.weekly_min_hours == min_hours && found.weekly_max_hours == max_hours {
            return Ok(false);
        }
        found.weekly_min_hours = min_hours;
        found.weekly_max_hours = max_hours;
        Ok(true)
    }
}

/// A moment the plan can hold: a clock gone wrong is refused, not recorded.
fn check_moment(at: NaiveDateTime) -> Result<(), CommandError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&at.date().year()) {
        Ok(())
    } else {
        Err(CommandError::DateOutOfRange(at.date()))
    }
}

/// The weekly target range, if the plan can hold it; -0.0 becomes 0.0 so the
/// file never shows a minus sign on nothing.
fn checked_target(min_hours: f64, max_hours: f64) -> Result<(f64, f64), CommandError> {
    let sane = |hours: f64| hours.is_finite() && (0.0..=MAX_WEEKLY_HOURS).contains(&hours);
    if !sane(min_hours) || !sane(max_hours) {
        return Err(CommandError::Invalid(format!(
            "a weekly target must be between 0 and {MAX_WEEKLY_HOURS} hours, \
             found {min_hours} to {max_hours}"
        )));
    }
    if min_hours > max_hours {
        return Err(CommandError::Invalid(format!(
            "the weekly minimum ({min_hours} hours) cannot be above the maximum \
             ({max_hours} hours)"
        )));
    }
    Ok((min_hours + 0.0, max_hours + 0.0))
}
