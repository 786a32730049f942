//! Installation settings.

use polku_store::test_on_both_backends;
use polku_store::testing::TestDb;

test_on_both_backends!(settings_are_replaced_not_duplicated,);

async fn settings_are_replaced_not_duplicated(db: &TestDb) {
    assert_eq!(db.store.setting("k").await.expect("read"), None);
    db.store.set_setting("k", "1").await.expect("set");
    db.store.set_setting("k", "2").await.expect("set");
    assert_eq!(
        db.store.setting("k").await.expect("read").as_deref(),
        Some("2")
    );
}
