//! The plan and its arithmetic. Nothing here knows about egui, files or the
//! clock: every function takes what it needs (including "today") as input.

pub mod amount;
mod board_command;
pub mod calendar;
pub mod command;
pub mod derived;
pub mod format;
pub mod hours;
pub mod ids;
pub mod import_rules;
pub mod ledger;
pub mod merge;
mod metric_command;
pub mod money;
mod money_command;
pub mod next_year;
pub mod overview;
mod plan;
pub mod progress;
pub mod review;
pub mod sample;
mod structure;
pub mod summaries;
pub mod time;
mod time_command;
pub mod timer;
pub mod validate;
mod window;
pub mod year_end;

pub use plan::*;
