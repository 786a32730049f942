//! The audit trail of membership: written with each change, shown to owners
//! only, newest first, in the reader's language.

use polku_domain::{Role, WorkspaceId};
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, cookie, get_html};

app_test!(audit_trail_is_for_owners_and_lists_membership_changes_newest_first);

async fn audit_trail_is_for_owners_and_lists_membership_changes_newest_first(app: &TestApp) {
    app.user("owner@example.fi", false).await;
    let fac = app.user("fac@example.fi", false).await;
    let owner = app.token("owner@example.fi").await;
    let ws = app.workspace(&owner, "Kirjattu hanke").await;
    let ws_id: WorkspaceId = ws.parse().expect("id");
    app.db
        .store
        .add_member(ws_id, fac.id, Role::Facilitator)
        .await
        .expect("added");
    let api = |path: &str| app.url(&format!("/api/v1/workspaces/{ws}{path}"));

    let created: Value = app
        .client
        .post(api("/invitations"))
        .bearer_auth(&owner)
        .json(&json!({"email": "kutsuttu@example.fi", "role": "viewer"}))
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    let changed = app
        .client
        .patch(api(&format!("/members/{}", fac.id)))
        .bearer_auth(&owner)
        .json(&json!({"role": "viewer"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(changed.status(), 200);
    let removed = app
        .client
        .delete(api(&format!("/members/{}", fac.id)))
        .bearer_auth(&owner)
        .send()
        .await
        .expect("delete");
    assert_eq!(removed.status(), 204);
    assert!(created["token"].is_string());

    let audit = format!("/workspaces/{ws}/audit");
    let session = app.login("owner@example.fi").await;
    let (status, html) = get_html(
        app,
        &format!("{audit}?lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    let positions: Vec<usize> = ["Member removed", "Role changed", "Invitation made"]
        .iter()
        .map(|label| {
            html.find(&format!("<strong>{label}</strong>"))
                .unwrap_or_else(|| panic!("{label} listed: {html}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "newest first: {positions:?}"
    );
    assert!(html.contains("kutsuttu@example.fi"), "the invited address");
    assert!(
        html.contains("Testi Käyttäjä (fac@example.fi)"),
        "the member by name"
    );
    assert!(!html.contains(created["token"].as_str().expect("token")));
    let (_, finnish) = get_html(app, &audit, &[("cookie", &cookie(&session))]).await;
    assert!(finnish.contains("Rooli vaihdettiin"));

    let (_, home) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(
        home.contains(&format!("href=\"{audit}\"")),
        "owners find it"
    );

    app.db
        .store
        .add_member(ws_id, fac.id, Role::Facilitator)
        .await
        .expect("added back");
    let fac_session = app.login("fac@example.fi").await;
    let (status, _) = get_html(app, &audit, &[("cookie", &cookie(&fac_session))]).await;
    assert_eq!(status, 403, "facilitators do not see the trail");
    let (_, home) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&fac_session))],
    )
    .await;
    assert!(!home.contains(&audit), "nor a link to it");
}
