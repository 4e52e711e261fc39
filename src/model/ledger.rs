//! The pattern hours and money share: a ledger of dated records, each filed
//! under a bucket and carrying a quantity and a note. Time entries under
//! categories and expenses under budget lines are the two ledgers of a plan.
//!
//! What is the same for both is written here once: adding, editing, deleting
//! and importing records (an import checks every record before adding any),
//! adding, renaming and removing buckets (a removed bucket's records move to
//! another or go with it), unused ids and name checks, and the import rules
//! that map an outside file's values to buckets. Each kind says where its
//! records, buckets and rules live, how its quantity and a new bucket are
//! checked and the words its messages use, in `time_command` and
//! `money_command`.

use std::fmt::{Debug, Display};
use std::hash::Hash;

use chrono::NaiveDate;

use super::Plan;
use super::command::{CommandError, checked_date, move_within, remove_at};
use super::import_rules::{ImportBatch, ImportRule};
use super::plan::{first_unused, first_unused_in};

/// A bucket records are filed under: a time category or a budget line.
pub trait LedgerBucket: Clone + Debug + PartialEq {
    type Id: Copy + Eq + Hash + Debug + Display + From<u64> + Into<u64>;

    fn id(&self) -> Self::Id;
    fn name(&self) -> &str;
    fn name_mut(&mut self) -> &mut String;
}

/// One record of a ledger: a time entry or an expense.
pub trait LedgerRecord: Clone + Debug + PartialEq {
    type Bucket: LedgerBucket;
    /// Hours or cents.
    type Quantity;

    /// What messages call one record, e.g. `entry`.
    const RECORD: &'static str;
    /// What messages call one bucket, e.g. `time category`.
    const BUCKET: &'static str;
    /// What messages call the ledger, e.g. `hours`, as the plan file names
    /// its import rules.
    const LEDGER_NAME: &'static str;
    /// Why a bucket's records cannot move to the bucket being removed.
    const MOVE_TO_ITSELF: &'static str;

    fn records(plan: &Plan) -> &[Self];
    fn records_mut(plan: &mut Plan) -> &mut Vec<Self>;
    fn buckets(plan: &Plan) -> &[Self::Bucket];
    fn buckets_mut(plan: &mut Plan) -> &mut Vec<Self::Bucket>;
    /// The plan's import rules for this ledger, in the order they are tried.
    fn rules(plan: &Plan) -> &[ImportRule<BucketId<Self>>];
    fn rules_mut(plan: &mut Plan) -> &mut Vec<ImportRule<BucketId<Self>>>;

    /// A record with the id `id`: a fresh random one for a new record (see
    /// [`super::ids`]).
    fn new(
        id: u64,
        date: NaiveDate,
        bucket: BucketId<Self>,
        quantity: Self::Quantity,
        note: String,
    ) -> Self;
    fn record_id(&self) -> u64;
    fn set_record_id(&mut self, id: u64);
    fn date(&self) -> NaiveDate;
    fn bucket(&self) -> BucketId<Self>;
    fn bucket_mut(&mut self) -> &mut BucketId<Self>;
    fn quantity(&self) -> Self::Quantity;
    fn note(&self) -> &str;
    fn note_mut(&mut self) -> &mut String;

    fn no_such_record(index: usize) -> CommandError;
    fn no_such_bucket(bucket: BucketId<Self>) -> CommandError;
    /// Refuses a quantity the plan cannot hold, e.g. 25 hours in a day.
    fn check_quantity(&self, plan: &Plan) -> Result<(), CommandError>;
    /// Refuses what a new bucket holds besides its id and name (a weekly
    /// range, a budget kind) as adding one by hand would, or gives it as it
    /// will be stored.
    fn checked_bucket_details(
        plan: &Plan,
        bucket: &Self::Bucket,
    ) -> Result<Self::Bucket, CommandError>;
}

/// The id of the bucket a record of kind `R` is filed under.
pub type BucketId<R> = <<R as LedgerRecord>::Bucket as LedgerBucket>::Id;

impl Plan {
    /// The bucket `id` of kind `R`, if the plan has it.
    pub fn ledger_bucket<R: LedgerRecord>(&self, id: BucketId<R>) -> Option<&R::Bucket> {
        R::buckets(self).iter().find(|bucket| bucket.id() == id)
    }

    /// A bucket id no bucket of kind `R` has: `candidate` itself if it is
    /// free, else the next free one after it (never 0). The app passes a
    /// random candidate, as for [`Plan::unused_task_id`], so copies of a file
    /// edited on two machines still merge into a valid plan.
    pub fn unused_bucket_id<R: LedgerRecord>(&self, candidate: u64) -> BucketId<R> {
        let used = R::buckets(self).iter().map(|bucket| bucket.id().into());
        first_unused(candidate, used).into()
    }

