//! Matching: which old commitment became which new one, and the changes of a matching.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::MatchOptions;
use super::shift::{list, shift};
use super::stem::{Stems, numbers_not_in};
use crate::model::{Commitment, CommitmentChange, CommitmentKind};
use crate::text::hash::WordHasher;
use crate::text::index::{Lookup, Postings, Reach};

/// From this many commitments left after the exact matches on, their
/// candidates are searched in parallel.
pub(super) const PARALLEL_COMMITMENTS: usize = 256;

/// How many candidates one commitment is compared with at most.
const MAX_CANDIDATES: usize = 24;

/// How many index entries one commitment visits at most when it looks up
/// its stems (rarest first and, of a long list, the commitments nearest its
/// own place): a statement of thousands of commitments that share most of
/// their words costs no more per commitment than a short one.
const LOOKUP_BUDGET: usize = 1024;

/// The pairs `(old, new, similarity)` of a matching: the commitments kept
/// word for word first, then the best of the rest, best first.
pub(super) fn match_commitments(
    old: &[Commitment],
    new: &[Commitment],
    options: &MatchOptions,
) -> Vec<(usize, usize, f64)> {
    let stems = Stems::of(old, new);
    // Index the new commitments by their informative stems.
    let postings = Postings::new(
        stems.len(),
        (0..new.len()).map(|j| stems.informative(stems.of_new(j)).collect::<Vec<u32>>()),
    );
    let reach = Reach {
        budget: LOOKUP_BUDGET,
        common: (new.len() / 2).max(8),
        limit: MAX_CANDIDATES,
    };
    let relative = |i: usize, j: usize| {
        (i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64).abs()
    };
    // Commitments kept word for word pair first, occurrence by occurrence
    // (so a thousand identical ones cost a hash lookup each, not a search).
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut matches: Vec<(usize, usize, f64)> = Vec::new();
    let mut by_core: HashMap<
        &str,
        std::collections::VecDeque<usize>,
        BuildHasherDefault<WordHasher>,
    > = HashMap::default();
    for (j, c) in new.iter().enumerate() {
        by_core.entry(c.core.as_str()).or_default().push_back(j);
    }
    for (i, c) in old.iter().enumerate() {
        if let Some(j) = by_core.get_mut(c.core.as_str()).and_then(|q| q.pop_front()) {
            old_used[i] = true;
            new_used[j] = true;
            matches.push((i, j, 1.0));
        }
    }
    // Each old commitment's search is its own: ranges of them run on every
    // core with their own scratch space, joined in order.
    let search = |range: std::ops::Range<usize>| -> Vec<(usize, usize, f64)> {
        let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
        let mut lookup = Lookup::new(&postings, reach);
        let mut count = vec![0i32; stems.len()];
        let mut ids: Vec<u32> = Vec::new();
        for (i, c) in old.iter().enumerate().take(range.end).skip(range.start) {
            if old_used[i] {
                continue;
            }
            // Each informative stem with how often the commitment uses it.
            ids.clear();
            ids.extend(stems.informative(stems.of_old(i)));
            ids.sort_unstable();
            let lookups = ids
                .chunk_by(|a, b| a == b)
                .map(|run| (run[0], run.len() as u32));
            let expected = i * new.len() / old.len().max(1);
            // The candidates sharing the most informative words, at most a few
            // dozen: most shared first, then the nearest, then the first.
            let ranked = lookup.best(
                lookups,
                expected,
                |j| j as usize,
                |j| relative(i, j),
                |j| !new_used[j as usize],
            );
            for j in ranked {
                let j = j as usize;
                let s = if c.core == new[j].core {
                    1.0
                } else {
                    stems.similarity(stems.of_old(i), stems.of_new(j), &mut count)
                };
                if s >= needed(c, &new[j], options.threshold) {
                    pairs.push((i, j, s));
                }
            }
        }
        pairs
    };
    let free = old_used.iter().filter(|u| !**u).count();
    let mut pairs = if free < PARALLEL_COMMITMENTS {
        search(0..old.len())
    } else {
        use rayon::prelude::*;
        let chunk = old.len().div_ceil(rayon::current_num_threads() * 4).max(64);
        (0..old.len().div_ceil(chunk))
            .into_par_iter()
            .map(|k| search(k * chunk..((k + 1) * chunk).min(old.len())))
            .collect::<Vec<_>>()
            .concat()
    };
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    for (i, j, s) in pairs {
        if old_used[i] || new_used[j] {
            continue;
        }
        old_used[i] = true;
        new_used[j] = true;
        matches.push((i, j, s));
    }
    matches
}

/// How similar a list item's commitment must be to one of another verb to
/// be its rewording: items are short, and one shared topic word ("the third
/// FREEDOM EDGE exercise" welcomed, "Conduct the fourth FREEDOM EDGE
/// exercise" agreed) would pass the usual threshold.
const LISTED_OTHER_VERB: f64 = 0.5;

/// The similarity two commitments need to be one.
fn needed(old: &Commitment, new: &Commitment, threshold: f64) -> f64 {
    if (old.listed || new.listed) && old.verb != new.verb {
        threshold.max(LISTED_OTHER_VERB)
    } else {
        threshold
    }
}

