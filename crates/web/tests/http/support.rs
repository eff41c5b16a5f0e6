use std::sync::Arc;

use confide_core::{Credentials, DisplayName, Handle, Password, Role};
use confide_store::{NewAccount, Store};
use confide_web::{AppState, Application, SiteConfig};
use reqwest::redirect::Policy;
use serde_json::Value;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "a long enough password";

pub struct TestApp {
    pub base: String,
    /// A client that does not follow redirects, so tests can see them.
    pub http: reqwest::Client,
    pub store: Arc<dyn Store>,
    pub db_path: std::path::PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SiteConfig::default()).await
}

/// A site that publishes questions as soon as they are asked.
pub async fn spawn_app_publishing() -> TestApp {
    spawn_app_with(SiteConfig {
        publish: confide_core::PublishPolicy::Immediately,
        ..SiteConfig::default()
    })
    .await
}

pub async fn spawn_app_with(config: SiteConfig) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("confide.db");
    let store = confide_store::open(&format!("sqlite://{}", db_path.display()))
        .await
        .expect("open store");
    store.migrate().await.expect("migrate");
    // Lexical search only: these tests are about the loop, not the model.
    let search = confide_search::Search::open(store.clone(), None, None)
        .await
        .expect("search");
    let state = AppState::new(store.clone(), Arc::new(search), config)
        .await
        .expect("state");
    let app = Application::bind("127.0.0.1:0", state).await.expect("bind");
    let addr = app.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = rx.await;
    }));
    let http = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client");
    TestApp {
        base: format!("http://{addr}"),
        http,
        store,
        db_path,
        shutdown: Some(tx),
        _dir: dir,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn create_account(&self, handle: &str, role: Role) {
        let name = format!("Dr {handle}");
        let credentials = format!("Credentials of {handle}");
        self.create_account_named(handle, &name, &credentials, role)
            .await;
    }

    /// A verified account with this name and these credentials.
    pub async fn create_account_named(
        &self,
        handle: &str,
        name: &str,
        credentials: &str,
        role: Role,
    ) {
        let hash = confide_web::auth::hash_password(Password::parse(PASSWORD).unwrap())
            .await
            .unwrap();
        self.store
            .create_account(&NewAccount {
                handle: Handle::parse(handle).unwrap(),
                display_name: DisplayName::parse(name).unwrap(),
                credentials: Credentials::parse(credentials).unwrap(),
                role,
                password_hash: hash,
                created_at: confide_web::now(),
                verified: true,
            })
            .await
            .unwrap();
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    // ---- API helpers -------------------------------------------------

    pub async fn api_ask(&self, title: &str, body: &str, topic: &str) -> (i64, String) {
        let r = self
            .http
            .post(self.url("/api/v1/questions"))
            .json(&serde_json::json!({ "title": title, "body": body, "topic": topic }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201);
        let v: Value = r.json().await.unwrap();
        (
            v["id"].as_i64().unwrap(),
            v["capability"].as_str().unwrap().to_owned(),
        )
    }

    pub async fn api_login(&self, handle: &str) -> String {
        let r = self
            .http
            .post(self.url("/api/v1/sessions"))
            .json(&serde_json::json!({ "handle": handle, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201, "login as {handle}");
        let v: Value = r.json().await.unwrap();
        v["token"].as_str().unwrap().to_owned()
    }

    pub async fn api_answer(&self, token: &str, question: i64, body: &str) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/api/v1/questions/{question}/answers")))
            .bearer_auth(token)
            .json(&serde_json::json!({ "body": body }))
            .send()
            .await
            .unwrap()
    }

    // ---- Browser helpers ---------------------------------------------

    /// Logs in through the form; returns the session cookie to send back.
    pub async fn browser_login(&self, handle: &str) -> String {
        let (_, page) = self.get_text("/login").await;
        let r = self
            .http
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf_in(&page).as_str()),
                ("handle", handle),
                ("password", PASSWORD),
                ("next", "/expert"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "form login as {handle}");
        let cookie = r
            .headers()
            .get("set-cookie")
            .expect("session cookie")
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        cookie.split(';').next().unwrap().to_owned()
    }

    pub async fn get_as(&self, cookie: &str, path: &str) -> (u16, String) {
        let r = self
            .http
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    pub async fn post_form(
        &self,
        cookie: Option<&str>,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self.http.post(self.url(path)).form(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.unwrap()
    }
}

/// The first form token on the page that is not a report form's (every
/// thread carries "Report this …" forms with an anonymous token).
pub fn csrf_in(page: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let at = page
        .match_indices(marker)
        .map(|(i, _)| i)
        .find(|&i| !page[i.saturating_sub(80)..i].contains(r#"action="/flags""#))
        .unwrap_or_else(|| panic!("no form token in page"));
    value_after(&page[at..], marker)
}

/// The token of the page's first report form.
pub fn flag_csrf_in(page: &str) -> String {
    value_after(
        page,
        r#"action="/flags"><input type="hidden" name="csrf" value=""#,
    )
}

pub fn value_after(page: &str, marker: &str) -> String {
    let start = page
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in page"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// The path of the private link shown after asking.
pub fn private_path_in(page: &str) -> String {
    let start = page.find("/private/").expect("private link in page");
    page[start..].split('"').next().unwrap().to_owned()
}
