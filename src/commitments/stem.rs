//! Comparison keys and stems: a clause's core and numbers, its stems, both sides' weighted stems.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use unicode_segmentation::UnicodeSegmentation;

use super::cjk::is_cjk;
use super::matching::PARALLEL_COMMITMENTS;
use crate::model::Commitment;
use crate::text::hash::WordHasher;
use crate::text::normalize::fold_typography_cow;

/// A clause folded and lower-cased, without its closing punctuation: what
/// tells two commitments kept word for word.
pub(super) fn core_of(clause: &str) -> String {
    let core = fold_typography_cow(clause);
    let core = if core.is_ascii() {
        core.to_ascii_lowercase()
    } else {
        core.to_lowercase()
    };
    core.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '\u{3002}')
    })
    .to_string()
}

/// The numbers of a core (years, dates, ordinals, counts), each as its
/// value: "2024", "15th", "2023년" (a year), "3국" (a count: "3국이" is the
/// same number). A word that only holds a digit ("G7", "evil2", "5G") is no
/// number.
pub(super) fn numbers_of(core: &str) -> Vec<String> {
    if !core.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    core.unicode_words().filter_map(number_of).collect()
}

/// The number a word writes, if it is one: digits (with their separators),
/// then an ordinal suffix or a Korean or Japanese counter; "제9차" reads
/// "9차".
fn number_of(word: &str) -> Option<String> {
    let word = word
        .strip_prefix('\u{C81C}')
        .or_else(|| word.strip_prefix('\u{7B2C}'))
        .unwrap_or(word);
    let digits = word
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(word.len());
    let (value, rest) = word.split_at(digits);
    let value = value.trim_end_matches([',', '.']);
    if value.is_empty() || !value.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if rest.is_empty() {
        return Some(value.to_string());
    }
    if ["st", "nd", "rd", "th"].contains(&rest) {
        return Some(word.to_string());
    }
    // A counter: the first character after the digits, when it is Korean
    // or Japanese ("년", "年", "차", "回", "국").
    let unit = rest.chars().next()?;
    is_cjk(&unit.to_string()).then(|| format!("{value}{unit}"))
}

/// The numbers of one commitment not in the other's (each counted as
/// often as it is written).
pub(super) fn numbers_not_in(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|n| match left.iter().position(|m| m == n) {
            Some(i) => {
                left.swap_remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// The stemmed words of what a commitment promises, for similarity, each
/// followed by a space (one string: thousands of commitments, not a million
/// allocations), after a word for the verb's level: the clause without its
/// subject and its verb phrase ("The Ministers strongly condemned the
/// launch" promises "the launch"), so that shared subject words never make
/// a pair and a clause whose verb changed but whose object stayed is one.
/// Made when commitments are matched, not kept with them.
///
/// An introductory phrase counts ("With the Panel of Experts no longer
/// monitoring sanctions, they affirmed …" often carries words the old
/// clause had after its verb).
fn stems_of(c: &Commitment) -> String {
    let folded = fold_typography_cow(&c.text);
    let text = if folded.is_ascii() {
        folded.to_ascii_lowercase()
    } else {
        folded.to_lowercase()
    };
    let mut stems = String::with_capacity(text.len() + 8);
    // The verb counts by its level alone.
    stems.push('\u{1}');
    stems.push(char::from(b'0' + c.strength.verb.clamp(0, 9) as u8));
    stems.push(' ');
    if is_cjk(&text) {
        // Leave out the topic ("三者は、", "3국은") and the verb.
        let mut rest = text.as_str();
        if let Some(at) = rest.find(['\u{306F}', '\u{C740}', '\u{B294}'])
            && rest[..at].chars().count() <= 12
        {
            let len = rest[at..].chars().next().map_or(0, char::len_utf8);
            rest = &rest[at + len..];
        }
        let verb = c.verb.to_lowercase();
        let (before, after) = match rest.rfind(verb.as_str()) {
            Some(at) => (&rest[..at], &rest[at + verb.len()..]),
            None => (rest, ""),
        };
        for word in before.unicode_words().chain(after.unicode_words()) {
            push_stem(word, &mut stems);
            stems.push(' ');
        }
        return stems;
    }
    let words: Vec<&str> = text.unicode_words().collect();
    // Where a phrase's words stand among the clause's, first occurrence.
    let find = |phrase: &str| -> Option<std::ops::Range<usize>> {
        let wanted: Vec<&str> = phrase.unicode_words().collect();
        if wanted.is_empty() {
            return None;
        }
        let at = words
            .windows(wanted.len())
            .position(|w| w == wanted.as_slice())?;
        Some(at..at + wanted.len())
    };
    let subject = c.subject.as_deref().and_then(|s| {
        if s.is_ascii() {
            find(&s.to_ascii_lowercase())
        } else {
            find(&s.to_lowercase())
        }
    });
    let verb = find(&c.verb_phrase);
    for (i, word) in words.iter().enumerate() {
        if subject.as_ref().is_some_and(|r| r.contains(&i))
            || verb.as_ref().is_some_and(|r| r.contains(&i))
        {
            continue;
        }
        push_stem(word, &mut stems);
        stems.push(' ');
    }
    stems
}

/// [`stem`] of a lower-case word, written to `out` (no allocation for an
/// ASCII word).
fn push_stem(word: &str, out: &mut String) {
    if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase()) {
        out.push_str(&stem(word));
        return;
    }
    let w = word.strip_suffix("'s").unwrap_or(word);
    let n = w.len();
    for (suffix, min, replace) in [
        ("ies", 5, "y"),
        ("ing", 6, ""),
        ("ed", 5, ""),
        ("es", 5, ""),
        ("s", 4, ""),
    ] {
        if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
            out.push_str(&w[..w.len() - suffix.len()]);
            out.push_str(replace);
            return;
        }
    }
    out.push_str(w);
}

/// A light English stemmer: enough to see "concerns" and "concern", or
/// "launches" and "launch", as one word.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if !w.is_ascii() {
        return w.strip_suffix("'s").unwrap_or(&w).to_string();
    }
    let mut out = String::with_capacity(w.len());
    push_stem(&w, &mut out);
    out
}

