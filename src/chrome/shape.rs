//! What a block is by its shape alone: statement prose, a short line that
//! its neighbours must decide, or page furniture (a menu, a link, a label,
//! a date or a count standing alone).

use unicode_width::UnicodeWidthStr;

use super::language::{self, Script};
use crate::model::Block;

/// What a block looks like before its neighbours are consulted (the
/// classes of jusText).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Running prose: sentences held together by function words.
    Good,
    /// Prose-like but short or thin: statement text beside statement
    /// text, furniture among furniture.
    NearGood,
    /// Too short to tell: a title, a heading, a byline, a menu item.
    Short,
    /// Page furniture, and what shows it.
    Bad(&'static str),
}

/// The measures of one block.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    pub(super) class: Class,
    /// Display width (a wide character counts two): length across scripts.
    pub(super) width: usize,
    /// Words between spaces.
    pub(super) words: usize,
    /// A short line looking like a title or heading: no closing full
    /// stop, not a link or a label.
    pub(super) titled: bool,
    /// The script most of its letters are in.
    pub(super) script: Script,
    /// Words of running prose, though maybe few: a Latin-script text with
    /// a word in lower case that is not a function word, or Korean or
    /// Japanese text with particles. A text cut short keeps it.
    pub(super) prose: bool,
}

/// Blocks shorter than this (in display width) are short (jusText's
/// `length_low`, 70 characters).
const SHORT: usize = 70;

/// Function-word shares below which a text is not prose, by script.
fn thin(script: Script) -> f32 {
    match script {
        Script::Latin => 0.12,
        Script::Hangul => 0.25,
        Script::Japanese => 0.12,
    }
}

/// Reads one block's shape.
pub(super) fn of(block: &Block) -> Shape {
    let text = block.text.trim();
    let width = width(text);
    let words = word_count(text);
    let function = language::function(text);
    let sentence = ends_sentence(text);
    let visible = if text.is_ascii() {
        text.bytes()
            .filter(|b| !matches!(b, b' ' | b'\t'..=b'\r'))
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
    .max(1);
    let furniture = if block.linked * 2 > visible {
        Some("link list")
    } else if text.contains('\u{a9}') {
        Some("copyright")
    } else if !sentence && !sentence_inside(text) && is_ticker(text) {
        Some("ticker")
    } else if width < 200 && !sentence_inside(text) {
        furniture_shape(text, words)
    } else {
        None
    };
    let caps = all_caps(text) && !sentence;
    let teaser = (text.ends_with("...") || text.ends_with('\u{2026}')) && width < 800;
    let class = if let Some(why) = furniture {
        Class::Bad(why)
    } else if let Some(why) = teaser.then_some("teaser") {
        Class::Bad(why)
    } else if caps && words <= 10 {
        Class::Bad("label")
    } else if words >= 9 && !sentence && !sentence_inside(text) && title_case(text) {
        // Many words, all capitalised, no sentence: menu items or
        // headlines read as one block.
        Class::Bad("menu")
    } else if function.share < thin(function.script) {
        if (width >= SHORT * 3 || words > 24) && !sentence && !sentence_inside(text) {
            Class::Bad("no sentences")
        } else if width >= SHORT * 2 {
            Class::NearGood
        } else {
            Class::Short
        }
    } else if width >= SHORT && (sentence || width >= SHORT * 2) {
        Class::Good
    } else if (sentence && (words >= 4 || function.script != Script::Latin) && width >= 20)
        || width >= SHORT
    {
        Class::NearGood
    } else {
        Class::Short
    };
    let titled = matches!(class, Class::Short | Class::NearGood | Class::Bad("menu"))
        && !sentence
        && words <= 30;
    let prose = match function.script {
        Script::Latin => text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(char::is_lowercase) && !language::is_function_word(w)
        }),
        script => function.share >= thin(script),
    };
    Shape {
        class,
        width,
        words,
        titled,
        prose,
        script: function.script,
    }
}

