//! The facilitator's board controls besides themes: the board's columns
//! (the questions of the step), locking the board so participants move only
//! their own notes, and merging a duplicate note into another. Plain forms
//! that work by keyboard and without JavaScript.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::NoteId;
use polku_domain::live::ColumnPrompt;
use polku_store::StoreError;
use serde::Deserialize;

use super::facilitate::{back, refuse};
use super::in_path::{SessionOfWorkspace, note_in_path};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::FieldErrors;
use crate::base::link_origin::LinkOrigin;
use crate::base::state::AppState;

#[derive(Deserialize)]
pub(super) struct ColumnForm {
    #[serde(default)]
    prompt: String,
}

/// `POST .../columns`: adds a question to the board.
pub(super) async fn add_column(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<ColumnForm>,
) -> Result<Response, AppError> {
    match ColumnPrompt::parse(&form.prompt) {
        Ok(prompt) => {
            state
                .store
                .add_live_column(found.session.id, &prompt)
                .await?;
            Ok(back(&found, "column"))
        }
        Err(e) => {
            let errors = FieldErrors::one("prompt", chrome.t.error(e.code));
            refuse(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct LockForm {
    #[serde(default)]
    locked: String,
}

/// `POST .../lock`: `locked=true` lets participants move only their own
/// notes; `locked=false` lets everyone group notes.
pub(super) async fn set_lock(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
    PageForm(form): PageForm<LockForm>,
) -> Result<Response, AppError> {
    let locked = match form.locked.as_str() {
        "true" => true,
        "false" => false,
        _ => {
            return Err(AppError::invalid(
                "locked",
                polku_domain::ErrorCode::InvalidFields,
            ));
        }
    };
    state
        .store
        .set_live_lock(found.session.workspace_id, found.session.id, locked)
        .await?;
    Ok(back(&found, if locked { "locked" } else { "unlocked" }))
}

#[derive(Deserialize)]
pub(super) struct MergeForm {
    #[serde(default)]
    into: String,
}

/// `POST .../notes/{note_id}/merge`: merges a duplicate into another note;
/// its votes go with it and its writer sees where it went.
pub(super) async fn merge_note(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
    Path(params): Path<HashMap<String, String>>,
    PageForm(form): PageForm<MergeForm>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    let refused = |code| FieldErrors::one("merge", chrome.t.error(code));
    let Ok(into) = form.into.trim().parse::<NoteId>() else {
        // Another session's note in the path is missing, whatever the form.
        if !state.store.live_note_exists(found.session.id, note).await? {
            return Err(AppError::not_found());
        }
        let errors = refused(polku_domain::ErrorCode::CannotMerge);
        return refuse(
            &state,
            chrome,
            &origin,
            &found,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match state
        .store
        .merge_live_note(found.session.id, note, into)
        .await
    {
        Ok(()) => Ok(back(&found, "merged")),
        Err(StoreError::Conflict(code)) => {
            let errors = refused(code);
            refuse(
                &state,
                chrome,
                &origin,
                &found,
                errors,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
