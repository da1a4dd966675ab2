//! Documents: a source read into numbered paragraphs, each with its display
//! text, comparison key and words, plus the title, date and what was set
//! aside as page chrome.

use crate::chrome::{Chrome, SetAside};
use crate::input::{self, Format, Source};
use crate::normalize::{comparison_key, split_number, tidy_spaces, words};

/// One paragraph of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 1-based position among the statement's paragraphs.
    pub index: usize,
    /// 1-based line in the source (0 when unknown).
    pub line: usize,
    /// The paragraph as written, white space tidied, numbering kept.
    pub text: String,
    /// What comparisons use: typography folded, numbering set aside.
    pub key: String,
    /// The paragraph number or list marker set aside from the key ("3.").
    pub number: Option<String>,
    /// Lower-cased words of the key, for similarity.
    pub words: Vec<String>,
    /// True for a heading or title line.
    pub heading: bool,
}

/// A statement ready to compare.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The path as the user gave it.
    pub name: String,
    /// The format it was read as.
    pub format: Format,
    /// The encoding it was read in.
    pub encoding: &'static str,
    /// The title, where one was found.
    pub title: Option<String>,
    /// The publication date, where a dateline gave one.
    pub date: Option<String>,
    /// The statement's paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Page chrome set aside, in order.
    pub set_aside: Vec<SetAside>,
    /// SHA-256 of the input bytes (hex).
    pub sha256: String,
}

impl Document {
    /// Reads a decoded source into paragraphs, setting chrome aside.
    pub fn from_source(source: &Source, chrome: &Chrome) -> Document {
        let blocks = input::blocks(source, chrome);
        let stripped = chrome.strip(blocks);
        let paragraphs = stripped
            .kept
            .iter()
            .enumerate()
            .map(|(i, block)| {
                let text = tidy_spaces(&block.text);
                let key = comparison_key(&text);
                let number = split_number(&text).0.map(str::to_string);
                let words = words(&key);
                Paragraph {
                    index: i + 1,
                    line: block.line,
                    text,
                    key,
                    number,
                    words,
                    heading: block.heading,
                }
            })
            .filter(|p| !p.key.is_empty())
            .collect::<Vec<_>>();
        let paragraphs = paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, p)| Paragraph { index: i + 1, ..p })
            .collect();
        Document {
            name: source.name.clone(),
            format: source.format,
            encoding: source.encoding,
            title: stripped.title,
            date: stripped.date,
            paragraphs,
            set_aside: stripped.set_aside,
            sha256: source.sha256.clone(),
        }
    }

    /// Reads plain text (for tests, docs and benches).
    pub fn from_text(name: &str, text: &str, chrome: &Chrome) -> Document {
        let source = Source {
            name: name.into(),
            text: text.into(),
            format: input::detect_format(name, text),
            encoding: "utf-8",
            bytes: text.len(),
            sha256: crate::fingerprint::sha256_hex(text.as_bytes()),
        };
        Document::from_source(&source, chrome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_numbered_and_keyed() {
        let doc = Document::from_text(
            "a.txt",
            "Title\n\n1.  The \u{201c}officials\u{201d}\nmet.\n\n\n2. They agreed.\n",
            &Chrome::builtin(),
        );
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.paragraphs[1].index, 2);
        assert_eq!(
            doc.paragraphs[1].text,
            "1. The \u{201c}officials\u{201d} met."
        );
        assert_eq!(doc.paragraphs[1].key, "The \"officials\" met.");
        assert_eq!(doc.paragraphs[1].number.as_deref(), Some("1."));
        assert_eq!(doc.paragraphs[1].words, ["the", "officials", "met"]);
        assert_eq!(doc.paragraphs[1].line, 3);
        assert_eq!(doc.title.as_deref(), Some("Title"));
    }

    #[test]
    fn a_lone_marker_is_kept_as_text() {
        let doc = Document::from_text("a.txt", "-\n\nText.\n", &Chrome::none());
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].key, "-");
    }
}
