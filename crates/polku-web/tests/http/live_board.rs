//! The board beyond notes and votes, over HTTP: sessions held for a series'
//! workshop (the phase's questions as columns, the group's ground rules,
//! return codes of the series), participants grouping notes until the board
//! is locked, taking one's own note back, and merging duplicates.

use polku_domain::{GroupDetails, LocalizedText, NewWorkshop, Phase, SeriesName, WorkspaceId};
use reqwest::header::COOKIE;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, assert_field_error, cookie, error_code, get_html};
use crate::live_pages::{
    between, facilitator_with_session, join_by_form, join_first_time, post_form,
};

app_test!(
    a_session_for_a_workshop_asks_the_phase_questions_under_the_ground_rules,
    participants_group_notes_until_the_board_is_locked,
    only_its_writer_takes_a_note_back,
    a_merged_duplicate_shows_under_its_note_and_its_writer_sees_where_it_went,
    return_codes_belong_to_the_series,
);

/// A group with ground rules, a series in `phase` and two workshops in
/// `workspace`; the workshops' ids.
async fn series_with_workshops(app: &TestApp, workspace: &str, phase: Phase) -> [String; 2] {
    let store = &app.db.store;
    let ws: WorkspaceId = workspace.parse().expect("id");
    let mut details = GroupDetails::named(LocalizedText::finnish("Rantakylän ryhmä"));
    details.ground_rules = "Kuuntelemme toisiamme.\nJokainen ääni painaa yhtä paljon.".into();
    let group = store.create_group(ws, &details).await.expect("group");
    let series = store
        .create_series(
            ws,
            group.id,
            &SeriesName::parse("Kevään työpajat").expect("name"),
            phase,
        )
        .await
        .expect("series");
    let mut ids = Vec::new();
    for day in ["2030-03-01", "2030-04-01"] {
        let workshop = NewWorkshop::parse(day, "13:00", "90", "Kirjasto", &[]).expect("valid");
        let added = store
            .add_workshop(ws, group.id, series.id, &workshop)
            .await
            .expect("workshop");
        ids.push(added.id.to_string());
    }
    [ids[0].clone(), ids[1].clone()]
}

/// The code a facilitator's page shows.
fn code_on(html: &str) -> String {
    between(html, "id=\"join-code\"", "</p>")
        .rsplit('>')
        .next()
        .expect("code")
        .trim()
        .to_owned()
}

/// Opens a session by form for `workshop`; the facilitator page's path.
async fn open_for(app: &TestApp, session: &str, ws: &str, workshop: &str) -> String {
    let opened = post_form(
        app,
        &format!("/workspaces/{ws}/live"),
        &cookie(session),
        &[("title", ""), ("budget", "5"), ("workshop", workshop)],
    )
    .await;
    assert_eq!(opened.status(), 303);
    opened.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned()
}

