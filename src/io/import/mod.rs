//! Bringing in the year a person already has: the exports of time trackers,
//! banks and budget apps. One pipeline for hours and expenses alike:
//!
//! bytes → text ([`text`]) → table ([`table`], or `timew export` JSON) →
//! the export recognised by its header and its columns chosen
//! ([`recognise`]) → each row's values parsed ([`dates`], [`durations`],
//! [`amounts`]) → mapped to a category or budget line ([`mapping`]) →
//! records, less those the plan already has.
//!
//! Every row that does not come in is reported with its line and why. Nothing
//! here changes a plan: the result is a [`Preview`] whose `batch` the caller
//! applies, once the person agrees, as one command.

pub mod amounts;
pub mod dates;
pub mod durations;
mod json;
mod lines;
pub mod mapping;
mod pipeline;
pub mod recognise;
mod rows;
mod table;
pub mod text;

use std::fmt;

pub use dates::{DateOrder, OrderVerdict};
pub use durations::DurationUnit;
pub use mapping::{MapTo, MappedBy, Mapping};
pub use pipeline::{Importable, ledger_of_file, preview};
pub use recognise::{Columns, Ledger, Spending};

use crate::model::import_rules::{ImportBatch, ImportRule};
use crate::model::ledger::{BucketId, LedgerRecord};

/// Why a row of the file does not come in.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// Lines of account details before the header row.
    Preamble { lines: usize },
    /// A row with no date among rows with dates: a footer or a totals row.
    Footer,
    /// Money in: income or a refund, which is not spending.
    Income,
    /// Money moved between the person's own accounts.
    Transfer,
    /// A starting or opening balance.
    Balance,
    /// An hledger posting to an account that is not an expense.
    NotSpending { account: String },
    /// Nothing to add: no time or no money.
    Zero,
    /// More hours in one entry than a day has.
    TooLong { hours: f64 },
    /// Money in another currency than the plan's.
    OtherCurrency { found: String, plan: String },
    /// The plan has this record already.
    Duplicate,
    /// No rule, choice or name says where the row's value goes.
    Unmapped { value: String },
    /// The person chose to leave this value out.
    LeftOut { value: String },
    /// The slash date reads both ways and the order is not chosen.
    NeedsDateOrder { date: String },
    /// A value does not parse, or the row could not be read.
    Unreadable { reason: String },
}

impl SkipReason {
    /// What the report counts rows under: "duplicate", "income".
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Preamble { .. } => "preamble",
            SkipReason::Footer => "footer or totals row",
            SkipReason::Income => "income or refund",
            SkipReason::Transfer => "transfer",
            SkipReason::Balance => "balance",
            SkipReason::NotSpending { .. } => "not an expense account",
            SkipReason::Zero => "zero",
            SkipReason::TooLong { .. } => "more than a day",
            SkipReason::OtherCurrency { .. } => "other currency",
            SkipReason::Duplicate => "duplicate",
            SkipReason::Unmapped { .. } => "unmapped",
            SkipReason::LeftOut { .. } => "left out",
            SkipReason::NeedsDateOrder { .. } => "date order not chosen",
            SkipReason::Unreadable { .. } => "unreadable",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Preamble { lines } => write!(
                f,
                "The {lines} line(s) before the header are the export's own details, not rows."
            ),
            SkipReason::Footer => write!(f, "No date: a footer or totals row."),
            SkipReason::Income => write!(f, "Money in (income or a refund) is not spending."),
            SkipReason::Transfer => write!(f, "A transfer between accounts is not spending."),
            SkipReason::Balance => write!(f, "A balance is not spending."),
            SkipReason::NotSpending { account } => {
                write!(f, "The account {account:?} is not an expense account.")
            }
            SkipReason::Zero => write!(f, "Nothing to add: the duration or amount is zero."),
            SkipReason::TooLong { hours } => {
                write!(f, "{hours:.2} hours is more than a day has.")
            }
            SkipReason::OtherCurrency { found, plan } => write!(
                f,
                "The amount is in {found} and the plan counts in {plan}; it is not converted."
            ),
            SkipReason::Duplicate => write!(f, "The plan already has this record."),
            SkipReason::Unmapped { value } if value.is_empty() => write!(
                f,
                "Nothing says where this row goes; add a rule or choose a column."
            ),
            SkipReason::Unmapped { value } => write!(
                f,
                "{value:?} is not mapped to anything in the plan; map it or add a rule."
            ),
            SkipReason::LeftOut { value } => write!(f, "{value:?} is left out, as chosen."),
            SkipReason::NeedsDateOrder { date } => write!(
                f,
                "{date} reads both as day/month and as month/day; choose the date order."
            ),
            SkipReason::Unreadable { reason } => f.write_str(reason),
        }
    }
}

