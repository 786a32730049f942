//! Who may reach a route ([`Access`], declared with every route) and the
//! per-workspace authorisation extractor, the only way a handler gets at a
//! workspace.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use polku_app::members::Acting;
use polku_domain::{Role, Workspace, WorkspaceId};
use polku_store::User;

use super::caller::SignedIn;
use super::error::AppError;
use super::state::AppState;

/// Who may reach a route. Every route declares one; the route walker test
/// calls each route as callers on both sides of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Anonymous,
    /// Any signed-in account.
    SignedIn,
    /// A member of the workspace in the path (or an admin) with at least this
    /// role; others get 403, and members below the role 403 too.
    Member(Role),
    /// A participant of the live session `{session_id}` in the path (join
    /// code, no account), or a member of the session's workspace (any role;
    /// the handler may ask more of a member, as facilitator rights to write).
    Participant,
    /// A member of the workspace that owns the live session `{session_id}`
    /// in the path, with at least this role.
    SessionMember(Role),
}

/// Extractor for routes with a `{workspace_id}`: the workspace and the
/// signed-in caller's role in it. Anonymous callers get 401, unknown
/// workspaces 404, and workspaces the caller is not a member of 403, as do
/// members below the route's declared minimum role ([`Access::Member`]); this
/// runs before any body is read. Admins act as owners everywhere.
#[derive(Debug, Clone)]
pub struct WorkspaceAccess {
    /// The workspace named in the path.
    pub workspace: Workspace,
    /// The caller's role in it.
    pub role: Role,
    /// The signed-in caller.
    pub user: User,
}

impl WorkspaceAccess {
    /// The caller as the actor of a membership change.
    pub fn acting(&self) -> Acting<'_> {
        Acting {
            user: &self.user,
            role: self.role,
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
            None if user.is_admin => {
                tracing::info!(
                    target: "security",
                    event = "admin_access",
                    user = %user.id,
                    workspace = %id,
                    path = parts.uri.path(),
                );
                Role::Owner
            }
            None => return Err(AppError::forbidden()),
        };
        let minimum = match parts.extensions.get::<Access>() {
            Some(Access::Member(minimum)) => *minimum,
            _ => Role::Viewer,
        };
        if role < minimum {
            return Err(AppError::forbidden());
        }
        Ok(Self {
            workspace,
            role,
            user,
        })
    }
}
