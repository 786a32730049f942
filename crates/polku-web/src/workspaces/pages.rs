//! The workspace list and a workspace's home page with its members (role
//! forms, remove buttons), the invite form and the pending invitations.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::{Arg, Tr};
use polku_domain::{ErrorCode, Role, UserId, WorkspaceName, WorkspaceSettings};
use serde::Deserialize;

use polku_app::members::{change_role, remove_member as remove_member_rule};
use polku_store::User;

use super::member_path::MemberInPath;
use super::urls::{self, Notice};
use crate::audit::urls as audit_urls;
use crate::base::access::WorkspaceAccess;
use crate::base::caller::SignedIn;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, RoleOption, role_options};
use crate::base::render::render_page;
use crate::base::state::AppState;
use crate::groups::urls as group_urls;
use crate::invitations::pages::{InviteForm, PendingItem, pending_items};

struct WorkspaceItem {
    url: String,
    name: String,
    role_label: Option<String>,
}

#[derive(Template)]
#[template(path = "workspaces/list.html")]
struct WorkspacesPage {
    chrome: Chrome,
    workspaces: Vec<WorkspaceItem>,
    name: String,
    error: Option<String>,
    error_summary: ErrorSummary,
}

#[derive(Deserialize)]
pub(super) struct CreateForm {
    #[serde(default)]
    name: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
) -> Result<Response, AppError> {
    render_list(&state, chrome, &user, String::new(), None, StatusCode::OK).await
}

async fn render_list(
    state: &AppState,
    chrome: Chrome,
    user: &User,
    name: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let workspaces = state
        .store
        .list_workspaces_for(user)
        .await?
        .into_iter()
        .map(|(w, role)| WorkspaceItem {
            url: urls::home(w.id),
            name: w.name.as_str().to_owned(),
            role_label: role.map(|r| t.role(r)),
        })
        .collect();
    let page = WorkspacesPage {
        chrome,
        workspaces,
        name,
        error_summary: ErrorSummary::of_fields([("new-workspace-name", error.as_ref())]),
        error,
    };
    Ok(render_page(status, &page))
}

pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    PageForm(form): PageForm<CreateForm>,
) -> Result<Response, AppError> {
    match WorkspaceName::parse(&form.name) {
        Ok(name) => {
            // A second workspace of the same name is allowed (a new term of
            // the same course, say), but the creator is told, in case it was
            // a slip.
            let wanted = name.as_str().to_lowercase();
            let same_name = state
                .store
                .list_workspaces_for(&user)
                .await?
                .iter()
                .any(|(w, _)| w.name.as_str().to_lowercase() == wanted);
            let workspace = state.store.create_workspace(&name, user.id).await?;
            let notice = if same_name {
                Notice::CreatedSameName
            } else {
                Notice::Created
            };
            Ok(Redirect::to(&urls::home_with_notice(workspace.id, notice)).into_response())
        }
        Err(e) => {
            let message = AppError::from(e).message(chrome.t);
            render_list(
                &state,
                chrome,
                &user,
                form.name,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

struct MemberItem {
    remove_url: String,
    role_url: String,
    name: String,
    email: String,
    role_label: String,
    /// Whether the reader may remove the member and change the role.
    manageable: bool,
    /// Whether a remove button is offered (never for the last owner).
    removable: bool,
    /// What the actions cell says when there is no remove button, so the
    /// cell (a labelled row of its own on a phone) is never empty.
    no_actions: String,
    role_field_id: String,
    role_field_label: String,
    role_options: Vec<RoleOption>,
    /// An error of this member's role form, beside its select.
    role_error: Option<String>,
}

struct GroupItem {
    name: String,
    url: String,
    area: String,
}

#[derive(Template)]
#[template(path = "workspaces/home.html")]
struct WorkspacePage {
    chrome: Chrome,
    name: String,
    your_role: String,
    groups: Vec<GroupItem>,
    members: Vec<MemberItem>,
    can_manage: bool,
    /// Whether the reader may create groups.
    can_create_groups: bool,
    new_group_url: String,
    /// Viewers do not see members' e-mail addresses.
    show_emails: bool,
    invite: InviteForm,
    pending: Vec<PendingItem>,
    audit_url: Option<String>,
    /// The privacy settings in a sentence, for every member.
    privacy_text: String,
    /// The settings page, for owners.
    settings_url: Option<String>,
    notice: Option<String>,
    warning: Option<String>,
    error_summary: ErrorSummary,
    live_url: String,
    live_text: String,
}

#[derive(Deserialize)]
pub(super) struct HomeQuery {
    notice: Option<String>,
}

pub(super) async fn home(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    Query(query): Query<HomeQuery>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let notice = query.notice.as_deref().and_then(Notice::parse);
    let (warning, notice) = match notice {
        Some(n) if n.is_warning() => (Some(t.get(n.label_key())), None),
        other => (None, other.map(|n| t.get(n.label_key()))),
    };
    let view = HomeView {
        notice,
        warning,
        ..HomeView::default()
    };
    render_home(&state, chrome, &access, view, StatusCode::OK).await
}

/// A refused role change: whose, the role chosen, and why.
struct RoleRefusal {
    user: UserId,
    role: Role,
    message: String,
}

#[derive(Default)]
struct HomeView {
    notice: Option<String>,
    warning: Option<String>,
    error: Option<String>,
    role_refusal: Option<RoleRefusal>,
}

async fn render_home(
    state: &AppState,
    chrome: Chrome,
    access: &WorkspaceAccess,
    view: HomeView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let lang = chrome.lang;
    let workspace = access.workspace.id;
    let groups = state
        .store
        .list_groups(workspace)
        .await?
        .into_iter()
        .map(|g| GroupItem {
            name: g.details.name.get(lang).to_owned(),
            url: group_urls::group(workspace, g.id),
            area: g.details.area,
        })
        .collect();
    let refusal = view.role_refusal.as_ref();
    let error_summary = match (&view.error, refusal) {
        (Some(message), _) => ErrorSummary::one(None, message.clone()),
        (None, Some(r)) => ErrorSummary::one(Some(format!("role-{}", r.user)), r.message.clone()),
        (None, None) => ErrorSummary::default(),
    };
    let members = state.store.list_members(workspace).await?;
    let owners = members.iter().filter(|m| m.role == Role::Owner).count();
    let members = members
        .into_iter()
        .map(|m| {
            let refused = refusal.filter(|r| r.user == m.user_id);
            let last_owner = m.role == Role::Owner && owners == 1;
            let chosen = refused.map_or(m.role, |r| r.role);
            MemberItem {
                remove_url: urls::remove_member(workspace, m.user_id),
                role_url: urls::change_role(workspace, m.user_id),
                role_field_id: format!("role-{}", m.user_id),
                role_field_label: t.with("member-role-of", &[("name", m.name.as_str())]),
                role_options: role_options(t, |r| access.role.can_assign(r), chosen),
                role_error: refused.map(|r| r.message.clone()),
                manageable: access.role.can_assign(m.role),
                // The last owner cannot be removed: no button to be refused.
                removable: access.role.can_assign(m.role) && !last_owner,
                no_actions: t.get(if last_owner {
                    "member-last-owner"
                } else {
                    "member-no-actions"
                }),
                name: m.name.as_str().to_owned(),
                email: m.email.as_str().to_owned(),
                role_label: t.role(m.role),
            }
        })
        .collect();
    let can_manage = access.role.can_manage_members();
    let open_sessions = state
        .store
        .list_live_sessions(workspace)
        .await?
        .iter()
        .filter(|s| s.open)
        .count() as u64;
    let pending = if can_manage {
        pending_items(&state.store, t, access).await?
    } else {
        Vec::new()
    };
    let page = WorkspacePage {
        name: access.workspace.name.as_str().to_owned(),
        your_role: t.role(access.role),
        groups,
        members,
        can_manage,
        can_create_groups: access.role >= Role::Facilitator,
        new_group_url: group_urls::new_group(workspace),
        show_emails: can_manage,
        invite: InviteForm::empty(t, access),
        pending,
        audit_url: (access.role == Role::Owner).then(|| audit_urls::trail(workspace)),
        privacy_text: privacy_text(t, access.workspace.settings),
        settings_url: (access.role == Role::Owner).then(|| urls::settings(workspace)),
        notice: view.notice,
        warning: view.warning,
        error_summary,
        live_url: crate::live::urls::sessions(workspace),
        live_text: match open_sessions {
            0 => t.get("workspace-live-none"),
            n => t.with_args(
                "workspace-live-open",
                &[("count", polku_app::Arg::Count(n))],
            ),
        },
        chrome,
    };
    Ok(render_page(status, &page))
}

/// "Groups under 5 show as < 5; ... erased 12 months after ..."
fn privacy_text(t: Tr, settings: WorkspaceSettings) -> String {
    t.with_args(
        "settings-summary",
        &[
            (
                "threshold",
                Arg::Count(settings.small_group_threshold.get().into()),
            ),
            ("months", Arg::Count(settings.retention_months.get().into())),
        ],
    )
}

#[derive(Deserialize)]
pub(super) struct RoleForm {
    #[serde(default)]
    role: String,
}

/// `POST /workspaces/{workspace_id}/members/{user_id}/role`.
pub(super) async fn change_member_role(
    State(state): State<AppState>,
    chrome: Chrome,
    MemberInPath { access, member }: MemberInPath,
    PageForm(form): PageForm<RoleForm>,
) -> Result<Response, AppError> {
    let role = form.role.parse::<Role>();
    let changed = match &role {
        Ok(role) => change_role(
            &state.store,
            access.workspace.id,
            access.acting(),
            member.user_id,
            *role,
        )
        .await
        .map(|_| ())
        .map_err(AppError::from),
        Err(e) => Err(e.clone().into()),
    };
    match changed {
        Ok(()) => Ok(Redirect::to(&urls::home_with_notice(
            access.workspace.id,
            Notice::RoleChanged,
        ))
        .into_response()),
        Err(e) if e.status().is_client_error() && e.status() != StatusCode::FORBIDDEN => {
            let view = HomeView {
                role_refusal: Some(RoleRefusal {
                    user: member.user_id,
                    role: role.unwrap_or(member.role),
                    message: e.message(chrome.t),
                }),
                ..HomeView::default()
            };
            render_home(&state, chrome, &access, view, e.status()).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "workspaces/remove_member.html")]
struct RemoveMemberPage {
    chrome: Chrome,
    title: String,
    workspace_name: String,
    home_url: String,
    action: String,
    what_text: String,
    /// Why the member cannot be removed (the last owner), instead of the
    /// button.
    error_summary: ErrorSummary,
}

/// `GET .../members/{user_id}/remove`: asks before removing, on a page of
/// its own so it works without JavaScript; for the last owner it says why
/// not and offers no button.
pub(super) async fn confirm_remove(
    State(state): State<AppState>,
    chrome: Chrome,
    MemberInPath { access, member }: MemberInPath,
) -> Result<Response, AppError> {
    if !access.role.can_assign(member.role) {
        return Err(AppError::forbidden());
    }
    let t = chrome.t;
    let workspace = access.workspace.id;
    let workspace_name = access.workspace.name.as_str().to_owned();
    let owners = state
        .store
        .list_members(workspace)
        .await?
        .iter()
        .filter(|m| m.role == Role::Owner)
        .count();
    let last_owner = member.role == Role::Owner && owners == 1;
    let (status, error_summary) = if last_owner {
        (
            StatusCode::CONFLICT,
            ErrorSummary::one(None, t.error(ErrorCode::LastOwner)),
        )
    } else {
        (StatusCode::OK, ErrorSummary::default())
    };
    let name = member.name.as_str();
    let page = RemoveMemberPage {
        title: t.with("member-remove-title", &[("name", name)]),
        what_text: t.with(
            "member-remove-what",
            &[
                ("name", name),
                ("role", &t.role(member.role)),
                ("workspace", &workspace_name),
            ],
        ),
        home_url: urls::home(workspace),
        action: urls::remove_member(workspace, member.user_id),
        workspace_name,
        error_summary,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// `POST .../members/{user_id}/remove`: removes the member.
pub(super) async fn remove_member(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    chrome: Chrome,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user_id: UserId = user_id.parse().map_err(|_| AppError::not_found())?;
    let removed = remove_member_rule(&state.store, access.workspace.id, access.acting(), user_id)
        .await
        .map_err(AppError::from);
    match removed {
        Ok(()) => Ok(Redirect::to(&urls::home_with_notice(
            access.workspace.id,
            Notice::MemberRemoved,
        ))
        .into_response()),
        Err(e) if e.status() == StatusCode::CONFLICT => {
            let view = HomeView {
                error: Some(e.message(chrome.t)),
                ..HomeView::default()
            };
            render_home(&state, chrome, &access, view, e.status()).await
        }
        Err(e) => Err(e),
    }
}
