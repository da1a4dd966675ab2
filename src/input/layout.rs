//! How plain text is laid out, read from its own lines: whether they are
//! hard-wrapped at a width, and so whether a line break ends a paragraph.
//!
//! A wrapping program puts a word on the next line only when it does not
//! fit: a line whose next word would have fitted was ended by its author.
//! The width is learnt from the lines that are certainly wrapped (they stop
//! inside a sentence), first in a region of lines between blank lines,
//! else in the whole text. Text whose lines are wider than any wrap (a web
//! page copied paragraph by paragraph) has every line break set by its
//! author.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::normalize::{break_joins, split_number, tidy_spaces_cow};

/// The widest line read as hard-wrapped, in display columns: a wider line
/// is a paragraph an editor or a web page left unwrapped.
const MAX_WRAP: usize = 200;

/// The narrowest line read as hard-wrapped, in display columns: shorter
/// lines that stop inside a sentence are headings or labels.
const MIN_WRAP: usize = 30;

/// The fewest certainly wrapped lines that tell a wrap width.
const MIN_SAMPLES: usize = 3;

/// The longest line read as a title or heading of its own, in columns.
pub(super) const HEADING_CHARS: usize = 80;

/// How the lines of a region were broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// Hard-wrapped: a line that reaches past `limit` columns with the next
    /// line's first word was wrapped there, if it is at most `widest` wide;
    /// no wrapped line is narrower than `narrowest`.
    Wrapped {
        limit: usize,
        widest: usize,
        narrowest: usize,
    },
    /// Not wrapped: each line break was made by the author.
    Unwrapped,
    /// Too little to tell: only sentence ends and headings break.
    Unknown,
}

/// Why a line break ends a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Break {
    /// The line ended a paragraph (or a line the author set on its own).
    Paragraph,
    /// The line is a short title or heading above a paragraph of prose.
    Heading,
}

impl Layout {
    /// The layout of the lines of a region, each with the line after it in
    /// the same region (`None` for its last line); `fallback` when the
    /// region alone does not tell.
    pub(super) fn of_region(pairs: &[(&str, Option<&str>)], fallback: Layout) -> Layout {
        match wrap_of(pairs) {
            Some(layout) => layout,
            None => fallback,
        }
    }

    /// The layout of a whole text, from the pairs of all its regions.
    pub(super) fn of_text(pairs: &[(&str, Option<&str>)]) -> Layout {
        if let Some(layout) = wrap_of(pairs) {
            return layout;
        }
        if pairs.iter().any(|(line, _)| width(line) > MAX_WRAP) {
            Layout::Unwrapped
        } else {
            Layout::Unknown
        }
    }

    /// True when `line` was wrapped before `next`: the next line's first
    /// word would not have fitted on it.
    pub(super) fn wraps(self, line: &str, next: &str) -> bool {
        match self {
            Layout::Wrapped { limit, widest, .. } => {
                reach(line, next) > limit && width(line) <= widest + widest / 4
            }
            Layout::Unwrapped | Layout::Unknown => false,
        }
    }

    /// Whether the break between `line` and `next` ends a block; `after`
    /// is the line after `next`, when the same region goes on.
    ///
    /// A break inside a sentence (a comma, a small word, a lower-case
    /// continuation) never does, nor one a wrapping program made. Else a
    /// line that ends a sentence ends its paragraph; a short line without
    /// an end mark above a line of prose is a heading; and in text that is
    /// not wrapped, every line is the author's.
    pub(super) fn breaks(self, line: &str, next: &str, after: Option<&str>) -> Option<Break> {
        if self.wraps(line, next) || stops_open(line) {
            return None;
        }
        // A short line in wrapped text is one the author ended: only the
        // line's own end tells whether a sentence goes on.
        let wrapped = matches!(self, Layout::Wrapped { .. });
        if !wrapped && goes_on(next) {
            return None;
        }
        if ends_sentence(line) {
            return Some(Break::Paragraph);
        }
        let unmarked = !line
            .trim_end()
            .ends_with(|c: char| c.is_ascii_punctuation() && !matches!(c, ')' | ']' | '"' | '\''))
            && !ends_clause(line);
        // Without an end mark, a heading in wrapped text is told by being
        // shorter than any line the text wraps at.
        let short = match self {
            Layout::Wrapped { narrowest, .. } => width(line) < narrowest,
            Layout::Unwrapped | Layout::Unknown => width(line) <= HEADING_CHARS,
        };
        if unmarked && short && !goes_on(next) && self.is_prose(next, after) {
            return Some(Break::Heading);
        }
        (self == Layout::Unwrapped && !goes_on(next)).then_some(Break::Paragraph)
    }

