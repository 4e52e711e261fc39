//! Edits of the money budget and the expenses.

use chrono::Datelike;

use super::command::{CommandError, check_imported, replace_record};
use super::format::format_cents;
use super::money::ExpensesFate;
use super::validate::{MAX_CENTS, MAX_YEAR, MIN_YEAR};
use super::{BudgetKind, BudgetLine, Expense, LineId, Plan};

/// The most characters a currency symbol may have: enough for "CHF" or
/// "US$", few enough to sit before every amount in a narrow column.
const MAX_SYMBOL_CHARS: usize = 4;

/// An edit of the budget lines or the expenses.
///
/// Expenses are named by their index in `Plan::expenses`, the order of the
/// file. Every expense a command stores has its note trimmed, as a name is:
/// the expense is taken whole once typed, so no half-typed space is lost.
#[derive(Clone, Debug, PartialEq)]
pub enum MoneyCommand {
    /// Appends an expense. Its line must exist, its amount be more than 0
    /// and at most `validate::MAX_CENTS`, its date in the years the plan
    /// accepts.
    AddExpense {
        expense: Expense,
    },
    /// Replaces the expense at `index`, checked as for `AddExpense`, in place.
    EditExpense {
        index: usize,
        expense: Expense,
    },
    DeleteExpense {
        index: usize,
    },
    /// Adds a budget line after the others. The name is trimmed and must not
    /// be empty nor match another line's, ignoring case; the amount or cap
    /// may be 0 (a line still being planned) up to `validate::MAX_CENTS`.
    AddLine {
        line: LineId,
        name: String,
        kind: BudgetKind,
    },
    /// The name is checked as for `AddLine`; changing only its case is
    /// allowed.
    RenameLine {
        line: LineId,
        name: String,
    },
    /// Turns a line monthly or one-time, or changes its amount; checked as
    /// for `AddLine`.
    SetLineKind {
        line: LineId,
        kind: BudgetKind,
    },
    /// Removes a line. Its expenses have to go somewhere, and the caller says
    /// where, so money spent is never dropped without being asked.
    RemoveLine {
        line: LineId,
        expenses: ExpensesFate,
    },
    /// Trimmed; 1 to 4 characters, with no digits, spaces or characters an
    /// amount is written with, so that "12.34" and the symbol never blur.
    SetCurrencySymbol {
        symbol: String,
    },
    /// Appends many expenses as one edit, so one undo takes back an import.
    /// Every expense is checked first; if any is refused, none is added.
    ImportExpenses {
        expenses: Vec<Expense>,
    },
}

impl Plan {
    pub(crate) fn apply_money(&mut self, command: &MoneyCommand) -> Result<bool, CommandError> {
        match command {
            MoneyCommand::AddExpense { expense } => {
                let expense = self.checked_expense(expense)?;
                self.expenses.push(expense);
                Ok(true)
            }
            MoneyCommand::EditExpense { index, expense } => self.edit_expense(*index, expense),
            &MoneyCommand::DeleteExpense { index } => {
                if index >= self.expenses.len() {
                    return Err(CommandError::NoSuchExpense(index));
                }
                self.expenses.remove(index);
                Ok(true)
            }
            MoneyCommand::AddLine { line, name, kind } => self.add_line(*line, name, *kind),
            MoneyCommand::RenameLine { line, name } => self.rename_line(*line, name),
            &MoneyCommand::SetLineKind { line, kind } => self.set_line_kind(line, kind),
            &MoneyCommand::RemoveLine { line, expenses } => self.remove_line(line, expenses),
            MoneyCommand::SetCurrencySymbol { symbol } => self.set_currency_symbol(symbol),
            MoneyCommand::ImportExpenses { expenses } => self.import_expenses(expenses),
        }
    }

    /// A budget line id no line of this plan has: `candidate` itself if it
    /// is free, else the next free one after it (never 0). The app passes a
    /// random candidate, as for [`Plan::unused_task_id`], so copies of a
    /// file edited on two machines still merge into a valid plan.
    pub fn unused_line_id(&self, candidate: u64) -> LineId {
        let used: std::collections::HashSet<u64> =
            self.budget_lines.iter().map(|line| line.id.0).collect();
        let mut id = candidate;
        // Ends: the plan holds fewer than u64::MAX lines.
        while id == 0 || used.contains(&id) {
            id = id.wrapping_add(1);
        }
        LineId(id)
    }

