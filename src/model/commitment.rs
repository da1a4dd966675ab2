//! Commitments: the clauses on a reporting verb or a promise, and what
//! became of each between two statements.

use super::change::{Edit, Review, Span};

/// A commitment of one statement.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Commitment {
    /// 1-based paragraph.
    pub paragraph: usize,
    /// The clause as written, its subject included when it has its own.
    pub text: String,
    /// Who commits: the clause's own subject, or the one carried over from
    /// the clause before it ("They condemned X and urged Y": "They").
    pub subject: Option<String>,
    /// The reporting verb phrase as written ("strongly condemned").
    pub verb: String,
    /// The clause from its verb on, folded and lower-cased: two commitments
    /// with equal cores are kept word for word.
    pub(crate) core: String,
    /// How strong its language is.
    pub strength: Strength,
    /// The verb phrase with its modifiers ("strongly condemned",
    /// "expressed serious concern"), lower-cased, for notes.
    pub(crate) verb_phrase: String,
    /// The first modal and the word after it ("will explore"), for notes.
    pub(crate) modal_phrase: Option<String>,
    /// The intensifiers and softeners near the verb, in order ("strongly",
    /// "最も 強い"), for notes where the verb phrase alone does not tell.
    pub(crate) modifiers: String,
    /// Numbers in the core (years, ordinals, counts), for flags.
    pub(crate) numbers: Vec<String>,
    /// Read from a list item together with the lead-in before the list
    /// ("The Ministers agreed to:" and "- hold an exercise every year"):
    /// the item's text alone does not give it.
    pub(crate) listed: bool,
}

/// The strength of a commitment's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Strength {
    /// Level of the reporting verb.
    pub verb: i32,
    /// Intensifiers minus softeners near the verb.
    pub modifiers: i32,
    /// Level of the first modal in the clause, if any.
    pub modal: Option<i32>,
    /// Number of negations in the clause.
    pub negations: usize,
}

/// What happened to a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CommitmentKind {
    /// In both statements word for word (from the verb on).
    Kept,
    /// In both, with other words.
    Reworded,
    /// Only in the new statement.
    Added,
    /// Only in the old statement.
    Dropped,
}

impl CommitmentKind {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            CommitmentKind::Kept => "kept",
            CommitmentKind::Reworded => "reworded",
            CommitmentKind::Added => "added",
            CommitmentKind::Dropped => "dropped",
        }
    }
}

/// Whether the language got stronger or weaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Stronger verb, more intensifiers, a firmer modal.
    Stronger,
    /// Weaker verb, fewer intensifiers, a softer modal.
    Weaker,
}

impl Shift {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Shift::Stronger => "stronger",
            Shift::Weaker => "weaker",
        }
    }
}

/// A commitment's fate between two statements.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentChange {
    /// What happened.
    pub kind: CommitmentKind,
    /// The old commitment (absent for added).
    pub old: Option<Commitment>,
    /// The new commitment (absent for dropped).
    pub new: Option<Commitment>,
    /// Word similarity of the pair, 0–1.
    pub similarity: Option<f64>,
    /// Stronger or weaker language.
    pub shift: Option<Shift>,
    /// Why the shift was called, and other notes ("numbers changed: 15th →
    /// 16th", "negation added").
    pub notes: Vec<String>,
    /// The redline of a reworded pair's clauses, old and new interleaved.
    pub spans: Vec<Span>,
    /// The word edits of a reworded pair from the verb on (the whole
    /// clause when its verb is last).
    pub edits: Vec<Edit>,
    /// Its fingerprint, and whether a reviewer accepted it.
    pub review: Review,
}

impl CommitmentChange {
    /// A dropped commitment, nothing redlined or reviewed yet: the base
    /// that the matching fills in (`..CommitmentChange::unreviewed()`).
    pub fn unreviewed() -> CommitmentChange {
        CommitmentChange {
            kind: CommitmentKind::Dropped,
            old: None,
            new: None,
            similarity: None,
            shift: None,
            notes: Vec::new(),
            spans: Vec::new(),
            edits: Vec::new(),
            review: Review::default(),
        }
    }
}
