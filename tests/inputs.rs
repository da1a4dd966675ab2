//! Each input kind compares equal to the plain-text statement it carries,
//! and each bad input is a one-line error with exit 2.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

use crate::util::{cmd, corpus, temp};

fn same(a: &str, b: &str) {
    cmd()
        .args([a, b])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No changes"));
}

#[test]
fn saved_web_page_equals_its_text() {
    same(&corpus("pages/15th.html"), &corpus("dtt/15th.txt"));
}

#[test]
fn web_page_detected_by_content_without_extension() {
    let html = std::fs::read(corpus("pages/15th.html")).unwrap();
    let page = temp(".txt", &html);
    same(page.path().to_str().unwrap(), &corpus("dtt/15th.txt"));
}

#[test]
fn markdown_equals_its_text() {
    let text = std::fs::read_to_string(corpus("dtt/14th.txt")).unwrap();
    let mut paragraphs = text.split("\n\n");
    let title = paragraphs.next().unwrap();
    let body: Vec<String> = paragraphs.map(|p| format!("*{}*", p.trim())).collect();
    let md = format!("# {title}\n\n{}\n", body.join("\n\n"));
    let file = temp(".md", md.as_bytes());
    same(file.path().to_str().unwrap(), &corpus("dtt/14th.txt"));
}

/// Greedy wrapping at `width` with no blank lines between paragraphs, as
/// text copied out of a PDF often comes.
fn pdf_copy(text: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn pdf_copied_text_without_blank_lines_equals_the_statement() {
    let text = std::fs::read_to_string(corpus("dtt/14th.txt")).unwrap();
    // At 60 columns the title plus the next word no longer fit on one line,
    // so nothing in the text tells a title from a wrapped line; at 80 a
    // paragraph ends on a full line (see README, Limitations).
    for width in [72, 90, 100] {
        let file = temp(".txt", pdf_copy(&text, width).as_bytes());
        same(file.path().to_str().unwrap(), &corpus("dtt/14th.txt"));
    }
}

#[test]
fn korean_rounds_diff_by_words() {
    cargo_bin_cmd!("statement-diff")
        .args([
            "--color",
            "never",
            "--width",
            "0",
            &corpus("dtt-ko/14th.txt"),
            &corpus("dtt-ko/15th.txt"),
        ])
        .assert()
        .code(1)
        // The titles are in the header, not a reworded paragraph.
        .stdout(predicate::str::contains(
            "제15차 한미일 안보회의(DTT) 공동성명  (10 paragraphs",
        ))
        .stdout(predicate::str::contains("[-제14차-]{+제15차+}").not())
        .stdout(predicate::str::contains("강력히 규탄"));
}

#[test]
fn html_page_with_no_text_is_an_error() {
    let page = temp(
        ".html",
        b"<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>",
    );
    cargo_bin_cmd!("statement-diff")
        .args([page.path().to_str().unwrap(), &corpus("dtt/14th.txt")])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("no statement text").and(predicate::str::contains(".html")),
        );
}