    /// `expense` as it will be stored, or why the plan cannot hold it.
    fn checked_expense(&self, expense: &Expense) -> Result<Expense, CommandError> {
        if self.budget_line(expense.line).is_none() {
            return Err(CommandError::NoSuchLine(expense.line));
        }
        if !(1..=MAX_CENTS).contains(&expense.cents) {
            return Err(CommandError::Invalid(format!(
                "an expense must be more than 0 and at most {}, found {}",
                format_cents(MAX_CENTS, &self.currency_symbol),
                format_cents(expense.cents, &self.currency_symbol)
            )));
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&expense.date.year()) {
            return Err(CommandError::DateOutOfRange(expense.date));
        }
        Ok(Expense {
            note: expense.note.trim().to_owned(),
            ..expense.clone()
        })
    }

    fn edit_expense(&mut self, index: usize, expense: &Expense) -> Result<bool, CommandError> {
        if index >= self.expenses.len() {
            return Err(CommandError::NoSuchExpense(index));
        }
        let expense = self.checked_expense(expense)?;
        replace_record(
            &mut self.expenses,
            index,
            expense,
            CommandError::NoSuchExpense(index),
        )
    }

    fn import_expenses(&mut self, expenses: &[Expense]) -> Result<bool, CommandError> {
        let checked = check_imported(
            expenses,
            "expense",
            |expense| self.checked_expense(expense),
            |expense| expense.date,
        )?;
        if checked.is_empty() {
            return Ok(false);
        }
        self.expenses.extend(checked);
        Ok(true)
    }

    fn add_line(
        &mut self,
        line: LineId,
        name: &str,
        kind: BudgetKind,
    ) -> Result<bool, CommandError> {
        if self.budget_line(line).is_some() {
            return Err(CommandError::IdInUse(format!("budget line id {line}")));
        }
        let name = self.checked_line_name(line, name)?;
        self.checked_kind(kind)?;
        self.budget_lines.push(BudgetLine {
            id: line,
            name: name.to_owned(),
            kind,
        });
        Ok(true)
    }

    fn rename_line(&mut self, line: LineId, name: &str) -> Result<bool, CommandError> {
        if self.budget_line(line).is_none() {
            return Err(CommandError::NoSuchLine(line));
        }
        let name = self.checked_line_name(line, name)?;
        let found = self.existing_line_mut(line)?;
        if found.name == name {
            return Ok(false);
        }
        name.clone_into(&mut found.name);
        Ok(true)
    }

    fn set_line_kind(&mut self, line: LineId, kind: BudgetKind) -> Result<bool, CommandError> {
        if self.budget_line(line).is_none() {
            return Err(CommandError::NoSuchLine(line));
        }
        self.checked_kind(kind)?;
        let found = self.existing_line_mut(line)?;
        if found.kind == kind {
            return Ok(false);
        }
        found.kind = kind;
        Ok(true)
    }

    fn remove_line(&mut self, line: LineId, expenses: ExpensesFate) -> Result<bool, CommandError> {
        if self.budget_line(line).is_none() {
            return Err(CommandError::NoSuchLine(line));
        }
        match expenses {
            ExpensesFate::MoveTo(target) => {
                if target == line {
                    return Err(CommandError::Invalid(
                        "the expenses of a budget line being removed must move to another line"
                            .to_owned(),
                    ));
                }
                if self.budget_line(target).is_none() {
                    return Err(CommandError::NoSuchLine(target));
                }
                for expense in &mut self.expenses {
                    if expense.line == line {
                        expense.line = target;
                    }
                }
            }
            ExpensesFate::Delete => self.expenses.retain(|expense| expense.line != line),
        }
        // `retain` rather than removing one position: a hand-edited file may
        // hold the id twice, and no expense may be left pointing at it.
        self.budget_lines.retain(|found| found.id != line);
        Ok(true)
    }

    fn set_currency_symbol(&mut self, symbol: &str) -> Result<bool, CommandError> {
        let symbol = checked_symbol(symbol)?;
        if self.currency_symbol == symbol {
            return Ok(false);
        }
        symbol.clone_into(&mut self.currency_symbol);
        Ok(true)
    }

