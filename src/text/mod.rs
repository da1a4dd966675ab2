//! Text helpers with no knowledge of the pipeline: dates, normalization and
//! comparison keys, sentences, hashes, the longest common subsequence of
//! word lists and the candidate index. Nothing here imports another module
//! of the crate.

pub mod date;
pub mod hash;
pub(crate) mod index;
pub(crate) mod lcs;
pub mod normalize;
pub mod sentence;
