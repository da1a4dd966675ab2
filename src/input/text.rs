//! Plain text → blocks: blank lines separate paragraphs, and so do line
//! breaks that the text's own layout shows were made by its author;
//! hard-wrapped lines are joined, list items start blocks of their own,
//! running page headers and footers are blocks of their own, and words
//! hyphenated across a line end are mended from the document's own evidence.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::furniture::running_lines;
use super::layout::{Break, HEADING_CHARS, Layout, SMALL_WORDS, ends_clause, stops_open, width};
use crate::model::Block;
use crate::model::{ChromeLines, LineChrome};
use crate::text::normalize::{
    break_joins, is_invisible, split_number, tidy_spaces_cow, tidy_spaces_owned,
};

/// Splits plain text into blocks.
///
/// - Line ends may be LF, CRLF or CR.
/// - A line holding only white space (including non-breaking spaces) is blank
///   and ends a paragraph.
/// - Inside a run of lines between blank lines, a line break ends a
///   paragraph when the layout shows the author made it (see
///   `Layout::breaks`): the line ends a sentence and is not a wrapped line
///   (the next line's first word would have fitted on it, at the wrap width
///   learnt from the text), or it is a short title or heading above a line of
///   prose (a heading block), or the text is not wrapped at all and the
///   break is not inside a sentence.
/// - A line that starts with a list marker ("- ", "• ", "1. ", "(a) ")
///   begins a new block when the line before it ended a sentence or a
///   clause (".", ":", ";") or was itself a list item.
/// - Text whose paragraphs open with an indented line and have no blank
///   lines between them is read by its indents.
/// - A page header or footer, named by a page-chrome rule ("Page 2 of 3") or
///   found as a line repeated at page intervals, is a block of its own,
///   marked as such (`Block::page`) so that the chrome stage sets it aside;
///   the paragraph it interrupts goes on past it.
/// - Any other line that a page-chrome rule matches ("NEWS | April 26, 2024",
///   "Home : Media : News") is a block of its own, so that the chrome pass can
///   set it aside without taking the statement's lines with it.
/// - The lines of a block are joined with a space; a word split by a hyphen
///   at a line end is joined back by `join_hyphenated`.
pub fn split_blocks(text: &str, chrome: Option<&dyn ChromeLines>) -> Vec<Block> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let lines: Vec<&str> = if lines.len() == 1 && text.contains('\r') {
        text.split('\r').collect()
    } else {
        lines
    };
    let vocabulary = Vocabulary::of(text);
    let running = running_lines(&lines);
    let kinds: Vec<LineChrome> = lines
        .iter()
        .zip(running)
        .map(|(line, running)| match chrome {
            _ if running => LineChrome::Page,
            _ if is_blank(line) => LineChrome::None,
            Some(chrome) => chrome.line_chrome(line),
            None => LineChrome::None,
        })
        .collect();
    group_lines(&lines, &kinds)
        .into_iter()
        .filter_map(|group| {
            let joined = join_lines(&group.lines, &vocabulary);
            let text = tidy_spaces_owned(joined);
            (!text.is_empty()).then(|| match group.role {
                Role::Body => Block::text(text, group.start),
                Role::Heading => Block::heading(text, group.start),
                Role::Page => Block::page(text, group.start),
            })
        })
        .collect()
}

/// What `tidy_spaces` leaves nothing of.
fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// The lines of one block, from the 1-based line `start`.
struct Group<'a> {
    start: usize,
    lines: Vec<&'a str>,
    role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Heading,
    Page,
}

