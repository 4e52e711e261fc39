//! The ledger the Time and Budget tabs share: records (time entries,
//! expenses) logged on a day against a bucket (a time category, a budget
//! line), each with a quantity (hours, cents) and a note. The quick-entry
//! form, the log with its table, the question on removing a bucket and the
//! CSV import preview are written once here, generic over [`LedgerRow`];
//! what really differs between hours and money stays in each tab's `impl`.

mod form;
mod import;
mod log;
mod rules;
#[cfg(test)]
mod tests;

use egui::{RichText, Ui};

use super::PlanView;
use super::shared::{Removal, removal_question_ui};
use super::widgets::set_accessible_name;
use crate::io::import::Importable;
use crate::model::Plan;
use crate::model::command::Command;
use crate::model::derived::Derived;
use crate::model::import_rules::ImportBatch;
pub use crate::model::ledger::{BucketId, LedgerBucket, LedgerRecord};

/// One kind of record of the model's ledger as the tabs show it: a line of
/// the quick-entry form and a row of the log. What a record is (its date,
/// bucket, quantity and note, where it lives in the plan) the model's
/// [`LedgerRecord`] says; this adds what the shared widgets need to draw it,
/// and the commands they emit for it.
pub trait LedgerRow: LedgerRecord + Importable + 'static {
    /// The part of the log's filter that picks days, beside the bucket.
    type Period: Clone + Default + PartialEq;

    const LABELS: Labels;
    /// How wide the form's quantity field is.
    const QUANTITY_WIDTH: f32;
    /// The quantity column of the table: initial and least width.
    const QUANTITY_COLUMN: (f32, f32);
    /// How wide the quantity field is while a row is edited.
    const EDIT_QUANTITY_WIDTH: f32;
    const EDIT_ERROR: EditError;

    /// Indices of [`LedgerRecord::records`], newest first.
    fn newest_first(derived: &Derived) -> &[usize];

    /// The quantity as shown: "1.5 h", "$12.50".
    fn quantity_text(&self, view: &PlanView<'_>) -> String;
    /// The quantity as a person would type it back: "1.5", "12.50".
    fn typed_quantity(&self) -> String;
    /// The sum of `records` as shown: "939.5 h", "$2,010.18".
    fn total_text<'a>(view: &PlanView<'_>, records: impl Iterator<Item = &'a Self>) -> String;
    /// A total of hours or cents, as [`Importable::amount`] adds them, as shown.
    fn total_text_of(view: &PlanView<'_>, total: f64) -> String;

    fn quantity_hint(view: &PlanView<'_>) -> String;
    fn parse_quantity(view: &PlanView<'_>, text: &str) -> Result<Self::Quantity, String>;

    fn in_period(&self, period: &Self::Period) -> bool;
    /// The log's filter fields for [`LedgerRow::Period`].
    fn period_filter_ui(ui: &mut Ui, view: &PlanView<'_>, period: &mut Self::Period);

    fn add_command(self) -> Command;
    fn edit_command(self, index: usize) -> Command;
    fn delete_command(index: usize) -> Command;
    /// An import's new buckets, rules and records, as one command.
    fn batch_command(batch: ImportBatch<Self>) -> Command;
    /// Forgets the import rule at `index`.
    fn remove_rule_command(index: usize) -> Command;
    /// Moves the import rule at `from` to `to`.
    fn move_rule_command(from: usize, to: usize) -> Command;
    fn remove_bucket_command(
        bucket: BucketId<Self>,
        records: RecordsFate<BucketId<Self>>,
    ) -> Command;
}

/// The words of one kind of record where the tabs differ. Widget ids are
/// made from them too (`entry_date`, `filter_category`, …).
pub struct Labels {
    /// "Log hours".
    pub form_title: &'static str,
    /// "Category" in the form and the table's header, "category" in "Filter
    /// by category", "Edit category" and the ids.
    pub bucket: (&'static str, &'static str),
    /// "Hours" in the form and the table's header, "hours" in "Edit hours".
    pub quantity: (&'static str, &'static str),
    pub note_hint: &'static str,
    /// Said when the form is sent with no bucket to log against.
    pub no_bucket: &'static str,
    /// ("entry", "entries"): counts, "Edit entry 3", the ids.
    pub record: (&'static str, &'static str),
    /// " logged", after "has 3 entries" in the removal question.
    pub records_are: &'static str,
    pub log_title: &'static str,
    /// The log's and the charts' empty state.
    pub nothing_yet: &'static str,
    pub table_id: &'static str,
    pub import_title: &'static str,
    pub import_id: &'static str,
}

/// How a row being edited says why its quantity was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The message beside the Save button.
    InFull,
    /// A "!" beside the Save button; the message shows on hovering it or the field.
    OnHover,
}

/// Where a removed bucket's records go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordsFate<Id> {
    MoveTo(Id),
    Delete,
}

/// What the log asks the app to do outside the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvRequest {
    ExportCsv,
    ImportCsv,
}

type LogFilter<R> = log::Filter<BucketId<R>, <R as LedgerRow>::Period>;

/// What a tab's ledger remembers between frames.
pub struct Ledger<R: LedgerRow> {
    form: form::EntryForm<BucketId<R>>,
    filter: LogFilter<R>,
    /// Record indices that pass the filter, in the order shown, and their
    /// total as shown, for one revision of the plan and one filter: worked
    /// out again only when either changes.
    rows: Option<log::Shown<R>>,
    editing: Option<log::RecordEdit<BucketId<R>>>,
    removing: Option<RemoveBucket<BucketId<R>>>,
    /// A file chosen or dropped, waiting to be previewed.
    pending_import: Option<(String, Vec<u8>)>,
    import: Option<import::ImportWindow<R>>,
}

impl<R: LedgerRow> Default for Ledger<R> {
    fn default() -> Self {
        Ledger {
            form: form::EntryForm::default(),
            filter: log::Filter::default(),
            rows: None,
            editing: None,
            removing: None,
            pending_import: None,
            import: None,
        }
    }
}

/// Removing a bucket that has records: where they go.
struct RemoveBucket<Id> {
    bucket: Id,
    records: usize,
    move_to: Option<Id>,
}

/// Clicked in a bucket's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BucketAction {
    Edit,
    Remove,
}

