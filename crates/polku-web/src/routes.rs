//! Joins every feature area's routes into the app, with the OpenAPI document
//! generated from the API handlers' annotations (so router and spec cannot
//! drift apart) and the table of declared access the route walker reads.

use std::sync::OnceLock;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::timeout::RequestBodyDeadlineLayer;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::base::access::Access;
use crate::base::error::{AppError, ErrorDetail, ErrorResponse};
use crate::base::route::{RouteSpec, Routes};
use crate::base::session::SESSION_COOKIE;
use crate::base::state::AppState;
use crate::base::{caller, error_page, language, security};
use crate::{accounts, audit, groups, invitations, live, paths, site, workspaces};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Polku API",
        description = "Co-developing social, health and employment services. \
                       Errors are `{\"error\": {\"code\", \"message\"}}` with stable codes.",
    ),
    components(schemas(ErrorResponse, ErrorDetail)),
    modifiers(&BearerAuth),
    security(("bearer" = []), ("session" = [])),
    tags(
        (name = "health", description = "Liveness of the service and its database"),
        (name = "workspaces", description = "Workspaces and their members"),
        (name = "invitations", description = "Invitations into workspaces, the only way in"),
        (name = "live", description = "Live workshop sessions: join by code, notes, votes, events"),
        (name = "groups", description = "Development groups of a workspace"),
        (name = "paths", description = "Client profiles and their service paths"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from `polku user token`"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(SESSION_COOKIE))),
        );
    }
}

/// Every area's routes; a new area adds one line here.
fn all_routes() -> Routes {
    let routes = Routes::new(ApiDoc::openapi()).page(
        Method::GET,
        "/api/openapi.json",
        Access::Anonymous,
        get(openapi_document),
    );
    let routes = site::routes(routes);
    let routes = accounts::routes(routes);
    let routes = workspaces::routes(routes);
    let routes = invitations::routes(routes);
    let routes = live::routes(routes);
    let routes = groups::routes(routes);
    let routes = paths::routes(routes);
    audit::routes(routes)
}

/// `GET /api/openapi.json`: the OpenAPI document of every API operation.
async fn openapi_document() -> Response {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let json = DOCUMENT.get_or_init(|| {
        all_routes()
            .finish()
            .1
            .to_pretty_json()
            .unwrap_or_else(|_| "{}".into())
    });
    ([(CONTENT_TYPE, "application/json")], json.as_str()).into_response()
}

/// Every route the app serves with its declared access, for the route walker.
pub fn route_table() -> Vec<RouteSpec> {
    all_routes().finish().2
}

/// The whole application: pages, API, OpenAPI document and middleware.
pub(crate) fn app(state: AppState) -> Router {
    let (router, _, _) = all_routes().finish();
    let max_body = state.config.max_body_bytes;
    let public_url = state.config.public_url.clone();
    let router = router
        .fallback(|| async { AppError::not_found() })
        // Outermost last: the language, then who calls (so that error pages
        // know both), then error rendering around the cross-site checks.
        .layer(DefaultBodyLimit::max(max_body))
        .layer(RequestBodyDeadlineLayer::new(
            state.config.request_body_timeout,
        ))
        .layer(security::csrf_layer(public_url.as_ref()))
        .layer(from_fn_with_state(
            public_url.clone(),
            security::require_public_origin,
        ))
        .layer(from_fn(error_page::render_errors))
        .layer(from_fn_with_state(state.clone(), caller::identify_caller))
        .layer(from_fn(language::choose_language));
    security::with_security_headers(router.with_state(state), public_url.as_ref())
}
