//! Signing in and out, sessions, tokens, login limits.

use polku_app::credentials::secret_hash;
use reqwest::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use time::{Duration, OffsetDateTime};

use crate::helpers::{PASSWORD, TestApp, app_test, cookie, error_code, get_html, session_cookie};

app_test!(
    login_sets_a_host_only_session_cookie,
    login_rotates_the_session_id,
    wrong_password_is_refused_in_the_users_language,
    logout_ends_the_session,
    idle_and_absolute_timeouts_end_sessions,
    login_is_rate_limited_per_account_with_retry_after,
    login_follows_only_local_next_paths,
    bearer_token_and_page_session_both_authenticate,
    anonymous_visitors_are_sent_to_login_and_back,
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

async fn login_follows_only_local_next_paths(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    for (next, expected) in [
        ("/workspaces?x=1", "/workspaces?x=1"),
        ("//evil.example/", "/workspaces"),
        ("https://evil.example/", "/workspaces"),
        ("/\\evil.example/", "/workspaces"),
        ("/x\\..\\/evil.example/", "/workspaces"),
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
    // Browsers drop tabs and newlines from URLs ("/\t/evil.example" is
    // "//evil.example"), and CR/LF could split the Location header: 400.
    for next in [
        "/\t/evil.example/",
        "/workspaces\r\nSet-Cookie: x=1",
        "/\n/evil.example",
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
        assert_eq!(response.status(), 400, "next={next:?}");
        assert!(
            response.headers().get("set-cookie").is_none(),
            "no session for next={next:?}"
        );
        let shown = app
            .client
            .get(app.url("/login"))
            .query(&[("next", next)])
            .send()
            .await
            .expect("login page");
        assert_eq!(shown.status(), 400, "GET /login?next={next:?}");
    }
}

async fn bearer_token_and_page_session_both_authenticate(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    let session = app.login("a@example.fi").await;
    let by_token = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("get");
    assert_eq!(by_token.status(), 200);
    let by_cookie = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .header("cookie", crate::helpers::cookie(&session))
        .send()
        .await
        .expect("get");
    assert_eq!(by_cookie.status(), 200);
    for bad in ["polku_0000", "", "garbage with spaces"] {
        let response = app
            .client
            .get(app.url("/api/v1/workspaces"))
            .bearer_auth(bad)
            .send()
            .await
            .expect("get");
        let (status, code, _) = error_code(response).await;
        assert_eq!((status.as_u16(), code.as_str()), (401, "unauthorized"));
    }
    let none = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .send()
        .await
        .expect("get");
    assert_eq!(none.status(), 401);
}

async fn anonymous_visitors_are_sent_to_login_and_back(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let response = app
        .client
        .get(app.url("/workspaces?lang=sv"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(location, "/login?next=/workspaces%3Flang%3Dsv");
    let (_, html) = get_html(app, &location, &[]).await;
    assert!(
        html.contains("name=\"next\" value=\"/workspaces?lang=sv\""),
        "{html}"
    );
    let front = app.client.get(app.url("/")).send().await.expect("get");
    assert_eq!(front.headers()["location"], "/login");
    let session = app.login("maija@example.fi").await;
    let front = app.get_with_session("/", &session).await;
    assert_eq!(front.headers()["location"], "/workspaces");
}
