//! `--show-paragraphs`: a statement as the tool read it, its numbered
//! paragraphs and the page chrome set aside, to check the reading.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use super::terminal::{Palette, terminal_safe};
use crate::document::Document;

/// Writes a document's numbered paragraphs and what was set aside.
pub fn render(out: &mut impl Write, doc: &Document, p: &Palette, width: usize) -> io::Result<()> {
    writeln!(
        out,
        "{} ({} paragraphs, {}, {})",
        terminal_safe(&doc.name).style(p.strong),
        doc.paragraphs.len(),
        doc.format.name(),
        doc.encoding
    )?;
    if let Some(title) = &doc.title {
        writeln!(out, "  title: {}", terminal_safe(title))?;
    }
    if let Some(kind) = &doc.kind {
        writeln!(out, "  kind: {kind}")?;
    }
    if let Some(date) = &doc.meeting_date {
        writeln!(out, "  meeting date: {date}")?;
    }
    if let Some(date) = &doc.date {
        writeln!(out, "  date: {}", terminal_safe(date))?;
    }
    if let Some(place) = &doc.place {
        writeln!(out, "  place: {}", terminal_safe(place))?;
    }
    if let Some(attribution) = &doc.attribution {
        writeln!(out, "  attribution: {}", terminal_safe(attribution))?;
    }
    if let Some(how) = doc.truncated {
        writeln!(out, "  ends {}: truncated copy?", how.name())?;
    }
    for para in &doc.paragraphs {
        let mut text = terminal_safe(&para.text).into_owned();
        let room = width.saturating_sub(14).max(30);
        if text.chars().count() > room {
            text = text
                .chars()
                .take(room.saturating_sub(1))
                .collect::<String>()
                + "\u{2026}";
        }
        writeln!(out, "  \u{b6}{:<3} {}", para.index, text)?;
    }
    if !doc.metadata.is_empty() {
        writeln!(
            out,
            "  {}",
            format!("taken as metadata ({}):", doc.metadata.len()).style(p.dim)
        )?;
        for meta in &doc.metadata {
            let mut text = terminal_safe(&meta.text).into_owned();
            if text.chars().count() > 70 {
                text = text.chars().take(69).collect::<String>() + "\u{2026}";
            }
            let line = format!(
                "    {:<11} line {:<4} {}",
                meta.role.name(),
                meta.line,
                text
            );
            writeln!(out, "{}", line.style(p.dim))?;
        }
    }
    if !doc.set_aside.is_empty() {
        writeln!(
            out,
            "  {}",
            format!("set aside ({}):", doc.set_aside.len()).style(p.dim)
        )?;
        for block in &doc.set_aside {
            let mut text = terminal_safe(&block.text).into_owned();
            if text.chars().count() > 70 {
                text = text.chars().take(69).collect::<String>() + "\u{2026}";
            }
            let why = match block.why {
                "" => String::new(),
                why => format!("  ({why})"),
            };
            let line = format!(
                "    {:<9} line {:<4} {}{}",
                block.rule.name(),
                block.line,
                text,
                why
            );
            writeln!(out, "{}", line.style(p.dim))?;
        }
    }
    writeln!(out)
}
