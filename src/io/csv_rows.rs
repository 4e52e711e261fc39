//! The row mechanics under `csv_ledger`, for hours and money alike: both
//! read four columns, `date,<thing>,<value>,note`, so delimiter sniffing,
//! open quotes, line counting, dates and looking things up by name or id live
//! here once, and both imports behave and report alike.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::{Display, Write as _};

use chrono::{Datelike, NaiveDate};

use crate::model::validate::{MAX_YEAR, MIN_YEAR};

/// How much of a rejected row is kept to show; a row swallowed by an open
/// quote can be the whole rest of the file.
pub(super) const MAX_REJECTED_TEXT_CHARS: usize = 200;

/// A row of the file that import leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    /// The line of the file the row starts on, counted from 1.
    pub line: usize,
    /// The row as written, shortened when long.
    pub text: String,
    /// Why it was left out, as sentences for a person.
    pub reason: String,
}

/// What sets one kind of record's file apart from another's.
pub struct Format {
    /// The header row export writes, e.g. `date,category,hours,note`.
    pub header: &'static str,
    /// The columns as messages name them, e.g. `date, category, hours, note`.
    pub columns: &'static str,
    /// What messages call one bucket, e.g. `category` or `budget line`.
    pub bucket: &'static str,
    /// The fields that may hold the delimiter, e.g. `A note`, for the hint
    /// on a row split into too many fields.
    pub may_hold_delimiter: &'static str,
}

/// The fields of a row every format has, with the two in between read.
pub(super) struct Row<Id, Value> {
    pub date: NaiveDate,
    pub id: Id,
    pub value: Value,
    pub note: String,
}

/// `field` as a CSV field: quoted, with quotes doubled, when it holds
/// anything a reader could split on or trim (both delimiters import accepts,
/// so the file reads the same whichever one is sniffed).
pub(super) fn quoted(field: &str) -> Cow<'_, str> {
    let needs_quotes = field.contains([',', ';', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// Reads every row of `text` with `read`, which sees only rows of the right
/// length, past the header. Never fails as a whole: every row is either
/// accepted or rejected with its line and a reason.
pub(super) fn read_rows<T>(
    text: &str,
    format: &Format,
    mut read: impl FnMut(&csv::StringRecord) -> Result<T, String>,
) -> (Vec<T>, Vec<RejectedRow>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Rows of the wrong length are reported here, with their line,
        // rather than ending the read.
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut first_row = true;
    let mut lines = LineCounter::new(text);
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let at = error.position().map_or(before, csv::Position::byte);
                rejected.push(RejectedRow {
                    line: lines.line_at(to_usize(at)),
                    text: String::new(),
                    reason: format!("This row could not be read: {error}."),
                });
                // A reader that cannot move past the problem would loop.
                if reader.position().byte() <= before {
                    break;
                }
                continue;
            }
        }
        let start = record.position().map_or(before, csv::Position::byte);
        let (start, raw) = raw_row(text, start, reader.position().byte());
        let line = lines.line_at(start);
        // Rows of nothing but delimiters are skipped, and a header after
        // them still counts as the header.
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let is_first = std::mem::replace(&mut first_row, false);
        if is_first
            && record
                .get(0)
                .is_some_and(|field| field.trim().eq_ignore_ascii_case("date"))
        {
            continue;
        }
        let reject = |reason: String| RejectedRow {
            line,
            text: shortened(raw.trim_end_matches(['\r', '\n'])),
            reason,
        };
        if scan(raw, delimiter).open_quote {
            rejected.push(reject(
                "A quote opened in this row is never closed, so the row runs to the end of \
                 the file. Close the quote and import again."
                    .to_owned(),
            ));
            continue;
        }
        match check_field_count(&record, format, delimiter).and_then(|()| read(&record)) {
            Ok(row) => accepted.push(row),
            Err(reason) => rejected.push(reject(reason)),
        }
    }
    (accepted, rejected)
}

