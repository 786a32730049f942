//! Development groups, workshop series, calendar files and the public
//! invitation page, through the pages and the API.

use polku_app::Tr;
use polku_domain::{ErrorCode, Language, Role, WorkspaceId};
use reqwest::header::COOKIE;
use serde_json::{Value, json};

use crate::helpers::{TestApp, app_test, assert_field_error, cookie, get_html};

app_test!(
    groups_are_created_edited_and_linked_from_the_workspace,
    bad_input_shows_errors_beside_the_fields,
    another_workspaces_group_is_404_and_viewers_cannot_edit,
    the_api_creates_lists_reads_and_updates_groups,
    a_series_has_workshops_periods_and_a_calendar_file,
    the_public_invitation_page_has_a_qr_code_and_no_form,
    group_pages_speak_finnish_swedish_and_english,
);

/// An owner's page session in a fresh workspace: (session, workspace id).
pub(crate) async fn owner_with_workspace(app: &TestApp) -> (String, String) {
    app.user("owner@example.fi", false).await;
    let token = app.token("owner@example.fi").await;
    let ws = app.workspace(&token, "Ryhmien hanke").await;
    (app.login("owner@example.fi").await, ws)
}

pub(crate) async fn post(
    app: &TestApp,
    session: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header(COOKIE, cookie(session))
        .form(form)
        .send()
        .await
        .expect("post")
}

