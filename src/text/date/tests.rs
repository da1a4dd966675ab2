use super::*;

fn iso(text: &str) -> Option<String> {
    find(text).map(|d| d.display())
}

fn full(text: &str) -> Option<&str> {
    first_full_date(text).map(|r| &text[r])
}

#[test]
fn reads_english_dates() {
    assert_eq!(iso("on September 10, 2024."), Some("2024-09-10".into()));
    assert_eq!(iso("Sept. 10th in Seoul"), Some("September 10".into()));
    assert_eq!(
        iso("the 10th of September, 2024"),
        Some("2024-09-10".into())
    );
    assert_eq!(iso("posted 2025/9/23"), Some("2025-09-23".into()));
    assert_eq!(iso("MAR 3 2024"), Some("2024-03-03".into()));
    assert_eq!(iso("the August 2023 summit"), None);
    assert_eq!(iso("10 September"), None);
    assert_eq!(iso("Dejan 5, 2024"), None);
    assert_eq!(iso("2024-09-101"), None);
}

#[test]
fn skips_what_is_no_calendar_date() {
    // Each span is passed over whole ("June 2" is not read out of
    // "June 2, 1850"), and the date after them still read.
    let found = find_all("May 40, 2024 and June 2, 1850 then July 4");
    let shown: Vec<_> = found
        .iter()
        .map(|(d, r)| (d.display(), r.clone()))
        .collect();
    assert_eq!(shown, vec![("July 4".to_string(), 35..41)]);
}

#[test]
fn reads_korean_and_japanese_dates() {
    assert_eq!(iso("2024 년 9 월 10 일"), Some("2024-09-10".into()));
    assert_eq!(iso("9월 10일 회의를"), Some("September 10".into()));
    assert_eq!(iso("平成31年4月30日"), Some("2019-04-30".into()));
    assert_eq!(iso("令和元年5月1日"), Some("2019-05-01".into()));
    assert_eq!(iso("２０２４年９月１０日"), Some("2024-09-10".into()));
    assert_eq!(iso("令和100年5月1日"), Some("May 1".into()));
    // A Japanese date may open on the space before its month.
    assert_eq!(find_all("于 9月10日")[0].1, 3..13);
}

#[test]
fn dates_of_all_writings_come_in_order() {
    let text = "2024년 9월 10일 and 2024年9月11日 and September 12, 2024";
    let days: Vec<u32> = find_all(text).iter().map(|(d, _)| d.day).collect();
    assert_eq!(days, vec![10, 11, 12]);
}

#[test]
fn full_dates_need_their_year() {
    assert_eq!(full("Updated:Feb. 4, 2025 - The"), Some("Feb. 4, 2025"));
    assert_eq!(full("Feb. 4 2025"), None);
    assert_eq!(full("met on September 10"), None);
    assert_eq!(full("on 4 February 20251"), Some("4 February 2025"));
    assert_eq!(full("4 Feb 2025"), None);
    assert_eq!(full("2025.02.041"), Some("2025.02.04"));
    assert_eq!(full("등록일 2025 년 2 월 4 일"), Some("2025 년 2 월 4 일"));
    assert_eq!(full("2025年2月4日"), Some("2025年2月4日"));
    assert_eq!(full("2025 年2月4日"), None);
    assert_eq!(full("令和七年二月四日（火）"), Some("令和七年二月四日"));
    assert_eq!(full("令和7年 2月4日"), None);
    assert_eq!(full("٢٠٢٥-٠٢-٠٤"), Some("٢٠٢٥-٠٢-٠٤"));
}

#[test]
fn digits_of_every_script_are_digits() {
    let re = regex::Regex::new(r"^\d$").unwrap();
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(full::is_digit(c), re.is_match(&c.to_string()), "{c:?}");
    }
}

/// The patterns the scanners replace, kept as the reference they are
/// checked against.
mod oracle {
    use super::super::{Date, ERAS, MONTHS, number_of};

