//! Workspaces and their members.

use polku_domain::{
    AuditAction, ErrorCode, GroupDetails, LocalizedText, RetentionMonths, Role,
    SmallGroupThreshold, WorkspaceId, WorkspaceSettings,
};
use polku_store::testing::TestDb;
use polku_store::{StoreError, WorkspaceSettingsChange, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    workspace_creator_becomes_its_only_owner,
    members_see_only_their_workspaces_and_admins_see_all,
    last_owner_cannot_be_removed,
    last_owner_cannot_be_demoted_and_role_changes_are_recorded,
    owners_removing_each_other_at_once_keep_one_owner,
    membership_changes_name_the_workspace,
    adding_a_member_twice_is_a_conflict,
    deleting_a_workspace_removes_its_memberships_and_groups,
    unknown_workspace_is_not_found,
    privacy_settings_start_at_their_defaults_and_change_one_at_a_time,
);

async fn workspace_creator_becomes_its_only_owner(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let members = db.store.list_members(ws.id).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].user_id, owner.id);
    assert_eq!(members[0].role, Role::Owner);
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        Some(Role::Owner)
    );
    assert_eq!(
        db.store
            .workspace(ws.id)
            .await
            .expect("found")
            .name
            .as_str(),
        "Hanke"
    );
}

async fn members_see_only_their_workspaces_and_admins_see_all(db: &TestDb) {
    let a = user(&db.store, "a@example.fi", false).await;
    let b = user(&db.store, "b@example.fi", false).await;
    let admin = user(&db.store, "admin@example.fi", true).await;
    let wa = db
        .store
        .create_workspace(&name("A-hanke"), a.id)
        .await
        .expect("created");
    let wb = db
        .store
        .create_workspace(&name("B-hanke"), b.id)
        .await
        .expect("created");
    let seen_by_a = db.store.list_workspaces_for(&a).await.expect("list");
    assert_eq!(seen_by_a.len(), 1);
    assert_eq!(seen_by_a[0].0.id, wa.id);
    assert_eq!(seen_by_a[0].1, Some(Role::Owner));
    let seen_by_admin = db.store.list_workspaces_for(&admin).await.expect("list");
    let ids: Vec<_> = seen_by_admin.iter().map(|(w, _)| w.id).collect();
    assert_eq!(ids, vec![wa.id, wb.id]);
    assert!(seen_by_admin.iter().all(|(_, role)| role.is_none()));
    assert_eq!(db.store.member_role(wb.id, a.id).await.expect("role"), None);
}

async fn last_owner_cannot_be_removed(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let err = db
        .store
        .remove_member(ws.id, owner.id, owner.id)
        .await
        .expect_err("refused");
    assert!(
        matches!(err, StoreError::Conflict(ErrorCode::LastOwner)),
        "{err:?}"
    );
    db.store
        .add_member(ws.id, other.id, Role::Owner)
        .await
        .expect("added");
    assert_eq!(
        db.store
            .remove_member(ws.id, owner.id, other.id)
            .await
            .expect("removed"),
        Role::Owner
    );
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        None
    );
    let missing = db
        .store
        .remove_member(ws.id, owner.id, other.id)
        .await
        .expect_err("gone");
    assert!(matches!(missing, StoreError::NotFound));
}

async fn adding_a_member_twice_is_a_conflict(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    db.store
        .add_member(ws.id, other.id, Role::Viewer)
        .await
        .expect("added");
    let err = db
        .store
        .add_member(ws.id, other.id, Role::Facilitator)
        .await
        .expect_err("twice");
    assert!(
        matches!(err, StoreError::Conflict(ErrorCode::AlreadyMember)),
        "{err:?}"
    );
    assert_eq!(
        db.store.member_role(ws.id, other.id).await.expect("role"),
        Some(Role::Viewer)
    );
}

async fn deleting_a_workspace_removes_its_memberships_and_groups(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    db.store
        .create_group(ws.id, &GroupDetails::named(LocalizedText::finnish("Ryhmä")))
        .await
        .expect("created");
    db.store.delete_workspace(ws.id).await.expect("deleted");
    assert!(matches!(
        db.store.workspace(ws.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        db.store
            .list_groups(ws.id)
            .await
            .expect("groups")
            .is_empty()
    );
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        None
    );
    assert!(
        db.store
            .list_workspaces_for(&owner)
            .await
            .expect("list")
            .is_empty()
    );
}

async fn unknown_workspace_is_not_found(db: &TestDb) {
    let err = db
        .store
        .workspace(polku_domain::WorkspaceId::new())
        .await
        .expect_err("missing");
    assert!(matches!(err, StoreError::NotFound));
}

async fn last_owner_cannot_be_demoted_and_role_changes_are_recorded(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let err = db
        .store
        .change_member_role(ws.id, owner.id, Role::Facilitator, owner.id)
        .await
        .expect_err("refused");
    assert!(
        matches!(err, StoreError::Conflict(ErrorCode::LastOwner)),
        "{err:?}"
    );
    db.store
        .add_member(ws.id, other.id, Role::Viewer)
        .await
        .expect("added");
    let before = db
        .store
        .change_member_role(ws.id, other.id, Role::Owner, owner.id)
        .await
        .expect("promoted");
    assert_eq!(before, Role::Viewer);
    let same = db
        .store
        .change_member_role(ws.id, other.id, Role::Owner, owner.id)
        .await
        .expect("unchanged");
    assert_eq!(same, Role::Owner);
    db.store
        .change_member_role(ws.id, owner.id, Role::Viewer, other.id)
        .await
        .expect("demoted, another owner remains");
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        Some(Role::Viewer)
    );
    let trail = db.store.list_audit_events(ws.id, 10).await.expect("trail");
    let recorded: Vec<_> = trail
        .iter()
        .map(|e| (e.action, e.target.clone(), e.role, e.actor))
        .collect();
    assert_eq!(
        recorded,
        vec![
            (
                AuditAction::RoleChanged,
                owner.id.to_string(),
                Some(Role::Viewer),
                Some(other.id)
            ),
            (
                AuditAction::RoleChanged,
                other.id.to_string(),
                Some(Role::Owner),
                Some(owner.id)
            ),
        ],
        "newest first, the unchanged role not recorded"
    );
}

