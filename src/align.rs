//! Alignment: which old paragraph became which new one.
//!
//! 1. `similar`'s Patience diff over the comparison keys finds the
//!    paragraphs that stayed word for word.
//! 2. The paragraphs it leaves over are paired: first identical keys, then
//!    by word-level similarity (at least the threshold), best pairs first.
//!    Similarity is the Dice ratio of the longest common subsequence of the
//!    two word lists, computed a machine word at a time.
//!    Candidates come from an index of the paragraphs' rarest words, so no
//!    step compares every removed paragraph with every added one.
//! 3. Among all pairs, the heaviest chain that keeps both orders (a weighted
//!    longest increasing subsequence) stays in place; every pair off that
//!    chain has moved.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::document::Paragraph;
use crate::text::hash::WordHasher;
use crate::text::index::{Lookup, Postings, Reach, distinct};
use crate::text::lcs::Lcs;
use crate::text::normalize::Words;

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
    let deadline = Instant::now() + options.timeout;
    let (mut pairs, mut old_free, mut new_free) = diff_keys(old, new, deadline);

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
    repair_duplicates(&mut pairs, &mut old_free, &mut new_free, old, new);
    Alignment {
        pairs,
        removed: old_free,
        added: new_free,
    }
}

/// How many swaps `repair_duplicates` tries at most, so that thousands of
/// identical paragraphs cannot make it quadratic.
const MAX_REPAIRS: usize = 64;

/// A paragraph that occurs more than once can be paired with the wrong
/// copy: an identical pair reported as moved when another, unpaired copy of
/// the same text would have stayed in place. Tries each such swap and keeps
/// it when fewer paragraphs move.
fn repair_duplicates(
    pairs: &mut Vec<Pair>,
    old_free: &mut Vec<usize>,
    new_free: &mut Vec<usize>,
    old: &[Paragraph],
    new: &[Paragraph],
) {
    let moved = |pairs: &[Pair]| pairs.iter().filter(|p| !p.in_place).count();
    let mut tries = 0;
    let mut k = 0;
    while k < pairs.len() && tries < MAX_REPAIRS {
        let p = pairs[k];
        // An identical pair that moved, or one in place whose other copies
        // are unpaired (the chain may have taken the wrong copy).
        if !p.identical {
            k += 1;
            continue;
        }
        let key = old[p.old].key();
        let old_copies: Vec<usize> = old_free
            .iter()
            .copied()
            .filter(|&i| old[i].key() == key)
            .collect();
        let new_copies: Vec<usize> = new_free
            .iter()
            .copied()
            .filter(|&j| new[j].key() == key)
            .collect();
        let before = moved(pairs);
        let mut improved = false;
        let swaps = old_copies
            .iter()
            .map(|&i| (i, p.new))
            .chain(new_copies.iter().map(|&j| (p.old, j)));
        for (i, j) in swaps {
            tries += 1;
            let mut trial: Vec<Pair> = pairs.clone();
            trial[k] = identical_pair(i, j);
            trial.sort_by_key(|q| q.old);
            mark_in_place(&mut trial, old, new);
            if moved(&trial) < before {
                // The copy left unpaired goes back to the free lists.
                if i != p.old {
                    old_free.retain(|&x| x != i);
                    old_free.push(p.old);
                    old_free.sort_unstable();
                } else {
                    new_free.retain(|&x| x != j);
                    new_free.push(p.new);
                    new_free.sort_unstable();
                }
                *pairs = trial;
                improved = true;
                break;
            }
            if tries >= MAX_REPAIRS {
                break;
            }
        }
        // After a swap the pairs are re-sorted: look again from the start.
        k = if improved { 0 } else { k + 1 };
    }
}

/// Above this many paragraphs (both sides together) the paragraph diff
/// leaves out the paragraphs whose key the other side lacks: they cannot be
/// equal anyway, and without them a statement where every paragraph changed
/// costs nothing to diff. (Below it the diff sees every paragraph, so that
/// among duplicate paragraphs the same copies stay in place as always.)
const DIFF_ONLY_SHARED_KEYS: usize = 2000;

