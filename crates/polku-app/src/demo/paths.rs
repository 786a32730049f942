//! Demo client profiles, each with an as-is path and a to-be path copied
//! from it and improved: a newcomer sees a map, critical points and the
//! comparison at once. Composite personas written for Polku, no real person.

use polku_domain::paths::{
    CriticalPointDetails, CriticalPointInput, CriticalTarget, PathDetails, PathStructure,
    PathVersion, ProfileDetails, ProfileInput, StageName, TouchpointDetails, TouchpointInput,
    TransitionDetails, TransitionInput,
};
use polku_domain::{ErrorCode, PathId, TouchpointId, ValidationError, Workspace};
use polku_store::Store;

use super::DemoError;

/// A touchpoint: (stage index, service, provider, sector, channel,
/// experience, quote, backstage).
type DemoTouchpoint = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// A transition: (from, to, wait days, km, travel mode, information, who
/// is responsible).
type DemoTransition = (
    usize,
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// A critical point: (`Some(touchpoint index)`, or `None` and a transition
/// index; kind, description, evidence, share falling off).
type DemoCritical = (
    Option<usize>,
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// One demo profile with its as-is path and how the to-be path differs.
struct DemoProfile {
    profile: [&'static str; 8],
    title: &'static str,
    to_be_title: &'static str,
    goal: &'static str,
    stages: &'static [&'static str],
    touchpoints: &'static [DemoTouchpoint],
    transitions: &'static [DemoTransition],
    critical: &'static [DemoCritical],
    /// As-is touchpoints the to-be path drops.
    dropped: &'static [usize],
    /// New transitions of the to-be path between copies of as-is touchpoints.
    bridged: &'static [DemoTransition],
    /// Touchpoints only the to-be path has.
    added: &'static [DemoTouchpoint],
    /// New waits, distances and information flow of copied transitions:
    /// (transition index, wait, km, information).
    improved: &'static [(usize, &'static str, &'static str, &'static str)],
    /// As-is critical points the to-be path addresses (not copied on).
    addressed: &'static [usize],
}

