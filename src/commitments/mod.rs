//! Commitments: the clauses of a statement built on a reporting verb
//! ("affirmed …", "pledged …", "strongly condemned …"), matched across the
//! whole of both statements, so that a commitment that survived inside a
//! rewritten, moved, split or merged paragraph is found, and compared for
//! the strength of their language.
//!
//! The parts: `clause` reads the clauses of a sentence, `list` the items
//! of a list with their lead-in, `cjk` holds the Korean and Japanese
//! helpers, `stem` the comparison keys and stems, `matching` pairs the
//! commitments of two statements into changes, and `shift` tells how the
//! strength of a pair's language moved.

mod cjk;
mod clause;
mod forms;
pub mod lexicon;
mod list;
mod matching;
mod predicate;
mod scope;
mod shift;
mod stem;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::document::Paragraph;
use crate::model::{Commitment, CommitmentChange};
use crate::text::hash::WordHasher;
use crate::text::normalize::split_number;
use crate::text::sentence::sentences;
use clause::extract_sentence;
use lexicon::Lexicon;
use list::read_list_items;
use matching::{changes, match_commitments};

/// Splits a statement's paragraphs into commitments.
pub fn extract(paragraphs: &[Paragraph], lexicon: &Lexicon) -> Vec<Commitment> {
    extract_reusing(paragraphs, lexicon, &[], &[])
}

/// Above this many bytes of paragraph text, paragraphs are read on every
/// core (below it, starting the threads costs more than it saves).
const PARALLEL_BYTES: usize = 256 * 1024;

/// Splits a statement's paragraphs into commitments, copying those of any
/// paragraph written word for word in `known_paragraphs` from `known` (the
/// commitments already extracted from them) instead of reading it again:
/// a paragraph's commitments depend on its text alone. Between two rounds
/// of a statement most paragraphs are kept, so the new statement costs
/// little more than its changes.
pub fn extract_reusing(
    paragraphs: &[Paragraph],
    lexicon: &Lexicon,
    known_paragraphs: &[Paragraph],
    known: &[Commitment],
) -> Vec<Commitment> {
    use rayon::prelude::*;
    // Where each known paragraph's commitments are (they are in paragraph
    // order), by its text.
    let mut by_text: HashMap<&str, (usize, usize), BuildHasherDefault<WordHasher>> =
        HashMap::default();
    if !known.is_empty() {
        let mut start = 0;
        for p in known_paragraphs {
            let end = start + known[start..].partition_point(|c| c.paragraph <= p.index);
            // A heading holds no commitments whatever it says: the same
            // words read as a paragraph may hold some.
            if !p.heading {
                by_text.entry(body(p)).or_insert((start, end));
            }
            start = end;
        }
    }
    let one = |paragraph: &Paragraph| -> Vec<Commitment> {
        // A heading names a part of the statement ("Agreed Actions"); it
        // commits to nothing.
        if paragraph.heading || looks_like_heading(&paragraph.text) {
            return Vec::new();
        }
        let text = body(paragraph);
        if let Some(&(start, end)) = by_text.get(text) {
            // A list item's commitments came with its lead-in: they are read
            // again below, from this statement's own lead-in.
            return known[start..end]
                .iter()
                .filter(|c| !c.listed)
                .map(|c| Commitment {
                    paragraph: paragraph.index,
                    ..c.clone()
                })
                .collect();
        }
        let mut out = Vec::new();
        let mut subject: Option<String> = None;
        for sentence in sentences(text) {
            extract_sentence(sentence, paragraph.index, lexicon, &mut subject, &mut out);
        }
        out
    };
    let bytes: usize = paragraphs.iter().map(|p| p.text.len()).sum();
    let mut parts: Vec<Vec<Commitment>> = if bytes >= PARALLEL_BYTES {
        paragraphs.par_iter().map(one).collect()
    } else {
        paragraphs.iter().map(one).collect()
    };
    read_list_items(paragraphs, lexicon, &mut parts);
    // Allocated once at its size: growing it by doubling held up to twice
    // the commitments' room at the run's peak.
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    all.extend(parts.into_iter().flatten());
    all
}

/// A line of plain text that reads as a heading: a few capitalized words
/// and no closing punctuation ("Agreed Actions", "Security Cooperation").
fn looks_like_heading(text: &str) -> bool {
    if text
        .trim_end()
        .ends_with(['.', ';', ':', '!', '?', '\u{3002}'])
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words.len() <= 8
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// The text commitments are read from: the paragraph without its number.
fn body(paragraph: &Paragraph) -> &str {
    split_number(&paragraph.text).1
}

/// Settings for matching commitments.
#[derive(Debug, Clone, Copy)]
pub struct MatchOptions {
    /// Minimum similarity for two commitments to be one.
    pub threshold: f64,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions { threshold: 0.3 }
    }
}

/// Matches every old commitment with the new ones and classifies each.
///
/// Each old commitment looks up its informative stems in an index of the
/// new ones and scores the few that share the most (the nearest in relative
/// position among equals): never every pair.
pub fn compare(
    old: &[Commitment],
    new: &[Commitment],
    options: &MatchOptions,
) -> Vec<CommitmentChange> {
    compare_owned(old.to_vec(), new.to_vec(), options)
}

/// [`compare`], moving the commitments into the changes instead of copying
/// them (what a comparison that keeps no commitments of its own uses: half
/// the memory).
pub fn compare_owned(
    mut old: Vec<Commitment>,
    mut new: Vec<Commitment>,
    options: &MatchOptions,
) -> Vec<CommitmentChange> {
    let matches = match_commitments(&old, &new, options);
    changes(matches, &mut old, &mut new)
}

#[cfg(test)]
mod tests;
