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

/// What the YAML front matter of a document (`---` on its first line, up
/// to the next `---` or `...` line) says that a plan can use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct FrontMatter {
    /// Where the text after the front matter begins.
    pub(super) end: usize,
    /// The document is an Obsidian Kanban board (`kanban-plugin: basic`).
    pub(super) kanban: bool,
    /// Its `title:`, unquoted.
    pub(super) title: Option<String>,
}

/// The front matter at the start of `text`, if it has one. Blank lines may
/// stand inside it (Obsidian writes them); every other line must read as
/// YAML — a `key:`, an indented line, a `- ` item or a `#` comment — so that
/// a document that merely opens with a rule does not lose its first part.
pub(super) fn front_matter(text: &str) -> Option<FrontMatter> {
    let mut lines = source_lines(text, 0..text.len());
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut found = FrontMatter::default();
    let mut keys = 0usize;
    for (offset, line) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            found.end = line_end(text, offset + line.len());
            return (keys > 0).then_some(found);
        }
        if trimmed.is_empty() || line.starts_with([' ', '\t', '#']) || line.starts_with("- ") {
            continue;
        }
        let (key, value) = trimmed.split_once(':')?;
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) && !key.starts_with(['"', '\'']) {
            return None;
        }
        keys += 1;
        match key {
            "kanban-plugin" => found.kanban = true,
            "title" => {
                let value = value.trim();
                let unquoted = value
                    .strip_prefix('"')
                    .and_then(|value| value.strip_suffix('"'))
                    .or_else(|| {
                        value
                            .strip_prefix('\'')
                            .and_then(|value| value.strip_suffix('\''))
                    })
                    .unwrap_or(value)
                    .trim();
                if !unquoted.is_empty() {
                    found.title = Some(unquoted.to_owned());
                }
            }
            _ => {}
        }
    }
    None
}

/// The offset just past the line ending at `offset`, if there is one.
fn line_end(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = offset.min(bytes.len());
    if bytes.get(at) == Some(&b'\r') {
        at += 1;
    }
    if bytes.get(at) == Some(&b'\n') {
        at += 1;
    }
    at
}

/// `text` with its first `end` bytes made blank lines, one byte for one
/// byte, so that Markdown does not read front matter as a rule and a
/// heading, and offsets and line numbers stay those of the original.
pub(super) fn blank_before(text: &str, end: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if at >= end || c == '\n' || c == '\r' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

/// `text` with the tabs of table delimiter rows (`|:----\t|:----\t|`) made
/// spaces, one byte for one byte. GitHub draws such a table; pulldown-cmark
/// would not see a table at all.
pub(super) fn tabs_in_table_rules_as_spaces(text: &str) -> Cow<'_, str> {
    let is_rule = |line: &str| {
        line.contains('|')
            && line.contains('-')
            && line.contains('\t')
            && line
                .bytes()
                .all(|byte| matches!(byte, b'|' | b':' | b'-' | b' ' | b'\t'))
    };
    let rules: Vec<(usize, usize)> = source_lines(text, 0..text.len())
        .filter(|(_, line)| is_rule(line))
        .map(|(offset, line)| (offset, offset + line.len()))
        .collect();
    if rules.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_owned().into_bytes();
    for (start, end) in rules {
        for byte in out.get_mut(start..end).unwrap_or(&mut []) {
            if *byte == b'\t' {
                *byte = b' ';
            }
        }
    }
    // Only ASCII tabs were changed to ASCII spaces, so this cannot fail.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
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

    #[test]
    fn tabs_in_a_table_rule_become_spaces() {
        let text = "| a\t| b\t|\n|:--\t|:--\t|\n|x\t|y|";
        assert_eq!(
            tabs_in_table_rules_as_spaces(text),
            "| a\t| b\t|\n|:-- |:-- |\n|x\t|y|"
        );
        assert!(matches!(
            tabs_in_table_rules_as_spaces("a\tb\n---\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn front_matter_with_blank_lines_inside_and_crlf() {
        let text = "---\r\n\r\nkanban-plugin: basic\r\n\r\n---\r\n\r\n## Todo";
        let found = front_matter(text).unwrap();
        assert!(found.kanban);
        assert_eq!(found.end, 36);
        assert_eq!(text.get(found.end..), Some("\r\n## Todo"));
        let blank = blank_before(text, found.end);
        assert_eq!(blank.len(), text.len());
        assert_eq!(
            blank,
            "   \r\n\r\n                    \r\n\r\n   \r\n\r\n## Todo"
        );

        let jekyll = "---\nlayout: post\ntitle:  \"2021 : Goals\"\ntags: [a, b]\nimage:\n  bg: x.png\n---\nText";
        let found = front_matter(jekyll).unwrap();
        assert_eq!(found.title.as_deref(), Some("2021 : Goals"));
        assert!(!found.kanban);
        assert_eq!(jekyll.get(found.end..), Some("Text"));

        // A rule, a paragraph and a rule are not front matter, nor is a
        // front matter that never closes.
        assert_eq!(front_matter("---\nSome prose here.\n---\n"), None);
        assert_eq!(front_matter("---\ntitle: x\n"), None);
        assert_eq!(front_matter("# Plan\n---\ntitle: x\n---\n"), None);
    }
}
