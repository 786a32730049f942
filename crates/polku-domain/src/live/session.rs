//! A live session, its participants, notes, themes and vote rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::live::{ColumnPrompt, JoinCode, Nickname, NoteText, SessionTitle, ThemeName};
use crate::{
    ColumnId, ErrorCode, LiveSessionId, NoteId, ParticipantId, SeriesId, ThemeId, UserId,
    ValidationError, WorkshopId, WorkspaceId,
};

/// Whose voice a participant speaks with; recorded so results can show whose
/// view said what, never who said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// A current client (development client).
    Client,
    /// A trained expert by experience.
    ExpertByExperience,
    /// A professional of a service.
    Professional,
    /// A relative or someone close.
    Relative,
    /// An NGO, association or volunteer.
    Ngo,
    /// A manager or decision maker.
    Manager,
    /// Anything else.
    Other,
}

impl Perspective {
    /// Every perspective, in the order forms offer them.
    pub const ALL: [Perspective; 7] = [
        Perspective::Client,
        Perspective::ExpertByExperience,
        Perspective::Professional,
        Perspective::Relative,
        Perspective::Ngo,
        Perspective::Manager,
        Perspective::Other,
    ];

    /// The stable text form, as in the API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Perspective::Client => "client",
            Perspective::ExpertByExperience => "expert_by_experience",
            Perspective::Professional => "professional",
            Perspective::Relative => "relative",
            Perspective::Ngo => "ngo",
            Perspective::Manager => "manager",
            Perspective::Other => "other",
        }
    }

    /// The translation key of its name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Perspective::Client => "perspective-client",
            Perspective::ExpertByExperience => "perspective-expert_by_experience",
            Perspective::Professional => "perspective-professional",
            Perspective::Relative => "perspective-relative",
            Perspective::Ngo => "perspective-ngo",
            Perspective::Manager => "perspective-manager",
            Perspective::Other => "perspective-other",
        }
    }
}

impl fmt::Display for Perspective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Perspective {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == s.trim())
            .ok_or(ValidationError::new(
                "perspective",
                ErrorCode::InvalidPerspective,
            ))
    }
}

/// How many votes each participant has, and how many of them may go to one
/// note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteBudget {
    /// Votes per participant per session (1 to 20; 5 unless set).
    pub per_participant: u32,
    /// Votes one participant may give one note (1 to `per_participant`).
    pub per_note: u32,
}

impl VoteBudget {
    /// Five votes, all of which may go to one note.
    pub const DEFAULT: VoteBudget = VoteBudget {
        per_participant: 5,
        per_note: 5,
    };
    /// The most votes a facilitator may give each participant.
    pub const MAX: u32 = 20;

    /// Validates a budget a facilitator set.
    pub fn new(per_participant: u32, per_note: u32) -> Result<Self, ValidationError> {
        if !(1..=Self::MAX).contains(&per_participant) {
            return Err(ValidationError::new("budget", ErrorCode::InvalidVoteBudget));
        }
        if !(1..=per_participant).contains(&per_note) {
            return Err(ValidationError::new(
                "per_note",
                ErrorCode::InvalidVoteBudget,
            ));
        }
        Ok(Self {
            per_participant,
            per_note,
        })
    }
}

