//! The terminal report: a header with both files and the counts, then each
//! change in document order with its words redlined inline.
//!
//! Colors come from a [`Palette`] decided once by the caller; with the plain
//! palette the redline reads `[-deleted-]{+inserted+}` like `git diff
//! --word-diff=plain`.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use unicode_width::UnicodeWidthStr;

use crate::model::{CarriedHow, Change, ChangeKind, Span, SpanTag};
use crate::{Report, SideInfo};

/// The styles of a report. Every style a renderer uses is a field here, so
/// the plain palette writes no escape codes at all.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Whether markers like `[-…-]` are written (plain output).
    pub markers: bool,
    /// Headings and file names.
    pub strong: Style,
    /// Secondary text (counts, notes).
    pub dim: Style,
    /// Added paragraphs and their label.
    pub added: Style,
    /// Removed paragraphs and their label.
    pub removed: Style,
    /// Reworded label.
    pub reworded: Style,
    /// Moved label.
    pub moved: Style,
    /// Inserted words.
    pub inserted_word: Style,
    /// Deleted words.
    pub deleted_word: Style,
}

impl Palette {
    /// Colors for a terminal.
    pub fn colored() -> Palette {
        Palette {
            markers: false,
            strong: Style::new().bold(),
            dim: Style::new().dimmed(),
            added: Style::new().green(),
            removed: Style::new().red(),
            reworded: Style::new().yellow().bold(),
            moved: Style::new().cyan().bold(),
            inserted_word: Style::new().green().bold().underline(),
            deleted_word: Style::new().red().strikethrough(),
        }
    }

    /// No colors: markers show the edits instead.
    pub fn plain() -> Palette {
        let p = Style::new();
        Palette {
            markers: true,
            strong: p,
            dim: p,
            added: p,
            removed: p,
            reworded: p,
            moved: p,
            inserted_word: p,
            deleted_word: p,
        }
    }
}

/// How the terminal report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Wrap paragraphs to this many columns.
    pub width: usize,
    /// Also list the unchanged paragraphs.
    pub all: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 100,
            all: false,
        }
    }
}

const INDENT: &str = "    ";

/// Text made safe for a terminal: control characters (escape sequences,
/// bell, backspace, C1 controls) and bidirectional overrides are shown
/// escaped (`\x1b`, `<U+202E>`) instead of being obeyed, so a hostile file
/// cannot recolor, retitle, hide or reorder what the report shows.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
    if !text.chars().any(|c| c.is_control() || bidi(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if bidi(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A copy of the report whose every text is [`terminal_safe`].
fn sanitized(report: &Report) -> Report {
    let safe = |s: &str| terminal_safe(s).into_owned();
    let mut r = report.clone();
    for info in [&mut r.old, &mut r.new] {
        info.path = safe(&info.path);
        info.title = info.title.as_deref().map(safe);
        info.date = info.date.as_deref().map(safe);
        info.meeting_date = info.meeting_date.as_deref().map(safe);
        info.kind = info.kind.as_deref().map(safe);
        info.attribution = info.attribution.as_deref().map(safe);
        info.place = info.place.as_deref().map(safe);
    }
    for change in &mut r.changes {
        for side in [&mut change.old, &mut change.new].into_iter().flatten() {
            side.text = safe(&side.text);
        }
        for span in &mut change.spans {
            span.text = safe(&span.text);
        }
        for carried in &mut change.carried {
            if let CarriedHow::Sentences { quote, .. } = &mut carried.how {
                *quote = safe(quote);
            }
        }
    }
    for u in &mut r.unchanged {
        u.old.text = safe(&u.old.text);
    }
    for c in &mut r.commitments {
        for side in [&mut c.old, &mut c.new].into_iter().flatten() {
            side.text = safe(&side.text);
            side.verb = safe(&side.verb);
            side.subject = side.subject.as_deref().map(safe);
        }
        c.notes = c.notes.iter().map(|n| safe(n)).collect();
        for span in &mut c.spans {
            span.text = safe(&span.text);
        }
        for e in &mut c.edits {
            for text in [&mut e.before, &mut e.deleted, &mut e.inserted, &mut e.after] {
                *text = safe(text);
            }
        }
    }
    for t in &mut r.terms {
        t.term = safe(&t.term);
    }
    r
}

/// Writes the terminal report.
pub fn render(
    out: &mut impl Write,
    report: &Report,
    palette: &Palette,
    layout: &Layout,
) -> io::Result<()> {
    let report = &sanitized(report);
    header(out, report, palette, layout.width)?;
    let digest = crate::report::digest::digest(report);
    if report.is_same() {
        // What is said about the statements may change while what they
        // say does not (a joint statement become a unilateral one).
        if !digest.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", "What changed".style(palette.strong))?;
            for line in &digest {
                hanging(out, "  \u{b7} ", 4, line, layout.width)?;
            }
        }
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            "No changes: the two statements say the same thing.".style(palette.strong)
        )?;
        return Ok(());
    }
    if !digest.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", "What changed".style(palette.strong))?;
        for line in &digest {
            hanging(out, "  \u{b7} ", 4, line, layout.width)?;
        }
    }
    commitments(out, report, palette, layout.width)?;
    if !report.changes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", "Paragraphs".style(palette.strong))?;
    }
    let mut unchanged = report.unchanged.iter().peekable();
    for change in &report.changes {
        if layout.all {
            let before = change.new.as_ref().map_or(usize::MAX, |s| s.index);
            while let Some(u) = unchanged.next_if(|u| u.new_index < before) {
                unchanged_block(out, u, palette, layout)?;
            }
        }
        writeln!(out)?;
        change_block(out, change, palette, layout)?;
    }
    if layout.all {
        for u in unchanged {
            unchanged_block(out, u, palette, layout)?;
        }
    }
    Ok(())
}

