//! Korean and Japanese: their scripts, where their clauses end, the words of a Japanese sentence.

pub(super) fn is_cjk(word: &str) -> bool {
    word.chars().any(|c| matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF))
}

/// Whether a Korean or Japanese reporting verb ends its clause: it ends in
/// a connective form ("非難し", "確認するとともに", "求め"; "강조하고",
/// "재확인하며") and a comma follows. ("지지하고 있다", is supporting, has no
/// comma; a noun before a comma is no connective form, nor is a purpose,
/// "確認するため、".)
pub(super) fn ends_cjk_clause(verb: &str, after: &str) -> bool {
    const CONNECTIVES: [&str; 8] = ["し", "して", "つつ", "とともに", "求め", "고", "며", "면서"];
    after
        .trim_start()
        .starts_with([',', '\u{3001}', '\u{ff0c}'])
        && CONNECTIVES.iter().any(|c| verb.ends_with(c))
}

/// Whether a sentence is Japanese: it has kana.
pub(super) fn is_japanese(sentence: &str) -> bool {
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
pub(super) fn japanese_word_indices(sentence: &str) -> Vec<(usize, &str)> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
