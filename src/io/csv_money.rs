//! The expenses as CSV: `date,line,amount,note`, one expense a row.
//!
//! Export writes what a spreadsheet and this importer both read: ISO dates,
//! budget lines by name, amounts as `1234.56` (no symbol, no grouping, so
//! the field never needs quotes), notes quoted when they need to be.
//!
//! Import is forgiving about the shape of the file (a header or none, `,` or
//! `;`, a byte-order mark, CRLF, `$1,234.56`, lines by name in any case or by
//! id) and strict about its meaning: a date that could be read two ways, an
//! unknown line or an amount the quick-entry field would refuse rejects the
//! row, with its line number and the reason, and never guesses. Amounts go
//! through the same parser as the quick-entry field, so `12,50` is refused
//! (with a hint to write `12.50`) even in a `;` file, rather than read as
//! 1,250 in one file and 12.50 in the next. Nothing here changes a plan: the
//! caller shows the result and, once the person confirms, applies
//! `MoneyCommand::ImportExpenses` with the accepted expenses.
//!
//! The row mechanics (delimiter sniffing, open quotes, line counting) follow
//! `csv_time`, so both imports behave and report alike.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::csv_time::RejectedRow;
use crate::model::amount::{AmountError, amount_text, parse_amount_cents};
use crate::model::validate::{MAX_YEAR, MIN_YEAR};
use crate::model::{Expense, LineId, Plan};

/// The header row export writes, and the columns import expects.
pub const HEADER: &str = "date,line,amount,note";

/// How much of a rejected row is kept to show; a row swallowed by an open
/// quote can be the whole rest of the file.
const MAX_REJECTED_TEXT_CHARS: usize = 200;

/// What an import would add, and what it had to leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExpenseImport {
    /// The rows that can be added, in the order of the file.
    pub expenses: Vec<Expense>,
    pub rejected: Vec<RejectedRow>,
}

/// The plan's expenses as CSV, oldest first (expenses of one day in the
/// plan's order), with a header row.
///
/// Quoting is written here rather than by `csv::Writer`, as in `csv_time`:
/// writing to a string cannot fail, and the writer's `Result`s would have
/// nowhere honest to go from a function that returns the text. The tests
/// read it back with the `csv` crate.
pub fn expenses_to_csv(plan: &Plan) -> String {
    let lines = Lines::of(plan);
    let mut expenses: Vec<&Expense> = plan.expenses.iter().collect();
    expenses.sort_by_key(|expense| expense.date);
    let mut text = String::with_capacity(40 * (expenses.len() + 1));
    text.push_str(HEADER);
    text.push('\n');
    for expense in expenses {
        let line = lines.name_for_export(plan, expense.line);
        // Writing to a String cannot fail.
        let _ = writeln!(
            text,
            "{},{},{},{}",
            expense.date,
            quoted(&line),
            amount_text(expense.cents),
            quoted(&expense.note)
        );
    }
    text
}

