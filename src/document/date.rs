//! Dates as statements write them: "September 10, 2024", "10 September
//! 2024", "Sept. 10", "2024-09-10", "2024년 9월 10일", "2024年9月10日",
//! "令和6年9月10日" — found in a line and read into year, month and day.

use std::sync::OnceLock;

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
}

/// Which writing of dates a pattern reads.
#[derive(Clone, Copy)]
enum Script {
    /// "September 10, 2024", "10 September 2024", "2024-09-10".
    Latin,
    /// "2024년 9월 10일".
    Korean,
    /// "2024年9月10日", "令和6年9月10日".
    Japanese,
}

/// The pattern of one script, compiled when first needed: a text in
/// English never pays for the others. ASCII word boundaries and explicit
/// digits (ASCII and full-width), as the Unicode classes were slow to
/// compile.
fn pattern(script: Script) -> Option<&'static regex::Regex> {
    static PATTERNS: [OnceLock<Option<regex::Regex>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let month = r"(?i-u:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    let (slot, source) = match script {
        Script::Latin => (
            0,
            concat!(
                r"\b(?P<m1>M)\.? (?P<d1>D{1,2})(?i-u:st|nd|rd|th)?\b(?:,? (?P<y1>D{4})\b)?",
                r"|\b(?P<d2>D{1,2})(?i-u:st|nd|rd|th)? (?i-u:of )?(?P<m2>M)\.?,? (?P<y2>D{4})\b",
                r"|\b(?P<y3>D{4})[-./](?P<m3>D{1,2})[-./](?P<d3>D{1,2})\b"
            ),
        ),
        Script::Korean => (
            1,
            r"(?:(?P<y4>D{4}) ?년 ?)?(?P<m4>D{1,2}) ?월 ?(?P<d4>D{1,2}) ?일",
        ),
        Script::Japanese => (
            2,
            r"(?:(?P<era>令和|平成)(?P<ey>D{1,2}|元)年|(?P<y5>D{4}) ?年)? ?(?P<m5>D{1,2}) ?月 ?(?P<d5>D{1,2}) ?日",
        ),
    };
    PATTERNS[slot]
        .get_or_init(|| {
            // Latin dates are written in ASCII digits: that pattern is all
            // ASCII, compiled without Unicode.
            let latin = matches!(script, Script::Latin);
            let digit = if latin {
                "[0-9]"
            } else {
                "[0-9\u{ff10}-\u{ff19}]"
            };
            let source = source
                .replace(r"\b", r"(?-u:\b)")
                .replace('D', digit)
                .replace('M', month);
            regex::RegexBuilder::new(&source)
                .unicode(!latin)
                .build()
                .ok()
        })
        .as_ref()
}

/// A number written in ASCII or full-width digits.
fn number_of(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{ff10}'..='\u{ff19}' => c as u32 - 0xff10,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(d)
    })
}

/// Every date in `text`, in order, with the byte range it was written in.
pub fn find_all(text: &str) -> Vec<(Date, std::ops::Range<usize>)> {
    if !text
        .chars()
        .any(|c| c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c))
    {
        return Vec::new();
    }
    let mut found: Vec<(Date, std::ops::Range<usize>)> = Vec::new();
    let scripts = [
        (
            Script::Latin,
            text.contains(|c: char| c.is_ascii_alphabetic() || matches!(c, '-' | '.' | '/')),
        ),
        (Script::Korean, text.contains('\u{c6d4}')),
        (Script::Japanese, text.contains('\u{6708}')),
    ];
    for (script, _) in scripts.iter().filter(|(_, wanted)| *wanted) {
        let Some(re) = pattern(*script) else { continue };
        found.extend(re.captures_iter(text).filter_map(|c| {
            let whole = c.get(0)?;
            read(&c).map(|d| (d, whole.range()))
        }));
    }
    found.sort_by_key(|(_, range)| range.start);
    found
}

/// The first date in `text`.
pub fn find(text: &str) -> Option<Date> {
    find_all(text).into_iter().next().map(|(d, _)| d)
}

