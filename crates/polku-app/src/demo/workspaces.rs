//! The demo workspace: a fictional regional project on employment service
//! paths, with its members and two development groups in three languages.

use polku_domain::{LocalizedText, Role, Workspace, WorkspaceName};
use polku_store::{Store, StoreError, User};

use super::DemoError;
use crate::accounts::AccountError;

/// Creates the workspace, owned by the first account, with the others as
/// members and its development groups.
pub(super) async fn create(store: &Store, people: &[(User, Role)]) -> Result<Workspace, DemoError> {
    let owner = people
        .first()
        .map(|(user, _)| user.id)
        .ok_or(StoreError::NotFound)?;
    let name = WorkspaceName::parse("Työllisyyden palvelupolut Järvilaaksossa")
        .map_err(AccountError::from)?;
    let workspace = store.create_workspace(&name, owner).await?;
    for (user, role) in people.iter().skip(1) {
        store.add_member(workspace.id, user.id, *role).await?;
    }
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
        store.create_group(workspace.id, group).await?;
    }
    Ok(workspace)
}
