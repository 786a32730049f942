//! Workspaces (hanke) and the roles of their members.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime};

use crate::{DisplayName, Email, ErrorCode, UserId, ValidationError, WorkspaceId, bounded_text};

/// A workspace's name, 1 to 120 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WorkspaceName(String);

impl WorkspaceName {
    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// Longest name accepted.
    pub const MAX_CHARS: usize = 120;

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One development initiative with its groups and members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The workspace's id.
    pub id: WorkspaceId,
    /// Its name.
    pub name: WorkspaceName,
    /// When it was created.
    pub created_at: OffsetDateTime,
    /// Its privacy settings.
    pub settings: WorkspaceSettings,
}

/// The privacy rules a workspace's owners set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkspaceSettings {
    /// The smallest group a figure shows as a number.
    pub small_group_threshold: SmallGroupThreshold,
    /// How long participants' pseudonyms outlive a closed series.
    pub retention_months: RetentionMonths,
}

/// The smallest group any figure (votes by perspective, counts from a log)
/// shows as a number, 3 to 20; a smaller group shows as "< N", as Finnish
/// statistics do, so that no figure can be traced to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SmallGroupThreshold(u32);

impl SmallGroupThreshold {
    /// The smallest threshold allowed.
    pub const MIN: u32 = 3;
    /// The largest threshold allowed.
    pub const MAX: u32 = 20;
    /// A new workspace's threshold.
    pub const DEFAULT: Self = Self(5);

    /// Validates a threshold given as a number.
    pub fn new(value: i64) -> Result<Self, ValidationError> {
        ranged(value, Self::MIN, Self::MAX)
            .map(Self)
            .ok_or(ValidationError::new(
                "small_group_threshold",
                ErrorCode::InvalidSmallGroupThreshold,
            ))
    }

    /// Validates a threshold typed into a form.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::new(whole_number(
            raw,
            "small_group_threshold",
            ErrorCode::InvalidSmallGroupThreshold,
        )?)
    }

    /// The threshold as a number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl Default for SmallGroupThreshold {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl fmt::Display for SmallGroupThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// How many calendar months after a workshop series closes (or a session
/// without a series closes) its participants' nicknames, tokens and return
/// codes are erased, 1 to 60; notes and votes are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RetentionMonths(u32);

impl RetentionMonths {
    /// The shortest period allowed.
    pub const MIN: u32 = 1;
    /// The longest period allowed (five years).
    pub const MAX: u32 = 60;
    /// A new workspace's period.
    pub const DEFAULT: Self = Self(12);

    /// Validates a period given as a number.
    pub fn new(value: i64) -> Result<Self, ValidationError> {
        ranged(value, Self::MIN, Self::MAX)
            .map(Self)
            .ok_or(ValidationError::new(
                "retention_months",
                ErrorCode::InvalidRetentionMonths,
            ))
    }

    /// Validates a period typed into a form.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::new(whole_number(
            raw,
            "retention_months",
            ErrorCode::InvalidRetentionMonths,
        )?)
    }

    /// The period in months.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// The moment before which something must have closed to be erased at
    /// `now`: the same time of day this many calendar months earlier.
    pub fn erase_before(self, now: OffsetDateTime) -> OffsetDateTime {
        months_earlier(now, self.0)
    }
}

impl Default for RetentionMonths {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl fmt::Display for RetentionMonths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `value` as a `u32` when it lies in `min..=max`.
fn ranged(value: i64, min: u32, max: u32) -> Option<u32> {
    u32::try_from(value)
        .ok()
        .filter(|v| (min..=max).contains(v))
}

/// A whole number typed into a form: `Required` when blank, `invalid` when
/// not a number.
fn whole_number(
    raw: &str,
    field: &'static str,
    invalid: ErrorCode,
) -> Result<i64, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, ErrorCode::Required));
    }
    trimmed
        .parse::<i64>()
        .map_err(|_| ValidationError::new(field, invalid))
}

/// `at` moved back `months` calendar months, in UTC, keeping the time of
/// day; a day the earlier month lacks becomes its last day (31 March less
/// one month is 28 or 29 February).
pub fn months_earlier(at: OffsetDateTime, months: u32) -> OffsetDateTime {
    let at = at.to_offset(time::UtcOffset::UTC);
    let index = i64::from(at.year()) * 12 + i64::from(u8::from(at.month())) - 1 - i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MIN);
    let month = u8::try_from(index.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(Month::January);
    let date = Date::from_calendar_date(year, month, at.day().min(month.length(year)))
        .unwrap_or(Date::MIN);
    at.replace_date(date)
}

/// What an account may do in a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything; for managers and decision makers.
    Viewer,
    /// Runs groups and workshops and manages members other than owners.
    Facilitator,
    /// Everything, including the owner role itself.
    Owner,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 3] = [Role::Owner, Role::Facilitator, Role::Viewer];

    /// Stable text form, used in SQL, the API and as a translation key suffix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Facilitator => "facilitator",
            Role::Viewer => "viewer",
        }
    }

    /// The translation key of the role's name, e.g. `role-owner`.
    pub const fn label_key(self) -> &'static str {
        match self {
            Role::Owner => "role-owner",
            Role::Facilitator => "role-facilitator",
            Role::Viewer => "role-viewer",
        }
    }

    /// Whether this role may invite and remove members and change roles.
    pub const fn can_manage_members(self) -> bool {
        matches!(self, Role::Owner | Role::Facilitator)
    }

    /// Whether this role may give or take away `target`: only an owner
    /// handles owners.
    pub fn can_assign(self, target: Role) -> bool {
        self.can_manage_members() && (target != Role::Owner || self == Role::Owner)
    }
}

