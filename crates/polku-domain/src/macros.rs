//! Macros shared by the domain's modules.

/// A closed list of choices with a stable text form (SQL, API) and a
/// translation key for its name; parsing unknown text fails with
/// `ValidationError::new($field, $code)`.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal, $code:expr,
     [$($(#[$doc:meta])* $variant:ident = $text:literal => $label:literal,)+]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$doc])* $variant,)+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable text form, used in SQL and the API.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The translation key of its name.
            pub const fn label_key(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or($crate::ValidationError::new($field, $code))
            }
        }
    };
}
