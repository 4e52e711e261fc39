//! Merging plans from the command line: `yearplan merge`, the git merge
//! driver, and the command that installs the driver in a repository.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::io::{FileError, load_plan, parse_plan, read_text, save_plan, save_plan_replacing};
use crate::model::Plan;
use crate::model::merge::{Merged, changes, merge};

/// `yearplan merge BASE MINE THEIRS -o OUT`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The plan both copies started from.
    pub base: PathBuf,
    /// My copy: kept in every conflict.
    pub mine: PathBuf,
    /// Their copy.
    pub theirs: PathBuf,
    /// Where the merged plan goes; never one of the three inputs.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Exit code when the merge is written but conflicts kept mine.
const CONFLICTS: u8 = 1;
/// Exit code when an input is not a plan, or OUT cannot be written.
const BAD_INPUT: u8 = 2;

pub fn merge_command(args: &MergeArgs) -> ExitCode {
    let inputs = [&args.base, &args.mine, &args.theirs];
    if let Some(input) = inputs.iter().find(|input| same_file(input, &args.output)) {
        eprintln!(
            "yearplan: {} is an input of the merge; write the merged plan to another file",
            input.display()
        );
        return ExitCode::from(BAD_INPUT);
    }
    let mut plans = Vec::with_capacity(3);
    for input in inputs {
        match load_plan(input) {
            Ok(plan) => plans.push(plan),
            Err(error) => return bad_input(&error),
        }
    }
    let [base, mine, theirs] = [&plans[0], &plans[1], &plans[2]];
    let merged = match merge(base, mine, theirs) {
        Ok(merged) => merged,
        Err(error) => {
            eprintln!("yearplan: {error}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    print!("{}", report(base, mine, theirs, &merged));
    if let Err(error) = save_plan(&args.output, &merged.plan) {
        return bad_input(&error);
    }
    println!("Wrote the merged plan to {}.", args.output.display());
    if merged.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CONFLICTS)
    }
}

/// What a merge did, as the command line and the merge driver print it.
pub fn report(base: &Plan, mine: &Plan, theirs: &Plan, merged: &Merged) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "Mine changed: {}.", changes(base, mine));
    let _ = writeln!(text, "Theirs changed: {}.", changes(base, theirs));
    for kept in &merged.kept {
        let _ = writeln!(text, "Kept: {kept}.");
    }
    if merged.is_clean() {
        let _ = writeln!(text, "No conflicts.");
    } else {
        let count = merged.conflicts.len();
        let _ = writeln!(
            text,
            "{count} {} (mine is kept; open the plan in Yearplan to choose):",
            super::plural(count, "conflict", "conflicts")
        );
        for conflict in &merged.conflicts {
            let _ = writeln!(text, "  {conflict}");
        }
    }
    text
}

fn bad_input(error: &FileError) -> ExitCode {
    eprintln!("yearplan: {error}");
    ExitCode::from(BAD_INPUT)
}

/// Whether `a` and `b` name the same file (only ever true when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `yearplan merge-driver %O %A %B`, as git's merge-driver contract has it:
/// the merge goes to `current` (%A), exit 0 when it is clean, 1 when
/// conflicts remain (listed on stderr; %A then holds a valid plan with mine
/// kept in them).
///
/// A file that is not a plan (a `.ron` file of something else matched by
/// the same attribute) gets git's own line merge, `git merge-file`, so the
/// driver never does worse than git would without it.
pub fn merge_driver(base: &Path, current: &Path, other: &Path) -> ExitCode {
    let mine = match load_plan(current) {
        Ok(plan) => plan,
        Err(error) => return line_merge(base, current, other, &error),
    };
    let theirs = match load_plan(other) {
        Ok(plan) => plan,
        Err(error) => return line_merge(base, current, other, &error),
    };
    // Both branches added the file: git gives an empty base.
    let base_plan = match read_text(base) {
        Ok(text) if text.trim().is_empty() => {
            let mut empty = Plan::empty(mine.title.clone(), mine.start_date);
            empty.currency_symbol.clone_from(&mine.currency_symbol);
            empty
        }
        Ok(text) => match parse_plan(&text) {
            Ok(plan) => plan,
            Err(error) => return line_merge(base, current, other, &error.with_path(base)),
        },
        Err(error) => return line_merge(base, current, other, &error),
    };
    let merged = match merge(&base_plan, &mine, &theirs) {
        Ok(merged) => merged,
        Err(error) => {
            eprintln!("yearplan merge-driver: {error}; the file is left as mine");
            return ExitCode::from(CONFLICTS);
        }
    };
    eprint!("{}", report(&base_plan, &mine, &theirs, &merged));
    if let Err(error) = save_plan_replacing(current, &merged.plan) {
        eprintln!("yearplan merge-driver: {error}");
        return ExitCode::from(BAD_INPUT);
    }
    if merged.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CONFLICTS)
    }
}

