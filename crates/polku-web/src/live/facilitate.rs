//! The facilitator's view of a session: the join code big with its QR code,
//! the step, the timer, themes, moving notes under themes and hiding them
//! (plain forms that work by keyboard and without JavaScript), the reveal,
//! closing and the results by perspective.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::{Arg, Tr};
use polku_domain::live::{Perspective, Theme, ThemeName, TimerChange, shown_count};
use polku_domain::{Role, SmallGroupThreshold, ThemeId};
use polku_store::NoteWithVotes;
use serde::Deserialize;

use super::announcer::Announcer;
use super::board::{Layout, NoteActions, NoteGroup, group_notes};
use super::held::ground_rules;
use super::in_path::{SessionOfWorkspace, note_in_path};
use super::timer::timer_view;
use super::urls;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors};
use crate::base::link_origin::LinkOrigin;
use crate::base::render::{TrustedSvg, render_page};
use crate::base::state::AppState;
use crate::groups::pages::GroundRules;
use crate::workspaces::urls as workspace_urls;

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
    /// The board's questions, in order.
    columns: Vec<String>,
    /// The board's questions as (id, question), for a note typed in.
    column_choices: Vec<(String, String)>,
    /// What the facilitator typed in the proxy note form, kept on an error.
    proxy: ProxyNoteTyped,
    locked: bool,
    ground_rules: Option<GroundRules>,
    /// Notes another can be merged into: (id, shortened text).
    merge_choices: Vec<(String, String)>,
    groups: Vec<NoteGroup>,
    results: Vec<ResultRow>,
    notice: Option<String>,
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

/// A note's text cut to fit an option of a select.
fn shortened(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
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

/// What was typed in the proxy note form: who for, the text, the column.
#[derive(Default)]
pub(super) struct ProxyNoteTyped {
    pub(super) participant: String,
    pub(super) text: String,
    pub(super) column_id: String,
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
    let typed = ProxyNoteTyped::default();
    render_facilitate_typed(state, chrome, origin, found, errors, notice, typed, status).await
}

/// The facilitator's view with the proxy note form filled in as `proxy`.
#[allow(clippy::too_many_arguments)]
pub(super) async fn render_facilitate_typed(
    state: &AppState,
    chrome: Chrome,
    origin: &LinkOrigin,
    found: &SessionOfWorkspace,
    errors: FieldErrors,
    notice: Option<String>,
    proxy: ProxyNoteTyped,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let session = &found.session;
    let notes = state.store.list_live_notes(session.id).await?;
    let themes: Vec<Theme> = state.store.list_live_themes(session.id).await?;
    let columns = state.store.list_live_columns(session.id).await?;
    let participants = state.store.list_live_participants(session.id).await?;
    let join_url = origin.url(&urls::join_with_code(session.join_code.as_str()));
    let qr_svg = TrustedSvg::qr(&join_url, &t.get("facilitate-qr-label"))?;
    let layout = Layout {
        themes: &themes,
        columns: &columns,
    };
    let groups = group_notes(t, &layout, notes.iter(), true, |_| NoteActions::default());
    let merge_choices = notes
        .iter()
        .filter(|n| n.note.merged_into.is_none() && n.note.hidden_reason.is_none())
        .map(|n| (n.note.id.to_string(), shortened(n.note.text.as_str())))
        .collect();
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
        columns: columns
            .iter()
            .map(|c| c.prompt.as_str().to_owned())
            .collect(),
        column_choices: columns
            .iter()
            .map(|c| (c.id.to_string(), c.prompt.as_str().to_owned()))
            .collect(),
        proxy,
        locked: session.locked,
        ground_rules: ground_rules(state, session, t).await?,
        merge_choices,
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
            ("prompt", "column-prompt"),
            ("merge", "notes-heading"),
        ]),
        errors,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// The facilitator's view again, with `errors` beside their fields.
pub(super) async fn refuse(
    state: &AppState,
    chrome: Chrome,
    origin: &LinkOrigin,
    found: &SessionOfWorkspace,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    render_facilitate(state, chrome, origin, found, errors, None, status).await
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
            "column" => Some("facilitate-notice-column"),
            "merged" => Some("facilitate-notice-merged"),
            "locked" => Some("facilitate-notice-locked"),
            "unlocked" => Some("facilitate-notice-unlocked"),
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
        .move_live_note(found.session.id, note, theme, None)
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
