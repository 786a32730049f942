//! Invitations through the API and the pages: the same answer for known and
//! unknown addresses, acceptance by the invited account only and only once,
//! withdrawal and expiry, and a new person signing up through the link.

use polku_app::credentials::secret_hash;
use polku_domain::{Email, Role, WorkspaceId};
use polku_store::NewInvitation;
use reqwest::header::COOKIE;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::helpers::{
    PASSWORD, TestApp, app_test, assert_field_error, cookie, error_code, error_summary, get_html,
    session_cookie,
};

app_test!(
    inviting_answers_the_same_for_known_and_unknown_addresses,
    only_owners_invite_owners_and_viewers_invite_nobody,
    the_invited_account_accepts_once_and_no_other_can,
    withdrawn_and_expired_invitations_are_gone,
    a_new_person_signs_up_through_the_link,
    the_invitation_page_serves_the_right_account_and_refuses_others,
    invite_form_shows_the_link_keeps_input_and_lists_pending,
);

async fn invite(
    app: &TestApp,
    token: &str,
    ws: &str,
    email: &str,
    role: &str,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/workspaces/{ws}/invitations")))
        .bearer_auth(token)
        .json(&json!({ "email": email, "role": role }))
        .send()
        .await
        .expect("post")
}

async fn accept(app: &TestApp, token: &str, invitation: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/invitations/accept"))
        .bearer_auth(token)
        .json(&json!({ "token": invitation }))
        .send()
        .await
        .expect("post")
}

/// An owner with a token and a workspace.
async fn owner_and_workspace(app: &TestApp) -> (String, String) {
    app.user("owner@example.fi", false).await;
    let token = app.token("owner@example.fi").await;
    let ws = app.workspace(&token, "Kutsujen hanke").await;
    (token, ws)
}

async fn inviting_answers_the_same_for_known_and_unknown_addresses(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    app.user("known@example.fi", false).await;
    let known = invite(app, &owner, &ws, "known@example.fi", "viewer").await;
    let unknown = invite(app, &owner, &ws, "nobody@example.fi", "viewer").await;
    assert_eq!(known.status(), 201);
    assert_eq!(unknown.status(), 201);
    let known: Value = known.json().await.expect("json");
    let unknown: Value = unknown.json().await.expect("json");
    let keys = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&known), keys(&unknown));
    assert_eq!(
        keys(&known),
        [
            "accept_url",
            "created_at",
            "email",
            "expires_at",
            "id",
            "invited_by",
            "role",
            "token"
        ]
    );
    let token = unknown["token"].as_str().expect("token");
    assert_eq!(
        unknown["accept_url"],
        app.url(&format!("/invitations/{token}")).as_str()
    );
    let created = OffsetDateTime::parse(
        known["created_at"].as_str().expect("time"),
        &time::format_description::well_known::Rfc3339,
    )
    .expect("RFC 3339");
    let expires = OffsetDateTime::parse(
        known["expires_at"].as_str().expect("time"),
        &time::format_description::well_known::Rfc3339,
    )
    .expect("RFC 3339");
    assert_eq!(expires - created, Duration::days(7));

    let listed: Value = app
        .get_json(
            app.url(&format!("/api/v1/workspaces/{ws}/invitations")),
            &owner,
        )
        .await;
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.len(), 2);
    assert!(
        listed.iter().all(|i| i.get("token").is_none()),
        "tokens are shown once, never listed"
    );
    let stored = app
        .db
        .store
        .find_invitation_by_token_hash(token)
        .await
        .expect("query");
    assert!(stored.is_none(), "the token itself is not stored");
}

