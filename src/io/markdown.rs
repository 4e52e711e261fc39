//! Plans written in Markdown, in the shape of the seed plan
//! (`seeds/annual-plan.md`): import and export.
//!
//! The shape, as the seed writes it and as [`export_markdown`] writes it:
//!
//! ```markdown
//! # Annual Plan
//! **Start**: 2026-01-01
//!
//! ## Goals
//! - Achieve production-grade Elixir/OTP mastery
//!
//! ## Swimlanes
//! ### Core (Foundation Building)
//! **Q1**
//! - [ ] Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)
//! - [x] Establish CI/CD pipeline
//!   **Done**: 2026-02-11
//!   **Notes**: GitHub Actions
//!
//! **Q1-Q2**
//! - [ ] Load testing framework
//!
//! ## Budget
//! - **Learning**: 15-20 hours/week
//! - **Books**: $500
//! - **Infrastructure**: $100/month
//!
//! ## Success Metrics
//! - [ ] All 15 phases completed
//!
//! ## Review Cadence
//! - **Weekly**: Progress check against tasks
//! ```
//!
//! Import reads the document with a CommonMark parser (so lazy lines, loose
//! lists, escapes, entities and CRLF are read as Markdown reads them) and
//! then goes through it line by line. Plans written by hand vary, so it is
//! forgiving about shape — any heading levels, lanes with or without a
//! "Swimlanes" heading, quarters as `**Q2-Q4**`, `#### Q3` or `H2`, `* [X]`
//! boxes, plain bullets, `$1,200 per month`, `€50/month`, `10 h/week`, an
//! explicit `## Phases` list — and honest about the rest: every line it
//! could not place, or had to bend to make a valid plan, is reported with
//! its line number and the reason. It never fails and never panics; the
//! plan it returns always passes [`validate`].
//!
//! What Markdown cannot carry: the time entries, expenses and reviews logged
//! against a plan. Export says so in its header comment; those stay in the
//! plan file (the time log and expenses export to CSV).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::amount::{AmountError, parse_amount_cents};
use crate::model::format::format_cents;
use crate::model::validate::{
    MAX_METRIC_MONTHS, MAX_METRIC_WEEKS, MAX_WEEKLY_HOURS, MAX_YEAR, MIN_YEAR, validate,
};
use crate::model::{
    Block, BlockId, BudgetKind, BudgetLine, CategoryId, LaneId, LineId, MetricId, MetricMeasure,
    Period, Phase, PhaseNumber, PhaseStatus, Plan, Quarter, ReviewCadence, SuccessMetric, Swimlane,
    Task, TaskId, TimeCategory,
};

/// What an import made of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkdownImport {
    /// Everything the document said that a plan can hold; always valid.
    pub plan: Plan,
    /// The lines it could not place, or placed only after bending them, in
    /// the order of the document.
    pub unplaced: Vec<UnplacedLine>,
}

/// A line of the document that did not make it into the plan as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnplacedLine {
    /// Counted from 1, as editors count.
    pub line: usize,
    /// The line as written, trimmed, and shortened when long.
    pub text: String,
    /// Why, in words for the person who wrote it.
    pub reason: String,
}

/// How many unplaced lines are listed one by one. A real plan has a few; a
/// document with more is not a plan, and listing all of a 60 MB file's
/// lines would cost far more memory than the file. The rest are counted in
/// one last entry.
pub const MAX_LISTED_UNPLACED: usize = 1_000;

/// How many of each kind of thing (tasks, blocks, lanes, goals, phases,
/// categories, budget lines, metrics) an import takes. No yearly plan comes
/// near it; it keeps a hostile file from turning a few bytes a line into a
/// hundred bytes of plan each.
pub const MAX_IMPORTED_EACH: usize = 100_000;

/// How many phases one line may name ("Phases 0-3" names four). Keeps
/// "Phases 0-4000000000" from creating four billion of them.
pub const MAX_PHASES_PER_LINE: u32 = 100;

/// How much of a line an [`UnplacedLine`] keeps.
const MAX_QUOTED_CHARS: usize = 200;

/// The longest currency symbol a `**Currency**:` line may give.
const MAX_SYMBOL_CHARS: usize = 16;

/// The lane tasks go to when the document has tasks but names no lane.
const DEFAULT_LANE_NAME: &str = "Tasks";

/// Reads a plan written in Markdown (see the module documentation for the
/// shape). The plan starts on 1 January of `today`'s year unless the
/// document has a `**Start**: YYYY-MM-DD` line. Ids are given 1, 2, 3… in
/// the order of the document.
pub fn import_markdown(text: &str, today: NaiveDate) -> MarkdownImport {
    // A byte-order mark would stop the first line being read as a heading.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = lone_returns_as_newlines(text);
    let text = text.as_ref();
    let year = today.year().clamp(MIN_YEAR, MAX_YEAR);
    let start_date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut importer = Importer::new(text, start_date);
    read_lines(text, |line| importer.take(&line));
    importer.finish()
}

/// `text` with every lone `\r` (old Mac line endings) made `\n`.
/// CommonMark counts a lone `\r` as a line ending, but pulldown-cmark does
/// not, and would read such a file as one paragraph. One byte for one byte,
/// so offsets and line numbers stay those of the original.
fn lone_returns_as_newlines(text: &str) -> Cow<'_, str> {
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

// ---------------------------------------------------------------------------
// Reading: Markdown events into lines
// ---------------------------------------------------------------------------

/// One line of the document as the importer sees it: the text of one source
/// line of a heading, a paragraph or a list item, with its markup read.
struct Line {
    /// Counted from 1.
    number: usize,
    /// A byte of the document on this line, to quote the line in a report.
    offset: usize,
    kind: LineKind,
    /// Emphasis, escapes and entities read; code spans keep their backticks
    /// and links show their address after their text.
    text: String,
    /// Where a leading bold label (`**Books**`) ends in `text`.
    label_end: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineKind {
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
    },
    /// A line of code, HTML or other markup that is not text to read.
    Opaque,
}

