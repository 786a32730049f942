//! Client profiles and service paths: the structure in order, moves,
//! version checks, transitions without cycles, critical points, the to-be
//! copy, another workspace's ids finding nothing, and edits reaching a live
//! session that edits the path.

use polku_domain::paths::{
    ClientProfile, CriticalPointDetails, CriticalPointInput, CriticalTarget, Direction,
    PathDetails, PathVersion, ProfileDetails, ProfileInput, ServicePath, StageName,
    TouchpointDetails, TouchpointInput, TransitionDetails, TransitionInput, compare_paths,
};
use polku_domain::{ErrorCode, WorkspaceId};
use polku_store::testing::TestDb;
use polku_store::{Store, StoreError, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    a_path_keeps_its_stages_and_touchpoints_in_order,
    an_edit_based_on_an_older_version_is_refused,
    transitions_never_close_a_cycle,
    a_to_be_path_starts_as_a_copy_and_is_compared,
    another_workspace_finds_nothing,
);

async fn workspace(store: &Store, label: &str) -> WorkspaceId {
    let owner = user(store, &format!("{label}@example.fi"), false).await;
    store
        .create_workspace(&name(label), owner.id)
        .await
        .expect("created")
        .id
}

async fn profile(store: &Store, ws: WorkspaceId) -> ClientProfile {
    let details = ProfileDetails::parse(&ProfileInput {
        name: "Osatyökykyinen Pekka".into(),
        age_band: "50_64".into(),
        digital_skills: "basic".into(),
        ..ProfileInput::default()
    })
    .expect("valid");
    store.create_profile(ws, &details).await.expect("profile")
}

async fn path(store: &Store, ws: WorkspaceId) -> ServicePath {
    let profile = profile(store, ws).await;
    let details = PathDetails::parse("Pekan polku", "work").expect("valid");
    store
        .create_path(ws, profile.id, PathVersion::AsIs, &details)
        .await
        .expect("path")
}

fn touchpoint(service: &str) -> TouchpointDetails {
    TouchpointDetails::parse(&TouchpointInput {
        service: service.into(),
        sector: "health_care".into(),
        channel: "in_person".into(),
        experience: "-1".into(),
        ..TouchpointInput::default()
    })
    .expect("valid")
}

fn transition(wait: &str, info: &str) -> TransitionDetails {
    TransitionDetails::parse(&TransitionInput {
        wait_days: wait.into(),
        distance_km: "10".into(),
        info_flow: info.into(),
        ..TransitionInput::default()
    })
    .expect("valid")
}

fn stage(text: &str) -> StageName {
    StageName::parse(text).expect("valid")
}

fn services(structure: &polku_domain::paths::PathStructure) -> Vec<&str> {
    structure
        .touchpoints
        .iter()
        .map(|t| t.details.service.as_str())
        .collect()
}

async fn a_path_keeps_its_stages_and_touchpoints_in_order(db: &TestDb) {
    let store = &db.store;
    let ws = workspace(store, "järjestys").await;
    let path = path(store, ws).await;
    let first = store
        .add_stage(ws, path.id, &stage("Tunnistus"))
        .await
        .expect("stage");
    let second = store
        .add_stage(ws, path.id, &stage("Arvio"))
        .await
        .expect("stage");
    let a = store
        .add_touchpoint(ws, path.id, first.id, &touchpoint("A"))
        .await
        .expect("a");
    let b = store
        .add_touchpoint(ws, path.id, first.id, &touchpoint("B"))
        .await
        .expect("b");
    let c = store
        .add_touchpoint(ws, path.id, second.id, &touchpoint("C"))
        .await
        .expect("c");
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(services(&read), ["A", "B", "C"]);

    store
        .move_touchpoint(ws, path.id, b.id, Direction::Earlier)
        .await
        .expect("moved");
    // At the edge a move does nothing.
    store
        .move_touchpoint(ws, path.id, b.id, Direction::Earlier)
        .await
        .expect("edge");
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(services(&read), ["B", "A", "C"]);

    store
        .move_stage(ws, path.id, second.id, Direction::Earlier)
        .await
        .expect("moved");
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(read.stages[0].name.as_str(), "Arvio");
    assert_eq!(services(&read), ["C", "B", "A"]);

    store
        .move_touchpoint_to_stage(ws, path.id, a.id, second.id)
        .await
        .expect("to another stage");
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(services(&read), ["C", "A", "B"]);
    assert_eq!(read.touchpoint(a.id).map(|t| t.stage_id), Some(second.id));

    // Removing a stage removes its touchpoints and their transitions.
    store
        .add_transition(ws, path.id, c.id, b.id, &transition("3", "passes"))
        .await
        .expect("transition");
    store
        .delete_stage(ws, path.id, second.id)
        .await
        .expect("deleted");
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(services(&read), ["B"]);
    assert!(read.transitions.is_empty());
}