impl<'a> Group<'a> {
    fn new(start: usize, lines: Vec<&'a str>, role: Role) -> Group<'a> {
        Group { start, lines, role }
    }
}

/// The layout of the region (run of lines between blank lines) of each
/// line: the region's own when its lines tell a wrap width, else the whole
/// text's. Only statement lines count: page headers and footers are
/// stepped over, other chrome lines stand apart.
fn layouts(lines: &[&str], kinds: &[LineChrome]) -> Vec<Layout> {
    // Each region's statement lines in order; `None` for a chrome line,
    // which no line pairs across.
    let mut regions: Vec<Vec<Option<&str>>> = Vec::new();
    let mut region_of = vec![0; lines.len()];
    let mut open = false;
    for (i, &line) in lines.iter().enumerate() {
        if is_blank(line) {
            open = false;
            continue;
        }
        if !open {
            regions.push(Vec::new());
            open = true;
        }
        region_of[i] = regions.len() - 1;
        if let Some(region) = regions.last_mut() {
            match kinds[i] {
                LineChrome::Page => {}
                LineChrome::Other => region.push(None),
                LineChrome::None => region.push(Some(line)),
            }
        }
    }
    let pairs: Vec<Vec<(&str, Option<&str>)>> = regions
        .iter()
        .map(|region| {
            region
                .iter()
                .enumerate()
                .filter_map(|(k, line)| Some(((*line)?, region.get(k + 1).copied().flatten())))
                .collect()
        })
        .collect();
    let all: Vec<(&str, Option<&str>)> = pairs.iter().flatten().copied().collect();
    let text = Layout::of_text(&all);
    let own: Vec<Layout> = pairs
        .iter()
        .map(|region| Layout::of_region(region, text))
        .collect();
    region_of
        .into_iter()
        .map(|r| own.get(r).copied().unwrap_or(text))
        .collect()
}

/// Groups lines into blocks.
///
/// A page header or footer (`LineChrome::Page`) is a group of its own, and the
/// paragraph it stands in goes on past it: a PDF copy breaks paragraphs
/// across pages.
fn group_lines<'a>(lines: &[&'a str], kinds: &[LineChrome]) -> Vec<Group<'a>> {
    let indented_starts = first_lines_indented(lines);
    let layouts = layouts(lines, kinds);
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut pages: Vec<Group<'a>> = Vec::new();
    // The lines of the page headers and footers that stand between paragraphs.
    let mut breaks: Vec<usize> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut previous_item = false;
    let mut previous_chrome = false;
    for (i, &line) in lines.iter().enumerate() {
        if is_blank(line) {
            if !current.is_empty() {
                groups.push(Group::new(start, std::mem::take(&mut current), Role::Body));
            }
            previous_item = false;
            continue;
        }
        let kind = kinds[i];
        if kind == LineChrome::Page {
            pages.push(Group::new(i + 1, vec![line], Role::Page));
            // A footer between two lines of one paragraph is inside it; one
            // with a blank line on either side stands between paragraphs.
            let next_blank = lines.get(i + 1).is_none_or(|l| is_blank(l));
            if current.is_empty() || next_blank {
                breaks.push(i + 1);
            }
            continue;
        }
        let item = split_number(&tidy_spaces_cow(line)).0.is_some();
        // A line that goes on with a sentence the line before left open
        // ("… to bring its war to an" + "end.") is that sentence's, whatever
        // a chrome rule makes of it alone.
        let continues = current.last().is_some_and(|last| !ends_clause(last))
            && line.trim_start().starts_with(char::is_lowercase);
        let chrome = kind != LineChrome::None && !continues;
        if let Some(&last) = current.last() {
            let closed = ends_clause(last);
            let next = lines.get(i + 1).copied();
            let after = next.filter(|n| !is_blank(n));
            // A heading is a short block: the lines before a short last
            // line that make a paragraph end in no heading.
            let laid = if indented_starts {
                None
            } else {
                layouts[i]
                    .breaks(last, line, after)
                    .filter(|&laid| laid != Break::Heading || width_of(&current) <= HEADING_CHARS)
            };
            // A list item starts a block after a clause or an item, or
            // after a line that neither stops open nor was wrapped (a title).
            let opens_item = closed
                || previous_item
                || (!indented_starts && !stops_open(last) && !layouts[i].wraps(last, line));
            let breaks = (item && opens_item)
                || chrome
                || previous_chrome
                // A heading said twice (a page's breadcrumb ends with the
                // title its heading repeats) is two blocks.
                || (current.len() == 1
                    && line.trim() == last.trim()
                    && !line.trim_start().starts_with(char::is_lowercase))
                || (indented_starts
                    && (is_indented(line) || stands_alone(last, line, next, &is_blank)))
                || laid.is_some()
                // Entries wrapped with a hanging indent: a line back at
                // the margin after the indented lines starts an entry.
                || (!indented_starts
                    && indent(line) < indent(last)
                    && indent(line) <= indent(current[0])
                    && current.iter().any(|l| indent(l) > indent(current[0]))
                    && !last.trim_end().ends_with(','));
            if breaks {
                let lines = std::mem::take(&mut current);
                let role = if laid == Some(Break::Heading) && !chrome && !previous_chrome {
                    Role::Heading
                } else {
                    Role::Body
                };
                groups.push(Group::new(start, lines, role));
            }
        }
        if current.is_empty() {
            start = i + 1;
            previous_item = false;
        }
        previous_item |= item;
        previous_chrome = chrome;
        current.push(line);
    }
    if !current.is_empty() {
        groups.push(Group::new(start, current, Role::Body));
    }
    if pages.is_empty() {
        return groups;
    }
    // A paragraph cut by a page break between blank lines goes on after
    // the page's header or footer when it stopped mid-sentence: on a comma
    // or a small word ("… and urged the"), or, a paragraph of some length,
    // without a closing stop before text in lower case. What follows must
    // not be a list item ("(b) share …"), and a heading stops on a word of
    // its own ("Economic security").
    let mut joined: Vec<Group<'a>> = Vec::with_capacity(groups.len());
    let mut page_lines = breaks.into_iter().peekable();
    for group in groups {
        let after_page = page_lines.peek().is_some_and(|&p| p < group.start);
        while page_lines.peek().is_some_and(|&p| p < group.start) {
            page_lines.next();
        }
        let first = group.lines.first().map_or("", |l| l.trim_start());
        let opens_item = split_number(&tidy_spaces_cow(first)).0.is_some();
        let opens_low = first.starts_with(|c: char| c.is_lowercase());
        let stopped_mid = |previous: &[&str]| {
            let Some(last) = previous.last() else {
                return false;
            };
            let last_word = last.split_whitespace().next_back().unwrap_or_default();
            let words: usize = previous.iter().map(|l| l.split_whitespace().count()).sum();
            !ends_clause(last)
                && (last_word.ends_with(',')
                    || SMALL_WORDS.contains(&last_word)
                    || (opens_low && words > 8))
        };
        match joined.last_mut() {
            Some(previous) if after_page && !opens_item && stopped_mid(&previous.lines) => {
                previous.lines.extend(group.lines);
                previous.role = Role::Body;
            }
            _ => joined.push(group),
        }
    }
    joined.extend(pages);
    joined.sort_by_key(|group| group.start);
    joined
}

