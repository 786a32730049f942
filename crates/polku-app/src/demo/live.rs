//! Demo workshops, held for the demo series' first two workshops: one
//! finished, with notes in the phase's columns grouped under themes, a
//! duplicate merged and the votes revealed, and one open that a newcomer can
//! join at once with the code `serve` prints.

use polku_domain::live::{
    BoardColumn, JoinCode, LiveSession, Nickname, NoteText, Perspective, ThemeName, VoteBudget,
};
use polku_domain::{Language, WorkshopId, Workspace, live::Participant};
use polku_store::{NewNote, Store, User};

use super::DemoError;
use crate::Tr;
use crate::live::{OpenSession, open_session};

/// The finished workshop's participants (nickname, perspective).
const PEOPLE: [(&str, Perspective); 7] = [
    ("Kuusi", Perspective::Client),
    ("Lokki", Perspective::ExpertByExperience),
    ("Mustikka", Perspective::Client),
    ("Revontuli", Perspective::Professional),
    ("Sammal", Perspective::Relative),
    ("Tuuli", Perspective::Professional),
    ("Kallio", Perspective::Manager),
];

/// Themes and their notes (the writer by index into [`PEOPLE`]).
const THEMES: [(&str, &[(usize, &str)]); 3] = [
    (
        "Yhteydenotto ja ajanvaraus",
        &[
            (
                0,
                "Puhelinaika on vain aamulla, kun olen töissä tai koulutuksessa.",
            ),
            (
                2,
                "Verkkoajanvaraus vaatii pankkitunnukset, joita kaikilla ei ole.",
            ),
            (
                3,
                "Takaisinsoittoa luvataan, mutta se tulee päivien päästä.",
            ),
        ],
    ),
    (
        "Tieto ei kulje palvelusta toiseen",
        &[
            (1, "Kerron saman tarinan joka kerta uudelle työntekijälle."),
            (5, "Emme näe, mitä työllisyyspalveluissa on jo sovittu."),
            (
                4,
                "Läheisenä en tiedä, kenelle voin soittaa, kun tilanne muuttuu.",
            ),
        ],
    ),
    (
        "Odottaminen",
        &[
            (0, "Velkaneuvontaan on puolen vuoden jono."),
            (6, "Emme tiedä, kuinka moni luopuu jonossa."),
        ],
    ),
];

/// Votes of the finished workshop: (voter, note by theme and index).
const VOTES: [(usize, (usize, usize)); 19] = [
    (0, (1, 0)),
    (0, (1, 0)),
    (0, (2, 0)),
    (1, (1, 0)),
    (1, (1, 1)),
    (1, (0, 2)),
    (2, (0, 1)),
    (2, (1, 0)),
    (2, (2, 0)),
    (3, (1, 1)),
    (3, (1, 0)),
    (3, (0, 2)),
    (4, (1, 2)),
    (4, (1, 0)),
    (5, (1, 1)),
    (5, (2, 0)),
    (6, (2, 1)),
    (6, (1, 0)),
    (6, (2, 0)),
];

async fn join(
    store: &Store,
    session: &LiveSession,
    nickname: &str,
    perspective: Perspective,
) -> Result<Participant, DemoError> {
    let token = crate::credentials::new_secret(crate::live::PARTICIPANT_TOKEN_PREFIX);
    let nickname = Nickname::parse(nickname).map_err(|e| DemoError::Invalid(e.code))?;
    Ok(store
        .join_live_session(
            session.id,
            &crate::credentials::secret_hash(&token),
            &nickname,
            perspective,
        )
        .await?)
}

async fn note(
    store: &Store,
    session: &LiveSession,
    column: Option<&BoardColumn>,
    by: &Participant,
    text: &str,
) -> Result<polku_domain::live::Note, DemoError> {
    let text = NoteText::parse(text).map_err(|e| DemoError::Invalid(e.code))?;
    Ok(store
        .add_live_note(
            session.id,
            &NewNote {
                text: &text,
                theme: None,
                column: column.map(|c| c.id),
                participant: Some(by),
                written_by: None,
            },
        )
        .await?)
}

/// Creates the demo's live sessions in `workspace`, held for the first two
/// of `workshops`; gives the open one's code.
pub(super) async fn create(
    store: &Store,
    workspace: &Workspace,
    facilitator: &User,
    workshops: &[WorkshopId],
) -> Result<JoinCode, DemoError> {
    let finnish = Tr::new(Language::Fi);
    let finished = open_session(
        store,
        &OpenSession {
            workspace: workspace.id,
            by: facilitator.id,
            title: "Työpaja 2: mitkä tarpeet ovat tärkeimmät?",
            budget: VoteBudget::new(3, 2).map_err(|e| DemoError::Invalid(e.code))?,
            workshop: workshops.first().copied(),
        },
        finnish,
    )
    .await
    .map_err(DemoError::from_live)?;
    let columns = store.list_live_columns(finished.id).await?;
    let mut people = Vec::new();
    for (nickname, perspective) in PEOPLE {
        people.push(join(store, &finished, nickname, perspective).await?);
    }
    let mut notes = Vec::new();
    for (theme_name, theme_notes) in THEMES {
        let theme = store
            .add_live_theme(
                finished.id,
                &ThemeName::parse(theme_name).map_err(|e| DemoError::Invalid(e.code))?,
            )
            .await?;
        let mut ids = Vec::new();
        for (writer, text) in theme_notes {
            let written = note(store, &finished, columns.first(), &people[*writer], text).await?;
            store
                .move_live_note(finished.id, written.id, Some(theme.id), None)
                .await?;
            ids.push(written.id);
        }
        notes.push(ids);
    }
    for (voter, (theme, index)) in VOTES {
        store
            .cast_live_vote(finished.id, people[voter].id, notes[theme][index], false)
            .await?;
    }
    store
        .set_live_step(
            workspace.id,
            finished.id,
            Some("Äänestä kolmea tärkeintä tarvetta."),
        )
        .await?;
    // A duplicate someone wrote, merged into the note it repeats.
    let again = note(
        store,
        &finished,
        columns.get(1),
        &people[2],
        "Joka kerta pitää kertoa kaikki alusta.",
    )
    .await?;
    store
        .merge_live_note(finished.id, again.id, notes[1][0])
        .await?;
    store.reveal_live_votes(workspace.id, finished.id).await?;
    store.close_live_session(workspace.id, finished.id).await?;

    let open = open_session(
        store,
        &OpenSession {
            workspace: workspace.id,
            by: facilitator.id,
            title: "Työpaja 3: ratkaisuideat jonottamiseen",
            budget: VoteBudget::DEFAULT,
            workshop: workshops.get(1).copied(),
        },
        finnish,
    )
    .await
    .map_err(DemoError::from_live)?;
    let open_columns = store.list_live_columns(open.id).await?;
    store
        .set_live_step(
            workspace.id,
            open.id,
            Some("Kirjoita yksi idea lappuun: miten odottamisesta tulisi helpompaa?"),
        )
        .await?;
    let guide = join(store, &open, "Lokki", Perspective::ExpertByExperience).await?;
    note(
        store,
        &open,
        open_columns.first(),
        &guide,
        "Jonossa odottavalle soitetaan kerran kuussa ja kerrotaan, missä mennään.",
    )
    .await?;
    Ok(open.join_code)
}
