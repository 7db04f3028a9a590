//! One HTTP GET as the build machine does it, for the notes (`fetch`) and
//! for link previews (`previews`): redirects followed by hand (each hop
//! must be http(s) and is counted), one time budget covering every hop and
//! the body, and a byte cap on what is read. Bytes become text here too,
//! with `encoding_rs`.

use std::io::{self, Read};
use std::time::{Duration, Instant};

use url::Url;

/// How a request behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// Time budget for one URL, covering every redirect hop and the body.
    pub timeout: Duration,
    /// Most redirects followed.
    pub max_redirects: u32,
    pub user_agent: String,
    pub accept: &'static str,
}

/// Why a request failed; `Display` is the one-line message users see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    #[error("invalid URL")]
    InvalidUrl,
    #[error("not an http(s) URL")]
    NotHttp,
    #[error("HTTP {0}")]
    Status(u16),
    #[error("timed out")]
    Timeout,
    #[error("too many redirects")]
    TooManyRedirects,
    #[error("redirect without Location")]
    RedirectWithoutLocation,
    #[error("redirect to non-http URL")]
    RedirectToNonHttp,
    #[error("connection refused")]
    Refused,
    #[error("connection reset")]
    Reset,
    #[error("connection closed early")]
    ClosedEarly,
    #[error("DNS lookup failed")]
    Dns,
    #[error("{0}")]
    Other(String),
}

/// A 2xx answer whose body has not been read yet.
pub struct Opened {
    pub url: Url,
    pub status: u16,
    /// The media type without parameters, lowercase (`text/markdown`).
    pub media_type: Option<String>,
    /// The `charset` parameter of Content-Type, lowercase.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub content_length: Option<u64>,
    response: ureq::Response,
}

/// A body read up to a cap.
pub struct Body {
    pub bytes: Vec<u8>,
    /// The cap was reached: more bytes followed.
    pub capped: bool,
}

pub struct Client {
    agent: ureq::Agent,
    opts: HttpOptions,
}

impl Client {
    pub fn new(opts: HttpOptions) -> Client {
        let agent = ureq::AgentBuilder::new()
            // Redirects are followed here, so each hop's scheme is checked and counted.
            .redirects(0)
            // ureq's default connect timeout (30 s) is not covered by a request's own
            // deadline; cap it at the budget.
            .timeout_connect(opts.timeout)
            .user_agent(&opts.user_agent)
            .build();
        Client { agent, opts }
    }

    /// GETs `url`, following redirects; the body is left unread.
    pub fn open(&self, url: &str) -> Result<Opened, HttpError> {
        let deadline = Instant::now() + self.opts.timeout;
        let mut current = Url::parse(url).map_err(|_| HttpError::InvalidUrl)?;
        if !is_http(&current) {
            return Err(HttpError::NotHttp);
        }
        let mut redirects = 0;
        loop {
            let remaining = deadline
                .checked_duration_since(Instant::now())
                .filter(|left| !left.is_zero())
                .ok_or(HttpError::Timeout)?;
            let response = match self
                .agent
                .request_url("GET", &current)
                .timeout(remaining)
                .set("Accept", self.opts.accept)
                .call()
            {
                Ok(response) => response,
                Err(ureq::Error::Status(code, _)) => return Err(HttpError::Status(code)),
                Err(ureq::Error::Transport(transport)) => return Err(describe_transport(&transport)),
            };
            let status = response.status();
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                let location = response.header("location").ok_or(HttpError::RedirectWithoutLocation)?;
                // Relative locations resolve against the URL that answered, not the first one.
                let target = current.join(location.trim()).map_err(|_| HttpError::InvalidUrl)?;
                if !is_http(&target) {
                    return Err(HttpError::RedirectToNonHttp);
                }
                if redirects >= self.opts.max_redirects {
                    return Err(HttpError::TooManyRedirects);
                }
                redirects += 1;
                current = target;
                // Dropping `response` unread closes its connection.
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(HttpError::Status(status));
            }
            let content_type = response.header("content-type").unwrap_or_default().to_string();
            let mut params = content_type.split(';');
            let media_type = params
                .next()
                .map(|m| m.trim().to_ascii_lowercase())
                .filter(|m| !m.is_empty());
            let charset = params.find_map(|p| {
                let (k, v) = p.split_once('=')?;
                k.trim()
                    .eq_ignore_ascii_case("charset")
                    .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
            });
            return Ok(Opened {
                url: current,
                status,
                media_type,
                charset,
                etag: response.header("etag").map(str::to_string),
                content_length: response.header("content-length").and_then(|l| l.trim().parse().ok()),
                response,
            });
        }
    }
}

