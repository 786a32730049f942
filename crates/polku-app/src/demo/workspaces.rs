//! The demo workspace: a fictional regional project on employment service
//! paths, with its members (who joined by invitation, so the audit trail has
//! entries) and one invitation still pending. Its groups are in `groups.rs`.

use polku_domain::{Email, Role, Workspace, WorkspaceName};
use polku_store::{Store, StoreError, User};

use super::DemoError;
use crate::accounts::AccountError;
use crate::invitations::{accept, invite};
use crate::members::Acting;

/// Whom the demo has invited without an answer yet.
const PENDING_INVITATION: &str = "kokemusasiantuntija@polku.example";

/// Creates the workspace, owned by the first account, with the others
/// invited and joined, and one invitation pending.
pub(super) async fn create(store: &Store, people: &[(User, Role)]) -> Result<Workspace, DemoError> {
    let (owner, _) = people.first().ok_or(StoreError::NotFound)?;
    let name = WorkspaceName::parse("Työllisyyden palvelupolut Järvilaaksossa")
        .map_err(AccountError::from)?;
    let workspace = store.create_workspace(&name, owner.id).await?;
    let by = Acting {
        user: owner,
        role: Role::Owner,
    };
    for (user, role) in people.iter().skip(1) {
        let invitation = invite(store, workspace.id, by, &user.email, *role).await?;
        accept(store, &invitation.token, user).await?;
    }
    let pending = Email::parse(PENDING_INVITATION).map_err(AccountError::from)?;
    invite(store, workspace.id, by, &pending, Role::Facilitator).await?;
    Ok(workspace)
}
