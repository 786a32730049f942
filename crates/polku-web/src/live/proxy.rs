//! Entry for someone without a device: a facilitator adds them as a
//! participant (with no usable token) and types in their notes and votes
//! from paper, each marked as proxy in the record.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::ids::ColumnId;
use polku_domain::live::{NoteText, Perspective};
use serde::Deserialize;

use super::facilitate::{ProxyNoteTyped, back, render_facilitate, render_facilitate_typed};
use super::in_path::{SessionOfWorkspace, note_in_path};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::FieldErrors;
use crate::base::link_origin::LinkOrigin;
use crate::base::state::AppState;

#[derive(Deserialize)]
pub(super) struct PaperParticipantForm {
    #[serde(default)]
    nickname: String,
    #[serde(default)]
    perspective: String,
}

/// `POST .../paper`: a participant without a device (their notes and votes
/// come from paper, typed in by a facilitator). They get no usable token.
pub(super) async fn add_paper_participant(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<PaperParticipantForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let nickname = polku_domain::live::Nickname::parse(&form.nickname);
    let perspective = form.perspective.parse::<Perspective>();
    let (nickname, perspective) = match (nickname, perspective) {
        (Ok(n), Ok(p)) => (n, p),
        (n, p) => {
            let errors = [n.err(), p.err()].into_iter().flatten().map(|e| {
                (
                    if e.field == "nickname" {
                        "paper_nickname"
                    } else {
                        "paper_perspective"
                    },
                    t.error(e.code),
                )
            });
            let errors = FieldErrors::many(errors);
            return render_facilitate(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    // A hash no token can have: the participant exists only through proxies.
    let unusable = format!("paper:{}", uuid::Uuid::new_v4());
    state
        .store
        .join_live_session(found.session.id, &unusable, &nickname, perspective)
        .await?;
    Ok(back(&found, "paper"))
}

#[derive(Deserialize)]
pub(super) struct ProxyNoteForm {
    #[serde(default)]
    participant: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    column_id: String,
}

/// `POST .../proxy-note`: a note typed in for a participant (or, with no
/// participant chosen, the facilitator's own), marked as proxy.
pub(super) async fn add_proxy_note(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<ProxyNoteForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let text = match NoteText::parse(&form.text) {
        Ok(text) => text,
        Err(e) => {
            let errors = FieldErrors::one("proxy_text", t.error(e.code));
            let typed = ProxyNoteTyped {
                participant: form.participant,
                text: form.text.chars().take(NoteText::MAX_CHARS + 100).collect(),
                column_id: form.column_id,
            };
            return render_facilitate_typed(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                None,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    // A column of another session is refused by the store as not found.
    let column = match form.column_id.trim() {
        "" => None,
        raw => Some(raw.parse::<ColumnId>().map_err(|_| AppError::not_found())?),
    };
    let participants = state.store.list_live_participants(found.session.id).await?;
    let participant = match form.participant.trim() {
        "" => None,
        raw => Some(
            participants
                .iter()
                .find(|p| p.id.to_string() == raw)
                .ok_or_else(AppError::not_found)?,
        ),
    };
    let user = &found.access.user;
    let new = polku_store::NewNote {
        text: &text,
        theme: None,
        column,
        participant,
        written_by: Some((user.id, user.name.as_str())),
    };
    state.store.add_live_note(found.session.id, &new).await?;
    Ok(back(&found, "proxy"))
}

#[derive(Deserialize)]
pub(super) struct ProxyVoteForm {
    #[serde(default)]
    participant: String,
}

/// `POST .../notes/{note_id}/proxy-vote`: a vote typed in for a participant
/// (from a paper sheet), marked as proxy; the budget holds as for anyone.
pub(super) async fn add_proxy_vote(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    Path(params): Path<HashMap<String, String>>,
    PageForm(form): PageForm<ProxyVoteForm>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    // Another session's note is not found, whoever the vote is for.
    let notes = state.store.list_live_notes(found.session.id).await?;
    if !notes.iter().any(|n| n.note.id == note) {
        return Err(AppError::not_found());
    }
    let participants = state.store.list_live_participants(found.session.id).await?;
    let Some(participant) = participants
        .iter()
        .find(|p| p.id.to_string() == form.participant.trim())
    else {
        let errors = FieldErrors::one(
            "proxy_vote",
            chrome.t.error(polku_domain::ErrorCode::Required),
        );
        return render_facilitate(
            &state,
            chrome,
            &origin,
            &found,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match state
        .store
        .cast_live_vote(found.session.id, participant.id, note, true)
        .await
    {
        Ok(_) => Ok(back(&found, "proxy_vote")),
        Err(polku_store::StoreError::Conflict(code)) => {
            let errors = FieldErrors::one("proxy_vote", chrome.t.error(code));
            render_facilitate(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                None,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
