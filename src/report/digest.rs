//! The digest: what changed, in a few lines an analyst could paste into a
//! note — the kind of document (a joint statement become a unilateral
//! one), terms that appeared or vanished, language that got stronger or
//! weaker, commitments added and dropped.

use crate::Report;
use crate::model::CarriedHow;
use crate::model::{Commitment, CommitmentKind, Shift};

/// How many merges, splits and moved sentences the digest names.
const RESTRUCTURED_LISTED: usize = 3;

/// At most this many words of a commitment are quoted.
const QUOTE_WORDS: usize = 16;

/// A quote ends at the first full stop, colon or semicolon after this many
/// words, or at the first comma after [`QUOTE_COMMA_MIN`] (a comma sooner
/// is more often one of a list: "the United States, Japan, and the ROK").
const QUOTE_PHRASE_MIN: usize = 3;
const QUOTE_COMMA_MIN: usize = 8;

/// A reworded commitment of at most this many words has every edit listed.
const SHORT_COMMITMENT_WORDS: usize = 40;

/// The digest lines of a report, most telling first. Empty when nothing
/// changed.
pub fn digest(report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(old), Some(new)) = (&report.old.kind, &report.new.kind)
        && other_kind(old, new)
    {
        lines.push(format!("kind of document: {old} \u{2192} {new}"));
    }
    let vanished: Vec<&str> = report
        .terms
        .iter()
        .filter(|t| t.change() == "vanished")
        .map(|t| t.term.as_str())
        .collect();
    let appeared: Vec<&str> = report
        .terms
        .iter()
        .filter(|t| t.change() == "appeared")
        .map(|t| t.term.as_str())
        .collect();
    if !vanished.is_empty() {
        lines.push(format!("no longer mentioned: {}", vanished.join(", ")));
    }
    if !appeared.is_empty() {
        lines.push(format!("newly mentioned: {}", appeared.join(", ")));
    }
    let counts: Vec<String> = report
        .terms
        .iter()
        .filter(|t| matches!(t.change(), "more" | "fewer"))
        .map(|t| format!("{} {}\u{2192}{}", t.term, t.old, t.new))
        .collect();
    if !counts.is_empty() {
        lines.push(format!("mentions: {}", counts.join(", ")));
    }
    for shift in [Shift::Stronger, Shift::Weaker] {
        for c in report.commitments.iter().filter(|c| c.shift == Some(shift)) {
            let why = c.notes.first().cloned().unwrap_or_default();
            let place = c
                .new
                .as_ref()
                .map(|n| format!(" (new \u{b6}{})", n.paragraph))
                .unwrap_or_default();
            lines.push(format!("{} language: {why}{place}", shift.name()));
        }
    }
    let of_kind = |kind| report.commitments.iter().filter(move |c| c.kind == kind);
    let added: Vec<&Commitment> = of_kind(CommitmentKind::Added)
        .filter_map(|c| c.new.as_ref())
        .collect();
    let dropped: Vec<&Commitment> = of_kind(CommitmentKind::Dropped)
        .filter_map(|c| c.old.as_ref())
        .collect();
    if !added.is_empty() {
        lines.push(format!(
            "{} new commitment{}: {}",
            added.len(),
            plural(added.len()),
            quotes(&added)
        ));
    }
    if !dropped.is_empty() {
        lines.push(format!("{} dropped: {}", dropped.len(), quotes(&dropped)));
    }
    let restructured = restructured(report);
    if !restructured.is_empty() {
        let more = restructured.len().saturating_sub(RESTRUCTURED_LISTED);
        let mut line = format!(
            "restructured: {}",
            restructured[..restructured.len() - more].join("; ")
        );
        if more > 0 {
            line.push_str(&format!("; and {more} more"));
        }
        lines.push(line);
    }
    let reworded = of_kind(CommitmentKind::Reworded).count();
    let kept = of_kind(CommitmentKind::Kept).count();
    if !report.commitments.is_empty()
        && (reworded + added.len() + dropped.len() > 0 || !report.is_same())
    {
        lines.push(format!(
            "{kept} commitment{} kept word for word, {reworded} reworded",
            plural(kept)
        ));
    }
    lines
}

