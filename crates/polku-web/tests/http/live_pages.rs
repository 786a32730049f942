//! The live-session pages without JavaScript: joining by form with errors
//! beside the fields, a participant's board (write, vote, nothing of the
//! votes before the reveal), and the facilitator's forms (open, theme,
//! move, hide, reveal).

use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::Value;

use crate::helpers::{TestApp, app_test, assert_field_error, cookie, error_summary, get_html};

app_test!(
    a_participant_joins_writes_and_votes_with_plain_forms,
    a_return_code_brings_the_same_pseudonym_back_and_shows_what_happened,
    the_join_form_shows_every_error_beside_its_field,
    the_facilitator_groups_hides_and_reveals_with_plain_forms,
);

/// The facilitator's page session and the path of a new open session.
pub(crate) async fn facilitator_with_session(app: &TestApp) -> (String, String, String) {
    app.user("ohjaaja@example.fi", false).await;
    let session = app.login("ohjaaja@example.fi").await;
    let token = app.token("ohjaaja@example.fi").await;
    let ws = app.workspace(&token, "Työpajahanke").await;
    let opened = app
        .client
        .post(app.url(&format!("/workspaces/{ws}/live")))
        .header(COOKIE, cookie(&session))
        .form(&[("title", "Ideatyöpaja"), ("budget", "2")])
        .send()
        .await
        .expect("open");
    assert_eq!(opened.status(), 303);
    let page = opened.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(
        page.starts_with(&format!("/workspaces/{ws}/live/")),
        "{page}"
    );
    (session, ws, page)
}

pub(crate) fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).map_or(0, |i| i + start.len());
    let to = html[from..].find(end).map_or(html.len(), |i| from + i);
    &html[from..to]
}

/// Joins by form; gives the participant's cookie and board path.
pub(crate) async fn join_by_form(app: &TestApp, code: &str, nickname: &str) -> (String, String) {
    let (cookie, board, _) = join_first_time(app, code, nickname).await;
    (cookie, board)
}

