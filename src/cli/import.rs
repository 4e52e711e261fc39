//! `yearplan import-hours` and `import-expenses`: a time tracker's, bank's or
//! budget app's export into a plan file, for scripts and cron. What comes in
//! is printed per category or line, and every row that does not with its
//! line and why; the plan is saved atomically with its `.bak`, unless
//! `--dry-run`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::plural;
use crate::io::import::{
    Choices, DateOrder, Importable, OrderVerdict, Preview, SkipReason, preview,
};
use crate::io::{load_plan, read_bytes, save_plan};
use crate::model::command::{Command, MoneyCommand, TimeCommand};
use crate::model::format::format_cents;
use crate::model::import_rules::{ImportBatch, ImportRule};
use crate::model::ledger::{BucketId, LedgerBucket};
use crate::model::{Expense, Plan, TimeEntry};

/// The arguments both import commands take.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The export to read: CSV (any delimiter, encoding or preamble) or `timew export` JSON.
    pub file: PathBuf,
    /// The plan file to add to; saved in place, the old one kept as PLAN.bak.
    #[arg(long, value_name = "PLAN")]
    pub into: PathBuf,
    /// Rows whose text contains TEXT (any case) go to the category or line
    /// NAME, which must exist. For this run; may be given many times; the
    /// first that matches wins.
    #[arg(long = "map", value_name = "TEXT=NAME")]
    pub map: Vec<String>,
    /// How to read slash dates such as 03/04/2024 when the file cannot tell.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrderArg>,
    /// Print what would be added and skipped, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `dmy` (03/04/2024 is 3 April) or `mdy` (March 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DateOrderArg {
    Dmy,
    Mdy,
}

/// What each ledger's command says in its own words.
trait CliLedger: Importable {
    /// "category" or "budget line".
    const BUCKET_WORD: &'static str;
    /// ("entry", "entries") or ("expense", "expenses").
    const RECORD_WORDS: (&'static str, &'static str);
    fn total_text(total: f64, plan: &Plan) -> String;
    fn command(batch: ImportBatch<Self>) -> Command;
}

impl CliLedger for TimeEntry {
    const BUCKET_WORD: &'static str = "category";
    const RECORD_WORDS: (&'static str, &'static str) = ("entry", "entries");

    fn total_text(hours: f64, _plan: &Plan) -> String {
        format!("{hours:.2} h")
    }

    fn command(batch: ImportBatch<TimeEntry>) -> Command {
        Command::Time(TimeCommand::Import(batch))
    }
}

impl CliLedger for Expense {
    const BUCKET_WORD: &'static str = "budget line";
    const RECORD_WORDS: (&'static str, &'static str) = ("expense", "expenses");

    #[allow(clippy::cast_possible_truncation)] // totals of i64 cents, held exactly in an f64
    fn total_text(cents: f64, plan: &Plan) -> String {
        format_cents(cents.round() as i64, &plan.currency_symbol)
    }

    fn command(batch: ImportBatch<Expense>) -> Command {
        Command::Money(MoneyCommand::Import(batch))
    }
}

pub fn import_hours(args: &ImportArgs) -> ExitCode {
    run::<TimeEntry>(args)
}

pub fn import_expenses(args: &ImportArgs) -> ExitCode {
    run::<Expense>(args)
}

fn run<R: CliLedger>(args: &ImportArgs) -> ExitCode {
    let mut plan = match load_plan(&args.into) {
        Ok(plan) => plan,
        Err(error) => return fail(&error.to_string()),
    };
    let bytes = match read_bytes(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&error.to_string()),
    };
    let rules = match map_rules::<R>(&args.map, &plan) {
        Ok(rules) => rules,
        Err(message) => return fail(&message),
    };
    let choices = Choices {
        date_order: args.date_order.map(|order| match order {
            DateOrderArg::Dmy => DateOrder::DayMonth,
            DateOrderArg::Mdy => DateOrder::MonthDay,
        }),
        rules,
        ..Choices::default()
    };
    let preview = preview::<R>(&bytes, &plan, &choices);
    print!("{}", report(&preview, &args.file, &plan));
    if !preview.problems.is_empty() {
        for problem in &preview.problems {
            eprintln!("yearplan: {problem}");
        }
        return fail(&format!(
            "nothing was imported and {} was not changed",
            args.into.display()
        ));
    }
    if nothing_readable(&preview) {
        return fail(&format!(
            "no row of {} could be read as {}; {} was not changed",
            args.file.display(),
            R::RECORD_WORDS.1,
            args.into.display()
        ));
    }
    if preview.batch.records.is_empty() {
        let unmapped = preview
            .skipped
            .iter()
            .filter(|row| matches!(row.reason, SkipReason::Unmapped { .. }))
            .count();
        if unmapped > 0 {
            let rows = plural(unmapped, "row is", "rows are");
            println!(
                "{unmapped} {rows} not mapped: add --map TEXT=NAME (TEXT is any part of \
                 the row, NAME a {} of the plan).",
                R::BUCKET_WORD
            );
        }
        println!("Nothing new to add; {} is unchanged.", args.into.display());
        return ExitCode::SUCCESS;
    }
    if args.dry_run {
        println!("Dry run: {} was not changed.", args.into.display());
        return ExitCode::SUCCESS;
    }
    let count = preview.batch.records.len();
    if let Err(error) = plan.apply(&R::command(preview.batch)) {
        return fail(&format!("the import was refused: {error}"));
    }
    match save_plan(&args.into, &plan) {
        Ok(()) => {
            println!(
                "Added {count} {} to {} (the previous version is kept as {}).",
                records_word::<R>(count),
                args.into.display(),
                crate::io::backup_path(&args.into).display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error.to_string()),
    }
}

