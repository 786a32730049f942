//! The board beyond notes and votes: columns, merging duplicates, the lock
//! on participants' moves, taking one's own note back, and sessions held for
//! a workshop of a series (with return codes of that series).

use polku_domain::live::{
    ColumnPrompt, JoinCode, LiveEventKind, Nickname, NoteText, Participant, Perspective,
    SessionTitle, ThemeName, VoteBudget,
};
use polku_domain::{
    ColumnId, ErrorCode, GroupDetails, LiveSessionId, LocalizedText, NewWorkshop, Phase,
    SeriesName, WorkshopId, WorkspaceId,
};
use polku_store::testing::TestDb;
use polku_store::{NewLiveSession, NewNote, Store, StoreError, User, test_on_both_backends};

use crate::{name, user};

test_on_both_backends!(
    columns_keep_their_order_and_notes_answer_them,
    a_merged_note_takes_its_votes_to_the_note_it_repeats,
    a_locked_board_lets_participants_move_only_their_own_notes,
    a_participant_deletes_only_their_own_note,
    a_session_held_for_a_workshop_belongs_to_its_series,
);

async fn open(
    store: &Store,
    owner: &User,
    ws: WorkspaceId,
    code: &str,
    workshop: Option<WorkshopId>,
    columns: &[ColumnPrompt],
) -> Result<polku_domain::live::LiveSession, StoreError> {
    store
        .create_live_session(&NewLiveSession {
            workspace: ws,
            title: &SessionTitle::parse("Työpaja").expect("title"),
            join_code: &JoinCode::parse(code).expect("code"),
            budget: VoteBudget::DEFAULT,
            created_by: owner.id,
            workshop,
            columns,
        })
        .await
}

async fn setup(db: &TestDb) -> (User, WorkspaceId, LiveSessionId) {
    let owner = user(&db.store, "ohjaaja@example.fi", false).await;
    let ws = db
        .store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("workspace");
    let session = open(&db.store, &owner, ws.id, "K7M3TP", None, &[])
        .await
        .expect("session");
    (owner, ws.id, session.id)
}

async fn join(store: &Store, session: LiveSessionId, nick: &str) -> Participant {
    store
        .join_live_session(
            session,
            &format!("hash-{nick}-{session}"),
            &Nickname::parse(nick).expect("nick"),
            Perspective::Client,
        )
        .await
        .expect("joined")
}

async fn write(
    store: &Store,
    session: LiveSessionId,
    by: &Participant,
    column: Option<ColumnId>,
    text: &str,
) -> Result<polku_domain::live::Note, StoreError> {
    store
        .add_live_note(
            session,
            &NewNote {
                text: &NoteText::parse(text).expect("text"),
                theme: None,
                column,
                participant: Some(by),
                written_by: None,
            },
        )
        .await
}

async fn columns_keep_their_order_and_notes_answer_them(db: &TestDb) {
    let store = &db.store;
    let (owner, ws, _) = setup(db).await;
    let asked = [
        ColumnPrompt::parse("Mikä toimii?").expect("prompt"),
        ColumnPrompt::parse("Missä jumittuu?").expect("prompt"),
    ];
    let session = open(store, &owner, ws, "H7M3TP", None, &asked)
        .await
        .expect("session");
    let added = store
        .add_live_column(session.id, &ColumnPrompt::parse("Mitä muuta?").expect("p"))
        .await
        .expect("added");
    let columns = store.list_live_columns(session.id).await.expect("columns");
    let prompts: Vec<&str> = columns.iter().map(|c| c.prompt.as_str()).collect();
    assert_eq!(prompts, ["Mikä toimii?", "Missä jumittuu?", "Mitä muuta?"]);
    assert_eq!(columns[2].id, added.id);

    let kettu = join(store, session.id, "Kettu").await;
    let note = write(store, session.id, &kettu, Some(columns[1].id), "Jono")
        .await
        .expect("note");
    let listed = store.list_live_notes(session.id).await.expect("notes");
    assert_eq!(listed[0].note.column_id, Some(columns[1].id));
    assert_eq!(listed[0].note.id, note.id);

    // Another session's column is not this board's.
    let other = open(store, &owner, ws, "J7M3TP", None, &[])
        .await
        .expect("other");
    let stranger = join(store, other.id, "Susi").await;
    assert!(matches!(
        write(store, other.id, &stranger, Some(columns[0].id), "Ei").await,
        Err(StoreError::NotFound)
    ));
    let events = store
        .live_events_after(session.id, 0, 100)
        .await
        .expect("events");
    assert!(events.iter().any(|e| e.kind == LiveEventKind::ColumnAdded));
}

