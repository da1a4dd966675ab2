//! Alignment: which old paragraph became which new one.
//!
//! 1. `similar`'s Patience diff over the comparison keys finds the
//!    paragraphs that stayed word for word.
//! 2. The paragraphs it leaves over are paired: first identical keys, then
//!    by word-level similarity (at least the threshold), best pairs first.
//!    Candidates come from an index of the paragraphs' rarest words, so no
//!    step compares every removed paragraph with every added one.
//! 3. Among all pairs, the heaviest chain that keeps both orders (a weighted
//!    longest increasing subsequence) stays in place; every pair off that
//!    chain has moved.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::document::Paragraph;

/// A paragraph of the old statement matched to one of the new.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// 0-based old paragraph.
    pub old: usize,
    /// 0-based new paragraph.
    pub new: usize,
    /// Word-level similarity, 1.0 for identical keys.
    pub similarity: f64,
    /// True when the keys are identical.
    pub identical: bool,
    /// True when the pair keeps its place relative to the other in-place
    /// pairs; false when it moved.
    pub in_place: bool,
}

/// Every paragraph of both sides, accounted for once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Matched paragraphs, ordered by old position.
    pub pairs: Vec<Pair>,
    /// 0-based old paragraphs with no counterpart.
    pub removed: Vec<usize>,
    /// 0-based new paragraphs with no counterpart.
    pub added: Vec<usize>,
}

/// Tuning for the alignment.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Minimum similarity for two paragraphs to be the same paragraph.
    pub threshold: f64,
    /// Time allowed for the paragraph diff before it settles for a coarser
    /// (still valid) answer.
    pub timeout: Duration,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: 0.5,
            timeout: Duration::from_secs(2),
        }
    }
}

/// How many candidates a paragraph is compared with at most.
const MAX_CANDIDATES: usize = 24;

/// Aligns two statements' paragraphs.
pub fn align(old: &[Paragraph], new: &[Paragraph], options: &AlignOptions) -> Alignment {
    let old_keys: Vec<&str> = old.iter().map(|p| p.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|p| p.key.as_str()).collect();
    let deadline = Instant::now() + options.timeout;
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));

    let mut pairs = Vec::new();
    let mut old_free = Vec::new();
    let mut new_free = Vec::new();
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => pairs.extend(o.zip(n).map(|(i, j)| identical_pair(i, j))),
            _ => {
                old_free.extend(o);
                new_free.extend(n);
            }
        }
    }

    pair_identical(old, new, &mut old_free, &mut new_free, &mut pairs);
    pair_similar(
        old,
        new,
        &mut old_free,
        &mut new_free,
        &mut pairs,
        options.threshold,
    );

    pairs.sort_by_key(|p| p.old);
    mark_in_place(&mut pairs, old, new);
    old_free.sort_unstable();
    new_free.sort_unstable();
    Alignment {
        pairs,
        removed: old_free,
        added: new_free,
    }
}

fn identical_pair(old: usize, new: usize) -> Pair {
    Pair {
        old,
        new,
        similarity: 1.0,
        identical: true,
        in_place: true,
    }
}

/// Pairs leftover paragraphs whose keys are identical (moved paragraphs),
/// in order of appearance.
fn pair_identical(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &mut Vec<usize>,
    new_free: &mut Vec<usize>,
    pairs: &mut Vec<Pair>,
) {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for &j in new_free.iter().rev() {
        by_key.entry(new[j].key.as_str()).or_default().push(j);
    }
    let mut taken_new = Vec::new();
    old_free.retain(
        |&i| match by_key.get_mut(old[i].key.as_str()).and_then(Vec::pop) {
            Some(j) => {
                pairs.push(identical_pair(i, j));
                taken_new.push(j);
                false
            }
            None => true,
        },
    );
    new_free.retain(|j| !taken_new.contains(j));
}

/// Pairs leftover paragraphs by word-level similarity, best pairs first.
fn pair_similar(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &mut Vec<usize>,
    new_free: &mut Vec<usize>,
    pairs: &mut Vec<Pair>,
    threshold: f64,
) {
    if old_free.is_empty() || new_free.is_empty() {
        return;
    }
    let mut candidates = candidate_pairs(old, new, old_free, new_free, threshold);
    // Best similarity first; among equals, the pair nearest in relative
    // position, then document order, so the result is deterministic.
    let relative = |i: usize, j: usize| {
        (i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64).abs()
    };
    candidates.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(relative(a.0, a.1).total_cmp(&relative(b.0, b.1)))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    for (i, j, similarity) in candidates {
        if old_used[i] || new_used[j] {
            continue;
        }
        old_used[i] = true;
        new_used[j] = true;
        pairs.push(Pair {
            old: i,
            new: j,
            similarity,
            identical: false,
            in_place: true,
        });
    }
    old_free.retain(|&i| !old_used[i]);
    new_free.retain(|&j| !new_used[j]);
}

