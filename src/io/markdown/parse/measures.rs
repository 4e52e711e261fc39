//! What a success metric measures, and the period a review cadence names.

use crate::io::markdown::report::quoted;
use crate::model::validate::{MAX_METRIC_MONTHS, MAX_METRIC_WEEKS};
use crate::model::{MetricMeasure, Period};

use super::words;

/// "Weekly", "Monthly review", "Every quarter"… as a review period.
pub(crate) fn period_named(name: &str) -> Option<Period> {
    let key = words(name);
    let key = key
        .strip_suffix(" reviews")
        .or_else(|| key.strip_suffix(" review"))
        .or_else(|| key.strip_suffix(" check in"))
        .unwrap_or(&key);
    match key {
        "weekly" | "every week" | "each week" | "week" => Some(Period::Weekly),
        "monthly" | "every month" | "each month" | "month" => Some(Period::Monthly),
        "quarterly" | "every quarter" | "each quarter" | "quarter" => Some(Period::Quarterly),
        "yearly" | "annually" | "annual" | "every year" | "each year" | "year" | "year-end"
        | "year end" | "end of year" | "end of the year" => Some(Period::Yearly),
        _ => None,
    }
}

/// What "All 15 phases completed" means without being told: phases done
/// out of all phases. Anything else is ticked by hand.
pub(crate) fn guess_measure(name: &str, ticked: bool) -> MetricMeasure {
    let key = words(name);
    let about_phases = key.starts_with("all ")
        && key.split(' ').any(|word| word == "phases")
        && key
            .split(' ')
            .any(|word| matches!(word, "completed" | "complete" | "done" | "finished"));
    if about_phases {
        MetricMeasure::PhasesDone
    } else {
        MetricMeasure::Manual { done: ticked }
    }
}

pub(crate) enum ParsedMeasure {
    Measure(MetricMeasure),
    /// Tasks done in the lane of this name, resolved once all lanes are read.
    Lane(String),
    Clamped(MetricMeasure, String),
}

/// The `**Measured**:` line of a metric, as export writes it.
pub(crate) fn parse_measure(value: &str, ticked: bool) -> Result<ParsedMeasure, String> {
    let key = words(value);
    if matches!(key.as_str(), "by hand" | "manual" | "manually") {
        return Ok(ParsedMeasure::Measure(MetricMeasure::Manual {
            done: ticked,
        }));
    }
    if matches!(key.as_str(), "phases done" | "phases completed") {
        return Ok(ParsedMeasure::Measure(MetricMeasure::PhasesDone));
    }
    if let Some(lane) = value
        .trim()
        .strip_prefix("tasks done in the lane")
        .or_else(|| value.trim().strip_prefix("tasks done in lane"))
        .filter(|lane| lane.is_empty() || lane.starts_with(char::is_whitespace))
    {
        return Ok(ParsedMeasure::Lane(lane.trim().to_owned()));
    }
    let number = key
        .split(' ')
        .find_map(|word| word.parse::<u64>().ok())
        .ok_or_else(|| unknown_measure(value))?;
    let (measure, max, unit): (fn(u32) -> MetricMeasure, u32, &str) = if key.contains("week") {
        (
            |weeks| MetricMeasure::WeeksInRange { weeks },
            MAX_METRIC_WEEKS,
            "weeks",
        )
    } else if key.contains("month") {
        (
            |months| MetricMeasure::MonthsWithinRunRate { months },
            MAX_METRIC_MONTHS,
            "months",
        )
    } else {
        return Err(unknown_measure(value));
    };
    let clamped = number.clamp(1, u64::from(max));
    let count = u32::try_from(clamped).unwrap_or(max);
    if clamped == number {
        Ok(ParsedMeasure::Measure(measure(count)))
    } else {
        Ok(ParsedMeasure::Clamped(
            measure(count),
            format!("a metric looks back 1 to {max} {unit}; read as {count}"),
        ))
    }
}

fn unknown_measure(value: &str) -> String {
    format!(
        "\"{}\" is not a measure Yearplan knows (by hand, phases done, tasks done in lane NAME, \
         weeks in range over the last N weeks, months within the run-rate over the last N months)",
        quoted(value)
    )
}