    /// A line of running prose: a sentence, a long line that is not a
    /// title in capitals, or a line that runs on into the next one.
    fn is_prose(self, line: &str, after: Option<&str>) -> bool {
        let words = line.split_whitespace().count();
        let wide = line.chars().any(|c| c.width() == Some(2));
        let runs_on = || after.is_some_and(|a| continues(line, a) || self.wraps(line, a));
        (ends_sentence(line) && (words >= 3 || (wide && width(line) >= 20)))
            || (wide && width(line) >= 40)
            || (words >= 8 && !title_case(line))
            || (words >= 3 && runs_on())
    }
}

/// The wrap width the certainly wrapped lines tell, if they agree on one:
/// at least three, not wider than a wrap can be, within a band (a few
/// short ones, such as a title wrapped in two, are left out).
fn wrap_of(pairs: &[(&str, Option<&str>)]) -> Option<Layout> {
    let inner = pairs.iter().filter(|(_, next)| next.is_some()).count();
    let mut wrapped: Vec<(usize, usize)> = pairs
        .iter()
        .filter_map(|&(line, next)| {
            let next = next?;
            let w = width(line);
            ((MIN_WRAP..=MAX_WRAP).contains(&w) && surely_wrapped(line, next))
                .then(|| (w, reach(line, next)))
        })
        .collect();
    // Most lines of a wrapped text stop inside a sentence; a few such
    // lines among many (headings above paragraphs) tell no wrap.
    if wrapped.len() < MIN_SAMPLES || wrapped.len() * 5 < inner * 2 {
        return None;
    }
    wrapped.sort_unstable();
    let median = wrapped[wrapped.len() / 2].0;
    wrapped.retain(|&(w, _)| w * 10 >= median * 7);
    let widest = wrapped.iter().map(|&(w, _)| w).max()?;
    let narrowest = wrapped.iter().map(|&(w, _)| w).min()?;
    let shortest_reach = wrapped.iter().map(|&(_, r)| r).min()?;
    // Greedy wrapping at one width puts every wrapped line's reach past
    // the widest line; a proportional font (a PDF copy) spreads them a
    // little. Lines broken anywhere (a web copy) do not agree at all.
    let agree = widest * 3 <= shortest_reach * 4;
    (wrapped.len() >= MIN_SAMPLES && wrapped.len() * 5 >= inner * 2 && agree).then(|| {
        Layout::Wrapped {
            limit: widest.min(shortest_reach.saturating_sub(1)),
            widest,
            narrowest,
        }
    })
}

/// A line that stops inside a sentence, so was wrapped (or broken by hand
/// inside one): it stops open, the next line goes on in lower case, or,
/// in a script without capitals (Korean, Chinese, Japanese), the line
/// stops on a word and the next goes on with one.
fn surely_wrapped(line: &str, next: &str) -> bool {
    if ends_clause(line) {
        return false;
    }
    let last = line.trim_end().chars().next_back();
    let first = next.trim_start().chars().next();
    let caseless = |c: char| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
    let word_run = || {
        last.zip(first)
            .is_some_and(|(a, b)| (a.is_alphanumeric() || a == ')') && caseless(b))
    };
    (continues(line, next) || word_run()) && !is_item(next)
}

