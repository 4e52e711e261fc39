//! Reading: the CommonMark events of a document turned into [`Line`]s, one
//! for each source line of a heading, a paragraph or a list item, with its
//! markup read and its kind said. What a line means for the plan is for
//! `place` to say; this only says what kind of line it is.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::parse::words;
use super::source::{LineIndex, source_lines};

/// One line of the document as the importer sees it: the text of one source
/// line of a heading, a paragraph or a list item, with its markup read.
pub(super) struct Line {
    /// Counted from 1.
    pub(super) number: usize,
    /// A byte of the document on this line, to quote the line in a report.
    pub(super) offset: usize,
    pub(super) kind: LineKind,
    /// Emphasis, escapes and entities read; code spans keep their backticks
    /// and links show their address after their text.
    pub(super) text: String,
    /// Where a leading bold label (`**Books**`) ends in `text`.
    pub(super) label_end: Option<usize>,
    /// The cells of a table row, each with its `<br>`s as line breaks;
    /// empty for any other kind of line.
    pub(super) cells: Vec<String>,
    /// A heading that carries a `<!-- lane -->` comment: a lane whose name
    /// would otherwise read as a quarter. Export writes it so.
    pub(super) says_lane: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineKind {
    Heading {
        level: u8,
    },
    /// A line of a paragraph outside any list.
    Paragraph,
    /// The first line of a list item; `depth` is 1 for an item of a
    /// top-level list, 2 for one nested in it, and so on.
    ItemFirst {
        checkbox: Option<bool>,
        depth: usize,
    },
    /// A further line of a list item: a lazy line, a new paragraph in it, or
    /// text after a nested list.
    ItemMore {
        depth: usize,
        after_blank: bool,
        /// Written less indented than the item's text (`**Q2**` at the start
        /// of the line right after `- [ ] task`): Markdown reads it as part
        /// of the item, but the writer did not indent it under the item.
        lazy: bool,
    },
    /// A row of a table, its cells in [`Line::cells`].
    TableRow {
        header: bool,
    },
    /// A line of code, HTML or other markup that is not text to read.
    Opaque,
}

struct OpenItem {
    checkbox: Option<bool>,
    lines: usize,
    offset: usize,
    /// The column the item's text starts at; a further line indented less
    /// is a lazy one.
    content_column: usize,
}

/// The line being collected from inline events.
struct Building {
    offset: usize,
    text: String,
    label_open: bool,
    label_end: Option<usize>,
    says_lane: bool,
}

/// The row of a table being read, cell by cell.
struct TableRowBuilding {
    offset: usize,
    header: bool,
    cells: Vec<String>,
}

struct OpaqueBlock {
    range: Range<usize>,
    depth: usize,
    html: bool,
}

/// Turns the parser's events into [`Line`]s, handed to `sink` one at a
/// time so that a large document is never held twice.
struct Reader<'t, F: FnMut(Line)> {
    text: &'t str,
    index: LineIndex<'t>,
    sink: F,
    items: Vec<OpenItem>,
    heading: Option<(u8, usize)>,
    line: Option<Building>,
    /// Counts lines, so a link that ends on another line than it began can
    /// tell.
    line_serial: u64,
    after_blank: bool,
    opaque: Option<OpaqueBlock>,
    /// Each open link: its address (none for a wikilink, whose text is its
    /// target), the line it began on and where its text starts.
    links: Vec<(Option<String>, u64, usize)>,
    strong_depth: usize,
    row: Option<TableRowBuilding>,
}

pub(super) fn read_lines(text: &str, sink: impl FnMut(Line)) {
    let mut reader = Reader {
        text,
        index: LineIndex::new(text),
        sink,
        items: Vec::new(),
        heading: None,
        line: None,
        line_serial: 0,
        after_blank: false,
        opaque: None,
        links: Vec::new(),
        strong_depth: 0,
        row: None,
    };
    // Footnotes and the like stay off: their lines then read as paragraphs,
    // which are reported as they are, rather than as structures the importer
    // would have to know. Tables are read, for plans laid out as one column
    // per quarter; wikilinks, for Obsidian's `[[Note]]` cards.
    let options = Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES | Options::ENABLE_WIKILINKS;
    let parser = Parser::new_ext(text, options);
    for (event, range) in parser.into_offset_iter() {
        reader.event(event, range);
    }
    reader.finish_line();
}

