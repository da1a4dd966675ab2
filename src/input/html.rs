//! HTML reader: the text blocks of a statement saved as a news-article web page.

use std::ops::Range;

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::model::block::Block;

/// Elements whose subtree is never seen on the page: left out altogether.
#[rustfmt::skip]
const INVISIBLE_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "canvas", "video", "audio", "object",
    "embed", "iframe", "map",
];

/// Elements whose whole subtree is page furniture, never statement text: read,
/// and marked so, so that the report lists what was left out.
#[rustfmt::skip]
const FURNITURE_TAGS: &[&str] = &[
    "nav", "footer", "aside", "form", "button", "figure", "figcaption", "select", "textarea",
    "dialog",
];

/// Words that mark an element's class or id as furniture (share bars, cookie notices...).
#[rustfmt::skip]
const FURNITURE_WORDS: &[&str] = &[
    "cookie", "share", "social", "breadcrumb", "related", "newsletter", "subscribe", "banner",
    "skip-link", "skiplink",
];

/// Words that mark a class or id as navigation when they are its first word
/// part and at most one part follows: `gnb`, `skip_nav`, `skipNav`,
/// `location`, `footer-inner`, `quick_menu`; not `navy-news`, `skipper`,
/// `has-sidebar-nav` or `quickstart-body` (a wrapper of the statement may be
/// named anything).
#[rustfmt::skip]
const NAVIGATION_WORDS: &[&str] = &[
    "skip", "nav", "navigation", "menu", "gnb", "lnb", "snb", "location", "footer",
    "pagination", "paging", "prevnext", "prev", "sitemap", "quick", "util",
];

/// Elements that end the run of inline text before them and start a new one.
#[rustfmt::skip]
const BOUNDARY_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "td", "th", "pre",
    "address", "div", "section", "article", "main", "body", "html", "header", "footer", "nav",
    "aside", "ul", "ol", "menu", "dir", "dl", "table", "thead", "tbody", "tfoot", "tr", "caption",
    "center", "hgroup", "details", "summary", "fieldset", "legend", "hr", "search", "listing",
];

/// Reads a saved news-article page and returns its text blocks in document
/// order, the statement's and the page furniture's.
///
/// The content root is the `article` with the most text, else the first `main`
/// (or `[role=main]`), else the whole `body`. What is never seen (scripts,
/// styles, hidden elements) is left out. Page furniture (navigation, banners,
/// footers, asides, forms, share bars, breadcrumbs, and all text outside the
/// content root) is read into blocks marked [`Block::furniture`], for the next
/// stage to set aside and list. Each block-level element that holds text gives
/// one block; text sitting directly in a `div` or `section` forms its own
/// block. Items of an `ol` are prefixed with their number ("3. ").
/// `line` is always 0: the parser does not report source positions.
pub fn blocks(html: &str) -> Vec<Block> {
    let doc = Html::parse_document(html);
    let mut walker = Walker::default();
    walker.walk(doc.root_element());
    let (articles, mains): (Vec<_>, Vec<_>) = (walker.roots.iter())
        .filter(|r| r.chars > 0)
        .partition(|r| r.el.value().name() == "article");
    // Reversed so that the first of equally long articles wins.
    let best = articles.into_iter().rev().max_by_key(|r| r.chars);
    let Some(root) = best.or(mains.first().copied()) else {
        return walker.blocks;
    };
    let title = lone_outside_h1(&doc, root.el);
    let range = root.blocks.clone();
    let mut blocks = walker.blocks;
    let after = blocks.split_off(range.end.min(blocks.len()));
    let body = blocks.split_off(range.start.min(blocks.len()));
    let outside = |block: Block| Block {
        furniture: block.furniture.or(Some(OUTSIDE)),
        ..block
    };
    let is_title = |block: &Block| {
        title
            .as_ref()
            .is_some_and(|t| block.heading && block.text == t.text)
    };
    let before = blocks.into_iter().filter(|b| !is_title(b)).map(outside);
    let after = after.into_iter().filter(|b| !is_title(b)).map(outside);
    before
        .chain(title.clone())
        .chain(body)
        .chain(after)
        .collect()
}

/// What marks a block outside the page's content root.
const OUTSIDE: &str = "outside the article";

