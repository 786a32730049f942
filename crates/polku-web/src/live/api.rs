//! The live-session API: `POST /api/v1/sessions` (open) and, under `/api/v1/sessions/{session_id}`: the notes, votes, themes, the
//! reveal and closing. Joining is in `join_api.rs`, the event stream in
//! `events.rs`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use polku_app::live::{LiveError, OpenSession, open_session};
use polku_domain::live::{LiveSession, NoteText, ThemeName, VoteBudget};
use polku_domain::{ColumnId, ErrorCode, NoteId, ParticipantId, Role, ThemeId, WorkspaceId};
use polku_store::{NewNote, NoteWithVotes, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::join_api::rate_limited;
use super::urls;
use crate::base::caller::SignedIn;
use crate::base::chrome::Chrome;
use crate::base::error::{AppError, ErrorResponse, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::link_origin::LinkOrigin;
use crate::base::live_access::{SessionAccess, SessionCaller, SessionRole};
use crate::base::schema::{Text, WholeNumber};
use crate::base::state::AppState;

/// A session as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct SessionResponse {
    /// Its id.
    pub id: Uuid,
    /// The workspace it belongs to.
    pub workspace_id: Uuid,
    /// Its title.
    pub title: String,
    /// The code people join with (six characters).
    pub join_code: String,
    /// The page where people join with the code filled in.
    pub join_url: String,
    /// Whether people may still join and write.
    pub open: bool,
    /// Whether the votes are shown to participants.
    pub votes_revealed: bool,
    /// Votes per participant.
    pub vote_budget: u32,
    /// Votes one participant may give one note.
    pub votes_per_note: u32,
    /// The step every screen shows.
    pub step: Option<String>,
    /// Whether participants may move only their own notes.
    pub locked: bool,
    /// The workshop it is held for, if any.
    pub workshop_id: Option<Uuid>,
    /// The series of that workshop: return codes from its earlier workshops
    /// join as the same pseudonym.
    pub series_id: Option<Uuid>,
    /// The number of its last event.
    pub last_event_id: i64,
}

impl SessionResponse {
    pub(super) fn new(session: &LiveSession, origin: &LinkOrigin) -> Self {
        Self {
            id: session.id.as_uuid(),
            workspace_id: session.workspace_id.as_uuid(),
            title: session.title.as_str().to_owned(),
            join_code: session.join_code.as_str().to_owned(),
            join_url: origin.url(&urls::join_with_code(session.join_code.as_str())),
            open: session.open,
            votes_revealed: session.votes_revealed,
            vote_budget: session.budget.per_participant,
            votes_per_note: session.budget.per_note,
            step: session.step.clone(),
            locked: session.locked,
            workshop_id: session.workshop_id.map(|w| w.as_uuid()),
            series_id: session.series_id.map(|s| s.as_uuid()),
            last_event_id: session.last_seq,
        }
    }
}

/// Body of `POST /api/v1/sessions`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenSessionRequest {
    /// The workspace (the caller must facilitate in it).
    pub workspace_id: Uuid,
    /// What the workshop is about.
    pub title: Text<1, 120>,
    /// Votes per participant (1 to 20, default 5).
    #[serde(default)]
    #[schema(value_type = Option<u32>, minimum = 1, maximum = 20)]
    pub vote_budget: Option<WholeNumber>,
    /// Votes one participant may give one note, at most `vote_budget`
    /// (default: all of them).
    #[serde(default)]
    #[schema(value_type = Option<u32>, minimum = 1, maximum = 20)]
    pub votes_per_note: Option<WholeNumber>,
    /// The workshop of a running series it is held for: the board gets the
    /// questions of the series' phase as columns, return codes belong to
    /// the series, and every page shows the group's ground rules.
    #[serde(default)]
    pub workshop_id: Option<Uuid>,
}

