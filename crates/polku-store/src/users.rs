//! Accounts: facilitators, managers and admins.

use polku_domain::{DisplayName, Email, ErrorCode, UserId};
use time::OffsetDateTime;

use crate::rows::{parse_column, validated};
use crate::{
    Store, StoreError, execute, execute_one, from_millis, now_millis, with_pool, write_tx,
};

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The account's id.
    pub id: UserId,
    /// Login e-mail.
    pub email: Email,
    /// Display name.
    pub name: DisplayName,
    /// Whether the account sees and manages every workspace.
    pub is_admin: bool,
    /// When it was created.
    pub created_at: OffsetDateTime,
}

/// What it takes to create an account; the password arrives already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login e-mail.
    pub email: Email,
    /// Display name.
    pub name: DisplayName,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Whether the account is an admin.
    pub is_admin: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: String,
    email: String,
    name: String,
    is_admin: bool,
    created_at: i64,
}

impl UserRow {
    pub(crate) fn into_user(self) -> Result<User, StoreError> {
        Ok(User {
            id: parse_column(&self.id, "users.id")?,
            email: validated(Email::parse(&self.email), "users.email", &self.email)?,
            name: validated(DisplayName::parse(&self.name), "users.name", &self.name)?,
            is_admin: self.is_admin,
            created_at: from_millis(self.created_at),
        })
    }
}

impl Store {
    /// Creates an account; `Conflict(ErrorCode::EmailTaken)` if the e-mail is in use.
    pub async fn create_user(&self, new: &NewUser) -> Result<User, StoreError> {
        let id = UserId::new();
        let now = now_millis();
        execute!(
            self,
            sqlx::query(
                "INSERT INTO users (id, email, name, password_hash, is_admin, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(new.email.as_str())
            .bind(new.name.as_str())
            .bind(&new.password_hash)
            .bind(new.is_admin)
            .bind(now)
        )
        .map_err(|e| e.named_conflict(ErrorCode::EmailTaken))?;
        Ok(User {
            id,
            email: new.email.clone(),
            name: new.name.clone(),
            is_admin: new.is_admin,
            created_at: from_millis(now),
        })
    }

    /// The account with this e-mail and its password hash, for logging in.
    pub async fn find_user_with_password(
        &self,
        email: &Email,
    ) -> Result<Option<(User, String)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            password_hash: String,
        }
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, email, name, is_admin, created_at, password_hash FROM users WHERE email = $1",
            )
            .bind(email.as_str())
            .fetch_optional(pool)
            .await
        })?;
        row.map(|r| Ok((r.user.into_user()?, r.password_hash)))
            .transpose()
    }

    /// The account with this e-mail.
    pub async fn find_user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, email, name, is_admin, created_at FROM users WHERE email = $1")
                .bind(email.as_str())
                .fetch_optional(pool)
                .await
        })?;
        row.map(UserRow::into_user).transpose()
    }

    /// The account with this id.
    pub async fn user(&self, id: UserId) -> Result<User, StoreError> {
        let row: Option<UserRow> = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, email, name, is_admin, created_at FROM users WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(pool)
                .await
        })?;
        row.ok_or(StoreError::NotFound)?.into_user()
    }

    /// Replaces an account's password hash (nothing else changes; see
    /// [`Store::change_password`] for the change a person makes).
    pub async fn set_password_hash(&self, user: UserId, hash: &str) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user.to_string())
        )
    }

    /// Changes an account's display name.
    pub async fn set_user_name(&self, user: UserId, name: &DisplayName) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
                .bind(name.as_str())
                .bind(user.to_string())
        )
    }

    /// Sets a new password hash, ends every login session of the account but
    /// the one under `keep` (the id hash of the session making the change, if
    /// any) and voids its unused reset links, in one transaction. Returns how
    /// many sessions ended.
    pub async fn change_password(
        &self,
        user: UserId,
        hash: &str,
        keep: Option<&str>,
    ) -> Result<u64, StoreError> {
        let ended = write_tx!(self, tx => {
            let changed = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM login_sessions WHERE user_id = $1 AND id_hash <> $2")
                .bind(user.to_string())
                .bind(keep.unwrap_or_default())
                .execute(&mut *tx)
                .await?
                .rows_affected()
        });
        Ok(ended)
    }
}
