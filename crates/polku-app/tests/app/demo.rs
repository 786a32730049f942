//! The demo content: its groups have what a newcomer needs to see.

use polku_app::demo::recreate;
use polku_domain::{Phase, Role};
use polku_store::test_on_both_backends;
use polku_store::testing::TestDb;
use time::OffsetDateTime;

test_on_both_backends!(demo_groups_have_rules_a_series_and_workshops_to_come,);

async fn demo_groups_have_rules_a_series_and_workshops_to_come(db: &TestDb) {
    let store = &db.store;
    let login = recreate(store).await.expect("seeded");
    let user = store
        .find_user_by_email(&polku_domain::Email::parse(&login.email).expect("e-mail"))
        .await
        .expect("query")
        .expect("facilitator");
    let (workspace, role) = store
        .list_workspaces_for(&user)
        .await
        .expect("workspaces")
        .into_iter()
        .next()
        .expect("the demo workspace");
    assert_eq!(role, Some(Role::Owner));
    let groups = store.list_groups(workspace.id).await.expect("groups");
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|g| !g.details.description.is_empty()));
    let with_rules = groups
        .iter()
        .find(|g| !g.details.ground_rules.is_empty())
        .expect("a group with ground rules");
    assert!(with_rules.details.ground_rules_agreed_on.is_some());
    assert!(!with_rules.details.facilitators.is_empty());
    let series = store
        .list_series(workspace.id, with_rules.id)
        .await
        .expect("series");
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].phase, Phase::Ideation);
    let workshops = store
        .list_workshops(workspace.id, with_rules.id, series[0].id)
        .await
        .expect("workshops");
    assert_eq!(workshops.len(), 3);
    let periods = store
        .list_collection_periods(workspace.id, with_rules.id, series[0].id)
        .await
        .expect("periods");
    assert_eq!(periods.len(), 1);
    let upcoming = store
        .upcoming_workshops(workspace.id, with_rules.id, OffsetDateTime::now_utc())
        .await
        .expect("upcoming");
    assert_eq!(
        upcoming.len(),
        2,
        "the invitation page has meetings to show"
    );
    let other = groups
        .iter()
        .find(|g| g.id != with_rules.id)
        .expect("the other group");
    let closed = store
        .list_series(workspace.id, other.id)
        .await
        .expect("series");
    assert_eq!(closed.len(), 1);
    assert!(closed[0].is_closed(), "a closed series to show");
    recreate(store).await.expect("recreated");
}
