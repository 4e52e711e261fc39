//! Export: the parts of a plan written as Markdown in the seed's shape, each
//! so that import reads it back as it was. The order of the sections is
//! [`super::export_markdown`]'s.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::format::format_cents;
use crate::model::{
    BudgetKind, LaneId, MetricMeasure, Phase, PhaseNumber, PhaseStatus, Plan, SuccessMetric,
    Swimlane, Task,
};

use super::escape::{escape, heading_line, one_line};
use super::parse::measures::guess_measure;
use super::parse::money::{MoneyParse, parse_money};
use super::parse::phases::{named_phase, phase_mention};
use super::parse::quarters::{span_label, titled_quarter_span};

pub(super) fn write_lane(out: &mut String, phases: &HashSet<PhaseNumber>, lane: &Swimlane) {
    let name = one_line(&lane.name);
    let subtitle = one_line(&lane.subtitle);
    let heading = if !subtitle.is_empty() {
        format!("{name} ({subtitle})")
    } else if name.ends_with(')') {
        // Without this, "Ops (EU)" would read back as lane Ops, subtitle EU.
        format!("{name} ()")
    } else {
        name
    };
    let mut heading_text = heading_line(3, &heading);
    if titled_quarter_span(&heading).is_some() {
        // Import reads `### Q2` as a quarter heading; the comment keeps a
        // lane of that name a lane.
        heading_text.push_str(" <!-- a lane, not a quarter -->");
    }
    let _ = writeln!(out, "\n{heading_text}");
    for (index, block) in lane.blocks.iter().enumerate() {
        if index > 0 {
            // Without the blank line the marker would continue the last task.
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "**{}**",
            span_label(block.first_quarter, block.last_quarter)
        );
        for task in &block.tasks {
            write_task(out, phases, task);
        }
    }
}

fn write_task(out: &mut String, phases: &HashSet<PhaseNumber>, task: &Task) {
    let tick = tick_mark(task.done);
    let title = escape(&task.title);
    if title.is_empty() {
        let _ = writeln!(out, "- [{tick}]");
    } else {
        let _ = writeln!(out, "- [{tick}] {title}");
    }
    if let Some(due) = task.due {
        let _ = writeln!(out, "  **Due**: {due}");
    }
    if let Some(done_on) = task.done_on {
        let _ = writeln!(out, "  **Done**: {done_on}");
    }
    if let Some(number) = task.phase
        && phases.contains(&number)
    {
        let _ = writeln!(out, "  **Phase**: {number}");
    }
    let notes = task.notes.trim();
    if !notes.is_empty() {
        let mut first = true;
        let mut blank = false;
        for note in notes.lines() {
            let note = escape(note);
            if note.is_empty() {
                blank = true;
                continue;
            }
            if first {
                let _ = writeln!(out, "  **Notes**: {note}");
                first = false;
            } else {
                if blank {
                    // A blank line and an indented line: a new paragraph of
                    // the same item, which import reads as a blank line.
                    out.push('\n');
                }
                let _ = writeln!(out, "  {note}");
            }
            blank = false;
        }
    }
}

pub(super) fn write_phase(out: &mut String, phase: &Phase) {
    let tick = tick_mark(phase.status == PhaseStatus::Done);
    let mut attributes = vec![phase.quarter.label().to_owned()];
    if phase.status == PhaseStatus::InProgress {
        attributes.push("in progress".to_owned());
    }
    if let Some(started) = phase.started_on {
        attributes.push(format!("started {started}"));
    }
    if let Some(done) = phase.done_on {
        attributes.push(format!("done {done}"));
    }
    let _ = writeln!(
        out,
        "- [{tick}] Phase {}: {} — {}",
        phase.number,
        escape(&phase.name),
        attributes.join(", ")
    );
}

