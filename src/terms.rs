//! Key terms: how often each actor, place, instrument or topic is mentioned
//! in each statement, aliases folded ("North Korea", "Pyongyang" → DPRK).

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use crate::document::Paragraph;
use crate::model::TermCount;
use crate::text::normalize::{fold_typography, fold_typography_cow};

/// The built-in term list.
pub const BUILTIN: &str = include_str!("terms.txt");

/// A compiled term list.
///
/// A term is a list of aliases matched like the case-insensitive pattern
/// `\bALIAS\b|…` (longest alias first; no `\b` around an alias with
/// characters other than ASCII), counted without overlaps. Aliases made of
/// ASCII and of characters without case (Korean, Japanese, Chinese) are
/// counted by one pass over the text for all terms at once, which needs no
/// regular expression compiled; a term with other aliases uses its
/// compiled pattern.
#[derive(Debug, Clone)]
pub struct Terms {
    terms: Vec<Term>,
    /// The aliases the one pass matches, by their first two bytes (ASCII in
    /// lower case; an alias of one byte is under every second byte).
    starts: Starts,
}

/// The aliases by their first two bytes, with a bitmap so that the pass
/// rejects most places with one test.
#[derive(Debug, Clone)]
struct Starts {
    /// One bit per two-byte key that begins some alias.
    present: Vec<u64>,
    /// One bit per key under which some alias needs no word boundary before
    /// it (it starts with a character that is not a word character, or it
    /// has characters other than ASCII).
    anywhere: Vec<u64>,
    /// The keys in order, each with its `(term, alias)` pairs in order of
    /// term and alias.
    lists: Vec<(u16, Vec<(u32, u32)>)>,
}

impl Starts {
    fn key(first: u8, second: u8) -> u16 {
        u16::from(first.to_ascii_lowercase()) << 8 | u16::from(second.to_ascii_lowercase())
    }

    fn has(bits: &[u64], key: u16) -> bool {
        bits[usize::from(key >> 6)] & (1 << (key & 63)) != 0
    }

    fn new(terms: &[Term]) -> Starts {
        let mut present = vec![0u64; 1024];
        let mut anywhere = vec![0u64; 1024];
        let mut lists: Vec<(u16, Vec<(u32, u32)>)> = Vec::new();
        for (t, term) in terms.iter().enumerate() {
            if term.regex.is_some() {
                continue;
            }
            for (a, alias) in term.aliases.iter().enumerate() {
                let bytes = alias.as_bytes();
                let seconds: Vec<u8> = match bytes.get(1) {
                    Some(&b) => vec![b],
                    None => (0..=255).collect(),
                };
                let free = !alias.is_ascii() || !is_word(char::from(bytes[0]));
                for second in seconds {
                    let key = Starts::key(bytes[0], second);
                    present[usize::from(key >> 6)] |= 1 << (key & 63);
                    if free {
                        anywhere[usize::from(key >> 6)] |= 1 << (key & 63);
                    }
                    match lists.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, list)) => list.push((t as u32, a as u32)),
                        None => lists.push((key, vec![(t as u32, a as u32)])),
                    }
                }
            }
        }
        lists.sort_by_key(|(k, _)| *k);
        Starts {
            present,
            anywhere,
            lists,
        }
    }

    fn get(&self, key: u16) -> &[(u32, u32)] {
        match self.lists.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(i) => &self.lists[i].1,
            Err(_) => &[],
        }
    }
}

#[derive(Debug, Clone)]
struct Term {
    name: String,
    /// The aliases in the pattern's order, folded, ASCII in lower case.
    aliases: Vec<String>,
    /// The compiled pattern, for a term whose aliases the pass cannot match.
    regex: Option<Regex>,
}

