//! The pipeline's driver: what is the same for hours and expenses, once.
//! A first pass over the rows settles what the whole file decides (the date
//! order, the decimal mark, the duration unit); a second reads each row into
//! a record or a reason, maps it and drops what the plan already has.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::amounts::{currency_code, settle_decimal_mark};
use super::dates::{OrderVerdict, settle_order};
use super::durations::guess_unit;
use super::json::{self, JsonRow};
use super::mapping::{Mapper, Mapping};
use super::recognise::{
    Columns, Ledger, columns_from_content, columns_from_header, folded, known_export,
};
use super::rows::{Fields, Reading, not_spending, row_date, row_hours, row_spent};
use super::table::{BrokenRow, Table};
use super::text::decode;
use super::{Choices, Preview, SkipReason, SkippedRow, ValueTotal};
use crate::model::ids::FreshIds;
use crate::model::import_rules::{ImportBatch, ImportRule};
use crate::model::ledger::{BucketId, LedgerBucket, LedgerRecord};
use crate::model::{BudgetKind, BudgetLine, Expense, Plan, TimeCategory, TimeEntry};

/// Rows looked at to guess the columns of a file without a header.
const ROWS_TO_GUESS: usize = 200;
/// Durations looked at to guess their unit.
const DURATIONS_TO_GUESS: usize = 500;

/// A ledger the pipeline can import into: what its rows add and how.
pub trait Importable: LedgerRecord {
    const LEDGER: Ledger;
    /// The plan's import rules for this ledger.
    fn plan_rules(plan: &Plan) -> &[ImportRule<BucketId<Self>>];
    /// A row's quantity, or why it has none.
    fn read_quantity(fields: &Fields, reading: &Reading) -> Result<Self::Quantity, SkipReason>;
    /// The quantity as the mapping table adds it up: hours, or cents.
    fn amount(quantity: &Self::Quantity) -> f64;
    /// What the duplicate check compares the quantity by.
    fn quantity_key(quantity: &Self::Quantity) -> u64;
    /// A new bucket for a value the person sends to a new one.
    fn new_bucket(id: BucketId<Self>, name: String) -> Self::Bucket;
    /// Whether a row is not a record of this ledger by what it says
    /// (a transfer or a balance), before its quantity is read.
    fn not_a_record(_value: &str, _texts: &[&str]) -> Option<SkipReason> {
        None
    }
}

impl Importable for TimeEntry {
    const LEDGER: Ledger = Ledger::Hours;

    fn plan_rules(plan: &Plan) -> &[ImportRule<BucketId<Self>>] {
        &plan.import_rules.hours
    }

    fn read_quantity(fields: &Fields, reading: &Reading) -> Result<f64, SkipReason> {
        row_hours(fields, reading)
    }

    fn amount(hours: &f64) -> f64 {
        *hours
    }

    /// To the second, as imports read hours: an entry typed as 0.4567891 h
    /// is the 0:27:24 an export of it says.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // at most 86,400 s
    fn quantity_key(hours: &f64) -> u64 {
        (hours * 3600.0).round().max(0.0) as u64
    }

    fn new_bucket(id: BucketId<Self>, name: String) -> TimeCategory {
        TimeCategory {
            id,
            name,
            weekly_min_hours: 0.0,
            weekly_max_hours: 0.0,
        }
    }
}

impl Importable for Expense {
    const LEDGER: Ledger = Ledger::Expenses;

    fn plan_rules(plan: &Plan) -> &[ImportRule<BucketId<Self>>] {
        &plan.import_rules.expenses
    }

    fn read_quantity(fields: &Fields, reading: &Reading) -> Result<i64, SkipReason> {
        row_spent(fields, reading)
    }

    #[allow(clippy::cast_precision_loss)] // cents stay far below 2^53
    fn amount(cents: &i64) -> f64 {
        *cents as f64
    }

    fn quantity_key(cents: &i64) -> u64 {
        u64::from_ne_bytes(cents.to_ne_bytes())
    }

    fn new_bucket(id: BucketId<Self>, name: String) -> BudgetLine {
        BudgetLine {
            id,
            name,
            kind: BudgetKind::Monthly { cents: 0 },
        }
    }

    fn not_a_record(value: &str, texts: &[&str]) -> Option<SkipReason> {
        not_spending(value, texts)
    }
}

/// Where the rows come from: a table, or timewarrior's intervals.
enum Source<'t> {
    Table(Table<'t>),
    Json(Vec<JsonRow>),
}

