//! The pass over blocks that tells the statement from the page around it:
//! each block classified by what it is (see `shape` and `context`), the
//! rules of `chrome.rules` marking what structure cannot tell.

use super::Chrome;
use super::context::{self, Role, Seen};
use super::shape::{self, Class};
use crate::model::{Block, RuleKind, SetAside};

/// Splits blocks into the statement and what is set aside: the pass
/// behind [`Chrome::strip`].
pub(super) fn strip(chrome: &Chrome, blocks: Vec<Block>) -> Stripped {
    let mut out = Stripped::default();
    if !chrome.structure && chrome.rules.is_empty() {
        out.title = title_of(&blocks);
        out.kept = blocks;
        return out;
    }
    let kinds: Vec<Vec<RuleKind>> = blocks
        .iter()
        .map(|b| chrome.kinds_of(&b.text).collect())
        .collect();
    let has = |i: usize, kind: RuleKind| kinds[i].contains(&kind);
    let seen: Vec<Seen> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let mut shape = shape::of(block);
            if chrome.is_dateline(&block.text, shape.words) {
                shape.class = Class::Bad("date");
            } else if shape.width < 800 && chrome.opens_with_dated_dash(&block.text) {
                shape.class = Class::Bad("teaser");
            }
            let fixed = if block.furniture.is_some() {
                block.furniture
            } else if block.page {
                Some("page")
            } else if has(i, RuleKind::Start) {
                Some("start")
            } else if has(i, RuleKind::Header) {
                Some("header")
            } else if has(i, RuleKind::Anywhere) {
                Some("anywhere")
            } else if has(i, RuleKind::Page) {
                Some("page")
            } else {
                None
            };
            Seen {
                text: &block.text,
                shape,
                fixed,
                credit: has(i, RuleKind::Anywhere),
                heading: block.heading,
                item: block.item,
            }
        })
        .collect();
    let prose = |i: usize| matches!(seen[i].shape.class, Class::Good) && seen[i].fixed.is_none();
    let first_prose = (0..blocks.len()).find(|&i| prose(i)).unwrap_or(0);
    // A start marker ("Begin text:") opens the statement; an end marker
    // ("###", a media contact) after the first paragraph of prose closes it.
    let start = (0..blocks.len())
        .rev()
        .find(|&i| has(i, RuleKind::Start))
        .map_or(0, |i| i + 1);
    let end = (start.max(first_prose)..blocks.len())
        .find(|&i| has(i, RuleKind::End) || (has(i, RuleKind::Tail) && !prose_after(&seen, i)))
        .unwrap_or(blocks.len());
    let roles = context::roles(&seen, start, end);
    let mut in_header = true;
    for (i, ((block, kinds), role)) in blocks.into_iter().zip(kinds).zip(roles).enumerate() {
        let why = match role {
            Role::Statement => {
                in_header = false;
                None
            }
            Role::Title => None,
            Role::Furniture(why) => Some(why),
        };
        let Some(why) = why else {
            out.kept.push(block);
            continue;
        };
        let rule = if i >= end && has_end(&kinds) {
            if kinds.contains(&RuleKind::End) {
                RuleKind::End
            } else {
                RuleKind::Tail
            }
        } else if i >= end {
            RuleKind::End
        } else if kinds.contains(&RuleKind::Start) {
            RuleKind::Start
        } else if block.page {
            RuleKind::Page
        } else if let Some(&kind) = kinds.iter().find(|k| {
            matches!(k, RuleKind::Anywhere | RuleKind::Page)
                || (in_header && matches!(k, RuleKind::Header | RuleKind::Dateline))
        }) {
            kind
        } else {
            RuleKind::Structure
        };
        if in_header && out.date.is_none() && (why == "date" || rule == RuleKind::Dateline) {
            out.date = chrome.date_in(&block.text);
        }
        let why = match rule {
            RuleKind::Structure => why,
            _ => "",
        };
        out.set_aside.push(SetAside {
            line: block.line,
            text: block.text,
            rule,
            why,
        });
    }
    out.title = title_of(&out.kept);
    out
}

fn has_end(kinds: &[RuleKind]) -> bool {
    kinds.contains(&RuleKind::End) || kinds.contains(&RuleKind::Tail)
}

/// Whether prose follows block `i`: a label ("Tags", "Attachments")
/// followed by prose heads a part of the statement.
fn prose_after(seen: &[Seen], i: usize) -> bool {
    seen[i + 1..]
        .iter()
        .any(|s| s.fixed.is_none() && s.shape.class == Class::Good)
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
