//! Pairing the paragraphs left over once the word-for-word pairs are
//! known: candidates from the index of informative words, scored on
//! evidence, best first, in rounds (each round's pairs are neighbours that
//! the next round's order evidence counts).

use std::collections::HashMap;

use super::evidence::{self, Bag, MIN_WORDS, Vocabulary};
use super::{CommitmentLinks, Pair, mark_in_place};
use crate::document::Paragraph;
use crate::model::{Evidence, Order, Role};
use crate::text::index::{Lookup, Postings, Reach, distinct};
use crate::text::lcs::Lcs;

/// How many candidates a paragraph is compared with at most (besides those
/// its commitments or its role point to).
const MAX_CANDIDATES: usize = 24;

/// From this many leftover old paragraphs on, their candidates are searched
/// in parallel.
const PARALLEL_PARAGRAPHS: usize = 256;

/// How many index entries one old paragraph visits at most when it looks
/// up its words.
const LOOKUP_BUDGET: usize = 4096;

/// How many rounds of pairing at most: the first counts only the
/// word-for-word pairs as neighbours, the next also the pairs the one
/// before found.
const MAX_ROUNDS: usize = 3;

/// Marks a position that is not a free paragraph.
const NONE: u32 = u32::MAX;

/// The free paragraphs of one side: their positions, words and bags.
pub(crate) struct Side {
    /// Position in the statement of each free paragraph.
    pub(crate) at: Vec<usize>,
    /// Each free paragraph's word numbers, in order.
    pub(crate) ids: Vec<Vec<u32>>,
    /// Each free paragraph's words as weighed counts.
    pub(crate) bags: Vec<Bag>,
    /// Position in the statement → index among the free ones (or [`NONE`]).
    pub(crate) slot: Vec<u32>,
    /// The opening and the closing paragraph, if any.
    pub(crate) roles: (Option<usize>, Option<usize>),
}

impl Side {
    /// The bag of the paragraph at `position`, when it is free.
    pub(crate) fn bag(&self, position: usize) -> Option<&Bag> {
        match self.slot.get(position) {
            Some(&k) if k != NONE => Some(&self.bags[k as usize]),
            _ => None,
        }
    }
}

/// What the pairing reads: both sides' free paragraphs and the words'
/// weights.
pub(crate) struct Texts {
    pub(crate) old: Side,
    pub(crate) new: Side,
    pub(crate) weights: Vec<f64>,
    /// Which words are specific to one paragraph of each side.
    pub(crate) specific: Vec<bool>,
    /// The commitments paired between two paragraphs (by position).
    links: HashMap<(usize, usize), usize>,
    /// Commitments in each paragraph, by position.
    old_commitments: Vec<usize>,
    new_commitments: Vec<usize>,
}

impl Texts {
    /// How many commitments are paired between `i` and `j`, and their
    /// share of those of both.
    pub(crate) fn commitments(&self, i: usize, j: usize) -> (usize, f64) {
        let paired = self.links.get(&(i, j)).copied().unwrap_or(0);
        let count = |counts: &[usize], at: usize| counts.get(at).copied().unwrap_or(0);
        let share = evidence::commitment_share(
            paired,
            count(&self.old_commitments, i),
            count(&self.new_commitments, j),
        );
        (paired, share)
    }

    /// Commitments of several paragraphs taken together, paired with one.
    pub(crate) fn commitments_of_parts(
        &self,
        one: usize,
        parts: &[usize],
        split: bool,
    ) -> (usize, f64) {
        let count = |counts: &[usize], at: usize| counts.get(at).copied().unwrap_or(0);
        let mut paired = 0;
        let mut many = 0;
        for &k in parts {
            let (i, j) = if split { (one, k) } else { (k, one) };
            paired += self.links.get(&(i, j)).copied().unwrap_or(0);
            many += if split {
                count(&self.new_commitments, k)
            } else {
                count(&self.old_commitments, k)
            };
        }
        let single = if split {
            count(&self.old_commitments, one)
        } else {
            count(&self.new_commitments, one)
        };
        (paired, evidence::commitment_share(paired, single, many))
    }
}

