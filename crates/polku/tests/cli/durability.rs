//! A 201 means stored: `polku serve` killed with SIGKILL right after it
//! answered loses none of the notes it acknowledged, on either backend.

use polku_store::test_on_both_backends;
use polku_store::testing::TestDb;
use serde_json::{Value, json};

use crate::{start_serve, stop};

test_on_both_backends!(acknowledged_notes_survive_a_kill_9,);

fn address(first_line: &str) -> String {
    first_line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address")
        .to_owned()
}

async fn acknowledged_notes_survive_a_kill_9(db: &TestDb) {
    let (child, first, _) = start_serve(&db.url);
    let base = address(&first);
    let token = polku_app::tokens::issue_api_token(&db.store, "fasilitaattori@polku.example")
        .await
        .expect("token");
    let client = reqwest::Client::new();
    let post = |path: &str, bearer: &str, body: Value| {
        client
            .post(format!("{base}{path}"))
            .bearer_auth(bearer)
            .json(&body)
            .send()
    };
    let workspace: Value = post("/api/v1/workspaces", &token, json!({ "name": "Kestävyys" }))
        .await
        .expect("workspace")
        .json()
        .await
        .expect("json");
    let session: Value = post(
        "/api/v1/sessions",
        &token,
        json!({ "workspace_id": workspace["id"], "title": "Kaatuva työpaja" }),
    )
    .await
    .expect("session")
    .json()
    .await
    .expect("json");
    let joined: Value = client
        .post(format!("{base}/api/v1/join"))
        .json(
            &json!({ "code": session["join_code"], "nickname": "Sitkeä", "perspective": "client" }),
        )
        .send()
        .await
        .expect("join")
        .json()
        .await
        .expect("json");
    let participant = joined["participant_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let notes = format!(
        "/api/v1/sessions/{}/notes",
        session["id"].as_str().expect("id")
    );
    let mut acknowledged = Vec::new();
    for i in 0..25 {
        let response = post(
            &notes,
            &participant,
            json!({ "text": format!("Lappu {i}") }),
        )
        .await
        .expect("note");
        assert_eq!(response.status(), 201);
        let note: Value = response.json().await.expect("json");
        acknowledged.push(note["id"].as_str().expect("id").to_owned());
    }
    // SIGKILL the moment the last 201 has arrived: no shutdown, no flush.
    stop(child);

    let (child, first, _) = start_serve(&db.url);
    let base = address(&first);
    let listed: Vec<Value> = client
        .get(format!("{base}{notes}"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("notes")
        .json()
        .await
        .expect("json");
    let stored: Vec<&str> = listed.iter().filter_map(|n| n["id"].as_str()).collect();
    for id in &acknowledged {
        assert!(
            stored.contains(&id.as_str()),
            "note {id} was acknowledged but lost"
        );
    }
    stop(child);
}
