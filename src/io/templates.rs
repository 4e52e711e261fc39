//! The plans a new plan can start from: small RON files embedded in the
//! binary (`assets/templates/`), each checked by the test suite.

use chrono::NaiveDate;

use super::FileError;
use super::file::{DEFAULT_PLAN_RON, parse_plan};
use crate::model::Plan;
use crate::model::validate::validate;

/// A plan to start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// What `yearplan new --template` calls it.
    pub name: &'static str,
    /// What the New dialog calls it.
    pub title: &'static str,
    /// One line on what it holds.
    pub about: &'static str,
    ron: &'static str,
}

pub const TEMPLATES: [Template; 6] = [
    Template {
        name: "built-in",
        title: "The built-in plan",
        about: "three lanes (Core, Scale, Compliance), fifteen phases, hours and money budgets",
        ron: DEFAULT_PLAN_RON,
    },
    Template {
        name: "blank",
        title: "A blank plan",
        about: "one lane with a block in each quarter; no categories, no budget lines",
        ron: include_str!("../../assets/templates/blank.ron"),
    },
    Template {
        name: "learning",
        title: "A learning plan",
        about: "study and practice lanes, four phases, study hours, a books and courses budget",
        ron: include_str!("../../assets/templates/learning.ron"),
    },
    Template {
        name: "team-roadmap",
        title: "A team roadmap",
        about: "four lanes (Product, Platform, Quality, Team), no money, no hours targets",
        ron: include_str!("../../assets/templates/team-roadmap.ron"),
    },
    Template {
        name: "reading",
        title: "A reading year",
        about: "fiction and non-fiction lanes, reading hours, a books budget",
        ron: include_str!("../../assets/templates/reading.ron"),
    },
    Template {
        name: "fitness",
        title: "A fitness year",
        about: "strength, endurance and mobility lanes and hours, a gym and gear budget",
        ron: include_str!("../../assets/templates/fitness.ron"),
    },
];

impl Template {
    /// The template called `name` (in any case).
    pub fn named(name: &str) -> Option<Template> {
        TEMPLATES
            .into_iter()
            .find(|template| template.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The template's plan, its year starting on `start`.
    pub fn plan(self, start: NaiveDate) -> Result<Plan, FileError> {
        let mut plan = parse_plan(self.ron)?;
        plan.start_date = start;
        // The embedded plan is sound; only the start asked for can make it not.
        validate(&plan).map_err(|source| FileError::Invalid { path: None, source })?;
        Ok(plan)
    }
}

/// The templates, one per line, as `yearplan new --list-templates` prints them.
pub fn template_list() -> String {
    TEMPLATES
        .iter()
        .map(|template| {
            format!(
                "{:<13} {}: {}\n",
                template.name, template.title, template.about
            )
        })
        .collect()
}
