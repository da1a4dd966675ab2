//! Bytes → `input::decode` → `Document::from_source` with each format
//! forced (text, HTML, Markdown). Must never panic; every paragraph it keeps
//! is numbered in order and has a non-empty comparison key.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use statement_diff::chrome::Chrome;
use statement_diff::document::Document;
use statement_diff::input::{self, Format, ReadOptions};

static CHROME: LazyLock<Chrome> = LazyLock::new(Chrome::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(source) = input::decode("fuzz.txt", data, &ReadOptions::default()) else {
        return;
    };
    for format in [Format::Text, Format::Html, Format::Markdown] {
        let mut source = source.clone();
        source.format = format;
        let doc = Document::from_source(&source, &CHROME);
        for (i, p) in doc.paragraphs.iter().enumerate() {
            assert_eq!(p.index, i + 1, "{format:?}: paragraph numbering");
            assert!(!p.key.is_empty(), "{format:?}: empty key kept");
        }
    }
});
