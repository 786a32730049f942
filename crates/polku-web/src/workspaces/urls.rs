//! URLs of this area's pages, built in one place for handlers and templates.

use polku_domain::{UserId, WorkspaceId};

use super::pages::Notice;

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
