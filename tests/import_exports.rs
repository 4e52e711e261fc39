//! The import pipeline on exports shaped like those the tools really write
//! (our own fixtures, with each tool's quirks): what each is recognised as,
//! what comes in, against hand-computed figures, and why the rest does not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::NaiveDate;
use yearplan::io::default_plan;
use yearplan::io::import::{Choices, Columns, DateOrder, Importable, MapTo, Preview, preview};
use yearplan::model::ledger::{BucketId, LedgerRecord};
use yearplan::model::{Expense, Plan, TimeEntry};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The plan Yearplan starts with: Learning, Building and
/// Review/Documentation; Books, Infrastructure and Tools/Services.
fn plan() -> Plan {
    default_plan(day(2026, 1, 1))
}

/// `bytes` imported with every value of the file sent to `bucket`.
fn all_into<R: Importable>(bytes: &[u8], plan: &Plan, bucket: BucketId<R>) -> Preview<R> {
    all_into_with(bytes, plan, bucket, Choices::default())
}

fn all_into_with<R: Importable>(
    bytes: &[u8],
    plan: &Plan,
    bucket: BucketId<R>,
    choices: Choices<BucketId<R>>,
) -> Preview<R> {
    let first = preview::<R>(bytes, plan, &choices);
    let mapping = first
        .values
        .iter()
        .map(|value| (value.value.clone(), MapTo::Bucket(bucket)))
        .collect();
    preview(bytes, plan, &Choices { mapping, ..choices })
}

/// The skipped rows as (line, kind).
fn skipped<R: LedgerRecord>(preview: &Preview<R>) -> Vec<(usize, &'static str)> {
    preview
        .skipped
        .iter()
        .map(|row| (row.line, row.reason.kind()))
        .collect()
}

/// Each entry as (date, seconds), to compare without rounding noise.
fn entries(preview: &Preview<TimeEntry>) -> Vec<(NaiveDate, i64)> {
    preview
        .batch
        .records
        .iter()
        .map(|entry| (entry.date, (entry.hours * 3600.0).round() as i64))
        .collect()
}

fn expenses(preview: &Preview<Expense>) -> Vec<(NaiveDate, i64)> {
    preview
        .batch
        .records
        .iter()
        .map(|expense| (expense.date, expense.cents))
        .collect()
}

/// The plan Yearplan starts with, counting in euros.
fn euro_plan() -> Plan {
    let mut plan = plan();
    plan.currency_symbol = "€".to_owned();
    plan
}

fn learning(plan: &Plan) -> BucketId<TimeEntry> {
    plan.time_categories[0].id
}

fn books(plan: &Plan) -> BucketId<Expense> {
    plan.budget_lines[0].id
}

// --- hours -----------------------------------------------------------------