/// Whether one line of plain text is, by itself, furniture: a link, an
/// address, a file, a count, a label in capitals, or a short menu line (a
/// few capitalised words, or a few words of Korean or Japanese without
/// particles). The plain-text reader makes such a line a block of its own.
/// A line of a wrapped paragraph is none of these: it has function words,
/// or ends on one, or on a comma or a hyphen.
pub(super) fn line_is_furniture(line: &str) -> bool {
    let text = line.trim();
    let width = width(text);
    if text.is_empty() || width > 120 || sentence_inside(text) {
        return false;
    }
    let words = text.split_whitespace().count();
    if ends_sentence(text) {
        return false;
    }
    if furniture_shape(text, words).is_some() || (all_caps(text) && words <= 10) {
        return true;
    }
    if text.ends_with([',', ';', '-', '(', '\u{2013}'])
        || crate::text::normalize::split_number(text).0.is_some()
    {
        return false;
    }
    let function = language::function(text);
    match function.script {
        // A menu line or a title in title case: one word, or three to
        // eight. Two alone are most often the head of a title that the
        // next line goes on with ("Joint Statement" / "of the Talks").
        Script::Latin => {
            (words == 1 || (3..=8).contains(&words)) && width <= 70 && title_case(text)
        }
        Script::Hangul => words <= 4 && width <= 30 && function.share == 0.0,
        Script::Japanese => width <= 24 && function.share < 0.2,
    }
}

/// Every word capitalised but the function words, the last word not one
/// of them: a menu item or a heading, not a line of a wrapped sentence.
fn title_case(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .peekable();
    if words.peek().is_none() {
        return false;
    }
    let mut last_function = false;
    for word in words {
        let function = language::is_function_word(word);
        if !function && !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        last_function = function && !word.starts_with(char::is_uppercase);
    }
    !last_function
}

/// Whether a text ends like a sentence: a full stop, question or
/// exclamation mark (or 。), maybe inside closing quotes or brackets; a
/// Korean sentence ending (…다) counts too.
pub(super) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}' | '」' | '）')
    });
    match trimmed.chars().next_back() {
        Some('.' | '!' | '?' | '。' | '！' | '？' | ';') => !trimmed.ends_with("..."),
        Some('다') => true,
        _ => false,
    }
}

/// Whether a sentence ends inside the text and another starts after it:
/// a full stop after a word in lower case ("talks. The"), not after an
/// abbreviation ("U.S. DEPARTMENT"), or an ideographic full stop before
/// more text.
fn sentence_inside(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(2)).any(|i| {
        let stop = matches!(chars[i], '.' | '!' | '?')
            && chars[i + 1] == ' '
            && chars[i + 2].is_uppercase()
            && chars[i - 1].is_lowercase();
        // The word before the stop: "Dr." and "Mr." end no sentence.
        let word = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .count();
        let abbreviation = word <= 3 && chars[i - word].is_uppercase();
        (stop && !abbreviation)
            || (matches!(chars[i], '。' | '！' | '？') && !chars[i + 1].is_whitespace())
    })
}

/// Letters in upper case only (at least four, and most of the letters
/// of the text), as in a section label.
fn all_caps(text: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
        letters += usize::from(c.is_alphabetic());
    }
    upper >= 4 && upper * 2 >= letters
}

/// White space as `char::is_whitespace` reads an ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Words between white space (`split_whitespace().count()`); an ASCII
/// text is counted a byte at a time, by the starts of words.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let bytes = text.as_bytes();
    let first = bytes.first().is_some_and(|&b| !is_ascii_space(b));
    let starts: usize = bytes
        .windows(2)
        .map(|w| usize::from(is_ascii_space(w[0]) && !is_ascii_space(w[1])))
        .sum();
    usize::from(first) + starts
}

/// The display width of a text (see `unicode-width`); printable ASCII is
/// one column a byte.
pub(super) fn width(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// What shows a short block without sentences to be furniture: it is, or
/// holds, an address, a file, a path of links; or it is a number alone.
fn furniture_shape(text: &str, words: usize) -> Option<&'static str> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.iter().any(|t| is_file(t)) {
        return Some("file");
    }
    if tokens.iter().any(|t| is_address(t)) {
        return Some("address");
    }
    // A bullet opening the text marks a list item, not a link.
    let separators = tokens.iter().skip(1).filter(|t| is_separator(t)).count();
    // Between the separators, names: no word in lower case but the
    // function words (a sentence may hold a bar or a slash).
    let names = !tokens.iter().any(|t| {
        let w = t.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(char::is_lowercase) && !language::is_function_word(w)
    });
    if separators >= 1 && words <= 24 && names && separators * 6 >= words.saturating_sub(separators)
    {
        return Some("links");
    }
    if is_labelled_link(&tokens) {
        return Some("link");
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if digits > 0 && letters <= 12 && digits >= letters && !text.ends_with('.') {
        return Some("count");
    }
    None
}

