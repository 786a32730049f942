//! A workspace's privacy settings: owners change them on a page (errors
//! beside the fields, nothing typed lost) or through the API, others read;
//! the small-group threshold decides what results show; the sweeper erases
//! participants past the retention period.

use std::time::Duration;

use polku_domain::{Role, WorkspaceId};
use polku_store::testing::{Backend, Bind};
use polku_web::WebConfig;
use reqwest::StatusCode;
use reqwest::header::COOKIE;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, assert_field_error, cookie, error_code, get_html};

app_test!(
    owners_change_the_settings_and_other_members_only_read_them,
    the_settings_form_keeps_what_was_typed_and_shows_errors_beside_the_fields,
    the_workspace_threshold_decides_which_groups_show_as_numbers,
    an_array_body_is_422_and_a_whole_valued_float_is_an_integer,
);

/// The settings API of workspace `ws`.
fn settings_path(ws: &str) -> String {
    format!("/api/v1/workspaces/{ws}/settings")
}

async fn patch(app: &TestApp, token: &str, ws: &str, body: Value) -> reqwest::Response {
    app.client
        .patch(app.url(&settings_path(ws)))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("patch")
}

/// A new account with `role` in `ws`, and its token.
async fn member(app: &TestApp, ws: &str, email: &str, role: Role) -> String {
    let user = app.user(email, false).await;
    let ws: WorkspaceId = ws.parse().expect("workspace id");
    app.db
        .store
        .add_member(ws, user.id, role)
        .await
        .expect("member");
    app.token(email).await
}

async fn owners_change_the_settings_and_other_members_only_read_them(app: &TestApp) {
    app.user("omistaja@example.fi", false).await;
    let owner = app.token("omistaja@example.fi").await;
    let ws = app.workspace(&owner, "Hanke").await;
    let facilitator = member(app, &ws, "ohjaaja@example.fi", Role::Facilitator).await;
    let viewer = member(app, &ws, "lukija@example.fi", Role::Viewer).await;

    let read = app.get_json(app.url(&settings_path(&ws)), &viewer).await;
    assert_eq!(
        read,
        json!({ "small_group_threshold": 5, "retention_months": 12 }),
        "the defaults, readable by a viewer"
    );

    let changed = patch(app, &owner, &ws, json!({ "small_group_threshold": 3 })).await;
    assert_eq!(changed.status(), 200);
    let body: Value = changed.json().await.expect("json");
    assert_eq!(
        body,
        json!({ "small_group_threshold": 3, "retention_months": 12 }),
        "a setting left out stays"
    );
    let changed = patch(app, &owner, &ws, json!({ "retention_months": 60 })).await;
    assert_eq!(changed.status(), 200);
    assert_eq!(
        app.get_json(app.url(&settings_path(&ws)), &facilitator)
            .await,
        json!({ "small_group_threshold": 3, "retention_months": 60 })
    );

    for (body, code) in [
        (
            json!({ "small_group_threshold": 2 }),
            "invalid_small_group_threshold",
        ),
        (
            json!({ "small_group_threshold": 21 }),
            "invalid_small_group_threshold",
        ),
        (json!({ "retention_months": 0 }), "invalid_retention_months"),
        (
            json!({ "retention_months": 61 }),
            "invalid_retention_months",
        ),
        (json!({ "retention_months": "12" }), "invalid_fields"),
        (json!({ "retention": 12 }), "invalid_fields"),
    ] {
        let refused = patch(app, &owner, &ws, body.clone()).await;
        let (status, got, _) = error_code(refused).await;
        assert_eq!(
            (status, got.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, code),
            "{body}"
        );
    }
    let both_bad = patch(
        app,
        &owner,
        &ws,
        json!({ "small_group_threshold": 4, "retention_months": 99 }),
    )
    .await;
    assert_eq!(both_bad.status(), 422);

    for token in [&facilitator, &viewer] {
        let refused = patch(app, token, &ws, json!({ "small_group_threshold": 10 })).await;
        let (status, code, _) = error_code(refused).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::FORBIDDEN, "forbidden")
        );
    }
    assert_eq!(
        app.get_json(app.url(&settings_path(&ws)), &owner).await,
        json!({ "small_group_threshold": 3, "retention_months": 60 }),
        "nothing refused was stored, half of a bad change neither"
    );

    let spec = app.openapi().await;
    let path = &spec["paths"]["/api/v1/workspaces/{workspace_id}/settings"];
    assert!(
        path["get"].is_object() && path["patch"].is_object(),
        "{path}"
    );
}

