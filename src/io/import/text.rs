//! Bytes as text, in whatever encoding the exporting tool wrote: UTF-8 with
//! or without a byte-order mark, UTF-16 with one, and otherwise Windows-1252
//! (which is what "Latin-1" means on the web and in every bank's CSV).

use std::borrow::Cow;

/// A file's text and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// As a person reads it: `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub encoding: &'static str,
}

/// `bytes` as text. Never fails: a byte-order mark decides; else text that
/// is valid UTF-8 is UTF-8 (borrowed, not copied); else every byte is a
/// Windows-1252 character. The byte-order mark is not part of the text.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_length..).unwrap_or_default();
        let (text, _had_errors) = encoding.decode_without_bom_handling(rest);
        return Decoded {
            text,
            encoding: encoding.name(),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: encoding_rs::UTF_8.name(),
        },
        Err(_) => {
            let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text,
                encoding: encoding_rs::WINDOWS_1252.name(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn utf8_is_borrowed_and_its_mark_dropped() {
        let plain = decode("Zahlungsempfänger;Betrag".as_bytes());
        assert!(matches!(plain.text, Cow::Borrowed(_)));
        assert_eq!(plain.encoding, "UTF-8");
        let marked = decode("\u{feff}User,Email".as_bytes());
        assert_eq!(marked.text, "User,Email");
        assert_eq!(marked.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_a_mark_is_read_either_way_round() {
        let text = "Date,Hours\n2024-03-04,1,5\n";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&little).text, text);
        assert_eq!(decode(&little).encoding, "UTF-16LE");
        assert_eq!(decode(&big).text, text);
        assert_eq!(decode(&big).encoding, "UTF-16BE");
    }

    #[test]
    fn latin1_bytes_are_windows_1252() {
        // "Empfänger;Währung;€5" as an old bank writes it: ä = E4, € = 80.
        let bytes = b"Empf\xe4nger;W\xe4hrung;\x805";
        let decoded = decode(bytes);
        assert_eq!(decoded.text, "Empfänger;Währung;€5");
        assert_eq!(decoded.encoding, "windows-1252");
    }
}
