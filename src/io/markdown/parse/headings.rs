//! What a heading says: the kind of section it opens, or, for a lane, its
//! name and subtitle.

use super::words;

/// The kind of section the importer is in, from the last heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Section {
    /// Before any heading but the title.
    Top,
    Goals,
    /// Under a "Swimlanes" heading: headings below it are lanes.
    Lanes,
    /// An explicit list of phases, with their quarter and status.
    Phases,
    /// Weekly hours and money, under any budget-like heading.
    Budget,
    Metrics,
    Reviews,
    /// Under a heading Yearplan does not know. If tasks or quarters follow,
    /// the heading was a lane.
    Other,
    /// Under a heading known to hold prose (Overview, Notes, Risks…).
    Prose(String),
}

impl Section {
    pub(crate) fn holds_lanes(&self) -> bool {
        matches!(self, Section::Top | Section::Lanes | Section::Other)
    }
}

pub(crate) fn classify_heading(text: &str) -> Section {
    let key = words(text);
    let has = |options: &[&str]| key.split(' ').any(|word| options.contains(&word));
    if has(&[
        "swimlanes",
        "swimlane",
        "lanes",
        "roadmap",
        "workstreams",
        "streams",
    ]) {
        Section::Lanes
    } else if has(&["goals", "goal", "objectives", "objective", "aims"]) {
        Section::Goals
    } else if has(&["metrics", "metric", "kpis", "kpi", "success", "criteria"]) {
        Section::Metrics
    } else if has(&["review", "reviews", "cadence", "cadences", "rituals"]) {
        Section::Reviews
    } else if has(&[
        "budget",
        "budgets",
        "financial",
        "finances",
        "money",
        "costs",
        "spending",
        "time",
        "hours",
    ]) {
        Section::Budget
    } else if key == "phases" || key == "learning phases" {
        Section::Phases
    } else if has(&[
        "overview",
        "summary",
        "introduction",
        "intro",
        "background",
        "context",
        "notes",
        "appendix",
        "risks",
        "assumptions",
        "references",
        "links",
        "about",
        "changelog",
    ]) {
        Section::Prose(text.trim().to_owned())
    } else {
        Section::Other
    }
}

/// "Core (Foundation Building)" → ("Core", "Foundation Building"); a name
/// alone has no subtitle. Export writes "Name ()" for a name that itself
/// ends in a parenthesis, so it reads back whole.
pub(crate) fn split_lane_heading(text: &str) -> (String, String) {
    let text = text.trim();
    if text.ends_with(')') {
        let mut depth = 0usize;
        for (at, c) in text.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let name = text[..at].trim();
                        let subtitle = text[at + 1..text.len() - 1].trim();
                        return (name.to_owned(), subtitle.to_owned());
                    }
                }
                _ => {}
            }
        }
    }
    (text.to_owned(), String::new())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn lane_headings_split_into_name_and_subtitle() {
        let split = |text: &str| split_lane_heading(text);
        assert_eq!(
            split("Core (Foundation Building)"),
            ("Core".to_owned(), "Foundation Building".to_owned())
        );
        assert_eq!(split("Ops"), ("Ops".to_owned(), String::new()));
        assert_eq!(split("Ops (EU) ()"), ("Ops (EU)".to_owned(), String::new()));
        assert_eq!(
            split("Data (ETL (v2))"),
            ("Data".to_owned(), "ETL (v2)".to_owned())
        );
        assert_eq!(split("Weird)"), ("Weird)".to_owned(), String::new()));
    }
}
