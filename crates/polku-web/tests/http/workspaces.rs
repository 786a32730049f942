//! Workspaces and members (roles, removal, who sees e-mail addresses),
//! through the pages and the API.

use polku_domain::{Role, WorkspaceId};
use reqwest::header::COOKIE;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp, app_test, assert_field_error, cookie, error_code, error_summary, get_html,
};

app_test!(
    workspaces_are_created_and_listed_for_their_members_only,
    unknown_and_malformed_workspace_ids_are_404,
    member_rules_hold_through_the_api,
    role_changes_follow_the_rules_and_keep_an_owner,
    viewers_do_not_see_member_emails,
    admin_sees_and_manages_every_workspace,
    workspace_form_creates_and_keeps_input_on_error,
    member_forms_change_roles_remove_and_explain_refusals,
    creating_says_so_and_warns_of_a_name_already_in_use,
    empty_pages_say_what_to_do_next,
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
    let owner = app.user("owner@example.fi", false).await;
    let facilitator = app.user("fac@example.fi", false).await;
    let viewer = app.user("viewer@example.fi", false).await;
    let owner_token = app.token("owner@example.fi").await;
    let ws = app.workspace(&owner_token, "Hanke").await;
    add(app, &ws, &facilitator, Role::Facilitator).await;
    add(app, &ws, &viewer, Role::Viewer).await;
    let members = app.url(&format!("/api/v1/workspaces/{ws}/members"));
    let fac_token = app.token("fac@example.fi").await;
    let viewer_token = app.token("viewer@example.fi").await;

    let listed: Value = app.get_json(members.clone(), &owner_token).await;
    let roles: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["role"].as_str())
        .collect();
    assert_eq!(roles, ["owner", "facilitator", "viewer"]);

    let owner_id = owner.id.to_string();
    let delete = |token: String, user: String| {
        let request = app
            .client
            .delete(format!("{members}/{user}"))
            .bearer_auth(token);
        async move { request.send().await.expect("delete") }
    };
    let (status, _, _) = error_code(delete(fac_token.clone(), owner_id.clone()).await).await;
    assert_eq!(status, 403, "a facilitator cannot remove an owner");
    let (status, _, _) =
        error_code(delete(viewer_token.clone(), facilitator.id.to_string()).await).await;
    assert_eq!(status, 403, "a viewer cannot remove members");
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
    let (status, code, _) = error_code(
        app.client
            .post(members.clone())
            .bearer_auth(&owner_token)
            .json(&json!({"email": "fac@example.fi", "role": "viewer"}))
            .send()
            .await
            .expect("post"),
    )
    .await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (405, "method_not_allowed"),
        "members join by invitation only"
    );
}

/// Adds `user` to `ws` directly in the store (people join by invitation; the
/// tests of roles start from members).
async fn add(app: &TestApp, ws: &str, user: &polku_store::User, role: Role) {
    let id: WorkspaceId = ws.parse().expect("id");
    app.db
        .store
        .add_member(id, user.id, role)
        .await
        .expect("added");
}

async fn patch_role(
    app: &TestApp,
    token: &str,
    ws: &str,
    user: &str,
    role: &str,
) -> reqwest::Response {
    app.client
        .patch(app.url(&format!("/api/v1/workspaces/{ws}/members/{user}")))
        .bearer_auth(token)
        .json(&json!({ "role": role }))
        .send()
        .await
        .expect("patch")
}

async fn role_changes_follow_the_rules_and_keep_an_owner(app: &TestApp) {
    let owner = app.user("owner@example.fi", false).await;
    let facilitator = app.user("fac@example.fi", false).await;
    let viewer = app.user("viewer@example.fi", false).await;
    let stranger = app.user("stranger@example.fi", false).await;
    let owner_token = app.token("owner@example.fi").await;
    let fac_token = app.token("fac@example.fi").await;
    let viewer_token = app.token("viewer@example.fi").await;
    let ws = app.workspace(&owner_token, "Hanke").await;
    add(app, &ws, &facilitator, Role::Facilitator).await;
    add(app, &ws, &viewer, Role::Viewer).await;
    let (owner_id, fac_id, viewer_id) = (
        owner.id.to_string(),
        facilitator.id.to_string(),
        viewer.id.to_string(),
    );

    let (status, _, _) =
        error_code(patch_role(app, &viewer_token, &ws, &fac_id, "viewer").await).await;
    assert_eq!(status, 403, "a viewer cannot change roles");
    let promoted = patch_role(app, &fac_token, &ws, &viewer_id, "facilitator").await;
    assert_eq!(promoted.status(), 200);
    let body: Value = promoted.json().await.expect("json");
    assert_eq!(body["role"], "facilitator");
    assert_eq!(body["email"], "viewer@example.fi");
    assert_eq!(body["user_id"], viewer_id.as_str());

    for (token, user, role, why) in [
        (
            &fac_token,
            &viewer_id,
            "owner",
            "a facilitator cannot make owners",
        ),
        (
            &fac_token,
            &owner_id,
            "viewer",
            "a facilitator cannot demote owners",
        ),
    ] {
        let (status, _, _) = error_code(patch_role(app, token, &ws, user, role).await).await;
        assert_eq!(status, 403, "{why}");
    }
    let (status, code, _) =
        error_code(patch_role(app, &owner_token, &ws, &owner_id, "viewer").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (409, "last_owner"));
    let (status, code, _) =
        error_code(patch_role(app, &owner_token, &ws, &fac_id, "boss").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "invalid_role"));
    let stranger_id = stranger.id.to_string();
    let (status, _, _) =
        error_code(patch_role(app, &owner_token, &ws, &stranger_id, "viewer").await).await;
    assert_eq!(status, 404, "not a member");

    assert_eq!(
        patch_role(app, &owner_token, &ws, &fac_id, "owner")
            .await
            .status(),
        200
    );
    let demoted = patch_role(app, &fac_token, &ws, &owner_id, "viewer").await;
    assert_eq!(demoted.status(), 200, "a new owner may demote the old one");
    let (status, code, _) =
        error_code(patch_role(app, &fac_token, &ws, &fac_id, "facilitator").await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (409, "last_owner"),
        "now the last owner"
    );
}

