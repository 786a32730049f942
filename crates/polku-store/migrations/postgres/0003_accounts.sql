-- Accounts: API tokens get an id (to list and revoke them by), a name, an
-- expiry and the time of last use; one-time password reset links.
-- Tokens made before this migration are kept, named "cli", valid for 90 days
-- from their creation. Times are Unix epoch milliseconds.
CREATE TABLE api_tokens_named (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_used_at BIGINT
);
INSERT INTO api_tokens_named (id, token_hash, user_id, name, created_at, expires_at)
SELECT gen_random_uuid()::TEXT, token_hash, user_id, 'cli', created_at, created_at + 7776000000
FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_named RENAME TO api_tokens;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- A reset link is stored by the hash of its secret; using it sets used_at,
-- so a second use (or a race of two) finds it gone.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