    /// The trimmed `name`, refused when empty or when another line than
    /// `line` has it, ignoring case: two "Books" in a chart's legend or a
    /// CSV file could not be told apart.
    fn checked_line_name<'a>(&self, line: LineId, name: &'a str) -> Result<&'a str, CommandError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError::EmptyTitle);
        }
        let folded = name.to_lowercase();
        if let Some(other) = self
            .budget_lines
            .iter()
            .find(|other| other.id != line && other.name.trim().to_lowercase() == folded)
        {
            return Err(CommandError::Invalid(format!(
                "there is already a budget line named {:?}",
                other.name
            )));
        }
        Ok(name)
    }

    /// Refuses an amount the validator would refuse. Zero is allowed: a line
    /// may be set up before its amount is known.
    fn checked_kind(&self, kind: BudgetKind) -> Result<(), CommandError> {
        let (what, cents) = match kind {
            BudgetKind::Monthly { cents } => ("a monthly amount", cents),
            BudgetKind::OneTime { cap_cents } => ("a one-time cap", cap_cents),
        };
        if (0..=MAX_CENTS).contains(&cents) {
            Ok(())
        } else {
            Err(CommandError::Invalid(format!(
                "{what} must be between {} and {}, found {}",
                format_cents(0, &self.currency_symbol),
                format_cents(MAX_CENTS, &self.currency_symbol),
                format_cents(cents, &self.currency_symbol)
            )))
        }
    }

    fn existing_line_mut(&mut self, line: LineId) -> Result<&mut BudgetLine, CommandError> {
        self.budget_lines
            .iter_mut()
            .find(|found| found.id == line)
            .ok_or(CommandError::NoSuchLine(line))
    }
}

