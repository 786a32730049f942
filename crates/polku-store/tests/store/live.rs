//! Live sessions: joining, the board, votes within their budget, and the
//! numbered events every screen follows, across instances on PostgreSQL.

use std::time::Duration;

use polku_domain::live::{
    JoinCode, LiveEventKind, Nickname, NoteText, Perspective, SessionTitle, ThemeName, VoteBudget,
};
use polku_domain::{ErrorCode, LiveSessionId, WorkspaceId};
use polku_store::testing::{Backend, TestDb};
use polku_store::{NewLiveSession, NewNote, Store, StoreError, User, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    a_session_is_joined_by_code_and_closes,
    votes_stay_within_the_budget_and_the_cap,
    events_are_numbered_without_gaps_and_followed_once,
    another_workspace_cannot_reach_a_session,
    notes_move_under_themes_and_hide_with_a_reason,
);

async fn session(store: &Store, budget: VoteBudget) -> (User, WorkspaceId, LiveSessionId) {
    let owner = user(store, "fasilitaattori@example.fi", false).await;
    let ws = store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("workspace");
    let title = SessionTitle::parse("Työpaja 1").expect("title");
    let code = JoinCode::parse("K7M3TP").expect("code");
    let session = store
        .create_live_session(&NewLiveSession {
            workspace: ws.id,
            title: &title,
            join_code: &code,
            budget,
            created_by: owner.id,
            workshop: None,
            columns: &[],
        })
        .await
        .expect("session");
    (owner, ws.id, session.id)
}

async fn join(
    store: &Store,
    session: LiveSessionId,
    nick: &str,
    p: Perspective,
) -> polku_domain::live::Participant {
    store
        .join_live_session(
            session,
            &format!("hash-{nick}"),
            &Nickname::parse(nick).expect("nick"),
            p,
        )
        .await
        .expect("joined")
}

async fn note(
    store: &Store,
    session: LiveSessionId,
    p: &polku_domain::live::Participant,
    text: &str,
) -> polku_domain::live::Note {
    store
        .add_live_note(
            session,
            &NewNote {
                text: &NoteText::parse(text).expect("text"),
                theme: None,
                column: None,
                participant: Some(p),
                written_by: None,
            },
        )
        .await
        .expect("note")
}

async fn a_session_is_joined_by_code_and_closes(db: &TestDb) {
    let store = &db.store;
    let (_, ws, id) = session(store, VoteBudget::DEFAULT).await;
    let code = JoinCode::parse("k7m-3tp").expect("code");
    let found = store.open_live_session_by_code(&code).await.expect("open");
    assert_eq!(found.id, id);
    let kettu = join(store, id, "Kettu", Perspective::Client).await;
    assert_eq!(
        store
            .live_participant_by_token("hash-Kettu")
            .await
            .expect("by token")
            .id,
        kettu.id
    );
    assert!(matches!(
        store.live_participant_by_token("hash-other").await,
        Err(StoreError::NotFound)
    ));

    let other = store
        .create_live_session(&NewLiveSession {
            workspace: ws,
            title: &SessionTitle::parse("Toinen").expect("title"),
            join_code: &code,
            budget: VoteBudget::DEFAULT,
            created_by: found.created_by,
            workshop: None,
            columns: &[],
        })
        .await;
    assert!(
        matches!(other, Err(StoreError::Conflict(ErrorCode::Duplicate))),
        "one open session per code"
    );

    store.close_live_session(ws, id).await.expect("closed");
    assert!(matches!(
        store.open_live_session_by_code(&code).await,
        Err(StoreError::NotFound)
    ));
    let late = store
        .join_live_session(
            id,
            "hash-late",
            &Nickname::parse("Myöhäinen").expect("n"),
            Perspective::Other,
        )
        .await;
    assert!(matches!(
        late,
        Err(StoreError::Conflict(ErrorCode::SessionClosed))
    ));
    let text = NoteText::parse("Liian myöhään").expect("text");
    let refused = store
        .add_live_note(
            id,
            &NewNote {
                text: &text,
                theme: None,
                column: None,
                participant: Some(&kettu),
                written_by: None,
            },
        )
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Conflict(ErrorCode::SessionClosed))
    ));
    // The refused writes left no event behind: the numbers stay gap-free.
    let events = store.live_events_after(id, 0, 100).await.expect("events");
    let kinds: Vec<_> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            LiveEventKind::ParticipantJoined,
            LiveEventKind::SessionClosed
        ]
    );
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2]);
    // The code is free again for a new session.
    store
        .create_live_session(&NewLiveSession {
            workspace: ws,
            title: &SessionTitle::parse("Uusi").expect("title"),
            join_code: &code,
            budget: VoteBudget::DEFAULT,
            created_by: found.created_by,
            workshop: None,
            columns: &[],
        })
        .await
        .expect("code reused after closing");
}

