//! Markdown reader: the text blocks of a statement written in CommonMark.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::html::{self, fold};
use crate::model::block::Block;

/// Reads a CommonMark document (with tables and strikethrough) and returns its
/// text blocks in order.
///
/// Headings, paragraphs, code blocks and table cells give one block each; a
/// list item gives one block holding all of its paragraphs, prefixed "N. " in an
/// ordered list. Inline markup keeps only its text (a link's text, not its URL;
/// no image alt text); line breaks become spaces. HTML blocks are read with the
/// HTML reader, so only their text remains. `line` is the 1-based source line
/// where the block starts.
pub fn blocks(md: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader::new(md);
    for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
        reader.event(event, range);
    }
    reader.flush();
    reader.blocks
}

/// Gathers inline text into runs and turns each run into a block.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// Byte offsets where each source line starts.
    line_starts: Vec<usize>,
    /// Text of the current run, and the offset where it starts.
    run: String,
    start: Option<usize>,
    /// Open block containers, innermost last: `true` for a list item.
    containers: Vec<bool>,
    /// Open lists, innermost last: the next ordinal of an ordered list.
    lists: Vec<Option<u64>>,
    /// The marker of the current ordered item, waiting for its first block.
    marker: Option<String>,
    heading: bool,
    /// Nesting depth of images, whose alt text is left out.
    images: usize,
    /// Raw text of the HTML block being read.
    html: String,
}

impl Reader {
    fn new(md: &str) -> Reader {
        // A line ends at "\n", "\r\n" or a lone "\r", as in CommonMark.
        let bytes = md.as_bytes();
        let ends = (0..bytes.len()).filter(|&i| match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        });
        let line_starts = std::iter::once(0).chain(ends.map(|i| i + 1)).collect();
        Reader {
            line_starts,
            ..Reader::default()
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Paragraph) if self.containers.last() == Some(&true) => {
                self.containers.push(false);
                self.push(" ", range.start);
            }
            Event::Start(tag) if is_inline(&tag) => {
                if matches!(tag, Tag::Image { .. }) {
                    self.images += 1;
                }
            }
            Event::Start(tag) => {
                self.flush();
                self.start = Some(range.start);
                self.containers.push(matches!(tag, Tag::Item));
                match tag {
                    Tag::Heading { .. } => self.heading = true,
                    Tag::List(first) => self.lists.push(first),
                    Tag::Item => {
                        self.marker = self.lists.last_mut().and_then(|list| {
                            let next = list.as_mut()?;
                            let n = *next;
                            *next = n.saturating_add(1);
                            Some(format!("{n}. "))
                        })
                    }
                    _ => {}
                }
            }
            // A paragraph in a list item does not end the item's block.
            Event::End(TagEnd::Paragraph) if self.containers.iter().rev().nth(1) == Some(&true) => {
                self.containers.pop();
            }
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::End(tag) if is_inline_end(&tag) => {}
            Event::End(tag) => {
                // An item's last run is its block, read as in the item.
                if matches!(tag, TagEnd::Item) {
                    self.flush();
                }
                self.containers.pop();
                match tag {
                    TagEnd::Heading(_) => {
                        self.flush();
                        self.heading = false;
                    }
                    TagEnd::List(_) => _ = self.lists.pop(),
                    TagEnd::Item => self.marker = None,
                    TagEnd::HtmlBlock => self.html_block(range.start),
                    _ => {}
                }
                self.end_block();
            }
            Event::Text(text) | Event::Code(text) if self.images == 0 => {
                self.push(&text, range.start);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push(&text, range.start),
            // A line break: a space, or nothing inside Chinese or Japanese text.
            Event::SoftBreak | Event::HardBreak => self.push("\n", range.start),
            Event::InlineHtml(tag) if tag.trim_start().starts_with("<br") => {
                self.push("\n", range.start);
            }
            Event::Html(text) => self.html.push_str(&text),
            Event::Rule => self.end_block(),
            _ => {}
        }
    }

    /// Appends inline text to the run, which starts at `offset` if it is new.
    fn push(&mut self, text: &str, offset: usize) {
        self.start.get_or_insert(offset);
        self.run.push_str(text);
    }

    /// Ends a block: the text that follows starts a new run of its own.
    fn end_block(&mut self) {
        self.flush();
        self.start = None;
    }

    /// Ends the current run: keeps it as a block if it holds any text.
    fn flush(&mut self) {
        let text = fold(&self.run);
        self.run.clear();
        if text.is_empty() {
            return;
        }
        let line = self.line(self.start.unwrap_or(0));
        let text = self.marker.take().unwrap_or_default() + &text;
        let block = match self.heading {
            true => Block::heading(text, line),
            false => Block::text(text, line),
        };
        self.blocks
            .push(block.in_list(self.containers.contains(&true)));
    }

    /// Reads a finished HTML block with the HTML reader.
    fn html_block(&mut self, end: usize) {
        let html = std::mem::take(&mut self.html);
        let line = self.line(self.start.unwrap_or(end));
        let found = html::blocks(&html).into_iter().map(|b| Block { line, ..b });
        self.blocks.extend(found);
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }
}

