//! Password hashing (Argon2id) and random secrets stored only as hashes.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use polku_domain::Password;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Hashing failed; only possible with broken parameters.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

fn hasher() -> Argon2<'static> {
    // OWASP's first recommended Argon2id setting: 19 MiB, 2 passes, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a checked password into a PHC string (`$argon2id$...`).
pub fn hash_password(password: &Password) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    hasher()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `candidate` matches the stored PHC string `hash`.
pub fn verify_password(hash: &str, candidate: &str) -> bool {
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
pub fn verify_against_dummy(candidate: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = DUMMY.get_or_init(|| {
        Password::new_checked("dummy-Hash-for-timing-9481", &[])
            .ok()
            .and_then(|p| hash_password(&p).ok())
            .unwrap_or_default()
    });
    let _ = verify_password(hash, candidate);
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

    #[test]
    fn hash_verifies_only_the_same_password() {
        let password = Password::new_checked("sininen-Lintu-laulaa-77", &[]).expect("strong");
        let hash = hash_password(&password).expect("hashes");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "sininen-Lintu-laulaa-77"));
        assert!(!verify_password(&hash, "sininen-Lintu-laulaa-78"));
        assert!(!verify_password("not a hash", "anything"));
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
