//! Edits of the success metrics, the review cadences and the review log.

use super::command::{CommandError, checked_date, move_within, remove_at};
use super::plan::first_unused;
use super::validate::{MAX_METRIC_MONTHS, MAX_METRIC_WEEKS};
use super::{
    CadenceId, MetricId, MetricMeasure, Period, Plan, Review, ReviewCadence, ReviewId,
    SuccessMetric,
};

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
                remove_at(&mut self.reviews, index, CommandError::NoSuchReview(index))
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
        checked_date(review.date)?;
        let at = self
            .reviews
            .partition_point(|found| found.date <= review.date);
        let id = first_unused(review.id.0, self.reviews.iter().map(|found| found.id.0));
        self.reviews.insert(
            at,
            Review {
                id: ReviewId(id),
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
                id: CadenceId::for_period(period),
                period,
                purpose: purpose.to_owned(),
            },
        );
        true
    }
}
