//! The quick test read from a rule's pattern, and the line as the rules see it.

use crate::text::normalize::fold_typography_cow;

/// A line as the rules see it: typography folded (NFKC, so no character
/// but an ASCII letter folds to an ASCII letter), and the same with ASCII
/// letters in lower case for the quick tests.
pub(super) struct Line<'a> {
    raw: &'a str,
    key: std::cell::OnceCell<std::borrow::Cow<'a, str>>,
    lower: std::cell::OnceCell<String>,
    /// The characters of `lower`, for the tests of unanchored beginnings
    /// (made when one is needed).
    chars: std::cell::OnceCell<Vec<char>>,
}

impl<'a> Line<'a> {
    /// A line whose folded forms are made when a rule needs them: most
    /// lines are turned down by their first character alone.
    pub(super) fn new(line: &'a str) -> Line<'a> {
        Line {
            raw: line,
            key: std::cell::OnceCell::new(),
            lower: std::cell::OnceCell::new(),
            chars: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn key(&self) -> &str {
        self.key.get_or_init(|| fold_typography_cow(self.raw))
    }

    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.key().to_ascii_lowercase())
    }

    fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| self.lower().chars().collect())
    }

    /// The first character of `lower`. A line opening with two ASCII
    /// characters, the first visible and not a backtick, folds to a key
    /// that opens with the same character, so nothing is folded to tell.
    fn first(&self) -> Option<char> {
        let bytes = self.raw.as_bytes();
        match bytes {
            [b, rest @ ..]
                if b.is_ascii_graphic() && *b != b'`' && rest.first().is_none_or(u8::is_ascii) =>
            {
                Some(char::from(b.to_ascii_lowercase()))
            }
            _ => self.lower().chars().next(),
        }
    }
}

/// What every line that a pattern matches has, read from the pattern: one
/// of some beginnings (at the start of the line, or anywhere when the
/// pattern is not anchored), an ending, characters it must contain.
/// Failing it, a line cannot match; passing it, the pattern decides.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Filter {
    pub(super) anchored: bool,
    /// For an anchored pattern whose beginnings all open with a literal
    /// character, those characters (the ASCII ones a bit each): most lines
    /// fail this.
    first_chars: Option<(u128, Vec<char>)>,
    /// Empty: no test of the beginning.
    pub(super) starts: Vec<Beginning>,
    pub(super) ends: String,
    pub(super) contains: Vec<char>,
}

/// One character of a beginning: a literal (ASCII letters in lower case, or
/// a character without case), a digit (any numeric character, a superset of
/// `\d`), white space or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Piece {
    Char(char),
    Digit,
    Space,
    NotSpace,
}

impl Piece {
    fn accepts(self, c: char) -> bool {
        match self {
            Piece::Char(p) => p == c,
            Piece::Digit => c.is_numeric(),
            Piece::Space => c.is_whitespace(),
            Piece::NotSpace => !c.is_whitespace(),
        }
    }
}

