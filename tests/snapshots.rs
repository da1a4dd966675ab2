//! Snapshots of the reports a user reads: the plain terminal report and the
//! YAML summary, for corpus pairs. Runs from the crate root with relative
//! paths so the snapshots do not depend on where the checkout lives.
//!
//! Update after a deliberate change with
//! `INSTA_UPDATE=always cargo test --test integration snapshots::` (or `cargo insta
//! review`), then read the `.snap` diffs before committing them.

use crate::util::{ROOT, assert_snapshot, cmd};

/// Runs the binary from the crate root and returns stdout, checking the
/// exit status and that nothing went to stderr.
fn run(args: &[&str], expected_status: i32) -> String {
    let output = cmd()
        .current_dir(ROOT)
        .args(args)
        .output()
        .expect("run statement-diff");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(expected_status),
        "{args:?}: stderr: {stderr}"
    );
    assert!(stderr.is_empty(), "{args:?}: stderr: {stderr}");
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

fn terminal(old: &str, new: &str, status: i32) -> String {
    run(&["--color", "never", "--width", "100", old, new], status)
}

fn yaml(old: &str, new: &str, status: i32) -> String {
    run(&["--format", "yaml", old, new], status)
}

#[test]
fn dtt_14th_to_15th_terminal() {
    assert_snapshot!(
        "dtt_14th_to_15th_terminal",
        terminal("corpus/dtt/14th.txt", "corpus/dtt/15th.txt", 1)
    );
}

#[test]
fn dtt_14th_to_15th_yaml() {
    assert_snapshot!(
        "dtt_14th_to_15th_yaml",
        yaml("corpus/dtt/14th.txt", "corpus/dtt/15th.txt", 1)
    );
}

#[test]
fn dtt_15th_to_16th_terminal() {
    assert_snapshot!(
        "dtt_15th_to_16th_terminal",
        terminal("corpus/dtt/15th.txt", "corpus/dtt/16th.txt", 1)
    );
}

#[test]
fn dtt_15th_to_16th_yaml() {
    assert_snapshot!(
        "dtt_15th_to_16th_yaml",
        yaml("corpus/dtt/15th.txt", "corpus/dtt/16th.txt", 1)
    );
}

#[test]
fn seed_page_to_14th_terminal() {
    assert_snapshot!(
        "seed_page_to_14th_terminal",
        terminal(
            "corpus/pages/14th-usindopacom-page.txt",
            "corpus/dtt/14th.txt",
            0
        )
    );
}

#[test]
fn seed_page_to_14th_yaml() {
    assert_snapshot!(
        "seed_page_to_14th_yaml",
        yaml(
            "corpus/pages/14th-usindopacom-page.txt",
            "corpus/dtt/14th.txt",
            0
        )
    );
}
