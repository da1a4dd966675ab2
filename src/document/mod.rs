//! Documents: a source read into numbered paragraphs, each with its display
//! text, comparison key and words, plus what is said about the statement
//! rather than by it (title, kind of document, dates, place, attribution
//! line, whether the copy was cut short) and what was set aside as page
//! chrome.

pub mod date;
pub mod ending;
pub mod kind;
mod metadata;
pub mod place;

pub use ending::Truncation;
pub use metadata::{MetaLine, MetaRole};

use crate::chrome::Chrome;
use crate::input::{self, Format, Source};
use crate::model::SetAside;
use crate::text::normalize::{Words, comparison_key_cow, split_number, tidy_spaces_owned, words};

/// One paragraph of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 1-based position among the statement's paragraphs.
    pub index: usize,
    /// 1-based line in the source (0 when unknown).
    pub line: usize,
    /// The paragraph as written, white space tidied, numbering kept.
    pub text: String,
    /// What comparisons use (see [`Paragraph::key`]).
    key: Key,
    /// The paragraph number or list marker set aside from the key ("3.").
    pub number: Option<String>,
    /// Lower-cased words of the key, for similarity: made when first asked
    /// for (see [`Paragraph::words`]), since most paragraphs of two rounds
    /// are kept word for word and never need them.
    words: LazyWords,
    /// True for a heading or title line.
    pub heading: bool,
    /// True for an item of a list: a list item of a web page or Markdown
    /// file, or a paragraph opening with a list marker.
    pub item: bool,
}

/// Where a paragraph's comparison key is: most often the text itself (or
/// the text after its number), so it is kept once, not twice.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    /// The text from this byte on.
    InText(usize),
    /// A folded copy.
    Folded(String),
}

impl Paragraph {
    /// What comparisons use: typography folded, numbering set aside.
    pub fn key(&self) -> &str {
        match &self.key {
            // (`text` is public: one changed since gives its own end, not a
            // panic.)
            Key::InText(start) => self.text.get(*start..).unwrap_or(""),
            Key::Folded(key) => key,
        }
    }

    /// Lower-cased words of the key, for similarity.
    pub fn words(&self) -> &Words {
        self.words.0.get_or_init(|| words(self.key()))
    }
}

fn key_is_empty(text: &str, key: &Key) -> bool {
    match key {
        Key::InText(start) => text.len() == *start,
        Key::Folded(key) => key.is_empty(),
    }
}

/// The key of a paragraph's text, where it can be, a part of the text.
fn key_of(text: &str) -> Key {
    match comparison_key_cow(text) {
        std::borrow::Cow::Borrowed(key) => Key::InText(text.len() - key.len()),
        std::borrow::Cow::Owned(key) => Key::Folded(key),
    }
}

/// A paragraph's words, made on first use. Two are always equal: the
/// words are a function of the key, which the paragraph compares.
#[derive(Clone, Default)]
struct LazyWords(std::sync::OnceLock<Words>);

impl PartialEq for LazyWords {
    fn eq(&self, _: &LazyWords) -> bool {
        true
    }
}

