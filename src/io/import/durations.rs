//! Durations as time trackers export them, turned into hours: clock totals
//! (`1:38`, `01:00:01`), the same totals after a spreadsheet took them for
//! times of day (`02:00:00 AM`), decimal hours (`1.5`, `"20,0"`), decimal
//! minutes (yast) and seconds (Kimai).
//!
//! Like the quick-entry parser in `model::hours`, numbers are read by hand:
//! Rust's float parser would also take `inf`, `NaN` and `1e3`, which no
//! export means as a duration. Unlike it, zero is fine here (the pipeline
//! reports zero durations itself) and a total may run past a day.

use chrono::{NaiveTime, Timelike};

/// How a duration column writes its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// `H:MM`, `HH:MM:SS`, and a spreadsheet's `02:00:00 AM` / `12:45:00 AM` (= 45 minutes).
    Clock,
    /// Decimal hours, `1.5` or `1,5`.
    Hours,
    /// Decimal minutes (yast's `Duration M`: `5.56`).
    Minutes,
    /// Whole or decimal seconds (Kimai: `2700`).
    Seconds,
}

/// The longest duration one value may hold: a leap year. Anything longer is a
/// column read in the wrong unit, or a number that is not a duration.
pub const MAX_DURATION_HOURS: f64 = 366.0 * 24.0;

/// Why a piece of text is not a duration. Each message is a whole sentence
/// that quotes the text.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DurationError {
    #[error("The duration is empty.")]
    Empty,
    #[error(
        "\"{0}\" is not a duration that can be read; durations are read as 1:30, 01:30:00, 1.5, 1,5 or 90m."
    )]
    Invalid(String),
    #[error("\"{0}\" is a negative duration.")]
    Negative(String),
    /// More than [`MAX_DURATION_HOURS`].
    #[error("\"{0}\" is longer than a year, which no entry lasts.")]
    TooLarge(String),
}

/// What an error shows of the text: all of it when short, its start when a
/// whole paragraph landed in a duration column.
const SHOWN_CHARS: usize = 60;

fn shown(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// The duration in hours. `0` is Ok(0.0): the pipeline reports zero durations itself.
///
/// Whatever the column's `unit`, a value with a colon is read as a clock
/// (`1:38`, `25:30`, `01:00:01`, `12:45:00 AM`), and a value with its unit
/// written is read in that unit (`2h`, `1h 30m`, `1h30`, `90m`, `45 min`,
/// `2700s`). A bare number is read in `unit`; in a [`DurationUnit::Clock`]
/// column, as hours, the unit a person means when typing `2` over a clock
/// total.
///
/// On a 12-hour clock (`AM`/`PM` after it) the value is a total that a
/// spreadsheet took for a time of day: `12:45:00 AM` is 45 minutes and
/// `01:30:00 PM` 13.5 hours. Without one, the hours may be any number:
/// `25:30` is a total over a day.
///
/// The result is always finite and at least zero; a minus sign before
/// anything but zero is [`DurationError::Negative`].
pub fn parse_duration(text: &str, unit: DurationUnit) -> Result<f64, DurationError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DurationError::Empty);
    }
    // The sign is judged after the rest has been read, so `-abc` is not a
    // duration at all while `-1:30` is a negative one.
    let (negative, rest) = match trimmed
        .strip_prefix('-')
        .or_else(|| trimmed.strip_prefix('\u{2212}'))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed),
    };
    let hours = unsigned_hours(rest, unit).ok_or_else(|| DurationError::Invalid(shown(trimmed)))?;
    if !hours.is_finite() || hours > MAX_DURATION_HOURS {
        return Err(DurationError::TooLarge(shown(trimmed)));
    }
    if negative && hours > 0.0 {
        return Err(DurationError::Negative(shown(trimmed)));
    }
    // `-0` is zero, and zero is never written back as `-0`.
    Ok(hours.abs())
}

