//! The store's one error type: what the layers above may need to tell apart.

use polku_domain::ErrorCode;

/// A storage failure, already classified so callers never inspect `sqlx` errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A uniqueness or consistency rule refused the change, such as
    /// [`ErrorCode::EmailTaken`].
    #[error("conflict: {0}")]
    Conflict(ErrorCode),
    /// The database could not be reached or timed out.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// Stored data could not be read back (a bug or a hand-edited database).
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// Any other database failure.
    #[error("database error: {0}")]
    Other(#[source] sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(error),
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Conflict(ErrorCode::Duplicate)
            }
            sqlx::Error::Database(db) if is_connection_failure(db.code().as_deref()) => {
                StoreError::Unavailable(error)
            }
            _ => StoreError::Other(error),
        }
    }
}

/// PostgreSQL SQLSTATE classes that mean the server went away or is starting
/// or stopping (08: connection exception, 57P: operator intervention).
fn is_connection_failure(code: Option<&str>) -> bool {
    code.is_some_and(|c| c.starts_with("08") || c.starts_with("57P"))
}

impl StoreError {
    /// Turns a generic unique violation into the named conflict `what`.
    pub(crate) fn named_conflict(self, code: ErrorCode) -> Self {
        match self {
            StoreError::Conflict(_) => StoreError::Conflict(code),
            other => other,
        }
    }
}
