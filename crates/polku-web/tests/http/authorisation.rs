//! Walks every route the router serves (the OpenAPI document's paths and the
//! page route table) as an anonymous caller, as a member of another
//! workspace, and as a member, and fails on any answer it should not give.

use polku_web::pages::{Access, routes as page_routes};
use reqwest::{Method, StatusCode};

use crate::helpers::{TestApp, app_test, cookie};

app_test!(every_route_is_authorised_for_every_kind_of_caller);

struct Route {
    method: Method,
    path: String,
    access: Access,
    api: bool,
}

async fn all_routes(app: &TestApp) -> Vec<Route> {
    let doc = app.openapi().await;
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            let access = if path == "/healthz" {
                Access::Public
            } else if path.contains("{workspace_id}") {
                Access::Workspace
            } else {
                Access::SignedIn
            };
            routes.push(Route {
                method: method.to_uppercase().parse().expect("method"),
                path: path.clone(),
                access,
                api: true,
            });
        }
    }
    for route in page_routes() {
        routes.push(Route {
            method: route.method.as_str().parse().expect("method"),
            path: route.path.to_owned(),
            access: route.access,
            api: false,
        });
    }
    routes
}

enum Credential<'a> {
    None,
    Token(&'a str),
    Session(&'a str),
}

async fn call(
    app: &TestApp,
    route: &Route,
    path: &str,
    credential: Credential<'_>,
) -> (StatusCode, String, String) {
    let mut request = app.client.request(route.method.clone(), app.url(path));
    request = match credential {
        Credential::None => request,
        Credential::Token(token) => request.bearer_auth(token),
        Credential::Session(session) => request.header("cookie", cookie(session)),
    };
    if route.method == Method::POST {
        request = if route.api {
            request.json(&serde_json::json!({}))
        } else {
            request.form(&[("unused", "")])
        };
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location, response.text().await.unwrap_or_default())
}

async fn every_route_is_authorised_for_every_kind_of_caller(app: &TestApp) {
    app.user("member@example.fi", false).await;
    app.user("outsider@example.fi", false).await;
    let victim = app.user("victim@example.fi", false).await;
    let member_token = app.token("member@example.fi").await;
    let outsider_token = app.token("outsider@example.fi").await;
    let member_session = app.login("member@example.fi").await;
    let outsider_session = app.login("outsider@example.fi").await;
    let ws = app.workspace(&member_token, "Jäsenten hanke").await;
    app.workspace(&outsider_token, "Ulkopuolisen hanke").await;
    let ws_id: polku_domain::WorkspaceId = ws.parse().expect("id");

    let routes = all_routes(app).await;
    assert!(routes.len() >= 15, "walked only {} routes", routes.len());
    let mut checked = 0;
    for route in &routes {
        let path = route
            .path
            .replace("{workspace_id}", &ws)
            .replace("{user_id}", &victim.id.to_string());
        let label = format!("{} {}", route.method, route.path);

        let (status, location, _) = call(app, route, &path, Credential::None).await;
        match route.access {
            // Public routes answer anyone; POST /login answers 401 to the
            // empty form, which is its own business, not an access refusal.
            Access::Public => assert!(
                status != 403 && !status.is_server_error(),
                "{label} as anonymous: {status}"
            ),
            _ if route.api => assert_eq!(status, 401, "{label} as anonymous"),
            _ => {
                assert_eq!(status, 303, "{label} as anonymous");
                assert!(location.starts_with("/login?next="), "{label}: {location}");
            }
        }
        if route.access == Access::Public {
            checked += 1;
            continue;
        }

        let outsider = if route.api {
            Credential::Token(&outsider_token)
        } else {
            Credential::Session(&outsider_session)
        };
        let (status, _, body) = call(app, route, &path, outsider).await;
        match route.access {
            Access::Workspace => assert_eq!(status, 403, "{label} as another workspace's member"),
            _ => {
                assert!(
                    status.as_u16() < 500 && status != 401 && status != 403,
                    "{label}: {status}"
                );
                assert!(
                    !body.contains(&ws),
                    "{label} leaks the other workspace to an outsider"
                );
                assert!(
                    !body.contains("Jäsenten hanke"),
                    "{label} leaks the other workspace's name"
                );
            }
        }

        // The member pass may remove the victim; put them back each time.
        let _ = app
            .db
            .store
            .add_member(ws_id, victim.id, polku_domain::Role::Viewer)
            .await;
        let member = if route.api {
            Credential::Token(&member_token)
        } else {
            Credential::Session(&member_session)
        };
        let (status, _, _) = call(app, route, &path, member).await;
        assert!(
            ![401, 403, 404].contains(&status.as_u16()) && !status.is_server_error(),
            "{label} as a member: {status}"
        );
        checked += 1;
    }
    assert_eq!(checked, routes.len());
}
