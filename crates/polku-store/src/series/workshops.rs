//! The workshops of a series with their agendas.

use polku_domain::{
    AgendaItem, GroupId, Method, NewWorkshop, SeriesId, Workshop, WorkshopId, WorkspaceId,
};
use time::OffsetDateTime;

use super::lock_open_series;
use crate::rows::parse_column;
use crate::{Store, StoreError, from_millis, millis, now_millis, with_pool, write_tx};

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

/// Writes the agenda of workshop `$id` (a `WorkshopId`), in order.
macro_rules! insert_agenda {
    ($tx:ident, $id:expr, $agenda:expr) => {
        for (position, item) in (0_i64..).zip($agenda) {
            sqlx::query(
                "INSERT INTO workshop_agenda_items (workshop_id, position, method, text) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind($id.to_string())
            .bind(position)
            .bind(item.method.map(Method::as_str))
            .bind(&item.text)
            .execute(&mut *$tx)
            .await?;
        }
    };
}

impl Store {
    /// Adds a workshop with its agenda to a series.
    pub async fn add_workshop(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        workshop: &NewWorkshop,
    ) -> Result<Workshop, StoreError> {
        let id = WorkshopId::new();
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
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
            insert_agenda!(tx, id, &workshop.agenda);
        });
        Ok(Workshop {
            id,
            details: workshop.clone(),
        })
    }

    /// Replaces a workshop's day, time, duration, place and agenda; its id
    /// (and so its calendar UID) stays. `NotFound` when it is not in that
    /// series of that group of `workspace`.
    pub async fn update_workshop(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        workshop: WorkshopId,
        details: &NewWorkshop,
    ) -> Result<Workshop, StoreError> {
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
            let changed = sqlx::query(
                "UPDATE workshops SET starts_at = $1, duration_minutes = $2, place = $3 \
                 WHERE id = $4 AND series_id = $5",
            )
            .bind(millis(details.starts_at))
            .bind(i64::from(details.duration_minutes))
            .bind(&details.place)
            .bind(workshop.to_string())
            .bind(series.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM workshop_agenda_items WHERE workshop_id = $1")
                .bind(workshop.to_string())
                .execute(&mut *tx)
                .await?;
            insert_agenda!(tx, workshop, &details.agenda);
        });
        Ok(Workshop {
            id: workshop,
            details: details.clone(),
        })
    }

    /// One workshop of a series, with its agenda.
    pub async fn workshop(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        workshop: WorkshopId,
    ) -> Result<Workshop, StoreError> {
        self.list_workshops(workspace, group, series)
            .await?
            .into_iter()
            .find(|w| w.id == workshop)
            .ok_or(StoreError::NotFound)
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
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
            let removed = sqlx::query("DELETE FROM workshops WHERE id = $1 AND series_id = $2")
                .bind(workshop.to_string())
                .bind(series.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if removed == 0 {
                return Err(StoreError::NotFound);
            }
        });
        Ok(())
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
}
