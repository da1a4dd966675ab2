//! Splits and merges: one paragraph against two or more adjacent
//! paragraphs of the other side that, taken together, match it better than
//! any one of them does.
//!
//! From a pair (or from a free paragraph and one of its candidates), the
//! other side's group grows a neighbour at a time: a free neighbour joins
//! when enough of its informative words ([`PART_WITHIN`]) are found in the
//! single paragraph and the group's similarity with it gains at least
//! [`MIN_GAIN`]. A group grown from a free paragraph is a pair only when
//! the evidence of the whole reaches the threshold; the part most similar
//! on its own is the one paired, the others stay added (a split) or
//! removed (a merge) and are noted as parts. Both directions are searched
//! the same way, so that swapping the statements swaps splits and merges.

use super::evidence;
use super::pairing::{Candidate, Gaps, Side, Texts, word_similarity};
use super::{Join, Pair, Part};
use crate::model::Order;
use crate::text::lcs::Lcs;

/// The share of a part's informative words that the single paragraph must
/// hold for the part to have come from it (or gone into it).
const PART_WITHIN: f64 = 0.35;

/// What a part must add to the similarity of the group.
const MIN_GAIN: f64 = 0.05;

/// How many paragraphs a group holds at most.
const MAX_PARTS: usize = 4;

/// One direction of the search: `one` is the side of the single paragraph.
#[derive(Clone, Copy)]
struct View<'a> {
    one: &'a Side,
    many: &'a Side,
    /// True when the single paragraph is old (a split).
    split: bool,
}

/// A group found: the single paragraph, the one it is paired with, the
/// other parts, and the group's similarity with it.
#[derive(Debug, Clone)]
struct Proposal {
    split: bool,
    one: usize,
    keep: usize,
    parts: Vec<usize>,
    words: f64,
    /// Whether the group and the single paragraph share a specific word.
    specific: bool,
    gain: f64,
    /// Whether the pair was made already.
    existing: bool,
}

/// Finds the splits and merges, makes the pairs they need, updates the
/// evidence of those they extend, and returns them.
pub(crate) fn find(
    texts: &Texts,
    gaps: &Gaps,
    candidates: &[Candidate],
    pairs: &mut Vec<Pair>,
    old_used: &mut [bool],
    new_used: &mut [bool],
    threshold: f64,
) -> Vec<Join> {
    let split = View {
        one: &texts.old,
        many: &texts.new,
        split: true,
    };
    let merge = View {
        one: &texts.new,
        many: &texts.old,
        split: false,
    };
    let mut proposals = Vec::new();
    for view in [split, merge] {
        let (one_used, many_used): (&[bool], &[bool]) = if view.split {
            (old_used, new_used)
        } else {
            (new_used, old_used)
        };
        // From the pairs made on evidence.
        for p in pairs.iter().filter(|p| p.evidence.is_some()) {
            let (one, start) = if view.split {
                (p.old, p.new)
            } else {
                (p.new, p.old)
            };
            if let Some(found) = grow(texts, view, one, start, many_used, true) {
                proposals.push(found);
            }
        }
        // From a free paragraph and a candidate.
        for c in candidates {
            let (one, start) = if view.split {
                (c.old, c.new)
            } else {
                (c.new, c.old)
            };
            if one_used[one] || many_used[start] {
                continue;
            }
            if let Some(found) = grow(texts, view, one, start, many_used, false)
                && whole_evidence(texts, gaps, &found).score >= threshold
            {
                proposals.push(found);
            }
        }
    }
    proposals.sort_by(|a, b| {
        let key = |p: &Proposal| (p.one.min(p.keep), p.one.max(p.keep), p.parts.len());
        b.gain.total_cmp(&a.gain).then(key(a).cmp(&key(b)))
    });
    let mut old_claimed = vec![false; old_used.len()];
    let mut new_claimed = vec![false; new_used.len()];
    let mut joins = Vec::new();
    let mut lcs = Lcs::new(texts.weights.len());
    for p in proposals {
        let (one_claimed, many_claimed, one_used, many_used) = if p.split {
            (&mut old_claimed, &mut new_claimed, &*old_used, &*new_used)
        } else {
            (&mut new_claimed, &mut old_claimed, &*new_used, &*old_used)
        };
        let free = |k: usize| !many_used[k] && !many_claimed[k];
        let ready = !one_claimed[p.one]
            && !many_claimed[p.keep]
            && p.parts.iter().all(|&k| free(k))
            && (p.existing || (!one_used[p.one] && !many_used[p.keep]));
        if !ready {
            continue;
        }
        one_claimed[p.one] = true;
        many_claimed[p.keep] = true;
        for &k in &p.parts {
            many_claimed[k] = true;
        }
        let (old, new) = if p.split {
            (p.one, p.keep)
        } else {
            (p.keep, p.one)
        };
        let e = whole_evidence(texts, gaps, &p);
        if p.existing {
            if let Some(pair) = pairs.iter_mut().find(|q| q.old == old && q.new == new)
                && let Some(before) = pair.evidence
            {
                pair.evidence = Some(evidence::score(
                    e.words,
                    true, // the pair stands on its own evidence
                    e.commitments,
                    commitment_share(texts, &p),
                    before.role,
                    before.order,
                ));
            }
        } else {
            old_used[old] = true;
            new_used[new] = true;
            pairs.push(Pair {
                old,
                new,
                similarity: word_similarity(texts, &mut lcs, old, new),
                identical: false,
                in_place: true,
                evidence: Some(e),
            });
        }
        for &k in &p.parts {
            joins.push(Join {
                old,
                new,
                part: if p.split { Part::New(k) } else { Part::Old(k) },
            });
        }
    }
    joins.sort_by_key(|j| (j.old, j.new, j.part));
    joins
}

