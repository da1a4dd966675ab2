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
