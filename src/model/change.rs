//! The result of a comparison: what changed, paragraph by paragraph, in a
//! shape every report renders from.

/// What happened to a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Only in the new statement.
    Added,
    /// Only in the old statement.
    Removed,
    /// In both, in the same place relative to the unchanged paragraphs,
    /// with different words.
    Reworded,
    /// In both, in another place relative to the unchanged paragraphs
    /// (with or without word changes).
    Moved,
}

impl ChangeKind {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One side of a change: a paragraph of one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// 1-based paragraph number.
    pub index: usize,
    /// 1-based line in the source (0 when unknown).
    pub line: usize,
    /// The paragraph as written.
    pub text: String,
}

/// What a run of words in a word-level redline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanTag {
    /// In both paragraphs.
    Same,
    /// Only in the old paragraph.
    Deleted,
    /// Only in the new paragraph.
    Inserted,
}

/// A run of text in a redline, as written in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Which side the text comes from.
    pub tag: SpanTag,
    /// The text.
    pub text: String,
}

/// One word-level edit with a little context to read it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Words before the edit (up to a few), as in the old paragraph.
    pub before: String,
    /// What the old paragraph says here ("" for a pure insertion).
    pub deleted: String,
    /// What the new paragraph says here ("" for a pure deletion).
    pub inserted: String,
    /// Words after the edit (up to a few).
    pub after: String,
}

/// A paragraph-level change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The old paragraph (absent for added).
    pub old: Option<Side>,
    /// The new paragraph (absent for removed).
    pub new: Option<Side>,
    /// Word-level similarity, 0–1 (reworded and moved).
    pub similarity: Option<f64>,
    /// The whole redline, old and new text interleaved (reworded and moved).
    pub spans: Vec<Span>,
    /// The edits alone, with context (reworded and moved).
    pub edits: Vec<Edit>,
    /// Where the sentences this paragraph lost went, or those it gained
    /// came from, when they moved word for word between paragraphs; each
    /// reads as a note ("merged into new ¶3", "split from old ¶5",
    /// "sentence moved to new ¶7: “…”").
    pub carried: Vec<Carried>,
    /// Why the two paragraphs were taken for one (reworded and moved
    /// paragraphs that are not word for word the same).
    pub evidence: Option<Evidence>,
    /// Its fingerprint, and whether a reviewer accepted it.
    pub review: Review,
    /// Which copies were cut short where this change stands: a change at
    /// the end of a truncated copy may be the cut, not a rewording.
    pub truncated: Truncated,
}

/// Which sides of a change stand at the end of a copy cut short.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Truncated {
    /// The old copy was cut short here.
    pub old: bool,
    /// The new copy was cut short here.
    pub new: bool,
}

impl Truncated {
    /// "old", "new" or "both"; `None` when neither copy was cut here.
    pub fn name(self) -> Option<&'static str> {
        match (self.old, self.new) {
            (true, true) => Some("both"),
            (true, false) => Some("old"),
            (false, true) => Some("new"),
            (false, false) => None,
        }
    }
}

/// What pairs an old paragraph with a new one that is not word for word
/// the same: the evidence the alignment weighed, and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// The score compared with the threshold: `words` plus what the
    /// commitments, the role and the order add.
    pub score: f64,
    /// The share of informative words the two have in common, 0–1 (each
    /// word weighed by how few paragraphs use it; numbers and names weigh
    /// less). For a split or a merge, of the parts taken together.
    pub words: f64,
    /// Commitments paired between the two paragraphs.
    pub commitments: usize,
    /// The part both play in their statements, when the same.
    pub role: Option<Role>,
    /// Where the pair stands among its neighbours, when that speaks for it.
    pub order: Option<Order>,
}

/// A part a paragraph plays in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The first paragraph after the title: who met, where and when.
    Opening,
    /// The last paragraph: most often the next meeting.
    Closing,
}

impl Role {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Role::Opening => "opening",
            Role::Closing => "closing",
        }
    }
}

/// How a pair keeps the order of the paragraphs around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Both stand between the same two paired neighbours.
    Between,
    /// Both are the only unpaired paragraph between the same neighbours.
    Alone,
    /// The paragraphs just before (or just after) the two are paired with
    /// each other.
    Beside,
}

impl Order {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Order::Between => "between-same-neighbours",
            Order::Alone => "alone-between-same-neighbours",
            Order::Beside => "beside-paired-neighbours",
        }
    }
}

/// How a change stands with its reviewers, decided once by the comparison
/// (every report and the exit status read it from here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    /// A short stable fingerprint of what changed (see `--accept`).
    pub fingerprint: String,
    /// True when the fingerprint was among those accepted.
    pub accepted: bool,
}

/// Sentences carried word for word between this change's paragraph and
/// another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// What the move made of the two paragraphs.
    pub how: CarriedHow,
    /// Whether this paragraph lost the sentences (it is the old one) or
    /// gained them.
    pub lost: bool,
    /// The other paragraph's number: in the new statement when this one
    /// lost the sentences, in the old one when it gained them.
    pub other: usize,
}

/// What moving sentences between two changed paragraphs made of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarriedHow {
    /// A removed and an added paragraph made of the same sentences in
    /// another order.
    Rearranged,
    /// A removed paragraph went whole into a paragraph that has an old one.
    Merged,
    /// A removed paragraph went whole into an added one with more in it.
    PartOf,
    /// An added paragraph is made only of sentences an old one lost.
    Split,
    /// Some sentences moved between two paragraphs.
    Sentences {
        /// How many.
        count: usize,
        /// The first words of the first, in quotation marks.
        quote: String,
    },
}

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.other;
        match (&self.how, self.lost) {
            (CarriedHow::Rearranged, true) => write!(f, "rearranged as new \u{b6}{n}"),
            (CarriedHow::Rearranged, false) => write!(f, "rearranged from old \u{b6}{n}"),
            (CarriedHow::Merged, true) => write!(f, "merged into new \u{b6}{n}"),
            (CarriedHow::Merged, false) => write!(f, "merged with old \u{b6}{n}"),
            (CarriedHow::PartOf, true) => write!(f, "now part of new \u{b6}{n}"),
            (CarriedHow::PartOf, false) => write!(f, "takes in all of old \u{b6}{n}"),
            (CarriedHow::Split, true) => write!(f, "split: part is now new \u{b6}{n}"),
            (CarriedHow::Split, false) => write!(f, "split from old \u{b6}{n}"),
            (CarriedHow::Sentences { count, quote }, lost) => {
                let what = if *count == 1 {
                    "sentence".to_string()
                } else {
                    format!("{count} sentences")
                };
                let way = if lost { "to new" } else { "from old" };
                write!(f, "{what} moved {way} \u{b6}{n}: {quote}")
            }
        }
    }
}

/// A paragraph that did not change, for `--all`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchanged {
    /// The old paragraph.
    pub old: Side,
    /// Its new paragraph number.
    pub new_index: usize,
}

/// Counts of each kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Paragraphs in both, same words, same place.
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

impl Summary {
    /// True when nothing changed.
    pub fn is_same(&self) -> bool {
        self.added + self.removed + self.reworded + self.moved == 0
    }
}
