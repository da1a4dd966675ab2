//! The clauses of a sentence that commit: each predicate's subject, clause and strength.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::cjk::{
    cjk_promise, ends_cjk_clause, is_cjk, is_cjk_predicate, is_japanese, japanese_word_indices,
};
use super::forms::Form;
use super::lexicon::{EntryKind, Hit, Lexicon};
use super::predicate::{
    Predicate, Sentence, Tense, Token, VERB_ADVERBS, english_predicate, modal_predicate,
};
use super::scope::scoped_modifiers;
use super::stem::{core_of, numbers_of};
use crate::model::{Commitment, Strength};
use crate::text::normalize::fold_typography;

/// A word folded and lower-cased. (A word is never white space or a
/// backtick, so an ASCII word folds to itself.)
fn lower_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold_typography(word).to_lowercase()
    }
}

/// A question, or a headline written in title case ("Trilateral
/// Agreement Signed Between …"): it commits to nothing.
fn asks_or_heads(sentence: &str, tokens: &[Token<'_>]) -> bool {
    if sentence.trim_end().ends_with(['?', '\u{ff1f}']) {
        return true;
    }
    let (mut long, mut capitalized) = (0, 0);
    for t in tokens {
        if t.word.len() > 3 && t.word.bytes().all(|b| b.is_ascii_alphabetic()) {
            long += 1;
            capitalized += usize::from(t.word.as_bytes()[0].is_ascii_uppercase());
        }
    }
    long >= 3 && capitalized * 5 >= long * 4
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
    if asks_or_heads(sentence, &tokens) {
        return;
    }
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
    let cjk = tokens.iter().any(|t| is_cjk(t.word));
    let s = Sentence {
        text: sentence,
        tokens: &tokens,
        lower: &lower,
        masks: &masks,
        lexicon,
    };
    let mut preds: Vec<Predicate> = Vec::new();
    let mut at = 0;
    while at < lower.len() {
        let verb = lexicon.match_at_masked(&lower, &masks, at, EntryKind::Verb);
        let found = match verb {
            Some(hit) if cjk => {
                let last = &lower[hit.end - 1];
                let (stem, rest) = last.split_at(hit.tail.min(last.len()));
                is_cjk_predicate(stem, rest, lower.get(hit.end).map(|w| w.as_ref())).then_some(
                    Predicate {
                        hit,
                        lead: hit.start,
                        tense: Tense::Past,
                        modal_only: false,
                    },
                )
            }
            Some(hit) => english_predicate(&s, hit, &preds),
            None => None,
        };
        let found = match found {
            None if !cjk && masks[at] & 8 != 0 => modal_predicate(&s, at, &preds),
            found => found,
        };
        match found {
            Some(p) => {
                at = p.hit.end;
                preds.push(p);
            }
            None => at += 1,
        }
    }
    if cjk && preds.is_empty() {
        let words: Vec<&str> = lower.iter().map(|w| w.as_ref()).collect();
        if let Some(first) = cjk_promise(&words) {
            let modal = (first..lower.len())
                .find_map(|i| lexicon.match_at_masked(&lower, &masks, i, EntryKind::Modal))
                .map_or(3, |m| m.level);
            preds.push(Predicate {
                hit: Hit {
                    kind: EntryKind::Modal,
                    level: modal,
                    start: first,
                    end: lower.len(),
                    form: Form::Other,
                    tail: 0,
                },
                lead: first,
                tense: Tense::NonPast,
                modal_only: true,
            });
        }
    }
    if preds.is_empty() {
        return;
    }
    // Korean and Japanese put the verb last: a clause runs up to its verb,
    // and a sentence is one clause unless a verb before the last ends in a
    // connective form before a comma ("…を強く非難し、…を確認した";
    // "…를 강조하고, …를 약속하였다"): then, as in English, each verb has its
    // own clause.
    if cjk {
        let (mut token_start, mut byte_start) = (0, 0);
        for (k, p) in preds.iter().enumerate() {
            let hit = p.hit;
            let last = k + 1 == preds.len();
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
                &s,
                Clause {
                    paragraph,
                    text,
                    core_text: text,
                    subject: None,
                    verb,
                    lead: token_start,
                    end: token_end,
                    pred: *p,
                    cjk: true,
                },
            ));
            (token_start, byte_start) = (hit.end, byte_end);
        }
        return;
    }
    // Where each commitment's predicate starts (auxiliaries and adverbs
    // included).
    let phrase_start: Vec<usize> = preds.iter().map(|p| p.lead).collect();
    // Split before the connector ("and", ",", ";") nearest each later verb.
    let mut segments: Vec<(usize, usize, usize)> = Vec::new(); // (byte start, token start, hit index)
    for k in 0..preds.len() {
        if k == 0 {
            segments.push((0, 0, 0));
            continue;
        }
        let previous_end = preds[k - 1].hit.end;
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
    for (n, &(byte_start, _, k)) in segments.iter().enumerate() {
        let p = preds[k];
        let hit = p.hit;
        let (byte_end, token_end) = match segments.get(n + 1) {
            Some(&(_, next_token, next_k)) => {
                // End before the connector that opens the next segment.
                let mut e = phrase_start[next_k].min(next_token);
                while e > hit.end
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
        let own_subject = subject_of(&own_subject);
        let has_subject = !own_subject.is_empty() && own_subject.split_whitespace().count() <= 12;
        if has_subject {
            *subject = Some(own_subject.clone());
        }
        let verb = sentence[tokens[hit.start].start..tokens[hit.end - 1].end].to_string();
        let core_text = &sentence[tokens[phrase_start[k]].start..byte_end];
        out.push(build(
            &s,
            Clause {
                paragraph,
                text: &text,
                core_text,
                subject: subject.clone(),
                verb,
                lead: phrase_start[k],
                end: token_end,
                pred: p,
                cjk: false,
            },
        ));
    }
}

/// The subject among the words before a predicate: after the last comma
/// (an introductory phrase before it: "Underscoring …, the Ministers"),
/// unless the comma is one of a list of names ("The United States, the
/// Republic of Korea, and Japan").
fn subject_of(before: &str) -> String {
    let parts: Vec<&str> = before.split(", ").collect();
    let mut first = parts.len() - 1;
    if parts[first].starts_with("and ") || parts[first].starts_with("or ") {
        while first > 0 && parts[first - 1].split_whitespace().count() <= 5 {
            first -= 1;
        }
    }
    parts[first..].join(", ").trim().to_string()
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

/// One clause of a sentence, ready to be a commitment.
pub(super) struct Clause<'a> {
    pub(super) paragraph: usize,
    pub(super) text: &'a str,
    pub(super) core_text: &'a str,
    pub(super) subject: Option<String>,
    pub(super) verb: String,
    /// The first token of the clause's predicate (its own subject and
    /// anything before it left out), or of the clause in Korean and
    /// Japanese.
    pub(super) lead: usize,
    /// One past its last token.
    pub(super) end: usize,
    pub(super) pred: Predicate,
    pub(super) cjk: bool,
}

fn build(s: &Sentence<'_, '_>, c: Clause<'_>) -> Commitment {
    let lower = s.lower;
    let masks = s.masks;
    let lexicon = s.lexicon;
    let hit = c.pred.hit;
    let (lead, end) = (c.lead, c.end.max(c.lead));
    let clause = &lower[lead..end];
    let found = scoped_modifiers(s, &c);
    let level_sum = |kind| {
        found
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.level)
            .sum::<i32>()
    };
    // The modal: the clause's own for a promise with no reporting verb,
    // else one before the verb ("will support") or the first after it.
    let first_modal = if c.pred.modal_only && !c.cjk {
        lexicon.match_at_masked(lower, masks, hit.start, EntryKind::Modal)
    } else if c.pred.modal_only {
        Some(hit)
    } else {
        (lead..hit.start)
            .filter_map(|at| lexicon.match_at_masked(lower, masks, at, EntryKind::Modal))
            .find(|m| m.end <= hit.start)
            .or_else(|| {
                let after_start = hit.end.min(end);
                (after_start..end)
                    .find_map(|at| lexicon.match_at_masked(lower, masks, at, EntryKind::Modal))
            })
    };
    let strength = Strength {
        verb: if c.pred.modal_only { 0 } else { hit.level },
        modifiers: level_sum(EntryKind::Intensifier) - level_sum(EntryKind::Softener),
        modal: first_modal.map(|h| h.level),
        negations: lexicon
            .find_all_masked(clause, &masks[lead..end], EntryKind::Negation)
            .len(),
    };
    // The verb phrase: the verb with its adverbs and the modifiers right
    // after it ("strongly condemned", "expressed serious concern").
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
    let light_verb = ["express", "voice", "raise"]
        .iter()
        .any(|v| lower[hit.end - 1].starts_with(v));
    if vp_end < end && light_verb && !c.cjk {
        vp_end += 1;
    }
    let mut vp_start = hit.start;
    while vp_start > lead
        && (VERB_ADVERBS.contains(&lower[vp_start - 1].as_ref())
            || lexicon
                .match_at_masked(lower, masks, vp_start - 1, EntryKind::Intensifier)
                .is_some())
    {
        vp_start -= 1;
    }
    let verb_phrase = lower[vp_start..vp_end.max(hit.end)].join(" ");
    // Each modifier as "words:level" (softeners negative), words joined
    // by "_".
    let modifiers = found
        .iter()
        .map(|h| {
            let level = if h.kind == EntryKind::Softener {
                -h.level
            } else {
                h.level
            };
            format!("{}:{level}", lower[h.start..h.end].join("_"))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let modal_phrase = first_modal.map(|m| {
        let (s, e) = (m.start, (m.end + 1).min(lower.len()));
        lower[s..e].join(" ")
    });
    let core = core_of(c.core_text);
    let numbers = numbers_of(&core);
    Commitment {
        paragraph: c.paragraph,
        text: c.text.to_string(),
        subject: c.subject,
        verb: c.verb,
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
