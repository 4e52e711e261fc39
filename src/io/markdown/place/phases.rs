//! Phases: the ones a Phases section lists, the ones task titles name, and,
//! at the end, which of them the plan keeps and which tasks belong to them.

use std::collections::{HashMap, HashSet};

use crate::io::markdown::MAX_IMPORTED_EACH;
use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::phases::{
    PhaseAttributes, bare_phase, new_phase, phase_mention, split_phase_attributes,
};
use crate::model::{Phase, PhaseNumber, PhaseStatus, Quarter};

use super::{Importer, NamedPhase};

impl Importer<'_> {
    /// A line of the Phases section: `Phase 3: GenServer — Q1, in progress,
    /// started 2026-02-02`. Returns whether it was read.
    pub(super) fn listed_phase(&mut self, line: &Line, checkbox: Option<bool>) -> bool {
        let text = line.text.trim();
        let (head, attributes) = match split_phase_attributes(text) {
            Some((head, attributes)) => (head, attributes),
            None => (text, PhaseAttributes::default()),
        };
        let named = match phase_mention(head) {
            Some(Ok(named)) => named,
            Some(Err(problem)) => {
                self.unplaced(line, format_args!("{problem}"));
                return true;
            }
            None => match bare_phase(head) {
                Some(named) => named,
                None => return false,
            },
        };
        for problem in &attributes.problems {
            self.unplaced(line, format_args!("{problem}"));
        }
        let status = attributes.status.unwrap_or(if checkbox == Some(true) {
            PhaseStatus::Done
        } else {
            PhaseStatus::NotStarted
        });
        let (started_on, mut done_on) = (attributes.started_on, attributes.done_on);
        if let (Some(started), Some(done)) = (started_on, done_on)
            && done < started
        {
            self.unplaced(
                line,
                format_args!(
                    "done on {done}, before it was started on {started}; the done date is left out"
                ),
            );
            done_on = None;
        }
        for (number, name) in named {
            let mut phase = new_phase(number, name, attributes.quarter.unwrap_or(Quarter::Q4));
            phase.status = status;
            phase.started_on = started_on;
            phase.done_on = done_on;
            self.listed_phases.push(NamedPhase {
                phase,
                line: line.number,
                offset: line.offset,
                quarter_given: attributes.quarter.is_some(),
            });
        }
        true
    }

    /// The phases: the Phases section when there is one (it lists them all),
    /// else the ones task lines name, first naming wins.
    pub(super) fn settle_phases(&mut self) {
        let named = std::mem::take(&mut self.named_phases);
        let listed = std::mem::take(&mut self.listed_phases);
        // By number, so that a hostile list of 100,000 phases costs a lookup
        // each rather than a scan each.
        let mut index: HashMap<PhaseNumber, usize> = HashMap::new();
        let mut phases: Vec<Phase> = Vec::new();
        if self.phases_section_seen {
            let mut quarter_from_tasks: HashMap<PhaseNumber, Quarter> = HashMap::new();
            for entry in &named {
                quarter_from_tasks
                    .entry(entry.phase.number)
                    .or_insert(entry.phase.quarter);
            }
            for entry in listed {
                let number = entry.phase.number;
                if index.contains_key(&number) {
                    self.unplaced_at(
                        entry.line,
                        entry.offset,
                        format_args!("phase {number} is listed twice; the first is kept"),
                    );
                    continue;
                }
                let mut phase = entry.phase;
                if !entry.quarter_given {
                    let from_tasks = quarter_from_tasks.get(&number).copied();
                    phase.quarter = from_tasks.unwrap_or(Quarter::Q4);
                    if from_tasks.is_none() {
                        self.unplaced_at(
                            entry.line,
                            entry.offset,
                            format_args!("no quarter given (— Q2); planned for Q4"),
                        );
                    }
                }
                self.push_phase(&mut phases, &mut index, phase, entry.line, entry.offset);
            }
            for entry in named {
                if !index.contains_key(&entry.phase.number) {
                    self.unplaced_at(
                        entry.line,
                        entry.offset,
                        format_args!(
                            "names phase {}, which the Phases section does not list; the task \
                             is kept, the phase is not",
                            entry.phase.number
                        ),
                    );
                }
            }
        } else {
            for entry in named {
                if let Some(&at) = index.get(&entry.phase.number) {
                    let first_name = phases[at].name.clone();
                    if first_name != entry.phase.name {
                        self.unplaced_at(
                            entry.line,
                            entry.offset,
                            format_args!(
                                "names phase {} \"{}\", which an earlier line named \
                                 \"{first_name}\"; the first name is kept",
                                entry.phase.number, entry.phase.name
                            ),
                        );
                    }
                    continue;
                }
                self.push_phase(
                    &mut phases,
                    &mut index,
                    entry.phase,
                    entry.line,
                    entry.offset,
                );
            }
        }
        self.plan.phases = phases;
    }

    fn push_phase(
        &mut self,
        phases: &mut Vec<Phase>,
        index: &mut HashMap<PhaseNumber, usize>,
        phase: Phase,
        line: usize,
        offset: usize,
    ) {
        if phases.len() >= MAX_IMPORTED_EACH {
            self.unplaced_full_at(line, offset, "phases");
            return;
        }
        index.insert(phase.number, phases.len());
        phases.push(phase);
    }

    /// The phases tasks name with `**Phase**:`, now that the plan's phases
    /// are settled.
    pub(super) fn settle_task_phases(&mut self) {
        let numbers: HashSet<PhaseNumber> = self.plan.phases.iter().map(|p| p.number).collect();
        for (at, number, line, offset) in std::mem::take(&mut self.task_phase_links) {
            if numbers.contains(&number) {
                if let Some(task) = self.task_mut(at) {
                    task.phase = Some(number);
                }
            } else {
                self.unplaced_at(
                    line,
                    offset,
                    format_args!("the plan has no phase {number}; the task is kept without it"),
                );
            }
        }
    }
}
