//! URLs of this area's pages, built in one place for handlers and templates.

use polku_domain::TokenId;

/// The signed-in user's own page.
pub const ACCOUNT: &str = "/account";
/// Where the name form posts.
pub const NAME: &str = "/account/name";
/// Where the password form posts.
pub const PASSWORD: &str = "/account/password";
/// Where "log out everywhere" posts.
pub const END_SESSIONS: &str = "/account/sessions/end";
/// Where the new-token form posts.
pub const TOKENS: &str = "/account/tokens";
/// A token's revoke confirmation page (GET) and the revoke itself (POST).
pub const REVOKE_TOKEN: &str = "/account/tokens/{token_id}/revoke";
/// A password reset link's page (GET) and its form (POST).
pub const RESET: &str = "/reset/{token}";
/// The login page.
pub const LOGIN: &str = "/login";

/// The revoke confirmation page of token `id`.
pub fn revoke_token(id: TokenId) -> String {
    REVOKE_TOKEN.replace("{token_id}", &id.to_string())
}

/// The account page with a notice of what just happened.
pub fn account_with_notice(notice: AccountNotice) -> String {
    format!("{ACCOUNT}?notice={}", notice.as_str())
}

/// The login page with a notice of what just happened.
pub fn login_with_notice(notice: LoginNotice) -> String {
    format!("{LOGIN}?notice={}", notice.as_str())
}

/// Declares a notice enum: its text in the URL and its message key.
macro_rules! notices {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = ($text:literal, $key:literal),)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Its text in the URL.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The translation key of its message.
            pub const fn label_key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The notice named in a URL, if it is one.
            pub fn parse(raw: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|n| n.as_str() == raw)
            }
        }
    };
}

notices! {
    /// What a redirect back to the account page reports.
    AccountNotice {
        /// The display name changed.
        NameChanged = ("name_changed", "account-notice-name_changed"),
        /// The password changed and other sessions ended.
        PasswordChanged = ("password_changed", "account-notice-password_changed"),
        /// A token was revoked.
        TokenRevoked = ("token_revoked", "account-notice-token_revoked"),
    }
}

notices! {
    /// What a redirect to the login page reports.
    LoginNotice {
        /// Every session ended at the user's request.
        SignedOutEverywhere = ("signed_out_everywhere", "login-notice-signed_out_everywhere"),
        /// A reset link set a new password.
        PasswordReset = ("password_reset", "login-notice-password_reset"),
    }
}
