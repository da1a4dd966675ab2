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
    let mut taken = Taken {
        // Set aside by a chrome rule: still the statement's attribution.
        attribution: set_aside
            .iter()
            .find(|b| kind::is_attribution(&b.text))
            .map(|b| b.text.clone()),
        ..Taken::default()
    };
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

#[cfg(test)]
mod tests {
    use crate::chrome::Chrome;
    use crate::document::{Document, MetaRole};

    const OPENING: &str = "The defense officials of the three countries met in Seoul on \
                           September 10, 2024 for the Trilateral Talks.";

    fn read(text: &str) -> Document {
        Document::from_text("a.txt", text, &Chrome::none())
    }

    #[test]
    fn title_below_a_blog_date_line_and_a_site_name() {
        let doc = read(&format!(
            "Morning Notes and Views\n\nTuesday, September 10, 2024\n\n\
             Joint Statement of the Trilateral Talks\n\n{OPENING}\n\nThey agreed to meet again."
        ));
        assert_eq!(
            doc.title.as_deref(),
            Some("Joint Statement of the Trilateral Talks")
        );
        assert_eq!(doc.kind.as_deref(), Some("joint statement"));
        assert_eq!(doc.date.as_deref(), Some("September 10, 2024"));
        // The site name stays a paragraph (page chrome is the chrome stage's
        // to set aside); the date line and the title are metadata.
        assert_eq!(doc.paragraphs[0].text, "Morning Notes and Views");
        assert_eq!(doc.paragraphs.len(), 3);
        let roles: Vec<MetaRole> = doc.metadata.iter().map(|m| m.role).collect();
        assert_eq!(roles, [MetaRole::Date, MetaRole::Title]);
    }

    #[test]
    fn a_headline_the_opening_echoes_is_the_title_and_a_site_name_is_not() {
        let doc = read(&format!(
            "Morning Notes and Views\n\nDefense Officials Hold Trilateral Talks in Seoul\n\n{OPENING}"
        ));
        assert_eq!(
            doc.title.as_deref(),
            Some("Defense Officials Hold Trilateral Talks in Seoul")
        );
        assert_eq!(doc.kind, None);
        let doc = read(&format!("Morning Notes and Views\n\n{OPENING}"));
        assert_eq!(doc.title, None);
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn a_date_line_is_never_the_title() {
        let doc = read(&format!("date 2025-09-23\n\n{OPENING}\n\nThey agreed."));
        assert_eq!(doc.title, None);
        assert_eq!(doc.date.as_deref(), Some("2025-09-23"));
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn a_repeated_title_and_a_title_in_another_language_are_of_the_title_block() {
        let doc = read(&format!(
            "한미일 국방장관회의 공동언론성명\n\nTrilateral Ministerial Meeting Joint Press Statement\n\n\
             Trilateral Ministerial Meeting Joint Press Statement\n\n{OPENING}"
        ));
        assert_eq!(
            doc.title.as_deref(),
            Some("한미일 국방장관회의 공동언론성명")
        );
        assert_eq!(doc.kind.as_deref(), Some("joint press statement"));
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.metadata.len(), 3);
    }

    #[test]
    fn attribution_line_and_text_marker_are_metadata() {
        let doc = read(&format!(
            "Joint Statement on the Talks\n\nThe following statement was released by the \
             governments of the three countries.\n\nBegin text:\n\n{OPENING}"
        ));
        assert_eq!(
            doc.attribution.as_deref(),
            Some("The following statement was released by the governments of the three countries.")
        );
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.paragraphs[0].index, 1);
        let roles: Vec<MetaRole> = doc.metadata.iter().map(|m| m.role).collect();
        assert_eq!(
            roles,
            [MetaRole::Title, MetaRole::Attribution, MetaRole::Marker]
        );
    }

    #[test]
    fn an_attribution_set_aside_as_chrome_is_still_read() {
        let chrome = Chrome::parse("header ^the following statement was released\n").unwrap();
        let doc = Document::from_text(
            "a.txt",
            &format!("The following statement was released by the three governments.\n\n{OPENING}"),
            &chrome,
        );
        assert_eq!(doc.set_aside.len(), 1);
        assert_eq!(
            doc.attribution.as_deref(),
            Some("The following statement was released by the three governments.")
        );
    }

    #[test]
    fn meeting_date_from_the_opening_in_english_korean_and_japanese() {
        let met = |text: &str| read(text).meeting_date;
        assert_eq!(
            met(&format!("Joint Statement\n\n{OPENING}")).as_deref(),
            Some("2024-09-10")
        );
        // The date the sentence tells a meeting by, not an earlier one.
        assert_eq!(
            met(
                "Recalling the summit of August 18, 2023, the ministers convened the talks \
                 on April 24, 2024 in Tokyo."
            )
            .as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(
            met("한미일 공동성명\n\n3국 대표는 2024년 9월 10일 서울에서 제15차 회의를 개최하였다.")
                .as_deref(),
            Some("2024-09-10")
        );
        assert_eq!(
            met("日米韓共同声明\n\n令和6年9月10日、ソウルにおいて、3か国の代表が協議を実施した。")
                .as_deref(),
            Some("2024-09-10")
        );
        // A date after a Japanese full stop is read at a character boundary.
        assert_eq!(
            met("会談を行った。2024年9月10日に開催された。").as_deref(),
            Some("2024-09-10")
        );
    }

    #[test]
    fn meeting_date_year_from_the_posting_date_and_none_without_a_date() {
        let doc = read(
            "Joint Statement\n\nSept. 9, 2024\n\nThe officials met in Seoul on September 10 \
             to review their cooperation.",
        );
        assert_eq!(doc.date.as_deref(), Some("Sept. 9, 2024"));
        assert_eq!(doc.meeting_date.as_deref(), Some("2024-09-10"));
        let undated =
            read("Joint Statement\n\nThe officials met in Seoul to review their cooperation.");
        assert_eq!(undated.meeting_date, None);
        assert_eq!(undated.order_date(), None);
        let posted = read(
            "Joint Statement\n\nSept. 9, 2024\n\nThe officials met in Seoul to review their \
             cooperation in the region.",
        );
        assert_eq!(posted.order_date(), Some("Sept. 9, 2024"));
    }
}
