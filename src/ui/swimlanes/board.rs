//! The board's layout: a row of quarter headers, then each lane as rows of
//! blocks placed under the quarters they span, with "+ Add block" in the
//! empty quarters.

use egui::{Id, Rect, RichText, Ui};

use super::SwimlanesTab;
use super::drag::BlockSlot;
use super::phases::phases_ui;
use super::task_card::TaskPlace;
use crate::model::Block;
use crate::model::calendar::{quarter_end, quarter_of, quarter_start};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::progress::block_progress;
use crate::model::{LaneId, Quarter, Swimlane};
use crate::ui::widgets::{progress_bar, set_accessible_name};
use crate::ui::{PlanView, fresh_id_candidate};

pub(super) const LANE_HEADER_WIDTH: f32 = 170.0;
const MIN_COLUMN_WIDTH: f32 = 190.0;
/// A board of up to this many tasks is drawn whole every frame (well under
/// a millisecond), so a screen reader finds every task on it. A larger one
/// draws only what is in view and this many points past it: thousands of
/// tasks then cost what a screenful does.
const DRAW_WHOLE_UP_TO_TASKS: usize = 500;
const DRAWN_PAST_THE_VIEW: f32 = 120.0;

/// Per-frame context for drawing the board.
pub(super) struct Board<'a, 'v> {
    pub(super) view: &'a PlanView<'v>,
    pub(super) commands: &'a mut Vec<Command>,
    /// Where each block was drawn, for the drop of a dragged task.
    pub(super) slots: Vec<BlockSlot>,
    /// The find box, trimmed and lower-cased.
    pub(super) needle: String,
    column_width: f32,
    current: Option<Quarter>,
    /// Where blocks and tasks are drawn; elsewhere they only keep their
    /// place. `None`: everywhere.
    drawn: Option<Rect>,
}

impl<'a, 'v> Board<'a, 'v> {
    pub(super) fn new(
        view: &'a PlanView<'v>,
        commands: &'a mut Vec<Command>,
        filter: &str,
    ) -> Self {
        Board {
            view,
            commands,
            slots: Vec::new(),
            needle: filter.trim().to_lowercase(),
            column_width: MIN_COLUMN_WIDTH,
            current: quarter_of(view.plan.start_date, view.today),
            drawn: None,
        }
    }

    /// Whether what would fill `rect` is drawn this frame.
    pub(super) fn draws(&self, rect: Rect) -> bool {
        self.drawn.is_none_or(|drawn| drawn.intersects(rect))
    }

    /// The width of a block over `columns` quarters, the spacing between
    /// them included.
    fn span_width(&self, ui: &Ui, columns: usize) -> f32 {
        let columns = columns.max(1) as f32;
        self.column_width * columns + ui.spacing().item_spacing.x * (columns - 1.0)
    }
}

