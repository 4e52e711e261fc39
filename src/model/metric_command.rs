//! Edits of the success metrics, the review cadences and the review log.

use chrono::Datelike;

use super::command::CommandError;
use super::validate::{MAX_METRIC_MONTHS, MAX_METRIC_WEEKS, MAX_YEAR, MIN_YEAR};
use super::{MetricId, MetricMeasure, Period, Plan, Review, ReviewCadence, SuccessMetric};

/// An edit of the success metrics, the review cadences or the review log.
///
/// Reviews are named by their index in `Plan::reviews`, the order of the
/// file, which [`MetricCommand::AddReview`] keeps in date order.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricCommand {
    /// Adds a metric after the others. The name is trimmed and must not be
    /// empty; the measure must name a swimlane the plan has, and look back
    /// 1–520 weeks or 1–120 months.
    AddMetric {
        metric: MetricId,
        name: String,
        measure: MetricMeasure,
    },
    /// Renames a metric and sets how it is measured, checked as for
    /// `AddMetric`. Turning a derived metric into a manual one starts it
    /// with the `done` the measure carries.
    EditMetric {
        metric: MetricId,
        name: String,
        measure: MetricMeasure,
    },
    DeleteMetric {
        metric: MetricId,
    },
    /// Moves a metric to position `index`, counted after it is taken out of
    /// its old place; an index past the end means the end.
    MoveMetric {
        metric: MetricId,
        index: usize,
    },
    /// Ticks or unticks a metric that is ticked by hand; a derived metric is
    /// refused, since its figure comes from the plan.
    SetMetricDone {
        metric: MetricId,
        done: bool,
    },
    /// Records a review. Its summary is stored exactly as given: it is the
    /// frozen text of `review::period_summary` on the review's day. Notes
    /// are trimmed, as the review is taken whole once saved. The date must
    /// be in the years the plan accepts. The review goes after every review
    /// dated on or before it, so the log stays in date order.
    ///
    /// A review of a period the plan has no cadence for is accepted: an
    /// extra quarterly look without a quarterly rhythm is still a review.
    AddReview {
        review: Review,
    },
    DeleteReview {
        index: usize,
    },
    /// Sets what the `period` cadence is for (trimmed; may be empty), adding
    /// the cadence, in weekly–monthly–quarterly order, if the plan has none.
    SetCadencePurpose {
        period: Period,
        purpose: String,
    },
    /// Stops reviewing on the `period` rhythm. Past reviews of that period
    /// stay in the log.
    RemoveCadence {
        period: Period,
    },
}

impl Plan {
    pub(crate) fn apply_metrics(&mut self, command: &MetricCommand) -> Result<bool, CommandError> {
        match command {
            MetricCommand::AddMetric {
                metric,
                name,
                measure,
            } => self.add_metric(*metric, name, *measure),
            MetricCommand::EditMetric {
                metric,
                name,
                measure,
            } => self.edit_metric(*metric, name, *measure),
            &MetricCommand::DeleteMetric { metric } => {
                let position = self.metric_position(metric)?;
                self.success_metrics.remove(position);
                Ok(true)
            }
            &MetricCommand::MoveMetric { metric, index } => {
                let position = self.metric_position(metric)?;
                Ok(move_within(&mut self.success_metrics, position, index))
            }
            &MetricCommand::SetMetricDone { metric, done } => self.set_metric_done(metric, done),
            MetricCommand::AddReview { review } => self.add_review(review),
            &MetricCommand::DeleteReview { index } => {
                if index >= self.reviews.len() {
                    return Err(CommandError::NoSuchReview(index));
                }
                self.reviews.remove(index);
                Ok(true)
            }
            MetricCommand::SetCadencePurpose { period, purpose } => {
                Ok(self.set_cadence_purpose(*period, purpose))
            }
            &MetricCommand::RemoveCadence { period } => {
                if !self.review_cadences.iter().any(|c| c.period == period) {
                    return Err(CommandError::Invalid(format!(
                        "the plan has no {} review cadence",
                        period.label().to_lowercase()
                    )));
                }
                self.review_cadences
                    .retain(|cadence| cadence.period != period);
                Ok(true)
            }
        }
    }

