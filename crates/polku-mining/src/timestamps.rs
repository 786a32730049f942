//! ISO 8601 timestamps as event logs write them, to nanoseconds since the Unix
//! epoch in UTC: `T` or a space between date and time, optional seconds and
//! fraction, an optional offset (`Z`, `+02:00`, `+0200`, `+02`); no offset
//! means UTC, as the oracle (`pandas.to_datetime(utc=True)`) takes it, or
//! the zone given with [`parse_timestamp_in`] (`--timezone`).
//! Also a space before the offset and `UTC` as one (`2024-01-01 10:00:00
//! +02:00`, `... UTC`), the basic form (`20240101T100000Z`) and Finnish
//! spreadsheet dates, day first with dots (`24.11.2026 13:45`, `2.1.2023
//! 8.50`); these are tried only when the ISO form fails.
//!
//! Hand-written on purpose: it runs once per event (a million times for a
//! large log) and this fixed grammar parses in a few nanoseconds; calendar
//! validity is checked with the `time` crate.

use crate::zone::{LocalClock, TimeZone};

const NANOS_PER_SECOND: i64 = 1_000_000_000;

/// Parses `text` into nanoseconds since the Unix epoch (UTC), `None` if it
/// is not an ISO 8601 date or date-time. No offset means UTC.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    parse_timestamp_bytes_in(text.as_bytes(), &TimeZone::UTC)
}

/// [`parse_timestamp`] with times without an offset read in `zone` (see
/// [`TimeZone`] for the hours that do not exist or come twice).
pub fn parse_timestamp_in(text: &str, zone: &TimeZone) -> Option<i64> {
    parse_timestamp_bytes_in(text.as_bytes(), zone)
}

/// [`parse_timestamp`] on raw bytes, so a reader need not check UTF-8 first
/// (anything outside ASCII is refused anyway).
pub fn parse_timestamp_bytes(text: &[u8]) -> Option<i64> {
    parse_timestamp_bytes_in(text, &TimeZone::UTC)
}

/// [`parse_timestamp_in`] on raw bytes.
#[inline]
pub fn parse_timestamp_bytes_in(text: &[u8], zone: &TimeZone) -> Option<i64> {
    let b = text.trim_ascii();
    let (nanos, naive) = parse_iso(b).or_else(|| parse_other(b))?;
    if naive {
        zone.local_to_utc(nanos)
    } else {
        Some(nanos)
    }
}

/// [`parse_timestamp_bytes_in`] through a clock that remembers the zone's
/// offset between its changes, for readers that parse a whole log.
#[inline]
pub(crate) fn parse_timestamp_bytes_on(text: &[u8], clock: &mut LocalClock) -> Option<i64> {
    let b = text.trim_ascii();
    let (nanos, naive) = parse_iso(b).or_else(|| parse_other(b))?;
    if naive {
        clock.local_to_utc(nanos)
    } else {
        Some(nanos)
    }
}

/// The other spellings, rewritten into the ISO form: the basic form
/// (`20240101T100000Z`) and day-first dotted dates (`24.11.2026 13:45`).
#[cold]
fn parse_other(b: &[u8]) -> Option<(i64, bool)> {
    let mut iso = Vec::with_capacity(b.len() + 8);
    if b.len() >= 15 && matches!(b[8], b'T' | b't') {
        iso.extend_from_slice(&b[0..4]);
        iso.push(b'-');
        iso.extend_from_slice(&b[4..6]);
        iso.push(b'-');
        iso.extend_from_slice(&b[6..8]);
        iso.push(b'T');
        iso.extend_from_slice(&b[9..11]);
        iso.push(b':');
        iso.extend_from_slice(&b[11..13]);
        iso.push(b':');
        iso.extend_from_slice(&b[13..]);
        if !b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit) {
            return None;
        }
        return parse_iso(&iso);
    }
    let (date, time) = match b.iter().position(|&c| c == b' ') {
        Some(i) => (&b[..i], Some(b[i + 1..].trim_ascii_start())),
        None => (b, None),
    };
    let mut parts = date.split(|&c| c == b'.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    let padded = |iso: &mut Vec<u8>, field: &[u8]| -> Option<()> {
        match field.len() {
            1 => iso.push(b'0'),
            2 => {}
            _ => return None,
        }
        iso.extend_from_slice(field);
        Some(())
    };
    iso.extend_from_slice(year);
    iso.push(b'-');
    padded(&mut iso, month)?;
    iso.push(b'-');
    padded(&mut iso, day)?;
    if let Some(time) = time {
        let mut fields = time.split(|&c| c == b':' || c == b'.');
        let (hour, minute) = (fields.next()?, fields.next()?);
        iso.push(b' ');
        padded(&mut iso, hour)?;
        iso.push(b':');
        if minute.len() != 2 {
            return None;
        }
        iso.extend_from_slice(minute);
        if let Some(second) = fields.next() {
            if second.len() != 2 {
                return None;
            }
            iso.push(b':');
            iso.extend_from_slice(second);
        }
        if fields.next().is_some() {
            return None;
        }
    }
    parse_iso(&iso)
}

