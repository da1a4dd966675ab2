//! Dates as statements write them, read by hand: "September 10, 2024",
//! "10 September 2024", "Sept. 10", "2024-09-10", "2024년 9월 10일",
//! "2024年9月10日", "令和6年9月10日" — found in a text and read into year,
//! month and day. `first_full_date` finds the first date written with its
//! year, as a posting date above a page is.
//!
//! Each writing is read by a scanner that tries, at each place in the
//! text, the forms that may start there, and moves past a date once read,
//! so that dates never overlap within one writing.

mod full;
#[cfg(test)]
mod tests;

use std::ops::Range;

pub use self::full::first_full_date;

/// A calendar date; the year may be unsaid ("met on September 10").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year, when written.
    pub year: Option<u32>,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The first year of each Japanese era a date may be written in, less one.
const ERAS: [(&str, u32); 2] = [("令和", 2018), ("平成", 1988)];

impl Date {
    /// ISO 8601 ("2024-09-10"), or the month and day in words when the
    /// year is unsaid ("September 10").
    pub fn display(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("{} {}", MONTHS[self.month as usize - 1], self.day),
        }
    }

    /// A date of a month from 1 to 12, a day from 1 to 31 and a year, when
    /// written, from 1900 to 2200.
    fn checked(year: Option<u32>, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && year.is_none_or(|y| (1900..=2200).contains(&y));
        valid.then_some(Date { year, month, day })
    }
}

/// Every date in `text`, in order of where it starts, with the byte range
/// it was written in. A date-like span that is no calendar date
/// ("May 40, 2024") is passed over, and so is the text it spans.
pub fn find_all(text: &str) -> Vec<(Date, Range<usize>)> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit) && !text.contains(|c| fullwidth_digit(c).is_some()) {
        return Vec::new();
    }
    let mut found = latin(bytes);
    if text.contains('월') {
        found.extend(scan(bytes, |at| east_asian(bytes, at, Script::Korean)));
    }
    if text.contains('月') {
        found.extend(scan(bytes, |at| east_asian(bytes, at, Script::Japanese)));
    }
    found.sort_by_key(|(_, range)| range.start);
    found
}

/// The first date in `text`.
pub fn find(text: &str) -> Option<Date> {
    find_all(text).into_iter().next().map(|(d, _)| d)
}

/// The first year a text writes: a number of four digits from 1900 to
/// 2200 standing alone ("the 2017 meeting", "2017년", "2017年").
pub fn first_year(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_numeric())
        .filter(|w| w.chars().count() == 4)
        .filter_map(number_of)
        .find(|y| (1900..=2200).contains(y))
}

/// A number written in ASCII or full-width digits.
fn number_of(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            _ => fullwidth_digit(c)?,
        };
        n.checked_mul(10)?.checked_add(d)
    })
}

fn fullwidth_digit(c: char) -> Option<u32> {
    ('\u{ff10}'..='\u{ff19}')
        .contains(&c)
        .then(|| c as u32 - 0xff10)
}

/// What one try at a place found: nothing, a span that is no calendar
/// date (skipped), or a date.
type Found = Option<(Option<Date>, usize)>;

/// Every span `at` reads, trying each place from the start of the text and
/// going on after each span read.
fn scan(bytes: &[u8], at: impl Fn(usize) -> Found) -> Vec<(Date, Range<usize>)> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        match at(start) {
            Some((date, end)) => {
                if let Some(date) = date {
                    found.push((date, start..end));
                }
                start = end;
            }
            None => start += 1,
        }
    }
    found
}

// ---- Dates in Latin letters and ASCII digits ----

/// Whether a byte is part of a word (ASCII letters, digits, underscore).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a word ends before `at` (the text ends or a non-word follows).
fn word_ends(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_none_or(|&b| !is_word(b))
}

/// The ASCII digits from `at`: how many (counted up to five) and their
/// value.
fn ascii_digits(bytes: &[u8], at: usize) -> (usize, u32) {
    let mut n = 0;
    let mut value = 0;
    while n < 5 {
        match bytes.get(at + n) {
            Some(b) if b.is_ascii_digit() => {
                value = value * 10 + u32::from(b - b'0');
                n += 1;
            }
            _ => break,
        }
    }
    (n, value)
}

