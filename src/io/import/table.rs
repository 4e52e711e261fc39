//! Text as a table: the delimiter sniffed, the header row found after any
//! preamble (banks put their account details first), and the rows read by
//! the `csv` crate with the line each starts on, as a text editor counts.
//!
//! Rows are read as they are used, never all kept: a year of a time tracker
//! can be tens of thousands of rows, and the import holds only what it adds.

use super::lines::{LineCounter, quote_left_open, raw_row, shortened, to_usize};

/// How many rows are looked at to find the delimiter and the header. Bank
/// preambles run to 15 lines; a header further down than this is not one.
const ROWS_TO_SNIFF: usize = 40;

/// The delimiters exports use, in the order a tie is settled: a tab or a
/// `;` in every row says more than a `,`, which decimal commas also make.
const DELIMITERS: [u8; 3] = [b'\t', b';', b','];

/// A file's text as a table.
#[derive(Debug)]
pub struct Table<'t> {
    text: &'t str,
    pub delimiter: u8,
    /// The header's names as written (trimmed), when the file has one.
    pub header: Option<Vec<String>>,
    /// Records before the first data row (preamble and header), skipped when reading.
    skip_records: usize,
    /// Lines of account details and the like before the header.
    pub preamble_lines: usize,
    /// How many fields most rows have.
    pub width: usize,
}

/// One row of the table: where it starts and its fields.
#[derive(Debug)]
pub struct TableRow<'r> {
    pub line: usize,
    pub record: &'r csv::StringRecord,
    /// The row as written, shortened when long, for reports.
    pub text: String,
}

/// A row the `csv` crate could not read, or one swallowed by an open quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenRow {
    pub line: usize,
    pub text: String,
    pub reason: String,
}

impl<'t> Table<'t> {
    /// Finds the delimiter and the header of `text`.
    pub fn new(text: &'t str) -> Table<'t> {
        let delimiter = sniff_delimiter(text);
        let mut reader = Rows::new(text, delimiter);
        // Each row with the number of records read before it and its line.
        let mut first: Vec<(usize, usize, Vec<String>)> = Vec::new();
        while first.len() < ROWS_TO_SNIFF {
            let (line, fields): (usize, Vec<String>) = match reader.next_row() {
                None => break,
                Some(Ok(row)) => (
                    row.line,
                    row.record.iter().map(|f| clean(f).to_owned()).collect(),
                ),
                Some(Err(_)) => continue,
            };
            // The records before this one, blank ones included.
            let before = reader.records_read.saturating_sub(1);
            first.push((before, line, fields));
        }
        let width = modal_width(first.iter().map(|(_, _, fields)| fields.as_slice()));
        let candidate = first
            .iter()
            .find(|(_, _, fields)| fields.len() == width && width >= 2);
        let (skip_records, header, line) = match candidate {
            None => (0, None, 1),
            Some((before, line, fields)) if looks_like_header(fields) => {
                (before + 1, Some(fields.clone()), *line)
            }
            Some((before, line, _)) => (*before, None, *line),
        };
        Table {
            text,
            delimiter,
            header,
            skip_records,
            preamble_lines: line.saturating_sub(1),
            width,
        }
    }

    /// A reader of the data rows, past any preamble and the header.
    pub fn rows(&self) -> Rows<'t> {
        let mut rows = Rows::new(self.text, self.delimiter);
        for _ in 0..self.skip_records {
            match rows.reader.read_record(&mut rows.record) {
                Ok(true) => rows.records_read += 1,
                Ok(false) | Err(_) => break,
            }
        }
        rows
    }
}

/// The data rows, read one at a time into the same buffer.
pub struct Rows<'t> {
    text: &'t str,
    delimiter: u8,
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    lines: LineCounter<'t>,
    /// Records the reader has returned (blank ones included).
    records_read: usize,
    done: bool,
}

impl<'t> Rows<'t> {
    fn new(text: &'t str, delimiter: u8) -> Rows<'t> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        Rows {
            text,
            delimiter,
            reader,
            record: csv::StringRecord::new(),
            lines: LineCounter::new(text),
            records_read: 0,
            done: false,
        }
    }

    /// The next row with anything in it, or why a row could not be read.
    pub fn next_row(&mut self) -> Option<Result<TableRow<'_>, BrokenRow>> {
        loop {
            if self.done {
                return None;
            }
            let before = self.reader.position().byte();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {}
                Err(error) => {
                    self.records_read += 1;
                    let at = error.position().map_or(before, csv::Position::byte);
                    if self.reader.position().byte() <= before {
                        self.done = true;
                    }
                    return Some(Err(BrokenRow {
                        line: self.lines.line_at(to_usize(at)),
                        text: String::new(),
                        reason: format!("This row could not be read: {error}."),
                    }));
                }
            }
            self.records_read += 1;
            if self.record.iter().all(|field| clean(field).is_empty()) {
                continue;
            }
            let start = self.record.position().map_or(before, csv::Position::byte);
            let (start, raw) = raw_row(self.text, start, self.reader.position().byte());
            let line = self.lines.line_at(start);
            let raw = raw.trim_end_matches(['\r', '\n']);
            if quote_left_open(raw, self.delimiter) {
                return Some(Err(BrokenRow {
                    line,
                    text: shortened(raw),
                    reason: "A quote opened in this row is never closed, so the row runs to the \
                             end of the file. Close the quote and import again."
                        .to_owned(),
                }));
            }
            return Some(Ok(TableRow {
                line,
                record: &self.record,
                text: shortened(raw),
            }));
        }
    }
}

