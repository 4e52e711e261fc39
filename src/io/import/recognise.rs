//! Which export a file is, from its header, and which of its columns say
//! what: the date, the duration or the amount, what names the category or
//! the budget line, the note. Known exports are named by their header; any
//! other file gets its columns guessed from their names (or, without a
//! header, from what they hold), and the person can change every choice.

use super::durations::DurationUnit;
use super::table::clean;

/// The ledger an import adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ledger {
    Hours,
    Expenses,
}

/// Which way a single amount column writes money spent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Spending {
    /// Banks and budget apps: money out is negative, income positive.
    #[default]
    Negative,
    /// Lists of expenses, Yearplan's own among them: every amount is spent.
    Positive,
}

/// Which column holds what, as indices into a row. Each ledger reads the
/// ones it needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Columns {
    pub date: Option<usize>,
    /// A start time, or a start date and time.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub duration: Option<usize>,
    /// How the duration column writes its values; `None` is guessed from them.
    pub unit: Option<DurationUnit>,
    /// A signed amount.
    pub amount: Option<usize>,
    /// Money out and money in, in columns of their own.
    pub outflow: Option<usize>,
    pub inflow: Option<usize>,
    pub currency: Option<usize>,
    pub spending: Spending,
    /// What says the category or budget line: a project, a category, a payee.
    pub bucket: Option<usize>,
    /// What makes the note, joined in this order.
    pub notes: Vec<usize>,
    /// hledger writes every posting; only accounts under this one are spending.
    pub account: Option<(usize, &'static str)>,
}

/// A tool's export, known by the columns of its header.
pub struct Export {
    /// As the preview says it: "Toggl Track detailed export".
    pub name: &'static str,
    pub ledger: Ledger,
    /// Header names (any case) all of which it has.
    signature: &'static [&'static str],
    /// How its duration column writes values, when the header does not say.
    unit: Option<DurationUnit>,
    spending: Spending,
    /// Its own choice of the column that names the bucket.
    bucket: Option<&'static str>,
    /// hledger: only postings to accounts under this one are spending.
    account: Option<&'static str>,
    /// Yearplan's own: a bucket column may hold a bucket's id.
    pub buckets_by_id: bool,
}

