//! A participant's board: the step, a form to write a note (answering one of
//! the board's columns), the notes by theme (or by column until there are
//! themes) with a vote button each, moving notes under themes (only one's
//! own while the board is locked), taking back one's own note, and, after
//! the reveal, the counts. Works with a plain form and a refresh; the events
//! stream adds live updates.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::{Arg, Tr};
use std::collections::HashMap;

use polku_domain::live::{BoardColumn, LiveSession, NoteText, Theme};
use polku_domain::{ColumnId, NoteId};
use polku_store::{NewNote, NoteWithVotes, StoreError};
use serde::Deserialize;

use super::announcer::Announcer;
use super::api::{sees_votes, visible_notes};
use super::held::ground_rules;
use super::join_api::rate_limited_message;
use super::timer::timer_view;
use super::urls;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors};
use crate::base::live_access::{SessionCaller, SessionRole};
use crate::base::render::render_page;
use crate::base::state::AppState;
use crate::groups::pages::GroundRules;

/// A note as a board shows it.
pub(super) struct NoteItem {
    pub(super) id: String,
    /// The theme it is under ("" for none), to preselect in a move form.
    pub(super) theme_id: String,
    /// The question it answers, when the notes are grouped by theme.
    pub(super) column: Option<String>,
    pub(super) text: String,
    pub(super) author: String,
    pub(super) perspective: Option<String>,
    pub(super) votes_text: Option<String>,
    pub(super) hidden_reason: Option<String>,
    /// Duplicates merged into it: (text, author).
    pub(super) merged: Vec<(String, String)>,
    pub(super) can_vote: bool,
    pub(super) can_move: bool,
    pub(super) can_delete: bool,
}

/// A theme (or, before there are themes, a column) with its notes; the last
/// group holds the notes without one.
pub(super) struct NoteGroup {
    pub(super) name: String,
    pub(super) notes: Vec<NoteItem>,
}

/// What the viewer may do with a note.
#[derive(Clone, Copy, Default)]
pub(super) struct NoteActions {
    pub(super) vote: bool,
    pub(super) move_: bool,
    pub(super) delete: bool,
}

/// The board's themes and columns, which the notes are grouped by.
pub(super) struct Layout<'a> {
    pub(super) themes: &'a [Theme],
    pub(super) columns: &'a [BoardColumn],
}

impl Layout<'_> {
    /// Where a note goes: under its theme once the session has themes, else
    /// under its column; `None`: the last, loose group.
    fn place(&self, item: &NoteWithVotes) -> Option<usize> {
        if self.themes.is_empty() {
            let column = item.note.column_id?;
            self.columns.iter().position(|c| c.id == column)
        } else {
            let theme = item.note.theme_id?;
            self.themes.iter().position(|t| t.id == theme)
        }
    }

    fn column_prompt(&self, id: Option<ColumnId>) -> Option<String> {
        let id = id?;
        self.columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.prompt.as_str().to_owned())
    }
}

