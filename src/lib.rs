//! statement-diff tells exactly what changed between two successive joint
//! statements: which paragraphs were added, removed, reworded or moved, and
//! which words changed inside them.
//!
//! The pipeline runs one way, one module a stage:
//!
//! bytes → [`input`] (decode, detect the format) → [`block`]s (plain text
//! through [`segment`], web pages through `input::html`, Markdown through
//! `input::markdown`) → [`chrome`] (page chrome set aside) → [`document`]
//! (paragraphs with comparison keys from [`normalize`]) → [`align`] →
//! [`classify`] (changes, with [`words`] redlines) → [`model::Change`]s →
//! [`report`] (terminal or YAML).
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