/// The month a word names, in any case: its full name or its first three
/// letters, and for September also "sept" (and "sepember").
fn month_named(word: &[u8]) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let word = word.as_slice();
    let i = MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.as_bytes()[..3].eq_ignore_ascii_case(&word[..3]))?;
    let full = MONTHS[i].as_bytes();
    let ok = word.len() == 3
        || word.eq_ignore_ascii_case(full)
        || (i == 8 && (word == b"sept" || word == b"sepember"));
    ok.then_some(i as u32 + 1)
}

/// The month named by the ASCII letters from `at`, and where they end.
fn month_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    month_named(&bytes[at..at + len]).map(|m| (m, at + len))
}

/// Whether an ordinal suffix ("st", "nd", "rd", "th") is written at `at`.
fn ordinal_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at..at + 2).is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        matches!(s.as_slice(), b"st" | b"nd" | b"rd" | b"th")
    })
}

/// Every date in Latin writing: "Sept. 10th, 2024", "10 of September,
/// 2024", "2024-09-10", each standing as words of its own.
fn latin(bytes: &[u8]) -> Vec<(Date, Range<usize>)> {
    scan(bytes, |at| {
        let b = *bytes.get(at)?;
        if !b.is_ascii_alphanumeric() || (at > 0 && is_word(bytes[at - 1])) {
            return None;
        }
        if b.is_ascii_alphabetic() {
            month_day(bytes, at)
        } else {
            day_month(bytes, at).or_else(|| iso(bytes, at))
        }
    })
}

/// "September 10", "Sept. 10th", "Sep 10, 2024".
fn month_day(bytes: &[u8], at: usize) -> Found {
    let (month, mut i) = month_at(bytes, at)?;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    (bytes.get(i) == Some(&b' ')).then_some(())?;
    i += 1;
    let (n, day) = ascii_digits(bytes, i);
    (1..=2).contains(&n).then_some(())?;
    i += n;
    if ordinal_at(bytes, i) && word_ends(bytes, i + 2) {
        i += 2;
    } else if !word_ends(bytes, i) {
        return None;
    }
    let mut year = None;
    let mut j = i;
    if bytes.get(j) == Some(&b',') {
        j += 1;
    }
    if bytes.get(j) == Some(&b' ') {
        let (n, y) = ascii_digits(bytes, j + 1);
        if n == 4 && word_ends(bytes, j + 5) {
            year = Some(y);
            i = j + 5;
        }
    }
    Some((Date::checked(year, month, day), i))
}

/// "10 September 2024", "10th of September, 2024": the year is needed.
fn day_month(bytes: &[u8], at: usize) -> Found {
    let (n, day) = ascii_digits(bytes, at);
    (1..=2).contains(&n).then_some(())?;
    let mut i = at + n;
    if ordinal_at(bytes, i) && bytes.get(i + 2) == Some(&b' ') {
        i += 3;
    } else if bytes.get(i) == Some(&b' ') {
        i += 1;
    } else {
        return None;
    }
    if bytes
        .get(i..i + 3)
        .is_some_and(|s| s.eq_ignore_ascii_case(b"of "))
    {
        i += 3;
    }
    let (month, mut i) = month_at(bytes, i)?;
    for mark in [b'.', b','] {
        if bytes.get(i) == Some(&mark) {
            i += 1;
        }
    }
    (bytes.get(i) == Some(&b' ')).then_some(())?;
    let (n, year) = ascii_digits(bytes, i + 1);
    (n == 4 && word_ends(bytes, i + 5)).then_some(())?;
    Some((Date::checked(Some(year), month, day), i + 5))
}

/// "2024-09-10", "2024.9.10", "2024/09/10".
fn iso(bytes: &[u8], at: usize) -> Found {
    let separator = |i: usize| matches!(bytes.get(i), Some(b'-' | b'.' | b'/'));
    let (n, year) = ascii_digits(bytes, at);
    (n == 4 && separator(at + 4)).then_some(())?;
    let (n, month) = ascii_digits(bytes, at + 5);
    let i = at + 5 + n;
    ((1..=2).contains(&n) && separator(i)).then_some(())?;
    let (n, day) = ascii_digits(bytes, i + 1);
    let end = i + 1 + n;
    ((1..=2).contains(&n) && word_ends(bytes, end)).then_some(())?;
    Some((Date::checked(Some(year), month, day), end))
}

