//! Fingerprints: SHA-256 digests of inputs (so a report can be verified)
//! and short stable fingerprints of changes (so reviewed changes can be
//! accepted in CI, see `--accept`).

use sha2::{Digest, Sha256};

use crate::model::Change;
use crate::model::CommitmentChange;
use crate::text::hash::hex;
use crate::text::normalize::comparison_key_cow;

/// A short fingerprint (16 hex digits) of a kind and the comparison keys of
/// its two sides: the same change between the same texts always has the same
/// fingerprint, whatever the files' names, paragraph numbers or typography.
pub fn of_texts(kind: &str, old: Option<&str>, new: Option<&str>) -> String {
    let mut hasher = Sha256::new();
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
        change.kind.name(),
        change.old.as_ref().map(|s| s.text.as_str()),
        change.new.as_ref().map(|s| s.text.as_str()),
    )
}

/// The fingerprint of a commitment change (its shift included, so a
/// reviewed rewording that later also changes strength fails again).
pub fn of_commitment(change: &CommitmentChange) -> String {
    of_texts(
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
        let a = of_texts(
            "reworded",
            Some("1. The DPRK\u{2019}s launch"),
            Some("They met."),
        );
        let b = of_texts("reworded", Some("The DPRK's  launch"), Some("They met."));
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(
            a,
            of_texts("moved", Some("The DPRK's launch"), Some("They met."))
        );
        assert_ne!(
            of_texts("added", None, Some("x")),
            of_texts("removed", Some("x"), None)
        );
    }
}
