//! Workspaces and members, through the pages and the API.

use reqwest::header::COOKIE;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, cookie, error_code, get_html};

app_test!(
    workspaces_are_created_and_listed_for_their_members_only,
    unknown_and_malformed_workspace_ids_are_404,
    member_rules_hold_through_the_api,
    admin_sees_and_manages_every_workspace,
    workspace_form_creates_and_keeps_input_on_error,
    member_forms_add_remove_and_explain_refusals,
);

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

async fn workspace_form_creates_and_keeps_input_on_error(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let long = "a".repeat(121);
    let refused = app
        .client
        .post(app.url("/workspaces?lang=en"))
        .header(COOKIE, cookie(&session))
        .form(&[("name", long.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert!(html.contains("The text is too long."), "{html}");
    assert!(
        html.contains(&format!("value=\"{long}\"")),
        "the typed name is kept"
    );
    assert!(html.contains("role=\"alert\""));

    let created = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .form(&[("name", "<script>alert(1)</script> Hanke")])
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.starts_with("/workspaces/"));
    let (status, html) = get_html(app, &location, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62; Hanke")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Hanke"),
        "escaped"
    );
    assert!(!html.contains("<script>alert(1)"), "never raw");
    assert!(html.contains("Omistaja"), "the creator is its owner");
}

async fn member_forms_add_remove_and_explain_refusals(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let other = app.user("pekka@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let ws = app.workspace(&token, "Hanke").await;
    let home = format!("/workspaces/{ws}");

    let unknown = app
        .client
        .post(app.url(&format!("{home}/members?lang=en")))
        .header(COOKIE, cookie(&session))
        .form(&[("email", "ghost@example.fi"), ("role", "viewer")])
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status(), 422);
    let html = unknown.text().await.expect("body");
    assert!(html.contains("No Polku account has this e-mail address."));
    assert!(
        html.contains("value=\"ghost@example.fi\""),
        "typed e-mail kept"
    );
    assert!(
        html.contains("<option value=\"viewer\" selected>"),
        "chosen role kept"
    );

    let added = app
        .client
        .post(app.url(&format!("{home}/members")))
        .header(COOKIE, cookie(&session))
        .form(&[("email", "pekka@example.fi"), ("role", "viewer")])
        .send()
        .await
        .expect("post");
    assert_eq!(added.status(), 303);
    assert_eq!(
        added.headers()["location"],
        format!("{home}?notice=member_added").as_str()
    );
    let (_, html) = get_html(
        app,
        &format!("{home}?notice=member_added&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("The member was added."));
    assert!(html.contains("pekka@example.fi"));

    let removed = app
        .client
        .post(app.url(&format!("{home}/members/{}/remove", other.id)))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("post");
    assert_eq!(removed.status(), 303);
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert!(!html.contains("pekka@example.fi"));

    let members: serde_json::Value = app
        .get_json(app.url(&format!("/api/v1/workspaces/{ws}/members")), &token)
        .await;
    let me = members[0]["user_id"].as_str().expect("id").to_owned();
    let last = app
        .client
        .post(app.url(&format!("{home}/members/{me}/remove?lang=sv")))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("post");
    assert_eq!(last.status(), 409);
    assert!(
        last.text()
            .await
            .expect("body")
            .contains("Den sista ägaren kan inte tas bort.")
    );
}