/// A first join by form: the welcome page shows a return code once; gives
/// the participant's cookie, board path and return code.
pub(crate) async fn join_first_time(
    app: &TestApp,
    code: &str,
    nickname: &str,
) -> (String, String, String) {
    let joined = app
        .client
        .post(app.url("/join"))
        .form(&[
            ("code", code),
            ("nickname", nickname),
            ("perspective", "client"),
        ])
        .send()
        .await
        .expect("join");
    assert_eq!(joined.status(), 200, "a first visit shows the return code");
    let set = joined.headers()[SET_COOKIE]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(set.starts_with("__Host-polku_live=pt_"), "{set}");
    assert!(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite=Lax"));
    let html = joined.text().await.expect("body");
    let return_code = between(&html, "id=\"return-code\"", "</p>")
        .rsplit('>')
        .next()
        .expect("code")
        .trim()
        .to_owned();
    assert_eq!(return_code.len(), 9, "two groups of four: {return_code}");
    let board = between(&html, "class=\"button primary\" href=\"", "?notice=joined").to_owned();
    assert!(board.starts_with("/live/"), "{board}");
    let cookie = set.split(';').next().expect("pair").to_owned();
    (cookie, board, return_code)
}

pub(crate) async fn post_form(
    app: &TestApp,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header(COOKIE, cookie)
        .form(form)
        .send()
        .await
        .expect("post")
}

async fn a_participant_joins_writes_and_votes_with_plain_forms(app: &TestApp) {
    let (facilitator, _, page) = facilitator_with_session(app).await;
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&facilitator))]).await;
    let code = between(&html, "id=\"join-code\"", "</p>");
    let code = code.rsplit('>').next().expect("code").trim().to_owned();
    assert_eq!(code.len(), 6, "the code shows big: {code}");
    assert!(
        html.contains("<svg") && html.contains("role=\"img\""),
        "a QR code"
    );

    let (visitor_status, _) = (
        app.client
            .get(app.url(&format!("/join?code={code}")))
            .send()
            .await
            .expect("get")
            .status(),
        (),
    );
    assert_eq!(visitor_status, 200);
    let (participant, board) = join_by_form(app, &code.to_lowercase(), "Kettu").await;
    let (status, html) = get_html(
        app,
        &format!("{board}?lang=en"),
        &[("cookie", &participant)],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("You take part as Kettu (Client)."), "{html}");
    assert!(html.contains("You have 2 votes left (of 2)."));

    let written = post_form(
        app,
        &format!("{board}/notes"),
        &participant,
        &[("text", "Jono on liian pitkä")],
    )
    .await;
    assert_eq!(written.status(), 303);
    let empty = post_form(
        app,
        &format!("{board}/notes?lang=en"),
        &participant,
        &[("text", " ")],
    )
    .await;
    assert_eq!(empty.status(), 422);
    let html = empty.text().await.expect("body");
    assert_field_error(&html, "note-text", "Fill in this field.");

    let (_, html) = get_html(app, &board, &[("cookie", &participant)]).await;
    let note_id = between(&html, "name=\"note_id\" value=\"", "\"").to_owned();
    assert_eq!(note_id.len(), 36, "a vote button per note");
    for _ in 0..2 {
        let voted = post_form(
            app,
            &format!("{board}/votes"),
            &participant,
            &[("note_id", &note_id)],
        )
        .await;
        assert_eq!(voted.status(), 303);
    }
    let spent = post_form(
        app,
        &format!("{board}/votes?lang=en"),
        &participant,
        &[("note_id", &note_id)],
    )
    .await;
    assert_eq!(spent.status(), 409);
    let html = spent.text().await.expect("body");
    assert!(error_summary(&html).contains("You have used all your votes."));
    let (_, html) = get_html(
        app,
        &format!("{board}?lang=en"),
        &[("cookie", &participant)],
    )
    .await;
    assert!(html.contains("You have 0 votes left (of 2)."));
    assert!(
        !html.contains(" votes</strong>") && !html.contains(" vote</strong>"),
        "no counts before the reveal"
    );
    assert!(
        !html.contains("name=\"note_id\""),
        "no vote buttons when the votes are spent"
    );

    let revealed = post_form(app, &format!("{page}/reveal"), &cookie(&facilitator), &[]).await;
    assert_eq!(revealed.status(), 303);
    let (_, html) = get_html(
        app,
        &format!("{board}?lang=en"),
        &[("cookie", &participant)],
    )
    .await;
    assert!(
        html.contains("<strong>2 votes</strong>"),
        "counts after the reveal: {html}"
    );

    // The results for reports: votes by perspective with small groups as <5,
    // and the participation log with pseudonyms only.
    let (status, csv) = get_html(
        app,
        &format!("{page}/results.csv"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    assert_eq!(status, 200);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("note_id,theme,text,perspective,proxy,hidden,votes,votes_client,")
    );
    let row = lines.next().expect("a note");
    assert!(
        row.contains("Jono on liian pitkä,client,false,false,2,<5,0,"),
        "{row}"
    );
    let (_, json) = get_html(
        app,
        &format!("{page}/results.json"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    let results: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(results["notes"][0]["votes"], 2);
    assert_eq!(results["notes"][0]["votes_by_perspective"]["client"], "<5");
    let (_, log) = get_html(
        app,
        &format!("{page}/participants.csv"),
        &[("cookie", &cookie(&facilitator))],
    )
    .await;
    assert!(log.starts_with("pseudonym,perspective,joined_at,last_active_at,notes,votes"));
    assert!(log.contains("\nKettu,client,"), "{log}");
    assert!(
        log.trim_end().ends_with(",1,2"),
        "one note, two votes: {log}"
    );

    // Without the cookie the board sends a visitor to join.
    let visitor = app.client.get(app.url(&board)).send().await.expect("get");
    assert_eq!(visitor.status(), 303);
    assert_eq!(visitor.headers()["location"], "/join");
}

async fn the_join_form_shows_every_error_beside_its_field(app: &TestApp) {
    let (facilitator, _, page) = facilitator_with_session(app).await;
    let all_wrong = app
        .client
        .post(app.url("/join?lang=en"))
        .form(&[("code", "K7"), ("nickname", ""), ("perspective", "")])
        .send()
        .await
        .expect("post");
    assert_eq!(all_wrong.status(), 422);
    let html = all_wrong.text().await.expect("body");
    assert_field_error(&html, "code", "A code has six letters and digits");
    assert_field_error(&html, "nickname", "Fill in this field.");
    let summary = error_summary(&html);
    assert!(
        summary.contains("href=\"#perspective-client\""),
        "{summary}"
    );
    assert!(html.contains("value=\"K7\""), "what was typed is kept");

    let unknown = app
        .client
        .post(app.url("/join?lang=fi"))
        .form(&[
            ("code", "AAAAAA"),
            ("nickname", "Kettu"),
            ("perspective", "client"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status(), 404);
    let html = unknown.text().await.expect("body");
    assert_field_error(&html, "code", "Tällä koodilla ei ole avointa työpajaa.");
    assert!(html.contains("value=\"Kettu\"") && html.contains("value=\"client\" checked"));

    let closed = post_form(app, &format!("{page}/close"), &cookie(&facilitator), &[]).await;
    assert_eq!(closed.status(), 303);
}

async fn the_facilitator_groups_hides_and_reveals_with_plain_forms(app: &TestApp) {
    let (facilitator, ws, page) = facilitator_with_session(app).await;
    let facilitator = cookie(&facilitator);
    let (_, html) = get_html(app, &page, &[("cookie", &facilitator)]).await;
    let code = between(&html, "id=\"join-code\"", "</p>")
        .rsplit('>')
        .next()
        .expect("code")
        .trim()
        .to_owned();
    let (kettu, board) = join_by_form(app, &code, "Kettu").await;
    let (karhu, _) = join_by_form(app, &code, "Karhu").await;
    post_form(
        app,
        &format!("{board}/notes"),
        &kettu,
        &[("text", "Tieto ei kulje")],
    )
    .await;
    post_form(
        app,
        &format!("{board}/notes"),
        &kettu,
        &[("text", "Nimi: Matti M.")],
    )
    .await;

    let empty_theme = post_form(
        app,
        &format!("{page}/themes?lang=en"),
        &facilitator,
        &[("name", "")],
    )
    .await;
    assert_eq!(empty_theme.status(), 422);
    assert_field_error(
        &empty_theme.text().await.expect("body"),
        "theme-name",
        "Fill in this field.",
    );
    assert_eq!(
        post_form(
            app,
            &format!("{page}/themes"),
            &facilitator,
            &[("name", "Tiedonkulku")]
        )
        .await
        .status(),
        303
    );

    let notes: Vec<Value> = app
        .client
        .get(app.url(&format!(
            "/api/v1/sessions/{}/notes",
            page.rsplit('/').next().expect("id")
        )))
        .header(COOKIE, &facilitator)
        .send()
        .await
        .expect("notes")
        .json()
        .await
        .expect("json");
    let (first, second) = (
        notes[0]["id"].as_str().expect("id"),
        notes[1]["id"].as_str().expect("id"),
    );
    let (_, html) = get_html(app, &page, &[("cookie", &facilitator)]).await;
    let move_form = &html[html.find("id=\"move-").expect("a move form")..];
    let after_none = &move_form[move_form
        .find("<option value=\"\"")
        .expect("no-theme option")
        + 1..];
    let theme_id = between(after_none, "<option value=\"", "\"").to_owned();
    let moved = post_form(
        app,
        &format!("{page}/notes/{first}/move"),
        &facilitator,
        &[("theme_id", &theme_id)],
    )
    .await;
    assert_eq!(moved.status(), 303, "moved by a plain form");
    let (_, html) = get_html(app, &page, &[("cookie", &facilitator)]).await;
    assert!(
        between(&html, ">Tiedonkulku</h3>", "</ul>").contains("Tieto ei kulje"),
        "the note is under its theme"
    );
    assert!(
        html.contains(&format!("value=\"{theme_id}\" selected")),
        "its select shows the theme"
    );

    let hidden = post_form(
        app,
        &format!("{page}/notes/{second}/hide"),
        &facilitator,
        &[("reason", "Lapussa oli nimi.")],
    )
    .await;
    assert_eq!(hidden.status(), 303);
    let (_, html) = get_html(app, &board, &[("cookie", &kettu)]).await;
    assert!(html.contains("Lapussa oli nimi."), "the writer is told why");
    let (_, html) = get_html(app, &board, &[("cookie", &karhu)]).await;
    assert!(!html.contains("Matti M."), "others no longer see it");

    // The timer: a server end time every screen shows; pausing keeps the rest.
    let started = post_form(
        app,
        &format!("{page}/timer"),
        &facilitator,
        &[("action", "start"), ("minutes", "5")],
    )
    .await;
    assert_eq!(started.status(), 303);
    let (_, html) = get_html(app, &format!("{board}?lang=en"), &[("cookie", &kettu)]).await;
    assert!(
        html.contains("Time until ") && html.contains("data-ends-at=\""),
        "the board shows the end: {html}"
    );
    post_form(
        app,
        &format!("{page}/timer"),
        &facilitator,
        &[("action", "pause")],
    )
    .await;
    let (_, html) = get_html(app, &format!("{board}?lang=en"), &[("cookie", &kettu)]).await;
    assert!(
        html.contains("The timer is paused, 5 minutes left."),
        "{html}"
    );
    assert!(
        !html.contains("data-ends-at"),
        "a paused timer does not count down"
    );
    let bad = post_form(
        app,
        &format!("{page}/timer"),
        &facilitator,
        &[("action", "explode")],
    )
    .await;
    assert_eq!(bad.status(), 422);

    // "I'm ready" is counted for the facilitator, and a new step asks anew.
    post_form(
        app,
        &format!("{page}/step"),
        &facilitator,
        &[("step", "Kirjoita lappu")],
    )
    .await;
    let ready = post_form(app, &format!("{board}/ready"), &kettu, &[("ready", "true")]).await;
    assert_eq!(ready.status(), 303);
    let (_, html) = get_html(app, &format!("{page}?lang=en"), &[("cookie", &facilitator)]).await;
    assert!(html.contains("Ready 1/2."), "{html}");
    post_form(
        app,
        &format!("{page}/step"),
        &facilitator,
        &[("step", "Äänestys")],
    )
    .await;
    let (_, html) = get_html(app, &format!("{page}?lang=en"), &[("cookie", &facilitator)]).await;
    assert!(html.contains("Ready 0/2."), "a new step clears the signals");

    // Someone without a device: added by the facilitator, notes and votes
    // typed in from paper, marked as proxy in the record.
    let paper = post_form(
        app,
        &format!("{page}/paper"),
        &facilitator,
        &[("nickname", "Paperi"), ("perspective", "relative")],
    )
    .await;
    assert_eq!(paper.status(), 303);
    let (_, html) = get_html(app, &page, &[("cookie", &facilitator)]).await;
    let proxy_form = &html[html
        .find("id=\"proxy-participant\"")
        .expect("the proxy form")..];
    let end = proxy_form
        .find("\">Paperi (")
        .expect("the paper participant is offered");
    let paper_id = proxy_form[end - 36..end].to_owned();
    assert_eq!(paper_id.len(), 36, "the paper participant can be chosen");
    let typed = post_form(
        app,
        &format!("{page}/proxy-note"),
        &facilitator,
        &[
            ("participant", &paper_id),
            ("text", "Paperilta: bussi ei kulje"),
        ],
    )
    .await;
    assert_eq!(typed.status(), 303);
    let voted = post_form(
        app,
        &format!("{page}/notes/{first}/proxy-vote"),
        &facilitator,
        &[("participant", &paper_id)],
    )
    .await;
    assert_eq!(voted.status(), 303);
    let (_, csv) = get_html(
        app,
        &format!("{page}/results.csv"),
        &[("cookie", &facilitator)],
    )
    .await;
    assert!(
        csv.contains("Paperilta: bussi ei kulje,relative,true,"),
        "a proxy note is marked: {csv}"
    );
    let empty = post_form(
        app,
        &format!("{page}/proxy-note?lang=en"),
        &facilitator,
        &[("participant", ""), ("text", "")],
    )
    .await;
    assert_eq!(empty.status(), 422);
    assert_field_error(
        &empty.text().await.expect("body"),
        "proxy-text",
        "Fill in this field.",
    );

    // The projector view: the code and the board in large type, nothing to click.
    let (status, projector) = get_html(
        app,
        &format!("{page}/projector"),
        &[("cookie", &facilitator)],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        projector.contains(&format!(">{code}</p>")),
        "the code shows"
    );
    assert!(
        projector.contains("Tieto ei kulje") && !projector.contains("Matti M."),
        "hidden notes stay off the wall"
    );
    assert!(!projector.contains("<form"), "nothing to click on the wall");

    // Another workspace's note id: not found.
    let other = post_form(
        app,
        &format!("{page}/notes/{}/hide", uuid::Uuid::new_v4()),
        &facilitator,
        &[("reason", "x")],
    )
    .await;
    assert_eq!(other.status(), 404);

    let (_, list) = get_html(
        app,
        &format!("/workspaces/{ws}/live"),
        &[("cookie", &facilitator)],
    )
    .await;
    assert!(list.contains("Ideatyöpaja"));
    let bad_budget = post_form(
        app,
        &format!("/workspaces/{ws}/live?lang=en"),
        &facilitator,
        &[("title", "Toinen"), ("budget", "99")],
    )
    .await;
    assert_eq!(bad_budget.status(), 422);
    assert_field_error(
        &bad_budget.text().await.expect("body"),
        "session-budget",
        "The number of votes must be 1 to 20",
    );
}

async fn a_return_code_brings_the_same_pseudonym_back_and_shows_what_happened(app: &TestApp) {
    let (facilitator, ws, page) = facilitator_with_session(app).await;
    let facilitator = cookie(&facilitator);
    let (_, html) = get_html(app, &page, &[("cookie", &facilitator)]).await;
    let code = between(&html, "id=\"join-code\"", "</p>")
        .rsplit('>')
        .next()
        .expect("code")
        .trim()
        .to_owned();
    let (kettu, board, return_code) = join_first_time(app, &code, "Kettu").await;
    post_form(
        app,
        &format!("{board}/notes"),
        &kettu,
        &[("text", "Jono on pitkä")],
    )
    .await;
    post_form(
        app,
        &format!("{page}/themes"),
        &facilitator,
        &[("name", "Odottaminen")],
    )
    .await;
    post_form(app, &format!("{page}/close"), &facilitator, &[]).await;

    // A later workshop of the same workspace: the return code alone brings
    // Kettu back, straight to the board.
    let later = post_form(
        app,
        &format!("/workspaces/{ws}/live"),
        &facilitator,
        &[("title", "Toinen kerta"), ("budget", "5")],
    )
    .await;
    let later_page = later.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let (_, html) = get_html(app, &later_page, &[("cookie", &facilitator)]).await;
    let later_code = between(&html, "id=\"join-code\"", "</p>")
        .rsplit('>')
        .next()
        .expect("code")
        .trim()
        .to_owned();
    let back = app
        .client
        .post(app.url("/join?lang=en"))
        .form(&[
            ("code", later_code.as_str()),
            ("nickname", ""),
            ("perspective", ""),
            ("return_code", &return_code.to_lowercase()),
        ])
        .send()
        .await
        .expect("join");
    assert_eq!(back.status(), 303, "back with a code: no new code to show");
    let cookie_back = back.headers()[SET_COOKIE]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    let board_back = back.headers()["location"]
        .to_str()
        .expect("location")
        .trim_end_matches("?notice=joined")
        .to_owned();
    let (_, html) = get_html(
        app,
        &format!("{board_back}?lang=en"),
        &[("cookie", &cookie_back)],
    )
    .await;
    assert!(
        html.contains("You take part as Kettu (Client)."),
        "the same pseudonym"
    );

    // A wrong return code is refused beside its field.
    let wrong = app
        .client
        .post(app.url("/join?lang=en"))
        .form(&[("code", later_code.as_str()), ("return_code", "AAAA-AAAA")])
        .send()
        .await
        .expect("join");
    assert_eq!(wrong.status(), 422);
    assert_field_error(
        &wrong.text().await.expect("body"),
        "join-return-code",
        "The return code was not recognised.",
    );

    // What became of the notes.
    let seen = app
        .client
        .post(app.url("/return?lang=en"))
        .form(&[("return_code", return_code.as_str())])
        .send()
        .await
        .expect("return");
    assert_eq!(seen.status(), 200);
    let html = seen.text().await.expect("body");
    assert!(html.contains("Notes of Kettu (Client)"), "{html}");
    assert!(html.contains("Jono on pitkä") && html.contains("Ideatyöpaja"));
    assert!(html.contains("The votes do not show yet."));
    let unknown = app
        .client
        .post(app.url("/return?lang=en"))
        .form(&[("return_code", "AAAA-AAAA")])
        .send()
        .await
        .expect("return");
    assert_eq!(unknown.status(), 404);
    assert_field_error(
        &unknown.text().await.expect("body"),
        "return-code",
        "The return code was not recognised.",
    );
}