    fn patterns() -> Vec<regex::Regex> {
        let month = r"(?i-u:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
        let sources = [
            concat!(
                r"\b(?P<m1>M)\.? (?P<d1>D{1,2})(?i-u:st|nd|rd|th)?\b(?:,? (?P<y1>D{4})\b)?",
                r"|\b(?P<d2>D{1,2})(?i-u:st|nd|rd|th)? (?i-u:of )?(?P<m2>M)\.?,? (?P<y2>D{4})\b",
                r"|\b(?P<y3>D{4})[-./](?P<m3>D{1,2})[-./](?P<d3>D{1,2})\b"
            ),
            r"(?:(?P<y4>D{4}) ?년 ?)?(?P<m4>D{1,2}) ?월 ?(?P<d4>D{1,2}) ?일",
            r"(?:(?P<era>令和|平成)(?P<ey>D{1,2}|元)年|(?P<y5>D{4}) ?年)? ?(?P<m5>D{1,2}) ?月 ?(?P<d5>D{1,2}) ?日",
        ];
        sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let latin = i == 0;
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
                    .unwrap()
            })
            .collect()
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

    pub struct Oracle {
        patterns: Vec<regex::Regex>,
        full: regex::Regex,
    }

    impl Oracle {
        pub fn new() -> Oracle {
            Oracle {
                patterns: patterns(),
                full: regex::Regex::new(r"(?i)((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}, \d{4}|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}年\d{1,2}月\d{1,2}日|(令和|平成)\S*?年\S*?月\S*?日)").unwrap(),
            }
        }

        pub fn find_all(&self, text: &str) -> Vec<(Date, std::ops::Range<usize>)> {
            let mut found: Vec<_> = self
                .patterns
                .iter()
                .flat_map(|re| {
                    re.captures_iter(text).filter_map(|c| {
                        let whole = c.get(0)?;
                        read(&c).map(|d| (d, whole.range()))
                    })
                })
                .collect();
            found.sort_by_key(|(_, range)| range.start);
            found
        }

        pub fn first_full_date(&self, text: &str) -> Option<std::ops::Range<usize>> {
            self.full.find(text).map(|m| m.range())
        }
    }
}

/// A small deterministic generator of pseudo-random numbers (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A string of date-like pieces: month names in every case and
/// abbreviation, numbers of one to five digits (ASCII, full-width, other
/// scripts), ordinals, punctuation, the Korean and Japanese signs and
/// eras, and words around them.
fn date_like(rng: &mut Rng) -> String {
    const MONTHS_WRITTEN: &[&str] = &[
        "January",
        "jan",
        "JAN",
        "Feb",
        "february",
        "Mar",
        "March",
        "marc",
        "Apr",
        "April",
        "May",
        "mAY",
        "Mayo",
        "Jun",
        "June",
        "Junee",
        "Jul",
        "July",
        "Aug",
        "August",
        "Auguſt",
        "Sep",
        "Sept",
        "SEPT",
        "September",
        "Sepember",
        "Septe",
        "ſept",
        "Oct",
        "October",
        "Nov",
        "November",
        "Dec",
        "December",
        "Dejan",
        "xmar",
        "decs",
    ];
    const GLUE: &[&str] = &[
        " ", " ", " ", " ", "", "", ".", ",", ", ", ". ", "-", "/", "  ", "_", "\t", "\n",
        "\u{3000}", ", ", " of ", " OF ", "st", "nd", "rd", "th", "TH", "st ", "th,", "x", ":",
        "(", ")",
    ];
    const SIGNS: &[&str] = &[
        "년",
        "월",
        "일",
        "년 ",
        "월 ",
        "일",
        "年",
        "月",
        "日",
        "年 ",
        " 月",
        "元",
        "令和",
        "平成",
        "令和元年",
        "平成3年",
        "令和七年",
        "二",
        "（火）",
    ];
    const WORDS: &[&str] = &[
        "met",
        "on",
        "the",
        "Seoul",
        "Tokyo",
        "posted",
        "회의",
        "서울에서",
        "会談",
        "of",
        "a",
        "Updated:",
        "NEWS |",
        "in",
    ];
    let number = |rng: &mut Rng| -> String {
        let len = [1, 1, 2, 2, 2, 4, 4, 4, 3, 5][rng.below(10)];
        let script = rng.below(10);
        (0..len)
            .map(|i| {
                let d = if len == 4 && i == 0 {
                    [1, 2, 2, 3][rng.below(4)]
                } else if len == 4 && i == 1 {
                    [9, 0, 0, 1][rng.below(4)]
                } else {
                    rng.below(10) as u32
                };
                match script {
                    0 => char::from_u32(0xff10 + d).unwrap(),
                    1 => char::from_u32(0x660 + d).unwrap(),
                    _ => char::from_digit(d, 10).unwrap(),
                }
            })
            .collect()
    };
    let pieces = 2 + rng.below(10);
    let mut text = String::new();
    for _ in 0..pieces {
        match rng.below(9) {
            0 | 1 => text.push_str(rng.pick(MONTHS_WRITTEN)),
            2..=4 => text.push_str(&number(rng)),
            5 | 6 => text.push_str(rng.pick(GLUE)),
            7 => text.push_str(rng.pick(SIGNS)),
            _ => text.push_str(rng.pick(WORDS)),
        }
        if rng.below(3) == 0 {
            text.push_str(rng.pick(GLUE));
        }
    }
    text
}