/// A break inside a sentence: the line stops open, or the next line goes
/// on with it.
fn continues(line: &str, next: &str) -> bool {
    stops_open(line) || goes_on(next)
}

/// The line stops where no sentence ends: on a comma, an opening bracket,
/// a dash or hyphen, or a small word ("… and urged the").
pub(super) fn stops_open(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with([
        ',', '\u{3001}', '\u{FF0C}', '(', '[', '\u{201C}', '-', '\u{2013}', '\u{2014}', '/', '&',
    ]) || line
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The line goes on with a sentence: it starts in lower case (and is no
/// list item, "a) …"), or with a closing mark.
fn goes_on(next: &str) -> bool {
    let next = next.trim_start();
    (next.starts_with(char::is_lowercase) && !is_item(next))
        || next.starts_with([
            ')', ']', ',', '.', ';', ':', '\u{3001}', '\u{3002}', '\u{FF09}', '\u{300D}',
            '\u{300F}',
        ])
}

fn is_item(line: &str) -> bool {
    split_number(&tidy_spaces_cow(line)).0.is_some()
}

/// Where the next line's first word would end, in columns, had it been
/// put on this line: after a space, or right after it where the two join
/// without one (Chinese and Japanese, which may break between any two
/// characters).
fn reach(line: &str, next: &str) -> usize {
    let next = next.trim_start();
    let joins = line
        .trim_end()
        .chars()
        .next_back()
        .zip(next.chars().next())
        .is_some_and(|(a, b)| break_joins(a, b));
    let first = if joins {
        next.chars().next().and_then(|c| c.width()).unwrap_or(0)
    } else {
        next.split_whitespace().next().map_or(0, |w| w.width()) + 1
    };
    width(line) + first
}

/// The display width of a line in columns (a Chinese, Japanese or Korean
/// character takes two), without white space at its end.
pub(super) fn width(line: &str) -> usize {
    let line = line.trim_end();
    if line.is_ascii() {
        // What the table says of ASCII, without the table.
        line.bytes().filter(|b| !b.is_ascii_control()).count()
    } else {
        line.width()
    }
}

/// A line whose longer words all begin with a capital: a title.
fn title_case(line: &str) -> bool {
    let mut long = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .peekable();
    long.peek().is_some() && long.all(|w| !w.starts_with(char::is_lowercase))
}

/// Words a sentence does not stop on: a line ending with one was cut.
pub(super) const SMALL_WORDS: &[&str] = &[
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

/// Words a full stop follows without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Adm", "Lt", "Col", "Capt", "Amb", "Sec", "Gov",
    "Sen", "Rep", "Vol", "Art", "Para", "para", "vs", "Maj", "Brig", "Sgt", "Cpl", "Pvt", "Asst",
    "Cmdr", "Cdr", "Dep", "Dept", "Prof", "Hon", "Jr", "Sr", "Pres", "Rev", "Fig", "Inc", "Corp",
    "Ltd", "Co", "Mt", "Ft",
];

/// True when the line ends a sentence: a full stop (not after an
/// abbreviation such as "Feb." or an initial), a question or exclamation
/// mark, a colon, or an ideographic or full-width full stop; closing quotes
/// and brackets may follow.
pub(super) fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches([
        '"', '\'', '\u{201D}', '\u{2019}', ')', '\u{300D}', '\u{FF09}',
    ]);
    if !t.ends_with([
        '.', '!', '?', ':', '\u{3002}', '\u{FF0E}', '\u{FF01}', '\u{FF1F}', '\u{FF1A}',
    ]) {
        return false;
    }
    let Some(word) = t.strip_suffix('.') else {
        return true;
    };
    let word = word
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    !(ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.starts_with(char::is_uppercase)))
}

