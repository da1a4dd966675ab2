//! A text sink for the renderers that build their report piece by piece:
//! the pieces go to an [`io::Write`] a chunk at a time, so a large report is
//! never held whole in memory, and the first write error is kept and
//! returned at the end.

use std::fmt;
use std::io;

/// Bytes held before they are written to the sink.
const CHUNK: usize = 64 * 1024;

/// Text written to an [`io::Write`] in chunks (`push_str`, `push` and
/// `write!` as on a `String`).
pub(crate) struct Sink<'a> {
    buf: String,
    out: &'a mut dyn io::Write,
    error: Option<io::Error>,
    /// Bytes pushed so far.
    len: usize,
}

impl<'a> Sink<'a> {
    /// A sink writing to `out`.
    pub(crate) fn new(out: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            buf: String::with_capacity(CHUNK),
            out,
            error: None,
            len: 0,
        }
    }

    /// The bytes pushed so far.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends text.
    pub(crate) fn push_str(&mut self, text: &str) {
        self.len += text.len();
        self.buf.push_str(text);
        if self.buf.len() >= CHUNK {
            self.flush_buffer();
        }
    }

    /// Appends a character.
    pub(crate) fn push(&mut self, c: char) {
        let mut bytes = [0u8; 4];
        self.push_str(c.encode_utf8(&mut bytes));
    }

    fn flush_buffer(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(self.buf.as_bytes())
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// Writes what is left; the first error met, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush_buffer();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

/// Renders into a `String` with a writer-based renderer.
pub(crate) fn to_string(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail, and every renderer writes UTF-8.
    let _ = write(&mut bytes);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn pieces_arrive_in_order_across_chunks() {
        let mut bytes = Vec::new();
        let mut sink = Sink::new(&mut bytes);
        let piece = "x".repeat(CHUNK / 3 + 1);
        for k in 0..7 {
            sink.push_str(&piece);
            let _ = write!(sink, "{k}");
            sink.push('é');
        }
        sink.finish().unwrap();
        let expected: String = (0..7).map(|k| format!("{piece}{k}é")).collect();
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    #[test]
    fn a_write_error_is_returned() {
        struct Broken;
        impl io::Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut out = Broken;
        let mut sink = Sink::new(&mut out);
        sink.push_str("text");
        assert_eq!(sink.finish().unwrap_err().to_string(), "disk full");
    }
}
