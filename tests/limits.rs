//! Odd but valid inputs work (in reasonable time, checked by the benchmark
//! script, not here): one 10 MB line, 10,000 identical paragraphs, hostile
//! control characters; and their reports stay valid YAML.

use assert_cmd::cargo::cargo_bin_cmd;

fn temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    crate::util::temp("", bytes)
}

fn yaml_of(
    old: &tempfile::NamedTempFile,
    new: &tempfile::NamedTempFile,
) -> (i32, serde_yaml::Value) {
    let out = cargo_bin_cmd!("statement-diff")
        .args(["--format", "yaml"])
        .arg(old.path())
        .arg(new.path())
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, serde_yaml::from_slice(&out.stdout).unwrap())
}

#[test]
fn one_ten_megabyte_line() {
    let words = [
        "security",
        "cooperation",
        "trilateral",
        "peace",
        "stability",
        "DPRK",
        "missile",
    ];
    let mut line = String::with_capacity(10_500_000);
    let mut i = 0usize;
    while line.len() < 10_000_000 {
        line.push_str(words[i % words.len()]);
        line.push_str(if i % 97 == 96 { ". " } else { " " });
        i += 1;
    }
    let old = temp(line.as_bytes());
    let new = temp(format!("{line}\n\nThey agreed to meet again.\n").as_bytes());
    let (code, doc) = yaml_of(&old, &new);
    assert_eq!(code, 1);
    assert_eq!(doc["summary"]["unchanged"].as_u64(), Some(1));
    assert_eq!(doc["summary"]["added"].as_u64(), Some(1));
}

#[test]
fn ten_thousand_identical_paragraphs() {
    let paragraph = "The officials pledged to continue working closely together.\n\n";
    let old = temp(paragraph.repeat(10_000).as_bytes());
    let new = temp(format!("{}They agreed to meet again.\n", paragraph.repeat(9_999)).as_bytes());
    let (code, doc) = yaml_of(&old, &new);
    assert_eq!(code, 1);
    let s = &doc["summary"];
    let total_old = s["unchanged"].as_u64().unwrap()
        + s["removed"].as_u64().unwrap()
        + s["reworded"].as_u64().unwrap()
        + s["moved"].as_u64().unwrap();
    assert_eq!(total_old, 10_000, "every old paragraph accounted for");
    assert_eq!(s["unchanged"].as_u64(), Some(9_999));
    let kept = doc["commitments"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|c| c["kind"].as_str() == Some("kept"))
        .count();
    assert_eq!(
        kept, 9_999,
        "identical commitments are kept, not dropped and added"
    );
}

#[test]
fn control_characters_round_trip_through_yaml() {
    let hostile = "They agreed \u{1b}]0;pwned\u{7} to \u{1b}[31mtalk\u{202e} now.\r\n\r\nThey met.";
    let old = temp(b"They agreed to talk now.\n\nThey met.\n");
    let new = temp(hostile.as_bytes());
    let (code, doc) = yaml_of(&old, &new);
    assert_eq!(code, 1);
    let text = doc["changes"][0]["new"]["text"].as_str().unwrap();
    assert!(
        text.contains('\u{1b}') && text.contains('\u{202e}'),
        "YAML keeps the text exactly: {text:?}"
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let old = temp(b"They agreed to talk now.\n");
    let new =
        temp("They agreed \u{1b}]0;pwned\u{7}\u{1b}[2J to talk\u{8}\u{202e} now.\n".as_bytes());
    let out = cargo_bin_cmd!("statement-diff")
        .args(["--color", "always"])
        .arg(old.path())
        .arg(new.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Our own color codes are ESC [ … m; nothing else may carry an ESC.
    for (i, _) in stdout.match_indices('\u{1b}') {
        let rest = &stdout[i + 1..];
        let code: String = rest.chars().take_while(|c| *c != 'm').collect();
        assert!(
            rest.starts_with('[')
                && code.len() < 12
                && code[1..].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "raw escape: {:?}",
            &stdout[i..(i + 12).min(stdout.len())]
        );
    }
    assert!(!stdout.contains('\u{7}') && !stdout.contains('\u{8}') && !stdout.contains('\u{202e}'));
    assert!(stdout.contains("\\x1b]0;pwned"));
}

#[test]
fn control_characters_round_trip_through_json() {
    let old = temp(b"They agreed to talk now.\n");
    let new = temp("They agreed \u{1b}[31m to \"talk\"\u{7} now\u{202e}.\n".as_bytes());
    let out = cargo_bin_cmd!("statement-diff")
        .args(["--format", "json"])
        .arg(old.path())
        .arg(new.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(
        !raw.contains('\u{1b}') && !raw.contains('\u{7}'),
        "control characters are escaped in JSON"
    );
    let doc: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let text = doc["changes"][0]["new"]["text"].as_str().unwrap();
    assert!(
        text.contains("\u{1b}[31m") && text.contains("\"talk\"\u{7}"),
        "{text:?}"
    );
}
