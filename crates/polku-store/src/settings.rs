//! Small installation-wide settings, such as which workspace is the demo.

use crate::{Store, StoreError, execute, with_pool};

impl Store {
    /// The setting under `key`, if set.
    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT value FROM app_settings WHERE key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await
        })?)
    }

    /// Sets `key` to `value`, replacing any earlier value.
    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        execute!(
            self,
            sqlx::query(
                "INSERT INTO app_settings (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(key)
            .bind(value)
        )?;
        Ok(())
    }

    /// Writes the time of this start, proving the database takes writes: a
    /// read-only file or replica fails here, at start, not at the first login.
    pub async fn check_writable(&self) -> Result<(), StoreError> {
        self.set_setting("last_start_at", &crate::now_millis().to_string())
            .await
    }
}
