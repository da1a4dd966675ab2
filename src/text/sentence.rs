//! Sentences: Unicode (UAX #29) sentence boundaries, corrected for the
//! abbreviations, initials and numbering of diplomatic statements.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end with a full stop but do not end a sentence when
/// more text follows.
const ABBREVIATIONS: &[&str] = &[
    "No.", "Nos.", "no.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
    "Oct.", "Nov.", "Dec.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Adm.",
    "Capt.", "Cmdr.", "Sgt.", "Maj.", "Gov.", "Sen.", "Rep.", "Amb.", "Hon.", "St.", "Jr.", "Sr.",
    "Inc.", "Co.", "Corp.", "Ltd.", "vs.", "e.g.", "i.e.", "cf.", "approx.", "Art.", "Arts.",
    "para.", "paras.", "Vol.", "pp.", "p.", "Res.", "Doc.", "Rev.", "Fig.", "Mt.", "Ft.",
];

/// Country abbreviations that often stand mid-sentence ("U.S. Secretary")
/// but may also end one ("… with the U.S. The ministers …").
const COUNTRY_ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.N.", "U.K.", "E.U.", "R.O.K.", "D.P.R.K.", "P.R.C.", "U.S.A.",
];

/// Words that usually open a sentence: after a country abbreviation they
/// mean the sentence did end there.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "They",
    "This",
    "These",
    "Those",
    "We",
    "It",
    "In",
    "On",
    "At",
    "Both",
    "All",
    "Each",
    "Additionally",
    "Furthermore",
    "Moreover",
    "He",
    "She",
    "Our",
    "Their",
    "Its",
    "As",
    "With",
    "Under",
    "Building",
    "Recognizing",
    "Noting",
    "Welcoming",
    "Finally",
    "Also",
    "Such",
];

/// Splits text into sentences (with their trailing white space trimmed).
///
/// ```
/// use statement_diff::text::sentence::sentences;
/// assert_eq!(
///     sentences("U.S. Secretary Austin met Gen. Kim. They agreed."),
///     ["U.S. Secretary Austin met Gen. Kim.", "They agreed."]
/// );
/// ```
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let chunks: Box<dyn Iterator<Item = &str>> = if text.is_ascii() {
        Box::new(AsciiSentenceBounds { text, at: 0 })
    } else {
        Box::new(text.split_sentence_bounds())
    };
    for chunk in chunks {
        let start = offset;
        offset += chunk.len();
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = chunk.len() - chunk.trim_start().len();
        let (s, e) = (start + lead, start + lead + trimmed.len());
        if let Some(last) = out.last_mut()
            && continues(&text[last.0..last.1], trimmed)
        {
            last.1 = e;
            continue;
        }
        out.push((s, e));
    }
    out.into_iter()
        .flat_map(|(s, e)| split_at_markers(&text[s..e]))
        .collect()
}

/// The sentence break classes of UAX #29 for ASCII characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

/// The sentence bounds of ASCII text, as `split_sentence_bounds` finds
/// them (UAX #29 rules SB3–SB11, which for ASCII need no tables): the same
/// chunks, several times faster on the prose that makes up statements.
struct AsciiSentenceBounds<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiSentenceBounds<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let end = ascii_sentence_end(bytes, start);
        self.at = end;
        Some(&self.text[start..end])
    }
}

/// Where the sentence starting at `start` ends (exclusive).
fn ascii_sentence_end(bytes: &[u8], start: usize) -> usize {
    let n = bytes.len();
    let mut i = start;
    while i < n {
        let c = class(bytes[i]);
        match c {
            // SB3, SB4: a paragraph separator ends the sentence (CR LF together).
            Class::Cr => {
                return if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
            }
            Class::Lf => return i + 1,
            Class::ATerm | Class::STerm => {
                let next = bytes.get(i + 1).map(|&b| class(b));
                if c == Class::ATerm {
                    // SB6: "3.5"; SB7: "U.S" (a letter before, a capital after).
                    if next == Some(Class::Numeric) {
                        i += 1;
                        continue;
                    }
                    let before = (i > 0).then(|| class(bytes[i - 1]));
                    if next == Some(Class::Upper)
                        && matches!(before, Some(Class::Upper | Class::Lower))
                    {
                        i += 1;
                        continue;
                    }
                }
                // SB9, SB10: closing punctuation, then spaces, stay.
                let mut j = i + 1;
                while j < n && class(bytes[j]) == Class::Close {
                    j += 1;
                }
                while j < n && class(bytes[j]) == Class::Sp {
                    j += 1;
                }
                if j >= n {
                    return n;
                }
                let after = class(bytes[j]);
                // SB8: after a full stop, no break before a lower-case
                // letter reached past anything but letters, terms and
                // separators.
                if c == Class::ATerm {
                    let mut k = j;
                    while k < n
                        && !matches!(
                            class(bytes[k]),
                            Class::Upper
                                | Class::Lower
                                | Class::Cr
                                | Class::Lf
                                | Class::ATerm
                                | Class::STerm
                        )
                    {
                        k += 1;
                    }
                    if k < n && class(bytes[k]) == Class::Lower {
                        i = k;
                        continue;
                    }
                }
                // SB8a: a continuation or another term stays.
                if matches!(after, Class::SContinue | Class::ATerm | Class::STerm) {
                    i = j;
                    continue;
                }
                // SB11: break after the separator, if one follows.
                return match after {
                    Class::Cr if bytes.get(j + 1) == Some(&b'\n') => j + 2,
                    Class::Cr | Class::Lf => j + 1,
                    _ => j,
                };
            }
            _ => i += 1,
        }
    }
    n
}