#[test]
fn chrome_rules_file_is_validated() {
    let rules = temp(".rules", b"footer ^x$\n");
    cargo_bin_cmd!("statement-diff")
        .args([
            "--chrome-rules",
            rules.path().to_str().unwrap(),
            &corpus("dtt/14th.txt"),
            &corpus("dtt/14th.txt"),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1").and(predicate::str::contains("footer")));
}

#[test]
fn own_chrome_rule_sets_a_line_aside() {
    let text = std::fs::read_to_string(corpus("dtt/14th.txt")).unwrap();
    let page = temp(
        ".txt",
        format!("Example Ministry Newsroom\n\n{text}").as_bytes(),
    );
    let rules = temp(".rules", b"header ^example ministry newsroom$\n");
    cargo_bin_cmd!("statement-diff")
        .env("NO_COLOR", "1")
        .args([
            "--chrome-rules",
            rules.path().to_str().unwrap(),
            page.path().to_str().unwrap(),
            &corpus("dtt/14th.txt"),
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("set aside 1 block"));
}

#[test]
fn keep_chrome_reports_the_page_furniture() {
    cargo_bin_cmd!("statement-diff")
        .args([
            "--keep-chrome",
            &corpus("pages/14th-usindopacom-page.txt"),
            &corpus("dtt/14th.txt"),
        ])
        .assert()
        .code(1);
}

/// The statement with its paragraphs separated by one line break instead of
/// a blank line, as mirror and news sites copy them.
fn single_breaks(text: &str) -> String {
    text.replace("\n\n", "\n")
}

#[test]
fn mirror_copy_with_single_line_breaks_equals_the_statement() {
    for path in ["dtt/14th.txt", "dtt/18th.txt", "dtt-ko/15th.txt"] {
        let text = std::fs::read_to_string(corpus(path)).unwrap();
        let file = temp(".txt", single_breaks(&text).as_bytes());
        same(file.path().to_str().unwrap(), &corpus(path));
    }
}

#[test]
fn title_glued_by_one_line_break_is_the_title() {
    let text = std::fs::read_to_string(corpus("dtt/15th.txt")).unwrap();
    let glued = text.replacen("\n\n", "\n", 1);
    let file = temp(".txt", glued.as_bytes());
    same(file.path().to_str().unwrap(), &corpus("dtt/15th.txt"));
    cmd()
        .args(["--show-paragraphs", file.path().to_str().unwrap()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "title: Joint Statement of the 15th Defense Trilateral Talks",
        ));
}

/// A ministry page in Japanese: title, date, then paragraphs one to a
/// line, with no blank line anywhere.
const JAPANESE_PAGE: &str = "第5回日米韓海上保安実務者会合 共同声明(仮訳)\n令和6年3月1日\n2024年2月29日、東京において、三か国の海上保安当局の実務者が会合を開催し、海上における捜索救助の協力について意見を交換した。\n三者は、合同訓練を年に二回実施することで一致した。\n三者は、次回の会合を釜山で開催することを確認した。\n";

#[test]
fn japanese_ministry_page_with_single_breaks_reads_its_paragraphs() {
    let spaced = JAPANESE_PAGE.replace('\n', "\n\n");
    let single = temp(".txt", JAPANESE_PAGE.as_bytes());
    let blank = temp(".txt", spaced.as_bytes());
    same(
        single.path().to_str().unwrap(),
        blank.path().to_str().unwrap(),
    );
    cmd()
        .args(["--show-paragraphs", single.path().to_str().unwrap()])
        .assert()
        .code(0)
        // The title and the posting date are metadata, not paragraphs.
        .stdout(predicate::str::contains("(3 paragraphs"))
        .stdout(predicate::str::contains("¶2   三者は、合同訓練を"));
}

#[test]
fn pdf_copy_with_running_headers_equals_the_statement() {
    let text = std::fs::read_to_string(corpus("dtt/14th.txt")).unwrap();
    // At 72 columns no paragraph ends on a full line (where nothing tells
    // its end from a wrap).
    let wrapped = pdf_copy(&text, 72);
    // A running header with the page number every 12 lines, wherever it
    // falls (mostly inside paragraphs).
    let mut paged = String::new();
    for (i, line) in wrapped.lines().enumerate() {
        if i % 12 == 11 {
            paged.push_str(&format!("14th DTT Joint Statement     {}\n", i / 12 + 2));
        }
        paged.push_str(line);
        paged.push('\n');
    }
    assert!(paged.matches("14th DTT Joint Statement").count() >= 3);
    let file = temp(".txt", paged.as_bytes());
    same(file.path().to_str().unwrap(), &corpus("dtt/14th.txt"));
    // The headers are set aside and listed, not dropped.
    cmd()
        .args(["--show-paragraphs", file.path().to_str().unwrap()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "line 12   14th DTT Joint Statement 2",
        ))
        .stdout(predicate::str::contains(
            "line 25   14th DTT Joint Statement 3",
        ));
}