async fn a_merged_note_takes_its_votes_to_the_note_it_repeats(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = setup(db).await;
    let kettu = join(store, id, "Kettu").await;
    let susi = join(store, id, "Susi").await;
    let first = write(store, id, &kettu, None, "Jono on pitkä")
        .await
        .expect("n");
    let again = write(store, id, &susi, None, "Liian pitkä jono")
        .await
        .expect("n");
    let third = write(store, id, &susi, None, "Muuta").await.expect("n");
    store
        .cast_live_vote(id, kettu.id, again.id, false)
        .await
        .expect("vote");
    store
        .cast_live_vote(id, susi.id, again.id, false)
        .await
        .expect("vote");
    store
        .cast_live_vote(id, susi.id, first.id, false)
        .await
        .expect("vote");

    store
        .merge_live_note(id, again.id, first.id)
        .await
        .expect("merged");
    let notes = store.list_live_notes(id).await.expect("notes");
    let find = |n: polku_domain::NoteId| notes.iter().find(|i| i.note.id == n).expect("there");
    assert_eq!(find(first.id).votes.total, 3, "the duplicate's votes moved");
    assert_eq!(find(again.id).votes.total, 0);
    assert_eq!(find(again.id).note.merged_into, Some(first.id));
    // Votes used stay the voters' own.
    assert_eq!(store.live_votes_used(kettu.id).await.expect("used"), 1);

    // A merged note takes no votes and merges no further.
    assert!(matches!(
        store.cast_live_vote(id, kettu.id, again.id, false).await,
        Err(StoreError::NotFound)
    ));
    for (note, into) in [
        (first.id, first.id),
        (third.id, again.id),
        (again.id, third.id),
    ] {
        assert!(matches!(
            store.merge_live_note(id, note, into).await,
            Err(StoreError::Conflict(ErrorCode::CannotMerge))
        ));
    }
    // A hidden note's text never reappears under another.
    store
        .hide_live_note(id, third.id, "Nimi")
        .await
        .expect("hidden");
    assert!(matches!(
        store.merge_live_note(id, third.id, first.id).await,
        Err(StoreError::Conflict(ErrorCode::CannotMerge))
    ));
    let events = store.live_events_after(id, 0, 100).await.expect("events");
    assert_eq!(
        events
            .iter()
            .filter(|e| e.kind == LiveEventKind::NoteMerged)
            .count(),
        1,
        "refused merges leave no event"
    );
}

async fn a_locked_board_lets_participants_move_only_their_own_notes(db: &TestDb) {
    let store = &db.store;
    let (_, ws, id) = setup(db).await;
    let theme = store
        .add_live_theme(id, &ThemeName::parse("Jonot").expect("name"))
        .await
        .expect("theme");
    let kettu = join(store, id, "Kettu").await;
    let susi = join(store, id, "Susi").await;
    let kettus = write(store, id, &kettu, None, "Oma").await.expect("n");
    let susis = write(store, id, &susi, None, "Toisen").await.expect("n");

    // Open for grouping: anyone moves any note.
    store
        .move_live_note(id, susis.id, Some(theme.id), Some(kettu.id))
        .await
        .expect("moved another's");
    let locked = store.set_live_lock(ws, id, true).await.expect("locked");
    assert!(locked.locked);
    assert!(matches!(
        store
            .move_live_note(id, susis.id, None, Some(kettu.id))
            .await,
        Err(StoreError::Conflict(ErrorCode::SessionLocked))
    ));
    store
        .move_live_note(id, kettus.id, Some(theme.id), Some(kettu.id))
        .await
        .expect("own note");
    store
        .move_live_note(id, susis.id, None, None)
        .await
        .expect("a facilitator moves any");
    let notes = store.list_live_notes(id).await.expect("notes");
    let theme_of = |n: polku_domain::NoteId| {
        notes
            .iter()
            .find(|i| i.note.id == n)
            .and_then(|i| i.note.theme_id)
    };
    assert_eq!(theme_of(kettus.id), Some(theme.id));
    assert_eq!(theme_of(susis.id), None);

    store.close_live_session(ws, id).await.expect("closed");
    assert!(matches!(
        store
            .move_live_note(id, kettus.id, None, Some(kettu.id))
            .await,
        Err(StoreError::Conflict(ErrorCode::SessionClosed))
    ));
}

