//! The README's CI recipe, run as the workflow runs it: `scripts/ci-diff`
//! on a folder of statements, then a review (`--write-accept`) that makes
//! the next run pass.

use std::path::Path;
use std::process::Command;

use crate::util::ROOT;

/// Runs scripts/ci-diff with the built binary first on PATH.
fn ci_diff(dir: &Path, out: &Path) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_statement-diff"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(format!("{ROOT}/scripts/ci-diff"))
        .arg(dir)
        .arg(out)
        .env("PATH", path)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
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
