//! `--stat`: a comparison in one line of counts.

use super::terminal::terminal_safe;
use crate::Report;

/// The line of counts for a report.
pub fn render(report: &Report) -> String {
    use crate::model::{CommitmentKind, Shift};
    let s = report.summary;
    let count = |k| report.commitments.iter().filter(|c| c.kind == k).count();
    let shift = |k| {
        report
            .commitments
            .iter()
            .filter(|c| c.shift == Some(k))
            .count()
    };
    format!(
        "{} \u{2192} {}: {} unchanged, {} added, {} removed, {} reworded, {} moved; commitments: {} kept, {} reworded ({} stronger, {} weaker), {} added, {} dropped\n",
        terminal_safe(&report.old.path),
        terminal_safe(&report.new.path),
        s.unchanged,
        s.added,
        s.removed,
        s.reworded,
        s.moved,
        count(CommitmentKind::Kept),
        count(CommitmentKind::Reworded),
        shift(Shift::Stronger),
        shift(Shift::Weaker),
        count(CommitmentKind::Added),
        count(CommitmentKind::Dropped),
    )
}