// ---- Dates in Korean and Japanese ----

/// Which East Asian writing a date is in.
#[derive(Clone, Copy)]
enum Script {
    /// "2024년 9월 10일".
    Korean,
    /// "2024年9月10日", "令和6年9月10日".
    Japanese,
}

impl Script {
    /// The signs after the year, the month and the day.
    fn signs(self) -> [&'static str; 3] {
        match self {
            Script::Korean => ["년", "월", "일"],
            Script::Japanese => ["年", "月", "日"],
        }
    }
}

/// The digits (ASCII or full-width) from `at`: how many (counted up to
/// five), their value, and where they end.
fn wide_digits(bytes: &[u8], at: usize) -> (usize, u32, usize) {
    let (mut n, mut value, mut i) = (0, 0, at);
    while n < 5 {
        let d = match bytes.get(i..) {
            Some([b @ b'0'..=b'9', ..]) => (u32::from(b - b'0'), 1),
            Some([0xef, 0xbc, b @ 0x90..=0x99, ..]) => (u32::from(b - 0x90), 3),
            _ => break,
        };
        value = value * 10 + d.0;
        i += d.1;
        n += 1;
    }
    (n, value, i)
}

/// `at`, or past one space written there.
fn past_space(bytes: &[u8], at: usize) -> usize {
    at + usize::from(bytes.get(at) == Some(&b' '))
}

/// Past `sign` written at `at` (perhaps after one space).
fn past_sign(bytes: &[u8], at: usize, sign: &str) -> Option<usize> {
    let i = past_space(bytes, at);
    bytes[i..]
        .starts_with(sign.as_bytes())
        .then_some(i + sign.len())
}

/// A number of one or two digits at `at` and where it ends.
fn short_number(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let (n, value, end) = wide_digits(bytes, at);
    (1..=2).contains(&n).then_some((value, end))
}

/// A date of the East Asian writings at `at`: a year ("2024年",
/// "令和6年", "令和元年") or none, then "9月10日" (spaces allowed
/// around each number). A Japanese date may open on a space.
fn east_asian(bytes: &[u8], at: usize, script: Script) -> Found {
    let [year_sign, month_sign, day_sign] = script.signs();
    let rest = &bytes[at..];
    let (year, from) = match script {
        Script::Japanese if rest.first() == Some(&b' ') => (None, at + 1),
        Script::Japanese => match ERAS
            .iter()
            .find(|(era, _)| rest.starts_with(era.as_bytes()))
        {
            Some((era, base)) => {
                let i = at + era.len();
                let (n, end) = match short_number(bytes, i) {
                    Some(number) => number,
                    None if bytes[i..].starts_with("元".as_bytes()) => (1, i + "元".len()),
                    None => return None,
                };
                let end = bytes[end..]
                    .starts_with(year_sign.as_bytes())
                    .then_some(end + year_sign.len())?;
                (Some(base + n), past_space(bytes, end))
            }
            None => written_year(bytes, at, year_sign)?,
        },
        Script::Korean => written_year(bytes, at, year_sign)?,
    };
    let (month, i) = short_number(bytes, from)?;
    let i = past_space(bytes, past_sign(bytes, i, month_sign)?);
    let (day, i) = short_number(bytes, i)?;
    let end = past_sign(bytes, i, day_sign)?;
    Some((Date::checked(year, month, day), end))
}

/// A year of four digits before its sign ("2024年", "2024 년 "), and where
/// the month may start; or no year, when a number of one or two digits
/// starts at `at`.
fn written_year(bytes: &[u8], at: usize, sign: &str) -> Option<(Option<u32>, usize)> {
    let (n, year, end) = wide_digits(bytes, at);
    match n {
        1 | 2 => Some((None, at)),
        4 => Some((Some(year), past_space(bytes, past_sign(bytes, end, sign)?))),
        _ => None,
    }
}
