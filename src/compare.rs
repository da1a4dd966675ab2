//! The comparison: the pipeline's stages called in order, one place.

use std::time::Duration;

use std::collections::BTreeSet;

use crate::align::{AlignOptions, Alignment, CommitmentLinks, align_with};
use crate::classify::{self, redline};
use crate::commitments::{self, lexicon::Lexicon};
use crate::document::Document;
use crate::fingerprint;
use crate::model::{
    Change, Commitment, CommitmentChange, CommitmentKind, Review, SetAside, Summary, TermCount,
    Unchanged,
};
use crate::terms::Terms;

/// How to compare.
#[derive(Debug, Clone)]
pub struct Options {
    /// The evidence two paragraphs must reach to be one reworded or moved
    /// paragraph: their share of informative words plus what commitments,
    /// role and order add (see [`crate::align`]). Default 0.5.
    pub threshold: f64,
    /// Whether page chrome was set aside (recorded in reports).
    pub chrome_rules: bool,
    /// Time allowed for the paragraph alignment.
    pub timeout: Duration,
    /// Reporting verbs and strength words for commitments.
    pub lexicon: Lexicon,
    /// Minimum similarity for two commitments to be one.
    pub commitment_threshold: f64,
    /// Key terms to count.
    pub terms: Terms,
    /// Fingerprints of changes already reviewed (`--accept`).
    pub accepted: std::collections::BTreeSet<String>,
    /// Whether to redline the reworded commitments' clauses
    /// (`CommitmentChange::spans`, which the Markdown and HTML reports show).
    /// Default true.
    pub commitment_spans: bool,
    /// Whether to find the reworded commitments' edits from the verb on
    /// (`CommitmentChange::edits`, which the terminal report shows).
    /// Default true. YAML, JSON and a series need neither, and are spared
    /// the word diffs.
    pub commitment_edits: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.5,
            chrome_rules: true,
            timeout: Duration::from_secs(2),
            lexicon: Lexicon::builtin(),
            commitment_threshold: commitments::MatchOptions::default().threshold,
            terms: Terms::builtin(),
            accepted: std::collections::BTreeSet::new(),
            commitment_spans: true,
            commitment_edits: true,
        }
    }
}

/// What a report says about one input.
#[derive(Debug, Clone, PartialEq)]
pub struct SideInfo {
    /// The path as given.
    pub path: String,
    /// The format read ("text", "html", "markdown").
    pub format: &'static str,
    /// The encoding read.
    pub encoding: &'static str,
    /// Number of paragraphs in the statement.
    pub paragraphs: usize,
    /// The title found, if any.
    pub title: Option<String>,
    /// The kind of document the title names ("joint statement"), if any.
    pub kind: Option<String>,
    /// The publication date found, if any.
    pub date: Option<String>,
    /// The date of the meeting the opening tells, if any.
    pub meeting_date: Option<String>,
    /// The line introducing the statement, if any.
    pub attribution: Option<String>,
    /// How the copy was cut short ("mid-word", "mid-sentence"), if it was.
    pub truncated: Option<&'static str>,
    /// Where the meeting was held, if found.
    pub place: Option<String>,
    /// Page chrome set aside.
    pub set_aside: Vec<SetAside>,
    /// SHA-256 of the input as read (hex).
    pub sha256: String,
}

impl SideInfo {
    /// The date to show: the meeting's, else the posting date.
    pub fn shown_date(&self) -> Option<&str> {
        self.meeting_date.as_deref().or(self.date.as_deref())
    }

    pub(crate) fn of(doc: &Document) -> SideInfo {
        SideInfo {
            path: doc.name.clone(),
            format: doc.format.name(),
            encoding: doc.encoding,
            paragraphs: doc.paragraphs.len(),
            title: doc.title.clone(),
            kind: doc.kind.clone(),
            date: doc.date.clone(),
            meeting_date: doc.meeting_date.clone(),
            attribution: doc.attribution.clone(),
            truncated: doc.truncated.map(crate::document::Truncation::name),
            place: doc.place.clone(),
            set_aside: doc.set_aside.clone(),
            sha256: doc.sha256.clone(),
        }
    }
}

/// The settings a report records.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The paragraph similarity threshold used.
    pub threshold: f64,
    /// Whether page chrome was set aside.
    pub chrome_rules: bool,
}

/// The comparison of two statements: everything a report renders, worked
/// out once (redlines, fingerprints and whether each change was accepted
/// included), so that renderers only render.
#[derive(Debug, Clone)]
pub struct Report {
    /// The old statement.
    pub old: SideInfo,
    /// The new statement.
    pub new: SideInfo,
    /// Counts of each kind.
    pub summary: Summary,
    /// The changes in document order.
    pub changes: Vec<Change>,
    /// The paragraphs that did not change.
    pub unchanged: Vec<Unchanged>,
    /// Every commitment of both statements, once: kept, reworded, added or
    /// dropped.
    pub commitments: Vec<CommitmentChange>,
    /// Key terms mentioned on either side, with their counts.
    pub terms: Vec<TermCount>,
    /// The settings used.
    pub settings: Settings,
}