/// Hours in `text`, which has no sign in front; `None` when it is no
/// duration. Infinity comes back for numbers too long to hold.
fn unsigned_hours(text: &str, unit: DurationUnit) -> Option<f64> {
    if text.contains(':') {
        return clock_hours(text);
    }
    let lower = text.to_ascii_lowercase();
    // A written unit anywhere: `2h`, `90 min`, and `1h30` whose last number has none.
    if lower.contains(|c: char| c.is_ascii_alphabetic()) {
        return unit_hours(&lower);
    }
    let value = decimal(text)?;
    Some(match unit {
        DurationUnit::Clock | DurationUnit::Hours => value,
        DurationUnit::Minutes => value / 60.0,
        DurationUnit::Seconds => value / 3600.0,
    })
}

/// `H:MM`, `H:MM:SS`, `H:MM:SS.fff`, optionally followed by AM or PM.
fn clock_hours(text: &str) -> Option<f64> {
    let (clock, meridiem) = split_meridiem(text);
    let mut parts = clock.split(':');
    let hours = parts.next()?;
    let minutes = two_digits(parts.next()?)?;
    let seconds = match parts.next() {
        Some(seconds) => seconds_and_fraction(seconds)?,
        None => 0.0,
    };
    if parts.next().is_some() || hours.is_empty() || !all_digits(hours) {
        return None;
    }
    // Saturates: a total that large is refused as longer than a year.
    let mut hours: u64 = hours.parse().unwrap_or(u64::MAX);
    if let Some(afternoon) = meridiem {
        // A duration written as a time of day after midnight: 12 AM is the
        // first hour (0), 12 PM the thirteenth (12).
        if !(1..=12).contains(&hours) {
            return None;
        }
        hours %= 12;
        if afternoon {
            hours += 12;
        }
    }
    // Whole seconds are divided once so that `0:20` is the f64 nearest to
    // 1/3, not 20/60 rounded on the way.
    let whole_seconds = hours.saturating_mul(3600).saturating_add(minutes * 60);
    // The cast is exact below 2^53 seconds; above that it is far over a year.
    Some((whole_seconds as f64 + seconds) / 3600.0)
}

/// The clock without a trailing AM/PM, and whether it was PM.
fn split_meridiem(text: &str) -> (&str, Option<bool>) {
    let lower = text.to_ascii_lowercase();
    for (word, afternoon) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.ends_with(word) {
            // `word` is ASCII, so the cut is a boundary in `text` too.
            let cut = text.len() - word.len();
            if let Some(clock) = text.get(..cut) {
                return (clock.trim_end(), Some(afternoon));
            }
        }
    }
    (text, None)
}

/// Two digits 00–59, such as the minutes of `1:05`; `1:5` is refused rather
/// than guessed.
fn two_digits(text: &str) -> Option<u64> {
    if text.len() != 2 || !all_digits(text) {
        return None;
    }
    text.parse().ok().filter(|value| *value <= 59)
}

/// `SS` or `SS.fff`: seconds, with a fraction, below 60.
fn seconds_and_fraction(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let whole = two_digits(whole)?;
    match fraction {
        None => Some(whole as f64),
        Some(fraction) if all_digits(fraction) => format!("{whole}.{fraction}").parse().ok(),
        Some(_) => None,
    }
}

/// Written units, largest first, each at most once: `2h`, `1h 30m`, `1h30`,
/// `90m`, `45 min`, `1m 30s`, `2700s`. A number after the last unit with
/// none of its own is in the next smaller unit (`1h30` is 90 minutes).
fn unit_hours(lower: &str) -> Option<f64> {
    let mut rest = lower.trim();
    let mut hours = 0.0;
    // Units may only get smaller: 0 = hours, 1 = minutes, 2 = seconds.
    let mut next_rank = 0;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at_checked(number_end)?;
        let value = decimal(number)?;
        let after = after.trim_start();
        let word_end = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let (word, after) = after.split_at_checked(word_end)?;
        let rank = if word.is_empty() {
            // Only the last number may go without a unit, and only after one.
            if next_rank == 0 || !after.trim().is_empty() {
                return None;
            }
            next_rank
        } else {
            unit_rank(word)?
        };
        if rank < next_rank || rank > 2 {
            return None;
        }
        hours += match rank {
            0 => value,
            1 => value / 60.0,
            _ => value / 3600.0,
        };
        next_rank = rank + 1;
        rest = after.trim_start();
    }
    (next_rank > 0).then_some(hours)
}