const PEKKA: DemoProfile = DemoProfile {
    profile: [
        "Osatyökykyinen Pekka",
        "50_64",
        "Asuu yksin maaseudulla. Työttömänä kolme vuotta varastotyön jälkeen, selkä ei kestä nostoja.",
        "Jaksaa kevyttä työtä muutaman tunnin päivässä.",
        "Keskussairaalaan 100 km, terveysasemalle 15 km. Bussi kulkee kahdesti päivässä.",
        "suomi",
        "basic",
        "Osa-aikatyö, jossa ei tarvitse nostaa.",
    ],
    title: "Pekan polku nyt",
    to_be_title: "Pekan polku, tavoite",
    goal: "work",
    stages: &[
        "Tarve tunnistetaan",
        "Työkyvyn arvio",
        "Kuntoutus",
        "Kohti työtä",
    ],
    touchpoints: &[
        (
            0,
            "Työnhaun verkkoasiointi",
            "Työllisyyspalvelut",
            "employment_services",
            "digital",
            "-1",
            "Lomakkeessa ei ollut kohtaa terveydelle.",
            "Asiantuntija lukee ilmoituksen viikon päästä.",
        ),
        (
            0,
            "Lääkärin vastaanotto",
            "Terveysasema",
            "health_care",
            "in_person",
            "0",
            "Lääkäri kuunteli, mutta aikaa oli vähän.",
            "Lähete kirjoitetaan keskussairaalaan.",
        ),
        (
            1,
            "Työkykyarvio",
            "Keskussairaala",
            "health_care",
            "in_person",
            "-2",
            "Jouduin kertomaan kaiken taas alusta.",
            "Tiedot haetaan eri järjestelmästä käsin.",
        ),
        (
            1,
            "Kuntoutushakemus",
            "Kela",
            "kela",
            "letter",
            "-1",
            "Kirjeestä en ymmärtänyt, mitä minulta pyydetään.",
            "Hakemus käsitellään, lisäselvitys pyydetään kirjeellä.",
        ),
        (
            2,
            "Kuntouttava työtoiminta",
            "Kunnan sosiaalipalvelut",
            "social_work",
            "in_person",
            "1",
            "Ryhmässä oli mukava käydä.",
            "",
        ),
        (
            3,
            "Työkokeilu",
            "Työllisyyspalvelut",
            "employment_services",
            "in_person",
            "1",
            "Vihdoin joku kysyi, mitä minä osaan.",
            "Työkokeilusopimus laaditaan työnantajan kanssa.",
        ),
    ],
    transitions: &[
        (0, 1, "21", "15", "car", "repeats", ""),
        (
            1,
            2,
            "120",
            "100",
            "public_transport",
            "repeats",
            "Terveysasema",
        ),
        (2, 3, "30", "0", "none", "unknown", ""),
        (3, 4, "60", "15", "public_transport", "repeats", ""),
        (4, 5, "90", "15", "car", "passes", "Työllisyyspalvelut"),
    ],
    critical: &[
        (
            None,
            1,
            "long_queue",
            "Työkykyarvioon jonotetaan neljä kuukautta, ja matka on pitkä.",
            "\"Bussi lähtee kuudelta ja tulee takaisin iltapäivällä.\"",
            "30",
        ),
        (
            Some(3),
            0,
            "information_gap",
            "Kela ei saa arvion tietoja, vaan pyytää samat selvitykset uudelleen.",
            "\"Lähetin samat paperit kahdesti.\"",
            "15",
        ),
        (
            None,
            3,
            "no_overall_responsibility",
            "Kun kuntoutus loppuu, kukaan ei ota yhteyttä.",
            "\"Odotin soittoa, joka ei tullut.\"",
            "25",
        ),
    ],
    dropped: &[3],
    bridged: &[(
        2,
        4,
        "14",
        "15",
        "public_transport",
        "passes",
        "Työkykykoordinaattori",
    )],
    added: &[(
        0,
        "Työkykykoordinaattori",
        "Hyvinvointialue",
        "social_work",
        "in_person",
        "2",
        "Yksi ihminen kulki mukana koko matkan.",
        "Koordinaattori kokoaa tiedot ja varaa ajat.",
    )],
    improved: &[
        (0, "7", "15", "passes"),
        (1, "30", "100", "passes"),
        (3, "14", "15", "passes"),
    ],
    // The information gap goes with the dropped letter.
    addressed: &[2],
};

const AINO: DemoProfile = DemoProfile {
    profile: [
        "Nuori aikuinen Aino",
        "under_25",
        "Peruskoulun jälkeen ei opiskelupaikkaa. Asuu vanhempien luona pienessä kunnassa, jännittää uusia tilanteita.",
        "Työkyky on hyvä, mutta jännitys estää hakemasta.",
        "Lähin oppilaitos 40 km päässä, palvelut kuntakeskuksessa 5 km.",
        "suomi, ruotsi",
        "good",
        "Ammatillinen koulutus ja oma asunto.",
    ],
    title: "Ainon polku nyt",
    to_be_title: "Ainon polku, tavoite",
    goal: "studies",
    stages: &["Yhteys syntyy", "Tuen tarve selviää", "Tuki", "Opintoihin"],
    touchpoints: &[
        (
            0,
            "Etsivä nuorisotyö",
            "Kunnan nuorisopalvelut",
            "ngo",
            "pop_up",
            "1",
            "Hän tuli juttelemaan kaupan pihalla.",
            "",
        ),
        (
            1,
            "Mielenterveyden chat",
            "Hyvinvointialue",
            "health_care",
            "digital",
            "-1",
            "Chat oli auki vain virka-aikaan.",
            "Hoitaja kirjaa yhteydenoton.",
        ),
        (
            1,
            "Ohjaamo",
            "Ohjaamo",
            "employment_services",
            "in_person",
            "0",
            "Piti mennä yksin paikkaan, jota en tuntenut.",
            "Ohjaaja tekee suunnitelman.",
        ),
        (
            2,
            "Psykoterapia",
            "Kela",
            "kela",
            "in_person",
            "1",
            "Terapeutti oli hyvä, mutta odotin kauan.",
            "Kela käsittelee kuntoutuspsykoterapian hakemuksen.",
        ),
        (
            3,
            "Yhteishaku",
            "Opetushallitus",
            "education",
            "digital",
            "-1",
            "En tiennyt, mihin hakea.",
            "",
        ),
    ],
    transitions: &[
        (0, 1, "7", "0", "none", "unknown", "Etsivä nuorisotyö"),
        (0, 2, "30", "5", "walking", "repeats", ""),
        (2, 3, "150", "40", "public_transport", "repeats", ""),
        (3, 4, "90", "0", "none", "unknown", ""),
    ],
    critical: &[
        (
            Some(1),
            0,
            "digital_only",
            "Apua saa vain chatissa virka-aikaan.",
            "\"Illalla ei ollut ketään.\"",
            "20",
        ),
        (
            None,
            1,
            "not_reached",
            "Ohjaamoon pitää mennä yksin, moni jää tulematta.",
            "",
            "40",
        ),
        (
            None,
            2,
            "long_queue",
            "Terapiaan jonotetaan viisi kuukautta.",
            "",
            "20",
        ),
    ],
    dropped: &[],
    bridged: &[],
    added: &[(
        3,
        "Opinto-ohjaaja mukana haussa",
        "Ammattiopisto",
        "education",
        "in_person",
        "2",
        "Ohjaaja tuli tapaamaan Ohjaamoon.",
        "Tutustumispäivä sovitaan ennen hakua.",
    )],
    improved: &[(1, "3", "5", "passes"), (2, "45", "40", "passes")],
    addressed: &[1],
};

