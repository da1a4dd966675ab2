//! The rules file: each line read into a rule, its pattern compiled on first use.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use super::BUILTIN_RULES;
use super::pattern::{Filter, Line};
use crate::model::RuleKind;

/// One rule: its kind, its pattern, its quick test and, once needed, the
/// compiled pattern.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) kind: RuleKind,
    pub(super) filter: Option<Filter>,
    pub(super) regex: Lazy,
}

/// A case-insensitive pattern compiled on first use.
#[derive(Debug, Clone)]
pub(super) struct Lazy {
    pub(super) pattern: String,
    pub(super) regex: OnceLock<Option<Regex>>,
}

impl Lazy {
    pub(super) fn new(pattern: &str) -> Lazy {
        Lazy {
            pattern: pattern.to_string(),
            regex: OnceLock::new(),
        }
    }

    /// Compiles now, reporting errors.
    fn compiled(pattern: &str) -> Result<Lazy, regex::Error> {
        let regex = compile(pattern)?;
        Ok(Lazy {
            pattern: pattern.to_string(),
            regex: OnceLock::from(Some(regex)),
        })
    }

    pub(super) fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| compile(&self.pattern).ok())
            .as_ref()
    }
}

pub(super) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

/// A bad line in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line in the rules file.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Reads the rules of a file in the `chrome.rules` format, in order;
/// patterns are compiled as [`Chrome::parse`](super::Chrome::parse) says.
pub(super) fn parse(source: &str) -> Result<Vec<Rule>, RuleError> {
    let trusted = if source.starts_with(BUILTIN_RULES) {
        BUILTIN_RULES.lines().count()
    } else {
        0
    };
    let mut rules = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, pattern) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let error = |reason: String| RuleError {
            line: i + 1,
            reason,
        };
        let kind = RuleKind::parse(kind).ok_or_else(|| {
            error(format!(
                "unknown rule kind '{kind}' (header, dateline, anywhere, page, start, end, tail)"
            ))
        })?;
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Err(error("a rule needs a pattern".into()));
        }
        let regex = if i < trusted {
            Lazy::new(pattern)
        } else {
            Lazy::compiled(pattern)
                .map_err(|e| error(format!("bad pattern: {}", regex_reason(&e.to_string()))))?
        };
        rules.push(Rule {
            kind,
            filter: Filter::of(pattern),
            regex,
        });
    }
    Ok(rules)
}

impl Rule {
    pub(super) fn matches(&self, line: &Line<'_>) -> bool {
        self.filter.as_ref().is_none_or(|f| f.passes(line))
            && self.regex.get().is_some_and(|re| re.is_match(line.key()))
    }
}

/// A regex error in one line: the parser's reason ("unclosed group"), which
/// its message gives last, after the pattern and a caret.
fn regex_reason(s: &str) -> String {
    let lines = || s.lines().rev().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find_map(|l| l.strip_prefix("error: "))
        .or_else(|| lines().next())
        .unwrap_or(s)
        .to_string()
}
