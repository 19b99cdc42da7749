//! The parts of the JSON client that need no browser: the run-time
//! configuration, URL joining, and how a failed fetch is classified.
//!
//! Keeping these here means the error a citizen sees for a broken backend is
//! decided by natively tested code; the app only performs the request.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::Lang;

/// Where the data comes from. Read at start-up from `config.json` beside
/// `index.html`, so a deployment points the app at another backend by editing
/// one file, without rebuilding.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Base URL of the JSON API, absolute (`https://data.example/api/v1/`)
    /// or relative to the page's base (`api/v1/`).
    pub api_base: String,
    /// How long one request may take before it is abandoned.
    pub timeout_ms: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: "api/v1/".to_string(),
            timeout_ms: 15_000,
        }
    }
}

impl Config {
    /// Reads `config.json`. Missing fields keep their defaults; a timeout
    /// below 100 ms or above 2 minutes is clamped, since either would make the
    /// app unusable.
    pub fn from_json(text: &str) -> Result<Config, ApiError> {
        let mut cfg: Config = decode(text)?;
        if cfg.api_base.trim().is_empty() {
            cfg.api_base = Config::default().api_base;
        }
        cfg.timeout_ms = cfg.timeout_ms.clamp(100, 120_000);
        Ok(cfg)
    }

    /// The URL of a resource path such as `partners/page-1.json`.
    pub fn url(&self, path: &str) -> String {
        join_url(&self.api_base, path)
    }
}

/// Joins a base and a relative path with exactly one `/` between them.
pub fn join_url(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    let path = path.trim_start_matches('/');
    if base.is_empty() {
        path.to_string()
    } else {
        format!("{base}/{path}")
    }
}

/// Why a resource could not be shown. Each kind gets its own message, so a
/// user (or the official sharing a screen) can tell a dead server from a
/// broken file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer could be had: the server is down, the address is wrong, or
    /// the network is off.
    Unreachable,
    /// The server answered with a non-success HTTP status.
    Status(u16),
    /// The body was not JSON.
    InvalidJson(String),
    /// The body was JSON but not the shape of the contract.
    Shape(String),
    /// No complete answer within the configured time.
    Timeout {
        /// The configured time, in milliseconds.
        ms: u32,
    },
    /// HTTP 503 or 429: the server is overloaded or in maintenance, and may
    /// have said when to come back (`Retry-After` in seconds).
    Busy {
        /// The HTTP status (503 or 429).
        status: u16,
        /// The `Retry-After` delay in seconds, when the server gave one.
        retry_after_s: Option<u32>,
    },
}

/// The longest wait a `Retry-After` may announce that is shown as is; a
/// longer one (or an HTTP date) is shown as "later".
pub const MAX_RETRY_AFTER_S: u32 = 24 * 3600;

/// Reads a `Retry-After` header of delay-seconds (`120`). An HTTP date or
/// anything else gives `None`: the message then says "later".
pub fn retry_after_seconds(header: &str) -> Option<u32> {
    let t = header.trim();
    if t.is_empty() || t.len() > 10 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u32>().ok().filter(|s| *s <= MAX_RETRY_AFTER_S)
}

/// The error for a non-success HTTP status: [`ApiError::Busy`] for 503 and
/// 429 (with the `Retry-After` header, if any), else [`ApiError::Status`].
pub fn status_error(status: u16, retry_after: Option<&str>) -> ApiError {
    match status {
        503 | 429 => ApiError::Busy {
            status,
            retry_after_s: retry_after.and_then(retry_after_seconds),
        },
        _ => ApiError::Status(status),
    }
}

