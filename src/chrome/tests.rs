//! Tests of the chrome rules: the quick tests, reading rules files, and setting chrome aside.

use super::pattern::{Filter, Piece};
use super::rules::compile;
use super::*;

fn blocks(texts: &[&str]) -> Vec<Block> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Block::text(*t, i + 1))
        .collect()
}

const BODY: &str =
    "The three sides affirmed their enduring commitment to strengthening trilateral cooperation.";

/// Lines from the corpus and the test fixtures, and chrome of every kind.
fn sample_lines() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.extend(text.lines().map(str::to_string));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines = Vec::new();
    walk(&root.join("corpus"), &mut lines);
    walk(&root.join("tests/fixtures"), &mut lines);
    lines.extend(
        [
            "An official website of the United States government",
            "An official website of the United States government.",
            "A .mil website belongs to an official U.S. Department of Defense organization",
            "A lock ( ) or https:// means you\u{2019}ve safely connected",
            "Official websites use .gov",
            "Secure .gov websites use HTTPS",
            "Here\u{2019}s how you know",
            "Skip to main content",
            "SKIP TO CONTENT",
            "Home : Media : News : News Article View",
            "Home > News",
            "Home\u{203a} Press",
            "News Article View",
            "Press Releases",
            "Briefings & Statements",
            "Speeches and Remarks",
            "STATEMENTS AND RELEASES",
            "Newsroom",
            "For Immediate Release",
            "IMMEDIATE RELEASE",
            "Release No: NR-123-24",
            "Page 2 of 3",
            "- 2 -",
            "2 / 3",
            "Release No.:NR-1",
            "Release No: NR-2025-0412 | June 3, 2025",
            "News Release No. 24-118 \u{b7} Sept. 23, 2024",
            "U.S. Department of Defense",
            "Department of State",
            "Office of the Spokesperson",
            "USINDOPACOM",
            "By DOD News",
            "DoD News",
            "Share Print Email",
            "Facebook X LinkedIn",
            "x",
            "NEWS | April 26, 2024",
            "Joint Statement | 2024",
            "Joint Statement |April 2024",
            "April 26, 2024",
            "26 April 2024",
            "2024-04-26",
            "\u{ff12}\u{ff10}\u{ff12}\u{ff14}.04.26.",
            "Posted on: April 26, 2024",
            "Updated 2024",
            "본문 바로가기",
            "홈 > 알림마당 > 보도자료",
            "홈>알림",
            "보도자료",
            "작성자 : 홍길동",
            "담당부서",
            "Ministry of National Defense, Republic of Korea",
            "MOFA",
            "本文へ",
            "ホーム > 報道発表",
            "報道発表",
            "Japan Ministry of Defense",
            "2024년 4월 26일",
            "2024 년 4 월 26 일 (금)",
            "令和6年4月26日",
            "2024年4月26日",
            "Officials pose for a photo in Seoul. (U.S. Navy photo by Petty Officer Jane Doe)",
            "(Photo courtesy of MND)",
            "(DoD photos/ Jane Doe)",
            "Photo by Jane Doe",
            "Image credit: MND",
            "Related",
            "Related News:",
            "Related Links: a, b",
            "See Also",
            "Tags",
            "Tag: DPRK",
            "Share this article",
            "Back to top",
            "본문 바로가기주메뉴 바로가기",
            "제목",
            "대변인실",
            "1,234",
            "587",
            "첨부파일",
            "제15차 DTT 공동성명.hwp",
            "joint-statement.hwpx",
            "Joint Statement.pdf",
            "statement.doc",
            "statement.docx",
            "English",
            "その他の言語",
            "文字サイズの変更",
            "（参考）共同声明（英文）（PDF）",
            "Joint Statement (PDF 245 KB)",
            "共同声明（PDF）別ウィンドウで開く",
            "報道発表へ戻る",
            "関連リンク",
            "목록으로 돌아가기",
            "Home",
            "Stay Connected",
            "Sign Up",
            "Subscribe to our newsletter",
            "Sign up for email updates",
            "Facebook | X | Email | Print",
            "Facebook/Twitter",
            "사진 : 국방부",
            "写真=防衛省",
            "목록",
            "이전글 제목",
            "###",
            "- 30 -",
            "-30-",
            "- END -",
            "-fin-",
            "CONNECT WITH USINDOPACOM",
            "Follow us",
            "Stay connected dod",
            "IN THE USINDOPACOM NEWS",
            "Related News",
            "More Stories:",
            "Media Contact: press@example.org",
            "Press inquiries",
            "For further information, please contact the office",
            "For more information contact us",
            "Privacy & Security",
            "Accessibility | FOIA",
            "Site Map",
            "Copyright 2024",
            "(c) 2024",
            "\u{a9} 2024 DoD",
            "관련기사",
            "お問い合わせ先",
            "Menu",
            "Search this site",
            "Views: 1,234",
            "WASHINGTON --",
            "SEOUL -",
            "Last updated: 26 April 2024",
            "Date: 2024-04-24 | Views: 1,234",
            "Category: Statements",
            "Topics: Defense, Japan",
            "Attachments: statement.pdf (120 KB)",
            "Previous: Minister visits troops",
            "Next article: Talks with Australia",
            "List",
            "End",
            "(END)",
            "끝.",
            "以上",
            "The officials met.",
            "Related to this, the officials discussed the Department of Defense budget.",
            "Tagging along, the ministers followed up on earlier work.",
            "Share the burden, they said, and stand together.",
            "- Conduct the fourth FREEDOM EDGE exercise.",
            "In the Indo-Pacific news",
            "Begin text:",
            "start text",
            "Start of statement.",
            "End text.",
            "End of statement",
            "The following statement was released by the governments of the three countries:",
            "The text of the following joint statement was released by the Governments of the United States and Japan.",
            "The following is the joint statement issued by the Secretary and the Ministers.",
            "(Photo: Ministry of National Defense)",
            "(Yonhap photo)",
            "File photo: the ministers in Seoul",
            "문의처: 대변인실",
            "このページに関するお問い合わせ",
        ]
        .map(str::to_string),
    );
    lines
}

