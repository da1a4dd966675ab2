//! The JSON, Markdown and HTML reports: snapshots of the 14th → 15th Defense
//! Trilateral Talks pair built through the library, and the properties a
//! user would notice — JSON that reads back as the YAML document, a
//! Markdown redline that renders and cannot be broken by the statement's
//! own characters, an HTML page that escapes hostile text and loads nothing
//! from outside.
//!
//! Paths are given relative to the crate root ("corpus/dtt/14th.txt"), so
//! the snapshots do not depend on where the checkout lives. Update after a
//! deliberate change with `INSTA_UPDATE=always cargo test --test integration formats::`,
//! then read the `.snap` diffs.

use serde_json::Value;
use statement_diff::chrome::Chrome;
use statement_diff::document::Document;
use statement_diff::report::yaml::YamlReport;
use statement_diff::report::{html, json, markdown};
use statement_diff::{Options, Report, compare};

use crate::util::{ROOT, assert_snapshot};

/// Reads a corpus file, naming it by its path relative to the crate root.
fn document(path: &str) -> Document {
    let full = format!("{ROOT}/{path}");
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    Document::from_text(path, &text, &Chrome::builtin())
}

fn dtt_14th_to_15th() -> Report {
    compare(
        &document("corpus/dtt/14th.txt"),
        &document("corpus/dtt/15th.txt"),
        &Options::default(),
    )
}

/// Two statements whose words are out to break the report: markup, HTML,
/// a script, a link, table pipes, a heading mark and a list marker.
fn hostile() -> Report {
    let chrome = Chrome::builtin();
    let old = Document::from_text(
        "old <b>\"x\"</b>.txt",
        "Joint Statement of the 1st Talks\n\n\
         The officials met in Seoul on *May 1* and discussed [the plan](http://example.com).\n\n\
         They condemned the launches.\n\n\
         # 3 | the table | ends here\n",
        &chrome,
    );
    let new = Document::from_text(
        "new's.txt",
        "Joint Statement of the 2nd Talks\n\n\
         The officials met in <script>alert(1)</script> Seoul on _May 2_ and discussed [the plan](http://example.com).\n\n\
         They strongly condemned the <img src=x onerror=alert(2)> launches & `tests`.\n\n\
         - 1. a list ~~item~~ \\ here\n",
        &chrome,
    );
    compare(&old, &new, &Options::default())
}

#[test]
fn json_snapshot() {
    assert_snapshot!("json_snapshot", json::render(&dtt_14th_to_15th()));
}

#[test]
fn markdown_snapshot() {
    assert_snapshot!("markdown_snapshot", markdown::render(&dtt_14th_to_15th()));
}

#[test]
fn html_snapshot() {
    assert_snapshot!("html_snapshot", html::render(&dtt_14th_to_15th()));
}

/// Equal JSON values, numbers within a rounding error (serde_json reads
/// back the shortest float text to within one unit in the last place).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(1.0),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        _ => a == b,
    }
}

#[test]
fn json_reads_back_as_the_yaml_document() {
    let report = dtt_14th_to_15th();
    let text = json::render(&report);
    assert!(text.ends_with("}\n"), "ends with a newline");
    let parsed: Value = serde_json::from_str(&text).expect("the JSON report parses");
    let expected = serde_json::to_value(YamlReport::from_report(&report)).expect("DTO to JSON");
    assert!(same(&parsed, &expected), "JSON differs from the YAML DTO");
    // The top-level fields in the order the YAML report writes them.
    let json_keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  \"")?.split_once('"'))
        .map(|(key, _)| key)
        .collect();
    let yaml = statement_diff::report::yaml::render(&report);
    let yaml_keys: Vec<&str> = yaml
        .lines()
        .filter(|l| !l.starts_with([' ', '-', '#']))
        .filter_map(|l| l.split_once(':'))
        .map(|(key, _)| key)
        .collect();
    assert_eq!(json_keys, yaml_keys);
    assert_eq!(&json_keys[..3], ["schema", "tool", "settings"]);
    let back: YamlReport = serde_json::from_str(&text).expect("reads as the DTO");
    assert_eq!(back.schema, "statement-diff/1");
    assert_eq!(back.old.path, "corpus/dtt/14th.txt");
    assert_eq!(back.summary.reworded, report.summary.reworded);
    assert_eq!(back.changes.len(), report.changes.len());
    assert_eq!(back.digest, statement_diff::report::digest::digest(&report));
}

