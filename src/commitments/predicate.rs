//! Whether an English verb of the lexicon is the predicate of a clause
//! ("we condemn", "the Ministers condemned", "have condemned", "are
//! condemning", "will support") or another part of speech: an adjective or
//! participle in a noun phrase ("a strong and determined response", "the
//! lines of effort agreed to at the summit"), a passive ("was welcomed
//! by"), an infinitive or a noun ("their support"). Read from the words
//! around the verb: what stands before it (a subject, an auxiliary, a
//! determiner, a preposition), what follows it, and the tense of the
//! predicate it may be coordinated with. Also promises with a modal for
//! predicate and an actor for subject ("We will hold …").

use std::borrow::Cow;

use super::forms::Form;
use super::lexicon::{EntryKind, Hit, Lexicon};

/// A word of a sentence: where it is and how it is written.
pub(super) struct Token<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) word: &'a str,
}

/// The tense of a predicate: coordinated predicates share it ("condemned
/// X and urged Y"; "we condemn X and call on Y"), while a verb of another
/// tense after "and" belongs to another clause ("stressed that their
/// countries share … and are committed …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    NonPast,
}

/// A predicate found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Predicate {
    /// The lexicon verb, or for a promise with no reporting verb the modal
    /// and the verb after it (level 0).
    pub(super) hit: Hit,
    /// Where the predicate starts: its auxiliaries and adverbs ("will
    /// continue to support", "have also condemned").
    pub(super) lead: usize,
    pub(super) tense: Tense,
    /// A promise with a modal for predicate ("We will hold …").
    pub(super) modal_only: bool,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
    "such", "any", "every", "another", "whose",
];
const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];
const HAVE: &[&str] = &["have", "has", "had"];
const AUXILIARIES: &[&str] = &[
    "will", "shall", "must", "can", "could", "would", "should", "may", "might", "do", "does", "did",
];
const PRONOUNS: &[&str] = &["we", "they", "i", "you", "he", "she", "it"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "about",
    "against",
    "into",
    "over",
    "under",
    "during",
    "through",
    "toward",
    "towards",
    "upon",
    "among",
    "between",
    "without",
    "within",
    "including",
    "regarding",
    "concerning",
    "across",
    "amid",
    "after",
    "before",
    "since",
    "via",
];
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "if", "whether", "when", "because", "as", "although", "though",
    "unless", "until", "where", "how", "what", "once", "while",
];
const COORDINATORS: &[&str] = &["and", "or", "but"];

/// Adverbs that belong to the verb phrase when they stand just before it.
pub(super) const VERB_ADVERBS: &[&str] = &[
    "also",
    "further",
    "again",
    "jointly",
    "once",
    "all",
    "both",
    "each",
    "firmly",
    "strongly",
    "fully",
    "unequivocally",
    "resolutely",
    "additionally",
    "together",
    "collectively",
    "still",
    "not",
    "now",
    "already",
    "hereby",
];

/// Prepositions that, right after a verb that follows a comma, show a
/// reduced relative clause ("the Memorandum, signed at the meeting in
/// Tokyo") rather than a new commitment.
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "during", "under", "last", "earlier", "this",
];

/// The words of a sentence with what the predicate rules read.
pub(super) struct Sentence<'a, 'b> {
    pub(super) text: &'a str,
    pub(super) tokens: &'b [Token<'a>],
    pub(super) lower: &'b [Cow<'a, str>],
    pub(super) masks: &'b [u8],
    pub(super) lexicon: &'b Lexicon,
}

