//! Optional email to experts about new questions in their topics, over
//! the operator's SMTP server. Off unless `[site.smtp]` is configured.
//! Nodes share one cursor in the database, so each digest goes out once.

use std::sync::Arc;
use std::time::Duration;

use confide_core::notification::{digests, Digest};
use confide_store::Store;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Deserialize;

use crate::i18n::{m, Lang, Tr};
use crate::Error;
use fluent_bundle::FluentValue;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (port 587); refused if the
    /// server cannot.
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or network.
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    /// Defaults to the usual port for `security`.
    pub port: Option<u16>,
    pub username: Option<String>,
    /// Better given as the `CONFIDE_SMTP_PASSWORD` environment variable.
    pub password: Option<String>,
    /// The sender, e.g. `Confide <no-reply@confide.example.org>`.
    pub from: String,
    #[serde(default)]
    pub security: Security,
    /// How often new questions are gathered into digests (default 300).
    #[serde(default = "default_interval")]
    pub interval_seconds: u64,
}

fn default_interval() -> u64 {
    300
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Absolute links in the email point here.
    base_url: String,
    pub interval: Duration,
}

impl Mailer {
    pub fn new(config: &SmtpConfig, public_url: Option<&str>) -> Result<Mailer, Error> {
        let bad = |what: String| Error::Internal(format!("[site.smtp] {what}"));
        let base_url = public_url
            .ok_or_else(|| bad("needs site.public_url, for the links in the email".into()))?
            .trim_end_matches('/')
            .to_owned();
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| bad(format!("from {:?}: {e}", config.from)))?;
        let builder = match config.security {
            Security::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)
                    .map_err(|e| bad(format!("host {:?}: {e}", config.host)))?
            }
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)
                .map_err(|e| bad(format!("host {:?}: {e}", config.host)))?,
            Security::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host).port(25)
            }
        };
        let mut builder = builder.timeout(Some(Duration::from_secs(30)));
        if let Some(port) = config.port {
            builder = builder.port(port);
        }
        let password = std::env::var("CONFIDE_SMTP_PASSWORD")
            .ok()
            .or_else(|| config.password.clone());
        if let Some(user) = &config.username {
            let password =
                password.ok_or_else(|| bad("username given without a password".into()))?;
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
            base_url,
            interval: Duration::from_secs(config.interval_seconds.max(1)),
        })
    }

    async fn send(&self, digest: &Digest) -> Result<(), String> {
        let to: Mailbox = digest.to.parse().map_err(|e| format!("address: {e}"))?;
        let (subject, body) = self.words(digest);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| format!("message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

impl Mailer {
    /// The digest's subject and plain-text body, in the expert's language.
    fn words(&self, digest: &Digest) -> (String, String) {
        let tr = Tr::new(Lang::parse(&digest.lang).unwrap_or_default());
        let n = |x: usize| FluentValue::from(x as i64);
        let subject = tr.text_with(
            m::MAIL_SUBJECT,
            &[
                ("count", n(digest.arrived())),
                ("urgent", n(digest.urgent())),
            ],
        );
        let lines: Vec<String> = digest
            .topics
            .iter()
            .map(|news| {
                tr.text_with(
                    m::MAIL_TOPIC_LINE,
                    &[
                        ("topic", crate::view::topic_name(news.topic, tr).into()),
                        ("count", n(news.arrived)),
                        ("urgent", n(news.urgent)),
                    ],
                )
                .into_owned()
            })
            .collect();
        let base = &self.base_url;
        let body = tr.text_with(
            m::MAIL_BODY,
            &[
                ("topics", lines.join("\n").into()),
                ("queue", format!("{base}/expert").into()),
                ("settings", format!("{base}/expert/account").into()),
            ],
        );
        (subject.into_owned(), body.into_owned())
    }
}

const CURSOR: &str = "notify";

/// One round: claims the questions asked since the last round (one node
/// wins the claim) and sends each subscribed expert one digest. Returns
/// how many emails went out. A failed send is logged and not retried:
/// the next digest carries on, and nobody gets the same news twice.
pub async fn send_digests(store: &dyn Store, mailer: &Mailer) -> Result<usize, Error> {
    let upto = store.last_change().await?;
    let Some(from) = store.cursor(CURSOR).await? else {
        // First round ever: start from now, not from the whole history.
        store.advance_cursor(CURSOR, None, upto).await?;
        return Ok(0);
    };
    if upto <= from || !store.advance_cursor(CURSOR, Some(from), upto).await? {
        return Ok(0);
    }
    let arrivals = store.arrivals(from, upto).await?;
    if arrivals.is_empty() {
        return Ok(0);
    }
    let subscriptions = store.subscriptions().await?;
    let mut sent = 0;
    for digest in digests(&subscriptions, &arrivals) {
        match mailer.send(&digest).await {
            Ok(()) => sent += 1,
            // The error may name the expert's address; never an asker's words.
            Err(e) => tracing::warn!(error = %e, "a notification email could not be sent"),
        }
    }
    Ok(sent)
}

pub(crate) async fn run(store: Arc<dyn Store>, mailer: Arc<Mailer>) {
    let mut tick = tokio::time::interval(mailer.interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match send_digests(store.as_ref(), &mailer).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(emails = n, "sent new-question digests"),
            Err(e) => tracing::warn!(error = %e, "new-question digests could not be sent"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use confide_core::notification::TopicNews;
    use confide_core::Topic;

    #[test]
    fn a_digest_is_worded_in_the_experts_language() {
        let mailer = Mailer::new(&config(), Some("https://confide.example/")).unwrap();
        let mut digest = Digest {
            to: "kim@clinic.example".into(),
            lang: "es".into(),
            topics: vec![
                TopicNews {
                    topic: Topic::Pain,
                    arrived: 2,
                    urgent: 1,
                },
                TopicNews {
                    topic: Topic::Sti,
                    arrived: 1,
                    urgent: 0,
                },
            ],
        };
        let (subject, body) = mailer.words(&digest);
        assert_eq!(subject, "3 preguntas nuevas esperan en Confide, 1 urgente");
        assert!(body.starts_with("Preguntas nuevas en tus temas:\n\n- Dolor y molestias: 2 (1 urgente)\n- ITS y pruebas: 1\n\n"), "{body}");
        assert!(body.contains("https://confide.example/expert\n"), "{body}");
        digest.lang = "en".into();
        digest.topics.truncate(1);
        digest.topics[0].urgent = 0;
        let (subject, body) = mailer.words(&digest);
        assert_eq!(subject, "2 new questions waiting on Confide");
        assert!(body.contains("- Pain and discomfort: 2\n"), "{body}");
        assert!(
            body.ends_with("https://confide.example/expert/account"),
            "{body}"
        );
    }

    fn config() -> SmtpConfig {
        SmtpConfig {
            host: "127.0.0.1".into(),
            port: Some(2525),
            username: None,
            password: None,
            from: "Confide <no-reply@confide.example>".into(),
            security: Security::None,
            interval_seconds: 60,
        }
    }

    #[test]
    fn links_need_the_public_address() {
        let err = Mailer::new(&config(), None).err().unwrap().to_string();
        assert!(err.contains("site.public_url"), "{err}");
        assert!(Mailer::new(&config(), Some("https://confide.example/")).is_ok());
    }

    #[test]
    fn a_bad_sender_or_lone_username_is_named() {
        let mut c = config();
        c.from = "not an address".into();
        let err = Mailer::new(&c, Some("https://x.example"))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("from"), "{err}");
        let mut c = config();
        c.username = Some("confide".into());
        if std::env::var("CONFIDE_SMTP_PASSWORD").is_err() {
            let err = Mailer::new(&c, Some("https://x.example"))
                .err()
                .unwrap()
                .to_string();
            assert!(err.contains("without a password"), "{err}");
        }
    }
}
