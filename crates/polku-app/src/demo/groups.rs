//! The demo's development groups: two groups with descriptions, ground
//! rules and facilitators, and for the first a workshop series in the
//! ideation phase with three workshops (one past, two to come, so the
//! invitation page has something to show) and a data-collection period
//! between them; the second has a closed series of two past workshops.
//! Written fresh for Polku.

use polku_domain::{
    AgendaItem, GroupDetails, LocalizedText, Method, NewCollectionPeriod, NewWorkshop, Phase, Role,
    SeriesName, WorkshopId, Workspace, helsinki_to_utc,
};
use polku_store::{Store, User};
use time::{Date, Duration, OffsetDateTime, Time};

use super::DemoError;
use crate::accounts::AccountError;

/// Creates the groups of `workspace`, facilitated by its facilitators.
pub(super) async fn create(
    store: &Store,
    workspace: &Workspace,
    people: &[(User, Role)],
) -> Result<Vec<WorkshopId>, DemoError> {
    let facilitators: Vec<_> = people
        .iter()
        .filter(|(_, role)| *role >= Role::Facilitator)
        .map(|(user, _)| user.id)
        .collect();
    let first = GroupDetails {
        name: LocalizedText {
            fi: "Kehittäjäryhmä Rantakylä: nuorten polut työhön".into(),
            sv: Some("Utvecklingsgruppen Rantakylä: ungas vägar till arbete".into()),
            en: Some("Rantakylä development group: young people's paths to work".into()),
        },
        area: "Rantakylä".into(),
        description: "Selvitämme, miksi osa nuorista jää ilman työtä tai opiskelupaikkaa, \
                      vaikka palveluja on tarjolla. Piirrämme nuoren matkan palvelusta \
                      toiseen ja keksimme yhdessä, miten matkasta tulisi sujuvampi.\n\
                      Ryhmässä on nuoria, vanhempia, kokemusasiantuntija sekä \
                      työllisyyspalvelujen, sosiaalityön ja oppilaitoksen väkeä."
            .into(),
        ground_rules: "Jokainen saa puhua, kukaan ei joudu puhumaan.\n\
                       Kuuntelemme loppuun asti emmekä keskeytä.\n\
                       Kaikkien kokemus on yhtä arvokas, tittelistä riippumatta.\n\
                       Mitä täällä kerrotaan omasta elämästä, jää tähän huoneeseen.\n\
                       Puhumme selkeästi ja vältämme lyhenteitä.\n\
                       Saa kysyä, jos ei ymmärrä. Se auttaa muitakin."
            .into(),
        ground_rules_agreed_on: Some(today() - Duration::days(60)),
        contact: "Ryhmää vetää Aino Kehittäjä.\nSoita tai laita tekstiviesti: \
                  040 000 0000 (arkisin klo 9–15).\nVoit myös tulla suoraan \
                  tapaamiseen, ilmoittautumista ei tarvita."
            .into(),
        facilitators: facilitators.iter().take(2).copied().collect(),
    };
    let second = GroupDetails {
        name: LocalizedText {
            fi: "Kehittäjäryhmä Kivikoski: osatyökykyisten palvelut".into(),
            sv: Some("Utvecklingsgruppen Kivikoski: tjänster för partiellt arbetsföra".into()),
            en: Some("Kivikoski development group: services for the partially able to work".into()),
        },
        area: "Kivikoski".into(),
        description: "Kehitämme palveluja ihmisille, joiden työkyky on osittain heikentynyt. \
                      Etsimme kohtia, joissa asiakas joutuu odottamaan pitkään tai kertomaan \
                      asiansa monta kertaa uudelleen."
            .into(),
        ground_rules: String::new(),
        ground_rules_agreed_on: None,
        contact: "Kysy lisää Leena Virralta, puhelin 040 000 0001.".into(),
        facilitators: facilitators.iter().skip(2).copied().collect(),
    };
    let group = store.create_group(workspace.id, &first).await?;
    let other = store.create_group(workspace.id, &second).await?;

    let name = SeriesName::parse("Syksyn ideointityöpajat").map_err(AccountError::from)?;
    let series = store
        .create_series(workspace.id, group.id, &name, Phase::Ideation)
        .await?;
    let mut held = Vec::new();
    for workshop in workshops() {
        let added = store
            .add_workshop(workspace.id, group.id, series.id, &workshop)
            .await?;
        held.push(added.id);
    }
    let period = NewCollectionPeriod {
        starts_on: today() - Duration::days(13),
        ends_on: today() + Duration::days(13),
        what: "Ryhmän jäsenet kysyvät tutuilta nuorilta, mikä on auttanut heitä \
               löytämään töitä tai opiskelupaikan ja mikä on ollut hankalinta. \
               Vastaukset kirjataan nimettöminä yhteiselle lomakkeelle."
            .into(),
    };
    store
        .add_collection_period(workspace.id, group.id, series.id, &period)
        .await?;

    let name = SeriesName::parse("Kevään kartoitustyöpajat").map_err(AccountError::from)?;
    let spring = store
        .create_series(workspace.id, other.id, &name, Phase::CurrentState)
        .await?;
    for workshop in spring_workshops() {
        store
            .add_workshop(workspace.id, other.id, spring.id, &workshop)
            .await?;
    }
    store
        .close_series(workspace.id, other.id, spring.id)
        .await?;
    Ok(held)
}

