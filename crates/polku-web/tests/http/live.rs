//! Live sessions over HTTP as the contract states them: open, join by code,
//! notes, votes hidden until the reveal, the event stream resuming with
//! `Last-Event-ID`, and every bad input a clear 4xx.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, error_code, serve_store};

app_test!(
    a_workshop_runs_from_code_to_revealed_votes,
    the_event_stream_resumes_without_losing_or_repeating,
    votes_stay_hidden_from_participants_until_the_reveal,
    bad_input_is_refused_clearly_and_nothing_is_stored,
    only_facilitators_of_the_workspace_run_a_session,
    failed_joins_are_rate_limited,
    a_vote_budget_of_3_0_is_3_and_of_2_5_is_422,
);

/// Instances share a database on PostgreSQL only (SQLite is one process's).
mod a_second_instance_streams_what_the_first_stored {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        let app = crate::helpers::TestApp::spawn(polku_store::testing::Backend::Postgres).await;
        super::a_second_instance_streams_what_the_first_stored(&app).await;
    }
}

/// A facilitator's token and an open session in a fresh workspace.
async fn open_session(app: &TestApp, email: &str) -> (String, Value) {
    app.user(email, false).await;
    let token = app.token(email).await;
    let ws = app.workspace(&token, "Työpajahanke").await;
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&token)
        .json(&json!({ "workspace_id": ws, "title": "Työpaja 1: nykytila" }))
        .send()
        .await
        .expect("open");
    assert_eq!(response.status(), 201);
    (token, response.json().await.expect("session"))
}

/// JSON Schema counts `3.0` as an integer, so the API does too.
async fn a_vote_budget_of_3_0_is_3_and_of_2_5_is_422(app: &TestApp) {
    app.user("ohjaaja@example.fi", false).await;
    let token = app.token("ohjaaja@example.fi").await;
    let ws = app.workspace(&token, "Työpajahanke").await;
    let open = |budget: Value, per_note: Value| {
        app.client
            .post(app.url("/api/v1/sessions"))
            .bearer_auth(&token)
            .json(&json!({
                "workspace_id": ws, "title": "Työpaja",
                "vote_budget": budget, "votes_per_note": per_note,
            }))
            .send()
    };
    let opened = open(json!(3.0), json!(2.0)).await.expect("open");
    assert_eq!(opened.status(), 201);
    let session: Value = opened.json().await.expect("session");
    assert_eq!(session["vote_budget"], 3);
    for (budget, per_note) in [
        (json!(2.5), json!(null)),
        (json!(3), json!(-1)),
        (json!(3), json!(1e10)),
    ] {
        let refused = open(budget.clone(), per_note.clone()).await.expect("open");
        let (status, code, _) = crate::helpers::error_code(refused).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (422, "invalid_vote_budget"),
            "{budget} {per_note}"
        );
    }
}

async fn join(app: &TestApp, code: &str, nickname: &str, perspective: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/join"))
        .json(&json!({ "code": code, "nickname": nickname, "perspective": perspective }))
        .send()
        .await
        .expect("join")
}

