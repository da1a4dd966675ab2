//! Classification: an alignment of two documents → the list of changes, in
//! document order, with word-level redlines for paired paragraphs.

pub mod carried;
pub mod redline;

use crate::align::{Alignment, Pair};
use crate::classify::redline::{edits, redline};
use crate::document::{Document, Paragraph};
use crate::model::{Change, ChangeKind, Review, Side, Summary, Unchanged};

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
            review: Review::default(),
            truncated: Default::default(),
        };
        keyed.push(((j + 1, 0, 0), change));
    }
    keyed.sort_by_key(|(k, _)| *k);
    let mut changes: Vec<Change> = keyed.into_iter().map(|(_, c)| c).collect();
    crate::classify::carried::annotate(&mut changes);
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