const fn export(name: &'static str, ledger: Ledger, signature: &'static [&'static str]) -> Export {
    Export {
        name,
        ledger,
        signature,
        unit: None,
        spending: Spending::Negative,
        bucket: None,
        account: None,
        buckets_by_id: false,
    }
}

/// The exports Yearplan knows by name, most specific first.
pub static EXPORTS: &[Export] = &[
    export(
        "Toggl Track detailed export",
        Ledger::Hours,
        &[
            "user",
            "email",
            "project",
            "description",
            "start date",
            "start time",
            "duration",
        ],
    ),
    export(
        "Clockify detailed report",
        Ledger::Hours,
        &[
            "project",
            "description",
            "start date",
            "start time",
            "duration (h)",
        ],
    ),
    // Clockify writes its headers in the language of the account.
    export(
        "Clockify detailed report",
        Ledger::Hours,
        &[
            "projekt",
            "beschreibung",
            "startdatum",
            "startzeit",
            "dauer (h)",
        ],
    ),
    export(
        "Harvest time report",
        Ledger::Hours,
        &["date", "client", "project", "task", "notes", "hours"],
    ),
    Export {
        unit: Some(DurationUnit::Seconds),
        ..export(
            "Kimai export",
            Ledger::Hours,
            &["date", "from", "to", "duration", "activity", "project"],
        )
    },
    export(
        "Watson log",
        Ledger::Hours,
        &["id", "start", "stop", "project", "tags"],
    ),
    Export {
        unit: Some(DurationUnit::Hours),
        ..export(
            "TimeChimp export",
            Ledger::Hours,
            &["date", "customer", "project", "task", "time"],
        )
    },
    export(
        "yast export",
        Ledger::Hours,
        &["project", "date", "start", "end", "duration h:m"],
    ),
    Export {
        unit: Some(DurationUnit::Hours),
        buckets_by_id: true,
        ..export(
            "Yearplan time log",
            Ledger::Hours,
            &["date", "category", "hours", "note"],
        )
    },
    export(
        "YNAB register export",
        Ledger::Expenses,
        &["account", "date", "payee", "memo", "outflow", "inflow"],
    ),
    export(
        "Actual Budget export",
        Ledger::Expenses,
        &["date", "payee", "notes", "category", "amount"],
    ),
    export(
        "Monefy export",
        Ledger::Expenses,
        &[
            "date",
            "account",
            "category",
            "amount",
            "currency",
            "converted amount",
        ],
    ),
    Export {
        spending: Spending::Positive,
        bucket: Some("account"),
        account: Some("expenses"),
        ..export(
            "hledger CSV",
            Ledger::Expenses,
            &["txnidx", "date", "description", "account", "amount"],
        )
    },
    export(
        "ING account statement",
        Ledger::Expenses,
        &[
            "buchung",
            "auftraggeber/empfänger",
            "verwendungszweck",
            "betrag",
        ],
    ),
    export(
        "DKB account statement",
        Ledger::Expenses,
        &[
            "buchungsdatum",
            "zahlungsempfänger*in",
            "verwendungszweck",
            "betrag (€)",
        ],
    ),
    export(
        "Sparkasse account statement",
        Ledger::Expenses,
        &[
            "buchungstag",
            "verwendungszweck",
            "beguenstigter/zahlungspflichtiger",
            "betrag",
        ],
    ),
    Export {
        spending: Spending::Positive,
        bucket: Some("line"),
        buckets_by_id: true,
        ..export(
            "Yearplan expenses",
            Ledger::Expenses,
            &["date", "line", "amount", "note"],
        )
    },
];

/// The known export whose header this is, if any.
pub fn known_export(header: &[String]) -> Option<&'static Export> {
    let names: Vec<String> = header.iter().map(|name| folded(name)).collect();
    EXPORTS.iter().find(|export| {
        export
            .signature
            .iter()
            .all(|wanted| names.iter().any(|name| name == wanted))
    })
}

/// The ledger a file belongs to when nobody said: its export's, else hours
/// when it has a duration or start and end, else expenses when it has an
/// amount.
pub fn ledger_of(header: &[String]) -> Option<Ledger> {
    if let Some(export) = known_export(header) {
        return Some(export.ledger);
    }
    let hours = columns_from_header(header, Ledger::Hours, None);
    if hours.duration.is_some() || (hours.start.is_some() && hours.end.is_some()) {
        return Some(Ledger::Hours);
    }
    let expenses = columns_from_header(header, Ledger::Expenses, None);
    if expenses.amount.is_some() || expenses.outflow.is_some() {
        return Some(Ledger::Expenses);
    }
    None
}

/// What a header's name is compared as: trimmed, in lower case.
pub fn folded(name: &str) -> String {
    clean(name).to_lowercase()
}