#[test]
fn quick_tests_never_turn_away_a_matching_line() {
    let lines = sample_lines();
    let mut matched = 0;
    for rule_line in BUILTIN_RULES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let pattern = rule_line
            .split_once(char::is_whitespace)
            .map_or("", |(_, p)| p.trim());
        let filter = Filter::of(pattern);
        assert!(filter.is_some(), "{pattern}: no quick test");
        let regex = compile(pattern).unwrap();
        let mut hits = 0;
        for line in &lines {
            let line = Line::new(line);
            if regex.is_match(line.key()) {
                hits += 1;
                assert!(
                    filter.as_ref().is_none_or(|f| f.passes(&line)),
                    "{pattern} matches {:?} but its quick test turns it away",
                    line.key()
                );
            }
        }
        assert!(hits > 0, "no sample line for {pattern}");
        matched += hits;
    }
    assert!(matched > 40);
}

#[test]
fn quick_tests_turn_away_statement_prose() {
    let chrome = Chrome::builtin();
    for text in [
        "Joint Statement of the 15th Defense Trilateral Talks",
        "The officials pledged to continue working closely together to strengthen security cooperation among their three countries (ROK, Japan, U.S.).",
    ] {
        let line = Line::new(text);
        let passing: Vec<&str> = chrome
            .rules
            .iter()
            .filter(|r| r.filter.as_ref().is_none_or(|f| f.passes(&line)))
            .map(|r| r.regex.pattern.as_str())
            .collect();
        assert!(passing.is_empty(), "{text}: {passing:?}");
    }
}

#[test]
fn reads_the_syntax_it_knows_and_gives_up_on_the_rest() {
    let f = Filter::of(r"^(for )?immediate release$").unwrap();
    assert!(f.anchored);
    assert_eq!(f.starts.len(), 2);
    assert_eq!(f.ends, "immediate release");
    let f = Filter::of(r"(?x) a b").or(Filter::of(r"^a|b"));
    assert!(f.is_none());
    assert!(Filter::of(r"\1").is_none());
    assert!(Filter::of(r"a\b{start}").is_none());
    let f = Filter::of(r"[)|(]x\)$").unwrap();
    assert_eq!((f.anchored, f.ends.as_str()), (false, "x)"));
    assert_eq!(f.contains, [')', 'x']);
    let f = Filter::of(r"^\u{00A9}\x41{2,}").unwrap();
    assert_eq!(f.starts.len(), 1);
    assert_eq!(*f.starts[0], [Piece::Char('\u{a9}'), Piece::Char('a')]);
    // A character with case other than ASCII is not tested.
    let f = Filter::of("^\u{c9}cole").unwrap();
    assert!(f.starts.is_empty());
}

#[test]
fn user_rules_compile_when_read_and_builtin_ones_when_needed() {
    let chrome = Chrome::builtin();
    assert!(chrome.rules.iter().all(|r| r.regex.regex.get().is_none()));
    let chrome = Chrome::parse("header ^x+$\n").unwrap();
    assert!(chrome.rules[0].regex.regex.get().is_some());
    assert_ne!(chrome.line_chrome("XX"), LineChrome::None);
    assert_eq!(chrome.line_chrome("xy"), LineChrome::None);
}

