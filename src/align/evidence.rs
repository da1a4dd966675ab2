//! The evidence that an old paragraph and a new one are one paragraph, and
//! its score (see the [module docs](super) for the rule).
//!
//! Words are numbered once ([`Vocabulary`]); each free paragraph becomes a
//! [`Bag`] of word numbers with their counts; each word weighs what it
//! tells ([`weights`]): its inverse document frequency over the paragraphs
//! of both statements, less for numbers and names.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::document::Paragraph;
use crate::model::{Evidence, Order, Role};
use crate::text::hash::WordHasher;
use crate::text::normalize::Words;

/// Below this share of informative words nothing else can pair two
/// paragraphs: commitments, role and order only tip a balance the words
/// already lean towards.
pub(crate) const MIN_WORDS: f64 = 0.25;

/// What the commitments paired between two paragraphs add at most (when
/// every commitment of both is paired with one of the other).
pub(crate) const COMMITMENT_WEIGHT: f64 = 0.3;

/// What playing the same role (both the opening, or both the closing) adds.
pub(crate) const ROLE_WEIGHT: f64 = 0.2;

/// What standing between the same paired neighbours adds.
pub(crate) const BETWEEN_WEIGHT: f64 = 0.1;

/// What being the only unpaired paragraph on each side between the same
/// neighbours, or following (or preceding) two paragraphs paired with each
/// other, adds (instead of [`BETWEEN_WEIGHT`]).
pub(crate) const ALONE_WEIGHT: f64 = 0.2;

/// How much a number ("14th", "2024", "24") weighs of what its rarity
/// says: dates and ordinals change from round to round.
const NUMBER_WEIGHT: f64 = 0.3;

/// How much a name (a word only ever written with a capital inside a
/// sentence: people, places, programmes) weighs of what its rarity says.
const NAME_WEIGHT: f64 = 0.6;

/// How many of the paragraphs paired word for word are read for the
/// document frequencies at most (evenly spaced, and no more than four for
/// each free paragraph of the larger side, or 16): enough to tell the
/// genre's common words, without reading every paragraph of a long
/// statement.
const SAMPLE: usize = 64;

/// Numbers words: the same word, the same number.
#[derive(Default)]
pub(crate) struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32, BuildHasherDefault<WordHasher>>,
}

impl<'a> Vocabulary<'a> {
    /// The numbers of a paragraph's words, numbering new words.
    pub(crate) fn ids(&mut self, words: &'a Words) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(next)
            })
            .collect()
    }

    /// The number of a word already numbered.
    fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// How many words are numbered.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A paragraph's words as counts: (word, times) by word number, and their
/// total weight.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    pub(crate) counts: Vec<(u32, u32)>,
    pub(crate) weight: f64,
}

impl Bag {
    /// The bag of a list of word numbers.
    pub(crate) fn of(ids: &[u32], weights: &[f64]) -> Bag {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for w in sorted {
            match counts.last_mut() {
                Some((last, n)) if *last == w => *n += 1,
                _ => counts.push((w, 1)),
            }
        }
        let weight = counts
            .iter()
            .map(|&(w, n)| weights[w as usize] * f64::from(n))
            .sum();
        Bag { counts, weight }
    }

    /// Two bags as one (a paragraph and the part split from it).
    pub(crate) fn union(&self, other: &Bag) -> Bag {
        let (a, b) = (&self.counts, &other.counts);
        let mut counts = Vec::with_capacity(a.len() + b.len());
        let (mut x, mut y) = (0, 0);
        while x < a.len() || y < b.len() {
            if y == b.len() || (x < a.len() && a[x].0 < b[y].0) {
                counts.push(a[x]);
                x += 1;
            } else if x == a.len() || b[y].0 < a[x].0 {
                counts.push(b[y]);
                y += 1;
            } else {
                counts.push((a[x].0, a[x].1 + b[y].1));
                x += 1;
                y += 1;
            }
        }
        Bag {
            counts,
            weight: self.weight + other.weight,
        }
    }