#[test]
fn renderers_are_deterministic() {
    let (a, b) = (dtt_14th_to_15th(), dtt_14th_to_15th());
    assert_eq!(json::render(&a), json::render(&b));
    assert_eq!(markdown::render(&a), markdown::render(&b));
    assert_eq!(html::render(&a), html::render(&b));
}

#[test]
fn markdown_is_a_redline_with_the_digest_on_top() {
    let report = dtt_14th_to_15th();
    let md = markdown::render(&report);
    assert!(
        md.starts_with("## statement-diff: corpus/dtt/14th.txt \u{2192} corpus/dtt/15th.txt\n")
    );
    assert!(md.contains(
        "| new | corpus/dtt/15th.txt | Joint Statement of the 15th Defense Trilateral Talks |"
    ));
    assert!(!md.contains("Joint Statement of the ~~14th~~"));
    assert!(md.contains("~~later this~~ **next** year"));
    assert!(
        md.contains("1 unchanged \u{b7} 3 added \u{b7} 2 removed \u{b7} 5 reworded \u{b7} 1 moved")
    );
    // The digest comes first, as a bullet list.
    let digest = md.find("### What changed").expect("digest heading");
    let commitments = md.find("### Commitments").expect("commitments heading");
    let paragraphs = md.find("### Paragraphs").expect("paragraphs heading");
    assert!(digest < commitments && commitments < paragraphs);
    assert!(md.contains("\n- no longer mentioned: Ukraine\n"));
    assert!(md.contains("\u{b7} stronger language"));
    // Long paragraphs fold; short ones do not.
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
    assert!(md.contains("<details><summary>Whole paragraph (126 words)</summary>"));
    assert!(!md.contains("<script"));
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

/// Bold means inserted words and nothing else: every bold run is words of
/// the new statement, and no label is bold.
#[test]
fn markdown_bold_is_only_inserted_words() {
    let report = dtt_14th_to_15th();
    let md = markdown::render(&report);
    let new = std::fs::read_to_string(crate::util::corpus("dtt/15th.txt")).unwrap();
    let new = new.split_whitespace().collect::<Vec<_>>().join(" ");
    let runs: Vec<&str> = md.split("**").skip(1).step_by(2).collect();
    assert!(runs.len() > 10, "{md}");
    for run in runs {
        let words = run.replace('\\', "");
        assert!(new.contains(&words), "bold {run:?} is not inserted text");
    }
    assert!(md.contains("\nParagraphs: 1 unchanged"), "{md}");
    assert!(md.contains("\n#### Reworded\n"), "{md}");
}

#[test]
fn markdown_escapes_statement_text() {
    let md = markdown::render(&hostile());
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(md.contains("\\[the plan\\](http://example.com)"), "{md}");
    assert!(md.contains("\\_May 2\\_"), "{md}");
    assert!(md.contains("\\`tests\\`"), "{md}");
    assert!(md.contains("\\~\\~item\\~\\~ \\\\ here"), "{md}");
    assert!(md.contains("\\# 3 \\| the table \\| ends here"), "{md}");
    assert!(md.contains("old &lt;b&gt;\"x\"&lt;/b&gt;.txt"), "{md}");
    // The only raw HTML is the tool's own folding tags.
    for line in md.lines() {
        if let Some(k) = line.find('<') {
            let rest = &line[k..];
            assert!(
                rest.starts_with("<details>") || rest.starts_with("</details>"),
                "raw HTML in: {line}"
            );
        }
    }
    // No line starts a list, heading or quote by accident.
    for line in md
        .lines()
        .filter(|l| !l.starts_with(['#', '-', '|', '*', '<']))
    {
        assert!(
            !line.starts_with(['>', '+', '=']) && !line.starts_with("1."),
            "{line}"
        );
    }
}

#[test]
fn html_is_one_offline_page() {
    let page = html::render(&dtt_14th_to_15th());
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains(
        "<title>statement-diff: corpus/dtt/14th.txt \u{2192} corpus/dtt/15th.txt</title>"
    ));
    // Nothing loaded from elsewhere, no script needed.
    for needle in ["http", "src=", "<link", "url(", "@import", "<script"] {
        assert!(!page.contains(needle), "page contains {needle}");
    }
    // Every change has an anchor and a link to it, an inline redline and a
    // side-by-side view.
    let changes = dtt_14th_to_15th().changes.len();
    for k in 1..=changes {
        assert!(page.contains(&format!("id=\"change-{k}\"")), "change-{k}");
        assert!(
            page.contains(&format!("href=\"#change-{k}\"")),
            "link to change-{k}"
        );
    }
    assert_eq!(page.matches("<div class=\"inline\">").count(), changes);
    assert_eq!(page.matches("<div class=\"sbs\">").count(), changes);
    assert!(page.contains(
        "<h1>Joint Statement of the 14th Defense Trilateral Talks \u{2192} Joint Statement of the 15th"
    ));
    assert!(!page.contains("Joint Statement of the <del>14th</del><ins>15th</ins> Defense"));
    assert!(page.contains("the <del>14th</del> Defense Trilateral Talks"));
    assert!(page.contains("the <ins>15th</ins> Defense Trilateral Talks"));
    assert!(page.contains("@media print"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn html_escapes_hostile_text() {
    let page = html::render(&hostile());
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(page.contains("launches &amp; `tests`"));
    assert!(page.contains("old &lt;b&gt;&quot;x&quot;&lt;/b&gt;.txt"));
    assert!(page.contains("new&#39;s.txt"));
    // The only link targets are the page's own anchors.
    for (k, _) in page.match_indices("href=\"") {
        assert!(
            page[k + 6..].starts_with("#change-"),
            "{}",
            &page[k..k + 40]
        );
    }
}

#[test]
fn identical_statements_say_so() {
    let doc = document("corpus/dtt/14th.txt");
    let report = compare(&doc, &doc, &Options::default());
    assert!(report.is_same());
    let no_changes = "No changes: the two statements say the same thing.";
    assert!(markdown::render(&report).contains(no_changes));
    let page = html::render(&report);
    assert!(page.contains(no_changes) && page.ends_with("</html>\n"));
    assert!(!page.contains("id=\"change-"));
    let back: YamlReport = serde_json::from_str(&json::render(&report)).expect("parses");
    assert!(back.changes.is_empty());
}

/// The HTML page shows one view at a time: the inline redline by default
/// (the side-by-side view hidden by CSS alone), radio buttons before the
/// changes to switch.
#[test]
fn html_shows_one_view_at_a_time() {
    let page = html::render(&dtt_14th_to_15th());
    let inline = page
        .find("id=\"view-inline\" checked>")
        .expect("inline checked");
    let sbs = page.find("id=\"view-sbs\">").expect("side-by-side button");
    let first = page.find("<article").expect("a change");
    assert!(inline < first && sbs < first);
    assert!(page.contains(".sbs { display: none; }"));
    assert!(page.contains("#view-sbs:checked ~ .change .sbs { display: grid; }"));
    assert!(page.contains("#view-sbs:checked ~ .change .inline { display: none; }"));
    assert!(!page.contains("view-both") && !page.contains(":has("));
}

/// The page's language comes from the statements' script, and Korean words
/// are kept whole.
#[test]
fn html_language_follows_the_statements() {
    let chrome = Chrome::none();
    let pair = |old: &str, new: &str| {
        let old = Document::from_text("old.txt", old, &chrome);
        let new = Document::from_text("new.txt", new, &chrome);
        html::render(&compare(&old, &new, &Options::default()))
    };
    let ko = pair(
        "3국 장관은 서울에서 회의를 개최하였다.\n\n장관들은 북한의 미사일 발사를 규탄하였다.",
        "3국 장관은 도쿄에서 회의를 개최하였다.\n\n장관들은 북한의 미사일 발사를 강력히 규탄하였다.",
    );
    assert!(ko.contains("<html lang=\"ko\">"), "{}", &ko[..200]);
    assert!(ko.contains(":lang(ko) { word-break: keep-all;"));
    let ja = pair(
        "三か国の閣僚は東京で会合を開催した。\n\n閣僚は北朝鮮の発射を非難した。",
        "三か国の閣僚はソウルで会合を開催した。\n\n閣僚は北朝鮮の発射を強く非難した。",
    );
    assert!(ja.contains("<html lang=\"ja\">"), "{}", &ja[..200]);
    let en = html::render(&dtt_14th_to_15th());
    assert!(en.contains("<html lang=\"en\">"));
    // An English old side beside a Korean new one: its column says so.
    let mixed = pair(
        "The ministers met in Seoul.\n\nThey condemned the launches.",
        "3국 장관은 서울에서 회의를 개최하였다.\n\n장관들은 북한의 미사일 발사를 규탄하였다.",
    );
    assert!(mixed.contains("<html lang=\"ko\">"));
    assert!(mixed.contains("<div class=\"col\" lang=\"en\">"), "{mixed}");
}

/// HTML and Markdown give each input's SHA-256 and list the blocks set
/// aside as page chrome, collapsed.
#[test]
fn html_and_markdown_list_the_inputs_and_what_was_set_aside() {
    let report = compare(
        &document("corpus/pages/14th-usindopacom-page.txt"),
        &document("corpus/dtt/15th.txt"),
        &Options::default(),
    );
    let n = report.old.set_aside.len();
    assert!(n > 0);
    let page = html::render(&report);
    let md = markdown::render(&report);
    for text in [&page, &md] {
        assert!(text.contains(&report.old.sha256) && text.contains(&report.new.sha256));
        assert!(text.contains(&format!("{n} blocks set aside as page chrome</summary>")));
    }
    let first = &report.old.set_aside[0];
    assert!(page.contains(&format!("(line {}, {})", first.line, first.rule.name())));
    assert!(md.contains("  1. "), "{md}");
    assert!(md.trim_end().ends_with("</details>"));
    // Capped, the Markdown keeps the inputs whole.
    let mut capped = Vec::new();
    markdown::write_capped(&mut capped, &report, Some(8000)).unwrap();
    let capped = String::from_utf8(capped).unwrap();
    assert!(
        capped.len() <= 8000 && capped.contains(&report.new.sha256),
        "{}",
        capped.len()
    );
}

/// The digest quotes a commitment to the end of its first phrase, not seven
/// words in ("…working group on…"), and a short reworded commitment has
/// every edit listed (the one "more" hid may be the one that matters).
#[test]
fn quotes_reach_the_informative_noun_and_short_commitments_list_every_edit() {
    let chrome = Chrome::none();
    let old = Document::from_text(
        "old.txt",
        "The ministers met in Lima.\n\n\
         The ministers agreed to hold the next meeting in Tokyo in May with senior officials.",
        &chrome,
    );
    let new = Document::from_text(
        "new.txt",
        "The ministers met in Lima.\n\n\
         The ministers welcomed the launch of the trilateral working group on maritime security \
         cooperation, and asked it to report within a year.\n\n\
         The ministers agreed to hold the third meeting in Seoul in June with defense officials.",
        &chrome,
    );
    let report = compare(&old, &new, &Options::default());
    let digest = statement_diff::report::digest::digest(&report);
    let added = digest
        .iter()
        .find(|l| l.contains("new commitment"))
        .expect("an added commitment");
    assert!(
        added.contains("\u{201c}welcomed the launch of the trilateral working group on maritime security cooperation\u{2026}\u{201d}"),
        "{added}"
    );
    let mut out = Vec::new();
    let layout = statement_diff::report::terminal::Layout {
        width: 200,
        all: false,
    };
    statement_diff::report::terminal::render(
        &mut out,
        &report,
        &statement_diff::report::terminal::Palette::plain(),
        &layout,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("~ reworded") && l.contains("agreed to hold"))
        .expect("the reworded commitment");
    for edit in [
        "next \u{2192} third",
        "Tokyo in May \u{2192} Seoul in June",
        "senior \u{2192} defense",
    ] {
        assert!(line.contains(edit), "{edit}: {line}");
    }
    assert!(!line.contains("more"), "{line}");
}
