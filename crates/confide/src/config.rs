//! One typed configuration, layered: defaults, then a TOML file, then
//! environment variables (`CONFIDE_…`), then command-line flags.

use std::path::Path;

use anyhow::Context;
use confide_web::SiteConfig;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on.
    pub listen: String,
    /// `sqlite://PATH`.
    pub database_url: String,
    /// Log filter, e.g. `info` or `confide=debug`.
    pub log: String,
    /// Where the search index lives (a projection of the database; rebuilt
    /// from it when missing).
    pub index_dir: std::path::PathBuf,
    /// Where the embedding model is cached.
    pub model_dir: std::path::PathBuf,
    /// Fetch the model on first start when it is missing.
    pub fetch_model: bool,
    pub site: SiteConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            database_url: "sqlite://confide.db".into(),
            log: "info".into(),
            index_dir: "confide-index".into(),
            model_dir: confide_search::model::default_cache_dir(),
            fetch_model: true,
            site: SiteConfig::default(),
        }
    }
}

/// Values given as flags or environment variables; `None` leaves the
/// file's value (or the default) in place.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub listen: Option<String>,
    pub database_url: Option<String>,
    pub publish: Option<String>,
    pub public_url: Option<String>,
    pub log: Option<String>,
    pub index_dir: Option<std::path::PathBuf>,
    pub model_dir: Option<std::path::PathBuf>,
}

impl Config {
    pub fn load(file: Option<&Path>, overrides: Overrides) -> anyhow::Result<Config> {
        let mut config = match file {
            Some(path) => Config::from_file(path)?,
            None => Config::default(),
        };
        if let Some(listen) = overrides.listen {
            config.listen = listen;
        }
        if let Some(url) = overrides.database_url {
            config.database_url = url;
        }
        if let Some(publish) = overrides.publish {
            config.site.publish = match publish.as_str() {
                "on_answer" => confide_core::PublishPolicy::OnAnswer,
                "immediately" => confide_core::PublishPolicy::Immediately,
                other => {
                    anyhow::bail!("publish must be \"on_answer\" or \"immediately\", not {other:?}")
                }
            };
        }
        if let Some(url) = overrides.public_url {
            config.site.public_url = Some(url);
        }
        if let Some(log) = overrides.log {
            config.log = log;
        }
        if let Some(dir) = overrides.index_dir {
            config.index_dir = dir;
        }
        if let Some(dir) = overrides.model_dir {
            config.model_dir = dir;
        }
        Ok(config)
    }

    fn from_file(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        // toml's message names the line and column; we add the file.
        toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn layers_apply_in_order() {
        let f = file("listen = \"0.0.0.0:9000\"\ndatabase_url = \"sqlite://from-file.db\"\n[site]\npublish = \"immediately\"\n");
        let config = Config::load(
            Some(f.path()),
            Overrides {
                database_url: Some("sqlite://from-flag.db".into()),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(config.listen, "0.0.0.0:9000");
        assert_eq!(config.database_url, "sqlite://from-flag.db");
        assert_eq!(
            config.site.publish,
            confide_core::PublishPolicy::Immediately
        );
        assert_eq!(config.log, "info");
    }

    #[test]
    fn bad_file_names_file_and_line() {
        let f = file("listen = \"x\"\n\nnonsense here\n");
        let err = Config::load(Some(f.path()), Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains(&f.path().display().to_string()), "{err}");
        assert!(err.contains("line 3"), "{err}");
    }

    /// Config files put together from awkward pieces: never a panic, and
    /// every refusal names the file.
    #[test]
    fn mangled_files_are_refused_by_name() {
        const PIECES: &[&str] = &[
            "listen = \"127.0.0.1:1\"\n",
            "[site]\n",
            "[site.smtp]\n",
            "[site.rate_limits]\n",
            "publish = 3\n",
            "publish = \"immediately\"\n",
            "retention_days = -1\n",
            "session_days = 99999999999999999999\n",
            "host = \"x\"\n",
            "from = \"\"\n",
            "ask_burst = \"ten\"\n",
            "= = =\n",
            "[[site]]\n",
            "\"\u{0}\" = 1\n",
            "[site\n",
            "tls = yes\n",
            "database_url = \"sqlite://x.db\"\n",
            "shared = true\n",
            "é = 1\n",
        ];
        let mut seed = 0x51_7CC1_B727_220A_u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let f = file(&text);
            if let Err(e) = Config::load(Some(f.path()), Overrides::default()) {
                let message = e.to_string();
                assert!(
                    message.contains(&f.path().display().to_string()),
                    "{message}"
                );
            }
        }
    }

    #[test]
    fn unknown_keys_are_errors_not_silence() {
        let f = file("lisen = \"127.0.0.1:1\"\n");
        let err = Config::load(Some(f.path()), Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("lisen"), "{err}");
    }
}
