//! Tests of extraction and comparison as a whole, and the helpers the other files' tests share.

use super::*;
use crate::chrome::Chrome;
use crate::document::Document;
use crate::model::{CommitmentKind, Shift};

/// The commitments of a plain-text statement.
pub(super) fn commitments(text: &str) -> Vec<Commitment> {
    let doc = Document::from_text("t.txt", text, &Chrome::none());
    extract(&doc.paragraphs, &Lexicon::builtin())
}

/// The commitment changes between two statements.
pub(super) fn changes_between(old: &str, new: &str) -> Vec<CommitmentChange> {
    compare(
        &commitments(old),
        &commitments(new),
        &MatchOptions::default(),
    )
}

pub(super) fn one_pair(old: &str, new: &str) -> CommitmentChange {
    let changes = changes_between(old, new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    changes.into_iter().next().unwrap()
}

pub(super) fn shift_of(old: &str, new: &str) -> Option<Shift> {
    one_pair(old, new).shift
}

/// The two changes of a pair of two-clause sentences, one clause
/// reworded and one kept.
pub(super) fn reworded_and_kept(
    changes: Vec<CommitmentChange>,
) -> (CommitmentChange, CommitmentChange) {
    let kinds: Vec<CommitmentKind> = changes.iter().map(|c| c.kind).collect();
    let (mut reworded, mut kept): (Vec<_>, Vec<_>) = changes
        .into_iter()
        .partition(|c| c.kind == CommitmentKind::Reworded);
    assert_eq!((reworded.len(), kept.len()), (1, 1), "{kinds:?}");
    (reworded.remove(0), kept.remove(0))
}

#[test]
fn reused_commitments_equal_extracted_ones() {
    let old = Document::from_text(
        "o.txt",
        "1. They condemned the launches.\n\n2. They agreed to meet.\n\n3. Kept as is; they urged restraint.",
        &Chrome::none(),
    );
    let new = Document::from_text(
        "n.txt",
        "1. Kept as is; they urged restraint.\n\n2. They strongly condemned the launches.\n\n3. They agreed to meet.",
        &Chrome::none(),
    );
    let lexicon = Lexicon::builtin();
    let known = extract(&old.paragraphs, &lexicon);
    assert_eq!(
        extract_reusing(&new.paragraphs, &lexicon, &old.paragraphs, &known),
        extract(&new.paragraphs, &lexicon)
    );
}

#[test]
fn japanese_commitments_are_found_and_compared() {
    let old = "三者は、北朝鮮による弾道ミサイル発射を強く非難した。\n\n三者は、協力を強化することで一致した。";
    let new = "三者は、北朝鮮による弾道ミサイル発射を最も強い言葉で非難した。\n\n\
               三者は、協力を強化することで一致した。\n\n\
               三者は、ロシアと北朝鮮の軍事協力に深刻な懸念を表明した。";
    assert_eq!(commitments(old).len(), 2);
    let changes = changes_between(old, new);
    let kinds: Vec<CommitmentKind> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CommitmentKind::Reworded,
            CommitmentKind::Kept,
            CommitmentKind::Added
        ]
    );
    assert_eq!(changes[0].shift, Some(Shift::Stronger));
    assert_eq!(changes[0].notes, ["強く非難した \u{2192} 最も強い非難した"]);
}
