//! Development groups of a workspace: what their facilitators write about
//! them, their facilitators, and the id of their public invitation page.

use polku_domain::{
    DevelopmentGroup, ErrorCode, GroupDetails, GroupId, LocalizedText, PublicGroupId, UserId,
    WorkspaceId,
};
use time::Date;
use time::format_description::well_known::Iso8601;

use crate::rows::parse_column;
use crate::{Store, StoreError, now_millis, with_pool, write_tx};

/// The columns a [`GroupRow`] reads, for `concat!` into static SQL.
macro_rules! group_columns {
    () => {
        "id, workspace_id, public_id, name_fi, name_sv, name_en, area, description, \
         ground_rules, ground_rules_agreed_on, contact"
    };
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    id: String,
    workspace_id: String,
    public_id: Option<String>,
    name_fi: String,
    name_sv: Option<String>,
    name_en: Option<String>,
    area: String,
    description: String,
    ground_rules: String,
    ground_rules_agreed_on: Option<String>,
    contact: String,
}

impl GroupRow {
    fn into_group(self, facilitators: Vec<UserId>) -> Result<DevelopmentGroup, StoreError> {
        let public_id = self.public_id.unwrap_or_default();
        Ok(DevelopmentGroup {
            id: parse_column(&self.id, "development_groups.id")?,
            workspace_id: parse_column(&self.workspace_id, "development_groups.workspace_id")?,
            public_id: parse_column(&public_id, "development_groups.public_id")?,
            details: GroupDetails {
                name: LocalizedText {
                    fi: self.name_fi,
                    sv: self.name_sv,
                    en: self.name_en,
                },
                area: self.area,
                description: self.description,
                ground_rules: self.ground_rules,
                ground_rules_agreed_on: self
                    .ground_rules_agreed_on
                    .as_deref()
                    .map(|d| parse_date(d, "development_groups.ground_rules_agreed_on"))
                    .transpose()?,
                contact: self.contact,
                facilitators,
            },
        })
    }
}

/// A stored calendar day (`YYYY-MM-DD`).
pub(crate) fn parse_date(value: &str, column: &str) -> Result<Date, StoreError> {
    Date::parse(value, &Iso8601::DATE)
        .map_err(|_| StoreError::Corrupt(format!("{column} = {value:?}")))
}

