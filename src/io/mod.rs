//! Reading and writing plan files.

pub mod calendar;
mod conflict_copies;
pub mod csv_ledger;
pub mod csv_money;
pub mod csv_time;
mod error;
mod file;
pub mod import;
pub mod markdown;
mod ron_format;
mod templates;

pub use conflict_copies::{conflict_copies_of, is_conflict_copy};
pub use error::FileError;
pub use file::{
    MAX_FILE_BYTES, backup_path, default_plan, example_plan, load_plan, parse_plan, read_bytes,
    read_text, save_bytes, save_export, save_new_plan, save_plan, save_plan_replacing,
};
pub use ron_format::{pretty_config, to_ron_string};
pub use templates::{TEMPLATES, Template, template_list};