impl Terms {
    /// Reads a term list; errors name the 1-based line.
    pub fn parse(source: &str) -> Result<Terms, String> {
        let trusted = source == BUILTIN;
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
            let simple = aliases.iter().all(|a| a.chars().all(is_plain));
            // The built-in list is tested to compile (`builtin_parses`);
            // another is compiled here, so that errors name the line.
            let regex = if simple && trusted {
                None
            } else {
                let regex = RegexBuilder::new(&pattern)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| format!("line {}: {e}", i + 1))?;
                (!simple).then_some(regex)
            };
            terms.push(Term {
                name: name.trim().to_string(),
                aliases: aliases.iter().map(|a| a.to_ascii_lowercase()).collect(),
                regex,
            });
        }
        let starts = Starts::new(&terms);
        Ok(Terms { terms, starts })
    }

    /// The built-in term list.
    pub fn builtin() -> Terms {
        // Tested to parse (`builtin_parses`).
        #[allow(clippy::expect_used)]
        Terms::parse(BUILTIN).expect("built-in terms parse")
    }

    /// How often each term occurs in `text`: the non-overlapping matches of
    /// its pattern, leftmost first, and at one place the first alias that
    /// matches there.
    fn count_in(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut counts = vec![0; self.terms.len()];
        let mut free_from = vec![0; self.terms.len()];
        let mut after_word = false;
        for (at, &byte) in bytes.iter().enumerate() {
            // Whether the character before `at` is an ASCII word character.
            let after_ascii_word = after_word;
            after_word = byte.is_ascii_alphanumeric() || byte == b'_';
            if byte & 0xC0 == 0x80 {
                continue; // inside a character
            }
            let key = Starts::key(byte, bytes.get(at + 1).copied().unwrap_or(0));
            if !Starts::has(&self.starts.present, key)
                || (after_ascii_word && !Starts::has(&self.starts.anywhere, key))
            {
                continue;
            }
            let candidates = self.starts.get(key);
            let mut matched_term = u32::MAX;
            for &(t, a) in candidates {
                let t_at = t as usize;
                if t == matched_term || at < free_from[t_at] {
                    continue;
                }
                let alias = self.terms[t_at].aliases[a as usize].as_str();
                if matches_at(text, at, alias) {
                    counts[t_at] += 1;
                    free_from[t_at] = at + alias.len();
                    matched_term = t;
                }
            }
        }
        for (count, term) in counts.iter_mut().zip(&self.terms) {
            if let Some(regex) = &term.regex {
                *count = regex.find_iter(text).count();
            }
        }
        counts
    }

    /// Counts each term in both statements; terms mentioned on neither side
    /// are left out.
    ///
    /// A paragraph of the new statement written word for word as one of the
    /// old is not read again: its counts are the old one's.
    pub fn count(&self, old: &[Paragraph], new: &[Paragraph]) -> Vec<TermCount> {
        let n = self.terms.len();
        let mut old_counts = vec![0; n];
        let mut by_text: std::collections::HashMap<
            &str,
            Vec<usize>,
            std::hash::BuildHasherDefault<crate::text::hash::WordHasher>,
        > = std::collections::HashMap::default();
        for p in old {
            let counts = self.count_in(&fold_typography_cow(&p.text));
            for (total, c) in old_counts.iter_mut().zip(&counts) {
                *total += c;
            }
            by_text.entry(p.text.as_str()).or_insert(counts);
        }
        let mut new_counts = vec![0; n];
        for p in new {
            let counts = match by_text.get(p.text.as_str()) {
                Some(counts) => std::borrow::Cow::Borrowed(counts),
                None => std::borrow::Cow::Owned(self.count_in(&fold_typography_cow(&p.text))),
            };
            for (total, c) in new_counts.iter_mut().zip(counts.iter()) {
                *total += c;
            }
        }
        self.terms
            .iter()
            .zip(old_counts.into_iter().zip(new_counts))
            .map(|(term, (old, new))| TermCount {
                term: term.name.clone(),
                old,
                new,
            })
            .filter(|c| c.old + c.new > 0)
            .collect()
    }
}

/// True for a character the pass matches as the pattern would: ASCII, or a
/// character without case (its only case variant is itself).
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let mut lower = c.to_lowercase();
    let mut upper = c.to_uppercase();
    lower.next() == Some(c)
        && lower.next().is_none()
        && upper.next() == Some(c)
        && upper.next().is_none()
}

