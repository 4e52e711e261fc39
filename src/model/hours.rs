//! Reading hours the way people type them: `1.5`, `1,5`, `1:30`, `90m`,
//! `2h`, `2h 30m`.
//!
//! The parser is written by hand rather than with `str::parse::<f64>` so that
//! what it accepts is exactly what is documented here: Rust's float parser
//! also takes `inf`, `NaN`, `1e3` and `+1`, none of which is a number of hours
//! a person means.

use super::validate::MAX_HOURS_PER_ENTRY;

/// Why a piece of text is not a number of hours one entry can hold. The
/// messages are written to sit next to the field the person typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("Enter the hours, e.g. 1.5, 1:30 or 90m")]
    Empty,
    #[error("Not a number of hours: try 1.5, 1:30 or 90m")]
    NotHours,
    #[error("Hours must be more than zero")]
    NotPositive,
    #[error("That is more than 24 hours")]
    MoreThanADay,
    #[error("After the colon write minutes from 00 to 59, e.g. 1:30")]
    BadMinutes,
}

/// Reads a number of hours for one time entry: more than zero and at most a
/// day.
///
/// Accepted forms (surrounding spaces and the case of units do not matter):
/// - a decimal number with `.` or `,` as the separator: `1.5`, `1,5`, `.5`;
/// - hours and minutes with a colon, minutes as two digits 00–59: `1:30`;
/// - a number with a unit, `h` (also `hr`, `hrs`, `hour`, `hours`) or `m`
///   (also `min`, `mins`, `minute`, `minutes`): `2h`, `2.5h`, `90m`;
/// - hours then whole minutes 0–59: `2h30m`, `2h 30m`, `2h 30`.
///
/// Minute forms are divided by 60 once, from a whole number of minutes, so
/// `1:20` is the closest `f64` to 4/3 rather than `1 + 20/60` rounded twice.
pub fn parse_hours(text: &str) -> Result<f64, HoursError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(HoursError::Empty);
    }
    // The sign is judged after the rest has been read, so `-abc` is not
    // hours at all while `-1:30` is hours that are not positive.
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let hours = unsigned_hours(&rest.to_ascii_lowercase())?;
    if negative {
        return Err(HoursError::NotPositive);
    }
    check_hours(hours)
}

/// Whether `hours` is something one time entry can hold: a finite number
/// above zero and at most [`MAX_HOURS_PER_ENTRY`]. Returns it unchanged.
pub fn check_hours(hours: f64) -> Result<f64, HoursError> {
    if hours.is_nan() {
        Err(HoursError::NotHours)
    } else if hours <= 0.0 {
        Err(HoursError::NotPositive)
    } else if hours > MAX_HOURS_PER_ENTRY {
        Err(HoursError::MoreThanADay)
    } else {
        Ok(hours)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hours,
    Minutes,
}

fn unit(word: &str) -> Option<Unit> {
    match word {
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(Unit::Hours),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(Unit::Minutes),
        _ => None,
    }
}

/// Reads lower-cased text with no sign in front.
fn unsigned_hours(text: &str) -> Result<f64, HoursError> {
    let mut scanner = Scanner { rest: text };
    let first = scanner.number().ok_or(HoursError::NotHours)?;

    if scanner.eat(':') {
        let hours = first.whole().ok_or(HoursError::NotHours)?;
        let minutes = scanner.rest;
        // Exactly two digits, so `1:5` is not silently read as 1:05 or 1:50.
        if minutes.len() != 2 || !minutes.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(HoursError::BadMinutes);
        }
        let minutes: u64 = minutes.parse().map_err(|_| HoursError::BadMinutes)?;
        if minutes > 59 {
            return Err(HoursError::BadMinutes);
        }
        return Ok(from_minutes(hours, minutes));
    }

    scanner.skip_spaces();
    if scanner.is_done() {
        return Ok(first.value());
    }
    let first_unit = unit(scanner.word()).ok_or(HoursError::NotHours)?;
    scanner.skip_spaces();
    if scanner.is_done() {
        return Ok(match first_unit {
            Unit::Hours => first.value(),
            Unit::Minutes => first.value() / 60.0,
        });
    }
    if first_unit != Unit::Hours {
        return Err(HoursError::NotHours);
    }

    // Hours followed by minutes: `2h30m`, `2h 30m`, `2h 30`.
    let minutes = scanner
        .number()
        .and_then(Number::whole)
        .ok_or(HoursError::NotHours)?;
    scanner.skip_spaces();
    if !scanner.is_done() && unit(scanner.word()) != Some(Unit::Minutes) {
        return Err(HoursError::NotHours);
    }
    scanner.skip_spaces();
    if !scanner.is_done() {
        return Err(HoursError::NotHours);
    }
    if minutes > 59 {
        return Err(HoursError::BadMinutes);
    }
    Ok(match first.whole() {
        Some(hours) => from_minutes(hours, minutes),
        // `2.5h 10m` is odd but unambiguous.
        None => first.value() + minutes as f64 / 60.0,
    })
}

