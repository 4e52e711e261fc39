//! STUB (lead's local stand-in until the helper's lands)
use chrono::{NaiveDate, NaiveTime};
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    DayMonth,
    MonthDay,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderVerdict {
    NotNeeded,
    Settled(DateOrder),
    Undecided,
    Conflicting,
}
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    #[error("{0}")]
    NeedsOrder(String),
    #[error("{0}")]
    Invalid(String),
}
pub fn settle_order<'a>(dates: impl IntoIterator<Item = &'a str>) -> OrderVerdict {
    let (mut d, mut m, mut any) = (false, false, false);
    for t in dates {
        let p: Vec<&str> = t
            .split_whitespace()
            .next()
            .unwrap_or("")
            .split('/')
            .collect();
        if p.len() == 3 && p[2].len() == 4 {
            any = true;
            let a: u32 = p[0].parse().unwrap_or(0);
            let b: u32 = p[1].parse().unwrap_or(0);
            if a > 12 {
                d = true
            }
            if b > 12 {
                m = true
            }
        }
    }
    match (any, d, m) {
        (false, _, _) => OrderVerdict::NotNeeded,
        (_, true, false) => OrderVerdict::Settled(DateOrder::DayMonth),
        (_, false, true) => OrderVerdict::Settled(DateOrder::MonthDay),
        (_, true, true) => OrderVerdict::Conflicting,
        _ => OrderVerdict::Undecided,
    }
}
pub fn parse_date(text: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateError> {
    parse_date_time(text, order).map(|(d, _)| d)
}
pub fn parse_date_time(
    text: &str,
    order: Option<DateOrder>,
) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let (date, time) = match t.split_once([' ', 'T']) {
        Some((a, b)) => (a, Some(b)),
        None => (t, None),
    };
    let time = time.and_then(|x| parse_time_of_day(x).ok());
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(date, f) {
            return Ok((d, time));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(date, "%d.%m.%y") {
        return Ok((d, time));
    }
    let f = match order {
        Some(DateOrder::DayMonth) => "%d/%m/%Y",
        Some(DateOrder::MonthDay) => "%m/%d/%Y",
        None => return Err(DateError::NeedsOrder(t.into())),
    };
    NaiveDate::parse_from_str(date, f)
        .map(|d| (d, time))
        .map_err(|_| DateError::Invalid(t.into()))
}
pub fn parse_time_of_day(text: &str) -> Result<NaiveTime, DateError> {
    let t = text.trim();
    for f in ["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%H%M%SZ"] {
        if let Ok(x) = NaiveTime::parse_from_str(t, f) {
            return Ok(x);
        }
    }
    Err(DateError::Invalid(t.into()))
}
