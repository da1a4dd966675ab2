//! Page chrome: finds where the statement starts and ends and sets aside the
//! web-page text around it (banners, breadcrumbs, bylines, share bars,
//! related-news lists), driven by the rules in `chrome.rules`.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use crate::model::{Block, ChromeLines, LineChrome, RuleKind, SetAside};
use crate::text::normalize::fold_typography_cow;

/// The built-in rules, compiled into the binary (see `src/chrome.rules`).
pub const BUILTIN_RULES: &str = include_str!("chrome.rules");

/// A compiled set of chrome rules.
///
/// A rule's regular expression is compiled the first time a line could
/// match it: each rule carries a cheap test, read from its pattern, that
/// every line it matches passes (how the line starts and ends, characters
/// it must contain). Most lines of a statement pass no rule's test, so a
/// run compiles a few of the rules, or none, instead of all of them
/// (compiling them all took longer than comparing two short statements).
#[derive(Debug, Clone)]
pub struct Chrome {
    rules: Vec<Rule>,
    date: Lazy,
}

/// One rule: its kind, its pattern, its quick test and, once needed, the
/// compiled pattern.
#[derive(Debug, Clone)]
struct Rule {
    kind: RuleKind,
    filter: Option<Filter>,
    regex: Lazy,
}

/// A case-insensitive pattern compiled on first use.
#[derive(Debug, Clone)]
struct Lazy {
    pattern: String,
    regex: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn new(pattern: &str) -> Lazy {
        Lazy {
            pattern: pattern.to_string(),
            regex: OnceLock::new(),
        }
    }

    /// Compiles now, reporting errors.
    fn compiled(pattern: &str) -> Result<Lazy, regex::Error> {
        let regex = compile(pattern)?;
        Ok(Lazy {
            pattern: pattern.to_string(),
            regex: OnceLock::from(Some(regex)),
        })
    }

    fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| compile(&self.pattern).ok())
            .as_ref()
    }
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

/// A bad line in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line in the rules file.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

const DATE: &str = r"(?i)((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}, \d{4}|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}年\d{1,2}月\d{1,2}日|(令和|平成)\S*?年\S*?月\S*?日)";

