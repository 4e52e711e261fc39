//! Quarters and spans of quarters as plans write them: `Q1`, `Q1-Q2`,
//! `Q2 – Q4`, `Q3 2026`, `2027 Q1`, `Quarter - 1`, `H2`.

use crate::model::Quarter;

use super::matching_parenthesis;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct QuarterSpan {
    pub(crate) first: Quarter,
    pub(crate) last: Quarter,
    pub(crate) reversed: bool,
    /// The calendar year written with the quarter (`Q3 2026`, `2027 Q1`).
    pub(crate) year: Option<i32>,
}

pub(crate) fn span_label(first: Quarter, last: Quarter) -> String {
    if first == last {
        first.label().to_owned()
    } else {
        format!("{first}-{last}")
    }
}

/// A quarter or span of quarters standing alone: `Q1`, `Q1-Q2`, `Q2 – Q4`,
/// `Q1 to Q3`, `Q3 2026`, `2027 Q1`, `Q1 (Jan–Mar)`, `Quarter - 1`, `H2`
/// (Q3–Q4).
pub(crate) fn quarter_span(text: &str) -> Option<QuarterSpan> {
    let text = text.trim().trim_end_matches(':').trim_end();
    let lower = text.to_ascii_lowercase();
    // Roadmaps sort by year first: "2027 Q1", "2027-Q1".
    let (leading_year, lower) = match year_at(&lower) {
        Some((year, rest)) => {
            let rest = rest.trim_start();
            let rest = rest
                .strip_prefix(['-', '/', ','])
                .map_or(rest, str::trim_start);
            (Some(year), rest)
        }
        None => (None, lower.as_str()),
    };
    let (first, last, rest) = if let Some((half, rest)) = half_at(lower) {
        (half.0, half.1, rest)
    } else {
        let (first, mut rest) = quarter_at(lower)?;
        let mut last = first;
        let after_first = rest.trim_start();
        for separator in ["-", "–", "—", "..", "to ", "through ", "/", "&", "+"] {
            if let Some(after) = after_first.strip_prefix(separator) {
                let after = after.trim_start();
                let second = quarter_at(after).or_else(|| bare_quarter_at(after));
                if let Some((quarter, after)) = second {
                    last = quarter;
                    rest = after;
                }
                break;
            }
        }
        (first, last, rest)
    };
    let trailing_year = quiet_tail(rest)?;
    let year = match (leading_year, trailing_year) {
        (Some(_), Some(_)) => return None,
        (year, None) | (None, year) => year,
    };
    let (first, last, reversed) = if first <= last {
        (first, last, false)
    } else {
        (last, first, true)
    };
    Some(QuarterSpan {
        first,
        last,
        reversed,
        year,
    })
}

/// A quarter as a heading or a line of its own writes it, perhaps with a
/// title after it: `Q1 2027: Foundations`, `Q3 — Growth`, `Q4 - Harden`.
/// The title, when there is one, is returned beside the span.
pub(crate) fn titled_quarter_span(text: &str) -> Option<(QuarterSpan, Option<&str>)> {
    if let Some(span) = quarter_span(text) {
        return Some((span, None));
    }
    // The longest head that is a quarter: "Q1 - Q2 - Launch" is Q1–Q2.
    for separator in [":", " — ", " – ", " - "] {
        for (at, _) in text.rmatch_indices(separator) {
            let title = text[at + separator.len()..].trim();
            if title.is_empty() {
                continue;
            }
            if let Some(span) = quarter_span(&text[..at]) {
                return Some((span, Some(title)));
            }
        }
    }
    None
}

/// Four digits at the start of `text` that are not the start of a longer
/// number: a year.
fn year_at(text: &str) -> Option<(i32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let year = text.get(..4)?.parse().ok()?;
    Some((year, text.get(4..)?))
}

fn quarter_from_digit(digit: u8) -> Option<Quarter> {
    match digit {
        b'1' => Some(Quarter::Q1),
        b'2' => Some(Quarter::Q2),
        b'3' => Some(Quarter::Q3),
        b'4' => Some(Quarter::Q4),
        _ => None,
    }
}

/// `q1`…`q4`, `quarter 1` or `quarter - 1` at the start of `text` (lower
/// case), not followed by a digit.
fn quarter_at(text: &str) -> Option<(Quarter, &str)> {
    if let Some(rest) = text.strip_prefix("quarter") {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('-').map_or(rest, str::trim_start);
        return bare_quarter_at(rest);
    }
    let rest = text.strip_prefix('q')?;
    bare_quarter_at(rest)
}

fn bare_quarter_at(text: &str) -> Option<(Quarter, &str)> {
    let bytes = text.as_bytes();
    let quarter = quarter_from_digit(*bytes.first()?)?;
    if bytes.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((quarter, &text[1..]))
}

