//! Snapshot tests of the "What changed" digest and the commitments it
//! summarises, for the strengthened-language, next-round and
//! rewritten-round fixtures.

use statement_diff::chrome::Chrome;
use statement_diff::document::Document;
use statement_diff::{Options, compare, report::digest::digest};

use crate::util::{ROOT, assert_snapshot};

fn digest_of(case: &str) -> String {
    let dir = format!("{ROOT}/tests/fixtures/{case}");
    let read = |side: &str| {
        let path = format!("{dir}/{side}.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        Document::from_text(&format!("{side}.txt"), &text, &Chrome::builtin())
    };
    let report = compare(&read("old"), &read("new"), &Options::default());
    let mut out = digest(&report).join("\n");
    out.push_str("\n\ncommitments:\n");
    for c in &report.commitments {
        let old = c
            .old
            .as_ref()
            .map(|o| format!("old ¶{}", o.paragraph))
            .unwrap_or_default();
        let new = c
            .new
            .as_ref()
            .map(|n| format!("new ¶{}", n.paragraph))
            .unwrap_or_default();
        let shift = c
            .shift
            .map(|s| format!(" [{}]", s.name()))
            .unwrap_or_default();
        let verb = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .map(|x| x.verb.clone())
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<8} {old:<7} {new:<7} {verb}{shift}\n",
            c.kind.name()
        ));
    }
    out
}

#[test]
fn digest_strengthened_and_removed() {
    let d = digest_of("07-strengthened-and-removed");
    assert!(
        d.contains("stronger language: condemned \u{2192} strongly condemned"),
        "{d}"
    );
    assert!(d.contains("no longer mentioned: Ukraine"), "{d}");
    assert_snapshot!("digest_strengthened_and_removed", d);
}

#[test]
fn digest_next_round() {
    let d = digest_of("14-next-round");
    assert!(d.contains("newly mentioned"), "{d}");
    assert_snapshot!("digest_next_round", d);
}

#[test]
fn digest_rewritten_round() {
    let d = digest_of("15-rewritten-round");
    assert!(d.contains("weaker language"), "{d}");
    assert!(
        d.contains("stronger language: shared concerns \u{2192} expressed serious concern"),
        "{d}"
    );
    assert_snapshot!("digest_rewritten_round", d);
}

#[test]
fn the_digest_names_merged_and_split_paragraphs_and_moved_sentences() {
    let a = "The officials exchanged views on the security environment in the region.";
    let b = "They condemned the DPRK's launches of ballistic missiles.";
    let c = "They urged the DPRK to cease all destabilizing activities immediately.";
    let d = "The officials pledged to continue working closely together.";
    let e = "They agreed to hold the next round of talks in Seoul next year.";
    let lines = |old: String, new: String| {
        let chrome = Chrome::none();
        let old = Document::from_text("old.txt", &old, &chrome);
        let new = Document::from_text("new.txt", &new, &chrome);
        digest(&compare(&old, &new, &Options::default()))
    };
    let merged = lines(
        format!("Title\n\n{a}\n\n{b} {c}\n\n{e}\n"),
        format!("Title\n\n{a} {b} {c}\n\n{e}\n"),
    );
    assert!(
        merged.contains(&"restructured: old ¶2 merged into new ¶2".to_string()),
        "{merged:?}"
    );
    let split = lines(
        format!("Title\n\n{a} {b} {c} {d}\n\n{e}\n"),
        format!("Title\n\n{a} {b}\n\n{c} {d}\n\n{e}\n"),
    );
    assert!(
        split.contains(&"restructured: old ¶2 split, part now new ¶3".to_string()),
        "{split:?}"
    );
    let moved = lines(
        format!("Title\n\n{a} {b} {c}\n\n{d}\n\n{e}\n"),
        format!("Title\n\n{a} {b}\n\n{d}\n\n{e} {c}\n"),
    );
    assert!(
        moved.contains(&"restructured: 1 sentence moved from old ¶2 to new ¶4".to_string()),
        "{moved:?}"
    );
}

