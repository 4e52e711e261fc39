//! Native file dialogs, run on a thread of their own so the window keeps
//! painting while one is open.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    OpenPlan,
    SavePlanAs,
    ImportMarkdown,
    ExportMarkdown,
    ExportTimeCsv,
    ImportTimeCsv,
    ExportExpensesCsv,
    ImportExpensesCsv,
    SavePicture,
    ExportStatusPage,
    ExportCalendar,
}

impl FilePurpose {
    fn is_save(self) -> bool {
        matches!(
            self,
            FilePurpose::SavePlanAs
                | FilePurpose::ExportMarkdown
                | FilePurpose::ExportTimeCsv
                | FilePurpose::ExportExpensesCsv
                | FilePurpose::SavePicture
                | FilePurpose::ExportStatusPage
                | FilePurpose::ExportCalendar
        )
    }

    /// The filter of the dialog: its name and file extensions.
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FilePurpose::OpenPlan | FilePurpose::SavePlanAs => ("Yearplan plan", &["ron"]),
            FilePurpose::ImportMarkdown | FilePurpose::ExportMarkdown => {
                ("Markdown", &["md", "markdown"])
            }
            FilePurpose::ExportTimeCsv | FilePurpose::ExportExpensesCsv => ("CSV", &["csv"]),
            FilePurpose::SavePicture => ("PNG picture", &["png"]),
            FilePurpose::ExportStatusPage => ("Web page", &["html", "htm"]),
            FilePurpose::ExportCalendar => ("iCalendar", &["ics"]),
            // Exports come as CSV, tab-separated text and `timew export` JSON.
            FilePurpose::ImportTimeCsv | FilePurpose::ImportExpensesCsv => {
                ("Exports (CSV, TSV, JSON)", &["csv", "tsv", "txt", "json"])
            }
        }
    }

    fn title(self) -> &'static str {
        match self {
            FilePurpose::OpenPlan => "Open a plan",
            FilePurpose::SavePlanAs => "Save the plan as",
            FilePurpose::ImportMarkdown => "Import a plan from Markdown",
            FilePurpose::ExportMarkdown => "Export the plan as Markdown",
            FilePurpose::ExportTimeCsv => "Export hours as CSV",
            FilePurpose::ImportTimeCsv => "Import hours from a time tracker's export",
            FilePurpose::ExportExpensesCsv => "Export expenses as CSV",
            FilePurpose::ImportExpensesCsv => {
                "Import expenses from a bank's or budget app's export"
            }
            FilePurpose::SavePicture => "Save a picture of this tab",
            FilePurpose::ExportStatusPage => "Export the status page",
            FilePurpose::ExportCalendar => "Export the plan's calendar",
        }
    }

    fn suggested_name(self) -> Option<&'static str> {
        match self {
            FilePurpose::ExportTimeCsv => Some("hours.csv"),
            FilePurpose::ExportExpensesCsv => Some("expenses.csv"),
            _ => None,
        }
    }
}

/// At most one dialog at a time, like any desktop app.
#[derive(Default)]
pub struct FileDialogs {
    open: Option<(FilePurpose, Receiver<Option<PathBuf>>)>,
}

impl FileDialogs {
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Opens a dialog for `purpose`, starting in `folder`. Does nothing while
    /// another dialog is open.
    pub fn ask(
        &mut self,
        purpose: FilePurpose,
        folder: Option<PathBuf>,
        name: Option<String>,
        ctx: &egui::Context,
    ) {
        if self.open.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let (filter, extensions) = purpose.filter();
                let mut dialog = rfd::FileDialog::new()
                    .set_title(purpose.title())
                    .add_filter(filter, extensions);
                if let Some(name) = name.or_else(|| purpose.suggested_name().map(str::to_owned)) {
                    dialog = dialog.set_file_name(name);
                }
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                let path = if purpose.is_save() {
                    dialog.save_file()
                } else {
                    dialog.pick_file()
                };
                // The app may have closed meanwhile; then nobody needs the answer.
                let _ = sender.send(path);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.open = Some((purpose, receiver));
        }
    }

    /// The file chosen in a dialog that has closed since the last call.
    pub fn poll(&mut self) -> Option<(FilePurpose, PathBuf)> {
        let (purpose, receiver) = self.open.as_ref()?;
        match receiver.try_recv() {
            Ok(path) => {
                let purpose = *purpose;
                self.open = None;
                path.map(|path| (purpose, path))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.open = None;
                None
            }
        }
    }
}