/// The page's only `h1` as a heading block, when it lies outside `root`.
fn lone_outside_h1(doc: &Html, root: ElementRef<'_>) -> Option<Block> {
    let mut h1s = (doc.root_element().descendants())
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "h1");
    let (Some(h1), None) = (h1s.next(), h1s.next()) else {
        return None;
    };
    if h1.ancestors().any(|a| a.id() == root.id()) {
        return None;
    }
    let mut walker = Walker::default();
    walker.walk(h1);
    let text: Vec<String> = walker.blocks.into_iter().map(|b| b.text).collect();
    (!text.is_empty()).then(|| Block::heading(text.join(" "), 0))
}

/// A possible content root (`article`, `main`, `[role=main]`) and what it holds.
struct Root<'a> {
    el: ElementRef<'a>,
    /// Its blocks in `Walker::blocks`, and their length in chars.
    blocks: Range<usize>,
    chars: usize,
}

/// Walks a document in order, gathering text runs into blocks.
#[derive(Default)]
struct Walker<'a> {
    blocks: Vec<Block>,
    /// Chars in all blocks so far.
    chars: usize,
    /// Raw text of the run being gathered.
    run: String,
    /// Open lists, innermost last: the next ordinal of an `ol`, `None` for a `ul`.
    lists: Vec<Option<i64>>,
    /// The marker of the current `ol` item, waiting for the item's first block.
    marker: Option<String>,
    /// Open list items.
    items: usize,
    /// Open headings, and open sectioning elements (`article`, `main`, `section`).
    headings: usize,
    sections: usize,
    /// Possible content roots still open (with `chars` at their start), then closed.
    open: Vec<Root<'a>>,
    roots: Vec<Root<'a>>,
    /// The furniture element being read, and what marks it.
    furniture: Option<(ElementRef<'a>, &'static str)>,
    /// Open links (`a` with an `href`), and the visible characters of the
    /// run read inside one.
    links: usize,
    run_linked: usize,
}

