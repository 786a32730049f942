//! Rate limits on logging in: per account and per client address.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

/// Two keyed limiters: one per e-mail (guessing one account's password) and one
/// per client address (trying many accounts).
pub struct LoginLimits {
    per_account: DefaultKeyedRateLimiter<String>,
    per_client: DefaultKeyedRateLimiter<IpAddr>,
}

/// Attempts per account: a burst of 10, then one every 6 seconds.
const ACCOUNT_BURST: u32 = 10;
/// Attempts per client address: a burst of 30, then one every 2 seconds.
const CLIENT_BURST: u32 = 30;

fn quota(burst: u32, per_minute: u32) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    let rate = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(rate).allow_burst(burst)
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            per_account: DefaultKeyedRateLimiter::keyed(quota(ACCOUNT_BURST, 10)),
            per_client: DefaultKeyedRateLimiter::keyed(quota(CLIENT_BURST, 30)),
        }
    }
}

impl LoginLimits {
    /// Counts one attempt; `Err(seconds)` says how long to wait when over a limit.
    pub fn check(&self, account: &str, client: IpAddr) -> Result<(), u64> {
        let clock = DefaultClock::default();
        let wait = |not_until: governor::NotUntil<_>| {
            not_until.wait_time_from(clock.now()).as_secs().max(1)
        };
        self.per_client.check_key(&client).map_err(wait)?;
        self.per_account
            .check_key(&account.to_lowercase())
            .map_err(wait)?;
        Ok(())
    }

    /// Forgets keys that are back at full allowance, to bound memory.
    pub fn shrink(&self) {
        self.per_account.retain_recent();
        self.per_client.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_account_is_limited_after_its_burst() {
        let limits = LoginLimits::default();
        let client: IpAddr = [127, 0, 0, 1].into();
        for _ in 0..ACCOUNT_BURST {
            assert!(limits.check("maija@example.fi", client).is_ok());
        }
        let wait = limits
            .check("MAIJA@example.fi", client)
            .expect_err("limited");
        assert!(wait >= 1);
        assert!(limits.check("other@example.fi", client).is_ok());
    }

    #[test]
    fn one_client_is_limited_across_accounts() {
        let limits = LoginLimits::default();
        let client: IpAddr = [10, 0, 0, 7].into();
        for i in 0..CLIENT_BURST {
            assert!(limits.check(&format!("user{i}@example.fi"), client).is_ok());
        }
        assert!(limits.check("fresh@example.fi", client).is_err());
        assert!(
            limits
                .check("fresh@example.fi", [10, 0, 0, 8].into())
                .is_ok()
        );
    }
}
