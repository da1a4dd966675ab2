//! List items: the commitments the items of a list make with the lead-in that introduces them.

use super::body;
use super::cjk::{is_cjk, is_japanese};
use super::clause::extract_sentence;
use super::lexicon::Lexicon;
use super::stem::{core_of, numbers_of};
use crate::document::Paragraph;
use crate::model::Commitment;
use crate::text::sentence::sentences;

/// Gives the items of a list introduced by a commitment ("The Ministers
/// agreed to:", then "- hold a trilateral exercise every year;", "- share
/// missile warning data in real time.") the commitments they make with
/// that lead-in: each item is read as the lead-in followed by the item, so
/// an agreed action added to the list is an added commitment. Items with a
/// reporting verb of their own keep what they say.
///
/// The list is the run of items after the lead-in with the marker of its
/// first item ("-", "(a)", "1.", or none for a web page's or Markdown
/// file's list items), which must differ from the lead-in's own: in a
/// statement of numbered paragraphs, "1. … agreed on the following:",
/// "(a) …", "(b) …" is a list and "2. …" is the next paragraph.
pub(super) fn read_list_items(
    paragraphs: &[Paragraph],
    lexicon: &Lexicon,
    parts: &mut [Vec<Commitment>],
) {
    // The lead-in, its marker, and the marker of the list's items once seen.
    let mut lead: Option<(String, Marker, Option<Marker>)> = None;
    for (paragraph, commitments) in paragraphs.iter().zip(parts.iter_mut()) {
        let marker = Marker::of(paragraph);
        if let Some((text, own, list)) = &mut lead {
            let in_list = !paragraph.heading
                && marker != Marker::None
                && match list {
                    Some(list) => marker == *list,
                    None => marker != *own,
                };
            if in_list {
                *list = Some(marker);
                if commitments.is_empty()
                    && let Some(c) = list_item(text, paragraph, lexicon)
                {
                    commitments.push(c);
                }
                continue;
            }
        }
        lead = lead_in(paragraph, lexicon).map(|text| (text, marker, None));
    }
}

/// How a paragraph is marked as a list item, by the kind of its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Not a list item.
    None,
    /// A web page's or Markdown file's list item without a marker.
    Unmarked,
    /// "-", "•", "*".
    Bullet,
    /// "1.", "a.", "iv." (digits or letters, closing stop or parenthesis,
    /// opening parenthesis).
    Ordinal { digits: bool, open: bool, close: u8 },
}

impl Marker {
    fn of(paragraph: &Paragraph) -> Marker {
        match paragraph.number.as_deref() {
            None if paragraph.item => Marker::Unmarked,
            None => Marker::None,
            Some(m) if !m.ends_with(['.', ')']) => Marker::Bullet,
            Some(m) => Marker::Ordinal {
                digits: m.bytes().any(|b| b.is_ascii_digit()),
                open: m.starts_with('('),
                close: m.as_bytes()[m.len() - 1],
            },
        }
    }
}

