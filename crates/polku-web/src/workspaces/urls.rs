//! URLs of this area's pages, built in one place for handlers and templates.

use polku_domain::{UserId, WorkspaceId};

/// The workspace list.
pub const LIST: &str = "/workspaces";

/// A workspace's home page.
pub fn home(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}")
}

/// A workspace's home page with a notice of what just happened.
pub fn home_with_notice(workspace: WorkspaceId, notice: Notice) -> String {
    format!("/workspaces/{workspace}?notice={}", notice.as_str())
}

/// A workspace's privacy settings page; its form posts there too.
pub fn settings(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/settings")
}

/// The `notice` of the settings page after a save.
pub const SETTINGS_SAVED: &str = "saved";

/// The settings page after a save, saying so.
pub fn settings_saved(workspace: WorkspaceId) -> String {
    format!("{}?notice={SETTINGS_SAVED}", settings(workspace))
}

/// A member's remove page: it asks (GET) and removes (POST).
pub fn remove_member(workspace: WorkspaceId, user: UserId) -> String {
    format!("/workspaces/{workspace}/members/{user}/remove")
}

/// Where a member's role form posts.
pub fn change_role(workspace: WorkspaceId, user: UserId) -> String {
    format!("/workspaces/{workspace}/members/{user}/role")
}

/// What a redirect back to the workspace page reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A member was removed.
    MemberRemoved,
    /// A member's role was changed.
    RoleChanged,
    /// An invitation was withdrawn.
    InvitationWithdrawn,
    /// The reader accepted an invitation and joined.
    Joined,
    /// The reader created the workspace.
    Created,
    /// The reader created the workspace, and already had one of the same
    /// name (case aside): accepted, with a warning.
    CreatedSameName,
}

impl Notice {
    const ALL: [Notice; 6] = [
        Notice::MemberRemoved,
        Notice::RoleChanged,
        Notice::InvitationWithdrawn,
        Notice::Joined,
        Notice::Created,
        Notice::CreatedSameName,
    ];

    /// Whether it is a warning (something to check) rather than a success.
    pub const fn is_warning(self) -> bool {
        matches!(self, Notice::CreatedSameName)
    }

    /// Its text in the URL.
    pub const fn as_str(self) -> &'static str {
        match self {
            Notice::MemberRemoved => "member_removed",
            Notice::RoleChanged => "role_changed",
            Notice::InvitationWithdrawn => "invitation_withdrawn",
            Notice::Joined => "joined",
            Notice::Created => "created",
            Notice::CreatedSameName => "created_same_name",
        }
    }

    /// The translation key of its message.
    pub const fn label_key(self) -> &'static str {
        match self {
            Notice::MemberRemoved => "notice-member_removed",
            Notice::RoleChanged => "notice-role_changed",
            Notice::InvitationWithdrawn => "notice-invitation_withdrawn",
            Notice::Joined => "notice-joined",
            Notice::Created => "notice-created",
            Notice::CreatedSameName => "notice-created_same_name",
        }
    }

    /// The notice named in a URL, if it is one.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.as_str() == raw)
    }
}
