//! The time zone that timestamps without an offset were written in
//! (`--timezone`), from the IANA database bundled into the binary, so that
//! it works the same on a machine without `/usr/share/zoneinfo`.

use crate::error::MineError;

const NANOS_PER_SECOND: i64 = 1_000_000_000;

/// The zone of naive timestamps (`2024-03-31 02:30:00`, `24.11.2026
/// 13:45`); a timestamp with its own offset (`Z`, `+02:00`) keeps it. The
/// default is UTC, which costs nothing per event.
///
/// A local time that does not exist, because the clocks were turned forward
/// over it (a DST gap such as 03:30 on the last Sunday of March in
/// Helsinki), is moved forward by the length of the gap (04:30 EEST); a
/// local time that happens twice, when the clocks are turned back, is read
/// as the earlier of the two instants (the summer-time one). These are the
/// rules of RFC 5545 and of `java.time`, called "compatible" in `jiff`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeZone {
    /// `None` is UTC.
    zone: Option<jiff::tz::TimeZone>,
}

impl TimeZone {
    /// UTC: naive timestamps are taken as they are.
    pub const UTC: TimeZone = TimeZone { zone: None };

    /// The zone called `name` in the IANA database (`Europe/Helsinki`,
    /// `UTC`); [`MineError::UnknownTimeZone`] for any other name.
    pub fn named(name: &str) -> Result<Self, MineError> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("UTC") || name.eq_ignore_ascii_case("Etc/UTC") {
            return Ok(Self::UTC);
        }
        jiff::tz::TimeZone::get(name)
            .map(|zone| Self { zone: Some(zone) })
            .map_err(|_| MineError::UnknownTimeZone(name.to_owned()))
    }

    /// Whether this is UTC.
    pub fn is_utc(&self) -> bool {
        self.zone.is_none()
    }

    /// The instant (nanoseconds since the Unix epoch) of a local time given
    /// as the nanoseconds it would be if it were UTC; `None` outside the
    /// range the zone database covers.
    #[inline]
    pub(crate) fn local_to_utc(&self, naive_nanos: i64) -> Option<i64> {
        match &self.zone {
            None => Some(naive_nanos),
            Some(zone) => local_to_utc(zone, naive_nanos),
        }
    }
}

/// Converts local times of one zone to UTC like [`TimeZone::local_to_utc`],
/// remembering the span of local times around the last one that share its
/// offset (from one transition of the zone to the next), so that a log's
/// timestamps, mostly near each other, rarely need the zone database.
#[derive(Debug, Clone, Default)]
pub(crate) struct LocalClock {
    zone: TimeZone,
    /// Local times (seconds, as if UTC) in `from..until` are read as
    /// `offset` seconds ahead of UTC; empty until the first lookup.
    from: i64,
    until: i64,
    offset: i64,
}

impl LocalClock {
    pub(crate) fn new(zone: &TimeZone) -> Self {
        Self {
            zone: zone.clone(),
            from: 0,
            until: 0,
            offset: 0,
        }
    }

    /// [`TimeZone::local_to_utc`], remembering the offset's span.
    #[inline]
    pub(crate) fn local_to_utc(&mut self, naive_nanos: i64) -> Option<i64> {
        let Some(zone) = &self.zone.zone else {
            return Some(naive_nanos);
        };
        let seconds = naive_nanos.div_euclid(NANOS_PER_SECOND);
        if !(self.from..self.until).contains(&seconds) {
            let utc = local_to_utc(zone, naive_nanos)?;
            (self.from, self.until, self.offset) =
                offset_span(zone, seconds, utc.div_euclid(NANOS_PER_SECOND)).unwrap_or((0, 0, 0));
            return Some(utc);
        }
        naive_nanos.checked_sub(self.offset.checked_mul(NANOS_PER_SECOND)?)
    }
}

/// The span of local times (`from..until`, seconds as if UTC) that share
/// the offset that took local `seconds` to `utc`, and that offset; `None`
/// when `seconds` was skipped by the clocks.
#[cold]
fn offset_span(zone: &jiff::tz::TimeZone, seconds: i64, utc: i64) -> Option<(i64, i64, i64)> {
    let instant = jiff::Timestamp::from_second(utc).ok()?;
    let offset = i64::from(zone.to_offset(instant).seconds());
    // In a gap the earlier offset was used: not this period's.
    if seconds - utc != offset {
        return None;
    }
    let at = |t: jiff::tz::TimeZoneTransition<'_>| t.timestamp().as_second();
    let previous = jiff::Timestamp::from_second(utc.saturating_add(1))
        .ok()
        .and_then(|after| zone.preceding(after).map(at).find(|&t| t <= utc));
    let next = zone.following(instant).map(at).find(|&t| t > utc);
    let from = match previous {
        // Local times repeated after the transition belong to the offset
        // before it (the earlier instant); skipped ones to none.
        Some(t) => {
            let before = jiff::Timestamp::from_second(t - 1)
                .map(|b| i64::from(zone.to_offset(b).seconds()))
                .unwrap_or(offset);
            t.saturating_add(offset.max(before))
        }
        None => i64::MIN,
    };
    let until = next.map_or(i64::MAX, |t| t.saturating_add(offset));
    (from..until)
        .contains(&seconds)
        .then_some((from, until, offset))
}

