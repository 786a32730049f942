//! Migrations, the schema on both backends, opening databases.

test_on_both_backends!(table_list_matches_the_live_schema);

use polku_domain::Email;
use polku_store::testing::{Backend, TestDb};
use polku_store::{Store, test_on_both_backends};

use crate::user;

#[test]
fn both_migration_folders_list_the_same_versions() {
    let (sqlite, postgres) = Store::migration_versions();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_yield_the_same_tables_and_columns() {
    let sqlite = TestDb::new(Backend::Sqlite).await;
    let postgres = TestDb::new(Backend::Postgres).await;
    let a = sqlite.store.schema_columns().await.expect("sqlite schema");
    let b = postgres
        .store
        .schema_columns()
        .await
        .expect("postgres schema");
    assert!(a.iter().any(|(t, c)| t == "memberships" && c == "role"));
    assert_eq!(a, b);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_twice_migrates_once_and_keeps_data() {
    let db = TestDb::new(Backend::Sqlite).await;
    user(&db.store, "keep@example.fi", false).await;
    let again = Store::open(&db.url).await.expect("reopened");
    let email = Email::parse("keep@example.fi").expect("valid");
    assert!(
        again
            .find_user_by_email(&email)
            .await
            .expect("query")
            .is_some()
    );
}

#[tokio::test]
async fn bad_urls_and_paths_are_bad_input() {
    for url in [
        "mysql://x",
        "sqlite:///no/such/folder/polku.db",
        "postgres://[bad",
    ] {
        let err = Store::open(url).await.expect_err("refused");
        assert!(err.is_bad_input(), "{url}: {err}");
    }
    let folder = polku_store::testing::fresh_folder();
    let err = Store::open(&format!("sqlite://{}", folder.display()))
        .await
        .expect_err("a folder is not a file");
    assert!(err.is_bad_input());
    assert!(
        folder.read_dir().expect("readable").next().is_none(),
        "nothing created"
    );
}

/// The backup and export table list holds exactly the tables of the live
/// schema, so a migration that adds a table fails here until it is listed.
async fn table_list_matches_the_live_schema(db: &TestDb) {
    let mut live: Vec<String> = db
        .store
        .schema_columns()
        .await
        .expect("schema")
        .into_iter()
        .map(|(table, _)| table)
        .collect();
    live.dedup();
    let mut listed: Vec<String> = polku_store::TABLES
        .iter()
        .map(|t| t.name.to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, live);
}