impl<'a> Walker<'a> {
    /// Visits `start` and its subtree with an explicit stack (no recursion).
    fn walk(&mut self, start: ElementRef<'a>) {
        let mut stack = vec![(*start, false)];
        while let Some((node, leaving)) = stack.pop() {
            match (node.value(), ElementRef::wrap(node)) {
                (Node::Text(text), _) => {
                    if self.links > 0 {
                        self.run_linked += text.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    self.run.push_str(text);
                }
                (Node::Element(el), Some(elem)) if leaving => self.leave(el, elem),
                (Node::Element(el), Some(elem)) if !self.invisible(el) => {
                    if self.furniture.is_none()
                        && let Some(why) = self.furniture_of(el)
                    {
                        self.flush();
                        self.furniture = Some((elem, why));
                    }
                    self.enter(el, elem);
                    stack.push((node, true));
                    stack.extend(node.children().rev().map(|child| (child, false)));
                }
                _ => {}
            }
        }
        self.flush();
    }

    fn enter(&mut self, el: &Element, elem: ElementRef<'a>) {
        let name = el.name();
        if name == "a" && el.attr("href").is_some() {
            self.links += 1;
        }
        if name == "br" {
            // Two line breaks in a row (older pages write paragraphs as
            // `text<br><br>text`) end a paragraph; one is a space.
            if self.run.trim_end_matches([' ', '\t', '\r']).ends_with('\n') {
                self.flush();
            } else {
                self.run.push('\n');
            }
        }
        if !is_boundary(name) {
            return;
        }
        self.flush();
        match name {
            "li" => {
                self.items += 1;
                self.marker = self.lists.last_mut().and_then(|list| {
                    let next = list.as_mut()?;
                    let n = el.attr("value").and_then(parse_int).unwrap_or(*next);
                    *next = n.saturating_add(1);
                    Some(format!("{n}. "))
                })
            }
            "ol" => self
                .lists
                .push(el.attr("start").and_then(parse_int).or(Some(1))),
            "ul" | "menu" | "dir" => self.lists.push(None),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.headings += 1,
            _ => {}
        }
        let role_main = el
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        if matches!(name, "article" | "main") || role_main {
            let start = self.blocks.len();
            let root = Root {
                el: elem,
                blocks: start..start,
                chars: self.chars,
            };
            self.open.push(root);
        }
        if matches!(name, "article" | "main" | "section") {
            self.sections += 1;
        }
    }

    fn leave(&mut self, el: &Element, elem: ElementRef<'a>) {
        let name = el.name();
        if name == "a" && el.attr("href").is_some() {
            self.links = self.links.saturating_sub(1);
        }
        if self.furniture.is_some_and(|(el, _)| el == elem) {
            self.flush();
            self.furniture = None;
        }
        if !is_boundary(name) {
            return;
        }
        self.flush();
        // Every element left was entered, so these counts never go below zero.
        match name {
            "li" => {
                self.marker = None;
                self.items -= 1;
            }
            "ol" | "ul" | "menu" | "dir" => _ = self.lists.pop(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.headings -= 1,
            "article" | "main" | "section" => self.sections -= 1,
            _ => {}
        }
        if self.open.last().is_some_and(|root| root.el == elem)
            && let Some(mut root) = self.open.pop()
        {
            root.blocks.end = self.blocks.len();
            root.chars = self.chars - root.chars;
            self.roots.push(root);
        }
    }

    /// Ends the current run: folds its white space and keeps it if not empty.
    fn flush(&mut self) {
        let text = fold(&self.run);
        self.run.clear();
        let linked = std::mem::take(&mut self.run_linked);
        if text.is_empty() {
            return;
        }
        let text = self.marker.take().unwrap_or_default() + &text;
        let furniture = self.furniture.map(|(_, why)| why);
        if furniture.is_none() {
            self.chars += text.chars().count();
        }
        let block = match self.headings {
            0 => Block::text(text, 0),
            _ => Block::heading(text, 0),
        };
        self.blocks.push(Block {
            linked,
            furniture,
            ..block.in_list(self.items > 0)
        });
    }

    /// Whether `el` and its subtree are never seen on the page.
    fn invisible(&self, el: &Element) -> bool {
        let name = el.name();
        if matches!(name, "html" | "body") {
            return false;
        }
        let aria = el.attr("aria-hidden").unwrap_or_default();
        el.attr("hidden").is_some()
            || aria.trim().eq_ignore_ascii_case("true")
            || el.attr("style").is_some_and(hidden_style)
            || INVISIBLE_TAGS.contains(&name)
    }

    /// What marks `el` and its subtree as page furniture, if anything does.
    fn furniture_of(&self, el: &Element) -> Option<&'static str> {
        let name = el.name();
        if matches!(name, "html" | "body" | "main") {
            return None;
        }
        if let Some(tag) = FURNITURE_TAGS.iter().find(|t| **t == name) {
            return Some(tag);
        }
        // A `header` outside any article or section is the page banner (as in ARIA).
        if name == "header" && self.sections == 0 {
            return Some("header");
        }
        el.id()
            .into_iter()
            .chain(el.classes())
            .find_map(|t| furniture_word(t).or_else(|| navigation_word(t)))
    }
}

fn is_boundary(name: &str) -> bool {
    BOUNDARY_TAGS.contains(&name) || name.contains('-')
}

fn parse_int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

fn hidden_style(style: &str) -> bool {
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The furniture word starting at one of a class or id token's word parts:
/// `share-tools`, `usa-banner`, `socialLinks` have one; `unrelated` has none.
fn furniture_word(token: &str) -> Option<&'static str> {
    // Same byte length as `token`, so its char offsets stay valid here.
    let norm = token.to_ascii_lowercase().replace('_', "-");
    let mut prev: Option<char> = None;
    token.char_indices().find_map(|(i, c)| {
        let starts = match prev {
            None => true,
            Some(p) => !p.is_alphanumeric() || (p.is_lowercase() && c.is_uppercase()),
        };
        prev = Some(c);
        let rest = norm.get(i..).filter(|_| starts)?;
        FURNITURE_WORDS
            .iter()
            .copied()
            .find(|w| rest.starts_with(w))
    })
}

#[cfg(test)]
fn is_furniture(token: &str) -> bool {
    furniture_word(token).is_some()
}

#[cfg(test)]
fn is_navigation(token: &str) -> bool {
    navigation_word(token).is_some()
}

/// The navigation word that names a class or id token: see [`NAVIGATION_WORDS`].
fn navigation_word(token: &str) -> Option<&'static str> {
    let mut parts: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in token.chars() {
        let starts = match prev {
            None => true,
            Some(p) => !p.is_alphanumeric() || (p.is_lowercase() && c.is_uppercase()),
        };
        prev = Some(c);
        if !c.is_alphanumeric() {
            continue;
        }
        if starts || parts.is_empty() {
            parts.push(String::new());
        }
        if let Some(part) = parts.last_mut() {
            part.push(c.to_ascii_lowercase());
        }
    }
    if parts.len() > 2 {
        return None;
    }
    let first = parts.first()?;
    NAVIGATION_WORDS.iter().copied().find(|w| w == first)
}

