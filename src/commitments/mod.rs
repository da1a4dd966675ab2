//! Commitments: the clauses of a statement built on a reporting verb
//! ("affirmed …", "pledged …", "strongly condemned …"), matched across the
//! whole of both statements, so that a commitment that survived inside a
//! rewritten, moved, split or merged paragraph is found, and compared for
//! the strength of their language.

pub mod lexicon;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use unicode_segmentation::UnicodeSegmentation;

use crate::document::Paragraph;
use crate::model::{Commitment, CommitmentChange, CommitmentKind, Shift, Strength};
use crate::text::hash::WordHasher;
use crate::text::index::{best_candidates, rank, window};
use crate::text::normalize::{fold_typography, fold_typography_cow, split_number};
use crate::text::sentence::sentences;
use lexicon::{EntryKind, Hit, Lexicon};

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
    "further",
    "additionally",
    "together",
    "collectively",
];

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
            by_text.entry(body(p)).or_insert((start, end));
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

/// Gives the items of a list introduced by a commitment ("The Ministers
/// agreed to:", then "- hold a trilateral exercise every year;", "- share
/// missile warning data in real time.") the commitments they make with
/// that lead-in: each item is read as the lead-in followed by the item, so
/// an agreed action added to the list is an added commitment. Items with a
/// reporting verb of their own keep what they say.
///
/// The list is the run of items after the lead-in with the marker of its
/// first item ("-", "(a)", "1.", or none for a web page's or Markdown
/// file's list items), which must differ from the lead-in's own: in a
/// statement of numbered paragraphs, "1. … agreed on the following:",
/// "(a) …", "(b) …" is a list and "2. …" is the next paragraph.
fn read_list_items(paragraphs: &[Paragraph], lexicon: &Lexicon, parts: &mut [Vec<Commitment>]) {
    // The lead-in, its marker, and the marker of the list's items once seen.
    let mut lead: Option<(String, Marker, Option<Marker>)> = None;
    for (paragraph, commitments) in paragraphs.iter().zip(parts.iter_mut()) {
        let marker = Marker::of(paragraph);
        if let Some((text, own, list)) = &mut lead {
            let in_list = !paragraph.heading
                && marker != Marker::None
                && match list {
                    Some(list) => marker == *list,
                    None => marker != *own,
                };
            if in_list {
                *list = Some(marker);
                if commitments.is_empty()
                    && let Some(c) = list_item(text, paragraph, lexicon)
                {
                    commitments.push(c);
                }
                continue;
            }
        }
        lead = lead_in(paragraph, lexicon).map(|text| (text, marker, None));
    }
}

/// How a paragraph is marked as a list item, by the kind of its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Not a list item.
    None,
    /// A web page's or Markdown file's list item without a marker.
    Unmarked,
    /// "-", "•", "*".
    Bullet,
    /// "1.", "a.", "iv." (digits or letters, closing stop or parenthesis,
    /// opening parenthesis).
    Ordinal { digits: bool, open: bool, close: u8 },
}

impl Marker {
    fn of(paragraph: &Paragraph) -> Marker {
        match paragraph.number.as_deref() {
            None if paragraph.item => Marker::Unmarked,
            None => Marker::None,
            Some(m) if !m.ends_with(['.', ')']) => Marker::Bullet,
            Some(m) => Marker::Ordinal {
                digits: m.bytes().any(|b| b.is_ascii_digit()),
                open: m.starts_with('('),
                close: m.as_bytes()[m.len() - 1],
            },
        }
    }
}