impl Source<'_> {
    /// Calls `each` with every data row, or the reason a row is unreadable.
    fn for_each(&self, mut each: impl FnMut(Result<(usize, &csv::StringRecord, &str), BrokenRow>)) {
        match self {
            Source::Table(table) => {
                let mut rows = table.rows();
                while let Some(row) = rows.next_row() {
                    each(
                        row.as_ref()
                            .map(|row| (row.line, row.record, row.text.as_str()))
                            .map_err(Clone::clone),
                    );
                }
            }
            Source::Json(rows) => {
                for row in rows {
                    each(Ok((row.line, &row.record, row.text.as_str())));
                }
            }
        }
    }
}

/// Which ledger a file is for, when nobody said: its export's, or what its
/// columns hold.
pub fn ledger_of_file(bytes: &[u8]) -> Option<Ledger> {
    let decoded = decode(bytes);
    if decoded.text.trim_start().starts_with('[') {
        return Some(Ledger::Hours);
    }
    let table = Table::new(&decoded.text);
    super::recognise::ledger_of(table.header.as_deref()?)
}

/// What importing `bytes` into `plan`'s ledger of `R` would do, with the
/// person's `choices`. Never fails: a file that cannot be read is a preview
/// with problems and nothing to add.
pub fn preview<R: Importable>(
    bytes: &[u8],
    plan: &Plan,
    choices: &Choices<BucketId<R>>,
) -> Preview<R> {
    let decoded = decode(bytes);
    let text: &str = &decoded.text;
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut skipped = Vec::new();

    let (source, header, has_header, recognised, delimiter) = if text.trim_start().starts_with('[')
    {
        let rows = json::read_intervals(text).unwrap_or_else(|problem| {
            problems.push(problem);
            Vec::new()
        });
        let header = json::HEADER.iter().map(|name| (*name).to_owned()).collect();
        (
            Source::Json(rows),
            header,
            true,
            "timewarrior export (JSON)".to_owned(),
            None,
        )
    } else {
        let table = Table::new(text);
        if table.preamble_lines > 0 {
            skipped.push(SkippedRow {
                line: 1,
                text: String::new(),
                reason: SkipReason::Preamble {
                    lines: table.preamble_lines,
                },
            });
        }
        let delimiter = Some(char::from(table.delimiter));
        match table.header.clone() {
            Some(header) => {
                let recognised = known_export(&header)
                    .map_or_else(|| "a CSV file".to_owned(), |export| export.name.to_owned());
                (Source::Table(table), header, true, recognised, delimiter)
            }
            None => {
                let header = (1..=table.width.max(1))
                    .map(|n| format!("Column {n}"))
                    .collect();
                (
                    Source::Table(table),
                    header,
                    false,
                    "a file without a header row".to_owned(),
                    delimiter,
                )
            }
        }
    };

    let columns = match &choices.columns {
        Some(columns) => columns.clone(),
        None if has_header => {
            let export = if matches!(source, Source::Json(_)) {
                None
            } else {
                known_export(&header)
            };
            columns_from_header(&header, R::LEDGER, export)
        }
        None => columns_from_content(&first_rows(&source), R::LEDGER),
    };

    // The first pass: what the whole file decides.
    let mut dates = Vec::new();
    let mut durations = Vec::new();
    let mut amounts = Vec::new();
    let mut rows = 0;
    source.for_each(|row| {
        rows += 1;
        let Ok((_, record, _)) = row else { return };
        let fields = Fields { record };
        let date = match fields.get(columns.date) {
            "" => fields.get(columns.start),
            date => date,
        };
        if !date.is_empty() {
            dates.push(date.to_owned());
        }
        if durations.len() < DURATIONS_TO_GUESS && !fields.get(columns.duration).is_empty() {
            durations.push(fields.get(columns.duration).to_owned());
        }
        for column in [columns.amount, columns.outflow, columns.inflow] {
            if !fields.get(column).is_empty() {
                amounts.push(fields.get(column).to_owned());
            }
        }
    });
    let date_verdict = settle_order(dates.iter().map(String::as_str));
    drop(dates);
    let date_order = choices.date_order.or(match date_verdict {
        OrderVerdict::Settled(order) => Some(order),
        _ => None,
    });
    if date_order.is_none()
        && matches!(
            date_verdict,
            OrderVerdict::Undecided | OrderVerdict::Conflicting
        )
    {
        problems.push(
            "Every slash date in this file reads both as day/month and as month/day \
             (or some read only one way and some only the other), so the file cannot \
             say which it means. Choose the date order (on the command line \
             --date-order dmy or mdy)."
                .to_owned(),
        );
    }
    let unit = columns.unit.unwrap_or_else(|| {
        let name = columns
            .duration
            .and_then(|index| header.get(index))
            .map_or("", String::as_str);
        let samples: Vec<&str> = durations.iter().map(String::as_str).collect();
        guess_unit(name, &samples)
    });
    let mark = settle_decimal_mark(amounts.iter().map(String::as_str));
    drop(amounts);
    check_columns(&columns, R::LEDGER, &mut problems);
    let plan_currency = currency_code(&plan.currency_symbol);
    if let Some(code) = &plan_currency {
        notes.push(format!(
            "Amounts are compared with the plan's currency, {code}."
        ));
    }
    let reading = Reading {
        columns: &columns,
        date_order,
        unit,
        mark,
        plan_currency: plan_currency.as_deref(),
        plan_symbol: &plan.currency_symbol,
        column_currency: [columns.amount, columns.outflow, columns.inflow]
            .into_iter()
            .flatten()
            .find_map(|index| header.get(index).and_then(|name| named_currency(name))),
    };

    // The second pass: each row into a record or a reason.
    // Yearplan's own export writes a bucket's id where its name would not
    // read back as that bucket (a name two share, an empty one, another's
    // id), so there its ids come first.
    let own_ids = known_export(&header).is_some_and(|export| export.buckets_by_id);
    let by_name = R::buckets(plan)
        .iter()
        .map(|bucket| (bucket.name().to_owned(), bucket.id()));
    let by_id = R::buckets(plan)
        .iter()
        .filter(|_| own_ids)
        .map(|bucket| (bucket.id().into().to_string(), bucket.id()));
    let run_rules: Vec<ImportRule<BucketId<R>>> = choices
        .rules
        .iter()
        .chain(&choices.kept_rules)
        .cloned()
        .collect();
    let mapper = Mapper::new(
        &choices.mapping,
        &run_rules,
        R::plan_rules(plan),
        by_id.chain(by_name),
        own_ids,
    );
    let mut have = existing::<R>(plan);
    let mut values: Vec<ValueTotal<R>> = Vec::new();
    let mut value_index: HashMap<String, usize> = HashMap::new();
    let mut new_buckets: Vec<R::Bucket> = Vec::new();
    let mut records = Vec::new();
    let mut record_lines = Vec::new();
    // Mixed, so the records' ids are not the new buckets' ids counted on.
    let mut ids = FreshIds::new(choices.id_candidate ^ 0x0005_EED0_F1D5);
    let used_columns = [
        columns.date,
        columns.start,
        columns.end,
        columns.duration,
        columns.amount,
        columns.outflow,
        columns.inflow,
        columns.currency,
    ];
    // A row too short to reach a column read is refused rather than read
    // shifted: one field missing in the middle moves every later one.
    let widest = used_columns
        .iter()
        .chain(&[columns.bucket])
        .flatten()
        .chain(&columns.notes)
        .copied()
        .max()
        .unwrap_or(0);
    source.for_each(|row| {
        let (line, record, raw) = match row {
            Ok(row) => row,
            Err(broken) => {
                skipped.push(SkippedRow {
                    line: broken.line,
                    text: broken.text,
                    reason: SkipReason::Unreadable {
                        reason: broken.reason,
                    },
                });
                return;
            }
        };
        let skip = |reason: SkipReason| SkippedRow {
            line,
            text: raw.to_owned(),
            reason,
        };
        if has_header && record.len() < header.len() && record.len() <= widest {
            skipped.push(skip(SkipReason::Unreadable {
                reason: format!(
                    "This row has {} fields and the header {}, so which value is which \
                     cannot be told.",
                    record.len(),
                    header.len()
                ),
            }));
            return;
        }
        let fields = Fields { record };
        let value = match fields.get(columns.bucket) {
            "" if R::LEDGER == Ledger::Expenses => fields.get(columns.notes.first().copied()),
            value => value,
        };
        let texts: Vec<&str> = record
            .iter()
            .enumerate()
            .filter(|(index, _)| !used_columns.contains(&Some(*index)))
            .map(|(_, text)| super::table::clean(text))
            .filter(|text| !text.is_empty())
            .collect();
        let parsed = read_row::<R>(&fields, &reading, value, &texts);
        let (date, quantity) = match parsed {
            Ok(parsed) => parsed,
            Err(reason) => {
                skipped.push(skip(reason));
                return;
            }
        };
        let mapping = mapper.map(value, &texts);
        let key = value.to_lowercase();
        let index = *value_index.entry(key).or_insert_with(|| {
            values.push(ValueTotal {
                value: value.to_owned(),
                rows: 0,
                total: 0.0,
                mapping: mapping.clone(),
            });
            values.len() - 1
        });
        if let Some(total) = values.get_mut(index) {
            total.rows += 1;
            total.total += R::amount(&quantity);
        }
        let bucket = match mapping {
            Mapping::Bucket(id, _) => id,
            Mapping::New(name) => {
                new_bucket_id::<R>(plan, &mut new_buckets, name, choices.id_candidate)
            }
            Mapping::Nowhere(_) => {
                skipped.push(skip(SkipReason::LeftOut {
                    value: value.to_owned(),
                }));
                return;
            }
            Mapping::Unmapped => {
                skipped.push(skip(SkipReason::Unmapped {
                    value: value.to_owned(),
                }));
                return;
            }
        };
        let bucket_name = R::buckets(plan)
            .iter()
            .chain(new_buckets.iter())
            .find(|b| b.id() == bucket)
            .map_or("", LedgerBucket::name);
        let says_bucket =
            same_name(value, bucket_name) || (own_ids && value.trim() == bucket.into().to_string());
        let note = note_of((!says_bucket).then_some(value), &columns.notes, &fields);
        let key = (
            date,
            bucket.into(),
            R::quantity_key(&quantity),
            note_key(&note),
        );
        if let Some(count) = have.get_mut(&key).filter(|count| **count > 0) {
            *count -= 1;
            skipped.push(skip(SkipReason::Duplicate));
            return;
        }
        records.push(R::new(ids.next_id(), date, bucket, quantity, note));
        record_lines.push(line);
    });
    values.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then_with(|| a.value.cmp(&b.value))
    });
    skipped.sort_by_key(|row| row.line);

    let rules = saved_rules::<R>(choices, plan, &new_buckets);
    let batch = if problems.is_empty() {
        ImportBatch {
            new_buckets,
            rules,
            records,
        }
    } else {
        record_lines.clear();
        ImportBatch {
            new_buckets: Vec::new(),
            rules: Vec::new(),
            records: Vec::new(),
        }
    };
    Preview {
        recognised,
        rows,
        encoding: decoded.encoding,
        delimiter,
        header,
        has_header,
        columns,
        unit: (R::LEDGER == Ledger::Hours).then_some(unit),
        date_verdict,
        date_order,
        values,
        record_lines,
        skipped,
        problems,
        notes,
        batch,
    }
}

