//! The web crate's one integration-test binary: a real server per test on a
//! fresh database, on SQLite and on PostgreSQL.

mod api;
mod authorisation;
mod helpers;
mod i18n_keys;
mod outage;
mod pages;
mod sessions;