/// Four fields, or three with no note.
fn check_field_count(
    record: &csv::StringRecord,
    format: &Format,
    delimiter: u8,
) -> Result<(), String> {
    let fields = record.len();
    if (3..=4).contains(&fields) {
        return Ok(());
    }
    let mut reason = format!("Expected 4 fields ({}) but found {fields}.", format.columns);
    if fields > 4 {
        let _ = write!(
            reason,
            " {} that holds a {} must be in double quotes.",
            format.may_hold_delimiter,
            char::from(delimiter)
        );
    }
    Err(reason)
}

/// A row of the right length as its date, thing, value and note, or every
/// reason it cannot be read, in the order of the columns.
pub(super) fn read_row<Id, Value>(
    record: &csv::StringRecord,
    names: &Names<Id>,
    read_value: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Row<Id, Value>, String>
where
    Id: Copy + PartialEq + Display + From<u64>,
{
    let field = |index| record.get(index).unwrap_or_default().trim();
    let date = parse_date(field(0));
    let id = names.resolve(field(1));
    let value = read_value(field(2));
    match (date, id, value) {
        (Ok(date), Ok(id), Ok(value)) => Ok(Row {
            date,
            id,
            value,
            note: field(3).to_owned(),
        }),
        (date, id, value) => {
            let reasons: Vec<String> = [date.err(), id.err(), value.err()]
                .into_iter()
                .flatten()
                .collect();
            Err(reasons.join(" "))
        }
    }
}

pub(super) fn to_usize(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// Where the row between two byte offsets the reader reported really
/// starts (the reader's start can be before the blank lines it skipped),
/// and its text.
pub(super) fn raw_row(text: &str, start: u64, end: u64) -> (usize, &str) {
    let start = to_usize(start).min(text.len());
    let end = to_usize(end).clamp(start, text.len());
    // Offsets are at record boundaries, after an ASCII byte, so `get`
    // succeeds; should it not, the rest of the text is shown instead.
    let raw = text
        .get(start..end)
        .or_else(|| text.get(start..))
        .unwrap_or_default();
    let row = raw.trim_start_matches(['\r', '\n']);
    (start + (raw.len() - row.len()), row)
}

/// Line numbers of byte offsets, counted as a text editor counts them.
/// The `csv` crate's own line count counts records, so a note spanning
/// three lines would throw every later line number off by two.
pub(super) struct LineCounter<'a> {
    text: &'a str,
    /// `line` is the line of this byte offset.
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// Offsets come in increasing order, so counting resumes where it left
    /// off and a whole import costs one pass over the text.
    pub(super) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let newlines = self
            .text
            .as_bytes()
            .get(self.offset..offset)
            .unwrap_or_default()
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        self.line += newlines;
        self.offset = offset;
        self.line
    }
}

pub(super) fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_REJECTED_TEXT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Reads `YYYY-MM-DD` (also `YYYY-M-D`). Day-first and month-first dates
/// are refused rather than guessed: `03/02/2026` is March in one country
/// and February in the next, and a wrong guess would file hours in the
/// wrong week, or money in the wrong month, without anyone noticing.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    const EXAMPLE: &str = "write dates as YYYY-MM-DD, e.g. 2026-03-02";
    if text.is_empty() {
        return Err("The date is missing.".to_owned());
    }
    let parts: Vec<&str> = text.split('-').collect();
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if let [year, month, day] = parts[..]
        && year.len() == 4
        && (1..=2).contains(&month.len())
        && (1..=2).contains(&day.len())
        && [year, month, day].into_iter().all(all_digits)
    {
        let number = |part: &str| part.parse::<u32>().unwrap_or(0);
        let year = i32::try_from(number(year)).unwrap_or(0);
        let Some(date) = NaiveDate::from_ymd_opt(year, number(month), number(day)) else {
            return Err(format!("{text:?} is not a day of the calendar."));
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
            return Err(format!(
                "The date {date} is outside the years {MIN_YEAR}–{MAX_YEAR}."
            ));
        }
        return Ok(date);
    }
    if text.contains(['/', '.']) && text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{text:?} could be day/month or month/day: {EXAMPLE}."
        ));
    }
    Err(format!("{text:?} is not a date: {EXAMPLE}."))
}