impl Filter {
    /// The test for a pattern, or `None` when the pattern uses syntax the
    /// reader does not know (flags, back-references…): then the pattern is
    /// always tried.
    pub(super) fn of(pattern: &str) -> Option<Filter> {
        let mut parser = PatternParser {
            chars: pattern.chars().collect(),
            at: 0,
        };
        let anchored = parser.eat('^');
        let alternatives = parser.alternatives()?;
        let anchored_end = parser.eat('$');
        if parser.at != parser.chars.len() {
            return None;
        }
        if (anchored || anchored_end) && alternatives.len() != 1 {
            return None;
        }
        let mut starts = Vec::new();
        for alternative in &alternatives {
            starts.extend(beginnings(alternative)?);
        }
        starts.sort();
        starts.dedup();
        if starts.iter().any(|(p, _)| p.is_empty()) {
            starts.clear();
        }
        let starts: Vec<Beginning> = starts.into_iter().map(|(p, _)| p).collect();
        // The ASCII characters a line may open with, when every beginning
        // opens with an ASCII character.
        let first_chars = if anchored && !starts.is_empty() {
            starts
                .iter()
                .try_fold((0u128, Vec::new()), |(mask, mut others), p| {
                    match p.first() {
                        Some(Piece::Char(c)) if c.is_ascii() => {
                            Some((mask | 1 << (*c as u32), others))
                        }
                        Some(Piece::Char(c)) => {
                            others.push(*c);
                            Some((mask, others))
                        }
                        _ => None,
                    }
                })
        } else {
            None
        };
        let mut filter = Filter {
            anchored,
            first_chars,
            starts,
            ends: String::new(),
            contains: Vec::new(),
        };
        if let [items] = alternatives.as_slice() {
            for item in items {
                if let (Node::Atom(Some(Piece::Char(c))), 1..) = (&item.node, item.min) {
                    filter.contains.push(*c);
                }
            }
            filter.contains.sort_unstable();
            filter.contains.dedup();
            if anchored_end {
                let mut ends: Vec<char> = items
                    .iter()
                    .rev()
                    .map_while(|item| match (&item.node, item.min, item.max) {
                        (Node::Atom(Some(Piece::Char(c))), 1, Some(1)) => Some(*c),
                        _ => None,
                    })
                    .collect();
                ends.reverse();
                filter.ends = ends.into_iter().collect();
            }
        }
        Some(filter)
    }

    pub(super) fn passes(&self, line: &Line<'_>) -> bool {
        if let Some((ascii, others)) = &self.first_chars {
            let opens = match line.first() {
                Some(c) if c.is_ascii() => ascii & (1 << (c as u32)) != 0,
                Some(c) => others.contains(&c),
                None => false,
            };
            if !opens {
                return false;
            }
        }
        // `lower` is `key` with ASCII letters in lower case: these tests read
        // `key` so, and most lines fail one before a lower-case copy is made.
        let key = line.key();
        let lower_chars = || key.chars().map(|c| c.to_ascii_lowercase());
        if self.anchored
            && !self.starts.is_empty()
            && !self.starts.iter().any(|p| starts_with(lower_chars(), p))
        {
            return false;
        }
        let ends = self.ends.as_bytes();
        if key.len() < ends.len()
            || !key.as_bytes()[key.len() - ends.len()..].eq_ignore_ascii_case(ends)
        {
            return false;
        }
        let has = |c: char| match u8::try_from(c) {
            Ok(b) if c.is_ascii() => key.bytes().any(|k| k.to_ascii_lowercase() == b),
            _ => key.contains(c),
        };
        if !self.contains.iter().all(|&c| has(c)) {
            return false;
        }
        if self.anchored || self.starts.is_empty() {
            return true;
        }
        let chars = line.chars();
        (0..chars.len()).any(|at| {
            self.starts
                .iter()
                .any(|p| starts_with(chars[at..].iter().copied(), p))
        })
    }
}

fn starts_with(mut chars: impl Iterator<Item = char>, pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .all(|p| chars.next().is_some_and(|c| p.accepts(c)))
}

/// Beginnings with more pieces than this are cut (still a valid test).
const MAX_BEGINNING: usize = 8;

/// The first pieces of what a pattern matches, at most [`MAX_BEGINNING`],
/// held in place: reading the built-in rules makes thousands of them, once
/// per run, and copies cost less than allocations.
#[derive(Clone, Copy)]
pub(super) struct Beginning {
    pieces: [Piece; MAX_BEGINNING],
    len: u8,
}

impl Beginning {
    const EMPTY: Beginning = Beginning {
        pieces: [Piece::Space; MAX_BEGINNING],
        len: 0,
    };

    /// Adds pieces while there is room; whether all of them fitted.
    fn extend(&mut self, more: &[Piece]) -> bool {
        for &piece in more {
            if usize::from(self.len) == MAX_BEGINNING {
                return false;
            }
            self.pieces[usize::from(self.len)] = piece;
            self.len += 1;
        }
        true
    }
}

impl std::ops::Deref for Beginning {
    type Target = [Piece];
    fn deref(&self) -> &[Piece] {
        &self.pieces[..usize::from(self.len)]
    }
}