fn invalid(errors: Vec<ValidationError>) -> DemoError {
    DemoError::Invalid(errors.first().map_or(ErrorCode::InvalidFields, |e| e.code))
}

fn touchpoint(
    (_, service, provider, sector, channel, experience, quote, backstage): DemoTouchpoint,
) -> Result<TouchpointDetails, DemoError> {
    TouchpointDetails::parse(&TouchpointInput {
        service: service.into(),
        provider: provider.into(),
        sector: sector.into(),
        channel: channel.into(),
        experience: experience.into(),
        quote: quote.into(),
        backstage: backstage.into(),
    })
    .map_err(invalid)
}

fn transition(
    wait: &str,
    km: &str,
    mode: &str,
    info: &str,
    responsible: &str,
) -> Result<TransitionDetails, DemoError> {
    TransitionDetails::parse(&TransitionInput {
        wait_days: wait.into(),
        distance_km: km.into(),
        travel_mode: mode.into(),
        info_flow: info.into(),
        responsible: responsible.into(),
    })
    .map_err(invalid)
}

/// Creates the demo profiles with their paths; the first as-is path's id.
pub(super) async fn create(store: &Store, workspace: &Workspace) -> Result<PathId, DemoError> {
    let mut first = None;
    for demo in [&PEKKA, &AINO] {
        let id = create_one(store, workspace, demo).await?;
        first.get_or_insert(id);
    }
    first.ok_or(DemoError::Invalid(ErrorCode::NotFound))
}

