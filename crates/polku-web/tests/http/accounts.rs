//! Signing in and out, sessions, tokens, login limits.

use polku_app::credentials::secret_hash;
use reqwest::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use time::{Duration, OffsetDateTime};

use crate::helpers::{
    PASSWORD, TestApp, app_test, assert_field_error, cookie, error_code, get_html, session_cookie,
};

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
    the_login_page_sends_a_signed_in_user_on,
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
        let message = &html[html.find("id=\"email-error\">").expect("beside the field")
            + "id=\"email-error\">".len()..];
        let message = &message[..message.find('<').unwrap_or(0)];
        assert_field_error(&html, "email", message);
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

async fn the_login_page_sends_a_signed_in_user_on(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let response = app.get_with_session("/login", &session).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/workspaces");
    // A local `next` is followed as the form would; another host is not.
    let response = app.get_with_session("/login?next=/account", &session).await;
    assert_eq!(response.headers()["location"], "/account");
    let response = app
        .get_with_session("/login?next=//evil.example/", &session)
        .await;
    assert_eq!(response.headers()["location"], "/workspaces");
}

// The account page, tokens and reset links.

app_test!(
    account_page_needs_a_login_and_is_linked_from_the_header,
    name_change_shows_in_the_header,
    password_change_needs_the_current_password_and_ends_other_sessions,
    log_out_everywhere_ends_every_session_but_not_tokens,
    a_new_token_has_a_name_and_an_expiry_and_is_shown_once,
    expired_and_revoked_tokens_give_401,
    another_users_token_cannot_be_revoked,
    a_reset_link_works_once,
    an_expired_or_unknown_reset_link_gives_a_clear_page,
);

/// POSTs a form to `path` with a page session.
async fn post_with_session(
    app: &TestApp,
    path: &str,
    session: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header(COOKIE, cookie(session))
        .form(form)
        .send()
        .await
        .expect("post")
}

/// The status and HTML of `path` with a page session.
async fn page(app: &TestApp, path: &str, session: &str) -> (u16, String) {
    let response = app.get_with_session(path, session).await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// Whether a page session still works.
async fn works(app: &TestApp, session: &str) -> bool {
    app.get_with_session("/api/v1/workspaces", session)
        .await
        .status()
        == 200
}

/// The status of `GET /api/v1/workspaces` with a bearer token.
async fn token_status(app: &TestApp, token: &str) -> u16 {
    app.client
        .get(app.url("/api/v1/workspaces"))
        .bearer_auth(token)
        .send()
        .await
        .expect("get")
        .status()
        .as_u16()
}

/// The value of the input with `id` in `html`.
fn input_value(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let tag_end = at + html[at..].find('>')?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_end];
    let value = tag.split("value=\"").nth(1)?;
    Some(value.split('"').next()?.to_owned())
}

async fn account_page_needs_a_login_and_is_linked_from_the_header(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let anonymous = app
        .client
        .get(app.url("/account"))
        .send()
        .await
        .expect("get");
    assert_eq!(anonymous.status(), 303);
    assert_eq!(anonymous.headers()["location"], "/login?next=/account");
    let session = app.login("maija@example.fi").await;
    let (status, html) = page(app, "/workspaces", &session).await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/account\""), "{html}");
    let (status, html) = page(app, "/account?lang=en", &session).await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Your account</h1>"), "{html}");
    assert!(html.contains("maija@example.fi"));
    assert_eq!(
        input_value(&html, "display-name").as_deref(),
        Some("Testi Käyttäjä")
    );
    assert!(html.contains("You have no API tokens."));
}

async fn name_change_shows_in_the_header(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let response = post_with_session(
        app,
        "/account/name",
        &session,
        &[("name", "Maija Meikäläinen")],
    )
    .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(location, "/account?notice=name_changed");
    let (_, html) = page(app, &format!("{location}&lang=en"), &session).await;
    assert!(html.contains("Your name is saved."), "{html}");
    let (_, html) = page(app, "/workspaces", &session).await;
    assert!(
        html.contains("<strong>Maija Meikäläinen</strong>"),
        "the header shows the new name: {html}"
    );

    let long = "N".repeat(101);
    let response =
        post_with_session(app, "/account/name?lang=en", &session, &[("name", &long)]).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        input_value(&html, "display-name"),
        Some(long),
        "what was typed is kept"
    );
    assert_field_error(&html, "display-name", "The text is too long.");
}