pub(super) fn write_budget(out: &mut String, plan: &Plan) {
    let symbol = plan.currency_symbol.as_str();
    // A symbol import would not read back next to an amount ("", "#") is
    // said once, and the amounts are written bare.
    let readable = matches!(
        parse_money(&money_text(12_345, symbol), false),
        MoneyParse::Money(money) if money.symbol == symbol
    );
    let needs_currency = if plan.budget_lines.is_empty() {
        symbol != "$"
    } else {
        !readable
    };
    let written_symbol = if readable { symbol } else { "" };
    if plan.time_categories.is_empty() && plan.budget_lines.is_empty() && !needs_currency {
        return;
    }
    out.push_str("\n## Budget\n");
    if !plan.time_categories.is_empty() {
        out.push_str("\n### Time Budget\n");
        for category in &plan.time_categories {
            let (min, max) = (category.weekly_min_hours, category.weekly_max_hours);
            let hours = if min == max {
                format!("{min}")
            } else {
                format!("{min}-{max}")
            };
            let _ = writeln!(out, "- {}{hours} hours/week", label(&category.name));
        }
    }
    if !plan.budget_lines.is_empty() || needs_currency {
        out.push_str("\n### Financial Budget\n");
        if needs_currency {
            let _ = writeln!(out, "- **Currency**: {}", escape(symbol));
        }
        for line in &plan.budget_lines {
            let amount = money_text(budget_cents(line.kind), written_symbol);
            let per = match line.kind {
                BudgetKind::Monthly { .. } => "/month",
                BudgetKind::OneTime { .. } => "",
            };
            let _ = writeln!(out, "- {}{amount}{per}", label(&line.name));
        }
    }
}

/// The box of a task, phase or metric line: `x` when ticked.
fn tick_mark(ticked: bool) -> char {
    if ticked { 'x' } else { ' ' }
}

fn budget_cents(kind: BudgetKind) -> i64 {
    match kind {
        BudgetKind::Monthly { cents } => cents,
        BudgetKind::OneTime { cap_cents } => cap_cents,
    }
}

/// "$1,200" or "$12.50": whole amounts without cents, as the seed writes them.
fn money_text(cents: i64, symbol: &str) -> String {
    let text = format_cents(cents, symbol);
    match text.strip_suffix(".00") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// `**Name**: ` before a value, or `: ` alone for an unnamed line (bold
/// around nothing is not bold).
fn label(name: &str) -> String {
    let name = escape(name);
    if name.is_empty() {
        ": ".to_owned()
    } else {
        format!("**{name}**: ")
    }
}

pub(super) fn write_metric(
    out: &mut String,
    lanes: &HashMap<LaneId, &str>,
    metric: &SuccessMetric,
) {
    let ticked = matches!(metric.measure, MetricMeasure::Manual { done: true });
    let tick = tick_mark(ticked);
    let _ = writeln!(out, "- [{tick}] {}", escape(&metric.name));
    if guess_measure(&metric.name, ticked) == metric.measure {
        return;
    }
    let measured = match metric.measure {
        MetricMeasure::Manual { .. } => "by hand".to_owned(),
        MetricMeasure::PhasesDone => "phases done".to_owned(),
        MetricMeasure::LaneTasksDone { lane } => match lanes.get(&lane) {
            Some(name) => format!("tasks done in lane {}", escape(name)),
            None => "by hand".to_owned(),
        },
        MetricMeasure::WeeksInRange { weeks } => {
            format!("weeks in range over the last {weeks} weeks")
        }
        MetricMeasure::MonthsWithinRunRate { months } => {
            format!("months within the run-rate over the last {months} months")
        }
    };
    let _ = writeln!(out, "  **Measured**: {measured}");
}

/// The phases that the plan's task lines name, as import would read them;
/// when they are the plan's phases, export needs no Phases section.
pub(super) fn phases_named_by_tasks(plan: &Plan) -> Vec<Phase> {
    let mut phases: Vec<Phase> = Vec::new();
    let mut seen: HashSet<PhaseNumber> = HashSet::new();
    for lane in &plan.swimlanes {
        for block in &lane.blocks {
            for task in &block.tasks {
                if let Some(Ok(named)) = phase_mention(task.title.trim()) {
                    for (number, name) in named {
                        if seen.insert(number) {
                            phases.push(named_phase(number, name, block.last_quarter, task.done));
                        }
                    }
                }
            }
        }
    }
    phases
}
