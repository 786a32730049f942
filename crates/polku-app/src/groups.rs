//! Development groups: the calendar file of a workshop series, which the
//! web serves and a command could write.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use polku_domain::Workshop;
use time::OffsetDateTime;

use crate::Tr;

/// What a series' calendar names.
#[derive(Debug, Clone, Copy)]
pub struct SeriesCalendar<'a> {
    /// The group's name in the reader's language.
    pub group: &'a str,
    /// The series' name.
    pub series: &'a str,
    /// Its workshops.
    pub workshops: &'a [Workshop],
}

/// The series as an iCalendar (RFC 5545) file: one VEVENT per workshop,
/// with a UID that stays the same when the workshop is edited (so calendar
/// apps update rather than duplicate it), times in UTC, the place as its
/// location and the agenda, in `t`'s language, as its description.
pub fn series_calendar(calendar: SeriesCalendar<'_>, t: Tr) -> String {
    let mut ics = Calendar::new();
    ics.name(&format!("{} – {}", calendar.series, calendar.group));
    for workshop in calendar.workshops {
        let details = &workshop.details;
        let agenda: Vec<String> = details
            .agenda
            .iter()
            .map(|item| match (item.method, item.text.as_str()) {
                (Some(method), "") => t.get(method.label_key()),
                (Some(method), text) => format!("{}: {text}", t.get(method.label_key())),
                (None, text) => text.to_owned(),
            })
            .collect();
        let mut event = Event::new();
        event
            .uid(&format!("{}@polku", workshop.id))
            .summary(&format!("{} – {}", calendar.series, calendar.group))
            .starts(utc(details.starts_at))
            .ends(utc(details.ends_at()))
            // A fixed stamp, so the same workshops give the same file.
            .timestamp(utc(details.starts_at));
        if !details.place.is_empty() {
            event.location(&details.place);
        }
        if !agenda.is_empty() {
            event.description(&agenda.join("\n"));
        }
        ics.push(event.done());
    }
    ics.done().to_string()
}

fn utc(at: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(at.unix_timestamp(), 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use polku_domain::{Language, NewWorkshop, WorkshopId};

    #[test]
    fn each_workshop_is_one_event_in_utc_with_a_stable_uid() {
        let agenda = [("dot_voting".to_owned(), "Mikä tärkeintä?".to_owned())];
        let details =
            NewWorkshop::parse("2026-06-15", "13:00", "90", "Kirjasto", &agenda).expect("valid");
        let id = WorkshopId::new();
        let workshops = [Workshop { id, details }];
        let text = series_calendar(
            SeriesCalendar {
                group: "Ryhmä",
                series: "Kevät",
                workshops: &workshops,
            },
            Tr::new(Language::Fi),
        );
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains(&format!("UID:{id}@polku")), "{text}");
        assert!(text.contains("DTSTART:20260615T100000Z"), "{text}");
        assert!(text.contains("DTEND:20260615T113000Z"), "{text}");
        assert!(text.contains("LOCATION:Kirjasto"), "{text}");
    }
}
