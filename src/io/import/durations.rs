//! STUB
use chrono::NaiveTime;
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Clock,
    Hours,
    Minutes,
    Seconds,
}
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DurationError {
    #[error("empty")]
    Empty,
    #[error("{0}")]
    Invalid(String),
}
pub fn parse_duration(text: &str, unit: DurationUnit) -> Result<f64, DurationError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DurationError::Empty);
    }
    let bad = || DurationError::Invalid(t.into());
    if t.contains(':') {
        let (c, pm) = match t.split_once(' ') {
            Some((c, ap)) => (c, Some(ap)),
            None => (t, None),
        };
        let p: Vec<f64> = c
            .split(':')
            .map(|x| x.parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let mut h = p[0] + p.get(1).unwrap_or(&0.0) / 60.0 + p.get(2).unwrap_or(&0.0) / 3600.0;
        if pm == Some("AM") && p[0] == 12.0 {
            h -= 12.0
        }
        if pm == Some("PM") && p[0] != 12.0 {
            h += 12.0
        }
        return Ok(h);
    }
    let v: f64 = t.replace(',', ".").parse().map_err(|_| bad())?;
    Ok(match unit {
        DurationUnit::Seconds => v / 3600.0,
        DurationUnit::Minutes => v / 60.0,
        _ => v,
    })
}
pub fn guess_unit(header: &str, samples: &[&str]) -> DurationUnit {
    if samples.iter().any(|s| s.contains(':')) {
        return DurationUnit::Clock;
    }
    let h = header.to_lowercase();
    if h.ends_with(" m") || h.contains("min") {
        return DurationUnit::Minutes;
    }
    if h.contains("sec") {
        return DurationUnit::Seconds;
    }
    DurationUnit::Hours
}
pub fn hours_between(start: NaiveTime, end: NaiveTime) -> f64 {
    let s = (end - start).num_seconds();
    let s = if s < 0 { s + 86400 } else { s };
    s as f64 / 3600.0
}
