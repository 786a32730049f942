//! Development groups.

use polku_domain::LocalizedText;
use polku_store::test_on_both_backends;
use polku_store::testing::TestDb;

use crate::{name, user};

test_on_both_backends!(groups_keep_their_three_languages,);

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
    db.store.create_group(ws.id, &first).await.expect("created");
    db.store
        .create_group(ws.id, &LocalizedText::finnish("Ryhmä kaksi"))
        .await
        .expect("created");
    let groups = db.store.list_groups(ws.id).await.expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].name.fi, "Ryhmä kaksi", "listed by Finnish name");
    assert_eq!(groups[1].name, first);
}
