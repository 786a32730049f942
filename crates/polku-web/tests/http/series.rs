//! A series' schedule through its pages: editing a workshop, removing a
//! data-collection period, closing a series (and what the page says that
//! means) and reopening it; all as plain forms.

use polku_domain::{ErrorCode, Role, WorkspaceId};
use reqwest::header::COOKIE;

use crate::groups::{create_group, location, message, owner_with_workspace, post, series_page};
use crate::helpers::{TestApp, app_test, assert_field_error, cookie, error_summary, get_html};

app_test!(
    a_workshop_is_edited_on_its_own_page_filled_with_what_is_stored,
    a_period_is_removed_after_asking_on_its_own_page,
    a_series_is_closed_after_saying_what_is_erased_and_reopened,
    an_edit_sent_after_the_series_closed_keeps_what_was_typed,
);

/// The `href` of the first link on `html` whose address ends with `suffix`.
fn link_ending(html: &str, suffix: &str) -> String {
    let end = html
        .find(&format!("{suffix}\""))
        .unwrap_or_else(|| panic!("no link ending {suffix}: {html}"))
        + suffix.len();
    let start = html[..end].rfind("href=\"").expect("href") + 6;
    html[start..end].to_owned()
}

/// A new group and series of a fresh workspace, with one workshop added
/// through the form: (session, workspace id, group page, series page).
async fn series_with_a_workshop(app: &TestApp) -> (String, String, String, String) {
    let (session, ws) = owner_with_workspace(app).await;
    let group = create_group(app, &session, &ws, &[("name_fi", "Ryhmä")]).await;
    let series = series_page(app, &session, &group).await;
    let added = post(
        app,
        &session,
        &format!("{series}/workshops"),
        &[
            ("date", "2026-06-15"),
            ("time", "13:00"),
            ("duration", "120"),
            ("place", "Kirjaston kokoushuone"),
            ("agenda_method_1", "dialogue_round"),
            ("agenda_text_1", "Kuulumiset"),
            ("agenda_text_2", "Kahvitauko"),
        ],
    )
    .await;
    assert_eq!(added.status(), 303);
    (session, ws, group, series)
}

async fn calendar(app: &TestApp, session: &str, series: &str) -> String {
    app.client
        .get(app.url(&format!("{series}/calendar.ics")))
        .header(COOKIE, cookie(session))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body")
}

fn uid(ics: &str) -> &str {
    let start = ics.find("UID:").expect("a UID") + 4;
    ics[start..].lines().next().expect("line")
}