impl ApiError {
    /// True for a 404: pages show "not found" rather than an error.
    pub fn is_not_found(&self) -> bool {
        *self == ApiError::Status(404)
    }

    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ApiError::Unreachable, Lang::Id) => {
                "Server data tidak dapat dihubungi. Periksa koneksi internet Anda.".into()
            }
            (ApiError::Unreachable, Lang::En) => {
                "The data server cannot be reached. Check your internet connection.".into()
            }
            (ApiError::Status(code), Lang::Id) => {
                format!("Server data menjawab dengan galat HTTP {code}.")
            }
            (ApiError::Status(code), Lang::En) => {
                format!("The data server answered with HTTP error {code}.")
            }
            (ApiError::InvalidJson(_), Lang::Id) => {
                "Server data mengirim berkas yang bukan JSON yang sah.".into()
            }
            (ApiError::InvalidJson(_), Lang::En) => {
                "The data server sent a file that is not valid JSON.".into()
            }
            (ApiError::Shape(_), Lang::Id) => {
                "Isi data tidak sesuai dengan format yang diharapkan.".into()
            }
            (ApiError::Shape(_), Lang::En) => "The data does not have the expected format.".into(),
            (ApiError::Timeout { ms }, Lang::Id) => format!(
                "Server data tidak menjawab dalam batas waktu {} detik.",
                ms.div_ceil(1000)
            ),
            (ApiError::Timeout { ms }, Lang::En) => format!(
                "The data server did not answer within {} seconds.",
                ms.div_ceil(1000)
            ),
            (ApiError::Busy { status, retry_after_s }, Lang::Id) => match retry_after_s {
                Some(s) if *s > 0 => format!(
                    "Server data sedang sibuk atau dalam pemeliharaan (HTTP {status}). Coba lagi dalam {s} detik."
                ),
                _ => format!(
                    "Server data sedang sibuk atau dalam pemeliharaan (HTTP {status}). Coba lagi sebentar lagi."
                ),
            },
            (ApiError::Busy { status, retry_after_s }, Lang::En) => match retry_after_s {
                Some(s) if *s > 0 => format!(
                    "The data server is busy or under maintenance (HTTP {status}). Try again in {s} seconds."
                ),
                _ => format!(
                    "The data server is busy or under maintenance (HTTP {status}). Try again shortly."
                ),
            },
        }
    }

    /// Technical detail for the curious, shown folded under the message.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ApiError::InvalidJson(d) | ApiError::Shape(d) => Some(d),
            _ => None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))?;
        if let Some(d) = self.detail() {
            write!(f, " ({d})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Decodes a body, telling "not JSON at all" apart from "JSON of the wrong
/// shape" by serde_json's own error category.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Data => ApiError::Shape(e.to_string()),
            Category::Syntax | Category::Eof | Category::Io => ApiError::InvalidJson(e.to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatasetMeta;

    #[test]
    fn busy_servers_say_when_to_come_back() {
        assert_eq!(retry_after_seconds(" 120 "), Some(120));
        assert_eq!(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(retry_after_seconds("-1"), None);
        assert_eq!(retry_after_seconds("99999999999"), None);
        assert_eq!(
            retry_after_seconds(&(MAX_RETRY_AFTER_S + 1).to_string()),
            None
        );
        assert_eq!(status_error(500, Some("5")), ApiError::Status(500));
        let busy = status_error(503, Some("2"));
        assert_eq!(
            busy,
            ApiError::Busy {
                status: 503,
                retry_after_s: Some(2)
            }
        );
        assert!(busy.message(Lang::Id).contains("dalam 2 detik"));
        assert!(busy.message(Lang::En).contains("in 2 seconds"));
        let later = status_error(429, Some("soon"));
        assert!(
            later.message(Lang::Id).contains("sebentar lagi"),
            "{later:?}"
        );
        assert!(later.message(Lang::En).contains("HTTP 429"));
        assert!(!later.is_not_found());
    }

    #[test]
    fn not_json_and_wrong_shape_are_different_errors() {
        assert!(matches!(
            decode::<DatasetMeta>("{\"not json"),
            Err(ApiError::InvalidJson(_))
        ));
        assert!(matches!(
            decode::<DatasetMeta>("<html>500</html>"),
            Err(ApiError::InvalidJson(_))
        ));
        assert!(matches!(
            decode::<DatasetMeta>("{\"unexpected\": true}"),
            Err(ApiError::Shape(_))
        ));
    }

    #[test]
    fn config_defaults_and_overrides() {
        let c = Config::from_json("{}").unwrap();
        assert_eq!(c, Config::default());
        let c =
            Config::from_json(r#"{"api_base":"https://x.example/api/v1","timeout_ms":5}"#).unwrap();
        assert_eq!(c.timeout_ms, 100);
        assert_eq!(c.url("meta.json"), "https://x.example/api/v1/meta.json");
        assert!(Config::from_json("[").is_err());
    }

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(join_url("/api/v1/", "/meta.json"), "/api/v1/meta.json");
        assert_eq!(join_url("api/v1", "meta.json"), "api/v1/meta.json");
        assert_eq!(join_url("", "meta.json"), "meta.json");
    }

    #[test]
    fn messages_name_the_cause_in_both_languages() {
        assert!(ApiError::Status(500).message(Lang::Id).contains("500"));
        assert!(ApiError::Timeout { ms: 1500 }
            .message(Lang::Id)
            .contains("batas waktu 2 detik"));
        assert!(ApiError::InvalidJson(String::new())
            .message(Lang::En)
            .contains("JSON"));
        assert!(ApiError::Unreachable
            .message(Lang::En)
            .contains("cannot be reached"));
    }
}