/// A plan's categories or budget lines, looked up by name as import reads
/// them.
pub(super) struct Names<Id> {
    /// What messages call one, e.g. `category` or `budget line`.
    thing: &'static str,
    /// Trimmed, lower-cased name → every id with that name.
    by_name: HashMap<String, Vec<Id>>,
    ids: Vec<Id>,
    names: Vec<String>,
}

impl<Id> Names<Id>
where
    Id: Copy + PartialEq + Display + From<u64>,
{
    pub(super) fn new<'a>(
        thing: &'static str,
        items: impl IntoIterator<Item = (&'a str, Id)>,
    ) -> Names<Id> {
        let mut names = Names {
            thing,
            by_name: HashMap::new(),
            ids: Vec::new(),
            names: Vec::new(),
        };
        for (name, id) in items {
            names.by_name.entry(fold(name)).or_default().push(id);
            names.ids.push(id);
            names.names.push(name.trim().to_owned());
        }
        names
    }

    /// One by name (trimmed, any case), else by id.
    fn resolve(&self, text: &str) -> Result<Id, String> {
        let thing = self.thing;
        if text.is_empty() {
            return Err(format!("The {thing} is missing."));
        }
        match self.by_name.get(&fold(text)).map(Vec::as_slice) {
            Some([id]) => return Ok(*id),
            Some([_, _, ..]) => {
                return Err(format!(
                    "More than one {thing} is named {text:?}; give its id instead."
                ));
            }
            Some([]) | None => {}
        }
        if let Ok(number) = text.parse::<u64>()
            && self.ids.contains(&Id::from(number))
        {
            return Ok(Id::from(number));
        }
        Err(format!(
            "There is no {thing} {text:?}; the plan has {}.",
            self.listed_names()
        ))
    }

    fn listed_names(&self) -> String {
        const SHOWN: usize = 6;
        if self.names.is_empty() {
            return "none yet".to_owned();
        }
        let mut listed = self
            .names
            .iter()
            .take(SHOWN)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        if self.names.len() > SHOWN {
            let _ = write!(listed, " and {} more", self.names.len() - SHOWN);
        }
        listed
    }

    /// `name` when that reads back as `id`, else the id (a name shared by
    /// two, one that is empty, or one that is another's id).
    pub(super) fn name_for_export(&self, id: Id, name: Option<&str>) -> String {
        match name {
            Some(name) if self.resolve(name.trim()) == Ok(id) => name.trim().to_owned(),
            _ => id.to_string(),
        }
    }
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// How `raw` splits on `delimiter` by the CSV quoting rules.
pub(super) struct Scan {
    pub(super) fields: usize,
    pub(super) open_quote: bool,
}

/// A field that starts with a quote runs to the next quote not doubled;
/// quotes elsewhere are plain text. These are the rules the `csv` crate
/// reads by, so a quote still open at the end of a record is one the crate
/// let run to the end of the input.
pub(super) fn scan(raw: &str, delimiter: u8) -> Scan {
    let mut fields = 1;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut bytes = raw.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if in_quotes {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        if byte == delimiter {
            fields += 1;
            at_field_start = true;
            continue;
        }
        if byte == b'"' && at_field_start {
            in_quotes = true;
        }
        at_field_start = false;
    }
    Scan {
        fields,
        open_quote: in_quotes,
    }
}

/// `;` or `,`, from the first line with anything on it: whichever leaves a
/// date (or the header's `date`) as the first field, then whichever splits
/// the line into the expected 4 fields (or 3, with no note), then whichever
/// splits it more; `,` when in doubt. `2026-03-02;Learning;1,5;a, b` gives
/// a date and 4 fields on `;`, so decimal commas and grouped amounts such
/// as `1,234.50` are safe there.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let line = text
        .split('\n')
        .find(|line| !line.trim().is_empty())
        .unwrap_or_default();
    let rank = |delimiter: u8| {
        let first = line
            .split(char::from(delimiter))
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"');
        let starts_well = first.eq_ignore_ascii_case("date") || parse_date(first).is_ok();
        let fields = scan(line, delimiter).fields;
        let fit = match fields {
            4 => 2,
            3 => 1,
            _ => 0,
        };
        (starts_well, fit, fields)
    };
    if rank(b';') > rank(b',') { b';' } else { b',' }
}
