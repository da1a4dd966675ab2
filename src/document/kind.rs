//! The kind of a document ("joint press statement", "readout", "fact
//! sheet"), read from its title's head noun phrase with the nouns and
//! modifiers of `kinds.txt`.

use std::sync::OnceLock;

/// The built-in list of document nouns and modifiers.
pub const BUILTIN: &str = include_str!("kinds.txt");

/// One form of a noun or modifier and the name reports give it.
#[derive(Debug, Clone)]
struct Form {
    /// Lower-cased, as matched.
    text: String,
    /// The English name.
    canonical: String,
}

/// The nouns and modifiers a kind is read with.
#[derive(Debug, Clone, Default)]
struct Kinds {
    nouns: Vec<Form>,
    modifiers: Vec<Form>,
    /// Nouns of attribution lines only ("text").
    texts: Vec<Form>,
}

impl Kinds {
    fn parse(text: &str) -> Kinds {
        let mut kinds = Kinds::default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, forms)) = line.split_once('=') else {
                continue;
            };
            let mut head = head.split_whitespace();
            let role = head.next().unwrap_or_default();
            let canonical = head.collect::<Vec<_>>().join(" ");
            let list = match role {
                "noun" => &mut kinds.nouns,
                "modifier" => &mut kinds.modifiers,
                "attribution" => &mut kinds.texts,
                _ => continue,
            };
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                list.push(Form {
                    text: form.to_lowercase(),
                    canonical: canonical.clone(),
                });
            }
        }
        // Longest first: "fact sheet" before a shorter form at one place.
        for list in [&mut kinds.nouns, &mut kinds.modifiers, &mut kinds.texts] {
            list.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        }
        kinds
    }
}

fn builtin() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| Kinds::parse(BUILTIN))
}

/// Lower case, typographic apostrophes made plain.
fn fold(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// Whether a form written in Latin letters stands as a whole word at
/// `start..end` of `text` (a form in Korean, Japanese or Chinese stands
/// anywhere).
fn whole_word(text: &str, form: &str, start: usize, end: usize) -> bool {
    if !form.chars().any(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The first document noun in `text`: its byte range and name.
fn first_noun<'k>(kinds: &'k Kinds, text: &str) -> Option<(usize, usize, &'k str)> {
    first_of(&kinds.nouns, text)
}

/// The first of `forms` in `text`: its byte range and name.
fn first_of<'k>(forms: &'k [Form], text: &str) -> Option<(usize, usize, &'k str)> {
    let mut best: Option<(usize, usize, &str)> = None;
    for form in forms {
        let mut from = 0;
        while let Some(at) = text[from..].find(&form.text) {
            let start = from + at;
            let end = start + form.text.len();
            if whole_word(text, &form.text, start, end) {
                if best.is_none_or(|(s, e, _)| start < s || (start == s && end > e)) {
                    best = Some((start, end, &form.canonical));
                }
                break;
            }
            from = start + form.text.chars().next().map_or(1, char::len_utf8);
        }
    }
    best
}

/// The kind of a document its title names: the head noun and the
/// modifiers before it ("joint press statement"), or `None` when the
/// title names no document noun.
pub fn of_title(title: &str) -> Option<String> {
    let kinds = builtin();
    let text = fold(title);
    let (start, end, noun) = first_noun(kinds, &text)?;
    // "Press Release: Joint Statement of …": a label before a colon is the
    // page's genre, the noun after it the statement's.
    let (start, noun) = match first_noun(kinds, &text[end..]) {
        Some((s, _, n)) if text[end..].starts_with(':') => (end + s, n),
        _ => (start, noun),
    };
    let mut words = vec![noun.to_string()];
    let mut before = text[..start].trim_end();
    'outer: loop {
        for form in &kinds.modifiers {
            if before.ends_with(&form.text) {
                let at = before.len() - form.text.len();
                if whole_word(before, &form.text, at, before.len()) {
                    if !words.contains(&form.canonical) {
                        words.insert(0, form.canonical.clone());
                    }
                    before = before[..at].trim_end();
                    continue 'outer;
                }
            }
        }
        break;
    }
    Some(words.join(" "))
}

