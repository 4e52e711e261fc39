//! The status page: the overview of a plan as one self-contained HTML file,
//! to send to a mentor, a manager or one's own review notes. The sentences
//! are the text report's ([`super::sections`]); the charts are inline SVG
//! with the same summaries a screen reader hears in the window. No script,
//! no font, style sheet or image from anywhere else: it opens offline and
//! prints on one or two A4 pages.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::svg::{self, Bars, Lines, escape};
use crate::model::calendar::{IsoWeek, YearMonth};
use crate::model::money::{
    MonthlySpend, cumulative_budget_cents, monthly_lines_spend_cents, monthly_run_rate_cents,
    monthly_spend, months_elapsed, plan_months,
};
use crate::model::summaries::{
    cumulative_spend_summary, monthly_spend_summary, weekly_hours_summary,
};
use crate::model::time::{
    TargetState, WeeklyHours, target_state, weekly_hours, weekly_target_total,
};
use crate::model::{CategoryId, Plan};

/// How many weeks the hours charts show, ending with this week.
const CHART_WEEKS: u64 = 12;

const STYLE: &str = "\
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Ubuntu, sans-serif; font-size: 10pt;
  color: #1d1d1f; margin: 0 auto; max-width: 190mm; line-height: 1.35; }
header h1 { font-size: 16pt; margin: 0 0 2pt; }
header p { margin: 0; color: #555; }
h2 { font-size: 11pt; margin: 10pt 0 3pt; border-bottom: 1px solid #ddd; padding-bottom: 1pt; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 6pt 12pt; margin-top: 6pt; }
figure { margin: 0; break-inside: avoid; }
figure h3 { font-size: 9.5pt; margin: 4pt 0 1pt; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 8pt; color: #555; }
.sections { columns: 2; column-gap: 12pt; }
section { break-inside: avoid; }
ul { margin: 0; padding-left: 12pt; }
li { margin: 1pt 0; }
.key { font-size: 8pt; color: #555; margin: 4pt 0 0; }
.swatch { display: inline-block; width: 8pt; height: 8pt; vertical-align: -1pt; margin: 0 2pt 0 6pt; }
footer { margin-top: 10pt; font-size: 8pt; color: #777; }
";

/// The status page of `plan` on `today`.
pub fn status_page(plan: &Plan, today: NaiveDate) -> String {
    let report = super::sections(plan, today);
    let weekly = weekly_hours(plan);
    let spend = monthly_spend(plan);
    let mut page = String::new();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&report.title)
    );
    let _ = write!(
        page,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n</header>\n",
        escape(&report.title),
        escape(&report.subtitle)
    );
    page.push_str("<div class=\"charts\">\n");
    hours_charts(plan, &weekly, today, &mut page);
    spend_charts(plan, &spend, today, &mut page);
    page.push_str("</div>\n");
    let _ = writeln!(
        page,
        "<p class=\"key\">Hours:<span class=\"swatch\" style=\"background:{}\"></span>under \
         the target<span class=\"swatch\" style=\"background:{}\"></span>in range\
         <span class=\"swatch\" style=\"background:{}\"></span>over the range (the target \
         is met); the shaded band is the weekly target. Spend: <span class=\"swatch\" \
         style=\"background:{}\"></span>over the run-rate.</p>",
        svg::UNDER,
        svg::IN_RANGE,
        svg::OVER_HOURS,
        svg::OVER_BUDGET
    );
    page.push_str("<div class=\"sections\">\n");
    for section in &report.sections {
        let _ = write!(
            page,
            "<section>\n<h2>{}</h2>\n<ul>\n",
            escape(&section.heading)
        );
        for line in &section.lines {
            let _ = writeln!(page, "<li>{}</li>", escape(line));
        }
        page.push_str("</ul>\n</section>\n");
    }
    page.push_str("</div>\n");
    let _ = write!(
        page,
        "<footer>Written by Yearplan from the plan file; the figures are those of {}.</footer>\n\
         </body>\n</html>\n",
        escape(&crate::model::format::format_date(today))
    );
    page
}

/// One small chart per category and one for all: hours per week over the
/// last twelve weeks, this week included, against the target band.
fn hours_charts(plan: &Plan, weekly: &WeeklyHours, today: NaiveDate, page: &mut String) {
    let this_week = IsoWeek::of(today).monday();
    let weeks: Vec<IsoWeek> = (0..CHART_WEEKS)
        .rev()
        .filter_map(|back| this_week.checked_sub_days(Days::new(7 * back)))
        .map(IsoWeek::of)
        .collect();
    let labels: Vec<String> = weeks
        .iter()
        .map(|week| week.monday().format("%-d %b").to_string())
        .collect();
    let mut charts: Vec<(String, Option<CategoryId>, (f64, f64))> = plan
        .time_categories
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                Some(c.id),
                (c.weekly_min_hours, c.weekly_max_hours),
            )
        })
        .collect();
    if !plan.time_categories.is_empty() {
        charts.push(("All categories".to_owned(), None, weekly_target_total(plan)));
    }
    for (name, category, (min, max)) in charts {
        let values: Vec<f64> = weeks
            .iter()
            .map(|week| category.map_or_else(|| weekly.total(*week), |id| weekly.hours(*week, id)))
            .collect();
        let colours = values
            .iter()
            .map(|hours| match target_state(*hours, min, max) {
                TargetState::Under => svg::UNDER,
                TargetState::InRange => svg::IN_RANGE,
                TargetState::Over => svg::OVER_HOURS,
            })
            .collect();
        let summary = weekly_hours_summary(&name, weekly, category, (min, max), today);
        let chart = svg::bars(&Bars {
            summary: &summary,
            prefix: "",
            suffix: " h",
            labels: labels.clone(),
            values,
            colours,
            band: Some((min, max)),
            line: None,
        });
        figure(page, &format!("{name}: hours per week"), &chart, &summary);
    }
}

