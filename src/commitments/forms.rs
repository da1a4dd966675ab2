//! English verb forms: every tense and person of a lemma ("condemn":
//! condemns, condemned, condemning), made by the rules of English
//! inflection, with a table of the irregular verbs; and which form a
//! written word is.

/// The irregular verbs a statement may use: lemma, then its other forms
/// (third person, past, past participle, present participle where they
/// are not regular).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("be", &["am", "is", "are", "was", "were", "been", "being"]),
    ("have", &["has", "had", "having"]),
    ("do", &["does", "did", "done", "doing"]),
    ("go", &["goes", "went", "gone"]),
    ("take", &["took", "taken"]),
    ("undertake", &["undertook", "undertaken"]),
    ("make", &["made"]),
    ("hold", &["held"]),
    ("uphold", &["upheld"]),
    ("withhold", &["withheld"]),
    ("stand", &["stood"]),
    ("understand", &["understood"]),
    ("see", &["saw", "seen"]),
    ("foresee", &["foresaw", "foreseen"]),
    ("give", &["gave", "given"]),
    ("forgive", &["forgave", "forgiven"]),
    ("keep", &["kept"]),
    ("lead", &["led"]),
    ("meet", &["met"]),
    ("set", &["setting"]),
    ("put", &["putting"]),
    ("seek", &["sought"]),
    ("find", &["found"]),
    ("say", &["said"]),
    ("speak", &["spoke", "spoken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("come", &["came"]),
    ("become", &["became"]),
    ("overcome", &["overcame"]),
    ("rise", &["rose", "risen"]),
    ("choose", &["chose", "chosen"]),
    ("write", &["wrote", "written"]),
    ("begin", &["began", "begun"]),
    ("feel", &["felt"]),
    ("hear", &["heard"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("leave", &["left"]),
    ("send", &["sent"]),
    ("spend", &["spent"]),
    ("win", &["won"]),
    ("lay", &["laid"]),
    ("pay", &["paid"]),
    ("swear", &["swore", "sworn"]),
    ("strike", &["struck", "stricken"]),
    ("forbid", &["forbade", "forbidden"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("draw", &["drew", "drawn"]),
    ("show", &["shown"]),
    ("know", &["knew", "known"]),
    ("grow", &["grew", "grown"]),
    ("get", &["got", "gotten"]),
    ("shake", &["shook", "shaken"]),
    ("mean", &["meant"]),
    ("lend", &["lent"]),
    ("bear", &["bore", "borne"]),
];

/// Every form of a one-word lemma, the lemma first: third person, past and
/// participle, present participle, by the regular rules (consonant
/// doubling and the silent "e" tried both ways: a form no one writes is
/// never met), and the irregular ones.
pub(super) fn forms_of(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    if !lemma.bytes().all(|b| b.is_ascii_lowercase()) || lemma.len() < 2 {
        return out;
    }
    if let Some((_, irregular)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        out.extend(irregular.iter().map(|f| f.to_string()));
    }
    let bytes = lemma.as_bytes();
    let last = bytes[bytes.len() - 1];
    let before = bytes[bytes.len() - 2];
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // Third person.
    if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        out.push(format!("{lemma}es"));
    } else if last == b'y' && !vowel(before) {
        out.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        out.push(format!("{lemma}s"));
    }
    // Past and participle, present participle.
    let stem = &lemma[..lemma.len() - 1];
    if last == b'e' {
        out.push(format!("{lemma}d"));
        if lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe") {
            out.push(format!("{lemma}ing"));
        } else if let Some(root) = lemma.strip_suffix("ie") {
            out.push(format!("{root}ying"));
        } else {
            out.push(format!("{stem}ing"));
        }
    } else if last == b'y' && !vowel(before) {
        out.push(format!("{stem}ied"));
        out.push(format!("{lemma}ing"));
    } else {
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
        // A final consonant after one vowel may double ("commit":
        // committed; "regret": regretted).
        let third = bytes.len().checked_sub(3).map(|i| bytes[i]);
        if !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && vowel(before)
            && third.is_some_and(|b| !vowel(b))
        {
            let c = last as char;
            out.push(format!("{lemma}{c}ed"));
            out.push(format!("{lemma}{c}ing"));
        }
    }
    out.dedup();
    out
}

/// Which form of its lemma a written verb is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// The lemma itself: "we condemn", "will condemn", "to condemn".
    Base,
    /// Third person present: "condemns", "is".
    Present,
    /// Past or past participle: "condemned", "took", "taken", "were".
    Past,
    /// Present participle: "condemning", "being".
    Ing,
    /// Not an English verb (a Korean or Japanese one, a phrase by prefix).
    Other,
}

/// The form `word` is of `lemma` (one of [`forms_of`]).
pub(super) fn form_of(word: &str, lemma: &str) -> Form {
    if word == lemma {
        return Form::Base;
    }
    match word {
        "am" | "is" | "are" | "has" | "does" => return Form::Present,
        "was" | "were" | "been" | "had" | "did" => return Form::Past,
        _ => {}
    }
    if word.ends_with("ing") && !lemma.ends_with("ing") {
        Form::Ing
    } else if word.ends_with('s') && !word.ends_with("ss") {
        Form::Present
    } else {
        Form::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lemma: &str, form: &str) -> bool {
        forms_of(lemma).iter().any(|f| f == form)
    }

    #[test]
    fn every_tense_and_person_of_a_regular_verb() {
        for (lemma, forms) in [
            ("condemn", &["condemns", "condemned", "condemning"][..]),
            ("agree", &["agrees", "agreed", "agreeing"]),
            ("urge", &["urges", "urged", "urging"]),
            ("commit", &["commits", "committed", "committing"]),
            ("deny", &["denies", "denied", "denying"]),
            ("stress", &["stresses", "stressed", "stressing"]),
            ("reaffirm", &["reaffirms", "reaffirmed", "reaffirming"]),
            ("be", &["is", "are", "was", "were", "been"]),
            ("undertake", &["undertook", "undertaken", "undertakes"]),
        ] {
            for form in forms {
                assert!(has(lemma, form), "{lemma}: {form} in {:?}", forms_of(lemma));
            }
        }
        // Nouns of the same root are no form of the verb.
        assert!(!has("commit", "commitment"));
        assert!(!has("agree", "agreement"));
        assert!(!has("determine", "determination"));
    }

    #[test]
    fn forms_are_told_apart() {
        assert_eq!(form_of("condemn", "condemn"), Form::Base);
        assert_eq!(form_of("condemns", "condemn"), Form::Present);
        assert_eq!(form_of("condemned", "condemn"), Form::Past);
        assert_eq!(form_of("undertook", "undertake"), Form::Past);
        assert_eq!(form_of("condemning", "condemn"), Form::Ing);
        assert_eq!(form_of("are", "be"), Form::Present);
        assert_eq!(form_of("stressed", "stress"), Form::Past);
    }
}
