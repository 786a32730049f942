//! Polku's persistence: one [`Store`] over SQLite or PostgreSQL.
//!
//! Every query is written once in SQL both backends understand and run on
//! whichever pool is in use through `with_pool!` (reads), `execute!` /
//! `execute_one!` (one write) and `write_tx!` (a transaction); only
//! connection setup lives in backend-specific code (`connect.rs`).
//!
//! One module per feature area (`workspaces`, `groups`, ...). Rule: every
//! method on rows owned by a workspace takes that `WorkspaceId` and filters on
//! it in SQL, so an id from another workspace finds nothing (`NotFound`).
//! A new table goes into [`TABLES`] too (a test checks it).

mod audit;
mod connect;
mod error;
mod groups;
mod invitations;
mod live;
mod paths;
mod resets;
mod retention;
mod rows;
mod series;
mod sessions;
mod settings;
mod tokens;
mod users;
mod workspaces;

#[cfg(feature = "testing")]
pub mod testing;

pub use connect::{ConnectError, drop_postgres_database};
pub use error::StoreError;
pub use invitations::NewInvitation;
pub use live::{
    Follow, NewLiveSession, NewNote, NoteOutcome, NoteWithVotes, Participation, Pseudonym,
    SessionWorkshop,
};
pub use resets::PasswordReset;
pub use retention::Erased;
pub use series::UpcomingWorkshop;
pub use sessions::LoginSession;
pub use tokens::{ApiToken, NewApiToken, TokenLogin};
pub use users::{NewUser, User};
pub use workspaces::WorkspaceSettingsChange;

use sqlx::{PgPool, SqlitePool};

/// What a table's rows belong to, for backup and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableScope {
    /// Rows of one workspace (they carry, or hang under a row with, a
    /// `workspace_id`): in a backup and in that workspace's export.
    Workspace,
    /// Installation-wide rows such as accounts: in a backup, not in an export.
    Installation,
    /// Short-lived rows (login sessions) that a restore need not bring back.
    Transient,
}

/// One table of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// Its name in SQL.
    pub name: &'static str,
    /// What its rows belong to.
    pub scope: TableScope,
}

/// Every table, parents before children: the order in which a backup writes
/// and a restore reads them. A test compares this list with the live schema
/// on both backends, so a table added by a migration cannot be forgotten here.
pub const TABLES: &[Table] = &[
    Table {
        name: "users",
        scope: TableScope::Installation,
    },
    Table {
        name: "api_tokens",
        scope: TableScope::Installation,
    },
    Table {
        name: "login_sessions",
        scope: TableScope::Transient,
    },
    Table {
        name: "password_resets",
        scope: TableScope::Transient,
    },
    Table {
        name: "app_settings",
        scope: TableScope::Installation,
    },
    Table {
        name: "workspaces",
        scope: TableScope::Workspace,
    },
    Table {
        name: "memberships",
        scope: TableScope::Workspace,
    },
    Table {
        name: "development_groups",
        scope: TableScope::Workspace,
    },
    Table {
        name: "group_facilitators",
        scope: TableScope::Workspace,
    },
    Table {
        name: "workshop_series",
        scope: TableScope::Workspace,
    },
    Table {
        name: "workshops",
        scope: TableScope::Workspace,
    },
    Table {
        name: "workshop_agenda_items",
        scope: TableScope::Workspace,
    },
    Table {
        name: "collection_periods",
        scope: TableScope::Workspace,
    },
    Table {
        name: "invitations",
        scope: TableScope::Workspace,
    },
    Table {
        name: "audit_events",
        scope: TableScope::Workspace,
    },
    Table {
        name: "client_profiles",
        scope: TableScope::Workspace,
    },
    Table {
        name: "service_paths",
        scope: TableScope::Workspace,
    },
    Table {
        name: "path_stages",
        scope: TableScope::Workspace,
    },
    Table {
        name: "touchpoints",
        scope: TableScope::Workspace,
    },
    Table {
        name: "path_transitions",
        scope: TableScope::Workspace,
    },
    Table {
        name: "critical_points",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_sessions",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_pseudonyms",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_participants",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_columns",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_themes",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_notes",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_votes",
        scope: TableScope::Workspace,
    },
    Table {
        name: "live_events",
        scope: TableScope::Workspace,
    },
];

/// The database behind a [`Store`].
#[derive(Clone, Debug)]
enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Polku's one storage seam, cheap to clone (it holds a pool).
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// This process's fan-out of live session events.
    hub: std::sync::Arc<live::hub::Hub>,
}

/// Runs `$body` with `$pool` bound to whichever pool the store holds. The body
/// is compiled once per backend, so one SQL text serves both.
macro_rules! with_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite($pool) => $body,
            $crate::Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Runs one statement (a `sqlx::query(..)` with its binds) on whichever pool