fn local_to_utc(zone: &jiff::tz::TimeZone, naive_nanos: i64) -> Option<i64> {
    let seconds = naive_nanos.div_euclid(NANOS_PER_SECOND);
    let nanos = naive_nanos.rem_euclid(NANOS_PER_SECOND);
    let wall = jiff::tz::TimeZone::UTC.to_datetime(jiff::Timestamp::from_second(seconds).ok()?);
    let instant = zone.to_ambiguous_timestamp(wall).compatible().ok()?;
    instant
        .as_second()
        .checked_mul(NANOS_PER_SECOND)?
        .checked_add(nanos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timestamps::{parse_timestamp, parse_timestamp_in};

    fn helsinki() -> TimeZone {
        TimeZone::named("Europe/Helsinki").expect("in the bundled database")
    }

    fn utc(text: &str) -> i64 {
        parse_timestamp(text).expect("valid")
    }

    #[test]
    fn naive_times_are_read_in_the_zone_and_offsets_are_kept() {
        let zone = helsinki();
        let local = |text: &str| parse_timestamp_in(text, &zone).expect("valid");
        // Winter: UTC+2; summer: UTC+3.
        assert_eq!(local("2024-01-15 12:00:00"), utc("2024-01-15T10:00:00Z"));
        assert_eq!(local("2024-07-15T12:00:00"), utc("2024-07-15T09:00:00Z"));
        assert_eq!(local("15.7.2024 12.00"), utc("2024-07-15T09:00:00Z"));
        assert_eq!(local("20240715T120000"), utc("2024-07-15T09:00:00Z"));
        assert_eq!(local("2024-07-15"), utc("2024-07-14T21:00:00Z"));
        assert_eq!(
            local("2024-07-15 12:00:00.25"),
            utc("2024-07-15T09:00:00.25Z")
        );
        // An offset of its own wins.
        assert_eq!(local("2024-07-15T12:00:00Z"), utc("2024-07-15T12:00:00Z"));
        assert_eq!(
            local("2024-07-15 12:00:00 UTC"),
            utc("2024-07-15T12:00:00Z")
        );
        assert_eq!(
            local("2024-07-15T12:00:00+05:00"),
            utc("2024-07-15T07:00:00Z")
        );
    }

    #[test]
    fn a_gap_resolves_forward_and_a_fold_takes_the_earlier_instant() {
        let zone = helsinki();
        let local = |text: &str| parse_timestamp_in(text, &zone).expect("valid");
        // 31 March 2024: 03:00 EET became 04:00 EEST; 03:30 did not exist.
        assert_eq!(local("2024-03-31 03:30:00"), utc("2024-03-31T01:30:00Z"));
        assert_eq!(local("2024-03-31 02:59:00"), utc("2024-03-31T00:59:00Z"));
        assert_eq!(local("2024-03-31 04:00:00"), utc("2024-03-31T01:00:00Z"));
        // 27 October 2024: 04:00 EEST became 03:00 EET; 03:30 came twice.
        assert_eq!(local("2024-10-27 03:30:00"), utc("2024-10-27T00:30:00Z"));
        assert_eq!(local("2024-10-27 04:30:00"), utc("2024-10-27T02:30:00Z"));
    }

    #[test]
    fn the_clock_remembers_offsets_only_where_they_hold() {
        let step = 7 * 60 + 13;
        for name in [
            "Europe/Helsinki",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
            "America/Sao_Paulo",
        ] {
            let zone = TimeZone::named(name).expect("known");
            let jiff_zone = zone.zone.clone().expect("not UTC");
            // Every few minutes for two years, forwards, then backwards,
            // through every change of the clocks: the same as asking the
            // database each time.
            let start = utc("2024-01-01T00:00:00Z") / NANOS_PER_SECOND;
            let end = utc("2026-01-01T00:00:00Z") / NANOS_PER_SECOND;
            let mut clock = LocalClock::new(&zone);
            let mut seconds = start;
            let mut checked = 0;
            while seconds < end {
                let naive = seconds * NANOS_PER_SECOND + 5;
                assert_eq!(
                    clock.local_to_utc(naive),
                    local_to_utc(&jiff_zone, naive),
                    "{name} at {seconds}"
                );
                seconds += step;
                checked += 1;
            }
            while seconds > start {
                seconds -= step;
                let naive = seconds * NANOS_PER_SECOND;
                assert_eq!(clock.local_to_utc(naive), local_to_utc(&jiff_zone, naive));
            }
            assert!(checked > 100_000);
        }
        // Second by second around Helsinki's changes.
        let zone = helsinki();
        let jiff_zone = zone.zone.clone().expect("not UTC");
        let mut clock = LocalClock::new(&zone);
        for around in ["2024-03-31T03:00:00Z", "2024-10-27T03:00:00Z"] {
            let middle = utc(around) / NANOS_PER_SECOND;
            for seconds in middle - 7200..middle + 7200 {
                let naive = seconds * NANOS_PER_SECOND;
                assert_eq!(clock.local_to_utc(naive), local_to_utc(&jiff_zone, naive));
            }
        }
    }

    #[test]
    fn names_come_from_the_database() {
        assert!(TimeZone::named("UTC").expect("UTC").is_utc());
        assert!(TimeZone::named("etc/utc").expect("UTC").is_utc());
        assert!(!TimeZone::named("Europe/Stockholm").expect("known").is_utc());
        assert!(!TimeZone::named("America/New_York").expect("known").is_utc());
        assert!(!TimeZone::named("EST5EDT").expect("known").is_utc());
        for bad in [
            "Europe/Helsingfors",
            "Helsinki",
            "EET-2EEST,M3.5.0/3,M10.5.0/4",
            "",
            "+02:00",
        ] {
            assert!(
                matches!(TimeZone::named(bad), Err(MineError::UnknownTimeZone(_))),
                "{bad:?}"
            );
        }
    }
}