/// `TEXT=NAME` as a rule into the bucket named NAME (any case), split at the
/// last `=` so the text may hold one.
fn map_rules<R: CliLedger>(
    maps: &[String],
    plan: &Plan,
) -> Result<Vec<ImportRule<BucketId<R>>>, String> {
    maps.iter()
        .map(|map| {
            let Some((text, name)) = map.rsplit_once('=') else {
                return Err(format!("--map {map:?} needs the form TEXT=NAME"));
            };
            if text.trim().is_empty() {
                return Err(format!(
                    "--map {map:?} has no text to look for before the ="
                ));
            }
            let bucket = R::buckets(plan)
                .iter()
                .find(|bucket| bucket.name().trim().eq_ignore_ascii_case(name.trim()));
            match bucket {
                Some(bucket) => Ok(ImportRule {
                    contains: text.trim().to_owned(),
                    into: Some(bucket.id()),
                }),
                None => {
                    let names: Vec<&str> =
                        R::buckets(plan).iter().map(LedgerBucket::name).collect();
                    Err(format!(
                        "--map {map:?}: the plan has no {} named {:?} (it has: {})",
                        R::BUCKET_WORD,
                        name.trim(),
                        names.join(", ")
                    ))
                }
            }
        })
        .collect()
}

/// No row was a record, a duplicate of one, or one the person must map:
/// the file holds nothing this ledger can use.
fn nothing_readable<R: CliLedger>(preview: &Preview<R>) -> bool {
    preview.batch.records.is_empty()
        && preview.skipped.iter().all(|row| {
            matches!(
                row.reason,
                SkipReason::Preamble { .. } | SkipReason::Footer | SkipReason::Unreadable { .. }
            )
        })
}

/// What the command prints: what the file is, what comes in per bucket,
/// and every row skipped with its line and reason.
fn report<R: CliLedger>(preview: &Preview<R>, file: &Path, plan: &Plan) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Read {}: {}, {} rows ({}).",
        file.display(),
        preview.recognised,
        preview.rows,
        preview.encoding
    );
    if preview.date_verdict != OrderVerdict::NotNeeded
        && let Some(used) = preview.date_order
    {
        let _ = writeln!(text, "Slash dates read as {}.", order_text(used));
    }
    let records = &preview.batch.records;
    let _ = writeln!(
        text,
        "To add: {} {}.",
        records.len(),
        records_word::<R>(records.len())
    );
    let buckets = R::buckets(plan);
    for bucket in buckets {
        let mine: Vec<&R> = records
            .iter()
            .filter(|r| r.bucket() == bucket.id())
            .collect();
        if mine.is_empty() {
            continue;
        }
        let total: f64 = mine
            .iter()
            .map(|record| R::amount(&record.quantity()))
            .sum();
        let _ = writeln!(
            text,
            "  {}: {} {}, {}",
            bucket.name(),
            mine.len(),
            records_word::<R>(mine.len()),
            R::total_text(total, plan)
        );
    }
    if !preview.skipped.is_empty() {
        let skipped = preview.skipped.len();
        let _ = writeln!(
            text,
            "Skipped {skipped} {}:",
            plural(skipped, "row", "rows")
        );
        for row in &preview.skipped {
            let shown = if row.text.is_empty() {
                String::new()
            } else {
                format!("  | {}", row.text.replace(['\r', '\n'], " "))
            };
            let _ = writeln!(text, "  line {}: {}{shown}", row.line, row.reason);
        }
        let counts: Vec<String> = preview
            .skipped_by_kind()
            .into_iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        let _ = writeln!(text, "Skipped by reason: {}.", counts.join(", "));
    }
    text
}

fn records_word<R: CliLedger>(count: usize) -> &'static str {
    let (one, many) = R::RECORD_WORDS;
    plural(count, one, many)
}

fn order_text(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayMonth => "day/month/year",
        DateOrder::MonthDay => "month/day/year",
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("yearplan: {message}");
    ExitCode::FAILURE
}
