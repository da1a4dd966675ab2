//! A streaming, block-style YAML writer: a [`serde::Serializer`] that writes
//! the report types straight into one `String`.
//!
//! The layout is the usual block style of YAML emitters: two-space
//! indentation, top-level keys at column 0, a sequence under a key written
//! at the key's own indentation (`- key: value` for sequences of maps),
//! empty collections as `[]` and `{}`, `None` and `()` as `null`, and floats
//! in their shortest form with a decimal point (`1.0`, `0.88`).
//!
//! Each string is written in one of four styles, decided in one pass over
//! its bytes ([`style`](fn@style)):
//!
//! * **plain** (`text: They met.`) when nothing in it means something to a
//!   YAML reader;
//! * **single-quoted** (`'no'`, `'- item'`, `'10:30'`) when it is empty,
//!   starts or ends with a space, starts with an indicator (``-?:,[]{}#&*!|>'"%@` ``
//!   or `---`/`...`), contains `: ` or ` #`, or would be read as something
//!   else than a string by a YAML 1.2 reader (`true`, `null`, `~`, `12`,
//!   `0x1F`, `1e5`, `.inf`, `007`) or by a YAML 1.1 reader such as PyYAML
//!   (`yes`, `No`, `on`, `y`, `1_000`, `10:30`, `017`, `2024-04-24`, `<<`, `=`);
//! * **literal block** (`|-` and the lines indented below) when it spans
//!   several lines, unless a line ends with a space or the string ends with
//!   one;
//! * **double-quoted** with escapes (`"tab\there"`) when it holds characters
//!   that may not appear raw in YAML (control characters, DEL, C1 controls,
//!   the byte-order mark, U+FFFE, U+FFFF), a carriage return, one of the
//!   line and paragraph separators U+2028 and U+2029, or several lines that
//!   a literal block cannot carry.
//!
//! Map keys must be strings of one line, at most 128 bytes long; anything
//! else is reported as an [`Error`], as are byte strings and enum variants
//! that carry data. Nothing in this module panics.

mod emit;
mod number;
mod style;

use std::fmt;

use serde::ser::{self, Serialize};

use self::emit::{At, Writer};
pub use self::style::{Style, reads_as_non_string, style};

/// Serializes `value` as one YAML document.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    to_string_with_capacity(value, 1024)
}

/// Serializes `value` as one YAML document into a buffer of `capacity`
/// bytes to start with.
pub fn to_string_with_capacity<T: ?Sized + Serialize>(
    value: &T,
    capacity: usize,
) -> Result<String, Error> {
    let mut writer = Writer {
        out: String::with_capacity(capacity),
        at: At::Root,
        sink: None,
    };
    value.serialize(&mut writer)?;
    if !writer.out.ends_with('\n') {
        writer.out.push('\n');
    }
    Ok(writer.out)
}

/// Serializes `value` as one YAML document to `sink`, a piece at a time
/// (the same text as [`to_string`], never all of it in memory at once), and
/// gives the sink back. Errors writing to the sink come back as they are.
pub fn to_writer<T: ?Sized + Serialize>(
    value: &T,
    sink: Box<dyn std::io::Write>,
) -> std::io::Result<Box<dyn std::io::Write>> {
    let mut writer = Writer {
        out: String::with_capacity(2 * FLUSH_AT),
        at: At::Root,
        sink: Some(Sink {
            to: sink,
            error: None,
        }),
    };
    let result = value.serialize(&mut writer);
    let Some(Sink { mut to, error }) = writer.sink.take() else {
        return Err(std::io::Error::other("no output"));
    };
    if let Some(e) = error {
        return Err(e);
    }
    result.map_err(|e| std::io::Error::other(e.to_string()))?;
    if !writer.out.ends_with('\n') {
        writer.out.push('\n');
    }
    to.write_all(writer.out.as_bytes())?;
    Ok(to)
}

/// How much text [`to_writer`] gathers before it writes.
const FLUSH_AT: usize = 64 * 1024;

