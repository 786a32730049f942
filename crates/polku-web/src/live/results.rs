//! A session's results for reports: the notes with their themes and votes
//! as CSV and JSON (votes by perspective with small groups shown as "<5"),
//! and the participation log (pseudonym, perspective, when present) as CSV
//! for reporting experts by experience's fees. No real identity is in any.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use polku_domain::live::{LiveSession, Perspective, SMALL_GROUP, Theme, shown_count};
use polku_store::NoteWithVotes;
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::in_path::SessionOfWorkspace;
use crate::base::error::AppError;
use crate::base::state::AppState;

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// A count as a breakdown may show it: the number, or `<5`.
fn shown(count: u32) -> String {
    shown_count(count).map_or_else(|| format!("<{SMALL_GROUP}"), |c| c.to_string())
}

fn theme_name(themes: &[Theme], item: &NoteWithVotes) -> String {
    item.note
        .theme_id
        .and_then(|id| themes.iter().find(|t| t.id == id))
        .map(|t| t.name.as_str().to_owned())
        .unwrap_or_default()
}

fn by_perspective(item: &NoteWithVotes, perspective: Perspective) -> u32 {
    item.votes
        .by_perspective
        .iter()
        .find(|(p, _)| *p == perspective)
        .map_or(0, |(_, count)| *count)
}

fn csv_response(file: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

fn file_stem(session: &LiveSession) -> String {
    format!("polku-{}", session.id)
}

/// `GET .../results.csv`: one row per note.
pub(super) async fn results_csv(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
) -> Result<Response, AppError> {
    let session = found.session();
    let notes = state.store.list_live_notes(session.id).await?;
    let themes = state.store.list_live_themes(session.id).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "note_id".to_owned(),
        "theme".to_owned(),
        "text".to_owned(),
        "perspective".to_owned(),
        "proxy".to_owned(),
        "hidden".to_owned(),
        "votes".to_owned(),
    ];
    header.extend(
        Perspective::ALL
            .iter()
            .map(|p| format!("votes_{}", p.as_str())),
    );
    writer.write_record(&header).map_err(AppError::internal)?;
    for item in &notes {
        let mut row = vec![
            item.note.id.to_string(),
            theme_name(&themes, item),
            item.note.text.as_str().to_owned(),
            item.note
                .author
                .perspective
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            item.note.author.proxy.to_string(),
            item.note.hidden_reason.is_some().to_string(),
            item.votes.total.to_string(),
        ];
        row.extend(
            Perspective::ALL
                .iter()
                .map(|p| shown(by_perspective(item, *p))),
        );
        writer.write_record(&row).map_err(AppError::internal)?;
    }
    let bytes = writer.into_inner().map_err(AppError::internal)?;
    Ok(csv_response(
        &format!("{}-results.csv", file_stem(session)),
        bytes,
    ))
}

/// A note in the JSON results.
#[derive(Serialize)]
pub(super) struct ResultNote {
    id: String,
    theme: Option<String>,
    text: String,
    perspective: Option<&'static str>,
    proxy: bool,
    hidden: bool,
    votes: u32,
    /// Votes per perspective: a number, or `"<5"` for a small group.
    votes_by_perspective: std::collections::BTreeMap<&'static str, String>,
}

/// The JSON results.
#[derive(Serialize)]
pub(super) struct Results {
    session_id: String,
    title: String,
    open: bool,
    votes_revealed: bool,
    created_at: String,
    themes: Vec<String>,
    notes: Vec<ResultNote>,
}

/// `GET .../results.json`.
pub(super) async fn results_json(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
) -> Result<Json<Results>, AppError> {
    let session = found.session();
    let notes = state.store.list_live_notes(session.id).await?;
    let themes = state.store.list_live_themes(session.id).await?;
    Ok(Json(Results {
        session_id: session.id.to_string(),
        title: session.title.as_str().to_owned(),
        open: session.open,
        votes_revealed: session.votes_revealed,
        created_at: rfc3339(session.created_at),
        themes: themes.iter().map(|t| t.name.as_str().to_owned()).collect(),
        notes: notes
            .iter()
            .map(|item| ResultNote {
                id: item.note.id.to_string(),
                theme: Some(theme_name(&themes, item)).filter(|t| !t.is_empty()),
                text: item.note.text.as_str().to_owned(),
                perspective: item.note.author.perspective.map(Perspective::as_str),
                proxy: item.note.author.proxy,
                hidden: item.note.hidden_reason.is_some(),
                votes: item.votes.total,
                votes_by_perspective: item
                    .votes
                    .by_perspective
                    .iter()
                    .map(|(p, count)| (p.as_str(), shown(*count)))
                    .collect(),
            })
            .collect(),
    }))
}

/// `GET .../participants.csv`: the participation log.
pub(super) async fn participation_csv(
    State(state): State<AppState>,
    found: SessionOfWorkspace,
) -> Result<Response, AppError> {
    let session = found.session();
    let log = state.store.live_participation(session.id).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "pseudonym",
            "perspective",
            "joined_at",
            "last_active_at",
            "notes",
            "votes",
        ])
        .map_err(AppError::internal)?;
    for entry in &log {
        writer
            .write_record([
                entry.participant.nickname.as_str().to_owned(),
                entry.participant.perspective.as_str().to_owned(),
                rfc3339(entry.participant.joined_at),
                entry.last_active.map(rfc3339).unwrap_or_default(),
                entry.notes.to_string(),
                entry.votes.to_string(),
            ])
            .map_err(AppError::internal)?;
    }
    let bytes = writer.into_inner().map_err(AppError::internal)?;
    Ok(csv_response(
        &format!("{}-participants.csv", file_stem(session)),
        bytes,
    ))
}
