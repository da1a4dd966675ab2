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

// Every voice, the forms that commit to nothing, pairing by what is promised.

fn verbs(text: &str) -> Vec<String> {
    commitments(text).into_iter().map(|c| c.verb).collect()
}

#[test]
fn first_person_present() {
    assert_eq!(
        verbs(
            "We strongly condemn the launch. We call on the DPRK to stop. \
             We will step up our efforts to deter threats."
        ),
        ["condemn", "call on", "will step"]
    );
    assert_eq!(
        verbs("We condemn the launch and call on the DPRK to refrain from further provocations."),
        ["condemn", "call on"]
    );
}

#[test]
fn third_person_present() {
    assert_eq!(
        verbs("The United States condemns the launch."),
        ["condemns"]
    );
    assert_eq!(
        verbs("Japan strongly supports the initiative."),
        ["supports"]
    );
}

#[test]
fn past_perfect_and_progressive() {
    assert_eq!(verbs("The leaders condemned the launch."), ["condemned"]);
    assert_eq!(
        verbs("The Ministers have condemned the launch."),
        ["condemned"]
    );
    assert_eq!(verbs("We are condemning the launch."), ["condemning"]);
    assert_eq!(verbs("They undertook to share data."), ["undertook"]);
    let c = commitments("The Ministers have also condemned the launch.");
    assert_eq!(c[0].subject.as_deref(), Some("The Ministers"));
}

#[test]
fn a_modal_with_an_actor_for_subject_is_a_promise() {
    for text in [
        "Our three countries will establish a hotline.",
        "The Ministers will hold the next meeting in Seoul.",
        "We will work together with the international community.",
    ] {
        let c = commitments(text);
        assert_eq!(c.len(), 1, "{text}");
        assert_eq!((c[0].strength.verb, c[0].strength.modal), (0, Some(3)));
    }
    // No actor, a passive, a reported clause, a consequence.
    for text in [
        "The next meeting will be held in Seoul.",
        "This cooperation will contribute to peace.",
        "Summits and declarations with North Korea will contribute to peace.",
        "If the DPRK conducts a test, North Korea will bear responsibility.",
    ] {
        assert!(commitments(text).is_empty(), "{text}");
    }
    assert_eq!(
        verbs("They affirmed they will redouble efforts."),
        ["affirmed"]
    );
    assert_eq!(
        verbs("We condemn the launch and will continue to work with our partners."),
        ["condemn", "will continue to work"]
    );
    // A reporting verb after the modal is the predicate, with its modal.
    let c = commitments("We will continue to press for sanctions.");
    assert_eq!(
        (c[0].verb.as_str(), c[0].strength.modal),
        ("press", Some(3))
    );
    assert_eq!(c[0].subject.as_deref(), Some("We"));
}

#[test]
fn predicates() {
    for (text, verb) in [
        ("We are committed to deepening ties.", "are committed"),
        ("We remain determined to act.", "remain determined to"),
        (
            "We are deeply concerned about the launches.",
            "are deeply concerned",
        ),
        ("We stand ready to help.", "stand ready"),
        ("We look forward to meeting again.", "look forward to"),
        (
            "The three sides share the view that dialogue matters.",
            "share the view",
        ),
    ] {
        assert_eq!(verbs(text), [verb], "{text}");
    }
    let c = commitments("We are deeply concerned about the launches.");
    assert_eq!(c[0].strength.modifiers, 1);
}

#[test]
fn adjectives_participles_passives_nouns_headlines_and_questions_commit_to_nothing() {
    assert_eq!(
        verbs(
            "They reiterated that a nuclear test would be met with a strong and determined response."
        ),
        ["reiterated"]
    );
    for text in [
        "They reviewed the lines of effort agreed to at the historic Summit.",
        "Trilateral Defense Agreement Signed Between Japan and Korea",
        "The plan was welcomed by the partners.",
        "Will the Ministers agree to meet again?",
        "Their support for the plan grew.",
        "The Ministers met to reaffirm their ties.",
        "They stressed the importance of condemning the launch.",
    ] {
        assert!(
            commitments(text).len() <= usize::from(text.starts_with("They stressed")),
            "{text}"
        );
    }
    // A verb of another tense after "and" is inside the reported clause.
    assert_eq!(
        verbs("They stressed that their countries share a vision and are committed to peace."),
        ["stressed"]
    );
}

#[test]
fn korean_verbs_are_read_with_their_endings() {
    for ending in ["규탄하였다", "규탄했다", "규탄한다"] {
        let c = commitments(&format!("3국은 북한의 미사일 발사를 {ending}."));
        assert_eq!(c.len(), 1, "{ending}");
        assert_eq!(c[0].strength.verb, 3, "{ending}");
    }
    assert_eq!(
        commitments("3국은 다음 회의를 서울에서 개최하기로 합의했다.").len(),
        1
    );
    assert_eq!(commitments("세 장관은 3국의 노력을 치하했다.").len(), 1);
    // A noun, and a verb that modifies a noun.
    assert!(commitments("3국은 합의한 사항을 점검했다.").is_empty());
    assert!(commitments("규탄의 목소리가 높았다.").is_empty());
    // A promise in the future form.
    let c = commitments("3국은 안보 협력을 강화해 나갈 것이다.");
    assert_eq!((c.len(), c[0].strength.verb), (1, 0));
}

