//! Opening and saving plan files.
//!
//! Opening is defensive: whatever is at the path (a folder, a pipe, a 2 GB
//! file, binary junk, hostile nesting, a plan from a newer Yearplan, a plan
//! with NaN hours) gets a message a person can act on, and nothing on disk is
//! touched. Saving never leaves a half-written plan: the new text goes to a
//! temporary file in the same folder, is synced, and is renamed over the old
//! one, after the old one has been kept as `NAME.bak`.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use tempfile::NamedTempFile;

use super::error::FileError;
use super::ron_format::to_ron_string;
use crate::model::validate::{MAX_CENTS, validate};
use crate::model::{FORMAT_VERSION, Plan};

/// The largest plan file Yearplan opens. A plan written by hand or by years
/// of daily logging is well under a megabyte; anything near this is not a plan.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

// Every amount in a file takes at least one byte of it, so no sum over a file
// that passes the size cap can overflow, as long as this holds.
const _: () = assert!(
    (MAX_CENTS as i128) * (MAX_FILE_BYTES as i128) < i64::MAX as i128,
    "MAX_CENTS times MAX_FILE_BYTES must fit in an i64"
);

/// The seed plan shipped inside the binary (see `seeds/annual-plan.md`).
pub(super) const DEFAULT_PLAN_RON: &str = include_str!("../../assets/default-plan.ron");

/// How deep a plan may nest. The deepest real path (plan → swimlanes → block
/// → tasks → task → date) is under ten; ron's default of 128 leaves room and
/// keeps a hostile file far from a stack overflow.
const RECURSION_LIMIT: usize = 128;

/// The plan shipped with Yearplan, with its year starting on 1 January of
/// `today`'s year.
///
/// The embedded file is checked by the test suite; should it ever fail to
/// parse, an empty plan is returned rather than refusing to start.
pub fn default_plan(today: NaiveDate) -> Plan {
    let start_date = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let mut plan =
        parse_plan(DEFAULT_PLAN_RON).unwrap_or_else(|_| Plan::empty("My year", start_date));
    plan.start_date = start_date;
    plan
}

/// The example plan shipped with Yearplan: the seed plan half a year in.
const EXAMPLE_PLAN_RON: &str = include_str!("../../assets/examples/example-plan.ron");

/// The example plan shipped with Yearplan (see `assets/examples/`). The
/// embedded file is checked by the test suite, like the default plan.
pub fn example_plan() -> Result<Plan, FileError> {
    parse_plan(EXAMPLE_PLAN_RON)
}

/// Reads the plan at `path`, refusing anything that is not a sound plan file.
pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    let text = read_text(path)?;
    parse_plan(&text).map_err(|error| error.with_path(path))
}

/// Parses the text of a plan file: checks its format version, migrates it
/// from older formats, parses it, and validates the result.
pub fn parse_plan(text: &str) -> Result<Plan, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty { path: None });
    }
    let version = probe_format_version(text)?;
    let text = migrate(text, version)?;
    let mut plan: Plan = ron_options()
        .from_str(&text)
        .map_err(|error| syntax_error(&text, &error))?;
    plan.format_version = FORMAT_VERSION;
    plan.give_missing_ids();
    validate(&plan).map_err(|source| FileError::Invalid { path: None, source })?;
    Ok(plan)
}

/// Writes `plan` to `path` atomically, keeping the file it replaces as
/// `PATH.bak` (e.g. `plan.ron.bak`).
///
/// On any error the file at `path` is left exactly as it was. A plan that
/// fails [`validate`] is not written, because Yearplan could not open it again.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    save(path, plan, Overwrite::KeepBackup)
}

/// Writes `plan` to `path` atomically without keeping a `.bak`: for the
/// file git hands a merge driver, a temporary copy whose backup would be
/// litter in the working tree.
pub fn save_plan_replacing(path: &Path, plan: &Plan) -> Result<(), FileError> {
    save(path, plan, Overwrite::Replace)
}

