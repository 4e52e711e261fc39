//! Phases as plans name them: in a task's title ("Complete Phases 0-3
//! (Tooling, Core Elixir, Processes, GenServer)") and in a Phases section's
//! lines ("Phase 3: GenServer — Q1, in progress").

use chrono::NaiveDate;

use crate::io::markdown::MAX_PHASES_PER_LINE;
use crate::model::{Phase, PhaseNumber, PhaseStatus, Quarter};

use super::quarters::quarter_span;
use super::{matching_parenthesis, parse_date};

/// A phase named by a task line: planned for the block's last quarter, and
/// done when the task that names it is ticked ("- [x] Complete Phases 0-3
/// (…)" says those phases are complete).
pub(crate) fn named_phase(
    number: PhaseNumber,
    name: String,
    quarter: Quarter,
    done: bool,
) -> Phase {
    let status = if done {
        PhaseStatus::Done
    } else {
        PhaseStatus::NotStarted
    };
    Phase {
        status,
        ..new_phase(number, name, quarter)
    }
}

pub(crate) fn new_phase(number: PhaseNumber, name: String, quarter: Quarter) -> Phase {
    Phase {
        number,
        name,
        quarter,
        status: PhaseStatus::NotStarted,
        started_on: None,
        done_on: None,
    }
}

/// Phases named in a task title: "Complete Phases 0-3 (Tooling, Core
/// Elixir, Processes, GenServer)", "Phase 3: GenServer", "Phases 4, 5
/// (Fleets, Ecto)", "Phase 2 – Rollout". Only a mention with names counts,
/// so "Phase 2 rollout" or "phased delivery" names no phase. `Err` is a
/// mention that could not be read, with the reason.
pub(crate) fn phase_mention(title: &str) -> Option<Result<Vec<(PhaseNumber, String)>, String>> {
    let lower = title.to_ascii_lowercase();
    let mut search = 0;
    let numbers_start = loop {
        let found = search + lower.get(search..)?.find("phase")?;
        search = found + 5;
        let word_start = lower[..found]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &lower[found + 5..];
        let after = after.strip_prefix('s').unwrap_or(after);
        let spaced = after.starts_with(char::is_whitespace);
        if word_start && spaced && after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            break title.len() - after.trim_start().len();
        }
    };
    let (numbers, rest) = match phase_numbers(&title[numbers_start..]) {
        Ok(read) => read,
        Err(problem) => return Some(Err(problem)),
    };
    let rest = rest.trim_start();
    let names: Vec<String> = if let Some(inner) = rest.strip_prefix('(') {
        let inner = matching_parenthesis(inner)?;
        inner
            .split(',')
            .map(|name| {
                let name = name.trim();
                name.strip_prefix("and ").unwrap_or(name).trim().to_owned()
            })
            .collect()
    } else if let Some(after) = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('-'))
    {
        let after = after.trim();
        if numbers.len() == 1 {
            vec![after.to_owned()]
        } else {
            after
                .split(',')
                .map(|name| name.trim().to_owned())
                .collect()
        }
    } else {
        return None;
    };
    if names.len() != numbers.len() {
        return Some(Err(format!(
            "it numbers {} phases but names {}",
            numbers.len(),
            names.len()
        )));
    }
    Some(Ok(numbers.into_iter().zip(names).collect()))
}

/// "Phase 3" with no name, as a Phases section may list it: named "Phase 3".
pub(crate) fn bare_phase(text: &str) -> Option<Vec<(PhaseNumber, String)>> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("phase")?;
    let rest = rest.trim_start();
    let number: PhaseNumber = rest.parse().ok()?;
    Some(vec![(number, format!("Phase {number}"))])
}

/// "0-3", "4, 5 and 6", "11 to 14" at the start of `text`: the numbers, and
/// what follows them.
fn phase_numbers(text: &str) -> Result<(Vec<PhaseNumber>, &str), String> {
    let read_number = |text: &str| -> Option<(PhaseNumber, usize)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        text[..digits].parse().ok().map(|number| (number, digits))
    };
    let Some((first, used)) = read_number(text) else {
        return Err("the phase number is too large".to_owned());
    };
    let mut rest = &text[used..];
    let after = rest.trim_start();
    for separator in ["-", "–", "—", "to ", "through "] {
        if let Some(second) = after.strip_prefix(separator) {
            let second = second.trim_start();
            if let Some((last, used)) = read_number(second) {
                if last < first {
                    return Err(format!("the phases {first}-{last} run backwards"));
                }
                if last - first >= MAX_PHASES_PER_LINE {
                    return Err(format!(
                        "{first}-{last} is more than {MAX_PHASES_PER_LINE} phases"
                    ));
                }
                return Ok(((first..=last).collect(), &second[used..]));
            }
        }
    }
    let mut numbers = vec![first];
    loop {
        let after = rest.trim_start();
        let next = [",", "and ", "&"]
            .iter()
            .find_map(|separator| after.strip_prefix(separator))
            .map(str::trim_start)
            .and_then(|next| read_number(next).map(|(number, used)| (number, &next[used..])));
        match next {
            Some((number, after)) if numbers.len() < MAX_PHASES_PER_LINE as usize => {
                numbers.push(number);
                rest = after;
            }
            Some(_) => {
                return Err(format!(
                    "more than {MAX_PHASES_PER_LINE} phases on one line"
                ));
            }
            None => break,
        }
    }
    Ok((numbers, rest))
}

