//! Backend-specific connection setup: the only place that knows SQLite from
//! PostgreSQL besides the schema query in `lib.rs`.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use crate::{Backend, Store};

/// Why a database could not be opened. `is_bad_input` tells the CLI whether the
/// URL or path itself was wrong (exit 2) or the database failed (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL is not `sqlite://...` or `postgres://...`, or does not parse.
    #[error("database URL {url:?} is not valid: {reason}")]
    BadUrl {
        /// The URL as given, with any password removed.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The SQLite file's folder does not exist or cannot be written.
    #[error("cannot use database file {path}: {reason}")]
    BadPath {
        /// The file path.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The server did not answer or refused the connection.
    #[error("cannot connect to database {url}: {source}")]
    Unreachable {
        /// The URL, with any password removed.
        url: String,
        /// The driver's error.
        #[source]
        source: sqlx::Error,
    },
    /// A migration failed.
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl ConnectError {
    /// Whether the user gave a wrong URL or path (as opposed to a runtime fault).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            ConnectError::BadUrl { .. } | ConnectError::BadPath { .. }
        )
    }
}

/// How long a request waits for a free connection before the database counts
/// as unavailable.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

pub(crate) async fn connect(url: &str) -> Result<Store, ConnectError> {
    if url.starts_with("sqlite:") {
        connect_sqlite(url).await
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        connect_postgres(url).await
    } else {
        Err(ConnectError::BadUrl {
            url: redact(url),
            reason: "it must start with sqlite:// or postgres://".into(),
        })
    }
}

async fn connect_sqlite(url: &str) -> Result<Store, ConnectError> {
    let options = SqliteConnectOptions::from_str(url).map_err(|e| ConnectError::BadUrl {
        url: redact(url),
        reason: e.to_string(),
    })?;
    let path = options.get_filename().to_path_buf();
    check_sqlite_path(&path)?;
    let options = options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|source| ConnectError::BadPath {
            path: path.display().to_string(),
            reason: source.to_string(),
        })?;
    Ok(Store {
        backend: Backend::Sqlite(pool),
        hub: std::sync::Arc::default(),
    })
}

/// Refuses a path whose folder is missing or that is a folder itself, before
/// anything is created.
fn check_sqlite_path(path: &Path) -> Result<(), ConnectError> {
    let bad = |reason: &str| ConnectError::BadPath {
        path: path.display().to_string(),
        reason: reason.into(),
    };
    if path.as_os_str().is_empty() || path.to_str() == Some(":memory:") {
        return Err(bad("give a file path, such as sqlite://polku.db"));
    }
    if path.is_dir() {
        return Err(bad("it is a folder, not a file"));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(bad("its folder does not exist"));
    }
    Ok(())
}

async fn connect_postgres(url: &str) -> Result<Store, ConnectError> {
    let options = PgConnectOptions::from_str(url).map_err(|e| ConnectError::BadUrl {
        url: redact(url),
        reason: e.to_string(),
    })?;
    create_postgres_database_if_missing(url, &options).await?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|source| ConnectError::Unreachable {
            url: redact(url),
            source,
        })?;
    Ok(Store {
        backend: Backend::Postgres(pool),
        hub: std::sync::Arc::default(),
    })
}

/// Connects to the server's `postgres` maintenance database and creates the
/// database named in `url` when it does not exist yet.
async fn create_postgres_database_if_missing(
    url: &str,
    options: &PgConnectOptions,
) -> Result<(), ConnectError> {
    let name = options.get_database().unwrap_or("postgres").to_owned();
    if name == "postgres" {
        return Ok(());
    }
    let quoted = quote_database_name(url, &name)?;
    let unreachable = |source| ConnectError::Unreachable {
        url: redact(url),
        source,
    };
    let mut conn = options
        .clone()
        .database("postgres")
        .connect()
        .await
        .map_err(unreachable)?;
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut conn)
        .await
        .map_err(unreachable)?;
    if exists.is_none() {
        // CREATE DATABASE takes no parameters; the name was checked to hold only
        // safe characters and is quoted as an identifier.
        let created = sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {quoted}")))
            .execute(&mut conn)
            .await;
        if let Err(e) = created {
            // Another process may have created it at the same moment.
            let raced = e
                .as_database_error()
                .and_then(|d| d.code())
                .is_some_and(|c| c == "42P04");
            if !raced {
                return Err(unreachable(e));
            }
        }
    }
    conn.close().await.map_err(unreachable)?;
    Ok(())
}

/// Drops the database named in `url` (used by tests to clean up after themselves).
pub async fn drop_postgres_database(url: &str) -> Result<(), ConnectError> {
    let options = PgConnectOptions::from_str(url).map_err(|e| ConnectError::BadUrl {
        url: redact(url),
        reason: e.to_string(),
    })?;
    let name = options.get_database().unwrap_or("postgres").to_owned();
    let quoted = quote_database_name(url, &name)?;
    let unreachable = |source| ConnectError::Unreachable {
        url: redact(url),
        source,
    };
    let mut conn = options
        .database("postgres")
        .connect()
        .await
        .map_err(unreachable)?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await
    .map_err(unreachable)?;
    Ok(())
}

fn quote_database_name(url: &str, name: &str) -> Result<String, ConnectError> {
    let safe = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if safe {
        Ok(format!("\"{name}\""))
    } else {
        Err(ConnectError::BadUrl {
            url: redact(url),
            reason: "the database name may hold only letters, digits, _ and -".into(),
        })
    }
}

/// `url` with any password replaced, for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}
