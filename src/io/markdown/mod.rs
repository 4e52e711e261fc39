//! Plans written in Markdown, in the shape of the seed plan
//! (`seeds/annual-plan.md`): import and export.
//!
//! The shape, as the seed writes it and as [`export_markdown`] writes it:
//!
//! ```markdown
//! # Annual Plan
//! **Start**: 2026-01-01
//!
//! ## Goals
//! - Achieve production-grade Elixir/OTP mastery
//!
//! ## Swimlanes
//! ### Core (Foundation Building)
//! **Q1**
//! - [ ] Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)
//! - [x] Establish CI/CD pipeline
//!   **Done**: 2026-02-11
//!   **Notes**: GitHub Actions
//!
//! **Q1-Q2**
//! - [ ] Load testing framework
//!
//! ## Budget
//! - **Learning**: 15-20 hours/week
//! - **Books**: $500
//! - **Infrastructure**: $100/month
//!
//! ## Success Metrics
//! - [ ] All 15 phases completed
//!
//! ## Review Cadence
//! - **Weekly**: Progress check against tasks
//! ```
//!
//! Import reads the document with a CommonMark parser (so lazy lines, loose
//! lists, escapes, entities and CRLF are read as Markdown reads them) and
//! then goes through it line by line. Plans written by hand vary, so it is
//! forgiving about shape — any heading levels, lanes with or without a
//! "Swimlanes" heading, quarters as `**Q2-Q4**`, `#### Q3` or `H2`, a
//! quarter line right after a task with no blank line between, `* [X]`
//! boxes, plain bullets, `$1,200 per month`, `€50/month`, `10 h/week`, an
//! explicit `## Phases` list — and reads the shapes other tools and people
//! give a year:
//! - roadmaps of quarter headings (`## Q1 2027`, `### 2027 Q2`, `### Q3`):
//!   blocks of the lane whose heading is above them, or of the lanes named
//!   by headings below them, or else of one lane named after the plan; the
//!   first year given sets the start date;
//! - Obsidian Kanban boards (`kanban-plugin` in the front matter): a lane
//!   per column, cards done when ticked or in a `**Complete**` column;
//! - a table with a column per quarter (`| Goal | Q1 | Q2 |…`): a lane per
//!   row, a block per filled cell;
//! - front matter, which is never read as part of the plan (bar a `title:`),
//!   and Obsidian `%% comments %%`, which are skipped;
//!
//! and honest about the rest: every line it
//! could not place, or had to bend to make a valid plan, is reported with
//! its line number and the reason. It never fails and never panics; the
//! plan it returns always passes
//! [`validate`](crate::model::validate::validate).
//!
//! What Markdown cannot carry: the time entries, expenses and reviews logged
//! against a plan. Export says so in its header comment; those stay in the
//! plan file (the time log and expenses export to CSV).
//!
//! How the folder reads, in the order a document goes through it:
//! - `source`: the text itself — line endings, line numbers, quoting a
//!   source line;
//! - `lines`: the CommonMark events of the document as lines,
//!   each knowing what kind of line it is (heading, paragraph, first or
//!   further line of a list item, markup);
//! - `parse`: the small parsers that recognise what a line says — a
//!   section heading, a quarter span, hours, an amount, a date, phases, a
//!   metric's measure — knowing nothing of the plan being built;
//! - `place`: the importer, which puts each line into the plan by the
//!   section it is in (lanes, blocks, tasks, phases, budgets, metrics,
//!   cadences) and settles what only the whole document can tell;
//! - `report`: the lines it could not place, and why;
//! - `write` and `escape`: export, the plan written out in the same shape.

mod escape;
mod lines;
mod parse;
mod place;
mod report;
mod source;
mod write;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::model::validate::{MAX_YEAR, MIN_YEAR};
use crate::model::{LaneId, PhaseNumber, Plan};

use escape::{escape, heading_line};
use lines::read_lines;
use place::Importer;
use source::{blank_before, front_matter, lone_returns_as_newlines, tabs_in_table_rules_as_spaces};
use write::{phases_named_by_tasks, write_budget, write_lane, write_metric, write_phase};

/// What an import made of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkdownImport {
    /// Everything the document said that a plan can hold; always valid.
    pub plan: Plan,
    /// The lines it could not place, or placed only after bending them, in
    /// the order of the document.
    pub unplaced: Vec<UnplacedLine>,
}

/// A line of the document that did not make it into the plan as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnplacedLine {
    /// Counted from 1, as editors count.
    pub line: usize,
    /// The line as written, trimmed, and shortened when long.
    pub text: String,
    /// Why, in words for the person who wrote it.
    pub reason: String,
}