/// the store holds and gives the number of rows it changed. Every write
/// outside a transaction is this one call.
macro_rules! execute {
    ($store:expr, $query:expr) => {
        $crate::with_pool!($store, pool => $query.execute(pool).await.map(|done| done.rows_affected()))
            .map_err($crate::StoreError::from)
    };
}
pub(crate) use execute;

/// Like [`execute!`] for a statement on one row that must exist:
/// `Err(StoreError::NotFound)` when it changed none.
macro_rules! execute_one {
    ($store:expr, $query:expr) => {
        match $crate::execute!($store, $query) {
            Ok(0) => Err($crate::StoreError::NotFound),
            Ok(_) => Ok(()),
            Err(e) => Err(e),
        }
    };
}
pub(crate) use execute_one;

/// Runs `$body` in a write transaction on a connection of its own:
/// `BEGIN IMMEDIATE` on SQLite so concurrent writers queue on the busy
/// timeout instead of failing with "database is locked". When the database
/// fails anywhere in it (`BEGIN`, a statement, `COMMIT`, as on a full disk),
/// the connection is closed instead of going back to the pool, where it could
/// still hold a half-open transaction and fail every later write.
macro_rules! write_tx {
    ($store:expr, $tx:ident => $body:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite(pool) => {
                let mut conn = pool.acquire().await?;
                let result: Result<_, $crate::StoreError> = async {
                    let mut $tx =
                        sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
                    let out = $body;
                    $tx.commit().await?;
                    Ok(out)
                }
                .await;
                $crate::close_after_failure(&mut conn, &result);
                result?
            }
            $crate::Backend::Postgres(pool) => {
                let mut conn = pool.acquire().await?;
                let result: Result<_, $crate::StoreError> = async {
                    let mut $tx = sqlx::Connection::begin(&mut *conn).await?;
                    let out = $body;
                    $tx.commit().await?;
                    Ok(out)
                }
                .await;
                $crate::close_after_failure(&mut conn, &result);
                result?
            }
        }
    };
}
pub(crate) use write_tx;

impl Store {
    /// Connects to `url` (`sqlite://PATH` or `postgres://...`), creating the
    /// database when it does not exist, and applies pending migrations.
    pub async fn open(url: &str) -> Result<Self, ConnectError> {
        let store = connect::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies every pending schema migration.
    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Backend::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// The versions of the migrations this build knows, per backend (for the
    /// test that both folders agree).
    pub fn migration_versions() -> (Vec<i64>, Vec<i64>) {
        let versions = |m: sqlx::migrate::Migrator| m.iter().map(|m| m.version).collect();
        (
            versions(sqlx::migrate!("./migrations/sqlite")),
            versions(sqlx::migrate!("./migrations/postgres")),
        )
    }

    /// `true` when the database answers a trivial query within a few seconds.
    pub async fn is_healthy(&self) -> bool {
        let ping = async {
            with_pool!(self, pool => sqlx::query("SELECT 1").execute(pool)
                .await
                .map(|_| ()))
        };
        matches!(
            tokio::time::timeout(std::time::Duration::from_secs(3), ping).await,
            Ok(Ok(()))
        )
    }

    /// The table and column names of the live schema, sorted, for comparing
    /// the two backends' migrations.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut columns: Vec<(String, String)> =
            match &self.backend {
                Backend::Sqlite(pool) => {
                    sqlx::query_as(
                        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
                     AND m.name NOT LIKE '_sqlx_%'",
                    )
                    .fetch_all(pool)
                    .await?
                }
                Backend::Postgres(pool) => sqlx::query_as(
                    "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx_%'",
                )
                .fetch_all(pool)
                .await?,
            };
        columns.sort();
        Ok(columns)
    }

    /// Whether the database is PostgreSQL.
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// Which backend this is, for log lines only (`sqlite` or `postgres`).
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Closes every connection; used before dropping a test database.
    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await);
    }
}

/// Marks a connection to be closed rather than pooled when a transaction on
/// it failed in the database (not when a rule refused the change).
pub(crate) fn close_after_failure<DB: sqlx::Database, T>(
    conn: &mut sqlx::pool::PoolConnection<DB>,
    result: &Result<T, StoreError>,
) {
    if matches!(
        result,
        Err(StoreError::Unavailable(_) | StoreError::StorageFull(_) | StoreError::Other(_))
    ) {
        conn.close_on_drop();
    }
}

/// The current time in Unix epoch milliseconds, as stored.
pub(crate) fn now_millis() -> i64 {
    millis(time::OffsetDateTime::now_utc())
}

/// `at` in Unix epoch milliseconds.
pub(crate) fn millis(at: time::OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Unix epoch milliseconds back to a time; out-of-range values clamp to the epoch.
pub(crate) fn from_millis(ms: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}
