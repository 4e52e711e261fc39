//! One row's values, as each ledger reads them: the date, and the hours or
//! the money spent, or why the row is not a record at all (a footer, income,
//! a transfer, a value that does not parse).

use chrono::NaiveDate;

use super::SkipReason;
use super::amounts::{DecimalMark, MoneyError, parse_money};
use super::dates::{DateError, DateOrder, parse_date_time};
use super::durations::{DurationError, DurationUnit, hours_between, parse_duration};
use super::recognise::{Columns, Spending};
use super::table::clean;
use crate::model::validate::MAX_HOURS_PER_ENTRY;

/// How the whole file is read, settled before its rows are.
pub struct Reading<'a> {
    pub columns: &'a Columns,
    pub date_order: Option<DateOrder>,
    pub unit: DurationUnit,
    pub mark: DecimalMark,
    /// The plan's currency as an ISO code, when it is known.
    pub plan_currency: Option<&'a str>,
    /// The plan's currency as the plan writes it, for messages.
    pub plan_symbol: &'a str,
    /// The currency the amount column's name gives (`Betrag (€)`), for
    /// amounts that name none themselves.
    pub column_currency: Option<String>,
}

/// The fields of one row.
pub struct Fields<'r> {
    pub record: &'r csv::StringRecord,
}

impl Fields<'_> {
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|index| self.record.get(index))
            .map_or("", clean)
    }
}

/// The day a row belongs to: its date column, or the date of its start.
pub(super) fn row_date(fields: &Fields, reading: &Reading) -> Result<NaiveDate, SkipReason> {
    let columns = reading.columns;
    let text = match fields.get(columns.date) {
        "" => fields.get(columns.start),
        text => text,
    };
    if text.is_empty() {
        return Err(SkipReason::Footer);
    }
    parse_date_time(text, reading.date_order)
        .map(|(date, _)| date)
        .map_err(|error| date_reason(text, error))
}

fn date_reason(text: &str, error: DateError) -> SkipReason {
    match error {
        DateError::Empty => SkipReason::Footer,
        DateError::NeedsOrder(_) => SkipReason::NeedsDateOrder {
            date: text.to_owned(),
        },
        other => SkipReason::Unreadable {
            reason: format!("The date {text:?} cannot be read: {other}"),
        },
    }
}

/// The hours of a row: its duration column, else from its start to its end
/// (an entry past midnight belongs to the day it started), rounded to the
/// second.
pub(super) fn row_hours(fields: &Fields, reading: &Reading) -> Result<f64, SkipReason> {
    let columns = reading.columns;
    let duration = fields.get(columns.duration);
    let hours = if columns.duration.is_some() {
        if duration.is_empty() {
            return Err(SkipReason::Unreadable {
                reason: "The duration is missing.".to_owned(),
            });
        }
        parse_duration(duration, reading.unit).map_err(|error| duration_reason(duration, &error))?
    } else {
        span_hours(fields, reading)?
    };
    let hours = (hours * 3600.0).round() / 3600.0;
    if hours <= 0.0 {
        return Err(SkipReason::Zero);
    }
    if hours > MAX_HOURS_PER_ENTRY {
        return Err(SkipReason::TooLong { hours });
    }
    Ok(hours)
}

fn duration_reason(text: &str, error: &DurationError) -> SkipReason {
    SkipReason::Unreadable {
        reason: format!("The duration {text:?} cannot be read: {error}"),
    }
}

