//! API tokens: bearer credentials for `/api/v1`, stored by the hash of their
//! secret, each with a name and an expiry.

use polku_domain::{TokenId, TokenName, UserId};
use time::OffsetDateTime;

use crate::rows::{parse_column, validated};
use crate::users::UserRow;
use crate::{Store, StoreError, User, execute, execute_one, from_millis, millis, with_pool};

/// A stored API token (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// The token's id, for listing and revoking it.
    pub id: TokenId,
    /// The account it acts as.
    pub user_id: UserId,
    /// What its owner called it.
    pub name: TokenName,
    /// When it was made.
    pub created_at: OffsetDateTime,
    /// From this moment on it authenticates nobody.
    pub expires_at: OffsetDateTime,
    /// When it last authenticated a request (to the minute), if ever.
    pub last_used_at: Option<OffsetDateTime>,
}

impl ApiToken {
    /// Whether the token has expired at `now`.
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        self.expires_at <= now
    }
}

/// What it takes to store a new token; the secret arrives already hashed.
#[derive(Debug, Clone)]
pub struct NewApiToken<'a> {
    /// The account it acts as.
    pub user_id: UserId,
    /// The SHA-256 of its secret.
    pub token_hash: &'a str,
    /// Its name.
    pub name: &'a TokenName,
    /// When it is made (the caller's clock, so the lifetime is exact).
    pub created_at: OffsetDateTime,
    /// When it stops working.
    pub expires_at: OffsetDateTime,
}

/// A token found by its secret's hash, with the account it acts as.
#[derive(Debug, Clone)]
pub struct TokenLogin {
    /// The account.
    pub user: User,
    /// The token (check [`ApiToken::is_expired`] before trusting it).
    pub token: ApiToken,
}

/// The columns a [`TokenRow`] reads, as a literal for `concat!`.
macro_rules! token_columns {
    () => {
        "api_tokens.id AS token_id, api_tokens.user_id AS token_user_id, \
         api_tokens.name AS token_name, api_tokens.created_at AS token_created_at, \
         api_tokens.expires_at, api_tokens.last_used_at"
    };
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    token_id: String,
    token_user_id: String,
    token_name: String,
    token_created_at: i64,
    expires_at: i64,
    last_used_at: Option<i64>,
}

impl TokenRow {
    fn into_token(self) -> Result<ApiToken, StoreError> {
        Ok(ApiToken {
            id: parse_column(&self.token_id, "api_tokens.id")?,
            user_id: parse_column(&self.token_user_id, "api_tokens.user_id")?,
            name: validated(
                TokenName::parse(&self.token_name),
                "api_tokens.name",
                &self.token_name,
            )?,
            created_at: from_millis(self.token_created_at),
            expires_at: from_millis(self.expires_at),
            last_used_at: self.last_used_at.map(from_millis),
        })
    }
}

impl Store {
    /// Stores a new token.
    pub async fn create_api_token(&self, new: &NewApiToken<'_>) -> Result<ApiToken, StoreError> {
        let id = TokenId::new();
        let now = millis(new.created_at);
        execute!(
            self,
            sqlx::query(
                "INSERT INTO api_tokens (id, token_hash, user_id, name, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(new.token_hash)
            .bind(new.user_id.to_string())
            .bind(new.name.as_str())
            .bind(now)
            .bind(millis(new.expires_at))
        )?;
        Ok(ApiToken {
            id,
            user_id: new.user_id,
            name: new.name.clone(),
            created_at: from_millis(now),
            expires_at: from_millis(millis(new.expires_at)),
            last_used_at: None,
        })
    }

    /// The token whose secret has this hash, with its account, expired or not.
    pub async fn find_api_token_login(
        &self,
        token_hash: &str,
    ) -> Result<Option<TokenLogin>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            #[sqlx(flatten)]
            token: TokenRow,
        }
        let sql = concat!(
            "SELECT users.id, users.email, users.name, users.is_admin, users.created_at, ",
            token_columns!(),
            " FROM api_tokens JOIN users ON users.id = api_tokens.user_id \
             WHERE api_tokens.token_hash = $1"
        );
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(sql).bind(token_hash).fetch_optional(pool).await
        })?;
        row.map(|r| {
            Ok(TokenLogin {
                user: r.user.into_user()?,
                token: r.token.into_token()?,
            })
        })
        .transpose()
    }

    /// Records that the token was used at `at`.
    pub async fn touch_api_token(&self, id: TokenId, at: OffsetDateTime) -> Result<(), StoreError> {
        execute!(
            self,
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(millis(at))
                .bind(id.to_string())
        )?;
        Ok(())
    }

    /// The tokens of `user`, newest first.
    pub async fn list_api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>, StoreError> {
        let sql = concat!(
            "SELECT ",
            token_columns!(),
            " FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id"
        );
        let rows: Vec<TokenRow> = with_pool!(self, pool => {
            sqlx::query_as(sql).bind(user.to_string()).fetch_all(pool).await
        })?;
        rows.into_iter().map(TokenRow::into_token).collect()
    }

    /// The token with this id, whoever owns it (callers compare
    /// [`ApiToken::user_id`] with the account asking).
    pub async fn find_api_token(&self, id: TokenId) -> Result<Option<ApiToken>, StoreError> {
        let sql = concat!(
            "SELECT ",
            token_columns!(),
            " FROM api_tokens WHERE id = $1"
        );
        let row: Option<TokenRow> = with_pool!(self, pool => {
            sqlx::query_as(sql).bind(id.to_string()).fetch_optional(pool).await
        })?;
        row.map(TokenRow::into_token).transpose()
    }

    /// Revokes (deletes) token `id` of `user`; `NotFound` when `user` has no
    /// such token.
    pub async fn delete_api_token(&self, user: UserId, id: TokenId) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
                .bind(id.to_string())
                .bind(user.to_string())
        )
    }
}
