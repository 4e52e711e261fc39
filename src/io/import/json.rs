//! `timew export`: timewarrior's JSON, an array of intervals with a start,
//! an end (none while one is still running), tags and an annotation. Each
//! interval becomes a row of the same columns a CSV would have, so the rest
//! of the pipeline reads it like any table.

use serde::Deserialize;

/// The columns every interval is given.
pub(super) const HEADER: [&str; 4] = ["start", "end", "tags", "annotation"];

#[derive(Deserialize)]
struct Interval {
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    annotation: String,
}

/// One interval as a row: the line its object starts on and its fields.
#[derive(Debug)]
pub(super) struct JsonRow {
    pub line: usize,
    pub record: csv::StringRecord,
    pub text: String,
}

/// The intervals of a `timew export`, or why the text is not one.
pub(super) fn read_intervals(text: &str) -> Result<Vec<JsonRow>, String> {
    let intervals: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|error| {
        format!("This is not the JSON `timew export` writes (an array of intervals): {error}.")
    })?;
    let lines = element_lines(text);
    let mut rows = Vec::with_capacity(intervals.len());
    for (index, value) in intervals.into_iter().enumerate() {
        let line = lines.get(index).copied().unwrap_or(1);
        let shown = super::lines::shortened(&value.to_string());
        let interval: Interval = serde_json::from_value(value).map_err(|error| {
            format!("The interval on line {line} is not one timewarrior writes: {error}.")
        })?;
        let record = csv::StringRecord::from(vec![
            interval.start,
            interval.end,
            interval.tags.join(", "),
            interval.annotation,
        ]);
        rows.push(JsonRow {
            line,
            record,
            text: shown,
        });
    }
    Ok(rows)
}

/// The line each element of the top-level array starts on. serde_json does
/// not tell positions, so the brackets are counted here, outside strings.
fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut depth, mut line) = (0usize, 1usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == 1 {
                    lines.push(line);
                }
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn intervals_become_rows_with_their_lines() {
        let text = "[\n{\"id\":2,\"start\":\"20240304T091500Z\",\"end\":\"20240304T103000Z\",\
                    \"tags\":[\"yearplan\",\"learning\"],\"annotation\":\"a { brace\"},\n\
                    {\"id\":1,\"start\":\"20240305T080000Z\",\"tags\":[]}\n]\n";
        let rows = read_intervals(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[0].record.get(2), Some("yearplan, learning"));
        assert_eq!(rows[0].record.get(3), Some("a { brace"));
        assert_eq!(rows[1].record.get(1), Some(""));
    }

    #[test]
    fn other_json_is_refused_with_a_reason() {
        assert!(
            read_intervals("{\"a\": 1}")
                .unwrap_err()
                .contains("array of intervals")
        );
        assert!(
            read_intervals("[{\"start\": 5}]")
                .unwrap_err()
                .contains("line 1")
        );
    }
}
