//! Yearplan on the desktop: its icon, its launcher, the plan file type, and
//! `yearplan install-desktop` / `uninstall-desktop`.
//!
//! Packages (the .deb) put the same files under `/usr/share`. People who
//! installed with `cargo install` have only a binary in `~/.cargo/bin`, so
//! `install-desktop` writes the launcher, icons and file type into their own
//! data folder, following the freedesktop.org specifications (desktop entry,
//! icon theme, shared MIME info), and `uninstall-desktop` takes them away.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The application id: eframe's `with_app_id`, the launcher's file name and
/// `StartupWMClass`, and the icon's name must all be this one word, or
/// desktops cannot match the window to its launcher and icon.
pub const APP_ID: &str = "yearplan";

/// The extension of plan files, without the leading dot: `my-year.plan.ron`.
/// Still RON; the double extension lets the desktop tell a plan from any
/// other RON file.
pub const PLAN_EXTENSION: &str = "plan.ron";

/// The MIME type of plan files, defined in `assets/yearplan-mime.xml`.
pub const PLAN_MIME_TYPE: &str = "application/x-yearplan";

/// The launcher as packages install it: `Exec=yearplan %f`, found on `PATH`.
pub const DESKTOP_ENTRY: &str = include_str!("../assets/yearplan.desktop");

/// The shared-mime-info definition of [`PLAN_MIME_TYPE`].
pub const MIME_DEFINITION: &str = include_str!("../assets/yearplan-mime.xml");

/// The icon's source; the PNGs are drawn from it with `rsvg-convert`.
pub const ICON_SVG: &str = include_str!("../assets/icons/yearplan.svg");

/// The icon as PNG, one per hicolor size (pixels square).
pub const ICON_PNGS: [(u32, &[u8]); 6] = [
    (32, include_bytes!("../assets/icons/yearplan-32.png")),
    (48, include_bytes!("../assets/icons/yearplan-48.png")),
    (64, include_bytes!("../assets/icons/yearplan-64.png")),
    (128, include_bytes!("../assets/icons/yearplan-128.png")),
    (256, include_bytes!("../assets/icons/yearplan-256.png")),
    (512, include_bytes!("../assets/icons/yearplan-512.png")),
];

/// The window icon: large enough for task switchers, small enough to decode
/// in well under a millisecond at start-up.
pub const WINDOW_ICON_PNG: &[u8] = include_bytes!("../assets/icons/yearplan-128.png");

/// Where [`WINDOW_ICON_PNG`] comes from, for messages.
pub const WINDOW_ICON_SOURCE: &str = "assets/icons/yearplan-128.png";

/// The first line of a launcher written by `install-desktop`. Uninstalling
/// removes a launcher only when it starts with this, so a launcher a person
/// wrote by hand under the same name is never deleted.
pub const INSTALLED_MARKER: &str =
    "# Written by `yearplan install-desktop`; `yearplan uninstall-desktop` removes it.";

/// Why installing or removing the desktop files failed. Every message names
/// the file or setting concerned and what went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DesktopError {
    #[error(
        "cannot tell where your data folder is: neither XDG_DATA_HOME nor HOME is set to an absolute path"
    )]
    NoDataHome,

    #[error("cannot find the path of this program, which the launcher has to start: {source}")]
    CurrentExe { source: io::Error },

    #[error("{} cannot be written in a launcher's Exec line: {reason}", .path.display())]
    UnusableExecutable { path: PathBuf, reason: &'static str },

    #[error(
        "{} already exists and was not written by `yearplan install-desktop`, so it is left as it is; move it away and run the command again",
        .path.display()
    )]
    NotOurs { path: PathBuf },

    #[error("could not create the folder {}: {source}", .path.display())]
    CreateFolder { path: PathBuf, source: io::Error },

    #[error("could not read {}: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("could not write {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("could not remove {}: {source}", .path.display())]
    Remove { path: PathBuf, source: io::Error },
}

