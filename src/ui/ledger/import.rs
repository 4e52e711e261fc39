//! The import preview, one window for hours and expenses: what the file was
//! recognised as, the columns read (each can be changed), the date order
//! when the file cannot settle it, where each of the file's values goes, the
//! rows that come in and those that do not, with why. Every change reads
//! the file again; Import applies the whole batch as one command, so one
//! undo takes it back.

use egui::{RichText, Ui};

use super::{LedgerRow, bucket_name};
use crate::io::import::{
    Choices, DateOrder, DurationUnit, Ledger, MapTo, MappedBy, Mapping, OrderVerdict, Preview,
    Spending, preview,
};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::import_rules::{ImportBatch, ImportRule};
use crate::model::ledger::{BucketId, LedgerBucket};
use crate::ui::PlanView;
use crate::ui::widgets::{self, count};

/// How many rows each list shows; the rest are counted.
const LISTED_ROWS: usize = 200;

/// A file being imported, waiting for the person to look and confirm.
pub struct ImportWindow<R: LedgerRow> {
    file_name: String,
    bytes: Vec<u8>,
    choices: Choices<BucketId<R>>,
    preview: Preview<R>,
    /// The plan revision the preview was made against: an edit meanwhile
    /// can change what is a duplicate.
    revision: u64,
    /// The rule being written: its text, and where its rows go (`None`
    /// until chosen; `Some(None)` leaves them out).
    rule_text: String,
    rule_into: Option<Option<BucketId<R>>>,
}

impl<R: LedgerRow> ImportWindow<R> {
    pub fn new(file_name: String, bytes: Vec<u8>, view: &PlanView<'_>, id_candidate: u64) -> Self {
        let choices = Choices {
            id_candidate,
            ..Choices::default()
        };
        let preview = preview::<R>(&bytes, view.plan, &choices);
        ImportWindow {
            file_name,
            bytes,
            choices,
            preview,
            revision: view.revision,
            rule_text: String::new(),
            rule_into: None,
        }
    }

    fn refresh(&mut self, view: &PlanView<'_>) {
        self.preview = preview::<R>(&self.bytes, view.plan, &self.choices);
        self.revision = view.revision;
    }

