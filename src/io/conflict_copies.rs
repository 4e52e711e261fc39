//! The copies sync tools leave beside a file that two machines changed at
//! once: Syncthing's `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`,
//! Dropbox's `NAME (Ann's conflicted copy YYYY-MM-DD).EXT` and Nextcloud's
//! `NAME (conflicted copy YYYY-MM-DD HHMMSS).EXT`.

use std::path::{Path, PathBuf};

/// Whether the file named `candidate` is a sync tool's conflict copy of the
/// file named `original`, both names without their folder.
pub fn is_conflict_copy(original: &str, candidate: &str) -> bool {
    if original == candidate {
        return false;
    }
    // "year.plan.ron": the copy keeps the last extension and puts its mark
    // before it (Syncthing, Nextcloud and Dropbox alike).
    let (stem, extension) = match original.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
        _ => (original, String::new()),
    };
    let Some(middle) = candidate
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_suffix(extension.as_str()))
    else {
        return false;
    };
    if let Some(mark) = middle.strip_prefix(".sync-conflict-") {
        // YYYYMMDD-HHMMSS-DEVICE
        let mut parts = mark.splitn(3, '-');
        let digits = |part: Option<&str>, len: usize| {
            part.is_some_and(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
        };
        return digits(parts.next(), 8) && digits(parts.next(), 6);
    }
    middle.starts_with(" (")
        && middle.ends_with(')')
        && middle.to_lowercase().contains("conflicted copy")
}

/// The conflict copies of the file at `path` in its folder, oldest name
/// first; none when the folder cannot be read.
pub fn conflict_copies_of(path: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
    else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|candidate| is_conflict_copy(name, candidate))
        })
        .map(|entry| entry.path())
        .collect();
    copies.sort();
    copies
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_copies_of_syncthing_dropbox_and_nextcloud_are_recognised() {
        let plan = "year.plan.ron";
        for copy in [
            "year.plan.sync-conflict-20261203-101500-7ZXNKIE.ron",
            "year.plan (Ann's conflicted copy 2026-12-03).ron",
            "year.plan (Ann's conflicted copy 2026-12-03 (1)).ron",
            "year.plan (conflicted copy 2026-12-03 101500).ron",
            "year.plan (Conflicted copy from laptop on 2026-12-03).ron",
        ] {
            assert!(is_conflict_copy(plan, copy), "{copy}");
        }
        for other in [
            "year.plan.ron",
            "year.plan.ron.bak",
            "other.plan.sync-conflict-20261203-101500-7ZXNKIE.ron",
            "year.plan.sync-conflict-2026-101500-X.ron",
            "year.plan (copy).ron",
            "year.plan.sync-conflict-20261203-101500-7ZXNKIE.md",
        ] {
            assert!(!is_conflict_copy(plan, other), "{other}");
        }
        assert!(is_conflict_copy(
            "plan",
            "plan.sync-conflict-20261203-101500-AB"
        ));
    }

    #[test]
    fn copies_are_found_beside_the_file() {
        let folder = tempfile::tempdir().unwrap();
        let plan = folder.path().join("year.plan.ron");
        for name in [
            "year.plan.ron",
            "year.plan.sync-conflict-20261203-101500-7ZXNKIE.ron",
            "year.plan (Ann's conflicted copy 2026-12-03).ron",
            "notes.md",
        ] {
            std::fs::write(folder.path().join(name), "x").unwrap();
        }
        let found: Vec<String> = conflict_copies_of(&plan)
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            found,
            [
                "year.plan (Ann's conflicted copy 2026-12-03).ron",
                "year.plan.sync-conflict-20261203-101500-7ZXNKIE.ron"
            ]
        );
    }
}