    /// The weight of the words two bags share, occurrence by occurrence.
    pub(crate) fn shared(&self, other: &Bag, weights: &[f64]) -> f64 {
        let (a, b) = (&self.counts, &other.counts);
        let (mut x, mut y) = (0, 0);
        let mut shared = 0.0;
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared += weights[a[x].0 as usize] * f64::from(a[x].1.min(b[y].1));
                    x += 1;
                    y += 1;
                }
            }
        }
        shared
    }

    /// The share of informative words two bags have in common: twice the
    /// weight they share over the weight of both (a weighted Dice ratio).
    pub(crate) fn similarity(&self, other: &Bag, weights: &[f64]) -> f64 {
        let total = self.weight + other.weight;
        if total <= 0.0 {
            return 0.0;
        }
        (2.0 * self.shared(other, weights) / total).min(1.0)
    }

    /// The most [`Bag::similarity`] can be with a bag of `weight`.
    pub(crate) fn bound(&self, weight: f64) -> f64 {
        let total = self.weight + weight;
        if total <= 0.0 {
            0.0
        } else {
            2.0 * self.weight.min(weight) / total
        }
    }

    /// Whether the two bags share a specific word (see [`weights`]).
    pub(crate) fn shares_specific(&self, other: &Bag, specific: &[bool]) -> bool {
        let (a, b) = (&self.counts, &other.counts);
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    if specific[a[x].0 as usize] {
                        return true;
                    }
                    x += 1;
                    y += 1;
                }
            }
        }
        false
    }

    /// The share of this bag's weight that `whole` holds too.
    pub(crate) fn within(&self, whole: &Bag, weights: &[f64]) -> f64 {
        if self.weight <= 0.0 {
            return 0.0;
        }
        self.shared(whole, weights) / self.weight
    }
}

/// What a word tells, by word number.
///
/// A word's document frequency is the larger of the number of free old
/// paragraphs and of free new paragraphs that use it, plus its frequency
/// among the paragraphs paired word for word (read from a sample, see
/// [`SAMPLE`], and counted for all); of `n` paragraphs (the larger side's free
/// ones plus the paired ones), a word used by `df` weighs `ln((n + 1) /
/// df)`: a word in every paragraph ("the", "officials", a stock phrase the
/// genre repeats) next to nothing, one in a single paragraph the most.
/// Taking the larger side, not the sum, keeps a word that two paragraphs
/// share as informative as one only one of them has. Numbers weigh
/// [`NUMBER_WEIGHT`] of that and names [`NAME_WEIGHT`].
///
/// Also tells, by word number, which words are specific: used by at most
/// one free paragraph on each side and by none of the paragraphs read
/// among those paired word for word. Two paragraphs that share no specific
/// word share only what the rest of the statements say too (the genre's
/// stock phrases): see [`score`].
pub(crate) fn weights(
    vocabulary: &Vocabulary<'_>,
    old_free: (&[Vec<u32>], &[&Paragraph]),
    new_free: (&[Vec<u32>], &[&Paragraph]),
    same: &[&Paragraph],
) -> (Vec<f64>, Vec<bool>) {
    let n = vocabulary.len();
    let mut df_old = vec![0u32; n];
    let mut df_new = vec![0u32; n];
    let mut case = vec![Case::default(); n];
    for ((ids, paragraphs), df) in [(old_free, &mut df_old), (new_free, &mut df_new)] {
        for (ids, paragraph) in ids.iter().zip(paragraphs) {
            for w in crate::text::index::distinct(ids) {
                df[w as usize] += 1;
            }
            note_case(paragraph.key(), paragraph.words(), ids, &mut case);
        }
    }
    // The paragraphs paired word for word, sampled evenly.
    let free = old_free.0.len().max(new_free.0.len());
    let sample = SAMPLE.min((free * 4).max(16));
    let step = same.len().div_ceil(sample).max(1);
    let sampled: Vec<&Paragraph> = same.iter().step_by(step).copied().collect();
    let scale = same.len() as f64 / sampled.len().max(1) as f64;
    let mut df_same = vec![0u32; n];
    let mut seen: Vec<u32> = Vec::new();
    for paragraph in &sampled {
        seen.clear();
        seen.extend(paragraph.words().iter().filter_map(|w| vocabulary.get(w)));
        seen.sort_unstable();
        seen.dedup();
        for &w in &seen {
            df_same[w as usize] += 1;
        }
    }
    let paragraphs = old_free.0.len().max(new_free.0.len()) as f64 + same.len() as f64;
    let mut words: Vec<Option<&str>> = vec![None; n];
    for (word, &id) in &vocabulary.ids {
        words[id as usize] = Some(word);
    }
    let specific = (0..n)
        .map(|w| df_old[w] <= 1 && df_new[w] <= 1 && df_same[w] == 0)
        .collect();
    let weights = (0..n)
        .map(|w| {
            let df = (f64::from(df_old[w].max(df_new[w])) + f64::from(df_same[w]) * scale)
                .clamp(1.0, paragraphs.max(1.0));
            let idf = ((paragraphs + 1.0) / df).ln();
            let word = words[w].unwrap_or("");
            let kind = if word.chars().any(char::is_numeric) {
                NUMBER_WEIGHT
            } else if case[w].upper_inside && !case[w].lower {
                NAME_WEIGHT
            } else {
                1.0
            };
            idf * kind
        })
        .collect();
    (weights, specific)
}

