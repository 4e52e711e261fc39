//! Dates and times of day as exports write them: ISO `2024-03-04` (with a
//! time, a `T`, an offset), timewarrior's `20240304T091500Z`, `2024/03/04`,
//! `04.03.2024`, `04.03.24`, and the slash dates `03/04/2024` that read one
//! way in Europe and another in the United States.
//!
//! Slash dates are never guessed one row at a time: a whole column is looked
//! at first ([`settle_order`]), because one `13/04/2024` anywhere in it says
//! how every other row is meant, and a column that never says so is the
//! person's to decide.
//!
//! Everything is read by hand rather than with chrono's format strings, so
//! that what is accepted is exactly what is listed here and a refusal can
//! say which text it refused.

use chrono::{NaiveDate, NaiveTime};

use crate::model::validate::{MAX_YEAR, MIN_YEAR};

/// How a slash date whose two first parts are both 12 or less is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `03/04/2024` is the 3rd of April (most of the world).
    DayMonth,
    /// `03/04/2024` is the 4th of March (the United States).
    MonthDay,
}

/// What a whole column of dates says about its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderVerdict {
    /// No date in the column needs an order (ISO, YYYY/MM/DD, DD.MM.YYYY, ...).
    NotNeeded,
    /// One date had a day over 12, which decides every row.
    Settled(DateOrder),
    /// Every slash date reads both ways: the person must choose.
    Undecided,
    /// Some dates only read day-first and others only month-first.
    Conflicting,
}

/// Why a piece of text is not a date or a time of day. Each message is a
/// whole sentence that quotes the text, so a report of refused rows can show
/// it as it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("The date is empty.")]
    Empty,
    #[error(
        "\"{0}\" reads both day-first and month-first: choose which order the file writes its dates in."
    )]
    NeedsOrder(String),
    #[error(
        "\"{0}\" is not a date that can be read; dates are read as 2024-03-04, 2024/03/04, 04.03.2024 or 03/04/2024 in the column's order."
    )]
    Invalid(String),
    /// The parts are in a form that is read, but name no day of the calendar.
    #[error("\"{0}\" names a day that does not exist.")]
    NoSuchDay(String),
    /// A year outside [`MIN_YEAR`]–[`MAX_YEAR`], most often a typing slip.
    #[error("\"{0}\" is outside the years {MIN_YEAR} to {MAX_YEAR}.")]
    OutOfRange(String),
    /// The date is fine but what follows it, or a time-of-day field, is not a
    /// time.
    #[error("\"{0}\" is not a time of day such as 14:35, 10:23:52 or 2:35 PM.")]
    InvalidTime(String),
}

/// What an error shows of the text: all of it when short, its start when a
/// whole paragraph landed in a date column.
const SHOWN_CHARS: usize = 60;

fn shown(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// What a whole column says about the order of its slash dates.
///
/// Only dates of the `A/B/YYYY` shape are looked at, with or without a time
/// after them; every other form, empty cells and text that is no date at all
/// leave the verdict alone (the rows are refused later, one by one). A date
/// that reads in neither order (`31/31/2024`) says nothing either.
pub fn settle_order<'a>(dates: impl IntoIterator<Item = &'a str>) -> OrderVerdict {
    let mut any_slash_date = false;
    let mut day_first_only = false;
    let mut month_first_only = false;
    for text in dates {
        let Some((first, second, year)) = slash_parts(text) else {
            continue;
        };
        any_slash_date = true;
        let day_first = NaiveDate::from_ymd_opt(year, second, first).is_some();
        let month_first = NaiveDate::from_ymd_opt(year, first, second).is_some();
        match (day_first, month_first) {
            (true, false) => day_first_only = true,
            (false, true) => month_first_only = true,
            _ => {}
        }
    }
    match (day_first_only, month_first_only) {
        (true, true) => OrderVerdict::Conflicting,
        (true, false) => OrderVerdict::Settled(DateOrder::DayMonth),
        (false, true) => OrderVerdict::Settled(DateOrder::MonthDay),
        (false, false) if any_slash_date => OrderVerdict::Undecided,
        (false, false) => OrderVerdict::NotNeeded,
    }
}