/// The lead-in a paragraph ends with, if any: its last sentence ends with a
/// colon, makes a commitment, and that commitment's clause runs on to the
/// colon ("The Ministers agreed to:"; not "The Ministers welcomed the
/// progress, and discussed the following topics:"). Read from the subject
/// and verb on ("To carry forward the framework, the officials agreed on
/// the following actions:" leads with "the officials agreed on the
/// following actions:"); in Korean and Japanese, which put the verb last,
/// the whole sentence.
fn lead_in(paragraph: &Paragraph, lexicon: &Lexicon) -> Option<String> {
    let text = paragraph.text.trim_end();
    // Japanese and Korean close the lead-in with a full stop and say "the
    // following" in it ("以下の措置を実施することで一致した。", "다음과 같이
    // 합의하였다.").
    let announces = || {
        const FOLLOWING: [&str; 6] = [
            "以下",
            "下記",
            "次の",
            "다음과 같",
            "다음 사항",
            "아래와 같",
        ];
        text.ends_with(['\u{3002}', '.'])
            && sentences(text)
                .last()
                .is_some_and(|last| FOLLOWING.iter().any(|w| last.contains(w)))
    };
    if paragraph.heading || !(text.ends_with([':', '\u{ff1a}']) || announces()) {
        return None;
    }
    let last = *sentences(body(paragraph)).last()?;
    let mut made = Vec::new();
    extract_sentence(last, paragraph.index, lexicon, &mut None, &mut made);
    let c = made.last()?;
    let verb = last.rfind(c.verb.as_str())?;
    if is_cjk(last) && c.subject.is_none() {
        return Some(last.to_string());
    }
    // Another clause between the verb and the colon: the list is its own.
    let tail = &last[verb + c.verb.len()..];
    let words: Vec<&str> = tail.split_whitespace().collect();
    let other_clause = tail.contains(';')
        || words.windows(2).any(|w| {
            matches!(
                w[0].trim_start_matches(','),
                "and" | "but" | "while" | "and," | "but,"
            ) && w[1].trim_end_matches(':').ends_with("ed")
        });
    if other_clause {
        return None;
    }
    let subject = c.subject.as_deref().unwrap_or_default();
    let before = last[..verb].trim_end();
    Some(match subject {
        "" => last[verb..].to_string(),
        s if before.ends_with(s) => last[before.len() - s.len()..].to_string(),
        s => format!("{s} {}", &last[verb..]),
    })
}

/// The commitment a list item makes with its lead-in. Its strength is the
/// lead-in's with the item's own modals and softeners; what it says is who
/// committed, the verb and the item ("the officials agreed: Conduct the
/// fourth exercise"), kept word for word when the item is.
fn list_item(lead: &str, paragraph: &Paragraph, lexicon: &Lexicon) -> Option<Commitment> {
    let item = body(paragraph);
    let sentence = format!("{lead} {item}");
    let mut made = Vec::new();
    extract_sentence(&sentence, paragraph.index, lexicon, &mut None, &mut made);
    let mut c = made.pop()?;
    let item = item.trim_end();
    let item = item
        .strip_suffix(" and")
        .or_else(|| item.strip_suffix(" or"))
        .unwrap_or(item)
        .trim_end_matches([';', ',', ' ']);
    c.core = core_of(item);
    c.text = match &c.subject {
        Some(subject) => format!("{subject} {}: {item}", c.verb),
        None => {
            let lead = lead.trim_end_matches([':', '\u{ff1a}', ' ', '\u{3002}']);
            if is_japanese(lead) {
                format!("{lead}\u{ff1a}{item}")
            } else {
                format!("{}: {item}", lead.trim_end_matches('.'))
            }
        }
    };
    c.numbers = numbers_of(&c.core);
    c.listed = true;
    Some(c)
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

fn is_cjk(word: &str) -> bool {
    word.chars().any(|c| matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF))
}

/// Whether a Korean or Japanese reporting verb ends its clause: it ends in
/// a connective form ("非難し", "確認するとともに", "求め"; "강조하고",
/// "재확인하며") and a comma follows. ("지지하고 있다", is supporting, has no
/// comma; a noun before a comma is no connective form, nor is a purpose,
/// "確認するため、".)
fn ends_cjk_clause(verb: &str, after: &str) -> bool {
    const CONNECTIVES: [&str; 8] = ["し", "して", "つつ", "とともに", "求め", "고", "며", "면서"];
    after
        .trim_start()
        .starts_with([',', '\u{3001}', '\u{ff0c}'])
        && CONNECTIVES.iter().any(|c| verb.ends_with(c))
}

/// Whether a sentence is Japanese: it has kana.
fn is_japanese(sentence: &str) -> bool {
    sentence
        .chars()
        .any(|c| matches!(script(c), Script::Hiragana | Script::Katakana))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Hiragana,
    Katakana,
    Alphanumeric,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x3005 | 0x3006 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
        0x3041..=0x309F => Script::Hiragana,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Katakana,
        _ if c.is_alphanumeric() => Script::Alphanumeric,
        _ => Script::Other,
    }
}

