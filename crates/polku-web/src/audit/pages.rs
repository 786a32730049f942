//! The audit trail page, newest first, in the reader's language.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use polku_app::Tr;
use polku_domain::AuditEvent;

use crate::base::access::WorkspaceAccess;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::render::render_page;
use crate::base::state::AppState;
use crate::workspaces::urls as workspace_urls;

/// The most entries one page shows.
const LIMIT: u32 = 200;

struct EventItem {
    when: String,
    action: String,
    actor: String,
    target: String,
    role: Option<String>,
}

impl EventItem {
    fn new(event: &AuditEvent, t: Tr) -> Self {
        let unknown = || t.get("audit-unknown-account");
        let target = match (&event.target_name, &event.target_email) {
            (Some(name), Some(email)) => format!("{name} ({email})"),
            // Invitations name an e-mail; a member whose account is gone, its id.
            _ if event.target.contains('@') => event.target.clone(),
            _ => unknown(),
        };
        Self {
            when: t.date_time(event.at),
            action: t.get(event.action.label_key()),
            actor: event
                .actor_name
                .as_ref()
                .map_or_else(unknown, |n| n.as_str().to_owned()),
            target,
            role: event.role.map(|r| t.role(r)),
        }
    }
}

#[derive(Template)]
#[template(path = "audit/list.html")]
struct AuditPage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    events: Vec<EventItem>,
}

/// `GET /workspaces/{workspace_id}/audit`.
pub(super) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let events = state
        .store
        .list_audit_events(access.workspace.id, LIMIT)
        .await?
        .iter()
        .map(|e| EventItem::new(e, t))
        .collect();
    let page = AuditPage {
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: workspace_urls::home(access.workspace.id),
        events,
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}
