//! Plain text → blocks: blank lines separate paragraphs, hard-wrapped lines
//! are joined, list items start blocks of their own, and words hyphenated
//! across a line end are mended from the document's own evidence.

use std::cell::OnceCell;
use std::collections::HashSet;

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
    let indented_starts = first_lines_indented(lines);
    let wrapped_without_blanks = !indented_starts && looks_like_unbroken_wrap(lines);
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
        // A line that goes on with a sentence the line before left open
        // ("… to bring its war to an" + "end.") is that sentence's, whatever
        // a chrome rule makes of it alone.
        let continues = current.last().is_some_and(|last| !ends_clause(last))
            && line.trim_start().starts_with(char::is_lowercase);
        let chrome = kind != LineChrome::None && !continues;
        if let Some(&last) = current.last() {
            let closed = ends_clause(last);
            let next = lines.get(i + 1).copied();
            let breaks = (item && (closed || previous_item))
                || chrome
                || previous_chrome
                // A heading said twice (a page's breadcrumb ends with the
                // title its heading repeats) is two blocks.
                || (current.len() == 1
                    && line.trim() == last.trim()
                    && !line.trim_start().starts_with(char::is_lowercase))
                || (indented_starts
                    && (is_indented(line) || stands_alone(last, line, next, &is_blank)))
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
    let groups = split_unwrapped(lines, groups);
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

/// Paragraphs copied one to a line, with no blank line between them (a web
/// page whose paragraphs are separated by line breaks): each line of such a
/// run is a paragraph of its own. A run of three lines or more is read so
/// when at least three in four of its lines end a sentence (a wrapping
/// program seldom breaks at a full stop) and at least a third hold more than
/// one sentence, which tells paragraphs from sentences written one to a
/// line. A run of two lines (a headline and its teaser) stays one block.
fn split_unwrapped<'a>(
    lines: &[&'a str],
    groups: Vec<(usize, Vec<&'a str>)>,
) -> Vec<(usize, Vec<&'a str>)> {
    if !groups.iter().any(|(_, g)| one_paragraph_a_line(g)) {
        return groups;
    }
    // The lines of a group are slices of `lines`, in order: a line's number
    // is found from where it starts.
    let number = |line: &str| lines.partition_point(|l| l.as_ptr() < line.as_ptr()) + 1;
    let mut out = Vec::with_capacity(groups.len());
    for (start, group) in groups {
        if one_paragraph_a_line(&group) {
            out.extend(group.into_iter().map(|line| (number(line), vec![line])));
        } else {
            out.push((start, group));
        }
    }
    out
}

fn one_paragraph_a_line(group: &[&str]) -> bool {
    if group.len() < 3 {
        return false;
    }
    let ends = group.iter().filter(|l| ends_sentence(l)).count();
    ends * 4 >= group.len() * 3
        && group.iter().filter(|l| holds_two_sentences(l)).count() * 3 >= group.len()
}

/// A sentence ends inside the line, and another one follows: ". " after a
/// word that is not an abbreviation ("U.S.", "Feb. 4", "No. 12") and before
/// anything but a lower-case letter, or an ideographic full stop before more
/// text.
fn holds_two_sentences(line: &str) -> bool {
    let line = line.trim_end();
    line.match_indices(". ").any(|(at, _)| {
        let word = line[..at]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or_default();
        let after = line[at + 2..].chars().next();
        let abbreviation =
            word.contains('.') || word.chars().count() < 2 || ABBREVIATIONS.contains(&word);
        !abbreviation && after.is_some_and(|c| !c.is_lowercase() && !c.is_whitespace())
    }) || line
        .char_indices()
        .any(|(at, c)| c == '\u{3002}' && at + c.len_utf8() < line.len())
}

/// Words a full stop follows without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Adm", "Lt", "Col", "Capt", "Amb", "Sec", "Gov",
    "Sen", "Rep", "Vol", "Art", "Para", "para", "vs", "Maj", "Brig", "Sgt", "Cpl", "Pvt", "Asst",
    "Cmdr", "Cdr", "Dep", "Dept", "Prof", "Hon", "Jr", "Sr", "Pres", "Rev", "Fig", "Inc", "Corp",
    "Ltd", "Co", "Mt", "Ft",
];

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

/// The longest line read as a title or heading of its own.
const HEADING_CHARS: usize = 80;

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

/// A line indented by a tab, two spaces or an ideographic space (how Korean
/// and Japanese paragraphs begin).
fn is_indented(line: &str) -> bool {
    line.starts_with(['\t', '\u{3000}']) || line.starts_with("  ")
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
    fn sentences_written_one_to_a_line_stay_one_paragraph() {
        // One sentence a line, and abbreviations are no sentence ends.
        let text = "The officials met in Seoul on Feb. 4 with the U.S. delegation.\nThey condemned the launches.\nThey urged the DPRK to stop.\n";
        assert_eq!(texts(text).len(), 1);
        let text = "The officials met in Seoul.\nMaj. Gen. Kim briefed them.\nThey urged the DPRK to stop.\n";
        assert_eq!(texts(text).len(), 1);
        // A headline and its teaser are one block, as before.
        let text = "Army Begins North Wind\nFeb. 4, 2025 - The Army begins North Wind. It runs to Feb. 9.\n";
        assert_eq!(texts(text).len(), 1);
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