/// The notes grouped under their themes in the order made (before there are
/// themes, under their columns), the rest last; within a group, in the order
/// written. Merged duplicates appear under the note they were merged into.
pub(super) fn group_notes<'a>(
    t: Tr,
    layout: &Layout<'_>,
    notes: impl Iterator<Item = &'a NoteWithVotes>,
    show_votes: bool,
    actions: impl Fn(&NoteWithVotes) -> NoteActions,
) -> Vec<NoteGroup> {
    let by_theme = !layout.themes.is_empty();
    let mut groups: Vec<NoteGroup> = if by_theme {
        layout
            .themes
            .iter()
            .map(|theme| theme.name.as_str().to_owned())
            .collect::<Vec<_>>()
    } else {
        layout
            .columns
            .iter()
            .map(|column| column.prompt.as_str().to_owned())
            .collect()
    }
    .into_iter()
    .map(|name| NoteGroup {
        name,
        notes: Vec::new(),
    })
    .collect();
    let notes: Vec<&NoteWithVotes> = notes.collect();
    let mut merged: HashMap<NoteId, Vec<(String, String)>> = HashMap::new();
    for item in notes.iter().filter(|i| i.note.merged_into.is_some()) {
        if let Some(into) = item.note.merged_into {
            merged.entry(into).or_default().push((
                item.note.text.as_str().to_owned(),
                item.note.author.nickname.clone(),
            ));
        }
    }
    let mut loose = Vec::new();
    for item in notes.into_iter().filter(|i| i.note.merged_into.is_none()) {
        let note = &item.note;
        let allowed = actions(item);
        let entry = NoteItem {
            id: note.id.to_string(),
            theme_id: note.theme_id.map(|t| t.to_string()).unwrap_or_default(),
            column: if by_theme {
                layout.column_prompt(note.column_id)
            } else {
                None
            },
            text: note.text.as_str().to_owned(),
            author: super::author_name(t, &note.author),
            perspective: note.author.perspective.map(|p| t.get(p.label_key())),
            votes_text: show_votes.then(|| {
                t.with_args(
                    "board-votes",
                    &[("count", Arg::Count(item.votes.total.into()))],
                )
            }),
            hidden_reason: note.hidden_reason.clone(),
            merged: merged.remove(&note.id).unwrap_or_default(),
            can_vote: allowed.vote,
            can_move: allowed.move_ && by_theme,
            can_delete: allowed.delete,
        };
        match layout.place(item) {
            Some(index) => groups[index].notes.push(entry),
            None => loose.push(entry),
        }
    }
    groups.retain(|g| !g.notes.is_empty());
    if !loose.is_empty() {
        groups.push(NoteGroup {
            name: t.get(if by_theme {
                "board-no-theme"
            } else if !layout.columns.is_empty() {
                "board-no-column"
            } else {
                "board-all-notes"
            }),
            notes: loose,
        });
    }
    groups
}

#[derive(Template)]
#[template(path = "live/board.html")]
struct BoardPage {
    chrome: Chrome,
    timer_text: Option<String>,
    timer_end: Option<String>,
    ready: bool,
    ready_action: String,
    events_url: String,
    last_event: i64,
    announcer: Announcer,
    title: String,
    step: Option<String>,
    closed: bool,
    you_text: String,
    votes_text: String,
    notes_action: String,
    votes_action: String,
    /// Where a note's move and delete forms go (`{base}/{note_id}/move`).
    note_base: String,
    refresh_url: String,
    locked: bool,
    ground_rules: Option<GroundRules>,
    /// The board's columns as (id, question) to answer one of.
    columns: Vec<(String, String)>,
    column_id: String,
    themes: Vec<(String, String)>,
    groups: Vec<NoteGroup>,
    text: String,
    errors: FieldErrors,
    error_summary: ErrorSummary,
    notice: Option<String>,
}

/// What a board shows after a refused form.
#[derive(Default)]
struct Typed {
    text: String,
    column_id: String,
    errors: FieldErrors,
    error_summary: ErrorSummary,
    notice: Option<String>,
}