fn unit_rank(word: &str) -> Option<usize> {
    match word {
        "h" | "hr" | "hrs" | "hour" | "hours" | "std" => Some(0),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(1),
        "s" | "sec" | "secs" | "second" | "seconds" => Some(2),
        _ => None,
    }
}

/// A decimal number with `.` or `,` before its fraction: `2700`, `1.5`,
/// `"20,0"`, `.5`. Never a sign, an exponent, `inf` or `NaN`. Too many
/// digits read as infinity, which the caller refuses.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits_only = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if !digits_only(whole) || !digits_only(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    format!("{whole}.{fraction}0").parse().ok()
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// The unit of a duration column, from its header and some of its values: values with `:`
/// are Clock; otherwise the header decides (`Duration M`, `minutes`, `min` → Minutes;
/// `seconds`, `sec`, `(s)` → Seconds; `hours`, `(decimal)`, `time`, `Hours` → Hours); a bare
/// `Duration` of plain numbers: largest value over 24*60 → Seconds, over 24 → Minutes, else Hours.
///
/// A sample counts as a clock value only when it reads as one, so that a
/// totals cell such as Kimai's `[00]:00` under a column of seconds does not
/// turn the column into clock times; when clock values and plain numbers are
/// both there, the more numerous win.
pub fn guess_unit(header: &str, samples: &[&str]) -> DurationUnit {
    let clock_values = samples
        .iter()
        .filter(|sample| sample.contains(':') && clock_hours(sample.trim()).is_some())
        .count();
    let numbers: Vec<f64> = samples
        .iter()
        .filter_map(|sample| decimal(sample.trim()))
        .collect();
    if clock_values > 0 && clock_values >= numbers.len() {
        return DurationUnit::Clock;
    }
    if let Some(unit) = unit_in_header(header) {
        return unit;
    }
    let largest = numbers.iter().copied().fold(0.0, f64::max);
    if largest > 24.0 * 60.0 {
        DurationUnit::Seconds
    } else if largest > 24.0 {
        DurationUnit::Minutes
    } else {
        DurationUnit::Hours
    }
}

