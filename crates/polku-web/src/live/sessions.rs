//! The workspace's sessions, with the form that opens one (for a planned
//! workshop of a running series, or for none).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::live::{OpenSession, open_session};
use polku_domain::live::VoteBudget;
use polku_domain::{Role, WorkshopId};
use serde::Deserialize;

use super::api::live_error;
use super::held::workshop_choices;
use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors};
use crate::base::render::render_page;
use crate::base::state::AppState;
use crate::workspaces::urls as workspace_urls;

struct SessionItem {
    url: String,
    title: String,
    state: String,
    when: String,
}

#[derive(Template)]
#[template(path = "live/sessions.html")]
struct SessionsPage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    sessions: Vec<SessionItem>,
    can_open: bool,
    open_action: String,
    title: String,
    budget: String,
    /// Workshops to hold the session for: (id, "series: time").
    workshops: Vec<(String, String)>,
    workshop: String,
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

/// What the open form had in it: title, budget, workshop.
struct TypedOpen {
    title: String,
    budget: String,
    workshop: String,
    errors: FieldErrors,
}

async fn render_sessions(
    state: &AppState,
    chrome: Chrome,
    access: &WorkspaceAccess,
    typed: TypedOpen,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let workspace = access.workspace.id;
    let sessions = state
        .store
        .list_live_sessions(workspace)
        .await?
        .into_iter()
        .map(|s| SessionItem {
            url: urls::facilitate(workspace, s.id),
            title: s.title.as_str().to_owned(),
            state: t.get(if s.open {
                "sessions-state-open"
            } else {
                "sessions-state-closed"
            }),
            when: t.date_time(s.created_at),
        })
        .collect();
    let TypedOpen {
        title,
        budget,
        workshop,
        errors,
    } = typed;
    let page = SessionsPage {
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(workspace),
        sessions,
        can_open: access.role >= Role::Facilitator,
        open_action: urls::sessions(workspace),
        workshops: workshop_choices(state, workspace, t).await?,
        workshop,
        error_summary: errors.summary_with_ids(&[
            ("title", "session-title"),
            ("budget", "session-budget"),
            ("workshop", "session-workshop"),
        ]),
        title,
        budget,
        errors,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// `GET /workspaces/{workspace_id}/live`.
pub(super) async fn sessions(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    Query(query): Query<SessionsQuery>,
) -> Result<Response, AppError> {
    let typed = TypedOpen {
        title: String::new(),
        budget: VoteBudget::DEFAULT.per_participant.to_string(),
        workshop: query.workshop.unwrap_or_default(),
        errors: FieldErrors::none(),
    };
    render_sessions(&state, chrome, &access, typed, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct SessionsQuery {
    /// A workshop to preselect (from a series page's "hold it live" link).
    workshop: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct OpenForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    budget: String,
    #[serde(default)]
    workshop: String,
}

/// `POST /workspaces/{workspace_id}/live`: opens a session and shows it.
pub(super) async fn open(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    PageForm(form): PageForm<OpenForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let budget = form
        .budget
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|n| VoteBudget::new(n, n).ok());
    let workshop = match form.workshop.trim() {
        "" => Ok(None),
        raw => raw.parse::<WorkshopId>().map(Some),
    };
    let workshop_unknown = workshop.is_err();
    let (Some(budget), Ok(workshop)) = (budget, workshop) else {
        let budget_error = budget.is_none().then(|| {
            (
                "budget",
                t.error(polku_domain::ErrorCode::InvalidVoteBudget),
            )
        });
        let workshop_error = workshop_unknown.then(|| {
            (
                "workshop",
                t.error(polku_domain::ErrorCode::UnknownWorkshop),
            )
        });
        let errors = FieldErrors::many(budget_error.into_iter().chain(workshop_error));
        let typed = TypedOpen {
            title: form.title,
            budget: form.budget,
            workshop: form.workshop,
            errors,
        };
        return render_sessions(
            &state,
            chrome,
            &access,
            typed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let request = OpenSession {
        workspace: access.workspace.id,
        by: access.user.id,
        title: &form.title,
        budget,
        workshop,
    };
    match open_session(&state.store, &request, t).await {
        Ok(session) => {
            Ok(Redirect::to(&urls::facilitate(access.workspace.id, session.id)).into_response())
        }
        Err(e) => {
            let error = live_error(e);
            if !error.status().is_client_error() {
                return Err(error);
            }
            let errors = FieldErrors::from_error(&error, t, "title");
            let typed = TypedOpen {
                title: form.title,
                budget: form.budget,
                workshop: form.workshop,
                errors,
            };
            render_sessions(
                &state,
                chrome,
                &access,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
