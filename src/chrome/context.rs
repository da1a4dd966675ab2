//! Classes decided by context, as jusText does: a short or thin block takes
//! the class of its neighbours; then the statement is the main run of
//! statement blocks, and its title the heading-like block above that run.

use super::language::Script;
use super::shape::{Class, Shape};

/// What the context makes of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Statement text.
    Statement,
    /// The statement's title (kept).
    Title,
    /// Page furniture, and why.
    Furniture(&'static str),
}

/// What is known of a block before its context: its shape, and whether a
/// rule or the page's markup already set it aside (`fixed`), or holds a
/// photo credit (`credit`).
pub(super) struct Seen<'a> {
    pub(super) text: &'a str,
    pub(super) shape: Shape,
    pub(super) fixed: Option<&'static str>,
    pub(super) credit: bool,
    /// An HTML heading.
    pub(super) heading: bool,
    /// A list item.
    pub(super) item: bool,
}

/// The cost of taking a furniture block into the statement's run, in
/// display columns of statement text it must be outweighed by.
const FURNITURE_COST: i64 = 20;
/// The cost of a section label (all capitals) or a labelled link, which
/// part the page.
const LABEL_COST: i64 = 400;
/// The cost of a short block of no class.
const SHORT_COST: i64 = 15;

/// Decides each block's role: `start..end` is where the statement may
/// lie (after a start marker, before an end marker).
pub(super) fn roles(seen: &[Seen<'_>], start: usize, end: usize) -> Vec<Role> {
    // A text without a paragraph of prose (a few short sentences) gives
    // its context nothing to go by: its blocks keep the classes of their
    // shapes, and what is not furniture by shape is the statement.
    let prose = seen
        .iter()
        .any(|s| s.fixed.is_none() && s.shape.class == Class::Good);
    let classes = if prose {
        smooth(seen)
    } else {
        seen.iter()
            .map(|s| match (s.fixed, s.shape.class) {
                (Some(why), _) => Class::Bad(why),
                (None, Class::Short | Class::NearGood) => Class::Good,
                (None, class) => class,
            })
            .collect()
    };
    let Some((first, last)) = main_run(seen, &classes, start, end) else {
        return seen
            .iter()
            .zip(&classes)
            .map(|(s, c)| Role::Furniture(why(s, *c, "no statement")))
            .collect();
    };
    let first = below_title(seen, &classes, first, last);
    let title = title(seen, &classes, first);
    seen.iter()
        .zip(&classes)
        .enumerate()
        .map(|(i, (s, &c))| {
            if Some(i) == title {
                Role::Title
            } else if i < first {
                Role::Furniture(why(s, c, "above the title"))
            } else if i > last {
                Role::Furniture(why(s, c, "after the statement"))
            } else if let Some(why) = s.fixed {
                Role::Furniture(why)
            } else if let Class::Bad(why) = c {
                Role::Furniture(why)
            } else {
                Role::Statement
            }
        })
        .collect()
}

fn why(seen: &Seen, class: Class, place: &'static str) -> &'static str {
    match (seen.fixed, class) {
        (Some(why), _) | (None, Class::Bad(why)) => why,
        _ => place,
    }
}

/// The class of each block after its neighbours are consulted.
fn smooth(seen: &[Seen<'_>]) -> Vec<Class> {
    let mut classes: Vec<Class> = seen
        .iter()
        .map(|s| match s.fixed {
            Some(why) => Class::Bad(why),
            None => s.shape.class,
        })
        .collect();
    // A short or thin block beside a photo credit is its caption.
    for i in 0..seen.len() {
        let beside = |j: Option<usize>| j.and_then(|j| seen.get(j)).is_some_and(|s| s.credit);
        if matches!(classes[i], Class::Short | Class::NearGood)
            && seen[i].shape.width < 400
            && (beside(i.checked_sub(1)) || beside(Some(i + 1)))
        {
            classes[i] = Class::Bad("caption");
        }
    }
    // Three short lines or more in a row, none a list item, are a menu.
    let mut i = 0;
    while i < classes.len() {
        let run = classes[i..]
            .iter()
            .zip(&seen[i..])
            .take_while(|(c, s)| **c == Class::Short && !s.item)
            .count();
        if run >= 3 {
            classes[i..i + run].fill(Class::Bad("menu"));
        }
        i += run.max(1);
    }
    // Short blocks between two statement blocks are headings of the
    // statement; between two furniture blocks, furniture.
    let fixed = classes.clone();
    for i in 0..classes.len() {
        // A title-like line is decided by where the statement is.
        if fixed[i] != Class::Short || seen[i].shape.titled {
            continue;
        }
        let before = neighbour(&fixed, i, Step::Back);
        let after = neighbour(&fixed, i, Step::On);
        if is_bad(before) && is_bad(after) {
            classes[i] = Class::Bad(match (before, after) {
                (Some(Class::Bad("label")), _) => "label",
                _ => "among furniture",
            });
        }
    }
    // A thin block among furniture is furniture; beside statement text,
    // statement text.
    for i in 0..classes.len() {
        if classes[i] != Class::NearGood {
            continue;
        }
        let before = neighbour(&classes, i, Step::Back);
        let after = neighbour(&classes, i, Step::On);
        // (The page's edge decides nothing here: the main run does.)
        let furniture = |c: Option<Class>| matches!(c, Some(Class::Bad(_)));
        classes[i] = if furniture(before) && furniture(after) {
            Class::Bad("among furniture")
        } else {
            Class::Good
        };
    }
    classes
}

#[derive(Clone, Copy)]
enum Step {
    Back,
    On,
}

/// The nearest class that is not short, before or after `i` (`None` at
/// the page's edge, which counts as furniture).
fn neighbour(classes: &[Class], i: usize, step: Step) -> Option<Class> {
    let found = match step {
        Step::Back => classes[..i].iter().rev().find(|c| **c != Class::Short),
        Step::On => classes[i + 1..].iter().find(|c| **c != Class::Short),
    };
    found.copied()
}

fn is_bad(class: Option<Class>) -> bool {
    matches!(class, None | Some(Class::Bad(_)))
}

/// The main run of statement blocks: the stretch of `start..end` whose
/// statement text most outweighs the furniture inside it (a maximum-sum
/// run, furniture counting against it).
fn main_run(
    seen: &[Seen<'_>],
    classes: &[Class],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let value = |i: usize| -> i64 {
        let width = seen[i].shape.width as i64;
        match classes[i] {
            Class::Good | Class::NearGood => width,
            Class::Short => -SHORT_COST,
            // A section label, or a labelled link to another page ("Next
            // Post: …"), parts the page.
            Class::Bad("label" | "link") => -LABEL_COST,
            Class::Bad("caption") => -SHORT_COST,
            Class::Bad(_) if seen[i].credit => -SHORT_COST,
            Class::Bad(_) => -(FURNITURE_COST + width / 4),
        }
    };
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut from = start;
    for i in start..end.min(seen.len()) {
        if sum <= 0 {
            sum = 0;
            from = i;
        }
        sum += value(i);
        if value(i) > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, from, i));
        }
    }
    let (_, first, last) = best?;
    // The run opens and closes on statement text.
    let first = (first..=last).find(|&i| value(i) > 0)?;
    // A text cut off in mid-sentence (an excerpt of a page) ends on the
    // words of a paragraph begun: they go on with the statement.
    let cut = last + 1 == seen.len() - 1
        && end >= seen.len()
        && seen[last + 1].fixed.is_none()
        && seen[last + 1].shape.prose
        // (Korean or Japanese: a clause begun, not a link's few words.)
        && (seen[last + 1].shape.script == Script::Latin
            || seen[last + 1].text.contains(['、', ','])
            || seen[last + 1].shape.width >= 30)
        && !matches!(classes[last + 1], Class::Bad(_))
        && !super::shape::ends_sentence(seen[last + 1].text);
    Some((first, if cut { last + 1 } else { last }))
}

/// Where the statement starts in its run: below a title, when the run
/// takes in prose above it (a banner's sentences, an introduction by the
/// site). A title stands apart from that prose by furniture (a breadcrumb,
/// a date line) or from the statement below it; a heading of the statement
/// stands between two of its paragraphs.
fn below_title(seen: &[Seen<'_>], classes: &[Class], first: usize, last: usize) -> usize {
    let prose = |i: usize| classes[i] == Class::Good;
    for t in first + 1..last {
        if prose(t) || !seen[t].shape.titled || seen[t].fixed.is_some() {
            continue;
        }
        let Some(next) = (t + 1..=last).find(|&i| prose(i)) else {
            break;
        };
        let Some(before) = (first..t).rev().find(|&i| prose(i)) else {
            continue;
        };
        let apart = (before + 1..next).any(|i| i != t && matches!(classes[i], Class::Bad(_)));
        // The statement is the most of the run, below its title.
        let width = |range: std::ops::Range<usize>| -> usize {
            range
                .filter(|&i| prose(i))
                .map(|i| seen[i].shape.width)
                .sum()
        };
        if apart && width(first..t) < width(t + 1..last + 1) {
            return next;
        }
    }
    first
}

/// The statement's title: the heading-like block that stands nearest
/// above the main run, a longer one before a shorter (a byline or a
/// section name stands between some titles and their statements).
fn title(seen: &[Seen<'_>], classes: &[Class], first: usize) -> Option<usize> {
    let zone_start = (0..first)
        .rev()
        .find(|&i| classes[i] == Class::Good)
        .map_or(0, |i| i + 1);
    let script = seen[first].shape.script;
    let candidates: Vec<usize> = (zone_start..first)
        .rev()
        .filter(|&i| {
            seen[i].fixed.is_none()
                && matches!(
                    classes[i],
                    Class::Short | Class::NearGood | Class::Bad("menu" | "among furniture")
                )
                && (seen[i].shape.titled || seen[i].heading)
                && seen[i].shape.words <= 20
                // A word or two: a menu item or a label, unless the
                // text opens with it right above its first paragraph.
                && (seen[i].shape.words >= 3
                    || seen[i].shape.script != Script::Latin
                    || (i == 0 && first == 1))
        })
        .collect();
    candidates
        .iter()
        .enumerate()
        .max_by_key(|&(rank, &i)| {
            let s = &seen[i].shape;
            let heading = if seen[i].heading { 40 } else { 0 };
            // In the statement's own language, before a translation.
            let own = if s.script == script { 200 } else { 0 };
            (s.width.min(120) as i64) + (s.words.min(12) as i64) * 3 + heading + own
                - rank as i64 * 6
        })
        .map(|(_, &i)| i)
}
