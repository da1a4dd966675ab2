//! The comparison: the pipeline's stages called in order, one place.

use std::time::Duration;

use crate::align::{AlignOptions, align};
use crate::classify;
use crate::commitments::{self, lexicon::Lexicon};
use crate::document::Document;
use crate::model::{Change, CommitmentChange, SetAside, Summary, TermCount, Unchanged};
use crate::terms::Terms;

/// How to compare.
#[derive(Debug, Clone)]
pub struct Options {
    /// Minimum word-level similarity (0–1) for two paragraphs to be one
    /// reworded or moved paragraph. Default 0.5.
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
    /// The publication date found, if any.
    pub date: Option<String>,
    /// Where the meeting was held, if found.
    pub place: Option<String>,
    /// Page chrome set aside.
    pub set_aside: Vec<SetAside>,
    /// SHA-256 of the input as read (hex).
    pub sha256: String,
}

impl SideInfo {
    pub(crate) fn of(doc: &Document) -> SideInfo {
        SideInfo {
            path: doc.name.clone(),
            format: doc.format.name(),
            encoding: doc.encoding,
            paragraphs: doc.paragraphs.len(),
            title: doc.title.clone(),
            date: doc.date.clone(),
            place: doc.place.clone(),
            set_aside: doc.set_aside.clone(),
            sha256: doc.sha256.clone(),
        }
    }
}

/// The comparison of two statements.
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
    pub options: Options,
}

impl Report {
    /// True when the statements say the same thing.
    pub fn is_same(&self) -> bool {
        self.summary.is_same()
    }
}

/// Compares two documents.
pub fn compare(old: &Document, new: &Document, options: &Options) -> Report {
    Compared::of(old, new, options).report(options)
}

/// [`compare`], letting go of the documents' paragraphs as soon as the
/// report no longer needs them, before the commitments of the two sides are
/// matched (what a caller that has no other use for them, like the
/// command line, saves memory with).
pub fn compare_owned(old: Document, new: Document, options: &Options) -> Report {
    let compared = Compared::of(&old, &new, options);
    drop((old, new));
    compared.report(options)
}

/// What [`compare`] reads from the paragraphs themselves.
struct Compared {
    changes: Vec<Change>,
    unchanged: Vec<Unchanged>,
    summary: Summary,
    old_commitments: Vec<crate::model::Commitment>,
    new_commitments: Vec<crate::model::Commitment>,
    terms: Vec<TermCount>,
    old: SideInfo,
    new: SideInfo,
}

impl Compared {
    fn of(old: &Document, new: &Document, options: &Options) -> Compared {
        let align_options = AlignOptions {
            threshold: options.threshold,
            timeout: options.timeout,
        };
        let alignment = align(&old.paragraphs, &new.paragraphs, &align_options);
        let (changes, unchanged, summary) = classify::classify(old, new, &alignment);
        let old_commitments = commitments::extract(&old.paragraphs, &options.lexicon);
        let new_commitments = commitments::extract_reusing(
            &new.paragraphs,
            &options.lexicon,
            &old.paragraphs,
            &old_commitments,
        );
        Compared {
            changes,
            unchanged,
            summary,
            old_commitments,
            new_commitments,
            terms: options.terms.count(&old.paragraphs, &new.paragraphs),
            old: SideInfo::of(old),
            new: SideInfo::of(new),
        }
    }

    /// The report, with the commitments matched (the documents may be gone).
    fn report(self, options: &Options) -> Report {
        let match_options = commitments::MatchOptions {
            threshold: options.commitment_threshold,
        };
        let commitments =
            commitments::compare_owned(self.old_commitments, self.new_commitments, &match_options);
        Report {
            old: self.old,
            new: self.new,
            summary: self.summary,
            changes: self.changes,
            unchanged: self.unchanged,
            commitments,
            terms: self.terms,
            options: options.clone(),
        }
    }
}
