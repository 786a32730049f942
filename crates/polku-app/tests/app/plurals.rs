//! Plural forms: every message where a number meets a noun selects the
//! noun's form by the number (CLDR categories of fi, sv and en: `one` for
//! exactly 1, `other` else), shows the number as Polku writes it, and no
//! message puts a count next to a noun without a selector.

use std::path::PathBuf;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use polku_app::{Arg, Tr};
use polku_domain::Language;

const NBSP: char = '\u{a0}';

fn tr(lang: &str) -> Tr {
    Tr::new(match lang {
        "fi" => Language::Fi,
        "sv" => Language::Sv,
        _ => Language::En,
    })
}

/// `key` rendered in `lang` with every variable in `counts` set to `n` and
/// the text arguments `texts`.
fn render(lang: &str, key: &str, counts: &[&'static str], n: u64) -> String {
    let mut args: Vec<(&'static str, Arg<'_>)> =
        counts.iter().map(|name| (*name, Arg::Count(n))).collect();
    if key == "mine-summary-ending-share" {
        args.push(("share", Arg::Text("50,0")));
    }
    if key == "mine-map-activities-left-out" {
        args.push(("names", Arg::Text("Neuvonta")));
    }
    tr(lang).with_args(key, &args)
}

/// Asserts that `key` in `lang` says `one` for 1 and `many` (with `{n}` for
/// the number as the language writes it) for 2 and 1234.
fn check(key: &str, counts: &[&'static str], lang: &str, one: &str, many: &str) {
    let text = render(lang, key, counts, 1);
    assert!(
        text.contains(one),
        "{key} {lang} with 1: {one:?} not in {text:?}"
    );
    for n in [2, 1234] {
        let text = render(lang, key, counts, n);
        let wanted = many.replace("{n}", &tr(lang).count(n));
        assert!(
            text.contains(&wanted),
            "{key} {lang} with {n}: {wanted:?} not in {text:?}"
        );
        assert!(
            !text.contains(one),
            "{key} {lang} with {n}: {one:?} in {text:?}"
        );
    }
}

#[test]
fn the_bundles_select_cldr_plural_categories_and_group_thousands() {
    let fi = tr("fi").with_args("error-login_rate_limited", &[("seconds", Arg::Count(1234))]);
    assert!(fi.contains(&format!("Odota 1{NBSP}234 sekuntia")), "{fi}");
    let en = tr("en").with_args("error-login_rate_limited", &[("seconds", Arg::Count(1234))]);
    assert!(en.contains("Wait 1,234 seconds"), "{en}");
    for (lang, one, zero) in [
        ("fi", "1 sekunti", "0 sekuntia"),
        ("sv", "1 sekund", "0 sekunder"),
        ("en", "1 second", "0 seconds"),
    ] {
        let text =
            |n| tr(lang).with_args("error-login_rate_limited", &[("seconds", Arg::Count(n))]);
        assert!(text(1).contains(one), "{lang}: {}", text(1));
        assert!(text(0).contains(zero), "{lang}: {}", text(0));
        assert!(
            text(21).contains(&zero.replace('0', "21")),
            "{lang}: {}",
            text(21)
        );
    }
    // Text arguments never select `one`, whatever they say.
    let text = tr("en").with("error-login_rate_limited", &[("seconds", "1")]);
    assert!(text.contains("1 seconds"), "{text}");
}

#[test]
fn login_wait_seconds() {
    let key = "error-login_rate_limited";
    check(
        key,
        &["seconds"],
        "fi",
        "Odota 1 sekunti ",
        "Odota {n} sekuntia ",
    );
    check(
        key,
        &["seconds"],
        "sv",
        "Vänta 1 sekund ",
        "Vänta {n} sekunder ",
    );
    check(
        key,
        &["seconds"],
        "en",
        "Wait 1 second ",
        "Wait {n} seconds ",
    );
}

#[test]
fn token_lifetime_days() {
    let key = "account-token-days-choice";
    check(key, &["days"], "fi", "1 päivä", "{n} päivää");
    check(key, &["days"], "sv", "1 dag", "{n} dagar");
    check(key, &["days"], "en", "1 day", "{n} days");
}

#[test]
fn skipped_rows() {
    let key = "mine-skipped-rows";
    check(
        key,
        &["count"],
        "fi",
        "Ohitettiin 1 rivi, jolta puuttui",
        "Ohitettiin {n} riviä, joilta puuttui",
    );
    check(
        key,
        &["count"],
        "sv",
        "1 rad hoppades",
        "{n} rader hoppades",
    );
    check(
        key,
        &["count"],
        "en",
        "Left out 1 row that",
        "Left out {n} rows that",
    );
}

#[test]
fn summary_totals() {
    let key = "mine-summary-totals";
    let counts = ["events", "cases", "activities"];
    check(
        key,
        &counts,
        "fi",
        "1 tapahtuma, 1 tapaus, 1 toiminto",
        "{n} tapahtumaa, {n} tapausta, {n} toimintoa",
    );
    check(
        key,
        &counts,
        "sv",
        "1 händelse, 1 fall, 1 aktivitet",
        "{n} händelser, {n} fall, {n} aktiviteter",
    );
    check(
        key,
        &counts,
        "en",
        "1 event, 1 case, 1 activity",
        "{n} events, {n} cases, {n} activities",
    );
    // Each number selects its own noun.
    let text = tr("fi").with_args(
        key,
        &[
            ("events", Arg::Count(2)),
            ("cases", Arg::Count(1)),
            ("activities", Arg::Count(1234)),
        ],
    );
    assert!(
        text.contains(&format!("2 tapahtumaa, 1 tapaus, 1{NBSP}234 toimintoa")),
        "{text}"
    );
}

#[test]
fn ending_share() {
    let key = "mine-summary-ending-share";
    let counts = ["ended", "reached"];
    check(
        key,
        &counts,
        "fi",
        "1 tapaus päättyi tähän (50,0 % tänne tulleesta 1 tapauksesta)",
        "{n} tapausta päättyi tähän (50,0 % tänne tulleista {n} tapauksesta)",
    );
    check(
        key,
        &counts,
        "sv",
        "1 fall slutade här (50,0 % av det 1 fall som",
        "{n} fall slutade här (50,0 % av de {n} fall som",
    );
    check(
        key,
        &counts,
        "en",
        "1 case ended here (50,0 % of the 1 case that",
        "{n} cases ended here (50,0 % of the {n} cases that",
    );
}

#[test]
fn map_descriptions() {
    let counts = ["cases", "events"];
    for key in ["mine-map-desc-frequency", "mine-map-desc-performance-units"] {
        check(
            key,
            &counts,
            "fi",
            "Lokissa on 1 tapaus ja 1 tapahtuma.",
            "Lokissa on {n} tapausta ja {n} tapahtumaa.",
        );
        check(
            key,
            &counts,
            "sv",
            "Loggen har 1 fall och 1 händelse.",
            "Loggen har {n} fall och {n} händelser.",
        );
        check(
            key,
            &counts,
            "en",
            "The log has 1 case and 1 event.",
            "The log has {n} cases and {n} events.",
        );
    }
}

#[test]
fn map_left_out() {
    let key = "mine-map-left-out";
    let counts = ["shown", "total"];
    check(
        key,
        &counts,
        "fi",
        "Kartassa näkyy 1 siirtymä 1 siirtymästä.",
        "Kartassa näkyy {n} siirtymää {n} siirtymästä.",
    );
    check(
        key,
        &counts,
        "sv",
        "1 av 1 övergång visas.",
        "{n} av {n} övergångar visas.",
    );
    check(
        key,
        &counts,
        "en",
        "1 of 1 transition shown.",
        "{n} of {n} transitions shown.",
    );
}

#[test]
fn map_activities_left_out_and_case_labels() {
    let count = ["count"];
    for (key, fi_one, fi_many, sv_one, sv_many, en_one, en_many) in [
        (
            "mine-map-activities-left-out",
            "1 toiminto ei näy kartassa",
            "{n} toimintoa ei näy kartassa",
            "1 aktivitet visas inte",
            "{n} aktiviteter visas inte",
            "1 activity left out",
            "{n} activities left out",
        ),
        (
            "mine-map-and-more",
            "ja 1 muu",
            "ja {n} muuta",
            "och 1 till",
            "och {n} till",
            "and 1 more",
            "and {n} more",
        ),
        (
            "mine-map-cases-start",
            "1 tapaus alkaa",
            "{n} tapausta alkaa",
            "1 fall börjar",
            "{n} fall börjar",
            "1 case starts",
            "{n} cases start",
        ),
        (
            "mine-map-cases-end",
            "1 tapaus päättyy",
            "{n} tapausta päättyy",
            "1 fall slutar",
            "{n} fall slutar",
            "1 case ends",
            "{n} cases end",
        ),
    ] {
        check(key, &count, "fi", fi_one, fi_many);
        check(key, &count, "sv", sv_one, sv_many);
        check(key, &count, "en", en_one, en_many);
    }
}

/// Names that hold a count of something: a message using one must select on it.
const COUNT_NAMES: [&str; 10] = [
    "count",
    "seconds",
    "cases",
    "events",
    "activities",
    "ended",
    "reached",
    "shown",
    "total",
    "days",
];

/// The variables `pattern` uses and those it selects on.
fn variables(pattern: &Pattern<&str>, used: &mut Vec<String>, selected: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, used, selected);
        }
    }
}