/// How a word is written in the free paragraphs.
#[derive(Debug, Clone, Copy, Default)]
struct Case {
    /// Somewhere in lower case.
    lower: bool,
    /// Somewhere with a capital, not at the start of a sentence.
    upper_inside: bool,
}

/// Notes how each word of a paragraph's key is written, from the
/// paragraph's words (`words`, lower-cased, in order) and their numbers
/// (`ids`): each word is found in the key where the one before ended, past
/// the punctuation between them. Only words of ASCII letters have a case
/// worth noting; the first word not found where expected ends the reading
/// (the words after it count as written in lower case nowhere).
fn note_case(key: &str, words: &Words, ids: &[u32], case: &mut [Case]) {
    let bytes = key.as_bytes();
    let mut at = 0;
    for (word, &w) in words.iter().zip(ids) {
        if !word.is_ascii() {
            // Past a word in another script, the place of the next is not
            // known without segmenting the key again.
            return;
        }
        while at < bytes.len() && !bytes[at].is_ascii_alphanumeric() && bytes[at] != b'_' {
            if !bytes[at].is_ascii() {
                return;
            }
            at += 1;
        }
        let end = at + word.len();
        if end > bytes.len() || !bytes[at..end].eq_ignore_ascii_case(word.as_bytes()) {
            return;
        }
        let first = bytes[at];
        let c = &mut case[w as usize];
        if first.is_ascii_lowercase() {
            c.lower = true;
        } else if first.is_ascii_uppercase() {
            let before = key[..at].trim_end().bytes().next_back();
            if !matches!(before, None | Some(b'.' | b'!' | b'?' | b':' | b'"')) {
                c.upper_inside = true;
            }
        }
        at = end;
    }
}

/// The paragraphs that play a [`Role`]: the first paragraph that is prose
/// (not a heading, and ending a sentence: a title or a dateline does not)
/// opens the statement; the last paragraph closes it when it is prose and
/// not the opening. A statement cut short (an excerpt ending mid-sentence)
/// has no closing.
pub(crate) fn roles(paragraphs: &[Paragraph]) -> (Option<usize>, Option<usize>) {
    let opening = paragraphs.iter().position(is_prose);
    let closing = paragraphs
        .len()
        .checked_sub(1)
        .filter(|&last| is_prose(&paragraphs[last]) && Some(last) != opening);
    (opening, closing)
}

fn is_prose(paragraph: &Paragraph) -> bool {
    if paragraph.heading {
        return false;
    }
    let end = paragraph
        .key()
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{300d}', '\u{300f}']);
    end.ends_with(['.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// The role two paragraphs share, if any.
pub(crate) fn shared_role(
    old_roles: (Option<usize>, Option<usize>),
    new_roles: (Option<usize>, Option<usize>),
    i: usize,
    j: usize,
) -> Option<Role> {
    if old_roles.0 == Some(i) && new_roles.0 == Some(j) {
        Some(Role::Opening)
    } else if old_roles.1 == Some(i) && new_roles.1 == Some(j) {
        Some(Role::Closing)
    } else {
        None
    }
}

/// The share of commitments two paragraphs have in common: twice those
/// paired between them over all those of both.
pub(crate) fn commitment_share(paired: usize, old_count: usize, new_count: usize) -> f64 {
    let total = old_count + new_count;
    if total == 0 {
        0.0
    } else {
        (2.0 * paired as f64 / total as f64).min(1.0)
    }
}

/// The evidence, scored: the words, plus what commitments, role and order
/// add when the words lean towards the pair already (at least
/// [`MIN_WORDS`], and a `specific` word shared: paragraphs that share only
/// what other paragraphs say too are not tipped into one).
pub(crate) fn score(
    words: f64,
    specific: bool,
    commitments: usize,
    share: f64,
    role: Option<Role>,
    order: Option<Order>,
) -> Evidence {
    let order_weight = match order {
        Some(Order::Alone | Order::Beside) => ALONE_WEIGHT,
        Some(Order::Between) => BETWEEN_WEIGHT,
        None => 0.0,
    };
    let role_weight = if role.is_some() { ROLE_WEIGHT } else { 0.0 };
    let score = if words < MIN_WORDS || !specific {
        words
    } else {
        words + COMMITMENT_WEIGHT * share + role_weight + order_weight
    };
    Evidence {
        score,
        words,
        commitments,
        role,
        order,
    }
}

/// The most a pair's commitments, role and order can add to its words.
pub(crate) fn most_added(share: f64, role: Option<Role>) -> f64 {
    COMMITMENT_WEIGHT * share + if role.is_some() { ROLE_WEIGHT } else { 0.0 } + ALONE_WEIGHT
}
