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

/// Whether a Korean or Japanese reporting verb is a verb here, read from
/// its ending (`rest`, what follows the lexicon's stem in its word) and the
/// word after it: "규탄했다", "강조하고", "확인하였으며", "합의한 바",
/// "非難した", "確認するとともに", "求め"; not a noun ("評価について",
/// "확인을"), a verb that modifies a noun ("합의한 사항") or a passive
/// ("歓迎された").
pub(super) fn is_cjk_predicate(stem: &str, rest: &str, next: Option<&str>) -> bool {
    if rest.starts_with(|c: char| matches!(c, '\u{AC00}'..='\u{D7AF}')) {
        // Korean: 하다 and its forms, or the passive 되다.
        if !rest.starts_with(['하', '했', '해', '한', '할', '합', '함', '되', '됐'])
            || rest.starts_with("하에")
        {
            return false;
        }
        // A form that modifies the noun after it, except before a noun of
        // the predicate itself ("한 바 있다", "할 것이다", "하는 한편").
        let adnominal = matches!(
            rest,
            "한" | "하는" | "할" | "된" | "되는" | "하던" | "했던" | "하였던"
        );
        return !adnominal
            || next.is_some_and(|n| {
                ["바", "것", "데", "한편", "가운데", "동시에"]
                    .iter()
                    .any(|w| n.starts_with(w))
            });
    }
    if is_japanese(stem) || is_japanese(rest) || stem.chars().any(|c| script(c) == Script::Han) {
        if rest.is_empty() {
            // The word ends on the stem: a verb only when the stem is one
            // ("求め", a connective form), not a noun ("支持、").
            return stem.ends_with(|c: char| script(c) == Script::Hiragana);
        }
        // A particle after a noun, or a passive or causative.
        if rest.starts_with([
            'の', 'に', 'を', 'が', 'は', 'と', 'へ', 'も', 'や', 'で', 'な', 'さ',
        ]) || rest.starts_with("られ")
        {
            return false;
        }
        return rest.starts_with(|c: char| script(c) == Script::Hiragana);
    }
    true
}

/// The predicate of a Korean or Japanese sentence with no reporting verb
/// that promises: a topic ("3국은", "三者は") and a verb in a form that
/// commits ("강화해 나갈 것이다", "개최하겠다"; "推進していく",
/// "実施する"). Returns the words of the predicate to name it by, the
/// index of the first of them.
pub(super) fn cjk_promise(words: &[&str]) -> Option<usize> {
    let topic = words
        .iter()
        .take(4)
        .any(|w| w.ends_with(['は', '은', '는']));
    if !topic || words.len() < 3 {
        return None;
    }
    let last = words.len() - 1;
    let w = words[last];
    let korean = ["것이다", "겠다", "것입니다", "겠습니다"];
    if korean.iter().any(|k| w.ends_with(k)) {
        // "나갈 것이다": the verb with the noun of its future form.
        return Some(if w.starts_with('것') { last - 1 } else { last });
    }
    let japanese = [
        "していく",
        "していきます",
        "します",
        "する",
        "ていく",
        "ていきます",
    ];
    japanese.iter().any(|j| w.ends_with(j)).then_some(last)
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