/// Writes `plan` to `path` atomically, refusing if anything is already there
/// (even if it appears between the check and the write).
pub fn save_new_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    save(path, plan, Overwrite::Never)
}

fn ron_options() -> ron::Options {
    // Options::default() already caps recursion at 128; saying so here keeps
    // the limit from silently changing with a ron upgrade. Yearplan writes
    // `due: Some("2026-03-31")`, but a person editing the file by hand writes
    // `due: "2026-03-31"`; implicit `Some` reads both.
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads a text file to import (CSV, Markdown) with the same care as a plan:
/// never a folder or a pipe, never more than [`MAX_FILE_BYTES`], UTF-8 only.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|error| FileError::NotUtf8 {
        path: Some(path.to_path_buf()),
        offset: error.utf8_error().valid_up_to(),
    })
}

/// Reads the file's bytes after making sure, without opening it, that it is
/// a regular file of a sane size: opening a FIFO would block forever. For
/// exports, whose encoding is worked out from the bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let owned = || path.to_path_buf();
    let metadata = fs::metadata(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => FileError::NotFound { path: owned() },
        _ => FileError::Read {
            path: owned(),
            source,
        },
    })?;
    check_is_readable_plan(path, &metadata)?;

    let file = File::open(path).map_err(|source| FileError::Read {
        path: owned(),
        source,
    })?;
    // The path could have been swapped between the two looks; the open file
    // itself is what counts now. (A FIFO swapped in just before the open
    // would still block it: that takes a local process racing Yearplan on
    // purpose, and refusing it would need O_NONBLOCK from libc.)
    let metadata = file.metadata().map_err(|source| FileError::Read {
        path: owned(),
        source,
    })?;
    check_is_readable_plan(path, &metadata)?;

    let mut bytes = Vec::new();
    // Reading one byte past the cap catches a file that grew after the check.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| FileError::Read {
            path: owned(),
            source,
        })?;
    let read_bytes = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read_bytes > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: owned(),
            size_bytes: read_bytes,
            max_bytes: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

fn check_is_readable_plan(path: &Path, metadata: &fs::Metadata) -> Result<(), FileError> {
    let owned = || path.to_path_buf();
    if metadata.is_dir() {
        return Err(FileError::IsFolder { path: owned() });
    }
    if !metadata.is_file() {
        return Err(FileError::NotRegularFile { path: owned() });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: owned(),
            size_bytes: metadata.len(),
            max_bytes: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Only the version of a plan file, read while skipping everything else, so
/// a file from a newer Yearplan is recognised even though the rest of it
/// would not parse as today's [`Plan`].
#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct VersionProbe {
    #[serde(default, deserialize_with = "present")]
    format_version: Option<u32>,
}

/// RON writes a present option as `Some(1)`; the file writes a bare `1`, so
/// presence is told apart from absence by `default` instead.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(deserializer).map(Some)
}

fn probe_format_version(text: &str) -> Result<u32, FileError> {
    let probe: VersionProbe = match ron_options().from_str(text) {
        Ok(probe) => probe,
        // Not even well-formed RON: the full parse reports where, with the
        // types it expected, which says more than the probe could.
        Err(_) => return Ok(FORMAT_VERSION),
    };
    match probe.format_version {
        None => Err(FileError::MissingFormatVersion { path: None }),
        Some(0) => Err(FileError::UnknownFormat {
            path: None,
            found: 0,
        }),
        Some(found) if found > FORMAT_VERSION => Err(FileError::NewerFormat {
            path: None,
            found,
            supported: FORMAT_VERSION,
        }),
        Some(found) => Ok(found),
    }
}

