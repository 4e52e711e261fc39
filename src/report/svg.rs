//! The status page's charts as inline SVG: bars against a target band or a
//! line, and lines against lines. A writer of our own rather than plotters:
//! these are a few dozen rectangles, polylines and labels each, and the
//! page must stay small, self-contained and free of script, which plain
//! `format!` gives with nothing to configure away.

use std::fmt::Write as _;

/// The colours of the window's one colour language.
pub const UNDER: &str = "#d98e04";
pub const IN_RANGE: &str = "#2e9e4f";
pub const OVER_HOURS: &str = "#2f7fd0";
pub const OVER_BUDGET: &str = "#d03b3b";
pub const NEUTRAL: &str = "#6c8ebf";

const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 22.0;

/// A bar chart: one bar per label, each in its own colour, with an
/// optional shaded band (a weekly target) and an optional line (a run-rate).
pub struct Bars<'a> {
    /// What a screen reader reads for the picture.
    pub summary: &'a str,
    /// Written before each tick's number: "$", or nothing.
    pub prefix: &'a str,
    /// Written after each tick's number: " h", or nothing.
    pub suffix: &'a str,
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    pub colours: Vec<&'static str>,
    pub band: Option<(f64, f64)>,
    pub line: Option<f64>,
}

/// Lines through the same x positions: spend so far against the budget.
pub struct Lines<'a> {
    pub summary: &'a str,
    pub prefix: &'a str,
    pub labels: Vec<String>,
    /// Each series: its values (fewer than the labels where it stops), its
    /// colour, and whether it is dashed.
    pub series: Vec<(Vec<f64>, &'static str, bool)>,
    /// A level drawn across: the annual budget.
    pub level: Option<f64>,
}

pub fn bars(chart: &Bars<'_>) -> String {
    let top = chart
        .values
        .iter()
        .copied()
        .chain(chart.band.map(|(_, max)| max))
        .chain(chart.line)
        .fold(0.0, f64::max);
    let axis = Axis::up_to(top);
    let mut svg = open(chart.summary);
    axis.draw(&mut svg, chart.prefix, chart.suffix);
    let count = chart.values.len().max(1);
    let slot = (WIDTH - LEFT - RIGHT) / count as f64;
    if let Some((min, max)) = chart.band {
        let (y_max, y_min) = (axis.y(max), axis.y(min));
        let _ = write!(
            svg,
            r#"<rect x="{LEFT:.1}" y="{y_max:.1}" width="{:.1}" height="{:.1}" fill="{IN_RANGE}" fill-opacity="0.18"/>"#,
            WIDTH - LEFT - RIGHT,
            (y_min - y_max).max(1.0)
        );
    }
    for (index, value) in chart.values.iter().enumerate() {
        let x = LEFT + slot * index as f64 + slot * 0.15;
        let y = axis.y(*value);
        let colour = chart.colours.get(index).copied().unwrap_or(NEUTRAL);
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{colour}"/>"#,
            slot * 0.7,
            (axis.y(0.0) - y).max(0.0)
        );
    }
    if let Some(line) = chart.line {
        let y = axis.y(line);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{OVER_BUDGET}" stroke-width="1.2"/>"#,
            WIDTH - RIGHT
        );
    }
    x_labels(&mut svg, &chart.labels, slot);
    svg.push_str("</svg>");
    svg
}

pub fn lines(chart: &Lines<'_>) -> String {
    let top = chart
        .series
        .iter()
        .flat_map(|(values, _, _)| values.iter().copied())
        .chain(chart.level)
        .fold(0.0, f64::max);
    let axis = Axis::up_to(top);
    let mut svg = open(chart.summary);
    axis.draw(&mut svg, chart.prefix, "");
    let count = chart.labels.len().max(1);
    let slot = (WIDTH - LEFT - RIGHT) / count as f64;
    if let Some(level) = chart.level {
        let y = axis.y(level);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{UNDER}" stroke-width="1"/>"#,
            WIDTH - RIGHT
        );
    }
    for (values, colour, dashed) in &chart.series {
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(index, value)| {
                format!(
                    "{:.1},{:.1}",
                    LEFT + slot * (index as f64 + 0.5),
                    axis.y(*value)
                )
            })
            .collect();
        let dash = if *dashed {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="1.8"{dash}/>"#,
            points.join(" ")
        );
    }
    x_labels(&mut svg, &chart.labels, slot);
    svg.push_str("</svg>");
    svg
}

/// The start of an SVG image with its accessible name; no namespace URL,
/// which inline SVG in HTML does not need.
fn open(summary: &str) -> String {
    format!(
        r#"<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}">"#,
        escape(summary)
    )
}

/// Every label when they fit, else every second or third, so they never
/// run into each other.
fn x_labels(svg: &mut String, labels: &[String], slot: f64) {
    let every = (28.0 / slot).ceil().max(1.0) as usize;
    for (index, label) in labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let x = LEFT + slot * (index as f64 + 0.5);
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{:.1}" font-size="8" text-anchor="middle" fill="#555">{}</text>"##,
            HEIGHT - 8.0,
            escape(label)
        );
    }
}

/// The y axis: from 0 to a round number above the highest value, with a
/// few round ticks between.
struct Axis {
    max: f64,
    step: f64,
}

impl Axis {
    fn up_to(top: f64) -> Axis {
        let top = if top.is_finite() && top > 0.0 {
            top * 1.1
        } else {
            1.0
        };
        let rough = top / 3.0;
        let magnitude = 10_f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|factor| factor * magnitude)
            .find(|step| *step >= rough)
            .unwrap_or(magnitude * 10.0);
        Axis {
            max: (top / step).ceil() * step,
            step,
        }
    }

    fn y(&self, value: f64) -> f64 {
        let value = if value.is_finite() {
            value.clamp(0.0, self.max)
        } else {
            0.0
        };
        HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / self.max
    }

    fn draw(&self, svg: &mut String, prefix: &str, suffix: &str) {
        let steps = (self.max / self.step).round() as usize;
        for tick in 0..=steps {
            let value = self.step * tick as f64;
            let y = self.y(value);
            let _ = write!(
                svg,
                r##"<line x1="{LEFT:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd" stroke-width="0.6"/><text x="{:.1}" y="{:.1}" font-size="8" text-anchor="end" fill="#555">{}{}{}</text>"##,
                WIDTH - RIGHT,
                LEFT - 3.0,
                y + 3.0,
                escape(prefix),
                number(value),
                escape(suffix)
            );
        }
    }
}

/// A tick's number: whole when it is, else to one decimal.
fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// Text for HTML and SVG: the five characters that mean markup, escaped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_round_number_above_the_top() {
        let axis = Axis::up_to(22.75);
        assert_eq!((axis.max, axis.step), (30.0, 10.0));
        let axis = Axis::up_to(423.5);
        assert_eq!((axis.max, axis.step), (600.0, 200.0));
        let axis = Axis::up_to(0.0);
        assert_eq!((axis.max, axis.step), (1.0, 0.5));
        assert!(Axis::up_to(f64::NAN).max > 0.0);
    }

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            escape(r#"<b>"R&D"</b> 'x'"#),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;"
        );
        let svg = bars(&Bars {
            summary: "a <script>",
            prefix: "",
            suffix: " h",
            labels: vec!["<W1>".to_owned()],
            values: vec![1.0],
            colours: vec![IN_RANGE],
            band: None,
            line: None,
        });
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<W1>"));
    }
}