pub(crate) fn location(response: &reqwest::Response) -> String {
    response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

/// Creates a group through the form; its page's path (without the notice).
pub(crate) async fn create_group(
    app: &TestApp,
    session: &str,
    ws: &str,
    form: &[(&str, &str)],
) -> String {
    let created = post(app, session, &format!("/workspaces/{ws}/groups"), form).await;
    assert_eq!(created.status(), 303, "created");
    let to = location(&created);
    to.split('?').next().unwrap_or_default().to_owned()
}

pub(crate) fn message(code: ErrorCode) -> String {
    Tr::new(Language::Fi).error(code)
}

async fn groups_are_created_edited_and_linked_from_the_workspace(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let (status, html) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("href=\"/workspaces/{ws}/groups/new\"")),
        "the empty state leads to the new-group form"
    );
    let (status, form) = get_html(
        app,
        &format!("/workspaces/{ws}/groups/new"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        form.contains("name=\"facilitator\""),
        "the owner can facilitate"
    );
    let owner = app
        .db
        .store
        .find_user_by_email(&polku_domain::Email::parse("owner@example.fi").expect("e-mail"))
        .await
        .expect("query")
        .expect("owner");
    let owner_id = owner.id.to_string();
    let page = create_group(
        app,
        &session,
        &ws,
        &[
            ("name_fi", "Kivikosken kehittäjäryhmä"),
            ("name_sv", "Utvecklingsgruppen i Kivikoski"),
            ("area", "Kivikoski"),
            (
                "description",
                "Kehitämme palveluohjausta.\nMukana asiakkaita.",
            ),
            (
                "ground_rules",
                "Puhutaan vuorotellen.\r\nKaikkien kokemus on arvokas.",
            ),
            ("ground_rules_agreed_on", "2026-01-20"),
            ("contact", "Soita Annalle arkisin."),
            ("facilitator", &owner_id),
        ],
    )
    .await;
    let (status, html) = get_html(app, &page, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Kivikosken kehittäjäryhmä"));
    assert!(html.contains("<li>Puhutaan vuorotellen.</li>"), "{html}");
    assert!(html.contains("<li>Kaikkien kokemus on arvokas.</li>"));
    assert!(html.contains("Sovittu 20.1.2026."));
    assert!(
        html.contains("<li>Testi Käyttäjä</li>"),
        "the facilitator is named"
    );
    assert!(
        html.contains("id=\"series-empty\""),
        "an empty state for series"
    );

    let (_, home) = get_html(
        app,
        &format!("/workspaces/{ws}"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(
        home.contains(&format!("href=\"{page}\"")),
        "the workspace links to the group"
    );

    let (status, edit) = get_html(
        app,
        &format!("{page}/edit"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        edit.contains("value=\"2026-01-20\""),
        "the form shows what is stored"
    );
    let saved = post(
        app,
        &session,
        &format!("{page}/edit"),
        &[
            ("name_fi", "Kivikosken ryhmä"),
            ("ground_rules", "Kuunnellaan."),
            ("ground_rules_agreed_on", ""),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    let (_, html) = get_html(app, &location(&saved), &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("Kivikosken ryhmä"));
    assert!(html.contains("Muutokset on tallennettu."));
    assert!(
        html.contains("Ryhmälle ei ole vielä valittu vetäjää."),
        "no facilitator ticked, none kept"
    );
}

async fn bad_input_shows_errors_beside_the_fields(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let refused = post(
        app,
        &session,
        &format!("/workspaces/{ws}/groups"),
        &[
            ("name_fi", "  "),
            ("area", "Kivikoski"),
            ("ground_rules_agreed_on", "20.1.2026"),
            ("facilitator", "00000000-0000-4000-8000-000000000000"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(&html, "group-name-fi", &message(ErrorCode::Required));
    assert_field_error(
        &html,
        "group-ground-rules-agreed-on",
        &message(ErrorCode::InvalidDate),
    );
    assert!(
        html.contains("value=\"Kivikoski\""),
        "what was typed is kept"
    );

    let refused = post(
        app,
        &session,
        &format!("/workspaces/{ws}/groups"),
        &[
            ("name_fi", "Ryhmä"),
            ("facilitator", "00000000-0000-4000-8000-000000000000"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(
        &html,
        "group-facilitators",
        &message(ErrorCode::NotAFacilitator),
    );

    let page = create_group(app, &session, &ws, &[("name_fi", "Ryhmä")]).await;
    let refused = post(app, &session, &format!("{page}/series"), &[("name", "")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(&html, "series-name", &message(ErrorCode::Required));
    assert_field_error(&html, "series-phase", &message(ErrorCode::InvalidPhase));

    let series = series_page(app, &session, &page).await;
    let refused = post(
        app,
        &session,
        &format!("{series}/workshops"),
        &[
            ("date", "2026-02-30"),
            ("time", "25:00"),
            ("duration", "0"),
            ("agenda_method_1", "brainstorm"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(&html, "workshop-date", &message(ErrorCode::InvalidDate));
    assert_field_error(&html, "workshop-time", &message(ErrorCode::InvalidTime));
    assert_field_error(
        &html,
        "workshop-duration",
        &message(ErrorCode::InvalidDuration),
    );
    assert_field_error(&html, "workshop-agenda", &message(ErrorCode::InvalidMethod));

    let refused = post(
        app,
        &session,
        &format!("{series}/periods"),
        &[("starts_on", "2026-03-10"), ("ends_on", "2026-03-01")],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(&html, "period-ends-on", &message(ErrorCode::EndBeforeStart));
    assert_field_error(&html, "period-what", &message(ErrorCode::Required));
}

/// Creates a series in the ideation phase on the group page `group`; the
/// series page's path.
pub(crate) async fn series_page(app: &TestApp, session: &str, group: &str) -> String {
    let created = post(
        app,
        session,
        &format!("{group}/series"),
        &[("name", "Kevään työpajat"), ("phase", "ideation")],
    )
    .await;
    assert_eq!(created.status(), 303);
    location(&created)
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned()
}

async fn another_workspaces_group_is_404_and_viewers_cannot_edit(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let page = create_group(app, &session, &ws, &[("name_fi", "Oma ryhmä")]).await;
    let group_id = page.rsplit('/').next().unwrap_or_default().to_owned();
    let other_ws = app
        .workspace(&app.token("owner@example.fi").await, "Toinen hanke")
        .await;
    for path in [
        format!("/workspaces/{other_ws}/groups/{group_id}"),
        format!("/workspaces/{other_ws}/groups/{group_id}/edit"),
    ] {
        let (status, html) = get_html(app, &path, &[("cookie", &cookie(&session))]).await;
        assert_eq!(status, 404, "{path}");
        assert!(!html.contains("Oma ryhmä"));
    }

    let viewer = app.user("viewer@example.fi", false).await;
    let ws_id: WorkspaceId = ws.parse().expect("id");
    app.db
        .store
        .add_member(ws_id, viewer.id, Role::Viewer)
        .await
        .expect("added");
    let viewer_session = app.login("viewer@example.fi").await;
    let (status, html) = get_html(app, &page, &[("cookie", &cookie(&viewer_session))]).await;
    assert_eq!(status, 200, "viewers read the group");
    assert!(
        !html.contains(&format!("{page}/edit")),
        "and see no edit link"
    );
    let refused = post(
        app,
        &viewer_session,
        &format!("{page}/edit"),
        &[("name_fi", "Viewerin ryhmä")],
    )
    .await;
    assert_eq!(refused.status(), 403);
    let viewer_token = app.token("viewer@example.fi").await;
    let refused = app
        .client
        .put(app.url(&format!("/api/v1/workspaces/{ws}/groups/{group_id}")))
        .bearer_auth(&viewer_token)
        .json(&json!({"name_fi": "Viewerin ryhmä"}))
        .send()
        .await
        .expect("put");
    assert_eq!(refused.status(), 403);
    let group = app
        .db
        .store
        .group(ws_id, group_id.parse().expect("id"))
        .await
        .expect("group");
    assert_eq!(group.details.name.fi, "Oma ryhmä", "nothing changed");
}

async fn the_api_creates_lists_reads_and_updates_groups(app: &TestApp) {
    app.user("owner@example.fi", false).await;
    let token = app.token("owner@example.fi").await;
    let ws = app.workspace(&token, "Hanke").await;
    let groups = app.url(&format!("/api/v1/workspaces/{ws}/groups"));
    let created = app
        .client
        .post(&groups)
        .bearer_auth(&token)
        .json(&json!({
            "name_fi": "Ryhmä",
            "name_en": "Group",
            "ground_rules": "Kuunnellaan.\nEi keskeytetä.",
            "ground_rules_agreed_on": "2026-02-01",
        }))
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 201);
    let body: Value = created.json().await.expect("json");
    assert_eq!(body["name_en"], "Group");
    assert_eq!(body["ground_rules_agreed_on"], "2026-02-01");
    let id = body["id"].as_str().expect("id").to_owned();
    assert!(
        body["invite_path"]
            .as_str()
            .is_some_and(|p| p.starts_with("/groups/") && !p.contains(&id)),
        "the public id is not the group's id"
    );
    let listed: Value = app.get_json(&groups, &token).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));

    let refused = app
        .client
        .post(&groups)
        .bearer_auth(&token)
        .json(&json!({"name_fi": "Ryhmä", "ground_rules_agreed_on": "eilen"}))
        .send()
        .await
        .expect("post");
    let (status, code, _) = crate::helpers::error_code(refused).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "invalid_date"));

    // Blank is "not agreed yet", as the schema's `DateOrBlank` says; a date
    // is exactly `YYYY-MM-DD`, without the spaces a form may leave.
    for (agreed_on, status) in [(json!(""), 201), (json!(" "), 201), (json!(null), 201)] {
        let response = app
            .client
            .post(&groups)
            .bearer_auth(&token)
            .json(&json!({"name_fi": "Ryhmä", "ground_rules_agreed_on": agreed_on}))
            .send()
            .await
            .expect("post");
        assert_eq!(response.status().as_u16(), status, "{agreed_on}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["ground_rules_agreed_on"], Value::Null);
    }
    for agreed_on in [" 2026-02-01", "2026-02-01\n", "+2026-02-01"] {
        let refused = app
            .client
            .post(&groups)
            .bearer_auth(&token)
            .json(&json!({"name_fi": "Ryhmä", "ground_rules_agreed_on": agreed_on}))
            .send()
            .await
            .expect("post");
        let (status, code, _) = crate::helpers::error_code(refused).await;
        assert_eq!(
            (status.as_u16(), code.as_str()),
            (422, "invalid_date"),
            "{agreed_on:?}"
        );
    }

    let updated = app
        .client
        .put(format!("{groups}/{id}"))
        .bearer_auth(&token)
        .json(&json!({"name_fi": "Uusi nimi", "area": "Rantakylä"}))
        .send()
        .await
        .expect("put");
    assert_eq!(updated.status(), 200);
    let read: Value = app.get_json(format!("{groups}/{id}"), &token).await;
    assert_eq!(read["name_fi"], "Uusi nimi");
    assert_eq!(read["area"], "Rantakylä");
    assert_eq!(read["ground_rules"], "", "a PUT replaces the whole group");
}

async fn a_series_has_workshops_periods_and_a_calendar_file(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let page = create_group(app, &session, &ws, &[("name_fi", "Ryhmä")]).await;
    let series = series_page(app, &session, &page).await;
    let (status, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ideointi"), "the phase is shown");
    assert!(html.contains("id=\"workshops-empty\""), "an empty state");
    for (date, time, method, text) in [
        ("2026-06-15", "13:00", "dialogue_round", "Kuulumiset"),
        ("2026-01-15", "09:30", "", "Oma aloitus"),
    ] {
        let added = post(
            app,
            &session,
            &format!("{series}/workshops"),
            &[
                ("date", date),
                ("time", time),
                ("duration", "120"),
                ("place", "Kirjaston kokoushuone"),
                ("agenda_method_1", method),
                ("agenda_text_1", text),
                ("agenda_method_2", "dot_voting"),
            ],
        )
        .await;
        assert_eq!(added.status(), 303);
    }
    let added = post(
        app,
        &session,
        &format!("{series}/periods"),
        &[
            ("starts_on", "2026-01-16"),
            ("ends_on", "2026-02-15"),
            ("what", "Asiakkaiden haastattelut"),
        ],
    )
    .await;
    assert_eq!(added.status(), 303);
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("15.1.2026 klo 9.30"), "Finnish time");
    assert!(html.contains("120 minuuttia"));
    assert!(html.contains("Dialogikierros"));
    assert!(html.contains("Asiakkaiden haastattelut"));
    assert!(html.contains("16.1.2026 – 15.2.2026"));
    let first = html.find("15.1.2026").expect("first");
    let second = html.find("15.6.2026").expect("second");
    assert!(first < second, "in time order");

    let response = app
        .client
        .get(app.url(&format!("{series}/calendar.ics")))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/calendar"))
    );
    let text = response.text().await.expect("body");
    let calendar: icalendar::Calendar = text.parse().expect("a valid calendar");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 2);
    use icalendar::Component;
    let starts: Vec<&str> = events
        .iter()
        .filter_map(|e| e.property_value("DTSTART"))
        .collect();
    assert!(
        starts.contains(&"20260115T073000Z"),
        "winter: UTC+2 {starts:?}"
    );
    assert!(
        starts.contains(&"20260615T100000Z"),
        "summer: UTC+3 {starts:?}"
    );
    let uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), 2);
    let again = app
        .client
        .get(app.url(&format!("{series}/calendar.ics")))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert_eq!(again, text, "the same file each time: stable UIDs");

    // Removing asks first, on a page of its own, then removes.
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    let start = html.find("/remove\"").expect("a remove link");
    let href_start = html[..start].rfind("href=\"").expect("href") + 6;
    let remove = html[href_start..start + 7].to_owned();
    let (status, confirm) = get_html(app, &remove, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(
        confirm.contains("Poistetaanko työpaja 15.1.2026 klo 9.30?"),
        "{confirm}"
    );
    let removed = post(app, &session, &remove, &[]).await;
    assert_eq!(removed.status(), 303);
    let (_, html) = get_html(app, &location(&removed), &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("Työpaja on poistettu."));
    assert!(!html.contains("15.1.2026"), "gone from the series");
    let (status, _) = get_html(app, &remove, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 404, "and its remove page with it");
}

async fn the_public_invitation_page_has_a_qr_code_and_no_form(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let page = create_group(
        app,
        &session,
        &ws,
        &[
            ("name_fi", "Rantakylän ryhmä"),
            ("description", "Teemme nuorten palveluista parempia."),
            ("contact", "Soita Mikolle: 040 123 4567"),
        ],
    )
    .await;
    let (_, html) = get_html(app, &page, &[("cookie", &cookie(&session))]).await;
    let start = html
        .find("href=\"/groups/")
        .expect("a link to the invitation page")
        + 6;
    let invite = &html[start..start + html[start..].find('"').expect("end")];
    let series = series_page(app, &session, &page).await;
    post(
        app,
        &session,
        &format!("{series}/workshops"),
        &[
            ("date", "2099-05-05"),
            ("time", "17:00"),
            ("duration", "90"),
            ("place", "Nuorisotalo"),
        ],
    )
    .await;

    let (status, html) = get_html(app, invite, &[]).await;
    assert_eq!(status, 200, "no login needed");
    assert!(html.contains("Rantakylän ryhmä"));
    assert!(html.contains("Teemme nuorten palveluista parempia."));
    assert!(html.contains("Soita Mikolle: 040 123 4567"));
    assert!(html.contains("5.5.2099 klo 17.00"), "when it meets");
    assert!(html.contains("Nuorisotalo"));
    assert!(
        html.contains("<svg") && html.contains("class=\"qr\""),
        "a QR code"
    );
    assert!(html.contains(invite), "its own address");
    assert!(!html.contains("<form"), "no form");
    assert!(!html.contains("<input"), "nothing to fill in");
    let (status, css) = get_html(app, "/assets/polku.css", &[]).await;
    assert_eq!(status, 200);
    assert!(css.contains("@media print"), "a print stylesheet");

    for bad in [
        "/groups/0123/invite",
        "/groups/00000000000000000000000000000000/invite",
    ] {
        let (status, _) = get_html(app, bad, &[]).await;
        assert_eq!(status, 404, "{bad}");
    }
    let group_id = page.rsplit('/').next().unwrap_or_default();
    let (status, _) = get_html(app, &format!("/groups/{group_id}/invite"), &[]).await;
    assert_eq!(status, 404, "the internal id opens nothing");
}

async fn group_pages_speak_finnish_swedish_and_english(app: &TestApp) {
    let (session, ws) = owner_with_workspace(app).await;
    let page = create_group(
        app,
        &session,
        &ws,
        &[
            ("name_fi", "Ryhmä"),
            ("name_sv", "Gruppen"),
            ("name_en", "The group"),
        ],
    )
    .await;
    for (lang, name, heading, empty) in [
        (
            "fi",
            "Ryhmä",
            "Pelisäännöt",
            "Ryhmällä ei ole vielä työpajasarjaa.",
        ),
        (
            "sv",
            "Gruppen",
            "Spelregler",
            "Gruppen har ännu ingen workshopserie.",
        ),
        (
            "en",
            "The group",
            "Ground rules",
            "The group has no workshop series yet.",
        ),
    ] {
        let (status, html) = get_html(
            app,
            &format!("{page}?lang={lang}"),
            &[("cookie", &cookie(&session))],
        )
        .await;
        assert_eq!(status, 200);
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(html.contains(&format!("<h1>{name}</h1>")), "{lang}: {name}");
        assert!(html.contains(heading), "{lang}: {heading}");
        assert!(html.contains(empty), "{lang}: {empty}");
    }
    let series = series_page(app, &session, &page).await;
    for (lang, phase, minutes) in [
        ("fi", "Ideointi", "1 minuutti"),
        ("sv", "Idéarbete", "1 minut"),
        ("en", "Ideation", "1 minute"),
    ] {
        post(
            app,
            &session,
            &format!("{series}/workshops"),
            &[("date", "2026-05-05"), ("time", "10:00"), ("duration", "1")],
        )
        .await;
        let (_, html) = get_html(
            app,
            &format!("{series}?lang={lang}"),
            &[("cookie", &cookie(&session))],
        )
        .await;
        assert!(html.contains(phase), "{lang}: {phase}");
        assert!(html.contains(minutes), "{lang}: {minutes}");
    }
}