/// Headlines strung together with dashes, no sentence among them: a
/// news ticker. Most of its words that are not function words are
/// capitalised, as headlines are.
fn is_ticker(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let dashes = tokens
        .iter()
        .filter(|t| matches!(**t, "\u{2013}" | "\u{2014}" | "-" | "--" | "|"))
        .count();
    let content: Vec<&str> = tokens
        .iter()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic) && !language::is_function_word(w))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    dashes >= 2 && tokens.len() > 8 && capitalised * 2 >= content.len()
}

/// A label and a colon before a title, a date or a number, as a page
/// links to another ("Next Post: Readout of a Call", "Category:
/// Statements", "Views: 1,234"): one or two capitalised words, the colon,
/// then words all capitalised.
fn is_labelled_link(tokens: &[&str]) -> bool {
    let Some(colon) = tokens.iter().position(|t| t.ends_with(':')) else {
        return false;
    };
    let label = &tokens[..=colon];
    let value = &tokens[colon + 1..];
    (1..=2).contains(&label.len())
        && label[0].starts_with(char::is_uppercase)
        && !value.is_empty()
        && value.len() <= 10
        && title_case(&value.join(" "))
}

/// A web or mail address: `www.x`, `https://x`, `name@host.tld`,
/// `host.tld`, `host.tld/path`.
fn is_address(token: &str) -> bool {
    let token = token.trim_matches(|c: char| matches!(c, '(' | ')' | '<' | '>' | ',' | '"'));
    let lower = token.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    let host = lower.split('/').next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() >= 2
        && token == lower
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && parts.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
        && parts[0].chars().any(|c| c.is_ascii_lowercase())
}

/// A document file name, as an attachment link shows it.
fn is_file(token: &str) -> bool {
    let lower = token
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ','))
        .to_lowercase();
    let Some((name, ext)) = lower.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && matches!(
            ext,
            "pdf"
                | "hwp"
                | "hwpx"
                | "doc"
                | "docx"
                | "xls"
                | "xlsx"
                | "ppt"
                | "pptx"
                | "zip"
                | "jpg"
                | "jpeg"
                | "png"
                | "gif"
        )
}

/// A separator of a breadcrumb or menu: `>`, `›`, `»`, `|`, `/`, `:`, `·`, `•`.
fn is_separator(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '>' | '\u{203A}'
                    | '\u{BB}'
                    | '|'
                    | '/'
                    | ':'
                    | '\u{B7}'
                    | '\u{2022}'
                    | '\u{FF1E}'
                    | '\u{2192}'
                    | '\u{00A6}'
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> Class {
        of(&Block::text(text, 1)).class
    }

    #[test]
    fn byte_counts_agree_with_char_counts() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\x0bc\nd",
            "caf\u{e9} au lait",
            "~x~ y",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
            assert_eq!(width(text), text.width(), "{text:?}");
        }
    }

    #[test]
    fn prose_menus_links_and_labels() {
        let lead = "The officials urged the international community to advance its stated goal of ensuring full compliance.";
        assert_eq!(class(lead), Class::Good);
        assert_eq!(class("Home : Media : News"), Class::Bad("links"));
        assert_eq!(class("홈 > 알림마당 > 보도자료"), Class::Bad("links"));
        assert_eq!(class("Source: defense.gov"), Class::Bad("address"));
        assert_eq!(class("joint-statement.pdf (120 KB)"), Class::Bad("file"));
        assert_eq!(class("Next Post: Readout of a Call"), Class::Bad("link"));
        assert_eq!(class("ORGANIZATIONS IN THIS STORY"), Class::Bad("label"));
        assert_eq!(class("1,234"), Class::Bad("count"));
        assert_eq!(class("News Search"), Class::Short);
        assert_eq!(class("They agreed to meet again."), Class::NearGood);
        assert_eq!(
            class("三者は、北朝鮮による弾道ミサイルの発射を強く非難した。"),
            Class::NearGood
        );
    }
}
