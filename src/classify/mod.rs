//! Classification: an alignment of two documents → the list of changes, in
//! document order, with word-level redlines for paired paragraphs.

pub mod carried;
pub mod redline;

use std::collections::HashMap;

use crate::align::{Alignment, Join, Pair, Part};
use crate::classify::redline::{edits, redline};
use crate::document::{Document, Paragraph};
use crate::model::{Carried, CarriedHow, Change, ChangeKind, Review, Side, Summary, Unchanged};

fn side(p: &Paragraph) -> Side {
    Side {
        index: p.index,
        line: p.line,
        text: p.text.clone(),
    }
}

/// The changes of an alignment in document order, the paragraphs that did
/// not change, and the counts.
///
/// Order: by position in the new statement; a removed paragraph comes right
/// after the new paragraph that follows its nearest in-place predecessor.
pub fn classify(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
) -> (Vec<Change>, Vec<Unchanged>, Summary) {
    let mut summary = Summary::default();
    let mut unchanged = Vec::new();
    let mut paired: Vec<&Pair> = Vec::new();
    for pair in &alignment.pairs {
        if pair.identical && pair.in_place {
            summary.unchanged += 1;
            unchanged.push(Unchanged {
                old: side(&old.paragraphs[pair.old]),
                new_index: new.paragraphs[pair.new].index,
            });
        } else {
            paired.push(pair);
        }
    }
    // The word redlines, on every core when there are many.
    let one = |pair: &&Pair| {
        let kind = if pair.in_place {
            ChangeKind::Reworded
        } else {
            ChangeKind::Moved
        };
        let (o, n) = (&old.paragraphs[pair.old], &new.paragraphs[pair.new]);
        ((pair.new + 1, 0, 0), paired_change(kind, o, n, pair))
    };
    let mut keyed: Vec<((usize, u8, usize), Change)> = if paired.len() >= PARALLEL_PAIRS {
        use rayon::prelude::*;
        paired.par_iter().map(one).collect()
    } else {
        paired.iter().map(one).collect()
    };

    // For each old paragraph, the new position of the nearest in-place pair
    // before it (0 for none).
    let mut anchor = vec![0usize; old.paragraphs.len() + 1];
    let mut pairs = alignment.pairs.iter().filter(|p| p.in_place).peekable();
    let mut last = 0;
    for (i, slot) in anchor.iter_mut().enumerate().take(old.paragraphs.len()) {
        while let Some(p) = pairs.next_if(|p| p.old < i) {
            last = p.new + 1;
        }
        *slot = last;
    }
    for &i in &alignment.removed {
        let change = Change {
            kind: ChangeKind::Removed,
            old: Some(side(&old.paragraphs[i])),
            new: None,
            similarity: None,
            spans: Vec::new(),
            edits: Vec::new(),
            carried: Vec::new(),
            evidence: None,
            review: Review::default(),
            truncated: Default::default(),
        };
        keyed.push(((anchor[i], 1, i), change));
    }
    for &j in &alignment.added {
        let change = Change {
            kind: ChangeKind::Added,
            old: None,
            new: Some(side(&new.paragraphs[j])),
            similarity: None,
            spans: Vec::new(),
            edits: Vec::new(),
            carried: Vec::new(),
            evidence: None,
            review: Review::default(),
            truncated: Default::default(),
        };
        keyed.push(((j + 1, 0, 0), change));
    }
    keyed.sort_by_key(|(k, _)| *k);
    let mut changes: Vec<Change> = keyed.into_iter().map(|(_, c)| c).collect();
    crate::classify::carried::annotate(&mut changes);
    note_joins(&mut changes, old, new, &alignment.joins);
    for c in &changes {
        match c.kind {
            ChangeKind::Added => summary.added += 1,
            ChangeKind::Removed => summary.removed += 1,
            ChangeKind::Reworded => summary.reworded += 1,
            ChangeKind::Moved => summary.moved += 1,
        }
    }
    (changes, unchanged, summary)
}

/// Notes the splits and merges the alignment found on both changes
/// ("split: part is now new ¶5" and "split from old ¶4", "merged with old
/// ¶3" and "merged into new ¶4"), unless the sentences carried word for
/// word already link the two.
fn note_joins(changes: &mut [Change], old: &Document, new: &Document, joins: &[Join]) {
    if joins.is_empty() {
        return;
    }
    let mut by_old: HashMap<usize, usize> = HashMap::new();
    let mut by_new: HashMap<usize, usize> = HashMap::new();
    for (k, c) in changes.iter().enumerate() {
        if let Some(s) = &c.old {
            by_old.insert(s.index, k);
        }
        if let Some(s) = &c.new {
            by_new.insert(s.index, k);
        }
    }
    let linked = |c: &Change, lost: bool, other: usize| {
        c.carried.iter().any(|n| n.lost == lost && n.other == other)
    };
    for join in joins {
        let pair_old = old.paragraphs[join.old].index;
        let pair_new = new.paragraphs[join.new].index;
        let Some(&pair) = by_new.get(&pair_new) else {
            continue;
        };
        // (the pair's change, lost?, other) and (the part's change, lost?, other)
        let (how, pair_note, part, part_note) = match join.part {
            Part::New(k) => {
                let index = new.paragraphs[k].index;
                let Some(&part) = by_new.get(&index) else {
                    continue;
                };
                (CarriedHow::Split, (true, index), part, (false, pair_old))
            }
            Part::Old(k) => {
                let index = old.paragraphs[k].index;
                let Some(&part) = by_old.get(&index) else {
                    continue;
                };
                (CarriedHow::Merged, (false, index), part, (true, pair_new))
            }
        };
        if linked(&changes[pair], pair_note.0, pair_note.1)
            || linked(&changes[part], part_note.0, part_note.1)
        {
            continue;
        }
        changes[pair].carried.push(Carried {
            how: how.clone(),
            lost: pair_note.0,
            other: pair_note.1,
        });
        changes[part].carried.push(Carried {
            how,
            lost: part_note.0,
            other: part_note.1,
        });
    }
}

/// From this many reworded or moved paragraphs on, their redlines are made
/// in parallel.
const PARALLEL_PAIRS: usize = 64;

fn paired_change(kind: ChangeKind, o: &Paragraph, n: &Paragraph, pair: &Pair) -> Change {
    let spans = if pair.identical {
        Vec::new()
    } else {
        redline(&o.text, &n.text)
    };
    let edits = edits(&spans);
    Change {
        kind,
        old: Some(side(o)),
        new: Some(side(n)),
        similarity: Some(round_similarity(pair)),
        spans,
        edits,
        carried: Vec::new(),
        evidence: pair.evidence,
        review: Review::default(),
        truncated: Default::default(),
    }
}

/// Two decimals; a pair that is not identical never shows as 1.0.
fn round_similarity(pair: &Pair) -> f64 {
    let rounded = (pair.similarity * 100.0).round() / 100.0;
    if !pair.identical && rounded >= 1.0 {
        0.99
    } else {
        rounded
    }
}