/// Opens a live session in a workspace (owners and facilitators) with a
/// fresh join code.
#[utoipa::path(
    post,
    path = "/api/v1/sessions",
    tag = "live",
    request_body = OpenSessionRequest,
    responses(
        (status = 201, description = "Open; show `join_code` and `join_url`", body = SessionResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn open(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    origin: LinkOrigin,
    ApiJson(body): ApiJson<OpenSessionRequest>,
) -> Result<(StatusCode, Json<SessionResponse>), AppError> {
    let workspace = WorkspaceId::from(body.workspace_id);
    state.store.workspace(workspace).await?;
    let role = match state.store.member_role(workspace, user.id).await? {
        Some(role) => role,
        None if user.is_admin => Role::Owner,
        None => return Err(AppError::forbidden()),
    };
    if role < Role::Facilitator {
        return Err(AppError::forbidden());
    }
    // A fraction, a negative number or one beyond u32 is outside the
    // budget's range too: the domain refuses it with the field's error.
    let votes = |n: WholeNumber| {
        n.get()
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(u32::MAX)
    };
    let per_participant = body
        .vote_budget
        .map_or(VoteBudget::DEFAULT.per_participant, votes);
    let per_note = body.votes_per_note.map_or(per_participant, votes);
    let budget = VoteBudget::new(per_participant, per_note)?;
    let request = OpenSession {
        workspace,
        by: user.id,
        title: &body.title.0,
        budget,
        workshop: body.workshop_id.map(Into::into),
    };
    let session = open_session(&state.store, &request, chrome.t)
        .await
        .map_err(live_error)?;
    Ok((
        StatusCode::CREATED,
        Json(SessionResponse::new(&session, &origin)),
    ))
}

/// The HTTP answer to a refused live use case.
pub(super) fn live_error(error: LiveError) -> AppError {
    match error {
        LiveError::Invalid(errors) => errors.into_iter().next().map_or_else(
            || AppError::invalid("code", ErrorCode::InvalidJoinCode),
            AppError::from,
        ),
        LiveError::UnknownCode => {
            AppError::new(StatusCode::NOT_FOUND, ErrorCode::UnknownJoinCode).on_field("code")
        }
        LiveError::Store(e) => e.into(),
    }
}

/// A note as the API shows it to its reader.
#[derive(Serialize, ToSchema)]
pub struct NoteResponse {
    /// Its id.
    pub id: Uuid,
    /// What it says.
    pub text: String,
    /// The theme it is under, if any.
    pub theme_id: Option<Uuid>,
    /// The column (question) it answers, if any.
    pub column_id: Option<Uuid>,
    /// The note it was merged into as a duplicate (its votes went there).
    pub merged_into: Option<Uuid>,
    /// The writer's nickname.
    pub author: String,
    /// The writer's perspective, if known.
    pub perspective: Option<String>,
    /// Typed in by a facilitator for someone without a device.
    pub proxy: bool,
    /// Why a facilitator hid it (shown to its writer and facilitators only).
    pub hidden_reason: Option<String>,
    /// Its votes; `null` for participants until the facilitator reveals them.
    pub votes: Option<u32>,
}

fn note_response(item: &NoteWithVotes, show_votes: bool) -> NoteResponse {
    let note = &item.note;
    NoteResponse {
        id: note.id.as_uuid(),
        text: note.text.as_str().to_owned(),
        theme_id: note.theme_id.map(|t| t.as_uuid()),
        column_id: note.column_id.map(|c| c.as_uuid()),
        merged_into: note.merged_into.map(|m| m.as_uuid()),
        author: note.author.nickname.clone(),
        perspective: note.author.perspective.map(|p| p.as_str().to_owned()),
        proxy: note.author.proxy,
        hidden_reason: note.hidden_reason.clone(),
        votes: show_votes.then_some(item.votes.total),
    }
}

/// The notes `who` may see, in the order they were written (never by
/// votes before the reveal): participants do not see others' hidden notes.
pub(super) fn visible_notes<'a>(
    notes: &'a [NoteWithVotes],
    who: &'a SessionRole,
) -> impl Iterator<Item = &'a NoteWithVotes> {
    notes.iter().filter(move |item| match who {
        SessionRole::Participant(p) => {
            item.note.hidden_reason.is_none() || item.note.author.participant == Some(p.id)
        }
        SessionRole::Member { .. } => true,
    })
}

