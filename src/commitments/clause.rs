//! The clauses of a sentence that commit: each reporting verb's subject, clause and strength.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::cjk::{ends_cjk_clause, is_cjk, is_japanese, japanese_word_indices};
use super::lexicon::{EntryKind, Hit, Lexicon};
use super::stem::{core_of, numbers_of};
use crate::model::{Commitment, Strength};
use crate::text::normalize::fold_typography;

/// Words that, just before a lexicon verb, show it is not a reporting verb
/// here ("the agreed framework", "was welcomed by", "as agreed").
const NOT_A_PREDICATE: &[&str] = &[
    "the",
    "a",
    "an",
    "was",
    "were",
    "been",
    "being",
    "is",
    "are",
    "be",
    "as",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "of",
    "by",
    "newly",
    "previously",
    "mutually",
    "widely",
    "well",
];

/// Prepositions that, right after a verb that follows a comma, show a
/// reduced relative clause ("the Memorandum, signed at the meeting in
/// Tokyo") rather than a new commitment.
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "during", "under", "last", "earlier", "this",
];

/// True when a lexicon verb is the predicate of a clause here, not an
/// adjective ("the agreed framework"), a passive ("was welcomed by") or a
/// participle ("…, signed at the meeting").
fn is_predicate(sentence: &str, tokens: &[Token<'_>], lower: &[Cow<'_, str>], hit: Hit) -> bool {
    let at = hit.start;
    if at > 0 && NOT_A_PREDICATE.contains(&lower[at - 1].as_ref()) {
        return false;
    }
    let next = lower.get(hit.end).map(|w| w.as_ref());
    if next == Some("by") {
        return false;
    }
    let after_comma = at > 0 && sentence[tokens[at - 1].end..tokens[at].start].contains(',');
    !(after_comma && next.is_some_and(|w| PARTICIPLE_PREPOSITIONS.contains(&w)))
}

/// Adverbs that belong to the verb phrase when they stand just before it.
const VERB_ADVERBS: &[&str] = &[
    "also",
    "further",
    "again",
    "jointly",
    "once",
    "all",
    "both",
    "each",
    "firmly",
    "strongly",
    "fully",
    "unequivocally",
    "resolutely",
    "additionally",
    "together",
    "collectively",
];

struct Token<'a> {
    start: usize,
    end: usize,
    word: &'a str,
}

/// A word folded and lower-cased. (A word is never white space or a
/// backtick, so an ASCII word folds to itself.)
fn lower_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold_typography(word).to_lowercase()
    }
}

