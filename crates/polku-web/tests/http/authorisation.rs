//! The route walker: calls every route the app serves, as declared in
//! `polku_web::route_table()`, as an anonymous caller, as a member of another
//! workspace, as members below and at the route's minimum role, and with ids
//! of another workspace's objects in every path parameter (for routes of
//! one's own account, another account's objects). It fails on an API
//! operation without a declaration and on a path parameter it has no
//! fixture for, so a new route cannot slip past it.

use std::collections::{BTreeSet, HashMap};

use polku_app::credentials::secret_hash;
use polku_app::invitations::invite;
use polku_app::members::Acting;
use polku_app::resets::issue_reset_link;
use polku_app::tokens::issue_token;
use polku_domain::paths::{
    CriticalPointDetails, CriticalPointInput, CriticalTarget, PathDetails, PathVersion,
    ProfileDetails, ProfileInput, StageName, TouchpointDetails, TouchpointInput, TransitionDetails,
    TransitionInput,
};
use polku_domain::{
    Email, GroupDetails, GroupId, LocalizedText, NewCollectionPeriod, NewWorkshop, Phase, Role,
    SeriesId, SeriesName, TokenLifetime, TokenName, WorkspaceId,
};
use polku_store::{Store, User};
use polku_web::{Access, RouteSpec, route_table};
use reqwest::{Method, StatusCode};

use crate::helpers::{TestApp, app_test, cookie};

app_test!(every_route_is_authorised_for_every_kind_of_caller);

/// Someone who calls: by token for the API, by page session for pages.
struct Caller {
    token: String,
    session: String,
    /// The `Cookie` header pages are called with.
    cookie: String,
}

impl Caller {
    async fn new(app: &TestApp, email: &str) -> Self {
        let session = app.login(email).await;
        Self {
            token: app.token(email).await,
            cookie: cookie(&session),
            session,
        }
    }

    /// Puts the page session back if a route ended it ("log out everywhere").
    async fn keep_signed_in(&self, app: &TestApp, user: &User) {
        let hash = secret_hash(&self.session);
        let store = &app.db.store;
        if store
            .find_login_session(&hash)
            .await
            .expect("query")
            .is_none()
        {
            store
                .create_login_session(&hash, user)
                .await
                .expect("session back");
        }
    }
}

/// A fresh API token of `user` named `name`, by id: the fixture of
/// `{token_id}` (made anew for each route, as a route may revoke it).
async fn token_fixture(app: &TestApp, user: &User, name: &str) -> String {
    let name = TokenName::parse(name).expect("valid");
    issue_token(&app.db.store, user, &name, TokenLifetime::DEFAULT)
        .await
        .expect("token")
        .token
        .id
        .to_string()
}

struct Answer {
    status: StatusCode,
    location: String,
    body: String,
}

async fn call(app: &TestApp, route: &RouteSpec, path: &str, caller: Option<&Caller>) -> Answer {
    let method: Method = route.method.as_str().parse().expect("method");
    let mut request = app.client.request(method.clone(), app.url(path));
    if let Some(caller) = caller {
        request = if route.api {
            request.bearer_auth(&caller.token)
        } else {
            request.header("cookie", &caller.cookie)
        };
    }
    if method == Method::POST {
        request = if route.api {
            request.json(&serde_json::json!({}))
        } else {
            request.form(&[("unused", "")])
        };
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // An event stream never ends: its status is the answer.
    let body = if path.ends_with("/events") {
        String::new()
    } else {
        response.text().await.unwrap_or_default()
    };
    Answer {
        status,
        location,
        body,
    }
}

/// A live session of `workspace` opened by `token`'s account, a participant
/// of it (by token and cookie) and a note of theirs: the fixtures of
/// `{session_id}` and `{note_id}`.
async fn session_fixture(app: &TestApp, token: &str, workspace: &str) -> (String, Caller, String) {
    let session: serde_json::Value = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(token)
        .json(&serde_json::json!({ "workspace_id": workspace, "title": "Kävelijän työpaja" }))
        .send()
        .await
        .expect("open")
        .json()
        .await
        .expect("session");
    let joined: serde_json::Value = app
        .client
        .post(app.url("/api/v1/join"))
        .json(&serde_json::json!({
            "code": session["join_code"], "nickname": "Kävelijä", "perspective": "client"
        }))
        .send()
        .await
        .expect("join")
        .json()
        .await
        .expect("joined");
    let token = joined["participant_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let session_id = session["id"].as_str().expect("id").to_owned();
    let note: serde_json::Value = app
        .client
        .post(app.url(&format!("/api/v1/sessions/{session_id}/notes")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "text": "Kävelijän lappu" }))
        .send()
        .await
        .expect("note")
        .json()
        .await
        .expect("note");
    let participant = Caller {
        cookie: format!("__Host-polku_live={token}"),
        token,
        session: String::new(),
    };
    (
        session_id,
        participant,
        note["id"].as_str().expect("id").to_owned(),
    )
}

/// `template` with each `{param}` replaced from `ids`; panics on a parameter
/// the walker has no fixture for.
fn fill(template: &str, ids: &HashMap<&str, String>) -> String {
    let mut path = template.to_owned();
    for param in params(template) {
        let id = ids.get(param.as_str()).unwrap_or_else(|| {
            panic!("{template}: the route walker has no fixture for {{{param}}}; add one")
        });
        path = path.replace(&format!("{{{param}}}"), id);
    }
    path
}

fn params(template: &str) -> Vec<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split('}').next())
        .map(str::to_owned)
        .collect()
}

