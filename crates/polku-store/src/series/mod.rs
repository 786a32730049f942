//! Workshop series of a group, their workshops with agendas, and their
//! data-collection periods. Every method takes the workspace and the group
//! and joins up to them in SQL, so another workspace's ids find nothing.
//! A closed series takes no changes (`Conflict(SeriesClosed)`) until it is
//! reopened.

mod periods;
mod workshops;

pub use workshops::UpcomingWorkshop;

use polku_domain::{GroupId, Phase, SeriesId, SeriesName, WorkshopSeries, WorkspaceId};

use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, execute_one, from_millis, now_millis, with_pool, write_tx};

/// The series `$series` of group `$group` in `$workspace`, as a join
/// condition on `s` (workshop_series) and `g` (development_groups).
macro_rules! series_in_workspace {
    () => {
        " JOIN development_groups g ON g.id = s.group_id \
         WHERE s.id = $1 AND s.group_id = $2 AND g.workspace_id = $3"
    };
}

/// The series (workspace, group, series) by `$id`s as a `WHERE` condition
/// on `workshop_series` without an alias: `$1` series, `$2` group, `$3`
/// workspace.
macro_rules! series_row {
    () => {
        "WHERE id = $1 AND group_id = $2 AND group_id IN \
         (SELECT id FROM development_groups WHERE workspace_id = $3)"
    };
}

/// First statement of a transaction that changes a series or what it
/// holds: locks the series' row, so a close waits for the change and the
/// change for the close (a no-op update, as `lock_workspace!` does), and
/// returns `NotFound` when the series is not in that group of that
/// workspace, `Conflict(SeriesClosed)` when it is closed.
macro_rules! lock_open_series {
    ($tx:ident, $workspace:expr, $group:expr, $series:expr) => {
        let row: Option<(Option<i64>,)> = sqlx::query_as(concat!(
            "UPDATE workshop_series SET closed_at = closed_at ",
            $crate::series::series_row!(),
            " RETURNING closed_at"
        ))
        .bind($series.to_string())
        .bind($group.to_string())
        .bind($workspace.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        match row {
            None => return Err(StoreError::NotFound),
            Some((Some(_),)) => {
                return Err(StoreError::Conflict(polku_domain::ErrorCode::SeriesClosed));
            }
            Some((None,)) => {}
        }
    };
}
pub(crate) use {lock_open_series, series_row};

type SeriesRow = (String, String, String, String, Option<i64>);

/// The columns of a [`SeriesRow`], on `s` (workshop_series).
macro_rules! series_columns {
    () => {
        "SELECT s.id, s.group_id, s.name, s.phase, s.closed_at FROM workshop_series s"
    };
}

fn into_series(
    (id, group, name, phase, closed_at): SeriesRow,
) -> Result<WorkshopSeries, StoreError> {
    Ok(WorkshopSeries {
        id: parse_column(&id, "workshop_series.id")?,
        group_id: parse_column(&group, "workshop_series.group_id")?,
        name: validated(SeriesName::parse(&name), "workshop_series.name", &name)?,
        phase: parse_column(&phase, "workshop_series.phase")?,
        closed_at: closed_at.map(from_millis),
    })
}

impl Store {
    /// Creates a series in group `group` of `workspace`; `NotFound` when the
    /// group is not in the workspace.
    pub async fn create_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        name: &SeriesName,
        phase: Phase,
    ) -> Result<WorkshopSeries, StoreError> {
        let id = SeriesId::new();
        execute_one!(
            self,
            sqlx::query(
                "INSERT INTO workshop_series (id, group_id, name, phase, created_at) \
                 SELECT $1, id, $2, $3, $4 FROM development_groups \
                 WHERE id = $5 AND workspace_id = $6",
            )
            .bind(id.to_string())
            .bind(name.as_str())
            .bind(phase.as_str())
            .bind(now_millis())
            .bind(group.to_string())
            .bind(workspace.to_string())
        )?;
        Ok(WorkshopSeries {
            id,
            group_id: group,
            name: name.clone(),
            phase,
            closed_at: None,
        })
    }

    /// Renames a series and moves it to `phase`; `Conflict(SeriesClosed)`
    /// when it is closed.
    pub async fn update_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        name: &SeriesName,
        phase: Phase,
    ) -> Result<WorkshopSeries, StoreError> {
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
            sqlx::query("UPDATE workshop_series SET name = $1, phase = $2 WHERE id = $3")
                .bind(name.as_str())
                .bind(phase.as_str())
                .bind(series.to_string())
                .execute(&mut *tx)
                .await?;
        });
        self.series(workspace, group, series).await
    }

    /// Closes a series: it takes no changes until reopened, and the
    /// retention period of its participants' pseudonyms starts. Closing a
    /// closed series keeps the moment it was first closed.
    pub async fn close_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
    ) -> Result<WorkshopSeries, StoreError> {
        execute_one!(
            self,
            sqlx::query(concat!(
                "UPDATE workshop_series SET closed_at = COALESCE(closed_at, $4) ",
                series_row!()
            ))
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
            .bind(now_millis())
        )?;
        self.series(workspace, group, series).await
    }

    /// Reopens a closed series (a running one stays as it is).
    pub async fn reopen_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
    ) -> Result<WorkshopSeries, StoreError> {
        execute_one!(
            self,
            sqlx::query(concat!(
                "UPDATE workshop_series SET closed_at = NULL ",
                series_row!()
            ))
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
        )?;
        self.series(workspace, group, series).await
    }

    /// A series of group `group` in `workspace`.
    pub async fn series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
    ) -> Result<WorkshopSeries, StoreError> {
        let sql = concat!(series_columns!(), series_in_workspace!());
        let row: SeriesRow = with_pool!(self, pool => {
            sqlx::query_as(sql)
                .bind(series.to_string())
                .bind(group.to_string())
                .bind(workspace.to_string())
                .fetch_one(pool)
                .await
        })?;
        into_series(row)
    }

    /// The series of a group, oldest first.
    pub async fn list_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
    ) -> Result<Vec<WorkshopSeries>, StoreError> {
        let sql = concat!(
            series_columns!(),
            " JOIN development_groups g ON g.id = s.group_id \
             WHERE s.group_id = $1 AND g.workspace_id = $2 ORDER BY s.created_at, s.id"
        );
        let rows: Vec<SeriesRow> = with_pool!(self, pool => {
            sqlx::query_as(sql)
                .bind(group.to_string())
                .bind(workspace.to_string())
                .fetch_all(pool)
                .await
        })?;
        rows.into_iter().map(into_series).collect()
    }

    /// How many months after a series of `workspace` closes its
    /// participants' pseudonyms and return codes are erased (the
    /// workspace's setting, 12 unless changed).
    pub async fn series_retention_months(&self, workspace: WorkspaceId) -> Result<u32, StoreError> {
        let months: i64 = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT retention_months FROM workspaces WHERE id = $1")
                .bind(workspace.to_string())
                .fetch_one(pool)
                .await
        })?;
        u32::try_from(months)
            .map_err(|_| StoreError::Corrupt(format!("workspaces.retention_months = {months}")))
    }
}