/// Finds the line of a byte offset by walking from the last offset asked
/// about: the reader asks in nearly increasing order, so the whole document
/// is walked about once, and no table of line starts (8 bytes a line) is
/// kept.
struct LineIndex<'t> {
    bytes: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
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

    fn line_of(&mut self, offset: usize) -> usize {
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
fn source_line(text: &str, offset: usize) -> &str {
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
fn source_lines(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
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

struct OpenItem {
    checkbox: Option<bool>,
    lines: usize,
    offset: usize,
}

/// The line being collected from inline events.
struct Building {
    offset: usize,
    text: String,
    label_open: bool,
    label_end: Option<usize>,
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
    links: Vec<(String, u64, usize)>,
    strong_depth: usize,
}

fn read_lines(text: &str, sink: impl FnMut(Line)) {
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
    };
    // Tables, footnotes and the like stay off: their lines then read as
    // paragraphs, which are reported as they are, rather than as structures
    // the importer would have to know.
    let parser = Parser::new_ext(text, Options::ENABLE_TASKLISTS);
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
                if !is_html_comment(&html) {
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
                });
            }
            Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Table(_)
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
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let serial = self.line_serial;
                let start = self.building(range.start).text.len();
                self.links.push((dest_url.into_string(), serial, start));
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
                if let Some((url, serial, start)) = self.links.pop() {
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
            TagEnd::Paragraph | TagEnd::List(_) | TagEnd::BlockQuote(_) => self.finish_line(),
            _ => {}
        }
    }

    fn building(&mut self, offset: usize) -> &mut Building {
        self.line.get_or_insert_with(|| Building {
            offset,
            text: String::new(),
            label_open: false,
            label_end: None,
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

// ---------------------------------------------------------------------------
// Understanding: lines into a plan
// ---------------------------------------------------------------------------

/// The kind of section the importer is in, from the last heading.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Section {
    /// Before any heading but the title.
    Top,
    Goals,
    /// Under a "Swimlanes" heading: headings below it are lanes.
    Lanes,
    /// An explicit list of phases, with their quarter and status.
    Phases,
    /// Weekly hours and money, under any budget-like heading.
    Budget,
    Metrics,
    Reviews,
    /// Under a heading Yearplan does not know. If tasks or quarters follow,
    /// the heading was a lane.
    Other,
    /// Under a heading known to hold prose (Overview, Notes, Risks…).
    Prose(String),
}

impl Section {
    fn holds_lanes(&self) -> bool {
        matches!(self, Section::Top | Section::Lanes | Section::Other)
    }
}

/// What a list item was read as, so that its further lines know where to go.
#[derive(Clone, Debug)]
enum Role {
    Task {
        lane: usize,
        block: usize,
        task: usize,
        /// After a `**Notes**:` line, every further line is notes.
        in_notes: bool,
    },
    Goal(usize),
    Metric {
        index: usize,
        ticked: bool,
    },
    Cadence(usize),
    /// Read as something that takes no further lines (hours, an amount).
    Done,
    /// Not placed; its further lines are not either.
    Unplaced,
}

struct LaneCursor {
    index: usize,
    /// The heading level of the lane; deeper headings belong to it.
    level: u8,
}

struct PendingLane {
    text: String,
    level: u8,
    number: usize,
    offset: usize,
    /// [`Importer::placed`] when the heading was read: if it has not moved
    /// when the section ends, nothing under the heading was read.
    placed_before: usize,
}

/// A phase and the line that named it.
struct NamedPhase {
    phase: Phase,
    line: usize,
    offset: usize,
    /// A phase of the Phases section that gave no quarter.
    quarter_given: bool,
}

/// An amount read with a currency symbol, checked against the plan's symbol
/// once the whole document has been read.
struct SymbolUse {
    symbol: String,
    line: usize,
    offset: usize,
}

struct Importer<'t> {
    text: &'t str,
    plan: Plan,
    report: Report,
    title_seen: bool,
    start_seen: bool,
    section: Section,
    lanes_level: Option<u8>,
    lane: Option<LaneCursor>,
    block: Option<usize>,
    pending: Option<PendingLane>,
    /// The role of the open list item at each depth.
    roles: Vec<Role>,
    named_phases: Vec<NamedPhase>,
    listed_phases: Vec<NamedPhase>,
    phases_section_seen: bool,
    /// Tasks that name their phase (`**Phase**: 4`): (lane, block, task, number, line, offset).
    task_phase_links: Vec<(usize, usize, usize, PhaseNumber, usize, usize)>,
    /// Metrics measured by a lane's tasks, by lane name: (metric, name, line, offset).
    metric_lanes: Vec<(usize, String, usize, usize)>,
    currency: Option<String>,
    symbols: Vec<SymbolUse>,
    next_task: u64,
    next_block: u64,
}

/// The unplaced lines, listed up to [`MAX_LISTED_UNPLACED`] and counted
/// beyond it.
struct Report {
    listed: Vec<UnplacedLine>,
    unlisted: usize,
    first_unlisted_line: usize,
}

impl Report {
    fn is_full(&self) -> bool {
        self.listed.len() >= MAX_LISTED_UNPLACED
    }

    fn add(&mut self, line: usize, text: &str, reason: fmt::Arguments<'_>) {
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

    fn finish(mut self) -> Vec<UnplacedLine> {
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
fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

impl<'t> Importer<'t> {
    fn new(text: &'t str, start_date: NaiveDate) -> Self {
        Importer {
            text,
            plan: Plan::empty("", start_date),
            report: Report {
                listed: Vec::new(),
                unlisted: 0,
                first_unlisted_line: 0,
            },
            title_seen: false,
            start_seen: false,
            section: Section::Top,
            lanes_level: None,
            lane: None,
            block: None,
            pending: None,
            roles: Vec::new(),
            named_phases: Vec::new(),
            listed_phases: Vec::new(),
            phases_section_seen: false,
            task_phase_links: Vec::new(),
            metric_lanes: Vec::new(),
            currency: None,
            symbols: Vec::new(),
            next_task: 1,
            next_block: 1,
        }
    }

    fn unplaced(&mut self, line: &Line, reason: fmt::Arguments<'_>) {
        self.unplaced_at(line.number, line.offset, reason);
    }

    fn unplaced_at(&mut self, number: usize, offset: usize, reason: fmt::Arguments<'_>) {
        let text = if self.report.is_full() {
            ""
        } else {
            source_line(self.text, offset)
        };
        self.report.add(number, text, reason);
    }

    fn take(&mut self, line: &Line) {
        match line.kind {
            LineKind::Heading { level } => self.heading(line, level),
            LineKind::Opaque => self.unplaced(
                line,
                format_args!("code, HTML or other markup, which a plan does not hold"),
            ),
            LineKind::Paragraph => self.paragraph_line(line),
            LineKind::ItemFirst { checkbox, depth } => self.item_first(line, checkbox, depth),
            LineKind::ItemMore { depth, after_blank } => self.item_more(line, depth, after_blank),
        }
    }

    // --- headings ---------------------------------------------------------

    fn heading(&mut self, line: &Line, level: u8) {
        self.roles.clear();
        let text = line.text.trim();
        if level == 1 && !self.title_seen {
            self.title_seen = true;
            self.plan.title = text.to_owned();
            self.leave_lanes();
            self.section = Section::Top;
            return;
        }
        if self.lanes_level.is_some_and(|container| level <= container) {
            self.lanes_level = None;
        }
        let quarters = quarter_span(text);
        if let Some(container) = self.lanes_level {
            // Right under "## Swimlanes" every heading is a lane, so a lane
            // named "Q2" reads back as one; quarters as headings go deeper.
            let is_lane_level = level == container.saturating_add(1);
            if let Some(span) = quarters.filter(|_| !is_lane_level) {
                self.start_block(line, span);
                return;
            }
            match &self.lane {
                _ if is_lane_level => self.new_lane(line, text, level),
                Some(lane) if level > lane.level => {
                    let name = self.plan.swimlanes[lane.index].name.clone();
                    self.unplaced(
                        line,
                        format_args!(
                            "a heading inside the lane \"{name}\" that is not a quarter \
                             (like **Q1** or **Q1-Q2**); what follows stays in that lane"
                        ),
                    );
                }
                _ => self.new_lane(line, text, level),
            }
            return;
        }
        if let Some(span) = quarters {
            if self.section.holds_lanes() {
                self.start_block(line, span);
            } else {
                self.unplaced(
                    line,
                    format_args!(
                        "a quarter heading outside the swimlanes; quarters belong to a lane"
                    ),
                );
            }
            return;
        }
        self.leave_lanes();
        self.section = classify_heading(text);
        match self.section {
            Section::Lanes => self.lanes_level = Some(level),
            Section::Phases => self.phases_section_seen = true,
            Section::Other => self.pending = Some(self.pending_lane(line, text, level)),
            _ => {}
        }
    }

    fn new_lane(&mut self, line: &Line, text: &str, level: u8) {
        self.block = None;
        self.pending = Some(self.pending_lane(line, text, level));
        self.materialize_lane(line);
    }

    fn leave_lanes(&mut self) {
        if let Some(pending) = self.pending.take()
            && self.placed() == pending.placed_before
        {
            self.unplaced_at(
                pending.number,
                pending.offset,
                format_args!(
                    "a heading Yearplan does not know, with nothing under it that it could read"
                ),
            );
        }
        self.lanes_level = None;
        self.lane = None;
        self.block = None;
    }

    fn pending_lane(&self, line: &Line, text: &str, level: u8) -> PendingLane {
        PendingLane {
            text: text.to_owned(),
            level,
            number: line.number,
            offset: line.offset,
            placed_before: self.placed(),
        }
    }

    /// How many things have been read into the plan so far.
    fn placed(&self) -> usize {
        let plan = &self.plan;
        plan.goals.len()
            + plan.swimlanes.len()
            + plan.time_categories.len()
            + plan.budget_lines.len()
            + plan.success_metrics.len()
            + plan.review_cadences.len()
            + self.named_phases.len()
            + self.listed_phases.len()
            + usize::from(self.start_seen)
            + usize::from(self.currency.is_some())
            + usize::try_from(self.next_task + self.next_block).unwrap_or(usize::MAX)
    }

    // --- lanes and blocks -------------------------------------------------

    /// The lane tasks go to now: the current one, the heading above them
    /// turned into a lane, or a lane named "Tasks".
    fn ensure_lane(&mut self, line: &Line) -> Option<usize> {
        if let Some(lane) = &self.lane {
            return Some(lane.index);
        }
        if self.pending.is_none() {
            self.pending = Some(self.pending_lane(line, DEFAULT_LANE_NAME, u8::MAX));
        }
        self.materialize_lane(line)
    }

    fn materialize_lane(&mut self, line: &Line) -> Option<usize> {
        let pending = self.pending.take()?;
        if self.plan.swimlanes.len() >= MAX_IMPORTED_EACH {
            // Not into the lane before: what follows was written for this one.
            self.lane = None;
            self.block = None;
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} swimlanes"),
            );
            return None;
        }
        let (name, subtitle) = split_lane_heading(&pending.text);
        let index = self.plan.swimlanes.len();
        self.plan.swimlanes.push(Swimlane {
            id: LaneId(index as u64 + 1),
            name,
            subtitle,
            blocks: Vec::new(),
        });
        self.lane = Some(LaneCursor {
            index,
            level: pending.level,
        });
        self.block = None;
        Some(index)
    }

    fn start_block(&mut self, line: &Line, span: QuarterSpan) {
        let Some(lane) = self.ensure_lane(line) else {
            return;
        };
        if span.reversed {
            self.unplaced(
                line,
                format_args!(
                    "the quarters run backwards; read as {}",
                    span_label(span.first, span.last)
                ),
            );
        }
        self.push_block(line, lane, span.first, span.last);
    }

    fn push_block(&mut self, line: &Line, lane: usize, first: Quarter, last: Quarter) -> bool {
        if self.next_block > MAX_IMPORTED_EACH as u64 {
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} blocks"),
            );
            return false;
        }
        let blocks = &mut self.plan.swimlanes[lane].blocks;
        blocks.push(Block {
            id: BlockId(self.next_block),
            first_quarter: first,
            last_quarter: last,
            tasks: Vec::new(),
        });
        self.next_block += 1;
        self.block = Some(blocks.len() - 1);
        true
    }

    /// The block tasks go to now; tasks before any quarter cover the year.
    fn ensure_block(&mut self, line: &Line) -> Option<(usize, usize)> {
        let lane = self.ensure_lane(line)?;
        if let Some(block) = self.block {
            return Some((lane, block));
        }
        if self.push_block(line, lane, Quarter::Q1, Quarter::Q4) {
            self.block.map(|block| (lane, block))
        } else {
            None
        }
    }

    /// Whether plain bullets (no checkbox) are tasks here: inside a lane
    /// that a heading or quarter has made, not just anywhere.
    fn in_lane(&self) -> bool {
        self.lane.is_some()
    }

    fn add_task(&mut self, line: &Line, done: bool) -> Role {
        let Some((lane, block)) = self.ensure_block(line) else {
            return Role::Unplaced;
        };
        if self.next_task > MAX_IMPORTED_EACH as u64 {
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} tasks"),
            );
            return Role::Unplaced;
        }
        let title = line.text.trim().to_owned();
        let quarter = self.plan.swimlanes[lane].blocks[block].last_quarter;
        match phase_mention(&title) {
            Some(Ok(named)) => {
                for (number, name) in named {
                    self.named_phases.push(NamedPhase {
                        phase: named_phase(number, name, quarter, done),
                        line: line.number,
                        offset: line.offset,
                        quarter_given: true,
                    });
                }
            }
            Some(Err(problem)) => self.unplaced(
                line,
                format_args!("imported as a task, but no phases were read from it: {problem}"),
            ),
            None => {}
        }
        let tasks = &mut self.plan.swimlanes[lane].blocks[block].tasks;
        tasks.push(Task {
            id: TaskId(self.next_task),
            title,
            done,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        });
        self.next_task += 1;
        Role::Task {
            lane,
            block,
            task: tasks.len() - 1,
            in_notes: false,
        }
    }

    // --- paragraphs -------------------------------------------------------

    fn paragraph_line(&mut self, line: &Line) {
        match self.section.clone() {
            Section::Goals => self.unplaced(
                line,
                format_args!("prose under Goals; goals are read from list items (- goal)"),
            ),
            Section::Metrics => self.unplaced(
                line,
                format_args!(
                    "prose under Success Metrics; metrics are read from list items (- [ ] metric)"
                ),
            ),
            Section::Reviews => {
                if self.cadence(line).is_none() {
                    self.unplaced(
                        line,
                        format_args!(
                            "not a review cadence (write **Weekly**: what the review is for)"
                        ),
                    );
                }
            }
            Section::Phases => {
                if !self.listed_phase(line, None) {
                    self.unplaced(
                        line,
                        format_args!("not a phase (write - [ ] Phase 3: GenServer — Q1)"),
                    );
                }
            }
            Section::Budget => {
                if !self.value_line(line, true) {
                    self.unplaced_budget(line);
                }
            }
            Section::Prose(heading) => self.unplaced_prose(line, &heading),
            Section::Top | Section::Lanes | Section::Other => {
                if let Some(span) = quarter_span(&line.text) {
                    self.start_block(line, span);
                } else if !self.value_line(line, false) {
                    self.unplaced(
                        line,
                        format_args!(
                            "prose Yearplan does not read: not a task (- [ ] …), a quarter \
                             (**Q1**), a start date, hours or an amount"
                        ),
                    );
                }
            }
        }
    }

    fn unplaced_budget(&mut self, line: &Line) {
        self.unplaced(
            line,
            format_args!(
                "not a weekly hours target (**Learning**: 15-20 hours/week) or a budget line \
                 (**Books**: $500, **Hosting**: $100/month)"
            ),
        );
    }

    fn unplaced_prose(&mut self, line: &Line, heading: &str) {
        self.unplaced(
            line,
            format_args!("under \"{heading}\", a section a plan has no place for"),
        );
    }

    // --- list items -------------------------------------------------------

    fn item_first(&mut self, line: &Line, checkbox: Option<bool>, depth: usize) {
        self.roles.truncate(depth.saturating_sub(1));
        let parent = self.roles.last().cloned();
        let role = self.item_role(line, checkbox, parent.as_ref());
        // Items nested deeper than their parent's depth + 1 cannot happen,
        // but the roles must stay indexed by depth whatever the reader says.
        while self.roles.len() + 1 < depth {
            self.roles.push(Role::Unplaced);
        }
        self.roles.push(role);
    }

    fn item_role(&mut self, line: &Line, checkbox: Option<bool>, parent: Option<&Role>) -> Role {
        let text = line.text.trim();
        match self.section.clone() {
            Section::Goals => {
                if text.is_empty() {
                    return Role::Done;
                }
                if self.plan.goals.len() >= MAX_IMPORTED_EACH {
                    self.unplaced(
                        line,
                        format_args!("the plan already has {MAX_IMPORTED_EACH} goals"),
                    );
                    return Role::Unplaced;
                }
                self.plan.goals.push(text.to_owned());
                Role::Goal(self.plan.goals.len() - 1)
            }
            Section::Metrics => self.metric(line, checkbox),
            Section::Reviews => match self.cadence(line) {
                Some(Some(index)) => Role::Cadence(index),
                Some(None) => Role::Unplaced,
                None => {
                    self.unplaced(
                        line,
                        format_args!(
                            "not a review cadence (write **Weekly**: what the review is for)"
                        ),
                    );
                    Role::Unplaced
                }
            },
            Section::Phases => {
                if self.listed_phase(line, checkbox) {
                    Role::Done
                } else {
                    self.unplaced(
                        line,
                        format_args!("not a phase (write - [ ] Phase 3: GenServer — Q1)"),
                    );
                    Role::Unplaced
                }
            }
            Section::Budget => {
                if self.value_line(line, true) {
                    Role::Done
                } else {
                    self.unplaced_budget(line);
                    Role::Unplaced
                }
            }
            Section::Prose(heading) => {
                self.unplaced_prose(line, &heading);
                Role::Unplaced
            }
            Section::Top | Section::Lanes | Section::Other => {
                if let (
                    Some(Role::Task {
                        lane, block, task, ..
                    }),
                    None,
                ) = (parent, checkbox)
                {
                    // A plain bullet under a task is a detail of it.
                    self.append_notes(*lane, *block, *task, &format!("- {text}"), false);
                    return Role::Done;
                }
                if let Some(done) = checkbox {
                    return self.add_task(line, done);
                }
                if self.in_lane() {
                    return self.add_task(line, false);
                }
                if self.value_line(line, false) {
                    return Role::Done;
                }
                self.unplaced(
                    line,
                    format_args!(
                        "a list item outside any swimlane that is not a task (- [ ] …), hours \
                         or an amount"
                    ),
                );
                Role::Unplaced
            }
        }
    }

    fn item_more(&mut self, line: &Line, depth: usize, after_blank: bool) {
        let role = self.roles.get(depth.saturating_sub(1)).cloned();
        let text = line.text.trim();
        match role {
            Some(Role::Task {
                lane,
                block,
                task,
                in_notes,
            }) => {
                let in_notes = self.task_line(line, (lane, block, task), in_notes, after_blank);
                if let Some(Role::Task { in_notes: slot, .. }) =
                    self.roles.get_mut(depth.saturating_sub(1))
                {
                    *slot = in_notes;
                }
            }
            Some(Role::Goal(index)) => {
                if let Some(goal) = self.plan.goals.get_mut(index) {
                    // A goal wrapped over two lines by hand is one goal.
                    goal.push(' ');
                    goal.push_str(text);
                }
            }
            Some(Role::Metric { index, ticked }) => self.metric_line(line, index, ticked),
            Some(Role::Cadence(index)) => {
                if let Some(cadence) = self.plan.review_cadences.get_mut(index) {
                    if !cadence.purpose.is_empty() {
                        cadence.purpose.push(' ');
                    }
                    cadence.purpose.push_str(text);
                }
            }
            Some(Role::Unplaced) => self.unplaced(
                line,
                format_args!("continues a list item that could not be placed"),
            ),
            Some(Role::Done) | None => self.unplaced(
                line,
                format_args!("a further line of a list item, which has no place here"),
            ),
        }
    }

    /// A further line of a task: `**Due**:`, `**Done**:`, `**Phase**:` or
    /// `**Notes**:`, or else more notes. Returns whether notes have begun.
    fn task_line(
        &mut self,
        line: &Line,
        (lane, block, task): (usize, usize, usize),
        in_notes: bool,
        after_blank: bool,
    ) -> bool {
        let text = line.text.trim();
        if in_notes {
            self.append_notes(lane, block, task, text, after_blank);
            return true;
        }
        let Some((name, value)) = name_value(line) else {
            self.append_notes(lane, block, task, text, after_blank);
            return false;
        };
        let key = words(name);
        match key.as_str() {
            "notes" | "note" => {
                self.append_notes(lane, block, task, value, after_blank);
                true
            }
            "due" | "due date" | "due on" | "done" | "done on" | "completed" | "completed on" => {
                let is_due = key.starts_with("due");
                let date = match parse_date(value) {
                    Ok(date) => date,
                    Err(problem) => {
                        self.unplaced(line, format_args!("{problem}; kept in the task's notes"));
                        self.append_notes(lane, block, task, text, after_blank);
                        return false;
                    }
                };
                let entry = &mut self.plan.swimlanes[lane].blocks[block].tasks[task];
                if is_due {
                    entry.due = Some(date);
                } else if entry.done {
                    entry.done_on = Some(date);
                } else {
                    self.unplaced(
                        line,
                        format_args!(
                            "a done date on a task that is not ticked (- [x]); kept in its notes"
                        ),
                    );
                    self.append_notes(lane, block, task, text, after_blank);
                }
                false
            }
            "phase" => {
                match value.trim().parse::<PhaseNumber>() {
                    Ok(number) => self.task_phase_links.push((
                        lane,
                        block,
                        task,
                        number,
                        line.number,
                        line.offset,
                    )),
                    Err(_) => {
                        self.unplaced(
                            line,
                            format_args!("a phase is named by its number (**Phase**: 3); kept in the task's notes"),
                        );
                        self.append_notes(lane, block, task, text, after_blank);
                    }
                }
                false
            }
            _ => {
                self.append_notes(lane, block, task, text, after_blank);
                false
            }
        }
    }

    fn append_notes(&mut self, lane: usize, block: usize, task: usize, text: &str, blank: bool) {
        let Some(entry) = self
            .plan
            .swimlanes
            .get_mut(lane)
            .and_then(|lane| lane.blocks.get_mut(block))
            .and_then(|block| block.tasks.get_mut(task))
        else {
            return;
        };
        let notes = &mut entry.notes;
        if !notes.is_empty() {
            notes.push('\n');
            if blank {
                notes.push('\n');
            }
        }
        notes.push_str(text.trim());
    }

    // --- metrics, cadences, phases ------------------------------------------

    fn metric(&mut self, line: &Line, checkbox: Option<bool>) -> Role {
        let name = line.text.trim();
        if name.is_empty() {
            return Role::Done;
        }
        if self.plan.success_metrics.len() >= MAX_IMPORTED_EACH {
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} success metrics"),
            );
            return Role::Unplaced;
        }
        let ticked = checkbox == Some(true);
        let measure = guess_measure(name, ticked);
        let index = self.plan.success_metrics.len();
        self.plan.success_metrics.push(SuccessMetric {
            id: MetricId(index as u64 + 1),
            name: name.to_owned(),
            measure,
        });
        Role::Metric { index, ticked }
    }

    fn metric_line(&mut self, line: &Line, index: usize, ticked: bool) {
        let text = line.text.trim();
        let measured = name_value(line)
            .filter(|(name, _)| matches!(words(name).as_str(), "measured" | "measure"));
        let Some((_, value)) = measured else {
            if let Some(metric) = self.plan.success_metrics.get_mut(index) {
                // A metric wrapped over two lines by hand is one metric.
                metric.name.push(' ');
                metric.name.push_str(text);
            }
            return;
        };
        let measure = match parse_measure(value, ticked) {
            Ok(ParsedMeasure::Measure(measure)) => measure,
            Ok(ParsedMeasure::Lane(name)) => {
                self.metric_lanes
                    .push((index, name, line.number, line.offset));
                return;
            }
            Ok(ParsedMeasure::Clamped(measure, problem)) => {
                self.unplaced(line, format_args!("{problem}"));
                measure
            }
            Err(problem) => {
                self.unplaced(line, format_args!("{problem}"));
                return;
            }
        };
        if let Some(metric) = self.plan.success_metrics.get_mut(index) {
            metric.measure = measure;
        }
    }

    /// A review cadence line: `None` if it is not one, `Some(None)` if it
    /// is one the plan cannot take (reported), else the cadence's index.
    fn cadence(&mut self, line: &Line) -> Option<Option<usize>> {
        let (period, purpose) = match name_value(line) {
            Some((name, value)) => (period_named(name)?, value.trim().to_owned()),
            None => {
                // "Weekly progress check", without a colon.
                let text = line.text.trim();
                let first = text.split_whitespace().next().unwrap_or("");
                (period_named(first)?, text[first.len()..].trim().to_owned())
            }
        };
        if self
            .plan
            .review_cadences
            .iter()
            .any(|cadence| cadence.period == period)
        {
            self.unplaced(
                line,
                format_args!(
                    "a second {} cadence; a plan keeps one per period",
                    period.label().to_lowercase()
                ),
            );
            return Some(None);
        }
        self.plan
            .review_cadences
            .push(ReviewCadence { period, purpose });
        Some(Some(self.plan.review_cadences.len() - 1))
    }

    /// A line of the Phases section: `Phase 3: GenServer — Q1, in progress,
    /// started 2026-02-02`. Returns whether it was read.
    fn listed_phase(&mut self, line: &Line, checkbox: Option<bool>) -> bool {
        let text = line.text.trim();
        let (head, attributes) = match split_phase_attributes(text) {
            Some((head, attributes)) => (head, attributes),
            None => (text, PhaseAttributes::default()),
        };
        let named = match phase_mention(head) {
            Some(Ok(named)) => named,
            Some(Err(problem)) => {
                self.unplaced(line, format_args!("{problem}"));
                return true;
            }
            None => match bare_phase(head) {
                Some(named) => named,
                None => return false,
            },
        };
        for problem in &attributes.problems {
            self.unplaced(line, format_args!("{problem}"));
        }
        let status = attributes.status.unwrap_or(if checkbox == Some(true) {
            PhaseStatus::Done
        } else {
            PhaseStatus::NotStarted
        });
        let (started_on, mut done_on) = (attributes.started_on, attributes.done_on);
        if let (Some(started), Some(done)) = (started_on, done_on)
            && done < started
        {
            self.unplaced(
                line,
                format_args!(
                    "done on {done}, before it was started on {started}; the done date is left out"
                ),
            );
            done_on = None;
        }
        for (number, name) in named {
            let mut phase = new_phase(number, name, attributes.quarter.unwrap_or(Quarter::Q4));
            phase.status = status;
            phase.started_on = started_on;
            phase.done_on = done_on;
            self.listed_phases.push(NamedPhase {
                phase,
                line: line.number,
                offset: line.offset,
                quarter_given: attributes.quarter.is_some(),
            });
        }
        true
    }

    // --- hours, money, start date, currency --------------------------------

    /// Reads a `Name: value` line as weekly hours, a budget line, the start
    /// date or the currency. `in_budget` lets amounts and hours go without a
    /// symbol or "per week". Returns whether the line was read (including
    /// read and reported as unusable).
    fn value_line(&mut self, line: &Line, in_budget: bool) -> bool {
        let Some((name, value)) = name_value(line) else {
            return false;
        };
        let name = name.trim();
        if let Some(hours) = parse_hours(value) {
            return self.hours_line(line, name, &hours, in_budget);
        }
        match parse_money(value, in_budget) {
            MoneyParse::NotMoney => {}
            MoneyParse::Bad(problem) => {
                self.unplaced(line, format_args!("{problem}"));
                return true;
            }
            MoneyParse::Money(money) => {
                self.money_line(line, name, money);
                return true;
            }
        }
        let key = words(name);
        if START_LABELS.contains(&key.as_str()) {
            let start = self.plan.start_date;
            match parse_date(value) {
                Ok(date) if self.start_seen => self.unplaced(
                    line,
                    format_args!("a second start date ({date}); the plan starts on {start}"),
                ),
                Ok(date) => {
                    self.start_seen = true;
                    self.plan.start_date = date;
                }
                Err(problem) => {
                    self.unplaced(line, format_args!("{problem}; the plan starts on {start}"));
                }
            }
            return true;
        }
        if key == "currency" {
            let symbol = value.trim();
            if self.currency.is_some() {
                self.unplaced(
                    line,
                    format_args!("a second currency; the first one is kept"),
                );
            } else if symbol.chars().count() > MAX_SYMBOL_CHARS {
                self.unplaced(
                    line,
                    format_args!("not a currency symbol (write **Currency**: €)"),
                );
            } else {
                self.currency = Some(symbol.to_owned());
            }
            return true;
        }
        false
    }

    fn hours_line(
        &mut self,
        line: &Line,
        name: &str,
        hours: &HoursFigure,
        in_budget: bool,
    ) -> bool {
        match hours.per {
            HoursPer::Week => {}
            HoursPer::Unsaid if in_budget => {}
            HoursPer::Unsaid => return false,
            HoursPer::Other(period) => {
                self.unplaced(
                    line,
                    format_args!(
                        "hours per {period}: a time budget is hours per week (10 hours/week)"
                    ),
                );
                return true;
            }
        }
        let (mut min, mut max) = (hours.min, hours.max);
        let sane = |hours: f64| hours.is_finite() && (0.0..=MAX_WEEKLY_HOURS).contains(&hours);
        if !sane(min) || !sane(max) {
            self.unplaced(
                line,
                format_args!("a week has {MAX_WEEKLY_HOURS} hours; this target is left out"),
            );
            return true;
        }
        if min > max {
            self.unplaced(
                line,
                format_args!("the range runs backwards; read as {max}-{min} hours/week"),
            );
            std::mem::swap(&mut min, &mut max);
        }
        if self.plan.time_categories.len() >= MAX_IMPORTED_EACH {
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} time categories"),
            );
            return true;
        }
        let id = CategoryId(self.plan.time_categories.len() as u64 + 1);
        self.plan.time_categories.push(TimeCategory {
            id,
            name: name.to_owned(),
            weekly_min_hours: min,
            weekly_max_hours: max,
        });
        true
    }

    fn money_line(&mut self, line: &Line, name: &str, money: MoneyFigure) {
        if self.plan.budget_lines.len() >= MAX_IMPORTED_EACH {
            self.unplaced(
                line,
                format_args!("the plan already has {MAX_IMPORTED_EACH} budget lines"),
            );
            return;
        }
        let kind = match money.per {
            MoneyPer::Month => BudgetKind::Monthly { cents: money.cents },
            MoneyPer::Once => BudgetKind::OneTime {
                cap_cents: money.cents,
            },
            MoneyPer::Year => {
                self.unplaced(
                    line,
                    format_args!(
                        "a yearly amount, read as a one-time cap for the plan's year (budget \
                         lines are monthly or one-time)"
                    ),
                );
                BudgetKind::OneTime {
                    cap_cents: money.cents,
                }
            }
        };
        if !money.symbol.is_empty() {
            self.symbols.push(SymbolUse {
                symbol: money.symbol,
                line: line.number,
                offset: line.offset,
            });
        }
        let id = LineId(self.plan.budget_lines.len() as u64 + 1);
        self.plan.budget_lines.push(BudgetLine {
            id,
            name: name.to_owned(),
            kind,
        });
    }

    // --- the end --------------------------------------------------------------

    fn finish(mut self) -> MarkdownImport {
        self.leave_lanes();
        self.settle_phases();
        self.settle_links();
        self.settle_currency();
        let plan = self.plan;
        let mut report = self.report;
        match validate(&plan) {
            Ok(()) => MarkdownImport {
                plan,
                unplaced: report.finish(),
            },
            Err(error) => {
                // Every part is made valid as it is read, so this is a bug;
                // an empty plan and the reason beat an invalid one.
                report.add(
                    1,
                    "",
                    format_args!("the import made an invalid plan, so nothing was kept: {error}"),
                );
                MarkdownImport {
                    plan: Plan::empty(plan.title, plan.start_date),
                    unplaced: report.finish(),
                }
            }
        }
    }

    /// The phases: the Phases section when there is one (it lists them all),
    /// else the ones task lines name, first naming wins.
    fn settle_phases(&mut self) {
        let named = std::mem::take(&mut self.named_phases);
        let listed = std::mem::take(&mut self.listed_phases);
        // By number, so that a hostile list of 100,000 phases costs a lookup
        // each rather than a scan each.
        let mut index: HashMap<PhaseNumber, usize> = HashMap::new();
        let mut phases: Vec<Phase> = Vec::new();
        if self.phases_section_seen {
            let mut quarter_from_tasks: HashMap<PhaseNumber, Quarter> = HashMap::new();
            for entry in &named {
                quarter_from_tasks
                    .entry(entry.phase.number)
                    .or_insert(entry.phase.quarter);
            }
            for entry in listed {
                let number = entry.phase.number;
                if index.contains_key(&number) {
                    self.unplaced_at(
                        entry.line,
                        entry.offset,
                        format_args!("phase {number} is listed twice; the first is kept"),
                    );
                    continue;
                }
                let mut phase = entry.phase;
                if !entry.quarter_given {
                    let from_tasks = quarter_from_tasks.get(&number).copied();
                    phase.quarter = from_tasks.unwrap_or(Quarter::Q4);
                    if from_tasks.is_none() {
                        self.unplaced_at(
                            entry.line,
                            entry.offset,
                            format_args!("no quarter given (— Q2); planned for Q4"),
                        );
                    }
                }
                self.push_phase(&mut phases, &mut index, phase, entry.line, entry.offset);
            }
            for entry in named {
                if !index.contains_key(&entry.phase.number) {
                    self.unplaced_at(
                        entry.line,
                        entry.offset,
                        format_args!(
                            "names phase {}, which the Phases section does not list; the task \
                             is kept, the phase is not",
                            entry.phase.number
                        ),
                    );
                }
            }
        } else {
            for entry in named {
                if let Some(&at) = index.get(&entry.phase.number) {
                    let first_name = phases[at].name.clone();
                    if first_name != entry.phase.name {
                        self.unplaced_at(
                            entry.line,
                            entry.offset,
                            format_args!(
                                "names phase {} \"{}\", which an earlier line named \
                                 \"{first_name}\"; the first name is kept",
                                entry.phase.number, entry.phase.name
                            ),
                        );
                    }
                    continue;
                }
                self.push_phase(
                    &mut phases,
                    &mut index,
                    entry.phase,
                    entry.line,
                    entry.offset,
                );
            }
        }
        self.plan.phases = phases;
    }

    fn push_phase(
        &mut self,
        phases: &mut Vec<Phase>,
        index: &mut HashMap<PhaseNumber, usize>,
        phase: Phase,
        line: usize,
        offset: usize,
    ) {
        if phases.len() >= MAX_IMPORTED_EACH {
            self.unplaced_at(
                line,
                offset,
                format_args!("the plan already has {MAX_IMPORTED_EACH} phases"),
            );
            return;
        }
        index.insert(phase.number, phases.len());
        phases.push(phase);
    }

    fn settle_links(&mut self) {
        let numbers: HashSet<PhaseNumber> = self.plan.phases.iter().map(|p| p.number).collect();
        for (lane, block, task, number, line, offset) in std::mem::take(&mut self.task_phase_links)
        {
            if numbers.contains(&number) {
                if let Some(task) = self
                    .plan
                    .swimlanes
                    .get_mut(lane)
                    .and_then(|lane| lane.blocks.get_mut(block))
                    .and_then(|block| block.tasks.get_mut(task))
                {
                    task.phase = Some(number);
                }
            } else {
                self.unplaced_at(
                    line,
                    offset,
                    format_args!("the plan has no phase {number}; the task is kept without it"),
                );
            }
        }
        // The first lane of a name wins, as its name is all a metric gives.
        let mut lanes: HashMap<&str, LaneId> = HashMap::new();
        let mut lanes_any_case: HashMap<String, LaneId> = HashMap::new();
        for lane in &self.plan.swimlanes {
            lanes.entry(lane.name.as_str()).or_insert(lane.id);
            lanes_any_case
                .entry(lane.name.to_lowercase())
                .or_insert(lane.id);
        }
        let mut resolved = Vec::new();
        for (index, name, line, offset) in std::mem::take(&mut self.metric_lanes) {
            let lane = lanes
                .get(name.as_str())
                .or_else(|| lanes_any_case.get(&name.to_lowercase()))
                .copied();
            resolved.push((index, name, line, offset, lane));
        }
        for (index, name, line, offset, lane) in resolved {
            match (lane, self.plan.success_metrics.get_mut(index)) {
                (Some(lane), Some(metric)) => {
                    metric.measure = MetricMeasure::LaneTasksDone { lane };
                }
                _ => self.unplaced_at(
                    line,
                    offset,
                    format_args!(
                        "the plan has no lane named \"{name}\"; the metric is ticked by hand"
                    ),
                ),
            }
        }
    }

    fn settle_currency(&mut self) {
        let symbol = match (&self.currency, self.symbols.first()) {
            (Some(symbol), _) => symbol.clone(),
            (None, Some(first)) => first.symbol.clone(),
            (None, None) => return,
        };
        for used in std::mem::take(&mut self.symbols) {
            if used.symbol != symbol {
                self.unplaced_at(
                    used.line,
                    used.offset,
                    format_args!(
                        "written in {} but the plan's currency is {symbol}; the amount is kept \
                         as it is, in {symbol}",
                        used.symbol
                    ),
                );
            }
        }
        self.plan.currency_symbol = symbol;
    }
}

