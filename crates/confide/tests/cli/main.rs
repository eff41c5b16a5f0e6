//! The `confide` binary as operators use it: real processes, real files.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

fn confide() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_confide"));
    // Tests must not pick up the developer's environment.
    for var in [
        "CONFIDE_CONFIG",
        "CONFIDE_DATABASE_URL",
        "CONFIDE_LISTEN",
        "CONFIDE_PUBLISH",
        "CONFIDE_PUBLIC_URL",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = confide()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn db_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("cli.db").display())
}

fn create_expert(url: &str, handle: &str, password: &str) -> Output {
    run(
        &[
            "account",
            "create",
            "--role",
            "expert",
            "--handle",
            handle,
            "--name",
            "Dr Ana Ruiz",
            "--credentials",
            "Licensed sex therapist",
            "--password-stdin",
            "--database",
            url,
        ],
        password,
    )
}

#[test]
fn a_bad_config_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("confide.toml");
    std::fs::write(
        &path,
        "listen = \"127.0.0.1:0\"\n[site]\npublish = \"sometimes\"\n",
    )
    .unwrap();
    let out = run(&["migrate", "--config", path.to_str().unwrap()], "");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("confide.toml") && err.contains("line 3"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let missing = run(&["migrate", "--config", "/nonexistent/confide.toml"], "");
    assert!(stderr(&missing).contains("cannot read config file /nonexistent/confide.toml"));
}

#[test]
fn accounts_are_created_checked_and_disabled() {
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    assert!(run(&["migrate", "--database", &url], "").status.success());

    let ok = create_expert(&url, "dr.ruiz", "a long enough password\n");
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("created expert account dr.ruiz"));

    let again = create_expert(&url, "dr.ruiz", "a long enough password\n");
    assert!(
        stderr(&again).contains("already taken"),
        "{}",
        stderr(&again)
    );

    let short = create_expert(&url, "dr.short", "short\n");
    assert!(
        stderr(&short).contains("password") && stderr(&short).contains("too short"),
        "{}",
        stderr(&short)
    );

    let empty = create_expert(&url, "dr.empty", "");
    assert!(stderr(&empty).contains("password"), "{}", stderr(&empty));

    let bad_role = run(
        &[
            "account",
            "create",
            "--role",
            "root",
            "--handle",
            "x.y.z",
            "--name",
            "N",
            "--credentials",
            "C",
            "--password-stdin",
            "--database",
            &url,
        ],
        "a long enough password\n",
    );
    assert!(
        stderr(&bad_role).contains("unknown role"),
        "{}",
        stderr(&bad_role)
    );

    let bad_handle = create_expert(&url, "Dr Ruiz!", "a long enough password\n");
    assert!(
        stderr(&bad_handle).contains("--handle"),
        "{}",
        stderr(&bad_handle)
    );

    let disabled = run(&["account", "disable", "dr.ruiz", "--database", &url], "");
    assert!(disabled.status.success(), "{}", stderr(&disabled));
    let nobody = run(&["account", "disable", "nobody", "--database", &url], "");
    assert!(stderr(&nobody).contains("no account with handle \"nobody\""));
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// An application as the web form makes one (there is no CLI to apply).
async fn application(url: &str, handle: &str) {
    use confide_core::expert::{ApplicationDraft, ApplicationInput};
    let store = confide_store::open(url).await.unwrap();
    let draft = ApplicationDraft::parse(
        &ApplicationInput {
            handle,
            display_name: "Applicant",
            profession: "Midwife",
            licence_number: "MW-99812",
            licence_body: "A midwifery council",
            check_url: "https://register.example.org/MW-99812",
            statement: "Twelve years on a maternity ward.",
        },
        confide_core::Timestamp(1),
    )
    .unwrap();
    store.apply_as_expert(&draft, "!").await.unwrap();
}

