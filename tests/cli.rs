//! End-to-end tests of the `statement-diff` binary: exit statuses, error
//! messages, input encodings, report formats, colors and output handling —
//! what a user (or a CI job) running the command would notice.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use statement_diff::report::yaml::{SCHEMA, YamlReport};
use tempfile::TempDir;

use crate::util::cmd;

const PAGE_14TH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/pages/14th-usindopacom-page.txt"
);
const DTT_14TH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dtt/14th.txt");
const DTT_15TH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dtt/15th.txt");
const DTT_16TH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dtt/16th.txt");
const DTT_17TH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dtt/17th.txt");
const DTT_18TH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dtt/18th.txt");

const CHANGE_KINDS: [&str; 4] = ["added", "removed", "reworded", "moved"];

/// The binary with no color variables at all (for the color tests).
fn cmd_bare() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("statement-diff");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM")
        .env_remove("COLUMNS");
    cmd
}

fn write_file(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write temp file");
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn corpus_text(path: &str) -> String {
    fs::read_to_string(path).expect("read corpus file")
}

/// Asserts a failed run the way a user sees it: exit status 2, nothing on
/// standard output, and exactly one line on standard error that starts with
/// "statement-diff: " and contains each of `needles`.
fn assert_one_line_error(output: &std::process::Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit status; stderr: {stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "stdout must be empty on error, got: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.starts_with("statement-diff: "),
        "stderr should start with 'statement-diff: ': {stderr:?}"
    );
    assert!(
        stderr.ends_with('\n') && stderr.trim_end_matches('\n').lines().count() == 1,
        "stderr should be exactly one line: {stderr:?}"
    );
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "stderr should mention {needle:?}: {stderr:?}"
        );
    }
}

/// Runs OLD against a bad NEW and checks the one-line error.
fn assert_bad_input(bad: &Path, needles: &[&str]) {
    let output = cmd()
        .args([DTT_14TH, path_str(bad)])
        .output()
        .expect("run statement-diff");
    let mut all = vec![path_str(bad)];
    all.extend_from_slice(needles);
    assert_one_line_error(&output, &all);
}

fn stdout_of(args: &[&str]) -> (Option<i32>, String) {
    let output = cmd().args(args).output().expect("run statement-diff");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
    )
}

// ---------------------------------------------------------------------------
// Exit statuses on the corpus

#[test]
fn same_file_twice_says_no_changes_and_exits_0() {
    cmd()
        .args([DTT_14TH, DTT_14TH])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn page_chrome_is_set_aside_so_page_and_bare_statement_are_the_same() {
    cmd()
        .args([PAGE_14TH, DTT_14TH])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("set aside"))
        .stdout(predicate::str::contains("No changes"));
}

#[test]
fn a_portal_copy_equals_its_bare_statement() {
    // A bulletin-board copy: navigation words, a "Date: … | Views: …" line, a
    // bare dateline, category, attachment, previous/next and "List" lines and
    // an "End" mark are all set aside, and the date is read.
    let page = "tests/fixtures/portal-copy/page.txt";
    let body = "tests/fixtures/press-release-copy/body.txt";
    let (code, yaml) = stdout_of(&["--format", "yaml", page, body]);
    assert_eq!(code, Some(0), "{yaml}");
    let report: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("YAML report");
    assert_eq!(
        report["old"]["title"].as_str(),
        Some("Joint Statement on the Trilateral Ministerial Meeting")
    );
    assert_eq!(report["old"]["date"].as_str(), Some("2024-09-23"));
    assert_eq!(report["old"]["set_aside"]["count"].as_u64(), Some(13));
}

/// The YAML report of a page copy against its bare statement, which must
/// say that nothing changed.
fn same_as_body(page: &str, body: &str) -> serde_yaml::Value {
    let (code, yaml) = stdout_of(&["--format", "yaml", page, body]);
    assert_eq!(code, Some(0), "{page}: {yaml}");
    serde_yaml::from_str(&yaml).expect("YAML report")
}

#[test]
fn site_copies_equal_their_bare_statement() {
    // A department page (a breadcrumb that repeats the title, "Home", "Tags"
    // then tag and related-article lines), a briefing-room page ("STATEMENTS
    // AND RELEASES" under the title, "Stay Connected" and a sign-up form)
    // and a release with its number and date on one line.
    let body = "tests/fixtures/press-release-copy/body.txt";
    for (page, date) in [
        ("department-page.txt", "September 23, 2024"),
        ("briefing-room-page.txt", "September 23, 2024"),
        ("release-line.txt", "Sept. 23, 2024"),
    ] {
        let page = format!("tests/fixtures/site-copies/{page}");
        let report = same_as_body(&page, body);
        assert_eq!(
            report["old"]["title"].as_str(),
            Some("Joint Statement on the Trilateral Ministerial Meeting"),
            "{page}"
        );
        assert_eq!(report["old"]["date"].as_str(), Some(date), "{page}");
    }
    // A Japanese ministry page: language and text-size switches, a PDF link,
    // "関連リンク" (related links) and "…へ戻る" (back to …) lines.
    let report = same_as_body(
        "tests/fixtures/site-copies/ja-page.txt",
        "tests/fixtures/site-copies/ja-body.txt",
    );
    assert_eq!(
        report["old"]["title"].as_str(),
        Some("第18回日米韓防衛実務者協議（DTT）共同声明")
    );
    // A Korean ministry bulletin board saved as HTML: skip links, a menu bar
    // and breadcrumb in classed divs, a table of title, author, date and
    // views, an attachment, previous/next links, "목록" and a footer.
    let report = same_as_body(
        "tests/fixtures/site-copies/ko-board-page.html",
        "corpus/dtt-ko/15th.txt",
    );
    assert_eq!(report["old"]["date"].as_str(), Some("2024-09-12"));
}

#[test]
fn press_release_furniture_and_captions_are_set_aside() {
    let page = "tests/fixtures/press-release-copy/page.txt";
    let body = "tests/fixtures/press-release-copy/body.txt";
    cmd()
        .args([page, body])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"));
    let (code, yaml) = stdout_of(&["--format", "yaml", page, body]);
    assert_eq!(code, Some(0));
    let report: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("YAML report");
    let old = &report["old"];
    assert_eq!(
        old["title"].as_str(),
        Some("Joint Statement on the Trilateral Ministerial Meeting")
    );
    assert_eq!(old["date"].as_str(), Some("Sept. 23, 2024"));
    let set_aside: Vec<&str> = old["set_aside"]["blocks"]
        .as_sequence()
        .expect("set-aside blocks")
        .iter()
        .filter_map(|b| b.as_str())
        .collect();
    for caption in ["Photo: ", "The three Foreign Ministers shake hands"] {
        assert!(
            set_aside.iter().any(|t| t.starts_with(caption)),
            "{caption} not set aside: {set_aside:?}"
        );
    }
}