async fn viewers_do_not_see_member_emails(app: &TestApp) {
    app.user("owner@example.fi", false).await;
    let facilitator = app.user("fac@example.fi", false).await;
    let viewer = app.user("viewer@example.fi", false).await;
    let owner_token = app.token("owner@example.fi").await;
    let ws = app.workspace(&owner_token, "Hanke").await;
    add(app, &ws, &facilitator, Role::Facilitator).await;
    add(app, &ws, &viewer, Role::Viewer).await;
    let members = app.url(&format!("/api/v1/workspaces/{ws}/members"));

    let viewer_token = app.token("viewer@example.fi").await;
    let seen: Value = app.get_json(members.clone(), &viewer_token).await;
    let seen = seen.as_array().expect("array");
    assert_eq!(seen.len(), 3);
    assert!(
        seen.iter()
            .all(|m| m.get("email").is_none() && m["name"].is_string()),
        "{seen:?}"
    );
    for token in [owner_token, app.token("fac@example.fi").await] {
        let seen: Value = app.get_json(members.clone(), &token).await;
        assert_eq!(seen[0]["email"], "owner@example.fi");
    }

    let home = format!("/workspaces/{ws}");
    let session = app.login("viewer@example.fi").await;
    let (status, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(!html.contains("@example.fi"), "no addresses for viewers");
    assert!(html.contains("Testi Käyttäjä"), "names are shown");
    let session = app.login("fac@example.fi").await;
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("owner@example.fi"));
}

