//! The Markdown report (`--format markdown`): a redline to paste into a
//! GitHub pull-request comment or issue.
//!
//! It opens with a heading naming both files, a small table of the two
//! statements, the counts and the digest, then the commitments that changed
//! (reworded with their shift, added, dropped) and every paragraph change
//! with its words redlined: `~~deleted~~ **inserted**`.
//!
//! Bold means one thing: words inserted. Struck-through means words
//! deleted. Labels are headings (`#### Reworded`) or plain text
//! (`Paragraphs: …`, `· stronger`), never bold, so a bold word is always an
//! insertion.
//!
//! Edits are widened to whole words ("ROK-Japan" → "ROK-U.S.-Japan" reads
//! `~~ROK-Japan~~ **ROK-U.S.-Japan**`), so every `~~` and `**` stands next to
//! a space or a line end and always renders, whatever punctuation the words
//! carry. Statement text is escaped so it cannot break the layout or inject
//! HTML; the only HTML written is the tool's own `<details>` and `<summary>`
//! around long paragraphs, with the statement words in them HTML-escaped.

use crate::model::{Change, ChangeKind, Span, SpanTag};
use crate::model::{Commitment, CommitmentChange, CommitmentKind};
use std::io;

use super::sink::{self, Sink};
use crate::{Report, SideInfo};

/// Paragraphs longer than this many words are folded into `<details>`.
const LONG_WORDS: usize = 80;

/// Words of context on each side of an edit in a short excerpt.
const CONTEXT_WORDS: usize = 5;

/// Excerpts shown for one reworded commitment.
const COMMITMENT_EXCERPTS: usize = 2;

/// Words of a long added or removed paragraph shown in its summary line.
const SUMMARY_WORDS: usize = 12;

/// Renders a report as GitHub-flavoured Markdown, ending with a newline.
pub fn render(report: &Report) -> String {
    sink::to_string(|out| write(out, report))
}

/// [`render`], written to `out` as it is made.
pub fn write(out: &mut dyn io::Write, report: &Report) -> io::Result<()> {
    write_capped(out, report, None)
}

/// [`write`](fn@write), at most `limit` bytes long (so at most as many characters):
/// the header, the digest and the commitments are written whole, and the
/// paragraph view stops before the first change that would not fit, with a
/// line that says how many were left out and where the rest is.
pub fn write_capped(
    out: &mut dyn io::Write,
    report: &Report,
    limit: Option<usize>,
) -> io::Result<()> {
    let mut out = Sink::new(out);
    header(&mut out, report);
    let inputs = inputs(report);
    if report.is_same() {
        out.push_str("\nNo changes: the two statements say the same thing.\n");
        out.push_str(&inputs);
        return out.finish();
    }
    let digest = crate::report::digest::digest(report);
    if !digest.is_empty() {
        out.push_str("\n### What changed\n\n");
        for line in &digest {
            out.push_str(&format!("- {}\n", escape(line)));
        }
    }
    commitments(&mut out, report);
    if !report.changes.is_empty() {
        out.push_str("\n### Paragraphs\n");
        for (k, change) in report.changes.iter().enumerate() {
            let Some(limit) = limit else {
                change_block(&mut out, change);
                continue;
            };
            let block = sink::to_string(|bytes| {
                let mut block = Sink::new(bytes);
                change_block(&mut block, change);
                block.finish()
            });
            let left = report.changes.len() - k;
            let cut = cut_line(left);
            // Room for this block, and for the cut line should a later one not fit.
            let more = if left > 1 {
                cut_line(left - 1).len()
            } else {
                0
            };
            if out.len() + block.len() + more + inputs.len() > limit {
                out.push_str(&cut);
                break;
            }
            out.push_str(&block);
        }
    }
    out.push_str(&inputs);
    out.finish()
}

