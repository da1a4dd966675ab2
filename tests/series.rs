//! Series: the five-round corpus series, both reports, and the CLI rules.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

use crate::util::{ROOT, assert_snapshot, cmd};

fn run(args: &[&str]) -> (i32, String) {
    let out = cmd().current_dir(ROOT).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn series_terminal_timeline() {
    let (code, out) = run(&[
        "--series",
        "corpus/dtt",
        "--color",
        "never",
        "--width",
        "100",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.lines()
            .all(|l| l.chars().count() <= 100 || l.starts_with("   ")),
        "lines fit 100 columns"
    );
    assert_snapshot!("series_terminal_timeline", out);
}

#[test]
fn series_yaml() {
    let (code, out) = run(&["--series", "corpus/dtt", "--format", "yaml"]);
    assert_eq!(code, 1);
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
    assert_eq!(doc["schema"].as_str(), Some("statement-diff/series-1"));
    assert_eq!(doc["rounds"].as_sequence().map(Vec::len), Some(5));
    assert_eq!(doc["steps"].as_sequence().map(Vec::len), Some(4));
    assert_snapshot!("series_yaml", out);
}

#[test]
fn the_ukraine_paragraph_returns_in_the_17th_round() {
    let (_, out) = run(&["--series", "corpus/dtt", "--format", "yaml"]);
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
    let lineage = doc["paragraphs"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|l| {
            l["text"]
                .as_str()
                .is_some_and(|t| t.contains("stand with Ukraine"))
        })
        .unwrap();
    let states: Vec<&str> = lineage["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["new", "gone", "returned", "same"]);
}

#[test]
fn files_on_the_command_line_keep_their_order() {
    let (code, out) = run(&[
        "--format",
        "yaml",
        "corpus/dtt/16th.txt",
        "corpus/dtt/15th.txt",
        "corpus/dtt/14th.txt",
    ]);
    assert_eq!(code, 1);
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
    assert_eq!(
        doc["rounds"][0]["path"].as_str(),
        Some("corpus/dtt/16th.txt")
    );
}

#[test]
fn identical_rounds_exit_zero() {
    let (code, out) = run(&[
        "corpus/dtt/14th.txt",
        "corpus/dtt/14th.txt",
        "corpus/dtt/14th.txt",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("the same in every round"));
}

#[test]
fn order_by_date_uses_the_meeting_date_then_the_posting_date() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(format!("{ROOT}/corpus/dtt/14th.txt")).unwrap();
    let later = text.replace("later this year", "early next year");
    // Posted in one order, met in another: the meeting date counts.
    std::fs::write(
        dir.path().join("a.txt"),
        format!(
            "NEWS | April 26, 2024\n\n{}",
            later.replace("April 24, 2024", "May 1, 2025")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("NEWS | May 2, 2025\n\n{text}"),
    )
    .unwrap();
    // No date in the opening: the posting date stands in.
    std::fs::write(
        dir.path().join("c.txt"),
        format!(
            "NEWS | June 1, 2025\n\n{}",
            later.replace(" on April 24, 2024", "")
        ),
    )
    .unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let (_, out) = run(&["--series", dir_arg, "--order", "date", "--format", "yaml"]);
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
    let rounds = doc["rounds"].as_sequence().unwrap();
    let paths: Vec<&str> = rounds.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert!(
        paths[0].ends_with("b.txt") && paths[1].ends_with("a.txt") && paths[2].ends_with("c.txt"),
        "{paths:?}"
    );
    assert_eq!(rounds[0]["meeting_date"].as_str(), Some("2024-04-24"));
    assert_eq!(rounds[0]["date"].as_str(), Some("May 2, 2025"));
    assert_eq!(rounds[2]["meeting_date"].as_str(), None);
}

#[test]
fn a_folder_with_one_statement_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("only.txt"), "They met.\n").unwrap();
    cargo_bin_cmd!("statement-diff")
        .args(["--series", dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("at least two statements"));
}

#[test]
fn a_missing_folder_is_an_error() {
    cargo_bin_cmd!("statement-diff")
        .args(["--series", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "statement-diff: no/such/folder: no such folder",
        ));
}
