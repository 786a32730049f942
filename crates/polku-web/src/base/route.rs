//! Declaring routes: each feature area's `routes()` adds its pages and API
//! operations to a [`Routes`] with the [`Access`] each needs, and `routes.rs`
//! joins the areas. The table of [`RouteSpec`]s is what the route walker
//! test reads.

use axum::Router;
use axum::extract::Request;
use axum::http::Method;
use axum::middleware::{Next, from_fn};
use axum::routing::MethodRouter;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

use super::access::Access;
use super::state::AppState;

/// One served route: method, path template and who may reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    /// HTTP method.
    pub method: Method,
    /// Path template with `{workspace_id}`-style parameters.
    pub path: String,
    /// Who may reach it.
    pub access: Access,
    /// Whether it is part of the JSON API (answers JSON errors, not pages).
    pub api: bool,
}

/// The routes of the whole app, built area by area.
pub struct Routes {
    api: OpenApiRouter<AppState>,
    pages: Router<AppState>,
    table: Vec<RouteSpec>,
}

impl Routes {
    /// No routes yet; the API operations go into `openapi`.
    pub fn new(openapi: utoipa::openapi::OpenApi) -> Self {
        Self {
            api: OpenApiRouter::with_openapi(openapi),
            pages: Router::new(),
            table: Vec::new(),
        }
    }

    /// Adds a page (an HTML route) reachable with `access`.
    pub fn page(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Self {
        self.pages = self.pages.route(path, declare(access, handler));
        self.table.push(RouteSpec {
            method,
            path: path.to_owned(),
            access,
            api: false,
        });
        self
    }

    /// Adds documented API operations (from `utoipa_axum::routes!`), all
    /// reachable with `access`.
    pub fn api(mut self, access: Access, operations: UtoipaMethodRouter<AppState>) -> Self {
        let paths = &operations.1;
        for (path, item) in &paths.paths {
            let methods = [
                (Method::GET, item.get.is_some()),
                (Method::POST, item.post.is_some()),
                (Method::PUT, item.put.is_some()),
                (Method::PATCH, item.patch.is_some()),
                (Method::DELETE, item.delete.is_some()),
            ];
            for (method, present) in methods {
                if present {
                    self.table.push(RouteSpec {
                        method,
                        path: path.clone(),
                        access,
                        api: true,
                    });
                }
            }
        }
        let (schemas, paths, handler) = operations;
        self.api = self.api.routes((schemas, paths, declare(access, handler)));
        self
    }

    /// The router, the OpenAPI document of its API, and the route table.
    pub fn finish(self) -> (Router<AppState>, utoipa::openapi::OpenApi, Vec<RouteSpec>) {
        let (api, openapi) = self.api.split_for_parts();
        (self.pages.merge(api), openapi, self.table)
    }
}

/// Puts the route's declared [`Access`] into each request, where the access
/// extractors enforce it before any body is read.
fn declare(access: Access, handler: MethodRouter<AppState>) -> MethodRouter<AppState> {
    handler.route_layer(from_fn(move |mut request: Request, next: Next| {
        request.extensions_mut().insert(access);
        next.run(request)
    }))
}