/// The two first parts and the year of an `A/B/YYYY` date at the start of
/// `text`, when it has that shape.
fn slash_parts(text: &str) -> Option<(u32, u32, i32)> {
    let (date, _) = split_date_and_time(text.trim());
    let mut parts = date.split('/');
    let first = parts.next()?;
    let second = parts.next()?;
    let year = parts.next()?;
    let short = |part: &str| (1..=2).contains(&part.len()) && all_digits(part);
    if parts.next().is_some() || !short(first) || !short(second) {
        return None;
    }
    if year.len() != 4 || !all_digits(year) {
        return None;
    }
    Some((
        first.parse().ok()?,
        second.parse().ok()?,
        year.parse().ok()?,
    ))
}

/// A date, with or without a time after it; `order` settles `03/04/2024`.
///
/// The time, when there is one, must be a time of day (see
/// [`parse_date_time`]); it is then dropped.
pub fn parse_date(text: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateError> {
    parse_date_time(text, order).map(|(date, _)| date)
}

/// A date and, when written, its time of day.
///
/// Dates: `2024-03-04`, `20240304`, `2024/03/04`, `04.03.2024`, `4.3.2024`,
/// `04.03.24` (a two-digit year is 20YY), and `03/04/2024` or `3/4/2024`,
/// read in `order`. A slash date that reads both ways needs an order
/// ([`DateError::NeedsOrder`] without one); one that cannot be read in the
/// order given is [`DateError::Invalid`].
///
/// The time follows after spaces or a `T`: `2024-03-04 09:15`,
/// `2024-03-04T09:15:00.000`, `03/04/2024 2:35 PM`, `20240304T091500Z`. An
/// offset after it (`Z`, `+02:00`, `+0200`, `-05`, ` UTC`) is read and
/// ignored: the date and time are the wall clock as written, which is the
/// day the person lived the entry.
pub fn parse_date_time(
    text: &str,
    order: Option<DateOrder>,
) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let (date_text, time_text) = split_date_and_time(trimmed);
    // `2024-03-04x` is not a date with a bad time but not a date at all.
    if time_text.is_some_and(|time| !time.starts_with(|c: char| c.is_ascii_digit())) {
        return Err(DateError::Invalid(shown(trimmed)));
    }
    let date = date_only(date_text, order, trimmed)?;
    let time = match time_text {
        Some(time_text) => Some(
            time_with_offset(time_text, date_text.len() == 8 && all_digits(date_text))
                .ok_or_else(|| DateError::InvalidTime(shown(trimmed)))?,
        ),
        None => None,
    };
    Ok((date, time))
}

/// A time of day: `14:35`, `9:53`, `10:23:52`, `10:23 AM`, `11:23:01 PM`,
/// `12:05 AM` (= 00:05).
///
/// Seconds may carry a fraction (`10:23:52.250`). `am`, `a.m.` and the like
/// are read in any case, with or without a space before them; with them the
/// hour runs from 1 to 12. An offset after the time is ignored, as in
/// [`parse_date_time`].
pub fn parse_time_of_day(text: &str) -> Result<NaiveTime, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    time_with_offset(trimmed, false).ok_or_else(|| DateError::InvalidTime(shown(trimmed)))
}

/// `text` cut where the date ends: the date, and what follows it (without the
/// spaces, comma or `T` between them) if anything does.
fn split_date_and_time(text: &str) -> (&str, Option<&str>) {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .unwrap_or(text.len());
    // A trailing dot (`2024.03.04.`, as Hungarian writes it) stays with the
    // date, which is read without it.
    let (date, rest) = text.split_at_checked(end).unwrap_or((text, ""));
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .unwrap_or(rest);
    if rest.is_empty() {
        (date, None)
    } else {
        (date, Some(rest))
    }
}

