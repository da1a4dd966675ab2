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
//! its bytes ([`style`]):
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

use std::fmt::{self, Write as _};

use serde::ser::{self, Impossible, Serialize};

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

/// How a string scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// As is.
    Plain,
    /// Between single quotes, `'` doubled.
    SingleQuoted,
    /// Between double quotes, with backslash escapes.
    DoubleQuoted,
    /// A `|` block, one line of the string per line.
    Literal,
}

/// Where the next value goes.
#[derive(Debug, Clone, Copy)]
enum At {
    /// The document itself: nothing written yet.
    Root,
    /// After `key:` of a mapping whose keys are at this column.
    MapValue(usize),
    /// After `-` of a sequence whose dashes are at this column.
    SeqItem(usize),
}

/// The serializer: the text written so far and where the next value goes.
#[derive(Debug)]
struct Writer {
    out: String,
    at: At,
    /// Where the text goes as it grows, for [`to_writer`].
    sink: Option<Sink>,
}

impl Writer {
    /// Writes out what has gathered, but for its last character (what
    /// comes next looks back at it), once there is enough of it.
    fn flush(&mut self) {
        let Some(sink) = &mut self.sink else {
            return;
        };
        if self.out.len() < FLUSH_AT || sink.error.is_some() {
            return;
        }
        let keep = self.out.char_indices().next_back().map_or(0, |(i, _)| i);
        if let Err(e) = sink.to.write_all(&self.out.as_bytes()[..keep]) {
            sink.error = Some(e);
            return;
        }
        self.out.drain(..keep);
    }

    /// Starts a scalar value: a space after `key:` or `-`.
    fn scalar_start(&mut self) {
        if !matches!(self.at, At::Root) {
            self.out.push(' ');
        }
    }

    /// Writes a number, boolean or null as is.
    fn bare(&mut self, text: &str) {
        self.scalar_start();
        self.out.push_str(text);
    }

    /// Writes a string value.
    fn string(&mut self, s: &str, style: Style) {
        self.scalar_start();
        match style {
            Style::Plain => self.out.push_str(s),
            Style::SingleQuoted => push_single_quoted(&mut self.out, s),
            Style::DoubleQuoted => push_double_quoted(&mut self.out, s),
            Style::Literal => {
                let indent = match self.at {
                    At::Root => 2,
                    At::MapValue(column) | At::SeqItem(column) => column + 2,
                };
                push_literal(&mut self.out, s, indent);
            }
        }
    }

    /// Writes a mapping key (after its indentation) and the colon.
    fn key(&mut self, s: &str) -> Result<(), Error> {
        if s.len() > 128 {
            return Err(unsupported("a map key longer than 128 bytes"));
        }
        match style(s) {
            Style::Plain => self.out.push_str(s),
            Style::SingleQuoted => push_single_quoted(&mut self.out, s),
            Style::DoubleQuoted if !has_line_break(s) => push_double_quoted(&mut self.out, s),
            Style::DoubleQuoted | Style::Literal => {
                return Err(unsupported("a map key of several lines"));
            }
        }
        self.out.push(':');
        Ok(())
    }

    /// Ends the current line, unless a block scalar already did, and indents
    /// the next one.
    fn new_line(&mut self, indent: usize) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        push_spaces(&mut self.out, indent);
    }

    /// Starts a block mapping or sequence at the current place.
    fn collection(&mut self, map: bool) -> Collection<'_> {
        let parent = self.at;
        let indent = match (parent, map) {
            (At::Root, _) => 0,
            // A sequence under a key starts at the key's column.
            (At::MapValue(column), false) => column,
            (At::MapValue(column), true) | (At::SeqItem(column), _) => column + 2,
        };
        Collection {
            writer: self,
            parent,
            indent,
            first: true,
            map,
        }
    }
}

/// A mapping or sequence being written.
#[derive(Debug)]
struct Collection<'a> {
    writer: &'a mut Writer,
    parent: At,
    indent: usize,
    first: bool,
    map: bool,
}

