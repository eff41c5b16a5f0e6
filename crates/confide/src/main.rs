//! `confide`: the one binary. Serves the site, runs migrations, starts a
//! demo, and administers accounts.

mod config;
mod demo;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use confide_core::{Credentials, DisplayName, Handle, Password, Role};
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
    },
    /// Run a demo on a temporary database with our demo content.
    Demo {
        #[arg(long, env = "CONFIDE_LISTEN")]
        listen: Option<String>,
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
        } => {
            let config = Config::load(
                file,
                Overrides {
                    listen,
                    database_url: db.database_url,
                    publish,
                    public_url,
                    log: std::env::var("CONFIDE_LOG").ok(),
                },
            )?;
            init_logging(&config.log);
            let store = open_store(&config.database_url).await?;
            serve(&config, store, &config.listen).await
        }
        Command::Demo { listen } => {
            let config = Config::load(
                file,
                Overrides {
                    listen,
                    ..Overrides::default()
                },
            )?;
            init_logging(&config.log);
            run_demo(config).await
        }
        Command::Migrate { db } => {
            let config = Config::load(file, database_override(db))?;
            open_store(&config.database_url).await?;
            println!("migrations applied to {}", config.database_url);
            Ok(())
        }
        Command::Account { action } => account(file, action).await,
    }
}

fn database_override(db: DatabaseArgs) -> Overrides {
    Overrides {
        database_url: db.database_url,
        ..Overrides::default()
    }
}

async fn open_store(url: &str) -> anyhow::Result<std::sync::Arc<dyn Store>> {
    let store = confide_store::open(url)
        .await
        .with_context(|| format!("cannot open database {url}"))?;
    store.migrate().await.context("cannot apply migrations")?;
    Ok(store)
}

async fn serve(
    config: &Config,
    store: std::sync::Arc<dyn Store>,
    listen: &str,
) -> anyhow::Result<()> {
    let state = AppState::new(store, config.site.clone()).await?;
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
    let state = AppState::new(store, config.site.clone()).await?;
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
