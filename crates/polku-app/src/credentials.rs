//! Password hashing (Argon2id) and random secrets stored only as hashes.
//!
//! Hashing takes tens of milliseconds of CPU on purpose, so it runs on
//! tokio's blocking pool, at most [`max_hashes_at_once`] at a time: a burst of
//! logins waits its turn there and never stalls the threads that serve other
//! requests (`/healthz` stays fast, see `scripts/bench-login-burst.sh`).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use polku_domain::Password;
use rand::RngCore;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// How many password hashes run at once: one core fewer than the machine
/// has (at least one), so a burst of logins leaves a core for everything
/// else. Each hash takes 19 MiB.
pub fn max_hashes_at_once() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |cores| cores.get().saturating_sub(1))
        .max(1)
}

fn hashing_slots() -> &'static Semaphore {
    static SLOTS: std::sync::OnceLock<Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(max_hashes_at_once()))
}

/// Runs `work` on the blocking pool once a hashing slot is free.
async fn on_hashing_pool<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    let _slot = hashing_slots()
        .acquire()
        .await
        .map_err(|e| HashError(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| HashError(e.to_string()))
}

/// Hashing failed; only possible with broken parameters.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

fn hasher() -> Argon2<'static> {
    // OWASP's first recommended Argon2id setting: 19 MiB, 2 passes, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a checked password into a PHC string (`$argon2id$...`) on the
/// hashing pool.
pub async fn hash_password(password: &Password) -> Result<String, HashError> {
    let text = password.expose().to_owned();
    on_hashing_pool(move || hash_text(&text)).await?
}

fn hash_text(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `candidate` matches the stored PHC string `hash`, checked on the
/// hashing pool.
pub async fn verify_password(hash: &str, candidate: &str) -> bool {
    let (hash, candidate) = (hash.to_owned(), candidate.to_owned());
    on_hashing_pool(move || verify_text(&hash, &candidate))
        .await
        .unwrap_or(false)
}

fn verify_text(hash: &str, candidate: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same time as a real check, so a login for an unknown e-mail
/// cannot be told apart by its timing.
pub async fn verify_against_dummy(candidate: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let candidate = candidate.to_owned();
    let _ = on_hashing_pool(move || {
        let hash =
            DUMMY.get_or_init(|| hash_text("dummy-Hash-for-timing-9481").unwrap_or_default());
        verify_text(hash, &candidate)
    })
    .await;
}

/// A new random secret (256 bits) as lower-case hex, with a readable prefix.
pub fn new_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

/// The SHA-256 of a secret, as stored: a leaked table gives no usable token.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_verifies_only_the_same_password() {
        let password = Password::new_checked("sininen-Lintu-laulaa-77", &[]).expect("strong");
        let hash = hash_password(&password).await.expect("hashes");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "sininen-Lintu-laulaa-77").await);
        assert!(!verify_password(&hash, "sininen-Lintu-laulaa-78").await);
        assert!(!verify_password("not a hash", "anything").await);
    }

    #[test]
    fn secrets_are_unique_and_hashes_hide_them() {
        let a = new_secret("polku_");
        let b = new_secret("polku_");
        assert_ne!(a, b);
        assert!(a.starts_with("polku_") && a.len() == 6 + 64);
        assert_eq!(secret_hash(&a), secret_hash(&a));
        assert!(!secret_hash(&a).contains(&a[6..]));
    }
}
