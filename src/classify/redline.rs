//! Word-level redlines of a paired paragraph: which words were deleted and
//! inserted, shown in the paragraphs' own writing.
//!
//! Tokens are Unicode (UAX #29) word boundaries, so punctuation stands apart
//! from words and Korean or Japanese text splits sensibly. Tokens compare by
//! their folded form (curly and straight quotes, dashes and spaces alike), so
//! typography never shows up as an edit.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Edit, Span, SpanTag};
use crate::text::hash::WordHasher;
use crate::text::normalize::{fold_typography, split_number};

/// How many words of context an edit carries on each side.
const CONTEXT_WORDS: usize = 4;

struct Token<'a> {
    text: &'a str,
    key: Cow<'a, str>,
    is_word: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let bounds: Box<dyn Iterator<Item = &str>> = if text.is_ascii() {
        Box::new(AsciiWordBounds { rest: text })
    } else {
        Box::new(text.split_word_bounds())
    };
    bounds
        .map(|t| {
            let is_space = t.chars().all(char::is_whitespace);
            // ASCII without white space or a backtick is its own folded form.
            let key = if is_space {
                Cow::Borrowed(" ")
            } else if t.is_ascii() && !t.contains('`') && !t.contains(char::is_whitespace) {
                Cow::Borrowed(t)
            } else {
                Cow::Owned(fold_typography(t))
            };
            Token {
                text: t,
                key,
                is_word: t.chars().any(char::is_alphanumeric),
            }
        })
        .collect()
}

/// UAX #29 word bounds of ASCII text, without the Unicode tables: the rules
/// that can apply to ASCII characters (WB3–WB3d, WB5–WB13b), the same
/// segments as `split_word_bounds` (a property test holds it to that) at
/// a fraction of the cost, where the redlines of a long statement spent a
/// tenth of their time.
struct AsciiWordBounds<'a> {
    rest: &'a str,
}

impl<'a> Iterator for AsciiWordBounds<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let first = *bytes.first()?;
        let is_core = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let len = match first {
            // WB3: CR × LF; WB3a/b: otherwise a break around line ends.
            b'\r' if bytes.get(1) == Some(&b'\n') => 2,
            // WB3d: spaces stay together.
            b' ' => bytes.iter().take_while(|&&b| b == b' ').count(),
            b if is_core(b) => {
                let mut end = 1;
                while let Some(&b) = bytes.get(end) {
                    if is_core(b) {
                        // WB5, WB8–WB10, WB13a/b: letters, digits and
                        // underscores run on.
                        end += 1;
                        continue;
                    }
                    let (before, after) = (bytes[end - 1], bytes.get(end + 1).copied());
                    let Some(after) = after else { break };
                    // WB6/WB7: a letter, a colon, full stop or apostrophe, a
                    // letter; WB11/WB12: a digit, a comma, semicolon, full
                    // stop or apostrophe, a digit.
                    let letters = before.is_ascii_alphabetic()
                        && after.is_ascii_alphabetic()
                        && matches!(b, b':' | b'.' | b'\'');
                    let digits = before.is_ascii_digit()
                        && after.is_ascii_digit()
                        && matches!(b, b',' | b';' | b'.' | b'\'');
                    if letters || digits {
                        end += 2;
                    } else {
                        break;
                    }
                }
                end
            }
            // WB999: anything else stands alone.
            _ => 1,
        };
        let (bound, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(bound)
    }
}