impl PartialEq for Beginning {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Beginning {}

impl PartialOrd for Beginning {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Beginning {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl std::fmt::Debug for Beginning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
/// A pattern with more possible beginnings than this is tested by fewer,
/// shorter ones.
const MAX_BEGINNINGS: usize = 64;

/// The possible beginnings of a sequence of items: each a list of pieces
/// and whether it is the whole of what it matched so far (so that what
/// follows may extend it). `None` when a group has too many.
fn beginnings(items: &[Item]) -> Option<Vec<(Beginning, bool)>> {
    let mut out: Vec<(Beginning, bool)> = vec![(Beginning::EMPTY, true)];
    for item in items {
        if !out.iter().any(|(_, open)| *open) {
            break;
        }
        // The common case, one literal character: extend in place.
        if let (Node::Atom(Some(piece)), 1, Some(1)) = (&item.node, item.min, item.max) {
            for (pieces, open) in &mut out {
                if *open {
                    pieces.extend(&[*piece]);
                    *open = pieces.len() < MAX_BEGINNING;
                }
            }
            continue;
        }
        let own: Vec<(Beginning, bool)> = match &item.node {
            Node::Atom(Some(piece)) => {
                let mut one = Beginning::EMPTY;
                one.extend(&[*piece]);
                vec![(one, true)]
            }
            Node::Atom(None) | Node::Assertion => vec![(Beginning::EMPTY, false)],
            Node::Group(alternatives) => {
                let mut own = Vec::new();
                for alternative in alternatives {
                    own.extend(beginnings(alternative)?);
                }
                if own.len() > MAX_BEGINNINGS {
                    own = vec![(Beginning::EMPTY, false)];
                }
                own
            }
        };
        let open = out.iter().filter(|(_, open)| *open).count();
        let skip = usize::from(item.min == 0);
        let taken = if item.max == Some(0) { 0 } else { own.len() };
        if out.len() - open + open * (skip + taken) > MAX_BEGINNINGS {
            // Too many ways on: the beginnings so far are the test.
            for entry in &mut out {
                entry.1 = false;
            }
            break;
        }
        // Taken once, the item's beginnings stay open only if the item
        // cannot repeat.
        let once = item.max == Some(1);
        let mut next = Vec::with_capacity(MAX_BEGINNINGS);
        for (pieces, open) in out {
            if !open {
                next.push((pieces, false));
                continue;
            }
            if taken > 0 {
                for (more, more_open) in &own {
                    let mut p = pieces;
                    let fitted = p.extend(more);
                    let still_open = *more_open && once && fitted && p.len() < MAX_BEGINNING;
                    next.push((p, still_open));
                }
            }
            if skip > 0 {
                next.push((pieces, true));
            }
        }
        out = next;
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// A pattern read into items, as far as the quick tests need.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    node: Node,
    min: u32,
    /// `None`: no upper bound.
    max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// One character: a known piece, or `None` for a class, `.`, `\w`…
    Atom(Option<Piece>),
    /// A zero-width assertion (`\b`…).
    Assertion,
    Group(Vec<Vec<Item>>),
}

/// Reads the parts of the regular-expression syntax that the quick tests
/// use; anything else (flags, back-references, an unbalanced bracket) ends
/// the reading with `None`.
struct PatternParser {
    chars: Vec<char>,
    at: usize,
}

impl PatternParser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// Alternatives up to a closing parenthesis, a final `$` or the end.
    fn alternatives(&mut self) -> Option<Vec<Vec<Item>>> {
        let mut out = vec![Vec::new()];
        loop {
            match self.peek() {
                None | Some(')') => return Some(out),
                Some('$') if self.at + 1 == self.chars.len() => return Some(out),
                Some('|') => {
                    self.at += 1;
                    out.push(Vec::new());
                }
                Some(_) => {
                    let node = self.atom()?;
                    let (min, max) = self.repetition()?;
                    if let Some(items) = out.last_mut() {
                        items.push(Item { node, min, max });
                    }
                }
            }
        }
    }

    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            '\\' => self.escape()?,
            '.' => Node::Atom(None),
            '[' => {
                self.class()?;
                Node::Atom(None)
            }
            '(' => {
                if self.eat('?') {
                    // Only groups that set no flags: `(?:`, `(?P<n>`, `(?<n>`.
                    if !self.eat(':') {
                        self.eat('P');
                        if !self.eat('<') {
                            return None;
                        }
                        while self.peek()? != '>' {
                            self.at += 1;
                        }
                        self.at += 1;
                    }
                }
                let alternatives = self.alternatives()?;
                if !self.eat(')') {
                    return None;
                }
                Node::Group(alternatives)
            }
            '^' | '$' | ')' | '|' | '*' | '+' | '?' | '{' => return None,
            c => Node::Atom(literal(c)),
        })
    }