async fn votes_stay_within_the_budget_and_the_cap(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = session(store, VoteBudget::new(3, 2).expect("budget")).await;
    let kettu = join(store, id, "Kettu", Perspective::Client).await;
    let karhu = join(store, id, "Karhu", Perspective::Professional).await;
    let first = note(store, id, &kettu, "Jono on liian pitkä").await;
    let second = note(store, id, &karhu, "Kukaan ei soita takaisin").await;

    assert_eq!(
        store
            .cast_live_vote(id, kettu.id, first.id, false)
            .await
            .expect("1"),
        1
    );
    assert_eq!(
        store
            .cast_live_vote(id, kettu.id, first.id, false)
            .await
            .expect("2"),
        2
    );
    assert!(matches!(
        store.cast_live_vote(id, kettu.id, first.id, false).await,
        Err(StoreError::Conflict(ErrorCode::VoteCapReached))
    ));
    assert_eq!(
        store
            .cast_live_vote(id, kettu.id, second.id, false)
            .await
            .expect("3"),
        3
    );
    assert!(matches!(
        store.cast_live_vote(id, kettu.id, second.id, false).await,
        Err(StoreError::Conflict(ErrorCode::VoteBudgetSpent))
    ));
    store
        .cast_live_vote(id, karhu.id, first.id, false)
        .await
        .expect("karhu");
    assert_eq!(store.live_votes_used(kettu.id).await.expect("used"), 3);

    let (_, _, other) = {
        let owner = user(store, "toinen@example.fi", false).await;
        let ws = store
            .create_workspace(&name("Toinen"), owner.id)
            .await
            .expect("ws");
        let s = store
            .create_live_session(&NewLiveSession {
                workspace: ws.id,
                title: &SessionTitle::parse("Muu").expect("t"),
                join_code: &JoinCode::parse("AAAAAA").expect("c"),
                budget: VoteBudget::DEFAULT,
                created_by: owner.id,
                workshop: None,
                columns: &[],
            })
            .await
            .expect("s");
        (owner, ws.id, s.id)
    };
    let stranger = join(store, other, "Vieras", Perspective::Other).await;
    assert!(
        matches!(
            store
                .cast_live_vote(other, stranger.id, first.id, false)
                .await,
            Err(StoreError::NotFound)
        ),
        "a vote on another session's note"
    );

    let notes = store.list_live_notes(id).await.expect("notes");
    let tally = |n: &polku_domain::live::Note| {
        notes
            .iter()
            .find(|x| x.note.id == n.id)
            .expect("listed")
            .votes
            .clone()
    };
    assert_eq!(tally(&first).total, 3);
    assert_eq!(
        tally(&first).by_perspective,
        [(Perspective::Client, 2), (Perspective::Professional, 1)]
    );
    assert_eq!(tally(&second).total, 1);
}