impl Collection<'_> {
    /// Moves to where the next entry starts: a new line at the indentation,
    /// or for the first entry of an item of a sequence, the same line.
    fn entry_start(&mut self) {
        if self.first && matches!(self.parent, At::SeqItem(_)) {
            self.writer.out.push(' ');
        } else {
            self.writer.new_line(self.indent);
        }
        self.first = false;
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.entry_start();
        self.writer.out.push('-');
        self.writer.at = At::SeqItem(self.indent);
        value.serialize(&mut *self.writer)?;
        self.writer.flush();
        match &self.writer.sink {
            Some(Sink { error: Some(_), .. }) => Err(Error("cannot write the output".into())),
            _ => Ok(()),
        }
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.entry_start();
        key.serialize(KeySerializer {
            writer: &mut *self.writer,
        })?;
        self.writer.at = At::MapValue(self.indent);
        Ok(())
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.entry_start();
        self.writer.key(key)?;
        self.writer.at = At::MapValue(self.indent);
        value.serialize(&mut *self.writer)
    }

    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.at = At::MapValue(self.indent);
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        if self.first {
            let empty = if self.map { "{}" } else { "[]" };
            self.writer.at = self.parent;
            self.writer.bare(empty);
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Collection<'a>;
    type SerializeTuple = Collection<'a>;
    type SerializeTupleStruct = Collection<'a>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Collection<'a>;
    type SerializeStruct = Collection<'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.bare(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.scalar_start();
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar_start();
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.scalar_start();
        push_u64(&mut self.out, v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar_start();
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.scalar_start();
        push_float(
            &mut self.out,
            v.is_sign_negative(),
            FloatKind::from_f32(v),
            13,
            -6,
        );
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.scalar_start();
        push_float(
            &mut self.out,
            v.is_sign_negative(),
            FloatKind::from_f64(v),
            16,
            -5,
        );
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        let mut buf = [0; 4];
        let s = v.encode_utf8(&mut buf);
        // A character is always quoted.
        let style = match style(s) {
            Style::Plain | Style::SingleQuoted => Style::SingleQuoted,
            Style::DoubleQuoted | Style::Literal => Style::DoubleQuoted,
        };
        self.string(s, style);
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v, style(v));
        Ok(())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(unsupported("a byte string"))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.bare("null");
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.bare("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(unsupported("an enum variant with data"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        Ok(self.collection(false))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Collection<'a>, Error> {
        Ok(self.collection(false))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Collection<'a>, Error> {
        Ok(self.collection(false))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("an enum variant with data"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        Ok(self.collection(true))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Collection<'a>, Error> {
        Ok(self.collection(true))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("an enum variant with data"))
    }
}

impl ser::SerializeSeq for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Collection::end(self)
    }
}

impl ser::SerializeTuple for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Collection::end(self)
    }
}

impl ser::SerializeTupleStruct for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Collection::end(self)
    }
}

impl ser::SerializeMap for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }

    fn end(self) -> Result<(), Error> {
        Collection::end(self)
    }
}

impl ser::SerializeStruct for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        Collection::end(self)
    }
}

/// Writes a map key: strings only.
struct KeySerializer<'a> {
    writer: &'a mut Writer,
}

