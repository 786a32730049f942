//! Accounts, login sessions and API tokens.

use polku_domain::{DisplayName, Email, ErrorCode};
use polku_store::testing::TestDb;
use polku_store::{NewUser, StoreError, test_on_both_backends};
use time::{Duration, OffsetDateTime};

use crate::user;

test_on_both_backends!(
    duplicate_email_is_a_named_conflict,
    login_sessions_and_tokens_find_their_user,
    expired_login_sessions_are_swept,
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
        matches!(err, StoreError::Conflict(ErrorCode::EmailTaken)),
        "{err:?}"
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
