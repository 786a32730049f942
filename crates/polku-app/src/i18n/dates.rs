//! Dates and times as each language writes them, in Finnish time (UTC+2, and
//! UTC+3 in summer by the EU rule: from the last Sunday of March to the last
//! Sunday of October, switching at 01:00 UTC): `12.3.2025 klo 14.05`,
//! `12.3.2025 kl. 14.05`, `12 March 2025, 14:05`.

use polku_domain::Language;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

use super::Tr;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Tr {
    /// A moment as a date and time of day in Finnish time.
    pub fn date_time(&self, at: OffsetDateTime) -> String {
        let local = finnish_time(at);
        let (day, month, year) = (local.day(), u8::from(local.month()), local.year());
        let (hour, minute) = (local.hour(), local.minute());
        match self.language() {
            Language::Fi => format!("{day}.{month}.{year} klo {hour}.{minute:02}"),
            Language::Sv => format!("{day}.{month}.{year} kl. {hour}.{minute:02}"),
            Language::En => {
                let name = MONTHS_EN[usize::from(month - 1)];
                format!("{day} {name} {year}, {hour:02}:{minute:02}")
            }
        }
    }
}

impl Tr {
    /// A time of day in Finnish time: `14.05` (fi, sv), `14:05` (en).
    pub fn time_of_day(&self, at: OffsetDateTime) -> String {
        let local = finnish_time(at);
        let (hour, minute) = (local.hour(), local.minute());
        match self.language() {
            Language::Fi | Language::Sv => format!("{hour}.{minute:02}"),
            Language::En => format!("{hour:02}:{minute:02}"),
        }
    }

    /// A calendar day as the language writes it: `15.3.2026`, `15 March 2026`.
    pub fn date(&self, date: Date) -> String {
        let (day, month, year) = (date.day(), u8::from(date.month()), date.year());
        match self.language() {
            Language::Fi | Language::Sv => format!("{day}.{month}.{year}"),
            Language::En => format!("{day} {} {year}", MONTHS_EN[usize::from(month - 1)]),
        }
    }
}

/// `at` in Finnish time.
fn finnish_time(at: OffsetDateTime) -> OffsetDateTime {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let summer = last_sunday_at_one_utc(year, Month::March)
        .zip(last_sunday_at_one_utc(year, Month::October))
        .is_some_and(|(start, end)| utc >= start && utc < end);
    let hours = if summer { 3 } else { 2 };
    match UtcOffset::from_hms(hours, 0, 0) {
        Ok(offset) => utc.to_offset(offset),
        Err(_) => utc,
    }
}

/// 01:00 UTC on the last Sunday of `month` (March or October, both 31 days).
fn last_sunday_at_one_utc(year: i32, month: Month) -> Option<OffsetDateTime> {
    let last = Date::from_calendar_date(year, month, 31).ok()?;
    let back = last.weekday().number_days_from_sunday();
    let sunday = last - time::Duration::days(i64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sunday);
    let one = Time::from_hms(1, 0, 0).ok()?;
    Some(PrimitiveDateTime::new(sunday, one).assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(year: i32, month: Month, day: u8, hour: u8, minute: u8) -> OffsetDateTime {
        let date = Date::from_calendar_date(year, month, day).expect("date");
        let time = Time::from_hms(hour, minute, 0).expect("time");
        PrimitiveDateTime::new(date, time).assume_utc()
    }

    #[test]
    fn times_are_finnish_in_winter_and_summer() {
        let winter = utc(2025, Month::January, 5, 10, 7);
        assert_eq!(
            Tr::new(Language::Fi).date_time(winter),
            "5.1.2025 klo 12.07"
        );
        assert_eq!(
            Tr::new(Language::Sv).date_time(winter),
            "5.1.2025 kl. 12.07"
        );
        assert_eq!(
            Tr::new(Language::En).date_time(winter),
            "5 January 2025, 12:07"
        );
        let summer = utc(2025, Month::July, 1, 21, 30);
        assert_eq!(Tr::new(Language::Fi).date_time(summer), "2.7.2025 klo 0.30");
    }

    #[test]
    fn summer_time_switches_on_the_last_sundays_at_one_utc() {
        let fi = Tr::new(Language::Fi);
        // 2025: 30 March and 26 October.
        assert_eq!(
            fi.date_time(utc(2025, Month::March, 30, 0, 59)),
            "30.3.2025 klo 2.59"
        );
        assert_eq!(
            fi.date_time(utc(2025, Month::March, 30, 1, 0)),
            "30.3.2025 klo 4.00"
        );
        assert_eq!(
            fi.date_time(utc(2025, Month::October, 26, 0, 59)),
            "26.10.2025 klo 3.59"
        );
        assert_eq!(
            fi.date_time(utc(2025, Month::October, 26, 1, 0)),
            "26.10.2025 klo 3.00"
        );
    }
}
