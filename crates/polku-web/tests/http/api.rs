//! The JSON API: workspaces, members, errors in the contract's shape.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test};

app_test!(
    healthz_says_ok,
    workspaces_are_created_and_listed_for_their_members_only,
    bearer_token_and_page_session_both_authenticate,
    bad_json_is_a_4xx_in_the_error_shape,
    oversized_body_is_413_in_the_error_shape,
    unknown_and_malformed_workspace_ids_are_404,
    error_messages_follow_the_requested_language,
    member_rules_hold_through_the_api,
    admin_sees_and_manages_every_workspace,
);

async fn error_code(response: reqwest::Response) -> (StatusCode, String, String) {
    let status = response.status();
    let body: Value = response.json().await.expect("error body is JSON");
    let code = body["error"]["code"].as_str().expect("code").to_owned();
    let message = body["error"]["message"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(
        !message.is_empty() && message != format!("error-{code}"),
        "message translated"
    );
    (status, code, message)
}

async fn healthz_says_ok(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), "ok");
}

async fn workspaces_are_created_and_listed_for_their_members_only(app: &TestApp) {
    app.user("a@example.fi", false).await;
    app.user("b@example.fi", false).await;
    let a = app.token("a@example.fi").await;
    let b = app.token("b@example.fi").await;
    let created = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&a)
        .json(&json!({"name": "  Nuorten polut  "}))
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 201);
    let body: Value = created.json().await.expect("json");
    assert_eq!(body["name"], "Nuorten polut");
    assert_eq!(body["role"], "owner");
    let id = body["id"].as_str().expect("id").to_owned();

    let listed: Value = app.get_json(app.url("/api/v1/workspaces"), &a).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(listed[0]["name"], "Nuorten polut");

    let other: Value = app.get_json(app.url("/api/v1/workspaces"), &b).await;
    assert_eq!(other, json!([]));

    let detail: Value = app
        .get_json(app.url(&format!("/api/v1/workspaces/{id}")), &a)
        .await;
    assert_eq!(detail["id"], id.as_str());
    assert_eq!(detail["groups"], json!([]));
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