    /// `record` as it will be stored, or why the plan cannot hold it.
    fn checked_record<R: LedgerRecord>(&self, record: &R) -> Result<R, CommandError> {
        if self.ledger_bucket::<R>(record.bucket()).is_none() {
            return Err(R::no_such_bucket(record.bucket()));
        }
        record.check_quantity(self)?;
        checked_date(record.date())?;
        let mut stored = record.clone();
        let note = stored.note_mut();
        *note = note.trim().to_owned();
        Ok(stored)
    }

    /// Appends `record`. Its id is kept unless it is 0 or another record's,
    /// which only a caller that did not draw a fresh one can cause: then the
    /// next free one.
    pub(super) fn add_record<R: LedgerRecord>(&mut self, record: &R) -> Result<bool, CommandError> {
        let mut record = self.checked_record(record)?;
        let used = R::records(self).iter().map(LedgerRecord::record_id);
        record.set_record_id(first_unused(record.record_id(), used));
        R::records_mut(self).push(record);
        Ok(true)
    }

    /// Replaces the record at `index` in place; `Ok(false)` when that record
    /// is already there, so the plan is not marked modified.
    pub(super) fn edit_record<R: LedgerRecord>(
        &mut self,
        index: usize,
        record: &R,
    ) -> Result<bool, CommandError> {
        if index >= R::records(self).len() {
            return Err(R::no_such_record(index));
        }
        let mut record = self.checked_record(record)?;
        let slot = R::records_mut(self)
            .get_mut(index)
            .ok_or_else(|| R::no_such_record(index))?;
        // An edited record is the same record: on another machine's copy it
        // is found by this id.
        record.set_record_id(slot.record_id());
        if *slot == record {
            return Ok(false);
        }
        *slot = record;
        Ok(true)
    }

    pub(super) fn delete_record<R: LedgerRecord>(
        &mut self,
        index: usize,
    ) -> Result<bool, CommandError> {
        remove_at(R::records_mut(self), index, R::no_such_record(index))
    }

    /// Checks every imported record before any is added, so one bad record
    /// adds none; the error names the record as a person counts them, from 1.
    pub(super) fn import_records<R: LedgerRecord>(
        &mut self,
        records: &[R],
    ) -> Result<bool, CommandError> {
        let checked = records
            .iter()
            .enumerate()
            .map(|(index, record)| {
                self.checked_record(record).map_err(|error| {
                    CommandError::Invalid(format!(
                        "imported {} {} ({}): {error}",
                        R::RECORD,
                        index + 1,
                        record.date()
                    ))
                })
            })
            .collect::<Result<Vec<R>, CommandError>>()?;
        if checked.is_empty() {
            return Ok(false);
        }
        let mut used: std::collections::HashSet<u64> = R::records(self)
            .iter()
            .map(LedgerRecord::record_id)
            .collect();
        let mut checked = checked;
        for record in &mut checked {
            let id = first_unused_in(record.record_id(), &used);
            used.insert(id);
            record.set_record_id(id);
        }
        R::records_mut(self).extend(checked);
        Ok(true)
    }

    /// Adds what one import brings to a ledger as one edit: the new buckets,
    /// then the rules, then the records, each checked against the plan as
    /// the parts before it leave it. If any part is refused, nothing changes.
    ///
    /// A rule whose text is an existing rule's, ignoring case, replaces that
    /// rule where it stands (a value mapped anew keeps its place in the
    /// order); other rules are tried after the plan's own. `Ok(false)` when
    /// the batch changes nothing, e.g. when it is empty.
    pub(super) fn import_batch<R: LedgerRecord>(
        &mut self,
        batch: &ImportBatch<R>,
    ) -> Result<bool, CommandError> {
        if batch.is_empty() {
            return Ok(false);
        }
        // Records are checked against the buckets as the batch leaves them,
        // so the buckets and rules go in first and are put back as they were
        // if a later part is refused. The records themselves are added only
        // once every one of them has passed.
        let buckets_before = R::buckets(self).to_vec();
        let rules_before = R::rules(self).to_vec();
        let records_before = R::records(self).len();
        if let Err(error) = self.add_import_batch(batch) {
            *R::buckets_mut(self) = buckets_before;
            *R::rules_mut(self) = rules_before;
            return Err(error);
        }
        // Compared as a whole, since two rules of one batch for one text can
        // leave the rules as they were.
        Ok(R::buckets(self).len() != buckets_before.len()
            || R::rules(self) != rules_before.as_slice()
            || R::records(self).len() != records_before)
    }