/// The words of a Japanese sentence for the lexicon: a run of kanji or of
/// katakana with the hiragana after it (the inflection and particle: "非難し",
/// "求めた", "強く", "表明した"), a run of hiragana, a run of letters and
/// digits. Unicode word bounds (UAX #29) split kanji one by one, so no
/// reporting verb ("非難*", "一致*") would ever be found in them. Japanese
/// writes no spaces: this is the rule of thumb of a writer's phrases
/// (bunsetsu), not a dictionary's segmentation, and all the lexicon needs.
fn japanese_word_indices(sentence: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, Script)> = None;
    for (at, c) in sentence.char_indices() {
        let kind = script(c);
        let joins = match (start, kind) {
            (Some((_, open)), _) if open == kind => true,
            // Kanji or katakana take the hiragana after them.
            (Some((_, Script::Han | Script::Katakana)), Script::Hiragana) => {
                start = start.map(|(s, _)| (s, Script::Hiragana));
                true
            }
            _ => false,
        };
        if joins {
            continue;
        }
        if let Some((s, _)) = start.take() {
            out.push((s, &sentence[s..at]));
        }
        if kind != Script::Other {
            start = Some((at, kind));
        }
    }
    if let Some((s, _)) = start {
        out.push((s, &sentence[s..]));
    }
    out
}

