//! The command line: open the window (on the default plan or a file), create
//! a plan file, or check one without opening a window.
//!
//! `main.rs` parses [`Cli`], calls [`run`], and either opens the window or
//! exits with the code it is given; everything else lives here so it can be
//! tested without a display.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod import;
mod merge;
mod timer;
pub use import::{DateOrderArg, ImportArgs};
pub use merge::{GITATTRIBUTES_LINE, MergeArgs};
pub use timer::{LogArgs, TimerAction, TimerArgs, log_at, short_status, status, timer_at};

use crate::io::markdown::{export_markdown, import_markdown};
use crate::io::{FileError, load_plan, read_text, save_export, save_new_plan, save_plan};
use crate::model::calendar::first_day_of_year;
use crate::model::format::{format_cents, format_hours_range};
use crate::model::money::monthly_run_rate_cents;
use crate::model::progress::{lane_progress, phases_done};
use crate::model::{BudgetKind, Plan};

/// Run a one-year plan: swimlanes, phases, time and money budgets, metrics
/// and reviews, kept in one readable RON file.
#[derive(Debug, Parser)]
#[command(
    name = "yearplan",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A plan file to open in the window. Without it, the built-in plan opens.
    /// (To open a file named like a command, write ./new or ./check.)
    pub path: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new plan, starting on 1 January this year, to PATH: the
    /// built-in plan, or the template named by --template. Refuses to
    /// overwrite an existing file.
    New {
        #[arg(required_unless_present = "list_templates")]
        path: Option<PathBuf>,
        /// The plan to start from (see --list-templates).
        #[arg(long, value_name = "NAME", default_value = "built-in")]
        template: String,
        /// Print the templates and what each holds.
        #[arg(long)]
        list_templates: bool,
    },
    /// Check that PATH is a valid plan and print a short summary of it.
    Check { path: PathBuf },
    /// Write the plan for the year after PLAN's to NEXT: PLAN's lanes,
    /// categories and targets, budget lines, metrics and review cadences,
    /// with its unfinished tasks and phases carried over, and give PLAN its
    /// year-end review (unless it has one). NEXT is never overwritten.
    NextYear {
        path: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "NEXT")]
        output: PathBuf,
        /// The first day of the next year (default: the day after PLAN's
        /// year ends).
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: Option<chrono::NaiveDate>,
        /// Where the unfinished tasks go: each kept in its quarter, or all
        /// into Q1.
        #[arg(long, value_enum, default_value = "keep")]
        unfinished: UnfinishedArg,
    },
    /// Write the plan's calendar to OUT.ics (replacing it): an iCalendar
    /// file with each task's due date, each phase's planned quarter end and
    /// each review cadence as a recurring event. Importing it again updates
    /// the events rather than adding them twice.
    Calendar {
        path: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.ics")]
        output: PathBuf,
    },
    /// Print the overview of the plan at PATH as text: this week, this month,
    /// progress, reviews due, next tasks, forecasts and success metrics. With
    /// --html, write it as a status page instead: one self-contained HTML
    /// file with charts, no script, that prints on one or two A4 pages.
    Report {
        path: PathBuf,
        /// The day to report on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        /// Write the status page to OUT.html (replacing it) rather than print.
        #[arg(long, value_name = "OUT.html")]
        html: Option<PathBuf>,
    },
    /// Add Yearplan to your desktop's app menu: write its launcher, icons and
    /// plan file type (*.plan.ron) under ~/.local/share, starting this program.
    InstallDesktop,
    /// Remove what install-desktop wrote, and nothing else.
    UninstallDesktop,
    /// Read a plan written in Markdown (in the shape of the seed plan) and
    /// write it as a new plan file; lines it could not place are listed as
    /// warnings. Refuses to overwrite an existing file.
    Import {
        markdown: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Add the hours of a time tracker's export to the plan file PLAN: Toggl
    /// Track, Clockify, Harvest, Kimai, Watson, timewarrior (`timew export`),
    /// TimeChimp, yast, or any CSV with a date and a duration (or a start and
    /// an end). Each row goes to the category a --map rule, a rule kept in the
    /// plan or its own name says; rows nothing maps are listed, not guessed.
    ImportHours(ImportArgs),
    /// Add the spending of a bank's or budget app's export to the plan file
    /// PLAN: Actual, YNAB, Monefy, hledger, bank statements (German ones with
    /// `;`, decimal commas and a preamble too), or any CSV with a date and an
    /// amount. Income, refunds and transfers are skipped and counted.
    ImportExpenses(ImportArgs),
    /// Log hours to the plan file PLAN: `yearplan log year.plan.ron 1:30 learn
    /// --note "chapter 3"`. HOURS as the quick entry takes them (1.5, 1,5,
    /// 1:30, 90m, 2h 30m); CATEGORY by name in any case or by the start of it.
    Log(LogArgs),
    /// The plan's timer: `start CATEGORY [--note TEXT]`, `stop [--at TIME]`,
    /// `cancel`, `status [--short]`. It lives in the plan file, so an open
    /// window shows it at once.
    Timer(TimerArgs),
    /// Write the plan as Markdown in the shape of the seed plan (without its
    /// time entries, expenses and reviews, which Markdown does not carry).
    Export {
        plan: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge two copies of a plan edited apart (MINE and THEIRS) against the
    /// copy both started from (BASE), record by record, into OUT. Prints what
    /// each side changed and each conflict (a field changed two ways: mine is
    /// kept). Exit 0 when clean, 1 with conflicts, 2 when an input is not a
    /// plan. Never writes over an input.
    Merge(MergeArgs),
    /// git's merge driver for plan files: `yearplan merge-driver %O %A %B`
    /// writes the merge of %A and %B (against %O) to %A. Set it up with
    /// install-git-merge.
    MergeDriver {
        base: PathBuf,
        current: PathBuf,
        other: PathBuf,
        /// The file's path in the repository (git's %P), for messages only.
        path: Option<PathBuf>,
    },
    /// Make git merge plan files record by record in the repository at REPO
    /// (default: the current folder): adds `*.ron merge=yearplan` to its
    /// .gitattributes and the merge.yearplan driver to its .git/config.
    InstallGitMerge { repo: Option<PathBuf> },
}

/// `--unfinished`'s choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum UnfinishedArg {
    /// Each unfinished task stays in its quarter.
    Keep,
    /// All unfinished tasks go into Q1.
    Q1,
}