/// Whether `who` sees vote counts in `session` now.
pub(super) fn sees_votes(session: &LiveSession, who: &SessionRole) -> bool {
    session.votes_revealed || matches!(who, SessionRole::Member { .. })
}

/// The session's notes with their vote counts (`null` for participants until
/// the reveal).
#[utoipa::path(
    get,
    path = "/api/v1/sessions/{session_id}/notes",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    responses(
        (status = 200, description = "The notes, oldest first", body = [NoteResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_notes(
    State(state): State<AppState>,
    caller: SessionCaller,
) -> Result<Json<Vec<NoteResponse>>, AppError> {
    let notes = state.store.list_live_notes(caller.session.id).await?;
    let show = sees_votes(&caller.session, &caller.who);
    Ok(Json(
        visible_notes(&notes, &caller.who)
            .map(|n| note_response(n, show))
            .collect(),
    ))
}

/// Body of `POST .../notes`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    /// What it says (1 to 500 characters; line breaks kept).
    #[schema(min_length = 1, max_length = 500)]
    pub text: String,
    /// The theme to put it under.
    #[serde(default)]
    pub theme_id: Option<Uuid>,
    /// The column (question of the board) it answers.
    #[serde(default)]
    pub column_id: Option<Uuid>,
    /// Facilitators only: the participant it is typed in for (proxy entry).
    #[serde(default)]
    pub for_participant: Option<Uuid>,
}

/// The participant a facilitator acts for, of this session.
async fn proxied(
    state: &AppState,
    caller: &SessionCaller,
    id: Option<Uuid>,
) -> Result<Option<polku_domain::live::Participant>, AppError> {
    let Some(id) = id else { return Ok(None) };
    let id = ParticipantId::from(id);
    let participants = state
        .store
        .list_live_participants(caller.session.id)
        .await?;
    participants
        .into_iter()
        .find(|p| p.id == id)
        .map(Some)
        .ok_or_else(|| AppError::invalid("for_participant", ErrorCode::InvalidFields))
}

/// Writes a note: a participant for themselves, a facilitator for
/// themselves or typed in for a participant (marked as proxy).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/notes",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    request_body = NoteRequest,
    responses(
        (status = 201, description = "Stored", body = NoteResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The session is closed", body = ErrorResponse),
        (status = 429, description = "Too many posts", body = ErrorResponse),
    )
)]
pub async fn add_note(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: SessionCaller,
    ApiJson(body): ApiJson<NoteRequest>,
) -> Result<Response, AppError> {
    let text = NoteText::parse(&body.text)?;
    let theme = body.theme_id.map(ThemeId::from);
    let column = body.column_id.map(ColumnId::from);
    let note = match &caller.who {
        SessionRole::Participant(p) => {
            if body.for_participant.is_some() {
                return Err(AppError::forbidden());
            }
            if let Err(wait) = state.post_limits.check(p.id) {
                return Ok(rate_limited(&chrome, ErrorCode::PostRateLimited, wait));
            }
            let new = NewNote {
                text: &text,
                theme,
                column,
                participant: Some(p),
                written_by: None,
            };
            state.store.add_live_note(caller.session.id, &new).await
        }
        SessionRole::Member { user, .. } => {
            if !caller.who.facilitates() {
                return Err(AppError::forbidden());
            }
            let participant = proxied(&state, &caller, body.for_participant).await?;
            let new = NewNote {
                text: &text,
                theme,
                column,
                participant: participant.as_ref(),
                written_by: Some((user.id, user.name.as_str())),
            };
            state.store.add_live_note(caller.session.id, &new).await
        }
    };
    let note = note.map_err(not_found_theme)?;
    let item = NoteWithVotes {
        note,
        votes: Default::default(),
    };
    let show = sees_votes(&caller.session, &caller.who);
    Ok((StatusCode::CREATED, Json(note_response(&item, show))).into_response())
}

/// A theme or column of another session is a bad field, not a missing page.
fn not_found_theme(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound => AppError::invalid("theme_id", ErrorCode::InvalidFields),
        other => other.into(),
    }
}

