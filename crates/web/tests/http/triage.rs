//! Help while typing, and triage that reads the question as written.
//! These servers run without the embedding model, so triage is its rules;
//! triage by meaning is tested in the search crate, with the model.

use serde_json::{json, Value};

use crate::support::{csrf_in, spawn_app, value_after};

async fn triage(app: &crate::support::TestApp, request: Value, accept: &str) -> (u16, Value) {
    let r = app
        .http
        .post(app.url("/api/v1/triage"))
        .header("accept-language", accept)
        .json(&request)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn a_draft_gets_its_help_and_nothing_is_kept() {
    let app = spawn_app().await;
    let (status, v) = triage(
        &app,
        json!({"title": "last night", "body": "He raped me last night after the party."}),
        "en-US",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["categories"][0], "sexual_assault");
    assert_eq!(v["urgency"], 3);
    assert_eq!(v["country"], "us");
    assert_eq!(v["read_by"], "rules");
    let tels: Vec<&str> = v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["tel"].as_str())
        .collect();
    assert!(tels.contains(&"8006564673"), "RAINN: {tels:?}");
    assert!(!v["advice"].as_array().unwrap().is_empty());

    // The page's language and a chosen country.
    let (_, es) = triage(
        &app,
        json!({"body": "Me violaron anoche.", "lang": "es", "country": "es"}),
        "en-US",
    )
    .await;
    assert_eq!(es["categories"][0], "sexual_assault");
    let advice: Vec<&str> = es["advice"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    // "In danger now?" comes first, with Spain's number; then the advice.
    assert!(advice[0].contains("112"), "{advice:?}");
    assert!(
        advice.iter().any(|a| a.contains("culpa tuya")),
        "{advice:?}"
    );
    // "Anoche" starts the clock: the windows count down.
    assert!(advice.iter().any(|a| a.contains("PEP")), "{advice:?}");
    assert!(es["resources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["tel"] == "016"));

    // Nothing that needs help, no help.
    let (_, calm) = triage(
        &app,
        json!({"body": "How do we agree on a safe word for role play?"}),
        "en-US",
    )
    .await;
    assert_eq!(calm["categories"], json!([]));
    assert_eq!(calm["resources"], json!([]));

    // Nothing was stored: no question waits in the queue.
    app.create_account("dr.queue", confide_core::Role::Expert)
        .await;
    let token = app.api_login("dr.queue").await;
    let queue: Value = app
        .http
        .get(app.url("/api/v1/questions?state=unanswered"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(queue["questions"], json!([]));
}

#[tokio::test]
async fn a_bare_spanish_browser_is_asked_its_country() {
    let app = spawn_app().await;
    let (_, v) = triage(&app, json!({"body": "Me violaron anoche."}), "es").await;
    assert_eq!(v["country"], "any", "es alone is not Spain");
    let (_, v) = triage(&app, json!({"body": "Me violaron anoche."}), "es-ES").await;
    assert_eq!(v["country"], "es");
}

#[tokio::test]
async fn bad_drafts_get_clear_errors() {
    let app = spawn_app().await;
    let (status, v) = triage(&app, json!({"body": "hello there", "country": "fr"}), "en").await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (400, Some("bad_country"))
    );
    let (status, v) = triage(&app, json!({"body": "hello there", "lang": "de"}), "en").await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (400, Some("bad_lang"))
    );
    let long = "a".repeat(20_001);
    let (status, _) = triage(&app, json!({ "body": long }), "en").await;
    assert_eq!(status, 422);
    let (status, _) = triage(&app, json!({"body": "x", "extra": 1}), "en").await;
    assert!((400..500).contains(&status), "{status}");
    let r = app
        .http
        .post(app.url("/api/v1/triage"))
        .header("content-type", "text/plain")
        .body("he raped me")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
}

/// "my boyfriend Jake hit me": redaction takes the name out, and with it
/// the rules' cue ("boyfriend … hit me" reads as "[name removed] hit me").
/// Triage must read the words as written.
const NAMED_PARTNER: &str = "my boyfriend Jake hit me last night";

#[tokio::test]
async fn the_api_triages_before_redacting() {
    let app = spawn_app().await;
    let r = app
        .http
        .post(app.url("/api/v1/questions"))
        .json(&json!({"title": "Is this normal in a relationship?", "body": NAMED_PARTNER}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["removed"][0]["kind"], "name");
    assert_eq!(v["triage"]["categories"][0], "partner_violence");
}

#[tokio::test]
async fn the_ask_page_triages_before_redacting_and_the_preview_shows_help() {
    let app = spawn_app().await;
    app.create_account("dr.named", confide_core::Role::Expert)
        .await;
    let page = app.get_text("/ask").await.1;
    let r = app
        .http
        .post(app.url("/ask"))
        .header("accept-language", "en-GB")
        .form(&[
            ("csrf", csrf_in(&page).as_str()),
            ("title", "Is this normal in a relationship?"),
            ("body", NAMED_PARTNER),
            ("topic", "relationships"),
            ("action", "send"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "the redaction preview");
    let preview = r.text().await.unwrap();
    assert!(preview.contains("[name removed]"));
    assert!(
        preview.contains(r#"id="help-heading""#),
        "help before sending"
    );
    assert!(
        preview.contains("tel:08082000247"),
        "Refuge for a UK reader"
    );
    let carried = value_after(&preview, r#"name="triage" value=""#);
    assert_eq!(carried, "partner_violence");

    // Sent from the preview: the redacted text, the triage as written.
    let r = app
        .http
        .post(app.url("/ask"))
        .form(&[
            ("csrf", csrf_in(&preview).as_str()),
            ("title", "Is this normal in a relationship?"),
            ("body", "my boyfriend [name removed] hit me last night"),
            ("topic", "relationships"),
            ("triage", carried.as_str()),
            ("action", "send"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let cookie = app.browser_login("dr.named").await;
    let queue = app.get_as(&cookie, "/expert").await.1;
    assert!(queue.contains("partner violence"), "flagged in the queue");
    assert!(!queue.contains("Jake"));

    // A forged carried value names no category and does nothing.
    let page = app.get_text("/ask").await.1;
    let r = app
        .http
        .post(app.url("/ask"))
        .form(&[
            ("csrf", csrf_in(&page).as_str()),
            ("title", "A calm question about kissing"),
            ("body", "How do I get better at kissing?"),
            ("topic", "desire"),
            ("triage", "<script>,nonsense"),
            ("action", "send"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    assert!(!r.text().await.unwrap().contains(r#"id="help-heading""#));
}

#[tokio::test]
async fn the_check_step_and_the_search_page_show_help_without_javascript() {
    let app = spawn_app().await;
    let page = app.get_text("/ask").await.1;
    let r = app
        .http
        .post(app.url("/ask"))
        .header("accept-language", "en-US")
        .form(&[
            ("csrf", csrf_in(&page).as_str()),
            ("title", "I took a whole bottle of pills an hour ago"),
            ("body", "I want it all to stop."),
            ("topic", "other"),
            ("action", "check"),
        ])
        .send()
        .await
        .unwrap();
    let checked = r.text().await.unwrap();
    let help = checked
        .find(r#"id="help-heading""#)
        .expect("help at the check step");
    let form = checked.find(r#"action="/ask""#).unwrap();
    assert!(help < form, "help comes before the form");
    assert!(checked.contains("tel:988"));
    // Another country, without JavaScript: a button that sends the form
    // back, so the words typed stay and nothing is sent.
    assert!(checked.contains(
        r#"<button type="submit" class="link" form="ask-form" name="action" value="country:uk">"#
    ));
    let r = app
        .http
        .post(app.url("/ask"))
        .header("accept-language", "en-US")
        .form(&[
            ("csrf", csrf_in(&checked).as_str()),
            ("title", "I took a whole bottle of pills an hour ago"),
            ("body", "I want it all to stop."),
            ("topic", "other"),
            ("country", "us"),
            ("action", "country:uk"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let switched = r.text().await.unwrap();
    assert!(switched.contains("Call 999"), "the UK's help");
    assert!(!switched.contains("tel:988"));
    assert!(switched.contains(r#"value="I took a whole bottle of pills an hour ago""#));
    assert!(switched.contains("I want it all to stop.</textarea>"));
    assert!(
        switched.contains(r#"name="country" value="uk""#),
        "carried to Send"
    );
    assert!(!switched.contains("/private/"), "nothing was sent");

    let (status, found) = app.get_text("/search?q=he+raped+me+last+night").await;
    assert_eq!(status, 200);
    assert!(found.contains(r#"id="help-heading""#));
    assert!(
        found.contains("/search?q=he%20raped%20me%20last%20night&amp;country=uk#help"),
        "the country links keep the query"
    );
    let (_, calm) = app.get_text("/search?q=crying+after+sex").await;
    assert!(!calm.contains(r#"id="help-heading""#));
    assert!(calm.contains(r#"id="help-live""#) && calm.contains("/static/help.js"));
}

#[tokio::test]
async fn health_says_how_triage_reads() {
    let app = spawn_app().await;
    let v: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(v["triage"], "rules");
}