/// Strings shaped like dates of each writing, each piece picked among
/// right and wrong writings of it, and now and then a piece of another
/// string, so that most come close to a date.
fn near_date(rng: &mut Rng) -> String {
    const MONTH: &[&str] = &[
        "Sept",
        "sep",
        "September",
        "MAY",
        "jun",
        "Auguſt",
        "Dec",
        "Mayo",
    ];
    const DAY: &[&str] = &["9", "10", "31", "07", "32", "0", "123", "１０", "٣"];
    const NUMBER: &[&str] = &["9", "12", "09", "13", "1", "０９", "٩", "123"];
    const YEAR: &[&str] = &[
        "2024",
        "1900",
        "2200",
        "1899",
        "20245",
        "２０２４",
        "٢٠٢٤",
        "202",
    ];
    let templates: &[&[&[&str]]] = &[
        &[
            MONTH,
            &[" ", ". ", ".", "  ", ","],
            DAY,
            &["", "", "st", "th", "TH", "x"],
            &[", ", " ", ",", ",  ", ". "],
            YEAR,
        ],
        &[
            DAY,
            &["", "", "st", "nd", "x"],
            &[" ", " ", "  "],
            &["", "", "of ", "Of "],
            MONTH,
            &[" ", ". ", ", ", "., ", ",. "],
            YEAR,
        ],
        &[
            YEAR,
            &["-", ".", "/", "-", " "],
            NUMBER,
            &["-", ".", "/", "-", " "],
            DAY,
        ],
        &[
            &["", "", " "],
            YEAR,
            &["년", " 년", "년 ", "년  ", "\u{3000}년", ""],
            NUMBER,
            &["월", " 월 ", "월 ", "  월", "月"],
            DAY,
            &["일", " 일", "\t일", "日"],
        ],
        &[
            &["", "", " ", "令和", "平成", "令和 "],
            &["", "", "元", "七", "3"],
            YEAR,
            &["年", " 年", "年 ", "", "년"],
            NUMBER,
            &["月", " 月 ", "月 ", "月", "월"],
            DAY,
            &["日", " 日", "日", "일"],
        ],
    ];
    let template = templates[rng.below(templates.len())];
    let mut text = String::from(rng.pick(&["", "", "on ", "x", "(", "1", "会談 ", "서울 ", "_"]));
    for &choices in template {
        if rng.below(40) == 0 {
            text.push_str(&date_like(rng));
        } else if rng.below(2) == 0 {
            // The first choice is a right writing.
            text.push_str(choices[0]);
        } else {
            text.push_str(rng.pick(choices));
        }
    }
    text.push_str(rng.pick(&["", "", ".", " met", "1", "_", "日", "th", " 2024", "x"]));
    text
}

#[test]
fn scanners_read_as_the_patterns_did() {
    let oracle = oracle::Oracle::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut dates, mut full_dates) = (0, 0);
    for i in 0..40_000 {
        let text = if i % 2 == 0 {
            date_like(&mut rng)
        } else {
            near_date(&mut rng)
        };
        let expected = oracle.find_all(&text);
        assert_eq!(find_all(&text), expected, "find_all({text:?})");
        let expected_full = oracle.first_full_date(&text);
        assert_eq!(
            first_full_date(&text),
            expected_full,
            "first_full_date({text:?})"
        );
        dates += usize::from(!expected.is_empty());
        full_dates += usize::from(expected_full.is_some());
    }
    // The corpus comes near enough to dates that many are read.
    assert!(dates > 4_000 && full_dates > 4_000, "{dates} {full_dates}");
}
