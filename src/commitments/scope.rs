//! Scope: the intensifiers and softeners that modify a commitment's verb or what it promises.

use super::clause::Clause;
use super::lexicon::{EntryKind, Hit};
use super::predicate::Sentence;

/// Determiners and possessives that open the noun phrase after a verb.
const OBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those", "his",
];

/// The intensifiers and softeners that modify a clause's predicate or
/// what it promises, each with its first token: in English, those among
/// the adverbs of the verb phrase ("strongly condemned", "condemned
/// strongly"), in a phrase right after the verb ("in the strongest
/// terms"), among the adjectives of its object ("expressed serious
/// concern", "reiterated its ironclad commitments"), or a softening verb
/// for what it promises ("agreed to consider"); in Korean and Japanese,
/// where the verb comes last, those in the clause before it.
pub(super) fn scoped_modifiers(s: &Sentence<'_, '_>, c: &Clause<'_>) -> Vec<Hit> {
    let lower = s.lower;
    let masks = s.masks;
    let lexicon = s.lexicon;
    let hit = c.pred.hit;
    let find = |from: usize, to: usize| -> Vec<Hit> {
        let to = to.min(lower.len()).max(from);
        let mut found: Vec<Hit> = [EntryKind::Intensifier, EntryKind::Softener]
            .into_iter()
            .flat_map(|kind| lexicon.find_all_masked(&lower[from..to], &masks[from..to], kind))
            .map(|h| Hit {
                start: h.start + from,
                end: h.end + from,
                ..h
            })
            .collect();
        found.sort_by_key(|h| h.start);
        found
    };
    if c.cjk {
        return find(c.lead, hit.end + 6);
    }
    // Before the verb and inside its phrase ("are deeply concerned").
    let mut out = find(c.lead, hit.end);
    let end = c.end.min(lower.len());
    let modifier_at = |i: usize| {
        lexicon
            .match_at_masked(lower, masks, i, EntryKind::Intensifier)
            .or_else(|| lexicon.match_at_masked(lower, masks, i, EntryKind::Softener))
    };
    let mut i = hit.end;
    // Adverbs right after the verb ("condemned strongly").
    while i < end
        && let Some(h) = modifier_at(i)
    {
        out.push(h);
        i = h.end;
    }
    // "in the strongest terms".
    if i < end && lower[i] == "in" {
        let pp = find(i, (i + 3).min(end));
        if !pp.is_empty() {
            out.extend(pp);
            i += 3;
        }
    }
    // What the verb promises: a softening verb after "to" ("agreed to
    // consider"), or the adjectives of its object ("their unwavering
    // commitment").
    if i < end && lower[i] == "to" {
        if let Some(h) = lexicon.match_at_masked(lower, masks, i + 1, EntryKind::Softener) {
            out.push(h);
        }
        return out;
    }
    while i < end && OBJECT_DETERMINERS.contains(&lower[i].as_ref()) {
        i += 1;
    }
    let mut taken = 0;
    while i < end && taken < 3 {
        if let Some(h) = modifier_at(i) {
            out.push(h);
            i = h.end;
            taken += 1;
            continue;
        }
        let w = lower[i].as_ref();
        if w == "and" || w == "," {
            i += 1;
            continue;
        }
        break;
    }
    out
}
