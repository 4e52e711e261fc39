//! Edits of the time budget and the time log.

use chrono::Datelike;

use super::command::{CommandError, check_imported, replace_record};
use super::hours::check_hours;
use super::time::EntriesFate;
use super::validate::{MAX_HOURS_PER_ENTRY, MAX_WEEKLY_HOURS, MAX_YEAR, MIN_YEAR};
use super::{CategoryId, Plan, TimeCategory, TimeEntry};

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
}

impl Plan {
    pub(crate) fn apply_time(&mut self, command: &TimeCommand) -> Result<bool, CommandError> {
        match command {
            TimeCommand::AddEntry { entry } => {
                let entry = self.checked_entry(entry)?;
                self.time_entries.push(entry);
                Ok(true)
            }
            TimeCommand::EditEntry { index, entry } => self.edit_entry(*index, entry),
            &TimeCommand::DeleteEntry { index } => {
                if index >= self.time_entries.len() {
                    return Err(CommandError::NoSuchEntry(index));
                }
                self.time_entries.remove(index);
                Ok(true)
            }
            TimeCommand::AddCategory {
                category,
                name,
                min_hours,
                max_hours,
            } => self.add_category(*category, name, *min_hours, *max_hours),
            TimeCommand::RenameCategory { category, name } => self.rename_category(*category, name),
            &TimeCommand::SetCategoryTarget {
                category,
                min_hours,
                max_hours,
            } => self.set_category_target(category, min_hours, max_hours),
            &TimeCommand::RemoveCategory { category, entries } => {
                self.remove_category(category, entries)
            }
            TimeCommand::ImportEntries { entries } => self.import_entries(entries),
        }
    }

    /// A category id no category of this plan has: `candidate` itself if it
    /// is free, else the next free one after it (never 0). The app passes a
    /// random candidate, as for [`Plan::unused_task_id`], so copies of a
    /// file edited on two machines still merge into a valid plan.
    pub fn unused_category_id(&self, candidate: u64) -> CategoryId {
        let used: std::collections::HashSet<u64> = self
            .time_categories
            .iter()
            .map(|category| category.id.0)
            .collect();
        let mut id = candidate;
        // Ends: the plan holds fewer than u64::MAX categories.
        while id == 0 || used.contains(&id) {
            id = id.wrapping_add(1);
        }
        CategoryId(id)
    }

    /// `entry` as it will be stored, or why the plan cannot hold it.
    fn checked_entry(&self, entry: &TimeEntry) -> Result<TimeEntry, CommandError> {
        if self.category(entry.category).is_none() {
            return Err(CommandError::NoSuchCategory(entry.category));
        }
        if check_hours(entry.hours).is_err() {
            return Err(CommandError::Invalid(format!(
                "an entry holds more than 0 and at most {MAX_HOURS_PER_ENTRY} hours, found {}",
                entry.hours
            )));
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&entry.date.year()) {
            return Err(CommandError::DateOutOfRange(entry.date));
        }
        Ok(TimeEntry {
            note: entry.note.trim().to_owned(),
            ..entry.clone()
        })
    }

    fn edit_entry(&mut self, index: usize, entry: &TimeEntry) -> Result<bool, CommandError> {
        if index >= self.time_entries.len() {
            return Err(CommandError::NoSuchEntry(index));
        }
        let entry = self.checked_entry(entry)?;
        replace_record(
            &mut self.time_entries,
            index,
            entry,
            CommandError::NoSuchEntry(index),
        )
    }

    fn import_entries(&mut self, entries: &[TimeEntry]) -> Result<bool, CommandError> {
        let checked = check_imported(
            entries,
            "entry",
            |entry| self.checked_entry(entry),
            |entry| entry.date,
        )?;
        if checked.is_empty() {
            return Ok(false);
        }
        self.time_entries.extend(checked);
        Ok(true)
    }

    fn add_category(
        &mut self,
        category: CategoryId,
        name: &str,
        min_hours: f64,
        max_hours: f64,
    ) -> Result<bool, CommandError> {
        if self.category(category).is_some() {
            return Err(CommandError::IdInUse(format!(
                "time category id {category}"
            )));
        }
        let name = self.checked_category_name(category, name)?;
        let (min_hours, max_hours) = checked_target(min_hours, max_hours)?;
        self.time_categories.push(TimeCategory {
            id: category,
            name: name.to_owned(),
            weekly_min_hours: min_hours,
            weekly_max_hours: max_hours,
        });
        Ok(true)
    }

