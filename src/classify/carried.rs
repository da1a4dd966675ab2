//! Sentences carried word for word from one paragraph to another.
//!
//! A paragraph merged into its neighbour reads, paragraph by paragraph, as
//! one paragraph removed and another reworded; a paragraph split in two, as
//! one reworded and one added; a sentence moved from one paragraph to
//! another, as two rewordings. What ties them together is that the same
//! sentences left one paragraph and arrived in the other. [`annotate`]
//! follows each sentence that a paragraph lost (or, removed, all of its
//! sentences) to the paragraph that gained it, and notes both changes:
//! "merged into new ¶3" and "merged with old ¶3", "split: part is now new
//! ¶6" and "split from old ¶5", "now part of new ¶4" when a removed
//! paragraph went whole into an added one, or "sentence moved to new ¶7:
//! “They also …”". Only sentences of four words or more (two Chinese or
//! Japanese characters counting as a word), lost by one paragraph and gained
//! by one, are followed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::text::hash::WordHasher;

use crate::model::{Carried, CarriedHow, Change, ChangeKind, SpanTag};
use crate::text::normalize::fold_typography_cow;
use crate::text::sentence::sentences;

/// Sentences shorter than this many words are not followed: "They agreed."
/// may stand in many places without having moved.
const MIN_WORDS: usize = 4;

/// Words of a moved sentence quoted in a note.
const QUOTED_WORDS: usize = 8;

/// Maps keyed by sentences, hashed as words are.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// One sentence a paragraph lost or gained.
struct Piece<'a> {
    /// The change holding the paragraph.
    change: usize,
    /// The paragraph's number in its statement.
    paragraph: usize,
    /// The sentence as written.
    text: &'a str,
}

/// Adds to each change's notes where the sentences it lost went and where
/// the sentences it gained came from, when they moved word for word between
/// paragraphs.
pub fn annotate(changes: &mut [Change]) {
    let carried = carried(changes);
    for (change, carried) in changes.iter_mut().zip(carried) {
        change.carried.extend(carried);
    }
}

