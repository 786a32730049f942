//! Numbers as each language writes them: `1 234 567` and `12,5` in Finnish and
//! Swedish (a no-break space groups thousands), `1,234,567` and `12.5` in
//! English. The one formatter for pages, the CLI summary and the SVG map.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use polku_domain::Language;
use polku_mining::svg::{DurationUnit, duration_parts};

use super::Tr;

const SECONDS_PER_DAY: f64 = 86_400.0;

impl Tr {
    /// A count with thousands grouped.
    pub fn count(&self, value: u64) -> String {
        let separator = match self.language() {
            Language::En => ',',
            Language::Fi | Language::Sv => '\u{a0}',
        };
        let digits = value.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A number with one decimal and the language's decimal mark.
    pub fn decimal(&self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self.language() {
            Language::En => text,
            Language::Fi | Language::Sv => text.replace('.', ","),
        }
    }

    /// A duration given in seconds as days with one decimal (without a unit).
    pub fn days(&self, seconds: f64) -> String {
        self.decimal(seconds_to_days(seconds))
    }
}

pub(super) fn seconds_to_days(seconds: f64) -> f64 {
    seconds / SECONDS_PER_DAY
}

/// `value` rounded to one decimal as a Fluent number that keeps its decimal
/// (so `1.0` selects `other`, as "1,0 päivää" wants).
pub(super) fn one_decimal(value: f64) -> FluentValue<'static> {
    let options = FluentNumberOptions {
        minimum_fraction_digits: Some(1),
        maximum_fraction_digits: Some(1),
        ..FluentNumberOptions::default()
    };
    FluentValue::Number(FluentNumber::new((value * 10.0).round() / 10.0, options))
}

/// The bundles' formatter: a Fluent number in `language` as Polku writes it.
/// Whole numbers are counts ([`Tr::count`]), numbers with a fixed decimal
/// decimals ([`Tr::decimal`]); anything else is left to Fluent.
pub(super) fn fluent_number(language: Language, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let tr = Tr::new(language);
    if number.options.minimum_fraction_digits == Some(1) {
        return Some(tr.decimal(number.value));
    }
    let whole = number.value;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = whole as u64;
    // Counts stay far below 2^53, where f64 holds every whole number.
    #[allow(clippy::cast_precision_loss)]
    let exact = whole >= 0.0 && count as f64 == whole;
    exact.then(|| tr.count(count))
}

impl Tr {
    /// A wait given in seconds in a unit chosen by its size, with the
    /// language's abbreviation: `30 min`, `5 h`, `2,8 vrk` (Finnish),
    /// `2.8 d` (English). The one formatter for the summary and the map.
    pub fn duration(&self, seconds: f64) -> String {
        let (unit, value, decimal) = duration_parts(seconds);
        let number = if decimal {
            self.decimal(value)
        } else {
            // Rounded and not negative.
            self.count(value as u64)
        };
        let key = match unit {
            DurationUnit::Seconds => "mine-duration-seconds",
            DurationUnit::Minutes => "mine-duration-minutes",
            DurationUnit::Hours => "mine-duration-hours",
            DurationUnit::Days => "mine-duration-days",
        };
        self.with(key, &[("value", &number)])
    }
}

impl polku_mining::svg::NumberFormat for Tr {
    fn count(&self, value: u64) -> String {
        Tr::count(self, value)
    }

    fn decimal(&self, value: f64) -> String {
        Tr::decimal(self, value)
    }

    fn duration(&self, seconds: f64) -> String {
        Tr::duration(self, seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        let fi = Tr::new(Language::Fi);
        let en = Tr::new(Language::En);
        assert_eq!(en.count(1_234_567), "1,234,567");
        assert_eq!(fi.count(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(Tr::new(Language::Sv).count(999), "999");
        assert_eq!(fi.count(1000), "1\u{a0}000");
        assert_eq!(fi.decimal(12.345), "12,3");
        assert_eq!(en.decimal(12.345), "12.3");
        assert_eq!(fi.days(2.75 * 86_400.0), "2,8");
    }

    #[test]
    fn durations_take_the_unit_their_size_needs() {
        let fi = Tr::new(Language::Fi);
        let en = Tr::new(Language::En);
        let sv = Tr::new(Language::Sv);
        assert_eq!(fi.duration(30.0 * 60.0), "30 min");
        assert_eq!(en.duration(30.0 * 60.0), "30 min");
        assert_eq!(fi.duration(5.0 * 3_600.0), "5 h");
        assert_eq!(en.duration(5.0 * 3_600.0), "5 h");
        assert_eq!(fi.duration(3.0 * 86_400.0), "3 vrk");
        assert_eq!(en.duration(3.0 * 86_400.0), "3 d");
        assert_eq!(sv.duration(3.0 * 86_400.0), "3 dygn");
        assert_eq!(fi.duration(2.75 * 86_400.0), "2,8 vrk");
        assert_eq!(en.duration(1.5 * 3_600.0), "1.5 h");
        assert_eq!(fi.duration(45.0), "45 s");
    }
}
