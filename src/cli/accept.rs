//! Accept files: the fingerprints of changes a reviewer has seen, written
//! with `--write-accept` and read with `--accept`.

use std::path::Path;

use crate::error::{Error, Result};

/// The mark of an accept file whose fingerprints tell paragraphs from
/// commitments (see [`crate::fingerprint::Domain`]).
const FINGERPRINTS: &str = "fingerprints v2";

/// The fingerprints of an accept file.
#[derive(Debug, Default)]
pub(super) struct Accepted {
    /// The fingerprints listed.
    pub set: std::collections::BTreeSet<String>,
    /// False for a file without the mark of today's fingerprints: one
    /// written by an earlier version, or by hand.
    pub current: bool,
}

/// The accept file of a report: one reviewed change per line, its
/// fingerprint first; the rest of the line says what it was.
pub(super) fn accept_file(report: &crate::Report) -> String {
    let mut out = format!(
        "# statement-diff accept file ({FINGERPRINTS}): changes reviewed between\n#   {} (sha256 {})\n#   {} (sha256 {})\n# One fingerprint per line; text after it is a reminder. Pass with --accept.\n",
        report.old.path, report.old.sha256, report.new.path, report.new.sha256
    );
    let words = |text: &str| {
        text.split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first_words =
        |old: Option<&str>, new: Option<&str>| new.or(old).map(words).unwrap_or_default();
    for c in &report.changes {
        let text = first_words(
            c.old.as_ref().map(|s| s.text.as_str()),
            c.new.as_ref().map(|s| s.text.as_str()),
        );
        out.push_str(&format!(
            "{}  {:<9} {text}\n",
            c.review.fingerprint,
            c.kind.name()
        ));
    }
    let reviewed = report
        .commitments
        .iter()
        .filter(|c| c.kind != crate::model::CommitmentKind::Kept);
    for c in reviewed {
        let label = crate::fingerprint::commitment_label(c);
        let text = first_words(
            c.old.as_ref().map(|s| s.text.as_str()),
            c.new.as_ref().map(|s| s.text.as_str()),
        );
        out.push_str(&format!(
            "{}  commitment {label} {text}\n",
            c.review.fingerprint
        ));
    }
    out
}

/// Reads an accept file: the first word of each line that is not blank or
/// a comment.
pub(super) fn read_accept(path: &Path) -> Result<Accepted> {
    let bad = |reason: String| Error::BadDataFile {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let mut out = Accepted::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('#') && line.contains(FINGERPRINTS) {
            out.current = true;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or("");
        if word.len() != 16 || !word.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!(
                "line {}: '{word}' is not a fingerprint (16 hex digits)",
                i + 1
            )));
        }
        out.set.insert(word.to_ascii_lowercase());
    }
    Ok(out)
}

/// Marks accepted the changes of a report that an accept file without the
/// mark of today's fingerprints lists by their earlier fingerprint (where a
/// one-sentence paragraph and its commitment shared one); returns how many.
pub(super) fn accept_legacy(report: &mut crate::Report, accepted: &Accepted) -> usize {
    use crate::fingerprint::{legacy_of_change, legacy_of_commitment};
    if accepted.current || accepted.set.is_empty() {
        return 0;
    }
    let mut n = 0;
    for c in &mut report.changes {
        if !c.review.accepted && accepted.set.contains(&legacy_of_change(c)) {
            c.review.accepted = true;
            n += 1;
        }
    }
    for c in &mut report.commitments {
        if !c.review.accepted && accepted.set.contains(&legacy_of_commitment(c)) {
            c.review.accepted = true;
            n += 1;
        }
    }
    n
}
