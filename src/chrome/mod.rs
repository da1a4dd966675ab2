//! Page chrome: finds where the statement starts and ends and sets aside the
//! web-page text around it (banners, breadcrumbs, bylines, share bars,
//! related-news lists), driven by the rules in `chrome.rules`.

mod pattern;
mod rules;
mod strip;

use crate::model::{Block, ChromeLines, LineChrome, RuleKind};

use self::pattern::Line;
pub use self::rules::RuleError;
use self::rules::{Lazy, Rule};
pub use self::strip::Stripped;

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
    date: Lazy,
}

const DATE: &str = r"(?i)((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}, \d{4}|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}年\d{1,2}月\d{1,2}日|(令和|平成)\S*?年\S*?月\S*?日)";

impl Chrome {
    /// Compiles rules written in the `chrome.rules` format.
    ///
    /// The built-in rules (when `source` starts with them) are known to
    /// compile and are compiled when first needed; any other line is
    /// compiled here, so that a bad pattern is reported with its line.
    pub fn parse(source: &str) -> Result<Chrome, RuleError> {
        Ok(Chrome {
            rules: rules::parse(source)?,
            date: Lazy::new(DATE),
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
            date: Lazy::new(DATE),
        }
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
        if self.rules.is_empty() {
            return LineChrome::None;
        }
        let line = Line::new(line);
        let mut found = LineChrome::None;
        for rule in self.rules.iter().filter(|rule| rule.matches(&line)) {
            if rule.kind == RuleKind::Page {
                return LineChrome::Page;
            }
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