/// A sentence end, or a semicolon closing a clause of a list.
pub(super) fn ends_clause(line: &str) -> bool {
    ends_sentence(line) || line.trim_end().ends_with([';', '\u{FF1B}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs<'a>(lines: &[&'a str]) -> Vec<(&'a str, Option<&'a str>)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| (*l, lines.get(i + 1).copied()))
            .collect()
    }

    #[test]
    fn a_wrap_width_is_learnt_from_lines_that_stop_mid_sentence() {
        let lines = [
            "The delegates from the three nations gathered in the",
            "capital for two days of talks on maritime safety and",
            "shared early warning. They reviewed progress since",
            "the last round and set out the work for the coming",
            "year.",
        ];
        let layout = Layout::of_text(&pairs(&lines));
        let Layout::Wrapped { limit, widest, .. } = layout else {
            panic!("{layout:?}");
        };
        assert_eq!(widest, 52);
        assert!(limit <= widest);
        // A full line ending a sentence was wrapped; a short one was not.
        assert!(layout.wraps("shared early warning. They reviewed the progress of", "the"));
        assert!(!layout.wraps("year.", "Next"));
    }

    #[test]
    fn long_lines_are_unwrapped_and_short_ones_tell_nothing() {
        let long = "word ".repeat(50);
        let lines = [long.as_str(), "Another line."];
        assert_eq!(Layout::of_text(&pairs(&lines)), Layout::Unwrapped);
        assert_eq!(
            Layout::of_text(&pairs(&["A line.", "Another."])),
            Layout::Unknown
        );
    }

    #[test]
    fn lines_broken_anywhere_tell_no_width() {
        // Stops inside sentences at widths that have nothing in common.
        let lines = [
            "The envoys met and",
            "agreed on a long list of measures that will take effect over the next year and",
            "beyond, as",
            "reported.",
        ];
        assert_eq!(Layout::of_text(&pairs(&lines)), Layout::Unknown);
    }

    #[test]
    fn breaks_inside_sentences_never_end_a_block() {
        for layout in [Layout::Unwrapped, Layout::Unknown] {
            assert_eq!(
                layout.breaks("They urged the", "Council to act.", None),
                None
            );
            assert_eq!(layout.breaks("In Seoul,", "They met.", None), None);
            assert_eq!(layout.breaks("They met in", "Seoul.", None), None);
            assert_eq!(layout.breaks("They met.", "then left.", None), None);
        }
    }

    #[test]
    fn sentence_ends_headings_and_author_lines() {
        let layout = Layout::Unknown;
        assert_eq!(
            layout.breaks("They met.", "They agreed.", None),
            Some(Break::Paragraph)
        );
        assert_eq!(
            layout.breaks("They met on Feb.", "4 and agreed.", None),
            None
        );
        assert_eq!(
            layout.breaks(
                "Economic Security",
                "The ministers agreed to work together.",
                None
            ),
            Some(Break::Heading)
        );
        // A title in two lines is one title.
        assert_eq!(
            layout.breaks(
                "Joint Statement of the Trilateral",
                "Ministerial Meeting on Defense Cooperation Held in Tokyo Japan",
                Some("The ministers met.")
            ),
            None
        );
        // Two labels: unknown text keeps them together, unwrapped text not.
        assert_eq!(layout.breaks("Print", "Share", None), None);
        assert_eq!(
            Layout::Unwrapped.breaks("Print", "Share", None),
            Some(Break::Paragraph)
        );
    }

    #[test]
    fn cjk_width_and_sentence_ends() {
        assert_eq!(width("共同声明"), 8);
        assert!(ends_sentence("三者は一致した。"));
        assert!(ends_sentence("3국은 합의했다."));
        assert!(ends_sentence("三者は一致した．"));
        assert_eq!(
            Layout::Unknown.breaks(
                "三者は一致した。",
                "三者は、次回の協議を日本で開催することで一致した。",
                None
            ),
            Some(Break::Paragraph)
        );
        assert_eq!(
            Layout::Unknown.breaks("三者は、", "次回の協議を開催する。", None),
            None
        );
    }
}