/// A phase named by a task line: planned for the block's last quarter, and
/// done when the task that names it is ticked ("- [x] Complete Phases 0-3
/// (…)" says those phases are complete).
fn named_phase(number: PhaseNumber, name: String, quarter: Quarter, done: bool) -> Phase {
    let status = if done {
        PhaseStatus::Done
    } else {
        PhaseStatus::NotStarted
    };
    Phase {
        status,
        ..new_phase(number, name, quarter)
    }
}

fn new_phase(number: PhaseNumber, name: String, quarter: Quarter) -> Phase {
    Phase {
        number,
        name,
        quarter,
        status: PhaseStatus::NotStarted,
        started_on: None,
        done_on: None,
    }
}

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

/// `text` in lower case, with every run of anything but letters and digits
/// made one space, trimmed: "## 🎯 Success Metrics:" → "success metrics".
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

fn classify_heading(text: &str) -> Section {
    let key = words(text);
    let has = |options: &[&str]| key.split(' ').any(|word| options.contains(&word));
    if has(&[
        "swimlanes",
        "swimlane",
        "lanes",
        "roadmap",
        "workstreams",
        "streams",
    ]) {
        Section::Lanes
    } else if has(&["goals", "goal", "objectives", "objective", "aims"]) {
        Section::Goals
    } else if has(&["metrics", "metric", "kpis", "kpi", "success", "criteria"]) {
        Section::Metrics
    } else if has(&["review", "reviews", "cadence", "cadences", "rituals"]) {
        Section::Reviews
    } else if has(&[
        "budget",
        "budgets",
        "financial",
        "finances",
        "money",
        "costs",
        "spending",
        "time",
        "hours",
    ]) {
        Section::Budget
    } else if key == "phases" || key == "learning phases" {
        Section::Phases
    } else if has(&[
        "overview",
        "summary",
        "introduction",
        "intro",
        "background",
        "context",
        "notes",
        "appendix",
        "risks",
        "assumptions",
        "references",
        "links",
        "about",
        "changelog",
    ]) {
        Section::Prose(text.trim().to_owned())
    } else {
        Section::Other
    }
}