impl KeySerializer<'_> {
    fn not_a_string() -> Error {
        unsupported("a map key that is not a string")
    }
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.writer.key(v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.writer.key(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.writer.key(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_i8(self, _v: i8) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_i16(self, _v: i16) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_i32(self, _v: i32) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_i64(self, _v: i64) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_u8(self, _v: u8) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_u16(self, _v: u16) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_u32(self, _v: u32) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_u64(self, _v: u64) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(Self::not_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(Self::not_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Self::not_a_string())
    }
}

// ---------------------------------------------------------------------------
// Choosing a style

/// Byte classes that matter when choosing a style; every other byte
/// (letters, digits, most punctuation, the continuation bytes and most lead
/// bytes of UTF-8) is ordinary.
const ORDINARY: u8 = 0;
/// C0 controls (tab and carriage return included) and DEL: never raw.
const CONTROL: u8 = 1;
const NEWLINE: u8 = 2;
const COLON: u8 = 3;
const HASH: u8 = 4;
/// Lead bytes of the non-ASCII characters that are not ordinary: 0xC2
/// (C1 controls, U+0085), 0xE2 (U+2028, U+2029), 0xEF (U+FEFF, U+FFFE,
/// U+FFFF).
const LEAD: u8 = 5;

static CLASS: [u8; 256] = {
    let mut class = [ORDINARY; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = CONTROL;
        b += 1;
    }
    class[0x7F] = CONTROL;
    class[b'\n' as usize] = NEWLINE;
    class[b':' as usize] = COLON;
    class[b'#' as usize] = HASH;
    class[0xC2] = LEAD;
    class[0xE2] = LEAD;
    class[0xEF] = LEAD;
    class
};

/// What a scan of a string found.
#[derive(Default)]
struct Scan {
    /// Characters that must be escaped, and line breaks other than "\n".
    escape: bool,
    newline: bool,
    /// A space just before a newline: a literal block would lose it.
    space_newline: bool,
    /// `: `, `:` at the end, ` #`.
    indicator: bool,
}

impl Scan {
    /// Looks at the byte at `i`, a byte that is not ordinary or the
    /// continuation byte of a character.
    #[inline]
    fn byte(&mut self, b: &[u8], i: usize) {
        let byte = b[i];
        match CLASS[usize::from(byte)] {
            ORDINARY => {}
            CONTROL => self.escape = true,
            NEWLINE => {
                self.newline = true;
                self.space_newline |= i > 0 && b[i - 1] == b' ';
            }
            // ": " and ":" at the end; a leading ':' is checked apart.
            COLON => self.indicator |= matches!(b.get(i + 1), None | Some(b' ')),
            // " #"; a leading '#' is checked apart.
            HASH => self.indicator |= i > 0 && b[i - 1] == b' ',
            _ => {
                let next = (b.get(i + 1).copied(), b.get(i + 2).copied());
                self.escape |= match byte {
                    // U+0080 to U+009F.
                    0xC2 => matches!(next.0, Some(0x80..=0x9F)),
                    // U+2028, U+2029.
                    0xE2 => matches!(next, (Some(0x80), Some(0xA8 | 0xA9))),
                    // U+FEFF, U+FFFE, U+FFFF.
                    _ => matches!(
                        next,
                        (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))
                    ),
                };
            }
        }
    }
}

/// Whether any of eight bytes may not be ordinary: a control character,
/// DEL, `:`, `#` or a byte of a non-ASCII character.
#[inline]
fn any_notable(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let colon = has_zero(x ^ (ONES * u64::from(b':')));
    let hash = has_zero(x ^ (ONES * u64::from(b'#')));
    let del = has_zero(x ^ (ONES * 0x7F));
    ((x & HIGH) | below_space | colon | hash | del) != 0
}

/// The style a string is written in; see the module documentation.
pub fn style(s: &str) -> Style {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return Style::SingleQuoted;
    };
    let mut scan = Scan {
        indicator: match first {
            b'#' | b',' | b'[' | b']' | b'{' | b'}' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' => true,
            b'-' | b'?' | b':' => matches!(b.get(1), None | Some(b' ')),
            _ => false,
        } || b.starts_with(b"---")
            || b.starts_with(b"..."),
        ..Scan::default()
    };
    // Eight bytes at a time, looking closer only at the few words that
    // hold something other than letters, digits, spaces and punctuation.
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if any_notable(u64::from_le_bytes(word)) {
            for i in at..at + 8 {
                scan.byte(b, i);
            }
        }
        at += 8;
    }
    for i in at..b.len() {
        scan.byte(b, i);
    }
    if scan.escape {
        Style::DoubleQuoted
    } else if scan.newline {
        if scan.space_newline || last == b' ' {
            Style::DoubleQuoted
        } else {
            Style::Literal
        }
    } else if scan.indicator || first == b' ' || last == b' ' || reads_as_non_string(s) {
        Style::SingleQuoted
    } else {
        Style::Plain
    }
}