/// Commitments grouped by kind: the shifted and reworded ones, then added
/// and dropped; kept ones are counted in the digest.
fn commitments(out: &mut impl Write, report: &Report, p: &Palette, width: usize) -> io::Result<()> {
    use crate::model::CommitmentKind;
    use crate::report::digest::quote;
    let changed: Vec<_> = report
        .commitments
        .iter()
        .filter(|c| c.kind != CommitmentKind::Kept)
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", "Commitments".style(p.strong))?;
    for kind in [
        CommitmentKind::Reworded,
        CommitmentKind::Added,
        CommitmentKind::Dropped,
    ] {
        for c in changed.iter().filter(|c| c.kind == kind) {
            let (label, style) = match kind {
                CommitmentKind::Reworded => ("~ reworded", p.reworded),
                CommitmentKind::Added => ("+ added   ", p.added),
                _ => ("- dropped ", p.removed),
            };
            let place = match (&c.old, &c.new) {
                (Some(o), Some(n)) => format!("\u{b6}{}\u{2192}\u{b6}{}", o.paragraph, n.paragraph),
                (Some(o), None) => format!("old \u{b6}{}", o.paragraph),
                (None, Some(n)) => format!("new \u{b6}{}", n.paragraph),
                (None, None) => String::new(),
            };
            let shift = c
                .shift
                .map(|s| format!(" [{}]", s.name()))
                .unwrap_or_default();
            let text = match (&c.old, &c.new) {
                (Some(_), Some(n)) => {
                    let words = n.text.split_whitespace().count();
                    format!(
                        "\u{201c}{}\u{201d}{}",
                        quote(n),
                        what_changed(&c.edits, words)
                    )
                }
                (Some(o), None) => format!("\u{201c}{}\u{201d}", quote(o)),
                (None, Some(n)) => format!("\u{201c}{}\u{201d}", quote(n)),
                (None, None) => String::new(),
            };
            let text = if c.review.accepted {
                format!("{text}  (accepted)")
            } else {
                text
            };
            let prefix = format!(
                "  {} {}{} ",
                label.style(style),
                format!("{place:<9}").style(p.dim),
                shift.style(p.strong)
            );
            let prefix_width = 2
                + label.chars().count()
                + 1
                + place.chars().count().max(9)
                + shift.chars().count()
                + 1;
            hanging(out, &prefix, prefix_width, &text, width)?;
        }
    }
    Ok(())
}