/// The user's data folder: `$XDG_DATA_HOME`, or `$HOME/.local/share` when it
/// is unset, empty or relative (the XDG base directory specification says a
/// relative path there is to be ignored).
///
/// # Errors
/// [`DesktopError::NoDataHome`] when neither gives an absolute path.
pub fn data_home_from(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, DesktopError> {
    if let Some(dir) = xdg_data_home
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
    {
        return Ok(dir);
    }
    home.map(PathBuf::from)
        .filter(|home| home.is_absolute())
        .map(|home| home.join(".local").join("share"))
        .ok_or(DesktopError::NoDataHome)
}

/// The launcher's path under `data_home`.
pub fn desktop_entry_path(data_home: &Path) -> PathBuf {
    data_home
        .join("applications")
        .join(format!("{APP_ID}.desktop"))
}

/// The MIME definition's path under `data_home`.
pub fn mime_definition_path(data_home: &Path) -> PathBuf {
    data_home
        .join("mime")
        .join("packages")
        .join(format!("{APP_ID}.xml"))
}

/// The icons' paths under `data_home`, the PNGs first in [`ICON_PNGS`] order,
/// then the SVG.
pub fn icon_paths(data_home: &Path) -> Vec<PathBuf> {
    let hicolor = data_home.join("icons").join("hicolor");
    let mut paths: Vec<PathBuf> = ICON_PNGS
        .iter()
        .map(|(size, _)| {
            hicolor
                .join(format!("{size}x{size}"))
                .join("apps")
                .join(format!("{APP_ID}.png"))
        })
        .collect();
    paths.push(
        hicolor
            .join("scalable")
            .join("apps")
            .join(format!("{APP_ID}.svg")),
    );
    paths
}

/// Every file `install-desktop` writes under `data_home`, and nothing else:
/// this is also the whole list `uninstall-desktop` may remove.
pub fn installed_paths(data_home: &Path) -> Vec<PathBuf> {
    let mut paths = vec![desktop_entry_path(data_home)];
    paths.extend(icon_paths(data_home));
    paths.push(mime_definition_path(data_home));
    paths
}

/// The launcher for a binary at `executable`: [`DESKTOP_ENTRY`] with
/// [`INSTALLED_MARKER`] first and its `Exec` line pointing at that path, so
/// it works even when `~/.cargo/bin` is not on the desktop session's `PATH`.
///
/// # Errors
/// [`DesktopError::UnusableExecutable`] when the path cannot be written in
/// an `Exec` line (not UTF-8, or holding a control character).
pub fn desktop_entry_for(executable: &Path) -> Result<String, DesktopError> {
    let program = exec_argument(executable)?;
    let mut entry = String::with_capacity(DESKTOP_ENTRY.len() + program.len() + 100);
    entry.push_str(INSTALLED_MARKER);
    entry.push('\n');
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            // Writing to a String cannot fail.
            let _ = writeln!(entry, "Exec={program} %f");
        } else {
            entry.push_str(line);
            entry.push('\n');
        }
    }
    Ok(entry)
}

