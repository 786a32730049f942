//! `polku mine` as a user runs it: the report, the map, errors in the
//! user's language.

use std::process::Stdio;

use polku_store::testing::fresh_folder;

use super::{assert_bad_input, polku, run, stderr};

/// A small log in a fresh folder.
fn small_log(text: &str, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let folder = fresh_folder();
    let path = folder.join(name);
    std::fs::write(&path, text).expect("log written");
    (folder, path)
}

const SMALL_LOG: &str = "case_id;activity;timestamp\n\
    1;Haku;2024-01-01 08:00:00\n1;Päätös;2024-01-11 08:00:00\n\
    2;Haku;2024-01-02 08:00:00\n2;Päätös;2024-01-04 08:00:00\n2;Valitus;2024-02-04 08:00:00\n\
    3;Haku;;\n";

#[test]
fn mine_json_follows_the_contract() {
    let (folder, log) = small_log(SMALL_LOG, "loki.csv");
    let output = run(&["mine", log.to_str().expect("utf-8"), "--json"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(report["cases"], 2);
    assert_eq!(report["events"], 5);
    assert_eq!(
        report["activities"][0],
        serde_json::json!({"name": "Haku", "count": 2})
    );
    assert_eq!(
        report["start"][0],
        serde_json::json!({"activity": "Haku", "count": 2})
    );
    let edge = &report["dfg"][0];
    assert_eq!(
        (
            edge["from"].as_str(),
            edge["to"].as_str(),
            edge["count"].as_u64()
        ),
        (Some("Haku"), Some("Päätös"), Some(2))
    );
    assert_eq!(edge["wait_seconds"]["median"], 518_400);
    assert_eq!(report["variants"][0]["count"], 1);
    assert!(stderr(&output).contains("1"), "the skipped row is reported");
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_summary_speaks_the_users_language() {
    let (folder, log) = small_log(SMALL_LOG, "loki.csv");
    let path = log.to_str().expect("utf-8");
    for (lang, words) in [
        ("fi", "Yleisimmät toiminnot"),
        ("sv", "Vanligaste aktiviteter"),
        ("en", "Most common activities"),
    ] {
        let output = run(&["mine", path, "--lang", lang], "");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = String::from_utf8(output.stdout).expect("utf-8");
        assert!(text.contains(words), "{lang}: {text}");
        assert!(text.contains("Haku → Päätös"), "{lang}: {text}");
    }
    let output = run(&["mine", path, "--lang", "en"], "");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.contains("Different paths: 2. The 2 most common paths cover 2 of 2 cases."),
        "coverage: {text}"
    );
    // Päätös → Valitus (31 days) waits longer than Haku → Päätös (6 days).
    let longest = text
        .split("Longest waits (median):\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_default();
    assert_eq!(longest.trim(), "Päätös → Valitus  31 d  (1)", "{text}");
    let output = run(&["mine", path, "--lang", "fi"], "");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.contains("Eri polkuja: 2. 2 yleisintä polkua kattavat 2 / 2 tapauksesta."),
        "{text}"
    );
    let by_env = polku(&["mine", path])
        .env("LANG", "sv_FI.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&by_env.stdout).contains("Vanligaste aktiviteter"));
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_summary_and_map_show_waits_in_a_unit_by_size() {
    // Waits of 30 minutes, 5 hours and 3 days.
    let log = "case_id,activity,timestamp\n\
        1,Saapuu,2024-01-01T08:00:00\n1,Kirjataan,2024-01-01T08:30:00\n\
        1,Käsitellään,2024-01-01T13:30:00\n1,Päätetään,2024-01-04T13:30:00\n";
    let (folder, log) = small_log(log, "odotukset.csv");
    let path = log.to_str().expect("utf-8");
    for (lang, waits) in [
        ("fi", ["(30 min)", "(5 h)", "(3 vrk)"]),
        ("en", ["(30 min)", "(5 h)", "(3 d)"]),
    ] {
        let output = run(&["mine", path, "--lang", lang], "");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = String::from_utf8(output.stdout).expect("utf-8");
        for wait in waits {
            assert!(text.contains(wait), "{lang}: {wait} not in {text}");
        }
        let svg = folder.join(format!("odotus-{lang}.svg"));
        let svg_path = svg.to_str().expect("utf-8");
        let output = run(
            &[
                "mine",
                path,
                "--lang",
                lang,
                "--performance",
                "--svg",
                svg_path,
            ],
            "",
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let svg = std::fs::read_to_string(svg).expect("map written");
        for wait in waits {
            let label = format!(">{}<", wait.trim_matches(['(', ')']));
            assert!(svg.contains(&label), "{lang}: {label} not in {svg}");
        }
    }
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_piped_into_a_reader_that_stops_ends_quietly() {
    // Enough cases that the report is far bigger than a pipe's buffer.
    let mut log = String::from("case_id,activity,timestamp\n");
    for case in 0..20_000 {
        log.push_str(&format!(
            "{case},Saapuu {},2024-01-01T08:00:00\n{case},Päätetään {},2024-01-02T08:00:00\n",
            case % 500,
            case % 300
        ));
    }
    let (folder, path) = small_log(&log, "iso.csv");
    let mut child = polku(&["mine", path.to_str().expect("utf-8"), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polku starts");
    // Read the start, as `head -c 100` does, then close the pipe.
    let mut start = [0u8; 100];
    std::io::Read::read_exact(&mut child.stdout.take().expect("stdout"), &mut start)
        .expect("the start of the report");
    let output = child.wait_with_output().expect("polku ends");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert!(output.stderr.is_empty(), "quiet: {}", stderr(&output));
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_errors_speak_the_language_asked_for() {
    let (folder, columns) = small_log("tapaus,toiminto,aika\n1,a,2024-01-01\n", "sarakkeet.csv");
    let columns = columns.to_str().expect("utf-8");
    let (_, time) = small_log(
        "case_id,activity,timestamp\r\n1,a,2024-01-01\r\n\r\n1,b,eilen\r\n",
        "aika.csv",
    );
    let time = time.to_str().expect("utf-8");
    for (lang, missing_file, missing_column, bad_time) in [
        (
            "fi",
            "tiedostoa /no/such/loki.csv ei voi avata: tiedostoa ei ole",
            "saraketta \"case_id\" ei löydy; sarakkeet ovat: tapaus, toiminto, aika",
            "rivi 4: aikaleimaa \"eilen\" ei voi lukea (odotettiin esimerkiksi 2024-03-01T09:30:00+02:00",
        ),
        (
            "sv",
            "kan inte öppna /no/such/loki.csv: filen finns inte",
            "kolumnen \"case_id\" finns inte; kolumnerna är: tapaus, toiminto, aika",
            "rad 4: tidpunkten \"eilen\" kan inte läsas",
        ),
        (
            "en",
            "cannot open /no/such/loki.csv: no such file",
            "column \"case_id\" not found; the columns are: tapaus, toiminto, aika",
            "line 4: cannot read timestamp \"eilen\" (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)",
        ),
    ] {
        let lang_run = |file: &str| run(&["mine", file, "--lang", lang], "");
        assert_bad_input(&lang_run("/no/such/loki.csv"), missing_file);
        assert_bad_input(&lang_run(columns), missing_column);
        assert_bad_input(&lang_run(time), bad_time);
    }
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_refuses_bad_input_with_one_line_and_no_output() {
    let (folder, log) = small_log("tapaus,toiminto,aika\n1,a,2024-01-01\n", "sarakkeet.csv");
    assert_bad_input(
        &run(&["mine", log.to_str().expect("utf-8"), "--json"], ""),
        "column \"case_id\" not found; the columns are: tapaus, toiminto, aika",
    );
    let renamed = run(
        &[
            "mine",
            log.to_str().expect("utf-8"),
            "--case",
            "tapaus",
            "--activity",
            "toiminto",
            "--timestamp",
            "aika",
            "--json",
        ],
        "",
    );
    assert_eq!(renamed.status.code(), Some(0), "{}", stderr(&renamed));
    let (_, bad_time) = small_log(
        "case_id,activity,timestamp\n1,a,2024-01-01\n1,b,31/12/2024\n",
        "aika.csv",
    );
    assert_bad_input(
        &run(&["mine", bad_time.to_str().expect("utf-8"), "--json"], ""),
        "line 3",
    );
    let (_, empty) = small_log("", "tyhja.csv");
    assert_bad_input(&run(&["mine", empty.to_str().expect("utf-8")], ""), "empty");
    assert_bad_input(
        &run(&["mine", "/no/such/loki.csv", "--json"], ""),
        "no such file",
    );
    let (_, latin1) = small_log("", "latin1.csv");
    std::fs::write(
        &latin1,
        b"case_id,activity,timestamp\n1,P\xe4\xe4t\xf6s,2024-01-01\n",
    )
    .expect("written");
    assert_bad_input(
        &run(&["mine", latin1.to_str().expect("utf-8")], ""),
        "not UTF-8",
    );
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_svg_draws_the_process_map_in_both_modes() {
    let folder = fresh_folder();
    let log = folder.join("loki.csv");
    std::fs::write(
        &log,
        "case_id,activity,timestamp\n\
         1,Hakemus <saapuu>,2024-01-01T09:00:00\n\
         1,Päätös & tiedoksianto,2024-01-03T21:00:00\n\
         2,Hakemus <saapuu>,2024-01-02T09:00:00\n\
         2,Päätös & tiedoksianto,2024-01-05T09:00:00\n",
    )
    .expect("log written");
    let log = log.to_str().expect("utf-8");
    for (name, extra, wanted) in [
        ("kartta.svg", None, "Alku"),
        ("odotus.svg", Some("--performance"), "2,8 vrk"),
    ] {
        let out = folder.join(name);
        let out = out.to_str().expect("utf-8");
        let mut args = vec!["mine", log, "--svg", out, "--lang", "fi", "--json"];
        args.extend(extra);
        let output = run(&args, "");
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("only JSON on stdout");
        assert_eq!(json["cases"], 2);
        let svg = std::fs::read_to_string(out).expect("map written");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(
            svg.contains("<title id=\"polku-map-title\">Prosessikartta</title>"),
            "{svg}"
        );
        assert!(svg.contains("Hakemus &lt;saapuu&gt;"), "{svg}");
        assert!(svg.contains("Päätös &amp; tiedoksianto"), "{svg}");
        assert!(svg.contains(wanted), "{wanted} not in {svg}");
    }
    assert_bad_input(
        &run(
            &[
                "mine",
                log,
                "--svg",
                folder.join("ei/ole/kartta.svg").to_str().expect("utf-8"),
            ],
            "",
        ),
        "cannot write",
    );
    let _ = std::fs::remove_dir_all(folder);
}

fn mining_data(name: &str) -> String {
    format!(
        "{}/../polku-mining/tests/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn mine_reads_xes_gzip_and_ocel_the_same_as_csv() {
    let json = |args: &[&str]| -> serde_json::Value {
        let output = run(args, "");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let from_csv = json(&["mine", &mining_data("small.csv"), "--json"]);
    let from_xes = json(&["mine", &mining_data("small.xes"), "--json"]);
    let from_gz = json(&["mine", &mining_data("small.xes.gz"), "--json"]);
    assert_eq!(from_csv, from_xes);
    assert_eq!(from_csv, from_gz);
    let ocel_json = json(&[
        "mine",
        &mining_data("ocel_small.json"),
        "--object-type",
        "hakemus",
        "--json",
    ]);
    let ocel_xml = json(&[
        "mine",
        &mining_data("ocel_small.xml"),
        "--object-type",
        "hakemus",
        "--json",
    ]);
    assert_eq!(ocel_json, ocel_xml);
    assert!(ocel_json["cases"].as_u64().is_some_and(|n| n > 0));
}

#[test]
fn mine_refuses_doctype_truncated_xml_and_unknown_object_types() {
    let (folder, doctype) = small_log(
        "<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY a \"aaaa\">]><log><trace></trace></log>",
        "entity.xes",
    );
    assert_bad_input(
        &run(&["mine", doctype.to_str().expect("utf-8"), "--json"], ""),
        "DOCTYPE",
    );
    let truncated = folder.join("cut.xes");
    let whole = std::fs::read(mining_data("small.xes")).expect("readable");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).expect("written");
    assert_bad_input(
        &run(&["mine", truncated.to_str().expect("utf-8"), "--json"], ""),
        "XML",
    );
    assert_bad_input(
        &run(&["mine", &mining_data("ocel_small.json"), "--json"], ""),
        "give --object-type, one of: asiakas, hakemus",
    );
    assert_bad_input(
        &run(
            &[
                "mine",
                &mining_data("ocel_small.xml"),
                "--object-type",
                "lasku",
                "--json",
            ],
            "",
        ),
        "object type \"lasku\" not found",
    );
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_shows_no_progress_bar_when_not_on_a_terminal() {
    let mut text = String::from("case_id,activity,timestamp,organisation\n");
    for i in 0..90_000 {
        text.push_str(&format!(
            "tapaus-{},Toiminto {},2024-01-{:02}T{:02}:00:00Z,Kunnan aikuissosiaalityö ja sen yhteistyökumppanit\n",
            i % 5000,
            i % 7,
            1 + i % 28,
            i % 24
        ));
    }
    assert!(
        text.len() > 5 * 1024 * 1024,
        "bigger than the progress threshold"
    );
    let (folder, log) = small_log(&text, "iso.csv");
    let output = run(&["mine", log.to_str().expect("utf-8"), "--json"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        output.stderr.is_empty(),
        "nothing on stderr: {}",
        stderr(&output)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["events"], 90_000);
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_timezone_reads_naive_times_in_that_zone() {
    // Case 1 is naive, across the night Finland moved its clocks forward
    // (31 March 2024, 03:00 → 04:00); case 2 has offsets of its own.
    let (folder, log) = small_log(
        "case_id,activity,timestamp\n\
         1,Saapuu,2024-03-31 02:30:00\n1,Käsitellään,2024-03-31 04:30:00\n\
         2,Soitto,2024-03-31T02:30:00Z\n2,Takaisinsoitto,2024-03-31T04:30:00Z\n\
         3,Saapuu,30.3.2024 12.00\n3,Käsitellään,31.3.2024 12.00\n",
        "kesäaika.csv",
    );
    let path = log.to_str().expect("utf-8");
    let median = |extra: &[&str], from: &str| -> f64 {
        let mut args = vec!["mine", path, "--json"];
        args.extend(extra);
        let output = run(&args, "");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        report["dfg"]
            .as_array()
            .expect("dfg")
            .iter()
            .find(|e| e["from"] == from)
            .and_then(|e| e["wait_seconds"]["median"].as_f64())
            .expect("the edge")
    };
    // In UTC: 2 h and 24 h; in Helsinki the night is an hour shorter.
    assert_eq!(median(&[], "Saapuu"), (2.0 * 3600.0 + 24.0 * 3600.0) / 2.0);
    assert_eq!(
        median(&["--timezone", "Europe/Helsinki"], "Saapuu"),
        (3600.0 + 23.0 * 3600.0) / 2.0
    );
    // A timestamp with its own offset is not moved.
    assert_eq!(median(&[], "Soitto"), 7200.0);
    assert_eq!(median(&["--timezone", "Europe/Helsinki"], "Soitto"), 7200.0);
    assert_eq!(
        median(&["--timezone", "UTC"], "Saapuu"),
        median(&[], "Saapuu")
    );

    for (lang, words) in [
        (
            "fi",
            "aikavyöhykettä \"Eurooppa/Helsinki\" ei tunneta; anna IANA-nimi, esimerkiksi Europe/Helsinki",
        ),
        (
            "sv",
            "tidszonen \"Eurooppa/Helsinki\" är okänd; ange ett IANA-namn, till exempel Europe/Helsinki",
        ),
        (
            "en",
            "unknown time zone \"Eurooppa/Helsinki\"; give an IANA name such as Europe/Helsinki",
        ),
    ] {
        assert_bad_input(
            &run(
                &[
                    "mine",
                    path,
                    "--timezone",
                    "Eurooppa/Helsinki",
                    "--lang",
                    lang,
                ],
                "",
            ),
            words,
        );
    }
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_activities_draws_the_most_frequent_and_names_the_rest() {
    let mut text = String::from("case_id,activity,timestamp\n");
    // Activity "A" in 7 cases, "B" in 6, ... "G" in 1.
    for (i, name) in ["A", "B", "C", "D", "E", "F", "G"].iter().enumerate() {
        for case in 0..(7 - i) {
            text.push_str(&format!("{name}{case},{name},2024-01-01 10:00:00\n"));
        }
    }
    let (folder, log) = small_log(&text, "toiminnot.csv");
    let path = log.to_str().expect("utf-8");
    let map = folder.join("kartta.svg");
    let map_path = map.to_str().expect("utf-8");
    for (lang, performance, words) in [
        (
            "fi",
            false,
            [
                "Kartassa näkyy 4 siirtymää 14 siirtymästä.",
                "5 toimintoa ei näy kartassa: C, D, E, F, G.",
                "7 tapausta alkaa",
                "6 tapausta päättyy",
            ],
        ),
        (
            "sv",
            true,
            [
                "4 av 14 övergångar visas.",
                "5 aktiviteter visas inte på kartan: C, D, E, F, G.",
                "7 fall börjar",
                "6 fall slutar",
            ],
        ),
        (
            "en",
            true,
            [
                "4 of 14 transitions shown.",
                "5 activities left out: C, D, E, F, G.",
                "7 cases start",
                "6 cases end",
            ],
        ),
    ] {
        let mut args = vec![
            "mine",
            path,
            "--activities",
            "2",
            "--svg",
            map_path,
            "--lang",
            lang,
        ];
        if performance {
            args.push("--performance");
        }
        let output = run(&args, "");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let svg = std::fs::read_to_string(&map).expect("map written");
        let legend = &svg[svg.find("<g class=\"legend\"").expect("a visible legend")..];
        for wanted in words {
            assert!(svg.contains(wanted), "{lang}: {wanted:?} not in {svg}");
        }
        assert!(legend.contains(words[1]), "{legend}");
        assert!(!svg.contains(">G<"), "G is not drawn");
    }
    for (lang, words) in [
        (
            "fi",
            "--activities 0: anna kokonaisluku, joka on vähintään 1",
        ),
        ("sv", "--activities 0: ange ett heltal som är minst 1"),
        ("en", "--activities 0: give a whole number of at least 1"),
    ] {
        assert_bad_input(
            &run(&["mine", path, "--activities", "0", "--lang", lang], ""),
            words,
        );
    }
    assert_bad_input(
        &run(
            &["mine", path, "--activities", "kaikki", "--lang", "en"],
            "",
        ),
        "--activities kaikki: give a whole number of at least 1",
    );
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn mine_refuses_ocel_1_0_xml_with_how_to_convert_it() {
    let (folder, log) = small_log(
        "<?xml version='1.0' encoding='UTF-8'?>\n<log>\n\
         <global scope=\"event\"><string key=\"id\" value=\"__INVALID__\"/></global>\n\
         <global scope=\"log\"><string key=\"version\" value=\"1.0\"/></global>\n\
         <events></events><objects></objects>\n</log>\n",
        "vanha.xmlocel",
    );
    let path = log.to_str().expect("utf-8");
    for (lang, words) in [
        (
            "fi",
            "tämä on OCEL 1.0 -loki; polku lukee OCEL 2.0 -lokeja. Muunna se ensin, esimerkiksi pm4py:llä: pm4py.write_ocel2(pm4py.read_ocel(\"old.xmlocel\"), \"new.xml\")",
        ),
        (
            "en",
            "this is an OCEL 1.0 log; polku reads OCEL 2.0. Convert it first, for example with pm4py: pm4py.write_ocel2(pm4py.read_ocel(\"old.xmlocel\"), \"new.xml\")",
        ),
    ] {
        assert_bad_input(&run(&["mine", path, "--lang", lang], ""), words);
    }
    let _ = std::fs::remove_dir_all(folder);
}