/// The label and value of a `**Label**: value` or `Label: value` line.
fn name_value(line: &Line) -> Option<(&str, &str)> {
    let text = line.text.as_str();
    if let Some(end) = line.label_end {
        let name = text.get(..end)?.trim();
        let rest = text.get(end..)?.trim_start();
        if let Some(name) = name.strip_suffix(':') {
            return Some((name.trim(), rest));
        }
        if let Some(value) = rest.strip_prefix(':') {
            return Some((name, value.trim()));
        }
        for dash in ["—", "–", "-"] {
            if let Some(value) = rest.strip_prefix(dash) {
                return Some((name, value.trim()));
            }
        }
        if rest.is_empty() {
            return Some((name, ""));
        }
        return None;
    }
    if let Some((name, value)) = text.split_once(':') {
        return Some((name.trim(), value.trim()));
    }
    for dash in [" — ", " – ", " - "] {
        if let Some((name, value)) = text.split_once(dash) {
            return Some((name.trim(), value.trim()));
        }
    }
    None
}

const START_LABELS: [&str; 8] = [
    "start",
    "starts",
    "start date",
    "starting",
    "plan start",
    "year start",
    "begins",
    "starts on",
];

/// A `YYYY-MM-DD` date within the years a plan accepts.
fn parse_date(value: &str) -> Result<NaiveDate, String> {
    let value = value.trim();
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("\"{}\" is not a date written YYYY-MM-DD", quoted(value)))?;
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!("{date} is outside the years {MIN_YEAR}–{MAX_YEAR}"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct QuarterSpan {
    first: Quarter,
    last: Quarter,
    reversed: bool,
}

fn span_label(first: Quarter, last: Quarter) -> String {
    if first == last {
        first.label().to_owned()
    } else {
        format!("{first}-{last}")
    }
}

/// A quarter or span of quarters standing alone: `Q1`, `Q1-Q2`, `Q2 – Q4`,
/// `Q1 to Q3`, `Q3 2026`, `Q1 (Jan–Mar)`, `H2` (Q3–Q4).
fn quarter_span(text: &str) -> Option<QuarterSpan> {
    let text = text.trim().trim_end_matches(':').trim_end();
    let lower = text.to_ascii_lowercase();
    let (first, last, rest) = if let Some((half, rest)) = half_at(&lower) {
        (half.0, half.1, rest)
    } else {
        let (first, mut rest) = quarter_at(&lower)?;
        let mut last = first;
        let after_first = rest.trim_start();
        for separator in ["-", "–", "—", "..", "to ", "through ", "/", "&", "+"] {
            if let Some(after) = after_first.strip_prefix(separator) {
                let after = after.trim_start();
                let second = quarter_at(after).or_else(|| bare_quarter_at(after));
                if let Some((quarter, after)) = second {
                    last = quarter;
                    rest = after;
                }
                break;
            }
        }
        (first, last, rest)
    };
    if !quiet_tail(rest) {
        return None;
    }
    Some(if first <= last {
        QuarterSpan {
            first,
            last,
            reversed: false,
        }
    } else {
        QuarterSpan {
            first: last,
            last: first,
            reversed: true,
        }
    })
}

fn quarter_from_digit(digit: u8) -> Option<Quarter> {
    match digit {
        b'1' => Some(Quarter::Q1),
        b'2' => Some(Quarter::Q2),
        b'3' => Some(Quarter::Q3),
        b'4' => Some(Quarter::Q4),
        _ => None,
    }
}

/// `q1`…`q4` at the start of `text` (lower case), not followed by a digit.
fn quarter_at(text: &str) -> Option<(Quarter, &str)> {
    let rest = text.strip_prefix('q')?;
    bare_quarter_at(rest)
}

fn bare_quarter_at(text: &str) -> Option<(Quarter, &str)> {
    let bytes = text.as_bytes();
    let quarter = quarter_from_digit(*bytes.first()?)?;
    if bytes.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((quarter, &text[1..]))
}

/// `h1` (Q1–Q2) or `h2` (Q3–Q4) at the start of `text` (lower case).
fn half_at(text: &str) -> Option<((Quarter, Quarter), &str)> {
    let rest = text.strip_prefix('h')?;
    let bytes = rest.as_bytes();
    if bytes.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    match bytes.first()? {
        b'1' => Some(((Quarter::Q1, Quarter::Q2), &rest[1..])),
        b'2' => Some(((Quarter::Q3, Quarter::Q4), &rest[1..])),
        _ => None,
    }
}

/// What may follow a quarter marker: nothing, a year, a parenthesis
/// ("(Jan–Mar)"), or a year and a parenthesis. Anything else means the line
/// is a sentence that happens to start with "Q1".
fn quiet_tail(rest: &str) -> bool {
    let mut rest = rest.trim();
    let year_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if year_digits == 4 {
        rest = rest[4..].trim_start();
    } else if year_digits > 0 {
        return false;
    }
    match rest.strip_prefix('(') {
        Some(inner) => matching_parenthesis(inner).is_some_and(|inner| !inner.trim().is_empty()),
        None => rest.is_empty(),
    }
}

/// "Core (Foundation Building)" → ("Core", "Foundation Building"); a name
/// alone has no subtitle. Export writes "Name ()" for a name that itself
/// ends in a parenthesis, so it reads back whole.
fn split_lane_heading(text: &str) -> (String, String) {
    let text = text.trim();
    if text.ends_with(')') {
        let mut depth = 0usize;
        for (at, c) in text.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let name = text[..at].trim();
                        let subtitle = text[at + 1..text.len() - 1].trim();
                        return (name.to_owned(), subtitle.to_owned());
                    }
                }
                _ => {}
            }
        }
    }
    (text.to_owned(), String::new())
}

