//! A ledger as CSV, for hours and money alike: `date,<bucket>,<quantity>,note`,
//! one record a row. Export writes ISO dates, buckets by name (by id where a
//! name would not read back as the same bucket) and notes quoted when they
//! need to be; import reads every row against the plan's buckets and reports
//! each row it leaves out, with its line and why.
//!
//! What a kind of record adds is [`LedgerCsv`]: its header and column words,
//! how its quantity is written and how it is read. The row mechanics under
//! both (delimiters, quotes, line numbers, dates, names) are in `csv_rows`.

use std::fmt::Write as _;

use super::csv_rows::{Names, quoted, read_row, read_rows};
use crate::model::Plan;
use crate::model::ledger::{BucketId, LedgerBucket, LedgerRecord};

pub use super::csv_rows::{Format, RejectedRow};

/// What one kind of record's CSV file adds to the ledger's.
pub trait LedgerCsv: LedgerRecord {
    const FORMAT: Format;

    /// The quantity as export writes it: text the importer reads back to the
    /// same value, and that never needs quotes.
    fn quantity_text(&self) -> String;

    /// The quantity field of a row, or why the row is left out.
    fn parse_quantity(text: &str, plan: &Plan) -> Result<Self::Quantity, String>;
}

/// What an import would add, and what it had to leave out.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerImport<R> {
    /// The rows that can be added, in the order of the file.
    pub records: Vec<R>,
    pub rejected: Vec<RejectedRow>,
}

/// The plan's records of kind `R` as CSV, oldest first (records of one day
/// in the plan's order), with a header row.
///
/// Quoting is written here rather than by `csv::Writer`: writing to a string
/// cannot fail, and the writer's `Result`s would have nowhere honest to go
/// from a function that returns the text. The round-trip tests read it back
/// with the `csv` crate.
pub fn ledger_to_csv<R: LedgerCsv>(plan: &Plan) -> String {
    let buckets = bucket_names::<R>(plan);
    let mut records: Vec<&R> = R::records(plan).iter().collect();
    records.sort_by_key(|record| record.date());
    let mut text = String::with_capacity(40 * (records.len() + 1));
    text.push_str(R::FORMAT.header);
    text.push('\n');
    for record in records {
        let name = plan
            .ledger_bucket::<R>(record.bucket())
            .map(LedgerBucket::name);
        let bucket = buckets.name_for_export(record.bucket(), name);
        // Writing to a String cannot fail.
        let _ = writeln!(
            text,
            "{},{},{},{}",
            record.date(),
            quoted(&bucket),
            record.quantity_text(),
            quoted(record.note())
        );
    }
    text
}

/// Reads a CSV of records of kind `R` against `plan`'s buckets. Never fails
/// as a whole: every row is either a record or a rejected row with a reason.
pub fn parse_ledger_csv<R: LedgerCsv>(text: &str, plan: &Plan) -> LedgerImport<R> {
    let buckets = bucket_names::<R>(plan);
    let (records, rejected) = read_rows(text, &R::FORMAT, |record| {
        let row = read_row(record, &buckets, |quantity| {
            R::parse_quantity(quantity, plan)
        })?;
        Ok(R::new(row.date, row.id, row.value, row.note))
    });
    LedgerImport { records, rejected }
}

fn bucket_names<R: LedgerCsv>(plan: &Plan) -> Names<BucketId<R>> {
    Names::new(
        R::FORMAT.bucket,
        R::buckets(plan)
            .iter()
            .map(|bucket| (bucket.name(), bucket.id())),
    )
}

/// What the tests of `csv_time` and `csv_money` share.
#[cfg(test)]
pub(super) mod testing {
    #![allow(clippy::unwrap_used)]

    use chrono::NaiveDate;

    use super::RejectedRow;

    pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    /// Each rejected row's line and reason, to compare at a glance.
    pub fn reasons(rejected: &[RejectedRow]) -> Vec<(usize, &str)> {
        rejected
            .iter()
            .map(|row| (row.line, row.reason.as_str()))
            .collect()
    }

    /// 2,000 pairs of texts no import may panic on: random bytes, and random
    /// picks from the characters CSV cares about and `row_pieces` (what one
    /// kind's rows are made of). The same pairs every run, so a failure
    /// repeats.
    pub fn random_texts(row_pieces: &[&str]) -> Vec<(String, String)> {
        let before = ["\"", "\"\"", ",", ";", "\n", "\r\n", "\r", "2026-03-02"];
        let after = ["\u{feff}", "é", " ", "date", "\0"];
        let pieces: Vec<&str> = before
            .into_iter()
            .chain(row_pieces.iter().copied())
            .chain(after)
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts = Vec::new();
        for _ in 0..2_000 {
            let len = usize::try_from(next() % 64).unwrap();
            let bytes: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
            let bytes = String::from_utf8_lossy(&bytes).into_owned();
            let picked: String = (0..len)
                .map(|_| pieces[usize::try_from(next() % pieces.len() as u64).unwrap()])
                .collect();
            texts.push((bytes, picked));
        }
        texts
    }
}