fn carried(changes: &[Change]) -> Vec<Vec<Carried>> {
    let mut notes: Vec<Vec<Carried>> = vec![Vec::new(); changes.len()];
    let mut lost: Vec<(Cow<'_, str>, Piece<'_>)> = Vec::new();
    let mut gained: Vec<(Cow<'_, str>, Piece<'_>)> = Vec::new();
    // How many sentences each side of a change has in all.
    let mut old_count = vec![0usize; changes.len()];
    let mut new_count = vec![0usize; changes.len()];
    for (k, change) in changes.iter().enumerate() {
        if !may_carry(change) {
            continue;
        }
        let old = change
            .old
            .as_ref()
            .map(|s| keyed(&s.text))
            .unwrap_or_default();
        let new = change
            .new
            .as_ref()
            .map(|s| keyed(&s.text))
            .unwrap_or_default();
        // Only the sentences long enough to follow count: a paragraph whose
        // every such sentence went elsewhere went whole.
        old_count[k] = old
            .iter()
            .filter(|(key, _)| words(key) >= MIN_WORDS)
            .count();
        new_count[k] = new
            .iter()
            .filter(|(key, _)| words(key) >= MIN_WORDS)
            .count();
        // What one side holds and the other does not, occurrence by
        // occurrence.
        let (old_kept, new_used) = common(&old, &new);
        let old_paragraph = change.old.as_ref().map_or(0, |s| s.index);
        let new_paragraph = change.new.as_ref().map_or(0, |s| s.index);
        for (side, found, paragraph, out) in [
            (old, old_kept, old_paragraph, &mut lost),
            (new, new_used, new_paragraph, &mut gained),
        ] {
            // The sentences the other side does not have, long enough to
            // follow.
            out.extend(
                side.into_iter()
                    .zip(found)
                    .filter(|((key, _), found)| !found && words(key) >= MIN_WORDS)
                    .map(|((key, text), _)| {
                        let piece = Piece {
                            change: k,
                            paragraph,
                            text,
                        };
                        (key, piece)
                    }),
            );
        }
    }
    // Only a sentence lost once and gained once is followed: one that
    // several paragraphs lost or gained ("They urged the DPRK to cease all
    // destabilizing activities immediately." in a long, repetitive text)
    // cannot be said to have gone from one to the other.
    let mut times: Map<&str, (u32, u32, usize)> = Map::default();
    for (key, _) in &lost {
        times.entry(key).or_default().0 += 1;
    }
    for (at, (key, _)) in gained.iter().enumerate() {
        if let Some(t) = times.get_mut(key.as_ref()) {
            t.1 += 1;
            t.2 = at;
        }
    }
    // The moves, gathered by the two changes they join, in order.
    let mut moves: Vec<Move<'_>> = Vec::new();
    let mut by_ends: HashMap<(usize, usize), usize> = HashMap::new();
    for (key, from) in &lost {
        let to = match times.get(key.as_ref()) {
            Some(&(1, 1, at)) => &gained[at].1,
            _ => continue,
        };
        let at = *by_ends.entry((from.change, to.change)).or_insert_with(|| {
            moves.push(Move {
                from: from.change,
                to: to.change,
                old_paragraph: from.paragraph,
                new_paragraph: to.paragraph,
                sentences: Vec::new(),
            });
            moves.len() - 1
        });
        moves[at].sentences.push(from.text);
    }
    for m in &moves {
        let n = m.sentences.len();
        let whole_old = changes[m.from].kind == ChangeKind::Removed && n == old_count[m.from];
        let whole_new = changes[m.to].kind == ChangeKind::Added && n == new_count[m.to];
        let to_pair = changes[m.to].kind != ChangeKind::Added;
        let how = if whole_old && whole_new {
            CarriedHow::Rearranged
        } else if whole_old && to_pair {
            CarriedHow::Merged
        } else if whole_old {
            CarriedHow::PartOf
        } else if whole_new {
            CarriedHow::Split
        } else {
            CarriedHow::Sentences {
                count: n,
                quote: quote(m.sentences[0]),
            }
        };
        notes[m.to].push(Carried {
            how: how.clone(),
            lost: false,
            other: m.old_paragraph,
        });
        notes[m.from].push(Carried {
            how,
            lost: true,
            other: m.new_paragraph,
        });
    }
    notes
}

/// Whether a change can have lost or gained a whole sentence: an added or
/// removed paragraph, or a pair whose redline deletes or inserts at least
/// [`MIN_WORDS`] words in all. Most rewordings change a word or two and are
/// passed over without splitting their sentences.
fn may_carry(change: &Change) -> bool {
    match change.kind {
        ChangeKind::Added | ChangeKind::Removed => true,
        ChangeKind::Reworded | ChangeKind::Moved => {
            [SpanTag::Deleted, SpanTag::Inserted].iter().any(|&tag| {
                let changed: usize = change
                    .spans
                    .iter()
                    .filter(|s| s.tag == tag)
                    .map(|s| words(&s.text))
                    .sum();
                changed >= MIN_WORDS
            })
        }
    }
}

/// Sentences that left one paragraph (the change `from`) for another (the
/// change `to`).
struct Move<'a> {
    from: usize,
    to: usize,
    old_paragraph: usize,
    new_paragraph: usize,
    sentences: Vec<&'a str>,
}

/// The first words of a sentence in quotation marks.
fn quote(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= QUOTED_WORDS {
        format!("\u{201c}{}\u{201d}", words.join(" "))
    } else {
        format!(
            "\u{201c}{}\u{2026}\u{201d}",
            words[..QUOTED_WORDS].join(" ")
        )
    }
}

