//! Who may act in a live session: extractors for routes with a
//! `{session_id}`, enforcing [`Access::Participant`] and
//! [`Access::SessionMember`] before any body is read.
//!
//! A participant is known by their token, sent as `Authorization: Bearer`
//! (the API) or in the [`PARTICIPANT_COOKIE`] (pages); it opens only the
//! session it was made for.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use polku_app::live::participant_by_token;
use polku_domain::live::{LiveSession, Participant};
use polku_domain::{LiveSessionId, Role};
use polku_store::User;

use super::access::Access;
use super::caller::{Caller, SignedIn, bearer_token};
use super::error::AppError;
use super::language::cookie_value;
use super::state::AppState;

/// The cookie holding a participant's token on this browser. `__Host-`
/// keeps other sites and subdomains from planting one.
pub const PARTICIPANT_COOKIE: &str = "__Host-polku_live";

/// Who is acting in a session.
#[derive(Debug, Clone)]
pub enum SessionRole {
    /// A participant who joined with the code.
    Participant(Participant),
    /// A member of the session's workspace (admins act as owners).
    Member {
        /// The account.
        user: User,
        /// Its role in the workspace.
        role: Role,
    },
}

impl SessionRole {
    /// Whether the caller may run the session (facilitator or owner).
    pub fn facilitates(&self) -> bool {
        matches!(self, SessionRole::Member { role, .. } if *role >= Role::Facilitator)
    }
}

/// Extractor: the live session in the path and who acts in it.
#[derive(Debug, Clone)]
pub struct SessionCaller {
    /// The session.
    pub session: LiveSession,
    /// Who acts.
    pub who: SessionRole,
}

/// The session named by `{session_id}`; 404 when there is none.
async fn session_in_path(parts: &mut Parts, state: &AppState) -> Result<LiveSession, AppError> {
    let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
        .await
        .map_err(|_| AppError::not_found())?;
    let id: LiveSessionId = params
        .get("session_id")
        .and_then(|raw| raw.parse().ok())
        .ok_or_else(AppError::not_found)?;
    Ok(state.store.live_session_by_id(id).await?)
}

/// The signed-in caller's role in the session's workspace: 401 when nobody
/// is signed in, 403 when not a member (admins act as owners).
async fn member_role(
    parts: &mut Parts,
    state: &AppState,
    session: &LiveSession,
) -> Result<(User, Role), AppError> {
    let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
    match state
        .store
        .member_role(session.workspace_id, user.id)
        .await?
    {
        Some(role) => Ok((user, role)),
        None if user.is_admin => Ok((user, Role::Owner)),
        None => Err(AppError::forbidden()),
    }
}

impl FromRequestParts<AppState> for SessionCaller {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(&parts.headers)
            .map(str::to_owned)
            .or_else(|| cookie_value(&parts.headers, PARTICIPANT_COOKIE));
        let session = session_in_path(parts, state).await?;
        let participant = match token {
            Some(token) => participant_by_token(&state.store, &token).await?,
            None => None,
        };
        match participant {
            Some(p) if p.session_id == session.id => {
                return Ok(Self {
                    session,
                    who: SessionRole::Participant(p),
                });
            }
            // Another session's participant, not signed in: not theirs.
            Some(_) if !matches!(parts.extensions.get::<Caller>(), Some(Caller::User(_))) => {
                return Err(AppError::forbidden());
            }
            _ => {}
        }
        let (user, role) = member_role(parts, state, &session).await?;
        Ok(Self {
            session,
            who: SessionRole::Member { user, role },
        })
    }
}

/// Extractor for [`Access::SessionMember`] routes: the session in the path
/// and the signed-in member running it, with at least the route's role.
#[derive(Debug, Clone)]
pub struct SessionAccess {
    /// The session.
    pub session: LiveSession,
}

impl FromRequestParts<AppState> for SessionAccess {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Who first: an anonymous caller learns nothing of the session.
        SignedIn::from_request_parts(parts, state).await?;
        let session = session_in_path(parts, state).await?;
        let (_, role) = member_role(parts, state, &session).await?;
        let minimum = match parts.extensions.get::<Access>() {
            Some(Access::SessionMember(minimum)) => *minimum,
            _ => Role::Facilitator,
        };
        if role < minimum {
            return Err(AppError::forbidden());
        }
        Ok(Self { session })
    }
}
