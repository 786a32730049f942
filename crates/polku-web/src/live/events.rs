//! `GET /api/v1/sessions/{session_id}/events`: the session's events as
//! Server-Sent Events, each with its number as `id:`. A client that comes
//! back with `Last-Event-ID` gets every event it missed, none twice (the
//! store's `Follow`), across reconnects and instances. While the votes are
//! hidden, a participant's stream carries no vote's note id.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use futures_util::stream;
use polku_domain::live::LiveEventKind;
use serde::Deserialize;

use crate::base::error::{AppError, WorkspaceErrors};
use crate::base::live_access::{SessionCaller, SessionRole};
use crate::base::state::AppState;

/// Keep-alive comments keep proxies from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Query of the event stream, for clients that cannot set headers.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct EventsQuery {
    /// Resume after this event number (as `Last-Event-ID`).
    pub after: Option<i64>,
}

/// The number to resume after: `Last-Event-ID`, else `?after=`, else 0.
fn resume_after(headers: &HeaderMap, query: &EventsQuery) -> i64 {
    headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(query.after)
        .unwrap_or(0)
        .max(0)
}

/// Everything that happens in the session, as Server-Sent Events
/// (`note_added`, `note_moved`, `note_hidden`, `theme_added`, `vote_cast`,
/// `votes_revealed`, `step_changed`, `participant_joined`,
/// `session_closed`), each with an increasing `id:`.
#[utoipa::path(
    get,
    path = "/api/v1/sessions/{session_id}/events",
    tag = "live",
    params(("session_id" = uuid::Uuid, Path, description = "The session"), EventsQuery),
    responses(
        (status = 200, description = "A `text/event-stream`", content_type = "text/event-stream", body = String),
        WorkspaceErrors,
    )
)]
pub async fn events(
    State(state): State<AppState>,
    caller: SessionCaller,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<EventsQuery>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let after = resume_after(&headers, &query);
    let follow = state.store.follow_live(caller.session.id, after).await?;
    let participant = matches!(caller.who, SessionRole::Participant(_));
    let revealed = caller.session.votes_revealed;
    let stream = stream::unfold(
        (follow, revealed),
        move |(mut follow, mut revealed)| async move {
            match follow.next().await {
                Ok(event) => {
                    if event.kind == LiveEventKind::VotesRevealed {
                        revealed = true;
                    }
                    let data = if participant {
                        event.payload_for_participant(revealed)
                    } else {
                        &event.payload
                    };
                    let sse = Event::default()
                        .id(event.seq.to_string())
                        .event(event.kind.as_str())
                        .data(data);
                    Some((Ok(sse), (follow, revealed)))
                }
                Err(error) => {
                    // The client reconnects with its Last-Event-ID.
                    tracing::warn!(%error, "live event stream ended");
                    None
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}