/// A candidate pair and the evidence that does not depend on order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) old: usize,
    pub(crate) new: usize,
    pub(crate) words: f64,
    /// Whether the two share a specific word.
    pub(crate) specific: bool,
    pub(crate) commitments: usize,
    pub(crate) share: f64,
    pub(crate) role: Option<Role>,
}

/// Reads the free paragraphs and weighs their words.
pub(crate) fn texts(
    old: &[Paragraph],
    new: &[Paragraph],
    old_free: &[usize],
    new_free: &[usize],
    pairs: &[Pair],
    links: &CommitmentLinks,
) -> Texts {
    let mut vocabulary = Vocabulary::default();
    let new_ids: Vec<Vec<u32>> = new_free
        .iter()
        .map(|&j| vocabulary.ids(new[j].words()))
        .collect();
    let old_ids: Vec<Vec<u32>> = old_free
        .iter()
        .map(|&i| vocabulary.ids(old[i].words()))
        .collect();
    let old_paragraphs: Vec<&Paragraph> = old_free.iter().map(|&i| &old[i]).collect();
    let new_paragraphs: Vec<&Paragraph> = new_free.iter().map(|&j| &new[j]).collect();
    let same: Vec<&Paragraph> = pairs.iter().map(|p| &old[p.old]).collect();
    let (weights, specific) = evidence::weights(
        &vocabulary,
        (&old_ids, &old_paragraphs),
        (&new_ids, &new_paragraphs),
        &same,
    );
    let side = |paragraphs: &[Paragraph], free: &[usize], ids: Vec<Vec<u32>>| {
        let mut slot = vec![NONE; paragraphs.len()];
        for (k, &at) in free.iter().enumerate() {
            slot[at] = k as u32;
        }
        Side {
            at: free.to_vec(),
            bags: ids.iter().map(|ids| Bag::of(ids, &weights)).collect(),
            ids,
            slot,
            roles: evidence::roles(paragraphs),
        }
    };
    let old_side = side(old, old_free, old_ids);
    let new_side = side(new, new_free, new_ids);
    let mut map: HashMap<(usize, usize), usize> = HashMap::new();
    for &(i, j) in &links.pairs {
        *map.entry((i, j)).or_default() += 1;
    }
    Texts {
        old: old_side,
        new: new_side,
        weights,
        specific,
        links: map,
        old_commitments: links.old_counts.clone(),
        new_commitments: links.new_counts.clone(),
    }
}

