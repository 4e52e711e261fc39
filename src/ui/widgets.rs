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
/// figure.
pub fn progress_bar(ui: &mut Ui, name: &str, progress: Progress, width: f32) {
    let fill = if progress.is_complete() {
        IN_RANGE
    } else {
        ui.visuals().selection.bg_fill
    };
    let figure = progress.to_string();
    figure_bar(
        ui,
        &format!("{name} progress: {figure}"),
        progress.fraction(),
        &figure,
        fill,
        width,
    );
}

/// A bar filled to `fraction` in `fill`, with `text` on it. Drawn here
/// rather than with `egui::ProgressBar`, whose rounded fill shows a blob at
/// 0 that reads as progress.
pub fn figure_bar(
    ui: &mut Ui,
    accessible_name: &str,
    fraction: f32,
    text: &str,
    fill: Color32,
    width: f32,
) {
    let height = ui.spacing().interact_size.y * 0.8;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width.max(height), height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let radius = height / 2.0;
        let painter = ui.painter();
        painter.rect_filled(rect, radius, visuals.extreme_bg_color);
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if fraction > 0.0 {
            let mut filled = rect;
            filled.set_width((rect.width() * fraction).max(height));
            painter.rect_filled(filled, radius, fill);
        }
        painter.text(
            rect.left_center() + egui::vec2(radius, 0.0),
            egui::Align2::LEFT_CENTER,
            text,
            egui::FontId::proportional(11.5),
            visuals.strong_text_color(),
        );
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, accessible_name)
    });
}

/// A heading for a section of a tab.
pub fn section_heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).heading());
    ui.add_space(2.0);
}

/// A right-aligned cell of a grid, for numbers. Its width is bounded so a
/// number in the last column sits beside its row, not at the window's edge.
pub fn number_cell(ui: &mut Ui, text: impl Into<RichText>) -> egui::Response {
    let width = ui.available_width().min(110.0);
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| ui.label(text.into()),
    )
    .inner
}

/// "1 entry", "3 entries".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Gives a widget the name screen readers (and tests) know it by, for widgets
/// whose visible text is not enough: an "…" menu, a field showing its value.
pub fn set_accessible_name(response: &egui::Response, role: egui::Role, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, name));
}

/// A date field with a calendar pop-up (egui_extras' picker, which speaks
/// jiff dates; the plan speaks chrono, converted here at the edge).
pub fn date_picker(ui: &mut Ui, id_salt: &str, date: &mut chrono::NaiveDate) -> egui::Response {
    let mut picked = to_jiff(*date);
    let response = ui.add(
        egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(id_salt)
            .show_icon(false)
            .calendar_week(true)
            .format("%a %-d %b %Y"),
    );
    if response.changed() {
        *date = from_jiff(picked);
    }
    response
}

fn to_jiff(date: chrono::NaiveDate) -> jiff::civil::Date {
    use chrono::Datelike as _;
    let year = i16::try_from(date.year()).unwrap_or(2000);
    let month = i8::try_from(date.month()).unwrap_or(1);
    let day = i8::try_from(date.day()).unwrap_or(1);
    jiff::civil::Date::new(year, month, day).unwrap_or_default()
}

fn from_jiff(date: jiff::civil::Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    )
    .unwrap_or_default()
}

/// Keeps the list of a combo box in a modal drawn above the modal. egui
/// stacks a list it opens again where it stood before, and the click that
/// opens it lifts the modal; so a list opened a second time lay under the
/// modal, seen through it but not clickable. The list's layer is the combo
/// box's id with "popup", as egui's `ComboBox` names it.
pub fn list_above_modal(combo: egui::Response) -> egui::Response {
    let list = egui::LayerId::new(egui::Order::Foreground, combo.id.with("popup"));
    // egui keeps sublayers only within one order, as a modal and a list are.
    if combo.layer_id.order == list.order {
        combo.ctx.set_sublayer(combo.layer_id, list);
    }
    combo
}

/// A small square of colour for a chart's key.
pub fn swatch(ui: &mut Ui, colour: Color32) {
    let size = egui::vec2(10.0, 10.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}