async fn render_board(
    state: &AppState,
    chrome: Chrome,
    session: &LiveSession,
    participant: &polku_domain::live::Participant,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let notes = state.store.list_live_notes(session.id).await?;
    let themes = state.store.list_live_themes(session.id).await?;
    let columns = state.store.list_live_columns(session.id).await?;
    let used = state.store.live_votes_used(participant.id).await?;
    let left = session.budget.per_participant.saturating_sub(used);
    let who = SessionRole::Participant(participant.clone());
    let show = sees_votes(session, &who);
    let layout = Layout {
        themes: &themes,
        columns: &columns,
    };
    let groups = group_notes(t, &layout, visible_notes(&notes, &who), show, |item| {
        let visible = session.open && item.note.hidden_reason.is_none();
        let own = item.note.author.participant == Some(participant.id);
        NoteActions {
            vote: visible && left > 0,
            move_: visible && (!session.locked || own),
            delete: session.open && own,
        }
    });
    let (timer_text, timer_end) = timer_view(t, session.timer);
    let page = BoardPage {
        timer_text,
        timer_end,
        ready: state.store.live_is_ready(participant.id).await?,
        ready_action: format!("{}/ready", urls::board(session.id)),
        events_url: urls::events(session.id),
        last_event: session.last_seq,
        announcer: Announcer::new(t, false),
        title: session.title.as_str().to_owned(),
        step: session.step.clone(),
        closed: !session.open,
        you_text: t.with(
            "board-you",
            &[
                ("nickname", &super::participant_name(t, participant)),
                ("perspective", &t.get(participant.perspective.label_key())),
            ],
        ),
        votes_text: t.with_args(
            "board-votes-left",
            &[
                ("left", Arg::Count(left.into())),
                ("budget", Arg::Count(session.budget.per_participant.into())),
            ],
        ),
        notes_action: format!("{}/notes", urls::board(session.id)),
        votes_action: format!("{}/votes", urls::board(session.id)),
        note_base: format!("{}/notes", urls::board(session.id)),
        refresh_url: urls::board(session.id),
        locked: session.locked,
        ground_rules: ground_rules(state, session, t).await?,
        column_id: if typed.column_id.is_empty() {
            columns
                .first()
                .map(|c| c.id.to_string())
                .unwrap_or_default()
        } else {
            typed.column_id
        },
        columns: columns
            .iter()
            .map(|c| (c.id.to_string(), c.prompt.as_str().to_owned()))
            .collect(),
        themes: themes
            .iter()
            .map(|theme| (theme.id.to_string(), theme.name.as_str().to_owned()))
            .collect(),
        groups,
        text: typed.text,
        errors: typed.errors,
        error_summary: typed.error_summary,
        notice: typed.notice,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// The participant, or where to send someone else: a visitor to the join
/// page, a member to the facilitator's view.
fn participant_or_redirect(
    caller: Result<SessionCaller, AppError>,
) -> Result<(LiveSession, polku_domain::live::Participant), Box<Response>> {
    match caller {
        Ok(SessionCaller {
            session,
            who: SessionRole::Participant(p),
        }) => Ok((session, p)),
        Ok(SessionCaller { session, .. }) => Err(Box::new(
            Redirect::to(&urls::facilitate(session.workspace_id, session.id)).into_response(),
        )),
        Err(e) if e.status() == StatusCode::UNAUTHORIZED => {
            Err(Box::new(Redirect::to(urls::JOIN).into_response()))
        }
        Err(e) => Err(Box::new(e.into_response())),
    }
}

#[derive(Deserialize)]
pub(super) struct BoardQuery {
    notice: Option<String>,
}

/// `GET /live/{session_id}`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: Result<SessionCaller, AppError>,
    Query(query): Query<BoardQuery>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    let notice = match query.notice.as_deref() {
        Some("note_added") => Some(chrome.t.get("board-notice-note")),
        Some("voted") => Some(chrome.t.get("board-notice-vote")),
        Some("joined") => Some(chrome.t.get("board-notice-joined")),
        Some("moved") => Some(chrome.t.get("board-notice-moved")),
        Some("deleted") => Some(chrome.t.get("board-notice-deleted")),
        _ => None,
    };
    let typed = Typed {
        notice,
        ..Typed::default()
    };
    render_board(
        &state,
        chrome,
        &session,
        &participant,
        typed,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct NoteForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    column_id: String,
}

/// `POST /live/{session_id}/notes`.
pub(super) async fn add_note(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: Result<SessionCaller, AppError>,
    PageForm(form): PageForm<NoteForm>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    let t = chrome.t;
    let refused = |message: String| Typed {
        text: form.text.chars().take(NoteText::MAX_CHARS + 100).collect(),
        column_id: form.column_id.clone(),
        error_summary: ErrorSummary::one(Some("note-text".to_owned()), message.clone()),
        errors: FieldErrors::one("text", message),
        notice: None,
    };
    if let Err(wait) = state.post_limits.check(participant.id) {
        let message = rate_limited_message(t, polku_domain::ErrorCode::PostRateLimited, wait);
        let typed = refused(message);
        return render_board(
            &state,
            chrome,
            &session,
            &participant,
            typed,
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let text = match NoteText::parse(&form.text) {
        Ok(text) => text,
        Err(e) => {
            let typed = refused(t.error(e.code));
            return render_board(
                &state,
                chrome,
                &session,
                &participant,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    // A column of another session (or a stale one) is refused as not found.
    let column = match form.column_id.trim() {
        "" => None,
        raw => raw.parse::<ColumnId>().ok(),
    };
    let new = NewNote {
        text: &text,
        theme: None,
        column,
        participant: Some(&participant),
        written_by: None,
    };
    match state.store.add_live_note(session.id, &new).await {
        Ok(_) => Ok(
            Redirect::to(&format!("{}?notice=note_added", urls::board(session.id))).into_response(),
        ),
        Err(StoreError::Conflict(code)) => {
            let typed = refused(t.error(code));
            render_board(
                &state,
                chrome,
                &session,
                &participant,
                typed,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct VoteForm {
    #[serde(default)]
    note_id: String,
}

/// `POST /live/{session_id}/votes`.
pub(super) async fn vote(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: Result<SessionCaller, AppError>,
    PageForm(form): PageForm<VoteForm>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    let t = chrome.t;
    let refused = |message: String| Typed {
        error_summary: ErrorSummary::one(None, message),
        ..Typed::default()
    };
    if let Err(wait) = state.post_limits.check(participant.id) {
        let message = rate_limited_message(t, polku_domain::ErrorCode::PostRateLimited, wait);
        return render_board(
            &state,
            chrome,
            &session,
            &participant,
            refused(message),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let Ok(note) = form.note_id.parse::<NoteId>() else {
        let message = t.error(polku_domain::ErrorCode::InvalidFields);
        return render_board(
            &state,
            chrome,
            &session,
            &participant,
            refused(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match state
        .store
        .cast_live_vote(session.id, participant.id, note, false)
        .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}?notice=voted", urls::board(session.id))).into_response())
        }
        Err(StoreError::Conflict(code)) => {
            render_board(
                &state,
                chrome,
                &session,
                &participant,
                refused(t.error(code)),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(StoreError::NotFound) => {
            let message = t.error(polku_domain::ErrorCode::InvalidFields);
            render_board(
                &state,
                chrome,
                &session,
                &participant,
                refused(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct ReadyForm {
    #[serde(default)]
    ready: String,
}

/// `POST /live/{session_id}/ready`: "I'm ready" (or taking it back).
pub(super) async fn ready(
    State(state): State<AppState>,
    caller: Result<SessionCaller, AppError>,
    PageForm(form): PageForm<ReadyForm>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    state
        .store
        .set_live_ready(session.id, participant.id, form.ready == "true")
        .await?;
    Ok(Redirect::to(&urls::board(session.id)).into_response())
}

#[derive(Deserialize)]
pub(super) struct ParticipantMoveForm {
    #[serde(default)]
    theme_id: String,
}

/// Renders the board with one message at the top (a refused note action).
async fn refuse(
    state: &AppState,
    chrome: Chrome,
    session: &LiveSession,
    participant: &polku_domain::live::Participant,
    message: String,
    status: StatusCode,
) -> Result<Response, AppError> {
    let typed = Typed {
        error_summary: ErrorSummary::one(None, message),
        ..Typed::default()
    };
    render_board(state, chrome, session, participant, typed, status).await
}

/// `POST /live/{session_id}/notes/{note_id}/move`: a participant puts a note
/// under a theme (any note while the board is open to everyone, only their
/// own while it is locked).
pub(super) async fn move_note(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: Result<SessionCaller, AppError>,
    Path(params): Path<HashMap<String, String>>,
    PageForm(form): PageForm<ParticipantMoveForm>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    let note = super::in_path::note_in_path(&params)?;
    let t = chrome.t;
    let theme = match form.theme_id.trim() {
        "" => None,
        raw => match raw.parse() {
            Ok(theme) => Some(theme),
            Err(_) => {
                let message = t.error(polku_domain::ErrorCode::InvalidFields);
                return refuse(
                    &state,
                    chrome,
                    &session,
                    &participant,
                    message,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        },
    };
    match state
        .store
        .move_live_note(session.id, note, theme, Some(participant.id))
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}?notice=moved", urls::board(session.id))).into_response())
        }
        Err(StoreError::Conflict(code)) => {
            let status = AppError::conflict(code).status();
            refuse(
                &state,
                chrome,
                &session,
                &participant,
                t.error(code),
                status,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /live/{session_id}/notes/{note_id}/delete`: a participant takes
/// back their own note.
pub(super) async fn delete_note(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: Result<SessionCaller, AppError>,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (session, participant) = match participant_or_redirect(caller) {
        Ok(found) => found,
        Err(response) => return Ok(*response),
    };
    let note = super::in_path::note_in_path(&params)?;
    match state
        .store
        .delete_live_note(session.id, note, participant.id)
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("{}?notice=deleted", urls::board(session.id))).into_response(),
        ),
        Err(StoreError::Conflict(code)) => {
            let status = AppError::conflict(code).status();
            let message = chrome.t.error(code);
            refuse(&state, chrome, &session, &participant, message, status).await
        }
        Err(e) => Err(e.into()),
    }
}
