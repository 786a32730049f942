//! Login sessions of the pages, stored by the hash of their cookie value.

use polku_domain::UserId;
use time::OffsetDateTime;

use crate::users::UserRow;
use crate::{Store, StoreError, User, execute, from_millis, millis, now_millis, with_pool};

/// A page session with its account and its age.
#[derive(Debug, Clone)]
pub struct LoginSession {
    /// The signed-in account.
    pub user: User,
    /// When the session began (for the absolute timeout).
    pub created_at: OffsetDateTime,
    /// When it was last used (for the idle timeout).
    pub last_seen_at: OffsetDateTime,
}

impl Store {
    /// Starts a session for `user` under the hash of its cookie value.
    pub async fn create_login_session(&self, id_hash: &str, user: &User) -> Result<(), StoreError> {
        let now = now_millis();
        execute!(
            self,
            sqlx::query(
                "INSERT INTO login_sessions (id_hash, user_id, created_at, last_seen_at) \
                 VALUES ($1, $2, $3, $3)",
            )
            .bind(id_hash)
            .bind(user.id.to_string())
            .bind(now)
        )?;
        Ok(())
    }

    /// The session under this hash, if any.
    pub async fn find_login_session(
        &self,
        id_hash: &str,
    ) -> Result<Option<LoginSession>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            session_created_at: i64,
            last_seen_at: i64,
        }
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT users.id, users.email, users.name, users.is_admin, users.created_at, \
                 login_sessions.created_at AS session_created_at, login_sessions.last_seen_at \
                 FROM login_sessions JOIN users ON users.id = login_sessions.user_id \
                 WHERE login_sessions.id_hash = $1",
            )
            .bind(id_hash)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|r| {
            Ok(LoginSession {
                user: r.user.into_user()?,
                created_at: from_millis(r.session_created_at),
                last_seen_at: from_millis(r.last_seen_at),
            })
        })
        .transpose()
    }

    /// Records that the session was used at `at`.
    pub async fn touch_login_session(
        &self,
        id_hash: &str,
        at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        execute!(
            self,
            sqlx::query("UPDATE login_sessions SET last_seen_at = $1 WHERE id_hash = $2")
                .bind(millis(at))
                .bind(id_hash)
        )?;
        Ok(())
    }

    /// Ends a session (logout, timeout, or rotation at login).
    pub async fn delete_login_session(&self, id_hash: &str) -> Result<(), StoreError> {
        execute!(
            self,
            sqlx::query("DELETE FROM login_sessions WHERE id_hash = $1").bind(id_hash)
        )?;
        Ok(())
    }

    /// Ends every session of `user` except the one under `except` (the id
    /// hash of the session to keep, if any); returns how many ended.
    pub async fn delete_login_sessions_of(
        &self,
        user: UserId,
        except: Option<&str>,
    ) -> Result<u64, StoreError> {
        execute!(
            self,
            sqlx::query("DELETE FROM login_sessions WHERE user_id = $1 AND id_hash <> $2")
                .bind(user.to_string())
                .bind(except.unwrap_or_default())
        )
    }

    /// Removes sessions idle since before `idle_before` or begun before
    /// `started_before`; returns how many went.
    pub async fn delete_expired_login_sessions(
        &self,
        idle_before: OffsetDateTime,
        started_before: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        execute!(
            self,
            sqlx::query("DELETE FROM login_sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(millis(idle_before))
                .bind(millis(started_before))
        )
    }
}