/// The changes of a matching: each pair, then each old commitment left
/// (dropped) and each new one left (added), in document order. Each
/// commitment is moved into its change once, leaving an empty one behind.
pub(super) fn changes(
    matches: Vec<(usize, usize, f64)>,
    old: &mut [Commitment],
    new: &mut [Commitment],
) -> Vec<CommitmentChange> {
    enum Plan {
        Pair(usize, usize, f64),
        Dropped(usize),
        Added(usize),
    }
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // Put in order before any change is made, so that sorting moves small
    // plans rather than whole changes (a sort's scratch space is as large
    // as what it sorts).
    let mut plans: Vec<((usize, usize, usize), Plan)> =
        Vec::with_capacity(old.len() + new.len() - matches.len());
    let key = |o: Option<usize>, n: Option<usize>| {
        let (o, n) = (o.unwrap_or(usize::MAX), n.unwrap_or(usize::MAX));
        (n.min(o), n, o)
    };
    for (i, j, s) in matches {
        old_used[i] = true;
        new_used[j] = true;
        let k = key(Some(old[i].paragraph), Some(new[j].paragraph));
        plans.push((k, Plan::Pair(i, j, s)));
    }
    for i in (0..old.len()).filter(|&i| !old_used[i]) {
        plans.push((key(Some(old[i].paragraph), None), Plan::Dropped(i)));
    }
    for j in (0..new.len()).filter(|&j| !new_used[j]) {
        plans.push((key(None, Some(new[j].paragraph)), Plan::Added(j)));
    }
    plans.sort_by_key(|(k, _)| *k);
    let take = std::mem::take::<Commitment>;
    plans
        .into_iter()
        .map(|(_, plan)| match plan {
            Plan::Pair(i, j, s) => pair_change(take(&mut old[i]), take(&mut new[j]), s),
            Plan::Dropped(i) => CommitmentChange {
                kind: CommitmentKind::Dropped,
                old: Some(take(&mut old[i])),
                new: None,
                similarity: None,
                shift: None,
                notes: Vec::new(),
                ..CommitmentChange::unreviewed()
            },
            Plan::Added(j) => CommitmentChange {
                kind: CommitmentKind::Added,
                old: None,
                new: Some(take(&mut new[j])),
                similarity: None,
                shift: None,
                notes: Vec::new(),
                ..CommitmentChange::unreviewed()
            },
        })
        .collect()
}

fn pair_change(old: Commitment, new: Commitment, similarity: f64) -> CommitmentChange {
    let kept = old.core == new.core;
    let (shift, mut notes) = if kept {
        (None, Vec::new())
    } else {
        shift(&old.strength, &new.strength, &old, &new)
    };
    let (gone, come) = (
        numbers_not_in(&old.numbers, &new.numbers),
        numbers_not_in(&new.numbers, &old.numbers),
    );
    if !kept && (!gone.is_empty() || !come.is_empty()) {
        notes.push(format!(
            "numbers changed: {} \u{2192} {}",
            list(&gone),
            list(&come)
        ));
    }
    CommitmentChange {
        kind: if kept {
            CommitmentKind::Kept
        } else {
            CommitmentKind::Reworded
        },
        old: Some(old),
        new: Some(new),
        similarity: Some(if kept {
            1.0
        } else {
            ((similarity * 100.0).round() / 100.0).min(0.99)
        }),
        shift,
        notes,
        ..CommitmentChange::unreviewed()
    }
}

#[cfg(test)]
mod tests {
    use crate::commitments::MatchOptions;
    use crate::commitments::compare;
    use crate::commitments::tests::{changes_between, commitments, one_pair};
    use crate::model::CommitmentKind;

    #[test]
    fn kept_inside_a_rewritten_paragraph() {
        let old = "The officials pledged to continue working closely together to strengthen security cooperation.";
        let new = "Looking ahead, the officials met in Seoul.\n\nBuilding on the exercise, they agreed to meet again, and pledged to continue working closely together to strengthen security cooperation.";
        let changes = changes_between(old, new);
        let kept: Vec<_> = changes
            .iter()
            .filter(|c| c.kind == CommitmentKind::Kept)
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].new.as_ref().unwrap().paragraph, 2);
    }

    #[test]
    fn unrelated_commitments_are_dropped_and_added() {
        let changes = changes_between(
            "They condemned the missile launches by the DPRK.",
            "They welcomed the fisheries agreement signed in Oslo.",
        );
        let mut kinds: Vec<_> = changes.iter().map(|c| c.kind).collect();
        kinds.sort();
        assert_eq!(kinds, [CommitmentKind::Added, CommitmentKind::Dropped]);
    }

    #[test]
    fn numbers_are_flagged() {
        let change = one_pair(
            "They agreed to hold the 15th talks in Seoul.",
            "They agreed to hold the 16th talks in Seoul.",
        );
        assert_eq!(change.kind, CommitmentKind::Reworded);
        assert!(
            change
                .notes
                .iter()
                .any(|n| n.contains("15th") && n.contains("16th")),
            "{:?}",
            change.notes
        );
    }

    #[test]
    fn every_commitment_is_reported_once() {
        let old = commitments("They condemned A and urged B. They agreed to C. They welcomed D.");
        let new = commitments("They welcomed D. They strongly condemned A. They decided E.");
        let changes = compare(&old, &new, &MatchOptions::default());
        let olds = changes.iter().filter(|c| c.old.is_some()).count();
        let news = changes.iter().filter(|c| c.new.is_some()).count();
        assert_eq!((olds, news), (old.len(), new.len()));
    }
}