/// Brings the text of a plan written in format `version` up to
/// [`FORMAT_VERSION`].
///
/// Where future migrations go: when the format changes, bump
/// `FORMAT_VERSION`, and add an arm here for the previous version that
/// rewrites its text (or parses it into a frozen copy of the old types and
/// converts) into the next version, then falls through to the next arm, so a
/// file from any old version is carried forward one step at a time. Each
/// migration gets a test with a real file of the old version.
fn migrate(text: &str, version: u32) -> Result<Cow<'_, str>, FileError> {
    match version {
        // Format 2 added `import_rules` at the end, read with its default
        // when absent, so the text of a format 1 plan already reads as a
        // format 2 plan without rules. (The version it says is overwritten
        // after parsing, and the next save writes 2.)
        1 => migrate(text, 2),
        // Format 3 gave records ids. A record without one reads with id 0
        // and is given one derived from its content and position after
        // parsing (`Plan::give_missing_ids`), so two copies of one old file
        // migrate to the same ids; the text itself needs no change.
        2 => migrate(text, 3),
        // Format 4 added the timer, absent when none runs: a format 3 file
        // reads as one without a timer.
        3 => migrate(text, 4),
        // Format 5 added the yearly period, for the year-end review: a
        // format 4 file has none, and reads as it is.
        4 => migrate(text, 5),
        FORMAT_VERSION => Ok(Cow::Borrowed(text)),
        // The probe has already refused 0 and newer versions; this arm keeps
        // the function total rather than trusting that.
        found => Err(FileError::UnknownFormat { path: None, found }),
    }
}

fn syntax_error(text: &str, error: &ron::error::SpannedError) -> FileError {
    let position = error.span.start;
    let message = match &error.code {
        ron::Error::ExceededRecursionLimit => format!(
            "the plan nests more than {RECURSION_LIMIT} levels deep; no plan needs that, \
             so the file is damaged"
        ),
        ron::Error::IntegerOutOfBounds => {
            "the number is too large (or too small) for this field".to_owned()
        }
        ron::Error::Message(message) if is_date_error(message) => {
            format!("not a valid date (dates are written \"YYYY-MM-DD\"): {message}")
        }
        code => code.to_string(),
    };
    FileError::Syntax {
        path: None,
        line: position.line,
        column: position.col,
        message,
        excerpt: excerpt(text, position.line, position.col),
    }
}

/// Chrono's words for a string that is not a date; in a plan, dates are the
/// only values parsed from strings, so these can only come from a date.
fn is_date_error(message: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
    ]
    .contains(&message)
}