/// The candidate pairs whose evidence could reach the threshold.
///
/// Each free new paragraph is indexed by its words. An old paragraph looks
/// up its words, each counting as much as it weighs, and keeps the best few
/// paragraphs found (the nearest in relative position among equals), plus
/// the paragraphs its commitments were paired with and the one playing its
/// role; each is scored only when the bound of its words' similarity (by
/// the two bags' weights) and what the rest could add reach the threshold.
///
/// An old paragraph visits at most [`LOOKUP_BUDGET`] index entries, rarest
/// words first and, of a word's long list, the paragraphs nearest its own
/// place, so a statement of thousands of paragraphs that share most of
/// their words costs no more per paragraph than a short one.
pub(crate) fn candidates(
    texts: &Texts,
    old_len: usize,
    new_len: usize,
    threshold: f64,
    links: &CommitmentLinks,
) -> Vec<Candidate> {
    let (old, new) = (&texts.old, &texts.new);
    let postings = Postings::new(texts.weights.len(), &new.ids);
    let reach = Reach {
        budget: LOOKUP_BUDGET,
        common: (new.at.len() / 4).max(16),
        limit: MAX_CANDIDATES,
    };
    let relative = |i: usize, j: usize| relative(i, j, old_len, new_len);
    let mut partners: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(i, j) in &links.pairs {
        partners.entry(i).or_default().push(j);
    }
    let times = |w: u32| ((texts.weights[w as usize] * 16.0).round() as u32).max(1);
    let search = |range: std::ops::Range<usize>| -> Vec<Candidate> {
        let mut lookup = Lookup::new(&postings, reach);
        let mut out = Vec::new();
        let mut found: Vec<u32> = Vec::new();
        for k in range {
            let i = old.at[k];
            let expected = i * new_len / old_len.max(1);
            found.clear();
            found.extend(lookup.best(
                distinct(&old.ids[k]).into_iter().map(|w| (w, times(w))),
                expected,
                |k| new.at[k as usize],
                |j| relative(i, j),
                |_| true,
            ));
            // The paragraphs its commitments or its role point to.
            let role_partner = if old.roles.0 == Some(i) {
                new.roles.0
            } else if old.roles.1 == Some(i) {
                new.roles.1
            } else {
                None
            };
            let extra = partners
                .get(&i)
                .into_iter()
                .flatten()
                .copied()
                .chain(role_partner)
                .filter_map(|j| new.slot.get(j).copied().filter(|&s| s != NONE));
            for s in extra {
                if !found.contains(&s) {
                    found.push(s);
                }
            }
            let a = &old.bags[k];
            for &s in &found {
                let j = new.at[s as usize];
                let b = &new.bags[s as usize];
                let (commitments, share) = texts.commitments(i, j);
                let role = evidence::shared_role(old.roles, new.roles, i, j);
                let bound = a.bound(b.weight);
                if bound < MIN_WORDS || bound + evidence::most_added(share, role) < threshold {
                    continue;
                }
                let words = a.similarity(b, &texts.weights);
                if words < MIN_WORDS || words + evidence::most_added(share, role) < threshold {
                    continue;
                }
                let specific = a.shares_specific(b, &texts.specific);
                if !specific && words < threshold {
                    continue;
                }
                out.push(Candidate {
                    old: i,
                    new: j,
                    words,
                    specific,
                    commitments,
                    share,
                    role,
                });
            }
        }
        out
    };
    let n = old.at.len();
    if n < PARALLEL_PARAGRAPHS {
        return search(0..n);
    }
    use rayon::prelude::*;
    let chunk = n.div_ceil(rayon::current_num_threads() * 4).max(64);
    (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| search(c * chunk..((c + 1) * chunk).min(n)))
        .collect::<Vec<_>>()
        .concat()
}

/// How far apart two positions are, each relative to its statement's
/// length.
pub(crate) fn relative(i: usize, j: usize, old_len: usize, new_len: usize) -> f64 {
    (i as f64 / old_len.max(1) as f64 - j as f64 / new_len.max(1) as f64).abs()
}

/// Which paired neighbours each free paragraph stands between: the
/// in-place pairs cut both statements into gaps, numbered in order.
pub(crate) struct Gaps {
    /// The new paragraph each old one is paired with.
    partner: Vec<u32>,
    old: Vec<u32>,
    new: Vec<u32>,
    /// Free paragraphs in each gap, old side and new side.
    old_free: Vec<u32>,
    new_free: Vec<u32>,
}

