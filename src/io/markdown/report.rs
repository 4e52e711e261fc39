//! What an import could not place, line by line, and why: listed up to a
//! limit and counted beyond it, so that a document of nothing but stray
//! lines does not make a report larger than itself.

use std::fmt;

use super::{MAX_LISTED_UNPLACED, UnplacedLine};

/// How much of a line an [`UnplacedLine`] keeps.
const MAX_QUOTED_CHARS: usize = 200;

/// The unplaced lines, listed up to [`MAX_LISTED_UNPLACED`] and counted
/// beyond it.
#[derive(Default)]
pub(super) struct Report {
    listed: Vec<UnplacedLine>,
    unlisted: usize,
    first_unlisted_line: usize,
}

impl Report {
    pub(super) fn is_full(&self) -> bool {
        self.listed.len() >= MAX_LISTED_UNPLACED
    }

    pub(super) fn add(&mut self, line: usize, text: &str, reason: fmt::Arguments<'_>) {
        if self.listed.len() < MAX_LISTED_UNPLACED {
            self.listed.push(UnplacedLine {
                line,
                text: quoted(text),
                reason: reason.to_string(),
            });
        } else {
            if self.unlisted == 0 || line < self.first_unlisted_line {
                self.first_unlisted_line = line;
            }
            self.unlisted += 1;
        }
    }

    pub(super) fn finish(mut self) -> Vec<UnplacedLine> {
        self.listed.sort_by_key(|unplaced| unplaced.line);
        if self.unlisted > 0 {
            let noun = if self.unlisted == 1 { "line" } else { "lines" };
            self.listed.push(UnplacedLine {
                line: self.first_unlisted_line,
                text: String::new(),
                reason: format!(
                    "and {} more {noun} that could not be placed (only the first \
                     {MAX_LISTED_UNPLACED} are listed)",
                    self.unlisted
                ),
            });
        }
        self.listed
    }
}

/// `text` trimmed and cut to [`MAX_QUOTED_CHARS`].
pub(super) fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
