//! Snapshot tests of the "What changed" digest and the commitments it
//! summarises, for the strengthened-language, next-round and
//! rewritten-round fixtures.

use statement_diff::chrome::Chrome;
use statement_diff::document::Document;
use statement_diff::{Options, compare, digest::digest};

fn digest_of(case: &str) -> String {
    let dir = format!("{}/tests/fixtures/{case}", env!("CARGO_MANIFEST_DIR"));
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
    insta::assert_snapshot!(d);
}

#[test]
fn digest_next_round() {
    let d = digest_of("14-next-round");
    assert!(d.contains("newly mentioned"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn digest_rewritten_round() {
    let d = digest_of("15-rewritten-round");
    assert!(d.contains("weaker language"), "{d}");
    assert!(
        d.contains("stronger language: shared concerns \u{2192} expressed serious concern"),
        "{d}"
    );
    insta::assert_snapshot!(d);
}
