//! Choosing the style a string scalar is written in: plain, quoted or a literal block.

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
pub(super) fn has_line_break(s: &str) -> bool {
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
