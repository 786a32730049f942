//! Truly concurrent membership changes: the last-owner rule must hold in the
//! database, not only in the order requests happen to arrive.

use polku_domain::{Role, WorkspaceId};
use reqwest::StatusCode;

use crate::helpers::{TestApp, app_test};

app_test!(owners_removing_each_other_at_once_keep_one_owner);

/// How many fresh workspaces each race runs on.
const TRIES: usize = 30;

/// Two owners remove each other at the same moment, again and again: every
/// time one request wins (204), the other is refused with 409 `last_owner`
/// (or 403 when the winner committed before the loser's access check, so it
/// was no race), the workspace keeps exactly one owner, and some tries did
/// race.
async fn owners_removing_each_other_at_once_keep_one_owner(app: &TestApp) {
    let a = app.user("a@example.fi", false).await;
    let b = app.user("b@example.fi", false).await;
    let token_a = app.token("a@example.fi").await;
    let token_b = app.token("b@example.fi").await;
    let store = &app.db.store;
    let delete = |token: &str, ws: &str, user: String| {
        app.client
            .delete(app.url(&format!("/api/v1/workspaces/{ws}/members/{user}")))
            .bearer_auth(token)
            .send()
    };
    let mut refused_by_rule = 0;
    let mut refused_by_access = 0;
    for try_no in 0..TRIES {
        let ws = app.workspace(&token_a, &format!("Kilpa {try_no}")).await;
        let ws_id: WorkspaceId = ws.parse().expect("id");
        store
            .add_member(ws_id, b.id, Role::Owner)
            .await
            .expect("added");
        let (by_a, by_b) = tokio::join!(
            delete(&token_a, &ws, b.id.to_string()),
            delete(&token_b, &ws, a.id.to_string()),
        );
        let (by_a, by_b) = (by_a.expect("delete"), by_b.expect("delete"));
        let statuses = [by_a.status(), by_b.status()];
        let owners = store
            .list_members(ws_id)
            .await
            .expect("members")
            .iter()
            .filter(|m| m.role == Role::Owner)
            .count();
        assert!(
            owners >= 1,
            "try {try_no}: no owner left after {statuses:?}"
        );
        assert_eq!(owners, 1, "try {try_no}: {statuses:?}");
        let winners = statuses
            .iter()
            .filter(|s| **s == StatusCode::NO_CONTENT)
            .count();
        assert_eq!(winners, 1, "try {try_no}: {statuses:?}");
        let loser = if by_a.status() == StatusCode::NO_CONTENT {
            by_b
        } else {
            by_a
        };
        match loser.status() {
            StatusCode::CONFLICT => {
                let body: serde_json::Value = loser.json().await.expect("json");
                assert_eq!(body["error"]["code"], "last_owner", "try {try_no}");
                refused_by_rule += 1;
            }
            // The winner committed before the loser's access check: the loser
            // is no longer a member. Not a race, but a correct answer.
            StatusCode::FORBIDDEN => refused_by_access += 1,
            other => panic!("try {try_no}: the losing request got {other}"),
        }
    }
    assert!(
        refused_by_rule > 0,
        "no try raced: the test exercised nothing"
    );
    eprintln!(
        "{} race: {TRIES} tries, {refused_by_rule} refused with 409 last_owner, \
         {refused_by_access} refused with 403 (already removed), 0 without an owner",
        store.backend_name()
    );
}
