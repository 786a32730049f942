//! Development groups, their facilitators, and their workshop series with
//! workshops and data-collection periods.

use polku_domain::{
    ErrorCode, GroupDetails, GroupInput, LocalizedText, Method, NewCollectionPeriod, NewWorkshop,
    Phase, Role, SeriesName,
};
use polku_store::testing::TestDb;
use polku_store::{StoreError, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    groups_keep_their_three_languages,
    groups_keep_details_and_only_facilitators_facilitate,
    another_workspaces_group_and_series_are_not_found,
    series_keep_workshops_with_agendas_and_periods_in_order,
);

async fn groups_keep_their_three_languages(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let first = LocalizedText {
        fi: "Ryhmä yksi".into(),
        sv: Some("Grupp ett".into()),
        en: None,
    };
    db.store
        .create_group(ws.id, &GroupDetails::named(first.clone()))
        .await
        .expect("created");
    db.store
        .create_group(
            ws.id,
            &GroupDetails::named(LocalizedText::finnish("Ryhmä kaksi")),
        )
        .await
        .expect("created");
    let groups = db.store.list_groups(ws.id).await.expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(
        groups[0].details.name.fi, "Ryhmä kaksi",
        "listed by Finnish name"
    );
    assert_eq!(groups[1].details.name, first);
    assert_ne!(groups[0].public_id, groups[1].public_id);
}