/// The redline of two paragraphs: runs of same, deleted and inserted text
/// that spell out the old paragraph (same + deleted) and the new one (same +
/// inserted). Paragraph numbers are left out: they are set aside.
pub fn redline(old: &str, new: &str) -> Vec<Span> {
    let old = split_number(old).1;
    let new = split_number(new).1;
    let a = tokens(old);
    let b = tokens(new);
    // Tokens numbered by their key: the diff compares and hashes integers,
    // not strings (equal keys, equal numbers: the same diff).
    fn number<'k>(
        ids: &mut HashMap<&'k str, u32, BuildHasherDefault<WordHasher>>,
        key: &'k str,
    ) -> u32 {
        let next = ids.len() as u32;
        *ids.entry(key).or_insert(next)
    }
    let mut ids = HashMap::default();
    let a_keys: Vec<u32> = a.iter().map(|t| number(&mut ids, t.key.as_ref())).collect();
    let b_keys: Vec<u32> = b.iter().map(|t| number(&mut ids, t.key.as_ref())).collect();
    // The words both paragraphs open and close with are kept as they are;
    // the diff reads only what lies between.
    let prefix = a_keys
        .iter()
        .zip(&b_keys)
        .take_while(|(x, y)| x == y)
        .count();
    let mut suffix = a_keys[prefix..]
        .iter()
        .rev()
        .zip(b_keys[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // A shared ending starts at a word after a space, so that a sentence
    // added at the end reads as that sentence, not as ". Added sentence"
    // before the old full stop.
    while suffix > 0 {
        let at = a_keys.len() - suffix;
        let after_space = |t: &[Token<'_>], at: usize| at > 0 && t[at - 1].key == " ";
        if a[at].is_word && after_space(&a, at) && after_space(&b, b_keys.len() - suffix) {
            break;
        }
        suffix -= 1;
    }
    let (a_end, b_end) = (a_keys.len() - suffix, b_keys.len() - suffix);
    let deadline = Instant::now() + Duration::from_millis(200);
    let ops = capture_diff_slices_deadline(
        Algorithm::Patience,
        &a_keys[prefix..a_end],
        &b_keys[prefix..b_end],
        Some(deadline),
    );

    let join = |tokens: &[Token<'_>]| tokens.iter().map(|t| t.text).collect::<String>();
    let mut raw: Vec<(SpanTag, String)> = Vec::new();
    if prefix > 0 {
        raw.push((SpanTag::Same, join(&a[..prefix])));
    }
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        let (o, n) = (
            o.start + prefix..o.end + prefix,
            n.start + prefix..n.end + prefix,
        );
        match tag {
            DiffTag::Equal => raw.push((SpanTag::Same, join(&a[o]))),
            DiffTag::Delete => raw.push((SpanTag::Deleted, join(&a[o]))),
            DiffTag::Insert => raw.push((SpanTag::Inserted, join(&b[n]))),
            DiffTag::Replace => {
                raw.push((SpanTag::Deleted, join(&a[o])));
                raw.push((SpanTag::Inserted, join(&b[n])));
            }
        }
    }
    if suffix > 0 {
        raw.push((SpanTag::Same, join(&a[a_end..])));
    }
    tidy(raw)
}

/// Makes a redline read like an editor's: a short "same" run (white space,
/// punctuation or one small word) between two edits joins them, deletions
/// come before insertions, and neighbouring runs of one kind merge.
fn tidy(raw: Vec<(SpanTag, String)>) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let (tag, text) = &raw[i];
        let between_edits = *tag == SpanTag::Same
            && i > 0
            && raw[i - 1].0 != SpanTag::Same
            && i + 1 < raw.len()
            && raw[i + 1].0 != SpanTag::Same
            && is_glue(text);
        if between_edits {
            push(&mut spans, SpanTag::Deleted, text);
            push(&mut spans, SpanTag::Inserted, text);
        } else {
            push(&mut spans, *tag, text);
        }
        i += 1;
    }
    order_edits(spans)
}

/// White space, punctuation or a single short word.
fn is_glue(text: &str) -> bool {
    let words = tokens(text).iter().filter(|t| t.is_word).count();
    words == 0 || (words == 1 && text.trim().chars().count() <= 3)
}

fn push(spans: &mut Vec<Span>, tag: SpanTag, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(text),
        _ => spans.push(Span {
            tag,
            text: text.to_string(),
        }),
    }
}

