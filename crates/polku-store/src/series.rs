//! Workshop series of a group, their workshops with agendas, and their
//! data-collection periods. Every method takes the workspace and the group
//! and joins up to them in SQL, so another workspace's ids find nothing.

use polku_domain::{
    AgendaItem, CollectionPeriod, GroupId, Method, NewCollectionPeriod, NewWorkshop, PeriodId,
    Phase, SeriesId, SeriesName, Workshop, WorkshopId, WorkshopSeries, WorkspaceId,
};
use time::OffsetDateTime;

use crate::groups::{date_text, parse_date};
use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, execute_one, from_millis, millis, now_millis, with_pool, write_tx};

/// The series `$series` of group `$group` in `$workspace`, as a join
/// condition on `s` (workshop_series) and `g` (development_groups).
macro_rules! series_in_workspace {
    () => {
        " JOIN development_groups g ON g.id = s.group_id \
         WHERE s.id = $1 AND s.group_id = $2 AND g.workspace_id = $3"
    };
}

type SeriesRow = (String, String, String, String);

fn into_series((id, group, name, phase): SeriesRow) -> Result<WorkshopSeries, StoreError> {
    Ok(WorkshopSeries {
        id: parse_column(&id, "workshop_series.id")?,
        group_id: parse_column(&group, "workshop_series.group_id")?,
        name: validated(SeriesName::parse(&name), "workshop_series.name", &name)?,
        phase: parse_column(&phase, "workshop_series.phase")?,
    })
}