/// No body of the API is an array, though serde would read a struct's
/// fields from one; JSON Schema counts `4.0` as an integer, so it is one.
async fn an_array_body_is_422_and_a_whole_valued_float_is_an_integer(app: &TestApp) {
    app.user("omistaja@example.fi", false).await;
    let owner = app.token("omistaja@example.fi").await;
    let ws = app.workspace(&owner, "Hanke").await;

    for body in [json!([null, null]), json!([4, 24]), json!("x"), json!(4)] {
        let refused = patch(app, &owner, &ws, body.clone()).await;
        let (status, code, _) = error_code(refused).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields"),
            "{body}"
        );
    }

    let changed = patch(
        app,
        &owner,
        &ws,
        json!({ "small_group_threshold": 11.0, "retention_months": 4e0 }),
    )
    .await;
    assert_eq!(changed.status(), 200);
    let body: Value = changed.json().await.expect("json");
    assert_eq!(
        body,
        json!({ "small_group_threshold": 11, "retention_months": 4 })
    );
    for (body, code) in [
        (
            json!({ "small_group_threshold": 4.5 }),
            "invalid_small_group_threshold",
        ),
        (
            json!({ "retention_months": 1e300 }),
            "invalid_retention_months",
        ),
        (
            json!({ "retention_months": u64::MAX }),
            "invalid_retention_months",
        ),
    ] {
        let refused = patch(app, &owner, &ws, body.clone()).await;
        let (status, got, _) = error_code(refused).await;
        assert_eq!(
            (status, got.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, code),
            "{body}"
        );
    }
}

