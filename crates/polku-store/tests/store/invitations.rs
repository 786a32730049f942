//! Invitations: stored by their token's hash, accepted once by the invited
//! address, withdrawn, expired, and kept inside their workspace.

use polku_domain::{AuditAction, Email, ErrorCode, INVITATION_LIFETIME, Role, WorkspaceId};
use polku_store::testing::TestDb;
use polku_store::{NewInvitation, StoreError, User, test_on_both_backends};
use time::{Duration, OffsetDateTime};

use crate::{name, user};

test_on_both_backends!(
    pending_invitations_are_listed_and_found_by_token_hash,
    accepting_makes_a_member_once_and_is_recorded,
    only_the_invited_address_can_accept,
    withdrawn_and_expired_invitations_cannot_be_accepted,
    a_member_accepting_again_leaves_the_invitation_pending,
    invitations_stay_inside_their_workspace,
);

fn invite<'a>(
    workspace: WorkspaceId,
    email: &str,
    role: Role,
    hash: &str,
    by: &'a User,
) -> NewInvitation<'a> {
    let now = OffsetDateTime::now_utc();
    NewInvitation {
        workspace,
        email: Email::parse(email).expect("valid"),
        role,
        token_hash: hash.to_owned(),
        invited_by: by,
        created_at: now,
        expires_at: now + INVITATION_LIFETIME,
    }
}

async fn pending_invitations_are_listed_and_found_by_token_hash(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let created = db
        .store
        .create_invitation(&invite(
            ws.id,
            "uusi@example.fi",
            Role::Viewer,
            "h1",
            &owner,
        ))
        .await
        .expect("invited");
    assert_eq!(created.inviter_name.as_ref(), Some(&owner.name));
    let pending = db
        .store
        .list_pending_invitations(ws.id, OffsetDateTime::now_utc())
        .await
        .expect("list");
    assert_eq!(pending, vec![created.clone()]);
    let found = db
        .store
        .find_invitation_by_token_hash("h1")
        .await
        .expect("query")
        .expect("found");
    assert_eq!(found, created);
    assert_eq!(
        db.store.invitation(ws.id, created.id).await.expect("found"),
        created
    );
    assert!(
        db.store
            .find_invitation_by_token_hash("h2")
            .await
            .expect("query")
            .is_none()
    );
    let trail = db.store.list_audit_events(ws.id, 10).await.expect("trail");
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, AuditAction::InvitationCreated);
    assert_eq!(trail[0].target, "uusi@example.fi");
    assert_eq!(trail[0].actor_name.as_ref(), Some(&owner.name));
    assert_eq!(trail[0].role, Some(Role::Viewer));
}

