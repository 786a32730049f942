//! The JSON API under `/api/v1`, with its OpenAPI document generated from the
//! handlers' annotations so the router and the spec cannot drift apart.

mod health;
mod json;
mod members;
mod workspaces;

pub use json::ApiJson;

use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ErrorDetail, ErrorResponse};
use crate::state::AppState;

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
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Cookie(
                utoipa::openapi::security::ApiKeyValue::new(crate::auth::SESSION_COOKIE),
            )),
        );
    }
}

/// The API routes and the OpenAPI document that describes exactly them.
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::healthz))
        .routes(routes!(
            workspaces::list_workspaces,
            workspaces::create_workspace
        ))
        .routes(routes!(workspaces::get_workspace))
        .routes(routes!(members::list_members, members::add_member))
        .routes(routes!(members::remove_member))
        .split_for_parts()
}