fn header(out: &mut impl Write, report: &Report, p: &Palette, width: usize) -> io::Result<()> {
    side_line(out, "old", &report.old, p, width)?;
    side_line(out, "new", &report.new, p, width)?;
    for warning in report.warnings() {
        writeln!(
            out,
            "{INDENT}{}",
            format!("warning: {warning}").style(p.reworded)
        )?;
    }
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        let n = info.set_aside.len();
        if n > 0 {
            let what = if n == 1 { "block" } else { "blocks" };
            let line =
                format!("set aside {n} {what} of page chrome in {name} (see --show-paragraphs)");
            write!(out, "{INDENT}")?;
            let pieces = words(&line, p.dim, 0);
            wrapped(out, &pieces, INDENT.len(), INDENT.len() + 2, width)?;
        }
    }
    let s = report.summary;
    let counts = [
        (s.unchanged, "unchanged", p.dim),
        (s.added, "added", p.added),
        (s.removed, "removed", p.removed),
        (s.reworded, "reworded", p.reworded),
        (s.moved, "moved", p.moved),
    ];
    let mut pieces = Vec::new();
    for (k, (n, label, style)) in counts.iter().enumerate() {
        if k > 0 {
            pieces.push(Piece {
                text: "\u{b7}".into(),
                style: p.dim,
                gap: 1,
            });
        }
        pieces.push(Piece {
            text: format!("{n} {label}"),
            style: if *n > 0 && k > 0 { *style } else { p.dim },
            gap: if k == 0 { 2 } else { 1 },
        });
    }
    wrapped(out, &pieces, 0, 2, width)
}

/// A word to wrap, in its style, after `gap` spaces (when on the same line).
pub(super) struct Piece {
    pub(super) text: String,
    pub(super) style: Style,
    pub(super) gap: usize,
}

/// The words of `text` as pieces in `style`, the first after `gap` spaces.
pub(super) fn words(text: &str, style: Style, gap: usize) -> Vec<Piece> {
    text.split_whitespace()
        .enumerate()
        .map(|(k, w)| Piece {
            text: w.to_string(),
            style,
            gap: if k == 0 { gap } else { 1 },
        })
        .collect()
}

/// Writes pieces from `column` on, wrapped to `width`, continuation lines
/// indented by `indent`; ends the line.
pub(super) fn wrapped(
    out: &mut impl Write,
    pieces: &[Piece],
    mut column: usize,
    indent: usize,
    width: usize,
) -> io::Result<()> {
    let mut line_start = true;
    for piece in pieces {
        let w = UnicodeWidthStr::width(piece.text.as_str());
        if !line_start && column + piece.gap + w > width && column > indent {
            writeln!(out)?;
            write!(out, "{:indent$}", "")?;
            column = indent;
        } else {
            write!(out, "{:gap$}", "", gap = piece.gap)?;
            column += piece.gap;
        }
        write!(out, "{}", piece.text.style(piece.style))?;
        column += w;
        line_start = false;
    }
    writeln!(out)
}

fn side_line(
    out: &mut impl Write,
    name: &str,
    info: &SideInfo,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    let mut detail = vec![format!("{} paragraphs", info.paragraphs)];
    if let Some(date) = info.shown_date() {
        detail.push(date.to_string());
    }
    if let Some(place) = &info.place {
        detail.push(place.clone());
    }
    if info.format != "text" {
        detail.push(info.format.to_string());
    }
    let label = format!("{name}:");
    write!(out, "{}", label.style(p.dim))?;
    let mut pieces = vec![Piece {
        text: info.path.clone(),
        style: p.strong,
        gap: 1,
    }];
    if let Some(title) = &info.title {
        pieces.extend(words(title, Style::new(), 2));
    }
    let column = label.len();
    // The details stay together when they fit on a line of their own.
    let detail = format!("({})", detail.join(", "));
    if UnicodeWidthStr::width(detail.as_str()) + column < width {
        pieces.push(Piece {
            text: detail,
            style: p.dim,
            gap: 2,
        });
    } else {
        pieces.extend(words(&detail, p.dim, 2));
    }
    wrapped(out, &pieces, column, column + 1, width)
}