/// A row's date and quantity, or why it is not a record.
fn read_row<R: Importable>(
    fields: &Fields,
    reading: &Reading,
    value: &str,
    texts: &[&str],
) -> Result<(NaiveDate, R::Quantity), SkipReason> {
    if let Some(account) = reading.columns.account {
        let written = fields.get(Some(account.0));
        if !folded(written).starts_with(account.1) {
            return Err(SkipReason::NotSpending {
                account: written.to_owned(),
            });
        }
    }
    let date = row_date(fields, reading)?;
    if let Some(reason) = R::not_a_record(value, texts) {
        return Err(reason);
    }
    let quantity = R::read_quantity(fields, reading)?;
    Ok((date, quantity))
}

/// The note of a record: the value when it says more than the bucket does
/// (so "#HeatingRepair" stays readable under "Building"), then the note
/// columns, each once.
fn note_of(value: Option<&str>, note_columns: &[usize], fields: &Fields) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(value) = value.filter(|value| !value.is_empty()) {
        parts.push(value);
    }
    for column in note_columns {
        let text = fields.get(Some(*column));
        if !text.is_empty() && !parts.contains(&text) {
            parts.push(text);
        }
    }
    let note = parts.join(" — ");
    if note.contains(['\r', '\n']) {
        note.replace("\r\n", " ").replace(['\r', '\n'], " ")
    } else {
        note
    }
}