/// The inputs, collapsed: each file's SHA-256 (to verify the report) and
/// the blocks set aside as page chrome.
fn inputs(report: &Report) -> String {
    let n = report.old.set_aside.len() + report.new.set_aside.len();
    let mut out = format!(
        "\n<details><summary>Inputs: SHA-256 and {n} block{} set aside as page chrome</summary>\n\n",
        crate::report::digest::plural(n)
    );
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        out.push_str(&format!(
            "- {name} {} \u{b7} SHA-256 `{}` \u{b7} {}, {}\n",
            escape(&info.path),
            info.sha256,
            info.format,
            info.encoding
        ));
        for (k, block) in info.set_aside.iter().enumerate() {
            let line = if block.line > 0 {
                format!("line {}, ", block.line)
            } else {
                String::new()
            };
            let words: Vec<&str> = block.text.split_whitespace().collect();
            let mut text = words[..words.len().min(SUMMARY_WORDS)].join(" ");
            if words.len() > SUMMARY_WORDS {
                text.push('\u{2026}');
            }
            out.push_str(&format!(
                "  {}. {} ({line}{})\n",
                k + 1,
                escape(&text),
                block.rule.name()
            ));
        }
    }
    out.push_str("\n</details>\n");
    out
}

/// The line that ends a capped paragraph view.
fn cut_line(left: usize) -> String {
    format!(
        "\n_{left} more paragraph change{} not shown: this comment is capped at \
         GitHub's size; the full redline is in the HTML or YAML report \
         (`--format html`, `--format yaml`)._\n",
        crate::report::digest::plural(left)
    )
}

fn header(out: &mut Sink<'_>, report: &Report) {
    out.push_str(&format!(
        "## statement-diff: {} \u{2192} {}\n\n",
        escape(&report.old.path),
        escape(&report.new.path)
    ));
    let dated = report.old.shown_date().is_some() || report.new.shown_date().is_some();
    if dated {
        out.push_str("| | file | title | date | paragraphs |\n|---|---|---|---|--:|\n");
    } else {
        out.push_str("| | file | title | paragraphs |\n|---|---|---|--:|\n");
    }
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        side_row(out, name, info, dated);
    }
    out.push('\n');
    for warning in report.warnings() {
        out.push_str(&format!("**Warning:** {}\n\n", escape(&warning)));
    }
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        let n = info.set_aside.len();
        if n > 0 {
            out.push_str(&format!(
                "Set aside {n} block{} of page chrome in {name} (see `--show-paragraphs`).\n\n",
                crate::report::digest::plural(n)
            ));
        }
    }
    let s = report.summary;
    out.push_str(&format!(
        "Paragraphs: {} unchanged \u{b7} {} added \u{b7} {} removed \u{b7} {} reworded \u{b7} {} moved\n",
        s.unchanged, s.added, s.removed, s.reworded, s.moved
    ));
}

fn side_row(out: &mut Sink<'_>, name: &str, info: &SideInfo, dated: bool) {
    let title = info.title.as_deref().map(escape).unwrap_or_default();
    let mut row = format!("| {name} | {} | {title} |", escape(&info.path));
    if dated {
        let date = info.shown_date().map(escape).unwrap_or_default();
        row.push_str(&format!(" {date} |"));
    }
    row.push_str(&format!(" {} |\n", info.paragraphs));
    out.push_str(&row);
}

/// Commitments that changed, grouped: reworded (with shift and an excerpt
/// of the edit), added, dropped. Kept ones are only counted.
fn commitments(out: &mut Sink<'_>, report: &Report) {
    let of_kind = |kind: CommitmentKind| -> Vec<&CommitmentChange> {
        report
            .commitments
            .iter()
            .filter(|c| c.kind == kind)
            .collect()
    };
    let reworded = of_kind(CommitmentKind::Reworded);
    let added = of_kind(CommitmentKind::Added);
    let dropped = of_kind(CommitmentKind::Dropped);
    if reworded.is_empty() && added.is_empty() && dropped.is_empty() {
        return;
    }
    let kept = of_kind(CommitmentKind::Kept).len();
    out.push_str("\n### Commitments\n\n");
    out.push_str(&format!(
        "{kept} kept word for word \u{b7} {} reworded \u{b7} {} added \u{b7} {} dropped\n",
        reworded.len(),
        added.len(),
        dropped.len()
    ));
    if !reworded.is_empty() {
        out.push_str("\n#### Reworded\n\n");
        for c in &reworded {
            out.push_str(&format!("- {}\n", reworded_commitment(c)));
        }
    }
    for (label, list, new_side) in [("Added", &added, true), ("Dropped", &dropped, false)] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("\n#### {label}\n\n"));
        for c in list.iter() {
            let clause = if new_side { &c.new } else { &c.old };
            if let Some(clause) = clause {
                let side = if new_side { "new" } else { "old" };
                let accepted = if c.review.accepted {
                    " \u{b7} accepted"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "- {side} \u{b6}{}{accepted}: \u{201c}{}\u{201d}\n",
                    clause.paragraph,
                    escape(&crate::report::digest::quote(clause))
                ));
            }
        }
    }
}

