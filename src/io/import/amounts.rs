//! Amounts of money as banks and budget apps export them, turned into signed
//! integer cents and the currency they name: `-13,98`, `"4.093,32 €"`,
//! `" NZD 48.75 "`, `(12.50)`, `12,50-`, `1'234.50`, and YNAB4's
//! `د.ا.` + U+200F + `4.750`.
//!
//! Unlike the quick-entry parser in `model::amount`, the sign is kept (a file
//! writes money out as negative, and the pipeline decides what that means),
//! zero is an amount, more than two decimals are rounded rather than
//! refused, and whether `,` or `.` separates the cents is settled for a whole
//! column first ([`settle_decimal_mark`]): `1,280` alone says nothing, but a
//! `-62,3` in the same column does.
//!
//! No floating point anywhere: digits are read as integers.

/// Which character separates the cents in a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecimalMark {
    /// `1,234.56`.
    Point,
    /// `1.234,56`.
    Comma,
}

impl DecimalMark {
    /// The character itself.
    pub fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    /// The character that groups thousands when this one separates cents.
    fn other(self) -> char {
        match self {
            DecimalMark::Point => ',',
            DecimalMark::Comma => '.',
        }
    }

    fn words(self) -> &'static str {
        match self {
            DecimalMark::Point => "a point before the cents, like 1,234.56",
            DecimalMark::Comma => "a comma before the cents, like 1.234,56",
        }
    }
}

/// One amount as written: signed cents (negative = money out, as the file wrote it) and the
/// currency it named, if any, as an ISO 4217 code when known (`€` → "EUR", `Euro - EUR` →
/// "EUR", `NZD` → "NZD", `$` → "USD", `£` → "GBP", `¥` → "JPY", `د.ا.` → "JOD", `CHF`, ...),
/// else the symbol as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    pub cents: i64,
    pub currency: Option<String>,
}

/// The largest amount, either way, one imported value may hold:
/// 100,000,000,000.00. Far beyond any expense, and far enough from `i64`'s
/// limits that sums of a whole file cannot overflow.
pub const MAX_IMPORT_CENTS: i64 = 10_000_000_000_000;

/// Why a piece of text is not an amount. Each message is a whole sentence
/// that quotes the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("The amount is empty.")]
    Empty,
    #[error(
        "\"{0}\" is not an amount that can be read, such as 12.50, -1.234,56, (12.50) or NZD 48.75."
    )]
    Invalid(String),
    /// More than [`MAX_IMPORT_CENTS`] either way.
    #[error("\"{0}\" is more than 100,000,000,000.00, far more than any real amount.")]
    TooLarge(String),
    /// Digits with separators that do not fit the column's decimal mark:
    /// `-62,3` in a column written `1,234.56`.
    #[error("\"{0}\" has separators that do not fit the column, which writes {words}.", words = .1.words())]
    Separators(String, DecimalMark),
}

/// What an error shows of the text: all of it when short, its start when a
/// whole paragraph landed in an amount column.
const SHOWN_CHARS: usize = 60;

