//! Logging in and out, session cookies, timeouts, rate limits, cross-site refusal.

use polku_web::credentials::secret_hash;
use reqwest::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use time::{Duration, OffsetDateTime};

use crate::helpers::{PASSWORD, TestApp, app_test, cookie, session_cookie};

app_test!(
    login_sets_a_host_only_session_cookie,
    login_rotates_the_session_id,
    wrong_password_is_refused_in_the_users_language,
    logout_ends_the_session,
    idle_and_absolute_timeouts_end_sessions,
    login_is_rate_limited_per_account_with_retry_after,
    foreign_origin_is_refused_on_state_changing_requests,
    login_follows_only_local_next_paths,
);

async fn login_sets_a_host_only_session_cookie(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let response = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/workspaces");
    let set_cookie = response.headers()[SET_COOKIE].to_str().expect("ascii");
    assert!(
        set_cookie.starts_with("__Host-polku_session="),
        "{set_cookie}"
    );
    for attribute in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
        assert!(
            set_cookie.contains(attribute),
            "{attribute} missing: {set_cookie}"
        );
    }
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
}

async fn login_rotates_the_session_id(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let first = app.login("maija@example.fi").await;
    let response = app
        .client
        .post(app.url("/login"))
        .header(COOKIE, cookie(&first))
        .form(&[("email", "maija@example.fi"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    let second = session_cookie(response.headers()).expect("new cookie");
    assert_ne!(first, second);
    let old = app.get_with_session("/workspaces", &first).await;
    assert_eq!(old.status(), 303, "the old session no longer works");
    let new = app.get_with_session("/workspaces", &second).await;
    assert_eq!(new.status(), 200);
}

async fn wrong_password_is_refused_in_the_users_language(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    for (lang, words) in [
        ("fi", "salasana on väärin"),
        ("sv", "lösenordet är fel"),
        ("en", "password is wrong"),
    ] {
        let response = app
            .client
            .post(app.url(&format!("/login?lang={lang}")))
            .form(&[
                ("email", "maija@example.fi"),
                ("password", "wrong-password-here"),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), 401);
        assert!(session_cookie(response.headers()).is_none());
        let html = response.text().await.expect("body");
        assert!(html.contains(words), "{lang}: {html}");
        assert!(
            html.contains("value=\"maija@example.fi\""),
            "the e-mail is kept"
        );
    }
    let unknown = app
        .post_form(
            "/login",
            &[("email", "nobody@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(unknown.status(), 401);
}

async fn logout_ends_the_session(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let response = app
        .client
        .post(app.url("/logout"))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("logout");
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()[SET_COOKIE]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );
    let after = app.get_with_session("/api/v1/workspaces", &session).await;
    assert_eq!(after.status(), 401);
}

async fn idle_and_absolute_timeouts_end_sessions(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let now = OffsetDateTime::now_utc();
    let cases = [
        ("idle", now - Duration::hours(1), now - Duration::hours(3)),
        (
            "absolute",
            now - Duration::hours(13),
            now - Duration::minutes(1),
        ),
    ];
    for (what, created, last_seen) in cases {
        let session = app.login("maija@example.fi").await;
        let ok = app.get_with_session("/api/v1/workspaces", &session).await;
        assert_eq!(ok.status(), 200, "{what}: fresh session works");
        app.db
            .store
            .set_login_session_times(&secret_hash(&session), created, last_seen)
            .await
            .expect("backdated");
        let expired = app.get_with_session("/api/v1/workspaces", &session).await;
        assert_eq!(expired.status(), 401, "{what} timeout ends the session");
        assert!(
            app.db
                .store
                .find_login_session(&secret_hash(&session))
                .await
                .expect("query")
                .is_none(),
            "{what}: the expired session is deleted"
        );
    }
}

async fn login_is_rate_limited_per_account_with_retry_after(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let response = app
            .client
            .post(app.url("/login"))
            .form(&[
                ("email", "maija@example.fi"),
                ("password", "not-the-password"),
            ])
            .send()
            .await
            .expect("login");
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            let retry: u64 = response.headers()[RETRY_AFTER]
                .to_str()
                .expect("ascii")
                .parse()
                .expect("seconds");
            assert!(retry >= 1);
        }
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(statuses[10], 429);
    // Even the right password waits now: guessing cannot go on.
    let right = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(right.status(), 429);
}

async fn foreign_origin_is_refused_on_state_changing_requests(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let page = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("origin", "http://evil.example")
        .form(&[("name", "Kaapattu")])
        .send()
        .await
        .expect("post");
    assert_eq!(page.status(), 403);
    let api = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .header("origin", "http://evil.example")
        .json(&serde_json::json!({"name": "Kaapattu"}))
        .send()
        .await
        .expect("post");
    assert_eq!(api.status(), 403);
    let body: serde_json::Value = api.json().await.expect("json");
    assert_eq!(body["error"]["code"], "cross_origin_request");
    let fetch_metadata = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("sec-fetch-site", "cross-site")
        .form(&[("name", "Kaapattu")])
        .send()
        .await
        .expect("post");
    assert_eq!(fetch_metadata.status(), 403);
    let listed = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(!listed.contains("Kaapattu"), "nothing was created");
    let same_origin = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("origin", app.base.clone())
        .form(&[("name", "Oma hanke")])
        .send()
        .await
        .expect("post");
    assert_eq!(same_origin.status(), 303);
}

async fn login_follows_only_local_next_paths(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    for (next, expected) in [
        ("/workspaces?x=1", "/workspaces?x=1"),
        ("//evil.example/", "/workspaces"),
        ("https://evil.example/", "/workspaces"),
    ] {
        let response = app
            .client
            .post(app.url("/login"))
            .form(&[
                ("email", "maija@example.fi"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(response.headers()["location"], expected, "next={next}");
    }
}