/// Body of `POST .../votes`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// The note voted for.
    pub note_id: Uuid,
    /// Facilitators only: the participant the vote is entered for (proxy).
    #[serde(default)]
    pub for_participant: Option<Uuid>,
}

/// The voter's budget after a vote.
#[derive(Serialize, ToSchema)]
pub struct VoteResponse {
    /// Votes used so far.
    pub votes_used: u32,
    /// Votes left.
    pub votes_left: u32,
}

/// Casts one vote within the budget (5 unless the facilitator set another)
/// and the per-note cap; 409 past either.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/votes",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    request_body = VoteRequest,
    responses(
        (status = 201, description = "Counted", body = VoteResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "Budget spent, note cap reached, or session closed", body = ErrorResponse),
        (status = 429, description = "Too many posts", body = ErrorResponse),
    )
)]
pub async fn vote(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: SessionCaller,
    ApiJson(body): ApiJson<VoteRequest>,
) -> Result<Response, AppError> {
    let (voter, proxy) = match &caller.who {
        SessionRole::Participant(p) => {
            if body.for_participant.is_some() {
                return Err(AppError::forbidden());
            }
            (p.clone(), false)
        }
        SessionRole::Member { .. } if caller.who.facilitates() => {
            let participant = proxied(&state, &caller, body.for_participant).await?;
            let participant = participant
                .ok_or_else(|| AppError::invalid("for_participant", ErrorCode::Required))?;
            (participant, true)
        }
        SessionRole::Member { .. } => return Err(AppError::forbidden()),
    };
    if let Err(wait) = state.post_limits.check(voter.id) {
        return Ok(rate_limited(&chrome, ErrorCode::PostRateLimited, wait));
    }
    let used = state
        .store
        .cast_live_vote(
            caller.session.id,
            voter.id,
            NoteId::from(body.note_id),
            proxy,
        )
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::invalid("note_id", ErrorCode::InvalidFields),
            other => other.into(),
        })?;
    Ok((
        StatusCode::CREATED,
        Json(VoteResponse {
            votes_used: used,
            votes_left: caller.session.budget.per_participant.saturating_sub(used),
        }),
    )
        .into_response())
}

/// Shows the votes to every participant (owners and facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/reveal",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    responses((status = 200, description = "Revealed", body = SessionResponse), WorkspaceErrors)
)]
pub async fn reveal(
    State(state): State<AppState>,
    access: SessionAccess,
    origin: LinkOrigin,
) -> Result<Json<SessionResponse>, AppError> {
    let session = state
        .store
        .reveal_live_votes(access.session.workspace_id, access.session.id)
        .await?;
    Ok(Json(SessionResponse::new(&session, &origin)))
}

/// Closes the session: nobody joins or writes any more (owners and
/// facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/close",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    responses((status = 200, description = "Closed", body = SessionResponse), WorkspaceErrors)
)]
pub async fn close(
    State(state): State<AppState>,
    access: SessionAccess,
    origin: LinkOrigin,
) -> Result<Json<SessionResponse>, AppError> {
    let session = state
        .store
        .close_live_session(access.session.workspace_id, access.session.id)
        .await?;
    Ok(Json(SessionResponse::new(&session, &origin)))
}

/// Body of `POST .../themes`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeRequest {
    /// The theme's name.
    pub name: Text<1, 100>,
}

/// A theme.
#[derive(Serialize, ToSchema)]
pub struct ThemeResponse {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
}

/// Makes a theme to group notes under (owners and facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/themes",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    request_body = ThemeRequest,
    responses((status = 201, description = "Made", body = ThemeResponse), WorkspaceErrors, JsonBodyErrors)
)]
pub async fn add_theme(
    State(state): State<AppState>,
    access: SessionAccess,
    ApiJson(body): ApiJson<ThemeRequest>,
) -> Result<(StatusCode, Json<ThemeResponse>), AppError> {
    let name = ThemeName::parse(&body.name.0)?;
    let theme = state.store.add_live_theme(access.session.id, &name).await?;
    Ok((
        StatusCode::CREATED,
        Json(ThemeResponse {
            id: theme.id.as_uuid(),
            name: theme.name.as_str().to_owned(),
        }),
    ))
}
