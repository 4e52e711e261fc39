//! Weekly hours as plans write them: `15-20 hours/week`, `10 h/week`.

use super::period_word;

/// A number with an optional decimal part (`7.5` or `7,5`) at the start of
/// `text`, and what follows it.
fn number_at(text: &str) -> Option<(f64, &str)> {
    let bytes = text.as_bytes();
    let mut end = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if end == 0 {
        return None;
    }
    if matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1;
        end += bytes[end..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
    }
    let number = text[..end].replace(',', ".").parse::<f64>().ok()?;
    Some((number, &text[end..]))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HoursPer {
    Week,
    /// No period: a week in a budget section, nothing elsewhere.
    Unsaid,
    Other(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct HoursFigure {
    pub(crate) min: f64,
    pub(crate) max: f64,
    pub(crate) per: HoursPer,
}

/// Hours as plans write them: `15-20 hours/week`, `5 hours per week`,
/// `10 h/week`, `10–15 hrs a week`, `~8h weekly`.
pub(crate) fn parse_hours(value: &str) -> Option<HoursFigure> {
    let lower = value.trim().to_ascii_lowercase();
    let mut rest = lower.trim_start_matches(['~', '≈']).trim_start();
    for about in [
        "about ",
        "around ",
        "approx. ",
        "approx ",
        "approximately ",
        "ca. ",
    ] {
        if let Some(after) = rest.strip_prefix(about) {
            rest = after.trim_start();
        }
    }
    let (min, after) = number_at(rest)?;
    rest = after.trim_start();
    let mut max = min;
    for separator in ["-", "–", "—", "to "] {
        if let Some(after) = rest.strip_prefix(separator)
            && let Some((number, after)) = number_at(after.trim_start())
        {
            max = number;
            rest = after.trim_start();
            break;
        }
    }
    let mut unit_found = false;
    for unit in ["hours", "hour", "hrs", "hr", "h"] {
        if let Some(after) = rest.strip_prefix(unit)
            && !after.starts_with(|c: char| c.is_alphabetic())
        {
            rest = after.trim_start();
            unit_found = true;
            break;
        }
    }
    if !unit_found {
        return None;
    }
    let per = period_word(rest)?;
    let per = match per {
        "" => HoursPer::Unsaid,
        "week" => HoursPer::Week,
        other => HoursPer::Other(other),
    };
    Some(HoursFigure { min, max, per })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn hours_in_the_ways_people_write_them() {
        let hours = |text: &str| parse_hours(text).map(|h| (h.min, h.max, h.per));
        assert_eq!(
            hours("15-20 hours/week"),
            Some((15.0, 20.0, HoursPer::Week))
        );
        assert_eq!(hours("5 hours/week"), Some((5.0, 5.0, HoursPer::Week)));
        assert_eq!(hours("10 h/week"), Some((10.0, 10.0, HoursPer::Week)));
        assert_eq!(hours("5 hours per week"), Some((5.0, 5.0, HoursPer::Week)));
        assert_eq!(
            hours("10 to 15 hrs a week"),
            Some((10.0, 15.0, HoursPer::Week))
        );
        assert_eq!(hours("~7,5h weekly"), Some((7.5, 7.5, HoursPer::Week)));
        assert_eq!(hours("12 hours"), Some((12.0, 12.0, HoursPer::Unsaid)));
        assert_eq!(
            hours("2 hours/day"),
            Some((2.0, 2.0, HoursPer::Other("day")))
        );
        assert_eq!(hours("$100/month"), None);
        assert_eq!(hours("3 hours of reading"), None);
        assert_eq!(hours("2026-01-01"), None);
    }
}
