//! Text written so that Markdown reads it back as it was: escaping markup,
//! one line for a multi-line name, headings whose text ends in `#`.

/// A heading of `level` whose text reads back as `text`.
pub(super) fn heading_line(level: usize, text: &str) -> String {
    let mut text = escape(text);
    if text.ends_with('#') {
        // A closing run of #s is not part of a heading's text.
        text.pop();
        text.push_str("\\#");
    }
    let hashes = "#".repeat(level);
    if text.is_empty() {
        hashes
    } else {
        format!("{hashes} {text}")
    }
}

/// `text` on one line, trimmed.
pub(super) fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as Markdown that reads back as exactly `text` (trimmed, on one
/// line). Only what Markdown would read as markup is escaped, so ordinary
/// titles ("Security tooling (Sobelow, mix_audit)") stay as they are.
pub(super) fn escape(text: &str) -> String {
    let text = one_line(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (at, &c) in chars.iter().enumerate() {
        let escaped = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' => true,
            // Inside a word an underscore is never emphasis.
            '_' => {
                let before = at > 0 && chars[at - 1].is_alphanumeric();
                let after = chars.get(at + 1).is_some_and(|c| c.is_alphanumeric());
                !(before && after)
            }
            '&' => entity_follows(&chars[at + 1..]),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    escape_line_start(out)
}

/// Whether `&` followed by `rest` would read as an entity (`&amp;`, `&#38;`).
fn entity_follows(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escapes what would make the start of a line a heading, a quote, a list
/// item, a fence or a rule.
fn escape_line_start(text: String) -> String {
    let Some(first) = text.chars().next() else {
        return text;
    };
    if matches!(first, '#' | '>' | '-' | '+' | '=' | '~' | '|') {
        return format!("\\{text}");
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn escaping_keeps_plain_titles_plain() {
        assert_eq!(
            escape("Security tooling (Sobelow, mix_audit)"),
            "Security tooling (Sobelow, mix_audit)"
        );
        assert_eq!(
            escape("Authentication & authorization"),
            "Authentication & authorization"
        );
        assert_eq!(
            escape("a *b* [c] `d` <e> _f_"),
            "a \\*b\\* \\[c\\] \\`d\\` \\<e> \\_f\\_"
        );
        assert_eq!(escape("&amp; stays"), "\\&amp; stays");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