impl Opened {
    /// Reads at most `limit` bytes. A body cut short by the network is an
    /// error only when nothing arrived and `partial_ok` is false.
    pub fn read(self, limit: usize, partial_ok: bool) -> Result<Body, HttpError> {
        let mut bytes = Vec::new();
        // One byte more than the cap tells a body of exactly `limit` from a longer one.
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        if let Err(error) = self.response.into_reader().take(cap).read_to_end(&mut bytes) {
            if bytes.is_empty() || !partial_ok {
                return Err(describe_io(&error).unwrap_or_else(|| HttpError::Other(format!("network error: {error}"))));
            }
        }
        let capped = bytes.len() > limit;
        bytes.truncate(limit);
        // The dropped reader closes the connection: the rest is never fetched.
        Ok(Body { bytes, capped })
    }
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// Bytes to text. Valid UTF-8 is UTF-8 whatever a label says (servers that
/// label everything ISO-8859-1 are common); otherwise the declared charset
/// is used as browsers would (`encoding_rs` maps labels the WHATWG way, so
/// "iso-8859-1" decodes as windows-1252); unknown labels fall back to lossy
/// UTF-8.
pub fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let valid_utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // Only the last character is incomplete: the body was cut there.
        Err(error) => error.error_len().is_none(),
    };
    if !valid_utf8 {
        if let Some(encoding) = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes())) {
            return encoding.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn describe_io(error: &io::Error) -> Option<HttpError> {
    Some(match error.kind() {
        // ureq reports an expired deadline as TimedOut; a socket timeout can be WouldBlock.
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => HttpError::Timeout,
        io::ErrorKind::ConnectionRefused => HttpError::Refused,
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted | io::ErrorKind::BrokenPipe => {
            HttpError::Reset
        }
        io::ErrorKind::UnexpectedEof => HttpError::ClosedEarly,
        // ureq's rustls surfaces certificate and handshake failures as I/O errors.
        _ => {
            return error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<ureq::rustls::Error>())
                .map(|tls| HttpError::Other(cap_message(format!("TLS error: {tls}"))))
        }
    })
}

fn describe_transport(transport: &ureq::Transport) -> HttpError {
    let mut source = std::error::Error::source(transport);
    while let Some(error) = source {
        if let Some(found) = error.downcast_ref::<io::Error>().and_then(describe_io) {
            return found;
        }
        source = error.source();
    }
    let detail = || {
        let mut text = transport.message().unwrap_or("").to_string();
        if let Some(source) = std::error::Error::source(transport) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&source.to_string());
        }
        text
    };
    match transport.kind() {
        ureq::ErrorKind::Dns => HttpError::Dns,
        ureq::ErrorKind::InvalidUrl => HttpError::InvalidUrl,
        ureq::ErrorKind::UnknownScheme => HttpError::NotHttp,
        ureq::ErrorKind::TooManyRedirects => HttpError::TooManyRedirects,
        ureq::ErrorKind::BadStatus => HttpError::Other("invalid HTTP response".into()),
        ureq::ErrorKind::BadHeader => HttpError::Other("invalid HTTP header".into()),
        ureq::ErrorKind::ConnectionFailed => HttpError::Other(cap_message(format!("connection failed: {}", detail()))),
        kind => HttpError::Other(cap_message(format!("{kind}: {}", detail()))),
    }
}

/// Longest error message kept; transport errors can embed long URLs or TLS details.
const MAX_ERROR_CHARS: usize = 200;

pub fn cap_message(message: String) -> String {
    let message = message.trim_end_matches([':', ' ']);
    match message.char_indices().nth(MAX_ERROR_CHARS) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_prefers_utf8_then_the_declared_charset() {
        assert_eq!(decode("café".as_bytes(), Some("iso-8859-1")), "café");
        assert_eq!(
            decode(b"caf\xe9 \x80", Some("iso-8859-1")),
            "café €",
            "latin-1 decodes as windows-1252"
        );
        assert_eq!(decode(b"caf\xe9!", None), "caf\u{fffd}!");
        assert_eq!(decode(b"\x82\xa0", Some("shift_jis")), "あ");
        // A body cut inside a multi-byte character is still UTF-8.
        assert_eq!(decode(&"é€".as_bytes()[..4], Some("latin1")), "é\u{fffd}");
    }

    #[test]
    fn long_messages_are_capped() {
        let message = cap_message("x".repeat(500));
        assert_eq!(message.chars().count(), MAX_ERROR_CHARS + 1);
        assert_eq!(cap_message("connection failed: ".into()), "connection failed");
    }
}