/// Joins and gives the participant token.
async fn participant(app: &TestApp, session: &Value, nickname: &str, perspective: &str) -> String {
    let code = session["join_code"].as_str().expect("code");
    let response = join(app, code, nickname, perspective).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("joined");
    assert_eq!(body["session_id"], session["id"]);
    body["participant_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

fn path(session: &Value, rest: &str) -> String {
    format!(
        "/api/v1/sessions/{}{rest}",
        session["id"].as_str().expect("id")
    )
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post")
}

async fn notes(app: &TestApp, token: &str, session: &Value) -> Vec<Value> {
    let response = app
        .client
        .get(app.url(&path(session, "/notes")))
        .bearer_auth(token)
        .send()
        .await
        .expect("notes");
    assert_eq!(response.status(), 200);
    response.json().await.expect("json")
}

async fn a_workshop_runs_from_code_to_revealed_votes(app: &TestApp) {
    let (facilitator, session) = open_session(app, "ohjaaja@example.fi").await;
    let code = session["join_code"].as_str().expect("code");
    assert_eq!(code.len(), 6);
    assert!(
        code.chars().all(|c| "ACEFGHJKMNPRTWXY34679".contains(c)),
        "{code}"
    );
    assert!(
        session["join_url"]
            .as_str()
            .expect("url")
            .ends_with(&format!("/join?code={code}"))
    );
    assert_eq!(session["vote_budget"], 5);

    // Codes are read as people type them.
    let lower = code.to_lowercase();
    let kettu = participant(
        app,
        &json!({"join_code": lower, "id": session["id"]}),
        "Kettu",
        "client",
    )
    .await;
    let karhu = participant(app, &session, "Karhu", "professional").await;

    let created = post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "Jono\r\nliian pitkä" }),
    )
    .await;
    assert_eq!(created.status(), 201);
    let note: Value = created.json().await.expect("note");
    assert_eq!(note["text"], "Jono\nliian pitkä");
    assert_eq!(note["author"], "Kettu");
    assert_eq!(note["perspective"], "client");
    assert_eq!(note["votes"], Value::Null);
    let note_id = note["id"].as_str().expect("id").to_owned();

    let proxy = post(
        app,
        &facilitator,
        &path(&session, "/notes"),
        json!({ "text": "Paperilta: soittoaika ei sovi", "for_participant": null }),
    )
    .await;
    assert_eq!(proxy.status(), 201, "a facilitator writes too");

    for _ in 0..5 {
        let voted = post(
            app,
            &karhu,
            &path(&session, "/votes"),
            json!({ "note_id": note_id }),
        )
        .await;
        assert_eq!(voted.status(), 201);
    }
    let spent = post(
        app,
        &karhu,
        &path(&session, "/votes"),
        json!({ "note_id": note_id }),
    )
    .await;
    let (status, code, _) = error_code(spent).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::CONFLICT, "vote_budget_spent")
    );

    let seen = notes(app, &facilitator, &session).await;
    assert_eq!(seen[0]["votes"], 5, "the facilitator sees counts all along");

    let revealed = post(app, &facilitator, &path(&session, "/reveal"), json!({})).await;
    assert_eq!(revealed.status(), 200);
    let seen = notes(app, &kettu, &session).await;
    assert_eq!(
        seen[0]["votes"], 5,
        "after the reveal participants see counts"
    );
    assert_eq!(seen[1]["votes"], 0);

    let closed = post(app, &facilitator, &path(&session, "/close"), json!({})).await;
    assert_eq!(closed.status(), 200);
    let late = post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "Myöhässä" }),
    )
    .await;
    let (status, code, _) = error_code(late).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::CONFLICT, "session_closed")
    );
    let (status, code, _) =
        error_code(join(app, code_of(&session), "Myöhäinen", "other").await).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::NOT_FOUND, "unknown_join_code")
    );
}

fn code_of(session: &Value) -> &str {
    session["join_code"].as_str().expect("code")
}

/// Reads Server-Sent Events from `response` until `count` have come (or
/// five seconds pass): `(id, event, data)` each.
async fn read_events(response: &mut reqwest::Response, count: usize) -> Vec<(i64, String, String)> {
    let mut buffer = String::new();
    let mut events = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while events.len() < count {
        let chunk = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .expect("events in time")
            .expect("stream")
            .expect("not ended");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let (mut id, mut kind, mut data) = (None, String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line
                    .strip_prefix("id: ")
                    .or_else(|| line.strip_prefix("id:"))
                {
                    id = v.trim().parse().ok();
                } else if let Some(v) = line
                    .strip_prefix("event: ")
                    .or_else(|| line.strip_prefix("event:"))
                {
                    kind = v.trim().to_owned();
                } else if let Some(v) = line
                    .strip_prefix("data: ")
                    .or_else(|| line.strip_prefix("data:"))
                {
                    data.push_str(v);
                }
            }
            if let Some(id) = id {
                events.push((id, kind, data));
            }
        }
    }
    events
}

