//! A participant's board: the step, a form to write a note, the notes by
//! theme with a vote button each, and, after the reveal, the counts. Works
//! with a plain form and a refresh; the events stream adds live updates.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::{Arg, Tr};
use polku_domain::NoteId;
use polku_domain::live::{LiveSession, NoteText, Theme};
use polku_store::{NewNote, NoteWithVotes, StoreError};
use serde::Deserialize;

use super::announcer::Announcer;
use super::api::{rate_limited_message, sees_votes, visible_notes};
use super::timer::timer_view;
use super::urls;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors};
use crate::base::live_access::{SessionCaller, SessionRole};
use crate::base::render::render_page;
use crate::base::state::AppState;

/// A note as a board shows it.
pub(super) struct NoteItem {
    pub(super) id: String,
    /// The theme it is under ("" for none), to preselect in a move form.
    pub(super) theme_id: String,
    pub(super) text: String,
    pub(super) author: String,
    pub(super) perspective: Option<String>,
    pub(super) votes_text: Option<String>,
    pub(super) hidden_reason: Option<String>,
    pub(super) can_vote: bool,
}

/// A theme with its notes (the last group holds the notes without one).
pub(super) struct NoteGroup {
    pub(super) name: String,
    pub(super) notes: Vec<NoteItem>,
}

/// The notes grouped under their themes, themes in the order made, the
/// notes without a theme last; within a group, in the order written.
pub(super) fn group_notes<'a>(
    t: Tr,
    themes: &[Theme],
    notes: impl Iterator<Item = &'a NoteWithVotes>,
    show_votes: bool,
    can_vote: impl Fn(&NoteWithVotes) -> bool,
) -> Vec<NoteGroup> {
    let mut groups: Vec<NoteGroup> = themes
        .iter()
        .map(|theme| NoteGroup {
            name: theme.name.as_str().to_owned(),
            notes: Vec::new(),
        })
        .collect();
    let mut loose = Vec::new();
    for item in notes {
        let note = &item.note;
        let entry = NoteItem {
            id: note.id.to_string(),
            theme_id: note.theme_id.map(|t| t.to_string()).unwrap_or_default(),
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
            can_vote: can_vote(item),
        };
        match note
            .theme_id
            .and_then(|id| themes.iter().position(|theme| theme.id == id))
        {
            Some(index) => groups[index].notes.push(entry),
            None => loose.push(entry),
        }
    }
    groups.retain(|g| !g.notes.is_empty());
    if !loose.is_empty() {
        groups.push(NoteGroup {
            name: t.get(if themes.is_empty() {
                "board-all-notes"
            } else {
                "board-no-theme"
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
    refresh_url: String,
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
    let used = state.store.live_votes_used(participant.id).await?;
    let left = session.budget.per_participant.saturating_sub(used);
    let who = SessionRole::Participant(participant.clone());
    let show = sees_votes(session, &who);
    let groups = group_notes(t, &themes, visible_notes(&notes, &who), show, |item| {
        session.open && left > 0 && item.note.hidden_reason.is_none()
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
        refresh_url: urls::board(session.id),
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
    let new = NewNote {
        text: &text,
        theme: None,
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
