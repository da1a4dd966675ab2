//! The commitment lexicon: reporting verbs with their strength, intensifiers,
//! softeners, modals and negations, read from a data file
//! (`src/commitments/lexicon.txt`, or `--lexicon FILE`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::forms::{Form, form_of, forms_of};
use crate::text::hash::WordHasher;

/// The built-in lexicon.
/// The built-in lexicon (`--generate lexicon` prints it to copy and edit).
pub const BUILTIN: &str = include_str!("lexicon.txt");

/// What an entry marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EntryKind {
    /// A reporting verb that starts a commitment.
    Verb,
    /// Strengthens the verb near it.
    Intensifier,
    /// Weakens the verb near it.
    Softener,
    /// How firmly an action is promised.
    Modal,
    /// A negation.
    Negation,
    /// A word of a subject that commits ("countries", "ministers"): a
    /// promise with no reporting verb ("Our countries will …") needs one.
    Subject,
}

impl EntryKind {
    /// The kind's bit in [`Lexicon::kinds_at`].
    fn bit(self) -> u8 {
        match self {
            EntryKind::Verb => 1,
            EntryKind::Intensifier => 2,
            EntryKind::Softener => 4,
            EntryKind::Modal => 8,
            EntryKind::Negation => 16,
            EntryKind::Subject => 32,
        }
    }
}

/// One word of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    /// An English word: any of its forms ("condemn": condemns, condemned).
    Lemma { lemma: String, forms: Vec<String> },
    /// A word as written.
    Exact(String),
    /// Any word it begins.
    Prefix(String),
}

impl Word {
    fn of(word: &str) -> Word {
        let w = word.to_lowercase();
        match w.strip_suffix('*') {
            Some(p) => Word::Prefix(p.to_string()),
            None if w.bytes().all(|b| b.is_ascii_lowercase()) => Word::Lemma {
                forms: forms_of(&w),
                lemma: w,
            },
            None => Word::Exact(w),
        }
    }

    fn matches(&self, token: &str) -> bool {
        match self {
            Word::Lemma { forms, .. } => forms.iter().any(|f| f == token),
            Word::Exact(w) => w == token,
            Word::Prefix(p) => token.starts_with(p.as_str()),
        }
    }

    /// The written words that are this word (a prefix: none).
    fn written(&self) -> &[String] {
        match self {
            Word::Lemma { forms, .. } => forms,
            Word::Exact(w) => std::slice::from_ref(w),
            Word::Prefix(_) => &[],
        }
    }
}

/// A phrase of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    kind: EntryKind,
    level: i32,
    words: Vec<Word>,
}

/// A found phrase: where it is in the token list and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// What the phrase is.
    pub(super) kind: EntryKind,
    /// Its level.
    pub(super) level: i32,
    /// First token.
    pub(super) start: usize,
    /// One past its last token.
    pub(super) end: usize,
    /// Which form of its lemma the first word is.
    pub(super) form: Form,
    /// How many bytes of the last token the phrase's last word is (a
    /// prefix: its length; the rest is the ending, "규탄" + "했다").
    pub(super) tail: usize,
}

/// Words that may stand between the words of a phrase ("are deeply
/// concerned", "will further explore").
fn is_inner_adverb(token: &str) -> bool {
    (token.len() > 4 && token.ends_with("ly") && token.is_ascii())
        || matches!(
            token,
            "also" | "still" | "further" | "all" | "now" | "again"
        )
}

