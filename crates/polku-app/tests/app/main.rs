//! The app crate's one integration-test binary.

mod i18n;
mod plurals;