    /// A success metric id no metric of this plan has: `candidate` itself if
    /// it is free, else the next free one after it (never 0). The app passes
    /// a random candidate, as for [`Plan::unused_task_id`], so copies of a
    /// file edited on two machines still merge into a valid plan.
    pub fn unused_metric_id(&self, candidate: u64) -> MetricId {
        let used: std::collections::HashSet<u64> = self
            .success_metrics
            .iter()
            .map(|metric| metric.id.0)
            .collect();
        let mut id = candidate;
        // Ends: the plan holds fewer than u64::MAX metrics.
        while id == 0 || used.contains(&id) {
            id = id.wrapping_add(1);
        }
        MetricId(id)
    }

    fn metric_position(&self, metric: MetricId) -> Result<usize, CommandError> {
        self.success_metrics
            .iter()
            .position(|found| found.id == metric)
            .ok_or(CommandError::NoSuchMetric(metric))
    }

    /// The trimmed name, after checking `name` and `measure` as the
    /// validator would.
    fn checked_metric<'a>(
        &self,
        name: &'a str,
        measure: MetricMeasure,
    ) -> Result<&'a str, CommandError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError::EmptyTitle);
        }
        match measure {
            MetricMeasure::LaneTasksDone { lane } if self.lane(lane).is_none() => {
                Err(CommandError::NoSuchLane(lane))
            }
            MetricMeasure::WeeksInRange { weeks } if !(1..=MAX_METRIC_WEEKS).contains(&weeks) => {
                Err(CommandError::Invalid(format!(
                    "a metric must look back between 1 and {MAX_METRIC_WEEKS} weeks, \
                     found {weeks}"
                )))
            }
            MetricMeasure::MonthsWithinRunRate { months }
                if !(1..=MAX_METRIC_MONTHS).contains(&months) =>
            {
                Err(CommandError::Invalid(format!(
                    "a metric must look back between 1 and {MAX_METRIC_MONTHS} months, \
                     found {months}"
                )))
            }
            _ => Ok(name),
        }
    }

    fn add_metric(
        &mut self,
        metric: MetricId,
        name: &str,
        measure: MetricMeasure,
    ) -> Result<bool, CommandError> {
        if self.metric_position(metric).is_ok() {
            return Err(CommandError::IdInUse(format!("success metric id {metric}")));
        }
        let name = self.checked_metric(name, measure)?;
        self.success_metrics.push(SuccessMetric {
            id: metric,
            name: name.to_owned(),
            measure,
        });
        Ok(true)
    }

    fn edit_metric(
        &mut self,
        metric: MetricId,
        name: &str,
        measure: MetricMeasure,
    ) -> Result<bool, CommandError> {
        let position = self.metric_position(metric)?;
        let name = self.checked_metric(name, measure)?;
        let found = self
            .success_metrics
            .get_mut(position)
            .ok_or(CommandError::NoSuchMetric(metric))?;
        if found.name == name && found.measure == measure {
            return Ok(false);
        }
        name.clone_into(&mut found.name);
        found.measure = measure;
        Ok(true)
    }

    fn set_metric_done(&mut self, metric: MetricId, done: bool) -> Result<bool, CommandError> {
        let position = self.metric_position(metric)?;
        let found = self
            .success_metrics
            .get_mut(position)
            .ok_or(CommandError::NoSuchMetric(metric))?;
        match &mut found.measure {
            MetricMeasure::Manual { done: current } => {
                if *current == done {
                    return Ok(false);
                }
                *current = done;
                Ok(true)
            }
            _ => Err(CommandError::Invalid(format!(
                "“{}” is worked out from the plan; only a metric ticked by hand can be ticked",
                found.name
            ))),
        }
    }

    fn add_review(&mut self, review: &Review) -> Result<bool, CommandError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&review.date.year()) {
            return Err(CommandError::DateOutOfRange(review.date));
        }
        let at = self
            .reviews
            .partition_point(|found| found.date <= review.date);
        self.reviews.insert(
            at,
            Review {
                notes: review.notes.trim().to_owned(),
                ..review.clone()
            },
        );
        Ok(true)
    }

    fn set_cadence_purpose(&mut self, period: Period, purpose: &str) -> bool {
        let purpose = purpose.trim();
        if let Some(cadence) = self
            .review_cadences
            .iter_mut()
            .find(|cadence| cadence.period == period)
        {
            if cadence.purpose == purpose {
                return false;
            }
            purpose.clone_into(&mut cadence.purpose);
            return true;
        }
        let at = self
            .review_cadences
            .iter()
            .position(|cadence| cadence.period > period)
            .unwrap_or(self.review_cadences.len());
        self.review_cadences.insert(
            at,
            ReviewCadence {
                period,
                purpose: purpose.to_owned(),
            },
        );
        true
    }
}

