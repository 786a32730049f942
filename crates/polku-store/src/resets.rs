//! One-time password reset links, stored by the hash of their secret.

use polku_domain::UserId;
use time::OffsetDateTime;

use crate::users::UserRow;
use crate::{Store, StoreError, User, from_millis, millis, now_millis, with_pool, write_tx};

/// A stored reset link with the account it resets.
#[derive(Debug, Clone)]
pub struct PasswordReset {
    /// The account whose password it sets.
    pub user: User,
    /// From this moment on the link no longer works.
    pub expires_at: OffsetDateTime,
    /// When it was used, if it was.
    pub used_at: Option<OffsetDateTime>,
}

impl PasswordReset {
    /// Whether the link can still be used at `now`.
    pub fn is_usable(&self, now: OffsetDateTime) -> bool {
        self.used_at.is_none() && now < self.expires_at
    }
}

impl Store {
    /// Stores a new reset link for `user` valid until `expires_at`, voiding
    /// the account's earlier unused links: only the newest one works.
    pub async fn create_password_reset(
        &self,
        user: UserId,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        write_tx!(self, tx => {
            sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash)
            .bind(user.to_string())
            .bind(now)
            .bind(millis(expires_at))
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// The reset link whose secret has this hash, used or not.
    pub async fn find_password_reset(
        &self,
        token_hash: &str,
    ) -> Result<Option<PasswordReset>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            expires_at: i64,
            used_at: Option<i64>,
        }
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT users.id, users.email, users.name, users.is_admin, users.created_at, \
                 password_resets.expires_at, password_resets.used_at \
                 FROM password_resets JOIN users ON users.id = password_resets.user_id \
                 WHERE password_resets.token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|r| {
            Ok(PasswordReset {
                user: r.user.into_user()?,
                expires_at: from_millis(r.expires_at),
                used_at: r.used_at.map(from_millis),
            })
        })
        .transpose()
    }

    /// Uses the reset link under `token_hash` at `now`: marks it used, sets
    /// the account's password hash and ends all its login sessions, in one
    /// transaction. `None` (and no change) when the link is unknown, used or
    /// expired, also when two uses race.
    pub async fn use_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UserId>, StoreError> {
        let at = millis(now);
        let user = write_tx!(self, tx => {
            // The guarded update claims the link; of two racing uses only one
            // changes a row.
            let claimed = sqlx::query(
                "UPDATE password_resets SET used_at = $1 \
                 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
            )
            .bind(at)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                return Ok(None);
            }
            let user: String =
                sqlx::query_scalar("SELECT user_id FROM password_resets WHERE token_hash = $1")
                    .bind(token_hash)
                    .fetch_one(&mut *tx)
                    .await?;
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(&user)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM login_sessions WHERE user_id = $1")
                .bind(&user)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
                .bind(&user)
                .execute(&mut *tx)
                .await?;
            Some(user)
        });
        user.map(|u| crate::rows::parse_column(&u, "password_resets.user_id"))
            .transpose()
    }

    /// Removes reset links that expired before `before`; returns how many went.
    pub async fn delete_expired_password_resets(
        &self,
        before: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        crate::execute!(
            self,
            sqlx::query("DELETE FROM password_resets WHERE expires_at < $1").bind(millis(before))
        )
    }
}