async fn a_session_for_a_workshop_asks_the_phase_questions_under_the_ground_rules(app: &TestApp) {
    let (facilitator, ws, _) = facilitator_with_session(app).await;
    let [first, _] = series_with_workshops(app, &ws, Phase::CurrentState).await;
    let (status, sessions) = get_html(
        app,
        &format!("/workspaces/{ws}/live"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        sessions.contains(&format!(
            "<option value=\"{first}\">Kevään työpajat: 1.3.2030 klo 13.00"
        )),
        "{sessions}"
    );

    // A series page's "hold it live" link preselects its workshop.
    let (_, chosen) = get_html(
        app,
        &format!("/workspaces/{ws}/live?workshop={first}"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    assert!(chosen.contains(&format!("<option value=\"{first}\" selected>")));

    let page = open_for(app, &facilitator, &ws, &first).await;
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    assert!(
        html.contains("<h1>Kevään työpajat, 1.3.2030</h1>"),
        "the series and day name it"
    );
    for question in [
        "Mikä palveluissa toimii?",
        "Missä kohdassa asiat jumittuvat?",
        "Missä kohdassa ihmiset putoavat pois?",
    ] {
        assert!(
            html.contains(question),
            "{question} on the facilitator's page"
        );
    }
    assert!(
        html.contains("Jokainen ääni painaa yhtä paljon."),
        "ground rules"
    );

    let (participant, board) = join_by_form(app, &code_on(&html), "Kettu").await;
    let (_, html) = get_html(app, &board, &[("cookie", &participant)]).await;
    assert!(
        html.contains("Kuuntelemme toisiamme."),
        "the board shows the rules"
    );
    let stuck = between(
        &html,
        "<option value=\"",
        "\">Missä kohdassa asiat jumittuvat?",
    );
    let stuck = stuck.rsplit('"').next().expect("id").to_owned();
    let written = post_form(
        app,
        &format!("{board}/notes"),
        &participant,
        &[("text", "Ajanvaraus ei vastaa"), ("column_id", &stuck)],
    )
    .await;
    assert_eq!(written.status(), 303);
    let (_, html) = get_html(app, &board, &[("cookie", &participant)]).await;
    let column = between(
        &html,
        ">Missä kohdassa asiat jumittuvat?</h3>",
        "</section>",
    );
    assert!(
        column.contains("Ajanvaraus ei vastaa"),
        "the note under its question: {html}"
    );

    // A note typed in from paper answers a question too; an overlong one
    // comes back with its text and question kept.
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    let proxy_form = between(&html, "id=\"proxy-column\"", "</select>");
    let dropped = between(proxy_form, "<option value=\"", "\">Missä kohdassa ihmiset");
    let dropped = dropped.rsplit('"').next().expect("id").to_owned();
    let overlong = "p".repeat(501);
    let refused = post_form(
        app,
        &format!("{page}/proxy-note"),
        &cookie(&facilitator),
        &[("text", overlong.as_str()), ("column_id", &dropped)],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let kept = refused.text().await.expect("body");
    assert!(
        kept.contains(&format!(">{overlong}</textarea>")),
        "the text is kept"
    );
    assert!(
        kept.contains(&format!("<option value=\"{dropped}\" selected>")),
        "the question is kept"
    );
    let typed = post_form(
        app,
        &format!("{page}/proxy-note"),
        &cookie(&facilitator),
        &[
            ("text", "Paperilta: kirje tuli liian myöhään"),
            ("column_id", &dropped),
        ],
    )
    .await;
    assert_eq!(typed.status(), 303);
    let (_, html) = get_html(app, &board, &[("cookie", &participant)]).await;
    let column = between(
        &html,
        ">Missä kohdassa ihmiset putoavat pois?</h3>",
        "</section>",
    );
    assert!(
        column.contains("Paperilta: kirje tuli liian myöhään"),
        "the typed-in note under its question: {html}"
    );

    // A workshop that is not one of this workspace's running series is
    // refused beside the field, with what was typed kept.
    let (_, other_ws) = {
        let token = app.token("ohjaaja@example.fi").await;
        ((), app.workspace(&token, "Toinen hanke").await)
    };
    let [foreign, _] = series_with_workshops(app, &other_ws, Phase::Ideation).await;
    for bad in ["not-an-id", foreign.as_str()] {
        let refused = post_form(
            app,
            &format!("/workspaces/{ws}/live"),
            &cookie(&facilitator),
            &[("title", "Oma otsikko"), ("budget", "5"), ("workshop", bad)],
        )
        .await;
        assert_eq!(refused.status(), 422, "{bad}");
        let html = refused.text().await.expect("body");
        assert_field_error(
            &html,
            "session-workshop",
            "Valitse työpaja listasta. Päättyneen sarjan työpajaan ei voi avata uutta työpajaa.",
        );
        assert!(html.contains("value=\"Oma otsikko\""), "the title is kept");
    }
}

/// A facilitator's token and an open session of a new workspace (API).
async fn api_session(app: &TestApp) -> (String, Value) {
    app.user("veturi@example.fi", false).await;
    let token = app.token("veturi@example.fi").await;
    let ws = app.workspace(&token, "Rajapintahanke").await;
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&token)
        .json(&json!({ "workspace_id": ws, "title": "Ryhmittely" }))
        .send()
        .await
        .expect("open");
    assert_eq!(response.status(), 201);
    (token, response.json().await.expect("session"))
}

fn at(session: &Value, rest: &str) -> String {
    format!(
        "/api/v1/sessions/{}{rest}",
        session["id"].as_str().expect("id")
    )
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    token: &str,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// Joins by API; the participant's token.
async fn joined(app: &TestApp, session: &Value, nickname: &str) -> String {
    let response = app
        .client
        .post(app.url("/api/v1/join"))
        .json(
            &json!({ "code": session["join_code"], "nickname": nickname, "perspective": "client" }),
        )
        .send()
        .await
        .expect("join");
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("json");
    body["participant_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

async fn note_of(app: &TestApp, session: &Value, token: &str, text: &str) -> String {
    let response = send(
        app,
        reqwest::Method::POST,
        token,
        &at(session, "/notes"),
        Some(json!({ "text": text })),
    )
    .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("json");
    body["id"].as_str().expect("id").to_owned()
}

async fn participants_group_notes_until_the_board_is_locked(app: &TestApp) {
    use reqwest::Method;
    let (facilitator, session) = api_session(app).await;
    let theme: Value = send(
        app,
        Method::POST,
        &facilitator,
        &at(&session, "/themes"),
        Some(json!({ "name": "Jonot" })),
    )
    .await
    .json()
    .await
    .expect("theme");
    let kettu = joined(app, &session, "Kettu").await;
    let susi = joined(app, &session, "Susi").await;
    let kettus = note_of(app, &session, &kettu, "Oma lappu").await;
    let susis = note_of(app, &session, &susi, "Toisen lappu").await;
    let to_theme = json!({ "theme_id": theme["id"] });

    let moved = send(
        app,
        Method::POST,
        &kettu,
        &at(&session, &format!("/notes/{susis}/move")),
        Some(to_theme.clone()),
    )
    .await;
    assert_eq!(moved.status(), 204, "an open board lets anyone group");

    let locked = send(
        app,
        Method::POST,
        &facilitator,
        &at(&session, "/lock"),
        Some(json!({ "locked": true })),
    )
    .await;
    assert_eq!(locked.status(), 200);
    let locked: Value = locked.json().await.expect("json");
    assert_eq!(locked["locked"], true);
    // Participants may not lock: the facilitators' routes need an account.
    let refused = send(
        app,
        Method::POST,
        &kettu,
        &at(&session, "/lock"),
        Some(json!({ "locked": false })),
    )
    .await;
    assert_eq!(refused.status(), 401);

    let refused = send(
        app,
        Method::POST,
        &kettu,
        &at(&session, &format!("/notes/{susis}/move")),
        Some(json!({ "theme_id": null })),
    )
    .await;
    let (status, code, _) = error_code(refused).await;
    assert_eq!((status.as_u16(), code.as_str()), (409, "session_locked"));
    let own = send(
        app,
        Method::POST,
        &kettu,
        &at(&session, &format!("/notes/{kettus}/move")),
        Some(to_theme.clone()),
    )
    .await;
    assert_eq!(own.status(), 204);
    let by_facilitator = send(
        app,
        Method::POST,
        &facilitator,
        &at(&session, &format!("/notes/{susis}/move")),
        Some(json!({ "theme_id": null })),
    )
    .await;
    assert_eq!(by_facilitator.status(), 204);

    let notes: Vec<Value> = send(app, Method::GET, &kettu, &at(&session, "/notes"), None)
        .await
        .json()
        .await
        .expect("json");
    let theme_of =
        |id: &str| notes.iter().find(|n| n["id"] == id).expect("note")["theme_id"].clone();
    assert_eq!(theme_of(&kettus), theme["id"]);
    assert_eq!(theme_of(&susis), Value::Null);

    // The board page shows a move form only for the participant's own note
    // while locked, and says why.
    let (_, html) = get_html(
        app,
        &format!("/live/{}", session["id"].as_str().expect("id")),
        &[("authorization", &format!("Bearer {kettu}"))],
    )
    .await;
    assert!(
        html.contains(&format!("id=\"move-{kettus}\"")),
        "own note movable"
    );
    assert!(
        !html.contains(&format!("id=\"move-{susis}\"")),
        "another's not"
    );
    assert!(html.contains("id=\"board-locked\""));
}

async fn only_its_writer_takes_a_note_back(app: &TestApp) {
    use reqwest::Method;
    let (facilitator, session) = api_session(app).await;
    let kettu = joined(app, &session, "Kettu").await;
    let susi = joined(app, &session, "Susi").await;
    let kettus = note_of(app, &session, &kettu, "Oma lappu").await;
    let voted = send(
        app,
        Method::POST,
        &susi,
        &at(&session, "/votes"),
        Some(json!({ "note_id": kettus })),
    )
    .await;
    assert_eq!(voted.status(), 201);

    for token in [&susi, &facilitator] {
        let refused = send(
            app,
            Method::DELETE,
            token,
            &at(&session, &format!("/notes/{kettus}")),
            None,
        )
        .await;
        let (status, code, _) = error_code(refused).await;
        assert_eq!((status.as_u16(), code.as_str()), (403, "not_your_note"));
    }
    let deleted = send(
        app,
        Method::DELETE,
        &kettu,
        &at(&session, &format!("/notes/{kettus}")),
        None,
    )
    .await;
    assert_eq!(deleted.status(), 204);
    let notes: Vec<Value> = send(app, Method::GET, &kettu, &at(&session, "/notes"), None)
        .await
        .json()
        .await
        .expect("json");
    assert!(notes.is_empty());
    // Susi's vote came back: a new note takes all five.
    let other = note_of(app, &session, &kettu, "Uusi lappu").await;
    for _ in 0..5 {
        let voted = send(
            app,
            Method::POST,
            &susi,
            &at(&session, "/votes"),
            Some(json!({ "note_id": other })),
        )
        .await;
        assert_eq!(voted.status(), 201);
    }
    let again = send(
        app,
        Method::DELETE,
        &kettu,
        &at(&session, &format!("/notes/{kettus}")),
        None,
    )
    .await;
    assert_eq!(again.status(), 404);
}

async fn a_merged_duplicate_shows_under_its_note_and_its_writer_sees_where_it_went(app: &TestApp) {
    let (facilitator, _, page) = facilitator_with_session(app).await;
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    let code = code_on(&html);
    let (kettu, board, return_code) = join_first_time(app, &code, "Kettu").await;
    let (susi, _) = join_by_form(app, &code, "Susi").await;
    for (who, text) in [
        (&kettu, "Jonot ovat liian pitkiä"),
        (&susi, "Liian pitkä jono"),
    ] {
        let written = post_form(app, &format!("{board}/notes"), who, &[("text", text)]).await;
        assert_eq!(written.status(), 303);
    }
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    let kettus = between(
        &html,
        "<option value=\"",
        "\">Jonot ovat liian pitkiä</option>",
    )
    .rsplit('"')
    .next()
    .expect("id")
    .to_owned();
    let susis = between(&html, "id=\"merge-", "\"").to_owned();
    let (duplicate, into) = if susis == kettus {
        // The first merge form on the page may be Kettu's own.
        let other = between(&html, "<option value=\"", "\">Liian pitkä jono</option>")
            .rsplit('"')
            .next()
            .expect("id")
            .to_owned();
        (kettus.clone(), other)
    } else {
        (susis.clone(), kettus.clone())
    };

    let refused = post_form(
        app,
        &format!("{page}/notes/{duplicate}/merge"),
        &cookie(&facilitator),
        &[("into", &duplicate)],
    )
    .await;
    assert_eq!(refused.status(), 409);
    let html = refused.text().await.expect("body");
    assert!(html.contains("Lappua ei voi yhdistää itseensä"), "{html}");

    let merged = post_form(
        app,
        &format!("{page}/notes/{duplicate}/merge"),
        &cookie(&facilitator),
        &[("into", &into)],
    )
    .await;
    assert_eq!(merged.status(), 303);
    let (_, html) = get_html(app, &board, &[("cookie", &kettu)]).await;
    assert!(html.contains("Samaa sanottiin myös näin:"), "{html}");
    assert!(
        !html.contains(&format!("id=\"note-{duplicate}\"")),
        "the duplicate is no card of its own"
    );

    // Its writer sees with the return code where it went (Kettu wrote one
    // of the two; whichever was merged, one of them names the other).
    let shown = app
        .client
        .post(app.url("/return"))
        .form(&[("return_code", return_code.as_str())])
        .send()
        .await
        .expect("return");
    let html = shown.text().await.expect("body");
    if duplicate == kettus {
        assert!(
            html.contains("Lappu yhdistettiin samanlaiseen lappuun: Liian pitkä jono"),
            "{html}"
        );
    } else {
        assert!(html.contains("Jonot ovat liian pitkiä"), "{html}");
    }

    // A question needs words; the error shows beside its field.
    let refused = post_form(
        app,
        &format!("{page}/columns"),
        &cookie(&facilitator),
        &[("prompt", "  ")],
    )
    .await;
    assert_eq!(refused.status(), 422);
    assert_field_error(
        &refused.text().await.expect("body"),
        "column-prompt",
        "Täytä tämä kenttä.",
    );
    let added = post_form(
        app,
        &format!("{page}/columns"),
        &cookie(&facilitator),
        &[("prompt", "Mikä auttaisi?")],
    )
    .await;
    assert_eq!(added.status(), 303);
    let (_, html) = get_html(app, &board, &[("cookie", &kettu)]).await;
    assert!(
        html.contains(">Mikä auttaisi?</option>"),
        "participants can answer it"
    );
    let locked = post_form(
        app,
        &format!("{page}/lock"),
        &cookie(&facilitator),
        &[("locked", "true")],
    )
    .await;
    assert_eq!(locked.status(), 303);
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    assert!(
        html.contains("Avaa taulu ryhmittelyyn"),
        "the button now opens it"
    );
    let _ = COOKIE;
}

async fn return_codes_belong_to_the_series(app: &TestApp) {
    let (facilitator, ws, standalone) = facilitator_with_session(app).await;
    let [first, second] = series_with_workshops(app, &ws, Phase::Ideation).await;
    let page = open_for(app, &facilitator, &ws, &first).await;
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    let (_, _, return_code) = join_first_time(app, &code_on(&html), "Kettu").await;

    let later = open_for(app, &facilitator, &ws, &second).await;
    let (_, html) = get_html(app, &later, &[("cookie", &cookie(&facilitator))]).await;
    let rejoined = app
        .client
        .post(app.url("/join"))
        .form(&[
            ("code", code_on(&html).as_str()),
            ("return_code", return_code.as_str()),
        ])
        .send()
        .await
        .expect("join");
    assert_eq!(rejoined.status(), 303, "the same series takes the code");

    let (_, html) = get_html(app, &standalone, &[("cookie", &cookie(&facilitator))]).await;
    let refused = app
        .client
        .post(app.url("/join"))
        .form(&[
            ("code", code_on(&html).as_str()),
            ("return_code", return_code.as_str()),
        ])
        .send()
        .await
        .expect("join");
    assert_eq!(refused.status(), 422, "a session of no series does not");
}
