//! Workshop series (työpajasarja): a group's way through the phases of the
//! work, its workshops with their agendas, and the data-collection periods
//! between them.

use serde::{Deserialize, Serialize};
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::text::{optional_text, parse_date};
use crate::{ErrorCode, GroupId, SeriesId, ValidationError, WorkshopId, bounded_text};

text_enum!(
    /// The phases a workshop series moves through (DOMAIN.md).
    Phase, "phase", ErrorCode::InvalidPhase, [
        /// Shared understanding and initial coaching (alkuvalmennus).
        InitialCoaching = "initial_coaching" => "phase-initial_coaching",
        /// Mapping the current state and local development needs.
        CurrentState = "current_state" => "phase-current_state",
        /// Choosing a few primary needs.
        PrimaryNeeds = "primary_needs" => "phase-primary_needs",
        /// Ideation with service-design methods.
        Ideation = "ideation" => "phase-ideation",
        /// Refining solutions.
        Refining = "refining" => "phase-refining",
        /// Trying solutions in practice.
        Pilots = "pilots" => "phase-pilots",
        /// Evaluating what was tried.
        Evaluation = "evaluation" => "phase-evaluation",
    ]
);

text_enum!(
    /// The method library: ways of working a workshop's agenda item can
    /// follow, each with plain-language instructions.
    Method, "agenda", ErrorCode::InvalidMethod, [
        /// Everyone speaks in turn, without interruptions.
        DialogueRound = "dialogue_round" => "method-dialogue_round",
        /// Drawing a client's service path together.
        PathMapping = "path_mapping" => "method-path_mapping",
        /// Everyone marks what matters most with a few dots.
        DotVoting = "dot_voting" => "method-dot_voting",
        /// Doing together (social circus, drama, walking) before talking.
        FunctionalMethod = "functional_method" => "method-functional_method",
        /// What went well and what to change, at the end.
        FeedbackRound = "feedback_round" => "method-feedback_round",
    ]
);

impl Phase {
    /// The translation keys of the questions a live board asks in this
    /// phase, one column each.
    pub const fn board_question_keys(self) -> &'static [&'static str] {
        match self {
            Phase::InitialCoaching => &["board-q-initial-hopes", "board-q-initial-worries"],
            Phase::CurrentState => &[
                "board-q-current-works",
                "board-q-current-stuck",
                "board-q-current-falls",
            ],
            Phase::PrimaryNeeds => &["board-q-needs-most", "board-q-needs-first"],
            Phase::Ideation => &["board-q-ideas-new", "board-q-ideas-small"],
            Phase::Refining => &["board-q-refine-who", "board-q-refine-needs"],
            Phase::Pilots => &["board-q-pilots-try", "board-q-pilots-measure"],
            Phase::Evaluation => &[
                "board-q-eval-worked",
                "board-q-eval-change",
                "board-q-eval-keep",
            ],
        }
    }
}

impl Method {
    /// The translation key of its plain-language instructions.
    pub const fn instructions_key(self) -> &'static str {
        match self {
            Method::DialogueRound => "method-dialogue_round-how",
            Method::PathMapping => "method-path_mapping-how",
            Method::DotVoting => "method-dot_voting-how",
            Method::FunctionalMethod => "method-functional_method-how",
            Method::FeedbackRound => "method-feedback_round-how",
        }
    }
}

/// A series' name, 1 to 120 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeriesName(String);

