//! What every response promises: security headers, no caching of private
//! pages, sanitised user text, nothing erased left on disk.

use confide_core::Role;

use crate::support::spawn_app;

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/ask",
        "/q/404",
        "/api/v1/openapi.json",
        "/api/v1/questions/1",
        "/static/site.css",
    ] {
        let r = app.get(path).await;
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS without TLS"
        );
    }
}

#[tokio::test]
async fn pages_load_nothing_from_other_sites() {
    let app = spawn_app().await;
    for path in ["/", "/ask", "/login"] {
        let page = app.get_text(path).await.1;
        for tag in ["<img", "<iframe"] {
            assert!(!page.contains(tag), "{path} has {tag}");
        }
        // Scripts only from our own origin, never inline, and never needed.
        for (at, _) in page.match_indices("<script") {
            assert!(
                page[at..].starts_with(r#"<script src="/static/"#),
                "{path}: {}",
                &page[at..at + 60]
            );
        }
        // The only external address is the quick-exit link.
        let externals = page.matches("href=\"http").count();
        assert_eq!(externals, 1, "{path}");
    }
}

#[tokio::test]
async fn user_text_cannot_inject_markup() {
    let app = spawn_app().await;
    app.create_account("dr.xss", Role::Expert).await;
    let token = app.api_login("dr.xss").await;
    let payload = r#"<script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3)) ![t](https://tracker.example/p.gif) "><svg onload=alert(4)>"#;
    let (id, cap) = app
        .api_ask(&format!("Title {payload}"), payload, "other")
        .await;
    app.api_answer(&token, id, payload).await;
    app.http
        .post(app.url(&format!("/api/v1/questions/{id}/replies")))
        .bearer_auth(&cap)
        .json(&serde_json::json!({ "body": payload }))
        .send()
        .await
        .unwrap();
    for path in [format!("/q/{id}"), format!("/private/{cap}"), "/".into()] {
        let page = app.get_text(&path).await.1;
        assert!(
            page.contains("alert(1)"),
            "{path}: the text is shown, as text"
        );
        for tag in tags(&page) {
            let lower = tag.to_ascii_lowercase();
            if lower.starts_with(r#"<script src="/static/"#) {
                continue; // our own files, the only scripts the CSP allows
            }
            for bad in [
                "<script",
                "<img",
                "<svg",
                "<iframe",
                " onerror",
                " onload",
                "javascript:",
                "style=",
            ] {
                assert!(!lower.contains(bad), "{path}: tag {tag} contains {bad}");
            }
        }
    }
}

/// Every markup tag in a page: what a browser would act on, as opposed to
/// text it merely shows.
fn tags(page: &str) -> Vec<&str> {
    page.match_indices('<')
        .filter(|(i, _)| page[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|(i, _)| page[i..].find('>').map(|end| &page[i..=i + end]))
        .collect()
}

#[tokio::test]
async fn private_pages_are_never_cached() {
    let app = spawn_app().await;
    let (_, cap) = app.api_ask("Cache me not", "body", "other").await;
    let r = app.get(&format!("/private/{cap}")).await;
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_eq!(
        app.get("/login").await.headers()["cache-control"],
        "no-store"
    );
}

#[tokio::test]
async fn capabilities_are_stored_only_as_hashes_and_erasure_leaves_no_trace() {
    let app = spawn_app().await;
    app.create_account("dr.erase", Role::Expert).await;
    let token = app.api_login("dr.erase").await;
    let marker = "unforgettable-marker-7f3a9c";
    let (id, cap) = app
        .api_ask(
            &format!("Question {marker}"),
            &format!("Body {marker}"),
            "other",
        )
        .await;
    app.api_answer(&token, id, &format!("Answer {marker}"))
        .await;
    app.http
        .post(app.url(&format!("/api/v1/questions/{id}/replies")))
        .bearer_auth(&cap)
        .json(&serde_json::json!({ "body": format!("Reply {marker}") }))
        .send()
        .await
        .unwrap();

    let read_all = |path: &std::path::Path| {
        let mut bytes = std::fs::read(path).unwrap_or_default();
        for suffix in ["-wal", "-shm"] {
            bytes.extend(std::fs::read(format!("{}{suffix}", path.display())).unwrap_or_default());
        }
        bytes
    };
    let contains =
        |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());

    let before = read_all(&app.db_path);
    assert!(
        contains(&before, marker),
        "sanity: the text is on disk before erasure"
    );
    assert!(
        !contains(&before, &cap),
        "the capability itself is never stored"
    );
    assert!(
        !contains(&before, &token),
        "session tokens are never stored"
    );

    let r = app
        .http
        .delete(app.url(&format!("/api/v1/questions/{id}")))
        .bearer_auth(&cap)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    app.store.compact().await.unwrap();
    let after = read_all(&app.db_path);
    assert!(
        !contains(&after, marker),
        "erased text must not survive in the database files"
    );
}

#[tokio::test]
async fn unknown_pages_get_the_sites_own_not_found_page() {
    let app = spawn_app().await;
    let (status, page) = app.get_text("/no/such/page").await;
    assert_eq!(status, 404);
    assert!(page.contains("We couldn't find that page"));
    assert!(page.contains("/static/site.css"), "in the site's look");
}

#[tokio::test]
async fn identifying_details_are_removed_before_storing_and_shown_first() {
    let app = spawn_app().await;
    let page = app.get_text("/ask").await.1;
    let csrf = crate::support::csrf_in(&page);
    let body = "My name is Priyanka. Call me on 07700 900456 or mail priya.k@example.org. My boyfriend Marcus doesn't know.";
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf),
                ("title", "Worried after a hookup"),
                ("body", body),
                ("topic", "sti"),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200, "a preview, not yet stored");
    let preview = r.text().await.unwrap();
    assert!(preview.contains("we took out what could identify you"));
    assert!(
        preview.contains("an email address")
            && preview.contains("a phone number")
            && preview.contains("a name")
    );
    for secret in ["Priyanka", "07700 900456", "priya.k@example.org", "Marcus"] {
        assert!(
            !preview.contains(secret),
            "the preview already hides {secret}"
        );
    }
    assert!(
        app.store.unanswered_questions(10).await.unwrap().is_empty(),
        "nothing stored before confirming"
    );

    // Sending the cleaned text stores it.
    let cleaned = crate::support::value_after(
        &preview,
        "<textarea id=\"body\" name=\"body\" rows=\"10\" required maxlength=\"20000\">",
    );
    let cleaned = cleaned
        .split("</textarea>")
        .next()
        .unwrap()
        .replace("&#39;", "'");
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf),
                ("title", "Worried after a hookup"),
                ("body", &cleaned),
                ("topic", "sti"),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 201);
    let queue = app.store.unanswered_questions(10).await.unwrap();
    assert_eq!(queue.len(), 1);

    // Not in the database files either.
    app.store.compact().await.unwrap();
    let mut bytes = std::fs::read(&app.db_path).unwrap();
    bytes.extend(std::fs::read(format!("{}-wal", app.db_path.display())).unwrap_or_default());
    for secret in ["Priyanka", "07700 900456", "priya.k@example.org", "Marcus"] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} reached the database"
        );
    }

    // The API cleans too, and says what it removed.
    let r = app
        .http
        .post(app.url("/api/v1/questions"))
        .json(&serde_json::json!({"title": "Call me at +44 7700 900789", "body": "see www.example-blog.com"}))
        .send()
        .await
        .unwrap();
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        v["removed"][0],
        serde_json::json!({"field": "title", "kind": "phone"})
    );
    assert_eq!(
        v["removed"][1],
        serde_json::json!({"field": "body", "kind": "url"})
    );
}

#[tokio::test]
async fn asking_too_often_is_refused_for_a_while() {
    let mut config = confide_web::SiteConfig::default();
    config.rate_limits.ask_burst = 3;
    let app = crate::support::spawn_app_with(config).await;
    for n in 0..3 {
        app.api_ask(
            &format!("Question {n} from the same place"),
            "body",
            "other",
        )
        .await;
    }
    let r = app
        .http
        .post(app.url("/api/v1/questions"))
        .json(&serde_json::json!({"title": "One too many", "body": "b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 429);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "rate_limited");
    // The page says it kindly too, in the site's look.
    let page = app.get_text("/ask").await.1;
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &crate::support::csrf_in(&page)),
                ("title", "t t t"),
                ("body", "b"),
                ("topic", "other"),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 429);
    assert!(r.text().await.unwrap().contains("please wait"));
    assert_eq!(app.store.unanswered_questions(10).await.unwrap().len(), 3);
}