/// Two owners remove each other from many fresh workspaces at the same
/// moment: every time exactly one removal goes through.
async fn owners_removing_each_other_at_once_keep_one_owner(db: &TestDb) {
    let a = user(&db.store, "a@example.fi", false).await;
    let b = user(&db.store, "b@example.fi", false).await;
    for try_no in 0..20 {
        let ws = db
            .store
            .create_workspace(&name(&format!("Kilpa {try_no}")), a.id)
            .await
            .expect("created");
        db.store
            .add_member(ws.id, b.id, Role::Owner)
            .await
            .expect("added");
        let (first, second) = tokio::join!(
            db.store.remove_member(ws.id, b.id, a.id),
            db.store.remove_member(ws.id, a.id, b.id),
        );
        let refused = [&first, &second]
            .iter()
            .filter(|r| matches!(r, Err(StoreError::Conflict(ErrorCode::LastOwner))))
            .count();
        assert_eq!(
            (first.is_ok() as usize + second.is_ok() as usize, refused),
            (1, 1),
            "try {try_no}: {first:?} {second:?}"
        );
        let members = db.store.list_members(ws.id).await.expect("members");
        assert_eq!(members.len(), 1, "try {try_no}");
        assert_eq!(members[0].role, Role::Owner, "try {try_no}");
    }
}

async fn membership_changes_name_the_workspace(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let other = user(&db.store, "other@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let elsewhere = db
        .store
        .create_workspace(&name("Muu hanke"), other.id)
        .await
        .expect("created");
    db.store
        .add_member(ws.id, other.id, Role::Owner)
        .await
        .expect("added");
    for result in [
        db.store
            .remove_member(elsewhere.id, owner.id, other.id)
            .await,
        db.store
            .change_member_role(elsewhere.id, owner.id, Role::Viewer, other.id)
            .await,
        db.store
            .remove_member(WorkspaceId::new(), owner.id, other.id)
            .await,
    ] {
        assert!(matches!(result, Err(StoreError::NotFound)), "{result:?}");
    }
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        Some(Role::Owner)
    );
}

async fn privacy_settings_start_at_their_defaults_and_change_one_at_a_time(db: &TestDb) {
    let store = &db.store;
    let owner = user(store, "owner@example.fi", false).await;
    let ws = store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let defaults = WorkspaceSettings {
        small_group_threshold: SmallGroupThreshold::new(5).expect("valid"),
        retention_months: RetentionMonths::new(12).expect("valid"),
    };
    assert_eq!(ws.settings, defaults);
    assert_eq!(
        store.workspace_settings(ws.id).await.expect("read"),
        defaults
    );

    let three = SmallGroupThreshold::new(3).expect("valid");
    let changed = store
        .update_workspace_settings(
            ws.id,
            &WorkspaceSettingsChange {
                small_group_threshold: Some(three),
                retention_months: None,
            },
        )
        .await
        .expect("changed");
    assert_eq!(changed.small_group_threshold, three);
    assert_eq!(changed.retention_months, defaults.retention_months, "kept");
    let months = RetentionMonths::new(60).expect("valid");
    store
        .update_workspace_settings(
            ws.id,
            &WorkspaceSettingsChange {
                small_group_threshold: None,
                retention_months: Some(months),
            },
        )
        .await
        .expect("changed");
    let read = store.workspace(ws.id).await.expect("read").settings;
    assert_eq!(
        read,
        WorkspaceSettings {
            small_group_threshold: three,
            retention_months: months,
        }
    );
    let listed = store.list_workspaces_for(&owner).await.expect("listed");
    assert_eq!(listed[0].0.settings, read);
    assert!(matches!(
        store
            .update_workspace_settings(WorkspaceId::new(), &WorkspaceSettingsChange::default())
            .await,
        Err(StoreError::NotFound)
    ));
}
