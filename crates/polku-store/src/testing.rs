//! Throw-away databases for tests, on either backend. Each [`TestDb`] is a new
//! SQLite file or a new PostgreSQL database, dropped again when it goes away,
//! so test runs never see each other's data.
//!
//! PostgreSQL comes from `POLKU_TEST_DATABASE_URL` (a server URL whose database
//! part is replaced), else `postgres://postgres@127.0.0.1:5432`. A server that
//! does not answer fails the test: it is never skipped.

use std::path::PathBuf;

use crate::{Store, drop_postgres_database};

/// Which backend a test database uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on the test PostgreSQL server.
    Postgres,
}

/// A fresh, migrated database and its store.
pub struct TestDb {
    /// The store over it.
    pub store: Store,
    /// Its URL, for starting a server or a command on it.
    pub url: String,
    backend: Backend,
    folder: Option<PathBuf>,
}

/// The PostgreSQL server tests use, without a database name.
pub fn postgres_server_url() -> String {
    std::env::var("POLKU_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

/// A URL on the test server for a new, uniquely named database.
pub fn fresh_postgres_url() -> String {
    let mut url = match url::Url::parse(&postgres_server_url()) {
        Ok(url) => url,
        Err(e) => panic!("POLKU_TEST_DATABASE_URL is not a URL: {e}"),
    };
    url.set_path(&format!("polku_test_{}", uuid::Uuid::new_v4().simple()));
    url.to_string()
}

/// A new empty folder under the system temp folder.
pub fn fresh_folder() -> PathBuf {
    let folder = std::env::temp_dir().join(format!("polku-test-{}", uuid::Uuid::new_v4().simple()));
    if let Err(e) = std::fs::create_dir_all(&folder) {
        panic!("cannot create {}: {e}", folder.display());
    }
    folder
}

impl TestDb {
    /// A fresh database on `backend`; panics (failing the test) when it
    /// cannot be made.
    pub async fn new(backend: Backend) -> Self {
        let (url, folder) = match backend {
            Backend::Sqlite => {
                let folder = fresh_folder();
                (
                    format!("sqlite://{}", folder.join("polku.db").display()),
                    Some(folder),
                )
            }
            Backend::Postgres => (fresh_postgres_url(), None),
        };
        let store = match Store::open(&url).await {
            Ok(store) => store,
            Err(e) => panic!(
                "cannot open test database {url}: {e}. PostgreSQL must run for the tests \
                 (scripts/test.sh starts one; or set POLKU_TEST_DATABASE_URL)"
            ),
        };
        Self {
            store,
            url,
            backend,
            folder,
        }
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(folder) = &self.folder {
            let _ = std::fs::remove_dir_all(folder);
        }
        if self.backend == Backend::Postgres {
            // Drop runs inside the test's runtime, which cannot be blocked on;
            // a separate thread with its own small runtime does the clean-up.
            // The pool is not closed from there (its sockets belong to the
            // test's runtime, which may be single-threaded and blocked here);
            // DROP DATABASE ... WITH (FORCE) ends its connections instead.
            let url = self.url.clone();
            let _ = std::thread::spawn(move || {
                if let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    runtime.block_on(async {
                        let _ = drop_postgres_database(&url).await;
                    });
                }
            })
            .join();
        }
    }
}

impl Store {
    /// Sets a login session's start and last-use times (tests of timeouts).
    pub async fn set_login_session_times(
        &self,
        id_hash: &str,
        created_at: time::OffsetDateTime,
        last_seen_at: time::OffsetDateTime,
    ) -> Result<(), crate::StoreError> {
        crate::execute!(
            self,
            sqlx::query(
                "UPDATE login_sessions SET created_at = $1, last_seen_at = $2 WHERE id_hash = $3"
            )
            .bind(crate::millis(created_at))
            .bind(crate::millis(last_seen_at))
            .bind(id_hash)
        )?;
        Ok(())
    }
}

/// A value bound to a placeholder of [`Store::execute_for_test`].
#[derive(Debug, Clone)]
pub enum Bind {
    /// Text (ids, names).
    Text(String),
    /// A number (times in epoch milliseconds, counts).
    Int(i64),
}

impl Store {
    /// Runs one statement with `binds` for `$1`, `$2`, ... and gives the
    /// number of rows it changed: for tests that set up states no store
    /// method makes (a series closed long ago). Never for production code.
    pub async fn execute_for_test(
        &self,
        sql: &str,
        binds: &[Bind],
    ) -> Result<u64, crate::StoreError> {
        crate::with_pool!(self, pool => {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
            for bind in binds {
                query = match bind {
                    Bind::Text(text) => query.bind(text.clone()),
                    Bind::Int(number) => query.bind(*number),
                };
            }
            query.execute(pool).await.map(|done| done.rows_affected())
        })
        .map_err(crate::StoreError::from)
    }

    /// The text column of the first row `sql` gives for `binds` (`None`
    /// for no row or NULL): for tests that look at what no store method
    /// shows (an erased token).
    pub async fn text_for_test(
        &self,
        sql: &str,
        binds: &[Bind],
    ) -> Result<Option<String>, crate::StoreError> {
        let found: Option<Option<String>> = crate::with_pool!(self, pool => {
            let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()));
            for bind in binds {
                query = match bind {
                    Bind::Text(text) => query.bind(text.clone()),
                    Bind::Int(number) => query.bind(*number),
                };
            }
            query.fetch_optional(pool).await
        })?;
        Ok(found.flatten())
    }
}

/// Runs an async test function once on SQLite and once on PostgreSQL, as two
/// tests named `sqlite` and `postgres` in a module named after the function.
#[macro_export]
macro_rules! test_on_both_backends {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let db = $crate::testing::TestDb::new($crate::testing::Backend::Sqlite).await;
                    super::$name(&db).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let db = $crate::testing::TestDb::new($crate::testing::Backend::Postgres).await;
                    super::$name(&db).await;
                }
            }
        )+
    };
}