/// The word edits between two commitments: " (recent → continued;
/// + with Russia)"; every one for a short commitment, else the first few.
fn what_changed(edits: &[crate::model::Edit], words: usize) -> String {
    let shown = crate::report::digest::edits_listed(words, edits.len(), 2);
    let cut = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        if words.len() > 6 {
            format!("{}\u{2026}", words[..6].join(" "))
        } else {
            words.join(" ")
        }
    };
    let mut parts: Vec<String> = edits
        .iter()
        .take(shown)
        .map(|e| match (e.deleted.is_empty(), e.inserted.is_empty()) {
            (true, _) => format!("+ {}", cut(&e.inserted)),
            (_, true) => format!("\u{2212} {}", cut(&e.deleted)),
            _ => format!("{} \u{2192} {}", cut(&e.deleted), cut(&e.inserted)),
        })
        .collect();
    if edits.len() > shown {
        parts.push(format!("{} more", edits.len() - shown));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// Writes `prefix` (already styled, `prefix_width` columns wide) and `text`
/// wrapped to `width`, continuation lines indented under the text.
fn hanging(
    out: &mut impl Write,
    prefix: &str,
    prefix_width: usize,
    text: &str,
    width: usize,
) -> io::Result<()> {
    let indent = if prefix_width + 20 > width {
        4
    } else {
        prefix_width
    };
    write!(out, "{prefix}")?;
    let mut column = prefix_width;
    let mut first = true;
    for word in text.split_whitespace() {
        let w = UnicodeWidthStr::width(word);
        if !first && column + 1 + w > width {
            writeln!(out)?;
            write!(out, "{:indent$}", "")?;
            column = indent;
        } else if !first {
            write!(out, " ")?;
            column += 1;
        }
        write!(out, "{word}")?;
        column += w;
        first = false;
    }
    writeln!(out)
}

/// An unchanged paragraph, dimmed (`--all`).
fn unchanged_block(
    out: &mut impl Write,
    u: &crate::model::Unchanged,
    p: &Palette,
    layout: &Layout,
) -> io::Result<()> {
    writeln!(out)?;
    let label = format!(
        "= unchanged  \u{b6}{} \u{2192} \u{b6}{}",
        u.old.index, u.new_index
    );
    writeln!(out, "{}", label.style(p.dim))?;
    let span = Span {
        tag: SpanTag::Same,
        text: u.old.text.clone(),
    };
    wrap(out, &[span], p, p.dim, layout.width)
}

fn change_block(
    out: &mut impl Write,
    change: &Change,
    p: &Palette,
    layout: &Layout,
) -> io::Result<()> {
    let (label, style) = match change.kind {
        ChangeKind::Added => ("+ added", p.added),
        ChangeKind::Removed => ("- removed", p.removed),
        ChangeKind::Reworded => ("~ reworded", p.reworded),
        ChangeKind::Moved => ("\u{2195} moved", p.moved),
    };
    let place = match (&change.old, &change.new) {
        (Some(o), Some(n)) => format!("\u{b6}{} \u{2192} \u{b6}{}", o.index, n.index),
        (Some(o), None) => format!("old \u{b6}{}", o.index),
        (None, Some(n)) => format!("new \u{b6}{}", n.index),
        (None, None) => String::new(),
    };
    let similarity = match change.similarity {
        Some(_) if change.spans.is_empty() => " (same words)".to_string(),
        Some(s) => format!(" (similarity {s:.2})"),
        None => String::new(),
    };
    let accepted = if change.review.accepted {
        "  (accepted)"
    } else {
        ""
    };
    writeln!(
        out,
        "{}  {}{}{}",
        label.style(style),
        place.style(p.strong),
        similarity.style(p.dim),
        accepted.style(p.dim)
    )?;
    for note in &change.carried {
        writeln!(out, "    {}", format!("\u{21b3} {note}").style(p.dim))?;
    }
    if let Some(side) = change.truncated.name() {
        let note = format!(
            "\u{21b3} {} ({side} copy cut short here)",
            crate::compare::TRUNCATION_NOTE
        );
        writeln!(out, "    {}", note.style(p.dim))?;
    }
    match change.kind {
        ChangeKind::Added | ChangeKind::Removed => {
            let (side, tag, style) = if change.kind == ChangeKind::Added {
                (&change.new, SpanTag::Inserted, p.added)
            } else {
                (&change.old, SpanTag::Deleted, p.removed)
            };
            let text = side.as_ref().map(|s| s.text.clone()).unwrap_or_default();
            wrap(out, &[Span { tag, text }], p, style, layout.width)
        }
        ChangeKind::Reworded | ChangeKind::Moved if change.spans.is_empty() => {
            let text = change
                .new
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            wrap(
                out,
                &[Span {
                    tag: SpanTag::Same,
                    text,
                }],
                p,
                Style::new(),
                layout.width,
            )
        }
        ChangeKind::Reworded | ChangeKind::Moved => {
            wrap(out, &change.spans, p, Style::new(), layout.width)
        }
    }
}

/// Writes spans as an indented, wrapped paragraph. Whole-paragraph spans
/// (added, removed) take `base`; word spans take the word styles and, with
/// the plain palette, markers. Lines break only at white space.
fn wrap(
    out: &mut impl Write,
    spans: &[Span],
    p: &Palette,
    base: Style,
    width: usize,
) -> io::Result<()> {
    let whole = spans.len() == 1 && spans[0].tag != SpanTag::Same;
    let limit = width.max(INDENT.len() + 20);
    write!(out, "{INDENT}")?;
    let mut column = INDENT.len();
    let mut pending_space = false;
    let mut previous = SpanTag::Same;
    for span in spans {
        let (style, open, close) = match (span.tag, whole) {
            (_, true) | (SpanTag::Same, _) => (base, "", ""),
            (SpanTag::Deleted, false) => (p.deleted_word, "[-", "-]"),
            (SpanTag::Inserted, false) => (p.inserted_word, "{+", "+}"),
        };
        let (open, close) = if p.markers { (open, close) } else { ("", "") };
        let core = span.text.trim();
        pending_space |= span.text.starts_with(char::is_whitespace);
        let words: Vec<&str> = core.split_whitespace().collect();
        for (k, word) in words.iter().enumerate() {
            let first = if k == 0 { open } else { "" };
            let last = if k + 1 == words.len() { close } else { "" };
            let piece = format!("{first}{word}{last}");
            let w = UnicodeWidthStr::width(piece.as_str());
            // A deletion followed straight by an insertion ("[-Kano-]{+Yamato")
            // may break between the two, without a space.
            let glued_edit =
                k == 0 && !pending_space && span.tag != SpanTag::Same && previous != SpanTag::Same;
            if glued_edit && column + w > limit && column > INDENT.len() {
                writeln!(out)?;
                write!(out, "{INDENT}")?;
                column = INDENT.len();
            } else if k > 0 || pending_space {
                if column + 1 + w > limit && column > INDENT.len() {
                    writeln!(out)?;
                    write!(out, "{INDENT}")?;
                    column = INDENT.len();
                } else {
                    write!(out, " ")?;
                    column += 1;
                }
            }
            write!(out, "{}", piece.style(style))?;
            column += w;
            pending_space = false;
        }
        pending_space |= !core.is_empty() && span.text.ends_with(char::is_whitespace)
            || (core.is_empty() && !span.text.is_empty());
        if !core.is_empty() {
            previous = span.tag;
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("plain text"), "plain text");
        assert_eq!(terminal_safe("a\u{1b}[31mred\u{7}"), "a\\x1b[31mred\\x07");
        assert_eq!(terminal_safe("\u{1b}]0;title\u{7}"), "\\x1b]0;title\\x07");
        assert_eq!(terminal_safe("x\u{8}y\u{9b}2J"), "x\\x08y\\x9b2J");
        assert_eq!(terminal_safe("abc\u{202E}fed"), "abc<U+202E>fed");
    }

    #[test]
    fn a_hostile_statement_cannot_write_escape_codes() {
        use crate::chrome::Chrome;
        use crate::document::Document;
        let chrome = Chrome::none();
        let old = Document::from_text("old.txt", "They met.\n\nThey agreed to talk.", &chrome);
        let new = Document::from_text(
            "new.txt",
            "They met.\n\nThey agreed \u{1b}]0;pwned\u{7}\u{1b}[8m to talk\u{202E}.",
            &chrome,
        );
        let report = crate::compare(&old, &new, &crate::Options::default());
        let mut buf = Vec::new();
        render(&mut buf, &report, &Palette::plain(), &Layout::default()).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202E}'),
            "{text}"
        );
        assert!(text.contains("\\x1b]0;pwned"), "{text}");
    }
}
