//! Two statements from one input: the bytes before the first NUL byte are
//! the old statement, the rest the new one (no NUL: split in the middle).
//! Each side is decoded lossily and read (format detected from content),
//! then compared; the YAML and terminal reports are rendered, and every
//! paragraph of each side must be accounted for exactly once.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use statement_diff::chrome::Chrome;
use statement_diff::document::Document;
use statement_diff::report::terminal::{self, Layout, Palette};
use statement_diff::report::yaml;
use statement_diff::{Options, Report, compare};

static CHROME: LazyLock<Chrome> = LazyLock::new(Chrome::builtin);
static OPTIONS: LazyLock<Options> = LazyLock::new(Options::default);

fn check_accounting(report: &Report, old: &Document, new: &Document) {
    let mut olds: Vec<usize> = report
        .changes
        .iter()
        .filter_map(|c| c.old.as_ref().map(|s| s.index))
        .chain(report.unchanged.iter().map(|u| u.old.index))
        .collect();
    let mut news: Vec<usize> = report
        .changes
        .iter()
        .filter_map(|c| c.new.as_ref().map(|s| s.index))
        .chain(report.unchanged.iter().map(|u| u.new_index))
        .collect();
    olds.sort_unstable();
    news.sort_unstable();
    assert_eq!(
        olds,
        (1..=old.paragraphs.len()).collect::<Vec<_>>(),
        "old side"
    );
    assert_eq!(
        news,
        (1..=new.paragraphs.len()).collect::<Vec<_>>(),
        "new side"
    );
    let s = report.summary;
    assert_eq!(
        s.unchanged + s.removed + s.reworded + s.moved,
        old.paragraphs.len()
    );
    assert_eq!(
        s.unchanged + s.added + s.reworded + s.moved,
        new.paragraphs.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(split);
    let b = b.strip_prefix(b"\0").unwrap_or(b);
    let old_text = String::from_utf8_lossy(a);
    let new_text = String::from_utf8_lossy(b);
    let old = Document::from_text("old.txt", &old_text, &CHROME);
    let new = Document::from_text("new.txt", &new_text, &CHROME);
    let report = compare(&old, &new, &OPTIONS);
    check_accounting(&report, &old, &new);

    let text = yaml::render(&report);
    let parsed = yaml::from_yaml(&text).unwrap_or_else(|e| panic!("YAML does not parse: {e}"));
    assert_eq!(yaml::to_yaml(&parsed), text, "YAML does not round-trip");

    let mut out = Vec::new();
    let layout = Layout {
        width: 40,
        all: true,
    };
    terminal::render(&mut out, &report, &Palette::plain(), &layout).expect("write to a Vec");
    out.clear();
    terminal::render(&mut out, &report, &Palette::colored(), &Layout::default())
        .expect("write to a Vec");
});
