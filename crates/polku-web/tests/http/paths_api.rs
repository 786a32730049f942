//! The paths API: client profiles and their service paths with stages,
//! touchpoints, transitions and critical points; viewers read, facilitators
//! write; stale edits are 409 with the newer version; bad input is a 422
//! with the domain's code and field, and nothing is stored.

use polku_domain::{Role, WorkspaceId};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, error_code};

app_test!(
    a_path_is_built_end_to_end_through_the_api,
    a_stale_version_is_409_with_the_current_one_and_nothing_overwritten,
    a_transition_cycle_or_duplicate_is_409,
    every_bad_number_or_choice_is_422_with_its_code_and_field,
    viewers_read_paths_and_only_facilitators_write_them,
    another_workspaces_ids_are_404,
);

/// A workspace of a new `owner@example.fi`: the owner's token and the
/// workspace's API root.
async fn workspace(app: &TestApp, name: &str) -> (String, String) {
    app.user("owner@example.fi", false).await;
    let token = app.token("owner@example.fi").await;
    let root = api_root(app, &token, name).await;
    (token, root)
}

/// The API root of a new workspace named `name` of `token`'s account.
async fn api_root(app: &TestApp, token: &str, name: &str) -> String {
    let ws = app.workspace(token, name).await;
    app.url(&format!("/api/v1/workspaces/{ws}"))
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

fn id(value: &Value) -> &str {
    value["id"].as_str().expect("id")
}

/// A profile and its empty as-is path in the workspace at `root`: the
/// profile and the path's URL.
async fn profile_and_path(app: &TestApp, root: &str, token: &str) -> (Value, String) {
    let profile = expect(
        app,
        (Method::POST, &format!("{root}/profiles")),
        token,
        Some(
            json!({"name": "Osatyökykyinen Pekka, 50", "age_band": "50_64",
                    "digital_skills": "basic"}),
        ),
        201,
    )
    .await;
    let path = expect(
        app,
        (Method::POST, &format!("{root}/paths")),
        token,
        Some(json!({"profile_id": profile["id"], "title": "Pekan polku", "goal": "work"})),
        201,
    )
    .await;
    (profile, format!("{root}/paths/{}", id(&path)))
}

/// A stage named `name` on the path at `path`.
async fn stage(app: &TestApp, path: &str, token: &str, name: &str) -> Value {
    expect(
        app,
        (Method::POST, &format!("{path}/stages")),
        token,
        Some(json!({"name": name})),
        201,
    )
    .await
}

/// A touchpoint of `service` in `stage`.
async fn touchpoint(app: &TestApp, path: &str, token: &str, stage: &Value, service: &str) -> Value {
    expect(
        app,
        (Method::POST, &format!("{path}/touchpoints")),
        token,
        Some(json!({"stage_id": stage["id"], "service": service,
                    "sector": "social_work", "channel": "in_person"})),
        201,
    )
    .await
}

async fn a_path_is_built_end_to_end_through_the_api(app: &TestApp) {
    let (token, root) = workspace(app, "Polkujen hanke").await;
    let profile = expect(
        app,
        (Method::POST, &format!("{root}/profiles")),
        &token,
        Some(json!({
            "name": "Osatyökykyinen Pekka, 50", "age_band": "50_64",
            "situation": "Asuu yksin.\nTyöttömänä kolme vuotta.",
            "distance": "100 km erikoissairaanhoitoon", "languages": "suomi",
            "digital_skills": "basic", "goals": "Osa-aikatyö",
        })),
        201,
    )
    .await;
    assert_eq!(
        profile["situation"],
        "Asuu yksin.\nTyöttömänä kolme vuotta."
    );
    assert_eq!(profile["work_ability"], "", "left out is empty");
    let profile_url = format!("{root}/profiles/{}", id(&profile));
    let edited = expect(
        app,
        (Method::PUT, &profile_url),
        &token,
        Some(json!({"name": "Pekka, 50", "age_band": "50_64", "digital_skills": "none"})),
        200,
    )
    .await;
    assert_eq!(
        (edited["name"].as_str(), edited["digital_skills"].as_str()),
        (Some("Pekka, 50"), Some("none"))
    );
    assert_eq!(edited["situation"], "", "a PUT replaces the whole profile");
    let listed = app.get_json(format!("{root}/profiles"), &token).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(
        app.get_json(&profile_url, &token).await["name"],
        "Pekka, 50"
    );

    let created = expect(
        app,
        (Method::POST, &format!("{root}/paths")),
        &token,
        Some(json!({"profile_id": profile["id"], "title": "Pekan polku", "goal": "work"})),
        201,
    )
    .await;
    assert_eq!(
        (created["version"].as_str(), created["based_on"].clone()),
        (Some("as_is"), Value::Null)
    );
    let path = format!("{root}/paths/{}", id(&created));
    let need = stage(app, &path, &token, "Tarpeen tunnistaminen").await;
    let rehab = stage(app, &path, &token, "Kuntoutus").await;
    let work = stage(app, &path, &token, "Kohti työtä").await;
    assert_eq!(
        (need["position"].as_i64(), work["position"].as_i64()),
        (Some(0), Some(2))
    );
    let renamed = expect(
        app,
        (Method::PUT, &format!("{path}/stages/{}", id(&rehab))),
        &token,
        Some(json!({"name": "Arviointi"})),
        200,
    )
    .await;
    assert_eq!(renamed["name"], "Arviointi");
    let order = expect(
        app,
        (Method::POST, &format!("{path}/stages/{}/move", id(&work))),
        &token,
        Some(json!({"direction": "earlier"})),
        200,
    )
    .await;
    let names: Vec<_> = order
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Tarpeen tunnistaminen", "Kohti työtä", "Arviointi"]);

    let social = expect(
        app,
        (Method::POST, &format!("{path}/touchpoints")),
        &token,
        Some(json!({
            "stage_id": need["id"], "service": "Aikuissosiaalityön alkuarvio",
            "provider": "Kunta", "sector": "social_work", "channel": "in_person",
            "experience": -1, "quote": "Jouduin kertomaan kaiken taas.",
            "backstage": "Asiakastietojen haku\nKirjaus",
        })),
        201,
    )
    .await;
    assert_eq!(
        (social["experience"].as_i64(), social["version"].as_i64()),
        (Some(-1), Some(1))
    );
    let doctor = touchpoint(app, &path, &token, &need, "Lääkärin vastaanotto").await;
    let coach = touchpoint(app, &path, &token, &rehab, "Työhönvalmennus").await;
    assert_eq!(doctor["experience"], Value::Null, "left out is not known");
    let moved = expect(
        app,
        (
            Method::POST,
            &format!("{path}/touchpoints/{}/move", id(&doctor)),
        ),
        &token,
        Some(json!({"direction": "earlier"})),
        200,
    )
    .await;
    assert_eq!(moved["position"], 0);
    let moved = expect(
        app,
        (
            Method::POST,
            &format!("{path}/touchpoints/{}/move", id(&coach)),
        ),
        &token,
        Some(json!({"stage_id": work["id"]})),
        200,
    )
    .await;
    assert_eq!(
        (moved["stage_id"].clone(), moved["position"].as_i64()),
        (work["id"].clone(), Some(0))
    );

    let transition = expect(
        app,
        (Method::POST, &format!("{path}/transitions")),
        &token,
        Some(json!({
            "from": doctor["id"], "to": social["id"], "wait_days": 180,
            "distance_km": 100, "travel_mode": "public_transport",
            "info_flow": "repeats", "responsible": "",
        })),
        201,
    )
    .await;
    assert_eq!(
        (
            transition["wait_days"].as_u64(),
            transition["travel_mode"].as_str()
        ),
        (Some(180), Some("public_transport"))
    );
    let unknown = expect(
        app,
        (Method::POST, &format!("{path}/transitions")),
        &token,
        Some(json!({"from": social["id"], "to": coach["id"], "info_flow": "unknown"})),
        201,
    )
    .await;
    assert_eq!(
        (unknown["wait_days"].clone(), unknown["travel_mode"].clone()),
        (Value::Null, Value::Null)
    );
    let on_transition = expect(
        app,
        (Method::POST, &format!("{path}/critical_points")),
        &token,
        Some(json!({
            "target": {"on": "transition", "id": transition["id"]},
            "kind": "long_queue", "description": "Puolen vuoden jono.",
            "evidence": "\"Soitin kolme kertaa.\"\n\"Luovutin.\"", "drop_off_percent": 30,
        })),
        201,
    )
    .await;
    assert_eq!(on_transition["target"]["on"], "transition");
    let on_touchpoint = expect(
        app,
        (Method::POST, &format!("{path}/critical_points")),
        &token,
        Some(json!({
            "target": {"on": "touchpoint", "id": social["id"]},
            "kind": "information_gap", "description": "Tieto ei kulje.",
        })),
        201,
    )
    .await;
    let critical_url = format!("{path}/critical_points/{}", id(&on_touchpoint));
    let edited = expect(
        app,
        (Method::PUT, &critical_url),
        &token,
        Some(
            json!({"kind": "not_met", "description": "Kukaan ei kuuntele.",
                    "drop_off_percent": 10}),
        ),
        200,
    )
    .await;
    assert_eq!(
        (edited["kind"].as_str(), edited["target"]["on"].as_str()),
        (Some("not_met"), Some("touchpoint")),
        "the target stays"
    );

    let whole = app.get_json(&path, &token).await;
    assert_eq!(whole["path"]["title"], "Pekan polku");
    assert_eq!(whole["stages"].as_array().map(Vec::len), Some(3));
    let services: Vec<_> = whole["touchpoints"]
        .as_array()
        .expect("touchpoints")
        .iter()
        .map(|t| t["service"].as_str().expect("service"))
        .collect();
    assert_eq!(
        services,
        [
            "Lääkärin vastaanotto",
            "Aikuissosiaalityön alkuarvio",
            "Työhönvalmennus"
        ],
        "stage by stage, each in order"
    );
    assert_eq!(whole["transitions"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        whole["critical_points"][1]["target"],
        json!({"on": "touchpoint", "id": social["id"]})
    );

    let copy = expect(
        app,
        (Method::POST, &format!("{root}/paths")),
        &token,
        Some(json!({"copy_of": created["id"], "title": "Pekan tavoitepolku", "goal": "work"})),
        201,
    )
    .await;
    assert_eq!(
        (copy["version"].as_str(), copy["based_on"].clone()),
        (Some("to_be"), created["id"].clone())
    );
    let copied = app
        .get_json(format!("{root}/paths/{}", id(&copy)), &token)
        .await;
    assert_eq!(copied["touchpoints"].as_array().map(Vec::len), Some(3));
    assert_eq!(copied["critical_points"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        copied["touchpoints"][1]["copied_from"], social["id"],
        "each copy names its original"
    );
    let paths = app.get_json(format!("{root}/paths"), &token).await;
    assert_eq!(paths.as_array().map(Vec::len), Some(2));
    let retitled = expect(
        app,
        (Method::PUT, &path),
        &token,
        Some(json!({"title": "Pekan nykypolku", "goal": "participation"})),
        200,
    )
    .await;
    assert_eq!(
        (retitled["goal"].as_str(), retitled["version"].as_str()),
        (Some("participation"), Some("as_is"))
    );

    for url in [
        critical_url.clone(),
        format!("{path}/transitions/{}", id(&unknown)),
        format!("{path}/touchpoints/{}", id(&coach)),
        format!("{path}/stages/{}", id(&need)),
    ] {
        expect(app, (Method::DELETE, &url), &token, None, 204).await;
        expect(app, (Method::DELETE, &url), &token, None, 404).await;
    }
    let whole = app.get_json(&path, &token).await;
    assert_eq!(whole["stages"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        whole["touchpoints"],
        json!([]),
        "a stage goes with its touchpoints"
    );
    assert_eq!(
        (
            whole["transitions"].clone(),
            whole["critical_points"].clone()
        ),
        (json!([]), json!([])),
        "and theirs transitions and critical points"
    );
    expect(app, (Method::DELETE, &path), &token, None, 204).await;
    expect(app, (Method::GET, &path), &token, None, 404).await;
    let copy_url = format!("{root}/paths/{}", id(&copy));
    assert_eq!(
        app.get_json(&copy_url, &token).await["path"]["based_on"],
        Value::Null,
        "the to-be copy stays"
    );
    expect(app, (Method::DELETE, &profile_url), &token, None, 204).await;
    expect(app, (Method::GET, &copy_url), &token, None, 404).await;
    assert_eq!(
        app.get_json(format!("{root}/paths"), &token).await,
        json!([])
    );
}

async fn a_stale_version_is_409_with_the_current_one_and_nothing_overwritten(app: &TestApp) {
    let (token, root) = workspace(app, "Versioiden hanke").await;
    let (_, path) = profile_and_path(app, &root, &token).await;
    let stage = stage(app, &path, &token, "Arviointi").await;
    let first = touchpoint(app, &path, &token, &stage, "Alkuarvio").await;
    let second = touchpoint(app, &path, &token, &stage, "Palveluohjaus").await;
    let url = format!("{path}/touchpoints/{}", id(&first));
    let edit = |service: &str, version: i64| {
        json!({"version": version, "service": service, "sector": "health_care",
               "channel": "phone", "experience": 2})
    };
    let saved = expect(
        app,
        (Method::PUT, &url),
        &token,
        Some(edit("Ensimmäisen muokkaus", 1)),
        200,
    )
    .await;
    assert_eq!(
        (saved["version"].as_i64(), saved["service"].as_str()),
        (Some(2), Some("Ensimmäisen muokkaus"))
    );

    let response = send(
        app,
        Method::PUT,
        &url,
        &token,
        Some(edit("Toisen muokkaus", 1)),
    )
    .await;
    assert_eq!(response.status(), 409);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "edit_conflict");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty() && !m.starts_with("error-")),
        "translated: {body}"
    );
    assert_eq!(body["current"]["version"], 2);
    assert_eq!(body["current"]["service"], "Ensimmäisen muokkaus");
    assert_eq!(body["current"]["experience"], 2);
    let whole = app.get_json(&path, &token).await;
    assert_eq!(
        whole["touchpoints"][0]["service"], "Ensimmäisen muokkaus",
        "nothing overwritten"
    );
    assert_eq!(whole["touchpoints"][0]["version"], 2);
    // Based on the newer version, the edit goes through.
    let saved = expect(
        app,
        (Method::PUT, &url),
        &token,
        Some(edit("Toisen muokkaus", 2)),
        200,
    )
    .await;
    assert_eq!(saved["version"], 3);

    let transition = expect(
        app,
        (Method::POST, &format!("{path}/transitions")),
        &token,
        Some(
            json!({"from": first["id"], "to": second["id"], "info_flow": "passes",
                    "wait_days": 14}),
        ),
        201,
    )
    .await;
    let url = format!("{path}/transitions/{}", id(&transition));
    let edit = |wait: u32, version: i64| json!({"version": version, "info_flow": "repeats", "wait_days": wait});
    let saved = expect(app, (Method::PUT, &url), &token, Some(edit(30, 1)), 200).await;
    assert_eq!(
        (saved["version"].as_i64(), saved["wait_days"].as_u64()),
        (Some(2), Some(30))
    );
    assert_eq!(saved["from"], first["id"], "its ends stay");
    let response = send(app, Method::PUT, &url, &token, Some(edit(60, 1))).await;
    assert_eq!(response.status(), 409);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "edit_conflict");
    assert_eq!(
        (
            body["current"]["version"].as_i64(),
            body["current"]["wait_days"].as_u64()
        ),
        (Some(2), Some(30))
    );
    let whole = app.get_json(&path, &token).await;
    assert_eq!(
        whole["transitions"][0]["wait_days"], 30,
        "nothing overwritten"
    );
}