async fn create_one(
    store: &Store,
    workspace: &Workspace,
    demo: &DemoProfile,
) -> Result<PathId, DemoError> {
    let [
        name,
        age_band,
        situation,
        work_ability,
        distance,
        languages,
        digital_skills,
        goals,
    ] = demo.profile;
    let details = ProfileDetails::parse(&ProfileInput {
        name: name.into(),
        age_band: age_band.into(),
        situation: situation.into(),
        work_ability: work_ability.into(),
        distance: distance.into(),
        languages: languages.into(),
        digital_skills: digital_skills.into(),
        goals: goals.into(),
    })
    .map_err(invalid)?;
    let profile = store.create_profile(workspace.id, &details).await?;
    let path_details = PathDetails::parse(demo.title, demo.goal).map_err(invalid)?;
    let path = store
        .create_path(workspace.id, profile.id, PathVersion::AsIs, &path_details)
        .await?;
    let mut stages = Vec::new();
    for stage in demo.stages {
        let name = StageName::parse(stage).map_err(|e| DemoError::Invalid(e.code))?;
        stages.push(store.add_stage(workspace.id, path.id, &name).await?.id);
    }
    let mut touchpoints = Vec::new();
    for t in demo.touchpoints {
        let added = store
            .add_touchpoint(workspace.id, path.id, stages[t.0], &touchpoint(*t)?)
            .await?;
        touchpoints.push(added.id);
    }
    let mut transitions = Vec::new();
    for &(from, to, wait, km, mode, info, responsible) in demo.transitions {
        let details = transition(wait, km, mode, info, responsible)?;
        let added = store
            .add_transition(
                workspace.id,
                path.id,
                touchpoints[from],
                touchpoints[to],
                &details,
            )
            .await?;
        transitions.push(added.id);
    }
    for &(on_touchpoint, index, kind, description, evidence, share) in demo.critical {
        let target = match on_touchpoint {
            Some(i) => CriticalTarget::Touchpoint(touchpoints[i]),
            None => CriticalTarget::Transition(transitions[index]),
        };
        let details = CriticalPointDetails::parse(&CriticalPointInput {
            kind: kind.into(),
            description: description.into(),
            evidence: evidence.into(),
            drop_off_percent: share.into(),
        })
        .map_err(invalid)?;
        store
            .add_critical_point(workspace.id, path.id, target, &details)
            .await?;
    }
    improve(store, workspace, demo, path.id, &touchpoints).await?;
    Ok(path.id)
}

/// Copies the as-is path as its to-be path and makes the demo's changes.
async fn improve(
    store: &Store,
    workspace: &Workspace,
    demo: &DemoProfile,
    as_is: PathId,
    as_is_touchpoints: &[TouchpointId],
) -> Result<(), DemoError> {
    let original: PathStructure = store.path_structure(workspace.id, as_is).await?;
    let details = PathDetails::parse(demo.to_be_title, demo.goal).map_err(invalid)?;
    let to_be = store.copy_as_to_be(workspace.id, as_is, &details).await?;
    let copy = store.path_structure(workspace.id, to_be.id).await?;
    let copy_of = |id: TouchpointId| copy.touchpoints.iter().find(|t| t.copied_from == Some(id));
    for &i in demo.dropped {
        if let Some(t) = copy_of(as_is_touchpoints[i]) {
            store
                .delete_touchpoint(workspace.id, to_be.id, t.id)
                .await?;
        }
    }
    for &(from, to, wait, km, mode, info, responsible) in demo.bridged {
        let (Some(from), Some(to)) = (
            copy_of(as_is_touchpoints[from]),
            copy_of(as_is_touchpoints[to]),
        ) else {
            continue;
        };
        let details = transition(wait, km, mode, info, responsible)?;
        store
            .add_transition(workspace.id, to_be.id, from.id, to.id, &details)
            .await?;
    }
    for t in demo.added {
        store
            .add_touchpoint(
                workspace.id,
                to_be.id,
                copy.stages[t.0].id,
                &touchpoint(*t)?,
            )
            .await?;
    }
    // What the drops took with them is gone from the copy now.
    let copy = store.path_structure(workspace.id, to_be.id).await?;
    for &(index, wait, km, info) in demo.improved {
        let Some(source) = original.transitions.get(index) else {
            continue;
        };
        let Some(t) = copy
            .transitions
            .iter()
            .find(|t| t.copied_from == Some(source.id))
        else {
            continue;
        };
        let mode = source.details.travel_mode.map_or("", |m| m.as_str());
        let details = transition(wait, km, mode, info, &source.details.responsible)?;
        store
            .update_transition(workspace.id, to_be.id, t.id, t.version, &details)
            .await?;
    }
    for &i in demo.addressed {
        let Some(source) = original.critical_points.get(i) else {
            continue;
        };
        if let Some(c) = copy
            .critical_points
            .iter()
            .find(|c| c.copied_from == Some(source.id))
        {
            store
                .delete_critical_point(workspace.id, to_be.id, c.id)
                .await?;
        }
    }
    Ok(())
}
