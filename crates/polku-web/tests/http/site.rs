//! Site-wide behaviour: health, languages, security headers, error shapes, the OpenAPI document.

use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::json;

use crate::helpers::{TestApp, app_test, cookie, error_code, get_html};

app_test!(
    the_accessibility_statement_names_the_supervisor_response_time_and_review_date,
    error_pages_keep_the_signed_in_header,
    every_answer_is_no_store_but_the_stylesheet,
    language_links_stay_on_the_site,
    healthz_says_ok,
    pages_answer_in_the_chosen_language,
    language_choice_is_remembered_in_a_cookie,
    every_response_carries_the_security_headers,
    unknown_pages_get_a_friendly_404_in_the_users_language,
    stylesheet_is_served_from_the_binary,
    favicon_is_served_from_the_binary,
    openapi_document_is_served,
    error_messages_follow_the_requested_language,
    bad_json_is_a_4xx_in_the_error_shape,
    oversized_body_is_413_in_the_error_shape,
    foreign_origin_is_refused_on_state_changing_requests,
);

async fn healthz_says_ok(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), "ok");
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

async fn error_messages_follow_the_requested_language(app: &TestApp) {
    let mut messages = Vec::new();
    for lang in ["fi", "sv", "en"] {
        let response = app
            .client
            .get(app.url("/api/v1/workspaces"))
            .header("accept-language", lang)
            .send()
            .await
            .expect("get");
        let (_, code, message) = error_code(response).await;
        assert_eq!(code, "unauthorized");
        messages.push(message);
    }
    assert_eq!(messages[2], "Please log in first.");
    assert_ne!(messages[0], messages[1]);
    assert_ne!(messages[1], messages[2]);
}

