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

/// Every kind's sentences.
pub(super) struct Announcer {
    pub(super) messages: Vec<Message>,
}

impl Announcer {
    /// The sentences in `t`'s language.
    pub(super) fn new(t: Tr) -> Self {
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
        ];
        Self {
            messages: keys
                .into_iter()
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
