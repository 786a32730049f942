//! The web crate's one integration-test binary: a real server per test on a
//! fresh database, on SQLite and on PostgreSQL. One module per feature area
//! (`site`, `accounts`, `workspaces`, ...), plus the cross-cutting route
//! walker (`authorisation`), database outages and the serve loop.

mod accounts;
mod authorisation;
mod disk;
mod helpers;
mod layout;
mod outage;
mod serve;
mod site;
mod workspaces;