async fn groups_keep_details_and_only_facilitators_facilitate(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let facilitator = user(&db.store, "fac@example.fi", false).await;
    let viewer = user(&db.store, "viewer@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let store = &db.store;
    store
        .add_member(ws.id, facilitator.id, Role::Facilitator)
        .await
        .expect("added");
    store
        .add_member(ws.id, viewer.id, Role::Viewer)
        .await
        .expect("added");
    let input = GroupInput {
        name_fi: "Kivikosken ryhmä".into(),
        area: "Kivikoski".into(),
        description: "Kehitämme palveluohjausta.".into(),
        ground_rules: "Kaikki puhuvat vuorollaan.\nKuunnellaan.".into(),
        ground_rules_agreed_on: "2026-01-20".into(),
        contact: "Soita Annalle.".into(),
        facilitators: vec![facilitator.id.to_string(), owner.id.to_string()],
        ..GroupInput::default()
    };
    let details = GroupDetails::parse(&input).expect("valid");
    let group = store.create_group(ws.id, &details).await.expect("created");
    let read = store.group(ws.id, group.id).await.expect("read");
    assert_eq!(read.details.ground_rules, details.ground_rules);
    assert_eq!(
        read.details.ground_rules_agreed_on,
        details.ground_rules_agreed_on
    );
    assert_eq!(read.details.facilitators.len(), 2);
    assert_eq!(
        store
            .group_by_public_id(&group.public_id)
            .await
            .expect("public")
            .id,
        group.id
    );

    let mut changed = details.clone();
    changed.facilitators = vec![viewer.id];
    assert!(matches!(
        store.update_group(ws.id, group.id, &changed).await,
        Err(StoreError::Conflict(ErrorCode::NotAFacilitator))
    ));
    let unchanged = store.group(ws.id, group.id).await.expect("read");
    assert_eq!(unchanged.details.facilitators.len(), 2, "nothing half-way");

    changed.facilitators = vec![facilitator.id];
    changed.description = "Uusi kuvaus".into();
    changed.ground_rules_agreed_on = None;
    let updated = store
        .update_group(ws.id, group.id, &changed)
        .await
        .expect("updated");
    assert_eq!(updated.details, changed);
    assert_eq!(updated.public_id, group.public_id, "the printed link stays");
}

async fn another_workspaces_group_and_series_are_not_found(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let store = &db.store;
    let ws = store
        .create_workspace(&name("Oma"), owner.id)
        .await
        .expect("created");
    let other = store
        .create_workspace(&name("Toinen"), owner.id)
        .await
        .expect("created");
    let named = GroupDetails::named(LocalizedText::finnish("Ryhmä"));
    let group = store.create_group(other.id, &named).await.expect("created");
    let series_name = SeriesName::parse("Kevät").expect("valid");
    assert!(matches!(
        store.group(ws.id, group.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.update_group(ws.id, group.id, &named).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .create_series(ws.id, group.id, &series_name, Phase::Ideation)
            .await,
        Err(StoreError::NotFound)
    ));
    let series = store
        .create_series(other.id, group.id, &series_name, Phase::Ideation)
        .await
        .expect("created");
    assert!(matches!(
        store.series(ws.id, group.id, series.id).await,
        Err(StoreError::NotFound)
    ));
    let workshop = NewWorkshop::parse("2026-03-01", "13:00", "90", "", &[]).expect("valid");
    assert!(matches!(
        store
            .add_workshop(ws.id, group.id, series.id, &workshop)
            .await,
        Err(StoreError::NotFound)
    ));
    let period = NewCollectionPeriod::parse("2026-03-02", "2026-03-09", "Kysely").expect("valid");
    assert!(matches!(
        store
            .add_collection_period(ws.id, group.id, series.id, &period)
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn series_keep_workshops_with_agendas_and_periods_in_order(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let store = &db.store;
    let ws = store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let group = store
        .create_group(ws.id, &GroupDetails::named(LocalizedText::finnish("Ryhmä")))
        .await
        .expect("created");
    let series = store
        .create_series(
            ws.id,
            group.id,
            &SeriesName::parse("Kevään työpajat").expect("valid"),
            Phase::CurrentState,
        )
        .await
        .expect("created");
    let later = NewWorkshop::parse("2026-04-01", "10:00", "120", "Kirjasto", &[]).expect("valid");
    let agenda = vec![
        ("dialogue_round".to_owned(), "Kuulumiset".to_owned()),
        (String::new(), "Kahvitauko".to_owned()),
        ("dot_voting".to_owned(), String::new()),
    ];
    let first = NewWorkshop::parse("2026-03-01", "13:00", "90", "Teams", &agenda).expect("valid");
    store
        .add_workshop(ws.id, group.id, series.id, &later)
        .await
        .expect("added");
    store
        .add_workshop(ws.id, group.id, series.id, &first)
        .await
        .expect("added");
    let workshops = store
        .list_workshops(ws.id, group.id, series.id)
        .await
        .expect("listed");
    assert_eq!(workshops.len(), 2);
    assert_eq!(workshops[0].details, first, "in time order, agenda kept");
    assert_eq!(
        workshops[0].details.agenda[2].method,
        Some(Method::DotVoting)
    );
    let period = NewCollectionPeriod::parse("2026-03-02", "2026-03-20", "Asiakkaiden haastattelut")
        .expect("valid");
    store
        .add_collection_period(ws.id, group.id, series.id, &period)
        .await
        .expect("added");
    let periods = store
        .list_collection_periods(ws.id, group.id, series.id)
        .await
        .expect("listed");
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].details, period);
    let moved = store
        .update_series(
            ws.id,
            group.id,
            series.id,
            &SeriesName::parse("Kevät").expect("valid"),
            Phase::Ideation,
        )
        .await
        .expect("updated");
    assert_eq!(moved.phase, Phase::Ideation);
    let upcoming = store
        .upcoming_workshops(ws.id, group.id, first.ends_at())
        .await
        .expect("upcoming");
    assert_eq!(upcoming.len(), 1, "the first has ended by then");
    assert_eq!(upcoming[0].series_name, "Kevät");

    let other = store
        .create_workspace(&name("Toinen"), owner.id)
        .await
        .expect("created");
    assert!(matches!(
        store
            .remove_workshop(other.id, group.id, series.id, workshops[0].id)
            .await,
        Err(StoreError::NotFound)
    ));
    store
        .remove_workshop(ws.id, group.id, series.id, workshops[0].id)
        .await
        .expect("removed");
    let left = store
        .list_workshops(ws.id, group.id, series.id)
        .await
        .expect("listed");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].details, later);
}
