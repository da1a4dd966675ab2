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
struct English {
    words: HashSet<&'static str>,
    /// The words packed (see [`Packed`]) in an open-addressed table;
    /// `None` when one of them cannot be, and every look-up takes `words`.
    packed: Option<Table>,
}

/// Packed words in a table of a power of two slots, each word at its hash
/// or in the next free slot after it.
struct Table {
    slots: Vec<u128>,
    mask: usize,
}

/// No packed word: its last byte (the length) is at most [`PACKED`].
const EMPTY: u128 = u128::MAX;

impl Table {
    fn of(keys: &[u128]) -> Table {
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut table = Table {
            slots: vec![EMPTY; size],
            mask: size - 1,
        };
        for &key in keys {
            let mut at = table.slot(key);
            while table.slots[at] != EMPTY && table.slots[at] != key {
                at = (at + 1) & table.mask;
            }
            table.slots[at] = key;
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & self.mask
    }

    fn contains(&self, key: u128) -> bool {
        let mut at = self.slot(key);
        loop {
            match self.slots[at] {
                EMPTY => return false,
                k if k == key => return true,
                _ => at = (at + 1) & self.mask,
            }
        }
    }
}

fn english() -> &'static English {
    static WORDS: OnceLock<English> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: HashSet<&'static str> = stop_words::lookup("en")
            .unwrap_or_default()
            .iter()
            .copied()
            .collect();
        let packed: Option<Vec<u128>> = words
            .iter()
            .map(|w| match Packed::of(w.as_bytes()) {
                Packed::Word(key) => Some(key),
                Packed::Long | Packed::Other => None,
            })
            .collect();
        let packed = packed.map(|keys| Table::of(&keys));
        English { words, packed }
    })
}

/// The longest word packed into one number, in bytes.
const PACKED: usize = 15;

/// A word lowered and packed into one number without allocating.
enum Packed {
    /// The bytes of the word in lower case and their count: equal numbers
    /// for words equal in lower case.
    Word(u128),
    /// Longer than a packed word, in lower case.
    Long,
    /// A character other than ASCII or the typographic apostrophe: the
    /// word takes Unicode's lower case.
    Other,
}

impl Packed {
    /// ASCII letters in lower case, the typographic apostrophe (which has
    /// no case) read as the ASCII one; the count of bytes last.
    fn of(word: &[u8]) -> Packed {
        let mut buffer = [0u8; PACKED + 1];
        let len = if word.is_ascii() {
            if word.len() > PACKED {
                return Packed::Long;
            }
            buffer[..word.len()].copy_from_slice(word);
            word.len()
        } else {
            let mut len = 0;
            let mut bytes = word;
            while let Some((&b, rest)) = bytes.split_first() {
                let (b, rest) = if b.is_ascii() {
                    (b, rest)
                } else if let Some(rest) = bytes.strip_prefix("\u{2019}".as_bytes()) {
                    (b'\'', rest)
                } else {
                    return Packed::Other;
                };
                if len == PACKED {
                    return Packed::Long;
                }
                buffer[len] = b;
                len += 1;
                bytes = rest;
            }
            len
        };
        buffer[PACKED] = len as u8;
        Packed::Word(ascii_lowercase(u128::from_le_bytes(buffer)))
    }
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
    if text.is_ascii() {
        // No letters but Latin ones.
        return Function {
            script: Script::Latin,
            share: ascii_latin_share(text.as_bytes()),
        };
    }
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

/// Bytes below 0x80 with the ASCII capitals in lower case, sixteen at once:
/// a byte's high bit after adding 0x3F tells it is at least `A`, after
/// adding 0x25 that it is past `Z` (no sum carries into the next byte).
fn ascii_lowercase(bytes: u128) -> u128 {
    const EACH: u128 = u128::MAX / 0xFF;
    let from_a = bytes + EACH * 0x3F;
    let past_z = bytes + EACH * 0x25;
    let capitals = from_a & !past_z & (EACH * 0x80);
    bytes | (capitals >> 2)
}

/// Whether a Latin-script word is an English function word.
pub(super) fn is_function_word(word: &str) -> bool {
    packed_function_word(word.as_bytes()).unwrap_or_else(|| unicode_function_word(word))
}

/// Whether a word is an English function word, told without allocating;
/// `None` when it takes Unicode's lower case.
fn packed_function_word(word: &[u8]) -> Option<bool> {
    let packed = english().packed.as_ref()?;
    match Packed::of(word) {
        Packed::Word(key) => Some(packed.contains(key)),
        // Every function word packs.
        Packed::Long => Some(false),
        Packed::Other => None,
    }
}

fn unicode_function_word(word: &str) -> bool {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    english().words.contains(lower.as_str())
}

fn latin_share(text: &str) -> f32 {
    let (mut all, mut function) = (0usize, 0usize);
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        all += 1;
        if is_function_word(word) {
            function += 1;
        }
    }
    ratio(function, all)
}

/// [`latin_share`] of an ASCII text, read byte by byte (for ASCII, white
/// space, letters and digits are what `char` says they are).
fn ascii_latin_share(text: &[u8]) -> f32 {
    let (mut all, mut function) = (0usize, 0usize);
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    for token in text.split(space).filter(|t| !t.is_empty()) {
        let kept = |b: &u8| b.is_ascii_alphanumeric() || *b == b'\'';
        let (Some(from), Some(to)) = (token.iter().position(kept), token.iter().rposition(kept))
        else {
            continue;
        };
        let word = &token[from..=to];
        if !word.iter().any(u8::is_ascii_alphabetic) {
            continue;
        }
        all += 1;
        let is_function = packed_function_word(word)
            .unwrap_or_else(|| std::str::from_utf8(word).is_ok_and(unicode_function_word));
        if is_function {
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
    fn packed_look_up_agrees_with_unicode_lower_case() {
        let words = [
            "the",
            "The",
            "THE",
            "don't",
            "don\u{2019}t",
            "DON\u{2019}T",
            "yourselves",
            "Yourselves",
            "officials",
            "a",
            "",
            "i",
            "\u{130}",
            "\u{212A}",
            "caf\u{e9}",
            "abcdefghijklmnop",
            "abcdefghijklmno",
            "a\0",
            "it\u{2019}s",
            "shan't",
        ];
        for word in words {
            let packed = packed_function_word(word.as_bytes());
            let unicode = unicode_function_word(word);
            assert!(packed.is_none_or(|p| p == unicode), "{word:?}");
            assert_eq!(is_function_word(word), unicode, "{word:?}");
        }
        assert!(is_function_word("The") && is_function_word("don\u{2019}t"));
        let text = "The officials, \"in Seoul\", agreed: they'd meet -- again 2024.";
        assert_eq!(ascii_latin_share(text.as_bytes()), latin_share(text));
    }

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
