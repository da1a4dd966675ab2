//! The first date a text writes in full, with its year, as a posting date
//! is written above a page ("Feb. 4, 2025", "4 February 2025",
//! "2025-02-04", "2025년 2월 4일", "2025年2月4日", "令和7年2月4日"). Digits
//! of any script count, and a date may stand inside a longer word
//! ("Updated:Feb. 4, 2025").

use std::ops::Range;

/// The first code point of each run of ten decimal digits (Unicode
/// general category Nd).
const DIGIT_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// Whether a character is a decimal digit of any script.
pub(super) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let c = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= c);
    i > 0 && c - DIGIT_ZEROS[i - 1] < 10
}

/// The first date `text` writes with its year, by the byte range it was
/// written in: a month and day with the year ("Feb. 4, 2025"), a day and
/// month name with the year ("4 February 2025"), "2025-02-04" (or with
/// "." or "/"), "2025년 2월 4일", "2025年2月4日", or a date of a Japanese era
/// ("令和7年2月4日", the three signs in order within one word).
pub fn first_full_date(text: &str) -> Option<Range<usize>> {
    text.char_indices().find_map(|(at, c)| {
        let rest = &text[at..];
        let end = if is_digit(c) {
            day_month(rest).or_else(|| year_first(rest))
        } else if rest.starts_with("令和") || rest.starts_with("平成") {
            era(rest)
        } else {
            month_day(rest)
        }?;
        Some(at..at + end)
    })
}

/// How many digits (counted up to five) `text` starts with, and where
/// they end.
fn digits(text: &str) -> (usize, usize) {
    let mut n = 0;
    let mut end = 0;
    for c in text.chars().take(5) {
        if !is_digit(c) {
            break;
        }
        n += 1;
        end += c.len_utf8();
    }
    (n, end)
}

/// Where a number of one or two digits at the start of `text` ends.
fn short_number(text: &str) -> Option<usize> {
    let (n, end) = digits(text);
    (1..=2).contains(&n).then_some(end)
}

/// Where the first four digits of `text` end, when it starts with four.
fn year(text: &str) -> Option<usize> {
    let (n, end) = digits(text);
    (n >= 4).then(|| text.char_indices().nth(4).map_or(end, |(i, _)| i))
}

/// Where `word` (lower-case ASCII) ends at the start of `text`, in any
/// case ("ſ" and the Kelvin sign fold to "s" and "k").
fn word_at(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        let same = c.to_ascii_lowercase() == w
            || (w == 's' && c == '\u{17f}')
            || (w == 'k' && c == '\u{212a}');
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// Past a `mark` at the start of `text`, or at its start.
fn past(text: &str, mark: char) -> usize {
    if text.starts_with(mark) {
        mark.len_utf8()
    } else {
        0
    }
}

/// Every month, by its full name and its abbreviations, lower-case.
const MONTH_FORMS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// "Feb. 4, 2025", "February 4, 2025": a month by its full name or its
/// abbreviation, the comma and year required.
fn month_day(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    if !matches!(
        first.to_ascii_lowercase(),
        'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd' | '\u{17f}'
    ) {
        return None;
    }
    MONTH_FORMS.iter().find_map(|month| {
        let mut i = word_at(text, month)?;
        i += past(&text[i..], '.');
        i += text[i..].starts_with(' ').then_some(1)?;
        i += short_number(&text[i..])?;
        i += text[i..].starts_with(", ").then_some(2)?;
        Some(i + year(&text[i..])?)
    })
}

/// "4 February 2025": the month by its full name.
fn day_month(text: &str) -> Option<usize> {
    let mut i = short_number(text)?;
    i += text[i..].starts_with(' ').then_some(1)?;
    i += MONTH_FORMS[..12]
        .iter()
        .find_map(|m| word_at(&text[i..], m))?;
    i += text[i..].starts_with(' ').then_some(1)?;
    Some(i + year(&text[i..])?)
}

/// Where the white space at the start of `text` ends.
fn space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// "2025-02-04", "2025년 2월 4일", "2025年2月4日".
fn year_first(text: &str) -> Option<usize> {
    let (n, mut i) = digits(text);
    (n == 4).then_some(())?;
    let rest = &text[i..];
    if rest.starts_with(['-', '.', '/']) {
        i += 1;
        i += short_number(&text[i..])?;
        i += text[i..].starts_with(['-', '.', '/']).then_some(1)?;
        let (n, end) = digits(&text[i..]);
        return match n {
            0 => None,
            1 | 2 => Some(i + end),
            _ => Some(i + text[i..].chars().take(2).map(char::len_utf8).sum::<usize>()),
        };
    }
    if rest.starts_with('年') {
        i += '年'.len_utf8();
        for sign in ['月', '日'] {
            i += short_number(&text[i..])?;
            i += text[i..].starts_with(sign).then_some(sign.len_utf8())?;
        }
        return Some(i);
    }
    for sign in ['년', '월', '일'] {
        if sign != '년' {
            i += space(&text[i..]);
            i += short_number(&text[i..])?;
        }
        i += space(&text[i..]);
        i += text[i..].starts_with(sign).then_some(sign.len_utf8())?;
    }
    Some(i)
}

/// "令和7年2月4日": the era, then the first 年, 月 and 日 after it in
/// that order, within one word.
fn era(text: &str) -> Option<usize> {
    let word_end = text.find(char::is_whitespace).unwrap_or(text.len());
    let mut i = "令和".len();
    for sign in ['年', '月', '日'] {
        i += text[i..word_end].find(sign)? + sign.len_utf8();
    }
    Some(i)
}
