//! URLs of the audit trail.

use polku_domain::WorkspaceId;

/// A workspace's audit trail page.
pub fn trail(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/audit")
}
