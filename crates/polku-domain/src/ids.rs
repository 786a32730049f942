//! Typed identifiers, so a user id can never be passed where a workspace id is due.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// The underlying UUID.
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

typed_id!(
    /// Identifies a workspace (hanke).
    WorkspaceId
);
typed_id!(
    /// Identifies an account (facilitator, manager or admin).
    UserId
);
typed_id!(
    /// Identifies a development group (kehittäjäryhmä).
    GroupId
);
typed_id!(
    /// Identifies a workshop series (työpajasarja) of a group.
    SeriesId
);
typed_id!(
    /// Identifies a workshop (työpaja) of a series.
    WorkshopId
);
typed_id!(
    /// Identifies a data-collection period of a series.
    PeriodId
);
typed_id!(
    /// Identifies an API token (the token itself is a secret kept only as a hash).
    TokenId
);
typed_id!(
    /// Identifies an invitation to a workspace.
    InvitationId
);
typed_id!(
    /// Identifies a live workshop session.
    LiveSessionId
);
typed_id!(
    /// Identifies a participant of a live session (a pseudonym, never a person).
    ParticipantId
);
typed_id!(
    /// Identifies a note on a live session's board.
    NoteId
);
typed_id!(
    /// Identifies a theme that groups a session's notes.
    ThemeId
);
typed_id!(
    /// Identifies a column (a question of the step) on a session's board.
    ColumnId
);
typed_id!(
    /// Identifies a client profile (an anonymous composite persona).
    ProfileId
);
typed_id!(
    /// Identifies a service path.
    PathId
);
typed_id!(
    /// Identifies a stage (a column) of a service path.
    StageId
);
typed_id!(
    /// Identifies a touchpoint of a service path.
    TouchpointId
);
typed_id!(
    /// Identifies a transition between two touchpoints.
    TransitionId
);
typed_id!(
    /// Identifies a critical point of a service path.
    CriticalPointId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_round_trips_through_its_text_form() {
        let id = WorkspaceId::new();
        let parsed: WorkspaceId = id.to_string().parse().expect("own text parses");
        assert_eq!(parsed, id);
    }

    #[test]
    fn garbage_is_not_an_id() {
        assert!("not-an-id".parse::<UserId>().is_err());
    }
}
