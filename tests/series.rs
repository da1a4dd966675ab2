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

/// A folder of `n` rounds of a statement of my own words, each round
/// rewording one paragraph and adding one.
fn many_rounds(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for round in 1..=n {
        let mut paragraphs = vec![
            format!("Joint Statement of the {round}th Trilateral Meeting on Coastal Weather"),
            "The delegations met to review cooperation on coastal weather forecasting.".into(),
            format!("The delegations agreed to hold {round} joint drills on storm warnings."),
        ];
        for k in 1..=round.min(6) {
            paragraphs.push(format!(
                "The delegations welcomed project number {k} on tide gauges and agreed to fund it."
            ));
        }
        std::fs::write(
            dir.path().join(format!("round-{round}.txt")),
            paragraphs.join("\n\n") + "\n",
        )
        .unwrap();
    }
    dir
}

/// Every line of the timeline fits --width, rounds and steps included; a
/// matrix of more rounds than fit is folded into blocks of rounds.
#[test]
fn series_timeline_fits_the_width() {
    let dir = many_rounds(20);
    let folder = dir.path().to_str().unwrap();
    for width in [60usize, 80, 100] {
        let w = width.to_string();
        let (code, out) = run(&["--series", folder, "--color", "never", "--width", &w]);
        assert_eq!(code, 1);
        for line in out.lines() {
            let long = line.chars().count() > width;
            assert!(!long || !line.trim().contains(' '), "{width}: {line:?}");
        }
        // 20 rounds of 3 columns fit beside a label at 100, not at 60 or 80.
        let folded = out.contains("Paragraphs, rounds 1\u{2013}");
        assert_eq!(folded, width < 100, "{out}");
        assert!(out.contains(" 20\n"), "round 20 has a column: {out}");
    }
    let (_, corpus) = run(&[
        "--series",
        "corpus/dtt",
        "--color",
        "never",
        "--width",
        "80",
    ]);
    assert!(corpus.lines().all(|l| l.chars().count() <= 80), "{corpus}");
}

/// `--format json` is the series document of `--format yaml`; both give the
/// settings, each round's SHA-256, and each step's digest and key terms.
#[test]
fn series_json_is_the_yaml_document_with_digests_and_hashes() {
    let (code, json) = run(&["--series", "corpus/dtt", "--format", "json"]);
    assert_eq!(code, 1);
    let (_, yaml) = run(&["--series", "corpus/dtt", "--format", "yaml"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let yaml: serde_json::Value =
        serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(&yaml).unwrap()).unwrap();
    assert_eq!(json, yaml);
    assert_eq!(json["settings"]["threshold"], 0.5);
    assert_eq!(json["settings"]["chrome_rules"], true);
    let first = &json["rounds"][0];
    assert_eq!(first["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(first["format"], "text");
    let step = &json["steps"][0];
    assert!(
        step["digest"][0]
            .as_str()
            .is_some_and(|d| d.contains("no longer mentioned: Ukraine")),
        "{step}"
    );
    assert!(
        step["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["term"] == "Ukraine" && t["change"] == "vanished")
    );
    // The terminal shows the digest under each step.
    let (_, out) = run(&["--series", "corpus/dtt", "--color", "never"]);
    let steps = &out[out.find("\nSteps\n").unwrap()..];
    assert!(
        steps.contains("\u{b7} no longer mentioned: Ukraine"),
        "{steps}"
    );
}