/// Whether `s` holds any line break (a key cannot).
fn has_line_break(s: &str) -> bool {
    s.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
}

/// Whether a YAML 1.2 reader (serde_yaml) or a YAML 1.1 reader (PyYAML)
/// would read `s`, written plain, as anything but this string: null, a
/// boolean, an integer, a float, a date, a merge key or a value key.
pub fn reads_as_non_string(s: &str) -> bool {
    let b = s.as_bytes();
    match b.first() {
        None => true,
        Some(b'0'..=b'9' | b'+' | b'-' | b'.') => {
            yaml12_number(s) || yaml11_number(b) || yaml11_timestamp(b)
        }
        Some(b'~') => s == "~",
        Some(b'=') => s == "=",
        Some(b'<') => s == "<<",
        // Booleans and nulls of both versions, in any case ("yEs" too:
        // quoting more than needed is harmless).
        Some(_) => match b.len() {
            1 => matches!(b[0] | 0x20, b'y' | b'n'),
            2 => b.eq_ignore_ascii_case(b"no") || b.eq_ignore_ascii_case(b"on"),
            3 => b.eq_ignore_ascii_case(b"yes") || b.eq_ignore_ascii_case(b"off"),
            4 => b.eq_ignore_ascii_case(b"true") || b.eq_ignore_ascii_case(b"null"),
            5 => b.eq_ignore_ascii_case(b"false"),
            _ => false,
        },
    }
}

/// A number as serde_yaml reads a plain scalar: an integer (decimal,
/// `0x`, `0o`, `0b`, signed, up to 128 bits), a finite float, `.inf`,
/// `.nan`, or digits with a leading zero (`007`, read as a string but only
/// when quoted).
fn yaml12_number(s: &str) -> bool {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    if unsigned.len() > 1
        && unsigned.starts_with('0')
        && unsigned.bytes().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    yaml12_unsigned(s) || yaml12_negative(s) || yaml12_float(s)
}

fn yaml12_unsigned(s: &str) -> bool {
    let unpositive = s.strip_prefix('+').unwrap_or(s);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return false;
            }
            if u128::from_str_radix(rest, radix).is_ok() {
                return true;
            }
        }
    }
    !unpositive.starts_with(['+', '-']) && unpositive.parse::<u128>().is_ok()
}

fn yaml12_negative(s: &str) -> bool {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            // "-" and `rest` as an i128: digits only, at most 2^127.
            if !rest.is_empty()
                && rest.chars().all(|c| c.is_digit(radix))
                && u128::from_str_radix(rest, radix).is_ok_and(|n| n <= 1 << 127)
            {
                return true;
            }
        }
    }
    s.parse::<i128>().is_ok()
}

fn yaml12_float(s: &str) -> bool {
    let unpositive = match s.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return false,
        Some(rest) => rest,
        None => s,
    };
    matches!(unpositive, ".inf" | ".Inf" | ".INF")
        || matches!(s, "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN" | ".NAN")
        || unpositive.parse::<f64>().is_ok_and(f64::is_finite)
}

fn is_digit(c: &u8) -> bool {
    c.is_ascii_digit()
}

fn is_digit_or_underscore(c: &u8) -> bool {
    c.is_ascii_digit() || *c == b'_'
}

/// How many bytes at the start of `b` satisfy `f`.
fn count(b: &[u8], f: fn(&u8) -> bool) -> usize {
    b.iter().position(|c| !f(c)).unwrap_or(b.len())
}