impl std::fmt::Debug for LazyWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.get().fmt(f)
    }
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
    /// The title, where one was found: taken out of the paragraphs.
    pub title: Option<String>,
    /// The kind of document its title names ("joint press statement").
    pub kind: Option<String>,
    /// The publication date, where a dateline gave one.
    pub date: Option<String>,
    /// The date of the meeting, as the opening tells it ("met in Seoul on
    /// September 10, 2024"), ISO 8601 when the year is known.
    pub meeting_date: Option<String>,
    /// The line introducing the statement ("The following statement was
    /// released by …"), taken out of the paragraphs.
    pub attribution: Option<String>,
    /// Lines taken out of the paragraphs as metadata, in order.
    pub metadata: Vec<MetaLine>,
    /// How the text was cut short, when it ends mid-sentence or mid-word.
    pub truncated: Option<Truncation>,
    /// Where the meeting was held ("Seoul", "virtual"), from a press
    /// dateline ("SEOUL, Sept. 10 —") or the opening paragraphs.
    pub place: Option<String>,
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
        // Numbered after the empty ones are left out; allocated once.
        let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(stripped.kept.len());
        for block in stripped.kept {
            let mut text = tidy_spaces_owned(block.text);
            // Kept for the whole run: without the room a reader left spare.
            text.shrink_to_fit();
            let key = key_of(&text);
            if key_is_empty(&text, &key) {
                continue;
            }
            let number = split_number(&text).0.map(str::to_string);
            let item = block.item || number.is_some();
            paragraphs.push(Paragraph {
                index: paragraphs.len() + 1,
                line: block.line,
                text,
                key,
                number,
                words: LazyWords::default(),
                heading: block.heading,
                item,
            });
        }
        let meta = metadata::take(&mut paragraphs, &stripped.set_aside);
        let dateline = paragraphs
            .iter_mut()
            .find(|p| !p.heading)
            .and_then(take_dateline);
        let (dateline_place, dateline_date) = dateline.unwrap_or_default();
        let date = stripped.date.or(meta.date).or(dateline_date);
        let meeting_date = metadata::meeting_date(
            &paragraphs,
            meta.opening,
            meta.attribution.as_deref(),
            date.as_deref(),
        );
        Document {
            name: source.name.clone(),
            format: source.format,
            encoding: source.encoding,
            kind: meta.title.as_deref().and_then(kind::of_title),
            title: meta.title,
            date,
            meeting_date,
            attribution: meta.attribution,
            metadata: meta.lines,
            truncated: ending::truncation(&paragraphs),
            place: dateline_place.or_else(|| meeting_place(&paragraphs)),
            paragraphs,
            set_aside: stripped.set_aside,
            sha256: source.sha256.clone(),
        }
    }

    /// The date a series is put in order by: the meeting's, else the
    /// posting date.
    pub fn order_date(&self) -> Option<&str> {
        self.meeting_date.as_deref().or(self.date.as_deref())
    }

    /// Reads plain text (for tests, docs and benches).
    pub fn from_text(name: &str, text: &str, chrome: &Chrome) -> Document {
        let source = Source {
            name: name.into(),
            text: text.into(),
            format: input::detect_format(name, text),
            encoding: "utf-8",
            bytes: text.len(),
            sha256: crate::text::hash::sha256_hex(text.as_bytes()),
        };
        Document::from_source(&source, chrome)
    }
}

/// A press dateline opening the first paragraph ("WASHINGTON —",
/// "SEOUL, Sept. 10, 2024 (Yonhap) --") is set aside from the paragraph, so
/// that a copy with one and a copy without compare equal. Returns the place
/// and the date it names.
fn take_dateline(paragraph: &mut Paragraph) -> Option<(Option<String>, Option<String>)> {
    use std::sync::OnceLock;
    // The pattern opens with a capital and a second capital, stop, apostrophe
    // or hyphen: most paragraphs fail this, and the pattern is not compiled.
    let opening = paragraph.text.as_bytes();
    if opening.len() < 2
        || !opening[0].is_ascii_uppercase()
        || !matches!(opening[1], b'A'..=b'Z' | b'.' | b'\'' | b'-')
    {
        return None;
    }
    static DATELINE: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let re = DATELINE
        .get_or_init(|| {
            regex::Regex::new(concat!(
                r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})",
                r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?",
                r"\s*(?:\([^)]{1,40}\))?\s*(?:\u{2014}|\u{2013}|--|-)\s+"
            ))
            .ok()
        })
        .as_ref()?;
    let found = re.captures(&paragraph.text)?;
    let end = found.get(0)?.end();
    let place = found.name("place").map(|m| title_case(m.as_str()));
    let date = found.name("date").map(|m| m.as_str().to_string());
    let rest = paragraph.text[end..].to_string();
    if rest.split_whitespace().count() < 3 {
        return None;
    }
    paragraph.text = rest;
    paragraph.key = key_of(&paragraph.text);
    paragraph.words = LazyWords::default();
    Some((place, date))
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_string() + &chars.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A month's name or its abbreviation ("Jan", "Sept").
fn is_month(word: &str) -> bool {
    date::find(&format!("{word} 1")).is_some()
}