pub(super) fn extract_sentence(
    sentence: &str,
    paragraph: usize,
    lexicon: &Lexicon,
    subject: &mut Option<String>,
    out: &mut Vec<Commitment>,
) {
    let words: Box<dyn Iterator<Item = (usize, &str)>> = if is_japanese(sentence) {
        Box::new(japanese_word_indices(sentence).into_iter())
    } else {
        Box::new(sentence.unicode_word_indices())
    };
    let tokens: Vec<Token<'_>> = words
        .map(|(start, word)| Token {
            start,
            end: start + word.len(),
            word,
        })
        .collect();
    // Lower-cased tokens: slices of one lower-cased copy of an ASCII
    // sentence (no allocation a word), each word folded otherwise.
    let lowered = if sentence.is_ascii() {
        sentence.to_ascii_lowercase()
    } else {
        String::new()
    };
    let lower: Vec<Cow<'_, str>> = tokens
        .iter()
        .map(|t| {
            if lowered.is_empty() {
                Cow::Owned(lower_word(t.word))
            } else {
                Cow::Borrowed(&lowered[t.start..t.end])
            }
        })
        .collect();
    // What lexicon entries may start at each token, looked up once.
    let masks: Vec<u8> = lower.iter().map(|w| lexicon.kinds_at(w)).collect();
    let mut hits: Vec<Hit> = Vec::new();
    let mut at = 0;
    while at < lower.len() {
        match lexicon.match_at_masked(&lower, &masks, at, EntryKind::Verb) {
            Some(hit) if is_predicate(sentence, &tokens, &lower, hit) => {
                hits.push(hit);
                at = hit.end;
            }
            _ => at += 1,
        }
    }
    if hits.is_empty() {
        return;
    }
    // Korean and Japanese put the verb last: a clause runs up to its verb,
    // and a sentence is one clause unless a verb before the last ends in a
    // connective form before a comma ("…を強く非難し、…を確認した";
    // "…를 강조하고, …를 약속하였다"): then, as in English, each verb has its
    // own clause.
    if tokens.iter().any(|t| is_cjk(t.word)) {
        let (mut token_start, mut byte_start) = (0, 0);
        for (k, &hit) in hits.iter().enumerate() {
            let last = k + 1 == hits.len();
            let verb_token = &tokens[hit.end - 1];
            if !last && !ends_cjk_clause(verb_token.word, &sentence[verb_token.end..]) {
                continue;
            }
            let (byte_end, token_end) = if last {
                (sentence.len(), lower.len())
            } else {
                (verb_token.end, hit.end)
            };
            let text = sentence[byte_start..byte_end].trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '\u{3001}' | '\u{ff0c}')
            });
            let verb = sentence[tokens[hit.start].start..verb_token.end].to_string();
            out.push(build(
                paragraph,
                text,
                text,
                None,
                verb,
                &lower,
                &masks,
                token_start,
                token_end,
                hit,
                lexicon,
            ));
            (token_start, byte_start) = (hit.end, byte_end);
        }
        return;
    }
    // Where each commitment's verb phrase starts (adverbs included).
    let phrase_start: Vec<usize> = hits
        .iter()
        .map(|h| {
            let mut s = h.start;
            while s > 0 && VERB_ADVERBS.contains(&lower[s - 1].as_ref()) {
                s -= 1;
            }
            s
        })
        .collect();
    // Split before the connector ("and", ",", ";") nearest each later verb.
    let mut segments: Vec<(usize, usize, usize)> = Vec::new(); // (byte start, token start, hit index)
    for k in 0..hits.len() {
        if k == 0 {
            segments.push((0, 0, 0));
            continue;
        }
        let previous_end = hits[k - 1].end;
        let connector = (previous_end..phrase_start[k])
            .rev()
            .find(|&t| matches!(lower[t].as_ref(), "and" | "but" | "while" | "whereas"));
        let comma = {
            let from = tokens[previous_end - 1].end;
            let to = tokens[phrase_start[k]].start;
            sentence[from..to]
                .rfind([',', ';', ':'])
                .map(|i| from + i + 1)
        };
        let boundary = match (connector, comma) {
            (Some(t), Some(c)) if tokens[t].start > c => Some((tokens[t].end, t + 1)),
            (Some(t), None) => Some((tokens[t].end, t + 1)),
            (_, Some(c)) => Some((
                c,
                tokens
                    .iter()
                    .position(|tok| tok.start >= c)
                    .unwrap_or(phrase_start[k]),
            )),
            (None, None) => None,
        };
        if let Some((byte, token)) = boundary {
            segments.push((byte, token, k));
        }
    }
    for (s, &(byte_start, token_start, k)) in segments.iter().enumerate() {
        let hit = hits[k];
        let (byte_end, token_end) = match segments.get(s + 1) {
            Some(&(_, next_token, next_k)) => {
                // End before the connector that opens the next segment.
                let mut e = phrase_start[next_k].min(next_token);
                while e > token_start + 1
                    && matches!(lower[e - 1].as_ref(), "and" | "but" | "while" | "whereas")
                {
                    e -= 1;
                }
                let mut byte = if e > 0 { tokens[e - 1].end } else { 0 };
                // Keep closing brackets and quotes that end the clause: "(UNCLOS)".
                byte += sentence[byte..].len()
                    - sentence[byte..]
                        .trim_start_matches([')', ']', '"', '\'', '\u{201D}', '\u{2019}'])
                        .len();
                (byte.max(tokens[hit.end - 1].end), e.max(hit.end))
            }
            None => (sentence.len(), lower.len()),
        };
        let text = tidy_clause(&sentence[byte_start..byte_end]);
        let own_subject = tidy_clause(&sentence[byte_start..tokens[phrase_start[k]].start]);
        let own_subject = own_subject
            .rsplit(", ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let has_subject = !own_subject.is_empty() && own_subject.split_whitespace().count() <= 12;
        if has_subject {
            *subject = Some(own_subject.clone());
        }
        let verb = sentence[tokens[hit.start].start..tokens[hit.end - 1].end].to_string();
        let core_text = &sentence[tokens[phrase_start[k]].start..byte_end];
        out.push(build(
            paragraph,
            &text,
            core_text,
            subject.clone(),
            verb,
            &lower,
            &masks,
            phrase_start[k],
            token_end,
            hit,
            lexicon,
        ));
    }
}

