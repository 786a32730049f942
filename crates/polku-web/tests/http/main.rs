//! The web crate's one integration-test binary: a real server per test on a
//! fresh database, on SQLite and on PostgreSQL. One module per feature area
//! (`site`, `accounts`, `workspaces`, `invitations`, `audit`, ...), plus the
//! cross-cutting route walker (`authorisation`), membership races, database
//! outages and the serve loop.

mod accounts;
mod audit;
mod authorisation;
mod disk;
mod groups;
mod helpers;
mod invitations;
mod layout;
mod live;
mod live_board;
mod live_pages;
mod outage;
mod paths_api;
mod races;
mod series;
mod series_api;
mod serve;
mod settings;
mod site;
mod workspaces;
