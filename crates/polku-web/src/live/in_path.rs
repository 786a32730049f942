//! What a live route finds in its path: the workspace's session
//! (`{session_id}`, another workspace's is 404) and a note (`{note_id}`).

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use polku_domain::live::LiveSession;
use polku_domain::{LiveSessionId, NoteId};

use crate::base::access::WorkspaceAccess;
use crate::base::error::AppError;
use crate::base::state::AppState;

/// Extractor: the workspace (as [`WorkspaceAccess`]) and its session
/// `{session_id}`; another workspace's session is 404.
pub(super) struct SessionOfWorkspace {
    pub(super) access: WorkspaceAccess,
    pub(super) session: LiveSession,
}

impl FromRequestParts<AppState> for SessionOfWorkspace {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let id: LiveSessionId = params
            .get("session_id")
            .and_then(|raw| raw.parse().ok())
            .ok_or_else(AppError::not_found)?;
        let session = state.store.live_session(access.workspace.id, id).await?;
        Ok(Self { access, session })
    }
}

impl SessionOfWorkspace {
    /// The session.
    pub(super) fn session(&self) -> &LiveSession {
        &self.session
    }
}

/// The note named by `{note_id}`; 404 when it is not an id.
pub(super) fn note_in_path(params: &HashMap<String, String>) -> Result<NoteId, AppError> {
    params
        .get("note_id")
        .and_then(|raw| raw.parse().ok())
        .ok_or_else(AppError::not_found)
}
