use super::*;
use crate::chrome::Chrome;
use crate::document::Document;

fn doc(paragraphs: &[&str]) -> Vec<Paragraph> {
    Document::from_text("t.txt", &paragraphs.join("\n\n"), &Chrome::none()).paragraphs
}

fn run(old: &[&str], new: &[&str]) -> Alignment {
    align(&doc(old), &doc(new), &AlignOptions::default())
}

const A: &str = "The officials met in Seoul to review the regional security environment.";
const B: &str = "They condemned the launches of ballistic missiles by the DPRK.";
const B2: &str = "They strongly condemned the launches of ballistic missiles by the DPRK.";
const C: &str = "The United States reaffirmed its ironclad commitment to the defense of allies.";
const D: &str = "They agreed to hold the next talks in Tokyo next year.";
const E: &str = "Completely different words about fisheries quotas and weather.";

fn kinds(a: &Alignment) -> Vec<(usize, usize, bool, bool)> {
    a.pairs
        .iter()
        .map(|p| (p.old, p.new, p.identical, p.in_place))
        .collect()
}

#[test]
fn identical_statements_pair_everything_in_place() {
    let a = run(&[A, B, C], &[A, B, C]);
    assert_eq!(
        kinds(&a),
        [(0, 0, true, true), (1, 1, true, true), (2, 2, true, true)]
    );
    assert!(a.removed.is_empty() && a.added.is_empty());
}

#[test]
fn reworded_in_place() {
    let a = run(&[A, B, C], &[A, B2, C]);
    assert_eq!(
        kinds(&a),
        [(0, 0, true, true), (1, 1, false, true), (2, 2, true, true)]
    );
    assert!(a.pairs[1].similarity > 0.9 && a.pairs[1].similarity < 1.0);
}

#[test]
fn moved_identical_paragraph() {
    let a = run(&[A, B, C, D], &[A, C, D, B]);
    assert_eq!(a.pairs.iter().filter(|p| !p.in_place).count(), 1);
    let moved = a.pairs.iter().find(|p| !p.in_place).unwrap();
    assert_eq!((moved.old, moved.new, moved.identical), (1, 3, true));
}

#[test]
fn moved_and_reworded() {
    let a = run(&[A, B, C, D], &[A, C, D, B2]);
    let moved: Vec<_> = a.pairs.iter().filter(|p| !p.in_place).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].old, moved[0].new, moved[0].identical),
        (1, 3, false)
    );
}

#[test]
fn one_identical_paragraph_moving_past_two_reworded_ones_is_the_move() {
    let a = run(
        &[D, B, C],
        &[B2, C.replace("allies", "partners").as_str(), D],
    );
    let moved: Vec<_> = a
        .pairs
        .iter()
        .filter(|p| !p.in_place)
        .map(|p| p.old)
        .collect();
    assert_eq!(moved, [0]);
}

#[test]
fn unrelated_paragraphs_are_removed_and_added() {
    let a = run(&[A, B], &[A, E]);
    assert_eq!(a.removed, [1]);
    assert_eq!(a.added, [1]);
}

#[test]
fn duplicate_paragraph_is_an_addition() {
    let a = run(&[A, B, C], &[A, B, B, C]);
    assert_eq!(a.pairs.len(), 3);
    assert_eq!(a.added.len(), 1);
    assert!(a.pairs.iter().all(|p| p.in_place));
}

#[test]
fn every_paragraph_is_accounted_for_once() {
    let old = [A, B, C, D, E, A];
    let new = [E, B2, A, D, C, C];
    let a = run(&old, &new);
    let mut olds: Vec<usize> = a
        .pairs
        .iter()
        .map(|p| p.old)
        .chain(a.removed.iter().copied())
        .collect();
    let mut news: Vec<usize> = a
        .pairs
        .iter()
        .map(|p| p.new)
        .chain(a.added.iter().copied())
        .collect();
    olds.sort_unstable();
    news.sort_unstable();
    assert_eq!(olds, (0..old.len()).collect::<Vec<_>>());
    assert_eq!(news, (0..new.len()).collect::<Vec<_>>());
}