/// Whether a short opening line introduces the statement rather than
/// being part of it: it names the document and says it follows, gives its
/// text, or was released ("The following statement was released by …",
/// "Text of a joint statement by …", "다음은 … 공동성명 전문").
pub fn is_attribution(text: &str) -> bool {
    const MOST_WORDS: usize = 60;
    if text.split_whitespace().count() > MOST_WORDS {
        return false;
    }
    let kinds = builtin();
    let folded = fold(text);
    // The document noun, else a word for its text ("The following text
    // was released by …").
    let found = first_noun(kinds, &folded).or_else(|| first_of(&kinds.texts, &folded));
    let Some((start, end, _)) = found else {
        return false;
    };
    let head = &folded[..start];
    let tail = &folded[end..];
    let following = head.split_whitespace().any(|w| w == "following");
    let text_of = head.trim_start().starts_with("text of")
        || head.trim_start().starts_with("the text of")
        || head.contains("full text")
        || ["전문", "全文"].iter().any(|w| folded.contains(w));
    // "statement was released by", "statement issued by": a past
    // participle after the noun, followed by "by".
    let released = tail
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].ends_with("ed") && w[1] == "by");
    following || text_of || released
}

/// Whether a line of a few words marks where the statement's text begins
/// ("Begin text:", "start text").
pub fn is_text_marker(text: &str) -> bool {
    const MOST_WORDS: usize = 3;
    text.split_whitespace().count() <= MOST_WORDS
        && first_of(&builtin().texts, &fold(text)).is_some()
        && first_noun(builtin(), &fold(text)).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_the_head_noun_with_its_modifiers() {
        let kind = |t: &str| of_title(t);
        assert_eq!(
            kind("Joint Statement of the 15th Talks").as_deref(),
            Some("joint statement")
        );
        assert_eq!(
            kind("Trilateral Ministerial Meeting Joint Press Statement").as_deref(),
            Some("joint press statement")
        );
        assert_eq!(
            kind("Trilateral Ministerial Meeting Unilateral Press Statement").as_deref(),
            Some("unilateral press statement")
        );
        assert_eq!(
            kind("Readout of the Trilateral Call").as_deref(),
            Some("readout")
        );
        assert_eq!(
            kind("FACT SHEET: The Trilateral Summit").as_deref(),
            Some("fact sheet")
        );
        assert_eq!(
            kind("Press Release: Joint Statement on the Talks").as_deref(),
            Some("joint statement")
        );
        assert_eq!(
            kind("한미일 국방장관회의 공동 언론성명").as_deref(),
            Some("joint press statement")
        );
        assert_eq!(
            kind("日米韓防衛相会談共同声明").as_deref(),
            Some("joint statement")
        );
        assert_eq!(kind("日米韓共同発表").as_deref(), Some("joint statement"));
        assert_eq!(
            kind("한미일 공동언론발표문").as_deref(),
            Some("joint press statement")
        );
        assert_eq!(
            kind("第13回協議共同ステートメント(仮訳)").as_deref(),
            Some("joint statement")
        );
        assert_eq!(kind("The Trilateral Defense Talks"), None);
        // A word that only contains a noun is not one.
        assert_eq!(kind("Understatements of the Year"), None);
    }

    #[test]
    fn a_change_of_kind_is_told_apart_from_a_change_of_title() {
        assert_ne!(
            of_title("Joint Press Statement"),
            of_title("Unilateral Press Statement")
        );
        assert_eq!(
            of_title("Joint Statement of the 14th Talks"),
            of_title("Joint Statement of the 15th Talks")
        );
        assert_ne!(of_title("Joint Statement"), of_title("Readout"));
    }

    #[test]
    fn attribution_lines() {
        assert!(is_attribution(
            "The following statement was released by the governments of the three countries."
        ));
        assert!(is_attribution(
            "Text of a joint statement by the three ministers:"
        ));
        assert!(is_attribution(
            "Joint statement issued by the ministries on Monday."
        ));
        assert!(!is_attribution(
            "The ministers welcomed the joint statement of the leaders and pledged to deepen it."
        ));
        assert!(!is_attribution("The officials met in Seoul on Tuesday."));
        assert!(is_attribution(
            "The following text was released by the governments of the three countries."
        ));
        assert!(is_attribution(
            "The text of the following joint statement was released by the three governments."
        ));
        assert!(is_text_marker("Begin text:"));
        assert!(is_text_marker("start text"));
        assert!(!is_text_marker("Joint statement text"));
        assert!(!is_text_marker(
            "The ministers agreed on the text of the plan."
        ));
    }
}
