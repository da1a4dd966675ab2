//! Key terms counted on both sides.

/// A term's mentions on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The term's name.
    pub term: String,
    /// Mentions in the old statement.
    pub old: usize,
    /// Mentions in the new statement.
    pub new: usize,
}

impl TermCount {
    /// "appeared", "vanished", "more", "fewer" or "same".
    pub fn change(&self) -> &'static str {
        match (self.old, self.new) {
            (0, n) if n > 0 => "appeared",
            (o, 0) if o > 0 => "vanished",
            (o, n) if n > o => "more",
            (o, n) if n < o => "fewer",
            _ => "same",
        }
    }
}