/// UAX #29 keeps "talks. (b) train" together (a lower-case letter follows
/// the parenthesis); a list marker after a full stop starts a sentence.
fn split_at_markers(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = sentence.as_bytes();
    for (i, _) in sentence.match_indices(". (") {
        let marker_start = i + 2;
        let Some(close) = sentence[marker_start..].find(')') else {
            continue;
        };
        let inner = &sentence[marker_start + 1..marker_start + close];
        let is_marker = !inner.is_empty()
            && inner.len() <= 3
            && inner.chars().all(|c| c.is_ascii_alphanumeric());
        let spaced = bytes.get(marker_start + close + 1) == Some(&b' ');
        if is_marker && spaced && i + 1 > start {
            out.push(sentence[start..=i].trim());
            start = marker_start;
        }
    }
    out.push(sentence[start..].trim());
    out
}

/// True when `next` continues the sentence `previous` rather than starting
/// a new one.
fn continues(previous: &str, next: &str) -> bool {
    let last_word = previous
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(previous);
    let last_word = last_word.trim_start_matches(['(', '"', '\'', '\u{201C}', '\u{2018}']);
    let next_first = next.split_whitespace().next().unwrap_or("");
    let next_char = next.chars().next().unwrap_or(' ');
    // A sentence never starts in lower case or with closing punctuation.
    if next_char.is_lowercase() || matches!(next_char, ',' | ';' | ':' | ')' | ']') {
        return true;
    }
    if ABBREVIATIONS.contains(&last_word) {
        return true;
    }
    // An initial: "J." or "H.R." (letters and dots only, short).
    let letters: Vec<char> = last_word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_initials = !letters.is_empty()
        && last_word.ends_with('.')
        && last_word.chars().all(|c| c.is_alphabetic() || c == '.')
        && letters.iter().all(|c| c.is_uppercase())
        && last_word.matches('.').count() >= letters.len();
    if COUNTRY_ABBREVIATIONS.contains(&last_word) {
        let opener = next_first.trim_end_matches([',', ':']);
        return !SENTENCE_OPENERS.contains(&opener);
    }
    if is_initials && letters.len() <= 2 {
        return true;
    }
    // A bare list marker ("1.", "(a)") belongs to the sentence it numbers.
    let bare = previous.trim();
    bare.len() <= 4
        && bare
            .trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII pass finds the bounds UAX #29 finds.
        #[test]
        fn ascii_bounds_are_the_unicode_bounds(
            text in "([aZq0 .!?,;:\\-()\"'\t\r\n#]|U\\.S\\. |etc\\. |\\. [a-z]|\\.\\) )*"
        ) {
            let ours: Vec<&str> = AsciiSentenceBounds { text: &text, at: 0 }.collect();
            let theirs: Vec<&str> = text.split_sentence_bounds().collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn ascii_bounds_on_the_corpus_are_the_unicode_bounds() {
        for paragraph in crate::test_corpus::ascii_paragraphs() {
            let ours: Vec<&str> = AsciiSentenceBounds {
                text: &paragraph,
                at: 0,
            }
            .collect();
            let theirs: Vec<&str> = paragraph.split_sentence_bounds().collect();
            assert_eq!(ours, theirs);
        }
    }

    fn check(text: &str, want: &[&str]) {
        assert_eq!(sentences(text), want, "splitting {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check("They met. They agreed.", &["They met.", "They agreed."]);
    }
    #[test]
    fn question_and_exclamation() {
        check("Why? Because! Yes.", &["Why?", "Because!", "Yes."]);
    }
    #[test]
    fn us_before_a_title() {
        check(
            "U.S. Assistant Secretary Ratner met them.",
            &["U.S. Assistant Secretary Ratner met them."],
        );
    }
    #[test]
    fn us_mid_sentence() {
        check(
            "the full range of U.S. capabilities. They met.",
            &["the full range of U.S. capabilities.", "They met."],
        );
    }
    #[test]
    fn us_ending_a_sentence() {
        check(
            "They met in the U.S. The talks went well.",
            &["They met in the U.S.", "The talks went well."],
        );
    }
    #[test]
    fn un_panel() {
        check(
            "the U.N. Panel of Experts ended. Next.",
            &["the U.N. Panel of Experts ended.", "Next."],
        );
    }
    #[test]
    fn rok_us_japan_compound() {
        check(
            "deepen ROK-U.S.-Japan cooperation. They met.",
            &["deepen ROK-U.S.-Japan cooperation.", "They met."],
        );
    }
    #[test]
    fn number_abbreviation() {
        check(
            "Resolution No. 2397 applies. They agreed.",
            &["Resolution No. 2397 applies.", "They agreed."],
        );
    }
    #[test]
    fn month_abbreviation() {
        check(
            "On Jan. 5, 2025 they met. Then left.",
            &["On Jan. 5, 2025 they met.", "Then left."],
        );
    }
    #[test]
    fn sept_abbreviation() {
        check(
            "By Sept. 30 it ends. Fine.",
            &["By Sept. 30 it ends.", "Fine."],
        );
    }
    #[test]
    fn military_ranks() {
        check(
            "Gen. Kim and Adm. Aquilino met. Good.",
            &["Gen. Kim and Adm. Aquilino met.", "Good."],
        );
    }
    #[test]
    fn honorifics() {
        check(
            "Mr. Cho and Dr. Lee spoke. Done.",
            &["Mr. Cho and Dr. Lee spoke.", "Done."],
        );
    }
    #[test]
    fn initials() {
        check(
            "Lloyd J. Austin III met them. Done.",
            &["Lloyd J. Austin III met them.", "Done."],
        );
    }
    #[test]
    fn double_initials() {
        check(
            "H.R. McMaster spoke. Done.",
            &["H.R. McMaster spoke.", "Done."],
        );
    }
    #[test]
    fn eg_and_ie() {
        check(
            "partners, e.g. Australia, joined. Yes.",
            &["partners, e.g. Australia, joined.", "Yes."],
        );
        check(
            "the region, i.e. Asia, matters. Yes.",
            &["the region, i.e. Asia, matters.", "Yes."],
        );
    }
    #[test]
    fn quotation_inside() {
        check(
            "Japan's plan for a \"Free and Open Indo-Pacific.\" They also met.",
            &[
                "Japan's plan for a \"Free and Open Indo-Pacific.\"",
                "They also met.",
            ],
        );
    }
    #[test]
    fn curly_quotation_inside() {
        check(
            "a \u{201c}Free and Open Indo-Pacific.\u{201d} They met.",
            &["a \u{201c}Free and Open Indo-Pacific.\u{201d}", "They met."],
        );
    }
    #[test]
    fn parentheses_with_abbreviation() {
        check(
            "resolutions (UNSCRs). They urged restraint.",
            &["resolutions (UNSCRs).", "They urged restraint."],
        );
    }
    #[test]
    fn parenthetical_sentence() {
        check(
            "They met. (The talks were virtual.) They agreed.",
            &["They met.", "(The talks were virtual.)", "They agreed."],
        );
    }
    #[test]
    fn numbered_item() {
        check(
            "1. They met. 2. They agreed.",
            &["1. They met.", "2. They agreed."],
        );
    }
    #[test]
    fn lettered_item() {
        check(
            "(a) hold talks. (b) train together.",
            &["(a) hold talks.", "(b) train together."],
        );
    }
    #[test]
    fn decimal_numbers() {
        check(
            "It grew 2.5 percent. Next.",
            &["It grew 2.5 percent.", "Next."],
        );
    }
    #[test]
    fn korean_sentences() {
        check(
            "3국은 북한을 규탄했다. 또한 협력을 강화하기로 했다.",
            &["3국은 북한을 규탄했다.", "또한 협력을 강화하기로 했다."],
        );
    }
    #[test]
    fn korean_with_abbreviation() {
        check(
            "美 국방부와 회의를 했다. 다음 회의는 서울에서 열린다.",
            &["美 국방부와 회의를 했다.", "다음 회의는 서울에서 열린다."],
        );
    }
    #[test]
    fn japanese_sentences() {
        check(
            "三か国は北朝鮮を非難した。協力を強化することで一致した。",
            &[
                "三か国は北朝鮮を非難した。",
                "協力を強化することで一致した。",
            ],
        );
    }
    #[test]
    fn ellipsis_mid_sentence() {
        check(
            "free and open... region. Next.",
            &["free and open... region.", "Next."],
        );
    }
    #[test]
    fn no_final_stop() {
        check("They met. They agreed", &["They met.", "They agreed"]);
    }
    #[test]
    fn empty_and_space() {
        assert!(sentences("").is_empty());
        assert!(sentences("   ").is_empty());
    }
    #[test]
    fn lower_case_after_stop_continues() {
        check(
            "the approx. figure is high. Done.",
            &["the approx. figure is high.", "Done."],
        );
    }
    #[test]
    fn semicolons_do_not_split() {
        check(
            "They met; they agreed. Done.",
            &["They met; they agreed.", "Done."],
        );
    }
    #[test]
    fn article_reference() {
        check(
            "under Art. 5 of the treaty. Done.",
            &["under Art. 5 of the treaty.", "Done."],
        );
    }
    #[test]
    fn dprk_dotted() {
        check(
            "the D.P.R.K. Foreign Ministry said so. Done.",
            &["the D.P.R.K. Foreign Ministry said so.", "Done."],
        );
    }
    #[test]
    fn year_end() {
        check(
            "They met on April 24, 2024. The officials exchanged views.",
            &[
                "They met on April 24, 2024.",
                "The officials exchanged views.",
            ],
        );
    }
}
