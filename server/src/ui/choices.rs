//! The choices of select fields that pages of several areas offer: the active entries of a
//! taxonomy (regions, topics, offices) and a list with an empty first choice.

/// `(code, "code name")` of every active entry of a taxonomy, with an empty first choice.
pub(super) fn taxonomy_choices(
    views: &wifo_projections::Views,
    kind: &str,
    empty: &str,
) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), empty.to_owned())];
    if let Some(taxonomy) = views.taxonomies.get(kind) {
        choices.extend(
            taxonomy
                .entries
                .iter()
                .filter(|(_, entry)| !entry.retired)
                .map(|(code, entry)| (code.clone(), format!("{} – {code}", entry.name))),
        );
    }
    choices
}

/// `choices` after an empty first choice labelled `empty`.
pub(super) fn with_empty(empty: &str, mut choices: Vec<(String, String)>) -> Vec<(String, String)> {
    choices.insert(0, (String::new(), empty.to_owned()));
    choices
}
