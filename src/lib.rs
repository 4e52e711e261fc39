//! Yearplan: a desktop app for running a one-year plan.

pub mod app;
pub mod cli;
pub mod desktop;
pub mod dialogs;
pub mod io;
pub mod model;
pub mod report;
pub mod ui;
