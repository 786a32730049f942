//! Workspaces' own settings: the privacy rules their owners set (decision
//! 0012). Only owners reach this; the web's route declarations see to that.

use polku_domain::{UserId, WorkspaceId, WorkspaceSettings};
use polku_store::{Store, StoreError, WorkspaceSettingsChange};

use crate::security_log::SecurityEvent;

/// Changes the privacy settings of `workspace` on behalf of the owner
/// `actor` and logs the change as a security event; gives the settings
/// after it.
pub async fn change_privacy_settings(
    store: &Store,
    workspace: WorkspaceId,
    actor: UserId,
    change: &WorkspaceSettingsChange,
) -> Result<WorkspaceSettings, StoreError> {
    let settings = store.update_workspace_settings(workspace, change).await?;
    SecurityEvent::PrivacySettingsChanged {
        workspace,
        actor,
        settings,
    }
    .record();
    Ok(settings)
}