#[test]
fn the_digest_names_three_restructurings_and_counts_the_rest() {
    // Five paragraphs, each merged into the one after it.
    let pairs: Vec<(String, String)> = (1..=5)
        .map(|k| {
            (
                format!("The officials reviewed item number {k} of the agenda in detail."),
                format!("They agreed to report on item number {k} before the next round."),
            )
        })
        .collect();
    let old: Vec<String> = pairs
        .iter()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .collect();
    let new: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} {b}")).collect();
    let chrome = Chrome::none();
    let old = Document::from_text(
        "old.txt",
        &format!("Title\n\n{}\n", old.join("\n\n")),
        &chrome,
    );
    let new = Document::from_text(
        "new.txt",
        &format!("Title\n\n{}\n", new.join("\n\n")),
        &chrome,
    );
    let lines = digest(&compare(&old, &new, &Options::default()));
    let line = lines
        .iter()
        .find(|l| l.starts_with("restructured: "))
        .expect("a restructured line");
    assert_eq!(line.matches("merged into").count(), 3, "{line}");
    assert!(line.ends_with("; and 2 more"), "{line}");
}

/// Two rounds whose statements differ only in the title block: the old a
/// joint press statement, the new a unilateral one.
fn title_only_rounds(dir: &tempfile::TempDir) -> (String, String) {
    let body = "The defense ministers of the three countries met in Seoul on November 12, \
                2023 to review their cooperation.\n\n\
                They condemned the launches of ballistic missiles and pledged to deepen \
                their exchanges of information.\n";
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(
        &old,
        format!("Trilateral Meeting Joint Press Statement\n\n{body}"),
    )
    .unwrap();
    std::fs::write(
        &new,
        format!("Trilateral Meeting Unilateral Press Statement\n\n{body}"),
    )
    .unwrap();
    (
        old.to_str().unwrap().to_string(),
        new.to_str().unwrap().to_string(),
    )
}

#[test]
fn a_title_only_change_is_a_header_and_digest_line_not_a_paragraph_change() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = title_only_rounds(&dir);
    let out = crate::util::cmd()
        .args(["--color", "never", "--width", "0", &old, &new])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Nothing the statements say changed: exit 0, no paragraph change.
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Trilateral Meeting Joint Press Statement  (2 paragraphs"),
        "{text}"
    );
    assert!(
        text.contains("Trilateral Meeting Unilateral Press Statement  (2 paragraphs"),
        "{text}"
    );
    assert!(
        text.contains(
            "kind of document: joint press statement \u{2192} unilateral press statement"
        ),
        "{text}"
    );
    assert!(!text.contains("reworded ¶"), "{text}");

    let out = crate::util::cmd()
        .args(["--format", "yaml", &old, &new])
        .output()
        .unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["changes"].as_sequence().map(Vec::len), Some(0));
    assert_eq!(doc["old"]["kind"].as_str(), Some("joint press statement"));
    assert_eq!(
        doc["new"]["kind"].as_str(),
        Some("unilateral press statement")
    );
    assert_eq!(doc["new"]["meeting_date"].as_str(), Some("2023-11-12"));
    assert_eq!(
        doc["new"]["title"].as_str(),
        Some("Trilateral Meeting Unilateral Press Statement")
    );
    let digest: Vec<&str> = doc["digest"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(
        digest.first().copied(),
        Some("kind of document: joint press statement \u{2192} unilateral press statement")
    );
}

#[test]
fn a_cut_short_copy_is_warned_of_and_its_last_change_marked() {
    let dir = tempfile::tempdir().unwrap();
    let full = "Joint Statement of the Talks\n\n\
                The defense officials met in Seoul on September 10, 2024 to review their \
                cooperation.\n\n\
                They condemned the launches of ballistic missiles by the DPRK.\n\n\
                They pledged to deepen their exchanges of information on missile launches.\n\n\
                They agreed to hold the next talks in Tokyo.\n";
    // Cut in a word the text uses whole before ("missiles").
    let cut = &full[..full.find("missile launches").unwrap() + 5];
    assert!(cut.ends_with("on missi"));
    let old = dir.path().join("full.txt");
    let new = dir.path().join("cut.txt");
    std::fs::write(&old, full).unwrap();
    std::fs::write(&new, cut).unwrap();
    let out = crate::util::cmd()
        .args(["--format", "yaml"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: NEW ends mid-word: truncated copy?"),
        "{stderr}"
    );
    let doc: serde_yaml::Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["new"]["truncated"].as_str(), Some("mid-word"));
    assert_eq!(doc["old"]["truncated"].as_str(), None);
    assert_eq!(
        doc["warnings"][0].as_str(),
        Some("NEW ends mid-word: truncated copy?")
    );
    let changes = doc["changes"].as_sequence().unwrap();
    // The cut paragraph, reworded, and the one the copy has no room for,
    // removed: both possibly the cut.
    let kinds: Vec<(&str, Option<&str>)> = changes
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["truncated"].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [("reworded", Some("new")), ("removed", Some("new"))],
        "{changes:?}"
    );
}