/// The unit a header names, if it names one: its words are looked at one by
/// one, so `Duration M` is minutes while `Amount` is nothing.
fn unit_in_header(header: &str) -> Option<DurationUnit> {
    let lower = header.to_lowercase();
    if lower.contains("h:m") || lower.contains("hh:mm") {
        return Some(DurationUnit::Clock);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let has = |names: &[&str]| words.iter().any(|word| names.contains(word));
    // Units first: `Time (s)` is seconds, though `time` alone means hours.
    if has(&["m", "min", "mins", "minute", "minutes", "minuten"]) {
        Some(DurationUnit::Minutes)
    } else if has(&["s", "sec", "secs", "second", "seconds", "sekunden"]) {
        Some(DurationUnit::Seconds)
    } else if has(&[
        "h", "hr", "hrs", "hour", "hours", "decimal", "stunden", "std", "uren", "time",
    ]) {
        Some(DurationUnit::Hours)
    } else {
        None
    }
}

/// Hours between a start and an end time of day on the start's date; an end before the start
/// runs past midnight (the entry belongs to the day it started).
///
/// An end equal to the start is zero hours, not a whole day: a timer
/// stopped as soon as it started.
pub fn hours_between(start: NaiveTime, end: NaiveTime) -> f64 {
    const NANOS_PER_DAY: i64 = 86_400 * 1_000_000_000;
    // A leap second's nanoseconds run past 10^9; they are kept, which moves
    // the result by at most a second.
    let nanos = |time: NaiveTime| {
        i64::from(time.num_seconds_from_midnight()) * 1_000_000_000 + i64::from(time.nanosecond())
    };
    let mut difference = nanos(end) - nanos(start);
    if difference < 0 {
        difference += NANOS_PER_DAY;
    }
    // Both integers are below 2^53, so this is one correctly rounded division.
    difference as f64 / 3_600_000_000_000.0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use DurationUnit::{Clock, Hours, Minutes, Seconds};
    use proptest::prelude::*;

    fn hours(text: &str, unit: DurationUnit) -> f64 {
        parse_duration(text, unit).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    fn at(hour: u32, minute: u32, second: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, second).unwrap()
    }

    #[test]
    fn clock_totals() {
        assert_eq!(hours("1:38", Clock), 98.0 / 60.0);
        assert_eq!(hours("0:06", Clock), 0.1);
        assert_eq!(hours("01:00:01", Clock), 3601.0 / 3600.0);
        assert_eq!(hours("25:30", Clock), 25.5);
        assert_eq!(hours("00:00:00", Clock), 0.0);
        assert_eq!(hours("0:20", Clock), 1.0 / 3.0);
        assert_eq!(hours("100:00", Clock), 100.0);
        assert_eq!(hours(" 2:15 ", Clock), 2.25);
        assert_eq!(hours("0:00:36.000", Clock), 0.01);
        // A colon is a clock in any column.
        assert_eq!(hours("1:30", Hours), 1.5);
        assert_eq!(hours("1:30", Seconds), 1.5);
    }

    #[test]
    fn totals_a_spreadsheet_wrote_as_times_of_day() {
        assert_eq!(hours("02:00:00 AM", Clock), 2.0);
        assert_eq!(hours("12:45:00 AM", Clock), 0.75);
        assert_eq!(hours("12:20:00 AM", Clock), 1.0 / 3.0);
        assert_eq!(hours("12:15:00 AM", Clock), 0.25);
        assert_eq!(hours("12:00:00 AM", Clock), 0.0);
        assert_eq!(hours("01:30:00 PM", Clock), 13.5);
        assert_eq!(hours("12:30:00 PM", Clock), 12.5);
        assert_eq!(hours("3:05 am", Clock), 3.0 + 5.0 / 60.0);
        assert_eq!(hours("11:59:59 p.m.", Clock), 86_399.0 / 3600.0);
    }

    #[test]
    fn decimal_hours_with_a_point_or_a_comma() {
        assert_eq!(hours("1.5", Hours), 1.5);
        assert_eq!(hours("1,5", Hours), 1.5);
        assert_eq!(hours("20,0", Hours), 20.0);
        assert_eq!(hours("0,01", Hours), 0.01);
        assert_eq!(hours("0.00", Hours), 0.0);
        assert_eq!(hours("1", Hours), 1.0);
        assert_eq!(hours(".25", Hours), 0.25);
        assert_eq!(hours("3.", Hours), 3.0);
        // A bare number over a clock column is hours.
        assert_eq!(hours("2", Clock), 2.0);
        assert_eq!(hours("0", Clock), 0.0);
    }

    #[test]
    fn decimal_minutes_and_seconds() {
        assert_eq!(hours("5.56", Minutes), 5.56 / 60.0);
        assert_eq!(hours("98", Minutes), 98.0 / 60.0);
        assert_eq!(hours("90", Minutes), 1.5);
        assert_eq!(hours("5,5", Minutes), 5.5 / 60.0);
        assert_eq!(hours("2700", Seconds), 0.75);
        assert_eq!(hours("6300", Seconds), 1.75);
        assert_eq!(hours("36.0", Seconds), 0.01);
        assert_eq!(hours("0", Seconds), 0.0);
    }

    #[test]
    fn written_units_in_any_column() {
        for unit in [Clock, Hours, Minutes, Seconds] {
            assert_eq!(hours("2h", unit), 2.0);
            assert_eq!(hours("1h 30m", unit), 1.5);
            assert_eq!(hours("1h30", unit), 1.5);
            assert_eq!(hours("1H30M", unit), 1.5);
            assert_eq!(hours("90m", unit), 1.5);
            assert_eq!(hours("45 min", unit), 0.75);
            assert_eq!(hours("2700s", unit), 0.75);
            assert_eq!(hours("1 hour 15 minutes", unit), 1.25);
            assert_eq!(hours("1,5 h", unit), 1.5);
            // Sums of parts are near, not equal, to the one division.
            assert!((hours("1m 30s", unit) - 1.5 / 60.0).abs() < 1e-12);
            assert!((hours("1h 0m 36s", unit) - 1.01).abs() < 1e-12);
            assert_eq!(hours("0h", unit), 0.0);
        }
    }

    #[test]
    fn negative_durations_are_refused() {
        for text in ["-1", "-1:30", "- 2h", "\u{2212}0,5", "-12:45:00 AM"] {
            assert_eq!(
                parse_duration(text, Hours),
                Err(DurationError::Negative(text.to_owned())),
                "{text:?}"
            );
        }
        // Minus zero is zero.
        assert_eq!(parse_duration("-0", Hours), Ok(0.0));
        assert!(parse_duration("-0:00", Clock).unwrap().is_sign_positive());
        // A minus before no number is no duration at all.
        assert_eq!(
            parse_duration("-abc", Hours),
            Err(DurationError::Invalid("-abc".to_owned()))
        );
    }

    #[test]
    fn what_is_not_a_duration() {
        assert_eq!(parse_duration("", Clock), Err(DurationError::Empty));
        assert_eq!(parse_duration(" \t", Hours), Err(DurationError::Empty));
        for text in [
            "[00]:00",
            "NaN",
            "nan",
            "inf",
            "infinity",
            "1e3",
            "+1",
            "1.2.3",
            "1,2,3",
            "abc",
            "1:5",
            "1:60",
            "1:30:60",
            "1:",
            ":30",
            "1:30:00:00",
            "13:00 PM",
            "00:30 AM",
            "1.5:30",
            "30m 1h",
            "1h 2h",
            "30 1h",
            "2x",
            "1h30 2",
            "2 days",
            ".",
            ",",
            "h",
            "-",
            "１",
            "1 2",
        ] {
            for unit in [Clock, Hours, Minutes, Seconds] {
                assert_eq!(
                    parse_duration(text, unit),
                    Err(DurationError::Invalid(text.to_owned())),
                    "{text:?} as {unit:?}"
                );
            }
        }
    }

    #[test]
    fn longer_than_a_year_is_refused() {
        assert_eq!(hours("8784", Hours), MAX_DURATION_HOURS);
        for (text, unit) in [
            ("8784.01", Hours),
            ("9999:00", Clock),
            ("99999999999999999999999:00", Clock),
            ("99999999999", Seconds),
        ] {
            assert_eq!(
                parse_duration(text, unit),
                Err(DurationError::TooLarge(text.to_owned())),
                "{text:?}"
            );
        }
        let huge = "9".repeat(400);
        assert!(matches!(
            parse_duration(&huge, Hours),
            Err(DurationError::TooLarge(_))
        ));
    }

    #[test]
    fn messages_are_sentences_that_quote_the_text() {
        assert_eq!(DurationError::Empty.to_string(), "The duration is empty.");
        assert_eq!(
            parse_duration("-1:30", Clock).unwrap_err().to_string(),
            "\"-1:30\" is a negative duration."
        );
        let message = parse_duration("[00]:00", Clock).unwrap_err().to_string();
        assert!(
            message.starts_with("\"[00]:00\" is not a duration"),
            "{message}"
        );
        assert!(message.ends_with('.'), "{message}");
    }

    #[test]
    fn the_unit_from_values_with_colons() {
        assert_eq!(guess_unit("Duration", &["01:00:01", "00:00:00"]), Clock);
        assert_eq!(guess_unit("Duration H:M", &["1:38", "0:06"]), Clock);
        assert_eq!(guess_unit("Duration (h)", &["01:00:01"]), Clock);
        assert_eq!(
            guess_unit("Duration", &["02:00:00 AM", "12:45:00 AM"]),
            Clock
        );
        // Kimai's totals cell among seconds does not make a clock column.
        assert_eq!(
            guess_unit("Duration", &["2700", "6300", "[00]:00"]),
            Seconds
        );
        assert_eq!(guess_unit("Duration H:M", &[]), Clock);
    }

    #[test]
    fn the_unit_from_the_header() {
        assert_eq!(guess_unit("Duration M", &["5.56", "98"]), Minutes);
        assert_eq!(guess_unit("Minutes", &["1"]), Minutes);
        assert_eq!(guess_unit("Dauer (min)", &["1"]), Minutes);
        assert_eq!(guess_unit("Duration (seconds)", &["3"]), Seconds);
        assert_eq!(guess_unit("Time (s)", &["3"]), Seconds);
        assert_eq!(guess_unit("sec", &["3"]), Seconds);
        assert_eq!(guess_unit("Hours", &["20,0", "0,01"]), Hours);
        assert_eq!(guess_unit("Duration (decimal)", &["0.00"]), Hours);
        assert_eq!(guess_unit("Time", &["1", "3"]), Hours);
        // The header outranks the size of the values.
        assert_eq!(guess_unit("Hours", &["2700"]), Hours);
        assert_eq!(guess_unit("Duration M", &["5000"]), Minutes);
    }

    #[test]
    fn the_unit_from_the_size_of_plain_numbers() {
        assert_eq!(guess_unit("Duration", &["2700", "6300"]), Seconds);
        assert_eq!(guess_unit("Duration", &["1441"]), Seconds);
        assert_eq!(guess_unit("Duration", &["1440"]), Minutes);
        assert_eq!(guess_unit("Duration", &["98", "5.56"]), Minutes);
        assert_eq!(guess_unit("Duration", &["24,5"]), Minutes);
        assert_eq!(guess_unit("Duration", &["24"]), Hours);
        assert_eq!(guess_unit("Duration", &["1.5", "8"]), Hours);
        assert_eq!(guess_unit("Dauer", &[]), Hours);
        assert_eq!(guess_unit("Duration", &["", "junk"]), Hours);
    }

    #[test]
    fn hours_between_times_of_day() {
        assert_eq!(hours_between(at(12, 0, 0), at(12, 45, 0)), 0.75);
        assert_eq!(hours_between(at(9, 15, 0), at(9, 43, 0)), 28.0 / 60.0);
        assert_eq!(hours_between(at(10, 23, 0), at(11, 23, 1)), 3601.0 / 3600.0);
        assert_eq!(hours_between(at(10, 0, 0), at(10, 0, 0)), 0.0);
        // Past midnight: 23:45 to 00:15 is half an hour.
        assert_eq!(hours_between(at(23, 45, 0), at(0, 15, 0)), 0.5);
        assert_eq!(hours_between(at(22, 0, 0), at(6, 0, 0)), 8.0);
        assert_eq!(hours_between(at(0, 0, 1), at(0, 0, 0)), 86_399.0 / 3600.0);
        let half_second = NaiveTime::from_hms_milli_opt(0, 0, 0, 500).unwrap();
        assert_eq!(hours_between(at(0, 0, 0), half_second), 0.5 / 3600.0);
    }

    fn any_unit() -> impl Strategy<Value = DurationUnit> {
        prop_oneof![Just(Clock), Just(Hours), Just(Minutes), Just(Seconds)]
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn never_panics_never_negative_never_infinite(
            text in prop_oneof![
                "(?s).{0,16}",
                "[0-9:.,hms AMP\\-]{0,12}",
                "[0-9]{1,400}",
                "[0-9]{1,30}:[0-9]{2}(:[0-9]{2})?( [AP]M)?",
            ],
            unit in any_unit(),
        ) {
            if let Ok(hours) = parse_duration(&text, unit) {
                prop_assert!(hours.is_finite(), "{:?} gave {}", text, hours);
                prop_assert!(hours >= 0.0, "{:?} gave {}", text, hours);
                prop_assert!(hours.is_sign_positive(), "{:?} gave {}", text, hours);
                prop_assert!(hours <= MAX_DURATION_HOURS, "{:?} gave {}", text, hours);
            }
        }

        #[test]
        fn whole_seconds_written_as_a_clock_read_back(seconds in 0u64..(366 * 86_400)) {
            let text = format!("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
            prop_assert_eq!(parse_duration(&text, Clock), Ok(seconds as f64 / 3600.0));
            prop_assert_eq!(
                parse_duration(&seconds.to_string(), Seconds),
                Ok(seconds as f64 / 3600.0)
            );
        }

        #[test]
        fn hours_between_is_a_part_of_a_day(
            start in 0u32..86_400,
            end in 0u32..86_400,
        ) {
            let time = |seconds| NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap();
            let hours = hours_between(time(start), time(end));
            prop_assert!((0.0..24.0).contains(&hours));
            let back = hours_between(time(end), time(start));
            if start != end {
                prop_assert!((hours + back - 24.0).abs() < 1e-9);
            }
        }
    }
}