async fn password_change_needs_the_current_password_and_ends_other_sessions(app: &TestApp) {
    const NEW: &str = "punainen-Orava-kiipeää-31";
    app.user("maija@example.fi", false).await;
    let here = app.login("maija@example.fi").await;
    let phone = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let cases = [
        (
            "not-the-password",
            NEW,
            NEW,
            "current-password-error",
            "The current password is wrong.",
        ),
        (
            PASSWORD,
            NEW,
            "punainen-Orava-kiipeää-32",
            "new-password-again-error",
            "not the same",
        ),
        (
            PASSWORD,
            "salasana1234",
            "salasana1234",
            "new-password-error",
            "too easy to guess",
        ),
    ];
    for (current, new, again, error_id, words) in cases {
        let response = post_with_session(
            app,
            "/account/password?lang=en",
            &here,
            &[
                ("current_password", current),
                ("new_password", new),
                ("new_password_again", again),
            ],
        )
        .await;
        assert_eq!(response.status(), 422, "{error_id}");
        assert!(session_cookie(response.headers()).is_none());
        let html = response.text().await.expect("body");
        assert!(html.contains(&format!("id=\"{error_id}\"")), "{html}");
        assert!(html.contains(words), "{words}: {html}");
        assert!(
            !html.contains(current) && !html.contains(new),
            "no password is echoed"
        );
        assert!(works(app, &here).await && works(app, &phone).await);
    }
    let response = post_with_session(
        app,
        "/account/password",
        &here,
        &[
            ("current_password", PASSWORD),
            ("new_password", NEW),
            ("new_password_again", NEW),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/account?notice=password_changed"
    );
    let rotated = session_cookie(response.headers()).expect("a new session id");
    assert_ne!(rotated, here);
    assert!(works(app, &rotated).await, "this browser stays signed in");
    assert!(!works(app, &here).await, "under a new id");
    assert!(!works(app, &phone).await, "other sessions end");
    assert_eq!(
        token_status(app, &token).await,
        200,
        "tokens are not sessions"
    );
    let old = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(old.status(), 401);
    let new = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", NEW)],
        )
        .await;
    assert_eq!(new.status(), 303);
}

async fn log_out_everywhere_ends_every_session_but_not_tokens(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    app.user("other@example.fi", false).await;
    let here = app.login("maija@example.fi").await;
    let phone = app.login("maija@example.fi").await;
    let someone_else = app.login("other@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let response = post_with_session(app, "/account/sessions/end", &here, &[]).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(location, "/login?notice=signed_out_everywhere");
    assert!(
        response.headers()[SET_COOKIE]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );
    assert!(!works(app, &here).await && !works(app, &phone).await);
    assert!(
        works(app, &someone_else).await,
        "another user's session stays"
    );
    assert_eq!(token_status(app, &token).await, 200);
    let (_, html) = get_html(app, &format!("{location}&lang=en"), &[]).await;
    assert!(
        html.contains("You have been logged out on every device."),
        "{html}"
    );
}

async fn a_new_token_has_a_name_and_an_expiry_and_is_shown_once(app: &TestApp) {
    let maija = app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let response = post_with_session(
        app,
        "/account/tokens?lang=en",
        &session,
        &[("name", "Raporttityökalu"), ("days", "30")],
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = response.text().await.expect("body");
    let secret = input_value(&html, "new-token-secret").expect("the token is shown");
    assert!(
        secret.starts_with("polku_") && secret.len() == 70,
        "{secret}"
    );
    assert!(html.contains("It is shown only this once."), "{html}");
    assert_eq!(token_status(app, &secret).await, 200);

    let tokens = app.db.store.list_api_tokens(maija.id).await.expect("list");
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].name.as_str(), "Raporttityökalu");
    // Creation is stamped a moment after the expiry is computed: compare to
    // the nearest minute, not the exact day count.
    let span = tokens[0].expires_at - tokens[0].created_at;
    assert!(
        (span - time::Duration::days(30)).abs() < time::Duration::minutes(1),
        "{span}"
    );
    assert!(tokens[0].last_used_at.is_some(), "its use is recorded");

    let (_, html) = page(app, "/account?lang=en", &session).await;
    assert!(!html.contains(&secret), "shown once only");
    assert!(html.contains("Raporttityökalu"));
    assert!(!html.contains(">never<"), "the last use is listed: {html}");

    let response = post_with_session(
        app,
        "/account/tokens?lang=en",
        &session,
        &[("name", "Toinen"), ("days", "400")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(input_value(&html, "token-name").as_deref(), Some("Toinen"));
    assert!(html.contains("id=\"token-days-error\""), "{html}");
    assert!(input_value(&html, "new-token-secret").is_none());
    let response = post_with_session(app, "/account/tokens", &session, &[("days", "90")]).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("id=\"token-name-error\"")
    );
    assert_eq!(
        app.db
            .store
            .list_api_tokens(maija.id)
            .await
            .expect("list")
            .len(),
        1
    );
}

async fn expired_and_revoked_tokens_give_401(app: &TestApp) {
    let maija = app.user("maija@example.fi", false).await;
    let expired = "polku_expired_secret";
    app.db
        .store
        .create_api_token(&polku_store::NewApiToken {
            user_id: maija.id,
            token_hash: &secret_hash(expired),
            name: &polku_domain::TokenName::parse("vanha").expect("valid"),
            created_at: OffsetDateTime::now_utc() - Duration::minutes(2),
            expires_at: OffsetDateTime::now_utc() - Duration::minutes(1),
        })
        .await
        .expect("stored");
    let response = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .bearer_auth(expired)
        .send()
        .await
        .expect("get");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (401, "unauthorized"));

    let token = app.token("maija@example.fi").await;
    let id = app
        .db
        .store
        .find_api_token_login(&secret_hash(&token))
        .await
        .expect("query")
        .expect("found")
        .token
        .id;
    let session = app.login("maija@example.fi").await;
    let (_, html) = page(app, "/account?lang=en", &session).await;
    let confirm = format!("/account/tokens/{id}/revoke");
    assert!(html.contains(&format!("href=\"{confirm}\"")), "{html}");
    assert!(html.contains("expired"), "the expired token is marked");
    let (status, html) = page(app, &format!("{confirm}?lang=en"), &session).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Revoke the API token?") && html.contains("cli"),
        "{html}"
    );
    assert_eq!(
        token_status(app, &token).await,
        200,
        "asking revokes nothing"
    );
    let response = post_with_session(app, &confirm, &session, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/account?notice=token_revoked"
    );
    assert_eq!(token_status(app, &token).await, 401);
    let (status, _) = page(app, &confirm, &session).await;
    assert_eq!(status, 404);
}