/// Trims connectors and punctuation from a clause's ends.
fn tidy_clause(text: &str) -> String {
    let mut t = text.trim();
    loop {
        let before = t;
        t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        for word in ["and ", "but ", "while "] {
            if let Some(rest) = t.strip_prefix(word) {
                t = rest;
            }
        }
        if t == before {
            return t.to_string();
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    paragraph: usize,
    text: &str,
    core_text: &str,
    subject: Option<String>,
    verb: String,
    lower: &[Cow<'_, str>],
    masks: &[u8],
    phrase_start: usize,
    end: usize,
    hit: Hit,
    lexicon: &Lexicon,
) -> Commitment {
    let clause = &lower[phrase_start..end.max(phrase_start)];
    let near = &lower[phrase_start..(hit.end + 6).min(lower.len()).max(phrase_start)];
    let near_masks = &masks[phrase_start..phrase_start + near.len()];
    // The intensifiers and softeners near the verb, in order.
    let mut found: Vec<Hit> = [EntryKind::Intensifier, EntryKind::Softener]
        .into_iter()
        .flat_map(|kind| lexicon.find_all_masked(near, near_masks, kind))
        .collect();
    found.sort_by_key(|h| h.start);
    let level_sum = |kind| {
        found
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.level)
            .sum::<i32>()
    };
    // Intensifiers that are part of the verb phrase ("strongly condemned")
    // are already in the verb's level.
    let in_verb = lexicon
        .find_all_masked(
            &lower[hit.start..hit.end],
            &masks[hit.start..hit.end],
            EntryKind::Intensifier,
        )
        .iter()
        .map(|h| h.level)
        .sum::<i32>();
    // The first modal after the verb: the first place one matches (the
    // first of all the modals there, found without reading on).
    let after_start = hit.end.min(end);
    let after_verb = &lower[after_start..end.max(after_start)];
    let after_masks = &masks[after_start..after_start + after_verb.len()];
    let first_modal = (0..after_verb.len())
        .find_map(|at| lexicon.match_at_masked(after_verb, after_masks, at, EntryKind::Modal));
    let strength = Strength {
        verb: hit.level,
        modifiers: level_sum(EntryKind::Intensifier) - in_verb - level_sum(EntryKind::Softener),
        modal: first_modal.map(|h| h.level),
        negations: lexicon
            .find_all_masked(
                clause,
                &masks[phrase_start..phrase_start + clause.len()],
                EntryKind::Negation,
            )
            .len(),
    };
    let mut vp_end = hit.end;
    while vp_end < end
        && (lexicon
            .match_at_masked(lower, masks, vp_end, EntryKind::Intensifier)
            .is_some()
            || lexicon
                .match_at_masked(lower, masks, vp_end, EntryKind::Softener)
                .is_some())
    {
        vp_end += 1;
    }
    if vp_end < end
        && matches!(
            lower[hit.end - 1].as_ref(),
            "expressed" | "voiced" | "raised"
        )
    {
        vp_end += 1;
    }
    let mut vp_start = hit.start;
    while vp_start > phrase_start
        && (VERB_ADVERBS.contains(&lower[vp_start - 1].as_ref())
            || lexicon
                .match_at_masked(lower, masks, vp_start - 1, EntryKind::Intensifier)
                .is_some())
    {
        vp_start -= 1;
    }
    let verb_phrase = lower[vp_start..vp_end.max(hit.end)].join(" ");
    let modifiers = found
        .iter()
        .map(|h| near[h.start..h.end].join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let modal_phrase = first_modal.map(|m| {
        let (s, e) = (hit.end + m.start, (hit.end + m.end + 1).min(lower.len()));
        lower[s..e].join(" ")
    });
    let core = core_of(core_text);
    let numbers = numbers_of(&core);
    Commitment {
        paragraph,
        text: text.to_string(),
        subject,
        verb,
        core,
        strength,
        verb_phrase,
        modal_phrase,
        modifiers,
        numbers,
        listed: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::commitments::tests::{changes_between, commitments, reworded_and_kept};
    use crate::model::Shift;

    #[test]
    fn clauses_split_with_subject_carried() {
        let c = commitments("They condemned the launches and urged the DPRK to stop.");
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            ["They condemned the launches", "urged the DPRK to stop."]
        );
        assert_eq!(c[1].subject.as_deref(), Some("They"));
    }

    #[test]
    fn a_new_subject_after_and_starts_its_own_clause() {
        let c = commitments(
            "They reiterated that dialogue remains open, and the three officials pledged to continue coordination.",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].subject.as_deref(), Some("the three officials"));
        assert!(c[1].text.starts_with("the three officials pledged"));
    }

    #[test]
    fn brackets_that_close_a_clause_stay() {
        let c = commitments(
            "They shared concerns about the Law of the Sea (UNCLOS) and stressed the importance of navigation.",
        );
        assert_eq!(
            c[0].text,
            "They shared concerns about the Law of the Sea (UNCLOS)"
        );
    }

    #[test]
    fn verbs_that_are_not_predicates_are_not_commitments() {
        assert!(commitments("The agreed framework was welcomed by many.").is_empty());
        assert!(commitments("Ties with Moscow, highlighted by the treaty, deepened.").is_empty());
        assert!(commitments("The officials met in Tokyo and reviewed the region.").is_empty());
        assert_eq!(
            commitments(
                "They welcomed the Memorandum, signed at the meeting in Tokyo, and agreed to act."
            )
            .len(),
            2
        );
    }

    #[test]
    fn korean_sentence_is_one_commitment() {
        let c = commitments(
            "3국은 북한의 탄도미사일 발사를 강력히 규탄했다. 3국은 다음 회의를 서울에서 개최하기로 합의했다.",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].strength.modifiers, 1);
    }

    #[test]
    fn korean_and_japanese_verbs_in_a_connective_form_end_their_clause() {
        // "strongly condemned …, and affirmed …": the intensifier that was
        // dropped is the condemnation's, not the affirmation's.
        let old = "三者は、弾道ミサイルの発射を強く非難し、安保理決議の履行の重要性を確認した。";
        let new = "三者は、弾道ミサイルの発射を非難し、安保理決議の履行の重要性を確認した。";
        let changes = changes_between(old, new);
        let (reworded, kept) = reworded_and_kept(changes);
        assert_eq!(reworded.shift, Some(Shift::Weaker));
        assert_eq!(reworded.notes[0], "強く非難し \u{2192} 非難し");
        assert_eq!(
            kept.new.as_ref().map(|c| c.text.as_str()),
            Some("安保理決議の履行の重要性を確認した。")
        );
        // Without a comma, "지지하고 있다" (are supporting) is one verb; a
        // noun before a comma ("합의,") ends no clause.
        assert_eq!(
            commitments("3국은 한국의 노력을 지지하고 있다고 강조하였다.").len(),
            1
        );
        assert_eq!(
            commitments("3국은 캠프 데이비드 합의, 프레임워크의 이행을 환영하였다.").len(),
            1
        );
        // A purpose ("in order to confirm") is no clause of its own.
        for purpose in ["確認するため", "確認のため"] {
            let c = commitments(&format!(
                "三者は、{purpose}、文書を交換することで一致した。"
            ));
            assert_eq!(c.len(), 1, "{purpose}");
        }
    }
}