    fn rename_category(&mut self, category: CategoryId, name: &str) -> Result<bool, CommandError> {
        if self.category(category).is_none() {
            return Err(CommandError::NoSuchCategory(category));
        }
        let name = self.checked_category_name(category, name)?;
        let found = self.existing_category_mut(category)?;
        if found.name == name {
            return Ok(false);
        }
        name.clone_into(&mut found.name);
        Ok(true)
    }

    fn set_category_target(
        &mut self,
        category: CategoryId,
        min_hours: f64,
        max_hours: f64,
    ) -> Result<bool, CommandError> {
        let found = self.existing_category_mut(category)?;
        let (min_hours, max_hours) = checked_target(min_hours, max_hours)?;
        if found.weekly_min_hours == min_hours && found.weekly_max_hours == max_hours {
            return Ok(false);
        }
        found.weekly_min_hours = min_hours;
        found.weekly_max_hours = max_hours;
        Ok(true)
    }

    fn remove_category(
        &mut self,
        category: CategoryId,
        entries: EntriesFate,
    ) -> Result<bool, CommandError> {
        if self.category(category).is_none() {
            return Err(CommandError::NoSuchCategory(category));
        }
        match entries {
            EntriesFate::MoveTo(target) => {
                if target == category {
                    return Err(CommandError::Invalid(
                        "the entries of a category being removed must move to another category"
                            .to_owned(),
                    ));
                }
                if self.category(target).is_none() {
                    return Err(CommandError::NoSuchCategory(target));
                }
                for entry in &mut self.time_entries {
                    if entry.category == category {
                        entry.category = target;
                    }
                }
            }
            EntriesFate::Delete => self.time_entries.retain(|entry| entry.category != category),
        }
        // `retain` rather than removing one position: a hand-edited file may
        // hold the id twice, and no entry may be left pointing at it.
        self.time_categories.retain(|found| found.id != category);
        Ok(true)
    }

