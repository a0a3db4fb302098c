//! The clock of the dated formats (html, xlsx, docx): the renderers are
//! pure, so the shell reads the time they print, once, here.

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime};

use super::UsageError;

/// When the report is made: `SOURCE_DATE_EPOCH` (seconds, UTC) when set, so
/// a committed example regenerates byte for byte; else the local clock.
pub fn now() -> Result<NaiveDateTime> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(|t| t.naive_utc())
            .ok_or_else(|| {
                UsageError(format!(
                    "SOURCE_DATE_EPOCH: `{s}` is not a number of seconds since 1970"
                ))
                .into()
            }),
        Err(_) => Ok(chrono::Local::now().naive_local()),
    }
}
