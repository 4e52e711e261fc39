//! The desktop files: the icon, the launcher and the plan file type, and
//! `yearplan install-desktop` / `uninstall-desktop` run as the real binary
//! in a throw-away home folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::cli::{binary, text};
use yearplan::desktop::{
    self, DESKTOP_ENTRY, ICON_PNGS, ICON_SVG, INSTALLED_MARKER, MIME_DEFINITION, PLAN_EXTENSION,
    PLAN_MIME_TYPE, WINDOW_ICON_PNG,
};

/// Runs the binary with nothing of the caller's environment but `PATH`, so
/// the test can never write into the real home folder.
fn yearplan(args: &[&str], home: &Path, data_home: Option<&Path>, path_var: &OsString) -> Output {
    let mut command = binary();
    command
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", path_var);
    if let Some(data_home) = data_home {
        command.env("XDG_DATA_HOME", data_home);
    }
    command.output().unwrap()
}

fn real_path() -> OsString {
    std::env::var_os("PATH").unwrap_or_default()
}

/// `yearplan COMMAND` with the caller's `PATH`, so that the database tools
/// run where they are installed.
fn run(command: &str, home: &Path, data_home: Option<&Path>) -> Output {
    yearplan(&[command], home, data_home, &real_path())
}

/// `run`, which must succeed; what the command printed.
fn run_ok(command: &str, home: &Path, data_home: Option<&Path>) -> String {
    let output = run(command, home, data_home);
    let stdout = text(&output.stdout);
    assert!(
        output.status.success(),
        "stdout: {stdout}\nstderr: {}",
        text(&output.stderr)
    );
    stdout
}

/// The files install-desktop promises, spelled out here rather than taken
/// from the library, so a change to the layout has to change this test too.
fn expected_files(data_home: &Path) -> Vec<PathBuf> {
    let mut files = vec![data_home.join("applications/yearplan.desktop")];
    for size in [32, 48, 64, 128, 256, 512] {
        files.push(data_home.join(format!("icons/hicolor/{size}x{size}/apps/yearplan.png")));
    }
    files.push(data_home.join("icons/hicolor/scalable/apps/yearplan.svg"));
    files.push(data_home.join("mime/packages/yearplan.xml"));
    files
}

fn binary_path() -> PathBuf {
    fs::canonicalize(env!("CARGO_BIN_EXE_yearplan")).unwrap()
}

/// `desktop-file-validate` when it is installed (Debian: desktop-file-utils);
/// `None`, with a note, when it is not.
fn validate_desktop_entry(path: &Path) -> Option<Output> {
    match Command::new("desktop-file-validate").arg(path).output() {
        Ok(output) => Some(output),
        Err(error) => {
            println!(
                "note: desktop-file-validate could not be run ({error}); install desktop-file-utils to check {}",
                path.display()
            );
            None
        }
    }
}

fn assert_valid_desktop_entry(path: &Path) {
    if let Some(output) = validate_desktop_entry(path) {
        assert!(
            output.status.success() && output.stdout.is_empty(),
            "desktop-file-validate {}:\n{}{}",
            path.display(),
            text(&output.stdout),
            text(&output.stderr)
        );
    }
}

#[test]
fn install_desktop_writes_the_files_and_uninstall_desktop_removes_them() {
    let home = tempfile::tempdir().unwrap();
    let data_home = home.path().join("data");
    // Files that are not Yearplan's, which neither command may touch.
    let other_launcher = data_home.join("applications/other.desktop");
    let other_icon = data_home.join("icons/hicolor/48x48/apps/other.png");
    for other in [&other_launcher, &other_icon] {
        fs::create_dir_all(other.parent().unwrap()).unwrap();
        fs::write(other, "not Yearplan's").unwrap();
    }

    let stdout = run_ok("install-desktop", home.path(), Some(&data_home));
    for file in expected_files(&data_home) {
        assert!(file.is_file(), "{} was not written", file.display());
        assert!(
            stdout.contains(&file.display().to_string()),
            "{} is not reported:\n{stdout}",
            file.display()
        );
    }
    assert!(
        stdout.contains(&binary_path().display().to_string()),
        "{stdout}"
    );
    for tool in [
        "update-desktop-database",
        "update-mime-database",
        "gtk-update-icon-cache",
    ] {
        assert!(
            stdout.contains(&format!("Ran: {tool} "))
                || stdout.contains(&format!("{tool}: not found")),
            "what {tool} did is not reported:\n{stdout}"
        );
    }

    // The launcher starts this very binary by its absolute path.
    let entry_path = data_home.join("applications/yearplan.desktop");
    let entry = fs::read_to_string(&entry_path).unwrap();
    assert!(entry.starts_with(INSTALLED_MARKER), "{entry}");
    let exec = format!("\nExec={} %f\n", binary_path().display());
    assert!(entry.contains(&exec), "no {exec:?} in:\n{entry}");
    assert!(entry.contains(&format!("\nMimeType={PLAN_MIME_TYPE};\n")));
    assert_valid_desktop_entry(&entry_path);

    assert_eq!(
        fs::read(data_home.join("icons/hicolor/256x256/apps/yearplan.png")).unwrap(),
        ICON_PNGS[4].1
    );
    assert_eq!(
        fs::read_to_string(data_home.join("icons/hicolor/scalable/apps/yearplan.svg")).unwrap(),
        ICON_SVG
    );
    assert_eq!(
        fs::read_to_string(data_home.join("mime/packages/yearplan.xml")).unwrap(),
        MIME_DEFINITION
    );
    // When update-mime-database ran, the glob is in the database it built.
    let globs = data_home.join("mime/globs2");
    if globs.is_file() {
        let globs = fs::read_to_string(globs).unwrap();
        assert!(
            globs.contains(&format!(":{PLAN_MIME_TYPE}:*.{PLAN_EXTENSION}")),
            "{globs}"
        );
    } else {
        println!("note: update-mime-database is not installed; the MIME database was not built");
    }

    // Installing again (after moving the binary, say) just rewrites the files.
    let output = run("install-desktop", home.path(), Some(&data_home));
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));

    let stdout = run_ok("uninstall-desktop", home.path(), Some(&data_home));
    for file in expected_files(&data_home) {
        assert!(!file.exists(), "{} was not removed", file.display());
        assert!(
            stdout.contains(&file.display().to_string()),
            "{} is not reported:\n{stdout}",
            file.display()
        );
    }
    for other in [&other_launcher, &other_icon] {
        assert_eq!(fs::read_to_string(other).unwrap(), "not Yearplan's");
    }
    if let Ok(globs) = fs::read_to_string(data_home.join("mime/globs2")) {
        assert!(!globs.contains(PLAN_MIME_TYPE), "{globs}");
    }

    // Uninstalling twice finds nothing to do, and says so.
    let output = run("uninstall-desktop", home.path(), Some(&data_home));
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("Nothing to remove"));
}

