//! `yearplan report PATH [--date YYYY-MM-DD]`: the Overview tab as plain
//! text. The figures and sentences come from [`crate::model::overview`], the
//! same ones the tab shows, so the two always agree.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

mod html;
mod svg;

pub use html::status_page;

use crate::io::{load_plan, save_export};
use crate::model::calendar::{YearPosition, plan_end};
use crate::model::format::format_date;
use crate::model::money::monthly_spend;
use crate::model::overview::{Overview, overview};
use crate::model::time::weekly_hours;
use crate::model::{Plan, Quarter};

/// Loads the plan at `path` and prints its overview on `today`, or writes
/// it as a status page to `html`; a file that cannot be loaded or written is
/// reported on stderr with exit code 1, as `check` does.
pub fn run(path: &Path, today: NaiveDate, html: Option<&Path>) -> ExitCode {
    let plan = match load_plan(path) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("yearplan: {error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = html else {
        print!("{}", report(&plan, today));
        return ExitCode::SUCCESS;
    };
    // Written over the plan itself, the page would lose the plan.
    if let (Ok(plan_path), Ok(out_path)) = (path.canonicalize(), out.canonicalize())
        && plan_path == out_path
    {
        eprintln!(
            "yearplan: {} is the plan itself; write the status page to another file",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    match save_export(out, &status_page(&plan, today)) {
        Ok(()) => {
            println!("Wrote the status page to {}.", out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("yearplan: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The overview of a plan on a day as headed sections of lines: what the
/// text report prints and the status page shows, so the two say the same.
pub struct Report {
    /// "Elixir Systems Mastery: overview on Fri 27 Nov 2026".
    pub title: String,
    /// "Plan year: Mon 4 May 2026 – Mon 3 May 2027".
    pub subtitle: String,
    pub sections: Vec<Section>,
}

pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

impl Section {
    fn new(heading: impl Into<String>) -> Section {
        Section {
            heading: heading.into(),
            lines: Vec::new(),
        }
    }

    fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }
}

/// The overview of `plan` on `today`, as text.
pub fn report(plan: &Plan, today: NaiveDate) -> String {
    let report = sections(plan, today);
    let mut text = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(text, "{}", report.title);
    let _ = writeln!(text, "{}", report.subtitle);
    for section in &report.sections {
        let _ = writeln!(text, "\n{}", section.heading);
        for line in &section.lines {
            let _ = writeln!(text, "  {line}");
        }
    }
    text
}

/// The overview of `plan` on `today`, section by section.
pub fn sections(plan: &Plan, today: NaiveDate) -> Report {
    let figures = overview(plan, &weekly_hours(plan), &monthly_spend(plan), today);
    let mut month = Section::new("This month");
    month.line(figures.month.describe(&plan.currency_symbol));
    let mut forecasts = Section::new("Forecasts");
    forecasts.line(figures.phase_forecast.describe(plan.start_date));
    forecasts.line(figures.spend_forecast.describe(&plan.currency_symbol));
    Report {
        title: format!(
            "{}: overview on {}",
            plan.display_title(),
            format_date(today)
        ),
        subtitle: format!(
            "Plan year: {} – {} · {}",
            format_date(plan.start_date),
            format_date(plan_end(plan.start_date)),
            YearPosition::of(plan.start_date, today)
        ),
        sections: vec![
            week(plan, &figures),
            month,
            progress(plan, &figures),
            reviews(&figures),
            next_tasks(plan, &figures),
            forecasts,
            metrics(plan, &figures),
        ],
    }
}

fn week(plan: &Plan, figures: &Overview) -> Section {
    let mut section = Section::new(format!(
        "This week: {}, {} – {}",
        figures.week,
        format_date(figures.week.monday()),
        format_date(figures.week.sunday())
    ));
    if figures.week_hours.is_empty() {
        section.line("The plan has no time categories");
        return section;
    }
    for (id, hours) in &figures.week_hours {
        let name = plan.category(*id).map_or("?", |category| &category.name);
        section.line(format!("{name}: {}", hours.describe()));
    }
    section.line(format!("Total: {}", figures.week_total.describe()));
    section
}

fn progress(plan: &Plan, figures: &Overview) -> Section {
    let mut section = Section::new("Progress");
    section.line(format!("Whole plan: {} tasks done", figures.plan_progress));
    for (id, lane_progress) in &figures.lanes {
        let name = plan.lane(*id).map_or("?", |lane| &lane.name);
        section.line(format!("{name}: {lane_progress} tasks done"));
    }
    for quarter in Quarter::ALL {
        section.line(format!(
            "{quarter}: {} tasks done",
            figures.quarters[quarter.index()]
        ));
    }
    section.line(format!("Phases: {} done", figures.phases_done));
    section
}

fn reviews(figures: &Overview) -> Section {
    let mut section = Section::new("Reviews");
    if figures.reviews.is_empty() {
        section.line("The plan has no review cadence");
    }
    for cadence in &figures.reviews {
        section.line(cadence.describe(figures.today));
    }
    section
}

fn next_tasks(plan: &Plan, figures: &Overview) -> Section {
    let mut section = Section::new("Next tasks due");
    if figures.next_tasks.is_empty() {
        section.line("No open task has a due date");
    }
    for due in &figures.next_tasks {
        let title = plan.task(due.task).map_or("?", |task| &task.title);
        let lane = plan
            .block_of_task(due.task)
            .and_then(|(lane, _, _)| plan.lane(lane))
            .map_or("?", |lane| &lane.name);
        section.line(format!(
            "{title} ({lane}): due {}, {}",
            format_date(due.due),
            due.describe()
        ));
    }
    section
}

fn metrics(plan: &Plan, figures: &Overview) -> Section {
    let mut section = Section::new("Success metrics");
    if figures.metrics.is_empty() {
        section.line("The plan has no success metrics");
    }
    for (id, status) in &figures.metrics {
        let name = plan
            .success_metrics
            .iter()
            .find(|metric| metric.id == *id)
            .map_or("?", |metric| &metric.name);
        let mark = if status.met { "[x]" } else { "[ ]" };
        section.line(format!(
            "{mark} {name} ({}): {}",
            status.progress, status.evidence
        ));
    }
    section
}
