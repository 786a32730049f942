//! `/api/v1/workspaces/{workspace_id}/invitations` (invite, list, withdraw)
//! and `/api/v1/invitations/accept`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use polku_app::invitations::{accept, invite, withdraw};
use polku_domain::{Email, Invitation, InvitationId, Role};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;
use uuid::Uuid;

use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::caller::SignedIn;
use crate::base::error::{
    AppError, ErrorResponse, JsonBodyErrors, SignedInErrors, WorkspaceErrors,
};
use crate::base::extract::ApiJson;
use crate::base::link_origin::LinkOrigin;
use crate::base::schema::{EmailText, RoleText};
use crate::base::state::AppState;

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// A pending invitation as the API shows it (never its token).
#[derive(Serialize, ToSchema)]
pub struct InvitationResponse {
    /// Its id.
    pub id: Uuid,
    /// The address invited.
    pub email: String,
    /// The role it gives: `owner`, `facilitator` or `viewer`.
    pub role: String,
    /// Who invited, unless that account is gone.
    pub invited_by: Option<Uuid>,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
}

impl From<&Invitation> for InvitationResponse {
    fn from(invitation: &Invitation) -> Self {
        Self {
            id: invitation.id.as_uuid(),
            email: invitation.email.as_str().to_owned(),
            role: invitation.role.as_str().to_owned(),
            invited_by: invitation.invited_by.map(|id| id.as_uuid()),
            created_at: rfc3339(invitation.created_at),
            expires_at: rfc3339(invitation.expires_at),
        }
    }
}

/// A new invitation with its secret token and the link to pass on; the same
/// keys whether or not the address has an account.
#[derive(Serialize, ToSchema)]
pub struct CreatedInvitationResponse {
    /// The invitation.
    #[serde(flatten)]
    pub invitation: InvitationResponse,
    /// The secret token; shown only now, Polku keeps only its hash.
    pub token: String,
    /// The page where the invited person accepts: pass it on to them.
    pub accept_url: String,
}

/// Body of `POST .../invitations`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    /// The address to invite; it need not have an account.
    pub email: EmailText,
    /// `owner`, `facilitator` or `viewer` (facilitators cannot invite owners).
    pub role: RoleText,
}

/// Body of `POST /api/v1/invitations/accept`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// The invitation's token.
    pub token: String,
}

/// The membership gained by accepting.
#[derive(Serialize, ToSchema)]
pub struct MembershipResponse {
    /// The workspace joined.
    pub workspace_id: Uuid,
    /// Its name.
    pub workspace_name: String,
    /// The new member's account.
    pub user_id: Uuid,
    /// The role given: `owner`, `facilitator` or `viewer`.
    pub role: String,
}

/// Invites an e-mail address (owners and facilitators; only owners invite
/// owners). The answer is the same whether or not the address has an account.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/invitations",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; pass `accept_url` on", body = CreatedInvitationResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The address is already a member", body = ErrorResponse),
    )
)]
pub async fn create_invitation(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    origin: LinkOrigin,
    ApiJson(body): ApiJson<InviteRequest>,
) -> Result<(StatusCode, Json<CreatedInvitationResponse>), AppError> {
    let email = Email::parse(&body.email.0)?;
    let role: Role = body.role.0.parse()?;
    let created = invite(
        &state.store,
        access.workspace.id,
        access.acting(),
        &email,
        role,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitationResponse {
            invitation: InvitationResponse::from(&created.invitation),
            accept_url: origin.url(&urls::invitation(&created.token)),
            token: created.token,
        }),
    ))
}

/// The workspace's pending invitations, newest first (owners and
/// facilitators).
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/invitations",
    tag = "invitations",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "Pending invitations", body = [InvitationResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_invitations(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<InvitationResponse>>, AppError> {
    let pending = state
        .store
        .list_pending_invitations(access.workspace.id, OffsetDateTime::now_utc())
        .await?;
    Ok(Json(pending.iter().map(InvitationResponse::from).collect()))
}

/// Withdraws a pending invitation (owners and facilitators; only owners
/// withdraw invitations to the owner role).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}",
    tag = "invitations",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("invitation_id" = Uuid, Path, description = "The pending invitation"),
    ),
    responses(
        (status = 204, description = "Withdrawn"),
        WorkspaceErrors,
    )
)]
pub async fn withdraw_invitation(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    Path((_, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let id: InvitationId = id.parse().map_err(|_| AppError::not_found())?;
    withdraw(&state.store, access.workspace.id, access.acting(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepts an invitation with the signed-in account, which must have the
/// invited address. An invitation works once.
#[utoipa::path(
    post,
    path = "/api/v1/invitations/accept",
    tag = "invitations",
    request_body = AcceptRequest,
    responses(
        (status = 200, description = "Joined", body = MembershipResponse),
        SignedInErrors,
        JsonBodyErrors,
        (status = 403, description = "The invitation is for another address", body = ErrorResponse),
        (status = 404, description = "No such invitation", body = ErrorResponse),
        (status = 409, description = "Already a member", body = ErrorResponse),
        (status = 410, description = "Used, withdrawn or expired", body = ErrorResponse),
    )
)]
pub async fn accept_invitation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ApiJson(body): ApiJson<AcceptRequest>,
) -> Result<Json<MembershipResponse>, AppError> {
    let joined = accept(&state.store, &body.token, &user).await?;
    let workspace = state.store.workspace(joined.workspace).await?;
    Ok(Json(MembershipResponse {
        workspace_id: workspace.id.as_uuid(),
        workspace_name: workspace.name.as_str().to_owned(),
        user_id: joined.member.user_id.as_uuid(),
        role: joined.member.role.as_str().to_owned(),
    }))
}
