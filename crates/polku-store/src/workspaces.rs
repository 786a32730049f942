//! Workspaces and their memberships.

use polku_domain::{
    AuditAction, DisplayName, Email, ErrorCode, Member, RetentionMonths, Role, SmallGroupThreshold,
    UserId, Workspace, WorkspaceId, WorkspaceName, WorkspaceSettings,
};

use crate::audit::{NewAuditEvent, record_audit};
use crate::rows::{parse_column, validated};
use crate::{
    Store, StoreError, User, execute, execute_one, from_millis, now_millis, with_pool, write_tx,
};

/// First statement of every transaction that could take away a workspace's
/// last owner: locks the workspace's row, so such transactions run one after
/// another (decision 0008). SQLite's `BEGIN IMMEDIATE` already serialises
/// writers; on PostgreSQL (READ COMMITTED) a second transaction waits here
/// for the first to commit, and its next statements see that commit.
/// `NotFound` when the workspace is gone.
macro_rules! lock_workspace {
    ($tx:ident, $workspace:expr) => {
        let locked = sqlx::query("UPDATE workspaces SET name = name WHERE id = $1")
            .bind($workspace.to_string())
            .execute(&mut *$tx)
            .await?
            .rows_affected();
        if locked == 0 {
            return Err(StoreError::NotFound);
        }
    };
}

/// A member's role read inside a transaction; `NotFound` when not a member.
macro_rules! member_role_in {
    ($tx:ident, $workspace:expr, $user:expr) => {{
        let role: Option<String> = sqlx::query_scalar(
            "SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2",
        )
        .bind($workspace.to_string())
        .bind($user.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        match role {
            Some(role) => parse_column::<Role>(&role, "memberships.role")?,
            None => return Err(StoreError::NotFound),
        }
    }};
}

/// `Conflict(LastOwner)` unless the workspace has another owner; run after
/// `lock_workspace!` in the same transaction.
macro_rules! refuse_last_owner {
    ($tx:ident, $workspace:expr) => {
        let owners: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
        )
        .bind($workspace.to_string())
        .fetch_one(&mut *$tx)
        .await?;
        if owners <= 1 {
            return Err(StoreError::Conflict(ErrorCode::LastOwner));
        }
    };
}

#[derive(sqlx::FromRow)]
struct WorkspaceRow {
    id: String,
    name: String,
    created_at: i64,
    small_group_threshold: i64,
    retention_months: i64,
}

impl WorkspaceRow {
    fn into_workspace(self) -> Result<Workspace, StoreError> {
        Ok(Workspace {
            id: parse_column(&self.id, "workspaces.id")?,
            name: validated(
                WorkspaceName::parse(&self.name),
                "workspaces.name",
                &self.name,
            )?,
            created_at: from_millis(self.created_at),
            settings: settings_of(self.small_group_threshold, self.retention_months)?,
        })
    }
}

/// Stored settings back as domain values.
fn settings_of(threshold: i64, months: i64) -> Result<WorkspaceSettings, StoreError> {
    Ok(WorkspaceSettings {
        small_group_threshold: validated(
            SmallGroupThreshold::new(threshold),
            "workspaces.small_group_threshold",
            &threshold.to_string(),
        )?,
        retention_months: validated(
            RetentionMonths::new(months),
            "workspaces.retention_months",
            &months.to_string(),
        )?,
    })
}

/// A change of a workspace's privacy settings; a `None` keeps the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkspaceSettingsChange {
    /// The new small-group threshold, if it changes.
    pub small_group_threshold: Option<SmallGroupThreshold>,
    /// The new retention period, if it changes.
    pub retention_months: Option<RetentionMonths>,
}

/// A member's account id, name, e-mail and role.
type MemberRow = (String, String, String, String);

fn into_member((id, name, email, role): MemberRow) -> Result<Member, StoreError> {
    Ok(Member {
        user_id: parse_column(&id, "users.id")?,
        name: validated(DisplayName::parse(&name), "users.name", &name)?,
        email: validated(Email::parse(&email), "users.email", &email)?,
        role: parse_column(&role, "memberships.role")?,
    })
}