async fn bad_json_is_a_4xx_in_the_error_shape(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    let cases: [(&str, &str, u16, &str); 6] = [
        ("{", "application/json", 400, "invalid_json"),
        (r#"{"name": "x""#, "application/json", 400, "invalid_json"),
        (r#"{"name": 5}"#, "application/json", 422, "invalid_fields"),
        (r#"{}"#, "application/json", 422, "invalid_fields"),
        (r#"{"name": ""}"#, "application/json", 422, "required"),
        (r#"{"name": "x"}"#, "text/plain", 415, "json_required"),
    ];
    for (body, content_type, status, code) in cases {
        let response = app
            .client
            .post(app.url("/api/v1/workspaces"))
            .bearer_auth(&token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("post");
        let (got_status, got_code, _) = error_code(response).await;
        assert_eq!(
            (got_status.as_u16(), got_code.as_str()),
            (status, code),
            "body {body}"
        );
    }
    let long = json!({"name": "x".repeat(121)});
    let response = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .json(&long)
        .send()
        .await
        .expect("post");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "too_long"));
}

async fn oversized_body_is_413_in_the_error_shape(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    let huge = json!({"name": "x".repeat(200 * 1024)});
    let response = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .json(&huge)
        .send()
        .await
        .expect("post");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (413, "payload_too_large"));
}

async fn unknown_and_malformed_workspace_ids_are_404(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    for id in ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1"] {
        for path in [
            format!("/api/v1/workspaces/{id}"),
            format!("/api/v1/workspaces/{id}/members"),
        ] {
            let response = app
                .client
                .get(app.url(&path))
                .bearer_auth(&token)
                .send()
                .await
                .expect("get");
            let (status, code, _) = error_code(response).await;
            assert_eq!(
                (status.as_u16(), code.as_str()),
                (404, "not_found"),
                "{path}"
            );
        }
    }
    let response = app
        .client
        .get(app.url("/api/v1/nothing-here"))
        .send()
        .await
        .expect("get");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (404, "not_found"));
}

async fn error_messages_follow_the_requested_language(app: &TestApp) {
    let mut messages = Vec::new();
    for lang in ["fi", "sv", "en"] {
        let response = app
            .client
            .get(app.url("/api/v1/workspaces"))
            .header("accept-language", lang)
            .send()
            .await
            .expect("get");
        let (_, code, message) = error_code(response).await;
        assert_eq!(code, "unauthorized");
        messages.push(message);
    }
    assert_eq!(messages[2], "Please log in first.");
    assert_ne!(messages[0], messages[1]);
    assert_ne!(messages[1], messages[2]);
}

async fn member_rules_hold_through_the_api(app: &TestApp) {
    app.user("owner@example.fi", false).await;
    let facilitator = app.user("fac@example.fi", false).await;
    let viewer = app.user("viewer@example.fi", false).await;
    app.user("spare@example.fi", false).await;
    let owner_token = app.token("owner@example.fi").await;
    let ws = app.workspace(&owner_token, "Hanke").await;
    let members = app.url(&format!("/api/v1/workspaces/{ws}/members"));
    let add = |token: String, email: &'static str, role: &'static str| {
        let request = app
            .client
            .post(members.clone())
            .bearer_auth(token)
            .json(&json!({"email": email, "role": role}));
        async move { request.send().await.expect("post") }
    };
    let added = add(owner_token.clone(), "FAC@example.fi", "facilitator").await;
    assert_eq!(added.status(), 201);
    let body: Value = added.json().await.expect("json");
    assert_eq!(body["email"], "fac@example.fi");
    assert_eq!(body["role"], "facilitator");
    assert_eq!(
        add(owner_token.clone(), "viewer@example.fi", "viewer")
            .await
            .status(),
        201
    );

    let (status, code, _) =
        error_code(add(owner_token.clone(), "viewer@example.fi", "viewer").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (409, "already_member"));
    let (status, code, _) =
        error_code(add(owner_token.clone(), "ghost@example.fi", "viewer").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "unknown_account"));
    let (status, code, _) =
        error_code(add(owner_token.clone(), "spare@example.fi", "boss").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "invalid_role"));

    let fac_token = app.token("fac@example.fi").await;
    let viewer_token = app.token("viewer@example.fi").await;
    let (status, _, _) =
        error_code(add(fac_token.clone(), "spare@example.fi", "owner").await).await;
    assert_eq!(status, 403, "a facilitator cannot make owners");
    let (status, _, _) =
        error_code(add(viewer_token.clone(), "spare@example.fi", "viewer").await).await;
    assert_eq!(status, 403, "a viewer cannot add members");

    let listed: Value = app.get_json(members.clone(), &viewer_token).await;
    let roles: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["role"].as_str())
        .collect();
    assert_eq!(roles, ["owner", "facilitator", "viewer"]);

    let owner_id = listed[0]["user_id"].as_str().expect("id").to_owned();
    let delete = |token: String, user: String| {
        let request = app
            .client
            .delete(format!("{members}/{user}"))
            .bearer_auth(token);
        async move { request.send().await.expect("delete") }
    };
    let (status, _, _) = error_code(delete(fac_token.clone(), owner_id.clone()).await).await;
    assert_eq!(status, 403, "a facilitator cannot remove an owner");
    let (status, code, _) = error_code(delete(owner_token.clone(), owner_id.clone()).await).await;
    assert_eq!((status.as_u16(), code.as_str()), (409, "last_owner"));
    assert_eq!(
        delete(fac_token.clone(), viewer.id.to_string())
            .await
            .status(),
        204
    );
    let (status, _, _) = error_code(delete(fac_token.clone(), viewer.id.to_string()).await).await;
    assert_eq!(status, 404);
    assert_eq!(
        delete(owner_token.clone(), facilitator.id.to_string())
            .await
            .status(),
        204
    );
    let gone = app
        .client
        .get(members.clone())
        .bearer_auth(&fac_token)
        .send()
        .await
        .expect("get");
    assert_eq!(gone.status(), 403, "a removed member loses access");
}

async fn admin_sees_and_manages_every_workspace(app: &TestApp) {
    app.user("owner@example.fi", false).await;
    app.user("admin@example.fi", true).await;
    app.user("new@example.fi", false).await;
    let owner = app.token("owner@example.fi").await;
    let admin = app.token("admin@example.fi").await;
    let ws = app.workspace(&owner, "Jonkun hanke").await;
    let listed: Value = app.get_json(app.url("/api/v1/workspaces"), &admin).await;
    assert_eq!(listed[0]["id"], ws.as_str());
    let added = app
        .client
        .post(app.url(&format!("/api/v1/workspaces/{ws}/members")))
        .bearer_auth(&admin)
        .json(&json!({"email": "new@example.fi", "role": "owner"}))
        .send()
        .await
        .expect("post");
    assert_eq!(added.status(), 201);
}