fn shown(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// Invisible characters that order right-to-left text: YNAB4 puts U+200F
/// between an Arabic currency and the number. They carry no value.
fn is_bidi_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` without bidi marks and byte-order marks.
fn without_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !is_bidi_mark(*c) && *c != '\u{FEFF}')
        .collect()
}

/// The decimal mark of a whole column, from its values: `1.234,56`, `-13,98`, `"-62,3"` →
/// Comma; `1,280.8`, `48.75`, `-330000` → Point; a column whose only separators are ambiguous
/// (`1,280` alone) → Point unless another value decides.
///
/// Each value votes when it can: both characters present (the last one is
/// the mark), one character twice (it groups, so the other is the mark), or
/// one character once with other than three digits after it. When values
/// disagree the larger number wins, and a tie is Point.
pub fn settle_decimal_mark<'a>(values: impl IntoIterator<Item = &'a str>) -> DecimalMark {
    let mut comma_votes = 0usize;
    let mut point_votes = 0usize;
    for value in values {
        let cleaned = without_marks(value);
        let Ok(parts) = split_amount(cleaned.trim()) else {
            continue;
        };
        match vote(parts.number) {
            Some(DecimalMark::Comma) => comma_votes += 1,
            Some(DecimalMark::Point) => point_votes += 1,
            None => {}
        }
    }
    if comma_votes > point_votes {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// What one number says about the decimal mark, if anything.
fn vote(number: &str) -> Option<DecimalMark> {
    let last_point = number.rfind('.');
    let last_comma = number.rfind(',');
    match (last_point, last_comma) {
        (Some(point), Some(comma)) if point > comma => Some(DecimalMark::Point),
        (Some(_), Some(_)) => Some(DecimalMark::Comma),
        (Some(_), None) => single_kind_vote(number, '.', DecimalMark::Point),
        (None, Some(_)) => single_kind_vote(number, ',', DecimalMark::Comma),
        (None, None) => None,
    }
}

/// The vote of a number whose only separator is `separator`, which is the
/// mark `as_mark` when it separates cents.
fn single_kind_vote(number: &str, separator: char, as_mark: DecimalMark) -> Option<DecimalMark> {
    let other = match as_mark {
        DecimalMark::Point => DecimalMark::Comma,
        DecimalMark::Comma => DecimalMark::Point,
    };
    let mut pieces = number.split(separator);
    let before = pieces.next().unwrap_or("");
    let after = pieces.next().unwrap_or("");
    if pieces.next().is_some() {
        // `1.234.567`: a character used twice groups thousands.
        return Some(other);
    }
    let digits_after = after.chars().filter(char::is_ascii_digit).count();
    // Only one to three plain digits, not starting with 0, can be the first
    // group of thousands; `0,500`, `1234,567` and `1 280,500` have cents.
    let before_is_group = (1..=3).contains(&before.len())
        && before.bytes().all(|byte| byte.is_ascii_digit())
        && !before.starts_with('0');
    if digits_after == 3 && before_is_group {
        // `1,280`: thousands or three decimals; another value must say.
        None
    } else {
        Some(as_mark)
    }
}

/// An amount cut into what surrounds the number and the number itself.
struct Parts<'a> {
    negative: bool,
    currency: Option<&'a str>,
    number: &'a str,
}

/// Cuts `text` (trimmed, without bidi marks) into sign, currency and number.
/// `Err(())` when there is more around the number than one currency and one
/// sign in any of the places exports put them.
fn split_amount(text: &str) -> Result<Parts<'_>, ()> {
    let mut rest = text;
    let mut negative = false;
    let mut signs = 0;
    let mut currency = None;
    // Accounting software writes money out in parentheses.
    if let Some(inner) = rest
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
    {
        negative = true;
        signs += 1;
        rest = inner.trim();
    }

    // Before the number: a sign and a currency, in either order.
    loop {
        rest = rest.trim_start();
        if let Some(after) = strip_sign(rest) {
            negative |= after.0;
            signs += 1;
            rest = after.1;
            continue;
        }
        match rest.chars().next() {
            Some(c) if c.is_ascii_digit() || c == '.' || c == ',' => break,
            Some(_) if currency.is_none() => {
                let (symbol, after) = take_symbol(rest);
                if symbol.is_empty() {
                    return Err(());
                }
                currency = Some(symbol);
                rest = after;
            }
            _ => return Err(()),
        }
    }

    let (number, mut rest) = take_number(rest);

    // After the number: a currency, a trailing minus, CR or DR.
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2212}'))
        {
            negative = true;
            signs += 1;
            rest = after;
            continue;
        }
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = rest.get(..word_end).unwrap_or("");
        if word.eq_ignore_ascii_case("dr") || word.eq_ignore_ascii_case("cr") {
            // A debit is money out; a credit, money in.
            negative |= word.eq_ignore_ascii_case("dr");
            signs += 1;
            rest = rest.get(word_end..).unwrap_or("");
            continue;
        }
        if currency.is_some() {
            return Err(());
        }
        let (symbol, after) = take_symbol(rest);
        if symbol.is_empty() {
            return Err(());
        }
        currency = Some(symbol);
        rest = after;
    }
    if signs > 1 || number.is_empty() {
        return Err(());
    }
    Ok(Parts {
        negative,
        currency,
        number,
    })
}

/// A leading sign: `(true, rest)` for a minus, `(false, rest)` for a plus.
fn strip_sign(text: &str) -> Option<(bool, &str)> {
    if let Some(rest) = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'))
    {
        Some((true, rest))
    } else {
        text.strip_prefix('+').map(|rest| (false, rest))
    }
}

/// The currency symbol or code at the start of `text`: everything up to a
/// digit, a space or a sign. A trailing `.` or `,` is handed back to the
/// number (`$.50`) unless it belongs to a known symbol (`د.ا.`).
fn take_symbol(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '-' | '\u{2212}' | '+' | '(' | ')')
        })
        .unwrap_or(text.len());
    let (symbol, rest) = text.split_at_checked(end).unwrap_or((text, ""));
    if currency_code(symbol).is_none() && rest.starts_with(|c: char| c.is_ascii_digit()) {
        let shorter = symbol.trim_end_matches(['.', ',']);
        if !shorter.is_empty() && shorter.len() < symbol.len() {
            return text
                .split_at_checked(shorter.len())
                .unwrap_or((symbol, rest));
        }
    }
    (symbol, rest)
}

/// The number at the start of `text`: digits, `.`, `,`, apostrophes, and
/// spaces of any width when a digit follows them (`1 234,50`), and the rest.
fn take_number(text: &str) -> (&str, &str) {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '\u{2019}') {
            end = index + c.len_utf8();
        } else if c.is_whitespace() {
            // One space between digit groups, never the space before `€`.
            let groups_on = chars.peek().is_some_and(|(_, next)| next.is_ascii_digit());
            if !groups_on {
                break;
            }
        } else {
            break;
        }
    }
    text.split_at_checked(end).unwrap_or((text, ""))
}

/// One amount, read with `mark` before its cents.
///
/// Around the number there may be one currency, before or after it (`€`,
/// `NZD`, `US$`, `د.ا.`), with or without spaces of any width, and one sign:
/// a minus before or after the currency (`-$12.50`, `$-12.50`, `€ -12,50`),
/// parentheses (`(12.50)`), a trailing minus (`12,50-`), or `DR` (money
/// out) / `CR` (money in) after it. Thousands are grouped with the other
/// mark, an apostrophe or a space (`1,234.56`, `1'234.50`, `1 234,50`), in
/// groups of three (or the Indian `1,23,456.00`). Bidi marks are ignored.
///
/// More than two decimals are rounded half away from zero: `4.750` is 475
/// cents, `0.005` is 1 and `-0.005` is -1.
pub fn parse_money(text: &str, mark: DecimalMark) -> Result<Money, MoneyError> {
    let cleaned = without_marks(text);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    let parts = split_amount(trimmed).map_err(|()| MoneyError::Invalid(shown(trimmed)))?;
    let magnitude = unsigned_cents(parts.number, mark, trimmed)?;
    let cents = if parts.negative {
        -magnitude
    } else {
        magnitude
    };
    let currency = parts
        .currency
        .map(|symbol| currency_code(symbol).unwrap_or_else(|| symbol.to_owned()));
    Ok(Money { cents, currency })
}

/// Cents in a number made of digits and separators, read with `mark`.
fn unsigned_cents(number: &str, mark: DecimalMark, whole_text: &str) -> Result<i64, MoneyError> {
    let misfit = || MoneyError::Separators(shown(whole_text), mark);
    let (whole, fraction) = match number.split_once(mark.char()) {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    if !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(misfit());
    }
    let digits = grouped_digits(whole, mark).ok_or_else(misfit)?;
    if digits.is_empty() && fraction.is_empty() {
        return Err(MoneyError::Invalid(shown(whole_text)));
    }

    let too_large = || MoneyError::TooLarge(shown(whole_text));
    let mut units: i64 = 0;
    for digit in digits.bytes() {
        units = units
            .checked_mul(10)
            .and_then(|units| units.checked_add(i64::from(digit - b'0')))
            .ok_or_else(too_large)?;
    }
    let mut fraction_digits = fraction.bytes().map(|digit| i64::from(digit - b'0'));
    let tenths = fraction_digits.next().unwrap_or(0);
    let hundredths = fraction_digits.next().unwrap_or(0);
    // Half a cent or more rounds up; the sign is applied after, so this is
    // half away from zero.
    let round_up = i64::from(fraction_digits.next().is_some_and(|digit| digit >= 5));
    let cents = units
        .checked_mul(100)
        .and_then(|cents| cents.checked_add(tenths * 10 + hundredths + round_up))
        .ok_or_else(too_large)?;
    if cents > MAX_IMPORT_CENTS {
        Err(too_large())
    } else {
        Ok(cents)
    }
}

/// The digits of the whole part, when its grouping separators (the other
/// mark, an apostrophe or a space, one kind per number) sit between groups
/// of three, or in the Indian way (`1,23,45,678`).
fn grouped_digits(whole: &str, mark: DecimalMark) -> Option<String> {
    let is_separator =
        |c: char| c == mark.other() || c == '\'' || c == '\u{2019}' || c.is_whitespace();
    let mut kinds = whole.chars().filter(|c| is_separator(*c)).map(|c| {
        // Spaces of every width are one kind: exports mix them.
        if c.is_whitespace() { ' ' } else { c }
    });
    let Some(kind) = kinds.next() else {
        return whole
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| whole.to_owned());
    };
    if kinds.any(|other| other != kind) {
        return None;
    }
    let groups: Vec<&str> = whole.split(is_separator).collect();
    if !groups
        .iter()
        .all(|group| !group.is_empty() && group.bytes().all(|byte| byte.is_ascii_digit()))
    {
        return None;
    }
    let (first, rest) = groups.split_first()?;
    let (last, middle) = rest.split_last()?;
    let western = (1..=3).contains(&first.len()) && rest.iter().all(|group| group.len() == 3);
    let indian = (1..=2).contains(&first.len())
        && last.len() == 3
        && middle.iter().all(|group| group.len() == 2);
    (western || indian).then(|| groups.concat())
}

