//! STUB
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecimalMark {
    Point,
    Comma,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    pub cents: i64,
    pub currency: Option<String>,
}
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("empty")]
    Empty,
    #[error("{0}")]
    Invalid(String),
}
pub fn settle_decimal_mark<'a>(values: impl IntoIterator<Item = &'a str>) -> DecimalMark {
    for v in values {
        if let Some(i) = v.rfind(',') {
            if v[i + 1..].chars().filter(|c| c.is_ascii_digit()).count() != 3
                && !v[i..].contains('.')
            {
                return DecimalMark::Comma;
            }
        }
    }
    DecimalMark::Point
}
pub fn parse_money(text: &str, mark: DecimalMark) -> Result<Money, MoneyError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(MoneyError::Empty);
    }
    let cur: String = t
        .chars()
        .filter(|c| {
            !c.is_ascii_digit()
                && !".,-+ \u{a0}()".contains(*c)
                && !c.is_control()
                && *c != '\u{200f}'
        })
        .collect();
    let mut num: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || ".,-".contains(*c))
        .collect();
    if mark == DecimalMark::Comma {
        num = num.replace('.', "").replace(',', ".");
    } else {
        num = num.replace(',', "");
    }
    let v: f64 = num.parse().map_err(|_| MoneyError::Invalid(t.into()))?;
    Ok(Money {
        cents: (v * 100.0).round() as i64,
        currency: currency_code(&cur),
    })
}
pub fn currency_code(symbol: &str) -> Option<String> {
    let s = symbol.trim();
    if s.is_empty() {
        return None;
    }
    Some(
        match s {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "Euro - EUR" => "EUR",
            _ => return Some(s.to_uppercase()),
        }
        .to_owned(),
    )
}
