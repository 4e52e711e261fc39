//! The document as text: its line endings, the line number of a byte, and
//! the source line around it. Nothing here reads Markdown.

use std::borrow::Cow;
use std::ops::Range;

/// `text` with every lone `\r` (old Mac line endings) made `\n`.
/// CommonMark counts a lone `\r` as a line ending, but pulldown-cmark does
/// not, and would read such a file as one paragraph. One byte for one byte,
/// so offsets and line numbers stay those of the original.
pub(super) fn lone_returns_as_newlines(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let is_lone = |at: usize| bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(is_lone) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        out.push(if c == '\r' && is_lone(at) { '\n' } else { c });
    }
    Cow::Owned(out)
}

/// Finds the line of a byte offset by walking from the last offset asked
/// about: the reader asks in nearly increasing order, so the whole document
/// is walked about once, and no table of line starts (8 bytes a line) is
/// kept.
pub(super) struct LineIndex<'t> {
    bytes: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> LineIndex<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        LineIndex {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// A line ends at `\n`, at `\r\n` (counted at its `\n`) and at a lone
    /// `\r`, as CommonMark says.
    fn is_break(&self, at: usize) -> bool {
        match self.bytes.get(at) {
            Some(b'\n') => true,
            Some(b'\r') => self.bytes.get(at + 1) != Some(&b'\n'),
            _ => false,
        }
    }

    pub(super) fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        while self.offset < offset {
            if self.is_break(self.offset) {
                self.line += 1;
            }
            self.offset += 1;
        }
        while self.offset > offset {
            self.offset -= 1;
            if self.is_break(self.offset) {
                self.line -= 1;
            }
        }
        self.line
    }
}

/// The source line around `offset`, without its line ending.
pub(super) fn source_line(text: &str, offset: usize) -> &str {
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let is_end = |byte: &u8| *byte == b'\n' || *byte == b'\r';
    let start = bytes[..offset]
        .iter()
        .rposition(is_end)
        .map_or(0, |at| at + 1);
    let end = bytes[offset..]
        .iter()
        .position(is_end)
        .map_or(bytes.len(), |at| offset + at);
    text.get(start..end).unwrap_or("")
}

/// Each source line of `range`, with its offset.
pub(super) fn source_lines(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let end = range.end.min(text.len());
    let mut at = range.start.min(end);
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let bytes = text.as_bytes();
        let start = at;
        let mut stop = start;
        while stop < end && bytes[stop] != b'\n' && bytes[stop] != b'\r' {
            stop += 1;
        }
        at = stop;
        if bytes.get(at) == Some(&b'\r') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'\n') && at < end {
            at += 1;
        }
        // A guard, should the loop above ever fail to move.
        if at == start {
            at = start + 1;
        }
        Some((start, text.get(start..stop).unwrap_or("")))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn line_numbers_count_every_kind_of_line_ending() {
        let text = "a\nb\r\nc\rd";
        let mut index = LineIndex::new(text);
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(5), 3);
        assert_eq!(index.line_of(7), 4);
        assert_eq!(index.line_of(1), 1);
        assert_eq!(index.line_of(100), 4);
        assert_eq!(source_line(text, 5), "c");
        assert_eq!(source_line(text, 3), "b");
    }
}
