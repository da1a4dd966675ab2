//! Page chrome: finds where the statement starts and ends and sets aside the
//! web-page text around it (banners, breadcrumbs, bylines, share bars,
//! related-news lists), driven by the rules in `chrome.rules`.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::block::Block;
use crate::normalize::fold_typography;

/// The built-in rules, compiled into the binary (see `src/chrome.rules`).
pub const BUILTIN_RULES: &str = include_str!("chrome.rules");

/// Where a rule applies (see the header of `chrome.rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// A line above the statement's first paragraph.
    Header,
    /// A header line that carries the publication date.
    Dateline,
    /// A whole paragraph, wherever it stands.
    Anywhere,
    /// This paragraph and all that follow are not the statement.
    End,
}

impl RuleKind {
    fn parse(word: &str) -> Option<RuleKind> {
        Some(match word {
            "header" => RuleKind::Header,
            "dateline" => RuleKind::Dateline,
            "anywhere" => RuleKind::Anywhere,
            "end" => RuleKind::End,
            _ => return None,
        })
    }

    /// The name used in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Header => "header",
            RuleKind::Dateline => "dateline",
            RuleKind::Anywhere => "anywhere",
            RuleKind::End => "end",
        }
    }
}

/// A compiled set of chrome rules.
#[derive(Debug, Clone)]
pub struct Chrome {
    kinds: Vec<RuleKind>,
    set: RegexSet,
    date: Regex,
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

const DATE: &str = r"(?i)((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}, \d{4}|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}年\d{1,2}月\d{1,2}日|(令和|平成)\S*?年\S*?月\S*?日)";

impl Chrome {
    /// Compiles rules written in the `chrome.rules` format.
    pub fn parse(source: &str) -> Result<Chrome, RuleError> {
        let mut kinds = Vec::new();
        let mut patterns = Vec::new();
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
                    "unknown rule kind '{kind}' (header, dateline, anywhere, end)"
                ))
            })?;
            let pattern = pattern.trim();
            if pattern.is_empty() {
                return Err(error("a rule needs a pattern".into()));
            }
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .map_err(|e| error(format!("bad pattern: {}", first_line(&e.to_string()))))?;
            kinds.push(kind);
            patterns.push(pattern.to_string());
        }
        let set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .map_err(|e| RuleError {
                line: 0,
                reason: first_line(&e.to_string()),
            })?;
        let date = Regex::new(DATE).map_err(|e| RuleError {
            line: 0,
            reason: e.to_string(),
        })?;
        Ok(Chrome { kinds, set, date })
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
            kinds: Vec::new(),
            set: RegexSet::empty(),
            date: Regex::new("$^").unwrap_or_else(|_| unreachable!()),
        }
    }

    /// The kinds of the rules that match one line of text.
    fn kinds_of(&self, line: &str) -> impl Iterator<Item = RuleKind> + '_ {
        let key = fold_typography(line);
        self.set
            .matches(&key)
            .into_iter()
            .map(|i| self.kinds[i])
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// True when some rule of any kind matches the line: a plain-text line
    /// that matches is kept apart from its neighbours as a block of its own.
    pub fn matches_any(&self, line: &str) -> bool {
        !self.kinds.is_empty() && self.set.is_match(&fold_typography(line))
    }

    /// Splits blocks into the statement and what is set aside.
    pub fn strip(&self, blocks: Vec<Block>) -> Stripped {
        let mut out = Stripped::default();
        if self.kinds.is_empty() {
            out.title = title_of(&blocks);
            out.kept = blocks;
            return out;
        }
        let kinds: Vec<Vec<RuleKind>> = blocks
            .iter()
            .map(|b| self.kinds_of(&b.text).collect())
            .collect();
        let body = blocks
            .iter()
            .zip(&kinds)
            .position(|(b, k)| k.is_empty() && is_prose(&b.text))
            .or_else(|| kinds.iter().position(Vec::is_empty))
            .unwrap_or(blocks.len());
        let mut ended = false;
        for (i, (block, kinds)) in blocks.into_iter().zip(kinds).enumerate() {
            let in_header = i < body;
            let reason = if ended {
                Some(RuleKind::End)
            } else if !in_header && kinds.contains(&RuleKind::End) {
                ended = true;
                Some(RuleKind::End)
            } else if kinds.contains(&RuleKind::Anywhere) {
                Some(RuleKind::Anywhere)
            } else if in_header && kinds.contains(&RuleKind::Dateline) {
                Some(RuleKind::Dateline)
            } else if in_header && kinds.contains(&RuleKind::Header) {
                Some(RuleKind::Header)
            } else {
                None
            };
            match reason {
                Some(kind) => {
                    if kind == RuleKind::Dateline && out.date.is_none() {
                        out.date = self.date.find(&block.text).map(|m| m.as_str().to_string());
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
}

fn first_line(s: &str) -> String {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}

/// A paragraph of statement prose: a sentence of some length.
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let chars = text.chars().count();
    let ends = text
        .trim_end()
        .ends_with(['.', '\u{3002}', '!', '?', ':', ';', '"', '\u{201D}', ')']);
    ends && (words >= 10 || chars >= 60)
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

/// One block set aside as page chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// 1-based source line (0 when unknown).
    pub line: usize,
    /// The block's text.
    pub text: String,
    /// The kind of rule that set it aside.
    pub rule: RuleKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Block::text(*t, i + 1))
            .collect()
    }

    const BODY: &str = "The three sides affirmed their enduring commitment to strengthening trilateral cooperation.";

    #[test]
    fn builtin_rules_compile() {
        assert!(Chrome::parse(BUILTIN_RULES).is_ok());
    }

    #[test]
    fn bad_rules_name_the_line() {
        let err = Chrome::parse("# c\nheader ^ok$\nfooter ^x$\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("footer"));
        let err = Chrome::parse("end (unclosed\n").unwrap_err();
        assert!(err.reason.starts_with("bad pattern"), "{}", err.reason);
    }

    #[test]
    fn seed_layout_keeps_title_and_body() {
        let stripped = Chrome::builtin().strip(blocks(&[
            "An official website of the United States government",
            "Home : Media : News : News Article View",
            "NEWS | April 26, 2024",
            "Joint Statement of the 14th Defense Trilateral Talks",
            "U.S. Department of Defense",
            BODY,
            "The officials pledged to continue working closely together.",
            "CONNECT WITH USINDOPACOM",
            "IN THE USINDOPACOM NEWS",
            "U.S. Army Japan Begins North Wind 25",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Joint Statement of the 14th Defense Trilateral Talks",
                BODY,
                "The officials pledged to continue working closely together."
            ]
        );
        assert_eq!(
            stripped.title.as_deref(),
            Some("Joint Statement of the 14th Defense Trilateral Talks")
        );
        assert_eq!(stripped.date.as_deref(), Some("April 26, 2024"));
        assert_eq!(stripped.set_aside.len(), 7);
        assert_eq!(stripped.set_aside[5].rule, RuleKind::End);
    }

    #[test]
    fn end_rules_wait_for_the_body() {
        // "Related News" above the statement is a header link, not its end.
        let stripped = Chrome::builtin().strip(blocks(&[
            "Related News",
            "Title",
            BODY,
            "###",
            "Media Contact: press@example.org",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept, ["Title", BODY]);
    }

    #[test]
    fn photo_captions_and_share_bars_go_anywhere() {
        let stripped = Chrome::builtin().strip(blocks(&[
            BODY,
            "Officials pose for a photo in Seoul. (U.S. Navy photo by Petty Officer Jane Doe)",
            "Facebook | X | Email | Print",
            "They agreed to meet again next year in Tokyo, Japan.",
        ]));
        assert_eq!(stripped.kept.len(), 2);
    }

    #[test]
    fn statement_sentences_that_resemble_chrome_stay() {
        let stripped = Chrome::builtin().strip(blocks(&[
            BODY,
            "Related to this, the officials discussed the Department of Defense budget.",
            "Tagging along, the ministers followed up on earlier work.",
            "Share the burden, they said, and stand together.",
        ]));
        assert_eq!(stripped.kept.len(), 4, "{:?}", stripped.set_aside);
    }

    #[test]
    fn korean_and_japanese_pages() {
        let stripped = Chrome::builtin().strip(blocks(&[
            "본문 바로가기",
            "홈 > 알림마당 > 보도자료",
            "2024년 4월 26일",
            "제14차 한미일 안보회의 공동보도문",
            "한미일 3국은 북한의 핵·미사일 위협을 억제하기 위한 3국 간 협력을 강화하기로 하였다.",
            "목록",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert_eq!(stripped.date.as_deref(), Some("2024년 4월 26일"));
    }

    #[test]
    fn no_rules_keeps_everything() {
        let stripped = Chrome::none().strip(blocks(&["NEWS | April 26, 2024", BODY]));
        assert_eq!(stripped.kept.len(), 2);
        assert!(stripped.set_aside.is_empty());
    }
}
