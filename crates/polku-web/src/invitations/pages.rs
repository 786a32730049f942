//! The invitation pages: inviting and withdrawing (a workspace's owners and
//! facilitators), and the page the invited person opens to accept, to log in
//! first, or to create an account.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::Tr;
use polku_app::invitations::{
    SignUp, accept, invite, open, sign_up_and_accept, withdraw, withdrawable,
};
use polku_domain::{Email, Invitation, InvitationId, Role};
use polku_store::{Store, User};
use serde::Deserialize;
use time::OffsetDateTime;

use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::caller::{MaybeSignedIn, SignedIn};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors, RoleOption, role_options};
use crate::base::link_origin::LinkOrigin;
use crate::base::render::{encode_component, render_page};
use crate::base::session::start_session;
use crate::base::state::AppState;
use crate::workspaces::urls::{self as workspace_urls, Notice};

/// The invite form as shown: what was typed, and an error beside its field.
/// The workspace page shows it too (`invitations/invite_form.html`).
pub(crate) struct InviteForm {
    pub(crate) action: String,
    pub(crate) email: String,
    pub(crate) role_options: Vec<RoleOption>,
    pub(crate) errors: FieldErrors,
}

impl InviteForm {
    /// The form for `access`'s caller, offering the roles it may give.
    pub(crate) fn new(
        t: Tr,
        access: &WorkspaceAccess,
        email: String,
        role: Role,
        errors: FieldErrors,
    ) -> Self {
        Self {
            action: urls::manage(access.workspace.id),
            email,
            role_options: role_options(t, |r| access.role.can_assign(r), role),
            errors,
        }
    }

    /// An empty form.
    pub(crate) fn empty(t: Tr, access: &WorkspaceAccess) -> Self {
        Self::new(t, access, String::new(), Role::Viewer, FieldErrors::none())
    }
}

/// A pending invitation as listed (`invitations/pending.html`).
pub(crate) struct PendingItem {
    pub(crate) email: String,
    pub(crate) role_label: String,
    pub(crate) inviter: String,
    pub(crate) expires: String,
    /// The withdraw page, when the caller may withdraw it.
    pub(crate) withdraw_url: Option<String>,
}

/// The workspace's pending invitations as the caller sees them.
pub(crate) async fn pending_items(
    store: &Store,
    t: Tr,
    access: &WorkspaceAccess,
) -> Result<Vec<PendingItem>, AppError> {
    let pending = store
        .list_pending_invitations(access.workspace.id, OffsetDateTime::now_utc())
        .await?;
    Ok(pending
        .into_iter()
        .map(|i| PendingItem {
            withdraw_url: access
                .role
                .can_assign(i.role)
                .then(|| urls::withdraw(access.workspace.id, i.id)),
            email: i.email.as_str().to_owned(),
            role_label: t.role(i.role),
            inviter: inviter_name(&i),
            expires: t.date_time(i.expires_at),
        })
        .collect())
}

fn inviter_name(invitation: &Invitation) -> String {
    invitation
        .inviter_name
        .as_ref()
        .map(|n| n.as_str().to_owned())
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "invitations/manage.html")]
struct ManagePage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    invite: InviteForm,
    pending: Vec<PendingItem>,
    error_summary: ErrorSummary,
}

