//! A live session, its participants, notes, themes and vote rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::live::{JoinCode, Nickname, NoteText, SessionTitle, ThemeName};
use crate::{
    ErrorCode, LiveSessionId, NoteId, ParticipantId, ThemeId, UserId, ValidationError, WorkspaceId,
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
    /// Whether participants may only add and vote (not move or hide).
    pub locked: bool,
    /// The votes each participant has.
    pub budget: VoteBudget,
    /// The step shown on every screen, as the facilitator wrote it.
    pub step: Option<String>,
    /// Who opened it.
    pub created_by: UserId,
    /// When it was opened.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The number of its last event (the SSE id).
    pub last_seq: i64,
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
