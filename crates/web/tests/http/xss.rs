//! Our own corpus of script-injection payloads (data/xss.txt), put into
//! every place user text appears — titles, bodies, replies, answers,
//! citations, reviews, reports, names, credentials, applications, search —
//! and every page and feed that shows them checked for anything live.

use confide_core::Role;
use confide_web::SiteConfig;
use regex::Regex;
use serde_json::json;

use crate::support::{spawn_app_with, TestApp, PASSWORD};

const CORPUS: &str = include_str!("data/xss.txt");

fn payloads() -> Vec<&'static str> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

/// Elements that would run, load or restyle: none may occur.
fn live_markup() -> Vec<(&'static str, Regex)> {
    let r = |p: &str| Regex::new(p).unwrap();
    vec![
        (
            "an embedded document or image",
            r(r"(?i)<(iframe|object|embed|svg|math|img|base|frame)\b"),
        ),
        ("a style sheet", r(r"(?i)<style\b")),
        ("a refresh", r(r"(?i)<meta[^>]*http-equiv")),
    ]
}

/// The attributes of every tag in a page, read as a browser would: names,
/// and values with their quotes respected (an escaped quote inside a value
/// is part of the value, not the start of another attribute).
fn attributes(page: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = page.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != '<' {
            i += 1;
            continue;
        }
        i += 1;
        let mut tag = String::new();
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            tag.push(bytes[i].to_ascii_lowercase());
            i += 1;
        }
        if tag.is_empty() {
            continue;
        }
        loop {
            while i < bytes.len() && (bytes[i].is_whitespace() || bytes[i] == '/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == '>' {
                break;
            }
            let mut name = String::new();
            while i < bytes.len() && !matches!(bytes[i], '=' | '>') && !bytes[i].is_whitespace() {
                name.push(bytes[i].to_ascii_lowercase());
                i += 1;
            }
            let mut value = String::new();
            let mut j = i;
            while j < bytes.len() && bytes[j].is_whitespace() {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == '=' {
                i = j + 1;
                while i < bytes.len() && bytes[i].is_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == '"' || bytes[i] == '\'') {
                    let quote = bytes[i];
                    i += 1;
                    while i < bytes.len() && bytes[i] != quote {
                        value.push(bytes[i]);
                        i += 1;
                    }
                    i += 1;
                } else {
                    while i < bytes.len() && !bytes[i].is_whitespace() && bytes[i] != '>' {
                        value.push(bytes[i]);
                        i += 1;
                    }
                }
            }
            out.push((tag.clone(), name, value));
        }
    }
    out
}