impl Report {
    /// True when the statements say the same thing.
    pub fn is_same(&self) -> bool {
        self.summary.is_same()
    }

    /// Warnings about the inputs, for standard error and the reports:
    /// "NEW ends mid-word: truncated copy?".
    pub fn warnings(&self) -> Vec<String> {
        [("OLD", &self.old), ("NEW", &self.new)]
            .into_iter()
            .filter_map(|(name, side)| {
                side.truncated
                    .map(|how| format!("{name} ends {how}: truncated copy?"))
            })
            .collect()
    }
}

/// Compares two documents.
pub fn compare(old: &Document, new: &Document, options: &Options) -> Report {
    Compared::of(old, new, options).report(options)
}

/// [`compare`], letting go of the documents' paragraphs as soon as the
/// report no longer needs them, before the commitments' redlines are made
/// (what a caller that has no other use for them, like the command line,
/// saves memory with).
pub fn compare_owned(old: Document, new: Document, options: &Options) -> Report {
    let compared = Compared::of(&old, &new, options);
    drop((old, new));
    compared.report(options)
}

/// One step of a series: the report of two rounds whose commitments were
/// read already, and the paragraph alignment it rests on.
pub(crate) fn compare_step(
    old: &Document,
    new: &Document,
    old_commitments: &[Commitment],
    new_commitments: &[Commitment],
    options: &Options,
) -> (Report, Alignment) {
    let (alignment, compared) = Compared::with_commitments(
        old,
        new,
        old_commitments.to_vec(),
        new_commitments.to_vec(),
        options,
    );
    (compared.report(options), alignment)
}

/// What [`compare`] reads from the paragraphs themselves.
struct Compared {
    changes: Vec<Change>,
    unchanged: Vec<Unchanged>,
    summary: Summary,
    commitments: Vec<CommitmentChange>,
    terms: Vec<TermCount>,
    old: SideInfo,
    new: SideInfo,
}

impl Compared {
    fn of(old: &Document, new: &Document, options: &Options) -> Compared {
        let old_commitments = commitments::extract(&old.paragraphs, &options.lexicon);
        let new_commitments = commitments::extract_reusing(
            &new.paragraphs,
            &options.lexicon,
            &old.paragraphs,
            &old_commitments,
        );
        Compared::with_commitments(old, new, old_commitments, new_commitments, options).1
    }

    fn with_commitments(
        old: &Document,
        new: &Document,
        old_commitments: Vec<Commitment>,
        new_commitments: Vec<Commitment>,
        options: &Options,
    ) -> (Alignment, Compared) {
        // The commitments are matched first: those paired between two
        // paragraphs are evidence that the paragraphs are one.
        let match_options = commitments::MatchOptions {
            threshold: options.commitment_threshold,
        };
        let commitments =
            commitments::compare_owned(old_commitments, new_commitments, &match_options);
        let links = commitment_links(&commitments, old.paragraphs.len(), new.paragraphs.len());
        let align_options = AlignOptions {
            threshold: options.threshold,
            timeout: options.timeout,
        };
        let alignment = align_with(&old.paragraphs, &new.paragraphs, &align_options, &links);
        let (mut changes, unchanged, summary) = classify::classify(old, new, &alignment);
        mark_truncated(&mut changes, old, new);
        review_changes(&mut changes, &options.accepted);
        let compared = Compared {
            changes,
            unchanged,
            summary,
            commitments,
            terms: options.terms.count(&old.paragraphs, &new.paragraphs),
            old: SideInfo::of(old),
            new: SideInfo::of(new),
        };
        (alignment, compared)
    }

    /// The report, with the commitments redlined (the documents may be
    /// gone).
    fn report(self, options: &Options) -> Report {
        let mut commitments = self.commitments;
        redline_commitments(&mut commitments, options);
        note_truncated(&mut commitments, &self.changes);
        review_commitments(&mut commitments, &options.accepted);
        Report {
            old: self.old,
            new: self.new,
            summary: self.summary,
            changes: self.changes,
            unchanged: self.unchanged,
            commitments,
            terms: self.terms,
            settings: Settings {
                threshold: options.threshold,
                chrome_rules: options.chrome_rules,
            },
        }
    }
}

