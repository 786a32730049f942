//! The workshops a live session can be held for: each with its series,
//! group and phase, so a session opened for one gets the phase's columns,
//! the group's ground rules and return codes of the series.

use polku_domain::{GroupId, Phase, SeriesId, WorkshopId, WorkspaceId};
use time::OffsetDateTime;

use crate::rows::parse_column;
use crate::{Store, StoreError, from_millis, with_pool};

/// A workshop as a live session sees it.
#[derive(Debug, Clone)]
pub struct SessionWorkshop {
    /// The workshop.
    pub id: WorkshopId,
    /// Its series.
    pub series_id: SeriesId,
    /// The series' name.
    pub series_name: String,
    /// The phase the series is in.
    pub phase: Phase,
    /// Whether the series is closed.
    pub series_closed: bool,
    /// The group of the series.
    pub group_id: GroupId,
    /// When the workshop starts.
    pub starts_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct SessionWorkshopRow {
    id: String,
    series_id: String,
    series_name: String,
    phase: String,
    closed_at: Option<i64>,
    group_id: String,
    starts_at: i64,
}

impl SessionWorkshopRow {
    fn into_workshop(self) -> Result<SessionWorkshop, StoreError> {
        Ok(SessionWorkshop {
            id: parse_column(&self.id, "workshops.id")?,
            series_id: parse_column(&self.series_id, "workshop_series.id")?,
            series_name: self.series_name,
            phase: parse_column(&self.phase, "workshop_series.phase")?,
            series_closed: self.closed_at.is_some(),
            group_id: parse_column(&self.group_id, "workshop_series.group_id")?,
            starts_at: from_millis(self.starts_at),
        })
    }
}

/// `SELECT` of a [`SessionWorkshopRow`]; the statement goes on with
/// `AND ...` (the workspace is `$1`).
macro_rules! select_workshops {
    ($rest:literal) => {
        concat!(
            "SELECT w.id, s.id AS series_id, s.name AS series_name, s.phase, s.closed_at, \
             s.group_id, w.starts_at FROM workshops w \
             JOIN workshop_series s ON s.id = w.series_id \
             JOIN development_groups g ON g.id = s.group_id WHERE g.workspace_id = $1 ",
            $rest
        )
    };
}

impl Store {
    /// The workspace's workshops of series still running, by start time.
    pub async fn workshops_for_sessions(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<SessionWorkshop>, StoreError> {
        let rows: Vec<SessionWorkshopRow> = with_pool!(self, pool => {
            sqlx::query_as(select_workshops!(
                "AND s.closed_at IS NULL ORDER BY w.starts_at, w.id"
            ))
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(SessionWorkshopRow::into_workshop)
            .collect()
    }

    /// The workshop `id` of `workspace`; `NotFound` for another's.
    pub async fn session_workshop(
        &self,
        workspace: WorkspaceId,
        id: WorkshopId,
    ) -> Result<SessionWorkshop, StoreError> {
        let row: Option<SessionWorkshopRow> = with_pool!(self, pool => {
            sqlx::query_as(select_workshops!("AND w.id = $2"))
                .bind(workspace.to_string())
                .bind(id.to_string())
                .fetch_optional(pool)
                .await
        })?;
        row.ok_or(StoreError::NotFound)?.into_workshop()
    }
}
