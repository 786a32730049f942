//! The data-collection periods of a series.

use polku_domain::{
    CollectionPeriod, GroupId, NewCollectionPeriod, PeriodId, SeriesId, WorkspaceId,
};

use super::lock_open_series;
use crate::groups::{date_text, parse_date};
use crate::rows::parse_column;
use crate::{Store, StoreError, now_millis, with_pool, write_tx};

impl Store {
    /// Adds a data-collection period to a series.
    pub async fn add_collection_period(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        period: &NewCollectionPeriod,
    ) -> Result<CollectionPeriod, StoreError> {
        let id = PeriodId::new();
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
            sqlx::query(
                "INSERT INTO collection_periods (id, series_id, starts_on, ends_on, what, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(series.to_string())
            .bind(date_text(period.starts_on))
            .bind(date_text(period.ends_on))
            .bind(&period.what)
            .bind(now_millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(CollectionPeriod {
            id,
            details: period.clone(),
        })
    }

    /// One data-collection period of a series.
    pub async fn collection_period(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        period: PeriodId,
    ) -> Result<CollectionPeriod, StoreError> {
        self.list_collection_periods(workspace, group, series)
            .await?
            .into_iter()
            .find(|p| p.id == period)
            .ok_or(StoreError::NotFound)
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

    /// Removes a data-collection period of a series; `NotFound` when it is
    /// not in that series of that group of `workspace`.
    pub async fn remove_collection_period(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        series: SeriesId,
        period: PeriodId,
    ) -> Result<(), StoreError> {
        write_tx!(self, tx => {
            lock_open_series!(tx, workspace, group, series);
            let removed =
                sqlx::query("DELETE FROM collection_periods WHERE id = $1 AND series_id = $2")
                    .bind(period.to_string())
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
}
