//! Email to experts, end to end: the real server and SMTP client talk to
//! a small SMTP server in this test that keeps what it receives.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use confide_core::Role;
use confide_web::notify::{Security, SmtpConfig};
use confide_web::SiteConfig;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::support::{csrf_in, spawn_app, spawn_app_with, TestApp};

#[derive(Debug, Clone, Default)]
struct Received {
    to: Vec<String>,
    data: String,
}

/// Speaks just enough SMTP (RFC 5321) for one client at a time.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let kept = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let inbox = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut current = Received::default();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current
                            .to
                            .push(line[8..].trim().trim_matches(['<', '>']).to_owned());
                        b"250 OK\r\n"
                    } else if upper.starts_with("DATA") {
                        let _ = write.write_all(b"354 go on\r\n").await;
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            current.data.push_str(&l);
                            current.data.push('\n');
                        }
                        inbox.lock().unwrap().push(std::mem::take(&mut current));
                        b"250 kept\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (port, inbox)
}

async fn save_settings(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> u16 {
    let (_, page) = app.get_as(cookie, "/expert/account").await;
    let csrf = csrf_in(&page);
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    app.post_form(Some(cookie), "/expert/account/notifications", &form)
        .await
        .status()
        .as_u16()
}

async fn wait_for<T>(mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..200 {
        if let Some(v) = check() {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting")
}

#[tokio::test]
async fn experts_get_one_digest_per_round_without_the_questions_words() {
    let (port, inbox) = smtp_sink().await;
    let app = spawn_app_with(SiteConfig {
        public_url: Some("https://confide.example".into()),
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port: Some(port),
            username: None,
            password: None,
            from: "Confide <no-reply@confide.example>".into(),
            security: Security::None,
            interval_seconds: 1,
        }),
        ..SiteConfig::default()
    })
    .await;
    app.create_account("dr.mail", Role::Expert).await;
    app.create_account("dr.quiet", Role::Expert).await;
    let cookie = app.browser_login("dr.mail").await;

    // A mistyped address is refused; a good one is kept with its topics.
    assert_eq!(
        save_settings(&app, &cookie, &[("email", "kim@localhost")]).await,
        422
    );
    assert_eq!(
        save_settings(
            &app,
            &cookie,
            &[
                ("email", "kim@clinic.example"),
                ("topic_pain", "yes"),
                ("topic_consent", "yes")
            ]
        )
        .await,
        303
    );
    let (_, page) = app.get_as(&cookie, "/expert/account").await;
    assert!(page.contains(r#"value="kim@clinic.example""#));
    assert!(page.contains(r#"name="topic_pain" value="yes" checked"#));

    // The notifier starts from "now" on its first round; wait for it.
    for _ in 0..200 {
        if app.store.cursor("notify").await.unwrap().is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(app.store.cursor("notify").await.unwrap().is_some());

    app.api_ask(
        "Sharp pain during sex",
        "It hurts deep inside, every time.",
        "pain",
    )
    .await;
    app.api_ask(
        "Is this assault",
        "He kept going after I said stop last night. Do I need emergency contraception?",
        "consent",
    )
    .await;
    app.api_ask("Low desire lately", "I just don't feel like it.", "desire")
        .await;

    let mail = wait_for(|| inbox.lock().unwrap().first().cloned()).await;
    assert_eq!(mail.to, ["kim@clinic.example"]);
    assert!(
        mail.data
            .contains("Subject: 2 new questions waiting on Confide, 1 urgent"),
        "{}",
        mail.data
    );
    assert!(mail.data.contains("https://confide.example/expert"));
    for private in ["Sharp pain", "hurts", "said stop", "assault"] {
        assert!(
            !mail.data.contains(private),
            "{private:?} leaked into email"
        );
    }
    // One round, one email: the next rounds have nothing new to say.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(inbox.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn without_smtp_the_account_page_says_no_email_is_sent() {
    let app = spawn_app().await;
    app.create_account("dr.nomail", Role::Expert).await;
    let cookie = app.browser_login("dr.nomail").await;
    let (_, page) = app.get_as(&cookie, "/expert/account").await;
    assert!(page.contains("This site does not send email"));
    assert!(!page.contains("/expert/account/notifications"));
}
