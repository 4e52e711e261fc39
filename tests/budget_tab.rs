//! The Budget tab driven by label: logging expenses, bad amounts, budget
//! lines, caps and CSV in and out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::window::{
    Window, app_on, choose, choose_file, click, plan, press, retype, type_into, window,
};
use common::{date, write_file};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::dialogs::FilePurpose;
use yearplan::io;
use yearplan::model::{BudgetKind, Expense, ExpenseId, LineId, Plan};
use yearplan::ui::Tab;

fn today() -> NaiveDate {
    date(2026, 3, 4)
}

const BOOKS: LineId = LineId(1);
const INFRASTRUCTURE: LineId = LineId(2);
const TOOLS: LineId = LineId(3);

/// `expenses` with their ids cleared, to compare with expenses written out:
/// the form gives each new expense a random id. Checks first that every
/// expense has an id, no two the same.
fn without_ids(expenses: &[Expense]) -> Vec<Expense> {
    let ids: HashSet<ExpenseId> = expenses.iter().map(|expense| expense.id).collect();
    assert_eq!(ids.len(), expenses.len(), "ids repeat: {expenses:?}");
    assert!(
        !ids.contains(&ExpenseId(0)),
        "an expense has no id: {expenses:?}"
    );
    expenses
        .iter()
        .map(|expense| Expense {
            id: ExpenseId(0),
            ..expense.clone()
        })
        .collect()
}

fn budget_tab_with(plan: Plan) -> Window {
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 1100.0));
    let mut harness = window(builder, app_on(plan, today()));
    click(&mut harness, Tab::Budget.label());
    harness
}

fn budget_tab() -> Window {
    budget_tab_with(io::default_plan(today()))
}

#[test]
fn an_expense_added_through_the_form_counts_in_this_month() {
    let mut harness = budget_tab();
    choose(&mut harness, "Line", "Infrastructure");
    retype(&mut harness, "Amount", "$49.99");
    retype(&mut harness, "Note", "Fly.io");
    click(&mut harness, "Add");
    assert_eq!(
        without_ids(&plan(&harness).expenses),
        [Expense {
            id: ExpenseId(0),
            date: today(),
            line: INFRASTRUCTURE,
            cents: 4_999,
            note: "Fly.io".to_owned(),
        }]
    );
    // The table's row, Infrastructure's month and the run-rate all show it.
    assert_eq!(harness.get_all_by_label("$49.99").count(), 3);

    // Enter adds too; cents add up exactly: 0.10 + 0.20 on top.
    retype(&mut harness, "Amount", "0.10");
    press(&mut harness, egui::Key::Enter);
    retype(&mut harness, "Amount", "0.20");
    press(&mut harness, egui::Key::Enter);
    let cents: i64 = plan(&harness)
        .expenses
        .iter()
        .map(|expense| expense.cents)
        .sum();
    assert_eq!(cents, 5_029);
    // Each of the three got an id of its own.
    assert_eq!(without_ids(&plan(&harness).expenses).len(), 3);
    assert_eq!(harness.get_all_by_label("$50.29").count(), 2);
}

#[test]
fn a_bad_amount_shows_its_message_and_adds_nothing() {
    let mut harness = budget_tab();
    let cases = [
        ("", "Enter an amount"),
        ("abc", ""),
        ("-5", "negative"),
        ("1.234", "two decimals"),
        ("999999999999", "too large"),
    ];
    for (bad, message) in cases {
        retype(&mut harness, "Amount", bad);
        click(&mut harness, "Add");
        assert!(plan(&harness).expenses.is_empty(), "{bad:?} was added");
        assert!(!harness.state().document().dirty);
        if !message.is_empty() {
            harness.get_by_label_contains(message);
        }
    }
}

#[test]
fn spending_from_a_cap_shows_what_is_left_and_over_in_red_words() {
    let mut seed = io::default_plan(today());
    seed.expenses.push(Expense {
        id: Default::default(),
        date: today(),
        line: BOOKS,
        cents: 4_499,
        note: "Elixir in Action".to_owned(),
    });
    let mut harness = budget_tab_with(seed);
    harness.get_by_label("Books: $44.99 of $500.00 — $455.01 left");
    harness.get_by_label("Books cap: $44.99 / $500.00");

    retype(&mut harness, "Amount", "460");
    click(&mut harness, "Add");
    harness.get_by_label("Books: $504.99 of $500.00 — $4.99 over");
}