    /// The steps of [`Plan::import_batch`], which undoes them on an error.
    fn add_import_batch<R: LedgerRecord>(
        &mut self,
        batch: &ImportBatch<R>,
    ) -> Result<(), CommandError> {
        for bucket in &batch.new_buckets {
            let stored = self.checked_import_bucket::<R>(bucket).map_err(|error| {
                CommandError::Invalid(format!(
                    "the new {} {:?}: {error}",
                    R::BUCKET,
                    bucket.name()
                ))
            })?;
            R::buckets_mut(self).push(stored);
        }
        for (index, rule) in batch.rules.iter().enumerate() {
            let stored = self.checked_rule::<R>(rule).map_err(|error| {
                CommandError::Invalid(format!(
                    "import rule {} ({:?}): {error}",
                    index + 1,
                    rule.contains
                ))
            })?;
            self.remember_rule::<R>(stored);
        }
        self.import_records(&batch.records)?;
        Ok(())
    }

    /// `bucket` as it will be stored, checked as adding it by hand checks it.
    fn checked_import_bucket<R: LedgerRecord>(
        &self,
        bucket: &R::Bucket,
    ) -> Result<R::Bucket, CommandError> {
        let name = self.checked_new_bucket::<R>(bucket.id(), bucket.name())?;
        let mut stored = R::checked_bucket_details(self, bucket)?;
        name.clone_into(stored.name_mut());
        Ok(stored)
    }

    /// `rule` as it will be stored, with its text trimmed, or why the plan
    /// cannot hold it.
    fn checked_rule<R: LedgerRecord>(
        &self,
        rule: &ImportRule<BucketId<R>>,
    ) -> Result<ImportRule<BucketId<R>>, CommandError> {
        let contains = rule.contains.trim();
        if contains.is_empty() {
            // It would match nothing, and a list of rules would show a blank.
            return Err(CommandError::Invalid(
                "a rule needs a text to look for".to_owned(),
            ));
        }
        if let Some(into) = rule.into
            && self.ledger_bucket::<R>(into).is_none()
        {
            return Err(R::no_such_bucket(into));
        }
        Ok(ImportRule {
            contains: contains.to_owned(),
            into: rule.into,
        })
    }

    /// Replaces the first rule with `rule`'s text (the one that wins), or
    /// adds `rule` after the others.
    fn remember_rule<R: LedgerRecord>(&mut self, rule: ImportRule<BucketId<R>>) {
        let rules = R::rules_mut(self);
        match rules
            .iter_mut()
            .find(|found| found.has_text(&rule.contains))
        {
            Some(found) => *found = rule,
            None => rules.push(rule),
        }
    }

    /// Forgets the import rule at `index` of the ledger's list.
    pub(super) fn remove_rule<R: LedgerRecord>(
        &mut self,
        index: usize,
    ) -> Result<bool, CommandError> {
        remove_at(R::rules_mut(self), index, no_such_rule::<R>(index))
    }

    /// Moves the import rule at `from` to `to`, counted as for
    /// [`move_within`]: the order is the order rules are tried in.
    pub(super) fn move_rule<R: LedgerRecord>(
        &mut self,
        from: usize,
        to: usize,
    ) -> Result<bool, CommandError> {
        let rules = R::rules_mut(self);
        if from >= rules.len() {
            return Err(no_such_rule::<R>(from));
        }
        Ok(move_within(rules, from, to))
    }

