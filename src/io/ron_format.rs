use serde::Serialize;

use crate::model::Plan;

/// The settings every part of a plan file is written with.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .struct_names(false)
}

/// The plan as the text of a plan file, ending with a newline.
///
/// Every record — a task, a phase, a time entry, an expense, a review, an
/// import rule — is
/// written on a line of its own, while the containers around them (the plan,
/// its lanes, their blocks) are spread over lines. So a ticked task or a new
/// expense is a one-line change in `git diff`, and two machines that edit
/// different records merge cleanly. Fields come in declaration order.
pub fn to_ron_string(plan: &Plan) -> Result<String, ron::Error> {
    // Lanes nest records deepest: lanes → lane → blocks → block → tasks → task.
    const LANE_DEPTH: usize = 5;
    // Everything else is a list of records: list → record.
    const LIST_DEPTH: usize = 1;
    // The import rules are two lists of records: rules → list → rule.
    const RULES_DEPTH: usize = 2;

    let Plan {
        format_version,
        title,
        start_date,
        currency_symbol,
        goals,
        swimlanes,
        phases,
        time_categories,
        budget_lines,
        success_metrics,
        review_cadences,
        timer,
        time_entries,
        expenses,
        reviews,
        import_rules,
    } = plan;

    let mut out = String::from("(\n");
    write_field(&mut out, "format_version", format_version, LIST_DEPTH)?;
    write_field(&mut out, "title", title, LIST_DEPTH)?;
    write_field(&mut out, "start_date", start_date, LIST_DEPTH)?;
    write_field(&mut out, "currency_symbol", currency_symbol, LIST_DEPTH)?;
    write_field(&mut out, "goals", goals, LIST_DEPTH)?;
    write_field(&mut out, "swimlanes", swimlanes, LANE_DEPTH)?;
    write_field(&mut out, "phases", phases, LIST_DEPTH)?;
    write_field(&mut out, "time_categories", time_categories, LIST_DEPTH)?;
    write_field(&mut out, "budget_lines", budget_lines, LIST_DEPTH)?;
    write_field(&mut out, "success_metrics", success_metrics, LIST_DEPTH)?;
    write_field(&mut out, "review_cadences", review_cadences, LIST_DEPTH)?;
    // Only while one runs; the value alone, which reads as `Some`.
    if let Some(timer) = timer {
        write_field(&mut out, "timer", timer, 0)?;
    }
    write_field(&mut out, "time_entries", time_entries, LIST_DEPTH)?;
    write_field(&mut out, "expenses", expenses, LIST_DEPTH)?;
    write_field(&mut out, "reviews", reviews, LIST_DEPTH)?;
    // Written even when empty, so a reader of the file sees where rules go.
    write_field(&mut out, "import_rules", import_rules, RULES_DEPTH)?;
    out.push_str(")\n");
    Ok(out)
}

/// Writes `    name: value,` with the value spread over lines down to `depth`
/// levels of nesting and written compactly below that. Strings are escaped,
/// so the value's own line breaks are all layout and can be indented.
fn write_field<T: Serialize + ?Sized>(
    out: &mut String,
    name: &str,
    value: &T,
    depth: usize,
) -> Result<(), ron::Error> {
    let text = ron::ser::to_string_pretty(value, pretty_config().depth_limit(depth))?;
    out.push_str("    ");
    out.push_str(name);
    out.push_str(": ");
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push_str("\n    ");
        }
        out.push_str(line);
    }
    out.push_str(",\n");
    Ok(())
}
