//! Optional and multi-line text fields and dates typed into group forms.

use time::Date;
use time::macros::format_description;

use crate::{ErrorCode, ValidationError};

/// Text of at most `max` characters that may be empty; `multiline` allows
/// line breaks (and tabs), which are otherwise control characters. Lines
/// end in `\n` whatever the browser sent.
pub(crate) fn optional_text(
    raw: &str,
    field: &'static str,
    max: usize,
    multiline: bool,
) -> Result<String, ValidationError> {
    let text = if multiline {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_owned()
    };
    if text.chars().count() > max {
        return Err(ValidationError::new(field, ErrorCode::TooLong));
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ValidationError::new(field, ErrorCode::ControlCharacters));
    }
    Ok(text.trim().to_owned())
}

/// A date as `YYYY-MM-DD` (what `<input type="date">` sends); `None` when
/// empty and not `required`.
pub(crate) fn parse_date(
    raw: &str,
    field: &'static str,
    required: bool,
) -> Result<Option<Date>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return if required {
            Err(ValidationError::new(field, ErrorCode::Required))
        } else {
            Ok(None)
        };
    }
    Date::parse(raw, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| ValidationError::new(field, ErrorCode::InvalidDate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_kept_only_where_allowed() {
        assert_eq!(
            optional_text(" a\r\nb ", "f", 10, true),
            Ok("a\nb".to_owned())
        );
        assert!(optional_text("a\nb", "f", 10, false).is_err());
        assert_eq!(optional_text("", "f", 10, false), Ok(String::new()));
    }

    #[test]
    fn dates_are_iso() {
        assert!(parse_date("2026-13-01", "d", true).is_err());
        assert_eq!(parse_date(" ", "d", false), Ok(None));
        assert!(parse_date("", "d", true).is_err());
    }
}
