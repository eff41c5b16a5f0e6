//! The JSON API: the whole loop, and every way a client can get it wrong.

use confide_core::Role;
use serde_json::{json, Value};

use crate::support::spawn_app;

#[tokio::test]
async fn whole_loop_over_the_api() {
    let app = spawn_app().await;
    app.create_account("dr.api", Role::Expert).await;

    let (id, capability) = app
        .api_ask(
            "Is it normal to feel sad after sex?",
            "It happens often.",
            "emotions",
        )
        .await;
    let path = format!("/api/v1/questions/{id}");

    // Private: nobody but the asker and experts.
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let r = app
        .http
        .get(app.url(&path))
        .bearer_auth(&capability)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["title"], "Is it normal to feel sad after sex?");
    assert_eq!(v["published_at"], Value::Null);

    // The expert's queue has it.
    let token = app.api_login("dr.api").await;
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
    assert_eq!(queue["questions"][0]["id"], id);

    // Answering publishes it.
    let r = app
        .api_answer(&token, id, "Yes: it is called **postcoital dysphoria**.")
        .await;
    assert_eq!(r.status().as_u16(), 201);
    let answer_id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let v: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(v["answers"][0]["author"]["display_name"], "Dr dr.api");
    assert_eq!(
        v["answers"][0]["author"]["credentials"],
        "Credentials of dr.api"
    );
    assert!(v["answers"][0]["body_html"]
        .as_str()
        .unwrap()
        .contains("<strong>postcoital dysphoria</strong>"));
    assert!(v["published_at"].is_string());

    // The asker replies and marks it helpful; the expert replies back.
    let reply = |token: String, body: &'static str| {
        let app = &app;
        let path = format!("{path}/replies");
        async move {
            app.http
                .post(app.url(&path))
                .bearer_auth(token)
                .json(&json!({ "body": body, "answer_id": answer_id }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(reply(capability.clone(), "Thought?").await, 201);
    assert_eq!(reply(token.clone(), "Ask what helps her.").await, 201);
    let r = app
        .http
        .post(app.url(&format!("{path}/helpful")))
        .bearer_auth(&capability)
        .json(&json!({ "answer_id": answer_id }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);

    // Edit the answer.
    let r = app
        .http
        .put(app.url(&format!("/api/v1/answers/{answer_id}")))
        .bearer_auth(&token)
        .json(&json!({ "body": "Edited answer." }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);

    let v: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(v["helpful_answer_id"], answer_id);
    assert_eq!(v["answers"][0]["helpful"], true);
    assert_eq!(v["answers"][0]["body"], "Edited answer.");
    assert_eq!(v["replies"][0]["author_kind"], "asker");
    assert_eq!(v["replies"][0]["author"], Value::Null);
    assert_eq!(v["replies"][1]["author_kind"], "expert");
    assert_eq!(v["replies"][1]["author"]["display_name"], "Dr dr.api");
    assert!(
        v["replies"][1]["author"].get("handle").is_none(),
        "login handles stay private"
    );

    // Public list.
    let list: Value = app.get("/api/v1/questions").await.json().await.unwrap();
    assert_eq!(list["questions"][0]["id"], id);
    assert_eq!(list["next_cursor"], Value::Null);

    // Erase: only the asker, and then it is gone.
    let r = app
        .http
        .delete(app.url(&path))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404, "an expert token is not the asker");
    let r = app
        .http
        .delete(app.url(&path))
        .bearer_auth(&capability)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let r = app
        .http
        .get(app.url(&path))
        .bearer_auth(&capability)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert!(app
        .store
        .thread(confide_core::QuestionId(id))
        .await
        .unwrap()
        .is_none());
    let list: Value = app.get("/api/v1/questions").await.json().await.unwrap();
    assert_eq!(list["questions"].as_array().unwrap().len(), 0);
}

async fn error_of(r: reqwest::Response) -> (u16, String, String) {
    let status = r.status().as_u16();
    let v: Value = r.json().await.expect("errors are JSON");
    (
        status,
        v["error"]["code"].as_str().expect("error.code").to_owned(),
        v["error"]["message"]
            .as_str()
            .expect("error.message")
            .to_owned(),
    )
}

#[tokio::test]
async fn bad_questions_get_clear_errors() {
    let app = spawn_app().await;
    let post = |body: Value| {
        app.http
            .post(app.url("/api/v1/questions"))
            .json(&body)
            .send()
    };

    let cases = [
        (json!({"title": "", "body": "b"}), 422, "empty", "title"),
        (json!({"title": "t", "body": "  "}), 422, "empty", "body"),
        (
            json!({"title": "x".repeat(201), "body": "b"}),
            422,
            "too_long",
            "at most 200",
        ),
        (
            json!({"title": "t", "body": "b".repeat(20_001)}),
            422,
            "too_long",
            "at most 20000",
        ),
        (
            json!({"title": "t", "body": "b", "topic": "astrology"}),
            422,
            "unknown_topic",
            "astrology",
        ),
        (json!({"title": "t"}), 400, "bad_json", "body"),
        (json!({"title": 5, "body": "b"}), 400, "bad_json", "title"),
    ];
    for (body, status, code, needle) in cases {
        let (s, c, m) = error_of(post(body.clone()).await.unwrap()).await;
        assert_eq!((s, c.as_str()), (status, code), "{body}");
        assert!(m.contains(needle), "{m:?} should mention {needle}");
    }

    let r = app
        .http
        .post(app.url("/api/v1/questions"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.1, "bad_json");
    let r = app
        .http
        .post(app.url("/api/v1/questions"))
        .body("title=x")
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, 415);
    assert!(
        app.store.unanswered_questions(10).await.unwrap().is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn authorisation_errors_reveal_nothing() {
    let app = spawn_app().await;
    app.create_account("mod.api", Role::Moderator).await;
    let (id, _) = app.api_ask("Private question", "body", "pain").await;
    let (other_id, other_cap) = app
        .api_ask("Another private question", "body", "pain")
        .await;
    let path = format!("/api/v1/questions/{id}");

    // Another question's capability: exactly like a missing question.
    let r = app
        .http
        .get(app.url(&path))
        .bearer_auth(&other_cap)
        .send()
        .await
        .unwrap();
    let missing = app
        .http
        .get(app.url("/api/v1/questions/999"))
        .bearer_auth(&other_cap)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await, error_of(missing).await);
    let r = app
        .http
        .delete(app.url(&path))
        .bearer_auth(&other_cap)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert!(app
        .store
        .thread(confide_core::QuestionId(id))
        .await
        .unwrap()
        .is_some());
    assert!(app
        .store
        .thread(confide_core::QuestionId(other_id))
        .await
        .unwrap()
        .is_some());

    // A malformed bearer token is 401, never a 500.
    let r = app
        .http
        .get(app.url(&path))
        .header("authorization", "Bearer nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.1, "unauthorized");

    // Answering needs an expert session.
    let r = app
        .http
        .post(app.url(&format!("{path}/answers")))
        .json(&json!({"body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, 401);
    let moderator = app.api_login("mod.api").await;
    assert_eq!(
        error_of(app.api_answer(&moderator, id, "x").await).await.0,
        403
    );
    let r = app
        .http
        .get(app.url("/api/v1/questions?state=unanswered"))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, 401);

    // Replying without any token.
    let r = app
        .http
        .post(app.url(&format!("{path}/replies")))
        .json(&json!({"body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, 401);

    // Wrong passwords and logout.
    let r = app
        .http
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"handle": "mod.api", "password": "not the password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.1, "bad_login");
    let r = app
        .http
        .delete(app.url("/api/v1/sessions"))
        .bearer_auth(&moderator)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let r = app
        .http
        .get(app.url("/api/v1/questions?state=unanswered"))
        .bearer_auth(&moderator)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(r).await.0, 401, "the token is dead after logout");
}

#[tokio::test]
async fn replies_and_helpful_marks_must_target_this_question() {
    let app = spawn_app().await;
    app.create_account("dr.target", Role::Expert).await;
    let token = app.api_login("dr.target").await;
    let (q1, cap1) = app.api_ask("Question one", "b", "pain").await;
    let (q2, _) = app.api_ask("Question two", "b", "pain").await;
    let a2 = app
        .api_answer(&token, q2, "Answer to two")
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let r = app
        .http
        .post(app.url(&format!("/api/v1/questions/{q1}/helpful")))
        .bearer_auth(&cap1)
        .json(&json!({"answer_id": a2}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let r = app
        .http
        .post(app.url(&format!("/api/v1/questions/{q1}/replies")))
        .bearer_auth(&cap1)
        .json(&json!({"body": "hi", "answer_id": a2}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(
        app.api_answer(&token, 9_999, "to nowhere")
            .await
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn public_list_pages_with_a_cursor() {
    let app = spawn_app().await;
    app.create_account("dr.list", Role::Expert).await;
    let token = app.api_login("dr.list").await;
    let mut ids = Vec::new();
    for n in 0..5 {
        let (id, _) = app.api_ask(&format!("List question {n}"), "b", "sti").await;
        app.api_answer(&token, id, "a").await;
        ids.push(id);
    }
    let mut seen = Vec::new();
    let mut url = "/api/v1/questions?limit=2".to_owned();
    loop {
        let v: Value = app.get(&url).await.json().await.unwrap();
        seen.extend(
            v["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["id"].as_i64().unwrap()),
        );
        match v["next_cursor"].as_str() {
            Some(c) => url = format!("/api/v1/questions?limit=2&cursor={c}"),
            None => break,
        }
    }
    ids.reverse();
    assert_eq!(seen, ids, "every question once, newest first");
    let v: Value = app
        .get("/api/v1/questions?topic=pain")
        .await
        .json()
        .await
        .unwrap();
    assert!(v["questions"].as_array().unwrap().is_empty());
    assert_eq!(
        error_of(app.get("/api/v1/questions?cursor=zzz").await)
            .await
            .1,
        "bad_cursor"
    );
    assert_eq!(
        error_of(app.get("/api/v1/questions?limit=lots").await)
            .await
            .1,
        "bad_query"
    );
    assert_eq!(
        error_of(app.get("/api/v1/questions?state=weird").await)
            .await
            .1,
        "bad_state"
    );
    assert_eq!(
        error_of(app.get("/api/v1/questions/abc").await).await.0,
        404
    );
    assert_eq!(error_of(app.get("/api/v1/nothing-here").await).await.0, 404);
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/questions", "post"),
        ("/api/v1/questions", "get"),
        ("/api/v1/questions/{id}", "get"),
        ("/api/v1/questions/{id}", "delete"),
        ("/api/v1/questions/{id}/replies", "post"),
        ("/api/v1/questions/{id}/helpful", "post"),
        ("/api/v1/questions/{id}/answers", "post"),
        ("/api/v1/answers/{id}", "put"),
        ("/api/v1/sessions", "post"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} documented"
        );
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}