impl Sentence<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map(|w| w.as_ref()).unwrap_or("")
    }

    /// The text between word `i - 1` and word `i`.
    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[i - 1].end..self.tokens[i].start]
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tokens[i].word.starts_with(char::is_uppercase)
    }

    fn is_kind(&self, i: usize, kind: EntryKind) -> bool {
        self.lexicon
            .match_at_masked(self.lower, self.masks, i, kind)
            .is_some()
    }

    /// An adverb of a verb phrase: "also", "strongly", "deeply".
    pub(super) fn is_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        !self.capitalized(i)
            && (VERB_ADVERBS.contains(&w)
                || (w.len() > 4 && w.ends_with("ly") && w.is_ascii())
                || self.is_kind(i, EntryKind::Intensifier)
                    && !self.is_kind(i + 1, EntryKind::Verb)
                    && w.ends_with("ly"))
    }

    /// The first of the adverbs that stand right before word `at`.
    pub(super) fn adverbs_before(&self, at: usize) -> usize {
        let mut b = at;
        while b > 0 && self.is_adverb(b - 1) && !has_break(self.gap(b)) {
            b -= 1;
        }
        b
    }

    /// Where the clause holding word `at` starts: after the last comma,
    /// semicolon or colon before it.
    fn clause_start(&self, at: usize) -> usize {
        (1..=at)
            .rev()
            .find(|&i| has_break(self.gap(i)))
            .unwrap_or(0)
    }

    /// Whether the words `from..to` read as a noun phrase that can be a
    /// subject: no verb, auxiliary, relative word or infinitive in them.
    fn noun_phrase(&self, from: usize, to: usize) -> bool {
        (from..to).all(|i| {
            let w = self.word(i);
            let verb_like = BE.contains(&w)
                || HAVE.contains(&w)
                || AUXILIARIES.contains(&w)
                || SUBORDINATORS.contains(&w)
                || w == "to"
                || (i > from
                    && !self.capitalized(i)
                    && w.len() > 4
                    && w.ends_with("ed")
                    && !DETERMINERS.contains(&self.word(i - 1))
                    && !self.is_adverb(i - 1));
            !verb_like
        })
    }

    /// A word that does not open a noun phrase of its own: what follows a
    /// verb that takes an object or clause ("the", "to", "that", "on").
    fn opens_complement(&self, i: usize) -> bool {
        let w = self.word(i);
        i >= self.lower.len()
            || has_break(self.gap(i))
            || DETERMINERS.contains(&w)
            || PREPOSITIONS.contains(&w)
            || PRONOUNS.contains(&w)
            || SUBORDINATORS.contains(&w)
            || self.capitalized(i)
            || w.starts_with(|c: char| c.is_ascii_digit())
    }

    /// "a strong and determined response": the word after a determiner
    /// and before "and" is an adjective, and the verb form after "and"
    /// modifies the noun after it.
    fn adjective_coordination(&self, b: usize, end: usize) -> bool {
        if b < 3 || has_break(self.gap(b)) || has_break(self.gap(b - 1)) {
            return false;
        }
        let adjective = b - 2;
        let w = self.word(adjective);
        let adjective_like = self.is_kind(adjective, EntryKind::Intensifier)
            || self.is_kind(adjective, EntryKind::Softener)
            || [
                "ful", "ous", "ive", "able", "ible", "ic", "ent", "ant", "less", "ed",
            ]
            .iter()
            .any(|s| w.ends_with(s));
        DETERMINERS.contains(&self.word(b - 3)) && adjective_like && !self.opens_complement(end)
    }
}

/// A comma, semicolon, colon, bracket or dash between two words.
fn has_break(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '\u{2014}', '\u{2013}'])
}

fn tense_of(form: Form) -> Tense {
    match form {
        Form::Past => Tense::Past,
        _ => Tense::NonPast,
    }
}

/// Whether a lexicon verb is a predicate here, and if so its tense and
/// where it starts. `before` are the predicates found earlier in the
/// sentence.
pub(super) fn english_predicate(
    s: &Sentence<'_, '_>,
    hit: Hit,
    before: &[Predicate],
) -> Option<Predicate> {
    // A capitalized verb inside a sentence is part of a name or a
    // headline ("Agreement Signed Between …").
    if hit.start > 0 && s.capitalized(hit.start) {
        return None;
    }
    let next = s.word(hit.end);
    if hit.form == Form::Past {
        // A passive or a participle: "welcomed by", "the plan agreed to at
        // the summit" (a preposition left without its object).
        if next == "by" && !has_break(s.gap(hit.end)) {
            return None;
        }
        let stranded = matches!(next, "to" | "upon" | "on" | "for")
            && !has_break(s.gap(hit.end))
            && hit.end + 1 < s.lower.len()
            && !has_break(s.gap(hit.end + 1))
            && PREPOSITIONS.contains(&s.word(hit.end + 1));
        if stranded {
            return None;
        }
    }
    let found = |lead: usize, form: Form| {
        Some(Predicate {
            hit,
            lead: s.adverbs_before(lead),
            tense: tense_of(form),
            modal_only: false,
        })
    };
    left_context(s, hit, hit.start, hit.form, before, &found)
}