/// One past the last token of a phrase that starts at `at`, if it does;
/// up to two adverbs may stand between its words.
fn phrase_end<S: AsRef<str>>(words: &[Word], tokens: &[S], at: usize) -> Option<usize> {
    let mut t = at;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let mut skipped = 0;
            while skipped < 2
                && t < tokens.len()
                && !w.matches(tokens[t].as_ref())
                && is_inner_adverb(tokens[t].as_ref())
            {
                t += 1;
                skipped += 1;
            }
        }
        if !w.matches(tokens.get(t)?.as_ref()) {
            return None;
        }
        t += 1;
    }
    Some(t)
}

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// For each exact first word, the entries that start with it (longest
    /// first); entries whose first word is a prefix are always tried.
    by_first: HashMap<String, Vec<usize>, BuildHasherDefault<WordHasher>>,
    /// Entries whose first word is a prefix, by the prefix's first letter.
    by_prefix: HashMap<char, Vec<usize>, BuildHasherDefault<WordHasher>>,
    /// The ASCII first letters of `by_prefix`, one bit each (most tokens
    /// are ASCII and have none: one test instead of a lookup).
    ascii_prefixes: u128,
}

impl Lexicon {
    /// Reads a lexicon file. Errors name the 1-based line.
    pub fn parse(source: &str) -> Result<Lexicon, String> {
        let mut entries = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.splitn(3, char::is_whitespace);
            let (kind, level, phrases) = (
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            let kind = match kind {
                "verb" => EntryKind::Verb,
                "intensifier" => EntryKind::Intensifier,
                "softener" => EntryKind::Softener,
                "modal" => EntryKind::Modal,
                "negation" => EntryKind::Negation,
                "subject" => EntryKind::Subject,
                other => {
                    return Err(format!(
                        "line {}: unknown kind '{other}' (verb, intensifier, softener, modal, negation, subject)",
                        i + 1
                    ));
                }
            };
            let level: i32 = level
                .trim()
                .parse()
                .map_err(|_| format!("line {}: level '{level}' is not a whole number", i + 1))?;
            for phrase in phrases.split('|') {
                let words: Vec<Word> = phrase.split_whitespace().map(Word::of).collect();
                if words.is_empty() {
                    return Err(format!("line {}: empty phrase", i + 1));
                }
                entries.push(Entry { kind, level, words });
            }
        }
        if !entries.iter().any(|e| e.kind == EntryKind::Verb) {
            return Err("no verb entries: a lexicon needs reporting verbs".into());
        }
        // Longest phrases first, so the first match at a position is the longest.
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        let mut by_first: HashMap<String, Vec<usize>, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        let mut by_prefix: HashMap<char, Vec<usize>, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            match e.words.first() {
                Some(Word::Prefix(p)) => by_prefix
                    .entry(p.chars().next().unwrap_or(' '))
                    .or_default()
                    .push(i),
                Some(w) => {
                    for form in w.written() {
                        let list = by_first.entry(form.clone()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                None => {}
            }
        }
        let ascii_prefixes = by_prefix
            .keys()
            .filter(|c| c.is_ascii())
            .fold(0u128, |bits, &c| bits | 1 << (c as u32));
        Ok(Lexicon {
            entries,
            by_first,
            by_prefix,
            ascii_prefixes,
        })
    }

    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        // Tested to parse (`builtin_parses`).
        #[allow(clippy::expect_used)]
        Lexicon::parse(BUILTIN).expect("built-in lexicon parses")
    }

    /// The entries that may start at a token: those whose first word is
    /// the token, and those whose first word is a prefix with its first
    /// letter.
    fn starting_with(&self, first: &str) -> (&[usize], &[usize]) {
        let exact = self
            .by_first
            .get(first)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let prefixed = match first.chars().next() {
            Some(c) if c.is_ascii() && self.ascii_prefixes & (1 << (c as u32)) == 0 => &[],
            Some(c) => self
                .by_prefix
                .get(&c)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            None => &[],
        };
        (exact, prefixed)
    }

    /// The longest phrase of `kind` starting at token `at`.
    pub(super) fn match_at<S: AsRef<str>>(
        &self,
        tokens: &[S],
        at: usize,
        kind: EntryKind,
    ) -> Option<Hit> {
        let (exact, prefixed) = self.starting_with(tokens.get(at)?.as_ref());
        // Entries are sorted longest first, so the lowest matching index is
        // the longest phrase (the first in the file among equals).
        let (i, end) = exact
            .iter()
            .chain(prefixed)
            .copied()
            .filter(|&i| self.entries[i].kind == kind)
            .filter_map(|i| Some((i, phrase_end(&self.entries[i].words, tokens, at)?)))
            .min_by_key(|&(i, _)| i)?;
        let e = &self.entries[i];
        let form = match &e.words[0] {
            Word::Lemma { lemma, .. } => form_of(tokens[at].as_ref(), lemma),
            _ => Form::Other,
        };
        let last = tokens[end - 1].as_ref();
        let tail = match e.words.last() {
            Some(Word::Prefix(p)) => p.len(),
            _ => last.len(),
        };
        Some(Hit {
            kind,
            level: e.level,
            start: at,
            end,
            form,
            tail,
        })
    }

    /// The kinds of the entries that may start at a token, one bit each
    /// ([`EntryKind::bit`]): where a kind's bit is clear, no phrase of that
    /// kind starts there, and [`Lexicon::match_at`] need not look.
    pub(super) fn kinds_at<S: AsRef<str>>(&self, token: &S) -> u8 {
        let (exact, prefixed) = self.starting_with(token.as_ref());
        exact
            .iter()
            .chain(prefixed)
            .fold(0, |bits, &i| bits | self.entries[i].kind.bit())
    }

    /// [`Lexicon::match_at`], with the tokens' [`Lexicon::kinds_at`] bits
    /// (`masks[i]` for `tokens[i]`) read first.
    pub(super) fn match_at_masked<S: AsRef<str>>(
        &self,
        tokens: &[S],
        masks: &[u8],
        at: usize,
        kind: EntryKind,
    ) -> Option<Hit> {
        if masks.get(at)? & kind.bit() == 0 {
            return None;
        }
        self.match_at(tokens, at, kind)
    }

    /// Every phrase of `kind` in the tokens, left to right, not overlapping,
    /// with the tokens' [`Lexicon::kinds_at`] bits (`masks[i]` for
    /// `tokens[i]`) read first.
    pub(super) fn find_all_masked<S: AsRef<str>>(
        &self,
        tokens: &[S],
        masks: &[u8],
        kind: EntryKind,
    ) -> Vec<Hit> {
        scan(tokens.len(), |at| {
            self.match_at_masked(tokens, masks, at, kind)
        })
    }
}

/// The phrases `match_at` finds over `len` tokens, left to right, not
/// overlapping.
fn scan(len: usize, mut match_at: impl FnMut(usize) -> Option<Hit>) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < len {
        match match_at(at) {
            Some(hit) => {
                at = hit.end;
                out.push(hit);
            }
            None => at += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn builtin_parses() {
        assert!(Lexicon::parse(BUILTIN).is_ok());
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = Lexicon::builtin();
        let hit = lex
            .match_at(&toks("called on the DPRK"), 0, EntryKind::Verb)
            .unwrap();
        assert_eq!((hit.level, hit.end), (2, 2));
        let hit = lex
            .match_at(&toks("will explore ways"), 0, EntryKind::Modal)
            .unwrap();
        assert_eq!(hit.level, 1);
        let hit = lex
            .match_at(&toks("will redouble"), 0, EntryKind::Modal)
            .unwrap();
        assert_eq!(hit.level, 3);
    }

    #[test]
    fn prefix_words() {
        let lex = Lexicon::builtin();
        assert!(
            lex.match_at(&toks("shared concerns about"), 0, EntryKind::Verb)
                .is_some()
        );
        assert!(
            lex.match_at(&toks("규탄했다"), 0, EntryKind::Verb)
                .is_some()
        );
    }

    #[test]
    fn errors_name_the_line() {
        assert!(
            Lexicon::parse("verb 2 agreed\nadverb 1 x\n")
                .unwrap_err()
                .starts_with("line 2")
        );
        assert!(
            Lexicon::parse("verb two agreed\n")
                .unwrap_err()
                .contains("not a whole number")
        );
        assert!(
            Lexicon::parse("modal 1 may\n")
                .unwrap_err()
                .contains("no verb")
        );
    }
}