/// The date in `date` (only digits and `-`, `/`, `.`), or why not;
/// `whole` is the text to quote.
fn date_only(date: &str, order: Option<DateOrder>, whole: &str) -> Result<NaiveDate, DateError> {
    let invalid = || DateError::Invalid(shown(whole));
    let date = date.strip_suffix('.').unwrap_or(date);
    if date.len() == 8 && all_digits(date) {
        let (year, month_day) = date.split_at_checked(4).ok_or_else(invalid)?;
        let (month, day) = month_day.split_at_checked(2).ok_or_else(invalid)?;
        return calendar_day(year, month, day, whole);
    }
    let separator = date
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or_else(invalid)?;
    let parts: Vec<&str> = date.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return Err(invalid());
    };
    let short = |part: &str| (1..=2).contains(&part.len()) && all_digits(part);
    if !short(second) {
        return Err(invalid());
    }
    if first.len() == 4 && all_digits(first) && short(third) {
        // Year first, in every separator: 2024-03-04, 2024/03/04, 2024.03.04.
        return calendar_day(first, second, third, whole);
    }
    if !short(first) {
        return Err(invalid());
    }
    match separator {
        '.' if third.len() == 4 && all_digits(third) => calendar_day(third, second, first, whole),
        '.' if third.len() == 2 && all_digits(third) => {
            calendar_day(&format!("20{third}"), second, first, whole)
        }
        '/' if third.len() == 4 && all_digits(third) => {
            slash_date(first, second, third, order, whole)
        }
        _ => Err(invalid()),
    }
}

/// A slash date `A/B/YYYY` read in `order`, or in the only order it reads
/// when there is just one.
fn slash_date(
    first: &str,
    second: &str,
    year: &str,
    order: Option<DateOrder>,
    whole: &str,
) -> Result<NaiveDate, DateError> {
    match order {
        Some(DateOrder::DayMonth) => {
            calendar_day(year, second, first, whole).map_err(|error| refused_in_order(error, whole))
        }
        Some(DateOrder::MonthDay) => {
            calendar_day(year, first, second, whole).map_err(|error| refused_in_order(error, whole))
        }
        None => {
            let day_first = calendar_day(year, second, first, whole);
            let month_first = calendar_day(year, first, second, whole);
            match (day_first, month_first) {
                (Ok(day_first), Ok(month_first)) if day_first == month_first => Ok(day_first),
                (Ok(_), Ok(_)) => Err(DateError::NeedsOrder(shown(whole))),
                (Ok(date), Err(_)) | (Err(_), Ok(date)) => Ok(date),
                (Err(error), Err(_)) => Err(error),
            }
        }
    }
}

/// A slash date that does not read in the column's order is refused as not
/// a date of that column, whatever it would have been the other way round;
/// only a year out of range says more.
fn refused_in_order(error: DateError, whole: &str) -> DateError {
    match error {
        DateError::OutOfRange(_) => error,
        _ => DateError::Invalid(shown(whole)),
    }
}

fn calendar_day(year: &str, month: &str, day: &str, whole: &str) -> Result<NaiveDate, DateError> {
    let invalid = || DateError::Invalid(shown(whole));
    let year: i32 = year.parse().map_err(|_| invalid())?;
    let month: u32 = month.parse().map_err(|_| invalid())?;
    let day: u32 = day.parse().map_err(|_| invalid())?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(invalid());
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(shown(whole)))?;
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange(shown(whole)))
    }
}

/// A time of day followed by an optional offset. `compact` also allows
/// timewarrior's `091500` and `0915` (only after an eight-digit date).
fn time_with_offset(text: &str, compact: bool) -> Option<NaiveTime> {
    let (clock, rest) = split_clock(text);
    let time = if clock.contains(':') {
        clock_time(clock)?
    } else if compact {
        compact_time(clock)?
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let (time, rest) = match meridiem(rest) {
        Some((afternoon, after)) => (twelve_hour(time, afternoon)?, after),
        None => (time, rest),
    };
    is_offset(rest.trim()).then_some(time)
}

/// The run of digits, colons and fraction points a time starts with, and
/// what follows it.
fn split_clock(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',')))
        .unwrap_or(text.len());
    text.split_at_checked(end).unwrap_or((text, ""))
}

/// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff` (or `,fff`) on a 24-hour clock.
fn clock_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let hour = parts.next()?;
    let minute = parts.next()?;
    let second = parts.next();
    if parts.next().is_some() || !(1..=2).contains(&hour.len()) || !all_digits(hour) {
        return None;
    }
    let minute = two_digits(minute)?;
    let (second, nano) = match second {
        Some(second) => seconds(second)?,
        None => (0, 0),
    };
    NaiveTime::from_hms_nano_opt(hour.parse().ok()?, minute, second, nano)
}

