//! Rate limits of live sessions: failed join attempts (so codes cannot be
//! guessed) and posts per participant (so one person cannot flood a board).
//!
//! Only *failed* joins count: a workshop room behind one address may have
//! a hundred people joining at once with the right code. Once a client (or
//! everyone together) has failed too often, every join attempt is refused
//! until the wait is over, before the code is looked up, so a refusal tells
//! nothing about the code.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use polku_domain::ParticipantId;

/// Failed joins per client: a burst of 10, then 10 a minute.
const CLIENT_FAILURES: (u32, u32) = (10, 10);
/// Failed joins of all clients together: a burst of 200, then 300 a minute.
const GLOBAL_FAILURES: (u32, u32) = (200, 300);
/// Notes and votes per participant: a burst of 30, then 40 a minute (the
/// contract asks for at least 20 notes a minute).
const POSTS: (u32, u32) = (30, 40);

fn quota((burst, per_minute): (u32, u32)) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    let rate = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(rate).allow_burst(burst)
}

fn seconds(wait: Duration) -> u64 {
    wait.as_secs().max(1)
}

/// Limits on joining by code.
pub struct JoinLimits {
    per_client: DefaultKeyedRateLimiter<IpAddr>,
    global: DefaultDirectRateLimiter,
    blocked: Mutex<HashMap<Option<IpAddr>, Instant>>,
}

impl Default for JoinLimits {
    fn default() -> Self {
        Self {
            per_client: DefaultKeyedRateLimiter::keyed(quota(CLIENT_FAILURES)),
            global: DefaultDirectRateLimiter::direct(quota(GLOBAL_FAILURES)),
            blocked: Mutex::new(HashMap::new()),
        }
    }
}

impl JoinLimits {
    /// Whether `client` may try to join now; `Err(seconds)` to wait.
    pub fn check(&self, client: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let blocked = self.blocked.lock().unwrap_or_else(PoisonError::into_inner);
        let until = [blocked.get(&None), blocked.get(&Some(client))]
            .into_iter()
            .flatten()
            .copied()
            .filter(|until| *until > now)
            .max();
        match until {
            Some(until) => Err(seconds(until - now)),
            None => Ok(()),
        }
    }

    /// Counts a failed attempt of `client` (a wrong or closed code); past a
    /// limit, blocks the client (or everyone) for the wait and gives it.
    pub fn failed(&self, client: IpAddr) -> Result<(), u64> {
        let clock = DefaultClock::default();
        let now = Instant::now();
        let outcome = match self.per_client.check_key(&client) {
            Err(not_until) => Some((Some(client), not_until.wait_time_from(clock.now()))),
            Ok(()) => self
                .global
                .check()
                .err()
                .map(|not_until| (None, not_until.wait_time_from(clock.now()))),
        };
        match outcome {
            Some((key, wait)) => {
                let mut blocked = self.blocked.lock().unwrap_or_else(PoisonError::into_inner);
                blocked.insert(key, now + wait.max(Duration::from_secs(1)));
                Err(seconds(wait))
            }
            None => Ok(()),
        }
    }

    /// Forgets clients back at full allowance and blocks that ran out.
    pub fn shrink(&self) {
        self.per_client.retain_recent();
        let now = Instant::now();
        let mut blocked = self.blocked.lock().unwrap_or_else(PoisonError::into_inner);
        blocked.retain(|_, until| *until > now);
    }
}

/// Limits on notes and votes per participant.
pub struct PostLimits {
    per_participant: DefaultKeyedRateLimiter<ParticipantId>,
}

impl Default for PostLimits {
    fn default() -> Self {
        Self {
            per_participant: DefaultKeyedRateLimiter::keyed(quota(POSTS)),
        }
    }
}

impl PostLimits {
    /// Counts one post of `participant`; `Err(seconds)` to wait.
    pub fn check(&self, participant: ParticipantId) -> Result<(), u64> {
        let clock = DefaultClock::default();
        self.per_participant
            .check_key(&participant)
            .map_err(|not_until| seconds(not_until.wait_time_from(clock.now())))
    }

    /// Forgets participants back at full allowance.
    pub fn shrink(&self) {
        self.per_participant.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_that_keeps_failing_is_refused_before_any_lookup() {
        let limits = JoinLimits::default();
        let client: IpAddr = [10, 0, 0, 1].into();
        for _ in 0..CLIENT_FAILURES.0 {
            assert!(limits.check(client).is_ok());
            assert!(limits.failed(client).is_ok());
        }
        assert!(limits.failed(client).is_err());
        assert!(limits.check(client).is_err(), "blocked before looking");
        assert!(limits.check([10, 0, 0, 2].into()).is_ok(), "others go on");
    }

    #[test]
    fn many_clients_failing_together_block_everyone() {
        let limits = JoinLimits::default();
        let mut refused = false;
        for i in 0..=GLOBAL_FAILURES.0 {
            let client = IpAddr::from([10, 1, (i / 250) as u8, (i % 250) as u8]);
            refused |= limits.failed(client).is_err();
        }
        assert!(refused);
        assert!(limits.check([192, 168, 0, 1].into()).is_err());
    }

    #[test]
    fn twenty_notes_a_minute_pass() {
        let limits = PostLimits::default();
        let participant = ParticipantId::new();
        for _ in 0..20 {
            assert!(limits.check(participant).is_ok());
        }
        let flood = (0..100)
            .filter(|_| limits.check(participant).is_err())
            .count();
        assert!(flood > 0, "a flood is limited");
        assert!(limits.check(ParticipantId::new()).is_ok());
    }
}