/// Paragraphs merged or split, and sentences moved between paragraphs, as
/// the changes that lost them carry them: "old ¶3 merged into new ¶3",
/// "old ¶5 split, part now new ¶6", "1 sentence moved from old ¶5 to new ¶7".
fn restructured(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for change in &report.changes {
        let Some(old) = &change.old else { continue };
        for carried in change.carried.iter().filter(|c| c.lost) {
            let (from, to) = (old.index, carried.other);
            out.push(match &carried.how {
                CarriedHow::Merged => format!("old \u{b6}{from} merged into new \u{b6}{to}"),
                CarriedHow::PartOf => format!("old \u{b6}{from} now part of new \u{b6}{to}"),
                CarriedHow::Rearranged => {
                    format!("old \u{b6}{from} rearranged as new \u{b6}{to}")
                }
                CarriedHow::Split => format!("old \u{b6}{from} split, part now new \u{b6}{to}"),
                CarriedHow::Sentences { count, .. } => format!(
                    "{count} sentence{} moved from old \u{b6}{from} to new \u{b6}{to}",
                    plural(*count)
                ),
            });
        }
    }
    out
}

/// Whether two kinds of document differ in what each says: a kind with
/// fewer modifiers is no change ("statement" in a repost's headline for a
/// "joint statement"), other modifiers or another noun are ("joint press
/// statement" and "unilateral press statement", "joint statement" and
/// "readout").
fn other_kind(old: &str, new: &str) -> bool {
    let shortened = |long: &str, short: &str| long.ends_with(&format!(" {short}"));
    old != new && !shortened(old, new) && !shortened(new, old)
}

/// "s" for a count other than one.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn quotes(commitments: &[&Commitment]) -> String {
    commitments
        .iter()
        .map(|c| format!("\u{201c}{}\u{201d}", quote(c)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The commitment from its verb on (for a verb-final language, Korean or
/// Japanese, from the clause's start) to the end of its first phrase: the
/// first full stop, colon, semicolon or comma after a few words, so that the noun
/// phrase the verb governs is quoted whole ("welcomed the launch of the
/// trilateral working group on maritime security cooperation", not "…
/// working group…"). Without such a stop within 16 words, the quote is
/// cut there and does not end on a short lowercase word ("of", "the", "on")
/// that would leave the phrase hanging.
pub fn quote(c: &Commitment) -> String {
    let start = c.text.find(&c.verb).unwrap_or(0);
    let verb_final = c.text[start..].split_whitespace().count() <= 2;
    let start = if verb_final { 0 } else { start };
    let words: Vec<&str> = c.text[start..].split_whitespace().collect();
    let stop = words
        .iter()
        .take(QUOTE_WORDS)
        .enumerate()
        .find(|(k, w)| {
            (w.ends_with([';', '.', ':']) && k + 1 >= QUOTE_PHRASE_MIN)
                || (w.ends_with(',') && k + 1 >= QUOTE_COMMA_MIN)
        })
        .map(|(k, _)| k + 1);
    let mut end = stop.unwrap_or_else(|| words.len().min(QUOTE_WORDS));
    let cut = end < words.len();
    if cut && stop.is_none() {
        let hanging = |w: &str| w.chars().count() <= 3 && w.chars().all(|ch| ch.is_lowercase());
        while end > QUOTE_COMMA_MIN && hanging(words[end - 1]) {
            end -= 1;
        }
    }
    let mut q = words[..end].join(" ");
    q = q.trim_end_matches([',', ';', '.', ':']).to_string();
    if cut {
        q.push('\u{2026}');
    }
    q
}

/// How many of a reworded commitment's `edits` to list: all of them for a
/// short commitment (the one left out may be the edit that matters), else
/// `shown`.
pub fn edits_listed(commitment_words: usize, edits: usize, shown: usize) -> usize {
    if commitment_words <= SHORT_COMMITMENT_WORDS {
        edits
    } else {
        edits.min(shown)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_kind_is_other_when_it_says_something_else() {
        use super::other_kind;
        assert!(other_kind(
            "joint press statement",
            "unilateral press statement"
        ));
        assert!(other_kind("joint statement", "readout"));
        assert!(other_kind("press statement", "fact sheet"));
        assert!(!other_kind("joint statement", "statement"));
        assert!(!other_kind("statement", "joint press statement"));
        assert!(!other_kind("joint statement", "joint statement"));
    }
}
