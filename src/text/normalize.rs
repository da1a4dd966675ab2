//! Text folding: display text with tidy white space, and the comparison key
//! that ignores typography (quotes, dashes, compatibility forms) and
//! paragraph numbering.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Folds white space runs (tabs, non-breaking and other Unicode spaces, line
/// breaks) to single spaces, drops zero-width characters and soft hyphens,
/// and trims both ends. The words themselves are kept as written.
pub fn tidy_spaces(text: &str) -> String {
    tidy_spaces_cow(text).into_owned()
}

/// [`tidy_spaces`], borrowing the text when it is already tidy (most lines
/// of a statement).
pub fn tidy_spaces_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if is_tidy_ascii(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(tidy_chars(text.chars()))
    }
}

/// [`tidy_spaces`] of a string of one's own, given back as it is when it is
/// already tidy.
pub fn tidy_spaces_owned(text: String) -> String {
    if is_tidy_ascii(&text) {
        text
    } else {
        tidy_chars(text.chars())
    }
}

/// `tidy_spaces` over characters already mapped.
fn tidy_chars(chars: impl Iterator<Item = char>) -> String {
    let (low, _) = chars.size_hint();
    let mut out = String::with_capacity(low);
    let mut pending_space = false;
    for ch in chars {
        if is_invisible(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    out
}

/// True when `text` is ASCII that `tidy_spaces` leaves as it is: single
/// spaces between non-blank characters, none at either end. (The common
/// case, checked eight bytes at a time without building a new string.)
fn is_tidy_ascii(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || !text.is_ascii() {
        return false;
    }
    let mut previous_space = false;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte below 14 may be a tab or line break: read those bytes one
        // by one (every byte is ASCII, so the test has no false negative).
        if x.wrapping_sub(14 * ONES) & !x & HIGH != 0 {
            if !tidy_bytes(chunk, &mut previous_space) {
                return false;
            }
            continue;
        }
        // The high bit of each byte that is a space.
        let t = x ^ (b' ' as u64 * ONES);
        let spaces = !(((t & LOW) + LOW) | t | LOW);
        if spaces & (spaces >> 8) != 0 || (previous_space && spaces & 0x80 != 0) {
            return false;
        }
        previous_space = spaces >> 63 != 0;
    }
    tidy_bytes(chunks.remainder(), &mut previous_space)
}

/// [`is_tidy_ascii`] of ASCII bytes read one at a time, following a space
/// or not.
fn tidy_bytes(bytes: &[u8], previous_space: &mut bool) -> bool {
    for &b in bytes {
        match b {
            b' ' if *previous_space => return false,
            b' ' => *previous_space = true,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => return false,
            _ => *previous_space = false,
        }
    }
    true
}

/// Characters that carry no text: zero-width spaces and joiners, the byte
/// order mark, the soft hyphen and the word joiner.
pub fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether a line break between `before` and `after` joins them with no
/// space: Chinese and Japanese write no spaces between words, so a line
/// wrapped inside such a sentence ("開催\nした") is one run of text, as CSS
/// reads a segment break between wide characters. A letter or digit beside
/// a wide character joins too ("2024年4月24\n日"); Korean, which spaces its
/// words, keeps the space.
pub fn break_joins(before: char, after: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    let hangul = |c: char| matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF);
    let wide = |c: char| c.width() == Some(2) && !hangul(c);
    let word = |c: char| c.is_ascii_alphanumeric();
    (wide(before) && (wide(after) || word(after))) || (word(before) && wide(after))
}

/// Maps typographic variants to their plain forms: curly and low quotes,
/// primes, the dash family and the minus sign.
fn fold_char(ch: char) -> char {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => ch,
    }
}

/// The comparison key of a paragraph: NFKC compatibility forms, plain quotes
/// and dashes, folded white space, and no leading paragraph number.
///
/// ```
/// use statement_diff::text::normalize::comparison_key;
/// assert_eq!(
///     comparison_key("3.\u{a0} The DPRK\u{2019}s \u{201c}satellite\u{201d} \u{2014} launch"),
///     "The DPRK's \"satellite\" - launch"
/// );
/// ```
pub fn comparison_key(text: &str) -> String {
    comparison_key_cow(text).into_owned()
}