    fn escape(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            'd' => Node::Atom(Some(Piece::Digit)),
            's' => Node::Atom(Some(Piece::Space)),
            'S' => Node::Atom(Some(Piece::NotSpace)),
            'D' | 'w' | 'W' => Node::Atom(None),
            'b' | 'B' | 'A' | 'z' | '<' | '>' if self.peek() != Some('{') => Node::Assertion,
            'p' | 'P' => {
                if self.eat('{') {
                    while self.peek()? != '}' {
                        self.at += 1;
                    }
                    self.at += 1;
                } else {
                    self.peek()?;
                    self.at += 1;
                }
                Node::Atom(None)
            }
            'n' => Node::Atom(literal('\n')),
            't' => Node::Atom(literal('\t')),
            'r' => Node::Atom(literal('\r')),
            'x' | 'u' | 'U' => {
                let digits: String = if self.eat('{') {
                    let start = self.at;
                    while self.peek()? != '}' {
                        self.at += 1;
                    }
                    self.at += 1;
                    self.chars[start..self.at - 1].iter().collect()
                } else {
                    let n = match c {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let digits = self.chars.get(self.at..self.at + n)?.iter().collect();
                    self.at += n;
                    digits
                };
                let c = u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32)?;
                Node::Atom(literal(c))
            }
            c if c.is_ascii_punctuation() || c == ' ' => Node::Atom(literal(c)),
            _ => return None,
        })
    }

    /// Skips a bracketed class (`[` already read), nested classes included.
    fn class(&mut self) -> Option<()> {
        let mut depth = 1;
        self.eat('^');
        // A `]` first in a class is a literal.
        self.eat(']');
        while depth > 0 {
            match self.peek()? {
                '\\' => self.at += 2,
                '[' => {
                    depth += 1;
                    self.at += 1;
                    self.eat('^');
                    self.eat(']');
                }
                ']' => {
                    depth -= 1;
                    self.at += 1;
                }
                _ => self.at += 1,
            }
        }
        (self.at <= self.chars.len()).then_some(())
    }

    /// A repetition after an atom: `(min, max)`, `(1, Some(1))` for none.
    fn repetition(&mut self) -> Option<(u32, Option<u32>)> {
        let bounds = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = self.chars[self.at..].iter().position(|&c| c == '}')? + self.at;
                let inner: String = self.chars[self.at + 1..close].iter().collect();
                let (min, max) = match inner.split_once(',') {
                    None => {
                        let n = inner.trim().parse().ok()?;
                        (n, Some(n))
                    }
                    Some((min, max)) if max.trim().is_empty() => (min.trim().parse().ok()?, None),
                    Some((min, max)) => (min.trim().parse().ok()?, Some(max.trim().parse().ok()?)),
                };
                self.at = close;
                (min, max)
            }
            _ => return Some((1, Some(1))),
        };
        self.at += 1;
        // A lazy repetition matches the same lines.
        self.eat('?');
        Some(bounds)
    }
}

/// The piece for a literal character of a case-insensitive pattern: ASCII
/// in lower case; a character without case as it is; `None` for other
/// characters (their case variants are not worked out here).
fn literal(c: char) -> Option<Piece> {
    if c.is_ascii() {
        return Some(Piece::Char(c.to_ascii_lowercase()));
    }
    let mut lower = c.to_lowercase();
    let mut upper = c.to_uppercase();
    let caseless = lower.next() == Some(c)
        && lower.next().is_none()
        && upper.next() == Some(c)
        && upper.next().is_none();
    caseless.then_some(Piece::Char(c))
}