async fn every_route_is_authorised_for_every_kind_of_caller(app: &TestApp) {
    let owner_user = app.user("owner@example.fi", false).await;
    app.user("facilitator@example.fi", false).await;
    app.user("viewer@example.fi", false).await;
    let outsider_user = app.user("outsider@example.fi", false).await;
    let victim = app.user("victim@example.fi", false).await;
    let foreign_member = app.user("foreign.member@example.fi", false).await;
    let owner = Caller::new(app, "owner@example.fi").await;
    let outsider = Caller::new(app, "outsider@example.fi").await;
    let ws = app.workspace(&owner.token, "Jäsenten hanke").await;
    let foreign_ws = app.workspace(&outsider.token, "Ulkopuolisen hanke").await;
    let ws_id: WorkspaceId = ws.parse().expect("id");
    let foreign_ws_id: WorkspaceId = foreign_ws.parse().expect("id");
    let store = &app.db.store;
    for (email, role) in [
        ("facilitator@example.fi", Role::Facilitator),
        ("viewer@example.fi", Role::Viewer),
    ] {
        let user = store
            .find_user_by_email(&polku_domain::Email::parse(email).expect("e-mail"))
            .await
            .expect("query")
            .expect("user");
        store.add_member(ws_id, user.id, role).await.expect("added");
    }
    store
        .add_member(foreign_ws_id, foreign_member.id, Role::Viewer)
        .await
        .expect("added");
    let facilitator = Caller::new(app, "facilitator@example.fi").await;
    let viewer = Caller::new(app, "viewer@example.fi").await;
    let member_as = |role: Role| match role {
        Role::Owner => &owner,
        Role::Facilitator => &facilitator,
        Role::Viewer => &viewer,
    };

    let reset_link = |email: &'static str| async move {
        issue_reset_link(store, email)
            .await
            .expect("reset link")
            .secret
    };
    // An invitation token for the outsider into a third workspace, so the
    // signed-in routes that take one succeed for the outsider without making
    // them a member of either workspace walked (the owner then finds it used:
    // 410). A token is a capability, not an object someone owns: "another's"
    // is one that opens nothing, 404.
    let third: WorkspaceId = app
        .workspace(&owner.token, "Kolmas hanke")
        .await
        .parse()
        .expect("id");
    let token = invite(
        store,
        third,
        Acting {
            user: &owner_user,
            role: Role::Owner,
        },
        &outsider_user.email,
        Role::Viewer,
    )
    .await
    .expect("invited")
    .token;

    let (own_session, own_participant, own_note) = session_fixture(app, &owner.token, &ws).await;
    let (foreign_session, foreign_participant, foreign_note) =
        session_fixture(app, &outsider.token, &foreign_ws).await;
    let (own_group, own_series, own_public) = group_fixture(store, ws_id, "Jäsenten ryhmä").await;
    let (foreign_group, foreign_series, _) =
        group_fixture(store, foreign_ws_id, "Ulkopuolisen ryhmä").await;
    let own_series_ids = (
        own_group.parse().expect("id"),
        own_series.parse().expect("id"),
    );
    let foreign_series_ids = (
        foreign_group.parse().expect("id"),
        foreign_series.parse().expect("id"),
    );
    let foreign_workshop = workshop_fixture(store, foreign_ws_id, foreign_series_ids).await;
    let foreign_path = path_fixture(store, foreign_ws_id, "Ulkopuolisen profiili").await;
    let foreign_period = period_fixture(store, foreign_ws_id, foreign_series_ids).await;
    let mut own_ids: HashMap<&str, String> = HashMap::from([
        ("group_id", own_group),
        ("series_id", own_series),
        ("public_id", own_public),
        ("workspace_id", ws.clone()),
        ("session_id", own_session),
        ("note_id", own_note),
        ("user_id", victim.id.to_string()),
        (
            "invitation_id",
            pending_invitation(store, ws_id, &owner_user).await,
        ),
        ("invitation_token", token),
        ("token", reset_link("victim@example.fi").await),
    ]);
    let mut foreign_ids: HashMap<&str, String> = HashMap::from([
        ("group_id", foreign_group),
        ("series_id", foreign_series),
        ("workshop_id", foreign_workshop),
        ("period_id", foreign_period),
        ("workspace_id", foreign_ws.clone()),
        ("session_id", foreign_session),
        ("note_id", foreign_note),
        ("user_id", foreign_member.id.to_string()),
        (
            "invitation_id",
            pending_invitation(store, foreign_ws_id, &outsider_user).await,
        ),
        (
            "token_id",
            token_fixture(app, &outsider_user, "Ulkopuolisen avain").await,
        ),
        ("token", reset_link("foreign.member@example.fi").await),
        ("invitation_token", "0".repeat(64)),
    ]);
    foreign_ids.extend(foreign_path);
    let foreign_data = [
        "Ulkopuolisen hanke",
        "Ulkopuolisen ryhmä",
        "Ulkopuolisen sarja",
        "foreign.member@example.fi",
        "foreign.invitee@example.fi",
        "Ulkopuolisen avain",
        "Ulkopuolisen profiili",
        "Ulkopuolisen polku",
    ];

    let table = route_table();
    let declared: BTreeSet<(String, String)> = table
        .iter()
        .map(|r| (r.method.as_str().to_owned(), r.path.clone()))
        .collect();
    assert_eq!(declared.len(), table.len(), "a route is declared twice");
    let doc = app.openapi().await;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            assert!(
                declared.contains(&(method.to_uppercase(), path.clone())),
                "{method} {path} is served without a declared access"
            );
        }
    }
    assert!(table.len() >= 17, "walked only {} routes", table.len());

    for route in &table {
        let label = format!("{} {}", route.method, route.path);
        own_ids.insert(
            "token_id",
            token_fixture(app, &owner_user, "Omistajan avain").await,
        );
        // A member pass may have closed the series, and removed the last
        // workshop or period.
        store
            .reopen_series(ws_id, own_series_ids.0, own_series_ids.1)
            .await
            .expect("reopened");
        own_ids.insert(
            "workshop_id",
            workshop_fixture(store, ws_id, own_series_ids).await,
        );
        own_ids.insert(
            "period_id",
            period_fixture(store, ws_id, own_series_ids).await,
        );
        // A member pass may have removed the profile, the path or a part
        // of it.
        own_ids.extend(path_fixture(store, ws_id, "Jäsenten profiili").await);
        // A member pass may have withdrawn the last one.
        own_ids.insert(
            "invitation_id",
            pending_invitation(store, ws_id, &owner_user).await,
        );
        // A participant pass may have taken the last note back (once the
        // walk has closed the session, nothing is taken back any more).
        if let Some(note) = note_fixture(store, &own_ids["session_id"]).await {
            own_ids.insert("note_id", note);
        }
        outsider.keep_signed_in(app, &outsider_user).await;
        let path = fill(&route.path, &own_ids);

        let answer = call(app, route, &path, None).await;
        match route.access {
            // Public routes answer anyone; POST /login answers 401 to the
            // empty form, which is its own business, not an access refusal.
            Access::Anonymous => {
                assert!(
                    answer.status != 403 && !answer.status.is_server_error(),
                    "{label} as anonymous: {}",
                    answer.status
                );
                continue;
            }
            _ if route.api => assert_eq!(answer.status, 401, "{label} as anonymous"),
            // A participant's page sends a visitor to join, not to log in.
            Access::Participant => {
                assert_eq!(answer.status, 303, "{label} as anonymous");
                assert!(
                    answer.location.starts_with("/join"),
                    "{label}: {}",
                    answer.location
                );
            }
            _ => {
                assert_eq!(answer.status, 303, "{label} as anonymous");
                assert!(
                    answer.location.starts_with("/login?next="),
                    "{label}: {}",
                    answer.location
                );
            }
        }

        // An id the caller typed may come back (the language links repeat
        // the path); the workspace's own data must not.
        let answer = call(app, route, &path, Some(&outsider)).await;
        assert!(
            !answer.body.contains("Jäsenten hanke"),
            "{label} leaks the workspace to an outsider"
        );
        let minimum = match route.access {
            Access::Member(minimum) | Access::SessionMember(minimum) => {
                assert_eq!(answer.status, 403, "{label} as another workspace's member");
                minimum
            }
            Access::SignedIn => {
                assert!(
                    !answer.body.contains(&ws),
                    "{label} lists the workspace to an outsider"
                );
                assert!(
                    answer.status.as_u16() < 500 && ![401, 403].contains(&answer.status.as_u16()),
                    "{label} as a signed-in outsider: {}",
                    answer.status
                );
                // Parameters name the caller's own objects (tokens): their
                // owner reaches them; another account's give 404 and nothing
                // of them.
                if !params(&route.path).is_empty() {
                    let answer = call(app, route, &path, Some(&owner)).await;
                    assert!(
                        ![401, 403, 404].contains(&answer.status.as_u16())
                            && !answer.status.is_server_error(),
                        "{label} on the caller's own objects: {}",
                        answer.status
                    );
                }
                for param in params(&route.path) {
                    let mut ids = own_ids.clone();
                    ids.insert(
                        own_ids
                            .keys()
                            .copied()
                            .find(|k| *k == param)
                            .expect("known"),
                        foreign_ids[param.as_str()].clone(),
                    );
                    let answer = call(app, route, &fill(&route.path, &ids), Some(&owner)).await;
                    assert_eq!(answer.status, 404, "{label} with another account's {param}");
                    for data in foreign_data {
                        assert!(
                            !answer.body.contains(data),
                            "{label} with another account's {param} shows {data}"
                        );
                    }
                }
                continue;
            }
            Access::Participant => {
                assert_eq!(answer.status, 403, "{label} as another workspace's member");
                let fine = |answer: &Answer| {
                    ![401, 403, 404].contains(&answer.status.as_u16())
                        && !answer.status.is_server_error()
                };
                let facilitator_answer = call(app, route, &path, Some(&facilitator)).await;
                // Taking a note back is its writer's alone: a facilitator is
                // let in and refused on the note's ownership, not on access.
                let refused_on_the_note = facilitator_answer.status == 403
                    && facilitator_answer.body.contains("not_your_note");
                assert!(
                    fine(&facilitator_answer) || refused_on_the_note,
                    "{label} as a facilitator of its workspace: {}",
                    facilitator_answer.status
                );
                let answer = call(app, route, &path, Some(&own_participant)).await;
                assert!(
                    fine(&answer),
                    "{label} as its participant: {}",
                    answer.status
                );
                let answer = call(app, route, &path, Some(&foreign_participant)).await;
                assert_eq!(
                    answer.status, 403,
                    "{label} as another session's participant"
                );
                for (param, caller) in [("session_id", &own_participant), ("session_id", &owner)] {
                    let mut ids = own_ids.clone();
                    ids.insert("session_id", foreign_ids[param].clone());
                    let answer = call(app, route, &fill(&route.path, &ids), Some(caller)).await;
                    assert!(
                        [403, 404].contains(&answer.status.as_u16()),
                        "{label} with another workspace's session: {}",
                        answer.status
                    );
                    assert!(!answer.body.contains("Ulkopuolisen"), "{label} leaks");
                }
                continue;
            }
            Access::Anonymous => unreachable!("handled above"),
        };

        for role in [Role::Viewer, Role::Facilitator] {
            if role >= minimum {
                break;
            }
            let answer = call(app, route, &path, Some(member_as(role))).await;
            assert_eq!(answer.status, 403, "{label} as a member with role {role}");
        }

        // The member pass may remove the victim; put them back each time.
        let _ = store.add_member(ws_id, victim.id, Role::Viewer).await;
        let answer = call(app, route, &path, Some(member_as(minimum))).await;
        assert!(
            ![401, 403, 404].contains(&answer.status.as_u16()) && !answer.status.is_server_error(),
            "{label} as a member with role {minimum}: {}",
            answer.status
        );

        // Another workspace's object in each parameter: not found, and
        // nothing of it in the answer.
        for param in params(&route.path) {
            let _ = store.add_member(ws_id, victim.id, Role::Viewer).await;
            let mut ids = own_ids.clone();
            ids.insert(
                own_ids
                    .keys()
                    .copied()
                    .find(|k| *k == param)
                    .expect("known"),
                foreign_ids[param.as_str()].clone(),
            );
            let answer = call(app, route, &fill(&route.path, &ids), Some(&owner)).await;
            let expected: &[u16] = if param == "workspace_id" || param == "session_id" {
                &[403, 404]
            } else {
                &[404]
            };
            assert!(
                expected.contains(&answer.status.as_u16()),
                "{label} with another workspace's {param}: {}",
                answer.status
            );
            for data in foreign_data {
                assert!(
                    !answer.body.contains(data),
                    "{label} with another workspace's {param} shows {data}"
                );
            }
        }
    }
    assert!(
        store
            .member_role(foreign_ws_id, foreign_member.id)
            .await
            .expect("role")
            == Some(Role::Viewer),
        "the other workspace's member is still there"
    );
    let foreign_token: polku_domain::TokenId = foreign_ids["token_id"].parse().expect("token id");
    assert!(
        store
            .find_api_token(foreign_token)
            .await
            .expect("query")
            .is_some(),
        "another account's token is still there"
    );
}

