use crate::model::Plan;

/// The one way a plan is written: pretty, one list element per line, fields
/// in declaration order, so that two edits of a plan diff and merge cleanly.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .struct_names(false)
}

/// The plan as the text of a plan file, ending with a newline.
pub fn to_ron_string(plan: &Plan) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(plan, pretty_config())?;
    text.push('\n');
    Ok(text)
}