#[test]
fn removing_a_line_with_expenses_moves_them() {
    let mut seed = io::default_plan(today());
    for cents in [1_900, 9_900] {
        seed.expenses.push(Expense {
            id: Default::default(),
            date: today(),
            line: TOOLS,
            cents,
            note: String::new(),
        });
    }
    let mut harness = budget_tab_with(seed);
    click(&mut harness, "Remove Tools/Services");
    harness.get_by_label_contains("has 2 expenses");
    choose(&mut harness, "Move them to", "Infrastructure");
    click(&mut harness, "Move and remove");
    let plan = plan(&harness);
    assert!(plan.budget_line(TOOLS).is_none());
    assert_eq!(plan.expenses.len(), 2);
    assert!(
        plan.expenses
            .iter()
            .all(|expense| expense.line == INFRASTRUCTURE)
    );
    // The run-rate loses the line's $200.
    harness.get_by_label("Annual budget $1,700.00 ($100.00 a month and the one-time caps)");
}

#[test]
fn a_line_is_added_and_changed_and_the_symbol_set() {
    let mut harness = budget_tab();
    click(&mut harness, "+ Add budget line");
    retype(&mut harness, "Line name", "Courses");
    harness.get_by_label("one-time cap").click();
    retype(&mut harness, "Line amount", "1,200");
    click(&mut harness, "Save line");
    let courses = plan(&harness)
        .budget_lines
        .iter()
        .find(|line| line.name == "Courses")
        .unwrap()
        .clone();
    assert_eq!(courses.kind, BudgetKind::OneTime { cap_cents: 120_000 });
    // 12 × $300 + $500 + $1,200.
    harness.get_by_label_contains("Annual budget $5,300.00");

    click(&mut harness, "Edit Infrastructure");
    retype(&mut harness, "Line amount", "150");
    click(&mut harness, "Save line");
    assert_eq!(
        plan(&harness).budget_line(INFRASTRUCTURE).unwrap().kind,
        BudgetKind::Monthly { cents: 15_000 }
    );

    retype(&mut harness, "Currency symbol", "€");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(plan(&harness).currency_symbol, "€");
    harness.get_by_label_contains("Annual budget €5,900.00");
}

#[test]
fn csv_import_previews_and_adds_on_confirm_and_export_writes_all() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "expenses.csv",
        "date,line,amount,note\n\
         2026-03-01,Books,44.99,Elixir in Action\n\
         2026-03-02,Infrastructure,$100,\"Fly.io, March\"\n\
         2026-03-03,Yachts,5000,no such line\n",
    );
    let mut harness = budget_tab();
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &csv);
    // $44.99 + $100.00; Yachts is no budget line of the plan.
    harness.get_by_label("2 expenses will come in ($144.99); 1 row will not.");
    assert!(plan(&harness).expenses.is_empty());
    click(&mut harness, "Import 2 expenses");
    assert_eq!(plan(&harness).expenses.len(), 2);
    assert_eq!(plan(&harness).expenses[1].note, "Fly.io, March");

    let out = folder.path().join("out.csv");
    choose_file(&mut harness, FilePurpose::ExportExpensesCsv, &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("date,line,amount,note"));
    assert!(text.contains("2026-03-02,Infrastructure,100.00,\"Fly.io, March\""));
}

#[test]
fn the_example_plan_draws_both_charts() {
    let mut harness = budget_tab_with(io::example_plan().unwrap());
    harness.run();
    harness.get_by_label("Spend per month");
    harness.get_by_label("Cumulative spend");
    assert!(
        harness
            .query_by_label_contains("No expenses logged yet")
            .is_none()
    );
}

#[test]
fn importing_the_same_expenses_twice_adds_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "expenses.csv",
        "date,line,amount,note\n2026-03-01,Books,44.99,Elixir in Action\n",
    );
    let mut harness = budget_tab();
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &csv);
    click(&mut harness, "Import 1 expense");
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &csv);
    harness.get_by_label_contains("duplicate: 1");
    assert_eq!(plan(&harness).expenses.len(), 1);
}

#[test]
fn a_bank_statement_skips_income_and_maps_a_payee_to_a_line() {
    let folder = tempfile::tempdir().unwrap();
    // A German bank's export: a preamble, `;`, decimal commas, Latin-1.
    let mut bytes = b"Umsatzanzeige;Datei erstellt am: 01.04.2026\n\nIBAN;DE00 1234\n\n".to_vec();
    bytes.extend(b"Buchung;Auftraggeber/Empf\xe4nger;Verwendungszweck;Betrag;W\xe4hrung\n");
    bytes.extend(b"02.03.2026;Fly.io;Server M\xe4rz;-100,00;USD\n");
    bytes.extend(b"03.03.2026;Buchladen;Elixir in Action;-44,99;USD\n");
    bytes.extend(b"04.03.2026;Arbeitgeber;Gehalt;2.500,00;USD\n");
    let path = folder.path().join("konto.csv");
    std::fs::write(&path, bytes).unwrap();
    let mut harness = budget_tab();
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &path);
    harness.get_by_label_contains("ING account statement, 3 rows (windows-1252");
    harness.get_by_label("0 expenses will come in ($0.00); 4 rows will not.");
    choose(&mut harness, "Fly.io", "Infrastructure");
    choose(&mut harness, "Buchladen", "Books");
    harness.get_by_label("2 expenses will come in ($144.99); 2 rows will not.");
    harness.get_by_label_contains("income or refund: 1");
    click(&mut harness, "Import 2 expenses");
    let expenses = &plan(&harness).expenses;
    assert_eq!(expenses.iter().map(|e| e.cents).sum::<i64>(), 14_499);
    assert_eq!(expenses[0].note, "Fly.io — Server März");
}