#[derive(Default)]
pub(crate) struct PhaseAttributes {
    pub(crate) quarter: Option<Quarter>,
    pub(crate) status: Option<PhaseStatus>,
    pub(crate) started_on: Option<NaiveDate>,
    pub(crate) done_on: Option<NaiveDate>,
    pub(crate) problems: Vec<String>,
}

/// "Phase 3: GenServer — Q1, in progress, started 2026-02-02": the phase
/// and its attributes, when what follows the last dash reads as attributes.
pub(crate) fn split_phase_attributes(text: &str) -> Option<(&str, PhaseAttributes)> {
    let (at, dash) = [" — ", " – "]
        .iter()
        .filter_map(|dash| text.rfind(dash).map(|at| (at, dash.len())))
        .max_by_key(|(at, _)| *at)?;
    let head = &text[..at];
    let tail = &text[at + dash..];
    let mut attributes = PhaseAttributes::default();
    for part in tail.split(',') {
        let part = part.trim();
        let lower = part.to_ascii_lowercase();
        if let Some(span) = quarter_span(part).filter(|span| span.first == span.last) {
            attributes.quarter = Some(span.first);
        } else if lower == "not started" {
            attributes.status = Some(PhaseStatus::NotStarted);
        } else if lower == "in progress" || lower == "started" {
            attributes.status = Some(PhaseStatus::InProgress);
        } else if lower == "done" || lower == "completed" {
            attributes.status = Some(PhaseStatus::Done);
        } else if let Some(date) = lower.strip_prefix("started ") {
            attributes.started_on =
                attribute_date(date, "the start date", &mut attributes.problems)
                    .or(attributes.started_on);
        } else if let Some(date) = lower
            .strip_prefix("done ")
            .or_else(|| lower.strip_prefix("completed "))
        {
            attributes.done_on = attribute_date(date, "the done date", &mut attributes.problems)
                .or(attributes.done_on);
        } else {
            // Not attributes after all: the dash is part of the name.
            return None;
        }
    }
    Some((head, attributes))
}

/// The date of a phase's attribute, or `None` with the problem said in
/// `problems`.
fn attribute_date(value: &str, what: &str, problems: &mut Vec<String>) -> Option<NaiveDate> {
    parse_date(value)
        .map_err(|problem| problems.push(format!("{what}: {problem}")))
        .ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn phases_named_in_task_titles() {
        let named = |text: &str| phase_mention(text);
        assert_eq!(
            named("Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)"),
            Some(Ok(vec![
                (0, "Tooling".to_owned()),
                (1, "Core Elixir".to_owned()),
                (2, "Processes".to_owned()),
                (3, "GenServer".to_owned()),
            ]))
        );
        assert_eq!(
            named("Phase 3: GenServer"),
            Some(Ok(vec![(3, "GenServer".to_owned())]))
        );
        assert_eq!(
            named("phases 4, 5 and 6 (Fleets, Ecto, and Phoenix)"),
            Some(Ok(vec![
                (4, "Fleets".to_owned()),
                (5, "Ecto".to_owned()),
                (6, "Phoenix".to_owned()),
            ]))
        );
        assert_eq!(named("Phase 2 rollout to EU"), None);
        assert_eq!(named("Build labs apps for each phase"), None);
        assert_eq!(named("A phased delivery: 3 steps"), None);
        assert!(matches!(named("Phases 0-3 (Tooling, Core)"), Some(Err(_))));
        assert!(matches!(named("Phases 3-1 (A, B, C)"), Some(Err(_))));
        assert!(matches!(named("Phases 0-4000000000 (A)"), Some(Err(_))));
        assert!(matches!(named("Phase 99999999999: Big"), Some(Err(_))));
    }
}