/// A number with an optional decimal part (`7.5` or `7,5`) at the start of
/// `text`, and what follows it.
fn number_at(text: &str) -> Option<(f64, &str)> {
    let bytes = text.as_bytes();
    let mut end = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if end == 0 {
        return None;
    }
    if matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1;
        end += bytes[end..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
    }
    let number = text[..end].replace(',', ".").parse::<f64>().ok()?;
    Some((number, &text[end..]))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HoursPer {
    Week,
    /// No period: a week in a budget section, nothing elsewhere.
    Unsaid,
    Other(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct HoursFigure {
    min: f64,
    max: f64,
    per: HoursPer,
}

/// Hours as plans write them: `15-20 hours/week`, `5 hours per week`,
/// `10 h/week`, `10–15 hrs a week`, `~8h weekly`.
fn parse_hours(value: &str) -> Option<HoursFigure> {
    let lower = value.trim().to_ascii_lowercase();
    let mut rest = lower.trim_start_matches(['~', '≈']).trim_start();
    for about in [
        "about ",
        "around ",
        "approx. ",
        "approx ",
        "approximately ",
        "ca. ",
    ] {
        if let Some(after) = rest.strip_prefix(about) {
            rest = after.trim_start();
        }
    }
    let (min, after) = number_at(rest)?;
    rest = after.trim_start();
    let mut max = min;
    for separator in ["-", "–", "—", "to "] {
        if let Some(after) = rest.strip_prefix(separator)
            && let Some((number, after)) = number_at(after.trim_start())
        {
            max = number;
            rest = after.trim_start();
            break;
        }
    }
    let mut unit_found = false;
    for unit in ["hours", "hour", "hrs", "hr", "h"] {
        if let Some(after) = rest.strip_prefix(unit)
            && !after.starts_with(|c: char| c.is_alphabetic())
        {
            rest = after.trim_start();
            unit_found = true;
            break;
        }
    }
    if !unit_found {
        return None;
    }
    let per = period_word(rest)?;
    let per = match per {
        "" => HoursPer::Unsaid,
        "week" => HoursPer::Week,
        other => HoursPer::Other(other),
    };
    Some(HoursFigure { min, max, per })
}

/// The period after a figure: "/week", "per month", "a year", "weekly"…
/// as "week", "month", "year", "day", "quarter", or "" for none. `None` when
/// something else follows.
fn period_word(rest: &str) -> Option<&'static str> {
    let mut rest = rest.trim().trim_end_matches('.').trim();
    if rest.starts_with('(') && rest.ends_with(')') {
        rest = rest[1..rest.len() - 1].trim();
    }
    let mut rest = rest.trim_start_matches('/').trim_start();
    for prefix in ["per ", "a ", "an ", "each ", "every ", "/ "] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
            break;
        }
    }
    let period = match rest {
        "" => "",
        "week" | "wk" | "w" | "weekly" | "pw" => "week",
        "month" | "mo" | "mth" | "m" | "monthly" | "pm" | "p/m" | "p.m" => "month",
        "year" | "yr" | "y" | "yearly" | "annually" | "annum" | "pa" | "p.a" => "year",
        "day" | "d" | "daily" => "day",
        "quarter" | "q" | "quarterly" => "quarter",
        _ => return None,
    };
    Some(period)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MoneyPer {
    Month,
    Once,
    Year,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct MoneyFigure {
    cents: i64,
    symbol: String,
    per: MoneyPer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum MoneyParse {
    NotMoney,
    Money(MoneyFigure),
    Bad(String),
}

/// Amounts as plans write them: `$500`, `$100/month`, `$1,200 per month`,
/// `€50/month`, `50 €/month`, `CHF 80 monthly`, `$500 (one-time)`.
/// Outside a budget section an amount needs a symbol or a period, so that
/// "Team size: 5" is not read as money.
fn parse_money(value: &str, in_budget: bool) -> MoneyParse {
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

/// "Weekly", "Monthly review", "Every quarter"… as a review period.
fn period_named(name: &str) -> Option<Period> {
    let key = words(name);
    let key = key
        .strip_suffix(" reviews")
        .or_else(|| key.strip_suffix(" review"))
        .or_else(|| key.strip_suffix(" check in"))
        .unwrap_or(&key);
    match key {
        "weekly" | "every week" | "each week" | "week" => Some(Period::Weekly),
        "monthly" | "every month" | "each month" | "month" => Some(Period::Monthly),
        "quarterly" | "every quarter" | "each quarter" | "quarter" => Some(Period::Quarterly),
        _ => None,
    }
}

/// Phases named in a task title: "Complete Phases 0-3 (Tooling, Core
/// Elixir, Processes, GenServer)", "Phase 3: GenServer", "Phases 4, 5
/// (Fleets, Ecto)", "Phase 2 – Rollout". Only a mention with names counts,
/// so "Phase 2 rollout" or "phased delivery" names no phase. `Err` is a
/// mention that could not be read, with the reason.
fn phase_mention(title: &str) -> Option<Result<Vec<(PhaseNumber, String)>, String>> {
    let lower = title.to_ascii_lowercase();
    let mut search = 0;
    let numbers_start = loop {
        let found = search + lower.get(search..)?.find("phase")?;
        search = found + 5;
        let word_start = lower[..found]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &lower[found + 5..];
        let after = after.strip_prefix('s').unwrap_or(after);
        let spaced = after.starts_with(char::is_whitespace);
        if word_start && spaced && after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            break title.len() - after.trim_start().len();
        }
    };
    let (numbers, rest) = match phase_numbers(&title[numbers_start..]) {
        Ok(read) => read,
        Err(problem) => return Some(Err(problem)),
    };
    let rest = rest.trim_start();
    let names: Vec<String> = if let Some(inner) = rest.strip_prefix('(') {
        let inner = matching_parenthesis(inner)?;
        inner
            .split(',')
            .map(|name| {
                let name = name.trim();
                name.strip_prefix("and ").unwrap_or(name).trim().to_owned()
            })
            .collect()
    } else if let Some(after) = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('-'))
    {
        let after = after.trim();
        if numbers.len() == 1 {
            vec![after.to_owned()]
        } else {
            after
                .split(',')
                .map(|name| name.trim().to_owned())
                .collect()
        }
    } else {
        return None;
    };
    if names.len() != numbers.len() {
        return Some(Err(format!(
            "it numbers {} phases but names {}",
            numbers.len(),
            names.len()
        )));
    }
    Some(Ok(numbers.into_iter().zip(names).collect()))
}

/// "Phase 3" with no name, as a Phases section may list it: named "Phase 3".
fn bare_phase(text: &str) -> Option<Vec<(PhaseNumber, String)>> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("phase")?;
    let rest = rest.trim_start();
    let number: PhaseNumber = rest.parse().ok()?;
    Some(vec![(number, format!("Phase {number}"))])
}

/// The text inside a parenthesis whose opening has been read: up to the
/// matching close, which must end the text (bar spaces and a full stop).
fn matching_parenthesis(inner: &str) -> Option<&str> {
    let mut depth = 1usize;
    for (at, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let after = inner[at + 1..].trim().trim_end_matches('.');
                    return after.is_empty().then_some(&inner[..at]);
                }
            }
            _ => {}
        }
    }
    None
}