/// The paragraphs of each pair of commitments kept or reworded, and how
/// many commitments each paragraph holds (commitments number paragraphs
/// from 1).
fn commitment_links(changes: &[CommitmentChange], old: usize, new: usize) -> CommitmentLinks {
    let mut links = CommitmentLinks {
        pairs: Vec::new(),
        old_counts: vec![0; old],
        new_counts: vec![0; new],
    };
    let at = |c: &Commitment| c.paragraph.checked_sub(1);
    for change in changes {
        let o = change.old.as_ref().and_then(at).filter(|&i| i < old);
        let n = change.new.as_ref().and_then(at).filter(|&j| j < new);
        if let Some(i) = o {
            links.old_counts[i] += 1;
        }
        if let Some(j) = n {
            links.new_counts[j] += 1;
        }
        if let (Some(i), Some(j)) = (o, n) {
            links.pairs.push((i, j));
        }
    }
    links
}

/// Marks the changes a cut-short copy may account for: the change of its
/// last paragraph, and after it the other side's paragraphs it has no
/// room for (removed when the new copy was cut, added when the old was).
fn mark_truncated(changes: &mut [Change], old: &Document, new: &Document) {
    use crate::model::ChangeKind;
    let cut = |doc: &Document| doc.truncated.map(|_| doc.paragraphs.len());
    let (old_last, new_last) = (cut(old), cut(new));
    if old_last.is_none() && new_last.is_none() {
        return;
    }
    // In document order: a change of the last paragraph, then the other
    // side's paragraphs that come after it.
    let mut past_old_end = false;
    let mut past_new_end = false;
    for change in changes.iter_mut() {
        let at_old = change
            .old
            .as_ref()
            .is_some_and(|s| Some(s.index) == old_last);
        let at_new = change
            .new
            .as_ref()
            .is_some_and(|s| Some(s.index) == new_last);
        change.truncated.old = at_old || (past_old_end && change.kind == ChangeKind::Added);
        change.truncated.new = at_new || (past_new_end && change.kind == ChangeKind::Removed);
        past_old_end |= at_old;
        past_new_end |= at_new;
    }
}

/// A note on the commitments of the changes a cut-short copy may account
/// for.
fn note_truncated(commitments: &mut [CommitmentChange], changes: &[Change]) {
    let cut_old: BTreeSet<usize> = changes
        .iter()
        .filter(|c| c.truncated.old || c.truncated.new)
        .filter_map(|c| c.old.as_ref().map(|s| s.index))
        .collect();
    let cut_new: BTreeSet<usize> = changes
        .iter()
        .filter(|c| c.truncated.old || c.truncated.new)
        .filter_map(|c| c.new.as_ref().map(|s| s.index))
        .collect();
    if cut_old.is_empty() && cut_new.is_empty() {
        return;
    }
    for c in commitments {
        if c.kind == CommitmentKind::Kept {
            continue;
        }
        let in_old = c
            .old
            .as_ref()
            .is_some_and(|o| cut_old.contains(&o.paragraph));
        let in_new = c
            .new
            .as_ref()
            .is_some_and(|n| cut_new.contains(&n.paragraph));
        if in_old || in_new {
            c.notes.push(TRUNCATION_NOTE.to_string());
        }
    }
}

/// The note on a change or commitment a cut-short copy may account for.
pub const TRUNCATION_NOTE: &str = "possibly due to truncation";

/// Each change's fingerprint, and whether it was accepted.
fn review_changes(changes: &mut [Change], accepted: &BTreeSet<String>) {
    for change in changes {
        let fingerprint = fingerprint::of_change(change);
        change.review = Review {
            accepted: accepted.contains(&fingerprint),
            fingerprint,
        };
    }
}

/// Each commitment change's fingerprint, and whether it was accepted.
fn review_commitments(changes: &mut [CommitmentChange], accepted: &BTreeSet<String>) {
    for change in changes {
        let fingerprint = fingerprint::of_commitment(change);
        change.review = Review {
            accepted: accepted.contains(&fingerprint),
            fingerprint,
        };
    }
}

/// The redlines of the reworded commitments: the whole clauses, and the
/// edits from the verb on.
fn redline_commitments(changes: &mut [CommitmentChange], options: &Options) {
    if !options.commitment_spans && !options.commitment_edits {
        return;
    }
    for change in changes {
        if change.kind != CommitmentKind::Reworded {
            continue;
        }
        if let (Some(old), Some(new)) = (&change.old, &change.new) {
            if options.commitment_spans {
                change.spans = redline::redline(&old.text, &new.text);
            }
            if options.commitment_edits {
                change.edits = redline::edits(&redline::redline(from_verb(old), from_verb(new)));
            }
        }
    }
}

/// A commitment from its verb on (the whole clause when the verb is last).
fn from_verb(c: &Commitment) -> &str {
    match c.text.find(&c.verb) {
        Some(i) if c.text[i..].split_whitespace().count() > 2 => &c.text[i..],
        _ => &c.text,
    }
}