// Column names by role, best first. A column is given one role at most.
const DATE: &[&str] = &[
    "date",
    "start date",
    "startdate",
    "start_date",
    "spent_date",
    "day",
    "datum",
    "buchung",
    "buchungsdatum",
    "buchungstag",
    "startdatum",
    // Revolut: when the payment was made, before when it was settled.
    "started date",
    "completed date",
    "booking date",
    "transaction date",
    "posting date",
    "posted date",
];
const START: &[&str] = &[
    "start time",
    "start",
    "from",
    "begin",
    "starttime",
    "start_time",
    "startzeit",
    "von",
];
const END: &[&str] = &[
    "end time", "end", "stop", "to", "endtime", "end_time", "endzeit", "bis",
];
const DURATION: &[&str] = &[
    "duration (h)",
    "duration m",
    "duration",
    "hours",
    "time",
    "duration h:m",
    "duration (decimal)",
    "dauer (h)",
    "dauer (dezimal)",
    "dauer",
    "stunden",
];
const TIME_BUCKET: &[&str] = &[
    "project",
    "category",
    "activity",
    "task",
    "client",
    "customer",
    "tags",
    "projekt",
    "kategorie",
];
// A task or an activity under the project says what the time went on.
const TIME_NOTES: &[&str] = &[
    "task",
    "activity",
    "aufgabe",
    "tätigkeit",
    "description",
    "notes",
    "note",
    "comment",
    "memo",
    "annotation",
    "beschreibung",
];
const AMOUNT: &[&str] = &[
    "amount",
    "betrag",
    "betrag (€)",
    "betrag (eur)",
    "amount (eur)",
    "umsatz",
    "value",
];
const OUTFLOW: &[&str] = &[
    "outflow",
    "debit",
    "soll",
    "withdrawal",
    "withdrawals",
    "money out",
    "paid out",
];
const INFLOW: &[&str] = &[
    "inflow", "credit", "haben", "deposit", "deposits", "money in", "paid in",
];
const CURRENCY: &[&str] = &["currency", "währung", "waehrung", "commodity"];
const PAYEE: &[&str] = &[
    "payee",
    "zahlungsempfänger*in",
    "auftraggeber/empfänger",
    "beguenstigter/zahlungspflichtiger",
    "empfänger",
    "name",
    "merchant",
];
const MONEY_BUCKET: &[&str] = &[
    "category",
    "sub category",
    "category group/category",
    "kategorie",
];
const MONEY_NOTES: &[&str] = &[
    "notes",
    "note",
    "memo",
    "verwendungszweck",
    "description",
    "buchungstext",
    "comment",
    "details",
];

/// The columns a header names, for `ledger`; `export` adds what its tool
/// does its own way. Columns the header does not name are left unchosen.
pub fn columns_from_header(header: &[String], ledger: Ledger, export: Option<&Export>) -> Columns {
    let names: Vec<String> = header.iter().map(|name| folded(name)).collect();
    let mut taken = vec![false; names.len()];
    let pick = |wanted: &[&str], taken: &mut Vec<bool>| -> Option<usize> {
        for word in wanted {
            let found = names
                .iter()
                .enumerate()
                .find(|(index, name)| name == word && !taken.get(*index).copied().unwrap_or(true));
            if let Some((index, _)) = found {
                if let Some(slot) = taken.get_mut(index) {
                    *slot = true;
                }
                return Some(index);
            }
        }
        None
    };
    let mut columns = Columns {
        date: pick(DATE, &mut taken),
        ..Columns::default()
    };
    match ledger {
        Ledger::Hours => {
            columns.duration = pick(DURATION, &mut taken);
            // Other duration columns (a decimal copy) are not start or end times.
            while pick(DURATION, &mut taken).is_some() {}
            columns.start = pick(START, &mut taken);
            columns.end = pick(END, &mut taken);
            let bucket_words: Vec<&str> = export.and_then(|e| e.bucket).into_iter().collect();
            columns.bucket =
                pick(&bucket_words, &mut taken).or_else(|| pick(TIME_BUCKET, &mut taken));
            columns.notes = all(TIME_NOTES, &names, &mut taken);
            columns.unit = export.and_then(|e| e.unit);
        }
        Ledger::Expenses => {
            columns.amount = pick(AMOUNT, &mut taken).or_else(|| {
                let betrag = names
                    .iter()
                    .position(|name| name.starts_with("betrag") || name.starts_with("amount"))?;
                if let Some(slot) = taken.get_mut(betrag) {
                    *slot = true;
                }
                Some(betrag)
            });
            columns.outflow = pick(OUTFLOW, &mut taken);
            columns.inflow = pick(INFLOW, &mut taken);
            columns.currency = pick(CURRENCY, &mut taken);
            let bucket_words: Vec<&str> = export.and_then(|e| e.bucket).into_iter().collect();
            let bucket = pick(&bucket_words, &mut taken).or_else(|| pick(MONEY_BUCKET, &mut taken));
            let payee = pick(PAYEE, &mut taken);
            columns.bucket = bucket.or(payee);
            columns.notes = payee
                .filter(|_| bucket.is_some())
                .into_iter()
                .chain(all(MONEY_NOTES, &names, &mut taken))
                .collect();
            if let Some(export) = export {
                columns.spending = export.spending;
                if let (Some(account), Some(under)) = (columns.bucket, export.account) {
                    columns.account = Some((account, under));
                }
            }
        }
    }
    columns
}