/// "0-3", "4, 5 and 6", "11 to 14" at the start of `text`: the numbers, and
/// what follows them.
fn phase_numbers(text: &str) -> Result<(Vec<PhaseNumber>, &str), String> {
    let read_number = |text: &str| -> Option<(PhaseNumber, usize)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        text[..digits].parse().ok().map(|number| (number, digits))
    };
    let Some((first, used)) = read_number(text) else {
        return Err("the phase number is too large".to_owned());
    };
    let mut rest = &text[used..];
    let after = rest.trim_start();
    for separator in ["-", "–", "—", "to ", "through "] {
        if let Some(second) = after.strip_prefix(separator) {
            let second = second.trim_start();
            if let Some((last, used)) = read_number(second) {
                if last < first {
                    return Err(format!("the phases {first}-{last} run backwards"));
                }
                if last - first >= MAX_PHASES_PER_LINE {
                    return Err(format!(
                        "{first}-{last} is more than {MAX_PHASES_PER_LINE} phases"
                    ));
                }
                return Ok(((first..=last).collect(), &second[used..]));
            }
        }
    }
    let mut numbers = vec![first];
    loop {
        let after = rest.trim_start();
        let next = [",", "and ", "&"]
            .iter()
            .find_map(|separator| after.strip_prefix(separator))
            .map(str::trim_start)
            .and_then(|next| read_number(next).map(|(number, used)| (number, &next[used..])));
        match next {
            Some((number, after)) if numbers.len() < MAX_PHASES_PER_LINE as usize => {
                numbers.push(number);
                rest = after;
            }
            Some(_) => {
                return Err(format!(
                    "more than {MAX_PHASES_PER_LINE} phases on one line"
                ));
            }
            None => break,
        }
    }
    Ok((numbers, rest))
}

#[derive(Default)]
struct PhaseAttributes {
    quarter: Option<Quarter>,
    status: Option<PhaseStatus>,
    started_on: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    problems: Vec<String>,
}