impl Store {
    /// Creates a workspace with `owner` as its first owner, in one transaction.
    pub async fn create_workspace(
        &self,
        name: &WorkspaceName,
        owner: UserId,
    ) -> Result<Workspace, StoreError> {
        let id = WorkspaceId::new();
        let now = now_millis();
        write_tx!(self, tx => {
            sqlx::query("INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)")
                .bind(id.to_string())
                .bind(name.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id.to_string())
            .bind(owner.to_string())
            .bind(Role::Owner.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        });
        Ok(Workspace {
            id,
            name: name.clone(),
            created_at: from_millis(now),
            settings: WorkspaceSettings::default(),
        })
    }

    /// Deletes a workspace and everything in it.
    pub async fn delete_workspace(&self, id: WorkspaceId) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("DELETE FROM workspaces WHERE id = $1").bind(id.to_string())
        )
    }

    /// The workspace with this id.
    pub async fn workspace(&self, id: WorkspaceId) -> Result<Workspace, StoreError> {
        let row: WorkspaceRow = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, name, created_at, small_group_threshold, retention_months \
                 FROM workspaces WHERE id = $1",
            )
                .bind(id.to_string())
                .fetch_one(pool)
                .await
        })?;
        row.into_workspace()
    }

    /// The workspace's privacy settings.
    pub async fn workspace_settings(
        &self,
        id: WorkspaceId,
    ) -> Result<WorkspaceSettings, StoreError> {
        Ok(self.workspace(id).await?.settings)
    }

    /// Changes the workspace's privacy settings in one statement, so two
    /// changes of different settings do not undo each other; gives the
    /// settings after the change.
    pub async fn update_workspace_settings(
        &self,
        id: WorkspaceId,
        change: &WorkspaceSettingsChange,
    ) -> Result<WorkspaceSettings, StoreError> {
        let row: Option<(i64, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE workspaces SET \
                 small_group_threshold = COALESCE($1, small_group_threshold), \
                 retention_months = COALESCE($2, retention_months) \
                 WHERE id = $3 RETURNING small_group_threshold, retention_months",
            )
            .bind(change.small_group_threshold.map(|t| i64::from(t.get())))
            .bind(change.retention_months.map(|m| i64::from(m.get())))
            .bind(id.to_string())
            .fetch_optional(pool)
            .await
        })?;
        let (threshold, months) = row.ok_or(StoreError::NotFound)?;
        settings_of(threshold, months)
    }

    /// The workspaces `user` may open, with the user's own role in each (`None`
    /// where an admin sees a workspace without being a member), by name.
    pub async fn list_workspaces_for(
        &self,
        user: &User,
    ) -> Result<Vec<(Workspace, Option<Role>)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            workspace: WorkspaceRow,
            role: Option<String>,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT w.id, w.name, w.created_at, w.small_group_threshold, w.retention_months, \
                 m.role FROM workspaces w \
                 LEFT JOIN memberships m ON m.workspace_id = w.id AND m.user_id = $1 \
                 WHERE m.user_id IS NOT NULL OR $2 \
                 ORDER BY w.name, w.id",
            )
            .bind(user.id.to_string())
            .bind(user.is_admin)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|r| {
                let role = r
                    .role
                    .as_deref()
                    .map(|s| parse_column(s, "memberships.role"))
                    .transpose()?;
                Ok((r.workspace.into_workspace()?, role))
            })
            .collect()
    }

    /// `user`'s role in the workspace, `None` if not a member.
    pub async fn member_role(
        &self,
        workspace: WorkspaceId,
        user: UserId,
    ) -> Result<Option<Role>, StoreError> {
        let role: Option<String> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind(workspace.to_string())
                .bind(user.to_string())
                .fetch_optional(pool)
                .await
        })?;
        role.as_deref()
            .map(|s| parse_column(s, "memberships.role"))
            .transpose()
    }

    /// One member of the workspace; `NotFound` when not a member.
    pub async fn member(&self, workspace: WorkspaceId, user: UserId) -> Result<Member, StoreError> {
        let row: MemberRow = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT u.id, u.name, u.email, m.role FROM memberships m \
                 JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2",
            )
            .bind(workspace.to_string())
            .bind(user.to_string())
            .fetch_one(pool)
            .await
        })?;
        into_member(row)
    }

    /// The workspace's members, owners first, then by name.
    pub async fn list_members(&self, workspace: WorkspaceId) -> Result<Vec<Member>, StoreError> {
        let rows: Vec<MemberRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT u.id, u.name, u.email, m.role FROM memberships m \
                 JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1",
            )
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        let mut members = rows
            .into_iter()
            .map(into_member)
            .collect::<Result<Vec<_>, StoreError>>()?;
        members.sort_by(|a, b| {
            b.role.cmp(&a.role).then_with(|| {
                a.name
                    .as_str()
                    .to_lowercase()
                    .cmp(&b.name.as_str().to_lowercase())
            })
        });
        Ok(members)
    }

    /// Adds `user` with `role` directly, for seeding and tests; people join
    /// through invitations. `Conflict(ErrorCode::AlreadyMember)` if present.
    pub async fn add_member(
        &self,
        workspace: WorkspaceId,
        user: UserId,
        role: Role,
    ) -> Result<(), StoreError> {
        execute!(self, sqlx::query(
                "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(workspace.to_string())
            .bind(user.to_string())
            .bind(role.as_str())
            .bind(now_millis()))
        .map_err(|e| e.named_conflict(ErrorCode::AlreadyMember))?;
        Ok(())
    }

    /// Removes `user` from the workspace on behalf of `actor` and records it.
    /// The last owner cannot be removed (`Conflict(ErrorCode::LastOwner)`),
    /// also when two removals race (decision 0008). Gives the role the
    /// member had.
    pub async fn remove_member(
        &self,
        workspace: WorkspaceId,
        user: UserId,
        actor: UserId,
    ) -> Result<Role, StoreError> {
        let now = now_millis();
        let role = write_tx!(self, tx => {
            lock_workspace!(tx, workspace);
            let role = member_role_in!(tx, workspace, user);
            if role == Role::Owner {
                refuse_last_owner!(tx, workspace);
            }
            sqlx::query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind(workspace.to_string())
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?;
            record_audit!(tx, NewAuditEvent {
                workspace,
                at: now,
                actor,
                action: AuditAction::MemberRemoved,
                target: &user.to_string(),
                role: Some(role),
            });
            role
        });
        Ok(role)
    }

    /// Gives member `user` the role `role` on behalf of `actor` and records
    /// it; an unchanged role is not recorded. The last owner keeps the role
    /// (`Conflict(ErrorCode::LastOwner)`), also under races. Gives the role
    /// the member had.
    pub async fn change_member_role(
        &self,
        workspace: WorkspaceId,
        user: UserId,
        role: Role,
        actor: UserId,
    ) -> Result<Role, StoreError> {
        let now = now_millis();
        let before = write_tx!(self, tx => {
            lock_workspace!(tx, workspace);
            let before = member_role_in!(tx, workspace, user);
            if before != role {
                if before == Role::Owner {
                    refuse_last_owner!(tx, workspace);
                }
                sqlx::query("UPDATE memberships SET role = $1 WHERE workspace_id = $2 AND user_id = $3")
                    .bind(role.as_str())
                    .bind(workspace.to_string())
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                record_audit!(tx, NewAuditEvent {
                    workspace,
                    at: now,
                    actor,
                    action: AuditAction::RoleChanged,
                    target: &user.to_string(),
                    role: Some(role),
                });
            }
            before
        });
        Ok(before)
    }

    /// Whether an account with `email` is a member of the workspace.
    pub async fn is_member_email(
        &self,
        workspace: WorkspaceId,
        email: &Email,
    ) -> Result<bool, StoreError> {
        let found: Option<i32> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.workspace_id = $1 AND u.email = $2",
            )
            .bind(workspace.to_string())
            .bind(email.as_str())
            .fetch_optional(pool)
            .await
        })?;
        Ok(found.is_some())
    }
}