/// [`comparison_key`], borrowing from the text when folding leaves it as
/// it is.
pub fn comparison_key_cow(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Stacked markers ("\u{2022} 1. The officials") are all set aside.
    let unmarked = |mut rest: &str| -> usize {
        let whole = rest.len();
        while let (Some(_), after) = split_number(rest) {
            rest = after;
        }
        whole - rest.len()
    };
    match fold_typography_cow(text) {
        Cow::Borrowed(folded) => Cow::Borrowed(&folded[unmarked(folded)..]),
        Cow::Owned(folded) => {
            let cut = unmarked(&folded);
            Cow::Owned(folded[cut..].to_string())
        }
    }
}

/// [`fold_typography`], borrowing the text when folding leaves it as it is
/// (tidy ASCII without backticks: most statement text).
pub fn fold_typography_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if is_tidy_ascii(text) && !text.contains('`') {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold_typography(text))
    }
}

/// NFKC compatibility forms, plain quotes and dashes, folded white space:
/// the comparison key before numbering is set aside.
pub fn fold_typography(text: &str) -> String {
    // Invisible characters go first, so that a letter and a combining mark
    // they separated compose ("e\u{200b}\u{301}" → "\u{e9}").
    if text.chars().any(is_invisible) {
        let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
        return fold_typography(&visible);
    }
    // ASCII is its own NFKC form and has no typographic variants but the
    // backtick; text already in NFKC (most of it) skips the normalizer.
    if is_tidy_ascii(text) && !text.contains('`') {
        return text.to_string();
    }
    if text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        return tidy_chars(text.chars().map(fold_char));
    }
    tidy_chars(text.nfkc().map(fold_char))
}

/// Splits a leading paragraph number or list marker ("1.", "2)", "(3)",
/// "IV.", "(a)", "a)", "-", "•") from the text that follows it. Returns
/// `(Some(marker), rest)` when there is one.
///
/// A marker must be followed by white space and some text, so "2024 marks"
/// or "U.S. officials" are left alone.
pub fn split_number(text: &str) -> (Option<&str>, &str) {
    let Some(end) = marker_len(text) else {
        return (None, text);
    };
    let rest = text[end..].trim_start();
    // Japanese and Chinese write a wide bullet right before the item's
    // first character ("・第4回…").
    let wide_bullet = || {
        use unicode_width::UnicodeWidthChar;
        text.starts_with(['\u{30FB}', '\u{25CF}', '\u{25A0}', '\u{25A1}', '\u{25CB}'])
            && rest.chars().next().and_then(|c| c.width()) == Some(2)
    };
    if rest.is_empty() || (rest.len() == text[end..].len() && !wide_bullet()) {
        return (None, text);
    }
    (Some(text[..end].trim_end()), rest)
}

/// Length in bytes of a list marker at the start of `text`, if any.
fn marker_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = text.chars().next()?;
    if matches!(
        first,
        '-' | '*'
            | '\u{2022}'
            | '\u{00B7}'
            | '\u{25AA}'
            | '\u{25E6}'
            | '\u{2023}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{25CF}'
            | '\u{25A0}'
            | '\u{25A1}'
            | '\u{25CB}'
            | '\u{30FB}'
    ) {
        return Some(first.len_utf8());
    }
    // An ordinal is at most five bytes long (`is_ordinal`), so its closing
    // character is looked for among the first few bytes only.
    let head = &bytes[..bytes.len().min(MAX_ORDINAL + 2)];
    // "(3)", "(a)", "(iv)"
    if bytes[0] == b'(' {
        let close = head.iter().position(|&b| b == b')')?;
        let inner = &text[1..close];
        return is_ordinal(inner).then_some(close + 1);
    }
    // "3.", "3)", "a)", "IV.", "제3항"-style markers are not handled.
    let stop = head.iter().position(|&b| b == b'.' || b == b')')?;
    let inner = &text[..stop];
    if !is_ordinal(inner) {
        return None;
    }
    // A single capital letter followed by "." is an initial ("A. Smith"),
    // not a list marker, unless the text is clearly a list ("A) ...").
    let is_letter = inner.chars().all(|c| c.is_ascii_alphabetic());
    if is_letter && bytes[stop] == b'.' && !is_roman(inner) {
        return None;
    }
    Some(stop + 1)
}