/// `executable` as the program of an `Exec` line: quoted when it holds a
/// character the desktop entry specification reserves, then escaped as a
/// string value (backslashes doubled after quoting, `%` written `%%`).
fn exec_argument(executable: &Path) -> Result<String, DesktopError> {
    const RESERVED: &[char] = &[
        ' ', '\t', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`',
    ];
    let unusable = |reason| DesktopError::UnusableExecutable {
        path: executable.to_path_buf(),
        reason,
    };
    let text = executable
        .to_str()
        .ok_or_else(|| unusable("the path is not valid UTF-8"))?;
    if text.chars().any(char::is_control) {
        return Err(unusable(
            "the path holds a control character such as a line break",
        ));
    }
    let quoted = if text.contains(RESERVED) {
        let mut quoted = String::from("\"");
        for character in text.chars() {
            if matches!(character, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(character);
        }
        quoted.push('"');
        quoted
    } else {
        text.to_owned()
    };
    Ok(quoted.replace('\\', "\\\\").replace('%', "%%"))
}

/// What one database tool did after the files changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshOutcome {
    /// Ran and succeeded.
    Ran,
    /// Not found on `PATH`; nothing is wrong, the desktop just notices the
    /// files a little later (at the next login at worst).
    Missing,
    /// Found but failed; the files are in place all the same.
    Failed(String),
}

/// One database tool, its arguments, and what it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refresh {
    pub program: &'static str,
    pub args: Vec<OsString>,
    pub outcome: RefreshOutcome,
}

impl Refresh {
    /// The command as a person would type it.
    pub fn command_line(&self) -> String {
        let mut line = self.program.to_owned();
        for arg in &self.args {
            line.push(' ');
            line.push_str(&arg.to_string_lossy());
        }
        line
    }
}

/// What `install-desktop` did.
#[derive(Debug)]
pub struct InstallReport {
    pub executable: PathBuf,
    pub written: Vec<PathBuf>,
    pub refreshed: Vec<Refresh>,
}

/// What `uninstall-desktop` did.
#[derive(Debug)]
pub struct UninstallReport {
    pub removed: Vec<PathBuf>,
    /// A launcher at our path that `install-desktop` did not write.
    pub left_alone: Vec<PathBuf>,
    pub refreshed: Vec<Refresh>,
}

/// Writes the launcher (starting `executable`), the icons and the MIME
/// definition under `data_home`, then refreshes the databases with the
/// tools found on `path_var` (the value of `PATH`).
///
/// # Errors
/// A launcher already there that `install-desktop` did not write (nothing is
/// written then), an unusable executable path, or a folder or file that
/// cannot be created.
pub fn install(
    data_home: &Path,
    executable: &Path,
    path_var: Option<&OsString>,
) -> Result<InstallReport, DesktopError> {
    let entry_path = desktop_entry_path(data_home);
    if !written_by_us(&entry_path)? {
        return Err(DesktopError::NotOurs { path: entry_path });
    }
    let entry = desktop_entry_for(executable)?;

    let mut files: Vec<(PathBuf, &[u8])> = vec![(entry_path, entry.as_bytes())];
    let icons = icon_paths(data_home);
    let mut icon_contents: Vec<&[u8]> = ICON_PNGS.iter().map(|(_, png)| *png).collect();
    icon_contents.push(ICON_SVG.as_bytes());
    files.extend(icons.into_iter().zip(icon_contents));
    files.push((mime_definition_path(data_home), MIME_DEFINITION.as_bytes()));

    let mut written = Vec::with_capacity(files.len());
    for (path, contents) in files {
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|source| DesktopError::CreateFolder {
                path: folder.to_path_buf(),
                source,
            })?;
        }
        fs::write(&path, contents).map_err(|source| DesktopError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }

    Ok(InstallReport {
        executable: executable.to_path_buf(),
        written,
        refreshed: refresh_databases(data_home, path_var),
    })
}

/// Removes the files [`install`] writes under `data_home` — only those, and
/// the launcher only if `install-desktop` wrote it — then refreshes the
/// databases if anything was removed. Files already gone are not an error.
///
/// # Errors
/// A file that is there but cannot be read or removed.
pub fn uninstall(
    data_home: &Path,
    path_var: Option<&OsString>,
) -> Result<UninstallReport, DesktopError> {
    let entry_path = desktop_entry_path(data_home);
    let mut removed = Vec::new();
    let mut left_alone = Vec::new();
    for path in installed_paths(data_home) {
        if path == entry_path && !written_by_us(&path)? {
            left_alone.push(path);
            continue;
        }
        match fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { path, source }),
        }
    }
    let refreshed = if removed.is_empty() {
        Vec::new()
    } else {
        refresh_databases(data_home, path_var)
    };
    Ok(UninstallReport {
        removed,
        left_alone,
        refreshed,
    })
}

/// Whether the launcher at `path` is absent or starts with
/// [`INSTALLED_MARKER`].
fn written_by_us(path: &Path) -> Result<bool, DesktopError> {
    match fs::read(path) {
        Ok(contents) => Ok(contents.starts_with(INSTALLED_MARKER.as_bytes())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(source) => Err(DesktopError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Runs the tools that rebuild the caches desktops read — the launchers by
/// MIME type, the MIME database, the icon cache — each only if it is on
/// `PATH`. Missing or failing tools never fail the command: the files are in
/// place, and desktops rescan them in time.
fn refresh_databases(data_home: &Path, path_var: Option<&OsString>) -> Vec<Refresh> {
    let tools: [(&'static str, Vec<OsString>); 3] = [
        (
            "update-desktop-database",
            vec!["-q".into(), data_home.join("applications").into()],
        ),
        ("update-mime-database", vec![data_home.join("mime").into()]),
        (
            // `-t`: a user's hicolor folder has no index.theme of its own.
            "gtk-update-icon-cache",
            vec![
                "-f".into(),
                "-t".into(),
                "-q".into(),
                data_home.join("icons").join("hicolor").into(),
            ],
        ),
    ];
    tools
        .into_iter()
        .map(|(program, args)| {
            let outcome = match find_on_path(program, path_var) {
                None => RefreshOutcome::Missing,
                Some(found) => run_tool(&found, &args),
            };
            Refresh {
                program,
                args,
                outcome,
            }
        })
        .collect()
}

fn run_tool(program: &Path, args: &[OsString]) -> RefreshOutcome {
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(output) if output.status.success() => RefreshOutcome::Ran,
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first_line = stderr.lines().next().unwrap_or("").trim();
            RefreshOutcome::Failed(if first_line.is_empty() {
                format!("it exited with {}", output.status)
            } else {
                format!("it exited with {}: {first_line}", output.status)
            })
        }
        Err(error) => RefreshOutcome::Failed(format!(
            "{} could not be started: {error}",
            program.display()
        )),
    }
}

/// The first executable file called `program` in the folders of `path_var`.
pub fn find_on_path(program: &str, path_var: Option<&OsString>) -> Option<PathBuf> {
    std::env::split_paths(path_var?)
        .filter(|folder| folder.is_absolute())
        .map(|folder| folder.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// The freedesktop.org layout means nothing on macOS and Windows; saying so
/// beats writing files no desktop there will read.
fn unsupported_platform() -> Option<&'static str> {
    if cfg!(target_os = "macos") {
        Some("macOS finds apps in /Applications, not through launchers in a data folder")
    } else if cfg!(target_os = "windows") {
        Some("Windows finds apps through the Start menu, not through launchers in a data folder")
    } else {
        None
    }
}

fn environment() -> Result<(PathBuf, Option<OsString>), DesktopError> {
    let data_home = data_home_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))?;
    Ok((data_home, std::env::var_os("PATH")))
}

/// `yearplan install-desktop`: installs for the running binary and prints
/// what it wrote and which tools ran.
pub fn install_command() -> ExitCode {
    if let Some(reason) = unsupported_platform() {
        eprintln!("yearplan: install-desktop is for Linux and BSD desktops: {reason}");
        return ExitCode::FAILURE;
    }
    let result = environment().and_then(|(data_home, path_var)| {
        let executable =
            std::env::current_exe().map_err(|source| DesktopError::CurrentExe { source })?;
        install(&data_home, &executable, path_var.as_ref())
    });
    match result {
        Ok(report) => {
            print!("{}", install_summary(&report));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("yearplan: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `yearplan uninstall-desktop`: removes what `install-desktop` wrote and
/// prints what it removed and which tools ran.
pub fn uninstall_command() -> ExitCode {
    if let Some(reason) = unsupported_platform() {
        eprintln!("yearplan: uninstall-desktop is for Linux and BSD desktops: {reason}");
        return ExitCode::FAILURE;
    }
    match environment().and_then(|(data_home, path_var)| {
        uninstall(&data_home, path_var.as_ref()).map(|report| (data_home, report))
    }) {
        Ok((data_home, report)) => {
            print!("{}", uninstall_summary(&data_home, &report));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("yearplan: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What `install-desktop` prints.
pub fn install_summary(report: &InstallReport) -> String {
    let mut text = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(
        text,
        "Installed the Yearplan launcher, icons and plan file type (*.{PLAN_EXTENSION}) for {}:",
        report.executable.display()
    );
    for path in &report.written {
        let _ = writeln!(text, "  {}", path.display());
    }
    text.push_str(&refresh_summary(&report.refreshed));
    let _ = writeln!(
        text,
        "If you move or rename the program, run `yearplan install-desktop` again."
    );
    text
}

/// What `uninstall-desktop` prints.
pub fn uninstall_summary(data_home: &Path, report: &UninstallReport) -> String {
    let mut text = String::new();
    if report.removed.is_empty() {
        let _ = writeln!(
            text,
            "Nothing to remove: no files of `yearplan install-desktop` under {}.",
            data_home.display()
        );
    } else {
        let _ = writeln!(text, "Removed:");
        for path in &report.removed {
            let _ = writeln!(text, "  {}", path.display());
        }
    }
    for path in &report.left_alone {
        let _ = writeln!(
            text,
            "Left {} alone: `yearplan install-desktop` did not write it.",
            path.display()
        );
    }
    text.push_str(&refresh_summary(&report.refreshed));
    text
}

fn refresh_summary(refreshed: &[Refresh]) -> String {
    let mut text = String::new();
    for refresh in refreshed {
        let _ = match &refresh.outcome {
            RefreshOutcome::Ran => writeln!(text, "Ran: {}", refresh.command_line()),
            RefreshOutcome::Missing => writeln!(
                text,
                "Skipped {}: not found on PATH (the desktop picks the files up later)",
                refresh.program
            ),
            RefreshOutcome::Failed(reason) => writeln!(
                text,
                "Warning: {} failed ({reason}); the files are in place all the same",
                refresh.command_line()
            ),
        };
    }
    text
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn data_home_prefers_an_absolute_xdg_data_home() {
        let found = data_home_from(Some("/data".into()), Some("/home/a".into())).unwrap();
        assert_eq!(found, PathBuf::from("/data"));
    }

    #[test]
    fn data_home_falls_back_to_home_when_xdg_data_home_is_empty_or_relative() {
        for xdg in [None, Some(OsString::new()), Some("relative/share".into())] {
            let found = data_home_from(xdg, Some("/home/a".into())).unwrap();
            assert_eq!(found, PathBuf::from("/home/a/.local/share"));
        }
    }

    #[test]
    fn data_home_needs_an_absolute_path_somewhere() {
        assert!(matches!(
            data_home_from(None, None),
            Err(DesktopError::NoDataHome)
        ));
        assert!(matches!(
            data_home_from(Some("x".into()), Some("home".into())),
            Err(DesktopError::NoDataHome)
        ));
    }

    #[test]
    fn a_plain_path_goes_in_the_exec_line_as_it_is() {
        let entry = desktop_entry_for(Path::new("/home/a/.cargo/bin/yearplan")).unwrap();
        assert!(entry.starts_with(INSTALLED_MARKER));
        assert!(entry.contains("\nExec=/home/a/.cargo/bin/yearplan %f\n"));
        assert_eq!(entry.matches("Exec=").count(), 1);
        assert!(entry.contains("\nStartupWMClass=yearplan\n"));
    }

    #[test]
    fn reserved_characters_are_quoted_and_escaped() {
        assert_eq!(
            exec_argument(Path::new("/opt/my apps/yearplan")).unwrap(),
            "\"/opt/my apps/yearplan\""
        );
        // `$` is escaped by a backslash inside the quotes, and that backslash
        // is doubled by the string escaping that comes after.
        assert_eq!(
            exec_argument(Path::new("/opt/$x/yearplan")).unwrap(),
            "\"/opt/\\\\$x/yearplan\""
        );
        assert_eq!(
            exec_argument(Path::new("/opt/100%/yearplan")).unwrap(),
            "/opt/100%%/yearplan"
        );
    }

    #[test]
    fn a_path_with_a_line_break_is_refused_naming_it() {
        let error = exec_argument(Path::new("/opt/a\nb/yearplan")).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("/opt/a\nb/yearplan"), "{message}");
        assert!(message.contains("control character"), "{message}");
    }

    #[test]
    fn the_assets_agree_with_the_constants() {
        assert!(DESKTOP_ENTRY.contains(&format!("\nMimeType={PLAN_MIME_TYPE};\n")));
        assert!(DESKTOP_ENTRY.contains(&format!("\nStartupWMClass={APP_ID}\n")));
        assert!(DESKTOP_ENTRY.contains(&format!("\nIcon={APP_ID}\n")));
        assert!(DESKTOP_ENTRY.contains("\nExec=yearplan %f\n"));
        assert!(MIME_DEFINITION.contains(&format!("type=\"{PLAN_MIME_TYPE}\"")));
        assert!(MIME_DEFINITION.contains(&format!("pattern=\"*.{PLAN_EXTENSION}\"")));
    }

    #[test]
    fn find_on_path_finds_only_executables() {
        let dir = tempfile::tempdir().unwrap();
        let tool = dir.path().join("tool");
        fs::write(&tool, "#!/bin/sh\n").unwrap();
        let path_var = OsString::from(dir.path());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(find_on_path("tool", Some(&path_var)), None);
            fs::set_permissions(&tool, fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(find_on_path("tool", Some(&path_var)), Some(tool));
        assert_eq!(find_on_path("absent", Some(&path_var)), None);
        assert_eq!(find_on_path("tool", None), None);
    }
}
