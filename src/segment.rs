//! Plain text → blocks: blank lines separate paragraphs, hard-wrapped lines
//! are joined, list items start blocks of their own, and words hyphenated
//! across a line end are mended from the document's own evidence.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::block::Block;
use crate::chrome::{Chrome, LineChrome};
use crate::normalize::{is_invisible, split_number, tidy_spaces_cow, tidy_spaces_owned};

/// Splits plain text into blocks.
///
/// - Line ends may be LF, CRLF or CR.
/// - A line holding only white space (including non-breaking spaces) is blank
///   and ends a paragraph.
/// - Inside a paragraph, a line that starts with a list marker ("- ", "• ",
///   "1. ", "(a) ") begins a new block when the line before it ended a
///   sentence or a clause (".", ":", ";") or was itself a list item, so
///   a bulleted list without blank lines still gives one block per item.
/// - Text copied from PDFs often has no blank lines at all: when a document
///   has no blank line between its wrapped lines, a line ends its paragraph
///   when the next line's first word would have fitted on it (a wrapping
///   program would have put it there).
/// - A line that a page-chrome rule matches ("NEWS | April 26, 2024",
///   "Home : Media : News") is a block of its own, so that the chrome pass can
///   set it aside without taking the statement's lines with it.
/// - The lines of a block are joined with a space; a word split by a hyphen
///   at a line end is joined back by [`join_hyphenated`].
pub fn split_blocks(text: &str, chrome: Option<&Chrome>) -> Vec<Block> {
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
    let chrome_of = |line: &str| chrome.map_or(LineChrome::None, |c| c.line_chrome(line));
    let raw = group_lines(&lines, &chrome_of);
    raw.into_iter()
        .filter_map(|(line, group)| {
            let joined = join_lines(&group, &vocabulary);
            let text = tidy_spaces_owned(joined);
            (!text.is_empty()).then(|| Block::text(text, line))
        })
        .collect()
}

/// Groups lines into paragraphs: `(first line number, lines)`.
///
/// A page header or footer (`LineChrome::Page`) is a group of its own, and the
/// paragraph it stands in goes on past it: a PDF copy breaks paragraphs
/// across pages.
fn group_lines<'a>(
    lines: &[&'a str],
    chrome_of: &dyn Fn(&str) -> LineChrome,
) -> Vec<(usize, Vec<&'a str>)> {
    // What `tidy_spaces` leaves nothing of.
    let is_blank = |l: &str| l.chars().all(|c| c.is_whitespace() || is_invisible(c));
    let wrapped_without_blanks = looks_like_unbroken_wrap(lines);
    let width = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let mut groups: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut pages: Vec<(usize, Vec<&str>)> = Vec::new();
    // The lines of the page headers and footers that stand between paragraphs.
    let mut breaks: Vec<usize> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut previous_item = false;
    let mut previous_chrome = false;
    for (i, &line) in lines.iter().enumerate() {
        if is_blank(line) {
            if !current.is_empty() {
                groups.push((start, std::mem::take(&mut current)));
            }
            previous_item = false;
            continue;
        }
        let kind = chrome_of(line);
        if kind == LineChrome::Page {
            pages.push((i + 1, vec![line]));
            // A footer between two lines of one paragraph is inside it; one
            // with a blank line on either side stands between paragraphs.
            let next_blank = lines.get(i + 1).is_none_or(|l| is_blank(l));
            if current.is_empty() || next_blank {
                breaks.push(i + 1);
            }
            continue;
        }
        let item = split_number(&tidy_spaces_cow(line)).0.is_some();
        let chrome = kind != LineChrome::None;
        if let Some(&last) = current.last() {
            let closed = ends_clause(last);
            let breaks = (item && (closed || previous_item))
                || chrome
                || previous_chrome
                || (wrapped_without_blanks && next_word_fits(last, line, width));
            if breaks {
                groups.push((start, std::mem::take(&mut current)));
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
        groups.push((start, current));
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
    let mut joined: Vec<(usize, Vec<&str>)> = Vec::with_capacity(groups.len());
    let mut page_lines = breaks.into_iter().peekable();
    for group in groups {
        let after_page = page_lines.peek().is_some_and(|&p| p < group.0);
        while page_lines.peek().is_some_and(|&p| p < group.0) {
            page_lines.next();
        }
        let first = group.1.first().map_or("", |l| l.trim_start());
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
            Some(previous) if after_page && !opens_item && stopped_mid(&previous.1) => {
                previous.1.extend(group.1);
            }
            _ => joined.push(group),
        }
    }
    joined.extend(pages);
    joined.sort_by_key(|(line, _)| *line);
    joined
}

/// True when the text has many lines and no blank line between them, and the
/// lines look hard-wrapped (most of them are close to one width).
fn looks_like_unbroken_wrap(lines: &[&str]) -> bool {
    let nonblank: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if nonblank.len() < 6 || nonblank.len() != lines.iter().filter(|l| !l.trim().is_empty()).count()
    {
        return false;
    }
    let has_blank_between = lines
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .skip_while(|l| l.trim().is_empty())
        .any(|l| l.trim().is_empty());
    if has_blank_between {
        return false;
    }
    let width = nonblank.iter().copied().max().unwrap_or(0);
    let near_width = nonblank.iter().filter(|&&n| n * 10 >= width * 8).count();
    (40..=200).contains(&width) && near_width * 2 >= nonblank.len()
}

/// Words a sentence does not stop on: a line ending with one was cut.
const SMALL_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "in",
    "on",
    "for",
    "with",
    "by",
    "at",
    "from",
    "that",
    "which",
    "its",
    "their",
    "as",
    "under",
    "between",
    "among",
    "including",
];

fn ends_sentence(line: &str) -> bool {
    let t = line
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    t.ends_with(['.', '!', '?', ':', '\u{3002}'])
}

/// In greedily wrapped text the first word of a line never fits on the
/// line before it; when it would have fit, the break was a paragraph end.
fn next_word_fits(last: &str, line: &str, width: usize) -> bool {
    let next = line.split_whitespace().next().unwrap_or("");
    last.trim_end().chars().count() + 1 + next.chars().count() <= width
}

fn ends_clause(line: &str) -> bool {
    ends_sentence(line) || line.trim_end().ends_with(';')
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
        out.push(' ');
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
