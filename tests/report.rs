//! `yearplan report`, run as the real binary on the built-in plan and on the
//! example plan, against figures worked out by hand from those files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use common::cli::{text, yearplan};
use common::{date, write_file};
use yearplan::model::calendar::IsoWeek;
use yearplan::model::format::format_date;

fn example_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/example-plan.ron")
}

/// The example plan on Friday 27 November 2026, every figure checked by hand
/// against `assets/examples/example-plan.ron`:
///
/// - Week 2026-W48 is 23–29 November. Learning 3 h a day Monday to Friday
///   and 2.25 h on Saturday: 17.25 h. Building 2 × 5 + 1.5 = 11.5 h. Review
///   3 + 2.75 = 5.75 h, over its 5 h target. Total 34.5 h of 30–40 h.
/// - November: Fly.io 49.00, Hetzner 36.00, Copilot 19.00, AppSignal 99.00
///   on the monthly lines = 203.00; the 52.00 book is one-time.
/// - Tasks done: Core 1–6, Scale 17–18, Compliance 26–28: 11 of 36. Q1 holds
///   blocks 1 (4/4), 5 (Q1–Q2, 2/3) and 8 (2/2); Q2 blocks 2 (2/4), 5 and 9
///   (1/3). Phases 0–5 done of 0–14.
/// - Reviews: weekly last 15 November, due 22nd, 5 days over; monthly last
///   31 October, due 30 November; quarterly last 4 August, due 4 November,
///   23 days over.
/// - Where: 27 November is 207 days after 4 May, in week 207 ÷ 7 + 1 = 30
///   of the 365 days' 53 weeks; 27 November to 3 May is 158 days.
/// - Task 7 was due 21 October: 37 days ago.
/// - Phases: 6 done in the 207 days since 4 May; 9 more take 207 × 9 ÷ 6 =
///   310.5, so 311 days: 4 October 2027, after the year ends on 3 May 2027.
/// - Spend: monthly lines May–Nov 203.00 + 336.00 + 211.00 + 203.00 +
///   423.50 + 211.00 + 203.00 = 1,790.50 in 7 months, × 12 ÷ 7 = 3,069.43;
///   plus the books, 219.68: 3,289.11 of 12 × 300.00 + 500.00 = 4,100.00.
const EXAMPLE_REPORT: &str = "\
Elixir Systems Mastery: overview on Fri 27 Nov 2026
Plan year: Mon 4 May 2026 – Mon 3 May 2027 · week 30 of 53 · 158 days left

This week: 2026-W48, Mon 23 Nov 2026 – Sun 29 Nov 2026
  Learning: 17.3 h of 15–20 h (in range)
  Building: 11.5 h of 10–15 h (in range)
  Review/Documentation: 5.8 h of 5 h (over the range, target met)
  Total: 34.5 h of 30–40 h (in range)

This month
  Nov 2026: $203.00 on the monthly lines of the $300.00 run-rate (within), plus $52.00 on one-time lines

Progress
  Whole plan: 11/36 tasks done
  Core: 6/16 tasks done
  Scale: 2/9 tasks done
  Compliance: 3/11 tasks done
  Q1: 8/9 tasks done
  Q2: 5/10 tasks done
  Q3: 0/10 tasks done
  Q4: 0/10 tasks done
  Phases: 6/15 done

Reviews
  Weekly (Progress check against tasks): overdue by 5 days (due since Sun 22 Nov 2026); last review Sun 15 Nov 2026
  Monthly (Swimlane review and adjustment): next due Mon 30 Nov 2026 (in 3 days); last review Sat 31 Oct 2026
  Quarterly (Budget and timeline review): overdue by 23 days (due since Wed 4 Nov 2026); last review Tue 4 Aug 2026

Next tasks due
  Implement full test suite (Core): due Wed 21 Oct 2026, overdue by 37 days

Forecasts
  At this pace (6 phases done in 207 days), Phase 14 completes on Mon 4 Oct 2027, after the plan year ends on Mon 3 May 2027
  Year-end spend projected at $3,289.11, within the $4,100.00 annual budget ($810.89 to spare)

Success metrics
  [ ] All 15 phases completed (6/15): 6 of 15 phases done
  [ ] Production-grade Pulse app deployed (0/1): Not ticked yet
  [ ] SLOs consistently met (0/1): Not ticked yet
  [ ] All documentation complete (0/1): Not ticked yet
  [ ] Portfolio demonstrable to potential employers/clients (0/1): Not ticked yet
";