/// The lead-in a paragraph ends with, if any: its last sentence ends with a
/// colon, makes a commitment, and that commitment's clause runs on to the
/// colon ("The Ministers agreed to:"; not "The Ministers welcomed the
/// progress, and discussed the following topics:"). Read from the subject
/// and verb on ("To carry forward the framework, the officials agreed on
/// the following actions:" leads with "the officials agreed on the
/// following actions:"); in Korean and Japanese, which put the verb last,
/// the whole sentence.
fn lead_in(paragraph: &Paragraph, lexicon: &Lexicon) -> Option<String> {
    let text = paragraph.text.trim_end();
    // Japanese and Korean close the lead-in with a full stop and say "the
    // following" in it ("以下の措置を実施することで一致した。", "다음과 같이
    // 합의하였다.").
    let announces = || {
        const FOLLOWING: [&str; 6] = [
            "以下",
            "下記",
            "次の",
            "다음과 같",
            "다음 사항",
            "아래와 같",
        ];
        text.ends_with(['\u{3002}', '.'])
            && sentences(text)
                .last()
                .is_some_and(|last| FOLLOWING.iter().any(|w| last.contains(w)))
    };
    if paragraph.heading || !(text.ends_with([':', '\u{ff1a}']) || announces()) {
        return None;
    }
    let last = *sentences(body(paragraph)).last()?;
    let mut made = Vec::new();
    extract_sentence(last, paragraph.index, lexicon, &mut None, &mut made);
    let c = made.last()?;
    let verb = last.rfind(c.verb.as_str())?;
    if is_cjk(last) && c.subject.is_none() {
        return Some(last.to_string());
    }
    // Another clause between the verb and the colon: the list is its own.
    let tail = &last[verb + c.verb.len()..];
    let words: Vec<&str> = tail.split_whitespace().collect();
    let other_clause = tail.contains(';')
        || words.windows(2).any(|w| {
            matches!(
                w[0].trim_start_matches(','),
                "and" | "but" | "while" | "and," | "but,"
            ) && w[1].trim_end_matches(':').ends_with("ed")
        });
    if other_clause {
        return None;
    }
    let subject = c.subject.as_deref().unwrap_or_default();
    let before = last[..verb].trim_end();
    Some(match subject {
        "" => last[verb..].to_string(),
        s if before.ends_with(s) => last[before.len() - s.len()..].to_string(),
        s => format!("{s} {}", &last[verb..]),
    })
}