impl Chrome {
    /// Compiles rules written in the `chrome.rules` format.
    ///
    /// The built-in rules (when `source` starts with them) are known to
    /// compile and are compiled when first needed; any other line is
    /// compiled here, so that a bad pattern is reported with its line.
    pub fn parse(source: &str) -> Result<Chrome, RuleError> {
        let trusted = if source.starts_with(BUILTIN_RULES) {
            BUILTIN_RULES.lines().count()
        } else {
            0
        };
        let mut rules = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, pattern) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let error = |reason: String| RuleError {
                line: i + 1,
                reason,
            };
            let kind = RuleKind::parse(kind).ok_or_else(|| {
                error(format!(
                    "unknown rule kind '{kind}' (header, dateline, anywhere, page, end, tail)"
                ))
            })?;
            let pattern = pattern.trim();
            if pattern.is_empty() {
                return Err(error("a rule needs a pattern".into()));
            }
            let regex = if i < trusted {
                Lazy::new(pattern)
            } else {
                Lazy::compiled(pattern)
                    .map_err(|e| error(format!("bad pattern: {}", first_line(&e.to_string()))))?
            };
            rules.push(Rule {
                kind,
                filter: Filter::of(pattern),
                regex,
            });
        }
        Ok(Chrome {
            rules,
            date: Lazy::new(DATE),
        })
    }

    /// The built-in rules.
    pub fn builtin() -> Chrome {
        // The built-in rules are tested to compile (`builtin_rules_compile`).
        #[allow(clippy::expect_used)]
        Chrome::parse(BUILTIN_RULES).expect("built-in chrome rules compile")
    }

    /// No rules at all (`--keep-chrome`).
    pub fn none() -> Chrome {
        Chrome {
            rules: Vec::new(),
            date: Lazy::new(DATE),
        }
    }

    /// The rules that match one line of text, in order.
    fn matching<'a>(&'a self, line: &str) -> impl Iterator<Item = &'a Rule> + 'a {
        let line = Line::new(line);
        self.rules
            .iter()
            .filter(|rule| rule.matches(&line))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The kinds of the rules that match one line of text.
    fn kinds_of(&self, line: &str) -> impl Iterator<Item = RuleKind> + '_ {
        self.matching(line).map(|rule| rule.kind)
    }

    /// True when some rule of any kind matches the line: a plain-text line
    /// that matches is kept apart from its neighbours as a block of its own.
    pub fn matches_any(&self, line: &str) -> bool {
        self.line_chrome(line) != LineChrome::None
    }

    /// What the rules make of one line of plain text, read once: a page
    /// header or footer (which a paragraph goes on past), other chrome (a
    /// block of its own), or statement text.
    pub fn line_chrome(&self, line: &str) -> LineChrome {
        if self.rules.is_empty() {
            return LineChrome::None;
        }
        let line = Line::new(line);
        let mut found = LineChrome::None;
        for rule in self.rules.iter().filter(|rule| rule.matches(&line)) {
            if rule.kind == RuleKind::Page {
                return LineChrome::Page;
            }
            found = LineChrome::Other;
        }
        found
    }

    /// Splits blocks into the statement and what is set aside.
    pub fn strip(&self, blocks: Vec<Block>) -> Stripped {
        let mut out = Stripped::default();
        if self.rules.is_empty() {
            out.title = title_of(&blocks);
            out.kept = blocks;
            return out;
        }
        let kinds: Vec<Vec<RuleKind>> = blocks
            .iter()
            .map(|b| self.kinds_of(&b.text).collect())
            .collect();
        let body = blocks
            .iter()
            .zip(&kinds)
            .position(|(b, k)| k.is_empty() && is_prose(&b.text))
            .or_else(|| kinds.iter().position(Vec::is_empty))
            .unwrap_or(blocks.len());
        // Above the statement, a block said again by the next one: the end
        // of a breadcrumb that repeats the page's heading.
        let repeated: Vec<bool> = blocks
            .iter()
            .zip(blocks.iter().skip(1).map(Some).chain([None]))
            .map(|(block, next)| next.is_some_and(|n| n.text == block.text))
            .collect();
        // Whether a paragraph of prose (matching no rule) comes after each block.
        let mut prose_after = vec![false; blocks.len()];
        for i in (0..blocks.len().saturating_sub(1)).rev() {
            prose_after[i] =
                prose_after[i + 1] || (kinds[i + 1].is_empty() && is_prose(&blocks[i + 1].text));
        }
        let mut ended = false;
        for (i, (block, kinds)) in blocks.into_iter().zip(kinds).enumerate() {
            let in_header = i < body;
            let reason = if ended {
                Some(RuleKind::End)
            } else if !in_header && kinds.contains(&RuleKind::End) {
                ended = true;
                Some(RuleKind::End)
            } else if !in_header && kinds.contains(&RuleKind::Tail) && !prose_after[i] {
                ended = true;
                Some(RuleKind::Tail)
            } else if kinds.contains(&RuleKind::Anywhere) {
                Some(RuleKind::Anywhere)
            } else if kinds.contains(&RuleKind::Page) {
                Some(RuleKind::Page)
            } else if in_header && kinds.contains(&RuleKind::Dateline) {
                Some(RuleKind::Dateline)
            } else if in_header && (kinds.contains(&RuleKind::Header) || repeated[i]) {
                Some(RuleKind::Header)
            } else {
                None
            };
            match reason {
                Some(kind) => {
                    if kind == RuleKind::Dateline && out.date.is_none() {
                        out.date = self
                            .date
                            .get()
                            .and_then(|re| re.find(&block.text))
                            .map(|m| m.as_str().to_string());
                    }
                    out.set_aside.push(SetAside {
                        line: block.line,
                        text: block.text,
                        rule: kind,
                    });
                }
                None => out.kept.push(block),
            }
        }
        out.title = title_of(&out.kept);
        out
    }
}

fn first_line(s: &str) -> String {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}

