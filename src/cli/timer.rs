//! `yearplan log` and `yearplan timer`: hours into a plan file from a
//! terminal, a script or a desktop keyboard shortcut, without the window.
//!
//! Each command reads the plan, applies one command of the model, and saves
//! atomically with the `.bak`; anything refused leaves the file as it was.
//! The work is done by functions that take "now" and give the text to
//! print, so tests can fix the clock.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::Subcommand;

use crate::io::{load_plan, save_plan};
use crate::model::calendar::IsoWeek;
use crate::model::command::{Command, TimeCommand};
use crate::model::format::{format_date, format_hours, format_hours_range, format_minutes};
use crate::model::hours::parse_hours;
use crate::model::time::{TargetState, hours_to_minimum, target_state, weekly_hours};
use crate::model::timer::{self, format_date_time, parse_date_time};
use crate::model::{EntryId, Plan, TimeEntry};

/// `yearplan log PLAN HOURS CATEGORY`.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The plan file to add to; saved in place, the old one kept as PLAN.bak.
    pub plan: PathBuf,
    /// The hours as the quick entry takes them: 1.5, 1,5, 1:30, 90m, 2h 30m.
    #[arg(allow_hyphen_values = true)]
    pub hours: String,
    /// The time category: its name in any case, or the start of it (learn).
    pub category: String,
    /// The day the hours were put in (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// What the hours went on.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `yearplan timer PLAN start|stop|cancel|status`.
#[derive(Debug, clap::Args)]
pub struct TimerArgs {
    /// The plan file whose timer this is; saved in place with a PLAN.bak.
    pub plan: PathBuf,
    #[command(subcommand)]
    pub action: TimerAction,
}