async fn stream(
    app: &TestApp,
    token: &str,
    session: &Value,
    last: Option<i64>,
) -> reqwest::Response {
    let mut request = app
        .client
        .get(app.url(&path(session, "/events")))
        .bearer_auth(token);
    if let Some(last) = last {
        request = request.header("last-event-id", last.to_string());
    }
    let response = request.send().await.expect("stream");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/event-stream")
    );
    response
}

async fn the_event_stream_resumes_without_losing_or_repeating(app: &TestApp) {
    let (facilitator, session) = open_session(app, "ohjaaja@example.fi").await;
    let kettu = participant(app, &session, "Kettu", "client").await;
    let mut live = stream(app, &facilitator, &session, None).await;
    for i in 0..3 {
        let created = post(
            app,
            &kettu,
            &path(&session, "/notes"),
            json!({ "text": format!("Lappu {i}") }),
        )
        .await;
        assert_eq!(created.status(), 201);
    }
    let first = read_events(&mut live, 4).await;
    assert_eq!(
        first
            .iter()
            .map(|(id, kind, _)| (*id, kind.as_str()))
            .collect::<Vec<_>>(),
        [
            (1, "participant_joined"),
            (2, "note_added"),
            (3, "note_added"),
            (4, "note_added")
        ]
    );
    assert!(first[3].2.contains("Lappu 2"));
    drop(live);

    // While disconnected, two more happen; resuming after 3 gives 4, 5, 6.
    for i in 3..5 {
        post(
            app,
            &kettu,
            &path(&session, "/notes"),
            json!({ "text": format!("Lappu {i}") }),
        )
        .await;
    }
    let mut resumed = stream(app, &facilitator, &session, Some(3)).await;
    let again = read_events(&mut resumed, 3).await;
    assert_eq!(
        again.iter().map(|(id, _, _)| *id).collect::<Vec<_>>(),
        [4, 5, 6]
    );
    post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "Lappu 5" }),
    )
    .await;
    let next = read_events(&mut resumed, 1).await;
    assert_eq!(next[0].0, 7, "then live, none twice");
}

async fn votes_stay_hidden_from_participants_until_the_reveal(app: &TestApp) {
    let (facilitator, session) = open_session(app, "ohjaaja@example.fi").await;
    let kettu = participant(app, &session, "Kettu", "client").await;
    let karhu = participant(app, &session, "Karhu", "relative").await;
    let note: Value = post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "Tieto ei kulje" }),
    )
    .await
    .json()
    .await
    .expect("note");
    let note_id = note["id"].as_str().expect("id").to_owned();
    let mut watching = stream(app, &kettu, &session, Some(3)).await;
    assert_eq!(
        post(
            app,
            &karhu,
            &path(&session, "/votes"),
            json!({ "note_id": note_id })
        )
        .await
        .status(),
        201
    );

    let cast = read_events(&mut watching, 1).await;
    assert_eq!(cast[0].1, "vote_cast");
    assert!(
        !cast[0].2.contains(&note_id),
        "no note id before the reveal: {}",
        cast[0].2
    );
    for item in notes(app, &kettu, &session).await {
        assert_eq!(item["votes"], Value::Null);
    }
    // Replaying the whole stream from the start shows nothing more.
    let mut replay = stream(app, &karhu, &session, None).await;
    let all = read_events(&mut replay, 4).await;
    assert!(
        all.iter().all(
            |(_, _, data)| !data.contains(&format!("\"note_id\":\"{note_id}\""))
                || !data.contains("vote")
        ),
        "{all:?}"
    );
    assert!(
        !all[3].2.contains(&note_id),
        "the vote in the replay names no note"
    );

    post(app, &facilitator, &path(&session, "/reveal"), json!({})).await;
    let revealed = read_events(&mut watching, 1).await;
    assert_eq!(revealed[0].1, "votes_revealed");
    let mut after = stream(app, &kettu, &session, Some(3)).await;
    let replayed = read_events(&mut after, 1).await;
    assert!(
        replayed[0].2.contains(&note_id),
        "after the reveal the vote names its note"
    );
}

