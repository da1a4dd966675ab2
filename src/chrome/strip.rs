//! The pass over blocks that finds the statement's start and end and sets the rest aside.

use super::Chrome;
use crate::model::{Block, RuleKind, SetAside};

/// Splits blocks into the statement and what is set aside: the pass
/// behind [`Chrome::strip`].
pub(super) fn strip(chrome: &Chrome, blocks: Vec<Block>) -> Stripped {
    let mut out = Stripped::default();
    if chrome.rules.is_empty() {
        out.title = title_of(&blocks);
        out.kept = blocks;
        return out;
    }
    let kinds: Vec<Vec<RuleKind>> = blocks
        .iter()
        .map(|b| chrome.kinds_of(&b.text).collect())
        .collect();
    let body = blocks
        .iter()
        .zip(&kinds)
        .position(|(b, k)| k.is_empty() && is_prose(&b.text))
        .or_else(|| kinds.iter().position(Vec::is_empty))
        .unwrap_or(blocks.len());
    // Above the statement, a block said again by the next one: the end
    // of a breadcrumb that repeats the page's heading.
    let repeated: Vec<bool> = blocks
        .iter()
        .zip(blocks.iter().skip(1).map(Some).chain([None]))
        .map(|(block, next)| next.is_some_and(|n| n.text == block.text))
        .collect();
    // Whether a paragraph of prose (matching no rule) comes after each block.
    let mut prose_after = vec![false; blocks.len()];
    for i in (0..blocks.len().saturating_sub(1)).rev() {
        prose_after[i] =
            prose_after[i + 1] || (kinds[i + 1].is_empty() && is_prose(&blocks[i + 1].text));
    }
    let mut ended = false;
    for (i, (block, kinds)) in blocks.into_iter().zip(kinds).enumerate() {
        let in_header = i < body;
        let reason = if ended {
            Some(RuleKind::End)
        } else if !in_header && kinds.contains(&RuleKind::End) {
            ended = true;
            Some(RuleKind::End)
        } else if !in_header && kinds.contains(&RuleKind::Tail) && !prose_after[i] {
            ended = true;
            Some(RuleKind::Tail)
        } else if kinds.contains(&RuleKind::Anywhere) {
            Some(RuleKind::Anywhere)
        } else if block.page || kinds.contains(&RuleKind::Page) {
            Some(RuleKind::Page)
        } else if in_header && kinds.contains(&RuleKind::Dateline) {
            Some(RuleKind::Dateline)
        } else if in_header && (kinds.contains(&RuleKind::Header) || repeated[i]) {
            Some(RuleKind::Header)
        } else {
            None
        };
        match reason {
            Some(kind) => {
                if kind == RuleKind::Dateline && out.date.is_none() {
                    out.date = chrome
                        .date
                        .get()
                        .and_then(|re| re.find(&block.text))
                        .map(|m| m.as_str().to_string());
                }
                out.set_aside.push(SetAside {
                    line: block.line,
                    text: block.text,
                    rule: kind,
                });
            }
            None => out.kept.push(block),
        }
    }
    out.title = title_of(&out.kept);
    out
}

/// A paragraph of statement prose: a sentence of some length (Korean,
/// Chinese and Japanese say as much in fewer characters).
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let chars = text.chars().count();
    let ends = text
        .trim_end()
        .ends_with(['.', '\u{3002}', '!', '?', ':', ';', '"', '\u{201D}', ')']);
    let wide = || {
        use unicode_width::UnicodeWidthChar;
        text.chars().any(|c| c.width() == Some(2))
    };
    ends && (words >= 10 || chars >= 60 || (chars >= 20 && wide()))
}

/// The title: the statement's first block, when it is title-like and more
/// follows it.
fn title_of(kept: &[Block]) -> Option<String> {
    match kept {
        [first, _, ..] if is_title_like(first) => Some(first.text.clone()),
        _ => None,
    }
}

/// A short line without a closing full stop: a title or heading.
fn is_title_like(block: &Block) -> bool {
    let words = block.text.split_whitespace().count();
    block.heading || (words <= 30 && !block.text.trim_end().ends_with('.'))
}

/// The statement's blocks and what was set aside around them.
#[derive(Debug, Default, Clone)]
pub struct Stripped {
    /// The statement's own blocks, in order.
    pub kept: Vec<Block>,
    /// The blocks set aside as page chrome, in order.
    pub set_aside: Vec<SetAside>,
    /// The statement's title, when the first kept block looks like one.
    pub title: Option<String>,
    /// The publication date found in a dateline.
    pub date: Option<String>,
}