fn assert_inert(what: &str, page: &str) {
    // Our own scripts only: each <script> loads one of ours, by address.
    let ours = Regex::new(r#"^<script src="/static/[a-z]+\.js" defer>"#).unwrap();
    let lower = page.to_ascii_lowercase();
    for (at, _) in lower.match_indices("<script") {
        assert!(
            ours.is_match(&page[at..]),
            "{what}: a script that is not ours: …{}…",
            page.get(at..(at + 120).min(page.len())).unwrap_or("")
        );
    }
    for (tag, attr, value) in attributes(page) {
        let v = value.trim().to_ascii_lowercase();
        // A path on this site may carry a payload in its query (the
        // language switcher's way back to a search): it still leads here.
        let here = v.starts_with('/') && !v.starts_with("//") && !v.starts_with("/\\");
        let bad = if attr.starts_with("on") {
            Some("an event handler")
        } else if attr == "style" {
            Some("an inline style")
        } else if matches!(attr.as_str(), "href" | "src" | "action" | "formaction")
            && (["javascript:", "vbscript:", "data:", "&#"]
                .iter()
                .any(|p| v.starts_with(p))
                || (v.contains("evil.example") && !here)
                || (tag == "form" && v.starts_with("http")))
        {
            Some("a script URL or a foreign target")
        } else {
            None
        };
        if let Some(bad) = bad {
            panic!("{what}: {bad}: <{tag} {attr}=\"{value}\">");
        }
    }
    for (name, pattern) in live_markup() {
        if let Some(m) = pattern.find(page) {
            let start = m.start().saturating_sub(120);
            let end = (m.end() + 120).min(page.len());
            panic!(
                "{what}: {name}: …{}…",
                page.get(start..end).unwrap_or(m.as_str())
            );
        }
    }
}

async fn post_json(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
    body: serde_json::Value,
) -> reqwest::Response {
    let mut request = app.http.post(app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn every_payload_comes_out_inert_everywhere_it_is_shown() {
    let mut config = SiteConfig::default();
    config.rate_limits.enabled = false;
    config.publish = confide_core::PublishPolicy::Immediately;
    let app = spawn_app_with(config).await;
    app.create_account("xss.admin", Role::Admin).await;
    app.create_account("xss.reviewer", Role::Expert).await;
    let reviewer_token = app.api_login("xss.reviewer").await;
    let admin = app.browser_login("xss.admin").await;

    let mut private_pages = Vec::new();
    for (i, payload) in payloads().into_iter().enumerate() {
        // An expert whose name and credentials are the payload.
        let handle = format!("xss.expert{i}");
        let hash =
            confide_web::auth::hash_password(confide_core::Password::parse(PASSWORD).unwrap())
                .await
                .unwrap();
        app.store
            .create_account(&confide_store::NewAccount {
                handle: confide_core::Handle::parse(&handle).unwrap(),
                display_name: confide_core::DisplayName::parse(
                    &payload.chars().take(80).collect::<String>(),
                )
                .unwrap(),
                credentials: confide_core::Credentials::parse(payload).unwrap(),
                role: Role::Expert,
                password_hash: hash,
                created_at: confide_web::now(),
                verified: true,
            })
            .await
            .unwrap();
        let expert = app.api_login(&handle).await;

        let title: String = format!("Q{i} {payload}").chars().take(200).collect();
        let r = post_json(
            &app,
            "/api/v1/questions",
            None,
            json!({"title": title, "body": payload, "topic": "other"}),
        )
        .await;
        assert_eq!(r.status().as_u16(), 201, "asking with {payload:?}");
        let asked: serde_json::Value = r.json().await.unwrap();
        let id = asked["id"].as_i64().unwrap();
        let capability = asked["capability"].as_str().unwrap().to_owned();

        let r = post_json(
            &app,
            &format!("/api/v1/questions/{id}/answers"),
            Some(&expert),
            json!({
                "body": format!("An answer quoting it: {payload}"),
                "citations": [{"title": payload, "url": "https://ok.example/study"}],
            }),
        )
        .await;
        assert_eq!(r.status().as_u16(), 201, "answering with {payload:?}");
        let answer = r.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        let r = post_json(
            &app,
            &format!("/api/v1/answers/{answer}/reviews"),
            Some(&reviewer_token),
            json!({
                "verdict": "dispute", "quote": "An answer quoting it", "note": payload,
            }),
        )
        .await;
        assert_eq!(r.status().as_u16(), 201, "reviewing with {payload:?}");
        let r = post_json(
            &app,
            &format!("/api/v1/questions/{id}/replies"),
            Some(&capability),
            json!({"body": payload}),
        )
        .await;
        assert_eq!(r.status().as_u16(), 201, "replying with {payload:?}");
        let r = post_json(
            &app,
            "/api/v1/flags",
            None,
            json!({
                "target": {"kind": "answer", "id": answer}, "reason": "other", "note": payload,
            }),
        )
        .await;
        assert_eq!(r.status().as_u16(), 201, "reporting with {payload:?}");
        private_pages.push((id, capability));
    }

    let moderation = app.get_as(&admin, "/moderation").await.1;
    assert_inert("the moderation queue", &moderation);
    assert!(
        moderation.contains("&lt;script&gt;"),
        "the payloads are shown, as text"
    );
    assert_inert("the experts' queue", &app.get_as(&admin, "/expert").await.1);
    assert_inert("the home page", &app.get_text("/").await.1);
    for (id, capability) in &private_pages {
        assert_inert(
            "a public question page",
            &app.get_text(&format!("/q/{id}")).await.1,
        );
        assert_inert(
            "a question page for staff",
            &app.get_as(&admin, &format!("/q/{id}")).await.1,
        );
        assert_inert(
            "a private page",
            &app.get_text(&format!("/private/{capability}")).await.1,
        );
        assert_inert(
            "a private feed",
            &app.get_text(&format!("/private/{capability}/feed.xml"))
                .await
                .1,
        );
    }
    assert_inert("a topic feed", &app.get_text("/topics/other.xml").await.1);
    for payload in payloads() {
        let query: String = url_escape(payload);
        assert_inert(
            "the search page",
            &app.get_text(&format!("/search?q={query}")).await.1,
        );
    }
}

#[tokio::test]
async fn applications_with_payloads_come_out_inert_for_the_admin() {
    let mut config = SiteConfig::default();
    config.rate_limits.enabled = false;
    let app = spawn_app_with(config).await;
    app.create_account("xss.admin", Role::Admin).await;
    for (i, payload) in payloads().into_iter().enumerate() {
        let draft = confide_core::expert::ApplicationDraft::parse(
            &confide_core::expert::ApplicationInput {
                handle: &format!("applicant{i}"),
                display_name: &payload.chars().take(80).collect::<String>(),
                profession: payload,
                licence_number: &payload.chars().take(80).collect::<String>(),
                licence_body: payload,
                check_url: "https://register.example.org/x",
                statement: payload,
            },
            confide_web::now(),
        )
        .unwrap();
        app.store.apply_as_expert(&draft, "!").await.unwrap();
    }
    let admin = app.browser_login("xss.admin").await;
    let page = app.get_as(&admin, "/admin/experts").await.1;
    assert_inert("the admin's applications page", &page);
    assert!(page.contains("applicant0"));
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The checker itself catches what it must (and passes what is escaped).
#[test]
fn the_checker_sees_live_markup_and_passes_escaped_text() {
    for live in [
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href = ' JavaScript:alert(1)'>x</a>"#,
        r#"<p onclick="x">"#,
        r#"<p title=x onmouseover=alert(1)>"#,
        r#"<div style="color:red">"#,
        "<script>alert(1)</script>",
        r#"<img src="x">"#,
        r#"<form action="https://evil.example">"#,
    ] {
        let caught = std::panic::catch_unwind(|| assert_inert("probe", live)).is_err();
        assert!(caught, "missed {live}");
    }
    assert_inert(
        "escaped",
        r#"<p>&lt;a href="javascript:alert(1)"&gt; <a href="https://ok.example" title="x&quot; onmouseover=&quot;y">ok</a></p><script src="/static/exit.js" defer></script>"#,
    );
}