/// Within each run of edits between two "same" spans, all deleted text comes
/// first, then all inserted text.
fn order_edits(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |out: &mut Vec<Span>, deleted: &mut String, inserted: &mut String| {
        push(out, SpanTag::Deleted, deleted);
        push(out, SpanTag::Inserted, inserted);
        deleted.clear();
        inserted.clear();
    };
    for span in spans {
        match span.tag {
            SpanTag::Same => {
                flush(&mut out, &mut deleted, &mut inserted);
                push(&mut out, SpanTag::Same, &span.text);
            }
            SpanTag::Deleted => deleted.push_str(&span.text),
            SpanTag::Inserted => inserted.push_str(&span.text),
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// The edits of a redline, each with a few words of context.
pub fn edits(spans: &[Span]) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        if spans[k].tag == SpanTag::Same {
            k += 1;
            continue;
        }
        let start = k;
        while k < spans.len() && spans[k].tag != SpanTag::Same {
            k += 1;
        }
        let text_of = |tag| {
            spans[start..k]
                .iter()
                .filter(|s| s.tag == tag)
                .map(|s| s.text.as_str())
                .collect::<String>()
        };
        let before = if start > 0 {
            tail_words(&spans[start - 1].text)
        } else {
            String::new()
        };
        let after = spans
            .get(k)
            .map(|s| head_words(&s.text))
            .unwrap_or_default();
        let trim = |s: String| s.trim().to_string();
        out.push(Edit {
            before,
            deleted: trim(text_of(SpanTag::Deleted)),
            inserted: trim(text_of(SpanTag::Inserted)),
            after,
        });
    }
    out
}

fn head_words(text: &str) -> String {
    let t = tokens(text);
    let mut words = 0;
    let mut end = 0;
    for (i, tok) in t.iter().enumerate() {
        if tok.is_word {
            words += 1;
            if words > CONTEXT_WORDS {
                break;
            }
        }
        end = i + 1;
    }
    t[..end]
        .iter()
        .map(|t| t.text)
        .collect::<String>()
        .trim()
        .to_string()
}

fn tail_words(text: &str) -> String {
    let t = tokens(text);
    let mut words = 0;
    let mut start = t.len();
    for (i, tok) in t.iter().enumerate().rev() {
        if tok.is_word {
            words += 1;
            if words > CONTEXT_WORDS {
                break;
            }
        }
        start = i;
    }
    t[start..]
        .iter()
        .map(|t| t.text)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The ASCII pass finds the bounds UAX #29 finds.
        #[test]
        fn ascii_word_bounds_are_the_unicode_bounds(
            text in "([aZq09 _.,;:'\"!?()\\-\t\r\n\x0b\x0c]|U\\.S\\.|e\\.g\\.|1,000|3\\.5|can't|x_1)*"
        ) {
            let ours: Vec<&str> = AsciiWordBounds { rest: &text }.collect();
            let theirs: Vec<&str> = text.split_word_bounds().collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn ascii_word_bounds_on_the_corpus_are_the_unicode_bounds() {
        for paragraph in crate::test_corpus::ascii_paragraphs() {
            let ours: Vec<&str> = AsciiWordBounds { rest: &paragraph }.collect();
            let theirs: Vec<&str> = paragraph.split_word_bounds().collect();
            assert_eq!(ours, theirs);
        }
    }

    fn show(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s.tag {
                SpanTag::Same => s.text.clone(),
                SpanTag::Deleted => format!("[-{}-]", s.text),
                SpanTag::Inserted => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    fn rebuild(spans: &[Span], keep: SpanTag) -> String {
        spans
            .iter()
            .filter(|s| s.tag == SpanTag::Same || s.tag == keep)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn one_word_changed() {
        let spans = redline(
            "The officials affirmed that peace matters.",
            "The officials reaffirmed that peace matters.",
        );
        assert_eq!(
            show(&spans),
            "The officials [-affirmed-]{+reaffirmed+} that peace matters."
        );
    }

    #[test]
    fn spans_spell_out_both_paragraphs() {
        let old = "They condemned the DPRK\u{2019}s launches, tests and transfers.";
        let new =
            "They strongly condemned the DPRK's continued launches and transfers with Russia.";
        let spans = redline(old, new);
        // "Same" runs are shown as the old paragraph writes them.
        assert_eq!(rebuild(&spans, SpanTag::Deleted), old);
        assert_eq!(
            fold_typography(&rebuild(&spans, SpanTag::Inserted)),
            fold_typography(new)
        );
    }

    #[test]
    fn typography_is_not_an_edit() {
        let spans = redline(
            "the DPRK\u{2019}s \u{201c}satellite\u{201d}",
            "the DPRK's \"satellite\"",
        );
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].tag, SpanTag::Same);
    }

    #[test]
    fn numbering_is_set_aside() {
        let spans = redline("3. They met.", "4. They met.");
        assert_eq!(show(&spans), "They met.");
    }

    #[test]
    fn glue_between_edits_joins_them() {
        let spans = redline(
            "we will redouble our efforts now",
            "we will explore ways to support now",
        );
        assert_eq!(
            show(&spans),
            "we will [-redouble our efforts-]{+explore ways to support+} now"
        );
    }

    #[test]
    fn edits_carry_context() {
        let spans = redline(
            "The three defense officials affirmed that the United States, Japan, and the ROK agreed.",
            "The three defense officials reaffirmed that the United States, Japan, and the ROK agreed.",
        );
        let e = edits(&spans);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].before, "The three defense officials");
        assert_eq!(
            (e[0].deleted.as_str(), e[0].inserted.as_str()),
            ("affirmed", "reaffirmed")
        );
        assert_eq!(e[0].after, "that the United States,");
    }

    #[test]
    fn korean_words() {
        let spans = redline(
            "북한의 미사일 발사를 규탄했다.",
            "북한의 미사일 발사를 강력히 규탄했다.",
        );
        assert_eq!(show(&spans), "북한의 미사일 발사를 {+강력히 +}규탄했다.");
    }
}