/// The Patience diff of the paragraph keys: identical pairs in place, and
/// the old and new paragraphs left over, in order.
fn diff_keys(
    old: &[Paragraph],
    new: &[Paragraph],
    deadline: Instant,
) -> (Vec<Pair>, Vec<usize>, Vec<usize>) {
    let (old_at, new_at): (Vec<usize>, Vec<usize>) =
        if old.len() + new.len() > DIFF_ONLY_SHARED_KEYS {
            let old_keys: HashSet<&str> = old.iter().map(|p| p.key()).collect();
            let new_keys: HashSet<&str> = new.iter().map(|p| p.key()).collect();
            (
                (0..old.len())
                    .filter(|&i| new_keys.contains(old[i].key()))
                    .collect(),
                (0..new.len())
                    .filter(|&j| old_keys.contains(new[j].key()))
                    .collect(),
            )
        } else {
            ((0..old.len()).collect(), (0..new.len()).collect())
        };
    let old_keys: Vec<&str> = old_at.iter().map(|&i| old[i].key()).collect();
    let new_keys: Vec<&str> = new_at.iter().map(|&j| new[j].key()).collect();
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));
    let mut pairs = Vec::new();
    let mut old_paired = vec![false; old.len()];
    let mut new_paired = vec![false; new.len()];
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in o.zip(n) {
                let (i, j) = (old_at[i], new_at[j]);
                old_paired[i] = true;
                new_paired[j] = true;
                pairs.push(identical_pair(i, j));
            }
        }
    }
    let old_free = (0..old.len()).filter(|&i| !old_paired[i]).collect();
    let new_free = (0..new.len()).filter(|&j| !new_paired[j]).collect();
    (pairs, old_free, new_free)
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
        by_key.entry(new[j].key()).or_default().push(j);
    }
    let mut taken_new = vec![false; new.len()];
    old_free.retain(|&i| match by_key.get_mut(old[i].key()).and_then(Vec::pop) {
        Some(j) => {
            pairs.push(identical_pair(i, j));
            taken_new[j] = true;
            false
        }
        None => true,
    });
    new_free.retain(|&j| !taken_new[j]);
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
/// count (the nearest in relative position among equals) whose words could
/// reach the threshold get a word diff. Two bounds come first, each at
/// least the similarity: the lengths', and the longest common subsequence
/// of the two word lists (computed a machine word at a time).
///
/// Words are numbered once, so that no step compares or hashes strings
/// more than once. An old paragraph visits at most [`LOOKUP_BUDGET`] index
/// entries, rarest words first and, of a word's long list, the paragraphs
/// nearest its own place, so a statement of thousands of paragraphs that
/// share most of their words costs no more per paragraph than a short one.
fn candidate_pairs(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &[usize],
    new_free: &[usize],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let mut vocabulary = Vocabulary::default();
    let new_words: Vec<Vec<u32>> = new_free
        .iter()
        .map(|&j| vocabulary.ids(new[j].words()))
        .collect();
    let old_words: Vec<Vec<u32>> = old_free
        .iter()
        .map(|&i| vocabulary.ids(old[i].words()))
        .collect();
    // Word → the free new paragraphs (positions in `new_free`) that use it.
    let postings = Postings::new(vocabulary.len(), &new_words);
    // A word found in more than this many paragraphs is too common to look
    // up; pairs that share only such words cannot reach the threshold often
    // enough to be worth the cost.
    let reach = Reach {
        budget: LOOKUP_BUDGET,
        common: (new_free.len() / 4).max(16),
        limit: MAX_CANDIDATES,
    };
    let relative = |i: usize, j: usize| {
        (i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64).abs()
    };
    // Each old paragraph's search is its own: chunks of them run on every
    // core, each with its own scratch space, and their results are joined
    // in order (the same list as one by one).
    let search = |old_free: &[usize], old_words: &[Vec<u32>]| -> Vec<(usize, usize, f64)> {
        let mut lookup = Lookup::new(&postings, reach);
        let mut lcs = Lcs::new(vocabulary.len());
        let mut out = Vec::new();
        for (&i, a) in old_free.iter().zip(old_words) {
            let expected = i * new.len() / old.len().max(1);
            let ranked = lookup.best(
                distinct(a).into_iter().map(|w| (w, 1)),
                expected,
                |k| new_free[k as usize],
                |j| relative(i, j),
                |_| true,
            );
            let mut masks_ready = false;
            for k in ranked {
                let (j, b) = (new_free[k as usize], &new_words[k as usize]);
                let ratio =
                    |matched: usize| 2.0 * matched as f64 / (a.len() + b.len()).max(1) as f64;
                if ratio(a.len().min(b.len())) < threshold {
                    continue;
                }
                if !masks_ready {
                    lcs.set_old(a);
                    masks_ready = true;
                }
                let s = ratio(lcs.length(b));
                if s >= threshold {
                    out.push((i, j, s));
                }
            }
        }
        out
    };
    if old_free.len() < PARALLEL_PARAGRAPHS {
        return search(old_free, &old_words);
    }
    use rayon::prelude::*;
    let chunk = old_free
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(64);
    old_free
        .par_chunks(chunk)
        .zip(old_words.par_chunks(chunk))
        .map(|(free, words)| search(free, words))
        .collect::<Vec<_>>()
        .concat()
}

/// From this many leftover old paragraphs on, their pairing candidates are
/// searched in parallel.
const PARALLEL_PARAGRAPHS: usize = 256;

/// How many index entries one old paragraph visits at most when it looks
/// up its words.
const LOOKUP_BUDGET: usize = 4096;

/// Numbers words: the same word, the same number.
#[derive(Default)]
struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32, BuildHasherDefault<WordHasher>>,
}

impl<'a> Vocabulary<'a> {
    fn ids(&mut self, words: &'a Words) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(next)
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Paragraph lengths (in bytes of the key) above this weigh as this much.
const LENGTH_CAP: usize = 2400;

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
        let length = old[p.old].key().len().min(LENGTH_CAP) as f64;
        p.similarity + length / LENGTH_CAP as f64 * 1e-3
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
}