fn read(c: &regex::Captures<'_>) -> Option<Date> {
    let number = |name: &str| c.name(name).and_then(|m| number_of(m.as_str()));
    let month_named = |name: &str| {
        let word = c.name(name)?.as_str().to_lowercase();
        MONTHS
            .iter()
            .position(|m| m.to_lowercase().starts_with(&word[..3.min(word.len())]))
            .map(|i| i as u32 + 1)
    };
    let (year, month, day) = if c.name("m1").is_some() {
        (number("y1"), month_named("m1")?, number("d1")?)
    } else if c.name("m2").is_some() {
        (number("y2"), month_named("m2")?, number("d2")?)
    } else if c.name("m3").is_some() {
        (number("y3"), number("m3")?, number("d3")?)
    } else if c.name("m4").is_some() {
        (number("y4"), number("m4")?, number("d4")?)
    } else {
        let era_year = c.name("era").and_then(|era| {
            let base = ERAS.iter().find(|(name, _)| *name == era.as_str())?.1;
            let n = match c.name("ey")?.as_str() {
                "元" => 1,
                n => number_of(n)?,
            };
            Some(base + n)
        });
        (era_year.or(number("y5")), number("m5")?, number("d5")?)
    };
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && year.is_none_or(|y| (1900..=2200).contains(&y));
    valid.then_some(Date { year, month, day })
}

/// The first year a text writes: a number of four digits from 1900 to
/// 2200 standing alone ("the 2017 meeting", "2017년", "2017年").
pub fn first_year(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_numeric())
        .filter(|w| w.chars().count() == 4)
        .filter_map(number_of)
        .find(|y| (1900..=2200).contains(y))
}

/// Whether a line is a date and little else: a posting date above a
/// statement ("Tuesday, September 10, 2024", "date 2025-09-23",
/// "Posted on 2024年9月10日"). At most two words besides the date, none of
/// them ending a sentence.
pub fn is_date_line(line: &str) -> bool {
    let dates = find_all(line);
    let Some((_, range)) = dates.first() else {
        return false;
    };
    if line.trim_end().ends_with(['.', '\u{3002}']) && !line.trim_end().ends_with("日.") {
        // "… on September 10, 2024." is a sentence.
        let words = line.split_whitespace().count();
        if words > 6 {
            return false;
        }
    }
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let others = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ':' | '(' | ')' | '-'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_numeric() || c == ':'))
        .count();
    others <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        find(text).map(|d| d.display())
    }

    #[test]
    fn reads_english_dates() {
        assert_eq!(
            iso("met in Seoul on September 10, 2024."),
            Some("2024-09-10".into())
        );
        assert_eq!(iso("on 24 April 2024 the"), Some("2024-04-24".into()));
        assert_eq!(iso("Sept. 10 in Seoul"), Some("September 10".into()));
        assert_eq!(iso("posted 2025-09-23"), Some("2025-09-23".into()));
        assert_eq!(iso("the August 2023 summit"), None);
        assert_eq!(iso("May 40, 2024"), None);
    }

    #[test]
    fn reads_korean_and_japanese_dates() {
        assert_eq!(iso("2024년 9월 10일 서울에서"), Some("2024-09-10".into()));
        assert_eq!(iso("9월 10일 회의를"), Some("September 10".into()));
        assert_eq!(iso("2024年9月10日、ソウルで"), Some("2024-09-10".into()));
        assert_eq!(iso("令和6年4月24日"), Some("2024-04-24".into()));
        assert_eq!(iso("令和元年5月1日"), Some("2019-05-01".into()));
        assert_eq!(iso("２０２４年９月１０日"), Some("2024-09-10".into()));
    }

    #[test]
    fn date_lines_are_a_date_and_little_else() {
        assert!(is_date_line("Tuesday, September 10, 2024"));
        assert!(is_date_line("date 2025-09-23"));
        assert!(is_date_line("Posted on 2024年9月10日 10:30"));
        assert!(!is_date_line(
            "The officials met in Seoul on September 10, 2024."
        ));
        assert!(!is_date_line(
            "Joint Statement of September 10, 2024 Trilateral Talks"
        ));
        assert!(!is_date_line("Joint Statement"));
    }
}