#[test]
fn an_action_added_to_a_bulleted_list_is_a_new_commitment() {
    let (code, yaml) = stdout_of(&[
        "--format",
        "yaml",
        "tests/fixtures/agreed-actions/old.md",
        "tests/fixtures/agreed-actions/new.md",
    ]);
    assert_eq!(code, Some(1));
    let report: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("YAML report");
    let commitments = report["commitments"].as_sequence().expect("commitments");
    let of_kind = |kind: &str| -> Vec<String> {
        commitments
            .iter()
            .filter(|c| c["kind"].as_str() == Some(kind))
            .map(|c| {
                let side = if c["new"].is_mapping() {
                    &c["new"]
                } else {
                    &c["old"]
                };
                side["text"].as_str().unwrap_or_default().to_string()
            })
            .collect()
    };
    assert_eq!(
        of_kind("added"),
        ["The Ministers agreed: launch a trilateral cyber working group."]
    );
    let reworded = of_kind("reworded");
    assert!(
        reworded.contains(
            &"The Ministers agreed: establish a trilateral secretariat in Seoul".to_string()
        ),
        "{reworded:?}"
    );
    // Section headings ("Agreed Actions") commit to nothing.
    assert!(!yaml.contains("text: Agreed Actions"));
}

#[test]
fn successive_rounds_differ_and_exit_1() {
    cmd()
        .args([DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("reworded"))
        .stderr(predicate::str::is_empty());
}

// ---------------------------------------------------------------------------
// Standard input

#[test]
fn dash_reads_standard_input_for_old() {
    cmd()
        .args(["-", DTT_14TH])
        .write_stdin(fs::read(DTT_14TH).expect("read corpus"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"));
}

#[test]
fn dash_reads_standard_input_for_new() {
    cmd()
        .args([DTT_14TH, "-"])
        .write_stdin(fs::read(DTT_15TH).expect("read corpus"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[-14th-]{+15th+}"));
}

#[test]
fn dash_twice_is_an_error_about_standard_input() {
    let output = cmd()
        .args(["-", "-"])
        .write_stdin(corpus_text(DTT_14TH))
        .output()
        .expect("run");
    assert_one_line_error(&output, &["standard input"]);
}

// ---------------------------------------------------------------------------
// Errors: exit 2, one line naming the file, nothing on stdout

#[test]
fn missing_file_is_named() {
    let dir = TempDir::new().expect("tempdir");
    let missing = dir.path().join("does-not-exist.txt");
    assert_bad_input(&missing, &["no such file"]);
}

#[test]
fn missing_old_file_is_named_too() {
    let dir = TempDir::new().expect("tempdir");
    let missing = dir.path().join("gone.txt");
    let output = cmd()
        .args([path_str(&missing), DTT_14TH])
        .output()
        .expect("run");
    assert_one_line_error(&output, &[path_str(&missing), "no such file"]);
}

#[test]
fn directory_is_an_error() {
    let dir = TempDir::new().expect("tempdir");
    assert_bad_input(dir.path(), &["directory"]);
}

#[test]
fn binary_file_with_nul_bytes_is_an_error() {
    let dir = TempDir::new().expect("tempdir");
    let bad = write_file(
        &dir,
        "image.bin",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    assert_bad_input(&bad, &["binary file"]);
}

#[test]
fn invalid_utf8_gives_the_byte_offset() {
    let dir = TempDir::new().expect("tempdir");
    let bad = write_file(&dir, "latin1.txt", b"Joint Statement\n\nCaf\xe9 talks.\n");
    assert_bad_input(&bad, &["byte offset", "invalid UTF-8"]);
}

#[test]
fn truncated_utf8_at_end_of_file_is_an_error() {
    let dir = TempDir::new().expect("tempdir");
    // "…" is E2 80 A6: cut after two bytes, at the very end of the file.
    let bad = write_file(&dir, "cut.txt", b"Joint Statement\n\nThey met \xe2\x80");
    assert_bad_input(&bad, &["truncated", "byte offset"]);
}

#[test]
fn utf16_without_bom_gets_a_hint() {
    let dir = TempDir::new().expect("tempdir");
    let bytes: Vec<u8> = corpus_text(DTT_14TH)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let bad = write_file(&dir, "utf16le-nobom.txt", &bytes);
    assert_bad_input(&bad, &["UTF-16"]);
}

/// An empty (or blank) file is a statement with no paragraphs: every
/// paragraph of the other side is reported, with a warning on stderr.
#[test]
fn empty_and_blank_files_compare_with_a_warning() {
    let dir = TempDir::new().expect("tempdir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b"  \n\n\t \r\n \n"[..]),
    ] {
        let file = write_file(&dir, name, bytes);
        let out = cmd()
            .args(["--format", "yaml"])
            .arg(&file)
            .arg(DTT_14TH)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("warning: empty file") && stderr.contains(name),
            "{stderr}"
        );
        let doc: serde_yaml::Value = serde_yaml::from_slice(&out.stdout).expect("yaml");
        // The title is metadata: nine paragraphs added.
        assert_eq!(doc["summary"]["added"].as_u64(), Some(9));
    }
}

/// A file with text in which no statement is found is an error, never an
/// empty report presented as complete.
#[test]
fn page_of_chrome_only_has_no_statement_text() {
    let dir = TempDir::new().expect("tempdir");
    let bad = write_file(
        &dir,
        "chrome.txt",
        b"An official website of the United States government\n\nHome : Media : News\n",
    );
    assert_bad_input(&bad, &["no statement text", "page chrome"]);
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).expect("create");
    // A sparse file: 101 MiB without writing them.
    file.set_len(101 * 1024 * 1024).expect("set_len");
    assert_bad_input(&path, &["too large", "100 MiB"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().expect("tempdir");
    let locked = write_file(&dir, "locked.txt", corpus_text(DTT_14TH).as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::File::open(&locked).is_ok() {
        eprintln!("skipped: this user (root?) can read a mode-000 file");
        return;
    }
    assert_bad_input(&locked, &["permission denied"]);
}

#[test]
fn threshold_out_of_range_is_a_usage_error() {
    let output = cmd()
        .args(["--threshold", "2", DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout must be empty");
    assert!(stderr.contains("--threshold"), "{stderr}");
    assert!(stderr.contains("'2'"), "{stderr}");
}

#[test]
fn one_file_only_is_an_error() {
    let output = cmd().arg(DTT_14TH).output().expect("run");
    assert_one_line_error(&output, &["two files"]);
}

#[test]
fn no_files_is_a_usage_error() {
    let output = cmd().output().expect("run");
    assert_one_line_error(&output, &["error:", "<FILE>", "(see --help)"]);
}

/// Argument errors are one line like every other error, exit 2, and say
/// what is allowed.
#[test]
fn argument_errors_are_one_line() {
    let run = |args: &[&str]| cmd().args(args).output().expect("run");
    let out = run(&["--threshold", "-1", DTT_14TH, DTT_15TH]);
    assert_one_line_error(&out, &["error: ", "--threshold", "0 to 1", "(see --help)"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("-- -1"));
    let out = run(&["--format", "xml", DTT_14TH, DTT_15TH]);
    assert_one_line_error(&out, &["'xml'", "possible values: terminal"]);
    let out = run(&["--seris", "x"]);
    assert_one_line_error(&out, &["'--seris'", "'--series'"]);
    let out = run(&["--width", "5", DTT_14TH, DTT_15TH]);
    assert_one_line_error(&out, &["--width", "20 or more"]);
    // --help and --version still print to standard output and exit 0.
    cmd()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage"));
}

/// A bad regex in a --chrome-rules file says what is wrong with it.
#[test]
fn a_bad_chrome_rules_regex_gives_the_reason() {
    let dir = TempDir::new().expect("tempdir");
    let rules = write_file(&dir, "my.rules", b"# mine\nheader ^(Menu\n");
    let out = cmd()
        .args(["--chrome-rules", path_str(&rules), DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_one_line_error(
        &out,
        &[path_str(&rules), "line 2", "bad pattern: unclosed group"],
    );
}

/// -o into a folder that does not exist names the file and the folder.
#[test]
fn output_into_a_missing_folder_names_it() {
    let dir = TempDir::new().expect("tempdir");
    let target = dir.path().join("no-such").join("report.yaml");
    let out = cmd()
        .args(["-f", "yaml", "-o", path_str(&target), DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    let folder = dir.path().join("no-such");
    assert_one_line_error(
        &out,
        &[path_str(&target), "no such folder", path_str(&folder)],
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("os error"));
}

// ---------------------------------------------------------------------------
// Encodings and line endings read as the same statement

fn assert_same_as_14th(bytes: &[u8], name: &str) {
    let dir = TempDir::new().expect("tempdir");
    let copy = write_file(&dir, name, bytes);
    cmd()
        .args([DTT_14TH, path_str(&copy)])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"));
    // And the other way round.
    cmd()
        .args([path_str(&copy), DTT_14TH])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"));
}

#[test]
fn utf8_with_bom_is_the_same_statement() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(corpus_text(DTT_14TH).as_bytes());
    assert_same_as_14th(&bytes, "14th-utf8-bom.txt");
}

#[test]
fn utf16le_with_bom_is_the_same_statement() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        corpus_text(DTT_14TH)
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_same_as_14th(&bytes, "14th-utf16le.txt");
}

#[test]
fn utf16be_with_bom_is_the_same_statement() {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(
        corpus_text(DTT_14TH)
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    assert_same_as_14th(&bytes, "14th-utf16be.txt");
}

#[test]
fn crlf_line_endings_are_the_same_statement() {
    let crlf = corpus_text(DTT_14TH).replace('\n', "\r\n");
    assert_same_as_14th(crlf.as_bytes(), "14th-crlf.txt");
}

// ---------------------------------------------------------------------------
// YAML

fn yaml_of(old: &str, new: &str) -> (Option<i32>, String) {
    stdout_of(&["--format", "yaml", old, new])
}

const YAML_PAIRS: [(&str, &str, i32); 5] = [
    (DTT_14TH, DTT_15TH, 1),
    (DTT_15TH, DTT_16TH, 1),
    (DTT_16TH, DTT_17TH, 1),
    (DTT_17TH, DTT_18TH, 1),
    (PAGE_14TH, DTT_14TH, 0),
];

/// Schema, counts and kinds, read generically (any YAML reader would see
/// the same document).
#[test]
fn yaml_summary_counts_match_the_changes() {
    for (old, new, code) in YAML_PAIRS {
        let (status, text) = yaml_of(old, new);
        assert_eq!(status, Some(code), "{old} → {new}");
        let doc: serde_yaml::Value = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{old} → {new}: YAML does not parse: {e}\n{text}"));
        assert_eq!(doc["schema"].as_str(), Some(SCHEMA), "{text}");
        let changes = doc["changes"].as_sequence().expect("changes is a list");
        for change in changes {
            let kind = change["kind"].as_str().expect("kind is a string");
            assert!(CHANGE_KINDS.contains(&kind), "unknown kind {kind:?}");
        }
        for kind in CHANGE_KINDS {
            let listed = changes
                .iter()
                .filter(|c| c["kind"].as_str() == Some(kind))
                .count();
            assert_eq!(
                doc["summary"][kind].as_u64(),
                Some(listed as u64),
                "{old} → {new}: summary.{kind}"
            );
        }
        assert_eq!(changes.is_empty(), code == 0, "{old} → {new}");
    }
}

#[test]
fn yaml_14th_to_15th_counts_the_corpus_edits() {
    // corpus/README.md: 3 added (T, X, K), 2 removed (F, G), H moved.
    let (_, text) = yaml_of(DTT_14TH, DTT_15TH);
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).expect("parse");
    assert_eq!(doc["summary"]["added"].as_u64(), Some(3));
    assert_eq!(doc["summary"]["removed"].as_u64(), Some(2));
    assert_eq!(doc["summary"]["moved"].as_u64(), Some(1));
}

/// The published types read the published output back.
#[test]
fn yaml_reads_back_into_yaml_report() {
    for (old, new, _) in YAML_PAIRS {
        let (_, text) = yaml_of(old, new);
        let report: YamlReport =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{old} → {new}: {e}\n{text}"));
        assert_eq!(report.schema, SCHEMA);
        let count = |kind: &str| report.changes.iter().filter(|c| c.kind == kind).count();
        assert_eq!(report.summary.added, count("added"));
        assert_eq!(report.summary.removed, count("removed"));
        assert_eq!(report.summary.reworded, count("reworded"));
        assert_eq!(report.summary.moved, count("moved"));
        for change in &report.changes {
            assert!(
                CHANGE_KINDS.contains(&change.kind.as_str()),
                "{}",
                change.kind
            );
        }
        assert!(report.settings.chrome_rules);
        assert_eq!(
            statement_diff::report::yaml::from_yaml(&text).as_ref(),
            Ok(&report)
        );
    }
}

/// True when python3 with PyYAML is here. When it is not, the test fails
/// under CI (`CI` set, as `.ci/run` and CI services set it) and says it was
/// skipped elsewhere.
fn python_has_pyyaml() -> bool {
    let found = StdCommand::new("python3")
        .args(["-c", "import yaml"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        let msg = "PyYAML is missing: run `python3 -m pip install pyyaml`";
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
        assert!(!ci, "{msg}");
        eprintln!("skipped: {msg}");
    }
    found
}

/// Loads a report with PyYAML (`yaml.safe_load`, YAML 1.1) and checks that
/// every edit's before/deleted/inserted/after is a `str`. Returns whether it
/// passed and what Python printed (key, type and repr of each value).
fn pyyaml_check_edits(yaml: &str) -> (bool, String) {
    const SCRIPT: &str = r#"
import sys, yaml
doc = yaml.safe_load(sys.stdin)
bad = []
seen = 0
for change in doc["changes"]:
    for edit in change.get("edits", []):
        for key in ("before", "deleted", "inserted", "after"):
            value = edit[key]
            seen += 1
            print(key, type(value).__name__, repr(value))
            if not isinstance(value, str):
                bad.append((key, value))
if seen == 0:
    sys.exit("no edits in the report")
if bad:
    sys.exit("not strings: %r" % (bad,))
"#;
    let mut child = StdCommand::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(yaml.as_bytes())
        .expect("feed python3");
    let out = child.wait_with_output().expect("python3");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A YAML 1.1 reader (PyYAML) must see a deleted "no" or "on" as the word,
/// not as a boolean.
#[test]
fn yaml_edits_stay_strings_for_pyyaml() {
    if !python_has_pyyaml() {
        return;
    }
    let dir = TempDir::new().expect("tempdir");
    let pairs = [
        (
            "They said no to the plan.\n",
            "They said yes to the plan.\n",
        ),
        ("They agreed on the plan\n", "They agreed to the plan\n"),
        ("They said no.\n", "They said.\n"),
        ("They turned it off today.\n", "They turned it on today.\n"),
    ];
    for (k, (old, new)) in pairs.iter().enumerate() {
        let old_path = write_file(&dir, &format!("old{k}.txt"), old.as_bytes());
        let new_path = write_file(&dir, &format!("new{k}.txt"), new.as_bytes());
        let (status, yaml) = yaml_of(path_str(&old_path), path_str(&new_path));
        assert_eq!(status, Some(1), "{old:?} → {new:?}");
        let (ok, report) = pyyaml_check_edits(&yaml);
        assert!(
            ok,
            "{old:?} → {new:?}: PyYAML read an edit as a non-string\n{report}\n{yaml}"
        );
    }
}

/// Beyond booleans, YAML 1.1 also reads bare ISO dates, sexagesimal times
/// (`10:30` is 630) and `1_000` as non-strings. Statements change dates and
/// times all the time.
#[test]
fn yaml_dates_and_times_stay_strings_for_pyyaml() {
    if !python_has_pyyaml() {
        return;
    }
    let dir = TempDir::new().expect("tempdir");
    let pairs = [
        (
            "Signed 2024-04-24 in Seoul.\n",
            "Signed 2025-05-27 in Seoul.\n",
        ),
        ("They met at 10:30 sharp.\n", "They met at 11:45 sharp.\n"),
        ("They sent 1_000 units.\n", "They sent 2_000 units.\n"),
    ];
    for (k, (old, new)) in pairs.iter().enumerate() {
        let old_path = write_file(&dir, &format!("old{k}.txt"), old.as_bytes());
        let new_path = write_file(&dir, &format!("new{k}.txt"), new.as_bytes());
        let (status, yaml) = yaml_of(path_str(&old_path), path_str(&new_path));
        assert_eq!(status, Some(1), "{old:?} → {new:?}");
        let (ok, report) = pyyaml_check_edits(&yaml);
        assert!(
            ok,
            "{old:?} → {new:?}: PyYAML read an edit as a non-string\n{report}\n{yaml}"
        );
    }
}

// ---------------------------------------------------------------------------
// -o FILE

#[test]
fn output_file_gets_the_report_and_nothing_else_is_left() {
    let dir = TempDir::new().expect("tempdir");
    let report = dir.path().join("report.txt");
    cmd()
        .args(["-o", path_str(&report), DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_empty());
    let written = fs::read_to_string(&report).expect("report written");
    let (_, on_stdout) = stdout_of(&[DTT_14TH, DTT_15TH]);
    assert_eq!(written, on_stdout, "-o writes what stdout would show");
    assert!(!written.contains('\x1b'), "a file gets no colors");
    let entries: Vec<String> = fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["report.txt"], "temporary files left behind");
}

#[test]
fn output_file_yaml_replaces_an_existing_file() {
    let dir = TempDir::new().expect("tempdir");
    let report = write_file(&dir, "changes.yaml", b"old contents\n");
    cmd()
        .args(["--format", "yaml", "--output", path_str(&report)])
        .args([DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let written = fs::read_to_string(&report).expect("report written");
    assert!(
        written.starts_with("schema: statement-diff/1\n"),
        "{written}"
    );
    assert_eq!(fs::read_dir(dir.path()).expect("read dir").count(), 1);
}

#[test]
fn output_file_is_not_created_on_error() {
    let dir = TempDir::new().expect("tempdir");
    let report = dir.path().join("report.txt");
    let missing = dir.path().join("missing.txt");
    let output = cmd()
        .args(["-o", path_str(&report), DTT_14TH, path_str(&missing)])
        .output()
        .expect("run");
    assert_one_line_error(&output, &[path_str(&missing)]);
    assert_eq!(fs::read_dir(dir.path()).expect("read dir").count(), 0);
}

// ---------------------------------------------------------------------------
// Colors

#[test]
fn color_always_writes_escape_codes() {
    cmd_bare()
        .args(["--color", "always", DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b["));
}

#[test]
fn color_always_beats_no_color() {
    cmd()
        .args(["--color", "always", DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b["));
}

#[test]
fn color_never_writes_no_escape_codes_even_when_forced() {
    cmd_bare()
        .env("CLICOLOR_FORCE", "1")
        .args(["--color", "never", DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b").not());
}

#[test]
fn no_color_with_auto_writes_no_escape_codes() {
    // CLICOLOR_FORCE alone would color a pipe; NO_COLOR must win over it.
    cmd_bare()
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .args(["--color", "auto", DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b").not());
}

#[test]
fn auto_does_not_color_a_pipe() {
    cmd_bare()
        .args([DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b").not());
}

#[test]
fn plain_output_marks_changed_words() {
    cmd()
        .args(["--color", "never", "--width", "0", DTT_14TH, DTT_15TH])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("{+strongly+} condemned the DPRK"))
        // The titles are in the header, not a reworded paragraph.
        .stdout(predicate::str::contains("Joint Statement of the [-14th-]").not())
        .stdout(predicate::str::contains(
            "Joint Statement of the 15th Defense Trilateral Talks  (10 paragraphs",
        ));
}

/// Every report line (header, digest, commitments, paragraphs) fits in
/// --width, unless it is one word too long to break.
#[test]
fn terminal_report_wraps_to_width() {
    let series = [DTT_14TH, DTT_15TH, DTT_16TH, DTT_17TH, DTT_18TH];
    for width in [100usize, 72, 50] {
        for pair in series.windows(2) {
            let w = width.to_string();
            let (status, out) =
                stdout_of(&["--color", "never", "--all", "--width", &w, pair[0], pair[1]]);
            assert_eq!(status, Some(1));
            for line in out.lines() {
                let too_wide = line.chars().count() > width;
                let breakable = line.trim_start().contains(' ');
                assert!(
                    !(too_wide && breakable),
                    "{} → {} --width {width}: line of {} columns:\n{line}",
                    pair[0],
                    pair[1],
                    line.chars().count()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Broken pipe

/// The 14th statement, and the same statement followed by hundreds of added
/// paragraphs, each with its own words, so the report is far bigger than a
/// pipe's buffer. (Added paragraphs need no pairing, so this stays fast.)
fn big_pair(dir: &TempDir) -> (PathBuf, PathBuf) {
    let text = corpus_text(DTT_14TH);
    let mut new = vec![text.trim().to_string()];
    for annex in 0..30 {
        for (k, p) in text.split("\n\n").enumerate() {
            new.push(format!("Annex {annex} item {k}. {}", p.trim()));
        }
    }
    (
        PathBuf::from(DTT_14TH),
        write_file(dir, "big-new.txt", (new.join("\n\n") + "\n").as_bytes()),
    )
}

#[test]
fn closed_pipe_ends_the_run_quietly() {
    let dir = TempDir::new().expect("tempdir");
    let (old, new) = big_pair(&dir);
    let args = ["--color", "never", path_str(&old), path_str(&new)];

    // The whole report must not fit in a pipe buffer (64 KiB on Linux).
    let (status, full) = stdout_of(&args);
    assert_eq!(status, Some(1));
    assert!(full.len() > 2 * 65536, "report only {} bytes", full.len());

    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_statement-diff"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    reader.read_line(&mut first).expect("read first line");
    assert!(first.starts_with("old: "), "{first:?}");
    drop(reader);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(!stderr.contains("failed printing"), "stderr: {stderr}");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit status {:?}, stderr: {stderr}",
        out.status
    );
}

// ---------------------------------------------------------------------------
// --show-paragraphs, --help, --version

#[test]
fn show_paragraphs_lists_paragraphs_and_set_aside_blocks() {
    let (status, out) = stdout_of(&["--show-paragraphs", PAGE_14TH]);
    assert_eq!(status, Some(0));
    assert!(out.contains("(9 paragraphs"), "{out}");
    for n in 1..=9 {
        assert!(out.contains(&format!("\u{b6}{n} ")), "¶{n} missing:\n{out}");
    }
    assert!(!out.contains("\u{b6}10 "), "{out}");
    assert!(out.contains("taken as metadata (1):"), "{out}");
    assert!(
        out.contains("title: Joint Statement of the 14th Defense Trilateral Talks"),
        "{out}"
    );
    assert!(out.contains("set aside ("), "{out}");
    assert!(out.contains("NEWS | April 26, 2024"), "{out}");
    assert!(
        out.contains("An official website of the United States government"),
        "{out}"
    );
}

#[test]
fn show_paragraphs_of_a_bare_statement_sets_nothing_aside() {
    let (status, out) = stdout_of(&["--show-paragraphs", DTT_14TH, DTT_15TH]);
    assert_eq!(status, Some(0));
    assert!(out.contains("(9 paragraphs"), "{out}");
    assert!(out.contains("(10 paragraphs"), "{out}");
    assert!(!out.contains("set aside"), "{out}");
}

#[test]
fn help_documents_the_exit_status() {
    cmd()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit status"))
        .stdout(predicate::str::contains("--format"));
}

#[test]
fn version_prints_the_crate_version() {
    cmd()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("statement-diff {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn accept_file_round_trip() {
    let dir = TempDir::new().expect("tempdir");
    let accept = dir.path().join("accepted.txt");
    let out = cmd()
        .args([
            "-q",
            "--write-accept",
            path_str(&accept),
            DTT_14TH,
            DTT_15TH,
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "--quiet prints nothing");
    let text = fs::read_to_string(&accept).expect("accept file");
    assert!(text.starts_with("# statement-diff accept file"));
    cmd()
        .args(["-q", "--accept", path_str(&accept), DTT_14TH, DTT_15TH])
        .assert()
        .code(0);
    // Accepted changes are still shown, marked.
    cmd()
        .args(["--accept", path_str(&accept), DTT_14TH, DTT_15TH])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("(accepted)"));
    // Another pair's changes are not covered.
    cmd()
        .args(["-q", "--accept", path_str(&accept), DTT_15TH, DTT_16TH])
        .assert()
        .code(1);
}

/// A one-sentence paragraph added holds one commitment added: two changes,
/// two fingerprints, so accepting the paragraph leaves the commitment to
/// review. An accept file of the earlier fingerprints (one for both) is
/// still honoured, with a warning to rewrite it.
#[test]
fn a_paragraph_and_its_commitment_have_their_own_fingerprints() {
    use statement_diff::fingerprint::legacy_of_texts;
    let dir = TempDir::new().expect("tempdir");
    let sentence = "The ministers agreed to open a joint office for space weather.";
    let old = write_file(&dir, "old.txt", b"The ministers met in Seoul.\n");
    let new = write_file(
        &dir,
        "new.txt",
        format!("The ministers met in Seoul.\n\n{sentence}\n").as_bytes(),
    );
    let yaml = |accept: Option<&Path>| {
        let mut c = cmd();
        c.args(["--format", "yaml"]);
        if let Some(a) = accept {
            c.arg("--accept").arg(a);
        }
        let out = c.arg(&old).arg(&new).output().expect("run");
        let doc: serde_yaml::Value = serde_yaml::from_slice(&out.stdout).expect("yaml");
        (out, doc)
    };
    let (_, doc) = yaml(None);
    let paragraph = doc["changes"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let commitment = doc["commitments"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "added")
        .expect("an added commitment")["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(paragraph, commitment);
    let accept = write_file(
        &dir,
        "paragraph.accept",
        format!("# statement-diff accept file (fingerprints v2)\n{paragraph}\n").as_bytes(),
    );
    let (out, doc) = yaml(Some(&accept));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(doc["changes"][0]["accepted"], true);
    let added = doc["commitments"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "added")
        .unwrap();
    assert!(added.get("accepted").is_none(), "{added:?}");

    // The earlier fingerprint, shared by both, accepts both and warns.
    let legacy = legacy_of_texts("added", None, Some(sentence));
    let old_file = write_file(
        &dir,
        "old.accept",
        format!("# statement-diff accept file: changes reviewed between\n{legacy}  added\n")
            .as_bytes(),
    );
    let (out, doc) = yaml(Some(&old_file));
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("old.accept: warning") && stderr.contains("--write-accept"),
        "{stderr}"
    );
    assert_eq!(doc["changes"][0]["accepted"], true);
}

#[test]
fn a_bad_accept_file_names_the_line() {
    let dir = TempDir::new().expect("tempdir");
    let accept = write_file(
        &dir,
        "accepted.txt",
        b"# reviewed\nnot-a-fingerprint moved\n",
    );
    let out = cmd()
        .args(["--accept", path_str(&accept), DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_one_line_error(&out, &[path_str(&accept), "line 2"]);
}

#[test]
fn fail_on_picks_the_kinds_that_fail() {
    // 14th -> 15th has stronger language but nothing weaker.
    cmd()
        .args(["-q", "--fail-on", "weaker", DTT_14TH, DTT_15TH])
        .assert()
        .code(0);
    cmd()
        .args(["-q", "--fail-on", "stronger", DTT_14TH, DTT_15TH])
        .assert()
        .code(1);
    cmd()
        .args(["-q", "--fail-on", "moved,added", DTT_14TH, DTT_15TH])
        .assert()
        .code(1);
    cmd()
        .args(["--fail-on", "sideways", DTT_14TH, DTT_15TH])
        .assert()
        .code(2);
}

#[test]
fn stat_is_one_line() {
    let (code, out) = stdout_of(&["--stat", DTT_14TH, DTT_15TH]);
    assert_eq!(code, Some(1));
    assert_eq!(out.lines().count(), 1);
    assert!(
        out.contains("3 added") && out.contains("2 stronger"),
        "{out}"
    );
}

#[test]
fn yaml_records_inputs_and_settings() {
    let (_, out) = stdout_of(&["--format", "yaml", DTT_14TH, DTT_15TH]);
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).expect("yaml");
    let sha = doc["old"]["sha256"].as_str().expect("sha256");
    assert_eq!(sha.len(), 64);
    assert_eq!(doc["settings"]["threshold"].as_f64(), Some(0.5));
    assert_eq!(
        doc["tool"]["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(
        doc["changes"][0]["fingerprint"]
            .as_str()
            .is_some_and(|f| f.len() == 16)
    );
}

#[test]
fn man_page_and_completions() {
    let (code, man) = stdout_of(&["--generate", "man"]);
    assert_eq!(code, Some(0));
    assert!(
        man.contains(".TH statement-diff") && man.contains("fail\\-on"),
        "roff man page"
    );
    // The SYNOPSIS names each option's value, once.
    let synopsis = &man[man.find(".SH SYNOPSIS").unwrap()..man.find(".SH DESCRIPTION").unwrap()];
    assert!(
        synopsis.contains("\\fB\\-\\-series\\fR \\fIDIR\\fR"),
        "{synopsis}"
    );
    assert!(synopsis.contains("\\fIFILE\\fR..."), "{synopsis}");
    assert!(
        synopsis.contains("\\fB\\-\\-width\\fR \\fIN\\fR"),
        "{synopsis}"
    );
    assert_eq!(man.matches(".SH SYNOPSIS").count(), 1);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out) = stdout_of(&["--generate", shell]);
        assert_eq!(code, Some(0));
        assert!(
            out.contains("statement-diff") && out.contains("--accept"),
            "{shell}"
        );
    }
}

/// `-o` (or `--write-accept`) naming an input would replace the statement
/// with the report: refused in one line, exit 2, and the input is untouched.
#[test]
fn output_over_an_input_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    let old = write_file(&dir, "a.txt", b"They met.\n");
    let new = write_file(&dir, "b.txt", b"They met again.\n");
    for flag in ["-o", "--write-accept"] {
        let out = cmd()
            .arg(flag)
            .arg(dir.path().join(".").join("a.txt"))
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("is an input") && err.trim_end().lines().count() == 1,
            "{flag}: {err}"
        );
        assert_eq!(fs::read(&old).unwrap(), b"They met.\n");
    }
}

/// Options that would be silently ignored are refused in one line.
#[test]
fn ignored_option_combinations_are_refused() {
    for args in [
        &["--stat", "--format", "yaml"][..],
        &["--show-paragraphs", "--format", "yaml"][..],
        &["-q", "-o", "report.txt"][..],
    ] {
        let out = cmd()
            .args(args)
            .args([DTT_14TH, DTT_15TH])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("cannot be given with"), "{args:?}: {err}");
    }
    assert!(!Path::new("report.txt").exists());
}

/// `--series -q` prints nothing and `--series --stat` one line per step.
#[test]
fn series_quiet_and_stat() {
    let dir = corpus_series_dir();
    let out = cmd()
        .arg("--series")
        .arg(dir.path())
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = cmd()
        .arg("--series")
        .arg(dir.path())
        .arg("--stat")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("14th.txt \u{2192} ") && lines[0].contains("15th.txt: "));
    assert!(
        lines
            .iter()
            .all(|l| l.contains(" unchanged, ") && l.contains("commitments: "))
    );
}

fn corpus_series_dir() -> TempDir {
    let dir = TempDir::new().expect("tempdir");
    for (name, path) in [
        ("14th.txt", DTT_14TH),
        ("15th.txt", DTT_15TH),
        ("16th.txt", DTT_16TH),
    ] {
        fs::copy(path, dir.path().join(name)).unwrap();
    }
    dir
}

/// A change accepted with `--accept` is marked in every report format, not
/// only on the terminal and in the YAML.
#[test]
fn accepted_changes_are_marked_in_markdown_and_html() {
    let dir = TempDir::new().expect("tempdir");
    let accept = dir.path().join("accept.txt");
    cmd()
        .arg("--write-accept")
        .arg(&accept)
        .args(["-q", DTT_14TH, DTT_15TH])
        .assert()
        .code(1);
    for (format, mark) in [
        ("markdown", " \u{b7} accepted"),
        ("html", "<span class=\"sim accepted\">accepted</span>"),
        ("terminal", "(accepted)"),
    ] {
        let marked = |accepted: bool| {
            let mut c = cmd();
            c.args(["--format", format, DTT_14TH, DTT_15TH]);
            if accepted {
                c.arg("--accept").arg(&accept);
            }
            let out = c.output().unwrap();
            String::from_utf8(out.stdout).unwrap().matches(mark).count()
        };
        assert_eq!(marked(false), 0, "{format}");
        assert!(marked(true) >= 10, "{format}: {}", marked(true));
    }
}

/// Two empty files: one warning that says so, not two that each blame the
/// other side.
#[test]
fn both_files_empty_warn_once() {
    let dir = TempDir::new().expect("tempdir");
    let old = write_file(&dir, "old.txt", b"");
    let new = write_file(&dir, "new.txt", b"");
    let out = cmd().arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("both files are empty"), "{err}");
}

/// `GIT_EXTERNAL_DIFF=statement-diff git diff`: git's seven arguments are
/// read as one pair, labelled with the repository path, and the run exits 0
/// as git expects of an external diff.
#[test]
fn git_external_diff_convention() {
    let dir = TempDir::new().expect("tempdir");
    let git = |args: &[&str]| {
        let out = StdCommand::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir.path())
            .env_remove("GIT_EXTERNAL_DIFF")
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {:?}", out);
    };
    git(&["init", "-q"]);
    fs::copy(DTT_14TH, dir.path().join("statement.txt")).unwrap();
    git(&["add", "statement.txt"]);
    git(&["commit", "-q", "-m", "14th"]);
    fs::copy(DTT_15TH, dir.path().join("statement.txt")).unwrap();
    let out = StdCommand::new("git")
        .args(["diff"])
        .current_dir(dir.path())
        .env("GIT_EXTERNAL_DIFF", env!("CARGO_BIN_EXE_statement-diff"))
        .env("NO_COLOR", "1")
        .output()
        .expect("git diff runs");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("old: a/statement.txt"), "{text}");
    assert!(text.contains("new: b/statement.txt"), "{text}");
    assert!(text.contains("~ reworded"), "{text}");
}

/// The built-in rules, lexicon and terms can be printed, and each printed
/// file is accepted back as the option's FILE (to copy and edit).
#[test]
fn built_in_data_files_are_printed_and_read_back() {
    let dir = TempDir::new().expect("tempdir");
    for (what, flag) in [
        ("chrome-rules", "--chrome-rules"),
        ("lexicon", "--lexicon"),
        ("terms", "--terms"),
    ] {
        let out = cmd().args(["--generate", what]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{what}");
        assert!(out.stdout.len() > 200, "{what}");
        let file = write_file(&dir, what, &out.stdout);
        let plain = cmd()
            .args(["--format", "yaml", DTT_14TH, DTT_15TH])
            .output()
            .unwrap();
        let edited = cmd()
            .arg(flag)
            .arg(&file)
            .args(["--format", "yaml", DTT_14TH, DTT_15TH])
            .output()
            .unwrap();
        assert_eq!(edited.status.code(), Some(1), "{what}");
        assert_eq!(edited.stdout, plain.stdout, "{what}: same report");
    }
}

/// `--width 0` is no wrapping: each paragraph and header on one line (it
/// printed one word per line); below 20 is refused.
#[test]
fn width_zero_is_no_wrapping_and_below_twenty_is_refused() {
    cmd()
        .args(["--width", "5", DTT_14TH, DTT_15TH])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too narrow"));
    let (status, out) = stdout_of(&["--width", "0", DTT_14TH, DTT_15TH]);
    assert_eq!(status, Some(1));
    let (_, wrapped) = stdout_of(&["--width", "100", DTT_14TH, DTT_15TH]);
    assert!(
        out.lines().count() * 3 < wrapped.lines().count() * 2,
        "{out}"
    );
    assert!(out.lines().any(|l| l.chars().count() > 300), "{out}");
    assert!(
        out.lines().next().unwrap().contains("(9 paragraphs"),
        "{out}"
    );
}

/// `--encoding` is each file's fallback: an EUC-KR file and the same text in
/// UTF-8 compare as the same statement.
#[test]
fn encoding_is_a_fallback_for_each_file() {
    let dir = TempDir::new().expect("tempdir");
    let text = "3국 대표는 긴밀히 협력하기로 하였다.\n\n다음 회의는 서울에서 열린다.\n";
    // The same text in EUC-KR (from encoding_rs, as the reader decodes it).
    let (euc_kr, _, bad) = encoding_rs::EUC_KR.encode(text);
    assert!(!bad);
    let old = write_file(&dir, "old.txt", &euc_kr);
    let new = write_file(&dir, "new.txt", text.as_bytes());
    cmd()
        .args(["--encoding", "euc-kr"])
        .arg(&old)
        .arg(&new)
        .assert()
        .code(0);
    cmd()
        .args(["--encoding", "no-such-encoding"])
        .arg(&new)
        .arg(&new)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding"));
}

/// The Markdown report fits a pull-request comment: with `--markdown-limit`
/// the digest and commitments stay whole and the paragraph view is cut with
/// a line that counts what was left out.
#[test]
fn markdown_is_capped_for_a_pull_request_comment() {
    let full = cmd()
        .args([
            "--format",
            "markdown",
            "--markdown-limit",
            "0",
            DTT_14TH,
            DTT_15TH,
        ])
        .output()
        .unwrap();
    let full = String::from_utf8(full.stdout).unwrap();
    let limit = full.len() / 2;
    let out = cmd()
        .args(["--format", "markdown", "--markdown-limit"])
        .arg(limit.to_string())
        .args([DTT_14TH, DTT_15TH])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let capped = String::from_utf8(out.stdout).unwrap();
    assert!(capped.len() <= limit, "{} > {limit}", capped.len());
    assert!(capped.contains("more paragraph change"), "{capped}");
    let before_paragraphs = |s: &str| s[..s.find("### Paragraphs").unwrap()].to_string();
    assert_eq!(before_paragraphs(&capped), before_paragraphs(&full));
    // The default cap leaves a report that fits whole as it is.
    let default = cmd()
        .args(["--format", "markdown", DTT_14TH, DTT_15TH])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(default.stdout).unwrap(), full);
}

// ---------------------------------------------------------------------------
// Pager and the user's terminal

/// Runs `line` in a shell on a pseudo-terminal of 30 rows and 80 columns
/// (util-linux `script`); None, saying so, when `script` is missing (a
/// failure under CI).
#[cfg(target_os = "linux")]
fn on_a_terminal(line: &str, pager: &str) -> Option<String> {
    let found = StdCommand::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = "util-linux `script` is missing: the pager tests need a pseudo-terminal";
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
        assert!(!ci, "{msg}");
        eprintln!("skipped: {msg}");
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_statement-diff");
    let out = StdCommand::new("script")
        .args([
            "-qec",
            &format!("stty rows 30 cols 80; {}", line.replace("BIN", bin)),
        ])
        .arg("/dev/null")
        .env("STATEMENT_DIFF_PAGER", pager)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("LESS")
        .stdin(Stdio::null())
        .output()
        .expect("run script");
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

/// A report longer than the screen goes through the pager on a terminal;
/// a short one, a pipe, `-o` and `--no-pager` never do.
#[cfg(target_os = "linux")]
#[test]
fn long_reports_on_a_terminal_are_paged() {
    let pager = "sed s/^/PAGED:/";
    let pair = format!("{DTT_14TH} {DTT_15TH}");
    let Some(long) = on_a_terminal(&format!("BIN {pair}"), pager) else {
        return;
    };
    assert!(long.lines().all(|l| l.starts_with("PAGED:")), "{long}");
    assert!(long.contains("Paragraphs"), "{long}");
    let short = on_a_terminal(&format!("BIN {DTT_14TH} {DTT_14TH}"), pager).unwrap();
    assert!(
        short.contains("No changes") && !short.contains("PAGED:"),
        "{short}"
    );
    let direct = on_a_terminal(&format!("BIN --no-pager {pair}"), pager).unwrap();
    assert!(
        direct.contains("Paragraphs") && !direct.contains("PAGED:"),
        "{direct}"
    );
    let piped = on_a_terminal(&format!("BIN {pair} | cat"), pager).unwrap();
    assert!(
        piped.contains("Paragraphs") && !piped.contains("PAGED:"),
        "{piped}"
    );
    // Piped, the report takes the width of the terminal the user sits at.
    let widest = piped.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80, "{widest} columns:\n{piped}");
    let wide = on_a_terminal(&format!("COLUMNS=120 BIN {pair} | cat"), pager).unwrap();
    assert!(
        wide.lines().any(|l| l.chars().count() > 100),
        "COLUMNS wins:\n{wide}"
    );
}

/// Without a terminal (as in CI) the pager never runs and `--no-pager` is
/// accepted.
#[test]
fn no_pager_without_a_terminal() {
    let plain = cmd().args([DTT_14TH, DTT_15TH]).output().expect("run");
    for args in [&[][..], &["--no-pager"]] {
        let out = cmd()
            .args(args)
            .args([DTT_14TH, DTT_15TH])
            .env("STATEMENT_DIFF_PAGER", "sed s/^/PAGED:/")
            .env("PAGER", "sed s/^/PAGED:/")
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(out.stdout, plain.stdout, "{args:?}");
    }
}

/// `--write FORMAT=FILE` writes more reports from the one comparison, each
/// the report --format would print; it is refused over an input and where
/// there is no pair report to write.
#[test]
fn write_gives_more_reports_from_one_run() {
    let dir = TempDir::new().expect("tempdir");
    let (yaml, html) = (dir.path().join("c.yaml"), dir.path().join("r.html"));
    let out = cmd()
        .arg("--write")
        .arg(format!("yaml={}", yaml.display()))
        .arg("--write")
        .arg(format!("html={}", html.display()))
        .args(["--format", "json", DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let (_, json) = stdout_of(&["--format", "json", DTT_14TH, DTT_15TH]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), json);
    for (format, file) in [("yaml", &yaml), ("html", &html)] {
        let (_, alone) = stdout_of(&["--format", format, DTT_14TH, DTT_15TH]);
        assert_eq!(fs::read_to_string(file).unwrap(), alone, "{format}");
    }
    let refused = cmd()
        .args(["--write", &format!("yaml={DTT_15TH}"), DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_one_line_error(&refused, &["--write would overwrite"]);
    let refused = cmd()
        .args(["--stat", "--write", "yaml=x.yaml", DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_one_line_error(&refused, &["--write", "--stat"]);
    let bad = cmd()
        .args(["--write", "yaml", DTT_14TH, DTT_15TH])
        .output()
        .expect("run");
    assert_one_line_error(&bad, &["FORMAT=FILE"]);
}