/// Whether a start tag is inline markup, whose text joins the enclosing block.
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<String> {
        blocks(md).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_soft_break_inside_japanese_text_is_no_space() {
        assert_eq!(
            texts(
                "三者は、北朝鮮による\n弾道ミサイルの発射を\n強く非難した。\n\nThey met\nin Seoul.\n"
            ),
            [
                "三者は、北朝鮮による弾道ミサイルの発射を強く非難した。",
                "They met in Seoul."
            ]
        );
    }

    #[test]
    fn headings_and_paragraphs_with_lines() {
        let md =
            "# Joint Statement\n\nThe three sides met\nin Tokyo.\n\nSetext title\n------------\n";
        let want = [
            Block::heading("Joint Statement", 1),
            Block::text("The three sides met in Tokyo.", 3),
            Block::heading("Setext title", 6),
        ];
        assert_eq!(blocks(md), want);
    }

    #[test]
    fn ordered_list_respects_start() {
        let md = "Intro\n\n3. third\n4. fourth\n   continued\n\n- plain\n- items\n";
        let got = blocks(md);
        let want = ["Intro", "3. third", "4. fourth continued", "plain", "items"];
        assert_eq!(
            got.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            want
        );
        let lines: Vec<usize> = got.iter().map(|b| b.line).collect();
        assert_eq!(lines, [1, 3, 4, 7, 8]);
        // Ordered or not, an item is marked as one; the text before is not.
        let items: Vec<bool> = got.iter().map(|b| b.item).collect();
        assert_eq!(items, [false, true, true, true, true]);
    }

    #[test]
    fn nested_lists_and_loose_items() {
        let md = "1. First\n   - sub a\n   - sub b\n2. Second\n\n   more of second\n";
        assert_eq!(
            texts(md),
            ["1. First", "sub a", "sub b", "2. Second more of second"]
        );
    }

    #[test]
    fn inline_markup_keeps_plain_text() {
        let md = "We *reaffirm **strong** ties* with [Japan](https://x.example) and `ROK`, \
                  ~~not~~ ![logo](l.png)now.";
        assert_eq!(
            texts(md),
            ["We reaffirm strong ties with Japan and ROK, not now."]
        );
    }

    #[test]
    fn breaks_become_spaces() {
        let md = "line one  \nline two\\\nline three\nline four";
        assert_eq!(texts(md), ["line one line two line three line four"]);
    }

    #[test]
    fn block_quotes_code_and_tables() {
        let md = "> quoted one\n>\n> quoted two\n\n```\ncode  here\nmore\n```\n\n\
                  | Side | Name |\n|---|---|\n| ROK | Korea |\n";
        let got = blocks(md);
        let want = [
            "quoted one",
            "quoted two",
            "code here more",
            "Side",
            "Name",
            "ROK",
            "Korea",
        ];
        assert_eq!(
            got.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            want
        );
        assert_eq!((got[1].line, got[2].line, got[5].line), (3, 5, 12));
    }

    #[test]
    fn html_blocks_keep_only_their_text() {
        let md = "Before\n\n<div class=\"note\">\n<p>Japan&rsquo;s view</p>\n</div>\n\n\
                  <!-- a comment -->\n\nAfter <br> inline <span>html</span>\n";
        let got = blocks(md);
        let want = ["Before", "Japan\u{2019}s view", "After inline html"];
        assert_eq!(
            got.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            want
        );
        assert_eq!(got[1].line, 3);
    }

    #[test]
    fn degenerate_inputs_never_panic() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n\n   \n").is_empty());
        let deep = format!("{}deep", "> ".repeat(5_000));
        assert_eq!(texts(&deep), ["deep"]);
        let lists = format!("{}x", "- ".repeat(2_000));
        assert_eq!(texts(&lists), ["x"]);
        let _ = blocks("\u{0}[x](<\u{fffd}\n* * *\n| a |\n|-\n\r\n# \t");
    }

    #[test]
    fn crlf_line_endings_count_lines() {
        let md = "# Title\r\n\r\nBody\r\nmore\r\n\r\n7. seven\r\rold\r";
        let want = [
            Block::heading("Title", 1),
            Block::text("Body more", 3),
            Block::text("7. seven", 6).in_list(true),
            Block::text("old", 8),
        ];
        assert_eq!(blocks(md), want);
    }
}