/// Reads what stands before the verb (or its auxiliary) at `at`.
fn left_context(
    s: &Sentence<'_, '_>,
    hit: Hit,
    at: usize,
    form: Form,
    before: &[Predicate],
    found: &dyn Fn(usize, Form) -> Option<Predicate>,
) -> Option<Predicate> {
    let b = s.adverbs_before(at);
    if b == 0 {
        // A sentence that opens on its verb: a past form only ("Condemned
        // …" in notes); a base form is an imperative or a heading.
        return (form == Form::Past).then(|| found(at, form)).flatten();
    }
    let gap = s.gap(b);
    let prev = s.word(b - 1);
    let agrees = |tense: Tense| before.last().is_none_or(|p| p.tense == tense);
    if gap.contains(';') {
        return found(at, form);
    }
    if has_break(gap) {
        // After a comma: another predicate of a list of them, or the verb
        // after an inserted phrase ("The Ministers, meeting in Tokyo,
        // condemned …"), unless a participle ("…, signed at the meeting").
        if form == Form::Past && PARTICIPLE_PREPOSITIONS.contains(&s.word(hit.end)) {
            return None;
        }
        if form == Form::Ing {
            return None;
        }
        return match before.last() {
            Some(p) if p.tense != tense_of(form) => None,
            Some(_) => found(at, form),
            None if form == Form::Base => None,
            None => found(at, form),
        };
    }
    if form == Form::Ing {
        // Progressive: "are condemning".
        let be = if matches!(prev, "was" | "were") {
            Form::Past
        } else {
            Form::Present
        };
        return (BE.contains(&prev) && prev != "being")
            .then(|| left_context(s, hit, b - 1, be, before, found))
            .flatten();
    }
    if DETERMINERS.contains(&prev) {
        return None;
    }
    if BE.contains(&prev) || prev == "having" {
        // A passive ("were welcomed"), or a noun ("is support").
        return None;
    }
    if HAVE.contains(&prev) {
        // The perfect: "have condemned".
        return (form == Form::Past)
            .then(|| left_context(s, hit, b - 1, Form::Past, before, found))
            .flatten();
    }
    if AUXILIARIES.contains(&prev) {
        // "will support", "must condemn", "do support".
        return (form == Form::Base)
            .then(|| left_context(s, hit, b - 1, Form::Present, before, found))
            .flatten();
    }
    if prev == "to" {
        // An infinitive belongs to the verb before it ("agreed to
        // support"), except after "continue" ("We continue to condemn").
        if b >= 2 && form == Form::Base {
            let verb = s.word(b - 2);
            let continue_form = match verb {
                "continue" => Some(Form::Base),
                "continues" => Some(Form::Present),
                "continued" => Some(Form::Past),
                _ => None,
            };
            if let Some(f) = continue_form {
                return left_context(s, hit, b - 2, f, before, found);
            }
        }
        return None;
    }
    if PREPOSITIONS.contains(&prev) || SUBORDINATORS.contains(&prev) {
        return None;
    }
    let tense = tense_of(form);
    if PRONOUNS.contains(&prev) {
        return found(at, form);
    }
    if COORDINATORS.contains(&prev) {
        if s.adjective_coordination(b, hit.end) {
            return None;
        }
        return match before.last() {
            Some(_) if !agrees(tense) => None,
            Some(_) => found(at, form),
            // Coordinated with a verb not in the lexicon ("met … and
            // agreed"): a past form, or a present one after a pronoun.
            None if tense == Tense::Past => found(at, form),
            None => (0..b)
                .any(|i| matches!(s.word(i), "we" | "they" | "i"))
                .then(|| found(at, form))
                .flatten(),
        };
    }
    // After a noun: the subject, when the words from the clause's start
    // are a noun phrase ("The Secretary and the two Ministers condemned");
    // otherwise a participle after its noun ("They reviewed the lines of
    // effort agreed …").
    let start = s.clause_start(b);
    let after_coordinator = (start..b)
        .rev()
        .find(|&i| COORDINATORS.contains(&s.word(i)))
        .map_or(start, |i| i + 1);
    if let Some(p) = before.last()
        && p.hit.end > start
    {
        // Inside the clause of the predicate before, unless a coordinator
        // opens a clause with its own subject ("… and the officials
        // pledged").
        if !(after_coordinator > start && p.hit.end < after_coordinator) {
            return None;
        }
        return s
            .noun_phrase(after_coordinator, b)
            .then(|| found(at, form))
            .flatten();
    }
    s.noun_phrase(start, b).then(|| found(at, form)).flatten()
}