async fn a_workshop_is_edited_on_its_own_page_filled_with_what_is_stored(app: &TestApp) {
    let (session, _, _, series) = series_with_a_workshop(app).await;
    let before = calendar(app, &session, &series).await;
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    let edit = link_ending(&html, "/edit");
    assert!(edit.contains("/workshops/"), "{edit}");

    let (status, form) = get_html(app, &edit, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(form.contains("<h1>Muokkaa työpajaa 15.6.2026 klo 13.00</h1>"));
    for value in [
        "value=\"2026-06-15\"",
        "value=\"13:00\"",
        "value=\"120\"",
        "value=\"Kirjaston kokoushuone\"",
        "value=\"Kuulumiset\"",
        "value=\"Kahvitauko\"",
        "<option value=\"dialogue_round\" selected>",
    ] {
        assert!(
            form.contains(value),
            "the form shows what is stored: {value}"
        );
    }

    let refused = post(
        app,
        &session,
        &edit,
        &[
            ("date", "2026-02-30"),
            ("time", "13:00"),
            ("duration", "0"),
            ("place", "Nuorisotalo"),
            ("agenda_method_1", "feedback_round"),
            ("agenda_text_7", "Seitsemäs kohta"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert_field_error(&html, "workshop-date", &message(ErrorCode::InvalidDate));
    assert_field_error(
        &html,
        "workshop-duration",
        &message(ErrorCode::InvalidDuration),
    );
    for kept in [
        "value=\"2026-02-30\"",
        "value=\"Nuorisotalo\"",
        "<option value=\"feedback_round\" selected>",
        "value=\"Seitsemäs kohta\"",
    ] {
        assert!(html.contains(kept), "what was typed is kept: {kept}");
    }
    let unchanged = calendar(app, &session, &series).await;
    assert_eq!(unchanged, before, "nothing saved");

    let saved = post(
        app,
        &session,
        &edit,
        &[
            ("date", "2026-01-20"),
            ("time", "9.15"),
            ("duration", "90"),
            ("place", "Nuorisotalo"),
            ("agenda_method_1", ""),
            ("agenda_text_1", "Oma aloitus"),
            ("agenda_method_2", "dot_voting"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    assert!(location(&saved).ends_with("?notice=workshop_saved"));
    let (_, html) = get_html(app, &location(&saved), &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("Työpajan muutokset on tallennettu."));
    assert!(html.contains("20.1.2026 klo 9.15"), "the new time");
    assert!(html.contains("90 minuuttia"));
    assert!(html.contains("Oma aloitus"));
    assert!(!html.contains("15.6.2026"), "the old time is gone");
    assert!(!html.contains("Kahvitauko"), "the old agenda is gone");
    let after = calendar(app, &session, &series).await;
    assert_eq!(uid(&after), uid(&before), "the same calendar event");
    assert!(after.contains("DTSTART:20260120T071500Z"), "{after}");
}

async fn a_period_is_removed_after_asking_on_its_own_page(app: &TestApp) {
    let (session, _, _, series) = series_with_a_workshop(app).await;
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
    let at = html.find("id=\"periods\"").expect("the periods");
    let remove = link_ending(&html[at..], "/remove");
    assert!(remove.contains("/periods/"), "{remove}");

    let (status, confirm) = get_html(app, &remove, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(
        confirm.contains("Poistetaanko tiedonkeruujakso 16.1.2026 – 15.2.2026?"),
        "{confirm}"
    );
    assert!(confirm.contains(&format!("action=\"{remove}\"")));
    assert!(
        confirm.contains(&format!("href=\"{series}\"")),
        "a way back"
    );
    let (status, _) = get_html(app, &remove, &[]).await;
    assert_eq!(status, 303, "not without logging in");

    let removed = post(app, &session, &remove, &[]).await;
    assert_eq!(removed.status(), 303);
    let (_, html) = get_html(app, &location(&removed), &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("Tiedonkeruujakso on poistettu."));
    assert!(html.contains("id=\"periods-empty\""));
    assert!(html.contains("id=\"workshops\""), "the workshop stays");
    let (status, _) = get_html(app, &remove, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 404, "and its remove page with it");
}

async fn a_series_is_closed_after_saying_what_is_erased_and_reopened(app: &TestApp) {
    let (session, ws, group, series) = series_with_a_workshop(app).await;
    let owner_cookie = cookie(&session);
    let owner = [("cookie", owner_cookie.as_str())];
    let (_, html) = get_html(app, &series, &owner).await;
    let close = format!("{series}/close");
    assert!(html.contains(&format!("href=\"{close}\"")), "a close link");
    let edit = link_ending(&html, "/edit");
    let remove = link_ending(&html, "/remove");

    let (status, confirm) = get_html(app, &close, &owner).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("<h1>Suljetaanko työpajasarja Kevään työpajat?</h1>"));
    assert!(
        confirm.contains(
            "Osallistujien nimimerkit ja paluukoodit poistetaan tästä sarjasta \
             12 kuukauden kuluttua sulkemisesta."
        ),
        "{confirm}"
    );
    assert!(confirm.contains("Lappuja ja ääniä ei poisteta."));
    assert!(confirm.contains("Voit avata sarjan uudelleen."));
    assert!(confirm.contains(&format!("action=\"{close}\"")));
    for (lang, months) in [
        ("sv", "raderas 12 månader efter att serien stängts"),
        ("en", "are erased 12 months after it is closed"),
    ] {
        let (_, page) = get_html(app, &format!("{close}?lang={lang}"), &owner).await;
        assert!(page.contains(months), "{lang}: {page}");
    }
    assert_eq!(
        app.db
            .store
            .list_series(ws.parse().expect("id"), group_id(&group))
            .await
            .expect("series")[0]
            .closed_at,
        None,
        "asking closes nothing"
    );

    let closed = post(app, &session, &close, &[]).await;
    assert_eq!(closed.status(), 303);
    let (_, html) = get_html(app, &location(&closed), &owner).await;
    assert!(html.contains("Sarja on suljettu."), "the notice");
    assert!(html.contains("id=\"series-closed-badge\""));
    assert!(html.contains("id=\"series-closed\""));
    assert!(html.contains("kun sulkemisesta on kulunut 12 kuukautta"));
    assert!(html.contains(&format!("action=\"{series}/reopen\"")));
    assert!(!html.contains("id=\"workshop-date\""), "no workshop form");
    assert!(!html.contains(&edit), "no edit link");
    assert!(!html.contains(&close), "no close link");
    let (_, group_html) = get_html(app, &group, &owner).await;
    assert!(group_html.contains("<span class=\"badge\">Suljettu</span>"));

    // While closed, changes are refused and their pages say why.
    let refused = post(
        app,
        &session,
        &format!("{series}/workshops"),
        &[
            ("date", "2026-09-01"),
            ("time", "10:00"),
            ("duration", "60"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 409);
    for page in [&edit, &remove] {
        let (status, html) = get_html(app, page, &owner).await;
        assert_eq!(status, 409, "{page}");
        assert!(
            error_summary(&html).contains(&message(ErrorCode::SeriesClosed)),
            "{page}"
        );
        assert!(!html.contains("button danger"), "{page}: no remove button");
        assert!(!html.contains("id=\"workshop-date\""), "{page}: no form");
    }
    let (status, _) = get_html(app, &close, &owner).await;
    assert_eq!(status, 303, "a closed series' close page leads to it");

    let viewer = app.user("viewer@example.fi", false).await;
    let ws_id: WorkspaceId = ws.parse().expect("id");
    app.db
        .store
        .add_member(ws_id, viewer.id, Role::Viewer)
        .await
        .expect("added");
    let viewer_session = app.login("viewer@example.fi").await;
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&viewer_session))]).await;
    assert!(
        html.contains("id=\"series-closed\""),
        "viewers see it closed"
    );
    assert!(!html.contains("/reopen"), "but cannot reopen it");
    let refused = post(app, &viewer_session, &format!("{series}/reopen"), &[]).await;
    assert_eq!(refused.status(), 403);

    let reopened = post(app, &session, &format!("{series}/reopen"), &[]).await;
    assert_eq!(reopened.status(), 303);
    let (_, html) = get_html(app, &location(&reopened), &owner).await;
    assert!(html.contains("Sarja on avattu uudelleen."));
    assert!(!html.contains("id=\"series-closed\""));
    assert!(html.contains("id=\"workshop-date\""), "the forms are back");
    let (status, _) = get_html(app, &edit, &owner).await;
    assert_eq!(status, 200);
    let (_, group_html) = get_html(app, &group, &owner).await;
    assert!(!group_html.contains("Suljettu"));
}

fn group_id(group_page: &str) -> polku_domain::GroupId {
    group_page
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("a group id")
}

async fn an_edit_sent_after_the_series_closed_keeps_what_was_typed(app: &TestApp) {
    let (session, _, _, series) = series_with_a_workshop(app).await;
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    let edit = link_ending(&html, "/edit");
    // Someone else closes the series while this form is open.
    let closed = post(app, &session, &format!("{series}/close"), &[]).await;
    assert_eq!(closed.status(), 303);
    let refused = post(
        app,
        &session,
        &edit,
        &[
            ("date", "2026-06-16"),
            ("time", "14:00"),
            ("duration", "60"),
            ("place", "Uusi paikka"),
            ("agenda_text_1", "Pitkästi kirjoitettu ohjelma"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 409);
    let html = refused.text().await.expect("body");
    assert!(error_summary(&html).contains(&message(ErrorCode::SeriesClosed)));
    assert!(
        html.contains("value=\"Uusi paikka\""),
        "what was typed is kept"
    );
    assert!(html.contains("value=\"Pitkästi kirjoitettu ohjelma\""));
    let (_, html) = get_html(app, &series, &[("cookie", &cookie(&session))]).await;
    assert!(html.contains("15.6.2026 klo 13.00"), "nothing saved");
}