async fn bad_input_is_refused_clearly_and_nothing_is_stored(app: &TestApp) {
    let (facilitator, session) = open_session(app, "ohjaaja@example.fi").await;
    let code = code_of(&session).to_owned();
    for (body_code, nickname, perspective, expected) in [
        ("ZZZZZZ", "Kettu", "client", (422, "invalid_join_code")),
        ("K7", "Kettu", "client", (422, "invalid_join_code")),
        (code.as_str(), "", "client", (422, "required")),
        (code.as_str(), &"k".repeat(500), "client", (422, "too_long")),
        (code.as_str(), "Kettu", "boss", (422, "invalid_perspective")),
    ] {
        let (status, got, message) =
            error_code(join(app, body_code, nickname, perspective).await).await;
        assert_eq!(
            (status.as_u16(), got.as_str()),
            expected,
            "{body_code} {nickname} {perspective}"
        );
        assert!(!message.is_empty());
    }
    let kettu = participant(app, &session, "Kettu", "client").await;
    for (text, expected) in [("", "required"), (&"x".repeat(501) as &str, "too_long")] {
        let (status, got, _) = error_code(
            post(
                app,
                &kettu,
                &path(&session, "/notes"),
                json!({ "text": text }),
            )
            .await,
        )
        .await;
        assert_eq!((status.as_u16(), got.as_str()), (422, expected));
    }
    let long_ok = post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "ä".repeat(500) }),
    )
    .await;
    assert_eq!(long_ok.status(), 201, "500 characters fit");

    // A vote on another session's note.
    let (other_facilitator, other) = open_session(app, "toinen@example.fi").await;
    let stranger = participant(app, &other, "Vieras", "other").await;
    let theirs: Value = post(
        app,
        &stranger,
        &path(&other, "/notes"),
        json!({ "text": "Toisen lappu" }),
    )
    .await
    .json()
    .await
    .expect("note");
    let (status, got, _) = error_code(
        post(
            app,
            &kettu,
            &path(&session, "/votes"),
            json!({ "note_id": theirs["id"] }),
        )
        .await,
    )
    .await;
    assert_eq!((status.as_u16(), got.as_str()), (422, "invalid_fields"));
    // Another session's participant token opens nothing here.
    let refused = app
        .client
        .get(app.url(&path(&session, "/notes")))
        .bearer_auth(&stranger)
        .send()
        .await
        .expect("get");
    assert_eq!(refused.status(), 403);
    // A bad or made-up token is no one.
    let nobody = app
        .client
        .get(app.url(&path(&session, "/notes")))
        .bearer_auth("pt_0000")
        .send()
        .await
        .expect("get");
    assert_eq!(nobody.status(), 401);
    // A participant calling a facilitator action.
    for action in ["/reveal", "/close"] {
        assert_eq!(
            post(app, &kettu, &path(&session, action), json!({}))
                .await
                .status(),
            401,
            "{action}"
        );
    }
    assert_eq!(
        post(
            app,
            &kettu,
            &path(&session, "/themes"),
            json!({ "name": "Oma" })
        )
        .await
        .status(),
        401
    );
    let _ = (facilitator, other_facilitator);
    let listed = notes(app, &kettu, &session).await;
    assert_eq!(listed.len(), 1, "only the good note was stored");

    // A flood of posts from one participant is limited, after at least 20.
    let mut accepted = 1;
    let mut limited = None;
    for i in 0..60 {
        let response = post(
            app,
            &kettu,
            &path(&session, "/notes"),
            json!({ "text": format!("Tulva {i}") }),
        )
        .await;
        if response.status() == 429 {
            limited = Some(response);
            break;
        }
        accepted += 1;
    }
    assert!(accepted >= 20, "only {accepted} notes before the limit");
    let limited = limited.expect("a flood is limited");
    assert!(limited.headers().contains_key("retry-after"));
    let (_, got, _) = error_code(limited).await;
    assert_eq!(got, "post_rate_limited");
}

