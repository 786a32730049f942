//! The store's story, run on SQLite and on PostgreSQL alike.

use polku_domain::{DisplayName, Email, LocalizedText, Role, WorkspaceName};
use polku_store::testing::{Backend, TestDb};
use polku_store::{NewUser, Store, StoreError, User, test_on_both_backends};
use time::{Duration, OffsetDateTime};

async fn user(store: &Store, email: &str, admin: bool) -> User {
    let new = NewUser {
        email: Email::parse(email).expect("valid e-mail"),
        name: DisplayName::parse("Testi Henkilö").expect("valid name"),
        password_hash: "$argon2id$placeholder".into(),
        is_admin: admin,
    };
    store.create_user(&new).await.expect("user created")
}

fn name(text: &str) -> WorkspaceName {
    WorkspaceName::parse(text).expect("valid name")
}

test_on_both_backends!(
    duplicate_email_is_a_named_conflict,
    workspace_creator_becomes_its_only_owner,
    members_see_only_their_workspaces_and_admins_see_all,
    last_owner_cannot_be_removed,
    adding_a_member_twice_is_a_conflict,
    groups_keep_their_three_languages,
    deleting_a_workspace_removes_its_memberships_and_groups,
    login_sessions_and_tokens_find_their_user,
    expired_login_sessions_are_swept,
    settings_are_replaced_not_duplicated,
    unknown_workspace_is_not_found,
);

async fn duplicate_email_is_a_named_conflict(db: &TestDb) {
    user(&db.store, "maija@example.fi", false).await;
    let again = NewUser {
        email: Email::parse("MAIJA@example.fi").expect("valid"),
        name: DisplayName::parse("Toinen").expect("valid"),
        password_hash: "x".into(),
        is_admin: false,
    };
    let err = db
        .store
        .create_user(&again)
        .await
        .expect_err("duplicate refused");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                what: "email_taken"
            }
        ),
        "{err:?}"
    );
}

async fn workspace_creator_becomes_its_only_owner(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let members = db.store.list_members(ws.id).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].user_id, owner.id);
    assert_eq!(members[0].role, Role::Owner);
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        Some(Role::Owner)
    );
    assert_eq!(
        db.store
            .workspace(ws.id)
            .await
            .expect("found")
            .name
            .as_str(),
        "Hanke"
    );
}

async fn members_see_only_their_workspaces_and_admins_see_all(db: &TestDb) {
    let a = user(&db.store, "a@example.fi", false).await;
    let b = user(&db.store, "b@example.fi", false).await;
    let admin = user(&db.store, "admin@example.fi", true).await;
    let wa = db
        .store
        .create_workspace(&name("A-hanke"), a.id)
        .await
        .expect("created");
    let wb = db
        .store
        .create_workspace(&name("B-hanke"), b.id)
        .await
        .expect("created");
    let seen_by_a = db.store.list_workspaces_for(&a).await.expect("list");
    assert_eq!(seen_by_a.len(), 1);
    assert_eq!(seen_by_a[0].0.id, wa.id);
    assert_eq!(seen_by_a[0].1, Some(Role::Owner));
    let seen_by_admin = db.store.list_workspaces_for(&admin).await.expect("list");
    let ids: Vec<_> = seen_by_admin.iter().map(|(w, _)| w.id).collect();
    assert_eq!(ids, vec![wa.id, wb.id]);
    assert!(seen_by_admin.iter().all(|(_, role)| role.is_none()));
    assert_eq!(db.store.member_role(wb.id, a.id).await.expect("role"), None);
}

async fn last_owner_cannot_be_removed(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let err = db
        .store
        .remove_member(ws.id, owner.id)
        .await
        .expect_err("refused");
    assert!(
        matches!(err, StoreError::Conflict { what: "last_owner" }),
        "{err:?}"
    );
    db.store
        .add_member(ws.id, other.id, Role::Owner)
        .await
        .expect("added");
    assert_eq!(
        db.store
            .remove_member(ws.id, owner.id)
            .await
            .expect("removed"),
        Role::Owner
    );
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        None
    );
    let missing = db
        .store
        .remove_member(ws.id, owner.id)
        .await
        .expect_err("gone");
    assert!(matches!(missing, StoreError::NotFound));
}

