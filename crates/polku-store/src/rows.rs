//! Reading stored text back into domain types; a failure means corrupt data.

use std::str::FromStr;

use crate::StoreError;

/// Parses a stored column value, naming the column when it is not valid.
pub(crate) fn parse_column<T: FromStr>(value: &str, column: &str) -> Result<T, StoreError> {
    value
        .parse()
        .map_err(|_| StoreError::Corrupt(format!("{column} = {value:?}")))
}

/// Re-validates a stored value through a domain constructor.
pub(crate) fn validated<T, E>(
    result: Result<T, E>,
    column: &str,
    value: &str,
) -> Result<T, StoreError> {
    result.map_err(|_| StoreError::Corrupt(format!("{column} = {value:?}")))
}
