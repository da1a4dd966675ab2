//! Blocks: the raw paragraphs a reader finds, before chrome is set aside.

/// One block of text as a reader found it: a paragraph of plain text, an
/// HTML block element, a Markdown paragraph, heading or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's text on one line: inner line breaks joined, white space
    /// runs folded to single spaces, trimmed. A list item keeps its marker
    /// ("1. ", "(a) ", "- ") at the front so that numbering can be set aside
    /// later like any other paragraph number.
    pub text: String,
    /// 1-based line in the source where the block starts (0 when unknown).
    pub line: usize,
    /// True for a heading (HTML `h1`–`h6`, a Markdown heading).
    pub heading: bool,
    /// True for an item of a list (HTML `li`, a Markdown list item), with
    /// or without a marker in its text.
    pub item: bool,
    /// True for a page header or footer of a copied document that the
    /// reader found where it stands (a line repeated at page intervals):
    /// set aside as page chrome, and the paragraph it interrupts goes on.
    pub page: bool,
    /// Characters of the text that a page links from (HTML `a`): how much
    /// of the block is a link, as in a menu or a list of related pages.
    pub linked: usize,
    /// Set for a block of a web page that its markup marks as furniture
    /// (inside `nav`, `footer`, `aside`, a banner `header`, a share bar or
    /// breadcrumb): what marks it, for the report.
    pub furniture: Option<&'static str>,
}

impl Block {
    /// A block of body text.
    pub fn text(text: impl Into<String>, line: usize) -> Block {
        Block {
            text: text.into(),
            line,
            heading: false,
            item: false,
            page: false,
            linked: 0,
            furniture: None,
        }
    }

    /// A heading block.
    pub fn heading(text: impl Into<String>, line: usize) -> Block {
        Block {
            text: text.into(),
            line,
            heading: true,
            item: false,
            page: false,
            linked: 0,
            furniture: None,
        }
    }

    /// A page header or footer the reader found.
    pub fn page(text: impl Into<String>, line: usize) -> Block {
        Block {
            page: true,
            ..Block::text(text, line)
        }
    }

    /// The same block, marked as a list item or not.
    pub fn in_list(self, item: bool) -> Block {
        Block { item, ..self }
    }
}
