//! Series reports: a compact timeline for a terminal (rows are lineages,
//! columns are rounds), and the YAML `statement-diff/series-1` document.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthChar;

use super::terminal::{Palette, terminal_safe};
use super::yaml::{Tool, YamlEdit, YamlSummary, to_yaml};
use crate::series::{Lineage, SeriesReport, State};

/// The schema name of series reports.
pub const SCHEMA: &str = "statement-diff/series-1";

/// The YAML series document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlSeries {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The tool that wrote it.
    pub tool: Tool,
    /// The rounds in order.
    pub rounds: Vec<YamlRound>,
    /// Each round compared with the next.
    pub steps: Vec<YamlStep>,
    /// Paragraph lineages.
    pub paragraphs: Vec<YamlLineage>,
    /// Commitment lineages.
    pub commitments: Vec<YamlLineage>,
}

/// One round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlRound {
    /// 1-based round.
    pub round: usize,
    /// The file.
    pub path: String,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// Title, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Date, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date of the meeting the opening tells, when found (what
    /// `--order date` sorts by first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<String>,
    /// Place, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// One step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlStep {
    /// Round compared from (1-based).
    pub from: usize,
    /// Round compared to.
    pub to: usize,
    /// Paragraph counts.
    pub summary: YamlSummary,
    /// Commitment counts.
    pub commitments: YamlCommitmentCounts,
}

/// Commitment counts of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlCommitmentCounts {
    /// Kept word for word.
    pub kept: usize,
    /// Reworded.
    pub reworded: usize,
    /// Added.
    pub added: usize,
    /// Dropped.
    pub dropped: usize,
}

/// A lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlLineage {
    /// Its text in its latest appearance.
    pub text: String,
    /// The round it first appeared in (1-based).
    pub first: usize,
    /// What it did in each round from its first on (absent rounds left out).
    pub history: Vec<YamlCell>,
}

/// A lineage in one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlCell {
    /// 1-based round.
    pub round: usize,
    /// new, same, reworded, moved, gone or returned.
    pub state: String,
    /// 1-based paragraph in that round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Similarity to its previous appearance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Word edits from its previous appearance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<YamlEdit>,
}

impl YamlSeries {
    /// The YAML document of a series report.
    pub fn from_report(report: &SeriesReport) -> YamlSeries {
        let lineage = |l: &Lineage| YamlLineage {
            text: l.text.clone(),
            first: l.first() + 1,
            history: l
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.state != State::Absent)
                .map(|(r, c)| YamlCell {
                    round: r + 1,
                    state: c.state.name().into(),
                    paragraph: c.paragraph,
                    similarity: c.similarity,
                    edits: c.edits.iter().map(YamlEdit::from).collect(),
                })
                .collect(),
        };
        YamlSeries {
            schema: SCHEMA.into(),
            tool: Tool {
                name: env!("CARGO_PKG_NAME").into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            rounds: report
                .rounds
                .iter()
                .enumerate()
                .map(|(i, r)| YamlRound {
                    round: i + 1,
                    path: r.path.clone(),
                    paragraphs: r.paragraphs,
                    title: r.title.clone(),
                    date: r.date.clone(),
                    meeting_date: r.meeting_date.clone(),
                    place: r.place.clone(),
                })
                .collect(),
            steps: report
                .steps
                .iter()
                .map(|s| YamlStep {
                    from: s.from + 1,
                    to: s.from + 2,
                    summary: YamlSummary::from(s.summary),
                    commitments: YamlCommitmentCounts {
                        kept: s.commitments[0],
                        reworded: s.commitments[1],
                        added: s.commitments[2],
                        dropped: s.commitments[3],
                    },
                })
                .collect(),
            paragraphs: report.paragraphs.iter().map(lineage).collect(),
            commitments: report.commitments.iter().map(lineage).collect(),
        }
    }
}

/// Renders a series as YAML.
pub fn render_yaml(report: &SeriesReport) -> String {
    to_yaml(&YamlSeries::from_report(report))
}

