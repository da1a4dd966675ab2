//! placeholder until the reader lands
use crate::block::Block;
/// placeholder
pub fn blocks(_text: &str) -> Vec<Block> {
    Vec::new()
}
