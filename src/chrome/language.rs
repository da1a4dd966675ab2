//! How much of a block is made of function words, in its own script: the
//! share that tells running prose from menus, labels and names.
//!
//! Sentences are held together by function words (articles, prepositions,
//! pronouns, auxiliaries; in Korean, particles and verb endings; in
//! Japanese, the particles and inflections written in hiragana). A menu
//! item, a label or a list of names has few or none.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The script most of a text's letters are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    /// Latin letters, words between spaces.
    Latin,
    /// Hangul: words (eojeol) between spaces, particles and endings at
    /// their ends.
    Hangul,
    /// Kanji and kana, no spaces between words.
    Japanese,
}

/// The function-word share of a text and the script it was measured in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Function {
    pub(super) script: Script,
    /// Between 0 and 1.
    pub(super) share: f32,
}

/// English function words: the NLTK list (see the `stop-words` crate).
fn english() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        stop_words::lookup("en")
            .unwrap_or_default()
            .iter()
            .copied()
            .collect()
    })
}

/// Endings of a Korean word that mark it as carrying grammar: case
/// particles (은 는 이 가 을 를 에 의 와 과 도 로 에서 까지 …) and verb
/// endings (…다 …고 …며 …여 …서 …한 …할 …된 …는). Compared on the word with
/// its punctuation trimmed.
#[rustfmt::skip]
const HANGUL_ENDINGS: &[char] = &[
    '은', '는', '이', '가', '을', '를', '에', '의', '와', '과', '도', '로', '서', '께', '터',
    '지', '다', '고', '며', '여', '면', '게', '한', '할', '된', '될', '던', '인', '며', '요',
    '니', '해', '써', '만', '까',
];

/// Korean words that are grammar by themselves.
const HANGUL_WORDS: &[&str] = &[
    "및",
    "또한",
    "그리고",
    "등",
    "것",
    "수",
    "또",
    "아울러",
    "이",
    "그",
];

/// The share of function words in `text`, measured in the script most of
/// its letters are in.
pub(super) fn function(text: &str) -> Function {
    let (mut latin, mut hangul, mut japanese) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => latin += 1,
            '\u{AC00}'..='\u{D7A3}' => hangul += 1,
            c if is_han(c) || is_kana(c) => japanese += 1,
            _ => {}
        }
    }
    let script = if hangul >= latin && hangul >= japanese && hangul > 0 {
        Script::Hangul
    } else if japanese > latin && japanese > 0 {
        Script::Japanese
    } else {
        Script::Latin
    };
    let share = match script {
        Script::Latin => latin_share(text),
        Script::Hangul => hangul_share(text),
        Script::Japanese => japanese_share(text),
    };
    Function { script, share }
}

/// Whether a Latin-script word is an English function word.
pub(super) fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    english().contains(lower.as_str())
}

fn latin_share(text: &str) -> f32 {
    let words = english();
    let (mut all, mut function) = (0usize, 0usize);
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        all += 1;
        let lower = word.to_lowercase().replace('\u{2019}', "'");
        if words.contains(lower.as_str()) {
            function += 1;
        }
    }
    ratio(function, all)
}

fn hangul_share(text: &str) -> f32 {
    let (mut all, mut function) = (0usize, 0usize);
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(last) = word.chars().next_back() else {
            continue;
        };
        if !('\u{AC00}'..='\u{D7A3}').contains(&last) {
            continue;
        }
        all += 1;
        let ends = word.chars().count() > 1 && HANGUL_ENDINGS.contains(&last);
        if ends || HANGUL_WORDS.contains(&word) {
            function += 1;
        }
    }
    ratio(function, all)
}

/// Hiragana among the Japanese letters: particles and inflections are
/// written in it, names and nouns in kanji and katakana.
fn japanese_share(text: &str) -> f32 {
    let (mut all, mut hiragana) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) || is_kana(c) {
            all += 1;
            if ('\u{3041}'..='\u{309F}').contains(&c) {
                hiragana += 1;
            }
        }
    }
    ratio(hiragana, all)
}

fn ratio(part: usize, all: usize) -> f32 {
    if all == 0 {
        0.0
    } else {
        part as f32 / all as f32
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_has_function_words_and_menus_have_none() {
        let prose = function("The officials urged the international community to act.");
        assert_eq!(prose.script, Script::Latin);
        assert!(prose.share > 0.3, "{}", prose.share);
        assert!(function("Briefings Statements Newsroom").share < 0.01);
        let ko = function("3국은 북한의 핵 위협을 억제하기 위해 협력을 강화하기로 하였다.");
        assert_eq!(ko.script, Script::Hangul);
        assert!(ko.share > 0.5, "{}", ko.share);
        assert!(function("브리핑룸 보도자료 인쇄").share < 0.01);
        let ja = function("三者は、北朝鮮による弾道ミサイルの発射を強く非難した。");
        assert_eq!(ja.script, Script::Japanese);
        assert!(ja.share > 0.25, "{}", ja.share);
        assert!(function("報道発表 印刷用 英語版").share < 0.01);
    }
}