async fn a_participant_deletes_only_their_own_note(db: &TestDb) {
    let store = &db.store;
    let (_, _, id) = setup(db).await;
    let kettu = join(store, id, "Kettu").await;
    let susi = join(store, id, "Susi").await;
    let kettus = write(store, id, &kettu, None, "Oma").await.expect("n");
    let susis = write(store, id, &susi, None, "Toisen").await.expect("n");
    store
        .cast_live_vote(id, susi.id, kettus.id, false)
        .await
        .expect("vote");
    store
        .merge_live_note(id, susis.id, kettus.id)
        .await
        .expect("merged");

    assert!(matches!(
        store.delete_live_note(id, kettus.id, susi.id).await,
        Err(StoreError::Conflict(ErrorCode::NotYourNote))
    ));
    store
        .delete_live_note(id, kettus.id, kettu.id)
        .await
        .expect("own note");
    let notes = store.list_live_notes(id).await.expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note.id, susis.id);
    assert_eq!(
        notes[0].note.merged_into, None,
        "the duplicate stands again"
    );
    assert_eq!(
        store.live_votes_used(susi.id).await.expect("used"),
        0,
        "the vote went back to its giver"
    );
}

async fn a_session_held_for_a_workshop_belongs_to_its_series(db: &TestDb) {
    let store = &db.store;
    let (owner, ws, _) = setup(db).await;
    let group = store
        .create_group(ws, &GroupDetails::named(LocalizedText::finnish("Ryhmä")))
        .await
        .expect("group");
    let series = store
        .create_series(
            ws,
            group.id,
            &SeriesName::parse("Syksy").expect("name"),
            Phase::CurrentState,
        )
        .await
        .expect("series");
    let day = NewWorkshop::parse("2026-03-01", "13:00", "90", "Kirjasto", &[]).expect("valid");
    let workshop = store
        .add_workshop(ws, group.id, series.id, &day)
        .await
        .expect("workshop");
    let held = open(store, &owner, ws, "W7M3TP", Some(workshop.id), &[])
        .await
        .expect("held");
    assert_eq!(held.workshop_id, Some(workshop.id));
    assert_eq!(held.series_id, Some(series.id));
    let of_workshop = store
        .live_sessions_of_workshop(ws, workshop.id)
        .await
        .expect("sessions");
    assert_eq!(of_workshop.len(), 1);
    let found = store
        .session_workshop(ws, workshop.id)
        .await
        .expect("found");
    assert_eq!(
        (found.group_id, found.phase),
        (group.id, Phase::CurrentState)
    );
    assert_eq!(
        store.workshops_for_sessions(ws).await.expect("list").len(),
        1
    );

    // Another workspace cannot hold a session for this workshop.
    let other = store
        .create_workspace(&name("Toinen"), owner.id)
        .await
        .expect("workspace");
    assert!(matches!(
        open(store, &owner, other.id, "X7M3TP", Some(workshop.id), &[]).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.session_workshop(other.id, workshop.id).await,
        Err(StoreError::NotFound)
    ));

    // A pseudonym made in it belongs to the series.
    let pseudonym = store
        .create_pseudonym(
            ws,
            held.series_id,
            "code-hash",
            &Nickname::parse("Kettu").expect("nick"),
            Perspective::Client,
        )
        .await
        .expect("pseudonym");
    let again = store.pseudonym_by_code("code-hash").await.expect("found");
    assert_eq!(again.series_id, Some(series.id));
    assert_eq!(again.id, pseudonym.id);
}