impl SwimlanesTab {
    /// The scrolled board: quarter headers, the lanes, "+ Add swimlane" and
    /// the phases. Returns the rect it shows, the only place a dragged task
    /// can land.
    pub(super) fn board_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>) -> Rect {
        let view = board.view;
        let scroll = egui::ScrollArea::both()
            .auto_shrink(false)
            .id_salt("board_scroll")
            .show(ui, |ui| {
                let spacing = ui.spacing().item_spacing.x;
                // Leave room for the vertical scroll bar so the last column is not under it.
                let scroll_bar = ui.spacing().scroll.allocated_width();
                board.column_width =
                    ((ui.available_width() - LANE_HEADER_WIDTH - 4.0 * spacing - scroll_bar) / 4.0)
                        .max(MIN_COLUMN_WIDTH);
                let tasks: usize = (view.plan.swimlanes.iter())
                    .flat_map(|lane| &lane.blocks)
                    .map(|block| block.tasks.len())
                    .sum();
                // A few rows above and below the view, so Tab finds the
                // next task drawn, and scrolls it into view.
                board.drawn = (tasks > DRAW_WHOLE_UP_TO_TASKS)
                    .then(|| ui.clip_rect().expand2(egui::vec2(0.0, DRAWN_PAST_THE_VIEW)));
                quarter_headers_ui(ui, board);
                for (index, lane) in view.plan.swimlanes.iter().enumerate() {
                    ui.separator();
                    self.lane_ui(ui, board, lane, index);
                }
                ui.separator();
                self.add_lane_ui(ui, board);
                ui.add_space(12.0);
                // The phases below the board, too, only keep their place
                // while a large board is scrolled far above them.
                let height_id = Id::unique("board_phases_height");
                let known_height: Option<f32> = ui.ctx().data(|data| data.get_temp(height_id));
                let kept = known_height.map(|height| {
                    Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height))
                });
                match kept.filter(|&rect| !board.draws(rect)) {
                    Some(rect) => {
                        ui.allocate_space(rect.size());
                    }
                    None => {
                        let top = ui.cursor().min.y;
                        phases_ui(ui, board);
                        let height = ui.min_rect().max.y - top;
                        ui.ctx()
                            .data_mut(|data| data.insert_temp(height_id, height));
                    }
                }
            });
        scroll.inner_rect
    }

    fn lane_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, lane: &Swimlane, index: usize) {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(LANE_HEADER_WIDTH, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(LANE_HEADER_WIDTH);
                    self.lane_header_ui(ui, board, lane, index);
                },
            );
            ui.vertical(|ui| {
                let rows = pack_rows(&lane.blocks);
                if rows.is_empty() {
                    ui.horizontal_top(|ui| gap_ui(ui, board, lane, 0, 4, true));
                }
                for (row_index, row) in rows.iter().enumerate() {
                    self.block_row_ui(ui, board, lane, row, row_index == 0);
                }
            });
        });
    }

    fn block_row_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        row: &[&Block],
        first_row: bool,
    ) {
        ui.horizontal_top(|ui| {
            let mut next_column = 0;
            for block in row {
                let first = block.first_quarter.index();
                let last = block.last_quarter.index();
                if first > next_column {
                    gap_ui(ui, board, lane, next_column, first, first_row);
                }
                let width = board.span_width(ui, last + 1 - first);
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| self.block_ui(ui, board, lane, block),
                );
                next_column = last + 1;
            }
            if next_column < 4 {
                gap_ui(ui, board, lane, next_column, 4, first_row);
            }
        });
    }

    fn block_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, lane: &Swimlane, block: &Block) {
        // A block far out of view keeps its place at the height it had
        // when last drawn, without laying out its tasks.
        let height_id = Id::unique(("block_height", block.id.0));
        let known_height: Option<f32> = ui.ctx().data(|data| data.get_temp(height_id));
        if let Some(height) = known_height {
            let rect =
                Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
            if !board.draws(rect) {
                ui.allocate_space(rect.size());
                board.slots.push(BlockSlot {
                    block: block.id,
                    rect,
                    rows: Vec::new(),
                    task_count: block.tasks.len(),
                });
                return;
            }
        }
        let is_current = board.current.is_some_and(|quarter| block.spans(quarter));
        let mut frame = egui::Frame::group(ui.style()).inner_margin(6.0);
        if is_current {
            frame = frame.stroke(egui::Stroke::new(
                1.5,
                ui.visuals().selection.bg_fill.gamma_multiply(0.8),
            ));
        }
        let mut rows = Vec::new();
        let response = frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let span = span_label(block.first_quarter, block.last_quarter);
            ui.horizontal(|ui| {
                ui.label(RichText::new(&span).strong());
                self.block_menu_ui(ui, board, lane, block, &span);
                progress_bar(
                    ui,
                    &format!("{} {span}", lane.name),
                    block_progress(block),
                    ui.available_width(),
                );
            });
            for (index, task) in block.tasks.iter().enumerate() {
                if !board.shows(task, self.hide_done) {
                    continue;
                }
                let place = TaskPlace {
                    lane,
                    block,
                    task,
                    index,
                };
                let rect = self.task_ui(ui, board, &place);
                rows.push((task.id, index, rect));
            }
            if block.tasks.is_empty() {
                ui.label(RichText::new("No tasks yet").weak().italics());
            } else if rows.is_empty() {
                ui.label(RichText::new("No matching tasks").weak().italics());
            }
            self.new_task_ui(ui, board, lane, block);
        });
        let rect = response.response.rect;
        ui.ctx()
            .data_mut(|data| data.insert_temp(height_id, rect.height()));
        board.slots.push(BlockSlot {
            block: block.id,
            rect,
            rows,
            task_count: block.tasks.len(),
        });
    }
}

fn quarter_headers_ui(ui: &mut Ui, board: &Board<'_, '_>) {
    let view = board.view;
    ui.horizontal_top(|ui| {
        ui.allocate_space(egui::vec2(LANE_HEADER_WIDTH, 1.0));
        for quarter in Quarter::ALL {
            ui.allocate_ui_with_layout(
                egui::vec2(board.column_width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    let is_current = board.current == Some(quarter);
                    let mut frame = egui::Frame::new().inner_margin(4.0).corner_radius(4.0);
                    if is_current {
                        frame = frame.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35));
                    }
                    frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(quarter.label()).heading());
                            if is_current {
                                ui.label(RichText::new("now").small().strong());
                            }
                        });
                        let start = quarter_start(view.plan.start_date, quarter);
                        let end = quarter_end(view.plan.start_date, quarter);
                        ui.label(
                            RichText::new(format!("{} – {}", format_date(start), format_date(end)))
                                .small()
                                .weak(),
                        );
                        progress_bar(
                            ui,
                            quarter.label(),
                            view.derived.quarter_progress[quarter.index()],
                            ui.available_width(),
                        );
                    });
                },
            );
        }
    });
}