/// `hours` and `minutes` as hours, divided once so the result is the `f64`
/// nearest to the true fraction. Saturates rather than overflowing; anything
/// that large is refused as more than a day anyway.
// The cast is exact below 2^53 minutes; above that it is far over a day.
fn from_minutes(hours: u64, minutes: u64) -> f64 {
    hours.saturating_mul(60).saturating_add(minutes) as f64 / 60.0
}

/// A run of digits with at most one decimal separator, as typed.
#[derive(Clone, Copy)]
struct Number<'a> {
    whole: &'a str,
    fraction: Option<&'a str>,
}

impl Number<'_> {
    /// The number when it has no fractional part: `2` or `2.` but not `2.5`.
    fn whole(self) -> Option<u64> {
        if self.whole.is_empty() || self.fraction.is_some_and(|fraction| !fraction.is_empty()) {
            return None;
        }
        // Too many digits for u64 is far more than a day: saturate.
        Some(self.whole.parse().unwrap_or(u64::MAX))
    }

    fn value(self) -> f64 {
        let text = match self.fraction {
            Some(fraction) => format!("{}.{fraction}", self.whole),
            None => self.whole.to_owned(),
        };
        // Only ASCII digits and one '.' reach here, which `f64` always reads
        // (hundreds of digits become infinity, refused as more than a day);
        // NaN would be refused too, should that ever change.
        text.parse().unwrap_or(f64::NAN)
    }
}

struct Scanner<'a> {
    rest: &'a str,
}

impl<'a> Scanner<'a> {
    fn is_done(&self) -> bool {
        self.rest.is_empty()
    }

    fn eat(&mut self, expected: char) -> bool {
        match self.rest.strip_prefix(expected) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn skip_spaces(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a str {
        let end = self
            .rest
            .bytes()
            .position(|byte| !keep(byte))
            .unwrap_or(self.rest.len());
        // `end` follows ASCII bytes only, so it is a character boundary.
        let (taken, rest) = self.rest.split_at_checked(end).unwrap_or((self.rest, ""));
        self.rest = rest;
        taken
    }

    fn digits(&mut self) -> &'a str {
        self.take_while(|byte| byte.is_ascii_digit())
    }

    fn word(&mut self) -> &'a str {
        self.take_while(|byte| byte.is_ascii_alphabetic())
    }