async fn events_are_numbered_without_gaps_and_followed_once(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = session(store, VoteBudget::DEFAULT).await;
    let mut from_start = store.follow_live(id, 0).await.expect("follow");
    let kettu = join(store, id, "Kettu", Perspective::Client).await;
    // Writers racing on one session still get numbers 2..=21 in commit order.
    let mut writers = Vec::new();
    for i in 0..20 {
        let store = store.clone();
        let kettu = kettu.clone();
        writers.push(tokio::spawn(async move {
            note(&store, id, &kettu, &format!("Muistiinpano {i}")).await
        }));
    }
    for w in writers {
        w.await.expect("task");
    }
    let stored = store.live_events_after(id, 0, 1000).await.expect("events");
    assert_eq!(
        stored.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=21).collect::<Vec<_>>()
    );

    let mut seen = Vec::new();
    for _ in 0..21 {
        let event = tokio::time::timeout(Duration::from_secs(5), from_start.next())
            .await
            .expect("in time")
            .expect("event");
        seen.push(event.seq);
    }
    assert_eq!(seen, (1..=21).collect::<Vec<_>>(), "each once, in order");

    // Resuming after 15 gives 16..=21 from the table, then live ones.
    let mut resumed = store.follow_live(id, 15).await.expect("resume");
    for expected in 16..=21 {
        assert_eq!(resumed.next().await.expect("event").seq, expected);
    }
    note(store, id, &kettu, "Vielä yksi").await;
    let live = tokio::time::timeout(Duration::from_secs(5), resumed.next())
        .await
        .expect("in time")
        .expect("event");
    assert_eq!((live.seq, live.kind), (22, LiveEventKind::NoteAdded));
    assert!(live.payload.contains("Vielä yksi"));

    if db.backend() == Backend::Postgres {
        // A second instance on the same database sees the first one's writes.
        let other = Store::open(&db.url).await.expect("second instance");
        let mut follower = other.follow_live(id, 22).await.expect("follow");
        note(store, id, &kettu, "Toiselta palvelimelta").await;
        let event = tokio::time::timeout(Duration::from_secs(1), follower.next())
            .await
            .expect("within a second")
            .expect("event");
        assert_eq!(event.seq, 23);
        assert!(event.payload.contains("Toiselta palvelimelta"));
        other.close().await;
    }
}

async fn another_workspace_cannot_reach_a_session(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = session(store, VoteBudget::DEFAULT).await;
    let stranger = user(store, "vieras@example.fi", false).await;
    let theirs = store
        .create_workspace(&name("Vieras"), stranger.id)
        .await
        .expect("ws");
    assert!(matches!(
        store.live_session(theirs.id, id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.close_live_session(theirs.id, id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.reveal_live_votes(theirs.id, id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .list_live_sessions(theirs.id)
            .await
            .expect("list")
            .is_empty()
    );
}

async fn notes_move_under_themes_and_hide_with_a_reason(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = session(store, VoteBudget::DEFAULT).await;
    let kettu = join(store, id, "Kettu", Perspective::ExpertByExperience).await;
    let n = note(store, id, &kettu, "Tieto ei kulje").await;
    let theme = store
        .add_live_theme(id, &ThemeName::parse("Tiedonkulku").expect("name"))
        .await
        .expect("theme");
    store
        .move_live_note(id, n.id, Some(theme.id), None)
        .await
        .expect("moved");
    let listed = store.list_live_notes(id).await.expect("notes");
    assert_eq!(listed[0].note.theme_id, Some(theme.id));
    store
        .hide_live_note(id, n.id, "Sisältää nimen")
        .await
        .expect("hidden");
    let listed = store.list_live_notes(id).await.expect("notes");
    assert_eq!(
        listed[0].note.hidden_reason.as_deref(),
        Some("Sisältää nimen")
    );
    assert!(
        matches!(
            store.cast_live_vote(id, kettu.id, n.id, false).await,
            Err(StoreError::NotFound)
        ),
        "no votes on a hidden note"
    );
    let (_, _, other) = session_in_new_workspace(store).await;
    let foreign_theme = store
        .add_live_theme(other, &ThemeName::parse("Muu").expect("name"))
        .await
        .expect("theme");
    assert!(matches!(
        store
            .move_live_note(id, n.id, Some(foreign_theme.id), None)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.list_live_themes(id).await.expect("themes").len(), 1);
}

async fn session_in_new_workspace(store: &Store) -> (User, WorkspaceId, LiveSessionId) {
    let owner = user(store, "kolmas@example.fi", false).await;
    let ws = store
        .create_workspace(&name("Kolmas"), owner.id)
        .await
        .expect("ws");
    let s = store
        .create_live_session(&NewLiveSession {
            workspace: ws.id,
            title: &SessionTitle::parse("Kolmas").expect("t"),
            join_code: &JoinCode::parse("CCCCCC").expect("c"),
            budget: VoteBudget::DEFAULT,
            created_by: owner.id,
            workshop: None,
            columns: &[],
        })
        .await
        .expect("s");
    (owner, ws.id, s.id)
}