/// Every column named by one of `wanted`, in the order of the header.
fn all(wanted: &[&str], names: &[String], taken: &mut [bool]) -> Vec<usize> {
    let mut found = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let free = !taken.get(index).copied().unwrap_or(true);
        if free && wanted.contains(&name.as_str()) {
            if let Some(slot) = taken.get_mut(index) {
                *slot = true;
            }
            found.push(index);
        }
    }
    found
}

/// The columns of a file without a header, from what the first rows hold:
/// the first column of dates is the date; for hours the first column of
/// durations; for money the first column of amounts, or two that are never
/// both filled (money out and money in, the one with minus signs first);
/// the text column with the most words says the bucket.
pub fn columns_from_content(rows: &[Vec<String>], ledger: Ledger) -> Columns {
    use super::amounts::{DecimalMark, parse_money};
    use super::dates::{DateOrder, parse_date_time};
    use super::durations::parse_duration;

    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cells = |column: usize| {
        rows.iter()
            .filter_map(move |row| row.get(column))
            .map(|c| clean(c))
    };
    let mostly = |column: usize, test: &dyn Fn(&str) -> bool| {
        let filled: Vec<&str> = cells(column).filter(|cell| !cell.is_empty()).collect();
        !filled.is_empty()
            && filled.iter().filter(|cell| test(cell)).count() * 5 >= filled.len() * 4
    };
    let is_date = |cell: &str| {
        parse_date_time(cell, Some(DateOrder::DayMonth)).is_ok()
            || parse_date_time(cell, Some(DateOrder::MonthDay)).is_ok()
    };
    let is_number = |cell: &str| {
        parse_money(cell, DecimalMark::Comma).is_ok()
            || parse_money(cell, DecimalMark::Point).is_ok()
    };
    let mut columns = Columns::default();
    let date = (0..width).find(|&column| mostly(column, &is_date));
    columns.date = date;
    let free = |column: &usize| Some(*column) != date;
    match ledger {
        Ledger::Hours => {
            columns.duration = (0..width).filter(free).find(|&column| {
                mostly(column, &|cell| {
                    parse_duration(cell, DurationUnit::Hours).is_ok()
                })
            });
        }
        Ledger::Expenses => {
            let numeric: Vec<usize> = (0..width)
                .filter(free)
                .filter(|&column| mostly(column, &is_number))
                .collect();
            let never_both = |a: usize, b: usize| {
                rows.iter().all(|row| {
                    let filled = |c: usize| row.get(c).is_some_and(|cell| !clean(cell).is_empty());
                    !(filled(a) && filled(b))
                })
            };
            let pair = numeric
                .windows(2)
                .find(|pair| matches!(pair, [a, b] if never_both(*a, *b)));
            match pair {
                Some([a, b]) => {
                    let negative = |column: usize| cells(column).any(|cell| cell.starts_with('-'));
                    let (out, into) = if negative(*b) && !negative(*a) {
                        (*b, *a)
                    } else {
                        (*a, *b)
                    };
                    columns.outflow = Some(out);
                    columns.inflow = Some(into);
                }
                _ => columns.amount = numeric.first().copied(),
            }
        }
    }
    let used = [
        columns.date,
        columns.duration,
        columns.amount,
        columns.outflow,
        columns.inflow,
    ];
    let words = |column: usize| {
        cells(column)
            .filter(|cell| !super::table::looks_like_data(cell))
            .map(|cell| cell.split_whitespace().count())
            .sum::<usize>()
    };
    columns.bucket = (0..width)
        .filter(|column| !used.contains(&Some(*column)))
        .filter(|&column| words(column) > 0)
        .max_by_key(|&column| (words(column), std::cmp::Reverse(column)));
    columns
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn header(names: &str, delimiter: char) -> Vec<String> {
        names
            .split(delimiter)
            .map(|name| name.trim_matches('"').to_owned())
            .collect()
    }

    #[test]
    fn known_exports_are_named_by_their_header() {
        let cases = [
            (
                "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags",
                ',',
                "Toggl Track detailed export",
            ),
            (
                "\"Project\",\"Client\",\"Description\",\"Task\",\"User\",\"Start Date\",\"Start Time\",\"End Date\",\"End Time\",\"Duration (h)\",\"Duration (decimal)\"",
                ',',
                "Clockify detailed report",
            ),
            (
                "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?",
                ',',
                "Harvest time report",
            ),
            (
                "Date,From,To,Duration,Rate,User,Customer,Project,Activity,Description",
                ',',
                "Kimai export",
            ),
            ("id,start,stop,project,tags", ',', "Watson log"),
            (
                "Week\tDate\tCustomer\tProject\tTask\tUser\tTime",
                '\t',
                "TimeChimp export",
            ),
            (
                "Project,Type,Date,Start,End,Duration H:M,Duration M,Comment,",
                ',',
                "yast export",
            ),
            ("date,category,hours,note", ',', "Yearplan time log"),
            (
                "Account,Flag,Date,Payee,Category,Memo,Outflow,Inflow,Cleared",
                ',',
                "YNAB register export",
            ),
            (
                "Date,Payee,Notes,Category,Amount",
                ',',
                "Actual Budget export",
            ),
            (
                "date,account,category,amount,currency,converted amount,currency,description",
                ',',
                "Monefy export",
            ),
            (
                "Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung",
                ';',
                "ING account statement",
            ),
            (
                "Buchungsdatum;Wertstellung;Status;Zahlungspflichtige*r;Zahlungsempfänger*in;Verwendungszweck;Betrag (€)",
                ';',
                "DKB account statement",
            ),
            ("date,line,amount,note", ',', "Yearplan expenses"),
        ];
        for (names, delimiter, name) in cases {
            let export = known_export(&header(names, delimiter));
            assert_eq!(export.map(|e| e.name), Some(name), "{names}");
        }
        assert!(known_export(&header("Datum,Wat,Hoeveel", ',')).is_none());
    }

    #[test]
    fn toggl_columns() {
        let names = header(
            "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags",
            ',',
        );
        let export = known_export(&names);
        let columns = columns_from_header(&names, Ledger::Hours, export);
        assert_eq!(columns.date, Some(7));
        assert_eq!(columns.duration, Some(11));
        assert_eq!(columns.start, Some(8));
        assert_eq!(columns.end, Some(10));
        assert_eq!(columns.bucket, Some(3));
        // The task, then the description.
        assert_eq!(columns.notes, [4, 5]);
    }

    #[test]
    fn clockify_prefers_its_clock_duration_over_the_decimal_copy() {
        let names = header(
            "Project,Description,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)",
            ',',
        );
        let columns = columns_from_header(&names, Ledger::Hours, known_export(&names));
        assert_eq!(columns.duration, Some(6));
        assert_eq!(columns.start, Some(3));
        assert_eq!(columns.end, Some(5));
    }

    #[test]
    fn a_bank_uses_the_payee_when_it_has_no_category() {
        let names = header(
            "Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung",
            ';',
        );
        let columns = columns_from_header(&names, Ledger::Expenses, known_export(&names));
        assert_eq!(columns.date, Some(0));
        assert_eq!(columns.amount, Some(5));
        assert_eq!(columns.currency, Some(6));
        assert_eq!(columns.bucket, Some(2));
        assert_eq!(columns.notes, [3, 4]);
    }

    #[test]
    fn ynab_has_outflow_and_inflow_and_a_category_before_the_payee() {
        let names = header(
            "Account,Flag,Check Number,Date,Payee,Category,Master Category,Sub Category,Memo,Outflow,Inflow,Cleared,Running Balance",
            ',',
        );
        let columns = columns_from_header(&names, Ledger::Expenses, known_export(&names));
        assert_eq!((columns.outflow, columns.inflow), (Some(9), Some(10)));
        assert_eq!(columns.bucket, Some(5));
        assert_eq!(columns.notes, [4, 8]);
        assert_eq!(ledger_of(&names), Some(Ledger::Expenses));
        assert_eq!(
            ledger_of(&header("Tag,Dauer,Projekt", ',')),
            Some(Ledger::Hours)
        );
    }
}