/// The trimmed `symbol`, if it can stand before or after an amount without
/// being mistaken for part of it: the amount parser strips the symbol first,
/// so a symbol of "-" or "1" would change what a typed amount means.
fn checked_symbol(symbol: &str) -> Result<&str, CommandError> {
    let symbol = symbol.trim();
    let length = symbol.chars().count();
    if !(1..=MAX_SYMBOL_CHARS).contains(&length) {
        return Err(CommandError::Invalid(format!(
            "a currency symbol has 1 to {MAX_SYMBOL_CHARS} characters, e.g. $, € or CHF"
        )));
    }
    let forbidden = |c: char| {
        c.is_numeric()
            || c.is_whitespace()
            || c.is_control()
            || matches!(c, ',' | '-' | '+' | '(' | ')' | '\u{2212}')
    };
    if symbol.chars().any(forbidden) {
        return Err(CommandError::Invalid(
            "a currency symbol cannot hold digits, spaces or any of , - + ( )".to_owned(),
        ));
    }
    // "kr." is a real symbol; "." alone would eat the dot of ".50".
    if symbol.chars().all(|c| c == '.') {
        return Err(CommandError::Invalid(
            "a currency symbol needs more than dots, e.g. kr.".to_owned(),
        ));
    }
    Ok(symbol)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::NaiveDate;

    use super::*;
    use crate::model::amount::parse_amount_cents;
    use crate::model::command::Command;
    use crate::model::money::{annual_budget_cents, monthly_run_rate_cents};
    use crate::model::validate::validate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn expense(date: NaiveDate, line: u64, cents: i64, note: &str) -> Expense {
        Expense {
            date,
            line: LineId(line),
            cents,
            note: note.to_owned(),
        }
    }

    /// The seed's budget: 1 Books (one-time $500), 2 Infrastructure ($100 a
    /// month), 3 Tools/Services ($200 a month).
    fn seed() -> Plan {
        let plan = crate::io::default_plan(day(2026, 3, 2));
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);
        assert_eq!(annual_budget_cents(&plan), 410_000);
        plan
    }

    /// Applies `command` as the app would, and checks the promises every
    /// command makes: a refusal or a no-op leaves the plan exactly as it
    /// was, a change is a real change, and the plan stays valid.
    fn apply_checked(plan: &mut Plan, command: MoneyCommand) -> Result<bool, CommandError> {
        let command = Command::Money(command);
        let before = plan.clone();
        let result = plan.apply(&command);
        match result {
            Ok(true) => assert_ne!(*plan, before, "{command:?} said it changed the plan"),
            Ok(false) | Err(_) => assert_eq!(*plan, before, "{command:?} changed the plan"),
        }
        if let Err(error) = validate(plan) {
            panic!("{command:?} left an invalid plan:\n{error}");
        }
        result
    }

    fn line_names(plan: &Plan) -> Vec<&str> {
        plan.budget_lines
            .iter()
            .map(|line| line.name.as_str())
            .collect()
    }

    #[test]
    fn expenses_are_added_edited_and_deleted() {
        let mut plan = seed();
        let lunch = expense(day(2026, 3, 2), 3, 1_999, "  Copilot  ");
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::AddExpense {
                    expense: lunch.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(
            plan.expenses,
            vec![expense(day(2026, 3, 2), 3, 1_999, "Copilot")]
        );

        // The same expense again, as typed, changes nothing.
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 0,
                    expense: lunch
                }
            ),
            Ok(false)
        );
        let fixed = expense(day(2026, 3, 3), 2, 2_000, "VPS");
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 0,
                    expense: fixed.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.expenses, vec![fixed.clone()]);
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 1,
                    expense: fixed
                }
            ),
            Err(CommandError::NoSuchExpense(1))
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::DeleteExpense { index: 1 }),
            Err(CommandError::NoSuchExpense(1))
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::DeleteExpense { index: 0 }),
            Ok(true)
        );
        assert!(plan.expenses.is_empty());
    }

    #[test]
    fn expenses_the_plan_cannot_hold_are_refused() {
        let mut plan = seed();
        let add = |line, cents, date| MoneyCommand::AddExpense {
            expense: expense(date, line, cents, ""),
        };
        let today = day(2026, 3, 2);
        assert_eq!(
            apply_checked(&mut plan, add(9, 100, today)),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
        for cents in [0, -1, MAX_CENTS + 1, i64::MIN, i64::MAX] {
            assert!(matches!(
                apply_checked(&mut plan, add(1, cents, today)),
                Err(CommandError::Invalid(_))
            ));
        }
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(1899, 12, 31))),
            Err(CommandError::DateOutOfRange(day(1899, 12, 31)))
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(2201, 1, 1))),
            Err(CommandError::DateOutOfRange(day(2201, 1, 1)))
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, MAX_CENTS, day(1900, 1, 1))),
            Ok(true)
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(2200, 12, 31))),
            Ok(true)
        );
        match apply_checked(&mut plan, add(1, -500, today)) {
            Err(error) => assert_eq!(
                error.to_string(),
                "an expense must be more than 0 and at most $1,000,000,000.00, found -$5.00"
            ),
            Ok(changed) => panic!("a negative expense was taken ({changed})"),
        }
    }

    #[test]
    fn typed_amounts_add_up_exactly_in_the_plan() {
        let mut plan = seed();
        for text in ["0.10", "0.20"] {
            let cents = parse_amount_cents(text, &plan.currency_symbol).unwrap();
            apply_checked(
                &mut plan,
                MoneyCommand::AddExpense {
                    expense: expense(day(2026, 3, 2), 2, cents, ""),
                },
            )
            .unwrap();
        }
        let spent = crate::model::money::spent_on_line_cents(&plan, LineId(2));
        assert_eq!(spent, parse_amount_cents("0.30", "$").unwrap());
        assert_eq!(spent, 30);
    }

    #[test]
    fn lines_are_added_renamed_and_given_a_kind() {
        let mut plan = seed();
        let id = plan.unused_line_id(1);
        assert_eq!(id, LineId(4));
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::AddLine {
                    line: id,
                    name: "  Conferences ".to_owned(),
                    kind: BudgetKind::OneTime { cap_cents: 80_000 },
                }
            ),
            Ok(true)
        );
        assert_eq!(
            line_names(&plan),
            ["Books", "Infrastructure", "Tools/Services", "Conferences"]
        );
        // $300 a month still; the year gains the $800 cap: $4,900.
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);
        assert_eq!(annual_budget_cents(&plan), 490_000);

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 5_000 },
                }
            ),
            Ok(true)
        );
        assert_eq!(monthly_run_rate_cents(&plan), 35_000);
        assert_eq!(annual_budget_cents(&plan), 35_000 * 12 + 50_000);
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 5_000 },
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 0 },
                }
            ),
            Ok(true)
        );

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: id,
                    name: "Events".to_owned(),
                }
            ),
            Ok(true)
        );
        // Changing only the case of its own name is allowed.
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(1),
                    name: "BOOKS".to_owned(),
                }
            ),
            Ok(true)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(1),
                    name: " BOOKS ".to_owned(),
                }
            ),
            Ok(false)
        );
        assert_eq!(
            line_names(&plan),
            ["BOOKS", "Infrastructure", "Tools/Services", "Events"]
        );
    }

    #[test]
    fn line_edits_the_plan_cannot_hold_are_refused() {
        let mut plan = seed();
        let add = |id, name: &str, kind| MoneyCommand::AddLine {
            line: LineId(id),
            name: name.to_owned(),
            kind,
        };
        let monthly = BudgetKind::Monthly { cents: 100 };
        assert_eq!(
            apply_checked(&mut plan, add(2, "Hosting", monthly)),
            Err(CommandError::IdInUse("budget line id 2".to_owned()))
        );
        assert_eq!(
            apply_checked(&mut plan, add(7, "  ", monthly)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply_checked(&mut plan, add(7, " infrastructure ", monthly)),
            Err(CommandError::Invalid(
                "there is already a budget line named \"Infrastructure\"".to_owned()
            ))
        );
        for kind in [
            BudgetKind::Monthly { cents: -1 },
            BudgetKind::OneTime {
                cap_cents: MAX_CENTS + 1,
            },
            BudgetKind::OneTime {
                cap_cents: i64::MIN,
            },
        ] {
            assert!(matches!(
                apply_checked(&mut plan, add(7, "Hosting", kind)),
                Err(CommandError::Invalid(_))
            ));
            assert!(matches!(
                apply_checked(
                    &mut plan,
                    MoneyCommand::SetLineKind {
                        line: LineId(1),
                        kind
                    }
                ),
                Err(CommandError::Invalid(_))
            ));
        }
        assert_eq!(
            apply_checked(
                &mut plan,
                add(
                    7,
                    "Hosting",
                    BudgetKind::OneTime {
                        cap_cents: MAX_CENTS
                    }
                )
            ),
            Ok(true)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(7),
                    name: "tools/services".to_owned(),
                }
            ),
            Err(CommandError::Invalid(
                "there is already a budget line named \"Tools/Services\"".to_owned()
            ))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(9),
                    name: "Anything".to_owned(),
                }
            ),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: LineId(9),
                    kind: monthly,
                }
            ),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
    }

    /// The seed with an expense on each line: $120 of books, $100 of
    /// infrastructure, $25 of tools.
    fn seed_with_expenses() -> Plan {
        let mut plan = seed();
        plan.expenses = vec![
            expense(day(2026, 1, 5), 1, 12_000, "Elixir in Action"),
            expense(day(2026, 1, 6), 2, 10_000, "VPS"),
            expense(day(2026, 1, 7), 3, 2_500, "Copilot"),
        ];
        plan
    }

    #[test]
    fn removing_a_line_moves_or_deletes_its_expenses() {
        let mut plan = seed_with_expenses();
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(2)),
                }
            ),
            Ok(true)
        );
        assert_eq!(line_names(&plan), ["Books", "Infrastructure"]);
        assert_eq!(
            crate::model::money::spent_on_line_cents(&plan, LineId(2)),
            12_500
        );
        assert_eq!(plan.expenses.len(), 3);

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(1),
                    expenses: ExpensesFate::Delete,
                }
            ),
            Ok(true)
        );
        assert_eq!(line_names(&plan), ["Infrastructure"]);
        assert_eq!(
            plan.expenses
                .iter()
                .map(|expense| expense.note.as_str())
                .collect::<Vec<_>>(),
            ["VPS", "Copilot"]
        );
        // A one-time line gone: the run-rate stays, the caps are none.
        assert_eq!(monthly_run_rate_cents(&plan), 10_000);
        assert_eq!(annual_budget_cents(&plan), 120_000);
    }

    #[test]
    fn removing_a_line_refuses_a_bad_destination() {
        let mut plan = seed_with_expenses();
        assert!(matches!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(3)),
                }
            ),
            Err(CommandError::Invalid(_))
        ));
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(8)),
                }
            ),
            Err(CommandError::NoSuchLine(LineId(8)))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(8),
                    expenses: ExpensesFate::Delete,
                }
            ),
            Err(CommandError::NoSuchLine(LineId(8)))
        );
    }

    #[test]
    fn currency_symbol_is_checked() {
        let mut plan = seed();
        let set = |symbol: &str| MoneyCommand::SetCurrencySymbol {
            symbol: symbol.to_owned(),
        };
        assert_eq!(apply_checked(&mut plan, set(" $ ")), Ok(false));
        assert_eq!(apply_checked(&mut plan, set("€")), Ok(true));
        assert_eq!(plan.currency_symbol, "€");
        for good in ["CHF", "US$", "kr.", "R$", "₹"] {
            assert_eq!(apply_checked(&mut plan, set(good)), Ok(true), "{good}");
        }
        for bad in [
            "", "  ", "EURO$", "1", "$1", "-", "(", "+", ",", "k r", ".", "..", "٣", "\t$\u{7}",
        ] {
            assert!(
                matches!(
                    apply_checked(&mut plan, set(bad)),
                    Err(CommandError::Invalid(_))
                ),
                "{bad:?}"
            );
        }
        assert_eq!(plan.currency_symbol, "₹");
    }

    #[test]
    fn an_import_is_all_or_nothing() {
        let mut plan = seed();
        let good = vec![
            expense(day(2026, 1, 5), 1, 12_000, " Elixir in Action "),
            expense(day(2026, 1, 6), 2, 10_000, ""),
        ];
        let mut bad = good.clone();
        bad.push(expense(day(2026, 1, 7), 9, 100, ""));
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::ImportExpenses { expenses: bad }),
            Err(CommandError::Invalid(
                "imported expense 3 (2026-01-07): the budget line with id 9 is not in the plan"
                    .to_owned()
            ))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::ImportExpenses {
                    expenses: Vec::new()
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::ImportExpenses { expenses: good }),
            Ok(true)
        );
        assert_eq!(plan.expenses.len(), 2);
        assert_eq!(plan.expenses[0].note, "Elixir in Action");
        assert_eq!(
            crate::model::money::spent_on_line_cents(&plan, LineId(1)),
            12_000
        );
    }

    #[test]
    fn unused_line_ids_skip_used_ones_and_zero() {
        let plan = seed();
        assert_eq!(plan.unused_line_id(0), LineId(4));
        assert_eq!(plan.unused_line_id(2), LineId(4));
        assert_eq!(plan.unused_line_id(77), LineId(77));
        let mut plan = plan;
        plan.budget_lines[0].id = LineId(u64::MAX);
        assert_eq!(plan.unused_line_id(u64::MAX), LineId(1));
    }

    /// A tiny deterministic generator, so the random test needs no crate.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn cents(&mut self) -> i64 {
            match self.below(12) {
                0 => -1,
                1 => 0,
                2 => MAX_CENTS + 1,
                3 => i64::MAX,
                n => i64::try_from(n * 1_234).unwrap(),
            }
        }

        fn date(&mut self) -> NaiveDate {
            if self.below(20) == 0 {
                day(2300, 1, 1)
            } else {
                day(2026, 1, 1) + chrono::Days::new(self.below(400))
            }
        }

        fn text(&mut self) -> String {
            ["Books", "  books ", "", " ", "Ünïcode ✓", "€", "12"]
                [usize::try_from(self.below(7)).unwrap()]
            .to_owned()
        }

        fn kind(&mut self) -> BudgetKind {
            if self.below(2) == 0 {
                BudgetKind::Monthly {
                    cents: self.cents(),
                }
            } else {
                BudgetKind::OneTime {
                    cap_cents: self.cents(),
                }
            }
        }

        fn expense(&mut self) -> Expense {
            Expense {
                date: self.date(),
                line: LineId(self.below(6)),
                cents: self.cents(),
                note: self.text(),
            }
        }

        fn command(&mut self) -> MoneyCommand {
            let line = LineId(self.below(6));
            let index = usize::try_from(self.below(12)).unwrap();
            match self.below(16) {
                0..=4 => MoneyCommand::AddExpense {
                    expense: self.expense(),
                },
                5 | 6 => MoneyCommand::EditExpense {
                    index,
                    expense: self.expense(),
                },
                7 => MoneyCommand::DeleteExpense { index },
                8 | 9 => MoneyCommand::AddLine {
                    line,
                    name: self.text(),
                    kind: self.kind(),
                },
                10 => MoneyCommand::RenameLine {
                    line,
                    name: self.text(),
                },
                11 => MoneyCommand::SetLineKind {
                    line,
                    kind: self.kind(),
                },
                12 => MoneyCommand::RemoveLine {
                    line,
                    expenses: if self.below(2) == 0 {
                        ExpensesFate::Delete
                    } else {
                        ExpensesFate::MoveTo(LineId(self.below(6)))
                    },
                },
                13 => MoneyCommand::SetCurrencySymbol {
                    symbol: self.text(),
                },
                _ => MoneyCommand::ImportExpenses {
                    expenses: (0..self.below(4)).map(|_| self.expense()).collect(),
                },
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed_value in 1..=20_u64 {
            let mut plan = seed();
            let mut random = XorShift(seed_value.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            for _ in 0..500 {
                let command = random.command();
                let kind = std::mem::discriminant(&command);
                if apply_checked(&mut plan, command) == Ok(true) {
                    took_effect.insert(kind);
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 9);
    }
}
