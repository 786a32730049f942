//! The timer as pages show it: the end time in words (server-rendered, so it
//! works without JavaScript) and the end instant for live.js to count down.

use polku_app::{Arg, Tr};
use polku_domain::live::Timer;
use time::format_description::well_known::Rfc3339;

/// (the sentence, the end instant as RFC 3339 for a countdown), or nothing
/// when there is no timer.
pub(super) fn timer_view(t: Tr, timer: Timer) -> (Option<String>, Option<String>) {
    match timer {
        Timer::Off => (None, None),
        Timer::Running { ends_at } => (
            Some(t.with("timer-running", &[("time", &t.time_of_day(ends_at))])),
            ends_at.format(&Rfc3339).ok(),
        ),
        Timer::Paused { left_ms } => {
            let minutes = u64::try_from((left_ms + 59_999) / 60_000).unwrap_or(0);
            (
                Some(t.with_args("timer-paused", &[("minutes", Arg::Count(minutes))])),
                None,
            )
        }
    }
}
