//! The audit trail of a workspace's membership: who invited, withdrew,
//! accepted, removed or changed whose role, and when.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

use crate::{DisplayName, Email, Role, UserId, WorkspaceId};

/// What happened to a workspace's membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    /// An e-mail address was invited (target: the e-mail).
    InvitationCreated,
    /// An invitation was taken back (target: the e-mail).
    InvitationWithdrawn,
    /// An invitation was accepted (target: the e-mail).
    InvitationAccepted,
    /// A member was removed (target: the account's id).
    MemberRemoved,
    /// A member's role was changed (target: the account's id; role: the new one).
    RoleChanged,
}

impl AuditAction {
    /// Every action.
    pub const ALL: [AuditAction; 5] = [
        AuditAction::InvitationCreated,
        AuditAction::InvitationWithdrawn,
        AuditAction::InvitationAccepted,
        AuditAction::MemberRemoved,
        AuditAction::RoleChanged,
    ];

    /// Stable text form, used in SQL and in the security log.
    pub const fn as_str(self) -> &'static str {
        match self {
            AuditAction::InvitationCreated => "invitation_created",
            AuditAction::InvitationWithdrawn => "invitation_withdrawn",
            AuditAction::InvitationAccepted => "invitation_accepted",
            AuditAction::MemberRemoved => "member_removed",
            AuditAction::RoleChanged => "role_changed",
        }
    }

    /// The translation key of its description, e.g. `audit-action-role_changed`.
    pub const fn label_key(self) -> &'static str {
        match self {
            AuditAction::InvitationCreated => "audit-action-invitation_created",
            AuditAction::InvitationWithdrawn => "audit-action-invitation_withdrawn",
            AuditAction::InvitationAccepted => "audit-action-invitation_accepted",
            AuditAction::MemberRemoved => "audit-action-member_removed",
            AuditAction::RoleChanged => "audit-action-role_changed",
        }
    }
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Stored text that names no action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an audit action: {0}")]
pub struct UnknownAuditAction(String);

impl FromStr for AuditAction {
    type Err = UnknownAuditAction;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| UnknownAuditAction(s.to_owned()))
    }
}

/// One entry of the audit trail as read back, with names where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// When it happened.
    pub at: OffsetDateTime,
    /// Who did it, unless that account is gone.
    pub actor: Option<UserId>,
    /// The actor's name.
    pub actor_name: Option<DisplayName>,
    /// What was done.
    pub action: AuditAction,
    /// To whom: an e-mail for invitations, an account id for members.
    pub target: String,
    /// The target account's name, where the target is an account that exists.
    pub target_name: Option<DisplayName>,
    /// The target account's e-mail, likewise.
    pub target_email: Option<Email>,
    /// The role invited with or changed to.
    pub role: Option<Role>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_text_round_trips() {
        for action in AuditAction::ALL {
            assert_eq!(action.as_str().parse::<AuditAction>(), Ok(action));
            assert!(action.label_key().ends_with(action.as_str()));
        }
        assert!("deleted_everything".parse::<AuditAction>().is_err());
    }
}