/// A calendar day as stored.
pub(crate) fn date_text(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Sets a group's facilitators inside a transaction: each must be a member
/// of the workspace with the role facilitator or owner, or the whole change
/// is refused with `Conflict(NotAFacilitator)`.
macro_rules! set_facilitators {
    ($tx:ident, $workspace:expr, $group:expr, $facilitators:expr) => {
        sqlx::query("DELETE FROM group_facilitators WHERE group_id = $1")
            .bind($group.to_string())
            .execute(&mut *$tx)
            .await?;
        for user in $facilitators {
            let added = sqlx::query(
                "INSERT INTO group_facilitators (group_id, user_id) \
                 SELECT $1, user_id FROM memberships \
                 WHERE workspace_id = $2 AND user_id = $3 AND role IN ('owner', 'facilitator')",
            )
            .bind($group.to_string())
            .bind($workspace.to_string())
            .bind(user.to_string())
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if added == 0 {
                return Err(StoreError::Conflict(ErrorCode::NotAFacilitator));
            }
        }
    };
}

impl Store {
    /// Creates a development group in `workspace` with a fresh public id.
    pub async fn create_group(
        &self,
        workspace: WorkspaceId,
        details: &GroupDetails,
    ) -> Result<DevelopmentGroup, StoreError> {
        let id = GroupId::new();
        let public_id = PublicGroupId::new();
        let d = details;
        write_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO development_groups (id, workspace_id, public_id, name_fi, name_sv, \
                 name_en, area, description, ground_rules, ground_rules_agreed_on, contact, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(id.to_string())
            .bind(workspace.to_string())
            .bind(public_id.as_str())
            .bind(&d.name.fi)
            .bind(d.name.sv.as_deref())
            .bind(d.name.en.as_deref())
            .bind(&d.area)
            .bind(&d.description)
            .bind(&d.ground_rules)
            .bind(d.ground_rules_agreed_on.map(date_text))
            .bind(&d.contact)
            .bind(now_millis())
            .execute(&mut *tx)
            .await?;
            set_facilitators!(tx, workspace, id, &d.facilitators);
        });
        Ok(DevelopmentGroup {
            id,
            workspace_id: workspace,
            public_id,
            details: details.clone(),
        })
    }

    /// Replaces what is written about a group of `workspace`, facilitators
    /// included; `NotFound` when the group is not in the workspace.
    pub async fn update_group(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        details: &GroupDetails,
    ) -> Result<DevelopmentGroup, StoreError> {
        let d = details;
        write_tx!(self, tx => {
            let changed = sqlx::query(
                "UPDATE development_groups SET name_fi = $1, name_sv = $2, name_en = $3, \
                 area = $4, description = $5, ground_rules = $6, ground_rules_agreed_on = $7, \
                 contact = $8 WHERE id = $9 AND workspace_id = $10",
            )
            .bind(&d.name.fi)
            .bind(d.name.sv.as_deref())
            .bind(d.name.en.as_deref())
            .bind(&d.area)
            .bind(&d.description)
            .bind(&d.ground_rules)
            .bind(d.ground_rules_agreed_on.map(date_text))
            .bind(&d.contact)
            .bind(group.to_string())
            .bind(workspace.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            set_facilitators!(tx, workspace, group, &d.facilitators);
        });
        self.group(workspace, group).await
    }

    /// A group of `workspace`; `NotFound` for another workspace's.
    pub async fn group(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
    ) -> Result<DevelopmentGroup, StoreError> {
        let sql = concat!(
            "SELECT ",
            group_columns!(),
            " FROM development_groups WHERE id = $1 AND workspace_id = $2"
        );
        let row: GroupRow = with_pool!(self, pool => {
            sqlx::query_as(sql)
                .bind(group.to_string())
                .bind(workspace.to_string())
                .fetch_one(pool)
                .await
        })?;
        let facilitators = self.group_facilitators(group).await?;
        row.into_group(facilitators)
    }

    /// The group whose invitation page has `public_id`, in any workspace.
    pub async fn group_by_public_id(
        &self,
        public_id: &PublicGroupId,
    ) -> Result<DevelopmentGroup, StoreError> {
        let sql = concat!(
            "SELECT ",
            group_columns!(),
            " FROM development_groups WHERE public_id = $1"
        );
        let row: GroupRow = with_pool!(self, pool => {
            sqlx::query_as(sql)
                .bind(public_id.as_str())
                .fetch_one(pool)
                .await
        })?;
        let id: GroupId = parse_column(&row.id, "development_groups.id")?;
        let facilitators = self.group_facilitators(id).await?;
        row.into_group(facilitators)
    }

    async fn group_facilitators(&self, group: GroupId) -> Result<Vec<UserId>, StoreError> {
        let rows: Vec<(String,)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT user_id FROM group_facilitators WHERE group_id = $1 ORDER BY user_id",
            )
            .bind(group.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.iter()
            .map(|(id,)| parse_column(id, "group_facilitators.user_id"))
            .collect()
    }

    /// The workspace's development groups, by Finnish name.
    pub async fn list_groups(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<DevelopmentGroup>, StoreError> {
        let sql = concat!(
            "SELECT ",
            group_columns!(),
            " FROM development_groups WHERE workspace_id = $1 \
             ORDER BY name_fi, id"
        );
        let rows: Vec<GroupRow> = with_pool!(self, pool => {
            sqlx::query_as(sql)
                .bind(workspace.to_string())
                .fetch_all(pool)
                .await
        })?;
        let links: Vec<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT f.group_id, f.user_id FROM group_facilitators f \
                 JOIN development_groups g ON g.id = f.group_id \
                 WHERE g.workspace_id = $1 ORDER BY f.user_id",
            )
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|row| {
                let facilitators = links
                    .iter()
                    .filter(|(g, _)| *g == row.id)
                    .map(|(_, u)| parse_column(u, "group_facilitators.user_id"))
                    .collect::<Result<Vec<UserId>, _>>()?;
                row.into_group(facilitators)
            })
            .collect()
    }
}