/// Where the meeting was held, from the opening paragraphs: "met in
/// Seoul", "convened … in Tokyo", "Seoul hosted", "virtually".
fn meeting_place(paragraphs: &[Paragraph]) -> Option<String> {
    // Words an opening may put where a place goes: a month ("met in
    // September", read by `is_month`) and these.
    const NOT_PLACES: &[&str] = &["Person", "The"];
    paragraphs
        .iter()
        .filter(|p| !p.heading)
        .take(2)
        .find_map(|p| {
            let (is_virtual, place) = crate::document::place::read(&p.text)?;
            if is_virtual {
                return Some("virtual".to_string());
            }
            let place = place?;
            let first = place.split(' ').next().unwrap_or(place);
            // "in Tokyo Jan. 30": a month after the place is not of it.
            let place = match place.split_once(' ') {
                Some((head, month)) if is_month(month) => head,
                _ => place,
            };
            (!NOT_PLACES.contains(&first) && !is_month(first)).then(|| place.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_numbered_and_keyed() {
        let doc = Document::from_text(
            "a.txt",
            "Joint Statement\n\n1.  The \u{201c}officials\u{201d}\nmet.\n\n\n2. They agreed.\n",
            &Chrome::builtin(),
        );
        // The title is metadata, not a paragraph.
        assert_eq!(doc.title.as_deref(), Some("Joint Statement"));
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].index, 1);
        assert_eq!(
            doc.paragraphs[0].text,
            "1. The \u{201c}officials\u{201d} met."
        );
        assert_eq!(doc.paragraphs[0].key(), "The \"officials\" met.");
        assert_eq!(doc.paragraphs[0].number.as_deref(), Some("1."));
        assert_eq!(*doc.paragraphs[0].words(), ["the", "officials", "met"]);
        assert_eq!(doc.paragraphs[0].line, 3);
        assert_eq!(doc.paragraphs[1].index, 2);
    }

    #[test]
    fn meeting_place_is_read_within_eighty_characters_of_the_verb() {
        let place = |text: &str| Document::from_text("a.txt", text, &Chrome::none()).place;
        assert_eq!(
            place("The officials met on Friday in Tokyo.").as_deref(),
            Some("Tokyo")
        );
        assert_eq!(
            place("The officials met virtually.").as_deref(),
            Some("virtual")
        );
        let far = "The officials met with partners from many countries and regions across \
                   the world for a long discussion of topics in Tokyo.";
        assert_eq!(place(far), None);
        let far_then_near = format!("{far} They also convened in Seoul.");
        assert_eq!(place(&far_then_near).as_deref(), Some("Seoul"));
    }

    #[test]
    fn press_dateline_is_set_aside_as_place_and_date() {
        let doc = Document::from_text(
            "a.txt",
            "SEOUL, Sept. 10, 2024 (Yonhap) -- The officials met in Seoul today.\n",
            &Chrome::none(),
        );
        assert_eq!(doc.paragraphs[0].text, "The officials met in Seoul today.");
        assert_eq!(doc.place.as_deref(), Some("Seoul"));
        assert_eq!(doc.date.as_deref(), Some("Sept. 10, 2024"));
        let plain = Document::from_text(
            "b.txt",
            "The officials met in Seoul today.\n",
            &Chrome::none(),
        );
        assert_eq!(plain.paragraphs[0].key(), doc.paragraphs[0].key());
        let dc = Document::from_text(
            "c.txt",
            "WASHINGTON \u{2014} They agreed to meet.\n",
            &Chrome::none(),
        );
        assert_eq!(dc.place.as_deref(), Some("Washington"));
    }

    #[test]
    fn meeting_place_from_the_opening() {
        let place = |t: &str| Document::from_text("a.txt", t, &Chrome::none()).place;
        assert_eq!(
            place("Title\n\nThe officials convened the talks virtually on April 24, 2024."),
            Some("virtual".into())
        );
        assert_eq!(
            place("Title\n\nThe officials met in Seoul on September 10, 2024."),
            Some("Seoul".into())
        );
        assert_eq!(
            place("Seoul hosted the 15th talks on September 10."),
            Some("Seoul".into())
        );
        assert_eq!(place("The officials met in September to talk."), None);
        assert_eq!(place("They condemned the launches."), None);
    }

    #[test]
    fn a_lone_marker_is_kept_as_text() {
        let doc = Document::from_text("a.txt", "-\n\nText.\n", &Chrome::none());
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].key(), "-");
    }
}
