//! The serializer proper: the serde `Serializer` impls that write block-style YAML text.

use std::fmt::Write as _;

use serde::ser::{self, Impossible, Serialize};

use super::number::{FloatKind, push_float, push_u64};
use super::style::{Style, has_line_break, style};
use super::{Error, FLUSH_AT, Sink, unsupported};

/// Where the next value goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum At {
    /// The document itself: nothing written yet.
    Root,
    /// After `key:` of a mapping whose keys are at this column.
    MapValue(usize),
    /// After `-` of a sequence whose dashes are at this column.
    SeqItem(usize),
}

/// The serializer: the text written so far and where the next value goes.
#[derive(Debug)]
pub(super) struct Writer {
    pub(super) out: String,
    pub(super) at: At,
    /// Where the text goes as it grows, for [`to_writer`](super::to_writer).
    pub(super) sink: Option<Sink>,
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
pub(super) struct Collection<'a> {
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
