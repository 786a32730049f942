//! Polku's use cases that more than one edge needs: the web (`polku-web`) and
//! the command line (`polku`) both call these, and neither calls the other.
//!
//! One module per feature area, as in every crate: translations and number
//! formatting ([`i18n`]), accounts and credentials, API tokens, password
//! reset links, security events in the log, members and invitations, a
//! workspace's privacy settings, and the demo content (one file per area
//! under `demo/`). Later areas add log import, export, backup and reports
//! here.

pub mod accounts;
pub mod credentials;
pub mod demo;
pub mod groups;
pub mod i18n;
pub mod invitations;
pub mod live;
pub mod members;
pub mod qr;
pub mod resets;
pub mod security_log;
pub mod tokens;
pub mod workspaces;

pub use i18n::{Arg, Tr};