async fn accepting_makes_a_member_once_and_is_recorded(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let invited = user(&db.store, "uusi@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let invitation = db
        .store
        .create_invitation(&invite(
            ws.id,
            "uusi@example.fi",
            Role::Facilitator,
            "h",
            &owner,
        ))
        .await
        .expect("invited");
    let now = OffsetDateTime::now_utc();
    let member = db
        .store
        .accept_invitation(ws.id, invitation.id, &invited, now)
        .await
        .expect("accepted");
    assert_eq!(member.role, Role::Facilitator);
    assert_eq!(
        db.store.member_role(ws.id, invited.id).await.expect("role"),
        Some(Role::Facilitator)
    );
    let again = db
        .store
        .accept_invitation(ws.id, invitation.id, &invited, now)
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
    let used = db
        .store
        .find_invitation_by_token_hash("h")
        .await
        .expect("query")
        .expect("kept");
    assert!(used.accepted_at.is_some());
    assert!(
        db.store
            .list_pending_invitations(ws.id, now)
            .await
            .expect("list")
            .is_empty()
    );
    let trail = db.store.list_audit_events(ws.id, 10).await.expect("trail");
    assert_eq!(trail[0].action, AuditAction::InvitationAccepted);
    assert_eq!(trail[0].actor, Some(invited.id));
    assert_eq!(trail[0].target, "uusi@example.fi");
}

async fn only_the_invited_address_can_accept(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let stranger = user(&db.store, "vieras@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let invitation = db
        .store
        .create_invitation(&invite(ws.id, "uusi@example.fi", Role::Viewer, "h", &owner))
        .await
        .expect("invited");
    let refused = db
        .store
        .accept_invitation(ws.id, invitation.id, &stranger, OffsetDateTime::now_utc())
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    assert_eq!(
        db.store
            .member_role(ws.id, stranger.id)
            .await
            .expect("role"),
        None
    );
}

async fn withdrawn_and_expired_invitations_cannot_be_accepted(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let invited = user(&db.store, "uusi@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let withdrawn = db
        .store
        .create_invitation(&invite(ws.id, "uusi@example.fi", Role::Viewer, "w", &owner))
        .await
        .expect("invited");
    let now = OffsetDateTime::now_utc();
    db.store
        .withdraw_invitation(ws.id, withdrawn.id, &owner, now)
        .await
        .expect("withdrawn");
    let twice = db
        .store
        .withdraw_invitation(ws.id, withdrawn.id, &owner, now)
        .await;
    assert!(matches!(twice, Err(StoreError::NotFound)), "{twice:?}");
    let refused = db
        .store
        .accept_invitation(ws.id, withdrawn.id, &invited, now)
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");

    let mut old = invite(ws.id, "uusi@example.fi", Role::Viewer, "e", &owner);
    old.created_at = now - Duration::days(8);
    old.expires_at = now - Duration::days(1);
    let expired = db.store.create_invitation(&old).await.expect("invited");
    let refused = db
        .store
        .accept_invitation(ws.id, expired.id, &invited, now)
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    assert!(
        db.store
            .list_pending_invitations(ws.id, now)
            .await
            .expect("list")
            .is_empty()
    );
    assert_eq!(
        db.store.member_role(ws.id, invited.id).await.expect("role"),
        None
    );
    let actions: Vec<_> = db
        .store
        .list_audit_events(ws.id, 10)
        .await
        .expect("trail")
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            AuditAction::InvitationWithdrawn,
            AuditAction::InvitationCreated,
            AuditAction::InvitationCreated
        ],
        "newest first; an invitation's creation is recorded at its own time"
    );
}

async fn a_member_accepting_again_leaves_the_invitation_pending(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let invitation = db
        .store
        .create_invitation(&invite(
            ws.id,
            "owner@example.fi",
            Role::Viewer,
            "h",
            &owner,
        ))
        .await
        .expect("invited");
    let now = OffsetDateTime::now_utc();
    let err = db
        .store
        .accept_invitation(ws.id, invitation.id, &owner, now)
        .await
        .expect_err("already a member");
    assert!(
        matches!(err, StoreError::Conflict(ErrorCode::AlreadyMember)),
        "{err:?}"
    );
    assert_eq!(
        db.store
            .list_pending_invitations(ws.id, now)
            .await
            .expect("list")
            .len(),
        1,
        "the refused acceptance changed nothing"
    );
    assert_eq!(
        db.store.member_role(ws.id, owner.id).await.expect("role"),
        Some(Role::Owner)
    );
}

async fn invitations_stay_inside_their_workspace(db: &TestDb) {
    let owner = user(&db.store, "owner@example.fi", false).await;
    let invited = user(&db.store, "uusi@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("created");
    let other = db
        .store
        .create_workspace(&name("Muu"), owner.id)
        .await
        .expect("created");
    let invitation = db
        .store
        .create_invitation(&invite(ws.id, "uusi@example.fi", Role::Viewer, "h", &owner))
        .await
        .expect("invited");
    let now = OffsetDateTime::now_utc();
    assert!(matches!(
        db.store.invitation(other.id, invitation.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        db.store
            .withdraw_invitation(other.id, invitation.id, &owner, now)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        db.store
            .accept_invitation(other.id, invitation.id, &invited, now)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        db.store
            .list_pending_invitations(other.id, now)
            .await
            .expect("list")
            .is_empty()
    );
    assert!(
        db.store
            .list_audit_events(other.id, 10)
            .await
            .expect("trail")
            .is_empty()
    );
    db.store.delete_workspace(ws.id).await.expect("deleted");
    assert!(
        db.store
            .find_invitation_by_token_hash("h")
            .await
            .expect("query")
            .is_none(),
        "a deleted workspace takes its invitations along"
    );
}