#[test]
fn toggl_track_with_a_byte_order_mark_and_spreadsheet_durations() {
    let plan = plan();
    let import = all_into(&fixture("toggl-detailed.csv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "Toggl Track detailed export");
    // 02:30:00 AM is two and a half hours; 12:45:00 AM is 45 minutes, and
    // the entry across midnight belongs to the day it started.
    assert_eq!(
        entries(&import),
        [(day(2026, 2, 2), 9_000), (day(2026, 2, 3), 2_700)]
    );
    assert_eq!(skipped(&import), [(4, "zero")]);
    assert_eq!(
        import.batch.records[0].note,
        "Reading — Rust for Rustaceans, ch. 2"
    );
}

#[test]
fn clockify_month_first_dates_settled_by_the_file() {
    let plan = plan();
    let import = all_into(&fixture("clockify-detailed.csv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "Clockify detailed report");
    // 03/14 can only be March 14, so 03/02 is March 2; the duration is
    // the clock one (01:30:30), not the rounded decimal copy (1.51).
    assert_eq!(import.date_order, Some(DateOrder::MonthDay));
    assert_eq!(
        entries(&import),
        [(day(2026, 3, 14), 5_430), (day(2026, 3, 2), 3_600)]
    );
    assert_eq!(skipped(&import), []);
}

#[test]
fn harvest_hours_with_decimal_commas() {
    let plan = plan();
    let import = all_into(
        &fixture("harvest-decimal-comma.csv"),
        &plan,
        learning(&plan),
    );
    assert_eq!(import.recognised, "Harvest time report");
    assert_eq!(
        entries(&import),
        [(day(2026, 4, 6), 5_400), (day(2026, 4, 7), 900)]
    );
}

#[test]
fn kimai_seconds_and_its_totals_row() {
    let plan = plan();
    let import = all_into(&fixture("kimai-footer.csv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "Kimai export");
    assert_eq!(
        entries(&import),
        [(day(2026, 5, 11), 6_300), (day(2026, 5, 12), 1_800)]
    );
    assert_eq!(skipped(&import), [(4, "footer or totals row")]);
}

#[test]
fn watson_start_and_stop_across_midnight() {
    let plan = plan();
    let import = all_into(&fixture("watson-log.csv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "Watson log");
    assert_eq!(
        entries(&import),
        [(day(2026, 6, 1), 1_800), (day(2026, 6, 1), 5_400)]
    );
}

#[test]
fn timechimp_in_latin_1_with_tabs_and_day_first_dates() {
    let plan = plan();
    let import = all_into(&fixture("timechimp-latin1.tsv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "TimeChimp export");
    assert_eq!(import.delimiter, Some('\t'));
    assert_eq!(import.date_order, Some(DateOrder::DayMonth));
    assert_eq!(
        entries(&import),
        [(day(2026, 6, 30), 5_400), (day(2026, 7, 1), 7_200)]
    );
    assert!(
        import.batch.records[0].note.contains("Bücher prüfen"),
        "{:?}",
        import.batch.records[0].note
    );
}

#[test]
fn yast_hours_and_minutes_with_dotted_dates() {
    let plan = plan();
    let import = all_into(&fixture("yast.csv"), &plan, learning(&plan));
    assert_eq!(import.recognised, "yast export");
    // Its minutes column is the exact one: 5.56 minutes, where the H:M
    // column rounds to 0:06 and the clock times say 5.
    assert_eq!(
        entries(&import),
        [(day(2026, 7, 7), 98 * 60), (day(2026, 7, 8), 334)]
    );
}

#[test]
fn timewarrior_json_without_the_running_interval() {
    let plan = plan();
    let import = all_into(&fixture("timew-export.json"), &plan, learning(&plan));
    assert_eq!(import.recognised, "timewarrior export (JSON)");
    assert_eq!(
        entries(&import),
        [(day(2026, 8, 3), 5_400), (day(2026, 8, 4), 2_700)]
    );
    assert_eq!(import.skipped.len(), 1, "{:?}", import.skipped);
}

#[test]
fn an_export_imported_twice_adds_nothing_the_second_time() {
    let mut plan = plan();
    let bytes = fixture("toggl-detailed.csv");
    let first = all_into(&bytes, &plan, learning(&plan));
    assert_eq!(first.batch.records.len(), 2);
    plan.time_entries.extend(first.batch.records);
    let again: Preview<TimeEntry> = all_into(&bytes, &plan, learning(&plan));
    assert_eq!(again.batch.records, []);
    assert_eq!(
        skipped(&again),
        [(2, "duplicate"), (3, "duplicate"), (4, "zero")]
    );
}

#[test]
fn a_row_only_a_kept_choice_maps_comes_in_the_first_time_not_the_second() {
    // The third row has no project; its description holds "Reading", the
    // project the person sends to Learning. The import keeps that choice as
    // a rule, so the row goes to Learning now, as it would next time.
    let bytes = b"Project,Description,Start date,Duration\n\
Reading,Async book,2026-05-11,01:30:00\n\
Side project,Parser,2026-05-12,00:45:00\n\
,Reading group,2026-05-13,01:00:00\n";
    let mut plan = plan();
    let learning = learning(&plan);
    let choices = Choices {
        mapping: vec![("Reading".to_owned(), MapTo::Bucket(learning))],
        ..Choices::default()
    };
    let first: Preview<TimeEntry> = preview(bytes, &plan, &choices);
    assert_eq!(
        entries(&first),
        [(day(2026, 5, 11), 5_400), (day(2026, 5, 13), 3_600)]
    );
    assert!(first.batch.records.iter().all(|e| e.category == learning));
    assert_eq!(skipped(&first), [(3, "unmapped")]);
    plan.apply(&yearplan::model::command::Command::Time(
        yearplan::model::command::TimeCommand::Import(first.batch),
    ))
    .unwrap();
    let again: Preview<TimeEntry> = preview(bytes, &plan, &choices);
    assert_eq!(again.batch.records, []);
    assert_eq!(
        skipped(&again),
        [(2, "duplicate"), (3, "unmapped"), (4, "duplicate")]
    );
}

// --- money -----------------------------------------------------------------

#[test]
fn actual_budget_names_the_lines_itself_and_skips_income() {
    let plan = plan();
    // Books and Infrastructure are the plan's own lines: no choice needed.
    let import: Preview<Expense> =
        preview(&fixture("actual-budget.csv"), &plan, &Choices::default());
    assert_eq!(import.recognised, "Actual Budget export");
    assert_eq!(
        expenses(&import),
        [(day(2026, 2, 3), 4_599), (day(2026, 2, 10), 1_200)]
    );
    let lines: Vec<_> = import.batch.records.iter().map(|e| e.line).collect();
    assert_eq!(lines, [plan.budget_lines[0].id, plan.budget_lines[1].id]);
    assert_eq!(skipped(&import), [(2, "income or refund")]);
}

#[test]
fn ynab_outflow_and_inflow_columns() {
    let plan = plan();
    let import = all_into(&fixture("ynab-register.csv"), &plan, books(&plan));
    assert_eq!(import.recognised, "YNAB register export");
    assert_eq!(
        expenses(&import),
        [(day(2026, 3, 5), 3_990), (day(2026, 3, 9), 500)]
    );
    assert_eq!(skipped(&import), [(3, "income or refund")]);
}

#[test]
fn monefy_with_two_currency_columns_and_grouped_amounts() {
    let plan = plan();
    let import = all_into(&fixture("monefy.csv"), &plan, books(&plan));
    assert_eq!(import.recognised, "Monefy export");
    assert_eq!(import.date_order, Some(DateOrder::DayMonth));
    assert_eq!(
        expenses(&import),
        [(day(2026, 4, 3), 1_250), (day(2026, 4, 16), 120_000)]
    );
    assert_eq!(skipped(&import), [(3, "income or refund")]);
}

#[test]
fn hledger_counts_only_postings_to_expense_accounts() {
    let plan = plan();
    let import: Preview<Expense> = all_into(&fixture("hledger.csv"), &plan, books(&plan));
    assert_eq!(import.recognised, "hledger CSV");
    assert_eq!(expenses(&import), [(day(2026, 1, 5), 2_000)]);
    assert_eq!(import.skipped.len(), 3, "{:?}", import.skipped);
}

#[test]
fn a_german_bank_statement_with_a_preamble_and_decimal_commas() {
    let plan = euro_plan();
    let import = all_into(&fixture("dkb-preamble.csv"), &plan, books(&plan));
    assert_eq!(import.recognised, "DKB account statement");
    assert_eq!(import.delimiter, Some(';'));
    // -1.049,90 € (with a no-break space) and -9,99; the 2.500 coming in
    // is income.
    assert_eq!(
        expenses(&import),
        [(day(2026, 3, 30), 104_990), (day(2026, 3, 27), 999)]
    );
    assert_eq!(skipped(&import), [(1, "preamble"), (7, "income or refund")]);
}

#[test]
fn money_in_another_currency_than_the_plan_s_is_reported_not_converted() {
    // A plan in dollars: the euros of the statement, whether the amount
    // says so (1.049,90 €) or only the column's name (Betrag (€)).
    let plan = plan();
    let import: Preview<Expense> = all_into(&fixture("dkb-preamble.csv"), &plan, books(&plan));
    assert_eq!(import.batch.records, []);
    assert_eq!(
        skipped(&import),
        [
            (1, "preamble"),
            (6, "other currency"),
            (7, "income or refund"),
            (8, "other currency")
        ]
    );
}

#[test]
fn a_latin_1_bank_statement_with_a_preamble() {
    let plan = euro_plan();
    let import = all_into(&fixture("ing-latin1-preamble.csv"), &plan, books(&plan));
    assert_eq!(import.recognised, "ING account statement");
    assert_eq!(
        expenses(&import),
        [(day(2026, 3, 31), 2_350), (day(2026, 3, 29), 100_000)]
    );
    assert!(
        import.batch.records[0].note.contains("Bücherei Müller"),
        "{:?}",
        import.batch.records[0].note
    );
    assert_eq!(skipped(&import), [(1, "preamble"), (9, "income or refund")]);
}

#[test]
fn a_headerless_debit_and_credit_file_by_choosing_columns() {
    let plan = plan();
    let bytes = fixture("bank-headerless-crlf.csv");
    let guessed: Preview<Expense> = preview(&bytes, &plan, &Choices::default());
    assert!(!guessed.has_header);
    let columns = Columns {
        date: Some(0),
        bucket: Some(1),
        amount: None,
        outflow: Some(2),
        inflow: Some(3),
        ..guessed.columns.clone()
    };
    let choices = Choices {
        columns: Some(columns),
        ..Choices::default()
    };
    let import = all_into_with(&bytes, &plan, books(&plan), choices);
    assert_eq!(
        expenses(&import),
        [(day(2026, 3, 2), 1_990), (day(2026, 3, 4), 500)]
    );
    assert_eq!(skipped(&import), [(2, "income or refund")]);
}

#[test]
fn rules_made_in_the_preview_map_rows_and_are_kept_once() {
    use yearplan::model::import_rules::ImportRule;
    let mut plan = euro_plan();
    let into = Some(books(&plan));
    let rule = |contains: &str| ImportRule {
        contains: contains.to_owned(),
        into,
    };
    let choices = Choices {
        kept_rules: vec![rule(" buchladen "), rule("Hoster")],
        ..Choices::default()
    };
    plan.import_rules.expenses.push(rule("Hoster"));
    let import: Preview<Expense> = preview(&fixture("dkb-preamble.csv"), &plan, &choices);
    // Buchladen GmbH by the new rule, Hoster AG by the plan's.
    assert_eq!(
        expenses(&import),
        [(day(2026, 3, 30), 104_990), (day(2026, 3, 27), 999)]
    );
    // Kept trimmed, and the rule the plan has already is not kept twice.
    assert_eq!(import.batch.rules, [rule("buchladen")]);
}
/// Other exports of the same kinds of tool: the newer YNAB and Actual,
/// Clockify in German, a Sparkasse CAMT statement, N26, Revolut and
/// `hledger print -O csv`. Each gives its spending, and its money in is
/// skipped as income.
#[test]
fn other_exports_of_the_same_kinds_give_their_spending() {
    let plan = euro_plan();
    let usd = dollar_plan();
    let cases: Vec<(&str, &Plan, &str)> = vec![
        (
            "new YNAB",
            &usd,
            "\"Account\",\"Flag\",\"Date\",\"Payee\",\"Category Group/Category\",\"Category Group\",\"Category\",\"Memo\",\"Outflow\",\"Inflow\",\"Cleared\"\n\"Checking\",\"\",\"12/31/2023\",\"Bookshop\",\"Fun: Books\",\"Fun\",\"Books\",\"\",\"$1,234.56\",\"$0.00\",\"Cleared\"\n\"Checking\",\"\",\"01/02/2024\",\"Employer\",\"Inflow: Ready to Assign\",\"Inflow\",\"Ready to Assign\",\"\",\"$0.00\",\"$2,000.00\",\"Cleared\"\n",
        ),
        (
            "Actual new",
            &usd,
            "Account,Date,Payee,Notes,Category,Amount,Split_Amount,Cleared\nChecking,2024-03-02,Bookshop,Rust,Books,-45.99,0,true\nChecking,2024-03-03,Employer,,Income,2500,0,true\n",
        ),
        (
            "Clockify DE",
            &plan,
            "\"Projekt\",\"Kunde\",\"Beschreibung\",\"Aufgabe\",\"Benutzer\",\"Gruppe\",\"E-Mail\",\"Tags\",\"Abrechenbar\",\"Startdatum\",\"Startzeit\",\"Enddatum\",\"Endzeit\",\"Dauer (h)\",\"Dauer (dezimal)\"\n\"Lesen\",\"\",\"Kapitel 3\",\"\",\"Ada\",\"\",\"a@b.c\",\"\",\"Nein\",\"14.03.2024\",\"20:15:00\",\"14.03.2024\",\"21:45:30\",\"01:30:30\",\"1,51\"\n",
        ),
        (
            "Sparkasse CAMT",
            &plan,
            "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Glaeubiger ID\";\"Mandatsreferenz\";\"Kundenreferenz (End-to-End)\";\"Sammlerreferenz\";\"Lastschrift Ursprungsbetrag\";\"Auslagenersatz Ruecklastschrift\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"BIC (SWIFT-Code)\";\"Betrag\";\"Waehrung\";\"Info\"\n\"DE00\";\"30.03.26\";\"30.03.26\";\"FOLGELASTSCHRIFT\";\"Rechnung 42\";\"\";\"\";\"\";\"\";\"\";\"\";\"Buchladen GmbH\";\"DE11\";\"XXX\";\"-49,90\";\"EUR\";\"Umsatz gebucht\"\n\"DE00\";\"31.03.26\";\"31.03.26\";\"GUTSCHRIFT\";\"Lohn\";\"\";\"\";\"\";\"\";\"\";\"\";\"Arbeitgeber\";\"DE22\";\"XXX\";\"2.500,00\";\"EUR\";\"Umsatz gebucht\"\n",
        ),
        (
            "N26",
            &plan,
            "\"Date\",\"Payee\",\"Account number\",\"Transaction type\",\"Payment reference\",\"Amount (EUR)\",\"Amount (Foreign Currency)\",\"Type Foreign Currency\",\"Exchange Rate\"\n\"2024-03-02\",\"Bookshop\",\"\",\"MasterCard Payment\",\"\",\"-45.99\",\"-49.10\",\"USD\",\"1.0676\"\n\"2024-03-03\",\"Employer\",\"DE00\",\"Income\",\"Salary\",\"2500.0\",\"\",\"\",\"\"\n",
        ),
        (
            "Revolut",
            &plan,
            "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\nCARD_PAYMENT,Current,2024-03-02 10:00:00,2024-03-03 09:00:00,Bookshop,-45.99,0.00,EUR,COMPLETED,100.00\nTOPUP,Current,2024-03-04 10:00:00,2024-03-04 10:00:01,Top-up by *1234,200.00,0.00,EUR,COMPLETED,300.00\n",
        ),
        (
            "hledger print",
            &usd,
            "\"txnidx\",\"date\",\"date2\",\"status\",\"code\",\"description\",\"comment\",\"account\",\"amount\",\"commodity\",\"credit\",\"debit\",\"posting-status\",\"posting-comment\"\n\"1\",\"2024/03/02\",\"\",\"*\",\"\",\"Bookshop\",\"\",\"expenses:books\",\"45.99\",\"$\",\"\",\"45.99\",\"\",\"\"\n\"1\",\"2024/03/02\",\"\",\"*\",\"\",\"Bookshop\",\"\",\"assets:checking\",\"-45.99\",\"$\",\"45.99\",\"\",\"\",\"\"\n",
        ),
    ];
    let expected: [(&str, &str, NaiveDate, i64); 7] = [
        (
            "new YNAB",
            "YNAB register export",
            day(2023, 12, 31),
            123_456,
        ),
        ("Actual new", "Actual Budget export", day(2024, 3, 2), 4_599),
        ("Clockify DE", "", day(2024, 3, 14), 0),
        (
            "Sparkasse CAMT",
            "Sparkasse account statement",
            day(2026, 3, 30),
            4_990,
        ),
        ("N26", "a CSV file", day(2024, 3, 2), 4_599),
        ("Revolut", "a CSV file", day(2024, 3, 2), 4_599),
        ("hledger print", "hledger CSV", day(2024, 3, 2), 4_599),
    ];
    for ((name, plan, text), (expected_name, recognised, date, cents)) in
        cases.into_iter().zip(expected)
    {
        assert_eq!(name, expected_name);
        if name == "Clockify DE" {
            let hours: Preview<TimeEntry> = all_into(text.as_bytes(), plan, learning(plan));
            assert_eq!(hours.recognised, "Clockify detailed report");
            // 01:30:30, the clock duration, not the rounded 1,51.
            assert_eq!(entries(&hours), [(date, 5_430)]);
            continue;
        }
        let spent: Preview<Expense> = all_into(text.as_bytes(), plan, books(plan));
        assert_eq!(spent.recognised, recognised, "{name}");
        assert_eq!(expenses(&spent), [(date, cents)], "{name}");
        let skipped = skipped(&spent);
        let expected_skip = if name == "hledger print" {
            "not an expense account"
        } else {
            "income or refund"
        };
        assert_eq!(skipped, [(3, expected_skip)], "{name}");
    }
}

/// The plan Yearplan starts with, counting in dollars.
fn dollar_plan() -> Plan {
    plan()
}