    /// The trimmed `name`, refused when empty or when another category than
    /// `category` has it, ignoring case: two "Learning" rows in a chart or a
    /// CSV could not be told apart.
    fn checked_category_name<'a>(
        &self,
        category: CategoryId,
        name: &'a str,
    ) -> Result<&'a str, CommandError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError::EmptyTitle);
        }
        let folded = name.to_lowercase();
        if let Some(other) = self
            .time_categories
            .iter()
            .find(|other| other.id != category && other.name.trim().to_lowercase() == folded)
        {
            return Err(CommandError::Invalid(format!(
                "there is already a time category named {:?}",
                other.name
            )));
        }
        Ok(name)
    }

    fn existing_category_mut(
        &mut self,
        category: CategoryId,
    ) -> Result<&mut TimeCategory, CommandError> {
        self.time_categories
            .iter_mut()
            .find(|found| found.id == category)
            .ok_or(CommandError::NoSuchCategory(category))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::NaiveDate;

    use super::*;
    use crate::model::command::Command;
    use crate::model::validate::validate;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn entry(date: NaiveDate, category: u64, hours: f64, note: &str) -> TimeEntry {
        TimeEntry {
            date,
            category: CategoryId(category),
            hours,
            note: note.to_owned(),
        }
    }

    /// The seed's categories: Learning (1) 15–20, Building (2) 10–15,
    /// Review/Documentation (3) 5–5; no entries.
    fn seed() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    /// Applies `command` and checks what every command promises: a refusal
    /// or `Ok(false)` leaves the plan as it was, `Ok(true)` changes it, and a
    /// valid plan stays valid.
    fn apply(plan: &mut Plan, command: TimeCommand) -> Result<bool, CommandError> {
        let command = Command::Time(command);
        let before = plan.clone();
        let result = plan.apply(&command);
        match result {
            Ok(true) => assert_ne!(*plan, before, "{command:?} said it changed the plan"),
            Ok(false) | Err(_) => assert_eq!(*plan, before, "{command:?} changed the plan"),
        }
        if let Err(error) = validate(plan) {
            panic!("{command:?} left an invalid plan:\n{error}");
        }
        result
    }

    fn invalid(message: &str) -> Result<bool, CommandError> {
        Err(CommandError::Invalid(message.to_owned()))
    }

    fn names(plan: &Plan) -> Vec<&str> {
        plan.time_categories
            .iter()
            .map(|category| category.name.as_str())
            .collect()
    }

    #[test]
    fn entries_are_added_edited_and_deleted() {
        use TimeCommand::{AddEntry, DeleteEntry, EditEntry};
        let mut plan = seed();
        let first = entry(day(2026, 3, 2), 1, 1.5, "  Read chapter 3  ");
        assert_eq!(apply(&mut plan, AddEntry { entry: first }), Ok(true));
        assert_eq!(
            plan.time_entries,
            [entry(day(2026, 3, 2), 1, 1.5, "Read chapter 3")]
        );
        let second = entry(day(2026, 3, 1), 2, 24.0, "");
        assert_eq!(
            apply(
                &mut plan,
                AddEntry {
                    entry: second.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries[1], second);

        // The same entry again, even with the note padded, changes nothing.
        let same = entry(day(2026, 3, 2), 1, 1.5, "Read chapter 3 ");
        let edit = |index, entry| EditEntry { index, entry };
        assert_eq!(apply(&mut plan, edit(0, same)), Ok(false));
        let changed = entry(day(2026, 3, 3), 3, 4.0 / 3.0, "ADR");
        assert_eq!(apply(&mut plan, edit(0, changed.clone())), Ok(true));
        assert_eq!(plan.time_entries, [changed.clone(), second.clone()]);
        assert_eq!(
            apply(&mut plan, edit(2, changed.clone())),
            Err(CommandError::NoSuchEntry(2))
        );
        assert_eq!(
            apply(&mut plan, edit(usize::MAX, changed.clone())),
            Err(CommandError::NoSuchEntry(usize::MAX))
        );

        assert_eq!(apply(&mut plan, DeleteEntry { index: 0 }), Ok(true));
        assert_eq!(plan.time_entries, [second]);
        assert_eq!(
            apply(&mut plan, DeleteEntry { index: 1 }),
            Err(CommandError::NoSuchEntry(1))
        );
        assert_eq!(
            apply(&mut plan, DeleteEntry { index: usize::MAX }),
            Err(CommandError::NoSuchEntry(usize::MAX))
        );
        assert_eq!(apply(&mut plan, DeleteEntry { index: 0 }), Ok(true));
        assert!(plan.time_entries.is_empty());
    }

    #[test]
    fn entries_the_plan_cannot_hold_are_refused() {
        use TimeCommand::{AddEntry, EditEntry};
        let mut plan = seed();
        let good = entry(day(2026, 3, 2), 1, 2.0, "");
        apply(
            &mut plan,
            AddEntry {
                entry: good.clone(),
            },
        )
        .unwrap();
        let hours_message = |found: &str| {
            invalid(&format!(
                "an entry holds more than 0 and at most 24 hours, found {found}"
            ))
        };
        for (bad, expected) in [
            (
                entry(day(2026, 3, 2), 9, 2.0, ""),
                Err(CommandError::NoSuchCategory(CategoryId(9))),
            ),
            (entry(day(2026, 3, 2), 1, 0.0, ""), hours_message("0")),
            (entry(day(2026, 3, 2), 1, -1.5, ""), hours_message("-1.5")),
            (entry(day(2026, 3, 2), 1, 24.01, ""), hours_message("24.01")),
            (
                entry(day(2026, 3, 2), 1, f64::NAN, ""),
                hours_message("NaN"),
            ),
            (
                entry(day(2026, 3, 2), 1, f64::INFINITY, ""),
                hours_message("inf"),
            ),
            (
                entry(day(1899, 12, 31), 1, 2.0, ""),
                Err(CommandError::DateOutOfRange(day(1899, 12, 31))),
            ),
            (
                entry(day(2201, 1, 1), 1, 2.0, ""),
                Err(CommandError::DateOutOfRange(day(2201, 1, 1))),
            ),
        ] {
            assert_eq!(
                apply(&mut plan, AddEntry { entry: bad.clone() }),
                expected,
                "{bad:?}"
            );
            assert_eq!(
                apply(
                    &mut plan,
                    EditEntry {
                        index: 0,
                        entry: bad.clone()
                    }
                ),
                expected,
                "{bad:?}"
            );
        }
        // The edges of what is allowed.
        for fine in [
            entry(day(1900, 1, 1), 1, 24.0, ""),
            entry(day(2200, 12, 31), 3, f64::MIN_POSITIVE, ""),
        ] {
            assert_eq!(apply(&mut plan, AddEntry { entry: fine }), Ok(true));
        }
        assert_eq!(plan.time_entries.len(), 3);
        assert_eq!(
            CommandError::NoSuchEntry(4).to_string(),
            "there is no time entry number 4"
        );
    }

    #[test]
    fn an_import_adds_every_entry_or_none() {
        use TimeCommand::ImportEntries;
        let mut plan = seed();
        let good = vec![
            entry(day(2026, 1, 5), 1, 1.5, "Elixir in Action, ch. 1"),
            entry(day(2026, 1, 6), 2, 2.0, " padded "),
            entry(day(2026, 1, 6), 3, 0.5, ""),
        ];
        let mut bad = good.clone();
        bad.insert(2, entry(day(2026, 1, 7), 7, 1.0, ""));
        assert_eq!(
            apply(&mut plan, ImportEntries { entries: bad }),
            invalid(
                "imported entry 3 (2026-01-07): the time category with id 7 is not in the plan"
            )
        );
        let mut bad = good.clone();
        bad.push(entry(day(2026, 1, 8), 1, 25.0, ""));
        assert_eq!(
            apply(&mut plan, ImportEntries { entries: bad }),
            invalid(
                "imported entry 4 (2026-01-08): an entry holds more than 0 and at most 24 hours, \
                 found 25"
            )
        );
        assert!(plan.time_entries.is_empty());

        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: Vec::new()
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: good.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries.len(), 3);
        assert_eq!(plan.time_entries[0], good[0]);
        assert_eq!(plan.time_entries[1].note, "padded");
        // Imported after what was there, in the order given.
        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: good.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries.len(), 6);
        assert_eq!(plan.time_entries[3], good[0]);
    }

    #[test]
    fn categories_are_added_with_a_unique_name_and_a_sane_target() {
        let add =
            |category: u64, name: &str, min_hours: f64, max_hours: f64| TimeCommand::AddCategory {
                category: CategoryId(category),
                name: name.to_owned(),
                min_hours,
                max_hours,
            };
        let mut plan = seed();
        assert_eq!(apply(&mut plan, add(4, "  Writing ", 2.0, 4.0)), Ok(true));
        assert_eq!(
            plan.time_categories[3],
            TimeCategory {
                id: CategoryId(4),
                name: "Writing".to_owned(),
                weekly_min_hours: 2.0,
                weekly_max_hours: 4.0,
            }
        );
        assert_eq!(
            apply(&mut plan, add(1, "Reading", 1.0, 2.0)),
            Err(CommandError::IdInUse("time category id 1".to_owned()))
        );
        assert_eq!(
            apply(&mut plan, add(5, " \t", 1.0, 2.0)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(&mut plan, add(5, " LEARNING ", 1.0, 2.0)),
            invalid("there is already a time category named \"Learning\"")
        );
        let range = "a weekly target must be between 0 and 168 hours";
        for (min_hours, max_hours, shown) in [
            (-1.0, 2.0, "-1 to 2"),
            (1.0, 168.5, "1 to 168.5"),
            (f64::NAN, 2.0, "NaN to 2"),
            (1.0, f64::INFINITY, "1 to inf"),
        ] {
            assert_eq!(
                apply(&mut plan, add(5, "Reading", min_hours, max_hours)),
                invalid(&format!("{range}, found {shown}"))
            );
        }
        assert_eq!(
            apply(&mut plan, add(5, "Reading", 3.0, 2.5)),
            invalid("the weekly minimum (3 hours) cannot be above the maximum (2.5 hours)")
        );
        // 0–0 and 168–168 are the extremes allowed; -0.0 is stored as 0.0.
        assert_eq!(apply(&mut plan, add(5, "Rest", -0.0, 0.0)), Ok(true));
        assert!(plan.time_categories[4].weekly_min_hours.is_sign_positive());
        assert_eq!(
            apply(&mut plan, add(6, "Everything", 168.0, 168.0)),
            Ok(true)
        );
        assert_eq!(
            names(&plan),
            [
                "Learning",
                "Building",
                "Review/Documentation",
                "Writing",
                "Rest",
                "Everything"
            ]
        );
    }

    #[test]
    fn categories_are_renamed_and_retargeted() {
        let rename = |category: u64, name: &str| TimeCommand::RenameCategory {
            category: CategoryId(category),
            name: name.to_owned(),
        };
        let target =
            |category: u64, min_hours: f64, max_hours: f64| TimeCommand::SetCategoryTarget {
                category: CategoryId(category),
                min_hours,
                max_hours,
            };
        let mut plan = seed();
        assert_eq!(apply(&mut plan, rename(3, " Review ")), Ok(true));
        assert_eq!(apply(&mut plan, rename(3, "Review")), Ok(false));
        // Its own name in another case is not a clash.
        assert_eq!(apply(&mut plan, rename(3, "REVIEW")), Ok(true));
        assert_eq!(
            apply(&mut plan, rename(3, "building")),
            invalid("there is already a time category named \"Building\"")
        );
        assert_eq!(
            apply(&mut plan, rename(3, "")),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(&mut plan, rename(9, "Other")),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        assert_eq!(names(&plan), ["Learning", "Building", "REVIEW"]);

        assert_eq!(apply(&mut plan, target(1, 15.0, 20.0)), Ok(false));
        assert_eq!(apply(&mut plan, target(1, 12.5, 18.0)), Ok(true));
        assert_eq!(
            (
                plan.time_categories[0].weekly_min_hours,
                plan.time_categories[0].weekly_max_hours
            ),
            (12.5, 18.0)
        );
        assert_eq!(apply(&mut plan, target(3, 0.0, 0.0)), Ok(true));
        assert_eq!(
            apply(&mut plan, target(1, 19.0, 18.0)),
            invalid("the weekly minimum (19 hours) cannot be above the maximum (18 hours)")
        );
        assert_eq!(
            apply(&mut plan, target(1, 1.0, 169.0)),
            invalid("a weekly target must be between 0 and 168 hours, found 1 to 169")
        );
        assert_eq!(
            apply(&mut plan, target(9, 1.0, 2.0)),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        // The summed range follows: 12.5 + 10 + 0 to 18 + 15 + 0.
        assert_eq!(crate::model::time::weekly_target_total(&plan), (22.5, 33.0));
    }

    #[test]
    fn removing_a_category_moves_or_deletes_its_entries_as_told() {
        use EntriesFate::{Delete, MoveTo};
        let remove = |category: u64, entries| TimeCommand::RemoveCategory {
            category: CategoryId(category),
            entries,
        };
        let mut plan = seed();
        plan.time_entries = vec![
            entry(day(2026, 3, 2), 1, 2.0, "a"),
            entry(day(2026, 3, 2), 3, 1.0, "b"),
            entry(day(2026, 3, 3), 2, 3.0, "c"),
            entry(day(2026, 3, 4), 3, 0.5, "d"),
        ];
        assert_eq!(
            apply(&mut plan, remove(3, MoveTo(CategoryId(3)))),
            invalid("the entries of a category being removed must move to another category")
        );
        assert_eq!(
            apply(&mut plan, remove(3, MoveTo(CategoryId(9)))),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        assert_eq!(
            apply(&mut plan, remove(9, Delete)),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );

        assert_eq!(apply(&mut plan, remove(3, MoveTo(CategoryId(1)))), Ok(true));
        assert_eq!(names(&plan), ["Learning", "Building"]);
        let categories: Vec<u64> = plan.time_entries.iter().map(|e| e.category.0).collect();
        assert_eq!(categories, [1, 1, 2, 1]);
        // Moved entries now count towards Learning: 2 + 1 + 0.5 in 2026-W10.
        let weekly = crate::model::time::weekly_hours(&plan);
        let week = crate::model::calendar::IsoWeek::of(day(2026, 3, 2));
        assert_eq!(weekly.hours(week, CategoryId(1)), 3.5);

        assert_eq!(apply(&mut plan, remove(1, Delete)), Ok(true));
        assert_eq!(names(&plan), ["Building"]);
        assert_eq!(plan.time_entries, [entry(day(2026, 3, 3), 2, 3.0, "c")]);
        // A category with no entries goes either way.
        assert!(apply(&mut plan, remove(2, MoveTo(CategoryId(2)))).is_err());
        assert_eq!(apply(&mut plan, remove(2, Delete)), Ok(true));
        assert!(plan.time_categories.is_empty() && plan.time_entries.is_empty());
    }

    #[test]
    fn unused_category_ids_skip_taken_ones_and_zero() {
        let plan = seed();
        assert_eq!(plan.unused_category_id(1), CategoryId(4));
        assert_eq!(plan.unused_category_id(3), CategoryId(4));
        assert_eq!(plan.unused_category_id(0), CategoryId(4));
        assert_eq!(plan.unused_category_id(77), CategoryId(77));
        assert_eq!(plan.unused_category_id(u64::MAX), CategoryId(u64::MAX));
        let mut plan = plan;
        plan.time_categories[0].id = CategoryId(u64::MAX);
        // Wraps past u64::MAX, skipping 0 and the taken 2 and 3.
        assert_eq!(plan.unused_category_id(u64::MAX), CategoryId(1));
        assert_eq!(plan.unused_category_id(2), CategoryId(4));
    }

    /// A small deterministic generator, so the test fails the same way every time.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn pick<T: Copy>(&mut self, from: &[T]) -> T {
            from[usize::try_from(self.below(from.len() as u64)).unwrap()]
        }

        fn index(&mut self) -> usize {
            if self.below(10) == 0 {
                usize::MAX
            } else {
                usize::try_from(self.below(12)).unwrap()
            }
        }

        fn hours(&mut self) -> f64 {
            self.pick(&[
                1.5,
                0.25,
                24.0,
                8.0,
                0.0,
                -1.0,
                24.5,
                f64::NAN,
                f64::INFINITY,
                170.0,
                -0.0,
                168.0,
            ])
        }

        fn entry(&mut self) -> TimeEntry {
            let date = if self.below(15) == 0 {
                day(2201, 1, 1)
            } else {
                day(2026, 1, 1) + chrono::Days::new(self.below(400))
            };
            TimeEntry {
                date,
                category: CategoryId(self.below(7)),
                hours: self.hours(),
                note: self.pick(&["", " x ", "note, with \"quotes\""]).to_owned(),
            }
        }

        fn command(&mut self) -> TimeCommand {
            let category = CategoryId(self.below(7));
            let name = self
                .pick(&["Learning", "learning ", "", "Writing", "Rest", "Ünïcode"])
                .to_owned();
            match self.below(12) {
                0..=3 => TimeCommand::AddEntry {
                    entry: self.entry(),
                },
                4 => TimeCommand::EditEntry {
                    index: self.index(),
                    entry: self.entry(),
                },
                5 => TimeCommand::DeleteEntry {
                    index: self.index(),
                },
                6 => TimeCommand::AddCategory {
                    category,
                    name,
                    min_hours: self.hours(),
                    max_hours: self.hours(),
                },
                7 => TimeCommand::RenameCategory { category, name },
                8 => TimeCommand::SetCategoryTarget {
                    category,
                    min_hours: self.hours(),
                    max_hours: self.hours(),
                },
                9 => TimeCommand::RemoveCategory {
                    category,
                    entries: if self.below(2) == 0 {
                        EntriesFate::Delete
                    } else {
                        EntriesFate::MoveTo(CategoryId(self.below(7)))
                    },
                },
                _ => TimeCommand::ImportEntries {
                    entries: (0..self.below(4)).map(|_| self.entry()).collect(),
                },
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed_number in 1..=20_u64 {
            let mut plan = seed();
            let mut random = XorShift(seed_number.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            for _ in 0..400 {
                let command = random.command();
                if apply(&mut plan, command.clone()) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 8);
    }
}
