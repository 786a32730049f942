//! The texts live.js announces, rendered on the page in its language: for
//! each event kind, the sentence for one event and the one for several
//! (with `{n}` where the number goes), chosen by the page's plural rules.

use polku_app::{Arg, Tr};
use polku_domain::live::LiveEventKind;

/// One kind's two sentences.
pub(super) struct Message {
    pub(super) kind: &'static str,
    pub(super) one: String,
    pub(super) other: String,
}

/// Every kind's sentences, and the timer's words for the countdown.
pub(super) struct Announcer {
    pub(super) messages: Vec<Message>,
    pub(super) timer_left: String,
    pub(super) timer_up: String,
    pub(super) timer_one_minute: String,
}

impl Announcer {
    /// The sentences in `t`'s language; facilitators also hear who is
    /// ready.
    pub(super) fn new(t: Tr, facilitator: bool) -> Self {
        let keys = [
            (LiveEventKind::NoteAdded, "live-announce-note_added"),
            (LiveEventKind::VoteCast, "live-announce-vote_cast"),
            (
                LiveEventKind::ParticipantJoined,
                "live-announce-participant_joined",
            ),
            (LiveEventKind::NoteMoved, "live-announce-note_moved"),
            (LiveEventKind::NoteHidden, "live-announce-note_hidden"),
            (LiveEventKind::ThemeAdded, "live-announce-theme_added"),
            (LiveEventKind::VotesRevealed, "live-announce-votes_revealed"),
            (LiveEventKind::StepChanged, "live-announce-step_changed"),
            (LiveEventKind::SessionClosed, "live-announce-session_closed"),
            (LiveEventKind::TimerChanged, "live-announce-timer_changed"),
            (LiveEventKind::ReadyChanged, "live-announce-ready_changed"),
            (LiveEventKind::ColumnAdded, "live-announce-column_added"),
            (LiveEventKind::NoteMerged, "live-announce-note_merged"),
            (LiveEventKind::NoteDeleted, "live-announce-note_deleted"),
            (LiveEventKind::LockChanged, "live-announce-lock_changed"),
        ];
        Self {
            timer_left: t.get("timer-left"),
            timer_up: t.get("timer-up"),
            timer_one_minute: t.get("timer-one-minute"),
            messages: keys
                .into_iter()
                .filter(|(kind, _)| facilitator || *kind != LiveEventKind::ReadyChanged)
                .map(|(kind, key)| Message {
                    kind: kind.as_str(),
                    one: t.with_args(key, &[("count", Arg::Count(1))]),
                    // A text argument selects the "other" variant.
                    other: t.with_args(key, &[("count", Arg::Text("{n}"))]),
                })
                .collect(),
        }
    }
}