impl SeriesName {
    /// Longest name accepted.
    pub const MAX_CHARS: usize = 120;

    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A workshop series of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopSeries {
    /// Its id.
    pub id: SeriesId,
    /// The group it belongs to.
    pub group_id: GroupId,
    /// Its name.
    pub name: SeriesName,
    /// The phase it is in now.
    pub phase: Phase,
    /// When a facilitator closed it; `None` while it runs. A closed series
    /// takes no changes until reopened, and its participants' pseudonyms are
    /// erased the workspace's retention period after this moment.
    pub closed_at: Option<OffsetDateTime>,
}

impl WorkshopSeries {
    /// Whether a facilitator has closed it.
    pub const fn is_closed(&self) -> bool {
        self.closed_at.is_some()
    }
}

/// One item of a workshop's agenda: a method from the library (with an
/// optional note), or the facilitator's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The method, if one from the library.
    pub method: Option<Method>,
    /// The facilitator's own text (required without a method).
    pub text: String,
}

/// A workshop of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// Its id.
    pub id: WorkshopId,
    /// What was asked for it.
    pub details: NewWorkshop,
}

/// A workshop as a facilitator sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWorkshop {
    /// When it starts.
    pub starts_at: OffsetDateTime,
    /// How long it lasts, in minutes.
    pub duration_minutes: u16,
    /// Where: an address or a link.
    pub place: String,
    /// Its agenda, in order.
    pub agenda: Vec<AgendaItem>,
}

impl NewWorkshop {
    /// Longest workshop, in minutes (a long day).
    pub const MAX_MINUTES: u16 = 720;
    /// Longest place text.
    pub const PLACE_MAX: usize = 300;
    /// Longest agenda item text.
    pub const AGENDA_TEXT_MAX: usize = 500;
    /// Most items an agenda holds.
    pub const AGENDA_MAX: usize = 20;

    /// Checks a workshop typed into a form: `date` (`YYYY-MM-DD`) and
    /// `time` (`HH:MM`) in Finnish time, `duration` in minutes, `place`,
    /// and agenda rows of (method or empty, text), empty rows skipped.
    pub fn parse(
        date: &str,
        time: &str,
        duration: &str,
        place: &str,
        agenda: &[(String, String)],
    ) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let date = parse_date(date, "date", true)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let time = parse_time(time).map_err(|e| errors.push(e)).ok();
        let duration_minutes = match duration.trim().parse::<u16>() {
            Ok(m) if (1..=Self::MAX_MINUTES).contains(&m) => m,
            _ if duration.trim().is_empty() => {
                errors.push(ValidationError::new("duration", ErrorCode::Required));
                0
            }
            _ => {
                errors.push(ValidationError::new("duration", ErrorCode::InvalidDuration));
                0
            }
        };
        let place = optional_text(place, "place", Self::PLACE_MAX, false)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let mut items = Vec::new();
        for (method, text) in agenda {
            let method = match method.trim() {
                "" => None,
                raw => match raw.parse::<Method>() {
                    Ok(m) => Some(m),
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                },
            };
            match optional_text(text, "agenda", Self::AGENDA_TEXT_MAX, false) {
                Ok(text) if method.is_none() && text.is_empty() => {}
                Ok(text) => items.push(AgendaItem { method, text }),
                Err(e) => errors.push(e),
            }
        }
        if items.len() > Self::AGENDA_MAX {
            errors.push(ValidationError::new(
                "agenda",
                ErrorCode::TooManyAgendaItems,
            ));
        }
        errors.dedup_by_key(|e| e.field);
        match (date, time) {
            (Some(date), Some(time)) if errors.is_empty() => Ok(Self {
                starts_at: helsinki_to_utc(date, time),
                duration_minutes,
                place,
                agenda: items,
            }),
            _ => Err(errors),
        }
    }

    /// When it ends.
    pub fn ends_at(&self) -> OffsetDateTime {
        self.starts_at + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// Its start as a facilitator types it: the day (`YYYY-MM-DD`) and the
    /// time (`HH:MM`) in Finnish time, as [`NewWorkshop::parse`] reads them.
    pub fn local_start(&self) -> (String, String) {
        let local = utc_to_helsinki(self.starts_at);
        (
            format!(
                "{:04}-{:02}-{:02}",
                local.year(),
                u8::from(local.month()),
                local.day()
            ),
            format!("{:02}:{:02}", local.hour(), local.minute()),
        )
    }
}