/// A field as the pipeline reads it: without the spaces, no-break spaces
/// and byte-order marks exports pad fields with.
pub fn clean(field: &str) -> &str {
    field.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// The delimiter that splits the first rows most consistently into two or
/// more fields: the one whose rows of its most common width cover the most
/// lines, then the wider. Lines, not rows: a note over two lines is one row
/// that covers both, so tabs inside quoted notes cannot outvote the commas
/// around them, and a payee full of commas cannot outvote the `;` of a
/// header that has none.
/// The lines a row read from `text[from..to]` covers: one, and one more
/// for each line end inside it — each `\n`, and each `\r` not followed by
/// one (a line end of its own to the CSV reader) — leaving out the line
/// ends before and after the row. Counting a lone `\r` matters when one
/// sits in a quoted note: read with the wrong delimiter, the note's line
/// splits into two rows, which must not count as more lines than the one
/// row the right delimiter reads. Leaving out the ends matters for a `\r\n`
/// inside a quoted note: the wrong delimiter ends a row at its `\r` and
/// starts the next with its `\n`, which is still one line end, not two.
fn lines_covered(text: &[u8], from: usize, to: usize) -> usize {
    let is_end = |byte: &u8| *byte == b'\n' || *byte == b'\r';
    let Some(raw) = text.get(from..to) else {
        return 1;
    };
    let first = raw
        .iter()
        .position(|byte| !is_end(byte))
        .unwrap_or(raw.len());
    let last = raw
        .iter()
        .rposition(|byte| !is_end(byte))
        .map_or(first, |at| at + 1);
    let inner = (first..last.max(first)).filter(|&at| match raw.get(at) {
        Some(b'\n') => true,
        // The next byte of the whole text, which may lie past this row.
        Some(b'\r') => text.get(from + at + 1) != Some(&b'\n'),
        _ => false,
    });
    1 + inner.count()
}

fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', (0, 0));
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        // Each row's width and the lines it covers.
        let mut rows: Vec<(usize, usize)> = Vec::new();
        let mut record = csv::StringRecord::new();
        while rows.len() < ROWS_TO_SNIFF {
            let before = to_usize(reader.position().byte());
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) | Err(_) => break,
            }
            let after = to_usize(reader.position().byte());
            if record.iter().all(|field| clean(field).is_empty()) {
                continue;
            }
            let lines = lines_covered(text.as_bytes(), before, after);
            rows.push((record.len(), lines));
        }
        let width = modal_width_of(rows.iter().map(|&(width, _)| width));
        if width < 2 {
            continue;
        }
        let lines: usize = rows
            .iter()
            .filter(|&&(w, _)| w == width)
            .map(|&(_, lines)| lines)
            .sum();
        if (lines, width) > best.1 {
            best = (delimiter, (lines, width));
        }
    }
    best.0
}

fn modal_width<'a>(rows: impl Iterator<Item = &'a [String]>) -> usize {
    modal_width_of(rows.map(<[String]>::len))
}

/// The most common width; the wider one when two are as common, since a
/// preamble's rows are the narrow ones.
fn modal_width_of(widths: impl Iterator<Item = usize>) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for width in widths {
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, count)) => *count += 1,
            None => counts.push((width, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(width, count)| (count, width))
        .map_or(0, |(width, _)| width)
}

/// A header names its columns: two or more fields have text, and none is a
/// number or a date (which a data row always has).
fn looks_like_header(fields: &[String]) -> bool {
    let named = fields.iter().filter(|field| !field.is_empty()).count();
    named >= 2 && !fields.iter().any(|field| looks_like_data(field))
}