/// The commitment a list item makes with its lead-in. Its strength is the
/// lead-in's with the item's own modals and softeners; what it says is who
/// committed, the verb and the item ("the officials agreed: Conduct the
/// fourth exercise"), kept word for word when the item is.
fn list_item(lead: &str, paragraph: &Paragraph, lexicon: &Lexicon) -> Option<Commitment> {
    let item = body(paragraph);
    let sentence = format!("{lead} {item}");
    let mut made = Vec::new();
    extract_sentence(&sentence, paragraph.index, lexicon, &mut None, &mut made);
    let mut c = made.pop()?;
    let item = item.trim_end();
    let item = item
        .strip_suffix(" and")
        .or_else(|| item.strip_suffix(" or"))
        .unwrap_or(item)
        .trim_end_matches([';', ',', ' ']);
    c.core = core_of(item);
    c.text = match &c.subject {
        Some(subject) => format!("{subject} {}: {item}", c.verb),
        None => {
            let lead = lead.trim_end_matches([':', '\u{ff1a}', ' ', '\u{3002}']);
            if is_japanese(lead) {
                format!("{lead}\u{ff1a}{item}")
            } else {
                format!("{}: {item}", lead.trim_end_matches('.'))
            }
        }
    };
    c.numbers = numbers_of(&c.core);
    c.listed = true;
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::chrome::Chrome;
    use crate::commitments::lexicon::Lexicon;
    use crate::commitments::tests::{changes_between, commitments};
    use crate::commitments::{extract, extract_reusing};
    use crate::document::Document;
    use crate::model::CommitmentKind;

    #[test]
    fn list_items_commit_with_their_lead_in() {
        let text = "Agreed Actions\n\nTo carry this forward, the Ministers agreed to:\n\n\
                    - hold a trilateral exercise every year;\n\
                    - share missile warning data in real time; and\n\
                    - explore a trilateral secretariat.\n\n\
                    The next meeting will be held in Tokyo.";
        let found = commitments(text);
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "To carry this forward, the Ministers agreed to",
                "the Ministers agreed: hold a trilateral exercise every year",
                "the Ministers agreed: share missile warning data in real time",
                "the Ministers agreed: explore a trilateral secretariat.",
            ]
        );
        assert!(found.iter().all(|c| c.verb == "agreed"));
        assert_eq!(found[1].paragraph, 3);
        // "explore" softens the item as it would the clause.
        assert!(found[3].strength.modal.is_some() || found[3].strength.modifiers < 0);
    }

    #[test]
    fn numbered_paragraphs_after_a_lead_in_are_not_its_items() {
        let text = "1. The Ministers agreed on the following:\n\n(a) hold an exercise every year;\n\n\
                    (b) share warning data.\n\n2. The situation remains of grave concern.\n\n\
                    3. The next meeting will be held in Tokyo.";
        let texts: Vec<String> = commitments(text).into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "The Ministers agreed on the following",
                "The Ministers agreed: hold an exercise every year",
                "The Ministers agreed: share warning data.",
            ]
        );
    }

    #[test]
    fn a_colon_after_another_clause_leads_no_list() {
        let text = "The Ministers welcomed the progress made, and discussed the following topics:\n\n\
                    - regional security;\n- the economy.";
        let found = commitments(text);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_korean_list_item_carries_the_whole_lead_in() {
        let found = commitments("3국 대표는 다음 사항에 합의하였다:\n\n- 공동 보고서를 제출한다.");
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(
            texts[1],
            "3국 대표는 다음 사항에 합의하였다: 공동 보고서를 제출한다."
        );
    }

    #[test]
    fn list_items_without_a_committing_lead_in_commit_to_nothing() {
        let text = "The agenda covered:\n\n- the exercise;\n- the secretariat.";
        assert!(commitments(text).is_empty());
        // A heading that opens with a verb is no commitment either.
        let doc = Document::from_text("t.md", "# Agreed Actions\n\nThey met.", &Chrome::none());
        assert!(extract(&doc.paragraphs, &Lexicon::builtin()).is_empty());
    }

    #[test]
    fn an_agreed_action_added_to_the_list_is_an_added_commitment() {
        let old =
            "The Ministers agreed to:\n\n- hold an exercise every year;\n- share warning data.";
        let new = "The Ministers agreed to:\n\n- hold an exercise every year;\n\
                   - share warning data;\n- launch a cyber working group.";
        let changes = changes_between(old, new);
        let kinds: Vec<(CommitmentKind, &str)> = changes
            .iter()
            .map(|c| {
                let side = c.new.as_ref().or(c.old.as_ref()).unwrap();
                (c.kind, side.text.as_str())
            })
            .collect();
        assert!(
            kinds.contains(&(
                CommitmentKind::Added,
                "The Ministers agreed: launch a cyber working group."
            )),
            "{kinds:?}"
        );
        assert_eq!(
            kinds
                .iter()
                .filter(|(k, _)| *k == CommitmentKind::Kept)
                .count(),
            3,
            "{kinds:?}"
        );
    }

    #[test]
    fn a_reused_list_item_is_read_with_its_own_lead_in() {
        let old = Document::from_text(
            "o.txt",
            "The Ministers agreed to:\n\n- hold an exercise.",
            &Chrome::none(),
        );
        let new = Document::from_text(
            "n.txt",
            "The Ministers decided to:\n\n- hold an exercise.",
            &Chrome::none(),
        );
        let lexicon = Lexicon::builtin();
        let known = extract(&old.paragraphs, &lexicon);
        let reused = extract_reusing(&new.paragraphs, &lexicon, &old.paragraphs, &known);
        assert_eq!(reused, extract(&new.paragraphs, &lexicon));
        assert_eq!(reused[1].verb, "decided");
    }

    #[test]
    fn a_japanese_list_of_actions_after_a_lead_in_with_a_full_stop() {
        // "agreed to carry out the following measures." then "・" items
        // written without a space: each item is a commitment.
        let old = "三者は、以下の措置を実施することで一致した。\n\n・訓練を実施する。\n・作業部会を開催する。";
        let new = format!("{old}\n・連絡官を派遣する。");
        let changes = changes_between(old, &new);
        let added: Vec<&str> = changes
            .iter()
            .filter(|c| c.kind == CommitmentKind::Added)
            .filter_map(|c| c.new.as_ref().map(|n| n.text.as_str()))
            .collect();
        assert_eq!(
            added,
            ["三者は、以下の措置を実施することで一致した\u{ff1a}連絡官を派遣する。"]
        );
    }
}