    /// Reads `12`, `12.5`, `12,5`, `.5` or `12.`; `None` when there is no digit.
    fn number(&mut self) -> Option<Number<'a>> {
        let whole = self.digits();
        let fraction = (self.eat('.') || self.eat(',')).then(|| self.digits());
        let has_digit = !whole.is_empty() || fraction.is_some_and(|digits| !digits.is_empty());
        has_digit.then_some(Number { whole, fraction })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn hours(text: &str) -> f64 {
        parse_hours(text).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    #[test]
    fn decimal_hours_with_a_point_or_a_comma() {
        assert_eq!(hours("1.5"), 1.5);
        assert_eq!(hours("1,5"), 1.5);
        assert_eq!(hours("2"), 2.0);
        assert_eq!(hours(".5"), 0.5);
        assert_eq!(hours("0,25"), 0.25);
        assert_eq!(hours("3."), 3.0);
        assert_eq!(hours("  1.5  "), 1.5);
        assert_eq!(hours("\t7\n"), 7.0);
        assert_eq!(hours("24"), 24.0);
        assert_eq!(hours("007"), 7.0);
    }

    #[test]
    fn hours_and_minutes_with_a_colon() {
        assert_eq!(hours("1:30"), 1.5);
        assert_eq!(hours("0:45"), 0.75);
        assert_eq!(hours("0:01"), 1.0 / 60.0);
        assert_eq!(hours("24:00"), 24.0);
        assert_eq!(hours("10:15"), 10.25);
        // 80/60, divided once: the nearest f64 to 4/3, not 1 + 0.333… rounded twice.
        assert_eq!(hours("1:20"), 4.0 / 3.0);
        assert_eq!(hours("1:20"), 1.333_333_333_333_333_3);
        assert_eq!(hours("2:40"), 8.0 / 3.0);
    }

    #[test]
    fn units_in_any_case_with_or_without_spaces() {
        assert_eq!(hours("90m"), 1.5);
        assert_eq!(hours("90 min"), 1.5);
        assert_eq!(hours("45 Minutes"), 0.75);
        assert_eq!(hours("2h"), 2.0);
        assert_eq!(hours("2H"), 2.0);
        assert_eq!(hours("2 hours"), 2.0);
        assert_eq!(hours("1 hr"), 1.0);
        assert_eq!(hours("2.5h"), 2.5);
        assert_eq!(hours("2,5 h"), 2.5);
        assert_eq!(hours("2h30m"), 2.5);
        assert_eq!(hours("2h 30m"), 2.5);
        assert_eq!(hours("2H 30M"), 2.5);
        assert_eq!(hours("2 h 30 min"), 2.5);
        assert_eq!(hours("2h30"), 2.5);
        assert_eq!(hours("2hours30"), 2.5);
        assert_eq!(hours("1h 20m"), 4.0 / 3.0);
        assert_eq!(hours("0h 15m"), 0.25);
        assert_eq!(hours("20m"), 1.0 / 3.0);
        assert_eq!(hours("1440m"), 24.0);
        assert_eq!(hours("1.5h 6m"), 1.6);
    }

    #[test]
    fn empty_input_asks_for_hours() {
        for text in ["", "   ", "\t\n"] {
            assert_eq!(parse_hours(text), Err(HoursError::Empty), "{text:?}");
        }
        assert_eq!(
            HoursError::Empty.to_string(),
            "Enter the hours, e.g. 1.5, 1:30 or 90m"
        );
    }

    #[test]
    fn zero_and_negative_hours_are_refused() {
        for text in [
            "0", "0.0", "0,00", "0:00", "0h", "0m", "0h 0m", "-1", "-1.5", "- 2", "-1:30", "-90m",
        ] {
            assert_eq!(parse_hours(text), Err(HoursError::NotPositive), "{text:?}");
        }
        assert_eq!(
            HoursError::NotPositive.to_string(),
            "Hours must be more than zero"
        );
    }

    #[test]
    fn more_than_a_day_is_refused() {
        for text in [
            "24.01",
            "25",
            "24:01",
            "1441m",
            "25h",
            "24h 1m",
            "99999999999999999999999",
            &"9".repeat(400),
        ] {
            assert_eq!(parse_hours(text), Err(HoursError::MoreThanADay), "{text:?}");
        }
        assert_eq!(
            HoursError::MoreThanADay.to_string(),
            "That is more than 24 hours"
        );
    }

    #[test]
    fn minutes_after_a_colon_must_be_two_digits_below_60() {
        for text in [
            "1:75", "1:60", "1:5", "1:300", "1:", "1:3a", "2h 60m", "1h 90", "1:30h",
        ] {
            assert_eq!(parse_hours(text), Err(HoursError::BadMinutes), "{text:?}");
        }
    }

    #[test]
    fn text_and_other_number_forms_are_not_hours() {
        for text in [
            "abc",
            "one",
            "1.2.3",
            "1,2,3",
            "1.2,3",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "infinity",
            "1e3",
            "+1",
            "1 2",
            "1.5.h",
            "2x",
            "90m 2h",
            "2h 3h",
            "2h 30m 10m",
            "2h 30s",
            "1.5:30",
            ":30",
            ".",
            ",",
            "h",
            "-",
            "--1",
            "1 ½",
            "１",
            "2h 1.5m",
        ] {
            assert_eq!(parse_hours(text), Err(HoursError::NotHours), "{text:?}");
        }
    }

    #[test]
    fn check_hours_guards_values_from_anywhere() {
        assert_eq!(check_hours(1.5), Ok(1.5));
        assert_eq!(check_hours(24.0), Ok(24.0));
        assert_eq!(check_hours(f64::NAN), Err(HoursError::NotHours));
        assert_eq!(check_hours(f64::INFINITY), Err(HoursError::MoreThanADay));
        assert_eq!(check_hours(f64::NEG_INFINITY), Err(HoursError::NotPositive));
        assert_eq!(check_hours(-0.0), Err(HoursError::NotPositive));
        assert_eq!(check_hours(24.000_001), Err(HoursError::MoreThanADay));
    }

    #[test]
    fn no_input_panics() {
        // Every short string over an alphabet of the characters the parser
        // cares about, plus some it does not.
        let alphabet = ['1', '0', '9', '.', ',', ':', 'h', 'm', ' ', '-', 'é'];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|text| alphabet.iter().map(move |c| format!("{text}{c}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            if let Ok(hours) = parse_hours(text) {
                assert!(hours > 0.0 && hours <= 24.0, "{text:?} gave {hours}");
            }
        }
    }
}