/// `--stat` for a series: one line of counts per step, as for a pair.
pub fn render_stat(report: &SeriesReport) -> String {
    let mut out = String::new();
    for step in &report.steps {
        let s = step.summary;
        let [kept, reworded, added, dropped] = step.commitments;
        out.push_str(&format!(
            "{} \u{2192} {}: {} unchanged, {} added, {} removed, {} reworded, {} moved; commitments: {kept} kept, {reworded} reworded, {added} added, {dropped} dropped\n",
            terminal_safe(&report.rounds[step.from].path),
            terminal_safe(&report.rounds[step.from + 1].path),
            s.unchanged,
            s.added,
            s.removed,
            s.reworded,
            s.moved,
        ));
    }
    out
}

fn glyph(state: State, p: &Palette) -> (&'static str, Style) {
    match state {
        State::Absent => ("\u{b7}", p.dim),
        State::New => ("+", p.added),
        State::Same => ("=", p.dim),
        State::Reworded => ("~", p.reworded),
        State::Moved => ("\u{2195}", p.moved),
        State::Gone => ("-", p.removed),
        State::Returned => ("\u{21ba}", p.added),
    }
}

/// Cuts text to `width` columns, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    let text = terminal_safe(text);
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            out.push('\u{2026}');
            used += 1;
            break;
        }
        out.push(ch);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Writes the terminal timeline.
pub fn render_terminal(
    out: &mut impl Write,
    report: &SeriesReport,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    let n = report.rounds.len();
    writeln!(out, "{}", format!("Series of {n} rounds").style(p.strong))?;
    for (i, r) in report.rounds.iter().enumerate() {
        let mut detail = vec![format!("{} paragraphs", r.paragraphs)];
        if let Some(date) = r.shown_date() {
            detail.push(terminal_safe(date).into_owned());
        }
        if let Some(place) = &r.place {
            detail.push(terminal_safe(place).into_owned());
        }
        let title = terminal_safe(r.title.as_deref().unwrap_or(""));
        writeln!(
            out,
            "  {:>2}  {}  {}  {}",
            i + 1,
            terminal_safe(&r.path).style(p.strong),
            title,
            format!("({})", detail.join(", ")).style(p.dim)
        )?;
    }
    let column = 3;
    let label = width.saturating_sub(4 + n * column).max(20);
    for (name, lineages) in [
        ("Paragraphs", &report.paragraphs),
        ("Commitments", &report.commitments),
    ] {
        writeln!(out)?;
        write!(out, "{}", fit(name, label + 2).style(p.strong))?;
        for i in 0..n {
            write!(out, "{:>column$}", i + 1)?;
        }
        writeln!(out)?;
        let steady = lineages
            .iter()
            .filter(|l| !l.changed() && l.first() == 0 && l.cells.iter().all(|c| c.state.present()))
            .count();
        for l in lineages
            .iter()
            .filter(|l| l.changed() || l.first() > 0 || !l.cells.iter().all(|c| c.state.present()))
        {
            write!(out, "  {}", fit(&l.text, label))?;
            for cell in &l.cells {
                let (g, style) = glyph(cell.state, p);
                write!(out, "  {}", g.style(style))?;
            }
            writeln!(out)?;
        }
        if steady > 0 {
            let what = if name == "Paragraphs" {
                "paragraph"
            } else {
                "commitment"
            };
            let s = if steady == 1 { "" } else { "s" };
            writeln!(
                out,
                "  {}",
                format!("+ {steady} {what}{s} the same in every round").style(p.dim)
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "  + new  = same  ~ reworded  \u{2195} moved  - gone  \u{21ba} returned  \u{b7} absent"
            .style(p.dim)
    )?;
    writeln!(out)?;
    writeln!(out, "{}", "Steps".style(p.strong))?;
    for s in &report.steps {
        let m = s.summary;
        let c = s.commitments;
        writeln!(
            out,
            "  {:>2}\u{2192}{:<2}  {} unchanged \u{b7} {} added \u{b7} {} removed \u{b7} {} reworded \u{b7} {} moved   {}",
            s.from + 1,
            s.from + 2,
            m.unchanged,
            m.added,
            m.removed,
            m.reworded,
            m.moved,
            format!(
                "commitments: {} kept \u{b7} {} reworded \u{b7} {} added \u{b7} {} dropped",
                c[0], c[1], c[2], c[3]
            )
            .style(p.dim)
        )?;
    }
    Ok(())
}