/// The ISO code for a currency symbol or code as a plan or file writes it (`$`, `US$`, `€`,
/// `EUR`, `eur`, `Euro - EUR`, `£`, `kr`→None (ambiguous), ...).
///
/// A symbol several currencies share and nothing narrows down (`kr`, `Rs`,
/// `R`) gives `None`, so the caller keeps it as written. `$` alone is taken
/// as US dollars, `¥` as yen.
pub fn currency_code(symbol: &str) -> Option<String> {
    let cleaned = without_marks(symbol);
    let trimmed = cleaned.trim();
    // Harvest's `Euro - EUR`: a name, then the code.
    if let Some((_, code)) = trimmed.rsplit_once(" - ")
        && let Some(code) = iso_code(code.trim())
    {
        return Some(code);
    }
    if let Some(code) = iso_code(trimmed) {
        return Some(code);
    }
    symbol_code(trimmed)
        .or_else(|| symbol_code(&trimmed.to_lowercase()))
        .map(str::to_owned)
}

/// `text` as an ISO 4217 code, in any case, when it is one in use.
fn iso_code(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    (upper.len() == 3 && ISO_CODES.contains(&upper.as_str())).then_some(upper)
}

/// Symbols and names that name one currency; lower-case names are matched
/// after the text is lower-cased.
fn symbol_code(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "$" | "US$" | "U$S" | "us$" | "dollar" | "dollars" | "us dollar" => "USD",
        "€" | "euro" | "euros" => "EUR",
        "£" | "pound sterling" => "GBP",
        "¥" | "円" | "yen" => "JPY",
        "CN¥" | "元" | "RMB" | "rmb" => "CNY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₴" => "UAH",
        "₱" => "PHP",
        "฿" => "THB",
        "₫" => "VND",
        "₦" => "NGN",
        "₲" => "PYG",
        "₡" => "CRC",
        "₸" => "KZT",
        "₾" => "GEL",
        "zł" => "PLN",
        "kč" => "CZK",
        "ft" => "HUF",
        "lei" => "RON",
        "A$" | "AU$" => "AUD",
        "C$" | "CA$" => "CAD",
        "NZ$" => "NZD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "R$" => "BRL",
        "MX$" => "MXN",
        "fr." | "sfr." | "sfr" => "CHF",
        "د.ا." | "د.ا" => "JOD",
        "د.إ." | "د.إ" => "AED",
        "ر.س." | "ر.س" => "SAR",
        "د.ك." | "د.ك" => "KWD",
        _ => return None,
    })
}

