//! Client profiles of a workspace.

use polku_domain::paths::{ClientProfile, ProfileDetails};
use polku_domain::{ProfileId, WorkspaceId};

use crate::rows::parse_column;
use crate::{Store, StoreError, execute_one, now_millis, with_pool};

/// The columns a [`ProfileRow`] reads, for `concat!` into static SQL.
macro_rules! profile_columns {
    () => {
        "id, workspace_id, name, age_band, situation, work_ability, distance, languages, \
         digital_skills, goals"
    };
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: String,
    workspace_id: String,
    name: String,
    age_band: String,
    situation: String,
    work_ability: String,
    distance: String,
    languages: String,
    digital_skills: String,
    goals: String,
}

impl ProfileRow {
    fn into_profile(self) -> Result<ClientProfile, StoreError> {
        Ok(ClientProfile {
            id: parse_column(&self.id, "client_profiles.id")?,
            workspace_id: parse_column(&self.workspace_id, "client_profiles.workspace_id")?,
            details: ProfileDetails {
                name: self.name,
                age_band: parse_column(&self.age_band, "client_profiles.age_band")?,
                situation: self.situation,
                work_ability: self.work_ability,
                distance: self.distance,
                languages: self.languages,
                digital_skills: parse_column(
                    &self.digital_skills,
                    "client_profiles.digital_skills",
                )?,
                goals: self.goals,
            },
        })
    }
}

impl Store {
    /// Adds a client profile to `workspace`.
    pub async fn create_profile(
        &self,
        workspace: WorkspaceId,
        details: &ProfileDetails,
    ) -> Result<ClientProfile, StoreError> {
        let id = ProfileId::new();
        execute_one!(
            self,
            sqlx::query(
                "INSERT INTO client_profiles (id, workspace_id, name, age_band, situation, \
                 work_ability, distance, languages, digital_skills, goals, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(id.to_string())
            .bind(workspace.to_string())
            .bind(&details.name)
            .bind(details.age_band.as_str())
            .bind(&details.situation)
            .bind(&details.work_ability)
            .bind(&details.distance)
            .bind(&details.languages)
            .bind(details.digital_skills.as_str())
            .bind(&details.goals)
            .bind(now_millis())
        )?;
        Ok(ClientProfile {
            id,
            workspace_id: workspace,
            details: details.clone(),
        })
    }

    /// Replaces what is written about a profile; `NotFound` outside `workspace`.
    pub async fn update_profile(
        &self,
        workspace: WorkspaceId,
        profile: ProfileId,
        details: &ProfileDetails,
    ) -> Result<ClientProfile, StoreError> {
        execute_one!(
            self,
            sqlx::query(
                "UPDATE client_profiles SET name = $1, age_band = $2, situation = $3, \
                 work_ability = $4, distance = $5, languages = $6, digital_skills = $7, \
                 goals = $8 WHERE id = $9 AND workspace_id = $10",
            )
            .bind(&details.name)
            .bind(details.age_band.as_str())
            .bind(&details.situation)
            .bind(&details.work_ability)
            .bind(&details.distance)
            .bind(&details.languages)
            .bind(details.digital_skills.as_str())
            .bind(&details.goals)
            .bind(profile.to_string())
            .bind(workspace.to_string())
        )?;
        Ok(ClientProfile {
            id: profile,
            workspace_id: workspace,
            details: details.clone(),
        })
    }

    /// Removes a profile with its paths; `NotFound` outside `workspace`.
    pub async fn delete_profile(
        &self,
        workspace: WorkspaceId,
        profile: ProfileId,
    ) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("DELETE FROM client_profiles WHERE id = $1 AND workspace_id = $2")
                .bind(profile.to_string())
                .bind(workspace.to_string())
        )
    }

    /// One profile of `workspace`.
    pub async fn profile(
        &self,
        workspace: WorkspaceId,
        profile: ProfileId,
    ) -> Result<ClientProfile, StoreError> {
        let row: Option<ProfileRow> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT ",
                profile_columns!(),
                " FROM client_profiles WHERE id = $1 AND workspace_id = $2"
            ))
            .bind(profile.to_string())
            .bind(workspace.to_string())
            .fetch_optional(pool)
            .await
        })?;
        row.ok_or(StoreError::NotFound)?.into_profile()
    }

    /// The profiles of `workspace`, by name.
    pub async fn list_profiles(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<ClientProfile>, StoreError> {
        let rows: Vec<ProfileRow> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT ",
                profile_columns!(),
                " FROM client_profiles WHERE workspace_id = $1 ORDER BY name, id"
            ))
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(ProfileRow::into_profile).collect()
    }
}