async fn an_edit_based_on_an_older_version_is_refused(db: &TestDb) {
    let store = &db.store;
    let ws = workspace(store, "versio").await;
    let path = path(store, ws).await;
    let s = store
        .add_stage(ws, path.id, &stage("Arvio"))
        .await
        .expect("stage");
    let t = store
        .add_touchpoint(ws, path.id, s.id, &touchpoint("Arvio"))
        .await
        .expect("tp");
    assert_eq!(t.version, 1);
    let mine = store
        .update_touchpoint(ws, path.id, t.id, 1, &touchpoint("Minun muutokseni"))
        .await
        .expect("first edit wins");
    assert_eq!(mine, 2);
    let theirs = store
        .update_touchpoint(ws, path.id, t.id, 1, &touchpoint("Toisen muutos"))
        .await;
    assert!(
        matches!(theirs, Err(StoreError::Conflict(ErrorCode::EditConflict))),
        "{theirs:?}"
    );
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(services(&read), ["Minun muutokseni"], "nothing overwritten");
    assert_eq!(read.touchpoints[0].version, 2);
}

async fn transitions_never_close_a_cycle(db: &TestDb) {
    let store = &db.store;
    let ws = workspace(store, "sykli").await;
    let path = path(store, ws).await;
    let s = store
        .add_stage(ws, path.id, &stage("Kaikki"))
        .await
        .expect("stage");
    let mut ids = Vec::new();
    for service in ["A", "B", "C"] {
        ids.push(
            store
                .add_touchpoint(ws, path.id, s.id, &touchpoint(service))
                .await
                .expect("tp")
                .id,
        );
    }
    store
        .add_transition(ws, path.id, ids[0], ids[1], &transition("1", "passes"))
        .await
        .expect("a-b");
    store
        .add_transition(ws, path.id, ids[1], ids[2], &transition("1", "passes"))
        .await
        .expect("b-c");
    for (from, to, code) in [
        (ids[2], ids[0], ErrorCode::TransitionCycle),
        (ids[1], ids[1], ErrorCode::TransitionCycle),
        (ids[0], ids[1], ErrorCode::Duplicate),
    ] {
        let refused = store
            .add_transition(ws, path.id, from, to, &transition("1", "passes"))
            .await;
        assert!(
            matches!(refused, Err(StoreError::Conflict(c)) if c == code),
            "{refused:?}"
        );
    }
    let read = store.path_structure(ws, path.id).await.expect("read");
    assert_eq!(read.transitions.len(), 2, "nothing stored half-way");
}

