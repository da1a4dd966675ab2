//! Fingerprints: SHA-256 digests of inputs (so a report can be verified)
//! and short stable fingerprints of changes (so reviewed changes can be
//! accepted in CI, see `--accept`).

use sha2::{Digest, Sha256};

use crate::model::Change;
use crate::model::CommitmentChange;
use crate::text::hash::hex;
use crate::text::normalize::comparison_key_cow;

/// What a fingerprint identifies. Its name opens the hashed input, so a
/// one-sentence paragraph added and the commitment it holds (same kind, same
/// text) never share a fingerprint: accepting one does not accept the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// A paragraph change.
    Paragraph,
    /// A commitment change.
    Commitment,
}

impl Domain {
    fn name(self) -> &'static str {
        match self {
            Domain::Paragraph => "paragraph",
            Domain::Commitment => "commitment",
        }
    }
}

/// A short fingerprint (16 hex digits) of what is identified, a kind and the
/// comparison keys of its two sides: the same change between the same texts
/// always has the same fingerprint, whatever the files' names, paragraph
/// numbers or typography.
pub fn of_texts(domain: Domain, kind: &str, old: Option<&str>, new: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(domain.name().as_bytes());
    hasher.update([0u8]);
    hash_sides(hasher, kind, old, new)
}

/// The fingerprint as accept files written before [`Domain`] hold it: the
/// kind and the two sides only (a paragraph and its commitment alike).
pub fn legacy_of_texts(kind: &str, old: Option<&str>, new: Option<&str>) -> String {
    hash_sides(Sha256::new(), kind, old, new)
}

fn hash_sides(mut hasher: Sha256, kind: &str, old: Option<&str>, new: Option<&str>) -> String {
    hasher.update(kind.as_bytes());
    for side in [old, new] {
        hasher.update([0u8]);
        if let Some(text) = side {
            hasher.update(comparison_key_cow(text).as_bytes());
        }
    }
    hex(&hasher.finalize()[..8])
}

/// The fingerprint of a paragraph change.
pub fn of_change(change: &Change) -> String {
    of_texts(
        Domain::Paragraph,
        change.kind.name(),
        change.old.as_ref().map(|s| s.text.as_str()),
        change.new.as_ref().map(|s| s.text.as_str()),
    )
}

/// The fingerprint of a commitment change (its shift included, so a
/// reviewed rewording that later also changes strength fails again).
pub fn of_commitment(change: &CommitmentChange) -> String {
    of_texts(
        Domain::Commitment,
        &commitment_label(change),
        change.old.as_ref().map(|c| c.text.as_str()),
        change.new.as_ref().map(|c| c.text.as_str()),
    )
}

/// [`of_change`] as accept files written before [`Domain`] hold it.
pub fn legacy_of_change(change: &Change) -> String {
    legacy_of_texts(
        change.kind.name(),
        change.old.as_ref().map(|s| s.text.as_str()),
        change.new.as_ref().map(|s| s.text.as_str()),
    )
}

/// [`of_commitment`] as accept files written before [`Domain`] hold it.
pub fn legacy_of_commitment(change: &CommitmentChange) -> String {
    legacy_of_texts(
        &commitment_label(change),
        change.old.as_ref().map(|c| c.text.as_str()),
        change.new.as_ref().map(|c| c.text.as_str()),
    )
}

/// A commitment change's kind with its shift: "reworded-stronger".
pub fn commitment_label(change: &CommitmentChange) -> String {
    match change.shift {
        Some(shift) => format!("{}-{}", change.kind.name(), shift.name()),
        None => change.kind.name().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_typography_and_numbering() {
        let p = Domain::Paragraph;
        let a = of_texts(
            p,
            "reworded",
            Some("1. The DPRK\u{2019}s launch"),
            Some("They met."),
        );
        let b = of_texts(p, "reworded", Some("The DPRK's  launch"), Some("They met."));
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(
            a,
            of_texts(p, "moved", Some("The DPRK's launch"), Some("They met."))
        );
        assert_ne!(
            of_texts(p, "added", None, Some("x")),
            of_texts(p, "removed", Some("x"), None)
        );
    }

    #[test]
    fn a_paragraph_and_its_commitment_differ() {
        let text = Some("They agreed to hold the next talks in Tokyo.");
        let paragraph = of_texts(Domain::Paragraph, "added", None, text);
        let commitment = of_texts(Domain::Commitment, "added", None, text);
        assert_ne!(paragraph, commitment);
        // Before domains, both were this one fingerprint.
        assert_eq!(legacy_of_texts("added", None, text).len(), 16);
        assert_ne!(legacy_of_texts("added", None, text), paragraph);
    }
}
