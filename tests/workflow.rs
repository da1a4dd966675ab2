//! The README's CI recipe, run as the workflow runs it: `scripts/ci-diff`
//! on a folder of statements, then a review (`--write-accept`) that makes
//! the next run pass.

use std::path::Path;
use std::process::Command;

use crate::util::ROOT;

/// Runs scripts/ci-diff with the built binary first on PATH.
fn ci_diff(dir: &Path, out: &Path) -> (i32, String) {
    ci_diff_args(&[dir.as_os_str(), out.as_os_str()])
}

/// Runs scripts/ci-diff with these arguments; `statement-diff` on its PATH
/// is a wrapper that logs each run, then runs the built binary.
fn ci_diff_args(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let (code, stderr, _) = ci_diff_counted(args);
    (code, stderr)
}

/// [`ci_diff_args`], also giving how many times statement-diff was run.
fn ci_diff_counted(args: &[&std::ffi::OsStr]) -> (i32, String, usize) {
    let wrapper = tempfile::tempdir().unwrap();
    let log = wrapper.path().join("runs.log");
    let script = format!(
        "#!/bin/sh\necho run >> '{}'\nexec '{}' \"$@\"\n",
        log.display(),
        env!("CARGO_BIN_EXE_statement-diff")
    );
    let bin = wrapper.path().join("statement-diff");
    std::fs::write(&bin, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        wrapper.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(format!("{ROOT}/scripts/ci-diff"))
        .args(args)
        .env("PATH", path)
        .output()
        .unwrap();
    let runs = std::fs::read_to_string(&log).map_or(0, |l| l.lines().count());
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        runs,
    )
}

#[test]
fn newest_against_previous_then_accepted_after_review() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    for round in ["14th", "15th", "16th"] {
        std::fs::copy(
            format!("{ROOT}/corpus/dtt/{round}.txt"),
            dir.path().join(format!("{round}.txt")),
        )
        .unwrap();
    }
    // The newest is the 16th, compared with the 15th.
    let (code, stderr) = ci_diff(dir.path(), out.path());
    assert_eq!(code, 1, "{stderr}");
    let yaml = std::fs::read_to_string(out.path().join("changes.yaml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert!(doc["old"]["path"].as_str().unwrap().ends_with("15th.txt"));
    assert!(doc["new"]["path"].as_str().unwrap().ends_with("16th.txt"));
    let comment = std::fs::read_to_string(out.path().join("comment.md")).unwrap();
    assert!(
        comment.contains("~~") && comment.contains("**"),
        "a redline: {comment}"
    );

    // A reviewer accepts what is there: the same run now passes.
    let status = Command::new(env!("CARGO_BIN_EXE_statement-diff"))
        .args(["--quiet", "--write-accept"])
        .arg(dir.path().join("reviewed.accept"))
        .arg(dir.path().join("15th.txt"))
        .arg(dir.path().join("16th.txt"))
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "--write-accept still reports the changes"
    );
    let (code, stderr) = ci_diff(dir.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    let yaml = std::fs::read_to_string(out.path().join("changes.yaml")).unwrap();
    assert!(yaml.contains("accepted: true"));

    // A new round with a new change fails again.
    let mut next = std::fs::read_to_string(dir.path().join("16th.txt")).unwrap();
    next.push_str("\nThe officials agreed to establish a trilateral space policy dialogue.\n");
    std::fs::write(dir.path().join("17th.txt"), next).unwrap();
    std::fs::remove_file(dir.path().join("reviewed.accept")).unwrap();
    let (code, _) = ci_diff(dir.path(), out.path());
    assert_eq!(code, 1);
}

#[test]
fn one_statement_is_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{ROOT}/corpus/dtt/14th.txt"),
        dir.path().join("14th.txt"),
    )
    .unwrap();
    let (code, stderr) = ci_diff(dir.path(), out.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("at least two"));
}

/// Copies three rounds of the corpus into a new folder.
fn three_rounds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for round in ["14th", "15th", "16th"] {
        std::fs::copy(
            format!("{ROOT}/corpus/dtt/{round}.txt"),
            dir.path().join(format!("{round}.txt")),
        )
        .unwrap();
    }
    dir
}

/// A README or an index page in the folder is not a round; --glob picks
/// the rounds instead.
#[test]
fn readme_and_index_files_are_not_rounds() {
    let dir = three_rounds();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "Statements of the talks, one a round.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<p>Rounds of the talks</p>\n",
    )
    .unwrap();
    let (code, stderr) = ci_diff(dir.path(), out.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("15th.txt -> ") && stderr.contains("16th.txt: exit 1"),
        "{stderr}"
    );
    let yaml = std::fs::read_to_string(out.path().join("changes.yaml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert!(doc["new"]["path"].as_str().unwrap().ends_with("16th.txt"));

    // --glob: only the names that match are rounds (here 14th and 15th).
    let (code, stderr) = ci_diff_args(&[
        "--glob".as_ref(),
        "1[45]th.txt".as_ref(),
        dir.path().as_os_str(),
        out.path().as_os_str(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let yaml = std::fs::read_to_string(out.path().join("changes.yaml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert!(doc["old"]["path"].as_str().unwrap().ends_with("14th.txt"));
    assert!(doc["new"]["path"].as_str().unwrap().ends_with("15th.txt"));
}

/// Usage errors are trouble, exit 2, like the tool's own.
#[test]
fn usage_errors_exit_2() {
    let dir = three_rounds();
    for args in [
        &[][..],
        &["--glob".as_ref()],
        &[dir.path().as_os_str(), "out".as_ref(), "extra".as_ref()],
        &["--bogus".as_ref(), dir.path().as_os_str()],
        &["/no/such/folder".as_ref()],
    ] {
        let (code, stderr) = ci_diff_args(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("usage: ci-diff") || stderr.starts_with("ci-diff: "),
            "{stderr}"
        );
    }
}

/// The script runs statement-diff once for both reports, and they are the
/// ones two runs would write.
#[test]
fn one_run_writes_both_reports() {
    let dir = three_rounds();
    let out = tempfile::tempdir().unwrap();
    let (code, stderr, runs) = ci_diff_counted(&[dir.path().as_os_str(), out.path().as_os_str()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(runs, 1, "statement-diff is run once");
    let (old, new) = (dir.path().join("15th.txt"), dir.path().join("16th.txt"));
    for (format, file) in [("yaml", "changes.yaml"), ("markdown", "comment.md")] {
        let alone = Command::new(env!("CARGO_BIN_EXE_statement-diff"))
            .args(["--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        let written = std::fs::read(out.path().join(file)).unwrap();
        assert_eq!(written, alone.stdout, "{file}");
    }
}