fn parse_time(raw: &str) -> Result<Time, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ValidationError::new("time", ErrorCode::Required));
    }
    // Browsers send `HH:MM`, people type `H.MM` as Finns write it.
    let raw = raw.replace('.', ":");
    let padded = if raw.find(':') == Some(1) {
        format!("0{raw}")
    } else {
        raw
    };
    Time::parse(&padded, format_description!("[hour]:[minute]"))
        .map_err(|_| ValidationError::new("time", ErrorCode::InvalidTime))
}

/// A wall-clock time in Finland (Europe/Helsinki: UTC+2, UTC+3 from 01:00
/// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October) as a moment in UTC. In the hour that repeats in October the
/// earlier (summer) moment is taken; a time in the skipped spring hour is
/// read as winter time.
pub fn helsinki_to_utc(date: Date, time: Time) -> OffsetDateTime {
    let local = PrimitiveDateTime::new(date, time);
    let summer =
        local.assume_offset(UtcOffset::from_whole_seconds(3 * 3600).unwrap_or(UtcOffset::UTC));
    if is_summer_time(summer) {
        return summer.to_offset(UtcOffset::UTC);
    }
    local
        .assume_offset(UtcOffset::from_whole_seconds(2 * 3600).unwrap_or(UtcOffset::UTC))
        .to_offset(UtcOffset::UTC)
}

/// A moment as the wall-clock time in Finland (the inverse of
/// [`helsinki_to_utc`], but in the hour that repeats in October, whose
/// second pass it reads as the first).
pub fn utc_to_helsinki(at: OffsetDateTime) -> PrimitiveDateTime {
    let hours = if is_summer_time(at) { 3 } else { 2 };
    let offset = UtcOffset::from_whole_seconds(hours * 3600).unwrap_or(UtcOffset::UTC);
    let local = at.to_offset(offset);
    PrimitiveDateTime::new(local.date(), local.time())
}

fn is_summer_time(at: OffsetDateTime) -> bool {
    let utc = at.to_offset(UtcOffset::UTC);
    let switch = |month| {
        let last = Date::from_calendar_date(utc.year(), month, 31).ok()?;
        let sunday = last - Duration::days(i64::from(last.weekday().number_days_from_sunday()));
        Some(PrimitiveDateTime::new(sunday, Time::from_hms(1, 0, 0).ok()?).assume_utc())
    };
    match (switch(time::Month::March), switch(time::Month::October)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    }
}

/// A data-collection period between workshops: what is collected, from
/// when to when (both days included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionPeriod {
    /// Its id.
    pub id: crate::PeriodId,
    /// What was asked for it.
    pub details: NewCollectionPeriod,
}

/// A data-collection period as a facilitator sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCollectionPeriod {
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// What is collected, and how.
    pub what: String,
}

impl NewCollectionPeriod {
    /// Longest description of what is collected.
    pub const WHAT_MAX: usize = 1000;