/// ISO 4217 codes in use.
const ISO_CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use DecimalMark::{Comma, Point};
    use proptest::prelude::*;

    fn money(text: &str, mark: DecimalMark) -> Money {
        parse_money(text, mark).unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    fn cents(text: &str, mark: DecimalMark) -> i64 {
        money(text, mark).cents
    }

    fn with(cents: i64, currency: &str) -> Money {
        Money {
            cents,
            currency: Some(currency.to_owned()),
        }
    }

    fn bare(cents: i64) -> Money {
        Money {
            cents,
            currency: None,
        }
    }

    #[test]
    fn plain_amounts_with_either_mark() {
        assert_eq!(money("200", Comma), bare(20_000));
        assert_eq!(money("200", Point), bare(20_000));
        assert_eq!(money("-62,3", Comma), bare(-6_230));
        assert_eq!(money("-13,98", Comma), bare(-1_398));
        assert_eq!(money("48.75", Point), bare(4_875));
        assert_eq!(money("-330000", Point), bare(-33_000_000));
        assert_eq!(money("0", Point), bare(0));
        assert_eq!(money("-0,00", Comma), bare(0));
        assert_eq!(money(".5", Point), bare(50));
        assert_eq!(money("12.", Point), bare(1_200));
        assert_eq!(money("+12.50", Point), bare(1_250));
        assert_eq!(money("  7,05 ", Comma), bare(705));
    }

    #[test]
    fn thousands_grouped_in_every_way() {
        assert_eq!(cents("1,280.8", Point), 128_080);
        assert_eq!(cents("1,280", Point), 128_000);
        assert_eq!(cents("1.280", Comma), 128_000);
        assert_eq!(cents("1.234,56", Comma), 123_456);
        assert_eq!(cents("2.000,0", Comma), 200_000);
        assert_eq!(cents("12,345,678.90", Point), 1_234_567_890);
        assert_eq!(cents("1'234.50", Point), 123_450);
        assert_eq!(cents("1\u{2019}234.50", Point), 123_450);
        assert_eq!(cents("1'234,50", Comma), 123_450);
        assert_eq!(cents("1 234,50", Comma), 123_450);
        assert_eq!(cents("1\u{a0}234,50", Comma), 123_450);
        assert_eq!(cents("1\u{202f}234\u{202f}567,50", Comma), 123_456_750);
        assert_eq!(cents("1 234.50", Point), 123_450);
        assert_eq!(cents("1,23,456.78", Point), 12_345_678);
    }

    #[test]
    fn currencies_before_and_after() {
        assert_eq!(money("4.093,32\u{a0}€", Comma), with(409_332, "EUR"));
        assert_eq!(money("4.093,32\u{202f}€", Comma), with(409_332, "EUR"));
        assert_eq!(money(" NZD 48.75 ", Point), with(4_875, "NZD"));
        assert_eq!(money("$1,234.56", Point), with(123_456, "USD"));
        assert_eq!(money("£3.20", Point), with(320, "GBP"));
        assert_eq!(money("¥1,200", Point), with(120_000, "JPY"));
        assert_eq!(money("CHF 1'234.50", Point), with(123_450, "CHF"));
        assert_eq!(money("12,50 EUR", Comma), with(1_250, "EUR"));
        assert_eq!(money("12,50eur", Comma), with(1_250, "EUR"));
        assert_eq!(money("US$5", Point), with(500, "USD"));
        assert_eq!(money("$.50", Point), with(50, "USD"));
        assert_eq!(money("100 kr", Comma), with(10_000, "kr"));
        assert_eq!(money("100 kr.", Comma), with(10_000, "kr."));
    }

    #[test]
    fn signs_in_every_place_exports_put_them() {
        assert_eq!(money("-$12.50", Point), with(-1_250, "USD"));
        assert_eq!(money("$-12.50", Point), with(-1_250, "USD"));
        assert_eq!(money("€ -12,50", Comma), with(-1_250, "EUR"));
        assert_eq!(money("- € 12,50", Comma), with(-1_250, "EUR"));
        assert_eq!(money("(12.50)", Point), bare(-1_250));
        assert_eq!(money("($1,012.50)", Point), with(-101_250, "USD"));
        assert_eq!(money("12,50-", Comma), bare(-1_250));
        assert_eq!(money("12,50 €-", Comma), with(-1_250, "EUR"));
        assert_eq!(money("\u{2212}3.00", Point), bare(-300));
        assert_eq!(money("12.50 DR", Point), bare(-1_250));
        assert_eq!(money("12.50 CR", Point), bare(1_250));
        assert_eq!(money("12.50cr", Point), bare(1_250));
        assert_eq!(money("$12.50 DR", Point), with(-1_250, "USD"));
    }

    #[test]
    fn an_arabic_currency_behind_a_right_to_left_mark() {
        // YNAB4: د.ا. then U+200F, then three decimals.
        assert_eq!(money("د.ا.\u{200F}4.750", Point), with(475, "JOD"));
        assert_eq!(money("د.ا.\u{200F}93.210", Point), with(9_321, "JOD"));
        assert_eq!(money("د.ا.\u{200F}0.000", Point), with(0, "JOD"));
        assert_eq!(money("\u{2067}12.50\u{2069}", Point), bare(1_250));
        assert_eq!(money("\u{200E}-5\u{061C}", Point), bare(-500));
    }

    #[test]
    fn more_than_two_decimals_round_half_away_from_zero() {
        assert_eq!(cents("0.005", Point), 1);
        assert_eq!(cents("-0.005", Point), -1);
        assert_eq!(cents("0.0049999", Point), 0);
        assert_eq!(cents("-0.0049999", Point), 0);
        assert_eq!(cents("1.2350", Point), 124);
        assert_eq!(cents("1,2349", Comma), 123);
        assert_eq!(cents("-2,675", Comma), -268);
        assert_eq!(cents("9.999", Point), 1_000);
        assert_eq!(cents(&format!("1.{}", "9".repeat(5_000)), Point), 200);
    }

    #[test]
    fn too_large_is_refused_never_overflowed() {
        assert_eq!(cents("100,000,000,000.00", Point), MAX_IMPORT_CENTS);
        assert_eq!(cents("-100.000.000.000,00", Comma), -MAX_IMPORT_CENTS);
        for text in [
            "100000000000.01",
            "-100000000000.01",
            "92233720368547758.07",
            "92233720368547758.08",
            "99999999999999999999999",
        ] {
            assert_eq!(
                parse_money(text, Point),
                Err(MoneyError::TooLarge(text.to_owned())),
                "{text:?}"
            );
        }
        assert!(matches!(
            parse_money(&"9".repeat(10_000), Point),
            Err(MoneyError::TooLarge(_))
        ));
        assert_eq!(cents(&format!("{}1", "0".repeat(10_000)), Point), 100);
        // The limit sits at the rounding too: 99,999,999,999.995 rounds to
        // exactly the limit.
        assert_eq!(cents("99999999999.995", Point), MAX_IMPORT_CENTS);
    }

    #[test]
    fn separators_that_do_not_fit_the_mark() {
        for (text, mark) in [
            ("-62,3", Point),
            ("1,280.8", Comma),
            ("1.234,56", Point),
            ("12 34", Point),
            ("1,2345", Point),
            ("1,,234", Point),
            ("1.2.3", Point),
            ("1'234,567.5", Point),
            ("1'234 567", Point),
            (",123", Point),
        ] {
            assert_eq!(
                parse_money(text, mark),
                Err(MoneyError::Separators(text.to_owned(), mark)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn what_is_not_an_amount() {
        for text in ["", "   ", "\u{a0}", "\u{200F}"] {
            assert_eq!(parse_money(text, Point), Err(MoneyError::Empty), "{text:?}");
        }
        for text in [
            "abc",
            "€",
            "NZD",
            "-",
            "()",
            "1e3",
            "NaN",
            "inf",
            "12 dollars 50",
            "$12$",
            "€ 12 €",
            "--12",
            "-12-",
            "(12.50)-",
            "12.50 DR CR",
            "١٢",
            ".",
            "[00]:00",
        ] {
            assert!(
                matches!(parse_money(text, Point), Err(MoneyError::Invalid(_))),
                "{text:?} gave {:?}",
                parse_money(text, Point)
            );
        }
    }

    #[test]
    fn messages_are_sentences_that_quote_the_text() {
        assert_eq!(MoneyError::Empty.to_string(), "The amount is empty.");
        assert_eq!(
            parse_money("-62,3", Point).unwrap_err().to_string(),
            "\"-62,3\" has separators that do not fit the column, which writes a point before \
             the cents, like 1,234.56."
        );
        assert_eq!(
            parse_money("1,280.8", Comma).unwrap_err().to_string(),
            "\"1,280.8\" has separators that do not fit the column, which writes a comma before \
             the cents, like 1.234,56."
        );
        let message = parse_money("lots", Point).unwrap_err().to_string();
        assert!(
            message.starts_with("\"lots\" is not an amount"),
            "{message}"
        );
        let message = parse_money("1e99", Point).unwrap_err().to_string();
        assert!(message.ends_with('.'), "{message}");
    }

    #[test]
    fn the_decimal_mark_of_a_column() {
        assert_eq!(settle_decimal_mark(["1.234,56"]), Comma);
        assert_eq!(settle_decimal_mark(["-13,98", "-200,00"]), Comma);
        assert_eq!(settle_decimal_mark(["200", "-62,3", "150"]), Comma);
        assert_eq!(settle_decimal_mark(["4.093,32\u{a0}€"]), Comma);
        assert_eq!(settle_decimal_mark(["1,280.8"]), Point);
        assert_eq!(settle_decimal_mark(["1,280.8", "-55"]), Point);
        assert_eq!(settle_decimal_mark(["48.75"]), Point);
        assert_eq!(settle_decimal_mark(["-330000", "1787.76"]), Point);
        assert_eq!(settle_decimal_mark([" NZD 48.75 "]), Point);
        // Ambiguous alone; another value decides.
        assert_eq!(settle_decimal_mark(["1,280"]), Point);
        assert_eq!(settle_decimal_mark(["1.280"]), Point);
        assert_eq!(settle_decimal_mark(["1,280", "-25", "-180"]), Point);
        assert_eq!(settle_decimal_mark(["1.280", "-6,95"]), Comma);
        assert_eq!(settle_decimal_mark(["1,280", "12.5"]), Point);
        // A character used twice groups thousands.
        assert_eq!(settle_decimal_mark(["1.234.567"]), Comma);
        assert_eq!(settle_decimal_mark(["1,234,567"]), Point);
        // A leading zero or four digits before it cannot be a group.
        assert_eq!(settle_decimal_mark(["0,500"]), Comma);
        assert_eq!(settle_decimal_mark(["1234,567"]), Comma);
        // YNAB4's three decimals stay Point.
        assert_eq!(
            settle_decimal_mark(["د.ا.\u{200F}4.750", "د.ا.\u{200F}0.000"]),
            Point
        );
        assert_eq!(settle_decimal_mark(Vec::<&str>::new()), Point);
        assert_eq!(settle_decimal_mark(["", "junk"]), Point);
        // More votes win.
        assert_eq!(settle_decimal_mark(["1,5", "2,5", "3.25"]), Comma);
    }

    #[test]
    fn currency_codes() {
        for (symbol, code) in [
            ("$", "USD"),
            ("US$", "USD"),
            ("€", "EUR"),
            ("EUR", "EUR"),
            ("eur", "EUR"),
            ("Euro - EUR", "EUR"),
            ("US Dollar - USD", "USD"),
            ("Euro", "EUR"),
            ("£", "GBP"),
            ("¥", "JPY"),
            ("د.ا.", "JOD"),
            ("د.ا.\u{200F}", "JOD"),
            ("CHF", "CHF"),
            ("NZD", "NZD"),
            (" nzd ", "NZD"),
            ("R$", "BRL"),
            ("zł", "PLN"),
            ("Kč", "CZK"),
            ("₹", "INR"),
            ("A$", "AUD"),
        ] {
            assert_eq!(currency_code(symbol), Some(code.to_owned()), "{symbol:?}");
        }
        for symbol in ["kr", "kr.", "Rs", "R", "", "XYZ", "dollarz", "Euro - XYZ"] {
            assert_eq!(currency_code(symbol), None, "{symbol:?}");
        }
    }

    /// `units` with `separator` between groups of three.
    fn grouped(units: u64, separator: Option<char>) -> String {
        let digits = units.to_string();
        let Some(separator) = separator else {
            return digits;
        };
        let mut text = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                text.push(separator);
            }
            text.push(digit);
        }
        text
    }

    fn any_mark() -> impl Strategy<Value = DecimalMark> {
        prop_oneof![Just(Point), Just(Comma)]
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_cents_written_any_way_read_back(
            cents in prop_oneof![
                Just(0i64),
                Just(MAX_IMPORT_CENTS),
                Just(-MAX_IMPORT_CENTS),
                -MAX_IMPORT_CENTS..=MAX_IMPORT_CENTS,
                -100_000i64..=100_000,
            ],
            mark in any_mark(),
            grouping in 0usize..5,
            symbol in 0usize..6,
            sign_style in 0usize..5,
            decimals in 0usize..3,
        ) {
            let separator = [None, Some(mark.other()), Some('\''), Some(' '), Some('\u{202f}')]
                .get(grouping).copied().flatten();
            let magnitude = cents.unsigned_abs();
            let units = grouped(magnitude / 100, separator);
            let fraction = magnitude % 100;
            let number = match decimals {
                // Whole units are often written without cents.
                0 if fraction == 0 => units,
                0 | 1 => format!("{units}{}{fraction:02}", mark.char()),
                _ => format!("{units}{}{fraction:02}0", mark.char()),
            };
            let (before, after, code) = [
                ("", "", None),
                ("$", "", Some("USD")),
                ("", "\u{a0}€", Some("EUR")),
                (" NZD ", " ", Some("NZD")),
                ("د.ا.\u{200F}", "", Some("JOD")),
                ("CHF ", "", Some("CHF")),
            ][symbol];
            let text = match (cents < 0, sign_style) {
                (false, _) => format!("{before}{number}{after}"),
                (true, 0) => format!("-{before}{number}{after}"),
                (true, 1) => format!("{before}-{number}{after}"),
                (true, 2) => format!("({before}{number}{after})"),
                (true, 3) => format!("{before}{number}{after}-"),
                (true, _) => format!("{before}{number}{after} DR"),
            };
            let read = parse_money(&text, mark);
            prop_assert_eq!(
                read,
                Ok(Money { cents, currency: code.map(str::to_owned) }),
                "{:?}", text
            );
            if fraction != 0 && decimals == 1 {
                // Two decimals always say which mark the column uses.
                prop_assert_eq!(settle_decimal_mark([text.as_str()]), mark, "{:?}", text);
            }
        }

        #[test]
        fn never_panics_and_stays_within_the_limit(
            text in prop_oneof![
                "(?s).{0,16}",
                "[0-9.,' \u{a0}$€()\\-+CRD]{0,14}",
                "[0-9]{1,40}[.,][0-9]{0,40}",
            ],
            mark in any_mark(),
        ) {
            if let Ok(money) = parse_money(&text, mark) {
                prop_assert!(money.cents.abs() <= MAX_IMPORT_CENTS, "{:?}", text);
            }
            let _ = settle_decimal_mark([text.as_str()]);
        }
    }
}