// Pairing on evidence.

const STOCK_A: &str = "The officials welcomed the progress of their trilateral cooperation and agreed to continue working closely together on regional security.";
const STOCK_D: &str = "The officials agreed to continue working closely together and to hold the next round of talks in the coming year.";
const STOCK_E: &str = "The officials welcomed the progress of the missile warning data sharing mechanism and agreed to continue working closely together on its upgrade.";

fn run_with(old: &[&str], new: &[&str], links: &CommitmentLinks) -> Alignment {
    align_with(&doc(old), &doc(new), &AlignOptions::default(), links)
}

fn pair_of(a: &Alignment, old: usize) -> Option<&Pair> {
    a.pairs.iter().find(|p| p.old == old)
}

#[test]
fn an_opening_with_a_new_ordinal_date_and_place_is_the_opening_reworded() {
    // The titles above the openings are the statements' metadata, not
    // paragraphs.
    let old = [
        "Deputy Minister Cho Chang-rae, Assistant Secretary Ely Ratner and Director General Kano Koji convened the 14th Defense Trilateral Talks virtually on April 24, 2024.",
        B,
        C,
    ];
    let new = [
        "Seoul hosted the 15th Defense Trilateral Talks on September 10, 2024, with Deputy Minister Cho Chang-rae, Acting Deputy Under Secretary Cara Abercrombie and Director General Yamato Taro leading their delegations.",
        B,
        C,
    ];
    let a = run(&old, &new);
    let opening = pair_of(&a, 0).expect("the openings are one paragraph");
    assert_eq!(opening.new, 0);
    // The words in order alone fall short of the threshold.
    assert!(opening.similarity < 0.5, "{opening:?}");
    let e = opening.evidence.expect("evidence");
    assert_eq!(e.role, Some(crate::model::Role::Opening));
    assert!(e.score >= 0.5 && e.words >= evidence::MIN_WORDS, "{e:?}");
    assert!(a.removed.is_empty() && a.added.is_empty());
}

#[test]
fn a_paragraph_split_in_two_and_reworded_is_a_pair_and_a_part() {
    let whole = "The three sides condemned the launches of intercontinental ballistic missiles as violations of Security Council resolutions. They urged Pyongyang to return to dialogue. They resolved to block illicit revenue from cyber theft of cryptocurrency and from overseas workers.";
    let first = "The three sides strongly condemned the recent launches of intercontinental ballistic missiles as clear violations of Security Council resolutions, and urged Pyongyang to return to dialogue.";
    let second = "They also resolved to block the illicit revenue Pyongyang draws from cyber theft of cryptocurrency and from its overseas workers.";
    let a = run(&[A, whole, D], &[A, first, second, D]);
    let pair = pair_of(&a, 1).expect("the old paragraph is paired");
    assert!(pair.new == 1 || pair.new == 2, "{a:?}");
    let part = if pair.new == 1 { 2 } else { 1 };
    assert_eq!(a.added, [part]);
    assert_eq!(
        a.joins,
        [Join {
            old: 1,
            new: pair.new,
            part: Part::New(part)
        }]
    );
    // Not word for word: no sentence of the old paragraph is carried whole.
    assert!(pair.similarity < 0.9);
}

#[test]
fn two_paragraphs_merged_and_reworded_are_a_pair_and_a_part() {
    let first = "The three sides strongly condemned the recent launches of intercontinental ballistic missiles as clear violations of Security Council resolutions, and urged Pyongyang to return to dialogue.";
    let second = "They also resolved to block the illicit revenue Pyongyang draws from cyber theft of cryptocurrency and from its overseas workers.";
    let whole = "The three sides condemned the launches of intercontinental ballistic missiles as violations of Security Council resolutions. They urged Pyongyang to return to dialogue. They resolved to block illicit revenue from cyber theft of cryptocurrency and from overseas workers.";
    let a = run(&[A, first, second, D], &[A, whole, D]);
    let pair = a
        .pairs
        .iter()
        .find(|p| p.new == 1)
        .expect("the new one is paired");
    let part = if pair.old == 1 { 2 } else { 1 };
    assert_eq!(a.removed, [part]);
    assert_eq!(
        a.joins,
        [Join {
            old: pair.old,
            new: 1,
            part: Part::Old(part)
        }]
    );
    // The same paragraphs the other way round: the split, mirrored.
    let b = run(&[A, whole, D], &[A, first, second, D]);
    assert_eq!(b.added, [part]);
}

