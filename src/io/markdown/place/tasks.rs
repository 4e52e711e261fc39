//! Tasks and their further lines: due and done dates, the phase a task
//! belongs to, and notes.

use crate::io::markdown::MAX_IMPORTED_EACH;
use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::phases::{named_phase, phase_mention};
use crate::io::markdown::parse::{name_value, parse_date, words};
use crate::model::{PhaseNumber, Task, TaskId};

use super::{Importer, NamedPhase, Role, TaskAt};

impl Importer<'_> {
    pub(super) fn add_task(&mut self, line: &Line, done: bool) -> Role {
        self.add_task_titled(line, line.text.trim(), done)
    }

    /// A task of the current block, titled `title` (which the line holds).
    pub(super) fn add_task_titled(&mut self, line: &Line, title: &str, done: bool) -> Role {
        let Some((lane, block)) = self.ensure_block(line) else {
            return Role::Unplaced;
        };
        if self.next_task > MAX_IMPORTED_EACH as u64 {
            self.unplaced_full(line, "tasks");
            return Role::Unplaced;
        }
        let title = title.trim().to_owned();
        let quarter = self.plan.swimlanes[lane].blocks[block].last_quarter;
        match phase_mention(&title) {
            Some(Ok(named)) => {
                for (number, name) in named {
                    self.named_phases.push(NamedPhase {
                        phase: named_phase(number, name, quarter, done),
                        line: line.number,
                        offset: line.offset,
                        quarter_given: true,
                    });
                }
            }
            Some(Err(problem)) => self.unplaced(
                line,
                format_args!("imported as a task, but no phases were read from it: {problem}"),
            ),
            None => {}
        }
        let tasks = &mut self.plan.swimlanes[lane].blocks[block].tasks;
        tasks.push(Task {
            id: TaskId(self.next_task),
            title,
            done,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        });
        self.next_task += 1;
        Role::Task {
            at: TaskAt {
                lane,
                block,
                task: tasks.len() - 1,
            },
            in_notes: false,
        }
    }

    /// A further line of a task: `**Due**:`, `**Done**:`, `**Phase**:` or
    /// `**Notes**:`, or else more notes. Returns whether notes have begun.
    pub(super) fn task_line(
        &mut self,
        line: &Line,
        at: TaskAt,
        in_notes: bool,
        after_blank: bool,
    ) -> bool {
        let text = line.text.trim();
        if in_notes {
            self.append_notes(at, text, after_blank);
            return true;
        }
        let Some((name, value)) = name_value(line) else {
            self.append_notes(at, text, after_blank);
            return false;
        };
        let key = words(name);
        match key.as_str() {
            "notes" | "note" => {
                self.append_notes(at, value, after_blank);
                true
            }
            "due" | "due date" | "due on" | "done" | "done on" | "completed" | "completed on" => {
                let is_due = key.starts_with("due");
                let date = match parse_date(value) {
                    Ok(date) => date,
                    Err(problem) => {
                        self.unplaced(line, format_args!("{problem}; kept in the task's notes"));
                        self.append_notes(at, text, after_blank);
                        return false;
                    }
                };
                let entry = &mut self.plan.swimlanes[at.lane].blocks[at.block].tasks[at.task];
                if is_due {
                    entry.due = Some(date);
                } else if entry.done {
                    entry.done_on = Some(date);
                } else {
                    self.unplaced(
                        line,
                        format_args!(
                            "a done date on a task that is not ticked (- [x]); kept in its notes"
                        ),
                    );
                    self.append_notes(at, text, after_blank);
                }
                false
            }
            "phase" => {
                match value.trim().parse::<PhaseNumber>() {
                    Ok(number) => {
                        self.task_phase_links
                            .push((at, number, line.number, line.offset));
                    }
                    Err(_) => {
                        self.unplaced(
                            line,
                            format_args!(
                                "a phase is named by its number (**Phase**: 3); kept in the \
                                 task's notes"
                            ),
                        );
                        self.append_notes(at, text, after_blank);
                    }
                }
                false
            }
            _ => {
                self.append_notes(at, text, after_blank);
                false
            }
        }
    }

    pub(super) fn append_notes(&mut self, at: TaskAt, text: &str, blank: bool) {
        let Some(entry) = self.task_mut(at) else {
            return;
        };
        let notes = &mut entry.notes;
        if !notes.is_empty() {
            notes.push('\n');
            if blank {
                notes.push('\n');
            }
        }
        notes.push_str(text.trim());
    }

    pub(super) fn task_mut(&mut self, at: TaskAt) -> Option<&mut Task> {
        self.plan
            .swimlanes
            .get_mut(at.lane)
            .and_then(|lane| lane.blocks.get_mut(at.block))
            .and_then(|block| block.tasks.get_mut(at.task))
    }
}