/// `HHMMSS` or `HHMM`, as timewarrior writes after the `T`.
fn compact_time(text: &str) -> Option<NaiveTime> {
    if !all_digits(text) || !(text.len() == 4 || text.len() == 6) {
        return None;
    }
    let hour = two_digits(text.get(0..2)?)?;
    let minute = two_digits(text.get(2..4)?)?;
    let second = match text.get(4..6) {
        Some(second) => two_digits(second)?,
        None => 0,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// Two digits, such as the minutes of `9:05`; one digit is refused, so that
/// `9:5` is not silently read as 9:05 or 9:50.
fn two_digits(text: &str) -> Option<u32> {
    if text.len() == 2 && all_digits(text) {
        text.parse().ok()
    } else {
        None
    }
}

/// Whole seconds and the nanoseconds of an optional fraction: `52`, `52.250`.
fn seconds(text: &str) -> Option<(u32, u32)> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let whole = two_digits(whole)?;
    let nano = match fraction {
        Some(fraction) if !fraction.is_empty() && all_digits(fraction) => {
            // Nanoseconds are nine digits; more precision than that is noise.
            let digits: String = fraction
                .chars()
                .chain(std::iter::repeat('0'))
                .take(9)
                .collect();
            digits.parse().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    Some((whole, nano))
}

/// Whether `text` starts with AM or PM (also `a.m.`, `pm`, `P.M.`), and
/// the rest after it: `Some((true, rest))` for the afternoon.
fn meridiem(text: &str) -> Option<(bool, &str)> {
    let lower = text.to_ascii_lowercase();
    for (word, afternoon) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(word) {
            // `word` is ASCII, so its length is a boundary in `text` too.
            let rest = text.get(word.len()..)?;
            // `10:23 AMX` is not a time; `10:23 AM+02:00` is.
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                return None;
            }
            return Some((afternoon, rest));
        }
    }
    None
}

/// `time`, written on a 12-hour clock, on the 24-hour clock: 12 AM is
/// midnight and 12 PM noon. Hours outside 1–12 are not 12-hour times.
fn twelve_hour(time: NaiveTime, afternoon: bool) -> Option<NaiveTime> {
    use chrono::Timelike;
    let hour = time.hour();
    if !(1..=12).contains(&hour) {
        return None;
    }
    let hour = match (hour, afternoon) {
        (12, false) => 0,
        (12, true) => 12,
        (hour, false) => hour,
        (hour, true) => hour + 12,
    };
    time.with_hour(hour)
}

/// Whether `text` is nothing, or an offset from UTC that is read and
/// ignored: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `+02`, `-05:00`.
fn is_offset(text: &str) -> bool {
    if text.is_empty() || text.eq_ignore_ascii_case("z") {
        return true;
    }
    let upper = text.to_ascii_uppercase();
    let numeric = match upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
    {
        Some("") => return true,
        Some(rest) => rest.trim_start().to_owned(),
        None => upper,
    };
    let Some(unsigned) = numeric
        .strip_prefix('+')
        .or_else(|| numeric.strip_prefix('-'))
        .or_else(|| numeric.strip_prefix('\u{2212}'))
    else {
        return false;
    };
    let (hours, minutes) = match unsigned.split_once(':') {
        Some((hours, minutes)) => (hours, Some(minutes)),
        None if unsigned.len() == 4 => (unsigned.get(..2).unwrap_or(""), unsigned.get(2..)),
        None => (unsigned, None),
    };
    let hours_ok = two_digits(hours).is_some_and(|hours| hours <= 23);
    let minutes_ok = minutes.is_none_or(|minutes| two_digits(minutes).is_some_and(|m| m <= 59));
    hours_ok && minutes_ok
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn clock(hour: u32, minute: u32, second: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, second).unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        parse_date(text, None).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    fn date_time(text: &str) -> (NaiveDate, Option<NaiveTime>) {
        parse_date_time(text, None).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    fn time(text: &str) -> NaiveTime {
        parse_time_of_day(text).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    #[test]
    fn iso_dates_with_and_without_a_time() {
        assert_eq!(date("2024-03-04"), day(2024, 3, 4));
        assert_eq!(date("  2024-03-04  "), day(2024, 3, 4));
        assert_eq!(date("2024-3-4"), day(2024, 3, 4));
        assert_eq!(
            date_time("2024-03-04 09:15"),
            (day(2024, 3, 4), Some(clock(9, 15, 0)))
        );
        assert_eq!(
            date_time("2024-03-04T09:15:00"),
            (day(2024, 3, 4), Some(clock(9, 15, 0)))
        );
        assert_eq!(
            date_time("2024-03-04T23:59:59.500"),
            (
                day(2024, 3, 4),
                Some(NaiveTime::from_hms_milli_opt(23, 59, 59, 500).unwrap())
            )
        );
        assert_eq!(date_time("2024-03-04"), (day(2024, 3, 4), None));
        assert_eq!(date("2024-03-04 09:15"), day(2024, 3, 4));
    }

    #[test]
    fn offsets_are_ignored_and_the_wall_clock_kept() {
        let expected = (day(2024, 3, 4), Some(clock(23, 30, 0)));
        // 23:30 at -05:00 is the next day in UTC; the entry still belongs
        // to the 4th, the day the person wrote.
        for text in [
            "2024-03-04T23:30:00Z",
            "2024-03-04T23:30:00+02:00",
            "2024-03-04T23:30:00+0200",
            "2024-03-04T23:30:00-05:00",
            "2024-03-04T23:30:00-05",
            "2024-03-04 23:30 UTC",
            "2024-03-04 23:30 +02:00",
            "2024-03-04 23:30 UTC+02:00",
        ] {
            assert_eq!(date_time(text), expected, "{text:?}");
        }
        // An offset with one digit for its hours is not one.
        assert!(parse_date_time("2024-03-04 23:30:00 GMT+1", None).is_err());
    }

    #[test]
    fn timewarrior_compact_form() {
        assert_eq!(
            date_time("20240304T091500Z"),
            (day(2024, 3, 4), Some(clock(9, 15, 0)))
        );
        assert_eq!(
            date_time("20240304T0915Z"),
            (day(2024, 3, 4), Some(clock(9, 15, 0)))
        );
        assert_eq!(date("20240304"), day(2024, 3, 4));
        assert_eq!(
            parse_date_time("20240304T251500Z", None),
            Err(DateError::InvalidTime("20240304T251500Z".to_owned()))
        );
        // The compact time belongs to the compact date only.
        assert!(parse_date_time("2024-03-04T091500", None).is_err());
    }

    #[test]
    fn year_first_with_slashes_and_dots() {
        assert_eq!(date("2022/11/07"), day(2022, 11, 7));
        assert_eq!(date("2022/1/7"), day(2022, 1, 7));
        assert_eq!(date("2022.11.07"), day(2022, 11, 7));
        assert_eq!(date("2022.11.07."), day(2022, 11, 7));
        // Year first never needs an order, even when both parts are small.
        assert_eq!(date("2022/03/04"), day(2022, 3, 4));
    }

    #[test]
    fn day_first_with_dots() {
        assert_eq!(date("09.01.2019"), day(2019, 1, 9));
        assert_eq!(date("1.2.2025"), day(2025, 2, 1));
        assert_eq!(date("31.12.2025"), day(2025, 12, 31));
        assert_eq!(date("08.12.25"), day(2025, 12, 8));
        assert_eq!(date("1.2.25"), day(2025, 2, 1));
        assert_eq!(
            date_time("30.04.2019 11:17"),
            (day(2019, 4, 30), Some(clock(11, 17, 0)))
        );
        // Dots never take an order: 03.04 is always the 3rd of April.
        assert_eq!(
            parse_date("03.04.2024", Some(DateOrder::MonthDay)),
            Ok(day(2024, 4, 3))
        );
    }

    #[test]
    fn slash_dates_in_the_order_given() {
        use DateOrder::{DayMonth, MonthDay};
        assert_eq!(
            parse_date("03/04/2024", Some(DayMonth)),
            Ok(day(2024, 4, 3))
        );
        assert_eq!(
            parse_date("03/04/2024", Some(MonthDay)),
            Ok(day(2024, 3, 4))
        );
        assert_eq!(parse_date("3/4/2024", Some(DayMonth)), Ok(day(2024, 4, 3)));
        assert_eq!(parse_date("3/4/2024", Some(MonthDay)), Ok(day(2024, 3, 4)));
        assert_eq!(
            parse_date("26/04/2019", Some(DayMonth)),
            Ok(day(2019, 4, 26))
        );
        assert_eq!(
            parse_date("04/26/2019", Some(MonthDay)),
            Ok(day(2019, 4, 26))
        );
        assert_eq!(
            parse_date_time("30/04/2019 11:17", Some(DayMonth)),
            Ok((day(2019, 4, 30), Some(clock(11, 17, 0))))
        );
        // A date that does not read in the column's order is refused.
        assert_eq!(
            parse_date("26/04/2019", Some(MonthDay)),
            Err(DateError::Invalid("26/04/2019".to_owned()))
        );
        assert_eq!(
            parse_date("04/26/2019", Some(DayMonth)),
            Err(DateError::Invalid("04/26/2019".to_owned()))
        );
    }

    #[test]
    fn slash_dates_without_an_order() {
        // Only one reading: no order needed.
        assert_eq!(date("26/04/2019"), day(2019, 4, 26));
        assert_eq!(date("04/26/2019"), day(2019, 4, 26));
        // The same either way round.
        assert_eq!(date("05/05/2024"), day(2024, 5, 5));
        // Two readings.
        assert_eq!(
            parse_date("03/04/2024", None),
            Err(DateError::NeedsOrder("03/04/2024".to_owned()))
        );
        assert_eq!(
            parse_date(" 6/12/2021 ", None),
            Err(DateError::NeedsOrder("6/12/2021".to_owned()))
        );
        // 31/04 day-first is 31 April, which does not exist; month-first
        // it has month 31. Neither reads.
        assert!(parse_date("31/04/2024", None).is_err());
    }

    #[test]
    fn clockify_style_dates_and_times() {
        // Month first with 12-hour times, with and without seconds.
        assert_eq!(
            parse_date_time("03/14/2024 10:23 AM", Some(DateOrder::MonthDay)),
            Ok((day(2024, 3, 14), Some(clock(10, 23, 0))))
        );
        assert_eq!(
            parse_date_time("03/14/2024, 11:23:01 PM", None),
            Ok((day(2024, 3, 14), Some(clock(23, 23, 1))))
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(
            parse_date("31.02.2025", None),
            Err(DateError::NoSuchDay("31.02.2025".to_owned()))
        );
        assert_eq!(
            parse_date("2025-02-29", None),
            Err(DateError::NoSuchDay("2025-02-29".to_owned()))
        );
        assert_eq!(date("2024-02-29"), day(2024, 2, 29));
        assert_eq!(
            parse_date("2024-04-31", None),
            Err(DateError::NoSuchDay("2024-04-31".to_owned()))
        );
        for text in [
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "32.01.2024",
        ] {
            assert_eq!(
                parse_date(text, None),
                Err(DateError::Invalid(text.to_owned())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn years_outside_the_plan_range_are_refused() {
        assert_eq!(
            parse_date("1899-12-31", None),
            Err(DateError::OutOfRange("1899-12-31".to_owned()))
        );
        assert_eq!(
            parse_date("2201-01-01", None),
            Err(DateError::OutOfRange("2201-01-01".to_owned()))
        );
        assert_eq!(date("1900-01-01"), day(1900, 1, 1));
        assert_eq!(date("2200-12-31"), day(2200, 12, 31));
        assert_eq!(
            parse_date("03/04/2201", Some(DateOrder::DayMonth)),
            Err(DateError::OutOfRange("03/04/2201".to_owned()))
        );
    }

    #[test]
    fn what_is_not_a_date() {
        assert_eq!(parse_date("", None), Err(DateError::Empty));
        assert_eq!(parse_date(" \t ", None), Err(DateError::Empty));
        for text in [
            "yesterday",
            "2024",
            "2024-03",
            "2024-03-04-05",
            "03/04/24",
            "03-04-2024",
            "2024/03/004",
            "123.04.2024",
            "1.2.202",
            "2024--03-04",
            "[00]:00",
            "-",
            "2024-03-04x",
            "١٢.٠٣.٢٠٢٤",
        ] {
            assert!(
                matches!(parse_date(text, None), Err(DateError::Invalid(_))),
                "{text:?} gave {:?}",
                parse_date(text, None)
            );
        }
    }

    #[test]
    fn a_bad_time_after_a_good_date_is_refused() {
        for text in [
            "2024-03-04 25:00",
            "2024-03-04 9:5",
            "2024-03-04 09:15 tomorrow",
            "2024-03-04 13:00 PM",
            "2024-03-04 09:15+25:00",
        ] {
            assert_eq!(
                parse_date(text, None),
                Err(DateError::InvalidTime(text.to_owned())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn times_of_day() {
        assert_eq!(time("14:35"), clock(14, 35, 0));
        assert_eq!(time("9:53"), clock(9, 53, 0));
        assert_eq!(time("09:53"), clock(9, 53, 0));
        assert_eq!(time("10:23:52"), clock(10, 23, 52));
        assert_eq!(time("10:23 AM"), clock(10, 23, 0));
        assert_eq!(time("10:23AM"), clock(10, 23, 0));
        assert_eq!(time("10:23 am"), clock(10, 23, 0));
        assert_eq!(time("10:23 p.m."), clock(22, 23, 0));
        assert_eq!(time("11:23:01 PM"), clock(23, 23, 1));
        assert_eq!(time("12:05 AM"), clock(0, 5, 0));
        assert_eq!(time("12:05 PM"), clock(12, 5, 0));
        assert_eq!(time("01:00:00 PM"), clock(13, 0, 0));
        assert_eq!(time("00:00"), clock(0, 0, 0));
        assert_eq!(time("23:59:59"), clock(23, 59, 59));
        assert_eq!(time(" 14:35 "), clock(14, 35, 0));
        assert_eq!(time("14:35:00Z"), clock(14, 35, 0));
        assert_eq!(
            time("10:23:52,25"),
            NaiveTime::from_hms_milli_opt(10, 23, 52, 250).unwrap()
        );
    }

    #[test]
    fn what_is_not_a_time_of_day() {
        assert_eq!(parse_time_of_day("  "), Err(DateError::Empty));
        for text in [
            "24:00",
            "9:5",
            "9",
            "0915",
            "14:60",
            "14:35:60",
            "13:00 PM",
            "0:30 AM",
            "10:23 AMX",
            "10:23:",
            ":30",
            "1:2:3:4",
            "noon",
            "14h35",
            "[00]:00",
            "10:23:52.",
        ] {
            assert_eq!(
                parse_time_of_day(text),
                Err(DateError::InvalidTime(text.to_owned())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn messages_are_sentences_that_quote_the_text() {
        assert_eq!(DateError::Empty.to_string(), "The date is empty.");
        assert_eq!(
            parse_date("03/04/2024", None).unwrap_err().to_string(),
            "\"03/04/2024\" reads both day-first and month-first: choose which order the file \
             writes its dates in."
        );
        assert_eq!(
            parse_date("31.02.2025", None).unwrap_err().to_string(),
            "\"31.02.2025\" names a day that does not exist."
        );
        assert_eq!(
            parse_date("1066-10-14", None).unwrap_err().to_string(),
            "\"1066-10-14\" is outside the years 1900 to 2200."
        );
        let message = parse_date("soon", None).unwrap_err().to_string();
        assert!(message.starts_with("\"soon\" is not a date"), "{message}");
        assert!(message.ends_with('.'), "{message}");
        // A paragraph in a date column is quoted by its start only.
        let long = "x".repeat(500);
        let message = parse_date(&long, None).unwrap_err().to_string();
        assert!(message.len() < 250, "{message}");
        assert!(message.contains(&format!("\"{}…\"", "x".repeat(60))));
    }

    #[test]
    fn settle_order_of_whole_columns() {
        use DateOrder::{DayMonth, MonthDay};
        use OrderVerdict::{Conflicting, NotNeeded, Settled, Undecided};
        assert_eq!(settle_order(["2024-03-04", "09.01.2019"]), NotNeeded);
        assert_eq!(settle_order(["2022/11/07", "2022/12/11"]), NotNeeded);
        assert_eq!(settle_order(Vec::<&str>::new()), NotNeeded);
        assert_eq!(settle_order(["", "junk"]), NotNeeded);
        assert_eq!(settle_order(["06/12/2021", "06/12/2021"]), Undecided);
        assert_eq!(settle_order(["01/02/2024", "", "3/4/2024"]), Undecided);
        assert_eq!(
            settle_order(["01/02/2024", "26/04/2019", "03/04/2019"]),
            Settled(DayMonth)
        );
        assert_eq!(
            settle_order(["03/04/2024 10:23 AM", "03/14/2024 10:23 AM"]),
            Settled(MonthDay)
        );
        assert_eq!(settle_order(["26/04/2019", "04/26/2019"]), Conflicting);
        // 31/04 reads in neither order; it decides nothing.
        assert_eq!(settle_order(["31/04/2024", "01/02/2024"]), Undecided);
        // Two-digit years and dashes are not slash dates of this shape.
        assert_eq!(settle_order(["13/04/24", "04-13-2024"]), NotNeeded);
    }

    fn any_order() -> impl Strategy<Value = DateOrder> {
        prop_oneof![Just(DateOrder::DayMonth), Just(DateOrder::MonthDay)]
    }

    fn plan_date() -> impl Strategy<Value = NaiveDate> {
        let first = day(MIN_YEAR, 1, 1);
        let last = day(MAX_YEAR, 12, 31);
        (0..=(last - first).num_days())
            .prop_map(move |offset| first + chrono::Days::new(offset.unsigned_abs()))
    }

    /// `date` in every form the parser reads, each with the order it needs.
    fn written_forms(date: NaiveDate, order: DateOrder) -> Vec<(String, Option<DateOrder>)> {
        let slash = match order {
            DateOrder::DayMonth => date.format("%d/%m/%Y").to_string(),
            DateOrder::MonthDay => date.format("%m/%d/%Y").to_string(),
        };
        let short_slash = match order {
            DateOrder::DayMonth => date.format("%-d/%-m/%Y").to_string(),
            DateOrder::MonthDay => date.format("%-m/%-d/%Y").to_string(),
        };
        let mut forms = vec![
            (date.format("%Y-%m-%d").to_string(), None),
            (date.format("%Y-%m-%d 08:09").to_string(), None),
            (date.format("%Y-%m-%dT08:09:10Z").to_string(), None),
            (date.format("%Y-%m-%dT08:09:10+02:00").to_string(), None),
            (date.format("%Y%m%dT080910Z").to_string(), None),
            (date.format("%Y/%m/%d").to_string(), None),
            (date.format("%d.%m.%Y").to_string(), None),
            (date.format("%-d.%-m.%Y").to_string(), None),
            (format!(" {slash} "), Some(order)),
            (short_slash, Some(order)),
            (format!("{slash} 11:59 PM"), Some(order)),
        ];
        if (2000..=2099).contains(&date.year()) {
            forms.push((date.format("%d.%m.%y").to_string(), None));
        }
        forms
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 256,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn every_written_form_reads_back_as_the_same_date(date in plan_date(), order in any_order()) {
            for (text, order) in written_forms(date, order) {
                prop_assert_eq!(parse_date(&text, order), Ok(date), "{:?}", text);
            }
        }

        #[test]
        fn a_day_over_twelve_settles_a_day_first_column(
            dates in prop::collection::vec(plan_date(), 0..20),
            decider in plan_date(),
            position in any::<prop::sample::Index>(),
        ) {
            let decider = decider.with_day(decider.day().max(13)).unwrap_or(decider);
            let mut texts: Vec<String> =
                dates.iter().map(|date| date.format("%d/%m/%Y").to_string()).collect();
            let at = position.index(texts.len() + 1);
            texts.insert(at, decider.format("%-d/%-m/%Y").to_string());
            prop_assert_eq!(
                settle_order(texts.iter().map(String::as_str)),
                OrderVerdict::Settled(DateOrder::DayMonth)
            );
            texts.remove(at);
            for (text, date) in texts.iter().zip(&dates) {
                prop_assert_eq!(parse_date(text, Some(DateOrder::DayMonth)), Ok(*date));
            }
        }

        #[test]
        fn no_text_panics(text in "(?s).{0,24}") {
            let _ = parse_date_time(&text, None);
            let _ = parse_date_time(&text, Some(DateOrder::MonthDay));
            let _ = parse_time_of_day(&text);
            let _ = settle_order([text.as_str()]);
        }
    }
}