    /// Draws the window; `Some(true)` when it is done (imported or
    /// cancelled), with the import's command pushed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) -> bool {
        if self.revision != view.revision {
            self.refresh(view);
        }
        let labels = &R::LABELS;
        let mut changed = false;
        let mut done = false;
        let modal = egui::Modal::new(egui::Id::unique(labels.import_id)).show(ctx, |ui| {
            ui.set_max_width(760.0);
            ui.label(RichText::new(labels.import_title).heading());
            let preview = &self.preview;
            ui.label(format!(
                "{} — {}, {} ({}{}).",
                self.file_name,
                preview.recognised,
                count(preview.rows, "row", "rows"),
                preview.encoding,
                delimiter_text(preview.delimiter)
            ));
            for problem in &preview.problems {
                ui.label(RichText::new(problem).color(ui.visuals().warn_fg_color));
            }
            egui::ScrollArea::vertical()
                .id_salt((labels.import_id, "scroll"))
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| {
                    changed |= self.columns_ui(ui);
                    changed |= self.date_order_ui(ui);
                    changed |= self.mapping_ui(ui, view);
                    changed |= self.rules_ui(ui, view);
                    self.rows_ui(ui, view);
                });
            ui.add_space(8.0);
            let records = self.preview.batch.records.len();
            ui.horizontal(|ui| {
                let (one, many) = labels.record;
                let button = format!("Import {}", count(records, one, many));
                if ui
                    .add_enabled(records > 0, egui::Button::new(button))
                    .clicked()
                {
                    let batch = std::mem::replace(
                        &mut self.preview.batch,
                        ImportBatch {
                            new_buckets: Vec::new(),
                            rules: Vec::new(),
                            records: Vec::new(),
                        },
                    );
                    commands.push(R::batch_command(batch));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
        if changed {
            self.refresh(view);
        }
        done || modal.should_close()
    }

    /// The columns read, each a choice among the file's columns.
    fn columns_ui(&mut self, ui: &mut Ui) -> bool {
        let header = self.preview.header.clone();
        let mut columns = self.preview.columns.clone();
        let mut unit = self.preview.unit;
        let id = R::LABELS.import_id;
        let open = !self.preview.problems.is_empty() || !self.preview.has_header;
        egui::CollapsingHeader::new("Columns")
            .id_salt((id, "columns"))
            .default_open(open)
            .show(ui, |ui| {
                egui::Grid::new((id, "columns_grid"))
                    .num_columns(2)
                    .show(ui, |ui| {
                        column_choice(ui, id, "Date", &header, &mut columns.date);
                        match R::LEDGER {
                            Ledger::Hours => {
                                column_choice(ui, id, "Duration", &header, &mut columns.duration);
                                if columns.duration.is_some() {
                                    unit_choice(ui, id, &mut unit);
                                }
                                column_choice(ui, id, "Start", &header, &mut columns.start);
                                column_choice(ui, id, "End", &header, &mut columns.end);
                            }
                            Ledger::Expenses => {
                                column_choice(ui, id, "Amount", &header, &mut columns.amount);
                                if columns.amount.is_some() {
                                    spending_choice(ui, &mut columns.spending);
                                }
                                column_choice(ui, id, "Money out", &header, &mut columns.outflow);
                                column_choice(ui, id, "Money in", &header, &mut columns.inflow);
                                column_choice(ui, id, "Currency", &header, &mut columns.currency);
                            }
                        }
                        let bucket = format!("{} from", R::LABELS.bucket.0);
                        column_choice(ui, id, &bucket, &header, &mut columns.bucket);
                        // A note can join several columns (a task and
                        // its description): one choice each, and one
                        // more to add another.
                        let mut notes: Vec<Option<usize>> =
                            columns.notes.iter().copied().map(Some).collect();
                        notes.push(None);
                        for (part, note) in notes.iter_mut().enumerate() {
                            let label = match part {
                                0 => "Note from".to_owned(),
                                _ => format!("Note part {} from", part + 1),
                            };
                            column_choice(ui, id, &label, &header, note);
                        }
                        let mut chosen: Vec<usize> = Vec::new();
                        for note in notes.into_iter().flatten() {
                            if !chosen.contains(&note) {
                                chosen.push(note);
                            }
                        }
                        columns.notes = chosen;
                    });
            });
        if unit != self.preview.unit {
            columns.unit = unit;
        }
        if columns != self.preview.columns {
            self.choices.columns = Some(columns);
            return true;
        }
        false
    }

    /// The order of slash dates, when the file has any.
    fn date_order_ui(&mut self, ui: &mut Ui) -> bool {
        let verdict = self.preview.date_verdict;
        if verdict == OrderVerdict::NotNeeded {
            return false;
        }
        let mut order = self.preview.date_order;
        ui.horizontal(|ui| {
            ui.label("Slash dates are");
            ui.radio_value(&mut order, Some(DateOrder::DayMonth), "day/month/year");
            ui.radio_value(&mut order, Some(DateOrder::MonthDay), "month/day/year");
            if let OrderVerdict::Settled(_) = verdict {
                ui.label(RichText::new("(as the file's dates say)").weak());
            }
        });
        if order != self.preview.date_order {
            self.choices.date_order = order;
            return true;
        }
        false
    }

    /// Each value of the file with its rows and total, and where it goes.
    fn mapping_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) -> bool {
        if self.preview.values.is_empty() {
            return false;
        }
        let labels = &R::LABELS;
        let id = labels.import_id;
        let mut chosen: Option<(String, MapTo<BucketId<R>>)> = None;
        ui.add_space(6.0);
        ui.label(RichText::new("Where the values go").strong());
        egui::Grid::new((id, "mapping"))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.label(RichText::new("Value").weak());
                ui.label(RichText::new("Rows").weak());
                ui.label(RichText::new("Total").weak());
                ui.label(RichText::new("Goes to").weak());
                ui.end_row();
                for value in &self.preview.values {
                    let shown = if value.value.is_empty() {
                        "(empty)"
                    } else {
                        &value.value
                    };
                    let name = ui.label(shown);
                    widgets::number_cell(ui, value.rows.to_string());
                    widgets::number_cell(ui, R::total_text_of(view, value.total));
                    let current = mapping_text::<R>(view, &value.mapping, labels.bucket.1);
                    ui.horizontal(|ui| {
                        widgets::list_above_modal(
                            egui::ComboBox::from_id_salt((id, "map", &value.value))
                                .selected_text(&current)
                                .show_ui(ui, |ui| {
                                    for bucket in R::buckets(view.plan) {
                                        if ui.selectable_label(false, bucket.name()).clicked() {
                                            chosen = Some((
                                                value.value.clone(),
                                                MapTo::Bucket(bucket.id()),
                                            ));
                                        }
                                    }
                                    if !value.value.is_empty() {
                                        let new =
                                            format!("New {}: {}", labels.bucket.1, value.value);
                                        if ui.selectable_label(false, new).clicked() {
                                            chosen = Some((
                                                value.value.clone(),
                                                MapTo::New(value.value.clone()),
                                            ));
                                        }
                                    }
                                    if ui.selectable_label(false, "Leave out").clicked() {
                                        chosen = Some((value.value.clone(), MapTo::Nowhere));
                                    }
                                })
                                .response,
                        )
                        .labelled_by(name.id);
                        if let Some(why) = mapped_by_text(&value.mapping) {
                            ui.label(RichText::new(why).weak());
                        }
                    });
                    ui.end_row();
                }
            });
        let Some((value, to)) = chosen else {
            return false;
        };
        self.choices
            .mapping
            .retain(|(other, _)| !other.eq_ignore_ascii_case(&value));
        self.choices.mapping.push((value, to));
        true
    }

