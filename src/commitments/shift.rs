//! Shifts: how the strength of a paired commitment's language moved, and the notes that show it.

use super::cjk::{is_cjk, is_japanese};
use crate::model::{Commitment, Shift, Strength};

pub(super) fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

/// How many words after an English verb a modifier of it may stand and
/// still be shown after it in a shift note.
const AFTER_VERB: usize = 2;

/// A commitment's intensifiers and softeners: their words and level.
fn modifier_items(c: &Commitment) -> impl Iterator<Item = (&str, i32)> {
    c.modifiers.split(' ').filter_map(|item| {
        let (words, level) = item.rsplit_once(':')?;
        Some((words, level.parse().ok()?))
    })
}

/// The words of a commitment's intensifiers and softeners, in order.
fn modifier_words(c: &Commitment) -> Vec<&str> {
    modifier_items(c)
        .flat_map(|(words, _)| words.split('_'))
        .collect()
}

/// Whether words (joined by "_") stand in a commitment's clause.
fn in_clause(words: &str, c: &Commitment) -> bool {
    let phrase = words.replace('_', " ");
    if is_cjk(&phrase) {
        return c.core.contains(&phrase);
    }
    let core: Vec<&str> = c
        .core
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let wanted: Vec<&str> = phrase.split(' ').collect();
    core.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The level of the modifiers of `c` that the other commitment has too,
/// where they modify another word or stand elsewhere ("commitments … are
/// ironclad" and "ironclad commitments"): a modifier that moved is no
/// shift.
fn moved(c: &Commitment, other: &Commitment) -> i32 {
    let theirs: Vec<&str> = modifier_items(other).map(|(w, _)| w).collect();
    modifier_items(c)
        .filter(|(w, _)| !theirs.contains(w) && in_clause(w, other))
        .map(|(_, level)| level)
        .sum()
}

/// Compares the strength of two paired commitments: the verb's level plus
/// the intensifiers and softeners that modify it or what it promises
/// first; if those balance, the modal. A promise with no reporting verb
/// ("We will hold …") has its modal for strength: its verb is not
/// compared.
pub(super) fn shift(
    a: &Strength,
    b: &Strength,
    old: &Commitment,
    new: &Commitment,
) -> (Option<Shift>, Vec<String>) {
    let mut notes = Vec::new();
    let (verb_a, verb_b) = if a.verb == 0 || b.verb == 0 {
        (0, 0)
    } else {
        (a.verb, b.verb)
    };
    let mut delta =
        (verb_b + b.modifiers - moved(new, old)) - (verb_a + a.modifiers - moved(old, new));
    if delta != 0 {
        let modal = |c: &Commitment| c.modal_phrase.clone().unwrap_or_default();
        // The modifiers the verb phrase leaves out ("最も 強い" far before
        // "非難した"), then the verb phrase.
        // In Korean and Japanese, where the clause is the whole sentence, a
        // modifier of another word than the verb is shown with that word
        // ("심각한 우려를": serious concern, emphasized); an English modifier
        // stands by its verb.
        let with_modifiers = |c: &Commitment| {
            let with_word = is_cjk(&c.text);
            let own: Vec<&str> = c.verb_phrase.split(' ').collect();
            let all: Vec<&str> = modifier_words(c);
            let words: Vec<&str> = c.text.split_whitespace().collect();
            let extra: Vec<String> = all
                .iter()
                .filter(|w| !w.is_empty() && !own.contains(w))
                .map(|w| {
                    let next = words
                        .iter()
                        .position(|t| t == w)
                        .and_then(|at| words.get(at + 1))
                        .filter(|_| with_word)
                        .filter(|n| {
                            let n = n.to_lowercase();
                            !own.contains(&n.as_str()) && !all.contains(&n.as_str())
                        });
                    match next {
                        Some(n) => format!("{w} {n}"),
                        None => (*w).to_string(),
                    }
                })
                .collect();
            // An English modifier a few words after the verb is shown
            // where it stands, with the words between ("agreed to consider").
            let lower: Vec<String> = words
                .iter()
                .map(|t| {
                    t.trim_matches(|ch: char| !ch.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            let verb_at = (!with_word)
                .then(|| lower.iter().position(|t| t == own[0]))
                .flatten();
            let (after, before): (Vec<String>, Vec<String>) =
                extra.into_iter().partition(|w| match verb_at {
                    Some(v) => lower
                        .iter()
                        .skip(v + own.len())
                        .take(AFTER_VERB)
                        .any(|t| t == w),
                    None => false,
                });
            let mut shown = before;
            shown.push(phrase(c));
            if let (Some(v), false) = (verb_at, after.is_empty()) {
                let from = v + own.len();
                let last = (from..(from + AFTER_VERB).min(lower.len()))
                    .filter(|&i| after.contains(&lower[i]))
                    .max()
                    .unwrap_or(from);
                shown.extend(lower[from..=last].iter().cloned());
            }
            shown.join(" ")
        };
        // Japanese writes no spaces between words.
        let shown = |c: &Commitment, words: String| {
            if is_japanese(&c.text) {
                words.replace(' ', "")
            } else {
                words
            }
        };
        let (old_modified, new_modified) = (with_modifiers(old), with_modifiers(new));
        let (from, to) = if phrase(old) == phrase(new) && modal(old) != modal(new) {
            (
                format!("{} {}", phrase(old), modal(old)),
                format!("{} {}", phrase(new), modal(new)),
            )
        } else if (old.verb == new.verb || is_cjk(&new.text)) && old_modified != new_modified {
            // The modifiers that changed; in Korean and Japanese, where the
            // clause is the whole sentence, whether or not the verb did
            // ("우려를 공유하고 → 심각한 우려를 표명하고").
            (old_modified, new_modified)
        } else {
            (phrase(old), phrase(new))
        };
        let note = format!("{} \u{2192} {}", shown(old, from), shown(new, to));
        notes.push(note);
    } else if let (Some(x), Some(y)) = (a.modal, b.modal) {
        delta = y - x;
        if delta != 0 {
            let none = || "none".to_string();
            notes.push(format!(
                "{} \u{2192} {}",
                old.modal_phrase.clone().unwrap_or_else(none),
                new.modal_phrase.clone().unwrap_or_else(none)
            ));
        }
    }
    if a.negations != b.negations {
        notes.push(if b.negations > a.negations {
            "negation added".into()
        } else {
            "negation removed".into()
        });
    }
    let shift = match delta {
        d if d > 0 => Some(Shift::Stronger),
        d if d < 0 => Some(Shift::Weaker),
        _ => None,
    };
    (shift, notes)
}

/// The verb phrase and the words right after it, for a shift note.
fn phrase(c: &Commitment) -> String {
    c.verb_phrase.clone()
}

#[cfg(test)]
mod tests {
    use crate::commitments::tests::{
        changes_between, commitments, one_pair, reworded_and_kept, shift_of,
    };
    use crate::model::Shift;

    #[test]
    fn korean_serious_concern_is_stronger_and_named_with_its_noun() {
        // "expressed concern …, and emphasized" → "expressed serious
        // concern …, and emphasized": each verb has its clause, and the
        // shift note shows the modifier with the word it modifies.
        let old = "3국은 국제법에 부합하지 않는 행위에 대한 우려를 표명하고, 항행의 자유를 존중하는 것의 중요성을 강조하였다.";
        let new = "3국은 국제법에 부합하지 않는 행위에 대해 심각한 우려를 표명하고, 항행의 자유를 존중하는 것의 중요성을 강조하였다.";
        let texts: Vec<String> = commitments(old).into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "3국은 국제법에 부합하지 않는 행위에 대한 우려를 표명하고",
                "항행의 자유를 존중하는 것의 중요성을 강조하였다."
            ]
        );
        let changes = changes_between(old, new);
        let (reworded, kept) = reworded_and_kept(changes);
        assert_eq!(reworded.shift, Some(Shift::Stronger));
        assert_eq!(
            reworded.notes[0],
            "표명하고 \u{2192} 심각한 우려를 표명하고"
        );
        assert_eq!(kept.similarity, Some(1.0));
    }

    #[test]
    fn korean_shared_concern_to_expressed_serious_concern_names_the_modifier() {
        let old = "3국은 국제법에 부합하지 않는 행위에 대한 우려를 공유하고, 항행의 자유를 존중하는 것의 중요성을 강조하였다.";
        let new = "3국은 국제법에 부합하지 않는 행위에 대해 심각한 우려를 표명하고, 항행의 자유를 존중하는 것의 중요성을 강조하였다.";
        let changes = changes_between(old, new);
        let (reworded, _) = reworded_and_kept(changes);
        assert_eq!(reworded.shift, Some(Shift::Stronger));
        assert_eq!(
            reworded.notes[0],
            "우려를 공유하고 \u{2192} 심각한 우려를 표명하고"
        );
    }

    #[test]
    fn a_modifier_of_another_word_is_no_shift() {
        // "fully" modifies "respect", not "recognized".
        let change = one_pair(
            "They recognized the need to respect sovereignty.",
            "They recognized the need to fully respect sovereignty.",
        );
        assert_eq!((change.shift, change.notes.len()), (None, 0), "{change:?}");
        // An intensifier that moves is no shift: "… are ironclad" and
        // "ironclad commitments" say the same.
        let change = one_pair(
            "The United States reiterated that its commitments to the defense of its allies are ironclad.",
            "The United States reiterated its ironclad commitments to the defense of its allies.",
        );
        assert_eq!(change.shift, None, "{change:?}");
    }

    #[test]
    fn a_softener_of_what_is_promised_is_named_after_the_verb() {
        let changes = changes_between(
            "The Ministers agreed to consider holding an exercise.",
            "The Ministers agreed to hold an exercise.",
        );
        assert_eq!(changes[0].notes[0], "agreed to consider \u{2192} agreed");
    }

    #[test]
    fn stronger_with_an_intensifier() {
        assert_eq!(
            shift_of(
                "They condemned the DPRK's launches.",
                "They strongly condemned the DPRK's launches."
            ),
            Some(Shift::Stronger)
        );
        assert_eq!(
            shift_of(
                "They condemned the launches.",
                "They condemned in the strongest terms the launches."
            ),
            Some(Shift::Stronger)
        );
    }

    #[test]
    fn weaker_when_the_intensifier_goes() {
        assert_eq!(
            shift_of(
                "They strongly condemned the DPRK's launches.",
                "They condemned the DPRK's launches."
            ),
            Some(Shift::Weaker)
        );
    }

    #[test]
    fn weaker_verb() {
        assert_eq!(
            shift_of(
                "They expressed serious concern about the launches of missiles.",
                "They noted the launches of missiles."
            ),
            Some(Shift::Weaker)
        );
    }

    #[test]
    fn stronger_verb() {
        assert_eq!(
            shift_of(
                "They shared concerns about coercive conduct at sea.",
                "They expressed serious concern about coercive conduct at sea."
            ),
            Some(Shift::Stronger)
        );
    }

    #[test]
    fn weaker_modal() {
        let change = one_pair(
            "They affirmed they will redouble efforts on sanctions.",
            "They affirmed they will explore ways to support sanctions.",
        );
        assert_eq!(change.shift, Some(Shift::Weaker));
        assert!(
            change.notes[0].contains("will explore"),
            "{:?}",
            change.notes
        );
        assert_eq!(
            shift_of(
                "They agreed they may hold drills.",
                "They agreed they will hold drills."
            ),
            Some(Shift::Stronger)
        );
    }

    #[test]
    fn no_shift_when_strongly_moves_within_the_sentence() {
        assert_eq!(
            shift_of(
                "They strongly condemned the launches.",
                "They condemned strongly the launches."
            ),
            None
        );
    }

    #[test]
    fn no_shift_for_a_synonym_of_equal_strength() {
        assert_eq!(
            shift_of(
                "They affirmed that cooperation has grown.",
                "They reaffirmed that cooperation has grown."
            ),
            None
        );
        assert_eq!(
            shift_of(
                "They emphasized the rule of law at sea.",
                "They stressed the rule of law at sea."
            ),
            None
        );
    }

    #[test]
    fn no_shift_for_other_word_changes() {
        assert_eq!(
            shift_of(
                "They condemned the recent launches of missiles.",
                "They condemned the continued launches of missiles."
            ),
            None
        );
    }

    #[test]
    fn negation_is_noted() {
        let change = one_pair(
            "They agreed to expand the exercise program.",
            "They agreed not to expand the exercise program.",
        );
        assert!(
            change.notes.iter().any(|n| n == "negation added"),
            "{:?}",
            change.notes
        );
    }
}
