//! `yearplan report PATH [--date YYYY-MM-DD]`: the Overview tab as plain
//! text. The figures and sentences come from [`crate::model::overview`], the
//! same ones the tab shows, so the two always agree.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::io::load_plan;
use crate::model::calendar::plan_end;
use crate::model::format::format_date;
use crate::model::money::monthly_spend;
use crate::model::overview::{Overview, overview};
use crate::model::time::weekly_hours;
use crate::model::{Plan, Quarter};

/// Loads the plan at `path` and prints its overview on `today`; a file that
/// cannot be loaded is reported on stderr with exit code 1, as `check` does.
pub fn run(path: &Path, today: NaiveDate) -> ExitCode {
    match load_plan(path) {
        Ok(plan) => {
            print!("{}", report(&plan, today));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("yearplan: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The overview of `plan` on `today`, as text.
pub fn report(plan: &Plan, today: NaiveDate) -> String {
    let figures = overview(plan, &weekly_hours(plan), &monthly_spend(plan), today);
    let mut text = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(
        text,
        "{}: overview on {}",
        plan.display_title(),
        format_date(today)
    );
    let _ = writeln!(
        text,
        "Plan year: {} – {}",
        format_date(plan.start_date),
        format_date(plan_end(plan.start_date))
    );
    week(plan, &figures, &mut text);
    let _ = writeln!(text, "\nThis month");
    let _ = writeln!(text, "  {}", figures.month.describe(&plan.currency_symbol));
    progress(plan, &figures, &mut text);
    reviews(&figures, &mut text);
    next_tasks(plan, &figures, &mut text);
    let _ = writeln!(text, "\nForecasts");
    let _ = writeln!(
        text,
        "  {}",
        figures.phase_forecast.describe(plan.start_date)
    );
    let _ = writeln!(
        text,
        "  {}",
        figures.spend_forecast.describe(&plan.currency_symbol)
    );
    metrics(plan, &figures, &mut text);
    text
}

fn week(plan: &Plan, figures: &Overview, text: &mut String) {
    let _ = writeln!(
        text,
        "\nThis week: {}, {} – {}",
        figures.week,
        format_date(figures.week.monday()),
        format_date(figures.week.sunday())
    );
    if figures.week_hours.is_empty() {
        let _ = writeln!(text, "  The plan has no time categories");
        return;
    }
    for (id, hours) in &figures.week_hours {
        let name = plan.category(*id).map_or("?", |category| &category.name);
        let _ = writeln!(text, "  {name}: {}", hours.describe());
    }
    let _ = writeln!(text, "  Total: {}", figures.week_total.describe());
}

fn progress(plan: &Plan, figures: &Overview, text: &mut String) {
    let _ = writeln!(text, "\nProgress");
    let _ = writeln!(text, "  Whole plan: {} tasks done", figures.plan_progress);
    for (id, lane_progress) in &figures.lanes {
        let name = plan.lane(*id).map_or("?", |lane| &lane.name);
        let _ = writeln!(text, "  {name}: {lane_progress} tasks done");
    }
    for quarter in Quarter::ALL {
        let _ = writeln!(
            text,
            "  {quarter}: {} tasks done",
            figures.quarters[quarter.index()]
        );
    }
    let _ = writeln!(text, "  Phases: {} done", figures.phases_done);
}

fn reviews(figures: &Overview, text: &mut String) {
    let _ = writeln!(text, "\nReviews");
    if figures.reviews.is_empty() {
        let _ = writeln!(text, "  The plan has no review cadence");
    }
    for cadence in &figures.reviews {
        let _ = writeln!(text, "  {}", cadence.describe(figures.today));
    }
}

fn next_tasks(plan: &Plan, figures: &Overview, text: &mut String) {
    let _ = writeln!(text, "\nNext tasks due");
    if figures.next_tasks.is_empty() {
        let _ = writeln!(text, "  No open task has a due date");
    }
    for due in &figures.next_tasks {
        let title = plan.task(due.task).map_or("?", |task| &task.title);
        let lane = plan
            .block_of_task(due.task)
            .and_then(|(lane, _, _)| plan.lane(lane))
            .map_or("?", |lane| &lane.name);
        let _ = writeln!(
            text,
            "  {} ({lane}): due {}, {}",
            title,
            format_date(due.due),
            due.describe()
        );
    }
}

fn metrics(plan: &Plan, figures: &Overview, text: &mut String) {
    let _ = writeln!(text, "\nSuccess metrics");
    if figures.metrics.is_empty() {
        let _ = writeln!(text, "  The plan has no success metrics");
    }
    for (id, status) in &figures.metrics {
        let name = plan
            .success_metrics
            .iter()
            .find(|metric| metric.id == *id)
            .map_or("?", |metric| &metric.name);
        let mark = if status.met { "[x]" } else { "[ ]" };
        let _ = writeln!(
            text,
            "  {mark} {name} ({}): {}",
            status.progress, status.evidence
        );
    }
}
