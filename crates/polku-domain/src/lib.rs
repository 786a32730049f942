//! Polku's domain: the objects of `shared/DOMAIN.md` and their rules.
//!
//! Pure types and validation only; no I/O, no async, no database.

#[macro_use]
mod macros;

pub mod accounts;
pub mod audit;
pub mod error_code;
pub mod groups;
pub mod ids;
pub mod invitations;
pub mod language;
pub mod live;
pub mod paths;
pub mod workspaces;

pub use accounts::EMAIL_PATTERN;
pub use accounts::{DisplayName, Email, Password, PasswordError, TokenLifetime, TokenName};
pub use audit::{AuditAction, AuditEvent};
pub use error_code::ErrorCode;
pub use groups::{
    AgendaItem, CollectionPeriod, DevelopmentGroup, GroupDetails, GroupInput, Method,
    NewCollectionPeriod, NewWorkshop, Phase, PublicGroupId, SeriesName, Workshop, WorkshopSeries,
    helsinki_to_utc, utc_to_helsinki,
};
pub use ids::{
    ColumnId, CriticalPointId, GroupId, InvitationId, LiveSessionId, NoteId, ParticipantId, PathId,
    PeriodId, ProfileId, SeriesId, StageId, ThemeId, TokenId, TouchpointId, TransitionId, UserId,
    WorkshopId, WorkspaceId,
};
pub use invitations::{INVITATION_LIFETIME, Invitation, InvitationStatus};
pub use language::{Language, LocalizedText};
pub use workspaces::{
    Member, RetentionMonths, Role, SmallGroupThreshold, Workspace, WorkspaceName,
    WorkspaceSettings, months_earlier,
};

/// A value that failed validation: the field it came from and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {code}")]
pub struct ValidationError {
    /// The input field the value came from (`email`, `name`, ...).
    pub field: &'static str,
    /// Why, e.g. [`ErrorCode::TooLong`].
    pub code: ErrorCode,
}

impl ValidationError {
    /// Builds an error for `field` with `code`.
    pub const fn new(field: &'static str, code: ErrorCode) -> Self {
        Self { field, code }
    }
}

/// The rule of [`bounded_text`] as a regular expression (ECMA 262, as
/// OpenAPI schemas state it): no control characters, and at least one
/// character that is not a space.
pub const PLAIN_TEXT_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$";

/// Checks `raw` holds at most `max` characters, no control characters, and
/// between `min` and `max` once trimmed; gives it trimmed.
pub(crate) fn bounded_text(
    raw: &str,
    field: &'static str,
    min: usize,
    max: usize,
) -> Result<String, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.chars().count() < min {
        return Err(ValidationError::new(field, ErrorCode::Required));
    }
    // The untrimmed length counts, as the API's schema says `maxLength`.
    if raw.chars().count() > max {
        return Err(ValidationError::new(field, ErrorCode::TooLong));
    }
    if raw.chars().any(char::is_control) {
        return Err(ValidationError::new(field, ErrorCode::ControlCharacters));
    }
    Ok(trimmed.to_owned())
}
