//! A ledger as CSV, for hours and money alike: `date,<bucket>,<quantity>,note`,
//! one record a row. Export writes ISO dates, buckets by name (by id where a
//! name would not read back as the same bucket) and notes quoted when they
//! need to be. Reading it back is the import pipeline's (`io::import`), which
//! knows this file as Yearplan's own export.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::import::recognise::folded;
use crate::model::Plan;
use crate::model::ledger::{BucketId, LedgerBucket, LedgerRecord};

/// What one kind of record's CSV file adds to the ledger's.
pub trait LedgerCsv: LedgerRecord {
    /// The header row export writes, e.g. `date,category,hours,note`.
    const HEADER: &'static str;

    /// The quantity as export writes it: text the importer reads back to the
    /// same value, and that never needs quotes.
    fn quantity_text(&self) -> String;
}

/// The plan's records of kind `R` as CSV, oldest first (records of one day
/// in the plan's order), with a header row.
///
/// Quoting is written here rather than by `csv::Writer`: writing to a string
/// cannot fail, and the writer's `Result`s would have nowhere honest to go
/// from a function that returns the text. The round-trip tests read it back
/// through the import.
pub fn ledger_to_csv<R: LedgerCsv>(plan: &Plan) -> String {
    let names = names_for_export::<R>(plan);
    let mut records: Vec<&R> = R::records(plan).iter().collect();
    records.sort_by_key(|record| record.date());
    let mut text = String::with_capacity(40 * (records.len() + 1));
    text.push_str(R::HEADER);
    text.push('\n');
    for record in records {
        let bucket = names
            .get(&record.bucket())
            .cloned()
            .unwrap_or_else(|| record.bucket().into().to_string());
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

/// Each bucket whose name reads back as it: a name no other bucket shares
/// (as the import compares them: trimmed, any case), not empty, and not the
/// id of another bucket. The others are written as their ids.
fn names_for_export<R: LedgerCsv>(plan: &Plan) -> HashMap<BucketId<R>, String> {
    let buckets = R::buckets(plan);
    let mut uses: HashMap<String, usize> = HashMap::new();
    for bucket in buckets {
        *uses.entry(folded(bucket.name())).or_insert(0) += 1;
    }
    let ids: HashSet<String> = buckets
        .iter()
        .map(|bucket| bucket.id().into().to_string())
        .collect();
    buckets
        .iter()
        .filter(|bucket| {
            let name = folded(bucket.name());
            !name.is_empty()
                && uses.get(&name) == Some(&1)
                && (!ids.contains(&name) || name == bucket.id().into().to_string())
        })
        .map(|bucket| (bucket.id(), bucket.name().trim().to_owned()))
        .collect()
}

/// `field` as a CSV field: quoted, with quotes doubled, when it holds
/// anything a reader could split on or trim (`,`, `;` and tab, so the file
/// reads the same whichever delimiter is sniffed).
fn quoted(field: &str) -> Cow<'_, str> {
    let needs_quotes = field.contains([',', ';', '\t', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}