/// `h1` (Q1–Q2) or `h2` (Q3–Q4) at the start of `text` (lower case).
fn half_at(text: &str) -> Option<((Quarter, Quarter), &str)> {
    let rest = text.strip_prefix('h')?;
    let bytes = rest.as_bytes();
    if bytes.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    match bytes.first()? {
        b'1' => Some(((Quarter::Q1, Quarter::Q2), &rest[1..])),
        b'2' => Some(((Quarter::Q3, Quarter::Q4), &rest[1..])),
        _ => None,
    }
}

/// What may follow a quarter marker: nothing, a year (`2026`, `-2026`), a
/// parenthesis ("(Jan–Mar)"), or a year and a parenthesis; `Some` with the
/// year, if any. Anything else means the line is a sentence that happens to
/// start with "Q1".
fn quiet_tail(rest: &str) -> Option<Option<i32>> {
    let mut rest = rest.trim();
    let after_dash = rest
        .strip_prefix(['-', '/', ','])
        .map_or(rest, str::trim_start);
    let mut year = None;
    if let Some((found, after)) = year_at(after_dash) {
        year = Some(found);
        rest = after.trim_start();
    } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let quiet = match rest.strip_prefix('(') {
        Some(inner) => matching_parenthesis(inner).is_some_and(|inner| !inner.trim().is_empty()),
        None => rest.is_empty(),
    };
    quiet.then_some(year)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn span(text: &str) -> Option<(Quarter, Quarter, bool)> {
        quarter_span(text).map(|span| (span.first, span.last, span.reversed))
    }

    fn year(text: &str) -> Option<Option<i32>> {
        quarter_span(text).map(|span| span.year)
    }

    #[test]
    fn quarter_markers_in_the_ways_people_write_them() {
        use Quarter::{Q1, Q2, Q3, Q4};
        assert_eq!(span("Q1"), Some((Q1, Q1, false)));
        assert_eq!(span("Q1-Q2"), Some((Q1, Q2, false)));
        assert_eq!(span("q2 – q4"), Some((Q2, Q4, false)));
        assert_eq!(span("Q1 to Q3:"), Some((Q1, Q3, false)));
        assert_eq!(span("Q2-4"), Some((Q2, Q4, false)));
        assert_eq!(span("Q3 2026"), Some((Q3, Q3, false)));
        assert_eq!(span("Q1 (Jan–Mar)"), Some((Q1, Q1, false)));
        assert_eq!(span("H2"), Some((Q3, Q4, false)));
        assert_eq!(span("Q3-Q1"), Some((Q1, Q3, true)));
        assert_eq!(span("Q5"), None);
        assert_eq!(span("Q12"), None);
        assert_eq!(span("Q1 planning meeting"), None);
        assert_eq!(span("Quarterly"), None);
        assert_eq!(span(""), None);
    }

    #[test]
    fn quarters_with_a_title_after_them() {
        use Quarter::{Q1, Q2, Q3, Q4};
        let titled = |text| {
            titled_quarter_span(text).map(|(span, title)| (span.first, span.last, span.year, title))
        };
        assert_eq!(
            titled("Q1 2027: Foundations"),
            Some((Q1, Q1, Some(2027), Some("Foundations")))
        );
        assert_eq!(titled("Q3 — Growth"), Some((Q3, Q3, None, Some("Growth"))));
        assert_eq!(titled("Q4 - Harden"), Some((Q4, Q4, None, Some("Harden"))));
        assert_eq!(
            titled("Q1 - Q2 - Launch"),
            Some((Q1, Q2, None, Some("Launch")))
        );
        assert_eq!(titled("Q2:"), Some((Q2, Q2, None, None)));
        assert_eq!(titled("Q1-Q2"), Some((Q1, Q2, None, None)));
        // A sentence that starts with a quarter is no quarter.
        assert_eq!(titled("Q1 planning meeting: agenda"), None);
        assert_eq!(titled("Budget: Q1"), None);
        assert_eq!(titled("Notes - Q3"), None);
    }

    #[test]
    fn roadmap_headings_with_their_years() {
        use Quarter::{Q1, Q2, Q3};
        assert_eq!(span("Q2 2023"), Some((Q2, Q2, false)));
        assert_eq!(year("Q2 2023"), Some(Some(2023)));
        assert_eq!(span("2027 Q1"), Some((Q1, Q1, false)));
        assert_eq!(year("2027 Q1"), Some(Some(2027)));
        assert_eq!(year("2027-Q3"), Some(Some(2027)));
        assert_eq!(year("Q1-2027"), Some(Some(2027)));
        assert_eq!(year("Q1 2027 (Jan–Mar)"), Some(Some(2027)));
        assert_eq!(year("Q3"), Some(None));
        assert_eq!(span("Quarter - 1"), Some((Q1, Q1, false)));
        assert_eq!(span("Quarter 3"), Some((Q3, Q3, false)));
        assert_eq!(span("Quarter 1 - Quarter 2"), Some((Q1, Q2, false)));
        assert_eq!(span("2027 Q1 2028"), None);
        assert_eq!(span("2027"), None);
        assert_eq!(span("20271 Q1"), None);
        assert_eq!(span("Q1 202"), None);
        assert_eq!(span("Quarterly goals"), None);
        assert_eq!(span("2027 roadmap"), None);
    }
}