#[test]
fn a_rule_written_in_the_preview_maps_next_month_s_statement() {
    let folder = tempfile::tempdir().unwrap();
    // A headerless debit/credit file, whose payee text changes each month.
    let march = write_file(
        folder.path(),
        "march.csv",
        "02.03.2026;Lastschrift BUCHLADEN GMBH Rechnung 7;-19,90;;\n\
         04.03.2026;Kartenzahlung HOSTER AG VPS;-5,00;;\n",
    );
    let mut harness = budget_tab();
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &march);
    harness.get_by_label("0 expenses will come in ($0.00); 2 rows will not.");
    type_into(&mut harness, "Rows containing", "buchladen");
    choose(&mut harness, "go to", "Books");
    click(&mut harness, "Add rule");
    harness.get_by_label("Rows containing \"buchladen\" go to Books");
    harness.get_by_label("1 expense will come in ($19.90); 1 row will not.");
    click(&mut harness, "Import 1 expense");
    let kept = &plan(&harness).import_rules.expenses;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].contains.as_str(), kept[0].into),
        ("buchladen", Some(BOOKS))
    );

    // April's statement names the same shop with another invoice: it maps
    // itself by the rule, with nothing to choose.
    let april = write_file(
        folder.path(),
        "april.csv",
        "03.04.2026;Lastschrift BUCHLADEN GMBH Rechnung 12;-31,00;;\n",
    );
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &april);
    harness.get_by_label("1 expense will come in ($31.00); 0 rows will not.");
    click(&mut harness, "Import 1 expense");
    let books: i64 = plan(&harness)
        .expenses
        .iter()
        .filter(|expense| expense.line == BOOKS)
        .map(|expense| expense.cents)
        .sum();
    assert_eq!(books, 1_990 + 3_100);
}

#[test]
fn a_rule_written_in_the_preview_can_be_taken_back_before_importing() {
    let folder = tempfile::tempdir().unwrap();
    let march = write_file(
        folder.path(),
        "march.csv",
        "02.03.2026;Lastschrift BUCHLADEN GMBH Rechnung 7;-19,90;;\n",
    );
    let mut harness = budget_tab();
    choose_file(&mut harness, FilePurpose::ImportExpensesCsv, &march);
    type_into(&mut harness, "Rows containing", "BUCHLADEN");
    choose(&mut harness, "go to", "Leave out");
    click(&mut harness, "Add rule");
    harness.get_by_label_contains("left out: 1");
    click(&mut harness, "Remove the rule BUCHLADEN");
    harness.get_by_label("0 expenses will come in ($0.00); 1 row will not.");
    click(&mut harness, "Cancel");
    assert!(plan(&harness).import_rules.expenses.is_empty());
}

#[test]
fn each_chart_says_what_it_shows_to_a_screen_reader() {
    // The example plan on Friday 27 November, by hand from the file. Spend,
    // all lines: Sep 423.50, Oct 246.20, Nov 255.00 so far. On the monthly
    // lines Jun's 336.00 and Sep's 423.50 top the 300.00 run-rate; Nov's are
    // 203.00. Spent since May: 247.99 + 375.99 + 211.00 + 250.50 + 423.50 +
    // 246.20 + 255.00 = 2,010.18.
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 1100.0));
    let mut harness = window(
        builder,
        app_on(io::example_plan().unwrap(), date(2026, 11, 27)),
    );
    click(&mut harness, Tab::Budget.label());
    harness.get_by_label(
        "Spend per month: Sep 2026 $423.50, Oct 2026 $246.20, Nov 2026 $255.00 so far; the \
         monthly lines went over the $300.00 run-rate in 2 months of the plan year (Jun 2026, \
         Sep 2026); this month $203.00 on them",
    );
    harness.get_by_label_contains("Cumulative spend: $2,010.18 so far, against ");
}