impl Gaps {
    pub(crate) fn of(
        pairs: &[Pair],
        old: &[Paragraph],
        new: &[Paragraph],
        used: (&[bool], &[bool]),
    ) -> Gaps {
        let mut chain: Vec<Pair> = pairs.to_vec();
        chain.sort_by_key(|p| p.old);
        mark_in_place(&mut chain, old, new);
        let mut old_anchor = vec![false; old.len()];
        let mut new_anchor = vec![false; new.len()];
        for p in chain.iter().filter(|p| p.in_place) {
            old_anchor[p.old] = true;
            new_anchor[p.new] = true;
        }
        let number = |anchor: &[bool], used: &[bool]| {
            let mut gap = 0u32;
            let mut gaps = Vec::with_capacity(anchor.len());
            let mut free = vec![0u32];
            for (k, &a) in anchor.iter().enumerate() {
                if a {
                    gap += 1;
                    free.push(0);
                }
                gaps.push(gap);
                if !a && !used[k] {
                    free[gap as usize] += 1;
                }
            }
            (gaps, free)
        };
        let (old_gaps, old_free) = number(&old_anchor, used.0);
        let (new_gaps, new_free) = number(&new_anchor, used.1);
        let mut partner = vec![NONE; old.len()];
        for p in pairs {
            partner[p.old] = p.new as u32;
        }
        Gaps {
            partner,
            old: old_gaps,
            new: new_gaps,
            old_free,
            new_free,
        }
    }

    /// How a pair of two free paragraphs stands among its neighbours.
    pub(crate) fn order(&self, i: usize, j: usize) -> Option<Order> {
        let paired = |i: Option<usize>, j: Option<usize>| match (i, j) {
            (Some(i), Some(j)) => self.partner.get(i) == Some(&(j as u32)),
            _ => false,
        };
        if paired(i.checked_sub(1), j.checked_sub(1)) || paired(Some(i + 1), Some(j + 1)) {
            return Some(Order::Beside);
        }
        let g = self.old[i];
        if g != self.new[j] {
            return None;
        }
        let alone = self.old_free[g as usize] == 1 && self.new_free[g as usize] == 1;
        Some(if alone { Order::Alone } else { Order::Between })
    }
}

/// Pairs the candidates whose evidence reaches the threshold, best first,
/// in rounds; returns the pairs made.
#[allow(clippy::too_many_arguments)]
pub(crate) fn pair(
    texts: &Texts,
    candidates: &[Candidate],
    old: &[Paragraph],
    new: &[Paragraph],
    pairs: &mut Vec<Pair>,
    old_used: &mut [bool],
    new_used: &mut [bool],
    threshold: f64,
) {
    let mut lcs = Lcs::new(texts.weights.len());
    for _ in 0..MAX_ROUNDS {
        let gaps = Gaps::of(pairs, old, new, (old_used, new_used));
        let mut scored: Vec<(Evidence, &Candidate)> = candidates
            .iter()
            .filter(|c| !old_used[c.old] && !new_used[c.new])
            .map(|c| {
                let order = gaps.order(c.old, c.new);
                let e = evidence::score(c.words, c.specific, c.commitments, c.share, c.role, order);
                (e, c)
            })
            .filter(|(e, _)| e.score >= threshold)
            .collect();
        if scored.is_empty() {
            break;
        }
        let relative = |c: &Candidate| relative(c.old, c.new, old.len(), new.len());
        scored.sort_by(|(ea, a), (eb, b)| {
            eb.score
                .total_cmp(&ea.score)
                .then(relative(a).total_cmp(&relative(b)))
                .then(a.old.cmp(&b.old))
                .then(a.new.cmp(&b.new))
        });
        for (evidence, c) in scored {
            if old_used[c.old] || new_used[c.new] {
                continue;
            }
            old_used[c.old] = true;
            new_used[c.new] = true;
            pairs.push(Pair {
                old: c.old,
                new: c.new,
                similarity: word_similarity(texts, &mut lcs, c.old, c.new),
                identical: false,
                in_place: true,
                evidence: Some(evidence),
            });
        }
    }
}

/// The Dice ratio of the longest common subsequence of two free
/// paragraphs' words: the similarity a report shows.
pub(crate) fn word_similarity(texts: &Texts, lcs: &mut Lcs, i: usize, j: usize) -> f64 {
    let a = &texts.old.ids[texts.old.slot[i] as usize];
    let b = &texts.new.ids[texts.new.slot[j] as usize];
    lcs.set_old(a);
    2.0 * lcs.length(b) as f64 / (a.len() + b.len()).max(1) as f64
}
