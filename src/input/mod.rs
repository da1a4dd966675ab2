//! Reading: bytes from a file or standard input → decoded text of a known
//! format (plain text, HTML, Markdown), with errors that name the file.

mod furniture;
pub mod html;
mod layout;
pub mod markdown;
pub mod text;

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::input::text::split_blocks;
use crate::model::{Block, ChromeLines};

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text (also PDF-copied and hard-wrapped text).
    #[default]
    Text,
    /// A saved web page.
    Html,
    /// Markdown (CommonMark).
    Markdown,
}

impl Format {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }
}

/// One input, read and decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it ("-" for standard input).
    pub name: String,
    /// The decoded text.
    pub text: String,
    /// The detected or requested format.
    pub format: Format,
    /// The encoding the bytes were read in ("utf-8", "utf-16le", …).
    pub encoding: &'static str,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// SHA-256 of the input bytes (hex), so a report can be verified.
    pub sha256: String,
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// A legacy encoding label (windows-1252, euc-kr, shift_jis) for inputs
    /// that are not UTF-8.
    pub encoding: Option<String>,
}

/// The largest input read, in bytes (100 MiB): statements are small, and a
/// larger file is almost certainly not one; refusing it keeps memory bounded.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;

fn too_large(name: &str, size: Option<u64>) -> Error {
    let size = size
        .map(|s| format!("{} MiB", s / (1024 * 1024)))
        .unwrap_or_else(|| "over 100 MiB".into());
    Error::Read {
        path: name.into(),
        reason: format!("file is too large ({size}); statement-diff reads at most 100 MiB"),
    }
}

/// Reads a path, or standard input for "-".
pub fn read_path(name: &str, options: &ReadOptions) -> Result<Source> {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| read_error(name, &e))?;
        if buf.len() as u64 > MAX_BYTES {
            return Err(too_large(name, None));
        }
        buf
    } else {
        let path = Path::new(name);
        if path.is_dir() {
            return Err(Error::Read {
                path: name.into(),
                reason: "is a directory, not a file".into(),
            });
        }
        let file = std::fs::File::open(path).map_err(|e| read_error(name, &e))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > MAX_BYTES {
            return Err(too_large(name, Some(size)));
        }
        let mut buf = Vec::with_capacity(size as usize);
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| read_error(name, &e))?;
        if buf.len() as u64 > MAX_BYTES {
            return Err(too_large(name, None));
        }
        buf
    };
    decode(name, &bytes, options)
}

fn read_error(name: &str, err: &std::io::Error) -> Error {
    use std::io::ErrorKind;
    let reason = match err.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
        _ => {
            let text = err.to_string();
            text.split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase()
        }
    };
    Error::Read {
        path: name.into(),
        reason,
    }
}

/// Decodes bytes: UTF-8 with or without a byte order mark, UTF-16 with one,
/// or the legacy encoding the user named. The named encoding is the
/// fallback of each file: one with a byte order mark or that is valid UTF-8
/// is read as such (so `--encoding euc-kr old-euckr.txt new-utf8.txt`
/// reads both). Anything else is an error with the byte offset of the first
/// bad byte; nothing is silently replaced.
pub fn decode(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Source> {
    let not_text = |reason: String| Error::NotText {
        path: name.into(),
        reason,
    };
    let legacy = options.encoding.as_ref().filter(|_| {
        encoding_rs::Encoding::for_bom(bytes).is_none() && std::str::from_utf8(bytes).is_err()
    });
    if let Some(label) = &options.encoding
        && legacy.is_none()
        && encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none()
    {
        return Err(Error::UnknownEncoding(label.clone()));
    }
    let (text, encoding) = if let Some(label) = legacy {
        let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| Error::UnknownEncoding(label.clone()))?;
        let (text, used, had_errors) = encoding.decode(bytes);
        if had_errors {
            return Err(not_text(format!(
                "not valid {} text",
                used.name().to_lowercase()
            )));
        }
        (text.into_owned(), static_name(used))
    } else if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if encoding == encoding_rs::UTF_8 {
            (utf8(body, bom).map_err(not_text)?, "utf-8")
        } else {
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            if had_errors {
                return Err(not_text(format!(
                    "not valid {} text",
                    encoding.name().to_lowercase()
                )));
            }
            (text.into_owned(), static_name(encoding))
        }
    } else {
        if let Some(kind) = document_format(bytes) {
            return Err(not_text(format!(
                "{kind}, not text: save or copy its text first"
            )));
        }
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            let hint = if looks_like_utf16(bytes) {
                " (UTF-16 without a byte order mark? try --encoding utf-16le)"
            } else {
                ""
            };
            return Err(not_text(format!(
                "binary file: NUL byte at offset {at}{hint}"
            )));
        }
        (utf8(bytes, 0).map_err(not_text)?, "utf-8")
    };
    if text.contains('\0') {
        return Err(not_text("binary file: NUL character in the text".into()));
    }
    let format = options.format.unwrap_or_else(|| detect_format(name, &text));
    Ok(Source {
        name: name.into(),
        text,
        format,
        encoding,
        bytes: bytes.len(),
        sha256: crate::text::hash::sha256_hex(bytes),
    })
}