fn reworded_commitment(c: &CommitmentChange) -> String {
    let mut line = match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("\u{b6}{} \u{2192} \u{b6}{}", o.paragraph, n.paragraph),
        _ => String::new(),
    };
    if let Some(shift) = c.shift {
        line.push_str(&format!(" \u{b7} {} language", shift.name()));
    }
    if c.review.accepted {
        line.push_str(" \u{b7} accepted");
    }
    if !c.notes.is_empty() {
        let notes: Vec<String> = c.notes.iter().map(|n| escape(n)).collect();
        line.push_str(&format!(" ({})", notes.join("; ")));
    }
    if let (Some(_), Some(n)) = (&c.old, &c.new) {
        line.push_str(": ");
        line.push_str(&commitment_excerpts(&c.spans, n));
    }
    line
}

/// The edits of a reworded commitment, each with a few words around it.
fn commitment_excerpts(spans: &[Span], new: &Commitment) -> String {
    let pieces = pieces(spans);
    let excerpts = excerpts(&pieces, CONTEXT_WORDS);
    if excerpts.is_empty() {
        return format!(
            "\u{201c}{}\u{201d}",
            escape(&crate::report::digest::quote(new))
        );
    }
    let words = new.text.split_whitespace().count();
    let shown = crate::report::digest::edits_listed(words, excerpts.len(), COMMITMENT_EXCERPTS);
    // Neighbouring excerpts end and start with an ellipsis: write one.
    let mut text = excerpts[..shown]
        .iter()
        .map(|e| e.trim_matches('\u{2026}'))
        .collect::<Vec<_>>()
        .join(" \u{2026} ");
    if excerpts[0].starts_with('\u{2026}') {
        text.insert(0, '\u{2026}');
    }
    if excerpts[shown - 1].ends_with('\u{2026}') {
        text.push('\u{2026}');
    }
    if excerpts.len() > shown {
        text.push_str(&format!(
            " (+{} more edit{})",
            excerpts.len() - shown,
            crate::report::digest::plural(excerpts.len() - shown)
        ));
    }
    text
}

fn change_block(out: &mut Sink<'_>, change: &Change) {
    let place = match (&change.old, &change.new) {
        (Some(o), Some(n)) => format!("\u{b6}{} \u{2192} \u{b6}{}", o.index, n.index),
        (Some(o), None) => format!("old \u{b6}{}", o.index),
        (None, Some(n)) => format!("new \u{b6}{}", n.index),
        (None, None) => String::new(),
    };
    let kind = match change.kind {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Reworded => "Reworded",
        ChangeKind::Moved => "Moved",
    };
    let similarity = match change.similarity {
        Some(_) if change.spans.is_empty() => " \u{b7} same words".to_string(),
        Some(s) => format!(" \u{b7} similarity {s:.2}"),
        None => String::new(),
    };
    let accepted = if change.review.accepted {
        " \u{b7} accepted"
    } else {
        ""
    };
    out.push_str(&format!("\n#### {kind} {place}{similarity}{accepted}\n\n"));
    for note in &change.carried {
        out.push_str(&format!("_{}_\n\n", escape(&note.to_string())));
    }
    if let Some(side) = change.truncated.name() {
        out.push_str(&format!(
            "_{} ({side} copy cut short here)_\n\n",
            crate::compare::TRUNCATION_NOTE
        ));
    }

    let old_text = change.old.as_ref().map_or("", |s| s.text.as_str());
    let new_text = change.new.as_ref().map_or("", |s| s.text.as_str());
    let words = old_text
        .split_whitespace()
        .count()
        .max(new_text.split_whitespace().count());
    let redlined = !change.spans.is_empty();
    let pieces = if redlined {
        pieces(&change.spans)
    } else {
        let text = if change.kind == ChangeKind::Removed {
            old_text
        } else {
            new_text
        };
        text.split_whitespace()
            .map(|w| Piece::Word(w.to_string()))
            .collect()
    };
    let paragraph = line_start(&join(&pieces));
    if words <= LONG_WORDS {
        out.push_str(&paragraph);
        out.push('\n');
        return;
    }
    let summary = if redlined {
        for excerpt in excerpts(&pieces, CONTEXT_WORDS) {
            out.push_str(&format!("- {excerpt}\n"));
        }
        out.push('\n');
        format!("Whole paragraph ({words} words)")
    } else {
        let text = if change.kind == ChangeKind::Removed {
            old_text
        } else {
            new_text
        };
        let first: Vec<&str> = text.split_whitespace().take(SUMMARY_WORDS).collect();
        format!(
            "{}\u{2026} ({words} words)",
            super::html::esc(&first.join(" "))
        )
    };
    out.push_str(&format!(
        "<details><summary>{summary}</summary>\n\n{paragraph}\n\n</details>\n"
    ));
}