async fn adding_a_member_twice_is_a_conflict(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    db.store
        .add_member(ws.id, other.id, Role::Viewer)
        .await
        .expect("added");
    let err = db
        .store
        .add_member(ws.id, other.id, Role::Facilitator)
        .await
        .expect_err("twice");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                what: "already_member"
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        db.store.member_role(ws.id, other.id).await.expect("role"),
        Some(Role::Viewer)
    );
}

async fn groups_keep_their_three_languages(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let first = LocalizedText {
        fi: "Ryhmä yksi".into(),
        sv: Some("Grupp ett".into()),
        en: None,
    };
    db.store.create_group(ws.id, &first).await.expect("created");
    db.store
        .create_group(ws.id, &LocalizedText::finnish("Ryhmä kaksi"))
        .await
        .expect("created");
    let groups = db.store.list_groups(ws.id).await.expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].name.fi, "Ryhmä kaksi", "listed by Finnish name");
    assert_eq!(groups[1].name, first);
}

async fn deleting_a_workspace_removes_its_memberships_and_groups(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    db.store
        .create_group(ws.id, &LocalizedText::finnish("Ryhmä"))
        .await
        .expect("created");
    db.store.delete_workspace(ws.id).await.expect("deleted");
    assert!(matches!(
        db.store.workspace(ws.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        db.store
            .list_groups(ws.id)
            .await
            .expect("groups")
            .is_empty()
    );
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        None
    );
    assert!(
        db.store
            .list_workspaces_for(&owner)
            .await
            .expect("list")
            .is_empty()
    );
}

async fn login_sessions_and_tokens_find_their_user(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    db.store
        .create_login_session("hash-1", &someone)
        .await
        .expect("session");
    let session = db
        .store
        .find_login_session("hash-1")
        .await
        .expect("query")
        .expect("found");
    assert_eq!(session.user.id, someone.id);
    assert!(
        db.store
            .find_login_session("hash-2")
            .await
            .expect("query")
            .is_none()
    );
    db.store
        .delete_login_session("hash-1")
        .await
        .expect("deleted");
    assert!(
        db.store
            .find_login_session("hash-1")
            .await
            .expect("query")
            .is_none()
    );

    db.store
        .create_api_token(someone.id, "token-hash")
        .await
        .expect("token");
    let found = db
        .store
        .find_user_by_token_hash("token-hash")
        .await
        .expect("query");
    assert_eq!(found.map(|u| u.id), Some(someone.id));
    assert!(
        db.store
            .find_user_by_token_hash("other")
            .await
            .expect("query")
            .is_none()
    );
}

async fn expired_login_sessions_are_swept(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let now = OffsetDateTime::now_utc();
    for id in ["fresh", "idle", "old"] {
        db.store
            .create_login_session(id, &someone)
            .await
            .expect("session");
    }
    db.store
        .set_login_session_times("idle", now - Duration::hours(1), now - Duration::hours(3))
        .await
        .expect("set");
    db.store
        .set_login_session_times("old", now - Duration::hours(13), now)
        .await
        .expect("set");
    let swept = db
        .store
        .delete_expired_login_sessions(now - Duration::hours(2), now - Duration::hours(12))
        .await
        .expect("swept");
    assert_eq!(swept, 2);
    assert!(
        db.store
            .find_login_session("fresh")
            .await
            .expect("query")
            .is_some()
    );
    assert!(
        db.store
            .find_login_session("idle")
            .await
            .expect("query")
            .is_none()
    );
}

async fn settings_are_replaced_not_duplicated(db: &TestDb) {
    assert_eq!(db.store.setting("k").await.expect("read"), None);
    db.store.set_setting("k", "1").await.expect("set");
    db.store.set_setting("k", "2").await.expect("set");
    assert_eq!(
        db.store.setting("k").await.expect("read").as_deref(),
        Some("2")
    );
}

async fn unknown_workspace_is_not_found(db: &TestDb) {
    let err = db
        .store
        .workspace(polku_domain::WorkspaceId::new())
        .await
        .expect_err("missing");
    assert!(matches!(err, StoreError::NotFound));
}

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