    /// Rules written here: rows whose text contains a word go to a bucket,
    /// in this import and, kept in the plan, in the next. A bank's payee
    /// text changes every month ("Lastschrift BUCHLADEN … Rechnung 7"), so
    /// a value's own mapping would not match again; its constant part does.
    fn rules_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) -> bool {
        let labels = &R::LABELS;
        let id = labels.import_id;
        let mut changed = false;
        ui.add_space(6.0);
        ui.label(RichText::new("Rules, kept for the next import").strong());
        let mut forget = None;
        for (index, rule) in self.choices.kept_rules.iter().enumerate() {
            ui.horizontal(|ui| {
                let into = rule
                    .into
                    .map_or("left out", |bucket| bucket_name::<R>(view.plan, bucket));
                ui.label(format!(
                    "Rows containing \"{}\" go to {into}",
                    rule.contains
                ));
                let button = ui.small_button("Remove");
                let name = format!("Remove the rule {}", rule.contains);
                widgets::set_accessible_name(&button, egui::Role::Button, &name);
                if button.clicked() {
                    forget = Some(index);
                }
            });
        }
        if let Some(index) = forget {
            self.choices.kept_rules.remove(index);
            changed = true;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Rows containing");
            ui.add(
                egui::TextEdit::singleline(&mut self.rule_text)
                    .hint_text("e.g. BUCHLADEN")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
            let label = ui.label("go to");
            let selected = match self.rule_into {
                None => "—",
                Some(None) => "Leave out",
                Some(Some(bucket)) => bucket_name::<R>(view.plan, bucket),
            };
            widgets::list_above_modal(
                egui::ComboBox::from_id_salt((id, "rule_into"))
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for bucket in R::buckets(view.plan) {
                            ui.selectable_value(
                                &mut self.rule_into,
                                Some(Some(bucket.id())),
                                bucket.name(),
                            );
                        }
                        ui.selectable_value(&mut self.rule_into, Some(None), "Leave out");
                    })
                    .response,
            )
            .labelled_by(label.id);
            let text = self.rule_text.trim();
            let ready = !text.is_empty() && self.rule_into.is_some();
            if ui
                .add_enabled(ready, egui::Button::new("Add rule"))
                .clicked()
                && let Some(into) = self.rule_into
            {
                self.choices.kept_rules.push(ImportRule {
                    contains: text.to_owned(),
                    into,
                });
                self.rule_text.clear();
                self.rule_into = None;
                changed = true;
            }
        });
        changed
    }

    /// The rows that come in, and those that do not with why.
    fn rows_ui(&self, ui: &mut Ui, view: &PlanView<'_>) {
        let labels = &R::LABELS;
        let preview = &self.preview;
        let (one, many) = labels.record;
        let records = &preview.batch.records;
        ui.add_space(6.0);
        let total: f64 = records
            .iter()
            .map(|record| R::amount(&record.quantity()))
            .sum();
        ui.label(
            RichText::new(format!(
                "{} will come in ({}); {} will not.",
                count(records.len(), one, many),
                R::total_text_of(view, total),
                count(preview.skipped.len(), "row", "rows"),
            ))
            .strong(),
        );
        let new_buckets = &preview.batch.new_buckets;
        if !new_buckets.is_empty() {
            let names: Vec<&str> = new_buckets.iter().map(LedgerBucket::name).collect();
            ui.label(format!("New {}: {}.", labels.bucket.1, names.join(", ")));
        }
        if !records.is_empty() {
            egui::CollapsingHeader::new(format!("Coming in: {}", count(records.len(), one, many)))
                .id_salt((labels.import_id, "coming"))
                .show(ui, |ui| {
                    egui::Grid::new((labels.import_id, "records"))
                        .striped(true)
                        .num_columns(5)
                        .show(ui, |ui| {
                            for (record, line) in
                                records.iter().zip(&preview.record_lines).take(LISTED_ROWS)
                            {
                                ui.label(RichText::new(format!("line {line}")).weak());
                                ui.label(format_date(record.date()));
                                let name = new_buckets
                                    .iter()
                                    .find(|b| b.id() == record.bucket())
                                    .map_or_else(
                                        || bucket_name::<R>(view.plan, record.bucket()),
                                        LedgerBucket::name,
                                    );
                                ui.label(name);
                                widgets::number_cell(ui, record.quantity_text(view));
                                ui.label(record.note());
                                ui.end_row();
                            }
                        });
                    if records.len() > LISTED_ROWS {
                        ui.label(format!("… and {} more", records.len() - LISTED_ROWS));
                    }
                });
        }
        if !preview.skipped.is_empty() {
            let kinds: Vec<String> = preview
                .skipped_by_kind()
                .into_iter()
                .map(|(kind, number)| format!("{kind}: {number}"))
                .collect();
            egui::CollapsingHeader::new(format!("Not coming in — {}", kinds.join(", ")))
                .id_salt((labels.import_id, "skipped"))
                .show(ui, |ui| {
                    for row in preview.skipped.iter().take(LISTED_ROWS) {
                        let text = if row.text.is_empty() {
                            format!("line {}: {}", row.line, row.reason)
                        } else {
                            format!("line {}: {} — {}", row.line, row.reason, row.text)
                        };
                        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
                    }
                    if preview.skipped.len() > LISTED_ROWS {
                        ui.label(format!(
                            "… and {} more",
                            preview.skipped.len() - LISTED_ROWS
                        ));
                    }
                });
        }
    }
}