fn extract_sentence(
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
    let verb_words = hit.end - hit.start;
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
    // The first modal after the verb: the first place one matches (what
    // `find_all(…).first()` finds, without reading on).
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
    let _ = verb_words;
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

/// A clause folded and lower-cased, without its closing punctuation: what
/// tells two commitments kept word for word.
fn core_of(clause: &str) -> String {
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

/// The words of a core with an ASCII digit (years, ordinals, counts).
fn numbers_of(core: &str) -> Vec<String> {
    if core.bytes().any(|b| b.is_ascii_digit()) {
        core.unicode_words()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect()
    } else {
        Vec::new()
    }
}

/// The stemmed words of a commitment's clause, for similarity, each
/// followed by a space (one string: thousands of commitments, not a million
/// allocations). Made when commitments are matched, not kept with them.
///
/// Similarity reads the whole clause: an introductory phrase ("With the
/// Panel of Experts no longer monitoring sanctions, they affirmed …") often
/// carries words the old clause had after its verb.
fn stems_of(text: &str) -> String {
    let mut stems = String::with_capacity(text.len() + 8);
    let folded = fold_typography_cow(text);
    let lowered = if folded.is_ascii() {
        folded.to_ascii_lowercase()
    } else {
        folded.to_lowercase()
    };
    for word in lowered.unicode_words() {
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

/// From this many commitments left after the exact matches on, their
/// candidates are searched in parallel.
const PARALLEL_COMMITMENTS: usize = 256;

/// How many candidates one commitment is compared with at most.
const MAX_CANDIDATES: usize = 24;

/// Words that say little about what a commitment is about.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "by", "at", "as", "that",
    "this", "their", "its", "they", "them", "is", "are", "be", "or", "from", "which", "who", "it",
    "all", "also", "three", "further",
];

/// How many index entries one commitment visits at most when it looks up
/// its stems (rarest first and, of a long list, the commitments nearest its
/// own place): a statement of thousands of commitments that share most of
/// their words costs no more per commitment than a short one.
const LOOKUP_BUDGET: usize = 1024;

/// The pairs `(old, new, similarity)` of a matching: the commitments kept
/// word for word first, then the best of the rest, best first.
fn match_commitments(
    old: &[Commitment],
    new: &[Commitment],
    options: &MatchOptions,
) -> Vec<(usize, usize, f64)> {
    let stems = Stems::of(old, new);
    // Index the new commitments by their informative stems.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); stems.weight.len()];
    for j in 0..new.len() {
        let ids = stems.of_new(j);
        let mut ids: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|&s| !stems.stop[s as usize])
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for s in ids {
            postings[s as usize].push(j as u32);
        }
    }
    let common = (new.len() / 2).max(8);
    let relative = |i: usize, j: usize| {
        (i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64).abs()
    };
    // Commitments kept word for word pair first, occurrence by occurrence
    // (so a thousand identical ones cost a hash lookup each, not a search).
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut matches: Vec<(usize, usize, f64)> = Vec::new();
    let mut by_core: HashMap<
        &str,
        std::collections::VecDeque<usize>,
        BuildHasherDefault<WordHasher>,
    > = HashMap::default();
    for (j, c) in new.iter().enumerate() {
        by_core.entry(c.core.as_str()).or_default().push_back(j);
    }
    for (i, c) in old.iter().enumerate() {
        if let Some(j) = by_core.get_mut(c.core.as_str()).and_then(|q| q.pop_front()) {
            old_used[i] = true;
            new_used[j] = true;
            matches.push((i, j, 1.0));
        }
    }
    // Each old commitment's search is its own: ranges of them run on every
    // core with their own scratch space, joined in order.
    let search = |range: std::ops::Range<usize>| -> Vec<(usize, usize, f64)> {
        let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
        let mut shared = vec![0u32; new.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut count = vec![0i32; stems.weight.len()];
        for (i, c) in old.iter().enumerate().take(range.end).skip(range.start) {
            if old_used[i] {
                continue;
            }
            // Each informative stem with how often the commitment uses it.
            let mut lookups: Vec<(u32, u32)> = Vec::new();
            let mut ids: Vec<u32> = stems
                .of_old(i)
                .iter()
                .copied()
                .filter(|&s| !stems.stop[s as usize])
                .collect();
            ids.sort_unstable();
            for s in ids {
                match lookups.last_mut() {
                    Some((last, n)) if *last == s => *n += 1,
                    _ => lookups.push((s, 1)),
                }
            }
            lookups.retain(|&(s, _)| (1..=common).contains(&postings[s as usize].len()));
            let visits: usize = lookups
                .iter()
                .map(|&(s, _)| postings[s as usize].len())
                .sum();
            if visits > LOOKUP_BUDGET {
                lookups.sort_by_key(|&(s, _)| (postings[s as usize].len(), s));
            }
            let expected = i * new.len() / old.len().max(1);
            let mut visited = 0;
            for &(s, times) in &lookups {
                let list = &postings[s as usize];
                let centre = list.partition_point(|&j| (j as usize) < expected);
                let list = window(list, LOOKUP_BUDGET - visited, centre);
                if list.is_empty() {
                    break;
                }
                visited += list.len();
                for &j in list.iter().filter(|&&j| !new_used[j as usize]) {
                    if shared[j as usize] == 0 {
                        touched.push(j);
                    }
                    shared[j as usize] += times;
                }
            }
            // The candidates sharing the most informative words, at most a few
            // dozen: most shared first, then the nearest, then the first.
            let ranked = best_candidates(&touched, &mut shared, MAX_CANDIDATES, |j, n| {
                rank(n, relative(i, j as usize), j)
            });
            for j in ranked.into_iter().map(|r| r as u32) {
                let j = j as usize;
                let s = if c.core == new[j].core {
                    1.0
                } else {
                    stems.similarity(stems.of_old(i), stems.of_new(j), &mut count)
                };
                if s >= needed(c, &new[j], options.threshold) {
                    pairs.push((i, j, s));
                }
            }
            touched.clear();
        }
        pairs
    };
    let free = old_used.iter().filter(|u| !**u).count();
    let mut pairs = if free < PARALLEL_COMMITMENTS {
        search(0..old.len())
    } else {
        use rayon::prelude::*;
        let chunk = old.len().div_ceil(rayon::current_num_threads() * 4).max(64);
        (0..old.len().div_ceil(chunk))
            .into_par_iter()
            .map(|k| search(k * chunk..((k + 1) * chunk).min(old.len())))
            .collect::<Vec<_>>()
            .concat()
    };
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    for (i, j, s) in pairs {
        if old_used[i] || new_used[j] {
            continue;
        }
        old_used[i] = true;
        new_used[j] = true;
        matches.push((i, j, s));
    }
    matches
}

/// How similar a list item's commitment must be to one of another verb to
/// be its rewording: items are short, and one shared topic word ("the third
/// FREEDOM EDGE exercise" welcomed, "Conduct the fourth FREEDOM EDGE
/// exercise" agreed) would pass the usual threshold.
const LISTED_OTHER_VERB: f64 = 0.5;

/// The similarity two commitments need to be one.
fn needed(old: &Commitment, new: &Commitment, threshold: f64) -> f64 {
    if (old.listed || new.listed) && old.verb != new.verb {
        threshold.max(LISTED_OTHER_VERB)
    } else {
        threshold
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

/// The changes of a matching: each pair, then each old commitment left
/// (dropped) and each new one left (added), in document order. Each
/// commitment is moved into its change once, leaving an empty one behind.
fn changes(
    matches: Vec<(usize, usize, f64)>,
    old: &mut [Commitment],
    new: &mut [Commitment],
) -> Vec<CommitmentChange> {
    enum Plan {
        Pair(usize, usize, f64),
        Dropped(usize),
        Added(usize),
    }
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // Put in order before any change is made, so that sorting moves small
    // plans rather than whole changes (a sort's scratch space is as large
    // as what it sorts).
    let mut plans: Vec<((usize, usize, usize), Plan)> =
        Vec::with_capacity(old.len() + new.len() - matches.len());
    let key = |o: Option<usize>, n: Option<usize>| {
        let (o, n) = (o.unwrap_or(usize::MAX), n.unwrap_or(usize::MAX));
        (n.min(o), n, o)
    };
    for (i, j, s) in matches {
        old_used[i] = true;
        new_used[j] = true;
        let k = key(Some(old[i].paragraph), Some(new[j].paragraph));
        plans.push((k, Plan::Pair(i, j, s)));
    }
    for i in (0..old.len()).filter(|&i| !old_used[i]) {
        plans.push((key(Some(old[i].paragraph), None), Plan::Dropped(i)));
    }
    for j in (0..new.len()).filter(|&j| !new_used[j]) {
        plans.push((key(None, Some(new[j].paragraph)), Plan::Added(j)));
    }
    plans.sort_by_key(|(k, _)| *k);
    let take = std::mem::take::<Commitment>;
    plans
        .into_iter()
        .map(|(_, plan)| match plan {
            Plan::Pair(i, j, s) => pair_change(take(&mut old[i]), take(&mut new[j]), s),
            Plan::Dropped(i) => CommitmentChange {
                kind: CommitmentKind::Dropped,
                old: Some(take(&mut old[i])),
                new: None,
                similarity: None,
                shift: None,
                notes: Vec::new(),
                ..CommitmentChange::unreviewed()
            },
            Plan::Added(j) => CommitmentChange {
                kind: CommitmentKind::Added,
                old: None,
                new: Some(take(&mut new[j])),
                similarity: None,
                shift: None,
                notes: Vec::new(),
                ..CommitmentChange::unreviewed()
            },
        })
        .collect()
}

/// The stems of both statements' commitments, numbered, with their
/// weights: the inverse document frequency of each stem over both sides'
/// commitments; stop words weigh little.
struct Stems {
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
    fn of(old: &[Commitment], new: &[Commitment]) -> Stems {
        // Each distinct clause is stemmed and numbered once (most are on
        // both sides), in order of first occurrence, old side first: the
        // numbers are those of stemming every commitment in turn.
        let mut first: HashMap<&str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let which: Vec<u32> = old
            .iter()
            .chain(new)
            .map(|c| {
                *first.entry(c.text.as_str()).or_insert_with(|| {
                    texts.push(&c.text);
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

    /// The stems of old commitment `i`.
    fn of_old(&self, i: usize) -> &[u32] {
        &self.numbered[self.old_which[i] as usize]
    }

    /// The stems of new commitment `j`.
    fn of_new(&self, j: usize) -> &[u32] {
        &self.numbered[self.new_which[j] as usize]
    }

    /// Weighted Dice similarity of two stem multisets. `count` is scratch
    /// space, one zero per stem, left zero.
    fn similarity(&self, a: &[u32], b: &[u32], count: &mut [i32]) -> f64 {
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

fn pair_change(old: Commitment, new: Commitment, similarity: f64) -> CommitmentChange {
    let kept = old.core == new.core;
    let (shift, mut notes) = if kept {
        (None, Vec::new())
    } else {
        shift(&old.strength, &new.strength, &old, &new)
    };
    if !kept && old.numbers != new.numbers && !(old.numbers.is_empty() && new.numbers.is_empty()) {
        notes.push(format!(
            "numbers changed: {} \u{2192} {}",
            list(&old.numbers),
            list(&new.numbers)
        ));
    }
    CommitmentChange {
        kind: if kept {
            CommitmentKind::Kept
        } else {
            CommitmentKind::Reworded
        },
        old: Some(old),
        new: Some(new),
        similarity: Some(if kept {
            1.0
        } else {
            ((similarity * 100.0).round() / 100.0).min(0.99)
        }),
        shift,
        notes,
        ..CommitmentChange::unreviewed()
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

/// How many words after an English verb a modifier of it may stand and
/// still be shown after it in a shift note.
const AFTER_VERB: usize = 2;

/// Compares the strength of two paired commitments: the verb's level plus
/// its intensifiers and softeners first; if those balance, the modal.
pub fn shift(
    a: &Strength,
    b: &Strength,
    old: &Commitment,
    new: &Commitment,
) -> (Option<Shift>, Vec<String>) {
    let mut notes = Vec::new();
    let mut delta = (b.verb + b.modifiers) - (a.verb + a.modifiers);
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
            let all: Vec<&str> = c.modifiers.split(' ').collect();
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
    use super::*;
    use crate::chrome::Chrome;
    use crate::document::Document;

    fn commitments(text: &str) -> Vec<Commitment> {
        let doc = Document::from_text("t.txt", text, &Chrome::none());
        extract(&doc.paragraphs, &Lexicon::builtin())
    }

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
    fn reused_commitments_equal_extracted_ones() {
        let old = Document::from_text(
            "o.txt",
            "1. They condemned the launches.\n\n2. They agreed to meet.\n\n3. Kept as is; they urged restraint.",
            &Chrome::none(),
        );
        let new = Document::from_text(
            "n.txt",
            "1. Kept as is; they urged restraint.\n\n2. They strongly condemned the launches.\n\n3. They agreed to meet.",
            &Chrome::none(),
        );
        let lexicon = Lexicon::builtin();
        let known = extract(&old.paragraphs, &lexicon);
        assert_eq!(
            extract_reusing(&new.paragraphs, &lexicon, &old.paragraphs, &known),
            extract(&new.paragraphs, &lexicon)
        );
    }

    #[test]
    fn list_items_commit_with_their_lead_in() {
        let text = "Agreed Actions\n\nTo carry this forward, the Ministers agreed to:\n\n\
                    - hold a trilateral exercise every year;\n\
                    - share missile warning data in real time; and\n\
                    - explore a trilateral secretariat.\n\n\
                    The next meeting will be held in Tokyo.";
        let found = commitments(text);
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "To carry this forward, the Ministers agreed to",
                "the Ministers agreed: hold a trilateral exercise every year",
                "the Ministers agreed: share missile warning data in real time",
                "the Ministers agreed: explore a trilateral secretariat.",
            ]
        );
        assert!(found.iter().all(|c| c.verb == "agreed"));
        assert_eq!(found[1].paragraph, 3);
        // "explore" softens the item as it would the clause.
        assert!(found[3].strength.modal.is_some() || found[3].strength.modifiers < 0);
    }

    #[test]
    fn numbered_paragraphs_after_a_lead_in_are_not_its_items() {
        let text = "1. The Ministers agreed on the following:\n\n(a) hold an exercise every year;\n\n\
                    (b) share warning data.\n\n2. The situation remains of grave concern.\n\n\
                    3. The next meeting will be held in Tokyo.";
        let texts: Vec<String> = commitments(text).into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "The Ministers agreed on the following",
                "The Ministers agreed: hold an exercise every year",
                "The Ministers agreed: share warning data.",
            ]
        );
    }

    #[test]
    fn a_colon_after_another_clause_leads_no_list() {
        let text = "The Ministers welcomed the progress made, and discussed the following topics:\n\n\
                    - regional security;\n- the economy.";
        let found = commitments(text);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_korean_list_item_carries_the_whole_lead_in() {
        let found = commitments("3국 대표는 다음 사항에 합의하였다:\n\n- 공동 보고서를 제출한다.");
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(
            texts[1],
            "3국 대표는 다음 사항에 합의하였다: 공동 보고서를 제출한다."
        );
    }

    #[test]
    fn list_items_without_a_committing_lead_in_commit_to_nothing() {
        let text = "The agenda covered:\n\n- the exercise;\n- the secretariat.";
        assert!(commitments(text).is_empty());
        // A heading that opens with a verb is no commitment either.
        let doc = Document::from_text("t.md", "# Agreed Actions\n\nThey met.", &Chrome::none());
        assert!(extract(&doc.paragraphs, &Lexicon::builtin()).is_empty());
    }

    #[test]
    fn an_agreed_action_added_to_the_list_is_an_added_commitment() {
        let old =
            "The Ministers agreed to:\n\n- hold an exercise every year;\n- share warning data.";
        let new = "The Ministers agreed to:\n\n- hold an exercise every year;\n\
                   - share warning data;\n- launch a cyber working group.";
        let changes = changes_between(old, new);
        let kinds: Vec<(CommitmentKind, &str)> = changes
            .iter()
            .map(|c| {
                let side = c.new.as_ref().or(c.old.as_ref()).unwrap();
                (c.kind, side.text.as_str())
            })
            .collect();
        assert!(
            kinds.contains(&(
                CommitmentKind::Added,
                "The Ministers agreed: launch a cyber working group."
            )),
            "{kinds:?}"
        );
        assert_eq!(
            kinds
                .iter()
                .filter(|(k, _)| *k == CommitmentKind::Kept)
                .count(),
            3,
            "{kinds:?}"
        );
    }

    #[test]
    fn a_reused_list_item_is_read_with_its_own_lead_in() {
        let old = Document::from_text(
            "o.txt",
            "The Ministers agreed to:\n\n- hold an exercise.",
            &Chrome::none(),
        );
        let new = Document::from_text(
            "n.txt",
            "The Ministers decided to:\n\n- hold an exercise.",
            &Chrome::none(),
        );
        let lexicon = Lexicon::builtin();
        let known = extract(&old.paragraphs, &lexicon);
        let reused = extract_reusing(&new.paragraphs, &lexicon, &old.paragraphs, &known);
        assert_eq!(reused, extract(&new.paragraphs, &lexicon));
        assert_eq!(reused[1].verb, "decided");
    }

    #[test]
    fn japanese_words_keep_kanji_with_their_inflection() {
        let words: Vec<&str> =
            japanese_word_indices("三者は、弾道ミサイル発射を強く非難し、２０２４年に一致した。")
                .into_iter()
                .map(|(_, w)| w)
                .collect();
        assert_eq!(
            words,
            [
                "三者は",
                "弾道",
                "ミサイル",
                "発射を",
                "強く",
                "非難し",
                "２０２４",
                "年に",
                "一致した"
            ]
        );
    }

    #[test]
    fn japanese_commitments_are_found_and_compared() {
        let old = "三者は、北朝鮮による弾道ミサイル発射を強く非難した。\n\n三者は、協力を強化することで一致した。";
        let new = "三者は、北朝鮮による弾道ミサイル発射を最も強い言葉で非難した。\n\n\
                   三者は、協力を強化することで一致した。\n\n\
                   三者は、ロシアと北朝鮮の軍事協力に深刻な懸念を表明した。";
        assert_eq!(commitments(old).len(), 2);
        let changes = changes_between(old, new);
        let kinds: Vec<CommitmentKind> = changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                CommitmentKind::Reworded,
                CommitmentKind::Kept,
                CommitmentKind::Added
            ]
        );
        assert_eq!(changes[0].shift, Some(Shift::Stronger));
        assert_eq!(changes[0].notes, ["強く非難した \u{2192} 最も強い非難した"]);
    }

    /// The commitment changes between two statements.
    fn changes_between(old: &str, new: &str) -> Vec<CommitmentChange> {
        compare(
            &commitments(old),
            &commitments(new),
            &MatchOptions::default(),
        )
    }

    fn one_pair(old: &str, new: &str) -> CommitmentChange {
        let changes = changes_between(old, new);
        assert_eq!(changes.len(), 1, "{changes:#?}");
        changes.into_iter().next().unwrap()
    }

    fn shift_of(old: &str, new: &str) -> Option<Shift> {
        one_pair(old, new).shift
    }

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

    /// The two changes of a pair of two-clause sentences, one clause
    /// reworded and one kept.
    fn reworded_and_kept(changes: Vec<CommitmentChange>) -> (CommitmentChange, CommitmentChange) {
        let kinds: Vec<CommitmentKind> = changes.iter().map(|c| c.kind).collect();
        let (mut reworded, mut kept): (Vec<_>, Vec<_>) = changes
            .into_iter()
            .partition(|c| c.kind == CommitmentKind::Reworded);
        assert_eq!((reworded.len(), kept.len()), (1, 1), "{kinds:?}");
        (reworded.remove(0), kept.remove(0))
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

    #[test]
    fn a_japanese_list_of_actions_after_a_lead_in_with_a_full_stop() {
        // "agreed to carry out the following measures." then "・" items
        // written without a space: each item is a commitment.
        let old = "三者は、以下の措置を実施することで一致した。\n\n・訓練を実施する。\n・作業部会を開催する。";
        let new = format!("{old}\n・連絡官を派遣する。");
        let changes = changes_between(old, &new);
        let added: Vec<&str> = changes
            .iter()
            .filter(|c| c.kind == CommitmentKind::Added)
            .filter_map(|c| c.new.as_ref().map(|n| n.text.as_str()))
            .collect();
        assert_eq!(
            added,
            ["三者は、以下の措置を実施することで一致した\u{ff1a}連絡官を派遣する。"]
        );
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
    fn an_english_modifier_is_named_without_the_word_after_it() {
        let changes = changes_between(
            "They recognized the need to respect sovereignty.",
            "They recognized the need to fully respect sovereignty.",
        );
        assert_eq!(changes[0].notes[0], "recognized \u{2192} fully recognized");
        // A modifier right after the verb stands after it.
        let changes = changes_between(
            "The Ministers agreed to consider holding an exercise.",
            "The Ministers agreed to hold an exercise.",
        );
        assert_eq!(changes[0].notes[0], "agreed to consider \u{2192} agreed");
    }

    #[test]
    fn kept_inside_a_rewritten_paragraph() {
        let old = "The officials pledged to continue working closely together to strengthen security cooperation.";
        let new = "Looking ahead, the officials met in Seoul.\n\nBuilding on the exercise, they agreed to meet again, and pledged to continue working closely together to strengthen security cooperation.";
        let changes = changes_between(old, new);
        let kept: Vec<_> = changes
            .iter()
            .filter(|c| c.kind == CommitmentKind::Kept)
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].new.as_ref().unwrap().paragraph, 2);
    }

    #[test]
    fn unrelated_commitments_are_dropped_and_added() {
        let changes = changes_between(
            "They condemned the missile launches by the DPRK.",
            "They welcomed the fisheries agreement signed in Oslo.",
        );
        let mut kinds: Vec<_> = changes.iter().map(|c| c.kind).collect();
        kinds.sort();
        assert_eq!(kinds, [CommitmentKind::Added, CommitmentKind::Dropped]);
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

    #[test]
    fn numbers_are_flagged() {
        let change = one_pair(
            "They agreed to hold the 15th talks in Seoul.",
            "They agreed to hold the 16th talks in Seoul.",
        );
        assert_eq!(change.kind, CommitmentKind::Reworded);
        assert!(
            change
                .notes
                .iter()
                .any(|n| n.contains("15th") && n.contains("16th")),
            "{:?}",
            change.notes
        );
    }

    #[test]
    fn every_commitment_is_reported_once() {
        let old = commitments("They condemned A and urged B. They agreed to C. They welcomed D.");
        let new = commitments("They welcomed D. They strongly condemned A. They decided E.");
        let changes = compare(&old, &new, &MatchOptions::default());
        let olds = changes.iter().filter(|c| c.old.is_some()).count();
        let news = changes.iter().filter(|c| c.new.is_some()).count();
        assert_eq!((olds, news), (old.len(), new.len()));
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