#[tokio::test]
async fn admins_verify_reject_and_revoke_experts_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    assert!(run(&["migrate", "--database", &url], "").status.success());
    application(&url, "mw.one").await;
    application(&url, "mw.two").await;

    let pending = run(
        &["expert", "list", "--status", "pending", "--database", &url],
        "",
    );
    assert!(pending.status.success(), "{}", stderr(&pending));
    assert!(stdout(&pending).contains("mw.one\tpending") && stdout(&pending).contains("MW-99812"));
    let bogus = run(
        &["expert", "list", "--status", "maybe", "--database", &url],
        "",
    );
    assert!(
        stderr(&bogus).contains("unknown status \"maybe\""),
        "{}",
        stderr(&bogus)
    );

    let verify = run(&["expert", "verify", "mw.one", "--database", &url], "");
    assert!(verify.status.success(), "{}", stderr(&verify));
    assert!(stdout(&verify).contains("verify mw.one"));
    let twice = run(&["expert", "verify", "mw.one", "--database", &url], "");
    assert!(
        stderr(&twice).contains("already verified"),
        "{}",
        stderr(&twice)
    );

    // Rejecting and revoking say why, always.
    let no_reason = run(&["expert", "reject", "mw.two", "--database", &url], "");
    assert!(
        stderr(&no_reason).contains("--reason"),
        "{}",
        stderr(&no_reason)
    );
    let blank = run(
        &[
            "expert",
            "reject",
            "mw.two",
            "--reason",
            " ",
            "--database",
            &url,
        ],
        "",
    );
    assert!(
        stderr(&blank).contains("--reason") && stderr(&blank).contains("empty"),
        "{}",
        stderr(&blank)
    );
    let reject = run(
        &[
            "expert",
            "reject",
            "mw.two",
            "--reason",
            "registration not found",
            "--database",
            &url,
        ],
        "",
    );
    assert!(reject.status.success(), "{}", stderr(&reject));

    // Operator-made accounts can be revoked too.
    assert!(create_expert(&url, "dr.made", "a long enough password\n")
        .status
        .success());
    let revoke = run(
        &[
            "expert",
            "revoke",
            "dr.made",
            "--reason",
            "left the profession",
            "--database",
            &url,
        ],
        "",
    );
    assert!(revoke.status.success(), "{}", stderr(&revoke));
    let nobody = run(&["expert", "verify", "nobody", "--database", &url], "");
    assert!(stderr(&nobody).contains("no account with handle \"nobody\""));

    let store = confide_store::open(&url).await.unwrap();
    let (made, _) = store.account_for_login("dr.made").await.unwrap().unwrap();
    assert_eq!(made.verified_at, None);
    let (one, _) = store.account_for_login("mw.one").await.unwrap().unwrap();
    assert!(one.verified_at.is_some());
    let rejected = store
        .applications(Some(confide_core::expert::ApplicationStatus::Rejected), 10)
        .await
        .unwrap();
    assert_eq!(rejected[0].handle, "mw.two");
    assert_eq!(
        rejected[0].decision_note.as_deref(),
        Some("registration not found")
    );
    let audit = store.audit_log(20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "expert.revoke"
        && e.actor == "admin:cli"
        && e.target == "account:dr.made"));
}

#[test]
fn unsupported_databases_are_refused_clearly() {
    let out = run(&["migrate", "--database", "mysql://localhost/x"], "");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("expected sqlite://PATH"),
        "{}",
        stderr(&out)
    );
}

/// A running `confide` process; killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `confide ARGS` and waits for the line that gives its address.
fn start(args: &[&str], marker: &str) -> Server {
    start_with(args, &[], marker)
}

fn start_with(args: &[&str], env: &[(&str, &str)], marker: &str) -> Server {
    let mut child = confide()
        .args(args)
        .envs(env.iter().copied())
        .env("CONFIDE_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("server printed its address").unwrap();
        if let Some(rest) = line.split(marker).nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, base }
}