/// Grows the group of `start` against `one`; `None` when no neighbour
/// joins it.
fn grow(
    texts: &Texts,
    view: View<'_>,
    one: usize,
    start: usize,
    many_used: &[bool],
    existing: bool,
) -> Option<Proposal> {
    let w = &texts.weights;
    let whole = view.one.bag(one)?;
    let mut group = view.many.bag(start)?.clone();
    let first = whole.similarity(&group, w);
    let mut current = first;
    let (mut lo, mut hi) = (start, start);
    let mut parts: Vec<(usize, f64)> = Vec::new();
    while parts.len() + 1 < MAX_PARTS {
        let mut best: Option<(f64, usize, evidence::Bag)> = None;
        for k in [lo.checked_sub(1), Some(hi + 1)].into_iter().flatten() {
            if many_used.get(k).is_none_or(|&used| used) {
                continue;
            }
            let Some(bag) = view.many.bag(k) else {
                continue;
            };
            if bag.within(whole, w) < PART_WITHIN {
                continue;
            }
            let union = group.union(bag);
            let s = whole.similarity(&union, w);
            if s >= current + MIN_GAIN && best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, k, union));
            }
        }
        let Some((s, k, union)) = best else {
            break;
        };
        parts.push((k, whole.similarity(view.many.bag(k)?, w)));
        group = union;
        current = s;
        lo = lo.min(k);
        hi = hi.max(k);
    }
    if parts.is_empty() {
        return None;
    }
    // A group grown from a free paragraph pairs the part most like the
    // single one on its own.
    let mut keep = start;
    if !existing
        && let Some(&(k, s)) = parts
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        && s > first
    {
        keep = k;
    }
    let mut others: Vec<usize> = parts.iter().map(|p| p.0).filter(|&k| k != keep).collect();
    if keep != start {
        others.push(start);
    }
    others.sort_unstable();
    Some(Proposal {
        split: view.split,
        one,
        keep,
        parts: others,
        words: current,
        specific: whole.shares_specific(&group, &texts.specific),
        gain: current - first,
        existing,
    })
}

/// The commitments of a group: paired between the single paragraph and
/// any part, and their share of all those of the group.
fn commitment_share(texts: &Texts, p: &Proposal) -> f64 {
    let mut all = p.parts.clone();
    all.push(p.keep);
    texts.commitments_of_parts(p.one, &all, p.split).1
}

/// The evidence of a group taken as one paragraph: its words, the
/// commitments of all its parts, and the role and order of the part that
/// has them (the strongest order when several do).
fn whole_evidence(texts: &Texts, gaps: &Gaps, p: &Proposal) -> crate::model::Evidence {
    let mut all = p.parts.clone();
    all.push(p.keep);
    let (commitments, share) = texts.commitments_of_parts(p.one, &all, p.split);
    let ends = |k: usize| if p.split { (p.one, k) } else { (k, p.one) };
    let role = all.iter().find_map(|&k| {
        let (i, j) = ends(k);
        evidence::shared_role(texts.old.roles, texts.new.roles, i, j)
    });
    let order = all
        .iter()
        .filter_map(|&k| {
            let (i, j) = ends(k);
            gaps.order(i, j)
        })
        .max_by_key(|o| match o {
            Order::Between => 0,
            Order::Alone | Order::Beside => 1,
        });
    evidence::score(p.words, p.specific, commitments, share, role, order)
}