async fn the_settings_form_keeps_what_was_typed_and_shows_errors_beside_the_fields(app: &TestApp) {
    app.user("omistaja@example.fi", false).await;
    let owner = app.login("omistaja@example.fi").await;
    let token = app.token("omistaja@example.fi").await;
    let ws = app.workspace(&token, "Hanke").await;
    let page = format!("/workspaces/{ws}/settings");

    let (status, home) = get_html(
        app,
        &format!("/workspaces/{ws}?lang=en"),
        &[("cookie", &cookie(&owner))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        home.contains(&format!("href=\"{page}\"")),
        "owners find the settings from the workspace home"
    );
    assert!(
        home.contains("In results, small groups (under 5) show as &#34;&#60; 5&#34;.")
            && home.contains("erased 12 months after"),
        "{home}"
    );

    let (status, html) = get_html(
        app,
        &format!("{page}?lang=en"),
        &[("cookie", &cookie(&owner))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"settings-small-group-threshold\""));
    assert!(html.contains("value=\"5\"") && html.contains("value=\"12\""));
    assert!(
        html.contains("shows as &#34;&#60; number&#34;")
            && html.contains("nicknames and return codes are erased")
            && html.contains("Notes and votes stay"),
        "plain-language help: {html}"
    );

    let refused = app
        .client
        .post(app.url(&format!("{page}?lang=en")))
        .header(COOKIE, cookie(&owner))
        .form(&[
            ("small_group_threshold", "2"),
            ("retention_months", "kolme"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(
        &html,
        "settings-small-group-threshold",
        "Write the smallest group shown as a whole number from 3 to 20.",
    );
    assert_field_error(
        &html,
        "settings-retention-months",
        "Write the retention period in months, a whole number from 1 to 60.",
    );
    assert!(
        html.contains("value=\"2\"") && html.contains("value=\"kolme\""),
        "what was typed stays"
    );
    let (status, fi) = get_html(app, &page, &[("cookie", &cookie(&owner))]).await;
    assert_eq!(status, 200);
    assert!(fi.contains("value=\"5\""), "nothing was saved");

    let saved = app
        .client
        .post(app.url(&page))
        .header(COOKIE, cookie(&owner))
        .form(&[("small_group_threshold", " 7 "), ("retention_months", "24")])
        .send()
        .await
        .expect("post");
    assert_eq!(saved.status(), 303);
    let location = saved.headers()["location"].to_str().expect("location");
    assert_eq!(location, format!("{page}?notice=saved"));
    let (_, html) = get_html(app, location, &[("cookie", &cookie(&owner))]).await;
    assert!(html.contains("Asetukset tallennettiin."), "{html}");
    assert!(html.contains("value=\"7\"") && html.contains("value=\"24\""));
    assert_eq!(
        app.get_json(app.url(&settings_path(&ws)), &token).await,
        json!({ "small_group_threshold": 7, "retention_months": 24 })
    );

    // A facilitator neither reaches the page nor finds a link to it.
    member(app, &ws, "ohjaaja@example.fi", Role::Facilitator).await;
    let facilitator = app.login("ohjaaja@example.fi").await;
    let (status, _) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    assert_eq!(status, 403);
    let denied = app
        .client
        .post(app.url(&page))
        .header(COOKIE, cookie(&facilitator))
        .form(&[("small_group_threshold", "3"), ("retention_months", "1")])
        .send()
        .await
        .expect("post");
    assert_eq!(denied.status(), 403);
    let (_, home) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    assert!(!home.contains(&format!("href=\"{page}\"")));
    assert!(
        home.contains("alle 7"),
        "every member reads the rules: {home}"
    );
}

/// A facilitator's token, the workspace and an open session in it.
async fn session(app: &TestApp) -> (String, String, Value) {
    app.user("ohjaaja@example.fi", false).await;
    let token = app.token("ohjaaja@example.fi").await;
    let ws = app.workspace(&token, "Työpajahanke").await;
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&token)
        .json(&json!({ "workspace_id": ws, "title": "Ideatyöpaja" }))
        .send()
        .await
        .expect("open");
    assert_eq!(response.status(), 201);
    (token, ws, response.json().await.expect("session"))
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let response = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post");
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.expect("json")
}

/// Joins as `nickname` with `perspective`; the participant token.
async fn join(app: &TestApp, session: &Value, nickname: &str, perspective: &str) -> String {
    let response = app
        .client
        .post(app.url("/api/v1/join"))
        .json(&json!({
            "code": session["join_code"],
            "nickname": nickname,
            "perspective": perspective,
        }))
        .send()
        .await
        .expect("join");
    assert_eq!(response.status(), 201);
    let joined: Value = response.json().await.expect("json");
    joined["participant_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// `count` votes of `token` on `note`.
async fn vote(app: &TestApp, token: &str, session: &str, note: &str, count: usize) {
    for _ in 0..count {
        post(
            app,
            token,
            &format!("/api/v1/sessions/{session}/votes"),
            json!({ "note_id": note }),
        )
        .await;
    }
}

async fn the_workspace_threshold_decides_which_groups_show_as_numbers(app: &TestApp) {
    let (facilitator, ws, session) = session(app).await;
    let id = session["id"].as_str().expect("id").to_owned();
    let kettu = join(app, &session, "Kettu", "client").await;
    let karhu = join(app, &session, "Karhu", "professional").await;
    let susi = join(app, &session, "Susi", "professional").await;
    let note = post(
        app,
        &kettu,
        &format!("/api/v1/sessions/{id}/notes"),
        json!({ "text": "Jono on liian pitkä" }),
    )
    .await;
    let note = note["id"].as_str().expect("note id").to_owned();
    vote(app, &kettu, &id, &note, 3).await;
    vote(app, &karhu, &id, &note, 5).await;
    vote(app, &susi, &id, &note, 2).await;
    post(
        app,
        &facilitator,
        &format!("/api/v1/sessions/{id}/reveal"),
        json!({}),
    )
    .await;
    let base = format!("/workspaces/{ws}/live/{id}");
    let auth = format!("Bearer {facilitator}");

    // 3 client votes and 7 professional ones, under each threshold.
    for (threshold, client, professional) in [(5, "<5", "7"), (3, "3", "7"), (10, "<10", "<10")] {
        patch(
            app,
            &facilitator,
            &ws,
            json!({ "small_group_threshold": threshold }),
        )
        .await;
        let (_, csv) = get_html(
            app,
            &format!("{base}/results.csv"),
            &[("authorization", &auth)],
        )
        .await;
        let row = csv.lines().nth(1).expect("a note");
        assert!(
            row.contains(&format!(",10,{client},0,{professional},")),
            "threshold {threshold}: {row}"
        );
        let (_, json) = get_html(
            app,
            &format!("{base}/results.json"),
            &[("authorization", &auth)],
        )
        .await;
        let results: Value = serde_json::from_str(&json).expect("json");
        let by = &results["notes"][0]["votes_by_perspective"];
        assert_eq!(by["client"], client, "threshold {threshold}");
        assert_eq!(by["professional"], professional, "threshold {threshold}");
        let (_, html) =
            get_html(app, &format!("{base}?lang=en"), &[("authorization", &auth)]).await;
        let spaced = |shown: &str| shown.replace('<', "&#60; ");
        assert!(
            html.contains(&format!(
                "Client {}, Professional {}",
                spaced(client),
                spaced(professional)
            )),
            "threshold {threshold}: the facilitator's breakdown"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweeper_erases_participants_past_the_retention_period() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let config = WebConfig {
            sweep_interval: Duration::from_millis(50),
            ..WebConfig::default()
        };
        let app = TestApp::spawn_with(backend, config).await;
        let (facilitator, ws, session) = session(&app).await;
        let id = session["id"].as_str().expect("id").to_owned();
        let kettu = join(&app, &session, "Kettu", "client").await;
        post(
            &app,
            &kettu,
            &format!("/api/v1/sessions/{id}/notes"),
            json!({ "text": "Jono on liian pitkä" }),
        )
        .await;
        post(
            &app,
            &facilitator,
            &format!("/api/v1/sessions/{id}/close"),
            json!({}),
        )
        .await;
        let base = format!("/workspaces/{ws}/live/{id}");
        let auth = format!("Bearer {facilitator}");
        let (_, log) = get_html(
            &app,
            &format!("{base}/participants.csv"),
            &[("authorization", &auth)],
        )
        .await;
        assert!(
            log.contains("\nKettu,client,"),
            "kept within the period: {log}"
        );

        // Closed a year and a day ago, past the default 12 months.
        let long_ago = time::OffsetDateTime::now_utc() - time::Duration::days(367);
        let ms = i64::try_from(long_ago.unix_timestamp_nanos() / 1_000_000).expect("ms");
        app.db
            .store
            .execute_for_test(
                "UPDATE live_sessions SET closed_at = $1 WHERE id = $2",
                &[Bind::Int(ms), Bind::Text(id.clone())],
            )
            .await
            .expect("aged");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let log = loop {
            let (_, log) = get_html(
                &app,
                &format!("{base}/participants.csv?lang=en"),
                &[("authorization", &auth)],
            )
            .await;
            if !log.contains("Kettu") {
                break log;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the sweeper never erased the participant: {log}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert!(log.contains("\nerased,client,"), "{log}");
        assert!(
            log.trim_end().ends_with(",1,0"),
            "the note still counts: {log}"
        );
        let (_, fi) = get_html(
            &app,
            &format!("{base}/participants.csv"),
            &[("authorization", &auth)],
        )
        .await;
        assert!(fi.contains("\npoistettu,client,"), "{fi}");
        let (_, html) = get_html(
            &app,
            &format!("{base}?lang=sv"),
            &[("authorization", &auth)],
        )
        .await;
        assert!(html.contains("Jono on liian pitkä"), "the note stays");
        assert!(html.contains("raderad · Klient"), "{html}");
        assert!(!html.contains("Kettu"));
    }
}
