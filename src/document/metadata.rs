//! What a page says about the statement rather than by it: the title
//! block, a posting-date line above the statement, the line introducing
//! it ("The following statement was released by …"), and the date of the
//! meeting its opening tells. These are taken out of the paragraphs, so a
//! new round's title is never reported as a reworded paragraph, and kept
//! as metadata, so nothing is lost.

use super::{Paragraph, date, kind};
use crate::model::SetAside;

/// What a line taken out of the paragraphs was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaRole {
    /// The statement's title.
    Title,
    /// A posting date above the statement.
    Date,
    /// The line introducing the statement.
    Attribution,
    /// A line marking where the text begins ("Begin text:").
    Marker,
}

impl MetaRole {
    /// "title", "date", "attribution" or "marker".
    pub fn name(self) -> &'static str {
        match self {
            MetaRole::Title => "title",
            MetaRole::Date => "date",
            MetaRole::Attribution => "attribution",
            MetaRole::Marker => "marker",
        }
    }
}

/// A line taken out of the paragraphs as metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaLine {
    /// 1-based source line (0 when unknown).
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// What it was taken as.
    pub role: MetaRole,
}

/// What [`take`] found.
#[derive(Debug, Default)]
pub(super) struct Taken {
    pub title: Option<String>,
    pub date: Option<String>,
    pub attribution: Option<String>,
    pub lines: Vec<MetaLine>,
    /// Where the statement's own text starts, among the paragraphs left.
    pub opening: Option<usize>,
}

/// How many paragraphs at the start may be the title block.
const HEAD_MOST: usize = 6;

/// More words than this is not a title.
const TITLE_WORDS: usize = 30;

/// A paragraph of statement prose: a sentence of some length (Korean,
/// Chinese and Japanese say as much in fewer characters).
fn is_prose(p: &Paragraph) -> bool {
    let text = p.text.trim_end();
    // A full stop, perhaps inside a closing quote or bracket ("(仮訳)" is
    // no sentence's end).
    let ends = text
        .trim_end_matches(['"', '\u{201D}', '\u{2019}', ')', '\u{ff09}', '\u{300d}'])
        .ends_with(['.', '\u{3002}', '!', '?', ':', ';', '\u{ff01}', '\u{ff1f}']);
    let chars = text.chars().count();
    let wide = text.chars().filter(|c| !c.is_ascii()).count() * 2 > text.chars().count();
    !p.heading
        && ends
        && (text.split_whitespace().count() >= 10 || chars >= 60 || (wide && chars >= 20))
}

/// A short line without a closing full stop, not a list item nor a byline.
fn is_title_like(p: &Paragraph) -> bool {
    let text = p.text.trim_end();
    let byline = text.to_lowercase().starts_with("by ");
    !p.item
        && !byline
        && text.chars().any(char::is_alphanumeric)
        && (p.heading
            || (text.split_whitespace().count() <= TITLE_WORDS
                && !text.ends_with(['.', ':', ';', ',', '\u{3002}', '\u{3001}', '\u{ff1a}'])))
}

/// Whether the opening echoes a title: two of its longer words, or for a
/// text without spaces three of its pairs of characters.
fn echoed(title: &str, opening: &str) -> bool {
    let opening = opening.to_lowercase();
    let shared_words = title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|w| {
            opening
                .split(|c: char| !c.is_alphanumeric())
                .any(|o| o == *w)
        })
        .count();
    if shared_words >= 2 {
        return true;
    }
    let chars: Vec<char> = title
        .chars()
        .filter(|c| !c.is_ascii() && c.is_alphanumeric())
        .collect();
    chars
        .windows(2)
        .map(|w| w.iter().collect::<String>())
        .collect::<std::collections::BTreeSet<_>>()
        .iter()
        .filter(|pair| opening.contains(pair.as_str()))
        .count()
        >= 3
}

