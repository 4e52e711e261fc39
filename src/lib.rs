//! Yearplan: a desktop app for running a one-year plan.

pub mod io;
pub mod model;
