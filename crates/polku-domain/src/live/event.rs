//! The events of a live session: each change is one numbered event, and the
//! number is the Server-Sent Events id a reconnecting screen resumes from.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

use crate::LiveSessionId;

/// What happened; the SSE `event:` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiveEventKind {
    /// Someone joined (payload: participant id, nickname, perspective).
    ParticipantJoined,
    /// A note was written (payload: the note).
    NoteAdded,
    /// A note was moved under a theme or out of one.
    NoteMoved,
    /// A facilitator hid a note, with the reason.
    NoteHidden,
    /// A theme was made.
    ThemeAdded,
    /// A vote was cast (payload: the note id, which participants see only
    /// after the reveal).
    VoteCast,
    /// The facilitator revealed the votes.
    VotesRevealed,
    /// The step shown on every screen changed.
    StepChanged,
    /// The session was closed.
    SessionClosed,
    /// The timer was started, paused, resumed, extended or stopped.
    TimerChanged,
    /// A participant said they are ready (or took it back).
    ReadyChanged,
    /// A column (question) was added to the board.
    ColumnAdded,
    /// A note was merged into a duplicate (payload: both ids).
    NoteMerged,
    /// A participant took back their own note.
    NoteDeleted,
    /// The facilitator locked or unlocked the board.
    LockChanged,
    /// The service path the session edits changed (payload: the path id,
    /// what changed and the id of what changed).
    PathChanged,
}

impl LiveEventKind {
    /// Every kind.
    pub const ALL: [LiveEventKind; 16] = [
        LiveEventKind::ParticipantJoined,
        LiveEventKind::NoteAdded,
        LiveEventKind::NoteMoved,
        LiveEventKind::NoteHidden,
        LiveEventKind::ThemeAdded,
        LiveEventKind::VoteCast,
        LiveEventKind::VotesRevealed,
        LiveEventKind::StepChanged,
        LiveEventKind::SessionClosed,
        LiveEventKind::TimerChanged,
        LiveEventKind::ReadyChanged,
        LiveEventKind::ColumnAdded,
        LiveEventKind::NoteMerged,
        LiveEventKind::NoteDeleted,
        LiveEventKind::LockChanged,
        LiveEventKind::PathChanged,
    ];

    /// The stable text form (`note_added`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            LiveEventKind::ParticipantJoined => "participant_joined",
            LiveEventKind::NoteAdded => "note_added",
            LiveEventKind::NoteMoved => "note_moved",
            LiveEventKind::NoteHidden => "note_hidden",
            LiveEventKind::ThemeAdded => "theme_added",
            LiveEventKind::VoteCast => "vote_cast",
            LiveEventKind::VotesRevealed => "votes_revealed",
            LiveEventKind::StepChanged => "step_changed",
            LiveEventKind::SessionClosed => "session_closed",
            LiveEventKind::TimerChanged => "timer_changed",
            LiveEventKind::ReadyChanged => "ready_changed",
            LiveEventKind::ColumnAdded => "column_added",
            LiveEventKind::NoteMerged => "note_merged",
            LiveEventKind::NoteDeleted => "note_deleted",
            LiveEventKind::LockChanged => "lock_changed",
            LiveEventKind::PathChanged => "path_changed",
        }
    }
}

impl fmt::Display for LiveEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LiveEventKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

/// One stored event of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveEvent {
    /// The session.
    pub session_id: LiveSessionId,
    /// Its number in the session: 1, 2, 3, ... without gaps, in commit order.
    pub seq: i64,
    /// What happened.
    pub kind: LiveEventKind,
    /// Its details as a JSON object.
    pub payload: String,
    /// When it happened.
    pub at: OffsetDateTime,
}

impl LiveEvent {
    /// The payload a participant may see while the votes are hidden: a cast
    /// vote says only that a vote was cast, not on which note.
    pub fn payload_for_participant(&self, votes_revealed: bool) -> &str {
        if self.kind == LiveEventKind::VoteCast && !votes_revealed {
            "{}"
        } else {
            &self.payload
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in LiveEventKind::ALL {
            assert_eq!(kind.as_str().parse::<LiveEventKind>(), Ok(kind));
        }
    }

    #[test]
    fn a_hidden_vote_names_no_note() {
        let event = LiveEvent {
            session_id: LiveSessionId::new(),
            seq: 3,
            kind: LiveEventKind::VoteCast,
            payload: r#"{"note_id":"x"}"#.to_owned(),
            at: OffsetDateTime::UNIX_EPOCH,
        };
        assert_eq!(event.payload_for_participant(false), "{}");
        assert_eq!(event.payload_for_participant(true), r#"{"note_id":"x"}"#);
    }
}
