//! URLs of the invitation pages, built in one place for handlers and templates.

use polku_domain::{InvitationId, WorkspaceId};

/// A workspace's invitations page; the invite form posts here.
pub fn manage(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/invitations")
}

/// The page that confirms withdrawing an invitation, and where it posts.
pub fn withdraw(workspace: WorkspaceId, invitation: InvitationId) -> String {
    format!("/workspaces/{workspace}/invitations/{invitation}/withdraw")
}

/// The invitation page the invited person opens: the link to pass on.
pub fn invitation(token: &str) -> String {
    format!("/invitations/{token}")
}

/// Where a signed-in invited person accepts.
pub fn accept(token: &str) -> String {
    format!("/invitations/{token}/accept")
}

/// Where a new person creates an account through the invitation.
pub fn sign_up(token: &str) -> String {
    format!("/invitations/{token}/signup")
}
