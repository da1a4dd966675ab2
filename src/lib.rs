//! statement-diff tells exactly what changed between two successive joint
//! statements: which paragraphs were added, removed, reworded or moved,
//! which words changed inside them, and what became of every commitment.
//!
//! # The pipeline
//!
//! Data flows one way; each stage is a module that imports only the stages
//! before it, plus the foundations [`model`] (the data passed between
//! stages) and [`text`] (helpers with no pipeline knowledge), which import
//! nothing else of the crate (`scripts/check-layers` checks it).
//!
//! 1. [`input`]: bytes → [`model::Block`]s. Decodes (UTF-8, UTF-16, legacy
//!    encodings), tells plain text, HTML and Markdown apart, and reads each
//!    into blocks (`input::text` finds paragraphs in plain text from its
//!    line structure, `input::html` and `input::markdown` from the markup).
//! 2. [`chrome`]: the page around the statement (menus, share bars,
//!    datelines, footers) set aside as [`model::SetAside`] blocks, by the
//!    rules of `chrome/chrome.rules`.
//! 3. [`document`]: the statement's numbered paragraphs with their
//!    comparison keys, its title, date and place.
//! 4. [`align`]: which old paragraph became which new one (`similar`'s
//!    Patience diff, then pairing by word similarity through the candidate
//!    index of [`text`], then the moves).
//! 5. [`classify`]: the alignment → [`model::Change`]s with word redlines
//!    (`classify::redline`) and the sentences carried between paragraphs
//!    (`classify::carried`).
//! 6. [`commitments`]: the clauses on a reporting verb or a promise, read
//!    from both statements and matched across them: kept, reworded, added,
//!    dropped, stronger or weaker ([`model::CommitmentChange`]).
//! 7. [`terms`]: key terms counted on both sides ([`model::TermCount`]).
//! 8. [`fingerprint`]: short stable fingerprints of changes, for `--accept`.
//!
//! [`compare()`](compare()) runs the stages in order and returns a [`Report`] in
//! which everything a report shows is worked out once: redlines,
//! fingerprints, whether each change was accepted. [`series`] follows every
//! paragraph and commitment through many rounds, one comparison per step.
//! [`report`] renders (terminal, YAML, JSON, Markdown, HTML, series, the
//! digest) and never compares; [`yaml`] is the streaming YAML serializer it
//! writes with; [`cli`] is the command line.
//!
//! ```
//! use statement_diff::{compare, Options, document::Document, chrome::Chrome};
//!
//! let chrome = Chrome::builtin();
//! let old = Document::from_text("old.txt", "They condemned the launches.\n\nThey met.", &chrome);
//! let new = Document::from_text("new.txt", "They strongly condemned the launches.\n\nThey met.", &chrome);
//! let report = compare(&old, &new, &Options::default());
//! assert_eq!(report.summary.reworded, 1);
//! assert_eq!(report.summary.unchanged, 1);
//! assert_eq!(report.changes[0].edits[0].inserted, "strongly");
//! ```

#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Data and helpers every stage imports.
pub mod model;
pub mod text;

// The stages, in pipeline order: each imports only those above it.
pub mod align;
pub mod chrome;
pub mod classify;
pub mod commitments;
pub mod compare;
pub mod document;
pub mod fingerprint;
pub mod input;
pub mod terms;

// Built on the comparison.
pub mod cli;
pub mod report;
pub mod series;
pub mod yaml;

pub mod error;

pub use compare::{Options, Report, SideInfo, compare, compare_owned};
pub use error::{Error, Result};

#[cfg(test)]
pub(crate) mod test_corpus {
    /// The ASCII paragraphs of the Defense Trilateral Talks series in
    /// `corpus/dtt`, for checking the ASCII fast paths against the Unicode
    /// algorithms on real statements.
    pub(crate) fn ascii_paragraphs() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dtt");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            out.extend(
                text.split("\n\n")
                    .filter(|p| p.is_ascii())
                    .map(str::to_string),
            );
        }
        assert!(out.len() > 50, "{} paragraphs", out.len());
        out
    }
}
