//! Whether a copy was cut short: a statement whose last paragraph of prose
//! stops mid-sentence, or in the middle of a word the text uses whole
//! elsewhere ("… the Indo-Pac" in a text that says "Indo-Pacific").

use super::Paragraph;

/// How a statement's text ends when it was cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    /// The last word is the start of a longer word.
    MidWord,
    /// The last sentence has no end.
    MidSentence,
}

impl Truncation {
    /// "mid-word" or "mid-sentence".
    pub fn name(self) -> &'static str {
        match self {
            Truncation::MidWord => "mid-word",
            Truncation::MidSentence => "mid-sentence",
        }
    }
}

/// What closes a sentence, or a paragraph that ends complete (a closing
/// quote or bracket after the full stop, a colon before a list).
const CLOSERS: &[char] = &[
    '.', '!', '?', ':', ';', '\u{3002}', '\u{ff01}', '\u{ff1f}', '"', '\'', '\u{201d}', '\u{2019}',
    ')', ']', '\u{300d}', '\u{300f}', '\u{ff09}', '\u{2026}',
];

/// From this many words on, a last paragraph without a full stop is a cut
/// sentence; a shorter one only when it reads as the start of a sentence
/// (see [`starts_a_sentence`]), not as a label or a sign-off.
const FEWEST_WORDS: usize = 8;

/// A few words that start a sentence: no colon of a label ("Contact:
/// press office"), and the last word in lower case, where names and
/// sign-offs are capitalised ("Office of the Spokesperson") but prose runs
/// on ("As emphasized", "The officials urg").
fn starts_a_sentence(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && !text.contains([':', '\u{ff1a}'])
        && words
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

/// How the statement's text was cut short, if it was: judged on the last
/// paragraph, which must be prose (a heading, a short label or a list
/// item among items that all go without full stops ends a text whole).
pub fn truncation(paragraphs: &[Paragraph]) -> Option<Truncation> {
    let last = paragraphs.last()?;
    let text = last.text.trim_end();
    if last.heading || text.ends_with(CLOSERS) {
        return None;
    }
    let wide = text.chars().filter(|c| !c.is_ascii()).count() * 2 > text.chars().count();
    let long =
        text.split_whitespace().count() >= FEWEST_WORDS || (wide && text.chars().count() >= 20);
    if !long && !starts_a_sentence(text) {
        return None;
    }
    if last.item {
        let items: Vec<&Paragraph> = paragraphs[..paragraphs.len() - 1]
            .iter()
            .filter(|p| p.item)
            .collect();
        let unstopped = items
            .iter()
            .filter(|p| !p.text.trim_end().ends_with(CLOSERS))
            .count();
        if unstopped * 2 > items.len() {
            return None;
        }
    }
    if text.ends_with(['-', '\u{2010}']) {
        return Some(Truncation::MidWord);
    }
    let word: String = text
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if word.is_empty()
        || !word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
    {
        return Some(Truncation::MidSentence);
    }
    let mut whole = false;
    let mut longer = false;
    let all_but_last_word =
        &text[..text.len() - text.split_whitespace().next_back().unwrap_or("").len()];
    let earlier = paragraphs[..paragraphs.len() - 1]
        .iter()
        .map(|p| p.text.as_str())
        .chain([all_but_last_word]);
    for paragraph in earlier {
        for w in paragraph.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
            let w = w.to_lowercase();
            if w == word {
                whole = true;
            } else if w.len() > word.len() && w.starts_with(&word) {
                longer = true;
            }
        }
    }
    Some(if longer && !whole {
        Truncation::MidWord
    } else {
        Truncation::MidSentence
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;
    use crate::document::Document;

    fn ends(text: &str) -> Option<Truncation> {
        Document::from_text("a.txt", text, &Chrome::none()).truncated
    }

    const OPENING: &str = "The officials met to discuss the security of the Indo-Pacific region.";

    #[test]
    fn a_complete_text_is_not_truncated() {
        assert_eq!(
            ends(&format!(
                "{OPENING}\n\nThey agreed to meet again next year."
            )),
            None
        );
        assert_eq!(
            ends(&format!(
                "{OPENING}\n\nThey said: \u{201c}We will meet again.\u{201d}"
            )),
            None
        );
        assert_eq!(ends(&format!("{OPENING}\n\nContact: press office")), None);
        assert_eq!(
            ends(&format!("{OPENING}\n\nOffice of the Spokesperson")),
            None
        );
        assert_eq!(
            ends("官員たちはソウルで会談し、地域の安全保障について議論した。"),
            None
        );
    }

    #[test]
    fn a_text_cut_mid_sentence() {
        assert_eq!(
            ends(&format!(
                "{OPENING}\n\nThey agreed to continue their close cooperation on the"
            )),
            Some(Truncation::MidSentence)
        );
        assert_eq!(
            ends(&format!("{OPENING}\n\nAs emphasized")),
            Some(Truncation::MidSentence)
        );
        assert_eq!(
            ends(
                "官員たちはソウルで会談し、地域の安全保障について議論し、今後も緊密に協力していくことで"
            ),
            Some(Truncation::MidSentence)
        );
    }

    #[test]
    fn a_text_cut_mid_word() {
        assert_eq!(
            ends(&format!(
                "{OPENING}\n\nThey pledged to uphold peace and stability in the Indo-Pac"
            )),
            Some(Truncation::MidWord)
        );
        assert_eq!(
            ends(&format!(
                "{OPENING}\n\nThey pledged to uphold peace and stability in the re-"
            )),
            Some(Truncation::MidWord)
        );
        assert_eq!(
            ends(&format!("{OPENING}\n\nThe officials disc")),
            Some(Truncation::MidWord)
        );
    }

    #[test]
    fn list_items_without_full_stops_end_whole() {
        let list = "The officials agreed on the following points of their cooperation:\n\n\
                    - Expanding the exchange of information on launches\n\n\
                    - Holding the trilateral exercise on a regular basis\n\n\
                    - Building the capacity of the partners in the region";
        assert_eq!(ends(list), None);
    }
}