impl<R: LedgerRow> Ledger<R> {
    /// Opens the import preview of a file: `bytes` as read, `file_name` as
    /// the window names it.
    pub fn show_import(&mut self, file_name: String, bytes: Vec<u8>) {
        self.import = None;
        self.pending_import = Some((file_name, bytes));
    }

    /// Removes `bucket` at once when it has no records; otherwise asks first
    /// (see [`Ledger::removal_ui`]) what happens to them.
    pub fn remove_bucket(
        &mut self,
        view: &PlanView<'_>,
        bucket: BucketId<R>,
        commands: &mut Vec<Command>,
    ) {
        let records = R::records(view.plan)
            .iter()
            .filter(|record| record.bucket() == bucket)
            .count();
        if records == 0 {
            commands.push(R::remove_bucket_command(bucket, RecordsFate::Delete));
        } else {
            self.removing = Some(RemoveBucket {
                bucket,
                records,
                move_to: R::buckets(view.plan)
                    .iter()
                    .map(LedgerBucket::id)
                    .find(|&other| other != bucket),
            });
        }
    }

    /// The question [`Ledger::remove_bucket`] asks, while it is open.
    pub fn removal_ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(removing) = self.removing.as_mut() else {
            return;
        };
        let Some(bucket) = find_bucket::<R>(view.plan, removing.bucket) else {
            self.removing = None;
            return;
        };
        let labels = &R::LABELS;
        let others: Vec<(BucketId<R>, &str)> = R::buckets(view.plan)
            .iter()
            .filter(|other| other.id() != bucket.id())
            .map(|other| (other.id(), other.name()))
            .collect();
        let (one, many) = labels.record;
        let answer = removal_question_ui(
            ctx,
            &format!("remove_{}", labels.bucket.1),
            bucket.name(),
            (removing.records, one, many, labels.records_are),
            &others,
            &mut removing.move_to,
        );
        let fate = match answer {
            None => return,
            Some(Removal::Cancel) => None,
            Some(Removal::MoveTo(target)) => Some(RecordsFate::MoveTo(target)),
            Some(Removal::Delete) => Some(RecordsFate::Delete),
        };
        if let Some(fate) = fate {
            commands.push(R::remove_bucket_command(bucket.id(), fate));
        }
        self.removing = None;
    }

    /// The plan's import rules for this ledger.
    pub fn rules_ui(&self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        rules::rules_ui::<R>(ui, view, commands);
    }

    /// The preview of an import, while one waits to be confirmed.
    pub fn import_ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) {
        if let Some((file_name, bytes)) = self.pending_import.take() {
            let candidate = super::fresh_id_candidate();
            self.import = Some(import::ImportWindow::new(file_name, bytes, view, candidate));
        }
        let Some(window) = self.import.as_mut() else {
            return;
        };
        if window.ui(ctx, view, commands) {
            self.import = None;
        }
    }
}

fn find_bucket<R: LedgerRow>(plan: &Plan, id: BucketId<R>) -> Option<&R::Bucket> {
    R::buckets(plan).iter().find(|bucket| bucket.id() == id)
}

/// The bucket's name, or "?" for one the plan does not have.
fn bucket_name<R: LedgerRow>(plan: &Plan, id: BucketId<R>) -> &str {
    find_bucket::<R>(plan, id).map_or("?", LedgerBucket::name)
}

/// A choice of one of `buckets`, "—" while none is chosen.
pub fn bucket_combo_ui<B: LedgerBucket>(
    ui: &mut Ui,
    id_salt: &str,
    buckets: &[B],
    selected: &mut Option<B::Id>,
) -> egui::Response {
    let text = selected
        .and_then(|id| buckets.iter().find(|bucket| bucket.id() == id))
        .map_or("—", LedgerBucket::name);
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for bucket in buckets {
                ui.selectable_value(selected, Some(bucket.id()), bucket.name());
            }
        })
        .response
}

/// A bucket's "Edit" and "Remove…" buttons, known to screen readers (and
/// tests) as "Edit Learning" and "Remove Learning".
pub fn bucket_buttons_ui(ui: &mut Ui, name: &str) -> Option<BucketAction> {
    let mut action = None;
    let edit = ui.small_button("Edit");
    set_accessible_name(&edit, egui::Role::Button, &format!("Edit {name}"));
    if edit.clicked() {
        action = Some(BucketAction::Edit);
    }
    let remove = ui.small_button("Remove…");
    set_accessible_name(&remove, egui::Role::Button, &format!("Remove {name}"));
    if remove.clicked() {
        action = Some(BucketAction::Remove);
    }
    action
}

/// The charts' heading with its "Reset zoom" button.
pub fn charts_heading_ui(ui: &mut Ui, title: &str, reset: &mut bool) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).heading());
        if ui.button("Reset zoom").clicked() {
            *reset = true;
        }
    });
}

/// What the charts show while there is nothing to plot.
pub fn no_charts_yet_ui(ui: &mut Ui, text: &str) {
    ui.add_space(20.0);
    ui.label(RichText::new(text).weak().italics());
}