#[test]
fn japanese_verbs_are_read_with_their_endings() {
    for ending in ["非難した", "非難する", "非難している"] {
        assert_eq!(
            commitments(&format!("三者は、発射を{ending}。")).len(),
            1,
            "{ending}"
        );
    }
    assert_eq!(
        commitments("三者は、協力を強化することで一致した。").len(),
        1
    );
    assert_eq!(commitments("三者は、協力に引き続きコミットした。").len(), 1);
    assert_eq!(commitments("三者は、決意を新たにした。").len(), 1);
    assert_eq!(commitments("三者は、見解を共有した。").len(), 1);
    // A noun, a passive.
    assert!(commitments("三者は、地域情勢に関する評価について意見交換した。").is_empty());
    assert!(commitments("その発表は広く歓迎された。").is_empty());
}

#[test]
fn a_clause_whose_verb_changed_but_whose_object_stayed_is_reworded() {
    let change = one_pair(
        "They expressed concern about the deepening military ties between Russia and the DPRK.",
        "They strongly condemned the military cooperation between Russia and the DPRK.",
    );
    assert_eq!(
        (change.kind, change.shift),
        (CommitmentKind::Reworded, Some(Shift::Stronger))
    );
    let change = one_pair(
        "The Ministers agreed to hold the next talks in Tokyo.",
        "The Ministers decided that the next round would convene in Tokyo.",
    );
    assert_eq!(
        (change.kind, change.shift),
        (CommitmentKind::Reworded, None)
    );
    let change = one_pair(
        "The leaders condemned the DPRK launch of an ICBM.",
        "We strongly condemn the DPRK launch of an ICBM.",
    );
    assert_eq!(
        (change.kind, change.shift),
        (CommitmentKind::Reworded, Some(Shift::Stronger))
    );
    let change = one_pair(
        "The officials affirmed their enduring commitment to strengthen trilateral cooperation.",
        "The officials recalled their enduring commitment to strengthen trilateral cooperation.",
    );
    assert_eq!(change.kind, CommitmentKind::Reworded);
}

#[test]
fn shared_subject_words_make_no_pair() {
    let old = "The Secretary and the two Ministers strongly condemned the DPRK's space launch. \
               The Secretary and the two Ministers affirmed their enduring commitment to peace.";
    let new = "The Secretary and the two Ministers affirmed their enduring commitment to peace. \
               They condemned the DPRK's space launch.";
    let changes = changes_between(old, new);
    let condemned = changes
        .iter()
        .find(|c| c.old.as_ref().is_some_and(|o| o.verb == "condemned"))
        .unwrap();
    assert_eq!(
        condemned.new.as_ref().map(|n| n.verb.as_str()),
        Some("condemned")
    );
    assert_eq!(condemned.shift, Some(Shift::Weaker));
}

#[test]
fn numbers_changed_lists_only_values() {
    let change = one_pair(
        "3국은 2023년 3국 협력을 강화하기로 합의했다.",
        "3국은 2024년 3국이 협력을 강화하기로 합의했다.",
    );
    assert_eq!(change.notes, ["numbers changed: 2023년 \u{2192} 2024년"]);
    let change = one_pair(
        "They agreed to counter evil2 code in 2024.",
        "They agreed to counter the code2 tool in 2025.",
    );
    assert_eq!(change.notes, ["numbers changed: 2024 \u{2192} 2025"]);
}

#[test]
fn a_list_of_names_is_one_subject() {
    let c = commitments(
        "The United States, the Republic of Korea, and Japan strongly condemn the launch.",
    );
    assert_eq!(
        c[0].subject.as_deref(),
        Some("The United States, the Republic of Korea, and Japan")
    );
    let c =
        commitments("Underscoring the importance of cooperation, the Ministers pledged to act.");
    assert_eq!(c[0].subject.as_deref(), Some("the Ministers"));
}

#[test]
fn words_read_as_a_heading_in_one_round_lend_no_commitments_to_the_next() {
    // Above a sentence, the short line is a heading; above a list item, it
    // is the list's lead-in and commits.
    let chrome = Chrome::builtin();
    // (The case a property test found.)
    let old = Document::from_text("old.txt", "pledged\nSeoul The The.\n\ncondemned", &chrome);
    let new = Document::from_text("new.txt", "pledged\n-  The.\n\ncondemned", &chrome);
    assert!(old.paragraphs[0].heading && !new.paragraphs[0].heading);
    let lexicon = Lexicon::builtin();
    let known = extract(&old.paragraphs, &lexicon);
    assert_eq!(
        extract_reusing(&new.paragraphs, &lexicon, &old.paragraphs, &known),
        extract(&new.paragraphs, &lexicon)
    );
}
