//! Reading and writing plan files.

mod ron_format;

pub use ron_format::{pretty_config, to_ron_string};
