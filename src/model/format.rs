//! How figures are written for people: money with its symbol and two
//! decimals, hours with one decimal, dates that cannot be misread.

use chrono::NaiveDate;

/// Inserts a comma between every group of three digits: 1234567 → "1,234,567".
fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// "$1,234.56", "-$12.00". The sign goes before the symbol, as in accounting
/// software people already read.
pub fn format_cents(cents: i64, symbol: &str) -> String {
    // `unsigned_abs` because `i64::MIN` has no positive `i64` counterpart.
    let magnitude = cents.unsigned_abs();
    let sign = if cents < 0 { "-" } else { "" };
    format!(
        "{sign}{symbol}{}.{:02}",
        group_thousands(magnitude / 100),
        magnitude % 100
    )
}

/// Rounds to `decimals` places, turning -0 into 0 so that a tiny negative
/// drift never prints as "-0.0".
fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10_f64.powi(decimals);
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// "15.0 h": always one decimal, so columns of hours line up.
pub fn format_hours(hours: f64) -> String {
    format!("{} h", format_tenths(hours))
}

/// "17.3" for 17.25: hours to one decimal, halves rounded away from zero
/// (as people round, not to even as `{:.1}` does).
pub fn format_tenths(hours: f64) -> String {
    format!("{:.1}", round_to(hours, 1))
}

/// A number of hours with decimals only when it has them, up to two so that
/// a quarter hour survives: 15 → "15", 7.5 → "7.5", 7.25 → "7.25".
fn compact_hours(hours: f64) -> String {
    let text = format!("{:.2}", round_to(hours, 2));
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        // Not finite ("inf", "NaN"): nothing to trim.
        text
    }
}

/// A weekly target: "15–20 h", or "5 h" when both ends are the same.
pub fn format_hours_range(min_hours: f64, max_hours: f64) -> String {
    let min_text = compact_hours(min_hours);
    let max_text = compact_hours(max_hours);
    if min_text == max_text {
        format!("{min_text} h")
    } else {
        format!("{min_text}–{max_text} h")
    }
}

/// A duration in whole minutes as a clock shows it: 42 → "0:42", 102 → "1:42".
pub fn format_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    format!("{sign}{}:{:02}", minutes / 60, minutes % 60)
}

/// "Mon 2 Mar 2026": the weekday guards against day/month mix-ups.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn cents_with_symbol_grouping_and_sign() {
        assert_eq!(format_cents(123_456, "$"), "$1,234.56");
        assert_eq!(format_cents(5, "$"), "$0.05");
        assert_eq!(format_cents(0, "$"), "$0.00");
        assert_eq!(format_cents(-1_200, "$"), "-$12.00");
        assert_eq!(format_cents(-5, "$"), "-$0.05");
        assert_eq!(format_cents(30_000, "$"), "$300.00");
        assert_eq!(format_cents(410_000, "$"), "$4,100.00");
        assert_eq!(format_cents(99_999, "$"), "$999.99");
        assert_eq!(format_cents(100_000, "$"), "$1,000.00");
        assert_eq!(format_cents(100_000_000, "€"), "€1,000,000.00");
        assert_eq!(format_cents(123_456, ""), "1,234.56");
    }

    #[test]
    fn cents_at_the_limits_of_i64() {
        assert_eq!(format_cents(i64::MAX, "$"), "$92,233,720,368,547,758.07");
        assert_eq!(format_cents(i64::MIN, "$"), "-$92,233,720,368,547,758.08");
    }

    #[test]
    fn hours_have_one_decimal() {
        assert_eq!(format_hours(15.0), "15.0 h");
        assert_eq!(format_hours(7.25), "7.3 h");
        assert_eq!(format_hours(0.1 + 0.2), "0.3 h");
        assert_eq!(format_hours(0.0), "0.0 h");
        assert_eq!(format_hours(-0.01), "0.0 h");
        assert_eq!(format_hours(-1.5), "-1.5 h");
    }

    #[test]
    fn hours_ranges_keep_decimals_only_when_needed() {
        assert_eq!(format_hours_range(15.0, 20.0), "15–20 h");
        assert_eq!(format_hours_range(5.0, 5.0), "5 h");
        assert_eq!(format_hours_range(7.5, 10.0), "7.5–10 h");
        assert_eq!(format_hours_range(7.25, 10.0), "7.25–10 h");
        assert_eq!(format_hours_range(30.0, 40.0), "30–40 h");
        assert_eq!(format_hours_range(0.0, 0.5), "0–0.5 h");
        assert_eq!(format_hours_range(0.1 + 0.2, 0.3), "0.3 h");
        assert_eq!(format_hours_range(10.0, 100.0), "10–100 h");
    }

    #[test]
    fn dates_are_unambiguous() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(format_date(date(2026, 3, 2)), "Mon 2 Mar 2026");
        assert_eq!(format_date(date(2026, 1, 1)), "Thu 1 Jan 2026");
        assert_eq!(format_date(date(2024, 2, 29)), "Thu 29 Feb 2024");
        assert_eq!(format_date(date(2026, 12, 31)), "Thu 31 Dec 2026");
    }
}