fn static_name(encoding: &'static encoding_rs::Encoding) -> &'static str {
    match encoding.name() {
        "UTF-8" => "utf-8",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        other => other,
    }
}

fn utf8(bytes: &[u8], offset: usize) -> std::result::Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = offset + e.valid_up_to();
            let what = if e.error_len().is_none() {
                "truncated UTF-8 sequence"
            } else {
                "invalid UTF-8"
            };
            Err(format!(
                "{what} at byte offset {at} (use --encoding for legacy encodings)"
            ))
        }
    }
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    let pairs = bytes.len() / 2;
    let zeros_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    pairs > 0 && (zeros_even * 3 > pairs || zeros_odd * 3 > pairs)
}

/// Detects the format from the file name, then from the content.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
    {
        return Format::Html;
    }
    Format::Text
}

/// Splits a source into blocks with the reader for its format.
pub fn blocks(source: &Source, chrome: &dyn ChromeLines) -> Vec<Block> {
    match source.format {
        Format::Text => split_blocks(&source.text, Some(chrome)),
        Format::Html => html::blocks(&source.text),
        Format::Markdown => markdown::blocks(&source.text),
    }
}

/// The kind of a document file that statements are often published as but
/// that is not text, from its first bytes: said by name, so that the user
/// knows to extract the text (`pdftotext`, "Save as plain text").
fn document_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("a PDF file")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP archive (a Word .docx or HWPX file?)")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("an OLE document (a Word .doc or HWP file?)")
    } else if bytes.starts_with(b"{\\rtf") {
        Some("an RTF document")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_ok(bytes: &[u8]) -> Source {
        decode("x.txt", bytes, &ReadOptions::default()).unwrap()
    }

    fn decode_err(bytes: &[u8]) -> String {
        decode("x.txt", bytes, &ReadOptions::default())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_ok(b"\xEF\xBB\xBFabc").text, "abc");
        assert_eq!(decode_ok("caf\u{e9}".as_bytes()).text, "caf\u{e9}");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi \u{d55c}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hi \u{d55c}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_ok(&le).text, "Hi \u{d55c}");
        assert_eq!(decode_ok(&le).encoding, "utf-16le");
        assert_eq!(decode_ok(&be).text, "Hi \u{d55c}");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        assert_eq!(
            decode_err(b"abc\xFFdef"),
            "x.txt: invalid UTF-8 at byte offset 3 (use --encoding for legacy encodings)"
        );
        assert!(decode_err(b"abc\xE2\x80").contains("truncated UTF-8 sequence at byte offset 3"));
        assert!(decode_err(b"\xEF\xBB\xBFab\xFF").contains("offset 5"));
    }

    #[test]
    fn document_files_are_named() {
        assert!(decode_err(b"%PDF-1.7\n%\xe2\xe3").contains("a PDF file, not text"));
        assert!(decode_err(b"PK\x03\x04\x14\0").contains("docx"));
        assert!(decode_err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains("HWP"));
    }

    #[test]
    fn nul_bytes_are_binary_and_utf16_without_bom_is_named() {
        assert!(decode_err(b"ab\0cd").contains("binary file: NUL byte at offset 2"));
        let le: Vec<u8> = "Hello there"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode_err(&le).contains("UTF-16 without a byte order mark"));
    }

    #[test]
    fn legacy_encodings_on_request() {
        let options = ReadOptions {
            encoding: Some("windows-1252".into()),
            ..Default::default()
        };
        assert_eq!(
            decode("x", b"\x93quoted\x94", &options).unwrap().text,
            "\u{201c}quoted\u{201d}"
        );
        let options = ReadOptions {
            encoding: Some("euc-kr".into()),
            ..Default::default()
        };
        assert_eq!(decode("x", b"\xc7\xd1", &options).unwrap().text, "\u{d55c}");
        let options = ReadOptions {
            encoding: Some("klingon".into()),
            ..Default::default()
        };
        assert!(
            decode("x", b"a", &options)
                .unwrap_err()
                .to_string()
                .contains("unknown encoding")
        );
    }

    #[test]
    fn formats_by_name_and_content() {
        assert_eq!(detect_format("a.HTML", ""), Format::Html);
        assert_eq!(detect_format("a.md", ""), Format::Markdown);
        assert_eq!(detect_format("-", "  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect_format("a.txt", "<html><body>x"), Format::Html);
        assert_eq!(detect_format("a.txt", "Joint Statement"), Format::Text);
    }
}