    /// The trimmed `name` for a new bucket `id`, or why it cannot be added:
    /// the id is taken, or the name is refused as for a rename.
    pub(super) fn checked_new_bucket<'a, R: LedgerRecord>(
        &self,
        id: BucketId<R>,
        name: &'a str,
    ) -> Result<&'a str, CommandError> {
        if self.ledger_bucket::<R>(id).is_some() {
            return Err(CommandError::IdInUse(format!("{} id {id}", R::BUCKET)));
        }
        self.checked_bucket_name::<R>(id, name)
    }

    pub(super) fn rename_bucket<R: LedgerRecord>(
        &mut self,
        id: BucketId<R>,
        name: &str,
    ) -> Result<bool, CommandError> {
        if self.ledger_bucket::<R>(id).is_none() {
            return Err(R::no_such_bucket(id));
        }
        let name = self.checked_bucket_name::<R>(id, name)?;
        let found = self.existing_bucket_mut::<R>(id)?.name_mut();
        if *found == name {
            return Ok(false);
        }
        name.clone_into(found);
        Ok(true)
    }

    /// Removes the bucket `id`. Its records move to `move_to`, or go with it
    /// when that is `None`: the caller says which, so nothing logged is
    /// dropped without being asked.
    pub(super) fn remove_bucket<R: LedgerRecord>(
        &mut self,
        id: BucketId<R>,
        move_to: Option<BucketId<R>>,
    ) -> Result<bool, CommandError> {
        if self.ledger_bucket::<R>(id).is_none() {
            return Err(R::no_such_bucket(id));
        }
        if let Some(target) = move_to {
            if target == id {
                return Err(CommandError::Invalid(R::MOVE_TO_ITSELF.to_owned()));
            }
            if self.ledger_bucket::<R>(target).is_none() {
                return Err(R::no_such_bucket(target));
            }
            for record in R::records_mut(self) {
                if record.bucket() == id {
                    *record.bucket_mut() = target;
                }
            }
            // A rule follows the records it filed, so the next import files
            // the same rows where the earlier ones went.
            for rule in R::rules_mut(self) {
                if rule.into == Some(id) {
                    rule.into = Some(target);
                }
            }
        } else {
            R::records_mut(self).retain(|record| record.bucket() != id);
            R::rules_mut(self).retain(|rule| rule.into != Some(id));
        }
        // `retain` rather than removing one position: a hand-edited file may
        // hold the id twice, and no record may be left pointing at it.
        R::buckets_mut(self).retain(|found| found.id() != id);
        Ok(true)
    }

    /// The trimmed `name`, refused when empty or when another bucket than
    /// `id` has it, ignoring case: two "Learning" rows in a chart, or two
    /// "Books" in a CSV file, could not be told apart.
    fn checked_bucket_name<'a, R: LedgerRecord>(
        &self,
        id: BucketId<R>,
        name: &'a str,
    ) -> Result<&'a str, CommandError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError::EmptyTitle);
        }
        let folded = name.to_lowercase();
        if let Some(other) = R::buckets(self)
            .iter()
            .find(|other| other.id() != id && other.name().trim().to_lowercase() == folded)
        {
            return Err(CommandError::Invalid(format!(
                "there is already a {} named {:?}",
                R::BUCKET,
                other.name()
            )));
        }
        Ok(name)
    }

    pub(super) fn existing_bucket_mut<R: LedgerRecord>(
        &mut self,
        id: BucketId<R>,
    ) -> Result<&mut R::Bucket, CommandError> {
        R::buckets_mut(self)
            .iter_mut()
            .find(|found| found.id() == id)
            .ok_or_else(|| R::no_such_bucket(id))
    }
}

/// Why a rule command names no rule; counted from 1, as the file's rules are
/// in messages.
fn no_such_rule<R: LedgerRecord>(index: usize) -> CommandError {
    CommandError::Invalid(format!(
        "there is no import rule {} of {}",
        index.saturating_add(1),
        R::LEDGER_NAME
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{
        BudgetKind, BudgetLine, CategoryId, Expense, LineId, TimeCategory, TimeEntry,
    };

    /// Category 1 "Learning" with an entry, and line 1 "Books" with an expense.
    fn plan() -> Plan {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut plan = Plan::empty("Test", start);
        plan.time_categories.push(TimeCategory {
            id: CategoryId(1),
            name: "Learning".to_owned(),
            weekly_min_hours: 1.0,
            weekly_max_hours: 2.0,
        });
        plan.budget_lines.push(BudgetLine {
            id: LineId(1),
            name: "Books".to_owned(),
            kind: BudgetKind::OneTime { cap_cents: 100 },
        });
        plan.time_entries
            .push(TimeEntry::new(1, start, CategoryId(1), 1.5, String::new()));
        plan.expenses
            .push(Expense::new(1, start, LineId(1), 50, String::new()));
        plan
    }

    #[test]
    fn both_ledgers_name_their_buckets_in_their_own_words() {
        let mut plan = plan();
        assert_eq!(plan.unused_bucket_id::<TimeEntry>(1), CategoryId(2));
        assert_eq!(plan.unused_bucket_id::<Expense>(0), LineId(2));
        assert_eq!(
            plan.checked_new_bucket::<TimeEntry>(CategoryId(1), "Reading"),
            Err(CommandError::IdInUse("time category id 1".to_owned()))
        );
        assert_eq!(
            plan.checked_new_bucket::<Expense>(LineId(2), " books "),
            Err(CommandError::Invalid(
                "there is already a budget line named \"Books\"".to_owned()
            ))
        );
        assert_eq!(
            plan.rename_bucket::<Expense>(LineId(1), " BOOKS "),
            Ok(true)
        );
        assert_eq!(plan.budget_lines[0].name, "BOOKS");
        assert_eq!(
            plan.delete_record::<TimeEntry>(1),
            Err(CommandError::NoSuchEntry(1))
        );
        assert_eq!(
            plan.remove_bucket::<Expense>(LineId(1), Some(LineId(1))),
            Err(CommandError::Invalid(
                "the expenses of a budget line being removed must move to another line".to_owned()
            ))
        );
        assert_eq!(
            plan.remove_bucket::<TimeEntry>(CategoryId(1), None),
            Ok(true)
        );
        assert!(plan.time_categories.is_empty() && plan.time_entries.is_empty());
        assert_eq!(plan.expenses.len(), 1);
    }
}