/// A paragraph of statement prose: a sentence of some length (Korean,
/// Chinese and Japanese say as much in fewer characters).
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let chars = text.chars().count();
    let ends = text
        .trim_end()
        .ends_with(['.', '\u{3002}', '!', '?', ':', ';', '"', '\u{201D}', ')']);
    let wide = || {
        use unicode_width::UnicodeWidthChar;
        text.chars().any(|c| c.width() == Some(2))
    };
    ends && (words >= 10 || chars >= 60 || (chars >= 20 && wide()))
}

/// The title: the statement's first block, when it is title-like and more
/// follows it.
fn title_of(kept: &[Block]) -> Option<String> {
    match kept {
        [first, _, ..] if is_title_like(first) => Some(first.text.clone()),
        _ => None,
    }
}

/// A short line without a closing full stop: a title or heading.
fn is_title_like(block: &Block) -> bool {
    let words = block.text.split_whitespace().count();
    block.heading || (words <= 30 && !block.text.trim_end().ends_with('.'))
}

/// The statement's blocks and what was set aside around them.
#[derive(Debug, Default, Clone)]
pub struct Stripped {
    /// The statement's own blocks, in order.
    pub kept: Vec<Block>,
    /// The blocks set aside as page chrome, in order.
    pub set_aside: Vec<SetAside>,
    /// The statement's title, when the first kept block looks like one.
    pub title: Option<String>,
    /// The publication date found in a dateline.
    pub date: Option<String>,
}