/// Which sentences of each side the other side also has, occurrence by
/// occurrence.
fn common(old: &[(Cow<'_, str>, &str)], new: &[(Cow<'_, str>, &str)]) -> (Vec<bool>, Vec<bool>) {
    let mut old_kept = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    if old.len() * new.len() <= 1024 {
        // A paragraph has a few sentences: comparing each with each is the
        // cheapest.
        for (i, (key, _)) in old.iter().enumerate() {
            if let Some(j) = (0..new.len()).find(|&j| !new_used[j] && new[j].0 == *key) {
                new_used[j] = true;
                old_kept[i] = true;
            }
        }
    } else {
        let mut places: Map<&str, Vec<usize>> = Map::default();
        for (j, (key, _)) in new.iter().enumerate().rev() {
            places.entry(key).or_default().push(j);
        }
        for (i, (key, _)) in old.iter().enumerate() {
            if let Some(j) = places.get_mut(key.as_ref()).and_then(Vec::pop) {
                new_used[j] = true;
                old_kept[i] = true;
            }
        }
    }
    (old_kept, new_used)
}

/// The sentences of a paragraph with their comparison keys (typography
/// folded; a paragraph's spaces are already single).
fn keyed(text: &str) -> Vec<(Cow<'_, str>, &str)> {
    sentences(text)
        .into_iter()
        .map(|s| (fold_typography_cow(s), s))
        .collect()
}

