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

/// Where the add-member form posts.
pub fn members(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/members")
}

/// Where a member's remove button posts.
pub fn remove_member(workspace: WorkspaceId, user: UserId) -> String {
    format!("/workspaces/{workspace}/members/{user}/remove")
}

/// What a redirect back to the workspace page reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A member was added.
    MemberAdded,
    /// A member was removed.
    MemberRemoved,
}

impl Notice {
    const ALL: [Notice; 2] = [Notice::MemberAdded, Notice::MemberRemoved];

    /// Its text in the URL.
    pub const fn as_str(self) -> &'static str {
        match self {
            Notice::MemberAdded => "member_added",
            Notice::MemberRemoved => "member_removed",
        }
    }

    /// The translation key of its message.
    pub const fn label_key(self) -> &'static str {
        match self {
            Notice::MemberAdded => "notice-member_added",
            Notice::MemberRemoved => "notice-member_removed",
        }
    }

    /// The notice named in a URL, if it is one.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.as_str() == raw)
    }
}