/// Takes the title block, posting-date lines, the attribution line and a
/// marker of where the text begins out of the paragraphs (renumbering the
/// rest), and returns them.
pub(super) fn take(paragraphs: &mut Vec<Paragraph>, set_aside: &[SetAside]) -> Taken {
    let mut taken = Taken::default();
    let n = paragraphs.len();
    if n < 2 {
        return taken;
    }
    let first = &paragraphs[..n.min(HEAD_MOST)];
    let introduces = |p: &Paragraph| !p.heading && kind::is_attribution(&p.text);
    // The statement starts at its first paragraph of prose; a line
    // introducing it may stand just before.
    let body = first.iter().position(|p| is_prose(p) && !introduces(p));
    let attribution = first[..body.unwrap_or(first.len())]
        .iter()
        .position(introduces);
    // Without prose to tell where the statement starts, only the first
    // paragraph may be its title, echoed by the second.
    let head = body.unwrap_or(1).min(n - 1);
    let mut role: Vec<Option<MetaRole>> = vec![None; n];
    if let Some(a) = attribution {
        role[a] = Some(MetaRole::Attribution);
    }
    // What a title is echoed by: the opening, else the paragraph after it.
    let opening = Some(paragraphs[body.unwrap_or(1)].text.as_str());
    let mut named = Vec::new();
    let mut echoed_last = None;
    for (i, p) in paragraphs[..head].iter().enumerate() {
        if role[i].is_some() {
            continue;
        }
        if !p.heading && date::is_date_line(&p.text) {
            if taken.date.is_none() {
                taken.date = date::find_all(&p.text)
                    .first()
                    .map(|(_, range)| p.text[range.clone()].trim().to_string());
            }
            role[i] = Some(MetaRole::Date);
        } else if kind::is_text_marker(&p.text) {
            role[i] = Some(MetaRole::Marker);
        } else if is_title_like(p) {
            if kind::of_title(&p.text).is_some() {
                named.push(i);
            } else if opening.is_some_and(|o| echoed(&p.text, o)) {
                echoed_last = Some(i);
            }
        }
    }
    // The title: the first line naming a kind of document, else the last
    // the opening echoes (a page headline); a copy of it, or a second
    // line naming a kind (the title in another language), is of the
    // title block too.
    let title = named.first().copied().or(echoed_last);
    if let Some(t) = title {
        let key = paragraphs[t].key().to_lowercase();
        for i in 0..head {
            let copy = role[i].is_none() && paragraphs[i].key().to_lowercase() == key;
            if i == t || copy || named.contains(&i) {
                role[i] = Some(MetaRole::Title);
            }
        }
        taken.title = Some(paragraphs[t].text.clone());
    }
    if role.iter().all(Option::is_some) {
        // Metadata alone is no statement: the last line stays.
        role[n - 1] = None;
    }
    if let Some(a) = attribution.filter(|&a| role[a].is_some()) {
        taken.attribution = Some(paragraphs[a].text.clone());
    } else {
        // Set aside by a chrome rule: still the statement's attribution.
        taken.attribution = set_aside
            .iter()
            .find(|b| kind::is_attribution(&b.text))
            .map(|b| b.text.clone());
    }
    taken.opening = body.map(|b| b - role[..b].iter().filter(|r| r.is_some()).count());
    if role.iter().all(Option::is_none) {
        return taken;
    }
    let mut index = 0;
    let mut i = 0;
    paragraphs.retain_mut(|p| {
        let gone = role[i];
        i += 1;
        if let Some(role) = gone {
            taken.lines.push(MetaLine {
                line: p.line,
                text: std::mem::take(&mut p.text),
                role,
            });
            return false;
        }
        index += 1;
        p.index = index;
        true
    });
    taken
}

/// Words that tell a meeting in the sentence before its date.
const MEETING_WORDS: &[&str] = &[
    "met",
    "meet",
    "meeting",
    "convened",
    "held",
    "hosted",
    "gathered",
    "assembled",
    "talks",
    "spoke",
    "개최",
    "만나",
    "회담",
    "회의",
    "会談",
    "開催",
    "会合",
    "会議",
];

/// The date of the meeting: the first date in the opening paragraphs
/// that a sentence tells a meeting by ("met in Seoul on September 10,
/// 2024"), else their first date, else one in the attribution line. A
/// date without its year takes the posting date's, else the first year
/// the opening writes.
pub(super) fn meeting_date(
    paragraphs: &[Paragraph],
    opening: Option<usize>,
    attribution: Option<&str>,
    posted: Option<&str>,
) -> Option<String> {
    const OPENING_PARAGRAPHS: usize = 2;
    let openings: Vec<&str> = paragraphs[opening.unwrap_or(0).min(paragraphs.len())..]
        .iter()
        .filter(|p| !p.heading)
        .take(OPENING_PARAGRAPHS)
        .map(|p| p.text.as_str())
        .chain(attribution)
        .collect();
    let mut first = None;
    let mut told = None;
    'texts: for text in &openings {
        for (found, range) in date::find_all(text) {
            first.get_or_insert(found);
            let sentence_start = text[..range.start]
                .char_indices()
                .rfind(|(_, c)| matches!(c, '.' | '\u{3002}'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let before = text[sentence_start..range.start].to_lowercase();
            if MEETING_WORDS.iter().any(|w| {
                before
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == *w || (!w.is_ascii() && word.contains(w)))
            }) {
                told = Some(found);
                break 'texts;
            }
        }
    }
    let mut found = told.or(first)?;
    if found.year.is_none() {
        found.year = posted
            .and_then(date::find)
            .and_then(|d| d.year)
            .or_else(|| openings.iter().find_map(|t| date::first_year(t)));
    }
    Some(found.display())
}
