//! Edits of the money budget and the expenses. What money shares with
//! hours (records, budget lines as buckets, imports and import rules) is in
//! `ledger`; what is
//! its own is here: the amounts an expense may hold, a line's kind and cap,
//! and the currency symbol.

use chrono::NaiveDate;

use super::command::CommandError;
use super::format::format_cents;
use super::import_rules::{ImportBatch, ImportRule};
use super::ledger::{LedgerBucket, LedgerRecord};
use super::money::ExpensesFate;
use super::validate::MAX_CENTS;
use super::{BudgetKind, BudgetLine, Expense, ExpenseId, LineId, Plan};

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
    /// Adds an import's new budget lines, rules and expenses as one edit, so
    /// one undo takes back the whole import. New lines are checked as for
    /// `AddLine`, rules need a text and an existing or new line, expenses
    /// are checked as for `ImportExpenses`; if any part is refused, nothing
    /// changes. A rule whose text is an existing rule's, ignoring case,
    /// replaces it in place.
    Import(ImportBatch<Expense>),
    /// Forgets the expenses' import rule at `index` of
    /// `Plan::import_rules.expenses`.
    RemoveRule {
        index: usize,
    },
    /// Moves the expenses' import rule at `from` to `to` (counted as for
    /// `Command::MoveTask`): the rules are tried in order, the first match
    /// wins.
    MoveRule {
        from: usize,
        to: usize,
    },
}

impl LedgerBucket for BudgetLine {
    type Id = LineId;

    fn id(&self) -> LineId {
        self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn name_mut(&mut self) -> &mut String {
        &mut self.name
    }
}

impl LedgerRecord for Expense {
    type Bucket = BudgetLine;
    type Quantity = i64;

    const RECORD: &'static str = "expense";
    const BUCKET: &'static str = "budget line";
    const LEDGER_NAME: &'static str = "expenses";
    const MOVE_TO_ITSELF: &'static str =
        "the expenses of a budget line being removed must move to another line";

    fn records(plan: &Plan) -> &[Self] {
        &plan.expenses
    }

    fn records_mut(plan: &mut Plan) -> &mut Vec<Self> {
        &mut plan.expenses
    }

    fn buckets(plan: &Plan) -> &[BudgetLine] {
        &plan.budget_lines
    }

    fn buckets_mut(plan: &mut Plan) -> &mut Vec<BudgetLine> {
        &mut plan.budget_lines
    }

    fn rules(plan: &Plan) -> &[ImportRule<LineId>] {
        &plan.import_rules.expenses
    }

    fn rules_mut(plan: &mut Plan) -> &mut Vec<ImportRule<LineId>> {
        &mut plan.import_rules.expenses
    }

    fn new(id: u64, date: NaiveDate, line: LineId, cents: i64, note: String) -> Self {
        Expense {
            id: ExpenseId(id),
            date,
            line,
            cents,
            note,
        }
    }

    fn record_id(&self) -> u64 {
        self.id.0
    }

    fn set_record_id(&mut self, id: u64) {
        self.id = ExpenseId(id);
    }

    fn date(&self) -> NaiveDate {
        self.date
    }

    fn bucket(&self) -> LineId {
        self.line
    }

    fn bucket_mut(&mut self) -> &mut LineId {
        &mut self.line
    }

    fn quantity(&self) -> i64 {
        self.cents
    }

    fn note(&self) -> &str {
        &self.note
    }

    fn note_mut(&mut self) -> &mut String {
        &mut self.note
    }

    fn no_such_record(index: usize) -> CommandError {
        CommandError::NoSuchExpense(index)
    }

    fn no_such_bucket(line: LineId) -> CommandError {
        CommandError::NoSuchLine(line)
    }

    fn check_quantity(&self, plan: &Plan) -> Result<(), CommandError> {
        if !(1..=MAX_CENTS).contains(&self.cents) {
            return Err(CommandError::Invalid(format!(
                "an expense must be more than 0 and at most {}, found {}",
                format_cents(MAX_CENTS, &plan.currency_symbol),
                format_cents(self.cents, &plan.currency_symbol)
            )));
        }
        Ok(())
    }

    fn checked_bucket_details(plan: &Plan, line: &BudgetLine) -> Result<BudgetLine, CommandError> {
        plan.checked_kind(line.kind)?;
        Ok(line.clone())
    }
}

impl Plan {
    pub(crate) fn apply_money(&mut self, command: &MoneyCommand) -> Result<bool, CommandError> {
        match command {
            MoneyCommand::AddExpense { expense } => self.add_record(expense),
            MoneyCommand::EditExpense { index, expense } => self.edit_record(*index, expense),
            &MoneyCommand::DeleteExpense { index } => self.delete_record::<Expense>(index),
            MoneyCommand::AddLine { line, name, kind } => self.add_line(*line, name, *kind),
            MoneyCommand::RenameLine { line, name } => self.rename_bucket::<Expense>(*line, name),
            &MoneyCommand::SetLineKind { line, kind } => self.set_line_kind(line, kind),
            &MoneyCommand::RemoveLine { line, expenses } => {
                let move_to = match expenses {
                    ExpensesFate::MoveTo(target) => Some(target),
                    ExpensesFate::Delete => None,
                };
                self.remove_bucket::<Expense>(line, move_to)
            }
            MoneyCommand::SetCurrencySymbol { symbol } => self.set_currency_symbol(symbol),
            MoneyCommand::ImportExpenses { expenses } => self.import_records(expenses),
            MoneyCommand::Import(batch) => self.import_batch(batch),
            &MoneyCommand::RemoveRule { index } => self.remove_rule::<Expense>(index),
            &MoneyCommand::MoveRule { from, to } => self.move_rule::<Expense>(from, to),
        }
    }

    /// A budget line id no line of this plan has: `candidate` itself if it
    /// is free, else the next free one after it (never 0); see
    /// [`Plan::unused_bucket_id`].
    pub fn unused_line_id(&self, candidate: u64) -> LineId {
        self.unused_bucket_id::<Expense>(candidate)
    }

    fn add_line(
        &mut self,
        line: LineId,
        name: &str,
        kind: BudgetKind,
    ) -> Result<bool, CommandError> {
        let name = self.checked_new_bucket::<Expense>(line, name)?;
        self.checked_kind(kind)?;
        self.budget_lines.push(BudgetLine {
            id: line,
            name: name.to_owned(),
            kind,
        });
        Ok(true)
    }

    fn set_line_kind(&mut self, line: LineId, kind: BudgetKind) -> Result<bool, CommandError> {
        if self.budget_line(line).is_none() {
            return Err(CommandError::NoSuchLine(line));
        }
        self.checked_kind(kind)?;
        let found = self.existing_bucket_mut::<Expense>(line)?;
        if found.kind == kind {
            return Ok(false);
        }
        found.kind = kind;
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