/// How many unplaced lines are listed one by one. A real plan has a few; a
/// document with more is not a plan, and listing all of a 60 MB file's
/// lines would cost far more memory than the file. The rest are counted in
/// one last entry.
pub const MAX_LISTED_UNPLACED: usize = 1_000;

/// How many of each kind of thing (tasks, blocks, lanes, goals, phases,
/// categories, budget lines, metrics) an import takes. No yearly plan comes
/// near it; it keeps a hostile file from turning a few bytes a line into a
/// hundred bytes of plan each.
pub const MAX_IMPORTED_EACH: usize = 100_000;

/// How many phases one line may name ("Phases 0-3" names four). Keeps
/// "Phases 0-4000000000" from creating four billion of them.
pub const MAX_PHASES_PER_LINE: u32 = 100;

/// Reads a plan written in Markdown (see the module documentation for the
/// shape). The plan starts on 1 January of `today`'s year unless the
/// document has a `**Start**: YYYY-MM-DD` line or, failing that, a quarter
/// heading with a year (`## Q2 2023` starts it on 2023-01-01). Ids are
/// given 1, 2, 3… in the order of the document.
pub fn import_markdown(text: &str, today: NaiveDate) -> MarkdownImport {
    // A byte-order mark would stop the first line being read as a heading.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = lone_returns_as_newlines(text);
    let front = front_matter(&text);
    // Front matter is the tool's or the site's, not the plan's: never a
    // task and never a line to report.
    let text = match &front {
        Some(front) => Cow::Owned(blank_before(&text, front.end)),
        None => text,
    };
    let text = match tabs_in_table_rules_as_spaces(&text) {
        Cow::Owned(changed) => Cow::Owned(changed),
        Cow::Borrowed(_) => text,
    };
    let text = text.as_ref();
    let year = today.year().clamp(MIN_YEAR, MAX_YEAR);
    let start_date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let front = front.unwrap_or_default();
    let read = |outline| {
        let mut importer = Importer::new(text, start_date, &front, outline);
        read_lines(text, |line| importer.take(&line));
        importer.finish()
    };
    let first = read(false);
    if first.plan.tasks().next().is_some() || front.kanban {
        return first;
    }
    // A plan with no checkboxes and no quarters, written as headings with
    // lists under them (a learning plan, a reading list): read again with
    // its plain bullets as tasks, rather than reporting every one of them.
    let outline = read(true);
    if outline.plan.tasks().next().is_some() {
        outline
    } else {
        first
    }
}

/// What the header comment of an export says, so that a reader of the file
/// knows what it holds and what it leaves out.
const EXPORT_HEADER: &str = "<!--
Exported by Yearplan. This Markdown holds the plan itself: goals, swimlanes
with their quarters and tasks (ticked or not, with due and done dates, phases
and notes), phases, weekly hours, budget lines, success metrics and review
cadences. It does not hold the time entries, expenses or reviews logged
against the plan: those stay in the plan file (the time log and the expenses
export to CSV). Read it back with: yearplan import THIS.md -o PLAN.ron
-->
";

/// The plan as Markdown in the seed's shape, which [`import_markdown`]
/// reads back into the same plan (ids renumbered 1, 2, 3… in order), less
/// its time entries, expenses and reviews.
pub fn export_markdown(plan: &Plan) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(EXPORT_HEADER);
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(out, "{}", heading_line(1, &plan.title));
    let _ = writeln!(out, "**Start**: {}", plan.start_date);

    if !plan.goals.is_empty() {
        out.push_str("\n## Goals\n");
        for goal in &plan.goals {
            let _ = writeln!(out, "- {}", escape(goal));
        }
    }

    if !plan.swimlanes.is_empty() {
        out.push_str("\n## Swimlanes\n");
        let phases: HashSet<PhaseNumber> = plan.phases.iter().map(|p| p.number).collect();
        for lane in &plan.swimlanes {
            write_lane(&mut out, &phases, lane);
        }
    }

    if phases_named_by_tasks(plan) != plan.phases {
        out.push_str("\n## Phases\n");
        for phase in &plan.phases {
            write_phase(&mut out, phase);
        }
    }

    write_budget(&mut out, plan);

    if !plan.success_metrics.is_empty() {
        out.push_str("\n## Success Metrics\n");
        let mut lanes: HashMap<LaneId, &str> = HashMap::new();
        for lane in &plan.swimlanes {
            lanes.entry(lane.id).or_insert(lane.name.as_str());
        }
        for metric in &plan.success_metrics {
            write_metric(&mut out, &lanes, metric);
        }
    }

    if !plan.review_cadences.is_empty() {
        out.push_str("\n## Review Cadence\n");
        for cadence in &plan.review_cadences {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                cadence.period.label(),
                escape(&cadence.purpose)
            );
        }
    }
    out
}
