//! The series API: series, their workshops and data-collection periods,
//! closing and reopening; viewers read, facilitators write; bad input is a
//! 4xx in the contract's shape, never a 500.

use polku_domain::{Role, WorkspaceId};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, error_code};

app_test!(
    the_series_api_creates_reads_edits_closes_and_reopens,
    bad_series_input_is_4xx_and_changes_nothing,
    viewers_read_series_and_facilitators_write_them,
);

/// An owner's token and the URL of a new group's series collection.
async fn group_series_url(app: &TestApp) -> (String, String) {
    app.user("owner@example.fi", false).await;
    let token = app.token("owner@example.fi").await;
    let ws = app.workspace(&token, "Sarjojen hanke").await;
    let groups = app.url(&format!("/api/v1/workspaces/{ws}/groups"));
    let group: Value = app
        .client
        .post(&groups)
        .bearer_auth(&token)
        .json(&json!({"name_fi": "Ryhmä"}))
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("group");
    let id = group["id"].as_str().expect("id");
    (token, format!("{groups}/{id}/series"))
}

async fn send(
    app: &TestApp,
    method: Method,
    url: &str,
    token: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// Sends and checks the status; the JSON body, if any.
async fn expect(
    app: &TestApp,
    (method, url): (Method, &str),
    token: &str,
    body: Option<Value>,
    status: u16,
) -> Value {
    let response = send(app, method.clone(), url, token, body).await;
    assert_eq!(response.status(), status, "{method} {url}");
    response.json().await.unwrap_or(Value::Null)
}

async fn the_series_api_creates_reads_edits_closes_and_reopens(app: &TestApp) {
    let (token, all) = group_series_url(app).await;
    let created = expect(
        app,
        (Method::POST, &all),
        &token,
        Some(json!({"name": "Kevään työpajat", "phase": "current_state"})),
        201,
    )
    .await;
    assert_eq!(created["phase"], "current_state");
    assert_eq!(created["closed_at"], Value::Null, "a new series runs");
    let series = format!("{all}/{}", created["id"].as_str().expect("id"));
    let listed: Value = app.get_json(&all, &token).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));

    let workshop = expect(
        app,
        (Method::POST, &format!("{series}/workshops")),
        &token,
        Some(json!({
            "date": "2026-06-15", "time": "13:00", "duration_minutes": 120,
            "place": "Kirjasto",
            "agenda": [
                {"method": "dialogue_round", "text": "Kuulumiset"},
                {"text": "Kahvi"},
                {"method": null, "text": ""},
            ],
        })),
        201,
    )
    .await;
    assert_eq!(
        workshop["starts_at"], "2026-06-15T10:00:00Z",
        "UTC+3 in June"
    );
    assert_eq!(workshop["ends_at"], "2026-06-15T12:00:00Z");
    assert_eq!(
        (workshop["date"].as_str(), workshop["time"].as_str()),
        (Some("2026-06-15"), Some("13:00"))
    );
    assert_eq!(
        workshop["agenda"],
        json!([
            {"method": "dialogue_round", "text": "Kuulumiset"},
            {"method": null, "text": "Kahvi"},
        ]),
        "the empty item is left out"
    );
    let workshop_url = format!(
        "{series}/workshops/{}",
        workshop["id"].as_str().expect("id")
    );
    let edited = expect(
        app,
        (Method::PUT, &workshop_url),
        &token,
        Some(json!({
            "date": "2026-01-20", "time": "09:15", "duration_minutes": 90.0,
            "agenda": [{"method": "feedback_round"}],
        })),
        200,
    )
    .await;
    assert_eq!(edited["id"], workshop["id"], "edited in place");
    assert_eq!(
        edited["starts_at"], "2026-01-20T07:15:00Z",
        "UTC+2 in January"
    );
    assert_eq!(edited["place"], "", "a PUT replaces the whole workshop");
    assert_eq!(edited["duration_minutes"], 90, "90.0 is a whole number");
    let period = expect(
        app,
        (Method::POST, &format!("{series}/periods")),
        &token,
        Some(json!({"starts_on": "2026-01-21", "ends_on": "2026-02-15",
                    "what": "Haastattelut\nja kysely"})),
        201,
    )
    .await;
    assert_eq!(period["what"], "Haastattelut\nja kysely");
    let period_url = format!("{series}/periods/{}", period["id"].as_str().expect("id"));

    let read: Value = app.get_json(&series, &token).await;
    assert_eq!(read["name"], "Kevään työpajat");
    assert_eq!(read["workshops"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        read["workshops"][0]["agenda"][0]["method"],
        "feedback_round"
    );
    assert_eq!(read["periods"][0]["starts_on"], "2026-01-21");

    let renamed = expect(
        app,
        (Method::PUT, &series),
        &token,
        Some(json!({"name": "Kevät", "phase": "ideation"})),
        200,
    )
    .await;
    assert_eq!(
        (renamed["name"].as_str(), renamed["phase"].as_str()),
        (Some("Kevät"), Some("ideation"))
    );

    let closed = expect(
        app,
        (Method::POST, &format!("{series}/close")),
        &token,
        None,
        200,
    )
    .await;
    let closed_at = closed["closed_at"]
        .as_str()
        .expect("a closing time")
        .to_owned();
    for (method, url, body) in [
        (
            Method::POST,
            format!("{series}/workshops"),
            Some(json!({"date": "2026-03-01", "time": "10:00", "duration_minutes": 60})),
        ),
        (
            Method::PUT,
            workshop_url.clone(),
            Some(json!({"date": "2026-03-01", "time": "10:00", "duration_minutes": 60})),
        ),
        (Method::DELETE, workshop_url.clone(), None),
        (
            Method::POST,
            format!("{series}/periods"),
            Some(json!({"starts_on": "2026-03-01", "ends_on": "2026-03-02", "what": "Kysely"})),
        ),
        (Method::DELETE, period_url.clone(), None),
        (
            Method::PUT,
            series.clone(),
            Some(json!({"name": "Uusi", "phase": "pilots"})),
        ),
    ] {
        let response = send(app, method.clone(), &url, &token, body).await;
        let (status, code, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (409, "series_closed"),
            "{method} {url}"
        );
    }
    let again = expect(
        app,
        (Method::POST, &format!("{series}/close")),
        &token,
        None,
        200,
    )
    .await;
    assert_eq!(
        again["closed_at"],
        closed_at.as_str(),
        "closing again keeps the first time"
    );
    let read: Value = app.get_json(&series, &token).await;
    assert_eq!(read["closed_at"], closed_at.as_str());
    assert_eq!(read["name"], "Kevät", "nothing changed while closed");
    assert_eq!(read["workshops"].as_array().map(Vec::len), Some(1));

    let reopened = expect(
        app,
        (Method::POST, &format!("{series}/reopen")),
        &token,
        None,
        200,
    )
    .await;
    assert_eq!(reopened["closed_at"], Value::Null);
    expect(app, (Method::DELETE, &period_url), &token, None, 204).await;
    expect(app, (Method::DELETE, &workshop_url), &token, None, 204).await;
    expect(app, (Method::DELETE, &workshop_url), &token, None, 404).await;
    let read: Value = app.get_json(&series, &token).await;
    assert_eq!(read["workshops"], json!([]));
    assert_eq!(read["periods"], json!([]));
}

