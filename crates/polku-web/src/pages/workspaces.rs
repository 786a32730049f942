//! The workspace list and a workspace's home page with its members.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_domain::{Email, Role, UserId, WorkspaceName};
use serde::Deserialize;

use super::{Chrome, PageForm, render_page};
use crate::access::WorkspaceAccess;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::members::{add_member_by_email, remove_member as remove_member_rule};
use crate::state::AppState;

struct WorkspaceItem {
    id: String,
    name: String,
    role_label: Option<String>,
}

#[derive(Template)]
#[template(path = "workspaces.html")]
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
    user: &polku_store::User,
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
            id: w.id.to_string(),
            name: w.name.as_str().to_owned(),
            role_label: role.map(|r| t.get(&format!("role-{}", r.as_str()))),
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
            Ok(Redirect::to(&format!("/workspaces/{}", workspace.id)).into_response())
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
    user_id: String,
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
#[template(path = "workspace.html")]
struct WorkspacePage {
    chrome: Chrome,
    workspace_id: String,
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
        .filter(|n| ["member_added", "member_removed"].contains(n))
        .map(|n| t.get(&format!("notice-{n}")));
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
            user_id: m.user_id.to_string(),
            name: m.name.as_str().to_owned(),
            email: m.email.as_str().to_owned(),
            role_label: t.get(&format!("role-{}", m.role.as_str())),
            removable: access.role.can_assign(m.role),
        })
        .collect();
    let role_options = Role::ALL
        .iter()
        .filter(|r| access.role.can_assign(**r))
        .map(|r| RoleOption {
            value: r.as_str(),
            label: t.get(&format!("role-{}", r.as_str())),
            selected: *r == view.role,
        })
        .collect();
    let page = WorkspacePage {
        workspace_id: access.workspace.id.to_string(),
        name: access.workspace.name.as_str().to_owned(),
        your_role: t.get(&format!("role-{}", access.role.as_str())),
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
    access.require_member_management()?;
    let role = form.role.parse::<Role>();
    let outcome = match (Email::parse(&form.email), &role) {
        (Ok(email), Ok(role)) => add_member_by_email(&state.store, &access, &email, *role)
            .await
            .map(|_| ()),
        (Err(e), _) => Err(e.into()),
        (_, Err(e)) => Err(e.clone().into()),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!(
            "/workspaces/{}?notice=member_added",
            access.workspace.id
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
    match remove_member_rule(&state.store, &access, user_id).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/workspaces/{}?notice=member_removed",
            access.workspace.id
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