/// Whether `alias` (ASCII in lower case) matches `text` at byte `at`, ASCII
/// letters in either case, with a word boundary (`\b`) on each side when
/// the alias is all ASCII. The text is folded to NFKC, where no character
/// but an ASCII letter has an ASCII letter among its case variants.
fn matches_at(text: &str, at: usize, alias: &str) -> bool {
    let bytes = text.as_bytes();
    let end = at + alias.len();
    if end > bytes.len()
        || !bytes[at..end]
            .iter()
            .zip(alias.as_bytes())
            .all(|(b, a)| b.to_ascii_lowercase() == *a)
    {
        return false;
    }
    if !alias.is_ascii() {
        return true;
    }
    let (first, last) = (alias.as_bytes()[0], alias.as_bytes()[alias.len() - 1]);
    let before = text[..at].chars().next_back().is_some_and(is_word);
    let after = text[end..].chars().next().is_some_and(is_word);
    before != is_word(char::from(first)) && after != is_word(char::from(last))
}

/// A word character as the pattern's `\w` has it (Unicode: alphabetic,
/// marks, decimal digits, connector punctuation, joiners).
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if c.is_alphabetic()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(
            c,
            '\u{200C}'
                | '\u{200D}'
                | '\u{203F}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{FE33}'
                | '\u{FE34}'
                | '\u{FE4D}'
                | '\u{FE4E}'
                | '\u{FE4F}'
                | '\u{FF3F}'
        )
    {
        return true;
    }
    if !c.is_numeric() {
        return false;
    }
    // A decimal digit is a word character, other numbers are not: the
    // standard library cannot tell them apart, the pattern's tables can.
    static DIGIT: OnceLock<Option<Regex>> = OnceLock::new();
    DIGIT
        .get_or_init(|| Regex::new(r"^\d$").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut [0; 4])))
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
        // Read as a user's list, its patterns are compiled too.
        assert!(Terms::parse(&format!("# a copy\n{BUILTIN}")).is_ok());
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

    /// The patterns the terms stand for, compiled.
    fn patterns(source: &str) -> Vec<Regex> {
        source
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|line| {
                let mut aliases: Vec<String> = line
                    .split_once(':')
                    .unwrap()
                    .1
                    .split('|')
                    .map(|a| fold_typography(a.trim()))
                    .filter(|a| !a.is_empty())
                    .collect();
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
                RegexBuilder::new(&pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn the_pass_counts_what_the_patterns_match() {
        let extra = "Korea: Korea | Korean | 한국\nSea: sea | sea lane | caf\u{e9} | KOREA-JAPAN\n";
        let mut texts: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for dir in ["dtt", "dtt-ko"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                texts.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        texts.extend(
            [
                "DPRK_x xDPRK DPRK2 2DPRK dprk's (DPRK) DPRKs NORTH KOREAN North Korea's",
                "\u{e9}DPRK DPRK\u{e9} DPRK\u{301} \u{2460}DPRK DPRK\u{bd} \u{663}DPRK DPRK\u{663}",
                "\u{203f}DPRK DPRK\u{203f} \u{200d}DPRK missilemissile missile-missile",
                "북한북한 北朝鮮の 핵핵 nuclear核 sea sea lane sea-lane SEA LANE Korea-Japan",
                "Taiwan Strait Taiwan StraitTaiwan taiwan strait's TSCFTSCF",
                "",
                "x",
            ]
            .map(fold_typography),
        );
        for source in [BUILTIN.to_string(), format!("{BUILTIN}{extra}")] {
            let terms = Terms::parse(&source).unwrap();
            let patterns = patterns(&source);
            assert_eq!(terms.terms.len(), patterns.len());
            for text in &texts {
                let text = fold_typography(text);
                let counts = terms.count_in(&text);
                for ((term, re), count) in terms.terms.iter().zip(&patterns).zip(&counts) {
                    assert_eq!(
                        *count,
                        re.find_iter(&text).count(),
                        "{} in {text:?}",
                        term.name
                    );
                }
            }
        }
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