fn expression_variables(
    expression: &Expression<&str>,
    used: &mut Vec<String>,
    selected: &mut Vec<String>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                selected.push(id.name.to_owned());
            }
            inline_variables(selector, used, selected);
            for variant in variants {
                variables(&variant.value, used, selected);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, used, selected),
    }
}

fn inline_variables(
    inline: &InlineExpression<&str>,
    used: &mut Vec<String>,
    selected: &mut Vec<String>,
) {
    match inline {
        InlineExpression::VariableReference { id } => used.push(id.name.to_owned()),
        InlineExpression::Placeable { expression } => {
            expression_variables(expression, used, selected)
        }
        _ => {}
    }
}

#[test]
fn every_count_meets_its_noun_through_a_selector() {
    let locales = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut checked = 0;
    let mut bare = Vec::new();
    for lang in ["fi", "sv", "en"] {
        for entry in std::fs::read_dir(locales.join(lang)).expect("locale folder") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("readable");
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let (mut used, mut selected) = (Vec::new(), Vec::new());
                if let Some(value) = &message.value {
                    variables(value, &mut used, &mut selected);
                }
                for attribute in &message.attributes {
                    variables(&attribute.value, &mut used, &mut selected);
                }
                for name in used.iter().filter(|n| COUNT_NAMES.contains(&n.as_str())) {
                    checked += 1;
                    if !selected.contains(name) {
                        bare.push(format!("{lang} {} ${name}", message.id.name));
                    }
                }
            }
        }
    }
    assert!(
        checked > 30,
        "only {checked} counts found: is the parser reading the files?"
    );
    assert!(
        bare.is_empty(),
        "counts without a plural selector: {bare:?}"
    );
}

/// The rule itself catches a bare count.
#[test]
fn a_bare_count_is_caught() {
    let resource =
        fluent_syntax::parser::parse("x = Odota { $seconds } sekuntia.\n").expect("parses");
    let Entry::Message(message) = &resource.body[0] else {
        panic!("a message")
    };
    let (mut used, mut selected) = (Vec::new(), Vec::new());
    variables(
        message.value.as_ref().expect("value"),
        &mut used,
        &mut selected,
    );
    assert_eq!(used, ["seconds"]);
    assert!(selected.is_empty());
}
