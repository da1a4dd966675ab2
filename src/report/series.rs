//! Series reports: a compact timeline for a terminal (rows are lineages,
//! columns are rounds), and the YAML `statement-diff/series-1` document.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use serde::{Deserialize, Serialize};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::schema::{Settings, YamlTerm};
use super::terminal::{Palette, Piece, terminal_safe, words, wrapped};
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
    /// The settings used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
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
    /// The format read (text, html, markdown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub format: String,
    /// The encoding read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    /// SHA-256 of the file as read (hex), to verify the report against it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
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
    /// Key terms mentioned on either side of the step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<YamlTerm>,
    /// The step's digest: what changed, in a few lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub digest: Vec<String>,
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
            settings: Some(Settings {
                threshold: report.settings.threshold,
                chrome_rules: report.settings.chrome_rules,
            }),
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
                    format: r.format.into(),
                    encoding: r.encoding.into(),
                    sha256: r.sha256.clone(),
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
                    terms: super::yaml::terms(&s.report.terms),
                    digest: super::digest::digest(&s.report),
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

/// Renders a series as JSON: the same document as the YAML.
pub fn render_json(report: &SeriesReport) -> String {
    match serde_json::to_string_pretty(&YamlSeries::from_report(report)) {
        Ok(text) => text + "\n",
        Err(e) => format!(
            "{{\"error\": {}}}\n",
            serde_json::Value::String(e.to_string())
        ),
    }
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

/// Columns of a round in the matrix, and the fewest columns a lineage's
/// text is given before the rounds are folded into blocks.
const COLUMN: usize = 3;
const LABEL_MIN: usize = 24;

/// Writes the terminal timeline, every line within `width`: the rounds and
/// steps wrap, and a matrix of more rounds than fit beside its texts is
/// folded into blocks of rounds.
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
        let number = format!("  {:>2}", i + 1);
        write!(out, "{number}")?;
        let mut pieces = vec![Piece {
            text: terminal_safe(&r.path).into_owned(),
            style: p.strong,
            gap: 2,
        }];
        if let Some(title) = &r.title {
            pieces.extend(words(&terminal_safe(title), Style::new(), 2));
        }
        pieces.extend(words(&format!("({})", detail.join(", ")), p.dim, 2));
        wrapped(out, &pieces, number.len(), number.len() + 2, width)?;
    }
    let longest = report
        .paragraphs
        .iter()
        .chain(&report.commitments)
        .map(|l| UnicodeWidthStr::width(l.text.as_str()) + 1)
        .max()
        .unwrap_or(0);
    // Rounds per block: as many as fit beside the shortest label.
    let per_block = (width.saturating_sub(4 + LABEL_MIN) / COLUMN).clamp(1, n.max(1));
    let blocks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(per_block)
        .map(|start| start..(start + per_block).min(n))
        .collect();
    for (name, lineages) in [
        ("Paragraphs", &report.paragraphs),
        ("Commitments", &report.commitments),
    ] {
        let shown: Vec<&Lineage> = lineages
            .iter()
            .filter(|l| l.changed() || l.first() > 0 || !l.cells.iter().all(|c| c.state.present()))
            .collect();
        for rounds in &blocks {
            let label = width
                .saturating_sub(4 + rounds.len() * COLUMN)
                .min(longest)
                .max(LABEL_MIN.min(width.saturating_sub(4 + COLUMN)));
            writeln!(out)?;
            let heading = if blocks.len() > 1 {
                format!("{name}, rounds {}\u{2013}{}", rounds.start + 1, rounds.end)
            } else {
                name.to_string()
            };
            write!(out, "{}", fit(&heading, label + 2).style(p.strong))?;
            for i in rounds.clone() {
                write!(out, "{:>COLUMN$}", i + 1)?;
            }
            writeln!(out)?;
            for l in &shown {
                write!(out, "  {}", fit(&l.text, label))?;
                for cell in &l.cells[rounds.clone()] {
                    let (g, style) = glyph(cell.state, p);
                    write!(out, "{:>pad$}{}", "", g.style(style), pad = COLUMN - 1)?;
                }
                writeln!(out)?;
            }
        }
        let steady = lineages.len() - shown.len();
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
    let legend =
        "+ new  = same  ~ reworded  \u{2195} moved  - gone  \u{21ba} returned  \u{b7} absent";
    write!(out, "  ")?;
    wrapped(out, &words(legend, p.dim, 0), 2, 2, width)?;
    writeln!(out)?;
    writeln!(out, "{}", "Steps".style(p.strong))?;
    for s in &report.steps {
        let m = s.summary;
        let c = s.commitments;
        let step = format!("  {:>2}\u{2192}{:<2}", s.from + 1, s.from + 2);
        write!(out, "{step}")?;
        let step_width = UnicodeWidthStr::width(step.as_str());
        let counts = [
            format!("{} unchanged", m.unchanged),
            format!("{} added", m.added),
            format!("{} removed", m.removed),
            format!("{} reworded", m.reworded),
            format!("{} moved", m.moved),
        ];
        let mut pieces = Vec::new();
        for (k, text) in counts.into_iter().enumerate() {
            if k > 0 {
                pieces.push(Piece {
                    text: "\u{b7}".into(),
                    style: Style::new(),
                    gap: 1,
                });
            }
            pieces.push(Piece {
                text,
                style: Style::new(),
                gap: if k == 0 { 2 } else { 1 },
            });
        }
        let commitments = format!(
            "commitments: {} kept \u{b7} {} reworded \u{b7} {} added \u{b7} {} dropped",
            c[0], c[1], c[2], c[3]
        );
        pieces.extend(words(&commitments, p.dim, 3));
        let indent = step_width + 2;
        wrapped(out, &pieces, step_width, indent, width)?;
        for line in super::digest::digest(&s.report) {
            write!(out, "{:indent$}", "")?;
            let mut pieces = vec![Piece {
                text: "\u{b7}".into(),
                style: p.dim,
                gap: 0,
            }];
            pieces.extend(words(&terminal_safe(&line), Style::new(), 1));
            wrapped(out, &pieces, indent, indent + 2, width)?;
        }
    }
    Ok(())
}