/// "Phase 3: GenServer — Q1, in progress, started 2026-02-02": the phase
/// and its attributes, when what follows the last dash reads as attributes.
fn split_phase_attributes(text: &str) -> Option<(&str, PhaseAttributes)> {
    let (at, dash) = [" — ", " – "]
        .iter()
        .filter_map(|dash| text.rfind(dash).map(|at| (at, dash.len())))
        .max_by_key(|(at, _)| *at)?;
    let head = &text[..at];
    let tail = &text[at + dash..];
    let mut attributes = PhaseAttributes::default();
    for part in tail.split(',') {
        let part = part.trim();
        let lower = part.to_ascii_lowercase();
        if let Some(span) = quarter_span(part).filter(|span| span.first == span.last) {
            attributes.quarter = Some(span.first);
        } else if lower == "not started" {
            attributes.status = Some(PhaseStatus::NotStarted);
        } else if lower == "in progress" || lower == "started" {
            attributes.status = Some(PhaseStatus::InProgress);
        } else if lower == "done" || lower == "completed" {
            attributes.status = Some(PhaseStatus::Done);
        } else if let Some(date) = lower.strip_prefix("started ") {
            match parse_date(date) {
                Ok(date) => attributes.started_on = Some(date),
                Err(problem) => attributes
                    .problems
                    .push(format!("the start date: {problem}")),
            }
        } else if let Some(date) = lower
            .strip_prefix("done ")
            .or_else(|| lower.strip_prefix("completed "))
        {
            match parse_date(date) {
                Ok(date) => attributes.done_on = Some(date),
                Err(problem) => attributes
                    .problems
                    .push(format!("the done date: {problem}")),
            }
        } else {
            // Not attributes after all: the dash is part of the name.
            return None;
        }
    }
    Some((head, attributes))
}

/// What "All 15 phases completed" means without being told: phases done
/// out of all phases. Anything else is ticked by hand.
fn guess_measure(name: &str, ticked: bool) -> MetricMeasure {
    let key = words(name);
    let about_phases = key.starts_with("all ")
        && key.split(' ').any(|word| word == "phases")
        && key
            .split(' ')
            .any(|word| matches!(word, "completed" | "complete" | "done" | "finished"));
    if about_phases {
        MetricMeasure::PhasesDone
    } else {
        MetricMeasure::Manual { done: ticked }
    }
}

enum ParsedMeasure {
    Measure(MetricMeasure),
    /// Tasks done in the lane of this name, resolved once all lanes are read.
    Lane(String),
    Clamped(MetricMeasure, String),
}

/// The `**Measured**:` line of a metric, as export writes it.
fn parse_measure(value: &str, ticked: bool) -> Result<ParsedMeasure, String> {
    let key = words(value);
    if matches!(key.as_str(), "by hand" | "manual" | "manually") {
        return Ok(ParsedMeasure::Measure(MetricMeasure::Manual {
            done: ticked,
        }));
    }
    if matches!(key.as_str(), "phases done" | "phases completed") {
        return Ok(ParsedMeasure::Measure(MetricMeasure::PhasesDone));
    }
    if let Some(lane) = value
        .trim()
        .strip_prefix("tasks done in the lane")
        .or_else(|| value.trim().strip_prefix("tasks done in lane"))
        .filter(|lane| lane.is_empty() || lane.starts_with(char::is_whitespace))
    {
        return Ok(ParsedMeasure::Lane(lane.trim().to_owned()));
    }
    let number = key
        .split(' ')
        .find_map(|word| word.parse::<u64>().ok())
        .ok_or_else(|| unknown_measure(value))?;
    let (measure, max, unit): (fn(u32) -> MetricMeasure, u32, &str) = if key.contains("week") {
        (
            |weeks| MetricMeasure::WeeksInRange { weeks },
            MAX_METRIC_WEEKS,
            "weeks",
        )
    } else if key.contains("month") {
        (
            |months| MetricMeasure::MonthsWithinRunRate { months },
            MAX_METRIC_MONTHS,
            "months",
        )
    } else {
        return Err(unknown_measure(value));
    };
    let clamped = number.clamp(1, u64::from(max));
    let count = u32::try_from(clamped).unwrap_or(max);
    if clamped == number {
        Ok(ParsedMeasure::Measure(measure(count)))
    } else {
        Ok(ParsedMeasure::Clamped(
            measure(count),
            format!("a metric looks back 1 to {max} {unit}; read as {count}"),
        ))
    }
}

fn unknown_measure(value: &str) -> String {
    format!(
        "\"{}\" is not a measure Yearplan knows (by hand, phases done, tasks done in lane NAME, \
         weeks in range over the last N weeks, months within the run-rate over the last N months)",
        quoted(value)
    )
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/// What the header comment of an export says, so that a reader of the file
/// knows what it holds and what it leaves out.
const EXPORT_HEADER: &str = "<!--
Exported by Yearplan. This Markdown holds the plan itself: goals, swimlanes
with their quarters and tasks (ticked or not, with due and done dates, phases
and notes), phases, weekly hours, budget lines, success metrics and review
cadences. It does not hold the time entries, expenses or reviews logged
against the plan: those stay in the plan file (the time log and the expenses
export to CSV). Read it back with: yearplan import THIS.md -o PLAN.ron
-->
";

/// The plan as Markdown in the seed's shape, which [`import_markdown`]
/// reads back into the same plan (ids renumbered 1, 2, 3… in order), less
/// its time entries, expenses and reviews.
pub fn export_markdown(plan: &Plan) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(EXPORT_HEADER);
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(out, "{}", heading_line(1, &plan.title));
    let _ = writeln!(out, "**Start**: {}", plan.start_date);

    if !plan.goals.is_empty() {
        out.push_str("\n## Goals\n");
        for goal in &plan.goals {
            let _ = writeln!(out, "- {}", escape(goal));
        }
    }

    if !plan.swimlanes.is_empty() {
        out.push_str("\n## Swimlanes\n");
        let phases: HashSet<PhaseNumber> = plan.phases.iter().map(|p| p.number).collect();
        for lane in &plan.swimlanes {
            write_lane(&mut out, &phases, lane);
        }
    }

    if phases_named_by_tasks(plan) != plan.phases {
        out.push_str("\n## Phases\n");
        for phase in &plan.phases {
            write_phase(&mut out, phase);
        }
    }

    write_budget(&mut out, plan);

    if !plan.success_metrics.is_empty() {
        out.push_str("\n## Success Metrics\n");
        let mut lanes: HashMap<LaneId, &str> = HashMap::new();
        for lane in &plan.swimlanes {
            lanes.entry(lane.id).or_insert(lane.name.as_str());
        }
        for metric in &plan.success_metrics {
            write_metric(&mut out, &lanes, metric);
        }
    }

    if !plan.review_cadences.is_empty() {
        out.push_str("\n## Review Cadence\n");
        for cadence in &plan.review_cadences {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                cadence.period.label(),
                escape(&cadence.purpose)
            );
        }
    }
    out
}

fn write_lane(out: &mut String, phases: &HashSet<PhaseNumber>, lane: &Swimlane) {
    let name = one_line(&lane.name);
    let subtitle = one_line(&lane.subtitle);
    let heading = if !subtitle.is_empty() {
        format!("{name} ({subtitle})")
    } else if name.ends_with(')') {
        // Without this, "Ops (EU)" would read back as lane Ops, subtitle EU.
        format!("{name} ()")
    } else {
        name
    };
    let _ = writeln!(out, "\n{}", heading_line(3, &heading));
    for (index, block) in lane.blocks.iter().enumerate() {
        if index > 0 {
            // Without the blank line the marker would continue the last task.
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "**{}**",
            span_label(block.first_quarter, block.last_quarter)
        );
        for task in &block.tasks {
            write_task(out, phases, task);
        }
    }
}

fn write_task(out: &mut String, phases: &HashSet<PhaseNumber>, task: &Task) {
    let tick = if task.done { 'x' } else { ' ' };
    let title = escape(&task.title);
    if title.is_empty() {
        let _ = writeln!(out, "- [{tick}]");
    } else {
        let _ = writeln!(out, "- [{tick}] {title}");
    }
    if let Some(due) = task.due {
        let _ = writeln!(out, "  **Due**: {due}");
    }
    if let Some(done_on) = task.done_on {
        let _ = writeln!(out, "  **Done**: {done_on}");
    }
    if let Some(number) = task.phase
        && phases.contains(&number)
    {
        let _ = writeln!(out, "  **Phase**: {number}");
    }
    let notes = task.notes.trim();
    if !notes.is_empty() {
        let mut first = true;
        let mut blank = false;
        for note in notes.lines() {
            let note = escape(note);
            if note.is_empty() {
                blank = true;
                continue;
            }
            if first {
                let _ = writeln!(out, "  **Notes**: {note}");
                first = false;
            } else {
                if blank {
                    // A blank line and an indented line: a new paragraph of
                    // the same item, which import reads as a blank line.
                    out.push('\n');
                }
                let _ = writeln!(out, "  {note}");
            }
            blank = false;
        }
    }
}

fn write_phase(out: &mut String, phase: &Phase) {
    let tick = if phase.status == PhaseStatus::Done {
        'x'
    } else {
        ' '
    };
    let mut attributes = vec![phase.quarter.label().to_owned()];
    if phase.status == PhaseStatus::InProgress {
        attributes.push("in progress".to_owned());
    }
    if let Some(started) = phase.started_on {
        attributes.push(format!("started {started}"));
    }
    if let Some(done) = phase.done_on {
        attributes.push(format!("done {done}"));
    }
    let _ = writeln!(
        out,
        "- [{tick}] Phase {}: {} — {}",
        phase.number,
        escape(&phase.name),
        attributes.join(", ")
    );
}