/// A row of the file that does not come in.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRow {
    /// The line the row starts on, counted from 1.
    pub line: usize,
    /// The row as written, shortened when long.
    pub text: String,
    pub reason: SkipReason,
}

/// What the person has chosen, on the command line or in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices<Id> {
    /// The columns, when not as recognised.
    pub columns: Option<Columns>,
    /// How ambiguous slash dates read, when the file does not settle it.
    pub date_order: Option<DateOrder>,
    /// Where each value of the file goes, chosen in the mapping table.
    pub mapping: Vec<(String, MapTo<Id>)>,
    /// Rules for this import only (`--map`), tried before the plan's.
    pub rules: Vec<ImportRule<Id>>,
    /// Rules made in the preview ("rows containing BUCHLADEN go to Books"):
    /// tried after `rules` and before the plan's, and kept in the plan with
    /// the import, so that next month's statement maps itself.
    pub kept_rules: Vec<ImportRule<Id>>,
    /// Where the ids of new buckets start; the app passes a random one so
    /// that plans edited apart still merge.
    pub id_candidate: u64,
}

impl<Id> Default for Choices<Id> {
    fn default() -> Self {
        Choices {
            columns: None,
            date_order: None,
            mapping: Vec::new(),
            rules: Vec::new(),
            kept_rules: Vec::new(),
            id_candidate: 1,
        }
    }
}

/// One distinct value of the file's bucket column, as the mapping table
/// lists it.
#[derive(Clone)]
pub struct ValueTotal<R: LedgerRecord> {
    /// As written in the file (the first spelling seen).
    pub value: String,
    /// Rows with this value that can come in once it is mapped.
    pub rows: usize,
    /// Hours, or cents.
    pub total: f64,
    /// Where the first of its rows goes.
    pub mapping: Mapping<BucketId<R>>,
}

/// What importing a file would do, for the person to look at first.
pub struct Preview<R: LedgerRecord> {
    /// What the file was recognised as: "Toggl Track detailed export".
    pub recognised: String,
    /// The data rows read, skipped ones included.
    pub rows: usize,
    pub encoding: &'static str,
    /// `,`, `;` or a tab; JSON for `timew export`.
    pub delimiter: Option<char>,
    /// The columns' names, or `Column 1`… when the file has no header.
    pub header: Vec<String>,
    pub has_header: bool,
    /// The columns read.
    pub columns: Columns,
    pub unit: Option<DurationUnit>,
    /// What the dates say about their order, and the order used.
    pub date_verdict: OrderVerdict,
    pub date_order: Option<DateOrder>,
    /// The file's values with their totals, largest first.
    pub values: Vec<ValueTotal<R>>,
    /// The lines of the rows that come in, one for each record of `batch`.
    pub record_lines: Vec<usize>,
    pub skipped: Vec<SkippedRow>,
    /// What is wrong with the file as a whole, as sentences; when there is
    /// any, `batch` holds nothing.
    pub problems: Vec<String>,
    /// Notes on the file that do not stop it: "Amounts in EUR".
    pub notes: Vec<String>,
    /// The new buckets, rules and records to apply as one command.
    pub batch: ImportBatch<R>,
}

impl<R: LedgerRecord> Preview<R> {
    /// The skipped rows counted by kind, in the order kinds first appear.
    pub fn skipped_by_kind(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for row in &self.skipped {
            let kind = row.reason.kind();
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, count)) => *count += 1,
                None => counts.push((kind, 1)),
            }
        }
        counts
    }
}
