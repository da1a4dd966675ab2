//! Writing numbers: integers, and floats in their shortest form with a decimal point.

use std::fmt::{self, Write as _};

pub(super) fn push_u64(out: &mut String, mut v: u64) {
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
pub(super) enum FloatKind {
    Nan,
    Infinite,
    Zero,
    /// The shortest decimal digits that read back as the number, and the
    /// power of ten of the first digit, as in `d.ddd × 10^exponent`.
    Finite(DigitBuf, i32),
}

impl FloatKind {
    pub(super) fn from_f64(v: f64) -> FloatKind {
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

    pub(super) fn from_f32(v: f32) -> FloatKind {
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
pub(super) struct DigitBuf {
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
pub(super) fn push_float(
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