async fn admin_sees_and_manages_every_workspace(app: &TestApp) {
    let owner = app.user("owner@example.fi", false).await;
    app.user("admin@example.fi", true).await;
    let owner_token = app.token("owner@example.fi").await;
    let admin = app.token("admin@example.fi").await;
    let ws = app.workspace(&owner_token, "Jonkun hanke").await;
    let listed: Value = app.get_json(app.url("/api/v1/workspaces"), &admin).await;
    assert_eq!(listed[0]["id"], ws.as_str());
    let invited = app
        .client
        .post(app.url(&format!("/api/v1/workspaces/{ws}/invitations")))
        .bearer_auth(&admin)
        .json(&json!({"email": "new@example.fi", "role": "owner"}))
        .send()
        .await
        .expect("post");
    assert_eq!(invited.status(), 201);
    let (status, code, _) =
        error_code(patch_role(app, &admin, &ws, &owner.id.to_string(), "viewer").await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (409, "last_owner"),
        "an admin acts as an owner, and the rule holds for admins too"
    );
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
    assert_field_error(&html, "new-workspace-name", "The text is too long.");
    assert!(
        html.contains(&format!("value=\"{long}\"")),
        "the typed name is kept"
    );

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

async fn member_forms_change_roles_remove_and_explain_refusals(app: &TestApp) {
    let me = app.user("maija@example.fi", false).await;
    let other = app.user("pekka@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let ws = app.workspace(&token, "Hanke").await;
    add(app, &ws, &other, Role::Viewer).await;
    let home = format!("/workspaces/{ws}");
    let post = |path: String, form: &'static [(&'static str, &'static str)]| {
        let request = app
            .client
            .post(app.url(&path))
            .header(COOKIE, cookie(&session))
            .form(form);
        async move { request.send().await.expect("post") }
    };

    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    let remove_other = format!("{home}/members/{}/remove", other.id);
    let remove_me = format!("{home}/members/{}/remove", me.id);
    assert!(
        html.contains(&format!("href=\"{remove_other}\"")),
        "a remove link for a member who may go"
    );
    assert!(
        !html.contains(&format!("href=\"{remove_me}\"")),
        "no remove link for the last owner"
    );
    assert!(
        html.contains("Ainoa omistaja"),
        "the last owner's actions cell says why it is empty"
    );
    let (status, html) = get_html(
        app,
        &format!("{remove_other}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200, "removing asks first, on a page of its own");
    assert!(
        html.contains("<h1>Remove Testi Käyttäjä from the workspace?</h1>"),
        "{html}"
    );
    assert!(html.contains(&format!("action=\"{remove_other}\"")));
    assert!(html.contains(&format!("href=\"{home}\"")), "a way back");
    let (status, html) = get_html(
        app,
        &format!("{remove_me}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 409, "the last owner's page says why not");
    assert!(error_summary(&html).contains("The last owner cannot"));
    assert!(
        !html.contains("type=\"submit\" class=\"button danger\""),
        "and has no remove button"
    );
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    let field = format!("role-{}", other.id);
    assert!(
        html.contains(&format!("<select id=\"{field}\" name=\"role\"")),
        "a role select per member"
    );
    assert!(html.contains(&format!("action=\"{home}/members/{}/role\"", other.id)));

    let changed = post(
        format!("{home}/members/{}/role", other.id),
        &[("role", "facilitator")],
    )
    .await;
    assert_eq!(changed.status(), 303);
    assert_eq!(
        changed.headers()["location"],
        format!("{home}?notice=role_changed").as_str()
    );
    let (_, html) = get_html(
        app,
        &format!("{home}?notice=role_changed&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("The role was changed."));

    let refused = post(
        format!("{home}/members/{}/role?lang=en", me.id),
        &[("role", "viewer")],
    )
    .await;
    assert_eq!(refused.status(), 409);
    let html = refused.text().await.expect("body");
    let mine = format!("role-{}", me.id);
    assert_field_error(&html, &mine, "The last owner cannot");
    assert!(
        html.contains("<option value=\"viewer\" selected>"),
        "the chosen role is kept"
    );

    let removed = post(format!("{home}/members/{}/remove", other.id), &[]).await;
    assert_eq!(removed.status(), 303);
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert!(!html.contains("pekka@example.fi"));

    let last = post(format!("{home}/members/{}/remove?lang=sv", me.id), &[]).await;
    assert_eq!(last.status(), 409);
    let html = last.text().await.expect("body");
    assert!(error_summary(&html).contains("Den sista ägaren kan inte tas bort"));
}

async fn creating_says_so_and_warns_of_a_name_already_in_use(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let create = |name: &'static str| {
        app.client
            .post(app.url("/workspaces?lang=en"))
            .header(COOKIE, cookie(&session))
            .form(&[("name", name)])
            .send()
    };
    let first = create("Nuorten polut").await.expect("post");
    assert_eq!(first.status(), 303);
    let location = first.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.ends_with("?notice=created"), "{location}");
    let (_, html) = get_html(
        app,
        &format!("{location}&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("The workspace is created."), "{html}");
    assert!(!html.contains("id=\"notice-warning\""));

    // The same name in other case: created all the same, with a warning.
    let second = create("NUORTEN POLUT").await.expect("post");
    assert_eq!(second.status(), 303);
    let second_location = second.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        second_location.ends_with("?notice=created_same_name"),
        "{second_location}"
    );
    assert_ne!(
        location.split('?').next(),
        second_location.split('?').next(),
        "a new workspace"
    );
    let (status, html) = get_html(
        app,
        &format!("{second_location}&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"notice-warning\""), "{html}");
    assert!(
        html.contains("another workspace with the same name"),
        "{html}"
    );
    let (_, list) = get_html(app, "/workspaces", &[("cookie", &cookie(&session))]).await;
    assert!(list.contains("Nuorten polut") && list.contains("NUORTEN POLUT"));
}

async fn empty_pages_say_what_to_do_next(app: &TestApp) {
    app.user("uusi@example.fi", false).await;
    let session = app.login("uusi@example.fi").await;
    let (_, html) = get_html(app, "/workspaces", &[("cookie", &cookie(&session))]).await;
    assert!(
        html.contains("Hanke on yhden kehittämistyön"),
        "what a hanke is"
    );
    assert!(html.contains("id=\"workspaces-empty\""), "{html}");
    assert!(
        html.contains("href=\"#new-workspace-name\">Luo ensimmäinen hanke</a>"),
        "one clear action"
    );

    let token = app.token("uusi@example.fi").await;
    let ws = app.workspace(&token, "Ensimmäinen").await;
    let (_, html) = get_html(app, "/workspaces", &[("cookie", &cookie(&session))]).await;
    assert!(
        !html.contains("id=\"workspaces-empty\""),
        "gone once there is one"
    );
    let (_, html) = get_html(
        app,
        &format!("/workspaces/{ws}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("id=\"groups-empty\""));
    assert!(
        html.contains(&format!(
            "href=\"/workspaces/{ws}/groups/new\">Create a development group</a>"
        )),
        "the owner is led to the new-group form: {html}"
    );

    let viewer = app.user("lukija@example.fi", false).await;
    add(app, &ws, &viewer, Role::Viewer).await;
    let viewer_session = app.login("lukija@example.fi").await;
    let (_, html) = get_html(
        app,
        &format!("/workspaces/{ws}?lang=en"),
        &[("cookie", &cookie(&viewer_session))],
    )
    .await;
    assert!(html.contains("facilitator adds the groups."), "{html}");
    assert!(!html.contains("/groups/new"), "no form to lead to");
}