/// Today in Finland (near enough for demo dates).
fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn at(days_from_today: i64, hour: u8) -> OffsetDateTime {
    let time = Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT);
    helsinki_to_utc(today() + Duration::days(days_from_today), time)
}

fn item(method: Option<Method>, text: &str) -> AgendaItem {
    AgendaItem {
        method,
        text: text.to_owned(),
    }
}

fn workshops() -> [NewWorkshop; 3] {
    [
        NewWorkshop {
            starts_at: at(-14, 13),
            duration_minutes: 150,
            place: "Rantakylän kirjasto, kokoushuone Kajo".into(),
            agenda: vec![
                item(
                    Some(Method::DialogueRound),
                    "Mitä kuuluu, mitä toivot tältä päivältä?",
                ),
                item(
                    Some(Method::PathMapping),
                    "Nuoren matka peruskoulun jälkeen: missä kohdassa ote kirpoaa?",
                ),
                item(Some(Method::DotVoting), "Mitkä kohdat korjataan ensin?"),
                item(Some(Method::FeedbackRound), ""),
            ],
        },
        NewWorkshop {
            starts_at: at(14, 13),
            duration_minutes: 150,
            place: "Rantakylän kirjasto, kokoushuone Kajo".into(),
            agenda: vec![
                item(
                    Some(Method::FunctionalMethod),
                    "Sosiaalisen sirkuksen lämmittely",
                ),
                item(None, "Mitä haastatteluista nousi esiin?"),
                item(
                    None,
                    "Ideoita pienryhmissä: miten nuori löytäisi oikean avun heti?",
                ),
                item(
                    Some(Method::DotVoting),
                    "Mitä ideoita lähdetään kehittämään?",
                ),
                item(Some(Method::FeedbackRound), ""),
            ],
        },
        NewWorkshop {
            starts_at: at(42, 17),
            duration_minutes: 120,
            place: "Etäyhteys: linkki lähetetään tekstiviestillä".into(),
            agenda: vec![
                item(Some(Method::DialogueRound), "Kuulumiset"),
                item(
                    None,
                    "Valittujen ideojen tarkentaminen: kuka, mitä, milloin?",
                ),
                item(Some(Method::FeedbackRound), "Miten syksy sujui?"),
            ],
        },
    ]
}

/// The second group's spring: two past workshops of a series now closed.
fn spring_workshops() -> [NewWorkshop; 2] {
    let place = "Kivikosken sosiaalitoimisto, neuvotteluhuone 2";
    [
        NewWorkshop {
            starts_at: at(-120, 10),
            duration_minutes: 180,
            place: place.into(),
            agenda: vec![
                item(
                    Some(Method::DialogueRound),
                    "Esittäytyminen: mitä toivon tältä ryhmältä?",
                ),
                item(
                    Some(Method::PathMapping),
                    "Kun työkyky heikkenee: kenen luo asiakas menee ensin, ja mitä sitten?",
                ),
                item(Some(Method::FeedbackRound), ""),
            ],
        },
        NewWorkshop {
            starts_at: at(-90, 10),
            duration_minutes: 180,
            place: place.into(),
            agenda: vec![
                item(None, "Missä kohdissa asiakas odottaa pisimpään?"),
                item(
                    Some(Method::DotVoting),
                    "Mitkä kehittämistarpeet ovat tärkeimpiä?",
                ),
                item(Some(Method::FeedbackRound), "Mitä syksyllä jatketaan?"),
            ],
        },
    ]
}