/// How many informative words of a promise make its head.
const HEAD: usize = 6;

/// How much the heads' similarity counts against the whole clauses'.
const HEAD_WEIGHT: f64 = 0.7;

/// Words that say little about what a commitment is about.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "by", "at", "as", "that",
    "this", "their", "its", "they", "them", "is", "are", "be", "or", "from", "which", "who", "it",
    "all", "also", "three", "further",
];

/// The stems of both statements' commitments, numbered, with their
/// weights: the inverse document frequency of each stem over both sides'
/// commitments; stop words weigh little.
pub(super) struct Stems {
    /// Each distinct clause's stems, as numbers.
    numbered: Vec<Vec<u32>>,
    /// Which of `numbered` each old commitment has.
    old_which: Vec<u32>,
    /// Which of `numbered` each new commitment has.
    new_which: Vec<u32>,
    /// Weight of each stem.
    weight: Vec<f64>,
    /// Whether each stem is a stop word.
    stop: Vec<bool>,
}

impl Stems {
    pub(super) fn of(old: &[Commitment], new: &[Commitment]) -> Stems {
        // Each distinct clause is stemmed and numbered once (most are on
        // both sides), in order of first occurrence, old side first: the
        // numbers are those of stemming every commitment in turn.
        let mut first: HashMap<&str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
        let mut texts: Vec<&Commitment> = Vec::new();
        let which: Vec<u32> = old
            .iter()
            .chain(new)
            .map(|c| {
                *first.entry(c.text.as_str()).or_insert_with(|| {
                    texts.push(c);
                    (texts.len() - 1) as u32
                })
            })
            .collect();
        drop(first);
        let distinct: Vec<String> = if texts.len() >= PARALLEL_COMMITMENTS {
            use rayon::prelude::*;
            texts.par_iter().map(|t| stems_of(t)).collect()
        } else {
            texts.iter().map(|t| stems_of(t)).collect()
        };
        // The stem strings are let go once numbered and checked against
        // the stop words: only their numbers are kept.
        let (numbered, stop) = {
            let mut ids: HashMap<&str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
            let numbered: Vec<Vec<u32>> = distinct
                .iter()
                .map(|stems| {
                    stems
                        .split_terminator(' ')
                        .map(|s| {
                            let next = ids.len() as u32;
                            *ids.entry(s).or_insert(next)
                        })
                        .collect()
                })
                .collect();
            let mut stop = vec![false; ids.len()];
            for (s, &id) in &ids {
                stop[id as usize] = STOP.contains(s);
            }
            (numbered, stop)
        };
        drop(distinct);
        let mut df = vec![0usize; stop.len()];
        let mut last_seen = vec![usize::MAX; stop.len()];
        for (k, &c) in which.iter().enumerate() {
            for &s in &numbered[c as usize] {
                if last_seen[s as usize] != k {
                    last_seen[s as usize] = k;
                    df[s as usize] += 1;
                }
            }
        }
        let n = (old.len() + new.len()) as f64;
        let weight = df
            .iter()
            .zip(&stop)
            .map(|(&d, &stop)| {
                let w = (1.0 + n / d as f64).ln();
                if stop { w * 0.2 } else { w }
            })
            .collect();
        let mut old_which = which;
        let new_which = old_which.split_off(old.len());
        Stems {
            numbered,
            old_which,
            new_which,
            weight,
            stop,
        }
    }