/// A group of `workspace` named `name` with a series of one workshop: the
/// group's id, the series' id and the group's public id.
async fn group_fixture(
    store: &Store,
    workspace: WorkspaceId,
    name: &str,
) -> (String, String, String) {
    let group = store
        .create_group(
            workspace,
            &GroupDetails::named(LocalizedText::finnish(name)),
        )
        .await
        .expect("group");
    let series_name = name.replace("ryhmä", "sarja");
    let series = store
        .create_series(
            workspace,
            group.id,
            &SeriesName::parse(&series_name).expect("name"),
            Phase::Ideation,
        )
        .await
        .expect("series");
    let workshop = NewWorkshop::parse("2030-01-15", "13:00", "90", "Kirjasto", &[]).expect("valid");
    store
        .add_workshop(workspace, group.id, series.id, &workshop)
        .await
        .expect("workshop");
    (
        group.id.to_string(),
        series.id.to_string(),
        group.public_id.to_string(),
    )
}

/// A fresh client profile of `workspace` named `name` with an as-is path
/// (its title `name` with "polku" for "profiili") of one stage, two
/// touchpoints, a transition between them and a critical point on it: the
/// fixtures of `{profile_id}`, `{path_id}`, `{stage_id}`, `{touchpoint_id}`,
/// `{transition_id}` and `{critical_point_id}`.
async fn path_fixture(
    store: &Store,
    workspace: WorkspaceId,
    name: &str,
) -> [(&'static str, String); 6] {
    let profile = ProfileDetails::parse(&ProfileInput {
        name: name.to_owned(),
        age_band: "50_64".into(),
        digital_skills: "basic".into(),
        ..ProfileInput::default()
    })
    .expect("valid");
    let profile = store
        .create_profile(workspace, &profile)
        .await
        .expect("profile");
    let title = PathDetails::parse(&name.replace("profiili", "polku"), "work").expect("valid");
    let path = store
        .create_path(workspace, profile.id, PathVersion::AsIs, &title)
        .await
        .expect("path");
    let stage = store
        .add_stage(
            workspace,
            path.id,
            &StageName::parse("Arviointi").expect("name"),
        )
        .await
        .expect("stage");
    let service = |service: &str| {
        TouchpointDetails::parse(&TouchpointInput {
            service: service.to_owned(),
            sector: "social_work".into(),
            channel: "phone".into(),
            ..TouchpointInput::default()
        })
        .expect("valid")
    };
    let mut touchpoints = Vec::new();
    for name in ["Alkuarvio", "Palveluohjaus"] {
        let touchpoint = store
            .add_touchpoint(workspace, path.id, stage.id, &service(name))
            .await
            .expect("touchpoint");
        touchpoints.push(touchpoint.id);
    }
    let transition = TransitionDetails::parse(&TransitionInput {
        wait_days: "30".into(),
        info_flow: "repeats".into(),
        ..TransitionInput::default()
    })
    .expect("valid");
    let transition = store
        .add_transition(
            workspace,
            path.id,
            touchpoints[0],
            touchpoints[1],
            &transition,
        )
        .await
        .expect("transition");
    let critical = CriticalPointDetails::parse(&CriticalPointInput {
        kind: "long_queue".into(),
        description: "Jono".into(),
        ..CriticalPointInput::default()
    })
    .expect("valid");
    let critical = store
        .add_critical_point(
            workspace,
            path.id,
            CriticalTarget::Transition(transition.id),
            &critical,
        )
        .await
        .expect("critical point");
    [
        ("profile_id", profile.id.to_string()),
        ("path_id", path.id.to_string()),
        ("stage_id", stage.id.to_string()),
        ("touchpoint_id", touchpoints[0].to_string()),
        ("transition_id", transition.id.to_string()),
        ("critical_point_id", critical.id.to_string()),
    ]
}

/// A fresh data-collection period of the series (group, series) of
/// `workspace`; its id.
async fn period_fixture(
    store: &Store,
    workspace: WorkspaceId,
    (group, series): (GroupId, SeriesId),
) -> String {
    let period =
        NewCollectionPeriod::parse("2030-01-16", "2030-02-14", "Haastattelut").expect("valid");
    store
        .add_collection_period(workspace, group, series, &period)
        .await
        .expect("period")
        .id
        .to_string()
}

/// A fresh note of the session's walking participant, while it is open;
/// its id.
async fn note_fixture(store: &Store, session: &str) -> Option<String> {
    let session: polku_domain::LiveSessionId = session.parse().expect("id");
    let participants = store
        .list_live_participants(session)
        .await
        .expect("participants");
    let walker = participants.first().expect("the walker joined");
    let text = polku_domain::live::NoteText::parse("Kävelijän lappu").expect("text");
    store
        .add_live_note(
            session,
            &polku_store::NewNote {
                text: &text,
                theme: None,
                column: None,
                participant: Some(walker),
                written_by: None,
            },
        )
        .await
        .ok()
        .map(|note| note.id.to_string())
}

/// A fresh workshop of the series (group, series) of `workspace`; its id.
async fn workshop_fixture(
    store: &Store,
    workspace: WorkspaceId,
    (group, series): (GroupId, SeriesId),
) -> String {
    let workshop = NewWorkshop::parse("2030-02-15", "13:00", "60", "Kirjasto", &[]).expect("valid");
    store
        .add_workshop(workspace, group, series, &workshop)
        .await
        .expect("workshop")
        .id
        .to_string()
}

/// A fresh pending invitation (viewer role) of `workspace`, by `owner`; its id.
async fn pending_invitation(store: &Store, workspace: WorkspaceId, owner: &User) -> String {
    let invited = if owner.email.as_str() == "owner@example.fi" {
        "invitee@example.fi"
    } else {
        "foreign.invitee@example.fi"
    };
    invite(
        store,
        workspace,
        Acting {
            user: owner,
            role: Role::Owner,
        },
        &Email::parse(invited).expect("e-mail"),
        Role::Viewer,
    )
    .await
    .expect("invited")
    .invitation
    .id
    .to_string()
}