#[derive(Debug, Subcommand)]
pub enum TimerAction {
    /// Start the timer on CATEGORY (its name in any case, or the start of
    /// it). A timer already running is stopped and recorded first.
    Start {
        category: String,
        /// What the time goes on; it becomes the entries' note.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Stop the timer and record what it ran, rounded to the minute, one
    /// entry per day it ran on.
    Stop {
        /// Stop it at this time instead of now: HH:MM today, or
        /// "YYYY-MM-DD HH:MM" (for a timer left running).
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Stop the timer and record nothing.
    Cancel,
    /// Print the running timer, and today's and this week's hours against
    /// the weekly targets.
    Status {
        /// One line, for a status bar (waybar, polybar, i3blocks).
        #[arg(long)]
        short: bool,
    },
}

pub fn log_command(args: &LogArgs) -> ExitCode {
    finish(log_at(args, now()))
}

pub fn timer_command(args: &TimerArgs) -> ExitCode {
    finish(timer_at(args, now()))
}

fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Prints what a command said, on stdout when it succeeded and on stderr
/// when it refused, and gives the exit code to match.
fn finish(said: Result<String, String>) -> ExitCode {
    match said {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("yearplan: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `yearplan log` at `now`: the text to print, or why nothing was written.
pub fn log_at(args: &LogArgs, now: NaiveDateTime) -> Result<String, String> {
    let mut plan = read(&args.plan)?;
    let hours =
        parse_hours(&args.hours).map_err(|error| format!("hours {:?}: {error}", args.hours))?;
    let category = plan
        .find_category(&args.category)
        .map_err(|error| error.to_string())?;
    let date = args.date.unwrap_or(now.date());
    let entry = TimeEntry {
        id: EntryId(crate::ui::fresh_id_candidate()),
        date,
        category,
        hours,
        note: args.note.clone().unwrap_or_default(),
    };
    apply(&mut plan, &Command::Time(TimeCommand::AddEntry { entry }))?;
    write(&args.plan, &plan)?;
    let name = category_name(&plan, category);
    let week = IsoWeek::of(date);
    let weekly = weekly_hours(&plan);
    let target = plan
        .category(category)
        .map(|c| (c.weekly_min_hours, c.weekly_max_hours));
    // Up to two decimals, so 2:15 reads as the 2.25 h it is.
    let mut text = format!(
        "Logged {} of {name} on {}.",
        format_hours_range(hours, hours),
        format_date(date)
    );
    if let Some((min, max)) = target {
        let _ = write!(
            text,
            " {name} that week: {} of {}.",
            format_hours(weekly.hours(week, category)),
            format_hours_range(min, max)
        );
    }
    text.push('\n');
    Ok(text)
}

/// `yearplan timer` at `now`: the text to print, or why nothing was written.
pub fn timer_at(args: &TimerArgs, now: NaiveDateTime) -> Result<String, String> {
    let mut plan = read(&args.plan)?;
    let plan_path = args.plan.display();
    match &args.action {
        TimerAction::Start { category, note } => {
            let category = plan
                .find_category(category)
                .map_err(|error| error.to_string())?;
            let note = note.clone().unwrap_or_default();
            if let Some(running) = plan
                .timer
                .as_ref()
                .filter(|t| t.category == category && t.note == note.trim())
            {
                return Ok(format!(
                    "The timer already runs on {} (since {}).\n",
                    category_name(&plan, category),
                    format_date_time(running.started)
                ));
            }
            let seed = crate::ui::fresh_id_candidate();
            // The same seed as the command's: what the running timer records.
            let stopped = timer::stop(&plan, now, seed);
            apply(
                &mut plan,
                &Command::Time(TimeCommand::StartTimer {
                    category,
                    note,
                    at: now,
                    seed,
                }),
            )?;
            write(&args.plan, &plan)?;
            let mut text = String::new();
            if let Some(stopped) = stopped {
                let _ = writeln!(
                    text,
                    "Stopped the timer on {}. {}",
                    category_name(&plan, stopped.timer.category),
                    stopped.describe(&plan)
                );
            }
            let _ = writeln!(
                text,
                "Started the timer on {} at {}.",
                category_name(&plan, category),
                now.format("%H:%M")
            );
            Ok(text)
        }
        TimerAction::Stop { at } => {
            let Some(running) = plan.timer.clone() else {
                return Err(format!("no timer is running in {plan_path}"));
            };
            let at = match at {
                Some(text) => stop_time(text, &running, now)?,
                None => now,
            };
            let seed = crate::ui::fresh_id_candidate();
            let stopped = timer::stop(&plan, at, seed);
            apply(
                &mut plan,
                &Command::Time(TimeCommand::StopTimer { at, seed }),
            )?;
            write(&args.plan, &plan)?;
            let mut text = stopped.map_or_else(String::new, |stopped| stopped.describe(&plan));
            text.push('\n');
            if running.is_forgotten(at) {
                let _ = writeln!(
                    text,
                    "It ran {}, more than 12 hours. If it was left running, edit the \
                     entries in the Time tab; the plan before is in the .bak beside it.",
                    format_minutes(running.elapsed_minutes(at))
                );
            }
            Ok(text)
        }
        TimerAction::Cancel => {
            let Some(running) = plan.timer.clone() else {
                return Err(format!("no timer is running in {plan_path}"));
            };
            apply(&mut plan, &Command::Time(TimeCommand::DiscardTimer))?;
            write(&args.plan, &plan)?;
            Ok(format!(
                "Stopped the timer on {} without recording its {}.\n",
                category_name(&plan, running.category),
                format_minutes(running.elapsed_minutes(now))
            ))
        }
        TimerAction::Status { short } => Ok(if *short {
            short_status(&plan, now)
        } else {
            status(&plan, now)
        }),
    }
}

/// When `--at` says the timer stopped: HH:MM on the day it is now (or, if
/// that is before the start, the day it started), or a full date and time.
fn stop_time(
    text: &str,
    running: &timer::Timer,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, String> {
    let at = match parse_date_time(text) {
        Some(at) => at,
        None => {
            let time = NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .map_err(|_| format!("{text:?} is not a time: write HH:MM, or YYYY-MM-DD HH:MM"))?;
            now.date().and_time(time)
        }
    };
    if at > now {
        return Err(format!(
            "{} is later than now ({}); the timer cannot stop in the future",
            format_date_time(at),
            format_date_time(now)
        ));
    }
    if at < running.started {
        return Err(format!(
            "{} is before the timer started ({})",
            format_date_time(at),
            format_date_time(running.started)
        ));
    }
    Ok(at)
}

/// The running timer, then today's and this week's hours per category
/// against the weekly targets.
pub fn status(plan: &Plan, now: NaiveDateTime) -> String {
    let today = now.date();
    let week = IsoWeek::of(today);
    let weekly = weekly_hours(plan);
    let running = plan.timer.as_ref().map(|t| (t, t.running(now)));
    let mut text = String::new();
    match &running {
        Some((timer, figures)) => {
            let note = if timer.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", timer.note)
            };
            let _ = writeln!(
                text,
                "Timer: {} {} since {}{note}",
                category_name(plan, timer.category),
                format_minutes(figures.elapsed_minutes),
                format_date_time(timer.started)
            );
        }
        None => {
            let _ = writeln!(text, "Timer: not running");
        }
    }
    let running_figures = running.map(|(_, figures)| figures);
    let today_total = weekly.day_total(today) + running_figures.map_or(0.0, |r| r.today_hours());
    let _ = writeln!(
        text,
        "Today ({}): {}{}",
        format_date(today),
        format_hours(today_total),
        running_note(running_figures.map(|r| r.today_minutes))
    );
    let _ = writeln!(
        text,
        "This week ({} – {}):",
        format_date(week.monday()),
        format_date(week.sunday())
    );
    let width = plan
        .time_categories
        .iter()
        .map(|category| category.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("Total".len());
    /// A line of the week: its name, hours, target and running minutes.
    struct Row {
        name: String,
        hours: f64,
        target: (f64, f64),
        running: Option<i64>,
    }
    let mut rows: Vec<Row> = plan
        .time_categories
        .iter()
        .map(|category| {
            let ran = running_figures.filter(|r| r.category == category.id);
            Row {
                name: category.name.clone(),
                hours: weekly.hours(week, category.id) + ran.map_or(0.0, |r| r.week_hours()),
                target: (category.weekly_min_hours, category.weekly_max_hours),
                running: ran.map(|r| r.week_minutes),
            }
        })
        .collect();
    rows.push(Row {
        name: "Total".to_owned(),
        hours: rows.iter().map(|row| row.hours).sum(),
        target: crate::model::time::weekly_target_total(plan),
        running: running_figures.map(|r| r.week_minutes),
    });
    for Row {
        name,
        hours,
        target: (min, max),
        running,
    } in rows
    {
        let state = match target_state(hours, min, max) {
            TargetState::Under => format!("{} to go", format_hours(hours_to_minimum(hours, min))),
            TargetState::InRange => "in range".to_owned(),
            TargetState::Over => "over".to_owned(),
        };
        let _ = writeln!(
            text,
            "  {name:<width$}  {:>8}  of {:<10}  {state}{}",
            format_hours(hours),
            format_hours_range(min, max),
            running_note(running)
        );
    }
    text
}

/// One line for a status bar: "● Learning 0:42 · today 3.5 h · week 25.3 of 30–40 h".
pub fn short_status(plan: &Plan, now: NaiveDateTime) -> String {
    let today = now.date();
    let weekly = weekly_hours(plan);
    let running = plan.timer.as_ref().map(|t| (t, t.running(now)));
    let today_hours =
        weekly.day_total(today) + running.as_ref().map_or(0.0, |(_, r)| r.today_hours());
    let week_hours =
        weekly.total(IsoWeek::of(today)) + running.as_ref().map_or(0.0, |(_, r)| r.week_hours());
    let (min, max) = crate::model::time::weekly_target_total(plan);
    let timer = match &running {
        Some((timer, figures)) => format!(
            "● {} {}",
            category_name(plan, timer.category),
            format_minutes(figures.elapsed_minutes)
        ),
        None => "no timer".to_owned(),
    };
    format!(
        "{timer} · today {} · week {:.1} of {}\n",
        format_hours(today_hours),
        week_hours + 0.0,
        format_hours_range(min, max)
    )
}

fn running_note(minutes: Option<i64>) -> String {
    match minutes {
        Some(minutes) if minutes > 0 => format!(" (with {} running)", format_minutes(minutes)),
        Some(_) => " (timer running)".to_owned(),
        None => String::new(),
    }
}

fn category_name(plan: &Plan, id: crate::model::CategoryId) -> String {
    plan.category(id).map_or_else(
        || format!("category {id}"),
        |category| category.name.clone(),
    )
}

fn read(path: &Path) -> Result<Plan, String> {
    load_plan(path).map_err(|error| error.to_string())
}

fn write(path: &Path, plan: &Plan) -> Result<(), String> {
    save_plan(path, plan).map_err(|error| error.to_string())
}

fn apply(plan: &mut Plan, command: &Command) -> Result<(), String> {
    plan.apply(command)
        .map(|_| ())
        .map_err(|error| error.to_string())
}
