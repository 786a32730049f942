//! Body extractors whose every rejection is an [`AppError`] in the contract's
//! shape, never the framework's plain-text answer: [`ApiJson`] for the API,
//! [`PageForm`] for pages; and [`path_param`] for one id of a route's path.

use std::fmt;
use std::marker::PhantomData;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Form, FromRequest, Request};
use axum::http::StatusCode;
use polku_domain::ErrorCode;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::error::AppError;

/// The route's path parameter `name` parsed as `T`; 404 when it is missing
/// or does not parse (an id that is not one names nothing).
pub async fn path_param<T: std::str::FromStr, S: Send + Sync>(
    parts: &mut axum::http::request::Parts,
    state: &S,
    name: &str,
) -> Result<T, AppError> {
    use axum::extract::FromRequestParts;
    let axum::extract::Path(params) = axum::extract::Path::<
        std::collections::HashMap<String, String>,
    >::from_request_parts(parts, state)
    .await
    .map_err(|_| AppError::not_found())?;
    params
        .get(name)
        .and_then(|raw| raw.parse().ok())
        .ok_or_else(AppError::not_found)
}

/// A JSON request body of type `T`, which must be a JSON object (422
/// `invalid_fields` for an array, which serde would read into a struct).
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<Object<T>>::from_request(request, state).await {
            Ok(Json(Object(value))) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_error(&rejection)),
        }
    }
}

/// A `T` read only from a JSON object. A derived `Deserialize` also takes
/// an array of the fields in order, which no schema of the API allows.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = Object<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }

        deserializer.deserialize_map(Fields(PhantomData))
    }
}

/// For `#[serde(deserialize_with = "objects")]` on a list of structs in a
/// body: each item must be a JSON object, as [`ApiJson`] asks of the body.
pub fn objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Vec::<Object<T>>::deserialize(deserializer)?;
    Ok(items.into_iter().map(|Object(item)| item).collect())
}

fn json_error(rejection: &JsonRejection) -> AppError {
    match rejection {
        JsonRejection::JsonDataError(_) => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidFields)
        }
        JsonRejection::MissingJsonContentType(_) => {
            AppError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::JsonRequired)
        }
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        _ => AppError::new(StatusCode::BAD_REQUEST, ErrorCode::InvalidJson),
    }
}

/// A form body of type `T`.
pub struct PageForm<T>(pub T);

impl<S, T> FromRequest<S> for PageForm<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Form::<T>::from_request(request, state).await {
            Ok(Form(value)) => Ok(PageForm(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(too_large())
            }
            Err(_) => Err(AppError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidForm,
            )),
        }
    }
}

const fn too_large() -> AppError {
    AppError::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
}
