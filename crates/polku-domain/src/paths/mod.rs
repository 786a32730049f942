//! Client profiles and service paths (asiakasprofiili, palvelupolku): the
//! route of an anonymous composite persona through services, as it is
//! (as-is) and as it should be (to-be), with its stages, touchpoints, the
//! transitions between them and the critical points where people fall off.

mod compare;
mod layout;
mod profile;
mod structure;

pub use compare::{PathComparison, PathFigures, compare_paths, path_figures};
pub use layout::{MapLayout, PlacedCritical, PlacedTouchpoint, PlacedTransition, layout_map};
pub use profile::{ClientProfile, ProfileDetails, ProfileInput};
pub use structure::{
    CriticalPoint, CriticalPointDetails, CriticalPointInput, CriticalTarget, Experience,
    PathDetails, PathStructure, ServicePath, Stage, StageName, Touchpoint, TouchpointDetails,
    TouchpointInput, Transition, TransitionDetails, TransitionInput, would_close_a_cycle,
};

use crate::ErrorCode;

text_enum!(
    /// Whether a path shows how things go now or how they should go.
    PathVersion, "version", ErrorCode::InvalidChoice, [
        /// How the path goes now (nykytila).
        AsIs = "as_is" => "path-version-as_is",
        /// How it should go (tavoitetila).
        ToBe = "to_be" => "path-version-to_be",
    ]
);

text_enum!(
    /// Where a path leads.
    PathGoal, "goal", ErrorCode::InvalidChoice, [
        /// Work.
        Work = "work" => "path-goal-work",
        /// Studies.
        Studies = "studies" => "path-goal-studies",
        /// Participation (osallisuus).
        Participation = "participation" => "path-goal-participation",
        /// Wellbeing.
        Wellbeing = "wellbeing" => "path-goal-wellbeing",
    ]
);

text_enum!(
    /// The sector a touchpoint's service belongs to; the map's lanes.
    Sector, "sector", ErrorCode::InvalidChoice, [
        /// Social work.
        SocialWork = "social_work" => "sector-social_work",
        /// Health care.
        HealthCare = "health_care" => "sector-health_care",
        /// Employment services.
        EmploymentServices = "employment_services" => "sector-employment_services",
        /// Kela, the Social Insurance Institution.
        Kela = "kela" => "sector-kela",
        /// Education.
        Education = "education" => "sector-education",
        /// An NGO (järjestö).
        Ngo = "ngo" => "sector-ngo",
        /// Anything else.
        Other = "other" => "sector-other",
    ]
);

text_enum!(
    /// How the client meets a service.
    Channel, "channel", ErrorCode::InvalidChoice, [
        /// Face to face at the service.
        InPerson = "in_person" => "channel-in_person",
        /// By phone.
        Phone = "phone" => "channel-phone",
        /// Online only.
        Digital = "digital" => "channel-digital",
        /// A pop-up point where people already are.
        PopUp = "pop_up" => "channel-pop_up",
        /// At the client's home.
        HomeVisit = "home_visit" => "channel-home_visit",
        /// By letter.
        Letter = "letter" => "channel-letter",
    ]
);

text_enum!(
    /// How the client travels between two services.
    TravelMode, "travel_mode", ErrorCode::InvalidChoice, [
        /// No travel: the next service comes by phone, online or home.
        None = "none" => "travel-none",
        /// On foot.
        Walking = "walking" => "travel-walking",
        /// By bus or train.
        PublicTransport = "public_transport" => "travel-public_transport",
        /// By car.
        Car = "car" => "travel-car",
        /// By taxi or a transport service (Kela-taksi, kuljetuspalvelu).
        Taxi = "taxi" => "travel-taxi",
        /// Some other way.
        Other = "other" => "travel-other",
    ]
);

text_enum!(
    /// Whether information passes to the next service with the client.
    InfoFlow, "info_flow", ErrorCode::InvalidChoice, [
        /// The next service receives what is known.
        Passes = "passes" => "info-passes",
        /// The client must tell their story again.
        Repeats = "repeats" => "info-repeats",
        /// Nobody knows.
        Unknown = "unknown" => "info-unknown",
    ]
);

text_enum!(
    /// Why clients fall off the path at a critical point (DOMAIN.md).
    CriticalKind, "kind", ErrorCode::InvalidChoice, [
        /// The need is not recognised.
        NeedNotRecognised = "need_not_recognised" => "critical-need_not_recognised",
        /// The client is not reached or does not commit.
        NotReached = "not_reached" => "critical-not_reached",
        /// Nobody really meets the client (kohtaamattomuus).
        NotMet = "not_met" => "critical-not_met",
        /// The service is unavailable or far away.
        Unavailable = "unavailable" => "critical-unavailable",
        /// A long queue.
        LongQueue = "long_queue" => "critical-long_queue",
        /// Only a digital channel, which shuts people out.
        DigitalOnly = "digital_only" => "critical-digital_only",
        /// Information does not flow between organisations.
        InformationGap = "information_gap" => "critical-information_gap",
        /// No one holds overall responsibility.
        NoOverallResponsibility = "no_overall_responsibility" => "critical-no_overall_responsibility",
        /// Something else.
        Other = "other" => "critical-other",
    ]
);

text_enum!(
    /// A client profile's age band: broad enough never to point at anyone.
    AgeBand, "age_band", ErrorCode::InvalidChoice, [
        /// Under 25.
        Under25 = "under_25" => "age-under_25",
        /// 25 to 34.
        From25To34 = "25_34" => "age-25_34",
        /// 35 to 49.
        From35To49 = "35_49" => "age-35_49",
        /// 50 to 64.
        From50To64 = "50_64" => "age-50_64",
        /// 65 and over.
        Over65 = "65_plus" => "age-65_plus",
    ]
);

text_enum!(
    /// How well a client profile gets on with digital services.
    DigitalSkills, "digital_skills", ErrorCode::InvalidChoice, [
        /// Cannot use them without help.
        None = "none" => "digital-none",
        /// Manages simple things, needs help with forms.
        Basic = "basic" => "digital-basic",
        /// Uses them well.
        Good = "good" => "digital-good",
    ]
);

text_enum!(
    /// Which way a reorder button moves a stage or a touchpoint.
    Direction, "direction", ErrorCode::InvalidChoice, [
        /// Earlier: left for a stage, up for a touchpoint.
        Earlier = "earlier" => "move-earlier",
        /// Later: right for a stage, down for a touchpoint.
        Later = "later" => "move-later",
    ]
);