async fn only_owners_invite_owners_and_viewers_invite_nobody(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    let fac = app.user("fac@example.fi", false).await;
    let viewer = app.user("viewer@example.fi", false).await;
    let ws_id: WorkspaceId = ws.parse().expect("id");
    let store = &app.db.store;
    store
        .add_member(ws_id, fac.id, Role::Facilitator)
        .await
        .expect("added");
    store
        .add_member(ws_id, viewer.id, Role::Viewer)
        .await
        .expect("added");
    let fac_token = app.token("fac@example.fi").await;
    let viewer_token = app.token("viewer@example.fi").await;

    let (status, _, _) =
        error_code(invite(app, &fac_token, &ws, "new@example.fi", "owner").await).await;
    assert_eq!(status, 403, "a facilitator cannot invite an owner");
    assert_eq!(
        invite(app, &fac_token, &ws, "new@example.fi", "facilitator")
            .await
            .status(),
        201
    );
    let (status, _, _) =
        error_code(invite(app, &viewer_token, &ws, "new@example.fi", "viewer").await).await;
    assert_eq!(status, 403, "a viewer cannot invite");
    let (status, code, _) =
        error_code(invite(app, &owner, &ws, "VIEWER@example.fi", "viewer").await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (409, "already_member"),
        "a member's address: the inviter sees it in the member list anyway"
    );
    for (email, role, code) in [
        ("not an address", "viewer", "invalid_email"),
        ("new@example.fi", "boss", "invalid_role"),
    ] {
        let (status, got, _) = error_code(invite(app, &owner, &ws, email, role).await).await;
        assert_eq!((status.as_u16(), got.as_str()), (422, code));
    }

    // Facilitators may withdraw invitations below the owner role only.
    let owner_invitation: Value = invite(app, &owner, &ws, "boss@example.fi", "owner")
        .await
        .json()
        .await
        .expect("json");
    let id = owner_invitation["id"].as_str().expect("id");
    let withdraw = app
        .client
        .delete(app.url(&format!("/api/v1/workspaces/{ws}/invitations/{id}")))
        .bearer_auth(&fac_token)
        .send()
        .await
        .expect("delete");
    assert_eq!(withdraw.status(), 403);
}