/// The longest ordinal, in bytes: a Roman numeral such as "xviii".
const MAX_ORDINAL: usize = 5;

/// "12", "a", "iv", "IV": a paragraph ordinal of at most three digits or a
/// single letter or a short Roman numeral.
fn is_ordinal(s: &str) -> bool {
    let digits = !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let letter = s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase());
    digits || letter || is_roman(s)
}

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ORDINAL
        && (s.bytes().all(|b| b"IVXL".contains(&b)) || s.bytes().all(|b| b"ivxl".contains(&b)))
}

/// The words of a comparison key, lower-cased, for similarity and indexing:
/// Unicode (UAX #29) words, punctuation left out.
pub fn words(key: &str) -> Words {
    use unicode_segmentation::UnicodeSegmentation;
    let mut text = String::with_capacity(key.len());
    let mut count = 0;
    for word in key.unicode_words() {
        if count > 0 {
            text.push(' ');
        }
        if word.is_ascii() {
            text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            text.push_str(&word.to_lowercase());
        }
        count += 1;
    }
    Words { text, count }
}

/// The lower-cased words of a paragraph, kept in one string (a word holds
/// no white space), so that a statement of a million words is not a million
/// allocations.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Words {
    text: String,
    count: usize,
}

impl Words {
    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.text.split(' ').filter(|w| !w.is_empty())
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Words {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.len() == N && self.iter().eq(other.iter().copied())
    }
}

#[cfg(test)]
mod tests {

