//! Tests of the OCEL 2.0 readers.

use super::*;

/// Each case as (case index order is first appearance) activity names.
fn traces(read: &ReadLog) -> Vec<Vec<&str>> {
    let log = &read.log;
    (0..log.case_count())
        .map(|case| log.case_activity_names(case).collect())
        .collect()
}

const JSON: &str = r#"{
  "objectTypes": [{"name": "hakemus", "attributes": []}, {"name": "asiakas", "attributes": []},
                  {"name": "tyhjä", "attributes": []}],
  "eventTypes": [{"name": "vastaanotto", "attributes": []}],
  "objects": [
    {"id": "h1", "type": "hakemus", "attributes": [{"name": "x", "time": "1970-01-01T00:00:00Z", "value": 1}]},
    {"id": "h2", "type": "hakemus"},
    {"id": "a1", "type": "asiakas", "relationships": [{"objectId": "h1", "qualifier": "owns"}]}
  ],
  "events": [
    {"id": "e2", "type": "päätös", "time": "2024-01-03T10:00:00Z",
     "relationships": [{"objectId": "h1", "qualifier": "decides"}, {"objectId": "h2", "qualifier": "decides"},
                       {"objectId": "h1", "qualifier": "again"}, {"objectId": "ghost", "qualifier": "x"}]},
    {"id": "e1", "type": "vastaanotto", "time": "2024-01-01T10:00:00+02:00",
     "attributes": [{"name": "kanava", "value": "verkko"}],
     "relationships": [{"objectId": "h1", "qualifier": "receives"}, {"objectId": "a1", "qualifier": "by"}]},
    {"id": "e3", "type": "käsittely", "time": "2024-01-03T10:00:00Z",
     "relationships": [{"objectId": "h1", "qualifier": "x"}]},
    {"id": "e4", "type": "yhteydenotto", "time": "2024-01-01T00:00:00Z",
     "relationships": [{"objectId": "a1", "qualifier": "x"}]}
  ]
}"#;

#[test]
fn json_is_flattened_per_object() {
    let read = read_ocel_json(JSON.as_bytes(), "hakemus").expect("reads");
    // h1: e1 (earliest), then e2 and e3 tied at the same time, in file
    // order; e2 relates to h1 twice but counts once. h2: e2 only.
    assert_eq!(
        traces(&read),
        [vec!["vastaanotto", "päätös", "käsittely"], vec!["päätös"]]
    );
    let customers = read_ocel_json(JSON.as_bytes(), "asiakas").expect("reads");
    assert_eq!(traces(&customers), [vec!["yhteydenotto", "vastaanotto"]]);
}

#[test]
fn unknown_object_type_lists_the_types() {
    let err = read_ocel_json(JSON.as_bytes(), "päätös").expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "object type \"päätös\" not found; the object types are: asiakas, hakemus, tyhjä"
    );
    assert!(matches!(
        read_ocel_json(JSON.as_bytes(), "tyhjä"),
        Err(MineError::NoEvents)
    ));
}

#[test]
fn json_errors_are_reported() {
    let bad_time = r#"{"objects": [{"id": "o", "type": "t"}],
        "events": [{"id": "e9", "type": "a", "time": "eilen", "relationships": []}]}"#;
    let err = read_ocel_json(bad_time.as_bytes(), "t").expect_err("bad time");
    assert!(
        err.to_string()
            .contains("event \"e9\": cannot read time \"eilen\""),
        "{err}"
    );
    let broken = read_ocel_json(&br#"{"events": [{"type": "a""#[..], "t").expect_err("broken");
    assert!(matches!(broken, MineError::Json(_)), "{broken:?}");
    assert!(matches!(
        read_ocel_json(&b""[..], "t"),
        Err(MineError::Empty)
    ));
}

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<log>
  <object-types>
<object-type name="hakemus"><attributes><attribute name="x" type="string"/></attributes></object-type>
<object-type name="asiakas"><attributes/></object-type>
  </object-types>
  <event-types><event-type name="päätös"><attributes/></event-type></event-types>
  <objects>
<object id="h1" type="hakemus">
  <attributes><attribute name="x" time="1970-01-01T00:00:00Z">a &amp; b</attribute></attributes>
  <objects><relationship object-id="a1" qualifier="owner"/></objects>
</object>
<object id="h2" type="hakemus"/>
<object id="a1" type="asiakas"/>
  </objects>
  <events>
<event id="e2" type="p&#228;&#228;t&#246;s" time="2024-01-03T10:00:00Z">
  <objects>
    <relationship object-id="h1" qualifier="decides"/>
    <relationship object-id="h2" qualifier="decides"/>
    <relationship object-id="h1" qualifier="again"/>
  </objects>
</event>
<event id="e1" type="vastaanotto" time="2024-01-01T10:00:00+02:00">
  <attributes><attribute name="kanava">verkko</attribute></attributes>
  <objects><relationship object-id="h1" qualifier="receives"/><relationship object-id="a1" qualifier="by"/></objects>
</event>
<event id="e3" type="käsittely" time="2024-01-03T10:00:00Z">
  <objects><relationship object-id="h1" qualifier="x"/></objects>
</event>
  </events>
</log>"#;

#[test]
fn xml_is_flattened_like_json() {
    let read = read_ocel_xml(XML.as_bytes(), "hakemus").expect("reads");
    assert_eq!(
        traces(&read),
        [vec!["vastaanotto", "päätös", "käsittely"], vec!["päätös"]]
    );
    let customers = read_ocel_xml(XML.as_bytes(), "asiakas").expect("reads");
    assert_eq!(traces(&customers), [vec!["vastaanotto"]]);
    let err = read_ocel_xml(XML.as_bytes(), "tilaus").expect_err("unknown");
    assert!(
        matches!(err, MineError::UnknownObjectType { ref available, .. } if available == "asiakas, hakemus")
    );
}

#[test]
fn xml_bad_time_names_its_line() {
    let text = "<log>\n<objects><object id=\"o\" type=\"t\"/></objects>\n<events>\n\
                <event id=\"e\" type=\"a\" time=\"eilen\"/></events></log>";
    let err = read_ocel_xml(text.as_bytes(), "t").expect_err("bad time");
    assert!(
        matches!(err, MineError::BadTimestamp { line: 4, .. }),
        "{err:?}"
    );
}

#[test]
fn xml_doctype_and_truncation_are_refused() {
    let doctype = "<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY a \"aaaa\">]><log/>";
    let err = read_ocel_xml(doctype.as_bytes(), "t").expect_err("doctype");
    assert!(err.to_string().contains("DOCTYPE"), "{err}");
    let cut = &XML[..XML.len() / 2];
    assert!(matches!(
        read_ocel_xml(cut.as_bytes(), "hakemus"),
        Err(MineError::Xml { .. })
    ));
}