async fn the_invited_account_accepts_once_and_no_other_can(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    let invited = app.user("invited@example.fi", false).await;
    app.user("other@example.fi", false).await;
    let created: Value = invite(app, &owner, &ws, "Invited@Example.fi", "facilitator")
        .await
        .json()
        .await
        .expect("json");
    let token = created["token"].as_str().expect("token");
    let invited_token = app.token("invited@example.fi").await;
    let other_token = app.token("other@example.fi").await;

    let (status, code, _) = error_code(accept(app, &other_token, token).await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (403, "invitation_other_account")
    );
    let ws_id: WorkspaceId = ws.parse().expect("id");
    let other = app
        .db
        .store
        .find_user_by_email(&Email::parse("other@example.fi").expect("e-mail"))
        .await
        .expect("query")
        .expect("user");
    assert_eq!(
        app.db
            .store
            .member_role(ws_id, other.id)
            .await
            .expect("role"),
        None
    );

    let accepted = accept(app, &invited_token, token).await;
    assert_eq!(accepted.status(), 200);
    let body: Value = accepted.json().await.expect("json");
    assert_eq!(body["workspace_id"], ws.as_str());
    assert_eq!(body["workspace_name"], "Kutsujen hanke");
    assert_eq!(body["user_id"], invited.id.to_string().as_str());
    assert_eq!(body["role"], "facilitator");
    let members: Value = app
        .get_json(
            app.url(&format!("/api/v1/workspaces/{ws}/members")),
            &invited_token,
        )
        .await;
    assert_eq!(members.as_array().map(Vec::len), Some(2));

    let (status, code, _) = error_code(accept(app, &invited_token, token).await).await;
    assert_eq!((status.as_u16(), code.as_str()), (410, "invitation_used"));
    let (status, code, _) = error_code(accept(app, &invited_token, "f00d").await).await;
    assert_eq!((status.as_u16(), code.as_str()), (404, "not_found"));
    let anonymous = app
        .client
        .post(app.url("/api/v1/invitations/accept"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .expect("post");
    assert_eq!(anonymous.status(), 401);
}

async fn withdrawn_and_expired_invitations_are_gone(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    let invited = app.user("invited@example.fi", false).await;
    let invited_token = app.token("invited@example.fi").await;
    let created: Value = invite(app, &owner, &ws, "invited@example.fi", "viewer")
        .await
        .json()
        .await
        .expect("json");
    let (id, token) = (
        created["id"].as_str().expect("id"),
        created["token"].as_str().expect("token"),
    );
    let withdraw = || {
        app.client
            .delete(app.url(&format!("/api/v1/workspaces/{ws}/invitations/{id}")))
            .bearer_auth(&owner)
            .send()
    };
    assert_eq!(withdraw().await.expect("delete").status(), 204);
    assert_eq!(withdraw().await.expect("delete").status(), 404);
    let (status, code, _) = error_code(accept(app, &invited_token, token).await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (410, "invitation_withdrawn")
    );
    let (status, html) = get_html(app, &format!("/invitations/{token}?lang=en"), &[]).await;
    assert_eq!(status, 410);
    assert!(html.contains("This invitation was withdrawn."));

    let expired = "e".repeat(64);
    let ws_id: WorkspaceId = ws.parse().expect("id");
    let owner_user = app
        .db
        .store
        .find_user_by_email(&Email::parse("owner@example.fi").expect("e-mail"))
        .await
        .expect("query")
        .expect("user");
    let now = OffsetDateTime::now_utc();
    app.db
        .store
        .create_invitation(&NewInvitation {
            workspace: ws_id,
            email: invited.email.clone(),
            role: Role::Viewer,
            token_hash: secret_hash(&expired),
            invited_by: &owner_user,
            created_at: now - Duration::days(8),
            expires_at: now - Duration::days(1),
        })
        .await
        .expect("stored");
    let (status, code, _) = error_code(accept(app, &invited_token, &expired).await).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (410, "invitation_expired")
    );
    let (status, html) = get_html(app, &format!("/invitations/{expired}?lang=en"), &[]).await;
    assert_eq!(status, 410);
    assert!(html.contains("This invitation has expired."));
    let (status, _) = get_html(app, &format!("/invitations/{}", "0".repeat(64)), &[]).await;
    assert_eq!(status, 404);
    assert_eq!(
        app.db
            .store
            .member_role(ws_id, invited.id)
            .await
            .expect("role"),
        None
    );
}

async fn a_new_person_signs_up_through_the_link(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    let created: Value = invite(app, &owner, &ws, "uusi.ihminen@example.fi", "viewer")
        .await
        .json()
        .await
        .expect("json");
    let token = created["token"].as_str().expect("token");
    let page = format!("/invitations/{token}");
    let (status, html) = get_html(app, &format!("{page}?lang=en"), &[]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Invitation to the workspace Kutsujen hanke"));
    assert!(
        html.contains("value=\"uusi.ihminen@example.fi\" readonly")
            || html.contains("readonly value=\"uusi.ihminen@example.fi\"")
    );
    assert!(
        html.contains(&format!("href=\"/login?next=%2Finvitations%2F{token}\""))
            || html.contains(&format!("href=\"/login?next=/invitations/{token}\"")),
        "log in and come back"
    );
    let sign_up = |form: Vec<(&'static str, &'static str)>| {
        let request = app
            .client
            .post(app.url(&format!("{page}/signup?lang=en")))
            .form(&form);
        async move { request.send().await.expect("post") }
    };

    let mismatch = sign_up(vec![
        ("name", "Uusi Ihminen"),
        ("password", PASSWORD),
        ("password_again", "something-else-entirely-91"),
    ])
    .await;
    assert_eq!(mismatch.status(), 422);
    let html = mismatch.text().await.expect("body");
    assert_field_error(
        &html,
        "signup-password-again",
        "The passwords are not the same.",
    );
    assert!(
        html.contains("value=\"Uusi Ihminen\""),
        "the typed name is kept"
    );
    let weak = sign_up(vec![
        ("name", "Uusi Ihminen"),
        ("password", "salasana"),
        ("password_again", "salasana"),
    ])
    .await;
    assert_eq!(weak.status(), 422);
    let html = weak.text().await.expect("body");
    assert_field_error(
        &html,
        "signup-password",
        "The password must have at least 12 characters.",
    );
    let nameless = sign_up(vec![
        ("name", " "),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ])
    .await;
    assert_eq!(nameless.status(), 422);
    assert!(
        nameless
            .text()
            .await
            .expect("body")
            .contains("id=\"signup-name-error\"")
    );

    let joined = sign_up(vec![
        ("name", "Uusi Ihminen"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ])
    .await;
    assert_eq!(joined.status(), 303);
    assert_eq!(
        joined.headers()["location"],
        format!("/workspaces/{ws}?notice=joined").as_str()
    );
    let session = session_cookie(joined.headers()).expect("signed in");
    let (status, html) = get_html(
        app,
        &format!("/workspaces/{ws}?notice=joined&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Welcome! You are now a member of the workspace."));
    assert!(html.contains("Uusi Ihminen"));
    app.login("uusi.ihminen@example.fi").await;

    let again = sign_up(vec![
        ("name", "Joku Muu"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ])
    .await;
    assert_eq!(again.status(), 410, "the link worked once");
}

async fn the_invitation_page_serves_the_right_account_and_refuses_others(app: &TestApp) {
    let (owner, ws) = owner_and_workspace(app).await;
    app.user("invited@example.fi", false).await;
    app.user("other@example.fi", false).await;
    let created: Value = invite(app, &owner, &ws, "invited@example.fi", "viewer")
        .await
        .json()
        .await
        .expect("json");
    let token = created["token"].as_str().expect("token");
    let page = format!("/invitations/{token}");

    let other = app.login("other@example.fi").await;
    let (status, html) = get_html(
        app,
        &format!("{page}?lang=en"),
        &[("cookie", &cookie(&other))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains(
        "You are logged in as other@example.fi, but this invitation is for invited@example.fi."
    ));
    assert!(
        !html.contains("/accept\""),
        "no accept button for another account"
    );
    let refused = app
        .client
        .post(app.url(&format!("{page}/accept?lang=en")))
        .header(COOKIE, cookie(&other))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 403);
    let html = refused.text().await.expect("body");
    let summary = error_summary(&html);
    assert!(
        summary.contains("<li>The invitation is for another e-mail address"),
        "{summary}"
    );

    let invited = app.login("invited@example.fi").await;
    let (status, html) = get_html(app, &page, &[("cookie", &cookie(&invited))]).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("action=\"{page}/accept\"")));
    let accepted = app
        .client
        .post(app.url(&format!("{page}/accept")))
        .header(COOKIE, cookie(&invited))
        .send()
        .await
        .expect("post");
    assert_eq!(accepted.status(), 303);
    assert_eq!(
        accepted.headers()["location"],
        format!("/workspaces/{ws}?notice=joined").as_str()
    );
    let (status, _) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&invited))],
    )
    .await;
    assert_eq!(status, 200);

    let login = format!("/login?next=/invitations/{token}");
    let (_, html) = get_html(app, &login, &[]).await;
    assert!(html.contains(&format!("name=\"next\" value=\"/invitations/{token}\"")));
}

