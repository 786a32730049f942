//! Every error code Polku gives, as one enum. A code is stable `snake_case`
//! text in the API (`{"error": {"code": ...}}`) and names its translation
//! (`error-<code>` in `locales/*/errors.ftl` of `polku-app`), so adding a
//! variant without a message in fi, sv and en fails a test there.

use std::fmt;

use serde::Serialize;

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, )+) => {
        /// A stable error code; see the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum ErrorCode {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )+
        }

        impl ErrorCode {
            /// Every code, for tests that each has a message.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The stable text form, e.g. `last_owner`.
            pub const fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)+ }
            }

            /// The translation key of the code's message, e.g. `error-last_owner`.
            pub const fn message_key(self) -> &'static str {
                match self { $(ErrorCode::$variant => concat!("error-", $code),)+ }
            }
        }
    };
}

error_codes! {
    // Requests in general.
    /// No such thing, or not visible to the caller.
    NotFound = "not_found",
    /// The caller is known but may not do this.
    Forbidden = "forbidden",
    /// No or bad credentials.
    Unauthorized = "unauthorized",
    /// The database does not answer.
    DatabaseUnavailable = "database_unavailable",
    /// The database's disk is full; nothing was saved.
    StorageFull = "storage_full",
    /// A fault of ours; details are only in the log.
    Internal = "internal",
    /// Too many requests; wait and retry.
    RateLimited = "rate_limited",
    /// The method is not served on this path.
    MethodNotAllowed = "method_not_allowed",
    /// The request body is larger than allowed.
    PayloadTooLarge = "payload_too_large",
    /// A form body could not be read.
    InvalidForm = "invalid_form",
    /// A JSON body is not valid JSON.
    InvalidJson = "invalid_json",
    /// A JSON body lacks fields or has values of the wrong type.
    InvalidFields = "invalid_fields",
    /// The body must be JSON.
    JsonRequired = "json_required",
    /// A state-changing request came from another site.
    CrossOriginRequest = "cross_origin_request",
    /// The same thing is already stored.
    Duplicate = "duplicate",

    // Field values.
    /// The field is empty.
    Required = "required",
    /// The text is too long.
    TooLong = "too_long",
    /// The text holds control characters.
    ControlCharacters = "control_characters",
    /// Not an e-mail address.
    InvalidEmail = "invalid_email",
    /// Not one of the roles.
    InvalidRole = "invalid_role",
    /// Not a date.
    InvalidDate = "invalid_date",
    /// Not a time of day.
    InvalidTime = "invalid_time",
    /// Not a duration in minutes within the limits.
    InvalidDuration = "invalid_duration",
    /// The end is before the start.
    EndBeforeStart = "end_before_start",

    // Accounts.
    /// The password is shorter than 12 characters.
    PasswordTooShort = "password_too_short",
    /// The password is longer than 256 characters.
    PasswordTooLong = "password_too_long",
    /// The password is easy to guess.
    PasswordTooGuessable = "password_too_guessable",
    /// Wrong e-mail or password.
    InvalidCredentials = "invalid_credentials",
    /// Too many login attempts; the message names the wait.
    LoginRateLimited = "login_rate_limited",
    /// Another account has this e-mail.
    EmailTaken = "email_taken",
    /// The current password given to change it is wrong.
    CurrentPasswordWrong = "current_password_wrong",
    /// The new password and its repetition differ.
    PasswordsDiffer = "passwords_differ",
    /// A token lifetime outside 1 to 365 days.
    InvalidTokenLifetime = "invalid_token_lifetime",

    // Workspaces and members.
    /// The account is already a member.
    AlreadyMember = "already_member",
    /// The workspace would be left without an owner.
    LastOwner = "last_owner",
    /// A small-group threshold outside 3 to 20.
    InvalidSmallGroupThreshold = "invalid_small_group_threshold",
    /// A retention period outside 1 to 60 months.
    InvalidRetentionMonths = "invalid_retention_months",

    // Groups and series.
    /// A facilitator chosen is not a facilitator or owner of the workspace.
    NotAFacilitator = "not_a_facilitator",
    /// Not one of the phases of a workshop series.
    InvalidPhase = "invalid_phase",
    /// Not one of the methods of the library.
    InvalidMethod = "invalid_method",
    /// An agenda with more items than a workshop holds.
    TooManyAgendaItems = "too_many_agenda_items",
    /// The series is closed: reopen it to change it.
    SeriesClosed = "series_closed",

    // Invitations.
    /// The invitation was already used.
    InvitationUsed = "invitation_used",
    /// The invitation was withdrawn.
    InvitationWithdrawn = "invitation_withdrawn",
    /// The invitation's time ran out.
    InvitationExpired = "invitation_expired",
    /// The invitation is for another e-mail than the signed-in account's.
    InvitationOtherAccount = "invitation_other_account",

    // Live sessions.
    /// Not a join code (six letters and digits).
    InvalidJoinCode = "invalid_join_code",
    /// No open session has this code.
    UnknownJoinCode = "unknown_join_code",
    /// Not one of the perspectives.
    InvalidPerspective = "invalid_perspective",
    /// Not a return code, or one this workspace does not know.
    InvalidReturnCode = "invalid_return_code",
    /// A vote budget outside its limits.
    InvalidVoteBudget = "invalid_vote_budget",
    /// The participant has used every vote.
    VoteBudgetSpent = "vote_budget_spent",
    /// The participant has given this note as many votes as one note may get.
    VoteCapReached = "vote_cap_reached",
    /// The session is closed.
    SessionClosed = "session_closed",
    /// The board is locked: participants move only their own notes.
    SessionLocked = "session_locked",
    /// Only the note's writer may do this.
    NotYourNote = "not_your_note",
    /// A note cannot be merged into itself or into a merged note.
    CannotMerge = "cannot_merge",
    /// Not a workshop of a running series of this workspace.
    UnknownWorkshop = "unknown_workshop",
    /// Too many joins from here; the message names the wait.
    JoinRateLimited = "join_rate_limited",
    /// Too many notes too fast; the message names the wait.
    PostRateLimited = "post_rate_limited",

    // Client profiles and service paths.
    /// Not one of the choices of a list (sector, channel, kind, ...).
    InvalidChoice = "invalid_choice",
    /// A wait outside 0 to 3650 days.
    InvalidWaitDays = "invalid_wait_days",
    /// A distance outside 0 to 2000 km.
    InvalidDistance = "invalid_distance",
    /// An experience outside -2 to +2.
    InvalidExperience = "invalid_experience",
    /// A share of clients outside 0 to 100.
    InvalidDropOff = "invalid_drop_off",
    /// A transition that would lead back to where the client already was.
    TransitionCycle = "transition_cycle",
    /// Someone changed it since it was opened; the newer version is shown.
    EditConflict = "edit_conflict",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_keys_follow_them() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            assert_eq!(code.message_key(), format!("error-{text}"));
        }
    }
}
