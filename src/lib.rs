//! Yearplan: a desktop app for running a one-year plan.
//!
//! The model and the file formats build on their own (`--no-default-features`);
//! the window and the command line come with the default `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod cli;
pub mod desktop;
#[cfg(feature = "gui")]
pub mod dialogs;
pub mod io;
pub mod model;
pub mod report;
#[cfg(feature = "gui")]
pub mod ui;
