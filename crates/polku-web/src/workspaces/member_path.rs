//! The member named by `{user_id}` in a workspace route, resolved before any
//! body is read, so another workspace's account is 404 whatever the body.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use polku_domain::{Member, UserId};

use crate::base::access::WorkspaceAccess;
use crate::base::error::AppError;
use crate::base::state::AppState;

/// Extractor: the caller's access to the workspace (as [`WorkspaceAccess`])
/// and the member `{user_id}` of it; 404 when the account is not a member.
pub(super) struct MemberInPath {
    /// The caller's access.
    pub(super) access: WorkspaceAccess,
    /// The member named in the path.
    pub(super) member: Member,
}

impl FromRequestParts<AppState> for MemberInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let user: UserId = params
            .get("user_id")
            .and_then(|raw| raw.parse().ok())
            .ok_or_else(AppError::not_found)?;
        let member = state.store.member(access.workspace.id, user).await?;
        Ok(Self { access, member })
    }
}