/// A short stretch of the offending line, so the message can be understood
/// without opening the file. Bounded so a minified or hostile one-line file
/// does not make a message megabytes long.
fn excerpt(text: &str, line: usize, column: usize) -> String {
    const BEFORE_CHARS: usize = 30;
    const AFTER_CHARS: usize = 30;
    let Some(line_text) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let start = column.saturating_sub(1).saturating_sub(BEFORE_CHARS);
    let chars: Vec<char> = line_text
        .chars()
        .skip(start)
        .take(BEFORE_CHARS + AFTER_CHARS + 1)
        .collect();
    let mut shown: String = chars.iter().collect();
    shown = shown.trim().to_owned();
    if shown.is_empty() {
        return String::new();
    }
    let cut_before = start > 0;
    let cut_after = line_text.chars().count() > start + chars.len();
    format!(
        "{}{shown}{}",
        if cut_before { "…" } else { "" },
        if cut_after { "…" } else { "" }
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Overwrite {
    /// Replace the file, keeping the old one as `PATH.bak`.
    KeepBackup,
    /// Replace the file without a backup.
    Replace,
    /// Refuse if anything is there.
    Never,
}

fn save(path: &Path, plan: &Plan, overwrite: Overwrite) -> Result<(), FileError> {
    let target = resolve_target(path)?;
    let folder = folder_of(&target);
    check_folder(path, &folder)?;
    let existing = existing_regular_file(path, &target)?;
    if overwrite == Overwrite::Never && existing.is_some() {
        return Err(FileError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }

    validate(plan).map_err(|source| FileError::InvalidPlan {
        path: path.to_path_buf(),
        source,
    })?;
    let text = to_ron_string(plan).map_err(|source| FileError::Serialize {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomically(
        path,
        &target,
        &folder,
        existing.as_ref(),
        text.as_bytes(),
        overwrite,
    )
}

/// Writes an exported file (CSV, Markdown) atomically, replacing any file at
/// `path` without keeping a backup: an export is made again at will.
pub fn save_export(path: &Path, text: &str) -> Result<(), FileError> {
    save_bytes(path, text.as_bytes())
}

/// Writes `bytes` (a picture) to `path` atomically, replacing what is there,
/// as [`save_export`] writes text.
pub fn save_bytes(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let target = resolve_target(path)?;
    let folder = folder_of(&target);
    check_folder(path, &folder)?;
    let existing = existing_regular_file(path, &target)?;
    write_atomically(
        path,
        &target,
        &folder,
        existing.as_ref(),
        bytes,
        Overwrite::Replace,
    )
}

/// The new text goes to a temporary file in the same folder, is synced, and
/// is renamed over the old file, so no reader ever sees half of it.
fn write_atomically(
    path: &Path,
    target: &Path,
    folder: &Path,
    existing: Option<&fs::Metadata>,
    bytes: &[u8],
    overwrite: Overwrite,
) -> Result<(), FileError> {
    let write_error = |step: String| {
        move |source: io::Error| FileError::Write {
            path: path.to_path_buf(),
            step,
            source,
        }
    };

    let mut temp = new_temporary_file(folder).map_err(write_error(format!(
        "could not create a file in {}",
        folder.display()
    )))?;
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(write_error("could not write the new version".to_owned()))?;
    if let Some(metadata) = existing {
        // Keep who may read the plan as it was; the temporary file is private.
        // Best effort: failing to copy permissions is no reason not to save.
        let _ = fs::set_permissions(temp.path(), metadata.permissions());
    }

    match overwrite {
        Overwrite::KeepBackup | Overwrite::Replace => {
            if overwrite == Overwrite::KeepBackup && existing.is_some() {
                back_up(path, target, folder)?;
            }
            temp.persist(target).map_err(|error| {
                write_error("could not replace the old version".to_owned())(error.error)
            })?;
        }
        Overwrite::Never => {
            temp.persist_noclobber(target).map_err(|error| {
                if error.error.kind() == io::ErrorKind::AlreadyExists {
                    FileError::AlreadyExists {
                        path: path.to_path_buf(),
                    }
                } else {
                    write_error("could not create the file".to_owned())(error.error)
                }
            })?;
        }
    }
    sync_folder(folder);
    Ok(())
}

/// Saving through a symlink writes the file it points to, so a plan kept in a
/// dotfiles repository and linked elsewhere stays linked.
fn resolve_target(path: &Path) -> Result<PathBuf, FileError> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|source| FileError::Write {
                path: path.to_path_buf(),
                step: "could not follow the link to the file".to_owned(),
                source,
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn check_folder(path: &Path, folder: &Path) -> Result<(), FileError> {
    match fs::metadata(folder) {
        Ok(metadata) if metadata.is_dir() => Ok(()),
        Ok(_) => Err(FileError::NoSuchFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Err(FileError::NoSuchFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
        Err(source) => Err(FileError::Write {
            path: path.to_path_buf(),
            step: format!("could not look at the folder {}", folder.display()),
            source,
        }),
    }
}

/// The metadata of the file about to be replaced, if there is one; anything
/// other than a regular file there is refused rather than replaced.
fn existing_regular_file(path: &Path, target: &Path) -> Result<Option<fs::Metadata>, FileError> {
    match fs::metadata(target) {
        Ok(metadata) if metadata.is_dir() => Err(FileError::TargetIsFolder {
            path: path.to_path_buf(),
        }),
        Ok(metadata) if !metadata.is_file() => Err(FileError::TargetNotRegularFile {
            path: path.to_path_buf(),
        }),
        Ok(metadata) => Ok(Some(metadata)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(FileError::Write {
            path: path.to_path_buf(),
            step: "could not look at the existing file".to_owned(),
            source,
        }),
    }
}

/// The path of the backup kept beside `path`: `plan.ron` → `plan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// A temporary file in `folder` made as any program makes a new file: with
/// the permissions the umask leaves of read and write for all (0644 under
/// the usual umask), not private to the owner as temporary files are, so a
/// new plan, export or status page can be shared like any other file. A file
/// that replaces another takes that one's permissions instead.
fn new_temporary_file(folder: &Path) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// Copies the current file to `PATH.bak` through a temporary file, so a
/// crash mid-copy leaves the previous backup whole.
fn back_up(path: &Path, target: &Path, folder: &Path) -> Result<(), FileError> {
    let backup = backup_path(target);
    let step = || {
        format!(
            "could not keep the previous version as {}",
            backup.display()
        )
    };
    let write_error = |source: io::Error| FileError::Write {
        path: path.to_path_buf(),
        step: step(),
        source,
    };
    let mut temp = NamedTempFile::new_in(folder).map_err(write_error)?;
    let mut current = File::open(target).map_err(write_error)?;
    io::copy(&mut current, &mut temp).map_err(write_error)?;
    temp.flush().map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if let Ok(metadata) = current.metadata() {
        let _ = fs::set_permissions(temp.path(), metadata.permissions());
    }
    temp.persist(&backup)
        .map_err(|error| write_error(error.error))?;
    Ok(())
}

/// Makes the rename itself durable. Best effort: not every platform lets a
/// folder be opened and synced, and the data is already safe in the file.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_bounded_and_marks_cuts() {
        let text = format!("short\n{}X{}\n", "a".repeat(100), "b".repeat(100));
        assert_eq!(excerpt(text.as_str(), 1, 3), "short");
        let near = excerpt(text.as_str(), 2, 101);
        assert!(near.starts_with('…') && near.ends_with('…'));
        assert!(near.contains("aX"));
        assert!(near.chars().count() <= 63);
        assert_eq!(excerpt(text.as_str(), 9, 1), "");
    }

    #[test]
    fn nesting_beyond_the_limit_is_explained() {
        // No field of today's plan nests deep enough to reach the limit (a
        // wrong type is found first), so the mapping is checked directly.
        let error = ron::error::SpannedError {
            code: ron::Error::ExceededRecursionLimit,
            span: ron::error::Span {
                start: ron::error::Position { line: 2, col: 7 },
                end: ron::error::Position { line: 2, col: 8 },
            },
        };
        let message = syntax_error("(\n goals: [[[[\n", &error).to_string();
        assert_eq!(
            message,
            "line 2, column 7: the plan nests more than 128 levels deep; no plan needs that, \
             so the file is damaged, near: goals: [[[["
        );
    }

    #[test]
    fn backup_sits_beside_the_plan() {
        assert_eq!(
            backup_path(Path::new("/home/ann/plan.ron")),
            Path::new("/home/ann/plan.ron.bak")
        );
        assert_eq!(backup_path(Path::new("plan")), Path::new("plan.bak"));
    }

    #[test]
    fn migrate_keeps_current_text_and_refuses_unknown() {
        assert_eq!(migrate("x", FORMAT_VERSION).unwrap(), "x");
        assert_eq!(migrate("x", 1).unwrap(), "x");
        assert!(matches!(
            migrate("x", 0),
            Err(FileError::UnknownFormat { found: 0, .. })
        ));
    }

    #[test]
    fn default_plan_starts_on_new_year() {
        let today = NaiveDate::from_ymd_opt(2031, 7, 14).unwrap();
        let plan = default_plan(today);
        assert_eq!(
            plan.start_date,
            NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()
        );
        assert_eq!(plan.format_version, FORMAT_VERSION);
    }
}
