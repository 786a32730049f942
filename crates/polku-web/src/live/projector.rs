//! The projector view: the code, its QR code, the step, the timer and the
//! board in large type for the room's screen, following the events; votes
//! show only once revealed, hidden notes never.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::announcer::Announcer;
use super::board::{Layout, NoteActions, NoteGroup, group_notes};
use super::held::ground_rules;
use super::in_path::SessionOfWorkspace;
use super::timer::timer_view;
use super::urls;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::link_origin::LinkOrigin;
use crate::base::render::{TrustedSvg, render_page};
use crate::base::state::AppState;
use crate::groups::pages::GroundRules;

#[derive(Template)]
#[template(path = "live/projector.html")]
struct ProjectorPage {
    chrome: Chrome,
    back_url: String,
    timer_text: Option<String>,
    timer_end: Option<String>,
    title: String,
    events_url: String,
    last_event: i64,
    announcer: Announcer,
    step: Option<String>,
    open: bool,
    code: String,
    code_spoken: String,
    join_host: String,
    qr_svg: TrustedSvg,
    ground_rules: Option<GroundRules>,
    groups: Vec<NoteGroup>,
}

/// `GET .../projector`: the code, the step and the board in large type for
/// the room's screen, following the events; shows votes only once revealed.
pub(super) async fn projector(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    found: SessionOfWorkspace,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let session = &found.session;
    let notes = state.store.list_live_notes(session.id).await?;
    let themes = state.store.list_live_themes(session.id).await?;
    let columns = state.store.list_live_columns(session.id).await?;
    let layout = Layout {
        themes: &themes,
        columns: &columns,
    };
    let join_url = origin.url(&urls::join_with_code(session.join_code.as_str()));
    let qr_svg = TrustedSvg::qr(&join_url, &t.get("facilitate-qr-label"))?;
    let code = session.join_code.as_str().to_owned();
    let (timer_text, timer_end) = timer_view(t, session.timer);
    let page = ProjectorPage {
        back_url: urls::facilitate(session.workspace_id, session.id),
        timer_text,
        timer_end,
        title: session.title.as_str().to_owned(),
        events_url: urls::events(session.id),
        last_event: session.last_seq,
        announcer: Announcer::new(t, false),
        step: session.step.clone(),
        open: session.open,
        code_spoken: urls::spoken(&code),
        code,
        join_host: origin.url("").trim_end_matches('/').to_owned(),
        qr_svg,
        ground_rules: ground_rules(&state, session, t).await?,
        groups: group_notes(
            t,
            &layout,
            notes.iter().filter(|n| n.note.hidden_reason.is_none()),
            session.votes_revealed,
            |_| NoteActions::default(),
        ),
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}
