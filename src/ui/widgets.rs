//! Small widgets shared by the tabs, and the one colour language of the app.

use egui::{Color32, RichText, Ui};

use crate::model::progress::Progress;
use crate::model::time::TargetState;

/// Under a target: amber.
pub const UNDER: Color32 = Color32::from_rgb(0xd9, 0x8e, 0x04);
/// In range: green.
pub const IN_RANGE: Color32 = Color32::from_rgb(0x2e, 0x9e, 0x4f);
/// Over an hours target: blue — more effort is not failure, but it shows.
pub const OVER_HOURS: Color32 = Color32::from_rgb(0x2f, 0x7f, 0xd0);
/// Over a money budget: red.
pub const OVER_BUDGET: Color32 = Color32::from_rgb(0xd0, 0x3b, 0x3b);

pub fn hours_state_colour(state: TargetState) -> Color32 {
    match state {
        TargetState::Under => UNDER,
        TargetState::InRange => IN_RANGE,
        TargetState::Over => OVER_HOURS,
    }
}

pub fn hours_state_label(state: TargetState) -> &'static str {
    match state {
        TargetState::Under => "under",
        TargetState::InRange => "in range",
        TargetState::Over => "over",
    }
}

/// A progress bar that carries its figure, e.g. "4/6". Screen readers (and
/// tests) know it as "`name` progress: 4/6", since many bars show the same
/// figure. Drawn here rather than with `egui::ProgressBar`, whose rounded fill
/// shows a blob at 0 that reads as progress.
pub fn progress_bar(ui: &mut Ui, name: &str, progress: Progress, width: f32) {
    let height = ui.spacing().interact_size.y * 0.8;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width.max(height), height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let radius = height / 2.0;
        let painter = ui.painter();
        painter.rect_filled(rect, radius, visuals.extreme_bg_color);
        let fraction = progress.fraction().clamp(0.0, 1.0);
        if fraction > 0.0 {
            let mut fill = rect;
            fill.set_width((rect.width() * fraction).max(height));
            let colour = if progress.done == progress.total {
                IN_RANGE
            } else {
                visuals.selection.bg_fill
            };
            painter.rect_filled(fill, radius, colour);
        }
        painter.text(
            rect.left_center() + egui::vec2(radius, 0.0),
            egui::Align2::LEFT_CENTER,
            progress.to_string(),
            egui::FontId::proportional(11.5),
            visuals.strong_text_color(),
        );
    }
    let label = format!("{name} progress: {progress}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
}

/// A heading for a section of a tab.
pub fn section_heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).heading());
    ui.add_space(2.0);
}

/// A right-aligned cell of a grid, for numbers. Its width is bounded so a
/// number in the last column sits beside its row, not at the window's edge.
pub fn number_cell(ui: &mut Ui, text: impl Into<RichText>) {
    let width = ui.available_width().min(110.0);
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.label(text.into());
        },
    );
}

/// Gives a widget the name screen readers (and tests) know it by, for widgets
/// whose visible text is not enough: an "…" menu, a field showing its value.
pub fn set_accessible_name(response: &egui::Response, role: egui::Role, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, name));
}
