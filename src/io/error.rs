//! Why a plan file could not be opened or saved, worded for the person who
//! has to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::validate::ValidationError;

/// Everything that can go wrong reading or writing a plan file.
///
/// Every message names the file when there is one. Errors about the text of
/// a plan carry `path: None` when the text came from [`super::parse_plan`]
/// rather than from a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    #[error("No such file: {}", .path.display())]
    NotFound { path: PathBuf },

    #[error("{} is a folder, not a plan file", .path.display())]
    IsFolder { path: PathBuf },

    #[error(
        "{} is not a regular file (it is a pipe, socket or device), so Yearplan does not open it",
        .path.display()
    )]
    NotRegularFile { path: PathBuf },

    #[error(
        "{} is too large to be a plan: it is {}, and the limit is {}",
        .path.display(), Size(*.size_bytes), Size(*.max_bytes)
    )]
    TooLarge {
        path: PathBuf,
        size_bytes: u64,
        max_bytes: u64,
    },

    #[error("Could not read {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "{} is not a text file: byte {offset} is not valid UTF-8",
        Subject(.path)
    )]
    NotUtf8 {
        path: Option<PathBuf>,
        /// Counted from 0, the first byte that is not UTF-8.
        offset: usize,
    },

    #[error(
        "{} is empty; a plan file starts with `(format_version: {}, title: ...`",
        Subject(.path), crate::model::FORMAT_VERSION
    )]
    Empty { path: Option<PathBuf> },

    #[error(
        "{} was written by a newer version of Yearplan (format {found}; this version reads \
         format {supported}). Update Yearplan to open it.",
        Subject(.path)
    )]
    NewerFormat {
        path: Option<PathBuf>,
        found: u32,
        supported: u32,
    },

    #[error(
        "{} has no format_version, so it is not a Yearplan plan (or its opening line is damaged)",
        Subject(.path)
    )]
    MissingFormatVersion { path: Option<PathBuf> },

    #[error(
        "{} has format_version {found}, which no version of Yearplan writes; the file is damaged",
        Subject(.path)
    )]
    UnknownFormat { path: Option<PathBuf>, found: u32 },

    /// Bad RON, a wrong type, an unknown or missing field, an impossible
    /// date, or nesting deeper than any plan needs.
    /// With a file, `PATH:LINE:COLUMN: message` — the form editors and
    /// terminals turn into a jump to the spot.
    #[error("{}: {message}{}", Place(.path, *.line, *.column), Near(.excerpt))]
    Syntax {
        path: Option<PathBuf>,
        line: usize,
        column: usize,
        message: String,
        /// The text around the error, so the message stands on its own.
        excerpt: String,
    },

    #[error("{} is not a valid plan:\n{source}", Subject(.path))]
    Invalid {
        path: Option<PathBuf>,
        source: ValidationError,
    },

    #[error("Could not save {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoSuchFolder { path: PathBuf, folder: PathBuf },

    #[error("Could not save {}: it is a folder", .path.display())]
    TargetIsFolder { path: PathBuf },

    #[error("Could not save {}: it is not a regular file", .path.display())]
    TargetNotRegularFile { path: PathBuf },

    #[error("{} already exists; Yearplan will not overwrite it", .path.display())]
    AlreadyExists { path: PathBuf },

    #[error("Could not save {}: {step}: {source}", .path.display())]
    Write {
        path: PathBuf,
        /// What was being done, e.g. "could not create a file in /home/ann".
        step: String,
        source: std::io::Error,
    },

    #[error("Could not save {}: the plan could not be written as RON: {source}", .path.display())]
    Serialize { path: PathBuf, source: ron::Error },

    #[error("Did not save {}, because the plan has problems:\n{source}", .path.display())]
    InvalidPlan {
        path: PathBuf,
        source: ValidationError,
    },
}

impl FileError {
    /// The file the error is about, if it came from one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            FileError::NotFound { path }
            | FileError::IsFolder { path }
            | FileError::NotRegularFile { path }
            | FileError::TooLarge { path, .. }
            | FileError::Read { path, .. }
            | FileError::NoSuchFolder { path, .. }
            | FileError::TargetIsFolder { path }
            | FileError::TargetNotRegularFile { path }
            | FileError::AlreadyExists { path }
            | FileError::Write { path, .. }
            | FileError::Serialize { path, .. }
            | FileError::InvalidPlan { path, .. } => Some(path),
            FileError::NotUtf8 { path, .. }
            | FileError::Empty { path }
            | FileError::NewerFormat { path, .. }
            | FileError::MissingFormatVersion { path }
            | FileError::UnknownFormat { path, .. }
            | FileError::Syntax { path, .. }
            | FileError::Invalid { path, .. } => path.as_deref(),
        }
    }

    /// Line and column (both from 1) of a syntax error, for jumping to it.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            FileError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// Names the file in an error about text that was parsed before its
    /// origin was known.
    pub(crate) fn with_path(mut self, file: &Path) -> FileError {
        match &mut self {
            FileError::NotUtf8 { path, .. }
            | FileError::Empty { path }
            | FileError::NewerFormat { path, .. }
            | FileError::MissingFormatVersion { path }
            | FileError::UnknownFormat { path, .. }
            | FileError::Syntax { path, .. }
            | FileError::Invalid { path, .. } => *path = Some(file.to_path_buf()),
            _ => {}
        }
        self
    }
}

/// The file as the subject of a sentence.
struct Subject<'a>(&'a Option<PathBuf>);

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(path) => write!(f, "{}", path.display()),
            None => f.write_str("The plan"),
        }
    }
}

/// The file before a position in it, as compilers write it: `plan.ron: `.
struct Place<'a>(&'a Option<PathBuf>, usize, usize);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Place(path, line, column) = *self;
        match path {
            Some(path) => write!(f, "{}:{line}:{column}", path.display()),
            None => write!(f, "line {line}, column {column}"),
        }
    }
}

struct Near<'a>(&'a str);

impl fmt::Display for Near<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, ", near: {}", self.0)
        }
    }
}

/// A size in bytes as a person reads it: `2 GiB (2147483648 bytes)`.
pub(crate) struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
        let bytes = self.0;
        for (unit_bytes, unit) in UNITS {
            if bytes >= unit_bytes {
                // Precision loss is fine: this is one decimal for a person.
                #[allow(clippy::cast_precision_loss)]
                let amount = bytes as f64 / unit_bytes as f64;
                let amount = format!("{amount:.1}");
                let amount = amount.strip_suffix(".0").unwrap_or(&amount);
                return write!(f, "{amount} {unit} ({bytes} bytes)");
            }
        }
        let noun = if bytes == 1 { "byte" } else { "bytes" };
        write!(f, "{bytes} {noun}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(Size(1).to_string(), "1 byte");
        assert_eq!(Size(900).to_string(), "900 bytes");
        assert_eq!(Size(64 << 20).to_string(), "64 MiB (67108864 bytes)");
        assert_eq!(
            Size((2 << 30) + (1 << 29)).to_string(),
            "2.5 GiB (2684354560 bytes)"
        );
    }

    #[test]
    fn text_errors_name_the_file_once_known() {
        let error = FileError::NewerFormat {
            path: None,
            found: 2,
            supported: 1,
        };
        assert!(
            error
                .to_string()
                .starts_with("The plan was written by a newer")
        );
        let error = error.with_path(Path::new("plan.ron"));
        assert_eq!(
            error.to_string(),
            "plan.ron was written by a newer version of Yearplan (format 2; this version reads \
             format 1). Update Yearplan to open it."
        );
        assert_eq!(error.path(), Some(Path::new("plan.ron")));
    }
}