    /// The word-at-a-time test agrees with reading byte by byte.
    #[test]
    fn tidy_ascii_agrees_with_a_byte_at_a_time() {
        fn slow(text: &str) -> bool {
            let bytes = text.as_bytes();
            if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
                return false;
            }
            let mut previous_space = false;
            for &b in bytes {
                match b {
                    b' ' if previous_space => return false,
                    b' ' => previous_space = true,
                    b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => return false,
                    0x80.. => return false,
                    _ => previous_space = false,
                }
            }
            true
        }
        let special = [
            '\t', '\n', '\r', '\x0b', '\x0c', '\x01', '\x08', '.', 'é', '\u{3000}',
        ];
        let mut r: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            r = r
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            r >> 33
        };
        let (mut tidy, mut untidy) = (0, 0);
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let mut text = String::new();
            for _ in 0..len {
                // Mostly letters and spaces, so that long tidy runs and
                // double spaces across any eight bytes are common.
                let pick = next() % 100;
                text.push(match pick {
                    0..=69 => 'a',
                    70..=97 => ' ',
                    _ => special[(next() % special.len() as u64) as usize],
                });
            }
            if slow(&text) {
                tidy += 1;
            } else {
                untidy += 1;
            }
            assert_eq!(is_tidy_ascii(&text), slow(&text), "{text:?}");
        }
        assert!(tidy > 1_000 && untidy > 1_000, "{tidy} {untidy}");
    }

    use super::*;

    #[test]
    fn tidy_folds_all_spaces_and_drops_invisibles() {
        assert_eq!(
            tidy_spaces("  a\u{a0}\u{a0}b\t\tc\u{200b}d\u{ad}e \n"),
            "a b cde"
        );
        assert_eq!(tidy_spaces("\u{3000}x\u{202f}y"), "x y");
        assert_eq!(tidy_spaces(""), "");
    }

    #[test]
    fn key_folds_quotes_dashes_and_compatibility_forms() {
        assert_eq!(
            comparison_key("\u{2018}a\u{2019} \u{201c}b\u{201d}"),
            "'a' \"b\""
        );
        assert_eq!(
            comparison_key("ROK\u{2013}U.S.\u{2014}Japan \u{2212}1"),
            "ROK-U.S.-Japan -1"
        );
        assert_eq!(comparison_key("\u{ff21}\u{ff22}\u{2026}"), "AB...");
        assert_eq!(comparison_key("ﬁnal"), "final");
    }

    #[test]
    fn key_sets_paragraph_numbers_aside() {
        assert_eq!(
            comparison_key("1. The officials met."),
            "The officials met."
        );
        assert_eq!(
            comparison_key("12)  The officials met."),
            "The officials met."
        );
        assert_eq!(
            comparison_key("(3) The officials met."),
            "The officials met."
        );
        assert_eq!(
            comparison_key("(b) The officials met."),
            "The officials met."
        );
        assert_eq!(comparison_key("IV. Regional issues"), "Regional issues");
        assert_eq!(comparison_key("- Hold the talks."), "Hold the talks.");
        assert_eq!(
            comparison_key("\u{2022} Hold the talks."),
            "Hold the talks."
        );
    }

    #[test]
    fn key_keeps_text_that_only_looks_numbered() {
        assert_eq!(comparison_key("2024 marks a year."), "2024 marks a year.");
        assert_eq!(comparison_key("U.S. officials met."), "U.S. officials met.");
        assert_eq!(comparison_key("A. Smith spoke."), "A. Smith spoke.");
        assert_eq!(comparison_key("1."), "1.");
        assert_eq!(comparison_key("1.5 million"), "1.5 million");
        assert_eq!(comparison_key("-5 degrees"), "-5 degrees");
    }

    #[test]
    fn fast_paths_agree_with_the_normalizer() {
        let slow = |t: &str| {
            let folded: String = t.nfkc().map(fold_char).collect();
            let mut out = String::new();
            let mut pending = false;
            for ch in folded.chars() {
                if is_invisible(ch) {
                    continue;
                }
                if ch.is_whitespace() {
                    pending = !out.is_empty();
                    continue;
                }
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.push(ch);
            }
            out
        };
        for t in [
            "",
            " ",
            "plain words",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "line\nend\r\n",
            "back`tick",
            "caf\u{e9} \u{2018}q\u{2019}",
            "cafe\u{301}",
            "\u{ff21}\u{ff22} \u{fb01}nal",
            "a\u{a0}\u{a0}b\u{200b}c",
            "\u{3000}x",
            "\u{1100}\u{1161}\u{11a8}",
            "\u{d55c}\u{ad6d}\u{c5b4} \u{65e5}\u{672c}",
            "\u{212a}elvin \u{17f}",
        ] {
            assert_eq!(fold_typography(t), slow(t), "{t:?}");
            assert_eq!(tidy_spaces(t), tidy_chars(t.chars()), "{t:?}");
        }
    }

    #[test]
    fn split_number_returns_the_marker() {
        assert_eq!(split_number("3. Text"), (Some("3."), "Text"));
        assert_eq!(split_number("Text"), (None, "Text"));
        assert_eq!(split_number("(xviii) Text"), (Some("(xviii)"), "Text"));
        assert_eq!(split_number("xviii. Text"), (Some("xviii."), "Text"));
        assert_eq!(split_number("(xviiii) Text"), (None, "(xviiii) Text"));
        assert_eq!(split_number("1234. Text"), (None, "1234. Text"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Looking for the marker's end among the first bytes finds what a
        /// search of the whole text finds.
        #[test]
        fn markers_end_within_the_first_bytes(
            text in "[(]?([0-9]{1,4}|[a-cA-C]|[ivxlIVXL]{1,6}|U\\.S|\u{2022}|-)[.)]?[ )a.]?( ?[A-Za-z.)(]{0,8}){0,3}"
        ) {
            let whole = |text: &str| -> Option<usize> {
                let first = text.chars().next()?;
                if split_number(&format!("{first} x")).0 == Some(&first.to_string()) {
                    return Some(first.len_utf8());
                }
                let (open, stop) = if text.starts_with('(') {
                    (1, text.find(')')?)
                } else {
                    (0, text.find(['.', ')'])?)
                };
                let inner = &text[open..stop];
                let letter = inner.chars().all(|c| c.is_ascii_alphabetic());
                (is_ordinal(inner) && (open == 1 || !letter || text.as_bytes()[stop] != b'.' || is_roman(inner)))
                    .then_some(stop + 1)
            };
            proptest::prop_assert_eq!(marker_len(&text), whole(&text));
        }
    }

    #[test]
    fn words_are_lowercase_without_punctuation() {
        assert_eq!(
            words("The DPRK's test, (UNSCRs)."),
            ["the", "dprk's", "test", "unscrs"]
        );
        assert_eq!(
            words("북한의 미사일 발사를 규탄했다."),
            ["북한의", "미사일", "발사를", "규탄했다"]
        );
    }
}