/// True when a text without blank lines marks each paragraph by indenting
/// its first line (a typed or PDF copy): several indented lines, never two in
/// a row after the first line (a centred title may be indented too), no list
/// items, and each indented line begins a paragraph: the line before it ends
/// a sentence, or is a short line (a title or heading) after one that does.
/// A list whose entries wrap with a hanging indent fails the last test.
fn first_lines_indented(lines: &[&str]) -> bool {
    let is_blank = |l: &&str| l.trim().is_empty();
    let first = lines.iter().position(|l| !is_blank(l)).unwrap_or(0);
    let last = lines
        .iter()
        .rposition(|l| !is_blank(l))
        .map_or(0, |i| i + 1);
    let text = &lines[first..last.max(first)];
    if text.len() < 6 || text.iter().any(is_blank) {
        return false;
    }
    let indented: Vec<usize> = (1..text.len()).filter(|&i| is_indented(text[i])).collect();
    let opens_paragraph = |i: usize| {
        let before = text[i - 1];
        ends_clause(before)
            || (before.trim().chars().count() <= HEADING_CHARS
                && (i == 1 || ends_clause(text[i - 2])))
    };
    indented.len() >= 2
        && indented.len() * 2 <= text.len()
        && !indented.windows(2).any(|w| w[1] == w[0] + 1)
        && indented.iter().all(|&i| opens_paragraph(i))
        && !text
            .iter()
            .any(|l| split_number(&tidy_spaces_cow(l)).0.is_some())
}

/// In a text whose paragraphs open with an indent, a short line that is not
/// indented, after a line that ended a sentence and before an indented line
/// (or the end), is a heading: a paragraph of its own.
fn stands_alone(
    last: &str,
    line: &str,
    next: Option<&str>,
    is_blank: &dyn Fn(&str) -> bool,
) -> bool {
    ends_clause(last)
        && !ends_clause(line)
        && line.trim().chars().count() <= HEADING_CHARS
        && next.is_none_or(|n| is_blank(n) || is_indented(n))
}