/// A promise with a modal for predicate and an actor for subject, at word
/// `at`: "We will step up our efforts", "Our three countries will
/// establish …", "The Ministers will hold …", "… and will continue to …".
pub(super) fn modal_predicate(
    s: &Sentence<'_, '_>,
    at: usize,
    before: &[Predicate],
) -> Option<Predicate> {
    let modal = s
        .lexicon
        .match_at_masked(s.lower, s.masks, at, EntryKind::Modal)?;
    if at > 0 && s.capitalized(at) {
        return None;
    }
    let mut v = modal.end;
    while v < s.lower.len() && s.is_adverb(v) {
        v += 1;
    }
    let verb = s.word(v);
    let is_verb = v < s.lower.len()
        && !has_break(s.gap(v))
        && verb.bytes().all(|b| b.is_ascii_lowercase())
        && !s.capitalized(v)
        && !BE.contains(&verb)
        && !HAVE.contains(&verb)
        && !DETERMINERS.contains(&verb)
        && !PREPOSITIONS.contains(&verb)
        && !PRONOUNS.contains(&verb)
        && !SUBORDINATORS.contains(&verb)
        && !verb.ends_with("ed")
        && !verb.ends_with("ing");
    // A reporting verb after the modal is the commitment's own predicate.
    if !is_verb || s.is_kind(v, EntryKind::Verb) {
        return None;
    }
    let b = s.adverbs_before(at);
    if b == 0 || s.gap(b).contains(';') {
        return None;
    }
    let prev = s.word(b - 1);
    let found = || {
        Some(Predicate {
            hit: Hit {
                kind: EntryKind::Modal,
                level: 0,
                start: modal.start,
                end: v + 1,
                form: Form::Base,
                tail: 0,
            },
            lead: b,
            tense: Tense::NonPast,
            modal_only: true,
        })
    };
    // After a coordinator, the subject is the clause's before it.
    if COORDINATORS.contains(&prev) && !has_break(s.gap(b)) {
        // Unless it is inside a clause that one reports ("shared their
        // views that the Memorandum … and will serve …").
        return match before.last() {
            Some(p) if !(p.hit.end..b).any(|i| s.word(i) == "that") => found(),
            _ => None,
        };
    }
    if has_break(s.gap(b)) {
        return None;
    }
    // A clause of its own: no predicate before it, or one ended by a
    // comma and a coordinator before this clause's subject ("…, and we
    // will …"), with no "that" between (a clause that one reports: "pledged
    // that the ROK, the U.S., and Japan will …").
    let start = s.clause_start(b);
    let subject_start = (start..b)
        .rev()
        .find(|&i| COORDINATORS.contains(&s.word(i)))
        .map_or(start, |i| i + 1);
    let own_clause = match before.last() {
        None => true,
        Some(p) => {
            p.hit.end <= subject_start
                && subject_start >= 2
                && COORDINATORS.contains(&s.word(subject_start - 1))
                && has_break(s.gap(subject_start - 1))
                && !(p.hit.end..subject_start).any(|i| s.word(i) == "that")
        }
    };
    // A consequence of a condition ("If the DPRK …, it will bear …") is no
    // promise.
    let conditional = matches!(s.word(0), "if" | "unless" | "should");
    if conditional || !own_clause || subject_start >= b || !s.noun_phrase(subject_start, b) {
        return None;
    }
    // The subject is an actor: "we", a capitalized name or title, or a
    // word the lexicon lists ("countries", "ministers"), read at the
    // subject's head (before a preposition: "declarations with North
    // Korea" is no actor).
    let head = (subject_start..b)
        .find(|&i| PREPOSITIONS.contains(&s.word(i)))
        .unwrap_or(b)
        .saturating_sub(1)
        .max(subject_start);
    let actor = matches!(s.word(head), "we" | "they" | "i")
        || s.capitalized(head)
        || s.is_kind(head, EntryKind::Subject)
        || (subject_start..head).any(|i| matches!(s.word(i), "our" | "we"));
    actor.then(found).flatten()
}
