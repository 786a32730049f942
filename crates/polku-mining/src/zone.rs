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
