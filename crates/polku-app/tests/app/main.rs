//! The app crate's one integration-test binary.

mod demo;
mod i18n;
mod plurals;