fn delimiter_text(delimiter: Option<char>) -> &'static str {
    match delimiter {
        None => ", JSON",
        Some('\t') => ", tab-separated",
        Some(';') => ", “;”-separated",
        Some(_) => ", comma-separated",
    }
}

/// A row of the columns grid: `label` and a choice of one of the file's
/// columns, or none.
fn column_choice(
    ui: &mut Ui,
    id: &str,
    label: &str,
    header: &[String],
    column: &mut Option<usize>,
) {
    let name = ui.label(label);
    let shown = |index: usize| column_name(header, index);
    let selected = column.map_or_else(|| "—".to_owned(), shown);
    widgets::list_above_modal(
        egui::ComboBox::from_id_salt((id, "column", label))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(column, None, "—");
                for index in 0..header.len() {
                    ui.selectable_value(column, Some(index), shown(index));
                }
            })
            .response,
    )
    .labelled_by(name.id);
    ui.end_row();
}

/// A column by its name, with its number when two share the name.
fn column_name(header: &[String], index: usize) -> String {
    let name = header.get(index).map_or("?", String::as_str);
    let name = if name.is_empty() { "(unnamed)" } else { name };
    let twins = header.iter().filter(|other| other.as_str() == name).count();
    if twins > 1 {
        format!("{name} (column {})", index + 1)
    } else {
        name.to_owned()
    }
}

fn unit_choice(ui: &mut Ui, id: &str, unit: &mut Option<DurationUnit>) {
    let name = ui.label("Durations are");
    let text = |unit: DurationUnit| match unit {
        DurationUnit::Clock => "h:mm or h:mm:ss",
        DurationUnit::Hours => "hours",
        DurationUnit::Minutes => "minutes",
        DurationUnit::Seconds => "seconds",
    };
    widgets::list_above_modal(
        egui::ComboBox::from_id_salt((id, "unit"))
            .selected_text(unit.map_or("—", text))
            .show_ui(ui, |ui| {
                for choice in [
                    DurationUnit::Clock,
                    DurationUnit::Hours,
                    DurationUnit::Minutes,
                    DurationUnit::Seconds,
                ] {
                    ui.selectable_value(unit, Some(choice), text(choice));
                }
            })
            .response,
    )
    .labelled_by(name.id);
    ui.end_row();
}

fn spending_choice(ui: &mut Ui, spending: &mut Spending) {
    ui.label("Money spent is");
    ui.horizontal(|ui| {
        ui.radio_value(spending, Spending::Negative, "negative (a bank)");
        ui.radio_value(
            spending,
            Spending::Positive,
            "positive (a list of expenses)",
        );
    });
    ui.end_row();
}

fn mapping_text<R: LedgerRow>(
    view: &PlanView<'_>,
    mapping: &Mapping<BucketId<R>>,
    bucket: &str,
) -> String {
    match mapping {
        Mapping::Bucket(id, _) => bucket_name::<R>(view.plan, *id).to_owned(),
        Mapping::New(name) => format!("New {bucket}: {name}"),
        Mapping::Nowhere(_) => "Leave out".to_owned(),
        Mapping::Unmapped => "— not mapped".to_owned(),
    }
}

fn mapped_by_text<Id>(mapping: &Mapping<Id>) -> Option<String> {
    let by = match mapping {
        Mapping::Bucket(_, by) | Mapping::Nowhere(by) => by,
        Mapping::New(_) | Mapping::Unmapped => return None,
    };
    match by {
        MappedBy::Choice => None,
        MappedBy::Rule(text) => Some(format!("by the rule “{text}”")),
        MappedBy::Name => Some("same name".to_owned()),
    }
}