#[test]
fn builtin_rules_compile() {
    let chrome = Chrome::parse(BUILTIN_RULES).unwrap();
    assert!(chrome.rules.iter().all(|r| r.regex.get().is_some()));
    // The same rules read as a user's file are compiled as they are read.
    let copy = format!("# a copy\n{BUILTIN_RULES}");
    assert!(Chrome::parse(&copy).is_ok());
}

#[test]
fn bad_rules_name_the_line() {
    let err = Chrome::parse("# c\nheader ^ok$\nfooter ^x$\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.reason.contains("footer"));
    let err = Chrome::parse("end (unclosed\n").unwrap_err();
    assert!(err.reason.starts_with("bad pattern"), "{}", err.reason);
}

#[test]
fn seed_layout_keeps_title_and_body() {
    let stripped = Chrome::builtin().strip(blocks(&[
        "An official website of the United States government",
        "Home : Media : News : News Article View",
        "NEWS | April 26, 2024",
        "Joint Statement of the 14th Defense Trilateral Talks",
        "U.S. Department of Defense",
        BODY,
        "The officials pledged to continue working closely together.",
        "CONNECT WITH USINDOPACOM",
        "IN THE USINDOPACOM NEWS",
        "U.S. Army Japan Begins North Wind 25",
    ]));
    let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        kept,
        [
            "Joint Statement of the 14th Defense Trilateral Talks",
            BODY,
            "The officials pledged to continue working closely together."
        ]
    );
    assert_eq!(
        stripped.title.as_deref(),
        Some("Joint Statement of the 14th Defense Trilateral Talks")
    );
    assert_eq!(stripped.date.as_deref(), Some("April 26, 2024"));
    assert_eq!(stripped.set_aside.len(), 7);
    // Set aside by what they are: none of these lines is named by a rule.
    let why: Vec<(RuleKind, &str)> = stripped.set_aside.iter().map(|s| (s.rule, s.why)).collect();
    assert_eq!(why[1], (RuleKind::Structure, "links"));
    assert_eq!(why[5], (RuleKind::Structure, "label"));
}

#[test]
fn a_label_ends_the_statement_only_when_no_prose_follows() {
    // "Attachment" heading a statement's annex stays; "Tags" before a
    // list of tags and links ends it.
    let stripped = Chrome::builtin().strip(blocks(&[
        "Title",
        BODY,
        "Attachment",
        "The Ministers agreed to hold the next meeting in Tokyo in 2026.",
        "Tags",
        "Japan",
        "Republic of Korea",
    ]));
    let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        kept,
        [
            "Title",
            BODY,
            "Attachment",
            "The Ministers agreed to hold the next meeting in Tokyo in 2026."
        ]
    );
    assert_eq!(stripped.set_aside[0].rule, RuleKind::Structure);
    assert_eq!(stripped.set_aside.len(), 3);
}

#[test]
fn end_rules_wait_for_the_body() {
    // "Related News" above the statement is a header link, not its end.
    let stripped = Chrome::builtin().strip(blocks(&[
        "Related News",
        "Joint Statement on the Talks",
        BODY,
        "###",
        "Media Contact: press@example.org",
    ]));
    let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(kept, ["Joint Statement on the Talks", BODY]);
    assert_eq!(stripped.set_aside[1].rule, RuleKind::End);
}

#[test]
fn photo_captions_and_share_bars_go_anywhere() {
    let stripped = Chrome::builtin().strip(blocks(&[
        BODY,
        "Officials pose for a photo in Seoul. (U.S. Navy photo by Petty Officer Jane Doe)",
        "Facebook | X | Email | Print",
        "They agreed to meet again next year in Tokyo, Japan.",
    ]));
    assert_eq!(stripped.kept.len(), 2);
}

#[test]
fn statement_sentences_that_resemble_chrome_stay() {
    let stripped = Chrome::builtin().strip(blocks(&[
        BODY,
        "Related to this, the officials discussed the Department of Defense budget.",
        "Tagging along, the ministers followed up on earlier work.",
        "Share the burden, they said, and stand together.",
    ]));
    assert_eq!(stripped.kept.len(), 4, "{:?}", stripped.set_aside);
}

#[test]
fn korean_and_japanese_pages() {
    let stripped = Chrome::builtin().strip(blocks(&[
        "본문 바로가기",
        "홈 > 알림마당 > 보도자료",
        "2024년 4월 26일",
        "제14차 한미일 안보회의 공동보도문",
        "한미일 3국은 북한의 핵·미사일 위협을 억제하기 위한 3국 간 협력을 강화하기로 하였다.",
        "목록",
    ]));
    let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(stripped.date.as_deref(), Some("2024년 4월 26일"));
}

#[test]
fn no_rules_keeps_everything() {
    let stripped = Chrome::none().strip(blocks(&["NEWS | April 26, 2024", BODY]));
    assert_eq!(stripped.kept.len(), 2);
    assert!(stripped.set_aside.is_empty());
}
