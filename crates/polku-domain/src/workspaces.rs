//! Workspaces (hanke) and the roles of their members.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{DisplayName, Email, ErrorCode, UserId, ValidationError, WorkspaceId, bounded_text};

/// A workspace's name, 1 to 120 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WorkspaceName(String);

impl WorkspaceName {
    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// Longest name accepted.
    pub const MAX_CHARS: usize = 120;

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One development initiative with its groups and members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The workspace's id.
    pub id: WorkspaceId,
    /// Its name.
    pub name: WorkspaceName,
    /// When it was created.
    pub created_at: OffsetDateTime,
}

/// What an account may do in a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything; for managers and decision makers.
    Viewer,
    /// Runs groups and workshops and manages members other than owners.
    Facilitator,
    /// Everything, including the owner role itself.
    Owner,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 3] = [Role::Owner, Role::Facilitator, Role::Viewer];

    /// Stable text form, used in SQL, the API and as a translation key suffix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Facilitator => "facilitator",
            Role::Viewer => "viewer",
        }
    }

    /// The translation key of the role's name, e.g. `role-owner`.
    pub const fn label_key(self) -> &'static str {
        match self {
            Role::Owner => "role-owner",
            Role::Facilitator => "role-facilitator",
            Role::Viewer => "role-viewer",
        }
    }

    /// Whether this role may invite and remove members and change roles.
    pub const fn can_manage_members(self) -> bool {
        matches!(self, Role::Owner | Role::Facilitator)
    }

    /// Whether this role may give or take away `target`: only an owner
    /// handles owners.
    pub fn can_assign(self, target: Role) -> bool {
        self.can_manage_members() && (target != Role::Owner || self == Role::Owner)
    }
}

impl Role {
    /// Whether this role may change a member's role from `from` to `to`.
    pub fn can_change(self, from: Role, to: Role) -> bool {
        self.can_assign(from) && self.can_assign(to)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "owner" => Ok(Role::Owner),
            "facilitator" => Ok(Role::Facilitator),
            "viewer" => Ok(Role::Viewer),
            _ => Err(ValidationError::new("role", ErrorCode::InvalidRole)),
        }
    }
}

/// An account's membership in a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The account.
    pub user_id: UserId,
    /// Its display name.
    pub name: DisplayName,
    /// Its e-mail address.
    pub email: Email,
    /// Its role in this workspace.
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_owners_hand_out_ownership() {
        assert!(Role::Owner.can_assign(Role::Owner));
        assert!(!Role::Facilitator.can_assign(Role::Owner));
        assert!(Role::Facilitator.can_assign(Role::Viewer));
        assert!(!Role::Viewer.can_assign(Role::Viewer));
    }

    #[test]
    fn facilitators_change_roles_below_owner_only() {
        assert!(Role::Facilitator.can_change(Role::Viewer, Role::Facilitator));
        assert!(!Role::Facilitator.can_change(Role::Viewer, Role::Owner));
        assert!(!Role::Facilitator.can_change(Role::Owner, Role::Viewer));
        assert!(Role::Owner.can_change(Role::Owner, Role::Viewer));
    }

    #[test]
    fn role_text_round_trips() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("admin".parse::<Role>().is_err());
    }

    #[test]
    fn blank_and_overlong_workspace_names_are_refused() {
        assert_eq!(
            WorkspaceName::parse("   ").map(|_| ()),
            Err(ValidationError::new("name", ErrorCode::Required))
        );
        assert_eq!(
            WorkspaceName::parse(&"x".repeat(121)).map(|_| ()),
            Err(ValidationError::new("name", ErrorCode::TooLong))
        );
        assert_eq!(
            WorkspaceName::parse(" Polku-hanke ").map(|n| n.as_str().to_owned()),
            Ok("Polku-hanke".into())
        );
    }
}