/// The quarters `from..to` of a lane row that no block covers. On the lane's
/// first row each offers a one-click "+ Add block"; further rows leave them
/// blank.
fn gap_ui(
    ui: &mut Ui,
    board: &mut Board<'_, '_>,
    lane: &Swimlane,
    from: usize,
    to: usize,
    first_row: bool,
) {
    if !first_row {
        ui.allocate_space(egui::vec2(board.span_width(ui, to - from), 1.0));
        return;
    }
    let width = board.column_width;
    for column in from..to {
        ui.allocate_ui_with_layout(
            egui::vec2(width, 0.0),
            egui::Layout::top_down(egui::Align::Center),
            |ui| {
                ui.set_width(width);
                let Some(quarter) = Quarter::from_index(column) else {
                    return;
                };
                let button =
                    ui.add(egui::Button::new(RichText::new("+ Add block").weak()).frame(false));
                set_accessible_name(
                    &button,
                    egui::Role::Button,
                    &format!("Add {quarter} block to {}", lane.name),
                );
                if button.clicked() {
                    push_add_block(board, lane.id, quarter);
                }
            },
        );
    }
}

/// A new one-quarter block, from a gap on the board or the lane's menu.
pub(super) fn push_add_block(board: &mut Board<'_, '_>, lane: LaneId, quarter: Quarter) {
    let block = board.view.plan.unused_block_id(fresh_id_candidate());
    board.commands.push(Command::AddBlock {
        lane,
        block,
        first_quarter: quarter,
        last_quarter: quarter,
    });
}

/// Blocks of a lane placed on rows so that no two blocks of a row share a
/// quarter; a lane whose blocks do not overlap (the usual case) is one row.
fn pack_rows(blocks: &[Block]) -> Vec<Vec<&Block>> {
    let mut rows: Vec<Vec<&Block>> = Vec::new();
    for block in blocks {
        let fits = |row: &Vec<&Block>| {
            row.iter().all(|other| {
                block.last_quarter < other.first_quarter || other.last_quarter < block.first_quarter
            })
        };
        match rows.iter_mut().find(|row| fits(row)) {
            Some(row) => row.push(block),
            None => rows.push(vec![block]),
        }
    }
    for row in &mut rows {
        row.sort_by_key(|block| block.first_quarter);
    }
    rows
}

/// "Q2" for one quarter, "Q2–Q4" for a span.
pub(super) fn span_label(first: Quarter, last: Quarter) -> String {
    if first == last {
        first.label().to_owned()
    } else {
        format!("{first}–{last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockId;
    use crate::model::Quarter::{Q1, Q2, Q3, Q4};

    fn block(id: u64, first_quarter: Quarter, last_quarter: Quarter) -> Block {
        Block {
            id: BlockId(id),
            first_quarter,
            last_quarter,
            tasks: Vec::new(),
        }
    }

    fn ids(rows: &[Vec<&Block>]) -> Vec<Vec<u64>> {
        rows.iter()
            .map(|row| row.iter().map(|block| block.id.0).collect())
            .collect()
    }

    #[test]
    fn blocks_that_do_not_overlap_share_one_row_in_quarter_order() {
        let blocks = [block(1, Q3, Q4), block(2, Q1, Q1), block(3, Q2, Q2)];
        assert_eq!(ids(&pack_rows(&blocks)), [vec![2, 3, 1]]);
    }

    #[test]
    fn a_block_that_overlaps_goes_on_the_first_row_it_fits() {
        let blocks = [
            block(1, Q3, Q4),
            block(2, Q1, Q2),
            block(3, Q2, Q3),
            block(4, Q1, Q1),
        ];
        assert_eq!(ids(&pack_rows(&blocks)), [vec![2, 1], vec![4, 3]]);
    }

    #[test]
    fn a_lane_without_blocks_has_no_rows() {
        assert!(pack_rows(&[]).is_empty());
    }

    #[test]
    fn a_span_is_named_by_its_first_and_last_quarter() {
        assert_eq!(span_label(Q2, Q2), "Q2");
        assert_eq!(span_label(Q2, Q4), "Q2–Q4");
    }
}