#[test]
fn paragraphs_sharing_only_stock_phrases_stay_apart() {
    let x = "The officials welcomed the progress of the joint exercise in the Sea of Japan and agreed to continue working closely together on missile defense drills.";
    let y = "The officials welcomed the progress of the new fisheries accord on the coastal waters and agreed to continue working closely together on catch quotas.";
    // A statement that says "welcomed the progress" and "agreed to
    // continue working closely together" more than once.
    let old = [A, STOCK_A, B, STOCK_E, x, C, STOCK_D];
    let new = [A, STOCK_A, B, STOCK_E, y, C, STOCK_D];
    // The words in order say one paragraph…
    let (o, n) = (doc(&old), doc(&new));
    let mut vocabulary = evidence::Vocabulary::default();
    let (a_ids, b_ids) = (vocabulary.ids(o[4].words()), vocabulary.ids(n[4].words()));
    let mut lcs = crate::text::lcs::Lcs::new(vocabulary.len());
    lcs.set_old(&a_ids);
    let dice = 2.0 * lcs.length(&b_ids) as f64 / (a_ids.len() + b_ids.len()) as f64;
    assert!(dice >= 0.5, "{dice}");
    // …the informative ones do not.
    let a = run(&old, &new);
    assert_eq!(a.removed, [4], "{a:?}");
    assert_eq!(a.added, [4]);
}

#[test]
fn commitments_paired_between_two_paragraphs_pair_them() {
    let x = "The ministers reaffirmed their support for the maritime security initiative and pledged to expand coast guard training in the region.";
    let y = "Turning to the seas, the ministers reaffirmed their support for the initiative, and they pledged to expand coast guard training next year.";
    let old = [A, x, E, D];
    let new = [A, E, y, D];
    let none = run(&old, &new);
    let links = CommitmentLinks {
        pairs: vec![(1, 2), (1, 2)],
        old_counts: vec![0, 2, 0, 0],
        new_counts: vec![0, 0, 2, 0],
    };
    let with = run_with(&old, &new, &links);
    let pair = pair_of(&with, 1).expect("paired on its commitments");
    assert_eq!(pair.new, 2);
    let e = pair.evidence.expect("evidence");
    assert_eq!(e.commitments, 2);
    let score_without = pair_of(&none, 1)
        .and_then(|p| p.evidence)
        .map_or(0.0, |e| e.score);
    assert!(e.score > score_without, "{e:?} vs {score_without}");
}

#[test]
fn the_threshold_is_what_the_evidence_must_reach() {
    let a = run(&[A, B, C], &[A, B2, C]);
    let score = a.pairs[1].evidence.expect("evidence").score;
    let strict = AlignOptions {
        threshold: score + 0.01,
        ..AlignOptions::default()
    };
    let b = align(&doc(&[A, B, C]), &doc(&[A, B2, C]), &strict);
    assert_eq!(
        (b.removed.as_slice(), b.added.as_slice()),
        ([1].as_slice(), [1].as_slice())
    );
}

#[test]
fn evidence_is_the_same_both_ways() {
    let old = [A, B, C, D];
    let new = [A, C.replace("allies", "partners").as_str(), B2, D].map(str::to_string);
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    let ab = run(&old, &new);
    let ba = run(&new, &old);
    for p in &ab.pairs {
        let q = ba.pairs.iter().find(|q| q.old == p.new).expect("mirrored");
        assert_eq!(q.new, p.old);
        assert_eq!(p.evidence.map(|e| e.score), q.evidence.map(|e| e.score));
    }
}
