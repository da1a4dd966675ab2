//! Dates as statements write them: "September 10, 2024", "10 September
//! 2024", "Sept. 10", "2024-09-10", "2024년 9월 10일", "2024年9月10日",
//! "令和6年9月10日" — found in a line and read into year, month and day
//! (by `text::date`), and the lines that are a date and little else.

pub use crate::text::date::{Date, find, find_all, first_year};

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
