//! Invitations: the only way into a workspace. An owner or facilitator
//! invites an e-mail address with a role; the person holding the link accepts
//! it with the account of that address (or creates one), once, within
//! [`INVITATION_LIFETIME`].

use time::{Duration, OffsetDateTime};

use crate::{DisplayName, Email, ErrorCode, InvitationId, Role, UserId, WorkspaceId};

/// How long an invitation can be accepted.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// An invitation to a workspace. Its token is never stored, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Its id.
    pub id: InvitationId,
    /// The workspace it opens.
    pub workspace_id: WorkspaceId,
    /// The address invited; only the account with it may accept.
    pub email: Email,
    /// The role the new member gets.
    pub role: Role,
    /// Who invited, unless that account is gone.
    pub invited_by: Option<UserId>,
    /// The inviter's name, for the invitation page.
    pub inviter_name: Option<DisplayName>,
    /// When it was made.
    pub created_at: OffsetDateTime,
    /// When it stops working.
    pub expires_at: OffsetDateTime,
    /// When it was accepted, if it was.
    pub accepted_at: Option<OffsetDateTime>,
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<OffsetDateTime>,
}

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationStatus {
    /// It can be accepted.
    Pending,
    /// It was used.
    Accepted,
    /// An owner or facilitator took it back.
    Withdrawn,
    /// Its time ran out.
    Expired,
}

impl Invitation {
    /// Its status at `now`; being used or withdrawn outranks running out.
    pub fn status(&self, now: OffsetDateTime) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.withdrawn_at.is_some() {
            InvitationStatus::Withdrawn
        } else if now >= self.expires_at {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

impl InvitationStatus {
    /// Why it can no longer be accepted, as an error code; `None` while pending.
    pub const fn refusal(self) -> Option<ErrorCode> {
        match self {
            InvitationStatus::Pending => None,
            InvitationStatus::Accepted => Some(ErrorCode::InvitationUsed),
            InvitationStatus::Withdrawn => Some(ErrorCode::InvitationWithdrawn),
            InvitationStatus::Expired => Some(ErrorCode::InvitationExpired),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation(now: OffsetDateTime) -> Invitation {
        Invitation {
            id: InvitationId::new(),
            workspace_id: WorkspaceId::new(),
            email: Email::parse("uusi@example.fi").expect("valid"),
            role: Role::Viewer,
            invited_by: None,
            inviter_name: None,
            created_at: now,
            expires_at: now + INVITATION_LIFETIME,
            accepted_at: None,
            withdrawn_at: None,
        }
    }

    #[test]
    fn an_invitation_is_pending_until_used_withdrawn_or_expired() {
        let now = OffsetDateTime::now_utc();
        let fresh = invitation(now);
        assert_eq!(fresh.status(now), InvitationStatus::Pending);
        assert_eq!(fresh.status(now).refusal(), None);
        assert_eq!(
            fresh.status(now + INVITATION_LIFETIME),
            InvitationStatus::Expired
        );
        let used = Invitation {
            accepted_at: Some(now),
            ..fresh.clone()
        };
        assert_eq!(
            used.status(now + Duration::days(30)).refusal(),
            Some(ErrorCode::InvitationUsed)
        );
        let withdrawn = Invitation {
            withdrawn_at: Some(now),
            ..fresh
        };
        assert_eq!(withdrawn.status(now), InvitationStatus::Withdrawn);
    }
}
