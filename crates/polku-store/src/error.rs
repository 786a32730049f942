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
    /// The database's disk is full; writes work again once space is freed.
    #[error("database storage is full: {0}")]
    StorageFull(#[source] sqlx::Error),
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
            sqlx::Error::Database(db) => match classify(db.as_ref()) {
                Fault::Full => StoreError::StorageFull(error),
                Fault::Unavailable => StoreError::Unavailable(error),
                Fault::Other => StoreError::Other(error),
            },
            _ => StoreError::Other(error),
        }
    }
}

/// What a database error says about the database itself.
enum Fault {
    /// No space left to write.
    Full,
    /// Gone, starting or stopping, out of resources, or failing to read or
    /// write its files: worth a retry later.
    Unavailable,
    /// Anything else (a bug of ours, most likely).
    Other,
}

fn classify(db: &dyn sqlx::error::DatabaseError) -> Fault {
    let code = db.code();
    let code = code.as_deref().unwrap_or_default();
    if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        // Primary result codes: 5 BUSY, 6 LOCKED, 7 NOMEM, 8 READONLY,
        // 10 IOERR, 13 FULL, 14 CANTOPEN.
        return match code.parse::<i32>().map(|c| c & 0xff) {
            Ok(13) => Fault::Full,
            Ok(5 | 6 | 7 | 8 | 10 | 14) => Fault::Unavailable,
            _ => Fault::Other,
        };
    }
    // PostgreSQL SQLSTATE: 53100 disk full; class 53 insufficient resources,
    // 08 connection exception, 57P operator intervention, 58 system error.
    match code {
        "53100" => Fault::Full,
        c if c.starts_with("53")
            || c.starts_with("08")
            || c.starts_with("57P")
            || c.starts_with("58") =>
        {
            Fault::Unavailable
        }
        _ => Fault::Other,
    }
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