/// `field` as a CSV field: quoted, with quotes doubled, when it holds
/// anything a reader could split on or trim (both delimiters import accepts,
/// so the file reads the same whichever one is sniffed).
fn quoted(field: &str) -> Cow<'_, str> {
    let needs_quotes = field.contains([',', ';', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// Reads a CSV of expenses against `plan`'s budget lines and currency
/// symbol. Never fails as a whole: every row is either an expense or a
/// rejected row with a reason.
pub fn parse_expenses_csv(text: &str, plan: &Plan) -> ExpenseImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Rows of the wrong length are reported here, with their line,
        // rather than ending the read.
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let lines = Lines::of(plan);
    let mut import = ExpenseImport::default();
    let mut record = csv::StringRecord::new();
    let mut first_row = true;
    let mut counter = LineCounter {
        text,
        offset: 0,
        line: 1,
    };
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let at = error.position().map_or(before, csv::Position::byte);
                import.rejected.push(RejectedRow {
                    line: counter.line_at(to_usize(at)),
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
        let line = counter.line_at(start);
        let is_first = std::mem::replace(&mut first_row, false);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
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
            import.rejected.push(reject(
                "A quote opened in this row is never closed, so the row runs to the end of \
                 the file. Close the quote and import again."
                    .to_owned(),
            ));
            continue;
        }
        match read_expense(&record, &lines, &plan.currency_symbol, delimiter) {
            Ok(expense) => import.expenses.push(expense),
            Err(reason) => import.rejected.push(reject(reason)),
        }
    }
    import
}

fn to_usize(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// Where the row between two byte offsets the reader reported really
/// starts (the reader's start can be before the blank lines it skipped),
/// and its text.
fn raw_row(text: &str, start: u64, end: u64) -> (usize, &str) {
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
struct LineCounter<'a> {
    text: &'a str,
    /// `line` is the line of this byte offset.
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// Offsets come in increasing order, so counting resumes where it left
    /// off and a whole import costs one pass over the text.
    fn line_at(&mut self, offset: usize) -> usize {
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

fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_REJECTED_TEXT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// One row as an expense, or every reason it cannot be one.
fn read_expense(
    record: &csv::StringRecord,
    lines: &Lines,
    currency_symbol: &str,
    delimiter: u8,
) -> Result<Expense, String> {
    let fields = record.len();
    if !(3..=4).contains(&fields) {
        let mut reason =
            format!("Expected 4 fields (date, line, amount, note) but found {fields}.");
        if fields > 4 {
            let _ = write!(
                reason,
                " An amount or a note that holds a {} must be in double quotes.",
                char::from(delimiter)
            );
        }
        return Err(reason);
    }
    let field = |index| record.get(index).unwrap_or_default().trim();
    let date = parse_date(field(0));
    let line = lines.resolve(field(1));
    let cents = parse_amount_cents(field(2), currency_symbol).map_err(|error| match error {
        AmountError::Empty => "The amount is missing.".to_owned(),
        _ => format!("{error} — found {:?}.", field(2)),
    });
    match (date, line, cents) {
        (Ok(date), Ok(line), Ok(cents)) => Ok(Expense {
            date,
            line,
            cents,
            note: field(3).to_owned(),
        }),
        (date, line, cents) => {
            let reasons: Vec<String> = [date.err(), line.err(), cents.err()]
                .into_iter()
                .flatten()
                .collect();
            Err(reasons.join(" "))
        }
    }
}

/// Reads `YYYY-MM-DD` (also `YYYY-M-D`). Day-first and month-first dates
/// are refused rather than guessed: `03/02/2026` is March in one country
/// and February in the next, and a wrong guess would put money in the wrong
/// month without anyone noticing.
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

/// The plan's budget lines, looked up by name as import reads them.
struct Lines {
    /// Trimmed, lower-cased name → every line with that name.
    by_name: HashMap<String, Vec<LineId>>,
    ids: Vec<LineId>,
    names: Vec<String>,
}

impl Lines {
    fn of(plan: &Plan) -> Lines {
        let mut by_name: HashMap<String, Vec<LineId>> = HashMap::new();
        for line in &plan.budget_lines {
            by_name.entry(fold(&line.name)).or_default().push(line.id);
        }
        Lines {
            by_name,
            ids: plan.budget_lines.iter().map(|line| line.id).collect(),
            names: plan
                .budget_lines
                .iter()
                .map(|line| line.name.trim().to_owned())
                .collect(),
        }
    }

    /// A line by name (trimmed, any case), else by id.
    fn resolve(&self, text: &str) -> Result<LineId, String> {
        if text.is_empty() {
            return Err("The budget line is missing.".to_owned());
        }
        match self.by_name.get(&fold(text)).map(Vec::as_slice) {
            Some([id]) => return Ok(*id),
            Some([_, _, ..]) => {
                return Err(format!(
                    "More than one budget line is named {text:?}; give its id instead."
                ));
            }
            Some([]) | None => {}
        }
        if let Ok(id) = text.parse::<u64>()
            && self.ids.contains(&LineId(id))
        {
            return Ok(LineId(id));
        }
        Err(format!(
            "There is no budget line {text:?}; the plan has {}.",
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

    /// The line's name when that reads back as this line, else its id (a
    /// name shared by two lines, one that is empty, or one that is another
    /// line's id).
    fn name_for_export(&self, plan: &Plan, id: LineId) -> String {
        match plan.budget_line(id) {
            Some(line) if self.resolve(line.name.trim()) == Ok(id) => line.name.trim().to_owned(),
            _ => id.to_string(),
        }
    }
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// How `raw` splits on `delimiter` by the CSV quoting rules.
struct Scan {
    fields: usize,
    open_quote: bool,
}

/// A field that starts with a quote runs to the next quote not doubled;
/// quotes elsewhere are plain text. These are the rules the `csv` crate
/// reads by, so a quote still open at the end of a record is one the crate
/// let run to the end of the input.
fn scan(raw: &str, delimiter: u8) -> Scan {
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
/// splits it more; `,` when in doubt. `2026-03-02;Books;1,234.50;a, b`
/// gives a date and 4 fields on `;`, so grouped amounts are safe there.
fn sniff_delimiter(text: &str) -> u8 {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::command::{Command, MoneyCommand};
    use crate::model::money::{monthly_spend, spent_on_line_cents};
    use crate::model::validate::MAX_CENTS;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn expense(date: NaiveDate, line: u64, cents: i64, note: &str) -> Expense {
        Expense {
            date,
            line: LineId(line),
            cents,
            note: note.to_owned(),
        }
    }

    /// The seed's budget lines: Books (1), Infrastructure (2), Tools/Services (3).
    fn seed() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    fn reasons(import: &ExpenseImport) -> Vec<(usize, &str)> {
        import
            .rejected
            .iter()
            .map(|row| (row.line, row.reason.as_str()))
            .collect()
    }

    #[test]
    fn export_writes_a_header_and_rows_oldest_first() {
        let mut plan = seed();
        plan.expenses = vec![
            expense(day(2026, 3, 3), 2, 10_000, "VPS, March"),
            expense(day(2026, 3, 2), 1, 4_599, "Elixir in Action"),
            expense(day(2026, 3, 2), 3, 1_000, "He said \"ship it\""),
            expense(day(2026, 3, 4), 3, 123_456, "line one\nline two"),
            expense(day(2026, 3, 5), 2, 5, ""),
        ];
        assert_eq!(
            expenses_to_csv(&plan),
            "date,line,amount,note\n\
             2026-03-02,Books,45.99,Elixir in Action\n\
             2026-03-02,Tools/Services,10.00,\"He said \"\"ship it\"\"\"\n\
             2026-03-03,Infrastructure,100.00,\"VPS, March\"\n\
             2026-03-04,Tools/Services,1234.56,\"line one\nline two\"\n\
             2026-03-05,Infrastructure,0.05,\n"
        );
        assert_eq!(
            expenses_to_csv(&Plan::empty("", day(2026, 1, 1))),
            "date,line,amount,note\n"
        );
    }

    #[test]
    fn export_then_import_gives_the_same_expenses() {
        let mut plan = seed();
        plan.currency_symbol = "€".to_owned();
        plan.budget_lines[2].name = "Tools; Services, \"SaaS\"".to_owned();
        let mut expenses = vec![
            expense(day(2026, 1, 5), 1, 4_599, "Elixir in Action, 2nd ed."),
            expense(day(2026, 1, 5), 3, 10, "quotes \"inside\" and ; semicolons"),
            expense(day(2026, 1, 4), 2, 20, "two\nlines\r\nand CRLF"),
            expense(day(2026, 1, 7), 2, MAX_CENTS, ""),
            expense(day(2026, 1, 8), 3, 1, "Ünïcode ✓ — €"),
            expense(day(1900, 1, 1), 1, 100, "date"),
            expense(day(2200, 12, 31), 3, 99_999, ","),
        ];
        plan.expenses = expenses.clone();
        let import = parse_expenses_csv(&expenses_to_csv(&plan), &plan);
        assert_eq!(import.rejected, []);
        expenses.sort_by_key(|expense| expense.date);
        assert_eq!(import.expenses, expenses);

        // Confirming the import into a plan without them gives the same log.
        let mut fresh = plan.clone();
        fresh.expenses.clear();
        let confirmed = fresh.apply(&Command::Money(MoneyCommand::ImportExpenses {
            expenses: import.expenses,
        }));
        assert_eq!(confirmed, Ok(true));
        assert_eq!(fresh.expenses, expenses);
        assert_eq!(monthly_spend(&fresh), monthly_spend(&plan));

        // What the csv crate's own writer writes reads back the same, too.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(["date", "line", "amount", "note"])
            .unwrap();
        for expense in &expenses {
            writer
                .write_record([
                    expense.date.to_string(),
                    plan.budget_line(expense.line).unwrap().name.clone(),
                    crate::model::format::format_cents(expense.cents, "€"),
                    expense.note.clone(),
                ])
                .unwrap();
        }
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(parse_expenses_csv(&text, &plan).expenses, expenses);
    }

    #[test]
    fn lines_that_names_cannot_tell_apart_export_by_id() {
        let mut plan = seed();
        plan.budget_lines[1].name = "books".to_owned();
        plan.budget_lines[2].name = "  ".to_owned();
        plan.expenses = vec![
            expense(day(2026, 1, 5), 1, 100, ""),
            expense(day(2026, 1, 5), 2, 200, ""),
            expense(day(2026, 1, 5), 3, 300, ""),
        ];
        let text = expenses_to_csv(&plan);
        assert_eq!(
            text,
            "date,line,amount,note\n2026-01-05,1,1.00,\n2026-01-05,2,2.00,\n2026-01-05,3,3.00,\n"
        );
        assert_eq!(parse_expenses_csv(&text, &plan).expenses, plan.expenses);
    }

    #[test]
    fn import_reads_the_shapes_people_write() {
        let plan = seed();
        let expected = vec![
            expense(day(2026, 3, 2), 1, 4_599, "Elixir in Action"),
            expense(day(2026, 3, 3), 2, 123_450, ""),
            expense(day(2026, 3, 4), 3, 1_000, "Copilot, yearly"),
        ];
        for text in [
            // A header, commas, LF.
            "date,line,amount,note\n2026-03-02,Books,45.99,Elixir in Action\n\
             2026-03-03,infrastructure,\"1,234.5\",\n2026-03-04,3,10,\"Copilot, yearly\"\n",
            // No header, CRLF, a BOM, spaces around fields, symbols, blank lines.
            "\u{feff}2026-03-02 , BOOKS , $45.99 , Elixir in Action\r\n\
             2026-03-03,Infrastructure,\"$1,234.50\"\r\n\
             2026-03-04, Tools/Services ,10.00$,\"Copilot, yearly\"\r\n\r\n\r\n",
            // Semicolons with grouped amounts, a header in capitals.
            "Date;Line;Amount;Note\n2026-03-02;Books;45.99;Elixir in Action\n\
             2026-03-03;Infrastructure;1,234.50;\n2026-03-04;Tools/Services;10;Copilot, yearly\n",
            // Semicolons, no header, a note with commas unquoted, short dates.
            "2026-3-2;Books;45.99;Elixir in Action\n2026-03-03;2;1234.5\n\
             2026-03-04;3;$ 10;Copilot, yearly",
        ] {
            let import = parse_expenses_csv(text, &plan);
            assert_eq!(import.rejected, [], "{text:?}");
            assert_eq!(import.expenses, expected, "{text:?}");
        }
        assert_eq!(parse_expenses_csv("", &plan), ExpenseImport::default());
        assert_eq!(
            parse_expenses_csv("\u{feff}\n\n \n", &plan),
            ExpenseImport::default()
        );
        assert_eq!(parse_expenses_csv(HEADER, &plan), ExpenseImport::default());
        assert_eq!(
            parse_expenses_csv(",,,\n , , ,\n", &plan),
            ExpenseImport::default()
        );
    }

    #[test]
    fn imported_cents_are_exact() {
        let plan = seed();
        let import = parse_expenses_csv("2026-03-02,Books,0.10,\n2026-03-02,Books,0.20,\n", &plan);
        let mut imported = plan.clone();
        imported
            .apply(&Command::Money(MoneyCommand::ImportExpenses {
                expenses: import.expenses,
            }))
            .unwrap();
        assert_eq!(spent_on_line_cents(&imported, LineId(1)), 30);
    }

    #[test]
    fn bad_rows_are_rejected_with_their_line_and_reason() {
        let plan = seed();
        let text = "date,line,amount,note\n\
                    2026-03-02,Books,12.34,fine\n\
                    03/02/2026,Books,12,day or month first?\n\
                    2026-02-30,Books,12,\n\
                    1850-01-01,Books,12,\n\
                    yesterday,Books,12,\n\
                    ,Books,12,\n\
                    2026-03-03,Gardening,12,\n\
                    2026-03-03,,12,\n\
                    2026-03-03,Books,0,\n\
                    2026-03-03,Books,-5,\n\
                    2026-03-03,Books,1.234,\n\
                    2026-03-03,Books,lots,\n\
                    2026-03-03,Books,,\n\
                    2026-03-03,Books\n\
                    2026-03-03,Books,1,a note, with a comma\n\
                    \"2026-03-03\",\"Infrastructure\",\"2\",\"quoted, all\"\n\
                    2026-03-03,Books,5000000000,\n\
                    02.03.2026,Nope,(5),\n\
                    2026-03-09,Books,2,last\n";
        let import = parse_expenses_csv(text, &plan);
        assert_eq!(
            import.expenses,
            [
                expense(day(2026, 3, 2), 1, 1_234, "fine"),
                expense(day(2026, 3, 3), 2, 200, "quoted, all"),
                expense(day(2026, 3, 9), 1, 200, "last"),
            ]
        );
        let names = "Books, Infrastructure, Tools/Services";
        assert_eq!(
            reasons(&import),
            [
                (
                    3,
                    "\"03/02/2026\" could be day/month or month/day: \
                     write dates as YYYY-MM-DD, e.g. 2026-03-02."
                ),
                (4, "\"2026-02-30\" is not a day of the calendar."),
                (5, "The date 1850-01-01 is outside the years 1900–2200."),
                (
                    6,
                    "\"yesterday\" is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-02."
                ),
                (7, "The date is missing."),
                (
                    8,
                    &*format!("There is no budget line \"Gardening\"; the plan has {names}.")
                ),
                (9, "The budget line is missing."),
                (10, "Enter an amount above zero — found \"0\"."),
                (11, "Amounts cannot be negative — found \"-5\"."),
                (12, "At most two decimals (cents) — found \"1.234\"."),
                (
                    13,
                    "Enter the amount in digits, e.g. 12.50 — found \"lots\"."
                ),
                (14, "The amount is missing."),
                (
                    15,
                    "Expected 4 fields (date, line, amount, note) but found 2."
                ),
                (
                    16,
                    "Expected 4 fields (date, line, amount, note) but found 5. \
                     An amount or a note that holds a , must be in double quotes."
                ),
                (
                    18,
                    "That amount is too large (the limit is 1,000,000,000.00) \
                     — found \"5000000000\"."
                ),
                (
                    19,
                    &*format!(
                        "\"02.03.2026\" could be day/month or month/day: write dates as \
                         YYYY-MM-DD, e.g. 2026-03-02. There is no budget line \"Nope\"; the \
                         plan has {names}. Amounts cannot be negative — found \"(5)\"."
                    )
                ),
            ]
        );
        assert_eq!(
            import.rejected[0].text,
            "03/02/2026,Books,12,day or month first?"
        );
        assert_eq!(import.rejected[12].text, "2026-03-03,Books");
    }

    #[test]
    fn decimal_commas_are_refused_with_a_hint_not_misread() {
        let plan = seed();
        let import = parse_expenses_csv("2026-03-02;Books;12,50;Elixir\n", &plan);
        assert_eq!(import.expenses, []);
        assert_eq!(
            reasons(&import),
            [(
                1,
                "Use a dot for cents and commas only between thousands, e.g. 1,234.56 \
                 — found \"12,50\"."
            )]
        );
        // With `,` as the delimiter an unquoted grouped amount splits the row.
        let import = parse_expenses_csv("2026-03-02,Books,1,234.50,Elixir\n", &plan);
        assert_eq!(
            reasons(&import),
            [(
                1,
                "Expected 4 fields (date, line, amount, note) but found 5. \
                 An amount or a note that holds a , must be in double quotes."
            )]
        );
    }

    #[test]
    fn line_numbers_count_lines_of_the_file_not_rows() {
        let plan = seed();
        // The second row's note spans three lines, so the bad row after it
        // starts on line 6. CRLF endings, a BOM and a blank line in between.
        let text = "\u{feff}date,line,amount,note\r\n\
                    2026-03-02,Books,1,\"one\r\ntwo\r\nthree\"\r\n\
                    \r\n\
                    2026-03-02,Books,x,\r\n";
        let import = parse_expenses_csv(text, &plan);
        assert_eq!(import.expenses.len(), 1);
        assert_eq!(import.expenses[0].note, "one\r\ntwo\r\nthree");
        assert_eq!(import.rejected.len(), 1);
        assert_eq!(import.rejected[0].line, 6);
        assert_eq!(import.rejected[0].text, "2026-03-02,Books,x,");
    }

    #[test]
    fn a_quote_left_open_is_reported_not_swallowed() {
        let plan = seed();
        let text = "2026-03-02,Books,1,fine\n\
                    2026-03-03,Books,2,\"never closed\n\
                    2026-03-04,Books,3,lost inside the quote\n";
        let import = parse_expenses_csv(text, &plan);
        assert_eq!(import.expenses, [expense(day(2026, 3, 2), 1, 100, "fine")]);
        assert_eq!(import.rejected.len(), 1);
        assert_eq!(import.rejected[0].line, 2);
        assert!(
            import.rejected[0]
                .reason
                .starts_with("A quote opened in this row is never closed")
        );
        assert_eq!(
            import.rejected[0].text,
            "2026-03-03,Books,2,\"never closed\n2026-03-04,Books,3,lost inside the quote"
        );
        // A quote inside an unquoted field is only a character.
        let import = parse_expenses_csv("2026-03-02,Tools/Services,1,a 5\" screen\n", &plan);
        assert_eq!(import.expenses[0].note, "a 5\" screen");
        // Long rejected rows are shortened.
        let text = format!("2026-03-02,Books,1,\"{}", "x".repeat(1_000));
        let rejected = &parse_expenses_csv(&text, &plan).rejected[0];
        assert_eq!(rejected.text.chars().count(), MAX_REJECTED_TEXT_CHARS + 1);
        assert!(rejected.text.ends_with('…'));
    }

    #[test]
    fn ambiguous_line_names_ask_for_an_id() {
        let mut plan = seed();
        plan.budget_lines[1].name = "BOOKS".to_owned();
        let import = parse_expenses_csv("2026-03-02,books,1,\n2026-03-02,2,1,\n", &plan);
        assert_eq!(import.expenses, [expense(day(2026, 3, 2), 2, 100, "")]);
        assert_eq!(
            reasons(&import),
            [(
                1,
                "More than one budget line is named \"books\"; give its id instead."
            )]
        );
        let import =
            parse_expenses_csv("2026-03-02,Anything,1,", &Plan::empty("", day(2026, 1, 1)));
        assert_eq!(
            reasons(&import),
            [(
                1,
                "There is no budget line \"Anything\"; the plan has none yet."
            )]
        );
    }

    #[test]
    fn the_delimiter_is_sniffed_from_the_first_line() {
        assert_eq!(sniff_delimiter("date,line,amount,note"), b',');
        assert_eq!(sniff_delimiter("date;line;amount;note"), b';');
        assert_eq!(
            sniff_delimiter("\n\n2026-03-02;Books;1,234.50;a, b\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("2026-03-02;Books;12"), b';');
        assert_eq!(sniff_delimiter("2026-03-02,Books,12.50,a; b"), b',');
        assert_eq!(sniff_delimiter("2026-03-02,Books,\"a;b;c;d\""), b',');
        assert_eq!(sniff_delimiter(""), b',');
        assert_eq!(sniff_delimiter("no delimiter at all"), b',');
    }

    /// A small deterministic generator, so the test fails the same way every time.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn no_input_panics() {
        let plan = seed();
        let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
        // Random bytes, and random picks from the characters CSV cares about.
        let pieces = [
            "\"",
            "\"\"",
            ",",
            ";",
            "\n",
            "\r\n",
            "\r",
            "2026-03-02",
            "Books",
            "12.34",
            "$",
            "(",
            "-",
            "\u{feff}",
            "é",
            " ",
            "date",
            "\0",
        ];
        for _ in 0..2_000 {
            let len = usize::try_from(random.next() % 64).unwrap();
            let bytes: Vec<u8> = (0..len).map(|_| random.next().to_le_bytes()[0]).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse_expenses_csv(&text, &plan);
            let text: String = (0..len)
                .map(|_| pieces[usize::try_from(random.next() % pieces.len() as u64).unwrap()])
                .collect();
            let import = parse_expenses_csv(&text, &plan);
            // Whatever import accepts, the plan accepts.
            let mut imported = plan.clone();
            let result = imported.apply(&Command::Money(MoneyCommand::ImportExpenses {
                expenses: import.expenses,
            }));
            assert!(result.is_ok(), "{text:?}: {result:?}");
        }
    }

    #[test]
    fn a_hundred_thousand_lines_import_quickly() {
        let plan = seed();
        let mut text = String::from("date;line;amount;note\n");
        for index in 0..100_000_u32 {
            let date = day(2026, 1, 1) + chrono::Days::new(u64::from(index % 365));
            let line = ["Books", "infrastructure", "3"][(index % 3) as usize];
            // Every thousandth row is bad.
            let amount = if index % 1_000 == 999 {
                "1.234"
            } else {
                "1,234.50"
            };
            let _ = writeln!(text, "{date};{line};{amount};row {index}");
        }
        let started = std::time::Instant::now();
        let import = parse_expenses_csv(&text, &plan);
        let elapsed = started.elapsed();
        assert_eq!(import.expenses.len(), 99_900);
        assert_eq!(import.rejected.len(), 100);
        // Row 999 of the data is line 1,001 of the file (after the header).
        assert_eq!(import.rejected[0].line, 1_001);
        assert_eq!(import.expenses[0].note, "row 0");
        assert_eq!(import.expenses[0].cents, 123_450);
        // Generous for a debug build on a slow machine; it takes well under a second.
        assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
    }
}
