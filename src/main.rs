//! The `yearplan` binary: parse the command line, then either run a
//! subcommand or open the window.

// A release build on Windows opens no console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use yearplan::app::{Clock, Preferences, Reading, YearplanApp};
use yearplan::cli::{self, Action, Cli};

fn main() -> ExitCode {
    match cli::run(Cli::parse()) {
        Action::Exit(code) => code,
        Action::Window { path } => match run_window(path.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("yearplan: could not open a window: {error}");
                ExitCode::FAILURE
            }
        },
    }
}

fn run_window(path: Option<&std::path::Path>) -> eframe::Result {
    // The plan is read while the window and its GL context are made: a
    // large plan then costs the start next to nothing.
    let reading = path.map(Reading::start);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Yearplan")
        // The launcher (yearplan.desktop) and the icon carry this name too.
        .with_app_id(yearplan::desktop::APP_ID)
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([640.0, 420.0]);
    // A broken icon is no reason not to open the plan: say so and go on.
    match eframe::icon_data::from_png_bytes(yearplan::desktop::WINDOW_ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => eprintln!(
            "yearplan: the window icon {} could not be decoded, so the window has none: {error}",
            yearplan::desktop::WINDOW_ICON_SOURCE
        ),
    }
    let options = eframe::NativeOptions {
        viewport,
        // Remembers the window's size and place between runs.
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Yearplan",
        options,
        Box::new(move |creation| {
            let preferences: Preferences = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, Preferences::KEY))
                .unwrap_or_default();
            creation.egui_ctx.set_theme(preferences.theme.preference());
            yearplan::app::install_fonts(&creation.egui_ctx);
            let mut app =
                YearplanApp::opening(reading, Clock::System).with_preferences(preferences);
            if let Some(folder) = YearplanApp::default_recovery_folder() {
                app = app.with_recovery_folder(folder);
            }
            Ok(Box::new(app))
        }),
    )
}