async fn a_transition_cycle_or_duplicate_is_409(app: &TestApp) {
    let (token, root) = workspace(app, "Syklien hanke").await;
    let (_, path) = profile_and_path(app, &root, &token).await;
    let stage = stage(app, &path, &token, "Vaihe").await;
    let mut touchpoints = Vec::new();
    for service in ["A", "B", "C"] {
        touchpoints.push(touchpoint(app, &path, &token, &stage, service).await);
    }
    let [a, b, c] = [0, 1, 2].map(|i| touchpoints[i]["id"].clone());
    let transitions = format!("{path}/transitions");
    let link = |from: &Value, to: &Value| json!({"from": from, "to": to, "info_flow": "passes"});
    for (from, to) in [(&a, &b), (&b, &c)] {
        expect(
            app,
            (Method::POST, &transitions),
            &token,
            Some(link(from, to)),
            201,
        )
        .await;
    }
    for (from, to, code) in [
        (&c, &a, "transition_cycle"),
        (&b, &a, "transition_cycle"),
        (&a, &a, "transition_cycle"),
        (&a, &b, "duplicate"),
    ] {
        let response = send(
            app,
            Method::POST,
            &transitions,
            &token,
            Some(link(from, to)),
        )
        .await;
        let (status, got, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), got.as_str()),
            (409, code),
            "{from} -> {to}"
        );
    }
    expect(
        app,
        (Method::POST, &transitions),
        &token,
        Some(link(&a, &c)),
        201,
    )
    .await;
    let whole = app.get_json(&path, &token).await;
    assert_eq!(
        whole["transitions"].as_array().map(Vec::len),
        Some(3),
        "a shortcut is no cycle; nothing else was stored"
    );
}