#[tokio::test]
async fn serve_answers_and_logs_nothing_private() {
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    let index = dir.path().join("index");
    let mut server = start(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database",
            &url,
            "--index-dir",
            index.to_str().unwrap(),
        ],
        "listening on ",
    );
    let http = reqwest::Client::new();
    let health: serde_json::Value = http
        .get(format!("{}/health", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");

    let secret_text = "my-very-private-words-4821";
    let created: serde_json::Value = http
        .post(format!("{}/api/v1/questions", server.base))
        .json(&serde_json::json!({"title": secret_text, "body": secret_text}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let capability = created["capability"].as_str().unwrap().to_owned();
    assert!(created["private_url"]
        .as_str()
        .unwrap()
        .starts_with(&server.base));
    let page = http
        .get(format!("{}/private/{capability}", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);

    let _ = server.child.kill();
    let _ = server.child.wait();
    let mut log = String::new();
    std::io::Read::read_to_string(&mut server.child.stderr.take().unwrap(), &mut log).unwrap();
    assert!(
        log.contains("/private/{capability}"),
        "requests are logged by route: {log}"
    );
    assert!(
        !log.contains(&capability),
        "the capability never reaches the log"
    );
    assert!(
        !log.contains(secret_text),
        "question text never reaches the log"
    );
}

#[tokio::test]
async fn demo_starts_with_our_content_and_logins() {
    let server = start(&["demo", "--listen", "127.0.0.1:0"], "Confide demo: ");
    let http = reqwest::Client::new();
    let home = http
        .get(&server.base)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("Recently answered"));
    assert!(
        home.matches("<li>").count() >= 20,
        "a full first page of demo questions"
    );
    let login = http
        .post(format!("{}/api/v1/sessions", server.base))
        .json(&serde_json::json!({"handle": "amara.okafor", "password": "confide-demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 201);
    let token = login.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let queue: serde_json::Value = http
        .get(format!("{}/api/v1/questions?state=unanswered", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        !queue["questions"].as_array().unwrap().is_empty(),
        "the demo queue has waiting questions"
    );
}

#[tokio::test]
async fn without_the_model_serve_runs_lexical_search_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    // A file where the model cache should be: the model cannot be had.
    let blocked = dir.path().join("not-a-directory");
    std::fs::write(&blocked, b"").unwrap();
    let index = dir.path().join("index");
    let mut server = start(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database",
            &url,
            "--index-dir",
            index.to_str().unwrap(),
            "--model-dir",
            blocked.to_str().unwrap(),
        ],
        "listening on ",
    );
    let http = reqwest::Client::new();
    let health: serde_json::Value = http
        .get(format!("{}/health", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["semantic_search"], "off");
    assert_eq!(health["triage"], "rules");
    let page = http
        .get(format!("{}/search?q=anything", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Semantic search off"));
    let _ = server.child.kill();
    let _ = server.child.wait();
    let mut log = String::new();
    std::io::Read::read_to_string(&mut server.child.stderr.take().unwrap(), &mut log).unwrap();
    assert_eq!(
        log.matches("semantic search and triage by meaning off")
            .count(),
        1,
        "said once: {log}"
    );
}

#[test]
fn redact_reads_stdin_and_prints_what_it_removed() {
    let out = run(
        &["redact"],
        "Text me on 07700 900123, I'm jo@example.com. My boyfriend Jake doesn't know.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["text"],
        "Text me on [phone number removed], I'm [email removed]. My boyfriend [name removed] doesn't know."
    );
    let kinds: Vec<&str> = v["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["phone", "email", "name"]);
    assert_eq!(v["removed"][0]["span"], serde_json::json!([11, 23]));
    let bad = run(&["redact"], "");
    assert!(bad.status.success(), "empty input is just empty");
}

#[test]
fn triage_reads_stdin_and_prints_categories_with_evidence() {
    let out = run(
        &["triage"],
        "The condom broke last night and I'm not on the pill",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["categories"],
        serde_json::json!(["emergency_contraception"])
    );
    assert_eq!(v["urgency"], 2);
    assert!(!v["evidence"].as_array().unwrap().is_empty());
    let calm = run(
        &["triage"],
        "I'm writing a school paper about the morning-after pill.",
    );
    let v: serde_json::Value = serde_json::from_slice(&calm.stdout).unwrap();
    assert_eq!(v["categories"], serde_json::json!([]));
    assert_eq!(v["urgency"], 0);
}

/// A new, empty database on the test PostgreSQL server.
async fn postgres_database(prefix: &str) -> String {
    use sqlx::Connection;
    let admin = std::env::var("CONFIDE_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("CONFIDE_TEST_POSTGRES_URL is not set: run scripts/test (see the README)")
    });
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
        % 1_000_000_000;
    let name = format!("{prefix}_{}_{stamp}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

fn serve_node(url: &str, dir: &Path, name: &str, config: &Path) -> Server {
    let blocked = dir.join("no-model");
    let _ = std::fs::write(&blocked, b"");
    let index = dir.join(format!("index-{name}"));
    start_with(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database",
            url,
            "--index-dir",
            index.to_str().unwrap(),
            "--model-dir",
            blocked.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
        &[(
            "CONFIDE_RATE_LIMIT_SECRET",
            "a shared secret for the test nodes",
        )],
        "listening on ",
    )
}

#[tokio::test]
async fn two_nodes_on_one_postgres_share_search_sessions_and_limits() {
    let url = postgres_database("cli_two_nodes").await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("confide.toml");
    std::fs::write(
        &config,
        "[site.rate_limits]\nshared = true\nlogin_burst = 3\n",
    )
    .unwrap();
    assert!(run(&["migrate", "--database", &url], "").status.success());
    let made = create_expert(&url, "dr.nodes", "a long enough password\n");
    assert!(made.status.success(), "{}", stderr(&made));
    let a = serve_node(&url, dir.path(), "a", &config);
    let b = serve_node(&url, dir.path(), "b", &config);
    let http = reqwest::Client::new();

    // Asked and answered through node A…
    let asked: serde_json::Value = http
        .post(format!("{}/api/v1/questions", a.base))
        .json(
            &serde_json::json!({"title": "Why do I feel faint after orgasm?",
            "body": "It happens now and then and it scares me.", "topic": "bodies"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = asked["id"].as_i64().unwrap();
    let login = http
        .post(format!("{}/api/v1/sessions", a.base))
        .json(&serde_json::json!({"handle": "dr.nodes", "password": "a long enough password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 201);
    let token = login.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let answered = http
        .post(format!("{}/api/v1/questions/{id}/answers", a.base))
        .bearer_auth(&token)
        .json(&serde_json::json!({"body": "Feeling faint (postcoital syncope) is usually harmless; zephyrwort is our marker word."}))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status().as_u16(), 201);

    // …is found by search on node B, which follows the shared change log.
    let started = std::time::Instant::now();
    let mut found = false;
    while started.elapsed() < std::time::Duration::from_secs(20) {
        let results: serde_json::Value = http
            .get(format!("{}/api/v1/search?q=zephyrwort", b.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if results["results"]
            .as_array()
            .is_some_and(|r| r.iter().any(|hit| hit["id"] == id))
        {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(found, "node B never found what node A wrote");
    eprintln!("node B found node A's answer after {:?}", started.elapsed());

    // A session made on A works on B (sessions live in the database).
    let queue = http
        .get(format!("{}/api/v1/questions?state=unanswered", b.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(queue.status().as_u16(), 200);

    // One allowance for both nodes: the login above took one of three.
    let bad_login = |node: &str| {
        http.post(format!("{node}/api/v1/sessions"))
            .json(&serde_json::json!({"handle": "dr.nodes", "password": "not the password"}))
            .send()
    };
    assert_eq!(bad_login(&b.base).await.unwrap().status().as_u16(), 400);
    assert_eq!(bad_login(&a.base).await.unwrap().status().as_u16(), 400);
    let refused = bad_login(&b.base).await.unwrap();
    assert_eq!(
        refused.status().as_u16(),
        429,
        "node B knew of node A's attempts"
    );
    assert!(refused.headers().contains_key("retry-after"));
}

#[test]
fn seed_export_import_and_backup_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    let seeded = run(
        &["seed-synthetic", "--questions", "300", "--database", &url],
        "",
    );
    assert!(seeded.status.success(), "{}", stderr(&seeded));
    assert!(stdout(&seeded).contains("seeded 300 questions"));

    let export = dir.path().join("instance.jsonl");
    let out = run(
        &[
            "export",
            "--output",
            export.to_str().unwrap(),
            "--database",
            &url,
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&export).unwrap();
    assert!(text.starts_with(r#"{"format":"confide-export","version":1,"#));
    assert_eq!(
        text.lines()
            .filter(|l| l.contains(r#""table":"questions""#))
            .count(),
        300
    );
    // Never over an existing file.
    let again = run(
        &[
            "export",
            "--output",
            export.to_str().unwrap(),
            "--database",
            &url,
        ],
        "",
    );
    assert!(
        stderr(&again).contains("must not exist"),
        "{}",
        stderr(&again)
    );

    // Into a new database, with a progress bar; never into a full one.
    let copy = format!("sqlite://{}", dir.path().join("copy.db").display());
    let imported = run(
        &["import", export.to_str().unwrap(), "--database", &copy],
        "",
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(stderr(&imported).contains("100%"), "{}", stderr(&imported));
    let refused = run(
        &["import", export.to_str().unwrap(), "--database", &copy],
        "",
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("instance.jsonl") && stderr(&refused).contains("not empty"),
        "{}",
        stderr(&refused)
    );
    let reexport = run(&["export", "--database", &copy], "");
    let lines = |t: &str| t.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        lines(&text),
        lines(&stdout(&reexport)),
        "the copy holds the same records"
    );

    // A damaged file is refused with its line.
    let broken = dir.path().join("broken.jsonl");
    let mut damaged: Vec<&str> = text.lines().take(3).collect();
    damaged.push("{\"table\": \"questions\", \"row\": {\"id\": \"seven\"}}");
    std::fs::write(&broken, damaged.join("\n")).unwrap();
    let fresh = format!("sqlite://{}", dir.path().join("fresh.db").display());
    let bad = run(
        &["import", broken.to_str().unwrap(), "--database", &fresh],
        "",
    );
    assert!(
        stderr(&bad).contains("broken.jsonl") && stderr(&bad).contains("line 4"),
        "{}",
        stderr(&bad)
    );

    // An online backup is a working database.
    let backup = dir.path().join("backup.db");
    let made = run(
        &["backup", backup.to_str().unwrap(), "--database", &url],
        "",
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let from_backup = run(
        &[
            "export",
            "--database",
            &format!("sqlite://{}", backup.display()),
        ],
        "",
    );
    assert_eq!(lines(&text), lines(&stdout(&from_backup)));
    let twice = run(
        &["backup", backup.to_str().unwrap(), "--database", &url],
        "",
    );
    assert!(
        stderr(&twice).contains("already exists"),
        "{}",
        stderr(&twice)
    );
}

/// Rounds of the crash test: a few here; `CONFIDE_CRASH_ROUNDS=100` for
/// the full run (see the README).
fn crash_rounds() -> usize {
    std::env::var("CONFIDE_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

#[tokio::test]
async fn every_acknowledged_write_survives_kill_9() {
    use sqlx::Connection;
    let dir = tempfile::tempdir().unwrap();
    let url = db_url(dir.path());
    let config = dir.path().join("confide.toml");
    std::fs::write(&config, "[site.rate_limits]\nenabled = false\n").unwrap();
    let blocked = dir.path().join("no-model");
    std::fs::write(&blocked, b"").unwrap();
    let index = dir.path().join("index");
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut replies = 0usize;
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    for round in 0..crash_rounds() {
        let mut server = start(
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database",
                &url,
                "--index-dir",
                index.to_str().unwrap(),
                "--model-dir",
                blocked.to_str().unwrap(),
                "--config",
                config.to_str().unwrap(),
            ],
            "listening on ",
        );
        let base = server.base.clone();
        // Writers run until the server dies under them.
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let base = base.clone();
                tokio::spawn(async move {
                    let http = reqwest::Client::new();
                    let mut done: Vec<(i64, String)> = Vec::new();
                    let mut replied = 0usize;
                    for i in 0.. {
                        let asked = http
                            .post(format!("{base}/api/v1/questions"))
                            .json(&serde_json::json!({
                                "title": format!("Round {round} writer {w} question {i}"),
                                "body": "Written to be killed halfway.", "topic": "other"}))
                            .send()
                            .await;
                        let Ok(asked) = asked else { break };
                        if asked.status().as_u16() != 201 {
                            break;
                        }
                        let Ok(v) = asked.json::<serde_json::Value>().await else {
                            break;
                        };
                        let (id, cap) = (
                            v["id"].as_i64().unwrap(),
                            v["capability"].as_str().unwrap().to_owned(),
                        );
                        done.push((id, cap.clone()));
                        let reply = http
                            .post(format!("{base}/api/v1/questions/{id}/replies"))
                            .bearer_auth(&cap)
                            .json(&serde_json::json!({"body": "A follow-up."}))
                            .send()
                            .await;
                        match reply {
                            Ok(r) if r.status().as_u16() == 201 => replied += 1,
                            _ => break,
                        }
                    }
                    (done, replied)
                })
            })
            .collect();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        tokio::time::sleep(std::time::Duration::from_millis(100 + seed % 400)).await;
        server.child.kill().unwrap(); // SIGKILL: no shutdown, no flush
        let _ = server.child.wait();
        for writer in writers {
            let (done, replied) = writer.await.unwrap();
            acknowledged.extend(done);
            replies += replied;
        }
    }
    assert!(!acknowledged.is_empty(), "the writers wrote something");

    // Every write the server acknowledged is there, and the file is sound.
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let store = confide_store::open(&url).await.unwrap();
    for (id, capability) in &acknowledged {
        let found = store
            .question_id_by_capability(&confide_core::Capability::parse(capability).unwrap().hash())
            .await
            .unwrap();
        assert_eq!(
            found,
            Some(confide_core::QuestionId(*id)),
            "question {id} was acknowledged"
        );
    }
    let stored_replies: i64 = sqlx::query_scalar("SELECT count(*) FROM replies")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(
        stored_replies as usize >= replies,
        "{stored_replies} replies stored, {replies} acknowledged"
    );
    eprintln!(
        "{} rounds: {} questions and {replies} replies acknowledged, all present",
        crash_rounds(),
        acknowledged.len()
    );
}
