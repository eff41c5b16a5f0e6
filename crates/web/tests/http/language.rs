//! Every page in the reader's language: chosen from `Accept-Language` or
//! the switcher's cookie, declared in `<html lang>` and `Content-Language`,
//! and complete — a Spanish page carries no English interface text.

use std::collections::BTreeSet;

use confide_core::Role;
use serde_json::{json, Value};

use crate::support::{csrf_in, spawn_app, spawn_app_publishing, spawn_app_with, TestApp, PASSWORD};

async fn get_in(app: &TestApp, path: &str, accept_language: &str) -> reqwest::Response {
    app.http
        .get(app.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap()
}

fn html_lang(page: &str) -> &str {
    let at = page.find("<html lang=\"").expect("<html lang>") + "<html lang=\"".len();
    page[at..].split('"').next().unwrap()
}

#[tokio::test]
async fn the_browsers_language_decides_the_page() {
    let app = spawn_app().await;
    let r = get_in(&app, "/", "es-ES,es;q=0.9,en;q=0.5").await;
    assert_eq!(r.headers()["content-language"], "es");
    let vary = r.headers()["vary"].to_str().unwrap().to_owned();
    assert!(
        vary.contains("accept-language") && vary.contains("cookie"),
        "{vary}"
    );
    let page = r.text().await.unwrap();
    assert_eq!(html_lang(&page), "es");
    assert!(page.contains("Pregunta lo que no puedes preguntar a nadie."));
    assert!(page.contains("Pregunta de forma anónima"));

    let page = get_in(&app, "/", "fr-FR, en-GB;q=0.8, es;q=0.3")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(html_lang(&page), "en");
    assert!(
        page.contains("Ask what you can&#39;t ask anyone.")
            || page.contains("Ask what you can't ask anyone.")
    );

    // Nothing we speak: English.
    let r = get_in(&app, "/search", "de-DE").await;
    assert_eq!(r.headers()["content-language"], "en");
    assert_eq!(html_lang(&r.text().await.unwrap()), "en");
}

#[tokio::test]
async fn the_switcher_remembers_a_choice_and_goes_back() {
    let app = spawn_app().await;
    let page = get_in(&app, "/search?q=x", "en")
        .await
        .text()
        .await
        .unwrap();
    // The switcher is a form that comes back to this same page.
    assert!(
        page.contains(r#"<form method="post" action="/language" class="inline"><input type="hidden" name="back" value="/search?q=x">"#),
        "switcher missing"
    );
    assert!(page.contains(
        r#"<button type="submit" name="to" value="es" class="link" lang="es">Español</button>"#
    ));

    let r = app
        .post_form(None, "/language", &[("to", "es"), ("back", "/search?q=x")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers()["location"], "/search?q=x");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("lang=es;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "no TLS in this test: {cookie}");

    // The choice wins over what the browser says.
    let r = app
        .http
        .get(app.url("/search?q=x"))
        .header("accept-language", "en-US")
        .header("cookie", "lang=es")
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert_eq!(html_lang(&page), "es");
    assert!(page.contains("Busca en las respuestas"));
    assert!(page.contains(r#"<span lang="es" aria-current="true">Español</span>"#));

    // Never to another site, and only languages we speak.
    for back in [
        "//evil.example/x",
        "https://evil.example",
        "/%5Cevil.example",
    ] {
        let r = app
            .get(&format!(
                "/language?to=en&back={}",
                back.replace('/', "%2F")
            ))
            .await;
        assert_eq!(r.status().as_u16(), 303, "{back}");
        assert_eq!(r.headers()["location"], "/", "{back}");
    }
    let r = get_in(&app, "/language?to=tlh", "es").await;
    assert_eq!(r.status().as_u16(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Hablamos inglés (en) y español (es)."));
    let r = get_in(&app, "/language", "es").await;
    assert_eq!(r.status().as_u16(), 400);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Esa dirección tiene algo que no podemos leer."),
        "{page}"
    );
    assert!(!page.contains("deserialize"), "no parser internals");
}

#[tokio::test]
async fn a_kept_page_never_carries_another_readers_address() {
    let app = spawn_app_publishing().await;
    let (id, _) = app
        .api_ask("Zibblo wex frandle?", "Quorp zint malveo.", "other")
        .await;
    for _ in 0..2 {
        let page = app
            .get_text(&format!("/q/{id}/call-555-1234?ref=alice%40example.org"))
            .await
            .1;
        assert!(!page.contains("555") && !page.contains("alice"));
    }
    let page = app.get_text(&format!("/q/{id}")).await.1;
    assert!(
        page.contains(&format!(r#"name="back" value="/q/{id}/"#)),
        "canonical way back"
    );
    let home = app.get_text("/?utm=bob%40example.org").await.1;
    assert!(!home.contains("bob"));
}

#[tokio::test]
async fn feeds_say_which_language_they_are_in() {
    let app = spawn_app().await;
    let r = get_in(&app, "/topics/pain.xml", "es").await;
    assert_eq!(r.headers()["content-language"], "es");
    assert!(r.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("accept-language"));
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Confide: Dolor y molestias"));
}

#[tokio::test]
async fn secure_sites_mark_the_language_cookie_secure() {
    let config = confide_web::SiteConfig {
        tls: true,
        ..Default::default()
    };
    let app = spawn_app_with(config).await;
    let r = app.get("/language?to=es").await;
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn error_pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let r = get_in(&app, "/q/987654", "es").await;
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    let page = r.text().await.unwrap();
    assert_eq!(html_lang(&page), "es");
    assert!(page.contains("No encontramos esa página"), "{page}");
    let page = get_in(&app, "/no/such/page", "en")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("We couldn&#39;t find that page")
            || page.contains("We couldn't find that page")
    );

    // A refused form, in Spanish, names the field in Spanish.
    let page = get_in(&app, "/?topic=nonsense", "es")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Ese no es uno de nuestros temas."), "{page}");
}

#[tokio::test]
async fn each_language_has_its_own_kept_copy_of_a_page() {
    let app = spawn_app_publishing().await;
    let (id, _) = app
        .api_ask("Zibblo wex frandle?", "Quorp zint malveo trisk.", "other")
        .await;
    let path = format!("/q/{id}");
    // Twice in English, so the page is kept; then Spanish must not get it.
    for _ in 0..3 {
        let page = get_in(&app, &path, "en").await.text().await.unwrap();
        assert_eq!(html_lang(&page), "en");
    }
    let page = get_in(&app, &path, "es").await.text().await.unwrap();
    assert_eq!(html_lang(&page), "es");
    assert!(page.contains("Aún no hay respuesta"));
    let page = get_in(&app, &path, "en").await.text().await.unwrap();
    assert!(page.contains("No answer yet"));
    // Dates and times in Spanish.
    let page = get_in(&app, &path, "es").await.text().await.unwrap();
    let title = regex::Regex::new(r#"<time datetime="[^"]+" title="(\d{1,2} de [a-z]+ de \d{4})">(ahora mismo|hace \d+ minutos?)</time>"#).unwrap();
    assert!(title.is_match(&page), "no Spanish date in the page");
}

#[tokio::test]
async fn what_redaction_leaves_is_in_the_askers_language() {
    let app = spawn_app().await;
    let form = app.get_as("lang=es", "/ask").await.1;
    let r = app
        .http
        .post(app.url("/ask"))
        .header("cookie", "lang=es")
        .form(&[
            ("csrf", csrf_in(&form).as_str()),
            ("title", "¿Es normal sangrar después?"),
            (
                "body",
                "Escríbeme a lucia@correo.example, me llamo Lucía y tengo miedo.",
            ),
            ("topic", "other"),
            ("action", "send"),
        ])
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Escríbeme a [correo eliminado], me llamo [nombre eliminado] y tengo miedo."),
        "{page}"
    );
    assert!(!page.contains("lucia@"));
}

// ---- Completeness -------------------------------------------------------

/// English words that no Spanish interface text contains. The content this
/// test writes is in a made-up language, so any of these on a Spanish page
/// is interface text that did not go through the Spanish messages.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "your",
    "you",
    "with",
    "this",
    "that",
    "for",
    "are",
    "was",
    "what",
    "when",
    "from",
    "answer",
    "answers",
    "answered",
    "question",
    "questions",
    "reply",
    "replies",
    "review",
    "reviews",
    "please",
    "yet",
    "here",
    "only",
    "log",
    "account",
    "been",
    "will",
    "can",
    "not",
    "which",
    "who",
    "how",
    "it",
    "its",
    "of",
    "to",
    "in",
    "on",
    "by",
    "an",
    "is",
    "or",
    "be",
    "we",
    "our",
    "my",
    "help",
    "send",
    "edit",
    "edited",
    "hide",
    "report",
    "expert",
    "experts",
    "moderator",
    "version",
    "history",
    "queue",
    "delete",
    "erase",
    "apply",
    "name",
    "password",
    "verified",
    "pending",
    "back",
    "next",
    "save",
    "cancel",
    "new",
    "asked",
    "asker",
    "email",
    "none",
    "nothing",
    "yes",
];

/// What a person reads on a page: text outside tags (but not scripts or
/// styles), and the `title`, `aria-label`, `placeholder` and `alt` texts.
fn readable_text(page: &str) -> String {
    let attrs = regex::Regex::new(r#"\b(?:title|aria-label|placeholder|alt)="([^"]*)""#).unwrap();
    let mut out = String::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |gt| lt + gt + 1);
        let tag = &rest[lt..tag_end];
        for c in attrs.captures_iter(tag) {
            out.push_str(&c[1]);
            out.push(' ');
        }
        rest = &rest[tag_end..];
        // Commands and code are not translated.
        for skipped in ["script", "style", "code"] {
            if tag.starts_with(&format!("<{skipped}")) {
                let close = format!("</{skipped}>");
                rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
            }
        }
    }
    out.push_str(rest);
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

fn english_in(page: &str) -> Vec<String> {
    // Addresses are not language: a private link's random token once
    // spelt "To".
    let address = regex::Regex::new(r"https?://\S+").unwrap();
    let text = address.replace_all(&readable_text(page), " ").into_owned();
    let english: BTreeSet<&str> = ENGLISH.iter().copied().collect();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // Acronyms (ITS is Spanish for STI) are not words of either language.
        let acronym = w.len() > 1 && w.chars().all(|c| c.is_uppercase());
        if !acronym && english.contains(w.to_lowercase().as_str()) {
            let context = words[i.saturating_sub(4)..(i + 5).min(words.len())]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            found.push(format!("{w:?} in \"{context}\""));
        }
    }
    found
}

async fn spanish(app: &TestApp, cookie: Option<&str>, path: &str) -> String {
    let cookie = match cookie {
        Some(c) => format!("lang=es; {c}"),
        None => "lang=es".into(),
    };
    let (status, page) = app.get_as(&cookie, path).await;
    assert!(status < 500, "{path}: {status}");
    page
}

async fn post_json(app: &TestApp, path: &str, token: Option<&str>, body: Value) -> Value {
    let mut request = app.http.post(app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let r = request.send().await.unwrap();
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap_or(Value::Null)
}

/// An account whose name and credentials are in the made-up language.
async fn made_up_account(app: &TestApp, handle: &str, name: &str, role: Role) {
    app.create_account_named(handle, name, "Vexillor zuntama", role)
        .await;
}

#[tokio::test]
async fn every_page_is_wholly_spanish_for_a_spanish_reader() {
    let mut config = confide_web::SiteConfig::default();
    config.rate_limits.enabled = false;
    config.publish = confide_core::PublishPolicy::Immediately;
    let app = spawn_app_with(config).await;
    made_up_account(&app, "zorvan", "Zorvan Quell", Role::Admin).await;
    made_up_account(&app, "miblo", "Miblo Trask", Role::Expert).await;
    let admin = app.browser_login("zorvan").await;
    let expert = app.browser_login("miblo").await;
    let admin_token = app.api_login("zorvan").await;
    let expert_token = app.api_login("miblo").await;

    // A thread with everything a thread can hold.
    let (id, capability) = app
        .api_ask(
            "Zibblo wex frandle plimo?",
            "Quorp zint malveo trisk vandor.",
            "other",
        )
        .await;
    let answer = post_json(
        &app,
        &format!("/api/v1/questions/{id}/answers"),
        Some(&expert_token),
        json!({
            "body": "Frandle ziv quorpa [1]. Malveo tren zuntik.",
            "citations": [{"title": "Plimwort zand", "url": "https://zand.example/plim"}],
        }),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    post_json(
        &app,
        &format!("/api/v1/answers/{answer}/reviews"),
        Some(&admin_token),
        json!({"verdict": "dispute", "quote": "Malveo tren zuntik", "note": "Vorp zindle."}),
    )
    .await;
    let edited = app
        .http
        .put(app.url(&format!("/api/v1/answers/{answer}")))
        .bearer_auth(&expert_token)
        .json(&json!({"body": "Frandle ziv quorpa [1]. Malveo zuntik.", "reason": "Zindle"}))
        .send()
        .await
        .unwrap();
    assert_eq!(edited.status().as_u16(), 200);
    post_json(
        &app,
        &format!("/api/v1/questions/{id}/replies"),
        Some(&capability),
        json!({"body": "Grazzo plimo!"}),
    )
    .await;
    post_json(
        &app,
        "/api/v1/flags",
        None,
        json!({"target": {"kind": "answer", "id": answer}, "reason": "other", "note": "Zep quorl"}),
    )
    .await;
    post_json(
        &app,
        "/api/v1/flags",
        None,
        json!({"target": {"kind": "question", "id": id}, "reason": "spam"}),
    )
    .await;
    // A question still waiting, for the queue.
    app.api_ask("Wexa plimo zorblat?", "Trisk vandor quorp.", "other")
        .await;
    // A moderator's edit, for the question's history.
    let (_, form) = app
        .get_as(&admin, &format!("/moderation/question/{id}/edit"))
        .await;
    let r = app
        .post_form(
            Some(&admin),
            &format!("/moderation/question/{id}/edit"),
            &[
                ("csrf", &csrf_in(&form)),
                ("title", "Zibblo wex frandle plimo zam?"),
                ("body", "Quorp zint malveo trisk vandor."),
                ("reason", "Zomblat"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "moderator's edit");
    // An application waiting for the admin.
    let (_, form) = app.get_text("/experts/apply").await;
    let r = app
        .post_form(
            None,
            "/experts/apply",
            &[
                ("csrf", &csrf_in(&form)),
                ("display_name", "Plova Zint"),
                ("profession", "Zuntama"),
                ("licence_number", "ZX-4471"),
                ("licence_body", "Vexillor Zand"),
                ("check_url", "https://zand.example/zx-4471"),
                ("statement", "Plimo zindle vorp."),
                ("handle", "plova"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "application");
    let applicant = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let reply = app
        .store
        .thread(confide_core::QuestionId(id))
        .await
        .unwrap()
        .unwrap()
        .replies[0]
        .id
        .0;

    let private = format!("/private/{capability}");
    let pages: Vec<(&str, Option<&str>, String)> = vec![
        ("home", None, "/".into()),
        ("home by topic", None, "/?topic=other".into()),
        ("question", None, format!("/q/{id}")),
        ("question for an expert", Some(&expert), format!("/q/{id}")),
        ("question for a moderator", Some(&admin), format!("/q/{id}")),
        ("search", None, "/search?q=zibblo+frandle".into()),
        ("search, nothing found", None, "/search?q=qqqqqq".into()),
        ("ask", None, "/ask".into()),
        ("private page", None, private.clone()),
        ("erase, confirm", None, format!("{private}/delete")),
        ("login", None, "/login".into()),
        ("apply", None, "/experts/apply".into()),
        ("applicant's page", Some(&applicant), "/expert".into()),
        ("queue", Some(&expert), "/expert".into()),
        ("reviews due", Some(&expert), "/expert/reviews".into()),
        ("account", Some(&expert), "/expert/account".into()),
        (
            "answer edit",
            Some(&expert),
            format!("/answers/{answer}/edit"),
        ),
        (
            "answer history",
            None,
            format!("/answers/{answer}/revisions"),
        ),
        (
            "answer diff",
            None,
            format!("/answers/{answer}/revisions/2"),
        ),
        ("question history", None, format!("/q/{id}/revisions")),
        ("question diff", None, format!("/q/{id}/revisions/2")),
        ("moderation", Some(&admin), "/moderation".into()),
        (
            "question edit",
            Some(&admin),
            format!("/moderation/question/{id}/edit"),
        ),
        (
            "reply edit",
            Some(&admin),
            format!("/moderation/reply/{reply}/edit"),
        ),
        ("experts admin", Some(&admin), "/admin/experts".into()),
        ("not found", None, "/q/987654".into()),
    ];
    let mut failures = Vec::new();
    // Asking through the form: the check step and the confirmation.
    for action in ["check", "send"] {
        let form = spanish(&app, None, "/ask").await;
        let r = app
            .http
            .post(app.url("/ask"))
            .header("cookie", "lang=es")
            .form(&[
                ("csrf", csrf_in(&form).as_str()),
                ("title", "Plimo zorblat vandor quix?"),
                ("body", "Zint malveo trisk quorp."),
                ("topic", "other"),
                ("action", action),
            ])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "ask, {action}: {}", r.status());
        let page = r.text().await.unwrap();
        assert_eq!(html_lang(&page), "es", "ask, {action}");
        let english = english_in(&page);
        if !english.is_empty() {
            failures.push(format!("ask, {action}: {}", english.join("; ")));
        }
    }
    for (name, cookie, path) in &pages {
        let page = spanish(&app, *cookie, path).await;
        assert_eq!(html_lang(&page), "es", "{name}");
        let english = english_in(&page);
        if !english.is_empty() {
            failures.push(format!("{name} ({path}): {}", english.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "English on Spanish pages:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_checker_finds_english_in_text_and_attributes() {
    assert!(english_in("<p>Frandle</p>").is_empty());
    assert_eq!(english_in("<p>Send <b>it</b></p>").len(), 2);
    assert_eq!(english_in(r#"<input placeholder="Your name">"#).len(), 2);
    assert!(english_in("<script>var the = 1;</script><p>Zep</p>").is_empty());
    assert!(english_in("<p>ITS <code>confide account create</code></p>").is_empty());
}

#[tokio::test]
async fn help_that_cannot_wait_follows_the_chosen_language() {
    let app = spawn_app().await;
    let (_, capability) = app
        .api_ask(
            "The condom broke last night",
            "I am not on the pill. What do I do?",
            "contraception",
        )
        .await;
    // A browser that says English, a reader who chose Spanish.
    let r = app
        .http
        .get(app.url(&format!("/private/{capability}")))
        .header("accept-language", "en-GB")
        .header("cookie", "lang=es")
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert_eq!(html_lang(&page), "es");
    assert!(page.contains("Ayuda que no puede esperar"), "{page}");
    assert!(page.contains("120 horas"), "the advice in Spanish");
    assert!(page.contains("Tu país:") && page.contains("Reino Unido"));
    assert!(!page.contains("Help that can"));
}
