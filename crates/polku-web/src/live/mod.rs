//! Live workshop sessions: facilitators open one and get a join code;
//! participants join with code + nickname + perspective, write notes and
//! vote; every screen follows the session's events.

mod announcer;
mod api;
mod board;
mod board_api;
mod events;
mod facilitate;
mod held;
mod in_path;
mod join;
mod join_api;
mod moderate;
mod projector;
mod proxy;
mod results;
mod returning;
mod sessions;
mod timer;
pub(crate) mod urls;

use axum::http::{Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use polku_app::Tr;
use polku_domain::Role;
use polku_domain::live::{NoteAuthor, Participant};
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

/// A participant's nickname, or a neutral word once the workspace's
/// retention period has erased it.
fn participant_name(t: Tr, participant: &Participant) -> String {
    participant
        .nickname
        .as_ref()
        .map_or_else(|| t.get("live-erased"), |n| n.as_str().to_owned())
}

/// Who wrote a note as a board shows it: a participant's note whose name
/// the retention period blanked shows the same neutral word.
fn author_name(t: Tr, author: &NoteAuthor) -> String {
    if author.participant.is_some() && author.nickname.is_empty() {
        t.get("live-erased")
    } else {
        author.nickname.clone()
    }
}

/// `GET /assets/live.js`: the live updates of the boards, built into the
/// binary.
async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/live.js"),
    )
        .into_response()
}

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .page(Method::GET, "/join", Access::Anonymous, get(join::show))
        .page(Method::POST, "/join", Access::Anonymous, post(join::submit))
        .page(
            Method::GET,
            "/return",
            Access::Anonymous,
            get(returning::show),
        )
        .page(
            Method::POST,
            "/return",
            Access::Anonymous,
            post(returning::submit),
        )
        .page(
            Method::GET,
            "/live/{session_id}",
            Access::Participant,
            get(board::show),
        )
        .page(
            Method::POST,
            "/live/{session_id}/notes",
            Access::Participant,
            post(board::add_note),
        )
        .page(
            Method::POST,
            "/live/{session_id}/votes",
            Access::Participant,
            post(board::vote),
        )
        .page(
            Method::POST,
            "/live/{session_id}/notes/{note_id}/move",
            Access::Participant,
            post(board::move_note),
        )
        .page(
            Method::POST,
            "/live/{session_id}/notes/{note_id}/delete",
            Access::Participant,
            post(board::delete_note),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live",
            Access::Member(Role::Viewer),
            get(sessions::sessions),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live",
            facilitator,
            post(sessions::open),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live/{session_id}",
            Access::Member(Role::Viewer),
            get(facilitate::show),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live/{session_id}/projector",
            Access::Member(Role::Viewer),
            get(projector::projector),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live/{session_id}/results.csv",
            Access::Member(Role::Viewer),
            get(results::results_csv),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live/{session_id}/results.json",
            Access::Member(Role::Viewer),
            get(results::results_json),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/live/{session_id}/participants.csv",
            facilitator,
            get(results::participation_csv),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/step",
            facilitator,
            post(facilitate::set_step),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/timer",
            facilitator,
            post(facilitate::change_timer),
        )
        .page(
            Method::POST,
            "/live/{session_id}/ready",
            Access::Participant,
            post(board::ready),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/paper",
            facilitator,
            post(proxy::add_paper_participant),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/proxy-note",
            facilitator,
            post(proxy::add_proxy_note),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/notes/{note_id}/proxy-vote",
            facilitator,
            post(proxy::add_proxy_vote),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/themes",
            facilitator,
            post(facilitate::add_theme),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/notes/{note_id}/move",
            facilitator,
            post(facilitate::move_note),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/notes/{note_id}/hide",
            facilitator,
            post(facilitate::hide_note),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/notes/{note_id}/merge",
            facilitator,
            post(moderate::merge_note),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/columns",
            facilitator,
            post(moderate::add_column),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/lock",
            facilitator,
            post(moderate::set_lock),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/reveal",
            facilitator,
            post(facilitate::reveal),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/live/{session_id}/close",
            facilitator,
            post(facilitate::close),
        )
        .page(
            Method::GET,
            "/assets/live.js",
            Access::Anonymous,
            get(script),
        )
        .api(Access::SignedIn, routes!(api::open))
        .api(Access::Anonymous, routes!(join_api::join_session))
        .api(Access::Participant, routes!(api::list_notes, api::add_note))
        .api(Access::Participant, routes!(api::vote))
        .api(Access::Participant, routes!(events::events))
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(api::reveal),
        )
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(api::close),
        )
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(api::add_theme),
        )
        .api(Access::Participant, routes!(board_api::list_columns))
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(board_api::add_column),
        )
        .api(Access::Participant, routes!(board_api::move_note))
        .api(Access::Participant, routes!(board_api::delete_note))
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(board_api::merge_note),
        )
        .api(
            Access::SessionMember(Role::Facilitator),
            routes!(board_api::lock),
        )
}