    /// How many distinct stems both sides have (each stem's number is
    /// below it).
    pub(super) fn len(&self) -> usize {
        self.weight.len()
    }

    /// The stems of a list that are not stop words, in order.
    pub(super) fn informative<'a>(&'a self, stems: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
        stems.iter().copied().filter(|&s| !self.stop[s as usize])
    }

    /// The stems of old commitment `i`.
    pub(super) fn of_old(&self, i: usize) -> &[u32] {
        &self.numbered[self.old_which[i] as usize]
    }

    /// The stems of new commitment `j`.
    pub(super) fn of_new(&self, j: usize) -> &[u32] {
        &self.numbered[self.new_which[j] as usize]
    }

    /// How similar two commitments' promises are: the weighted Dice
    /// similarity of their stems, or of the first words of what they
    /// promise (the verb's level and the head of its object: "condemned the
    /// DPRK's recent ballistic missile launches" and "condemned the DPRK's
    /// numerous ballistic missile launches this year, each of which …"),
    /// whichever is higher. `count` is scratch space, one zero per stem,
    /// left zero.
    pub(super) fn similarity(&self, a: &[u32], b: &[u32], count: &mut [i32]) -> f64 {
        let whole = self.dice(a, b, count);
        let head = |stems: &[u32]| -> Vec<u32> {
            let mut out: Vec<u32> = stems.first().copied().into_iter().collect();
            out.extend(self.informative(&stems[1.min(stems.len())..]).take(HEAD));
            out
        };
        let (ha, hb) = (head(a), head(b));
        if ha.len() <= HEAD / 2 || hb.len() <= HEAD / 2 {
            return whole;
        }
        whole.max(HEAD_WEIGHT * self.dice(&ha, &hb, count))
    }

    /// Weighted Dice similarity of two stem multisets.
    fn dice(&self, a: &[u32], b: &[u32], count: &mut [i32]) -> f64 {
        for &s in a {
            count[s as usize] += 1;
        }
        let mut shared = 0.0;
        for &s in b {
            if count[s as usize] > 0 {
                count[s as usize] -= 1;
                shared += self.weight[s as usize];
            }
        }
        for &s in a {
            count[s as usize] = 0;
        }
        let total: f64 = a.iter().chain(b).map(|&s| self.weight[s as usize]).sum();
        if total == 0.0 {
            0.0
        } else {
            2.0 * shared / total
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_written_in_place_are_the_stems() {
        for word in [
            "concerns",
            "launches",
            "policies",
            "dpr's",
            "agreed",
            "ongoing",
            "press",
            "us",
            "ties",
            "bases",
            "is",
            "",
            "한국의",
            "États",
            "missiles",
            "condemning",
        ] {
            let mut out = String::new();
            push_stem(word, &mut out);
            assert_eq!(out, stem(word), "{word}");
        }
    }

    #[test]
    fn stemmer_folds_plurals_and_tenses() {
        assert_eq!(stem("concerns"), "concern");
        assert_eq!(stem("launches"), "launch");
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("DPRK's"), "dprk");
        assert_eq!(stem("pass"), "pass");
    }
}