fn line_merge(base: &Path, current: &Path, other: &Path, why: &FileError) -> ExitCode {
    eprintln!("yearplan merge-driver: {why}; merging the file line by line instead");
    let status = std::process::Command::new("git")
        .arg("merge-file")
        .arg(current)
        .arg(base)
        .arg(other)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(CONFLICTS),
        Err(error) => {
            eprintln!("yearplan merge-driver: could not run git merge-file: {error}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// The line `install-git-merge` adds to `.gitattributes`.
pub const GITATTRIBUTES_LINE: &str = "*.ron merge=yearplan";

/// `yearplan install-git-merge [REPO]`: the `.gitattributes` line for plan
/// files and the driver in the repository's own config (`.git/config`,
/// which git does not share, so each clone installs it once).
pub fn install_git_merge(repo: Option<&Path>) -> ExitCode {
    let repo = repo.unwrap_or(Path::new("."));
    let top = match git(repo, &["rev-parse", "--show-toplevel"]) {
        Ok(top) => PathBuf::from(top.trim()),
        Err(error) => {
            eprintln!(
                "yearplan: {} is not in a git repository ({error})",
                repo.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let program = std::env::current_exe()
        .ok()
        .and_then(|path| path.to_str().map(shell_quoted))
        .unwrap_or_else(|| "yearplan".to_owned());
    let driver = format!("{program} merge-driver %O %A %B");
    for (key, value) in [
        (
            "merge.yearplan.name",
            "Yearplan: merge plans record by record",
        ),
        ("merge.yearplan.driver", driver.as_str()),
    ] {
        if let Err(error) = git(&top, &["config", key, value]) {
            eprintln!("yearplan: could not set {key}: {error}");
            return ExitCode::FAILURE;
        }
    }
    let attributes = top.join(".gitattributes");
    match add_line(&attributes, GITATTRIBUTES_LINE) {
        Ok(added) => {
            println!(
                "{} {} and set merge.yearplan.driver to {driver:?} in {}.",
                if added { "Added" } else { "Kept" },
                format_args!("\"{GITATTRIBUTES_LINE}\" in {}", attributes.display()),
                top.join(".git").join("config").display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "yearplan: could not write {}: {error}",
                attributes.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Appends `line` to the file at `path` unless a line of it already says
/// the same; `Ok(true)` when it was added.
fn add_line(path: &Path, line: &str) -> std::io::Result<bool> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error),
    };
    if existing
        .lines()
        .any(|found| found.split_whitespace().eq(line.split_whitespace()))
    {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    std::fs::write(path, text)?;
    Ok(true)
}

/// Runs git in `folder`, giving what it printed or why it failed.
fn git(folder: &Path, args: &[&str]) -> Result<String, String> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(|error| format!("could not run git: {error}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

/// `path` as one word for the shell git runs the driver with.
fn shell_quoted(path: &str) -> String {
    if path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn paths_with_spaces_and_quotes_are_quoted_for_the_shell() {
        assert_eq!(shell_quoted("/usr/bin/yearplan"), "/usr/bin/yearplan");
        assert_eq!(shell_quoted("/home/a b/yearplan"), "'/home/a b/yearplan'");
        assert_eq!(shell_quoted("/x/it's"), r"'/x/it'\''s'");
    }

    #[test]
    fn the_attributes_line_is_added_once() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(".gitattributes");
        std::fs::write(&path, "*.png binary").unwrap();
        assert!(add_line(&path, GITATTRIBUTES_LINE).unwrap());
        assert!(!add_line(&path, GITATTRIBUTES_LINE).unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "*.png binary\n*.ron merge=yearplan\n"
        );
    }
}
