//! Bad input never breaks the server: every operation in the OpenAPI
//! document, and every form, gets malformed bodies, wrong types, huge and
//! strange text, and answers with a 4xx and a reason — never a 5xx.

use confide_core::Role;
use confide_web::SiteConfig;
use serde_json::{json, Value};

use crate::support::{spawn_app_with, TestApp};

/// A small deterministic generator of awkward values.
struct Awkward(u64);

impl Awkward {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "",
            " ",
            "\u{0}",
            "\u{202e}",
            "é",
            "𝔘",
            "\"",
            "\\",
            "<b>",
            "{}",
            "[]",
            "null",
            "-1",
            "9223372036854775808",
            "NaN",
            "\r\n",
            "%00",
            "' OR 1=1 --",
        ];
        let n = self.next() % 6;
        let mut s: String = (0..n)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect();
        if self.next().is_multiple_of(10) {
            s.push_str(&"x".repeat(40_000));
        }
        s
    }

    fn value(&mut self, depth: u32) -> Value {
        match self.next() % if depth > 2 { 5 } else { 7 } {
            0 => Value::Null,
            1 => json!(self.next().is_multiple_of(2)),
            2 => json!(self.next() as i64),
            3 => json!(-(self.next() as f64) / 3.0),
            4 => json!(self.text()),
            5 => Value::Array(
                (0..self.next() % 4)
                    .map(|_| self.value(depth + 1))
                    .collect(),
            ),
            _ => {
                let keys = [
                    "title",
                    "body",
                    "topic",
                    "answer_id",
                    "verdict",
                    "quote",
                    "note",
                    "citation",
                    "citations",
                    "handle",
                    "password",
                    "reason",
                    "target",
                    "kind",
                    "id",
                    "doi",
                    "url",
                    "year",
                ];
                let mut map = serde_json::Map::new();
                for _ in 0..self.next() % 6 {
                    let k = keys[(self.next() % keys.len() as u64) as usize];
                    map.insert(k.to_owned(), self.value(depth + 1));
                }
                Value::Object(map)
            }
        }
    }
}

/// The operations the OpenAPI document lists, with `{…}` filled in.
async fn operations(app: &TestApp) -> Vec<(String, String)> {
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "delete"] {
            if item.get(method).is_some() {
                let concrete = path.replace("{id}", "1").replace("{capability}", "x");
                out.push((method.to_owned(), concrete));
            }
        }
    }
    assert!(out.len() >= 10, "the document lists the API: {out:?}");
    out
}

#[tokio::test]
async fn no_operation_answers_bad_input_with_a_server_error() {
    let mut config = SiteConfig::default();
    config.rate_limits.enabled = false;
    let app = spawn_app_with(config).await;
    app.create_account("fuzz.expert", Role::Expert).await;
    let token = app.api_login("fuzz.expert").await;
    let (q, capability) = app
        .api_ask("A question to aim at", "Some words.", "other")
        .await;
    assert_eq!(q, 1);
    let _ = app.api_answer(&token, q, "An answer to aim at.").await;
    let mut gen = Awkward(0x1234_5678_9ABC_DEF1);
    let tokens = [
        None,
        Some(token.as_str()),
        Some(capability.as_str()),
        Some("garbage"),
    ];
    for (method, path) in operations(&app).await {
        for round in 0..40 {
            let url = app.url(&path);
            let mut request = match method.as_str() {
                "get" => app.http.get(&url),
                "post" => app.http.post(&url),
                "put" => app.http.put(&url),
                _ => app.http.delete(&url),
            };
            if let Some(t) = tokens[round % tokens.len()] {
                request = request.bearer_auth(t);
            }
            let request = match round % 4 {
                0 => request.json(&gen.value(0)),
                1 => request
                    .header("content-type", "application/json")
                    .body(gen.text()),
                2 => request
                    .header("content-type", "application/json")
                    .body(vec![0xff, 0xfe, b'{', 0x80]),
                _ => request
                    .header("content-type", "text/plain")
                    .body(gen.text()),
            };
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            assert!(
                status < 500,
                "{method} {path} round {round}: {status} {body}"
            );
            if status >= 400 && path.starts_with("/api/") {
                let v: Value = serde_json::from_str(&body)
                    .unwrap_or_else(|_| panic!("{method} {path}: not JSON: {body}"));
                assert!(
                    v["error"]["code"].is_string() && v["error"]["message"].is_string(),
                    "{body}"
                );
            }
        }
    }
}

#[tokio::test]
async fn forms_refuse_bad_input_with_a_page_not_a_crash() {
    let mut config = SiteConfig::default();
    config.rate_limits.enabled = false;
    let app = spawn_app_with(config).await;
    app.create_account("fuzz.admin", Role::Admin).await;
    let admin = app.browser_login("fuzz.admin").await;
    let (_, capability) = app
        .api_ask("A question to aim at", "Some words.", "other")
        .await;
    let csrf = crate::support::csrf_in(&app.get_as(&admin, "/").await.1);
    let anonymous = crate::support::csrf_in(&app.get_text("/ask").await.1);
    let forms = [
        "/ask",
        "/login",
        "/flags",
        "/experts/apply",
        "/q/1/answers",
        "/q/1/replies",
        "/answers/1/reviews",
        "/answers/1/helped",
        "/answers/1/edit",
        "/reviews/1/close",
        "/moderation/question/1",
        "/moderation/question/1/edit",
        "/moderation/reply/1/edit",
        "/admin/experts/fuzz.admin",
        "/expert/account/notifications",
        &format!("/private/{capability}/replies"),
        &format!("/private/{capability}/helpful"),
    ];
    let mut gen = Awkward(0x0DDB_A11C_AFE0_0001);
    for path in forms {
        for round in 0..30 {
            let token = if round % 2 == 0 {
                csrf.clone()
            } else {
                anonymous.clone()
            };
            let mut fields: Vec<(String, String)> = Vec::new();
            for k in [
                "csrf",
                "title",
                "body",
                "topic",
                "handle",
                "password",
                "answer_id",
                "verdict",
                "quote",
                "note",
                "reason",
                "action",
                "kind",
                "id",
                "email",
                "check_url",
                "references",
                "citation",
            ] {
                if gen.next().is_multiple_of(2) {
                    let value = if k == "csrf" {
                        token.clone()
                    } else {
                        gen.text()
                    };
                    fields.push((k.to_owned(), value));
                }
            }
            let response = app
                .http
                .post(app.url(path))
                .header("cookie", &admin)
                .form(&fields)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(status < 500, "POST {path} round {round}: {status}");
        }
        // Not a form at all.
        let status = app
            .http
            .post(app.url(path))
            .header("cookie", &admin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(vec![b'%', 0xff, b'=', b'&', b'&', 0x00])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert!(status < 500, "POST {path} with broken encoding: {status}");
    }
}
