//! The data passed between the stages: blocks read from an input, the
//! chrome set aside, the changes and their summary, commitments and what
//! became of them, key-term counts. Nothing here imports another module of
//! the crate; every stage imports from here.

pub mod block;
pub mod change;
pub mod commitment;
pub mod set_aside;
pub mod term;

pub use block::Block;
pub use change::{
    Carried, CarriedHow, Change, ChangeKind, Edit, Evidence, Order, Review, Role, Side, Span,
    SpanTag, Summary, Truncated, Unchanged,
};
pub use commitment::{Commitment, CommitmentChange, CommitmentKind, Shift, Strength};
pub use set_aside::{ChromeLines, LineChrome, RuleKind, SetAside};
pub use term::TermCount;