/// How many words a text has: its space-separated words, a run of Chinese
/// or Japanese (written without spaces) counting a word for every two
/// characters.
fn words(text: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    text.split_whitespace()
        .map(|w| {
            let wide = w.chars().filter(|c| c.width() == Some(2)).count();
            wide.div_ceil(2).max(1)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use crate::chrome::Chrome;
    use crate::document::Document;
    use crate::model::ChangeKind;
    use crate::{Options, compare};

    const A: &str = "The officials exchanged views on the security environment in the region.";
    const B: &str = "They condemned the DPRK's launches of ballistic missiles.";
    const C: &str = "They urged the DPRK to cease all destabilizing activities immediately.";
    const D: &str = "The officials pledged to continue working closely together.";
    const E: &str = "They agreed to hold the next round of talks in Seoul next year.";

    /// (kind, notes) of each change between two statements.
    fn notes(old: &str, new: &str) -> Vec<(ChangeKind, Vec<String>)> {
        let chrome = Chrome::none();
        let old = Document::from_text("old.txt", old, &chrome);
        let new = Document::from_text("new.txt", new, &chrome);
        compare(&old, &new, &Options::default())
            .changes
            .into_iter()
            .map(|c| (c.kind, c.carried.iter().map(ToString::to_string).collect()))
            .collect()
    }

    #[test]
    fn a_merged_paragraph_is_noted_on_both_changes() {
        let old = format!("Title\n\n{A}\n\n{B} {C}\n\n{E}\n");
        let new = format!("Title\n\n{A} {B} {C}\n\n{E}\n");
        // Which of the two old paragraphs counts as removed is the
        // alignment's choice: here the first, taken into the second.
        assert_eq!(
            notes(&old, &new),
            [
                (
                    ChangeKind::Removed,
                    vec!["merged into new \u{b6}2".to_string()]
                ),
                (
                    ChangeKind::Reworded,
                    vec!["merged with old \u{b6}2".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_split_paragraph_is_noted_on_both_changes() {
        let old = format!("Title\n\n{A} {B} {C} {D}\n\n{E}\n");
        let new = format!("Title\n\n{A} {B}\n\n{C} {D}\n\n{E}\n");
        let changes = notes(&old, &new);
        assert_eq!(
            changes,
            [
                (
                    ChangeKind::Reworded,
                    vec!["split: part is now new \u{b6}3".to_string()]
                ),
                (
                    ChangeKind::Added,
                    vec!["split from old \u{b6}2".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_sentence_moved_between_paragraphs_is_quoted() {
        let old = format!("Title\n\n{A} {B} {C}\n\n{D}\n\n{E}\n");
        let new = format!("Title\n\n{A} {B}\n\n{D}\n\n{E} {C}\n");
        let changes = notes(&old, &new);
        let quote = "\u{201c}They urged the DPRK to cease all destabilizing\u{2026}\u{201d}";
        assert_eq!(
            changes,
            [
                (
                    ChangeKind::Reworded,
                    vec![format!("sentence moved to new \u{b6}4: {quote}")]
                ),
                (
                    ChangeKind::Reworded,
                    vec![format!("sentence moved from old \u{b6}2: {quote}")]
                ),
            ]
        );
    }

    #[test]
    fn a_paragraph_extended_beyond_recognition_elsewhere_takes_in_the_old_one() {
        let t = "They also agreed to establish a new trilateral working group on maritime domain awareness and to report to ministers on its progress within a year.";
        let u = "Ministers will review the group's findings on illicit transfers at sea, coastal patrol schedules and satellite imagery sharing when they next meet.";
        // Moved past the closing paragraph and three times as long: only
        // the sentence carried word for word ties the two.
        let old = format!("Title\n\n{A}\n\n{C}\n\n{E}\n");
        let new = format!("Title\n\n{A}\n\n{E}\n\n{C} {t} {u}\n");
        assert_eq!(
            notes(&old, &new),
            [
                (
                    ChangeKind::Removed,
                    vec!["now part of new \u{b6}4".to_string()]
                ),
                (
                    ChangeKind::Added,
                    vec!["takes in all of old \u{b6}3".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_paragraph_extended_in_its_place_is_reworded() {
        // The same extension where the paragraph stood: its words and its
        // place say it is the same paragraph, a sentence longer.
        let t = "They also agreed to establish a new trilateral working group on maritime domain awareness and to report to ministers on its progress within a year.";
        let old = format!("Title\n\n{A}\n\n{C}\n\n{E}\n");
        let new = format!("Title\n\n{A}\n\n{C} {t}\n\n{E}\n");
        assert_eq!(notes(&old, &new), [(ChangeKind::Reworded, vec![])]);
    }

    #[test]
    fn a_merge_is_a_merge_though_a_short_sentence_went_and_japanese_too() {
        // "They met." is too short to follow; the rest went whole.
        let old = format!("Title\n\n{A}\n\n{B} They met.\n\n{E}\n");
        let new = format!("Title\n\n{A} {B}\n\n{E}\n");
        let changes = notes(&old, &new);
        assert!(
            changes
                .iter()
                .any(|(k, n)| *k == ChangeKind::Removed && n[0].starts_with("merged into")),
            "{changes:?}"
        );
        let old = "声明\n\n三者は、地域の安全保障環境について意見を交換した。\n\n三者は、北朝鮮による弾道ミサイルの発射を強く非難した。\n\n三者は、次回の協議を日本で開催することで一致した。\n";
        let new = "声明\n\n三者は、地域の安全保障環境について意見を交換した。三者は、北朝鮮による弾道ミサイルの発射を強く非難した。\n\n三者は、次回の協議を日本で開催することで一致した。\n";
        let changes = notes(old, new);
        assert!(
            changes
                .iter()
                .any(|(k, n)| *k == ChangeKind::Removed && n[0].starts_with("merged into")),
            "{changes:?}"
        );
    }

    #[test]
    fn rewording_in_place_and_short_sentences_are_not_moves() {
        // A sentence reworded in its own paragraph moved nowhere; "They met."
        // leaving one paragraph and standing in another is too short to follow.
        let old = format!("Title\n\n{A} They met.\n\n{B}\n\n{E}\n");
        let new = format!("Title\n\n{A}\n\n{B} They met.\n\n{E} Strongly.\n");
        let changes = notes(&old, &new);
        assert!(changes.iter().all(|(_, n)| n.is_empty()), "{changes:?}");
        assert_eq!(changes.len(), 3);
    }
}
