//! Amounts of money as people type them ("12.5", "$1,234.56") turned into
//! integer cents, and back into text they can edit.
//!
//! No floating point is used anywhere: the digits are read as integers, so
//! "0.10" is exactly 10 cents and "0.10" + "0.20" is exactly "0.30".

use super::validate::MAX_CENTS;

/// Why a typed amount was refused, worded to be shown next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("Enter an amount, e.g. 12.50")]
    Empty,
    #[error("Enter the amount in digits, e.g. 12.50")]
    NotANumber,
    #[error("Use one decimal point, e.g. 12.50")]
    MultipleDots,
    #[error("Use a dot for cents and commas only between thousands, e.g. 1,234.56")]
    MisplacedSeparator,
    #[error("At most two decimals (cents)")]
    TooManyDecimals,
    #[error("Amounts cannot be negative")]
    Negative,
    #[error("Enter an amount above zero")]
    Zero,
    #[error("That amount is too large (the limit is 1,000,000,000.00)")]
    TooLarge,
}

/// The cents in `text`, which may carry the plan's `currency_symbol` or `$`
/// before or after the number, commas between groups of three digits, and at
/// most two decimals after a dot.
///
/// Zero is refused: an expense of nothing records nothing, and a zero in the
/// field is far more often a slip than a purchase.
///
/// Three decimals are refused even when the last is a zero: "1.500" is how
/// much of Europe writes one thousand five hundred, so guessing would be
/// wrong by a factor of a thousand for them.
pub fn parse_amount_cents(text: &str, currency_symbol: &str) -> Result<i64, AmountError> {
    let mut rest = text.trim();
    let mut negative = false;
    // Accounting software writes negative amounts in parentheses.
    if let Some(inner) = rest
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
    {
        negative = true;
        rest = inner.trim();
    }
    if let Some(unsigned) = strip_minus(rest) {
        negative = true;
        rest = unsigned;
    }
    rest = strip_symbol(rest, currency_symbol);
    // "$-5" as well as "-$5".
    if let Some(unsigned) = strip_minus(rest) {
        negative = true;
        rest = unsigned;
    }
    let magnitude = parse_unsigned_cents(rest);
    if negative {
        // A refusal for the number itself says more than "negative" does:
        // "-1.234" is wrong first for its decimals.
        return match magnitude {
            Ok(_) | Err(AmountError::Zero | AmountError::TooLarge) => Err(AmountError::Negative),
            Err(error) => Err(error),
        };
    }
    magnitude
}

/// `cents` as a person would type it back into the field: "1234.56", with no
/// symbol and no grouping, so that [`parse_amount_cents`] reads it unchanged
/// and a CSV file needs no quotes around it.
pub fn amount_text(cents: i64) -> String {
    let magnitude = cents.unsigned_abs();
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// The text after a leading minus sign (ASCII or the typographic U+2212).
fn strip_minus(text: &str) -> Option<&str> {
    text.strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'))
        .map(str::trim_start)
}

/// `text` without one currency symbol before or after it. `$` is always
/// understood, whatever the plan's symbol: it is on every keyboard.
fn strip_symbol<'a>(text: &'a str, currency_symbol: &str) -> &'a str {
    let plan_symbol = currency_symbol.trim();
    let symbols = [plan_symbol, "$"];
    for symbol in symbols.iter().filter(|symbol| !symbol.is_empty()) {
        if let Some(rest) = text.strip_prefix(symbol) {
            return rest.trim_start();
        }
    }
    for symbol in symbols.iter().filter(|symbol| !symbol.is_empty()) {
        if let Some(rest) = text.strip_suffix(symbol) {
            return rest.trim_end();
        }
    }
    text
}

/// Cents in an amount made only of digits, commas and at most one dot.
fn parse_unsigned_cents(text: &str) -> Result<i64, AmountError> {
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    if !text
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b',' || byte == b'.')
    {
        return Err(AmountError::NotANumber);
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((_, fraction)) if fraction.contains('.') => return Err(AmountError::MultipleDots),
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    if !whole.bytes().any(|byte| byte.is_ascii_digit()) && fraction.is_empty() {
        // ".", "," and the like: there is no number here at all.
        return Err(AmountError::NotANumber);
    }
    if fraction.contains(',') || !well_grouped(whole) {
        return Err(AmountError::MisplacedSeparator);
    }
    if fraction.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }

    let mut units: i64 = 0;
    for digit in whole.bytes().filter(u8::is_ascii_digit) {
        units = units
            .checked_mul(10)
            .and_then(|units| units.checked_add(i64::from(digit - b'0')))
            .ok_or(AmountError::TooLarge)?;
    }
    // "5" after the dot is fifty cents, "05" is five.
    let mut fraction_cents: i64 = 0;
    for (position, digit) in fraction.bytes().enumerate() {
        let weight = if position == 0 { 10 } else { 1 };
        fraction_cents += i64::from(digit - b'0') * weight;
    }
    let cents = units
        .checked_mul(100)
        .and_then(|cents| cents.checked_add(fraction_cents))
        .ok_or(AmountError::TooLarge)?;
    if cents > MAX_CENTS {
        Err(AmountError::TooLarge)
    } else if cents == 0 {
        Err(AmountError::Zero)
    } else {
        Ok(cents)
    }
}

