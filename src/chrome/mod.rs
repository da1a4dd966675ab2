//! Page chrome: tells the statement from the web-page text around it
//! (banners, menus, breadcrumbs, bylines, share bars, tickers, related-news
//! lists, footers) by what each block is: its length, its share of function
//! words, its sentences, capitals and links, and its neighbours (see
//! `shape` and `context`). The rules in `chrome.rules` add what structure
//! cannot tell: release markers, attribution lines, contacts, end marks.

mod context;
mod language;
mod pattern;
mod rules;
mod shape;
mod strip;

use crate::model::{Block, ChromeLines, LineChrome, RuleKind};

use self::pattern::Line;
use self::rules::Rule;
pub use self::rules::RuleError;
pub use self::strip::Stripped;
use crate::text::date::first_full_date;

/// The built-in rules, compiled into the binary (see `src/chrome/chrome.rules`).
pub const BUILTIN_RULES: &str = include_str!("chrome.rules");

/// A compiled set of chrome rules.
///
/// A rule's regular expression is compiled the first time a line could
/// match it: each rule carries a cheap test, read from its pattern, that
/// every line it matches passes (how the line starts and ends, characters
/// it must contain). Most lines of a statement pass no rule's test, so a
/// run compiles a few of the rules, or none, instead of all of them
/// (compiling them all took longer than comparing two short statements).
#[derive(Debug, Clone)]
pub struct Chrome {
    rules: Vec<Rule>,
    /// Whether blocks are classified by their structure (all but `none`).
    structure: bool,
}

impl Chrome {
    /// Compiles rules written in the `chrome.rules` format.
    ///
    /// The built-in rules (when `source` starts with them) are known to
    /// compile and are compiled when first needed; any other line is
    /// compiled here, so that a bad pattern is reported with its line.
    pub fn parse(source: &str) -> Result<Chrome, RuleError> {
        Ok(Chrome {
            rules: rules::parse(source)?,
            structure: true,
        })
    }

    /// The built-in rules.
    pub fn builtin() -> Chrome {
        // The built-in rules are tested to compile (`builtin_rules_compile`).
        #[allow(clippy::expect_used)]
        Chrome::parse(BUILTIN_RULES).expect("built-in chrome rules compile")
    }

    /// No rules at all (`--keep-chrome`).
    pub fn none() -> Chrome {
        Chrome {
            rules: Vec::new(),
            structure: false,
        }
    }

    /// Whether one line of plain text is furniture by its shape alone, or
    /// a date standing alone.
    fn line_is_furniture(&self, line: &str) -> bool {
        shape::line_is_furniture(line) || {
            let words = line.split_whitespace().count();
            words <= 14 && self.is_dateline(line, words)
        }
    }

    /// Whether a text opens with a date and a dash, as the teaser of a
    /// news item in a list does ("Feb. 4, 2025 - The …").
    fn opens_with_dated_dash(&self, text: &str) -> bool {
        // Only a date at the very start counts: look no further than the
        // longest date's length.
        let mut head = text.len().min(80);
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let Some(m) = first_full_date(&text[..head]) else {
            return false;
        };
        let rest = text[m.end..].trim_start();
        m.start == 0 && rest.starts_with(['-', '\u{2013}', '\u{2014}'])
    }

    /// The first date a text names.
    fn date_in(&self, text: &str) -> Option<String> {
        first_full_date(text).map(|m| text[m].to_string())
    }

    /// Whether a short block is a date standing alone, perhaps with a
    /// label or a section name ("Published: April 26, 2024",
    /// "NEWS | April 26, 2024", "등록일 2024-09-12").
    fn is_dateline(&self, text: &str, words: usize) -> bool {
        if words > 14 || !text.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let Some(m) = first_full_date(text) else {
            return false;
        };
        let rest = format!("{} {}", &text[..m.start], &text[m.end..]);
        let words = rest
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        // "Signed 2024-04-24 in Seoul." is a sentence, not a dateline.
        let sentence = words >= 2 && shape::ends_sentence(text);
        words <= 4 && !sentence && unicode_width::UnicodeWidthStr::width(rest.trim()) <= 40
    }

    /// The rules that match one line of text, in order.
    fn matching<'a>(&'a self, line: &str) -> impl Iterator<Item = &'a Rule> + 'a {
        let line = Line::new(line);
        self.rules
            .iter()
            .filter(|rule| rule.matches(&line))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The kinds of the rules that match one line of text.
    fn kinds_of(&self, line: &str) -> impl Iterator<Item = RuleKind> + '_ {
        self.matching(line).map(|rule| rule.kind)
    }

    /// What the rules make of one line of plain text, read once: a page
    /// header or footer (which a paragraph goes on past), other chrome (a
    /// block of its own), or statement text.
    pub fn line_chrome(&self, line: &str) -> LineChrome {
        if self.rules.is_empty() && !self.structure {
            return LineChrome::None;
        }
        let text = line;
        let line = Line::new(line);
        let mut found = LineChrome::None;
        for rule in self.rules.iter().filter(|rule| rule.matches(&line)) {
            if rule.kind == RuleKind::Page {
                return LineChrome::Page;
            }
            found = LineChrome::Other;
        }
        if found == LineChrome::None && self.structure && self.line_is_furniture(text) {
            found = LineChrome::Other;
        }
        found
    }

    /// Splits blocks into the statement and what is set aside.
    pub fn strip(&self, blocks: Vec<Block>) -> Stripped {
        strip::strip(self, blocks)
    }
}

impl ChromeLines for Chrome {
    fn line_chrome(&self, line: &str) -> LineChrome {
        Chrome::line_chrome(self, line)
    }
}

#[cfg(test)]
mod tests;
