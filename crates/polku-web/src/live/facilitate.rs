//! The facilitator's pages: the workspace's sessions with the form that
//! opens one, and a session's view: the join code big with its QR code, the
//! step, themes, moving notes under themes and hiding them (plain forms that
//! work by keyboard and without JavaScript), the reveal, closing and the
//! results by perspective.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::live::open_session;
use polku_app::{Arg, Tr};
use polku_domain::live::{
    LiveSession, Perspective, Theme, ThemeName, TimerChange, VoteBudget, shown_count,
};
use polku_domain::{LiveSessionId, NoteId, Role, SmallGroupThreshold, ThemeId};
use polku_store::NoteWithVotes;
use serde::Deserialize;

use super::announcer::Announcer;
use super::api::live_error;
use super::board::{NoteGroup, group_notes};
use super::timer::timer_view;
use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors};
use crate::base::link_origin::LinkOrigin;
use crate::base::render::{TrustedSvg, render_page};
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
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

async fn render_sessions(
    state: &AppState,
    chrome: Chrome,
    access: &WorkspaceAccess,
    typed: (String, String, FieldErrors),
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
    let (title, budget, errors) = typed;
    let page = SessionsPage {
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(workspace),
        sessions,
        can_open: access.role >= Role::Facilitator,
        open_action: urls::sessions(workspace),
        error_summary: errors
            .summary_with_ids(&[("title", "session-title"), ("budget", "session-budget")]),
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
) -> Result<Response, AppError> {
    let typed = (
        String::new(),
        VoteBudget::DEFAULT.per_participant.to_string(),
        FieldErrors::none(),
    );
    render_sessions(&state, chrome, &access, typed, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct OpenForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    budget: String,
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
    let Some(budget) = budget else {
        let errors = FieldErrors::one(
            "budget",
            t.error(polku_domain::ErrorCode::InvalidVoteBudget),
        );
        let typed = (form.title, form.budget, errors);
        return render_sessions(
            &state,
            chrome,
            &access,
            typed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match open_session(
        &state.store,
        access.workspace.id,
        access.user.id,
        &form.title,
        budget,
    )
    .await
    {
        Ok(session) => {
            Ok(Redirect::to(&urls::facilitate(access.workspace.id, session.id)).into_response())
        }
        Err(e) => {
            let error = live_error(e);
            if !error.status().is_client_error() {
                return Err(error);
            }
            let errors = FieldErrors::one("title", error.message(t));
            let typed = (form.title, form.budget, errors);
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

struct ThemeOption {
    id: String,
    name: String,
}

struct ResultRow {
    text: String,
    total: u32,
    share: u32,
    breakdown: String,
}

#[derive(Template)]
#[template(path = "live/facilitate.html")]
struct FacilitatePage {
    chrome: Chrome,
    /// Participants a facilitator may type in for: (id, "nickname (perspective)").
    proxy_choices: Vec<(String, String)>,
    perspectives: Vec<(&'static str, String)>,
    timer_text: Option<String>,
    timer_end: Option<String>,
    ready_text: String,
    events_url: String,
    last_event: i64,
    announcer: Announcer,
    title: String,
    workspace_name: String,
    home_url: String,
    sessions_url: String,
    refresh_url: String,
    base_action: String,
    open: bool,
    revealed: bool,
    can_run: bool,
    code: String,
    code_spoken: String,
    join_url: String,
    qr_svg: TrustedSvg,
    step: String,
    participants_text: String,
    themes: Vec<ThemeOption>,
    groups: Vec<NoteGroup>,
    results: Vec<ResultRow>,
    notice: Option<String>,
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

/// "Client 7, professional < 5" for one note, groups smaller than the
/// workspace's `threshold` shown as "< 5".
fn breakdown(t: Tr, item: &NoteWithVotes, threshold: SmallGroupThreshold) -> String {
    item.votes
        .by_perspective
        .iter()
        .map(|(perspective, count): &(Perspective, u32)| {
            let shown = match shown_count(*count, threshold) {
                Some(count) => t.count(count.into()),
                None => format!("< {threshold}"),
            };
            format!("{} {shown}", t.get(perspective.label_key()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn results(t: Tr, notes: &[NoteWithVotes], threshold: SmallGroupThreshold) -> Vec<ResultRow> {
    let mut voted: Vec<&NoteWithVotes> = notes
        .iter()
        .filter(|n| n.votes.total > 0 && n.note.hidden_reason.is_none())
        .collect();
    voted.sort_by_key(|n| std::cmp::Reverse(n.votes.total));
    let most = voted.first().map_or(1, |n| n.votes.total.max(1));
    voted
        .into_iter()
        .map(|item| ResultRow {
            text: item.note.text.as_str().to_owned(),
            total: item.votes.total,
            share: item.votes.total * 100 / most,
            breakdown: breakdown(t, item, threshold),
        })
        .collect()
}

pub(super) async fn render_facilitate(
    state: &AppState,
    chrome: Chrome,
    origin: &LinkOrigin,
    found: &SessionOfWorkspace,
    errors: FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let session = &found.session;
    let notes = state.store.list_live_notes(session.id).await?;
    let themes: Vec<Theme> = state.store.list_live_themes(session.id).await?;
    let participants = state.store.list_live_participants(session.id).await?;
    let join_url = origin.url(&urls::join_with_code(session.join_code.as_str()));
    let qr_svg = TrustedSvg::qr(&join_url, &t.get("facilitate-qr-label"))?;
    let groups = group_notes(t, &themes, notes.iter(), true, |_| false);
    let code = session.join_code.as_str().to_owned();
    let (timer_text, timer_end) = timer_view(t, session.timer);
    let (ready, all) = state.store.live_ready_count(session.id).await?;
    let page = FacilitatePage {
        proxy_choices: participants
            .iter()
            .map(|p| {
                (
                    p.id.to_string(),
                    format!(
                        "{} ({})",
                        super::participant_name(t, p),
                        t.get(p.perspective.label_key())
                    ),
                )
            })
            .collect(),
        perspectives: Perspective::ALL
            .iter()
            .map(|p| (p.as_str(), t.get(p.label_key())))
            .collect(),
        timer_text,
        timer_end,
        ready_text: t.with_args(
            "facilitate-ready",
            &[
                ("ready", Arg::Count(ready.into())),
                ("all", Arg::Count(all.into())),
            ],
        ),
        events_url: urls::events(session.id),
        last_event: session.last_seq,
        announcer: Announcer::new(t, true),
        title: session.title.as_str().to_owned(),
        workspace_name: found.access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(session.workspace_id),
        sessions_url: urls::sessions(session.workspace_id),
        refresh_url: urls::facilitate(session.workspace_id, session.id),
        base_action: urls::facilitate(session.workspace_id, session.id),
        open: session.open,
        revealed: session.votes_revealed,
        can_run: found.access.role >= Role::Facilitator,
        code_spoken: urls::spoken(&code),
        code,
        join_url,
        qr_svg,
        step: session.step.clone().unwrap_or_default(),
        participants_text: t.with_args(
            "facilitate-participants",
            &[("count", Arg::Count(participants.len() as u64))],
        ),
        themes: themes
            .iter()
            .map(|theme| ThemeOption {
                id: theme.id.to_string(),
                name: theme.name.as_str().to_owned(),
            })
            .collect(),
        groups,
        results: if session.votes_revealed {
            results(
                t,
                &notes,
                found.access.workspace.settings.small_group_threshold,
            )
        } else {
            Vec::new()
        },
        notice,
        error_summary: errors.summary_with_ids(&[
            ("name", "theme-name"),
            ("paper_nickname", "paper-nickname"),
            ("paper_perspective", "paper-perspective"),
            ("proxy_text", "proxy-text"),
            ("proxy_vote", "notes-heading"),
        ]),
        errors,
        chrome,
    };
    Ok(render_page(status, &page))
}

#[derive(Deserialize)]
pub(super) struct FacilitateQuery {
    notice: Option<String>,
}

/// `GET /workspaces/{workspace_id}/live/{session_id}`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    Query(query): Query<FacilitateQuery>,
) -> Result<Response, AppError> {
    let notice = query
        .notice
        .as_deref()
        .and_then(|n| match n {
            "step" => Some("facilitate-notice-step"),
            "timer" => Some("facilitate-notice-timer"),
            "paper" => Some("facilitate-notice-paper"),
            "proxy" => Some("facilitate-notice-proxy"),
            "proxy_vote" => Some("facilitate-notice-proxy-vote"),
            "theme" => Some("facilitate-notice-theme"),
            "moved" => Some("facilitate-notice-moved"),
            "hidden" => Some("facilitate-notice-hidden"),
            "revealed" => Some("facilitate-notice-revealed"),
            "closed" => Some("facilitate-notice-closed"),
            _ => None,
        })
        .map(|key| chrome.t.get(key));
    render_facilitate(
        &state,
        chrome,
        &origin,
        &found,
        FieldErrors::none(),
        notice,
        StatusCode::OK,
    )
    .await
}

pub(super) fn back(found: &SessionOfWorkspace, notice: &str) -> Response {
    Redirect::to(&format!(
        "{}?notice={notice}",
        urls::facilitate(found.session.workspace_id, found.session.id)
    ))
    .into_response()
}

#[derive(Deserialize)]
pub(super) struct StepForm {
    #[serde(default)]
    step: String,
}

/// `POST .../step`: the step every screen shows (empty clears it).
pub(super) async fn set_step(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<StepForm>,
) -> Result<Response, AppError> {
    let step: String = form
        .step
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let step = (!step.is_empty()).then_some(step.as_str());
    state
        .store
        .set_live_step(found.session.workspace_id, found.session.id, step)
        .await?;
    Ok(back(&found, "step"))
}

#[derive(Deserialize)]
pub(super) struct ThemeForm {
    #[serde(default)]
    name: String,
}

/// `POST .../themes`.
pub(super) async fn add_theme(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<ThemeForm>,
) -> Result<Response, AppError> {
    match ThemeName::parse(&form.name) {
        Ok(name) => {
            state.store.add_live_theme(found.session.id, &name).await?;
            Ok(back(&found, "theme"))
        }
        Err(e) => {
            let errors = FieldErrors::one("name", chrome.t.error(e.code));
            render_facilitate(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub(super) fn note_in_path(params: &HashMap<String, String>) -> Result<NoteId, AppError> {
    params
        .get("note_id")
        .and_then(|raw| raw.parse().ok())
        .ok_or_else(AppError::not_found)
}

#[derive(Deserialize)]
pub(super) struct MoveForm {
    #[serde(default)]
    theme_id: String,
}

/// `POST .../notes/{note_id}/move`: puts a note under a theme (or none).
pub(super) async fn move_note(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
    Path(params): Path<HashMap<String, String>>,
    PageForm(form): PageForm<MoveForm>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    let theme =
        match form.theme_id.trim() {
            "" => None,
            raw => Some(raw.parse::<ThemeId>().map_err(|_| {
                AppError::invalid("theme_id", polku_domain::ErrorCode::InvalidFields)
            })?),
        };
    state
        .store
        .move_live_note(found.session.id, note, theme)
        .await?;
    Ok(back(&found, "moved"))
}

#[derive(Deserialize)]
pub(super) struct HideForm {
    #[serde(default)]
    reason: String,
}

/// `POST .../notes/{note_id}/hide`: hides a note; its writer sees why.
pub(super) async fn hide_note(
    State(state): State<AppState>,
    chrome: Chrome,
    found: SessionOfWorkspace,
    Path(params): Path<HashMap<String, String>>,
    PageForm(form): PageForm<HideForm>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    let reason: String = form
        .reason
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let reason = if reason.is_empty() {
        chrome.t.get("facilitate-hide-default")
    } else {
        reason
    };
    state
        .store
        .hide_live_note(found.session.id, note, &reason)
        .await?;
    Ok(back(&found, "hidden"))
}

/// `POST .../reveal`.
pub(super) async fn reveal(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
) -> Result<Response, AppError> {
    state
        .store
        .reveal_live_votes(found.session.workspace_id, found.session.id)
        .await?;
    Ok(back(&found, "revealed"))
}

/// `POST .../close`.
pub(super) async fn close(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
) -> Result<Response, AppError> {
    state
        .store
        .close_live_session(found.session.workspace_id, found.session.id)
        .await?;
    Ok(back(&found, "closed"))
}

#[derive(Deserialize)]
pub(super) struct TimerForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    minutes: String,
}

/// `POST .../timer`: start (for the minutes given), pause, resume, extend by
/// a minute, or stop the timer every screen shows.
pub(super) async fn change_timer(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<TimerForm>,
) -> Result<Response, AppError> {
    let minutes = form
        .minutes
        .trim()
        .parse::<i64>()
        .unwrap_or(5)
        .clamp(1, 180);
    let change = match form.action.as_str() {
        "start" => TimerChange::Start(minutes * 60),
        "pause" => TimerChange::Pause,
        "resume" => TimerChange::Resume,
        "extend" => TimerChange::Extend(60),
        "stop" => TimerChange::Stop,
        _ => {
            return Err(AppError::invalid(
                "action",
                polku_domain::ErrorCode::InvalidFields,
            ));
        }
    };
    state
        .store
        .change_live_timer(found.session.workspace_id, found.session.id, change)
        .await?;
    Ok(back(&found, "timer"))
}
