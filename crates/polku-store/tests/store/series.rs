//! Editing a series' schedule: workshops edited in place, periods removed,
//! and a series closed (no changes until reopened) and reopened.

use polku_domain::{
    ErrorCode, GroupDetails, GroupId, LocalizedText, Method, NewCollectionPeriod, NewWorkshop,
    Phase, SeriesName, WorkshopSeries, WorkspaceId,
};
use polku_store::testing::TestDb;
use polku_store::{Store, StoreError, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    a_workshop_is_edited_in_place_with_a_new_agenda,
    a_period_is_removed_only_from_its_own_series,
    a_closed_series_takes_no_changes_until_reopened,
    the_retention_period_is_twelve_months_unless_set,
);

/// A workspace named `label` with a group and a series in it.
async fn series_of(store: &Store, label: &str) -> (WorkspaceId, GroupId, WorkshopSeries) {
    let owner = user(store, &format!("{label}@example.fi"), false).await;
    let ws = store
        .create_workspace(&name(label), owner.id)
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
            &SeriesName::parse("Kevät").expect("valid"),
            Phase::Ideation,
        )
        .await
        .expect("created");
    (ws.id, group.id, series)
}

fn workshop(date: &str, agenda: &[(&str, &str)]) -> NewWorkshop {
    let agenda: Vec<(String, String)> = agenda
        .iter()
        .map(|(m, t)| ((*m).to_owned(), (*t).to_owned()))
        .collect();
    NewWorkshop::parse(date, "13:00", "90", "Kirjasto", &agenda).expect("valid")
}

async fn a_workshop_is_edited_in_place_with_a_new_agenda(db: &TestDb) {
    let store = &db.store;
    let (ws, group, series) = series_of(store, "oma").await;
    let first = workshop(
        "2026-03-01",
        &[
            ("dialogue_round", "Kuulumiset"),
            ("", "Kahvi"),
            ("dot_voting", ""),
        ],
    );
    let added = store
        .add_workshop(ws, group, series.id, &first)
        .await
        .expect("added");
    let changed = NewWorkshop::parse(
        "2026-03-08",
        "09.30",
        "150",
        "Nuorisotalo",
        &[("feedback_round".to_owned(), "Lopuksi".to_owned())],
    )
    .expect("valid");
    let saved = store
        .update_workshop(ws, group, series.id, added.id, &changed)
        .await
        .expect("updated");
    assert_eq!(
        saved.id, added.id,
        "the same workshop, the same calendar UID"
    );
    let read = store
        .workshop(ws, group, series.id, added.id)
        .await
        .expect("read");
    assert_eq!(read.details, changed, "day, time, length, place and agenda");
    assert_eq!(read.details.agenda.len(), 1, "the old agenda is gone");
    assert_eq!(read.details.agenda[0].method, Some(Method::FeedbackRound));

    // Another workspace's ids, another series, an unknown workshop.
    let (other_ws, other_group, other_series) = series_of(store, "toinen").await;
    for (w, g, s) in [
        (other_ws, group, series.id),
        (ws, other_group, series.id),
        (ws, group, other_series.id),
    ] {
        assert!(
            matches!(
                store.update_workshop(w, g, s, added.id, &first).await,
                Err(StoreError::NotFound)
            ),
            "{w} {g} {s}"
        );
    }
    let unknown = store
        .add_workshop(other_ws, other_group, other_series.id, &first)
        .await
        .expect("added")
        .id;
    assert!(matches!(
        store
            .update_workshop(ws, group, series.id, unknown, &first)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.workshop(ws, group, series.id, unknown).await,
        Err(StoreError::NotFound)
    ));
    let read = store
        .workshop(ws, group, series.id, added.id)
        .await
        .expect("read");
    assert_eq!(read.details, changed, "nothing changed by the refusals");
}

async fn a_period_is_removed_only_from_its_own_series(db: &TestDb) {
    let store = &db.store;
    let (ws, group, series) = series_of(store, "oma").await;
    let (other_ws, other_group, other_series) = series_of(store, "toinen").await;
    let period =
        NewCollectionPeriod::parse("2026-03-02", "2026-03-20", "Haastattelut").expect("valid");
    let kept = store
        .add_collection_period(ws, group, series.id, &period)
        .await
        .expect("added");
    let removed = store
        .add_collection_period(ws, group, series.id, &period)
        .await
        .expect("added");
    let foreign = store
        .add_collection_period(other_ws, other_group, other_series.id, &period)
        .await
        .expect("added");
    for (w, g, s, p) in [
        (other_ws, group, series.id, removed.id),
        (ws, group, other_series.id, removed.id),
        (ws, group, series.id, foreign.id),
    ] {
        assert!(
            matches!(
                store.remove_collection_period(w, g, s, p).await,
                Err(StoreError::NotFound)
            ),
            "{w} {s} {p}"
        );
    }
    assert_eq!(
        store
            .collection_period(ws, group, series.id, removed.id)
            .await
            .expect("read")
            .details,
        period
    );
    store
        .remove_collection_period(ws, group, series.id, removed.id)
        .await
        .expect("removed");
    let left = store
        .list_collection_periods(ws, group, series.id)
        .await
        .expect("listed");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, kept.id);
    assert!(matches!(
        store
            .remove_collection_period(ws, group, series.id, removed.id)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .collection_period(ws, group, series.id, removed.id)
            .await,
        Err(StoreError::NotFound)
    ));
    let theirs = store
        .list_collection_periods(other_ws, other_group, other_series.id)
        .await
        .expect("listed");
    assert_eq!(theirs.len(), 1, "the other workspace's period stays");
}

