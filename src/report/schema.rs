//! The report's own serde types, for YAML and JSON (schema
//! `statement-diff/1`): separate from the model, so that the schema changes
//! only on purpose. Field order is fixed and there are no hash maps, so the
//! output is byte-identical across runs.

use serde::{Deserialize, Serialize};

/// The schema name written in every report.
pub const SCHEMA: &str = "statement-diff/1";

/// The whole YAML document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlReport {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The tool that wrote the report.
    pub tool: Tool,
    /// The settings used.
    pub settings: Settings,
    /// The old statement.
    pub old: YamlSide,
    /// The new statement.
    pub new: YamlSide,
    /// Counts of each kind of change.
    pub summary: YamlSummary,
    /// The changes, in document order.
    pub changes: Vec<YamlChange>,
    /// Every commitment of both statements, once.
    #[serde(default)]
    pub commitments: Vec<YamlCommitment>,
    /// Key terms mentioned on either side.
    #[serde(default)]
    pub terms: Vec<YamlTerm>,
    /// The digest: what changed, in a few lines an analyst can paste.
    #[serde(default)]
    pub digest: Vec<String>,
    /// Warnings about the inputs ("NEW ends mid-word: truncated copy?").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A key term's mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlTerm {
    /// The term's name.
    pub term: String,
    /// Mentions in the old statement.
    pub old: usize,
    /// Mentions in the new statement.
    pub new: usize,
    /// appeared, vanished, more, fewer or same.
    pub change: String,
}

/// One commitment's fate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlCommitment {
    /// kept, reworded, added or dropped.
    pub kind: String,
    /// The old commitment; absent for added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<YamlClause>,
    /// The new commitment; absent for dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<YamlClause>,
    /// Word similarity, 0-1 (kept and reworded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// stronger or weaker, when the language shifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift: Option<String>,
    /// Why: the verb phrases compared, numbers changed, negation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Stable fingerprint, for `--accept` files.
    #[serde(default)]
    pub fingerprint: String,
    /// True when an `--accept` file lists it as reviewed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepted: bool,
}

/// A commitment on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlClause {
    /// 1-based paragraph.
    pub paragraph: usize,
    /// Who commits (carried over from the clause before when it has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The reporting verb phrase.
    pub verb: String,
    /// The clause as written.
    pub text: String,
}

/// Name and version of the tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    /// "statement-diff".
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// The settings that shaped the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Similarity threshold for pairing paragraphs.
    pub threshold: f64,
    /// Whether page chrome was set aside.
    pub chrome_rules: bool,
}

/// One input statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlSide {
    /// The path as given on the command line.
    pub path: String,
    /// Number of paragraphs in the statement.
    pub paragraphs: usize,
    /// Input format read: text, html or markdown.
    pub format: String,
    /// Encoding read.
    pub encoding: String,
    /// SHA-256 of the input bytes, so the report can be verified.
    #[serde(default)]
    pub sha256: String,
    /// The statement's title, where found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date from a dateline, where found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the meeting was held, where found ("Seoul", "virtual").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The kind of document the title names ("joint press statement").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The date of the meeting the opening tells (ISO 8601 when the year
    /// is known), where found; `date` is the posting date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<String>,
    /// The line introducing the statement ("The following statement was
    /// released by …"), where found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// How the copy ends when cut short: mid-word or mid-sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<String>,
    /// Page chrome set aside.
    pub set_aside: SetAsideSummary,
}

/// What was set aside as page chrome on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetAsideSummary {
    /// Number of blocks set aside.
    pub count: usize,
    /// The first words of each, in order.
    pub blocks: Vec<String>,
}

/// Counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlSummary {
    /// Paragraphs the same, in place.
    pub unchanged: usize,
    /// Paragraphs added.
    pub added: usize,
    /// Paragraphs removed.
    pub removed: usize,
    /// Paragraphs reworded in place.
    pub reworded: usize,
    /// Paragraphs moved.
    pub moved: usize,
}

/// One paragraph-level change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlChange {
    /// added, removed, reworded or moved.
    pub kind: String,
    /// The old paragraph; absent for added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<YamlParagraph>,
    /// The new paragraph; absent for removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<YamlParagraph>,
    /// Word-level similarity 0–1, for reworded and moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Why the two paragraphs were paired, for reworded and moved
    /// paragraphs that are not word for word the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<YamlEvidence>,
    /// Stable fingerprint of the change, for `--accept` files.
    #[serde(default)]
    pub fingerprint: String,
    /// True when an `--accept` file lists the change as reviewed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepted: bool,
    /// Word-level edits, for reworded and moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<YamlEdit>,
    /// Sentences carried word for word to or from other paragraphs
    /// ("merged into new ¶3", "split from old ¶5").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// old, new or both: the change stands where that copy was cut short,
    /// and may be the cut rather than a rewording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<String>,
}

/// What paired an old paragraph with a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlEvidence {
    /// The score compared with the threshold: `words` plus what the
    /// commitments, the role and the order add (two decimals).
    pub score: f64,
    /// The share of informative words in common, 0–1 (words weighed by how
    /// few paragraphs use them; for a split or merge, of the parts
    /// together).
    pub words: f64,
    /// Commitments paired between the two paragraphs.
    pub commitments: usize,
    /// opening or closing, when both play that part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// between-same-neighbours or alone-between-same-neighbours, when the
    /// pair keeps the order of the paired paragraphs around it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
}

/// A paragraph on one side of a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlParagraph {
    /// 1-based paragraph number.
    pub index: usize,
    /// 1-based line in the file (0 when unknown, e.g. HTML).
    pub line: usize,
    /// The paragraph as written.
    pub text: String,
}

/// One word-level edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YamlEdit {
    /// A few words before, for context.
    pub before: String,
    /// What was deleted ("" for an insertion).
    pub deleted: String,
    /// What was inserted ("" for a deletion).
    pub inserted: String,
    /// A few words after, for context.
    pub after: String,
}