async fn every_bad_number_or_choice_is_422_with_its_code_and_field(app: &TestApp) {
    let (token, root) = workspace(app, "Virheiden hanke").await;
    let (profile, path) = profile_and_path(app, &root, &token).await;
    let stage = stage(app, &path, &token, "Vaihe").await;
    let first = touchpoint(app, &path, &token, &stage, "A").await;
    let second = touchpoint(app, &path, &token, &stage, "B").await;
    let transition = expect(
        app,
        (Method::POST, &format!("{path}/transitions")),
        &token,
        Some(json!({"from": first["id"], "to": second["id"], "info_flow": "passes"})),
        201,
    )
    .await;
    let before = app.get_json(&path, &token).await;

    let new_touchpoint =
        json!({"stage_id": stage["id"], "service": "C", "sector": "kela", "channel": "digital"});
    let edit_touchpoint =
        json!({"version": 1, "service": "C", "sector": "kela", "channel": "digital"});
    let new_transition = json!({"from": second["id"], "to": first["id"], "info_flow": "passes"});
    let edit_transition = json!({"version": 1, "info_flow": "passes"});
    let new_critical = json!({"target": {"on": "touchpoint", "id": first["id"]},
                              "kind": "other", "description": "Jotain"});
    let edit_critical = json!({"kind": "other", "description": "Jotain"});
    let touchpoint_url = format!("{path}/touchpoints/{}", id(&first));
    let transition_url = format!("{path}/transitions/{}", id(&transition));
    let with = |base: &Value, key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let mut cases: Vec<(Method, String, Value, &str, &str)> = Vec::new();
    for (method, url, base) in [
        (Method::POST, format!("{path}/touchpoints"), &new_touchpoint),
        (Method::PUT, touchpoint_url.clone(), &edit_touchpoint),
    ] {
        for bad in [json!(3), json!(-3), json!(0.5), json!(100_000_000_000_u64)] {
            cases.push((
                method.clone(),
                url.clone(),
                with(base, "experience", bad),
                "invalid_experience",
                "experience",
            ));
        }
        cases.push((
            method.clone(),
            url.clone(),
            with(base, "sector", json!("bank")),
            "invalid_choice",
            "sector",
        ));
        cases.push((
            method.clone(),
            url.clone(),
            with(base, "channel", json!("pigeon")),
            "invalid_choice",
            "channel",
        ));
    }
    for (method, url, base) in [
        (Method::POST, format!("{path}/transitions"), &new_transition),
        (Method::PUT, transition_url.clone(), &edit_transition),
    ] {
        for bad in [json!(-1), json!(3651), json!(1.5)] {
            cases.push((
                method.clone(),
                url.clone(),
                with(base, "wait_days", bad),
                "invalid_wait_days",
                "wait_days",
            ));
        }
        for bad in [json!(-5), json!(2001), json!(0.1)] {
            cases.push((
                method.clone(),
                url.clone(),
                with(base, "distance_km", bad),
                "invalid_distance",
                "distance_km",
            ));
        }
        cases.push((
            method.clone(),
            url.clone(),
            with(base, "travel_mode", json!("rocket")),
            "invalid_choice",
            "travel_mode",
        ));
        cases.push((
            method.clone(),
            url.clone(),
            with(base, "info_flow", json!("telepathy")),
            "invalid_choice",
            "info_flow",
        ));
    }
    let critical_points = format!("{path}/critical_points");
    for bad in [json!(-1), json!(101), json!(12.5)] {
        cases.push((
            Method::POST,
            critical_points.clone(),
            with(&new_critical, "drop_off_percent", bad),
            "invalid_drop_off",
            "drop_off_percent",
        ));
    }
    cases.push((
        Method::POST,
        critical_points.clone(),
        with(&new_critical, "kind", json!("bad_luck")),
        "invalid_choice",
        "kind",
    ));
    cases.push((
        Method::POST,
        critical_points.clone(),
        with(
            &new_critical,
            "target",
            json!({"on": "stage", "id": stage["id"]}),
        ),
        "invalid_choice",
        "target",
    ));
    cases.push((
        Method::POST,
        format!("{path}/stages/{}/move", id(&stage)),
        json!({"direction": "up"}),
        "invalid_choice",
        "direction",
    ));
    cases.push((
        Method::POST,
        format!("{path}/touchpoints/{}/move", id(&first)),
        json!({"direction": "sideways"}),
        "invalid_choice",
        "direction",
    ));
    cases.push((
        Method::POST,
        format!("{path}/stages"),
        json!({"name": " "}),
        "required",
        "name",
    ));
    cases.push((
        Method::POST,
        format!("{root}/paths"),
        json!({"profile_id": profile["id"], "title": "Polku", "goal": "money"}),
        "invalid_choice",
        "goal",
    ));
    cases.push((
        Method::POST,
        format!("{root}/profiles"),
        json!({"name": "Maija", "age_band": "42", "digital_skills": "good"}),
        "invalid_choice",
        "age_band",
    ));
    cases.push((
        Method::POST,
        format!("{root}/profiles"),
        json!({"name": "Maija", "age_band": "under_25", "digital_skills": "good",
               "languages": "x".repeat(201)}),
        "too_long",
        "languages",
    ));
    for (method, url, body, code, field) in &cases {
        let response = send(app, method.clone(), url, &token, Some(body.clone())).await;
        let status = response.status();
        let answer: Value = response.json().await.expect("json");
        assert_eq!(
            (
                status.as_u16(),
                answer["error"]["code"].as_str(),
                answer["error"]["field"].as_str()
            ),
            (422, Some(*code), Some(*field)),
            "{method} {url} {body}"
        );
    }

    let critical = expect(
        app,
        (Method::POST, &critical_points),
        &token,
        Some(new_critical.clone()),
        201,
    )
    .await;
    let critical_url = format!("{path}/critical_points/{}", id(&critical));
    let response = send(
        app,
        Method::PUT,
        &critical_url,
        &token,
        Some(with(&edit_critical, "drop_off_percent", json!(101))),
    )
    .await;
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "invalid_drop_off"));
    // Numbers sent as text, or a version left out, are not the shape.
    for (url, body) in [
        (
            format!("{path}/touchpoints"),
            with(&new_touchpoint, "experience", json!("1")),
        ),
        (touchpoint_url.clone(), {
            let mut body = edit_touchpoint.clone();
            body.as_object_mut().map(|o| o.remove("version"));
            body
        }),
        (
            format!("{root}/paths"),
            json!({"profile_id": profile["id"], "copy_of": profile["id"],
                   "title": "Polku", "goal": "work"}),
        ),
    ] {
        let method = if url == touchpoint_url {
            Method::PUT
        } else {
            Method::POST
        };
        let response = send(app, method, &url, &token, Some(body)).await;
        let (status, code, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (422, "invalid_fields"),
            "{url}"
        );
    }

    let after = app.get_json(&path, &token).await;
    assert_eq!(before["stages"], after["stages"], "nothing stored");
    assert_eq!(
        before["touchpoints"], after["touchpoints"],
        "nothing stored"
    );
    assert_eq!(
        before["transitions"], after["transitions"],
        "nothing stored"
    );
    assert_eq!(after["critical_points"][0]["drop_off_percent"], Value::Null);
    assert_eq!(
        app.get_json(format!("{root}/paths"), &token)
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        app.get_json(format!("{root}/profiles"), &token)
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

async fn viewers_read_paths_and_only_facilitators_write_them(app: &TestApp) {
    let (token, root) = workspace(app, "Roolien hanke").await;
    let ws: WorkspaceId = last_segment(&root).parse().expect("workspace id");
    let store = &app.db.store;
    for (email, role) in [
        ("viewer@example.fi", Role::Viewer),
        ("facilitator@example.fi", Role::Facilitator),
    ] {
        let user = app.user(email, false).await;
        store.add_member(ws, user.id, role).await.expect("member");
    }
    let viewer = app.token("viewer@example.fi").await;
    let facilitator = app.token("facilitator@example.fi").await;
    let (profile, path) = profile_and_path(app, &root, &token).await;
    let stage = stage(app, &path, &token, "Vaihe").await;
    let first = touchpoint(app, &path, &token, &stage, "A").await;
    let profile_url = format!("{root}/profiles/{}", id(&profile));

    for url in [
        format!("{root}/profiles"),
        profile_url.clone(),
        format!("{root}/paths"),
        path.clone(),
    ] {
        expect(app, (Method::GET, &url), &viewer, None, 200).await;
    }
    let writes = [
        (
            Method::POST,
            format!("{root}/profiles"),
            json!({"name": "Uusi", "age_band": "under_25", "digital_skills": "good"}),
        ),
        (
            Method::PUT,
            profile_url.clone(),
            json!({"name": "Uusi", "age_band": "under_25", "digital_skills": "good"}),
        ),
        (
            Method::POST,
            format!("{root}/paths"),
            json!({"profile_id": profile["id"], "title": "Toinen", "goal": "studies"}),
        ),
        (
            Method::PUT,
            path.clone(),
            json!({"title": "Uusi nimi", "goal": "work"}),
        ),
        (
            Method::POST,
            format!("{path}/stages"),
            json!({"name": "Uusi vaihe"}),
        ),
        (
            Method::PUT,
            format!("{path}/touchpoints/{}", id(&first)),
            json!({"version": 1, "service": "Uusi", "sector": "ngo", "channel": "phone"}),
        ),
        (
            Method::POST,
            format!("{path}/critical_points"),
            json!({"target": {"on": "touchpoint", "id": first["id"]}, "kind": "other",
                   "description": "Kuvaus"}),
        ),
    ];
    for (method, url, body) in &writes {
        let response = send(app, method.clone(), url, &viewer, Some(body.clone())).await;
        let (status, code, _) = error_code(response).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (403, "forbidden"),
            "{method} {url} as a viewer"
        );
    }
    for url in [format!("{path}/stages/{}", id(&stage)), path.clone()] {
        expect(app, (Method::DELETE, &url), &viewer, None, 403).await;
    }
    let unchanged = app.get_json(&path, &viewer).await;
    assert_eq!(unchanged["path"]["title"], "Pekan polku");
    assert_eq!(unchanged["stages"].as_array().map(Vec::len), Some(1));
    assert_eq!(unchanged["touchpoints"][0]["version"], 1);

    for (method, url, body) in writes {
        let status = if method == Method::POST { 201 } else { 200 };
        expect(app, (method, &url), &facilitator, Some(body), status).await;
    }
    expect(app, (Method::DELETE, &path), &facilitator, None, 204).await;
}

