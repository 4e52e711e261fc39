//! Success metrics and review cadences, and, at the end, the lanes that
//! metrics counting a lane's tasks name.

use std::collections::HashMap;

use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::measures::{
    ParsedMeasure, guess_measure, parse_measure, period_named,
};
use crate::io::markdown::parse::{name_value, words};
use crate::model::{CadenceId, LaneId, MetricId, MetricMeasure, ReviewCadence, SuccessMetric};

use super::{Importer, Role};

impl Importer<'_> {
    pub(super) fn metric(&mut self, line: &Line, checkbox: Option<bool>) -> Role {
        let name = line.text.trim();
        if name.is_empty() {
            return Role::Done;
        }
        if !self.has_room(line, self.plan.success_metrics.len(), "success metrics") {
            return Role::Unplaced;
        }
        let ticked = checkbox == Some(true);
        let measure = guess_measure(name, ticked);
        let index = self.plan.success_metrics.len();
        self.plan.success_metrics.push(SuccessMetric {
            id: MetricId(index as u64 + 1),
            name: name.to_owned(),
            measure,
        });
        Role::Metric { index, ticked }
    }

    pub(super) fn metric_line(&mut self, line: &Line, index: usize, ticked: bool) {
        let text = line.text.trim();
        let measured = name_value(line)
            .filter(|(name, _)| matches!(words(name).as_str(), "measured" | "measure"));
        let Some((_, value)) = measured else {
            if let Some(metric) = self.plan.success_metrics.get_mut(index) {
                // A metric wrapped over two lines by hand is one metric.
                metric.name.push(' ');
                metric.name.push_str(text);
            }
            return;
        };
        let measure = match parse_measure(value, ticked) {
            Ok(ParsedMeasure::Measure(measure)) => measure,
            Ok(ParsedMeasure::Lane(name)) => {
                self.metric_lanes
                    .push((index, name, line.number, line.offset));
                return;
            }
            Ok(ParsedMeasure::Clamped(measure, problem)) => {
                self.unplaced(line, format_args!("{problem}"));
                measure
            }
            Err(problem) => {
                self.unplaced(line, format_args!("{problem}"));
                return;
            }
        };
        if let Some(metric) = self.plan.success_metrics.get_mut(index) {
            metric.measure = measure;
        }
    }

    /// A review cadence line: `None` if it is not one, `Some(None)` if it
    /// is one the plan cannot take (reported), else the cadence's index.
    pub(super) fn cadence(&mut self, line: &Line) -> Option<Option<usize>> {
        let (period, purpose) = match name_value(line) {
            Some((name, value)) => (period_named(name)?, value.trim().to_owned()),
            None => {
                // "Weekly progress check", without a colon.
                let text = line.text.trim();
                let first = text.split_whitespace().next().unwrap_or("");
                (period_named(first)?, text[first.len()..].trim().to_owned())
            }
        };
        if self
            .plan
            .review_cadences
            .iter()
            .any(|cadence| cadence.period == period)
        {
            self.unplaced(
                line,
                format_args!(
                    "a second {} cadence; a plan keeps one per period",
                    period.label().to_lowercase()
                ),
            );
            return Some(None);
        }
        self.plan.review_cadences.push(ReviewCadence {
            id: CadenceId::for_period(period),
            period,
            purpose,
        });
        Some(Some(self.plan.review_cadences.len() - 1))
    }

    /// A further line of a cadence: more of its purpose.
    pub(super) fn cadence_line(&mut self, index: usize, text: &str) {
        if let Some(cadence) = self.plan.review_cadences.get_mut(index) {
            if !cadence.purpose.is_empty() {
                cadence.purpose.push(' ');
            }
            cadence.purpose.push_str(text);
        }
    }

    /// The lanes that metrics measured by a lane's tasks name, now that all
    /// lanes are read.
    pub(super) fn settle_metric_lanes(&mut self) {
        // The first lane of a name wins, as its name is all a metric gives.
        let mut lanes: HashMap<&str, LaneId> = HashMap::new();
        let mut lanes_any_case: HashMap<String, LaneId> = HashMap::new();
        for lane in &self.plan.swimlanes {
            lanes.entry(lane.name.as_str()).or_insert(lane.id);
            lanes_any_case
                .entry(lane.name.to_lowercase())
                .or_insert(lane.id);
        }
        let mut resolved = Vec::new();
        for (index, name, line, offset) in std::mem::take(&mut self.metric_lanes) {
            let lane = lanes
                .get(name.as_str())
                .or_else(|| lanes_any_case.get(&name.to_lowercase()))
                .copied();
            resolved.push((index, name, line, offset, lane));
        }
        for (index, name, line, offset, lane) in resolved {
            match (lane, self.plan.success_metrics.get_mut(index)) {
                (Some(lane), Some(metric)) => {
                    metric.measure = MetricMeasure::LaneTasksDone { lane };
                }
                _ => self.unplaced_at(
                    line,
                    offset,
                    format_args!(
                        "the plan has no lane named \"{name}\"; the metric is ticked by hand"
                    ),
                ),
            }
        }
    }
}
