//! The demo workspace: a fictional regional project on employment service
//! paths, with its members (who joined by invitation, so the audit trail has
//! entries), one invitation still pending, and two development groups in
//! three languages.

use polku_domain::{Email, GroupDetails, LocalizedText, Role, Workspace, WorkspaceName};
use polku_store::{Store, StoreError, User};

use super::DemoError;
use crate::accounts::AccountError;
use crate::invitations::{accept, invite};
use crate::members::Acting;

/// Whom the demo has invited without an answer yet.
const PENDING_INVITATION: &str = "kokemusasiantuntija@polku.example";

/// Creates the workspace, owned by the first account, with the others
/// invited and joined, one invitation pending, and its development groups.
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
    let groups = [
        LocalizedText {
            fi: "Kehittäjäryhmä Rantakylä: nuorten polut työhön".into(),
            sv: Some("Utvecklingsgruppen Rantakylä: ungas vägar till arbete".into()),
            en: Some("Rantakylä development group: young people's paths to work".into()),
        },
        LocalizedText {
            fi: "Kehittäjäryhmä Kivikoski: osatyökykyisten palvelut".into(),
            sv: Some("Utvecklingsgruppen Kivikoski: tjänster för partiellt arbetsföra".into()),
            en: Some("Kivikoski development group: services for the partially able to work".into()),
        },
    ];
    for group in &groups {
        store
            .create_group(workspace.id, &GroupDetails::named(group.clone()))
            .await?;
    }
    Ok(workspace)
}
