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
//! Export and import are the ledger's, in `csv_ledger`, shared with
//! `csv_time`, so both behave and report alike; what is the expenses' own is
//! here: amounts as text.

use super::csv_ledger::{Format, LedgerCsv, LedgerImport, ledger_to_csv, parse_ledger_csv};
use super::csv_time::RejectedRow;
use crate::model::amount::{AmountError, amount_text, parse_amount_cents};
use crate::model::{Expense, Plan};

/// The header row export writes, and the columns import expects.
pub const HEADER: &str = "date,line,amount,note";

impl LedgerCsv for Expense {
    const FORMAT: Format = Format {
        header: HEADER,
        columns: "date, line, amount, note",
        bucket: "budget line",
        may_hold_delimiter: "An amount or a note",
    };

    /// `1234.56`: no symbol and no grouping, so the field never needs quotes.
    fn quantity_text(&self) -> String {
        amount_text(self.cents)
    }

    /// Through the same parser as the quick-entry field, against the plan's
    /// currency symbol.
    fn parse_quantity(amount: &str, plan: &Plan) -> Result<i64, String> {
        parse_amount_cents(amount, &plan.currency_symbol).map_err(|error| match error {
            AmountError::Empty => "The amount is missing.".to_owned(),
            _ => format!("{error} — found {amount:?}."),
        })
    }
}

/// What an import would add, and what it had to leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExpenseImport {
    /// The rows that can be added, in the order of the file.
    pub expenses: Vec<Expense>,
    pub rejected: Vec<RejectedRow>,
}

/// The plan's expenses as CSV, oldest first (expenses of one day in the
/// plan's order), with a header row.
pub fn expenses_to_csv(plan: &Plan) -> String {
    ledger_to_csv::<Expense>(plan)
}

/// Reads a CSV of expenses against `plan`'s budget lines and currency
/// symbol. Never fails as a whole: every row is either an expense or a
/// rejected row with a reason.
pub fn parse_expenses_csv(text: &str, plan: &Plan) -> ExpenseImport {
    let LedgerImport { records, rejected } = parse_ledger_csv(text, plan);
    ExpenseImport {
        expenses: records,
        rejected,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::fmt::Write as _;

    use super::*;
    use crate::model::LineId;
    use chrono::NaiveDate;

    use crate::io::csv_ledger::testing::{self, day, random_texts};
    use crate::io::csv_rows::{MAX_REJECTED_TEXT_CHARS, sniff_delimiter};
    use crate::model::command::{Command, MoneyCommand};
    use crate::model::money::{monthly_spend, spent_on_line_cents};
    use crate::model::validate::MAX_CENTS;

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
        testing::reasons(&import.rejected)
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

    #[test]
    fn no_input_panics() {
        let plan = seed();
        // Random bytes, and random picks from the characters CSV cares about.
        for (bytes, text) in random_texts(&["Books", "12.34", "$", "(", "-"]) {
            let _ = parse_expenses_csv(&bytes, &plan);
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

    #[test]
    fn a_header_after_rows_of_only_delimiters_is_still_the_header() {
        // Spreadsheets export empty rows as ",,,"; the time import already read this.
        let import = parse_expenses_csv(
            ",,,\ndate,line,amount,note\n2026-03-02,Books,10,\n",
            &seed(),
        );
        assert!(import.rejected.is_empty(), "{:?}", import.rejected);
        assert_eq!(import.expenses.len(), 1);
        assert_eq!(import.expenses[0].cents, 1_000);
    }
}
