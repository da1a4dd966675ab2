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
