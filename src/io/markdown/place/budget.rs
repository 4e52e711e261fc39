//! `Name: value` lines: weekly hours, budget lines, the start date and the
//! currency, and, at the end, the one currency the amounts are in.

use crate::io::markdown::lines::Line;
use crate::io::markdown::parse::hours::{HoursFigure, HoursPer, parse_hours};
use crate::io::markdown::parse::money::{MoneyFigure, MoneyParse, MoneyPer, parse_money};
use crate::io::markdown::parse::{START_LABELS, name_value, parse_date, words};
use crate::model::validate::MAX_WEEKLY_HOURS;
use crate::model::{BudgetKind, BudgetLine, CategoryId, LineId, TimeCategory};

use super::{Importer, SymbolUse};

/// The longest currency symbol a `**Currency**:` line may give.
const MAX_SYMBOL_CHARS: usize = 16;

impl Importer<'_> {
    /// Reads a `Name: value` line as weekly hours, a budget line, the start
    /// date or the currency. `in_budget` lets amounts and hours go without a
    /// symbol or "per week". Returns whether the line was read (including
    /// read and reported as unusable).
    pub(super) fn value_line(&mut self, line: &Line, in_budget: bool) -> bool {
        let Some((name, value)) = name_value(line) else {
            return false;
        };
        let name = name.trim();
        if let Some(hours) = parse_hours(value) {
            return self.hours_line(line, name, &hours, in_budget);
        }
        match parse_money(value, in_budget) {
            MoneyParse::NotMoney => {}
            MoneyParse::Bad(problem) => {
                self.unplaced(line, format_args!("{problem}"));
                return true;
            }
            MoneyParse::Money(money) => {
                self.money_line(line, name, money);
                return true;
            }
        }
        let key = words(name);
        if START_LABELS.contains(&key.as_str()) {
            let start = self.plan.start_date;
            match parse_date(value) {
                Ok(date) if self.start_seen => self.unplaced(
                    line,
                    format_args!("a second start date ({date}); the plan starts on {start}"),
                ),
                Ok(date) => {
                    self.start_seen = true;
                    self.plan.start_date = date;
                }
                Err(problem) => {
                    self.unplaced(line, format_args!("{problem}; the plan starts on {start}"));
                }
            }
            return true;
        }
        if key == "currency" {
            let symbol = value.trim();
            if self.currency.is_some() {
                self.unplaced(
                    line,
                    format_args!("a second currency; the first one is kept"),
                );
            } else if symbol.chars().count() > MAX_SYMBOL_CHARS {
                self.unplaced(
                    line,
                    format_args!("not a currency symbol (write **Currency**: €)"),
                );
            } else {
                self.currency = Some(symbol.to_owned());
            }
            return true;
        }
        false
    }

    fn hours_line(
        &mut self,
        line: &Line,
        name: &str,
        hours: &HoursFigure,
        in_budget: bool,
    ) -> bool {
        match hours.per {
            HoursPer::Week => {}
            HoursPer::Unsaid if in_budget => {}
            HoursPer::Unsaid => return false,
            HoursPer::Other(period) => {
                self.unplaced(
                    line,
                    format_args!(
                        "hours per {period}: a time budget is hours per week (10 hours/week)"
                    ),
                );
                return true;
            }
        }
        let (mut min, mut max) = (hours.min, hours.max);
        let sane = |hours: f64| hours.is_finite() && (0.0..=MAX_WEEKLY_HOURS).contains(&hours);
        if !sane(min) || !sane(max) {
            self.unplaced(
                line,
                format_args!("a week has {MAX_WEEKLY_HOURS} hours; this target is left out"),
            );
            return true;
        }
        if min > max {
            self.unplaced(
                line,
                format_args!("the range runs backwards; read as {max}-{min} hours/week"),
            );
            std::mem::swap(&mut min, &mut max);
        }
        if !self.has_room(line, self.plan.time_categories.len(), "time categories") {
            return true;
        }
        let id = CategoryId(self.plan.time_categories.len() as u64 + 1);
        self.plan.time_categories.push(TimeCategory {
            id,
            name: name.to_owned(),
            weekly_min_hours: min,
            weekly_max_hours: max,
        });
        true
    }

    fn money_line(&mut self, line: &Line, name: &str, money: MoneyFigure) {
        if !self.has_room(line, self.plan.budget_lines.len(), "budget lines") {
            return;
        }
        let kind = match money.per {
            MoneyPer::Month => BudgetKind::Monthly { cents: money.cents },
            MoneyPer::Once => BudgetKind::OneTime {
                cap_cents: money.cents,
            },
            MoneyPer::Year => {
                self.unplaced(
                    line,
                    format_args!(
                        "a yearly amount, read as a one-time cap for the plan's year (budget \
                         lines are monthly or one-time)"
                    ),
                );
                BudgetKind::OneTime {
                    cap_cents: money.cents,
                }
            }
        };
        if !money.symbol.is_empty() {
            self.symbols.push(SymbolUse {
                symbol: money.symbol,
                line: line.number,
                offset: line.offset,
            });
        }
        let id = LineId(self.plan.budget_lines.len() as u64 + 1);
        self.plan.budget_lines.push(BudgetLine {
            id,
            name: name.to_owned(),
            kind,
        });
    }

    pub(super) fn settle_currency(&mut self) {
        let symbol = match (&self.currency, self.symbols.first()) {
            (Some(symbol), _) => symbol.clone(),
            (None, Some(first)) => first.symbol.clone(),
            (None, None) => return,
        };
        for used in std::mem::take(&mut self.symbols) {
            if used.symbol != symbol {
                self.unplaced_at(
                    used.line,
                    used.offset,
                    format_args!(
                        "written in {} but the plan's currency is {symbol}; the amount is kept \
                         as it is, in {symbol}",
                        used.symbol
                    ),
                );
            }
        }
        self.plan.currency_symbol = symbol;
    }
}