/// The currency a column's name gives in brackets: `Betrag (€)`,
/// `Amount (EUR)`.
fn named_currency(name: &str) -> Option<String> {
    let (_, inside) = name.rsplit_once('(')?;
    currency_code(inside.strip_suffix(')')?)
}

/// Whether `value` names `bucket`, as the mapping compares names: cleaned,
/// any case. ASCII first, so most rows allocate nothing.
fn same_name(value: &str, bucket: &str) -> bool {
    let (value, bucket) = (super::table::clean(value), super::table::clean(bucket));
    value.eq_ignore_ascii_case(bucket)
        || (!(value.is_ascii() && bucket.is_ascii())
            && value.to_lowercase() == bucket.to_lowercase())
}

/// A note as duplicates are found by: an import writes a note on one line,
/// so a note the plan holds on two lines is the same note.
fn note_key(note: &str) -> String {
    let folded_already = note.trim() == note
        && !note.contains("  ")
        && !note.contains(|c: char| (c.is_whitespace() && c != ' ') || c == '\u{feff}');
    if folded_already {
        return note.to_owned();
    }
    note.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the plan has, counted: a file that lists a record twice adds it
/// twice, but only once more than the plan already has it.
fn existing<R: Importable>(plan: &Plan) -> HashMap<(NaiveDate, u64, u64, String), usize> {
    let mut have = HashMap::new();
    for record in R::records(plan) {
        let key = (
            record.date(),
            record.bucket().into(),
            R::quantity_key(&record.quantity()),
            note_key(record.note()),
        );
        *have.entry(key).or_insert(0) += 1;
    }
    have
}

/// The id of the new bucket `name`, made once per name.
fn new_bucket_id<R: Importable>(
    plan: &Plan,
    new_buckets: &mut Vec<R::Bucket>,
    name: String,
    candidate: u64,
) -> BucketId<R> {
    if let Some(bucket) = new_buckets
        .iter()
        .find(|b| b.name().eq_ignore_ascii_case(&name))
    {
        return bucket.id();
    }
    let taken: Vec<u64> = new_buckets.iter().map(|b| b.id().into()).collect();
    let mut candidate = candidate.max(1);
    let id = loop {
        let id = plan.unused_bucket_id::<R>(candidate);
        if !taken.contains(&id.into()) {
            break id;
        }
        candidate = Into::<u64>::into(id).saturating_add(1);
    };
    new_buckets.push(R::new_bucket(id, name));
    id
}

/// The person's mapping choices as rules the plan keeps, so the next export
/// of the same tool maps itself: "text contains the value → where it went".
fn saved_rules<R: Importable>(
    choices: &Choices<BucketId<R>>,
    plan: &Plan,
    new_buckets: &[R::Bucket],
) -> Vec<ImportRule<BucketId<R>>> {
    use super::mapping::MapTo;
    choices
        .mapping
        .iter()
        .filter(|(value, _)| !value.trim().is_empty())
        .filter_map(|(value, to)| {
            let into = match to {
                MapTo::Bucket(id) => Some(*id),
                MapTo::Nowhere => None,
                MapTo::New(name) => {
                    let found = R::buckets(plan)
                        .iter()
                        .chain(new_buckets)
                        .find(|b| b.name().eq_ignore_ascii_case(name.trim()))?;
                    Some(found.id())
                }
            };
            Some(ImportRule {
                contains: value.trim().to_owned(),
                into,
            })
        })
        .chain(
            choices
                .kept_rules
                .iter()
                .filter(|rule| !rule.contains.trim().is_empty())
                .map(|rule| ImportRule {
                    contains: rule.contains.trim().to_owned(),
                    into: rule.into,
                }),
        )
        .filter(|rule| !R::plan_rules(plan).contains(rule))
        .collect()
}

/// A sentence for each thing the columns lack.
fn check_columns(columns: &Columns, ledger: Ledger, problems: &mut Vec<String>) {
    if columns.date.is_none() && columns.start.is_none() {
        problems
            .push("No column of dates was found; choose which column holds the date.".to_owned());
    }
    match ledger {
        Ledger::Hours => {
            if columns.duration.is_none() && (columns.start.is_none() || columns.end.is_none()) {
                problems.push(
                    "No duration was found, nor a start and an end; choose the columns that \
                     say how long."
                        .to_owned(),
                );
            }
        }
        Ledger::Expenses => {
            if columns.amount.is_none() && columns.outflow.is_none() && columns.inflow.is_none() {
                problems.push("No amount was found; choose the column of amounts.".to_owned());
            }
        }
    }
}

/// The first rows' fields, to guess the columns of a file with no header.
fn first_rows(source: &Source) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    source.for_each(|row| {
        if rows.len() < ROWS_TO_GUESS
            && let Ok((_, record, _)) = row
        {
            rows.push(record.iter().map(str::to_owned).collect());
        }
    });
    rows
}
