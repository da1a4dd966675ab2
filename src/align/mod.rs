//! Alignment: which old paragraph became which new one, paired on
//! evidence as an analyst would pair them.
//!
//! 1. `similar`'s Patience diff over the comparison keys finds the
//!    paragraphs that stayed word for word; leftover paragraphs with
//!    identical keys are paired next (they moved).
//! 2. The paragraphs left over are paired on evidence (`pairing`):
//!    candidates come from an index of the paragraphs' informative words,
//!    so no step compares every removed paragraph with every added one, and
//!    each candidate pair is scored:
//!
//!    - **words**: the share of informative words the two have in common
//!      (a Dice ratio of word counts, each word weighed by its inverse
//!      document frequency over the paragraphs of both statements, so that
//!      function words and the stock phrases a statement repeats weigh next
//!      to nothing; numbers weigh 0.3 and names 0.6 of that);
//!    - **commitments**: the commitments the comparison paired between the
//!      two ([`CommitmentLinks`]), adding up to 0.3 (their share of the
//!      commitments of both);
//!    - **role**: both are the opening (the first prose paragraph: who met,
//!      where and when) or both the closing (the last one: the next
//!      meeting), adding 0.2;
//!    - **order**: both stand between the same two paired neighbours,
//!      adding 0.1, or are the only unpaired paragraph on each side between
//!      them, or follow (or precede) two paragraphs paired with each other,
//!      adding 0.2.
//!
//!    The score is the words plus what the rest adds; nothing else counts
//!    below 0.25 of words, nor when the two share no specific word (one no
//!    other paragraph uses): paragraphs alike only in the stock phrases the
//!    statements repeat are not tipped into one. A pair is made when its score reaches the
//!    threshold (`--threshold`, default 0.5), best first; in up to three
//!    rounds, so that the pairs of one round are neighbours whose order the
//!    next one counts.
//! 3. Splits and merges (`join`): one paragraph against two or more
//!    adjacent paragraphs of the other side whose words together match it
//!    better than any one's do. The part most like it is paired; the others
//!    stay added or removed and are listed in [`Alignment::joins`].
//! 4. Among all pairs, the heaviest chain that keeps both orders (a weighted
//!    longest increasing subsequence) stays in place; every pair off that
//!    chain has moved.
//!
//! Every step is symmetric (swapping the statements swaps added and
//! removed, splits and merges) and deterministic.

mod evidence;
mod join;
mod pairing;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::document::Paragraph;
use crate::model::Evidence;

/// A paragraph of the old statement matched to one of the new.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// 0-based old paragraph.
    pub old: usize,
    /// 0-based new paragraph.
    pub new: usize,
    /// Word-level similarity (the Dice ratio of the longest common
    /// subsequence of the two word lists), 1.0 for identical keys.
    pub similarity: f64,
    /// True when the keys are identical.
    pub identical: bool,
    /// True when the pair keeps its place relative to the other in-place
    /// pairs; false when it moved.
    pub in_place: bool,
    /// What paired the two, for pairs that are not word for word the same.
    pub evidence: Option<Evidence>,
}

impl Pair {
    /// What the pair weighs in the chain of pairs that stay in place.
    fn weight(&self) -> f64 {
        match self.evidence {
            Some(e) => self.similarity.max(e.score.min(0.99)),
            None => self.similarity,
        }
    }
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
    /// Added or removed paragraphs that are parts of a paired one: split
    /// from it or merged into it.
    pub joins: Vec<Join>,
}

/// A paragraph split into two or more, or two or more merged into one:
/// the pair, and one of the parts left unpaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Join {
    /// 0-based old paragraph of the pair.
    pub old: usize,
    /// 0-based new paragraph of the pair.
    pub new: usize,
    /// The part: an added paragraph split from the old one, or a removed
    /// paragraph merged into the new one.
    pub part: Part,
}

/// The unpaired part of a [`Join`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// A 0-based new paragraph (added) that is part of the old one.
    New(usize),
    /// A 0-based old paragraph (removed) now part of the new one.
    Old(usize),
}

/// The commitments a comparison paired, as evidence for the alignment.
#[derive(Debug, Clone, Default)]
pub struct CommitmentLinks {
    /// The 0-based old and new paragraphs of each pair of commitments (kept
    /// or reworded).
    pub pairs: Vec<(usize, usize)>,
    /// How many commitments each old paragraph holds (0-based).
    pub old_counts: Vec<usize>,
    /// How many commitments each new paragraph holds (0-based).
    pub new_counts: Vec<usize>,
}

/// Tuning for the alignment.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// The score two paragraphs' evidence must reach for them to be one
    /// paragraph (see the [module docs](self)): a pair whose informative
    /// words alone reach it is always made; commitments, role and order
    /// lower what the words need by what they add.
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

/// Aligns two statements' paragraphs on their words, role and order.
pub fn align(old: &[Paragraph], new: &[Paragraph], options: &AlignOptions) -> Alignment {
    align_with(old, new, options, &CommitmentLinks::default())
}

/// [`align`], with the commitments paired between the statements as
/// evidence too.
pub fn align_with(
    old: &[Paragraph],
    new: &[Paragraph],
    options: &AlignOptions,
    links: &CommitmentLinks,
) -> Alignment {
    let deadline = Instant::now() + options.timeout;
    let (mut pairs, mut old_free, mut new_free) = diff_keys(old, new, deadline);

    pair_identical(old, new, &mut old_free, &mut new_free, &mut pairs);
    let joins = pair_on_evidence(
        old,
        new,
        &mut old_free,
        &mut new_free,
        &mut pairs,
        options.threshold,
        links,
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
        joins,
    }
}

/// Pairs the leftover paragraphs on evidence, then finds the splits and
/// merges; returns the joins.
fn pair_on_evidence(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &mut Vec<usize>,
    new_free: &mut Vec<usize>,
    pairs: &mut Vec<Pair>,
    threshold: f64,
    links: &CommitmentLinks,
) -> Vec<Join> {
    if old_free.is_empty() || new_free.is_empty() {
        return Vec::new();
    }
    let texts = pairing::texts(old, new, old_free, new_free, pairs, links);
    let candidates = pairing::candidates(&texts, old.len(), new.len(), threshold, links);
    let mut old_used = vec![true; old.len()];
    let mut new_used = vec![true; new.len()];
    for &i in old_free.iter() {
        old_used[i] = false;
    }
    for &j in new_free.iter() {
        new_used[j] = false;
    }
    pairing::pair(
        &texts,
        &candidates,
        old,
        new,
        pairs,
        &mut old_used,
        &mut new_used,
        threshold,
    );
    let gaps = pairing::Gaps::of(pairs, old, new, (&old_used, &new_used));
    let joins = join::find(
        &texts,
        &gaps,
        &candidates,
        pairs,
        &mut old_used,
        &mut new_used,
        threshold,
    );
    old_free.retain(|&i| !old_used[i]);
    new_free.retain(|&j| !new_used[j]);
    joins
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
        evidence: None,
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
        p.weight() + length / LENGTH_CAP as f64 * 1e-3
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
mod tests;