impl<F: FnMut(Line)> Reader<'_, F> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if let Some(opaque) = &mut self.opaque {
            match event {
                Event::Start(_) => opaque.depth += 1,
                Event::End(_) => {
                    opaque.depth = opaque.depth.saturating_sub(1);
                    if opaque.depth == 0
                        && let Some(opaque) = self.opaque.take()
                    {
                        self.emit_opaque(&opaque);
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, &range),
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(&text, range.start);
            }
            Event::Code(code) => {
                self.push_text("`", range.start);
                self.push_text(&code, range.start);
                self.push_text("`", range.start);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if is_html_comment(&html) {
                    if self.heading.is_some() && words(&html).split(' ').any(|word| word == "lane")
                    {
                        self.building(range.start).says_lane = true;
                    }
                } else if self.row.is_some() && is_line_break_tag(&html) {
                    // Items in a table cell are written one per `<br>`.
                    self.push_text("\n", range.start);
                } else {
                    self.push_text(&html, range.start);
                }
            }
            Event::FootnoteReference(label) => {
                self.push_text(&format!("[^{label}]"), range.start);
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.finish_line(),
            Event::TaskListMarker(done) => {
                if let Some(item) = self.items.last_mut() {
                    item.checkbox = Some(done);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.finish_line();
                self.heading = Some((heading_level(level), range.start));
            }
            Tag::Paragraph => {
                self.finish_line();
                if self.items.last().is_some_and(|item| item.lines > 0) {
                    self.after_blank = true;
                }
            }
            Tag::Item => {
                self.finish_line();
                self.items.push(OpenItem {
                    checkbox: None,
                    lines: 0,
                    offset: range.start,
                    content_column: content_column(self.text, range.start),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                self.finish_line();
                self.row = Some(TableRowBuilding {
                    offset: range.start,
                    header: matches!(tag, Tag::TableHead),
                    cells: Vec::new(),
                });
            }
            Tag::TableCell => self.line = None,
            Tag::Table(_) => self.finish_line(),
            Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList => {
                self.finish_line();
                self.opaque = Some(OpaqueBlock {
                    html: matches!(tag, Tag::HtmlBlock),
                    range,
                    depth: 1,
                });
            }
            Tag::Strong => {
                let starts_line = self
                    .line
                    .as_ref()
                    .is_none_or(|line| line.text.trim().is_empty() && line.label_end.is_none());
                if self.strong_depth == 0 && starts_line {
                    self.building(range.start).label_open = true;
                }
                self.strong_depth += 1;
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                let serial = self.line_serial;
                let start = self.building(range.start).text.len();
                // A wikilink's text is the note it names (or its alias): the
                // address would only say it again.
                let url = (!matches!(link_type, LinkType::WikiLink { .. }))
                    .then(|| dest_url.into_string());
                self.links.push((url, serial, start));
            }
            _ => self.finish_line_at_block(&tag),
        }
    }

    /// Block containers (lists, quotes) end the line in progress; inline
    /// ones (emphasis, strike-through) do not.
    fn finish_line_at_block(&mut self, tag: &Tag<'_>) {
        if matches!(tag, Tag::List(_) | Tag::BlockQuote(_)) {
            self.finish_line();
        }
    }

    fn end(&mut self, tag: TagEnd, range: &Range<usize>) {
        match tag {
            TagEnd::Heading(_) => {
                if let Some((_, offset)) = self.heading
                    && self.line.is_none()
                {
                    // An empty heading is still a heading: `### ` is an
                    // unnamed lane.
                    self.building(offset);
                }
                self.finish_line();
                self.heading = None;
            }
            TagEnd::Item => {
                self.finish_line();
                if let Some(item) = self.items.last()
                    && item.lines == 0
                    && item.checkbox.is_some()
                {
                    // `- [ ]` with nothing after it: a task with no title.
                    let offset = item.offset;
                    self.building(offset);
                    self.finish_line_keeping_empty();
                }
                self.items.pop();
            }
            TagEnd::Strong => {
                self.strong_depth = self.strong_depth.saturating_sub(1);
                if self.strong_depth == 0
                    && let Some(line) = &mut self.line
                    && line.label_open
                {
                    line.label_open = false;
                    line.label_end = Some(line.text.len());
                }
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some((Some(url), serial, start)) = self.links.pop() {
                    let url = url.trim();
                    let shown = match &self.line {
                        Some(line) if serial == self.line_serial => {
                            line.text.get(start..).unwrap_or("").trim()
                        }
                        _ => "",
                    };
                    if !url.is_empty() && shown != url {
                        // The address is kept: a task that links to its
                        // design document should still say where it is.
                        // On the link's last line, should the line have
                        // ended inside the link.
                        self.push_text(&format!(" ({url})"), range.end.saturating_sub(1));
                    }
                }
            }
            TagEnd::TableCell => {
                let cell = self.line.take().map(|cell| cell.text).unwrap_or_default();
                if let Some(row) = &mut self.row {
                    row.cells.push(cell.trim().to_owned());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.finish_row(),
            TagEnd::Paragraph | TagEnd::List(_) | TagEnd::BlockQuote(_) => self.finish_line(),
            _ => {}
        }
    }

    fn finish_row(&mut self) {
        self.line = None;
        let Some(row) = self.row.take() else {
            return;
        };
        let number = self.index.line_of(row.offset);
        (self.sink)(Line {
            number,
            offset: row.offset,
            kind: LineKind::TableRow { header: row.header },
            text: row.cells.join(" | "),
            label_end: None,
            cells: row.cells,
            says_lane: false,
        });
    }

    fn building(&mut self, offset: usize) -> &mut Building {
        self.line.get_or_insert_with(|| Building {
            offset,
            text: String::new(),
            label_open: false,
            label_end: None,
            says_lane: false,
        })
    }

    fn push_text(&mut self, text: &str, offset: usize) {
        self.building(offset).text.push_str(text);
    }

    fn finish_line(&mut self) {
        self.finish_line_with(false);
    }

    fn finish_line_keeping_empty(&mut self) {
        self.finish_line_with(true);
    }

    fn finish_line_with(&mut self, keep_empty: bool) {
        if self.row.is_some() {
            // A cell's text is its own; the row ends it.
            return;
        }
        let Some(building) = self.line.take() else {
            return;
        };
        self.line_serial += 1;
        let kind = if let Some((level, _)) = self.heading {
            LineKind::Heading { level }
        } else if let Some(item) = self.items.last() {
            let depth = self.items.len();
            if item.lines == 0 {
                LineKind::ItemFirst {
                    checkbox: item.checkbox,
                    depth,
                }
            } else {
                LineKind::ItemMore {
                    depth,
                    after_blank: self.after_blank,
                    lazy: column_of_text(self.text, building.offset) < item.content_column,
                }
            }
        } else {
            LineKind::Paragraph
        };
        let is_heading = matches!(kind, LineKind::Heading { .. });
        if building.text.trim().is_empty() && !is_heading && !keep_empty {
            // Nothing but an HTML comment, say: nothing to place.
            return;
        }
        if let Some(item) = self.items.last_mut()
            && !is_heading
        {
            item.lines += 1;
            self.after_blank = false;
        }
        let number = self.index.line_of(building.offset);
        (self.sink)(Line {
            number,
            offset: building.offset,
            kind,
            text: building.text,
            label_end: building.label_end,
            cells: Vec::new(),
            says_lane: building.says_lane,
        });
    }

    fn emit_opaque(&mut self, opaque: &OpaqueBlock) {
        let text = self.text;
        let source = text.get(opaque.range.clone()).unwrap_or("");
        if opaque.html && is_html_comment(source) {
            // A comment is a note to readers of the file, not part of the
            // plan; export writes its header as one.
            return;
        }
        let first = self.index.line_of(opaque.range.start);
        for (number, (offset, line)) in (first..).zip(source_lines(text, opaque.range.clone())) {
            if !line.trim().is_empty() {
                (self.sink)(Line {
                    number,
                    offset,
                    kind: LineKind::Opaque,
                    text: line.trim().to_owned(),
                    label_end: None,
                    cells: Vec::new(),
                    says_lane: false,
                });
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_html_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

/// `<br>`, `<br/>`, `<BR />`.
fn is_line_break_tag(html: &str) -> bool {
    let tag = html.trim().to_ascii_lowercase();
    let inner = tag
        .strip_prefix("<br")
        .and_then(|rest| rest.strip_suffix('>'))
        .map(|rest| rest.trim().trim_end_matches('/').trim());
    inner.is_some_and(str::is_empty)
}

/// The start of the source line `offset` is on.
fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()
        .get(..offset)
        .and_then(|before| {
            before
                .iter()
                .rposition(|byte| matches!(byte, b'\n' | b'\r'))
        })
        .map_or(0, |at| at + 1)
}

/// How far in the indentation (spaces, tabs to the next multiple of four,
/// and the `>` of quotes) of the source line of `offset` reaches.
fn column_of_text(text: &str, offset: usize) -> usize {
    let start = line_start(text, offset);
    let mut column = 0;
    for byte in text.as_bytes().get(start..).unwrap_or(&[]) {
        match byte {
            b' ' | b'>' => column += 1,
            b'\t' => column += 4 - column % 4,
            _ => break,
        }
    }
    column
}

/// The column the text of a list item starts at, its marker (`-`, `*`,
/// `+`, `1.`, `2)`) at `offset`: the marker's column, its width and the
/// spaces after it (one, when there are more than four: the text is then
/// indented code).
fn content_column(text: &str, offset: usize) -> usize {
    let start = line_start(text, offset);
    let before = text.get(start..offset).unwrap_or("");
    let mut column = 0;
    for c in before.chars() {
        column += if c == '\t' { 4 - column % 4 } else { 1 };
    }
    let rest = text.as_bytes().get(offset..).unwrap_or(&[]);
    let digits = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
    let marker = if digits > 0 { digits + 1 } else { 1 };
    let spaces = rest
        .iter()
        .skip(marker)
        .take_while(|byte| **byte == b' ')
        .count();
    let spaces = if (1..=4).contains(&spaces) { spaces } else { 1 };
    column + marker + spaces
}