/// From the start to the end: both times of day, or both dates and times.
fn span_hours(fields: &Fields, reading: &Reading) -> Result<f64, SkipReason> {
    let columns = reading.columns;
    let (start, end) = (fields.get(columns.start), fields.get(columns.end));
    if start.is_empty() || end.is_empty() {
        return Err(SkipReason::Unreadable {
            reason: "The start or the end time is missing.".to_owned(),
        });
    }
    let moment = |text: &str| {
        parse_date_time(text, reading.date_order)
            .map(|(date, time)| (Some(date), time))
            .or_else(|_| super::dates::parse_time_of_day(text).map(|time| (None, Some(time))))
            .map_err(|error| SkipReason::Unreadable {
                reason: format!("The time {text:?} cannot be read: {error}"),
            })
    };
    match (moment(start)?, moment(end)?) {
        ((Some(start_day), Some(start)), (Some(end_day), Some(end))) => {
            let seconds = (end_day.and_time(end) - start_day.and_time(start)).num_seconds();
            if seconds < 0 {
                return Err(SkipReason::Unreadable {
                    reason: format!("The entry ends ({end_day} {end}) before it starts."),
                });
            }
            Ok(seconds as f64 / 3600.0)
        }
        ((_, Some(start)), (_, Some(end))) => Ok(hours_between(start, end)),
        _ => Err(SkipReason::Unreadable {
            reason: format!("The start {start:?} or the end {end:?} has no time of day."),
        }),
    }
}

/// The money a row spent, in cents, and the currency it names.
pub(super) fn row_spent(fields: &Fields, reading: &Reading) -> Result<i64, SkipReason> {
    let columns = reading.columns;
    let money = |column: Option<usize>| -> Result<Option<super::amounts::Money>, SkipReason> {
        let text = fields.get(column);
        match parse_money(text, reading.mark) {
            Ok(money) => Ok(Some(money)),
            Err(MoneyError::Empty) => Ok(None),
            Err(error) => Err(SkipReason::Unreadable {
                reason: format!("The amount {text:?} cannot be read: {error}"),
            }),
        }
    };
    let (cents, currency) = if columns.outflow.is_some() || columns.inflow.is_some() {
        let out = money(columns.outflow)?;
        let into = money(columns.inflow)?;
        let out_cents = out.as_ref().map_or(0, |money| money.cents.abs());
        let in_cents = into.as_ref().map_or(0, |money| money.cents.abs());
        if out_cents == 0 && in_cents > 0 {
            return Err(SkipReason::Income);
        }
        (
            out_cents - in_cents,
            out.or(into).and_then(|money| money.currency),
        )
    } else {
        let Some(money) = money(columns.amount)? else {
            return Err(SkipReason::Unreadable {
                reason: "The amount is missing.".to_owned(),
            });
        };
        let spent = match columns.spending {
            Spending::Negative => -money.cents,
            Spending::Positive => money.cents,
        };
        (spent, money.currency)
    };
    let currency = match fields.get(columns.currency) {
        "" => currency,
        written => super::amounts::currency_code(written).or(currency),
    }
    .or_else(|| reading.column_currency.clone());
    // Money in is not spending in any currency; only spending needs the
    // plan's.
    if cents == 0 {
        return Err(SkipReason::Zero);
    }
    if cents < 0 {
        return Err(SkipReason::Income);
    }
    if let (Some(found), Some(plan)) = (currency.as_deref(), reading.plan_currency)
        && found != plan
    {
        return Err(SkipReason::OtherCurrency {
            found: found.to_owned(),
            plan: reading.plan_symbol.to_owned(),
        });
    }
    Ok(cents)
}

/// Rows that move money without spending it, from what they say.
pub(super) fn not_spending(value: &str, texts: &[&str]) -> Option<SkipReason> {
    let value = value.to_lowercase();
    // Monefy: "To 'Payment card'"; YNAB: "Transfer : Savings".
    if value.starts_with("transfer") || value.starts_with("to '") || value.starts_with("from '") {
        return Some(SkipReason::Transfer);
    }
    let balance = [
        "starting balance",
        "opening balance",
        "anfangssaldo",
        "kontostand",
    ];
    texts
        .iter()
        .any(|text| {
            let text = text.to_lowercase();
            balance.iter().any(|word| text.contains(word))
        })
        .then_some(SkipReason::Balance)
}
