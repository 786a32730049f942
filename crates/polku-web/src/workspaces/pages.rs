//! The workspace list and a workspace's home page with its members.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_domain::{Email, Role, UserId, WorkspaceName};
use serde::Deserialize;

use polku_app::members::{add_member_by_email, remove_member as remove_member_rule};
use polku_store::User;

use super::urls::{self, Notice};
use crate::base::access::WorkspaceAccess;
use crate::base::caller::SignedIn;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::render::render_page;
use crate::base::state::AppState;

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
            let workspace = state.store.create_workspace(&name, user.id).await?;
            Ok(Redirect::to(&urls::home(workspace.id)).into_response())
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
    name: String,
    email: String,
    role_label: String,
    removable: bool,
}

struct GroupItem {
    name: String,
}

struct RoleOption {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "workspaces/home.html")]
struct WorkspacePage {
    chrome: Chrome,
    add_member_url: String,
    name: String,
    your_role: String,
    groups: Vec<GroupItem>,
    members: Vec<MemberItem>,
    can_manage: bool,
    role_options: Vec<RoleOption>,
    member_email: String,
    notice: Option<String>,
    error: Option<String>,
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
    let notice = query
        .notice
        .as_deref()
        .and_then(Notice::parse)
        .map(|n| t.get(n.label_key()));
    let view = HomeView {
        email: String::new(),
        role: Role::Facilitator,
        notice,
        error: None,
    };
    render_home(&state, chrome, &access, view, StatusCode::OK).await
}

struct HomeView {
    email: String,
    role: Role,
    notice: Option<String>,
    error: Option<String>,
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
    let groups = state
        .store
        .list_groups(access.workspace.id)
        .await?
        .into_iter()
        .map(|g| GroupItem {
            name: g.name.get(lang).to_owned(),
        })
        .collect();
    let members = state
        .store
        .list_members(access.workspace.id)
        .await?
        .into_iter()
        .map(|m| MemberItem {
            remove_url: urls::remove_member(access.workspace.id, m.user_id),
            name: m.name.as_str().to_owned(),
            email: m.email.as_str().to_owned(),
            role_label: t.role(m.role),
            removable: access.role.can_assign(m.role),
        })
        .collect();
    let role_options = Role::ALL
        .iter()
        .filter(|r| access.role.can_assign(**r))
        .map(|r| RoleOption {
            value: r.as_str(),
            label: t.role(*r),
            selected: *r == view.role,
        })
        .collect();
    let page = WorkspacePage {
        add_member_url: urls::members(access.workspace.id),
        name: access.workspace.name.as_str().to_owned(),
        your_role: t.role(access.role),
        groups,
        members,
        can_manage: access.role.can_manage_members(),
        role_options,
        member_email: view.email,
        notice: view.notice,
        error: view.error,
        chrome,
    };
    Ok(render_page(status, &page))
}

#[derive(Deserialize)]
pub(super) struct AddMemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub(super) async fn add_member(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    PageForm(form): PageForm<AddMemberForm>,
) -> Result<Response, AppError> {
    let role = form.role.parse::<Role>();
    let outcome = match (Email::parse(&form.email), &role) {
        (Ok(email), Ok(role)) => add_member_by_email(
            &state.store,
            access.workspace.id,
            access.role,
            &email,
            *role,
        )
        .await
        .map(|_| ())
        .map_err(AppError::from),
        (Err(e), _) => Err(e.into()),
        (_, Err(e)) => Err(e.clone().into()),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&urls::home_with_notice(
            access.workspace.id,
            Notice::MemberAdded,
        ))
        .into_response()),
        Err(e) if e.status().is_client_error() && e.status() != StatusCode::FORBIDDEN => {
            let view = HomeView {
                email: form.email,
                role: role.unwrap_or(Role::Facilitator),
                notice: None,
                error: Some(e.message(chrome.t)),
            };
            render_home(&state, chrome, &access, view, e.status()).await
        }
        Err(e) => Err(e),
    }
}

pub(super) async fn remove_member(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    chrome: Chrome,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user_id: UserId = user_id.parse().map_err(|_| AppError::not_found())?;
    let removed = remove_member_rule(&state.store, access.workspace.id, access.role, user_id)
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
                email: String::new(),
                role: Role::Facilitator,
                notice: None,
                error: Some(e.message(chrome.t)),
            };
            render_home(&state, chrome, &access, view, e.status()).await
        }
        Err(e) => Err(e),
    }
}