/// Spend per month against the run-rate, and spend so far against the
/// budget so far.
fn spend_charts(plan: &Plan, spend: &MonthlySpend, today: NaiveDate, page: &mut String) {
    let months: Vec<YearMonth> = plan_months(plan.start_date);
    let labels: Vec<String> = months
        .iter()
        .map(|month| month.label().chars().take(3).collect())
        .collect();
    let run_rate = monthly_run_rate_cents(plan);
    let shown = months_elapsed(plan.start_date, today).min(months.len());
    let values: Vec<f64> = months
        .iter()
        .take(shown)
        .map(|month| spend.total(*month) as f64 / 100.0)
        .collect();
    let colours = months
        .iter()
        .take(shown)
        .map(|month| {
            if monthly_lines_spend_cents(plan, spend, *month) > run_rate {
                svg::OVER_BUDGET
            } else {
                svg::NEUTRAL
            }
        })
        .collect();
    let summary = monthly_spend_summary(plan, spend, today);
    let chart = svg::bars(&Bars {
        summary: &summary,
        prefix: &plan.currency_symbol,
        suffix: "",
        labels: labels.clone(),
        values: {
            let mut all = values;
            all.resize(months.len(), 0.0);
            all
        },
        colours,
        band: None,
        line: Some(run_rate as f64 / 100.0),
    });
    figure(
        page,
        "Spend per month against the run-rate",
        &chart,
        &summary,
    );

    let mut so_far = 0_i64;
    let spent: Vec<f64> = months
        .iter()
        .take(shown)
        .map(|month| {
            so_far += spend.total(*month);
            so_far as f64 / 100.0
        })
        .collect();
    let budget: Vec<f64> = (1..=months.len())
        .map(|elapsed| cumulative_budget_cents(plan, elapsed) as f64 / 100.0)
        .collect();
    let summary = cumulative_spend_summary(plan, spend, today);
    let chart = svg::lines(&Lines {
        summary: &summary,
        prefix: &plan.currency_symbol,
        labels,
        series: vec![
            (budget, svg::IN_RANGE, true),
            (spent, svg::OVER_HOURS, false),
        ],
        level: Some(crate::model::money::annual_budget_cents(plan) as f64 / 100.0),
    });
    figure(
        page,
        "Cumulative spend against the budget",
        &chart,
        &summary,
    );
}

fn figure(page: &mut String, title: &str, chart: &str, summary: &str) {
    let _ = write!(
        page,
        "<figure>\n<h3>{}</h3>\n{chart}\n<figcaption>{}</figcaption>\n</figure>\n",
        escape(title),
        escape(summary)
    );
}
