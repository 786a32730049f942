//! The retention period: participants of a series closed longer than the
//! workspace's period (or of a session outside any series closed that
//! long) lose their nicknames, tokens and return codes; notes, votes and
//! perspectives stay; everything within the period is untouched.

use polku_domain::groups::{GroupDetails, Phase, SeriesName};
use polku_domain::live::{
    JoinCode, Nickname, NoteText, Participant, Perspective, SessionTitle, VoteBudget,
};
use polku_domain::{LiveSessionId, LocalizedText, RetentionMonths, SeriesId, UserId, WorkspaceId};
use polku_store::testing::{Bind, TestDb};
use polku_store::{
    Erased, NewLiveSession, NewNote, Store, StoreError, WorkspaceSettingsChange,
    test_on_both_backends,
};
use time::OffsetDateTime;

use crate::{name, user};

test_on_both_backends!(
    participants_of_a_series_closed_past_the_period_are_erased,
    a_session_without_a_series_counts_from_its_own_closing,
    each_workspace_keeps_its_own_period,
);

/// Epoch milliseconds of `months` calendar months and `days` days before now.
fn ago(months: u32, days: i64) -> i64 {
    let at = polku_domain::months_earlier(OffsetDateTime::now_utc(), months)
        - time::Duration::days(days);
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).expect("in range")
}

async fn open_session(
    store: &Store,
    ws: WorkspaceId,
    owner: UserId,
    title: &str,
    code: &str,
) -> LiveSessionId {
    store
        .create_live_session(&NewLiveSession {
            workspace: ws,
            title: &SessionTitle::parse(title).expect("title"),
            join_code: &JoinCode::parse(code).expect("code"),
            budget: VoteBudget::DEFAULT,
            created_by: owner,
            workshop: None,
            columns: &[],
        })
        .await
        .expect("session")
        .id
}