async fn invite_form_shows_the_link_keeps_input_and_lists_pending(app: &TestApp) {
    let (_, ws) = owner_and_workspace(app).await;
    let session = app.login("owner@example.fi").await;
    let manage = format!("/workspaces/{ws}/invitations");
    let post = |form: &'static [(&'static str, &'static str)]| {
        let request = app
            .client
            .post(app.url(&format!("{manage}?lang=en")))
            .header(COOKIE, cookie(&session))
            .form(form);
        async move { request.send().await.expect("post") }
    };

    let bad = post(&[("email", "not-an-address"), ("role", "facilitator")]).await;
    assert_eq!(bad.status(), 422);
    let html = bad.text().await.expect("body");
    assert!(
        html.contains("value=\"not-an-address\""),
        "typed address kept"
    );
    assert!(
        html.contains("<option value=\"facilitator\" selected>"),
        "chosen role kept"
    );
    assert_field_error(
        &html,
        "invite-email",
        "The e-mail address is not in the right form.",
    );

    let made = post(&[("email", "kutsuttu@example.fi"), ("role", "facilitator")]).await;
    assert_eq!(made.status(), 200);
    let html = made.text().await.expect("body");
    assert!(html.contains("Polku does not send e-mail yet."));
    let prefix = format!("value=\"{}", app.url("/invitations/"));
    let start = html.find(&prefix).expect("the link is shown") + prefix.len();
    let token: String = html[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64);
    let (status, _) = get_html(app, &format!("/invitations/{token}"), &[]).await;
    assert_eq!(status, 200, "the shown link works");

    let home = format!("/workspaces/{ws}");
    let (_, html) = get_html(
        app,
        &format!("{home}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("kutsuttu@example.fi"), "listed as pending");
    let marker = format!("href=\"{manage}/");
    let start = html.find(&marker).expect("a withdraw link") + "href=\"".len();
    let withdraw: String = html[start..].chars().take_while(|c| *c != '"').collect();
    assert!(withdraw.ends_with("/withdraw"));
    let (status, html) = get_html(
        app,
        &format!("{withdraw}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Withdraw the invitation?"));
    assert!(html.contains("kutsuttu@example.fi"));
    let withdrawn = app
        .client
        .post(app.url(&withdraw))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("post");
    assert_eq!(withdrawn.status(), 303);
    assert_eq!(
        withdrawn.headers()["location"],
        format!("{home}?notice=invitation_withdrawn").as_str()
    );
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert!(!html.contains("kutsuttu@example.fi"));
    let (status, _) = get_html(app, &format!("/invitations/{token}"), &[]).await;
    assert_eq!(status, 410);
}