/// A word of a redline, or an edit widened to whole words. Pieces are
/// written separated by single spaces.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// A word in both paragraphs, with its punctuation.
    Word(String),
    /// Whole words of the old paragraph replaced by whole words of the new
    /// one (either may be empty).
    Edit { old: String, new: String },
}

/// Cuts a redline into words and edits. An edit runs from a word boundary
/// to a word boundary on both sides, so it can be written between spaces.
fn pieces(spans: &[Span]) -> Vec<Piece> {
    let chars: Vec<(SpanTag, char)> = spans
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (s.tag, c)))
        .collect();
    let n = chars.len();
    let on_old = |t: SpanTag| t != SpanTag::Inserted;
    let on_new = |t: SpanTag| t != SpanTag::Deleted;
    // For each position, the previous and next character of each side.
    let mut prev: Vec<(Option<char>, Option<char>)> = Vec::with_capacity(n + 1);
    let (mut last_old, mut last_new) = (None, None);
    for k in 0..=n {
        prev.push((last_old, last_new));
        if let Some(&(tag, c)) = chars.get(k) {
            if on_old(tag) {
                last_old = Some(c);
            }
            if on_new(tag) {
                last_new = Some(c);
            }
        }
    }
    let mut next: Vec<(Option<char>, Option<char>)> = vec![(None, None); n + 1];
    let (mut first_old, mut first_new) = (None, None);
    for k in (0..=n).rev() {
        if let Some(&(tag, c)) = chars.get(k) {
            if on_old(tag) {
                first_old = Some(c);
            }
            if on_new(tag) {
                first_new = Some(c);
            }
        }
        next[k] = (first_old, first_new);
    }
    let open = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let cut =
        |k: usize| (open(prev[k].0) || open(next[k].0)) && (open(prev[k].1) || open(next[k].1));

    // Clusters between cuts: a word, a space, or part of an edit.
    let mut units: Vec<(bool, String, String)> = Vec::new();
    let mut start = 0;
    for k in 1..=n {
        if k < n && !cut(k) {
            continue;
        }
        let cluster = &chars[start..k];
        let changed = cluster.iter().any(|(t, _)| *t != SpanTag::Same);
        let old: String = cluster
            .iter()
            .filter(|(t, _)| on_old(*t))
            .map(|(_, c)| c)
            .collect();
        let new: String = cluster
            .iter()
            .filter(|(t, _)| on_new(*t))
            .map(|(_, c)| c)
            .collect();
        match units.last_mut() {
            Some((true, o, w)) if changed => {
                o.push_str(&old);
                w.push_str(&new);
            }
            _ => units.push((changed, old, new)),
        }
        start = k;
    }

    let mut pieces = Vec::new();
    for (changed, old, new) in units {
        if changed {
            let (old, new) = (tidy(&old), tidy(&new));
            if !old.is_empty() || !new.is_empty() {
                pieces.push(Piece::Edit { old, new });
            }
        } else {
            pieces.extend(old.split_whitespace().map(|w| Piece::Word(w.to_string())));
        }
    }
    pieces
}

