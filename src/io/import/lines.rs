//! Where a row is in the file and what it looks like there: line numbers as
//! a text editor counts them, the row's own text, and quotes left open.
//! The `csv` crate reads the fields; these say where, for the report.

/// How much of a skipped row is kept to show; a row swallowed by an open
/// quote can be the whole rest of the file.
const MAX_SHOWN_CHARS: usize = 200;

pub(super) fn to_usize(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// Where the row between two byte offsets the reader reported really
/// starts (the reader's start can be before the blank lines it skipped),
/// and its text.
pub(super) fn raw_row(text: &str, start: u64, end: u64) -> (usize, &str) {
    let start = to_usize(start).min(text.len());
    let end = to_usize(end).clamp(start, text.len());
    // Offsets are at record boundaries, after an ASCII byte, so `get`
    // succeeds; should it not, the rest of the text is shown instead.
    let raw = text
        .get(start..end)
        .or_else(|| text.get(start..))
        .unwrap_or_default();
    let row = raw.trim_start_matches(['\r', '\n']);
    (start + (raw.len() - row.len()), row)
}

/// Line numbers of byte offsets, counted as a text editor counts them.
/// The `csv` crate's own line count counts records, so a note spanning
/// three lines would throw every later line number off by two.
pub(super) struct LineCounter<'a> {
    text: &'a str,
    /// `line` is the line of this byte offset.
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// Offsets come in increasing order, so counting resumes where it left
    /// off and a whole import costs one pass over the text.
    pub(super) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let newlines = self
            .text
            .as_bytes()
            .get(self.offset..offset)
            .unwrap_or_default()
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        self.line += newlines;
        self.offset = offset;
        self.line
    }
}

/// A row as the report shows it: its first 200 characters.
pub(super) fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Whether a quote opened in `raw` is still open at its end. A field that
/// starts with a quote runs to the next quote not doubled; quotes elsewhere
/// are plain text. These are the rules the `csv` crate reads by, so a quote
/// still open at the end of a record is one the crate let run to the end of
/// the input.
pub(super) fn quote_left_open(raw: &str, delimiter: u8) -> bool {
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut bytes = raw.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if in_quotes {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        if byte == delimiter {
            at_field_start = true;
            continue;
        }
        if byte == b'"' && at_field_start {
            in_quotes = true;
        }
        at_field_start = false;
    }
    in_quotes
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn lines_are_counted_as_an_editor_counts_them() {
        let text = "a\n\"two\nlines\"\r\nb\n";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.line_at(0), 1);
        assert_eq!(lines.line_at(2), 2);
        assert_eq!(lines.line_at(text.find('b').unwrap()), 4);
        // Going back starts again from the top rather than miscounting.
        assert_eq!(lines.line_at(2), 2);
        assert_eq!(lines.line_at(usize::MAX), 5);
    }

    #[test]
    fn a_row_starts_after_the_blank_lines_before_it() {
        let text = "a,b\n\n\r\nc,d\n";
        let (start, row) = raw_row(text, 4, text.len() as u64);
        assert_eq!((start, row), (7, "c,d\n"));
        // Offsets past the end or the wrong way round give what there is.
        assert_eq!(raw_row(text, 99, 3), (text.len(), ""));
    }

    #[test]
    fn open_quotes_are_found_by_the_csv_rules() {
        assert!(quote_left_open(
            "2026-03-02,Learning,1,\"never closed",
            b','
        ));
        assert!(!quote_left_open(
            "2026-03-02,Learning,1,\"a \"\"quote\"\"\"",
            b','
        ));
        // A quote inside a field is text, not the start of one.
        assert!(!quote_left_open("2026-03-02,Learning,1,a 5\" screen", b','));
        assert!(quote_left_open("a;\"b;c\";\"d", b';'));
        assert!(!quote_left_open("a,\"b;c", b';'));
    }

    #[test]
    fn long_rows_are_shortened_on_a_character() {
        let long = "é".repeat(300);
        let shown = shortened(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(shortened("short"), "short");
    }
}