async fn bad_json_is_a_4xx_in_the_error_shape(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    let cases: [(&str, &str, u16, &str); 6] = [
        ("{", "application/json", 400, "invalid_json"),
        (r#"{"name": "x""#, "application/json", 400, "invalid_json"),
        (r#"{"name": 5}"#, "application/json", 422, "invalid_fields"),
        (r#"{}"#, "application/json", 422, "invalid_fields"),
        (r#"{"name": ""}"#, "application/json", 422, "required"),
        (r#"{"name": "x"}"#, "text/plain", 415, "json_required"),
    ];
    for (body, content_type, status, code) in cases {
        let response = app
            .client
            .post(app.url("/api/v1/workspaces"))
            .bearer_auth(&token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("post");
        let (got_status, got_code, _) = error_code(response).await;
        assert_eq!(
            (got_status.as_u16(), got_code.as_str()),
            (status, code),
            "body {body}"
        );
    }
    let long = json!({"name": "x".repeat(121)});
    let response = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .json(&long)
        .send()
        .await
        .expect("post");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (422, "too_long"));
}

async fn oversized_body_is_413_in_the_error_shape(app: &TestApp) {
    app.user("a@example.fi", false).await;
    let token = app.token("a@example.fi").await;
    let huge = json!({"name": "x".repeat(200 * 1024)});
    let response = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .json(&huge)
        .send()
        .await
        .expect("post");
    let (status, code, _) = error_code(response).await;
    assert_eq!((status.as_u16(), code.as_str()), (413, "payload_too_large"));
}

async fn foreign_origin_is_refused_on_state_changing_requests(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let token = app.token("maija@example.fi").await;
    let page = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("origin", "http://evil.example")
        .form(&[("name", "Kaapattu")])
        .send()
        .await
        .expect("post");
    assert_eq!(page.status(), 403);
    let api = app
        .client
        .post(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .header("origin", "http://evil.example")
        .json(&serde_json::json!({"name": "Kaapattu"}))
        .send()
        .await
        .expect("post");
    assert_eq!(api.status(), 403);
    let body: serde_json::Value = api.json().await.expect("json");
    assert_eq!(body["error"]["code"], "cross_origin_request");
    let fetch_metadata = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("sec-fetch-site", "cross-site")
        .form(&[("name", "Kaapattu")])
        .send()
        .await
        .expect("post");
    assert_eq!(fetch_metadata.status(), 403);
    let listed = app
        .client
        .get(app.url("/api/v1/workspaces"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(!listed.contains("Kaapattu"), "nothing was created");
    let same_origin = app
        .client
        .post(app.url("/workspaces"))
        .header(COOKIE, cookie(&session))
        .header("origin", app.base.clone())
        .form(&[("name", "Oma hanke")])
        .send()
        .await
        .expect("post");
    assert_eq!(same_origin.status(), 303);
}

async fn favicon_is_served_from_the_binary(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/x-icon");
    let body = response.bytes().await.expect("body");
    // An ICO file: reserved 0, type 1 (icon), one image.
    assert_eq!(&body[..6], &[0, 0, 1, 0, 1, 0]);
}

async fn every_answer_is_no_store_but_the_stylesheet(app: &TestApp) {
    app.user("maija@example.fi", false).await;
    let token = app.token("maija@example.fi").await;
    let session = app.login("maija@example.fi").await;
    let mut answers = vec![
        (
            "GET /login",
            app.client.get(app.url("/login")).send().await.expect("get"),
        ),
        (
            "a 404 page",
            app.client
                .get(app.url("/ei-ole"))
                .send()
                .await
                .expect("get"),
        ),
    ];
    answers.push((
        "GET /workspaces signed in",
        app.get_with_session("/workspaces", &session).await,
    ));
    answers.push((
        "GET /api/v1/workspaces with a token",
        app.client
            .get(app.url("/api/v1/workspaces"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("get"),
    ));
    for (what, response) in answers {
        assert_eq!(response.headers()["cache-control"], "no-store", "{what}");
    }
    let css = app
        .client
        .get(app.url("/assets/polku.css"))
        .send()
        .await
        .expect("css");
    assert!(
        css.headers()["cache-control"]
            .to_str()
            .expect("ascii")
            .starts_with("public")
    );
}

async fn language_links_stay_on_the_site(app: &TestApp) {
    let (status, html) = get_html(app, "//evil.example/", &[]).await;
    assert_eq!(status, 404);
    assert!(
        !html.contains("href=\"//"),
        "a link leaves the site: {html}"
    );
    assert!(html.contains("href=\"/evil.example?lang=sv\""), "{html}");
    // A form POST re-renders its page: the switcher links to that page
    // (its Referer), not to the POST-only path.
    app.user("maija@example.fi", false).await;
    let session = app.login("maija@example.fi").await;
    let host = app.base.trim_start_matches("http://").to_owned();
    let page = app
        .client
        .post(app.url("/workspaces"))
        .header("cookie", cookie(&session))
        .header("referer", format!("http://{host}/workspaces?lang=fi"))
        .form(&[("name", " ")])
        .send()
        .await
        .expect("post");
    assert_eq!(page.status(), 422);
    let html = page.text().await.expect("html");
    assert!(html.contains("href=\"/workspaces?lang=en\""), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_https_public_url_turns_on_hsts_and_the_exact_origin_check() {
    let config = polku_web::WebConfig {
        public_url: Some(polku_web::PublicUrl::parse("https://polku.example.fi").expect("url")),
        ..polku_web::WebConfig::default()
    };
    let app = TestApp::spawn_with(polku_store::testing::Backend::Sqlite, config).await;
    let page = app.client.get(app.url("/login")).send().await.expect("get");
    assert_eq!(
        page.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let post = |origin: &'static str| {
        app.client
            .post(app.url("/login"))
            .header("origin", origin)
            .form(&[("email", "ei@example.fi"), ("password", "väärä-salasana-1")])
            .send()
    };
    assert_eq!(
        post("http://polku.example.fi")
            .await
            .expect("post")
            .status(),
        403
    );
    assert_eq!(
        post("https://evil.example").await.expect("post").status(),
        403
    );
    assert_eq!(
        post("https://polku.example.fi")
            .await
            .expect("post")
            .status(),
        401
    );

    let plain = TestApp::spawn(polku_store::testing::Backend::Sqlite).await;
    let page = plain
        .client
        .get(plain.url("/login"))
        .send()
        .await
        .expect("get");
    assert!(page.headers().get("strict-transport-security").is_none());
}

async fn error_pages_keep_the_signed_in_header(app: &TestApp) {
    app.user("omistaja@example.fi", false).await;
    app.user("muu@example.fi", false).await;
    let token = app.token("omistaja@example.fi").await;
    let ws = app.workspace(&token, "Toisen hanke").await;
    let session = app.login("muu@example.fi").await;
    let page = app
        .get_with_session(&format!("/workspaces/{ws}"), &session)
        .await;
    assert_eq!(page.status(), 403);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("Testi Käyttäjä"),
        "the 403 page shows who is signed in"
    );
    assert!(html.contains("action=\"/logout\""), "and the logout button");
}

/// What the law asks of the statement (Act on the Provision of Digital
/// Services, 16-17 §): the conformance status, a feedback channel with the
/// response time, the supervisory authority with its contact details (Traficom
/// since 1 January 2026) and when it was last reviewed, in every language.
async fn the_accessibility_statement_names_the_supervisor_response_time_and_review_date(
    app: &TestApp,
) {
    for (lang, conformance, response_time, reviewed) in [
        (
            "fi",
            "täyttää WCAG 2.1",
            "14 päivän kuluessa",
            "tarkistettu viimeksi",
        ),
        (
            "sv",
            "uppfyller kraven",
            "inom 14 dagar",
            "granskades senast",
        ),
        (
            "en",
            "meets the level A and AA",
            "within 14 days",
            "last reviewed",
        ),
    ] {
        let (status, html) = get_html(app, &format!("/accessibility?lang={lang}"), &[]).await;
        assert_eq!(status, 200);
        for words in [conformance, response_time, reviewed, "Traficom"] {
            assert!(html.contains(words), "{lang}: {words:?} missing");
        }
        assert!(html.contains("href=\"https://www.saavutettavuusvaatimukset.fi/\""));
        assert!(
            html.contains("29 534 5000"),
            "{lang}: the authority's phone"
        );
        assert!(
            html.contains("href=\"mailto:"),
            "{lang}: a feedback address"
        );
        assert!(
            !html.contains("aluehallintovirast")
                && !html.contains("Regionförvaltningsverket")
                && !html.contains("Regional State Administrative Agency"),
            "{lang}: not the former supervisor"
        );
    }
}