async fn join(store: &Store, session: LiveSessionId, nick: &str, p: Perspective) -> Participant {
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

async fn note(store: &Store, session: LiveSessionId, p: &Participant, text: &str) {
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
        .expect("note");
}

/// Closes the session, dated `closed_at` (epoch ms).
async fn close(store: &Store, ws: WorkspaceId, session: LiveSessionId, closed_at: i64) {
    store.close_live_session(ws, session).await.expect("closed");
    set(
        store,
        "UPDATE live_sessions SET closed_at = $1 WHERE id = $2",
        closed_at,
        &session.to_string(),
    )
    .await;
}

async fn set(store: &Store, sql: &str, number: i64, id: &str) {
    let changed = store
        .execute_for_test(sql, &[Bind::Int(number), Bind::Text(id.to_owned())])
        .await
        .expect("set");
    assert_eq!(changed, 1, "{sql}");
}

async fn put_in_series(store: &Store, session: LiveSessionId, series: SeriesId) {
    store
        .execute_for_test(
            "UPDATE live_sessions SET series_id = $1 WHERE id = $2",
            &[
                Bind::Text(series.to_string()),
                Bind::Text(session.to_string()),
            ],
        )
        .await
        .expect("in series");
}

async fn series(store: &Store, ws: WorkspaceId, name: &str) -> SeriesId {
    let group = store
        .create_group(
            ws,
            &GroupDetails::named(LocalizedText::finnish(format!("Ryhmä {name}"))),
        )
        .await
        .expect("group");
    store
        .create_series(
            ws,
            group.id,
            &SeriesName::parse(name).expect("name"),
            Phase::Ideation,
        )
        .await
        .expect("series")
        .id
}

/// A pseudonym with return code hash `code` used by `participant`, in
/// `series` if given.
async fn pseudonym(
    store: &Store,
    ws: WorkspaceId,
    participant: &Participant,
    code: &str,
    series: Option<SeriesId>,
) {
    let pseudonym = store
        .create_pseudonym(
            ws,
            series,
            code,
            participant.nickname.as_ref().expect("named"),
            participant.perspective,
        )
        .await
        .expect("pseudonym");
    store
        .link_pseudonym(participant.id, &pseudonym)
        .await
        .expect("linked");
}

async fn nicknames(store: &Store, session: LiveSessionId) -> Vec<Option<String>> {
    store
        .list_live_participants(session)
        .await
        .expect("participants")
        .into_iter()
        .map(|p| p.nickname.map(|n| n.as_str().to_owned()))
        .collect()
}

/// Each note's text, author name and votes by perspective.
async fn board(
    store: &Store,
    session: LiveSessionId,
) -> Vec<(String, String, Vec<(Perspective, u32)>)> {
    store
        .list_live_notes(session)
        .await
        .expect("notes")
        .into_iter()
        .map(|n| {
            (
                n.note.text.as_str().to_owned(),
                n.note.author.nickname,
                n.votes.by_perspective,
            )
        })
        .collect()
}

async fn participants_of_a_series_closed_past_the_period_are_erased(db: &TestDb) {
    let store = &db.store;
    let owner = user(store, "omistaja@example.fi", false).await;
    let ws = store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("workspace")
        .id;
    let old = series(store, ws, "Kevät").await;
    let recent = series(store, ws, "Syksy").await;

    let erased_session = open_session(store, ws, owner.id, "Työpaja 1", "K7M3TP").await;
    put_in_series(store, erased_session, old).await;
    let kettu = join(store, erased_session, "Kettu", Perspective::Client).await;
    let karhu = join(store, erased_session, "Karhu", Perspective::Professional).await;
    pseudonym(store, ws, &kettu, "code-kettu", Some(old)).await;
    note(store, erased_session, &kettu, "Jono on liian pitkä").await;
    note(store, erased_session, &karhu, "Neuvonta puhelimessa").await;
    store
        .add_live_note(
            erased_session,
            &NewNote {
                text: &NoteText::parse("Ohjaajan lappu").expect("text"),
                theme: None,
                column: None,
                participant: None,
                written_by: Some((owner.id, "Ohjaaja")),
            },
        )
        .await
        .expect("own note");
    let notes = store.list_live_notes(erased_session).await.expect("notes");
    for (who, note) in [(&kettu, 0), (&kettu, 1), (&karhu, 0)] {
        store
            .cast_live_vote(erased_session, who.id, notes[note].note.id, false)
            .await
            .expect("vote");
    }
    store
        .set_live_ready(erased_session, karhu.id, true)
        .await
        .expect("ready");
    close(store, ws, erased_session, ago(2, 0)).await;

    let kept_session = open_session(store, ws, owner.id, "Työpaja 2", "R4W9PX").await;
    put_in_series(store, kept_session, recent).await;
    let susi = join(store, kept_session, "Susi", Perspective::Relative).await;
    pseudonym(store, ws, &susi, "code-susi", Some(recent)).await;
    close(store, ws, kept_session, ago(13, 0)).await;

    // The old series closed 12 months and a day ago, the recent one just
    // within its 12 months.
    set(
        store,
        "UPDATE workshop_series SET closed_at = $1 WHERE id = $2",
        ago(12, 1),
        &old.to_string(),
    )
    .await;
    set(
        store,
        "UPDATE workshop_series SET closed_at = $1 WHERE id = $2",
        ago(12, -1),
        &recent.to_string(),
    )
    .await;

    let before = board(store, erased_session).await;
    let erased = store
        .erase_expired_participants(OffsetDateTime::now_utc())
        .await
        .expect("erased");
    assert_eq!(
        erased,
        Erased {
            participants: 2,
            notes: 2,
            events: 4,
            pseudonyms: 1,
        }
    );

    assert_eq!(nicknames(store, erased_session).await, vec![None, None]);
    let mut perspectives: Vec<&str> = store
        .list_live_participants(erased_session)
        .await
        .expect("participants")
        .iter()
        .map(|p| p.perspective.as_str())
        .collect();
    perspectives.sort_unstable();
    assert_eq!(
        perspectives,
        vec!["client", "professional"],
        "perspectives stay"
    );
    assert!(matches!(
        store.live_participant_by_token("hash-Kettu").await,
        Err(StoreError::NotFound)
    ));
    let stored = store
        .text_for_test(
            "SELECT token_hash || '|' || nickname || '|' || COALESCE(CAST(ready_at AS TEXT), '-') \
             || '|' || COALESCE(pseudonym_id, '-') FROM live_participants WHERE id = $1",
            &[Bind::Text(karhu.id.to_string())],
        )
        .await
        .expect("row");
    assert_eq!(stored, Some(format!("erased:{}||-|-", karhu.id)));
    assert!(
        !store.live_is_ready(karhu.id).await.expect("ready"),
        "ready signals go too"
    );

    let after = board(store, erased_session).await;
    assert_eq!(after.len(), before.len());
    for ((text, author, votes), (text_before, author_before, votes_before)) in
        after.iter().zip(&before)
    {
        assert_eq!(text, text_before, "notes stay");
        assert_eq!(votes, votes_before, "votes by perspective stay");
        if text == "Ohjaajan lappu" {
            assert_eq!(
                author, "Ohjaaja",
                "a facilitator's name is not a participant's"
            );
        } else {
            assert_eq!(author, "", "{author_before} erased from the note");
        }
    }
    assert_eq!(
        before[0].2,
        vec![(Perspective::Client, 1), (Perspective::Professional, 1)]
    );

    let events = store
        .live_events_after(erased_session, 0, 1000)
        .await
        .expect("events");
    assert!(!events.is_empty());
    for event in &events {
        assert!(
            !event.payload.contains("Kettu") && !event.payload.contains("Karhu"),
            "{}: {}",
            event.kind,
            event.payload
        );
    }
    assert!(
        events.iter().any(|e| e.payload.contains("Ohjaaja")),
        "the facilitator's note keeps its author in the events"
    );

    assert!(
        matches!(
            store.pseudonym_by_code("code-kettu").await,
            Err(StoreError::NotFound)
        ),
        "the return code no longer brings the pseudonym back"
    );
    assert!(store.pseudonym_by_code("code-susi").await.is_ok());
    assert_eq!(
        nicknames(store, kept_session).await,
        vec![Some("Susi".to_owned())],
        "a series closed within the period is untouched"
    );
    assert!(store.live_participant_by_token("hash-Susi").await.is_ok());

    assert_eq!(
        store
            .erase_expired_participants(OffsetDateTime::now_utc())
            .await
            .expect("again"),
        Erased::default(),
        "a second run erases nothing more"
    );
    assert_eq!(board(store, erased_session).await, after);
}

async fn a_session_without_a_series_counts_from_its_own_closing(db: &TestDb) {
    let store = &db.store;
    let owner = user(store, "omistaja@example.fi", false).await;
    let ws = store
        .create_workspace(&name("Hanke"), owner.id)
        .await
        .expect("workspace")
        .id;
    let shortened = store
        .update_workspace_settings(
            ws,
            &WorkspaceSettingsChange {
                retention_months: Some(RetentionMonths::new(3).expect("valid")),
                ..WorkspaceSettingsChange::default()
            },
        )
        .await
        .expect("settings");
    assert_eq!(shortened.retention_months.get(), 3);

    let old = open_session(store, ws, owner.id, "Vanha", "K7M3TP").await;
    let kettu = join(store, old, "Kettu", Perspective::Client).await;
    pseudonym(store, ws, &kettu, "code-kettu", None).await;
    note(store, old, &kettu, "Jono").await;
    close(store, ws, old, ago(3, 1)).await;
    let recent = open_session(store, ws, owner.id, "Tuore", "R4W9PX").await;
    let karhu = join(store, recent, "Karhu", Perspective::Client).await;
    pseudonym(store, ws, &karhu, "code-karhu", None).await;
    close(store, ws, recent, ago(2, 0)).await;
    let open = open_session(store, ws, owner.id, "Auki", "M3K7TP").await;
    join(store, open, "Susi", Perspective::Ngo).await;

    // Pseudonyms outside a series go when they were last used before the
    // period; Kettu's was used just now, Karhu's long ago.
    set(
        store,
        "UPDATE live_pseudonyms SET last_seen_at = $1 WHERE code_hash = $2",
        ago(3, 1),
        "code-karhu",
    )
    .await;

    let erased = store
        .erase_expired_participants(OffsetDateTime::now_utc())
        .await
        .expect("erased");
    assert_eq!(erased.participants, 1);
    assert_eq!(erased.notes, 1);
    assert_eq!(erased.pseudonyms, 1);
    assert_eq!(nicknames(store, old).await, vec![None]);
    assert_eq!(
        nicknames(store, recent).await,
        vec![Some("Karhu".to_owned())]
    );
    assert_eq!(nicknames(store, open).await, vec![Some("Susi".to_owned())]);
    assert!(
        matches!(
            store.pseudonym_by_code("code-karhu").await,
            Err(StoreError::NotFound)
        ),
        "unused past the period"
    );
    assert!(
        store.pseudonym_by_code("code-kettu").await.is_ok(),
        "used within the period"
    );
}

async fn each_workspace_keeps_its_own_period(db: &TestDb) {
    let store = &db.store;
    let owner = user(store, "omistaja@example.fi", false).await;
    let short = store
        .create_workspace(&name("Lyhyt"), owner.id)
        .await
        .expect("workspace")
        .id;
    let long = store
        .create_workspace(&name("Pitkä"), owner.id)
        .await
        .expect("workspace")
        .id;
    store
        .update_workspace_settings(
            long,
            &WorkspaceSettingsChange {
                retention_months: Some(RetentionMonths::new(24).expect("valid")),
                ..WorkspaceSettingsChange::default()
            },
        )
        .await
        .expect("settings");
    let in_short = open_session(store, short, owner.id, "Lyhyt", "K7M3TP").await;
    join(store, in_short, "Kettu", Perspective::Client).await;
    close(store, short, in_short, ago(13, 0)).await;
    let in_long = open_session(store, long, owner.id, "Pitkä", "R4W9PX").await;
    join(store, in_long, "Karhu", Perspective::Client).await;
    close(store, long, in_long, ago(13, 0)).await;

    let erased = store
        .erase_expired_participants(OffsetDateTime::now_utc())
        .await
        .expect("erased");
    assert_eq!(erased.participants, 1);
    assert_eq!(nicknames(store, in_short).await, vec![None]);
    assert_eq!(
        nicknames(store, in_long).await,
        vec![Some("Karhu".to_owned())]
    );
}