async fn bad_series_input_is_4xx_and_changes_nothing(app: &TestApp) {
    let (token, all) = group_series_url(app).await;
    let created = expect(
        app,
        (Method::POST, &all),
        &token,
        Some(json!({"name": "Sarja", "phase": "ideation"})),
        201,
    )
    .await;
    let series = format!("{all}/{}", created["id"].as_str().expect("id"));
    let workshops = format!("{series}/workshops");
    let periods = format!("{series}/periods");
    let workshop = expect(
        app,
        (Method::POST, &workshops),
        &token,
        Some(json!({"date": "2026-06-15", "time": "13:00", "duration_minutes": 60})),
        201,
    )
    .await;
    let workshop_url = format!("{workshops}/{}", workshop["id"].as_str().expect("id"));
    let twenty_one: Vec<Value> = (0..21)
        .map(|n| json!({"text": format!("Kohta {n}")}))
        .collect();
    let ok = json!({"date": "2026-06-15", "time": "13:00", "duration_minutes": 60});
    let with = |key: &str, value: Value| {
        let mut body = ok.clone();
        body[key] = value;
        body
    };
    let cases: Vec<(Method, &str, Value, u16, &str)> = vec![
        (
            Method::POST,
            &all,
            json!({"name": "", "phase": "ideation"}),
            422,
            "required",
        ),
        (
            Method::POST,
            &all,
            json!({"name": "Sarja", "phase": "brainstorm"}),
            422,
            "invalid_phase",
        ),
        (
            Method::POST,
            &all,
            json!({"name": "Sarja"}),
            422,
            "invalid_fields",
        ),
        (
            Method::POST,
            &all,
            json!({"name": "a\u{7}", "phase": "ideation"}),
            422,
            "control_characters",
        ),
        (
            Method::POST,
            &all,
            json!({"name": "Sarja", "phase": "ideation", "extra": 1}),
            422,
            "invalid_fields",
        ),
        (Method::POST, &all, json!([]), 422, "invalid_fields"),
        (
            Method::PUT,
            &series,
            json!({"name": "x".repeat(121), "phase": "ideation"}),
            422,
            "too_long",
        ),
        (
            Method::POST,
            &workshops,
            with("date", json!("2026-02-30")),
            422,
            "invalid_date",
        ),
        (
            Method::POST,
            &workshops,
            with("date", json!(20260615)),
            422,
            "invalid_fields",
        ),
        (
            Method::POST,
            &workshops,
            with("time", json!("25:00")),
            422,
            "invalid_time",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!(0)),
            422,
            "invalid_duration",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!(721)),
            422,
            "invalid_duration",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!(90.5)),
            422,
            "invalid_duration",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!(-1)),
            422,
            "invalid_duration",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!(70000)),
            422,
            "invalid_duration",
        ),
        (
            Method::POST,
            &workshops,
            with("duration_minutes", json!("60")),
            422,
            "invalid_fields",
        ),
        (
            Method::POST,
            &workshops,
            with("place", json!("x".repeat(301))),
            422,
            "too_long",
        ),
        (
            Method::POST,
            &workshops,
            with("agenda", json!([{"method": "brainstorm"}])),
            422,
            "invalid_method",
        ),
        (
            Method::POST,
            &workshops,
            with("agenda", json!([{"text": "a\nb"}])),
            422,
            "control_characters",
        ),
        (
            Method::POST,
            &workshops,
            with("agenda", json!(twenty_one)),
            422,
            "too_many_agenda_items",
        ),
        (
            Method::POST,
            &workshops,
            with("agenda", json!({"text": "x"})),
            422,
            "invalid_fields",
        ),
        (
            Method::PUT,
            &workshop_url,
            with("date", json!("")),
            422,
            "required",
        ),
        // An agenda item is an object, never its fields in a list.
        (
            Method::POST,
            &workshops,
            with("agenda", json!([[null, "Kohta"]])),
            422,
            "invalid_fields",
        ),
        // A date is exactly `YYYY-MM-DD`, as `format: date` says.
        (
            Method::POST,
            &workshops,
            with("date", json!(" 2026-06-15")),
            422,
            "invalid_date",
        ),
        (
            Method::POST,
            &periods,
            json!({"starts_on": "2026-03-01", "ends_on": "2026-03-10 ", "what": "Kysely"}),
            422,
            "invalid_date",
        ),
        (
            Method::POST,
            &periods,
            json!({"starts_on": "2026-03-10", "ends_on": "2026-03-01", "what": "Kysely"}),
            422,
            "end_before_start",
        ),
        (
            Method::POST,
            &periods,
            json!({"starts_on": "2026-03-01", "ends_on": "2026-03-10", "what": "  "}),
            422,
            "required",
        ),
        (
            Method::POST,
            &periods,
            json!({"starts_on": "2026-03-01", "ends_on": "2026-03-10", "what": "x".repeat(1001)}),
            422,
            "too_long",
        ),
    ];
    for (method, url, body, status, code) in cases {
        let response = send(app, method.clone(), url, &token, Some(body.clone())).await;
        let (got, got_code, _) = error_code(response).await;
        assert_eq!(
            (got.as_u16(), got_code.as_str()),
            (status, code),
            "{method} {url} {body}"
        );
    }

    // Bodies that are not JSON, ids that are not ids or not there.
    let response = app
        .client
        .post(&workshops)
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"date\":")
        .send()
        .await
        .expect("post");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (400, "invalid_json"));
    let response = app
        .client
        .put(&workshop_url)
        .bearer_auth(&token)
        .body("date=2026-06-15")
        .send()
        .await
        .expect("put");
    assert_eq!(response.status(), 415);
    let unknown = "00000000-0000-4000-8000-000000000000";
    for (method, url) in [
        (Method::GET, format!("{all}/{unknown}")),
        (Method::GET, format!("{all}/not-an-id")),
        (Method::PUT, format!("{workshops}/{unknown}")),
        (Method::DELETE, format!("{workshops}/x")),
        (Method::DELETE, format!("{series}/periods/{unknown}")),
        (Method::POST, format!("{all}/{unknown}/close")),
    ] {
        let response = send(app, method.clone(), &url, &token, Some(ok.clone())).await;
        let (status, code, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (404, "not_found"),
            "{method} {url}"
        );
    }

    let read: Value = app.get_json(&series, &token).await;
    assert_eq!(read["name"], "Sarja", "nothing changed");
    assert_eq!(read["workshops"].as_array().map(Vec::len), Some(1));
    assert_eq!(read["workshops"][0]["starts_at"], "2026-06-15T10:00:00Z");
    assert_eq!(read["periods"], json!([]));
}