/// What the binary should do after [`run`].
#[derive(Debug, PartialEq)]
pub enum Action {
    /// Open the window, on `path` if given, else on the default plan.
    Window { path: Option<PathBuf> },
    /// The command has finished (and printed what it had to); exit with this.
    Exit(ExitCode),
}

/// Carries out `cli`: commands run here and report their result as an exit
/// code; anything else asks for the window.
pub fn run(cli: Cli) -> Action {
    match cli.command {
        Some(Command::New {
            path,
            template,
            list_templates,
        }) => Action::Exit(match path {
            Some(path) if !list_templates => new_plan(&path, &template),
            _ => {
                print!("{}", crate::io::template_list());
                ExitCode::SUCCESS
            }
        }),
        Some(Command::Check { path }) => Action::Exit(check(&path)),
        Some(Command::Calendar { path, output }) => Action::Exit(calendar(&path, &output)),
        Some(Command::NextYear {
            path,
            output,
            start,
            unfinished,
        }) => Action::Exit(next_year(&path, &output, start, unfinished)),
        Some(Command::Report { path, date, html }) => Action::Exit(crate::report::run(
            &path,
            date.unwrap_or_else(|| chrono::Local::now().date_naive()),
            html.as_deref(),
        )),
        Some(Command::InstallDesktop) => Action::Exit(crate::desktop::install_command()),
        Some(Command::UninstallDesktop) => Action::Exit(crate::desktop::uninstall_command()),
        Some(Command::Import { markdown, output }) => Action::Exit(import(&markdown, &output)),
        Some(Command::Export { plan, output }) => Action::Exit(export(&plan, &output)),
        Some(Command::ImportHours(args)) => Action::Exit(import::import_hours(&args)),
        Some(Command::ImportExpenses(args)) => Action::Exit(import::import_expenses(&args)),
        Some(Command::Log(args)) => Action::Exit(timer::log_command(&args)),
        Some(Command::Timer(args)) => Action::Exit(timer::timer_command(&args)),
        Some(Command::Merge(args)) => Action::Exit(merge::merge_command(&args)),
        Some(Command::MergeDriver {
            base,
            current,
            other,
            path: _,
        }) => Action::Exit(merge::merge_driver(&base, &current, &other)),
        Some(Command::InstallGitMerge { repo }) => {
            Action::Exit(merge::install_git_merge(repo.as_deref()))
        }
        None => Action::Window { path: cli.path },
    }
}