async fn only_facilitators_of_the_workspace_run_a_session(app: &TestApp) {
    let (_, session) = open_session(app, "ohjaaja@example.fi").await;
    app.user("ulkopuolinen@example.fi", false).await;
    let outsider = app.token("ulkopuolinen@example.fi").await;
    for action in ["/reveal", "/close"] {
        assert_eq!(
            post(app, &outsider, &path(&session, action), json!({}))
                .await
                .status(),
            403,
            "{action}"
        );
    }
    let (status, _, _) = error_code(
        post(
            app,
            &outsider,
            "/api/v1/sessions",
            json!({ "workspace_id": session["workspace_id"], "title": "Kaappaus" }),
        )
        .await,
    )
    .await;
    assert_eq!(status, 403, "no session in another's workspace");
    let unknown = post(
        app,
        &outsider,
        "/api/v1/sessions",
        json!({ "workspace_id": uuid::Uuid::new_v4(), "title": "Ei mitään" }),
    )
    .await;
    assert_eq!(unknown.status(), 404);
    let anonymous = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({}))
        .send()
        .await
        .expect("post");
    assert_eq!(anonymous.status(), 401);
}

async fn failed_joins_are_rate_limited(app: &TestApp) {
    let (_, session) = open_session(app, "ohjaaja@example.fi").await;
    let mut limited = false;
    for i in 0..15 {
        // Valid-looking codes that open nothing.
        let response = join(
            app,
            &format!("AAAA{}", ["AC", "AE", "AF", "AG", "AH"][i % 5]),
            "Arvaaja",
            "other",
        )
        .await;
        if response.status() == 429 {
            limited = true;
            break;
        }
        assert_eq!(response.status(), 404);
    }
    assert!(limited, "guessing codes is limited");
    // Once limited, even the right code is refused: a refusal says nothing
    // about whether a code is right.
    let right = join(app, code_of(&session), "Oikea", "client").await;
    assert_eq!(right.status(), 429);
}

/// Two servers on one PostgreSQL: a participant on one sees, within a
/// second, a note written through the other (LISTEN/NOTIFY).
async fn a_second_instance_streams_what_the_first_stored(app: &TestApp) {
    let (_, session) = open_session(app, "ohjaaja@example.fi").await;
    let kettu = participant(app, &session, "Kettu", "client").await;
    let karhu = participant(app, &session, "Karhu", "client").await;
    let other_store = polku_store::Store::open(&app.db.url)
        .await
        .expect("second instance");
    let (other_base, _other_server) = serve_store(other_store.clone()).await;
    let mut stream = app
        .client
        .get(format!("{other_base}{}", path(&session, "/events")))
        .bearer_auth(&karhu)
        .header("last-event-id", "2")
        .send()
        .await
        .expect("stream");
    assert_eq!(stream.status(), 200);
    let sent = std::time::Instant::now();
    let posted = post(
        app,
        &kettu,
        &path(&session, "/notes"),
        json!({ "text": "Toiselta koneelta" }),
    )
    .await;
    assert_eq!(posted.status(), 201);
    let events = read_events(&mut stream, 1).await;
    assert!(
        sent.elapsed() < Duration::from_secs(1),
        "arrived in {:?}",
        sent.elapsed()
    );
    assert_eq!((events[0].0, events[0].1.as_str()), (3, "note_added"));
    assert!(events[0].2.contains("Toiselta koneelta"));
    other_store.close().await;
}