async fn viewers_read_series_and_facilitators_write_them(app: &TestApp) {
    let (owner, all) = group_series_url(app).await;
    let created = expect(
        app,
        (Method::POST, &all),
        &owner,
        Some(json!({"name": "Sarja", "phase": "ideation"})),
        201,
    )
    .await;
    let series = format!("{all}/{}", created["id"].as_str().expect("id"));
    let ws: WorkspaceId = all
        .split("/workspaces/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse().ok())
        .expect("workspace id");
    for (email, role) in [
        ("viewer@example.fi", Role::Viewer),
        ("facilitator@example.fi", Role::Facilitator),
    ] {
        let user = app.user(email, false).await;
        app.db
            .store
            .add_member(ws, user.id, role)
            .await
            .expect("added");
    }
    let viewer = app.token("viewer@example.fi").await;
    let facilitator = app.token("facilitator@example.fi").await;
    let read: Value = app.get_json(&all, &viewer).await;
    assert_eq!(read.as_array().map(Vec::len), Some(1), "viewers read");
    let read: Value = app.get_json(&series, &viewer).await;
    assert_eq!(read["name"], "Sarja");
    let workshop = json!({"date": "2026-06-15", "time": "13:00", "duration_minutes": 60});
    for (method, url, body) in [
        (
            Method::POST,
            all.clone(),
            Some(json!({"name": "Oma", "phase": "ideation"})),
        ),
        (
            Method::PUT,
            series.clone(),
            Some(json!({"name": "Oma", "phase": "pilots"})),
        ),
        (
            Method::POST,
            format!("{series}/workshops"),
            Some(workshop.clone()),
        ),
        (Method::POST, format!("{series}/close"), None),
    ] {
        let response = send(app, method.clone(), &url, &viewer, body).await;
        let (status, code, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (403, "forbidden"),
            "{method} {url}"
        );
    }
    let read: Value = app.get_json(&series, &owner).await;
    assert_eq!(read["name"], "Sarja", "nothing changed");
    assert_eq!(read["closed_at"], Value::Null);
    assert_eq!(read["workshops"], json!([]));
    expect(
        app,
        (Method::POST, &format!("{series}/workshops")),
        &facilitator,
        Some(workshop),
        201,
    )
    .await;
    expect(
        app,
        (Method::POST, &format!("{series}/close")),
        &facilitator,
        None,
        200,
    )
    .await;
    expect(
        app,
        (Method::POST, &format!("{series}/reopen")),
        &facilitator,
        None,
        200,
    )
    .await;
}