/// Folds white space runs into single spaces and trims.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn piece(p: &Piece) -> String {
    match p {
        Piece::Word(w) => escape(w),
        Piece::Edit { old, new } => {
            let mut out = String::new();
            if !old.is_empty() {
                out.push_str(&format!("~~{}~~", escape(old)));
            }
            if !new.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&format!("**{}**", escape(new)));
            }
            out
        }
    }
}

fn join(pieces: &[Piece]) -> String {
    pieces.iter().map(piece).collect::<Vec<_>>().join(" ")
}

/// Each edit with up to `context` words either side; edits close together
/// share one excerpt. Excerpts that do not reach a paragraph end are marked
/// with an ellipsis.
fn excerpts(pieces: &[Piece], context: usize) -> Vec<String> {
    let edits: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Piece::Edit { .. }))
        .map(|(k, _)| k)
        .collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for k in edits {
        let from = k.saturating_sub(context);
        let to = (k + context + 1).min(pieces.len());
        match ranges.last_mut() {
            Some((_, end)) if from <= *end => *end = to,
            _ => ranges.push((from, to)),
        }
    }
    ranges
        .into_iter()
        .map(|(from, to)| {
            let mut text = join(&pieces[from..to]);
            if from > 0 {
                text.insert(0, '\u{2026}');
            } else {
                text = line_start(&text);
            }
            if to < pieces.len() {
                text.push('\u{2026}');
            }
            text
        })
        .collect()
}

/// Escapes what Markdown (CommonMark and GitHub's extensions) would read as
/// markup: emphasis, strike-through, code, links, tables, headings,
/// entities, math, mentions; `<` and `>` become `&lt;` and `&gt;`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' | '#' | '&' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // Entities rather than `\<`: no `<` of the statement's is left
            // in the Markdown source for anything to take as a tag.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A paragraph is one line: a line break would end a table row
            // or a list item.
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a block marker at the start of a line: a list bullet (`-`, `+`),
/// a numbered item (`3.`, `2)`) or a setext underline (`=`). The other
/// markers (`#`, `*`, and `>` as `&gt;`) are escaped everywhere.
fn line_start(text: &str) -> String {
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(tag: SpanTag, text: &str) -> Span {
        Span {
            tag,
            text: text.into(),
        }
    }

    #[test]
    fn edits_widen_to_whole_words() {
        let spans = [
            span(SpanTag::Same, "the ROK-"),
            span(SpanTag::Inserted, "U.S.-"),
            span(SpanTag::Same, "Japan talks"),
        ];
        assert_eq!(
            join(&pieces(&spans)),
            "the ~~ROK-Japan~~ **ROK-U.S.-Japan** talks"
        );
    }

    #[test]
    fn replaced_words_stay_apart_from_their_neighbours() {
        let spans = [
            span(SpanTag::Same, "hold the "),
            span(SpanTag::Deleted, "15th"),
            span(SpanTag::Inserted, "16th"),
            span(SpanTag::Same, " Talks, "),
            span(SpanTag::Inserted, "including \"X,\" "),
            span(SpanTag::Same, "now."),
        ];
        assert_eq!(
            join(&pieces(&spans)),
            "hold the ~~15th~~ **16th** Talks, **including \"X,\"** now."
        );
    }

    #[test]
    fn markup_in_statement_text_is_escaped() {
        assert_eq!(
            escape("<b>*a*</b> _b_ [c](d) | #1 `e` ~f~ a\\b & $x @y"),
            "&lt;b&gt;\\*a\\*&lt;/b&gt; \\_b\\_ \\[c\\](d) \\| \\#1 \\`e\\` \\~f\\~ a\\\\b \\& \\$x \\@y"
        );
        assert_eq!(line_start("3. The officials"), "3\\. The officials");
        assert_eq!(line_start("- item"), "\\- item");
        assert_eq!(line_start("2024 was"), "2024 was");
    }

    #[test]
    fn excerpts_merge_close_edits_and_mark_cuts() {
        let words = |s: &str| {
            s.split(' ')
                .map(|w| Piece::Word(w.into()))
                .collect::<Vec<_>>()
        };
        let mut p = words("a b c d e f g h");
        p.insert(
            4,
            Piece::Edit {
                old: "x".into(),
                new: "y".into(),
            },
        );
        assert_eq!(excerpts(&p, 2), vec!["\u{2026}c d ~~x~~ **y** e f\u{2026}"]);
    }
}
