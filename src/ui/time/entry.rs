//! Time entries as records of the ledger (`ui::ledger`): what the shared
//! form, log and import preview say and do for hours.

use chrono::NaiveDate;
use egui::Ui;

use crate::model::command::{Command, TimeCommand};
use crate::model::derived::Derived;
use crate::model::format::format_hours;
use crate::model::hours::parse_hours;
use crate::model::import_rules::ImportBatch;
use crate::model::time::EntriesFate;
use crate::model::{CategoryId, TimeEntry};
use crate::ui::PlanView;
use crate::ui::ledger::{EditError, Labels, LedgerRow, RecordsFate};
use crate::ui::widgets::date_picker;

/// The log's filter by day: from and to, each of them optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Days {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl LedgerRow for TimeEntry {
    type Period = Days;

    const LABELS: Labels = Labels {
        form_title: "Log hours",
        bucket: ("Category", "category"),
        quantity: ("Hours", "hours"),
        note_hint: "what you did",
        no_bucket: "Add a time category first (on the left).",
        record: ("entry", "entries"),
        records_are: " logged",
        log_title: "Logged hours",
        nothing_yet: "No hours logged yet — add your first entry above.",
        table_id: "time_entries",
        import_title: "Import hours",
        import_id: "time_import",
    };
    const QUANTITY_WIDTH: f32 = 120.0;
    const QUANTITY_COLUMN: (f32, f32) = (80.0, 60.0);
    const EDIT_QUANTITY_WIDTH: f32 = 70.0;
    const EDIT_ERROR: EditError = EditError::OnHover;

    fn newest_first(derived: &Derived) -> &[usize] {
        &derived.entries_newest_first
    }

    fn quantity_text(&self, _view: &PlanView<'_>) -> String {
        format_hours(self.hours)
    }

    fn typed_quantity(&self) -> String {
        plain_hours(self.hours)
    }

    fn total_text<'a>(_view: &PlanView<'_>, entries: impl Iterator<Item = &'a Self>) -> String {
        format_hours(entries.map(|entry| entry.hours).sum())
    }

    fn total_text_of(_view: &PlanView<'_>, hours: f64) -> String {
        format_hours(hours)
    }

    fn quantity_hint(_view: &PlanView<'_>) -> String {
        "1.5, 1:30, 90m".to_owned()
    }

    fn parse_quantity(_view: &PlanView<'_>, text: &str) -> Result<f64, String> {
        parse_hours(text).map_err(|error| error.to_string())
    }

    fn in_period(&self, days: &Days) -> bool {
        days.from.is_none_or(|from| self.date >= from) && days.to.is_none_or(|to| self.date <= to)
    }

    fn period_filter_ui(ui: &mut Ui, view: &PlanView<'_>, days: &mut Days) {
        optional_date_ui(ui, "From", "filter_from", &mut days.from, view.today);
        optional_date_ui(ui, "To", "filter_to", &mut days.to, view.today);
    }

    fn add_command(self) -> Command {
        Command::Time(TimeCommand::AddEntry { entry: self })
    }

    fn edit_command(self, index: usize) -> Command {
        Command::Time(TimeCommand::EditEntry { index, entry: self })
    }

    fn delete_command(index: usize) -> Command {
        Command::Time(TimeCommand::DeleteEntry { index })
    }

    fn batch_command(batch: ImportBatch<TimeEntry>) -> Command {
        Command::Time(TimeCommand::Import(batch))
    }

    fn remove_rule_command(index: usize) -> Command {
        Command::Time(TimeCommand::RemoveRule { index })
    }

    fn move_rule_command(from: usize, to: usize) -> Command {
        Command::Time(TimeCommand::MoveRule { from, to })
    }

    fn remove_bucket_command(category: CategoryId, entries: RecordsFate<CategoryId>) -> Command {
        let entries = match entries {
            RecordsFate::MoveTo(target) => EntriesFate::MoveTo(target),
            RecordsFate::Delete => EntriesFate::Delete,
        };
        Command::Time(TimeCommand::RemoveCategory { category, entries })
    }
}

/// "From [x] [date]": a date filter that can be switched off.
fn optional_date_ui(
    ui: &mut Ui,
    label: &str,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    today: NaiveDate,
) {
    let mut on = date.is_some();
    if ui.checkbox(&mut on, label).changed() {
        *date = on.then_some(today);
    }
    if let Some(date) = date.as_mut() {
        date_picker(ui, id_salt, date);
    }
}

/// Hours as a person would type them back: `1.5`, not `1.5 h`.
fn plain_hours(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