/// A workshop still to come, as a group's invitation page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpcomingWorkshop {
    /// The name of its series.
    pub series_name: String,
    /// When it starts.
    pub starts_at: OffsetDateTime,
    /// How long it lasts, in minutes.
    pub duration_minutes: u16,
    /// Where.
    pub place: String,
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
        })
    }

    /// Renames a series and moves it to `phase`.
    pub async fn update_series(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        name: &SeriesName,
        phase: Phase,
    ) -> Result<WorkshopSeries, StoreError> {
        execute_one!(
            self,
            sqlx::query(
                "UPDATE workshop_series SET name = $1, phase = $2 \
                 WHERE id = $3 AND group_id = $4 AND group_id IN \
                 (SELECT id FROM development_groups WHERE workspace_id = $5)",
            )
            .bind(name.as_str())
            .bind(phase.as_str())
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
        let sql = concat!(
            "SELECT s.id, s.group_id, s.name, s.phase FROM workshop_series s",
            series_in_workspace!()
        );
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
        let rows: Vec<SeriesRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT s.id, s.group_id, s.name, s.phase FROM workshop_series s \
                 JOIN development_groups g ON g.id = s.group_id \
                 WHERE s.group_id = $1 AND g.workspace_id = $2 ORDER BY s.created_at, s.id",
            )
            .bind(group.to_string())
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(into_series).collect()
    }

    /// Adds a workshop with its agenda to a series.
    pub async fn add_workshop(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        workshop: &NewWorkshop,
    ) -> Result<Workshop, StoreError> {
        let id = WorkshopId::new();
        let check = concat!("SELECT s.id FROM workshop_series s", series_in_workspace!());
        write_tx!(self, tx => {
            let found: Option<(String,)> = sqlx::query_as(check)
                .bind(series.to_string())
                .bind(group.to_string())
                .bind(workspace.to_string())
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::NotFound);
            }
            sqlx::query(
                "INSERT INTO workshops (id, series_id, starts_at, duration_minutes, place, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(series.to_string())
            .bind(millis(workshop.starts_at))
            .bind(i64::from(workshop.duration_minutes))
            .bind(&workshop.place)
            .bind(now_millis())
            .execute(&mut *tx)
            .await?;
            for (position, item) in (0_i64..).zip(&workshop.agenda) {
                sqlx::query(
                    "INSERT INTO workshop_agenda_items (workshop_id, position, method, text) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(id.to_string())
                .bind(position)
                .bind(item.method.map(Method::as_str))
                .bind(&item.text)
                .execute(&mut *tx)
                .await?;
            }
        });
        Ok(Workshop {
            id,
            details: workshop.clone(),
        })
    }

    /// The workshops of a series with their agendas, in time order.
    pub async fn list_workshops(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
    ) -> Result<Vec<Workshop>, StoreError> {
        let rows: Vec<(String, i64, i64, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT w.id, w.starts_at, w.duration_minutes, w.place FROM workshops w \
                 JOIN workshop_series s ON s.id = w.series_id \
                 JOIN development_groups g ON g.id = s.group_id \
                 WHERE w.series_id = $1 AND s.group_id = $2 AND g.workspace_id = $3 \
                 ORDER BY w.starts_at, w.id",
            )
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        let items: Vec<(String, Option<String>, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT a.workshop_id, a.method, a.text FROM workshop_agenda_items a \
                 JOIN workshops w ON w.id = a.workshop_id \
                 WHERE w.series_id = $1 ORDER BY a.workshop_id, a.position",
            )
            .bind(series.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, starts_at, minutes, place)| {
                let agenda = items
                    .iter()
                    .filter(|(w, _, _)| *w == id)
                    .map(|(_, method, text)| {
                        Ok(AgendaItem {
                            method: method
                                .as_deref()
                                .map(|m| parse_column(m, "workshop_agenda_items.method"))
                                .transpose()?,
                            text: text.clone(),
                        })
                    })
                    .collect::<Result<Vec<_>, StoreError>>()?;
                Ok(Workshop {
                    id: parse_column(&id, "workshops.id")?,
                    details: NewWorkshop {
                        starts_at: from_millis(starts_at),
                        duration_minutes: u16::try_from(minutes).map_err(|_| {
                            StoreError::Corrupt(format!("workshops.duration_minutes = {minutes}"))
                        })?,
                        place,
                        agenda,
                    },
                })
            })
            .collect()
    }

    /// Removes a workshop (and its agenda) of a series; `NotFound` when it
    /// is not in that series of that group of `workspace`.
    pub async fn remove_workshop(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        workshop: WorkshopId,
    ) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query(
                "DELETE FROM workshops WHERE id = $1 AND series_id = $2 AND series_id IN \
                 (SELECT s.id FROM workshop_series s \
                  JOIN development_groups g ON g.id = s.group_id \
                  WHERE s.group_id = $3 AND g.workspace_id = $4)",
            )
            .bind(workshop.to_string())
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
        )
    }

    /// The workshops of every series of a group that end after `after`, in
    /// time order (for the invitation page).
    pub async fn upcoming_workshops(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        after: OffsetDateTime,
    ) -> Result<Vec<UpcomingWorkshop>, StoreError> {
        let rows: Vec<(String, i64, i64, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT s.name, w.starts_at, w.duration_minutes, w.place FROM workshops w \
                 JOIN workshop_series s ON s.id = w.series_id \
                 JOIN development_groups g ON g.id = s.group_id \
                 WHERE s.group_id = $1 AND g.workspace_id = $2 \
                 AND w.starts_at + w.duration_minutes * 60000 > $3 \
                 ORDER BY w.starts_at, w.id",
            )
            .bind(group.to_string())
            .bind(workspace.to_string())
            .bind(millis(after))
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(series_name, at, minutes, place)| UpcomingWorkshop {
                series_name,
                starts_at: from_millis(at),
                duration_minutes: u16::try_from(minutes).unwrap_or(0),
                place,
            })
            .collect())
    }

    /// Adds a data-collection period to a series.
    pub async fn add_collection_period(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        period: &NewCollectionPeriod,
    ) -> Result<CollectionPeriod, StoreError> {
        let id = PeriodId::new();
        execute_one!(
            self,
            sqlx::query(
                "INSERT INTO collection_periods (id, series_id, starts_on, ends_on, what, \
                 created_at) SELECT $1, s.id, $2, $3, $4, $5 FROM workshop_series s \
                 JOIN development_groups g ON g.id = s.group_id \
                 WHERE s.id = $6 AND s.group_id = $7 AND g.workspace_id = $8",
            )
            .bind(id.to_string())
            .bind(date_text(period.starts_on))
            .bind(date_text(period.ends_on))
            .bind(&period.what)
            .bind(now_millis())
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
        )?;
        Ok(CollectionPeriod {
            id,
            details: period.clone(),
        })
    }

    /// The data-collection periods of a series, by start.
    pub async fn list_collection_periods(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
    ) -> Result<Vec<CollectionPeriod>, StoreError> {
        let rows: Vec<(String, String, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT p.id, p.starts_on, p.ends_on, p.what FROM collection_periods p \
                 JOIN workshop_series s ON s.id = p.series_id \
                 JOIN development_groups g ON g.id = s.group_id \
                 WHERE p.series_id = $1 AND s.group_id = $2 AND g.workspace_id = $3 \
                 ORDER BY p.starts_on, p.id",
            )
            .bind(series.to_string())
            .bind(group.to_string())
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, starts_on, ends_on, what)| {
                Ok(CollectionPeriod {
                    id: parse_column(&id, "collection_periods.id")?,
                    details: NewCollectionPeriod {
                        starts_on: parse_date(&starts_on, "collection_periods.starts_on")?,
                        ends_on: parse_date(&ends_on, "collection_periods.ends_on")?,
                        what,
                    },
                })
            })
            .collect()
    }
}