fn new_plan(path: &Path, template: &str) -> ExitCode {
    let Some(template) = crate::io::Template::named(template) else {
        eprintln!(
            "yearplan: there is no template called \"{template}\". The templates are:\n{}",
            crate::io::template_list()
        );
        return ExitCode::FAILURE;
    };
    let today = chrono::Local::now().date_naive();
    let plan = match template.plan(first_day_of_year(today)) {
        Ok(plan) => plan,
        Err(error) => return fail(&error),
    };
    match save_new_plan(path, &plan) {
        Ok(()) => {
            println!(
                "Wrote a new plan to {} (its year starts on {}).",
                path.display(),
                plan.start_date
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn next_year(
    path: &Path,
    output: &Path,
    start: Option<chrono::NaiveDate>,
    unfinished: UnfinishedArg,
) -> ExitCode {
    let plan = match load_plan(path) {
        Ok(plan) => plan,
        Err(error) => return fail(&error),
    };
    let start = start.unwrap_or_else(|| plan.next_year_start());
    let unfinished = match unfinished {
        UnfinishedArg::Keep => crate::model::next_year::Unfinished::KeepQuarter,
        UnfinishedArg::Q1 => crate::model::next_year::Unfinished::IntoQ1,
    };
    let next = match plan.next_year(start, unfinished) {
        Ok(next) => next,
        Err(error) => {
            eprintln!("yearplan: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = save_new_plan(output, &next) {
        return fail(&error);
    }
    println!(
        "Wrote the plan for the year starting {} to {}: {} unfinished tasks and {} phases carried over.",
        crate::model::format::format_date(start),
        output.display(),
        next.tasks().count(),
        next.phases.len()
    );
    write_year_end_review(path, plan, chrono::Local::now().date_naive())
}

/// Writes this year's year-end review into the plan at `path` (read as
/// `plan`), unless it has one already.
fn write_year_end_review(path: &Path, mut plan: Plan, today: chrono::NaiveDate) -> ExitCode {
    use crate::model::year_end::{give_year_end_review, year_end_review};
    let id = crate::model::ReviewId(crate::ui::fresh_id_candidate());
    match give_year_end_review(&mut plan, today, id) {
        Ok(true) => {}
        Ok(false) => {
            if let Some(review) = year_end_review(&plan) {
                println!(
                    "{} already has its year-end review, of {}.",
                    path.display(),
                    crate::model::format::format_date(review.date)
                );
            }
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("yearplan: could not add the year-end review: {error}");
            return ExitCode::FAILURE;
        }
    }
    match save_plan(path, &plan) {
        Ok(()) => {
            println!(
                "Added the year-end review of {} to {}.",
                crate::model::format::format_date(today),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn calendar(path: &Path, output: &Path) -> ExitCode {
    let plan = match load_plan(path) {
        Ok(plan) => plan,
        Err(error) => return fail(&error),
    };
    let text = crate::io::calendar::plan_calendar(
        &plan,
        chrono::Local::now().date_naive(),
        chrono::Utc::now(),
    );
    match save_export(output, &text) {
        Ok(()) => {
            println!(
                "Wrote the calendar of {} to {}.",
                plan.display_title(),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn check(path: &Path) -> ExitCode {
    match load_plan(path) {
        Ok(plan) => {
            print!("{}", check_summary(&plan));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn import(markdown: &Path, output: &Path) -> ExitCode {
    let text = match read_text(markdown) {
        Ok(text) => text,
        Err(error) => return fail(&error),
    };
    let import = import_markdown(&text, chrono::Local::now().date_naive());
    for unplaced in &import.unplaced {
        let quoted = if unplaced.text.is_empty() {
            String::new()
        } else {
            format!(": {}", unplaced.text)
        };
        eprintln!(
            "yearplan: warning: line {}: {}{quoted}",
            unplaced.line, unplaced.reason
        );
    }
    match save_new_plan(output, &import.plan) {
        Ok(()) => {
            let unplaced = import.unplaced.len();
            println!(
                "Wrote the plan from {} to {} ({unplaced} {} not placed).",
                markdown.display(),
                output.display(),
                plural(unplaced, "line", "lines")
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn export(plan: &Path, output: &Path) -> ExitCode {
    // save_export replaces without a backup: written over the plan itself,
    // it would lose the plan.
    if let (Ok(plan_path), Ok(output_path)) = (plan.canonicalize(), output.canonicalize())
        && plan_path == output_path
    {
        eprintln!(
            "yearplan: {} is the plan itself; write the Markdown to another file",
            output.display()
        );
        return ExitCode::FAILURE;
    }
    let result = load_plan(plan).and_then(|plan| save_export(output, &export_markdown(&plan)));
    match result {
        Ok(()) => {
            println!(
                "Wrote {} (time entries, expenses and reviews stay in the plan file).",
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// Every message of a [`FileError`] already names the file, so it is printed
/// after the program's name, as other command-line tools do.
fn fail(error: &FileError) -> ExitCode {
    eprintln!("yearplan: {error}");
    ExitCode::FAILURE
}

/// What `yearplan check` prints for a good plan: enough to see at a glance
/// that the file holds the plan one expects.
pub fn check_summary(plan: &Plan) -> String {
    let mut text = String::new();
    let title = if plan.title.trim().is_empty() {
        "(untitled plan)"
    } else {
        plan.title.as_str()
    };
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(text, "{title}");
    let _ = writeln!(text, "Starts: {}", plan.start_date);

    let _ = writeln!(text, "Swimlanes:");
    for lane in &plan.swimlanes {
        let _ = writeln!(text, "  {}: {} tasks done", lane.name, lane_progress(lane));
    }
    let _ = writeln!(text, "Phases: {} done", phases_done(plan));

    let _ = writeln!(text, "Weekly time targets:");
    for category in &plan.time_categories {
        let _ = writeln!(
            text,
            "  {}: {}",
            category.name,
            format_hours_range(category.weekly_min_hours, category.weekly_max_hours)
        );
    }

    let symbol = plan.currency_symbol.as_str();
    let _ = writeln!(text, "Budget:");
    for line in &plan.budget_lines {
        let amount = match line.kind {
            BudgetKind::Monthly { cents } => format!("{}/month", format_cents(cents, symbol)),
            BudgetKind::OneTime { cap_cents } => {
                format!("{} once", format_cents(cap_cents, symbol))
            }
        };
        let _ = writeln!(text, "  {}: {amount}", line.name);
    }
    let _ = writeln!(
        text,
        "Monthly run-rate: {}/month",
        format_cents(monthly_run_rate_cents(plan), symbol)
    );

    let _ = writeln!(
        text,
        "Logged: {} time {}, {} {}, {} {}",
        plan.time_entries.len(),
        plural(plan.time_entries.len(), "entry", "entries"),
        plan.expenses.len(),
        plural(plan.expenses.len(), "expense", "expenses"),
        plan.reviews.len(),
        plural(plan.reviews.len(), "review", "reviews"),
    );
    text
}

pub(super) fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::io::default_plan;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(args)
    }

    #[test]
    fn no_arguments_opens_the_window_on_the_default_plan() {
        let cli = parse(&["yearplan"]).unwrap();
        assert_eq!(run(cli), Action::Window { path: None });
    }

    #[test]
    fn a_path_opens_the_window_on_it() {
        let cli = parse(&["yearplan", "my plan.ron"]).unwrap();
        assert_eq!(
            run(cli),
            Action::Window {
                path: Some(PathBuf::from("my plan.ron"))
            }
        );
    }

    #[test]
    fn commands_parse_and_do_not_mix_with_a_path() {
        let cli = parse(&["yearplan", "check", "a.ron"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Check { .. })));
        let cli = parse(&["yearplan", "new", "a.ron"]).unwrap();
        assert!(matches!(cli.command, Some(Command::New { .. })));
        assert!(parse(&["yearplan", "a.ron", "check", "b.ron"]).is_err());
        assert!(parse(&["yearplan", "check"]).is_err());
    }

    #[test]
    fn check_on_a_missing_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.ron");
        let cli = parse(&["yearplan", "check", missing.to_str().unwrap()]).unwrap();
        assert_eq!(run(cli), Action::Exit(ExitCode::FAILURE));
    }

    #[test]
    fn summary_of_the_default_plan() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let summary = check_summary(&default_plan(today));
        assert!(summary.contains("Starts: 2026-01-01\n"), "{summary}");
        assert!(summary.contains("Swimlanes:\n  Core: 0/"), "{summary}");
        assert!(summary.contains("Phases: 0/15 done\n"), "{summary}");
        assert!(summary.contains("  Learning: 15–20 h\n"), "{summary}");
        assert!(summary.contains("  Books: $500.00 once\n"), "{summary}");
        assert!(
            summary.contains("  Infrastructure: $100.00/month\n"),
            "{summary}"
        );
        assert!(
            summary.contains("Monthly run-rate: $300.00/month\n"),
            "{summary}"
        );
    }

    #[test]
    fn summary_of_an_empty_plan() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let summary = check_summary(&Plan::empty("", today));
        assert!(summary.starts_with("(untitled plan)\n"));
        assert!(summary.contains("Phases: 0/0 done\n"));
        assert!(summary.contains("Monthly run-rate: $0.00/month\n"));
        assert!(summary.ends_with("Logged: 0 time entries, 0 expenses, 0 reviews\n"));
    }
}