#[test]
fn without_xdg_data_home_the_files_go_under_home_local_share() {
    let home = tempfile::tempdir().unwrap();
    let data_home = home.path().join(".local/share");
    let output = run("install-desktop", home.path(), None);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    for file in expected_files(&data_home) {
        assert!(file.is_file(), "{} was not written", file.display());
    }
    let output = run("uninstall-desktop", home.path(), None);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    for file in expected_files(&data_home) {
        assert!(!file.exists(), "{} was not removed", file.display());
    }
}

#[test]
fn missing_database_tools_are_reported_and_do_not_fail_the_command() {
    let home = tempfile::tempdir().unwrap();
    let empty_path = home.path().join("no-tools-here");
    fs::create_dir(&empty_path).unwrap();
    let path_var = OsString::from(&empty_path);

    let output = yearplan(&["install-desktop"], home.path(), None, &path_var);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    for tool in [
        "update-desktop-database",
        "update-mime-database",
        "gtk-update-icon-cache",
    ] {
        assert!(
            stdout.contains(&format!("Skipped {tool}: not found on PATH")),
            "{stdout}"
        );
    }
    assert!(!stdout.contains("Ran:"), "{stdout}");

    let output = yearplan(&["uninstall-desktop"], home.path(), None, &path_var);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
}

#[test]
fn a_launcher_written_by_hand_is_neither_overwritten_nor_removed() {
    let home = tempfile::tempdir().unwrap();
    let data_home = home.path().join("data");
    let entry = data_home.join("applications/yearplan.desktop");
    fs::create_dir_all(entry.parent().unwrap()).unwrap();
    let by_hand = "[Desktop Entry]\nType=Application\nName=My Yearplan\nExec=/opt/yp %f\n";
    fs::write(&entry, by_hand).unwrap();

    let output = run("install-desktop", home.path(), Some(&data_home));
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains(&entry.display().to_string()), "{stderr}");
    assert!(
        stderr.contains("was not written by `yearplan install-desktop`"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&entry).unwrap(), by_hand);
    // Refused before anything was written.
    assert!(!data_home.join("icons").exists());
    assert!(!data_home.join("mime").exists());

    let output = run("uninstall-desktop", home.path(), Some(&data_home));
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    assert!(
        stdout.contains(&format!("Left {} alone", entry.display())),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&entry).unwrap(), by_hand);
}

#[test]
fn without_any_home_the_command_says_why_it_cannot_install() {
    let output = binary()
        .arg("install-desktop")
        .env_clear()
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("neither XDG_DATA_HOME nor HOME is set"),
        "{stderr}"
    );
}

#[test]
fn the_packaged_launcher_and_one_for_an_awkward_path_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let packaged = dir.path().join("yearplan.desktop");
    fs::write(&packaged, DESKTOP_ENTRY).unwrap();
    assert_valid_desktop_entry(&packaged);

    let awkward =
        desktop::desktop_entry_for(Path::new("/opt/My Apps/$HOME's 100%/yearplan")).unwrap();
    assert!(
        awkward.contains("\nExec=\"/opt/My Apps/\\\\$HOME's 100%%/yearplan\" %f\n"),
        "{awkward}"
    );
    let generated = dir.path().join("generated/yearplan.desktop");
    fs::create_dir_all(generated.parent().unwrap()).unwrap();
    fs::write(&generated, awkward).unwrap();
    assert_valid_desktop_entry(&generated);
}

#[test]
fn the_icons_are_the_sizes_they_claim_and_the_window_icon_decodes() {
    for (size, png) in ICON_PNGS {
        let icon = eframe::icon_data::from_png_bytes(png).unwrap();
        assert_eq!((icon.width, icon.height), (size, size));
        assert!(
            icon.rgba.chunks(4).any(|pixel| pixel[3] == 0),
            "{size}: no transparent corner"
        );
    }
    let icon = eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG).unwrap();
    assert_eq!((icon.width, icon.height), (128, 128));
    assert!(ICON_SVG.contains("viewBox=\"0 0 512 512\""));
}

#[test]
fn the_plan_extension_is_a_ron_extension() {
    // Plans saved as NAME.plan.ron must still be found by anything that looks for .ron.
    assert_eq!(
        Path::new(&format!("my-year.{PLAN_EXTENSION}"))
            .extension()
            .unwrap(),
        "ron"
    );
}
