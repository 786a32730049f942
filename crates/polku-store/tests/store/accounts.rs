//! Accounts, login sessions and API tokens.

use polku_domain::{DisplayName, Email, ErrorCode, TokenId, TokenName};
use polku_store::testing::TestDb;
use polku_store::{ApiToken, NewApiToken, NewUser, StoreError, User, test_on_both_backends};
use time::{Duration, OffsetDateTime};

use crate::user;

test_on_both_backends!(
    duplicate_email_is_a_named_conflict,
    login_sessions_and_tokens_find_their_user,
    expired_login_sessions_are_swept,
    tokens_have_a_name_and_an_expiry_and_are_listed_newest_first,
    only_the_owner_revokes_a_token,
    last_use_of_a_token_is_recorded,
    ending_a_users_sessions_keeps_only_the_one_asked_and_no_other_users,
    changing_the_password_ends_other_sessions_and_voids_reset_links,
    a_reset_link_works_once_even_when_two_uses_race,
    an_expired_reset_link_changes_nothing,
    a_new_reset_link_voids_the_older_one,
    the_display_name_can_change,
);

/// Stores a token for `owner` valid for `valid`.
async fn token(db: &TestDb, owner: &User, hash: &str, name: &str, valid: Duration) -> ApiToken {
    let name = TokenName::parse(name).expect("valid name");
    db.store
        .create_api_token(&NewApiToken {
            user_id: owner.id,
            token_hash: hash,
            name: &name,
            created_at: OffsetDateTime::now_utc(),
            expires_at: OffsetDateTime::now_utc() + valid,
        })
        .await
        .expect("token stored")
}

async fn tokens_have_a_name_and_an_expiry_and_are_listed_newest_first(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let old = token(db, &someone, "h-old", "raportit", Duration::days(7)).await;
    let expired = token(db, &someone, "h-exp", "vanha", Duration::seconds(-1)).await;
    token(db, &other, "h-other", "toisen", Duration::days(7)).await;
    assert!(!old.is_expired(OffsetDateTime::now_utc()));
    assert!(expired.is_expired(OffsetDateTime::now_utc()));
    let listed = db.store.list_api_tokens(someone.id).await.expect("list");
    let names: Vec<&str> = listed.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(listed.len(), 2, "{names:?}");
    assert!(names.contains(&"raportit") && names.contains(&"vanha"));
    assert!(listed[0].created_at >= listed[1].created_at, "newest first");
    let found = db
        .store
        .find_api_token_login("h-exp")
        .await
        .expect("query")
        .expect("an expired token is still found");
    assert!(found.token.is_expired(OffsetDateTime::now_utc()));
    assert_eq!(
        db.store.find_api_token(old.id).await.expect("query"),
        Some(old)
    );
}

async fn only_the_owner_revokes_a_token(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let token = token(db, &owner, "h", "cli", Duration::days(90)).await;
    let err = db
        .store
        .delete_api_token(other.id, token.id)
        .await
        .expect_err("not theirs");
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert!(matches!(
        db.store.delete_api_token(owner.id, TokenId::new()).await,
        Err(StoreError::NotFound)
    ));
    db.store
        .delete_api_token(owner.id, token.id)
        .await
        .expect("revoked");
    assert!(
        db.store
            .find_api_token_login("h")
            .await
            .expect("query")
            .is_none()
    );
    assert!(matches!(
        db.store.delete_api_token(owner.id, token.id).await,
        Err(StoreError::NotFound)
    ));
}

async fn last_use_of_a_token_is_recorded(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let token = token(db, &owner, "h", "cli", Duration::days(90)).await;
    assert_eq!(token.last_used_at, None);
    let at = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("valid");
    db.store
        .touch_api_token(token.id, at)
        .await
        .expect("touched");
    let listed = db.store.list_api_tokens(owner.id).await.expect("list");
    assert_eq!(listed[0].last_used_at, Some(at));
}

async fn sessions_left(db: &TestDb, ids: &[&str]) -> Vec<String> {
    let mut left = Vec::new();
    for id in ids {
        if db
            .store
            .find_login_session(id)
            .await
            .expect("query")
            .is_some()
        {
            left.push((*id).to_owned());
        }
    }
    left
}

async fn ending_a_users_sessions_keeps_only_the_one_asked_and_no_other_users(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    for id in ["a", "b", "c"] {
        db.store
            .create_login_session(id, &someone)
            .await
            .expect("session");
    }
    db.store
        .create_login_session("theirs", &other)
        .await
        .expect("session");
    let ended = db
        .store
        .delete_login_sessions_of(someone.id, Some("b"))
        .await
        .expect("ended");
    assert_eq!(ended, 2);
    assert_eq!(
        sessions_left(db, &["a", "b", "c", "theirs"]).await,
        ["b", "theirs"]
    );
    let ended = db
        .store
        .delete_login_sessions_of(someone.id, None)
        .await
        .expect("ended");
    assert_eq!(ended, 1);
    assert_eq!(sessions_left(db, &["b", "theirs"]).await, ["theirs"]);
}

