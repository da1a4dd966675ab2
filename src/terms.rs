//! Key terms: how often each actor, place, instrument or topic is mentioned
//! in each statement, aliases folded ("North Korea", "Pyongyang" → DPRK).

use regex::{Regex, RegexBuilder};

use crate::document::Paragraph;
use crate::normalize::fold_typography;

/// The built-in term list.
pub const BUILTIN: &str = include_str!("terms.txt");

/// A compiled term list.
#[derive(Debug, Clone)]
pub struct Terms {
    terms: Vec<(String, Regex)>,
}

/// A term's mentions on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The term's name.
    pub term: String,
    /// Mentions in the old statement.
    pub old: usize,
    /// Mentions in the new statement.
    pub new: usize,
}

impl TermCount {
    /// "appeared", "vanished", "more", "fewer" or "same".
    pub fn change(&self) -> &'static str {
        match (self.old, self.new) {
            (0, n) if n > 0 => "appeared",
            (o, 0) if o > 0 => "vanished",
            (o, n) if n > o => "more",
            (o, n) if n < o => "fewer",
            _ => "same",
        }
    }
}

impl Terms {
    /// Reads a term list; errors name the 1-based line.
    pub fn parse(source: &str) -> Result<Terms, String> {
        let mut terms = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, aliases)) = line.split_once(':') else {
                return Err(format!("line {}: expected 'NAME: ALIAS | ALIAS'", i + 1));
            };
            let mut aliases: Vec<String> = aliases
                .split('|')
                .map(|a| fold_typography(a.trim()))
                .filter(|a| !a.is_empty())
                .collect();
            if aliases.is_empty() {
                return Err(format!(
                    "line {}: term '{}' has no aliases",
                    i + 1,
                    name.trim()
                ));
            }
            aliases.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
            let pattern = aliases
                .iter()
                .map(|a| {
                    let escaped = regex::escape(a);
                    if a.is_ascii() {
                        format!(r"\b{escaped}\b")
                    } else {
                        escaped
                    }
                })
                .collect::<Vec<_>>()
                .join("|");
            let regex = RegexBuilder::new(&pattern)
                .case_insensitive(true)
                .build()
                .map_err(|e| format!("line {}: {e}", i + 1))?;
            terms.push((name.trim().to_string(), regex));
        }
        Ok(Terms { terms })
    }

    /// The built-in term list.
    pub fn builtin() -> Terms {
        // Tested to parse (`builtin_parses`).
        #[allow(clippy::expect_used)]
        Terms::parse(BUILTIN).expect("built-in terms parse")
    }

    /// Counts each term in both statements; terms mentioned on neither side
    /// are left out.
    pub fn count(&self, old: &[Paragraph], new: &[Paragraph]) -> Vec<TermCount> {
        let text = |ps: &[Paragraph]| {
            ps.iter()
                .map(|p| fold_typography(&p.text))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (old_text, new_text) = (text(old), text(new));
        self.terms
            .iter()
            .map(|(name, re)| TermCount {
                term: name.clone(),
                old: re.find_iter(&old_text).count(),
                new: re.find_iter(&new_text).count(),
            })
            .filter(|c| c.old + c.new > 0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;
    use crate::document::Document;

    fn paragraphs(text: &str) -> Vec<Paragraph> {
        Document::from_text("t.txt", text, &Chrome::none()).paragraphs
    }

    #[test]
    fn builtin_parses() {
        assert!(Terms::parse(BUILTIN).is_ok());
    }

    #[test]
    fn aliases_fold_and_count_once() {
        let terms = Terms::builtin();
        let old = paragraphs(
            "The Democratic People\u{2019}s Republic of Korea\u{2019}s (DPRK) launches. Pyongyang and Russia.",
        );
        let new = paragraphs("North Korea tested missiles. 북한 발사.");
        let counts = terms.count(&old, &new);
        let get = |t: &str| counts.iter().find(|c| c.term == t).cloned();
        assert_eq!(get("DPRK").map(|c| (c.old, c.new)), Some((3, 2)));
        assert_eq!(get("Russia").map(|c| c.change()), Some("vanished"));
        assert_eq!(get("missile").map(|c| c.change()), Some("appeared"));
        assert!(get("Ukraine").is_none());
    }

    #[test]
    fn whole_words_only() {
        let terms = Terms::parse("nuclear: nuclear\n").unwrap();
        let counts = terms.count(
            &paragraphs("denuclearization and nuclear"),
            &paragraphs("x"),
        );
        assert_eq!(counts[0].old, 1);
    }

    #[test]
    fn bad_lines_are_named() {
        assert!(
            Terms::parse("DPRK DPRK\n")
                .unwrap_err()
                .starts_with("line 1")
        );
        assert!(
            Terms::parse("# c\nX: |\n")
                .unwrap_err()
                .starts_with("line 2")
        );
    }
}