impl Default for VoteBudget {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A live workshop session of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveSession {
    /// Its id.
    pub id: LiveSessionId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// What the workshop is about.
    pub title: SessionTitle,
    /// The code people join with while it is open.
    pub join_code: JoinCode,
    /// Whether people may still join and write.
    pub open: bool,
    /// Whether vote counts are shown to participants.
    pub votes_revealed: bool,
    /// Whether participants may only add, vote and move their own notes
    /// (not move others' notes).
    pub locked: bool,
    /// The votes each participant has.
    pub budget: VoteBudget,
    /// The step shown on every screen, as the facilitator wrote it.
    pub step: Option<String>,
    /// The timer every screen draws.
    pub timer: Timer,
    /// The workshop it is held for, if any.
    pub workshop_id: Option<WorkshopId>,
    /// The series of that workshop: return codes of the session belong to
    /// it (without one, to the workspace).
    pub series_id: Option<SeriesId>,
    /// Who opened it.
    pub created_by: UserId,
    /// When it was opened.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The number of its last event (the SSE id).
    pub last_seq: i64,
}

/// A session's timer: a server end time, or the time left while paused.
/// Nothing advances by itself when it runs out (WCAG 2.2.1): screens show
/// that time is up and the facilitator moves on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Timer {
    /// No timer.
    Off,
    /// Running until this time.
    Running {
        /// When it ends.
        #[serde(with = "time::serde::rfc3339")]
        ends_at: OffsetDateTime,
    },
    /// Paused with this much left.
    Paused {
        /// Milliseconds left.
        left_ms: i64,
    },
}

/// What a facilitator does with the timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerChange {
    /// Start (or restart) it for this many seconds.
    Start(i64),
    /// Pause it, keeping the time left.
    Pause,
    /// Resume a paused timer.
    Resume,
    /// Add this many seconds (to a running or paused timer).
    Extend(i64),
    /// Stop it.
    Stop,
}

impl Timer {
    /// The longest timer, in seconds (three hours).
    pub const MAX_SECONDS: i64 = 3 * 60 * 60;

    /// The timer after `change` at `now`; a change that does not apply
    /// (resuming a running timer) leaves it as it is.
    pub fn apply(self, change: TimerChange, now: OffsetDateTime) -> Timer {
        let seconds = |s: i64| time::Duration::seconds(s.clamp(1, Self::MAX_SECONDS));
        match (self, change) {
            (_, TimerChange::Start(s)) => Timer::Running {
                ends_at: now + seconds(s),
            },
            (_, TimerChange::Stop) => Timer::Off,
            (Timer::Running { ends_at }, TimerChange::Pause) => Timer::Paused {
                left_ms: i64::try_from((ends_at - now).whole_milliseconds().max(0)).unwrap_or(0),
            },
            (Timer::Paused { left_ms }, TimerChange::Resume) => Timer::Running {
                ends_at: now + time::Duration::milliseconds(left_ms),
            },
            (Timer::Running { ends_at }, TimerChange::Extend(s)) => Timer::Running {
                ends_at: ends_at.max(now) + seconds(s),
            },
            (Timer::Paused { left_ms }, TimerChange::Extend(s)) => Timer::Paused {
                left_ms: left_ms + seconds(s).whole_milliseconds() as i64,
            },
            (timer, _) => timer,
        }
    }
}

/// A participant: a pseudonym with a perspective, known to the server only
/// by the hash of their token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Its id.
    pub id: ParticipantId,
    /// The session joined.
    pub session_id: LiveSessionId,
    /// The nickname chosen.
    pub nickname: Nickname,
    /// Whose voice.
    pub perspective: Perspective,
    /// When they joined.
    #[serde(with = "time::serde::rfc3339")]
    pub joined_at: OffsetDateTime,
}

/// Who wrote a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteAuthor {
    /// The participant, if a participant wrote it (or it was typed in for one).
    pub participant: Option<ParticipantId>,
    /// Their nickname, or the facilitator's name.
    pub nickname: String,
    /// Whose voice, if known.
    pub perspective: Option<Perspective>,
    /// Typed in by a facilitator for someone without a device (from paper).
    pub proxy: bool,
}

/// A note on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its id.
    pub id: NoteId,
    /// The session's id.
    pub session_id: LiveSessionId,
    /// The theme it is grouped under, if any.
    pub theme_id: Option<ThemeId>,
    /// The board column (question) it answers, if any.
    pub column_id: Option<ColumnId>,
    /// The note it was merged into as a duplicate, if any; its votes went
    /// there too.
    pub merged_into: Option<NoteId>,
    /// What it says.
    pub text: NoteText,
    /// Who wrote it.
    pub author: NoteAuthor,
    /// Why a facilitator hid it, if hidden (moderation).
    pub hidden_reason: Option<String>,
    /// When it was written.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A column of the board: one question of the step, answered by notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardColumn {
    /// Its id.
    pub id: ColumnId,
    /// The question it asks.
    pub prompt: ColumnPrompt,
}

