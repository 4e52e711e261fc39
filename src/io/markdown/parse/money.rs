//! Amounts as plans write them: `$500`, `$100/month`, `€50/month`,
//! `CHF 80 monthly`, `$500 (one-time)`.

use crate::model::amount::{AmountError, parse_amount_cents};

use super::period_word;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MoneyPer {
    Month,
    Once,
    Year,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MoneyFigure {
    pub(crate) cents: i64,
    pub(crate) symbol: String,
    pub(crate) per: MoneyPer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MoneyParse {
    NotMoney,
    Money(MoneyFigure),
    Bad(String),
}

/// Amounts as plans write them: `$500`, `$100/month`, `$1,200 per month`,
/// `€50/month`, `50 €/month`, `CHF 80 monthly`, `$500 (one-time)`.
/// Outside a budget section an amount needs a symbol or a period, so that
/// "Team size: 5" is not read as money.
pub(crate) fn parse_money(value: &str, in_budget: bool) -> MoneyParse {
    let value = value.trim();
    let Some(first_digit) = value.find(|c: char| c.is_ascii_digit()) else {
        return MoneyParse::NotMoney;
    };
    let mut before = value[..first_digit].trim();
    let negative = before.starts_with(['-', '−']) || before.ends_with(['-', '−']);
    before = before.trim_matches(['-', '−']).trim();
    if !before.is_empty() && !is_currency_symbol(before) {
        return MoneyParse::NotMoney;
    }
    let from_number = &value[first_digit..];
    let number_len = from_number
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(from_number.len());
    let amount = from_number[..number_len].trim_end_matches(['.', ',']);
    let mut rest = from_number[number_len..].trim_start();
    let mut symbol = before.to_owned();
    if symbol.is_empty() {
        let token_len = rest
            .find(|c: char| c.is_whitespace() || c == '/' || c == '(')
            .unwrap_or(rest.len());
        if is_currency_symbol(&rest[..token_len]) {
            symbol = rest[..token_len].to_owned();
            rest = rest[token_len..].trim_start();
        }
    }
    let lower = rest.to_ascii_lowercase();
    let per = match lower.trim().trim_matches(['(', ')']).trim() {
        "one-time" | "one time" | "onetime" | "once" | "total" | "in total" | "one-off" | "cap"
        | "max" => Some(MoneyPer::Once),
        _ => match period_word(&lower) {
            Some("") => None,
            Some("month") => Some(MoneyPer::Month),
            Some("year") => Some(MoneyPer::Year),
            Some(other) => {
                if symbol.is_empty() && !in_budget {
                    return MoneyParse::NotMoney;
                }
                return MoneyParse::Bad(format!(
                    "an amount per {other}: budget lines are per month ($100/month) or one-time \
                     ($500)"
                ));
            }
            None => return MoneyParse::NotMoney,
        },
    };
    if symbol.is_empty() && per.is_none() && !in_budget {
        return MoneyParse::NotMoney;
    }
    if negative {
        return MoneyParse::Bad("a budget cannot be negative".to_owned());
    }
    let cents = match parse_amount_cents(amount, "") {
        Ok(cents) => cents,
        Err(AmountError::Zero) => 0,
        Err(error) => return MoneyParse::Bad(format!("the amount {amount}: {error}")),
    };
    MoneyParse::Money(MoneyFigure {
        cents,
        symbol,
        per: per.unwrap_or(MoneyPer::Once),
    })
}

/// Whether `text` is a currency symbol written next to an amount: one with
/// a currency sign (`$`, `US$`, `€`), a three-letter code (`EUR`), or one of
/// the common symbols written in letters (`kr`, `zł`). Anything else next to
/// a number ("v2", "#5", "Q3") is not money.
fn is_currency_symbol(text: &str) -> bool {
    const SIGNS: &str = "$€£¥₹₽₩₪₫₱₦₺₴₸₡₲₵₭₮₼₾¢฿៛₿";
    const IN_LETTERS: [&str; 14] = [
        "kr", "kr.", "Kr", "Fr", "Fr.", "zł", "Rs", "Rs.", "Ft", "Kč", "lei", "RM", "Rp", "CHF",
    ];
    let count = text.chars().count();
    if count == 0 || count > 5 {
        return false;
    }
    if text.chars().any(|c| SIGNS.contains(c)) {
        return text
            .chars()
            .all(|c| SIGNS.contains(c) || c.is_alphabetic() || c == '.');
    }
    (count == 3 && text.bytes().all(|byte| byte.is_ascii_uppercase())) || IN_LETTERS.contains(&text)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn money(text: &str) -> MoneyParse {
        parse_money(text, false)
    }

    fn figure(cents: i64, symbol: &str, per: MoneyPer) -> MoneyParse {
        MoneyParse::Money(MoneyFigure {
            cents,
            symbol: symbol.to_owned(),
            per,
        })
    }

    #[test]
    fn amounts_in_the_ways_people_write_them() {
        assert_eq!(money("$500"), figure(50_000, "$", MoneyPer::Once));
        assert_eq!(money("$100/month"), figure(10_000, "$", MoneyPer::Month));
        assert_eq!(
            money("$1,200 per month"),
            figure(120_000, "$", MoneyPer::Month)
        );
        assert_eq!(money("€50/month"), figure(5_000, "€", MoneyPer::Month));
        assert_eq!(money("50 €/month"), figure(5_000, "€", MoneyPer::Month));
        assert_eq!(
            money("CHF 80 monthly"),
            figure(8_000, "CHF", MoneyPer::Month)
        );
        assert_eq!(money("v2"), MoneyParse::NotMoney);
        assert_eq!(money("#5"), MoneyParse::NotMoney);
        assert_eq!(money("Q3 2026"), MoneyParse::NotMoney);
        assert_eq!(
            money("CHF80 monthly"),
            figure(8_000, "CHF", MoneyPer::Month)
        );
        assert_eq!(
            money("80 EUR a month"),
            figure(8_000, "EUR", MoneyPer::Month)
        );
        assert_eq!(
            money("$500 (one-time)"),
            figure(50_000, "$", MoneyPer::Once)
        );
        assert_eq!(money("$12.50"), figure(1_250, "$", MoneyPer::Once));
        assert_eq!(money("$1,200/year"), figure(120_000, "$", MoneyPer::Year));
        assert_eq!(money("$0"), figure(0, "$", MoneyPer::Once));
        assert!(matches!(money("$50/week"), MoneyParse::Bad(_)));
        assert!(matches!(money("-$50"), MoneyParse::Bad(_)));
        assert!(matches!(money("$1.234"), MoneyParse::Bad(_)));
        assert_eq!(money("5"), MoneyParse::NotMoney);
        assert_eq!(parse_money("500", true), figure(50_000, "", MoneyPer::Once));
        assert_eq!(money("15-20 hours/week"), MoneyParse::NotMoney);
        assert_eq!(money("2026-01-01"), MoneyParse::NotMoney);
        assert_eq!(money("about 5 people"), MoneyParse::NotMoney);
    }
}