/// The width of lines joined into one, in columns.
fn width_of(lines: &[&str]) -> usize {
    lines
        .iter()
        .map(|l| width(l.trim_start()) + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

/// The width of a line's leading white space, in columns.
fn indent(line: &str) -> usize {
    line.chars()
        .map_while(|c| match c {
            '\t' => Some(4),
            '\u{3000}' => Some(2),
            c if c.is_whitespace() => Some(1),
            _ => None,
        })
        .sum()
}

/// A line indented by a tab, two spaces or an ideographic space (how Korean
/// and Japanese paragraphs begin).
fn is_indented(line: &str) -> bool {
    line.starts_with(['\t', '\u{3000}']) || line.starts_with("  ")
}

/// The words of a document, to decide line-end hyphens from evidence:
/// gathered the first time a hyphen needs them (most documents have none).
struct Vocabulary<'a> {
    text: &'a str,
    words: OnceCell<HashSet<String>>,
}

impl<'a> Vocabulary<'a> {
    fn of(text: &'a str) -> Vocabulary<'a> {
        Vocabulary {
            text,
            words: OnceCell::new(),
        }
    }

    /// The words of the text, leaving out the pieces of words broken at a
    /// line end ("trilat-" and the "eral" that starts the next line).
    fn gather(text: &str) -> HashSet<String> {
        let mut words = HashSet::new();
        let mut broken = false;
        for line in text.lines() {
            let mut pieces = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .peekable();
            if broken {
                pieces.next();
            }
            words.extend(pieces.filter(|w| !w.ends_with('-')).map(str::to_lowercase));
            broken = line.trim_end().ends_with('-');
        }
        words
    }

    fn contains(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| Vocabulary::gather(self.text))
            .contains(&word.to_lowercase())
    }
}

/// Joins the lines of one paragraph.
fn join_lines(lines: &[&str], vocabulary: &Vocabulary<'_>) -> String {
    // At most the lines and a space between each: the paragraph keeps this
    // string, so it is not left with the spare room of doubling.
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        let line = line.trim();
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        if let Some(head) = out.strip_suffix('-') {
            let before = last_word(head);
            let after = first_word(line);
            if !before.is_empty() && !after.is_empty() {
                match join_hyphenated(before, after, vocabulary) {
                    Hyphen::Keep => out.push_str(line),
                    Hyphen::Drop => {
                        out.pop();
                        out.push_str(line);
                    }
                }
                continue;
            }
        }
        if out.ends_with('\u{00AD}') {
            out.pop();
            out.push_str(line);
            continue;
        }
        let joins = out
            .chars()
            .next_back()
            .zip(line.chars().next())
            .is_some_and(|(before, after)| break_joins(before, after));
        if !joins {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

enum Hyphen {
    Keep,
    Drop,
}

/// Decides a hyphen at a line end between `before` and `after` from the
/// document's own words:
///
/// 1. the hyphenated form ("ship-to-ship", "multi-year") occurs elsewhere →
///    keep the hyphen;
/// 2. the joined word ("trilateral") occurs elsewhere → drop it;
/// 3. otherwise keep the hyphen when either part is capitalised or a number
///    ("Indo-" + "Pacific"), the first part is already a compound
///    ("ship-to-" + "ship"), or the part after the line end is a word the
///    document uses on its own ("multi-" + "year"); drop it when that part
///    is a fragment the document never uses alone ("trilat-" + "eral",
///    "commit-" + "ment").
fn join_hyphenated(before: &str, after: &str, vocabulary: &Vocabulary<'_>) -> Hyphen {
    let after_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let hyphenated = format!("{before}-{after_word}");
    let joined = format!("{before}{after_word}");
    if vocabulary.contains(&hyphenated) {
        return Hyphen::Keep;
    }
    if vocabulary.contains(&joined) {
        return Hyphen::Drop;
    }
    let last_part = before.rsplit('-').next().unwrap_or(before);
    let first_part = after_word.split('-').next().unwrap_or(&after_word);
    let starts_upper = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let known = |s: &str| s.chars().count() > 1 && vocabulary.contains(s);
    if starts_upper(first_part) || starts_upper(last_part) || before.contains('-') {
        return Hyphen::Keep;
    }
    if known(first_part) {
        return Hyphen::Keep;
    }
    Hyphen::Drop
}

fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;

    fn texts(input: &str) -> Vec<String> {
        split_blocks(input, None)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    fn texts_with_chrome(input: &str) -> Vec<String> {
        split_blocks(input, Some(&Chrome::builtin()))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn first_line_indents_mark_paragraphs_without_blank_lines() {
        let text = "Joint Statement\n    The officials met in Seoul on\nMay 2 and exchanged views on the\nsecurity environment.\n    They condemned the launches and\nurged the DPRK to stop at once and\nreturn to talks.\n";
        assert_eq!(
            texts(text),
            [
                "Joint Statement",
                "The officials met in Seoul on May 2 and exchanged views on the security environment.",
                "They condemned the launches and urged the DPRK to stop at once and return to talks."
            ]
        );
        // Japanese paragraphs begin with an ideographic space.
        let text = "共同声明\n\u{3000}三者は、北朝鮮による\n弾道ミサイルの発射を\n強く非難した。\n\u{3000}三者は、次回の協議を\n日本で開催することで\n一致した。\n";
        assert_eq!(
            texts(text),
            [
                "共同声明",
                "三者は、北朝鮮による弾道ミサイルの発射を強く非難した。",
                "三者は、次回の協議を日本で開催することで一致した。"
            ]
        );
    }

    #[test]
    fn a_list_with_hanging_indents_is_not_read_as_indented_paragraphs() {
        let text = "They agreed to:\n- hold the talks in\n  Seoul next year;\n- share warning data\n  in real time;\n- meet again.\n";
        assert_eq!(
            texts(text),
            [
                "They agreed to:",
                "- hold the talks in Seoul next year;",
                "- share warning data in real time;",
                "- meet again."
            ]
        );
    }

    #[test]
    fn paragraphs_copied_one_to_a_line_are_paragraphs() {
        let text = "Joint Statement\nThe officials met in Seoul. They exchanged views.\nThey condemned the launches. They urged the DPRK to stop.\nThey agreed to meet again.\n";
        assert_eq!(
            texts(text),
            [
                "Joint Statement",
                "The officials met in Seoul. They exchanged views.",
                "They condemned the launches. They urged the DPRK to stop.",
                "They agreed to meet again."
            ]
        );
        let japanese = "三者は会談した。意見を交換した。\n三者は発射を非難した。停止を求めた。\n三者は再会で一致した。\n";
        assert_eq!(texts(japanese).len(), 3);
    }

    #[test]
    fn a_single_line_break_after_a_sentence_is_a_paragraph_break() {
        // Short lines, each a sentence: one break or two give the same
        // paragraphs.
        let one =
            "The envoys met in Busan.\nThey reviewed the drills.\nThey will meet in spring.\n";
        let two = one.replace('\n', "\n\n");
        assert_eq!(texts(one), texts(&two));
        assert_eq!(texts(one).len(), 3);
        // An abbreviation or an initial ends no sentence.
        assert_eq!(
            texts(
                "The envoys met on Feb.\n4 in Busan with Gen. Lee and Col. J.\nPark of the staff.\n"
            )
            .len(),
            1
        );
        // A full stop before a line in lower case is no paragraph end.
        assert_eq!(texts("They met the U.S.\nenvoy in Busan.\n").len(), 1);
    }

    /// Greedy wrapping at `width` columns, each paragraph followed by
    /// `between`.
    fn wrap(paragraphs: &[&str], width: usize, between: &str) -> String {
        let mut out = String::new();
        for paragraph in paragraphs {
            let mut lines: Vec<String> = Vec::new();
            for word in paragraph.split_whitespace() {
                match lines.last_mut() {
                    Some(last) if last.len() + 1 + word.len() <= width => {
                        last.push(' ');
                        last.push_str(word);
                    }
                    _ => lines.push(word.to_string()),
                }
            }
            out.push_str(&lines.join("\n"));
            out.push_str(between);
        }
        out
    }

    const HARBOUR: &str = "The harbour masters of the three ports met in Busan on the first of March. They compared the records of the winter storms and the delays they caused to shipping in the strait. They agreed that a shared warning service would save time and lives.";
    const PILOTS: &str = "The pilots' associations will draw up a common training course for the coming year, with exchanges of staff between the ports.";

    #[test]
    fn wrapped_prose_keeps_its_sentence_ends_inside_the_paragraph() {
        // At these widths a sentence ends on a full line inside the first
        // paragraph; its last line is short, and the next paragraph follows
        // with no blank line.
        for width in [38, 45, 60] {
            let text = wrap(&[HARBOUR, PILOTS], width, "\n");
            assert!(
                text.lines().filter(|l| l.ends_with('.')).count() >= 3,
                "{text}"
            );
            assert_eq!(texts(&text), [HARBOUR, PILOTS], "{text}");
            // With blank lines between paragraphs, as before.
            let spaced = wrap(&[HARBOUR, PILOTS], width, "\n\n");
            assert_eq!(texts(&spaced), [HARBOUR, PILOTS]);
        }
    }

    #[test]
    fn a_title_or_heading_above_prose_is_a_heading_block() {
        let text = format!("Harbour Safety Talks\n{HARBOUR}\n\nTraining\n{PILOTS}\n");
        let blocks = split_blocks(&text, None);
        let got: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), b.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("Harbour Safety Talks", true),
                (HARBOUR, false),
                ("Training", true),
                (PILOTS, false)
            ]
        );
        // The same in wrapped text, the title wrapped over two lines.
        let text = format!(
            "Joint Statement of the Harbour\nSafety Talks\n{}",
            wrap(&[HARBOUR, PILOTS], 46, "\n")
        );
        let blocks = split_blocks(&text, None);
        assert_eq!(
            blocks[0].text,
            "Joint Statement of the Harbour Safety Talks"
        );
        assert!(blocks[0].heading);
        assert_eq!(blocks[1].text, HARBOUR);
    }

    #[test]
    fn a_running_header_inside_a_paragraph_is_a_page_block() {
        let paragraphs = [HARBOUR, PILOTS, HARBOUR, PILOTS, HARBOUR, PILOTS];
        let body = wrap(&paragraphs, 46, "\n");
        // A header every ten lines, mostly inside a paragraph.
        let text: String = body
            .lines()
            .enumerate()
            .flat_map(|(i, line)| {
                let header =
                    (i % 10 == 3).then(|| format!("Harbour Safety Talks – {}\n", i / 10 + 1));
                header.into_iter().chain([format!("{line}\n")])
            })
            .collect();
        let blocks = split_blocks(&text, None);
        let pages: Vec<&str> = blocks
            .iter()
            .filter(|b| b.page)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(pages.len(), 3, "{blocks:?}");
        assert_eq!(pages[1], "Harbour Safety Talks – 2");
        let body: Vec<&str> = blocks
            .iter()
            .filter(|b| !b.page)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(body, paragraphs);
    }

    #[test]
    fn korean_and_japanese_paragraphs_one_to_a_line() {
        let japanese = "港湾安全協議 共同声明\n三者は、三月一日に釜山で会合を開催した。\n三者は、冬の嵐による遅延について意見を交換した。\n";
        assert_eq!(
            texts(japanese),
            [
                "港湾安全協議 共同声明",
                "三者は、三月一日に釜山で会合を開催した。",
                "三者は、冬の嵐による遅延について意見を交換した。"
            ]
        );
        let korean = "항만 안전 협의 공동성명\n3국 대표는 3월 1일 부산에서 회의를 개최하였다.\n3국은 공동 경보 체계를 구축하기로 합의하였다.\n";
        assert_eq!(texts(korean).len(), 3);
        assert_eq!(texts(korean), texts(&korean.replace('\n', "\n\n")));
    }

    #[test]
    fn list_items_after_a_title_line_are_blocks() {
        let text = "Agreed Actions\n1. Hold a joint drill in May.\n2. Share storm warnings\nin real time.\n";
        assert_eq!(
            texts(text),
            [
                "Agreed Actions",
                "1. Hold a joint drill in May.",
                "2. Share storm warnings in real time."
            ]
        );
    }

    #[test]
    fn web_copies_with_one_paragraph_a_line_are_read_line_by_line() {
        let long = "The envoys reviewed the drills held since the last round and agreed that the schedule for the coming year should give more weight to maritime search and rescue, to the exchange of warning data, and to the training of staff";
        let text = format!(
            "Coastal Envoys Meet in Busan\nPrint\nShare\n{long}.\n{long}, as before.\nThey will meet again in spring.\n"
        );
        let blocks = split_blocks(&text, None);
        let got: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[1], "Print");
        assert_eq!(got[5], "They will meet again in spring.");
        // A headline above its teaser is a heading of its own.
        let teaser = "Busan Drill Ends\nMarch 3, 2025 - The coastal drill ended on Monday. It ran for a week.\n";
        let blocks = split_blocks(teaser, None);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].heading && !blocks[1].heading);
    }

    #[test]
    fn chinese_and_japanese_lines_join_without_a_space() {
        assert_eq!(
            texts("日米韓の防衛当局者は、2024年4月24\n日に協議を開催\nした。\n"),
            ["日米韓の防衛当局者は、2024年4月24日に協議を開催した。"]
        );
        // Korean spaces its words: its lines join with a space.
        assert_eq!(
            texts("3국 대표는 다음 사항에\n합의하였다.\n"),
            ["3국 대표는 다음 사항에 합의하였다."]
        );
    }

    #[test]
    fn a_line_that_goes_on_with_an_open_sentence_is_not_chrome() {
        // Alone, "end." is an end mark, "topics: …" a category line,
        // "updated roadmap … 2023" a dateline: here each goes on with the
        // sentence the line before left open.
        let text = "Joint Statement\n\nThe ministers called on Russia to bring its war to an\nend.\n\nThe officials discussed regional security\ntopics: maritime security and cyber threats.\n\nThe ministers welcomed the\nupdated roadmap adopted in 2023 and\ncommitted to implementing it.\n\nThey pledged to meet again.\n";
        assert_eq!(
            texts_with_chrome(text),
            [
                "Joint Statement",
                "The ministers called on Russia to bring its war to an end.",
                "The officials discussed regional security topics: maritime security and cyber threats.",
                "The ministers welcomed the updated roadmap adopted in 2023 and committed to implementing it.",
                "They pledged to meet again."
            ]
        );
        // A word hyphenated at a line end is no bare dateline ("SEOUL --").
        assert_eq!(
            texts_with_chrome("The officials discussed the trilat-\neral exercise schedule.\n"),
            ["The officials discussed the trilateral exercise schedule."]
        );
    }

    #[test]
    fn indented_paragraphs_keep_their_headings_and_centred_titles_apart() {
        let text = "Joint Statement\n    The officials met in Seoul and\nexchanged views.\n    They condemned the launches and\nurged the DPRK to stop.\nEconomic Security\n    They agreed to deepen supply\nchain cooperation.\n";
        assert_eq!(
            texts(text),
            [
                "Joint Statement",
                "The officials met in Seoul and exchanged views.",
                "They condemned the launches and urged the DPRK to stop.",
                "Economic Security",
                "They agreed to deepen supply chain cooperation."
            ]
        );
        let centred = "          Joint Statement\n    The officials met in Seoul and\nexchanged views.\n    They condemned the launches and\nurged the DPRK to stop.\n    They agreed to deepen supply\nchain cooperation.\n";
        assert_eq!(texts(centred).len(), 4, "{:?}", texts(centred));
    }

    #[test]
    fn entries_wrapped_with_a_hanging_indent_are_not_indented_paragraphs() {
        let text = "The following officials attended the talks:\nKim Min-su, Deputy Minister for National Defense\n  Policy, Republic of Korea\nJohn Smith, Principal Deputy Assistant Secretary\n  of Defense for Indo-Pacific Security Affairs\nSato Kenji, Director General for Defense\n  Policy, Ministry of Defense of Japan\n";
        let got = texts(text);
        assert!(
            got.contains(
                &"Kim Min-su, Deputy Minister for National Defense Policy, Republic of Korea"
                    .to_string()
            ),
            "{got:?}"
        );
    }

    #[test]
    fn a_paragraph_goes_on_past_a_page_footer() {
        // A PDF copy without blank lines: the footer stands between two
        // lines of one paragraph.
        assert_eq!(
            texts_with_chrome(
                "They condemned the launches and urged the\nPage 1 of 2\nDPRK to stop.\n"
            ),
            [
                "They condemned the launches and urged the DPRK to stop.",
                "Page 1 of 2"
            ]
        );
        // With blank lines around the footer, the paragraph goes on when it
        // stopped mid-sentence.
        assert_eq!(
            texts_with_chrome(
                "Title Line\n\nThey urged the\n\n- 1 -\n\nDPRK to stop.\n\nThey met.\n"
            ),
            [
                "Title Line",
                "They urged the DPRK to stop.",
                "- 1 -",
                "They met."
            ]
        );
        // A paragraph that ended before the footer, or a title, stays whole.
        assert_eq!(
            texts_with_chrome(
                "Joint Statement\n\n2 / 3\n\nThey met.\n\nThey agreed.\n\n- 2 -\n\nThey left.\n"
            ),
            [
                "Joint Statement",
                "2 / 3",
                "They met.",
                "They agreed.",
                "- 2 -",
                "They left."
            ]
        );
    }

    #[test]
    fn a_page_break_joins_no_heading_and_no_list_item() {
        // A heading in sentence case stays a heading.
        assert_eq!(
            texts_with_chrome(
                "Intro.\n\nEconomic security\n\nPage 1 of 2\n\nThe Ministers agreed.\n"
            ),
            [
                "Intro.",
                "Economic security",
                "Page 1 of 2",
                "The Ministers agreed."
            ]
        );
        // A footer inside a paragraph is no break between it and the next.
        assert_eq!(
            texts_with_chrome("They urged\nPage 1 of 2\nthe DPRK to stop and the\n\nnext words.\n"),
            [
                "They urged the DPRK to stop and the",
                "Page 1 of 2",
                "next words."
            ]
        );
        // A list item after the break is an item of its own.
        assert_eq!(
            texts_with_chrome("(a) hold an exercise; and\n\n- 1 -\n\n(b) share data.\n"),
            ["(a) hold an exercise; and", "- 1 -", "(b) share data."]
        );
        assert_eq!(
            texts_with_chrome("Agreed Actions\n\nPage 1 of 2\n\na) hold an exercise.\n"),
            ["Agreed Actions", "Page 1 of 2", "a) hold an exercise."]
        );
    }

    #[test]
    fn blank_lines_separate_and_lines_join() {
        assert_eq!(texts("a b\nc d\n\n\ne f\n"), ["a b c d", "e f"]);
    }

    #[test]
    fn crlf_cr_and_nbsp_only_lines() {
        assert_eq!(texts("a\r\nb\r\n\r\nc\r\n"), ["a b", "c"]);
        assert_eq!(texts("a\rb\r\rc"), ["a b", "c"]);
        assert_eq!(texts("a\n\u{a0} \u{a0}\nb"), ["a", "b"]);
    }

    #[test]
    fn line_numbers_are_one_based() {
        let blocks = split_blocks("\n\nfirst\n\nsecond\nmore\n", None);
        assert_eq!(blocks[0].line, 3);
        assert_eq!(blocks[1].line, 5);
    }

    #[test]
    fn bullet_items_without_blank_lines_are_blocks() {
        assert_eq!(
            texts("They agreed to:\n- hold talks;\n- train together;\n- meet again.\n"),
            [
                "They agreed to:",
                "- hold talks;",
                "- train together;",
                "- meet again."
            ]
        );
        assert_eq!(
            texts("1. First item\n2. Second item"),
            ["1. First item", "2. Second item"]
        );
    }

    #[test]
    fn wrapped_numbers_do_not_split() {
        assert_eq!(
            texts("met on April 24,\n2024. The officials"),
            ["met on April 24, 2024. The officials"]
        );
    }

    #[test]
    fn hyphen_evidence_decides() {
        let doc = "the trilateral talks and the ship-to-ship\ntransfers were trilat-\neral and ship-to-\nship and Indo-\nPacific";
        assert_eq!(
            texts(doc),
            [
                "the trilateral talks and the ship-to-ship transfers were trilateral and ship-to-ship and Indo-Pacific"
            ]
        );
        // No evidence: lower-case fragments join, compounds of known words keep the hyphen.
        assert_eq!(
            texts("a coordi-\nnated multi-\nyear plan this year"),
            ["a coordinated multi-year plan this year"]
        );
        assert_eq!(
            texts("a long-\nterm plan for the long term"),
            ["a long-term plan for the long term"]
        );
        assert_eq!(texts("a soft\u{ad}\nhyphen"), ["a softhyphen"]);
    }

    #[test]
    fn chrome_lines_are_blocks_of_their_own() {
        let chrome = Chrome::builtin();
        let blocks = split_blocks(
            "Home : Media : News\nNEWS | April 26, 2024\nJoint Statement\nof the talks\n",
            Some(&chrome),
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Home : Media : News",
                "NEWS | April 26, 2024",
                "Joint Statement of the talks"
            ]
        );
        assert_eq!(blocks[2].line, 3);
    }

    #[test]
    fn pdf_copy_without_blank_lines_splits_at_short_sentence_ends() {
        let line = "word ".repeat(14);
        let doc = format!("{line}\n{line}\nend of one.\n{line}\n{line}\nend of two.\n");
        let blocks = texts(&doc);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[0].ends_with("end of one."));
    }
}