/// An integer or float of YAML 1.1: `0b1_0`, `017`, `1_000`, `0x1F`,
/// `1:30` (base 60), `1.5`, `1.`, `.5`, `1.5e+3`, `1:30.5`, `.inf`, `.nan`.
fn yaml11_number(b: &[u8]) -> bool {
    let (signed, rest) = match b {
        [b'+' | b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    match rest {
        [b'.', tail @ ..] => {
            tail.eq_ignore_ascii_case(b"inf")
                || !signed && tail.eq_ignore_ascii_case(b"nan")
                || !signed && {
                    let n = count(tail, is_digit_or_underscore);
                    n > 0 && exponent_or_end(&tail[n..])
                }
        }
        [b'0', b'b', digits @ ..] => {
            !digits.is_empty() && digits.iter().all(|c| matches!(c, b'0' | b'1' | b'_'))
        }
        [b'0', b'x', digits @ ..] => {
            !digits.is_empty() && digits.iter().all(|c| c.is_ascii_hexdigit() || *c == b'_')
        }
        [b'0'..=b'9', ..] => {
            let (head, tail) = rest.split_at(count(rest, is_digit_or_underscore));
            match tail {
                [] => {
                    head == b"0"
                        || head[0] != b'0'
                        || head[1..].iter().all(|c| matches!(c, b'0'..=b'7' | b'_'))
                }
                [b'.', fraction @ ..] => {
                    exponent_or_end(&fraction[count(fraction, is_digit_or_underscore)..])
                }
                [b':', ..] => base_60(head, tail),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `[eE][-+][0-9]+` or nothing.
fn exponent_or_end(b: &[u8]) -> bool {
    match b {
        [] => true,
        [b'e' | b'E', b'+' | b'-', digits @ ..] => {
            !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// `(:[0-5]?[0-9])+` after `head`, then the end (an integer, when `head`
/// does not start with 0) or `.[0-9_]*` (a float).
fn base_60(head: &[u8], mut tail: &[u8]) -> bool {
    while let [b':', rest @ ..] = tail {
        tail = match rest {
            [b'0'..=b'5', b'0'..=b'9', rest @ ..] => rest,
            [b'0'..=b'9', rest @ ..] => rest,
            _ => return false,
        };
    }
    match tail {
        [] => head.first() != Some(&b'0'),
        [b'.', fraction @ ..] => fraction.iter().all(is_digit_or_underscore),
        _ => false,
    }
}

/// A YAML 1.1 timestamp: `2024-04-24`, or a date and time such as
/// `2024-4-24T10:30:00.5 +09:00`.
fn yaml11_timestamp(b: &[u8]) -> bool {
    if b.len() < 8 || count(b, is_digit) != 4 || b[4] != b'-' {
        return false;
    }
    if b.len() == 10 && count(&b[5..7], is_digit) == 2 && b[7] == b'-' {
        return count(&b[8..], is_digit) == 2;
    }
    date_time(&b[5..]).is_some_and(<[u8]>::is_empty)
}

/// One or two digits.
fn one_or_two_digits(b: &[u8]) -> Option<&[u8]> {
    match b {
        [b'0'..=b'9', b'0'..=b'9', rest @ ..] | [b'0'..=b'9', rest @ ..] => Some(rest),
        _ => None,
    }
}

/// Two digits.
fn two_digits(b: &[u8]) -> Option<&[u8]> {
    match b {
        [b'0'..=b'9', b'0'..=b'9', rest @ ..] => Some(rest),
        _ => None,
    }
}

fn byte(b: &[u8], want: u8) -> Option<&[u8]> {
    match b {
        [c, rest @ ..] if *c == want => Some(rest),
        _ => None,
    }
}

fn skip_blanks(b: &[u8]) -> &[u8] {
    &b[count(b, |c| matches!(c, b' ' | b'\t'))..]
}

/// The rest of a timestamp after `YYYY-`: what is left over, when it
/// matches.
fn date_time(b: &[u8]) -> Option<&[u8]> {
    let b = byte(one_or_two_digits(b)?, b'-')?;
    let b = one_or_two_digits(b)?;
    let b = match b {
        [b'T' | b't', rest @ ..] => rest,
        [b' ' | b'\t', ..] => skip_blanks(b),
        _ => return None,
    };
    let b = byte(one_or_two_digits(b)?, b':')?;
    let b = byte(two_digits(b)?, b':')?;
    let mut b = two_digits(b)?;
    if let [b'.', rest @ ..] = b {
        b = &rest[count(rest, is_digit)..];
    }
    if b.is_empty() {
        return Some(b);
    }
    match skip_blanks(b) {
        [b'Z', rest @ ..] => Some(rest),
        [b'+' | b'-', rest @ ..] => {
            let rest = one_or_two_digits(rest)?;
            match rest {
                [b':', minutes @ ..] => two_digits(minutes),
                _ => Some(rest),
            }
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Writing scalars

fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

fn push_single_quoted(out: &mut String, s: &str) {
    out.push('\'');
    let mut parts = s.split('\'');
    if let Some(part) = parts.next() {
        out.push_str(part);
    }
    for part in parts {
        out.push_str("''");
        out.push_str(part);
    }
    out.push('\'');
}

fn push_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\0' => "\\0",
            '\u{7}' => "\\a",
            '\u{8}' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\u{b}' => "\\v",
            '\u{c}' => "\\f",
            '\r' => "\\r",
            '\u{1b}' => "\\e",
            '\u{85}' => "\\N",
            '\u{2028}' => "\\L",
            '\u{2029}' => "\\P",
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            let code = u32::from(c);
            let _ = if code <= 0xFF {
                write!(out, "\\x{code:02X}")
            } else {
                write!(out, "\\u{code:04X}")
            };
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// A `|` block: the indentation hint when the first line starts with a
/// space or is empty, `-` to strip the final line break when there is none,
/// `+` to keep them when there are several; then each line indented (empty
/// lines left empty).
fn push_literal(out: &mut String, s: &str, indent: usize) {
    out.push('|');
    if s.starts_with([' ', '\n']) {
        out.push('2');
    }
    if !s.ends_with('\n') {
        out.push('-');
    } else if s == "\n" || s.ends_with("\n\n") {
        out.push('+');
    }
    for line in s.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            push_spaces(out, indent);
            out.push_str(line);
        }
    }
}

fn push_u64(out: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &digit in &buf[i..] {
        out.push(char::from(digit));
    }
}

/// A float reduced to what its written form depends on.
enum FloatKind {
    Nan,
    Infinite,
    Zero,
    /// The shortest decimal digits that read back as the number, and the
    /// power of ten of the first digit, as in `d.ddd × 10^exponent`.
    Finite(DigitBuf, i32),
}

impl FloatKind {
    fn from_f64(v: f64) -> FloatKind {
        if v.is_nan() {
            FloatKind::Nan
        } else if v.is_infinite() {
            FloatKind::Infinite
        } else if v == 0.0 {
            FloatKind::Zero
        } else {
            let mut buf = DigitBuf::default();
            let _ = write!(buf, "{:e}", v.abs());
            buf.split_exponent(v.abs())
        }
    }

    fn from_f32(v: f32) -> FloatKind {
        if v.is_nan() {
            FloatKind::Nan
        } else if v.is_infinite() {
            FloatKind::Infinite
        } else if v == 0.0 {
            FloatKind::Zero
        } else {
            let mut buf = DigitBuf::default();
            let _ = write!(buf, "{:e}", v.abs());
            buf.split_exponent(f64::from(v.abs()))
        }
    }
}

/// A small stack buffer for the digits of a float.
#[derive(Default)]
struct DigitBuf {
    bytes: [u8; 32],
    len: usize,
}

impl DigitBuf {
    fn digits(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Turns "1.234e-5" as written for `exact` into digits "1234" and
    /// exponent -5, the digits rounded half to even.
    fn split_exponent(mut self, exact: f64) -> FloatKind {
        let text = self.digits();
        let e = text.iter().position(|&c| c == b'e').unwrap_or(text.len());
        let exponent = std::str::from_utf8(&text[(e + 1).min(text.len())..])
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        let mut len = 0;
        for i in 0..e {
            let c = self.bytes[i];
            if c.is_ascii_digit() {
                self.bytes[len] = c;
                len += 1;
            }
        }
        self.len = len;
        self.round_half_to_even(exact, exponent);
        FloatKind::Finite(self, exponent)
    }

    /// The shortest digits that read back as the number are found rounding
    /// halves up: when the number lies exactly halfway between two such
    /// (`2127789.25` as an f32: `2127789.2` or `2127789.3`), takes the even
    /// one.
    fn round_half_to_even(&mut self, exact: f64, exponent: i32) {
        let len = self.len;
        let Some(&last) = self.bytes[..len].last() else {
            return;
        };
        if last % 2 == 0 || len + 1 >= self.bytes.len() {
            return;
        }
        // The digits of the point halfway down to the next smaller candidate.
        let mut half = [0u8; 32];
        half[..len].copy_from_slice(&self.bytes[..len]);
        half[len - 1] -= 1;
        half[len] = b'5';
        let half = &half[..=len];
        // Rounded to one more digit, the number shows those digits...
        let mut rounded = DigitBuf::default();
        if write!(rounded, "{exact:.len$e}").is_err()
            || !same_digits(rounded.digits(), half, exponent)
        {
            return;
        }
        // ...and it is exactly that point (rare: write all its digits).
        if same_digits(format!("{exact:.800e}").as_bytes(), half, exponent) {
            self.bytes[len - 1] -= 1;
        }
    }
}

/// Whether `written` ("d.ddd…e-5") has the digits `digits`, then only
/// zeros, and the exponent `exponent`.
fn same_digits(written: &[u8], digits: &[u8], exponent: i32) -> bool {
    let e = written
        .iter()
        .position(|&c| c == b'e')
        .unwrap_or(written.len());
    let exponent_written = std::str::from_utf8(&written[(e + 1).min(written.len())..])
        .ok()
        .and_then(|t| t.parse::<i32>().ok());
    let mut mantissa = written[..e].iter().filter(|c| **c != b'.');
    exponent_written == Some(exponent)
        && digits.iter().all(|d| mantissa.next() == Some(d))
        && mantissa.all(|c| *c == b'0')
}

impl fmt::Write for DigitBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let Some(dest) = self.bytes.get_mut(self.len..end) else {
            return Err(fmt::Error);
        };
        dest.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes a float: plain decimals with a point (`1.0`, `0.88`, `0.00001`)
/// when the first digit's place is within `max_int_digits` before the
/// point and `min_exponent` (exclusive) after it; otherwise in scientific
/// form with a point and a signed exponent (`1.0e+20`, `1.5e-7`), which
/// YAML 1.1 readers also read as a float.
fn push_float(
    out: &mut String,
    negative: bool,
    kind: FloatKind,
    max_int_digits: i32,
    min_exponent: i32,
) {
    let (digits, exponent) = match kind {
        FloatKind::Nan => return out.push_str(".nan"),
        FloatKind::Infinite if negative => return out.push_str("-.inf"),
        FloatKind::Infinite => return out.push_str(".inf"),
        FloatKind::Zero if negative => return out.push_str("-0.0"),
        FloatKind::Zero => return out.push_str("0.0"),
        FloatKind::Finite(buf, exponent) => (buf, exponent),
    };
    let digits = digits.digits();
    let Ok(digits) = std::str::from_utf8(digits) else {
        return out.push_str(".nan");
    };
    if negative {
        out.push('-');
    }
    // The number is 0.DIGITS × 10^point.
    let point = exponent + 1;
    let len = digits.len() as i32;
    if point > min_exponent && point <= max_int_digits {
        if point <= 0 {
            out.push_str("0.");
            for _ in point..0 {
                out.push('0');
            }
            out.push_str(digits);
        } else if point >= len {
            out.push_str(digits);
            for _ in len..point {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            let (int, fraction) = digits.split_at(point as usize);
            out.push_str(int);
            out.push('.');
            out.push_str(fraction);
        }
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        out.push('.');
        out.push_str(if rest.is_empty() { "0" } else { rest });
        let _ = write!(
            out,
            "e{}{}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        );
    }
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
    /// back as what was written. Skipped when Python or PyYAML is missing.
    #[test]
    fn pyyaml_reads_the_same_values() {
        let python = std::process::Command::new("python3")
            .args(["-c", "import yaml"])
            .output();
        if !python.is_ok_and(|o| o.status.success()) {
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