/// Whether the whole part is plain digits (or nothing, as in ".5"), or has
/// its commas exactly between groups of three: "1,234", "12,345,678".
fn well_grouped(whole: &str) -> bool {
    if !whole.contains(',') {
        return true;
    }
    let mut groups = whole.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|first| (1..=3).contains(&first.len()));
    first_ok && groups.all(|group| group.len() == 3)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn cents(text: &str) -> Result<i64, AmountError> {
        parse_amount_cents(text, "$")
    }

    #[test]
    fn accepts_the_ways_people_write_amounts() {
        assert_eq!(cents("12"), Ok(1_200));
        assert_eq!(cents("12.5"), Ok(1_250));
        assert_eq!(cents("12.34"), Ok(1_234));
        assert_eq!(cents("12.05"), Ok(1_205));
        assert_eq!(cents("$12.34"), Ok(1_234));
        assert_eq!(cents("12.34$"), Ok(1_234));
        assert_eq!(cents("$ 12.34"), Ok(1_234));
        assert_eq!(cents("1,234.56"), Ok(123_456));
        assert_eq!(cents("$1,234.56"), Ok(123_456));
        assert_eq!(cents("1234.5"), Ok(123_450));
        assert_eq!(cents("1,234"), Ok(123_400));
        assert_eq!(cents("12,345,678.9"), Ok(1_234_567_890));
        assert_eq!(cents("  7.25  "), Ok(725));
        assert_eq!(cents("0.10"), Ok(10));
        assert_eq!(cents("0.01"), Ok(1));
        assert_eq!(cents(".5"), Ok(50));
        assert_eq!(cents("12."), Ok(1_200));
        assert_eq!(cents("007"), Ok(700));
    }

    #[test]
    fn the_plans_symbol_and_the_dollar_are_both_understood() {
        assert_eq!(parse_amount_cents("€12.34", "€"), Ok(1_234));
        assert_eq!(parse_amount_cents("12.34 €", "€"), Ok(1_234));
        assert_eq!(parse_amount_cents("$12.34", "€"), Ok(1_234));
        assert_eq!(parse_amount_cents("CHF 1,000", "CHF"), Ok(100_000));
        assert_eq!(parse_amount_cents("12 kr", " kr "), Ok(1_200));
        assert_eq!(parse_amount_cents("12", ""), Ok(1_200));
        assert_eq!(parse_amount_cents("$12", ""), Ok(1_200));
        assert_eq!(parse_amount_cents("£12", "€"), Err(AmountError::NotANumber));
        assert_eq!(
            parse_amount_cents("$12$", "$"),
            Err(AmountError::NotANumber)
        );
    }

    #[test]
    fn cents_add_up_exactly() {
        // The sum a float gets wrong: 0.1 + 0.2 = 0.30000000000000004.
        let sum = cents("0.10").unwrap() + cents("0.20").unwrap();
        assert_eq!(sum, cents("0.30").unwrap());
        assert_eq!(sum, 30);
        // Ten dimes are a dollar, exactly.
        let dimes: i64 = (0..10).map(|_| cents("0.10").unwrap()).sum();
        assert_eq!(dimes, 100);
        assert_eq!(cents("19.99").unwrap() * 3, 5_997);
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        use AmountError::{Empty, MisplacedSeparator, MultipleDots, NotANumber};
        assert_eq!(cents(""), Err(Empty));
        assert_eq!(cents("   "), Err(Empty));
        assert_eq!(cents("$"), Err(Empty));
        assert_eq!(cents("twelve"), Err(NotANumber));
        assert_eq!(cents("12 dollars"), Err(NotANumber));
        assert_eq!(cents("1e3"), Err(NotANumber));
        assert_eq!(cents("12 34"), Err(NotANumber));
        assert_eq!(cents("+12"), Err(NotANumber));
        assert_eq!(cents("NaN"), Err(NotANumber));
        assert_eq!(cents("١٢"), Err(NotANumber));
        assert_eq!(cents("."), Err(NotANumber));
        assert_eq!(cents(","), Err(NotANumber));
        assert_eq!(cents("1.2.3"), Err(MultipleDots));
        assert_eq!(cents("1..2"), Err(MultipleDots));
        assert_eq!(cents("1,23.4"), Err(MisplacedSeparator));
        assert_eq!(cents("12,34"), Err(MisplacedSeparator));
        assert_eq!(cents("1,2345"), Err(MisplacedSeparator));
        assert_eq!(cents("1234,567"), Err(MisplacedSeparator));
        assert_eq!(cents(",123"), Err(MisplacedSeparator));
        assert_eq!(cents("1,,234"), Err(MisplacedSeparator));
        assert_eq!(cents("1.23,4"), Err(MisplacedSeparator));
    }

    #[test]
    fn refuses_more_than_two_decimals() {
        assert_eq!(cents("1.234"), Err(AmountError::TooManyDecimals));
        assert_eq!(cents("1.500"), Err(AmountError::TooManyDecimals));
        assert_eq!(cents("0.001"), Err(AmountError::TooManyDecimals));
    }

    #[test]
    fn refuses_negative_and_zero_amounts() {
        use AmountError::{Negative, TooManyDecimals, Zero};
        assert_eq!(cents("-5"), Err(Negative));
        assert_eq!(cents("- 5"), Err(Negative));
        assert_eq!(cents("−5"), Err(Negative));
        assert_eq!(cents("(5)"), Err(Negative));
        assert_eq!(cents("($5.00)"), Err(Negative));
        assert_eq!(cents("-$5"), Err(Negative));
        assert_eq!(cents("$-5"), Err(Negative));
        assert_eq!(cents("-0"), Err(Negative));
        assert_eq!(cents("-1.234"), Err(TooManyDecimals));
        assert_eq!(cents("0"), Err(Zero));
        assert_eq!(cents("0.00"), Err(Zero));
        assert_eq!(cents("$0"), Err(Zero));
    }

    #[test]
    fn refuses_absurdly_large_amounts() {
        assert_eq!(cents("1,000,000,000"), Ok(MAX_CENTS));
        assert_eq!(cents("1000000000.00"), Ok(MAX_CENTS));
        assert_eq!(cents("1000000000.01"), Err(AmountError::TooLarge));
        assert_eq!(cents("92233720368547758.07"), Err(AmountError::TooLarge));
        assert_eq!(cents("92233720368547758.08"), Err(AmountError::TooLarge));
        assert_eq!(cents(&"9".repeat(10_000)), Err(AmountError::TooLarge));
        assert_eq!(cents(&"0".repeat(10_000)), Err(AmountError::Zero));
        assert_eq!(cents(&format!("{}1", "0".repeat(10_000))), Ok(100));
    }

    #[test]
    fn messages_read_well_next_to_the_field() {
        assert_eq!(
            cents("").unwrap_err().to_string(),
            "Enter an amount, e.g. 12.50"
        );
        assert_eq!(
            cents("1.234").unwrap_err().to_string(),
            "At most two decimals (cents)"
        );
        assert_eq!(
            cents("-5").unwrap_err().to_string(),
            "Amounts cannot be negative"
        );
        assert_eq!(
            cents("0").unwrap_err().to_string(),
            "Enter an amount above zero"
        );
        assert!(
            cents("2000000000")
                .unwrap_err()
                .to_string()
                .starts_with("That amount is too large")
        );
    }

    #[test]
    fn amount_text_reads_back_as_the_same_cents() {
        assert_eq!(amount_text(1_234), "12.34");
        assert_eq!(amount_text(1_250), "12.50");
        assert_eq!(amount_text(5), "0.05");
        assert_eq!(amount_text(123_456), "1234.56");
        assert_eq!(amount_text(0), "0.00");
        assert_eq!(amount_text(-1_200), "-12.00");
        assert_eq!(amount_text(i64::MIN), "-92233720368547758.08");
        for value in [
            1,
            9,
            10,
            99,
            100,
            101,
            1_234,
            99_999,
            MAX_CENTS - 1,
            MAX_CENTS,
        ] {
            assert_eq!(cents(&amount_text(value)), Ok(value), "{value}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let alphabet: Vec<char> = "0123456789.,$€-−() +e\u{feff}é\"".chars().collect();
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let length = state % 12;
            for _ in 0..length {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let index = usize::try_from(state % alphabet.len() as u64).unwrap();
                text.push(alphabet[index]);
            }
            if let Ok(value) = parse_amount_cents(&text, "€") {
                assert!((1..=MAX_CENTS).contains(&value), "{text:?} gave {value}");
            }
        }
        assert_eq!(
            parse_amount_cents("((5))", "$"),
            Err(AmountError::NotANumber)
        );
        assert_eq!(
            parse_amount_cents(&"(".repeat(100_000), "$"),
            Err(AmountError::NotANumber)
        );
    }
}