/// A theme notes are grouped under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Its id.
    pub id: ThemeId,
    /// Its name.
    pub name: ThemeName,
}

/// Groups smaller than this are not shown as a number ("< 5") wherever
/// votes are broken down by perspective, as Finnish statistics do, so that
/// no vote can be traced to a person.
pub const SMALL_GROUP: u32 = 5;

/// `count` as it may be shown in a breakdown: `None` when the group is
/// smaller than [`SMALL_GROUP`] (and not empty).
pub const fn shown_count(count: u32) -> Option<u32> {
    if count > 0 && count < SMALL_GROUP {
        None
    } else {
        Some(count)
    }
}

/// The votes of one note, by perspective.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteTally {
    /// All votes.
    pub total: u32,
    /// Votes per perspective (perspectives with none left out).
    pub by_perspective: Vec<(Perspective, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perspectives_round_trip_and_unknown_ones_are_refused() {
        for p in Perspective::ALL {
            assert_eq!(p.as_str().parse::<Perspective>().expect("own"), p);
        }
        assert_eq!(
            "boss".parse::<Perspective>().expect_err("refused").code,
            ErrorCode::InvalidPerspective
        );
    }

    #[test]
    fn the_timer_pauses_resumes_and_extends_from_the_server_clock() {
        let now = OffsetDateTime::UNIX_EPOCH + time::Duration::hours(1);
        let running = Timer::Off.apply(TimerChange::Start(300), now);
        assert_eq!(
            running,
            Timer::Running {
                ends_at: now + time::Duration::minutes(5)
            }
        );
        let later = now + time::Duration::minutes(2);
        let paused = running.apply(TimerChange::Pause, later);
        assert_eq!(paused, Timer::Paused { left_ms: 180_000 });
        assert_eq!(
            paused.apply(TimerChange::Extend(60), later),
            Timer::Paused { left_ms: 240_000 }
        );
        let resumed = paused.apply(TimerChange::Resume, later + time::Duration::hours(1));
        assert_eq!(
            resumed,
            Timer::Running {
                ends_at: later + time::Duration::hours(1) + time::Duration::minutes(3)
            }
        );
        assert_eq!(
            running.apply(TimerChange::Resume, later),
            running,
            "resuming a running timer changes nothing"
        );
        let overdue = running.apply(TimerChange::Extend(60), now + time::Duration::hours(2));
        assert_eq!(
            overdue,
            Timer::Running {
                ends_at: now + time::Duration::hours(2) + time::Duration::minutes(1)
            },
            "extending a run-out timer counts from now"
        );
        assert_eq!(
            Timer::Off.apply(TimerChange::Start(999_999), now),
            Timer::Running {
                ends_at: now + time::Duration::hours(3)
            }
        );
        assert_eq!(running.apply(TimerChange::Stop, later), Timer::Off);
    }

    #[test]
    fn small_groups_are_not_shown_as_numbers() {
        assert_eq!(shown_count(0), Some(0));
        assert_eq!(shown_count(1), None);
        assert_eq!(shown_count(4), None);
        assert_eq!(shown_count(5), Some(5));
    }

    #[test]
    fn budgets_stay_within_their_limits() {
        assert_eq!(VoteBudget::default().per_participant, 5);
        assert!(VoteBudget::new(3, 1).is_ok());
        assert!(VoteBudget::new(0, 1).is_err());
        assert!(VoteBudget::new(21, 1).is_err());
        assert!(VoteBudget::new(3, 4).is_err(), "cap above the budget");
        assert!(VoteBudget::new(3, 0).is_err());
    }
}
