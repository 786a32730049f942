//! `/return`: with a return code, a person sees every note they wrote in the
//! workspace's workshops and what became of it (its theme, its votes once
//! revealed, or why it was hidden). Wrong codes count as failed joins.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use polku_app::live::{LiveError, notes_of_return_code};
use polku_app::{Arg, Tr};
use polku_domain::ErrorCode;
use polku_store::NoteOutcome;
use serde::Deserialize;

use super::join_api::rate_limited_message;
use crate::base::caller::ClientAddr;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors, field_id};
use crate::base::render::render_page;
use crate::base::state::AppState;

struct OutcomeItem {
    text: String,
    session: String,
    when: String,
    outcome: String,
}

#[derive(Template)]
#[template(path = "live/return.html")]
struct ReturnPage {
    chrome: Chrome,
    code: String,
    who: Option<String>,
    notes: Vec<OutcomeItem>,
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

fn outcome(t: Tr, note: &NoteOutcome) -> String {
    if let Some(reason) = &note.hidden_reason {
        return t.with("return-hidden", &[("reason", reason)]);
    }
    if let Some(into) = &note.merged_into {
        return t.with("return-merged", &[("note", into)]);
    }
    let votes = match note.votes {
        Some(votes) => t.with_args("board-votes", &[("count", Arg::Count(votes.into()))]),
        None => t.get("return-votes-hidden"),
    };
    match &note.theme {
        Some(theme) => t.with("return-theme", &[("theme", theme), ("votes", &votes)]),
        None => votes,
    }
}

fn page(chrome: Chrome, code: String, errors: FieldErrors) -> ReturnPage {
    ReturnPage {
        error_summary: errors
            .summary_with_ids(&[("return_code", field_id("return", "code").as_str())]),
        chrome,
        code,
        who: None,
        notes: Vec::new(),
        errors,
    }
}

/// `GET /return`.
pub(super) async fn show(chrome: Chrome) -> Response {
    render_page(
        StatusCode::OK,
        &page(chrome, String::new(), FieldErrors::none()),
    )
}

#[derive(Deserialize)]
pub(super) struct ReturnForm {
    #[serde(default)]
    return_code: String,
}

/// `POST /return`: the notes of the code's pseudonym.
pub(super) async fn submit(
    State(state): State<AppState>,
    chrome: Chrome,
    ClientAddr(client): ClientAddr,
    PageForm(form): PageForm<ReturnForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let typed: String = form.return_code.chars().take(12).collect();
    let refuse = |chrome: Chrome, status: StatusCode, code: ErrorCode, wait: Option<u64>| {
        let message = match wait {
            Some(wait) => rate_limited_message(t, ErrorCode::JoinRateLimited, wait),
            None => t.error(code),
        };
        render_page(
            status,
            &page(
                chrome,
                typed.clone(),
                FieldErrors::one("return_code", message),
            ),
        )
    };
    if let Err(wait) = state.join_limits.check(client) {
        return Ok(refuse(
            chrome,
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::JoinRateLimited,
            Some(wait),
        ));
    }
    match notes_of_return_code(&state.store, &form.return_code).await {
        Ok(Some((pseudonym, notes))) => {
            let who = t.with(
                "return-who",
                &[
                    ("nickname", pseudonym.nickname.as_str()),
                    ("perspective", &t.get(pseudonym.perspective.label_key())),
                ],
            );
            let notes = notes
                .iter()
                .map(|n| OutcomeItem {
                    text: n.text.clone(),
                    session: n.session_title.clone(),
                    when: t.date_time(n.created_at),
                    outcome: outcome(t, n),
                })
                .collect();
            let mut shown = page(chrome, typed, FieldErrors::none());
            shown.who = Some(who);
            shown.notes = notes;
            Ok(render_page(StatusCode::OK, &shown))
        }
        Ok(None) | Err(LiveError::Invalid(_)) | Err(LiveError::UnknownCode) => {
            let wait = state.join_limits.failed(client).err();
            let status = if wait.is_some() {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::NOT_FOUND
            };
            Ok(refuse(chrome, status, ErrorCode::InvalidReturnCode, wait))
        }
        Err(LiveError::Store(e)) => Err(e.into()),
    }
}