/// The ISO 8601 extended form: the instant as if a missing offset were UTC,
/// and whether the offset was missing.
fn parse_iso(b: &[u8]) -> Option<(i64, bool)> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])? as i32;
    let month = digits(&b[5..7])? as u8;
    let day = digits(&b[8..10])? as u8;
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let days = i64::from(date.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY;
    let mut rest = &b[10..];
    let mut seconds_of_day = 0i64;
    let mut nanos = 0i64;
    let mut naive = true;
    if let Some((&sep, after)) = rest.split_first() {
        if sep != b'T' && sep != b't' && sep != b' ' {
            return None;
        }
        rest = after;
        if rest.len() < 5 || rest[2] != b':' {
            return None;
        }
        let hour = digits(&rest[0..2])?;
        let minute = digits(&rest[3..5])?;
        rest = &rest[5..];
        let mut second = 0;
        if rest.first() == Some(&b':') {
            second = digits(rest.get(1..3)?)?;
            rest = &rest[3..];
            if matches!(rest.first(), Some(b'.' | b',')) {
                let fraction_len = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if fraction_len == 0 {
                    return None;
                }
                let fraction = &rest[1..1 + fraction_len];
                let used = &fraction[..fraction_len.min(9)];
                nanos = digits(used)? * 10i64.pow(9 - used.len() as u32);
                rest = &rest[1 + fraction_len..];
            }
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        seconds_of_day = hour * 3600 + minute * 60 + second;
        seconds_of_day -= offset_seconds(rest)?;
        naive = rest.is_empty();
    }
    let seconds = days.checked_mul(86_400)?.checked_add(seconds_of_day)?;
    let nanos = seconds.checked_mul(NANOS_PER_SECOND)?.checked_add(nanos)?;
    Some((nanos, naive))
}

/// Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The offset written after the time, in seconds east of UTC.
fn offset_seconds(rest: &[u8]) -> Option<i64> {
    // One space may come before it.
    let rest = match rest {
        [b' ', tail @ ..] if !tail.is_empty() => tail,
        _ => rest,
    };
    match rest {
        [] | [b'Z'] | [b'z'] | [b'U', b'T', b'C'] => Some(0),
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let (hours, minutes) = match tail {
                [h1, h2] => (digits(&[*h1, *h2])?, 0),
                [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => {
                    (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?)
                }
                _ => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 3600 + minutes * 60;
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => None,
    }
}

fn digits(bytes: &[u8]) -> Option<i64> {
    if bytes.is_empty() {
        return None;
    }
    bytes.iter().try_fold(0i64, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(text: &str) -> i64 {
        parse_timestamp(text)
            .map(|n| n / NANOS_PER_SECOND)
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn naive_times_are_utc_and_offsets_are_converted() {
        assert_eq!(secs("1970-01-01 00:00:00"), 0);
        assert_eq!(secs("1970-01-01T00:00:00Z"), 0);
        assert_eq!(
            secs("2024-03-31T03:30:00+03:00"),
            secs("2024-03-31 00:30:00")
        );
        assert_eq!(
            secs("2024-03-31T01:30:00+0200"),
            secs("2024-03-30T23:30:00Z")
        );
        assert_eq!(secs("2024-03-31T01:30:00-05"), secs("2024-03-31T06:30:00"));
        assert_eq!(secs("2024-02-29"), secs("2024-02-29 00:00"));
        assert_eq!(secs("2000-01-01T00:00:00"), 946_684_800);
        assert_eq!(secs("1960-01-01 00:00:00"), -315_619_200);
    }

    #[test]
    fn other_spellings_people_use_are_read() {
        let utc = secs("2024-01-01T10:00:00Z");
        assert_eq!(secs("2024-01-01 10:00:00 UTC"), utc);
        assert_eq!(secs("2024-01-01 10:00:00UTC"), utc);
        assert_eq!(secs("2024-01-01 12:00:00 +02:00"), utc);
        assert_eq!(secs("2024-01-01 05:00:00 -0500"), utc);
        assert_eq!(secs("2024-01-01 10:00:00 Z"), utc);
        assert_eq!(secs("20240101T100000Z"), utc);
        assert_eq!(secs("20240101T120000+0200"), utc);
        assert_eq!(secs("20240101T100000"), utc);
        assert_eq!(
            parse_timestamp("20240101T100000.5Z"),
            parse_timestamp("2024-01-01T10:00:00.5Z")
        );
        // Finnish spreadsheet dates: day first.
        assert_eq!(secs("24.11.2026 13:45"), secs("2026-11-24T13:45:00"));
        assert_eq!(secs("2.1.2023 8.50"), secs("2023-01-02T08:50:00"));
        assert_eq!(secs("2.1.2023 8:50:30"), secs("2023-01-02T08:50:30"));
        assert_eq!(secs("02.01.2023"), secs("2023-01-02"));
    }

    #[test]
    fn fractions_keep_nanoseconds() {
        assert_eq!(
            parse_timestamp("1970-01-01T00:00:01.5"),
            Some(1_500_000_000)
        );
        assert_eq!(
            parse_timestamp("1970-01-01T00:00:00.123456789123Z"),
            Some(123_456_789)
        );
        assert_eq!(parse_timestamp("1970-01-01 00:00:00,25"), Some(250_000_000));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "2023-02-29 10:00",
            "2024-01-01X10:00",
            "2024-01-01 25:00",
            "2024-01-01 10:60",
            "2024-01-01 10:00:00.",
            "2024-01-01 10:00:00+2",
            "2024-01-01 10:00:00  UTC",
            "2024-01-01 10:00:00 EET",
            "24-01-01",
            "20240101T1000",
            "2024011T100000Z",
            "32.1.2023",
            "1.13.2023 8.50",
            "1.1.23 8.50",
            "1.1.2023 8.5",
            "1.1.2023 8.50.00.1",
            "11/24/2026 13:45",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
    }
}