/// A number, an amount or a date: digits with at most separators, signs,
/// spaces and a currency sign or code around them.
pub fn looks_like_data(field: &str) -> bool {
    let digits = field.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let letters = field.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 3 && digits * 2 >= field.chars().filter(|c| !c.is_whitespace()).count() - letters
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn data_rows(table: &Table) -> Vec<(usize, Vec<String>)> {
        let mut rows = table.rows();
        let mut out = Vec::new();
        while let Some(row) = rows.next_row() {
            if let Ok(row) = row {
                out.push((row.line, row.record.iter().map(str::to_owned).collect()));
            }
        }
        out
    }

    #[test]
    fn a_lone_return_and_tabs_in_quoted_notes_leave_the_comma_the_delimiter() {
        // Yearplan's own export of two expenses whose notes hold "€\t\r\ta":
        // read with tabs, each note's line splits at the lone return into
        // rows of one width, which once outnumbered the comma's rows.
        let text = "date,line,amount,note\n\
                    1900-01-01,\"€\t\r\ta\",0.01,\n\
                    1900-01-01,\"€\t\r\ta\",0.01,\n";
        let table = Table::new(text);
        assert_eq!(table.delimiter, b',');
        assert_eq!(data_rows(&table).len(), 2);
        assert_eq!(lines_covered(b"a\r\nb\rc\n", 0, 7), 3);
        assert_eq!(lines_covered(b"\r\nx\r", 1, 4), 1);
    }

    #[test]
    fn a_bank_preamble_is_skipped_and_the_header_found() {
        let text = "Umsatzanzeige;Datei erstellt am: 01.03.2026 10:00\n\nIBAN;DE00 0000\n\
                    Kontoname;Giro\n\nHinweis: alle Umsätze.\n\n\
                    Buchung;Valuta;Empfänger;Text;Betrag;Währung\n\
                    02.03.2026;02.03.2026;Laden;Lastschrift;-13,98;EUR\n\
                    01.03.2026;01.03.2026;Rente;Gutschrift;2.647,74;EUR\n";
        let table = Table::new(text);
        assert_eq!(table.delimiter, b';');
        assert_eq!(table.preamble_lines, 7);
        assert_eq!(
            table.header.as_deref().unwrap().first().map(String::as_str),
            Some("Buchung")
        );
        let rows = data_rows(&table);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 9);
        assert_eq!(rows[1].1[4], "2.647,74");
    }

    #[test]
    fn a_headerless_file_starts_with_data() {
        let text = "03.11.2025;Lastschrift A;-5,00;;;;'DE67'\r\n\
                    10.11.2025;Gutschrift B;;83,16;;;'DE67'\r\n\r\n";
        let table = Table::new(text);
        assert_eq!(table.delimiter, b';');
        assert!(table.header.is_none());
        let rows = data_rows(&table);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(table.width, 7);
    }

    #[test]
    fn tabs_commas_and_a_note_over_two_lines() {
        let tabbed = "Week\tDate\tProject\tTime\n2019-18\t30/04/2019\tIntern\t1\n";
        assert_eq!(Table::new(tabbed).delimiter, b'\t');
        let text = "Project,Date,Duration M,Comment,\n\
                    A,09.01.2019,98,\"one\nand two\",\n\
                    A,10.01.2019,5.56,,\n";
        let table = Table::new(text);
        assert_eq!(table.delimiter, b',');
        assert_eq!(table.header.as_ref().unwrap().len(), 5);
        let rows = data_rows(&table);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(rows[0].1[3], "one\nand two");
    }

    #[test]
    fn a_quoted_line_end_of_return_and_newline_counts_once_for_every_delimiter() {
        // A tab on both sides of a CRLF in a quoted name: read with a tab,
        // each row splits at the CRLF, which must not count as two lines.
        let text = "date,line,amount,note\n\
                    1900-01-01,\"a\t\r\n\ta\",0.01,\n\
                    1900-01-01,\"a\t\r\n\ta\",0.01,\n";
        let table = Table::new(text);
        assert_eq!(table.delimiter, b',');
        assert_eq!(data_rows(&table).len(), 2);
    }

    #[test]
    fn tabs_inside_quoted_fields_do_not_make_tab_the_delimiter() {
        let table = Table::new("date,category,hours,note\n2026-03-02,\"a\t\nb\",2,\"c\td\"\n");
        assert_eq!(table.delimiter, b',');
        assert_eq!(data_rows(&table).len(), 1);
    }

    #[test]
    fn a_payee_full_of_commas_does_not_make_comma_the_delimiter() {
        let table = Table::new(
            "Date;Payee;Amount\n02.03.2026;Shop, Street 1, Town, DE;-5\n03.03.2026;Cafe, Road 2, City, DE;-3\n",
        );
        assert_eq!(table.delimiter, b';');
    }

    #[test]
    fn decimal_commas_do_not_make_comma_the_delimiter() {
        let text = "Datum;Betrag;Text\n01.02.2026;-1,5;a, b\n02.02.2026;-2,25;c\n";
        assert_eq!(Table::new(text).delimiter, b';');
    }

    #[test]
    fn numbers_and_dates_are_data_and_names_are_not() {
        for data in [
            "2024-03-04",
            "-62,3",
            "\"1,280.8\"",
            "NZD 48.75",
            "10:23 AM",
            "2700",
        ] {
            assert!(looks_like_data(data), "{data}");
        }
        for name in [
            "Betrag (€)",
            "Duration (h)",
            "Amount (EUR)",
            "Start date",
            "Quarter - 1",
        ] {
            assert!(!looks_like_data(name), "{name}");
        }
    }
}