/// Moves the item at `from` to `to`, where `to` counts positions after the
/// item is taken out and is clamped to the end. Says whether anything moved.
fn move_within<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
    let Some(last) = items.len().checked_sub(1) else {
        return false;
    };
    let to = to.min(last);
    if from > last || from == to {
        return false;
    }
    let item = items.remove(from);
    items.insert(to, item);
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::NaiveDate;

    use super::*;
    use crate::model::command::Command;
    use crate::model::validate::validate;
    use crate::model::{LaneId, TaskId, TimeEntry};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The default plan: metrics 1–5 (phases done, then four ticked by
    /// hand), the three cadences, lanes 1–3, no reviews.
    fn plan() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    /// Applies `command` and checks what every command promises: a refusal
    /// or `Ok(false)` leaves the plan as it was, `Ok(true)` changes it, and
    /// a valid plan stays valid.
    fn apply(plan: &mut Plan, command: MetricCommand) -> Result<bool, CommandError> {
        let before = plan.clone();
        let command = Command::Metrics(command);
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

    fn ids(plan: &Plan) -> Vec<u64> {
        plan.success_metrics
            .iter()
            .map(|metric| metric.id.0)
            .collect()
    }

    fn review(date: NaiveDate, period: Period, notes: &str) -> Review {
        Review {
            date,
            period,
            summary: format!("summary of {date}"),
            notes: notes.to_owned(),
        }
    }

    #[test]
    fn metric_ids_are_found_like_task_ids() {
        let plan = plan();
        assert_eq!(plan.unused_metric_id(1), MetricId(6));
        assert_eq!(plan.unused_metric_id(0), MetricId(6));
        assert_eq!(plan.unused_metric_id(40), MetricId(40));
        assert_eq!(plan.unused_metric_id(u64::MAX), MetricId(u64::MAX));
        let empty = Plan::empty("", day(2026, 1, 1));
        assert_eq!(empty.unused_metric_id(0), MetricId(1));
    }

    #[test]
    fn add_a_metric_of_each_kind() {
        let mut plan = plan();
        let add = |metric: u64, name: &str, measure| MetricCommand::AddMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(
                &mut plan,
                add(
                    6,
                    "  Core done  ",
                    MetricMeasure::LaneTasksDone { lane: LaneId(1) }
                )
            ),
            Ok(true)
        );
        assert_eq!(plan.success_metrics[5].name, "Core done");
        assert_eq!(
            apply(
                &mut plan,
                add(
                    7,
                    "Steady weeks",
                    MetricMeasure::WeeksInRange { weeks: 520 }
                )
            ),
            Ok(true)
        );
        assert_eq!(
            apply(
                &mut plan,
                add(
                    8,
                    "Frugal",
                    MetricMeasure::MonthsWithinRunRate { months: 1 }
                )
            ),
            Ok(true)
        );
        assert_eq!(ids(&plan), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn adding_or_editing_a_metric_refuses_what_the_file_would() {
        let mut plan = plan();
        let add = |metric: u64, name: &str, measure| MetricCommand::AddMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(&mut plan, add(1, "Again", MetricMeasure::PhasesDone)),
            Err(CommandError::IdInUse("success metric id 1".to_owned()))
        );
        assert_eq!(
            apply(&mut plan, add(6, "   ", MetricMeasure::PhasesDone)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(
                &mut plan,
                add(6, "Lane", MetricMeasure::LaneTasksDone { lane: LaneId(9) })
            ),
            Err(CommandError::NoSuchLane(LaneId(9)))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(6, "Weeks", MetricMeasure::WeeksInRange { weeks: 0 })
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 520 weeks, found 0".to_owned()
            ))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(
                    6,
                    "Months",
                    MetricMeasure::MonthsWithinRunRate { months: 121 }
                )
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 120 months, found 121".to_owned()
            ))
        );
        let edit = |metric: u64, name: &str, measure| MetricCommand::EditMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(&mut plan, edit(9, "Gone", MetricMeasure::PhasesDone)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
        assert_eq!(
            apply(
                &mut plan,
                edit(
                    1,
                    "All 15 phases completed",
                    MetricMeasure::WeeksInRange { weeks: 521 }
                )
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 520 weeks, found 521".to_owned()
            ))
        );
    }

    #[test]
    fn edit_renames_and_remeasures() {
        let mut plan = plan();
        let edit = |name: &str, measure| MetricCommand::EditMetric {
            metric: MetricId(1),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(
                &mut plan,
                edit(" All 15 phases completed ", MetricMeasure::PhasesDone)
            ),
            Ok(false)
        );
        assert_eq!(
            apply(
                &mut plan,
                edit("Phases", MetricMeasure::Manual { done: true })
            ),
            Ok(true)
        );
        assert_eq!(plan.success_metrics[0].name, "Phases");
        assert_eq!(
            plan.success_metrics[0].measure,
            MetricMeasure::Manual { done: true }
        );
    }

    #[test]
    fn delete_and_move_metrics() {
        let mut plan = plan();
        let move_to = |metric: u64, index| MetricCommand::MoveMetric {
            metric: MetricId(metric),
            index,
        };
        // The index counts after the metric is taken out: 1 to 2 of [2, 3, 4, 5].
        assert_eq!(apply(&mut plan, move_to(1, 2)), Ok(true));
        assert_eq!(ids(&plan), [2, 3, 1, 4, 5]);
        assert_eq!(apply(&mut plan, move_to(2, usize::MAX)), Ok(true));
        assert_eq!(ids(&plan), [3, 1, 4, 5, 2]);
        assert_eq!(apply(&mut plan, move_to(2, 4)), Ok(false));
        assert_eq!(apply(&mut plan, move_to(5, 0)), Ok(true));
        assert_eq!(ids(&plan), [5, 3, 1, 4, 2]);
        assert_eq!(
            apply(&mut plan, move_to(9, 0)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
        let delete = |metric| MetricCommand::DeleteMetric {
            metric: MetricId(metric),
        };
        assert_eq!(apply(&mut plan, delete(3)), Ok(true));
        assert_eq!(ids(&plan), [5, 1, 4, 2]);
        assert_eq!(
            apply(&mut plan, delete(3)),
            Err(CommandError::NoSuchMetric(MetricId(3)))
        );
    }

    #[test]
    fn only_a_manual_metric_is_ticked_by_hand() {
        let mut plan = plan();
        let tick = |metric, done| MetricCommand::SetMetricDone {
            metric: MetricId(metric),
            done,
        };
        assert_eq!(apply(&mut plan, tick(2, true)), Ok(true));
        assert_eq!(
            plan.success_metrics[1].measure,
            MetricMeasure::Manual { done: true }
        );
        assert_eq!(apply(&mut plan, tick(2, true)), Ok(false));
        assert_eq!(apply(&mut plan, tick(2, false)), Ok(true));
        assert_eq!(
            apply(&mut plan, tick(1, true)),
            Err(CommandError::Invalid(
                "“All 15 phases completed” is worked out from the plan; \
                 only a metric ticked by hand can be ticked"
                    .to_owned()
            ))
        );
        assert_eq!(
            apply(&mut plan, tick(9, true)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
    }

    #[test]
    fn reviews_are_logged_in_date_order() {
        let mut plan = plan();
        let add = |review| MetricCommand::AddReview { review };
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 3, 8), Period::Weekly, "  On track.  "))
            ),
            Ok(true)
        );
        assert_eq!(
            apply(&mut plan, add(review(day(2026, 3, 1), Period::Weekly, ""))),
            Ok(true)
        );
        // Same day as the first: after it.
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 3, 8), Period::Monthly, "Month"))
            ),
            Ok(true)
        );
        let log: Vec<(NaiveDate, Period, &str)> = plan
            .reviews
            .iter()
            .map(|review| (review.date, review.period, review.notes.as_str()))
            .collect();
        assert_eq!(
            log,
            [
                (day(2026, 3, 1), Period::Weekly, ""),
                (day(2026, 3, 8), Period::Weekly, "On track."),
                (day(2026, 3, 8), Period::Monthly, "Month"),
            ]
        );
        assert_eq!(plan.reviews[1].summary, "summary of 2026-03-08");
        assert_eq!(
            apply(&mut plan, add(review(day(2201, 1, 1), Period::Weekly, ""))),
            Err(CommandError::DateOutOfRange(day(2201, 1, 1)))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(1899, 12, 31), Period::Weekly, ""))
            ),
            Err(CommandError::DateOutOfRange(day(1899, 12, 31)))
        );
        // A review with no cadence behind it is still a review.
        plan.review_cadences.clear();
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 4, 1), Period::Quarterly, ""))
            ),
            Ok(true)
        );
        assert_eq!(
            apply(&mut plan, MetricCommand::DeleteReview { index: 1 }),
            Ok(true)
        );
        assert_eq!(plan.reviews.len(), 3);
        assert_eq!(plan.reviews[1].period, Period::Monthly);
        assert_eq!(
            apply(&mut plan, MetricCommand::DeleteReview { index: 3 }),
            Err(CommandError::NoSuchReview(3))
        );
    }

    #[test]
    fn a_saved_summary_stays_as_it_was_that_day() {
        use crate::model::review::period_summary;
        // The example plan's week of Sunday 22 – Saturday 28 November.
        let mut plan = crate::io::example_plan().unwrap();
        let today = day(2026, 11, 28);
        let summary = period_summary(&plan, Period::Weekly, today);
        assert!(
            summary.contains("  Learning: 17.3 h (target 15–20 h, in range)\n"),
            "{summary}"
        );
        assert!(summary.contains("Tasks done: none\n"), "{summary}");
        let saved = Review {
            date: today,
            period: Period::Weekly,
            summary: summary.clone(),
            notes: "Good week.".to_owned(),
        };
        apply(&mut plan, MetricCommand::AddReview { review: saved }).unwrap();

        // Later the same week's data changes: more hours, a task ticked.
        let more = Command::Time(crate::model::command::TimeCommand::AddEntry {
            entry: TimeEntry {
                date: day(2026, 11, 26),
                category: crate::model::CategoryId(1),
                hours: 5.0,
                note: String::new(),
            },
        });
        assert_eq!(plan.apply(&more), Ok(true));
        let tick = Command::SetTaskDone {
            task: TaskId(8),
            done: true,
            on: day(2026, 11, 27),
        };
        assert_eq!(plan.apply(&tick), Ok(true));

        let now = period_summary(&plan, Period::Weekly, today);
        assert!(
            now.contains("  Learning: 22.3 h (target 15–20 h, over)\n"),
            "{now}"
        );
        assert!(now.contains("Tasks done (1):\n"), "{now}");
        let stored = &plan.reviews.last().unwrap().summary;
        assert_eq!(stored, &summary);
        assert_ne!(stored, &now);
    }

    #[test]
    fn cadences_are_set_added_in_order_and_removed() {
        let mut plan = plan();
        let purpose = |period, text: &str| MetricCommand::SetCadencePurpose {
            period,
            purpose: text.to_owned(),
        };
        assert_eq!(
            apply(
                &mut plan,
                purpose(Period::Weekly, " Progress check against tasks ")
            ),
            Ok(false)
        );
        assert_eq!(
            apply(&mut plan, purpose(Period::Weekly, "Plan the week")),
            Ok(true)
        );
        assert_eq!(plan.review_cadences[0].purpose, "Plan the week");
        assert_eq!(
            apply(
                &mut plan,
                MetricCommand::RemoveCadence {
                    period: Period::Monthly
                }
            ),
            Ok(true)
        );
        assert_eq!(
            apply(
                &mut plan,
                MetricCommand::RemoveCadence {
                    period: Period::Monthly
                }
            ),
            Err(CommandError::Invalid(
                "the plan has no monthly review cadence".to_owned()
            ))
        );
        // Adding it back puts it between weekly and quarterly.
        assert_eq!(apply(&mut plan, purpose(Period::Monthly, "")), Ok(true));
        let periods: Vec<(Period, &str)> = plan
            .review_cadences
            .iter()
            .map(|cadence| (cadence.period, cadence.purpose.as_str()))
            .collect();
        assert_eq!(
            periods,
            [
                (Period::Weekly, "Plan the week"),
                (Period::Monthly, ""),
                (Period::Quarterly, "Budget and timeline review"),
            ]
        );
        plan.review_cadences.clear();
        assert_eq!(apply(&mut plan, purpose(Period::Quarterly, "Q")), Ok(true));
        assert_eq!(apply(&mut plan, purpose(Period::Weekly, "W")), Ok(true));
        assert_eq!(plan.review_cadences[0].period, Period::Weekly);
    }

    #[test]
    fn new_errors_read_as_sentences() {
        assert_eq!(
            CommandError::NoSuchMetric(MetricId(4)).to_string(),
            "the success metric with id 4 is not in the plan"
        );
        assert_eq!(
            CommandError::NoSuchReview(2).to_string(),
            "there is no review number 2"
        );
    }

    /// A small deterministic generator, so the test needs no dependency and
    /// fails the same way every time.
    struct XorShift(u64);

    impl XorShift {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        fn period(&mut self) -> Period {
            [Period::Weekly, Period::Monthly, Period::Quarterly][self.below(3) as usize]
        }

        fn measure(&mut self) -> MetricMeasure {
            match self.below(5) {
                0 => MetricMeasure::Manual {
                    done: self.below(2) == 0,
                },
                1 => MetricMeasure::PhasesDone,
                2 => MetricMeasure::LaneTasksDone {
                    lane: LaneId(self.below(5)),
                },
                3 => MetricMeasure::WeeksInRange {
                    weeks: [0, 1, 4, 520, 521, u32::MAX][self.below(6) as usize],
                },
                _ => MetricMeasure::MonthsWithinRunRate {
                    months: [0, 1, 3, 120, 121][self.below(5) as usize],
                },
            }
        }

        fn command(&mut self) -> MetricCommand {
            let metric = MetricId(self.below(9));
            let name = ["Goal", "  padded  ", "", "Ünïcode ✓"][self.below(4) as usize].to_owned();
            let index = [0, 1, 3, usize::MAX][self.below(4) as usize];
            match self.below(10) {
                0 | 1 => MetricCommand::AddMetric {
                    metric,
                    name,
                    measure: self.measure(),
                },
                2 => MetricCommand::EditMetric {
                    metric,
                    name,
                    measure: self.measure(),
                },
                3 => MetricCommand::DeleteMetric { metric },
                4 => MetricCommand::MoveMetric { metric, index },
                5 => MetricCommand::SetMetricDone {
                    metric,
                    done: self.below(2) == 0,
                },
                6 => MetricCommand::AddReview {
                    review: Review {
                        date: [day(2026, 3, 1), day(2025, 1, 31), day(2300, 1, 1)]
                            [self.below(3) as usize],
                        period: self.period(),
                        summary: name.clone(),
                        notes: name,
                    },
                },
                7 => MetricCommand::DeleteReview { index },
                8 => MetricCommand::SetCadencePurpose {
                    period: self.period(),
                    purpose: name,
                },
                _ => MetricCommand::RemoveCadence {
                    period: self.period(),
                },
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed in 1..=20_u64 {
            let mut plan = plan();
            let mut random = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            for _ in 0..300 {
                let command = random.command();
                if apply(&mut plan, command.clone()) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 9);
    }
}
