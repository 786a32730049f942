//! The base every feature area builds on: who is calling and in which
//! language, the page frame, extractors, rendering, errors, login sessions,
//! workspace access, route declarations, rate limits, security headers and
//! the origin for links people pass on.
//!
//! Rule: nothing in `base` imports a feature folder (`site`, `accounts`,
//! `workspaces`, ...); features import `base`, and `routes.rs` joins them.

pub mod access;
pub mod caller;
pub mod chrome;
pub mod error;
pub mod error_page;
pub mod extract;
pub mod forms;
pub mod language;
pub mod limits;
pub mod link_origin;
pub mod live_access;
pub mod live_limits;
pub mod render;
pub mod route;
pub mod schema;
pub mod security;
pub mod session;
pub mod state;