async fn render_manage(
    state: &AppState,
    chrome: Chrome,
    access: &WorkspaceAccess,
    invite: InviteForm,
    status: StatusCode,
) -> Result<Response, AppError> {
    let pending = pending_items(&state.store, chrome.t, access).await?;
    let page = ManagePage {
        error_summary: invite.errors.summary("invite"),
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(access.workspace.id),
        invite,
        pending,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// `GET /workspaces/{workspace_id}/invitations`: the invite form and the
/// pending invitations.
pub(super) async fn manage(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
) -> Result<Response, AppError> {
    let invite = InviteForm::empty(chrome.t, &access);
    render_manage(&state, chrome, &access, invite, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct InviteFields {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

#[derive(Template)]
#[template(path = "invitations/created.html")]
struct CreatedPage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    manage_url: String,
    send_text: String,
    what_text: String,
    link: String,
}

/// `POST /workspaces/{workspace_id}/invitations`: invites, then shows the
/// link to pass on (it is shown only now: Polku keeps only its hash).
pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    origin: LinkOrigin,
    PageForm(form): PageForm<InviteFields>,
) -> Result<Response, AppError> {
    let role = form.role.parse::<Role>();
    let outcome = match (Email::parse(&form.email), &role) {
        (Ok(email), Ok(role)) => invite(
            &state.store,
            access.workspace.id,
            access.acting(),
            &email,
            *role,
        )
        .await
        .map_err(AppError::from),
        (Err(e), _) => Err(e.into()),
        (_, Err(e)) => Err(e.clone().into()),
    };
    let t = chrome.t;
    match outcome {
        Ok(created) => {
            let invitation = &created.invitation;
            let workspace_name = access.workspace.name.as_str().to_owned();
            let page = CreatedPage {
                home_url: workspace_urls::home(access.workspace.id),
                manage_url: urls::manage(access.workspace.id),
                send_text: t.with(
                    "invitation-created-send",
                    &[("email", invitation.email.as_str())],
                ),
                what_text: t.with(
                    "invitation-created-what",
                    &[
                        ("workspace", &workspace_name),
                        ("role", &t.role(invitation.role)),
                        ("expires", &t.date_time(invitation.expires_at)),
                    ],
                ),
                link: origin.url(&urls::invitation(&created.token)),
                workspace_name,
                chrome,
            };
            Ok(render_page(StatusCode::OK, &page))
        }
        Err(e) if e.status().is_client_error() && e.status() != StatusCode::FORBIDDEN => {
            let errors = FieldErrors::from_error(&e, t, "email");
            let role = role.unwrap_or(Role::Viewer);
            let invite = InviteForm::new(t, &access, form.email, role, errors);
            render_manage(&state, chrome, &access, invite, e.status()).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "invitations/withdraw.html")]
struct WithdrawPage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    action: String,
    what_text: String,
    made_text: String,
}

fn invitation_id(raw: &str) -> Result<InvitationId, AppError> {
    raw.parse().map_err(|_| AppError::not_found())
}

/// `GET .../invitations/{invitation_id}/withdraw`: asks before withdrawing.
pub(super) async fn confirm_withdraw(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = invitation_id(&id)?;
    let invitation = withdrawable(&state.store, access.workspace.id, access.acting(), id).await?;
    let t = chrome.t;
    let page = WithdrawPage {
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(access.workspace.id),
        action: urls::withdraw(access.workspace.id, id),
        what_text: t.with(
            "invitation-withdraw-what",
            &[
                ("email", invitation.email.as_str()),
                ("role", &t.role(invitation.role)),
            ],
        ),
        made_text: t.with(
            "invitation-withdraw-made",
            &[
                ("inviter", &inviter_name(&invitation)),
                ("created", &t.date_time(invitation.created_at)),
            ],
        ),
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}

/// `POST .../invitations/{invitation_id}/withdraw`: withdraws it.
pub(super) async fn withdraw_invitation(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = invitation_id(&id)?;
    withdraw(&state.store, access.workspace.id, access.acting(), id).await?;
    Ok(Redirect::to(&workspace_urls::home_with_notice(
        access.workspace.id,
        Notice::InvitationWithdrawn,
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "invitations/show.html")]
struct InvitationPage {
    chrome: Chrome,
    title: String,
    intro: String,
    valid_text: String,
    email: String,
    /// Whether the invited account is signed in (it may accept).
    signed_in: bool,
    /// Why another signed-in account may not accept, if one is signed in.
    other_account: Option<String>,
    login_intro: String,
    accept_url: String,
    sign_up_url: String,
    login_url: String,
    /// The name typed into the sign-up form.
    name: String,
    errors: FieldErrors,
    /// The errors above the forms: a refusal not about a field (another
    /// account, already a member) or the sign-up form's field errors.
    error_summary: ErrorSummary,
}

/// What the invitation page's forms show after an error.
#[derive(Default)]
struct Typed {
    name: String,
    errors: FieldErrors,
    error: Option<String>,
}

async fn render_invitation(
    state: &AppState,
    chrome: Chrome,
    user: Option<&User>,
    token: &str,
    invitation: &Invitation,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let workspace = state.store.workspace(invitation.workspace_id).await?;
    let workspace_name = workspace.name.as_str();
    let email = invitation.email.as_str();
    let page = InvitationPage {
        title: t.with("invitation-title", &[("workspace", workspace_name)]),
        intro: t.with(
            "invitation-intro",
            &[
                ("inviter", &inviter_name(invitation)),
                ("email", email),
                ("workspace", workspace_name),
                ("role", &t.role(invitation.role)),
            ],
        ),
        valid_text: t.with(
            "invitation-valid",
            &[("expires", &t.date_time(invitation.expires_at))],
        ),
        signed_in: user.is_some_and(|u| u.email == invitation.email),
        other_account: user.filter(|u| u.email != invitation.email).map(|u| {
            t.with(
                "invitation-other-account",
                &[("signed_in", u.email.as_str()), ("email", email)],
            )
        }),
        login_intro: t.with("invitation-login-intro", &[("email", email)]),
        email: email.to_owned(),
        accept_url: urls::accept(token),
        sign_up_url: urls::sign_up(token),
        login_url: format!("/login?next={}", encode_component(&urls::invitation(token))),
        name: typed.name,
        error_summary: match &typed.error {
            Some(message) => ErrorSummary::one(None, message.clone()),
            None => typed.errors.summary("signup"),
        },
        errors: typed.errors,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// Whether an error ends the visit to the invitation page: the invitation is
/// unknown or no longer usable, or something failed on our side.
fn ends_visit(error: &AppError) -> bool {
    !error.status().is_client_error()
        || [StatusCode::NOT_FOUND, StatusCode::GONE].contains(&error.status())
}

/// `GET /invitations/{invitation_token}`: what the invitation is for, and how to accept.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeSignedIn(user): MaybeSignedIn,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let invitation = open(&state.store, &token).await?;
    let typed = Typed::default();
    render_invitation(
        &state,
        chrome,
        user.as_ref(),
        &token,
        &invitation,
        typed,
        StatusCode::OK,
    )
    .await
}

/// `POST /invitations/{invitation_token}/accept`: the signed-in invited account joins.
pub(super) async fn accept_invitation(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match accept(&state.store, &token, &user).await {
        Ok(joined) => Ok(Redirect::to(&workspace_urls::home_with_notice(
            joined.workspace,
            Notice::Joined,
        ))
        .into_response()),
        Err(e) => {
            let e = AppError::from(e);
            if ends_visit(&e) {
                return Err(e);
            }
            let invitation = open(&state.store, &token).await?;
            let typed = Typed {
                error: Some(e.message(chrome.t)),
                ..Typed::default()
            };
            render_invitation(
                &state,
                chrome,
                Some(&user),
                &token,
                &invitation,
                typed,
                e.status(),
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct SignUpFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /invitations/{invitation_token}/signup`: a new person creates an account for
/// the invited address, joins, and is signed in.
pub(super) async fn sign_up(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeSignedIn(signed_in): MaybeSignedIn,
    headers: HeaderMap,
    Path(token): Path<String>,
    PageForm(form): PageForm<SignUpFields>,
) -> Result<Response, AppError> {
    let sign_up = SignUp {
        name: &form.name,
        password: &form.password,
        password_again: &form.password_again,
    };
    match sign_up_and_accept(&state.store, &token, sign_up).await {
        Ok((user, joined)) => {
            let cookie = start_session(&state.store, &headers, &user).await?;
            let target = workspace_urls::home_with_notice(joined.workspace, Notice::Joined);
            let mut response = StatusCode::SEE_OTHER.into_response();
            response.headers_mut().insert(SET_COOKIE, cookie);
            response.headers_mut().insert(
                LOCATION,
                HeaderValue::from_str(&target).map_err(AppError::internal)?,
            );
            Ok(response)
        }
        Err(e) => {
            let e = AppError::from(e);
            if ends_visit(&e) {
                return Err(e);
            }
            let invitation = open(&state.store, &token).await?;
            let typed = Typed {
                errors: FieldErrors::from_error(&e, chrome.t, "name"),
                name: form.name,
                error: None,
            };
            render_invitation(
                &state,
                chrome,
                signed_in.as_ref(),
                &token,
                &invitation,
                typed,
                e.status(),
            )
            .await
        }
    }
}