impl Role {
    /// Whether this role may change a member's role from `from` to `to`.
    pub fn can_change(self, from: Role, to: Role) -> bool {
        self.can_assign(from) && self.can_assign(to)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "owner" => Ok(Role::Owner),
            "facilitator" => Ok(Role::Facilitator),
            "viewer" => Ok(Role::Viewer),
            _ => Err(ValidationError::new("role", ErrorCode::InvalidRole)),
        }
    }
}

/// An account's membership in a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The account.
    pub user_id: UserId,
    /// Its display name.
    pub name: DisplayName,
    /// Its e-mail address.
    pub email: Email,
    /// Its role in this workspace.
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_owners_hand_out_ownership() {
        assert!(Role::Owner.can_assign(Role::Owner));
        assert!(!Role::Facilitator.can_assign(Role::Owner));
        assert!(Role::Facilitator.can_assign(Role::Viewer));
        assert!(!Role::Viewer.can_assign(Role::Viewer));
    }

    #[test]
    fn facilitators_change_roles_below_owner_only() {
        assert!(Role::Facilitator.can_change(Role::Viewer, Role::Facilitator));
        assert!(!Role::Facilitator.can_change(Role::Viewer, Role::Owner));
        assert!(!Role::Facilitator.can_change(Role::Owner, Role::Viewer));
        assert!(Role::Owner.can_change(Role::Owner, Role::Viewer));
    }

    #[test]
    fn role_text_round_trips() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("admin".parse::<Role>().is_err());
    }

    fn utc(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .expect("a test time")
    }

    #[test]
    fn months_are_counted_on_the_calendar_with_the_day_clamped() {
        let at = utc("2027-03-31T10:15:00Z");
        assert_eq!(months_earlier(at, 1), utc("2027-02-28T10:15:00Z"));
        assert_eq!(
            months_earlier(utc("2028-03-31T10:15:00Z"), 1),
            utc("2028-02-29T10:15:00Z"),
            "leap year"
        );
        assert_eq!(
            months_earlier(at, 3),
            utc("2026-12-31T10:15:00Z"),
            "across a year"
        );
        assert_eq!(months_earlier(at, 12), utc("2026-03-31T10:15:00Z"));
        assert_eq!(months_earlier(at, 60), utc("2022-03-31T10:15:00Z"));
        assert_eq!(
            months_earlier(utc("2027-01-15T00:00:00Z"), 1),
            utc("2026-12-15T00:00:00Z")
        );
        assert_eq!(months_earlier(at, 0), at);
        assert_eq!(
            months_earlier(utc("2027-05-31T23:30:00+02:00"), 1),
            utc("2027-04-30T21:30:00Z"),
            "counted in UTC"
        );
    }

    #[test]
    fn retention_counts_whole_months_back_from_now() {
        let now = utc("2027-08-31T12:00:00Z");
        let months = RetentionMonths::new(6).expect("valid");
        assert_eq!(months.erase_before(now), utc("2027-02-28T12:00:00Z"));
        assert_eq!(RetentionMonths::default().get(), 12);
    }

    #[test]
    fn settings_stay_within_their_limits() {
        assert_eq!(SmallGroupThreshold::default().get(), 5);
        assert_eq!(
            SmallGroupThreshold::parse(" 3 ").map(SmallGroupThreshold::get),
            Ok(3)
        );
        assert_eq!(
            SmallGroupThreshold::new(20).map(SmallGroupThreshold::get),
            Ok(20)
        );
        for bad in ["2", "21", "-5", "5.5", "viisi", "99999999999999999999"] {
            assert_eq!(
                SmallGroupThreshold::parse(bad),
                Err(ValidationError::new(
                    "small_group_threshold",
                    ErrorCode::InvalidSmallGroupThreshold
                )),
                "{bad}"
            );
        }
        assert_eq!(
            SmallGroupThreshold::parse(""),
            Err(ValidationError::new(
                "small_group_threshold",
                ErrorCode::Required
            ))
        );
        assert_eq!(RetentionMonths::parse("1").map(RetentionMonths::get), Ok(1));
        assert_eq!(
            RetentionMonths::parse("60").map(RetentionMonths::get),
            Ok(60)
        );
        for bad in ["0", "61", "-1", "x"] {
            assert_eq!(
                RetentionMonths::parse(bad),
                Err(ValidationError::new(
                    "retention_months",
                    ErrorCode::InvalidRetentionMonths
                )),
                "{bad}"
            );
        }
        assert_eq!(
            RetentionMonths::parse(" "),
            Err(ValidationError::new(
                "retention_months",
                ErrorCode::Required
            ))
        );
    }

    #[test]
    fn blank_and_overlong_workspace_names_are_refused() {
        assert_eq!(
            WorkspaceName::parse("   ").map(|_| ()),
            Err(ValidationError::new("name", ErrorCode::Required))
        );
        assert_eq!(
            WorkspaceName::parse(&"x".repeat(121)).map(|_| ()),
            Err(ValidationError::new("name", ErrorCode::TooLong))
        );
        assert_eq!(
            WorkspaceName::parse(" Polku-hanke ").map(|n| n.as_str().to_owned()),
            Ok("Polku-hanke".into())
        );
    }
}