async fn changing_the_password_ends_other_sessions_and_voids_reset_links(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    for id in ["here", "phone"] {
        db.store
            .create_login_session(id, &someone)
            .await
            .expect("session");
    }
    let later = OffsetDateTime::now_utc() + Duration::hours(1);
    db.store
        .create_password_reset(someone.id, "reset", later)
        .await
        .expect("reset");
    let ended = db
        .store
        .change_password(someone.id, "$argon2id$new", Some("here"))
        .await
        .expect("changed");
    assert_eq!(ended, 1);
    assert_eq!(sessions_left(db, &["here", "phone"]).await, ["here"]);
    let (_, hash) = db
        .store
        .find_user_with_password(&someone.email)
        .await
        .expect("query")
        .expect("user");
    assert_eq!(hash, "$argon2id$new");
    assert!(
        db.store
            .find_password_reset("reset")
            .await
            .expect("query")
            .is_none(),
        "a pending reset link no longer works"
    );
    assert!(matches!(
        db.store
            .change_password(polku_domain::UserId::new(), "x", None)
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn a_reset_link_works_once_even_when_two_uses_race(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    db.store
        .create_login_session("before", &someone)
        .await
        .expect("session");
    let now = OffsetDateTime::now_utc();
    db.store
        .create_password_reset(someone.id, "reset", now + Duration::hours(1))
        .await
        .expect("reset");
    let found = db
        .store
        .find_password_reset("reset")
        .await
        .expect("query")
        .expect("found");
    assert_eq!(found.user.id, someone.id);
    assert!(found.is_usable(now));
    let (a, b) = tokio::join!(
        db.store.use_password_reset("reset", "$argon2id$a", now),
        db.store.use_password_reset("reset", "$argon2id$b", now),
    );
    let used: Vec<_> = [a.expect("first"), b.expect("second")]
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(used, [someone.id], "exactly one use wins");
    assert_eq!(sessions_left(db, &["before"]).await, Vec::<String>::new());
    let after = db
        .store
        .find_password_reset("reset")
        .await
        .expect("query")
        .expect("kept, marked used");
    assert!(after.used_at.is_some() && !after.is_usable(now));
    assert_eq!(
        db.store
            .use_password_reset("reset", "$argon2id$c", now)
            .await
            .expect("query"),
        None
    );
    assert_eq!(
        db.store
            .use_password_reset("unknown", "$argon2id$c", now)
            .await
            .expect("query"),
        None
    );
}

async fn an_expired_reset_link_changes_nothing(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let now = OffsetDateTime::now_utc();
    db.store
        .create_password_reset(someone.id, "reset", now - Duration::minutes(1))
        .await
        .expect("reset");
    let found = db
        .store
        .find_password_reset("reset")
        .await
        .expect("query")
        .expect("found");
    assert!(!found.is_usable(now));
    assert_eq!(
        db.store
            .use_password_reset("reset", "$argon2id$new", now)
            .await
            .expect("query"),
        None
    );
    let (_, hash) = db
        .store
        .find_user_with_password(&someone.email)
        .await
        .expect("query")
        .expect("user");
    assert_eq!(hash, "$argon2id$placeholder");
    let swept = db
        .store
        .delete_expired_password_resets(now)
        .await
        .expect("swept");
    assert_eq!(swept, 1);
}

async fn a_new_reset_link_voids_the_older_one(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let later = OffsetDateTime::now_utc() + Duration::hours(1);
    for hash in ["first", "second"] {
        db.store
            .create_password_reset(someone.id, hash, later)
            .await
            .expect("reset");
    }
    assert!(
        db.store
            .find_password_reset("first")
            .await
            .expect("query")
            .is_none()
    );
    assert!(
        db.store
            .find_password_reset("second")
            .await
            .expect("query")
            .is_some()
    );
}

async fn the_display_name_can_change(db: &TestDb) {
    let someone = user(&db.store, "someone@example.fi", false).await;
    let name = DisplayName::parse("Maija Uusi").expect("valid");
    db.store
        .set_user_name(someone.id, &name)
        .await
        .expect("renamed");
    assert_eq!(db.store.user(someone.id).await.expect("found").name, name);
    assert!(matches!(
        db.store.user(polku_domain::UserId::new()).await,
        Err(StoreError::NotFound)
    ));
}

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

    let token = token(db, &someone, "token-hash", "cli", Duration::days(90)).await;
    let found = db
        .store
        .find_api_token_login("token-hash")
        .await
        .expect("query")
        .expect("found");
    assert_eq!(found.user.id, someone.id);
    assert_eq!(found.token, token);
    assert!(
        db.store
            .find_api_token_login("other")
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