/// Candidate pairs `(old, new, similarity)` at or above the threshold.
///
/// Each free new paragraph is indexed by its words. An old paragraph looks
/// up its rarer words (a word in many paragraphs says little) and counts the
/// words it shares with each paragraph found; only the best few by that
/// count whose shared words could reach the threshold get a word diff.
fn candidate_pairs(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &[usize],
    new_free: &[usize],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for &j in new_free {
        let mut words: Vec<&str> = new[j].words.iter().map(String::as_str).collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            index.entry(w).or_default().push(j);
        }
    }
    // A word found in more than this many paragraphs is too common to look
    // up; pairs that share only such words cannot reach the threshold often
    // enough to be worth the cost.
    let common = (new_free.len() / 4).max(16);
    let mut out = Vec::new();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for &i in old_free {
        shared.clear();
        let mut words: Vec<&str> = old[i].words.iter().map(String::as_str).collect();
        words.sort_unstable();
        words.dedup();
        for w in &words {
            if let Some(list) = index.get(w).filter(|l| l.len() <= common) {
                for &j in list {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let mut found: Vec<(usize, usize)> = shared.iter().map(|(&j, &n)| (j, n)).collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(j, _) in found.iter().take(MAX_CANDIDATES) {
            let a = &old[i].words;
            let b = &new[j].words;
            let bound = 2.0 * a.len().min(b.len()) as f64 / (a.len() + b.len()).max(1) as f64;
            if bound < threshold {
                continue;
            }
            let s = similarity(a, b);
            if s >= threshold {
                out.push((i, j, s));
            }
        }
    }
    out
}

/// Word-level similarity of two word lists: 2·matched / (len a + len b),
/// matched words found by a Patience diff with a short deadline.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let deadline = Instant::now() + Duration::from_millis(50);
    let ops = capture_diff_slices_deadline(Algorithm::Patience, a, b, Some(deadline));
    let matched: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    2.0 * matched as f64 / (a.len() + b.len()) as f64
}

/// Marks the pairs that stay in place: the heaviest chain increasing in both
/// old and new positions. A pair weighs its similarity, plus a hair for
/// length so that of two swapped paragraphs the shorter is the one that
/// moved. `pairs` must be sorted by old position.
fn mark_in_place(pairs: &mut [Pair], old: &[Paragraph], new: &[Paragraph]) {
    let n = new.len();
    if pairs.is_empty() {
        return;
    }
    let weight = |p: &Pair| {
        let words = old[p.old].words.len().min(200) as f64;
        p.similarity + words / 200.0 * 1e-3
    };
    // Fenwick tree over new positions: best chain weight ending at or
    // before a position, and the pair index that ends it.
    let mut tree: Vec<(f64, Option<usize>)> = vec![(0.0, None); n + 1];
    let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
    let mut best_at: Vec<f64> = vec![0.0; pairs.len()];
    for (k, pair) in pairs.iter().enumerate() {
        // best chain over new positions < pair.new
        let mut pos = pair.new;
        let mut best = (0.0, None);
        while pos > 0 {
            if tree[pos].0 > best.0 {
                best = tree[pos];
            }
            pos &= pos - 1;
        }
        back[k] = best.1;
        best_at[k] = best.0 + weight(pair);
        let mut pos = pair.new + 1;
        while pos <= n {
            if best_at[k] > tree[pos].0 {
                tree[pos] = (best_at[k], Some(k));
            }
            pos += pos & pos.wrapping_neg();
        }
    }
    let mut end = (0..pairs.len()).fold(None, |best: Option<usize>, k| match best {
        Some(b) if best_at[b] >= best_at[k] => Some(b),
        _ => Some(k),
    });
    for pair in pairs.iter_mut() {
        pair.in_place = false;
    }
    while let Some(k) = end {
        pairs[k].in_place = true;
        end = back[k];
    }
}

#[cfg(test)]
mod tests {
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
    const C: &str =
        "The United States reaffirmed its ironclad commitment to the defense of allies.";
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

    #[test]
    fn similarity_is_a_ratio() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(similarity(&w("a b c d"), &w("a b c d")), 1.0);
        assert_eq!(similarity(&w("a b c d"), &w("a b x y")), 0.5);
        assert_eq!(similarity(&[], &w("a")), 0.0);
    }
}