fn write_budget(out: &mut String, plan: &Plan) {
    let symbol = plan.currency_symbol.as_str();
    // A symbol import would not read back next to an amount ("", "#") is
    // said once, and the amounts are written bare.
    let readable = matches!(
        parse_money(&money_text(12_345, symbol), false),
        MoneyParse::Money(money) if money.symbol == symbol
    );
    let needs_currency = if plan.budget_lines.is_empty() {
        symbol != "$"
    } else {
        !readable
    };
    let written_symbol = if readable { symbol } else { "" };
    if plan.time_categories.is_empty() && plan.budget_lines.is_empty() && !needs_currency {
        return;
    }
    out.push_str("\n## Budget\n");
    if !plan.time_categories.is_empty() {
        out.push_str("\n### Time Budget\n");
        for category in &plan.time_categories {
            let (min, max) = (category.weekly_min_hours, category.weekly_max_hours);
            let hours = if min == max {
                format!("{min}")
            } else {
                format!("{min}-{max}")
            };
            let _ = writeln!(out, "- {}{hours} hours/week", label(&category.name));
        }
    }
    if !plan.budget_lines.is_empty() || needs_currency {
        out.push_str("\n### Financial Budget\n");
        if needs_currency {
            let _ = writeln!(out, "- **Currency**: {}", escape(symbol));
        }
        for line in &plan.budget_lines {
            let amount = money_text(budget_cents(line.kind), written_symbol);
            let per = match line.kind {
                BudgetKind::Monthly { .. } => "/month",
                BudgetKind::OneTime { .. } => "",
            };
            let _ = writeln!(out, "- {}{amount}{per}", label(&line.name));
        }
    }
}

fn budget_cents(kind: BudgetKind) -> i64 {
    match kind {
        BudgetKind::Monthly { cents } => cents,
        BudgetKind::OneTime { cap_cents } => cap_cents,
    }
}

/// "$1,200" or "$12.50": whole amounts without cents, as the seed writes them.
fn money_text(cents: i64, symbol: &str) -> String {
    let text = format_cents(cents, symbol);
    match text.strip_suffix(".00") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// `**Name**: ` before a value, or `: ` alone for an unnamed line (bold
/// around nothing is not bold).
fn label(name: &str) -> String {
    let name = escape(name);
    if name.is_empty() {
        ": ".to_owned()
    } else {
        format!("**{name}**: ")
    }
}

fn write_metric(out: &mut String, lanes: &HashMap<LaneId, &str>, metric: &SuccessMetric) {
    let ticked = matches!(metric.measure, MetricMeasure::Manual { done: true });
    let tick = if ticked { 'x' } else { ' ' };
    let _ = writeln!(out, "- [{tick}] {}", escape(&metric.name));
    if guess_measure(&metric.name, ticked) == metric.measure {
        return;
    }
    let measured = match metric.measure {
        MetricMeasure::Manual { .. } => "by hand".to_owned(),
        MetricMeasure::PhasesDone => "phases done".to_owned(),
        MetricMeasure::LaneTasksDone { lane } => match lanes.get(&lane) {
            Some(name) => format!("tasks done in lane {}", escape(name)),
            None => "by hand".to_owned(),
        },
        MetricMeasure::WeeksInRange { weeks } => {
            format!("weeks in range over the last {weeks} weeks")
        }
        MetricMeasure::MonthsWithinRunRate { months } => {
            format!("months within the run-rate over the last {months} months")
        }
    };
    let _ = writeln!(out, "  **Measured**: {measured}");
}

/// The phases that the plan's task lines name, as import would read them;
/// when they are the plan's phases, export needs no Phases section.
fn phases_named_by_tasks(plan: &Plan) -> Vec<Phase> {
    let mut phases: Vec<Phase> = Vec::new();
    let mut seen: HashSet<PhaseNumber> = HashSet::new();
    for lane in &plan.swimlanes {
        for block in &lane.blocks {
            for task in &block.tasks {
                if let Some(Ok(named)) = phase_mention(task.title.trim()) {
                    for (number, name) in named {
                        if seen.insert(number) {
                            phases.push(named_phase(number, name, block.last_quarter, task.done));
                        }
                    }
                }
            }
        }
    }
    phases
}

fn heading_line(level: usize, text: &str) -> String {
    let mut text = escape(text);
    if text.ends_with('#') {
        // A closing run of #s is not part of a heading's text.
        text.pop();
        text.push_str("\\#");
    }
    let hashes = "#".repeat(level);
    if text.is_empty() {
        hashes
    } else {
        format!("{hashes} {text}")
    }
}

/// `text` on one line, trimmed.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as Markdown that reads back as exactly `text` (trimmed, on one
/// line). Only what Markdown would read as markup is escaped, so ordinary
/// titles ("Security tooling (Sobelow, mix_audit)") stay as they are.
fn escape(text: &str) -> String {
    let text = one_line(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (at, &c) in chars.iter().enumerate() {
        let escaped = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' => true,
            // Inside a word an underscore is never emphasis.
            '_' => {
                let before = at > 0 && chars[at - 1].is_alphanumeric();
                let after = chars.get(at + 1).is_some_and(|c| c.is_alphanumeric());
                !(before && after)
            }
            '&' => entity_follows(&chars[at + 1..]),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    escape_line_start(out)
}

/// Whether `&` followed by `rest` would read as an entity (`&amp;`, `&#38;`).
fn entity_follows(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escapes what would make the start of a line a heading, a quote, a list
/// item, a fence or a rule.
fn escape_line_start(text: String) -> String {
    let Some(first) = text.chars().next() else {
        return text;
    };
    if matches!(first, '#' | '>' | '-' | '+' | '=' | '~' | '|') {
        return format!("\\{text}");
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn span(text: &str) -> Option<(Quarter, Quarter, bool)> {
        quarter_span(text).map(|span| (span.first, span.last, span.reversed))
    }

    #[test]
    fn quarter_markers_in_the_ways_people_write_them() {
        use Quarter::{Q1, Q2, Q3, Q4};
        assert_eq!(span("Q1"), Some((Q1, Q1, false)));
        assert_eq!(span("Q1-Q2"), Some((Q1, Q2, false)));
        assert_eq!(span("q2 – q4"), Some((Q2, Q4, false)));
        assert_eq!(span("Q1 to Q3:"), Some((Q1, Q3, false)));
        assert_eq!(span("Q2-4"), Some((Q2, Q4, false)));
        assert_eq!(span("Q3 2026"), Some((Q3, Q3, false)));
        assert_eq!(span("Q1 (Jan–Mar)"), Some((Q1, Q1, false)));
        assert_eq!(span("H2"), Some((Q3, Q4, false)));
        assert_eq!(span("Q3-Q1"), Some((Q1, Q3, true)));
        assert_eq!(span("Q5"), None);
        assert_eq!(span("Q12"), None);
        assert_eq!(span("Q1 planning meeting"), None);
        assert_eq!(span("Quarterly"), None);
        assert_eq!(span(""), None);
    }

    #[test]
    fn hours_in_the_ways_people_write_them() {
        let hours = |text: &str| parse_hours(text).map(|h| (h.min, h.max, h.per));
        assert_eq!(
            hours("15-20 hours/week"),
            Some((15.0, 20.0, HoursPer::Week))
        );
        assert_eq!(hours("5 hours/week"), Some((5.0, 5.0, HoursPer::Week)));
        assert_eq!(hours("10 h/week"), Some((10.0, 10.0, HoursPer::Week)));
        assert_eq!(hours("5 hours per week"), Some((5.0, 5.0, HoursPer::Week)));
        assert_eq!(
            hours("10 to 15 hrs a week"),
            Some((10.0, 15.0, HoursPer::Week))
        );
        assert_eq!(hours("~7,5h weekly"), Some((7.5, 7.5, HoursPer::Week)));
        assert_eq!(hours("12 hours"), Some((12.0, 12.0, HoursPer::Unsaid)));
        assert_eq!(
            hours("2 hours/day"),
            Some((2.0, 2.0, HoursPer::Other("day")))
        );
        assert_eq!(hours("$100/month"), None);
        assert_eq!(hours("3 hours of reading"), None);
        assert_eq!(hours("2026-01-01"), None);
    }

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

    #[test]
    fn phases_named_in_task_titles() {
        let named = |text: &str| phase_mention(text);
        assert_eq!(
            named("Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)"),
            Some(Ok(vec![
                (0, "Tooling".to_owned()),
                (1, "Core Elixir".to_owned()),
                (2, "Processes".to_owned()),
                (3, "GenServer".to_owned()),
            ]))
        );
        assert_eq!(
            named("Phase 3: GenServer"),
            Some(Ok(vec![(3, "GenServer".to_owned())]))
        );
        assert_eq!(
            named("phases 4, 5 and 6 (Fleets, Ecto, and Phoenix)"),
            Some(Ok(vec![
                (4, "Fleets".to_owned()),
                (5, "Ecto".to_owned()),
                (6, "Phoenix".to_owned()),
            ]))
        );
        assert_eq!(named("Phase 2 rollout to EU"), None);
        assert_eq!(named("Build labs apps for each phase"), None);
        assert_eq!(named("A phased delivery: 3 steps"), None);
        assert!(matches!(named("Phases 0-3 (Tooling, Core)"), Some(Err(_))));
        assert!(matches!(named("Phases 3-1 (A, B, C)"), Some(Err(_))));
        assert!(matches!(named("Phases 0-4000000000 (A)"), Some(Err(_))));
        assert!(matches!(named("Phase 99999999999: Big"), Some(Err(_))));
    }

    #[test]
    fn lane_headings_split_into_name_and_subtitle() {
        let split = |text: &str| split_lane_heading(text);
        assert_eq!(
            split("Core (Foundation Building)"),
            ("Core".to_owned(), "Foundation Building".to_owned())
        );
        assert_eq!(split("Ops"), ("Ops".to_owned(), String::new()));
        assert_eq!(split("Ops (EU) ()"), ("Ops (EU)".to_owned(), String::new()));
        assert_eq!(
            split("Data (ETL (v2))"),
            ("Data".to_owned(), "ETL (v2)".to_owned())
        );
        assert_eq!(split("Weird)"), ("Weird)".to_owned(), String::new()));
    }

    #[test]
    fn escaping_keeps_plain_titles_plain() {
        assert_eq!(
            escape("Security tooling (Sobelow, mix_audit)"),
            "Security tooling (Sobelow, mix_audit)"
        );
        assert_eq!(
            escape("Authentication & authorization"),
            "Authentication & authorization"
        );
        assert_eq!(
            escape("a *b* [c] `d` <e> _f_"),
            "a \\*b\\* \\[c\\] \\`d\\` \\<e> \\_f\\_"
        );
        assert_eq!(escape("&amp; stays"), "\\&amp; stays");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("two\nlines"), "two lines");
    }

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