/// Where [`to_writer`] writes, and the first error writing there.
struct Sink {
    to: Box<dyn std::io::Write>,
    error: Option<std::io::Error>,
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sink").field("error", &self.error).finish()
    }
}

/// Why a value could not be written as YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("cannot write {what} as YAML"))
}

/// A sink that keeps what it is given, shared with the test that reads it.
#[cfg(test)]
#[derive(Clone, Default)]
pub(crate) struct Kept(pub(crate) std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

#[cfg(test)]
impl std::io::Write for Kept {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::report::yaml::reference;

    fn yaml<T: ?Sized + Serialize>(value: &T) -> String {
        to_string(value).unwrap()
    }

    #[test]
    fn written_piece_by_piece_is_the_same_text() {
        // Several flushes' worth, with characters of 1 to 4 bytes and block
        // scalars across the points where the text is written out.
        let items: Vec<String> = (0..20_000)
            .map(|i| match i % 4 {
                0 => format!("They met in Seoul, round {i}."),
                1 => format!("한국 {i} 日本 \u{1F600}"),
                2 => format!("line {i}\nnext line\n"),
                _ => "no".to_string(),
            })
            .collect();
        let kept = Kept::default();
        to_writer(&items, Box::new(kept.clone())).unwrap();
        let written = String::from_utf8(kept.0.borrow().clone()).unwrap();
        assert!(written.len() > 3 * FLUSH_AT);
        assert_eq!(written, yaml(&items));
    }

    #[test]
    fn a_sink_that_fails_is_an_error() {
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let items: Vec<String> = (0..20_000).map(|i| format!("item {i}")).collect();
        let error = to_writer(&items, Box::new(Full)).err().unwrap();
        assert_eq!(error.kind(), std::io::ErrorKind::StorageFull);
    }

    /// One string field.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct One {
        s: String,
    }

    fn one(s: &str) -> One {
        One { s: s.into() }
    }

    /// A string in every place a report puts one.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Doc {
        s: String,
        list: Vec<String>,
        inner: Inner,
        items: Vec<Inner>,
        nested: Vec<Vec<String>>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Inner {
        s: String,
        num: Option<f64>,
        more: Vec<String>,
    }

    fn doc(s: &str) -> Doc {
        let inner = Inner {
            s: s.into(),
            num: Some(0.5),
            more: vec![s.into(), "x".into()],
        };
        Doc {
            s: s.into(),
            list: vec![s.into(), s.into()],
            inner: inner.clone(),
            items: vec![inner.clone(), inner],
            nested: vec![vec![s.into()], vec![], vec!["a".into(), s.into()]],
        }
    }

    /// Words YAML reads as numbers, nulls, merge keys and the like (in both
    /// the tricky strings and the words that must be quoted).
    const NUMBER_LIKE: &[&str] = &[
        "0", "12", "-12", "+12", "-0", "007", "-007", "017", "08", "0x1F", "-0x1F", "0x_1F",
        "0o17", "-0o17", "0b101", "0b1_0", "-0b101", "1_000", "1.5", "1.", ".5", "._5", "1e5",
        "1E5", "1.5e+3", "1.5e-3", "-1.5", "+1.5", ".inf", "-.inf", "+.inf", ".Inf", ".nan",
        ".NaN",
    ];

    /// Strings a report may hold, and strings out to break YAML.
    const TRICKY: &[&str] = &[
        "",
        " ",
        "  ",
        "They met in Seoul.",
        "statement-diff/1",
        "15th",
        "a:b",
        "a#b",
        "a: b",
        "a #b",
        "note:",
        "-",
        "- item",
        "-x",
        "--",
        "---",
        "--- x",
        "...",
        "..",
        ".",
        "?",
        "? x",
        "?x",
        ":",
        ": x",
        ":x",
        "#x",
        "[x]",
        "]",
        "{a}",
        "}",
        ",x",
        "x,y",
        "&a",
        "*a",
        "!tag",
        "|",
        ">",
        "'q'",
        "it's",
        "\"q\"",
        "%x",
        "@x",
        "`x`",
        " lead",
        "trail ",
        "y",
        "Y",
        "n",
        "N",
        "yes",
        "Yes",
        "YES",
        "yEs",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "null",
        "Null",
        "NULL",
        "~",
        "=",
        "<<",
        "<",
        "-.nan",
        "inf",
        "nan",
        "NaN",
        "infinity",
        "10:30",
        "1:30:00",
        "190:20:30.15",
        "0:30",
        "10:60",
        "2024-04-24",
        "2024-4-24",
        "2024-04-24x",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-15 2:59:43.10",
        "2001-12-15T02:59:43.1Z",
        "2001-12-15 02:59:43 ",
        "123456789012345678901234567890123456789012",
        "99999999999999999999999999999999999999999999999999",
        "1.5e+400",
        "0.1.2",
        "1,000",
        "+",
        "a\tb",
        "\t",
        "\0",
        "\u{7}\u{8}\u{b}\u{c}\u{1b}",
        "\u{1}",
        "\u{7f}",
        "\r",
        "a\r\nb",
        "\u{80}",
        "\u{85}",
        "\u{9f}",
        "\u{a0}",
        "a\u{a0}",
        "\u{feff}x",
        "\u{fffe}",
        "\u{ffff}",
        "\u{fffd}",
        "\u{2028}",
        "a\u{2029}b",
        "a\u{2028}b\nc",
        "\u{202e}abc\u{202c}",
        "\u{200b}",
        "é",
        "한국어 성명",
        "…",
        "😀 x",
        "say \"hi\"\t\\",
        "back\\slash",
        "a\nb",
        "a\nb\n",
        "a\n\n",
        "a\n\nb",
        "\n",
        "\n\n",
        "\na",
        " a\nb",
        "a\n b",
        "a \nb",
        "a\nb ",
        "a\tb\nc",
        "- a\n- b",
        "no\nyes",
        "key: value\n# comment",
        "'\n\"",
        "a\n\n\n",
        "x\u{85}y",
    ];

    // (a) Styles.

    #[test]
    fn report_text_is_plain() {
        for s in [
            "They met in Seoul.",
            "statement-diff/1",
            "15th",
            "a:b",
            "a#b",
            "-x",
            "?x",
            ":x",
            "x,y",
            "it's",
            "yes!",
            "noon",
            "Y2K",
            "inf",
            "nan",
            "0.1.2",
            "1,000",
            "+",
            ".",
            "..",
            "--",
            "10:60",
            "0:30",
            "2024-04-24x",
            "-.nan",
            "…",
            "é",
            "한국어 성명",
            "\u{a0}",
            "a\u{a0}",
            "\u{202e}abc\u{202c}",
            "\u{200b}",
            "\u{fffd}",
            "😀 x",
            "back\\slash",
            "say \"hi\"",
        ] {
            assert_eq!(style(s), Style::Plain, "{s:?}");
            assert_eq!(yaml(&one(s)), format!("s: {s}\n"), "{s:?}");
        }
    }

    #[test]
    fn words_that_read_as_something_else_are_single_quoted() {
        for s in [
            "",
            "y",
            "Y",
            "n",
            "N",
            "yes",
            "Yes",
            "YES",
            "yEs",
            "no",
            "No",
            "NO",
            "on",
            "On",
            "ON",
            "off",
            "Off",
            "OFF",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "False",
            "FALSE",
            "null",
            "Null",
            "NULL",
            "~",
            "=",
            "<<",
            "10:30",
            "1:30:00",
            "190:20:30.15",
            "-1:30",
            "2024-04-24",
            "2024-4-24 1:02:03",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5",
            "2001-12-15 2:59:43.10",
            "2001-12-15T02:59:43.1Z",
            "123456789012345678901234567890123456789012",
        ]
        .into_iter()
        .chain(NUMBER_LIKE.iter().copied())
        {
            assert_eq!(style(s), Style::SingleQuoted, "{s:?}");
            assert!(reads_as_non_string(s) || s.is_empty(), "{s:?}");
            assert_eq!(yaml(&one(s)), format!("s: '{s}'\n"), "{s:?}");
        }
    }

    #[test]
    fn indicators_and_edge_spaces_are_single_quoted() {
        for (s, written) in [
            ("-", "'-'"),
            ("- item", "'- item'"),
            ("---", "'---'"),
            ("--- x", "'--- x'"),
            ("...", "'...'"),
            ("...x", "'...x'"),
            ("?", "'?'"),
            ("? x", "'? x'"),
            (":", "':'"),
            (": x", "': x'"),
            ("a: b", "'a: b'"),
            ("note:", "'note:'"),
            ("#x", "'#x'"),
            ("a #b", "'a #b'"),
            ("[x]", "'[x]'"),
            ("]", "']'"),
            ("{a}", "'{a}'"),
            ("}", "'}'"),
            (",x", "',x'"),
            ("&a", "'&a'"),
            ("*a", "'*a'"),
            ("!tag", "'!tag'"),
            ("|", "'|'"),
            (">", "'>'"),
            ("'q'", "'''q'''"),
            ("\"q\"", "'\"q\"'"),
            ("%x", "'%x'"),
            ("@x", "'@x'"),
            ("`x`", "'`x`'"),
            (" ", "' '"),
            (" lead", "' lead'"),
            ("trail ", "'trail '"),
        ] {
            assert_eq!(style(s), Style::SingleQuoted, "{s:?}");
            assert_eq!(yaml(&one(s)), format!("s: {written}\n"), "{s:?}");
        }
    }

    #[test]
    fn characters_yaml_cannot_carry_raw_are_escaped() {
        for (s, written) in [
            ("a\tb", r#""a\tb""#),
            ("\0", r#""\0""#),
            ("\u{7}\u{8}\u{b}\u{c}\u{1b}", r#""\a\b\v\f\e""#),
            ("\u{1}\u{1f}", r#""\x01\x1F""#),
            ("\u{7f}", r#""\x7F""#),
            ("\r", r#""\r""#),
            ("a\r\nb", r#""a\r\nb""#),
            ("\u{80}\u{9f}", r#""\x80\x9F""#),
            ("x\u{85}y", r#""x\Ny""#),
            ("\u{feff}x", r#""\uFEFFx""#),
            ("\u{fffe}\u{ffff}", r#""\uFFFE\uFFFF""#),
            ("\u{2028}", r#""\L""#),
            ("a\u{2029}b", r#""a\Pb""#),
            ("a\u{2028}b\nc", r#""a\Lb\nc""#),
            ("say \"hi\"\t\\ é", r#""say \"hi\"\t\\ é""#),
            ("a \nb", r#""a \nb""#),
            ("a\nb ", r#""a\nb ""#),
            ("a\tb\nc", r#""a\tb\nc""#),
            (" \u{a0}\t", r#"" \u{a0}\t""#),
        ] {
            let written = written.replace(r"\u{a0}", "\u{a0}");
            assert_eq!(style(s), Style::DoubleQuoted, "{s:?}");
            assert_eq!(yaml(&one(s)), format!("s: {written}\n"), "{s:?}");
        }
    }

    #[test]
    fn lines_are_written_as_literal_blocks() {
        for (s, written) in [
            ("a\nb", "|-\n  a\n  b\n"),
            ("a\nb\n", "|\n  a\n  b\n"),
            ("a\n\n", "|+\n  a\n\n"),
            ("a\n\n\n", "|+\n  a\n\n\n"),
            ("a\n\nb", "|-\n  a\n\n  b\n"),
            ("\n", "|2+\n\n"),
            ("\n\n", "|2+\n\n\n"),
            ("\na", "|2-\n\n  a\n"),
            (" a\nb", "|2-\n   a\n  b\n"),
            ("a\n b", "|-\n  a\n   b\n"),
            ("no\nyes", "|-\n  no\n  yes\n"),
            ("- a\n- b", "|-\n  - a\n  - b\n"),
            ("key: value\n# comment", "|-\n  key: value\n  # comment\n"),
            ("'\n\"", "|-\n  '\n  \"\n"),
        ] {
            assert_eq!(style(s), Style::Literal, "{s:?}");
            assert_eq!(yaml(&one(s)), format!("s: {written}"), "{s:?}");
        }
    }

    #[test]
    fn block_lines_are_indented_under_their_key_or_dash() {
        #[derive(Serialize)]
        struct T {
            list: Vec<String>,
            items: Vec<One>,
            nested: Vec<Vec<String>>,
        }
        let t = T {
            list: vec!["a\nb".into()],
            items: vec![one("c\nd")],
            nested: vec![vec!["e\nf".into()]],
        };
        assert_eq!(
            yaml(&t),
            "list:\n- |-\n  a\n  b\nitems:\n- s: |-\n    c\n    d\nnested:\n- - |-\n    e\n    f\n"
        );
        assert_eq!(yaml("a\nb"), "|-\n  a\n  b\n");
        assert_eq!(yaml("a\n"), "|\n  a\n");
    }

    // (b) Everything reads back.

    #[test]
    fn tricky_strings_read_back_and_match_serde_yaml() {
        for s in TRICKY.iter().chain(NUMBER_LIKE) {
            let d = doc(s);
            let text = yaml(&d);
            let back: Doc =
                serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{s:?}: {e}\n{text}"));
            assert_eq!(back, d, "{s:?}\n{text}");
            assert_same_as_serde_yaml(s);
        }
    }

    /// The writer writes `s` as serde_yaml (with YAML 1.1 words quoted)
    /// did, except where it deliberately quotes more.
    fn assert_same_as_serde_yaml(s: &str) {
        let (text, expected) = (yaml(&doc(s)), reference::to_yaml(&doc(s)));
        if text == expected {
            return;
        }
        let (text, expected) = (yaml(&one(s)), reference::to_yaml(&one(s)));
        let separator = s.contains(['\u{2028}', '\u{2029}']);
        let quoted_more =
            expected == format!("s: {s}\n") && text == format!("s: '{}'\n", s.replace('\'', "''"));
        assert!(
            separator || quoted_more,
            "{s:?}:\n  writer:     {text:?}\n  serde_yaml: {expected:?}"
        );
    }

    #[test]
    fn layout_is_serde_yaml_layout() {
        #[derive(Serialize)]
        struct Layout {
            name: &'static str,
            empty_list: Vec<String>,
            empty_map: BTreeMap<String, u32>,
            empty_struct: Empty,
            none: Option<u32>,
            unit: (),
            pair: (u8, &'static str),
            map: BTreeMap<String, Vec<Inner>>,
            lists: Vec<Vec<Vec<u32>>>,
            items: Vec<Inner>,
            maps: Vec<BTreeMap<String, Vec<String>>>,
            numbers: Numbers,
            text: &'static str,
            chars: Vec<char>,
            variant: Kind,
        }
        #[derive(Serialize)]
        struct Empty {}
        #[derive(Serialize)]
        struct Numbers {
            small: i8,
            big: u64,
            negative: i64,
            wide: u128,
            narrow: i128,
            float: f64,
            single: f32,
            whole: f64,
        }
        #[derive(Serialize)]
        enum Kind {
            Added,
        }
        let inner = Inner {
            s: "yes".into(),
            num: None,
            more: vec![],
        };
        let layout = Layout {
            name: "layout",
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            empty_struct: Empty {},
            none: None,
            unit: (),
            pair: (1, "two"),
            map: [
                ("a".to_string(), vec![inner.clone()]),
                ("b".to_string(), vec![]),
            ]
            .into_iter()
            .collect(),
            lists: vec![vec![], vec![vec![1, 2], vec![]], vec![vec![3]]],
            items: vec![
                inner.clone(),
                Inner {
                    s: "x".into(),
                    num: Some(0.88),
                    more: vec!["on".into(), "x: y".into(), "multi\nline".into()],
                },
            ],
            maps: vec![
                BTreeMap::new(),
                [("k".to_string(), vec!["v".to_string()])]
                    .into_iter()
                    .collect(),
            ],
            numbers: Numbers {
                small: -8,
                big: u64::MAX,
                negative: i64::MIN,
                wide: u128::MAX,
                narrow: i128::MIN,
                float: 0.1 + 0.2,
                single: 0.3,
                whole: 3.0,
            },
            text: "a\n\nb\n",
            chars: vec!['a', ' ', '\'', '"', 'é', '\t'],
            variant: Kind::Added,
        };
        let text = yaml(&layout);
        assert_eq!(text, reference::to_yaml(&layout));
        let start = concat!(
            "name: layout\nempty_list: []\nempty_map: {}\nempty_struct: {}\n",
            "none: null\nunit: null\npair:\n- 1\n- two\n",
            "map:\n  a:\n  - s: 'yes'\n    num: null\n    more: []\n  b: []\n",
            "lists:\n- []\n- - - 1\n    - 2\n  - []\n",
        );
        assert!(text.starts_with(start), "{text}");
        // Roots.
        for value in [
            serde_yaml::to_value(&layout).unwrap(),
            serde_yaml::Value::Null,
            serde_yaml::Value::String("no".into()),
            serde_yaml::Value::Sequence(vec![]),
            serde_yaml::Value::Sequence(vec!["a\nb".into(), 1.into()]),
            serde_yaml::Value::Mapping(Default::default()),
            serde_yaml::Value::String("a\n\n".into()),
            serde_yaml::Value::String("\n".into()),
            serde_yaml::to_value(one("a\n\n")).unwrap(),
            serde_yaml::to_value(vec!["a\n"]).unwrap(),
        ] {
            assert_eq!(yaml(&value), reference::to_yaml(&value), "{value:?}");
        }
    }

    #[test]
    fn words_after_a_block_in_an_item_are_quoted() {
        // serde_yaml wrote `- on` below; the line-by-line YAML 1.1 pass took
        // it for a line of the `|-` block above and left it bare, which
        // PyYAML reads as true.
        let items = vec![Inner {
            s: "a\nb".into(),
            num: None,
            more: vec!["on".into()],
        }];
        assert_eq!(
            reference::to_yaml(&items),
            "- s: |-\n    a\n    b\n  num: null\n  more:\n  - on\n"
        );
        assert_eq!(
            yaml(&items),
            "- s: |-\n    a\n    b\n  num: null\n  more:\n  - 'on'\n"
        );
    }

    #[test]
    fn floats_are_written_as_serde_yaml_writes_them() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.88,
            0.1,
            0.1 + 0.2,
            1.5,
            100.0,
            123456.789,
            1e15,
            9_007_199_254_740_993.0,
            9_999_999_999_999_998.0,
            1e-5,
            0.000_012_345,
            // Halfway between two shortest forms: the even one.
            6_916_542_932_987_817.0 / 4.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(yaml(&v), reference::to_yaml(&v), "{v:e}");
        }
        for v in [0.3f32, 1e12, 1e-5, 16_777_216.0, -2.5, 8_511_157.0 / 4.0] {
            assert_eq!(yaml(&v), reference::to_yaml(&v), "{v:e}");
        }
    }

    #[test]
    fn floats_out_of_decimal_range_carry_a_point_and_a_signed_exponent() {
        // serde_yaml writes "1e16" and "1e-6", which YAML 1.1 readers take
        // for strings.
        for (v, written) in [
            (1e16, "1.0e+16\n"),
            (1e-6, "1.0e-6\n"),
            (-1.5e-7, "-1.5e-7\n"),
            (f64::MAX, "1.7976931348623157e+308\n"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308\n"),
            (5e-324, "5.0e-324\n"),
        ] {
            assert_eq!(yaml(&v), written);
            let back: f64 = serde_yaml::from_str(written).unwrap();
            assert_eq!(back.to_bits(), v.to_bits());
        }
        assert_eq!(yaml(&1e14f32), "1.0e+14\n");
        assert_eq!(yaml(&1e-6f32), "0.000001\n");
        assert_eq!(yaml(&1e-7f32), "1.0e-7\n");
    }

    #[test]
    fn unsupported_shapes_are_errors() {
        #[derive(Serialize)]
        enum E {
            Tuple(u8),
            Pair(u8, u8),
            Named { x: u8 },
        }
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"x")
            }
        }
        let numbers: BTreeMap<u32, u32> = [(1, 2)].into_iter().collect();
        assert!(to_string(&numbers).is_err());
        let lists: BTreeMap<Vec<u8>, u32> = [(vec![1], 2)].into_iter().collect();
        assert!(to_string(&lists).is_err());
        assert!(to_string(&Bytes).is_err());
        assert!(to_string(&E::Tuple(1)).is_err());
        assert!(to_string(&E::Pair(1, 2)).is_err());
        assert!(to_string(&E::Named { x: 1 }).is_err());
        let long: BTreeMap<String, u32> = [("k".repeat(129), 1)].into_iter().collect();
        assert!(to_string(&long).is_err());
        let lines: BTreeMap<&str, u32> = [("a\nb", 1)].into_iter().collect();
        assert!(to_string(&lines).is_err());
        let err = to_string(&numbers).unwrap_err();
        assert!(err.to_string().contains("not a string"), "{err}");
        // An empty map of numbers has no key to refuse.
        assert_eq!(to_string(&BTreeMap::<u32, u32>::new()).unwrap(), "{}\n");
    }

    #[test]
    fn map_keys_are_quoted_like_values() {
        let long = "k".repeat(128);
        let map: BTreeMap<&str, u32> = [
            ("a", 1),
            ("no", 2),
            ("with space", 3),
            ("a: b", 4),
            ("", 5),
            ("tab\t", 6),
            ("10:30", 7),
            (&*long, 8),
        ]
        .into_iter()
        .collect();
        let text = yaml(&map);
        assert!(text.contains("\n'no': 2\n"), "{text}");
        assert!(text.contains("\n'a: b': 4\n"), "{text}");
        assert!(text.starts_with("'': 5\n"), "{text}");
        assert!(text.contains("\"tab\\t\": 6\n"), "{text}");
        let back: BTreeMap<String, u32> = serde_yaml::from_str(&text).unwrap();
        let expected: BTreeMap<String, u32> =
            map.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(back, expected);
    }

    /// Pieces that combine into strings YAML readers trip over.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "é",
        "…",
        "한",
        "😀",
        "0",
        "1",
        "7",
        "9",
        "10",
        "2024",
        "-",
        "+",
        ".",
        "_",
        ":",
        "#",
        "?",
        ",",
        "[",
        "]",
        "{",
        "}",
        "&",
        "*",
        "!",
        "|",
        ">",
        "'",
        "\"",
        "%",
        "@",
        "`",
        "~",
        "=",
        "<<",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\r",
        "\\",
        "\0",
        "\u{7f}",
        "\u{85}",
        "\u{a0}",
        "\u{feff}",
        "\u{2028}",
        "\u{202e}",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "null",
        "true",
        "False",
        "0x",
        "0b",
        "0o",
        "e",
        "E",
        ".inf",
        ".nan",
        "---",
        "...",
        "- ",
        ": ",
        " #",
        "-04-24",
        "T10:30:00",
        " 10:30:00",
        "Z",
        "inf",
    ];

    fn tricky_string() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::with_cases(2000)
        })]

        #[test]
        fn pieced_strings_read_back_and_match_serde_yaml(s in tricky_string()) {
            let d = doc(&s);
            let text = yaml(&d);
            let back: Doc = serde_yaml::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{s:?}: {e}\n{text}")))?;
            prop_assert_eq!(back, d);
            assert_same_as_serde_yaml(&s);
        }

        #[test]
        fn any_string_reads_back(s in any::<String>()) {
            let d = doc(&s);
            let text = yaml(&d);
            let back: Doc = serde_yaml::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{s:?}: {e}\n{text}")))?;
            prop_assert_eq!(back, d);
        }

        #[test]
        fn any_float_reads_back(v in any::<f64>()) {
            let text = yaml(&v);
            let back: f64 = serde_yaml::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{v:e}: {e}\n{text}")))?;
            prop_assert!(
                back.to_bits() == v.to_bits() || v.is_nan() && back.is_nan(),
                "{v:e}: {text}"
            );
            if v.is_nan() || v == 0.0 || (1e-5..1e16).contains(&v.abs()) {
                prop_assert_eq!(text, reference::to_yaml(&v));
            }
        }

        #[test]
        fn floats_with_short_exact_forms_match_serde_yaml(
            n in 1u64 << 50..1 << 53,
            m in 1u32 << 20..1 << 24,
        ) {
            // Quarters: exact values one digit longer than their shortest
            // forms, some halfway between two of them.
            let v = n as f64 / 4.0;
            prop_assert_eq!(yaml(&v), reference::to_yaml(&v));
            let v = m as f32 / 4.0;
            prop_assert_eq!(yaml(&v), reference::to_yaml(&v));
        }

        #[test]
        fn any_f32_reads_back(v in any::<f32>()) {
            let text = yaml(&v);
            let back: f32 = serde_yaml::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{v:e}: {e}\n{text}")))?;
            prop_assert!(
                back.to_bits() == v.to_bits() || v.is_nan() && back.is_nan(),
                "{v:e}: {text}"
            );
            if v.is_nan() || v == 0.0 || (1e-5..1e13).contains(&v.abs()) {
                prop_assert_eq!(text, reference::to_yaml(&v));
            }
        }
    }

    /// PyYAML, a YAML 1.1 reader, reads every tricky string, and numbers,
    /// back as what was written. Skipped when Python or PyYAML is missing, except under CI, where it fails.
    #[test]
    fn pyyaml_reads_the_same_values() {
        let python = std::process::Command::new("python3")
            .args(["-c", "import yaml"])
            .output();
        if !python.is_ok_and(|o| o.status.success()) {
            // Under CI (`CI` set) a missing PyYAML is a failure, not a skip.
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(
                !ci,
                "PyYAML is missing: run `python3 -m pip install pyyaml`"
            );
            eprintln!("skipped: python3 with PyYAML is not available");
            return;
        }
        #[derive(Serialize)]
        struct Check {
            strings: Vec<String>,
            docs: Vec<Doc>,
            floats: Vec<f64>,
            ints: Vec<i64>,
            flags: Vec<bool>,
            nothing: Option<u8>,
        }
        // Strings pieced together by a fixed pseudo-random sequence.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut strings: Vec<String> = TRICKY
            .iter()
            .chain(NUMBER_LIKE)
            .map(|s| s.to_string())
            .collect();
        for _ in 0..3000 {
            let n = next() % 7;
            strings.push(
                (0..n)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect(),
            );
        }
        let check = Check {
            docs: strings.iter().take(200).map(|s| doc(s)).collect(),
            strings,
            floats: vec![
                0.0,
                -0.0,
                1.0,
                0.88,
                1e15,
                1e16,
                1e-5,
                1e-6,
                -1.5e-7,
                f64::MAX,
                5e-324,
            ],
            ints: vec![0, 1, -1, i64::MAX, i64::MIN],
            flags: vec![true, false],
            nothing: None,
        };
        let dir = tempfile::tempdir().unwrap();
        let (yaml_path, json_path) = (dir.path().join("check.yaml"), dir.path().join("check.json"));
        std::fs::write(&yaml_path, yaml(&check)).unwrap();
        std::fs::write(&json_path, serde_json::to_string(&check).unwrap()).unwrap();
        let script = r#"
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    got = yaml.safe_load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    want = json.load(f)
bad = 0
for key in want:
    if got[key] != want[key]:
        if isinstance(want[key], list):
            for a, b in zip(got[key], want[key]):
                if a != b:
                    bad += 1
                    print(key, repr(a), "!=", repr(b))
        else:
            bad += 1
            print(key, repr(got[key]), "!=", repr(want[key]))
sys.exit(1 if bad else 0)
"#;
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&yaml_path)
            .arg(&json_path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "PyYAML reads differently:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
