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
use std::hash::{BuildHasherDefault, Hasher};
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::document::Paragraph;
use crate::normalize::Words;

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
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len()];
    for (k, words) in new_words.iter().enumerate() {
        for w in distinct(words) {
            postings[w as usize].push(k as u32);
        }
    }
    // A word found in more than this many paragraphs is too common to look
    // up; pairs that share only such words cannot reach the threshold often
    // enough to be worth the cost.
    let common = (new_free.len() / 4).max(16);
    let relative = |i: usize, j: usize| {
        (i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64).abs()
    };
    // Each old paragraph's search is its own: chunks of them run on every
    // core, each with its own scratch space, and their results are joined
    // in order (the same list as one by one).
    let search = |old_free: &[usize], old_words: &[Vec<u32>]| -> Vec<(usize, usize, f64)> {
        let mut shared = vec![0u32; new_free.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut lcs = Lcs::new(vocabulary.len());
        let mut out = Vec::new();
        for (&i, a) in old_free.iter().zip(old_words) {
            let mut words = distinct(a);
            words.retain(|&w| (1..=common).contains(&postings[w as usize].len()));
            let visits: usize = words.iter().map(|&w| postings[w as usize].len()).sum();
            if visits > LOOKUP_BUDGET {
                words.sort_by_key(|&w| (postings[w as usize].len(), w));
            }
            let expected = i * new.len() / old.len().max(1);
            let mut visited = 0;
            for &w in &words {
                let list = &postings[w as usize];
                let centre = list.partition_point(|&k| new_free[k as usize] < expected);
                let list = window(list, LOOKUP_BUDGET - visited, centre);
                if list.is_empty() {
                    break;
                }
                visited += list.len();
                for &k in list {
                    if shared[k as usize] == 0 {
                        touched.push(k);
                    }
                    shared[k as usize] += 1;
                }
            }
            let ranked = best_candidates(&touched, &mut shared, MAX_CANDIDATES, |k, n| {
                rank(n, relative(i, new_free[k as usize]), k)
            });
            let mut masks_ready = false;
            for k in ranked.into_iter().map(|r| r as u32) {
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
            touched.clear();
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

/// A candidate's rank as one number, smallest first: the most shared
/// words, then the nearest relative position, then the first. (A
/// non-negative float's bits order as the float does.)
pub(crate) fn rank(shared: u32, distance: f64, index: u32) -> u128 {
    (u128::from(u32::MAX - shared) << 96)
        | (u128::from(distance.to_bits()) << 32)
        | u128::from(index)
}

/// The best `limit` of the entries an index lookup touched, by `rank_of`
/// (entry, shared count) as [`rank`] makes it, smallest first, in no
/// particular order; the counts of all touched entries are reset to zero.
pub(crate) fn best_candidates(
    touched: &[u32],
    shared: &mut [u32],
    limit: usize,
    rank_of: impl Fn(u32, u32) -> u128,
) -> Vec<u128> {
    let mut ranked: Vec<u128> = touched
        .iter()
        .map(|&k| rank_of(k, shared[k as usize]))
        .collect();
    if ranked.len() > limit {
        ranked.select_nth_unstable(limit - 1);
        ranked.truncate(limit);
    }
    for &k in touched {
        shared[k as usize] = 0;
    }
    ranked
}

/// How many index entries one old paragraph visits at most when it looks
/// up its words.
const LOOKUP_BUDGET: usize = 4096;

/// The part of an index entry's list that a lookup with `room` visits left
/// reads: all of it when it fits, else the `room` entries around `centre`
/// (where the paragraph would be if nothing had moved), so that a word
/// shared by thousands of paragraphs still finds the nearby ones.
pub(crate) fn window(list: &[u32], room: usize, centre: usize) -> &[u32] {
    if list.len() <= room {
        return list;
    }
    let start = centre.saturating_sub(room / 2).min(list.len() - room);
    &list[start..start + room]
}

/// The distinct words of a list, sorted.
fn distinct(words: &[u32]) -> Vec<u32> {
    let mut out = words.to_vec();
    out.sort_unstable();
    out.dedup();
    out
}

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

/// A fast hash for short strings (the multiply-rotate hash of `rustc`'s
/// `FxHasher`): words are not chosen by an adversary of the process, and
/// the standard SipHash would be a fifth of the alignment's time.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The length of the longest common subsequence of one word list (set with
/// [`Lcs::set_old`]) and others, by the bit-parallel algorithm of Allison
/// and Dix (Hyyrö's formulation): a row of the dynamic programme in
/// ⌈len/64⌉ machine words, one pass over the other list.
struct Lcs {
    /// Word → 1 + its slot in `masks`, 0 when not in the old list.
    slot: Vec<u32>,
    /// For each distinct word of the old list, the bit set of its positions.
    masks: Vec<u64>,
    blocks: usize,
    len: usize,
    used: Vec<u32>,
    row: Vec<u64>,
}

impl Lcs {
    fn new(vocabulary: usize) -> Lcs {
        Lcs {
            slot: vec![0; vocabulary],
            masks: Vec::new(),
            blocks: 0,
            len: 0,
            used: Vec::new(),
            row: Vec::new(),
        }
    }

    fn set_old(&mut self, a: &[u32]) {
        for &w in &self.used {
            self.slot[w as usize] = 0;
        }
        self.used.clear();
        self.masks.clear();
        self.len = a.len();
        self.blocks = a.len().div_ceil(64);
        for (position, &w) in a.iter().enumerate() {
            if self.slot[w as usize] == 0 {
                self.used.push(w);
                self.masks.resize(self.masks.len() + self.blocks, 0);
                self.slot[w as usize] = (self.masks.len() / self.blocks) as u32;
            }
            let base = (self.slot[w as usize] as usize - 1) * self.blocks;
            self.masks[base + position / 64] |= 1 << (position % 64);
        }
    }

    fn length(&mut self, b: &[u32]) -> usize {
        let blocks = self.blocks;
        self.row.clear();
        self.row.resize(blocks, u64::MAX);
        for &w in b {
            let slot = self.slot.get(w as usize).copied().unwrap_or(0) as usize;
            if slot == 0 {
                continue;
            }
            let mask = &self.masks[(slot - 1) * blocks..slot * blocks];
            let mut carry = false;
            for (v, &m) in self.row.iter_mut().zip(mask) {
                let u = *v & m;
                let (sum, c1) = v.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *v = sum | (*v - u);
            }
        }
        let mut zeros = 0;
        for (block, &v) in self.row.iter().enumerate() {
            let bits = (self.len - block * 64).min(64);
            let valid = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            zeros += (!v & valid).count_ones() as usize;
        }
        zeros
    }
}

/// Word-level similarity of two word lists: 2·matched / (len a + len b),
/// the matched words being their longest common subsequence (found a
/// machine word at a time, so a long paragraph costs no deadline).
pub fn similarity<'a>(a: &'a [String], b: &'a [String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut ids: HashMap<&str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut numbered = |words: &'a [String]| -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w.as_str()).or_insert(next)
            })
            .collect()
    };
    let (a, b) = (numbered(a), numbered(b));
    let mut lcs = Lcs::new(ids.len());
    lcs.set_old(&a);
    2.0 * lcs.length(&b) as f64 / (a.len() + b.len()) as f64
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

    #[test]
    fn bit_parallel_lcs_matches_the_dynamic_programme() {
        fn dp(a: &[u32], b: &[u32]) -> usize {
            let mut row = vec![0usize; b.len() + 1];
            for &x in a {
                let mut diagonal = 0;
                for (k, &y) in b.iter().enumerate() {
                    let up = row[k + 1];
                    row[k + 1] = if x == y { diagonal + 1 } else { up.max(row[k]) };
                    diagonal = up;
                }
            }
            row[b.len()]
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        let mut lcs = Lcs::new(12);
        for round in 0..300 {
            let (la, lb) = (next(150) as usize, next(150) as usize);
            let alphabet = 2 + round % 10;
            let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(alphabet + 1)).collect();
            lcs.set_old(&a);
            assert_eq!(lcs.length(&b), dp(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn similarity_is_a_ratio() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(similarity(&w("a b c d"), &w("a b c d")), 1.0);
        assert_eq!(similarity(&w("a b c d"), &w("a b x y")), 0.5);
        assert_eq!(similarity(&[], &w("a")), 0.0);
    }
}
