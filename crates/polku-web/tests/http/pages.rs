//! Pages: languages, headers, friendly errors, forms that keep what was typed.

use reqwest::header::{COOKIE, SET_COOKIE};

use crate::helpers::{TestApp, app_test, cookie};

app_test!(
    pages_answer_in_the_chosen_language,
    language_choice_is_remembered_in_a_cookie,
    every_response_carries_the_security_headers,
    unknown_pages_get_a_friendly_404_in_the_users_language,
    anonymous_visitors_are_sent_to_login_and_back,
    workspace_form_creates_and_keeps_input_on_error,
    member_forms_add_remove_and_explain_refusals,
    stylesheet_is_served_from_the_binary,
    openapi_document_is_served,
);

async fn get_html(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("get");
    (
        response.status().as_u16(),
        response.text().await.expect("body"),
    )
}

async fn pages_answer_in_the_chosen_language(app: &TestApp) {
    let cases = [
        ("/login", vec![], "fi", "Kirjaudu sisään"),
        ("/login?lang=sv", vec![], "sv", "Logga in"),
        (
            "/login",
            vec![("accept-language", "en-GB,en;q=0.9")],
            "en",
            "Log in",
        ),
        (
            "/accessibility?lang=sv",
            vec![],
            "sv",
            "Tillgänglighetsutlåtande",
        ),
        (
            "/accessibility?lang=en",
            vec![],
            "en",
            "saavutettavuus@polku.example",
        ),
        ("/accessibility", vec![], "fi", "Saavutettavuusseloste"),
    ];
    for (path, headers, lang, text) in cases {
        let (status, html) = get_html(app, path, &headers).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: {lang}"
        );
        assert!(html.contains(text), "{path}: {text}");
        assert!(
            html.contains("class=\"skip-link\" href=\"#main\""),
            "{path}: skip link"
        );
        assert!(html.contains("<main id=\"main\""), "{path}: main landmark");
        for code in ["fi", "sv", "en"] {
            assert!(
                html.contains(&format!("hreflang=\"{code}\"")),
                "{path}: switcher {code}"
            );
        }
    }
}

async fn language_choice_is_remembered_in_a_cookie(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/login?lang=en"))
        .send()
        .await
        .expect("get");
    let set_cookie = response.headers()[SET_COOKIE]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(set_cookie.starts_with("polku_lang=en"), "{set_cookie}");
    let (_, html) = get_html(
        app,
        "/accessibility",
        &[("cookie", "polku_lang=en"), ("accept-language", "sv")],
    )
    .await;
    assert!(html.contains("<html lang=\"en\">"));
}

async fn every_response_carries_the_security_headers(app: &TestApp) {
    for path in [
        "/login",
        "/healthz",
        "/api/v1/workspaces",
        "/nowhere",
        "/assets/polku.css",
    ] {
        let response = app.client.get(app.url(path)).send().await.expect("get");
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
    }
}

async fn unknown_pages_get_a_friendly_404_in_the_users_language(app: &TestApp) {
    let (status, html) = get_html(app, "/no/such/page?lang=sv", &[]).await;
    assert_eq!(status, 404);
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(html.contains("Sidan hittades inte"));
    let (status, html) = get_html(app, "/no/such/page", &[("accept-language", "en")]).await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

async fn anonymous_visitors_are_sent_to_login_and_back(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let response = app
        .client
        .get(app.url("/workspaces?lang=sv"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(location, "/login?next=/workspaces%3Flang%3Dsv");
    let (_, html) = get_html(app, &location, &[]).await;
    assert!(
        html.contains("name=\"next\" value=\"/workspaces?lang=sv\""),
        "{html}"
    );
    let front = app.client.get(app.url("/")).send().await.expect("get");
    assert_eq!(front.headers()["location"], "/login");
    let session = app.login("maija@example.fi").await;
    let front = app.get_with_session("/", &session).await;
    assert_eq!(front.headers()["location"], "/workspaces");
}

async fn workspace_form_creates_and_keeps_input_on_error(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let long = "a".repeat(121);
    let refused = app
        .client
        .post(app.url("/workspaces?lang=en"))
        .header(COOKIE, cookie(&session))
        .form(&[("name", long.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.expect("body");
    assert!(html.contains("The text is too long."), "{html}");
    assert!(
        html.contains(&format!("value=\"{long}\"")),
        "the typed name is kept"
    );
    assert!(html.contains("role=\"alert\""));

    let created = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .form(&[("name", "<script>alert(1)</script> Hanke")])
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.starts_with("/workspaces/"));
    let (status, html) = get_html(app, &location, &[("cookie", &cookie(&session))]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62; Hanke")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Hanke"),
        "escaped"
    );
    assert!(!html.contains("<script>alert(1)"), "never raw");
    assert!(html.contains("Omistaja"), "the creator is its owner");
}

async fn member_forms_add_remove_and_explain_refusals(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let other = app.user("pekka@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let ws = app.workspace(&token, "Hanke").await;
    let home = format!("/workspaces/{ws}");

    let unknown = app
        .client
        .post(app.url(&format!("{home}/members?lang=en")))
        .header(COOKIE, cookie(&session))
        .form(&[("email", "ghost@example.fi"), ("role", "viewer")])
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status(), 422);
    let html = unknown.text().await.expect("body");
    assert!(html.contains("No Polku account has this e-mail address."));
    assert!(
        html.contains("value=\"ghost@example.fi\""),
        "typed e-mail kept"
    );
    assert!(
        html.contains("<option value=\"viewer\" selected>"),
        "chosen role kept"
    );

    let added = app
        .client
        .post(app.url(&format!("{home}/members")))
        .header(COOKIE, cookie(&session))
        .form(&[("email", "pekka@example.fi"), ("role", "viewer")])
        .send()
        .await
        .expect("post");
    assert_eq!(added.status(), 303);
    assert_eq!(
        added.headers()["location"],
        format!("{home}?notice=member_added").as_str()
    );
    let (_, html) = get_html(
        app,
        &format!("{home}?notice=member_added&lang=en"),
        &[("cookie", &cookie(&session))],
    )
    .await;
    assert!(html.contains("The member was added."));
    assert!(html.contains("pekka@example.fi"));

    let removed = app
        .client
        .post(app.url(&format!("{home}/members/{}/remove", other.id)))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("post");
    assert_eq!(removed.status(), 303);
    let (_, html) = get_html(app, &home, &[("cookie", &cookie(&session))]).await;
    assert!(!html.contains("pekka@example.fi"));

    let members: serde_json::Value = app
        .get_json(app.url(&format!("/api/v1/workspaces/{ws}/members")), &token)
        .await;
    let me = members[0]["user_id"].as_str().expect("id").to_owned();
    let last = app
        .client
        .post(app.url(&format!("{home}/members/{me}/remove?lang=sv")))
        .header(COOKIE, cookie(&session))
        .send()
        .await
        .expect("post");
    assert_eq!(last.status(), 409);
    assert!(
        last.text()
            .await
            .expect("body")
            .contains("Den sista ägaren kan inte tas bort.")
    );
}

async fn stylesheet_is_served_from_the_binary(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/assets/polku.css"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/css")
    );
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains(":focus-visible")
    );
}

async fn openapi_document_is_served(app: &TestApp) {
    let doc = app.openapi().await;
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    insta::assert_json_snapshot!("openapi", doc);
}