async fn a_closed_series_takes_no_changes_until_reopened(db: &TestDb) {
    let store = &db.store;
    let (ws, group, series) = series_of(store, "oma").await;
    assert_eq!(series.closed_at, None, "a new series runs");
    let w = store
        .add_workshop(ws, group, series.id, &workshop("2026-03-01", &[]))
        .await
        .expect("added");
    let period = NewCollectionPeriod::parse("2026-03-02", "2026-03-20", "Kysely").expect("valid");
    let p = store
        .add_collection_period(ws, group, series.id, &period)
        .await
        .expect("added");

    let (other_ws, _, _) = series_of(store, "toinen").await;
    assert!(matches!(
        store.close_series(other_ws, group, series.id).await,
        Err(StoreError::NotFound)
    ));
    let closed = store
        .close_series(ws, group, series.id)
        .await
        .expect("closed");
    let at = closed.closed_at.expect("a closing time");
    assert!(closed.is_closed());
    let listed = store.list_series(ws, group).await.expect("listed");
    assert_eq!(listed[0].closed_at, Some(at), "the list shows it closed");
    let again = store
        .close_series(ws, group, series.id)
        .await
        .expect("closed");
    assert_eq!(
        again.closed_at,
        Some(at),
        "closing again keeps the first time"
    );

    let refused = |r: Result<(), StoreError>, what: &str| {
        assert!(
            matches!(r, Err(StoreError::Conflict(ErrorCode::SeriesClosed))),
            "{what}: {r:?}"
        );
    };
    let later = workshop("2026-04-01", &[("", "Uusi")]);
    refused(
        store
            .add_workshop(ws, group, series.id, &later)
            .await
            .map(drop),
        "add a workshop",
    );
    refused(
        store
            .update_workshop(ws, group, series.id, w.id, &later)
            .await
            .map(drop),
        "edit a workshop",
    );
    refused(
        store.remove_workshop(ws, group, series.id, w.id).await,
        "remove a workshop",
    );
    refused(
        store
            .add_collection_period(ws, group, series.id, &period)
            .await
            .map(drop),
        "add a period",
    );
    refused(
        store
            .remove_collection_period(ws, group, series.id, p.id)
            .await,
        "remove a period",
    );
    refused(
        store
            .update_series(
                ws,
                group,
                series.id,
                &SeriesName::parse("Uusi nimi").expect("valid"),
                Phase::Pilots,
            )
            .await
            .map(drop),
        "rename",
    );
    let workshops = store
        .list_workshops(ws, group, series.id)
        .await
        .expect("listed");
    assert_eq!(workshops.len(), 1, "nothing added or removed");
    assert_eq!(workshops[0].details, workshop("2026-03-01", &[]));
    let unchanged = store.series(ws, group, series.id).await.expect("read");
    assert_eq!(
        (unchanged.name.as_str(), unchanged.phase),
        ("Kevät", Phase::Ideation)
    );

    let reopened = store
        .reopen_series(ws, group, series.id)
        .await
        .expect("reopened");
    assert_eq!(reopened.closed_at, None);
    store
        .update_workshop(ws, group, series.id, w.id, &later)
        .await
        .expect("edited once reopened");
    store
        .remove_collection_period(ws, group, series.id, p.id)
        .await
        .expect("removed once reopened");
    let reclosed = store
        .close_series(ws, group, series.id)
        .await
        .expect("closed");
    assert!(
        reclosed.closed_at.is_some_and(|t| t >= at),
        "a new closing time"
    );
}

async fn the_retention_period_is_twelve_months_unless_set(db: &TestDb) {
    let store = &db.store;
    let (ws, _, _) = series_of(store, "oma").await;
    assert_eq!(store.series_retention_months(ws).await.expect("months"), 12);
    let unknown = WorkspaceId::new();
    assert!(matches!(
        store.series_retention_months(unknown).await,
        Err(StoreError::NotFound)
    ));
}