async fn a_to_be_path_starts_as_a_copy_and_is_compared(db: &TestDb) {
    let store = &db.store;
    let ws = workspace(store, "tavoite").await;
    let as_is = path(store, ws).await;
    let s = store
        .add_stage(ws, as_is.id, &stage("Arvio"))
        .await
        .expect("stage");
    let a = store
        .add_touchpoint(ws, as_is.id, s.id, &touchpoint("Lääkäri"))
        .await
        .expect("a");
    let b = store
        .add_touchpoint(ws, as_is.id, s.id, &touchpoint("Kela"))
        .await
        .expect("b");
    let t = store
        .add_transition(ws, as_is.id, a.id, b.id, &transition("120", "repeats"))
        .await
        .expect("transition");
    let critical = CriticalPointDetails::parse(&CriticalPointInput {
        kind: "long_queue".into(),
        description: "Neljän kuukauden jono".into(),
        ..CriticalPointInput::default()
    })
    .expect("valid");
    store
        .add_critical_point(ws, as_is.id, CriticalTarget::Transition(t.id), &critical)
        .await
        .expect("critical");

    let details = PathDetails::parse("Tavoitepolku", "work").expect("valid");
    let to_be = store
        .copy_as_to_be(ws, as_is.id, &details)
        .await
        .expect("copied");
    assert_eq!(
        (to_be.version, to_be.based_on),
        (PathVersion::ToBe, Some(as_is.id))
    );
    let copy = store.path_structure(ws, to_be.id).await.expect("read");
    assert_eq!(services(&copy), ["Lääkäri", "Kela"]);
    assert_eq!(copy.critical_points.len(), 1);
    let copied_transition = &copy.transitions[0];
    assert_eq!(copied_transition.copied_from, Some(t.id));

    // The group shortens the wait, drops Kela and adds a coordinator.
    store
        .update_transition(
            ws,
            to_be.id,
            copied_transition.id,
            1,
            &transition("30", "passes"),
        )
        .await
        .expect("improved");
    let kela = copy
        .touchpoints
        .iter()
        .find(|t| t.copied_from == Some(b.id))
        .expect("copy");
    store
        .delete_touchpoint(ws, to_be.id, kela.id)
        .await
        .expect("dropped");
    store
        .add_touchpoint(
            ws,
            to_be.id,
            copy.stages[0].id,
            &touchpoint("Koordinaattori"),
        )
        .await
        .expect("added");

    let as_is_read = store.path_structure(ws, as_is.id).await.expect("read");
    let to_be_read = store.path_structure(ws, to_be.id).await.expect("read");
    assert_eq!(
        services(&as_is_read),
        ["Lääkäri", "Kela"],
        "the as-is path is untouched"
    );
    let compared = compare_paths(&as_is_read, &to_be_read);
    assert_eq!(compared.removed, [b.id]);
    assert_eq!(compared.added.len(), 1);
    assert_eq!(
        compared.addressed.len(),
        1,
        "the queue went with the transition"
    );
    assert_eq!(compared.as_is.total_wait_days, 120);
    assert_eq!(compared.to_be.total_wait_days, 0);
    assert_eq!(compared.as_is.handoffs_without_information, 1);
}

async fn another_workspace_finds_nothing(db: &TestDb) {
    let store = &db.store;
    let ws = workspace(store, "oma").await;
    let other = workspace(store, "toinen").await;
    let path = path(store, ws).await;
    let s = store
        .add_stage(ws, path.id, &stage("Arvio"))
        .await
        .expect("stage");
    let t = store
        .add_touchpoint(ws, path.id, s.id, &touchpoint("A"))
        .await
        .expect("tp");
    assert!(matches!(
        store.path_structure(other, path.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.add_stage(other, path.id, &stage("Vieras")).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .update_touchpoint(other, path.id, t.id, 1, &touchpoint("Vieras"))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.delete_touchpoint(other, path.id, t.id).await,
        Err(StoreError::NotFound)
    ));
    // A touchpoint of one path cannot be reached through another path.
    let second = self::path(store, ws).await;
    assert!(matches!(
        store.delete_touchpoint(ws, second.id, t.id).await,
        Err(StoreError::NotFound)
    ));
    let profile = profile(store, other).await;
    let details = PathDetails::parse("Vieras", "work").expect("valid");
    assert!(matches!(
        store
            .create_path(ws, profile.id, PathVersion::AsIs, &details)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.list_profiles(ws).await.expect("list").len(), 2);
    assert_eq!(store.list_paths(other).await.expect("list").len(), 0);
}
