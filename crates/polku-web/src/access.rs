//! Per-workspace authorisation: the only way a handler gets at a workspace.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use polku_domain::{Role, Workspace, WorkspaceId};
use polku_store::User;

use crate::auth::SignedIn;
use crate::error::AppError;
use crate::state::AppState;

/// Extractor for routes with a `{workspace_id}`: the signed-in caller, the
/// workspace and the caller's role in it. Anonymous callers get 401, unknown
/// workspaces 404, and workspaces the caller is not a member of 403. Admins act
/// as owners everywhere.
#[derive(Debug, Clone)]
pub struct WorkspaceAccess {
    /// The caller.
    pub user: User,
    /// The workspace named in the path.
    pub workspace: Workspace,
    /// The caller's role in it.
    pub role: Role,
}

impl WorkspaceAccess {
    /// Refuses with 403 unless the caller may manage members.
    pub fn require_member_management(&self) -> Result<(), AppError> {
        if self.role.can_manage_members() {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }
}

impl FromRequestParts<AppState> for WorkspaceAccess {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let id: WorkspaceId = params
            .get("workspace_id")
            .and_then(|raw| raw.parse().ok())
            .ok_or_else(AppError::not_found)?;
        let workspace = state.store.workspace(id).await?;
        let role = match state.store.member_role(id, user.id).await? {
            Some(role) => role,
            None if user.is_admin => Role::Owner,
            None => return Err(AppError::forbidden()),
        };
        Ok(Self {
            user,
            workspace,
            role,
        })
    }
}