async fn another_users_token_cannot_be_revoked(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let other = app.user("other@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let name = polku_domain::TokenName::parse("Toisen salainen avain").expect("valid");
    let theirs = polku_app::tokens::issue_token(
        &app.db.store,
        &other,
        &name,
        polku_domain::TokenLifetime::DEFAULT,
    )
    .await
    .expect("issued");
    let path = format!("/account/tokens/{}/revoke", theirs.token.id);
    let (status, html) = page(app, &path, &session).await;
    assert_eq!(status, 404);
    assert!(!html.contains("Toisen salainen avain"));
    let response = post_with_session(app, &path, &session, &[]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(token_status(app, &theirs.secret).await, 200);
    let (_, html) = page(app, "/account", &session).await;
    assert!(!html.contains("Toisen salainen avain"), "not listed either");
    for bad in ["not-an-id", "00000000-0000-0000-0000-000000000000"] {
        let (status, _) = page(app, &format!("/account/tokens/{bad}/revoke"), &session).await;
        assert_eq!(status, 404, "{bad}");
    }
}

async fn a_reset_link_works_once(app: &TestApp) {
    const NEW: &str = "keltainen-Kuu-nousee-64";
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let link = polku_app::resets::issue_reset_link(&app.db.store, "maija@example.fi")
        .await
        .expect("link");
    let path = link.path();
    assert!(path.starts_with("/reset/"));
    let (status, html) = get_html(app, &format!("{path}?lang=en"), &[]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("maija@example.fi") && html.contains("Set a new password"),
        "{html}"
    );
    for (new, again, error_id) in [
        (NEW, "keltainen-Kuu-nousee-65", "new-password-again-error"),
        ("Lyhyt-1", "Lyhyt-1", "new-password-error"),
    ] {
        let response = app
            .post_form(
                &format!("{path}?lang=en"),
                &[("new_password", new), ("new_password_again", again)],
            )
            .await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.expect("body");
        assert!(html.contains(&format!("id=\"{error_id}\"")), "{html}");
    }
    assert!(
        works(app, &session).await,
        "a refused password changes nothing"
    );
    let response = app
        .post_form(&path, &[("new_password", NEW), ("new_password_again", NEW)])
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(location, "/login?notice=password_reset");
    assert!(!works(app, &session).await, "every session ended");
    let (_, html) = get_html(app, &format!("{location}&lang=en"), &[]).await;
    assert!(html.contains("Your new password is saved."), "{html}");
    let login = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", NEW)],
        )
        .await;
    assert_eq!(login.status(), 303);

    let (status, html) = get_html(app, &format!("{path}?lang=en"), &[]).await;
    assert_eq!(status, 410, "used once");
    assert!(html.contains("This link no longer works"), "{html}");
    let again = app
        .post_form(
            &path,
            &[
                ("new_password", "toinen-Yritys-taas-77"),
                ("new_password_again", "toinen-Yritys-taas-77"),
            ],
        )
        .await;
    assert_eq!(again.status(), 410);
    let still = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", NEW)],
        )
        .await;
    assert_eq!(still.status(), 303, "the second use changed nothing");
}

async fn an_expired_or_unknown_reset_link_gives_a_clear_page(app: &TestApp) {
    let maija = app.user("maija@example.fi", false).await;
    let secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    app.db
        .store
        .create_password_reset(
            maija.id,
            &secret_hash(secret),
            OffsetDateTime::now_utc() - Duration::seconds(1),
        )
        .await
        .expect("stored");
    let (status, html) = get_html(app, &format!("/reset/{secret}?lang=en"), &[]).await;
    assert_eq!(status, 410);
    assert!(html.contains("This link no longer works"), "{html}");
    let response = app
        .post_form(
            &format!("/reset/{secret}"),
            &[
                ("new_password", "keltainen-Kuu-nousee-64"),
                ("new_password_again", "keltainen-Kuu-nousee-64"),
            ],
        )
        .await;
    assert_eq!(response.status(), 410);
    let login = app
        .post_form(
            "/login",
            &[("email", "maija@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status(), 303, "the old password still works");
    let (status, html) = get_html(app, "/reset/no-such-link?lang=en", &[]).await;
    assert_eq!(status, 404);
    assert!(html.contains("This link no longer works"));
}