/// A line as the rules see it: typography folded (NFKC, so no character
/// but an ASCII letter folds to an ASCII letter), and the same with ASCII
/// letters in lower case for the quick tests.
struct Line<'a> {
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
    fn new(line: &'a str) -> Line<'a> {
        Line {
            raw: line,
            key: std::cell::OnceCell::new(),
            lower: std::cell::OnceCell::new(),
            chars: std::cell::OnceCell::new(),
        }
    }

    fn key(&self) -> &str {
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

impl Rule {
    fn matches(&self, line: &Line<'_>) -> bool {
        self.filter.as_ref().is_none_or(|f| f.passes(line))
            && self.regex.get().is_some_and(|re| re.is_match(line.key()))
    }
}

/// What every line that a pattern matches has, read from the pattern: one
/// of some beginnings (at the start of the line, or anywhere when the
/// pattern is not anchored), an ending, characters it must contain.
/// Failing it, a line cannot match; passing it, the pattern decides.
#[derive(Debug, Clone, PartialEq)]
struct Filter {
    anchored: bool,
    /// For an anchored pattern whose beginnings all open with a literal
    /// character, those characters (the ASCII ones a bit each): most lines
    /// fail this.
    first_chars: Option<(u128, Vec<char>)>,
    /// Empty: no test of the beginning.
    starts: Vec<Beginning>,
    ends: String,
    contains: Vec<char>,
}

/// One character of a beginning: a literal (ASCII letters in lower case, or
/// a character without case), a digit (any numeric character, a superset of
/// `\d`), white space or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
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
    fn of(pattern: &str) -> Option<Filter> {
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

    fn passes(&self, line: &Line<'_>) -> bool {
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
struct Beginning {
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

impl ChromeLines for Chrome {
    fn line_chrome(&self, line: &str) -> LineChrome {
        Chrome::line_chrome(self, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Block::text(*t, i + 1))
            .collect()
    }

    const BODY: &str = "The three sides affirmed their enduring commitment to strengthening trilateral cooperation.";

    /// Lines from the corpus and the test fixtures, and chrome of every kind.
    fn sample_lines() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    out.extend(text.lines().map(str::to_string));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lines = Vec::new();
        walk(&root.join("corpus"), &mut lines);
        walk(&root.join("tests/fixtures"), &mut lines);
        lines.extend(
            [
                "An official website of the United States government",
                "An official website of the United States government.",
                "A .mil website belongs to an official U.S. Department of Defense organization",
                "A lock ( ) or https:// means you\u{2019}ve safely connected",
                "Official websites use .gov",
                "Secure .gov websites use HTTPS",
                "Here\u{2019}s how you know",
                "Skip to main content",
                "SKIP TO CONTENT",
                "Home : Media : News : News Article View",
                "Home > News",
                "Home\u{203a} Press",
                "News Article View",
                "Press Releases",
                "Briefings & Statements",
                "Speeches and Remarks",
                "STATEMENTS AND RELEASES",
                "Newsroom",
                "For Immediate Release",
                "IMMEDIATE RELEASE",
                "Release No: NR-123-24",
                "Page 2 of 3",
                "- 2 -",
                "2 / 3",
                "Release No.:NR-1",
                "Release No: NR-2025-0412 | June 3, 2025",
                "News Release No. 24-118 \u{b7} Sept. 23, 2024",
                "U.S. Department of Defense",
                "Department of State",
                "Office of the Spokesperson",
                "USINDOPACOM",
                "By DOD News",
                "DoD News",
                "Share Print Email",
                "Facebook X LinkedIn",
                "x",
                "NEWS | April 26, 2024",
                "Joint Statement | 2024",
                "Joint Statement |April 2024",
                "April 26, 2024",
                "26 April 2024",
                "2024-04-26",
                "\u{ff12}\u{ff10}\u{ff12}\u{ff14}.04.26.",
                "Posted on: April 26, 2024",
                "Updated 2024",
                "본문 바로가기",
                "홈 > 알림마당 > 보도자료",
                "홈>알림",
                "보도자료",
                "작성자 : 홍길동",
                "담당부서",
                "Ministry of National Defense, Republic of Korea",
                "MOFA",
                "本文へ",
                "ホーム > 報道発表",
                "報道発表",
                "Japan Ministry of Defense",
                "2024년 4월 26일",
                "2024 년 4 월 26 일 (금)",
                "令和6年4月26日",
                "2024年4月26日",
                "Officials pose for a photo in Seoul. (U.S. Navy photo by Petty Officer Jane Doe)",
                "(Photo courtesy of MND)",
                "(DoD photos/ Jane Doe)",
                "Photo by Jane Doe",
                "Image credit: MND",
                "Related",
                "Related News:",
                "Related Links: a, b",
                "See Also",
                "Tags",
                "Tag: DPRK",
                "Share this article",
                "Back to top",
                "본문 바로가기주메뉴 바로가기",
                "제목",
                "대변인실",
                "1,234",
                "587",
                "첨부파일",
                "제15차 DTT 공동성명.hwp",
                "joint-statement.hwpx",
                "Joint Statement.pdf",
                "statement.doc",
                "statement.docx",
                "English",
                "その他の言語",
                "文字サイズの変更",
                "（参考）共同声明（英文）（PDF）",
                "Joint Statement (PDF 245 KB)",
                "共同声明（PDF）別ウィンドウで開く",
                "報道発表へ戻る",
                "関連リンク",
                "목록으로 돌아가기",
                "Home",
                "Stay Connected",
                "Sign Up",
                "Subscribe to our newsletter",
                "Sign up for email updates",
                "Facebook | X | Email | Print",
                "Facebook/Twitter",
                "사진 : 국방부",
                "写真=防衛省",
                "목록",
                "이전글 제목",
                "###",
                "- 30 -",
                "-30-",
                "- END -",
                "-fin-",
                "CONNECT WITH USINDOPACOM",
                "Follow us",
                "Stay connected dod",
                "IN THE USINDOPACOM NEWS",
                "Related News",
                "More Stories:",
                "Media Contact: press@example.org",
                "Press inquiries",
                "For further information, please contact the office",
                "For more information contact us",
                "Privacy & Security",
                "Accessibility | FOIA",
                "Site Map",
                "Copyright 2024",
                "(c) 2024",
                "\u{a9} 2024 DoD",
                "관련기사",
                "お問い合わせ先",
                "Menu",
                "Search this site",
                "Views: 1,234",
                "WASHINGTON --",
                "SEOUL -",
                "Last updated: 26 April 2024",
                "Date: 2024-04-24 | Views: 1,234",
                "Category: Statements",
                "Topics: Defense, Japan",
                "Attachments: statement.pdf (120 KB)",
                "Previous: Minister visits troops",
                "Next article: Talks with Australia",
                "List",
                "End",
                "(END)",
                "끝.",
                "以上",
                "The officials met.",
                "Related to this, the officials discussed the Department of Defense budget.",
                "Tagging along, the ministers followed up on earlier work.",
                "Share the burden, they said, and stand together.",
                "- Conduct the fourth FREEDOM EDGE exercise.",
                "In the Indo-Pacific news",
            ]
            .map(str::to_string),
        );
        lines
    }

    #[test]
    fn quick_tests_never_turn_away_a_matching_line() {
        let lines = sample_lines();
        let mut matched = 0;
        for rule_line in BUILTIN_RULES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let pattern = rule_line
                .split_once(char::is_whitespace)
                .map_or("", |(_, p)| p.trim());
            let filter = Filter::of(pattern);
            assert!(filter.is_some(), "{pattern}: no quick test");
            let regex = compile(pattern).unwrap();
            let mut hits = 0;
            for line in &lines {
                let line = Line::new(line);
                if regex.is_match(line.key()) {
                    hits += 1;
                    assert!(
                        filter.as_ref().is_none_or(|f| f.passes(&line)),
                        "{pattern} matches {:?} but its quick test turns it away",
                        line.key()
                    );
                }
            }
            assert!(hits > 0, "no sample line for {pattern}");
            matched += hits;
        }
        assert!(matched > 100);
    }

    #[test]
    fn quick_tests_turn_away_statement_prose() {
        let chrome = Chrome::builtin();
        for text in [
            "Joint Statement of the 15th Defense Trilateral Talks",
            "The officials pledged to continue working closely together to strengthen security cooperation among their three countries (ROK, Japan, U.S.).",
        ] {
            let line = Line::new(text);
            let passing: Vec<&str> = chrome
                .rules
                .iter()
                .filter(|r| r.filter.as_ref().is_none_or(|f| f.passes(&line)))
                .map(|r| r.regex.pattern.as_str())
                .collect();
            assert!(passing.is_empty(), "{text}: {passing:?}");
        }
    }

    #[test]
    fn reads_the_syntax_it_knows_and_gives_up_on_the_rest() {
        let f = Filter::of(r"^(for )?immediate release$").unwrap();
        assert!(f.anchored);
        assert_eq!(f.starts.len(), 2);
        assert_eq!(f.ends, "immediate release");
        let f = Filter::of(r"(?x) a b").or(Filter::of(r"^a|b"));
        assert!(f.is_none());
        assert!(Filter::of(r"\1").is_none());
        assert!(Filter::of(r"a\b{start}").is_none());
        let f = Filter::of(r"[)|(]x\)$").unwrap();
        assert_eq!((f.anchored, f.ends.as_str()), (false, "x)"));
        assert_eq!(f.contains, [')', 'x']);
        let f = Filter::of(r"^\u{00A9}\x41{2,}").unwrap();
        assert_eq!(f.starts.len(), 1);
        assert_eq!(*f.starts[0], [Piece::Char('\u{a9}'), Piece::Char('a')]);
        // A character with case other than ASCII is not tested.
        let f = Filter::of("^\u{c9}cole").unwrap();
        assert!(f.starts.is_empty());
    }

    #[test]
    fn user_rules_compile_when_read_and_builtin_ones_when_needed() {
        let chrome = Chrome::builtin();
        assert!(chrome.rules.iter().all(|r| r.regex.regex.get().is_none()));
        let chrome = Chrome::parse("header ^x+$\n").unwrap();
        assert!(chrome.rules[0].regex.regex.get().is_some());
        assert!(chrome.matches_any("XX"));
        assert!(!chrome.matches_any("XY"));
    }

    #[test]
    fn builtin_rules_compile() {
        let chrome = Chrome::parse(BUILTIN_RULES).unwrap();
        assert!(chrome.rules.iter().all(|r| r.regex.get().is_some()));
        assert!(chrome.date.get().is_some());
        // The same rules read as a user's file are compiled as they are read.
        let copy = format!("# a copy\n{BUILTIN_RULES}");
        assert!(Chrome::parse(&copy).is_ok());
    }

    #[test]
    fn bad_rules_name_the_line() {
        let err = Chrome::parse("# c\nheader ^ok$\nfooter ^x$\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("footer"));
        let err = Chrome::parse("end (unclosed\n").unwrap_err();
        assert!(err.reason.starts_with("bad pattern"), "{}", err.reason);
    }

    #[test]
    fn seed_layout_keeps_title_and_body() {
        let stripped = Chrome::builtin().strip(blocks(&[
            "An official website of the United States government",
            "Home : Media : News : News Article View",
            "NEWS | April 26, 2024",
            "Joint Statement of the 14th Defense Trilateral Talks",
            "U.S. Department of Defense",
            BODY,
            "The officials pledged to continue working closely together.",
            "CONNECT WITH USINDOPACOM",
            "IN THE USINDOPACOM NEWS",
            "U.S. Army Japan Begins North Wind 25",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Joint Statement of the 14th Defense Trilateral Talks",
                BODY,
                "The officials pledged to continue working closely together."
            ]
        );
        assert_eq!(
            stripped.title.as_deref(),
            Some("Joint Statement of the 14th Defense Trilateral Talks")
        );
        assert_eq!(stripped.date.as_deref(), Some("April 26, 2024"));
        assert_eq!(stripped.set_aside.len(), 7);
        assert_eq!(stripped.set_aside[5].rule, RuleKind::End);
    }

    #[test]
    fn a_label_ends_the_statement_only_when_no_prose_follows() {
        // "Attachment" heading a statement's annex stays; "Tags" before a
        // list of tags and links ends it.
        let stripped = Chrome::builtin().strip(blocks(&[
            "Title",
            BODY,
            "Attachment",
            "The Ministers agreed to hold the next meeting in Tokyo in 2026.",
            "Tags",
            "Japan",
            "Republic of Korea",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Title",
                BODY,
                "Attachment",
                "The Ministers agreed to hold the next meeting in Tokyo in 2026."
            ]
        );
        assert_eq!(stripped.set_aside[0].rule, RuleKind::Tail);
        assert_eq!(stripped.set_aside.len(), 3);
    }

    #[test]
    fn end_rules_wait_for_the_body() {
        // "Related News" above the statement is a header link, not its end.
        let stripped = Chrome::builtin().strip(blocks(&[
            "Related News",
            "Title",
            BODY,
            "###",
            "Media Contact: press@example.org",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept, ["Title", BODY]);
    }

    #[test]
    fn photo_captions_and_share_bars_go_anywhere() {
        let stripped = Chrome::builtin().strip(blocks(&[
            BODY,
            "Officials pose for a photo in Seoul. (U.S. Navy photo by Petty Officer Jane Doe)",
            "Facebook | X | Email | Print",
            "They agreed to meet again next year in Tokyo, Japan.",
        ]));
        assert_eq!(stripped.kept.len(), 2);
    }

    #[test]
    fn statement_sentences_that_resemble_chrome_stay() {
        let stripped = Chrome::builtin().strip(blocks(&[
            BODY,
            "Related to this, the officials discussed the Department of Defense budget.",
            "Tagging along, the ministers followed up on earlier work.",
            "Share the burden, they said, and stand together.",
        ]));
        assert_eq!(stripped.kept.len(), 4, "{:?}", stripped.set_aside);
    }

    #[test]
    fn korean_and_japanese_pages() {
        let stripped = Chrome::builtin().strip(blocks(&[
            "본문 바로가기",
            "홈 > 알림마당 > 보도자료",
            "2024년 4월 26일",
            "제14차 한미일 안보회의 공동보도문",
            "한미일 3국은 북한의 핵·미사일 위협을 억제하기 위한 3국 간 협력을 강화하기로 하였다.",
            "목록",
        ]));
        let kept: Vec<&str> = stripped.kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert_eq!(stripped.date.as_deref(), Some("2024년 4월 26일"));
    }

    #[test]
    fn no_rules_keeps_everything() {
        let stripped = Chrome::none().strip(blocks(&["NEWS | April 26, 2024", BODY]));
        assert_eq!(stripped.kept.len(), 2);
        assert!(stripped.set_aside.is_empty());
    }
}