async fn another_workspaces_ids_are_404(app: &TestApp) {
    let (token, root) = workspace(app, "Oma hanke").await;
    let other_root = api_root(app, &token, "Toinen hanke").await;
    let (_, path) = profile_and_path(app, &root, &token).await;
    let stage = stage(app, &path, &token, "Oma vaihe").await;
    let own = touchpoint(app, &path, &token, &stage, "Oma").await;
    let (foreign_profile, foreign_path) = profile_and_path(app, &other_root, &token).await;
    let foreign_stage = stage_of(app, &foreign_path, &token).await;
    let foreign = touchpoint(app, &foreign_path, &token, &foreign_stage, "Vieras").await;
    // Another path of the same workspace is as foreign to this one.
    let (_, sibling_path) = profile_and_path(app, &root, &token).await;
    let sibling_stage = stage_of(app, &sibling_path, &token).await;

    let foreign_path_id = last_segment(&foreign_path);
    let foreign_profile_url = format!("{root}/profiles/{}", id(&foreign_profile));
    let cases = [
        (Method::GET, format!("{root}/paths/{foreign_path_id}"), None),
        (Method::GET, foreign_profile_url.clone(), None),
        (
            Method::PUT,
            foreign_profile_url.clone(),
            Some(json!({"name": "X", "age_band": "under_25", "digital_skills": "good"})),
        ),
        (Method::DELETE, foreign_profile_url, None),
        (
            Method::DELETE,
            format!("{root}/paths/{foreign_path_id}"),
            None,
        ),
        (
            Method::POST,
            format!("{root}/paths/{foreign_path_id}/stages"),
            Some(json!({"name": "X"})),
        ),
        (
            Method::POST,
            format!("{root}/paths"),
            Some(json!({"profile_id": foreign_profile["id"], "title": "X", "goal": "work"})),
        ),
        (
            Method::POST,
            format!("{root}/paths"),
            Some(json!({"copy_of": foreign_path_id, "title": "X", "goal": "work"})),
        ),
        (
            Method::PUT,
            format!("{path}/stages/{}", id(&foreign_stage)),
            Some(json!({"name": "X"})),
        ),
        (
            Method::DELETE,
            format!("{path}/stages/{}", id(&sibling_stage)),
            None,
        ),
        (
            Method::POST,
            format!("{path}/touchpoints"),
            Some(json!({"stage_id": foreign_stage["id"], "service": "X",
                        "sector": "other", "channel": "phone"})),
        ),
        (
            Method::POST,
            format!("{path}/touchpoints"),
            Some(json!({"stage_id": sibling_stage["id"], "service": "X",
                        "sector": "other", "channel": "phone"})),
        ),
        (
            Method::POST,
            format!("{path}/touchpoints/{}/move", id(&own)),
            Some(json!({"stage_id": foreign_stage["id"]})),
        ),
        (
            Method::PUT,
            format!("{path}/touchpoints/{}", id(&foreign)),
            Some(json!({"version": 1, "service": "X", "sector": "other", "channel": "phone"})),
        ),
        (
            Method::POST,
            format!("{path}/transitions"),
            Some(json!({"from": own["id"], "to": foreign["id"], "info_flow": "passes"})),
        ),
        (
            Method::POST,
            format!("{path}/critical_points"),
            Some(json!({"target": {"on": "touchpoint", "id": foreign["id"]},
                        "kind": "other", "description": "X"})),
        ),
    ];
    for (method, url, body) in cases {
        let response = send(app, method.clone(), &url, &token, body).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        assert_eq!(status, 404, "{method} {url}: {text}");
        assert!(
            !text.contains("Vieras") && !text.contains("Osatyökykyinen"),
            "{method} {url} shows the other's data: {text}"
        );
    }
    let foreign_whole = app.get_json(&foreign_path, &token).await;
    assert_eq!(foreign_whole["stages"][0]["name"], "Vaihe", "untouched");
    assert_eq!(foreign_whole["touchpoints"][0]["service"], "Vieras");
    let sibling_whole = app.get_json(&sibling_path, &token).await;
    assert_eq!(sibling_whole["stages"].as_array().map(Vec::len), Some(1));
    let own_whole = app.get_json(&path, &token).await;
    assert_eq!(own_whole["touchpoints"].as_array().map(Vec::len), Some(1));
    assert_eq!(own_whole["touchpoints"][0]["stage_id"], stage["id"]);
    assert_eq!(own_whole["transitions"], json!([]));
    assert_eq!(own_whole["critical_points"], json!([]));
    assert_eq!(own_whole["stages"][0]["name"], "Oma vaihe");
}

/// The last segment of a URL: the id of what it names.
fn last_segment(url: &str) -> &str {
    url.rsplit('/').next().expect("segment")
}

/// A stage named "Vaihe" on the path at `path`.
async fn stage_of(app: &TestApp, path: &str, token: &str) -> Value {
    stage(app, path, token, "Vaihe").await
}