#[test]
fn report_on_the_example_plan() {
    let dir = tempfile::tempdir().unwrap();
    let example = example_path();
    let output = yearplan(
        &[
            "report".as_ref(),
            example.as_os_str(),
            "--date".as_ref(),
            "2026-11-27".as_ref(),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    assert_eq!(text(&output.stdout), EXAMPLE_REPORT);
    assert!(output.stderr.is_empty(), "stderr: {}", text(&output.stderr));
}

#[test]
fn the_report_prints_what_the_overview_module_computes() {
    // The binary and the library agree: the tab, which reads the same
    // `Overview`, shows these figures too.
    let plan = yearplan::io::example_plan().unwrap();
    let today = date(2026, 11, 27);
    assert_eq!(yearplan::report::report(&plan, today), EXAMPLE_REPORT);
}

/// The built-in plan, written by `yearplan new`, on 31 January of its year:
/// nothing logged, nothing done, nothing spent.
#[test]
fn report_on_a_new_default_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let output = yearplan(&["new".as_ref(), path.as_os_str()], dir.path());
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));

    // `new` starts the plan on 1 January of the current year.
    let start = yearplan::io::load_plan(&path).unwrap().start_date;
    assert_eq!((start.month(), start.day()), (1, 1));
    let year = start.year();
    let date = |month, day| NaiveDate::from_ymd_opt(year, month, day).unwrap();
    let today = date(1, 31);
    let output = yearplan(
        &[
            "report".as_ref(),
            path.as_os_str(),
            "--date".as_ref(),
            today.to_string().as_ref(),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    let stdout = text(&output.stdout);

    let week = IsoWeek::of(today);
    // Weekly: first due 7 days after the start, 8 January, 23 days before
    // the 31st. Monthly: due 1 February, tomorrow. Quarterly: 1 April.
    let weekly = format!(
        "  Weekly (Progress check against tasks): overdue by 23 days (due since {}); \
         no review yet\n",
        format_date(date(1, 8))
    );
    let monthly = format!(
        "  Monthly (Swimlane review and adjustment): next due {} (in 1 day); no review yet\n",
        format_date(date(2, 1))
    );
    let quarterly = format!(
        "  Quarterly (Budget and timeline review): next due {} (in ",
        format_date(date(4, 1))
    );
    let expected = [
        format!("Annual Plan: overview on {}\n", format_date(today)),
        format!(
            "Plan year: {} – {} · week 5 of 53 · {} days left\n",
            format_date(date(1, 1)),
            format_date(date(12, 31)),
            // 31 January to 31 December, both counted.
            if start.leap_year() { 336 } else { 335 }
        ),
        format!(
            "This week: {week}, {} – {}\n",
            format_date(week.monday()),
            format_date(week.sunday())
        ),
        "  Learning: 0.0 h of 15–20 h (under)\n".to_owned(),
        "  Building: 0.0 h of 10–15 h (under)\n".to_owned(),
        "  Review/Documentation: 0.0 h of 5 h (under)\n".to_owned(),
        "  Total: 0.0 h of 30–40 h (under)\n".to_owned(),
        format!("  Jan {year}: $0.00 on the monthly lines of the $300.00 run-rate (within)\n"),
        "  Whole plan: 0/36 tasks done\n".to_owned(),
        "  Core: 0/16 tasks done\n".to_owned(),
        "  Scale: 0/9 tasks done\n".to_owned(),
        "  Compliance: 0/11 tasks done\n".to_owned(),
        "  Q1: 0/9 tasks done\n".to_owned(),
        "  Q4: 0/10 tasks done\n".to_owned(),
        "  Phases: 0/15 done\n".to_owned(),
        weekly,
        monthly,
        quarterly,
        "  No open task has a due date\n".to_owned(),
        "  Not enough data yet to forecast the phases: none is done so far\n".to_owned(),
        // Nothing spent in the one month begun: 0 × 12 of 12 × 300 + 500.
        "  Year-end spend projected at $0.00, within the $4,100.00 annual budget \
         ($4,100.00 to spare)\n"
            .to_owned(),
        "  [ ] All 15 phases completed (0/15): 0 of 15 phases done\n".to_owned(),
        "  [ ] Production-grade Pulse app deployed (0/1): Not ticked yet\n".to_owned(),
    ];
    let mut from = 0;
    for line in &expected {
        let Some(at) = stdout[from..].find(line.as_str()) else {
            panic!("{line:?} not found in order in:\n{stdout}");
        };
        from += at + line.len();
    }
}

#[test]
fn report_without_a_date_uses_today() {
    let dir = tempfile::tempdir().unwrap();
    let example = example_path();
    let output = yearplan(&["report".as_ref(), example.as_os_str()], dir.path());
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    let today = chrono::Local::now().date_naive();
    let stdout = text(&output.stdout);
    // Allow for the test running across midnight.
    let yesterday = today.pred_opt().unwrap();
    assert!(
        stdout.starts_with(&format!(
            "Elixir Systems Mastery: overview on {}\n",
            format_date(today)
        )) || stdout.starts_with(&format!(
            "Elixir Systems Mastery: overview on {}\n",
            format_date(yesterday)
        )),
        "{stdout}"
    );
}

#[test]
fn report_on_a_bad_file_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write_file(
        dir.path(),
        "broken.ron",
        "(\n    format_version: 1,\n    title: \"Broken\"\n",
    );
    let output = yearplan(&["report".as_ref(), broken.as_os_str()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("yearplan: "), "stderr: {stderr}");
    assert!(stderr.contains("broken.ron"), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");

    let missing = dir.path().join("missing.ron");
    let output = yearplan(&["report".as_ref(), missing.as_os_str()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("missing.ron"));
}

#[test]
fn report_refuses_a_date_that_is_not_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let example = example_path();
    for bad in ["2026-13-01", "27/11/2026", "tomorrow"] {
        let output = yearplan(
            &[
                "report".as_ref(),
                example.as_os_str(),
                "--date".as_ref(),
                bad.as_ref(),
            ],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains("--date <YYYY-MM-DD>"), "stderr: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

/// `text` as it stands in HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_status_page_says_what_the_report_says_with_charts_and_nothing_from_elsewhere() {
    let folder = tempfile::tempdir().unwrap();
    let output = yearplan(
        &[
            "report".as_ref(),
            example_path().as_os_str(),
            "--date".as_ref(),
            "2026-11-27".as_ref(),
            "--html".as_ref(),
            "status.html".as_ref(),
        ],
        folder.path(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "Wrote the status page to status.html.\n"
    );
    let page = std::fs::read_to_string(folder.path().join("status.html")).unwrap();

    // Every sentence of the text report, heading and line, is on the page.
    for line in EXAMPLE_REPORT
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        assert!(
            page.contains(&escaped(line)),
            "missing from the page: {line}"
        );
    }
    // Four hours charts (three categories and all), the monthly spend and the
    // cumulative spend, each an image named by what it shows.
    assert_eq!(page.matches("<svg ").count(), 6);
    assert_eq!(page.matches(r#"role="img" aria-label=""#).count(), 6);
    for summary in [
        "Learning, hours per week: 17.3, 22.8, 15.5, 17.0 in the last four weeks; target 15–20 h",
        "All categories, hours per week: 34.5, 45.3, 31.0, 34.0 in the last four weeks; \
         target 30–40 h",
        "Spend per month: Sep 2026 $423.50, Oct 2026 $246.20, Nov 2026 $255.00 so far",
        "Cumulative spend: $2,010.18 so far",
    ] {
        assert!(page.contains(&escaped(summary)), "no chart says: {summary}");
    }
    // Self-contained: no script, and nothing fetched from anywhere.
    let lower = page.to_lowercase();
    for banned in [
        "<script", "http:", "https:", "src=", "href=", "url(", "@import", "<link",
    ] {
        assert!(!lower.contains(banned), "the page holds {banned:?}");
    }
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@page { size: A4;"));
}

#[test]
fn the_status_page_escapes_what_the_plan_says_and_refuses_to_replace_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = yearplan::io::default_plan(date(2026, 1, 1));
    plan.title = "<script>alert('R&D')</script>".to_owned();
    plan.time_categories[0].name = "Learn <b>".to_owned();
    let plan_path = folder.path().join("year.plan.ron");
    yearplan::io::save_plan(&plan_path, &plan).unwrap();
    let before = std::fs::read(&plan_path).unwrap();

    let refused = yearplan(
        &[
            "report".as_ref(),
            "year.plan.ron".as_ref(),
            "--html".as_ref(),
            "./year.plan.ron".as_ref(),
        ],
        folder.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("is the plan itself"));
    assert_eq!(std::fs::read(&plan_path).unwrap(), before);

    let page = yearplan::report::status_page(&plan, date(2026, 3, 4));
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;alert(&#39;R&amp;D&#39;)&lt;/script&gt;"));
    assert!(page.contains("Learn &lt;b&gt;, hours per week"));

    let bad = write_file(folder.path(), "bad.ron", "(format_version: 4,");
    let output = yearplan(
        &[
            "report".as_ref(),
            bad.as_os_str(),
            "--html".as_ref(),
            "out.html".as_ref(),
        ],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(!folder.path().join("out.html").exists());
}
