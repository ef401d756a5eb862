//! The progress bar of the long-running commands (replaying the log, loading the fact tables):
//! one style for all of them.

use indicatif::{ProgressBar, ProgressStyle};
use wifo_app::views::Progress;

/// A bar that counts `unit` with rate and remaining time, headed by `message`.
pub(crate) fn bar(message: &'static str, unit: &str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{msg}} {{wide_bar}} {{pos}}/{{len}} {unit} ({{per_sec}}, noch {{eta}})"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(message);
    bar
}

/// Shows one step of a replay.
pub(crate) fn show(bar: &ProgressBar, progress: Progress) {
    bar.set_length(progress.total);
    bar.set_position(progress.done);
}
