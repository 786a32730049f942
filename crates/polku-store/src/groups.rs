//! Development groups of a workspace.

use polku_domain::{DevelopmentGroup, GroupId, LocalizedText, WorkspaceId};

use crate::rows::parse_column;
use crate::{Store, StoreError, execute, now_millis, with_pool};

impl Store {
    /// Creates a development group in `workspace`.
    pub async fn create_group(
        &self,
        workspace: WorkspaceId,
        name: &LocalizedText,
    ) -> Result<DevelopmentGroup, StoreError> {
        let id = GroupId::new();
        execute!(self, sqlx::query(
                "INSERT INTO development_groups (id, workspace_id, name_fi, name_sv, name_en, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(workspace.to_string())
            .bind(&name.fi)
            .bind(name.sv.as_deref())
            .bind(name.en.as_deref())
            .bind(now_millis()))?;
        Ok(DevelopmentGroup {
            id,
            workspace_id: workspace,
            name: name.clone(),
        })
    }

    /// The workspace's development groups, by Finnish name.
    pub async fn list_groups(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<DevelopmentGroup>, StoreError> {
        let rows: Vec<(String, String, Option<String>, Option<String>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, name_fi, name_sv, name_en FROM development_groups \
                 WHERE workspace_id = $1 ORDER BY name_fi, id",
            )
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, fi, sv, en)| {
                Ok(DevelopmentGroup {
                    id: parse_column(&id, "development_groups.id")?,
                    workspace_id: workspace,
                    name: LocalizedText { fi, sv, en },
                })
            })
            .collect()
    }
}
