//! A group's public invitation page: no login, no form, nothing collected;
//! printable, with a QR code of its own address.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::PublicGroupId;
use time::OffsetDateTime;

use super::urls;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::link_origin::LinkOrigin;
use crate::base::render::{TrustedSvg, render_page};
use crate::base::state::AppState;

struct Meeting {
    when: String,
    series: String,
    place: String,
}

#[derive(Template)]
#[template(path = "groups/invite.html")]
struct InvitePage {
    chrome: Chrome,
    title: String,
    area: String,
    description: String,
    meetings: Vec<Meeting>,
    contact: String,
    url: String,
    qr: TrustedSvg,
}

/// `GET /groups/{public_id}/invite`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    origin: LinkOrigin,
    Path(public_id): Path<String>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let public_id: PublicGroupId = public_id.parse().map_err(|_| AppError::not_found())?;
    let group = state.store.group_by_public_id(&public_id).await?;
    let meetings = state
        .store
        .upcoming_workshops(group.workspace_id, group.id, OffsetDateTime::now_utc())
        .await?
        .into_iter()
        .map(|w| Meeting {
            when: t.date_time(w.starts_at),
            series: w.series_name,
            place: w.place,
        })
        .collect();
    let url = origin.url(&urls::invite(&group.public_id));
    let qr = TrustedSvg::qr(&url, &t.get("groups-invite-qr"))?;
    let d = &group.details;
    let name = d.name.get(chrome.lang);
    let page = InvitePage {
        title: t.with("groups-invite-title", &[("name", name)]),
        area: d.area.clone(),
        description: d.description.clone(),
        meetings,
        contact: d.contact.clone(),
        url,
        qr,
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}
