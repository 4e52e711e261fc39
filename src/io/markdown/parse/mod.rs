//! Recognising what a line says, knowing nothing of the plan being built:
//! the small parsers the importer asks (and export asks too, to write only
//! what reads back). Each answers for one shape of text; where the line
//! goes is for `place` to decide.

pub(super) mod headings;
pub(super) mod hours;
pub(super) mod measures;
pub(super) mod money;
pub(super) mod phases;
pub(super) mod quarters;

use chrono::{Datelike, NaiveDate};

use crate::model::validate::{MAX_YEAR, MIN_YEAR};

use super::lines::Line;
use super::report::quoted;

/// `text` in lower case, with every run of anything but letters and digits
/// made one space, trimmed: "## 🎯 Success Metrics:" → "success metrics".
pub(crate) fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// The label and value of a `**Label**: value` or `Label: value` line.
pub(crate) fn name_value(line: &Line) -> Option<(&str, &str)> {
    let text = line.text.as_str();
    if let Some(end) = line.label_end {
        let name = text.get(..end)?.trim();
        let rest = text.get(end..)?.trim_start();
        if let Some(name) = name.strip_suffix(':') {
            return Some((name.trim(), rest));
        }
        if let Some(value) = rest.strip_prefix(':') {
            return Some((name, value.trim()));
        }
        for dash in ["—", "–", "-"] {
            if let Some(value) = rest.strip_prefix(dash) {
                return Some((name, value.trim()));
            }
        }
        if rest.is_empty() {
            return Some((name, ""));
        }
        return None;
    }
    if let Some((name, value)) = text.split_once(':') {
        return Some((name.trim(), value.trim()));
    }
    for dash in [" — ", " – ", " - "] {
        if let Some((name, value)) = text.split_once(dash) {
            return Some((name.trim(), value.trim()));
        }
    }
    None
}

/// The labels of the line that gives the plan's start date.
pub(crate) const START_LABELS: [&str; 8] = [
    "start",
    "starts",
    "start date",
    "starting",
    "plan start",
    "year start",
    "begins",
    "starts on",
];

/// A `YYYY-MM-DD` date within the years a plan accepts.
pub(crate) fn parse_date(value: &str) -> Result<NaiveDate, String> {
    let value = value.trim();
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("\"{}\" is not a date written YYYY-MM-DD", quoted(value)))?;
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!("{date} is outside the years {MIN_YEAR}–{MAX_YEAR}"))
    }
}

/// The text inside a parenthesis whose opening has been read: up to the
/// matching close, which must end the text (bar spaces and a full stop).
pub(crate) fn matching_parenthesis(inner: &str) -> Option<&str> {
    let mut depth = 1usize;
    for (at, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let after = inner[at + 1..].trim().trim_end_matches('.');
                    return after.is_empty().then_some(&inner[..at]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The period after a figure: "/week", "per month", "a year", "weekly"…
/// as "week", "month", "year", "day", "quarter", or "" for none. `None` when
/// something else follows.
pub(crate) fn period_word(rest: &str) -> Option<&'static str> {
    let mut rest = rest.trim().trim_end_matches('.').trim();
    if rest.starts_with('(') && rest.ends_with(')') {
        rest = rest[1..rest.len() - 1].trim();
    }
    let mut rest = rest.trim_start_matches('/').trim_start();
    for prefix in ["per ", "a ", "an ", "each ", "every ", "/ "] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
            break;
        }
    }
    let period = match rest {
        "" => "",
        "week" | "wk" | "w" | "weekly" | "pw" => "week",
        "month" | "mo" | "mth" | "m" | "monthly" | "pm" | "p/m" | "p.m" => "month",
        "year" | "yr" | "y" | "yearly" | "annually" | "annum" | "pa" | "p.a" => "year",
        "day" | "d" | "daily" => "day",
        "quarter" | "q" | "quarterly" => "quarter",
        _ => return None,
    };
    Some(period)
}