/// Folds white space runs (not U+00A0) to one space and trims the ends; a
/// run holding a line break between Chinese or Japanese characters is
/// dropped (see [`break_joins`](crate::text::normalize::break_joins)).
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Since the last character kept: `Some(true)` when the white space seen
    // holds a line break.
    let mut pending: Option<bool> = None;
    for c in raw.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            if !out.is_empty() {
                pending = Some(pending == Some(true) || c == '\n' || c == '\r');
            }
            continue;
        }
        if let Some(line_break) = pending.take() {
            let joins = line_break
                && out
                    .chars()
                    .next_back()
                    .is_some_and(|before| crate::text::normalize::break_joins(before, c));
            if !joins {
                out.push(' ');
            }
        }
        out.push(c);
    }
    match out.trim() {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod br_tests {
    use super::*;

    #[test]
    fn double_line_breaks_separate_paragraphs() {
        let page = "<html><body><article><p>They met in Seoul.<br><br>They agreed to talk.<br>Again.</p></article></body></html>";
        let texts: Vec<String> = blocks(page).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["They met in Seoul.", "They agreed to talk. Again."]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the blocks that the markup does not mark as furniture.
    fn texts(html: &str) -> Vec<String> {
        content(html).into_iter().map(|b| b.text).collect()
    }

    fn content(html: &str) -> Vec<Block> {
        blocks(html)
            .into_iter()
            .filter(|b| b.furniture.is_none())
            .collect()
    }

    #[test]
    fn a_line_break_inside_japanese_text_is_no_space() {
        assert_eq!(
            texts(
                "<p>三者は、北朝鮮による\n弾道ミサイルの発射を\n強く非難した。</p><p>They met\nin Seoul.</p>"
            ),
            [
                "三者は、北朝鮮による弾道ミサイルの発射を強く非難した。",
                "They met in Seoul."
            ]
        );
    }

    #[test]
    fn news_page_keeps_only_the_article() {
        let page = r#"<!doctype html><html><head><title>Page</title>
            <script type="application/ld+json">{"headline": "x"}</script></head><body>
            <div class="usa-banner">An official website of the United States government</div>
            <header><a href="/">Logo</a><nav><ul><li>Home</li><li>News</li></ul></nav></header>
            <nav class="breadcrumb"><a>Home</a> &gt; <a>News</a></nav>
            <main><article>
              <div class=category>NEWS | April 26, 2024</div>
              <h1>Joint Statement on the Trilateral Talks</h1>
              <div class=byline>U.S. Department of Defense</div>
              <div class="share-tools"><a>Facebook</a><a>X</a></div>
              <p>The talks were held in <a href="/x">Honolulu</a>.</p>
              <p>The three sides <em>reaffirmed</em> their commitment.</p>
            </article><aside class=related><p>Other news</p></aside></main>
            <footer><p>Contact us</p></footer></body></html>"#;
        let got = content(page);
        let want = [
            Block::text("NEWS | April 26, 2024", 0),
            Block::heading("Joint Statement on the Trilateral Talks", 0),
            Block::text("U.S. Department of Defense", 0),
            Block {
                linked: 8,
                ..Block::text("The talks were held in Honolulu.", 0)
            },
            Block::text("The three sides reaffirmed their commitment.", 0),
        ];
        assert_eq!(got, want);
        // The furniture is read too, marked with what marks it, in order.
        let furniture: Vec<(String, &str)> = (blocks(page).into_iter())
            .filter_map(|b| Some((b.text, b.furniture?)))
            .collect();
        assert_eq!(
            furniture,
            [
                (
                    "An official website of the United States government".into(),
                    "banner"
                ),
                ("Logo".into(), "header"),
                ("Home".into(), "header"),
                ("News".into(), "header"),
                ("Home > News".into(), "nav"),
                ("FacebookX".into(), "share"),
                ("Other news".into(), "aside"),
                ("Contact us".into(), "footer"),
            ]
        );
    }

    #[test]
    fn entities_decoded_and_nbsp_kept() {
        let got =
            texts("<p>Japan&rsquo;s Minister&nbsp;of Defense &amp; the\n\t ROK</p><p>&nbsp;</p>");
        assert_eq!(got, ["Japan\u{2019}s Minister\u{a0}of Defense & the ROK"]);
    }

    #[test]
    fn ordered_and_nested_lists() {
        let html = r#"<ol start="3"><li>C <ul><li>c1</li><li>c2</li></ul></li>
            <li><p>D</p></li><li value="10">J</li><li>K</li></ol><ul><li>plain</li></ul>"#;
        let want = ["3. C", "c1", "c2", "4. D", "10. J", "11. K", "plain"];
        assert_eq!(texts(html), want);
        let html = "<p>They agreed to:</p><ul><li>meet</li></ul><p>After.</p>";
        let items: Vec<bool> = blocks(html).iter().map(|b| b.item).collect();
        assert_eq!(items, [false, true, false]);
    }

    #[test]
    fn br_folds_to_a_space_and_inline_text_joins() {
        let html = "<p>First line<br>second <strong>line</strong><br/>third</p>";
        assert_eq!(texts(html), ["First line second line third"]);
    }

    #[test]
    fn direct_div_text_forms_its_own_blocks() {
        let html = "<div>Intro <span>text</span><p>Para</p>tail <b>end</b></div>";
        assert_eq!(texts(html), ["Intro text", "Para", "tail end"]);
    }

    #[test]
    fn headings_tables_and_hidden_content() {
        let html = r#"<h2>Section <small>two</small></h2><table><tr><th>Side</th><td>ROK</td></tr>
            </table><div hidden>secret</div><p aria-hidden="TRUE">icon</p>
            <p style="display: none">gone</p><div id="cookieNotice">We use cookies</div>
            <p class="unrelated">kept</p>"#;
        let got = content(html);
        assert_eq!(got[0], Block::heading("Section two", 0));
        let rest: Vec<&str> = got[1..].iter().map(|b| b.text.as_str()).collect();
        assert_eq!(rest, ["Side", "ROK", "kept"]);
    }

    #[test]
    fn lone_h1_above_the_article_goes_first() {
        let html = "<div class=title><h1>Statement</h1></div><article><p>Body text</p></article>";
        let want = [Block::heading("Statement", 0), Block::text("Body text", 0)];
        assert_eq!(content(html), want);
        let two = "<h1>Site</h1><h1>Statement</h1><article><p>Body</p></article>";
        assert_eq!(texts(two), ["Body"]);
    }

    #[test]
    fn largest_article_wins_and_article_header_is_kept() {
        let html = r#"<article><p>Short teaser</p></article><article><header><h1>Title</h1>
            </header><p>The much longer statement body.</p></article>"#;
        assert_eq!(texts(html), ["Title", "The much longer statement body."]);
    }

    #[test]
    fn main_then_body_fallbacks() {
        let html = r#"<header>Site</header><div role="main"><p>Main text</p></div><p>After</p>"#;
        assert_eq!(texts(html), ["Main text"]);
        let body = "<header>Site</header><p>Body only</p>";
        assert_eq!(texts(body), ["Body only"]);
    }

    #[test]
    fn degenerate_inputs_never_panic() {
        assert!(blocks("").is_empty());
        assert_eq!(texts("\u{0}x\u{1}\u{fffd}<<>>"), ["x\u{1}\u{fffd}<<>>"]);
        let soup = "<p>one<div><b><i>two</p></b><table><td>three<li>four<ol start=x><li>five";
        assert_eq!(texts(soup), ["one", "two", "three", "four", "1. five"]);
        let deep = format!("{}deep{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
        assert_eq!(texts(&deep), ["deep"]);
    }

    #[test]
    fn furniture_tokens_match_word_parts_only() {
        assert!(is_furniture("share-tools") && is_furniture("socialLinks"));
        assert!(is_furniture("usa-banner") && is_furniture("skip_link"));
        assert!(!is_furniture("unrelated") && !is_furniture("timeshare"));
    }

    #[test]
    fn navigation_tokens_open_the_name() {
        for token in [
            "gnb",
            "gnb_wrap",
            "skipNav",
            "skip_nav",
            "location",
            "footer-inner",
        ] {
            assert!(is_navigation(token), "{token}");
        }
        for token in [
            "navy-news",
            "quickstart-body",
            "skipper",
            "no-nav",
            "has-sidebar-nav",
            "menu-item-list",
        ] {
            assert!(!is_navigation(token), "{token}");
        }
    }

    #[test]
    fn a_statement_in_an_element_named_like_navigation_is_kept() {
        let html = r#"<div class="wrap has-sidebar-nav"><article class="navy-news">
            <h1>Joint Statement</h1><p>The three sides condemned the launches.</p></article></div>
            <div class="gnb"><a>Home</a></div><div id="footer">Contact</div>"#;
        assert_eq!(
            texts(html),
            ["Joint Statement", "The three sides condemned the launches."]
        );
    }
}