    /// Checks a period typed into a form.
    pub fn parse(starts_on: &str, ends_on: &str, what: &str) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let start = parse_date(starts_on, "starts_on", true)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let end = parse_date(ends_on, "ends_on", true)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errors.push(ValidationError::new("ends_on", ErrorCode::EndBeforeStart));
        }
        let what = match optional_text(what, "what", Self::WHAT_MAX, true) {
            Ok(w) if w.is_empty() => {
                errors.push(ValidationError::new("what", ErrorCode::Required));
                w
            }
            Ok(w) => w,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };
        match (start, end) {
            (Some(starts_on), Some(ends_on)) if errors.is_empty() => Ok(Self {
                starts_on,
                ends_on,
                what,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    #[test]
    fn finnish_wall_clock_becomes_utc_in_winter_and_summer() {
        assert_eq!(
            helsinki_to_utc(date!(2026 - 01 - 15), time!(13:00)),
            datetime!(2026-01-15 11:00 UTC)
        );
        assert_eq!(
            helsinki_to_utc(date!(2026 - 06 - 15), time!(13:00)),
            datetime!(2026-06-15 10:00 UTC)
        );
        // 29 March 2026 is the switch: 04:00 local is already summer time.
        assert_eq!(
            helsinki_to_utc(date!(2026 - 03 - 29), time!(04:00)),
            datetime!(2026-03-29 01:00 UTC)
        );
    }

    #[test]
    fn a_workshop_start_reads_back_as_typed_in_winter_and_summer() {
        for (date, time) in [
            ("2026-01-15", "09:30"),
            ("2026-06-15", "13:00"),
            ("2026-03-29", "04:00"),
            ("2026-10-25", "02:30"),
            ("2026-12-31", "23:45"),
        ] {
            let w = NewWorkshop::parse(date, time, "60", "", &[]).expect("valid");
            assert_eq!(w.local_start(), (date.to_owned(), time.to_owned()));
        }
        assert_eq!(
            utc_to_helsinki(datetime!(2026-10-25 00:30 UTC)),
            datetime!(2026-10-25 03:30),
            "still summer time"
        );
        assert_eq!(
            utc_to_helsinki(datetime!(2026-10-25 01:30 UTC)),
            datetime!(2026-10-25 03:30),
            "the hour repeats"
        );
    }

    #[test]
    fn an_agenda_holds_at_most_twenty_items() {
        let row = |n: usize| (String::new(), format!("Kohta {n}"));
        let twenty: Vec<_> = (0..NewWorkshop::AGENDA_MAX).map(row).collect();
        assert!(NewWorkshop::parse("2026-02-10", "13:00", "60", "", &twenty).is_ok());
        let more: Vec<_> = (0..=NewWorkshop::AGENDA_MAX).map(row).collect();
        let errors = NewWorkshop::parse("2026-02-10", "13:00", "60", "", &more).expect_err("long");
        assert_eq!(
            errors,
            [ValidationError::new(
                "agenda",
                ErrorCode::TooManyAgendaItems
            )]
        );
    }

    #[test]
    fn a_workshop_form_is_checked_field_by_field() {
        let agenda = vec![
            ("dot_voting".to_owned(), String::new()),
            (String::new(), "Kahvi".to_owned()),
            (String::new(), "  ".to_owned()),
        ];
        let w =
            NewWorkshop::parse("2026-02-10", "13.30", "120", "Kirjasto", &agenda).expect("valid");
        for typed in ["9.05", "9:05", "09:05", " 09.05 "] {
            let early = NewWorkshop::parse("2026-02-10", typed, "60", "", &[]).expect(typed);
            assert_eq!(early.starts_at, datetime!(2026-02-10 07:05 UTC), "{typed}");
        }
        assert_eq!(w.agenda.len(), 2);
        assert_eq!(w.ends_at(), datetime!(2026-02-10 13:30 UTC));
        let errors = NewWorkshop::parse("", "25:00", "0", "", &[("x".into(), String::new())])
            .expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date", "time", "duration", "agenda"]);
    }

    #[test]
    fn a_period_ends_after_it_starts() {
        let errors = NewCollectionPeriod::parse("2026-02-10", "2026-02-01", "Haastattelut")
            .expect_err("backwards");
        assert_eq!(errors[0].code, ErrorCode::EndBeforeStart);
        assert!(NewCollectionPeriod::parse("2026-02-01", "2026-02-01", "Kysely").is_ok());
    }

    #[test]
    fn phases_and_methods_round_trip() {
        for p in Phase::ALL {
            assert_eq!(p.as_str().parse::<Phase>(), Ok(*p));
        }
        for m in Method::ALL {
            assert_eq!(m.as_str().parse::<Method>(), Ok(*m));
        }
        assert!("brainstorm".parse::<Method>().is_err());
    }
}
